"""The source list, data/sources.yml: loaded and validated once per change of the file.

Not a hook: the sources and timeline hooks both import it, so both see one list.
"""

import unicodedata
from pathlib import Path
from typing import Literal, NotRequired, TypedDict
from urllib.parse import urlsplit

from markupsafe import Markup

from .data import (
    DataError,
    Entry,
    FilePath,
    check_unique_ids,
    data_path,
    entry_name,
    human_date,
    load_list,
    markdown_text,
    partial_date,
    read_text,
)
from .korean import in_korean
from .references import CslItem, csl_date
from .render import render as render_template

CONFIDENCE = {
    "H": "confirmed by several or official outlets",
    "M": "one outlet; attributed in the text",
    "A": "the article this site explains",
}

# Who wrote the text; about.md#sourcing says what each kind may support.
KINDS = {
    "official": "Official document",
    "agency": "News agency",
    "newspaper": "Newspaper or news site",
    "think-tank": "Think tank",
    "aggregator": "Aggregator or summary",
}
ARCHIVE = "https://web.archive.org/web/"

# A source: one entry of data/sources.yml, its fields as data/schemas/sources.schema.json gives them.
Source = Entry


class Place(TypedDict):
    """One place a source's excerpts were read (an item of its read_in), once check_read_in passed it."""

    where: Literal["address", "copy", "research sheet", "full text"]
    copy: NotRequired[str]  # where is "copy": the copy read
    url: NotRequired[str]  # where is "copy": its address
    sheet: NotRequired[str]  # where is "research sheet": which one
    excerpts: NotRequired[list[int]]  # the excerpts (from 1) read here; without it, the rest


_cache: dict[tuple[Path, int], dict[str, Source]] = {}


def load_sources(root: Path) -> dict[str, Source]:
    """Sources by id. Re-read only when the file changed (mkdocs serve rebuilds often)."""
    path = data_path(root, "sources.yml")
    key = (path, path.stat().st_mtime_ns)
    if key not in _cache:
        _cache.clear()
        _cache[key] = validate(load_list(path), path)
    return _cache[key]


def validate(entries: list[Entry], path: FilePath) -> dict[str, Source]:
    """What data/schemas/sources.schema.json cannot say: unique ids, real dates, the files."""
    check_unique_ids(entries, path)
    sources: dict[str, Source] = {}
    for position, entry in enumerate(entries):
        name = entry_name(entry, position)
        if entry["date"] is not None:
            try:
                entry["date"] = partial_date(entry["date"])
            except ValueError as error:
                raise DataError(path, name, "date", str(error)) from error
        check_url(entry, path, name)
        check_accessed(entry, path, name)
        check_evidence(entry, path, name)
        check_read_in(entry, path, name)
        sources[entry["id"]] = entry
    return sources


def check_url(entry: Source, path: FilePath, name: str) -> None:
    """Every source but the article (kept in data/) has a web address the archive link is made from."""
    url = entry["url"]
    if url is None:
        if "full_text" not in entry:
            raise DataError(
                path,
                name,
                "url",
                "give the address read (only a source kept whole in data/, with full_text, may have none)",
            )
        return
    problem = url_problem(url)
    if problem:
        raise DataError(path, name, "url", problem)


# Characters an address may not hold as written (RFC 3986 leaves them out; each would end a
# Markdown autolink <…>, an HTML attribute or a BibTeX field): percent-encode them (%3E for >).
URL_FORBIDDEN = set('<>"{}|\\^`')


def url_problem(url: object) -> str | None:
    """Why a source's address cannot be published as it is, or None: an http(s) address with a
    host, and no spaces, control characters or characters that would end the markup around it."""
    text = str(url)
    parts = urlsplit(text)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        return f"'{text}' is not an http(s) address (it must start with https:// or http:// and a host)"
    bad = sorted(
        {
            c
            for c in text
            if c in URL_FORBIDDEN
            or c.isspace()
            or ord(c) < 32
            or 0x7F <= ord(c) < 0xA0
            or unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")
        }
    )
    if bad:
        shown = ", ".join(repr(c) if c.isprintable() and not c.isspace() else f"U+{ord(c):04X}" for c in bad)
        return (
            f"'{text}' holds {shown}: not allowed in an address; percent-encode each "
            '(a space is %20, > is %3E, " is %22)'
        )
    return None


def archive_url(source: Source) -> str | None:
    """The Internet Archive's captures of the address nearest the day the editors read it.

    Its /web/<YYYYMMDD>/<address> form redirects to the capture closest to that date, or
    offers to search when there is none: derived, so it is never typed or mistyped.
    """
    if not source["url"]:
        return None
    return f"{ARCHIVE}{source['accessed'].replace('-', '')}/{source['url']}"


