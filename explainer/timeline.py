"""The timeline (data/timeline.yml): its rules and its rendering, in plain Python.

No MkDocs import: the engine adapter hands it the data and the navigation titles and puts
what it renders where a page says `<!-- timeline -->` or `<!-- latest-developments -->`.
"""

import datetime
import html
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypedDict

from markupsafe import Markup

from . import contract
from .data import MONTHS, DataError, check_unique_ids, entry_name, human_date, markdown_text, partial_date, read_text
from .korean import in_korean
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

# An entry of data/timeline.yml, as its schema checked it: id, kind, title, page, sources and the
# fields its kind takes (date or recurs, summary, reports, the phase fields, ...).
Entry = dict[str, Any]


class Passed(TypedDict):
    """A scheduled entry whose time has passed: that time's first and last day, and its report."""

    due: tuple[datetime.date, datetime.date]
    report: Entry | None


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


# "Each March": a scheduled entry that recurs in a month, so its latest occurrence can pass.
RECURS_MONTHLY = re.compile(rf"Each ({'|'.join(MONTHS)})")


def site_date(dates: Iterable[str | datetime.date]) -> datetime.date:
    """The site's date: the newest date in its data (sources and changes), never the machine's
    clock, so that a build repeats. A date given to the month or year counts from its first day."""
    return max(d if isinstance(d, datetime.date) else date_span(str(d))[0] for d in dates)


def last_due(entry: Entry, today: datetime.date) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day of a scheduled entry's latest time that ended before today: its
    date, or the latest occurrence of the month it recurs in; None if that is still to come."""
    if entry["kind"] != "scheduled":
        return None
    if "date" in entry:
        span = date_span(entry["date"])
        return span if span[1] < today else None
    match = RECURS_MONTHLY.fullmatch(str(entry.get("recurs", "")).strip())
    if not match:
        return None
    month = MONTHS.index(match.group(1)) + 1
    for year in (today.year, today.year - 1):
        span = date_span(f"{year}-{month:02d}")
        if span[1] < today:
            return span
    return None


def passed_checkpoints(entries: list[Entry], today: datetime.date) -> dict[str, Passed]:
    """Scheduled entries whose time has passed by the site's date, each with the latest entry
    that reports it (an entry naming it in `reports`, dated in or after that time) or None."""
    passed: dict[str, Passed] = {}
    for entry in entries:
        due = last_due(entry, today)
        if due is None:
            continue
        reports = [e for e in entries if e.get("reports") == entry["id"] and date_span(e["date"])[1] >= due[0]]
        passed[entry["id"]] = {"due": due, "report": reports[-1] if reports else None}
    return passed


def passed_note(
    entry: Entry,
    passed: Passed,
    today: datetime.date,
    words: dict[str, str] | None = None,
    date: Callable[[str], str] = human_date,
) -> str:
    """Under a checkpoint that has passed: the report, or that the editors found none (words: the
    edition's labels, LABELS' passed_* keys; date: its way of writing a date)."""
    word = {**LABELS, **(words or {})}
    start = passed["due"][0]
    when = date(entry["date"]) if "date" in entry else date(start.isoformat()[:7])
    report = passed["report"]
    if report:
        # Plain dates, not <time>: an entry's own <time> is its place in the timeline's order.
        link = f'<a href="#{report["id"]}">{html.escape(str(report["title"]))}</a>'
        found = html.escape(word["passed_reported"]).format(link=link, date=date(report["date"]))
    else:
        found = html.escape(word["passed_no_report"]).format(date=date(today.isoformat()))
    return f'<p class="timeline-passed"><strong>{html.escape(word["passed"])}</strong> ({when}). {found}.</p>'


def validate(entries: list[Entry], path: Path | str, source_ids: set[str], docs: Path | None = None) -> list[Entry]:
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
            raise DataError(
                path, name, "sources", f"unknown source id(s) {', '.join(map(str, unknown))} (see data/sources.yml)"
            )
        check_when(entry, path, name)
        if entry["kind"] == "phase":
            for field in PHASE_FIELDS:
                if not entry.get(field):
                    raise DataError(path, name, field, "a phase needs it")
        check_reports(entry, entries, path, name)
        if "date" in entry:
            start, end = date_span(entry["date"])
            if latest_start and end < latest_start:
                raise DataError(
                    path,
                    name,
                    "date",
                    f"{entry['date']} is out of order: dated entries run oldest first; move the entry up",
                )
            latest_start = max(start, latest_start or start)
    if entries and not any(entry["kind"] in ("history", "decision") for entry in entries):
        raise DataError(
            path,
            problem="needs at least one entry of kind history or decision: the page's "
            "'Latest entry' link and the home page's latest developments lead to them",
        )
    return entries


def check_reports(entry: Entry, entries: list[Entry], path: Path | str, name: str) -> None:
    """`reports: <id>`: a dated event that reports a scheduled checkpoint listed in the file."""
    if "reports" not in entry:
        return
    if entry["kind"] not in ("history", "decision"):
        raise DataError(path, name, "reports", "only a history or decision entry can report a checkpoint")
    if not any(e.get("id") == entry["reports"] and e.get("kind") == "scheduled" for e in entries):
        raise DataError(path, name, "reports", f"'{entry['reports']}' is not the id of a scheduled entry")


def page_anchors(markdown: str) -> set[str]:
    """The ids a page's Markdown gives itself: explicit heading ids and id="..." attributes."""
    return set(re.findall(r"\{:?\s*#([A-Za-z0-9_-]+)", markdown)) | set(re.findall(r'\bid="([^"]+)"', markdown))


