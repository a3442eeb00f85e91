#!/usr/bin/env bash
# Re-pin requirements/*.txt from requirements/*.in (run by `make lock`, with uv from .venv).
# One resolution for every supported Python, from the oldest (scripts/python_check.py) up:
# where a package's newest release drops an older supported Python, a marker picks another.
# The test set is constrained by the site set, so both install the same version of a package.
set -euo pipefail
cd "$(dirname "$0")/../requirements"
floor=$(../.venv/bin/python ../scripts/python_check.py --floor)
compile() {
  # --no-config: a uv.toml of the machine or user must not change the project's lock.
  ../.venv/bin/python -m uv pip compile --quiet --no-config --universal --python-version "$floor" \
    --generate-hashes --custom-compile-command "make lock" "$@"
}
compile lock.in -o lock.txt
compile site.in -o site.txt
compile test.in --constraint site.txt -o test.txt
echo "wrote requirements/lock.txt, site.txt, test.txt (resolved for Python $floor and later)"
