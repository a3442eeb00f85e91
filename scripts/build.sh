#!/usr/bin/env bash
# The strict build into site/ (run by `make build`). Two builds never write at once: the second
# waits for the first (the same flock as scripts/venv.sh). Each builds into a folder of its own
# beside site/ and only a complete build replaces site/, by rename: a failed or interrupted
# build leaves the previous site/ as it was, and a reader of site/ never sees half a site.
set -euo pipefail
cd "$(dirname "$0")/.."
exec 8>site.build.lock
if ! flock --nonblock 8; then
  echo "Another make is building site/; waiting for it to finish." >&2
  flock 8
fi
new=$(mktemp -d .site-build.XXXXXX)
trap 'rm -rf "$new" site.old' EXIT
.venv/bin/python -m properdocs build --strict --config-file mkdocs.yml --site-dir "$new/site"
chmod 755 "$new/site"
rm -rf site.old
if [ -d site ]; then mv site site.old; fi
mv "$new/site" site
