//! Bare tantivy baseline: the minimum a tantivy app does for a top-10 search.
//!
//! Schema: `id` (stored), `title` + `body` (indexed, not stored), analyzer =
//! simple tokenizer + lowercase + ASCII folding (so "Hà Nội" matches "ha noi",
//! like newsfind's folded fields). Query: tantivy's QueryParser over title+body,
//! conjunction by default (all words required, like newsfind).
//!
//! Usage:
//!   bare-tantivy index CORPUS.jsonl[.gz] INDEX_DIR
//!   bare-tantivy search INDEX_DIR QUERY            (prints top-10 ids)
//!   bare-tantivy bench INDEX_DIR QUERY_FILE [RUNS] [WARMUP]   (JSON latencies)
use std::io::{BufRead, BufReader, Read};
use std::time::Instant;

use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED, STRING};
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, SimpleTokenizer, TextAnalyzer};
use tantivy::{doc, Index, TantivyDocument};

const TOK: &str = "fold";

fn schema() -> Schema {
    let mut b = Schema::builder();
    b.add_text_field("id", STRING | STORED);
    let idx = TextFieldIndexing::default()
        .set_tokenizer(TOK)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let opts = TextOptions::default().set_indexing_options(idx);
    b.add_text_field("title", opts.clone());
    b.add_text_field("body", opts);
    b.build()
}

fn register(index: &Index) {
    let a = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    index.tokenizers().register(TOK, a);
}

fn open_corpus(path: &str) -> Box<dyn BufRead> {
    let f = std::fs::File::open(path).expect("open corpus");
    let r: Box<dyn Read> = if path.ends_with(".gz") {
        Box::new(flate2::read::MultiGzDecoder::new(f))
    } else {
        Box::new(f)
    };
    Box::new(BufReader::with_capacity(1 << 20, r))
}

fn cmd_index(corpus: &str, dir: &str) {
    let t0 = Instant::now();
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("mkdir");
    let schema = schema();
    let index = Index::create_in_dir(dir, schema.clone()).expect("create");
    register(&index);
    let (id_f, title_f, body_f) = (
        schema.get_field("id").unwrap(),
        schema.get_field("title").unwrap(),
        schema.get_field("body").unwrap(),
    );
    let mut w = index.writer::<TantivyDocument>(256_000_000).expect("writer");
    let mut n = 0u64;
    let mut bytes = 0u64;
    for line in open_corpus(corpus).lines() {
        let line = line.expect("read");
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(_) => continue,
        };
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
        let (id, title, body) = (s("id"), s("title"), s("body"));
        bytes += (title.len() + body.len()) as u64;
        w.add_document(doc!(id_f => id, title_f => title, body_f => body)).expect("add");
        n += 1;
    }
    w.commit().expect("commit");
    w.wait_merging_threads().expect("merge");
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "{{\"docs\":{n},\"text_mb\":{:.1},\"secs\":{secs:.2},\"docs_per_s\":{:.0}}}",
        bytes as f64 / 1e6,
        n as f64 / secs
    );
}

struct Engine {
    searcher: tantivy::Searcher,
    parser: QueryParser,
    id_f: tantivy::schema::Field,
}

fn open(dir: &str) -> Engine {
    let index = Index::open_in_dir(dir).expect("open index");
    register(&index);
    let schema = index.schema();
    let title = schema.get_field("title").unwrap();
    let body = schema.get_field("body").unwrap();
    let mut parser = QueryParser::for_index(&index, vec![title, body]);
    parser.set_conjunction_by_default();
    let reader = index.reader().expect("reader");
    Engine { searcher: reader.searcher(), parser, id_f: schema.get_field("id").unwrap() }
}

impl Engine {
    /// Top-10 search plus the stored id of each hit (what any app needs at least).
    fn top10(&self, q: &str) -> Vec<String> {
        let (query, _errs) = self.parser.parse_query_lenient(q);
        let top = self
            .searcher
            .search(&query, &TopDocs::with_limit(10).order_by_score())
            .expect("search");
        top.into_iter()
            .map(|(_, addr)| {
                let d: TantivyDocument = self.searcher.doc(addr).expect("doc");
                d.get_first(self.id_f).and_then(|v| v.as_str()).unwrap_or("").to_string()
            })
            .collect()
    }
}

fn pct(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (p / 100.0 * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn cmd_bench(dir: &str, qfile: &str, runs: usize, warmup: usize) {
    let e = open(dir);
    let queries: Vec<String> = std::fs::read_to_string(qfile)
        .expect("queries")
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    for _ in 0..warmup {
        for q in &queries {
            std::hint::black_box(e.top10(q));
        }
    }
    let mut lat = Vec::with_capacity(runs * queries.len());
    let t0 = Instant::now();
    for _ in 0..runs {
        for q in &queries {
            let t = Instant::now();
            std::hint::black_box(e.top10(q));
            lat.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    let total = t0.elapsed().as_secs_f64();
    lat.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "{{\"engine\":\"bare-tantivy\",\"queries\":{},\"runs\":{runs},\"p50_ms\":{:.4},\"p90_ms\":{:.4},\"p99_ms\":{:.4},\"max_ms\":{:.4},\"qps\":{:.1}}}",
        queries.len(),
        pct(&lat, 50.0),
        pct(&lat, 90.0),
        pct(&lat, 99.0),
        lat.last().copied().unwrap_or(0.0),
        lat.len() as f64 / total
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("index") if args.len() >= 4 => cmd_index(&args[2], &args[3]),
        Some("search") if args.len() >= 4 => {
            for id in open(&args[2]).top10(&args[3]) {
                println!("{id}");
            }
        }
        Some("bench") if args.len() >= 4 => {
            let runs = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(5);
            let warmup = args.get(5).and_then(|s| s.parse().ok()).unwrap_or(1);
            cmd_bench(&args[2], &args[3], runs, warmup)
        }
        _ => {
            eprintln!("usage: bare-tantivy index CORPUS INDEX_DIR | search INDEX_DIR QUERY | bench INDEX_DIR QUERY_FILE [RUNS] [WARMUP]");
            std::process::exit(2);
        }
    }
}
