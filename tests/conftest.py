"""The built site is the thing under test: build it once, then read what a reader gets."""

import os
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from explainer.build_inputs import SKIP_KOREAN
from explainer.chromium import CHROMIUM_ARGS, chromium_path
from tests.support.project import FIXED_EPOCH, PROJECT_PARTS, ROOT, QuietHandler, copy_project, run_build, serve_folder

__all__ = ["FIXED_EPOCH", "PROJECT_PARTS", "ROOT", "QuietHandler", "copy_project", "run_build", "serve_folder"]


def pytest_report_header():
    from tests.support.accessibility_engines import versions

    return f"{versions()}; chromium: {chromium_path()}"


SEARCH_HIT_RATES: list[str] = []


@pytest.fixture(scope="session")
def search_hit_rates() -> list[str]:
    """Lines for the end of the run: how often search lands where tests/search_queries.yml says."""
    return SEARCH_HIT_RATES


def pytest_terminal_summary(terminalreporter):
    if SEARCH_HIT_RATES:
        terminalreporter.section("search hit rates (tests/search_queries.yml)")
        for line in SEARCH_HIT_RATES:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> tuple[Path, str]:
    """The site, built once per test session from the working tree, and the build's log."""
    # SITE_UNDER_TEST=folder runs the suite on a site another builder made (see README,
    # "Another engine"); by default the suite builds the working tree with MkDocs.
    if os.environ.get("SITE_UNDER_TEST"):
        return Path(os.environ["SITE_UNDER_TEST"]).resolve(), ""
    site_dir = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, site_dir)
    if result.returncode != 0:
        pytest.fail(f"the strict build failed:\n{result.stderr[-4000:]}", pytrace=False)
    return site_dir, result.stderr


@pytest.fixture(scope="session")
def site(site_build) -> Path:
    return site_build[0]


@pytest.fixture(scope="session")
def rebuilt_site(tmp_path_factory) -> Path:
    """A second build of the working tree with the same SOURCE_DATE_EPOCH, for the tests that
    compare it with `site` (reproducible builds); built once, read by each of them."""
    again = tmp_path_factory.mktemp("again") / "site"
    result = run_build(ROOT, again)
    assert result.returncode == 0, result.stderr[-4000:]
    return again


PUBLISHED_URL = "https://example.github.io/seoul-in-the-lead/"  # not the default preview address
PUBLISHED_EPOCH = "1800000000"  # not FIXED_EPOCH: what depends on the date shows it


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Path:
    """The working tree built as the deploy builds it, for its published address (SITE_URL) and
    another SOURCE_DATE_EPOCH: both editions, built once, read by the tests of what those change."""
    folder = tmp_path_factory.mktemp("published") / "site"
    result = run_build(ROOT, folder, {"SITE_URL": PUBLISHED_URL, "SOURCE_DATE_EPOCH": PUBLISHED_EPOCH})
    assert result.returncode == 0, result.stderr[-4000:]
    return folder


@pytest.fixture(scope="session")
def html_pages(site) -> dict[str, BeautifulSoup]:
    """Every page the build makes, by its address relative to the site root. Not the dated
    editions: frozen copies, made once by `make edition` and tested as such (test_changes.py).
    Not the Korean edition (ko/) yet: its pages are tested by tests/test_edition_ko*.py until the
    English suite's page checks are extended to them (korean_pages)."""
    return {
        path.relative_to(site).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in sorted(site.rglob("*.html"))
        if not path.relative_to(site).as_posix().startswith(("editions/", "ko/"))
    }


@pytest.fixture(scope="session")
def korean_pages(site) -> dict[str, BeautifulSoup]:
    """The Korean edition's pages, by their address under ko/ (ko/sources.html)."""
    return {
        path.relative_to(site).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in sorted((site / "ko").rglob("*.html"))
    }


