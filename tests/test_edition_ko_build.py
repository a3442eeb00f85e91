"""The Korean edition's build (mkdocs.ko.yml) on a copy of the project with a small Korean page of its own.

The Korean page is written here (a twin of docs/sources.md with a sentence added to both), so these
tests do not depend on the translators' wording. Only the Korean build runs: it reads the English
pages and data but renders ko/ alone, which is quick.
"""

import os
import subprocess
import sys

import pytest

from tests.support.project import FIXED_EPOCH, copy_project

pytestmark = pytest.mark.build

ENGLISH_ADDED = "\nSouth Korea hosts about 28,500 US troops.[^reuters-nds]\n"
KOREAN_PAGE = """---
title: 출처
description: 시험용 한국어 쪽.
published: 2026-12-07
updated: 2026-12-07
reviewed: 2026-12-07
english_revision: {revision}
translated: 2026-12-07
translator: 시험
---

# 출처 {{#title}}
출처 목록이다.
{added}
<!-- source-list -->
"""
KOREAN_ADDED = "\n주한미군 2만8500명이 주둔한다.[^reuters-nds]\n"
NEW_ENTRY = """
- id: test-later-{kind}
  date: 2026-12-07
  kind: {kind}
  pages: [sources.md]
  text: A test entry.
"""


# Korean pages every Korean page links (the footer's record of changes and citing guide, the print
# edition): kept, so that the copy's one page under test has no link to nothing.
KEPT = {"changelog.md", "how-to-cite.md", "print.md"}


@pytest.fixture
def korean_copy(tmp_path):
    project = copy_project(tmp_path / "project")
    sources = project / "docs" / "sources.md"
    english = sources.read_text(encoding="utf-8")
    marker = "<!-- source-list -->"
    sources.write_text(english.replace(marker, ENGLISH_ADDED + "\n" + marker), encoding="utf-8")
    for path in (project / "ko").glob("*.md"):
        if path.name not in KEPT:
            path.unlink()
    revision = newest_change_of(project, "sources.md")

    class Copy:
        path = project

        def write(self, added: str = KOREAN_ADDED, revision: str = revision) -> None:
            page = KOREAN_PAGE.format(revision=revision, added=added)
            (project / "ko" / "sources.md").write_text(page, encoding="utf-8")

        def add_change(self, kind: str) -> None:
            record = project / "data" / "changes.yml"
            text = record.read_text(encoding="utf-8")
            first = text.index("\n- id:")
            record.write_text(text[:first] + NEW_ENTRY.format(kind=kind) + text[first:], encoding="utf-8")

        def build(self) -> subprocess.CompletedProcess:
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": FIXED_EPOCH}
            env.pop("SITE_URL", None)
            command = [sys.executable, "-m", "properdocs", "build", "--strict", "--config-file"]
            command += [str(project / "mkdocs.ko.yml"), "--site-dir", str(tmp_path / "site" / "ko")]
            return subprocess.run(command, capture_output=True, text=True, env=env, cwd=project)

        def page(self) -> str:
            return (tmp_path / "site" / "ko" / "sources.html").read_text(encoding="utf-8")

        def fails_naming(self, *words: str) -> None:
            result = self.build()
            assert result.returncode != 0, "the Korean build accepted the bad page"
            missing = [word for word in words if word not in result.stderr]
            assert not missing, f"the message does not name {missing}:\n{result.stderr[-2000:]}"

    return Copy()


def newest_change_of(project, page: str) -> str:
    import yaml

    record = yaml.safe_load((project / "data" / "changes.yml").read_text(encoding="utf-8"))
    return next(e["id"] for e in record if any(p.split("#")[0] == page for p in e["pages"]))


def test_a_paired_korean_page_builds_in_korean_with_its_translation_line(korean_copy):
    korean_copy.write()
    result = korean_copy.build()
    assert result.returncode == 0, result.stderr[-3000:]
    page = korean_copy.page()
    assert '<html lang="ko"' in page
    assert 'class="ko-translation"' in page and 'href="../sources.html"' in page
    assert "영어판이" not in page  # nothing to carry over
    assert 'href="http://127.0.0.1:8000/ko/sources.html"' in page  # its own address, under ko/


