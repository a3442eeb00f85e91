"""Every published file is held to the self-containment rule, not only the pages made from
Markdown (December probe, cases 5.11-5.13). Fast: small folders, no build."""

import pytest

from explainer.foreign_loads import foreign_loads, published_file_problems

pytestmark = pytest.mark.unit

POLICY = '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'


def test_case_5_11_a_refresh_to_another_host_is_a_load():
    assert foreign_loads('<meta http-equiv="refresh" content="5; url=https://evil.example/">') == [
        "https://evil.example/"
    ]
    assert foreign_loads("<meta http-equiv=Refresh content=\"0;URL='//evil.example/x'\">") == ["//evil.example/x"]
    assert foreign_loads('<meta http-equiv="refresh" content="0; url=us-forces.html">') == []


def test_case_5_12_a_static_html_file_is_checked_and_needs_the_policy(tmp_path):
    (tmp_path / "tracker.html").write_text('<script src="https://evil.example/x.js"></script>', encoding="utf-8")
    (tmp_path / "index.html").write_text(f"<head>{POLICY}</head>", encoding="utf-8")
    problems = published_file_problems(tmp_path)
    assert problems == [
        "tracker.html loads from another host: 'https://evil.example/x.js'",
        "tracker.html has no Content-Security-Policy: write pages in Markdown, not as .html in docs/",
    ]


def test_case_5_13_a_static_svg_file_is_checked(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "logo2.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/p.gif"/></svg>', encoding="utf-8"
    )
    assert published_file_problems(tmp_path) == [
        "assets/logo2.svg loads from another host: 'https://evil.example/p.gif'"
    ]
