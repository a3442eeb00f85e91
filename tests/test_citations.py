"""Citing: every page's citation in four styles and as files that real parsers read, tags
that make Zotero save a web page, cited sections and timeline entries, and a source list
that survives link rot (kind, accessed date, live and archived links, supporting excerpt).
"""

import datetime
import io
import json
import re

import pytest
import rispy
import yaml
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.bibtex.bibparse import BibTeXParser
from citeproc.source.json import CiteProcJSON
from conftest import ROOT

from explainer.citations import Edition, PageFacts, edition_facts, formats
from explainer.korean import in_korean
from explainer.references import apa_case, bibtex, bibtex_title, headline_case, ris
from explainer.sources import csl_item

SITE = "Seoul in the Lead"
AUTHOR = "Seoul in the Lead editors"
STYLE = "harvard-cite-them-right"  # the standard CSL style citeproc-py ships


def content_pages(html_pages):
    return {p: s for p, s in html_pages.items() if p != "404.html"}


def h1_text(soup) -> str:
    heading = soup.select_one("article h1#title")
    assert heading, "no title heading with the fixed anchor #title"
    return " ".join(
        t for t in heading.find_all(string=True, recursive=True) if not t.find_parent(class_="headerlink")
    ).strip()


def meta(soup) -> dict[str, str]:
    return {m.get("name") or m.get("property"): m["content"] for m in soup.find_all("meta", content=True)}


def updated(soup) -> datetime.date:
    return datetime.date.fromisoformat(soup.select_one(".page-updated time")["datetime"])


def render(items: list[dict]) -> list[str]:
    """CSL-JSON through citeproc-py in a standard style, as a reference manager would print it."""
    bibliography = CitationStylesBibliography(
        CitationStylesStyle(STYLE, validate=False), CiteProcJSON(items), formatter.plain
    )
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    return [str(entry) for entry in bibliography.bibliography()]


def sentence_case_as_bibtex_styles_do(title: str) -> str:
    """BibTeX's change.case$ "t": lower case outside braces, first letter kept; braces then dropped."""
    depth, out = 0, []
    for position, char in enumerate(title):
        depth += char == "{"
        out.append(char if depth or position == 0 else char.lower())
        depth -= char == "}"
    return re.sub(r"\\([&%$#_])", r"\1", "".join(out).replace("{", "").replace("}", ""))


# ---- The page's own title, everywhere ----


def test_title_tab_and_every_citation_use_the_pages_h1_not_its_navigation_label(html_pages):
    for path, soup in content_pages(html_pages).items():
        title, tags = h1_text(soup), meta(soup)
        assert soup.title.string == f"{title} - {SITE}", path
        assert tags["citation_title"] == tags["og:title"] == title, path
        data = json.loads(soup.find("script", type="application/ld+json").string)
        assert data["headline"] == title, path
    assert meta(html_pages["index.html"])["citation_title"].startswith("South Korea in the lead")


def test_every_page_offers_four_styles_with_address_and_title_in_each_styles_case(html_pages):
    for path, soup in content_pages(html_pages).items():
        box = soup.select_one("details.cite-this-page")
        canonical = soup.find("link", rel="canonical")["href"]
        title = h1_text(soup)
        expected = {"apa": apa_case(title), "mla": headline_case(title), "chicago": headline_case(title)}
        for style, written in expected.items():
            citation = " ".join(box.select_one(f".citation-{style}").get_text().split())
            address = canonical if style != "mla" else canonical.split("://", 1)[1]
            assert address in citation, f"{path}: {style} lacks the address"
            assert written in citation, f"{path}: {style} lacks the title as “{written}”: {citation}"
            assert box.select_one(f'button[data-clipboard-target="#citation-{style}"]'), f"{path}: {style} copy"
        assert box.select_one(".citation-bibtex pre code"), f"{path}: BibTeX not in a code block"


@pytest.mark.unit
def test_style_cases():
    assert headline_case("Implications for U.S. forces") == "Implications for U.S. Forces"
    assert headline_case("How to cite this explainer") == "How to Cite This Explainer"
    assert (
        headline_case("South Korea in the lead: the 2026 defense strategy in brief")
        == "South Korea in the Lead: The 2026 Defense Strategy in Brief"
    )
    assert (
        apa_case("South Korea in the lead: the 2026 defense strategy in brief")
        == "South Korea in the lead: The 2026 defense strategy in brief"
    )


# ---- BibTeX ----


