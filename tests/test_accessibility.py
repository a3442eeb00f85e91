"""Usable by everyone: two independent engines find nothing in either palette, every page's
structure reads right in the accessibility tree, and the keyboard reaches everything.
The Korean edition (ko/) is audited with the English one: every page in both palettes, and its
print edition as printed.

The engines (their versions are in the report header) are axe-core and HTML_CodeSniffer
at WCAG 2 AA; see accessibility_engines.py. Every page is opened once per palette, over
HTTP at Playwright's default desktop size, and read by both engines and for its structure;
so are the print edition as printed and the menu a phone shows.
"""

import os
import re
from dataclasses import dataclass, field

import pytest
import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.support.accessibility_engines import AXE, AXE_VERSION, HTMLCS, HTMLCS_VERSION

pytestmark = pytest.mark.browser

PALETTES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's scheme
# Besides every page in each palette, the audit below reads these two:
PRINTED = "print.html, printed"  # with print styles
PRINTED_KO = "ko/print.html, printed"  # the Korean edition's
PHONE_MENU = "sources.html, 360px wide, menu open"  # the menu a phone shows, open at a section
PHONE_CARDS = "deterrence.html, 360px wide"  # its comparison stacked as cards, shaded headers

# HTML_CodeSniffer errors allowed, by exact code and element (tag.class as the audit
# describes it), each with its reason. Nothing else is allowed: fix the page instead.
H32_2 = "WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2"  # "form has no submit button"
HTMLCS_ALLOWED = {
    (
        H32_2,
        "form.md-search__form",
    ): "search runs as you type in the open search dialog (no change of context), Enter opens "
    "the first result (test_search_works_from_the_keyboard_alone[enter]); a submit button would do nothing",
    (
        H32_2,
        "form.md-header__option",
    ): "Material's palette toggle, not a form to send: activating it only recolours the page, "
    "not a change of context (WCAG 3.2.2), and Enter works (test_palette_switches_from_the_keyboard)",
}

RUN_AXE = "axe.run(document, {resultTypes: ['violations']})"
RUN_HTMLCS = """() => new Promise((resolve, reject) => HTMLCS.process('WCAG2AA', document, () => resolve(
    HTMLCS.getMessages().filter(m => m.type === HTMLCS.ERROR).map(m => ({
        code: m.code,
        message: m.msg,
        element: m.element.nodeType === Node.ELEMENT_NODE
            ? m.element.localName + (m.element.id ? '#' + m.element.id : '')
              + [...m.element.classList].map(c => '.' + c).join('')
            : m.element.nodeName,
    }))), () => reject(new Error('HTML_CodeSniffer could not load WCAG2AA'))))"""


@dataclass
class Node:
    """One node of the accessibility tree, as Playwright's ARIA snapshot gives it."""

    role: str
    name: str = ""
    level: int | None = None
    children: list["Node"] = field(default_factory=list)

    def walk(self, ancestors: tuple["Node", ...] = ()):
        """This node and every node below it, depth first, each with the nodes above it."""
        yield self, ancestors
        for child in self.children:
            yield from child.walk((*ancestors, self))


SNAPSHOT_ENTRY = re.compile(r'(?P<role>[a-z]+)(?: "(?P<name>(?:[^"\\]|\\.)*)")?(?P<attributes>(?: \[[^\]]*\])*)')


def accessibility_tree(snapshot: str) -> Node:
    """Parse Playwright's ARIA snapshot (YAML: `- role "name" [level=2]:` and children)."""

    def nodes(items):
        for item in items if isinstance(items, list) else []:
            key, value = next(iter(item.items())) if isinstance(item, dict) else (item, None)
            entry = SNAPSHOT_ENTRY.fullmatch(key)
            if entry is None:  # a property such as "/url: ..."
                continue
            level = re.search(r"\[level=(\d)\]", entry["attributes"])
            yield Node(entry["role"], entry["name"] or "", int(level[1]) if level else None, list(nodes(value)))

    return Node("document", children=list(nodes(yaml.safe_load(snapshot))))


