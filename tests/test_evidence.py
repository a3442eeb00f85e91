"""Every quotation and figure on the site is in the recorded evidence of a source cited beside it.

The rules run as plain functions on small pieces of HTML (fast, one test per rule), and on
a broken copy of the site (the build must fail, naming page, block, quotation or figure,
and the sources cited there).
"""

import re
import sys

import pytest
import yaml

from conftest import ROOT
from explainer.evidence import blocks_of, check_blocks

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
    assert findings(f"<p>It says Seoul “is capable of taking primary responsibility”, with 28,500 troops.{note('wire')}</p>") == []


@pytest.mark.unit
def test_quote_style_spacing_and_first_letter_are_not_held_against_a_quotation():
    assert findings(f"<p>“South  Korea is capable of taking ‘primary’ responsibility”.{note('wire')}</p>") == []
    assert findings(f"<p>It said “the document said”.{note('wire')}</p>") == []


@pytest.mark.unit
def test_a_reworded_quotation_fails():
    assert findings(f"<p>It “gives South Korea primary responsibility”.{note('wire')}</p>") == [
        "quotation:gives South Korea primary responsibility"]


@pytest.mark.unit
def test_an_ellipsis_joins_exact_pieces_in_order_only():
    assert findings(f"<p>“South Korea is capable … the document said”.{note('wire')}</p>") == []
    assert findings(f"<p>“the document said … South Korea is capable”.{note('wire')}</p>") != []


@pytest.mark.unit
def test_a_changed_number_fails_and_dates_are_not_figures():
    assert findings(f"<p>About 28,000 troops, on 23 January 2026 and 9 to 19 March.{note('wire')}</p>") == [
        "figure:28,000"]
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
    box = (f'<div class="admonition document"><p>“is capable of taking primary responsibility”</p>'
           f"<p>As quoted.{note('wire')}</p></div>")
    row = f"<tr><th>Troops{note('wire')}</th><td>28,500</td></tr>"
    assert findings(box) == [] and findings(row) == []


@pytest.mark.unit
def test_footnotes_bibliography_and_code_are_not_statements():
    html = ('<div class="footnote"><ol><li>“Headline” 2024</li></ol></div>'
            '<ol class="source-list"><li>“Another headline”, 99 pages</li></ol><p><code>v2.1</code></p>')
    assert findings(html) == []


# ---- On the whole site, through the build ----

def test_the_check_ran_on_every_page_and_every_source_has_evidence(site_build, html_pages):
    counts = re.search(r"evidence: (\d+) quotations and (\d+) figures checked on (\d+) pages", site_build[1])
    assert counts, "the build did not report the evidence check"
    quotations, figures, pages = map(int, counts.groups())
    content_pages = [p for p in html_pages if p not in ("404.html", "print.html") and "redirect" not in p]
    assert pages >= len(content_pages) - 1 and quotations > 100 and figures > 50, counts.group(0)
    for source in yaml.safe_load((ROOT / "data" / "sources.yml").read_text(encoding="utf-8")):
        assert source.get("evidence") or source.get("full_text"), f"{source['id']} records no evidence"
        assert source["accessed"], f"{source['id']} has no accessed date"


BROKEN = {
    "reworded quotation": ("docs/faq.md", '"as soon as possible"', '"as fast as it can"',
                           ["faq.md", "quotation", "as fast as it can", "herald-factsheet"]),
    "changed number": ("docs/faq.md", "1.5192 trillion won", "1.6192 trillion won",
                       ["faq.md", "figure", "1.6192", "asiae-sma"]),
    "quotation cited only in another paragraph": (
        "docs/faq.md", 'It also plans to raise defense spending to 3.5% of GDP "as soon as possible".[^herald-factsheet]',
        'It also plans to raise defense spending "as soon as possible".\n\nThat is the plan.[^herald-factsheet]',
        ["faq.md", "block starting “Toward the cost", "as soon as possible", "asiae-sma"]),
    "derived number not marked": ("docs/faq.md", "under an agreement that runs to 2030.",
                                  "under an agreement that runs to 2030, 0.1164 trillion won more than in 2025.",
                                  ["faq.md", "figure", "0.1164", "asiae-sma"]),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_the_build_fails_naming_page_block_and_sources(broken_copy, case):
    path, old, new, named = BROKEN[case]
    broken_copy.edit(path, old, new)
    broken_copy.assert_build_fails_naming(*named)


def test_a_marked_derived_number_passes_the_build(broken_copy):
    broken_copy.edit("docs/faq.md", "under an agreement that runs to 2030.",
                     'under an agreement that runs to 2030, <span class="derived">0.1164</span> trillion won more than in 2025.')
    result = broken_copy.build()
    assert result.returncode == 0, result.stderr[-2000:]
