"""Footnotes as a reader meets them: markers in order, and told apart.

Plain Python over a page's Markdown or HTML, no MkDocs: explainer/mkdocs_adapter.py applies it.
"""

import re
from html import escape
from typing import TypedDict

from . import contract
from .tag_stack import VOID_TAGS, TagStack

REFERENCE = contract.FOOTNOTE_REFERENCE
CLUSTER = re.compile(r"(?:\[\^[^\]\s]+\](?!:)){2,}")
CLUSTER_OR_ONE = re.compile(r"(?:\[\^[^\]\s]+\](?!:))+")


def ordered_clusters(markdown: str) -> str:
    """Adjacent markers read "2, 5", never "5, 2": numbers follow first citation in the page,
    so each cluster is sorted by where its sources are first cited (and cited once)."""
    first: dict[str, int] = {}
    for match in REFERENCE.finditer(markdown):
        first.setdefault(match.group(1), len(first))

    def in_order(match: re.Match[str]) -> str:
        ids = sorted(dict.fromkeys(REFERENCE.findall(match.group(0))), key=first.__getitem__)
        return contract.footnote_references(ids)

    return CLUSTER.sub(in_order, markdown)


# Lines that are a block of their own: headings, table rows, boxes, HTML, definitions,
# attribute lists, abbreviations. And lines that start one: list items.
STANDALONE = re.compile(r"\s*(?:#|\||!!!|\?\?\?|<|:|\{:|\*\[|-{3,}\s*$)")
ITEM = re.compile(r"\s*(?:[-*+]|\d+\.)\s")


# One note lists at most this many sources: a longer paragraph gets a note every few sentences.
NOTE_SOURCES = 3


def by_paragraph(markdown: str) -> str:
    """Fewer markers, each nearer what it holds up (issue 23): in a paragraph or list item, the
    markers of consecutive sentences move forward to the last of them, where grouped() makes them
    one note, until a note would list more than NOTE_SOURCES sources. A note so covers the
    sentences since the previous one, and shows each source's own words; the evidence check holds
    the whole paragraph to every source it cites, so no statement loses its source. Headings,
    tables and HTML keep their markers where they are."""
    lines = markdown.split("\n")
    block: list[int] = []

    def gather() -> None:
        text = "\n".join(lines[i] for i in block)
        clusters = list(CLUSTER_OR_ONE.finditer(text))
        if len(clusters) > 1:
            notes: list[tuple[int, list[str]]] = []  # (end of the cluster it is written at, sources)
            run: list[str] = []
            previous_end = 0
            for cluster in clusters:
                ids = REFERENCE.findall(cluster.group(0))
                if run and len(set(run) | set(ids)) > NOTE_SOURCES:
                    notes.append((previous_end, run))
                    run = []
                run = list(dict.fromkeys(run + ids))
                previous_end = cluster.end()
            notes.append((previous_end, run))
            at = dict(notes)
            pieces, start = [], 0
            for cluster in clusters:
                pieces.append(text[start : cluster.start()])
                if cluster.end() in at:
                    pieces.append(contract.footnote_references(at[cluster.end()]))
                start = cluster.end()
            pieces.append(text[start:])
            for i, line in zip(block, "".join(pieces).split("\n"), strict=True):
                lines[i] = line
        block.clear()

    for number, line in enumerate(lines):
        if not line.strip() or STANDALONE.match(line) or ITEM.match(line):
            gather()
        if line.strip() and not STANDALONE.match(line):
            block.append(number)
    gather()
    return "\n".join(lines)


def grouped(markdown: str) -> str:
    """Adjacent markers become one note: one marker a sentence however many sources hold it
    (issue 23), the note listing each source with its own words. Run after ordered_clusters."""

    def group(match: re.Match[str]) -> str:
        ids = list(dict.fromkeys(REFERENCE.findall(match.group(0))))
        return f"[^{contract.NOTE_JOIN.join(ids)}]" if len(ids) > 1 else f"[^{ids[0]}]"

    return CLUSTER.sub(group, markdown)


MARKER_SUP = re.compile(r'<sup id="fnref\d*:')


def separated(html: str) -> str:
    """Adjacent markers read "1, 2", not "12": a comma between neighbouring markers.
    Relies on Python-Markdown writing each marker as <sup id="fnref…">: checked."""
    if contract.FOOTNOTE_REF in html:
        contract.must_match(MARKER_SUP, html, "footnote markers")
    return html.replace('</sup><sup id="fnref', '</sup><sup class="footnote-separator">,</sup><sup id="fnref')


