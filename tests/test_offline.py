"""Offline readers: one zip holds the whole site; print.html and its PDF hold every page."""

import re
import subprocess
import sys
import zipfile
from urllib.parse import unquote, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT

from explainer.downloads import ZIP_NAME
from explainer.offline import human_size

# Raised from 1.5 MB when the Korean edition's story pages, print edition and search joined the zip
# (1.80 MB then): both editions in one download, as an offline reader of either expects.
ZIP_BUDGET = 2_000_000


def nav_pages(html_pages) -> list[str]:
    """Addresses in navigation order, as the home page's sidebar lists them."""
    links = [a["href"] for a in html_pages["index.html"].select("nav.md-nav--primary a.md-nav__link[href]")]
    return list(dict.fromkeys(h.split("#")[0] for h in links if h.endswith(".html")))


@pytest.fixture(scope="module")
def unzipped(site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(site / ZIP_NAME) as archive:
        archive.extractall(folder)
    return folder / "seoul-in-the-lead"


def test_the_zip_is_within_budget_and_every_page_links_to_it_with_its_size(site, html_pages):
    size = (site / ZIP_NAME).stat().st_size
    assert size <= ZIP_BUDGET, f"offline zip is {size} bytes, budget {ZIP_BUDGET}"
    for path, soup in html_pages.items():
        link = soup.find("a", href=re.compile(re.escape(ZIP_NAME) + "$"))
        assert link, f"{path}: no link to the offline copy"
        assert human_size(size) in link.parent.get_text(), f"{path}: the link does not show the size {human_size(size)}"


def test_the_zip_holds_the_site_but_not_itself_nor_unused_files(site, unzipped):
    names = {p.relative_to(unzipped).as_posix() for p in unzipped.rglob("*") if p.is_file()}
    built = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()} - {ZIP_NAME}
    editions = {name for name in built if name.startswith("editions/")}
    assert editions, "the site has no dated edition to leave out"
    newest = yaml.safe_load((ROOT / "data" / "editions.yml").read_text(encoding="utf-8"))[-1]["file"]
    assert names == built - editions | {newest}, (
        "the zip must hold the site and the newest edition's page, less the other editions it links to online"
    )
    korean_search = {
        f"ko/assets/javascripts/lunr/min/{name}" for name in ("lunr.stemmer.support.min.js", "lunr.ko.min.js")
    }
    assert not [n for n in names if n.endswith(".map") or ("/lunr/" in n and n not in korean_search)], (
        "unused assets shipped"
    )


def test_two_builds_give_the_same_zip(site, rebuilt_site):
    assert (rebuilt_site / ZIP_NAME).read_bytes() == (site / ZIP_NAME).read_bytes()


def test_every_internal_link_and_anchor_of_the_unzipped_copy_resolves(unzipped):
    pages = {p: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in unzipped.glob("*.html")}
    broken = []
    for page, soup in pages.items():
        if page.name == "404.html":
            continue  # rooted at site_url for servers; never opened from disk
        for a in soup.find_all("a", href=True):
            url = urlparse(a["href"])
            if url.scheme or a["href"].startswith("//"):
                continue
            target = (page.parent / unquote(url.path)).resolve() if url.path else page
            if not target.exists():
                broken.append(f"{page.name}: {a['href']}")
            elif url.fragment and target.suffix == ".html":
                soup_target = pages.get(target) or BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                if not soup_target.find(id=unquote(url.fragment)):
                    broken.append(f"{page.name}: {a['href']}")
    assert not broken, f"broken in the offline copy: {broken[:10]}"


@pytest.mark.browser
def test_the_unzipped_copy_works_from_disk(visit, unzipped):
    """Search, navigation, the timeline, dark mode and citations, with no network."""
    reader = visit()
    page = reader.page
    page.goto((unzipped / "index.html").as_uri())
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("Humphreys", delay=10)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.md-search-result__item > a')].some(a => a.href.includes('h=humphreys'))",
        timeout=15000,
    )
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_load_state()
    assert "Camp Humphreys" in page.inner_text("article")
    page.goto((unzipped / "index.html").as_uri())
    page.set_viewport_size({"width": 1400, "height": 900})
    page.click("nav.md-nav--primary >> text=Timeline")
    page.wait_for_url("**/timeline.html")
    assert page.locator("li.timeline-entry").count() >= 30
    scheme = page.get_attribute("body", "data-md-color-scheme")
    page.locator("form[data-palette] label:visible").first.click()
    assert page.get_attribute("body", "data-md-color-scheme") != scheme, "dark mode does not switch"
    page.click("details.cite-this-page summary")
    assert "timeline.html" in page.locator(".citation-apa").inner_text()
    assert reader.foreign_requests("file://") == []
    assert reader.errors == [], reader.errors