@dataclass
class PageAudit:
    axe: list[str]
    htmlcs: list[dict]
    tree: Node


def audit_page(page) -> PageAudit:
    tree = accessibility_tree(page.locator(":root").aria_snapshot())  # before the engines add scripts
    page.add_script_tag(content=AXE)
    axe = [f"{v['id']} at {v['nodes'][0]['target']}" for v in page.evaluate(RUN_AXE)["violations"]]
    htmlcs = []
    if HTMLCS:
        page.add_script_tag(content=HTMLCS)
        htmlcs = page.evaluate(RUN_HTMLCS)
    return PageAudit(axe, htmlcs, tree)


@pytest.fixture(scope="module", params=list(PALETTES))
def audit(request, browser, http_site, html_pages, korean_pages) -> dict[str, PageAudit]:
    """Every page of both editions in one palette, each opened once in one browser context, read by both engines."""
    # The engines go in as inline scripts, which the site's Content-Security-Policy rightly refuses.
    context = browser.new_context(color_scheme=request.param, bypass_csp=True)
    page = context.new_page()
    audits = {}
    for path in [*html_pages, *korean_pages]:
        page.goto(http_site + path)
        assert page.get_attribute("body", "data-md-color-scheme") == PALETTES[request.param]
        audits[path] = audit_page(page)
    desktop = page.viewport_size
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(http_site + "sources.html")
    page.click(".md-header label[for=__drawer]")
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    audits[PHONE_MENU] = audit_page(page)
    page.goto(http_site + "deterrence.html")
    audits[PHONE_CARDS] = audit_page(page)
    page.set_viewport_size(desktop)
    page.emulate_media(media="print")  # a reader printing from this palette
    for printed in (PRINTED, PRINTED_KO):
        page.goto(http_site + printed.removesuffix(", printed"))
        audits[printed] = audit_page(page)
    context.close()
    return audits


def test_axe_finds_no_violations(audit, request):
    found = [f"{path}: {violation}" for path, result in audit.items() for violation in result.axe]
    assert not found, f"axe-core {AXE_VERSION}, {request.node.callspec.id} palette:\n" + "\n".join(found)


def test_html_codesniffer_finds_no_errors_but_the_allowed(audit, request):
    if HTMLCS is None:
        message = "HTML_CodeSniffer needs node_modules/@pa11y/html_codesniffer: run `make test`"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    errors = [(path, e) for path, result in audit.items() for e in result.htmlcs]
    unlisted = [
        f"{path}: {e['code']} at {e['element']}: {e['message']}"
        for path, e in errors
        if (e["code"], e["element"]) not in HTMLCS_ALLOWED
    ]
    assert not unlisted, (
        f"HTML_CodeSniffer {HTMLCS_VERSION} WCAG2AA, {request.node.callspec.id} palette:\n" + "\n".join(unlisted)
    )
    # An allowance nothing needs any more goes; this also shows the engine really ran.
    unused = set(HTMLCS_ALLOWED) - {(e["code"], e["element"]) for _, e in errors}
    assert not unused, f"allowed but no longer reported, remove from HTMLCS_ALLOWED: {sorted(unused)}"


NAMED_ROLES = {"figure", "table", "img"}  # Playwright gives <svg> the role img


def structure_problems(path: str, tree: Node) -> list[str]:
    nodes = list(tree.walk())
    levels = [node.level for node, _ in nodes if node.role == "heading"]
    problems = [f"{levels.count(1)} level-1 headings, not one"] if levels.count(1) != 1 else []
    problems += [
        f"a level-{after} heading follows level {before or 'none'}"
        for before, after in zip([0, *levels], levels)
        if after > before + 1
    ]
    if [node.role for node, _ in nodes].count("main") != 1:
        problems.append("no single main landmark")
    for node, ancestors in nodes:
        if node.role in NAMED_ROLES and not node.name:
            inside = next((f"{a.role} '{a.name}'" for a in reversed(ancestors) if a.name), "the page")
            problems.append(f"{node.role} without an accessible name, in {inside} (a decorative SVG needs aria-hidden)")
    if path.startswith(("print.html", "ko/print.html")):  # one document: its title, then one chapter per page
        chapters = [node for node, _ in nodes if node.role == "region"]
        problems += [] if chapters else ["no chapters (named sections)"]
        problems += [
            f"chapter '{chapter.name}' does not open with a level-2 heading"
            for chapter in chapters
            if next((n.level for n, _ in chapter.walk() if n.role == "heading"), None) != 2
        ]
    return [f"{path}: {problem}" for problem in problems]


