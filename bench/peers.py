#!/usr/bin/env python3
"""Peer engines for bench/compare.sh: SQLite FTS5, Xapian, plain-text extraction for ripgrep,
and a whole-process timer. Stdlib only (xapian from Debian's python3-xapian: run those
subcommands with /usr/bin/python3).

  peers.py extract   CORPUS OUT.txt [DOCS_DIR]       one doc per line: id<TAB>title body;
                                                     DOCS_DIR: also one .txt file per doc
  peers.py fts5-index   CORPUS DB.sqlite             unicode61 remove_diacritics 2, bm25 rank
  peers.py fts5-bench   DB QUERIES RUNS WARMUP       JSON p50/p90/p99 (top-10 ids, in-process)
  peers.py fts5-search  DB QUERY                     top-10 ids
  peers.py xapian-index CORPUS DIR                   TermGenerator, no stemmer, BM25 (default)
  peers.py xapian-bench DIR QUERIES RUNS WARMUP
  peers.py xapian-search DIR QUERY
  peers.py proc-time QUERIES RUNS WARMUP -- CMD...   whole-process wall time; '{q}' in CMD is
                                                     replaced by each query. JSON p50/p99.
All queries are "all words required" (AND), like newsfind's default.
"""
import gzip
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time


def read_corpus(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                r = json.loads(line)
            except ValueError:
                continue
            yield str(r.get("id") or ""), r.get("title") or "", r.get("body") or ""


def load_queries(path):
    with open(path, encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and not l.lstrip().startswith("#")]


def pct(sorted_vals, p):
    if not sorted_vals:
        return 0.0
    rank = round(p / 100.0 * (len(sorted_vals) - 1))
    return sorted_vals[min(rank, len(sorted_vals) - 1)]


def summary(engine, lat, n_queries, runs, total):
    lat.sort()
    return {
        "engine": engine,
        "queries": n_queries,
        "runs": runs,
        "p50_ms": pct(lat, 50),
        "p90_ms": pct(lat, 90),
        "p99_ms": pct(lat, 99),
        "max_ms": lat[-1] if lat else 0.0,
        "qps": len(lat) / total if total else 0.0,
    }


def timed(fn, queries, runs, warmup):
    for _ in range(warmup):
        for q in queries:
            fn(q)
    lat = []
    t0 = time.perf_counter()
    for _ in range(runs):
        for q in queries:
            t = time.perf_counter()
            fn(q)
            lat.append((time.perf_counter() - t) * 1e3)
    return lat, time.perf_counter() - t0


# ---------------------------------------------------------------- ripgrep text
def extract(corpus, out, per_doc_dir=None):
    """One doc per line in OUT; with PER_DOC_DIR also one file per doc (1000 per subfolder)."""
    ws = re.compile(r"\s+")
    n = 0
    if per_doc_dir:
        shutil.rmtree(per_doc_dir, ignore_errors=True)
    with open(out, "w", encoding="utf-8") as f:
        for i, t, b in read_corpus(corpus):
            text = f"{ws.sub(' ', t)} {ws.sub(' ', b)}"
            f.write(f"{i}\t{text}\n")
            if per_doc_dir:
                sub = os.path.join(per_doc_dir, "%04d" % (n // 1000))
                if n % 1000 == 0:
                    os.makedirs(sub, exist_ok=True)
                with open(os.path.join(sub, "%07d.txt" % n), "w", encoding="utf-8") as g:
                    g.write(f"{t}\n\n{b}\n")
            n += 1
    print(json.dumps({"docs": n, "bytes": os.path.getsize(out)}))


# ---------------------------------------------------------------- SQLite FTS5
def fts5_index(corpus, db):
    if os.path.exists(db):
        os.remove(db)
    t0 = time.perf_counter()
    c = sqlite3.connect(db)
    c.execute("PRAGMA journal_mode=OFF")
    c.execute("PRAGMA synchronous=OFF")
    c.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body,"
        " tokenize='unicode61 remove_diacritics 2')"
    )
    n = 0
    batch = []
    for row in read_corpus(corpus):
        batch.append(row)
        if len(batch) >= 5000:
            c.executemany("INSERT INTO docs VALUES (?,?,?)", batch)
            n += len(batch)
            batch = []
    c.executemany("INSERT INTO docs VALUES (?,?,?)", batch)
    n += len(batch)
    c.commit()
    c.execute("INSERT INTO docs(docs) VALUES('optimize')")
    c.commit()
    c.close()
    secs = time.perf_counter() - t0
    print(json.dumps({"docs": n, "secs": round(secs, 2), "bytes": os.path.getsize(db)}))


def fts5_query(q):
    # Quote every word: implicit AND, no FTS5 syntax surprises.
    words = [w for w in re.split(r"\W+", q) if w]
    return " ".join('"%s"' % w for w in words)


def fts5_open(db):
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    sql = "SELECT id FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10"

    def top10(q):
        return [r[0] for r in c.execute(sql, (fts5_query(q),))]

    return top10


# ---------------------------------------------------------------- Xapian
def xapian_index(corpus, d):
    import xapian

    shutil.rmtree(d, ignore_errors=True)
    t0 = time.perf_counter()
    db = xapian.WritableDatabase(d, xapian.DB_CREATE_OR_OVERWRITE)
    tg = xapian.TermGenerator()
    n = 0
    for i, t, b in read_corpus(corpus):
        doc = xapian.Document()
        tg.set_document(doc)
        tg.index_text(t)
        tg.increase_termpos()
        tg.index_text(b)
        doc.set_data(i)
        db.add_document(doc)
        n += 1
    db.commit()
    db.close()
    secs = time.perf_counter() - t0
    size = sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d))
    print(json.dumps({"docs": n, "secs": round(secs, 2), "bytes": size}))


