"""Cool URIs don't change: every published address is in data/addresses.yml, and stays.

The build fails, naming the address, when a live address is not produced, when a page
or a citable anchor is produced that the registry does not list, when a moved entry
points nowhere, or when two entries claim one address. For each moved page it writes
a redirect page at the old address. Citable anchors are headings with an explicit
{#id} and elements with class "citable" (timeline entries, figures).
"""

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from _csp import with_policy
from _data import data_path

REGISTRY = "data/addresses.yml"
ADDRESS = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.html(?:#[a-z0-9]+(?:-[a-z0-9]+)*)?$")
EXPLICIT_HEADING_ID = re.compile(r"^#{1,6} .*\{#([A-Za-z0-9_-]+)\}\s*$", re.MULTILINE)
CITABLE = "citable"  # the class of elements that are cited by their id (timeline entries, figures)

live: set[str] = set()
moved: dict[str, str] = {}
produced: dict[str, set[str]] = {}  # page address -> ids present in its HTML


def read_registry(path: Path) -> tuple[set[str], dict[str, str]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise PluginError(f"{REGISTRY}: cannot be read: {error}") from error
    if set(data) - {"live", "moved"}:
        raise PluginError(f"{REGISTRY}: only 'live' and 'moved' lists belong here")
    claimed: set[str] = set()

    def claim(address, where):
        if not isinstance(address, str) or not ADDRESS.match(address):
            raise PluginError(f"{REGISTRY}: {where} '{address}' is not an address like page.html or page.html#anchor")
        if address in claimed:
            raise PluginError(f"{REGISTRY}: '{address}' is listed twice; keep one entry")
        claimed.add(address)

    for address in data.get("live") or []:
        claim(address, "live address")
    redirects = {}
    for entry in data.get("moved") or []:
        if not isinstance(entry, dict) or set(entry) != {"from", "to"}:
            raise PluginError(f"{REGISTRY}: each moved entry needs exactly 'from' and 'to': {entry}")
        claim(entry["from"], "moved address")
        if "#" in entry["from"]:
            raise PluginError(f"{REGISTRY}: '{entry['from']}': an anchor cannot redirect on its own; keep the "
                              "old id as an extra anchor in the page and list it under 'live'")
        if not ADDRESS.match(str(entry["to"])):
            raise PluginError(f"{REGISTRY}: moved '{entry['from']}' points at '{entry['to']}', not an address")
        redirects[entry["from"]] = entry["to"]
    return set(data.get("live") or []), redirects


def on_config(config):
    registry_live, registry_moved = read_registry(data_path(config, "addresses.yml"))
    live.clear()
    live.update(registry_live)
    moved.clear()
    moved.update(registry_moved)
    produced.clear()


def on_files(files, config):
    pages = {f.dest_uri for f in files.documentation_pages()}
    unlisted = sorted(pages - live)
    if unlisted:
        raise PluginError(f"{REGISTRY}: the site would publish {', '.join(unlisted)}, which the registry "
                          "does not list. Add each under 'live' (addresses are permanent once published)")
    return files


@event_priority(-50)  # last: sees the anchors the generating hooks wrote, whatever their order in mkdocs.yml
def on_page_markdown(markdown, page, **kwargs):
    address = page.file.dest_uri
    ids = EXPLICIT_HEADING_ID.findall(markdown) + citable_element_ids(markdown)
    unlisted = [f"{address}#{i}" for i in ids if f"{address}#{i}" not in live]
    if unlisted:
        raise PluginError(f"{page.file.src_uri}: citable anchor(s) {', '.join(unlisted)} are not in "
                          f"{REGISTRY}. Add each under 'live', or, if it replaces an old id, "
                          "list the old one under 'moved'")
    return markdown


class _CitableIds(HTMLParser):
    """ids of elements marked citable, whatever the order of their attributes."""

    def __init__(self):
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if CITABLE in (attributes.get("class") or "").split() and attributes.get("id"):
            self.ids.append(attributes["id"])


def citable_element_ids(markdown: str) -> list[str]:
    finder = _CitableIds()
    finder.feed(markdown)
    return finder.ids


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.ids.update(value for name, value in attrs if name == "id" and value)


def on_post_page(output, page, config):
    finder = _Ids()
    finder.feed(output)
    produced[page.file.dest_uri] = finder.ids
    return output


def exists(address: str) -> bool:
    page, _, anchor = address.partition("#")
    return page in produced and (not anchor or anchor in produced[page])


def on_post_build(config):
    missing = sorted(a for a in live if not exists(a))
    if missing:
        raise PluginError(f"{REGISTRY}: published address(es) no longer produced: {', '.join(missing)}. "
                          "Restore them, or move each from 'live' to 'moved' with the address that replaces it")
    for old, new in sorted(moved.items()):
        if not exists(new):
            raise PluginError(f"{REGISTRY}: moved '{old}' points at '{new}', which the site does not produce")
        if exists(old):
            raise PluginError(f"{REGISTRY}: '{old}' is listed as moved but the site still produces it; "
                              "list it under 'live' instead")
        write_redirect(Path(config.site_dir) / old, new, config.site_url or "")


def redirect_page(new: str, site_url: str) -> str:
    """A page that sends readers on, from disk too: relative link, meta refresh, and a
    script that carries a #fragment the reader arrived with."""
    target = html.escape(new, quote=True)
    js = json.dumps(new)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved to {target}</title>
<link rel="canonical" href="{html.escape(site_url + new, quote=True)}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={target}">
<script>if (location.hash && !{js}.includes("#")) location.replace({js} + location.hash);</script>
</head>
<body>
<p>This page has moved to <a href="{target}">{target}</a>.</p>
</body>
</html>
"""


def write_redirect(path: Path, new: str, site_url: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(with_policy(redirect_page(new, site_url)), encoding="utf-8")