def test_a_changed_number_fails_naming_page_and_section(korean_copy):
    korean_copy.write(added=KOREAN_ADDED.replace("2만8500명", "2만9500명"))
    korean_copy.fails_naming("ko/sources.md", "section title", "figures differ", "29,500")


def test_a_dropped_footnote_fails(korean_copy):
    korean_copy.write(added=KOREAN_ADDED.replace("[^reuters-nds]", ""))
    korean_copy.fails_naming("ko/sources.md", "cited sources differ", "reuters-nds")


def test_a_changed_heading_fails(korean_copy):
    korean_copy.write(added="\n## 추가 {#added}\n" + KOREAN_ADDED)
    korean_copy.fails_naming("ko/sources.md", "headings differ", "2#added")


def test_an_english_update_not_carried_over_shows_a_notice(korean_copy):
    korean_copy.write()
    korean_copy.add_change("update")
    result = korean_copy.build()
    assert result.returncode == 0, result.stderr[-3000:]
    assert "영어판이 2026년 12월 7일에 수정되었습니다. 이 번역에는 아직 반영되지 않았습니다." in korean_copy.page()


def test_an_english_correction_not_carried_over_fails(korean_copy):
    korean_copy.write()
    korean_copy.add_change("correction")
    korean_copy.fails_naming("ko/sources.md", "test-later-correction", "not carried over")


def test_a_revision_that_is_no_change_of_the_english_page_fails(korean_copy):
    korean_copy.write(revision="no-such-change")
    korean_copy.fails_naming("ko/sources.md", "english_revision", "no-such-change")


def test_a_korean_figure_not_in_the_evidence_fails(korean_copy):
    korean_copy.path.joinpath("docs/sources.md").write_text(
        korean_copy.path.joinpath("docs/sources.md").read_text(encoding="utf-8").replace("28,500", "29,500"),
        encoding="utf-8",
    )
    korean_copy.write(added=KOREAN_ADDED.replace("2만8500명", "2만9500명"))
    korean_copy.fails_naming("sources.md", "figure", "29500")


def test_a_korean_page_without_an_english_twin_is_refused(korean_copy):
    korean_copy.write()
    (korean_copy.path / "ko" / "nowhere.md").write_text(KOREAN_PAGE.format(revision="x", added=""), encoding="utf-8")
    korean_copy.fails_naming("nowhere.html")


KOREAN_ONLY_SOURCE = """
- id: test-ko-only
  description: A Korean-language report for the test (in Korean)
  outlet: 시험 방송
  kind: newspaper
  date: 2026-03-10
  url: https://example.org/ko-only
  confidence: H
  accessed: 2026-12-07
  read_in: [{where: address}]
  evidence:
    - "주한미군 2만8500명이 주둔한다고 시험 방송이 전했다."
"""


def test_a_source_cited_by_korean_pages_only_counts_as_cited_once_both_editions_are_built(korean_copy, tmp_path):
    """The English build checks which sources no page cites after the Korean build it runs, so a
    Korean-language source the Korean pages alone cite passes, and one no edition cites still fails."""
    sources = korean_copy.path / "data" / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8") + KOREAN_ONLY_SOURCE, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": FIXED_EPOCH}
    env.pop("SITE_URL", None)
    command = [sys.executable, "-m", "properdocs", "build", "--strict", "--config-file"]
    command += [str(korean_copy.path / "mkdocs.yml"), "--site-dir", str(tmp_path / "both")]

    korean_copy.write()  # the Korean page does not cite it: no page of either edition does
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=korean_copy.path)
    assert result.returncode != 0 and "test-ko-only" in result.stderr, result.stderr[-2000:]

    korean_copy.write(added=KOREAN_ADDED.replace("[^reuters-nds]", "[^reuters-nds][^test-ko-only]"))
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=korean_copy.path)
    # The copy keeps one Korean page only, so other Korean-only sources of the project may be named.
    uncited = [line for line in result.stderr.splitlines() if "cite or remove them" in line]
    assert not any("test-ko-only" in line for line in uncited), result.stderr[-3000:]
    assert "test-ko-only" in (tmp_path / "both" / "ko" / "sources.html").read_text(encoding="utf-8")
