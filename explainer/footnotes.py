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
