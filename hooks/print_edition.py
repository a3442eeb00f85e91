"""print.html: the edition of every page, placed where docs/print.md says (adapter only:
the edition is made by hooks/_print_edition.py).

MkDocs converts every page before it renders any template, so when print.html is
rendered the other pages' HTML is ready.
"""

from mkdocs.exceptions import PluginError

from explainer.data import data_path
from explainer.print_edition import MARKER, Chapter, edition
from explainer.print_pages import page_css, with_abbreviations

PRINT_PAGE = "print.md"


def chapter(page) -> Chapter:
    return Chapter(page.file.dest_uri.removesuffix(".html"), page.meta["title"], page.meta["updated"], page.content)


def on_page_context(context, page, config, nav):
    if page.file.src_uri != PRINT_PAGE:
        return context
    if MARKER not in page.content:
        raise PluginError(f"docs/{PRINT_PAGE}: must contain {MARKER} where the edition goes")
    pages = [chapter(p) for p in nav.pages if p.file.src_uri != PRINT_PAGE]
    site_url = config.site_url or ""
    page.content = page.content.replace(
        MARKER, edition(pages, config.site_name, site_url, config.extra["reporting_through"],
                        config.extra.get("preview", False), config.site_description or "",
                        with_abbreviations(config.copyright or "",
                                           data_path(config, "abbreviations.md").read_text(encoding="utf-8")),
                        pdf=bool(config.extra.get("downloads", {}).get("pdf"))))  # hooks/offline_bundle.py
    # Running heads and page numbers, for print.html only (overrides/main.html puts it in <head>).
    page.meta["print_css"] = page_css([(p.slug, p.title) for p in pages], config.site_name,
                                      f"{site_url}{page.file.dest_uri}")
    return context
