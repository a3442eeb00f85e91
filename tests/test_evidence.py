"""Every quotation and figure on the site is in the recorded evidence of a source cited beside it.

The rules run as plain functions on small pieces of HTML (fast, one test per rule), and on
a broken copy of the site (the build must fail, naming page, block, quotation or figure,
and the sources cited there).
"""

import os
import re

import pytest

from explainer.evidence import (
    abstract_fields,
    blocks_of,
    check_blocks,
    feed_fields,
    field_blocks,
    head_fields,
    page_of,
    with_excerpts,
)

EVIDENCE = {
    "wire": "“South Korea is capable of taking primary responsibility,” the document said. "
    "About 28,500 troops are there; the budget rose 7.5 per cent.",
    "paper": "The ministry plans a roadmap by April, followed by verification by October.",
}


def note(source_id: str) -> str:
    return f'<sup id="fnref:{source_id}"><a class="footnote-ref" href="#fn:{source_id}">1</a></sup>'


def findings(html: str) -> list[str]:
    return [f"{f.kind}:{f.value}" for f in check_blocks(blocks_of(html), EVIDENCE).findings]


@pytest.mark.unit
def test_an_exact_quotation_and_figure_pass():
    assert (
        findings(
            f"<p>It says Seoul “is capable of taking primary responsibility”, with 28,500 troops.{note('wire')}</p>"
        )
        == []
    )


@pytest.mark.unit
def test_quote_style_spacing_and_first_letter_are_not_held_against_a_quotation():
    assert findings(f"<p>“South  Korea is capable of taking ‘primary’ responsibility”.{note('wire')}</p>") == []
    assert findings(f"<p>It said “the document said”.{note('wire')}</p>") == []


@pytest.mark.unit
def test_a_reworded_quotation_fails():
    assert findings(f"<p>It “gives South Korea primary responsibility”.{note('wire')}</p>") == [
        "quotation:gives South Korea primary responsibility"
    ]


@pytest.mark.unit
def test_an_ellipsis_joins_exact_pieces_in_order_only():
    assert findings(f"<p>“South Korea is capable … the document said”.{note('wire')}</p>") == []
    assert findings(f"<p>“the document said … South Korea is capable”.{note('wire')}</p>") != []


@pytest.mark.unit
def test_a_changed_number_fails_and_dates_are_not_figures():
    assert findings(f"<p>About 28,000 troops, on 23 January 2026 and 9 to 19 March.{note('wire')}</p>") == [
        "figure:28,000"
    ]
    assert findings(f"<p>A 7.5% rise.{note('wire')}</p>") == []


@pytest.mark.unit
def test_a_quotation_whose_source_is_cited_in_another_paragraph_fails():
    html = f"<p>It says Seoul “is capable of taking primary responsibility”.</p><p>Background.{note('wire')}</p>"
    assert findings(html) == ["quotation:is capable of taking primary responsibility"]


@pytest.mark.unit
def test_a_derived_number_must_be_marked():
    unmarked = f"<p>A difference of 21,000 troops.{note('wire')}</p>"
    marked = f'<p>A difference of <span class="derived">21,000</span> troops.{note("wire")}</p>'
    assert findings(unmarked) == ["figure:21,000"]
    assert findings(marked) == []


@pytest.mark.unit
def test_a_statement_box_timeline_entry_or_table_row_cites_once_for_all_inside():
    box = (
        f'<div class="admonition document"><p>“is capable of taking primary responsibility”</p>'
        f"<p>As quoted.{note('wire')}</p></div>"
    )
    row = f"<tr><th>Troops{note('wire')}</th><td>28,500</td></tr>"
    assert findings(box) == [] and findings(row) == []


@pytest.mark.unit
def test_footnotes_bibliography_and_code_are_not_statements():
    html = (
        '<div class="footnote"><ol><li>“Headline” 2024</li></ol></div>'
        '<ol class="source-list"><li>“Another headline”, 99 pages</li></ol><p><code>v2.1</code></p>'
    )
    assert findings(html) == []


# ---- Every text around the body: held to the page's checked text and the sources it cites ----

BODY = f"<p>About 28,500 troops; Seoul “is capable of taking primary responsibility”.{note('wire')}</p>"


def field_findings(fields: list[tuple[str, str]], body: str = BODY) -> list[str]:
    page = page_of(blocks_of(body))
    return [f"{f.field}:{f.kind}:{f.value}" for f in check_blocks(field_blocks(fields), EVIDENCE, page).findings]


def test_a_description_or_title_is_held_to_the_page_and_the_sources_it_cites():
    assert (
        field_findings(
            [
                ("description", "What it means for the roughly 28,500 troops"),
                ("title", "Seoul “is capable”, and 7.5 per cent more"),
            ]
        )
        == []
    )
    assert field_findings(
        [("description", "What it means for the roughly 29,500 troops"), ("title", "Seoul “takes charge”")]
    ) == ["description:figure:29,500", "title:quotation:takes charge"]


