//! Searching: query parsing, filters, ranking, snippets and facet counts.
//!
//! Returns [`SearchResults`] (plain serde data). Never prints and never
//! sees clap. An [`Engine`] holds one reader per process, so `bench` runs
//! exactly the code path of `search`.
//!
//! Ranking is tantivy's BM25 over the folded `title` and `body` fields
//! (equal weight), plus the English-stemmed body (weight 0.5); a query typed with Vietnamese
//! diacritics also scores the exact-diacritic fields, so exact matches rank
//! above folded ones. All terms are required unless `OR` is written.

use std::collections::BTreeMap;
use std::ops::Bound;
use std::time::Instant;

use anyhow::Context;
use rayon::prelude::*;
use serde::Serialize;
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, QueryParserError, RangeQuery, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{DateTime, DocAddress, IndexReader, Order, TantivyDocument, Term};

use crate::analysis;
use crate::corpus::entities::person_filter_name;
use crate::corpus::province::gazetteer;
use crate::corpus::text::{fold, normalize};
use crate::error::Error;
use crate::query::Rewrite;
use crate::record::{body_of, ArticleRecord};
use crate::schema::{name, Fields};
use crate::snippet::{QueryTerms, Snippet, Snippeter};
use crate::store::Store;

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// BM25 score.
    #[default]
    Relevance,
    /// Newest first (undated last).
    Newest,
    /// Oldest first (undated last).
    Oldest,
}

/// Facets that can be counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FacetKind {
    /// Provinces.
    Province,
    /// People.
    Person,
    /// Organisations.
    Org,
    /// Programmes.
    Program,
    /// Publication years (from the date field).
    Year,
}

/// Timeline bucket size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bucket {
    /// Monday-to-Sunday weeks, labelled by their Monday.
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

/// One bar of a timeline.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TimelineBucket {
    /// `YYYY-MM-DD` (week), `YYYY-MM` (month) or `YYYY` (year).
    pub start: String,
    /// Matching articles dated in the bucket.
    pub count: u64,
}

/// Matching articles over time.
#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    /// The query as given.
    pub query: String,
    /// Bucket size.
    pub by: Bucket,
    /// All matching articles.
    pub total_hits: u64,
    /// Matching articles without a date (not in any bucket).
    pub undated: u64,
    /// Buckets from the first to the last dated match, empty ones included.
    pub buckets: Vec<TimelineBucket>,
}

fn bucket_start(d: time::Date, by: Bucket) -> time::Date {
    match by {
        Bucket::Year => time::Date::from_calendar_date(d.year(), time::Month::January, 1).unwrap_or(d),
        Bucket::Month => d.replace_day(1).unwrap_or(d),
        Bucket::Week => d - time::Duration::days(i64::from(d.weekday().number_days_from_monday())),
    }
}

fn next_bucket(d: time::Date, by: Bucket) -> Option<time::Date> {
    match by {
        Bucket::Year => time::Date::from_calendar_date(d.year() + 1, time::Month::January, 1).ok(),
        Bucket::Month => {
            let (y, m) = if d.month() == time::Month::December {
                (d.year() + 1, time::Month::January)
            } else {
                (d.year(), d.month().next())
            };
            time::Date::from_calendar_date(y, m, 1).ok()
        }
        Bucket::Week => d.checked_add(time::Duration::days(7)),
    }
}

fn bucket_label(d: time::Date, by: Bucket) -> String {
    match by {
        Bucket::Year => format!("{:04}", d.year()),
        Bucket::Month => format!("{:04}-{:02}", d.year(), d.month() as u8),
        Bucket::Week => format!("{:04}-{:02}-{:02}", d.year(), d.month() as u8, d.day()),
    }
}

impl FacetKind {
    /// The fast column of exact names an entity kind is counted from
    /// (programmes for any non-entity kind).
    fn name_column(self) -> &'static str {
        match self {
            FacetKind::Person => name::PERSON_NAME,
            FacetKind::Org => name::ORG_NAME,
            _ => name::PROGRAM_NAME,
        }
    }

    fn root(self) -> &'static str {
        match self {
            FacetKind::Province => "/",
            // Entities and years are counted from fast columns.
            _ => "",
        }
    }

    /// The name used in output.
    pub fn label(self) -> &'static str {
        match self {
            FacetKind::Province => "province",
            FacetKind::Person => "person",
            FacetKind::Org => "org",
            FacetKind::Program => "program",
            FacetKind::Year => "year",
        }
    }
}

