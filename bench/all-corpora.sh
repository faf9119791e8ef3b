#!/usr/bin/env bash
# Whole-process time over ALL of ../shared/corpora indexed together (issue #5): one
# `newsfind search QUERY` process per query (top-10, human output with snippets) against
# ripgrep over the same title+body text, same run, same queries (bench/queries-vi.txt +
# bench/queries-en.txt), two ways: `rg -i -c -F QUERY plain.txt` (one article per line, rg's
# best case) and `rg -il -F QUERY plain-docs/` (one file per article: the folder a user greps).
#   bench/all-corpora.sh [CORPORA_DIR]       default ../shared/corpora
#   Environment: WORK (/tmp/newsfind-all), NEWSFIND (binary; default target/release/newsfind),
#                PROC_RUNS (3) timed passes after 1 warm-up; REUSE=1 keeps the index and text.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CORPORA="${1:-$ROOT/../shared/corpora}"
[[ -d "$CORPORA" ]] || { echo "all-corpora.sh: no corpora at $CORPORA" >&2; exit 1; }
WORK="${WORK:-/tmp/newsfind-all}"; RUNS="${PROC_RUNS:-3}"
NEWSFIND="${NEWSFIND:-$ROOT/target/release/newsfind}"
command -v rg >/dev/null || { echo "all-corpora.sh: ripgrep (rg) not found: apt-get install ripgrep" >&2; exit 1; }
mkdir -p "$WORK"
if [[ "${REUSE:-0}" != 1 || ! -d "$WORK/nf-index" ]]; then
  rm -rf "$WORK/nf-index"
  "$NEWSFIND" index "$CORPORA" --index "$WORK/nf-index" --json > "$WORK/index.json"
fi
if [[ "${REUSE:-0}" != 1 || ! -f "$WORK/plain.txt" || ! -d "$WORK/plain-docs" ]]; then
  : > "$WORK/plain.txt"
  rm -rf "$WORK/plain-docs"
  for c in "$CORPORA"/*/corpus.jsonl.gz; do
    name="$(basename "$(dirname "$c")")"
    python3 "$ROOT/bench/peers.py" extract "$c" "$WORK/part.txt" "$WORK/plain-docs/$name" > /dev/null
    cat "$WORK/part.txt" >> "$WORK/plain.txt"
  done
  rm -f "$WORK/part.txt"
fi
grep -hv '^\s*\(#\|$\)' "$ROOT/bench/queries-vi.txt" "$ROOT/bench/queries-en.txt" > "$WORK/queries.txt"
cat "$WORK/plain.txt" > /dev/null            # warm the page cache for rg too
find "$WORK/plain-docs" -type f -exec cat {} + > /dev/null
PT=(python3 "$ROOT/bench/peers.py" proc-time "$WORK/queries.txt" "$RUNS" 1 --)
"${PT[@]}" "$NEWSFIND" search '{q}' --index "$WORK/nf-index" --limit 10 --color never > "$WORK/proc-newsfind.json"
"${PT[@]}" rg -i -c -F '{q}' "$WORK/plain.txt" > "$WORK/proc-rg.json"
"${PT[@]}" rg -il -F '{q}' "$WORK/plain-docs" > "$WORK/proc-rg-il.json"
python3 - "$WORK" <<'PY'
import json, os, sys
w = sys.argv[1]
nf, rg, rgd = (json.load(open(f"{w}/proc-{e}.json")) for e in ("newsfind", "rg", "rg-il"))
rgd["engine"] = "rg -il (one file per article)"
rg["engine"] = "rg -c (one article per line)"
docs = json.load(open(f"{w}/index.json")).get("docs_total", "?") if os.path.exists(f"{w}/index.json") else "?"
mb = os.path.getsize(f"{w}/plain.txt") / 1e6
print(f"all corpora: {docs} articles, {mb:.0f} MB of text; {nf['queries']} queries x {nf['runs']} runs, one process each")
print("| engine | p50 ms | p90 ms | p99 ms |")
print("|---|---:|---:|---:|")
for e in (nf, rg, rgd):
    print(f"| {e['engine']} | {e['p50_ms']:.2f} | {e['p90_ms']:.2f} | {e['p99_ms']:.2f} |")
print(f"rg / newsfind at p50: {rg['p50_ms'] / nf['p50_ms']:.1f}x one article per line, "
      f"{rgd['p50_ms'] / nf['p50_ms']:.1f}x one file per article (target >= 50x); newsfind p50 target <= 5 ms")
PY
