"""The checks run without MkDocs, on any engine's built site (python -m explainer, explainer/check_site.py)."""

import shutil
import subprocess
import sys

SCRIPT = [sys.executable, "-m", "explainer"]


def test_the_data_and_the_built_site_pass(site):
    assert subprocess.run([*SCRIPT, "check"], capture_output=True, text=True).returncode == 0
    result = subprocess.run([*SCRIPT, "post", str(site)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]


def test_a_built_site_that_says_more_or_loads_from_elsewhere_fails(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "faq.html"
    html = page.read_text(encoding="utf-8")
    assert "1.5192 trillion won" in html
    page.write_text(
        html.replace("1.5192 trillion won", "1.6192 trillion won", 1).replace(
            "</head>", '<script src="https://cdn.example/x.js"></script></head>', 1
        ),
        encoding="utf-8",
    )
    (copy / "glossary.html").unlink()
    shutil.rmtree(copy / "ko")  # as a build with SITE_SKIP_KOREAN=1 leaves it: never to be published
    result = subprocess.run([*SCRIPT, "post", str(copy)], capture_output=True, text=True)
    assert result.returncode == 1
    for named in ("faq.html", "1.6192", "https://cdn.example/x.js", "glossary.html", "ko/index.html"):
        assert named in result.stdout, f"{named} not named:\n{result.stdout[-2000:]}"
