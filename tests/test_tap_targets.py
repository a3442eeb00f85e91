"""A reader on a phone taps what they mean to: footnote markers, "Cite this section" toggles and
timeline entry links are at least 24 px targets, and no two footnote markers' centres are
within 24 px (WCAG 2.5.8); the BibTeX box does not scroll sideways; "Cite" under the title
leads to the cite box."""

import itertools

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 780}
MIN = 24
PAGES = ["the-strategy.html", "us-forces.html", "alliance.html", "timeline.html", "deterrence.html"]

SIZES = """selector => [...document.querySelectorAll(selector)].filter(e => e.getClientRects().length).map(e => {
    const r = e.getBoundingClientRect();
    return {w: r.width, h: r.height, x: r.left + r.width / 2 + scrollX, y: r.top + r.height / 2 + scrollY};
})"""


def small(targets):
    return [t for t in targets if t["w"] < MIN - 0.5 or t["h"] < MIN - 0.5]


@pytest.mark.parametrize("path", PAGES)
def test_footnote_markers_are_24px_targets_24px_apart(visit, http_site, path):
    reader = visit(viewport=PHONE, is_mobile=True, has_touch=True)
    reader.page.goto(http_site + path)
    markers = reader.page.evaluate(SIZES, "article a.footnote-ref")
    assert markers, f"{path}: no footnote markers"
    assert not small(markers), f"{path}: {len(small(markers))} markers smaller than 24 px, e.g. {small(markers)[:3]}"
    close = [
        (a, b)
        for a, b in itertools.pairwise(markers)
        if ((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5 < MIN - 0.5
    ]
    assert not close, f"{path}: {len(close)} pairs of markers closer than 24 px, e.g. {close[:2]}"


def test_cite_toggles_and_entry_links_are_24px_targets(visit, http_site):
    reader = visit(viewport=PHONE, is_mobile=True, has_touch=True)
    reader.page.goto(http_site + "alliance.html")
    toggles = reader.page.evaluate(SIZES, "details.cite-section > summary")
    assert toggles and all(t["h"] >= MIN - 0.5 for t in toggles), toggles[:3]
    reader.page.goto(http_site + "timeline.html")
    links = reader.page.evaluate(SIZES, "a.entry-link")
    assert links and not small(links), small(links)[:3]


def test_cite_under_the_title_opens_the_cite_box_and_bibtex_does_not_scroll_sideways(visit, http_site):
    reader = visit(viewport=PHONE, is_mobile=True, has_touch=True)
    reader.page.goto(http_site + "us-forces.html")
    cite = reader.page.locator("article .title-meta a.cite-link")
    assert cite.get_attribute("href") == "#cite-this-page-address"  # inside the box: the browser opens it
    cite.click()
    box = reader.page.locator("details#cite-this-page")
    assert box.evaluate("d => d.open"), "the cite box did not open"
    overflow = reader.page.evaluate("""() => { const c = document.querySelector('.citation-bibtex pre > code');
                                              return c.scrollWidth - c.clientWidth; }""")
    assert overflow <= 1, f"the BibTeX box scrolls sideways by {overflow}px"
