"""Writes data/map/korea-outline.json from Natural Earth's 1:50m countries, as the npm package
world-atlas 2.0.2 ships them (countries-50m.json, TopoJSON). Run once; the output is committed
with its licence (data/map/LICENSE.md), so the build reads only that file.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python scripts/korea_outline.py package/countries-50m.json > data/map/korea-outline.json
"""

import json
import sys
from pathlib import Path

COUNTRIES = {"410": "south", "408": "north"}  # ISO 3166 numeric codes, as world-atlas ids them


def decoded_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Quantized, delta-encoded arcs back to longitude and latitude."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, 3), round(y * sy + ty, 3)))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def outline(topology: dict) -> dict:
    arcs = decoded_arcs(topology)
    shapes = {COUNTRIES[g["id"]]: g for g in topology["objects"]["countries"]["geometries"] if g.get("id") in COUNTRIES}
    used = {
        name: {i if i >= 0 else ~i for polygon in g["arcs"] for r in polygon for i in r} for name, g in shapes.items()
    }
    shared = sorted(used["south"] & used["north"])  # the line between the two Koreas
    return {
        "source": "Natural Earth 1:50m Admin 0 countries, v4.1.0, via the npm package world-atlas 2.0.2",
        **{name: [ring(r, arcs) for polygon in g["arcs"] for r in polygon] for name, g in shapes.items()},
        "boundary": [arcs[i] for i in shared],
    }


if __name__ == "__main__":
    topology = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    json.dump(outline(topology), sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")
