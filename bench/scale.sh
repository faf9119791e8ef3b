#!/usr/bin/env bash
# Scale curve: generate N synthetic articles (bench/gen_corpus.py, seeded), index them with
# newsfind, and measure index time, docs/s, MB/s, peak RSS, index size and query p50/p99 per class.
#   bench/scale.sh [N...]            default: 10000 100000   (1000000 takes ~30 min on 2 cores)
#   Environment: SEED (1), WORK (/tmp/newsfind-scale), NEWSFIND (binary; default target/release),
#                QUERIES (bench/queries-scale-vi.txt), RUNS (5), REPORT_ONLY=1 (re-print tables)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SEED="${SEED:-1}"; WORK="${WORK:-/tmp/newsfind-scale}"; RUNS="${RUNS:-5}"
QUERIES="${QUERIES:-$ROOT/bench/queries-scale-vi.txt}"
NEWSFIND="${NEWSFIND:-$ROOT/target/release/newsfind}"
mkdir -p "$WORK"
[[ $# -gt 0 ]] || set -- 10000 100000
for N in "$@"; do
  [[ "${REPORT_ONLY:-0}" == 1 ]] && continue   # just re-print the table from $WORK
  C="$WORK/scale-$N-seed$SEED.jsonl.gz"
  [[ -f "$C" ]] || python3 "$ROOT/bench/gen_corpus.py" --n "$N" --seed "$SEED" --out "$C"
  rm -rf "$WORK/idx-$N"
  /usr/bin/time -f '%e %M' -o "$WORK/index-$N.time" \
    "$NEWSFIND" index "$C" --index "$WORK/idx-$N" --json > "$WORK/index-$N.json"
  "$NEWSFIND" bench --index "$WORK/idx-$N" --queries "$QUERIES" --runs "$RUNS" --warmup 1 --json > "$WORK/bench-$N.json"
done
python3 - "$WORK" "$@" <<'PY'
import json, os, sys, gzip
work, ns = sys.argv[1], sys.argv[2:]
print("| articles | corpus MB (gz / text) | index s | docs/s | MB/s (text) | peak RSS MB | index MB | all p50 | all p99 | search-only p50 | search-only p99 |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for n in ns:
    ix = json.load(open(f"{work}/index-{n}.json")); b = json.load(open(f"{work}/bench-{n}.json"))
    secs, kb = open(f"{work}/index-{n}.time").read().split()[-2:]
    c = [p for p in os.listdir(work) if p.startswith(f"scale-{n}-")][0]
    gz = os.path.getsize(f"{work}/{c}") / 1e6
    text = sum(len(l) for l in gzip.open(f"{work}/{c}", "rb")) / 1e6
    rows = {r["name"]: r for r in b["rows"]}
    a, s = rows["all (search + snippets)"], rows["search only"]
    print(f"| {int(n):,} | {gz:.0f} / {text:.0f} | {ix['seconds']:.1f} | {ix['docs_per_sec']:.0f} | {text / ix['seconds']:.2f} | "
          f"{max(ix.get('peak_rss_mb', 0), int(kb) / 1024):.0f} | {ix['index_bytes'] / 1e6:.0f} | {a['p50_ms']:.2f} | {a['p99_ms']:.2f} | {s['p50_ms']:.2f} | {s['p99_ms']:.2f} |")
print()
print("Per class (ms):\n")
for n in ns:
    b = json.load(open(f"{work}/bench-{n}.json"))
    print(f"- {int(n):,}: " + "; ".join(f"{r['name']} p50 {r['p50_ms']:.2f} / p99 {r['p99_ms']:.2f}" for r in b["rows"] if r["name"].startswith("class")))
PY
