//! Building and updating an index: walk → read → extract → write.
//!
//! Owns the writer lifecycle: which files need work (a file whose size and
//! mtime are unchanged is not read again), replacing a changed file's
//! articles (delete by path, add, in one commit), removing vanished files,
//! periodic commits at file boundaries (so a run killed at any moment
//! leaves the last commit intact and the next run redoes only what is
//! missing), and the summary. Never prints: progress and problems go
//! through the [`Reporter`] the caller passes in.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;
use rayon::prelude::*;
use serde::Serialize;
use tantivy::schema::Facet;
use tantivy::{DateTime, IndexWriter, TantivyDocument, Term};

use crate::corpus::read::KeyMap;
use crate::corpus::walk::Found;
use crate::corpus::{self, Article, Problem};
use crate::error::Error;
use crate::schema::{name, Fields};
use crate::store::Store;

/// What `index` was asked to do.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Files and directories to index.
    pub paths: Vec<PathBuf>,
    /// The index directory.
    pub index_dir: PathBuf,
    /// Start from scratch.
    pub rebuild: bool,
    /// Writer memory budget in MiB (split over the writer threads).
    pub memory_mb: usize,
    /// Fail when any input problem is reported.
    pub strict: bool,
    /// JSON key mapping.
    pub keys: KeyMap,
    /// Commit after at least this many new articles (at a file boundary).
    pub commit_every_docs: usize,
    /// …or after this much time.
    pub commit_every: Duration,
}

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            paths: vec![PathBuf::from("seeds")],
            index_dir: PathBuf::from("index"),
            rebuild: false,
            memory_mb: 256,
            strict: false,
            keys: KeyMap::default(),
            commit_every_docs: 50_000,
            commit_every: Duration::from_secs(30),
        }
    }
}

/// Receives progress and problems while indexing (implemented by output).
pub trait Reporter {
    /// The walk found `files` files of `bytes` total to look at.
    fn start(&mut self, files: u64, bytes: u64);
    /// `bytes` more bytes were processed; `docs` articles so far.
    fn advance(&mut self, bytes: u64, docs: u64);
    /// A problem with one input.
    fn problem(&mut self, problem: &Problem);
    /// The run is over.
    fn finish(&mut self);
}

/// The outcome of an `index` run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IndexSummary {
    /// Index directory.
    pub index: String,
    /// Supported files found by the walk.
    pub files_seen: u64,
    /// Files read this run (new or changed).
    pub files_read: u64,
    /// Files left alone because they had not changed.
    pub files_unchanged: u64,
    /// Files whose articles were removed because the file is gone.
    pub files_removed: u64,
    /// Files with an extension we do not read.
    pub files_unsupported: u64,
    /// Articles written this run.
    pub docs_indexed: u64,
    /// Articles in the index after the run.
    pub docs_total: u64,
    /// Inputs skipped, by reason.
    pub skipped: BTreeMap<String, u64>,
    /// Inputs indexed with a warning, by reason.
    pub warnings: BTreeMap<String, u64>,
    /// Bytes read.
    pub bytes: u64,
    /// Article text extracted (titles and bodies, decompressed), bytes.
    pub text_bytes: u64,
    /// Wall time.
    pub seconds: f64,
    /// Articles per second.
    pub docs_per_sec: f64,
    /// MB (10^6 bytes) of article text (`text_bytes`) indexed per second.
    pub mb_per_sec: f64,
    /// Commits made.
    pub commits: u64,
    /// Peak resident memory of the process, MiB (Linux).
    pub peak_rss_mb: Option<f64>,
    /// Index size on disk, bytes.
    pub index_bytes: u64,
    /// Whether anything changed.
    pub changed: bool,
}

