"""The record of changes (data/changes.yml): validated once, then every view of it.

Plain Python, no MkDocs import: the changelog, each page's history and "Updated" line,
the banner text and the Atom feed are functions of the validated list.
"""

from __future__ import annotations

import datetime
import re
import uuid
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from . import contract
from .data import DataError, check_unique_ids, data_path, entry_name, full_date, human_date, load_list, markdown_text
from .sources import load_sources

KINDS = {"new": "New", "update": "Update", "correction": "Correction"}
# Feed ids are UUIDs derived from each entry's own id: a rebuild, a new host or a new
# entry above it never makes an old entry look new.
FEED_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "seoul-in-the-lead/changes")
FEED_NAME = "feed.xml"


_cache: dict = {}


def load_changes(root: Path) -> list[dict]:
    """The record, validated once per change of it or of the sources."""
    path, sources = data_path(root, "changes.yml"), data_path(root, "sources.yml")
    key = (path, path.stat().st_mtime_ns, sources.stat().st_mtime_ns)
    if key not in _cache:
        _cache.clear()
        _cache[key] = validate(load_list(path), path, set(load_sources(root)))
    return _cache[key]


def validate(entries: list[dict], path, source_ids: set[str]) -> list[dict]:
    """What data/schemas/changes.schema.json cannot say: unique ids, real days, order, known sources."""
    check_unique_ids(entries, path)
    previous = None
    for position, entry in enumerate(entries):
        name = entry_name(entry, position)
        entry["date"] = full_date(entry, path, name, "date")
        if previous and entry["date"] > previous:
            raise DataError(path, name, "date", "entries run newest first; move this one up")
        previous = entry["date"]
        cited = entry.get("sources", [])
        if set(cited) - source_ids:
            raise DataError(path, name, "sources", f"unknown source id(s) {sorted(set(cited) - source_ids)}")
    return entries


def touches(entry: dict, page: str) -> bool:
    return any(target.split("#")[0] == page for target in entry["pages"])


def history(entries: list[dict], page: str) -> list[dict]:
    """A page's changes, newest first."""
    return [e for e in entries if touches(e, page)]


def updated_line(entries: list[dict], page: str) -> dict | None:
    """What the line under the page title says: the newest change, if it is an update or a correction."""
    changes = history(entries, page)
    if not changes or changes[0]["kind"] == "new":
        return None
    same_day = [e for e in changes if e["date"] == changes[0]["date"] and e["kind"] != "new"]
    return {"date": changes[0]["date"], "label": "Corrected" if changes[0]["kind"] == "correction" else "Updated",
            "text": changes[0]["text"], "more": len(same_day) - 1}


def problems(entries: list[dict], pages: dict[str, datetime.date], ids: dict[str, set[str]]) -> list[str]:
    """Where the record and the pages disagree. pages: source path -> updated; ids: source path -> anchors."""
    found = []
    for entry in entries:
        for target in entry["pages"]:
            page, _, anchor = target.partition("#")
            if page not in pages:
                found.append(f"data/changes.yml: entry '{entry['id']}' names {page}, which is not a page")
            elif anchor and anchor not in ids.get(page, set()):
                found.append(f"data/changes.yml: entry '{entry['id']}' names {target}, but {page} has no "
                             f"anchor '{anchor}'")
    for page, updated in sorted(pages.items()):
        changes = history(entries, page)
        if not changes:
            found.append(f"docs/{page}: no entry in data/changes.yml names it (add its first publication)")
        elif updated != changes[0]["date"]:
            found.append(f"docs/{page}: 'updated: {updated}' but its newest entry in data/changes.yml "
                         f"('{changes[0]['id']}') is dated {changes[0]['date']}: add an entry for the change, "
                         "or set updated to match")
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


def changelog_markdown(entries: list[dict], titles: dict[str, str], headings: dict[str, str] | None = None) -> str:
    """changelog.html's body: a heading a date (its id is the date), the changes under it."""
    parts, current = [], None
    for entry in entries:
        if entry["date"] != current:
            if current:
                parts.append("</ul>")
            current = entry["date"]
            parts.append(f"\n## {human_date(current.isoformat())} {{#{current.isoformat()}}}\n\n"
                         '<ul class="changes" markdown="block">')
        links = ", ".join(f"[{markdown_text(link_text(t, titles, headings))}]({t})" for t in entry["pages"])
        notes = contract.footnote_references(entry.get("sources", []))
        parts.append(f'<li id="change-{entry["id"]}" markdown="span"><span class="change-kind change-{entry["kind"]}">'
                     f'{KINDS[entry["kind"]]}</span> {markdown_text(entry["text"])}{notes} Pages: {links}.</li>')
    return "\n".join(parts + ["</ul>"]) + "\n"


def feed_id(entry_id: str) -> str:
    return f"urn:uuid:{uuid.uuid5(FEED_NAMESPACE, entry_id)}"


def atom_feed(entries: list[dict], *, site_name: str, author: str, site_url: str) -> str:
    """RFC 4287 Atom, newest first; each entry links to the first page (and anchor) it changed."""
    def address(target: str) -> str:
        page, _, anchor = target.partition("#")
        return site_url + page.removesuffix(".md") + ".html" + (f"#{anchor}" if anchor else "")

    def stamp(day: datetime.date) -> str:
        return f"{day.isoformat()}T00:00:00Z"

    items = [
        "  <entry>\n"
        f"    <id>{feed_id(e['id'])}</id>\n"
        f"    <title>{escape(KINDS[e['kind']] + ': ' + e['text'].split('. ')[0].rstrip('.'))}</title>\n"
        f"    <updated>{stamp(e['date'])}</updated>\n"
        f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(address(e['pages'][0]))}/>\n"
        f"    <category term={quoteattr(e['kind'])}/>\n"
        f"    <content type=\"text\">{escape(e['text'])}</content>\n"
        "  </entry>"
        for e in entries
    ]
    newest = entries[0]["date"] if entries else datetime.date(1970, 1, 1)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">\n'
        f"  <id>{feed_id('feed')}</id>\n"
        f"  <title>{escape(site_name)}: changes</title>\n"
        f"  <updated>{stamp(newest)}</updated>\n"
        f"  <author><name>{escape(author)}</name></author>\n"
        f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(site_url + FEED_NAME)}/>\n"
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(site_url + 'changelog.html')}/>\n"
        + "\n".join(items) + "\n</feed>\n"
    )
