#!/bin/sh
# bench-match.sh — the matching benchmark (issue 7).  A command, not a test:
#
#   tests/bench/bench-match.sh [BUILD_DIR [WORK_DIR]]
#
# e.g. from the top of the tree:  tests/bench/bench-match.sh _build /tmp/ic-bench
#
# Generates (once per size and seed) ORGANISATIONS / CHALLENGES /
# CAPABILITIES records with gen-data (default 20,000 / 5,000 / 100,000,
# SEED 1) and the planted relevant pairs, then prints
#   (a) wall time and peak memory of `interchange-cli match --all --top 10`
#       (/usr/bin/time -v; text output to /dev/null, and --json to a file);
#   (b) p50/p99 of re-ranking one challenge after a weight change, and of a
#       full ranking of one challenge over all capabilities (bench-match);
#   (c) the scikit-learn peer's time on the same texts, and ours / its;
#   (d) nDCG@10 of ours (balanced weights, and text only) and of the peer.
set -eu

BUILD=${1:-_build}
WORK=${2:-/tmp/ic-bench}
SEED=${SEED:-1}
ORGANISATIONS=${ORGANISATIONS:-20000}
CHALLENGES=${CHALLENGES:-5000}
CAPABILITIES=${CAPABILITIES:-100000}
HERE=$(cd "$(dirname "$0")" && pwd)
CLI="$BUILD/src/cli/interchange-cli"
NAME="$WORK/s$SEED-o$ORGANISATIONS-h$CHALLENGES-c$CAPABILITIES"
DB="$NAME.db"

mkdir -p "$WORK"
if [ ! -f "$DB" ]; then
  "$BUILD/tests/bench/gen-data" --seed "$SEED" --organisations "$ORGANISATIONS" \
    --challenges "$CHALLENGES" --capabilities "$CAPABILITIES" --db "$DB" --qrels "$NAME.qrels"
fi

measure () {
  # measure LABEL OUTPUT COMMAND…: wall seconds and peak RSS of one run
  label=$1 output=$2
  shift 2
  /usr/bin/time -v "$@" > "$output" 2> "$WORK/time.txt"
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/time.txt" |
         awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time.txt")
  echo "$label: $wall s wall, $((rss / 1024)) MiB peak RSS"
  echo "$wall" > "$WORK/last-wall"
}

echo "== (a) match --all --top 10 on $CAPABILITIES capabilities x $CHALLENGES challenges"
measure "text to /dev/null" /dev/null "$CLI" --db "$DB" match --all --top 10
ours=$(cat "$WORK/last-wall")
measure "--json to a file" "$WORK/ours.json" "$CLI" --db "$DB" match --all --top 10 --json
"$CLI" --db "$DB" match --all --top 10 --json \
  --weights text=1,tags=0,trl=0,cluster=0,place=0,scale=0,foresight=0 > "$WORK/ours-text-only.json"

echo "== (b) re-ranking, and the engine phase by phase"
"$BUILD/tests/bench/bench-match" --db "$DB" --rerank 1000 --texts "$WORK/texts"

echo "== (c, d) the scikit-learn peer, and quality on the planted pairs"
/usr/bin/python3 "$HERE/bench-match-peer.py" "$WORK/texts" "$NAME.qrels" \
  "$WORK/ours.json" "$WORK/ours-text-only.json" | tee "$WORK/peer.txt"
peer=$(sed -n 's/^peer .*: \([0-9.]*\) s$/\1/p' "$WORK/peer.txt")
awk -v a="$ours" -v b="$peer" 'BEGIN { printf "ours / peer: %.3f (the peer takes %.1fx as long)\n", a / b, b / a }'
