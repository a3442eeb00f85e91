"""Reference-manager files from CSL-JSON items: RIS, BibTeX and CSL-JSON itself.

Plain Python, no MkDocs import. The CSL-JSON item (the data model of the Citation Style
Language, which Zotero, Mendeley and pandoc share) is the one record of a reference;
the other formats are written from it, so a page's downloads and its citation box, and
the source list's three files, state the same facts.
"""

from __future__ import annotations

import json
import re
from typing import Any, TypedDict

# A CSL-JSON item: id, type and title, then whichever of container-title, author, issued,
# accessed, URL, language, abstract and note the reference has. A mapping as json.dumps writes
# it; the page and source items are built in citations.py and sources.py, the build keeps them.
CslItem = dict[str, Any]
# A CSL date: {"date-parts": [[year, month, day]]}, month and day when known.
CslDate = TypedDict("CslDate", {"date-parts": list[list[int]]})


class CslName(TypedDict, total=False):
    """A CSL name: an organisation as one literal, a person as family and given names."""

    literal: str
    family: str
    given: str


# How each CSL type is written in the other formats. RIS, as Zotero's RIS translator reads
# it (zotero/translators, RIS.js): ELEC is a web page, NEWS a newspaper article; T2 is then
# the website title or the newspaper; DA the date, Y2 the access date. BibTeX: biblatex types.
RIS_TYPES = {"webpage": "ELEC", "article-newspaper": "NEWS"}
BIBTEX_TYPES = {"webpage": "online", "article-newspaper": "article"}

# Words a headline-style title leaves lower case unless first or last, or after a colon
# (MLA 9 and Chicago 17 alike): articles, coordinating conjunctions, prepositions, "to".
# fmt: off
MINOR_WORDS = {
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "to", "about", "above", "across",
    "after", "against", "along", "among", "around", "at", "before", "behind", "below", "beneath", "beside",
    "between", "beyond", "by", "despite", "down", "during", "except", "from", "in", "inside", "into", "like",
    "near", "of", "off", "on", "onto", "out", "outside", "over", "past", "per", "since", "than", "through",
    "throughout", "toward", "towards", "under", "until", "up", "upon", "versus", "via", "vs", "with", "within",
    "without"
}
# fmt: on


def headline_case(title: str) -> str:
    """MLA and Chicago title case, from a title written in sentence case.

    A word that already has a capital (a name, an acronym) is left as written.
    """
    words = title.split(" ")
    cased: list[str] = []
    for position, word in enumerate(words):
        starts = position == 0 or cased[-1].endswith(":")
        bare = word.strip("“”‘’\"'()[],.;:?!").lower()
        if any(c.isupper() for c in word) or (bare in MINOR_WORDS and not starts and position != len(words) - 1):
            cased.append(word)
        else:
            cased.append(
                "-".join(
                    re.sub(r"^([^\w]*)(\w)", lambda m: m.group(1) + m.group(2).upper(), part)
                    for part in word.split("-")
                )
            )
    return " ".join(cased)


def apa_case(title: str) -> str:
    """APA 7 sentence case: as written, with the first word after a colon capitalised."""
    return re.sub(r"(:\s+)(\w)", lambda m: m.group(1) + m.group(2).upper(), title)


def bibtex_escape(text: str) -> str:
    return re.sub(r"([{}&%$#_])", r"\\\1", text)


def bibtex_title(title: str, headline: bool = True) -> str:
    """Title case (or as written), with every word that has a capital in the original in braces.

    BibTeX styles that lower-case titles (as `plain` does) then keep names and acronyms:
    "Implications for {U.S.} Forces" prints "Implications for U.S. forces", not "U.s. forces".
    """
    written = title.split(" ")
    cased = headline_case(title).split(" ") if headline else written
    return " ".join(
        f"{{{bibtex_escape(c)}}}" if any(ch.isupper() for ch in w) else bibtex_escape(c) for w, c in zip(written, cased)
    )


def csl_date(iso: str) -> CslDate:
    """'2026-01-24', '2026-01' or '2026' as CSL date-parts."""
    return {"date-parts": [[int(part) for part in iso.split("-")]]}


def _iso(date: CslDate | None) -> str | None:
    if not date:
        return None
    return "-".join(f"{part:02d}" if i else str(part) for i, part in enumerate(date["date-parts"][0]))


def csl_json(items: list[CslItem]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def ris(items: list[CslItem]) -> str:
    """RIS records (tag, two spaces, hyphen, space, value), CRLF line ends as the format asks."""
    lines = []
    for item in items:
        issued, accessed = _iso(item.get("issued")), _iso(item.get("accessed"))
        record = [("TY", RIS_TYPES[item["type"]]), ("ID", item["id"]), ("TI", item["title"])]
        record += [("AU", author_name(a)) for a in item.get("author", [])]
        record.append(("T2", item.get("container-title")))
        if issued:
            record += [("PY", issued[:4]), ("DA", issued.replace("-", "/"))]
        record += [
            ("Y2", accessed.replace("-", "/") if accessed else None),
            ("UR", item.get("URL")),
            ("LA", item.get("language")),
            ("AB", item.get("abstract")),
            ("N1", item.get("note")),
        ]
        lines += [f"{tag}  - {' '.join(str(value).split())}" for tag, value in record if value]
        lines += ["ER  - ", ""]
    return "\r\n".join(lines)


def author_name(author: CslName) -> str:
    """An organisation as one name: Zotero's RIS import splits a name at its comma (last, first),
    so without one the whole name is kept as the last name, as CSL-JSON's literal is."""
    return author.get("literal") or f"{author['family']}, {author.get('given', '')}".strip(", ")


BIBLATEX_LANGUAGES = {"en": "english", "ko": "korean"}  # CSL/RIS language code -> biblatex langid


def bibtex(items: list[CslItem], headline: bool = False) -> str:
    return "\n\n".join(bibtex_entry(item, headline) for item in items) + "\n"


def bibtex_entry(item: CslItem, headline: bool = True) -> str:
    """A biblatex entry; year as well as date, for BibTeX styles that know only year.

    headline: write the title in title case (our pages' sentence-case titles); an outlet's
    headline stays as printed. Either way its capitalised words are protected.
    """
    kind = BIBTEX_TYPES[item["type"]]
    issued, accessed = _iso(item.get("issued")), _iso(item.get("accessed"))
    container: str = item["container-title"]  # every item names its site or outlet
    fields: list[tuple[str, str | None]] = [
        ("author", "{" + bibtex_escape(author_name(a)) + "}") for a in item.get("author", [])[:1]
    ]
    fields.append(("title", bibtex_title(item["title"], headline)))
    if kind == "online":
        fields.append(("organization", bibtex_escape(container)))
    else:
        fields += [
            ("journaltitle", bibtex_escape(container)),
            ("journal", bibtex_escape(container)),
            ("entrysubtype", "newspaper"),
        ]
    if issued:
        fields += [("date", issued), ("year", issued[:4])]
    if item.get("URL"):
        fields += [("url", item["URL"]), ("urldate", accessed)]
    if item.get("note"):
        fields.append(("note", bibtex_escape(item["note"])))
    # biblatex's langid (hyphenation, and the language a style writes its words in); BibTeX styles skip it.
    fields.append(("langid", BIBLATEX_LANGUAGES.get(item.get("language") or "")))
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(f"  {name.ljust(width)} = {{{value}}}" for name, value in fields if value)
    return f"@{kind}{{{item['id']},\n{body},\n}}"
