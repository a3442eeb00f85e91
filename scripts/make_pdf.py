"""The print edition as a PDF, printed by the headless Chromium the tests use.

    make pdf                                   # builds site/, then site/seoul-in-the-lead.pdf
                                               # and site/ko/seoul-in-the-lead-ko.pdf
    .venv/bin/python scripts/make_pdf.py SITE_DIR [OUTPUT.pdf]

The Korean edition's print edition (SITE_DIR/ko/print.html), when the site has one, is printed
too, by the same browser, into ko/ beside OUTPUT (OUTPUT's folder/ko/seoul-in-the-lead-ko.pdf).

print.html carries its own page layout (CSS paged media, see explainer/print_pages.py): a
cover, running heads, the address and "Page N of M". Chromium cannot put page numbers in
the contents by itself, so the edition is printed twice: the first printing's outline says
on which page each chapter starts, the contents get those numbers, and the second printing
is the PDF. It is tagged (its structure readable by screen readers) and has an outline of
the headings. Chromium sees only the fonts of pdf-fonts.conf, so every machine prints the
same PDF. It is written next to the offline zip, so the deploy workflow publishes both.
With SOURCE_DATE_EPOCH set, two printings are byte-identical: Chromium writes the wall clock
as the PDF's dates and numbers the tagged structure's ids from a counter that differs between
runs; explainer/pdf_bytes.py fixes both (same order, same length). There is no document /ID.
"""

import os
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright
from pypdf import PdfReader

from explainer.build_inputs import source_date_epoch
from explainer.chromium import CHROMIUM_ARGS, chromium_path
from explainer.downloads import KO_PDF_NAME, PDF_NAME
from explainer.pdf_bytes import reproducible

FONTS = Path(__file__).resolve().parent / "pdf-fonts.conf"
# Each chapter's heading, as the outline names it, by the chapter's id.
CHAPTER_HEADINGS = """() => Object.fromEntries([...document.querySelectorAll('section.print-section')].map(
    section => [section.id, section.querySelector('h2').textContent.replace('¶', '').trim()]))"""
FILL_CONTENTS = """pages => document.querySelectorAll('.print-page-number').forEach(
    span => { span.textContent = pages[span.dataset.chapter] || ''; })"""


def key(title: str) -> str:
    return "".join(title.split())


def outline_pages(pdf: Path) -> dict[str, int]:
    """Each outline title's page number (from 1), first occurrence, keyed without spaces:
    Chromium drops the space where a heading wraps ("defensestrategy")."""
    reader = PdfReader(pdf)
    pages: dict[str, int] = {}

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                pages.setdefault(key(item.title), reader.get_destination_page_number(item) + 1)

    walk(reader.outline)
    return pages


def print_page(page, output: Path) -> None:
    page.pdf(path=str(output), prefer_css_page_size=True, print_background=False, tagged=True, outline=True)


def print_edition(browser, edition: Path, output: Path) -> None:
    """Print one print edition (print.html) to output, with the contents' page numbers."""
    page = browser.new_page()
    try:
        page.goto(edition.as_uri())
        page.emulate_media(media="print")
        with tempfile.TemporaryDirectory() as folder:
            first = Path(folder) / "first.pdf"
            print_page(page, first)
            starts = outline_pages(first)
        headings = page.evaluate(CHAPTER_HEADINGS)
        missing = [heading for heading in headings.values() if key(heading) not in starts]
        if missing:
            sys.exit(f"make_pdf: {edition}: chapters missing from the PDF outline: {missing}")
        page.evaluate(FILL_CONTENTS, {chapter: starts[key(heading)] for chapter, heading in headings.items()})
        print_page(page, output)
    finally:
        page.close()


def korean_output(output: Path) -> Path:
    """Where the Korean edition's PDF goes: ko/ beside the English one, as the site has it."""
    return output.parent / "ko" / KO_PDF_NAME


def make_pdf(site: Path, output: Path) -> list[Path]:
    """Print site/print.html to output and, when the site has the Korean edition's,
    site/ko/print.html to korean_output(output). Returns the files written."""
    chromium = chromium_path()
    if not chromium:
        sys.exit("make_pdf: no 'chromium' on PATH (run scripts/browser.sh)")
    jobs = [(site / "print.html", output)]
    if (site / "ko" / "print.html").is_file():
        jobs.append((site / "ko" / "print.html", korean_output(output)))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=CHROMIUM_ARGS, env={**os.environ, "FONTCONFIG_FILE": str(FONTS), "TZ": "UTC"}
        )
        try:
            for edition, pdf in jobs:
                pdf.parent.mkdir(parents=True, exist_ok=True)
                print_edition(browser, edition, pdf)
        finally:
            browser.close()
    epoch = source_date_epoch(os.environ)
    if epoch is not None:
        for _, pdf in jobs:
            try:
                pdf.write_bytes(reproducible(pdf.read_bytes(), epoch))
            except ValueError as error:
                sys.exit(f"make_pdf: {pdf}: {error}")
    return [pdf for _, pdf in jobs]


if __name__ == "__main__":
    site_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "site").resolve()
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else site_dir / PDF_NAME
    for written in make_pdf(site_dir, out):
        print(f"wrote {written}")
    if out == site_dir / PDF_NAME and f'href="{PDF_NAME}"' not in (site_dir / "index.html").read_text(encoding="utf-8"):
        print(
            f"note: this site's pages do not link {PDF_NAME}: build it with SITE_PDF=1 (make pdf does)", file=sys.stderr
        )
