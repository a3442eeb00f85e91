"""Every bad input of the December probe is refused with a message naming file, entry, field and problem.

Unit tests on tiny fixture files written into tmp_path (never the live data, which editors
correct all the time). Each test names its case in docs/../review/reliability-2026-12.md
("case 1.44"): probe 1 (bad input in every data file), the control characters of probe 2
(2.19, 2.20), the SOURCE_DATE_EPOCH tracebacks of probe 6 (6.19, 6.20) and probe 3 (3.15, 3.20).
"""

import datetime
import json
import os
import subprocess

import pytest
import yaml

from explainer import addresses, check_site, data, figures, sources, timeline
from explainer import map as places_map
from explainer.build_inputs import source_date_epoch
from explainer.data import DataError, load_list
from explainer.front_matter import problems as front_matter_problems

pytestmark = pytest.mark.unit


# ---- tiny fixtures ---------------------------------------------------------------------------

SOURCE = {
    "id": "wire",
    "outlet": "Wire",
    "kind": "agency",
    "date": "2026-01-24",
    "url": "https://wire.example/a",
    "confidence": "H",
    "accessed": "2026-01-25",
    "title": "Headline",
    "evidence": ["An excerpt."],
    "read_in": [{"where": "address"}],
}
ARTICLE = {
    "id": "article",
    "outlet": "Paper",
    "kind": "newspaper",
    "date": "2026-01-24",
    "url": None,
    "confidence": "A",
    "accessed": "2026-01-25",
    "title": "The article",
    "full_text": "article.txt",
    "read_in": [{"where": "full text"}],
}
EVENT = {
    "id": "treaty",
    "kind": "history",
    "date": "1953-10-01",
    "title": "Treaty signed",
    "summary": "Signed.",
    "sources": ["wire"],
    "page": "forces.md#troops",
}
BARS = {
    "id": "spending",
    "kind": "bars",
    "caption": "Spending",
    "description": "Shares of GDP.",
    "columns": ["Country", "Share"],
    "rows": [
        {"label": "South Korea", "value": 2.32, "sources": ["wire"]},
        {"label": "Japan", "value": 1.4, "sources": ["wire"]},
    ],
}
CHANGE = {"id": "first", "date": "2026-11-27", "kind": "new", "pages": ["forces.md"], "text": "First publication."}
PLACES = [
    {"id": "seoul", "name": "Seoul", "at": [126.98, 37.57], "position_from": "Natural Earth", "sources": []},
    {"id": "pyongyang", "name": "Pyongyang", "at": [125.75, 39.02], "position_from": "Natural Earth", "sources": []},
    {
        "id": "pyeongtaek",
        "name": "Pyeongtaek",
        "from": {"place": "seoul", "km": 60, "direction": "south"},
        "sources": ["wire"],
    },
    {"id": "camp-casey", "name": "Camp Casey", "toward": {"place": "seoul", "direction": "north"}, "sources": ["wire"]},
]
RING = [[126.0 + i / 10, 37.0 + (i % 3) / 10] for i in range(12)]
OUTLINE = {
    "source": "Natural Earth",
    "south": [RING],
    "north": [[[x, y + 2] for x, y in RING]],
    "boundary": [[[126.0, 38.0], [127.0, 38.3], [128.0, 38.5]]],
}
NAMED = ("seoul", "pyongyang", "pyeongtaek", "camp-casey")
FORCES_PAGE = (
    "---\ntitle: Forces\ndescription: Where the forces are.\npublished: 2026-11-27\nupdated: 2026-11-27\n"
    "reviewed: 2026-11-27\n---\n\n# Forces {#title}\n\n## Troops {#troops}\n\nText.\n\n<!-- figure: spending -->\n"
)
REGISTRY = {"live": ["forces.html", "forces.html#title", "forces.html#troops"], "moved": []}


def write_yaml(path, value):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def where(path, entry, field):
    """The exact shape every message starts with."""
    return f"{path}: entry '{entry}', field '{field}': "


def refused(call, *args, **kwargs) -> str:
    with pytest.raises(DataError) as caught:
        call(*args, **kwargs)
    return str(caught.value)


