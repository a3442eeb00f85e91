"""Every page carries a Content-Security-Policy that allows exactly what the site ships,
and the site breaks none of it, hosted or from disk, while a reader uses it."""

import re
import sys

import pytest

from conftest import ROOT
from explainer.csp import policy, source_hash, with_policy

REQUIRED = ["default-src 'none'", "base-uri 'none'", "form-action 'none'", "object-src 'none'"]
PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>t</title>{}</head><body>{}</body></html>'


def directives(csp: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (d.split() for d in csp.split(";") if d.strip())}


@pytest.mark.unit
def test_a_hash_is_the_one_the_csp_specification_gives():
    assert source_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


@pytest.mark.unit
def test_inline_scripts_are_allowed_by_hash_and_data_blocks_are_not_counted():
    html = PAGE.format('<script>var a = 1;</script><script src="x.js"></script>'
                       '<script type="application/ld+json">{"a": 1}</script>'
                       '<script id="__config" type="application/json">{}</script>', "")
    script_src = directives(policy(html))["script-src"]
    assert script_src == ["'self'", source_hash("var a = 1;")]


@pytest.mark.unit
def test_style_attributes_need_unsafe_hashes_and_their_own_hash():
    html = PAGE.format("", '<div style="--share: 40%"></div><div style="--share: 40%"></div>')
    assert directives(policy(html))["style-src"] == ["'self'", "'unsafe-hashes'", source_hash("--share: 40%")]
    assert directives(policy(PAGE.format("", "")))["style-src"] == ["'self'"]


@pytest.mark.unit
def test_the_policy_is_strict_and_comes_before_any_script():
    html = with_policy(PAGE.format("<script>var a = 1;</script>", ""))
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert meta and meta.start() < html.index("<script>")
    csp = meta.group(1)
    assert all(required in csp for required in REQUIRED)
    assert "unsafe-eval" not in csp and "unsafe-inline" not in csp and "*" not in csp


def test_every_built_page_carries_a_policy_allowing_its_own_inline_scripts(site):
    pages = sorted(site.rglob("*.html"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        metas = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert len(metas) == 1, f"{path.name}: {len(metas)} policies"
        head = html[:html.index("</head>")]
        assert head.index("Content-Security-Policy") < head.find("<script") or "<script" not in head, path.name
        inline = re.findall(r"<script>(.*?)</script>", html, re.S)
        allowed = directives(metas[0])["script-src"]
        assert all(source_hash(script) in allowed for script in inline), f"{path.name}: an inline script is not allowed"
        assert all(required in metas[0] for required in REQUIRED), path.name


# ---- In the browser ----

WATCH = ("window.__violations = [];"
         "document.addEventListener('securitypolicyviolation', e => window.__violations.push("
         "`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`))")


@pytest.mark.browser
def test_no_policy_violation_while_a_reader_searches_switches_palette_and_cites(visit, site_root):
    reader = visit(viewport={"width": 1400, "height": 900})
    page = reader.page
    page.add_init_script(WATCH)
    page.goto(site_root + "index.html")
    page.keyboard.press("/")  # search: from disk it runs in the iframe worker shim
    page.locator("input.md-search__input").press_sequentially("Humphreys", delay=10)
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item > a').length > 0",
                           timeout=15000)
    violations = page.evaluate("window.__violations")
    page.goto(site_root + "rationale.html")  # figures: style="" attributes, allowed by hash
    page.locator("form[data-palette] label:visible").first.click()
    page.click("details.cite-this-page summary")
    violations += page.evaluate("window.__violations")
    csp_messages = [e for e in reader.errors if "Content Security Policy" in e]
    assert violations == [] and csp_messages == [], violations + csp_messages
    assert reader.errors == [], reader.errors
