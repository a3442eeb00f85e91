"""What the search index leaves out: the apparatus around the text, and what it repeats.

Plain Python over a page's HTML, no MkDocs: explainer/mkdocs_adapter.py applies it.
A search for a name or a word must land on the section that explains it, not on a
source's headline in the footnotes, a page's summary of its own sections, or a signpost.
Material's search plugin skips any element carrying data-search-exclude, and removes the
attribute (written with a value) from the page once the page is indexed.
"""

import re
from pathlib import Path
from typing import Any, NotRequired, TypedDict

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


def load_search(root: Path) -> dict[str, list[str]]:
    """data/search.yml by page or section: {'us-forces.md#troop-levels': ['tripwire', ...]}."""
    from .data import DataError, data_path, entry_name, load_list

    path = data_path(root, "search.yml")
    if not path.is_file():
        return {}
    found: dict[str, list[str]] = {}
    for position, entry in enumerate(load_list(path)):
        if entry["page"] in found:
            raise DataError(path, entry_name(entry, position), "page", f"{entry['page']} is listed twice: merge them")
        found[entry["page"]] = entry["keywords"]
    return found


class SearchDoc(TypedDict):
    """One page or section in Material's search index (search/search_index.json)."""

    location: str
    title: str
    text: str
    boost: NotRequired[float]
    tags: NotRequired[list[str]]


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