# ---- Print edition ----


def test_print_edition_holds_every_page_once_in_navigation_order(html_pages):
    soup = html_pages["print.html"]
    expected = [p.removesuffix(".html") for p in nav_pages(html_pages) if p != "print.html"]
    sections = [s["id"] for s in soup.select("section.print-section")]
    assert sections == expected
    assert soup.select_one(".print-title-page").find("a", href="http://127.0.0.1:8000/")
    contents = [a["href"] for a in soup.select(".print-contents ol a")]
    assert contents == ["#" + s for s in expected]


def test_print_edition_links_stay_inside_it(html_pages):
    soup = html_pages["print.html"]
    article = soup.select_one("article")
    for a in article.find_all("a", href=True):
        href = a["href"]
        if urlparse(href).scheme or a.find_parent(class_="cite-this-page") or "edition-link" in a.get("class", []):
            continue  # the language link goes to the other edition's print edition (ko/print.html)
        assert href.startswith("#"), f"print edition links out to {href}"
        assert soup.find(id=href[1:]), f"print edition link {href} has no target"


@pytest.mark.browser
def test_printing_hides_the_screen_chrome(visit, http_site):
    reader = visit()
    reader.page.goto(http_site + "alliance.html")
    reader.page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer"):
        assert not reader.page.locator(selector).first.is_visible(), f"{selector} shows in print"
    assert reader.page.locator(".footnote").is_visible(), "footnotes must print"


@pytest.fixture(scope="module")
def printed_pdfs(site, chromium, tmp_path_factory):
    """The English PDF and the Korean one (ko/ beside it), printed once for the tests below."""
    from explainer.downloads import KO_PDF_NAME

    folder = tmp_path_factory.mktemp("pdf")
    # As `make pdf` runs it: its own Chromium, which sees only the fonts of pdf-fonts.conf.
    made = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_pdf.py"), str(site), str(folder / "e.pdf")],
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr[-2000:]
    return folder / "e.pdf", folder / "ko" / KO_PDF_NAME


def pdf_fonts(pdf) -> dict[str, bool]:
    """Each font the PDF's pages use, by name without its subset prefix: is it embedded? Chromium
    writes some Hangul glyphs (bold headings) as Type 3 fonts: outlines drawn from the named font."""
    fonts: dict[str, bool] = {}
    for page in pdf.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            embedded = "/CharProcs" in font or any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            name = str(font.get("/BaseFont") or descriptor.get("/FontName") or "?").lstrip("/")
            fonts[name.split("+")[-1]] = fonts.get(name.split("+")[-1], True) and embedded
    return fonts


@pytest.mark.browser
def test_the_pdf_has_every_section_and_the_online_address(printed_pdfs, html_pages):
    from pypdf import PdfReader

    pdf = PdfReader(printed_pdfs[0])
    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    sections = [p for p in nav_pages(html_pages) if p != "print.html"]
    assert len(pdf.pages) >= len(sections)
    for path in sections:
        heading = " ".join(html_pages[path].select_one("article h1").get_text(" ", strip=True).replace("¶", "").split())
        assert heading in text, f"the PDF lacks the section '{heading}'"
    assert "http://127.0.0.1:8000/print.html" in text
    assert re.search(r"Page 2 of \d+", text), "no page numbers"
    # A document, not a web page: a cover without running head or number, contents with the
    # page each chapter starts on, a running head naming the chapter, no web apparatus.
    pages = [" ".join(page.extract_text().split()) for page in pdf.pages]
    cover = pages[0]
    assert cover.startswith("Seoul in the Lead") and "Page 1" not in cover, cover[:300]
    assert all(fact in cover for fact in ("Edition of", "Reporting through", "http://127.0.0.1:8000/", "CC BY 4.0")), (
        cover
    )
    starts = {}
    for item in titles_with_pages(pdf, pdf.outline):
        starts.setdefault(item[0], item[1])
    contents = pages[1]
    for path in sections:
        title = (
            html_pages["print.html"].select_one(f'.print-contents a[href="#{path.removesuffix(".html")}"]').get_text()
        )
        heading = " ".join(html_pages[path].select_one("article h1").get_text(" ", strip=True).replace("¶", "").split())
        page_number = next(n for t, n in starts.items() if "".join(t.split()) == "".join(heading.split()))
        assert f"{title} {page_number}" in contents, f"contents lack '{title} {page_number}'"
        assert pages[page_number - 1].startswith(title), f"page {page_number}: no running head '{title}'"
    assert "In the source list" not in text and "Back to:" not in text and "↩" not in text
    # Tagged for screen readers, with an outline of the sections, set in the pinned fonts.
    catalog = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"], "the PDF is not tagged"

    def titles(items):  # the edition's title, its chapters nested under it
        for item in items:
            yield from titles(item) if isinstance(item, list) else [item.title]

    outline = list(titles(pdf.outline))
    assert len(outline) > len(sections) and "Conclusion and what to watch" in outline, outline
    fonts = pdf_fonts(pdf)  # Hangul (Korean source titles) in NanumGothic, the rest DejaVu
    assert fonts and all(name.startswith(("DejaVu", "NanumGothic")) for name in fonts), f"other fonts: {fonts}"
    assert all(fonts.values()), f"fonts not embedded: {fonts}"


HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.mark.browser
def test_the_korean_pdf_is_korean_in_a_korean_font_embedded_with_every_chapter(printed_pdfs, korean_pages):
    """Printed by the same make_pdf.py run: Hangul as text, not empty boxes; the Korean apparatus."""
    from pypdf import PdfReader

    pdf = PdfReader(printed_pdfs[1])
    pages = [" ".join(page.extract_text().split()) for page in pdf.pages]
    text = " ".join(pages)
    assert len(HANGUL.findall(text)) > 1000, "the Korean PDF holds (almost) no Hangul text"
    fonts = pdf_fonts(pdf)
    assert any(name.startswith("NanumGothic") for name in fonts), f"no Korean font: {fonts}"
    assert all(name.startswith(("DejaVu", "NanumGothic")) for name in fonts), f"other fonts: {fonts}"
    assert all(fonts.values()), f"fonts not embedded: {fonts}"
    edition = korean_pages["ko/print.html"]
    chapters = [a.get_text() for a in edition.select(".print-contents ol a")]
    assert len(chapters) == len([p for p in korean_pages if p not in ("ko/print.html", "ko/404.html")]), chapters
    for title in chapters:
        assert "".join(title.split()) in "".join(text.split()), f"the Korean PDF lacks the chapter '{title}'"
    assert "보도 기준" in pages[0] and "http://127.0.0.1:8000/ko/" in pages[0], pages[0][:300]
    assert "차례" in pages[1] and all(re.search(re.escape(t) + r" \d+", pages[1]) for t in chapters), pages[1][:300]
    assert re.search(r"2쪽 / 전체 \d+쪽", text), "no Korean page numbers"
    assert "In the source list" not in text and "Back to:" not in text and "↩" not in text
    catalog = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"], "the Korean PDF is not tagged"


def titles_with_pages(pdf, items):
    for item in items:
        if isinstance(item, list):
            yield from titles_with_pages(pdf, item)
        else:
            yield item.title, pdf.get_destination_page_number(item) + 1


@pytest.mark.browser
def test_the_printed_edition_has_black_links_and_no_screen_apparatus(visit, http_site):
    reader = visit()
    page = reader.page
    page.goto(http_site + "print.html")
    page.emulate_media(media="print")
    # Links ease into their printed colour (Material's colour transition): read it once there.
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    colours = page.evaluate("[...document.querySelectorAll('article a')].map(a => getComputedStyle(a).color)")
    assert set(colours) == {"rgb(0, 0, 0)"}, f"links print in {set(colours) - {'rgb(0, 0, 0)'}}"
    for selector in (".reporting-through", ".screen-only", ".grid.cards", ".cite-this-page", ".headerlink"):
        assert not page.locator(selector).first.is_visible(), f"{selector} prints"
    assert page.locator(".print-notes").first.is_visible()


def test_the_edition_s_notes_are_notes_not_web_apparatus(html_pages):
    soup = html_pages["print.html"]
    for section in soup.select("section.print-section"):
        notes = section.select_one(".footnote")
        if notes:
            assert "print-notes" in notes["class"] and notes.select_one("h3.print-notes-title"), section["id"]
            assert not notes.select(".footnote-back") and "In the source list" not in notes.get_text(), section["id"]


def test_no_page_links_a_file_the_site_does_not_have(site, html_pages):
    # A `make build` or `make serve` site has no PDF (make pdf prints it): no footer may link it.
    from urllib.parse import unquote, urlsplit

    broken = []
    for path, soup in html_pages.items():
        for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag, attrs={attribute: True}):
                parts = urlsplit(element[attribute])
                if parts.scheme or parts.netloc or not parts.path:
                    continue
                base = site if parts.path.startswith("/") else (site / path).parent
                if not (base / unquote(parts.path).lstrip("/")).exists():
                    broken.append(f"{path}: {element[attribute]}")
    assert not broken, "links to files the site does not have:\n" + "\n".join(sorted(set(broken))[:20])


