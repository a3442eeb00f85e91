"""Footnotes cite sources by id; this hook writes their text and the source list.

A page writes `[^reuters-nds]`; the hook appends the footnote definition from
data/sources.yml. `<!-- source-list -->` on a page becomes the full list. An unknown
id stops the build naming the page; a source nothing cites is reported.
"""

import logging
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from _adapter import reports_data_errors
from explainer import contract
from explainer.data import human_date
from explainer.footnotes import REFERENCE, labelled_backlinks, ordered_clusters, separated
from explainer.references import bibtex, csl_json, ris
from explainer.sources import citation_text, csl_item, load_sources, reporting_through, source_list

log = logging.getLogger("mkdocs.hooks.sources")

DEFINITION = re.compile(r"^\[\^[^\]]+\]:", re.MULTILINE)
LIST_MARKER = contract.SOURCE_LIST
# The whole bibliography for reference managers, beside sources.html (which links to them).
BIBLIOGRAPHY = {"sources.ris": ris, "sources.json": csl_json, "sources.bib": bibtex}

SOURCES: dict[str, dict] = {}
cited: set[str] = set()


@reports_data_errors
def on_config(config):
    SOURCES.clear()
    SOURCES.update(load_sources(config))
    cited.clear()
    # "Reporting through" on every page and in the print edition: derived, never typed.
    newest = reporting_through(SOURCES)
    config.extra["reporting_through"] = {"iso": newest, "text": human_date(newest)}


def on_page_markdown(markdown, page, **kwargs):
    if DEFINITION.search(markdown):
        raise PluginError(f"{page.file.src_uri}: write footnotes as [^source-id] only; "
                          "their text comes from data/sources.yml")
    markdown = ordered_clusters(markdown)
    ids = list(dict.fromkeys(REFERENCE.findall(markdown)))
    unknown = [i for i in ids if i not in SOURCES]
    if unknown:
        raise PluginError(f"{page.file.src_uri}: footnote cites unknown source id(s) "
                          f"{', '.join(unknown)}: add them to data/sources.yml or fix the id")
    cited.update(ids)
    if LIST_MARKER in markdown:
        markdown = markdown.replace(LIST_MARKER, source_list(SOURCES))
    definitions = [f"[^{i}]: {citation_text(SOURCES[i])} [In the source list](sources.md#{i})"
                   for i in ids]
    return markdown + "\n\n" + "\n".join(definitions) + "\n" if definitions else markdown


@event_priority(50)  # writes separators and back-links before search_apparatus marks them
def on_page_content(html, page, **kwargs):
    return labelled_backlinks(separated(html))


def on_post_build(config):
    items = [csl_item(s) for s in sorted(SOURCES.values(), key=lambda s: s["id"])]
    for name, write in BIBLIOGRAPHY.items():
        (Path(config.site_dir) / name).write_text(write(items), encoding="utf-8", newline="")
    uncited = sorted(set(SOURCES) - cited)
    if uncited:
        log.warning("data/sources.yml: no page cites %s; cite or remove them", ", ".join(uncited))
