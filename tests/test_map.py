"""The map of the peninsula: drawn from data, named for screen readers, its places listed
with their sources, and no position without a source or the outline data behind it."""

import json
import sys

import pytest
import yaml

from conftest import ROOT
from explainer.map import KM_PER_DEGREE, MapError, positions

PLACES = yaml.safe_load((ROOT / "data" / "map" / "places.yml").read_text(encoding="utf-8"))


@pytest.mark.unit
def test_a_position_from_a_distance_is_that_far_from_its_origin():
    found = positions([{"id": "a", "at": [127.0, 37.5]}, {"id": "b", "from": {"place": "a", "km": 60, "direction": "south"}}])
    assert found["b"] == (127.0, pytest.approx(37.5 - 60 / KM_PER_DEGREE))
    with pytest.raises(MapError):
        positions([{"id": "b", "from": {"place": "nowhere", "km": 5, "direction": "south"}}])


@pytest.mark.unit
def test_every_place_has_its_position_from_data_or_a_source():
    for place in PLACES:
        assert ("at" in place and place["position_from"]) or ("from" in place and place["position_source"]) \
            or "toward" in place, place["id"]


def test_the_map_is_an_accessible_inline_svg_with_its_places_as_text(html_pages):
    figure = html_pages["us-forces.html"].select_one("figure#figure-korea-map")
    svg = figure.select_one("svg.map")
    assert svg["role"] == "img" and svg.title.get_text() and svg.desc.get_text()
    assert set(svg["aria-labelledby"].split()) == {svg.title["id"], svg.desc["id"]}
    listed = figure.select("ul.map-places > li")
    for place in PLACES:
        item = next((li for li in listed if li.strong.get_text() == place["name"]), None)
        assert item, f"{place['name']} is not in the list under the map"
        cited = {a["href"].removeprefix("#fn:") for a in item.select("a.footnote-ref")}
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
