"""The map of the Korean Peninsula, where a page says <!-- map: korea --> (see hooks/_map.py).

Its list of places goes in as Markdown, so its footnotes are written by the sources hook;
the SVG goes in after Markdown, untouched by it (no abbreviation marks inside SVG text).
"""

import json

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from _adapter import reports_data_errors
from explainer import contract
from explainer.data import data_path, load_list
from explainer.map import MapError, figure_markdown, positions, render
from explainer.sources import load_sources

MARKER = contract.MAP
SVG_MARKER = contract.MAP_SVG
FIGURE_ID = "figure-korea-map"
CAPTION = "Where the story happens: the places the sources name, on the Korean Peninsula"
DESCRIPTION = ("A map of North and South Korea drawn from Natural Earth's outline, marking Seoul, Pyongyang, "
               "Pyeongtaek (Camp Humphreys and Osan Air Base), the direction of Camp Casey from Seoul, and the "
               "line between the two Koreas. The list under the map gives the same places with their sources.")
MAP: dict = {}


@reports_data_errors
def on_config(config):
    places_path = data_path(config, "map/places.yml")
    places = load_list(places_path)
    known = set(load_sources(config))
    for place in places:
        unknown = [s for s in place.get("sources", []) + [place.get("position_source")] if s and s not in known]
        if unknown:
            raise PluginError(f"{places_path}: place '{place.get('id')}': unknown source id(s) {unknown}")
        if sum(key in place for key in ("at", "from", "toward")) != 1:
            raise PluginError(f"{places_path}: place '{place.get('id')}': give exactly one of at, from, toward")
    try:
        positions(places)
    except MapError as error:
        raise PluginError(f"{places_path}: {error}") from error
    MAP.clear()
    MAP.update(outline=json.loads(data_path(config, "map/korea-outline.json").read_text(encoding="utf-8")),
               places=places)


@event_priority(50)  # writes Markdown with footnotes: before sources orders and writes them
def on_page_markdown(markdown, page, **kwargs):
    if MARKER not in markdown:
        return markdown
    figure = figure_markdown(MAP["places"], FIGURE_ID, CAPTION, DESCRIPTION)
    return markdown.replace(MARKER, figure)


def on_page_content(html, page, **kwargs):
    if SVG_MARKER not in html:
        return html
    # The figure's description is on the page already: the SVG's own is short.
    return html.replace(SVG_MARKER, render(MAP["outline"], MAP["places"], FIGURE_ID, CAPTION,
                                           "A map; the list under it names the same places, with their sources."))
