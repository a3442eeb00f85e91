"""A living explainer: one record of changes behind the changelog, page histories, the
banner and the feed; dated editions that cannot change; review dates."""

import datetime
import subprocess
import sys

import feedparser
import pytest
import yaml
from conftest import PUBLISHED_URL, ROOT

from explainer.changes import (
    atom_feed,
    banner,
    changelog_markdown,
    feed_id,
    heading_labels,
    link_text,
    problems,
    updated_line,
    validate,
)
from explainer.data import DataError

DAY = datetime.date(2026, 11, 27)
FEED = {"site_name": "Site", "author": "Editors", "site_url": "https://example.org/"}
RECORD = yaml.safe_load((ROOT / "data" / "changes.yml").read_text(encoding="utf-8"))
CONTENT_PAGES = [p.name for p in sorted((ROOT / "docs").glob("*.md"))]


def entry(**fields):
    return {"id": "x", "date": "2026-11-27", "kind": "update", "pages": ["index.md"], "text": "Changed.", **fields}


# ---- The record, as plain functions on small inputs ----


# The shape of an entry (fields, types, kinds, ids) is the schema's: tests/test_data_files.py.
@pytest.mark.unit
@pytest.mark.parametrize(
    "bad, field",
    [
        (entry(date="2026-11"), "date"),
        (entry(date="2026-02-30"), "date"),
        (entry(sources=["no-such-source"]), "sources"),
    ],
)
def test_a_malformed_change_names_entry_and_field(bad, field):
    with pytest.raises(DataError, match=f"entry '[^']*', field '{field}'"):
        validate([bad], "data/changes.yml", {"reuters-nds"})


@pytest.mark.unit
def test_changes_run_newest_first_with_unique_ids():
    with pytest.raises(DataError, match="newest first"):
        validate([entry(id="a", date="2026-11-01"), entry(id="b", date="2026-11-27")], "data/changes.yml", set())
    with pytest.raises(DataError, match="earlier entry"):
        validate([entry(id="a"), entry(id="a")], "data/changes.yml", set())


@pytest.mark.unit
def test_the_record_and_the_pages_must_agree():
    changes = validate([entry(id="a", pages=["index.md#gone", "missing.md"])], "data/changes.yml", set())
    found = problems(
        changes,
        {"index.md": DAY, "faq.md": DAY, "about.md": DAY + datetime.timedelta(days=1)},
        {"index.md": {"latest"}},
    )
    assert any("names missing.md" in p for p in found)
    assert any("index.md#gone" in p and "anchor 'gone'" in p for p in found)
    assert any(p.startswith("docs/faq.md: no entry") for p in found)
    assert not any("about.md" in p and "'a'" in p for p in found)


@pytest.mark.unit
def test_the_updated_line_shows_the_newest_update_or_correction_only():
    changes = validate(
        [entry(id="b", kind="correction", text="Fixed."), entry(id="a", kind="new")], "data/changes.yml", set()
    )
    assert updated_line(changes, "index.md")["label"] == "Corrected"
    assert updated_line(validate([entry(kind="new")], "data/changes.yml", set()), "index.md") is None


@pytest.mark.unit
def test_edits_before_publication_and_site_notes_are_recorded_but_not_announced():
    changes = validate(
        [
            entry(id="c", kind="correction", prepublication=True),
            entry(id="s", about="site"),
            entry(id="u", text="Added a thing."),
            entry(id="n", kind="new"),
        ],
        "data/changes.yml",
        set(),
    )
    assert updated_line(changes, "index.md") == {"date": DAY, "label": "Updated", "count": 1}
    assert banner(changes)["id"] == "u"
    ids = [e.id.rsplit(":", 1)[-1] for e in feedparser.parse(atom_feed(changes, **FEED)).entries]
    assert ids == [feed_id("u").rsplit(":", 1)[-1], feed_id("n").rsplit(":", 1)[-1]]
    assert "Before publication" in changelog_markdown(changes, {})  # the changelog keeps the whole record
    only_drafts = validate(
        [entry(id="c", kind="correction", prepublication=True), entry(id="n", kind="new")], "data/changes.yml", set()
    )
    assert updated_line(only_drafts, "index.md") is None


