"""MkDocs' side of the site: the one module that imports MkDocs, listed in mkdocs.yml as hooks/adapter.py.

Everything else in the package is plain Python: this adapter hands it what MkDocs has at each
event and puts back what it returns. The events are written in the order MkDocs runs them;
within an event, the steps run in the order written. The per-build state is one `Build`,
made in on_config from `Site.load`, which reads and cross-checks every input once. Any
ExplainerError becomes MkDocs' PluginError in one place (`_reported`).

Each event runs at one priority, chosen against the two plugins (search, offline):
- on_config at 100: the inputs are checked before the plugins configure themselves;
- on_page_context at 0: after the search plugin has indexed the page (the print edition is
  filled in after indexing, so search does not find every page twice);
- on_post_page and on_post_template at -100, on_post_build at -200: last, so that the
  Content-Security-Policy hashes what the page finally holds, and the offline zip holds
  what everything else wrote (the offline plugin inlines the search index at -100).
"""

from __future__ import annotations

import datetime
import functools
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime

from . import (
    addresses,
    changes,
    citations,
    contract,
    edition_ko,
    editions,
    figures,
    footnotes,
    front_matter,
    print_edition,
    print_pages,
)
from . import map as korea_map
from . import sources as source_list
from . import timeline as timeline_module
from .build_inputs import EXAMPLE, SKIP_KOREAN, is_preview, site_url_problem, skip_korean, source_date_epoch, symlinks
from .csp import KnownScripts, UnknownInlineScript, with_policy
from .data import ExplainerError, human_date
from .downloads import KO_PDF_NAME, PDF_NAME, SIZE_MARKER, ZIP_NAME, pdf_in_build
from .evidence import (
    Block,
    PageText,
    Result,
    abstract_fields,
    blocks_of,
    check_blocks,
    feed_fields,
    field_blocks,
    head_fields,
    page_of,
    with_excerpts,
)
from .foreign_loads import foreign_loads, published_file_problems
from .korean import marked_english
from .offline import bundle
from .references import bibtex, csl_json, ris
from .search import (
    KOREAN_SEARCH,
    english_boosts,
    leave_out_of_search,
    load_search,
    load_terms,
    with_keywords,
    with_korean_keywords,
)
from .site import Site
from .site import front_matter as site_front_matter

log = logging.getLogger("mkdocs.hooks.explainer")

PRINT_PAGE = "print.md"  # every page at once: the print edition
STYLESHEET = "stylesheets/site.css"  # in docs/, so that `make serve` sees edits to it; inlined in each page
CITE_FOLDER = "cite"  # cite/<page>.ris and cite/<page>.json
BIBLIOGRAPHY = {"sources.ris": ris, "sources.json": csl_json, "sources.bib": bibtex}  # beside sources.html
FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]]+\]:", re.MULTILINE)
SOURCE_LIST_MARKER = contract.SOURCE_LIST
CHANGELOG_MARKER = contract.CHANGELOG
EDITIONS_MARKER = contract.EDITIONS
MAP_MARKER = contract.MAP
MAP_SVG_MARKER = contract.MAP_SVG  # the SVG goes in after Markdown: no abbreviation marks inside it
MAP_ID = "figure-korea-map"
MAP_CAPTION = "Where the story happens: the places the sources name, on the Korean Peninsula"
MAP_DESCRIPTION = (
    "A map of North and South Korea drawn from Natural Earth's outline, marking Seoul, Pyongyang, "
    "Pyeongtaek (Camp Humphreys and Osan Air Base), the direction of Camp Casey from Seoul, and the "
    "line between the two Koreas. The list under the map gives the same places with their sources."
)
ZIP_EPOCH_FLOOR = 315532800  # 1980-01-01, the earliest time a zip file can hold


@dataclass
class Build:
    """What one build knows: the site model, and what the pages showed as they went by."""

    site: Site
    titles: dict[str, str]  # source path -> navigation label
    evidence: dict[str, str]  # source id -> its recorded excerpts as one text
    cited_anchors: dict[str, set[str]]  # page address -> anchors the registry lists
    cited: set[str] = field(default_factory=set)  # source ids the pages cite
    placed: set[str] = field(default_factory=set)  # figure ids the pages place
    updated: dict[str, datetime.date] = field(default_factory=dict)  # source path -> its `updated:`
    anchors: dict[str, set[str]] = field(default_factory=dict)  # source path -> ids in its content
    produced: dict[str, set[str]] = field(default_factory=dict)  # page address -> ids in its HTML
    items: dict[str, dict[str, Any]] = field(default_factory=dict)  # page address -> its CSL-JSON item
    checked: Result = field(default_factory=Result)
    known_scripts: KnownScripts = field(default_factory=KnownScripts)  # the inline scripts the site writes
    pages_checked: list[str] = field(default_factory=list)
    korean: bool = False  # the Korean edition's build (mkdocs.ko.yml), into site/ko/
    english_url: str = ""  # the English edition's address (the Korean one is it + ko/)
    strings: dict[str, str] = field(default_factory=dict)  # the interface words (data/ko/strings.yml)
    overlays: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)  # data/ko/*.yml, by English id
    # page address -> its checked body and the sources it cites, for the texts around it
    checked_pages: dict[str, PageText] = field(default_factory=dict)
    front_fields: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # page address -> checked there
    # Korean build: source path -> the ordinals its English twin writes (edition_ko.twin_ordinals)
    ordinals: dict[str, frozenset[Decimal]] = field(default_factory=dict)


_build: Build | None = None

P = ParamSpec("P")
R = TypeVar("R")


