#!/usr/bin/env bash
# Checks over the real corpus and archive in ../shared (run by .ci/run when present):
#  1. the stored root-causes claim sets are exactly what the tool extracts from the corpus;
#  2. the plain-text and Markdown copies of 2023-02-06 give the same claims;
#  3. the diff and history acceptance figures of the root-causes series;
#  4. check: the presidency copy is another copy, a changed figure is republished; add over
#     the archive exits 0 and names the image-only sheet, a re-run stores nothing, diff without
#     a series fails in under 2,000 bytes, series suggest proposes the Quad group;
#  5. extract runs over every archive document with no panic and no error but a truthful
#     "no date" / "no claims".
set -euo pipefail
SHARED="$1"
BIN="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
cd "$(dirname "$0")/.."
CORPUS="$SHARED/corpus/root-causes"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "-- stored editions match the tool's extraction"
for ed in 2022-04-19 2023-02-06 2024-03-25; do
    "$BIN" extract "$CORPUS/$ed.md" --no-text > "$TMP/$ed.toml"
    diff -u "editions/root-causes/$ed.toml" "$TMP/$ed.toml" || fail "editions/root-causes/$ed.toml differs from a fresh extraction"
done

echo "-- plain-text and Markdown copies of 2023-02-06 agree"
"$BIN" extract "$CORPUS/2023-02-06.md" --format json > "$TMP/md.json"
"$BIN" extract "$CORPUS/2023-02-06.presidency.txt" --format json > "$TMP/txt.json"
python3 - "$TMP/md.json" "$TMP/txt.json" <<'PY'
import json, sys
md, txt = (json.load(open(p)) for p in sys.argv[1:3])
assert md["claims"] == txt["claims"], "claims differ between the .md and .presidency.txt copies"
assert md["edition"]["date"] == txt["edition"]["date"] == "2023-02-06"
figures = [f for c in md["claims"] for f in c.get("figures", [])]
print(f"   {len(md['claims'])} claims, {len(figures)} figures in both copies")
PY

echo "-- root-causes diff and history"
"$BIN" diff --format json > "$TMP/diff.json"
"$BIN" diff 2022-04-19 2023-02-06 --format json > "$TMP/diff1.json"
"$BIN" history --format json > "$TMP/history.json"
python3 - "$TMP/diff.json" "$TMP/diff1.json" "$TMP/history.json" <<'PY'
import json, sys
d2, d1, h = (json.load(open(p)) for p in sys.argv[1:4])
def pair(report, measure, old, new, flag=None):
    # Pairs are found by value: the measure names what the sheet counts, and no rules file
    # renames it. `measure` only labels a failure.
    for c in report["changes"]:
        if c.get("old", {}).get("value") == old and c.get("new", {}).get("value") == new:
            if flag and flag not in c.get("flags", []):
                raise SystemExit(f"{measure} {old}->{new}: flag {flag} missing: {c.get('flags')}")
            return
    raise SystemExit(f"missing pair {measure}: {old} -> {new}")
pair(d2, "jobs", "90000", "250000", "hedged")
pair(d2, "private-sector-firms", "8000", "23000")
pair(d2, "youth-reached-by-education", "465000", "3000000", "hedged")
pair(d2, "civilian-police", "9000", "18000", "hedged")
pair(d2, "individuals", "150", "1200")
pair(d2, "individuals-and-entities", "18", "16", "decrease")
dropped = {c["topic"] for c in d2["changes"] if c["kind"] == "claim-dropped"}
for t in ["providing-vaccines", "empowering-local-partners", "providing-robust-humanitarian-assistance"]:
    assert t in dropped, f"{t} not reported dropped: {sorted(dropped)}"
