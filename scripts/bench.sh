#!/usr/bin/env bash
# End-to-end figures for the release binary over the fact-sheet archive beside the checkout:
# the floor (a plain number scan and a raw read of the same bytes), bulk `add` into an empty
# store, re-running `add` with nothing new, `add` of 10 new documents to a full store,
# `history` of the largest series, peak memory of each, scaling from 25 % to 800 % of the
# archive, and `--jobs 1` against `--jobs 2`. Prints Markdown tables on standard output;
# progress goes to standard error.
#
# Usage: bash scripts/bench.sh [--quick] [--runs N] [--archive DIR] [--bin PATH] [--keep]
#   --quick    the archive only (no replicas, no scaling), one run of each
#   --runs N   runs per figure in full mode (default 3); the median is reported
#   --archive  the archive (default ../shared/archive/fact-sheets beside the checkout)
#   --bin      the factdiff binary (default: build it with `cargo build --release`)
#   --keep     keep the temporary folder (its path is printed)
# Environment: NO_HYPERFINE=1 times with date(1) even when hyperfine is installed.
#
# Every timed `add` writes into a fresh store path. Stores are deleted only at the start (an
# earlier run's) and at the exit, never between timed runs, and the disk is given
# `sync; sleep 3` before each timed bulk add: deleting thousands of files on a mount with
# `discard` slows the file creation that follows for a while (ext4 passes over inodes freed in
# the last 60 s, or 360 s while their table is dirty). So a run that starts within 6 minutes of
# such a deletion (its own of an earlier folder, or an earlier run's at exit, noted in
# factdiff-bench.deleted) first waits the rest of those 6 minutes. A full run keeps a few GB of
# stores in ${TMPDIR:-/tmp}/factdiff-bench until it ends.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$(pwd)"
QUICK=0
RUNS=3
ARCHIVE="$ROOT/../shared/archive/fact-sheets"
BIN=""
KEEP=0
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) QUICK=1 ;;
        --runs) RUNS="$2"; shift ;;
        --archive) ARCHIVE="$2"; shift ;;
        --bin) BIN="$2"; shift ;;
        --keep) KEEP=1 ;;
        -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 64 ;;
    esac
    shift
done
[ "$QUICK" = 1 ] && RUNS=1
[ -d "$ARCHIVE" ] || { echo "no archive at $ARCHIVE (use --archive DIR)" >&2; exit 66; }
ARCHIVE="$(cd "$ARCHIVE" && pwd)"
if [ -z "$BIN" ]; then
    cargo build --release --quiet >&2
    BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/factdiff"
fi
[ -x "$BIN" ] || { echo "no binary at $BIN" >&2; exit 66; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (GNU time: apt-get install time)" >&2; exit 69; }
HYPERFINE=""
if [ -z "${NO_HYPERFINE:-}" ] && command -v hyperfine >/dev/null; then HYPERFINE="$(command -v hyperfine)"; fi

# One work folder per machine user; stores of an earlier run are deleted here, before any timing.
WORK="${TMPDIR:-/tmp}/factdiff-bench"
log() { echo "[bench] $*" >&2; }
STAMP="$WORK.deleted"
if [ -d "$WORK" ]; then
    log "deleting the previous run's folder $WORK"
    rm -rf "$WORK"
    touch "$STAMP"
fi
if [ -e "$STAMP" ]; then
    age=$(( $(date +%s) - $(stat -c %Y "$STAMP") ))
    if [ "$age" -lt 360 ]; then
        log "stores were deleted ${age} s ago: waiting $((360 - age)) s for the file system to settle"
        sleep $((360 - age))
    fi
fi
mkdir -p "$WORK"
if [ "$KEEP" = 0 ]; then trap 'rm -rf "$WORK"; touch "$STAMP"' EXIT; else log "keeping $WORK"; fi
STORES="$WORK/stores"
mkdir -p "$STORES"
STORE_SEQ=0
# fresh_store: sets NEW_STORE to a store path not used before (no subshell: the counter must persist).
fresh_store() { STORE_SEQ=$((STORE_SEQ + 1)); NEW_STORE="$STORES/s$STORE_SEQ"; }

load() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s.%N; }
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
fmt_s() { awk -v s="$1" 'BEGIN { if (s < 0.1) printf "%.1f ms", s * 1000; else printf "%.2f s", s }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
bytes_of() { find "$@" -type f -name '*.md' -print0 | du -cb --files0-from=- | tail -1 | cut -f1; }
files_of() { find "$@" -type f -name '*.md' | wc -l; }

# run_timed OUTVAR ALLOWED_CODES CMD…: one run under /usr/bin/time -v; sets OUTVAR_S (wall
# seconds) and OUTVAR_KB (peak RSS); aborts on an exit code outside ALLOWED_CODES ("0" or "0 2").
run_timed() {
    local var="$1" allowed="$2"; shift 2
    local tv="$WORK/time.txt" t0 t1 code=0
    t0="$(now)"
    /usr/bin/time -v -o "$tv" "$@" >/dev/null 2>"$WORK/stderr.txt" || code=$?
    t1="$(now)"
    case " $allowed " in
        *" $code "*) ;;
        *) echo "FAILED (exit $code): $*" >&2; cat "$WORK/stderr.txt" >&2; exit 1 ;;
    esac
    printf -v "${var}_S" '%s' "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')"
    printf -v "${var}_KB" '%s' "$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tv")"
}

