"""Footnotes cite sources by id; this hook writes their text and the source list.

A page writes `[^reuters-nds]`; the hook appends the footnote definition from
data/sources.yml. `<!-- source-list -->` on a page becomes the full list. An unknown
id stops the build naming the page; a source nothing cites is reported.
"""

import logging
import re

from mkdocs.exceptions import PluginError

from _data import human_date, markdown_text
from _footnotes import REFERENCE, labelled_backlinks, ordered_clusters, separated
from _sources import CONFIDENCE, citation_text, load_sources, reporting_through

log = logging.getLogger("mkdocs.hooks.sources")

DEFINITION = re.compile(r"^\[\^[^\]]+\]:", re.MULTILINE)
LIST_MARKER = "<!-- source-list -->"

SOURCES: dict[str, dict] = {}
cited: set[str] = set()


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
        markdown = markdown.replace(LIST_MARKER, source_list())
    definitions = [f"[^{i}]: {citation_text(SOURCES[i])} [In the source list](sources.md#{i})"
                   for i in ids]
    return markdown + "\n\n" + "\n".join(definitions) + "\n" if definitions else markdown


def on_page_content(html, page, **kwargs):
    return labelled_backlinks(separated(html))


def source_list() -> str:
    """The source list, oldest first, each item an anchor that footnotes link to.

    HTML items with Markdown inside (markdown="span"), so abbreviations and links work.
    """
    items = []
    for source in sorted(SOURCES.values(), key=lambda s: (s["date"] or "9999", s["id"])):
        name = (f"“{markdown_text(source['title'])}”" if "title" in source
                else markdown_text(source["description"]))
        date = human_date(source["date"]) if source["date"] else "Undated"
        link = f" <{source['url']}>" if source["url"] else ""
        items.append(
            f'<li id="{source["id"]}" markdown="span">**{markdown_text(source["outlet"])}**, '
            f'{name}. {date}.{link} '
            f'<span class="source-confidence">Reliability: {CONFIDENCE[source["confidence"]]}.</span></li>'
        )
    return '<ol class="source-list" markdown="block">\n' + "\n".join(items) + "\n</ol>"


def on_post_build(config):
    uncited = sorted(set(SOURCES) - cited)
    if uncited:
        log.warning("data/sources.yml: no page cites %s; cite or remove them", ", ".join(uncited))
