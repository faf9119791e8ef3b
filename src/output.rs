//! Everything the user sees: results on stdout (human text or JSON Lines),
//! progress, warnings, summaries and errors on stderr. The only module that
//! writes to a terminal or knows about colour.
//!
//! # JSON Lines schema (`search --json`)
//! One object per line, each with a `"type"`:
//! - `{"type":"hit", "rank", "score", "id", "path", "title", "display_title",
//!   "date", "date_precision", "date_source", "provinces", "province_names",
//!   "provinces_primary", "people", "organizations", "programs", "lang",
//!   "lang_confidence", "url", "source", "title_highlights", "snippet",
//!   "highlights"}` per hit, best first. Highlights are `[start, end)`
//!   character offsets into `snippet` (or `display_title`).
//! - `{"type":"analysis", "rewritten", "rewrites", "folded_terms",
//!   "exact_terms", "stemmed_terms", "parsed"}` first, with `--explain`
//!   (each hit then also carries `"explain"`: tantivy's score tree).
//! - `{"type":"facets", "<kind>": [{"value","display","count"}…]}` when
//!   `--facets` was given.
//! - `{"type":"summary", "query", "total_hits", "returned", "offset",
//!   "search_ms", "fetch_ms", "index"}` last.
//!
//! `show --json` prints one object with the keys of a hit (without rank,
//! score and highlights) plus `body`. Document text is passed through
//! [`sanitize_for_terminal`] before any human output.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};

use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use crate::bench::BenchReport;
use crate::cli::ColorWhen;
use crate::corpus::text::sanitize_for_terminal;
use crate::corpus::Problem;
use crate::eval::EvalReport;
use crate::index::{IndexSummary, Reporter};
use crate::record::{Shown, Stats};
use crate::search::{Hit, SearchResults};

/// Whether to colour stdout.
pub fn use_color(when: ColorWhen) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    fn mark(&self, s: &str) -> String {
        // Without colour, highlighted words are shown between brackets.
        if self.on {
            self.wrap("1;33", s)
        } else {
            format!("[{s}]")
        }
    }
}

/// Prints an error with its cause chain on stderr.
#[allow(clippy::print_stderr)]
pub fn error(err: &anyhow::Error) {
    eprintln!("newsfind: error: {err:#}");
}

/// Prints a note on stderr (e.g. "building index from seeds/").
#[allow(clippy::print_stderr)]
pub fn note(msg: &str) {
    eprintln!("newsfind: {msg}");
}

/// Renders text with highlighted char ranges.
fn highlight(text: &str, ranges: &[[usize; 2]], paint: &Paint) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    for [s, e] in ranges {
        let (s, e) = ((*s).min(chars.len()), (*e).min(chars.len()));
        if s < at {
            continue;
        }
        out.push_str(&sanitize_for_terminal(&chars[at..s].iter().collect::<String>()));
        out.push_str(&paint.mark(&sanitize_for_terminal(&chars[s..e].iter().collect::<String>())));
        at = e;
    }
    out.push_str(&sanitize_for_terminal(&chars[at..].iter().collect::<String>()));
    out.replace('\n', " ")
}

#[derive(Serialize)]
struct Typed<'a, T: Serialize> {
    #[serde(rename = "type")]
    kind: &'a str,
    #[serde(flatten)]
    data: T,
}

#[derive(Serialize)]
struct SearchSummary<'a> {
    query: &'a str,
    total_hits: usize,
    returned: usize,
    offset: usize,
    search_ms: f64,
    fetch_ms: f64,
    index: &'a str,
}

fn json_line<W: Write, T: Serialize>(out: &mut W, kind: &str, data: T) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, &Typed { kind, data })?;
    out.write_all(b"\n")
}