@pytest.mark.unit
def test_the_banner_announces_the_story_not_errata():
    changes = validate([entry(id="fix", kind="correction"), entry(id="story")], "data/changes.yml", set())
    assert banner(changes)["id"] == "story"
    assert updated_line(changes, "index.md")["label"] == "Corrected"  # the page's own line still says so


@pytest.mark.unit
def test_feed_ids_depend_on_the_entry_id_only():
    assert feed_id("first-publication") == feed_id("first-publication") != feed_id("update-budget")
    assert feed_id("first-publication").startswith("urn:uuid:")


# ---- What a reader gets ----


def test_every_page_shows_its_history_and_review_date(html_pages):
    for page in CONTENT_PAGES:
        if page == "print.md":
            continue
        soup = html_pages[page.replace(".md", ".html")]
        history = soup.select(".page-history li")
        assert history, f"{page}: no page history"
        assert soup.select_one(".page-history").find(string=lambda s: "First published" in s), page
        assert "Last reviewed" in soup.select_one(".page-updated").get_text(), f"{page}: no review date"


def test_a_change_names_a_section_by_its_heading_not_its_anchor(tmp_path):
    (tmp_path / "us-forces.md").write_text(
        "# U.S. forces {#title}\n\n## The legal limits on cuts: the act {#legal-floor}\n", encoding="utf-8"
    )
    titles, headings = {"us-forces.md": "U.S. forces"}, heading_labels(tmp_path)
    assert link_text("us-forces.md#legal-floor", titles, headings) == "U.S. forces (The legal limits on cuts)"
    assert link_text("us-forces.md#title", titles, headings) == "U.S. forces"
    assert link_text("timeline.md#scm-57", {"timeline.md": "Timeline"}, headings) == "Timeline (scm 57)"


def test_a_corrected_page_says_so_under_its_title(html_pages):
    """One short dated line under the title (first_screen.py checks where); none for edits
    made before the page was first published."""
    announced = [
        e
        for e in validate(
            yaml.safe_load((ROOT / "data" / "changes.yml").read_text(encoding="utf-8")),
            "data/changes.yml",
            {e for x in RECORD for e in x.get("sources", [])},
        )
        if not e["prepublication"] and e["about"] == "story" and e["kind"] != "new"
    ]
    for page in CONTENT_PAGES:
        newest = next((e for e in announced if any(t.split("#")[0] == page for t in e["pages"])), None)
        line = html_pages[page.replace(".md", ".html")].select_one(".updated-line")
        if newest is None:
            assert line is None, f"{page}: a line under the title for a change no reader saw"
        else:
            assert line and line.get_text(" ", strip=True).endswith(f"{newest['date'].day} {newest['date']:%B %Y}"), (
                page
            )


def test_the_changelog_is_the_record(html_pages):
    items = html_pages["changelog.html"].select("ul.changes li[id^=change-]")
    assert [li["id"] for li in items] == [f"change-{c['id']}" for c in RECORD]
    kinds = {li.select_one(".change-kind").get_text() for li in items}
    assert {"New", "Update", "Before publication"} <= kinds <= {"New", "Update", "Correction", "Before publication"}
    assert html_pages["changelog.html"].find(id="2026-11-27"), "the dated anchor citations use is gone"


