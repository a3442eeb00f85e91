"""How to cite a page: the facts of one page, and every form a citer or a program reads.

Plain Python, no MkDocs import (explainer/mkdocs_adapter.py is the adapter). One PageFacts per page
knows its title, dates, address and (later) edition; the four text styles, the RIS and
CSL-JSON downloads, the <head> tags for reference managers and the section citations are
all functions of it. Text styles are HTML with every fact escaped, except BibTeX (text).
"""

from __future__ import annotations

import dataclasses
import datetime
import html
import json
import re

from . import contract
from .references import CslItem, apa_case, bibtex_entry, headline_case

MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
TITLE_ID = "title"  # every page's title heading: # Its title {#title}
H1 = re.compile(r'<h1 id="([^"]*)"[^>]*>(.*?)</h1>', re.DOTALL)
CITED_HEADING = re.compile(r'(<h([2-6]) id="([^"]+)"[^>]*>(.*?)</h\2>)', re.DOTALL)
# A timeline entry (explainer/mkdocs_adapter.py): its permanent link goes after its title.
TIMELINE_ENTRY = re.compile(
    r'(<li class="timeline-entry[^"]*" id="([^"]+)">.*?<p class="timeline-title">.*?</p>)', re.DOTALL
)


@dataclasses.dataclass(frozen=True)
class Edition:
    """A dated, frozen copy of the site (issue 11 builds them): its date and address."""

    date: datetime.date
    url: str


@dataclasses.dataclass(frozen=True)
class PageFacts:
    title: str  # the page's own title: its H1, not its navigation label
    description: str
    site: str
    author: str
    published: datetime.date
    updated: datetime.date
    url: str  # the permanent address
    accessed: datetime.date  # the day this copy was built: a citer's access date, at the earliest
    # Cite this edition: when the page has a dated edition, pass it here; edition_facts()
    # gives the facts that cite it, and the templates show them beside the live page's.
    edition: Edition | None = None
    # The page's language (ISO 639-1): "ko" for the Korean edition's pages. The citation files and
    # tags say it (RIS LA, CSL-JSON language, biblatex langid, citation_language, inLanguage), and a
    # Korean page's citations add the Korean web-citation form (KOREAN_STYLE).
    language: str = "en"

    @property
    def key(self) -> str:
        """The citation key in every format: author, year, first words of the title."""
        words = re.findall(r"[a-z0-9]+", f"{self.author.split()[0]} {self.updated.year} {self.title}".lower())
        if self.language != "en":  # a Korean title has no Latin words: the language and the page's name instead
            name = self.url.split("#")[0].rstrip("/").rsplit("/", 1)[-1].removesuffix(".html")
            words = [*words[:2], self.language, *re.findall(r"[a-z0-9]+", name.lower())]
        return "-".join(words[:6])


def edition_facts(facts: PageFacts) -> PageFacts | None:
    """The same page as its dated edition: that edition's date and address."""
    if not facts.edition:
        return None
    return dataclasses.replace(facts, updated=facts.edition.date, url=facts.edition.url, edition=None)


