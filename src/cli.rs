//! The command line: clap derive only. Doc comments are the help text.
//!
//! Converts arguments into the plain option structs of `index`, `search`
//! and `bench`; no other module imports clap. No I/O, no tantivy.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::search::{FacetKind, SearchOptions, Sort};

/// Full-text search for folders of news articles.
///
/// Exit codes: 0 success (search: at least one hit), 1 search found
/// nothing, 2 error.
#[derive(Debug, Parser)]
#[command(name = "newsfind", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index files and folders (.txt .md .json .jsonl .ndjson .html, also .gz).
    Index(IndexArgs),
    /// Search the index (builds it from seeds/ first when there is none).
    Search(SearchArgs),
    /// Show what the indexer extracted from one article (by path or id).
    Show(ShowArgs),
    /// Index statistics: counts per language and province, dates, size.
    Stats(StatsArgs),
    /// Matching articles over time, as a bar chart (Vietnam calendar days).
    Timeline(TimelineArgs),
    /// Measure query latency (percentiles, QPS) over a query file.
    Bench(BenchArgs),
    /// Score ranking quality against relevance judgments (nDCG@10, MAP, Recall@100).
    Eval(EvalArgs),
}

/// Options every command shares.
#[derive(Debug, Args, Clone)]
pub struct Common {
    /// Index directory.
    #[arg(long, global = true, default_value = "index", value_name = "DIR")]
    pub index: PathBuf,
    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour when stdout is a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// `index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files or directories to index.
    #[arg(default_value = "seeds", value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Delete the index and build it again from scratch.
    #[arg(long)]
    pub rebuild: bool,
    /// Writer memory budget in MiB.
    #[arg(long, default_value_t = 256, value_name = "MIB")]
    pub memory: usize,
    /// Fail (exit 2) when any input problem is reported.
    #[arg(long)]
    pub strict: bool,
    /// JSON key mapping overrides, e.g. `title=headline,body=article`.
    #[arg(long, value_delimiter = ',', value_name = "FIELD=KEY")]
    pub map: Vec<String>,
    /// Commit after this many new articles (and at least every 30 s), at
    /// file boundaries: an interrupted run keeps everything committed.
    #[arg(long, default_value_t = 50_000, value_name = "ARTICLES")]
    pub commit_every: usize,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub common: Common,
}

/// Filters shared by `search` and `timeline`.
#[derive(Debug, Args, Clone, Default)]
pub struct FilterArgs {
    /// Only articles about this province (any spelling; repeat for OR).
    #[arg(long = "province", value_name = "NAME")]
    pub provinces: Vec<String>,
    /// Only articles dated on or after this (YYYY, YYYY-MM, YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only articles dated on or before this (inclusive).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only articles naming this person (repeat for OR).
    #[arg(long = "person", value_name = "NAME")]
    pub people: Vec<String>,
    /// Only articles naming this organisation (repeat for OR).
    #[arg(long = "org", value_name = "NAME")]
    pub orgs: Vec<String>,
    /// Only articles in this language (en, vi, …; repeat for OR).
    #[arg(long = "lang", value_name = "CODE")]
    pub langs: Vec<String>,
    /// Only articles from this publisher (repeat for OR).
    #[arg(long = "source", value_name = "NAME")]
    pub sources: Vec<String>,
}

/// `search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query: words (all required), "phrases", OR, -exclude, (groups), title:word.
    #[arg(value_name = "QUERY")]
    pub query: String,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub filters: FilterArgs,
    /// Result order.
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    /// Hits to show.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Hits to skip (paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Count facets over all matches: province, person, org, program, year.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub facets: Vec<FacetArg>,
    /// Fragments per snippet.
    #[arg(long, default_value_t = 2)]
    pub fragments: usize,
    /// JSON Lines on stdout: hit records, then facets and a summary.
    #[arg(long)]
    pub json: bool,
    /// Show each hit's score breakdown and how the query was analysed.
    #[arg(long)]
    pub explain: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub common: Common,
}

/// `--sort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Best match first.
    Relevance,
    /// Newest first.
    Newest,
    /// Oldest first.
    Oldest,
}

