//! Scores `newsfind::corpus::html::extract` on the article-extraction benchmark
//! (Scrapinghub/Zyte, 181 news pages) with the benchmark's own metric, next to
//! the reference predictions stored in the benchmark's `output/*.json`.
//!
//! Usage: `cargo run --release --example html_eval [-- DIR]`
//! (default DIR: `../shared/evalsets/article-extraction-benchmark`, relative
//! to the crate root). Without the benchmark it says so on stderr and exits 0.
//!
//! Metric (as in the benchmark's `evaluate.py`): tokens are the `\w+` matches
//! of a text (Python's Unicode `\w`); per page, the multisets of 4-token
//! shingles of predicted and true body give TP/FP/FN, normalised by their sum;
//! precision is averaged over pages with TP+FP > 0, recall over pages with
//! TP+FN > 0, and F1 is computed from the two means.
#![allow(clippy::print_stdout, clippy::print_stderr, clippy::unwrap_used)]

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use newsfind::corpus::html::extract;
use serde_json::Value;
use unicode_normalization::char::is_combining_mark;

const DEFAULT_DIR: &str = "../shared/evalsets/article-extraction-benchmark";

/// Python's `\w` for `str` patterns: `isalnum()` or `_`. Rust's
/// `is_alphanumeric` also accepts combining vowel signs (`Other_Alphabetic`),
/// which Python does not, so marks are excluded.
fn is_word_char(c: char) -> bool {
    c == '_' || (c.is_alphanumeric() && !is_combining_mark(c))
}

fn tokenize(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                tokens.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens.push(&text[s..]);
    }
    tokens
}

/// Multiset of 4-token shingles; a text of 1–3 tokens is one short shingle.
fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let tokens = tokenize(text);
    let mut counts = HashMap::new();
    if tokens.len() < 4 {
        if !tokens.is_empty() {
            counts.insert(tokens, 1);
        }
        return counts;
    }
    for w in tokens.windows(4) {
        *counts.entry(w.to_vec()).or_insert(0) += 1;
    }
    counts
}

/// Normalised (tp, fp, fn) of one page.
fn shingle_matching(truth: &str, pred: &str) -> (f64, f64, f64) {
    let t = shingles(truth);
    let p = shingles(pred);
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (k, &tc) in &t {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += tc.min(pc) as f64;
        fn_ += tc.saturating_sub(pc) as f64;
    }
    for (k, &pc) in &p {
        fp += pc.saturating_sub(t.get(k).copied().unwrap_or(0)) as f64;
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        (tp / s, fp / s, fn_ / s)
    } else {
        (tp, fp, fn_)
    }
}

fn mean(xs: &[f64]) -> f64 {
    if xs.is_empty() {
        0.0
    } else {
        xs.iter().sum::<f64>() / xs.len() as f64
    }
}

/// (precision, recall, F1) over pages, as `metrics_from_tp_fp_fns`.
fn metrics(pages: &[(f64, f64, f64)]) -> (f64, f64, f64) {
    let precisions: Vec<f64> = pages
        .iter()
        .filter(|(tp, fp, _)| tp + fp > 0.0)
        .map(
            |&(tp, fp, fn_)| {
                if fp == 0.0 && fn_ == 0.0 {
                    1.0
                } else {
                    tp / (tp + fp)
                }
            },
        )
        .collect();
    let recalls: Vec<f64> = pages
        .iter()
        .filter(|(tp, _, fn_)| tp + fn_ > 0.0)
        .map(
            |&(tp, fp, fn_)| {
                if fp == 0.0 && fn_ == 0.0 {
                    1.0
                } else {
                    tp / (tp + fn_)
                }
            },
        )
        .collect();
    let (p, r) = (mean(&precisions), mean(&recalls));
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f1)
}

fn page_f1(&(tp, fp, fn_): &(f64, f64, f64)) -> f64 {
    if tp == 0.0 {
        0.0
    } else {
        2.0 * tp / (2.0 * tp + fp + fn_)
    }
}

