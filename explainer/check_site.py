"""The site's checks without MkDocs: what another engine's build would be held to.

    .venv/bin/python -m explainer check        # before a build: every input (explainer/__main__.py)
    .venv/bin/python -m explainer post SITE    # after a build: the built HTML in SITE

`check` loads and cross-checks every input as the build does (Site.load: the data files
with their schemas and rules, every page's front matter, the navigation). `post`
reads a built site, whichever engine made it: every quotation and figure against the
evidence of the sources cited beside it, nothing loaded from another host, every
published address present, and the Korean edition (ko/) beside the English one: a build
with SITE_SKIP_KOREAN=1, for tests, is never to be published.
"""

import functools
import os
from collections.abc import Callable
from pathlib import Path

from . import edition_ko
from .addresses import exists, ids_in
from .build_inputs import SKIP_KOREAN, source_date_epoch
from .data import ExplainerError
from .evidence import (
    Result,
    abstract_fields,
    blocks_of,
    check_blocks,
    feed_fields,
    field_blocks,
    head_fields,
    page_of,
)
from .foreign_loads import foreign_loads
from .site import Site

ROOT = Path(__file__).resolve().parent.parent  # the checkout this package is in


def check(root: Path = ROOT) -> list[str]:
    """Every input, read and cross-checked as the build reads it (explainer/site.py)."""
    try:
        Site.load(root)
    except ExplainerError as error:
        return [str(error)]
    try:  # the build's other input from outside: a time it cannot write stops it (probe 6.19, 6.20)
        source_date_epoch(os.environ)
    except ValueError as error:
        return [str(error)]
    return []


def article(html: str) -> str:
    start = html.find("<article")
    return html[start : html.find("</article>", start)] if start >= 0 else ""


def _korean_check(root: Path, name: str) -> Callable[..., Result]:
    """The Korean evidence check of site page `name` (ko/x.html), with the ordinals its English twin writes."""
    twin = root / "docs" / name.removeprefix(edition_ko.EDITION + "/").removesuffix(".html")
    english = twin.with_suffix(".md")
    ordinals = edition_ko.twin_ordinals(english.read_text(encoding="utf-8")) if english.is_file() else frozenset()
    return functools.partial(edition_ko.check_blocks, ordinals=ordinals)


def post(site: Path, root: Path = ROOT) -> list[str]:
    """A built site, whichever engine made it, against the inputs of the project at root."""
    try:
        model = Site.load(root)
    except ExplainerError as error:
        return [str(error)]
    evidence = model.evidence()
    problems = []
    for page in sorted(site.rglob("*.html")):
        name = page.relative_to(site).as_posix()
        html = page.read_text(encoding="utf-8")
        problems += [f"{name}: loads {url} from another host" for url in foreign_loads(html)]
        if name.startswith("editions/") or name in ("print.html", "404.html", f"{edition_ko.EDITION}/print.html"):
            continue  # copies of the pages (checked there) and the theme's own page
        blocks = blocks_of(article(html))
        korean = name.startswith(edition_ko.EDITION + "/")  # Korean pages: numbers and quotations read the Korean way
        check = _korean_check(root, name) if korean else check_blocks
        problems += [f"{name}: {finding}" for finding in check(blocks, evidence).findings]
        # The texts around the body (head tags, JSON-LD, the citation abstract), held to the page.
        edition = site / edition_ko.EDITION if korean else site  # each edition has its own cite/ folder
        cite = edition / "cite" / name.removeprefix(edition_ko.EDITION + "/").removesuffix(".html")
        files = (cite.with_suffix(".json"), cite.with_suffix(".ris"))
        abstracts = abstract_fields(*(f.read_text(encoding="utf-8") if f.is_file() else None for f in files))
        fields = field_blocks(list(dict.fromkeys(head_fields(html) + abstracts)))
        problems += [f"{name}: {finding}" for finding in check(fields, evidence, page_of(blocks)).findings]
    feed, changelog = site / "feed.xml", site / "changelog.html"
    if feed.is_file() and changelog.is_file():  # the feed's entries, held to the changelog that shows them
        shown = page_of(blocks_of(article(changelog.read_text(encoding="utf-8"))))
        entries = field_blocks(feed_fields(feed.read_text(encoding="utf-8")))
        problems += [f"feed.xml: {finding}" for finding in check_blocks(entries, evidence, shown).findings]
    live = model.addresses.live
    produced = {p.relative_to(site).as_posix(): ids_in(p.read_text(encoding="utf-8")) for p in site.rglob("*.html")}
    problems += [
        f"{address}: a published address the site does not produce"
        for address in sorted(live)
        if not exists(address, produced)
    ]
    if (root / edition_ko.CONFIG).is_file() and not (site / edition_ko.EDITION / "index.html").is_file():
        problems.append(
            f"{edition_ko.EDITION}/index.html: the site has no Korean edition (built with {SKIP_KOREAN}=1?); "
            "a published site holds both"
        )
    return problems