@pytest.fixture
def broken_copy(tmp_path):
    """A copy of the project to damage; .build() returns the strict build's result.

    .build() builds both editions, as published. .assert_build_fails_naming() builds the English
    edition alone (SITE_SKIP_KOREAN=1) when the damage is to English input: leaving out the Korean
    build can only let more through, so a failure it sees is the English build's own. Damage to the
    Korean edition's input (ko/, data/ko/) is built with both editions, or the test could not fail."""
    project = copy_project(tmp_path / "project")
    edited: list[str] = []

    class Copy:
        path = project

        def edit(self, relative: str, old: str, new: str) -> None:
            file = project / relative
            text = file.read_text(encoding="utf-8")
            assert old in text, f"{relative} no longer contains {old!r}: update the test"
            file.write_text(text.replace(old, new, 1), encoding="utf-8")
            edited.append(relative)

        def build(self, english_only: bool = False, **env) -> subprocess.CompletedProcess:
            """The strict build; english_only=True leaves out the Korean edition (SITE_SKIP_KOREAN=1)."""
            return run_build(project, tmp_path / "site", {**env, SKIP_KOREAN: "1"} if english_only else env)

        def assert_build_fails_naming(self, *words: str) -> None:
            """The strict build must fail, and its message must name every word given."""
            korean = any(path.startswith(("ko/", "data/ko/")) for path in edited)
            result = self.build(english_only=not korean)
            assert result.returncode != 0, "the strict build accepted the bad input"
            missing = [word for word in words if word not in result.stderr]
            assert not missing, f"the message does not name {missing}:\n{result.stderr[-2000:]}"

    return Copy()


# ---- The browser: Debian's chromium, driven by Playwright, never a downloaded build ----


@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium: skipped without it, but a failure in CI."""
    executable = chromium_path()
    if executable is None:
        message = "no 'chromium' on PATH: run `make test`, which installs Debian's chromium"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs the browser tests: {message}", pytrace=False)
        pytest.skip(message)
    return executable


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def http_site(site):
    """The built site over HTTP on loopback, as a reader of the hosted site gets it."""
    with serve_folder(site) as address:
        yield address


@pytest.fixture(params=["http", "file"])
def site_root(request, site, http_site):
    """The site as served over loopback HTTP, and as opened from disk."""
    return http_site if request.param == "http" else site.as_uri() + "/"


class Visit:
    """One browser page that records every request and console error."""

    def __init__(self, page):
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def foreign_requests(self, allowed_prefix: str) -> list[str]:
        return [url for url in self.requests if not url.startswith((allowed_prefix, "data:", "blob:", "about:"))]


@pytest.fixture
def visit(browser):
    """visit(**context_options) -> Visit, closed after the test."""
    contexts = []

    def open_page(**options) -> Visit:
        context = browser.new_context(**options)
        contexts.append(context)
        return Visit(context.new_page())

    yield open_page
    for context in contexts:
        context.close()


# ---- The test pyramid: unit (marked by hand), site, build, browser (marked here from the fixtures) ----

SITE_FIXTURES = {"site", "site_build", "html_pages", "korean_pages", "http_site", "site_root"}
# builds of the working tree beside `site`, each shared by the tests that read it
BUILD_FIXTURES_SHARED = {"rebuilt_site", "published_site"}
BUILD_FIXTURES = {"broken_copy", *BUILD_FIXTURES_SHARED}
BROWSER_FIXTURES = {"browser", "visit", "chromium"}


def pytest_collection_modifyitems(config, items):
    """`-m site`, `-m build` and `-m browser` select by what a test needs; a unit test needs none of it."""
    for item in items:
        needs = set(getattr(item, "fixturenames", ()))
        for marker, fixtures in (("site", SITE_FIXTURES), ("build", BUILD_FIXTURES), ("browser", BROWSER_FIXTURES)):
            if needs & fixtures and not item.get_closest_marker(marker):
                item.add_marker(marker)
        if item.get_closest_marker("unit") and needs & (SITE_FIXTURES | BUILD_FIXTURES | BROWSER_FIXTURES):
            raise pytest.UsageError(
                f"{item.nodeid} is marked unit but needs {sorted(needs)}: a unit test builds nothing"
            )
