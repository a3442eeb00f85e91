"""The site model (explainer/site.py): every input read and cross-checked once, on a tiny project.

tests/fixtures/tiny-project is a project of two pages that is never built: these tests
change a copy of it and call Site.load, and the command line that runs it, directly.
"""

import datetime
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.data import DataError
from explainer.site import ExplainerError, PartialDate, Site

pytestmark = pytest.mark.unit

TINY = Path(__file__).parent / "fixtures" / "tiny-project"


@pytest.fixture
def tiny(tmp_path) -> Path:
    return Path(shutil.copytree(TINY, tmp_path / "project"))


def edit(project: Path, relative: str, old: str, new: str) -> None:
    file = project / relative
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{relative} does not contain {old!r}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "explainer", "check", "--root", str(project)], capture_output=True, text=True
    )


def test_the_tiny_project_loads_as_typed_records():
    site = Site.load(TINY)
    assert site.nav_titles == {"index.md": "Overview", "timeline.md": "The timeline"}
    assert site.sources["tiny-report"].date == PartialDate(2026, 1)
    assert site.sources["tiny-report"].accessed == datetime.date(2026, 11, 27)
    assert site.sources["article"].date is None
    assert site.sources["article"].evidence == "The tiny article says 3 things.\n"
    assert [c.id for c in site.changes] == ["tiny-update", "tiny-new"]
    assert site.changes[0].date == datetime.date(2026, 12, 1)
    assert site.timeline[0].date == PartialDate(2026, 1) and site.timeline[0].sources == ("tiny-report",)
    assert site.pages["index.md"].updated == datetime.date(2026, 12, 1)
    assert site.pages["timeline.md"].nav_title == "The timeline"
    assert site.addresses.cited_anchors() == {"index.html": {"title"}, "timeline.html": {"title"}}
    # Seoul as given; Pyeongtaek 60 km south of it (60 / 111.32 degrees); Camp Casey only a direction.
    assert site.places[0].position == (126.998, 37.568)
    assert site.places[1].position == pytest.approx((126.998, 37.029013), abs=1e-6)
    assert site.places[2].position is None
    assert check(TINY).stdout == "no problems found\n"


def test_a_duplicated_address_is_refused(tiny):
    edit(tiny, "data/addresses.yml", "  - timeline.html\n", "  - timeline.html\n  - index.html#title\n")
    with pytest.raises(
        ExplainerError, match=r"^data/addresses.yml: 'index.html#title' is listed twice; keep one entry$"
    ):
        Site.load(tiny)
    result = check(tiny)
    assert result.returncode == 1
    assert result.stdout == "data/addresses.yml: 'index.html#title' is listed twice; keep one entry\n"


def test_a_map_place_with_no_position_is_refused(tiny):
    edit(tiny, "data/map/places.yml", "  at: [126.998, 37.568]\n", "")
    with pytest.raises(ExplainerError) as raised:
        Site.load(tiny)
    assert str(raised.value).startswith(f"{tiny / 'data/map/places.yml'}: entry 'seoul', field '(entry)': ")
    assert "give exactly one of at, from or toward" in str(raised.value)
    result = check(tiny)
    assert result.returncode == 1 and "entry 'seoul'" in result.stdout


def test_a_direction_from_a_place_with_no_position_is_refused(tiny):
    edit(tiny, "data/map/places.yml", "toward: {place: seoul,", "toward: {place: camp-casey,")
    with pytest.raises(
        ExplainerError,
        match=r"entry 'camp-casey', field 'toward\.place': 'camp-casey' is not a place "
        r"with a position",
    ):
        Site.load(tiny)


def test_a_page_the_registry_does_not_list_is_refused(tiny):
    edit(tiny, "data/addresses.yml", "  - timeline.html\n", "")
    with pytest.raises(ExplainerError, match=r"^data/addresses.yml: the site would publish timeline.html, which"):
        Site.load(tiny)


def test_a_registered_page_without_its_file_is_refused_before_anything_reads_it(tiny):
    (tiny / "docs" / "timeline.md").unlink()
    with pytest.raises(ExplainerError) as raised:
        Site.load(tiny)
    assert str(raised.value) == (
        "data/addresses.yml: published address(es) no longer produced: timeline.html, timeline.html#title. "
        "Restore them, or move each from 'live' to 'moved' with the address that replaces it"
    )


def test_a_moved_page_pointing_nowhere_is_refused(tiny):
    edit(tiny, "data/addresses.yml", "moved: []", "moved:\n  - {from: old.html, to: gone.html}")
    with pytest.raises(ExplainerError, match=r"moved 'old\.html' points at 'gone\.html', which the site does not"):
        Site.load(tiny)
    edit(tiny, "data/addresses.yml", "to: gone.html", "to: index.html")
    assert Site.load(tiny).addresses.moved == {"old.html": "index.html"}


