"""Korean search (issue #22): tests/ko_queries.yml, what a Korean newcomer types, typed into the Korean
edition's own search box, hosted and from disk. Every query must find something, and at least 85 % must
put a right page (or section) first. The figures are printed at the end of the run (conftest.py).

Material's search does not segment Hangul; the Korean index carries hidden keywords per entry
(explainer/search.py, with_korean_keywords): the unit tests below hold that wiring on small indexes."""

from pathlib import Path

import pytest
import yaml
from test_search_queries import assert_answers_exist, run_queries, where

from explainer.korean import search_keywords
from explainer.search import KOREAN_FIELD, english_boosts, korean_keywords, with_korean_keywords

ROOT = Path(__file__).resolve().parent.parent
QUERIES = yaml.safe_load((Path(__file__).parent / "ko_queries.yml").read_text(encoding="utf-8"))
FIRST_FLOOR = 0.85
# What Material's search box shows, once ready, when empty: its words in the page's language.
IDLE = "() => JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"


def test_the_korean_set_names_sections_of_the_english_twins(html_pages):
    """Answers are Korean addresses; a Korean page has its English twin's name and anchors (the pair check),
    so the English pages say whether an answer can exist, also before its Korean page is translated."""
    assert len(QUERIES) >= 30
    assert_answers_exist(QUERIES, html_pages)


@pytest.mark.browser
def test_korean_readers_find_something_and_mostly_the_right_place_first(visit, site, site_root, search_hit_rates):
    reader = visit(viewport={"width": 1400, "height": 900})
    start = "index.html" if (site / "ko" / "index.html").is_file() else "faq.html"
    reader.page.goto(site_root + "ko/" + start)
    outcomes = run_queries(reader.page, QUERIES, idle=reader.page.evaluate(IDLE))
    mode = "from disk" if site_root.startswith("file:") else "hosted"
    empty = [o.query for o in outcomes if not o.landings]
    first = sum(o.first for o in outcomes)
    top_3 = sum(o.top_3 for o in outcomes)
    misses = [f"{o.query!r} -> {[where(a) for a in o.landings]}" for o in outcomes if o.landings and not o.first]
    total = len(outcomes)
    search_hit_rates.append(
        f"Korean set, {mode}: right first {first}/{total} ({first / total:.0%}), top three {top_3}/{total} "
        f"({top_3 / total:.0%}), empty {len(empty)}: {empty or 'none'}; missed first: {'; '.join(misses) or 'none'}"
    )
    assert not empty, f"{mode}: nothing found for {empty}"
    assert first / total >= FIRST_FLOOR, "\n".join(
        [f"{mode}: right first {first}/{total} (floor {FIRST_FLOOR:.0%})", *misses]
    )


# ---- The wiring, on small indexes ----

TERMS = {"전시작전통제권": ["전작권", "전작권 전환", "전작권전환"], "주한미군": ["USFK"]}


@pytest.mark.unit
def test_an_entry_gets_its_terms_variants_its_infixes_and_its_numbers_in_digits():
    words = korean_keywords("<p>전시작전통제권 전환 일정과 주한미군 2만8500명</p>", TERMS)
    assert words[:4] == ["전작권", "전작권 전환", "전작권전환", "USFK"]  # the glossary's variants first
    assert "28500" in words and "28,500" in words  # 2만8500명 as a reader types it
    assert "작전통제권" in words and "미군" in words  # suffixes: lunr matches a word's start only
    assert "전환일정과" not in words  # adjacent words are not joined: the glossary gives the spacings that matter
    assert "전환" not in words and "p" not in words  # a word of the text, or markup, is never a keyword


@pytest.mark.unit
def test_words_apart_are_never_joined_and_variants_of_absent_terms_never_added():
    words = search_keywords("검증을 2028년 이후로, 연합뉴스(서울)는 전환 일정")
    assert "전환일정" in words  # only spaces between them
    assert "검증을년" not in words and "년이후로" not in words  # a number stands between them; 년 is its unit
    assert "이후로연합뉴스" not in words and "연합뉴스서울" not in words  # a comma, a bracket between them
    assert not {"전작권", "USFK"} & set(korean_keywords("검증을 2028년 이후로", TERMS))


@pytest.mark.unit
def test_the_longest_infixes_are_kept_first():
    words = korean_keywords("전시작전통제권은", {}, cap=2)
    assert words == ["시작전통제권은", "작전통제권은"]


@pytest.mark.unit
def test_keywords_are_capped_with_the_variants_kept():
    long_text = "전시작전통제권 " + " ".join(f"가나다라마바사{chr(0xAC00 + i)}" for i in range(200))
    words = korean_keywords(long_text, TERMS, cap=10)
    assert len(words) == 10 and words[:3] == ["전작권", "전작권 전환", "전작권전환"]


