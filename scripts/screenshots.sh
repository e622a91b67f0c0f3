#!/usr/bin/env bash
# Renders `factdiff diff --format html` and `factdiff history --format html` for a store and
# screenshots both pages with headless Chromium into docs/diff.png and docs/history.png.
#
# usage: scripts/screenshots.sh [BINARY] [EDITIONS_DIR] [SERIES]
#   BINARY        the built factdiff (default: target/release/factdiff; build with cargo build --release)
#   EDITIONS_DIR  the store (default: editions)
#   SERIES        the series to show, when the store holds several (default: none)
# env: CHROMIUM (browser to use), WINDOW (default 1200,1600), OUT_DIR (default docs)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${1:-$root/target/release/factdiff}
store=${2:-$root/editions}
series=${3:-}
window=${WINDOW:-1200,1600}
out_dir=${OUT_DIR:-$root/docs}

die() { echo "screenshots.sh: $*" >&2; exit 2; }

[ -x "$bin" ] || die "no executable at $bin (run: cargo build --release)"
[ -d "$store" ] || die "no store directory at $store"

browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
  for b in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
  done
fi
[ -n "$browser" ] || die "no Chromium found (apt-get install -y chromium, or set CHROMIUM)"

work=$(mktemp -d "${TMPDIR:-/tmp}/factdiff-shots.XXXXXX")
cleanup() { rm -rf -- "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

args=(--editions "$store")
[ -n "$series" ] && args+=(--series "$series")

"$bin" diff "${args[@]}" --format html >"$work/diff.html" \
  || die "factdiff diff failed (does the store hold two editions?)"
"$bin" history "${args[@]}" --format html >"$work/history.html" \
  || die "factdiff history failed"

mkdir -p "$out_dir"
for page in diff history; do
  [ -s "$work/$page.html" ] || die "$page.html is empty"
  profile=$(mktemp -d "$work/profile.XXXXXX")
  # No network, no first-run work: the page is self-contained.
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
    --disable-background-networking --disable-component-update --disable-sync \
    --no-first-run --hide-scrollbars --user-data-dir="$profile" \
    --window-size="$window" --screenshot="$work/$page.png" \
    "file://$work/$page.html" >"$work/$page.log" 2>&1 \
    || { cat "$work/$page.log" >&2; die "chromium failed on $page.html"; }
  [ -s "$work/$page.png" ] || { cat "$work/$page.log" >&2; die "no screenshot for $page"; }
  mv -f -- "$work/$page.png" "$out_dir/$page.png"
  echo "wrote $out_dir/$page.png"
done