@pytest.fixture
def project(tmp_path):
    """A whole tiny project: what scripts/check_site.py check reads."""
    root = tmp_path / "project"
    write_yaml(root / "data" / "sources.yml", [SOURCE])
    write_yaml(root / "data" / "timeline.yml", [EVENT])
    write_yaml(root / "data" / "figures.yml", [BARS])
    write_yaml(root / "data" / "changes.yml", [CHANGE])
    write_yaml(root / "data" / "editions.yml", [])
    write_yaml(root / "data" / "addresses.yml", REGISTRY)
    write_yaml(root / "data" / "map" / "places.yml", PLACES)
    (root / "data" / "map" / "korea-outline.json").write_text(json.dumps(OUTLINE), encoding="utf-8")
    (root / "data" / "abbreviations.md").write_text("*[DMZ]: Demilitarized Zone\n", encoding="utf-8")
    (root / "data" / "article.txt").write_text("The article.\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: Tiny\nnav:\n  - Forces: forces.md\n", encoding="utf-8")
    (root / "docs" / "editions").mkdir(parents=True)
    (root / "docs" / "forces.md").write_text(FORCES_PAGE, encoding="utf-8")
    return root


def test_the_fixture_project_passes_every_check(project):
    """The fixtures are good data: each test below breaks exactly one thing."""
    assert check_site.check(project) == []


# ---- probe 1: data/sources.yml ----------------------------------------------------------------


@pytest.mark.parametrize("outside", ["/etc/hostname", "../../../../etc/hostname", "../sources-elsewhere.txt"])
def test_case_1_9_full_text_outside_data_is_refused(tmp_path, outside):
    """Case 1.9: `full_text: /etc/hostname` (or ../) was read as the article's evidence."""
    path = tmp_path / "data" / "sources.yml"
    (tmp_path / "sources-elsewhere.txt").write_text("text", encoding="utf-8")
    message = refused(sources.validate, [dict(ARTICLE, full_text=outside)], path)
    assert message.startswith(where(path, "article", "full_text")) and "outside data/" in message


def test_case_1_21_a_file_that_is_not_utf8_is_named(tmp_path):
    """Case 1.21: one Latin-1 byte ended in a UnicodeDecodeError traceback."""
    path = tmp_path / "sources.yml"
    path.write_bytes(yaml.safe_dump([SOURCE]).replace("Headline", "Caf\xe9").encode("latin-1"))
    message = refused(load_list, path)
    assert message.startswith(f"{path}: is not UTF-8 text: byte 0xe9 on line "), message


def test_case_1_21_a_full_text_that_is_not_utf8_is_named(tmp_path):
    """Case 1.21 for the article kept whole: its text is read by the evidence check."""
    path = tmp_path / "sources.yml"
    (tmp_path / "article.txt").write_bytes("Caf\xe9".encode("latin-1"))
    message = refused(sources.validate, [dict(ARTICLE)], path)
    assert message.startswith(f"{tmp_path / 'article.txt'}: is not UTF-8 text: byte 0xe9 on line 1"), message


def test_cases_1_6_1_27_an_impossible_date_names_its_value(tmp_path):
    """Cases 1.6 and 1.27 held, but said only 'day is out of range for month': the value is named now."""
    path = tmp_path / "sources.yml"
    assert refused(sources.validate, [dict(SOURCE, date="2026-02-30")], path) == where(path, "wire", "date") + (
        "'2026-02-30' is not a real date (day is out of range for month)"
    )


# ---- probe 1: data/timeline.yml ----------------------------------------------------------------


def test_case_1_29_a_timeline_entry_pointing_at_no_page_is_named(project):
    """Case 1.29: `page: nowhere.md#...` was caught only by MkDocs, naming timeline.md, not the entry."""
    path = project / "data" / "timeline.yml"
    message = refused(timeline.validate, [dict(EVENT, page="nowhere.md#troops")], path, {"wire"}, docs=project / "docs")
    assert message.startswith(where(path, "treaty", "page")) and "docs/nowhere.md" in message


