#!/usr/bin/env bash
# Screenshots the HTML reports at a desktop width (1280 px) and a phone width (390 px) with
# headless Chromium, into docs/:
#   diff-archive-{1280,390}.png  `diff OLD NEW --format html` of two archive pulls (words and
#                                source addresses kept, so sentences and links show)
#   diff-{1280,390}.png          `diff --format html` of the stored editions
#   history-{1280,390}.png       `history --format html` of the stored editions
#
# usage: scripts/screenshots.sh [BINARY] [SHARED_DIR]
#   BINARY      the built factdiff (default: target/release/factdiff)
#   SHARED_DIR  the shared data beside the checkout (default: ../shared); without it the
#               archive pair is skipped
# env: CHROMIUM (browser to use), HEIGHT (default 1400), OUT_DIR (default docs)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${1:-$root/target/release/factdiff}
shared=${2:-$root/../shared}
height=${HEIGHT:-1400}
out_dir=${OUT_DIR:-$root/docs}
archive=$shared/archive/fact-sheets
old_pull=$archive/2023-02-06-fact-sheet-vice-president-harris-announces-public-private-partnership-has-generated-more-than-4-2-billion-in-private-sector-commitments-for-northern-central-america.md
new_pull=$archive/2024-03-25-fact-sheet-vice-president-harris-announces-public-private-partnership-has-generated-more-than-5-2-billion-in-private-sector-commitments-for-northern-central-america.md

die() { echo "screenshots.sh: $*" >&2; exit 2; }

[ -x "$bin" ] || die "no executable at $bin (run: cargo build --release)"

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

"$bin" --editions "$root/editions" diff --format html >"$work/diff.html" || die "diff failed"
"$bin" --editions "$root/editions" history --format html >"$work/history.html" \
  || die "history failed"
pages=(diff history)
if [ -f "$old_pull" ] && [ -f "$new_pull" ]; then
  "$bin" diff "$old_pull" "$new_pull" --format html >"$work/diff-archive.html" \
    || die "diff of the archive pair failed"
  pages=(diff-archive "${pages[@]}")
else
  echo "screenshots.sh: $archive not found: the archive pair is skipped" >&2
fi

mkdir -p "$out_dir"
for page in "${pages[@]}"; do
  [ -s "$work/$page.html" ] || die "$page.html is empty"
  for width in 1280 390; do
    shot=$work/$page-$width.png
    profile=$(mktemp -d "$work/profile.XXXXXX")
    # No network, no first-run work: the page is self-contained.
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
      --disable-background-networking --disable-component-update --disable-sync \
      --no-first-run --hide-scrollbars --user-data-dir="$profile" \
      --window-size="$width,$height" --screenshot="$shot" \
      "file://$work/$page.html" >"$work/$page.log" 2>&1 \
      || { cat "$work/$page.log" >&2; die "chromium failed on $page.html"; }
    [ -s "$shot" ] || { cat "$work/$page.log" >&2; die "no screenshot of $page at $width px"; }
    mv -f -- "$shot" "$out_dir/$page-$width.png"
    echo "wrote $out_dir/$page-$width.png"
  done
done
