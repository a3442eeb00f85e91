"""The record of changes (data/changes.yml): validated once, then every view of it.

Plain Python, no MkDocs import: the changelog, each page's history and "Updated" line,
the banner text and the Atom feed are functions of the validated list.
"""

from __future__ import annotations

import datetime
import re
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypedDict
from xml.sax.saxutils import escape, quoteattr

from . import contract
from .data import (
    DataError,
    Entry,
    FilePath,
    check_unique_ids,
    data_path,
    entry_name,
    full_date,
    human_date,
    load_list,
    markdown_text,
)
from .korean import marked_english
from .sources import load_sources

KINDS = {"new": "New", "update": "Update", "correction": "Correction"}
# What a reader is told of a change, by field (all optional, so that editors adding an entry
# need none of them):
#   prepublication: true  an edit to text no reader had seen (made before the page was first
#                         published): kept in the changelog and the page's history, never
#                         announced (banner, feed, the line under the title).
#   about: site           a change to the site's machinery, not to the story: changelog only.
#   title                 the feed entry's short title; derived from the text when absent.
#   time                  HH:MM (UTC) of the change; when absent, the feed orders a day's
#                         entries by their place in the record, one minute apart.
ABOUT = ("story", "site")
TITLE_LIMIT = 80  # a feed title's characters, its kind label included
PREPUBLICATION_LABEL = "Before publication"
# Feed ids are UUIDs derived from each entry's own id: a rebuild, a new host or a new
# entry above it never makes an old entry look new.
FEED_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "seoul-in-the-lead/changes")
FEED_NAME = "feed.xml"


# A change: one entry of data/changes.yml as data/schemas/changes.schema.json gives it, with
# validate()'s date (a datetime.date) and defaults (prepublication, about).
Change = Entry


class UpdatedLine(TypedDict):
    """The line under a page's title: its newest announced change's day and what it was."""

    date: datetime.date
    label: str
    count: int


_cache: dict[tuple[Path, int, int], list[Change]] = {}


def load_changes(root: Path) -> list[Change]:
    """The record, validated once per change of it or of the sources."""
    path, sources = data_path(root, "changes.yml"), data_path(root, "sources.yml")
    key = (path, path.stat().st_mtime_ns, sources.stat().st_mtime_ns)
    if key not in _cache:
        _cache.clear()
        _cache[key] = validate(load_list(path), path, set(load_sources(root)))
    return _cache[key]


def validate(entries: list[Entry], path: FilePath, source_ids: set[str]) -> list[Change]:
    """What data/schemas/changes.schema.json cannot say: unique ids, real days, order, known sources."""
    check_unique_ids(entries, path)
    previous = None
    for position, entry in enumerate(entries):
        name = entry_name(entry, position)
        entry["date"] = full_date(entry, path, name, "date")
        if previous and entry["date"] > previous:
            raise DataError(path, name, "date", "entries run newest first; move this one up")
        previous = entry["date"]
        entry.setdefault("prepublication", False)
        entry.setdefault("about", "story")
        if entry["about"] not in ABOUT:
            raise DataError(path, name, "about", f"'{entry['about']}' is not one of {', '.join(ABOUT)}")
        if len(feed_title(entry)) > TITLE_LIMIT:
            raise DataError(
                path,
                name,
                "title",
                f"the feed title '{feed_title(entry)}' is longer than {TITLE_LIMIT} characters: shorten it",
            )
        cited = entry.get("sources", [])
        if set(cited) - source_ids:
            raise DataError(path, name, "sources", f"unknown source id(s) {sorted(set(cited) - source_ids)}")
    seen: dict[str, str] = {}
    for entry, moment in zip(entries, timestamps(entries)):
        if moment in seen:
            raise DataError(
                path,
                entry["id"],
                "time",
                f"{moment} is also the time of '{seen[moment]}': give each change of a day its own time",
            )
        seen[moment] = entry["id"]
    return entries


def announced(entry: Change) -> bool:
    """Whether readers are told of it (banner, feed, the line under a page's title)."""
    return not entry["prepublication"] and entry["about"] == "story"


def timestamps(entries: list[Change]) -> list[str]:
    """Each entry's moment, RFC 3339: its own `time`, else 00:00 plus one minute for each
    earlier entry of its day (counted from the oldest, so a new entry on top moves none)."""
    below: dict[datetime.date, int] = {}
    stamps = []
    for entry in reversed(entries):
        count = below.get(entry["date"], 0)
        below[entry["date"]] = count + 1
        hour, minute = divmod(count, 60)
        time = entry.get("time") or f"{hour:02d}:{minute:02d}"
        stamps.append(f"{entry['date'].isoformat()}T{time}:00Z")
    return stamps[::-1]


