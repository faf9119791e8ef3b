//! criterion: query latency per class over an index built once from
//! `seeds/`, extraction throughput on the seed articles, and indexing
//! throughput (a fresh index of the seeds per iteration).
//!
//! `cargo bench --bench search`. Code-level regressions only; users quote
//! `newsfind bench` figures.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsfind::corpus::{self, RawDoc};
use newsfind::index::{IndexOptions, Reporter};
use newsfind::search::{Engine, FacetKind, SearchOptions};
use newsfind::store::Store;

struct Quiet;
impl Reporter for Quiet {
    fn start(&mut self, _: u64, _: u64) {}
    fn advance(&mut self, _: u64, _: u64) {}
    fn problem(&mut self, _: &corpus::Problem) {}
    fn finish(&mut self) {}
}

fn seeds() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn queries(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let opts = IndexOptions {
        paths: vec![seeds()],
        index_dir: dir.path().join("index"),
        ..Default::default()
    };
    newsfind::index::run(&opts, &mut Quiet).unwrap();
    let engine = Engine::open(Store::open(&opts.index_dir).unwrap()).unwrap();
    let classes: [(&str, SearchOptions); 5] = [
        (
            "single term",
            SearchOptions {
                query: "digital".into(),
                limit: 10,
                ..Default::default()
            },
        ),
        (
            "multi-term",
            SearchOptions {
                query: "digital economy".into(),
                limit: 10,
                ..Default::default()
            },
        ),
        (
            "phrase",
            SearchOptions {
                query: "\"pham minh chinh\"".into(),
                limit: 10,
                ..Default::default()
            },
        ),
        (
            "province-filtered",
            SearchOptions {
                query: "digital".into(),
                provinces: vec!["Quang Ninh".into()],
                limit: 10,
                ..Default::default()
            },
        ),
        (
            "with facets",
            SearchOptions {
                query: "digital".into(),
                facets: vec![FacetKind::Province, FacetKind::Person],
                limit: 10,
                ..Default::default()
            },
        ),
    ];
    let mut group = c.benchmark_group("search");
    for (name, opts) in &classes {
        group.bench_function(*name, |b| b.iter(|| engine.search(opts).unwrap()));
        let no_fetch = SearchOptions {
            no_fetch: true,
            ..opts.clone()
        };
        group.bench_function(format!("{name} (no snippets)"), |b| {
            b.iter(|| engine.search(&no_fetch).unwrap())
        });
    }
    group.finish();
}

fn extraction(c: &mut Criterion) {
    let docs: Vec<RawDoc> = std::fs::read_dir(seeds())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| RawDoc {
            path: e.path().display().to_string(),
            body: std::fs::read_to_string(e.path()).unwrap(),
            needs_layout: true,
            ..Default::default()
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.body.len()).sum();
    let mut group = c.benchmark_group("extraction");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("seeds", |b| b.iter(|| docs.iter().map(corpus::extract).count()));
    group.finish();
}

fn indexing(c: &mut Criterion) {
    let bytes: u64 = std::fs::read_dir(seeds())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();
    let mut group = c.benchmark_group("indexing");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("seeds, fresh index", |b| {
        b.iter(|| {
            let dir = tempfile::tempdir().unwrap();
            let opts = IndexOptions {
                paths: vec![seeds()],
                index_dir: dir.path().join("index"),
                memory_mb: 64,
                ..Default::default()
            };
            newsfind::index::run(&opts, &mut Quiet).unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, queries, extraction, indexing);
criterion_main!(benches);
