"""The pair check: a Korean page against its English twin, section by section.

A translation may reword everything but the facts' frame. Section by section (a section runs from
one heading to the next; the part before the first heading is a section too) the two pages must have
the same headings (level and permanent id, in order), the same statement boxes in the same order
(`!!! document`, `!!! implication`, …) and the same generated insertions (`<!-- figure: … -->` and
the like), cite the same sources (`[^id]`), and give the same figures by value (2만8500 = 28,500;
1조5192억 = 1.5192 trillion; dates are not figures).

Each Korean page records which English revision it translates: the id of the newest entry of the
record of changes that touched the English page when it was translated. Entries touching the English
page after that one are what the translation has not carried over: an update earns the reader a
notice (the English page has changed since), a correction fails the build, because a correction not
carried over leaves the Korean reader with text the site has withdrawn.

Plain Python over Markdown text: no engine import.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from .korean import english_quantities, english_spelled_quantities, korean_quantities

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{#([\w-]+)[^}]*\})?\s*$")
_BOX = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s+([\w-]+)")
_INSERTION = re.compile(r"<!--\s*([\w-]+(?::\s*[\w-]+)?)\s*-->")
_CITATION = re.compile(r"\[\^([\w-]+)\](?!:)")
_FOOTNOTE_DEFINITION = re.compile(r"^\[\^[\w-]+\]:")
_FENCE = re.compile(r"^\s*(```|~~~)")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


@dataclass
class Section:
    """What the two languages must share in one section of a page."""

    heading: str  # "level#id", or "" for the part before the first heading
    boxes: list[str] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    figures: set[Decimal] = field(default_factory=set)
    text: list[str] = field(default_factory=list)


def sections(markdown: str, figures: Callable[[str], set[Decimal]]) -> list[Section]:
    """A page's sections, read from its Markdown (front matter, code and footnote definitions left out)."""
    found = [Section(heading="")]
    fenced = False
    for line in _FRONT_MATTER.sub("", markdown).splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or _FOOTNOTE_DEFINITION.match(line):
            continue
        heading = _HEADING.match(line)
        if heading:
            level, title, anchor = heading.groups()
            found.append(Section(heading=f"{len(level)}#{anchor or ''}"))
            found[-1].text.append(title)
            continue
        section = found[-1]
        box = _BOX.match(line)
        if box:
            section.boxes.append(box.group(1))
        section.boxes.extend(f"<!-- {name} -->" for name in _INSERTION.findall(line))
        section.sources.update(_CITATION.findall(line))
        section.text.append(_CITATION.sub("", _INSERTION.sub("", line)))
    for section in found:
        section.figures = figures("\n".join(section.text))
    return found


@dataclass(frozen=True)
class Mismatch:
    page: str
    section: str
    problem: str

    def __str__(self) -> str:
        where = f"section {self.section}" if self.section else "before the first heading"
        return f"{self.page}: {where}: {self.problem}"


def _numbers(values: set[Decimal]) -> str:
    return ", ".join(f"{value.normalize():,f}" for value in sorted(values))


def compare(
    page: str, english: str, korean: str, korean_source: Callable[[str], bool] = lambda _: False
) -> list[Mismatch]:
    """Every way the Korean page `page` departs from its English twin's frame; empty when they pair.

    A Korean page may cite, besides its twin's sources, Korean-language ones (`korean_source(id)` is true):
    a Korean reader is better served by a Korean outlet's own words.
    """
    english_sections = sections(english, english_quantities)
    korean_sections = sections(korean, korean_quantities)
    english_headings = [section.heading for section in english_sections]
    korean_headings = [section.heading for section in korean_sections]
    if english_headings != korean_headings:
        return [
            Mismatch(
                page,
                "",
                f"headings differ from the English page: English {english_headings[1:]}, "
                f"Korean {korean_headings[1:]} (level#id, in order)",
            )
        ]
    problems: list[Mismatch] = []
    for en, ko in zip(english_sections, korean_sections, strict=True):
        where = en.heading.split("#", 1)[1] if en.heading else ""
        if en.boxes != ko.boxes:
            problem = f"boxes and insertions differ: English {en.boxes}, Korean {ko.boxes}"
            problems.append(Mismatch(page, where, problem))
        missing = sorted(en.sources - ko.sources)
        added = sorted(source for source in ko.sources - en.sources if not korean_source(source))
        if missing or added:
            detail = "; ".join(
                part for part in (f"missing {missing}" if missing else "", f"added {added}" if added else "") if part
            )
            problems.append(Mismatch(page, where, f"cited sources differ from the English page: {detail}"))
        # A number the English spells out (five-year, the fifth meeting) may be digits in Korean.
        missing_figures = en.figures - ko.figures
        added_figures = ko.figures - en.figures - english_spelled_quantities("\n".join(en.text))
        if missing_figures or added_figures:
            detail = "; ".join(
                part
                for part in (
                    f"not in the Korean text: {_numbers(missing_figures)}" if missing_figures else "",
                    f"not in the English text: {_numbers(added_figures)}" if added_figures else "",
                )
                if part
            )
            problems.append(Mismatch(page, where, f"figures differ: {detail}"))
    return problems


@dataclass(frozen=True)
class Change:
    """One entry of the record of changes, as the pair check needs it (newest first in the record)."""

    id: str
    kind: str  # new | update | correction
    pages: Sequence[str]  # page files, optionally with an anchor: "alliance.md#burden-sharing"


@dataclass(frozen=True)
class Staleness:
    updates: tuple[str, ...]  # ids of English updates not carried over: shown to readers as a notice
    corrections: tuple[str, ...]  # ids of English corrections not carried over: the build fails


def not_carried_over(page: str, translates: str, changes: Sequence[Change]) -> Staleness:
    """What changed on the English page `page` after the revision the translation records.

    `changes` is the record, newest first. `translates` must be the id of an entry that touched the page.
    """
    touching = [change for change in changes if any(p.split("#", 1)[0] == page for p in change.pages)]
    ids = [change.id for change in touching]
    if translates not in ids:
        raise ValueError(
            f"{page}: 'translates: {translates}' names no change of the English page "
            f"(its changes: {', '.join(ids) or 'none'})"
        )
    newer = touching[: ids.index(translates)]
    return Staleness(
        updates=tuple(c.id for c in newer if c.kind != "correction"),
        corrections=tuple(c.id for c in newer if c.kind == "correction"),
    )