def short_title(entry: Change) -> str:
    """The entry's own `title`, else its text's first sentence, cut at a word to fit the feed."""
    title: str | None = entry.get("title")  # text, as the schema says
    if title:
        return title
    room = TITLE_LIMIT - len(KINDS[entry["kind"]]) - 2
    text: str = entry["text"]
    first = text.split(". ")[0].rstrip(".")
    if len(first) <= room:
        return first
    return first[: room - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def feed_title(entry: Change) -> str:
    return f"{KINDS[entry['kind']]}: {short_title(entry)}"


def banner(entries: list[Change]) -> Change | None:
    """What the banner announces: the newest change to the story (not a correction, not the site's machinery)."""
    return next((e for e in entries if announced(e) and e["kind"] != "correction"), None)


def amended_edition(entries: list[Change], entry: Change, editions: list[Entry]) -> Entry | None:
    """The dated edition a correction amends: the newest one cut before it (whose last change
    lies below it in the record)."""
    position = {e["id"]: index for index, e in enumerate(entries)}
    here = position[entry["id"]]
    older = [ed for ed in editions if position.get(ed.get("last_change"), -1) > here]
    return min(older, key=lambda ed: position[ed["last_change"]]) if older else None


def touches(entry: Change, page: str) -> bool:
    return any(target.split("#")[0] == page for target in entry["pages"])


def history(entries: list[Change], page: str) -> list[Change]:
    """A page's changes, newest first."""
    return [e for e in entries if touches(e, page)]


def updated_line(entries: list[Change], page: str) -> UpdatedLine | None:
    """The one short line under the page title: the day of its newest announced update or
    correction ("Corrected" when that day corrected it), which links to the page's history.
    None when the page has had none since it was first published."""
    changes = [e for e in history(entries, page) if announced(e)]
    if not changes or changes[0]["kind"] == "new":
        return None
    same_day = [e for e in changes if e["date"] == changes[0]["date"] and e["kind"] != "new"]
    corrected = any(e["kind"] == "correction" for e in same_day)
    return {"date": changes[0]["date"], "label": "Corrected" if corrected else "Updated", "count": len(same_day)}


def kind_label(entry: Change) -> str:
    """How a page's history and the changelog name the kind of a change."""
    return PREPUBLICATION_LABEL if entry["prepublication"] else KINDS[entry["kind"]]


def problems(entries: list[Change], pages: dict[str, datetime.date], ids: dict[str, set[str]]) -> list[str]:
    """Where the record and the pages disagree. pages: source path -> updated; ids: source path -> anchors."""
    found = []
    for entry in entries:
        for target in entry["pages"]:
            page, _, anchor = target.partition("#")
            if page not in pages:
                found.append(f"data/changes.yml: entry '{entry['id']}' names {page}, which is not a page")
            elif anchor and anchor not in ids.get(page, set()):
                found.append(
                    f"data/changes.yml: entry '{entry['id']}' names {target}, but {page} has no anchor '{anchor}'"
                )
    for page, updated in sorted(pages.items()):
        changes = history(entries, page)
        if not changes:
            found.append(f"docs/{page}: no entry in data/changes.yml names it (add its first publication)")
        elif updated != changes[0]["date"]:
            found.append(
                f"docs/{page}: 'updated: {updated}' but its newest entry in data/changes.yml "
                f"('{changes[0]['id']}') is dated {changes[0]['date']}: add an entry for the change, "
                "or set updated to match"
            )
    return found


HEADING = re.compile(r"^#{2,6}\s+(.+?)\s*\{#([a-z0-9-]+)\}\s*$", re.MULTILINE)


def heading_labels(docs: Path) -> dict[str, str]:
    """'us-forces.md#legal-floor' -> 'The legal limits on cuts': each section heading's words
    before any colon, so that a change names a section as readers see it, while its address
    keeps the permanent anchor."""
    labels = {}
    for path in sorted(Path(docs).glob("*.md")):
        for text, anchor in HEADING.findall(path.read_text(encoding="utf-8")):
            labels[f"{path.name}#{anchor}"] = text.split(":")[0].strip()
    return labels


def link_text(target: str, titles: dict[str, str], headings: dict[str, str] | None = None) -> str:
    """'us-forces.md#legal-floor' -> 'U.S. forces (The legal limits on cuts)', by the section's
    heading; the page's title anchor by the page alone; an anchor that is not a heading (a
    timeline entry) by its own words."""
    page, _, anchor = target.partition("#")
    title = titles.get(page, page)
    if not anchor or anchor == "title":
        return title
    return f"{title} ({(headings or {}).get(target, anchor.replace('-', ' '))})"


def _marked(text: str, words: dict[str, str] | None) -> str:
    """In the Korean edition (words given), a link's words with no Hangul (a page only the English
    edition has) are marked lang="en"."""
    return marked_english(text) if words else text


def changelog_markdown(
    entries: list[Change],
    titles: dict[str, str],
    headings: dict[str, str] | None = None,
    words: dict[str, str] | None = None,
    date: Callable[[str], str] = human_date,
) -> str:
    """changelog.html's body: a heading a date (its id is the date), the changes under it.

    words: the edition's labels (data/ko/strings.yml: new, update, correction, before_publication,
    pages) and date its way of writing a date; given them (the Korean edition), each change's own
    text, which the record holds in English only, is marked lang="en"."""
    labels = words or {}
    parts, current = [], None
    for entry in entries:
        if entry["date"] != current:
            if current:
                parts.append("</ul>")
            current = entry["date"]
            parts.append(
                f'\n## {date(current.isoformat())} {{#{current.isoformat()}}}\n\n<ul class="changes" markdown="block">'
            )
        links = ", ".join(
            f"[{_marked(markdown_text(link_text(t, titles, headings)), words)}]({t})" for t in entry["pages"]
        )
        notes = contract.footnote_references(entry.get("sources", []))
        label = kind_label(entry)
        if words:
            label = labels["before_publication" if entry["prepublication"] else entry["kind"]]
        text = f"{markdown_text(entry['text'])}{notes}"
        if words:
            text = f'<span lang="en">{text}</span>'
        parts.append(
            f'<li id="change-{entry["id"]}" markdown="span"><span class="change-kind change-{entry["kind"]}">'
            f'{label}</span> {text} <span class="{contract.NAMES_OF_PLACES}">'
            f"{labels.get('pages', 'Pages:')} {links}</span>.</li>"
        )
    return "\n".join([*parts, "</ul>"]) + "\n"


def feed_id(entry_id: str) -> str:
    return f"urn:uuid:{uuid.uuid5(FEED_NAMESPACE, entry_id)}"


def atom_feed(
    entries: list[Change], *, site_name: str, author: str, site_url: str, editions: list[Entry] | None = None
) -> str:
    """RFC 4287 Atom, newest first, of the changes readers are told of (not edits before
    publication, not the site's machinery): each at its own moment, with a short title, the
    detail in the summary, a link to the first page (and anchor) it changed and, for a
    correction, to the dated edition it amends."""

    def address(target: str) -> str:
        page, _, anchor = target.partition("#")
        return site_url + page.removesuffix(".md") + ".html" + (f"#{anchor}" if anchor else "")

    moments = dict(zip((e["id"] for e in entries), timestamps(entries)))
    items = []
    for e in entries:
        if not announced(e):
            continue
        summary = e["text"]
        edition_link = ""
        amended = amended_edition(entries, e, editions or []) if e["kind"] == "correction" else None
        if amended:
            day = amended["date"]
            if not isinstance(day, datetime.date):
                day = datetime.date.fromisoformat(str(day))
            summary += f" Corrects the dated edition of {human_date(day.isoformat())}."
            edition_link = (
                f'    <link rel="related" type="text/html" href={quoteattr(site_url + amended["file"])}'
                f" title={quoteattr('The edition this corrects: ' + human_date(day.isoformat()))}/>\n"
            )
        items.append(
            "  <entry>\n"
            f"    <id>{feed_id(e['id'])}</id>\n"
            f"    <title>{escape(feed_title(e))}</title>\n"
            f"    <updated>{moments[e['id']]}</updated>\n"
            f'    <link rel="alternate" type="text/html" href={quoteattr(address(e["pages"][0]))}/>\n'
            + edition_link
            + f"    <category term={quoteattr(e['kind'])}/>\n"
            f'    <summary type="text">{escape(summary)}</summary>\n'
            "  </entry>"
        )
    shown = [e for e in entries if announced(e)]
    newest = moments[shown[0]["id"]] if shown else "1970-01-01T00:00:00Z"
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">\n'
        f"  <id>{feed_id('feed')}</id>\n"
        f"  <title>{escape(site_name)}: changes</title>\n"
        f"  <updated>{newest}</updated>\n"
        f"  <author><name>{escape(author)}</name></author>\n"
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(site_url + FEED_NAME)}/>\n'
        f'  <link rel="alternate" type="text/html" href={quoteattr(site_url + "changelog.html")}/>\n'
        + "\n".join(items)
        + "\n</feed>\n"
    )