def test_case_1_30_a_timeline_entry_pointing_at_no_anchor_is_named(project):
    """Case 1.30: `page: us-forces.md#no-such-anchor` named only timeline.md."""
    path = project / "data" / "timeline.yml"
    message = refused(
        timeline.validate, [dict(EVENT, page="forces.md#no-such-anchor")], path, {"wire"}, docs=project / "docs"
    )
    assert message.startswith(where(path, "treaty", "page")) and "'no-such-anchor'" in message


def test_case_1_31_a_timeline_entry_pointing_at_the_timeline_is_named_by_check(project):
    """Case 1.31 held in the build only; check now sees it too."""
    page = FORCES_PAGE.replace("## Troops {#troops}", "<!-- timeline -->")
    (project / "docs" / "timeline.md").write_text(page, encoding="utf-8")
    write_yaml(
        project / "data" / "addresses.yml",
        dict(REGISTRY, live=[*REGISTRY["live"], "timeline.html", "timeline.html#title"]),
    )
    write_yaml(project / "data" / "changes.yml", [dict(CHANGE, pages=["forces.md", "timeline.md"])])
    write_yaml(project / "data" / "timeline.yml", [dict(EVENT, page="timeline.md#title")])
    assert check_site.check(project) == [
        where("data/timeline.yml", "treaty", "page") + "must point at a section page, not at the timeline"
    ]


@pytest.mark.parametrize("name, case", [("timeline.yml", "1.33"), ("changes.yml", "1.64"), ("map/places.yml", "1.106")])
def test_cases_1_33_1_64_1_106_an_empty_list_is_named(tmp_path, name, case):
    """Cases 1.33 and 1.64 (`[]` ended in an IndexError traceback) and 1.106 (an empty map was published)."""
    path = write_yaml(tmp_path / name, [])
    assert refused(load_list, path) == f"{path}: holds no entries; it needs at least one", case


def test_case_1_33_a_timeline_with_nothing_that_happened_is_named(tmp_path):
    """Case 1.33's IndexError came from 'Latest entry' (the newest history or decision): it needs one."""
    path = tmp_path / "timeline.yml"
    scheduled = dict(EVENT, kind="scheduled", date="2027-01")
    assert refused(timeline.validate, [scheduled], path, {"wire"}).startswith(
        f"{path}: needs at least one entry of kind history or decision"
    )


# ---- probe 1: data/figures.yml ------------------------------------------------------------------


def test_case_1_43_all_bars_at_zero_are_named(tmp_path):
    """Case 1.43: every bar at 0 ended in a ZeroDivisionError traceback."""
    path = tmp_path / "figures.yml"
    figure = dict(BARS, rows=[dict(row, value=0) for row in BARS["rows"]])
    message = refused(figures.validate, [figure], path, {"wire"})
    assert message.startswith(where(path, "spending", "rows")) and "every bar is 0" in message


@pytest.mark.parametrize("value, case", [(".nan", "1.44"), (".inf", "1.45"), ("-.inf", "1.45")])
def test_cases_1_44_1_45_a_bar_that_is_not_a_finite_number_is_named(tmp_path, value, case):
    """Cases 1.44 and 1.45: `.nan` and `.inf` published "nan%" and "inf%"."""
    path = write_yaml(tmp_path / "figures.yml", [BARS])
    path.write_text(path.read_text(encoding="utf-8").replace("value: 2.32", f"value: {value}"), encoding="utf-8")
    message = refused(load_list, path)
    assert message.startswith(where(path, "spending", "rows[1].value")) and "finite number" in message, case


@pytest.mark.parametrize("value", [-2.32, 100.5])
def test_case_1_46_a_share_out_of_range_is_named(tmp_path, value):
    """Case 1.46: `value: -2.32` published a negative bar (a share is 0 to 100 per cent)."""
    path = write_yaml(tmp_path / "figures.yml", [dict(BARS, rows=[dict(BARS["rows"][0], value=value)])])
    message = refused(load_list, path)
    assert message.startswith(where(path, "spending", "rows[1].value")) and "out of range" in message


