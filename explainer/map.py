"""The map of the Korean Peninsula: an inline SVG drawn from data, with a list of its places.

Plain Python, no MkDocs: explainer/mkdocs_adapter.py places it. The outline is Natural Earth's (public
domain; data/map/korea-outline.json, see data/map/LICENSE.md); each place's position comes
from that data or from a distance a source gives (data/map/places.yml). Returns Markdown
with HTML, so the list's footnotes go through the sources hook like any page's.
"""

import itertools
import json
import math
from html import escape
from pathlib import Path
from typing import Any

from .data import DataError, check_unique_ids, entry_name, read_text
from .render import render as render_template

WIDTH = 300  # SVG user units; the drawing scales to the column, down to a 320px phone
MARGIN = 8
MIN_RING_POINTS = 10  # smaller islands are not drawn (Jeju, with more, is)
KM_PER_DEGREE = 111.32  # a degree of latitude; of longitude, times cos(latitude)
DIRECTIONS = {"north": (0, 1), "south": (0, -1), "east": (1, 0), "west": (-1, 0)}
SCALE_KM = 100  # the scale bar's length on the ground

# A place of data/map/places.yml, as the schema checked it (id, name, sources, and one of at, from, toward).
Place = dict[str, Any]
# A line of [longitude, latitude] points, and the outline: its lines under south, north and boundary.
Ring = list[list[float]]
Outline = dict[str, list[Ring]]


# The places the map's fixed description names (explainer/mkdocs_adapter.py, MAP_DESCRIPTION).
DESCRIBED = ("seoul", "pyongyang", "pyeongtaek", "camp-casey")


# The words the map writes around the data, in English; the Korean edition passes its own
# (data/ko/strings.yml, the map_* and direction_* keys, which hold these same English texts).
WORDS = {
    "map_dmz": "Demilitarized Zone",
    "map_north_korea": "North Korea",
    "map_south_korea": "South Korea",
    "map_position": "Position: {source}.",
    "map_drawn": "Drawn {km} kilometers {direction} of {place}, as its source puts it.",
    "map_toward": "Shown only as a direction from {place}: no source gives its distance.",
    "map_dmz_item": "**Demilitarized Zone**: drawn along the line between the two Koreas in the outline, "
    "which is Natural Earth's (public domain).",
    **{f"direction_{d}": d for d in ("north", "south", "east", "west")},
}


def _words(words: dict[str, str] | None) -> dict[str, str]:
    return {**WORDS, **{k: v for k, v in (words or {}).items() if k in WORDS}}


class MapError(ValueError):
    pass


def positions(places: list[Place]) -> dict[str, tuple[float, float]]:
    """Longitude and latitude of every place drawn as a point."""
    found: dict[str, tuple[float, float]] = {}
    for place in places:
        if "at" in place:
            found[place["id"]] = tuple(place["at"])
    for place in places:
        if "from" in place:
            origin, rule = found.get(place["from"]["place"]), place["from"]
            if origin is None or rule["direction"] not in DIRECTIONS:
                raise MapError(f"place '{place['id']}': 'from' needs a place with 'at' and one of {list(DIRECTIONS)}")
            east, north = DIRECTIONS[rule["direction"]]
            degrees = rule["km"] / KM_PER_DEGREE
            found[place["id"]] = (
                origin[0] + east * degrees / math.cos(math.radians(origin[1])),
                origin[1] + north * degrees,
            )
    return found


def validate(places: list[Place], path: Path, source_ids: set[str], named: tuple[str, ...] = ()) -> list[Place]:
    """What data/schemas/places.schema.json cannot say: unique ids, known sources, places that exist.

    named: the ids the map's fixed description promises (DESCRIBED); each must be here.
    """
    check_unique_ids(places, path)
    ids = {place["id"] for place in places}
    for position, place in enumerate(places):
        name = entry_name(place, position)
        for field in ("sources", "position_source"):
            given = place.get(field)
            unknown = [s for s in ([given] if isinstance(given, str) else given or []) if s not in source_ids]
            if unknown:
                raise DataError(path, name, field, f"unknown source id(s) {unknown} (see data/sources.yml)")
        if sum(key in place for key in ("at", "from", "toward")) != 1:
            raise DataError(path, name, "at", "give exactly one of at, from, toward: a place needs a position")
        for key in ("from", "toward"):
            if key in place and place[key]["place"] not in ids:
                raise DataError(path, name, f"{key}.place", f"no place '{place[key]['place']}' in this file")
    try:
        found = positions(places)
    except MapError as error:
        raise DataError(path, problem=str(error)) from error
    for position, place in enumerate(places):
        if "toward" in place and place["toward"]["place"] not in found:
            raise DataError(
                path,
                entry_name(place, position),
                "toward.place",
                f"'{place['toward']['place']}' is not a place with a position",
            )
    missing = [i for i in named if i not in ids]
    if missing:
        raise DataError(
            path,
            problem=f"the map's description names {', '.join(missing)}, which this file does "
            "not hold; add the place, or change MAP_DESCRIPTION in explainer/mkdocs_adapter.py",
        )
    return places


