//! The stored record of one article, as `show` and every search hit carry
//! it, plus `show` and `stats` over an opened index.
//!
//! Owns turning stored tantivy documents back into plain serde data. Never
//! prints.

use std::collections::BTreeMap;

use anyhow::Context;
use serde::Serialize;
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, OwnedValue, Value};
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

use crate::corpus::province::gazetteer;
use crate::error::Error;
use crate::schema::{name, Fields};
use crate::store::Store;

/// One article as stored: the keys of `show --json` and of every hit.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArticleRecord {
    /// Stable id.
    pub id: String,
    /// Source path.
    pub path: String,
    /// Headline, `null` when the article has none.
    pub title: Option<String>,
    /// Headline or derived lead sentence: never empty.
    pub display_title: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` by precision; `null` when unknown.
    pub date: Option<String>,
    /// `day`, `month`, `year`.
    pub date_precision: Option<String>,
    /// `metadata`, `text`, `url`, `inferred`.
    pub date_source: Option<String>,
    /// Province slugs.
    pub provinces: Vec<String>,
    /// Vietnamese display names of `provinces`, same order.
    pub province_names: Vec<String>,
    /// The one or two provinces it is mainly about.
    pub provinces_primary: Vec<String>,
    /// People.
    pub people: Vec<String>,
    /// Organisations.
    pub organizations: Vec<String>,
    /// Programmes.
    pub programs: Vec<String>,
    /// Language code.
    pub lang: String,
    /// Language detection confidence.
    pub lang_confidence: f64,
    /// Source URL.
    pub url: Option<String>,
    /// Publisher.
    pub source: Option<String>,
}

fn texts(doc: &TantivyDocument, field: tantivy::schema::Field) -> Vec<String> {
    doc.get_all(field)
        .filter_map(|v| v.as_str().map(String::from))
        .collect()
}

fn first(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field).and_then(|v| v.as_str()).map(String::from)
}

/// The stored body text of a document.
pub fn body_of(f: &Fields, doc: &TantivyDocument) -> String {
    first(doc, f.body).unwrap_or_default()
}

impl ArticleRecord {
    /// Reads the record back from a stored document.
    pub fn from_doc(f: &Fields, doc: &TantivyDocument) -> ArticleRecord {
        let precision = first(doc, f.date_precision);
        let date = doc.get_first(f.date).and_then(|v| match OwnedValue::from(v) {
            OwnedValue::Date(d) => Some(d),
            _ => None,
        });
        let date = date.and_then(|d| {
            let odt = time::OffsetDateTime::from_unix_timestamp(d.into_timestamp_secs()).ok()?;
            let (y, m, dd) = (odt.year(), odt.month() as u8, odt.day());
            Some(match precision.as_deref() {
                Some("year") => format!("{y:04}"),
                Some("month") => format!("{y:04}-{m:02}"),
                _ => format!("{y:04}-{m:02}-{dd:02}"),
            })
        });
        let provinces: Vec<String> = doc
            .get_all(f.province)
            .filter_map(|v| match OwnedValue::from(v) {
                OwnedValue::Facet(facet) => facet.to_path().first().map(|s| s.to_string()),
                _ => None,
            })
            .collect();
        let gaz = gazetteer();
        let province_names = provinces.iter().map(|s| gaz.display_name(s).to_string()).collect();
        ArticleRecord {
            id: first(doc, f.id).unwrap_or_default(),
            path: first(doc, f.path).unwrap_or_default(),
            title: first(doc, f.title),
            display_title: first(doc, f.display_title).unwrap_or_default(),
            date,
            date_precision: precision,
            date_source: first(doc, f.date_source),
            provinces,
            province_names,
            provinces_primary: texts(doc, f.province_primary),
            people: texts(doc, f.person),
            organizations: texts(doc, f.org),
            programs: texts(doc, f.program),
            lang: first(doc, f.lang).unwrap_or_default(),
            lang_confidence: doc.get_first(f.lang_confidence).and_then(|v| v.as_f64()).unwrap_or(0.0),
            url: first(doc, f.url),
            source: first(doc, f.source),
        }
    }
}

/// What `show` returns: the record plus the stored body.
#[derive(Debug, Clone, Serialize)]
pub struct Shown {
    /// The record.
    #[serde(flatten)]
    pub record: ArticleRecord,
    /// The clean body text.
    pub body: String,
}

fn find_one(searcher: &Searcher, query: &dyn Query) -> anyhow::Result<Option<DocAddress>> {
    let top = searcher.search(query, &TopDocs::with_limit(1).order_by_score())?;
    Ok(top.first().map(|(_, addr)| *addr))
}

/// Finds one article by id, stored path, or canonical path.
pub fn show(store: &Store, key: &str) -> anyhow::Result<Shown> {
    let reader = store.reader()?;
    let searcher = reader.searcher();
    let f = store.fields;
    let trimmed = key.trim_start_matches("./");
    let mut candidates = vec![
        Term::from_field_text(f.id, key),
        Term::from_field_text(f.path, key),
        Term::from_field_text(f.path, trimmed),
    ];
    if let Ok(abs) = std::fs::canonicalize(key) {
        candidates.push(Term::from_field_text(f.path_abs, &abs.display().to_string()));
    }
    for (k, term) in candidates.into_iter().enumerate() {
        let q = TermQuery::new(term, IndexRecordOption::Basic);
        // By path (not id): a JSON Lines file holds many articles.
        if k > 0 {
            let (top, n) = searcher.search(&q, &(TopDocs::with_limit(3).order_by_score(), Count))?;
            if n > 1 {
                let mut ids = Vec::new();
                for (_, addr) in top {
                    let doc: TantivyDocument = searcher.doc(addr).context("reading stored article")?;
                    ids.push(first(&doc, f.id).unwrap_or_default());
                }
                ids.sort();
                anyhow::bail!(
                    "{key} holds {n} articles; show one by its id, e.g. `newsfind show {}` (ids include: {})",
                    ids[0],
                    ids.join(", ")
                );
            }
        }
        if let Some(addr) = find_one(&searcher, &q)? {
            let doc: TantivyDocument = searcher.doc(addr).context("reading stored article")?;
            return Ok(Shown {
                record: ArticleRecord::from_doc(&f, &doc),
                body: body_of(&f, &doc),
            });
        }
    }
    Err(Error::ArticleNotFound(key.to_string()).into())
}

/// What `stats` reports.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    /// Index directory.
    pub index: String,
    /// Articles.
    pub documents: u64,
    /// Articles per language.
    pub languages: BTreeMap<String, u64>,
    /// Articles per province slug, most first.
    pub provinces: Vec<(String, String, u64)>,
    /// Articles with a date.
    pub dated: u64,
    /// Earliest date.
    pub date_min: Option<String>,
    /// Latest date.
    pub date_max: Option<String>,
    /// Bytes on disk.
    pub index_bytes: u64,
    /// Segments.
    pub segments: usize,
    /// Schema version.
    pub schema_version: u32,
    /// Time of the last commit (RFC 3339, UTC), when known.
    pub last_commit: Option<String>,
}

fn date_string(secs: i64) -> Option<String> {
    let d = time::OffsetDateTime::from_unix_timestamp(secs).ok()?;
    Some(format!("{:04}-{:02}-{:02}", d.year(), d.month() as u8, d.day()))
}

/// Collects index statistics.
pub fn stats(store: &Store) -> anyhow::Result<Stats> {
    let reader = store.reader()?;
    let searcher = reader.searcher();
    let mut facets = FacetCollector::for_field(name::PROVINCE);
    facets.add_facet("/");
    let (documents, facet_counts) = searcher.search(&AllQuery, &(Count, facets))?;
    let gaz = gazetteer();
    let mut provinces: Vec<(String, String, u64)> = facet_counts
        .get("/")
        .map(|(facet, n)| {
            let slug = facet.to_path().first().map(|s| s.to_string()).unwrap_or_default();
            let display = gaz.display_name(&slug).to_string();
            (slug, display, n)
        })
        .collect();
    provinces.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));

    let mut languages = BTreeMap::new();
    for seg in searcher.segment_readers() {
        if let Some(col) = seg.fast_fields().str(name::LANG)? {
            let mut s = String::new();
            for doc in seg.doc_ids_alive() {
                s.clear();
                if let Some(ord) = col.term_ords(doc).next() {
                    col.ord_to_str(ord, &mut s)?;
                }
                *languages.entry(s.clone()).or_insert(0u64) += 1;
            }
        }
    }
    let dated_q = BooleanQuery::new(vec![(
        Occur::Must,
        Box::new(tantivy::query::ExistsQuery::new(name::DATE.to_string(), false)) as Box<dyn Query>,
    )]);
    let dated = searcher.search(&dated_q, &Count)?;
    let oldest = searcher.search(
        &dated_q,
        &TopDocs::with_limit(1).order_by_fast_field::<tantivy::DateTime>(name::DATE, Order::Asc),
    )?;
    let newest = searcher.search(
        &dated_q,
        &TopDocs::with_limit(1).order_by_fast_field::<tantivy::DateTime>(name::DATE, Order::Desc),
    )?;
    // At the article's own precision: a year-only date is "2022", not
    // "2022-01-01".
    let f = &store.fields;
    let to_s = |v: &[(Option<tantivy::DateTime>, DocAddress)]| {
        let (d, addr) = v.first()?;
        let day = date_string(d.as_ref()?.into_timestamp_secs())?;
        let doc: TantivyDocument = searcher.doc(*addr).ok()?;
        let len = match doc.get_first(f.date_precision).and_then(|v| v.as_str()) {
            Some("year") => 4,
            Some("month") => 7,
            _ => day.len(),
        };
        Some(day[..len].to_string())
    };
    let metas = store.index.load_metas()?;
    let last_commit = metas
        .payload
        .as_deref()
        .and_then(|p| serde_json::from_str::<serde_json::Value>(p).ok())
        .and_then(|v| v.get("committed_at").and_then(|t| t.as_i64()))
        .and_then(|t| time::OffsetDateTime::from_unix_timestamp(t).ok())
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok());
    Ok(Stats {
        index: store.dir.display().to_string(),
        documents: documents as u64,
        languages,
        provinces,
        dated: dated as u64,
        date_min: to_s(&oldest),
        date_max: to_s(&newest),
        index_bytes: crate::store::dir_size(&store.dir),
        segments: searcher.segment_readers().len(),
        schema_version: crate::schema::SCHEMA_VERSION,
        last_commit,
    })
}