fn read_gz(path: &Path) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file).read_to_end(&mut bytes).unwrap();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn body_of(v: &Value) -> &str {
    v.get("articleBody").and_then(Value::as_str).unwrap_or("")
}

fn print_row(name: &str, pages: &[(f64, f64, f64)], extra: &str) {
    let (p, r, f1) = metrics(pages);
    println!("{name:<28} precision={p:.4}  recall={r:.4}  F1={f1:.4}  {extra}");
}

fn main() {
    let dir = std::env::args().nth(1).map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_DIR),
        PathBuf::from,
    );
    let gt_path = dir.join("ground-truth.json");
    if !gt_path.is_file() {
        eprintln!(
            "html_eval: benchmark not found at {} (expected ground-truth.json and html/); skipping",
            dir.display()
        );
        return;
    }
    let ground_truth = read_json(&gt_path);
    let truth = ground_truth.as_object().unwrap();
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();

    let mut scores = Vec::with_capacity(ids.len());
    let mut elapsed = Duration::ZERO;
    let mut bytes = 0usize;
    let (mut empty, mut titles, mut dates, mut urls, mut url_match, mut langs) = (0, 0, 0, 0, 0, 0);
    for id in &ids {
        let html = read_gz(&dir.join("html").join(format!("{id}.html.gz")));
        bytes += html.len();
        let start = Instant::now();
        let article = extract(&html);
        elapsed += start.elapsed();
        empty += usize::from(article.body.is_empty());
        titles += usize::from(article.title.is_some());
        dates += usize::from(article.published.is_some());
        langs += usize::from(article.lang.is_some());
        if let Some(url) = &article.url {
            urls += 1;
            let want = truth[id.as_str()]["url"].as_str().unwrap_or("");
            let norm = |u: &str| u.trim_end_matches('/').replace("http://", "https://");
            url_match += usize::from(norm(url) == norm(want));
        }
        scores.push(shingle_matching(body_of(&truth[id.as_str()]), &article.body));
    }

    let n = ids.len();
    let secs = elapsed.as_secs_f64().max(1e-9);
    println!(
        "article-extraction-benchmark: {n} pages, {:.1} MB of HTML",
        bytes as f64 / 1e6
    );
    print_row(
        "newsfind::corpus::html",
        &scores,
        &format!(
            "{:.1} pages/s  ({:.1} MB/s)  empty bodies={empty}",
            n as f64 / secs,
            bytes as f64 / 1e6 / secs
        ),
    );

    let mut outputs: Vec<PathBuf> = std::fs::read_dir(dir.join("output"))
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    outputs.retain(|p| p.extension().is_some_and(|e| e == "json"));
    outputs.sort();
    for path in outputs {
        let json = read_json(&path);
        let preds = json.get("output").unwrap_or(&json);
        let ref_scores: Vec<_> = ids
            .iter()
            .map(|id| {
                let pred = preds.get(id.as_str()).map_or("", body_of);
                shingle_matching(body_of(&truth[id.as_str()]), pred)
            })
            .collect();
        let name = path.file_stem().unwrap_or_default().to_string_lossy();
        let version = json.get("version").and_then(Value::as_str).unwrap_or("?");
        print_row(
            &format!("reference: {name}"),
            &ref_scores,
            &format!("(version {version})"),
        );
    }

    println!(
        "metadata found: title {titles}/{n}, published {dates}/{n}, url {urls}/{n} \
         (equal to the benchmark's url: {url_match}), lang {langs}/{n}"
    );
    let mut worst: Vec<(f64, &String)> = scores.iter().map(page_f1).zip(ids.iter().copied()).collect();
    worst.sort_by(|a, b| a.0.total_cmp(&b.0));
    let listed: Vec<String> = worst
        .iter()
        .take(8)
        .map(|(f, id)| format!("{}…={f:.2}", &id[..id.len().min(10)]))
        .collect();
    println!("lowest page F1: {}", listed.join("  "));
}
