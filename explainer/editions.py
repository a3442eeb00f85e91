"""Dated editions: frozen copies of the whole explainer, registered by content hash.

Plain Python, no MkDocs import. `make edition` (explainer/make_edition.py) writes an edition
into docs/editions/ and its entry into data/editions.yml; from then on the build checks
that the files are there, unchanged, and that nothing unregistered sits beside them.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path
from urllib.parse import quote

from .addresses import git_output
from .build_inputs import is_preview
from .data import DataError, Entry, FilePath, full_date, human_date, markdown_text

FOLDER = "editions"  # under docs/: copied into the site as it is, never rendered


# A dated edition: one entry of data/editions.yml as data/schemas/editions.schema.json gives it,
# with validate()'s date (a datetime.date).
Edition = Entry


def icon_link(svg: str) -> str:
    """The site's icon inside the edition's <head>, as a data: address (the policy allows data:
    images): without one, a browser asks the host for /favicon.ico, which the site lacks (a 404
    and a console error), and an edition holds everything itself, so it links no file."""
    address = "data:image/svg+xml," + quote(" ".join(svg.split()), safe="=:/")
    return f'<link rel="icon" type="image/svg+xml" href="{address}">'


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rewritten(project: Path, entries: list[Edition]) -> list[str]:
    """Editions whose file differs from the file as git first recorded it (reliability probe 4.13).

    The registered hash guards against accidents only: whoever edits an edition and its hash in
    data/editions.yml passes it. Git's first record of the file does not move. Empty outside a git
    checkout of this project, and for a file git has not recorded yet (an edition being cut)."""
    top = git_output(project, "rev-parse", "--show-toplevel")
    if top is None or Path(top.strip()).resolve() != Path(project).resolve():
        return []
    found = []
    for entry in entries:
        for field in ("file", "zip"):
            relative = f"docs/{entry[field]}"
            added = (git_output(project, "log", "--diff-filter=A", "--format=%H", "--", relative) or "").split()
            if not added:
                continue
            first = added[-1]
            original = git_output(project, "rev-parse", f"{first}:{relative}")
            now = git_output(project, "hash-object", relative)
            if original and now and original.strip() != now.strip():
                found.append(
                    f"{relative} differs from the file as first committed ({first[:10]}): an edition is frozen "
                    f"for good, whatever data/editions.yml says; restore it: git checkout {first[:10]} -- {relative}"
                )
    return found


def validate(entries: list[Entry], path: FilePath, docs: Path, change_ids: list[str]) -> list[Edition]:
    """Entries oldest first; each file present with the hash it was registered with, and
    its last change one of change_ids (data/changes.yml's ids, newest first), in order."""
    previous = None
    previous_change = len(change_ids)
    for position, entry in enumerate(entries):
        name = str(entry.get("date") or f"#{position + 1}")
        entry["date"] = full_date(entry, path, name, "date")
        if previous and entry["date"] <= previous:
            raise DataError(path, name, "date", "editions run oldest first, one a day at most")
        previous = entry["date"]
        if entry["last_change"] not in change_ids:
            raise DataError(path, name, "last_change", f"'{entry['last_change']}' is not an entry of data/changes.yml")
        change = change_ids.index(entry["last_change"])  # newest first: smaller is newer
        if change > previous_change:
            raise DataError(path, name, "last_change", "is older than the previous edition's last change")
        previous_change = change
        for file_field, hash_field in (("file", "sha256"), ("zip", "zip_sha256")):
            file = docs / entry[file_field]
            if not str(entry[file_field]).startswith(FOLDER + "/"):
                raise DataError(path, name, file_field, f"editions live in docs/{FOLDER}/")
            if not file.is_file():
                raise DataError(
                    path,
                    name,
                    file_field,
                    f"docs/{entry[file_field]} is missing: a published edition is never deleted; restore it from git",
                )
            if sha256(file) != entry[hash_field]:
                raise DataError(
                    path,
                    name,
                    file_field,
                    f"docs/{entry[file_field]} has changed since it was "
                    "published: an edition is frozen; restore it from git (a new edition gets a new date)",
                )
    registered = {e[f] for e in entries for f in ("file", "zip")}
    for file in sorted((docs / FOLDER).glob("*")) if (docs / FOLDER).is_dir() else []:
        if f"{FOLDER}/{file.name}" not in registered:
            raise DataError(
                path,
                file.name,
                "file",
                f"docs/{FOLDER}/{file.name} is not registered: cut editions with `make edition`, which registers them",
            )
    return entries


def size_text(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{round(size / 1000)} KB"


def changes_word(count: int) -> str:
    return f"{count} {'change' if count == 1 else 'changes'}"


def zip_is_local_preview(path: Path) -> bool:
    """Whether an edition's offline zip was built as a local preview: its home page's canonical
    link points at this machine (127.0.0.1), not at the published site. The first edition's was
    (probe case 4.17); it stays as it was cut, since its hash is a promise, and says so."""
    try:
        with zipfile.ZipFile(path) as archive:
            homes = sorted((name for name in archive.namelist() if name.rsplit("/", 1)[-1] == "index.html"), key=len)
            text = archive.read(homes[0]).decode("utf-8", "replace") if homes else ""
    except zipfile.BadZipFile:
        return False  # not a zip at all: nothing to say about its links
    canonical = re.search(r'<link rel="canonical" href="([^"]*)"', text)
    return canonical is not None and is_preview(canonical.group(1))


def preview_zip_note(entries: list[Edition], index: int, docs: Path) -> str:
    """What a reader of editions.html must know about an offline copy cut as a local preview:
    that its links point to this machine, and which later edition's copy replaces it."""
    if not zip_is_local_preview(docs / entries[index]["zip"]):
        return ""
    replacement = next((entry for entry in entries[index + 1 :] if not zip_is_local_preview(docs / entry["zip"])), None)
    if replacement:
        date = replacement["date"].isoformat()
        then = f'the offline copy of the <a href="#edition-{date}">edition of {human_date(date)}</a> replaces it'
    else:
        then = "a replacement will be cut once the site's hosted address is set"
    return (
        ", cut as a local preview: its links point to <code>127.0.0.1</code>, the address of the "
        "computer it was made on, not to the published site; it stays as it was cut, and "
        f"{then}"
    )


def editions_markdown(entries: list[Edition], changes: list[Entry], docs: Path) -> str:
    """editions.html's list, newest first: date, its files and sizes, what changed since the
    previous one; for the newest, the changes made after it. changes: newest first."""
    if not entries:
        return "No edition has been cut yet."
    position = {change["id"]: index for index, change in enumerate(changes)}
    items = []
    for index in range(len(entries) - 1, -1, -1):
        entry = entries[index]
        holds = position[entry["last_change"]]
        if index:
            since = entries[index - 1]
            summary = (
                f"{changes_word(position[since['last_change']] - holds)} since {human_date(since['date'].isoformat())}"
            )
        else:
            summary = "the first edition"
        summary = markdown_text(summary)
        if index == len(entries) - 1 and holds:
            summary += (
                f"; {changes_word(holds)} made after it {'is' if holds == 1 else 'are'} not in it "
                "(see the [changelog](changelog.md))"
            )
        items.append(
            f'<li id="edition-{entry["date"].isoformat()}" markdown="span">'
            f'**<a href="{entry["file"]}">{human_date(entry["date"].isoformat())}</a>**: '
            f"single page ({size_text((docs / entry['file']).stat().st_size)}), "
            f'<a href="{entry["zip"]}">offline copy</a> (zip, {size_text((docs / entry["zip"]).stat().st_size)}'
            f"{preview_zip_note(entries, index, docs)}); "
            f"{summary}.</li>"
        )
    return '<ul class="editions" markdown="block">\n' + "\n".join(items) + "\n</ul>"


def latest(entries: list[Edition]) -> Edition | None:
    return entries[-1] if entries else None
