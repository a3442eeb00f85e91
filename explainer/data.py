"""Load a data file, check it against its schema, and report bad entries by file, entry and field.

Plain Python, no MkDocs import: the hooks, the scripts and the tests all call it. Every
data file has a JSON Schema in data/schemas/ (editors see the same one while typing, through
the file's first line); what a schema cannot say (unique ids, real calendar days, order,
references between files) each file's own validator adds, with the same kind of message.
"""

import datetime
import html
import json
import math
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, ValidationError
from referencing import Registry, Resource

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


# One entry of a data file as YAML gives it: a mapping whose fields and their types each file's
# schema (data/schemas/) states and checks at run time, and each file's validator then refines.
Entry = dict[str, Any]
# A data file's name as the callers hold it; messages print it as given.
FilePath = Path | str
# mkdocs.yml's nav: page paths, and titles over a page path or a nested nav.
Nav = list[str | dict[str, "str | Nav"]]

SCHEMAS = Path(__file__).resolve().parent.parent / "data" / "schemas"

# Characters no data text may hold, multi-line or not: C0 and C1 controls other than tab and
# newline (NUL, VT, ESC... make feed.xml ill-formed XML and reach pages and RIS files unseen),
# bidirectional embeddings, overrides and isolates (they reorder what readers see), the
# Unicode line and paragraph separators, and a byte order mark inside text.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]")


class ExplainerError(Exception):
    """An input is wrong; the message names the file, the entry and the field (or the file alone).

    The one error type of the package: the site model, every loader and validator raise it, and
    the engine adapter turns it into a build error, the command line into a line of output."""

    def __init__(self, path: object, entry: object = None, field: object = None, problem: str | None = None) -> None:
        self.path, self.entry, self.field, self.problem = path, entry, field, problem
        where = f"{path}: entry '{entry}', field '{field}': " if entry is not None else f"{path}: "
        super().__init__(where + (problem or ""))


DataError = ExplainerError  # the name the validators were written with


def data_path(root: Path, name: str) -> Path:
    """Where a data file is in the project at root (the folder holding mkdocs.yml and data/)."""
    return Path(root) / "data" / name


class _TextDatesLoader(yaml.SafeLoader):
    """Leaves dates as written, so a bad one is reported by entry and field, not by YAML."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_text(path: FilePath) -> str:
    """A data file's text, or a DataError naming the file: missing, unreadable, or not UTF-8."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        line = error.object.count(b"\n", 0, error.start) + 1
        raise DataError(
            path,
            problem=f"is not UTF-8 text: byte 0x{error.object[error.start]:02x} on line {line} "
            "cannot be read; save the file as UTF-8",
        ) from error
    except OSError as error:
        raise DataError(path, problem=f"cannot be read: {error.strerror or error}") from error


def load_list(path: FilePath) -> list[Entry]:
    """A YAML file holding a list of mappings, checked against data/schemas/<name>.schema.json.

    The schema is part of the contract: a file without one is refused, not waved through.
    Before the schema, every value of every entry is checked (check_values): numbers finite,
    text without control characters.
    """
    text = read_text(path)
    try:
        entries: object = yaml.load(text, Loader=_TextDatesLoader)
    except yaml.YAMLError as error:
        raise DataError(path, problem=f"cannot be read as YAML: {error}") from error
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise DataError(path, problem="must be a YAML list of entries (mappings)")
    schema = SCHEMAS / f"{Path(path).stem}.schema.json"
    if not schema.is_file():
        raise DataError(
            path,
            problem=f"its schema data/schemas/{schema.name} is missing; restore it "
            "(git checkout -- data/schemas): without it nothing in the file would be checked",
        )
    check_values(entries, path)
    check_schema(entries, path, schema)
    return entries


def check_values(entries: list[Entry], path: FilePath) -> None:
    """Every value of every entry, at any depth: numbers finite, text free of FORBIDDEN characters.

    JSON Schema cannot say either (NaN passes every numeric keyword, as NaN < 0 is false), so
    this one helper says it for every data file, naming the entry and the field.
    """
    for position, entry in enumerate(entries):
        for where, value in _leaves(entry, []):
            field = field_name(where)
            if isinstance(value, float) and not math.isfinite(value):
                raise DataError(
                    path,
                    entry_label(entry, position),
                    field,
                    f"must be a finite number, not {value} (.nan or .inf in YAML)",
                )
            if isinstance(value, str):
                found = FORBIDDEN.search(value)
                if found:
                    raise DataError(
                        path,
                        entry_label(entry, position),
                        field,
                        f"holds the invisible control character U+{ord(found.group()):04X} at "
                        f"character {found.start() + 1}; remove it (only tab and newline are "
                        "allowed, and only in text that may run over several lines)",
                    )


def _leaves(value: object, where: list[str | int]) -> Iterator[tuple[list[str | int], object]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, [*where, key])
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield from _leaves(item, [*where, number])
    else:
        yield where, value


def field_name(where: list[str | int]) -> str:
    """['rows', 0, 'value'] -> 'rows[1].value' (positions counted from 1, as editors count)."""
    return "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in where).lstrip(".") or "(entry)"


