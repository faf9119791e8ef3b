//! Reading one input file into [`RawDoc`]s: text and Markdown files (one
//! article each), JSON / JSON Lines exports (one article per record, `.gz`
//! too), and HTML pages.
//!
//! Bad input never stops a run: every problem becomes a [`Problem`] naming
//! the file (and line) and the reason, handed to the caller's sink, and
//! reading goes on with the next line or file. Streams records one at a time
//! so memory stays bounded whatever the file size.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use serde_json::Value;

use crate::corpus::RawDoc;

/// Largest article body we keep; longer texts are cut (with a warning).
pub const MAX_ARTICLE_BYTES: usize = 4 << 20;
/// Largest single text/HTML file we read at all.
const MAX_FILE_BYTES: u64 = 64 << 20;

/// Why an input (or part of it) was skipped or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// Could not be opened or read (permissions, I/O error, vanished).
    Unreadable,
    /// Looks binary (NUL bytes, not text).
    Binary,
    /// No text at all.
    Empty,
    /// Larger than an article can be: cut to [`MAX_ARTICLE_BYTES`].
    TooLarge,
    /// Not valid UTF-8: decoded lossily.
    InvalidUtf8,
    /// A JSON line or file that does not parse.
    MalformedJson,
    /// A JSON record with no body text.
    NoBody,
    /// A directory walk error (symlink loop, permission).
    WalkError,
}

impl ProblemKind {
    /// Whether the input was skipped (true) or indexed with a change (false).
    pub fn is_skip(self) -> bool {
        !matches!(self, ProblemKind::TooLarge | ProblemKind::InvalidUtf8)
    }

    /// The short name used in summaries.
    pub fn label(self) -> &'static str {
        match self {
            ProblemKind::Unreadable => "unreadable",
            ProblemKind::Binary => "binary",
            ProblemKind::Empty => "empty",
            ProblemKind::TooLarge => "too large (cut)",
            ProblemKind::InvalidUtf8 => "invalid UTF-8 (decoded lossily)",
            ProblemKind::MalformedJson => "malformed JSON",
            ProblemKind::NoBody => "record without body",
            ProblemKind::WalkError => "walk error",
        }
    }
}

/// A problem with one input, for the user to see.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The file.
    pub path: String,
    /// The 1-based line, for JSON Lines.
    pub line: Option<usize>,
    /// What kind of problem.
    pub kind: ProblemKind,
    /// A sentence saying what was wrong and what to do.
    pub detail: String,
}

/// How JSON keys map to article fields. Each list is tried in order.
#[derive(Debug, Clone)]
pub struct KeyMap {
    /// Keys for the id.
    pub id: Vec<String>,
    /// Keys for the title.
    pub title: Vec<String>,
    /// Keys for the body.
    pub body: Vec<String>,
    /// Keys for the date.
    pub date: Vec<String>,
    /// Keys for the URL.
    pub url: Vec<String>,
    /// Keys for the publisher.
    pub source: Vec<String>,
    /// Keys for the language.
    pub lang: Vec<String>,
}

impl Default for KeyMap {
    fn default() -> Self {
        let v = |keys: &[&str]| keys.iter().map(|k| k.to_string()).collect();
        KeyMap {
            id: v(&["id", "_id", "doc_id", "docid", "uuid"]),
            title: v(&["title", "headline", "name"]),
            body: v(&[
                "body",
                "content",
                "text",
                "maintext",
                "article",
                "article_body",
                "articleBody",
                "description",
            ]),
            date: v(&[
                "date",
                "published",
                "published_at",
                "publishedAt",
                "pubdate",
                "date_publish",
                "datePublished",
                "publish_date",
                "created_at",
                "time",
            ]),
            url: v(&["url", "link", "source_url", "href"]),
            source: v(&["source", "publisher", "site", "source_domain", "domain"]),
            lang: v(&["lang", "language"]),
        }
    }
}

impl KeyMap {
    /// Applies `field=key` overrides (the `--map` option): the named key is
    /// tried first for that field. Unknown fields are an error listing the
    /// valid ones.
    pub fn with_overrides(mut self, overrides: &[(String, String)]) -> Result<Self, String> {
        for (field, key) in overrides {
            let list = match field.as_str() {
                "id" => &mut self.id,
                "title" => &mut self.title,
                "body" => &mut self.body,
                "date" => &mut self.date,
                "url" => &mut self.url,
                "source" => &mut self.source,
                "lang" => &mut self.lang,
                other => {
                    return Err(format!(
                        "unknown field '{other}' in --map (known: id, title, body, date, url, source, lang)"
                    ))
                }
            };
            list.insert(0, key.clone());
        }
        Ok(self)
    }
}