def test_every_page_reads_as_one_outline_with_named_figures(audit):
    problems = [problem for path, result in audit.items() for problem in structure_problems(path, result.tree)]
    assert not problems, "\n".join(problems)


def test_the_structure_check_names_each_problem():
    """The check above, on a made-up snapshot in Playwright's format with one of every problem."""
    snapshot = """
- banner:
  - link "Home":
    - img
- heading "Title" [level=1]
- region "A chapter":
  - heading "Another title" [level=1]
  - heading "Too deep" [level=4]
  - 'figure "Caption: with a colon"':
    - table
  - figure
"""
    problems = "\n".join(structure_problems("print.html", accessibility_tree(snapshot)))
    for expected in [
        "2 level-1 headings",
        "a level-4 heading follows level 1",
        "no single main landmark",
        "img without an accessible name, in link 'Home'",
        "table without an accessible name, in figure 'Caption: with a colon'",
        "figure without an accessible name, in region 'A chapter'",
        "chapter 'A chapter' does not open with a level-2 heading",
    ]:
        assert expected in problems


FOCUS_STYLE = [
    "outlineStyle",
    "outlineWidth",
    "outlineColor",
    "boxShadow",
    "backgroundColor",
    "color",
    "textDecorationLine",
    "textDecorationColor",
    "borderColor",
]


def focused(page) -> dict:
    """The focused element, and whether focus shows: does any style a reader sees differ
    between the element focused and the same element unfocused?"""
    return page.evaluate(
        """props => {
        const e = document.activeElement;
        // Material hides the palette radio and draws its focus ring on the label after it.
        const shown = () => e.classList.contains('md-option') ? e.nextElementSibling : e;
        const style = () => { const s = getComputedStyle(shown()); return props.map(p => s[p]).join('|'); };
        const info = {tag: e.tagName, cls: e.className, text: (e.innerText || e.value || '').trim().slice(0, 40),
                      visible: !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length)};
        if (e === document.body) return {...info, ring: false};
        const withFocus = style();
        e.blur();
        const without = style();
        e.focus({focusVisible: true});
        return {...info, ring: withFocus !== without};
    }""",
        FOCUS_STYLE,
    )


def tab_to(page, class_prefix: str, presses: int = 15) -> None:
    for _ in range(presses):
        page.keyboard.press("Tab")
        if focused(page)["cls"].startswith(class_prefix):
            return
    pytest.fail(f"Tab never reached .{class_prefix}")


def test_first_tab_shows_a_skip_link(visit, http_site):
    reader = visit()
    reader.page.goto(http_site + "alliance.html")
    reader.page.keyboard.press("Tab")
    element = focused(reader.page)
    assert "md-skip" in element["cls"] and element["visible"], f"first Tab reached {element}"
    reader.page.keyboard.press("Enter")
    assert reader.page.evaluate("location.hash") == "#title"  # the page title's fixed anchor


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


@pytest.mark.parametrize("keys", [["ArrowDown", "Enter"], ["Enter"]], ids=["arrow-then-enter", "enter"])
def test_search_works_from_the_keyboard_alone(visit, http_site, keys):
    """Also why HTML_CodeSniffer's 'no submit button' (H32.2) is allowed for the search form."""
    reader = visit(viewport={"width": 1400, "height": 900})
    page = reader.page
    page.goto(http_site + "index.html")
    tab_to(page, "md-search__input")
    page.keyboard.type("Humphreys", delay=10)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.md-search-result__item > a')].some(a => a.href.includes('h=humphreys'))",
        timeout=15000,
    )
    for key in keys:
        page.keyboard.press(key)
    page.wait_for_url("**/us-forces.html**")