@pytest.mark.unit
def test_the_korean_index_gets_keywords_tags_and_its_twins_ranks():
    index = {
        "config": {},
        "docs": [
            {"location": "alliance.html#wartime-operational-control", "title": "전시작전통제권", "text": "<p>전환</p>"},
            {"location": "sources.html", "title": "출처", "text": ""},
            {"location": "about.html", "title": "소개", "text": "", "boost": 0.5},
        ],
    }
    missing = with_korean_keywords(
        index,  # type: ignore[arg-type]
        TERMS,
        {"alliance.md#wartime-operational-control": ["작통권"], "alliance.md#gone": ["x"]},
        {"sources.md": 0.05, "about.md": 0.9},
    )
    opcon, sources, about = index["docs"]
    assert "전작권전환" in opcon[KOREAN_FIELD].split(" ") and isinstance(opcon[KOREAN_FIELD], str)
    assert opcon["tags"] == ["작통권"]  # data/ko/search.yml, as English data/search.yml
    assert sources["boost"] == 0.05  # ranked as its English twin
    assert about["boost"] == 0.5  # a Korean page's own boost stays
    assert KOREAN_FIELD not in sources  # nothing to add: no empty field
    assert missing == ["alliance.md#gone"]


@pytest.mark.unit
def test_english_boosts_are_read_from_front_matter(tmp_path):
    (tmp_path / "sources.md").write_text("---\ntitle: Sources\nsearch:\n  boost: 0.05\n---\n# S\n", encoding="utf-8")
    (tmp_path / "alliance.md").write_text("---\ntitle: Alliance\n---\n# A\n", encoding="utf-8")
    assert english_boosts(tmp_path) == {"sources.md": 0.05}


def test_the_korean_index_carries_keywords_and_ranks_reference_pages_below(site):
    import json

    index = json.loads((site / "ko" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["fields"][KOREAN_FIELD]["boost"] < index["config"]["fields"]["text"]["boost"]
    assert any(doc.get(KOREAN_FIELD) for doc in index["docs"])
    boosts = {doc["location"]: doc.get("boost", 1) for doc in index["docs"]}
    for page in ("editions.html", "changelog.html", "how-to-cite.html", "sources.html", "about.html"):
        assert boosts[page] < 1, page
    offline = (site / "ko" / "search" / "search_index.js").read_text(encoding="utf-8")
    assert f'"{KOREAN_FIELD}":' in offline  # the copy read from disk has them too


@pytest.mark.unit
def test_the_korean_search_files_are_checked_against_their_schemas(tmp_path):
    from explainer.data import DataError
    from explainer.search import load_search, load_terms

    assert load_terms(ROOT)["전시작전통제권"] and load_search(ROOT, "ko/search.yml")  # the real files load
    (tmp_path / "data" / "ko").mkdir(parents=True)
    (tmp_path / "data" / "ko" / "terms.yml").write_text(
        "- {term: 전작권, english: OPCON, variants: []}\n", encoding="utf-8"
    )
    with pytest.raises(DataError, match="variants"):
        load_terms(tmp_path)
    (tmp_path / "data" / "ko" / "search.yml").write_text("- {page: 동맹.md, keywords: [전작권]}\n", encoding="utf-8")
    with pytest.raises(DataError, match="page"):
        load_search(tmp_path, "ko/search.yml")


@pytest.mark.unit
def test_a_section_of_an_untranslated_page_waits_and_any_other_is_a_mistake(tmp_path):
    from explainer.edition_ko import awaits_translation

    (tmp_path / "docs").mkdir()
    (tmp_path / "ko").mkdir()
    (tmp_path / "docs" / "alliance.md").write_text("# A\n", encoding="utf-8")
    (tmp_path / "docs" / "faq.md").write_text("# F\n", encoding="utf-8")
    (tmp_path / "ko" / "faq.md").write_text("# F\n", encoding="utf-8")
    assert awaits_translation(tmp_path, "alliance.md")
    assert not awaits_translation(tmp_path, "faq.md")  # translated: its sections must exist
    assert not awaits_translation(tmp_path, "nowhere.md")  # no such page in either edition


def test_a_korean_keyword_for_a_section_that_does_not_exist_fails_the_build(broken_copy):
    broken_copy.edit("data/ko/search.yml", "glossary.md#cfc", "glossary.md#cfc-gone")
    broken_copy.assert_build_fails_naming("data/ko/search.yml", "glossary.md#cfc-gone")
