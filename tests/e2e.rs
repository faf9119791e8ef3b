//! End-to-end tests: the built binary, run in a fresh temp directory with a
//! cleaned environment. One module per subcommand, plus error behaviour.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr
)]

mod e2e {
    pub mod common;
    mod errors;
    mod eval;
    mod extraction;
    mod index;
    mod query;
    mod search;
    mod show_stats;
}
