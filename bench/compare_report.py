#!/usr/bin/env python3
"""Print the Markdown tables of bench/compare.sh from its results folder.
   compare_report.py RESULTS_DIR CORPUS QUERIES"""
import json
import os
import platform
import subprocess
import sys
import time

out, corpus, queries = sys.argv[1:4]


def load(name):
    p = os.path.join(out, name)
    if not os.path.exists(p):
        return None
    with open(p) as f:
        return json.load(f)


def load_time(name):
    p = os.path.join(out, f"index-{name}.time")
    if not os.path.exists(p):
        return None, None
    secs, kb = open(p).read().split()[-2:]
    return float(secs), int(kb) / 1024


def du(path):
    try:
        return int(subprocess.run(["du", "-sb", path], capture_output=True, text=True).stdout.split()[0])
    except Exception:
        return None


def f(x, d=2):
    return "–" if x is None else f"{x:.{d}f}"


def ratio(a, b):
    return "–" if a is None or not b else f"{a / b:.2f}×"


cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print(f"### {os.path.basename(os.path.dirname(corpus))} — {time.strftime('%Y-%m-%d %H:%M')}\n")
print(f"corpus `{corpus}`, queries `{queries}`; {os.cpu_count()} CPUs ({cpu}), {platform.platform()}\n")
work = os.path.dirname(out)

# index build
print("| engine | index time s | peak RSS MB | index size MB |")
print("|---|---:|---:|---:|")
for name, path in [("newsfind", "nf-index"), ("bare-tantivy", "bare-index"), ("fts5", "fts5.sqlite"), ("xapian", "xapian")]:
    secs, rss = load_time(name)
    if secs is None:
        continue
    size = du(os.path.join(work, path))
    print(f"| {name} | {f(secs, 1)} | {f(rss, 0)} | {f(size / 1e6 if size else None, 1)} |")
print()

nf = load("inproc-newsfind.json")
rows = {r["name"]: r for r in nf["rows"]} if nf else {}
nf_all = rows.get("all (search + snippets)")
nf_search = rows.get("search only")
print(f"In-process, single thread, top-10, {nf['runs'] if nf else '?'} runs × {nf['queries'] if nf else '?'} queries (ms; ratio = newsfind / peer, < 1 = newsfind faster)\n")
print("| engine | p50 | p99 | nf search-only / peer p50 | p99 | nf with snippets / peer p50 | p99 |")
print("|---|---:|---:|---:|---:|---:|---:|")
if nf_search:
    print(f"| newsfind search only | {f(nf_search['p50_ms'], 3)} | {f(nf_search['p99_ms'], 3)} | | | | |")
if nf_all:
    print(f"| newsfind search + snippets | {f(nf_all['p50_ms'], 3)} | {f(nf_all['p99_ms'], 3)} | | | | |")
for peer, label in [("bare-tantivy", "bare tantivy (top-10 + stored id)"), ("fts5", "SQLite FTS5 (python3 sqlite3)"), ("xapian", "Xapian (python3-xapian)")]:
    p = load(f"inproc-{peer}.json")
    if not p:
        print(f"| {label} | skipped | | | | | |")
        continue
    print(
        f"| {label} | {f(p['p50_ms'], 3)} | {f(p['p99_ms'], 3)} | "
        f"{ratio(nf_search and nf_search['p50_ms'], p['p50_ms'])} | {ratio(nf_search and nf_search['p99_ms'], p['p99_ms'])} | "
        f"{ratio(nf_all and nf_all['p50_ms'], p['p50_ms'])} | {ratio(nf_all and nf_all['p99_ms'], p['p99_ms'])} |"
    )
print()

pn = load("proc-newsfind.json")
print("Whole process (one process per query, wall time incl. start-up, ms; ratio = newsfind / peer)\n")
print("| command | p50 | p99 | newsfind / peer p50 | p99 |")
print("|---|---:|---:|---:|---:|")
if pn:
    print(f"| `newsfind search Q --limit 10` (with snippets) | {f(pn['p50_ms'])} | {f(pn['p99_ms'])} | | |")
for name, label in [
    ("bare-tantivy", "`bare-tantivy search` (ids only)"),
    ("rg-c", "`rg -i -c -F Q plain.txt` (one doc per line)"),
    ("rg-il", "`rg -il -F Q plain-docs/` (one file per doc)"),
    ("fts5", "`python3 peers.py fts5-search` (incl. Python start-up)"),
    ("xapian", "`/usr/bin/python3 peers.py xapian-search` (incl. Python start-up)"),
]:
    p = load(f"proc-{name}.json")
    if not p:
        print(f"| {label} | skipped | | | |")
        continue
    print(f"| {label} | {f(p['p50_ms'])} | {f(p['p99_ms'])} | {ratio(pn and pn['p50_ms'], p['p50_ms'])} | {ratio(pn and pn['p99_ms'], p['p99_ms'])} |")
skipped = os.path.join(out, "skipped.txt")
if os.path.exists(skipped):
    print("\n" + open(skipped).read())
