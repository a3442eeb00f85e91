"""The print edition's apparatus in the edition's language (explainer/print_edition.py, print_pages.py),
on made-up pages: the Korean edition's cover, contents, notes and page numbers are Korean."""

import datetime

import pytest

from explainer import print_edition, print_pages

pytestmark = pytest.mark.unit

KOREAN = {
    "print_edition_of": "{date} 판.",
    "print_reporting_through": "{date} 보도 기준.",
    "print_online": "온라인판: {link}. 주소는 바뀌지 않는다.",
    "print_preview": "로컬 미리보기: {link}",
    "print_pdf": "PDF판: {link}",
    "print_contents": "차례",
    "print_permalink": "이 절의 주소",
    "print_notes": "주",
    "print_page_of": "{page}쪽 / 전체 {pages}쪽",
}
NOTES = (
    '<p>본문<sup id="fnref:a"><a href="#fn:a">1</a></sup></p><div class="footnote"><hr /><ol><li id="fn:a">'
    '<p>출처. <a href="../sources.html#a">출처 목록</a> <span class="footnote-back">돌아가기</span></p></li></ol></div>'
)


def korean_edition(pdf=None):
    chapter = print_edition.Chapter("faq", "자주 묻는 질문", datetime.date(2026, 12, 7), NOTES)
    return print_edition.edition(
        [chapter],
        "Seoul in the Lead",
        "https://example.org/ko/",
        {"iso": "2026-11-30", "text": "2026년 11월 30일"},
        pdf=pdf,
        labels=print_edition.Labels.from_strings(KOREAN),
        day=lambda d: f"{d.year}년 {d.month}월 {d.day}일",
        description_lang="en",
    )


def test_the_korean_cover_and_contents_are_korean():
    html = korean_edition(pdf="seoul-in-the-lead-ko.pdf")
    assert '<time datetime="2026-12-07">2026년 12월 7일</time> 판.' in html
    assert '<p class="print-subtitle" lang="en">' in html
    assert '<time datetime="2026-11-30">2026년 11월 30일</time> 보도 기준.' in html
    assert '온라인판: <a href="https://example.org/ko/">' in html
    assert 'PDF판: <a href="https://example.org/ko/seoul-in-the-lead-ko.pdf">' in html
    assert 'aria-label="차례"><h2 id="contents">차례' in html and 'title="이 절의 주소"' in html
    for english in ("Edition of", "Reporting through", "Online edition", "Contents", "Notes", "Link to this"):
        assert english not in html, english


def test_korean_notes_are_headed_in_korean_without_the_source_list_link():
    html = korean_edition()
    assert '<h3 class="print-notes-title">주</h3>' in html
    assert "출처 목록" not in html and "돌아가기" not in html


def test_a_link_one_folder_up_goes_to_the_english_edition_online():
    html = print_edition.rewrite('<a href="../alliance.html#cfc">연합사</a>', "faq", {"faq"}, "https://example.org/ko/")
    assert 'href="https://example.org/alliance.html#cfc"' in html


def test_page_numbers_in_the_edition_s_words():
    css = print_pages.page_css(
        [("faq", "자주 묻는 질문")], "Seoul in the Lead", "https://example.org/ko/print.html", KOREAN["print_page_of"]
    )
    assert 'content: counter(page) "쪽 / 전체 " counter(pages) "쪽";' in css
    english = print_pages.page_css([], "Seoul in the Lead", "https://example.org/print.html")
    assert 'content: "Page " counter(page) " of " counter(pages);' in english


def test_every_label_needs_its_string():
    with pytest.raises(KeyError):
        print_edition.Labels.from_strings({k: v for k, v in KOREAN.items() if k != "print_notes"})
