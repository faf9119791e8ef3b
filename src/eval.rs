//! `eval`: ranking quality against graded relevance judgments.
//!
//! Reads a query file (JSON Lines, `{"qid","text"}`) and a qrels file
//! (`qid docid relevance`, tab- or space-separated, optional header; the
//! four-column TREC form `qid iter docid relevance` is also read), runs
//! every query through [`Engine::search_ids`] — the ranking of `search`,
//! with any term allowed to match — and scores the ranked ids:
//!
//! - **nDCG@10**: linear graded gains, `log2(rank + 1)` discount, ideal
//!   ranking built from the qrels (as `trec_eval`'s `ndcg_cut.10` and BEIR).
//! - **MAP**: average precision over the top 100, divided by the number of
//!   relevant documents in the qrels.
//! - **Recall@100**: relevant documents in the top 100 / relevant in qrels.
//!
//! A document is relevant when its grade is above 0. Queries without any
//! relevant document in the qrels are skipped and counted, not scored 0.
//! Indexes nothing and prints nothing; `output.rs` renders the report.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context};
use serde::Serialize;

use crate::search::{plain_query, Engine, SearchOptions};
use crate::store::Store;

/// How deep to rank and where to cut nDCG.
#[derive(Debug, Clone, Copy)]
pub struct EvalOptions {
    /// Ranked ids fetched per query; MAP and recall are computed over them.
    pub depth: usize,
    /// nDCG cutoff.
    pub ndcg_cutoff: usize,
}

impl Default for EvalOptions {
    fn default() -> EvalOptions {
        EvalOptions {
            depth: 100,
            ndcg_cutoff: 10,
        }
    }
}

/// One query from the query file.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalQuery {
    /// Query id, as in the qrels.
    pub qid: String,
    /// Natural-language text.
    pub text: String,
}

/// Graded judgments: qid → docid → grade.
pub type Qrels = HashMap<String, HashMap<String, i64>>;

/// The scores of one query.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QueryEval {
    /// Query id.
    pub qid: String,
    /// nDCG at the cutoff.
    pub ndcg: f64,
    /// Average precision over the ranked depth.
    pub ap: f64,
    /// Recall at the ranked depth.
    pub recall: f64,
    /// Relevant documents in the qrels.
    pub relevant: usize,
    /// Of those, found in the ranked depth.
    pub relevant_retrieved: usize,
    /// Ids returned.
    pub retrieved: usize,
    /// Time to build, run and rank the query, ms.
    pub ms: f64,
}

/// The whole evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct EvalReport {
    /// Index directory.
    pub index: String,
    /// Articles in the index.
    pub documents: u64,
    /// Query file.
    pub queries_file: String,
    /// Qrels file.
    pub qrels_file: String,
    /// nDCG cutoff (10).
    pub ndcg_cutoff: usize,
    /// Ranked depth for MAP and recall (100).
    pub depth: usize,
    /// Mean nDCG@cutoff over evaluated queries.
    pub ndcg: f64,
    /// Mean average precision over evaluated queries.
    pub map: f64,
    /// Mean recall@depth over evaluated queries.
    pub recall: f64,
    /// Queries in the query file.
    pub queries: usize,
    /// Queries scored.
    pub queries_evaluated: usize,
    /// Queries skipped: no relevant document in the qrels.
    pub queries_skipped: usize,
    /// Query ids that appear in the qrels but not in the query file.
    pub qrels_without_query: usize,
    /// Judged-relevant documents whose id is not in the index (a hint that
    /// the index and qrels do not match).
    pub relevant_not_indexed: usize,
    /// Mean time per evaluated query, ms.
    pub mean_query_ms: f64,
    /// Slowest query, ms.
    pub max_query_ms: f64,
    /// Per-query scores, in query-file order (left out of JSON when empty).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub per_query: Vec<QueryEval>,
}

/// Reads a JSON Lines query file: one `{"qid", "text"}` per line (`qid`
/// may be a number); blank lines are ignored.
pub fn load_queries(path: &Path) -> anyhow::Result<Vec<EvalQuery>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading query file {}", path.display()))?;
    let mut out = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let at = || format!("{}:{n}", path.display());
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}: not valid JSON (expected {{\"qid\": …, \"text\": …}})", at()))?;
        let qid = match v.get("qid") {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
            Some(serde_json::Value::Number(x)) => x.to_string(),
            _ => bail!("{}: missing \"qid\" (a string or number)", at()),
        };
        let Some(text) = v.get("text").and_then(|t| t.as_str()) else {
            bail!("{}: missing \"text\" (a string)", at());
        };
        if let Some(first) = seen.insert(qid.clone(), n) {
            bail!(
                "{}: query id {qid} already used on line {first}; ids must be unique",
                at()
            );
        }
        out.push(EvalQuery {
            qid,
            text: text.to_string(),
        });
    }
    anyhow::ensure!(
        !out.is_empty(),
        "query file {} has no queries (one {{\"qid\", \"text\"}} object per line)",
        path.display()
    );
    Ok(out)
}