/// The kinds of input file we read, by extension (after a `.gz`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt`, `.md`, `.text`.
    Text,
    /// `.jsonl`, `.ndjson`.
    JsonLines,
    /// `.json`: one object or an array of objects.
    Json,
    /// `.html`, `.htm`.
    Html,
}

/// The format of a path by its extension, or `None` when we do not read it.
pub fn format_of(path: &Path) -> Option<(Format, bool)> {
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    let (name, gz) = match name.strip_suffix(".gz") {
        Some(n) => (n.to_string(), true),
        None => (name, false),
    };
    let ext = name.rsplit_once('.')?.1;
    let f = match ext {
        "txt" | "md" | "text" | "markdown" => Format::Text,
        "jsonl" | "ndjson" => Format::JsonLines,
        "json" => Format::Json,
        "html" | "htm" | "xhtml" => Format::Html,
        _ => return None,
    };
    Some((f, gz))
}

fn problem(path: &str, line: Option<usize>, kind: ProblemKind, detail: impl Into<String>) -> Problem {
    Problem {
        path: path.to_string(),
        line,
        kind,
        detail: detail.into(),
    }
}

fn open(path: &Path, gz: bool) -> std::io::Result<Box<dyn Read>> {
    let f = File::open(path)?;
    Ok(if gz {
        Box::new(flate2::read::MultiGzDecoder::new(f))
    } else {
        Box::new(f)
    })
}

/// Decodes bytes as UTF-8, lossily when needed; `None` when they look binary.
fn decode(
    bytes: &[u8],
    path: &str,
    line: Option<usize>,
    sink: &mut dyn FnMut(Result<RawDoc, Problem>),
) -> Option<String> {
    // A UTF-8 byte-order mark is not text; UTF-16 files say so with theirs.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Some(text) = decode_utf16(bytes) {
        return Some(text);
    }
    let head = &bytes[..bytes.len().min(8192)];
    let nuls = head.iter().filter(|&&b| b == 0).count();
    // A few stray NULs happen in scraped text; binary files have NULs and
    // bytes that are not UTF-8, or NULs everywhere.
    let head_utf8_ok = match std::str::from_utf8(head) {
        Ok(_) => true,
        // A multibyte character cut by the 8 KiB window is still text.
        Err(e) => e.error_len().is_none(),
    };
    if nuls > 0 && (!head_utf8_ok || nuls * 20 > head.len()) {
        sink(Err(problem(
            path,
            line,
            ProblemKind::Binary,
            "looks like a binary file (NUL bytes); skipped",
        )));
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(s.to_string()),
        Err(e) => {
            sink(Err(problem(
                path,
                line,
                ProblemKind::InvalidUtf8,
                format!(
                    "invalid UTF-8 at byte {}; decoded with replacement characters (re-save the file as UTF-8 to fix)",
                    e.valid_up_to()
                ),
            )));
            Some(String::from_utf8_lossy(bytes).into_owned())
        }
    }
}

