"""A footnote's source shown in place (docs/assets/javascripts/footnote-tooltips.js): on a tap,
on keyboard focus and on hover; Enter and a click still jump to the list, Escape closes it."""

import pytest

pytestmark = pytest.mark.browser

TOOLTIP = ".md-tooltip2--active"


def test_a_tap_on_a_footnote_shows_its_source_in_place(visit, http_site):
    reader = visit(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True)
    page = reader.page
    page.goto(http_site + "us-forces.html")
    marker = page.locator("article p a.footnote-ref").first
    marker.scroll_into_view_if_needed()
    before = page.evaluate("scrollY")
    marker.tap()
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for(timeout=5000)
    source = page.locator(f'[id="{marker.get_attribute("href")[1:]}"]').inner_text()  # fn:a+b: no CSS escaping
    assert tooltip.inner_text().split(".")[0] in source, "the tooltip does not show the footnote's source"
    # Under it, the source's own words that hold the statement (the evidence check's match).
    assert "Source's words:" in source and "Source's words:" in tooltip.inner_text(), (
        "the tooltip does not show the source's words under the source"
    )
    box = tooltip.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 800, f"the tooltip is off screen: {box}"
    assert page.evaluate("scrollY") == before and page.evaluate("location.hash") == "", "the tap jumped away"


def test_the_keyboard_opens_a_footnote_tooltip_and_enter_still_jumps(visit, http_site):
    reader = visit(viewport={"width": 1200, "height": 800})
    page = reader.page
    page.goto(http_site + "us-forces.html")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('footnote-ref')"):
            break
    else:
        pytest.fail("Tab never reached a footnote marker")
    page.locator(TOOLTIP).wait_for(timeout=5000)
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_function("hash => location.hash === hash", arg=target, timeout=5000)


def test_hover_shows_the_source_until_the_pointer_leaves_and_escape_closes_it(visit, http_site):
    reader = visit(viewport={"width": 1200, "height": 800})
    page = reader.page
    page.goto(http_site + "us-forces.html")
    marker = page.locator("article p a.footnote-ref").first
    marker.scroll_into_view_if_needed()
    marker.hover()
    tooltip = page.locator(TOOLTIP)
    tooltip.wait_for(timeout=5000)
    assert (
        marker.get_attribute("aria-controls") == tooltip.get_attribute("id")
        and marker.get_attribute("aria-haspopup") == "dialog"
    ), "the marker does not name the tooltip it opened"
    # The pointer can travel from the marker into the tooltip (to follow its link) and it stays.
    box = tooltip.locator(".md-tooltip2__inner").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)
    page.wait_for_timeout(600)
    assert tooltip.count() == 1, "the tooltip closed on the way from the marker to it"
    page.mouse.move(5, 400)
    page.locator(".md-tooltip2").wait_for(state="detached", timeout=5000)
    assert marker.get_attribute("aria-controls") is None
    marker.hover()
    tooltip.wait_for(timeout=5000)
    page.keyboard.press("Escape")
    page.locator(".md-tooltip2").wait_for(state="detached", timeout=5000)
