"""What the build takes from outside its Markdown, checked before it is used.

Plain Python, no MkDocs: explainer/mkdocs_adapter.py stops the build with these messages.
- Symlinks: a link in docs/ (or data/, overrides/) publishes whatever it points at, such
  as /proc/self/environ, into the site and the offline zip. The project holds real files only.
- SITE_URL: written into every page's head, citations, the sitemap and the print edition,
  so it must be a plain address (scheme, host, path ending in /) with nothing to escape.
- SOURCE_DATE_EPOCH: a whole number of seconds, as reproducible-builds.org defines it.
- SITE_SKIP_KOREAN: 1 builds the English edition alone (no site/ko/), for the tests that build a
  damaged copy of English-only input (tests/conftest.py, broken_copy); the build's log says so.
  Never for a site that is published: tests of the real build and of the Korean edition leave it unset.
"""

import os
import re
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

INPUT_FOLDERS = ("docs", "data", "overrides")
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")
PATH = re.compile(r"^(/([a-z0-9._~-]|%[0-9a-f]{2})+)*/$", re.IGNORECASE)
EXAMPLE = "https://example.github.io/seoul-in-the-lead/"
LAST_EPOCH = 2**32 - 1  # gzip's 32-bit mtime; Python's dates end in year 9999, long after


def symlinks(project: Path) -> list[str]:
    """Every symbolic link under the input folders, as project-relative paths."""
    found = []
    for folder in INPUT_FOLDERS:
        if (project / folder).is_symlink():  # os.walk follows the top folder itself: check it first
            found.append(folder)
            continue
        for root, dirs, files in os.walk(project / folder):  # does not descend into linked folders
            for name in dirs + files:
                path = Path(root) / name
                if path.is_symlink():
                    found.append(path.relative_to(project).as_posix())
    return sorted(found)


def site_url_problem(url: str) -> str | None:
    """What is wrong with a site address, as an instruction; None if it is fine."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not url.startswith(f"{parts.scheme}://"):
        return "must start with https:// (or http://)"
    if parts.username is not None or parts.password is not None:
        return "must not hold a user name or password"
    try:
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return "has a port that is not a number"
    if not parts.hostname or (not HOST.match(parts.hostname) and parts.hostname not in LOCAL_HOSTS):
        return "needs a host name of letters, digits, dots and hyphens"
    if parts.query or parts.fragment or "?" in url or "#" in url:
        return "must not have a ?query or #fragment"
    if not parts.path.endswith("/"):
        return "must end with / (the folder the site is published in)"
    if not PATH.match(parts.path):
        return "may hold only letters, digits, . _ ~ - and %XX in its path"
    if any(segment in (".", "..") for segment in parts.path.split("/")):
        return "must not hold . or .. segments: write the folder's own path"
    return None


def is_preview(url: str) -> bool:
    """A build for this machine only: its addresses are not the published ones."""
    return urlsplit(url).hostname in LOCAL_HOSTS


def source_date_epoch(environ: Mapping[str, str]) -> int | None:
    """SOURCE_DATE_EPOCH as a number, None if unset; ValueError says what is wrong."""
    value = environ.get("SOURCE_DATE_EPOCH")
    if value is None:
        return None
    if not re.fullmatch(r"[0-9]+", value.strip()):
        raise ValueError(
            f"SOURCE_DATE_EPOCH={value!r} must be a whole number of seconds since "
            "1970-01-01 UTC, e.g. $(git log -1 --format=%ct)"
        )
    if int(value) > LAST_EPOCH:
        raise ValueError(
            f"SOURCE_DATE_EPOCH={value!r} is too late: at most {LAST_EPOCH} (7 February 2106), "
            "the last time a gzip header (sitemap.xml.gz) can hold; use $(git log -1 --format=%ct)"
        )
    return int(value)


SKIP_KOREAN = "SITE_SKIP_KOREAN"


def switch(environ: Mapping[str, str], name: str, when_on: str) -> bool:
    """An on/off variable: 1 is on, 0 or unset off; ValueError for anything else, saying when to set it."""
    value = environ.get(name, "")
    if value not in ("", "0", "1"):
        raise ValueError(f"{name}={value!r}: set it to 1 {when_on}, or leave it unset")
    return value == "1"


def skip_korean(environ: Mapping[str, str]) -> bool:
    """SITE_SKIP_KOREAN=1: build the English edition alone."""
    return switch(environ, SKIP_KOREAN, "to build the English edition alone (test builds of English-only input)")
