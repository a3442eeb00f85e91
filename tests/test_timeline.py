"""timeline.html: every milestone in order, citable, sourced; bad data stops the build."""

import datetime

import pytest

from explainer.timeline import date_span  # the rules' own pure function

TIMELINE = "data/timeline.yml"
REQUIRED_MILESTONES = [
    "treaty-signed",
    "treaty-in-force",
    "cfc-activated",
    "peacetime-opcon",
    "opcon-agreement-2006",
    "opcon-postponed-2010",
    "opcon-conditions-2014",
    "humphreys-hq",
    "washington-declaration",
    "ncg-first-meeting",
    "interim-guidance",
    "troop-report",
    "department-of-war",
    "opcon-state-task",
    "scm-57",
    "joint-fact-sheet",
    "ndaa-2026",
    "nds-released",
    "seoul-core",
    "colby-visit",
    "foc-verification",
    "opcon-goal",
    "freedom-shield",
    "ulchi-freedom-shield",
]


@pytest.fixture(scope="module")
def timeline(html_pages):
    return html_pages["timeline.html"]


def test_every_listed_milestone_is_on_the_page(timeline):
    missing = [m for m in REQUIRED_MILESTONES if not timeline.find("li", id=m)]
    assert not missing, f"missing milestones: {missing}"


def test_dated_entries_run_in_order(timeline):
    latest = datetime.date.min
    for time in timeline.select("ol.timeline li.timeline-entry time[datetime]"):
        start, end = date_span(time["datetime"])
        assert end >= latest, f"{time['datetime']} comes after an entry starting {latest}"
        latest = max(latest, start)


def test_every_entry_is_citable_sourced_and_linked(timeline, html_pages):
    entries = timeline.select("ol.timeline > li.timeline-entry")
    assert len(entries) >= 30
    for entry in entries:
        assert entry.get("id"), "an entry without an anchor"
        kind = next(c for c in entry["class"] if c.startswith("timeline-") and c != "timeline-entry")
        if kind in ("timeline-history", "timeline-decision"):
            assert entry.find("time", datetime=True), f"{entry['id']}: no <time>"
        refs = entry.select("a.footnote-ref")
        assert refs and all(timeline.find(id=r["href"][1:]) for r in refs), f"{entry['id']}: footnote"
        links = [a["href"] for a in entry.select("a[href]") if "footnote-ref" not in a.get("class", [])]
        assert links, f"{entry['id']}: no link to the page that explains it"
        page, _, anchor = links[-1].partition("#")
        assert page in html_pages and html_pages[page].find(id=anchor), f"{entry['id']}: broken {links[-1]}"


def test_phases_have_no_dates_and_say_so(timeline):
    phases = timeline.select("li.timeline-entry.timeline-phase")
    assert phases
    for phase in phases:
        assert not phase.find("time"), f"{phase['id']}: a phase with a date"
        labels = [dt.get_text() for dt in phase.select("dt")]
        assert labels == [
            "For Seoul (the article)",
            "For U.S. forces (the article)",
            "Depends on (the article)",
            "Assessment",
        ]
    assert "No dates for phases have been published" in timeline.get_text()


def test_latest_entry_leads_to_the_latest_past_entry(timeline):
    jump = timeline.select_one(".timeline-jump a")
    assert jump.get_text().startswith("Latest entry: ")
    past = timeline.select("#past ~ ol.timeline")[0].select("li.timeline-entry")
    assert jump["href"] == "#" + past[-1]["id"]


def test_earlier_history_is_one_disclosure_before_the_recent_entries(timeline):
    earlier = timeline.select_one("#past ~ details.timeline-earlier")
    assert earlier and earlier.summary.get_text().startswith("Earlier history, 1953 to ")
    years = [int(t["datetime"][:4]) for t in earlier.select("time[datetime]")]
    recent = [int(t["datetime"][:4]) for t in earlier.find_next_sibling("ol").select("time[datetime]")]
    assert years and recent and max(years) < min(recent)


def test_a_month_only_entry_sits_among_the_days_of_its_month(timeline):
    """Ordering is the data's: an entry dated by month stands where its source places it."""
    dates = [t["datetime"] for t in timeline.select("#past ~ ol.timeline time[datetime]")]
    between = [
        i
        for i, d in enumerate(dates)
        if len(d) == 7
        and 0 < i < len(dates) - 1
        and dates[i - 1][:7] == d == dates[i + 1][:7]
        and len(dates[i - 1]) == len(dates[i + 1]) == 10
    ]
    assert between, f"no month-only entry stands between two days of its month: {dates}"


def test_markup_in_data_is_shown_as_text(broken_copy):
    broken_copy.edit(TIMELINE, "title: Mutual Defense Treaty signed", "title: Treaty <script>alert(1)</script> signed")
    result = broken_copy.build()
    assert result.returncode == 0, result.stderr
    page = (broken_copy.path.parent / "site" / "timeline.html").read_text(encoding="utf-8")
    assert "Treaty &lt;script&gt;alert(1)&lt;/script&gt; signed" in page
    assert "<script>alert(1)" not in page


