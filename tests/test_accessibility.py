"""Usable by everyone: axe-core finds nothing in either palette; the keyboard reaches everything."""

from importlib.resources import files

import pytest

pytestmark = pytest.mark.browser

AXE = (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
AXE_VERSION = AXE.split("axe v", 1)[1].split()[0]  # conftest prints it in the report header


@pytest.mark.parametrize("scheme, material_scheme", [("light", "default"), ("dark", "slate")])
def test_axe_finds_no_violations_on_any_page(visit, http_site, html_pages, scheme, material_scheme):
    # axe goes in as an inline script, which the site's Content-Security-Policy rightly refuses.
    reader = visit(color_scheme=scheme, bypass_csp=True)
    found = []
    for path in html_pages:
        reader.page.goto(http_site + path)
        assert reader.page.get_attribute("body", "data-md-color-scheme") == material_scheme
        reader.page.add_script_tag(content=AXE)
        result = reader.page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        found += [f"{path}: {v['id']} at {v['nodes'][0]['target']}" for v in result["violations"]]
    assert not found, f"axe-core {AXE_VERSION}, {scheme} palette:\n" + "\n".join(found)


def focused(page) -> dict:
    return page.evaluate("""() => {
        const e = document.activeElement;
        // Material hides the palette radio and draws its focus ring on the label after it.
        const s = getComputedStyle(e.classList.contains('md-option') ? e.nextElementSibling : e);
        return {tag: e.tagName, cls: e.className, text: (e.innerText || e.value || '').trim().slice(0, 40),
                visible: !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length),
                ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 || s.boxShadow !== 'none'
                      || s.textDecorationLine.includes('underline') || e.classList.contains('md-search__input')};
    }""")


def test_first_tab_shows_a_skip_link(visit, http_site):
    reader = visit()
    reader.page.goto(http_site + "alliance.html")
    reader.page.keyboard.press("Tab")
    element = focused(reader.page)
    assert "md-skip" in element["cls"] and element["visible"], f"first Tab reached {element}"
    reader.page.keyboard.press("Enter")
    assert reader.page.evaluate("location.hash") == "#impact-on-alliance-dynamics"


def test_every_control_reached_by_tab_shows_focus(visit, http_site):
    reader = visit(viewport={"width": 1400, "height": 900})
    reader.page.goto(http_site + "timeline.html")
    unseen = []
    for _ in range(60):
        reader.page.keyboard.press("Tab")
        element = focused(reader.page)
        if element["tag"] != "BODY" and not element["ring"]:
            unseen.append(element)
    assert not unseen, f"focus is invisible on: {unseen[:5]}"


def test_search_works_from_the_keyboard_alone(visit, http_site):
    reader = visit(viewport={"width": 1400, "height": 900})
    page = reader.page
    page.goto(http_site + "index.html")
    for _ in range(15):
        page.keyboard.press("Tab")
        if focused(page)["cls"].startswith("md-search__input"):
            break
    else:
        pytest.fail("Tab never reached the search box")
    page.keyboard.type("Humphreys", delay=10)
    page.wait_for_function("() => [...document.querySelectorAll('.md-search-result__item > a')]"
                           ".some(a => a.href.includes('h=humphreys'))", timeout=15000)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/us-forces.html**")
