"""Holds every quotation and figure on a page to the evidence of the sources cited beside it.

Plain Python over a page's rendered HTML: no MkDocs import, so any engine, script or test
can call it. A *block* is the smallest part of a page that a reader takes as one
statement: a paragraph, a list item, a table cell or heading; but a whole table row, figure,
timeline entry or "What the strategy says" box, where the sources sit in one place for all
of it. A quotation (text in typographic double quotes) must appear verbatim in the evidence
of a source footnoted in the same block; a figure (a number that is not a footnote marker
and not the day or year of a date) must appear there as a number. A number the editors
derived is written <span class="derived">…</span> and is not held to a source.

Texts around the body (a page's title and description, its headings, captions, table headers
and image descriptions, its JSON-LD, its citation abstract, the feed's entries) are *fields*:
a quotation or figure in one must appear in the checked body of the same page or in the
evidence of a source that page cites. A finding names the field ("description: figure …").

The check also says which excerpt held each quotation and figure (Result.supports), so that a
footnote can show its source's own words under the source line (with_excerpts).
"""

from __future__ import annotations

import html as _html
import json
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from xml.etree import ElementTree

from . import contract

# Where sources are cited once for everything inside.
UNIT_CLASSES = {"admonition document", "timeline-entry"}
UNIT_TAGS = {"tr", "figure"}
TEXT_BLOCKS = {"p", "li", "dd", "dt", "td", "th", "figcaption", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"}
# Apparatus, not statements: footnote list, markers, code, permalinks, the bibliography itself,
# the list of the site's own dated editions (their file sizes), and what the templates add
# around a page's content (dates, history, citations) when a built page is checked whole,
# with the citations under cited headings and the permanent links of timeline entries.
SKIPPED_CLASSES = {
    contract.APPARATUS,
    contract.LIVE_ONLY,
    contract.NAMES_OF_PLACES,
    contract.FOOTNOTES,
    contract.FOOTNOTE_REF,
    "footnote-separator",
    contract.HEADERLINK,
    "source-list",
    "editions",
    contract.DERIVED,
    "reporting-through",
    "page-updated",
    "bibliography-downloads",
    "footnote-excerpt",
}
SKIPPED_TAGS = {"code", "pre", "script", "style", "sup"}
# The kind of text each element holds, for the counts the build prints.
ELEMENT_KINDS = {
    "p": "paragraph",
    "li": "list item",
    "dd": "definition",
    "dt": "term",
    "td": "table cell",
    "th": "table header",
    "figcaption": "caption",
    "blockquote": "block quotation",
    **{f"h{n}": "heading" for n in range(1, 7)},
}
# Blocks held as fields (see the module's docstring) rather than to their own footnotes.
FIELD_BLOCKS = {"heading", "caption", "table header"}
BODY = "body"
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DAYS = r"\d{1,2}(?:\s*(?:–|-|to|and)\s*\d{1,2})?"
DATES = re.compile(rf"\b{DAYS}\s+{MONTH}|\b{MONTH}\s+{DAYS}\b|(?<![\d.,])(?:1[89]\d\d|20\d\d)(?![\d.,]\d)")
# A figure: digits with thousands commas or a decimal point, an ordinal suffix allowed.
# Not part of a name such as FY2026, F-35 or Q2 (a letter, hyphen or point before it).
FIGURE = re.compile(r"(?<![\w.,\-])\d+(?:,\d{3})*(?:\.\d+)?(?=(?:st|nd|rd|th)?\b)")
EVIDENCE_FIGURE = re.compile(r"(?<![\d.,])\d+(?:,\d{3})*(?:\.\d+)?")
QUOTATION = re.compile(r"“([^“”]+)”")
ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")


@dataclass
class Block:
    text: str = ""
    cited: list[str] = field(default_factory=list)
    unit: bool = False  # sources cited once for all inside: nested blocks merge into it
    kinds: Counter[str] = field(default_factory=Counter)  # the texts read into it, by kind
    # BODY, or the field it is ("description", "heading", "alt text", "feed entry", ...):
    # a field is held to the page's checked body and every source the page cites.
    field: str = BODY  # (last: the name hides dataclasses.field below it)


@dataclass
class Finding:
    block: str
    kind: str  # "quotation" or "figure"
    value: str
    cited: list[str]
    field: str = BODY

    def __str__(self) -> str:
        ids = ", ".join(self.cited) or "no source"
        if self.field != BODY:
            return (
                f"{self.field}: {self.kind} “{self.value}” is neither in the page's checked text nor in the "
                f"evidence of the {len(self.cited)} sources the page cites; the {self.field} reads "
                f"“{self.block[:80]}”"
            )
        where = "in the evidence of" if self.cited else "and the block cites"
        return f"block starting “{self.block[:60]}”: {self.kind} “{self.value}” is not {where} {ids}"


@dataclass
class PageText:
    """What a page's body says, for the fields around it: its checked text and what it cites."""

    text: str = ""
    figures: set[str] = field(default_factory=set)
    cited: list[str] = field(default_factory=list)


@dataclass
class Result:
    quotations: int = 0
    figures: int = 0
    findings: list[Finding] = field(default_factory=list)
    texts: Counter[str] = field(default_factory=Counter)  # texts read, by kind
    # source id -> the excerpts that held a quotation or figure in a block citing it, in page order
    supports: dict[str, list[str]] = field(default_factory=dict)

    def add(self, other: Result) -> None:
        self.quotations += other.quotations
        self.figures += other.figures
        self.findings += other.findings
        self.texts.update(other.texts)


def normalize(text: str) -> str:
    """Compare words, not typography: no quote marks or apostrophes of any style, single spaces."""
    text = re.sub(r"[‘’‚‛′`“”„‟″\"']", "", text)
    text = text.replace("\u00a0", " ").replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", text).strip()


def figure_value(token: str) -> str:
    return token.replace(",", "")


def evidence_figures(text: str) -> set[str]:
    return {figure_value(t) for t in EVIDENCE_FIGURE.findall(text)}


def quotation_found(quotation: str, evidence: str) -> bool:
    """Verbatim, but for quote style, spacing and the case of the first letter; an ellipsis
    may join exact pieces that appear in that order."""
    pieces = [normalize(p) for p in ELLIPSIS.split(quotation) if p.strip(" .,;")]
    haystack = normalize(evidence)
    position = 0
    for piece in pieces:
        piece = piece.rstrip(".,;:")
        for candidate in dict.fromkeys((piece, piece[:1].swapcase() + piece[1:])):
            found = haystack.find(candidate, position)
            if found >= 0:
                position = found + len(candidate)
                break
        else:
            return False
    return bool(pieces)


def figures_in(text: str) -> list[str]:
    return FIGURE.findall(DATES.sub(" ", text))


def page_of(blocks: list[Block]) -> PageText:
    """The checked body of a page (its BODY blocks) and every source it cites."""
    body = [b for b in blocks if b.field == BODY]
    text = "\n".join(b.text for b in body)
    return PageText(
        text=text,
        figures={figure_value(t) for t in figures_in(text)},
        cited=list(dict.fromkeys(s for b in blocks for s in b.cited)),
    )


def held_to(block: Block, page: PageText, evidence: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """The sources a block is held to, and the texts it is held to: a BODY block, the evidence of the
    sources it cites; a field (title, heading, description, …), the page's checked body first, then
    the evidence of every source the page cites. The English and the Korean checks share it."""
    cited = list(dict.fromkeys(block.cited))
    if block.field != BODY:
        cited = list(dict.fromkeys(cited + page.cited))
    texts = [evidence.get(source, "") for source in cited]
    if block.field != BODY:
        texts = [page.text, *texts]
    return cited, texts


def check_blocks(blocks: list[Block], evidence: dict[str, str], page: PageText | None = None) -> Result:
    """evidence: source id -> all its recorded excerpts (or whole text), joined by line breaks.

    A BODY block is held to the sources it cites; a field to the page's checked body and every
    source the page cites (page: that page, when the fields are checked apart from its body)."""
    result = Result()
    page = page if page is not None else page_of(blocks)
    for block in blocks:
        result.texts.update(block.kinds or {block.field: 1})
        cited, texts = held_to(block, page, evidence)
        own = texts if block.field == BODY else texts[1:]  # the sources' evidence, not the page's body
        numbers = set().union(*(evidence_figures(t) for t in own)) if own else set()
        if block.field != BODY:
            numbers |= page.figures
        for quotation in QUOTATION.findall(block.text):
            result.quotations += 1
            holder = next((i for i, t in enumerate(texts) if quotation_found(quotation, t)), None)
            if holder is None:
                result.findings.append(Finding(block.text.strip(), "quotation", quotation, cited, block.field))
            elif block.field == BODY:
                _support(result, cited[holder], excerpt_holding(texts[holder], quotation=quotation))
        for token in figures_in(block.text):
            result.figures += 1
            value = figure_value(token)
            if value not in numbers:
                result.findings.append(Finding(block.text.strip(), "figure", token, cited, block.field))
            elif block.field == BODY:
                holder = next(i for i, t in enumerate(texts) if value in evidence_figures(t))
                _support(result, cited[holder], excerpt_holding(texts[holder], figure=value))
    return result


def _support(result: Result, source: str, excerpt: str | None) -> None:
    if excerpt and excerpt not in result.supports.setdefault(source, []):
        result.supports[source].append(excerpt)


# Characters: a longer excerpt (or a paragraph of a full text) is cut to the sentences that hold the match.
EXCERPT_LENGTH = 200
SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’']?\s+(?=[“\"‘A-Z0-9])")


def excerpt_holding(evidence: str, *, quotation: str | None = None, figure: str | None = None) -> str | None:
    """The recorded excerpt (one line of a source's evidence) that holds a quotation or figure;
    a long one cut to the sentences that hold it. None when no single excerpt holds it."""

    def holds(text: str) -> bool:
        return quotation_found(quotation, text) if quotation is not None else figure in evidence_figures(text)

    for line in evidence.splitlines():
        line = line.strip()
        if not line or not holds(line):
            continue
        if len(line) <= EXCERPT_LENGTH:
            return line
        sentences = SENTENCE_END.split(line)
        for size in (1, 2, 3):
            for start in range(len(sentences) - size + 1):
                piece = " ".join(sentences[start : start + size])
                if holds(piece):
                    return piece  # whole sentences only: never cut inside the clause that carries the meaning
        return None
    return None


# Per footnote: the words that hold the first statement citing it (page weight: tests/test_budgets.py).
EXCERPTS_SHOWN = 1
FOOTNOTE = re.compile(r'(<li id="fn:([^"]+)">.*?)(</li>)', re.DOTALL)


def excerpt_note(excerpts: list[str], label: str = "Source's words:", mark_english: bool = False) -> str:
    """Under a footnote's source line: the words the check matched, marked as the source's
    own, escaped; kept out of search and of this check by the footnote list around it.
    label: the edition's words (data/ko/strings.yml source_words); mark_english: on a page in
    another language, an excerpt with no Hangul is marked lang="en"."""

    from .korean import in_korean  # korean.py reads this module's dates: imported here, not at the top

    def q(excerpt: str) -> str:
        lang = ' lang="en"' if mark_english and not in_korean(excerpt) else ""
        return f"<q{lang}>{_html.escape(excerpt, quote=False)}</q>"

    quoted = " ".join(q(e) for e in excerpts[:EXCERPTS_SHOWN])
    label = _html.escape(label, quote=False)
    return f'<p class="footnote-excerpt"><span class="footnote-excerpt-label">{label}</span> {quoted}</p>\n'


def with_excerpts(
    html: str, supports: dict[str, list[str]], label: str = "Source's words:", mark_english: bool = False
) -> str:
    """Each footnote (Python-Markdown's <li id="fn:source-id">) gains the excerpt that supports
    the statements citing it, where the check matched one (label, mark_english: excerpt_note)."""

    def add(match: re.Match[str]) -> str:
        sources = contract.note_sources(match.group(2))
        if len(sources) == 1:
            excerpts = supports.get(sources[0])
            note = excerpt_note(excerpts, label, mark_english) if excerpts else ""
            return match.group(1) + note + match.group(3) if excerpts else match.group(0)
        # A note of several sources has a paragraph each, ending with its link to the source list:
        # each source's words go under its own paragraph.
        note = match.group(1)
        for source in sources:
            if excerpts := supports.get(source):
                paragraph = re.compile(rf'<p>(?:(?!</p>).)*?sources\.html#{re.escape(source)}".*?</p>\n?', re.DOTALL)
                found = contract.must_match(paragraph, note, f"the paragraph of {source} in note {match.group(2)}")
                end = found[0].end()
                shown = excerpt_note(excerpts, label, mark_english)
                note = note[:end] + ("" if note[end - 1] == "\n" else "\n") + shown + note[end:]
        return note + match.group(3)

    return FOOTNOTE.sub(add, html)


def blocks_of(html: str) -> list[Block]:
    """The page's blocks, then its images' descriptions (alt text) as fields."""
    parser = _BlockParser()
    parser.feed(html)
    parser.close()
    return [b for b in parser.blocks if b.text.strip()]


def field_blocks(fields: list[tuple[str, str]]) -> list[Block]:
    """Texts around the body, each (field, text), as blocks held to the page: see the docstring."""
    return [Block(text=text, field=name, kinds=Counter({name: 1})) for name, text in fields if text and text.strip()]


class _BlockParser(HTMLParser):
    """Splits rendered page HTML into blocks with the footnotes each one cites."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, Block | None, bool]] = []  # tag, block it opened, skipped
        self.blocks: list[Block] = []
        self.loose = Block()  # text outside any block still gets checked
        self.blocks.append(self.loose)

    def _current(self) -> Block:
        for _, block, _ in reversed(self.stack):
            if block is not None:
                return block
        return self.loose

    def _skipping(self) -> bool:
        return any(skipped for _, _, skipped in self.stack)

    def _in_unit(self) -> bool:
        return any(block.unit for _, block, _ in self.stack if block)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}  # <a href> without a value: ""
        classes = attributes.get("class") or ""
        if tag == "a" and not self._skipping_text_only() and attributes.get("href", "").startswith("#fn:"):
            self._current().cited.extend(contract.note_sources(attributes["href"][4:]))
        if tag == "img" and attributes.get("alt") and not self._skipping():
            self.blocks.append(Block(text=attributes["alt"], field="alt text", kinds=Counter({"alt text": 1})))
        if tag in VOID_TAGS:
            return
        skipped = tag in SKIPPED_TAGS or bool(SKIPPED_CLASSES & set(classes.split()))
        block = None
        kind = ELEMENT_KINDS.get(tag)
        if tag in UNIT_TAGS or any(_has_classes(classes, unit) for unit in UNIT_CLASSES):
            if not self._in_unit():
                # A table row of headers only is the table's header: a field, like a heading.
                block = Block(unit=True, field="table header" if tag == "tr" else BODY)
        elif tag in TEXT_BLOCKS and not self._in_unit():
            block = Block(field=kind if kind in FIELD_BLOCKS else BODY)
        if not skipped and not self._skipping():
            unit = self._unit()
            if unit is not None and tag == "td" and unit.field == "table header":
                unit.field = BODY
            if kind:
                (block or unit or self.loose).kinds[kind] += 1
        if block is not None:
            self.blocks.append(block)
        self.stack.append((tag, block, skipped))

    def _unit(self) -> Block | None:
        return next((block for _, block, _ in self.stack if block and block.unit), None)

    def _skipping_text_only(self) -> bool:
        # Footnote markers sit inside <sup>, which is skipped for text but read for citations.
        return any(skipped and tag != "sup" for tag, _, skipped in self.stack)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS:
            return
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if self._skipping():
            return
        block = self._current()
        block.text += data


def _has_classes(classes: str, wanted: str) -> bool:
    return set(wanted.split()) <= set(classes.split())


# ---- Texts a program reads: the <head>, the feed ----

HEAD_KINDS = {
    "description": "description",
    "og:description": "description",
    "twitter:description": "description",
    "citation_title": "title",
    "og:title": "title",
    "twitter:title": "title",
}
META = re.compile(r'<meta (?:name|property)="([^"]+)" content="([^"]*)"')
TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
# JSON-LD members that are addresses, dates, codes or types rather than text.
JSON_LD_NOT_TEXT = {"@context", "@type", "url", "license", "datePublished", "dateModified", "inLanguage"}


def head_fields(page_html: str) -> list[tuple[str, str]]:
    """(field, text) of a built page's <head>: its title, descriptions and JSON-LD's texts."""
    head = page_html[: page_html.find("</head>")] if "</head>" in page_html else page_html
    fields = [("title", _html.unescape(t)) for t in TITLE.findall(head)]
    fields += [(HEAD_KINDS[n], _html.unescape(c)) for n, c in META.findall(head) if n in HEAD_KINDS]
    for script in JSON_LD.findall(head):
        fields += [("JSON-LD", text) for text in _json_texts(json.loads(script))]
    return fields


def _json_texts(value: object, key: str = "") -> list[str]:
    if isinstance(value, dict):
        return [t for k, v in value.items() if k not in JSON_LD_NOT_TEXT for t in _json_texts(v, k)]
    if isinstance(value, list):
        return [t for v in value for t in _json_texts(v, key)]
    return [value] if isinstance(value, str) else []


def feed_fields(atom: str) -> list[tuple[str, str]]:
    """(field, text) of each entry of an Atom feed: its title and its content."""
    root = ElementTree.fromstring(atom)
    fields = []
    for entry in root.iter(f"{ATOM}entry"):
        for part in ("title", "summary", "content"):
            for element in entry.iter(f"{ATOM}{part}"):
                fields.append(("feed entry", element.text or ""))
    return fields


ATOM = "{http://www.w3.org/2005/Atom}"


def abstract_fields(csl_json: str | None = None, ris: str | None = None) -> list[tuple[str, str]]:
    """(field, text) of a page's citation files: the CSL-JSON items' and the RIS records' abstracts."""
    fields = [("citation abstract", item.get("abstract", "")) for item in json.loads(csl_json or "[]")]
    fields += [("citation abstract", line[6:]) for line in (ris or "").splitlines() if line.startswith("AB  - ")]
    return list(dict.fromkeys(fields))
