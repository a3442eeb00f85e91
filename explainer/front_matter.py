"""Every page declares title, description, published, updated and reviewed: the rules.

Plain Python, no MkDocs import (explainer/mkdocs_adapter.py is the adapter). title and
description become the page's <title> and meta description; published and updated are the
dates readers and citations see; reviewed is the last check against the sources, which may
confirm that nothing changed.
"""

import datetime
import re
from typing import Any

import yaml

from .data import FORBIDDEN

ISO_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")

DESCRIPTION_LIMIT = 160  # what search engines show of a meta description


def problems(meta: dict[str, Any]) -> list[str]:
    """What is wrong with one page's front matter, as instructions to fix it."""
    unfenced = [
        field
        for field in ("published", "updated", "reviewed")
        if isinstance(meta.get(field), str) and ISO_DAY.match(meta[field])
    ]
    if unfenced and all(isinstance(value, str) for value in meta.values()):
        # Without its --- lines MkDocs reads the block as MultiMarkdown metadata: all text, no dates.
        return [
            f"'{unfenced[0]}: {meta[unfenced[0]]}' was read as plain text, not as a date: the front matter "
            "must open and close with a line of three hyphens (---)"
        ]
    found = []
    for field in ("title", "description"):
        value = meta.get(field)
        if not isinstance(value, str) or not value.strip():
            found.append(f"add '{field}:' with a non-empty text")
        if not isinstance(value, str):
            continue
        # A tab or line break inside the text; a tab at either end too (a line break there is trimmed away).
        bad = FORBIDDEN.search(value) or re.search(r"[\n\t]", value.strip()) or re.search(r"\t", value)
        if bad:
            found.append(
                f"'{field}:' holds the invisible control character U+{ord(bad.group()):04X}; "
                "write it as one line of plain text"
            )
    description = meta.get("description")
    if isinstance(description, str) and len(description) > DESCRIPTION_LIMIT:
        found.append(f"shorten 'description:' to {DESCRIPTION_LIMIT} characters (it has {len(description)})")
    if isinstance(description, str) and '"' in description:
        # Material writes the description into an HTML attribute without escaping it.
        found.append("use typographic quotes (“ ”) in 'description:', not \"")
    for field, meaning in (
        ("published", "first publication"),
        ("updated", "the last content change"),
        ("reviewed", "the last check against the sources, changed or not"),
    ):
        if field not in meta:
            found.append(f"add '{field}:' with the date of {meaning} (YYYY-MM-DD)")
        elif not is_date(meta[field]):
            found.append(f"'{field}: {meta[field]}' must be a real date written YYYY-MM-DD")
    if is_date(meta.get("published")) and is_date(meta.get("updated")) and meta["updated"] < meta["published"]:
        found.append("'updated:' cannot be earlier than 'published:'")
    if is_date(meta.get("updated")) and is_date(meta.get("reviewed")) and meta["reviewed"] < meta["updated"]:
        found.append("'reviewed:' cannot be earlier than 'updated:' (a change is checked when it is made)")
    return found


def is_date(value: object) -> bool:
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def unreadable(markdown: str) -> str | None:
    """Why a front matter block MkDocs silently dropped cannot be read (e.g. 2026-02-30)."""
    if not markdown.startswith("---"):
        return None
    block = markdown.split("---", 2)[1]
    try:
        yaml.safe_load(block)
    except (yaml.YAMLError, ValueError) as error:
        return f"cannot be read ({error}); dates must be real and written YYYY-MM-DD"
    return None
