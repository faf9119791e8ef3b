//! Errors a user can fix or a test tells apart. Everything else is
//! `anyhow` with context, in the orchestration code.

use std::path::PathBuf;

/// A failure with a message that says what to do.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No index where one was expected.
    #[error("no index at {}: build one with `newsfind index [PATHS] --index {}`", .0.display(), .0.display())]
    IndexNotFound(PathBuf),
    /// A directory that is not a newsfind index.
    #[error("{} is not a newsfind index (no newsfind.json marker); choose another --index directory or remove it", .0.display())]
    NotAnIndex(PathBuf),
    /// An index built by another schema version.
    #[error("index at {} was built with schema v{found}, this binary needs v{wanted}; rebuild it with `newsfind index --rebuild`", .path.display())]
    SchemaMismatch {
        /// The index directory.
        path: PathBuf,
        /// Version on disk.
        found: u32,
        /// Version this binary writes.
        wanted: u32,
    },
    /// Another `index` process holds the writer lock.
    #[error("another `newsfind index` is already writing to {}; wait for it to finish (search keeps working meanwhile)", .0.display())]
    IndexLocked(PathBuf),
    /// A province nobody knows.
    #[error("unknown province '{given}' (close matches: {})", .suggestions.join(", "))]
    UnknownProvince {
        /// What the user typed.
        given: String,
        /// Close slugs.
        suggestions: Vec<String>,
    },
    /// A bad date in a filter.
    #[error("bad date '{0}': use YYYY, YYYY-MM or YYYY-MM-DD")]
    BadDate(String),
    /// A query that does not parse.
    #[error("query syntax error: {message}\n  {query}\n  {caret}")]
    QuerySyntax {
        /// What is wrong.
        message: String,
        /// The query as typed.
        query: String,
        /// A caret line pointing at the position.
        caret: String,
    },
    /// `show` found nothing.
    #[error("no article with id or path '{0}' in the index (try `newsfind search` to find it)")]
    ArticleNotFound(String),
    /// Nothing could be indexed.
    #[error("nothing was indexed: {0}")]
    NothingIndexed(String),
    /// `--strict` and there were warnings.
    #[error("{0} problem(s) with the input and --strict is set (see the warnings above)")]
    Strict(usize),
}

/// Result alias for this crate's typed errors.
pub type Result<T> = std::result::Result<T, Error>;
