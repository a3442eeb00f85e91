"""Shared by the hooks: load a data file and report bad entries by file, entry and field.

Not a hook itself (mkdocs.yml does not list it); hooks import it as a sibling module.
"""

import datetime
import html
import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # ids become anchors: lowercase-hyphenated
PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


class DataError(PluginError):
    def __init__(self, path, entry, field, problem):
        super().__init__(f"{path}: entry '{entry}', field '{field}': {problem}")


def data_path(config, name: str) -> Path:
    return Path(config.config_file_path).parent / "data" / name


class _TextDatesLoader(yaml.SafeLoader):
    """Leaves dates as written, so a bad one is reported by entry and field, not by YAML."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_list(path: Path) -> list[dict]:
    """A YAML file holding a list of mappings, or a PluginError that names the file."""
    try:
        entries = yaml.load(path.read_text(encoding="utf-8"), Loader=_TextDatesLoader)
    except (OSError, yaml.YAMLError) as error:
        raise PluginError(f"{path}: cannot be read as YAML: {error}") from error
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise PluginError(f"{path}: must be a YAML list of entries (mappings)")
    return entries


def entry_name(entry: dict, position: int) -> str:
    return str(entry.get("id") or f"#{position + 1}")


def partial_date(value) -> str:
    """'2026-01-24', '2026-01' or '2026' as written (YAML may have read it as a date or int).

    Raises ValueError when it is neither of those forms nor a real calendar date.
    """
    text = value.isoformat() if isinstance(value, datetime.date) else str(value)
    match = PARTIAL_DATE.match(text)
    if not match:
        raise ValueError(f"'{text}' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = (int(part) if part else 1 for part in match.groups())
    datetime.date(year, month, day)  # raises ValueError for 2026-02-30
    return text


def full_date(entry: dict, path, name: str, field: str) -> datetime.date:
    """entry[field] as a real day written YYYY-MM-DD, or a DataError naming file, entry and field."""
    try:
        text = partial_date(entry[field])
        if len(text) != 10:
            raise ValueError(f"'{text}' is not a full date")
    except ValueError as error:
        raise DataError(path, name, field, f"{error}; write YYYY-MM-DD") from error
    return datetime.date.fromisoformat(text)


def human_date(text: str) -> str:
    """'2026-01-24' -> '24 January 2026'; '2026-01' -> 'January 2026'; '2026' -> '2026'."""
    parts = text.split("-")
    words = [parts[0]]
    if len(parts) > 1:
        words.insert(0, MONTHS[int(parts[1]) - 1])
    if len(parts) > 2:
        words.insert(0, str(int(parts[2])))
    return " ".join(words)


def nav_titles(nav) -> dict[str, str]:
    """Each page's navigation label, by its source path, from mkdocs.yml's nav list."""
    titles = {}
    for item in nav or []:
        if isinstance(item, dict):
            for title, target in item.items():
                if isinstance(target, str):
                    titles[target] = title
                else:
                    titles.update(nav_titles(target))
    return titles


def markdown_text(value) -> str:
    """Data is text, never markup: escape HTML, and Markdown's link and emphasis marks."""
    return re.sub(r"([\\`*_\[\]])", r"\\\1", html.escape(str(value), quote=False))
