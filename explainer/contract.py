"""The markup contract: every class, marker comment and syntax that the pieces share, named once.

Plain Python, no MkDocs. The renderers write these names, the checks and rewriters read them,
and tests, scripts and docs/stylesheets/site.css (which cannot import, and is tested against
this module) use the same ones. Python-Markdown's and Material's own names, which the site
reads but does not choose, are listed here too, with the check that raises when one of them
stops matching (must_match).
"""

import re
from collections.abc import Iterable

# ---- Marker comments: a page says where generated content goes --------------------------

TIMELINE = "<!-- timeline -->"
LATEST_DEVELOPMENTS = "<!-- latest-developments -->"  # the home page's newest timeline entries
CHANGELOG = "<!-- changelog -->"
EDITIONS = "<!-- editions -->"
SOURCE_LIST = "<!-- source-list -->"
PRINT_EDITION = "<!-- print-edition -->"
MAP = "<!-- map: korea -->"
MAP_SVG = "<!-- map-svg: korea -->"  # left in the Markdown by the map, replaced by its SVG after it
FIGURE = re.compile(r"<!-- figure: ([a-z0-9-]+) -->")


def figure_marker(figure_id: str) -> str:
    return f"<!-- figure: {figure_id} -->"


# In every footer until the offline zip's size is known; replaced on disk after the build.
# Never inside a hashed (inline script or style) element: the CSP hashes come first.
SIZE_MARKER = "__OFFLINE_ZIP_SIZE__"

# ---- Syntax ------------------------------------------------------------------------------

# A footnote marker naming a source: [^source-id] (not a definition, [^id]:).
FOOTNOTE_REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")


# One note citing several sources: the markers of a sentence's sources, written next to each
# other ([^a][^b]), become one marker and one note, [^a+b], that lists each source in turn.
NOTE_JOIN = "+"


def note_sources(note_id: str) -> list[str]:
    """The sources one note cites: 'reuters-nds+ajp-nds' → ['reuters-nds', 'ajp-nds']."""
    return note_id.split(NOTE_JOIN)


def footnote_references(source_ids: Iterable[str]) -> str:
    """The markers for these sources, in the order given: [^a][^b]."""
    return "".join(f"[^{source_id}]" for source_id in source_ids)


# ---- Classes and attributes the site writes ----------------------------------------------

# Cited by its id: the address registry lists each (timeline entries, figures, the map).
CITABLE = "citable"
# The live site's controls around the text: permalinks' neighbours, citation boxes and their
# copy buttons, a timeline entry's link line, the timeline's jump link. Every piece carries it
# where it is written. Not evidence, not searched, not printed, not in a frozen edition.
APPARATUS = "apparatus"
# About the live page, not its text: its history and its update line, the print cover's
# addresses. Not evidence, and not in a frozen edition (which has its own date); printed.
LIVE_ONLY = "live-only"
# Names of pages and sections a text points to (a change's "Pages:" list): each name is a title or
# heading checked on its own page, so the evidence check does not hold it to this block's sources.
NAMES_OF_PLACES = "names-of-places"
# Material's search leaves out an element with this attribute (and removes the attribute).
SEARCH_EXCLUDE = "data-search-exclude"
DERIVED = "derived"  # a number the editors worked out, with its sourced inputs beside it

# ---- Names Python-Markdown and Material write ---------------------------------------------

HEADERLINK = "headerlink"  # the toc extension's permalink (mkdocs.yml: toc permalink)
FOOTNOTES = "footnote"  # Python-Markdown's footnote list
FOOTNOTE_REF = "footnote-ref"  # the link inside a marker's <sup>
FOOTNOTE_BACKREF = "footnote-backref"
MATERIAL_CONTENT_BUTTON = "md-content__button"  # Material's edit/view buttons

# What a frozen edition leaves out of the print edition's article (scripts/make_edition.py).
EDITION_REMOVES = f"script, .{APPARATUS}, .{LIVE_ONLY}, .{HEADERLINK}, .{MATERIAL_CONTENT_BUTTON}"
# What the printed page hides: the site's apparatus and Material's controls (site.css, @media print).
PRINT_HIDES = (f".{APPARATUS}", f".{HEADERLINK}", f".{MATERIAL_CONTENT_BUTTON}", ".md-dialog", ".md-clipboard")


def classes(*names: str) -> str:
    """A class attribute's value: class=\"{classes('timeline-jump', APPARATUS)}\"."""
    return " ".join(names)


class ContractBroken(ValueError):
    """Markup the site reads (Python-Markdown's or Material's) no longer looks as expected."""


def must_match(pattern: re.Pattern[str], text: str, what: str) -> list[re.Match[str]]:
    """Every match of pattern in text; raises when there is none, for a rewrite that must apply
    wherever it is called (the caller checks first that the page has the thing)."""
    found = list(pattern.finditer(text))
    if not found:
        raise ContractBroken(
            f"{what}: the pattern {pattern.pattern[:80]!r} matched nothing; has the "
            "markup of Python-Markdown or Material changed? (explainer/contract.py)"
        )
    return found