def test_the_feed_is_valid_atom_linked_from_every_page(site, html_pages):
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    told = [c for c in RECORD if not c.get("prepublication") and c.get("about", "story") == "story"]
    assert [e.id for e in feed.entries] == [feed_id(c["id"]) for c in told]
    assert all(e.link.startswith("http://127.0.0.1:8000/") for e in feed.entries)
    for path, soup in html_pages.items():
        if path == "404.html" or path.startswith("editions/") or soup.find("meta", attrs={"http-equiv": "refresh"}):
            continue
        link = soup.select_one('head link[rel~="alternate"][type="application/atom+xml"]')
        assert link and link["href"].endswith("feed.xml"), f"{path}: no feed link in <head>"
        assert soup.find("a", string="Follow updates (Atom)"), f"{path}: no visible feed link"


def test_a_rebuild_elsewhere_keeps_every_feed_id(site, published_site):
    """Another address (SITE_URL) and another SOURCE_DATE_EPOCH change no entry's id."""
    ids = [e.id for e in feedparser.parse((site / "feed.xml").read_bytes()).entries]
    again = feedparser.parse((published_site / "feed.xml").read_bytes())
    assert [e.id for e in again.entries] == ids
    assert again.entries[0].link.startswith(PUBLISHED_URL)


def test_the_banner_shows_the_newest_change_to_the_story(html_pages):
    newest = next(
        e
        for e in RECORD
        if e["kind"] != "correction" and not e.get("prepublication") and e.get("about", "story") == "story"
    )
    shown = html_pages["faq.html"].select_one(".md-banner .whats-new")
    assert shown and shown.find("a", href=f"changelog.html#change-{newest['id']}")
    assert "orrect" not in shown.get_text(" ", strip=True), "the banner announces errata"


@pytest.mark.browser
def test_a_reader_can_dismiss_the_banner_and_it_stays_dismissed(visit, http_site):
    reader = visit()
    reader.page.goto(http_site + "index.html")
    banner = reader.page.locator(".md-banner")
    assert banner.is_visible()
    reader.page.locator(".md-banner__button").click()
    assert banner.is_hidden()
    reader.page.goto(http_site + "faq.html")
    assert reader.page.locator(".md-banner").is_hidden(), "the dismissed banner came back on the next page"


# ---- Broken input stops the build, naming both sides ----


def test_a_change_naming_a_missing_page_fails(broken_copy):
    broken_copy.edit(
        "data/changes.yml",
        "pages: [alliance.md#submarines, timeline.md#submarine-pact,",
        "pages: [alliances.md#submarines, timeline.md#submarine-pact,",
    )
    broken_copy.assert_build_fails_naming("update-submarines", "alliances.md")


def test_a_change_naming_a_missing_anchor_fails(broken_copy):
    broken_copy.edit(
        "data/changes.yml",
        "pages: [alliance.md#submarines, timeline.md#submarine-pact,",
        "pages: [alliance.md#submarine, timeline.md#submarine-pact,",
    )
    broken_copy.assert_build_fails_naming("update-submarines", "alliance.md#submarine")


def test_updated_without_a_change_entry_fails(broken_copy):
    broken_copy.edit(
        "docs/faq.md", "updated: 2026-12-07\nreviewed: 2026-12-07", "updated: 2026-12-09\nreviewed: 2026-12-09"
    )
    broken_copy.assert_build_fails_naming("docs/faq.md", "updated: 2026-12-09", "2026-12-07")


