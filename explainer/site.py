"""The site model: every input of the site read and cross-checked once, as typed records.

`Site.load(root)` reads the data files (sources, timeline, figures, changes, editions,
addresses, the map's places and outline, abbreviations, the article), every page's front
matter (docs/*.md; the dated editions in docs/editions/ are frozen files, not pages) and the
navigation titles (mkdocs.yml's `nav:`). It calls each module's own loader and validator,
then checks what no single file can: that the pages, the navigation, the address registry,
the timeline and the record of changes agree. The first problem found raises
`ExplainerError(path, entry, field, problem)`.

The engine adapter (explainer/mkdocs_adapter.py) calls it once per build, and
`python -m explainer check` calls the same function, so the command catches every input
mistake the build catches before it renders anything. What only the rendered pages can show
(anchors made by rendering, quotations against evidence, loads from other hosts) is checked
on the HTML by the build, and by `python -m explainer post SITE` on any engine's output.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import changes as changes_module
from . import editions as editions_module
from . import figures as figures_module
from . import footnotes as footnotes_module
from . import map as map_module
from . import sources as sources_module
from . import timeline as timeline_module
from .addresses import REGISTRY, lost_addresses, read_registry
from .build_inputs import symlinks
from .data import ExplainerError, data_path, human_date, load_list, nav_titles, read_text
from .front_matter import problems as front_matter_problems
from .front_matter import unreadable

__all__ = ["Change", "Edition", "ExplainerError", "Page", "PartialDate", "Place", "Site", "Source", "TimelineEntry"]

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)  # as MkDocs reads it
EDITIONS_FOLDER = editions_module.FOLDER


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date as precise as its source: 2026, 2026-01 or 2026-01-24."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """From 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (or a date); ValueError for anything else or a day
        that is not in the calendar."""
        text = value.isoformat() if isinstance(value, datetime.date) else str(value)
        match = PARTIAL_DATE.match(text)
        if not match:
            raise ValueError(f"'{text}' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)")
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        datetime.date(year, month or 1, day or 1)  # raises ValueError for 2026-02-30
        return cls(year, month, day)

    @property
    def iso(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p is not None]
        return "-".join(parts)

    @property
    def human(self) -> str:
        return human_date(self.iso)

    def span(self) -> tuple[datetime.date, datetime.date]:
        """The first and last day it can mean: 2026 spans the whole year."""
        return timeline_module.date_span(self.iso)

    def __str__(self) -> str:
        return self.iso


@dataclass(frozen=True)
class Source:
    id: str
    kind: str
    outlet: str
    date: PartialDate | None
    accessed: datetime.date
    url: str | None
    evidence: str  # the recorded excerpts (or the whole text kept in data/), as one text
    data: dict[str, Any] = field(repr=False, compare=False)  # the validated entry, for the renderers


@dataclass(frozen=True)
class TimelineEntry:
    id: str
    kind: str
    title: str
    date: PartialDate | None
    page: str
    sources: tuple[str, ...]
    data: dict[str, Any] = field(repr=False, compare=False)


@dataclass(frozen=True)
class Figure:
    id: str
    kind: str
    data: dict[str, Any] = field(repr=False, compare=False)


@dataclass(frozen=True)
class Change:
    id: str
    date: datetime.date
    kind: str
    pages: tuple[str, ...]
    text: str
    data: dict[str, Any] = field(repr=False, compare=False)


@dataclass(frozen=True)
class Edition:
    date: datetime.date
    last_change: str
    file: str
    zip: str
    data: dict[str, Any] = field(repr=False, compare=False)


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    position: tuple[float, float] | None  # longitude, latitude; None for a place shown only as a direction
    data: dict[str, Any] = field(repr=False, compare=False)


@dataclass(frozen=True)
class Page:
    src: str  # its path under docs/, e.g. us-forces.md
    address: str  # what it is published as, e.g. us-forces.html
    title: str
    nav_title: str | None
    description: str
    published: datetime.date
    updated: datetime.date
    reviewed: datetime.date
    meta: dict[str, Any] = field(repr=False, compare=False)
    markdown: str = field(default="", repr=False, compare=False)  # the file as written, front matter included


@dataclass(frozen=True)
class Addresses:
    live: frozenset[str]
    moved: dict[str, str]

    def cited_anchors(self) -> dict[str, set[str]]:
        """page address -> the anchors of it the registry lists (each gets "Cite this section")."""
        anchors: dict[str, set[str]] = {}
        for address in sorted(self.live):
            page, _, anchor = address.partition("#")
            if anchor:
                anchors.setdefault(page, set()).add(anchor)
        return anchors


@dataclass(frozen=True)
class Site:
    root: Path
    sources: dict[str, Source]
    timeline: list[TimelineEntry]
    figures: dict[str, Figure]
    changes: list[Change]  # newest first
    editions: list[Edition]  # oldest first
    addresses: Addresses
    places: list[Place]
    outline: dict[str, Any] = field(repr=False)
    abbreviations: str = field(repr=False)
    article: str = field(repr=False)
    pages: dict[str, Page] = field(repr=False)  # by src, in file name order
    nav_titles: dict[str, str] = field(repr=False)  # src -> navigation label

    # The validated entries as the renderers take them (plain mappings, in file order).
    def source_entries(self) -> dict[str, dict[str, Any]]:
        return {i: s.data for i, s in self.sources.items()}

    def timeline_entries(self) -> list[dict[str, Any]]:
        return [e.data for e in self.timeline]

    def figure_entries(self) -> dict[str, dict[str, Any]]:
        return {i: f.data for i, f in self.figures.items()}

    def change_entries(self) -> list[dict[str, Any]]:
        return [c.data for c in self.changes]

    def edition_entries(self) -> list[dict[str, Any]]:
        return [e.data for e in self.editions]

    def place_entries(self) -> list[dict[str, Any]]:
        return [p.data for p in self.places]

    def evidence(self) -> dict[str, str]:
        return {i: s.evidence for i, s in self.sources.items()}

    @classmethod
    def load(cls, root: Path) -> Site:
        """Read and cross-check every input of the project at root; raises ExplainerError."""
        root = Path(root)
        links = symlinks(root)
        if links:
            raise ExplainerError(
                ", ".join(links),
                problem="symbolic link(s): a link publishes whatever it points at. Replace each with the file itself",
            )
        data = root / "data"
        source_path = data / "sources.yml"
        source_entries = sources_module.validate(load_list(source_path), source_path)
        source_ids = set(source_entries)
        evidence = sources_module.evidence_texts(source_entries, root)
        sources = {i: _source(e, evidence[i]) for i, e in source_entries.items()}

        timeline_path = data / "timeline.yml"
        timeline = [
            _timeline_entry(e) for e in timeline_module.validate(load_list(timeline_path), timeline_path, source_ids)
        ]

        figure_path = data / "figures.yml"
        figures = {
            i: Figure(i, f["kind"], f)
            for i, f in figures_module.validate(load_list(figure_path), figure_path, source_ids).items()
        }

        change_path = data / "changes.yml"
        changes = [_change(e) for e in changes_module.validate(load_list(change_path), change_path, source_ids)]

        edition_path = data / "editions.yml"
        editions = [
            Edition(e["date"], e["last_change"], e["file"], e["zip"], e)
            for e in editions_module.validate(
                load_list(edition_path), edition_path, root / "docs", [c.id for c in changes]
            )
        ]

        frozen_broken = editions_module.rewritten(root, [e.data for e in editions])
        if frozen_broken:
            raise ExplainerError(edition_path, problem="; ".join(frozen_broken))

        live, moved = read_registry(data / "addresses.yml")
        lost = lost_addresses(root, live, moved)  # against the registries git holds: addresses are permanent
        if lost:
            raise ExplainerError(REGISTRY, problem="\n".join(lost).removeprefix(f"{REGISTRY}: "))
        addresses = Addresses(frozenset(live), moved)

        place_path = data / "map" / "places.yml"
        place_entries = map_module.validate(load_list(place_path), place_path, source_ids, named=map_module.DESCRIBED)
        found = map_module.positions(place_entries)
        places = [Place(p["id"], p["name"], found.get(p["id"]), p) for p in place_entries]
        outline = map_module.load_outline(data / "map" / "korea-outline.json")

        abbreviations = _read_text(data_path(root, "abbreviations.md"))
        article = _read_text(data / "article.txt")

        titles = nav_titles(_read_nav(root / "mkdocs.yml"))
        _check_registered(sorted(path.name for path in (root / "docs").glob("*.md")), addresses)
        pages = _read_pages(root / "docs", titles)

        site = cls(
            root,
            sources,
            timeline,
            figures,
            changes,
            editions,
            addresses,
            places,
            outline,
            abbreviations,
            article,
            pages,
            titles,
        )
        site.cross_check()
        return site

    def cross_check(self) -> None:
        """What no single file can say: the pages, navigation, registry, timeline and changes agree."""
        for src in self.nav_titles:
            if src not in self.pages:
                raise ExplainerError("mkdocs.yml", src, "nav", f"docs/{src} does not exist")
        timeline_pages = {p.src for p in self.pages.values() if timeline_module.MARKER in p.markdown}
        for entry in self.timeline:
            page = entry.page.split("#")[0]
            if page not in self.pages:
                raise ExplainerError("data/timeline.yml", entry.id, "page", f"docs/{page} does not exist")
            if page in timeline_pages:
                raise ExplainerError(
                    "data/timeline.yml", entry.id, "page", "must point at a section page, not at the timeline"
                )
        # Its anchor: explicit ids are in the Markdown already (rendered ones are checked on the HTML).
        timeline_module.check_pages(self.timeline_entries(), "data/timeline.yml", self.root / "docs")
        placed: set[str] = set()
        for doc in self.pages.values():
            unknown = [
                i for i in dict.fromkeys(footnotes_module.REFERENCE.findall(doc.markdown)) if i not in self.sources
            ]
            if unknown:
                raise ExplainerError(
                    doc.src,
                    problem=f"footnote cites unknown source id(s) {', '.join(unknown)}: add them to "
                    "data/sources.yml or fix the id",
                )
            for figure_id in figures_module.MARKER.findall(doc.markdown):
                if figure_id not in self.figures:
                    raise ExplainerError(doc.src, problem=f"no figure '{figure_id}' in data/figures.yml")
                placed.add(figure_id)
        unplaced = sorted(set(self.figures) - placed)
        if unplaced:
            raise ExplainerError(
                "data/figures.yml", problem=f"no page places {', '.join(unplaced)}; place or remove them"
            )
        # Anchors are made by rendering: the build checks them on the HTML. Pages and dates are known now.
        record = [{**c.data, "pages": [p.split("#")[0] for p in c.pages]} for c in self.changes]
        found = changes_module.problems(record, {p.src: p.updated for p in self.pages.values()}, {})
        if found:
            raise ExplainerError("data/changes.yml", problem="\n".join(found))


def _check_registered(page_files: list[str], registry: Addresses) -> None:
    """The pages against the address registry, before anything reads them: a page the registry
    does not list, a live page without its file, a moved page pointing nowhere. (A moved page
    still there is one the registry lists twice, which read_registry refuses.)
    (Anchors are made by rendering: the build checks them on the HTML.)"""
    produced = {name.removesuffix(".md") + ".html" for name in page_files}
    unlisted = sorted(produced - registry.live)
    if unlisted:
        raise ExplainerError(
            REGISTRY,
            problem=f"the site would publish {', '.join(unlisted)}, which the registry does not list. "
            "Add each under 'live' (addresses are permanent once published)",
        )
    missing = sorted(a for a in registry.live if a.partition("#")[0] not in produced)
    if missing:
        raise ExplainerError(
            REGISTRY,
            problem=f"published address(es) no longer produced: {', '.join(missing)}. Restore them, or move each "
            "from 'live' to 'moved' with the address that replaces it",
        )
    for old, new in sorted(registry.moved.items()):
        if new.partition("#")[0] not in produced:
            raise ExplainerError(REGISTRY, problem=f"moved '{old}' points at '{new}', which the site does not produce")


def _source(entry: dict[str, Any], evidence: str) -> Source:
    date = PartialDate.parse(entry["date"]) if entry["date"] else None
    return Source(
        entry["id"],
        entry["kind"],
        entry["outlet"],
        date,
        datetime.date.fromisoformat(entry["accessed"]),
        entry["url"],
        evidence,
        entry,
    )


def _timeline_entry(entry: dict[str, Any]) -> TimelineEntry:
    date = PartialDate.parse(entry["date"]) if "date" in entry else None
    return TimelineEntry(
        entry["id"], entry["kind"], entry["title"], date, entry["page"], tuple(entry["sources"]), entry
    )


def _change(entry: dict[str, Any]) -> Change:
    return Change(entry["id"], entry["date"], entry["kind"], tuple(entry["pages"]), entry["text"], entry)


def _read_text(path: Path) -> str:
    return read_text(path)  # missing, unreadable or not UTF-8: named


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as data: MkDocs' own tags (!relative, !ENV, !!python/name:…) read as None."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_ConfigLoader.add_multi_constructor("!", _ignore_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def _read_nav(config: Path) -> list[Any]:
    try:
        settings = yaml.load(_read_text(config), Loader=_ConfigLoader) or {}  # a SafeLoader
    except yaml.YAMLError as error:
        raise ExplainerError(config.name, problem=f"cannot be read as YAML: {error}") from error
    nav = settings.get("nav") if isinstance(settings, dict) else None
    if not isinstance(nav, list):
        raise ExplainerError(config.name, "nav", "nav", "must list the pages")
    return nav


def front_matter(text: str) -> dict[str, Any] | None:
    """A page's front matter as MkDocs reads it (YAML dates become dates), or None without one."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None
    meta = yaml.safe_load(match.group(1))
    return meta if isinstance(meta, dict) else None


def _read_pages(docs: Path, titles: dict[str, str]) -> dict[str, Page]:
    pages = {}
    for path in sorted(docs.glob("*.md")):
        src = path.name
        text = _read_text(path)
        reason = unreadable(text)
        if reason:
            raise ExplainerError(f"docs/{src}", problem=f"front matter {reason}")
        meta = front_matter(text)
        if meta is None:  # MkDocs would read the lines as plain-text metadata: no dates, misleading messages
            raise ExplainerError(
                f"docs/{src}",
                problem="the page must open with its front matter between two lines of three hyphens (---)",
            )
        found = front_matter_problems(meta)
        if found:
            raise ExplainerError(f"docs/{src}", problem="front matter: " + "; ".join(found))
        pages[src] = Page(
            src,
            src.removesuffix(".md") + ".html",
            meta["title"],
            titles.get(src),
            meta["description"],
            meta["published"],
            meta["updated"],
            meta["reviewed"],
            meta,
            text,
        )
    return pages
