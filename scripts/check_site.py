"""The site's checks without MkDocs: what another engine's build would be held to.

    .venv/bin/python scripts/check_site.py check        # before a build: every data file
    .venv/bin/python scripts/check_site.py post SITE    # after a build: the built HTML in SITE

`check` loads and validates every data file (schemas and each file's own rules). `post`
reads a built site, whichever engine made it: every quotation and figure against the
evidence of the sources cited beside it, nothing loaded from another host, and every
published address present. Exits 1 with one line per problem.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from explainer import changes as _changes
from explainer import editions as _editions
from explainer.addresses import exists, ids_in, read_registry
from explainer.data import DataError, load_list
from explainer.evidence import (abstract_fields, blocks_of, check_blocks, feed_fields, field_blocks, head_fields,
                               page_of)
from explainer.foreign_loads import foreign_loads
from explainer.sources import evidence_texts, validate as validate_sources

DATA = ROOT / "data"
CONFIG = {"config_file_path": str(ROOT / "mkdocs.yml")}


def check() -> list[str]:
    from explainer import figures as figures
    from explainer import timeline as timeline

    try:
        sources = validate_sources(load_list(DATA / "sources.yml"), DATA / "sources.yml")
        ids = set(sources)
        timeline.validate(load_list(DATA / "timeline.yml"), DATA / "timeline.yml", ids)
        figures.validate(load_list(DATA / "figures.yml"), DATA / "figures.yml", ids)
        changes = _changes.validate(load_list(DATA / "changes.yml"), DATA / "changes.yml", ids)
        _editions.validate(load_list(DATA / "editions.yml"), DATA / "editions.yml", ROOT / "docs",
                           [change["id"] for change in changes])
    except DataError as error:
        return [str(error)]
    return []


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
        blocks = blocks_of(article(html))
        problems += [f"{name}: {finding}" for finding in check_blocks(blocks, evidence).findings]
        # The texts around the body (head tags, JSON-LD, the citation abstract), held to the page.
        cite = site / "cite" / name.removesuffix(".html")
        abstracts = abstract_fields(*(p.read_text(encoding="utf-8") if p.is_file() else None
                                      for p in (cite.with_suffix(".json"), cite.with_suffix(".ris"))))
        fields = field_blocks(list(dict.fromkeys(head_fields(html) + abstracts)))
        problems += [f"{name}: {finding}" for finding in check_blocks(fields, evidence, page_of(blocks)).findings]
    feed, changelog = site / "feed.xml", site / "changelog.html"
    if feed.is_file() and changelog.is_file():  # the feed's entries, held to the changelog that shows them
        page = page_of(blocks_of(article(changelog.read_text(encoding="utf-8"))))
        fields = field_blocks(feed_fields(feed.read_text(encoding="utf-8")))
        problems += [f"feed.xml: {finding}" for finding in check_blocks(fields, evidence, page).findings]
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
