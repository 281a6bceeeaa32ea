#!/bin/sh
# Fails when a file with translatable strings is missing from po/POTFILES.in, or POTFILES.in
# names a file that does not exist.
set -eu
cd "$1"
status=0
[ -f po/POTFILES.in ] || { echo "po/POTFILES.in is missing"; exit 1; }
found=$(grep -rlE '\b_\(|\bN_\(|translatable="yes"' src data 2>/dev/null | wc -l)
[ "$found" -gt 0 ] || { echo "no translatable files found under src/ and data/: wrong folder?"; exit 1; }
for f in $(grep -rlE '\b_\(|\bN_\(|translatable="yes"' src data 2>/dev/null | sort); do
  if ! grep -qxF "$f" po/POTFILES.in; then
    echo "missing from po/POTFILES.in: $f"
    status=1
  fi
done
for f in $(grep -v '^#' po/POTFILES.in | grep -v '^$'); do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in names a file that does not exist: $f"
    status=1
  fi
done
exit $status
