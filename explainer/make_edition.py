"""Cut a dated edition: the whole explainer as it stands, frozen, for citation forever.

    .venv/bin/python -m explainer edition [--date YYYY-MM-DD]   (make edition)

Builds the site, turns print.html into one self-contained page (styles inlined, no
scripts, nothing from other hosts, its own Content-Security-Policy) headed "This edition /
Latest version / Previous edition", copies the offline zip beside it, and registers both
with their sha256 in data/editions.yml. Commit the three files: the build refuses any later
change to them. One edition a day at most; an edition is never rewritten.
"""

import argparse
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup

from explainer import contract
from explainer.csp import KnownScripts, with_policy
from explainer.data import human_date
from explainer.downloads import ZIP_NAME
from explainer.editions import FOLDER, icon_link, sha256
from explainer.hosting import HostingError, check_edition, hosted_url, uncommitted_changes

ROOT = Path(__file__).resolve().parent.parent  # the checkout this package is in
REGISTRY = ROOT / "data" / "editions.yml"
ICON = "assets/favicon.svg"  # mkdocs.yml theme.favicon, in the built site
# What belongs to the live site, not to a frozen copy: scripts, citation boxes and lines,
# permalinks, page histories, and the cover's lines about the live site's address.
APPARATUS = contract.EDITION_REMOVES


def build(site: Path, day: datetime.date) -> None:
    epoch = int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC).timestamp())
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "properdocs",
            "build",
            "--strict",
            "--config-file",
            str(ROOT / "mkdocs.yml"),
            "--site-dir",
            str(site),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )


def inline_styles(soup: BeautifulSoup, page: Path) -> str:
    css = []
    for link in soup.select('link[rel="stylesheet"]'):
        href = str(link["href"])  # href is single-valued: a string, never a list of classes
        text = (page.parent / href.split("?")[0]).read_text(encoding="utf-8")
        if re.search(r"url\((?!\s*[\"']?data:)", text):
            raise SystemExit(f"{link['href']} loads a file by url(); an edition must hold everything itself")
        css.append(re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", text))
    return "\n".join(css + [style.get_text() for style in soup.select("head style")])  # the site's own, last


def edition_page(site: Path, day: datetime.date, previous: dict[str, Any] | None, site_url: str) -> str:
    page = site / "print.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.md-content__inner")
    if article is None:
        raise SystemExit(f'{page} has no <article class="md-content__inner">: is it the site\'s print edition?')
    for element in article.select(APPARATUS):
        element.decompose()
    online = "" if "127.0.0.1" in site_url or "localhost" in site_url else f" ({site_url}print.html)"
    before = (
        f'<a href="{previous["file"].removeprefix(FOLDER + "/")}">{human_date(previous["date"])}</a>'
        if previous
        else "none (this is the first)"
    )
    notice = (
        f'<p class="edition-notice">This edition: <time datetime="{day}">{human_date(day.isoformat())}</time>'
        f' · Latest version: <a href="../print.html">the live print edition</a>{online}'
        f" · Previous edition: {before}</p>"
    )
    # Printed, each page's foot names the edition, not the live address.
    styles = inline_styles(soup, page).replace(f'"{site_url}print.html"', f'"Edition of {human_date(day.isoformat())}"')
    # Links to the site's own files point from docs/editions/ back to the site, wherever it is.
    body = article.decode_contents().replace(f'href="{site_url}', 'href="../')
    return with_policy(
        "<!doctype html>\n"
        f'<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>Seoul in the Lead: edition of {human_date(day.isoformat())}</title>"
        f"{icon_link((site / ICON).read_text(encoding='utf-8'))}"
        f"<style>{styles}</style></head>\n"
        '<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="indigo" data-md-color-accent="indigo">\n'
        f'<main class="md-main"><div class="md-main__inner md-grid"><div class="md-content">'
        f'<article class="md-content__inner md-typeset">{notice}\n{body}</article>'
        "</div></div></main></body></html>\n",
        KnownScripts(),
    )  # an edition runs no script


def registered() -> list[dict[str, Any]]:  # data/editions.yml: date, last_change, file, sha256, zip, zip_sha256
    import yaml

    return yaml.safe_load(REGISTRY.read_text(encoding="utf-8")) or []


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m explainer edition", description=__doc__.splitlines()[0])
    parser.add_argument("--date", type=datetime.date.fromisoformat, default=datetime.date.today())
    day = parser.parse_args(argv).date
    try:  # only for the hosted address, from committed files: an edition is frozen for good
        check_edition(os.environ.get("SITE_URL"), hosted_url(ROOT / "mkdocs.yml"), uncommitted_changes(ROOT))
    except HostingError as error:
        raise SystemExit(f"make edition refused: {error}") from None
    entries = registered()
    if any(str(e["date"]) == day.isoformat() for e in entries):
        raise SystemExit(f"an edition of {day} exists already: editions are never rewritten")
    folder = ROOT / "docs" / FOLDER
    folder.mkdir(exist_ok=True)
    html, archive = folder / f"{day}.html", folder / f"{day}-offline.zip"
    with tempfile.TemporaryDirectory() as temporary:
        site = Path(temporary) / "site"
        build(site, day)
        previous = entries[-1] if entries else None
        if previous:
            previous = {**previous, "date": str(previous["date"])}
        html.write_text(
            edition_page(site, day, previous, os.environ.get("SITE_URL", "http://127.0.0.1:8000/")), encoding="utf-8"
        )
        shutil.copyfile(site / ZIP_NAME, archive)
    # The newest change the edition holds: changes made later the same day are not in it.
    last_change = yaml.safe_load((ROOT / "data" / "changes.yml").read_text(encoding="utf-8"))[0]["id"]
    entry = (
        f"\n- date: {day}\n  last_change: {last_change}\n  file: {FOLDER}/{html.name}\n  sha256: {sha256(html)}\n"
        f"  zip: {FOLDER}/{archive.name}\n  zip_sha256: {sha256(archive)}\n"
    )
    text = REGISTRY.read_text(encoding="utf-8").replace("\n[]\n", "\n")
    REGISTRY.write_text(text.rstrip("\n") + "\n" + entry, encoding="utf-8")
    print(
        f"wrote docs/{FOLDER}/{html.name} ({html.stat().st_size} bytes), docs/{FOLDER}/{archive.name} "
        f"({archive.stat().st_size} bytes) and their entry in data/editions.yml: commit all three"
    )


if __name__ == "__main__":
    main()