def test_bibtex_entry_parses_protects_capitals_and_has_an_access_date(html_pages):
    for path, soup in content_pages(html_pages).items():
        text = soup.select_one(".citation-bibtex code").get_text()
        entries = BibTeXParser(io.StringIO(text))
        assert len(entries) == 1, path
        entry = next(iter(entries.values()))
        assert entry.document_type == "online"
        assert entry["author"] == "{" + AUTHOR + "}", f"{path}: the author must be one name, in braces"
        assert sentence_case_as_bibtex_styles_do(entry["title"]) == h1_text(soup), path
        assert entry["urldate"] >= entry["date"] == updated(soup).isoformat(), path
    assert bibtex_title("Implications for U.S. forces") == "{Implications} for {U.S.} Forces"


# ---- Files for reference managers ----


def download(site, soup, kind: str) -> str:
    link = soup.select_one(f".citation-downloads a[href$='.{kind}']")
    assert link and link.has_attr("download"), f"no {kind} download"
    return (site / link["href"]).read_text(encoding="utf-8")


def test_every_pages_ris_file_parses_as_a_web_page_with_the_pages_facts(site, html_pages):
    for path, soup in content_pages(html_pages).items():
        records = rispy.loads(download(site, soup, "ris"))
        assert len(records) == 1, path
        record = records[0]
        assert record["type_of_reference"] == "ELEC", f"{path}: RIS type is not a web page"
        assert record["title"] == h1_text(soup)
        assert record["authors"] == [AUTHOR]
        assert record["secondary_title"] == SITE
        assert record["date"] == updated(soup).strftime("%Y/%m/%d")
        assert record["access_date"] >= record["date"]
        assert record["urls"] == [soup.find("link", rel="canonical")["href"]]


def test_every_pages_csl_json_renders_in_a_standard_style_with_the_pages_facts(site, html_pages):
    for path, soup in content_pages(html_pages).items():
        items = json.loads(download(site, soup, "json"))
        assert [i["type"] for i in items] == ["webpage"], path
        [printed] = render(items)
        for fact in (
            AUTHOR,
            h1_text(soup),
            SITE,
            f"({updated(soup).year})",
            soup.find("link", rel="canonical")["href"],
            "Accessed",
        ):
            assert fact in printed, f"{path}: “{fact}” not in {printed}"


# ---- Zotero's Embedded Metadata translator ----

# Tags that make Embedded Metadata.js set hwType, which overrides every other type.
HIGHWIRE_TYPE_TAGS = {
    "citation_journal_title",
    "citation_technical_report_institution",
    "citation_conference_title",
    "citation_conference",
    "citation_book_title",
    "citation_inbook_title",
    "citation_dissertation_institution",
}


def zotero_item(tags: dict[str, str]) -> dict:
    """What the translator makes of the page's <meta> tags: the rules that decide this site's item.

    From zotero/translators: Embedded Metadata.js (init, addHighwireMetadata,
    processHighwireCreators) and RDF.js (detectType, importItem), and ZU.cleanAuthor.
    """
    assert not HIGHWIRE_TYPE_TAGS & set(tags), "a Highwire tag would force a non-web-page type"
    og_types = {"website": "webpage", "book": "book"}  # t.og; "article" is only t.ogGuess
    fallback = "journalArticle" if "citation_title" in tags else "webpage"  # hwTypeGuess or webpage
    item_type = og_types.get(tags.get("og:type"), fallback)
    author = re.sub(r"^[\s.,/\[\]:]+|[\s,/\[\]:.]+$", "", tags["citation_author"])
    if "," in tags["citation_author"]:
        last, _, first = author.partition(",")
    else:
        first, _, last = author.rpartition(" ")
    return {
        "itemType": item_type,
        "title": tags.get("citation_title") or tags.get("og:title"),
        "websiteTitle": tags.get("og:site_name"),
        "creator": (last.strip(), first.strip()),
        "date": tags.get("citation_date") or tags.get("citation_publication_date"),
        "url": tags.get("citation_public_url"),
        "language": tags.get("citation_language"),
    }


def test_zotero_saves_every_page_as_a_web_page_with_site_author_and_date(html_pages):
    for path, soup in content_pages(html_pages).items():
        item = zotero_item(meta(soup))
        assert item == {
            "itemType": "webpage",
            "title": h1_text(soup),
            "websiteTitle": SITE,
            "creator": (AUTHOR, ""),
            "date": updated(soup).strftime("%Y/%m/%d"),
            "url": soup.find("link", rel="canonical")["href"],
            "language": "en",
        }, path