/// Decodes UTF-16 text that starts with a byte-order mark.
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let little = match bytes.get(..2)? {
        [0xff, 0xfe] => true,
        [0xfe, 0xff] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks_exact(2).map(|p| {
        if little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    Some(char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')).collect())
}

/// Cuts an over-long body at a char boundary, warning once.
fn cap(mut body: String, path: &str, line: Option<usize>, sink: &mut dyn FnMut(Result<RawDoc, Problem>)) -> String {
    if body.len() > MAX_ARTICLE_BYTES {
        let mut cut = MAX_ARTICLE_BYTES;
        while !body.is_char_boundary(cut) {
            cut -= 1;
        }
        body.truncate(cut);
        sink(Err(problem(
            path,
            line,
            ProblemKind::TooLarge,
            format!(
                "article larger than {} MiB; indexed its first {} MiB",
                MAX_ARTICLE_BYTES >> 20,
                MAX_ARTICLE_BYTES >> 20
            ),
        )));
    }
    body
}

/// Reads one file, handing each article (or problem) to `sink` as it goes.
/// `path_display` is how the path is shown and stored.
pub fn read(path: &Path, path_display: &str, keys: &KeyMap, sink: &mut dyn FnMut(Result<RawDoc, Problem>)) {
    let Some((format, gz)) = format_of(path) else {
        return;
    };
    match format {
        Format::JsonLines => read_json_lines(path, path_display, gz, keys, sink),
        Format::Text | Format::Json | Format::Html => {
            let bytes = match read_capped(path, gz) {
                Ok(b) => b,
                Err(e) => {
                    sink(Err(problem(
                        path_display,
                        None,
                        ProblemKind::Unreadable,
                        format!("cannot read: {e}"),
                    )));
                    return;
                }
            };
            if bytes.iter().all(u8::is_ascii_whitespace) {
                sink(Err(problem(
                    path_display,
                    None,
                    ProblemKind::Empty,
                    "empty file; skipped",
                )));
                return;
            }
            let Some(text) = decode(&bytes, path_display, None, sink) else {
                return;
            };
            match format {
                Format::Text => {
                    let body = cap(text, path_display, None, sink);
                    sink(Ok(RawDoc {
                        path: path_display.to_string(),
                        body,
                        needs_layout: true,
                        ..Default::default()
                    }));
                }
                Format::Json => read_json_document(&text, path_display, keys, sink),
                Format::Html => read_html(&text, path_display, sink),
                Format::JsonLines => {}
            }
        }
    }
}

fn read_capped(path: &Path, gz: bool) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    open(path, gz)?.take(MAX_FILE_BYTES).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn read_html(html: &str, path: &str, sink: &mut dyn FnMut(Result<RawDoc, Problem>)) {
    let page = crate::corpus::html::extract(html);
    if page.body.trim().is_empty() {
        sink(Err(problem(
            path,
            None,
            ProblemKind::NoBody,
            "no article text found in this HTML page; skipped",
        )));
        return;
    }
    let body = cap(page.body, path, None, sink);
    sink(Ok(RawDoc {
        path: path.to_string(),
        title: page.title,
        body,
        date: page.published,
        url: page.url,
        source: page.site_name,
        lang: page.lang,
        needs_layout: false,
        ..Default::default()
    }));
}

fn read_json_lines(path: &Path, display: &str, gz: bool, keys: &KeyMap, sink: &mut dyn FnMut(Result<RawDoc, Problem>)) {
    let reader = match open(path, gz) {
        Ok(r) => BufReader::with_capacity(1 << 16, r),
        Err(e) => {
            sink(Err(problem(
                display,
                None,
                ProblemKind::Unreadable,
                format!("cannot read: {e}"),
            )));
            return;
        }
    };
    let mut line_no = 0;
    let mut buf = Vec::new();
    let mut reader = reader;
    loop {
        buf.clear();
        line_no += 1;
        match reader.by_ref().take(MAX_FILE_BYTES).read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                sink(Err(problem(
                    display,
                    Some(line_no),
                    ProblemKind::Unreadable,
                    format!("read error: {e}; the rest of the file was skipped"),
                )));
                break;
            }
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let Some(text) = decode(&buf, display, Some(line_no), sink) else {
            continue;
        };
        match serde_json::from_str::<Value>(&text) {
            Ok(v) => record(v, display, Some(line_no), keys, sink),
            Err(e) => sink(Err(problem(
                display,
                Some(line_no),
                ProblemKind::MalformedJson,
                format!("not valid JSON ({e}); line skipped"),
            ))),
        }
    }
}

fn read_json_document(text: &str, display: &str, keys: &KeyMap, sink: &mut dyn FnMut(Result<RawDoc, Problem>)) {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => {
            for (i, item) in items.into_iter().enumerate() {
                // Records of an array are numbered from 1, like lines.
                record(item, display, Some(i + 1), keys, sink);
            }
        }
        Ok(v) => record(v, display, None, keys, sink),
        Err(e) => sink(Err(problem(
            display,
            Some(e.line()),
            ProblemKind::MalformedJson,
            format!("not valid JSON ({e}); file skipped"),
        ))),
    }
}

fn string_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        // Lists of paragraphs are common in scraper output.
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(string_of).collect();
            (!parts.is_empty()).then(|| parts.join("\n"))
        }
        _ => None,
    }
}

fn pick(obj: &serde_json::Map<String, Value>, keys: &[String]) -> Option<String> {
    keys.iter()
        .filter_map(|k| obj.get(k))
        .filter_map(string_of)
        .find(|s| !s.trim().is_empty())
}

fn record(v: Value, display: &str, line: Option<usize>, keys: &KeyMap, sink: &mut dyn FnMut(Result<RawDoc, Problem>)) {
    match raw_from_json(v, display, line, keys) {
        Ok(mut raw) => {
            raw.body = cap(std::mem::take(&mut raw.body), display, line, sink);
            sink(Ok(raw));
        }
        Err(p) => sink(Err(p)),
    }
}

