"""How to cite each page: adapter over hooks/_citations.py (the facts and every format).

Per content page: the citation facts (title from its H1), the text styles and <head> tags
for the templates, a "Cite this section" under each heading the address registry lists,
a permanent link on each timeline entry, and its citation as RIS and CSL-JSON files in
cite/ for reference managers.
"""

import datetime
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_build_datetime

from explainer.citations import (Edition, PageFacts, add_entry_links, add_section_citations, csl_item, edition_facts, formats, head_tags, json_ld,
                        page_title)
from explainer.data import data_path
from explainer.references import csl_json, ris

DOWNLOADS = "cite"  # cite/<page>.ris and cite/<page>.json
PRINT_PAGE = "print.md"  # every page at once (hooks/print_edition.py)

cited_anchors: dict[str, set[str]] = {}  # page address -> anchors the registry lists
items: dict[str, dict] = {}  # page address -> its CSL-JSON item, written after the build


def on_config(config):
    registry = yaml.safe_load(data_path(config, "addresses.yml").read_text(encoding="utf-8")) or {}
    cited_anchors.clear()
    for address in registry.get("live") or []:
        page, _, anchor = str(address).partition("#")
        if anchor:
            cited_anchors.setdefault(page, set()).add(anchor)
    items.clear()


def facts_of(page, config) -> PageFacts:
    try:
        title = page_title(page.content, f"docs/{page.file.src_uri}")
    except ValueError as error:
        raise PluginError(str(error)) from error
    # The build's date (SOURCE_DATE_EPOCH when set, so builds repeat): the earliest day a
    # reader of this copy can have read it. Never before the page's own last update.
    built = get_build_datetime().date()
    return PageFacts(title=title, description=page.meta["description"], site=config.site_name,
                     author=config.site_author, published=page.meta["published"], updated=page.meta["updated"],
                     url=page.canonical_url, accessed=max(built, page.meta["updated"]),
                     edition=edition_of(page, config.extra.get("latest_edition")))


def edition_of(page, latest: dict | None) -> Edition | None:
    """The page in the newest dated edition (hooks/editions.py): the frozen print edition,
    where each page is the section named by its address."""
    if not latest or page.file.src_uri == PRINT_PAGE:
        return None
    section = page.file.dest_uri.removesuffix(".html")
    return Edition(datetime.date.fromisoformat(latest["iso"]), f"{latest['url']}#{section}")


def on_page_context(context, page, config, nav):
    if not page.canonical_url or "published" not in page.meta:
        return context  # not a content page (Material's 404)
    facts = facts_of(page, config)
    page.meta["citation_title"] = facts.title
    page.meta["citation"] = formats(facts)
    page.meta["citation_head"] = head_tags(facts)
    page.meta["citation_jsonld"] = json_ld(facts)
    page.meta["citation_downloads"] = {kind: f"{DOWNLOADS}/{page.file.dest_uri.removesuffix('.html')}.{kind}"
                                       for kind in ("ris", "json")}
    edition = edition_facts(facts)
    if edition:
        page.meta["citation_edition"] = {"url": edition.url, "date": edition.updated, "styles": formats(edition)}
    page.meta["citation_facts"] = facts
    items[page.file.dest_uri] = csl_item(facts)
    return context


def on_post_page(output, page, config):
    """After the theme: the print edition, search and the evidence check read the content
    without these boxes and links, which only a reader of the page itself can use."""
    facts = page.meta.get("citation_facts") if page.meta else None
    if not facts:
        return output
    if page.file.src_uri != PRINT_PAGE:  # on paper there is nothing to click or copy
        output = add_entry_links(output, page.file.dest_uri, facts.url)
    return add_section_citations(output, facts, cited_anchors.get(page.file.dest_uri, set()))


def on_post_build(config):
    folder = Path(config.site_dir) / DOWNLOADS
    folder.mkdir(exist_ok=True)
    for address, item in items.items():
        name = address.removesuffix(".html")
        (folder / f"{name}.ris").write_text(ris([item]), encoding="utf-8", newline="")
        (folder / f"{name}.json").write_text(csl_json([item]), encoding="utf-8")
