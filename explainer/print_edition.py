"""print.html: every page in navigation order on one page, in plain Python (no MkDocs import).

MkDocs converts every page before it renders any template, so when print.html is
rendered the other pages' HTML is ready. Each page becomes a section whose ids are
prefixed with the page's name, and links between pages become links inside the edition.
The edition is one document with one title: each page's headings move down a level, so
its title becomes a chapter heading (h2) under the edition's h1.
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from urllib.parse import urljoin

from . import contract
from .print_pages import chapter_notes

MARKER = contract.PRINT_EDITION
REFERENCE = re.compile(r'\b(id|for|aria-labelledby|aria-describedby)="([^"]+)"')
LINK = re.compile(r'\bhref="([^"]*)"')
HEADING_TAG = re.compile(r"<(/?)h([1-5])\b")
NOT_SEARCHED = re.compile(r'\sdata-search-exclude="[^"]*"')


@dataclass(frozen=True)
class Labels:
    """The edition's own words around the pages, in the edition's language. {date} is a <time>,
    {link} the address; the Korean ones come from data/ko/strings.yml (`from_strings`)."""

    edition_of: str = "Edition of {date}."
    reporting_through: str = "Reporting through {date}."
    online: str = "Online edition: {link}. Its addresses do not change."
    preview: str = "Local preview, not a published edition: {link}"
    pdf: str = 'As a <abbr title="Portable Document Format">PDF</abbr>: {link}'
    contents: str = "Contents"
    permalink: str = "Link to this section"
    notes: str = "Notes"
    page_of: str = "Page {page} of {pages}"

    @classmethod
    def from_strings(cls, strings: dict[str, str]) -> "Labels":
        """The labels from the site's strings table (data/ko/strings.yml: key print_<field>)."""
        return cls(**{name: strings[f"print_{name}"] for name in cls.__dataclass_fields__})


def english_day(day: datetime.date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


@dataclass
class Chapter:
    """One page of the site as the edition needs it: its address's stem, title, date and HTML."""

    slug: str
    title: str
    updated: datetime.date
    content: str


def rewrite(content: str, own: str, included: set[str], site_url: str = "", notes: str = "Notes") -> str:
    """Make one page's ids unique in the edition, its links point inside it, its headings a level lower."""
    content = REFERENCE.sub(lambda m: f'{m.group(1)}="{" ".join(f"{own}--{v}" for v in m.group(2).split())}"', content)

    def link(match: re.Match[str]) -> str:
        target = match.group(1)
        page, _, anchor = target.partition("#")
        if not page:
            return f'href="#{own}--{anchor}"'
        name = page.removesuffix(".html")
        if page == "print.html":
            return 'href="#contents"'  # the edition itself
        if page.endswith(".html") and "/" not in page and name in included:
            return f'href="#{name}--{anchor}"' if anchor else f'href="#{name}"'
        if "://" not in page and not page.startswith(("mailto:", "#")):
            # A file of the site (feed.xml), or of the English edition from the Korean one
            # (../alliance.html): its online address.
            return f'href="{urljoin(site_url, target)}"'
        return match.group(0)

    content = NOT_SEARCHED.sub("", content)  # the edition is not indexed; the markers mean nothing here
    content = HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", content)
    content = chapter_notes(content, notes)  # after the move down: its heading is already a chapter's h3
    return LINK.sub(link, content)


def edition(
    pages: list[Chapter],
    site_name: str,
    site_url: str,
    reporting_through: dict[str, str],
    preview: bool = False,
    description: str = "",
    licence: str = "",
    pdf: str | None = None,
    labels: Labels = Labels(),
    day: Callable[[datetime.date], str] = english_day,
    description_lang: str = "",
) -> str:
    """pdf: the name of the PDF printed from this page, when the site will hold it (make pdf):
    the cover links it. labels and day: the edition's words and dates, in its language;
    description_lang: the description's language where it is not the edition's (lang="en")."""
    included = {p.slug for p in pages}
    updated = max(p.updated for p in pages)
    # Each chapter's page number is filled in by scripts/make_pdf.py after a first printing.
    contents = "\n".join(
        f'<li><a href="#{p.slug}">{escape(p.title)}</a>'
        f'<span class="print-page-number" data-chapter="{p.slug}"></span></li>'
        for p in pages
    )
    sections = "\n".join(
        f'<section class="print-section" id="{p.slug}" aria-label="{escape(p.title)}">\n'
        f"{rewrite(p.content, p.slug, included, site_url, labels.notes)}\n</section>"
        for p in pages
    )
    link = f'<a href="{site_url}">{site_url}</a>'
    address = (labels.preview if preview else labels.online).format(link=link)
    edition_date = f'<time datetime="{updated}">{day(updated)}</time>'
    through = f'<time datetime="{reporting_through["iso"]}">{reporting_through["text"]}</time>'
    pdf_link = f'<a href="{site_url}{pdf}">{site_url}{pdf}</a>'
    subtitle_lang = f' lang="{description_lang}"' if description_lang else ""
    contents_word = escape(labels.contents)
    return (
        '<section class="print-title-page">\n'
        f'<p class="print-subtitle"{subtitle_lang}>{escape(description)}</p>\n'
        f"<p>{labels.edition_of.format(date=edition_date)} {labels.reporting_through.format(date=through)}</p>\n"
        f'<p class="print-address {contract.LIVE_ONLY}">{address}</p>\n'
        + (f'<p class="print-address {contract.LIVE_ONLY}">{labels.pdf.format(link=pdf_link)}</p>\n' if pdf else "")
        + f'<p class="print-licence">{rewrite(licence, "print", included, site_url)}</p>\n'
        "</section>\n"
        f'<nav class="print-contents" aria-label="{contents_word}"><h2 id="contents">{contents_word}'
        f'<a class="headerlink" href="#contents" title="{escape(labels.permalink)}">&para;</a></h2>'
        f"<ol>{contents}</ol></nav>\n"
        f"{sections}"
    )
