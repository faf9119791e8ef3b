#!/usr/bin/env python3
"""Deterministic (seeded) scale-corpus generator for newsfind benchmarks.

  python3 bench/gen_corpus.py --n 100000 --seed 1 --out /tmp/scale-100k.jsonl.gz

Writes N synthetic news articles as JSON Lines (gzipped when OUT ends in .gz), one record per
line shaped like ../shared/corpora: {"id","title","body","date","url","source","lang"}.

What is learned from real text (seeds/*.txt and, when present, ../shared/corpora/vi-baomoi and
vi-vietnam-news; --lang en uses reuters21578 instead) — only statistics, no article is copied:
  * a word bigram model (Zipfian vocabulary and local co-occurrence come from it),
  * sentence length, title length and article length (sentences per body) distributions.
Sentences are generated in topic chains (each sentence starts from a word of the previous one),
and an article takes a run of sentences from one chain, so its words co-occur like a story's.
Sprinkled as real articles have them: dates 2015-01-01..2026-12-31 (in metadata and sometimes
"ngày d/m/yyyy" in text), provinces from data/provinces.tsv (Vietnamese diacritics), person
names from Vietnamese family + middle + given names, organisations, and a source credit.
Same --seed and same inputs ⇒ byte-identical output. Streams: memory does not grow with N.
"""
import argparse
import bisect
import datetime
import glob
import gzip
import io
import json
import os
import random
import re
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared", "corpora")
FAMILY = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Đoàn Lương".split()
FAMILY_W = [38, 11, 9.5, 7, 5, 4, 4.5, 3.9, 3, 2.1, 2, 1.4, 1.3, 1.3, 1, 0.5, 0.8, 0.6, 0.5, 0.5]
MIDDLE = "Văn Thị Minh Đức Hữu Quang Thanh Ngọc Hoàng Xuân Công Đình Kim Thu Bảo".split()
GIVEN = ("An Anh Bình Chi Cường Dũng Dung Giang Hà Hải Hạnh Hiếu Hòa Hùng Hương Huy Khánh Lan Linh "
         "Long Mai Minh Nam Nga Ngọc Nhung Phong Phúc Phương Quân Quang Sơn Tâm Thắng Thảo Thành "
         "Trang Trung Tuấn Tùng Uyên Vân Việt Vinh Yến Hằng Thủy Đạt Khoa").split()
ORGS = ["Bộ Y tế", "Bộ Công Thương", "Bộ Tài chính", "Bộ Giáo dục và Đào tạo", "Ngân hàng Nhà nước",
        "Tổng cục Thống kê", "UBND tỉnh", "Sở Giao thông vận tải", "Công an tỉnh", "Tập đoàn Điện lực Việt Nam",
        "Vietcombank", "Vingroup", "Viettel", "Vinamilk", "Quốc hội", "Chính phủ"]
SOURCES = ["baomoi.com", "vnexpress.net", "dantri.com.vn", "tuoitre.vn", "thanhnien.vn", "vietnamnet.vn", "vtv.vn"]
WORD = re.compile(r"[^\W_]+(?:[.,][0-9]+)*|[.,;:!?]", re.UNICODE)
SENT_END = {".", "!", "?"}


def corpus_texts(paths, cap):
    n = 0
    for p in paths:
        if not os.path.exists(p):
            continue
        with gzip.open(p, "rt", encoding="utf-8") as f:
            for line in f:
                try:
                    r = json.loads(line)
                except ValueError:
                    continue
                yield r.get("title") or "", r.get("body") or ""
                n += 1
                if n >= cap:
                    return


def learn(lang, cap):
    seeds = []
    for p in sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt"))):
        with open(p, encoding="utf-8") as f:
            t = f.read()
            seeds.append((t.split("\n", 1)[0], t))
    names = ["reuters21578"] if lang == "en" else ["vi-baomoi", "vi-vietnam-news"]
    paths = [os.path.join(SHARED, n, "corpus.jsonl.gz") for n in names]
    succ = {}          # word -> list of successors (repeats = weights)
    starts = []        # sentence-initial words
    sent_lens, title_lens, art_sents = [], [], []
    docs = 0
    for title, body in list(corpus_texts(paths, cap)) + seeds:
        toks = WORD.findall(body)
        if len(toks) < 5:
            continue
        docs += 1
        title_lens.append(max(3, len(WORD.findall(title))))
        prev, n_sent, cur = None, 0, 0
        for t in toks:
            w = t if t in SENT_END or t in ",;:" else t.lower() if not t[:1].isupper() or prev is None or prev in SENT_END else t
            if prev is None or prev in SENT_END:
                if w not in SENT_END:
                    starts.append(w)
            else:
                succ.setdefault(prev, []).append(w)
            cur += 1
            if w in SENT_END:
                n_sent += 1
                sent_lens.append(cur)
                cur = 0
            prev = w
        art_sents.append(max(1, n_sent))
    if docs == 0:
        sys.exit("gen_corpus.py: no training text (seeds/ and ../shared/corpora missing)")
    # Cap successor lists (keeps memory small, keeps the Zipfian shape as a sample).
    rnd = random.Random(0)
    for k, v in succ.items():
        if len(v) > 400:
            succ[k] = rnd.sample(v, 400)
    return succ, starts, sorted(sent_lens), sorted(title_lens), sorted(art_sents), docs