/// Prints search results.
pub fn search<W: Write>(
    out: &mut W,
    r: &SearchResults,
    offset: usize,
    index: &str,
    json: bool,
    color: bool,
) -> std::io::Result<()> {
    if json {
        if let Some(a) = &r.analysis {
            json_line(out, "analysis", a)?;
        }
        for hit in &r.hits {
            json_line(out, "hit", hit)?;
        }
        if !r.facets.is_empty() {
            json_line(out, "facets", &r.facets)?;
        }
        json_line(
            out,
            "summary",
            SearchSummary {
                query: &r.query,
                total_hits: r.total_hits,
                returned: r.hits.len(),
                offset,
                search_ms: r.search_ms,
                fetch_ms: r.fetch_ms,
                index,
            },
        )?;
        return out.flush();
    }
    let paint = Paint { on: color };
    if let Some(a) = &r.analysis {
        write_analysis(out, a, &paint)?;
    }
    for hit in &r.hits {
        write_hit(out, hit, &paint)?;
        if let Some(e) = &hit.explain {
            write_explanation(out, e, 0)?;
            writeln!(out)?;
        }
    }
    if !r.facets.is_empty() {
        write_facets(out, &r.facets, &paint)?;
    }
    out.flush()?;
    summary_line(r, offset);
    Ok(())
}

#[allow(clippy::print_stderr)]
fn summary_line(r: &SearchResults, offset: usize) {
    let shown = if r.total_hits == 0 {
        "no hits".to_string()
    } else if r.hits.is_empty() {
        format!("{} hit(s); none on this page (offset {offset})", r.total_hits)
    } else {
        format!("hits {}–{} of {}", offset + 1, offset + r.hits.len(), r.total_hits)
    };
    eprintln!("{shown} ({:.1} ms)", r.search_ms + r.fetch_ms);
}

fn write_analysis<W: Write>(out: &mut W, a: &crate::search::QueryAnalysis, paint: &Paint) -> std::io::Result<()> {
    writeln!(out, "{}", paint.bold("query analysis"))?;
    writeln!(out, "  parser input:  {}", sanitize_for_terminal(&a.rewritten))?;
    for note in &a.rewrites {
        writeln!(out, "  rewrite:       {}", sanitize_for_terminal(note))?;
    }
    let list = |v: &[String]| if v.is_empty() { "—".to_string() } else { v.join(", ") };
    writeln!(
        out,
        "  folded terms:  {}",
        sanitize_for_terminal(&list(&a.folded_terms))
    )?;
    writeln!(out, "  exact terms:   {}", sanitize_for_terminal(&list(&a.exact_terms)))?;
    writeln!(
        out,
        "  English stems: {}",
        sanitize_for_terminal(&list(&a.stemmed_terms))
    )?;
    writeln!(out)
}

/// Prints tantivy's explanation tree, indented, a few levels deep.
fn write_explanation<W: Write>(out: &mut W, e: &serde_json::Value, depth: usize) -> std::io::Result<()> {
    if depth > 5 {
        return Ok(());
    }
    let value = e.get("value").and_then(|v| v.as_f64()).unwrap_or(0.0);
    let desc = e.get("description").and_then(|v| v.as_str()).unwrap_or("");
    writeln!(
        out,
        "     {}{value:.4}  {}",
        "  ".repeat(depth),
        sanitize_for_terminal(desc)
    )?;
    if let Some(details) = e.get("details").and_then(|d| d.as_array()) {
        for d in details {
            write_explanation(out, d, depth + 1)?;
        }
    }
    Ok(())
}

fn write_hit<W: Write>(out: &mut W, hit: &Hit, paint: &Paint) -> std::io::Result<()> {
    let rec = &hit.record;
    let score = hit.score.map(|s| format!("{s:.2}")).unwrap_or_else(|| "-".to_string());
    // The title is bold: each highlight's reset must switch bold back on.
    let title = highlight(&rec.display_title, &hit.title_highlights, paint).replace("\x1b[0m", "\x1b[0m\x1b[1m");
    writeln!(
        out,
        "{:>3}. {} {}",
        hit.rank,
        paint.dim(&format!("[{score}]")),
        paint.bold(&title)
    )?;
    let mut meta = Vec::new();
    meta.push(rec.date.clone().unwrap_or_else(|| "undated".to_string()));
    if !rec.province_names.is_empty() {
        meta.push(rec.province_names.join(", "));
    }
    meta.push(rec.lang.clone());
    meta.push(rec.path.clone());
    writeln!(
        out,
        "     {}",
        paint.dim(&sanitize_for_terminal(&meta.join(" · ")).replace('\n', " "))
    )?;
    writeln!(out, "     {}", highlight(&hit.snippet, &hit.highlights, paint))?;
    writeln!(out)
}

