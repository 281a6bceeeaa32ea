#!/usr/bin/env bash
# Installs the Debian packages, builds Protokoll and starts it on the embedded default database
# ($XDG_DATA_HOME/protokoll/protokoll.db). Arguments go to the app, e.g. --db FILE.
set -euo pipefail
cd "$(dirname "$0")/.."

./build-aux/install-deps.sh
[ -f _build/build.ninja ] || meson setup _build
meson compile -C _build
# devenv puts the build tree's settings schema in reach, so no install is needed.
exec meson devenv -C _build -w "$PWD" protokoll "$@"