/// `--facets`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FacetArg {
    /// Provinces.
    Province,
    /// People.
    Person,
    /// Organisations.
    Org,
    /// Programmes.
    Program,
    /// Publication years.
    Year,
}

/// `timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// The query (as for search; `*` for everything).
    #[arg(value_name = "QUERY")]
    pub query: String,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub filters: FilterArgs,
    /// Bucket size.
    #[arg(long, value_enum, default_value_t = BucketArg::Month)]
    pub by: BucketArg,
    /// JSON on stdout: one object with the buckets.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub common: Common,
}

/// `--by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BucketArg {
    /// Calendar weeks (Monday to Sunday).
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

/// `show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// An article's path (as indexed) or id.
    pub article: String,
    /// JSON on stdout.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub common: Common,
}

/// `stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// JSON on stdout.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub common: Common,
}

/// `bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Query file, one query per line (# comments). Default: seeds/queries.tsv.
    #[arg(long, value_name = "FILE")]
    pub queries: Option<PathBuf>,
    /// Untimed passes over the queries first.
    #[arg(long, default_value_t = 1)]
    pub warmup: usize,
    /// Timed passes over the queries.
    #[arg(long, default_value_t = 5)]
    pub runs: usize,
    /// Hits per query.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Thread counts for the throughput rows, e.g. `1,2`.
    #[arg(long, value_delimiter = ',', default_value = "1,2")]
    pub threads: Vec<usize>,
    /// JSON on stdout.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub common: Common,
}

/// `eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Query file: JSON Lines, one `{"qid", "text"}` per line.
    #[arg(long, value_name = "FILE")]
    pub queries: PathBuf,
    /// Relevance judgments: `qid docid relevance` per line (tab-separated, header allowed).
    #[arg(long, value_name = "FILE")]
    pub qrels: PathBuf,
    /// Print one line of scores per query (with --json: a `per_query` array).
    #[arg(long)]
    pub per_query: bool,
    /// One JSON object on stdout.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub common: Common,
}

impl FilterArgs {
    /// Search options carrying these filters and `query`.
    pub fn to_options(&self, query: &str) -> SearchOptions {
        SearchOptions {
            query: query.to_string(),
            provinces: self.provinces.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            people: self.people.clone(),
            orgs: self.orgs.clone(),
            langs: self.langs.clone(),
            sources: self.sources.clone(),
            ..Default::default()
        }
    }
}

impl SearchArgs {
    /// The search options these arguments ask for.
    pub fn to_options(&self) -> SearchOptions {
        SearchOptions {
            sort: match self.sort {
                SortArg::Relevance => Sort::Relevance,
                SortArg::Newest => Sort::Newest,
                SortArg::Oldest => Sort::Oldest,
            },
            limit: self.limit,
            offset: self.offset,
            facets: self
                .facets
                .iter()
                .map(|f| match f {
                    FacetArg::Province => FacetKind::Province,
                    FacetArg::Person => FacetKind::Person,
                    FacetArg::Org => FacetKind::Org,
                    FacetArg::Program => FacetKind::Program,
                    FacetArg::Year => FacetKind::Year,
                })
                .collect(),
            fragments: self.fragments,
            no_fetch: false,
            match_any: false,
            explain: self.explain,
            ..self.filters.to_options(&self.query)
        }
    }
}

impl IndexArgs {
    /// `--map` as (field, key) pairs; `Err` names the malformed entry.
    pub fn map_pairs(&self) -> Result<Vec<(String, String)>, String> {
        self.map
            .iter()
            .map(|m| {
                m.split_once('=')
                    .map(|(f, k)| (f.trim().to_string(), k.trim().to_string()))
                    .filter(|(f, k)| !f.is_empty() && !k.is_empty())
                    .ok_or_else(|| format!("--map entry '{m}' is not FIELD=KEY (e.g. title=headline)"))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn map_pairs_reject_malformed_entries() {
        let cli = Cli::parse_from(["newsfind", "index", "--map", "title=headline,bogus"]);
        let Command::Index(args) = cli.command else {
            panic!("parsed as index")
        };
        assert!(args.map_pairs().is_err());
    }
}