def test_a_field_finding_names_the_field_and_what_it_reads():
    page = page_of(blocks_of(BODY))
    [finding] = check_blocks(field_blocks([("description", "For the 29,500 troops")]), EVIDENCE, page).findings
    assert str(finding).startswith("description: figure “29,500”") and "For the 29,500 troops" in str(finding)


def test_a_heading_is_held_to_the_page_not_only_to_its_own_footnotes():
    assert findings(f"<h2>The 28,500 troops</h2>{BODY}") == []
    assert findings(f"<h2>The 29,500 troops</h2>{BODY}") == ["figure:29,500"]


def test_a_figure_caption_is_checked():
    figure = f"<figure><p>Chart{note('wire')}</p><figcaption>About 29,000 troops</figcaption></figure>"
    assert findings(figure) == ["figure:29,000"]
    assert findings(figure.replace("29,000", "28,500")) == []


def test_an_image_description_is_checked():
    assert findings(f'{BODY}<p><img src="map.svg" alt="Where 29,500 troops are based"></p>') == ["figure:29,500"]
    assert findings(f'{BODY}<p><img src="map.svg" alt="Where 28,500 troops are based"></p>') == []


def test_a_table_header_is_checked():
    table = f"<table><tr><th>Troops in 2029 (29,500)</th></tr><tr><td>28,500{note('wire')}</td></tr></table>"
    assert findings(table) == ["figure:29,500"]
    [finding] = check_blocks(blocks_of(table), EVIDENCE).findings
    assert finding.field == "table header"


def test_json_ld_and_head_tags_are_checked():
    head = (
        "<html><head><title>U.S. forces - Site</title>"
        '<meta property="og:description" content="For the 29,500 troops &amp; more">'
        '<script type="application/ld+json">{"@type": "WebPage", "url": "https://x/1,234", '
        '"headline": "Seoul “takes charge”", "dateModified": "2026-12-07"}</script></head><body>1,234</body>'
    )
    assert field_findings(head_fields(head)) == ["description:figure:29,500", "JSON-LD:quotation:takes charge"]


def test_feed_entries_are_checked():
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Update: 28,500 troops</title>'
        '<content type="text">Now 29,500 troops, it said “is capable”.</content></entry></feed>'
    )
    assert field_findings(feed_fields(atom)) == ["feed entry:figure:29,500"]


def test_the_citation_abstract_is_checked():
    csl = '[{"id": "x", "abstract": "For the 29,500 troops"}]'
    ris = "TY  - ELEC\nAB  - Seoul “takes charge”\nER  - \n"
    assert field_findings(abstract_fields(csl, ris)) == [
        "citation abstract:figure:29,500",
        "citation abstract:quotation:takes charge",
    ]


def test_texts_are_counted_by_kind():
    html = (
        f'<h2>Troops</h2>{BODY}<figure><img src="m.svg" alt="A map"><figcaption>Map{note("wire")}</figcaption>'
        f"</figure><table><tr><th>Troops</th></tr><tr><td>28,500{note('wire')}</td></tr></table>"
    )
    texts = check_blocks(blocks_of(html) + field_blocks([("description", "Troops")]), EVIDENCE).texts
    assert {
        k: texts[k]
        for k in ("heading", "paragraph", "caption", "alt text", "table header", "table cell", "description")
    } == dict.fromkeys(("heading", "paragraph", "caption", "alt text", "table header", "table cell", "description"), 1)


# ---- The source's words under each footnote ----

FOOTNOTES = (
    '<div class="footnote"><ol><li id="fn:wire"><p>Wire, “Headline”.</p></li>'
    '<li id="fn:paper"><p>Paper, “Other”.</p></li></ol></div>'
)


def test_a_footnote_shows_the_excerpt_that_held_its_block_and_only_that():
    evidence = {**EVIDENCE, "wire": EVIDENCE["wire"].replace(" About", "\nAbout") + "\nUnrelated <b>words</b>."}
    result = check_blocks(blocks_of(f"<p>About 28,500 troops.{note('wire')}</p>"), evidence)
    assert result.supports == {"wire": ["About 28,500 troops are there; the budget rose 7.5 per cent."]}
    shown = with_excerpts(FOOTNOTES, result.supports)
    assert (
        '<li id="fn:wire"><p>Wire, “Headline”.</p><p class="footnote-excerpt"><span class="footnote-excerpt-label">'
        "Source's words:</span> <q>About 28,500 troops are there; the budget rose 7.5 per cent.</q></p>"
    ) in shown
    assert '<li id="fn:paper"><p>Paper, “Other”.</p></li>' in shown, (
        "a footnote whose source held nothing shows nothing"
    )


def test_the_excerpt_shown_is_escaped_and_cut_to_whole_sentences():
    long = (
        "First sentence about something else entirely, long enough to matter here and there and everywhere. "
        "The budget is <5> per cent & rising, it said. " + "Filler words again and again. " * 8
    )
    result = check_blocks(blocks_of(f"<p>It is 5 per cent.{note('wire')}</p>"), {"wire": long})
    assert result.supports["wire"] == ["The budget is <5> per cent & rising, it said."]
    assert "<q>The budget is &lt;5&gt; per cent &amp; rising, it said.</q>" in with_excerpts(FOOTNOTES, result.supports)


