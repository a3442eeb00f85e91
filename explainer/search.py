"""What the search index leaves out: the apparatus around the text, and what it repeats.

Plain Python over a page's HTML, no MkDocs: explainer/mkdocs_adapter.py applies it.
A search for a name or a word must land on the section that explains it, not on a
source's headline in the footnotes, a page's summary of its own sections, or a signpost.
Material's search plugin skips any element carrying data-search-exclude, and removes the
attribute (written with a value) from the page once the page is indexed.
"""

import re
from pathlib import Path
from typing import Any, Final, NotRequired, TypedDict

from . import contract

LEFT_OUT = {
    "footnote": "the footnote list: sources' headlines and addresses",
    "footnote-separator": "the comma between markers (the markers themselves: MARKER)",
    "keypoints": "a page's key points, which sum up its own sections",
    "latest-developments": "the home page's newest timeline entries, found on the timeline",
    "cards": "the home page's signposts to other pages",
    contract.APPARATUS: "the live site's controls written into the text (the timeline's link to its newest entry)",
}
START_TAG = re.compile(r"<(div|ul|ol|p|sup)\b([^>]*)>")
CLASSES = re.compile(r'\bclass="([^"]*)"')
MARKER = re.compile(r'\bid="fnref\d*:')  # Python-Markdown's <sup> around a footnote marker


def leave_out_of_search(html: str) -> str:
    if 'id="fnref' in html:  # footnote markers are left out by this pattern: it must see them
        contract.must_match(START_TAG, html, "footnote markers and apparatus blocks")

    def mark(match: re.Match[str]) -> str:
        tag, attributes = match.groups()
        found = CLASSES.search(attributes)
        classes = set((found[1] if found else "").split())
        if classes & LEFT_OUT.keys() or (tag == "sup" and MARKER.search(attributes)):
            return f'<{tag} {contract.SEARCH_EXCLUDE}="apparatus"{attributes}>'
        return match.group(0)

    return START_TAG.sub(mark, html)


# ---- What search finds a page by beyond its text (data/search.yml) ----


def load_search(root: Path, name: str = "search.yml") -> dict[str, list[str]]:
    """data/search.yml (or the Korean edition's data/ko/search.yml, same shape) by page or section:
    {'us-forces.md#troop-levels': ['tripwire', ...]}."""
    return keyed_lists(root, name, "page", "keywords")


def keyed_lists(root: Path, name: str, key: str, values: str) -> dict[str, list[str]]:
    """A data file of entries as {entry[key]: entry[values]}; none if the file is absent. A key listed
    twice is refused by name, since the second would silently replace the first."""
    from .data import DataError, data_path, entry_name, load_list

    path = data_path(root, name)
    if not path.is_file():
        return {}
    found: dict[str, list[str]] = {}
    for position, entry in enumerate(load_list(path)):
        if entry[key] in found:
            raise DataError(path, entry_name(entry, position), key, f"{entry[key]} is listed twice: merge them")
        found[entry[key]] = list(entry[values])
    return found


class SearchDoc(TypedDict):
    """One page or section in Material's search index (search/search_index.json)."""

    location: str
    title: str
    text: str
    boost: NotRequired[float]
    tags: NotRequired[list[str]]
    keywords: NotRequired[str]  # the Korean edition's hidden words (KOREAN_FIELD)


class SearchIndex(TypedDict):
    """Material's search index: lunr's settings, then the documents."""

    config: dict[str, Any]  # the search plugin's settings, as Material writes them
    docs: list[SearchDoc]


def with_keywords(index: SearchIndex, keywords: dict[str, list[str]]) -> list[str]:
    """Material's search index with each listed section's keywords as its `tags` (a field lunr
    ranks far above title and text, so a keyword leads to the section that treats it; the
    stylesheet hides tags in the results). Returns the listed sections the index lacks."""
    docs = {doc["location"]: doc for doc in index["docs"]}
    missing = []
    for target, words in keywords.items():
        page, _, anchor = target.partition("#")
        location = page.removesuffix(".md") + ".html" + (f"#{anchor}" if anchor else "")
        if location in docs:
            docs[location]["tags"] = list(words)
        else:
            missing.append(target)
    return missing


# ---- Korean search (issue #22, design section 2): Material's search does not segment Hangul ----