/// What to search for.
#[derive(Debug, Clone, Default)]
pub struct SearchOptions {
    /// The query text (empty or `*`: every article).
    pub query: String,
    /// Province spellings; any of them matches.
    pub provinces: Vec<String>,
    /// Earliest date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Latest date, same forms (inclusive: `2024` means to the end of 2024).
    pub to: Option<String>,
    /// People; any of them matches.
    pub people: Vec<String>,
    /// Organisations; any of them matches.
    pub orgs: Vec<String>,
    /// Languages; any of them matches.
    pub langs: Vec<String>,
    /// Publishers; any of them matches.
    pub sources: Vec<String>,
    /// Order of results.
    pub sort: Sort,
    /// Hits per page.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// Facets to count over all matching articles.
    pub facets: Vec<FacetKind>,
    /// Fragments per snippet.
    pub fragments: usize,
    /// Skip snippets and stored fields (bench: search time only).
    pub no_fetch: bool,
    /// Attach each hit's score breakdown and the query analysis.
    pub explain: bool,
    /// Any term may match (OR) instead of all (AND): ranked retrieval for
    /// natural-language queries, as in `eval`.
    pub match_any: bool,
}

/// One hit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// 1-based rank, counting the offset.
    pub rank: usize,
    /// BM25 score (`null` when sorted by date).
    pub score: Option<f32>,
    /// The stored record.
    #[serde(flatten)]
    pub record: ArticleRecord,
    /// Highlighted ranges in `display_title`, character offsets.
    pub title_highlights: Vec<[usize; 2]>,
    /// Snippet text.
    pub snippet: String,
    /// Highlighted ranges in `snippet`, character offsets.
    pub highlights: Vec<[usize; 2]>,
    /// tantivy's score breakdown, with `--explain`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<serde_json::Value>,
}

/// How the query was analysed (`--explain`).
#[derive(Debug, Clone, Serialize, Default)]
pub struct QueryAnalysis {
    /// The query text handed to tantivy's parser after our rewrites.
    pub rewritten: String,
    /// What the rewrites did (NFC, field scopes, place-name spellings).
    pub rewrites: Vec<String>,
    /// Terms matched on the folded fields (accents removed).
    pub folded_terms: Vec<String>,
    /// Terms matched on the exact-diacritic fields.
    pub exact_terms: Vec<String>,
    /// English stems matched on the stemmed field.
    pub stemmed_terms: Vec<String>,
    /// The parsed query, as tantivy prints it.
    pub parsed: String,
}

/// One facet value and its count.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FacetCount {
    /// The value (a province slug, or an entity name).
    pub value: String,
    /// Display form (Vietnamese province name; the entity name).
    pub display: String,
    /// Matching articles.
    pub count: u64,
}

/// Everything one search produced.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// Articles matching in total (not just this page).
    pub total_hits: usize,
    /// This page.
    pub hits: Vec<Hit>,
    /// Facet counts by kind label, when asked.
    pub facets: BTreeMap<String, Vec<FacetCount>>,
    /// Time to find and rank, ms.
    pub search_ms: f64,
    /// Time to read stored fields and build snippets, ms.
    pub fetch_ms: f64,
    /// Query analysis, with `--explain`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub analysis: Option<QueryAnalysis>,
}

/// An opened index ready to answer queries.
pub struct Engine {
    store: Store,
    reader: IndexReader,
}

pub(crate) fn parse_date_bound(text: &str, end: bool) -> Result<time::Date, Error> {
    let bad = || Error::BadDate(text.to_string());
    let parts: Vec<&str> = text.trim().split('-').collect();
    let num = |s: &str| s.parse::<i32>().map_err(|_| bad());
    let (y, m, d) = match parts.as_slice() {
        [y] if y.len() == 4 => (num(y)?, None, None),
        [y, m] if y.len() == 4 => (num(y)?, Some(num(m)?), None),
        [y, m, d] if y.len() == 4 => (num(y)?, Some(num(m)?), Some(num(d)?)),
        _ => return Err(bad()),
    };
    let month = |m: i32| time::Month::try_from(u8::try_from(m).map_err(|_| bad())?).map_err(|_| bad());
    let date = match (m, d, end) {
        (None, _, false) => time::Date::from_calendar_date(y, time::Month::January, 1),
        (None, _, true) => time::Date::from_calendar_date(y, time::Month::December, 31),
        (Some(m), None, false) => time::Date::from_calendar_date(y, month(m)?, 1),
        (Some(m), None, true) => {
            let mo = month(m)?;
            time::Date::from_calendar_date(y, mo, mo.length(y))
        }
        (Some(m), Some(d), _) => time::Date::from_calendar_date(y, month(m)?, u8::try_from(d).map_err(|_| bad())?),
    };
    date.map_err(|_| bad())
}

