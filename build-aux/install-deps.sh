#!/usr/bin/env bash
# Installs the Debian 12 packages Protokoll needs to build, run and test. Safe to run again.
set -euo pipefail

packages=(
  # build
  meson ninja-build gcc pkg-config gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libjson-glib-dev libpoppler-glib-dev libcairo2-dev libpango1.0-dev
  libmd4c-dev libenchant-2-dev hunspell-sv libqpdf-dev libical-dev
  # running
  fonts-dejavu-core fonts-liberation2 fonts-cantarell adwaita-icon-theme librsvg2-common
  tzdata  # libical builds the invitation's VTIMEZONE from /usr/share/zoneinfo
  # tests and checks
  xvfb xauth dbus dbus-x11 desktop-file-utils appstream-util qpdf poppler-utils sqlite3
  xdotool  # real keys and mouse in the PDF viewer test (it skips without)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
