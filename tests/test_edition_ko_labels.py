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


# ---- the overlays: Korean figures and map places (data/ko/figures.yml, data/ko/places.yml) ----


def _figures_of(korean_text: str) -> set:
    from explainer.korean import QUOTATION, english_quantities, korean_quantities, marked_translations

    values = korean_quantities(QUOTATION.sub(" ", korean_text))
    for translation in marked_translations(korean_text):
        values |= korean_quantities(translation.korean) | english_quantities(translation.english)
    return values


def _texts(figure: dict) -> list[tuple[str, str]]:
    """(where, text) of every text of a figure in data/figures.yml's shape."""
    texts = [(name, figure[name]) for name in ("caption", "description") if name in figure]
    texts += [(f"columns[{i}]", c) for i, c in enumerate(figure.get("columns", []))]
    for number, row in enumerate(figure.get("rows", []), 1):
        for name in ("aspect", "label"):
            if name in row:
                texts.append((f"rows[{number}].{name}", row[name]))
        texts += [(f"rows[{number}].cells[{i}]", c) for i, c in enumerate(row.get("cells", []))]
    return texts


def _follows(english: str, korean: str) -> list[str]:
    """A Korean text against its English one: the same figures by value, and each English original
    of a marked translation (“한국어”(“English”)) verbatim in the English text."""
    from explainer.korean import english_quantities, marked_translations

    problems = []
    english_values, korean_values = english_quantities(english), _figures_of(korean)
    if english_values != korean_values:
        problems.append(f"figures {sorted(english_values)} in English, {sorted(korean_values)} in Korean")
    plain = english.replace('"', "").replace("“", "").replace("”", "")
    for translation in marked_translations(korean):
        if translation.english not in plain:
            problems.append(f"“{translation.english}” is not the English text's words")
    return problems


@pytest.mark.unit
def test_the_korean_figures_say_what_the_english_figures_say():
    """Every Korean figure text has the English text's figures by value (2만8500 = 28,500; dates are
    not figures) and quotes it word for word in its English originals; the shape is the English one."""
    from explainer.edition_ko import figure_overlay_problems

    english = {f["id"]: f for f in yaml.safe_load((ROOT / "data/figures.yml").read_text(encoding="utf-8"))}
    korean = yaml.safe_load((ROOT / "data/ko/figures.yml").read_text(encoding="utf-8"))
    assert set(korean) == set(english), "a figure without Korean text"
    problems = []
    for figure_id, texts in korean.items():
        problems += [f"{figure_id}: {p}" for p in figure_overlay_problems(english[figure_id], texts)]
        english_texts = dict(_texts(english[figure_id]))
        for where, text in _texts(texts):
            problems += [f"{figure_id} {where}: {p}" for p in _follows(english_texts[where], text)]
    assert not problems, "\n".join(problems)


@pytest.mark.unit
def test_the_korean_places_say_what_the_english_places_say():
    from explainer.edition_ko import korean_places

    english = yaml.safe_load((ROOT / "data/map/places.yml").read_text(encoding="utf-8"))
    korean = yaml.safe_load((ROOT / "data/ko/places.yml").read_text(encoding="utf-8"))
    places, missing = korean_places(english, korean)
    assert not missing and not any(p.get("lang") for p in places)
    for place in english:
        if "text" in place:
            assert not _follows(place["text"], korean[place["id"]]["text"]), place["id"]


@pytest.mark.unit
def test_a_changed_figure_or_a_loose_english_original_is_caught():
    assert _follows("2.32% in 2025", "2025년 2.33%")  # a changed number
    assert _follows('capable of taking "primary responsibility"', "“주된 책임”(“prime responsibility”)")
    assert not _follows("28,500 troops (reporting through June 2026)", "2만8500명(2026년 6월까지의 보도 기준)")


FIGURE = {
    "id": "f",
    "kind": "comparison",
    "caption": "Who does what",
    "description": "A table.",
    "columns": ["Aspect", "Today", "After"],
    "rows": [
        {"aspect": "Lead", "cells": ["U.S.", "Seoul"], "sources": ["a"]},
        {"aspect": "Costs", "cells": ["Shared", "Shared"], "sources": ["b"]},
    ],
}


