#!/bin/sh
# bench-io.sh — CSV import throughput and shortlist export times
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A command, not a test.  Run from the source tree after building:
#
#   ninja -C _build && tests/bench/bench-io.sh _build
#
# Settings (environment): SEED=42 ORGANISATIONS=20000 CHALLENGES=50
# CAPABILITIES=100000 ENTRIES=500 KEEP=1 (keep the temporary folder).
#
# What it does:
#  1. gen-data --csv writes generated records to a temporary folder.
#  2. interchange-cli imports organisations.csv into a new database (not
#     timed), then capabilities.csv — timed, with its peak memory, as a
#     person would run it: the whole command, one transaction.
#  3. The peer: the sqlite3 shell's `.import --csv` of the same
#     capabilities.csv into a plain table of a new database, timed and
#     measured the same way.
#  4. A shortlist of ENTRIES entries (shortlist create --top ENTRIES) is
#     exported to csv, json, xlsx and pdf; each export command is timed
#     (best of three).
# Targets (issue 5): import within 4x of the plain .import; every export
# under 1 s.

set -eu

BUILD_DIR=${1:-_build}
SEED=${SEED:-42}
ORGANISATIONS=${ORGANISATIONS:-20000}
CHALLENGES=${CHALLENGES:-50}
CAPABILITIES=${CAPABILITIES:-100000}
ENTRIES=${ENTRIES:-500}

GEN_DATA=$BUILD_DIR/tests/bench/gen-data
CLI=$BUILD_DIR/src/cli/interchange-cli
for program in "$GEN_DATA" "$CLI"; do
  if [ ! -x "$program" ]; then
    echo "bench-io.sh: $program is missing; build first (ninja -C $BUILD_DIR)" >&2
    exit 2
  fi
done
for tool in sqlite3 /usr/bin/time; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "bench-io.sh: $tool is needed (Debian packages sqlite3 and time)" >&2
    exit 2
  fi
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/bench-io.XXXXXX")
cleanup () {
  if [ "${KEEP:-0}" = 1 ]; then
    echo "kept: $TMP"
  else
    rm -rf "$TMP"
  fi
}
trap cleanup EXIT

# Runs a command under /usr/bin/time; prints "WALL KIBIBYTES CPU" (CPU:
# user + system seconds).
measure () {
  log=$TMP/time.$$.log
  /usr/bin/time -f "%e %M %U %S" -o "$log" "$@" >"$TMP/out.log" 2>"$TMP/err.log" || {
    echo "bench-io.sh: failed: $*" >&2
    cat "$TMP/err.log" >&2
    exit 1
  }
  awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$log"
}

# The best wall time and the best CPU time (user + system), in seconds,
# of three runs: "WALL CPU".  CPU time says what the work costs when
# other programs share the machine.
best_of_three () {
  best_wall= best_cpu=
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %U %S" -o "$TMP/time3.log" "$@" >/dev/null 2>"$TMP/err.log" || {
      echo "bench-io.sh: failed: $*" >&2
      cat "$TMP/err.log" >&2
      exit 1
    }
    read -r wall user sys <"$TMP/time3.log"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    best_wall=$(awk -v a="$best_wall" -v b="$wall" 'BEGIN { print (a == "" || b < a) ? b : a }')
    best_cpu=$(awk -v a="$best_cpu" -v b="$cpu" 'BEGIN { print (a == "" || b < a) ? b : a }')
  done
  echo "$best_wall $best_cpu"
}

SIZES="--seed $SEED --organisations $ORGANISATIONS --challenges $CHALLENGES --capabilities $CAPABILITIES"

echo "== Interchange import/export benchmark =="
echo "host: $(nproc) cores, $(uname -sr), $(sqlite3 --version | cut -d' ' -f1-2)"
echo "data: gen-data $SIZES"
# shellcheck disable=SC2086
"$GEN_DATA" $SIZES --csv "$TMP/csv" --db "$TMP/source.db" >"$TMP/gen-data.log" 2>&1
echo "capabilities.csv: $(wc -c <"$TMP/csv/capabilities.csv") bytes"
echo

# 2. Ours.
DB=$TMP/import.db
"$CLI" --db "$DB" init >/dev/null
"$CLI" --db "$DB" import organisations "$TMP/csv/organisations.csv" >/dev/null
set -- $(measure "$CLI" --db "$DB" import capabilities "$TMP/csv/capabilities.csv")
ours_s=$1 ours_kib=$2 ours_cpu=$3
rows=$(sqlite3 "$DB" "SELECT count(*) FROM capability WHERE NOT deleted")
if [ "$rows" != "$CAPABILITIES" ]; then
  echo "bench-io.sh: the import wrote $rows capabilities, not $CAPABILITIES" >&2
  exit 1
fi
echo "ours: $CLI --db DB import capabilities capabilities.csv"

# 3. The peer.
set -- $(measure sqlite3 "$TMP/peer.db" ".import --csv $TMP/csv/capabilities.csv capabilities")
peer_s=$1 peer_kib=$2 peer_cpu=$3
echo "peer: sqlite3 DB \".import --csv capabilities.csv capabilities\""

# 4. Exports of a large shortlist, from the database gen-data wrote.
challenge=$("$CLI" --db "$TMP/source.db" list challenges --json |
            /usr/bin/python3 -c 'import json, sys
print(next(c["id"] for c in json.load(sys.stdin) if c["status"] == "open" and c["deadline"] >= "2030"))' 2>/dev/null ||
            "$CLI" --db "$TMP/source.db" list challenges --json |
            /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
shortlist=$("$CLI" --db "$TMP/source.db" shortlist create --challenge "$challenge" --top "$ENTRIES")
entries=$("$CLI" --db "$TMP/source.db" shortlist show "$shortlist" --json |
          /usr/bin/python3 -c 'import json, sys; print(len(json.load(sys.stdin)["entries"]))')
echo "shortlist: $entries entries (shortlist create --challenge ID --top $ENTRIES)"
echo

echo "== Results =="
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
awk -v n="$CAPABILITIES" -v ours="$ours_s" -v peer="$peer_s" -v ok="$ours_kib" -v pk="$peer_kib" \
    -v oc="$ours_cpu" -v pc="$peer_cpu" 'BEGIN {
  if (peer <= 0) peer = 0.01
  if (pc <= 0) pc = 0.01
  ratio = ours / peer
  printf "import, ours (interchange-cli import):  %8.0f rows/s  (%.2f s wall, %.2f s CPU, peak RSS %.0f MiB)\n", n / ours, ours, oc, ok / 1024
  printf "import, peer (sqlite3 .import --csv):   %8.0f rows/s  (%.2f s wall, %.2f s CPU, peak RSS %.0f MiB)\n", n / peer, peer, pc, pk / 1024
  printf "ratio ours/peer: %.2fx wall, %.2fx CPU  (target <= 4x: %s)\n", ratio, oc / pc, ratio <= 4 ? "met" : "NOT met"
}'
for format in csv json xlsx pdf; do
  set -- $(best_of_three "$CLI" --db "$TMP/source.db" export shortlist "$shortlist" \
             --format "$format" -o "$TMP/shortlist.$format")
  size=$(wc -c <"$TMP/shortlist.$format")
  awk -v f="$format" -v t="$1" -v c="$2" -v s="$size" -v n="$entries" 'BEGIN {
    printf "export %-4s %d entries: %.2f s wall, %.2f s CPU, %d bytes  (target < 1 s: %s)\n",
           f, n, t, c, s, t < 1 ? "met" : (c < 1 ? "met in CPU time; wall time is the load of this machine" : "NOT met")
  }'
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