/// Turns one JSON record into a [`RawDoc`] (metadata keys per `keys`).
pub fn raw_from_json(v: Value, display: &str, line: Option<usize>, keys: &KeyMap) -> Result<RawDoc, Problem> {
    let Value::Object(obj) = v else {
        return Err(problem(
            display,
            line,
            ProblemKind::MalformedJson,
            "a JSON record must be an object; skipped",
        ));
    };
    // A headline-only record (a wire brief) is still an article.
    let title = pick(&obj, &keys.title);
    let Some(body) = pick(&obj, &keys.body).or_else(|| title.as_ref().map(|_| String::new())) else {
        return Err(problem(
            display,
            line,
            ProblemKind::NoBody,
            format!(
                "record has no body or title text (looked for keys: {}; use --map body=KEY)",
                keys.body.join(", ")
            ),
        ));
    };
    Ok(RawDoc {
        path: display.to_string(),
        line,
        id: pick(&obj, &keys.id),
        title,
        body,
        date: pick(&obj, &keys.date),
        url: pick(&obj, &keys.url),
        source: pick(&obj, &keys.source),
        lang: pick(&obj, &keys.lang),
        needs_layout: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(name: &str, content: &[u8]) -> (Vec<RawDoc>, Vec<Problem>) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(name);
        std::fs::write(&path, content).expect("write");
        let (mut docs, mut problems) = (Vec::new(), Vec::new());
        read(&path, name, &KeyMap::default(), &mut |r| match r {
            Ok(d) => docs.push(d),
            Err(p) => problems.push(p),
        });
        (docs, problems)
    }

    #[test]
    fn malformed_json_line_is_reported_with_its_line_and_the_rest_is_read() {
        let (docs, problems) = read_all(
            "a.jsonl",
            b"{\"title\":\"A\",\"body\":\"x\"}\n{oops\n{\"headline\":\"B\",\"content\":\"y\"}\n",
        );
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].title.as_deref(), Some("B"));
        assert_eq!(
            (problems[0].line, problems[0].kind),
            (Some(2), ProblemKind::MalformedJson)
        );
    }

    #[test]
    fn record_without_body_or_title_is_skipped_with_the_keys_tried() {
        let (docs, problems) = read_all("a.jsonl", b"{\"id\":\"7\"}\n{\"title\":\"Brief only\"}\n");
        assert_eq!(docs.len(), 1, "a headline-only brief is indexed");
        assert_eq!(docs[0].title.as_deref(), Some("Brief only"));
        assert_eq!(problems[0].kind, ProblemKind::NoBody);
        assert!(problems[0].detail.contains("--map body="));
    }

    #[test]
    fn json_array_yields_one_doc_per_record() {
        let (docs, _) = read_all("a.json", b"[{\"body\":\"one\"},{\"text\":\"two\"}]");
        assert_eq!(docs.iter().map(|d| d.body.as_str()).collect::<Vec<_>>(), ["one", "two"]);
    }

    #[test]
    fn binary_and_empty_files_are_skipped() {
        assert_eq!(read_all("b.txt", &[0u8; 64]).1[0].kind, ProblemKind::Binary);
        assert_eq!(read_all("e.txt", b"  \n").1[0].kind, ProblemKind::Empty);
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_a_warning() {
        let (docs, problems) = read_all("u.txt", b"Qu\xffang Ninh");
        assert_eq!(docs[0].body, "Qu\u{fffd}ang Ninh");
        assert_eq!(problems[0].kind, ProblemKind::InvalidUtf8);
    }

    #[test]
    fn byte_order_marks_are_handled() {
        let (docs, _) = read_all("bom.json", b"\xef\xbb\xbf{\"body\":\"hello\"}");
        assert_eq!(docs[0].body, "hello");
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Quảng Ninh".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let (docs, problems) = read_all("u16.txt", &utf16);
        assert_eq!(docs[0].body, "Quảng Ninh");
        assert!(problems.is_empty());
    }

    #[test]
    fn gzipped_json_lines_are_read() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"{\"body\":\"hello\",\"date\":\"2024-01-02\"}\n")
            .expect("gz");
        let (docs, _) = read_all("c.jsonl.gz", &enc.finish().expect("gz"));
        assert_eq!(docs[0].date.as_deref(), Some("2024-01-02"));
    }

    #[test]
    fn map_override_is_tried_first_and_unknown_field_is_an_error() {
        let keys = KeyMap::default().with_overrides(&[("body".into(), "article".into())]);
        assert_eq!(keys.map(|k| k.body[0].clone()).ok().as_deref(), Some("article"));
        assert!(KeyMap::default()
            .with_overrides(&[("bogus".into(), "x".into())])
            .is_err());
    }
}
