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
from _data import human_date, markdown_text
from _footnotes import REFERENCE, labelled_backlinks, ordered_clusters, separated
from _references import bibtex, csl_json, ris
from _sources import CONFIDENCE, KINDS, archive_url, citation_text, csl_item, load_sources, reporting_through

log = logging.getLogger("mkdocs.hooks.sources")

DEFINITION = re.compile(r"^\[\^[^\]]+\]:", re.MULTILINE)
LIST_MARKER = "<!-- source-list -->"
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
        markdown = markdown.replace(LIST_MARKER, source_list())
    definitions = [f"[^{i}]: {citation_text(SOURCES[i])} [In the source list](sources.md#{i})"
                   for i in ids]
    return markdown + "\n\n" + "\n".join(definitions) + "\n" if definitions else markdown


@event_priority(50)  # writes separators and back-links before search_apparatus marks them
def on_page_content(html, page, **kwargs):
    return labelled_backlinks(separated(html))


def source_list() -> str:
    """The source list, oldest first, each item an anchor that footnotes link to.

    HTML items with Markdown inside (markdown="span"), so abbreviations and links work.
    Each says what kind of source it is, when the editors read it, where it is live and
    archived, and the words that support what the site cites it for.
    """
    downloads = ('<p class="bibliography-downloads" markdown="span">The whole list for a reference manager: '
                 '<a href="sources.ris" download type="application/x-research-info-systems">RIS</a> · '
                 '<a href="sources.json" download type="application/vnd.citationstyles.csl+json">CSL-JSON</a> · '
                 '<a href="sources.bib" download type="application/x-bibtex">BibTeX</a>.</p>\n')
    return (downloads + '<ol class="source-list" markdown="block">\n'
            + "\n".join(source_item(s) for s in sorted(SOURCES.values(), key=lambda s: (s["date"] or "9999", s["id"])))
            + "\n</ol>")


def source_item(source: dict) -> str:
    name = (f"“{markdown_text(source['title'])}”" if "title" in source
            else f"{markdown_text(source['description'])} <span class=\"source-described\">(our description)</span>")
    date = human_date(source["date"]) if source["date"] else "Undated"
    kind = KINDS[source["kind"]]
    if source.get("summarises"):
        kind += f", summarising {markdown_text(source['summarises'])}"
    read = (f"Accessed {human_date(source['accessed'])}" if "evidence_from" not in source else
            f"Not found again when checked on {human_date(source['accessed'])}; the excerpt is "
            + ("its headline" if source["evidence_from"] == "headline only" else "from the editors' research sheet"))
    facts = (f'<span class="source-kind">{kind}</span> · {read} · '
             f'<span class="source-confidence">Reliability: {CONFIDENCE[source["confidence"]]}</span>')
    if source["url"]:
        links = (f'<p class="source-links" markdown="span">[Live page]({source["url"]}) · '
                 f'[Archived copies]({archive_url(source)})</p>')
    else:
        links = ('<p class="source-links" markdown="span">No address: the editors were given the text, '
                 "which is kept whole with the site's source.</p>")
    excerpt = (f'<blockquote class="source-excerpt" markdown="span">{markdown_text(source["evidence"][0])}</blockquote>'
               if "evidence" in source else "")
    return (f'<li id="{source["id"]}" class="source" markdown="block">\n'
            f'<p markdown="span">**{markdown_text(source["outlet"])}**, {name}. {date}.</p>\n'
            f'<p class="source-facts" markdown="span">{facts}.</p>\n{links}\n{excerpt}\n</li>')


def on_post_build(config):
    items = [csl_item(s) for s in sorted(SOURCES.values(), key=lambda s: s["id"])]
    for name, write in BIBLIOGRAPHY.items():
        (Path(config.site_dir) / name).write_text(write(items), encoding="utf-8", newline="")
    uncited = sorted(set(SOURCES) - cited)
    if uncited:
        log.warning("data/sources.yml: no page cites %s; cite or remove them", ", ".join(uncited))
