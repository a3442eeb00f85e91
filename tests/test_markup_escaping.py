"""The escaping functions and the address check, on small inputs, named by the December probe's
case numbers (reliability-2026-12.md, probe 2). Fast: no build."""

import json

import markdown
import pytest

from explainer.citations import script_json
from explainer.data import DataError, markdown_text
from explainer.map import place_list
from explainer.sources import check_url, citation_text, source_item, url_problem

pytestmark = pytest.mark.unit

MARKDOWN = markdown.Markdown(extensions=["attr_list", "md_in_html", "admonition", "abbr", "footnotes", "smarty"])


def rendered(text: str, block: bool = False) -> str:
    """Data text as a page renders it: in a figure's header cell (markdown="span", where attr_list
    applies a trailing {: …} to the cell), or as a paragraph of its own."""
    MARKDOWN.reset()
    if block:
        return MARKDOWN.convert(markdown_text(text))
    return MARKDOWN.convert(
        '<table markdown="block">\n<thead markdown="block"><tr markdown="block">'
        f'<th scope="col" markdown="span">{markdown_text(text)}</th></tr></thead>\n</table>'
    )


def test_case_2_2_html_and_markdown_links_in_data_stay_text():
    html = rendered("<img src=x onerror=alert(document.domain)></script><script>a()</script>[x](javascript:a())")
    assert "<img" not in html and "<script" not in html and "href" not in html
    assert "&lt;img src=x onerror=alert(document.domain)&gt;" in html and "[x](javascript:a())" in html


def test_case_2_13_an_attribute_list_after_data_text_stays_text():
    html = rendered("Aspect {: #injected onclick=alert(document.domain) }")
    assert '<th scope="col">Aspect {: #injected onclick=alert(document.domain) }</th>' in html


def test_case_2_14_a_style_attribute_list_stays_text():
    html = rendered('Label {: style="display:none" }')
    assert '<th scope="col">Label {: style=' in html


def test_case_2_16_line_breaks_cannot_start_headings_code_lists_or_boxes():
    payload = (
        "Text\n\n## Injected heading {: #injected }\n\nPara\n{: #injectedp }\n\n!!! danger\n    body\n\n"
        "Setext\n===\n\n    indented code\n\n- list\n\n*[HTML]: abbr\n\nEnd"
    )
    for block in (False, True):
        html = rendered(payload, block=block)
        for tag in ("<h1", "<h2", "<pre", "<ul", "<li", "<abbr", 'class="admonition', 'id="injected'):
            assert tag not in html, (tag, html)
        assert "## Injected heading" in html and "!!! danger" in html


@pytest.mark.parametrize("start", ["# Heading", "- item", "+ item", "1. item", "!!! note", "    code"])
def test_case_2_16_a_field_that_starts_like_a_block_is_a_paragraph(start):
    html = rendered(start, block=True)
    assert html.startswith("<p>") and html.count("<p>") == 1, html


def test_case_2_18_snippet_syntax_is_not_a_snippet():
    assert "<" not in markdown_text('--8<-- "article.txt"') and "8&lt;--" in markdown_text('--8<-- "article.txt"')


def test_plain_text_is_unchanged_by_escaping():
    text = "Seoul’s forces, about 28,500 U.S. troops — “critical but more limited” (2026)."
    assert markdown_text(text) == text


def test_case_2_3_a_place_s_position_from_name_and_text_are_text():
    places = [
        {
            "id": "seoul",
            "name": "Seoul [x](javascript:a())",
            "at": [127.0, 37.5],
            "sources": [],
            "position_from": "data <script>alert(document.domain)</script> {: #injected }",
            "text": "<img src=x onerror=alert(document.domain)>",
        }
    ]
    MARKDOWN.reset()
    html = MARKDOWN.convert(place_list(places))
    assert "<script" not in html and "<img" not in html and "href" not in html and 'id="injected"' not in html
    assert "&lt;script&gt;alert(document.domain)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    "url, named",
    [
        ("https://a.example/x><script>alert(document.domain)</script>", "'<', '>'"),  # case 2.4
        ("https://a.example/x) [y](javascript:alert(document.domain))", "U+0020"),  # case 2.5
        ("https://a.example/x},note={pwned},x={", "'{', '}'"),  # case 2.6
        ('https://a.example/x"onmouseover=alert(document.domain)', "'\"'"),  # case 2.7
        ("https://a.example/x|y^z`w\\v", "'\\\\', '^', '`', '|'"),
        ("https://a.example/x\x00y", "U+0000"),
        ("https://a.example/x\u202ey", "U+202E"),
        ("https://a.example/x\ny", "U+000A"),
        ("javascript:alert(document.domain)", "not an http(s) address"),
        ("https:///x", "not an http(s) address"),
        ("ftp://a.example/x", "not an http(s) address"),
    ],
)
def test_cases_2_4_to_2_7_an_address_that_could_end_its_markup_is_refused_naming_the_characters(url, named):
    problem = url_problem(url)
    assert problem and named in problem, problem
    with pytest.raises(DataError, match=r"data/sources.yml: entry 'x', field 'url': "):
        check_url({"url": url}, "data/sources.yml", "x")


@pytest.mark.parametrize(
    "url",
    ["https://www.example.org/a/b-c_d.html?x=1&y=%3E#frag", "http://example.org/", "https://en.example.org/wiki/A_(b)"],
)
def test_ordinary_addresses_pass(url):
    assert url_problem(url) is None


def test_case_2_4_a_parenthesis_in_an_address_cannot_end_the_source_list_link():
    source = {
        "id": "x",
        "title": "T",
        "outlet": "O",
        "date": "2026-01-02",
        "accessed": "2026-01-03",
        "kind": "agency",
        "confidence": "H",
        "url": "https://a.example/x)[y](javascript:a())",
        "evidence": ["e"],
        "read_in": [{"where": "address"}],
    }
    MARKDOWN.reset()
    html = MARKDOWN.convert(source_item(source))
    assert 'href="javascript' not in html and 'href="https://a.example/x)[y](javascript:a())"' in html
    assert citation_text(source).endswith("<https://a.example/x)[y](javascript:a())>")


def test_case_2_11_json_inside_a_script_holds_no_angle_bracket_or_ampersand():
    data = {"description": "Desc <!--<script> </script> & \u2028"}
    text = script_json(json.dumps(data, ensure_ascii=False))
    assert not set("<>&") & set(text) and "\u2028" not in text
    assert json.loads(text) == data


def test_templates_escape_every_value_that_is_not_made_safe_on_purpose():
    from explainer.render import ENV, render

    assert ENV.autoescape is True
    figure = {
        "id": 'x" onclick="alert(document.domain)',
        "kind": "comparison",
        "caption": "<b>C</b>",
        "description": "D {: #injected }",
        "columns": ["Aspect", "Seoul"],
        "rows": [],
    }
    html = render(
        "figure.html",
        figure=figure,
        fid=f"figure-{figure['id']}",
        rows=[{"aspect": "A <i>", "sources": ['s"><script>'], "cells": [("Seoul", "[x](javascript:a())")]}],
    )
    assert 'onclick="' not in html and "&#34; onclick=&#34;" in html
    assert "&lt;b&gt;C&lt;/b&gt;" in html and "\\{: \\#injected \\}" in html and "\\[x\\](javascript:a())" in html
    assert "<script>" not in html and "<i>" not in html
