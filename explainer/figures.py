"""Figures (data/figures.yml): their rules and their rendering as HTML tables, in plain Python.

No MkDocs import: explainer/mkdocs_adapter.py places each where a page says `<!-- figure: id -->`.
On a phone (under 600px) a comparison's rows become stacked cards and a bar chart's rows
stack label over bar (site.css), so no figure scrolls sideways inside the page.
"""

from pathlib import Path
from typing import Any

from . import contract
from .data import DataError, check_unique_ids, entry_name
from .render import render as render_template

MARKER = contract.FIGURE


def validate(entries: list[dict[str, Any]], path: Path, source_ids: set[str]) -> dict[str, dict[str, Any]]:
    """What data/schemas/figures.schema.json cannot say: unique ids, known sources, row widths."""
    check_unique_ids(entries, path)
    figures: dict[str, dict[str, Any]] = {}
    for position, figure in enumerate(entries):
        name = entry_name(figure, position)
        width = len(figure["columns"]) - 1
        for number, row in enumerate(figure["rows"], 1):
            where = f"rows[{number}]"
            unknown = [s for s in row["sources"] if s not in source_ids]
            if unknown:
                raise DataError(
                    path, name, f"{where}.sources", f"unknown source id(s) {unknown} (see data/sources.yml)"
                )
            if figure["kind"] == "comparison" and len(row["cells"]) != width:
                raise DataError(path, name, f"{where}.cells", f"needs {width} cells, one per column")
        if figure["kind"] == "bars" and not any(row["value"] > 0 for row in figure["rows"]):
            raise DataError(
                path,
                name,
                "rows",
                "every bar is 0: bars are drawn as shares of the largest, so at least one value must be above 0",
            )
        figures[figure["id"]] = figure
    return figures


def render(figure: dict[str, Any]) -> str:
    """The figure as an HTML table. A figure or row may carry `lang` ("en" on a Korean page where the
    Korean overlay gives no text for it: explainer/edition_ko.py korean_figure)."""
    # markdown="span" everywhere text goes, so abbreviations get their tooltips there too.
    if figure["kind"] == "bars":
        largest = max(row["value"] for row in figure["rows"])
        rows = [
            {
                "label": row["label"],
                "lang": row.get("lang"),
                "sources": row["sources"],
                "share": round(100 * row["value"] / largest, 1),
                "value": f"{row['value']:g}",
            }
            for row in figure["rows"]
        ]
    else:
        columns = figure["columns"][1:]
        rows = [
            {
                "aspect": row["aspect"],
                "lang": row.get("lang"),
                "sources": row["sources"],
                "cells": list(zip(columns, row["cells"])),
            }
            for row in figure["rows"]
        ]
    return render_template("figure.html", figure=figure, fid=f"figure-{figure['id']}", rows=rows)
