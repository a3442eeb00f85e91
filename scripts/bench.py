"""Build speed and page weight, measured; prints figures and asserts nothing.

    make bench              # or: .venv/bin/python scripts/bench.py [--runs N]

- median wall time of N strict builds of the real site;
- the same for a synthetic copy with ten times the pages (linear hooks stay ~10x);
- total size of the built site;
- each page's first view: the HTML plus everything it needs to render, gzip-compressed;
- the offline zip and the search index;
- Lighthouse's four scores on three pages, where `lighthouse` is installed.
"""

import argparse
import gzip
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "hooks"))
# The tests' own build and weights, not a second copy of them.
from chromium import CHROMIUM_ARGS, chromium_path  # noqa: E402
from conftest import QuietHandler, copy_project, run_build, serve_folder  # noqa: E402
from offline_bundle import ZIP_NAME  # noqa: E402
from page_weight import first_view, gz, search_index  # noqa: E402


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
    # Register each copy's page and anchors, as an editor adding real pages would.
    registry = project / "data" / "addresses.yml"
    live = yaml.safe_load(registry.read_text(encoding="utf-8"))["live"]
    copies = [address.replace(".html", f"-{copy}.html", 1) for copy in range(2, factor + 1) for address in live]
    registry.write_text(yaml.safe_dump({"live": live + copies, "moved": []}), encoding="utf-8")
    return len(pages) * factor


class GzipHandler(QuietHandler):
    """Serves compressed, as any real host does; the scores would otherwise measure our server."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def lighthouse_scores(site: Path, pages: list[str]) -> None:
    """Lighthouse's four scores on a few pages, mobile preset, where lighthouse is installed."""
    lighthouse, chromium = shutil.which("lighthouse"), chromium_path()
    if not (lighthouse and chromium):
        print("\nlighthouse: not installed (npm install -g lighthouse), scores skipped")
        return
    with serve_folder(site, GzipHandler) as address:
        print(f"\n{'lighthouse (mobile)':32} perf  a11y  best  seo")
        for page in pages:
            result = subprocess.run(
                [lighthouse, address + page, "--quiet",
                 "--output=json", "--chrome-flags=--headless --no-sandbox " + " ".join(CHROMIUM_ARGS),
                 "--only-categories=performance,accessibility,best-practices,seo"],
                capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chromium})
            if result.returncode:
                print(f"{page:32} failed: {result.stderr.strip()[-200:]}")
                continue
            categories = json.loads(result.stdout)["categories"]
            print(f"{page:32} " + "  ".join(f"{categories[c]['score']:.2f}" for c in
                                            ("performance", "accessibility", "best-practices", "seo")))


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
        print(f"zip for offline reading: {(site / ZIP_NAME).stat().st_size / 1024:.0f} KB (budget 1.5 MB)")
        print(f"search index, fetched once after the first page: {search_index(site) / 1024:.1f} KB gzip")
        print(f"\n{'page':34} {'HTML gz':>8} {'first view gz':>14}   budgets: HTML 25K, first view 80K"
              " (print.html 60K/125K)")
        for page in sorted(site.glob("*.html")):
            html = gz(page.read_bytes())
            print(f"{page.name:34} {html / 1024:7.1f}K {first_view(site, page) / 1024:13.1f}K")
        lighthouse_scores(site, ["index.html", "alliance.html", "timeline.html"])


if __name__ == "__main__":
    main()
