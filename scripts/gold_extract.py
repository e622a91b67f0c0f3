#!/usr/bin/env python3
"""Scores a factdiff binary's figure extraction against the hand-read gold set.

Usage: gold_extract.py BIN [--shared DIR] [--json OUT] [--details]

The same scoring as tests/test_gold_extract.rs (keep the two in step): for each document of
tests/gold/extract/docs.txt it runs `BIN extract DOC --format json`, takes every figure of every
claim and matches them one-to-one to the gold rows of that document (same value and same unit,
rows whose quote overlaps the figure's first), then reports gold, found, TP, FP, FN, precision,
recall, F1 and "fully right" (TP whose qualifier is equal and whose noun agrees).
Python 3 standard library only.
"""

import argparse
import csv
import json
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
GOLD = os.path.join(ROOT, "tests", "gold", "extract")

# The tool's unit names -> the gold set's (compared lowercase).
UNIT_MAP = {
    "usd": "usd",
    "count": "count",
    "percent": "percent",
    "%": "percent",
    "times": "times",
    "pp": "percentage-points",
    "percentage-points": "percentage-points",
    "percentage_points": "percentage-points",
    "span": "span",
    "duration": "span",
    "mw": "megawatts",
    "gw": "gigawatts",
}


def unit_key(unit):
    u = unit.strip().lower()
    return UNIT_MAP.get(u, u)


def value_key(v):
    """A canonical decimal string: "1500000000.0" -> "1500000000", "+0.10" -> "0.1"."""
    s = str(v).strip().replace(",", "")
    neg = s.startswith("-")
    s = s.lstrip("+-")
    if re.fullmatch(r"\d*\.?\d*[eE][+-]?\d+", s):
        s = format(float(s), "f")
    whole, _, frac = s.partition(".")
    whole = whole.lstrip("0") or "0"
    frac = frac.rstrip("0")
    out = whole + ("." + frac if frac else "")
    if neg and out != "0":
        out = "-" + out
    return out