@pytest.mark.unit
def test_a_korean_figure_takes_its_texts_and_keeps_the_english_values_and_sources():
    from explainer.edition_ko import figure_overlay_problems, korean_figure
    from explainer.figures import render

    korean = {"caption": "누가 무엇을", "description": "표.", "columns": ["항목", "현재", "이후"]}
    korean["rows"] = [{"aspect": "주도", "cells": ["미국", "한국"]}]
    assert figure_overlay_problems(FIGURE, korean) == []
    shown = korean_figure(FIGURE, korean)
    assert shown["caption"] == "누가 무엇을" and shown["rows"][0]["sources"] == ["a"]
    assert "lang" not in shown and shown["rows"][1]["lang"] == "en"  # the row without Korean text
    html = render(shown)
    assert "누가 무엇을" in html and html.count('lang="en"') == 1
    assert korean_figure(FIGURE, None)["lang"] == "en"  # no overlay: the English figure, marked
    assert 'lang="en"' in render(korean_figure(FIGURE, None)).split(">")[0]


@pytest.mark.unit
def test_a_korean_figure_in_another_shape_is_refused():
    from explainer.edition_ko import figure_overlay_problems

    wrong = {"caption": "c", "description": "d", "columns": ["a", "b"], "rows": [{"aspect": "x", "cells": ["y"]}]}
    problems = figure_overlay_problems(FIGURE, wrong)
    assert any("columns" in p for p in problems) and any("cells" in p for p in problems)
    assert figure_overlay_problems(FIGURE, {"caption": "c", "description": "d", "rows": [{"sources": ["z"]}]})


PLACES = [
    {"id": "seoul", "name": "Seoul", "at": [127.0, 37.5], "position_from": "Natural Earth", "sources": []},
    {"id": "base", "name": "Base", "from": {"place": "seoul", "km": 60, "direction": "south"}, "sources": []},
    {"id": "camp", "name": "Camp", "toward": {"place": "seoul", "direction": "north"}, "text": "North.", "sources": []},
]


@pytest.mark.unit
def test_the_map_list_in_english_is_as_before_and_in_korean_uses_the_korean_words():
    from explainer.edition_ko import korean_places, load_strings, strings_for
    from explainer.map import place_list

    english = place_list(PLACES)
    assert "Position: Natural Earth." in english
    assert "Drawn 60 kilometers south of Seoul, as its source puts it." in english
    assert "Shown only as a direction from Seoul: no source gives its distance." in english
    words = strings_for(load_strings(ROOT), "ko")
    places, missing = korean_places(
        PLACES, {"seoul": {"name": "서울", "position_from": "자료"}, "base": {"name": "기지"}}
    )
    assert not missing
    korean = place_list(places, words)
    assert "위치: 자료." in korean and "서울에서 남쪽으로 60킬로미터" in korean and "서울에서 본 방향" in korean
    assert '<li lang="en" markdown="span">**Camp**' in korean  # no Korean text: English, marked
    assert "Drawn" not in korean and "Demilitarized" not in korean
    _, missing = korean_places(PLACES, {"camp": {"name": "캠프"}})
    assert missing == ["camp: needs a Korean 'text', as the English place has one"]


# ---- footnotes, the record of changes, citations, the feed ----


@pytest.mark.unit
def test_a_footnote_way_back_in_korean_words():
    from explainer.footnotes import labelled_backlinks

    html = (
        '<p>하나.<sup id="fnref:x"><a class="footnote-ref" href="#fn:x">1</a></sup></p>'
        '<div class="footnote"><ol><li id="fn:x"><p>Source.&#160;'
        '<a class="footnote-backref" href="#fnref:x" title="Jump back">&#8617;</a></p></li></ol></div>'
    )
    back = re.search(r'<span class="footnote-back">(.*?)</span>', labelled_backlinks(html, "돌아가기:", "본문")).group(
        1
    )
    assert re.sub(r"<[^>]+>", "", back) == "돌아가기: 본문"
    assert re.search(r"Back to: <a [^>]+>the text</a>", labelled_backlinks(html))