/// Reads a qrels file: `qid docid relevance` per line, tab- or
/// space-separated, with an optional header line; `qid iter docid
/// relevance` (TREC) is also accepted. Grades are integers.
pub fn load_qrels(path: &Path) -> anyhow::Result<Qrels> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading qrels file {}", path.display()))?;
    let mut qrels: Qrels = HashMap::new();
    let mut lines_of: HashMap<(String, String), usize> = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() || cols[0].starts_with('#') {
            continue;
        }
        let at = || format!("{}:{n}", path.display());
        let (qid, docid, grade) = match cols.as_slice() {
            [q, d, r] | [q, _, d, r] => (*q, *d, *r),
            _ => bail!(
                "{}: expected 3 columns `qid docid relevance` (or TREC's 4), found {}",
                at(),
                cols.len()
            ),
        };
        let grade: i64 = match grade.parse() {
            Ok(g) => g,
            // The header line.
            Err(_) if qrels.is_empty() && lines_of.is_empty() => continue,
            Err(_) => bail!("{}: relevance '{grade}' is not an integer", at()),
        };
        let key = (qid.to_string(), docid.to_string());
        if let Some(first) = lines_of.insert(key, n) {
            bail!(
                "{}: query {qid} judges document {docid} again (first on line {first})",
                at()
            );
        }
        qrels
            .entry(qid.to_string())
            .or_default()
            .insert(docid.to_string(), grade);
    }
    anyhow::ensure!(
        !qrels.is_empty(),
        "qrels file {} has no judgments (one `qid docid relevance` line each)",
        path.display()
    );
    Ok(qrels)
}

/// nDCG at `k`: linear gains (the grade; ≤ 0 gains nothing), discount
/// `1 / log2(rank + 1)`, normalised by the best possible ranking of the
/// judged documents. 0 when nothing is relevant.
pub fn ndcg(ranked: &[&str], judged: &HashMap<String, i64>, k: usize) -> f64 {
    let gain = |g: i64| g.max(0) as f64;
    let discount = |i: usize| 1.0 / ((i + 2) as f64).log2();
    let dcg: f64 = ranked
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, id)| gain(judged.get(*id).copied().unwrap_or(0)) * discount(i))
        .sum();
    let mut ideal: Vec<i64> = judged.values().copied().filter(|g| *g > 0).collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, g)| gain(*g) * discount(i))
        .sum();
    if idcg > 0.0 {
        dcg / idcg
    } else {
        0.0
    }
}

fn relevant_count(judged: &HashMap<String, i64>) -> usize {
    judged.values().filter(|g| **g > 0).count()
}

/// Average precision of the whole ranked list: the mean, over every
/// relevant document in the qrels, of precision at its rank (0 when not
/// ranked).
pub fn average_precision(ranked: &[&str], judged: &HashMap<String, i64>) -> f64 {
    let relevant = relevant_count(judged);
    if relevant == 0 {
        return 0.0;
    }
    let mut hits = 0usize;
    let mut sum = 0.0;
    for (i, id) in ranked.iter().enumerate() {
        if judged.get(*id).is_some_and(|g| *g > 0) {
            hits += 1;
            sum += hits as f64 / (i + 1) as f64;
        }
    }
    sum / relevant as f64
}

fn relevant_found(ranked: &[&str], judged: &HashMap<String, i64>) -> usize {
    ranked
        .iter()
        .filter(|id| judged.get(**id).is_some_and(|g| *g > 0))
        .count()
}

/// Relevant documents in the ranked list / relevant in the qrels.
pub fn recall(ranked: &[&str], judged: &HashMap<String, i64>) -> f64 {
    let relevant = relevant_count(judged);
    if relevant == 0 {
        return 0.0;
    }
    relevant_found(ranked, judged) as f64 / relevant as f64
}

/// Keeps the first occurrence of each id (an index holding an id twice must
/// not be credited twice), up to `depth`.
fn dedup(ids: &[(String, f32)], depth: usize) -> Vec<&str> {
    let mut seen = HashSet::new();
    ids.iter()
        .map(|(id, _)| id.as_str())
        .filter(|id| seen.insert(*id))
        .take(depth)
        .collect()
}

