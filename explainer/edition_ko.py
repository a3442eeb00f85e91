"""The Korean edition (한국어판): what its build adds to the English one, in plain Python.

The Korean edition is a second build of the same project (`mkdocs.ko.yml`: `INHERIT: mkdocs.yml`,
`docs_dir: ko`, `extra.edition: ko`) into `site/ko/`, after the English one. Each `ko/<name>.md` is
the twin of `docs/<name>.md`: the same page address under `ko/`, the same anchors, the same frame of
facts (`explainer.pairs`). The engine adapter calls this module where the Korean build differs:

- `navigation`: the English navigation, keeping only the pages that have a Korean twin, labelled by
  each Korean page's own `title:`;
- `front_matter_problems`: the translation's record (`english_revision`, `translated`, `translator`);
- `pair_problems` and `not_carried_over`: the pair check and the English changes the translation
  has not carried over (an update earns a notice, a correction fails the build);
- `header_markdown`: the notice and the translation line under the page title;
- `check_blocks`: the evidence check as Korean text must be read (`explainer.korean`);
- `twin_problems`: every registered anchor of the English page exists on its Korean twin.

Korean addresses are derived from the English registry (data/addresses.yml): nothing is registered
twice, and a Korean page without an English twin is refused.
"""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from . import pairs
from .contract import FOOTNOTE_REFERENCE
from .evidence import (
    BODY,
    DATES,
    Block,
    Finding,
    PageText,
    Result,
    _support,
    evidence_figures,
    excerpt_holding,
    held_to,
    page_of,
    quotation_found,
)
from .korean import (
    QUOTATION,
    english_number_words,
    english_ordinals,
    english_quantities,
    in_korean,
    korean_quantities,
    marked_translations,
    unmarked_quotations,
    without_ordinals,
)

CONFIG = "mkdocs.ko.yml"
EDITION = "ko"  # extra.edition in mkdocs.ko.yml; the folder of the Korean pages and of site/ko/
TRANSLATION_FIELDS = ("english_revision", "translated", "translator")
NOTICE_CLASS = "ko-notice"
TRANSLATION_LINE_CLASS = "ko-translation"


def is_korean(extra: Mapping[str, Any]) -> bool:
    """Is this the Korean build? mkdocs.ko.yml says so in `extra.edition`."""
    return extra.get("edition") == EDITION


def site_url(english: str) -> str:
    """The Korean edition's address: the English site's address + ko/."""
    return english if english.endswith(f"/{EDITION}/") else f"{english}{EDITION}/"


def korean_date(value: datetime.date | str) -> str:
    """2026-06-04 → 2026년 6월 4일; 2026-06 → 2026년 6월; 2026 → 2026년."""
    parts = (value.isoformat() if isinstance(value, datetime.date) else value).split("-")
    words = [f"{int(parts[0])}년"]
    if len(parts) > 1:
        words.append(f"{int(parts[1])}월")
    if len(parts) > 2:
        words.append(f"{int(parts[2])}일")
    return " ".join(words)


# ---- the navigation: only the Korean pages that exist ----


