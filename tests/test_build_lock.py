"""`make build` (scripts/build.sh): two builds started at once leave a complete site/ (probe case 6.25).

Before, both could exit 0 with 43 of 76 files and no index.html in site/. Now the second waits
for the first (flock) and each swaps in only a complete site, by rename."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import FIXED_EPOCH, ROOT, copy_project

from explainer.build_inputs import SKIP_KOREAN

pytestmark = pytest.mark.build


def files(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


def test_two_builds_at_once_leave_a_complete_site(tmp_path, site_build):
    reference, _ = site_build
    project = copy_project(tmp_path / "clone")
    (project / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "build.sh", project / "scripts" / "build.sh")
    (project / ".venv").symlink_to(ROOT / ".venv")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": FIXED_EPOCH}
    env.pop("SITE_URL", None)
    env[SKIP_KOREAN] = "1"  # the lock and the swap are under test, not the Korean edition: English alone
    runs = [
        subprocess.Popen(
            ["scripts/build.sh"], cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=600)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert any("waiting for it to finish" in output for output in outputs), outputs
    site = project / "site"
    assert (site / "index.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert len(files(site)) == len([name for name in files(reference) if not name.startswith("ko/")])
    assert not list(project.glob(".site-build.*")) and not (project / "site.old").exists()


def test_a_failed_build_leaves_the_old_site(tmp_path):
    project = tmp_path / "clone"
    (project / "scripts").mkdir(parents=True)
    shutil.copy2(ROOT / "scripts" / "build.sh", project / "scripts" / "build.sh")
    (project / ".venv").symlink_to(ROOT / ".venv")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("the old site", encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_name: broken\nnav: [\n", encoding="utf-8")
    result = subprocess.run(["scripts/build.sh"], cwd=project, capture_output=True, text=True)
    assert result.returncode != 0
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "the old site"
    assert not list(project.glob(".site-build.*"))
