#!/usr/bin/env bash
# The Nu HTML Checker for the tests: Java to run it, npm to fetch the pinned vnu.jar
# (package-lock.json holds its integrity hash). Skips the install when it is there.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v java >/dev/null || scripts/apt-install.sh default-jre-headless
command -v npm >/dev/null || scripts/apt-install.sh nodejs npm
if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