# ---- probe 1: addresses, places and the outline through check -----------------------------------


def test_case_1_84_check_reads_the_address_registry(project):
    """Case 1.84: `check_site.py check` said "no problems found" for any broken data/addresses.yml."""
    write_yaml(project / "data" / "addresses.yml", {"live": ["forces.html", "forces.html"], "moved": []})
    assert any("'forces.html' is listed twice" in p for p in check_site.check(project))


def test_case_1_100_a_duplicated_place_id_is_named(tmp_path):
    """Case 1.100: `pyongyang` renamed `seoul` drew Seoul at Pyongyang's position, without a word."""
    path = tmp_path / "places.yml"
    duplicated = [PLACES[0], dict(PLACES[1], id="seoul"), *PLACES[2:]]
    assert (
        refused(places_map.validate, duplicated, path, {"wire"})
        == where(path, "seoul", "id") + "used by an earlier entry too"
    )


def test_case_1_102_toward_an_unknown_place_is_named(tmp_path):
    """Case 1.102: `toward: {place: busan}` ended in a KeyError traceback."""
    path = tmp_path / "places.yml"
    changed = [*PLACES[:3], dict(PLACES[3], toward={"place": "busan", "direction": "north"})]
    message = refused(places_map.validate, changed, path, {"wire"})
    assert message == where(path, "camp-casey", "toward.place") + "no place 'busan' in this file"


def test_case_1_106_a_place_the_description_names_must_stay(tmp_path):
    """Case 1.106: the map's fixed description named places the data no longer held."""
    path = tmp_path / "places.yml"
    message = refused(places_map.validate, PLACES[:3], path, {"wire"}, named=NAMED)
    assert message.startswith(f"{path}: the map's description names camp-casey"), message


@pytest.mark.parametrize(
    "text, case, named",
    [
        (json.dumps(OUTLINE) + "}", "1.109", "cannot be read as JSON: Extra data at line 1"),
        ("", "1.110", "cannot be read as JSON: Expecting value at line 1, column 1"),
        ('{"south": [], "north": [], "boundary": []}', "1.111", "'south' must be a non-empty list"),
        (json.dumps(dict(OUTLINE, boundary=[[[126.0, 38.0], [999, 38.0]]])), "outline range", "boundary' line 1"),
    ],
)
def test_cases_1_109_to_1_111_a_bad_outline_is_named(tmp_path, text, case, named):
    """Cases 1.109-1.111: invalid, empty or pointless korea-outline.json ended in tracebacks."""
    path = tmp_path / "korea-outline.json"
    path.write_text(text, encoding="utf-8")
    message = refused(places_map.load_outline, path)
    assert message.startswith(f"{path}: ") and named in message, (case, message)


def test_case_1_113_check_reads_the_places_and_the_outline(project):
    """Case 1.113: check never read data/map/places.yml or korea-outline.json."""
    (project / "data" / "map" / "korea-outline.json").write_text("{", encoding="utf-8")
    assert "korea-outline.json: cannot be read as JSON" in check_site.check(project)[0]
    write_yaml(project / "data" / "map" / "places.yml", [PLACES[0], dict(PLACES[1], id="seoul"), *PLACES[2:]])
    assert "places.yml: entry 'seoul', field 'id'" in check_site.check(project)[0]


# ---- probe 1: other inputs -------------------------------------------------------------------------


def test_case_1_115_missing_abbreviations_are_named(project):
    """Case 1.115: a deleted data/abbreviations.md ended in a traceback from the snippets extension."""
    (project / "data" / "abbreviations.md").unlink()
    found = check_site.check(project)
    assert any(p.startswith(f"{project / 'data' / 'abbreviations.md'}: cannot be read") for p in found), found


def test_case_1_116_a_missing_schema_is_an_error(tmp_path, monkeypatch):
    """Case 1.116: with its schema deleted, a data file was not checked at all."""
    monkeypatch.setattr(data, "SCHEMAS", tmp_path / "schemas")
    path = write_yaml(tmp_path / "timeline.yml", [EVENT])
    message = refused(load_list, path)
    assert message.startswith(f"{path}: its schema data/schemas/timeline.schema.json is missing"), message


