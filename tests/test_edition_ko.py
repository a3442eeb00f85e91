"""The Korean edition's build steps (explainer/edition_ko.py), on small hand-written inputs."""

import datetime
from pathlib import Path

import pytest

from explainer import edition_ko
from explainer.evidence import Block

pytestmark = pytest.mark.unit
ROOT = Path(__file__).resolve().parents[1]

RECORD = [
    {"id": "fix-2", "date": datetime.date(2026, 12, 9), "kind": "correction", "pages": ["faq.md#x"]},
    {"id": "add-1", "date": datetime.date(2026, 12, 8), "kind": "update", "pages": ["alliance.md"]},
    {"id": "first", "date": datetime.date(2026, 11, 27), "kind": "new", "pages": ["alliance.md", "faq.md"]},
]
META = {
    "english_revision": "first",
    "translated": datetime.date(2026, 12, 7),
    "translator": "편집진",
}


def test_korean_dates():
    assert edition_ko.korean_date(datetime.date(2026, 6, 4)) == "2026년 6월 4일"
    assert edition_ko.korean_date("2026-06") == "2026년 6월"
    assert edition_ko.korean_date("2026") == "2026년"


def test_the_korean_address_is_the_english_one_and_ko():
    assert edition_ko.site_url("https://example.org/seoul/") == "https://example.org/seoul/ko/"
    assert edition_ko.site_url("https://example.org/seoul/ko/") == "https://example.org/seoul/ko/"


def test_the_navigation_keeps_only_the_korean_pages_in_the_english_order():
    english = [
        {"Overview": "index.md"},
        {"The alliance": "alliance.md"},
        {"Reference": [{"FAQ": "faq.md"}, {"Sources": "sources.md"}]},
    ]
    assert edition_ko.navigation(english, {"faq.md": "자주 묻는 질문", "alliance.md": "한미동맹"}) == [
        {"한미동맹": "alliance.md"},
        {"Reference": [{"자주 묻는 질문": "faq.md"}]},
    ]


def test_the_translation_record_is_required_and_names_a_change():
    assert edition_ko.front_matter_problems(META, ["first"]) == []
    found = edition_ko.front_matter_problems({"english_revision": "nope", "translated": "soon"}, ["first"])
    assert any("translator" in f for f in found)
    assert any("'translated: soon' must be a real date" in f for f in found)
    assert any("'english_revision: nope' is no entry" in f for f in found)


def test_an_update_not_carried_over_is_dated_and_a_correction_named():
    stale = edition_ko.not_carried_over("alliance.md", "first", RECORD)
    assert stale.updates == ("add-1",) and stale.corrections == ()
    assert edition_ko.newest_date(stale.updates, RECORD) == datetime.date(2026, 12, 8)
    assert edition_ko.not_carried_over("faq.md", "first", RECORD).corrections == ("fix-2",)


def test_the_header_has_the_notice_only_when_the_english_page_changed():
    plain = edition_ko.header_markdown("alliance.md", META, None, datetime.date(2026, 11, 27))
    assert "영어판이" not in plain
    assert 'href="../alliance.html"' in plain and "2026년 12월 7일" in plain
    assert "2026년 11월 27일 영어판 기준" in plain, "the revision is shown by its date, readers' terms"
    notice = edition_ko.header_markdown("alliance.md", META, datetime.date(2026, 12, 8), datetime.date(2026, 11, 27))
    assert "영어판이 2026년 12월 8일에 수정되었습니다. 이 번역에는 아직 반영되지 않았습니다." in notice


def test_the_header_goes_under_the_title():
    page = "# 한미동맹 {#title}\n본문\n"
    assert edition_ko.with_header(page, "HEADER").split("\n")[:3] == ["# 한미동맹 {#title}", "", "HEADER"]


EVIDENCE = {
    "reuters": "South Korea is capable of taking primary responsibility. About 28,500 U.S. troops are stationed.",
    "yonhap-ko": "국방전략은 한국이 “주된 책임”을 질 수 있다고 밝혔다. 주한미군 2만8500명.",
}


def findings(text: str, *cited: str) -> list[str]:
    return [f"{f.kind}:{f.value}" for f in edition_ko.check_blocks([Block(text, list(cited))], EVIDENCE).findings]