fn write_facets<W: Write>(
    out: &mut W,
    facets: &BTreeMap<String, Vec<crate::search::FacetCount>>,
    paint: &Paint,
) -> std::io::Result<()> {
    for (kind, counts) in facets {
        writeln!(out, "{}", paint.bold(&format!("{kind}:")))?;
        if counts.is_empty() {
            writeln!(out, "  (none)")?;
        }
        for c in counts {
            writeln!(out, "  {:>6}  {}", c.count, sanitize_for_terminal(&c.display))?;
        }
    }
    Ok(())
}

/// Prints a timeline: a bar per bucket, or one JSON object.
pub fn timeline<W: Write>(out: &mut W, t: &crate::search::Timeline, json: bool, color: bool) -> std::io::Result<()> {
    if json {
        serde_json::to_writer(&mut *out, t)?;
        writeln!(out)?;
        return out.flush();
    }
    let paint = Paint { on: color };
    let max = t.buckets.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let label_width = t.buckets.iter().map(|b| b.start.len()).max().unwrap_or(4);
    const WIDTH: u64 = 50;
    for b in &t.buckets {
        // Round up so any non-zero bucket shows at least a sliver.
        let len = (b.count * WIDTH).div_ceil(max) as usize;
        writeln!(
            out,
            "{:<label_width$}  {} {}",
            b.start,
            paint.wrap("36", &"█".repeat(len)),
            b.count
        )?;
    }
    writeln!(
        out,
        "{} matching article(s){}",
        t.total_hits,
        if t.undated > 0 {
            format!(", {} undated (not shown)", t.undated)
        } else {
            String::new()
        }
    )?;
    out.flush()
}

/// Prints one article (`show`).
pub fn show<W: Write>(out: &mut W, s: &Shown, json: bool) -> std::io::Result<()> {
    if json {
        serde_json::to_writer_pretty(&mut *out, s)?;
        writeln!(out)?;
        return out.flush();
    }
    let r = &s.record;
    let opt = |o: &Option<String>| o.clone().unwrap_or_else(|| "—".to_string());
    let list = |v: &[String]| if v.is_empty() { "—".to_string() } else { v.join("; ") };
    let rows = [
        ("id", r.id.clone()),
        ("path", r.path.clone()),
        (
            "title",
            r.title
                .clone()
                .unwrap_or_else(|| format!("(none; shown as: {})", r.display_title)),
        ),
        (
            "date",
            match &r.date {
                Some(d) => format!("{d} ({}, from {})", opt(&r.date_precision), opt(&r.date_source)),
                None => "—".to_string(),
            },
        ),
        ("provinces", list(&r.province_names)),
        ("primary", list(&r.provinces_primary)),
        ("people", list(&r.people)),
        ("organizations", list(&r.organizations)),
        ("programs", list(&r.programs)),
        ("language", format!("{} ({:.2})", r.lang, r.lang_confidence)),
        ("url", opt(&r.url)),
        ("source", opt(&r.source)),
    ];
    for (k, v) in rows {
        writeln!(out, "{k:>13}: {}", sanitize_for_terminal(&v))?;
    }
    writeln!(out)?;
    writeln!(out, "{}", sanitize_for_terminal(&s.body))?;
    out.flush()
}

/// Prints index statistics.
pub fn stats<W: Write>(out: &mut W, s: &Stats, json: bool) -> std::io::Result<()> {
    if json {
        serde_json::to_writer_pretty(&mut *out, s)?;
        writeln!(out)?;
        return out.flush();
    }
    writeln!(out, "index:          {}", s.index)?;
    writeln!(out, "documents:      {}", s.documents)?;
    writeln!(out, "schema version: {}", s.schema_version)?;
    writeln!(
        out,
        "size on disk:   {:.1} MB in {} segment(s)",
        s.index_bytes as f64 / 1e6,
        s.segments
    )?;
    writeln!(out, "last commit:    {}", s.last_commit.as_deref().unwrap_or("—"))?;
    writeln!(
        out,
        "dates:          {} dated, {} … {}",
        s.dated,
        s.date_min.as_deref().unwrap_or("—"),
        s.date_max.as_deref().unwrap_or("—")
    )?;
    writeln!(out, "languages:")?;
    for (lang, n) in &s.languages {
        writeln!(out, "  {n:>8}  {lang}")?;
    }
    writeln!(out, "provinces:")?;
    for (slug, display, n) in &s.provinces {
        writeln!(out, "  {n:>8}  {display} ({slug})")?;
    }
    out.flush()
}

