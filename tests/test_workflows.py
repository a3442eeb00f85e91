"""The GitHub Actions workflows pass zizmor (pinned in requirements/test.in) with nothing to report,
under its strictest persona, and keep the two promises zizmor does not check: every action is
pinned by a full commit SHA with its tag beside it, and a newer push cancels an older run."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
ZIZMOR = Path(sys.executable).parent / "zizmor"  # a compiled program: no stale script path

pytestmark = pytest.mark.unit


def zizmor(folder: Path, *extra: Path) -> tuple[int, list, str]:
    files = sorted(str(path) for path in folder.glob("*.yml")) + [str(path) for path in extra]
    result = subprocess.run(
        [str(ZIZMOR), "--offline", "--persona", "pedantic", "--format", "json", *files], capture_output=True, text=True
    )
    return result.returncode, json.loads(result.stdout or "[]"), result.stderr


def test_zizmor_finds_nothing():
    code, findings, stderr = zizmor(WORKFLOWS, ROOT / ".github" / "dependabot.yml")
    assert findings == [] and code == 0, (
        "zizmor: " + "; ".join(f"{f['ident']}: {f['desc']}" for f in findings) + stderr[-2000:]
    )


def test_zizmor_reports_a_tag_pinned_action(tmp_path):
    """The check can fail: an action referenced by tag, as deploy.yml had before, is reported."""
    text = (WORKFLOWS / "deploy.yml").read_text(encoding="utf-8")
    (tmp_path / "deploy.yml").write_text(
        re.sub(r"actions/checkout@[0-9a-f]{40}", "actions/checkout@v7", text), encoding="utf-8"
    )
    code, findings, _ = zizmor(tmp_path)
    assert code != 0 and [f["ident"] for f in findings] == ["unpinned-uses"]


USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", re.MULTILINE)


def test_actions_pinned_by_sha_with_their_tag():
    for path in WORKFLOWS.glob("*.yml"):
        uses = USES.findall(path.read_text(encoding="utf-8"))
        assert uses, path
        for reference, comment in uses:
            pinned = re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", reference)
            assert pinned, f"{path.name}: {reference} is not pinned by SHA"
            assert re.search(r"#\s*v\d+(\.\d+)*", comment), f"{path.name}: {reference} needs its tag in a comment"


def test_a_newer_run_cancels_an_older_one():
    workflow = yaml.safe_load((WORKFLOWS / "deploy.yml").read_text(encoding="utf-8"))
    assert workflow["concurrency"]["cancel-in-progress"] is True
    assert "github.ref" in workflow["concurrency"]["group"]
