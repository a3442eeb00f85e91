"""timeline.html from data/timeline.yml: validated once, rendered where the page says.

Adapter only: the rules and the rendering are in hooks/_timeline.py.

`<!-- timeline -->` in a page becomes three sections of ordered lists (what happened, what
is scheduled, the phases the article describes). Any bad entry stops the build with a
message naming the file, the entry and the field.
"""

from pathlib import Path

from mkdocs.plugins import event_priority

from _adapter import reports_data_errors
from explainer.data import data_path, load_list, nav_titles
from explainer.sources import load_sources
from explainer.timeline import LATEST_MARKER, MARKER, TITLES, render, render_latest, validate

ENTRIES: list[dict] = []


@reports_data_errors
def on_config(config):
    path = data_path(config, "timeline.yml")
    ENTRIES[:] = validate(load_list(path), path, set(load_sources(config)), docs=Path(config.docs_dir))
    TITLES.clear()
    TITLES.update(nav_titles(config.nav))


@event_priority(50)  # writes Markdown with footnotes and anchors: before sources and addresses
@reports_data_errors
def on_page_markdown(markdown, page, **kwargs):
    if LATEST_MARKER in markdown:
        markdown = markdown.replace(LATEST_MARKER, render_latest(ENTRIES))
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, render(ENTRIES, page.file.src_uri))
