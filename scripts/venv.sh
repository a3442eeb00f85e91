#!/usr/bin/env bash
# Create .venv and install one pinned, hash-checked requirement set into it:
#   scripts/venv.sh site   (build and serve)   or   scripts/venv.sh test   (the suite)
# Re-installs only when the lock file is newer than the last install.
set -euo pipefail
cd "$(dirname "$0")/.."
set_name=${1:?usage: scripts/venv.sh site|test}
lock=requirements/$set_name.txt
stamp=.venv/.installed-$set_name

if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  # Debian splits venv and ensurepip out of python3.
  scripts/apt-install.sh python3-venv
fi
[ -x .venv/bin/python ] || python3 -m venv .venv

if [ ! -f "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
  # --isolated: use PyPI as the lock file does, whatever pip config the machine has.
  .venv/bin/python -m pip install --isolated --quiet --disable-pip-version-check \
    --require-hashes -r "$lock"
  touch "$stamp"
fi
