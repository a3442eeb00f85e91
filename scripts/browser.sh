#!/usr/bin/env bash
# Make sure a Chromium is on PATH for the browser tests, and the fonts the PDFs are printed in
# (scripts/pdf-fonts.conf). Playwright drives Chromium through executable_path;
# `playwright install` is never used (it downloads a browser build).
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v apt-get >/dev/null; then
  scripts/apt-install.sh chromium fonts-dejavu-core fonts-dejavu-extra fonts-nanum  # installs only what is missing
elif ! command -v chromium >/dev/null; then
  echo "No chromium on PATH. Install Chromium from your system's packages and put a" >&2
  echo "'chromium' command on PATH (e.g. a symlink to chromium-browser or google-chrome)." >&2
  # Not fatal here: outside CI the browser tests skip and say why; in CI they fail.
fi
