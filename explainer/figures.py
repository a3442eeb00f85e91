"""Figures (data/figures.yml): their rules and their rendering as HTML tables, in plain Python.

No MkDocs import: hooks/figures.py places each where a page says `<!-- figure: id -->`.
On a phone (under 600px) a comparison's rows become stacked cards and a bar chart's rows
stack label over bar (site.css), so no figure scrolls sideways inside the page.
"""

import re

from .data import DataError, check_unique_ids, entry_name, markdown_text

MARKER = re.compile(r"<!-- figure: ([a-z0-9-]+) -->")


def validate(entries: list[dict], path, source_ids: set[str]) -> dict[str, dict]:
    """What data/schemas/figures.schema.json cannot say: unique ids, known sources, row widths."""
    check_unique_ids(entries, path)
    figures = {}
    for position, figure in enumerate(entries):
        name = entry_name(figure, position)
        width = len(figure["columns"]) - 1
        for number, row in enumerate(figure["rows"], 1):
            where = f"rows[{number}]"
            unknown = [s for s in row["sources"] if s not in source_ids]
            if unknown:
                raise DataError(path, name, f"{where}.sources", f"unknown source id(s) {unknown} (see data/sources.yml)")
            if figure["kind"] == "comparison" and len(row["cells"]) != width:
                raise DataError(path, name, f"{where}.cells", f"needs {width} cells, one per column")
        if figure["kind"] == "bars" and not any(row["value"] > 0 for row in figure["rows"]):
            raise DataError(path, name, "rows", "every bar is 0: bars are drawn as shares of the largest, "
                            "so at least one value must be above 0")
        figures[figure["id"]] = figure
    return figures


def render(figure: dict) -> str:
    fid = f"figure-{figure['id']}"
    # markdown="span" everywhere text goes, so abbreviations get their tooltips there too.
    head = "".join(f'<th scope="col" markdown="span">{markdown_text(c)}</th>' for c in figure["columns"])
    if figure["kind"] == "bars":
        largest = max(row["value"] for row in figure["rows"])
        body = [bar_row(row, largest) for row in figure["rows"]]
    else:
        body = [comparison_row(row, figure["columns"][1:]) for row in figure["rows"]]
    return (
        f'<figure class="data-figure figure-{figure["kind"]} citable" id="{fid}" '
        f'aria-labelledby="{fid}-caption" aria-describedby="{fid}-description" markdown="block">\n'
        f'<figcaption id="{fid}-caption" markdown="span">{markdown_text(figure["caption"])}</figcaption>\n'
        f'<p class="figure-description" id="{fid}-description" markdown="span">'
        f'{markdown_text(figure["description"])}</p>\n'
        f'<table aria-labelledby="{fid}-caption" markdown="block">\n'
        f'<thead markdown="block"><tr markdown="block">{head}</tr></thead>\n<tbody markdown="block">\n' + "\n".join(body) +
        "\n</tbody>\n</table>\n</figure>"
    )


def notes(row: dict) -> str:
    return "".join(f"[^{s}]" for s in row["sources"])


def comparison_row(row: dict, columns: list[str]) -> str:
    # Each cell names its column: on a phone the rows are stacked cards, without the header row.
    cells = "".join(f'<td markdown="span"><span class="cell-label">{markdown_text(column)}</span> {markdown_text(c)}</td>'
                    for column, c in zip(columns, row["cells"]))
    return (f'<tr markdown="block"><th scope="row" markdown="span">{markdown_text(row["aspect"])}{notes(row)}</th>'
            f"{cells}</tr>")


def bar_row(row: dict, largest: float) -> str:
    share = round(100 * row["value"] / largest, 1)
    return (f'<tr markdown="block"><th scope="row" markdown="span">{markdown_text(row["label"])}{notes(row)}</th>'
            f'<td class="bar-cell"><span class="bar" style="--share: {share}%" aria-hidden="true"></span>'
            f'<span class="bar-value">{row["value"]:g}%</span></td></tr>')