fn mean(xs: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = xs.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

/// Evaluates the index at `index_dir` against the queries and qrels.
pub fn run(index_dir: &Path, queries_path: &Path, qrels_path: &Path, opts: &EvalOptions) -> anyhow::Result<EvalReport> {
    let queries = load_queries(queries_path)?;
    let qrels = load_qrels(qrels_path)?;
    let engine = Engine::open(Store::open(index_dir)?)?;
    let depth = opts.depth.max(1);
    let cutoff = opts.ndcg_cutoff.max(1);

    let mut per_query = Vec::new();
    let mut skipped = 0;
    let mut judged_relevant: HashSet<&str> = HashSet::new();
    for q in &queries {
        let judged = match qrels.get(&q.qid) {
            Some(j) if relevant_count(j) > 0 => j,
            _ => {
                skipped += 1;
                continue;
            }
        };
        judged_relevant.extend(judged.iter().filter(|(_, g)| **g > 0).map(|(d, _)| d.as_str()));
        let started = Instant::now();
        let text = plain_query(&q.text);
        // An empty bag of words would match every article; rank nothing.
        let ids = if text.is_empty() {
            Vec::new()
        } else {
            engine
                .search_ids(&SearchOptions {
                    query: text,
                    limit: depth,
                    match_any: true,
                    no_fetch: true,
                    ..Default::default()
                })
                .with_context(|| format!("running query {} of {}", q.qid, queries_path.display()))?
        };
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        let ranked = dedup(&ids, depth);
        let relevant = relevant_count(judged);
        per_query.push(QueryEval {
            qid: q.qid.clone(),
            ndcg: ndcg(&ranked, judged, cutoff),
            ap: average_precision(&ranked, judged),
            recall: recall(&ranked, judged),
            relevant,
            relevant_retrieved: relevant_found(&ranked, judged),
            retrieved: ranked.len(),
            ms,
        });
    }
    anyhow::ensure!(
        !per_query.is_empty(),
        "no query of {} has a relevant document in {} (do the qids match?)",
        queries_path.display(),
        qrels_path.display()
    );
    let known: HashSet<&str> = queries.iter().map(|q| q.qid.as_str()).collect();
    let qrels_without_query = qrels.keys().filter(|k| !known.contains(k.as_str())).count();
    let relevant_not_indexed = count_missing(&engine, judged_relevant)?;

    Ok(EvalReport {
        index: index_dir.display().to_string(),
        documents: engine.num_docs(),
        queries_file: queries_path.display().to_string(),
        qrels_file: qrels_path.display().to_string(),
        ndcg_cutoff: cutoff,
        depth,
        ndcg: mean(per_query.iter().map(|q| q.ndcg)),
        map: mean(per_query.iter().map(|q| q.ap)),
        recall: mean(per_query.iter().map(|q| q.recall)),
        queries: queries.len(),
        queries_evaluated: per_query.len(),
        queries_skipped: skipped,
        qrels_without_query,
        relevant_not_indexed,
        mean_query_ms: mean(per_query.iter().map(|q| q.ms)),
        max_query_ms: per_query.iter().map(|q| q.ms).fold(0.0, f64::max),
        per_query,
    })
}

/// Judged-relevant ids with no article in the index.
fn count_missing(engine: &Engine, ids: HashSet<&str>) -> anyhow::Result<usize> {
    let searcher = engine.store().reader()?.searcher();
    let field = engine.store().fields.id;
    let mut missing = 0;
    for id in ids {
        let found = searcher.doc_freq(&tantivy::Term::from_field_text(field, id))?;
        if found == 0 {
            missing += 1;
        }
    }
    Ok(missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(pairs: &[(&str, i64)]) -> HashMap<String, i64> {
        pairs.iter().map(|(d, g)| (d.to_string(), *g)).collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn ndcg_of_a_perfect_ranking_is_one() {
        let j = judged(&[("a", 2), ("b", 1)]);
        assert!(close(ndcg(&["a", "b", "x"], &j, 10), 1.0));
    }

    #[test]
    fn ndcg_of_two_swapped_graded_docs() {
        // DCG = 1/log2(2) + 2/log2(3) = 1 + 1.26186 = 2.26186
        // IDCG = 2/log2(2) + 1/log2(3) = 2 + 0.63093 = 2.63093
        let j = judged(&[("a", 2), ("b", 1)]);
        let expected = (1.0 + 2.0 / 3f64.log2()) / (2.0 + 1.0 / 3f64.log2());
        assert!(close(ndcg(&["b", "a"], &j, 10), expected));
        assert!((expected - 0.859_719).abs() < 1e-6, "{expected}");
    }

    #[test]
    fn ndcg_counts_only_the_cutoff_and_ignores_non_positive_grades() {
        // The relevant doc sits at rank 3; cutoff 2 sees nothing.
        let j = judged(&[("a", 1), ("z", 0), ("n", -1)]);
        assert!(close(ndcg(&["z", "n", "a"], &j, 2), 0.0));
        // At cutoff 3: 1/log2(4) = 0.5 over an ideal of 1.
        assert!(close(ndcg(&["z", "n", "a"], &j, 3), 0.5));
        // Nothing relevant: 0, not NaN.
        assert!(close(ndcg(&["a"], &judged(&[("a", 0)]), 10), 0.0));
    }

    #[test]
    fn average_precision_of_a_known_list() {
        // Relevant at ranks 1 and 3, a third relevant doc never ranked:
        // (1/1 + 2/3) / 3 = 0.5556
        let j = judged(&[("a", 1), ("c", 1), ("q", 2)]);
        assert!(close(
            average_precision(&["a", "b", "c", "d"], &j),
            (1.0 + 2.0 / 3.0) / 3.0
        ));
        assert!(close(average_precision(&["a", "c", "q"], &j), 1.0));
        assert!(close(average_precision(&[], &j), 0.0));
    }

    #[test]
    fn recall_is_relevant_found_over_relevant_judged() {
        let j = judged(&[("a", 1), ("c", 1), ("q", 2), ("z", 0)]);
        assert!(close(recall(&["a", "z", "c"], &j), 2.0 / 3.0));
    }

    #[test]
    fn dedup_keeps_first_occurrence_up_to_depth() {
        let ids: Vec<(String, f32)> = ["a", "b", "a", "c"].iter().map(|s| (s.to_string(), 1.0)).collect();
        assert_eq!(dedup(&ids, 10), ["a", "b", "c"]);
        assert_eq!(dedup(&ids, 2), ["a", "b"]);
    }

    fn temp_file(name: &str, text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join(name);
        std::fs::write(&p, text).expect("write");
        (dir, p)
    }

    #[test]
    fn qrels_read_header_tabs_and_trec_form() {
        let (_d, p) = temp_file("q.tsv", "qid\tdocid\trelevance\n1\td1\t2\n1\td2\t0\n2 0 d3 1\n");
        let q = load_qrels(&p).expect("parses");
        assert_eq!(q["1"]["d1"], 2);
        assert_eq!(q["1"]["d2"], 0);
        assert_eq!(q["2"]["d3"], 1);
    }

    #[test]
    fn malformed_qrels_lines_name_file_and_line() {
        let (_d, p) = temp_file("q.tsv", "qid docid relevance\n1 d1 1\n1 d2 high\n");
        let e = format!("{:#}", load_qrels(&p).expect_err("bad grade"));
        assert!(e.contains("q.tsv:3") && e.contains("'high'"), "{e}");
        let (_d, p) = temp_file("q.tsv", "1 d1 1\n1 d1\n");
        let e = format!("{:#}", load_qrels(&p).expect_err("two columns"));
        assert!(e.contains("q.tsv:2"), "{e}");
        let (_d, p) = temp_file("q.tsv", "1 d1 1\n1 d1 2\n");
        let e = format!("{:#}", load_qrels(&p).expect_err("duplicate"));
        assert!(e.contains("q.tsv:2") && e.contains("line 1"), "{e}");
    }

    #[test]
    fn malformed_query_lines_name_file_and_line() {
        let (_d, p) = temp_file("q.jsonl", "{\"qid\": 1, \"text\": \"a\"}\n\n{\"qid\": \"2\"}\n");
        let e = format!("{:#}", load_queries(&p).expect_err("no text"));
        assert!(e.contains("q.jsonl:3") && e.contains("\"text\""), "{e}");
        let (_d, p) = temp_file("q.jsonl", "{\"qid\": 1, \"text\": \"a\"}\nnot json\n");
        let e = format!("{:#}", load_queries(&p).expect_err("not json"));
        assert!(e.contains("q.jsonl:2"), "{e}");
        let (_d, p) = temp_file(
            "q.jsonl",
            "{\"qid\": 1, \"text\": \"a\"}\n{\"qid\": \"1\", \"text\": \"b\"}\n",
        );
        let e = format!("{:#}", load_queries(&p).expect_err("duplicate"));
        assert!(e.contains("q.jsonl:2") && e.contains("line 1"), "{e}");
    }
}
