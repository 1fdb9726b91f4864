#!/usr/bin/env bash
# Install the Debian/Ubuntu libraries Qt (and the build) needs, only those that are missing.
# Usage: scripts/system-deps.sh [--print] offscreen|window|test|browser|dist [PYTHON]
#   --print    only print the packages the level asks for, one a line; install nothing
#   offscreen  what Qt needs to draw without a display (tests, screenshots)
#   window     offscreen, plus the X11 (xcb) platform's libraries when DISPLAY is set and
#              the Wayland platform's when WAYLAND_DISPLAY is set: what `make run` needs
#   test       offscreen, the X11 libraries and Xvfb: the frozen build's smoke test opens
#              its window on a real X server
#   browser    Chromium, for the TimelineJS export's test in a real browser (make test
#              asks for it only where npm can install TimelineJS3 beside it)
#   dist       binutils for PyInstaller and, when PYTHON is a Debian system Python without
#              its shared library (libpython3.X.so.1.0), the libpython3.X package
set -euo pipefail
print_only=""
if [ "${1:-}" = --print ]; then print_only=yes; shift; fi
level=${1:-offscreen}
python=${2:-}
# The packages below match the DT_NEEDED entries of PySide6's libraries and kept plugins
# (packaging/README.md lists them for the packaged program).
offscreen=(libegl1 libgl1 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 libdbus-1-3 libx11-6)
x11=(libx11-xcb1 libxkbcommon-x11-0 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
     libxcb-image0 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-randr0 libxcb-xkb1
     libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-util1 libxcb-glx0)
wayland=(libwayland-client0 libwayland-cursor0 libwayland-egl1)

pkgs=("${offscreen[@]}")
case "$level" in
  offscreen) ;;
  window)
    if [ -n "${DISPLAY:-}" ]; then pkgs+=("${x11[@]}"); fi
    if [ -n "${WAYLAND_DISPLAY:-}" ]; then pkgs+=("${wayland[@]}"); fi
    ;;
  # The export tests read a PDF back with pdftotext and draw an SVG with rsvg-convert;
  # the PDF import reads scanned pages with pdftoppm and Tesseract (its Arabic and
  # English models): each test skips where its program is absent.
  test) pkgs+=("${x11[@]}" xvfb xauth poppler-utils librsvg2-bin
               tesseract-ocr tesseract-ocr-ara tesseract-ocr-eng) ;;
  browser) pkgs=(chromium) ;;
  dist)
    pkgs=(binutils)
    if [ -n "$python" ]; then
      need=$("$python" "$(dirname "$0")/libpython-package.py")
      case "$need" in
        !*) echo "${need#!} ($python)" >&2; exit 1 ;;
        ?*) pkgs+=("$need") ;;
      esac
    fi
    ;;
  *) echo "usage: $0 [--print] offscreen|window|test|browser|dist [PYTHON]" >&2; exit 2 ;;
esac
if [ -n "$print_only" ]; then printf '%s\n' "${pkgs[@]}"; exit 0; fi

command -v dpkg-query >/dev/null 2>&1 || { echo "not a Debian-like system: install Qt's libraries by hand (packaging/README.md)" >&2; exit 0; }
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
