"""The project as the tests and `make bench` use it: copied, built as the Makefile builds it, served."""

import contextlib
import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from explainer.build_inputs import SKIP_KOREAN

ROOT = Path(__file__).resolve().parents[2]
# What a build needs; tests that break the input build a copy of exactly this.
PROJECT_PARTS = ["mkdocs.yml", "mkdocs.ko.yml", "docs", "ko", "data", "explainer", "hooks", "overrides"]
FIXED_EPOCH = "1795000000"  # a fixed SOURCE_DATE_EPOCH, so builds are comparable


def run_build(
    project: Path,
    site_dir: Path,
    extra_env: dict | None = None,
    python: str = sys.executable,
    engine: str = "properdocs",
) -> subprocess.CompletedProcess:
    """`properdocs build --strict` as the Makefile runs it (never -q: it hides warnings);
    engine="mkdocs" for MkDocs 1.6.1, which must build the same site (tests/test_engines.py)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": FIXED_EPOCH}
    env.pop("SITE_URL", None)  # the documented default, unless a test sets one
    env.pop(SKIP_KOREAN, None)  # both editions, as published, unless a test of English-only input asks
    env.update(extra_env or {})
    return subprocess.run(
        [
            python,
            "-m",
            engine,
            "build",
            "--strict",
            "--config-file",
            str(project / "mkdocs.yml"),
            "--site-dir",
            str(site_dir),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
    )


def copy_project(destination: Path) -> Path:
    destination.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part)
        elif source.exists():
            shutil.copy2(source, destination / part)
    return destination


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_folder(folder: Path, handler: type[http.server.BaseHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """Serve folder on a free loopback port; yields its address, ending in '/'."""
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder))) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()
