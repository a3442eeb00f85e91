"""The reader's first minute on a phone: the story before the apparatus. At 360×780, with the
what's-new banner shown and after it is dismissed, every page's title (its H1) starts within
the top 300 px and its key points within the top 500 px; a correction is one short dated line
under the title, not its text above it."""

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 780}
TITLE_WITHIN = 300
KEY_POINTS_WITHIN = 500

POSITIONS = """() => {
    const top = selector => { const e = document.querySelector(selector);
                              return e ? e.getBoundingClientRect().top + scrollY : null; };
    return {title: top('article h1'), keypoints: top('article .admonition.keypoints')};
}"""


def story_pages(html_pages) -> list[str]:
    # print.html is the print edition: a cover, then every chapter; it is read on paper.
    return [
        path
        for path in html_pages
        if "/" not in path and path not in ("print.html", "404.html") and html_pages[path].select_one("article h1")
    ]


@pytest.mark.parametrize("banner", ["shown", "dismissed"])
def test_title_and_key_points_are_on_a_phone_s_first_screen(visit, http_site, html_pages, banner):
    reader = visit(viewport=PHONE, is_mobile=True, has_touch=True)
    pages = story_pages(html_pages)
    assert len(pages) >= 15, pages
    late = []
    for path in pages:
        reader.page.goto(http_site + path)
        shown = reader.page.locator(".md-banner")
        if banner == "dismissed" and shown.is_visible():
            reader.page.locator(".md-banner__button").click()
        assert shown.is_visible() == (banner == "shown"), f"{path}: the banner is not {banner}"
        where = reader.page.evaluate(POSITIONS)
        if where["title"] > TITLE_WITHIN:
            late.append(f"{path}: title at {where['title']:.0f}px")
        if where["keypoints"] is not None and where["keypoints"] > KEY_POINTS_WITHIN:
            late.append(f"{path}: key points at {where['keypoints']:.0f}px")
    assert not late, f"banner {banner}, at 360×780: {late}"


def test_a_correction_is_one_short_dated_line_under_the_title_linking_to_the_history(html_pages):
    for path, soup in html_pages.items():
        line = soup.select_one("article .updated-line")
        if not line:
            continue
        assert line.find_parent("p").find_previous_sibling("h1"), f"{path}: the line is not under the title"
        assert line["href"] == "#page-history" and soup.find(id="page-history"), path
        assert len(line.get_text(" ", strip=True)) <= 30, f"{path}: {line.get_text(' ', strip=True)!r} is not short"
