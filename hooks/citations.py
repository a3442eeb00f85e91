"""How to cite each page: APA 7, MLA 9, Chicago (notes and bibliography) and BibTeX.

Pure functions of the page's title and dates, the site's name and author, and the
canonical address; the templates in overrides/ show them and put the same facts in
<head> for reference managers (Highwire Press tags, schema.org JSON-LD, Open Graph).
"""

import datetime
import html
import json
import re

MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


def long_date(day: datetime.date) -> str:
    return f"{day.strftime('%B')} {day.day}, {day.year}"


def bibtex_key(author: str, title: str, year: int) -> str:
    words = re.findall(r"[a-z0-9]+", f"{author.split()[0]} {year} {title}".lower())
    return "-".join(words[:6])


def bibtex_escape(text: str) -> str:
    return re.sub(r"([{}&%$#_])", r"\\\1", text)


def formats(*, title: str, site: str, author: str, published: datetime.date,
            updated: datetime.date, url: str) -> dict[str, str]:
    """The page's citation in each style, dated by its last update. HTML, except BibTeX."""
    bibtex = "\n".join([
        f"@online{{{bibtex_key(author, title, updated.year)},",
        f"  author       = {{{{{bibtex_escape(author)}}}}},",
        f"  title        = {{{bibtex_escape(title)}}},",
        f"  organization = {{{bibtex_escape(site)}}},",
        f"  date         = {{{updated.isoformat()}}},",
        f"  year         = {{{updated.year}}},",
        f"  url          = {{{url}}},",
        f"  note         = {{First published {published.isoformat()}}},",
        "}",
    ])
    title, site, author = html.escape(title), html.escape(site), html.escape(author)
    return {
        "APA 7": f"{author}. ({updated.year}, {updated.strftime('%B')} {updated.day}). "
                 f"<em>{title}</em>. {site}. {url}",
        "MLA 9": f"{author}. “{title}.” <em>{site}</em>, "
                 f"{updated.day} {MLA_MONTHS[updated.month - 1]} {updated.year}, {url.split('://', 1)[-1]}.",
        "Chicago": f"{author}. “{title}.” {site}. Published {long_date(published)}; "
                   f"last modified {long_date(updated)}. {url}.",
        "BibTeX": bibtex,
    }


def head_tags(*, title: str, description: str, site: str, author: str, published: datetime.date,
              updated: datetime.date, url: str) -> list[tuple[str, str, str]]:
    """(attribute, name, content) of each <meta> that reference managers and link previews read."""
    return [
        ("name", "citation_title", title),
        ("name", "citation_author", author),
        ("name", "citation_publication_date", published.strftime("%Y/%m/%d")),
        ("name", "citation_online_date", published.strftime("%Y/%m/%d")),
        ("name", "citation_publisher", site),
        ("name", "citation_language", "en"),
        ("name", "citation_public_url", url),
        ("property", "og:type", "article"),
        ("property", "og:site_name", site),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("property", "article:published_time", published.isoformat()),
        ("property", "article:modified_time", updated.isoformat()),
        ("name", "twitter:card", "summary"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
    ]


def json_ld(*, title: str, description: str, site: str, author: str, published: datetime.date,
            updated: datetime.date, url: str) -> str:
    """schema.org Article, safe to place inside <script>."""
    article = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": title,
        "description": description,
        "datePublished": published.isoformat(),
        "dateModified": updated.isoformat(),
        "author": {"@type": "Organization", "name": author},
        "publisher": {"@type": "Organization", "name": site},
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "en",
        "isAccessibleForFree": True,
        "license": "https://creativecommons.org/licenses/by/4.0/",
    }
    return json.dumps(article, ensure_ascii=False, indent=1).replace("</", "<\\/")


def on_page_context(context, page, config, nav):
    if not page.canonical_url or "published" not in page.meta:
        return context  # not a content page (Material's 404)
    facts = dict(title=page.meta["title"], site=config.site_name, author=config.site_author,
                 published=page.meta["published"], updated=page.meta["updated"], url=page.canonical_url)
    page.meta["citation"] = formats(**facts)
    page.meta["citation_head"] = head_tags(description=page.meta["description"], **facts)
    page.meta["citation_jsonld"] = json_ld(description=page.meta["description"], **facts)
    return context