KOREAN_TERMS = "ko/terms.yml"
KOREAN_SEARCH = "ko/search.yml"
# The index field the Korean keywords go into: its own, ranked by mkdocs.ko.yml's search `fields`
# (below title and text, so a query a page says in its own words still lands there first; the keywords
# decide only where no text has the word). Never shown: Material's results show title and text only.
KOREAN_FIELD: Final = "keywords"
KOREAN_CAP = 150  # keywords per index entry at most: the glossary's variants, numbers, then the longest infixes
_TAG = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def load_terms(root: Path) -> dict[str, list[str]]:
    """data/ko/terms.yml as {term: variants}: what Korean readers type for a term the pages spell one way."""
    return keyed_lists(root, KOREAN_TERMS, "term", "variants")


def _plain(html: str) -> str:
    return _ENTITY.sub(" ", _TAG.sub(" ", html))


def korean_numbers(text: str) -> list[str]:
    """Numbers Korean copy writes with units (2만8500명, 1조5192억 원) in digits, as a reader types them, with
    and without thousands separators (28500, 28,500: search-forgiving.js asks for both forms, and an entry
    matching both outranks one that has only one): the same values the text states, never a new figure."""
    from .korean import korean_unit_numbers

    return [form for value in korean_unit_numbers(text) for form in (f"{value}", f"{value:,}")]


def korean_keywords(text: str, variants: dict[str, list[str]], cap: int = KOREAN_CAP) -> list[str]:
    """Hidden search words for one Korean index entry (its title and text, HTML or plain): the variants of
    every glossary term it contains, its unit numbers in digits, then the suffixes of its long Hangul words,
    longest first (explainer.korean.search_keywords: lunr finds a word by its start only, so 작전통제권 in
    전시작전통제권 and 미군 in 주한미군은 need them). Adjacent words are not joined here: measured on the
    Korean query set, joining found nothing the glossary's spacing variants (전작권전환, 을지자유의방패) did
    not, and made the index a third larger. The field is indexed as one string, so each word of a
    multi-word variant is found. No duplicates, nothing already a word of the text, at most `cap`."""
    from .korean import HANGUL_WORD, search_keywords

    plain = _plain(text)
    present = set(HANGUL_WORD.findall(plain)) | set(plain.split())
    ordered: list[str] = []
    for term, term_variants in variants.items():
        if term in plain:
            ordered.extend(term_variants)
    ordered.extend(korean_numbers(plain))
    infixes = search_keywords(plain, join_words=False)
    ordered.extend(sorted(infixes, key=lambda word: (-len(word), word)))
    kept: list[str] = []
    for word in ordered:
        if word not in present and word not in kept:
            kept.append(word)
    return kept[:cap]


def with_korean_keywords(
    index: SearchIndex,
    variants: dict[str, list[str]],
    curated: dict[str, list[str]],
    boosts: dict[str, float],
    cap: int = KOREAN_CAP,
) -> list[str]:
    """The Korean edition's search index, made findable the way Korean readers type:

    - every entry (page and section) gets korean_keywords of its own title and text, as one string in
      KOREAN_FIELD (so that lunr splits it with the edition's separator);
    - the sections data/ko/search.yml lists get its keywords as `tags`, exactly as English (with_keywords);
    - a page without a `search: boost:` of its own ranks as its English twin does (`boosts`, by file name:
      reference pages below story pages, in both editions from one place).
    Returns the listed sections the index lacks."""
    for doc in index["docs"]:
        words = korean_keywords(f"{doc['title']} {doc['text']}", variants, cap)
        if words:
            doc[KOREAN_FIELD] = " ".join(words)
        page = doc["location"].partition("#")[0].removesuffix(".html") + ".md"
        if "boost" not in doc and page in boosts:
            doc["boost"] = boosts[page]
    return with_keywords(index, curated)


def english_boosts(docs: Path) -> dict[str, float]:
    """The English pages' `search: boost:` by file name (docs/*.md front matter): {'sources.md': 0.05, ...}."""
    import yaml

    found: dict[str, float] = {}
    for path in sorted(docs.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---"):
            continue
        meta = yaml.safe_load(text.split("---", 2)[1]) or {}
        boost = (meta.get("search") or {}).get("boost") if isinstance(meta, dict) else None
        if isinstance(boost, int | float):
            found[path.name] = float(boost)
    return found
