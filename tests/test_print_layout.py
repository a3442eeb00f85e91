"""A staffer who prints: on paper, body text at 10–11 pt with the boxes no larger, every
source's address in the print edition's source list, no figure split from its caption, and
a contents that promises page numbers only where the PDF printing filled them. The Korean
edition's print edition (ko/print.html) is held to the same."""

import pytest

pytestmark = pytest.mark.browser

PT = 4 / 3  # CSS px per point


@pytest.fixture(params=["print.html", "ko/print.html"])
def printed(visit, http_site, request):
    reader = visit()
    reader.page.goto(http_site + request.param)
    reader.page.emulate_media(media="print")
    return reader.page


def test_body_text_is_10_to_11_pt_and_boxes_no_larger(printed):
    size = printed.evaluate("parseFloat(getComputedStyle(document.querySelector('.print-section > p')).fontSize)")
    assert 10 * PT - 0.1 <= size <= 11 * PT + 0.1, f"body text prints at {size / PT:.1f} pt"
    boxes = printed.evaluate("""() => [...document.querySelectorAll(
        '.admonition p:not(.admonition-title), .admonition li')].map(e => parseFloat(getComputedStyle(e).fontSize))""")
    assert boxes and max(boxes) <= size + 0.1, f"boxes print at up to {max(boxes) / PT:.1f} pt, body {size / PT:.1f} pt"


def test_every_source_prints_its_address(printed):
    missing = printed.evaluate("""() => [...document.querySelectorAll('.source-list li.source')].filter(li => {
        const live = li.querySelector('.source-links a[href^="http"]');
        if (!live) return false;  // a source with no address says so in its text
        return !getComputedStyle(live, '::after').content.includes(live.getAttribute('href'));
    }).map(li => li.id)""")
    count = printed.locator(".source-list li.source").count()
    assert count >= 50 and not missing, f"{len(missing)} of {count} sources print no address: {missing[:5]}"


def test_figures_keep_their_captions_and_the_contents_promise_no_numbers(printed):
    loose = printed.evaluate("""() => [...document.querySelectorAll('article figure')]
        .filter(f => getComputedStyle(f).breakInside !== 'avoid').map(f => f.id)""")
    assert not loose, f"figures that may split from their captions: {loose}"
    leaders = printed.evaluate("""() => [...document.querySelectorAll('.print-contents li')]
        .filter(li => getComputedStyle(li).borderBottomStyle === 'dotted').length""")
    assert leaders == 0, "the contents draw leaders to page numbers a browser's printing cannot give"