def check_pages(entries: list[Entry], path: Path | str, docs: Path) -> None:
    """Each entry's 'Explained in' link leads to a section page of docs/ and an anchor it has."""
    for position, entry in enumerate(entries):
        target = entry["page"]
        page, _, anchor = target.partition("#")
        file = Path(docs) / page
        if not file.is_file():
            raise DataError(path, entry_name(entry, position), "page", f"'{target}': there is no page docs/{page}")
        markdown = read_text(file)
        if MARKER in markdown:
            raise DataError(
                path, entry_name(entry, position), "page", "must point at a section page, not at the timeline"
            )
        if anchor and anchor not in page_anchors(markdown):
            raise DataError(
                path,
                entry_name(entry, position),
                "page",
                f"'{target}': docs/{page} has no heading or element with the id '{anchor}'",
            )


def check_when(entry: Entry, path: Path | str, name: str) -> None:
    """Each kind's rule for date and recurs; normalizes entry['date'] to its ISO text."""
    kind = entry["kind"]
    if "date" in entry:
        try:
            entry["date"] = partial_date(entry["date"])
        except ValueError as error:
            raise DataError(path, name, "date", str(error)) from error
    if kind == "phase":
        if "date" in entry and entry.get("date_source") not in entry["sources"]:
            raise DataError(
                path,
                name,
                "date",
                "a phase has no date unless a source gives one: "
                "remove the date, or name that source in date_source (and in sources)",
            )
    elif kind == "scheduled":
        if ("date" in entry) == ("recurs" in entry):
            raise DataError(path, name, "date", "a scheduled entry needs either a date or recurs")
    elif "date" not in entry:
        raise DataError(path, name, "date", f"a {kind} entry needs a date (YYYY-MM-DD, YYYY-MM or YYYY)")


def render_latest(entries: list[Entry]) -> str:
    """The newest things that happened, newest first, each linking to its timeline entry."""
    happened = [e for e in entries if e["kind"] in ("history", "decision")]
    items = []
    for entry in reversed(happened[-LATEST_COUNT:]):
        footnotes = contract.footnote_references(entry["sources"])
        items.append(
            f'<li markdown="span"><time datetime="{entry["date"]}">{human_date(entry["date"])}</time>: '
            f"[{markdown_text(entry['title'])}](timeline.md#{entry['id']}). "
            f"{markdown_text(entry['summary'])}{footnotes}</li>"
        )
    return '<ul class="latest-developments" markdown="block">\n' + "\n".join(items) + "\n</ul>"


def now_entry(entries: list[Entry]) -> Entry:
    """The latest entry that already happened: where 'Latest entry' leads."""
    return [e for e in entries if e["kind"] in ("history", "decision")][-1]


def is_earlier(entry: Entry) -> bool:
    return "date" in entry and int(entry["date"][:4]) < RECENT_FROM