def text_of(fragment: str) -> str:
    """Visible text of rendered HTML: no tags, no permalink sign, entities decoded."""
    fragment = re.sub(r'<a class="headerlink".*?</a>', "", fragment, flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def page_title(content: str, source: str) -> str:
    """The page's title from its rendered H1, which must carry the explicit {#title} anchor."""
    match = H1.search(content)
    if not match:
        raise ValueError(f"{source}: the page needs a title heading: # Its title {{#{TITLE_ID}}}")
    if match.group(1) != TITLE_ID:
        raise ValueError(
            f"{source}: give the title heading its fixed anchor, not one made from its words: "
            f"# {text_of(match.group(2))} {{#{TITLE_ID}}}"
        )
    return text_of(match.group(2))


def long_date(day: datetime.date) -> str:
    return f"{day.strftime('%B')} {day.day}, {day.year}"


FIRST_PUBLISHED = {"en": "First published", "ko": "최초 게시"}  # the citation files' note, by page language
KOREAN_STYLE = "국내 웹 문서"  # the key of the Korean form among a Korean page's citation styles


def korean_date(day: datetime.date) -> str:
    return f"{day.year}년 {day.month}월 {day.day}일"


def korean_citation(facts: PageFacts, section: str | None = None, url: str | None = None) -> str:
    """The form Korean academic writing uses for a web page (as in the KCI journals' and university
    libraries' guides): author (the editors, 편집진), 「page title」, 『site name』, date, address,
    and the access date (검색일). A section is named after its page: 「page title: section」."""
    e = html.escape
    title = f"{facts.title}: {section}" if section else facts.title
    author = f"{facts.site} 편집진"
    return (
        f"{e(author)}, 「{e(title)}」, 『{e(facts.site)}』, {korean_date(facts.updated)} 수정, "
        f"{e(url or facts.url)} (검색일: {korean_date(facts.accessed)})."
    )


def formats(facts: PageFacts, section: str | None = None, url: str | None = None) -> dict[str, str]:
    """The page's (or one section's) citation in each style, dated by its last update.

    APA in sentence case, MLA and Chicago in headline case, each as its style asks.
    """
    url = url or facts.url
    site, author, e = html.escape(facts.site), html.escape(facts.author), html.escape
    title = facts.title
    when = facts.updated
    if section:
        apa_title = f"{e(apa_case(section))}. In <em>{e(apa_case(title))}</em>"
        mla_title = f"“{e(headline_case(section))}.” <em>{e(headline_case(title))}</em>"
        chicago_title = f"“{e(headline_case(section))}.” In “{e(headline_case(title))}.”"
    else:
        apa_title = f"<em>{e(apa_case(title))}</em>"
        mla_title = f"“{e(headline_case(title))}.”"
        chicago_title = f"“{e(headline_case(title))}.”"
    url_e = e(url)
    citations = {KOREAN_STYLE: korean_citation(facts, section, url)} if facts.language == "ko" else {}
    citations |= {
        "APA 7": f"{author}. ({when.year}, {when.strftime('%B')} {when.day}). {apa_title}. {site}. {url_e}",
        "MLA 9": f"{author}. {mla_title}{',' if section else ''} <em>{site}</em>, "
        f"{when.day} {MLA_MONTHS[when.month - 1]} {when.year}, {e(url.split('://', 1)[-1])}.",
        "Chicago": f"{author}. {chicago_title} {site}. Published {long_date(facts.published)}; "
        f"last modified {long_date(when)}. {url_e}.",
    }
    if not section:
        citations["BibTeX"] = bibtex_entry(csl_item(facts))
    return citations


def csl_item(facts: PageFacts) -> CslItem:
    """The page as a CSL-JSON item: a web page of the site, dated by its last update."""
    return {
        "id": facts.key,
        "type": "webpage",
        "title": facts.title,
        "container-title": facts.site,
        "author": [{"literal": facts.author}],
        "issued": {"date-parts": [[facts.updated.year, facts.updated.month, facts.updated.day]]},
        "accessed": {"date-parts": [[facts.accessed.year, facts.accessed.month, facts.accessed.day]]},
        "URL": facts.url,
        "language": facts.language,
        "abstract": facts.description,
        "note": f"{FIRST_PUBLISHED.get(facts.language, FIRST_PUBLISHED['en'])} {facts.published.isoformat()}",
    }


def head_tags(facts: PageFacts) -> list[tuple[str, str, str]]:
    """(attribute, name, content) of each <meta> that reference managers and link previews read.

    Chosen for Zotero's "Embedded Metadata" translator (zotero/translators, Embedded Metadata.js,
    and RDF.js, which it loads for og: tags), so that a page saves as a web page:
    - citation_title makes it guess "journalArticle" only as a fallback (hwTypeGuess), used when
      nothing names a type; og:type "website" names one (RDF detectType: t.og = "webpage"), and
      t.og outranks that fallback. og:type "article" would not: it is only t.ogGuess.
    - No citation_journal_title, citation_book_title, citation_technical_report_institution and the
      like: each sets hwType, which overrides every other type.
    """
    when = facts.updated.strftime("%Y/%m/%d")
    return [
        # HIGHWIRE_MAPPINGS: citation_title -> title (over og:title, which the RDF import reads first).
        ("name", "citation_title", facts.title),
        # processHighwireCreators -> ZU.cleanAuthor(name, "author", useComma = name has a comma):
        # without a comma it splits at the last space ("editors, Seoul in the Lead"); with the
        # inverted form's comma and no given name it keeps the whole name as the last name.
        ("name", "citation_author", f"{facts.author},"),
        # HIGHWIRE_MAPPINGS: citation_date -> date. The citations are dated by the last update.
        ("name", "citation_date", when),
        # HIGHWIRE_MAPPINGS: citation_public_url -> url; citation_language -> language.
        ("name", "citation_public_url", facts.url),
        ("name", "citation_language", facts.language),
        # RDF detectType: og:type "website" -> t.og = "webpage".
        ("property", "og:type", "website"),
        # RDF importItem: og:site_name -> publicationTitle (a web page's "Website Title").
        ("property", "og:site_name", facts.site),
        ("property", "og:title", facts.title),
        # RDF importItem: og:description -> abstractNote.
        ("property", "og:description", facts.description),
        ("property", "og:url", facts.url),
        ("name", "twitter:card", "summary"),
        ("name", "twitter:title", facts.title),
        ("name", "twitter:description", facts.description),
    ]


def json_ld(facts: PageFacts) -> str:
    """schema.org WebPage, part of the WebSite; safe to place inside <script>."""
    page = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "headline": facts.title,
        "name": facts.title,
        "description": facts.description,
        "datePublished": facts.published.isoformat(),
        "dateModified": facts.updated.isoformat(),
        "author": {"@type": "Organization", "name": facts.author},
        "publisher": {"@type": "Organization", "name": facts.site},
        "isPartOf": {"@type": "WebSite", "name": facts.site},
        "url": facts.url,
        "inLanguage": facts.language,
        "isAccessibleForFree": True,
        "license": "https://creativecommons.org/licenses/by/4.0/",
    }
    return script_json(json.dumps(page, ensure_ascii=False, indent=1))