def test_korean_figures_are_read_by_value():
    assert findings("주한미군 2만8500명이 주둔한다.", "reuters") == []
    assert findings("주한미군 2만9500명이 주둔한다.", "reuters") == ["figure:29500"]
    assert findings("2026년 6월 4일에 발표했다.", "reuters") == []  # dates are not figures


def test_a_marked_translation_holds_its_english_original_to_the_evidence():
    assert findings("“주된 책임”(“primary responsibility”)을 진다.", "reuters") == []
    assert findings("“주된 책임”(“main responsibility”)을 진다.", "reuters") == ["quotation:main responsibility"]


def test_an_unmarked_korean_quotation_must_be_a_korean_sources_words():
    assert findings("연합뉴스는 “주된 책임”이라고 옮겼다.", "yonhap-ko") == []
    assert findings("“일차적 책임”이라고 옮겼다.", "yonhap-ko") == ["quotation:일차적 책임"]
    assert findings("“주된 책임”이라고 옮겼다.", "reuters") == ["quotation:주된 책임"]


def test_a_korean_page_must_have_every_registered_anchor_of_its_twin():
    registered = {"alliance.html": {"title", "burden-sharing"}}
    assert edition_ko.twin_problems("alliance.html", {"title", "burden-sharing", "_1"}, registered) == []
    assert edition_ko.twin_problems("alliance.html", {"title"}, registered) == ["ko/alliance.html#burden-sharing"]


def test_an_overlay_names_an_unknown_id_and_an_empty_text(tmp_path):
    from explainer.data import ExplainerError

    (tmp_path / "data" / "ko").mkdir(parents=True)
    overlay = tmp_path / "data" / "ko" / "timeline.yml"
    overlay.write_text("- id: first\n  title: 첫째\n  summary: 요약\n", encoding="utf-8")
    assert edition_ko.load_overlay(tmp_path, "data/ko/timeline.yml", ["first"]) == {
        "first": {"title": "첫째", "summary": "요약"}
    }
    with pytest.raises(ExplainerError, match=r"data/ko/timeline\.yml: entry 'first', field 'id': no entry 'first'"):
        edition_ko.load_overlay(tmp_path, "data/ko/timeline.yml", ["other"])
    overlay.write_text("- id: first\n  title: 첫째\n  summary: ''\n", encoding="utf-8")
    with pytest.raises(ExplainerError, match="field 'summary': needs a non-empty Korean text"):
        edition_ko.load_overlay(tmp_path, "data/ko/timeline.yml", ["first"])
    assert edition_ko.load_overlay(tmp_path, "data/ko/places.yml", ["x"]) == {}  # no overlay yet


def test_the_korean_timeline_takes_the_overlay_and_marks_what_stays_english():
    entries = [
        {"id": "a", "kind": "history", "title": "A", "summary": "Sa"},
        {"id": "b", "kind": "phase", "title": "B", "summary": "Sb"},
        {"id": "c", "kind": "history", "title": "C", "summary": "Sc"},
    ]
    overlay = {"a": {"title": "가", "summary": "요약 가"}, "b": {"title": "나", "summary": "요약 나"}}
    korean = edition_ko.korean_timeline(entries, overlay)
    assert [(e["title"], e.get("lang"), e.get("phase_lang")) for e in korean] == [
        ("가", None, None),
        ("나", None, "en"),
        ("C", "en", None),
    ]
    assert entries[0]["title"] == "A"  # the English data is untouched


def test_the_timeline_speaks_korean_with_korean_labels_and_dates():
    from explainer import timeline

    strings = edition_ko.strings_for(edition_ko.load_strings(ROOT), "ko")
    entries = [
        {
            "id": "a",
            "kind": "history",
            "date": "2026-06-04",
            "title": "가",
            "summary": "요약",
            "sources": [],
            "page": "x.md",
        }
    ]
    html = timeline.render(
        entries, "timeline.md", {}, labels=edition_ko.timeline_labels(strings), date=edition_ko.korean_date
    )
    assert "## 이미 일어난 일 {#past}" in html and "2026년 6월 4일" in html and "역사" in html and "최신" in html
    assert set(timeline.LABELS) == set(edition_ko.timeline_labels(strings)), "data/ko/strings.yml lacks timeline words"