@pytest.mark.unit
def test_the_zotero_rules_tell_the_old_tags_apart():
    """The model above is not trivially satisfied: the tags this site had gave a journal article."""
    old = {"citation_title": "Overview", "citation_author": AUTHOR, "og:type": "article", "og:site_name": SITE}
    item = zotero_item(old)
    assert item["itemType"] == "journalArticle" and item["creator"] == ("editors", "Seoul in the Lead")


# ---- Sections and timeline entries ----


def registered_anchors() -> dict[str, set[str]]:
    anchors: dict[str, set[str]] = {}
    for address in yaml.safe_load((ROOT / "data" / "addresses.yml").read_text(encoding="utf-8"))["live"]:
        page, _, anchor = address.partition("#")
        if anchor:
            anchors.setdefault(page, set()).add(anchor)
    return anchors


def test_every_cited_heading_offers_cite_this_section_and_no_other_does(html_pages):
    cited = registered_anchors()
    boxes = 0
    for path, soup in content_pages(html_pages).items():
        canonical = soup.find("link", rel="canonical")["href"]
        for heading in soup.select("article :is(h2, h3, h4)[id]"):
            box = heading.find_next_sibling()
            has_box = box is not None and box.name == "details" and "cite-section" in box.get("class", [])
            assert has_box == (heading["id"] in cited.get(path, set())), f"{path}#{heading['id']}"
            if has_box:
                boxes += 1
                address = f"{canonical}#{heading['id']}"
                assert box.select_one(f'a[href="{address}"]') and box.select_one(
                    f'button[data-clipboard-text="{address}"]'
                ), f"{path}#{heading['id']}"
                assert all(address.split("://")[1] in dd.get_text() for dd in box.select("dd"))
    assert boxes >= 40


def test_every_timeline_entry_has_its_permanent_link_as_a_pilcrow_in_its_title(html_pages):
    soup = html_pages["timeline.html"]
    entries = soup.select("li.timeline-entry[id]")
    assert len(entries) >= 30
    for entry in entries:
        link = entry.select_one(".timeline-title a.entry-link")
        assert link and link["href"] == f"#{entry['id']}" and link.get_text() == "¶"
        assert not entry.find(string=lambda s: "Copy link" in s), "the Link: … Copy link row is back"


def test_every_page_title_anchor_is_fixed_and_registered(html_pages):
    cited = registered_anchors()
    for path in content_pages(html_pages):
        assert "title" in cited.get(path, set()), f"{path}#title is not in data/addresses.yml"


@pytest.mark.browser
def test_the_entry_pilcrow_leads_to_the_entry(visit, http_site):
    reader = visit()
    reader.page.goto(http_site + "timeline.html")
    reader.page.locator("#nds-released a.entry-link").click()
    assert reader.page.evaluate("location.hash") == "#nds-released"
    assert not reader.errors


@pytest.mark.browser
def test_copy_buttons_are_hidden_without_javascript(visit, http_site):
    reader = visit(java_script_enabled=False)
    reader.page.goto(http_site + "us-forces.html")
    reader.page.locator("details#cite-this-page > summary").click()
    assert reader.page.locator("#citation-apa").is_visible()
    assert not reader.page.locator("#cite-this-page button.copy-link").first.is_visible()


# ---- The source list ----


def sources() -> list[dict]:
    return yaml.safe_load((ROOT / "data" / "sources.yml").read_text(encoding="utf-8"))


def day_text(value) -> str:
    day = datetime.date.fromisoformat(str(value))
    return f"{day.day} {day.strftime('%B %Y')}"


def test_every_source_shows_kind_accessed_where_read_links_and_every_excerpt(html_pages):
    soup = html_pages["sources.html"]
    words = lambda s: re.sub(r"[^\w]+", " ", s).strip()  # noqa: E731 (typography aside)
    for source in sources():
        item = soup.find("li", id=source["id"])
        text = " ".join(item.get_text(" ").split())
        assert item.select_one(".source-kind").get_text().strip(), source["id"]
        accessed = datetime.date.fromisoformat(str(source["accessed"]))
        assert f"Accessed {day_text(source['accessed'])}" in text, source["id"]
        not_found = (
            f"Not found again when checked on {day_text(source['not_found_again'])}"
            if source.get("not_found_again")
            else None
        )
        assert (not_found in text) if not_found else ("Not found again" not in text), source["id"]
        read = " ".join(item.select_one(".source-read").get_text(" ").split())
        for place in source["read_in"]:
            assert {
                "address": "at the address listed",
                "copy": place.get("url", ""),
                "research sheet": place.get("sheet", ""),
                "full text": "full text",
            }[place["where"]] in read, source["id"]
        links = [a["href"] for a in item.select(".source-links a")]
        if source["url"]:
            archive = f"https://web.archive.org/web/{accessed.strftime('%Y%m%d')}/{source['url']}"
            assert links == [source["url"], archive], source["id"]
            shown = [words(" ".join(q.get_text().split())) for q in item.select(".source-excerpt")]
            assert len(shown) == len(source["evidence"]), source["id"]
            for number, (excerpt, recorded) in enumerate(zip(shown, source["evidence"]), start=1):
                assert excerpt.removeprefix(f"{number} ") == words(recorded), source["id"]
        else:
            assert not links and "full_text" in source, source["id"]
        if "description" in source:
            assert "(our description)" in text, source["id"]


