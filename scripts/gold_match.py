#!/usr/bin/env python3
"""Scores a factdiff binary's figure pairing against the hand-made gold set.

Usage: gold_match.py BIN [--shared DIR] [--gold FILE] [--json OUT] [--quiet]

For each (old_doc, new_doc) pair in tests/gold/match/pairs.tsv it runs
`BIN diff OLD NEW --format json --editions <empty dir>` and scores every gold row
(changed, qualifier-changed, unchanged, dropped, added). The rules are the same as in
tests/test_gold_match.rs; tests/gold/match/README.md states them. Python 3 stdlib only.
"""
import argparse
import csv
import json
import os
import signal
import subprocess
import sys
import tempfile
from decimal import Decimal, InvalidOperation

PAIR_KINDS = ("changed", "qualifier-changed")
REPORTED_PAIR_KINDS = ("figure-changed", "qualifier-changed")
KINDS = ("changed", "qualifier-changed", "unchanged", "dropped", "added")
# The tool's four units; the gold set's finer ones map onto them.
TOOL_UNIT = {"USD": "USD", "percent": "percent", "percentage-points": "percent", "times": "times"}


def tool_unit(gold_unit):
    return TOOL_UNIT.get(gold_unit, "count")


def dec(text):
    try:
        return Decimal(text).normalize()
    except (InvalidOperation, TypeError):
        return None


def norm_quote(text):
    text = (text or "").replace("\u2019", "'").replace("\u00a0", " ").lower()
    return " ".join(text.split())


def quotes_match(a, b):
    a, b = norm_quote(a), norm_quote(b)
    return bool(a) and bool(b) and (a in b or b in a)


class Side:
    """One gold figure: the old or new side of a row."""

    def __init__(self, row, side):
        self.row = row
        self.side = side
        self.value = dec(row[f"{side}_value"])
        self.unit = tool_unit(row[f"{side}_unit"])
        self.quote = row[f"{side}_quote"]
        self.reported = False  # reported dropped (old side) or added (new side)
        self.false_pairs = []


def fig_matches(side, fig):
    return dec(fig.get("value")) == side.value and fig.get("unit") == side.unit


def resolve(sides, fig, taken, text=""):
    """The gold figure a reported figure stands for: same value and unit; preferred, in order,
    a gold quote found in the reported claim's text, a matching quote, a figure not yet taken.
    None when no gold figure has that value."""
    cands = [s for s in sides if fig_matches(s, fig)]
    if not cands:
        return None
    text = norm_quote(text)
    cands.sort(
        key=lambda s: (
            not (text and norm_quote(s.quote) in text),
            not quotes_match(s.quote, fig.get("quote")),
            id(s) in taken,
        )
    )
    return cands[0]


def describe(fig):
    if not fig:
        return ""
    return f"{fig.get('quote') or fig.get('value')} [{fig.get('value')} {fig.get('unit')}]"


