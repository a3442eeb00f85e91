"""Build speed and page weight, measured; prints figures and asserts nothing.

    make bench              # or: .venv/bin/python -m tests.support.bench [--runs N]

- median wall time of N strict builds of the real site;
- the same for a synthetic copy with ten times the pages (linear hooks stay ~10x);
- total size of the built site;
- each page's first view: the HTML plus everything it needs to render, gzip-compressed;
- the offline zip and the search index;
- the story pages' prose: attribution phrases and footnote markers per 100 words
  (tests/support/prose_measure.py; targets 1.5 and 2.5);
- Lighthouse on three pages beside a baseline: the source article in plain, default Material,
  built in a temporary folder. Median of three runs each, served gzip-compressed from
  loopback, mobile preset; targets: performance >= 0.99, total blocking time <= 50 ms, first
  contentful paint <= 1.05 x the baseline's. Where `lighthouse` is installed
  (npm install -g lighthouse@12; not needed by the tests);
- the timeline's first paint against the baseline's, run back to back (baseline, timeline,
  baseline, ...) so that a busy machine slows both alike: each run's first contentful paint,
  their medians, spread and ratio (target <= 1.05), with the timeline's compressed HTML and the
  bytes sent before its first entry (printed even where Lighthouse cannot run).

    .venv/bin/python -m tests.support.bench --first-paint [--paint-runs N] [--site built-site]  # that part alone
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

# The tests' own build and weights, not a second copy of them.
from explainer.chromium import CHROMIUM_ARGS, chromium_path
from explainer.downloads import ZIP_NAME
from tests.support.page_weight import first_view, gz, search_index
from tests.support.project import ROOT, QuietHandler, copy_project, run_build, serve_folder
from tests.support.prose_measure import report as prose_report
from tests.test_budgets import FIRST_VIEW_BUDGET, HTML_BUDGET, PRINT_BUDGETS


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
    pages = list(docs.glob("*.md"))
    nav = []
    for copy in range(2, factor + 1):
        for page in pages:
            name = f"{page.stem}-{copy}.md"
            # Each copy is a full page: same footnotes, figures and timeline markers.
            (docs / name).write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
            # Titles without digits: the changelog lists them, and its figures are checked.
            nav.append(f"      - {page.stem} copy {chr(ord('a') + copy)}: {name}")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("\nnav:\n", "\nnav:\n  - Copies:\n" + "\n".join(nav) + "\n", 1)
    config.write_text(text, encoding="utf-8")
    # Register each copy's page and anchors, as an editor adding real pages would.
    registry = project / "data" / "addresses.yml"
    live = yaml.safe_load(registry.read_text(encoding="utf-8"))["live"]
    copies = [address.replace(".html", f"-{copy}.html", 1) for copy in range(2, factor + 1) for address in live]
    registry.write_text(yaml.safe_dump({"live": live + copies, "moved": []}), encoding="utf-8")
    # And give each copy its original's history, so that its dates agree with the record.
    record = project / "data" / "changes.yml"
    text = record.read_text(encoding="utf-8")
    entries, copied = yaml.safe_load(text), {page.name for page in pages}
    for entry in entries:
        entry["pages"] += [
            target.replace(".md", f"-{copy}.md", 1)
            for copy in range(2, factor + 1)
            for target in entry["pages"]
            if target.partition("#")[0] in copied
        ]
    schema_line = text.splitlines()[0]
    record.write_text(schema_line + "\n" + yaml.safe_dump(entries, sort_keys=False), encoding="utf-8")
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


def baseline_site(folder: Path) -> Path:
    """The source article in plain Material: what the site's first paint is compared with."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    lines = (ROOT / "data" / "article.txt").read_text(encoding="utf-8").splitlines()
    # The article's section titles are the lines without a full stop.
    body = "\n\n".join(f"## {line}" if not line.endswith(".") else line for line in lines[1:])
    (docs / "index.md").write_text(f"# {lines[0]}\n\n{body}\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: Baseline\ntheme:\n  name: material\n  font: false\n", encoding="utf-8"
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "properdocs",
            "build",
            "-q",
            "-f",
            str(folder / "mkdocs.yml"),
            "-d",
            str(folder / "site"),
        ],
        check=True,
    )
    return folder / "site"


