"""Hostile text in every data field and every front-matter field runs nothing and makes no
element: one build of a poisoned copy with every payload of the December probe's appendix
(reliability-2026-12.md) at once, loaded in Chromium hosted and from disk (probe 2, issue #24).

Each payload carries its own marker (PAYLOAD-…), so a failure names the payload that got through.
The control-character and 10,000-character payloads are not here: they test refusal and layout,
not markup (probe cases 2.19-2.22).
"""

import re

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import copy_project, run_build, serve_folder

pytestmark = pytest.mark.build

# The appendix's payloads, each tagged with a marker of its own (digit-free: the evidence check
# would read digits as unsourced figures, probe case 2.1).
PAYLOADS = {
    "markup": (
        " <img src=x class=PAYLOAD-markup onerror=alert(document.domain)></script>"
        "<script>alert(document.domain);document.title='PAYLOAD-markup'</script>"
        "[x](javascript:alert(document.domain)){{ config.site_name }}{% raw %}"
    ),
    "comment": " PAYLOAD-comment <!--<script>",
    "attr": " {: #injected onclick=alert(document.domain) }",
    "style": ' {: style="display:none" class="PAYLOAD-style" }',
    "markdown": (
        "\n\n## Injected heading {: #injected onclick=alert(document.domain) }\n\nPara text\n"
        "{: #injectedp onmouseover=alert(document.domain) }\n\n!!! danger\n    injected body\n\n"
        "Setext heading\n===\n\n    indented code PAYLOAD-markdown\n\nhttps://evil.example/auto\n\n"
        "- injected list\n\n*[HTML]: injected abbr\n\nEnd"
    ),
}
SINGLE_LINE = "".join(PAYLOADS[name] for name in ("markup", "attr", "style", "comment"))
EVERYTHING = SINGLE_LINE + PAYLOADS["markdown"]

# The appendix's fields poisoned, file by file (ids, dates, addresses and numbers have patterns).
TEXT_FIELDS = {
    "sources.yml": ["title", "description", "outlet", "summarises", "evidence"],
    "timeline.yml": ["title", "summary", "recurs", "for_seoul", "for_us_forces", "conditions", "assessment"],
    "figures.yml": ["caption", "description", "columns", "aspect", "label", "cells"],
    "changes.yml": ["text"],
    "map/places.yml": ["name", "position_from", "text"],
}


# Fields the schemas hold to one line (common.schema.json's `line`): a payload with line breaks is
# refused there with a named message (tests/test_bad_data.py), so they get the one-line payloads.
ONE_LINE_FIELDS = {"title", "outlet", "recurs", "caption", "columns", "aspect", "label", "name"}


def poison(value, payload=EVERYTHING):
    if isinstance(value, list):
        return [poison(item, payload) for item in value]
    return value + payload if isinstance(value, str) else value


def poison_data(data):
    for name, fields in TEXT_FIELDS.items():
        path = data / name
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in entries:
            for holder in [entry, *list(entry.get("rows", []))]:
                for field in fields:
                    if field in holder:
                        payload = SINGLE_LINE if field in ONE_LINE_FIELDS else EVERYTHING
                        holder[field] = poison(holder[field], payload)
        path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")


def poison_front_matter(docs):
    """title gets every single-line payload; description (no ", at most 160 characters) what fits."""
    for page in sorted(docs.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        meta = yaml.safe_load(front)
        meta["title"] = f"{meta['title']}{SINGLE_LINE}"
        meta["description"] = ("Desc" + PAYLOADS["markup"].replace("'", "") + PAYLOADS["comment"])[:160]
        page.write_text(
            "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10**6) + "---\n" + body,
            encoding="utf-8",
        )


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    poison_data(project / "data")
    poison_front_matter(project / "docs")
    site = project.parent / "site"
    result = run_build(project, site)
    if result.returncode != 0:
        pytest.fail(f"the strict build refused the poisoned copy:\n{result.stderr[-3000:]}", pytrace=False)
    return site


# What would show that a payload became markup, not text.
INJECTED = (
    "img[src=x], .PAYLOAD-markup, .PAYLOAD-style, #injected, #injectedp, [onerror], [onclick], "
    "[onmouseover], a[href^='javascript:'], abbr[title='injected abbr'], .admonition.danger"
)


def injected_in(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    found = [str(element)[:120] for element in soup.select(INJECTED)]
    found += [
        script.get_text()[:120]
        for script in soup.find_all("script")
        if "PAYLOAD" in script.get_text() and script.get("type") not in ("application/ld+json", "application/json")
    ]
    found += [str(code)[:120] for code in soup.select("pre code") if "PAYLOAD-markdown" in code.get_text()]
    if soup.find("article") is None and soup.find(id="__config") is not None:
        found.append("the page has no <article>: a comment or a parser state swallowed it")
    return found


def test_case_2_3_2_4_2_8_2_11_2_13_2_16_no_payload_becomes_markup_in_the_built_pages(hostile_site):
    pages = sorted(p for p in hostile_site.rglob("*.html") if "editions" not in p.relative_to(hostile_site).parts)
    assert len(pages) > 10
    found = {page.name: injected_in(page.read_text(encoding="utf-8")) for page in pages}
    assert not {name: items for name, items in found.items() if items}
    # The payload is there, as text: the test would see it if it were markup.
    index = BeautifulSoup((hostile_site / "us-forces.html").read_text(encoding="utf-8"), "html.parser")
    assert "PAYLOAD-markup" in index.get_text() and "PAYLOAD-comment" in index.get_text()


@pytest.mark.browser
@pytest.mark.parametrize("mode", ["http", "file"])
def test_no_payload_runs_or_makes_an_element_in_chromium(hostile_site, visit, mode):
    pages = [
        "index.html",
        "us-forces.html",
        "sources.html",
        "timeline.html",
        "deterrence.html",
        "changelog.html",
        "print.html",
    ]
    with serve_folder(hostile_site) as address:
        root = address if mode == "http" else hostile_site.as_uri() + "/"
        reader = visit()
        dialogs: list[str] = []
        reader.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for name in pages:
            reader.page.goto(root + name, wait_until="load")
            reader.page.wait_for_timeout(300)
            state = reader.page.evaluate(
                """selector => ({title: document.title, found: [...document.querySelectorAll(selector)]
                   .map(e => e.outerHTML.slice(0, 120)), articles: document.querySelectorAll('article').length,
                   text: document.body.innerText.length})""",
                INJECTED,
            )
            assert not dialogs, f"{mode} {name}: a dialog opened: {dialogs}"
            assert "PAYLOAD" not in state["title"], f"{mode} {name}: an injected script ran"
            assert not state["found"], f"{mode} {name}: payload elements {state['found']}"
            assert state["articles"] >= 1 and state["text"] > 1000, f"{mode} {name}: the page is blank"
        assert not [e for e in reader.errors if re.search(r"Content.Security.Policy|Refused", e)], reader.errors