def test_case_1_120_front_matter_without_its_fences_is_named():
    """Case 1.120: without the --- lines, MkDocs read dates as text and the message contradicted itself."""
    found = front_matter_problems(
        {
            "title": "FAQ",
            "description": "Short.",
            "published": "2026-11-27",
            "updated": "2026-11-27",
            "reviewed": "2026-11-27",
        }
    )
    assert found and all("three hyphens (---)" in problem for problem in found), found
    # A real date in a real block is still fine, and a typed-wrong date is still named as such.
    assert (
        front_matter_problems(
            {
                "title": "FAQ",
                "description": "Short.",
                "published": datetime.date(2026, 11, 27),
                "updated": datetime.date(2026, 11, 27),
                "reviewed": datetime.date(2026, 11, 27),
            }
        )
        == []
    )


@pytest.mark.parametrize(
    "page, named, case",
    [
        (
            FORCES_PAGE.replace("---\n", "", 2),
            "docs/forces.md: the page must open with its front matter between two lines of three hyphens (---)",
            "1.120",
        ),
        (
            FORCES_PAGE.replace("title: Forces", 'title: "Forces\\0"'),
            "docs/forces.md: front matter: 'title:' holds the invisible control character U+0000",
            "2.20",
        ),
    ],
)
def test_cases_1_120_2_20_check_reads_front_matter_too(project, page, named, case):
    """Cases 1.120 and 2.20 stopped only the build: check reads each page's front matter as well."""
    (project / "docs" / "forces.md").write_text(page, encoding="utf-8")
    found = check_site.check(project)
    assert len(found) == 1 and found[0].startswith(named), (case, found)


@pytest.mark.parametrize("value, case", [("99999999999999", "6.19"), ("253402300799", "6.20")])
def test_cases_6_19_6_20_check_reads_source_date_epoch(project, monkeypatch, value, case):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert any("is too late" in p for p in check_site.check(project)), case


# ---- probe 2: control characters (2.19 data, 2.20 front matter) ------------------------------------


@pytest.mark.parametrize("character", ["\x00", "\x0b", "\x1b", "\u202e", "\u2028", "\ufeff", "\x85"])
def test_case_2_19_control_characters_in_data_text_are_named(tmp_path, character):
    """Case 2.19: NUL, VT or ESC in a change's text made feed.xml ill-formed XML (and reached pages)."""
    path = write_yaml(tmp_path / "changes.yml", [dict(CHANGE, text=f"First{character} publication.")])
    assert refused(load_list, path) == where(path, "first", "text") + (
        f"holds the invisible control character U+{ord(character):04X} at character 6; remove it (only tab and "
        "newline are allowed, and only in text that may run over several lines)"
    )


def test_case_2_19_control_characters_are_found_at_any_depth(tmp_path):
    path = write_yaml(tmp_path / "sources.yml", [dict(SOURCE, evidence=["Fine.", "Not\x00fine."])])
    assert refused(load_list, path).startswith(where(path, "wire", "evidence[2]"))


def test_case_2_19_newlines_are_allowed_in_long_text_only(tmp_path):
    """Tab and newline may stand in text that runs over lines; a title, a name or a label is one line."""
    path = write_yaml(tmp_path / "timeline.yml", [dict(EVENT, summary="Two\nlines.\tTabbed.")])
    assert load_list(path)[0]["summary"] == "Two\nlines.\tTabbed."
    path = write_yaml(tmp_path / "timeline.yml", [dict(EVENT, title="Two\n\n## lines")])
    assert refused(load_list, path) == where(path, "treaty", "title") + (
        "must be one line of text: no line breaks, tabs or other control characters"
    )


@pytest.mark.parametrize("field", ["title", "description"])
def test_case_2_20_control_characters_in_front_matter_are_named(field):
    """Case 2.20: NUL in a front-matter title reached 17 pages and every cite/*.ris."""
    meta = {
        "title": "FAQ",
        "description": "Short.",
        "published": datetime.date(2026, 11, 27),
        "updated": datetime.date(2026, 11, 27),
        "reviewed": datetime.date(2026, 11, 27),
    }
    meta[field] += "\x00"
    assert any(f"'{field}:' holds the invisible control character U+0000" in p for p in front_matter_problems(meta))