# ---- ordinals of names and terms, and English number words in the evidence ----

ORDINAL_EVIDENCE = {
    "jinf": "we will erect a strong denial defense along the First Island Chain",
    "aju": "we are likely to see some form of attempt to reduce troop levels",
    "patriot": "Two Patriot batteries were moved.",
    "ians": "to be carried out during the president's five-year term",
    "herald": "the brigade will operate in South Korea for nine months",
    "kbs": "aiming to complete the talks within two years",
    "kbs-3": "aiming to complete the talks within three years",
    "yonhap": "the final stage could be completed in about one year",
}


def ordinal_findings(text: str, english: str, *cited: str) -> list[str]:
    ordinals = edition_ko.twin_ordinals(english)
    result = edition_ko.check_blocks([Block(text, list(cited))], ORDINAL_EVIDENCE, ordinals=ordinals)
    return [f"{f.kind}:{f.value}" for f in result.findings]


def test_an_ordinal_the_english_twin_writes_is_a_name_not_a_figure():
    english = "The strategy names the First Island Chain. Under the second Trump administration. The ninth congress."
    assert ordinal_findings("전략은 제1도련선을 따라 방어를 구축한다.", english, "jinf") == []
    assert ordinal_findings("트럼프 2기에 병력을 줄이려 할 수 있다.", english, "aju") == []
    assert ordinal_findings("노동당 제9차 당대회를 마무리했다.", english, "aju") == []
    assert ordinal_findings("제2보병사단", "the 2nd Infantry Division", "aju") == []


def test_an_ordinal_form_is_still_a_figure_where_the_english_twin_has_no_such_ordinal():
    # Without the twin's ordinal the Korean forms are figures, held to the evidence as before.
    assert ordinal_findings("전략은 제1도련선을 따라 방어를 구축한다.", "The island chain.", "jinf") == ["figure:1"]
    assert ordinal_findings("트럼프 2기에 병력을 줄이려 할 수 있다.", "Under Trump.", "aju") == ["figure:2"]
    # A counter (two batteries: 포대 2기) is a real figure: "two" is no ordinal of the twin.
    assert ordinal_findings("패트리엇 포대 3기가 옮겨졌다.", "Two Patriot batteries.", "patriot") == ["figure:3"]
    # Another value than the twin's ordinal stays a figure, and so does a plain number beside it.
    assert ordinal_findings("제3차 당대회", "The ninth congress.", "aju") == ["figure:3"]
    assert ordinal_findings("제9차 당대회에서 9명이 뽑혔다.", "The ninth congress.", "aju") == ["figure:9"]
    assert ordinal_findings("9차례 만났다.", "The ninth congress.", "aju") == ["figure:9"]  # nine times, no ordinal


def test_a_korean_figure_is_held_by_an_english_number_word_of_the_same_value():
    assert findings_in("대통령의 5년 임기 동안", "ians") == []
    assert findings_in("9개월 동안 작전한다.", "herald") == []
    assert findings_in("2년 안에 협상을 마치는 것을 목표로", "kbs") == []
    assert findings_in("1년 정도면 마칠 수 있다.", "yonhap") == []


def test_an_english_number_word_of_another_value_holds_no_korean_figure():
    assert findings_in("2년 안에 협상을 마치는 것을 목표로", "kbs-3") == ["figure:2"]
    assert findings_in("대통령의 4년 임기 동안", "ians") == ["figure:4"]
    assert findings_in("10개월 동안 작전한다.", "herald") == ["figure:10"]


def findings_in(text: str, *cited: str) -> list[str]:
    return [
        f"{f.kind}:{f.value}" for f in edition_ko.check_blocks([Block(text, list(cited))], ORDINAL_EVIDENCE).findings
    ]


def test_the_korean_pages_citations_count_as_cited(tmp_path):
    (tmp_path / "alliance.md").write_text("이재명 대통령은 말했다.[^sbs-lee-cabinet][^herald-lee]\n", encoding="utf-8")
    (tmp_path / "faq.md").write_text("없다.[^reuters]\n", encoding="utf-8")
    assert edition_ko.cited_sources(tmp_path) == {"sbs-lee-cabinet", "herald-lee", "reuters"}