def script_json(text: str) -> str:
    """JSON safe inside <script>: no <, > or & as such (\\u003c …), so neither </script> nor
    <!-- (which puts the HTML parser in a state that swallows the page, probe case 2.11)
    can occur; U+2028 and U+2029 escaped too. The same JSON to any JSON reader."""
    for character, escaped in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(character, escaped)
    return text


# The words of the boxes this module writes into pages: the English ones, or the edition's from
# data/ko/strings.yml (the adapter passes them).
LABELS = {
    "cite_this_section": "Cite this section",
    "address": "Address:",
    "copy_link": "Copy link",
    "permanent_link": "Permanent link",
}


def copy_button(text: str, label: str) -> str:
    """Material's own clipboard script copies data-clipboard-text: no script of ours."""
    return (
        f'<button type="button" class="copy-link {contract.APPARATUS}" data-clipboard-text="{html.escape(text)}">'
        f"{html.escape(label)}</button>"
    )


def section_box(facts: PageFacts, anchor: str, heading: str, labels: dict[str, str] | None = None) -> str:
    """Under a cited heading: its permanent address and citation, folded away until asked for."""
    words = {**LABELS, **(labels or {})}
    url = f"{facts.url}#{anchor}"
    styles = "".join(
        f"<dt>{style}</dt><dd>{citation}</dd>" for style, citation in formats(facts, section=heading, url=url).items()
    )
    return (
        f'<details class="cite-section {contract.APPARATUS}">'
        f"<summary>{html.escape(words['cite_this_section'])}</summary>"
        f'<p>{html.escape(words["address"])} <a href="{html.escape(url)}">{html.escape(url)}</a> '
        f"{copy_button(url, words['copy_link'])}</p>"
        f"<dl>{styles}</dl></details>"
    )


def add_section_citations(content: str, facts: PageFacts, cited: set[str], labels: dict[str, str] | None = None) -> str:
    """A "Cite this section" after each heading whose anchor the address registry lists.
    Raises when the page has headings and cited anchors but the pattern matches no heading."""
    if cited - {TITLE_ID} and re.search(r"<h[2-6][ >]", content):
        contract.must_match(CITED_HEADING, content, "cited headings")

    def add(match: re.Match[str]) -> str:
        heading, _, anchor, inner = match.groups()
        if anchor not in cited:
            return heading
        return heading + section_box(facts, anchor, text_of(inner), labels)

    return CITED_HEADING.sub(add, content)


def entry_link(page_address: str, canonical: str, anchor: str, label: str = LABELS["permanent_link"]) -> str:
    """A timeline entry's permanent link: a ¶ at the end of its title, as headings have (a row
    of address and copy button under every entry cost a phone reader a line an entry)."""
    return f' <a class="entry-link {contract.APPARATUS}" href="#{anchor}" aria-label="{html.escape(label)}">&para;</a>'


def add_entry_links(content: str, page_address: str, canonical: str, label: str = LABELS["permanent_link"]) -> str:
    """Each timeline entry's permanent link, inside its title (raises on a page with timeline
    entries whose markup the pattern no longer matches)."""
    if 'class="timeline-entry' in content:
        contract.must_match(TIMELINE_ENTRY, content, "timeline entries")
    return TIMELINE_ENTRY.sub(
        lambda m: m.group(1)[: -len("</p>")] + entry_link(page_address, canonical, m.group(2), label) + "</p>", content
    )
