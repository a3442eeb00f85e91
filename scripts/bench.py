"""Build speed and page weight, measured; prints figures and asserts nothing.

    make bench              # or: .venv/bin/python scripts/bench.py [--runs N]

- median wall time of N strict builds of the real site;
- the same for a synthetic copy with ten times the pages (linear hooks stay ~10x);
- total size of the built site;
- each page's first view: the HTML plus everything it loads, gzip-compressed.
"""

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import copy_project, run_build  # noqa: E402  the tests' own build, not a second one

URL_IN_CSS = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def timed_builds(project: Path, runs: int) -> float:
    times = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(runs):
            start = time.perf_counter()
            result = run_build(project, Path(out) / "site")
            times.append(time.perf_counter() - start)
            if result.returncode:
                sys.exit(result.stderr)
    return statistics.median(times)


def multiply_pages(project: Path, factor: int) -> int:
    """Copy every section page factor-1 more times under new names, listed in the nav."""
    docs = project / "docs"
    pages = [p for p in docs.glob("*.md")]
    nav = []
    for copy in range(2, factor + 1):
        for page in pages:
            name = f"{page.stem}-{copy}.md"
            # Each copy is a full page: same footnotes, figures and timeline markers.
            (docs / name).write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
            nav.append(f"      - {page.stem} {copy}: {name}")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("\nnav:\n", "\nnav:\n  - Copies:\n" + "\n".join(nav) + "\n", 1)
    config.write_text(text, encoding="utf-8")
    return len(pages) * factor


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def first_view(site: Path, page: Path) -> tuple[int, int]:
    """(compressed HTML, compressed HTML + everything the page loads)."""
    html = page.read_bytes()
    soup = BeautifulSoup(html, "html.parser")
    assets = set()
    for tag in soup.find_all(["script", "img"], src=True):
        assets.add(tag["src"])
    for tag in soup.find_all("link", href=True):
        if set(tag.get("rel", [])) & {"stylesheet", "icon"}:
            assets.add(tag["href"])
    total = gz(html)
    for asset in assets:
        relative = asset.split("?")[0].split("#")[0]
        base = site if relative.startswith("/") else page.parent  # 404.html roots its addresses
        path = (base / relative.lstrip("/")).resolve()
        if path.is_file():
            total += gz(path.read_bytes())
            if path.suffix == ".css":  # images and fonts the stylesheet pulls in
                for url in URL_IN_CSS.findall(path.read_text(encoding="utf-8")):
                    nested = (path.parent / url.split("?")[0].split("#")[0])
                    if not url.startswith("data:") and nested.is_file():
                        total += gz(nested.read_bytes())
    return gz(html), total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"

    real = timed_builds(ROOT, args.runs)
    print(f"build, real site:        median of {args.runs}: {real:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
        count = multiply_pages(project, 10)
        big = timed_builds(project, max(1, args.runs // 2))
        print(f"build, {count} pages (10x): median: {big:.2f} s  ({big / real:.1f}x the real site)")

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        run_build(ROOT, site)
        files = [p for p in site.rglob("*") if p.is_file()]
        print(f"built site: {len(files)} files, {sum(p.stat().st_size for p in files) / 1024:.0f} KB")
        print(f"\n{'page':40} {'HTML gz':>9} {'first view gz':>14}")
        for page in sorted(site.glob("*.html")):
            html, total = first_view(site, page)
            print(f"{page.name:40} {html / 1024:8.1f}K {total / 1024:13.1f}K")


if __name__ == "__main__":
    main()