def test_a_plain_build_does_not_link_the_pdf_it_lacks(site, html_pages):
    from explainer.downloads import PDF_NAME

    assert not (site / PDF_NAME).exists()
    linking = [path for path, soup in html_pages.items() if soup.find("a", href=lambda h: h and PDF_NAME in h)]
    assert not linking, f"pages link a PDF this site does not have: {linking}"


def test_a_site_built_for_the_pdf_links_it_in_every_footer_and_the_zipped_copy_links_the_hosted_one(broken_copy):
    from explainer.downloads import KO_PDF_NAME, PDF_NAME

    result = broken_copy.build(SITE_PDF="1")  # as `make pdf` builds, before it prints the PDF
    assert result.returncode == 0, result.stderr[-2000:]
    site = broken_copy.path.parent / "site"
    for page in site.glob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        if page.name != "404.html" and not soup.find("meta", attrs={"http-equiv": "refresh"}):
            assert soup.select_one(f".site-downloads a[href='{PDF_NAME}']"), f"{page.name}: no link to the PDF"
    with zipfile.ZipFile(site / ZIP_NAME) as archive:
        zipped = BeautifulSoup(archive.read("seoul-in-the-lead/index.html").decode("utf-8"), "html.parser")
    assert zipped.select_one(f".site-downloads a[href='http://127.0.0.1:8000/{PDF_NAME}']")
    cover = BeautifulSoup((site / "print.html").read_text(encoding="utf-8"), "html.parser").select_one(
        ".print-title-page"
    )
    assert cover.find("a", href=f"http://127.0.0.1:8000/{PDF_NAME}"), "the print edition does not link its PDF"
    # The Korean edition links its own print edition and PDF (ko/ beside them); from the zip the PDF is online.
    for page in (site / "ko").glob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        if page.name != "404.html" and not soup.find("meta", attrs={"http-equiv": "refresh"}):
            assert soup.select_one(f".site-downloads a[href='{KO_PDF_NAME}']"), f"ko/{page.name}: no link to its PDF"
            assert soup.select_one(".site-downloads a[href='print.html']"), f"ko/{page.name}: no Korean print edition"
    with zipfile.ZipFile(site / ZIP_NAME) as archive:
        zipped = BeautifulSoup(archive.read("seoul-in-the-lead/ko/faq.html").decode("utf-8"), "html.parser")
        assert "seoul-in-the-lead/ko/print.html" in archive.namelist()
    hosted = zipped.select_one(f".site-downloads a[href='http://127.0.0.1:8000/ko/{KO_PDF_NAME}']")
    assert hosted and hosted.has_attr("data-online-only"), "the zipped Korean page's PDF link"
    assert zipped.select_one(".site-downloads a[href='print.html']"), "the zipped Korean page's print edition"
    cover = BeautifulSoup((site / "ko" / "print.html").read_text(encoding="utf-8"), "html.parser")
    assert cover.select_one(".print-title-page").find("a", href=f"http://127.0.0.1:8000/ko/{KO_PDF_NAME}")
    assert broken_copy.build(SITE_PDF="yes").returncode != 0, "a mistyped SITE_PDF must stop the build"


def test_the_zip_holds_the_newest_edition_and_marks_every_link_that_needs_the_network(unzipped):
    """An offline reader can open the newest dated edition; a link that cannot work from the
    zip (older editions, edition zips, the PDF, the zip itself) says "online only"."""
    newest = yaml.safe_load((ROOT / "data" / "editions.yml").read_text(encoding="utf-8"))[-1]["file"]
    assert (unzipped / newest).is_file(), "the newest edition is not in the zip"
    editions = BeautifulSoup((unzipped / "editions.html").read_text(encoding="utf-8"), "html.parser")
    assert editions.find("a", href=newest), "editions.html does not link the newest edition inside the zip"
    silent = []
    for page in [*unzipped.glob("*.html"), *unzipped.glob("ko/*.html")]:  # both editions
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for a in soup.find_all("a", href=True):
            if a["href"].startswith("http://127.0.0.1:8000/") and not a.has_attr("data-online-only"):
                silent.append(f"{page.relative_to(unzipped)}: {a['href']}")
    assert not silent, f"links of the zip that go online without saying so: {silent[:5]}"
    assert "a[data-online-only]::after" in (unzipped / "index.html").read_text(encoding="utf-8")
