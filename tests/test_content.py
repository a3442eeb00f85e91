"""The explainer itself: every section of the article covered, every claim sourced."""

import re
import subprocess
import sys

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT

from explainer import contract

# The article's eight sections, and the page that explains each.
ARTICLE_SECTIONS = {
    "Overview of the Policy Shift": "index.html",
    "What the Change Means for Deterrence": "deterrence.html",
    "Strategic Rationale": "rationale.html",
    "Implications for U.S. Forces": "us-forces.html",
    "Impact on Alliance Dynamics": "alliance.html",
    "What This Means for North Korea and Regional Security": "north-korea-and-the-region.html",
    "Next Steps and Timelines": "timeline.html",
    "Conclusion": "conclusion.html",
}
SECTION_PAGES = [*ARTICLE_SECTIONS.values(), "the-strategy.html"]
REFERENCE_PAGES = ["faq.html", "glossary.html", "sources.html", "about.html"]

# Points the article makes, and where a reader finds each (as the page's own words).
ARTICLE_POINTS = {
    "deterrence.html": [
        "planning, surveillance and readiness",
        "advanced intelligence sharing",
        "regional reassurance",
        "modernization",
    ],
    "rationale.html": [
        "self-reliance",
        "pre-positioned equipment",
        "interoperable",
        "faster response times",
        "does not equate to weaker defense",
    ],
    "us-forces.html": [
        "gradual",
        "North Korea's actions",
        "alliance confidence",
        "essential U.S. capabilities",
        "training emphases",
        "tempo of multinational exercises",
    ],
    "alliance.html": [
        "cornerstone",
        "clarifying responsibilities",
        "burden sharing",
        "decision timelines",
        "political backing",
    ],
    "north-korea-and-the-region.html": ["recalibrating", "without heavy U.S. intervention", "Japan"],
    "timeline.html": ["in phases", "ongoing assessments", "dialogue with Seoul", "allied exercises"],
    "conclusion.html": ["recalibration", "self-reliance"],
}


def main_text(soup) -> str:
    """The article's words, with typographic apostrophes read as plain ones."""
    return " ".join(soup.select_one("article.md-content__inner").get_text(" ").replace("’", "'").split())


def test_each_article_section_has_its_page_in_the_navigation(html_pages):
    nav = {a["href"] for a in html_pages["index.html"].select("nav.md-nav--primary a[href]")}
    for section, page in ARTICLE_SECTIONS.items():
        assert page in html_pages, f"no page for the article's section '{section}'"
        assert page in nav or page == "index.html", f"{page} is not in the navigation"
    for page in [*REFERENCE_PAGES, "the-strategy.html"]:
        assert page in nav, f"{page} is not in the navigation"


@pytest.mark.parametrize("page", ARTICLE_POINTS)
def test_the_article_points_are_covered(html_pages, page):
    text = main_text(html_pages[page])
    missing = [point for point in ARTICLE_POINTS[page] if point.lower() not in text.lower()]
    assert not missing, f"{page} does not cover the article's points {missing}"


@pytest.mark.parametrize("page", SECTION_PAGES)
def test_section_page_has_key_points_implication_and_footnotes(html_pages, page):
    soup = html_pages[page]
    keypoints = soup.select(".admonition.keypoints li")
    assert 3 <= len(keypoints) <= 5, f"{page}: key points box needs 3 to 5 points, has {len(keypoints)}"
    implications = soup.select(".admonition.implication > .admonition-title")
    assert implications, f"{page}: no implication box"
    for title in implications:
        assert re.match(r"Implication for \S", title.get_text()), f"{page}: implication titled '{title.get_text()}'"
    assert soup.select("a.footnote-ref"), f"{page}: no footnotes"