def test_an_edited_or_deleted_edition_fails(broken_copy):
    editions = broken_copy.path / "docs" / "editions"
    editions.mkdir(exist_ok=True)
    (editions / "2026-11-20.html").write_text("<p>as it stood</p>", encoding="utf-8")
    (editions / "2026-11-20-offline.zip").write_bytes(b"zip")
    from explainer.editions import sha256

    registry = broken_copy.path / "data" / "editions.yml"
    text = registry.read_text(encoding="utf-8")
    first_change = yaml.safe_load((ROOT / "data" / "changes.yml").read_text(encoding="utf-8"))[-1]["id"]
    entry_text = (
        f"- date: 2026-11-20\n  last_change: {first_change}\n  file: editions/2026-11-20.html\n"
        f"  sha256: {sha256(editions / '2026-11-20.html')}\n"
        f"  zip: editions/2026-11-20-offline.zip\n  zip_sha256: {sha256(editions / '2026-11-20-offline.zip')}\n"
    )
    registry.write_text(text.replace("\n[]\n", "\n") if "\n[]\n" in text else text, encoding="utf-8")
    first = registry.read_text(encoding="utf-8").split("\n- date:", 1)
    registry.write_text(
        first[0].rstrip("\n") + "\n" + entry_text + ("\n- date:" + first[1] if len(first) > 1 else ""), encoding="utf-8"
    )
    assert broken_copy.build().returncode == 0, "a registered, unchanged edition must build"
    (editions / "2026-11-20.html").write_text("<p>as it stood, improved</p>", encoding="utf-8")
    broken_copy.assert_build_fails_naming("editions/2026-11-20.html", "has changed")
    (editions / "2026-11-20.html").unlink()
    broken_copy.assert_build_fails_naming("editions/2026-11-20.html", "missing")


def test_check_review_lists_pages_past_the_cycle():
    script = [sys.executable, "-m", "explainer", "review"]
    current = subprocess.run([*script, "--today", "2026-12-01"], capture_output=True, text=True)
    late = subprocess.run([*script, "--today", "2027-06-01"], capture_output=True, text=True)
    assert current.returncode == 0, current.stdout
    assert late.returncode == 1 and "docs/faq.md: last reviewed 2026-12-07" in late.stdout


@pytest.mark.browser
def test_the_first_edition_opens_from_disk_alone_and_says_what_it_is(browser, html_pages):
    editions = yaml.safe_load((ROOT / "data" / "editions.yml").read_text(encoding="utf-8"))
    assert editions, "no edition has been cut"
    first = ROOT / "docs" / editions[0]["file"]
    listed = html_pages["editions.html"].select("ul.editions li a[href]")
    assert any(a["href"] == editions[0]["file"] for a in listed), "editions.html does not list it"
    page = browser.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(first.as_uri())
    assert page.locator(".edition-notice").inner_text().startswith("This edition: 27 November 2026")
    assert page.locator("script").count() == 0
    assert requests == [first.as_uri()], f"the edition fetched more than itself: {requests[1:5]}"
    assert page.locator("section.print-section").count() >= 15, "not every page is in the edition"
    page.close()


# ---- A feed worth following (feedparser on small records) ----


@pytest.mark.unit
def test_each_change_of_a_day_has_its_own_stable_time():
    record = [entry(id="c"), entry(id="b"), entry(id="a", kind="new")]
    feed = feedparser.parse(atom_feed(validate(record, "data/changes.yml", set()), **FEED))
    times = [e.updated for e in feed.entries]
    assert len(set(times)) == 3 and times == sorted(times, reverse=True), times
    # A new entry on top moves none of the older ones.
    again = feedparser.parse(
        atom_feed(validate([entry(id="d")] + [dict(e) for e in record], "data/changes.yml", set()), **FEED)
    )
    assert [e.updated for e in again.entries][1:] == times
    with pytest.raises(DataError, match="field 'time'"):
        validate([entry(id="x", time="00:00"), entry(id="y")], "data/changes.yml", set())


@pytest.mark.unit
def test_feed_titles_are_short_and_the_detail_is_in_the_summary():
    long_text = (
        "Attributions corrected across the site, with reports credited to the wrong outlet, an official "
        "described beyond the source and a publication's words presented as analysts' quotation. More."
    )
    changes = validate(
        [entry(id="long", kind="correction", text=long_text), entry(id="own", title="A short title")],
        "data/changes.yml",
        set(),
    )
    feed = feedparser.parse(atom_feed(changes, **FEED))
    assert [len(e.title) <= 80 for e in feed.entries] == [True, True], [e.title for e in feed.entries]
    assert feed.entries[0].title.startswith("Correction: Attributions corrected") and feed.entries[0].title.endswith(
        "…"
    )
    assert feed.entries[0].summary.startswith(long_text)
    assert feed.entries[1].title == "Update: A short title"
    with pytest.raises(DataError, match="field 'title'"):
        validate([entry(title="x" * 80)], "data/changes.yml", set())