def _nav_files(nav: Any) -> Iterable[str]:
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_files(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_files(value)


def navigation(english_nav: list[Any], titles: Mapping[str, str]) -> list[Any]:
    """The English navigation's shape with only the pages in `titles` (src -> Korean title), each
    labelled by its Korean title; a section left empty is dropped."""

    def keep(item: Any) -> Any:
        if isinstance(item, str):
            return {titles[item]: item} if item in titles else None
        if isinstance(item, dict):
            kept: dict[str, Any] = {}
            for label, value in item.items():
                if isinstance(value, str):
                    if value in titles:
                        kept[titles[value]] = value
                else:
                    children = [k for k in (keep(child) for child in value) if k is not None]
                    if children:
                        kept[label] = children
            return kept or None
        return None

    kept = [keep(item) for item in english_nav]
    missing = sorted(set(titles) - set(_nav_files(english_nav)))
    # A Korean page whose twin the English navigation does not list goes at the end (the English
    # build refuses such pages anyway, so this is only a tidy fallback).
    return [k for k in kept if k is not None] + [{titles[src]: src} for src in missing]


# ---- front matter and the pair check ----


def front_matter_problems(meta: Mapping[str, Any], change_ids: Sequence[str]) -> list[str]:
    found = []
    for name in TRANSLATION_FIELDS:
        if name not in meta or meta[name] in (None, ""):
            found.append(f"add '{name}:' (the translation's record; see explainer/edition_ko.py)")
    translated = meta.get("translated")
    if "translated" in meta and not (
        isinstance(translated, datetime.date) and not isinstance(translated, datetime.datetime)
    ):
        found.append(f"'translated: {translated}' must be a real date written YYYY-MM-DD")
    revision = meta.get("english_revision")
    if revision and revision not in change_ids:
        found.append(f"'english_revision: {revision}' is no entry of data/changes.yml")
    return found


def pair_problems(
    src: str, english_markdown: str, korean_markdown: str, evidence: Mapping[str, str] | None = None
) -> list[str]:
    """The pair check (`explainer.pairs.compare`): each problem names the page and the section.
    A Korean page may add Korean-language sources: those whose recorded evidence is in Korean."""
    texts = evidence or {}

    def korean_source(source: str) -> bool:
        return in_korean(texts.get(source, ""))

    mismatches = pairs.compare(src, english_markdown, korean_markdown, korean_source)
    return [f"ko/{mismatch}" for mismatch in mismatches]


def not_carried_over(src: str, english_revision: str, record: Sequence[Mapping[str, Any]]) -> pairs.Staleness:
    """The English changes of `src` after the revision the translation records (record: newest first)."""
    changes = [pairs.Change(str(e["id"]), str(e["kind"]), list(e["pages"])) for e in record]
    return pairs.not_carried_over(src, english_revision, changes)


def newest_date(ids: Sequence[str], record: Sequence[Mapping[str, Any]]) -> datetime.date:
    dates: dict[str, datetime.date] = {e["id"]: e["date"] for e in record}
    return max(dates[i] for i in ids)


def english_link(src: str) -> str:
    """The English twin, relative from a Korean page (flat pages: ko/x.html -> ../x.html)."""
    return "../" + src.removesuffix(".md") + ".html"


def header_markdown(
    src: str, meta: Mapping[str, Any], updated_since: datetime.date | None, revision_date: datetime.date
) -> str:
    """What goes right under the Korean page's title: the notice when the English page has changed
    since the translation, then the translation line (who, when, which English revision, the twin).
    The revision is shown as the date of its entry in the record of changes, which readers know from
    the English page's history; its id stays in the title attribute for editors.
    Raw HTML, so that the link to the English edition (outside ko/) is not a Markdown page link."""
    link = html.escape(english_link(src))
    parts = []
    if updated_since is not None:
        parts.append(
            f'<div class="admonition warning {NOTICE_CLASS}" role="note">\n'
            f'<p class="admonition-title">영어판이 수정되었습니다</p>\n'
            f"<p>영어판이 {korean_date(updated_since)}에 수정되었습니다. "
            f'이 번역에는 아직 반영되지 않았습니다. <a href="{link}" hreflang="en" lang="en">English</a></p>\n'
            "</div>"
        )
    parts.append(
        f'<p class="{TRANSLATION_LINE_CLASS}">번역: {html.escape(str(meta["translator"]))} '
        f"번역일 {korean_date(meta['translated'])}, "
        f'<span title="{html.escape(str(meta["english_revision"]))}">{korean_date(revision_date)} 영어판 기준</span>. '
        f'<a href="{link}" hreflang="en">영어 원문</a></p>'
    )
    return "\n\n".join(parts)


def with_header(markdown: str, header: str) -> str:
    """The header after the page's first-level title (or at the top when it has none)."""
    lines = markdown.split("\n")
    for number, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join([*lines[: number + 1], "", header, "", *lines[number + 1 :]])
    return header + "\n\n" + markdown


# ---- the evidence check, read the Korean way ----


def _values(text: str) -> set[Any]:
    """An excerpt's figures read every way: Korean, English, as the English check reads them (6-12 → 12),
    and the English number words one to twelve (a "five-year term" holds 5년, "nine months" 9개월)."""
    return (
        korean_quantities(text)
        | english_quantities(text)
        | {Decimal(v) for v in evidence_figures(text)}
        | english_number_words(text)
    )


def twin_ordinals(english_markdown: str) -> frozenset[Decimal]:
    """The ordinals the English twin writes (First Island Chain, second, ninth, 2nd): the values whose
    Korean ordinal forms (제1도련선, 트럼프 2기, 제9차 당대회) name something rather than state a figure."""
    return frozenset(english_ordinals(english_markdown))


def check_blocks(
    blocks: list[Block],
    evidence: Mapping[str, str],
    page: PageText | None = None,
    ordinals: Collection[Decimal] = (),
) -> Result:
    """Korean pages' quotations and figures against the evidence of the sources each block cites
    (a field, such as the title or a heading, also against the page's body: explainer/evidence.py).

    Figures are read by value (2만8500명 = 28,500). A marked translation “한국어”(“English”) holds its
    English original to the evidence; any other quotation must be verbatim in a cited source's evidence
    (in practice a Korean-language source's). `ordinals` are the values the English twin writes as
    ordinals (`twin_ordinals`): a Korean ordinal form of one of them (제1도련선, 트럼프 2기) is a name, not
    a figure, as in the pair check, which holds it to the twin's section, whose own check holds it to
    the sources."""
    result = Result()
    page = page if page is not None else page_of(blocks)
    for block in blocks:
        result.texts.update(block.kinds or {block.field: 1})
        cited, texts = held_to(block, page, evidence)
        holders = cited if block.field == BODY else ["", *cited]  # texts[i] is the evidence of holders[i]
        quotations = [t.english for t in marked_translations(block.text)] + unmarked_quotations(block.text)
        for quotation in quotations:
            result.quotations += 1
            holder = next((i for i, t in enumerate(texts) if quotation_found(quotation, t)), None)
            if holder is None:
                result.findings.append(Finding(block.text.strip(), "quotation", quotation, cited, block.field))
            elif holders[holder]:
                _support(result, holders[holder], excerpt_holding(texts[holder], quotation=quotation))
        text = DATES.sub(" ", block.text)  # English dates (the record of changes is English) are not figures
        text = without_ordinals(text, ordinals)
        for value in sorted(korean_quantities(QUOTATION.sub(" ", text)) | _quoted_values(text)):
            result.figures += 1
            written = f"{value.normalize():f}"
            holder = next((i for i, t in enumerate(texts) if value in _values(t)), None)
            if holder is None:
                result.findings.append(Finding(block.text.strip(), "figure", written, cited, block.field))
            elif holders[holder]:
                _support(result, holders[holder], excerpt_holding(texts[holder], figure=written))
    return result


def _quoted_values(text: str) -> set[Any]:
    """Figures inside quotations: read the Korean way inside Korean quotations, the English way in English originals."""
    values: set[Any] = set()
    for translation in marked_translations(text):
        values |= korean_quantities(translation.korean) | english_quantities(translation.english)
    for quotation in unmarked_quotations(text):
        values |= korean_quantities(quotation)
    return values


# ---- addresses ----


def twin_problems(address: str, produced: set[str], registered: Mapping[str, set[str]]) -> list[str]:
    """Every anchor the registry lists for the English page exists on its Korean twin."""
    missing = sorted(registered.get(address, set()) - produced)
    return [f"ko/{address}#{anchor}" for anchor in missing]


def awaits_translation(root: Path, src: str) -> bool:
    """An English page (docs/alliance.md) whose Korean twin (ko/alliance.md) does not exist yet."""
    return (root / "docs" / src).is_file() and not (root / EDITION / src).is_file()


def english_twin(docs: Path, src: str) -> Path | None:
    path = docs / src
    return path if path.is_file() else None


# ---- the interface words and the links between the editions ----

STRINGS = "data/ko/strings.yml"
NOT_FOUND = "404.html"  # hosts serve the site's root 404.html only; the Korean build does not keep its own
LANGUAGES = ("en", "ko")


def load_strings(root: Path) -> dict[str, dict[str, str]]:
    """data/ko/strings.yml: key -> {en, ko}; a key without both languages is refused by name."""
    from .data import ExplainerError

    path = root / STRINGS
    try:
        table = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ExplainerError(STRINGS, problem=f"cannot be read: {error}") from error
    if not isinstance(table, dict):
        raise ExplainerError(STRINGS, problem="must map each key to its en and ko text")
    for key, texts in table.items():
        for language in LANGUAGES:
            text = texts.get(language) if isinstance(texts, dict) else None
            if not isinstance(text, str) or not text.strip():
                raise ExplainerError(STRINGS, key, language, "needs a non-empty text in both en and ko")
    return table


def strings_for(table: Mapping[str, Mapping[str, str]], language: str) -> dict[str, str]:
    return {key: texts[language] for key, texts in table.items()}


def edition_links(
    src: str, korean: bool, english_url: str, has_twin: bool, strings: Mapping[str, str]
) -> dict[str, Any]:
    """A page's links to its twin: the hreflang alternates (full addresses, both editions and
    x-default = English) and the language link (relative, so that it works from disk)."""
    if not has_twin:
        return {}
    address = src.removesuffix(".md") + ".html"
    english, korean_address = f"{english_url}{address}", f"{english_url}{EDITION}/{address}"
    return {
        "alternates": [("en", english), ("ko", korean_address), ("x-default", english)],
        "link": {
            "href": f"../{address}" if korean else f"{EDITION}/{address}",
            "lang": "en" if korean else "ko",
            "text": strings["other_edition"],
        },
    }


# ---- links from Korean pages to pages only the English edition has ----

_PAGE_LINK = re.compile(r"\]\(([\w-]+)\.md((?:#[^)\s]*)?)\)")
_HREF = re.compile(r'\shref="([^"#]*)(?:#[^"]*)?"')


def english_links(markdown: str, korean_pages: set[str]) -> str:
    """Markdown links to a page the Korean edition lacks go to the English page, one folder up:
    [연합사](alliance.md#cfc) → [연합사](../alliance.html#cfc). Links to Korean pages stay Markdown
    links (MkDocs checks them and their anchors)."""

    def replace(match: re.Match[str]) -> str:
        name, anchor = match.groups()
        return match.group(0) if f"{name}.md" in korean_pages else f"](../{name}.html{anchor})"

    markdown = _PAGE_LINK.sub(replace, markdown)
    # The dated editions are the English edition's files.
    return markdown.replace("](editions/", "](../editions/").replace('href="editions/', 'href="../editions/')


def cited_sources(korean_docs: Path) -> set[str]:
    """The sources the Korean pages (`ko/*.md`) cite with a footnote: after both builds, with the English
    pages' own, they say which sources no page cites. The Korean build has refused any unknown id."""
    return {
        source
        for page in sorted(korean_docs.rglob("*.md"))
        for source in FOOTNOTE_REFERENCE.findall(page.read_text(encoding="utf-8"))
    }


def broken_links(site: Path, written_later: Iterable[str] = ()) -> list[str]:
    """Relative links of the Korean pages (site/ko/) that lead to no file of the whole site: MkDocs
    cannot check links that leave ko/, so the English build checks them once both editions exist."""
    later = set(written_later)
    found = []
    for page in sorted((site / EDITION).rglob("*.html")):
        if page.name == NOT_FOUND:
            continue
        for href in _HREF.findall(page.read_text(encoding="utf-8")):
            if not href or re.match(r"[a-z][a-z0-9+.-]*:", href) or href.rsplit("/", 1)[-1] in later:
                continue
            if not (page.parent / href).resolve().exists():
                found.append(f"{page.relative_to(site).as_posix()}: {href}")
    return found


# ---- the overlays: Korean text for the English data, keyed by the English ids ----

OVERLAYS = {  # file -> (English data it overlays, the fields each entry may give)
    "data/ko/timeline.yml": ("data/timeline.yml", ("title", "summary")),
    "data/ko/figures.yml": ("data/figures.yml", None),  # caption, description, cells: the figure's own shape
    # name always; text (and position_from) where the place has them in English (explainer/map.py)
    "data/ko/places.yml": ("data/map/places.yml", ("name",)),
}


def load_overlay(root: Path, name: str, english_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """One overlay file, by English id: a list of {id, …} (timeline) or a mapping id -> {…}; absent = {}.
    An id the English data lacks, a repeated id, or an empty text is refused by name."""
    from .data import ExplainerError

    path = root / name
    if not path.is_file():
        return {}
    english, fields = OVERLAYS[name]
    known = set(english_ids)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ExplainerError(name, problem=f"cannot be read: {error}") from error
    if isinstance(data, list):
        entries: list[tuple[Any, Any]] = [(e.get("id") if isinstance(e, dict) else None, e) for e in data]
    elif isinstance(data, dict):
        entries = list(data.items())
    else:
        raise ExplainerError(name, problem="must list entries by the English id")
    found: dict[str, dict[str, Any]] = {}
    for entry_id, entry in entries:
        if entry_id not in known:
            raise ExplainerError(
                name, entry_id, "id", f"no entry '{entry_id}' in {english}: overlays translate English ids"
            )
        if entry_id in found:
            raise ExplainerError(name, entry_id, "id", "is given twice")
        if not isinstance(entry, dict):
            raise ExplainerError(name, entry_id, None, "must be a mapping of Korean texts")
        for field_name in fields or [k for k in entry if k != "id"]:
            text = entry.get(field_name)
            if fields and (not isinstance(text, str) or not text.strip()):
                raise ExplainerError(name, entry_id, field_name, "needs a non-empty Korean text")
        found[str(entry_id)] = {k: v for k, v in entry.items() if k != "id"}
    return found


def korean_timeline(
    entries: Sequence[Mapping[str, Any]], overlay: Mapping[str, Mapping[str, str]]
) -> list[dict[str, Any]]:
    """The English timeline with each entry's Korean title and summary; an entry without one keeps
    its English text, marked lang="en"; a phase's article fields stay English, marked so."""
    result = []
    for entry in entries:
        korean = overlay.get(entry["id"])
        copy = dict(entry)
        if korean:
            copy.update(title=korean["title"], summary=korean["summary"])
            if entry["kind"] == "phase":
                copy["phase_lang"] = "en"
        else:
            copy["lang"] = "en"
        result.append(copy)
    return result


def timeline_labels(strings: Mapping[str, str]) -> dict[str, str]:
    """The timeline's words (explainer/timeline.py LABELS) from the strings table (timeline_* keys)."""
    return {key.removeprefix("timeline_"): text for key, text in strings.items() if key.startswith("timeline_")}


FIGURE_TEXTS = ("caption", "description")


def figure_overlay_problems(figure: Mapping[str, Any], korean: Mapping[str, Any]) -> list[str]:
    """A Korean figure text in the English figure's shape: caption and description, as many columns,
    and the rows in the English order, each with the texts of its kind (aspect and one cell per
    column, or label). Values and sources are the English data's: the overlay gives no other field."""
    found = []
    for name in FIGURE_TEXTS:
        if not isinstance(korean.get(name), str) or not korean[name].strip():
            found.append(f"'{name}' needs a non-empty Korean text")
    if "columns" in korean and len(korean["columns"]) != len(figure["columns"]):
        found.append(f"'columns' needs {len(figure['columns'])} texts, as the English figure has")
    rows = korean.get("rows", [])
    if len(rows) > len(figure["rows"]):
        found.append(f"'rows' has {len(rows)} rows; the English figure has {len(figure['rows'])}")
    texts = ("aspect", "cells") if figure["kind"] == "comparison" else ("label",)
    for number, (row, english) in enumerate(zip(rows, figure["rows"], strict=False), 1):
        extra = sorted(set(row or {}) - set(texts))
        if extra:
            found.append(f"rows[{number}]: only {', '.join(texts)} are translated, not {', '.join(extra)}")
        if "cells" in texts and len((row or {}).get("cells", [])) != len(english["cells"]):
            found.append(f"rows[{number}].cells needs {len(english['cells'])} texts, one per column")
    extra = sorted(set(korean) - {*FIGURE_TEXTS, "columns", "rows"})
    if extra:
        found.append(f"unknown field(s) {', '.join(extra)}")
    return found


def korean_figure(figure: Mapping[str, Any], korean: Mapping[str, Any] | None) -> dict[str, Any]:
    """The figure with its Korean texts (data/ko/figures.yml); values and sources stay the English
    data's. Without an overlay the whole figure stays English, marked lang="en"; a row the overlay
    does not give stays English, marked so."""
    copy = dict(figure)
    if not korean:
        copy["lang"] = "en"
        return copy
    copy.update({name: korean[name] for name in (*FIGURE_TEXTS, "columns") if name in korean})
    given = korean.get("rows", [])
    rows = []
    for number, row in enumerate(figure["rows"]):
        row_copy = dict(row)
        if number < len(given) and given[number]:
            row_copy.update(given[number])
        else:
            row_copy["lang"] = "en"
        rows.append(row_copy)
    copy["rows"] = rows
    return copy


def korean_places(
    places: Sequence[Mapping[str, Any]], overlay: Mapping[str, Mapping[str, str]]
) -> tuple[list[dict[str, Any]], list[str]]:
    """The map's places with their Korean name, text and position_from (data/ko/places.yml); a place
    without an overlay keeps its English texts, marked lang="en". Also what is missing: a Korean
    entry must give the text (and position_from) its English place has."""
    result, problems = [], []
    for place in places:
        copy = dict(place)
        korean = overlay.get(place["id"])
        if korean:
            for name in ("text", "position_from"):
                if name in place and not str(korean.get(name) or "").strip():
                    problems.append(f"{place['id']}: needs a Korean '{name}', as the English place has one")
            copy.update({k: v for k, v in korean.items() if k in ("name", "text", "position_from")})
        else:
            copy["lang"] = "en"
        result.append(copy)
    return result, problems
