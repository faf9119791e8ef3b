//! Shared helpers: a temp dir per test with a copy of the seeds, and a
//! command for the built binary with no ambient state.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The repository's seeds folder.
pub fn seeds() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// A temp working directory holding `seeds/` (the five articles).
pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(dir.path().join("seeds")).expect("mkdir seeds");
        for e in std::fs::read_dir(seeds()).expect("read seeds") {
            let e = e.expect("entry");
            if e.path().extension().is_some_and(|x| x == "txt") {
                std::fs::copy(e.path(), dir.path().join("seeds").join(e.file_name())).expect("copy");
            }
        }
        Env { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `newsfind ARGS` in this directory, colour off, env cleaned.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("newsfind").expect("binary");
        c.current_dir(self.path())
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR")
            .env_remove("CLICOLOR_FORCE")
            .args(args);
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().expect("run newsfind")
    }

    /// Writes a file under the temp dir, creating parents.
    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, content).expect("write");
        p
    }

    /// Builds `index/` from `seeds/`.
    pub fn index_seeds(&self) {
        let out = self.run(&["index", "seeds"]);
        assert!(
            out.status.success(),
            "index failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Parses JSON Lines output into values.
pub fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l}: {e}")))
        .collect()
}

/// The hit records of `search --json` output.
pub fn hits(o: &Output) -> Vec<serde_json::Value> {
    json_lines(o).into_iter().filter(|v| v["type"] == "hit").collect()
}

/// The file names of the hits, in rank order.
pub fn hit_files(o: &Output) -> Vec<String> {
    hits(o)
        .iter()
        .map(|h| {
            Path::new(h["path"].as_str().unwrap_or(""))
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect()
}
