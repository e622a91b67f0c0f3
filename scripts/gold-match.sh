#!/usr/bin/env bash
# Scores a factdiff binary's figure pairing against the hand-made gold set
# (tests/gold/match/pairs.tsv), the same way tests/test_gold_match.rs does, so any two
# binaries can be compared:
#
#   scripts/gold-match.sh /work/baseline/factdiff-before
#   scripts/gold-match.sh target/debug/factdiff --json /tmp/after.json
#
# The shared corpus and archive are found at ../shared (FACTDIFF_SHARED overrides).
# Extra arguments go to scripts/gold_match.py (--json FILE, --quiet, --gold FILE).
set -euo pipefail
if [ $# -lt 1 ]; then
    echo "usage: $0 BIN [--json FILE] [--quiet]" >&2
    exit 2
fi
BIN="$1"
shift
if [ ! -x "$BIN" ]; then
    echo "not an executable: $BIN" >&2
    exit 2
fi
exec python3 "$(dirname "$0")/gold_match.py" "$BIN" "$@"