fn date_term(f: &Fields, d: time::Date) -> Term {
    let secs = d.midnight().assume_utc().unix_timestamp();
    Term::from_field_date_for_search(f.date, DateTime::from_timestamp_secs(secs))
}

/// Turns a tantivy parser error into a message with a caret under the
/// likely position.
fn syntax_error(query: &str, err: &QueryParserError) -> Error {
    let chars: Vec<char> = query.chars().collect();
    let mut pos = chars.len();
    // An unbalanced quote or parenthesis is the usual culprit.
    let quotes: Vec<usize> = chars
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == '"')
        .map(|(i, _)| i)
        .collect();
    if quotes.len() % 2 == 1 {
        pos = *quotes.last().unwrap_or(&pos);
    } else {
        let mut stack = Vec::new();
        for (i, c) in chars.iter().enumerate() {
            match c {
                '(' => stack.push(i),
                ')' if stack.pop().is_none() => {
                    pos = i;
                    break;
                }
                _ => {}
            }
        }
        if let Some(open) = stack.first() {
            pos = *open;
        }
    }
    let message = match err {
        QueryParserError::FieldDoesNotExist(f) => format!(
            "unknown field '{f}:' (fields you can name: title, body, province, person, org, source, lang, date)"
        ),
        QueryParserError::AllButQueryForbidden => {
            "a query of only excluded terms matches nothing; add a term to search for".to_string()
        }
        other => other.to_string().replace("Syntax Error: ", "").to_lowercase(),
    };
    Error::QuerySyntax {
        message,
        query: query.to_string(),
        caret: format!("{}^", " ".repeat(pos)),
    }
}

impl Engine {
    /// Opens the index for searching.
    pub fn open(store: Store) -> anyhow::Result<Engine> {
        let reader = store.reader()?;
        Ok(Engine { store, reader })
    }

    /// The store behind this engine.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Articles in the index.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Builds the text part of the query, with the rewrite that produced it
    /// (kept for prefix highlighting and `--explain`: rewriting is done once).
    fn text_query(&self, raw: &str, match_any: bool) -> anyhow::Result<(Box<dyn Query>, Rewrite)> {
        let f = &self.store.fields;
        let typed = normalize(raw);
        let typed = typed.trim();
        if typed == "*" {
            return Ok((Box::new(AllQuery), Rewrite::default()));
        }
        if typed.is_empty() {
            // An empty variable in a script must not silently mean "all".
            return Err(Error::QuerySyntax {
                message: "empty query (use * to list every article)".to_string(),
                query: String::new(),
                caret: "^".to_string(),
            }
            .into());
        }
        let rewritten = crate::query::rewrite(typed)?;
        let q = rewritten.text.trim();
        // Accents typed: also score the exact-diacritic fields.
        let accented = fold(typed) != typed.to_lowercase();
        // A query typed with Vietnamese diacritics is not English: the
        // exact-diacritic fields replace the English stems.
        let fields = if accented {
            vec![f.title, f.body, f.title_exact, f.body_exact]
        } else {
            vec![f.title, f.body, f.body_stem]
        };
        let mut parser = QueryParser::for_index(&self.store.index, fields);
        // Only our own rewrite emits regexes (for `word*`).
        parser.allow_regexes();
        if !match_any {
            parser.set_conjunction_by_default();
        }
        // Title and body weigh the same, as in the multi-field BM25 baseline
        // (a short title already scores high per word). A headline boost of
        // 2 cost 0.03 nDCG@10 on SciFact, see README "eval".
        parser.set_field_boost(f.body_stem, 0.5);
        if accented {
            parser.set_field_boost(f.title_exact, 1.5);
            parser.set_field_boost(f.body_exact, 1.5);
        }
        let query = parser.parse_query(q).map_err(|e| syntax_error(q, &e))?;
        Ok((query, rewritten))
    }

