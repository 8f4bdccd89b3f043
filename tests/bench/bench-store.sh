#!/bin/sh
# bench-store.sh — store insert throughput and full-text search latency
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A command, not a test.  Run from the source tree after building:
#
#   ninja -C _build && tests/bench/bench-store.sh _build
#
# Settings (environment): SEED=42 ORGANISATIONS=20000 CHALLENGES=5000
# CAPABILITIES=100000 BATCH=0 (records per ic_store_insert_all call;
# 0 = all in one) QUERIES=100 KEEP=1 (keep the temporary folder).
#
# What it does:
#  1. gen-data --csv writes the generated records to a temporary folder.
#  2. bench-store makes the same records in memory (same seed and sizes),
#     inserts the organisations into a new database (not timed), then
#     times ic_store_insert_all() of the capabilities; then times
#     QUERIES searches (ic_store_list with ic_store_query_set_search,
#     limit 50) of vocabulary words, some cut to a prefix.
#  3. The peer: the sqlite3 shell's `.import --csv` of the same
#     capabilities.csv into a plain table of a new database, timed the
#     same way (wall clock of the import alone).  For reference it also
#     times the import plus building an FTS5 index over title,
#     description and tags, which is about the least a searchable store
#     can do.
# Targets (issue 2): insert within 3x of the plain .import; search p99
# under 20 ms.

set -eu

BUILD_DIR=${1:-_build}
SEED=${SEED:-42}
ORGANISATIONS=${ORGANISATIONS:-20000}
CHALLENGES=${CHALLENGES:-5000}
CAPABILITIES=${CAPABILITIES:-100000}
BATCH=${BATCH:-0}
QUERIES=${QUERIES:-100}

GEN_DATA=$BUILD_DIR/tests/bench/gen-data
BENCH_STORE=$BUILD_DIR/tests/bench/bench-store
for program in "$GEN_DATA" "$BENCH_STORE"; do
  if [ ! -x "$program" ]; then
    echo "bench-store.sh: $program is missing; build first (ninja -C $BUILD_DIR)" >&2
    exit 2
  fi
done
if ! command -v sqlite3 >/dev/null 2>&1; then
  echo "bench-store.sh: the sqlite3 shell is needed for the peer figures" >&2
  exit 2
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/bench-store.XXXXXX")
cleanup () {
  if [ "${KEEP:-0}" = 1 ]; then
    echo "kept: $TMP"
  else
    rm -rf "$TMP"
  fi
}
trap cleanup EXIT

now_ns () {
  date +%s%N
}

# seconds between two now_ns readings
seconds () {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'
}

SIZES="--seed $SEED --organisations $ORGANISATIONS --challenges $CHALLENGES --capabilities $CAPABILITIES"

echo "== Interchange store benchmark =="
echo "host: $(nproc) cores, $(uname -sr), $(sqlite3 --version | cut -d' ' -f1-2)"
echo "records: $CAPABILITIES capabilities (+ $ORGANISATIONS organisations, $CHALLENGES challenges), seed $SEED"
echo

# 1. The CSV files.
start=$(now_ns)
# shellcheck disable=SC2086
"$GEN_DATA" $SIZES --csv "$TMP/csv" 2>"$TMP/gen-data.log"
end=$(now_ns)
echo "gen-data --csv: $(seconds "$start" "$end") s"

# 2. Our store.
echo "bench-store: $BENCH_STORE $SIZES --db DB --batch $BATCH --queries $QUERIES"
TIME_V=
if [ -x /usr/bin/time ]; then
  TIME_V="/usr/bin/time -v -o $TMP/time.log"
fi
# shellcheck disable=SC2086
$TIME_V "$BENCH_STORE" $SIZES --db "$TMP/ours.db" --batch "$BATCH" --queries "$QUERIES" \
  > "$TMP/ours.log"
sed 's/^/  /' "$TMP/ours.log"

# The in-memory records are the ones in the CSV file.
for which in first-id last-id; do
  id=$(sed -n "s/^$which: //p" "$TMP/ours.log")
  if ! grep -q "^$id," "$TMP/csv/capabilities.csv"; then
    echo "bench-store.sh: $which $id is not in capabilities.csv; the records differ" >&2
    exit 1
  fi
done

# 3. The peer, on a cold new database each time.
start=$(now_ns)
sqlite3 "$TMP/peer.db" ".import --csv $TMP/csv/capabilities.csv capabilities"
end=$(now_ns)
peer_s=$(seconds "$start" "$end")
peer_rows=$(sqlite3 "$TMP/peer.db" "SELECT count(*) FROM capabilities")
if [ "$peer_rows" != "$CAPABILITIES" ]; then
  echo "bench-store.sh: the peer imported $peer_rows rows, not $CAPABILITIES" >&2
  exit 1
fi

start=$(now_ns)
sqlite3 "$TMP/peer-fts.db" \
  ".import --csv $TMP/csv/capabilities.csv capabilities" \
  "CREATE VIRTUAL TABLE capabilities_fts USING fts5(title, description, tags);" \
  "INSERT INTO capabilities_fts (rowid, title, description, tags) SELECT rowid, title, description, tags FROM capabilities;"
end=$(now_ns)
peer_fts_s=$(seconds "$start" "$end")

# 4. Summary.
ours_s=$(sed -n 's/^insert: .* in \([0-9.]*\) s = .*/\1/p' "$TMP/ours.log")
p50=$(sed -n 's/^search: .* p50 \([0-9.]*\) ms.*/\1/p' "$TMP/ours.log")
p99=$(sed -n 's/^search: .* p99 \([0-9.]*\) ms.*/\1/p' "$TMP/ours.log")
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$TMP/time.log" 2>/dev/null || true)
cpu=$(sed -n 's/^insert-cpu: //p' "$TMP/ours.log")
count=$(sed -n 's/^count: the same searches through ic_store_count(): //p' "$TMP/ours.log")

echo
echo "== Results =="
awk -v n="$CAPABILITIES" -v ours="$ours_s" -v peer="$peer_s" -v fts="$peer_fts_s" \
    -v p50="$p50" -v p99="$p99" -v rss="$rss" -v q="$QUERIES" -v cpu="$cpu" -v count="$count" 'BEGIN {
  ratio = ours / peer
  printf "insert, ours (ic_store_insert_all):        %8.0f records/s  (%.3f s; %s)\n", n / ours, ours, cpu
  printf "insert, peer (sqlite3 .import --csv):      %8.0f records/s  (%.3f s)\n", n / peer, peer
  printf "insert, peer + FTS5 index (reference):     %8.0f records/s  (%.3f s)\n", n / fts, fts
  printf "ratio ours/peer: %.2fx  (target <= 3x: %s)\n", ratio, ratio <= 3 ? "met" : "NOT met"
  printf "search, %d queries, limit 50: p50 %.2f ms, p99 %.2f ms  (target p99 < 20 ms: %s)\n",
         q, p50, p99, p99 < 20 ? "met" : "NOT met"
  if (count != "")
    printf "count of the same searches (not a target): %s\n", count
  if (rss != "")
    printf "peak RSS of bench-store: %.0f MiB\n", rss / 1024
}'
