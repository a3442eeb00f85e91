#!/usr/bin/env bash
# The npm test tools, pinned with their integrity hashes in package-lock.json: the Nu HTML
# Checker (vnu.jar, run with Java) and HTML_CodeSniffer (injected into pages in Chromium).
# Installs Java and npm when missing; skips `npm ci` when node_modules matches the lock.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v java >/dev/null || scripts/apt-install.sh default-jre-headless
command -v npm >/dev/null || scripts/apt-install.sh nodejs npm
if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] || [ ! -f node_modules/@pa11y/html_codesniffer/build/HTMLCS.js ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