    fn filters(&self, opts: &SearchOptions) -> anyhow::Result<Vec<Box<dyn Query>>> {
        let f = &self.store.fields;
        let mut musts: Vec<Box<dyn Query>> = Vec::new();
        let any_of = |terms: Vec<Term>| -> Box<dyn Query> {
            let shoulds: Vec<(Occur, Box<dyn Query>)> = terms
                .into_iter()
                .map(|t| {
                    (
                        Occur::Should,
                        Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>,
                    )
                })
                .collect();
            Box::new(BooleanQuery::new(shoulds))
        };
        if !opts.provinces.is_empty() {
            let mut terms = Vec::new();
            for spelling in &opts.provinces {
                let slugs = gazetteer()
                    .resolve_filter(spelling)
                    .map_err(|_| Error::UnknownProvince {
                        given: spelling.clone(),
                        suggestions: gazetteer().suggest(spelling),
                    })?;
                terms.extend(
                    slugs
                        .iter()
                        .map(|s| Term::from_facet(f.province, &Facet::from_path([s.as_str()]))),
                );
            }
            musts.push(any_of(terms));
        }
        let keyword = |field, values: &[String]| -> Vec<Term> {
            let mut analyzer = analysis::keyword_analyzer();
            values
                .iter()
                .flat_map(|v| analysis::token_texts(&mut analyzer, &normalize(v)))
                .map(|t| Term::from_field_text(field, &t))
                .collect()
        };
        if !opts.people.is_empty() {
            let names: Vec<String> = opts.people.iter().map(|p| person_filter_name(p)).collect();
            musts.push(any_of(keyword(f.person, &names)));
        }
        if !opts.orgs.is_empty() {
            musts.push(any_of(keyword(f.org, &opts.orgs)));
        }
        if !opts.sources.is_empty() {
            musts.push(any_of(keyword(f.source, &opts.sources)));
        }
        if !opts.langs.is_empty() {
            musts.push(any_of(
                opts.langs
                    .iter()
                    .map(|l| {
                        // `vi`, `vie`, `Vietnamese`, `vi-VN` all mean the same.
                        let code = crate::corpus::lang::normalize_code(l).unwrap_or_else(|| l.to_lowercase());
                        Term::from_field_text(f.lang, &code)
                    })
                    .collect(),
            ));
        }
        if opts.from.is_some() || opts.to.is_some() {
            let lower = match &opts.from {
                Some(s) => Bound::Included(date_term(f, parse_date_bound(s, false)?)),
                None => Bound::Unbounded,
            };
            let upper = match &opts.to {
                Some(s) => Bound::Included(date_term(f, parse_date_bound(s, true)?)),
                None => Bound::Unbounded,
            };
            musts.push(Box::new(RangeQuery::new(lower, upper)));
        }
        Ok(musts)
    }

    /// The full query: text AND filters.
    pub fn build_query(&self, opts: &SearchOptions) -> anyhow::Result<Box<dyn Query>> {
        Ok(self.build(opts)?.0)
    }

