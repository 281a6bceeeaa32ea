#!/bin/sh
# Fails when po/sv.po lacks a translation for any string in the sources (or has fuzzy or
# untranslated ones): Swedish stays complete.
set -eu
cd "$1"
pot=$(mktemp --suffix=.pot)
trap 'rm -f "$pot"' EXIT
grep -v '^#' po/POTFILES.in | grep -v '^$' > "$pot.files"
xgettext --files-from="$pot.files" --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --package-name=protokoll -o "$pot"
rm -f "$pot.files"
for lang in $(cat po/LINGUAS); do
  msgcmp "po/$lang.po" "$pot"
  stats=$(msgfmt --check --statistics -o /dev/null "po/$lang.po" 2>&1)
  echo "$lang: $stats"
  case "$stats" in
    *fuzzy*|*untranslated*) exit 1 ;;
  esac
done