def language(source: Source) -> str:
    """The source's language for the citation files (CSL-JSON, RIS LA, biblatex langid): Korean
    when the words the editors recorded from it are, since excerpts are copied as the source wrote them."""
    return "ko" if in_korean(" ".join(source.get("evidence") or [])) else "en"


def csl_item(source: Source) -> CslItem:
    """One source as a CSL-JSON item: news for agencies and newspapers, a web page otherwise.

    An untitled report gets our description in square brackets, the usual mark of a
    description given in place of a title.
    """
    item: CslItem = {
        "id": source["id"],
        "type": "article-newspaper" if source["kind"] in ("agency", "newspaper") else "webpage",
        "title": source["title"] if "title" in source else f"[{source['description']}]",
        "container-title": source["outlet"],
        "accessed": csl_date(source["accessed"]),
        "language": language(source),
    }
    if source["date"]:
        item["issued"] = csl_date(source["date"])
    if source["url"]:
        item["URL"] = source["url"]
    item["note"] = KINDS[source["kind"]] + (f", summarising {source['summarises']}" if source.get("summarises") else "")
    return item


def check_accessed(entry: Source, path: FilePath, name: str) -> None:
    """When the editors read it: a full date, not before the source was published."""
    try:
        entry["accessed"] = partial_date(entry["accessed"])
    except ValueError as error:
        raise DataError(path, name, "accessed", str(error)) from error
    if len(entry["accessed"]) != 10:
        raise DataError(path, name, "accessed", "give the full date the editors read it (YYYY-MM-DD)")
    if entry["date"] and entry["accessed"] < entry["date"][:10]:
        raise DataError(path, name, "accessed", f"{entry['accessed']} is before the source's date {entry['date']}")


def check_evidence(entry: Source, path: FilePath, name: str) -> None:
    """What was read: short verbatim excerpts, or (for the article) the whole text kept in data/."""
    if ("evidence" in entry) == ("full_text" in entry):
        raise DataError(path, name, "evidence", "give evidence (verbatim excerpts) or full_text (a file in data/)")
    if "full_text" not in entry:
        return
    folder = Path(path).parent.resolve()
    file = (folder / str(entry["full_text"])).resolve()
    if not file.is_relative_to(folder):
        raise DataError(
            path,
            name,
            "full_text",
            f"'{entry['full_text']}' is outside data/: name a file kept in data/, like article.txt",
        )
    if not file.is_file():
        raise DataError(path, name, "full_text", f"no file data/{entry['full_text']}")
    read_text(file)  # the evidence check reads it whole: a file that is not UTF-8 is named now


SHEETS = {"background-facts.md", "update-2026.md", "update-2026-h2.md"}


def check_read_in(entry: Source, path: FilePath, name: str) -> None:
    """Where each excerpt was read: every excerpt in exactly one place, each place complete.

    A place without `excerpts` covers the excerpts no other place lists; at most one may.
    """
    places = entry.get("read_in")
    if not isinstance(places, list) or not places:
        raise DataError(
            path, name, "read_in", "say where the excerpts were read: a list of places, e.g. [{where: address}]"
        )
    count = len(entry.get("evidence") or [])
    listed: list[int] = []
    open_places = 0
    for place in places:
        where = place.get("where") if isinstance(place, dict) else None
        if where == "full text":
            if "full_text" not in entry:
                raise DataError(path, name, "read_in", "'full text' is only for a source kept whole (full_text)")
        elif where == "address":
            if not entry.get("url"):
                raise DataError(path, name, "read_in", "'address' needs the source's url; name the copy read instead")
        elif where == "copy":
            if not place.get("copy") or not str(place.get("url", "")).startswith(("https://", "http://")):
                raise DataError(path, name, "read_in", "a copy needs its name (copy) and its http(s) address (url)")
            if url_problem(place["url"]):
                raise DataError(path, name, "read_in", f"copy '{place['copy']}': {url_problem(place['url'])}")
        elif where == "research sheet":
            if place.get("sheet") not in SHEETS:
                raise DataError(path, name, "read_in", f"a research sheet must be one of {', '.join(sorted(SHEETS))}")
        else:
            raise DataError(
                path, name, "read_in", f"'{where}' is not a place: use address, copy, research sheet or full text"
            )
        if where != "full text" and "full_text" in entry:
            raise DataError(path, name, "read_in", "a source kept whole is read in its full text")
        if "excerpts" in place:
            numbers = place["excerpts"]
            if not isinstance(numbers, list) or not all(isinstance(n, int) and 1 <= n <= count for n in numbers):
                raise DataError(path, name, "read_in", f"excerpts are numbered 1 to {count}: {numbers!r}")
            listed += numbers
        else:
            open_places += 1
    twice = sorted({n for n in listed if listed.count(n) > 1})
    if twice:
        raise DataError(path, name, "read_in", f"excerpt {twice[0]} is listed in two places")
    if open_places > 1:
        raise DataError(path, name, "read_in", "only one place may go without its list of excerpts")
    if open_places == 0 and count and sorted(listed) != list(range(1, count + 1)):
        missing = sorted(set(range(1, count + 1)) - set(listed))
        raise DataError(path, name, "read_in", f"excerpt {missing[0]} is not said to be read anywhere")
    if "not_found_again" in entry:
        try:
            checked = partial_date(entry["not_found_again"])
        except ValueError as error:
            raise DataError(path, name, "not_found_again", str(error)) from error
        if len(checked) != 10:
            raise DataError(path, name, "not_found_again", "give the full day it was checked (YYYY-MM-DD)")
        entry["not_found_again"] = checked