def test_palette_switches_from_the_keyboard(visit, http_site):
    """Also why H32.2 is allowed for the palette form: Enter or Space on the toggle switches, both ways."""
    reader = visit(viewport={"width": 1400, "height": 900}, color_scheme="light")
    page = reader.page
    page.goto(http_site + "index.html")
    tab_to(page, "md-option")
    for scheme, key in [("slate", "Enter"), ("default", "Enter"), ("slate", " "), ("default", " ")]:
        page.keyboard.press(key)
        page.wait_for_function(f"() => document.body.dataset.mdColorScheme === '{scheme}'", timeout=5000)
        assert focused(page)["cls"].startswith("md-option"), "focus left the toggle"


def test_the_menu_of_a_narrow_screen_opens_and_closes_from_the_keyboard(visit, http_site):
    """Material's menu button is a label, out of the Tab order, and its closed drawer's links
    were in it, off screen (assets/javascripts/drawer-keyboard.js, overrides/partials/header.html)."""
    reader = visit(viewport={"width": 360, "height": 740})
    page = reader.page
    page.goto(http_site + "alliance.html")
    on_screen = """() => { const r = document.activeElement.getBoundingClientRect();
        return r.width > 0 && r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight }"""
    in_drawer = "() => !!document.activeElement.closest('.md-sidebar--primary')"
    for _ in range(12):
        page.keyboard.press("Tab")
        assert not page.evaluate(in_drawer), "Tab reached the closed drawer's links, which are off screen"
        if page.evaluate("document.activeElement.htmlFor") == "__drawer":
            break
    else:
        pytest.fail("Tab never reached the menu button")
    button = focused(page)
    assert button["ring"] and button["visible"], f"the menu button shows no focus: {button}"
    assert page.evaluate("document.activeElement.innerText.trim()") == "Navigation", "the menu button has no name"
    for key in ["Enter", " "]:
        page.keyboard.press(key)
        page.wait_for_function(in_drawer, timeout=5000)
        assert page.evaluate("document.getElementById('__drawer').checked"), f"{key!r} did not open the menu"
        page.wait_for_function(on_screen, timeout=5000)  # once the drawer has slid in
        page.keyboard.press("Escape")
        page.wait_for_function("() => document.activeElement.htmlFor === '__drawer'", timeout=5000)
        assert not page.evaluate("document.getElementById('__drawer').checked"), "Escape did not close the menu"
    # Open, every Tab stop is a visible item of the menu, until Tab leaves it and it closes.
    page.keyboard.press("Enter")
    page.wait_for_function(in_drawer, timeout=5000)
    page.wait_for_timeout(300)  # slid in
    seen = []
    for _ in range(40):
        if not page.evaluate(in_drawer):
            break
        seen.append(page.evaluate("document.activeElement.textContent.trim()"))
        try:  # on top, once a panel has slid away
            page.wait_for_function(
                """() => { const e = document.activeElement, r = e.getBoundingClientRect();
                const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
                return !!hit && (hit === e || e.contains(hit)) }""",
                timeout=2000,
            )
        except PlaywrightTimeout:
            pytest.fail(f"Tab reached a menu item the reader cannot see: {seen[-1]!r}")
        if page.evaluate("document.activeElement.htmlFor") == "__toc":
            page.keyboard.press("Enter")  # the page's contents, a panel of the menu
            page.wait_for_function("() => document.getElementById('__toc').checked", timeout=5000)
            page.wait_for_timeout(300)
        page.keyboard.press("Tab")
    else:
        pytest.fail("Tab never left the open menu")
    assert any(text.startswith("Wartime operational control") for text in seen), (
        f"the page's contents were not reached: {seen}"
    )
    assert not page.evaluate("document.getElementById('__drawer').checked"), "the menu stayed open with focus behind it"