@pytest.mark.unit
def test_the_korean_record_of_changes_labels_in_korean_and_marks_the_english_text():
    import datetime

    from explainer.changes import changelog_markdown
    from explainer.edition_ko import korean_date, load_strings, strings_for

    entry = {
        "id": "c1",
        "date": datetime.date(2026, 6, 4),
        "kind": "correction",
        "text": "Fixed a date.",
        "pages": ["faq.md", "print.md"],
        "prepublication": False,
    }
    english = changelog_markdown([entry], {"faq.md": "FAQ", "print.md": "Print edition"})
    assert (
        "## 4 June 2026 {#2026-06-04}" in english
        and '>Correction</span> Fixed a date. <span class="names-of-places">Pages:' in english
    )
    words = strings_for(load_strings(ROOT), "ko")
    titles = {"faq.md": "자주 묻는 질문", "print.md": "Print edition"}
    korean = changelog_markdown([entry], titles, {}, words, korean_date)
    assert "## 2026년 6월 4일 {#2026-06-04}" in korean
    assert '>정정</span> <span lang="en">Fixed a date.</span> <span class="names-of-places">페이지:' in korean
    assert '[자주 묻는 질문](faq.md), [<span lang="en">Print edition</span>](print.md)' in korean


def _facts(language: str):
    import datetime

    from explainer.citations import PageFacts

    return PageFacts(
        title="자주 묻는 질문" if language == "ko" else "Questions",
        description="d",
        site="Seoul in the Lead",
        author="Seoul in the Lead editors",
        published=datetime.date(2026, 12, 1),
        updated=datetime.date(2026, 12, 7),
        url=f"https://example.org/{'ko/' if language == 'ko' else ''}faq.html",
        accessed=datetime.date(2026, 12, 8),
        language=language,
    )


@pytest.mark.unit
def test_a_korean_page_is_cited_as_korean_with_the_korean_form():
    from explainer.citations import KOREAN_STYLE, csl_item, formats, head_tags, json_ld
    from explainer.references import bibtex_entry, ris

    facts = _facts("ko")
    item = csl_item(facts)
    assert item["language"] == "ko" and item["note"] == "최초 게시 2026-12-01"
    assert "LA  - ko" in ris([item]).split("\r\n")
    assert "langid       = {korean}" in bibtex_entry(item)
    assert ("name", "citation_language", "ko") in head_tags(facts) and '"inLanguage": "ko"' in json_ld(facts)
    styles = formats(facts)
    assert next(iter(styles)) == KOREAN_STYLE and {"APA 7", "Chicago", "BibTeX"} <= set(styles)
    assert styles[KOREAN_STYLE] == (
        "Seoul in the Lead 편집진, 「자주 묻는 질문」, 『Seoul in the Lead』, 2026년 12월 7일 수정, "
        "https://example.org/ko/faq.html (검색일: 2026년 12월 8일)."
    )
    section = formats(facts, section="주한미군", url="https://example.org/ko/faq.html#t")[KOREAN_STYLE]
    assert "「자주 묻는 질문: 주한미군」" in section and "faq.html#t" in section
    assert facts.key == "seoul-2026-ko-faq"  # a Korean title gives no Latin words: the page's name does


@pytest.mark.unit
def test_an_english_page_is_cited_as_before():
    from explainer.citations import KOREAN_STYLE, csl_item, formats

    facts = _facts("en")
    assert csl_item(facts)["language"] == "en" and KOREAN_STYLE not in formats(facts)
    assert facts.key == "seoul-2026-questions"


@pytest.mark.unit
def test_the_feed_says_it_is_english():
    import datetime

    from explainer.changes import atom_feed

    entry = {
        "id": "c1",
        "date": datetime.date(2026, 6, 4),
        "kind": "update",
        "text": "Added a section.",
        "pages": ["faq.md"],
        "prepublication": False,
        "about": "story",
    }
    feed = atom_feed([entry], site_name="S", author="A", site_url="https://example.org/")
    assert '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">' in feed