def excerpt_places(source: Source) -> list[tuple[Place, list[int]]]:
    """Each place the excerpts were read, with the numbers (from 1) of the excerpts read there."""
    count = len(source.get("evidence") or [])
    listed = {n for place in source["read_in"] for n in place.get("excerpts", [])}
    return [
        (place, list(place["excerpts"]) if "excerpts" in place else [n for n in range(1, count + 1) if n not in listed])
        for place in source["read_in"]
    ]


def place_text(place: Place) -> str:
    """Where, in words (Markdown): a copy links to its address."""
    if place["where"] == "address":
        return "at the address listed"
    if place["where"] == "copy":
        return f"in another copy, {markdown_text(place['copy'])} (<{place['url']}>)"
    if place["where"] == "research sheet":
        return f"only in the editors' research sheet ({place['sheet']}), not in the source itself"
    return "in the full text supplied to the editors, kept with the site"


def read_in_text(source: Source) -> str:
    """One sentence on where the excerpts were read, per excerpt where the places differ."""
    places = excerpt_places(source)
    if len(places) == 1:
        return (
            "Excerpts read " + place_text(places[0][0]) if "evidence" in source else "Read " + place_text(places[0][0])
        )
    parts = []
    for place, numbers in places:
        label = ("excerpt " if len(numbers) == 1 else "excerpts ") + ", ".join(str(n) for n in numbers)
        parts.append(f"{label} {place_text(place)}")
    return "Read: " + "; ".join(parts)


def evidence_texts(sources: dict[str, Source], root: Path) -> dict[str, str]:
    """Each source's evidence as one text, for the quotation and figure check."""
    folder = data_path(root, "")
    return {
        source_id: (read_text(folder / source["full_text"]) if "full_text" in source else "\n".join(source["evidence"]))
        for source_id, source in sources.items()
    }


def reporting_through(sources: dict[str, Source]) -> str:
    """The date of the newest report the site relies on (ISO, as precise as that source's date)."""
    dates: list[str] = [s["date"] for s in sources.values() if s["date"]]  # ISO text, validate() made sure
    return max(dates, key=lambda d: (d + "-00-00")[:10])


def citation_text(source: Source) -> str:
    """One source as Markdown: outlet, headline or description, date, address; data as text."""
    name = f"“{markdown_text(source['title'])}”" if "title" in source else markdown_text(source["description"])
    date = human_date(source["date"]) if source["date"] else "undated"
    text = f"{markdown_text(source['outlet'])}, {name}, {date}."
    if source["url"]:
        text += f" <{source['url']}>"
    return text


def source_list(sources: dict[str, Source]) -> str:
    """The source list, oldest first, each item an anchor that footnotes link to.

    HTML items with Markdown inside (markdown="span"), so abbreviations and links work.
    Each says what kind of source it is, when the editors read it, where it is live and
    archived, and the words that support what the site cites it for.
    """
    downloads = (
        '<p class="bibliography-downloads" markdown="span">The whole list for a reference manager: '
        '<a href="sources.ris" download type="application/x-research-info-systems">RIS</a> · '
        '<a href="sources.json" download type="application/vnd.citationstyles.csl+json">CSL-JSON</a> · '
        '<a href="sources.bib" download type="application/x-bibtex">BibTeX</a>.</p>\n'
    )
    return (
        downloads
        + '<ol class="source-list" markdown="block">\n'
        + "\n".join(source_item(s) for s in sorted(sources.values(), key=lambda s: (s["date"] or "9999", s["id"])))
        + "\n</ol>"
    )


def source_item(source: Source) -> str:
    if source["url"] and url_problem(source["url"]):
        raise ValueError(f"source '{source['id']}': {url_problem(source['url'])}")
    return render_template(
        "source_item.html",
        source=source,
        kind=KINDS[source["kind"]],
        accessed=human_date(source["accessed"]),
        not_found_again=source.get("not_found_again") and human_date(source["not_found_again"]),
        date=human_date(source["date"]) if source["date"] else "Undated",
        confidence=CONFIDENCE[source["confidence"]],
        archive=archive_url(source) if source["url"] else None,
        # Markdown made of escaped parts (place_text): safe as it is.
        read_in=Markup(read_in_text(source)),
        numbered=len(source["read_in"]) > 1,
    )
