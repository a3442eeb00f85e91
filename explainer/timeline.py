"""The timeline (data/timeline.yml): its rules and its rendering, in plain Python.

No MkDocs import: the engine adapter hands it the data and the navigation titles and puts
what it renders where a page says `<!-- timeline -->` or `<!-- latest-developments -->`.
"""


import datetime
import re
from pathlib import Path

from . import contract
from .data import DataError, check_unique_ids, entry_name, human_date, markdown_text, partial_date, read_text
from .render import render as render_template

MARKER = contract.TIMELINE
LATEST_MARKER = contract.LATEST_DEVELOPMENTS  # the home page's newest entries
LATEST_COUNT = 5
KINDS = {"history": "History", "decision": "Decision", "scheduled": "Scheduled", "phase": "Phase"}
PHASE_FIELDS = ("for_seoul", "for_us_forces", "conditions", "assessment")
SECTIONS = [
    ("past", "What already happened", ("history", "decision")),
    ("scheduled", "Checkpoints sources gave (as of mid-2026)", ("scheduled",)),
    ("phases", "What could change, in the article's account", ("phase",)),
]

# What happened before this year is "earlier history": on a phone it folds behind one
# control (a <details>, no script); wider screens and print show it open (site.css).
# The story's own events begin in 2025, with the interim guidance of March 2025.
RECENT_FROM = 2025



