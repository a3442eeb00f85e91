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
echo "Installing Debian packages: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
