"""HTML fragments from autoescaped Jinja2 templates (explainer/templates/).

Plain Python, no MkDocs. Every value a template prints is HTML-escaped, unless it goes
through one of the filters below, which make data safe text for Markdown (md) or write the
contract's own syntax (footnotes). A fragment is HTML with Markdown inside (markdown="span"),
so abbreviations and footnotes work in it as on any page.
"""

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from . import contract
from .data import markdown_text

ENV = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=True,  # every template, whatever its name
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.filters["md"] = lambda value: Markup(markdown_text(value))
# Source ids are checked by pattern at load; escaped all the same.
ENV.filters["footnotes"] = lambda source_ids: Markup(contract.footnote_references(escape(s) for s in source_ids))
ENV.globals["contract"] = contract


def render(template: str, **values: Any) -> str:
    return ENV.get_template(template).render(**values)
