#!/usr/bin/env bash
# Side-by-side: newsfind vs bare tantivy, SQLite FTS5, Xapian and ripgrep on one corpus and one
# query file, same run, same machine. Prints absolute times and the ratio newsfind/peer
# (< 1 means newsfind is faster). See benches/README.md.
#
#   bench/compare.sh [CORPUS_DIR] [QUERY_FILE]
#     CORPUS_DIR  folder holding corpus.jsonl.gz, or a .jsonl[.gz] file
#                 (default ../shared/corpora/vi-baomoi, relative to the repo root)
#     QUERY_FILE  one query per line, # comments (default bench/queries-vi.txt, or
#                 bench/queries-en.txt when the corpus name looks English: reuters/time/scifact)
#   Environment: RUNS (5) WARMUP (1) in-process passes; PROC_RUNS (3) whole-process passes;
#     WORK (/tmp/newsfind-compare/<corpus>) scratch dir for indexes; NEWSFIND (binary to use,
#     default: cargo build --release, copied to $WORK); REUSE=1 keeps existing peer indexes;
#     NO_INSTALL=1 never calls apt-get.
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH="$ROOT/bench"
CORPUS_ARG="${1:-$ROOT/../shared/corpora/vi-baomoi}"
if [[ -d "$CORPUS_ARG" ]]; then CORPUS="$CORPUS_ARG/corpus.jsonl.gz"; else CORPUS="$CORPUS_ARG"; fi
[[ -f "$CORPUS" ]] || { echo "compare.sh: no corpus at $CORPUS" >&2; exit 1; }
CORPUS="$(cd "$(dirname "$CORPUS")" && pwd)/$(basename "$CORPUS")"
NAME="$(basename "$(dirname "$CORPUS")")"
case "$NAME" in *reuters*|time|scifact) DEFQ="$BENCH/queries-en.txt" ;; *) DEFQ="$BENCH/queries-vi.txt" ;; esac
QUERIES="$(cd "$(dirname "${2:-$DEFQ}")" && pwd)/$(basename "${2:-$DEFQ}")"
RUNS="${RUNS:-5}"; WARMUP="${WARMUP:-1}"; PROC_RUNS="${PROC_RUNS:-3}"
WORK="${WORK:-/tmp/newsfind-compare/$NAME}"
OUT="$WORK/results"
mkdir -p "$OUT"
PY=python3                 # stdlib sqlite3 (FTS5)
SYSPY=/usr/bin/python3     # Debian's python: python3-xapian installs only there
log() { printf '\n== %s\n' "$*" >&2; }
skip() { echo "SKIP $1: $2" | tee -a "$OUT/skipped.txt" >&2; }
rm -f "$OUT"/*.json "$OUT/skipped.txt"

# ---------------------------------------------------------------- peers: install if missing
APT_UPDATED=0
apt_install() {  # apt_install PKG...
  [[ "${NO_INSTALL:-0}" == 1 ]] && return 1
  command -v apt-get >/dev/null || return 1
  local sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo -n"
  if [[ $APT_UPDATED == 0 ]]; then $sudo apt-get update -qq >&2 || true; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >&2
}
HAVE_RG=1; HAVE_XAPIAN=1; HAVE_FTS5=1; HAVE_BARE=1
command -v rg >/dev/null || apt_install ripgrep || true
command -v rg >/dev/null || { HAVE_RG=0; skip ripgrep "rg not found and 'apt-get install ripgrep' failed"; }
$SYSPY -c 'import xapian' 2>/dev/null || apt_install python3-xapian || true
$SYSPY -c 'import xapian' 2>/dev/null || { HAVE_XAPIAN=0; skip xapian "$SYSPY cannot import xapian and 'apt-get install python3-xapian' failed"; }
$PY -c 'import sqlite3; sqlite3.connect(":memory:").execute("create virtual table t using fts5(x)")' 2>/dev/null \
  || { HAVE_FTS5=0; skip sqlite-fts5 "$PY's sqlite3 has no FTS5"; }

log "building newsfind and bare-tantivy (release)"
if [[ -z "${NEWSFIND:-}" ]]; then
  (cd "$ROOT" && cargo build --release -q) || { echo "cargo build of newsfind failed" >&2; exit 1; }
  cp "$ROOT/target/release/newsfind" "$WORK/newsfind"; NEWSFIND="$WORK/newsfind"
fi
BARE_TARGET="${BARE_TARGET:-/tmp/bare-tantivy-target}"
if CARGO_TARGET_DIR="$BARE_TARGET" cargo build --release -q --manifest-path "$BENCH/bare-tantivy/Cargo.toml"; then
  cp "$BARE_TARGET/release/bare-tantivy" "$WORK/bare-tantivy"; BARE="$WORK/bare-tantivy"
else HAVE_BARE=0; skip bare-tantivy "cargo build failed (needs crates.io or a warm cargo cache)"; fi

# ---------------------------------------------------------------- indexes (same title+body text)
timeit() {  # timeit NAME CMD... : wall seconds + peak RSS into $OUT/index-NAME.time
  /usr/bin/time -f '%e %M' -o "$OUT/index-$1.time" "${@:2}"
}
log "indexing $CORPUS with newsfind"
rm -rf "$WORK/nf-index"
timeit newsfind "$NEWSFIND" index "$CORPUS" --index "$WORK/nf-index" --json > "$OUT/index-newsfind.json" \
  || { echo "newsfind index failed" >&2; exit 1; }
if [[ $HAVE_BARE == 1 ]]; then
  log "indexing with bare tantivy"
  [[ "${REUSE:-0}" == 1 && -d "$WORK/bare-index" ]] || timeit bare-tantivy "$BARE" index "$CORPUS" "$WORK/bare-index" > "$OUT/index-bare-tantivy.json"
fi
if [[ $HAVE_FTS5 == 1 ]]; then
  log "indexing with SQLite FTS5"
  [[ "${REUSE:-0}" == 1 && -f "$WORK/fts5.sqlite" ]] || timeit fts5 $PY "$BENCH/peers.py" fts5-index "$CORPUS" "$WORK/fts5.sqlite" > "$OUT/index-fts5.json" \
    || { HAVE_FTS5=0; skip sqlite-fts5 "indexing failed"; }
fi
if [[ $HAVE_XAPIAN == 1 ]]; then
  log "indexing with Xapian"
  [[ "${REUSE:-0}" == 1 && -d "$WORK/xapian" ]] || timeit xapian $SYSPY "$BENCH/peers.py" xapian-index "$CORPUS" "$WORK/xapian" > "$OUT/index-xapian.json" \
    || { HAVE_XAPIAN=0; skip xapian "indexing failed"; }
fi
if [[ $HAVE_RG == 1 ]]; then
  log "extracting plain text for ripgrep (one doc per line + one file per doc)"
  [[ "${REUSE:-0}" == 1 && -f "$WORK/plain.txt" ]] || $PY "$BENCH/peers.py" extract "$CORPUS" "$WORK/plain.txt" "$WORK/plain-docs" > /dev/null
fi

# ---------------------------------------------------------------- warm the page cache
log "warming the page cache"
find "$WORK" -type f -not -path '*/results/*' -exec cat {} + > /dev/null 2>&1 || true

# ---------------------------------------------------------------- in-process, single thread, top-10
log "in-process latency: $RUNS runs after $WARMUP warm-up over $(grep -cv '^\s*\(#\|$\)' "$QUERIES") queries"
"$NEWSFIND" bench --index "$WORK/nf-index" --queries "$QUERIES" --runs "$RUNS" --warmup "$WARMUP" --limit 10 --json > "$OUT/inproc-newsfind.json"
[[ $HAVE_BARE == 1 ]] && "$BARE" bench "$WORK/bare-index" "$QUERIES" "$RUNS" "$WARMUP" > "$OUT/inproc-bare-tantivy.json"
[[ $HAVE_FTS5 == 1 ]] && $PY "$BENCH/peers.py" fts5-bench "$WORK/fts5.sqlite" "$QUERIES" "$RUNS" "$WARMUP" > "$OUT/inproc-fts5.json"
[[ $HAVE_XAPIAN == 1 ]] && $SYSPY "$BENCH/peers.py" xapian-bench "$WORK/xapian" "$QUERIES" "$RUNS" "$WARMUP" > "$OUT/inproc-xapian.json"

# ---------------------------------------------------------------- whole process (one process per query)
log "whole-process time: $PROC_RUNS runs after 1 warm-up, one process per query"
PT=("$PY" "$BENCH/peers.py" proc-time "$QUERIES" "$PROC_RUNS" 1 --)
"${PT[@]}" "$NEWSFIND" search '{q}' --index "$WORK/nf-index" --limit 10 --color never > "$OUT/proc-newsfind.json"
[[ $HAVE_BARE == 1 ]] && "${PT[@]}" "$BARE" search "$WORK/bare-index" '{q}' > "$OUT/proc-bare-tantivy.json"
[[ $HAVE_RG == 1 ]] && "${PT[@]}" rg -i -c -F '{q}' "$WORK/plain.txt" > "$OUT/proc-rg-c.json"
[[ $HAVE_RG == 1 ]] && "${PT[@]}" rg -il -F '{q}' "$WORK/plain-docs" > "$OUT/proc-rg-il.json"
[[ $HAVE_FTS5 == 1 ]] && "${PT[@]}" $PY "$BENCH/peers.py" fts5-search "$WORK/fts5.sqlite" '{q}' > "$OUT/proc-fts5.json"
[[ $HAVE_XAPIAN == 1 ]] && "${PT[@]}" $SYSPY "$BENCH/peers.py" xapian-search "$WORK/xapian" '{q}' > "$OUT/proc-xapian.json"

# ---------------------------------------------------------------- report
$PY "$BENCH/compare_report.py" "$OUT" "$CORPUS" "$QUERIES" | tee "$OUT/report.md"