# measure_idem OUTVAR CMD…: median wall time of an idempotent command over RUNS runs (hyperfine
# when installed, with one warm-up) and its peak RSS (one run under /usr/bin/time -v).
measure_idem() {
    local var="$1"; shift
    local times=() i
    run_timed _one "0" "$@"
    if [ -n "$HYPERFINE" ]; then
        local q
        q="$(printf '%q ' "$@")"
        "$HYPERFINE" --style none --warmup 1 --runs "$RUNS" --export-json "$WORK/hf.json" \
            --shell bash "$q" >/dev/null 2>&1
        printf -v "${var}_S" '%s' "$(tr -d ' \n' < "$WORK/hf.json" | grep -o '"median":[0-9.e+-]*' | head -1 | cut -d: -f2)"
    else
        for ((i = 0; i < RUNS; i++)); do run_timed _one "0" "$@"; times+=("$_one_S"); done
        printf -v "${var}_S" '%s' "$(printf '%s\n' "${times[@]}" | median)"
    fi
    printf -v "${var}_KB" '%s' "$_one_KB"
    printf -v "${var}_LOAD" '%s' "$(load)"
}

# The floor over a list of folders: a plain number scan (piped into wc: GNU grep stops early
# when its output is /dev/null) and a raw read.
floor_scan() { find "$@" -type f -name '*.md' -print0 | xargs -0 grep -ohE '[0-9][0-9,.]*' | wc -l; }
floor_read() { find "$@" -type f -name '*.md' -print0 | xargs -0 cat | wc -c; }
export -f floor_scan floor_read

# bulk_add OUTVAR JOBS DIR…: median over RUNS bulk adds, each into a fresh empty store made
# before the pause; the last store is kept in OUTVAR_STORE. Exit 2 is allowed (one archive
# document has no claims); any other failure aborts.
bulk_add() {
    local var="$1" jobs="$2"; shift 2
    local times=() kb=0 i store stores=()
    for ((i = 0; i < RUNS; i++)); do fresh_store; stores+=("$NEW_STORE"); done
    sync; sleep 3
    local l; l="$(load)"
    for store in "${stores[@]}"; do
        [ ! -e "$store" ] || { echo "store $store exists already" >&2; exit 1; }
        local jobargs=()
        [ "$jobs" != "-" ] && jobargs=(--jobs "$jobs")
        run_timed _one "0 2" "$BIN" --editions "$store" add "$@" --quiet "${jobargs[@]}"
        times+=("$_one_S")
        [ "$_one_KB" -gt "$kb" ] && kb="$_one_KB"
    done
    printf -v "${var}_S" '%s' "$(printf '%s\n' "${times[@]}" | median)"
    printf -v "${var}_KB" '%s' "$kb"
    printf -v "${var}_LOAD" '%s' "$l"
    printf -v "${var}_STORE" '%s' "${stores[-1]}"
    printf -v "${var}_EDITIONS" '%s' "$(find "${stores[-1]}" -name '*.toml' ! -name topics.toml | wc -l)"
}