def load_outline(path: Path) -> Outline:
    """data/map/korea-outline.json: rings of [longitude, latitude] for the south and the north, and
    the boundary line, or a DataError naming the file and what is wrong (it is never drawn half)."""
    try:
        outline = json.loads(read_text(path))
    except json.JSONDecodeError as error:
        raise DataError(
            path,
            problem=f"cannot be read as JSON: {error.msg} at line {error.lineno}, "
            f"column {error.colno}; regenerate it with scripts/korea_outline.py",
        ) from error
    if not isinstance(outline, dict):
        raise DataError(path, problem="must be a JSON object with 'south', 'north' and 'boundary'")
    for key, least in (("south", 3), ("north", 3), ("boundary", 2)):
        rings = outline.get(key)
        if not isinstance(rings, list) or not rings:
            raise DataError(path, problem=f"'{key}' must be a non-empty list of lines of [longitude, latitude] points")
        for number, ring in enumerate(rings, 1):
            if not isinstance(ring, list) or len(ring) < least:
                raise DataError(path, problem=f"'{key}' line {number} needs at least {least} points")
            for point in ring:
                if not (
                    isinstance(point, list)
                    and len(point) == 2
                    and all(isinstance(c, (int, float)) and not isinstance(c, bool) and math.isfinite(c) for c in point)
                    and -180 <= point[0] <= 180
                    and -90 <= point[1] <= 90
                ):
                    raise DataError(
                        path,
                        problem=f"'{key}' line {number}: {point!r} is not a "
                        "[longitude, latitude] point of finite numbers in range",
                    )
    return outline


class Projection:
    """Equirectangular, scaled at the middle latitude: true to shape at this size."""

    def __init__(self, outline: Outline) -> None:
        points = [p for key in ("south", "north") for ring in outline[key] for p in ring]
        self.west, self.east = min(p[0] for p in points), max(p[0] for p in points)
        self.south, self.north = min(p[1] for p in points), max(p[1] for p in points)
        self.squeeze = math.cos(math.radians((self.south + self.north) / 2))
        self.scale = (WIDTH - 2 * MARGIN) / ((self.east - self.west) * self.squeeze)
        self.height = round((self.north - self.south) * self.scale + 2 * MARGIN)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (
            round(MARGIN + (lon - self.west) * self.squeeze * self.scale, 1),
            round(MARGIN + (self.north - lat) * self.scale, 1),
        )


def scale_bar(project: Projection, km: int = SCALE_KM) -> str:
    """A bar km long on the ground, from the projection: north-south, one SVG unit is
    KM_PER_DEGREE / scale km (east-west too, at the middle latitude the map is scaled at).
    Drawn in the sea at the bottom right; its label is the editors' derivation (class derived)."""
    length = round(km * project.scale / KM_PER_DEGREE, 1)
    x1, y = WIDTH - MARGIN - length, project.height - MARGIN
    return (
        f'<g class="map-scale"><path class="map-scale-bar" d="M{x1} {y - 4}v4h{length}v-4"/>'
        f'<text class="map-label map-scale-label derived" x="{round(x1 + length / 2, 1)}" y="{y - 7}" '
        f'text-anchor="middle">{km} km</text></g>'
    )


def path(rings: list[Ring], project: Projection, closed: bool = True) -> str:
    """SVG path data in whole units, relative moves: a drawing this size needs no finer grain,
    and the page stays within its byte budget. Islands of a few points are left out."""
    parts: list[str] = []
    for ring in rings:
        if closed and len(ring) < MIN_RING_POINTS:
            continue
        xy = [tuple(round(c) for c in project(*point)) for point in ring]
        steps = "".join(
            f"l{x2 - x1} {y2 - y1}" for (x1, y1), (x2, y2) in itertools.pairwise(xy) if (x1, y1) != (x2, y2)
        )
        parts.append(f"M{xy[0][0]} {xy[0][1]}{steps}" + ("z" if closed else ""))
    return "".join(parts)


