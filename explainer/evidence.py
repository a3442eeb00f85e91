"""Holds every quotation and figure on a page to the evidence of the sources cited beside it.

Plain Python over a page's rendered HTML: no MkDocs import, so any engine, script or test
can call it. A *block* is the smallest part of a page that a reader takes as one
statement: a paragraph, a list item, a table cell or heading; but a whole table row, figure,
timeline entry or "What the strategy says" box, where the sources sit in one place for all
of it. A quotation (text in typographic double quotes) must appear verbatim in the evidence
of a source footnoted in the same block; a figure (a number that is not a footnote marker
and not the day or year of a date) must appear there as a number. A number the editors
derived is written <span class="derived">…</span> and is not held to a source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from . import contract

# Where sources are cited once for everything inside.
UNIT_CLASSES = {"admonition document", "timeline-entry"}
UNIT_TAGS = {"tr", "figure"}
TEXT_BLOCKS = {"p", "li", "dd", "dt", "td", "th", "figcaption", "blockquote",
               "h1", "h2", "h3", "h4", "h5", "h6"}
# Apparatus, not statements: footnote list, markers, code, permalinks, the bibliography itself,
# the list of the site's own dated editions (their file sizes), and what the templates add
# around a page's content (dates, history, citations) when a built page is checked whole,
# with the citations under cited headings and the permanent links of timeline entries.
SKIPPED_CLASSES = {contract.APPARATUS, contract.LIVE_ONLY, contract.FOOTNOTES, contract.FOOTNOTE_REF,
                   "footnote-separator", contract.HEADERLINK, "source-list", "editions", contract.DERIVED,
                   "reporting-through", "page-updated", "bibliography-downloads"}
SKIPPED_TAGS = {"code", "pre", "script", "style", "sup"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
             "track", "wbr"}

MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
         r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
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


@dataclass
class Finding:
    block: str
    kind: str  # "quotation" or "figure"
    value: str
    cited: list[str]

    def __str__(self) -> str:
        ids = ", ".join(self.cited) or "no source"
        where = "in the evidence of" if self.cited else "and the block cites"
        return (f"block starting “{self.block[:60]}”: {self.kind} “{self.value}” is not "
                f"{where} {ids}")


@dataclass
class Result:
    quotations: int = 0
    figures: int = 0
    findings: list[Finding] = field(default_factory=list)


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


def check_blocks(blocks: list[Block], evidence: dict[str, str]) -> Result:
    """evidence: source id -> all its recorded excerpts (or whole text), joined."""
    result = Result()
    for block in blocks:
        cited = list(dict.fromkeys(block.cited))
        texts = [evidence.get(source, "") for source in cited]
        numbers = set().union(*(evidence_figures(t) for t in texts)) if texts else set()
        for quotation in QUOTATION.findall(block.text):
            result.quotations += 1
            if not any(quotation_found(quotation, t) for t in texts):
                result.findings.append(Finding(block.text.strip(), "quotation", quotation, cited))
        for token in figures_in(block.text):
            result.figures += 1
            if figure_value(token) not in numbers:
                result.findings.append(Finding(block.text.strip(), "figure", token, cited))
    return result


def blocks_of(html: str) -> list[Block]:
    parser = _BlockParser()
    parser.feed(html)
    parser.close()
    return [b for b in parser.blocks if b.text.strip()]


class _BlockParser(HTMLParser):
    """Splits rendered page HTML into blocks with the footnotes each one cites."""

    def __init__(self):
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

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = attributes.get("class") or ""
        if tag == "a" and not self._skipping_text_only() and attributes.get("href", "").startswith("#fn:"):
            self._current().cited.append(attributes["href"][4:])
        if tag in VOID_TAGS:
            return
        skipped = tag in SKIPPED_TAGS or bool(SKIPPED_CLASSES & set(classes.split()))
        block = None
        if tag in UNIT_TAGS or any(_has_classes(classes, unit) for unit in UNIT_CLASSES):
            if not self._in_unit():
                block = Block(unit=True)
        elif tag in TEXT_BLOCKS and not self._in_unit():
            block = Block()
        if block is not None:
            self.blocks.append(block)
        self.stack.append((tag, block, skipped))

    def _skipping_text_only(self) -> bool:
        # Footnote markers sit inside <sup>, which is skipped for text but read for citations.
        return any(skipped and tag != "sup" for tag, _, skipped in self.stack)

    def handle_endtag(self, tag):
        if tag in VOID_TAGS:
            return
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if self._skipping():
            return
        block = self._current()
        block.text += data


def _has_classes(classes: str, wanted: str) -> bool:
    return set(wanted.split()) <= set(classes.split())