def date_span(text: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day a partial ISO date can mean: '2026' spans the whole year."""
    parts = [int(p) for p in text.split("-")]
    start = datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    if len(parts) == 3:
        return start, start
    if len(parts) == 2:
        following = datetime.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return start, following - datetime.timedelta(days=1)
    return start, datetime.date(start.year, 12, 31)


def validate(entries: list[dict], path, source_ids: set[str], docs: Path | None = None) -> list[dict]:
    """What data/schemas/timeline.schema.json cannot say: ids, sources, dates and their order,
    and (given the docs folder) that each entry's page and anchor exist."""
    check_unique_ids(entries, path)
    if docs is not None:
        check_pages(entries, path, docs)
    latest_start = None  # dated entries may not end before an earlier one starts
    for position, entry in enumerate(entries):
        name = entry_name(entry, position)
        unknown = [s for s in entry["sources"] if s not in source_ids]
        if unknown:
            raise DataError(path, name, "sources", f"unknown source id(s) {', '.join(map(str, unknown))} "
                            "(see data/sources.yml)")
        check_when(entry, path, name)
        if entry["kind"] == "phase":
            for field in PHASE_FIELDS:
                if not entry.get(field):
                    raise DataError(path, name, field, "a phase needs it")
        if "date" in entry:
            start, end = date_span(entry["date"])
            if latest_start and end < latest_start:
                raise DataError(path, name, "date", f"{entry['date']} is out of order: dated entries "
                                "run oldest first; move the entry up")
            latest_start = max(start, latest_start or start)
    if entries and not any(entry["kind"] in ("history", "decision") for entry in entries):
        raise DataError(path, problem="needs at least one entry of kind history or decision: the page's "
                        "'Latest entry' link and the home page's latest developments lead to them")
    return entries


def page_anchors(markdown: str) -> set[str]:
    """The ids a page's Markdown gives itself: explicit heading ids and id="..." attributes."""
    return set(re.findall(r"\{:?\s*#([A-Za-z0-9_-]+)", markdown)) | set(re.findall(r'\bid="([^"]+)"', markdown))


def check_pages(entries: list[dict], path, docs: Path) -> None:
    """Each entry's 'Explained in' link leads to a section page of docs/ and an anchor it has."""
    for position, entry in enumerate(entries):
        target = entry["page"]
        page, _, anchor = target.partition("#")
        file = Path(docs) / page
        if not file.is_file():
            raise DataError(path, entry_name(entry, position), "page", f"'{target}': there is no page docs/{page}")
        markdown = read_text(file)
        if MARKER in markdown:
            raise DataError(path, entry_name(entry, position), "page",
                            "must point at a section page, not at the timeline")
        if anchor and anchor not in page_anchors(markdown):
            raise DataError(path, entry_name(entry, position), "page",
                            f"'{target}': docs/{page} has no heading or element with the id '{anchor}'")


def check_when(entry: dict, path, name: str) -> None:
    """Each kind's rule for date and recurs; normalizes entry['date'] to its ISO text."""
    kind = entry["kind"]
    if "date" in entry:
        try:
            entry["date"] = partial_date(entry["date"])
        except ValueError as error:
            raise DataError(path, name, "date", str(error)) from error
    if kind == "phase":
        if "date" in entry and entry.get("date_source") not in entry["sources"]:
            raise DataError(path, name, "date", "a phase has no date unless a source gives one: "
                            "remove the date, or name that source in date_source (and in sources)")
    elif kind == "scheduled":
        if ("date" in entry) == ("recurs" in entry):
            raise DataError(path, name, "date", "a scheduled entry needs either a date or recurs")
    elif "date" not in entry:
        raise DataError(path, name, "date", f"a {kind} entry needs a date (YYYY-MM-DD, YYYY-MM or YYYY)")


def render_latest(entries: list[dict]) -> str:
    """The newest things that happened, newest first, each linking to its timeline entry."""
    happened = [e for e in entries if e["kind"] in ("history", "decision")]
    items = []
    for entry in reversed(happened[-LATEST_COUNT:]):
        footnotes = contract.footnote_references(entry["sources"])
        items.append(
            f'<li markdown="span"><time datetime="{entry["date"]}">{human_date(entry["date"])}</time>: '
            f'[{markdown_text(entry["title"])}](timeline.md#{entry["id"]}). '
            f'{markdown_text(entry["summary"])}{footnotes}</li>')
    return '<ul class="latest-developments" markdown="block">\n' + "\n".join(items) + "\n</ul>"


def now_entry(entries: list[dict]) -> dict:
    """The latest entry that already happened: where 'Latest entry' leads."""
    return [e for e in entries if e["kind"] in ("history", "decision")][-1]


def is_earlier(entry: dict) -> bool:
    return "date" in entry and int(entry["date"][:4]) < RECENT_FROM


def render(entries: list[dict], page_path: str, titles: dict[str, str]) -> str:
    """The timeline page's sections; titles: each page's navigation label, by source path."""
    now = now_entry(entries)
    jump = f'[Latest entry: {markdown_text(now["title"])}](#{now["id"]})'
    parts = [f'<p class="{contract.classes("timeline-jump", contract.APPARATUS)}" markdown="span">{jump}</p>']
    for section_id, heading, kinds in SECTIONS:
        chosen = [e for e in entries if e["kind"] in kinds]
        earlier = [e for e in chosen if is_earlier(e)]
        recent = [e for e in chosen if not is_earlier(e)]
        section = f"## {heading} {{#{section_id}}}\n\n"
        if earlier:
            years = f"{earlier[0]['date'][:4]} to {earlier[-1]['date'][:4]}"
            section += (f'<details class="timeline-earlier" markdown="block">\n<summary>Earlier history, {years}</summary>\n'
                        + timeline_list(earlier, now, page_path, titles) + "\n</details>\n\n")
        parts.append(section + timeline_list(recent, now, page_path, titles))
    return "\n\n".join(parts)


def timeline_list(entries: list[dict], now: dict, page_path: str, titles: dict[str, str]) -> str:
    items = [render_entry(e, e is now, page_path, titles) for e in entries]
    return '<ol class="timeline" markdown="block">\n' + "\n".join(items) + "\n</ol>"


def render_entry(entry: dict, is_now: bool, page_path: str, titles: dict[str, str]) -> str:
    page_file = entry["page"].split("#")[0]
    if page_file == page_path:
        raise DataError("data/timeline.yml", entry["id"], "page", "must point at a section page, not at the timeline")
    return render_template("timeline_entry.html", entry=entry, is_now=is_now, kind_name=KINDS[entry["kind"]],
                           page_title=titles.get(page_file, page_file), human_date=human_date)