def provinces():
    out = []
    p = os.path.join(ROOT, "data", "provinces.tsv")
    if os.path.exists(p):
        with open(p, encoding="utf-8") as f:
            next(f)
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) > 1 and cols[1]:
                    out.append(cols[1])
    return out or ["Hà Nội", "Đà Nẵng", "Thành phố Hồ Chí Minh"]


class Gen:
    def __init__(self, model, rnd, lang):
        self.succ, self.starts, self.sent_lens, self.title_lens, self.art_sents, _ = model
        self.r = rnd
        self.lang = lang
        self.prov = provinces()
        self.chains = []

    def sentence(self, first=None, max_len=None):
        r = self.r
        n = max_len or r.choice(self.sent_lens)
        w = first if first in self.succ else r.choice(self.starts)
        out = [w]
        for _ in range(min(n, 80)):
            nxt = self.succ.get(w)
            if not nxt:
                break
            w = r.choice(nxt)
            if w in SENT_END:
                break
            out.append(w)
        s = " ".join(out)
        s = s.replace(" ,", ",").replace(" ;", ";").replace(" :", ":")
        return s[:1].upper() + s[1:] + "."

    def build_chains(self, n_chains, chain_len):
        # Topic chains: sentence i+1 starts from a content word of sentence i.
        for _ in range(n_chains):
            chain, s = [], self.sentence()
            for _ in range(chain_len):
                chain.append(s)
                words = [w for w in s.rstrip(".").split() if len(w) > 2 and w in self.succ]
                s = self.sentence(self.r.choice(words) if words else None)
            self.chains.append(chain)

    def person(self):
        r = self.r
        return f"{r.choices(FAMILY, FAMILY_W)[0]} {r.choice(MIDDLE)} {r.choice(GIVEN)}"

    def article(self, i, start, span):
        r = self.r
        day = start + datetime.timedelta(days=r.randrange(span))
        n = r.choice(self.art_sents)
        chain = r.choice(self.chains)
        k = r.randrange(len(chain))
        sents = [chain[(k + j) % len(chain)] for j in range(n)]
        prov = r.choice(self.prov)
        # entities, as real articles have them
        if self.lang == "vi":
            if r.random() < 0.75:
                sents[0] = f"Ngày {day.day}/{day.month}, tại {prov}, " + sents[0][:1].lower() + sents[0][1:]
            for j in range(1, len(sents)):
                x = r.random()
                if x < 0.08:
                    sents[j] = f"Ông {self.person()} cho biết: " + sents[j][:1].lower() + sents[j][1:]
                elif x < 0.12:
                    sents[j] = f"Theo {r.choice(ORGS)} {r.choice(self.prov) if r.random() < 0.5 else ''}".rstrip() + ", " + sents[j][:1].lower() + sents[j][1:]
                elif x < 0.14:
                    sents[j] = f"Bà {self.person()}, " + sents[j][:1].lower() + sents[j][1:]
            if r.random() < 0.3:
                sents.append(f"Theo {r.choice(SOURCES)}.")
        words = self.sentence(max_len=r.choice(self.title_lens)).rstrip(".").split()
        title = " ".join(words)
        if self.lang == "vi" and r.random() < 0.3:
            title = f"{prov}: " + title
        body = ""
        paras = []
        j = 0
        while j < len(sents):
            step = r.randint(2, 5)
            paras.append(" ".join(sents[j : j + step]))
            j += step
        body = "\n\n".join(paras)
        src = r.choice(SOURCES)
        return {
            "id": f"gen-{i:08d}",
            "title": title,
            "body": body,
            "date": day.isoformat(),
            "url": f"https://{src}/gen/{i:08d}.html",
            "source": src,
            "lang": self.lang,
        }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, required=True, help="number of articles")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True, help="output .jsonl or .jsonl.gz")
    ap.add_argument("--lang", choices=["vi", "en"], default="vi")
    ap.add_argument("--train-docs", type=int, default=20000, help="real articles to learn from (cap)")
    ap.add_argument("--chains", type=int, default=4000, help="topic chains in the sentence pool")
    ap.add_argument("--chain-len", type=int, default=60)
    a = ap.parse_args()
    t0 = time.time()
    model = learn(a.lang, a.train_docs)
    g = Gen(model, random.Random(a.seed), a.lang)
    g.build_chains(a.chains, a.chain_len)
    print(f"learned from {model[5]} docs, {len(model[0])} word types; pool {a.chains}×{a.chain_len} sentences "
          f"in {time.time() - t0:.1f}s", file=sys.stderr)
    start = datetime.date(2015, 1, 1)
    span = (datetime.date(2026, 12, 31) - start).days + 1
    raw = open(a.out, "wb")
    # mtime=0 and no file name in the header: byte-identical output for the same seed.
    out = gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=1, mtime=0, filename="") if a.out.endswith(".gz") else raw
    w = io.BufferedWriter(out, 1 << 20) if out is not raw else raw
    dumps = json.dumps
    for i in range(a.n):
        w.write((dumps(g.article(i, start, span), ensure_ascii=False) + "\n").encode("utf-8"))
        if i and i % 100000 == 0:
            print(f"{i} articles, {time.time() - t0:.0f}s", file=sys.stderr)
    w.flush()
    if out is not raw:
        out.close()
    raw.close()
    print(f"wrote {a.n} articles to {a.out} ({os.path.getsize(a.out) / 1e6:.1f} MB) in {time.time() - t0:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
