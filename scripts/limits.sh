#!/usr/bin/env bash
# The measurements behind docs/limits.md: generated pulls at the input limits, a batch of large
# pulls, histories of many unpaired figures and of the archive forced into one series. Peak
# memory and time of each run with /usr/bin/time; outputs go to /dev/null.
#
#   bash scripts/limits.sh BIN [ARCHIVE_DIR] [WORK_DIR]
#
# WORK_DIR (default: a temporary folder under /dev/shm) needs about 1.5 GB. ARCHIVE_DIR (default
# ../shared/archive/fact-sheets) is stored as one series for the history runs; skipped when absent.
set -euo pipefail
BIN="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
ARCHIVE="${2:-$(cd "$(dirname "$0")/.." && pwd)/../shared/archive/fact-sheets}"
WORK="${3:-$(mktemp -d /dev/shm/factdiff-limits.XXXXXX)}"
mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

echo "# $(date -u +%FT%TZ) $(uptime)"
echo "# $BIN"

python3 - <<'PY'
import datetime
MiB = 1 << 20
HEAD = "# FACT SHEET: Limits\n\nMarch 14, 2023\n\n"

def write(name, lines, limit=None, head=HEAD, tail=""):
    with open(name, "w") as f:
        f.write(head)
        n = len(head)
        for line in lines:
            if limit is not None and n + len(line) + len(tail) > limit:
                break
            f.write(line)
            n += len(line)
        f.write(tail)

def forever(fmt):
    i = 0
    while True:
        yield fmt(i)
        i += 1

def heading(i):
    return f"- **Heading Number {i}:** The agency said it hired more than {i} inspectors and spent $ {i} million.\n"

def b67(i):
    s = f"- The agency said it hired more than {i} inspectors in the region."
    return s.ljust(66, ".") + "\n"

write("heading-0.8.md", forever(heading), 800_000)
write("heading-9.6.md", forever(heading), 9_600_000)
write("heading-49.md", forever(heading), 49_000_000)
write("short-max.md", (f"- Over {i} jobs.\n" for i in range(999_990)))
write("b67-max.md", (b67(i) for i in range(999_990)), 64 * MiB)
write("a-max.md", ("- a\n" for _ in range(999_990)))
write("figures-max.md", ("- " + ", ".join(f"{i * 40 + k} jobs" for k in range(40)) + ".\n" for i in range(24_975)))
write("p-max.html", ("<p>x</p>" for _ in range(999_000)),
      head="<html><body><article><h1>FACT SHEET: Limits</h1><p>March 14, 2023</p>\n",
      tail="</article></body></html>\n")
write("short-64.md", forever(lambda i: f"- Over {i} jobs.\n"), 64 * MiB)
write("a-64.md", forever(lambda i: "- a\n"), 64 * MiB)
write("b67-64.md", forever(b67), 64 * MiB)
write("p-64.html", forever(lambda i: "<p>x</p>\n"), 64 * MiB,
      head="<html><body><article><h1>FACT SHEET: Limits</h1><p>March 14, 2023</p>\n")
write("blank-64.md", ["- Over 5 jobs.\n", "\n" * (64 * MiB - 200), "- Over 7 jobs were created.\n"])

import os
os.makedirs("batch", exist_ok=True)
for k in range(8):
    write(f"batch/p{k}.md", forever(lambda i: f"- Over {i} jobs.\n"), 8_000_000,
          head=f"# FACT SHEET: Batch {k}\n\nMarch {k + 1}, 2023\n\n")

# Histories: 40 editions of 2,000 figures that pair with nothing. `plain`: claims without
# text; `words`: each claim a sentence of its own words (the alignment compares claims by them).
def word(n):
    w = "w"
    while True:
        w += chr(ord("b") + n % 20)
        n //= 20
        if n == 0:
            return w

for kind in ("plain", "words"):
    os.makedirs(f"unpaired-{kind}/s", exist_ok=True)
    for e in range(40):
        d = datetime.date(2020, 1, 1) + datetime.timedelta(days=30 * e)
        out = [f'schema = 1\n\n[edition]\ntitle = "Unpaired"\ndate = {d}\n\n']
        for i in range(2000):
            m, v = f"m{e}x{i}", e * 100000 + i
            text = ""
            if kind == "words":
                own = [word((e * 2000 + i) * 8 + k) for k in range(8)]
                text = f'text = "The agency said {" ".join(own[:4])} in the region hired {v} {m} for {" ".join(own[4:])}."\n'
            out.append(f'[[claims]]\ntopic = "t{e}x{i}"\n{text}\n[[claims.figures]]\nmeasure = "{m}"\n'
                       f'value = "{v}"\nunit = "count"\nqualifier = "exact"\nquote = "{v} {m}"\n\n')
        with open(f"unpaired-{kind}/s/{d}.toml", "w") as f:
            f.write("".join(out))
PY

measure() { # label, command...
    local label="$1"
    shift
    /usr/bin/time -f "%e s (%U s user), %M KB, exit %x" -o time.txt "$@" >/dev/null 2>err.txt || true
    printf '%-58s %s\n' "$label" "$(cat time.txt | tail -1)"
}

echo "## one pull"
for f in heading-0.8.md heading-9.6.md heading-49.md short-max.md b67-max.md a-max.md \
    figures-max.md p-max.html short-64.md a-64.md b67-64.md p-64.html blank-64.md; do
    size=$(stat -c %s "$f")
    measure "extract $f ($size bytes)" "$BIN" extract "$f"
    measure "extract --format json $f" "$BIN" extract --format json "$f"
    rm -rf st
    measure "add $f" "$BIN" add --quiet --editions st "$f"
done
rm -rf st

echo "## a batch: 8 pulls of 8 MB"
measure "add batch/*.md" "$BIN" add --quiet --editions st batch/p0.md batch/p1.md batch/p2.md \
    batch/p3.md batch/p4.md batch/p5.md batch/p6.md batch/p7.md
rm -rf st

echo "## history: 40 editions x 2,000 unpaired figures"
for kind in plain words; do
    for fmt in json text; do
        measure "history --all --format $fmt ($kind)" "$BIN" --editions "unpaired-$kind" history --all --format "$fmt"
    done
done

if [ -d "$ARCHIVE" ]; then
    echo "## history: the archive forced into one series"
    measure "add --series all ARCHIVE" "$BIN" add --quiet --series all --editions arch "$ARCHIVE"
    echo "editions stored: $(ls arch/all/*.toml | wc -l)"
    for fmt in json text markdown; do
        measure "history --all --format $fmt" "$BIN" --editions arch history --all --format "$fmt"
    done
    measure "history (default: figures seen twice or more)" "$BIN" --editions arch history
fi
echo "# $(uptime)"