# ---- probe 6: SOURCE_DATE_EPOCH beyond what the build can write ------------------------------------


@pytest.mark.parametrize("value, case", [("99999999999999", "6.19"), ("253402300799", "6.20"), ("4294967296", "")])
def test_cases_6_19_6_20_a_source_date_epoch_too_late_is_named(value, case):
    """Cases 6.19 and 6.20: year 3170843 and 9999-12-31 ended in tracebacks (datetime, gzip header)."""
    with pytest.raises(ValueError, match=r"SOURCE_DATE_EPOCH='\d+' is too late: at most 4294967295"):
        source_date_epoch({"SOURCE_DATE_EPOCH": value})
    assert source_date_epoch({"SOURCE_DATE_EPOCH": "4294967295"}) == 4294967295


# ---- probe 3: the address registry -----------------------------------------------------------------


def test_case_3_15_the_not_found_page_cannot_be_moved(tmp_path):
    """Case 3.15: `{from: 404.html, to: index.html}` overwrote the theme's 404 page with a redirect."""
    path = write_yaml(
        tmp_path / "addresses.yml", {"live": ["index.html"], "moved": [{"from": "404.html", "to": "index.html"}]}
    )
    assert refused(addresses.read_registry, path).startswith(
        "data/addresses.yml: moved '404.html': that address is the theme's page for addresses that do not exist"
    )


@pytest.mark.parametrize(
    "text, named, case",
    [
        ("live: [index.html]\n", "field 'moved': missing", "1.68"),
        ("live: index.html\nmoved: []\n", "field 'live': must be a list", "1.69"),
        (
            "live: [index.html]\nmoved:\n  - {from: old.html, to: index.html, why: renamed}\n",
            "field 'moved[1].why': unknown field (known fields: from, to)",
            "1.72",
        ),
        ("live: [index.html, 5]\nmoved: []\n", "field 'live[2]': must be text", "1.82"),
        ("live: [index.html]\nmoved: [old.html]\n", "field 'moved[1]': must be a mapping", "1.83"),
    ],
)
def test_cases_1_68_to_1_83_registry_mistakes_name_the_field(tmp_path, text, named, case):
    """Cases 1.68-1.83 held with jsonschema's own wording, naming no entry; now the field is named."""
    path = tmp_path / "addresses.yml"
    path.write_text(text, encoding="utf-8")
    assert refused(addresses.read_registry, path) == f"data/addresses.yml: {named}", case


def test_case_1_21_a_registry_that_is_not_utf8_is_named(tmp_path):
    """Case 1.21's rule for every data file, the registry included (it is read before any other hook's use)."""
    path = tmp_path / "addresses.yml"
    path.write_bytes("live: [caf\xe9.html]\nmoved: []\n".encode("latin-1"))
    message = refused(addresses.read_registry, path)
    assert message.startswith("data/addresses.yml: is not UTF-8 text: byte 0xe9 on line 1"), message


EARLIER = {
    "live": ["faq.html", "faq.html#title", "faq.html#what-seoul-pays", "index.html"],
    "moved": [{"from": "old.html", "to": "index.html"}],
}


@pytest.mark.parametrize(
    "live, moved, lost",
    [
        (EARLIER["live"], {"old.html": "index.html"}, []),
        (EARLIER["live"] + ["new.html"], {"old.html": "index.html"}, []),  # additions are fine
        (["faq.html", "faq.html#title", "index.html"], {"old.html": "index.html"}, ["faq.html#what-seoul-pays"]),
        (EARLIER["live"], {}, ["old.html"]),  # a moved entry cannot go either
        (["index.html", "questions.html"], {"old.html": "index.html", "faq.html": "questions.html"}, []),  # moved page
        (EARLIER["live"] + ["old.html"], {}, []),  # a moved page restored
    ],
)
def test_case_3_20_an_address_leaves_the_registry_only_by_moving(live, moved, lost):
    """Case 3.20: an anchor deleted from the registry together with its heading built cleanly."""
    assert addresses.vanished(EARLIER, set(live), moved) == lost


