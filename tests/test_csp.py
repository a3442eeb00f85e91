"""Every page carries a Content-Security-Policy that allows exactly what the site ships,
and the site breaks none of it, hosted or from disk, while a reader uses it."""

import re

import pytest

from explainer.csp import KnownScripts, UnknownInlineScript, policy, source_hash, with_policy

REQUIRED = ["default-src 'none'", "base-uri 'none'", "form-action 'none'", "object-src 'none'"]
PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>t</title>{}</head><body>{}</body></html>'


def directives(csp: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (d.split() for d in csp.split(";") if d.strip())}


@pytest.mark.unit
def test_a_hash_is_the_one_the_csp_specification_gives():
    assert source_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


@pytest.mark.unit
def test_inline_scripts_are_allowed_by_hash_and_data_blocks_are_not_counted():
    html = PAGE.format(
        '<script>var a = 1;</script><script src="x.js"></script>'
        '<script type="application/ld+json">{"a": 1}</script>'
        '<script id="__config" type="application/json">{}</script>',
        "",
    )
    script_src = directives(policy(html))["script-src"]
    assert script_src == ["'self'", source_hash("var a = 1;")]


@pytest.mark.unit
def test_style_attributes_need_unsafe_hashes_and_their_own_hash():
    html = PAGE.format("", '<div style="--share: 40%"></div><div style="--share: 40%"></div>')
    assert directives(policy(html))["style-src"] == ["'self'", "'unsafe-hashes'", source_hash("--share: 40%")]
    assert directives(policy(PAGE.format("", "")))["style-src"] == ["'self'"]


@pytest.mark.unit
def test_the_policy_is_strict_and_comes_before_any_script():
    html = with_policy(PAGE.format("<script>var a = 1;</script>", ""), KnownScripts.exact("var a = 1;"))
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert meta and meta.start() < html.index("<script>")
    assert html.index('<meta charset="utf-8">') < meta.start(), "the policy comes after <meta charset>"
    csp = meta.group(1)
    assert all(required in csp for required in REQUIRED)
    assert "unsafe-eval" not in csp and "unsafe-inline" not in csp and "*" not in csp


# ---- Only the site's own inline scripts (issue #24; probe cases 2.3, 2.4, 2.8) ----

THEME_SCRIPT = (
    '{#- a partial -#}\n<script>__md_scope=new URL("{{ config.extra.scope | d(base_url) }}",location)</script>\n'
)
KNOWN = KnownScripts.from_templates([("partials/javascripts/base.html", THEME_SCRIPT)])


@pytest.mark.unit
def test_case_2_4_an_inline_script_the_site_does_not_write_stops_the_build():
    injected = PAGE.format("", '<p><a href="https://a.example/x">x</a><script>alert(document.domain)</script></p>')
    with pytest.raises(UnknownInlineScript, match=r"<script>alert\(document.domain\)"):
        with_policy(injected, KNOWN)


@pytest.mark.unit
def test_a_script_of_another_type_or_a_module_is_a_script_too():
    for opening in (
        '<script type="module">',
        '<script type="text/javascript">',
        '<script type="TEXT/JSCRIPT">',
        '<script type="importmap">',
        "<SCRIPT>",
    ):
        with pytest.raises(UnknownInlineScript):
            with_policy(PAGE.format("", f"{opening}alert(document.domain)</script>"), KNOWN)
    # Data blocks are not run: they need no hash and are not refused.
    data = PAGE.format('<script type="application/ld+json">{"a": 1}</script>', "")
    assert "sha256" not in with_policy(data, KnownScripts())


@pytest.mark.unit
def test_the_theme_s_scripts_are_known_from_their_templates_with_plain_values_only():
    assert KNOWN.knows('__md_scope=new URL(".",location)') and KNOWN.knows('__md_scope=new URL("../",location)')
    assert not KNOWN.knows('__md_scope=new URL("",location);alert(document.domain)//",location)')
    assert not KNOWN.knows('__md_scope=new URL("</script><script>",location)')
    assert not KNOWN.knows('__md_scope=new URL(".",location);alert(1)')


@pytest.mark.unit
def test_a_script_template_with_jinja_statements_inside_is_refused():
    with pytest.raises(ValueError, match="Jinja statements"):
        KnownScripts.from_templates([("x.html", "<script>{% if a %}a(){% endif %}</script>")])
    with pytest.raises(ValueError, match="no <script>"):
        KnownScripts.from_templates([("x.html", "nothing here")])


@pytest.mark.unit
def test_a_charset_past_the_first_1024_bytes_is_refused():
    late = PAGE.replace("<head>", "<head>" + "<!-- padding -->" * 70)
    with pytest.raises(ValueError, match="1024"):
        with_policy(late.format("", ""), KnownScripts())


def test_every_built_page_has_its_policy_right_after_its_charset_in_the_first_1024_bytes(site):
    for path in sorted(site.rglob("*.html")):
        if "editions" in path.relative_to(site).parts:
            continue  # frozen by hash, as cut (the 27 November edition predates this rule)
        raw = path.read_bytes()
        charset = re.search(rb'<meta charset="?utf-8"?\s*/?>', raw, re.I)
        assert charset and charset.end() <= 1024, f"{path.name}: <meta charset> is not within the first 1024 bytes"
        assert raw[charset.end() :].startswith(b'<meta http-equiv="Content-Security-Policy"'), (
            f"{path.name}: the policy does not follow <meta charset>"
        )


def test_every_built_page_carries_a_policy_allowing_its_own_inline_scripts(site):
    pages = sorted(site.rglob("*.html"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        metas = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert len(metas) == 1, f"{path.name}: {len(metas)} policies"
        head = html[: html.index("</head>")]
        assert head.index("Content-Security-Policy") < head.find("<script") or "<script" not in head, path.name
        inline = re.findall(r"<script>(.*?)</script>", html, re.S)
        allowed = directives(metas[0])["script-src"]
        assert all(source_hash(script) in allowed for script in inline), f"{path.name}: an inline script is not allowed"
        assert all(required in metas[0] for required in REQUIRED), path.name


# ---- In the browser ----

WATCH = (
    "window.__violations = [];"
    "document.addEventListener('securitypolicyviolation', e => window.__violations.push("
    "`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`))"
)


@pytest.mark.browser
def test_no_policy_violation_while_a_reader_searches_switches_palette_and_cites(visit, site_root):
    reader = visit(viewport={"width": 1400, "height": 900})
    page = reader.page
    page.add_init_script(WATCH)
    page.goto(site_root + "index.html")
    page.keyboard.press("/")  # search: from disk it runs in the iframe worker shim
    page.locator("input.md-search__input").press_sequentially("Humphreys", delay=10)
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item > a').length > 0", timeout=15000)
    violations = page.evaluate("window.__violations")
    page.goto(site_root + "rationale.html")  # figures: style="" attributes, allowed by hash
    page.locator("form[data-palette] label:visible").first.click()
    page.click("details.cite-this-page summary")
    violations += page.evaluate("window.__violations")
    csp_messages = [e for e in reader.errors if "Content Security Policy" in e]
    assert violations == [] and csp_messages == [], violations + csp_messages
    assert reader.errors == [], reader.errors