/// Prints an index summary: human text on stderr, or JSON on stdout.
#[allow(clippy::print_stderr)]
pub fn index_summary<W: Write>(out: &mut W, s: &IndexSummary, json: bool) -> std::io::Result<()> {
    if json {
        serde_json::to_writer(&mut *out, s)?;
        writeln!(out)?;
        return out.flush();
    }
    if !s.changed {
        eprintln!(
            "index {} is up to date: {} file(s) unchanged, {} article(s); nothing to do",
            s.index, s.files_unchanged, s.docs_total
        );
        return Ok(());
    }
    eprintln!(
        "indexed {} article(s) from {} file(s) in {:.2} s ({:.0} docs/s, {:.1} MB/s of text) into {}",
        s.docs_indexed, s.files_read, s.seconds, s.docs_per_sec, s.mb_per_sec, s.index
    );
    let skipped: u64 = s.skipped.values().sum();
    let warned: u64 = s.warnings.values().sum();
    eprintln!(
        "  files seen {}, unchanged {}, removed {}, unsupported {}; skipped {}{}; warnings {}{}",
        s.files_seen,
        s.files_unchanged,
        s.files_removed,
        s.files_unsupported,
        skipped,
        reasons(&s.skipped),
        warned,
        reasons(&s.warnings),
    );
    eprintln!(
        "  index now holds {} article(s), {:.1} MB on disk; {} commit(s); peak RSS {}",
        s.docs_total,
        s.index_bytes as f64 / 1e6,
        s.commits,
        s.peak_rss_mb
            .map(|m| format!("{m:.0} MB"))
            .unwrap_or_else(|| "n/a".to_string())
    );
    Ok(())
}

fn reasons(m: &BTreeMap<String, u64>) -> String {
    if m.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = m.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    format!(" ({})", parts.join(", "))
}

/// Prints a bench report.
pub fn bench<W: Write>(out: &mut W, r: &BenchReport, json: bool) -> std::io::Result<()> {
    if json {
        serde_json::to_writer(&mut *out, r)?;
        writeln!(out)?;
        return out.flush();
    }
    writeln!(
        out,
        "index {}: {} articles, {:.1} MB; {} queries × {} runs, top-{}",
        r.index,
        r.documents,
        r.index_bytes as f64 / 1e6,
        r.queries,
        r.runs,
        r.limit
    )?;
    writeln!(out, "first query after open (cold): {:.3} ms", r.cold_ms)?;
    writeln!(
        out,
        "{:<26} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "", "p50 ms", "p90 ms", "p99 ms", "max ms", "QPS"
    )?;
    for row in &r.rows {
        writeln!(
            out,
            "{:<26} {:>9.3} {:>9.3} {:>9.3} {:>9.3} {:>9.0}",
            row.name, row.p50_ms, row.p90_ms, row.p99_ms, row.max_ms, row.qps
        )?;
    }
    for t in &r.throughput {
        writeln!(
            out,
            "throughput, {} thread(s): {:.0} queries/s ({} queries)",
            t.threads, t.qps, t.queries
        )?;
    }
    out.flush()
}

