//! THE field list: every field name, its options, and [`SCHEMA_VERSION`].
//!
//! The only place that calls `add_*_field` or spells a field name. Bump
//! [`SCHEMA_VERSION`] whenever a field or an analyzer changes: an index
//! built with another version is refused with a message to rebuild.

use tantivy::schema::{
    DateOptions, DateTimePrecision, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing,
    TextOptions, FAST, STORED, STRING,
};

use crate::analysis;

/// Version of the field list and analyzers. Stored beside the index.
pub const SCHEMA_VERSION: u32 = 2;

/// Field names. Public so tests and `--explain` can name them.
pub mod name {
    /// Stable article id.
    pub const ID: &str = "id";
    /// Source path as walked.
    pub const PATH: &str = "path";
    /// Canonical absolute path: a file's identity across runs.
    pub const PATH_ABS: &str = "path_abs";
    /// Size and mtime of the source file, for incremental runs.
    pub const FILE_STAMP: &str = "file_stamp";
    /// Headline, folded.
    pub const TITLE: &str = "title";
    /// Headline, diacritics kept.
    pub const TITLE_EXACT: &str = "title_exact";
    /// Headline or derived lead sentence.
    pub const DISPLAY_TITLE: &str = "display_title";
    /// Body, folded.
    pub const BODY: &str = "body";
    /// Body, diacritics kept.
    pub const BODY_EXACT: &str = "body_exact";
    /// Body, English-stemmed (English articles only).
    pub const BODY_STEM: &str = "body_stem";
    /// Publication date (calendar day, midnight UTC).
    pub const DATE: &str = "date";
    /// `day` / `month` / `year`.
    pub const DATE_PRECISION: &str = "date_precision";
    /// `metadata` / `text` / `url` / `inferred`.
    pub const DATE_SOURCE: &str = "date_source";
    /// Province facet, `/slug`.
    pub const PROVINCE: &str = "province";
    /// Primary province slugs.
    pub const PROVINCE_PRIMARY: &str = "province_primary";
    /// People, one value each.
    pub const PERSON: &str = "person";
    /// Organisations.
    pub const ORG: &str = "org";
    /// Programmes.
    pub const PROGRAM: &str = "program";
    /// People, exact canonical names, as a fast column (facet counts).
    pub const PERSON_NAME: &str = "person_name";
    /// Organisations, exact names, as a fast column.
    pub const ORG_NAME: &str = "org_name";
    /// Programmes, exact names, as a fast column.
    pub const PROGRAM_NAME: &str = "program_name";
    /// Language code.
    pub const LANG: &str = "lang";
    /// Language confidence.
    pub const LANG_CONFIDENCE: &str = "lang_confidence";
    /// Source URL.
    pub const URL: &str = "url";
    /// Publisher.
    pub const SOURCE: &str = "source";
    /// Hash of the raw input.
    pub const CONTENT_HASH: &str = "content_hash";
}

/// Handles of every field, resolved once.
#[derive(Debug, Clone, Copy)]
#[allow(missing_docs)]
pub struct Fields {
    pub id: Field,
    pub path: Field,
    pub path_abs: Field,
    pub file_stamp: Field,
    pub title: Field,
    pub title_exact: Field,
    pub display_title: Field,
    pub body: Field,
    pub body_exact: Field,
    pub body_stem: Field,
    pub date: Field,
    pub date_precision: Field,
    pub date_source: Field,
    pub province: Field,
    pub province_primary: Field,
    pub person: Field,
    pub org: Field,
    pub program: Field,
    pub person_name: Field,
    pub org_name: Field,
    pub program_name: Field,
    pub lang: Field,
    pub lang_confidence: Field,
    pub url: Field,
    pub source: Field,
    pub content_hash: Field,
}

fn text(tokenizer: &str, stored: bool) -> TextOptions {
    let opts = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    if stored {
        opts.set_stored()
    } else {
        opts
    }
}

fn keyword() -> TextOptions {
    TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analysis::KEYWORD)
                .set_index_option(IndexRecordOption::Basic),
        )
        .set_stored()
}