/// What we know about files already in the index: canonical path → stamp.
fn indexed_files(store: &Store) -> anyhow::Result<HashMap<String, String>> {
    let reader = store.reader()?;
    let searcher = reader.searcher();
    let mut out = HashMap::new();
    for seg in searcher.segment_readers() {
        let ff = seg.fast_fields();
        let (Some(paths), Some(stamps)) = (ff.str(name::PATH_ABS)?, ff.str(name::FILE_STAMP)?) else {
            continue;
        };
        let (mut p, mut s) = (String::new(), String::new());
        for doc in seg.doc_ids_alive() {
            p.clear();
            s.clear();
            if let Some(ord) = paths.term_ords(doc).next() {
                paths.ord_to_str(ord, &mut p)?;
            }
            if let Some(ord) = stamps.term_ords(doc).next() {
                stamps.ord_to_str(ord, &mut s)?;
            }
            if !out.contains_key(p.as_str()) {
                out.insert(p.clone(), s.clone());
            }
        }
    }
    Ok(out)
}

/// Size and modification time of a file: unchanged stamp → not read again.
fn file_stamp(path: &Path) -> Option<(u64, String)> {
    let meta = std::fs::metadata(path).ok()?;
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    Some((meta.len(), format!("{}:{}", meta.len(), mtime)))
}

/// Builds the tantivy document for an article.
pub fn to_document(f: &Fields, a: &Article, stamp: &str, path_abs: &str) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, &a.id);
    doc.add_text(f.path, &a.path);
    doc.add_text(f.path_abs, path_abs);
    doc.add_text(f.file_stamp, stamp);
    if let Some(t) = &a.title {
        doc.add_text(f.title, t);
        doc.add_text(f.title_exact, t);
    }
    doc.add_text(f.display_title, &a.display_title);
    doc.add_text(f.body, &a.body);
    doc.add_text(f.body_exact, &a.body);
    if a.lang == "en" {
        doc.add_text(f.body_stem, &a.body);
    }
    if let Some(d) = &a.date {
        let midnight = d.date.midnight().assume_utc().unix_timestamp();
        doc.add_date(f.date, DateTime::from_timestamp_secs(midnight));
        doc.add_text(f.date_precision, precision_name(d.precision));
        doc.add_text(f.date_source, source_name(d.source));
    }
    for p in &a.provinces {
        doc.add_facet(f.province, Facet::from_path([p.as_str()]));
    }
    for p in &a.provinces_primary {
        doc.add_text(f.province_primary, p);
    }
    for (field, column, list) in [
        (f.person, f.person_name, &a.people),
        (f.org, f.org_name, &a.organizations),
        (f.program, f.program_name, &a.programs),
    ] {
        for v in list {
            doc.add_text(field, v);
            doc.add_text(column, v);
        }
    }
    doc.add_text(f.lang, &a.lang);
    doc.add_f64(f.lang_confidence, a.lang_confidence);
    if let Some(u) = &a.url {
        doc.add_text(f.url, u);
    }
    if let Some(s) = &a.source {
        doc.add_text(f.source, s);
    }
    doc.add_text(f.content_hash, &a.content_hash);
    doc
}

/// The stored name of a date precision.
pub fn precision_name(p: corpus::date::Precision) -> &'static str {
    match p {
        corpus::date::Precision::Day => "day",
        corpus::date::Precision::Month => "month",
        corpus::date::Precision::Year => "year",
    }
}

/// The stored name of a date source.
pub fn source_name(s: corpus::date::Source) -> &'static str {
    match s {
        corpus::date::Source::Metadata => "metadata",
        corpus::date::Source::Text => "text",
        corpus::date::Source::Url => "url",
        corpus::date::Source::Inferred => "inferred",
    }
}

fn open_writer(store: &Store, memory_mb: usize) -> anyhow::Result<IndexWriter> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 4);
    // tantivy needs at least 15 MB per thread; keep well above it.
    let per_thread = (memory_mb << 20) / threads;
    let threads = if per_thread < 50 << 20 { 1 } else { threads };
    let budget = (memory_mb << 20).max(50 << 20);
    store
        .index
        .writer_with_num_threads(threads, budget)
        .map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => Error::IndexLocked(store.dir.clone()).into(),
            other => anyhow::Error::new(other).context(format!("opening a writer on {}", store.dir.display())),
        })
}

