"""The print edition as a PDF, printed by the headless Chromium the tests use.

    make pdf                                   # builds site/, then site/seoul-in-the-lead.pdf
    .venv/bin/python scripts/make_pdf.py SITE_DIR [OUTPUT.pdf]

The PDF is tagged (its structure readable by screen readers) and has an outline of the
headings; page numbers and the online address go in every page's footer. Chromium sees
only the fonts of pdf-fonts.conf, so every machine prints the same PDF. It is written next
to the offline zip, so the deploy workflow publishes both (the footers link to it).
"""

import html
import os
import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from chromium import CHROMIUM_ARGS, chromium_path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from _downloads import PDF_NAME  # noqa: E402

FONTS = Path(__file__).resolve().parent / "pdf-fonts.conf"


def online_address(print_page: Path) -> str:
    match = re.search(r'<link rel="canonical" href="([^"]+)"', print_page.read_text(encoding="utf-8"))
    return match.group(1) if match else ""


def make_pdf(site: Path, output: Path) -> Path:
    """Print site/print.html to output."""
    chromium = chromium_path()
    if not chromium:
        sys.exit("make_pdf: no 'chromium' on PATH (run scripts/browser.sh)")
    print_page = site / "print.html"
    footer = (
        '<div style="font-size:8px;width:100%;padding:0 12mm;display:flex;justify-content:space-between">'
        f"<span>{html.escape(online_address(print_page))}</span>"
        '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>'
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS,
                                             env={**os.environ, "FONTCONFIG_FILE": str(FONTS)})
        try:
            page = browser.new_page()
            page.goto(print_page.as_uri())
            page.emulate_media(media="print")
            page.pdf(path=str(output), format="A4", print_background=False, display_header_footer=True,
                     header_template="<span></span>", footer_template=footer, tagged=True, outline=True,
                     margin={"top": "15mm", "bottom": "18mm", "left": "15mm", "right": "15mm"})
        finally:
            browser.close()
    return output


if __name__ == "__main__":
    site_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "site").resolve()
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else site_dir / PDF_NAME
    print(f"wrote {make_pdf(site_dir, out)}")
