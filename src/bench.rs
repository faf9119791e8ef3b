//! `bench`: query latency the way a user would quote it.
//!
//! Runs every query of a query file through [`Engine::search`] — the exact
//! code path of `search` — after warm-up passes, and reports p50/p90/p99/max
//! and QPS for the whole query (search + stored fields + snippets), for the
//! search part alone and the fetch part alone, and per query class (single
//! term, multi-term, phrase, boolean; and each query again filtered by
//! province, sorted newest first, and with facets), plus throughput with 1..N
//! threads sharing one reader. Also times the first query after
//! opening the index (cold). Returns data; `output.rs` prints it.

use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use serde::Serialize;

use crate::search::{Engine, FacetKind, SearchOptions, Sort};
use crate::store::Store;

/// One row of the report.
#[derive(Debug, Clone, Serialize)]
pub struct BenchRow {
    /// What was timed.
    pub name: String,
    /// Timed samples.
    pub samples: usize,
    /// Median, ms.
    pub p50_ms: f64,
    /// 90th percentile, ms.
    pub p90_ms: f64,
    /// 99th percentile, ms.
    pub p99_ms: f64,
    /// Slowest, ms.
    pub max_ms: f64,
    /// Queries per second on one thread (samples / total time).
    pub qps: f64,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    /// Index directory.
    pub index: String,
    /// Articles in the index.
    pub documents: u64,
    /// Index size on disk.
    pub index_bytes: u64,
    /// Distinct queries.
    pub queries: usize,
    /// Timed passes.
    pub runs: usize,
    /// Hits per query.
    pub limit: usize,
    /// First query after opening the index, ms.
    pub cold_ms: f64,
    /// Rows: total, search, fetch, then per class.
    pub rows: Vec<BenchRow>,
    /// Queries per second with N threads.
    pub throughput: Vec<ThreadThroughput>,
}

/// Throughput with several threads.
#[derive(Debug, Clone, Serialize)]
pub struct ThreadThroughput {
    /// Threads.
    pub threads: usize,
    /// Queries run.
    pub queries: usize,
    /// Queries per second over all threads.
    pub qps: f64,
}

/// Reads a query file: one query per line, `#` starts a comment line.
pub fn load_queries(path: &Path) -> anyhow::Result<Vec<String>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading query file {}", path.display()))?;
    let queries: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect();
    anyhow::ensure!(
        !queries.is_empty(),
        "query file {} has no queries (one per line)",
        path.display()
    );
    Ok(queries)
}

/// The class of a query, by its text.
pub fn class_of(query: &str) -> &'static str {
    if query.contains('"') {
        "phrase"
    } else if query.contains(" OR ") || query.contains(" -") || query.starts_with('-') || query.contains('(') {
        "boolean"
    } else if query.split_whitespace().count() == 1 {
        "single term"
    } else {
        "multi-term"
    }
}

/// Percentile of sorted samples (nearest rank).
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn row(name: &str, mut samples: Vec<f64>) -> BenchRow {
    samples.sort_by(f64::total_cmp);
    let total: f64 = samples.iter().sum();
    BenchRow {
        name: name.to_string(),
        samples: samples.len(),
        p50_ms: percentile(&samples, 50.0),
        p90_ms: percentile(&samples, 90.0),
        p99_ms: percentile(&samples, 99.0),
        max_ms: samples.last().copied().unwrap_or(0.0),
        qps: if total > 0.0 {
            samples.len() as f64 / (total / 1000.0)
        } else {
            0.0
        },
    }
}

/// What `bench` was asked to do.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    /// Untimed passes first.
    pub warmup: usize,
    /// Timed passes.
    pub runs: usize,
    /// Hits per query.
    pub limit: usize,
    /// Thread counts to measure throughput with (e.g. 1 and 2).
    pub threads: Vec<usize>,
}

/// The query variants every query is also run as, beyond its own shape.
const VARIANTS: [&str; 3] = ["province-filtered", "newest first", "with facets"];

