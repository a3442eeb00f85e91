#!/usr/bin/env bash
# Make a virtual environment and install one pinned, hash-checked requirement set into it:
#   scripts/venv.sh site|test|lock      (site: build and serve; test: the suite; lock: make lock)
# PYTHON names the interpreter (default python3); VENV the folder (default .venv).
#
# The environment is made anew when the interpreter (its path or version) or the folder's own
# path differs from the ones it was made with: a venv links to one interpreter and writes its
# absolute path into its scripts (which is also why the Makefile runs `python -m` tools).
# A set is installed again when its lock file differs from the one last installed.
# Two makes never install at once: the second waits for the first.
set -euo pipefail
cd "$(dirname "$0")/.."
set_name=${1:?usage: scripts/venv.sh site|test|lock}
python=${PYTHON:-python3}
venv=${VENV:-.venv}
lock=requirements/$set_name.txt

command -v "$python" >/dev/null || {
  echo "No '$python' on PATH. Install Python (Debian: apt-get install python3 python3-venv)," >&2
  echo "or name one: make test PYTHON=/usr/bin/python3" >&2
  exit 1
}
"$python" scripts/python_check.py

exec 9>"$venv.lock"
if ! flock --nonblock 9; then
  echo "Another make is installing into $venv; waiting for it to finish." >&2
  flock 9
fi

made_with="$("$python" -c 'import os, sys; print(os.path.realpath(sys.executable), sys.version.split()[0])') in $(pwd -P)/$venv"
if [ "$(cat "$venv/.made-with" 2>/dev/null)" != "$made_with" ] || ! "$venv/bin/python" -c '' 2>/dev/null; then
  if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
    scripts/apt-install.sh python3-venv  # Debian splits venv and ensurepip out of python3
  fi
  echo "Making $venv: Python $made_with" >&2
  "$python" -m venv --clear "$venv"
  echo "$made_with" >"$venv/.made-with"
fi

stamp=$venv/.installed-$set_name
lock_hash=$(sha256sum "$lock" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_hash" ]; then
  echo "Installing $lock into $venv (the first time: about a minute)" >&2
  # --isolated: install from PyPI as the lock was resolved, whatever pip config the machine has.
  "$venv/bin/python" -m pip install --isolated --quiet --disable-pip-version-check \
    --require-hashes -r "$lock"
  echo "$lock_hash" >"$stamp"
fi

# The checkout's own package (explainer/) is importable from the venv, as an editable install
# would make it, without a build backend: one .pth line naming this checkout. The venv is made
# anew when the checkout moves, so the line is always this checkout's.
site_packages=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')
echo "$(pwd -P)" >"$site_packages/seoul-in-the-lead-checkout.pth"