pair(d1, "jobs", "70000", "90000")
pair(d1, "micro-and-small-business-financing", "100000000", "179000000")
pair(d1, "vaccine-doses", "15000000", "17000000")
pair(d1, "call-to-action-commitments", "1200000000", "4200000000")
pair(d1, "civilian-police", "5000", "9000")
assert not any(c.get("old", {}).get("value") == "300000000" for c in d1["changes"]), "Centroamerica Local reported"
covid = [c for c in d1["changes"] if c["kind"] == "claim-dropped" and len(c.get("figures", [])) == 3]
assert covid, "COVID-19 amounts per country not reported dropped"
def track(measure):
    for t in h["tracks"]:
        if t["measure"] == measure:
            return [v and v["value"] for v in t["values"]]
    raise SystemExit(f"no history track {measure}")
assert track("jobs") == ["70000", "90000", "250000"], track("jobs")
assert track("civilian-police") == ["5000", "9000", "18000"], track("civilian-police")
print("   acceptance figures present")
PY
"$BIN" history jobs civilian-police > "$TMP/history.txt"
cat "$TMP/history.txt"

echo "-- root-causes in a fresh store with no rules file (text kept)"
"$BIN" add --quiet --editions "$TMP/fresh" "$CORPUS/2022-04-19.md" "$CORPUS/2023-02-06.md" "$CORPUS/2024-03-25.md"
test ! -e "$TMP/fresh/"*/topics.toml || fail "a fresh store must not get a rules file"
"$BIN" diff 2022-04-19 2023-02-06 --editions "$TMP/fresh" --format json > "$TMP/fresh1.json"
"$BIN" diff 2023-02-06 2024-03-25 --editions "$TMP/fresh" --format json > "$TMP/fresh2.json"
python3 - "$TMP/fresh1.json" "$TMP/fresh2.json" <<'PY'
import json, sys
d1, d2 = (json.load(open(p)) for p in sys.argv[1:3])
def pair(report, what, old, new, no_flag=None):
    for c in report["changes"]:
        if c.get("old", {}).get("value") == old and c.get("new", {}).get("value") == new:
            if no_flag and no_flag in c.get("flags", []):
                raise SystemExit(f"{what} {old}->{new}: unexpected flag {no_flag}")
            return
    raise SystemExit(f"fresh store: missing pair {what}: {old} -> {new}")
for what, old, new in [("jobs", "90000", "250000"), ("firms", "8000", "23000"),
                       ("youth", "465000", "3000000"), ("police", "9000", "18000"),
                       ("individuals", "150", "1200"), ("sanctioned", "18", "16")]:
    pair(d2, what, old, new)
for what, old, new in [("jobs", "70000", "90000"), ("financing", "100000000", "179000000"),
                       ("doses", "15000000", "17000000"), ("Call to Action", "1200000000", "4200000000"),
                       ("police", "5000", "9000")]:
    pair(d1, what, old, new)
print("   11 running figures paired without a rules file")
PY

echo "-- Call to Action and Quad pairs, no false pairs"
A="$SHARED/archive/fact-sheets"
"$BIN" diff "$A"/2023-02-06-fact-sheet-vice-president-harris-announces-public-private-partnership-has-*.md \
    "$A"/2024-03-25-fact-sheet-vice-president-harris-announces-public-private-partnership-has-*.md \
    --editions "$TMP/empty" --format json > "$TMP/cta.json"
"$BIN" diff "$A/2021-09-24-fact-sheet-quad-leaders-summit.md" "$A/2022-05-23-fact-sheet-quad-leaders-tokyo-summit-2022.md" \
    --editions "$TMP/empty" --format json > "$TMP/quad.json"
python3 - "$TMP/cta.json" "$TMP/quad.json" <<'PY'
import json, sys
cta, quad = (json.load(open(p)) for p in sys.argv[1:3])
def find(report, old, new):
    return [c for c in report["changes"]
            if c.get("old", {}).get("value") == old and c.get("new", {}).get("value") == new]
