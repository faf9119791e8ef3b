//! Dispatch: one small function per subcommand that calls the library and
//! hands the result to `output`. Decides nothing about ranking or
//! extraction.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::cli::{
    BenchArgs, BucketArg, Cli, Command, EvalArgs, IndexArgs, SearchArgs, ShowArgs, StatsArgs, TimelineArgs,
};
use crate::corpus::read::KeyMap;
use crate::corpus::text::fold_key;
use crate::index::{self, IndexOptions};
use crate::output;
use crate::record;
use crate::search::{Bucket, Engine, FacetKind, SearchOptions};
use crate::store::{Store, MARKER};

/// What a command achieved, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done (search: at least one hit).
    Success,
    /// Search ran and found nothing.
    NoHits,
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let outcome = match cli.command {
        Command::Index(args) => index_cmd(&args, &mut out),
        Command::Search(args) => search_cmd(&args, &mut out),
        Command::Show(args) => show_cmd(&args, &mut out),
        Command::Stats(args) => stats_cmd(&args, &mut out),
        Command::Timeline(args) => timeline_cmd(&args, &mut out),
        Command::Bench(args) => bench_cmd(&args, &mut out),
        Command::Eval(args) => eval_cmd(&args, &mut out),
    }?;
    out.flush()?;
    Ok(outcome)
}

fn index_cmd(args: &IndexArgs, out: &mut impl Write) -> anyhow::Result<Outcome> {
    let keys = KeyMap::default()
        .with_overrides(&args.map_pairs().map_err(anyhow::Error::msg)?)
        .map_err(anyhow::Error::msg)?;
    let opts = IndexOptions {
        paths: args.paths.clone(),
        index_dir: args.common.index.clone(),
        rebuild: args.rebuild,
        memory_mb: args.memory.max(32),
        strict: args.strict,
        keys,
        commit_every_docs: args.commit_every.max(1),
        ..Default::default()
    };
    let mut progress = output::IndexProgress::new();
    let summary = index::run(&opts, &mut progress)?;
    output::index_summary(out, &summary, args.json)?;
    Ok(Outcome::Success)
}

/// The seeds folder for the embedded default corpus: `./seeds`, else the
/// one beside the crate's manifest (so `cargo run` works from anywhere in
/// a checkout).
fn seeds_dir() -> Option<PathBuf> {
    let local = PathBuf::from("seeds");
    if local.is_dir() {
        return Some(local);
    }
    let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    beside.is_dir().then_some(beside)
}

/// With no index at the default location, builds one from the seeds first.
fn ensure_default_index(dir: &Path) -> anyhow::Result<()> {
    let is_default = dir == Path::new("index");
    if !is_default || dir.join(MARKER).exists() {
        return Ok(());
    }
    let Some(seeds) = seeds_dir() else {
        return Ok(());
    };
    output::note(&format!(
        "no index at {}; building it from {} first",
        dir.display(),
        seeds.display()
    ));
    let opts = IndexOptions {
        paths: vec![seeds],
        index_dir: dir.to_path_buf(),
        ..Default::default()
    };
    let mut progress = output::IndexProgress::new();
    let summary = index::run(&opts, &mut progress)?;
    output::index_summary(&mut std::io::sink(), &summary, false)?;
    Ok(())
}

fn search_cmd(args: &SearchArgs, out: &mut impl Write) -> anyhow::Result<Outcome> {
    ensure_default_index(&args.common.index)?;
    let engine = Engine::open(Store::open(&args.common.index)?)?;
    let opts = args.to_options();
    let results = engine.search(&opts)?;
    let color = output::use_color(args.common.color);
    output::search(
        out,
        &results,
        opts.offset,
        &args.common.index.display().to_string(),
        args.json,
        color && !args.json,
    )?;
    // A page past the end is not "nothing found" when something was.
    Ok(if results.total_hits == 0 {
        entity_hints(&engine, &opts)?;
        Outcome::NoHits
    } else {
        Outcome::Success
    })
}

/// Nothing found with an entity filter: names the filter value is part of.
fn entity_hints(engine: &Engine, opts: &SearchOptions) -> anyhow::Result<()> {
    let filters = [
        (FacetKind::Person, "person", &opts.people),
        (FacetKind::Org, "organisation", &opts.orgs),
    ];
    for (kind, what, values) in filters {
        for value in values {
            let names = engine.entity_suggestions(kind, value)?;
            if !names.is_empty() && !names.iter().any(|n| fold_key(&n.value) == fold_key(value)) {
                let list: Vec<String> = names
                    .iter()
                    .map(|n| format!("\"{}\" ({})", n.display, n.count))
                    .collect();
                output::note(&format!(
                    "no {what} is named exactly \"{value}\"; names containing it: {}",
                    list.join(", ")
                ));
            }
        }
    }
    Ok(())
}

fn show_cmd(args: &ShowArgs, out: &mut impl Write) -> anyhow::Result<Outcome> {
    ensure_default_index(&args.common.index)?;
    let store = Store::open(&args.common.index)?;
    let shown = record::show(&store, &args.article)?;
    output::show(out, &shown, args.json)?;
    Ok(Outcome::Success)
}

fn stats_cmd(args: &StatsArgs, out: &mut impl Write) -> anyhow::Result<Outcome> {
    let store = Store::open(&args.common.index)?;
    let stats = record::stats(&store)?;
    output::stats(out, &stats, args.json)?;
    Ok(Outcome::Success)
}

fn bench_cmd(args: &BenchArgs, out: &mut impl Write) -> anyhow::Result<Outcome> {
    ensure_default_index(&args.common.index)?;
    let path = match &args.queries {
        Some(p) => p.clone(),
        None => seeds_dir()
            .map(|s| s.join("queries.tsv"))
            .context("no --queries file given and no seeds/queries.tsv found")?,
    };
    let queries = crate::bench::load_queries(&path)?;
    let opts = crate::bench::BenchOptions {
        warmup: args.warmup,
        runs: args.runs,
        limit: args.limit,
        threads: args.threads.clone(),
    };
    let report = crate::bench::run(&args.common.index, &queries, &opts)?;
    output::bench(out, &report, args.json)?;
    Ok(Outcome::Success)
}

fn eval_cmd(args: &EvalArgs, out: &mut impl Write) -> anyhow::Result<Outcome> {
    let opts = crate::eval::EvalOptions::default();
    let report = crate::eval::run(&args.common.index, &args.queries, &args.qrels, &opts)?;
    output::eval(out, &report, args.json, args.per_query)?;
    Ok(Outcome::Success)
}

fn timeline_cmd(args: &TimelineArgs, out: &mut impl Write) -> anyhow::Result<Outcome> {
    ensure_default_index(&args.common.index)?;
    let engine = Engine::open(Store::open(&args.common.index)?)?;
    let by = match args.by {
        BucketArg::Week => Bucket::Week,
        BucketArg::Month => Bucket::Month,
        BucketArg::Year => Bucket::Year,
    };
    let timeline = engine.timeline(&args.filters.to_options(&args.query), by)?;
    output::timeline(out, &timeline, args.json, output::use_color(args.common.color))?;
    Ok(if timeline.total_hits == 0 {
        Outcome::NoHits
    } else {
        Outcome::Success
    })
}