# The words the timeline writes around the data; the Korean edition passes its own (data/ko/strings.yml).
LABELS = {
    "latest_entry": "Latest entry",
    "earlier_history": "Earlier history, {first} to {last}",
    "no_date": "No date given",
    "latest": "Latest",
    "explained_in": "Explained in",
    "for_seoul": "For Seoul (the article)",
    "for_us_forces": "For U.S. forces (the article)",
    "depends_on": "Depends on (the article)",
    "assessment": "Assessment",
    "passed": "Date passed",
    "passed_reported": "Reported: {link}, {date}",
    "passed_no_report": "The editors have found no report of it as of {date}",
    "recurs_each": "Each {month}",
    **{f"section_{section_id}": heading for section_id, heading, _ in SECTIONS},
    **{f"kind_{kind}": name for kind, name in KINDS.items()},
}


def render(
    entries: list[Entry],
    page_path: str,
    titles: dict[str, str],
    today: datetime.date | None = None,
    labels: dict[str, str] | None = None,
    date: Callable[[str], str] = human_date,
) -> str:
    """The timeline page's sections; titles: each page's navigation label, by source path;
    today: the site's date (site_date): a checkpoint scheduled before it says whether it was reported;
    labels and date: the words and date style around the data (English unless given: the Korean edition)."""
    words = {**LABELS, **(labels or {})}
    now = now_entry(entries)
    passed = passed_checkpoints(entries, today) if today else {}
    jump = f"[{words['latest_entry']}: {markdown_text(now['title'])}](#{now['id']})"
    parts = [f'<p class="{contract.classes("timeline-jump", contract.APPARATUS)}" markdown="span">{jump}</p>']
    for section_id, _, kinds in SECTIONS:
        chosen = [e for e in entries if e["kind"] in kinds]
        earlier = [e for e in chosen if is_earlier(e)]
        recent = [e for e in chosen if not is_earlier(e)]
        section = f"## {words['section_' + section_id]} {{#{section_id}}}\n\n"
        if earlier:
            summary = words["earlier_history"].format(first=earlier[0]["date"][:4], last=earlier[-1]["date"][:4])
            section += (
                f'<details class="timeline-earlier" markdown="block">\n<summary>{summary}</summary>\n'
                + timeline_list(earlier, now, page_path, titles, passed, today, words, date)
                + "\n</details>\n\n"
            )
        parts.append(section + timeline_list(recent, now, page_path, titles, passed, today, words, date))
    return "\n\n".join(parts)


def timeline_list(
    entries: list[Entry],
    now: Entry,
    page_path: str,
    titles: dict[str, str],
    passed: dict[str, Passed] | None = None,
    today: datetime.date | None = None,
    words: dict[str, str] = LABELS,
    date: Callable[[str], str] = human_date,
) -> str:
    passed = passed or {}
    items = [render_entry(e, e is now, page_path, titles, passed.get(e["id"]), today, words, date) for e in entries]
    return '<ol class="timeline" markdown="block">\n' + "\n".join(items) + "\n</ol>"


def is_english(text: str) -> bool:
    return not in_korean(text)


def render_entry(
    entry: Entry,
    is_now: bool,
    page_path: str,
    titles: dict[str, str],
    passed: Passed | None = None,
    today: datetime.date | None = None,
    words: dict[str, str] = LABELS,
    date: Callable[[str], str] = human_date,
) -> str:
    """passed: passed_checkpoints' record for the entry, when its date passed before today."""
    page_file = entry["page"].split("#")[0]
    if page_file == page_path:
        raise DataError("data/timeline.yml", entry["id"], "page", "must point at a section page, not at the timeline")
    note = Markup(passed_note(entry, passed, today, words, date)) if passed and today else ""  # values escaped there
    recurs = RECURS_MONTHLY.fullmatch(str(entry.get("recurs", "")).strip())
    recurs_text = (
        words["recurs_each"].format(month=recurs.group(1), month_number=MONTHS.index(recurs.group(1)) + 1)
        if recurs
        else entry.get("recurs")
    )
    return render_template(
        "timeline_entry.html",
        entry=entry,
        is_now=is_now,
        kind_name=words["kind_" + entry["kind"]],
        page_title=titles.get(page_file, page_file),
        # In another edition (its own labels), a page it lacks is named by its English title, marked so.
        title_lang="en"
        if words["explained_in"] != LABELS["explained_in"] and is_english(titles.get(page_file, ""))
        else "",
        human_date=date,
        passed_note=note,
        recurs_text=recurs_text,
        labels=words,
    )
