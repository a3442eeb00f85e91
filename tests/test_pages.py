"""Every page a reader lands on, from a search engine or a link, is complete."""

import re

import yaml
from conftest import PUBLISHED_URL, ROOT

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


def content_pages(html_pages):
    """Pages built from docs/*.md (not Material's 404 page)."""
    return {path: soup for path, soup in html_pages.items() if path != "404.html"}


def test_every_page_has_title_description_and_canonical_link(html_pages):
    for path, soup in content_pages(html_pages).items():
        assert soup.title and soup.title.string.strip(), f"{path}: no <title>"
        description = soup.find("meta", attrs={"name": "description"})
        assert description and description["content"].strip(), f"{path}: no meta description"
        canonical = soup.find("link", rel="canonical")
        assert canonical, f"{path}: no canonical link"
        assert canonical["href"] == DEFAULT_SITE_URL + path, f"{path}: canonical is {canonical['href']}"


def test_page_title_comes_from_its_heading_and_description_from_front_matter(html_pages):
    """The tab names the page by its own title (its H1), not its short navigation label."""
    for markdown in (ROOT / "docs").glob("*.md"):
        text = markdown.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---")[1])
        heading = re.search(r"^# (.+?) \{#title\}$", text, re.M).group(1)
        soup = html_pages[markdown.stem + ".html"]
        assert soup.title.string.startswith(heading), markdown.name
        assert soup.find("meta", attrs={"name": "description"})["content"] == meta["description"]


def test_every_page_shows_its_last_updated_date(html_pages):
    for path, soup in content_pages(html_pages).items():
        updated = soup.select_one(".page-updated time[datetime]")
        assert updated, f"{path}: no visible 'last updated' date"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", updated["datetime"]), path


def test_every_page_is_in_the_navigation(html_pages):
    nav_links = {a["href"].split("#")[0] for a in html_pages["index.html"].select("nav.md-nav--primary a[href]")}
    pages = set(content_pages(html_pages))
    missing = {p for p in pages if p not in nav_links and p != "index.html"}
    assert not missing, f"pages not reachable from the navigation: {sorted(missing)}"


def test_site_url_comes_from_the_environment(published_site):
    page = (published_site / "alliance.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{PUBLISHED_URL}alliance.html">' in page
