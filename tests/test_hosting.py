"""Editions are cut only when they can be right for good (probe case 4.17), and the deploy
publishes only at the committed hosted address (explainer/hosting.py)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.hosting import HostingError, check_deploy, check_edition, hosted_url

ROOT = Path(__file__).resolve().parent.parent
HOSTED = "https://example.github.io/seoul-in-the-lead/"

pytestmark = pytest.mark.unit


def refusal(*args) -> str:
    with pytest.raises(HostingError) as caught:
        check_edition(*args)
    return caught.value.name


def test_edition_refused_without_site_url():
    assert refusal(None, HOSTED, "") == "edition-needs-site-url"
    assert refusal("", HOSTED, "") == "edition-needs-site-url"


@pytest.mark.parametrize("preview", ["http://127.0.0.1:8000/", "http://localhost:8000/", "https://localhost/x/"])
def test_edition_refused_for_a_preview_address(preview):
    assert refusal(preview, HOSTED, "") == "edition-preview-address"


def test_edition_refused_with_uncommitted_changes():
    assert refusal(HOSTED, HOSTED, " M docs/faq.md\n?? docs/new.md\n") == "edition-uncommitted-changes"
    with pytest.raises(HostingError, match=r"docs/faq\.md, docs/new\.md"):
        check_edition(HOSTED, HOSTED, " M docs/faq.md\n?? docs/new.md\n")


def test_edition_refused_for_another_or_an_undecided_address():
    assert refusal("https://elsewhere.example/", HOSTED, "") == "edition-not-hosted-address"
    assert refusal(HOSTED, None, "") == "edition-no-hosted-address"


def test_edition_cut_for_the_hosted_address_from_a_clean_tree():
    check_edition(HOSTED, HOSTED, "")  # no refusal


def test_deploy_only_at_the_hosted_address():
    check_deploy(HOSTED.rstrip("/"), HOSTED)  # Pages gives its base_url without the slash
    with pytest.raises(HostingError, match=r"^deploy-address-mismatch: "):
        check_deploy("https://other.github.io/seoul-in-the-lead", HOSTED)
    with pytest.raises(HostingError, match=r"^deploy-no-hosted-address: "):
        check_deploy(HOSTED, None)


def test_hosted_url_read_from_mkdocs_yml(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_url: !ENV [SITE_URL, 'x']\nextra:\n  hosted_url: {HOSTED}\n", encoding="utf-8")
    assert hosted_url(config) == HOSTED
    config.write_text("extra:\n  hosted_url: null\n", encoding="utf-8")
    assert hosted_url(config) is None
    config.write_text("extra:\n  hosted_url: http://127.0.0.1:8000/\n", encoding="utf-8")
    with pytest.raises(HostingError, match=r"^hosted-url-invalid: "):
        hosted_url(config)
    hosted_url(ROOT / "mkdocs.yml")  # the project's own reads without error


def test_make_edition_refuses_a_preview_address_and_writes_nothing(tmp_path):
    """The refusal is wired into the command, before anything is built or written. The date is
    the first edition's, so that without the refusal the command stops (\"exists already\")
    without writing: this test can fail without cutting an edition."""
    before = sorted(path.name for path in (ROOT / "docs" / "editions").iterdir())
    for site_url in ("", "http://127.0.0.1:8000/"):
        env = {**os.environ, "SITE_URL": site_url}
        result = subprocess.run(
            [sys.executable, "-m", "explainer", "edition", "--date", "2026-11-27"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
        )
        assert result.returncode != 0
        assert "make edition refused: edition-" in result.stderr
    assert sorted(path.name for path in (ROOT / "docs" / "editions").iterdir()) == before
