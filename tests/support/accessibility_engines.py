"""The two accessibility engines the browser tests inject into every page, and their versions.

- axe-core, shipped inside axe-playwright-python (requirements/test.in);
- HTML_CodeSniffer, the engine behind pa11y, from npm's @pa11y/html_codesniffer (pa11y's
  maintained fork; the original html_codesniffer stopped at 2.5.1 in 2020), pinned with its
  integrity hash in package-lock.json and installed by scripts/npm-test-tools.sh. pa11y itself
  is not used: it brings Puppeteer and a downloaded browser.
"""

import re
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

AXE = (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
AXE_VERSION = AXE.split("axe v", 1)[1].split()[0]

HTMLCS_FILE = ROOT / "node_modules" / "@pa11y" / "html_codesniffer" / "build" / "HTMLCS.js"
HTMLCS = HTMLCS_FILE.read_text(encoding="utf-8") if HTMLCS_FILE.is_file() else None
# The bundle opens with "/*! @pa11y/html_codesniffer - v2.6.0 - 2026-01-14 */".
HTMLCS_VERSION = re.search(r"html_codesniffer - v(\S+)", HTMLCS[:200]).group(1) if HTMLCS else None


def versions() -> str:
    htmlcs = f"HTML_CodeSniffer {HTMLCS_VERSION}" if HTMLCS else "HTML_CodeSniffer missing (run `make test`)"
    return (
        f"axe-core {AXE_VERSION} (from axe-playwright-python {version('axe-playwright-python')}); "
        f"{htmlcs} (from npm's @pa11y/html_codesniffer)"
    )