assert find(cta, "4200000000", "5200000000"), "Call to Action total $4.2B -> $5.2B not paired"
assert find(cta, "47", "50"), "47 -> 50 companies and organizations not paired"
per_round = find(cta, "950000000", "1000000000")
assert per_round and all("decrease" not in c.get("flags", []) for c in per_round), "$950M -> $1B"
assert find(quad, "79000000", "257000000"), "Quad doses 79M -> 257M not paired"
print("   Call to Action total, participants, per-round amount and Quad doses paired")
PY
echo "-- check: another copy of a stored edition is not republished; a changed figure is"
"$BIN" add --quiet --editions "$TMP/rc" "$CORPUS/2023-02-06.md"
"$BIN" check --quiet --editions "$TMP/rc" "$CORPUS/2023-02-06.presidency.txt" --fail-on republished \
    > /dev/null || fail "the presidency copy of 2023-02-06 fails --fail-on republished"
sed 's/90,000 jobs/91,000 jobs/' "$CORPUS/2023-02-06.presidency.txt" > "$TMP/changed.txt"
grep -q '91,000 jobs' "$TMP/changed.txt" || fail "no figure to change in the presidency copy"
set +e
"$BIN" check --quiet --editions "$TMP/rc" "$TMP/changed.txt" --fail-on republished > /dev/null 2> "$TMP/changed.err"
code=$?
set -e
[ "$code" -eq 1 ] || fail "a changed figure under a stored date exits $code, not 1"
grep -q 'policy failed: republished (1)' "$TMP/changed.err" || fail "$(cat "$TMP/changed.err")"
echo "   presidency copy: same content; one figure changed: republished"

echo "-- add over the whole archive: exit 0, the image-only sheet named; a re-run stores nothing"
"$BIN" add "$SHARED/archive/fact-sheets" --editions "$TMP/arch" > "$TMP/add.out" 2> "$TMP/add.err" \
    || fail "add over the archive: $(tail -3 "$TMP/add.err")"
grep -q 'american-rescue-plans-2-year-difference.md: no claims (images only?)' "$TMP/add.err" \
    || fail "the image-only sheet is not named: $(cat "$TMP/add.err")"
tail -n 1 "$TMP/add.out"
"$BIN" add "$SHARED/archive/fact-sheets" --editions "$TMP/arch" > "$TMP/add2.out" 2> /dev/null \
    || fail "second add over the archive failed"
grep -q '^0 added, ' "$TMP/add2.out" || fail "the re-run stored something: $(tail -1 "$TMP/add2.out")"
set +e
"$BIN" diff --editions "$TMP/arch" > /dev/null 2> "$TMP/diff.err"
code=$?
set -e
[ "$code" -eq 2 ] && [ "$(wc -c < "$TMP/diff.err")" -lt 2000 ] \
    || fail "diff without a series: exit $code, $(wc -c < "$TMP/diff.err") bytes"
"$BIN" series suggest --editions "$TMP/arch" --format tsv > "$TMP/suggest.tsv"
grep -q 'quad-summit' "$TMP/suggest.tsv" && grep -q 'quad-leaders-summit' "$TMP/suggest.tsv" \
    || fail "series suggest does not propose the Quad group"
echo "   $(cut -f1 "$TMP/suggest.tsv" | sort -u | wc -l) groups suggested, the Quad group among them"

echo "-- extract over the whole archive"
python3 - "$BIN" "$SHARED/archive/fact-sheets" <<'PY'
import json, os, subprocess, sys
binary, folder = sys.argv[1:3]
names = sorted(os.listdir(folder))
docs = figures = no_date = no_claims = 0
bad = []
for name in names:
    p = os.path.join(folder, name)
    r = subprocess.run([binary, "extract", p, "--format", "json"], capture_output=True)
    docs += 1
    err = r.stderr.decode("utf-8", "replace")
    if r.returncode == 0:
        figures += sum(len(c.get("figures", [])) for c in json.loads(r.stdout)["claims"])
    elif r.returncode == 2 and "no edition date" in err:
        no_date += 1
    elif r.returncode == 2 and "no claims" in err:
        no_claims += 1
    else:
        bad.append((name, r.returncode, err.strip()[:300]))
print(f"   {docs} documents, {figures} figures, {no_date} without date, {no_claims} without claims")
if bad:
    for b in bad[:20]:
        print("   ", b)
    raise SystemExit(f"{len(bad)} documents failed")
PY
echo "-- shared checks passed"