def test_the_excerpt_shown_is_not_itself_checked():
    shown = with_excerpts(FOOTNOTES, {"wire": ["“Invented words” and 99,999"]})
    assert findings(shown) == []


# ---- On the whole site, through the build ----


def test_the_check_ran_on_every_page(site_build, html_pages):
    log = site_build[1]
    if not log and os.environ.get("SITE_UNDER_TEST"):  # another builder's site: no log of ours to read
        pytest.skip("the site was built elsewhere: `python -m explainer post SITE` runs the evidence check on it")
    counts = re.search(r"evidence: (\d+) quotations and (\d+) figures checked on (\d+) pages", log)
    assert counts, "the build did not report the evidence check"
    quotations, figures, pages = map(int, counts.groups())
    content_pages = [p for p in html_pages if p not in ("404.html", "print.html") and "redirect" not in p]
    assert pages >= len(content_pages) - 1 and quotations > 100 and figures > 50, counts.group(0)
    read = re.search(r"evidence: texts read, by kind: (.*)", log).group(1).split(", ")
    kinds = {kind: int(count) for kind, count in (item.rsplit(" ", 1) for item in read)}
    for kind in ("title", "description", "heading", "JSON-LD", "feed entry", "citation abstract"):
        assert kinds.get(kind, 0) > 0, f"the evidence check read no {kind}: {kinds}"


BROKEN = {
    "reworded quotation": (
        "docs/faq.md",
        '"as soon as possible"',
        '"as fast as it can"',
        ["faq.md", "quotation", "as fast as it can", "herald-factsheet"],
    ),
    "changed number": (
        "docs/faq.md",
        "1.5192 trillion won",
        "1.6192 trillion won",
        ["faq.md", "figure", "1.6192", "asiae-sma"],
    ),
    "quotation cited only in another paragraph": (
        "docs/faq.md",
        'It also plans to raise defense spending to 3.5% of GDP "as soon as possible".[^herald-factsheet]',
        'It also plans to raise defense spending "as soon as possible".\n\nThat is the plan.[^herald-factsheet]',
        ["faq.md", "block starting “Toward the cost", "as soon as possible", "asiae-sma"],
    ),
    "changed number in a page's description": (
        "docs/us-forces.md",
        "roughly 28,500 U.S. troops",
        "roughly 29,500 U.S. troops",
        ["us-forces.md: description: figure “29,500”", "JSON-LD", "cite/us-forces.json and .ris: citation abstract"],
    ),
    # On a page with no Korean twin, whose pair check would name the new figure first.
    "derived number not marked": (
        "docs/alliance.md",
        "under a cost-sharing agreement that runs to 2030.",
        "under a cost-sharing agreement that runs to 2030, 0.1164 trillion won more than in 2025.",
        ["alliance.md", "figure", "0.1164", "asiae-sma"],
    ),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_the_build_fails_naming_page_block_and_sources(broken_copy, case):
    path, old, new, named = BROKEN[case]
    broken_copy.edit(path, old, new)
    broken_copy.assert_build_fails_naming(*named)


def test_a_marked_derived_number_passes_the_build(broken_copy):
    broken_copy.edit(
        "docs/alliance.md",
        "under a cost-sharing agreement that runs to 2030.",
        "under a cost-sharing agreement that runs to 2030, "
        '<span class="derived">0.1164 trillion</span> won more than in 2025.',
    )
    broken_copy.edit(  # the Korean twin carries the figure too (the pair check), derived there as well
        "ko/alliance.md",
        "2026년에 방위비 분담금으로 1조5192억 원을 낸다.",
        '2026년에 방위비 분담금으로 1조5192억 원을 낸다. 2025년보다 <span class="derived">1164억</span> 원 많다.',
    )
    result = broken_copy.build()  # both editions: each reads the derived number its own way
    assert result.returncode == 0, result.stderr[-2000:]


def test_footnotes_show_their_sources_words_out_of_search(site, html_pages):
    shown = [path for path, soup in html_pages.items() if soup.select(".footnote li .footnote-excerpt q")]
    assert "us-forces.html" in shown, "no footnote on us-forces.html shows its source's words"
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Source's words" not in index and "Source\\u0027s words" not in index, (
        "the excerpts under footnotes reached the search index"
    )


@pytest.mark.unit
def test_names_of_places_a_change_points_to_are_not_held_to_its_sources():
    """A heading named in a change's "Pages:" list (3축 체계) is checked on its own page, not here."""
    from explainer import contract
    from explainer.evidence import blocks_of, check_blocks

    html = (
        f'<li>Changed. <span class="{contract.NAMES_OF_PLACES}">Pages: <a href="g.html#a">Three-axis 3</a></span>.</li>'
    )
    assert not check_blocks(blocks_of(html), {}).findings
    assert check_blocks(blocks_of(html.replace(contract.NAMES_OF_PLACES, "other")), {}).findings
