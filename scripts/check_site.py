"""The site's checks without MkDocs: what another engine's build would be held to.

    .venv/bin/python scripts/check_site.py check        # before a build: every data file
    .venv/bin/python scripts/check_site.py post SITE    # after a build: the built HTML in SITE

`check` loads and validates every data file (schemas and each file's own rules). `post`
reads a built site, whichever engine made it: every quotation and figure against the
evidence of the sources cited beside it, nothing loaded from another host, and every
published address present. Exits 1 with one line per problem.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from explainer import changes as _changes
from explainer import editions as _editions
from explainer.addresses import exists, ids_in, lost_addresses, read_registry
from explainer.build_inputs import source_date_epoch
from explainer.data import DataError, load_list, read_text
from explainer.evidence import blocks_of, check_blocks
from explainer.foreign_loads import foreign_loads
from explainer.front_matter import page_problems
from explainer.sources import evidence_texts, validate as validate_sources

DATA = ROOT / "data"
MAP_DESCRIBED = ("seoul", "pyongyang", "pyeongtaek", "camp-casey")  # as hooks/map.py's description names them
CONFIG = {"config_file_path": str(ROOT / "mkdocs.yml")}


def check(root: Path = ROOT) -> list[str]:
    """Every data file, each on its own (one problem per file at most), as the build checks it."""
    from explainer import figures as figures
    from explainer import map as _map
    from explainer import timeline as timeline

    data = root / "data"
    try:
        ids = set(validate_sources(load_list(data / "sources.yml"), data / "sources.yml"))
    except DataError as error:
        return [str(error)]  # every other file cites sources: checking them now would only echo this
    changes: list[dict] = []

    def check_changes():
        changes.extend(_changes.validate(load_list(data / "changes.yml"), data / "changes.yml", ids))

    def check_editions():
        if changes:  # a broken change record is reported once, above
            _editions.validate(load_list(data / "editions.yml"), data / "editions.yml", root / "docs",
                               [change["id"] for change in changes])

    def check_registry():
        live, moved = read_registry(data / "addresses.yml")
        lost = lost_addresses(root, live, moved)
        if lost:
            raise DataError(data / "addresses.yml", problem="\n".join(lost).removeprefix("data/addresses.yml: "))

    steps = [
        lambda: timeline.validate(load_list(data / "timeline.yml"), data / "timeline.yml", ids, docs=root / "docs"),
        lambda: figures.validate(load_list(data / "figures.yml"), data / "figures.yml", ids),
        check_changes,
        check_editions,
        check_registry,
        lambda: _map.validate(load_list(data / "map" / "places.yml"), data / "map" / "places.yml", ids,
                              named=MAP_DESCRIBED),
        lambda: _map.load_outline(data / "map" / "korea-outline.json"),
        lambda: read_text(data / "abbreviations.md"),
    ]
    problems = []
    for step in steps:
        try:
            step()
        except DataError as error:
            problems.append(str(error))
    for page in sorted((root / "docs").rglob("*.md")):
        name = page.relative_to(root / "docs").as_posix()
        try:
            problems += [f"{name}: {p}" for p in page_problems(read_text(page))]
        except DataError as error:
            problems.append(str(error))
    try:
        source_date_epoch(os.environ)
    except ValueError as error:
        problems.append(str(error))
    return problems


def article(html: str) -> str:
    start = html.find("<article")
    return html[start:html.find("</article>", start)] if start >= 0 else ""


def post(site: Path) -> list[str]:
    sources = validate_sources(load_list(DATA / "sources.yml"), DATA / "sources.yml")
    evidence = evidence_texts(sources, CONFIG)
    problems = []
    for page in sorted(site.rglob("*.html")):
        name = page.relative_to(site).as_posix()
        html = page.read_text(encoding="utf-8")
        problems += [f"{name}: loads {url} from another host" for url in foreign_loads(html)]
        if name.startswith("editions/") or name in ("print.html", "404.html"):
            continue  # copies of the pages (checked there) and the theme's own page
        problems += [f"{name}: {finding}" for finding in check_blocks(blocks_of(article(html)), evidence).findings]
    live, _moved = read_registry(DATA / "addresses.yml")
    produced = {p.relative_to(site).as_posix(): ids_in(p.read_text(encoding="utf-8")) for p in site.rglob("*.html")}
    problems += [f"{address}: a published address the site does not produce"
                 for address in sorted(live) if not exists(address, produced)]
    return problems


def main(argv: list[str]) -> int:
    if argv[:1] == ["check"] and len(argv) == 1:
        problems = check()
    elif argv[:1] == ["post"] and len(argv) == 2:
        problems = post(Path(argv[1]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print("\n".join(problems) or "no problems found")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
