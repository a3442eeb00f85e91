"""The map of the peninsula: drawn from data, named for screen readers, its places listed
with their sources, and no position without a source or the outline data behind it."""

import json

import pytest
import yaml
from conftest import ROOT

from explainer.map import KM_PER_DEGREE, MapError, positions

PLACES = yaml.safe_load((ROOT / "data" / "map" / "places.yml").read_text(encoding="utf-8"))


@pytest.mark.unit
def test_a_position_from_a_distance_is_that_far_from_its_origin():
    found = positions(
        [{"id": "a", "at": [127.0, 37.5]}, {"id": "b", "from": {"place": "a", "km": 60, "direction": "south"}}]
    )
    assert found["b"] == (127.0, pytest.approx(37.5 - 60 / KM_PER_DEGREE))
    with pytest.raises(MapError):
        positions([{"id": "b", "from": {"place": "nowhere", "km": 5, "direction": "south"}}])


@pytest.mark.unit
def test_every_place_has_its_position_from_data_or_a_source():
    for place in PLACES:
        assert (
            ("at" in place and place["position_from"])
            or ("from" in place and place["position_source"])
            or "toward" in place
        ), place["id"]


def test_the_map_is_an_accessible_inline_svg_with_its_places_as_text(html_pages):
    figure = html_pages["us-forces.html"].select_one("figure#figure-korea-map")
    svg = figure.select_one("svg.map")
    assert svg["role"] == "img" and svg.title.get_text() and svg.desc.get_text()
    assert set(svg["aria-labelledby"].split()) == {svg.title["id"], svg.desc["id"]}
    listed = figure.select("ul.map-places > li")
    for place in PLACES:
        item = next((li for li in listed if li.strong.get_text() == place["name"]), None)
        assert item, f"{place['name']} is not in the list under the map"
        cited = {source for a in item.select("a.footnote-ref") for source in a["href"].removeprefix("#fn:").split("+")}
        assert cited == set(place.get("sources", [])), f"{place['name']}: cites {cited}"
        if "toward" not in place:
            assert place["name"] in svg.get_text(), f"{place['name']} is not on the map"
    assert not svg.select("image, use, foreignObject"), "the map must be drawn, not loaded"


@pytest.mark.unit
def test_the_outline_is_committed_data_with_its_licence():
    outline = json.loads((ROOT / "data" / "map" / "korea-outline.json").read_text(encoding="utf-8"))
    assert outline["south"] and outline["north"] and outline["boundary"]
    assert "Natural Earth" in outline["source"]
    assert "public domain" in (ROOT / "data" / "map" / "LICENSE.md").read_text(encoding="utf-8")


def test_a_place_without_a_position_stops_the_build(broken_copy):
    broken_copy.edit("data/map/places.yml", "  at: [125.753, 39.021]\n", "")
    broken_copy.assert_build_fails_naming("data/map/places.yml", "pyongyang", "exactly one of at, from or toward")


def test_the_scale_bar_is_as_long_as_the_projection_makes_its_distance():
    import re

    from explainer.map import KM_PER_DEGREE, Projection, scale_bar

    outline = {"south": [[[126.0, 34.0], [129.0, 34.0], [129.0, 38.0], [126.0, 34.0]]], "north": []}
    project = Projection(outline)
    bar = scale_bar(project, km=100)
    length = float(re.search(r"h([\d.]+)", bar)[1])
    # 100 km north-south, in SVG units: the distance between two latitudes 100 km apart.
    expected = project(127.0, 36.0)[1] - project(127.0, 36.0 + 100 / KM_PER_DEGREE)[1]
    assert abs(length - expected) < 0.2 and ">100 km<" in bar


@pytest.mark.browser
def test_the_two_koreas_differ_in_the_dark_palette_and_the_map_has_a_scale(visit, http_site):
    reader = visit(color_scheme="dark")
    reader.page.goto(http_site + "us-forces.html")
    reader.page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    fills = reader.page.evaluate("""() => ['.map-north', '.map-south'].map(s => {
        const fill = getComputedStyle(document.querySelector(s)).fill;  // rgb(0-255) or color(srgb 0-1)
        const [r, g, b] = fill.match(/[\\d.]+/g).map(Number).slice(0, 3)
            .map(c => fill.startsWith('color(') ? c : c / 255);
        const l = [r, g, b].map(c => { return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
    })""")
    north, south = fills
    ratio = (max(north, south) + 0.05) / (min(north, south) + 0.05)
    assert ratio >= 1.5, f"North and South Korea differ by {ratio:.2f}:1 in the dark palette"
    assert reader.page.locator("svg.map .map-scale-label").text_content() == "100 km"
