#!/bin/sh
# test-screenshots.sh METAINFO DIR — every screenshot the metainfo names
# is a PNG in DIR.
set -eu
metainfo=$1
dir=$2
status=0

for name in $(grep -o 'screenshots/[A-Za-z0-9_.-]*\.png' "$metainfo" | sed 's|screenshots/||'); do
  if [ ! -f "$dir/$name" ]; then
    echo "missing screenshot: $dir/$name" >&2
    status=1
  elif ! head -c 8 "$dir/$name" | od -An -tx1 | grep -q '89 50 4e 47'; then
    echo "not a PNG: $dir/$name" >&2
    status=1
  else
    echo "ok: $name"
  fi
done
exit $status
