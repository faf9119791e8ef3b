//! The `newsfind` binary: parse arguments, run, pick the exit code.
//!
//! Exit codes: 0 success (search: at least one hit), 1 search found
//! nothing, 2 error (including usage errors). A closed pipe exits 0.

use clap::Parser;

use newsfind::app::{self, Outcome};
use newsfind::cli::Cli;
use newsfind::output;

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    match app::run(cli) {
        Ok(Outcome::Success) => std::process::ExitCode::SUCCESS,
        Ok(Outcome::NoHits) => std::process::ExitCode::from(1),
        Err(err) => {
            let broken_pipe = err.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            });
            if broken_pipe {
                return std::process::ExitCode::SUCCESS;
            }
            output::error(&err);
            std::process::ExitCode::from(2)
        }
    }
}
