"""The timeline's first-paint figures `make bench` prints (tests/support/bench.py), on a small page."""

import gzip

import pytest

from tests.support import bench

pytestmark = pytest.mark.unit

PAGE = (
    b"<html><head><style>" + b"x" * 500 + b"</style></head><body><h1>Timeline</h1>"
    b'<ol class="timeline"><li class="timeline-entry timeline-history" id="a">A</li>'
    b'<li class="timeline-entry timeline-decision" id="b">B</li></ol></body></html>'
)


def test_bytes_before_the_first_entry_are_counted_up_to_it(tmp_path):
    page = tmp_path / "timeline.html"
    page.write_bytes(PAGE)
    before = PAGE.index(b'<li class="timeline-entry')
    assert bench.timeline_bytes(page) == (
        len(PAGE),
        len(gzip.compress(PAGE, 9)),
        before,
        len(gzip.compress(PAGE[:before], 9)),
    )


def test_without_lighthouse_it_says_so_and_still_prints_the_bytes(tmp_path, monkeypatch, capsys):
    (tmp_path / "timeline.html").write_bytes(PAGE)
    monkeypatch.setattr(bench.shutil, "which", lambda name: None)
    bench.timeline_first_paint(tmp_path)
    out = capsys.readouterr().out
    assert "before the first entry:" in out
    assert "timeline.html:" in out
    assert "not measured, lighthouse (npm install -g lighthouse@12) not found" in out
