"""What only a browser shows: search works hosted and from disk, nothing leaves the machine.

Where search lands for the queries readers type: test_search_queries.py."""

import re

import pytest

pytestmark = pytest.mark.browser


def search(visit_, query: str) -> list[str]:
    """Type into the search box as a reader would; return result addresses in order."""
    page = visit_.page
    page.keyboard.press("/")  # Material's shortcut focuses the search box
    page.locator("input.md-search__input").press_sequentially(query, delay=10)
    # Results update as each letter arrives: wait until a result was found for the
    # whole last word (Material puts the search terms in each result's ?h=).
    last_word = re.split(r"[^a-z]+", query.lower().strip())[-1]
    page.wait_for_function(
        "word => [...document.querySelectorAll('.md-search-result__item > a')]"
        ".some(a => (new URL(a.href).searchParams.get('h') || '').split(/[^a-z]+/).includes(word))",
        arg=last_word,
        timeout=15000,
    )
    return [a.get_attribute("href") for a in page.query_selector_all(".md-search-result__item > a")]


def test_search_finds_a_word_from_the_home_page(visit, site_root):
    reader = visit()
    reader.page.goto(site_root + "index.html")
    results = search(reader, "conscription")
    assert results, "search returned nothing"
    allowed = "http://127.0.0.1" if site_root.startswith("http") else "file://"
    assert reader.foreign_requests(allowed) == []
    assert reader.errors == [], f"console errors: {reader.errors}"


def test_every_page_opens_without_errors_or_outside_requests(visit, site_root, html_pages):
    reader = visit()
    for path in html_pages:
        if path == "404.html" and site_root.startswith("file:"):
            continue  # the 404 page is for servers: its addresses are rooted at site_url
        reader.page.goto(site_root + path)
    allowed = "http://127.0.0.1" if site_root.startswith("http") else "file://"
    assert reader.foreign_requests(allowed) == []
    assert reader.errors == [], f"console errors: {reader.errors}"