ALL_CATEGORIES = "performance,accessibility,best-practices,seo"
CATEGORY_NAMES = {"perf": "performance", "a11y": "accessibility", "best": "best-practices", "seo": "seo"}
FIRST_PAINT_TARGET = 1.05  # the timeline's first contentful paint, times the baseline's (issue 23)


def lighthouse_run(lighthouse: str, chromium: str, url: str, categories: str = ALL_CATEGORIES) -> dict | None:
    result = subprocess.run(
        [
            lighthouse,
            url,
            "--quiet",
            "--output=json",
            "--chrome-flags=--headless --no-sandbox " + " ".join(CHROMIUM_ARGS),
            "--only-categories=" + categories,
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "CHROME_PATH": chromium},
    )
    if result.returncode:
        print(f"{url}: lighthouse failed: {result.stderr.strip()[-200:]}")
        return None
    report = json.loads(result.stdout)
    audits = report["audits"]
    observed = audits["metrics"]["details"]["items"][0]
    scores = {name: report["categories"][key]["score"] for name, key in CATEGORY_NAMES.items() if key in categories}
    return {
        **scores,
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        # Chrome's own first paint, unthrottled: after DOMContentLoaded, the simulation charges the
        # whole page's parsing and scripts to the first paint; before it, only what came first.
        "late": observed["observedFirstContentfulPaint"] > observed["observedDomContentLoaded"],
    }


def median_run(lighthouse: str, chromium: str, url: str, runs: int = 3) -> dict | None:
    results = [r for r in (lighthouse_run(lighthouse, chromium, url) for _ in range(runs)) if r]
    return {key: statistics.median(r[key] for r in results) for key in results[0] if key != "late"} if results else None


def lighthouse_scores(site: Path, pages: list[str]) -> None:
    """Lighthouse on a few pages and on the plain-Material baseline, side by side."""
    lighthouse, chromium = shutil.which("lighthouse"), chromium_path()
    if not (lighthouse and chromium):
        print("\nlighthouse: not installed (npm install -g lighthouse@12), scores skipped")
        return
    with tempfile.TemporaryDirectory() as tmp, serve_folder(baseline_site(Path(tmp)), GzipHandler) as plain:
        base = median_run(lighthouse, chromium, plain + "index.html")
        with serve_folder(site, GzipHandler) as address:
            rows = [("baseline: article in plain Material", base)] + [
                (page, median_run(lighthouse, chromium, address + page)) for page in pages
            ]
    print(f"\n{'lighthouse, mobile, median of 3':38} perf  a11y  best  seo   FCP ms  x base  TBT ms")
    for name, r in rows:
        if r:
            ratio = r["fcp"] / base["fcp"] if base else float("nan")
            print(
                f"{name:38} {r['perf']:.2f}  {r['a11y']:.2f}  {r['best']:.2f}  {r['seo']:.2f}  "
                f"{r['fcp']:7.0f}  {ratio:6.2f}  {r['tbt']:6.0f}"
            )
    print("targets: perf >= 0.99, FCP <= 1.05 x baseline, TBT <= 50 ms")


FIRST_ENTRY = b'<li class="timeline-entry'


def timeline_bytes(page: Path) -> tuple[int, int, int, int]:
    """The timeline's HTML, raw and gzip-compressed, and the bytes before its first entry, raw and
    compressed (the first entry in the document, where a browser can first paint one)."""
    data = page.read_bytes()
    before = data.find(FIRST_ENTRY)
    if before < 0:
        sys.exit(f"{page}: no timeline entry ({FIRST_ENTRY.decode()}...) found")
    return len(data), gz(data), before, gz(data[:before])


def spread(values: list[float]) -> str:
    return f"median {statistics.median(values):6.0f} ms, min {min(values):6.0f}, max {max(values):6.0f}"