/// Indexes up to this many articles end a run as one segment.
const COMPACT_MAX_DOCS: u64 = 200_000;

/// Merges a small index into one segment: every `search` process opens and
/// maps each segment's files and runs each query once per segment, so for
/// the common corpus size (thousands to a couple of hundred thousand
/// articles) one segment makes a whole `search` process measurably faster.
/// Larger indexes keep tantivy's merge policy: merging them whole would
/// cost minutes and memory on every run.
fn compact(store: &Store) -> anyhow::Result<()> {
    let metas = store.index.searchable_segment_metas()?;
    let docs: u64 = metas.iter().map(|m| u64::from(m.num_docs())).sum();
    if metas.len() < 2 || docs > COMPACT_MAX_DOCS {
        return Ok(());
    }
    // A writer of its own, after the indexing writer's background merges
    // have finished (a merge of segments another merge is consuming fails),
    // and with no merge policy of its own.
    let mut writer = open_writer(store, 50)?;
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    let ids: Vec<_> = metas.iter().map(|m| m.id()).collect();
    // tantivy counts the files of every segment whose metadata is still
    // referenced as living: these must be gone before the clean-up below.
    drop(metas);
    writer
        .merge(&ids)
        .wait()
        .context("merging the index into one segment")?;
    writer.wait_merging_threads().context("finishing the merge")?;
    // Files of merged-away segments go now rather than at the next
    // commit's clean-up (a later run's).
    let gc = open_writer(store, 50)?;
    gc.garbage_collect_files()
        .wait()
        .context("removing merged segment files")?;
    Ok(())
}

/// Peak resident set size of this process in MiB (Linux only).
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// What the last commit recorded beside the documents.
#[derive(Debug, Default, serde::Deserialize)]
struct Payload {
    /// A file whose articles were only partly written at that commit.
    in_progress: Option<String>,
    /// The JSON key mapping in force (`--map`).
    keymap: Option<String>,
}

fn commit(
    writer: &mut IndexWriter,
    summary: &mut IndexSummary,
    in_progress: Option<&str>,
    keymap: &str,
) -> anyhow::Result<()> {
    let payload = serde_json::json!({
        "committed_at": time::OffsetDateTime::now_utc().unix_timestamp(),
        "docs_indexed_this_run": summary.docs_indexed,
        "in_progress": in_progress,
        "keymap": keymap,
    });
    let mut prepared = writer.prepare_commit().context("preparing commit")?;
    prepared.set_payload(&payload.to_string());
    prepared.commit().context("committing")?;
    summary.commits += 1;
    Ok(())
}

fn is_json(path: &str) -> bool {
    matches!(
        corpus::read::format_of(Path::new(path)),
        Some((corpus::read::Format::Json | corpus::read::Format::JsonLines, _))
    )
}

