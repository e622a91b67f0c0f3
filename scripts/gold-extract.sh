#!/usr/bin/env bash
# Scores any factdiff binary against the hand-read extractor gold set (tests/gold/extract):
#   scripts/gold-extract.sh BIN [--json OUT] [--shared DIR]
# Same scoring as `cargo test --test tests gold_extract -- --ignored --nocapture`, which scores
# the binary cargo builds; this one takes any binary, e.g. a release build from before a change.
set -euo pipefail
if [ $# -lt 1 ]; then
    echo "usage: $0 BIN [--json OUT] [--shared DIR]" >&2
    exit 2
fi
exec python3 "$(dirname "$0")/gold_extract.py" "$@"