def norm_text(s):
    s = s.replace("\u00a0", " ").lower()
    s = re.sub(r"[*_\[\]]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def overlaps(gold_quote, tool_quote):
    a, b = norm_text(gold_quote), norm_text(tool_quote)
    return bool(a) and bool(b) and (a in b or b in a)


def last_word(noun):
    words = re.sub(r"[^\w\s]", " ", noun.lower()).split()
    if not words:
        return ""
    w = words[-1]
    return w[:-1] if w.endswith("s") else w


def noun_agrees(gold_noun, tool_noun):
    if not gold_noun.strip():
        return True
    return last_word(gold_noun) != "" and last_word(gold_noun) == last_word(tool_noun)


def load_gold():
    docs = [
        line.strip()
        for line in open(os.path.join(GOLD, "docs.txt"), encoding="utf-8")
        if line.strip() and not line.startswith("#")
    ]
    rows = {d: [] for d in docs}
    with open(os.path.join(GOLD, "figures.tsv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            rows.setdefault(r["doc"], []).append(r)
    return docs, rows


def tool_figures(binary, path):
    r = subprocess.run([binary, "extract", path, "--format", "json"], capture_output=True)
    err = r.stderr.decode("utf-8", "replace")
    if r.returncode == 2 and "no claims" in err:
        return []
    if r.returncode != 0:
        raise SystemExit(f"{binary} extract {path}: exit {r.returncode}: {err.strip()[:300]}")
    data = json.loads(r.stdout)
    return [f for c in data.get("claims", []) for f in c.get("figures", []) or []]


def match(gold, found):
    """One-to-one matching; returns (pairs, unmatched gold indices, unmatched tool indices)."""
    used_g, used_t, pairs = set(), set(), []
    for need_overlap in (True, False):
        for ti, t in enumerate(found):
            if ti in used_t:
                continue
            best, best_rank = None, None
            for gi, g in enumerate(gold):
                if gi in used_g:
                    continue
                if value_key(g["value"]) != value_key(t.get("value", "")):
                    continue
                if unit_key(g["unit"]) != unit_key(t.get("unit", "")):
                    continue
                if need_overlap and not overlaps(g["quote"], t.get("quote", "")):
                    continue
                rank = (
                    0 if g["qualifier"] == t.get("qualifier", "") else 1,
                    0 if noun_agrees(g["noun"], t.get("noun", "")) else 1,
                    gi,
                )
                if best_rank is None or rank < best_rank:
                    best, best_rank = gi, rank
            if best is not None:
                used_g.add(best)
                used_t.add(ti)
                pairs.append((best, ti))
    fn = [i for i in range(len(gold)) if i not in used_g]
    fp = [i for i in range(len(found)) if i not in used_t]
    return pairs, fn, fp


def ratio(a, b):
    return a / b if b else None


def f1(p, r):
    if p is None or r is None or p + r == 0:
        return None if p is None or r is None else 0.0
    return 2 * p * r / (p + r)


def score(binary, archive):
    docs, gold_rows = load_gold()
    per_doc = []
    for doc in docs:
        gold = gold_rows.get(doc, [])
        found = tool_figures(binary, os.path.join(archive, doc))
        pairs, fn, fp = match(gold, found)
        full = sum(
            1
            for gi, ti in pairs
            if gold[gi]["qualifier"] == found[ti].get("qualifier", "")
            and noun_agrees(gold[gi]["noun"], found[ti].get("noun", ""))
        )
        gold_units = {}
        for i in fn:
            gold_units.setdefault(value_key(gold[i]["value"]), []).append(i)
        unit_mismatch = sum(
            1 for i in fp if value_key(found[i].get("value", "")) in gold_units
        )
        tp = len(pairs)
        p, r = ratio(tp, len(found)), ratio(tp, len(gold))
        per_doc.append(
            {
                "doc": doc,
                "gold": len(gold),
                "found": len(found),
                "tp": tp,
                "fp": len(fp),
                "fn": len(fn),
                "precision": p,
                "recall": r,
                "f1": f1(p, r),
                "fully_right": full,
                "unit_mismatch": unit_mismatch,
                "missed": [
                    {k: gold[i][k] for k in ("quote", "value", "unit", "qualifier", "noun")}
                    for i in fn
                ],
                "false_positives": [
                    {k: found[i].get(k, "") for k in ("quote", "value", "unit", "qualifier", "noun")}
                    for i in fp
                ],
                "wrong_detail": [
                    {
                        "quote": gold[gi]["quote"],
                        "gold_qualifier": gold[gi]["qualifier"],
                        "tool_qualifier": found[ti].get("qualifier", ""),
                        "gold_noun": gold[gi]["noun"],
                        "tool_noun": found[ti].get("noun", ""),
                    }
                    for gi, ti in pairs
                    if not (
                        gold[gi]["qualifier"] == found[ti].get("qualifier", "")
                        and noun_agrees(gold[gi]["noun"], found[ti].get("noun", ""))
                    )
                ],
            }
        )
    tot = {k: sum(d[k] for d in per_doc) for k in ("gold", "found", "tp", "fp", "fn", "fully_right", "unit_mismatch")}
    p, r = ratio(tot["tp"], tot["found"]), ratio(tot["tp"], tot["gold"])
    overall = dict(tot, docs=len(per_doc), precision=p, recall=r, f1=f1(p, r))
    return {"binary": binary, "overall": overall, "docs": per_doc}


def fmt(x):
    return "    -" if x is None else f"{x:5.3f}"


def label(doc):
    folder, _, name = doc.partition("/")
    return (folder[:2] + "/" + name)[:52]


def table(summary):
    lines = [
        f"{'doc':<52} {'gold':>5} {'found':>5} {'TP':>4} {'FP':>4} {'FN':>4} {'P':>5} {'R':>5} {'F1':>5} {'full':>4} {'unit≠':>5}"
    ]
    rows = summary["docs"] + [dict(summary["overall"], doc="OVERALL")]
    for d in rows:
        name = "OVERALL" if d["doc"] == "OVERALL" else label(d["doc"])
        if d["doc"] == "OVERALL":
            lines.append("-" * len(lines[0]))
        lines.append(
            f"{name:<52} {d['gold']:>5} {d['found']:>5} {d['tp']:>4} {d['fp']:>4} {d['fn']:>4} "
            f"{fmt(d['precision'])} {fmt(d['recall'])} {fmt(d['f1'])} {d['fully_right']:>4} {d['unit_mismatch']:>5}"
        )
    o = summary["overall"]
    lines.append(
        f"fully right: {o['fully_right']} of {o['tp']} TP ({fmt(ratio(o['fully_right'], o['tp'])).strip()}), "
        f"{fmt(ratio(o['fully_right'], o['gold'])).strip()} of gold"
    )
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("binary")
    ap.add_argument("--shared", default=os.environ.get("FACTDIFF_SHARED", os.path.join(ROOT, "..", "shared")))
    ap.add_argument("--json", help="write the summary (with misses and false positives) here")
    args = ap.parse_args()
    archive = os.path.join(args.shared, "archive")
    if not os.path.isdir(archive):
        raise SystemExit(f"no archive at {archive} (set FACTDIFF_SHARED or --shared)")
    summary = score(args.binary, archive)
    print(table(summary))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
