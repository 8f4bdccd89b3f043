#!/bin/sh
# test-potfiles.sh SOURCE_ROOT — po/POTFILES names every file with
# translatable strings, and only files that exist.
set -eu
root=$1
cd "$root"

listed=$(mktemp)
found=$(mktemp)
trap 'rm -f "$listed" "$found"' EXIT

grep -v '^#' po/POTFILES | sed '/^$/d' | sort -u > "$listed"
{
  grep -rlE '(^|[^A-Za-z0-9_])(N_|C_|NC_|_)\("|ngettext \(' src --include='*.c' || true
  grep -rl 'translatable="yes"' ui --include='*.ui' || true
  ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml
} | sort -u > "$found"

status=0
for file in $(comm -13 "$listed" "$found"); do
  echo "missing from po/POTFILES: $file" >&2
  status=1
done
for file in $(cat "$listed"); do
  if [ ! -f "$file" ]; then
    echo "po/POTFILES names a file that does not exist: $file" >&2
    status=1
  fi
done
[ $status -eq 0 ] && echo "po/POTFILES lists $(wc -l < "$listed") files"
exit $status