    /// The full query and the rewrite of its text.
    fn build(&self, opts: &SearchOptions) -> anyhow::Result<(Box<dyn Query>, Rewrite)> {
        let (text, rewritten) = self.text_query(&opts.query, opts.match_any)?;
        let filters = self.filters(opts)?;
        if filters.is_empty() {
            return Ok((text, rewritten));
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text)];
        clauses.extend(filters.into_iter().map(|q| (Occur::Must, q)));
        Ok((Box::new(BooleanQuery::new(clauses)), rewritten))
    }

    fn analyse(&self, rewritten: Rewrite, query: &dyn Query) -> QueryAnalysis {
        let terms = self.query_terms(query);
        let sorted = |set: &std::collections::HashSet<String>| {
            let mut v: Vec<String> = set.iter().cloned().collect();
            v.sort();
            v
        };
        QueryAnalysis {
            rewritten: rewritten.text,
            rewrites: rewritten.notes,
            folded_terms: sorted(&terms.folded),
            exact_terms: sorted(&terms.exact),
            stemmed_terms: sorted(&terms.stemmed),
            parsed: format!("{query:?}"),
        }
    }

    fn query_terms(&self, query: &dyn Query) -> QueryTerms {
        let f = &self.store.fields;
        let mut terms = QueryTerms::default();
        query.query_terms(&mut |term, _| {
            let value = term.value();
            let Some(text) = value.as_str() else { return };
            let field = term.field();
            if field == f.title || field == f.body {
                terms.folded.insert(text.to_string());
            } else if field == f.title_exact || field == f.body_exact {
                terms.exact.insert(text.to_string());
            } else if field == f.body_stem {
                terms.stemmed.insert(text.to_string());
            }
        });
        terms
    }

    /// Ranked article ids and scores only (no stored fields, no snippets):
    /// the `search` ranking for evaluation and benchmarks.
    pub fn search_ids(&self, opts: &SearchOptions) -> anyhow::Result<Vec<(String, f32)>> {
        let searcher = self.reader.searcher();
        let query = self.build_query(opts)?;
        let top = searcher.search(
            &query,
            &TopDocs::with_limit(opts.limit.max(1))
                .and_offset(opts.offset)
                .order_by_score(),
        )?;
        let mut out = Vec::with_capacity(top.len());
        let mut id = String::new();
        for (score, addr) in top {
            let seg = searcher.segment_reader(addr.segment_ord);
            id.clear();
            if let Some(col) = seg.fast_fields().str(name::ID)? {
                if let Some(ord) = col.term_ords(addr.doc_id).next() {
                    col.ord_to_str(ord, &mut id)?;
                }
            }
            out.push((id.clone(), score));
        }
        Ok(out)
    }

    /// Runs one search.
    pub fn search(&self, opts: &SearchOptions) -> anyhow::Result<SearchResults> {
        let started = Instant::now();
        let searcher = self.reader.searcher();
        let (query, rewritten) = self.build(opts)?;
        let limit = opts.limit.max(1);
        let (ranked, total): (Vec<(Option<f32>, DocAddress)>, usize) = match opts.sort {
            // --limit 0: only the count (and facets).
            _ if opts.limit == 0 => (Vec::new(), searcher.search(&query, &Count)?),
            Sort::Relevance => {
                let (top, count) = searcher.search(
                    &query,
                    &(
                        TopDocs::with_limit(limit).and_offset(opts.offset).order_by_score(),
                        Count,
                    ),
                )?;
                (top.into_iter().map(|(s, a)| (Some(s), a)).collect(), count)
            }
            Sort::Newest | Sort::Oldest => {
                let order = if opts.sort == Sort::Newest {
                    Order::Desc
                } else {
                    Order::Asc
                };
                let collector = TopDocs::with_limit(limit)
                    .and_offset(opts.offset)
                    .order_by_fast_field::<DateTime>(name::DATE, order);
                let (top, count) = searcher.search(&query, &(collector, Count))?;
                (top.into_iter().map(|(_, a)| (None, a)).collect(), count)
            }
        };
        let mut facets = BTreeMap::new();
        for kind in &opts.facets {
            let counts = if *kind == FacetKind::Year {
                self.year_counts(&searcher, &*query)?
            } else {
                self.facet_counts(&searcher, &*query, *kind)?
            };
            facets.insert(kind.label().to_string(), counts);
        }
        let search_ms = started.elapsed().as_secs_f64() * 1000.0;

        let fetch_started = Instant::now();
        let mut hits = Vec::with_capacity(ranked.len());
        if !opts.no_fetch {
            let mut terms = self.query_terms(&*query);
            terms.prefixes = rewritten.prefixes.clone();
            // Stored documents are read in rank order; snippets (tokenising
            // each body) are built on all cores.
            let mut docs = Vec::with_capacity(ranked.len());
            for (score, addr) in ranked {
                let doc: TantivyDocument = searcher.doc(addr).context("reading a stored article")?;
                docs.push((score, addr, doc));
            }
            let fields = self.store.fields;
            let fragments = opts.fragments.max(1);
            let built: Vec<(ArticleRecord, Vec<[usize; 2]>, Snippet)> = docs
                .par_iter()
                .map_init(
                    || Snippeter::new(terms.clone(), fragments),
                    |snippeter, (_, _, doc)| {
                        let record = ArticleRecord::from_doc(&fields, doc);
                        snippeter.set_stemming(record.lang == "en");
                        let title_hl = snippeter.highlight_whole(&record.display_title).highlights;
                        let mut snippet = snippeter.snippet(&body_of(&fields, doc));
                        if snippet.text.is_empty() {
                            // A headline-only article: its headline is its text.
                            snippet = snippeter.highlight_whole(&record.display_title);
                        }
                        (record, title_hl, snippet)
                    },
                )
                .collect();
            for (i, ((score, addr, _), (record, title_hl, snippet))) in docs.into_iter().zip(built).enumerate() {
                let Snippet { text, highlights } = snippet;
                let explain = if opts.explain {
                    // tantivy's phrase explain trips a debug assertion
                    // (release builds are unaffected); an explanation is
                    // never worth failing the search for.
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| query.explain(&searcher, addr)))
                        .ok()
                        .and_then(Result::ok)
                        .and_then(|e| serde_json::from_str(&e.to_pretty_json()).ok())
                } else {
                    None
                };
                hits.push(Hit {
                    rank: opts.offset + i + 1,
                    score,
                    record,
                    title_highlights: title_hl,
                    snippet: text,
                    highlights,
                    explain,
                });
            }
        }
        Ok(SearchResults {
            query: opts.query.clone(),
            total_hits: total,
            hits,
            facets,
            search_ms,
            fetch_ms: fetch_started.elapsed().as_secs_f64() * 1000.0,
            analysis: if opts.explain {
                Some(self.analyse(rewritten, &*query))
            } else {
                None
            },
        })
    }

    /// Matching articles per calendar day (and the undated ones), in one
    /// pass over the date column.
    fn matching_days(
        &self,
        searcher: &tantivy::Searcher,
        query: &dyn Query,
    ) -> anyhow::Result<(Vec<(time::Date, u64)>, u64)> {
        let days = searcher.search(query, &crate::collect::DayCounts::for_field(name::DATE))?;
        let epoch = time::Date::from_calendar_date(1970, time::Month::January, 1)?;
        let dated = days
            .by_day
            .into_iter()
            .filter_map(|(d, n)| epoch.checked_add(time::Duration::days(d)).map(|date| (date, n)))
            .collect();
        Ok((dated, days.undated))
    }

    fn year_counts(&self, searcher: &tantivy::Searcher, query: &dyn Query) -> anyhow::Result<Vec<FacetCount>> {
        let (days, _) = self.matching_days(searcher, query)?;
        let mut years: BTreeMap<i32, u64> = BTreeMap::new();
        for (d, n) in days {
            *years.entry(d.year()).or_default() += n;
        }
        Ok(years
            .into_iter()
            .rev()
            .map(|(y, count)| FacetCount {
                value: y.to_string(),
                display: y.to_string(),
                count,
            })
            .collect())
    }

    /// Matching articles per week, month or year.
    pub fn timeline(&self, opts: &SearchOptions, by: Bucket) -> anyhow::Result<Timeline> {
        let searcher = self.reader.searcher();
        let query = self.build_query(opts)?;
        let (days, undated) = self.matching_days(&searcher, &*query)?;
        let dated: u64 = days.iter().map(|(_, n)| n).sum();
        let mut counts: BTreeMap<time::Date, u64> = BTreeMap::new();
        for (d, n) in &days {
            *counts.entry(bucket_start(*d, by)).or_default() += n;
        }
        let mut buckets = Vec::new();
        if let (Some(first), Some(last)) = (counts.keys().next().copied(), counts.keys().next_back().copied()) {
            let mut at = first;
            // Empty buckets in between are shown too; a guard keeps a stray
            // far-off date from making millions of weeks.
            while at <= last && buckets.len() < 100_000 {
                buckets.push(TimelineBucket {
                    start: bucket_label(at, by),
                    count: counts.get(&at).copied().unwrap_or(0),
                });
                match next_bucket(at, by) {
                    Some(n) => at = n,
                    None => break,
                }
            }
        }
        Ok(Timeline {
            query: opts.query.clone(),
            by,
            total_hits: dated + undated,
            undated,
            buckets,
        })
    }

    /// Names in the index that contain every word of `value` (folded),
    /// most frequent first: the hint when a `--person`/`--org` filter
    /// matched nothing ("Chinh" → "Pham Minh Chinh").
    pub fn entity_suggestions(&self, kind: FacetKind, value: &str) -> anyhow::Result<Vec<FacetCount>> {
        let column = kind.name_column();
        let wanted = crate::corpus::text::fold_key(value);
        let wanted: Vec<&str> = wanted.split(' ').filter(|w| !w.is_empty()).collect();
        if wanted.is_empty() {
            return Ok(Vec::new());
        }
        let searcher = self.reader.searcher();
        let mut out: Vec<FacetCount> = searcher
            .search(&AllQuery, &crate::collect::StrCounts::for_field(column))?
            .into_iter()
            .filter(|(name, _)| {
                let key = crate::corpus::text::fold_key(name);
                wanted.iter().all(|w| key.split(' ').any(|k| k == *w))
            })
            .map(|(value, count)| FacetCount {
                display: value.clone(),
                value,
                count,
            })
            .collect();
        out.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
        out.truncate(5);
        Ok(out)
    }

    fn facet_counts(
        &self,
        searcher: &tantivy::Searcher,
        query: &dyn Query,
        kind: FacetKind,
    ) -> anyhow::Result<Vec<FacetCount>> {
        let gaz = gazetteer();
        let mut out: Vec<FacetCount> = if kind == FacetKind::Province {
            // 97 units at most: tantivy's facet collector is cheap here.
            let mut collector = FacetCollector::for_field(name::PROVINCE);
            collector.add_facet(kind.root());
            let counts = searcher.search(query, &collector)?;
            counts
                .get(kind.root())
                .map(|(facet, count)| {
                    let value = facet.to_path().last().map(|s| s.to_string()).unwrap_or_default();
                    let display = gaz.display_name(&value).to_string();
                    FacetCount { value, display, count }
                })
                .collect()
        } else {
            let column = kind.name_column();
            searcher
                .search(query, &crate::collect::StrCounts::for_field(column))?
                .into_iter()
                .map(|(value, count)| FacetCount {
                    display: value.clone(),
                    value,
                    count,
                })
                .collect()
        };
        out.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
        out.truncate(20);
        Ok(out)
    }
}

