"""editions.html says plainly when an edition's offline copy was cut as a local preview
(probe case 4.17), and which later edition's copy replaces it; small fixture zips, not the site."""

import datetime
import zipfile
from pathlib import Path

import pytest

from explainer.editions import editions_markdown, zip_is_local_preview

pytestmark = pytest.mark.unit


def offline_zip(path: Path, site_url: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "seoul-in-the-lead/index.html",
            f'<html><head><link rel="canonical" href="{site_url}index.html"></head></html>',
        )
        archive.writestr("seoul-in-the-lead/faq/index.html", "<html></html>")
    return path


def edition(docs: Path, day: str, site_url: str) -> dict:
    (docs / "editions").mkdir(parents=True, exist_ok=True)
    (docs / "editions" / f"{day}.html").write_text("<html></html>", encoding="utf-8")
    offline_zip(docs / "editions" / f"{day}-offline.zip", site_url)
    return {
        "date": datetime.date.fromisoformat(day),
        "last_change": "c1",
        "file": f"editions/{day}.html",
        "zip": f"editions/{day}-offline.zip",
    }


CHANGES = [{"id": "c1", "date": datetime.date(2026, 11, 1)}]


def test_a_preview_zip_is_recognised(tmp_path):
    assert zip_is_local_preview(offline_zip(tmp_path / "a.zip", "http://127.0.0.1:8000/"))
    assert zip_is_local_preview(offline_zip(tmp_path / "b.zip", "http://localhost:8000/"))
    assert not zip_is_local_preview(offline_zip(tmp_path / "c.zip", "https://example.github.io/s/"))


def test_the_list_says_a_preview_copy_awaits_its_replacement(tmp_path):
    entries = [edition(tmp_path, "2026-11-01", "http://127.0.0.1:8000/")]
    text = editions_markdown(entries, CHANGES, tmp_path)
    assert "cut as a local preview: its links point to <code>127.0.0.1</code>" in text
    assert "a replacement will be cut once the site's hosted address is set" in text


def test_the_list_names_the_replacement_once_cut(tmp_path):
    entries = [
        edition(tmp_path, "2026-11-01", "http://127.0.0.1:8000/"),
        edition(tmp_path, "2026-12-01", "https://example.github.io/s/"),
    ]
    text = editions_markdown(entries, CHANGES, tmp_path)
    (first,) = [line for line in text.splitlines() if 'id="edition-2026-11-01"' in line]
    (newest,) = [line for line in text.splitlines() if 'id="edition-2026-12-01"' in line]
    assert 'the offline copy of the <a href="#edition-2026-12-01">edition of 1 December 2026</a> replaces it' in first
    assert "local preview" not in newest