# make_copy N SRC DEST: a replica of the archive with distinct content: front-matter dates (and
# published/modified times) shifted by N years (29 February becomes 28 February where needed),
# a line `<!-- copy N -->` appended, file names with the shifted date.
make_copy() {
    local n="$1" src="$2" dest="$3"
    mkdir -p "$dest"
    find "$src" -maxdepth 1 -type f -name '*.md' -print0 | xargs -0 awk -v n="$n" -v dest="$dest" '
        function shift_year(line,    m, y, rest) {
            if (match(line, /[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]/)) {
                y = substr(line, RSTART, 4) + n
                rest = substr(line, RSTART + 4, 6)
                if (rest == "-02-29" && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) rest = "-02-28"
                line = substr(line, 1, RSTART - 1) y rest substr(line, RSTART + 10)
            }
            return line
        }
        FNR == 1 {
            if (out != "") { print "<!-- copy " n " -->" > out; close(out) }
            base = FILENAME; sub(/.*\//, "", base)
            out = dest "/" shift_year(base); fm = 0
        }
        {
            line = $0
            if (FNR == 1 && line == "---") fm = 1
            else if (fm == 1 && line == "---") fm = 2
            else if (fm == 1 && line ~ /^(date|published_time|modified_time):/) line = shift_year(line)
            print line > out
        }
        END { if (out != "") { print "<!-- copy " n " -->" > out; close(out) } }'
}

# ten_new DEST TAG: 10 archive documents made new (dates shifted by 50 years, a tag line).
ten_new() {
    local dest="$1" tag="$2" tmp="$WORK/ten-src"
    rm -rf "$tmp"; mkdir -p "$tmp"
    find "$ARCHIVE" -maxdepth 1 -type f -name '*.md' | sort | awk 'NR % 150 == 7' | head -10 | xargs -I{} cp {} "$tmp/"
    make_copy 50 "$tmp" "$dest"
    for f in "$dest"/*.md; do echo "<!-- new $tag -->" >> "$f"; done
}

# ---------------------------------------------------------------------------------------------
log "binary: $BIN; runs: $RUNS; hyperfine: ${HYPERFINE:-not used}; load: $(load)"
DATA="$WORK/data"
mkdir -p "$DATA"
COPIES=0
if [ "$QUICK" = 0 ]; then
    # ~200 MB: the archive and 10 replicas (copies 1…10); 25 % and 50 % are subsets of it.
    ARCH_BYTES="$(bytes_of "$ARCHIVE")"
    COPIES=$(( (200000000 + ARCH_BYTES - 1) / ARCH_BYTES - 1 ))
    [ "$COPIES" -lt 7 ] && COPIES=7
    log "making $COPIES replicas of the archive ($(mb "$ARCH_BYTES") MB each)"
    for ((c = 1; c <= COPIES; c++)); do make_copy "$c" "$ARCHIVE" "$DATA/copy$c"; done
    mkdir -p "$DATA/p25" "$DATA/p50"
    find "$ARCHIVE" -maxdepth 1 -type f -name '*.md' | sort | awk 'NR % 4 == 1' | xargs -I{} cp {} "$DATA/p25/"
    find "$ARCHIVE" -maxdepth 1 -type f -name '*.md' | sort | awk 'NR % 2 == 1' | xargs -I{} cp {} "$DATA/p50/"
fi

# The data sets: name, then folders.
declare -A SET_DIRS
SET_DIRS[archive]="$ARCHIVE"
NAMES=(archive)
if [ "$QUICK" = 0 ]; then
    all="$ARCHIVE"
    for ((c = 1; c <= COPIES; c++)); do all="$all $DATA/copy$c"; done
    SET_DIRS[replicated]="$all"
    NAMES+=(replicated)
fi

declare -A R
for name in "${NAMES[@]}"; do
    read -r -a dirs <<< "${SET_DIRS[$name]}"
    bytes="$(bytes_of "${dirs[@]}")"; files="$(files_of "${dirs[@]}")"
    log "$name: $files files, $(mb "$bytes") MB"
    R[$name.bytes]="$bytes"; R[$name.files]="$files"
    # Warm the page cache so every figure reads from memory.
    floor_read "${dirs[@]}" >/dev/null

    measure_idem scan bash -c 'floor_scan "$@"' _ "${dirs[@]}"
    measure_idem rd bash -c 'floor_read "$@"' _ "${dirs[@]}"
    R[$name.scan]="$scan_S"; R[$name.scan.kb]="$scan_KB"; R[$name.scan.load]="$scan_LOAD"
    R[$name.read]="$rd_S"; R[$name.read.kb]="$rd_KB"; R[$name.read.load]="$rd_LOAD"

    log "$name: bulk add"
    bulk_add add - "${dirs[@]}"
    R[$name.add]="$add_S"; R[$name.add.kb]="$add_KB"; R[$name.add.load]="$add_LOAD"
    STORE="$add_STORE"; R[$name.editions]="$add_EDITIONS"
    # The largest series as bulk add left it (before the new documents below join a series).
    top="$("$BIN" --editions "$STORE" series --quiet | head -1)"
    series="$(cut -f1 <<< "$top")"; count="$(cut -f2 <<< "$top")"

    log "$name: re-run add with nothing new"
    times=(); kb=0
    for ((i = 0; i < RUNS; i++)); do
        run_timed _one "0 2" "$BIN" --editions "$STORE" add "${dirs[@]}" --quiet
        times+=("$_one_S"); [ "$_one_KB" -gt "$kb" ] && kb="$_one_KB"
    done
    R[$name.rerun]="$(printf '%s\n' "${times[@]}" | median)"; R[$name.rerun.kb]="$kb"; R[$name.rerun.load]="$(load)"

    log "$name: add 10 new documents to the full store"
    times=(); kb=0
    for ((i = 0; i < RUNS; i++)); do ten_new "$WORK/new-$name-$i" "$name-$i"; done
    sync; sleep 1
    for ((i = 0; i < RUNS; i++)); do
        run_timed _one "0" "$BIN" --editions "$STORE" add "$WORK/new-$name-$i" --quiet
        times+=("$_one_S"); [ "$_one_KB" -gt "$kb" ] && kb="$_one_KB"
    done
    R[$name.ten]="$(printf '%s\n' "${times[@]}" | median)"; R[$name.ten.kb]="$kb"; R[$name.ten.load]="$(load)"

    log "$name: history of the largest series"
    measure_idem hist "$BIN" --editions "$STORE" --series "$series" history
    R[$name.hist]="$hist_S"; R[$name.hist.kb]="$hist_KB"; R[$name.hist.load]="$hist_LOAD"
    R[$name.hist.series]="$series"; R[$name.hist.count]="$count"
done

row() { # label seconds kb load [extra]
    printf '| %s | %s | %s MB | %s | %s |\n' "$1" "$(fmt_s "$2")" "$(awk -v k="$3" 'BEGIN { printf "%.1f", k / 1024 }')" "$4" "${5:-}"
}
echo
echo "## factdiff bench — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $( [ -n "$HYPERFINE" ] && echo hyperfine || echo 'date(1)'), median of $RUNS"
echo
echo "| what | time | peak RSS | load (1/5/15 min) | notes |"
echo "| --- | ---: | ---: | --- | --- |"
for name in "${NAMES[@]}"; do
    b="${R[$name.bytes]}"
    label="$name ($(mb "$b") MB, ${R[$name.files]} files)"
    row "$label: number scan (grep \| wc -l)" "${R[$name.scan]}" "${R[$name.scan.kb]}" "${R[$name.scan.load]}" "floor"
    row "$label: raw read (cat \| wc -c)" "${R[$name.read]}" "${R[$name.read.kb]}" "${R[$name.read.load]}"
    ratio="$(awk -v a="${R[$name.add]}" -v f="${R[$name.scan]}" 'BEGIN { printf "%.1f", a / f }')"
    rate="$(awk -v a="${R[$name.add]}" -v b="$b" 'BEGIN { printf "%.1f", b / 1e6 / a }')"
    row "$label: bulk add, empty store" "${R[$name.add]}" "${R[$name.add.kb]}" "${R[$name.add.load]}" "${rate} MB/s; ${ratio}× the number scan (target ≤ 5×); ${R[$name.editions]} editions stored"
    row "$label: re-run add, nothing new" "${R[$name.rerun]}" "${R[$name.rerun.kb]}" "${R[$name.rerun.load]}" "target < 0.5 s"
    row "$label: add 10 new documents" "${R[$name.ten]}" "${R[$name.ten.kb]}" "${R[$name.ten.load]}"
    row "$label: history, largest series" "${R[$name.hist]}" "${R[$name.hist.kb]}" "${R[$name.hist.load]}" "${R[$name.hist.series]} (${R[$name.hist.count]} editions)"
done

if [ "$QUICK" = 0 ]; then
    # Scaling: 25 %, 50 % (subsets), 100 % (the archive), 200 %, 400 %, 800 % (with replicas).
    log "scaling"
    declare -A SC_DIRS
    SC_DIRS[25]="$DATA/p25"; SC_DIRS[50]="$DATA/p50"; SC_DIRS[100]="$ARCHIVE"
    for pct in 200 400 800; do
        d="$ARCHIVE"
        for ((c = 1; c < pct / 100; c++)); do d="$d $DATA/copy$c"; done
        SC_DIRS[$pct]="$d"
    done
    echo
    echo "### Scaling (bulk add into an empty store; sizes interleaved, median of $RUNS rounds)"
    echo
    echo "| size | MB | files | time | s/MB | s/MB ÷ s/MB at 100 % | peak RSS | load (1/5/15 min) |"
    echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
    declare -A SC
    # The sizes are interleaved, one run of each per round, and the median per size taken: on a
    # shared VM the speed drifts over minutes, and timing one size after another would put the
    # drift into the ratios.
    declare -A SC_TIMES SC_STORES
    for pct in 25 50 100 200 400 800; do
        read -r -a dirs <<< "${SC_DIRS[$pct]}"
        b="$(bytes_of "${dirs[@]}")"; SC[$pct.bytes]="$b"; SC[$pct.files]="$(files_of "${dirs[@]}")"
        SC[$pct.kb]=0; SC_TIMES[$pct]=""; SC_STORES[$pct]=""
        for ((i = 0; i < RUNS; i++)); do fresh_store; SC_STORES[$pct]="${SC_STORES[$pct]} $NEW_STORE"; done
    done
    sync; sleep 3
    for ((round = 0; round < RUNS; round++)); do
        for pct in 25 50 100 200 400 800; do
            read -r -a dirs <<< "${SC_DIRS[$pct]}"
            read -r -a stores <<< "${SC_STORES[$pct]}"
            floor_read "${dirs[@]}" >/dev/null
            log "scaling: round $((round + 1)), $pct % ($(mb "${SC[$pct.bytes]}") MB)"
            run_timed _one "0 2" "$BIN" --editions "${stores[$round]}" add "${dirs[@]}" --quiet
            SC_TIMES[$pct]="${SC_TIMES[$pct]} $_one_S"
            [ "$_one_KB" -gt "${SC[$pct.kb]}" ] && SC[$pct.kb]="$_one_KB"
            SC[$pct.load]="$(load)"
        done
    done
    for pct in 25 50 100 200 400 800; do
        SC[$pct.s]="$(tr ' ' '\n' <<< "${SC_TIMES[$pct]}" | grep . | median)"
    done
    base="$(awk -v s="${SC[100.s]}" -v b="${SC[100.bytes]}" 'BEGIN { print s / (b / 1e6) }')"
    for pct in 25 50 100 200 400 800; do
        spm="$(awk -v s="${SC[$pct.s]}" -v b="${SC[$pct.bytes]}" 'BEGIN { printf "%.4f", s / (b / 1e6) }')"
        printf '| %s %% | %s | %s | %s | %s | %s | %s MB | %s |\n' "$pct" "$(mb "${SC[$pct.bytes]}")" "${SC[$pct.files]}" \
            "$(fmt_s "${SC[$pct.s]}")" "$spm" "$(awk -v a="$spm" -v b="$base" 'BEGIN { printf "%.2f", a / b }')" \
            "$(awk -v k="${SC[$pct.kb]}" 'BEGIN { printf "%.1f", k / 1024 }')" "${SC[$pct.load]}"
    done
fi

# --jobs 1 against --jobs 2 over the archive; the stores must be byte-identical.
log "jobs 1 vs 2"
bulk_add j1 1 "$ARCHIVE"
bulk_add j2 2 "$ARCHIVE"
if diff -r "$j1_STORE" "$j2_STORE" >/dev/null; then same="byte-identical (diff -r)"; else same="DIFFER (diff -r)"; fi
echo
echo "### --jobs (bulk add of the archive, $(mb "$(bytes_of "$ARCHIVE")") MB)"
echo
echo "| jobs | time | peak RSS | load (1/5/15 min) |"
echo "| ---: | ---: | ---: | --- |"
printf '| 1 | %s | %s MB | %s |\n' "$(fmt_s "$j1_S")" "$(awk -v k="$j1_KB" 'BEGIN { printf "%.1f", k / 1024 }')" "$j1_LOAD"
printf '| 2 | %s | %s MB | %s |\n' "$(fmt_s "$j2_S")" "$(awk -v k="$j2_KB" 'BEGIN { printf "%.1f", k / 1024 }')" "$j2_LOAD"
echo
echo "Speed-up 1 → 2 jobs: $(awk -v a="$j1_S" -v b="$j2_S" 'BEGIN { printf "%.2f×", a / b }'); stores: $same."
[ "$same" = "byte-identical (diff -r)" ] || exit 1
