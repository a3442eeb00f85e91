"""What the build takes from outside the Markdown is checked first: symlinks, SITE_URL, SOURCE_DATE_EPOCH."""

import pytest
from conftest import PUBLISHED_URL

from explainer.build_inputs import SKIP_KOREAN, is_preview, site_url_problem, skip_korean, source_date_epoch, symlinks

# ---- Symlinks ----


@pytest.mark.unit
def test_symlinks_are_found_in_every_input_folder_and_named(tmp_path):
    for folder in ("docs/assets", "data", "overrides"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "docs" / "page.md").write_text("real")
    (tmp_path / "docs" / "assets" / "env.txt").symlink_to("/proc/self/environ")
    (tmp_path / "data" / "elsewhere").symlink_to(tmp_path.parent, target_is_directory=True)
    (tmp_path / "overrides" / "main.html").symlink_to(tmp_path / "docs" / "page.md")  # inside, still refused
    assert symlinks(tmp_path) == ["data/elsewhere", "docs/assets/env.txt", "overrides/main.html"]


@pytest.mark.unit
@pytest.mark.parametrize("folder", ["docs", "data"])
def test_an_input_folder_that_is_itself_a_link_is_named(tmp_path, folder):
    """Reliability probe 6.3 and 6.4: os.walk follows the top folder, so the folder itself is checked."""
    (tmp_path / f"{folder}-real").mkdir()
    (tmp_path / folder).symlink_to(tmp_path / f"{folder}-real", target_is_directory=True)
    assert symlinks(tmp_path) == [folder]


def test_a_symlink_in_docs_stops_the_build_naming_it(broken_copy):
    (broken_copy.path / "docs" / "environment.txt").symlink_to("/proc/self/environ")
    broken_copy.assert_build_fails_naming("docs/environment.txt", "symbolic link")


# ---- SITE_URL ----

GOOD_ADDRESSES = [
    "http://127.0.0.1:8000/",
    "https://example.github.io/seoul-in-the-lead/",
    "https://seoul.example/",
    "https://seoul.example/a/b%20c/",
    "http://[::1]:8000/",
]
BAD_ADDRESSES = {
    "javascript:alert(1)//": "https://",
    "ftp://seoul.example/": "https://",
    "https:/seoul.example/": "https://",
    "https://seoul.example/site": "end with /",
    "https://user:secret@seoul.example/": "password",
    "https://seoul.example:80x/": "port",
    "https://seoul_example/": "host name",
    "https://seoul.example/?x=1/": "query",
    "https://seoul.example/#top/": "fragment",
    'https://seoul.example/"><script>alert(1)</script>/': "path",
    "https://seoul.example/a b/": "path",
    "https://seoul.example/it's/": "path",
    "https://example.org/a/../": "segments",  # reliability probe 6.15
    "https://example.org/./": "segments",
}


@pytest.mark.unit
@pytest.mark.parametrize("url", GOOD_ADDRESSES)
def test_a_plain_site_address_is_accepted(url):
    assert site_url_problem(url) is None


@pytest.mark.unit
@pytest.mark.parametrize("url, named", BAD_ADDRESSES.items(), ids=list(BAD_ADDRESSES))
def test_a_bad_site_address_is_refused_saying_why(url, named):
    problem = site_url_problem(url)
    assert problem and named in problem, problem


def test_a_bad_site_url_stops_the_build_naming_it(broken_copy):
    result = broken_copy.build(SITE_URL='https://seoul.example/"><script>alert(1)</script>/')
    assert result.returncode != 0
    assert "SITE_URL" in result.stderr and "<script>alert(1)</script>" in result.stderr, result.stderr[-1500:]
    assert "Traceback" not in result.stderr


@pytest.mark.unit
def test_only_a_loopback_address_is_a_preview():
    assert is_preview("http://127.0.0.1:8000/") and is_preview("http://localhost:8000/")
    assert not is_preview("https://example.github.io/seoul-in-the-lead/")


def test_a_local_build_calls_itself_a_preview_where_it_would_promise_permanence(html_pages):
    for path, soup in html_pages.items():
        box = soup.select_one("details.cite-this-page")
        if box:
            assert "local preview" in box.get_text() and "will not change" not in box.get_text(), path
    cover = html_pages["print.html"].select_one(".print-title-page").get_text()
    assert "Local preview" in cover and "Online edition" not in cover


def test_a_published_build_promises_its_addresses(published_site):
    site = published_site
    assert "This address will not change" in (site / "alliance.html").read_text(encoding="utf-8")
    cover = (site / "print.html").read_text(encoding="utf-8")
    assert f'Online edition: <a href="{PUBLISHED_URL}">' in cover
    # What a preview build writes (the print cover's notice, the cite box's), not any mention of the
    # word: the record of changes may well speak of an edition cut as a local preview.
    assert "Local preview, not a published edition" not in cover
    assert "This is a local preview" not in (site / "alliance.html").read_text(encoding="utf-8")


# ---- SOURCE_DATE_EPOCH ----


@pytest.mark.unit
def test_source_date_epoch_must_be_whole_seconds():
    assert source_date_epoch({}) is None
    assert source_date_epoch({"SOURCE_DATE_EPOCH": "1795000000"}) == 1795000000
    for bad in ("yesterday", "1795000000.5", "-1", ""):
        with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
            source_date_epoch({"SOURCE_DATE_EPOCH": bad})


def test_a_non_integer_source_date_epoch_stops_the_build_naming_it(broken_copy):
    result = broken_copy.build(SOURCE_DATE_EPOCH="2026-11-27")
    assert result.returncode != 0
    assert "SOURCE_DATE_EPOCH='2026-11-27' must be a whole number" in result.stderr, result.stderr[-1500:]
    assert "Traceback" not in result.stderr


# ---- SITE_SKIP_KOREAN: the English edition alone, for test builds of English-only input ----


@pytest.mark.unit
def test_skip_korean_is_1_or_unset():
    assert skip_korean({}) is False
    assert skip_korean({SKIP_KOREAN: "0"}) is False
    assert skip_korean({SKIP_KOREAN: "1"}) is True
    for bad in ("yes", "true", " 1"):
        with pytest.raises(ValueError, match=SKIP_KOREAN):
            skip_korean({SKIP_KOREAN: bad})


def test_a_mistyped_skip_korean_stops_the_build_naming_it(broken_copy):
    result = broken_copy.build(SITE_SKIP_KOREAN="yes")
    assert result.returncode != 0
    assert "SITE_SKIP_KOREAN='yes'" in result.stderr, result.stderr[-1500:]
    assert "Traceback" not in result.stderr
