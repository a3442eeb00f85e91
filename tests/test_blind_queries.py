"""Search for a newcomer: the lead's blind query set (tests/blind_queries.yml, written before
reading any page, page-level answers), typed into the site's own search box, hosted and from
disk. Every query must find something, and at least 85 % must put a right page first.
Its queries and answers are not ours to edit; tests/search_queries.yml is the editors' set."""

from pathlib import Path

import pytest
import yaml
from test_search_queries import assert_answers_exist, run_queries, where

QUERIES = yaml.safe_load((Path(__file__).parent / "blind_queries.yml").read_text(encoding="utf-8"))
FIRST_FLOOR = 0.85


def test_the_blind_set_names_pages_that_exist(html_pages):
    assert len(QUERIES) >= 30
    assert_answers_exist(QUERIES, html_pages)


@pytest.mark.browser
def test_newcomers_find_something_and_mostly_the_right_page_first(visit, site_root, search_hit_rates):
    reader = visit(viewport={"width": 1400, "height": 900})
    reader.page.goto(site_root + "index.html")
    outcomes = run_queries(reader.page, QUERIES)
    mode = "from disk" if site_root.startswith("file:") else "hosted"
    empty = [o.query for o in outcomes if not o.landings]
    first = sum(o.first for o in outcomes)
    misses = [f"{o.query!r} -> {[where(a) for a in o.landings]}" for o in outcomes if o.landings and not o.first]
    search_hit_rates.append(
        f"blind set, {mode}: right first {first}/{len(outcomes)} ({first / len(outcomes):.0%}), "
        f"empty {len(empty)}: {empty or 'none'}; missed first: {'; '.join(misses) or 'none'}"
    )
    assert not empty, f"{mode}: nothing found for {empty}"
    assert first / len(outcomes) >= FIRST_FLOOR, "\n".join(
        [f"{mode}: right first {first}/{len(outcomes)} (floor {FIRST_FLOOR:.0%})", *misses]
    )


def test_keywords_become_the_tags_of_the_section_that_treats_them():
    from explainer.search import with_keywords

    index = {
        "docs": [
            {"location": "us-forces.html", "title": "U.S. forces", "text": ""},
            {"location": "us-forces.html#troop-levels", "title": "Troop levels", "text": ""},
        ]
    }
    missing = with_keywords(index, {"us-forces.md#troop-levels": ["tripwire"], "us-forces.md#gone": ["x"]})
    assert index["docs"][1]["tags"] == ["tripwire"] and "tags" not in index["docs"][0]
    assert missing == ["us-forces.md#gone"]


def test_keywords_are_in_the_index_and_hidden_in_results(site):
    import json

    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["fields"]["tags"]["boost"] > index["config"]["fields"]["title"]["boost"]
    tagged = {doc["location"]: doc["tags"] for doc in index["docs"] if doc.get("tags")}
    assert "KCNA" in tagged.get("north-korea-and-the-region.html#pyongyang-2026", []), tagged
    assert ".md-search-result .md-tags { display: none; }" in (site / "index.html").read_text(encoding="utf-8")