def render(
    outline: Outline,
    places: list[Place],
    figure_id: str,
    caption: str,
    description: str,
    words: dict[str, str] | None = None,
) -> str:
    word = _words(words)
    project = Projection(outline)
    where = positions(places)
    marks: list[str] = []
    for place in places:
        name = escape(place["name"])
        if place["id"] in where:
            x, y = project(*where[place["id"]])
            marks.append(
                f'<circle class="map-place" cx="{x}" cy="{y}" r="4"/>'
                f'<text class="map-label" x="{x + 7}" y="{y + 5}">{name}</text>'
            )
        elif "toward" in place:
            x, y = project(*where[place["toward"]["place"]])
            east, north = DIRECTIONS[place["toward"]["direction"]]
            tip = (x + 22 * east, y - 22 * north)
            marks.append(
                f'<path class="map-arrow" d="M{x} {y - 6 * north} L{tip[0]} {tip[1]}"/>'
                f'<text class="map-label" x="{tip[0] + 5}" y="{tip[1] + 4}">'
                f"{name} ({escape(word['direction_' + place['toward']['direction']])})</text>"
            )
    boundary_label = project(*outline["boundary"][0][len(outline["boundary"][0]) // 2])
    svg = (
        f'<svg class="map" viewBox="0 0 {WIDTH} {project.height}" role="img" '
        f'aria-labelledby="{figure_id}-title {figure_id}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{figure_id}-title">{escape(caption)}</title>'
        f'<desc id="{figure_id}-desc">{escape(description)}</desc>'
        f'<path class="map-land map-north" d="{path(outline["north"], project)}"/>'
        f'<path class="map-land map-south" d="{path(outline["south"], project)}"/>'
        f'<path class="map-boundary" d="{path(outline["boundary"], project, closed=False)}"/>'
        f'<text class="map-label map-label-line" x="{boundary_label[0] - 40}" y="{boundary_label[1] - 8}">'
        f"{escape(word['map_dmz'])}</text>"
        f'<text class="map-country" x="{project(126.2, 40.4)[0]}" y="{project(126.2, 40.4)[1]}">'
        f"{escape(word['map_north_korea'])}</text>"
        f'<text class="map-country" x="{project(127.6, 36.2)[0]}" y="{project(127.6, 36.2)[1]}">'
        f"{escape(word['map_south_korea'])}</text>" + "".join(marks) + scale_bar(project) + "</svg>"
    )
    return svg


def _list_context(places: list[Place], words: dict[str, str] | None) -> dict[str, Any]:
    """The list's sentences about each place's position, in the edition's words. A place named in
    them is named as its own entry is (the Korean edition: its Korean name); in English, by its id."""
    word = _words(words)
    names: dict[str, str] = {p["id"]: str(p["name"]) for p in places} if words else {}

    def name(place_id: str) -> str:
        return names.get(place_id, place_id.title())

    lines = {}
    for place in places:
        if "at" in place:
            line = word["map_position"].format(source="\x00")
            parts = line.split("\x00")
            lines[place["id"]] = (parts[0], place["position_from"], parts[1])
        elif "from" in place:
            rule = place["from"]
            direction = word["direction_" + rule["direction"]]
            lines[place["id"]] = (
                "",
                None,
                word["map_drawn"].format(km=rule["km"], direction=direction, place=name(rule["place"])),
            )
        else:
            lines[place["id"]] = ("", None, word["map_toward"].format(place=name(place["toward"]["place"])))
    return {"places": places, "lines": lines, "dmz_item": word["map_dmz_item"]}


def place_list(places: list[Place], words: dict[str, str] | None = None) -> str:
    """The same places as text, each with how its position was found and its sources."""
    return render_template("map_places.html", **_list_context(places, words))


def figure_markdown(
    places: list[Place], figure_id: str, caption: str, description: str, words: dict[str, str] | None = None
) -> str:
    """The figure a page's <!-- map: korea --> becomes: Markdown with HTML, whose SVG marker
    (contract.MAP_SVG) is replaced by the drawing after Markdown."""
    return render_template(
        "map_figure.html", fid=figure_id, caption=caption, description=description, **_list_context(places, words)
    )
