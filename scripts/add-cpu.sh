#!/usr/bin/env bash
# CPU time of a one-core bulk add of the fact-sheet archive into a RAM-backed store, against
# the floor (`cat … | LC_ALL=C grep -oE '[0-9][0-9,.]*'` over the same files), for one or more
# binaries run alternately: on a shared, loaded machine CPU time moves less than wall time, and
# alternating spreads the load over every binary alike.
#
# Usage: bash scripts/add-cpu.sh [--runs N] [--archive DIR] BIN...
# Prints one line per run: "floor U+S" then "BIN U+S" for each binary (GNU time, seconds).
# grep writes to a file: GNU grep stops at the first match when its output is /dev/null.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=3
ARCHIVE="$(pwd)/../shared/archive/fact-sheets"
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) RUNS="$2"; shift 2 ;;
        --archive) ARCHIVE="$2"; shift 2 ;;
        *) break ;;
    esac
done
[ $# -gt 0 ] || { echo "usage: $0 [--runs N] [--archive DIR] BIN..." >&2; exit 64; }
OUT="${TMPDIR_SHM:-/dev/shm}/factdiff-add-cpu.$$"
trap 'rm -rf "$OUT"' EXIT
mkdir -p "$OUT"
for _ in $(seq "$RUNS"); do
    /usr/bin/time -o "$OUT/time" -f "floor %U+%S" bash -c \
        "cat '$ARCHIVE'/* | LC_ALL=C grep -oE '[0-9][0-9,.]*' > '$OUT/grep.out'"
    cat "$OUT/time"
    for bin in "$@"; do
        rm -rf "$OUT/store"
        # Exit 2 is the archive's one sheet without claims; it is not a failure here.
        /usr/bin/time -o "$OUT/time" -f "$bin %U+%S" "$bin" --editions "$OUT/store" \
            add "$ARCHIVE" --jobs 1 --no-raw --quiet >/dev/null 2>&1 || [ $? -eq 2 ]
        cat "$OUT/time"
    done
done