def xapian_open(d):
    import xapian

    db = xapian.Database(d)
    qp = xapian.QueryParser()
    qp.set_database(db)
    qp.set_default_op(xapian.Query.OP_AND)
    enq = xapian.Enquire(db)

    def top10(q):
        enq.set_query(qp.parse_query(q))
        return [m.document.get_data().decode("utf-8", "replace") for m in enq.get_mset(0, 10)]

    return top10


# ---------------------------------------------------------------- whole process
def proc_time(queries, runs, warmup, cmd):
    def run(q):
        argv = [a.replace("{q}", q) for a in cmd]
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    lat, total = timed(run, queries, runs, warmup)
    return summary(os.path.basename(cmd[0]), lat, len(queries), runs, total)


def main(a):
    if not a:
        sys.exit(__doc__)
    cmd = a[0]
    if cmd == "extract":
        extract(a[1], a[2], a[3] if len(a) > 3 else None)
    elif cmd == "fts5-index":
        fts5_index(a[1], a[2])
    elif cmd == "xapian-index":
        xapian_index(a[1], a[2])
    elif cmd in ("fts5-bench", "xapian-bench"):
        fn = (fts5_open if cmd.startswith("fts5") else xapian_open)(a[1])
        qs = load_queries(a[2])
        runs, warmup = int(a[3]), int(a[4])
        lat, total = timed(fn, qs, runs, warmup)
        hits = sum(1 for q in qs if fn(q))
        s = summary(cmd.split("-")[0], lat, len(qs), runs, total)
        s["queries_with_hits"] = hits
        print(json.dumps(s))
    elif cmd in ("fts5-search", "xapian-search"):
        fn = (fts5_open if cmd.startswith("fts5") else xapian_open)(a[1])
        for i in fn(a[2]):
            print(i)
    elif cmd == "proc-time":
        qs = load_queries(a[1])
        runs, warmup = int(a[2]), int(a[3])
        rest = a[4:]
        if rest and rest[0] == "--":
            rest = rest[1:]
        print(json.dumps(proc_time(qs, runs, warmup, rest)))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
