//! The on-disk index: creating, opening and checking it.
//!
//! Owns the index directory layout (tantivy's files plus our
//! `newsfind.json` marker carrying [`SCHEMA_VERSION`]) and the rule that
//! every opened index has our analyzers registered. Never prints.

use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::{Deserialize, Serialize};
use tantivy::directory::MmapDirectory;
use tantivy::{Index, IndexReader, ReloadPolicy};

use crate::analysis;
use crate::error::Error;
use crate::schema::{build_schema, fields_of, Fields, SCHEMA_VERSION};

/// The marker file that says "this directory is a newsfind index".
pub const MARKER: &str = "newsfind.json";

#[derive(Debug, Serialize, Deserialize)]
struct Marker {
    schema_version: u32,
    created_by: String,
}

/// Bytes on disk of all files under `dir` (the index size users see).
pub fn dir_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// An opened index with its field handles.
pub struct Store {
    /// The tantivy index.
    pub index: Index,
    /// Field handles.
    pub fields: Fields,
    /// The directory.
    pub dir: PathBuf,
}

impl Store {
    /// Opens an existing index, checking the marker and schema version.
    pub fn open(dir: &Path) -> anyhow::Result<Store> {
        if !dir.exists() {
            return Err(Error::IndexNotFound(dir.to_path_buf()).into());
        }
        let marker_path = dir.join(MARKER);
        let marker: Marker = match std::fs::read_to_string(&marker_path) {
            Ok(text) => serde_json::from_str(&text).map_err(|_| Error::NotAnIndex(dir.to_path_buf()))?,
            Err(_)
                if dir.join("meta.json").exists()
                    || dir.read_dir().map(|mut d| d.next().is_some()).unwrap_or(false) =>
            {
                return Err(Error::NotAnIndex(dir.to_path_buf()).into());
            }
            Err(_) => return Err(Error::IndexNotFound(dir.to_path_buf()).into()),
        };
        if marker.schema_version != SCHEMA_VERSION {
            return Err(Error::SchemaMismatch {
                path: dir.to_path_buf(),
                found: marker.schema_version,
                wanted: SCHEMA_VERSION,
            }
            .into());
        }
        let index = Index::open_in_dir(dir).with_context(|| format!("opening index at {}", dir.display()))?;
        analysis::register(&index);
        let fields = fields_of(&index.schema()).ok_or_else(|| Error::NotAnIndex(dir.to_path_buf()))?;
        Ok(Store {
            index,
            fields,
            dir: dir.to_path_buf(),
        })
    }

    /// Opens the index at `dir`, creating it (and the directory) when it
    /// does not exist. `rebuild` removes an existing newsfind index first.
    /// Refuses to touch a non-empty directory that is not ours.
    pub fn open_or_create(dir: &Path, rebuild: bool) -> anyhow::Result<Store> {
        let has_marker = dir.join(MARKER).exists();
        if dir.exists() && !has_marker {
            let non_empty = dir.read_dir().map(|mut d| d.next().is_some()).unwrap_or(true);
            if non_empty {
                return Err(Error::NotAnIndex(dir.to_path_buf()).into());
            }
        }
        if has_marker && rebuild {
            std::fs::remove_dir_all(dir).with_context(|| format!("removing old index at {}", dir.display()))?;
        }
        if dir.join(MARKER).exists() {
            return match Store::open(dir) {
                Err(e) if !rebuild => Err(e),
                other => other,
            };
        }
        std::fs::create_dir_all(dir).with_context(|| format!("creating index directory {}", dir.display()))?;
        let (schema, fields) = build_schema();
        let mmap = MmapDirectory::open(dir).with_context(|| format!("opening {}", dir.display()))?;
        let index =
            Index::open_or_create(mmap, schema).with_context(|| format!("creating index at {}", dir.display()))?;
        analysis::register(&index);
        let marker = Marker {
            schema_version: SCHEMA_VERSION,
            created_by: format!("newsfind {}", env!("CARGO_PKG_VERSION")),
        };
        let text = serde_json::to_string_pretty(&marker)?;
        std::fs::write(dir.join(MARKER), text).with_context(|| format!("writing {}", dir.join(MARKER).display()))?;
        Ok(Store {
            index,
            fields,
            dir: dir.to_path_buf(),
        })
    }

    /// A reader for one CLI invocation: manual reload, so no watcher thread
    /// and a stable snapshot (TANTIVY-NOTES pitfall 10).
    pub fn reader(&self) -> anyhow::Result<IndexReader> {
        let reader = self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .with_context(|| format!("opening a reader on {}", self.dir.display()))?;
        Ok(reader)
    }
}
