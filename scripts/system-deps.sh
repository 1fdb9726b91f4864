#!/usr/bin/env bash
# Install the Debian/Ubuntu libraries Qt needs, only those that are missing.
# Usage: scripts/system-deps.sh [offscreen|x11|test|dist]
set -euo pipefail
level=${1:-offscreen}
pkgs=(libegl1 libgl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libdbus-1-3)
if [ "$level" = x11 ]; then
  pkgs+=(libx11-xcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
         libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xkb1 xvfb xauth)
fi
if [ "$level" = test ]; then
  # The export tests read a PDF back with pdftotext and draw an SVG with rsvg-convert
  # (both skip where these are absent).
  pkgs+=(poppler-utils librsvg2-bin)
fi
if [ "$level" = dist ]; then
  pkgs+=(binutils)
fi
command -v dpkg-query >/dev/null 2>&1 || { echo "not a Debian-like system: install Qt's libraries by hand" >&2; exit 0; }
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing system libraries: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