def timeline_first_paint(site: Path, runs: int = 3) -> None:
    """The timeline's first contentful paint against the plain-Material baseline's, measured back
    to back; the byte figures first, which need no Lighthouse."""
    raw, packed, before, before_packed = timeline_bytes(site / "timeline.html")
    print("\ntimeline first paint")
    print(f"timeline.html: {raw / 1024:.1f} KB, {packed / 1024:.1f} KB gzip")
    print(f"before the first entry: {before / 1024:.1f} KB, {before_packed / 1024:.1f} KB gzip")
    lighthouse, chromium = shutil.which("lighthouse"), chromium_path()
    if not (lighthouse and chromium):
        missing = "lighthouse (npm install -g lighthouse@12)" if not lighthouse else "chromium"
        print(f"first contentful paint: not measured, {missing} not found")
        return
    fcp: dict[str, list[float]] = {"baseline": [], "timeline": []}
    late: dict[str, list[bool]] = {"baseline": [], "timeline": []}
    with (
        tempfile.TemporaryDirectory() as tmp,
        serve_folder(baseline_site(Path(tmp)), GzipHandler) as plain,
        serve_folder(site, GzipHandler) as address,
    ):
        urls = {"baseline": plain + "index.html", "timeline": address + "timeline.html"}
        for _ in range(runs):
            for name, url in urls.items():
                result = lighthouse_run(lighthouse, chromium, url, "performance")
                if result:
                    fcp[name].append(result["fcp"])
                    late[name].append(result["late"])
    if not (fcp["baseline"] and fcp["timeline"]):
        print("first contentful paint: not measured, lighthouse failed (see above)")
        return
    print(f"lighthouse, mobile, {runs} runs each, back to back; first contentful paint (* Chrome painted")
    print("first after DOMContentLoaded, so the simulation charged all parsing and scripts to it):")
    for name, values in fcp.items():
        runs_text = ", ".join(
            f"{v:.0f}{'*' if was_late else ''}" for v, was_late in zip(values, late[name], strict=True)
        )
        print(f"  {name:9} {spread(values)}   runs: {runs_text}")
    ratio = statistics.median(fcp["timeline"]) / statistics.median(fcp["baseline"])
    pairs = [t / b for t, b in zip(fcp["timeline"], fcp["baseline"], strict=False)]
    print(
        f"  ratio of medians: {ratio:.2f} x baseline (target <= {FIRST_PAINT_TARGET}); "
        f"run by run: {', '.join(f'{p:.2f}' for p in pairs)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--first-paint", action="store_true", help="only the timeline's first paint (one build)")
    parser.add_argument("--paint-runs", type=int, default=3, help="Lighthouse runs of each page (at least 3)")
    parser.add_argument("--site", type=Path, help="with --first-paint: measure this built site instead of building")
    args = parser.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    paint_runs = max(3, args.paint_runs)

    if args.first_paint and args.site:
        timeline_first_paint(args.site, paint_runs)
        return
    if args.first_paint:
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp) / "site"
            result = run_build(ROOT, site)
            if result.returncode:
                sys.exit(result.stderr)
            timeline_first_paint(site, paint_runs)
        return

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
        print(
            f"\n{'page':34} {'HTML gz':>8} {'first view gz':>14}   budgets: HTML {HTML_BUDGET // 1024}K, first view "
            f"{FIRST_VIEW_BUDGET // 1024}K (print.html {PRINT_BUDGETS['html'] // 1024}K/"
            f"{PRINT_BUDGETS['first_view'] // 1024}K)"
        )
        for page in sorted(site.glob("*.html")):
            html = gz(page.read_bytes())
            print(f"{page.name:34} {html / 1024:7.1f}K {first_view(site, page) / 1024:13.1f}K")
        print()
        print("\n".join(prose_report(site)))
        lighthouse_scores(site, ["index.html", "alliance.html", "timeline.html"])
        timeline_first_paint(site, paint_runs)


if __name__ == "__main__":
    main()
