"""The Korean edition as built with the site (site/ko/): each Korean page and its English twin."""

import re

import pytest

from explainer.downloads import KO_PDF_NAME, PDF_NAME

TRANSLATION_LINE = "p.ko-translation"


@pytest.fixture(scope="module")
def twins(korean_pages, html_pages):
    pairs = {
        address.removeprefix("ko/"): page for address, page in korean_pages.items() if page.select_one(TRANSLATION_LINE)
    }
    assert pairs, "the Korean edition has no translated page"
    return [(address, html_pages[address], page) for address, page in sorted(pairs.items())]


def test_korean_pages_are_korean_and_say_they_are_translations(twins):
    for address, _, korean in twins:
        assert korean.html["lang"] == "ko", address
        line = korean.select_one(TRANSLATION_LINE)
        assert line.find("a", href=f"../{address}"), (
            f"ko/{address}: the translation line does not link the English page"
        )
        assert re.search(r"\d{4}년 \d{1,2}월 \d{1,2}일", line.get_text()), f"ko/{address}: no Korean date"
        reporting = korean.select_one(".reporting-through").get_text()
        assert "보도 기준" in reporting and re.search(r"\d{4}년 \d{1,2}월 \d{1,2}일", reporting), address


def test_twins_link_each_other_relatively_and_by_hreflang_with_full_addresses(twins, site):
    for address, english, korean in twins:
        for page, own, other, href in ((english, "en", "ko", f"ko/{address}"), (korean, "ko", "en", f"../{address}")):
            link = page.select_one("a.edition-link")
            assert link and link["href"] == href and link["hreflang"] == other, f"{own} {address}: {link}"
            alternates = {tag["hreflang"]: tag["href"] for tag in page.select("link[hreflang]")}
            assert set(alternates) == {"en", "ko", "x-default"}, f"{own} {address}: {alternates}"
            assert alternates["ko"].endswith(f"/ko/{address}") and alternates["ko"].startswith("http")
            assert alternates["en"] == alternates["x-default"] and alternates["en"].endswith(f"/{address}")
            assert "alternate" in page.select_one("link[hreflang]")["rel"]
        assert (site / "ko" / address).is_file() and (site / address).is_file()


def test_korean_pages_link_what_only_the_english_edition_has_one_folder_up(korean_pages, site):
    for address, page in korean_pages.items():
        if address == "ko/404.html":
            continue
        for link in page.select("a[href]"):
            href = link["href"].split("#")[0]
            if href and not re.match(r"[a-z]+:", href) and not href.endswith((PDF_NAME, KO_PDF_NAME)):  # printed later
                assert (site / "ko" / href).resolve().exists(), f"{address}: {link['href']} leads nowhere"


def test_every_korean_page_opens_without_errors_or_outside_requests(visit, site_root, korean_pages):
    reader = visit()
    for path in korean_pages:
        reader.page.goto(site_root + path)
        assert reader.page.locator("html").get_attribute("lang") == "ko", path
    allowed = "http://127.0.0.1" if site_root.startswith("http") else "file://"
    assert reader.foreign_requests(allowed) == []
    assert reader.errors == [], f"console errors: {reader.errors}"


def test_the_korean_print_edition_is_korean_with_its_english_marked(korean_pages):
    """ko/print.html: lang="ko", the Korean pages as chapters with Korean apparatus; the site's
    description (English, mkdocs.yml) marked lang="en" on its cover."""
    edition = korean_pages["ko/print.html"]
    assert edition.html["lang"] == "ko"
    chapters = [section["id"] for section in edition.select("section.print-section")]
    translated = [a.removeprefix("ko/").removesuffix(".html") for a in korean_pages if a not in ("ko/print.html",)]
    assert chapters and set(chapters) == set(translated) - {"404"}, (chapters, translated)
    cover = edition.select_one(".print-title-page")
    assert cover.select_one(".print-subtitle")["lang"] == "en"
    assert "보도 기준" in cover.get_text() and "Reporting through" not in cover.get_text()
    assert edition.select_one(".print-contents h2").get_text().startswith("차례")
    assert all(h.get_text() == "주" for h in edition.select(".print-notes-title")), "notes not headed 주"