def test_every_footnote_links_to_its_sources_entry(html_pages):
    listed = {li["id"] for li in html_pages["sources.html"].select("ol.source-list > li[id]")}
    for path, soup in html_pages.items():
        for note in soup.select(".footnote li[id^='fn:']"):
            for source_id in note["id"].removeprefix("fn:").split("+"):  # a note may cite several
                assert note.select_one(f'a[href="sources.html#{source_id}"]') and source_id in listed, path


def test_the_whole_bibliography_downloads_as_ris_csl_json_and_bibtex(site, html_pages):
    listed = {s["id"]: s for s in sources()}
    links = {a["href"] for a in html_pages["sources.html"].select(".bibliography-downloads a[download]")}
    assert links == {"sources.ris", "sources.json", "sources.bib"}
    records = {r["id"]: r for r in rispy.loads((site / "sources.ris").read_text(encoding="utf-8"))}
    items = json.loads((site / "sources.json").read_text(encoding="utf-8"))
    entries = BibTeXParser(io.StringIO((site / "sources.bib").read_text(encoding="utf-8")))
    assert set(records) == {i["id"] for i in items} == set(entries) == set(listed)
    printed = render(items)
    assert len(printed) == len(listed)
    for source_id, source in listed.items():
        title = source.get("title") or f"[{source['description']}]"
        assert records[source_id]["title"] == title
        assert records[source_id]["type_of_reference"] == (
            "NEWS" if source["kind"] in ("agency", "newspaper") else "ELEC"
        )
        assert records[source_id].get("urls", [None]) == [source["url"]]
        assert records[source_id]["access_date"] == str(source["accessed"]).replace("-", "/")
        assert sentence_case_as_bibtex_styles_do(entries[source_id]["title"]).lower() == title.lower()
        assert any(title in line for line in printed), source_id
        korean = any(in_korean(excerpt) for excerpt in source.get("evidence") or [])
        assert records[source_id]["language"] == ("ko" if korean else "en"), source_id
    assert any(item["language"] == "ko" for item in items)  # the site cites Korean-language reports


@pytest.mark.unit
def test_a_source_quoted_in_korean_is_cited_as_korean_in_every_format():
    source = {
        "id": "x-ko",
        "description": "Report (in Korean)",
        "outlet": "SBS",
        "kind": "newspaper",
        "date": "2026-03-10",
        "url": "https://example.org/x",
        "confidence": "M",
        "accessed": "2026-12-01",
        "read_in": [{"where": "address"}],
        "evidence": ["이재명 대통령은 “자주국방은 기본 중의 기본”이라고 말했다"],
    }
    english = {**source, "evidence": ["President Lee said self-reliant defense is basic"]}
    item = csl_item(source)  # type: ignore[arg-type]
    assert item["language"] == "ko" and csl_item(english)["language"] == "en"  # type: ignore[arg-type]
    assert "LA  - ko" in ris([item]) and re.search(r"langid\s*= {korean}", bibtex([item]))


# ---- Dated editions: the hook ----


@pytest.mark.unit
def test_an_edition_is_cited_by_its_own_date_and_address():
    facts = PageFacts(
        title="Implications for U.S. forces",
        description="d",
        site=SITE,
        author=AUTHOR,
        published=datetime.date(2026, 11, 27),
        updated=datetime.date(2026, 12, 3),
        url="https://example.org/us-forces.html",
        accessed=datetime.date(2026, 12, 4),
        edition=Edition(datetime.date(2026, 11, 27), "https://example.org/editions/2026-11-27.html"),
    )
    edition = edition_facts(facts)
    for style, citation in formats(edition).items():
        assert "editions/2026-11-27.html" in citation and "us-forces.html" not in citation, style
    assert edition_facts(edition) is None
