#!/usr/bin/env bash
# Install Debian packages by name, as root or through sudo. Elsewhere, say what to do.
set -euo pipefail
missing=()
for package in "$@"; do
  # dpkg -s succeeds for a removed package whose config files remain: ask for the state.
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "Not a Debian system: install ${missing[*]} with your package manager, then run this again." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Run as root, or install sudo: need ${missing[*]}" >&2; exit 1; }
  sudo=sudo
fi
echo "Installing Debian packages: ${missing[*]} (chromium and Java are the large ones: a few minutes)" >&2
# sudo resets the environment: `env` carries DEBIAN_FRONTEND through it to apt and dpkg.
# -q keeps apt's per-package lines, so a long install shows it is moving.
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