def entry_label(entry: Entry, position: int) -> str:
    """An entry's name in messages: its id, else its date (editions), else its position."""
    return entry_name(entry, position) if "id" in entry or "date" not in entry else str(entry["date"])


def _validator(schema: Path) -> Draft202012Validator:
    resources = [
        (p.name, Resource.from_contents(json.loads(p.read_text(encoding="utf-8"))))
        for p in SCHEMAS.glob("*.schema.json")
    ]
    return Draft202012Validator(
        json.loads(schema.read_text(encoding="utf-8")), registry=Registry().with_resources(resources)
    )


TYPES = {
    "string": "text",
    "array": "a list",
    "object": "a mapping",
    "number": "a number",
    "integer": "a whole number",
    "null": "null",
}


def check_schema(entries: object, path: FilePath, schema: Path) -> None:
    """Every schema error, as 'file: entry, field: problem', the first ten at most."""
    problems = []
    for error in sorted(_validator(schema).iter_errors(entries), key=lambda e: [str(p) for p in e.absolute_path]):
        where = list(error.absolute_path)
        if not where and error.validator == "minItems":
            problems.append(f"{path}: holds no entries; it needs at least one")
            continue
        in_entry = bool(where) and isinstance(where[0], int) and isinstance(entries, list)
        field = field_name(where[1:] if in_entry else where) if (where[1:] if in_entry else where) else ""
        problem = describe(error)
        if error.validator in ("required", "additionalProperties"):
            named = re.findall(r"'([^']+)'", error.message)
            field = ".".join(part for part in (field, named[0] if named else "") if part)
        # A file that is one mapping (data/addresses.yml): its fields, by name.
        if not (in_entry and isinstance(entries, list) and isinstance(where[0], int)):
            problems.append(f"{path}: field '{field}': {problem}" if field else f"{path}: {error.message}")
            continue
        name = entry_label(entries[where[0]], where[0])
        problems.append(str(DataError(path, name, field or "(entry)", problem)))
    if problems:
        raise DataError(path, problem="\n".join(problems[:10]).removeprefix(f"{path}: "))


def describe(error: ValidationError) -> str:
    """A schema error in an editor's words."""
    kind = error.validator
    expected: Any = error.validator_value  # the keyword's value in the schema: JSON of any shape
    # The failing keyword's schema: a mapping (only a `false` schema is a bare boolean; these have none).
    schema: Mapping[str, Any] = error.schema if isinstance(error.schema, Mapping) else {}
    if kind == "required":
        return "missing"
    if kind == "additionalProperties":
        allowed = ", ".join(sorted(schema.get("properties", {})))
        return f"unknown field (known fields: {allowed})"
    if kind == "type":
        return f"must be {TYPES.get(expected, expected)}"
    if kind == "enum":
        return "must be one of " + ", ".join(map(str, expected))
    if kind in ("minItems", "minLength"):
        return "missing or empty"
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum") and schema.get("description"):
        return f"{error.instance} is out of range: must be {schema['description']}"
    if kind in ("pattern", "anyOf", "oneOf") and schema.get("description"):
        return f"must be {schema['description']}"
    if kind in ("anyOf", "oneOf") and schema.get("x-message"):
        message: str = schema["x-message"]
        return message
    return error.message


def check_unique_ids(entries: list[Entry], path: FilePath, key: str = "id") -> None:
    seen: set[object] = set()
    for position, entry in enumerate(entries):
        if entry.get(key) in seen:
            raise DataError(path, entry_name(entry, position), key, "used by an earlier entry too")
        seen.add(entry.get(key))


def entry_name(entry: Entry, position: int) -> str:
    return str(entry.get("id") or f"#{position + 1}")


def partial_date(value: object) -> str:
    """'2026-01-24', '2026-01' or '2026' as written (YAML may have read it as a date or int).

    Raises ValueError when it is neither of those forms nor a real calendar date.
    """
    text = value.isoformat() if isinstance(value, datetime.date) else str(value)
    match = PARTIAL_DATE.match(text)
    if not match:
        raise ValueError(f"'{text}' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        datetime.date(year, month, day)
    except ValueError as error:  # 2026-02-30
        raise ValueError(f"'{text}' is not a real date ({error})") from error
    return text


def full_date(entry: Entry, path: FilePath, name: str, field: str) -> datetime.date:
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


def nav_titles(nav: Nav | None) -> dict[str, str]:
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


# Markdown's marks that data text must not carry: emphasis, code, links, attribute lists
# ({: #id onclick=…}) and headings; each is written with a backslash, which Markdown drops.
MARKDOWN_MARKS = re.compile(r"([\\`*_\[\]{}#])")
# What starts a block only at the start of a line: a list item (- + 1.), an admonition (!!!).
LINE_START_MARK = re.compile(r"^(?:[-+!]|\d+\.)")
LINE_BREAKS = re.compile(r"[ \t]*[\r\n][ \t\r\n]*")


def markdown_text(value: object) -> str:
    """Data is text, never markup: HTML escaped; Markdown's marks escaped; line breaks (which
    would let a field start a heading, a code block or a list of its own) become spaces."""
    text = LINE_BREAKS.sub(" ", str(value)).lstrip(" \t")
    text = MARKDOWN_MARKS.sub(r"\\\1", html.escape(text, quote=False))
    return LINE_START_MARK.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text)