/// A column of exact names (not indexed, not stored): entity facet counts.
fn name_column() -> TextOptions {
    TextOptions::default().set_fast(tantivy::tokenizer::RAW_TOKENIZER_NAME)
}

/// Builds the schema and the field handles.
pub fn build_schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let fields = Fields {
        id: b.add_text_field(name::ID, STRING | STORED | FAST),
        path: b.add_text_field(name::PATH, STRING | STORED | FAST),
        path_abs: b.add_text_field(name::PATH_ABS, STRING | FAST),
        file_stamp: b.add_text_field(name::FILE_STAMP, STRING | STORED | FAST),
        title: b.add_text_field(name::TITLE, text(analysis::FOLD, true)),
        title_exact: b.add_text_field(name::TITLE_EXACT, text(analysis::EXACT, false)),
        display_title: b.add_text_field(name::DISPLAY_TITLE, STORED),
        body: b.add_text_field(name::BODY, text(analysis::FOLD, true)),
        body_exact: b.add_text_field(name::BODY_EXACT, text(analysis::EXACT, false)),
        body_stem: b.add_text_field(name::BODY_STEM, text(analysis::STEM, false)),
        date: b.add_date_field(
            name::DATE,
            DateOptions::default()
                .set_indexed()
                .set_fast()
                .set_stored()
                .set_precision(DateTimePrecision::Seconds),
        ),
        date_precision: b.add_text_field(name::DATE_PRECISION, STRING | STORED),
        date_source: b.add_text_field(name::DATE_SOURCE, STRING | STORED),
        province: b.add_facet_field(name::PROVINCE, FacetOptions::default().set_stored()),
        province_primary: b.add_text_field(name::PROVINCE_PRIMARY, STRING | STORED),
        person: b.add_text_field(name::PERSON, keyword()),
        org: b.add_text_field(name::ORG, keyword()),
        program: b.add_text_field(name::PROGRAM, keyword()),
        person_name: b.add_text_field(name::PERSON_NAME, name_column()),
        org_name: b.add_text_field(name::ORG_NAME, name_column()),
        program_name: b.add_text_field(name::PROGRAM_NAME, name_column()),
        lang: b.add_text_field(name::LANG, STRING | STORED | FAST),
        lang_confidence: b.add_f64_field(name::LANG_CONFIDENCE, NumericOptions::default().set_stored()),
        url: b.add_text_field(name::URL, STRING | STORED),
        source: b.add_text_field(name::SOURCE, keyword()),
        content_hash: b.add_text_field(name::CONTENT_HASH, STRING | STORED),
    };
    (b.build(), fields)
}

/// Resolves field handles on an opened index's schema; `None` if a field is
/// missing (a foreign or older index).
pub fn fields_of(schema: &Schema) -> Option<Fields> {
    let f = |n: &str| schema.get_field(n).ok();
    Some(Fields {
        id: f(name::ID)?,
        path: f(name::PATH)?,
        path_abs: f(name::PATH_ABS)?,
        file_stamp: f(name::FILE_STAMP)?,
        title: f(name::TITLE)?,
        title_exact: f(name::TITLE_EXACT)?,
        display_title: f(name::DISPLAY_TITLE)?,
        body: f(name::BODY)?,
        body_exact: f(name::BODY_EXACT)?,
        body_stem: f(name::BODY_STEM)?,
        date: f(name::DATE)?,
        date_precision: f(name::DATE_PRECISION)?,
        date_source: f(name::DATE_SOURCE)?,
        province: f(name::PROVINCE)?,
        province_primary: f(name::PROVINCE_PRIMARY)?,
        person: f(name::PERSON)?,
        org: f(name::ORG)?,
        program: f(name::PROGRAM)?,
        person_name: f(name::PERSON_NAME)?,
        org_name: f(name::ORG_NAME)?,
        program_name: f(name::PROGRAM_NAME)?,
        lang: f(name::LANG)?,
        lang_confidence: f(name::LANG_CONFIDENCE)?,
        url: f(name::URL)?,
        source: f(name::SOURCE)?,
        content_hash: f(name::CONTENT_HASH)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_schema_resolves_every_field() {
        let (schema, _) = build_schema();
        assert!(fields_of(&schema).is_some());
    }
}