/// Turns free text into a plain bag of words for the query parser: query
/// syntax characters become spaces and operator words are lowercased, so a
/// natural-language query ("WHAT IS THE NGO DINH DIEM POLICY?") never fails
/// to parse or turns into operators. An ASCII apostrophe would open a
/// single-quoted phrase in tantivy's grammar ("VIET NAM'S" fails to
/// parse), so it becomes `’`, which the tokenizers split on just the same.
pub fn plain_query(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| match w {
            "AND" | "OR" | "NOT" | "IN" | "TO" => w.to_lowercase(),
            _ => w.replace('\'', "’"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_bounds_expand_to_whole_periods() {
        let d = |s, end| parse_date_bound(s, end).map(|d| d.to_string()).unwrap_or_default();
        assert_eq!(d("2024", false), "2024-01-01");
        assert_eq!(d("2024", true), "2024-12-31");
        assert_eq!(d("2024-02", true), "2024-02-29");
        assert_eq!(d("2024-10-12", true), "2024-10-12");
        assert!(parse_date_bound("12/10/2024", false).is_err());
        assert!(parse_date_bound("2024-13", false).is_err());
    }

    #[test]
    fn buckets_start_on_calendar_boundaries() {
        let d = time::Date::from_calendar_date(2024, time::Month::October, 12).unwrap_or(time::Date::MIN);
        assert_eq!(bucket_label(bucket_start(d, Bucket::Week), Bucket::Week), "2024-10-07");
        assert_eq!(bucket_label(bucket_start(d, Bucket::Month), Bucket::Month), "2024-10");
        let dec = time::Date::from_calendar_date(2024, time::Month::December, 3).unwrap_or(time::Date::MIN);
        let next = next_bucket(bucket_start(dec, Bucket::Month), Bucket::Month).map(|n| bucket_label(n, Bucket::Month));
        assert_eq!(next.as_deref(), Some("2025-01"));
    }

    #[test]
    fn plain_query_strips_syntax() {
        assert_eq!(
            plain_query("NGO DINH DIEM: (the \"BUDDHIST\" crisis) OR -x?"),
            "NGO DINH DIEM the BUDDHIST crisis or x"
        );
        assert_eq!(plain_query("VIET NAM'S ' ’ AID"), "VIET NAM’S AID");
    }

    #[test]
    fn syntax_error_points_at_the_unbalanced_quote() {
        let e = syntax_error("digital \"economy", &QueryParserError::SyntaxError("x".into()));
        let text = e.to_string();
        assert!(text.contains("\n          ^"), "{text}");
    }
}