/// Runs an `index` job.
pub fn run(opts: &IndexOptions, reporter: &mut dyn Reporter) -> anyhow::Result<IndexSummary> {
    let started = Instant::now();
    let store = Store::open_or_create(&opts.index_dir, opts.rebuild)?;
    let fields = store.fields;
    let mut writer = open_writer(&store, opts.memory_mb)?;
    let keymap = format!("{:?}", opts.keys);
    let mut known = if opts.rebuild {
        HashMap::new()
    } else {
        indexed_files(&store)?
    };
    let last: Payload = store
        .index
        .load_metas()
        .ok()
        .and_then(|m| m.payload)
        .and_then(|p| serde_json::from_str(&p).ok())
        .unwrap_or_default();
    // A file cut short by an interrupted run is read again in full.
    if let Some(partial) = &last.in_progress {
        known.remove(partial);
    }
    // Another --map changes what JSON records mean: read them again.
    if last.keymap.as_deref().is_some_and(|k| k != keymap) {
        known.retain(|path, _| !is_json(path));
    }
    // --strict: nothing from a run with problems may land, so no commit
    // happens before the end.
    let (commit_every_docs, commit_every) = if opts.strict {
        (usize::MAX, Duration::MAX)
    } else {
        (opts.commit_every_docs, opts.commit_every)
    };

    let mut summary = IndexSummary {
        index: opts.index_dir.display().to_string(),
        ..Default::default()
    };
    for p in &opts.paths {
        if !p.exists() {
            let problem = Problem {
                path: p.display().to_string(),
                line: None,
                kind: corpus::ProblemKind::Unreadable,
                detail: "no such file or directory".to_string(),
            };
            reporter.problem(&problem);
            *summary.skipped.entry(problem.kind.label().to_string()).or_default() += 1;
        }
    }

    // Walk first, so the progress bar knows the total.
    // (path, shown path, canonical path, size, stamp)
    let mut files: Vec<(PathBuf, String, String, u64, String)> = Vec::new();
    let mut problem_count = 0usize;
    for found in corpus::walk(&opts.paths, Some(&opts.index_dir)) {
        match found {
            Found::File(path, display) => {
                summary.files_seen += 1;
                match file_stamp(&path) {
                    Some((size, stamp)) => {
                        let abs = path
                            .canonicalize()
                            .unwrap_or_else(|_| path.clone())
                            .display()
                            .to_string();
                        files.push((path, display, abs, size, stamp));
                    }
                    None => {
                        let p = Problem {
                            path: display,
                            line: None,
                            kind: corpus::ProblemKind::Unreadable,
                            detail: "cannot read file metadata".to_string(),
                        };
                        reporter.problem(&p);
                        problem_count += 1;
                        *summary.skipped.entry(p.kind.label().to_string()).or_default() += 1;
                    }
                }
            }
            Found::Unsupported(_) => summary.files_unsupported += 1,
            Found::Problem(p) => {
                reporter.problem(&p);
                problem_count += 1;
                *summary.skipped.entry(p.kind.label().to_string()).or_default() += 1;
            }
        }
    }

    // The same file reached twice (two roots, a symlink) is read once.
    let mut unique = HashSet::new();
    files.retain(|f| unique.insert(f.2.clone()));
    let todo: Vec<&(PathBuf, String, String, u64, String)> = files
        .iter()
        .filter(|(_, _, abs, _, stamp)| known.get(abs) != Some(stamp))
        .collect();
    summary.files_unchanged = (files.len() - todo.len()) as u64;
    reporter.start(todo.len() as u64, todo.iter().map(|f| f.3).sum());

    // Files that vanished from under the walked roots (compared by
    // canonical path, so `index .` from elsewhere removes nothing else).
    let seen: HashSet<&str> = files.iter().map(|f| f.2.as_str()).collect();
    let roots: Vec<PathBuf> = opts.paths.iter().filter_map(|p| p.canonicalize().ok()).collect();
    for path in known.keys() {
        let under_root = roots.iter().any(|r| Path::new(path).starts_with(r));
        if under_root && !seen.contains(path.as_str()) {
            writer.delete_term(Term::from_field_text(fields.path_abs, path));
            summary.files_removed += 1;
        }
    }

    let mut since_commit_docs = 0usize;
    let mut last_commit = Instant::now();
    for (path, display, path_abs, size, stamp) in todo {
        // A changed file's old articles go, in the same commit as the new.
        writer.delete_term(Term::from_field_text(fields.path_abs, path_abs));
        // Extraction is the costly part of indexing: articles are read in
        // batches and extracted on all cores, then added in order.
        let mut batch: Vec<corpus::RawDoc> = Vec::with_capacity(corpus::BATCH);
        let mut add_error: Option<anyhow::Error> = None;
        let mut years = corpus::date::CollectionYears::default();
        let mut flush = |batch: &mut Vec<corpus::RawDoc>,
                         writer: &mut IndexWriter,
                         summary: &mut IndexSummary,
                         add_error: &mut Option<anyhow::Error>| {
            summary.text_bytes += batch
                .iter()
                .map(|r| (r.body.len() + r.title.as_ref().map_or(0, String::len)) as u64)
                .sum::<u64>();
            let year = corpus::batch_year(&mut years, batch);
            let articles: Vec<Article> = batch.par_iter().map(|raw| corpus::extract_in(raw, year)).collect();
            batch.clear();
            for article in &articles {
                if let Err(e) = writer.add_document(to_document(&fields, article, stamp, path_abs)) {
                    add_error.get_or_insert(e.into());
                }
            }
            summary.docs_indexed += articles.len() as u64;
            articles.len()
        };
        corpus::read(path, display, &opts.keys, &mut |item| match item {
            Ok(raw) => {
                batch.push(raw);
                if batch.len() >= corpus::BATCH {
                    since_commit_docs += flush(&mut batch, &mut writer, &mut summary, &mut add_error);
                    reporter.advance(0, summary.docs_indexed);
                    // A long file commits as it goes, marked in progress: an
                    // interrupted run keeps what it wrote, and the next run
                    // reads this file again in full.
                    if since_commit_docs >= commit_every_docs || last_commit.elapsed() >= commit_every {
                        if let Err(e) = commit(&mut writer, &mut summary, Some(path_abs), &keymap) {
                            add_error.get_or_insert(e);
                        }
                        since_commit_docs = 0;
                        last_commit = Instant::now();
                    }
                }
            }
            Err(p) => {
                reporter.problem(&p);
                problem_count += 1;
                let bucket = if p.kind.is_skip() {
                    &mut summary.skipped
                } else {
                    &mut summary.warnings
                };
                *bucket.entry(p.kind.label().to_string()).or_default() += 1;
            }
        });
        since_commit_docs += flush(&mut batch, &mut writer, &mut summary, &mut add_error);
        if let Some(e) = add_error {
            return Err(e.context(format!("writing articles of {display} to the index")));
        }
        summary.files_read += 1;
        summary.bytes += size;
        reporter.advance(*size, summary.docs_indexed);
        if since_commit_docs >= commit_every_docs || last_commit.elapsed() >= commit_every {
            commit(&mut writer, &mut summary, None, &keymap)?;
            since_commit_docs = 0;
            last_commit = Instant::now();
        }
    }
    summary.changed = summary.files_read > 0 || summary.files_removed > 0 || opts.rebuild;
    if opts.strict && problem_count > 0 {
        // Nothing of this run lands: the index stays as it was.
        writer.rollback().context("rolling back")?;
        reporter.finish();
        return Err(Error::Strict(problem_count).into());
    }
    if summary.changed || last.keymap.as_deref() != Some(keymap.as_str()) {
        commit(&mut writer, &mut summary, None, &keymap)?;
    }
    writer.wait_merging_threads().context("finishing background merges")?;
    if summary.changed {
        // Only an optimisation: the articles are committed already, so a
        // compaction that cannot run (another `index` took the lock in
        // between) is reported and the run still succeeds.
        if let Err(e) = compact(&store) {
            *summary
                .warnings
                .entry(format!("index not compacted: {e:#}"))
                .or_insert(0) += 1;
        }
    }
    reporter.finish();

    let reader = store.reader()?;
    summary.docs_total = reader.searcher().num_docs();
    summary.seconds = started.elapsed().as_secs_f64();
    summary.docs_per_sec = summary.docs_indexed as f64 / summary.seconds.max(1e-9);
    summary.mb_per_sec = summary.text_bytes as f64 / 1e6 / summary.seconds.max(1e-9);
    summary.peak_rss_mb = peak_rss_mb();
    summary.index_bytes = crate::store::dir_size(&opts.index_dir);

    if summary.docs_total == 0 {
        return Err(Error::NothingIndexed(format!(
            "no article found in {} (newsfind reads .txt .md .json .jsonl .ndjson .html .htm, also gzipped)",
            opts.paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .into());
    }
    Ok(summary)
}
