"""The Korean edition's readers of Korean text and its pair check, on small hand-written inputs."""

from decimal import Decimal

import pytest

from explainer.korean import (
    english_quantities,
    korean_number,
    korean_quantities,
    marked_translations,
    search_keywords,
    unmarked_quotations,
)
from explainer.pairs import Change, compare, not_carried_over


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("28,500", 28500),
        ("2만8500", 28500),
        ("2만8천500", 28500),
        ("2만 8천500", 28500),
        ("1조5192억", 1519200000000),
        ("3천500억", 350000000000),
        ("66.3조", 66300000000000),
        ("3.5", Decimal("3.5")),
    ],
)
def test_a_korean_number_is_read_by_value(written, value):
    assert korean_number(written) == Decimal(value)


def test_korean_number_refuses_two_numbers():
    with pytest.raises(ValueError, match="not one Korean number"):
        korean_number("3 5")


def test_korean_figures_leave_dates_out_and_keep_counts_of_days():
    text = "2026년 6월 4일 주한미군 2만8500명, 국내총생산(GDP)의 3.5%, 60일 뒤, 2026~2030년"
    assert korean_quantities(text) == {Decimal(28500), Decimal("3.5"), Decimal(60)}


def test_english_figures_read_scale_words_and_leave_dates_out():
    text = "On 4 June 2026, 28,500 troops; 1.5192 trillion won in 2026, 8.3% more; a 60-day wait."
    assert english_quantities(text) == {Decimal(28500), Decimal("1519200000000"), Decimal("8.3"), Decimal(60)}


def test_the_same_figures_in_both_languages_have_the_same_values():
    assert english_quantities("1.5192 trillion won, 28,500 troops") == korean_quantities("1조5192억원, 2만8500명")


def test_a_marked_translation_carries_its_english_original():
    text = "한국이 “주된 책임”(“primary responsibility”)을 질 수 있다고 했다. 연합뉴스는 “매우 중요한 지원”이라고 썼다."
    assert marked_translations(text)[0] == ("주된 책임", "primary responsibility")
    assert unmarked_quotations(text) == ["매우 중요한 지원"]


def test_search_keywords_find_infixes_and_other_spacings():
    keywords = search_keywords("전시작전통제권 전환 일정", {"전시작전통제권": ["전작권"]})
    assert "작전통제권" in keywords  # a suffix: lunr matches prefixes only
    assert "전환일정" in keywords  # adjacent words joined
    assert "전작권" in keywords  # the editors' variant
    assert "전환" not in keywords  # already a word of the text


ENGLISH = """---
title: The alliance
---
# Impact on alliance dynamics {#title}
!!! keypoints "Key points"

    - South Korea pays 1.5192 trillion won in 2026.[^asiae-sma]

## Burden sharing {#burden-sharing}

About 28,500 troops are stationed.[^usfk]

<!-- figure: defense-spending -->

[^asiae-sma]: not a citation
"""

KOREAN = """---
title: 한미동맹
---
# 동맹 관계에 미치는 영향 {#title}
!!! keypoints "핵심"

    - 한국은 2026년 1조5192억원을 부담한다.[^asiae-sma]

## 방위비 분담 {#burden-sharing}

주한미군 2만8500명이 주둔한다.[^usfk]

<!-- figure: defense-spending -->
"""


def test_a_faithful_translation_pairs():
    assert compare("alliance.md", ENGLISH, KOREAN) == []


def test_a_changed_figure_is_named_with_its_section():
    problems = compare("alliance.md", ENGLISH, KOREAN.replace("2만8500명", "2만9500명"))
    assert [str(p) for p in problems] == [
        "alliance.md: section burden-sharing: figures differ: not in the Korean text: 28,500; "
        "not in the English text: 29,500"
    ]


def test_a_dropped_footnote_is_named():
    problems = compare("alliance.md", ENGLISH, KOREAN.replace("[^usfk]", ""))
    assert [str(p) for p in problems] == [
        "alliance.md: section burden-sharing: cited sources differ from the English page: missing ['usfk']"
    ]


def test_a_changed_heading_stops_the_comparison():
    problems = compare("alliance.md", ENGLISH, KOREAN.replace("{#burden-sharing}", "{#costs}"))
    assert len(problems) == 1
    assert "headings differ" in str(problems[0]) and "2#costs" in str(problems[0])


def test_a_missing_box_is_named():
    problems = compare("alliance.md", ENGLISH, KOREAN.replace('!!! keypoints "핵심"', "핵심"))
    assert [p.problem for p in problems] == ["boxes and insertions differ: English ['keypoints'], Korean []"]


RECORD = [
    Change("fix-2", "correction", ["alliance.md#burden-sharing"]),
    Change("other", "update", ["faq.md"]),
    Change("add-1", "update", ["alliance.md"]),
    Change("first", "new", ["alliance.md", "faq.md"]),
]


def test_an_english_update_after_the_translation_is_a_notice_and_a_correction_a_failure():
    assert not_carried_over("alliance.md", "first", RECORD).updates == ("add-1",)
    assert not_carried_over("alliance.md", "first", RECORD).corrections == ("fix-2",)
    assert not_carried_over("alliance.md", "fix-2", RECORD).updates == ()
    assert not_carried_over("faq.md", "other", RECORD).corrections == ()


def test_a_revision_that_is_not_the_pages_is_refused():
    with pytest.raises(ValueError, match="names no change of the English page"):
        not_carried_over("faq.md", "add-1", RECORD)


def test_digits_in_a_name_are_not_figures_but_an_ordinal_is():
    assert korean_quantities("뉴스1과 News1, F-35, FY2026 예산; 제5차 회의") == {Decimal(5)}


def test_day_ranges_are_dates_in_both_languages():
    assert english_quantities("from 9 to 19 March 2026") == set()
    assert korean_quantities("2026년 3월 9일부터 19일까지, 3월 9~19일") == set()


def test_a_number_the_english_spells_out_may_be_digits_in_korean():
    english = "## Term {#term}\n\nA five-year term; the fifth meeting.[^a]\n"
    korean = "## 임기 {#term}\n\n5년 임기; 제5차 회의.[^a]\n"
    assert compare("x.md", english, korean) == []
    assert [p.problem for p in compare("x.md", english, korean.replace("5년", "6년"))] == [
        "figures differ: not in the English text: 6"
    ]


def test_a_korean_page_may_add_korean_language_sources_only():
    english = "## A {#a}\n\nText.[^en]\n"
    korean = "## 가 {#a}\n\n글.[^en][^yonhap-ko]\n"
    assert compare("x.md", english, korean, korean_source=lambda s: s.endswith("-ko")) == []
    assert "added ['other']" in str(compare("x.md", english, korean.replace("yonhap-ko", "other"))[0])


def test_a_range_is_read_to_its_end_in_both_languages_and_a_name_is_not():
    assert korean_quantities("앞으로 6~12개월 안에") == {Decimal(6), Decimal(12)}
    assert korean_quantities("앞으로 6-12개월 안에") == {Decimal(6), Decimal(12)}
    assert english_quantities("in the next 6-12 months") == {Decimal(6), Decimal(12)}
    assert english_quantities("F-35 jets") == set() and korean_quantities("F-35 전투기") == set()
    english = "## Europe {#europe}\n\nAbout 5,000 troops will leave in the next 6-12 months.[^s]\n"
    korean = "## 유럽 {#europe}\n\n약 5000명이 앞으로 6~12개월 안에 철수한다.[^s]\n"
    assert compare("x.md", english, korean) == []
    assert compare("x.md", english, korean.replace("6~12", "6~10")) != []
