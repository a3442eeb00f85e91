"""Figures drawn at build time from data/figures.yml (the rules and rendering: hooks/_figures.py).

`<!-- figure: id -->` in a page becomes the figure. An unknown id stops the build
naming the page; a figure no page places is reported. No script, nothing fetched.
"""

import logging

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from _adapter import reports_data_errors
from explainer.data import data_path, load_list
from explainer.figures import MARKER, render, validate
from explainer.sources import load_sources

log = logging.getLogger("mkdocs.hooks.figures")

FIGURES: dict[str, dict] = {}
placed: set[str] = set()


@reports_data_errors
def on_config(config):
    path = data_path(config, "figures.yml")
    FIGURES.clear()
    FIGURES.update(validate(load_list(path), path, set(load_sources(config))))
    placed.clear()


@event_priority(50)  # writes Markdown with footnotes and anchors: before sources and addresses
def on_page_markdown(markdown, page, **kwargs):
    def replace(match):
        figure_id = match.group(1)
        if figure_id not in FIGURES:
            raise PluginError(f"{page.file.src_uri}: no figure '{figure_id}' in data/figures.yml")
        placed.add(figure_id)
        return render(FIGURES[figure_id])

    return MARKER.sub(replace, markdown)


def on_post_build(config):
    unplaced = sorted(set(FIGURES) - placed)
    if unplaced:
        log.warning("data/figures.yml: no page places %s; place or remove them", ", ".join(unplaced))
