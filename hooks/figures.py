"""Figures drawn at build time from data/figures.yml, as HTML tables styled by CSS.

On a phone (under 600px) a comparison's rows become stacked cards and a bar chart's rows
stack label over bar (site.css), so no figure scrolls sideways inside the page.

`<!-- figure: id -->` in a page becomes the figure. An unknown id stops the build
naming the page; a figure no page places is reported. No script, nothing fetched.
"""

import logging
import re

from mkdocs.exceptions import PluginError

from mkdocs.plugins import event_priority

from _adapter import reports_data_errors
from _data import DataError, check_unique_ids, data_path, entry_name, markdown_text, load_list
from _sources import load_sources

log = logging.getLogger("mkdocs.hooks.figures")

MARKER = re.compile(r"<!-- figure: ([a-z0-9-]+) -->")
FIGURES: dict[str, dict] = {}
placed: set[str] = set()


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
        figures[figure["id"]] = figure
    return figures


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


def on_post_build(config):
    unplaced = sorted(set(FIGURES) - placed)
    if unplaced:
        log.warning("data/figures.yml: no page places %s; place or remove them", ", ".join(unplaced))
