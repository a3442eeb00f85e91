"""Cool URIs don't change: the registry of every published address, and the pages that keep them.

Plain Python, no MkDocs import (explainer/mkdocs_adapter.py is the adapter). data/addresses.yml lists
every address ever published: `live` ones the site must produce, `moved` ones that become
redirect pages. Citable anchors are headings with an explicit {#id} and elements with class
"citable" (timeline entries, figures).
"""

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

from . import contract
from .csp import KnownScripts, with_policy
from .data import SCHEMAS, DataError, check_schema

REGISTRY = "data/addresses.yml"
ADDRESS = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.html(?:#[a-z0-9]+(?:-[a-z0-9]+)*)?$")
EXPLICIT_HEADING_ID = re.compile(r"^#{1,6} .*\{#([A-Za-z0-9_-]+)\}\s*$", re.MULTILINE)
CITABLE = contract.CITABLE  # the class of elements that are cited by their id (timeline entries, figures)


def read_registry(path: Path) -> tuple[set[str], dict[str, str]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise DataError(REGISTRY, problem=f"cannot be read: {error}") from error
    if not isinstance(data, dict) or set(data) - {"live", "moved"}:
        raise DataError(REGISTRY, problem="only 'live' and 'moved' lists belong here")
    check_schema(data, REGISTRY, SCHEMAS / "addresses.schema.json")
    claimed: set[str] = set()

    def claim(address, where):
        if not isinstance(address, str) or not ADDRESS.match(address):
            raise DataError(REGISTRY, problem=f"{where} '{address}' is not an address like page.html or page.html#anchor")
        if address in claimed:
            raise DataError(REGISTRY, problem=f"'{address}' is listed twice; keep one entry")
        claimed.add(address)

    for address in data.get("live") or []:
        claim(address, "live address")
    redirects = {}
    for entry in data.get("moved") or []:
        if not isinstance(entry, dict) or set(entry) != {"from", "to"}:
            raise DataError(REGISTRY, problem=f"each moved entry needs exactly 'from' and 'to': {entry}")
        claim(entry["from"], "moved address")
        if "#" in entry["from"]:
            raise DataError(REGISTRY, problem=f"'{entry['from']}': an anchor cannot redirect on its own; keep the "
                              "old id as an extra anchor in the page and list it under 'live'")
        if not ADDRESS.match(str(entry["to"])):
            raise DataError(REGISTRY, problem=f"moved '{entry['from']}' points at '{entry['to']}', not an address")
        redirects[entry["from"]] = entry["to"]
    return set(data.get("live") or []), redirects



def citable_ids(markdown: str) -> list[str]:
    """Every anchor a page offers for citing: explicit heading ids and citable elements."""
    finder = _CitableIds()
    finder.feed(markdown)
    return EXPLICIT_HEADING_ID.findall(markdown) + finder.ids


class _CitableIds(HTMLParser):
    """ids of elements marked citable, whatever the order of their attributes."""

    def __init__(self):
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if CITABLE in (attributes.get("class") or "").split() and attributes.get("id"):
            self.ids.append(attributes["id"])




class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.ids.update(value for name, value in attrs if name == "id" and value)



def ids_in(html_text: str) -> set[str]:
    finder = _Ids()
    finder.feed(html_text)
    return finder.ids


def exists(address: str, produced: dict[str, set[str]]) -> bool:
    page, _, anchor = address.partition("#")
    return page in produced and (not anchor or anchor in produced[page])


def redirect_script(new: str) -> str:
    """The one line a redirect page runs: carry the #fragment the reader arrived with."""
    js = json.dumps(new)
    return f'if (location.hash && !{js}.includes("#")) location.replace({js} + location.hash);'


def redirect_page(new: str, site_url: str) -> str:
    """A page that sends readers on, from disk too: relative link, meta refresh, and a
    script that carries a #fragment the reader arrived with."""
    target = html.escape(new, quote=True)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved to {target}</title>
<link rel="canonical" href="{html.escape(site_url + new, quote=True)}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={target}">
<script>{redirect_script(new)}</script>
</head>
<body>
<p>This page has moved to <a href="{target}">{target}</a>.</p>
</body>
</html>
"""


def write_redirect(path: Path, new: str, site_url: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(with_policy(redirect_page(new, site_url), KnownScripts.exact(redirect_script(new))),
                    encoding="utf-8")