def test_korean_pages_link_the_feed_as_english_and_cite_themselves_as_korean(korean_pages, site):
    import json

    for address, page in korean_pages.items():
        if address == "ko/404.html":
            continue
        for link in page.select('[type="application/atom+xml"]'):
            assert link.get("hreflang") == "en", f"{address}: {link}"
            said = link.get("title") or link.get_text() + str(link.next_sibling or "")  # the link or the words after it
            assert "영어" in said, f"{address}: {link} does not say the feed is English"
        if page.select_one("#cite-this-page"):
            assert page.select_one("#citation-korean"), f"{address}: no Korean citation form"
            assert not page.select_one(".cite-this-edition"), f"{address}: the dated editions are English"
            name = address.removeprefix("ko/").removesuffix(".html")
            assert "LA  - ko" in (site / "ko" / "cite" / f"{name}.ris").read_text(encoding="utf-8")
            item = json.loads((site / "ko" / "cite" / f"{name}.json").read_text(encoding="utf-8"))[0]
            assert item["language"] == "ko", address


def test_a_korean_page_names_its_reviewed_date_as_the_check_against_its_twin(korean_pages):
    """reviewed: on a Korean page is the day it was last checked against the English page, not a
    Korean-reading editor's review (the translation line says none has reviewed it)."""
    for address, page in korean_pages.items():
        dates = page.select_one(".page-updated")
        if dates and dates.find("time", datetime=True) and "·" in dates.get_text():
            assert "영어판 대조 확인" in dates.get_text() and "검토" not in dates.get_text(), address


@pytest.mark.unit
def test_a_passed_checkpoint_and_a_recurring_date_in_korean_words():
    import datetime

    from explainer.edition_ko import korean_date, load_strings, strings_for, timeline_labels
    from explainer.timeline import LABELS, passed_note

    entry = {"id": "scm", "kind": "scheduled", "date": "2026-11", "title": "SCM"}
    passed = {"due": (datetime.date(2026, 11, 1), datetime.date(2026, 11, 30)), "report": None}
    today = datetime.date(2026, 12, 7)
    english = passed_note(entry, passed, today)
    assert "<strong>Date passed</strong> (November 2026). The editors have found no report of it as of" in english
    labels = {**LABELS, **timeline_labels(strings_for(load_strings(ROOT), "ko"))}
    korean = passed_note(entry, passed, today, labels, korean_date)
    assert "(2026년 11월). 편집진은 2026년 12월 7일 현재 이에 관한 보도를 찾지 못했다." in korean
    assert "Date passed" not in korean
    assert labels["recurs_each"].format(month="March", month_number=3) == "매년 3월"


def test_english_on_korean_pages_is_marked(korean_pages):
    """What stays English on a Korean page says so: footnotes' source lines and the source words under
    them (an English source's), and the colour switch and abbreviations are in the edition's words or marked."""
    for address, page in korean_pages.items():
        for note in page.select(".footnote li"):
            line = note.find("p")
            first = line.find(True) if line else None
            if line and not re.search("[가-힣]", line.get_text().split("출처 목록")[0]):
                assert first is not None and first.get("lang") == "en", f"{address}#{note.get('id')}: {line}"
        for quote in page.select(".footnote-excerpt q"):
            if not re.search("[가-힣]", quote.get_text()):
                assert quote.get("lang") == "en", f"{address}: {quote}"
        for abbr in page.select("abbr[title]"):
            assert abbr.get("lang") == "en", f"{address}: {abbr}"


@pytest.mark.unit
def test_the_strings_tables_english_is_what_the_english_edition_writes():
    """The map's and the timeline's English words live in the code (their English output is held by
    other tests); the strings table repeats them, and must not drift from them."""
    from explainer import map as korea_map
    from explainer import mkdocs_adapter, timeline
    from explainer.edition_ko import load_strings, strings_for, timeline_labels

    english = strings_for(load_strings(ROOT), "en")
    assert english["map_caption"] == mkdocs_adapter.MAP_CAPTION
    assert english["map_description"] == mkdocs_adapter.MAP_DESCRIPTION
    assert {k: english[k] for k in korea_map.WORDS} == korea_map.WORDS
    assert timeline_labels(english) == timeline.LABELS
