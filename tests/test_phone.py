"""A reader on a phone: figures fit the screen without scrolling inside the page, statement
boxes read at body size, and the address bar keeps the page's address. A tap on a footnote:
test_footnote_tooltips.py."""

import pytest

pytestmark = pytest.mark.browser

PHONES = [320, 390]  # the narrowest phones in use, and a common one

# Per figure: how far it or anything inside it scrolls sideways (0 when it fits).
OVERFLOWS = """() => [...document.querySelectorAll('article figure')].map(figure => ({
    id: figure.id,
    overflow: Math.max(figure.scrollWidth - figure.clientWidth,
                       figure.getBoundingClientRect().right - document.documentElement.clientWidth,
                       ...[...figure.querySelectorAll('*')].map(e => e.scrollWidth - e.clientWidth)),
}))"""


def figure_pages(html_pages) -> list[str]:
    return [path for path, soup in html_pages.items() if soup.select("article figure") and path != "print.html"]


@pytest.mark.parametrize("width", PHONES)
def test_every_figure_fits_a_phone_without_scrolling_inside_the_page(visit, http_site, html_pages, width):
    reader = visit(viewport={"width": width, "height": 800}, is_mobile=True, has_touch=True)
    pages = figure_pages(html_pages)
    assert pages, "no page has a figure: the test would check nothing"
    too_wide = []
    for path in pages:
        reader.page.goto(http_site + path)
        too_wide += [
            f"{path}#{f['id']}: {f['overflow']}px" for f in reader.page.evaluate(OVERFLOWS) if f["overflow"] > 1
        ]
        page_overflow = reader.page.evaluate("document.documentElement.scrollWidth - innerWidth")
        if page_overflow > 0:
            too_wide.append(f"{path}: the page scrolls sideways by {page_overflow}px")
    assert not too_wide, f"at {width}px: {too_wide}"


def test_a_comparison_is_stacked_cards_that_name_their_columns_on_a_phone(visit, http_site):
    reader = visit(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True)
    reader.page.goto(http_site + "deterrence.html")
    figure = reader.page.locator("figure.figure-comparison")
    assert not figure.locator("thead").is_visible(), "the header row shows: the table was not stacked"
    first_row = figure.locator("tbody tr").first
    assert first_row.evaluate("tr => getComputedStyle(tr).display") == "block"
    labels = first_row.locator(".cell-label").all_inner_texts()
    assert [label.lower() for label in labels] == ["today", "after the shift"]
    reader.page.set_viewport_size({"width": 1200, "height": 800})
    assert figure.locator("thead").is_visible() and not first_row.locator(".cell-label").first.is_visible()


def test_statement_boxes_read_at_body_size_and_the_strategy_s_words_larger(visit, http_site):
    reader = visit(viewport={"width": 1200, "height": 800})
    reader.page.goto(http_site + "deterrence.html")
    size = reader.page.evaluate(
        """selector => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize)""", "article > p"
    )
    sizes = {
        kind: reader.page.evaluate(
            "selector => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize)",
            f".admonition.{kind} p:not(.admonition-title), .admonition.{kind} li",
        )
        for kind in ("keypoints", "document", "analysis", "implication", "open-question")
    }
    assert all(value >= size for value in sizes.values()), f"body text {size}px, boxes {sizes}"
    assert sizes["document"] > size, "what the strategy says should carry the weight of a quotation"


def test_scrolling_leaves_the_address_alone(visit, http_site):
    """Material's navigation.tracking would put the last heading passed into the address bar
    (it follows the table of contents, shown from 1220px)."""
    reader = visit(viewport={"width": 1400, "height": 800})
    page = reader.page
    page.goto(http_site + "alliance.html")
    for _ in range(12):
        page.mouse.wheel(0, 500)
        page.wait_for_timeout(200)
    assert page.evaluate("scrollY") > 3000, "the page did not scroll"
    assert page.evaluate("location.href") == http_site + "alliance.html"
