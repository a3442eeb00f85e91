"""The one way this project starts a browser: Debian's chromium, through Playwright.

Never `playwright install`: it downloads a browser build, which this project does not use.
"""

import shutil

# Without these, Chromium calls Google's hosts at start (refused on a closed network, and
# a request leaving the machine); as root it also needs --no-sandbox.
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
    "--disable-quic",
    "--no-sandbox",
]


def chromium_path() -> str | None:
    return shutil.which("chromium")