def git(folder, *args):
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


def test_case_3_20_a_removal_is_named_against_the_previous_commits(tmp_path):
    """Case 3.20 through git: the removal committed (HEAD~1 still has it) or not yet committed (HEAD has it)."""
    registry = tmp_path / "data" / "addresses.yml"
    write_yaml(registry, EARLIER)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first")
    current = dict(EARLIER, live=["faq.html", "faq.html#title", "index.html"])
    write_yaml(registry, current)
    live, moved = addresses.read_registry(registry)
    expected = (
        "data/addresses.yml: 'faq.html#what-seoul-pays' was published (it is in the registry of "
        "the last commit (HEAD)) and is no longer listed."
    )
    assert [p[: len(expected)] for p in addresses.lost_addresses(tmp_path, live, moved)] == [expected]
    git(tmp_path, "commit", "-q", "-am", "drop an anchor")
    assert [p[:70] for p in addresses.lost_addresses(tmp_path, live, moved)] == [
        "data/addresses.yml: 'faq.html#what-seoul-pays' was published (it is in"
    ]
    assert "HEAD~1" in addresses.lost_addresses(tmp_path, live, moved)[0]
    git(tmp_path, "commit", "-q", "--allow-empty", "-m", "later")  # two commits later, HEAD~1 forgets it ...
    assert addresses.lost_addresses(tmp_path, live, moved) == []


def test_case_3_20_the_newest_edition_remembers_what_it_published(tmp_path):
    """... but the registry of the newest dated edition does not."""
    registry = tmp_path / "data" / "addresses.yml"
    write_yaml(registry, EARLIER)
    (tmp_path / "docs" / "editions").mkdir(parents=True)
    (tmp_path / "docs" / "editions" / "2026-11-27.html").write_text("edition", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "edition")
    write_yaml(registry, dict(EARLIER, live=["faq.html", "faq.html#title", "index.html"]))
    for message in ("drop an anchor", "later", "later still"):
        git(tmp_path, "commit", "-q", "--allow-empty" if message != "drop an anchor" else "-a", "-m", message)
    live, moved = addresses.read_registry(registry)
    lost = addresses.lost_addresses(tmp_path, live, moved)
    assert len(lost) == 1 and "'faq.html#what-seoul-pays'" in lost[0] and "newest dated edition" in lost[0], lost


def test_case_3_20_outside_a_git_checkout_of_the_project_nothing_is_compared(tmp_path):
    """A copy without history (a release tarball, the tests' build copies) builds; it has nothing to compare."""
    write_yaml(tmp_path / "data" / "addresses.yml", EARLIER)
    assert addresses.earlier_registries(tmp_path) == []
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first")
    assert addresses.earlier_registries(tmp_path) != []
    # A project copied into a folder of another checkout must not compare that checkout's registry.
    assert addresses.earlier_registries(tmp_path / "data") == []


def test_case_3_20_check_names_a_lost_address(project):
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "first")
    write_yaml(project / "data" / "addresses.yml", dict(REGISTRY, live=["forces.html", "forces.html#title"]))
    assert any("'forces.html#troops' was published" in p for p in check_site.check(project))


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give the checkout away")
def test_case_3_20_a_checkout_owned_by_another_user_is_still_compared(tmp_path):
    """In CI's container the checkout belongs to another user and plain git refuses it ("dubious
    ownership"): the comparison must not silently switch off there."""
    registry = tmp_path / "data" / "addresses.yml"
    write_yaml(registry, EARLIER)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first")
    subprocess.run(["chown", "-R", "65534:65534", str(tmp_path)], check=True)
    if "dubious ownership" not in subprocess.run(["git", "log"], cwd=tmp_path, capture_output=True, text=True).stderr:
        pytest.skip("git here trusts every folder (safe.directory=*): nothing to show")
    assert [label for label, _ in addresses.earlier_registries(tmp_path)] == ["the last commit (HEAD)"]
