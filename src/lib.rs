//! newsfind: full-text search for folders of news articles, on tantivy.
//!
//! A person points `newsfind index` at a folder of articles (plain text,
//! HTML, JSON/JSON Lines exports, gzipped or not); it extracts the title,
//! clean body, date, provinces, people, organisations, programmes,
//! language and URL of each, and writes a tantivy index. `newsfind search`
//! then answers BM25-ranked queries with highlighted snippets, filters by
//! province, date, entity and language, and facet counts.
//!
//! # Layout
//! - `main.rs` — thin binary: parse, [`app::run`], exit code.
//! - [`cli`] — clap definitions; converts arguments into option structs.
//! - [`app`] — dispatch: one function per subcommand, hands results to output.
//! - [`error`] — typed errors a user can fix (missing index, unknown province…).
//! - [`schema`] — THE field list and `SCHEMA_VERSION`.
//! - [`analysis`] — tokenizers shared by indexing and querying (folding, exact, stem).
//! - [`store`] — the on-disk index: create/open, version marker, reader.
//! - [`corpus`] — reading files and extracting articles; no tantivy:
//!   [`corpus::walk`](mod@corpus::walk) (files), [`corpus::read`](mod@corpus::read) (formats, problems),
//!   [`corpus::clean`] (headline, chrome, bylines), [`corpus::date`],
//!   [`corpus::province`] (gazetteer), [`corpus::entities`], [`corpus::lang`],
//!   [`corpus::html`] (HTML main text), [`corpus::text`] (NFC, folding, character classes).
//! - [`index`] — writer lifecycle: incremental runs, commits, summary.
//! - [`query`] — query text rewrites: NFC, `province:`/`date:` scopes, place-name spellings.
//! - [`search`] — query building, filters, ranking, facets → `SearchResults`.
//! - [`collect`] — counting collectors over fast columns (entity and date facets, timeline).
//! - [`snippet`] — multi-fragment highlighted snippets.
//! - [`record`] — stored article records, `show` and `stats`.
//! - [`bench`](mod@bench) — query latency percentiles over a query file.
//! - [`eval`] — ranking quality against relevance judgments (nDCG@10, MAP, Recall@100).
//! - [`output`] — the only module that prints: human text, JSON Lines, progress.

#![warn(missing_docs)]

pub mod analysis;
pub mod app;
pub mod bench;
pub mod cli;
pub mod collect;
pub mod corpus;
pub mod error;
pub mod eval;
pub mod index;
pub mod output;
pub mod query;
pub mod record;
pub mod schema;
pub mod search;
pub mod snippet;
pub mod store;