fn variant_options(base: &SearchOptions, variant: &str) -> SearchOptions {
    let mut o = base.clone();
    match variant {
        "province-filtered" => o.provinces = vec!["ha-noi".into(), "ho-chi-minh-city".into(), "quang-ninh".into()],
        "newest first" => o.sort = Sort::Newest,
        _ => o.facets = vec![FacetKind::Province, FacetKind::Person, FacetKind::Year],
    }
    o
}

/// Runs the benchmark.
pub fn run(index_dir: &Path, queries: &[String], bench: &BenchOptions) -> anyhow::Result<BenchReport> {
    let (warmup, runs, limit) = (bench.warmup, bench.runs.max(1), bench.limit);
    let opened = Instant::now();
    let engine = Engine::open(Store::open(index_dir)?)?;
    let opts = |q: &str| SearchOptions {
        query: q.to_string(),
        limit,
        fragments: 2,
        ..Default::default()
    };
    engine.search(&opts(&queries[0]))?;
    let cold_ms = opened.elapsed().as_secs_f64() * 1000.0;
    for _ in 0..warmup {
        for q in queries {
            engine.search(&opts(q))?;
        }
    }
    let mut total = Vec::new();
    let mut search = Vec::new();
    let mut fetch = Vec::new();
    let mut by_class: std::collections::BTreeMap<String, Vec<f64>> = Default::default();
    for _ in 0..runs {
        for q in queries {
            let t = Instant::now();
            let r = engine.search(&opts(q))?;
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            total.push(ms);
            search.push(r.search_ms);
            fetch.push(r.fetch_ms);
            by_class.entry(format!("class: {}", class_of(q))).or_default().push(ms);
            for v in VARIANTS {
                let t = Instant::now();
                engine.search(&variant_options(&opts(q), v))?;
                by_class
                    .entry(format!("class: {v}"))
                    .or_default()
                    .push(t.elapsed().as_secs_f64() * 1000.0);
            }
        }
    }
    let mut rows = vec![
        row("all (search + snippets)", total),
        row("search only", search),
        row("stored fields + snippets", fetch),
    ];
    for (class, samples) in by_class {
        rows.push(row(&class, samples));
    }
    // Throughput with several threads sharing one reader: wall time for all
    // queries × runs split over the threads.
    let mut throughput = Vec::new();
    for &n in bench.threads.iter().filter(|&&n| n > 0) {
        let work: Vec<&String> = (0..runs).flat_map(|_| queries.iter()).collect();
        let next = std::sync::atomic::AtomicUsize::new(0);
        let started = Instant::now();
        let failed = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|scope| {
            for _ in 0..n {
                scope.spawn(|| loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(q) = work.get(i) else { break };
                    if engine.search(&opts(q)).is_err() {
                        failed.store(true, std::sync::atomic::Ordering::Relaxed);
                    }
                });
            }
        });
        anyhow::ensure!(
            !failed.load(std::sync::atomic::Ordering::Relaxed),
            "a query failed during the threaded run"
        );
        let secs = started.elapsed().as_secs_f64();
        throughput.push(ThreadThroughput {
            threads: n,
            queries: work.len(),
            qps: work.len() as f64 / secs.max(1e-9),
        });
    }
    Ok(BenchReport {
        index: index_dir.display().to_string(),
        documents: engine.num_docs(),
        index_bytes: crate::store::dir_size(index_dir),
        queries: queries.len(),
        runs: runs.max(1),
        limit,
        cold_ms,
        rows,
        throughput,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_nearest_rank() {
        let s: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(
            (percentile(&s, 50.0), percentile(&s, 99.0), percentile(&s, 100.0)),
            (50.0, 99.0, 100.0)
        );
        assert_eq!(percentile(&[], 50.0), 0.0);
    }

    #[test]
    fn queries_are_classified_by_shape() {
        assert_eq!(class_of("\"pham minh chinh\""), "phrase");
        assert_eq!(class_of("digital"), "single term");
        assert_eq!(class_of("digital economy"), "multi-term");
        assert_eq!(class_of("a OR b"), "boolean");
    }
}