/// Prints an eval report: a summary table, then (with `per_query`) one
/// line per query. `--json` prints one object; its `per_query` array is
/// there only when asked for.
pub fn eval<W: Write>(out: &mut W, r: &EvalReport, json: bool, per_query: bool) -> std::io::Result<()> {
    if r.qrels_without_query > 0 {
        note(&format!(
            "warning: {} query ids in {} have no query in {}",
            r.qrels_without_query, r.qrels_file, r.queries_file
        ));
    }
    if r.relevant_not_indexed > 0 {
        note(&format!(
            "warning: {} judged-relevant documents are not in the index {} (they count as missed)",
            r.relevant_not_indexed, r.index
        ));
    }
    if json {
        if per_query {
            serde_json::to_writer(&mut *out, r)?;
        } else {
            let summary = EvalReport {
                per_query: Vec::new(),
                ..r.clone()
            };
            serde_json::to_writer(&mut *out, &summary)?;
        }
        writeln!(out)?;
        return out.flush();
    }
    writeln!(out, "index {}: {} articles", r.index, r.documents)?;
    writeln!(
        out,
        "queries {}: {} evaluated, {} skipped (no relevant document judged)",
        r.queries_file, r.queries_evaluated, r.queries_skipped
    )?;
    if per_query {
        writeln!(
            out,
            "{:<12} {:>8} {:>8} {:>8} {:>9} {:>9}",
            "qid",
            format!("nDCG@{}", r.ndcg_cutoff),
            "AP",
            format!("R@{}", r.depth),
            "relevant",
            "ms"
        )?;
        for q in &r.per_query {
            writeln!(
                out,
                "{:<12} {:>8.4} {:>8.4} {:>8.4} {:>5}/{:<3} {:>9.3}",
                sanitize_for_terminal(&q.qid),
                q.ndcg,
                q.ap,
                q.recall,
                q.relevant_retrieved,
                q.relevant,
                q.ms
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{:<14} {:>8}", "metric", "mean")?;
    writeln!(out, "{:<14} {:>8.4}", format!("nDCG@{}", r.ndcg_cutoff), r.ndcg)?;
    writeln!(out, "{:<14} {:>8.4}", format!("MAP@{}", r.depth), r.map)?;
    writeln!(out, "{:<14} {:>8.4}", format!("Recall@{}", r.depth), r.recall)?;
    writeln!(
        out,
        "time per query: {:.3} ms mean, {:.3} ms max",
        r.mean_query_ms, r.max_query_ms
    )?;
    out.flush()
}

/// Progress and warnings while indexing, on stderr.
pub struct IndexProgress {
    bar: Option<ProgressBar>,
    printed: BTreeMap<String, usize>,
    /// Off a terminal: when the last status line was printed.
    last_status: std::time::Instant,
    started: std::time::Instant,
}

/// Off a terminal, a status line at most this often.
const STATUS_EVERY: std::time::Duration = std::time::Duration::from_secs(15);

/// Warnings of one kind printed before the rest are only counted.
const MAX_WARNINGS_PER_KIND: usize = 20;

impl IndexProgress {
    /// A progress reporter; the bar shows only when stderr is a terminal.
    pub fn new() -> IndexProgress {
        IndexProgress {
            bar: None,
            printed: BTreeMap::new(),
            last_status: std::time::Instant::now(),
            started: std::time::Instant::now(),
        }
    }
}

impl Default for IndexProgress {
    fn default() -> Self {
        Self::new()
    }
}

impl Reporter for IndexProgress {
    fn start(&mut self, _files: u64, bytes: u64) {
        if std::io::stderr().is_terminal() {
            let bar = ProgressBar::new(bytes);
            if let Ok(style) = ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {msg} (eta {eta})",
            ) {
                bar.set_style(style);
            }
            self.bar = Some(bar);
        }
    }

    #[allow(clippy::print_stderr)]
    fn advance(&mut self, bytes: u64, docs: u64) {
        match &self.bar {
            Some(bar) => {
                bar.inc(bytes);
                bar.set_message(format!("{docs} articles"));
            }
            // Logs and CI see a heartbeat instead of a bar.
            None if self.last_status.elapsed() >= STATUS_EVERY => {
                let secs = self.started.elapsed().as_secs_f64();
                eprintln!(
                    "… {docs} articles indexed in {secs:.0} s ({:.0} docs/s)",
                    docs as f64 / secs.max(1e-9)
                );
                self.last_status = std::time::Instant::now();
            }
            None => {}
        }
    }

    #[allow(clippy::print_stderr)]
    fn problem(&mut self, p: &Problem) {
        let n = self.printed.entry(p.kind.label().to_string()).or_default();
        *n += 1;
        let line = match *n {
            k if k <= MAX_WARNINGS_PER_KIND => {
                let at = match p.line {
                    Some(l) => format!("{}:{l}", p.path),
                    None => p.path.clone(),
                };
                format!("warning: {}: {}", sanitize_for_terminal(&at), p.detail)
            }
            k if k == MAX_WARNINGS_PER_KIND + 1 => {
                format!(
                    "warning: more '{}' problems; only counted from here (see the summary)",
                    p.kind.label()
                )
            }
            _ => return,
        };
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}
