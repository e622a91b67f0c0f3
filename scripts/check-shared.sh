#!/usr/bin/env bash
# Checks over the real corpus and archive in ../shared (run by .ci/run when present):
#  1. the stored root-causes claim sets are exactly what the tool extracts from the corpus;
#  2. the plain-text and Markdown copies of 2023-02-06 give the same claims;
#  3. the diff and history acceptance figures of the root-causes series;
#  4. extract runs over every archive document with no panic and no error but a truthful
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
    "$BIN" extract "$CORPUS/$ed.md" --no-text --topics editions/root-causes/topics.toml > "$TMP/$ed.toml"
    diff -u "editions/root-causes/$ed.toml" "$TMP/$ed.toml" || fail "editions/root-causes/$ed.toml differs from a fresh extraction"
done

echo "-- plain-text and Markdown copies of 2023-02-06 agree"
"$BIN" extract "$CORPUS/2023-02-06.md" --format json > "$TMP/md.json"
"$BIN" extract "$CORPUS/2023-02-06.presidency.txt" --format json > "$TMP/txt.json"
python3 - "$TMP/md.json" "$TMP/txt.json" <<'PY'
import json, sys
md, txt = (json.load(open(p)) for p in sys.argv[1:3])
def without_lines(claims):
    # Each copy puts a figure on its own file's line; everything else must agree.
    for c in claims:
        for f in c.get("figures", []):
            f.pop("line", None)
    return claims
assert without_lines(md["claims"]) == without_lines(txt["claims"]), "claims differ between the .md and .presidency.txt copies"
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
    for c in report["changes"]:
        if c.get("measure") == measure and c.get("old", {}).get("value") == old and c.get("new", {}).get("value") == new:
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
