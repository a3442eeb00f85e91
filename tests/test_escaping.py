"""Data is text, never markup: hostile text in every text field of every data file reaches
readers as text, on every page, in the feed and in the offline copy."""

import yaml
from bs4 import BeautifulSoup

HOSTILE = (
    " <img src=x onerror=alert(document.domain)> </script><script>alert(document.domain)</script>"
    " [link](javascript:alert(document.domain))"
)
# The text fields of each data file (ids, dates, addresses and numbers are checked by the schemas).
TEXT_FIELDS = {
    "sources": ["title", "description", "outlet", "evidence"],
    "timeline": ["title", "summary", "recurs", "for_seoul", "for_us_forces", "conditions", "assessment"],
    "figures": ["caption", "description", "columns", "aspect", "label", "cells"],
    "changes": ["text"],
}


def poison(value):
    if isinstance(value, list):
        return [poison(item) for item in value]
    return value + HOSTILE if isinstance(value, str) else value


def poison_entries(entries, fields):
    for entry in entries:
        for field in fields:
            if field in entry:
                entry[field] = poison(entry[field])
        for row in entry.get("rows", []):
            for field in fields:
                if field in row:
                    row[field] = poison(row[field])
    return entries


def test_hostile_data_is_shown_as_text_everywhere(broken_copy):
    for name, fields in TEXT_FIELDS.items():
        path = broken_copy.path / "data" / f"{name}.yml"
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(
            yaml.safe_dump(poison_entries(entries, fields), allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    result = broken_copy.build()
    assert result.returncode == 0, result.stderr[-3000:]
    site = broken_copy.path.parent / "site"

    shown = 0
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        name = page.relative_to(site)
        assert not soup.select('img[src="x"]'), f"{name}: data became an <img>"
        handlers = [t.name for t in soup.find_all(True) if any(a.lower().startswith("on") for a in t.attrs)]
        assert not handlers, f"{name}: data became event handlers on {handlers}"
        assert not [s for s in soup.find_all("script") if "alert(document.domain)" in s.get_text()], (
            f"{name}: data became a script"
        )
        assert not soup.select('a[href^="javascript:"]'), f"{name}: data became a javascript: link"
        shown += "onerror=alert(document.domain)" in soup.get_text()
    assert shown >= 10, "the hostile text did not reach the pages as text"
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in feed and "&lt;script&gt;" in feed
