"""The map of the Korean Peninsula, where a page says <!-- map: korea --> (see hooks/_map.py).

Its list of places goes in as Markdown, so its footnotes are written by the sources hook;
the SVG goes in after Markdown, untouched by it (no abbreviation marks inside SVG text).
"""

from mkdocs.plugins import event_priority

from _adapter import reports_data_errors
from explainer.data import data_path, load_list
from explainer.map import load_outline, place_list, render, validate
from explainer.sources import load_sources

MARKER = "<!-- map: korea -->"
SVG_MARKER = "<!-- map-svg: korea -->"
FIGURE_ID = "figure-korea-map"
CAPTION = "Where the story happens: the places the sources name, on the Korean Peninsula"
DESCRIPTION = ("A map of North and South Korea drawn from Natural Earth's outline, marking Seoul, Pyongyang, "
               "Pyeongtaek (Camp Humphreys and Osan Air Base), the direction of Camp Casey from Seoul, and the "
               "line between the two Koreas. The list under the map gives the same places with their sources.")
DESCRIBED = ("seoul", "pyongyang", "pyeongtaek", "camp-casey")  # the places DESCRIPTION names
MAP: dict = {}


@reports_data_errors
def on_config(config):
    places_path = data_path(config, "map/places.yml")
    places = validate(load_list(places_path), places_path, set(load_sources(config)), named=DESCRIBED)
    MAP.clear()
    MAP.update(outline=load_outline(data_path(config, "map/korea-outline.json")), places=places)


@event_priority(50)  # writes Markdown with footnotes: before sources orders and writes them
def on_page_markdown(markdown, page, **kwargs):
    if MARKER not in markdown:
        return markdown
    figure = (
        f'<figure class="data-figure figure-map citable" id="{FIGURE_ID}" aria-labelledby="{FIGURE_ID}-caption" '
        f'aria-describedby="{FIGURE_ID}-description" markdown="block">\n'
        f'<figcaption id="{FIGURE_ID}-caption" markdown="span">{CAPTION}</figcaption>\n'
        f'<p class="figure-description" id="{FIGURE_ID}-description" markdown="span">{DESCRIPTION}</p>\n'
        f"{SVG_MARKER}\n\n{place_list(MAP['places'])}\n</figure>"
    )
    return markdown.replace(MARKER, figure)


def on_page_content(html, page, **kwargs):
    if SVG_MARKER not in html:
        return html
    # The figure's description is on the page already: the SVG's own is short.
    return html.replace(SVG_MARKER, render(MAP["outline"], MAP["places"], FIGURE_ID, CAPTION,
                                           "A map; the list under it names the same places, with their sources."))
