"""A reader of the Korean edition meets no English interface word: the words the templates and the
code write come from data/ko/strings.yml in Korean. What stays English is marked lang="en"."""

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, NavigableString, Tag

ROOT = Path(__file__).resolve().parent.parent
# Words the code once wrote as literals, now in the strings table too; kept here so that a literal
# that comes back is caught even if its key is renamed.
LITERALS = (
    "Back to:",
    "Cite this section",
    "Cite this edition",
    "Link to this section",
    "Permanent link",
    "Copy link",
    "Address:",
    "This address will not change",
    "How to cite this site",
    "For a reference manager",
    "RIS file",
    "CSL-JSON file",
    "English original",
    ": changes",
)
ATTRIBUTES = ("title", "aria-label", "alt")


def interface_phrases() -> list[str]:
    """The English side of the strings table (its placeholders cut out), plus the literals above.
    Only texts with Latin letters: `other_edition`'s English side is 한국어."""
    table = yaml.safe_load((ROOT / "data/ko/strings.yml").read_text(encoding="utf-8"))
    phrases = set(LITERALS)
    for texts in table.values():
        for part in re.split(r"\{\w+\}", texts["en"]):
            part = part.strip(" ,")
            if re.search(r"[A-Za-z]{2}", part):
                phrases.add(part)
    return sorted(phrases, key=len, reverse=True)


def _english(node: Tag | NavigableString) -> bool:
    for element in [node, *node.parents] if isinstance(node, Tag) else node.parents:
        lang = element.get("lang") if isinstance(element, Tag) else None
        if lang:
            return lang.lower().startswith("en")
    return False


def _label_only(phrase: str) -> bool:
    """A phrase of one or two plain words ("Update", "Copy link", "North Korea") is an interface word
    only as a whole label: inside a sentence or a source's title it is the text's own English."""
    return len(phrase.split()) <= 2 and len(phrase) <= 20 and re.fullmatch(r"[A-Za-z' ]+", phrase) is not None


def _found(text: str, phrases: list[str]) -> list[str]:
    """The phrases a text shows: a label-only phrase when the text is that phrase (maybe with a
    colon or brackets around it), any other phrase anywhere in the text."""
    text = " ".join(text.split())
    hits = []
    for phrase in phrases:
        if _label_only(phrase):
            if text.strip(" :.·()") == phrase:
                hits.append(phrase)
        elif phrase in text:
            hits.append(phrase)
    return hits


def english_interface_words(html: str, phrases: list[str]) -> list[str]:
    """Each English interface phrase in the page's visible text or title/aria-label/alt attributes,
    outside any element marked lang="en" (scripts, styles and the <head> are not read)."""
    soup = BeautifulSoup(html, "html.parser")
    body = soup.body or soup
    for hidden in body.find_all(["script", "style", "template", "svg"]):
        hidden.decompose()
    found = []
    for text in body.find_all(string=True):
        if text.strip() and not _english(text):
            found += [f"{phrase!r} in text {' '.join(text.split())[:80]!r}" for phrase in _found(text, phrases)]
    for element in body.find_all(True):
        for attribute in ATTRIBUTES:
            value = element.get(attribute)
            if isinstance(value, str) and value.strip() and not _english(element):
                found += [f"{phrase!r} in {attribute}={value!r}" for phrase in _found(value, phrases)]
    return found


# ---- the reader, on strings ----

PHRASES = ["Back to:", "Cite this section", "Update"]


@pytest.mark.unit
def test_english_interface_words_are_found_in_text_and_attributes():
    page = (
        '<html lang="ko"><body><p>본문 <span class="footnote-back">Back to: 요점</span></p>'
        '<a href="#x" title="Cite this section">¶</a><span class="change-kind">Update</span></body></html>'
    )
    found = english_interface_words(page, PHRASES)
    assert len(found) == 3, found


@pytest.mark.unit
def test_marked_english_and_english_words_inside_sentences_pass():
    page = (
        '<html lang="ko"><body><p lang="en">Back to: Key points</p>'
        '<p><cite lang="en">Cite this section of the Update</cite></p>'
        "<p>The Update on burden sharing (a source's title)</p>"
        '<script>var s = "Cite this section";</script></body></html>'
    )
    assert english_interface_words(page, PHRASES) == []


@pytest.mark.unit
def test_the_phrases_come_from_the_strings_table():
    phrases = interface_phrases()
    table = yaml.safe_load((ROOT / "data/ko/strings.yml").read_text(encoding="utf-8"))
    assert table["cite_this_page"]["en"] in phrases and "Back to:" in phrases
    assert "한국어" not in phrases  # other_edition's English side is the Korean word
    assert "Earlier history" in phrases  # placeholders cut out


# ---- the built Korean pages ----


def test_korean_pages_show_no_english_interface_words(korean_pages):
    phrases = interface_phrases()
    problems = []
    for address, page in sorted(korean_pages.items()):
        problems += [f"{address}: {hit}" for hit in english_interface_words(str(page), phrases)]
    assert not problems, "English interface words on Korean pages:\n" + "\n".join(problems[:60])