@pytest.mark.unit
def test_a_correction_links_to_the_dated_edition_it_amends():
    changes = validate(
        [
            entry(id="fix", date="2026-12-07", kind="correction"),
            entry(id="later", date="2026-11-28"),
            entry(id="cut", date="2026-11-27"),
            entry(id="first", kind="new"),
        ],
        "data/changes.yml",
        set(),
    )
    editions = [
        {"date": DAY, "last_change": "cut", "file": "editions/2026-11-27.html"},
        {"date": datetime.date(2026, 11, 28), "last_change": "later", "file": "editions/2026-11-28.html"},
    ]
    feed = feedparser.parse(atom_feed(changes, editions=editions, **FEED))
    fix = feed.entries[0]
    related = [link.href for link in fix.links if link.rel == "related"]
    assert related == ["https://example.org/editions/2026-11-28.html"], fix.links
    assert "28 November 2026" in fix.summary
    assert not [link for e in feed.entries[1:] for link in e.links if link.rel == "related"]


def test_a_new_edition_carries_the_site_icon_so_no_request_for_favicon_ico_fails(tmp_path):
    # A browser asks the host for /favicon.ico when a page names no icon: a 404 and a console
    # error on the hosted edition. An edition links no file, so the icon is a data: address.
    from urllib.parse import unquote

    from bs4 import BeautifulSoup

    from explainer.make_edition import ICON, edition_page

    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#3949ab" d="M1 1z"/></svg>'
    (site / ICON).write_text(svg, encoding="utf-8")
    (site / "print.html").write_text(
        '<html><head></head><body><article class="md-content__inner"><p>Text</p></article></body></html>',
        encoding="utf-8",
    )
    page = BeautifulSoup(edition_page(site, datetime.date(2026, 12, 7), None, "http://127.0.0.1:8000/"), "html.parser")
    icon = page.select_one('head link[rel="icon"]')
    assert icon and icon["href"].startswith("data:image/svg+xml,"), "the edition names no icon of its own"
    assert unquote(icon["href"].split(",", 1)[1]) == svg and " " not in icon["href"]


def test_the_site_answers_favicon_ico_for_the_frozen_edition_that_names_no_icon(site):
    # The 27 November edition's bytes cannot change; served at a host's root, the site answers.
    first = (ROOT / "docs" / "editions" / "2026-11-27.html").read_text(encoding="utf-8")
    if 'rel="icon"' not in first:
        icon = (site / "favicon.ico").read_bytes()
        assert icon[:4] == b"\x00\x00\x01\x00" and b"PNG" in icon[:64], "the site has no /favicon.ico"


@pytest.mark.unit
def test_an_edition_rewritten_with_its_hash_is_refused_against_git(tmp_path):
    """Reliability probe 4.13: editing an edition and its sha256 together passes the hash check;
    the file as git first recorded it does not move."""
    import subprocess

    from explainer.editions import rewritten

    def git(*args):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=tmp_path, check=True, capture_output=True
        )

    folder = tmp_path / "docs" / "editions"
    folder.mkdir(parents=True)
    (folder / "2026-11-27.html").write_text("frozen", encoding="utf-8")
    (folder / "2026-11-27.zip").write_bytes(b"zip")
    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "edition")
    entry = {"file": "editions/2026-11-27.html", "zip": "editions/2026-11-27.zip"}
    assert rewritten(tmp_path, [entry]) == []
    (folder / "2026-11-27.html").write_text("rewritten", encoding="utf-8")
    git("commit", "-q", "-am", "rewrite the edition and its hash together")
    [problem] = rewritten(tmp_path, [entry])
    assert problem.startswith("docs/editions/2026-11-27.html differs from the file as first committed")
