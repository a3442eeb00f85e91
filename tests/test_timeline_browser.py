"""The timeline as a phone reader and a reader without JavaScript get it."""

import pytest

pytestmark = pytest.mark.browser


def test_timeline_reads_without_javascript(visit, http_site):
    reader = visit(java_script_enabled=False)
    reader.page.goto(http_site + "timeline.html")
    entries = reader.page.locator("li.timeline-entry")
    assert entries.count() >= 30
    assert entries.first.is_visible()
    assert reader.page.locator("#nds-released time").inner_text() == "23 January 2026"


@pytest.mark.parametrize("page", ["timeline.html", "deterrence.html", "rationale.html", "sources.html"])
def test_no_sideways_scrolling_on_a_360px_phone(visit, http_site, page):
    reader = visit(viewport={"width": 360, "height": 740}, is_mobile=True)
    reader.page.goto(http_site + page)
    overflow = reader.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page} scrolls sideways by {overflow}px on a 360px screen"


def test_earlier_history_folds_behind_one_control_on_a_phone_only(visit, http_site):
    phone = visit(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True).page
    phone.goto(http_site + "timeline.html")
    earlier = phone.locator("details.timeline-earlier")
    treaty = phone.locator("#treaty-signed")
    assert earlier.locator("summary").is_visible() and not treaty.is_visible()
    earlier.locator("summary").tap()
    assert treaty.is_visible()
    phone.goto(http_site + "timeline.html#opcon-conditions-2014")  # a cited entry opens itself
    phone.wait_for_function("document.querySelector('details.timeline-earlier').open", timeout=5000)
    wide = visit(viewport={"width": 1200, "height": 800}).page
    wide.goto(http_site + "timeline.html")
    assert wide.locator("#treaty-signed").is_visible()
    assert not wide.locator("details.timeline-earlier summary").is_visible()
