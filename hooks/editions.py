"""Dated editions (data/editions.yml): checked on every build, listed on editions.html.

Adapter only (hooks/_editions.py does the work). A changed, deleted or unregistered
edition stops the build naming it, as a vanished address does. The newest edition's
address is handed to the templates for "Cite this edition".
"""

from pathlib import Path

from mkdocs.plugins import event_priority

from _adapter import reports_data_errors
from explainer import contract
from explainer.changes import load_changes
from explainer.data import data_path, human_date, load_list
from explainer.editions import editions_markdown, latest, validate

MARKER = contract.EDITIONS
EDITIONS: list[dict] = []
CHANGES: list[dict] = []


@reports_data_errors
def on_config(config):
    docs = Path(config.docs_dir)
    path = data_path(config, "editions.yml")
    CHANGES[:] = load_changes(config)
    EDITIONS[:] = validate(load_list(path), path, docs, [change["id"] for change in CHANGES])
    newest = latest(EDITIONS)
    config.extra["latest_edition"] = newest and {
        "date": human_date(newest["date"].isoformat()), "iso": newest["date"].isoformat(),
        "file": newest["file"], "url": (config.site_url or "") + newest["file"]}


@event_priority(50)  # writes Markdown with footnotes and anchors: before sources and addresses
def on_page_markdown(markdown, page, config, **kwargs):
    if MARKER in markdown:
        markdown = markdown.replace(MARKER, editions_markdown(EDITIONS, CHANGES, Path(config.docs_dir)))
    return markdown