BACKLINKS = re.compile(
    r'(?:&#160;)?((?:<a class="footnote-backref" href="#fnref\d*:[^"]+" title="[^"]*">&#8617;</a>)+)'
)
BACKLINK = re.compile(r'<a class="footnote-backref" href="#(fnref\d*:[^"]+)"')


def labelled_backlinks(html: str, back_to: str = "Back to:", the_text: str = "the text") -> str:
    """Each footnote's way back names where it goes: "Back to: Key points · Who leads (2)",
    not a row of identical arrows. A place is the box, figure or timeline entry the
    marker sits in, else the section heading above it, else `the_text`. The words are the
    edition's (data/ko/strings.yml: back_to, the_text)."""
    if f'class="{contract.FOOTNOTE_BACKREF}"' in html:
        contract.must_match(BACKLINKS, html, "footnote back-links")
    places = _marker_places(html, the_text)
    order = {ref: position for position, ref in enumerate(places)}  # as the page reads

    def rewrite(match: re.Match[str]) -> str:
        seen: dict[str, int] = {}
        links: list[str] = []
        for ref in sorted(BACKLINK.findall(match.group(1)), key=lambda r: order.get(r, len(order))):
            place = places.get(ref, the_text)
            seen[place] = seen.get(place, 0) + 1
            name = place if seen[place] == 1 else f"{place} ({seen[place]})"
            # Not Material's footnote-backref class: Material draws that as a bare icon.
            links.append(f'<a class="footnote-return" href="#{ref}">{name}</a>')
        return f' <span class="footnote-back">{escape(back_to, quote=False)} {" · ".join(links)}</span>'

    return BACKLINKS.sub(rewrite, html)


def _marker_places(html: str, the_text: str = "the text") -> dict[str, str]:
    finder = _PlaceFinder(the_text)
    finder.feed(html)
    finder.close()
    return finder.places


# Boxes, timeline entries and figures: their own title names a marker's place better than
# the heading above them. Each maps to the class of the element holding its title.
CONTAINERS: dict[str, str | None] = {
    "admonition": "admonition-title",
    "timeline-entry": "timeline-title",
    "data-figure": None,
}


class _Container(TypedDict):
    """What a box, timeline entry or figure opens: the class of its title (None: its figcaption), and that title."""

    title_class: str | None
    title: str


class _PlaceFinder(TagStack):
    """Where each footnote marker (<sup id="fnref…">) sits, named for a reader (as HTML)."""

    def __init__(self, the_text: str = "the text") -> None:
        super().__init__()
        self.the_text = the_text
        self.places: dict[str, str] = {}
        self.heading = ""
        self.reading: tuple[str, _Container | None, list[str]] | None = None  # tag, its container, text so far

    def opened(self, tag: str, attributes: dict[str, str], classes: set[str]) -> _Container | None:
        return next((_Container(title_class=CONTAINERS[c], title="") for c in classes if c in CONTAINERS), None)

    def started(self, tag: str, attributes: dict[str, str], classes: set[str]) -> None:
        if tag in VOID_TAGS:
            return
        if self.reading and tag == "abbr":  # keep the abbreviation's tooltip in the name
            self.reading[2].append(self.get_starttag_text() or "")  # never None inside a start tag
        container: _Container | None = self.innermost()
        if re.fullmatch(r"h[1-6]", tag):
            self.reading = (tag, None, [])
        elif (
            container
            and not container["title"]
            and ((tag == "figcaption" and container["title_class"] is None) or container["title_class"] in classes)
        ):
            self.reading = (tag, container, [])
        if tag == "sup" and attributes.get("id", "").startswith("fnref"):
            self.places[attributes["id"]] = (container and container["title"]) or self.heading or self.the_text

    def ending(self, tag: str) -> None:
        if self.reading and tag == "abbr":
            self.reading[2].append("</abbr>")
        if self.reading and self.reading[0] == tag:
            _, container, words = self.reading
            text = " ".join("".join(words).split())
            if container is None:
                self.heading = text
            else:
                container["title"] = text
            self.reading = None

    def handle_data(self, data: str) -> None:
        # A heading's text, without its ¶ permalink or footnote markers.
        if self.reading and not any(tag in ("sup", "a") for tag, _ in self.stack[-2:]):
            self.reading[2].append(escape(data, quote=False))