def score_doc_pair(rows, report):
    """Scores the rows of one (old_doc, new_doc) pair; returns per-row results and findings."""
    olds = [Side(r, "old") for r in rows if r["kind"] != "added"]
    news = [Side(r, "new") for r in rows if r["kind"] != "dropped"]
    old_of = {id(s.row): s for s in olds}
    new_of = {id(s.row): s for s in news}
    pair_rows = [r for r in rows if r["kind"] in PAIR_KINDS + ("unchanged",)]

    changes = report.get("changes", [])
    reported_pairs = [
        c
        for c in changes
        if c.get("kind") in REPORTED_PAIR_KINDS and c.get("old") and c.get("new")
    ]
    # The words of paired claims, from their text-changed entries, to tell apart two gold
    # figures of the same value.
    texts = {}
    for c in changes:
        if c.get("kind") == "text-changed":
            texts[c.get("topic")] = (c.get("old_text") or "", c.get("new_text") or "")
    dropped = []  # (figure, claim text)
    added = []
    for c in changes:
        kind = c.get("kind")
        old_text, new_text = texts.get(c.get("topic"), ("", ""))
        if kind == "figure-dropped" and c.get("old"):
            dropped.append((c["old"], old_text))
        elif kind == "claim-dropped":
            dropped.extend((f, c.get("old_text") or "") for f in c.get("figures") or [])
        elif kind == "figure-added" and c.get("new"):
            added.append((c["new"], new_text))
        elif kind == "claim-added":
            added.extend((f, c.get("new_text") or "") for f in c.get("figures") or [])

    matched = {}  # id(row) -> reported change
    kind_errors = []
    false_pairs = []
    unjudged = 0
    pending = []
    # Pass 1: reported pairs that are a gold pair (values and units on both sides).
    for c in reported_pairs:
        cands = [
            r
            for r in pair_rows
            if id(r) not in matched
            and fig_matches(old_of[id(r)], c["old"])
            and fig_matches(new_of[id(r)], c["new"])
        ]
        if not cands:
            pending.append(c)
            continue
        cands.sort(
            key=lambda r: -(
                quotes_match(r["old_quote"], c["old"].get("quote"))
                + quotes_match(r["new_quote"], c["new"].get("quote"))
            )
        )
        r = cands[0]
        matched[id(r)] = c
        want = {"changed": "figure-changed", "qualifier-changed": "qualifier-changed"}.get(
            r["kind"]
        )
        if c["kind"] != want:
            kind_errors.append(
                {
                    "series": r["series"],
                    "gold_kind": r["kind"],
                    "reported_kind": c["kind"],
                    "old": r["old_quote"],
                    "new": r["new_quote"],
                }
            )
    # Pass 2: the other reported pairs touch gold figures (false pairs) or none (unjudged).
    taken_old = {id(old_of[k]) for k in matched}
    taken_new = {id(new_of[k]) for k in matched}
    for c in pending:
        old_text, new_text = texts.get(c.get("topic"), ("", ""))
        o = resolve(olds, c["old"], taken_old, old_text)
        n = resolve(news, c["new"], taken_new, new_text)
        if o is None and n is None:
            unjudged += 1
            continue
        for s in (o, n):
            if s is not None:
                s.false_pairs.append(c)
        false_pairs.append(
            {
                "series": rows[0]["series"],
                "old_doc": rows[0]["old_doc"],
                "new_doc": rows[0]["new_doc"],
                "reported_kind": c["kind"],
                "reported_old": describe(c["old"]),
                "reported_new": describe(c["new"]),
                "reason": c.get("reason", ""),
                "gold_old": f"{o.row['kind']}: {o.quote}" if o else "",
                "gold_new": f"{n.row['kind']}: {n.quote}" if n else "",
            }
        )
    # Dropped and added figures, one gold figure each.
    for figs, sides in ((dropped, olds), (added, news)):
        taken = set()
        for f, text in figs:
            s = resolve(sides, f, taken, text)
            if s is not None and id(s) not in taken:
                taken.add(id(s))
                s.reported = True

    results = []
    for r in rows:
        o, n = old_of.get(id(r)), new_of.get(id(r))
        kind = r["kind"]
        miss = ""
        if kind in PAIR_KINDS:
            ok = id(r) in matched
            if not ok:
                if o.false_pairs or n.false_pairs:
                    miss = "pair missed: a side paired with another figure"
                elif o.reported and n.reported:
                    miss = "pair missed: reported dropped + added"
                elif o.reported or n.reported:
                    miss = "pair missed: one side reported dropped/added"
                else:
                    miss = "pair missed: not reported"
        elif kind == "unchanged":
            if o.false_pairs or n.false_pairs:
                miss = "unchanged: paired with another figure"
            elif o.reported or n.reported:
                miss = "unchanged: reported dropped/added"
            ok = not miss
        else:
            s = o if kind == "dropped" else n
            paired = bool(s.false_pairs)
            ok = s.reported and not paired
            if paired:
                miss = f"{kind}: paired with another figure"
            elif not s.reported:
                miss = f"{kind}: not reported"
        results.append({"row": r, "ok": ok, "miss": miss})
    return results, false_pairs, kind_errors, unjudged, len(reported_pairs)


def run_diff(binary, old, new, editions):
    out = subprocess.run(
        [binary, "diff", old, new, "--format", "json", "--editions", editions],
        capture_output=True,
        env={"NO_COLOR": "1", "PATH": os.environ.get("PATH", "")},
    )
    if out.returncode != 0:
        raise SystemExit(
            f"{binary} diff {old} {new} exited {out.returncode}: "
            f"{out.stderr.decode('utf-8', 'replace')}"
        )
    return json.loads(out.stdout)


