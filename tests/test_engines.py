"""Both engines build the same site: ProperDocs 1.6.7 (the default, README "The engine") and
MkDocs 1.6.1 may differ only in the generator line of each page's head, in the pages and in the
offline zip's copies of them. Anything else means one of them can no longer stand in for the other."""

import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, run_build

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def normalized(name: str, data: bytes) -> bytes:
    return GENERATOR.sub(b'<meta name="generator">', data) if name.endswith(".html") else data


def contents(site: Path) -> dict[str, bytes]:
    """Every file of a built site, zips opened member by member, generator lines blanked."""
    found = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        if path.suffix == ".zip" and not name.startswith("editions/"):
            with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
                for member in archive.infolist():
                    found[f"{name}!{member.filename}"] = normalized(member.filename, archive.read(member))
                    found[f"{name}!{member.filename}!time"] = repr(member.date_time).encode()
        else:
            found[name] = normalized(name, path.read_bytes())
    return found


def differences(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    return sorted(name for name in first.keys() | second.keys() if first.get(name) != second.get(name))


@pytest.mark.unit
def test_differences_sees_more_than_the_generator_line():
    """The comparison itself can fail: only the generator line is ignored."""
    page = b'<head><meta name="generator" content="mkdocs-1.6.1"><title>A</title></head>'
    assert (
        differences(
            {"a.html": normalized("a.html", page)},
            {"a.html": normalized("a.html", page.replace(b"1.6.1", b"ProperDocs 1.6.7"))},
        )
        == []
    )
    assert differences(
        {"a.html": normalized("a.html", page)}, {"a.html": normalized("a.html", page.replace(b"<title>A", b"<title>B"))}
    ) == ["a.html"]


@pytest.mark.build
def test_mkdocs_and_properdocs_build_the_same_site(site_build, tmp_path):
    if os.environ.get("SITE_UNDER_TEST"):
        pytest.skip("SITE_UNDER_TEST: the site under test was built elsewhere")
    default_site, _ = site_build
    result = run_build(ROOT, tmp_path / "mkdocs-site", engine="mkdocs")
    assert result.returncode == 0, result.stderr[-3000:]
    default = (default_site / "index.html").read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs 1.6.7' in default, "the default build is not ProperDocs'"
    assert 'content="mkdocs-1.6.1' in (tmp_path / "mkdocs-site" / "index.html").read_text(encoding="utf-8")
    assert differences(contents(default_site), contents(tmp_path / "mkdocs-site")) == []
