"""Search lands on the section that answers: the query set of tests/search_queries.yml,
typed into the site's own search box, hosted and from disk.

Where a result "lands" is what a reader who picks the first result gets: Material groups
results by page and shows, under the page, the sections that score as high as its best;
the first of those is where the reader lands, or the top of the page when the page itself
scores best. Hit rates are printed at the end of the run (conftest.py).
"""

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
# Set high on purpose: a change that sends readers to the wrong place should fail here.
TOP_1_FLOOR = 0.9
TOP_3_FLOOR = 0.95
IDLE = "Type to start searching"  # what Material's English search shows, once ready, for an empty box

# The first three result groups, each as the address a reader lands on: the first section
# shown outside "more" (Material lists there the sections that beat the page), else the page.
LANDINGS = """() => [...document.querySelectorAll('.md-search-result__item')].slice(0, 3).map(item => {
    const shown = [...item.querySelectorAll('a')].filter(a => !a.closest('details'));
    return (shown[1] || shown[0]).href;
})"""


def where(address: str) -> str:
    """A landing as the query files name it: the page's file name and its anchor, if any."""
    url = urlparse(address)
    return url.path.rsplit("/", 1)[-1] + (f"#{url.fragment}" if url.fragment else "")


def assert_answers_exist(queries: list[dict], html_pages: dict) -> None:
    """Each query of a set is typed text with answers that are pages (and sections) of the built site."""
    for item in queries:
        assert item["query"].strip() and item["answers"], item
        for answer in item["answers"]:
            path, _, anchor = answer.partition("#")
            assert path in html_pages, f"{item['query']!r}: no page {path}"
            assert not anchor or html_pages[path].find(id=anchor), f"{item['query']!r}: no section {answer}"


@dataclass
class Outcome:
    query: str
    answers: list[str]
    landings: list[str]

    def lands(self, address: str) -> bool:
        landing = where(address)
        return any(
            landing == answer or ("#" not in answer and landing.split("#")[0] == answer) for answer in self.answers
        )

    @property
    def first(self) -> bool:
        return bool(self.landings) and self.lands(self.landings[0])

    @property
    def top_3(self) -> bool:
        return any(self.lands(address) for address in self.landings)


def run_queries(page, queries: list[dict], idle: str = IDLE) -> list[Outcome]:
    """Each query typed into the search box; `idle` is what the box shows, once ready, when empty
    (Material's words in the page's language)."""
    page.keyboard.press("/")  # Material's shortcut opens and focuses the search box
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    outcomes = []
    for item in queries:
        box.fill("")
        box.press("End")  # Material reads the box on key events
        page.wait_for_function(
            "text => document.querySelector('.md-search-result__meta').innerText === text", arg=idle, timeout=15000
        )
        box.fill(item["query"])
        box.press("End")
        page.wait_for_function(
            "text => document.querySelector('.md-search-result__meta').innerText !== text", arg=idle, timeout=15000
        )
        outcomes.append(Outcome(item["query"], item["answers"], page.evaluate(LANDINGS) if meta.count() else []))
    return outcomes


def test_the_query_set_is_well_formed(html_pages):
    assert len(QUERIES) >= 30
    assert_answers_exist(QUERIES, html_pages)


def test_the_index_holds_the_text_not_its_apparatus(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        text = doc["text"]
        where = doc["location"]
        assert "In the source list" not in text and "↩" not in text, f"{where}: footnotes are indexed"
        assert "https://" not in text or where.startswith("sources.html"), f"{where}: addresses are indexed"
    sections = {doc["location"]: doc["text"] for doc in index["docs"]}
    assert "Key points" not in sections["us-forces.html"], "key points repeat the sections below them"
    assert "Troop levels, the legal limits" not in sections["index.html#where-to-go-next"], "signposts are indexed"
    # A word right after an opening quote is a word of its own ("powerful military").
    assert "“" in index["config"]["separator"] and "‘" in index["config"]["separator"]


@pytest.mark.browser
def test_searches_land_on_the_section_that_answers(visit, site_root, search_hit_rates):
    reader = visit(viewport={"width": 1400, "height": 900})
    reader.page.goto(site_root + "index.html")
    outcomes = run_queries(reader.page, QUERIES)
    mode = "from disk" if site_root.startswith("file:") else "hosted"
    first = sum(o.first for o in outcomes) / len(outcomes)
    top_3 = sum(o.top_3 for o in outcomes) / len(outcomes)
    misses = [f"{o.query!r} -> {[where(a) for a in o.landings]}" for o in outcomes if not o.first]
    search_hit_rates.append(
        f"{mode}: first result right for {sum(o.first for o in outcomes)}/{len(outcomes)} "
        f"({first:.0%}), in the top three for {sum(o.top_3 for o in outcomes)}/{len(outcomes)} "
        f"({top_3:.0%}); missed first: {'; '.join(misses) or 'none'}"
    )
    assert first >= TOP_1_FLOOR and top_3 >= TOP_3_FLOOR, "\n".join(
        [
            f"{mode}: first {first:.0%} (floor {TOP_1_FLOOR:.0%}), top three {top_3:.0%} (floor {TOP_3_FLOOR:.0%})",
            *misses,
        ]
    )
