//! Finding input files: walkdir over the given paths, in a stable order.
//!
//! Owns which files count as articles (by extension, see
//! [`crate::corpus::read::format_of`]); hidden files and directories and the
//! index directory itself are passed over. Symlinks are followed, and a
//! symlink loop is reported as a problem rather than walked forever.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::corpus::read::{format_of, Problem, ProblemKind};

/// One entry found by the walk.
#[derive(Debug)]
pub enum Found {
    /// A file we can read, with the path as it will be shown and stored.
    File(PathBuf, String),
    /// A file we do not read (unknown extension).
    Unsupported(PathBuf),
    /// Something went wrong walking.
    Problem(Problem),
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Walks `roots` (files or directories), skipping `exclude` (the index
/// directory) and hidden entries below each root, sorted by file name.
pub fn walk<'a>(roots: &'a [PathBuf], exclude: Option<&'a Path>) -> impl Iterator<Item = Found> + 'a {
    let exclude = exclude.and_then(|p| p.canonicalize().ok());
    roots.iter().flat_map(move |root| {
        let exclude = exclude.clone();
        WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(move |e| {
                if e.depth() > 0 && is_hidden(e.file_name()) {
                    return false;
                }
                match (&exclude, e.file_type().is_dir()) {
                    (Some(ex), true) => e.path().canonicalize().map(|c| c != *ex).unwrap_or(true),
                    _ => true,
                }
            })
            .filter_map(|entry| match entry {
                Ok(e) if e.file_type().is_file() => {
                    let display = e.path().to_string_lossy().into_owned();
                    Some(if format_of(e.path()).is_some() {
                        Found::File(e.path().to_path_buf(), display)
                    } else {
                        Found::Unsupported(e.path().to_path_buf())
                    })
                }
                // A FIFO, socket or device named like an article: say why
                // it is passed over (reading a FIFO could block forever).
                Ok(e) if !e.file_type().is_dir() && format_of(e.path()).is_some() => Some(Found::Problem(Problem {
                    path: e.path().to_string_lossy().into_owned(),
                    line: None,
                    kind: ProblemKind::Unreadable,
                    detail: "not a regular file (FIFO, socket or device); skipped".to_string(),
                })),
                Ok(_) => None,
                Err(err) => {
                    let path = err.path().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
                    let detail = if err.loop_ancestor().is_some() {
                        "symlink loop; not followed".to_string()
                    } else {
                        format!(
                            "cannot walk: {}",
                            err.io_error().map(|e| e.to_string()).unwrap_or_else(|| err.to_string())
                        )
                    };
                    Some(Found::Problem(Problem {
                        path,
                        line: None,
                        kind: ProblemKind::WalkError,
                        detail,
                    }))
                }
            })
            .collect::<Vec<_>>()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_supported_files_and_skips_hidden_and_excluded() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/.git")).expect("mkdir");
        std::fs::create_dir_all(root.join("index")).expect("mkdir");
        std::fs::write(root.join("a/one.txt"), "x").expect("write");
        std::fs::write(root.join("a/two.jsonl.gz"), "x").expect("write");
        std::fs::write(root.join("a/.git/three.txt"), "x").expect("write");
        std::fs::write(root.join("index/four.json"), "x").expect("write");
        std::fs::write(root.join("a/five.pdf"), "x").expect("write");
        let roots = vec![root.to_path_buf()];
        let ex = root.join("index");
        let found: Vec<String> = walk(&roots, Some(&ex))
            .filter_map(|f| match f {
                Found::File(p, _) => p.file_name().map(|n| n.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        assert_eq!(found, ["one.txt", "two.jsonl.gz"]);
    }

    #[cfg(unix)]
    #[test]
    fn fifo_is_reported_not_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        if !made {
            return; // no mkfifo on this system
        }
        let roots = vec![dir.path().to_path_buf()];
        let found: Vec<Found> = walk(&roots, None).collect();
        assert!(
            matches!(&found[..], [Found::Problem(p)] if p.detail.contains("not a regular file")),
            "{found:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_is_a_problem_not_a_hang() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(dir.path().join("d")).expect("mkdir");
        std::os::unix::fs::symlink(dir.path(), dir.path().join("d/loop")).expect("symlink");
        let roots = vec![dir.path().to_path_buf()];
        let problems = walk(&roots, None).filter(|f| matches!(f, Found::Problem(_))).count();
        assert_eq!(problems, 1);
    }
}