def test_a_navigation_entry_without_its_page_is_refused(tiny):
    edit(tiny, "mkdocs.yml", "timeline.md", "later.md")
    with pytest.raises(
        ExplainerError,
        match=r"^mkdocs.yml: entry 'later.md', field 'nav': docs/later.md does "
        r"not exist$",
    ):
        Site.load(tiny)


def test_bad_front_matter_is_refused_naming_the_page(tiny):
    edit(tiny, "docs/index.md", "reviewed: 2026-12-01", "reviewed: 2026-11-30")
    with pytest.raises(
        ExplainerError,
        match=r"^docs/index.md: front matter: 'reviewed:' cannot be earlier than "
        r"'updated:'",
    ):
        Site.load(tiny)


def test_a_page_whose_updated_disagrees_with_the_record_is_refused(tiny):
    edit(
        tiny, "docs/index.md", "updated: 2026-12-01\nreviewed: 2026-12-01", "updated: 2026-11-28\nreviewed: 2026-12-01"
    )
    with pytest.raises(ExplainerError, match=r"docs/index.md: 'updated: 2026-11-28' but its newest entry"):
        Site.load(tiny)


def test_a_timeline_entry_on_a_missing_page_is_refused(tiny):
    edit(tiny, "data/timeline.yml", "page: index.md", "page: gone.md")
    with pytest.raises(ExplainerError, match=r"^data/timeline.yml: entry 'tiny-start', field 'page': docs/gone.md "):
        Site.load(tiny)


def test_a_timeline_entry_pointing_at_the_timeline_itself_is_refused(tiny):
    edit(tiny, "data/timeline.yml", "page: index.md", "page: timeline.md")
    with pytest.raises(ExplainerError, match=r"^data/timeline.yml: entry 'tiny-start', field 'page': must point at a "):
        Site.load(tiny)


def test_a_footnote_citing_an_unknown_source_is_refused_naming_the_page(tiny):
    edit(tiny, "docs/index.md", "{#title}\n", "{#title}\n\nIt happened.[^tiny-report] Again.[^no-such-source]\n")
    with pytest.raises(ExplainerError) as raised:
        Site.load(tiny)
    assert str(raised.value) == (
        "index.md: footnote cites unknown source id(s) no-such-source: add them to data/sources.yml or fix the id"
    )


def test_figures_are_placed_by_known_id_and_every_figure_is_placed(tiny):
    edit(tiny, "docs/index.md", "{#title}\n", "{#title}\n\n<!-- figure: tiny-bars -->\n")
    with pytest.raises(ExplainerError, match=r"^index\.md: no figure 'tiny-bars' in data/figures\.yml$"):
        Site.load(tiny)
    (tiny / "data" / "figures.yml").write_text(
        "- id: tiny-bars\n  kind: bars\n  caption: Tiny\n  description: Tiny bars.\n  columns: [Year, Count]\n"
        "  rows:\n    - {label: '2026', value: 3, sources: [tiny-report]}\n",
        encoding="utf-8",
    )
    assert list(Site.load(tiny).figures) == ["tiny-bars"]
    edit(tiny, "docs/index.md", "<!-- figure: tiny-bars -->\n", "")
    with pytest.raises(ExplainerError, match=r"^data/figures\.yml: no page places tiny-bars; place or remove them$"):
        Site.load(tiny)


def test_a_symbolic_link_is_refused(tiny):
    (tiny / "docs" / "elsewhere.md").symlink_to("/etc/hostname")
    with pytest.raises(ExplainerError, match=r"docs/elsewhere\.md: symbolic link"):
        Site.load(tiny)


def test_one_error_type_keeps_its_old_name_and_its_parts():
    error = ExplainerError("data/x.yml", "an-id", "date", "is wrong")
    assert DataError is ExplainerError
    assert str(error) == "data/x.yml: entry 'an-id', field 'date': is wrong"
    assert (error.path, error.entry, error.field, error.problem) == ("data/x.yml", "an-id", "date", "is wrong")
    assert str(ExplainerError("data/x.yml", problem="is empty")) == "data/x.yml: is empty"


@pytest.mark.parametrize(
    ("text", "expected", "iso", "human", "span"),
    [
        ("2026", PartialDate(2026), "2026", "2026", ("2026-01-01", "2026-12-31")),
        ("2026-02", PartialDate(2026, 2), "2026-02", "February 2026", ("2026-02-01", "2026-02-28")),
        ("2026-01-24", PartialDate(2026, 1, 24), "2026-01-24", "24 January 2026", ("2026-01-24", "2026-01-24")),
    ],
)
def test_a_partial_date_is_as_precise_as_written(text, expected, iso, human, span):
    date = PartialDate.parse(text)
    assert date == expected and date.iso == iso and date.human == human
    assert tuple(d.isoformat() for d in date.span()) == span


@pytest.mark.parametrize("text", ["2026-02-30", "2026-13", "26-01-01", "2026/01/01", "January 2026"])
def test_a_partial_date_that_is_not_one_is_refused(text):
    with pytest.raises(ValueError, match=r"ISO date|day is out of range|month must be"):
        PartialDate.parse(text)
