#!/usr/bin/env bash
# Installs the Debian packages, builds Protokoll from scratch with warnings as errors and runs the
# whole test suite, widget tests under Xvfb. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

./build-aux/install-deps.sh
builddir=${BUILD_DIR:-_build-tests}
rm -rf "$builddir"
meson setup "$builddir" -Dwerror=true
meson compile -C "$builddir"

status=0
# One X server for the whole run (-noreset: new clients connect without a 40-70 ms wait) and a
# private session bus that goes away with the run.
xvfb-run -a -s "-noreset -screen 0 1280x800x24" \
  dbus-run-session -- meson test -C "$builddir" --print-errorlogs --num-processes 2 || status=$?

python3 build-aux/count-tests.py "$builddir/meson-logs/testlog.json" || status=1
exit $status