BAD_ENTRIES = {
    "missing field": ("  title: Mutual Defense Treaty signed\n", "", "treaty-signed", "title"),
    "bad date": ("date: 1978-11-07", "date: 1978-13-07", "cfc-activated", "date"),
    "out of order": ("date: 1994\n", "date: 1977\n", "peacetime-opcon", "out of order"),
    "unknown source id": (
        "sources: [pacom-cfc, militarytimes-2014]",
        "sources: [pacom-cfx]",
        "cfc-activated",
        "pacom-cfx",
    ),
    "duplicate id": ("id: treaty-in-force", "id: treaty-signed", "treaty-signed", "used by an earlier entry"),
    "dated phase without source": (
        "- id: phase-duties-shift\n",
        "- id: phase-duties-shift\n  date: 2027\n",
        "phase-duties-shift",
        "no date unless a source gives one",
    ),
    "unknown kind": (
        "kind: history\n  title: The treaty enters",
        "kind: legend\n  title: The treaty enters",
        "treaty-in-force",
        "kind",
    ),
}


@pytest.mark.parametrize("case", BAD_ENTRIES, ids=list(BAD_ENTRIES))
def test_a_bad_entry_stops_the_build_naming_it(broken_copy, case):
    old, new, entry, words = BAD_ENTRIES[case]
    broken_copy.edit(TIMELINE, old, new)
    broken_copy.assert_build_fails_naming("timeline.yml", f"'{entry}'", words)
    assert not (broken_copy.path.parent / "site" / "timeline.html").exists(), "a half-built site was written"


# ---- Checkpoints whose date has passed, on small fixtures ----

from explainer.data import DataError  # noqa: E402
from explainer.timeline import passed_checkpoints, render_entry, site_date, validate  # noqa: E402

DAY = datetime.date(2026, 12, 7)


def entry(id_, kind, **fields):
    return {"id": id_, "kind": kind, "title": id_.title(), "summary": "S.", "sources": ["s"], "page": "x.md", **fields}


def test_the_sites_date_is_the_newest_date_in_its_data_not_the_clock():
    assert site_date(["2026-06", "2025-12-19", datetime.date(2026, 12, 7), "2026"]) == DAY
    assert site_date(["2026-06", "2026"]) == datetime.date(2026, 6, 1)


def test_a_checkpoint_passes_only_after_the_whole_of_its_date():
    entries = [
        entry("this-year", "scheduled", date="2026"),
        entry("last-month", "scheduled", date="2026-11"),
        entry("next-year", "scheduled", date="2027"),
        entry("done", "history", date="2026-11-02"),
    ]
    assert list(passed_checkpoints(entries, DAY)) == ["last-month"]
    assert list(passed_checkpoints(entries, datetime.date(2027, 1, 1))) == ["this-year", "last-month"]


def test_a_recurring_checkpoint_is_due_in_its_latest_month_and_reported_only_by_an_entry_since():
    entries = [
        entry("drill-2025", "history", date="2025-03-10", reports="drill"),
        entry("summer-drill", "scheduled", recurs="Each August"),
        entry("drill", "scheduled", recurs="Each March"),
        entry("weekly", "scheduled", recurs="Every week"),
    ]
    passed = passed_checkpoints(entries, DAY)
    assert set(passed) == {"summer-drill", "drill"}, "a recurrence that names no month cannot pass"
    assert passed["drill"]["due"] == (datetime.date(2026, 3, 1), datetime.date(2026, 3, 31))
    assert passed["drill"]["report"] is None, "a report of 2025 does not report the 2026 exercise"
    entries.append(entry("drill-2026", "history", date="2026-03-09", reports="drill"))
    assert passed_checkpoints(entries, DAY)["drill"]["report"]["id"] == "drill-2026"
    assert passed_checkpoints(entries, datetime.date(2026, 3, 15))["drill"]["due"][0].year == 2025


def test_a_passed_checkpoint_shows_its_report_or_that_none_was_found():
    scm = entry("scm", "scheduled", date="2026-11")
    unreported = render_entry(scm, False, "timeline.md", {}, passed_checkpoints([scm], DAY)["scm"], DAY)
    assert (
        "<strong>Date passed</strong> (November 2026). The editors have found no report of it as of 7 December 2026."
    ) in unreported
    assert "timeline-due" in unreported
    report = entry("scm-held", "history", date="2026-11-04", reports="scm")
    reported = render_entry(scm, False, "timeline.md", {}, passed_checkpoints([report, scm], DAY)["scm"], DAY)
    assert 'Reported: <a href="#scm-held">Scm-Held</a>, 4 November 2026.' in reported
    assert "Date passed" not in render_entry(
        entry("later", "scheduled", date="2027"), False, "timeline.md", {}, None, DAY
    )


def test_a_report_must_name_a_scheduled_entry():
    with pytest.raises(DataError, match="reports"):
        validate(
            [entry("a", "history", date="2026-01-01", reports="b"), entry("b", "history", date="2026-02-01")],
            "data/timeline.yml",
            {"s"},
        )
    with pytest.raises(DataError, match="reports"):
        validate(
            [entry("a", "scheduled", date="2026", reports="b"), entry("b", "scheduled", date="2027")],
            "data/timeline.yml",
            {"s"},
        )