@pytest.mark.parametrize("page", [*SECTION_PAGES, "faq.html", "glossary.html"])
def test_every_number_date_and_quote_has_a_footnote(html_pages, page):
    """Each paragraph, list item or table cell with a digit or a quotation cites a source."""
    article = BeautifulSoup(str(html_pages[page].select_one("article")), "html.parser")
    # Footnotes and citations are sources themselves; figures and the timeline's dates
    # cite theirs per row and per entry (tested with them); a passed checkpoint's note gives
    # the site's date and the date of the entry that reports it, derived from the data.
    for element in article.select(
        f".{contract.APPARATUS}, .{contract.LIVE_ONLY}, .{contract.FOOTNOTES}, "
        ".page-updated, .reporting-through, figure, .timeline-when, .timeline-title, "
        "dl.timeline-phase, .timeline-passed"
    ):
        element.decompose()
    unsourced = []
    for element in article.find_all(["p", "li", "td"]):
        if element.find(["p", "li"]):
            continue  # judged by its own paragraphs
        text = " ".join(element.get_text(" ").split())
        if re.search(r"\d|[“”]", text) and not element.find("a", class_="footnote-ref"):
            unsourced.append(text[:100])
    assert not unsourced, f"{page}: numbers, dates or quotes without a footnote: {unsourced}"


def test_every_footnote_reference_resolves(html_pages):
    for path, soup in html_pages.items():
        for ref in soup.select("a.footnote-ref"):
            target = ref["href"].lstrip("#")
            assert soup.find(id=target), f"{path}: footnote {ref['href']} has no note"


def test_every_footnote_names_a_listed_source_and_every_source_is_cited(html_pages, korean_pages):
    listed = {li["id"] for li in html_pages["sources.html"].select("ol.source-list > li[id]")}
    sources = yaml.safe_load((ROOT / "data" / "sources.yml").read_text(encoding="utf-8"))
    assert listed == {s["id"] for s in sources}, "sources.html does not list exactly data/sources.yml"
    cited = set()
    for path, soup in html_pages.items():
        for link in soup.select('.footnote a[href^="sources.html#"]'):
            source_id = link["href"].split("#")[1]
            assert source_id in listed, f"{path}: footnote cites '{source_id}', which is not listed"
            cited.add(source_id)
    for path, soup in korean_pages.items():  # a Korean-language source may be cited by Korean pages only
        for link in soup.select('.footnote a[href^="../sources.html#"]'):
            source_id = link["href"].split("#")[1]
            assert source_id in listed, f"{path}: footnote cites '{source_id}', which is not listed"
            cited.add(source_id)
    assert listed - cited == set(), f"listed but never cited: {sorted(listed - cited)}"


def test_every_abbreviation_in_the_text_is_defined(html_pages):
    for path, soup in html_pages.items():
        if path == "404.html":
            continue
        # A copy: the soups are shared by every test of the session.
        article = BeautifulSoup(str(soup.select_one("article.md-content__inner")), "html.parser")
        # Citation boxes are template text with style names (APA, MLA); excerpts are the sources' words.
        apparatus = f".{contract.HEADERLINK}, .{contract.APPARATUS}"
        for element in article.select(f"abbr, code, pre, {apparatus}, .source-excerpt, .footnote-excerpt"):
            element.decompose()
        for link in article.select("a"):
            if link.get_text().startswith("http"):
                link.decompose()  # an address shown as itself is not prose
        undefined = set(re.findall(r"\b[A-Z]{2,}\b", article.get_text(" ")))
        assert not undefined, f"{path}: abbreviations without a definition: {sorted(undefined)}"


def test_codespell_finds_no_misspellings():
    result = subprocess.run(
        [sys.executable, "-m", "codespell_lib", "docs", "data", "README.md"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_figures_have_caption_accessible_name_and_data_as_text(html_pages):
    figures = [(path, f) for path, soup in html_pages.items() for f in soup.select("figure.data-figure")]
    assert len(figures) >= 2, "the site needs at least two figures"
    for path, figure in figures:
        caption = figure.find("figcaption")
        assert caption and caption.get_text(strip=True), f"{path}: figure without caption"
        assert figure["aria-labelledby"] == caption["id"], f"{path}: figure not named by its caption"
        assert figure.find(id=figure["aria-describedby"]).get_text(strip=True), f"{path}: no text alternative"
        # A chart's data is a table; the map's is the list of its places.
        assert figure.select("table th[scope]") or figure.select("ul.map-places li"), f"{path}: figure data is not text"
        assert figure.select("a.footnote-ref"), f"{path}: figure without a source footnote"
    bars = [f for _, f in figures if "figure-bars" in f["class"]]
    for figure in bars:
        for row in figure.select("tbody tr"):
            assert re.search(r"\d", row.select_one(".bar-value").get_text()), "a bar without its number as text"
