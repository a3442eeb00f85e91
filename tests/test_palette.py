"""The light/dark switch (overrides/partials/javascripts/palette.html): the system's choice on
a first visit, the reader's once made, on every page and before the first paint, with the
browser's own parts (scroll bars, a phone's address bar) in the same colours.
Enter on the switch: test_accessibility.py."""

import pytest

pytestmark = pytest.mark.browser

# The palette the page's content is first laid out in: read as soon as <main> is parsed,
# before any script at the end of the page (Material's, for one) has run.
FIRST_SCHEME = """new MutationObserver((records, observer) => {
    if (!document.querySelector('main')) return
    window.__firstScheme = document.body.dataset.mdColorScheme
    observer.disconnect()
}).observe(document, {childList: true, subtree: true})"""


def browser_colours(page) -> dict:
    return page.evaluate("""() => ({
        scheme: document.body.dataset.mdColorScheme,
        colorScheme: document.querySelector('meta[name=color-scheme]').content,
        themeColor: document.querySelector('meta[name=theme-color]').content,
        header: getComputedStyle(document.querySelector('header')).backgroundColor,
    })""")


def test_a_first_visit_follows_the_system_and_a_choice_holds_on_the_next_page(visit, http_site):
    reader = visit(viewport={"width": 1200, "height": 800}, color_scheme="dark")
    page = reader.page
    page.add_init_script(FIRST_SCHEME)
    page.goto(http_site + "index.html")
    assert page.evaluate("window.__firstScheme") == "slate", "a dark system got the light palette first"
    dark = browser_colours(page)
    assert dark["colorScheme"] == "dark"
    page.locator("form[data-palette] label:visible").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
    light = browser_colours(page)
    assert light["colorScheme"] == "light"
    for colours in (dark, light):
        red, green, blue = (int(colours["themeColor"][i : i + 2], 16) for i in (1, 3, 5))
        assert colours["header"] == f"rgb({red}, {green}, {blue})", f"theme-color is not the header's: {colours}"
    page.goto(http_site + "timeline.html")
    assert page.evaluate("window.__firstScheme") == "default", "the reader's choice was lost on the next page"
    assert page.locator("form[data-palette] label:visible").get_attribute("for") == "__palette_1", (
        "the switch does not offer the other palette"
    )