def _reported(event: Callable[P, R]) -> Callable[P, R]:
    """The one place an ExplainerError becomes a build error, with its message (file, entry, field)."""

    @functools.wraps(event)  # keeps MkDocs' event priority, an attribute of the function
    def reporting(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return event(*args, **kwargs)
        except ExplainerError as error:
            raise PluginError(str(error)) from error

    return reporting


def current() -> Build:
    if _build is None:
        raise PluginError("the explainer hook's on_config did not run")
    return _build


# ---- on_config: check what comes from outside the Markdown, read every input once ----


@event_priority(100)
@_reported
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    root = Path(config.config_file_path).parent
    check_build_inputs(root, config)
    site = Site.load(root)
    _build = Build(site, site.nav_titles, site.evidence(), site.addresses.cited_anchors())
    try:  # from their sources: the theme's script partials, overrides first
        _build.known_scripts = KnownScripts.from_theme(list(config.theme.dirs))
    except ValueError as error:
        raise ExplainerError("overrides/", problem=str(error)) from error
    extra = config.extra
    # "Reporting through" on every page and in the print edition: derived, never typed.
    newest_report = source_list.reporting_through(site.source_entries())
    extra["reporting_through"] = {"iso": newest_report, "text": human_date(newest_report)}
    newest = changes.banner(site.change_entries())  # the newest change to the story, not errata
    extra["whats_new"] = newest and {
        "id": newest["id"],
        "date": human_date(newest["date"].isoformat()),
        "text": changes.short_title(newest),
    }
    latest = editions.latest(site.edition_entries())
    extra["latest_edition"] = latest and {
        "date": human_date(latest["date"].isoformat()),
        "iso": latest["date"].isoformat(),
        "file": latest["file"],
        "url": (config.site_url or "") + latest["file"],
    }
    # overrides/partials/copyright.html links the downloads by these names and marks the size;
    # the PDF only when this site will hold it (make pdf: SITE_PDF=1).
    try:
        pdf = PDF_NAME if pdf_in_build(os.environ) else None
    except ValueError as error:
        raise PluginError(str(error)) from error
    extra["downloads"] = {"zip": ZIP_NAME, "pdf": pdf, "size_marker": SIZE_MARKER}
    css = (root / "docs" / STYLESHEET).read_text(encoding="utf-8")  # docs/ for both editions
    if "</style" in css.lower():
        raise ExplainerError(f"docs/{STYLESHEET}", problem="must not contain </style: it is written inside <style>")
    extra["site_css"] = css  # overrides/main.html writes it into <head>: no request before first paint
    _build.english_url = config.site_url or ""
    korean = edition_ko.is_korean(extra)
    _build.strings = edition_ko.strings_for(edition_ko.load_strings(root), edition_ko.EDITION if korean else "en")
    extra["strings"] = _build.strings  # overrides/ read the interface words from here
    extra["english_root"] = "../" if korean else ""  # what only the English edition has is one folder up
    # The colour switch's names (mkdocs.yml palette toggles, in English there) in the edition's words.
    edition_words = {texts["en"]: _build.strings[key] for key, texts in edition_ko.load_strings(root).items()}
    for option in config.theme.get("palette") or []:
        toggle = option.get("toggle") if isinstance(option, dict) else None
        if toggle and toggle.get("name") in edition_words:
            toggle["name"] = edition_words[toggle["name"]]
    # The headings' permalink title ("Link to this section") in the edition's words.
    toc = config.mdx_configs.setdefault("toc", {})
    if "permalink_title" in toc:
        toc["permalink_title"] = _build.strings["link_to_section"]
    if korean:
        configure_korean(config, root, _build)
        extra["downloads"]["pdf"] = pdf and KO_PDF_NAME  # the Korean print edition's, in ko/ beside it
        extra["reporting_through"]["text"] = edition_ko.korean_date(newest_report)
        if newest:
            extra["whats_new"]["date"] = edition_ko.korean_date(newest["date"])
    return config


def configure_korean(config: MkDocsConfig, root: Path, build: Build) -> None:
    """The Korean edition: its own address (the English one + ko/) and a navigation of the Korean
    pages that exist, in the English order, labelled by their Korean titles."""
    build.korean = True
    config.site_url = edition_ko.site_url(config.site_url or "")
    docs = Path(config.docs_dir)
    titles = {}
    for path in sorted(docs.glob("*.md")):
        meta = site_front_matter(path.read_text(encoding="utf-8")) or {}
        titles[path.name] = str(meta.get("title") or path.stem)
    config.nav = edition_ko.navigation(config.nav or [], titles)
    build.titles = {**build.titles, **titles}  # a Korean page by its Korean title (the timeline's links)
    site = build.site
    english_ids = {
        "data/ko/timeline.yml": [e["id"] for e in site.timeline_entries()],
        "data/ko/figures.yml": list(site.figure_entries()),
        "data/ko/places.yml": [p["id"] for p in site.place_entries()],
    }
    build.overlays = {name: edition_ko.load_overlay(root, name, ids) for name, ids in english_ids.items()}
    english_figures = site.figure_entries()
    for figure_id, korean in build.overlays["data/ko/figures.yml"].items():
        for problem in edition_ko.figure_overlay_problems(english_figures[figure_id], korean):
            raise ExplainerError("data/ko/figures.yml", figure_id, "overlay", problem)
    _, missing = edition_ko.korean_places(site.place_entries(), build.overlays["data/ko/places.yml"])
    for problem in missing:
        raise ExplainerError("data/ko/places.yml", problem=problem)


def check_build_inputs(root: Path, config: MkDocsConfig) -> None:
    """No symbolic links, a valid SITE_URL and SOURCE_DATE_EPOCH; is this a local preview?"""
    links = symlinks(root)
    if links:
        raise PluginError(
            f"symbolic link(s) {', '.join(links)}: a link publishes whatever it points at. "
            "Replace each with the file itself"
        )
    for name, url in (("SITE_URL", os.environ.get("SITE_URL")), ("site_url", config.site_url)):
        problem = site_url_problem(url) if url is not None else None
        if problem:
            raise PluginError(f"{name} {url!r} {problem}, like {EXAMPLE}")
    try:
        source_date_epoch(os.environ)
        skip_korean(os.environ)
    except ValueError as error:
        raise PluginError(str(error)) from error
    config.extra["preview"] = is_preview(config.site_url or "")


# ---- on_files: every page is a registered address ----


@_reported
def on_files(files: Files, config: MkDocsConfig) -> Files:
    pages = {f.dest_uri for f in files.documentation_pages()}
    unlisted = sorted(pages - current().site.addresses.live)
    if unlisted:
        raise ExplainerError(
            addresses.REGISTRY,
            problem=f"the site would publish {', '.join(unlisted)}, which the "
            "registry does not list. Add each under 'live' (addresses are permanent once published)",
        )
    if current().korean:
        add_english_assets(files, config)
    return files


def add_english_assets(files: Files, config: MkDocsConfig) -> None:
    """The Korean edition is a whole site of its own under ko/: the English edition's stylesheet,
    scripts, favicon and vendored files are copied into it (ko/ holds only Markdown pages)."""
    docs = Path(config.config_file_path).parent / "docs"
    for path in sorted(docs.rglob("*")):
        relative = path.relative_to(docs).as_posix()
        wanted = path.is_file() and path.suffix != ".md" and not relative.startswith("editions/")
        if wanted and files.get_file_from_path(relative) is None:
            files.append(File(relative, str(docs), config.site_dir, config.use_directory_urls))


# ---- on_page_markdown: markers become Markdown (with footnotes), then footnote text, then the anchor scan ----


@event_priority(100)
@_reported
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = current()
    src = page.file.src_uri
    check_front_matter(markdown, page)
    if build.korean:
        markdown = korean_page(markdown, page, build)
    markdown = place_figures(markdown, src, build)
    markdown = place_map(markdown, build)
    markdown = place_timeline(markdown, src, build)
    build.updated[src] = page.meta["updated"]  # a real date: check_front_matter passed
    if CHANGELOG_MARKER in markdown:
        markdown = markdown.replace(
            CHANGELOG_MARKER,
            changes.changelog_markdown(
                build.site.change_entries(),
                build.titles,
                # The Korean edition names a section by its Korean heading where the page is translated.
                changes.heading_labels(build.site.root / "docs")
                | (changes.heading_labels(build.site.root / edition_ko.EDITION) if build.korean else {}),
                # The Korean edition: its labels and dates; the record's own words stay English, marked so.
                *((build.strings, edition_ko.korean_date) if build.korean else ()),
            ),
        )
    if EDITIONS_MARKER in markdown:
        listed = editions.editions_markdown(
            build.site.edition_entries(), build.site.change_entries(), build.site.root / "docs"
        )
        if build.korean:  # the list of the English edition's dated editions, in English, marked so
            listed = f'<div class="editions-en" lang="en" markdown="block">\n{listed}\n</div>'
        markdown = markdown.replace(EDITIONS_MARKER, listed)
    markdown = with_footnote_text(markdown, src, build)
    check_citable_anchors(markdown, page, build)
    if build.korean:  # links to pages only the English edition has go there, one folder up
        markdown = edition_ko.english_links(markdown, {f.src_uri for f in files.documentation_pages()})
    return markdown


def check_front_matter(markdown: str, page: Page) -> None:
    """First: no other step sees a page with bad front matter."""
    reason = front_matter.unreadable(markdown) if not page.meta else None
    if reason:
        raise ExplainerError(page.file.src_uri, problem=f"front matter {reason}")
    found = front_matter.problems(dict(page.meta))
    if found:
        raise ExplainerError(page.file.src_uri, problem="front matter: " + "; ".join(found))


def korean_page(markdown: str, page: Page, build: Build) -> str:
    """The Korean page against its English twin: the translation's record, the pair check, the English
    changes not carried over (a correction fails, an update earns a notice); then the translation line."""
    src = page.file.src_uri
    where = f"ko/{src}"
    record = build.site.change_entries()
    found = edition_ko.front_matter_problems(dict(page.meta), [str(e["id"]) for e in record])
    if found:
        raise ExplainerError(where, problem="front matter: " + "; ".join(found))
    english = edition_ko.english_twin(build.site.root / "docs", src)
    if english is None:
        raise ExplainerError(where, problem=f"has no English twin docs/{src}: a Korean page translates an English one")
    korean_text = Path(page.file.abs_src_path or "").read_text(encoding="utf-8")
    english_text = english.read_text(encoding="utf-8")
    build.ordinals[src] = edition_ko.twin_ordinals(english_text)
    mismatches = edition_ko.pair_problems(src, english_text, korean_text, build.evidence)
    if mismatches:
        raise ExplainerError(where, problem="does not pair with its English twin: " + "; ".join(mismatches))
    try:
        stale = edition_ko.not_carried_over(src, str(page.meta["english_revision"]), record)
    except ValueError as error:
        raise ExplainerError(where, "english_revision", problem=str(error)) from error
    if stale.corrections:
        raise ExplainerError(
            where,
            "english_revision",
            problem=f"the English page's correction(s) {', '.join(stale.corrections)} are not carried over: "
            "correct the Korean page too, then set english_revision to the newest",
        )
    updated = edition_ko.newest_date(stale.updates, record) if stale.updates else None
    revision_date = edition_ko.newest_date([str(page.meta["english_revision"])], record)
    return edition_ko.with_header(markdown, edition_ko.header_markdown(src, page.meta, updated, revision_date))


def place_figures(markdown: str, src: str, build: Build) -> str:
    figures_by_id = build.site.figure_entries()

    def replace(match: re.Match[str]) -> str:
        figure_id = match.group(1)
        if figure_id not in figures_by_id:
            raise ExplainerError(src, problem=f"no figure '{figure_id}' in data/figures.yml")
        build.placed.add(figure_id)
        figure = figures_by_id[figure_id]
        if build.korean:  # Korean texts by the English id (data/ko/figures.yml); what has none stays English, marked
            figure = edition_ko.korean_figure(figure, build.overlays["data/ko/figures.yml"].get(figure_id))
        return figures.render(figure)

    return figures.MARKER.sub(replace, markdown)


def place_map(markdown: str, build: Build) -> str:
    """The map's list of places goes in as Markdown, so the sources step writes its footnotes."""
    if MAP_MARKER not in markdown:
        return markdown
    places, caption, description, words = map_texts(build)
    figure = korea_map.figure_markdown(places, MAP_ID, caption, description, words)
    return markdown.replace(MAP_MARKER, figure)


def map_texts(build: Build) -> tuple[list[dict[str, Any]], str, str, dict[str, str] | None]:
    """The map's places, caption, description and words: the Korean edition's from data/ko/places.yml
    and the strings table (a place without Korean text stays English, marked lang="en")."""
    if not build.korean:
        return build.site.place_entries(), MAP_CAPTION, MAP_DESCRIPTION, None
    places, _ = edition_ko.korean_places(build.site.place_entries(), build.overlays["data/ko/places.yml"])
    return places, build.strings["map_caption"], build.strings["map_description"], build.strings


def place_timeline(markdown: str, src: str, build: Build) -> str:
    entries = build.site.timeline_entries()
    labels: dict[str, str] | None = None
    date: Callable[[str], str] = human_date
    if build.korean:  # Korean titles and summaries (data/ko/timeline.yml), words and dates
        entries = edition_ko.korean_timeline(entries, build.overlays["data/ko/timeline.yml"])
        labels, date = edition_ko.timeline_labels(build.strings), edition_ko.korean_date
    if timeline_module.LATEST_MARKER in markdown:
        markdown = markdown.replace(timeline_module.LATEST_MARKER, timeline_module.render_latest(entries))
    if timeline_module.MARKER in markdown:
        # The site's date: the newest source or change date in the data, never the clock.
        today = timeline_module.site_date(
            [s["date"] for s in build.site.source_entries().values() if s["date"]]
            + [change.date for change in build.site.changes]
        )
        markdown = markdown.replace(
            timeline_module.MARKER, timeline_module.render(entries, src, build.titles, today, labels, date)
        )
    return markdown


def with_footnote_text(markdown: str, src: str, build: Build) -> str:
    """A page writes [^reuters-nds]; the definition comes from data/sources.yml."""
    if FOOTNOTE_DEFINITION.search(markdown):
        raise ExplainerError(
            src, problem="write footnotes as [^source-id] only; their text comes from data/sources.yml"
        )
    markdown = footnotes.grouped(footnotes.ordered_clusters(footnotes.by_paragraph(markdown)))
    notes = list(dict.fromkeys(footnotes.REFERENCE.findall(markdown)))
    ids = list(dict.fromkeys(i for note in notes for i in contract.note_sources(note)))
    known = build.site.source_entries()
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise ExplainerError(
            src,
            problem=f"footnote cites unknown source id(s) {', '.join(unknown)}: add them to "
            "data/sources.yml or fix the id",
        )
    build.cited.update(ids)
    if SOURCE_LIST_MARKER in markdown:
        listed = source_list.source_list(known)
        if build.korean:  # the Korean sources page keeps the English list, marked so
            listed = f'<div class="source-list-en" lang="en" markdown="block">\n{listed}\n</div>'
        markdown = markdown.replace(SOURCE_LIST_MARKER, listed)
    # The Korean edition links the English source list (raw HTML: it is outside ko/).
    where = '<a href="../sources.html#{}">출처 목록</a>' if build.korean else "[In the source list](sources.md#{})"
    # A note of several sources: one paragraph each, the later ones indented into the note.
    line = {i: f"{citation_of(known[i], build.korean)} {where.format(i)}" for i in ids}
    definitions = [f"[^{note}]: " + "\n\n    ".join(line[i] for i in contract.note_sources(note)) for note in notes]
    return markdown + "\n\n" + "\n\n".join(definitions) + "\n" if definitions else markdown


def citation_of(source: Any, korean: bool) -> str:
    """A footnote's source line; on a Korean page, one with no Hangul (an English source) is marked lang="en"."""
    text = source_list.citation_text(source)
    return marked_english(text) if korean else text


def check_citable_anchors(markdown: str, page: Page, build: Build) -> None:
    """Last: sees the anchors every step above wrote."""
    address = page.file.dest_uri
    live = build.site.addresses.live
    unlisted = [f"{address}#{i}" for i in addresses.citable_ids(markdown) if f"{address}#{i}" not in live]
    if unlisted:
        raise ExplainerError(
            page.file.src_uri,
            problem=f"citable anchor(s) {', '.join(unlisted)} are not in "
            f"{addresses.REGISTRY}. Add each under 'live', or, if it replaces an old id, "
            "list the old one under 'moved'",
        )


# ---- on_page_content: the HTML of the Markdown, before the theme ----


@_reported
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = current()
    src = page.file.src_uri
    html = footnotes.labelled_backlinks(footnotes.separated(html), build.strings["back_to"], build.strings["the_text"])
    if MAP_SVG_MARKER in html:  # the figure's description is on the page already: the SVG's own is short
        places, caption, _, words = map_texts(build)
        html = html.replace(
            MAP_SVG_MARKER,
            korea_map.render(
                build.site.outline,
                places,
                MAP_ID,
                caption,
                build.strings["map_svg_description"],
                words,
            ),
        )
    html = check_evidence(html, page, build)
    if build.korean:
        html = english_abbreviations(html)
    build.anchors[src] = set(re.findall(r'\bid="([^"]+)"', html))
    return leave_out_of_search(html)  # after the footnote separators are written


def english_abbreviations(html: str) -> str:
    """On a Korean page: abbreviations are English acronyms, their expansions English words."""
    return html.replace("<abbr title=", '<abbr lang="en" title=')


def check_evidence(html: str, page: Page, build: Build) -> str:
    """Every quotation and figure against the recorded evidence of a source cited beside it, and
    the texts around the body (front-matter title and description, headings, captions, table
    headers, alt text) against the page and the sources it cites. Returns the HTML with each
    footnote showing the excerpt that held its block (explainer/evidence.py with_excerpts)."""
    fields = [(name, str(page.meta.get(name) or "")) for name in ("title", "description")]
    build.front_fields[page.file.dest_uri] = set(fields)
    blocks = blocks_of(html) + field_blocks(fields)
    result = evidence_result(blocks, build, page)
    report_evidence(page.file.src_uri, result, build)
    build.checked_pages[page.file.dest_uri] = page_of(blocks)
    build.pages_checked.append(page.file.src_uri)
    return with_excerpts(html, result.supports, build.strings["source_words"], mark_english=build.korean)


def report_evidence(where: str, result: Result, build: Build) -> None:
    """A warning per problem, so one build lists them all; strict mode then fails the build."""
    for finding in result.findings:
        advice = (
            "Quote the source's exact words, cite a source whose evidence has them in this block, or mark "
            'a number the editors derived as <span class="derived">…</span>'
            if finding.field == "body"
            else "Say only what the page's checked text or a source it cites says"
        )
        log.warning("%s: %s. %s", where, finding, advice)
    build.checked.add(result)


def check_head(output: str, page: Page, build: Build) -> None:
    """What the theme wrote around the page: its <title>, descriptions and JSON-LD."""
    known = build.checked_pages.get(page.file.dest_uri)
    if known is None:
        return
    front = build.front_fields.get(page.file.dest_uri, set())
    fields = [f for f in dict.fromkeys(head_fields(output)) if f not in front]
    report_evidence(page.file.src_uri, evidence_result(field_blocks(fields), build, page, known), build)


def evidence_result(blocks: list[Block], build: Build, page: Page, known: PageText | None = None) -> Result:
    """The evidence check of a page's blocks: Korean pages read the Korean way, with the ordinals their
    English twin writes (제1도련선 for the First Island Chain is a name, not a figure)."""
    if build.korean:
        ordinals = build.ordinals.get(page.file.src_uri, frozenset())
        return edition_ko.check_blocks(blocks, build.evidence, known, ordinals)
    return check_blocks(blocks, build.evidence, known)


def check_feed_and_abstracts(site_dir: Path, build: Build) -> None:
    """After they are written: the feed's entries (held to the changelog that shows them, with
    its sources) and each page's citation abstract (held to that page)."""
    feed = site_dir / changes.FEED_NAME
    if feed.is_file():
        entries = field_blocks(feed_fields(feed.read_text(encoding="utf-8")))
        shown = build.checked_pages.get("changelog.html", PageText())
        result = check_blocks(entries, build.evidence, shown)
        report_evidence(f"{changes.FEED_NAME} (held to changelog.html)", result, build)
    for address, known in sorted(build.checked_pages.items()):
        name = address.removesuffix(".html")
        files = {suffix: site_dir / CITE_FOLDER / f"{name}.{suffix}" for suffix in ("json", "ris")}
        texts = {suffix: path.read_text(encoding="utf-8") for suffix, path in files.items() if path.is_file()}
        fields = field_blocks(abstract_fields(texts.get("json"), texts.get("ris")))
        report_evidence(f"{CITE_FOLDER}/{name}.json and .ris", check_blocks(fields, build.evidence, known), build)


# ---- on_post_template: the theme's own pages (404.html), rendered before the content pages ----


@event_priority(-100)  # last: hashes the inline scripts as the page holds them
@_reported
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return site_policy(output_content, template_name) if template_name.endswith(".html") else output_content


def site_policy(html: str, name: str) -> str:
    """The page with its policy; an inline script the site does not write stops the build."""
    try:
        return with_policy(html, current().known_scripts)
    except (UnknownInlineScript, ValueError) as error:
        raise ExplainerError(name, problem=str(error)) from error


# ---- on_page_context: what the templates show beside the content ----


@_reported
def on_page_context(context: Any, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
    build = current()
    src = page.file.src_uri
    record = build.site.change_entries()
    page.meta["history"] = [
        {"date": e["date"], "kind": changes.kind_label(e), "text": e["text"]} for e in changes.history(record, src)
    ]
    page.meta["updated_line"] = changes.updated_line(record, src)
    if build.korean:  # the record is the English page's: its words stay English, marked so, the rest Korean
        for entry, change in zip(page.meta["history"], changes.history(record, src), strict=True):
            entry["label"] = build.strings["before_publication" if change["prepublication"] else change["kind"]]
        page.meta["updated_line"] = None  # the notice under the title says what the translation lacks
    if "published" in page.meta:  # the print editions too: each has its twin
        twin = build.korean or (build.site.root / edition_ko.EDITION / src).is_file()
        links = edition_ko.edition_links(src, build.korean, build.english_url, twin, build.strings)
        page.meta["edition_links"] = links
    if page.canonical_url and "published" in page.meta:  # a content page, not Material's 404
        cite_page(page, config, build)
    if src == PRINT_PAGE:
        fill_print_edition(page, config, nav, build)
    return context


def cite_page(page: Page, config: MkDocsConfig, build: Build) -> None:
    """How to cite the page: text styles, <head> tags, JSON-LD, and its RIS / CSL-JSON files."""
    facts = page_facts(page, config)
    page.meta["citation_title"] = facts.title
    page.meta["citation"] = citations.formats(facts)
    page.meta["citation_head"] = citations.head_tags(facts)
    page.meta["citation_jsonld"] = citations.json_ld(facts)
    page.meta["citation_downloads"] = {
        kind: f"{CITE_FOLDER}/{page.file.dest_uri.removesuffix('.html')}.{kind}" for kind in ("ris", "json")
    }
    edition = citations.edition_facts(facts)
    if edition:
        page.meta["citation_edition"] = {
            "url": edition.url,
            "date": edition.updated,
            "styles": citations.formats(edition),
        }
    page.meta["citation_facts"] = facts
    build.items[page.file.dest_uri] = citations.csl_item(facts)


def page_facts(page: Page, config: MkDocsConfig) -> citations.PageFacts:
    title = citations.page_title(page.content or "", f"docs/{page.file.src_uri}")
    # The build's date (SOURCE_DATE_EPOCH when set, so builds repeat): the earliest day a
    # reader of this copy can have read it. Never before the page's own last update.
    built = get_build_datetime().date()
    return citations.PageFacts(
        title=title,
        description=page.meta["description"],
        site=config.site_name,
        author=config.site_author or "",
        published=page.meta["published"],
        updated=page.meta["updated"],
        url=page.canonical_url or "",
        accessed=max(built, page.meta["updated"]),
        # The dated editions are the English edition's: a Korean page has none to cite.
        edition=None if current().korean else edition_of(page, config.extra.get("latest_edition")),
        language=edition_ko.EDITION if current().korean else "en",
    )


def edition_of(page: Page, latest: dict[str, str] | None) -> citations.Edition | None:
    """The page in the newest dated edition: the frozen print edition, where each page is the
    section named by its address."""
    if not latest or page.file.src_uri == PRINT_PAGE:
        return None
    section = page.file.dest_uri.removesuffix(".html")
    return citations.Edition(datetime.date.fromisoformat(latest["iso"]), f"{latest['url']}#{section}")


def fill_print_edition(page: Page, config: MkDocsConfig, nav: Navigation, build: Build) -> None:
    """print.html: every page in navigation order. MkDocs converts every page before it renders
    any template, so the other pages' HTML is ready."""
    content = page.content or ""
    if print_edition.MARKER not in content:
        problem = f"must contain {print_edition.MARKER} where the edition goes"
        raise ExplainerError(f"docs/{PRINT_PAGE}", problem=problem)
    chapters = [
        print_edition.Chapter(
            p.file.dest_uri.removesuffix(".html"), p.meta["title"], p.meta["updated"], p.content or ""
        )
        for p in nav.pages
        if p.file.src_uri != PRINT_PAGE
    ]
    site_url = config.site_url or ""
    labels = print_edition.Labels.from_strings(build.strings)
    licence = print_pages.with_abbreviations(config.copyright or "", build.site.abbreviations)
    if build.korean:
        licence = english_abbreviations(licence)
    page.content = content.replace(
        print_edition.MARKER,
        print_edition.edition(
            chapters,
            config.site_name,
            site_url,
            config.extra["reporting_through"],
            config.extra.get("preview", False),
            config.site_description or "",
            licence,
            pdf=config.extra["downloads"]["pdf"],  # the cover links the PDF only when the site holds it
            labels=labels,
            day=edition_ko.korean_date if build.korean else print_edition.english_day,
            description_lang="en" if build.korean else "",  # the site's description (mkdocs.yml) is English
        ),
    )
    # Running heads and page numbers, for print.html only (overrides/main.html puts it in <head>).
    page.meta["print_css"] = print_pages.page_css(
        [(p.slug, p.title) for p in chapters], config.site_name, f"{site_url}{page.file.dest_uri}", labels.page_of
    )


# ---- on_post_page: the whole page as the theme rendered it ----


@event_priority(-100)
@_reported
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    build = current()
    build.produced[page.file.dest_uri] = addresses.ids_in(output)  # before the citation boxes add theirs
    check_head(output, page, build)
    facts = page.meta.get("citation_facts") if page.meta else None
    if facts:  # after the theme: search, print and the evidence check never see these boxes and links
        if page.file.src_uri != PRINT_PAGE:  # on paper there is nothing to click or copy
            output = citations.add_entry_links(output, page.file.dest_uri, facts.url, build.strings["permanent_link"])
        labels = {key: build.strings[key] for key in citations.LABELS}
        cited = build.cited_anchors.get(page.file.dest_uri, set())
        output = citations.add_section_citations(output, facts, cited, labels)
    found = foreign_loads(output)
    if found:
        raise ExplainerError(
            page.file.src_uri,
            problem=f"loads from another host: {', '.join(map(repr, found))}. "
            "Put the file in docs/ and refer to it by a relative address",
        )
    return site_policy(output, page.file.src_uri)  # last: hashes the inline scripts and styles as the page holds them


# ---- on_post_build: the files beside the pages, the last checks, then the zip of it all ----


@event_priority(-200)
@_reported
def on_post_build(config: MkDocsConfig) -> None:
    build = current()
    site_dir = Path(config.site_dir)
    if build.korean:
        korean_post_build(site_dir, config, build)
        return
    unplaced = sorted(set(build.site.figures) - build.placed)
    if unplaced:
        log.warning("data/figures.yml: no page places %s; place or remove them", ", ".join(unplaced))
    write_bibliography(site_dir, build)
    record = build.site.change_entries()
    for problem in changes.problems(record, build.updated, build.anchors):
        log.warning(problem)  # strict mode turns each into a failed build, after every other check ran
    feed = changes.atom_feed(
        record,
        site_name=config.site_name,
        author=config.site_author or "",
        site_url=config.site_url or "",
        editions=build.site.edition_entries(),
    )
    (site_dir / changes.FEED_NAME).write_text(feed, encoding="utf-8")
    check_addresses(site_dir, config, build)
    write_citations(site_dir, build)
    check_feed_and_abstracts(site_dir, build)
    log.info(
        "evidence: %d quotations and %d figures checked on %d pages against %d sources",
        build.checked.quotations,
        build.checked.figures,
        len(build.pages_checked),
        len(build.evidence),
    )
    log.info(
        "evidence: texts read, by kind: %s",
        ", ".join(f"{kind} {count}" for kind, count in sorted(build.checked.texts.items())),
    )
    prune_assets(site_dir, config)
    add_search_keywords(site_dir, build)
    problems = published_file_problems(site_dir)  # every .html and .svg, not only the pages from Markdown
    if problems:
        raise ExplainerError("published files", problem="; ".join(problems))
    korean_cited = build_korean_edition(site_dir, config)  # into site/ko/, so that the zip holds both editions
    uncited = sorted(set(build.site.source_entries()) - build.cited - korean_cited)
    if uncited:  # after both builds: a Korean-language source may be cited by Korean pages only
        log.warning("data/sources.yml: no page of either edition cites %s; cite or remove them", ", ".join(uncited))
    write_zip(site_dir, config, build)


def build_korean_edition(site_dir: Path, config: MkDocsConfig) -> set[str]:
    """The Korean edition (mkdocs.ko.yml), built by the same engine, strict, into site/ko/; returns the
    sources its pages cite (none without mkdocs.ko.yml).

    Run from here, every way the English site is built (make build, serve, edition, the tests)
    builds both, and the offline zip, written last, holds both. A failed Korean build fails the build."""
    korean_config = Path(config.config_file_path).parent / edition_ko.CONFIG
    if not korean_config.is_file():
        return set()
    if skip_korean(os.environ):  # checked in on_config
        log.info("ko: the Korean edition is not built: %s=1 (English only, for test builds)", SKIP_KOREAN)
        # Its pages' citations still count, or a source only Korean pages cite would fail this build.
        return edition_ko.cited_sources(korean_config.parent / edition_ko.EDITION)
    engine = "properdocs" if "properdocs" in sys.modules else "mkdocs"
    command = [sys.executable, "-m", engine, "build", "--strict", "--config-file", str(korean_config)]
    command += ["--site-dir", str(site_dir / edition_ko.EDITION)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    for line in result.stderr.splitlines():
        if line.startswith(("WARNING", "ERROR")):
            log.info("ko: %s", line)
    if result.returncode != 0:
        raise ExplainerError(edition_ko.CONFIG, problem="the Korean edition's build failed:\n" + result.stderr[-4000:])
    broken = edition_ko.broken_links(site_dir, written_later=(ZIP_NAME, PDF_NAME, KO_PDF_NAME))
    if broken:
        raise ExplainerError(edition_ko.CONFIG, problem=f"Korean pages link to nothing: {'; '.join(broken)}")
    return edition_ko.cited_sources(korean_config.parent / edition_ko.EDITION)


def korean_post_build(site_dir: Path, config: MkDocsConfig, build: Build) -> None:
    """The Korean edition's last steps. Its addresses are the English registry's: each Korean page has
    every anchor the registry lists for its twin. The feed and the record of changes are the English
    edition's (one set of facts): Korean pages link them one folder up."""
    log.info(
        "evidence (Korean): %d quotations and %d figures checked on %d pages",
        build.checked.quotations,
        build.checked.figures,
        len(build.pages_checked),
    )
    missing = [
        problem
        for address, ids in sorted(build.produced.items())
        for problem in edition_ko.twin_problems(address, ids, build.cited_anchors)
    ]
    if missing:
        raise ExplainerError(
            addresses.REGISTRY,
            problem=f"Korean page(s) lack anchors their English twin publishes: {', '.join(missing)}. "
            "Give each Korean heading its English {#id}",
        )
    (site_dir / edition_ko.NOT_FOUND).unlink(missing_ok=True)  # hosts serve the root's 404.html only
    write_bibliography(site_dir, build)  # the Korean source list links them beside itself
    write_citations(site_dir, build)
    prune_assets(site_dir, config)
    add_search_keywords(site_dir, build)
    problems = published_file_problems(site_dir)
    if problems:
        raise ExplainerError("published files (ko/)", problem="; ".join(problems))


def write_bibliography(site_dir: Path, build: Build) -> None:
    """The whole source list for reference managers. Which sources no page cites is checked once both
    editions are built (on_post_build): a Korean-language source may be cited by Korean pages only."""
    known = build.site.source_entries()
    items = [source_list.csl_item(s) for s in sorted(known.values(), key=lambda s: s["id"])]
    for name, write in BIBLIOGRAPHY.items():
        (site_dir / name).write_text(write(items), encoding="utf-8", newline="")


def check_addresses(site_dir: Path, config: MkDocsConfig, build: Build) -> None:
    """Every live address is produced; each moved one gets a redirect page."""
    registry, produced = build.site.addresses, build.produced
    missing = sorted(a for a in registry.live if not addresses.exists(a, produced))
    if missing:
        raise ExplainerError(
            addresses.REGISTRY,
            problem=f"published address(es) no longer produced: "
            f"{', '.join(missing)}. Restore them, or move each from 'live' to 'moved' with the "
            "address that replaces it",
        )
    for old, new in sorted(registry.moved.items()):
        if not addresses.exists(new, produced):
            raise ExplainerError(
                addresses.REGISTRY, problem=f"moved '{old}' points at '{new}', which the site does not produce"
            )
        if addresses.exists(old, produced):
            raise ExplainerError(
                addresses.REGISTRY,
                problem=f"'{old}' is listed as moved but the site still produces it; list it under 'live' instead",
            )
        addresses.write_redirect(site_dir / old, new, config.site_url or "")


def write_citations(site_dir: Path, build: Build) -> None:
    folder = site_dir / CITE_FOLDER
    folder.mkdir(exist_ok=True)
    for address, item in build.items.items():
        name = address.removesuffix(".html")
        (folder / f"{name}.ris").write_text(ris([item]), encoding="utf-8", newline="")
        (folder / f"{name}.json").write_text(csl_json([item]), encoding="utf-8")


def unused_search_languages(lunr_dir: Path, languages: list[str]) -> list[Path]:
    """Files under assets/javascripts/lunr that Material's search worker never imports."""
    needed = set()
    for lang in languages:
        if lang != "en":
            needed |= {"min/lunr.stemmer.support.min.js", f"min/lunr.{lang}.min.js"}
        if lang == "ja":
            needed.add("tinyseg.js")
        if lang in ("hi", "th"):
            needed.add("wordcut.js")
    if len(languages) > 1:
        needed |= {"min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js"}
    return [p for p in lunr_dir.rglob("*") if p.is_file() and p.relative_to(lunr_dir).as_posix() not in needed]


def search_languages(config: MkDocsConfig) -> list[str]:
    search = config.plugins.get("material/search") or config.plugins.get("search")
    return list(search.config.lang or ["en"]) if search else ["en"]


def prune_assets(site_dir: Path, config: MkDocsConfig) -> None:
    """Ship only what readers load: Material copies search-language files for some twenty
    languages (one alone is about 680 KB; English needs none) and source maps, which only a
    developer's browser tools fetch. The browser tests open every page and would see a missing file."""
    lunr = site_dir / "assets" / "javascripts" / "lunr"
    if lunr.is_dir():
        for path in unused_search_languages(lunr, search_languages(config)):
            path.unlink()
        if not any(lunr.rglob("*.js")):
            shutil.rmtree(lunr)
    for source_map in (site_dir / "assets").rglob("*.map"):
        source_map.unlink()


def add_search_keywords(site_dir: Path, build: Build) -> None:
    """The keywords of data/search.yml, as the tags of the sections that treat them, in the
    search index and in the copy the offline plugin inlined for reading from disk (-100).
    The Korean edition's: data/ko/search.yml as tags, and every entry's own Korean keywords
    (explainer/search.py, with_korean_keywords), its pages ranked as their English twins."""
    root = build.site.root
    keywords = load_search(root, KOREAN_SEARCH if build.korean else "search.yml")
    folder = site_dir / "search"
    if not (keywords or build.korean) or not (folder / "search_index.json").is_file():
        return
    index = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    if build.korean:
        before = (folder / "search_index.json").stat().st_size
        missing = with_korean_keywords(index, load_terms(root), keywords, english_boosts(root / "docs"))
        # A section of an English page not translated yet waits for its Korean page; any other is a mistake.
        missing = [t for t in missing if not edition_ko.awaits_translation(root, t.partition("#")[0])]
    else:
        missing = with_keywords(index, keywords)
    name = "data/ko/search.yml" if build.korean else "data/search.yml"
    for target in missing:
        log.warning("%s: no section %s in the search index (a page and anchor of its pages)", name, target)
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    if build.korean:
        log.info("search (Korean): index %d bytes, %d with its keywords", before, len(data.encode()))
    (folder / "search_index.json").write_text(data, encoding="utf-8")
    if (folder / "search_index.js").is_file():
        (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")


def write_zip(site_dir: Path, config: MkDocsConfig, build: Build) -> None:
    """Last of all: the site as one zip, for readers with no network, with the newest dated
    edition's page in it."""
    epoch = source_date_epoch(os.environ) or ZIP_EPOCH_FLOOR  # checked in on_config
    date_time = time.gmtime(max(epoch, ZIP_EPOCH_FLOOR))[:6]
    newest = editions.latest(build.site.edition_entries())
    keep = frozenset([newest["file"]]) if newest else frozenset()
    (site_dir / ZIP_NAME).write_bytes(bundle(site_dir, date_time, config.site_url or "", keep))


# What hooks/adapter.py hands MkDocs: the events, in the order MkDocs runs them (not sorted).
__all__ = [  # noqa: RUF022
    "on_config",
    "on_files",
    "on_page_markdown",
    "on_page_content",
    "on_post_template",
    "on_page_context",
    "on_post_page",
    "on_post_build",
]