def doc_path(shared, rel):
    return os.path.join(shared, rel) if rel.startswith("corpus/") else os.path.join(
        shared, "archive", rel
    )


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("binary")
    ap.add_argument(
        "--shared",
        default=os.environ.get("FACTDIFF_SHARED") or os.path.join(root, "..", "shared"),
    )
    ap.add_argument("--gold", default=os.path.join(root, "tests/gold/match/pairs.tsv"))
    ap.add_argument("--json", help="write the full result here")
    ap.add_argument("--quiet", action="store_true", help="print the summary only")
    args = ap.parse_args()

    with open(args.gold, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    groups = {}
    for r in rows:
        groups.setdefault((r["old_doc"], r["new_doc"]), []).append(r)

    results, false_pairs, kind_errors = [], [], []
    unjudged = reported = 0
    with tempfile.TemporaryDirectory() as editions:
        for (old, new), group in groups.items():
            report = run_diff(
                args.binary, doc_path(args.shared, old), doc_path(args.shared, new), editions
            )
            res, fp, ke, uj, rp = score_doc_pair(group, report)
            results += res
            false_pairs += fp
            kind_errors += ke
            unjudged += uj
            reported += rp

    summary = summarize(results, false_pairs, kind_errors, unjudged, reported, len(groups))
    print_table(summary, false_pairs, kind_errors, args.quiet)
    if args.json:
        misses = [
            {
                "series": x["row"]["series"],
                "kind": x["row"]["kind"],
                "old": x["row"]["old_quote"],
                "new": x["row"]["new_quote"],
                "class": x["row"]["class"],
                "miss": x["miss"],
            }
            for x in results
            if not x["ok"]
        ]
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(
                {
                    "summary": summary,
                    "false_pairs": false_pairs,
                    "kind_errors": kind_errors,
                    "misses": misses,
                },
                fh,
                indent=2,
                ensure_ascii=False,
            )
            fh.write("\n")


def ratio(a, b):
    return round(a / b, 4) if b else None


def summarize(results, false_pairs, kind_errors, unjudged, reported, doc_pairs):
    per_kind = {}
    for k in KINDS:
        sel = [x for x in results if x["row"]["kind"] == k]
        ok = sum(x["ok"] for x in sel)
        per_kind[k] = {"rows": len(sel), "correct": ok, "accuracy": ratio(ok, len(sel))}
    per_series = {}
    for x in results:
        s = per_series.setdefault(x["row"]["series"], {"rows": 0, "correct": 0})
        s["rows"] += 1
        s["correct"] += x["ok"]
    for s in per_series.values():
        s["accuracy"] = ratio(s["correct"], s["rows"])
    gold_pairs = per_kind["changed"]["rows"] + per_kind["qualifier-changed"]["rows"]
    found = per_kind["changed"]["correct"] + per_kind["qualifier-changed"]["correct"]
    correct_pairs = reported - unjudged - len(false_pairs)
    misses = {}
    for x in results:
        if not x["ok"]:
            misses[x["miss"]] = misses.get(x["miss"], 0) + 1
    total_ok = sum(x["ok"] for x in results)
    return {
        "doc_pairs": doc_pairs,
        "rows": len(results),
        "correct": total_ok,
        "accuracy": ratio(total_ok, len(results)),
        "per_kind": per_kind,
        "per_series": per_series,
        "pair_recall": ratio(found, gold_pairs),
        "pair_precision": ratio(correct_pairs, correct_pairs + len(false_pairs)),
        "reported_pairs": reported,
        "correct_pairs": correct_pairs,
        "false_pairs": len(false_pairs),
        "unjudged_pairs": unjudged,
        "kind_errors": len(kind_errors),
        "miss_categories": dict(sorted(misses.items(), key=lambda kv: -kv[1])),
    }


def fmt(x):
    return "-" if x is None else f"{x:.3f}"


def print_table(s, false_pairs, kind_errors, quiet):
    print(f"gold match: {s['rows']} rows over {s['doc_pairs']} edition pairs")
    print(f"  {'kind':<18} {'rows':>5} {'correct':>8} {'accuracy':>9}")
    for k, v in s["per_kind"].items():
        print(f"  {k:<18} {v['rows']:>5} {v['correct']:>8} {fmt(v['accuracy']):>9}")
    print(f"  {'overall':<18} {s['rows']:>5} {s['correct']:>8} {fmt(s['accuracy']):>9}")
    print(f"  {'series':<18} {'rows':>5} {'correct':>8} {'accuracy':>9}")
    for k, v in s["per_series"].items():
        print(f"  {k:<18} {v['rows']:>5} {v['correct']:>8} {fmt(v['accuracy']):>9}")
    print(
        f"  pair recall {fmt(s['pair_recall'])}  pair precision {fmt(s['pair_precision'])}  "
        f"reported pairs {s['reported_pairs']} (correct {s['correct_pairs']}, false "
        f"{s['false_pairs']}, unjudged {s['unjudged_pairs']})  kind errors {s['kind_errors']}"
    )
    print("  misses:")
    for k, v in s["miss_categories"].items():
        print(f"    {v:>4}  {k}")
    if quiet:
        return
    print("  false pairs:")
    for f in false_pairs:
        print(
            f"    [{f['series']}] {f['reported_old']} -> {f['reported_new']}"
            f"  (gold old {f['gold_old'] or '-'}; gold new {f['gold_new'] or '-'}; "
            f"{f['reason']})"
        )
    if kind_errors:
        print("  kind errors:")
        for k in kind_errors:
            print(
                f"    [{k['series']}] {k['old']} -> {k['new']}: gold {k['gold_kind']}, "
                f"reported {k['reported_kind']}"
            )


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())
