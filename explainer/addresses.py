"""Cool URIs don't change: the registry of every published address, and the pages that keep them.

Plain Python, no MkDocs import (explainer/mkdocs_adapter.py is the adapter). data/addresses.yml lists
every address ever published: `live` ones the site must produce, `moved` ones that become
redirect pages. Citable anchors are headings with an explicit {#id} and elements with class
"citable" (timeline entries, figures).
"""

import html
import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import yaml

from . import contract
from .csp import KnownScripts, with_policy
from .data import SCHEMAS, DataError, check_schema, read_text

REGISTRY = "data/addresses.yml"
ADDRESS = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.html(?:#[a-z0-9]+(?:-[a-z0-9]+)*)?$")
EXPLICIT_HEADING_ID = re.compile(r"^#{1,6} .*\{#([A-Za-z0-9_-]+)\}\s*$", re.MULTILINE)
RESERVED = {"404.html": "the theme's page for addresses that do not exist"}
CITABLE = contract.CITABLE  # the class of elements that are cited by their id (timeline entries, figures)


def read_registry(path: Path) -> tuple[set[str], dict[str, str]]:
    try:
        text = read_text(path)
    except DataError as error:  # missing, or not UTF-8: say so, by the registry's own name
        raise DataError(REGISTRY, problem=str(error).removeprefix(f"{path}: ")) from error
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        raise DataError(REGISTRY, problem=f"cannot be read: {error}") from error
    if not isinstance(data, dict) or set(data) - {"live", "moved"}:
        raise DataError(REGISTRY, problem="only 'live' and 'moved' lists belong here")
    check_schema(data, REGISTRY, SCHEMAS / "addresses.schema.json")
    claimed: set[str] = set()

    def claim(address: object, where: str) -> None:
        if not isinstance(address, str) or not ADDRESS.match(address):
            raise DataError(
                REGISTRY, problem=f"{where} '{address}' is not an address like page.html or page.html#anchor"
            )
        if address in claimed:
            raise DataError(REGISTRY, problem=f"'{address}' is listed twice; keep one entry")
        claimed.add(address)

    for address in data.get("live") or []:
        claim(address, "live address")
    redirects: dict[str, str] = {}
    for entry in data.get("moved") or []:
        if not isinstance(entry, dict) or set(entry) != {"from", "to"}:
            raise DataError(REGISTRY, problem=f"each moved entry needs exactly 'from' and 'to': {entry}")
        claim(entry["from"], "moved address")
        if "#" in entry["from"]:
            raise DataError(
                REGISTRY,
                problem=f"'{entry['from']}': an anchor cannot redirect on its own; keep the "
                "old id as an extra anchor in the page and list it under 'live'",
            )
        if entry["from"] in RESERVED:
            raise DataError(
                REGISTRY,
                problem=f"moved '{entry['from']}': that address is {RESERVED[entry['from']]}; "
                "it cannot become a redirect",
            )
        if not ADDRESS.match(str(entry["to"])):
            raise DataError(REGISTRY, problem=f"moved '{entry['from']}' points at '{entry['to']}', not an address")
        redirects[entry["from"]] = entry["to"]
    return set(data.get("live") or []), redirects


def vanished(earlier: object, live: set[str], moved: dict[str, str]) -> list[str]:
    """Addresses an earlier registry held that this one lost. An address may leave 'live' only
    for 'moved' (a page) or with its page (an anchor of a moved page): never by deletion."""
    if not isinstance(earlier, dict):
        return []
    before = {a for a in earlier.get("live") or [] if isinstance(a, str)}
    before |= {m["from"] for m in earlier.get("moved") or [] if isinstance(m, dict) and isinstance(m.get("from"), str)}
    kept = live | set(moved)
    return sorted(a for a in before if a not in kept and not ("#" in a and a.partition("#")[0] in moved))


def git_output(project: Path, *args: str) -> str | None:
    """git's output in the project, or None (no git, not a repository, no such commit).

    safe.directory names the project itself: in a CI container the checkout belongs to another
    user, and git would refuse to read it. Trusting its .git adds nothing: the build already
    runs this checkout's own hooks."""
    safe = f"safe.directory={Path(project).resolve()}"
    try:
        done = subprocess.run(["git", "-c", safe, *args], cwd=project, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def earlier_registries(project: Path) -> list[tuple[str, object]]:
    """The registries git holds that this one must keep: the last commit's (HEAD), the one before
    (HEAD~1: a clone of a commit that removed an address), and the one of the newest dated edition
    (the commit that added its files). None outside a git checkout of this very project."""
    top = git_output(project, "rev-parse", "--show-toplevel")
    if top is None or Path(top.strip()).resolve() != Path(project).resolve():
        return []
    revisions = [("the last commit (HEAD)", "HEAD"), ("the commit before (HEAD~1)", "HEAD~1")]
    edition = (git_output(project, "log", "-1", "--format=%H", "--diff-filter=A", "--", "docs/editions") or "").strip()
    if edition:
        revisions.append((f"the newest dated edition's commit ({edition[:10]})", edition))
    found: list[tuple[str, object]] = []  # each registry as YAML read it: checked by vanished()
    for label, revision in revisions:
        text = git_output(project, "show", f"{revision}:{REGISTRY}")
        if text is None:
            continue  # no such commit (a first commit, a shallow clone) or no registry yet
        try:
            found.append((label, yaml.safe_load(text)))
        except yaml.YAMLError:
            continue
    return found


def lost_addresses(project: Path, live: set[str], moved: dict[str, str]) -> list[str]:
    """One message per published address that left the registry, naming the registry it was in."""
    problems: dict[str, str] = {}
    for label, earlier in earlier_registries(project):
        for address in vanished(earlier, live, moved):
            problems.setdefault(
                address,
                f"{REGISTRY}: '{address}' was published (it is in the registry of {label}) "
                "and is no longer listed. A published address never leaves the registry: restore "
                "it under 'live' (and the page or anchor), or move the page under 'moved'",
            )
    return [problems[a] for a in sorted(problems)]


def citable_ids(markdown: str) -> list[str]:
    """Every anchor a page offers for citing: explicit heading ids and citable elements."""
    finder = _CitableIds()
    finder.feed(markdown)
    return EXPLICIT_HEADING_ID.findall(markdown) + finder.ids


class _CitableIds(HTMLParser):
    """ids of elements marked citable, whatever the order of their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if CITABLE in (attributes.get("class") or "").split() and (ident := attributes.get("id")):
            self.ids.append(ident)


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
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
    path.write_text(
        with_policy(redirect_page(new, site_url), KnownScripts.exact(redirect_script(new))), encoding="utf-8"
    )
