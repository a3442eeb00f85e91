"""The record of changes, data/changes.yml, wherever a reader meets it.

Adapter only (the logic is hooks/_changes.py): `<!-- changelog -->` becomes the changelog;
each page gets its history and "Updated" line (shown by overrides/main.html), the banner
its newest change, and the site a feed.xml. A change naming a missing page or anchor, or
a page whose `updated:` disagrees with its newest change, fails the build naming both.
"""

import logging
import re
from pathlib import Path


from mkdocs.plugins import event_priority

from _adapter import reports_data_errors
from explainer.changes import (FEED_NAME, atom_feed, banner, changelog_markdown, history, kind_label, load_changes,
                               problems, short_title, updated_line)
from explainer.data import data_path, full_date, human_date, load_list, nav_titles

log = logging.getLogger("mkdocs.hooks.changes")

MARKER = "<!-- changelog -->"
CHANGES: list[dict] = []
TITLES: dict[str, str] = {}
updated: dict[str, object] = {}  # source path -> the page's `updated:`
anchors: dict[str, set[str]] = {}


@reports_data_errors
def on_config(config):
    CHANGES[:] = load_changes(config)
    TITLES.clear()
    TITLES.update(nav_titles(config.nav))
    updated.clear()
    anchors.clear()
    newest = banner(CHANGES)
    config.extra["whats_new"] = newest and {"id": newest["id"], "date": human_date(newest["date"].isoformat()),
                                            "text": short_title(newest)}


@event_priority(50)  # writes Markdown with footnotes and anchors: before sources and addresses
def on_page_markdown(markdown, page, **kwargs):
    updated[page.file.src_uri] = page.meta.get("updated")
    if MARKER in markdown:
        markdown = markdown.replace(MARKER, changelog_markdown(CHANGES, TITLES))
    return markdown


def on_page_content(html, page, **kwargs):
    anchors[page.file.src_uri] = set(re.findall(r'\bid="([^"]+)"', html))
    return html


def on_page_context(context, page, **kwargs):
    page.meta["history"] = [{"date": e["date"], "kind": kind_label(e), "text": e["text"]}
                            for e in history(CHANGES, page.file.src_uri)]
    page.meta["updated_line"] = updated_line(CHANGES, page.file.src_uri)
    return context


def on_post_build(config):
    for problem in problems(CHANGES, updated, anchors):
        log.warning(problem)  # strict mode turns each into a failed build, after every other check ran
    path = data_path(config, "editions.yml")  # checked by hooks/editions.py
    editions = [{**e, "date": full_date(e, path, e["file"], "date")} for e in load_list(path)]
    feed = atom_feed(CHANGES, site_name=config.site_name, author=config.site_author, site_url=config.site_url or "",
                     editions=editions)
    (Path(config.site_dir) / FEED_NAME).write_text(feed, encoding="utf-8")
