//! HTML page → article main text + metadata.
//!
//! This module owns one job: given the HTML of a news page, return the
//! article's main text without site chrome (navigation, footers, sidebars,
//! share bars, …) together with the metadata that can be read from the page
//! (title, publication date, canonical URL, site name, language).
//!
//! It is a pure function of its input: it does no I/O and knows nothing of
//! tantivy, clap or stdout. Main-text extraction is delegated to the
//! [`trafilatura`] crate (a Rust port of go-trafilatura, run with
//! "favor precision" and its readability/justext fallback enabled); the
//! metadata is read here from the same parsed DOM, and the extracted HTML is
//! turned into plain text with one paragraph per line.
//!
//! Hostile input (empty, binary-looking, huge, deeply nested) yields an
//! [`HtmlArticle`] with an empty body rather than a panic or a hang: input is
//! truncated to 4 MiB; a light tag scan before parsing flattens nesting
//! deeper than 128 levels, more than 16 unclosed formatting tags and tags
//! with hundreds of attributes (the HTML parser and the readability fallback
//! are quadratic in those); our own DOM walks are iterative or
//! depth-bounded; and the extraction call is wrapped in
//! [`std::panic::catch_unwind`] as a last resort. No panic was seen in
//! fuzzing, but a caught one would still go through the process's panic
//! hook, which by default prints a message to stderr.

use std::panic::{catch_unwind, AssertUnwindSafe};

use trafilatura::dom::{Document, NodeId};
use trafilatura::{ExtractionFocus, Options};

/// Inputs longer than this many bytes are truncated (at a UTF-8 boundary)
/// before parsing, to bound time and memory on pathological pages.
const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

/// Maximum nesting depth followed when turning extracted HTML into text.
const MAX_WALK_DEPTH: usize = 400;

/// What could be read from one HTML page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlArticle {
    /// The headline: `og:title`, else the `<h1>` of the article, else
    /// `<title>` with a trailing `" - Site"` / `" | Site"` part removed.
    pub title: Option<String>,
    /// The main text, paragraphs separated by `"\n"`; empty when none found.
    pub body: String,
    /// Publication date, raw as found in the page (not parsed): from
    /// `article:published_time`, else JSON-LD `datePublished`, else
    /// `<time datetime>`, else `<meta name=pubdate|date|dc.date|…>`.
    pub published: Option<String>,
    /// The page's URL as it declares it: `<link rel=canonical>`, else `og:url`.
    pub url: Option<String>,
    /// The site's name from `og:site_name`.
    pub site_name: Option<String>,
    /// Two-letter language code from `<html lang>`, lowercased (`"en-US"` → `"en"`).
    pub lang: Option<String>,
}

/// Extracts the article text and metadata from one HTML page.
///
/// Never panics on any input; when no main text can be found the returned
/// [`HtmlArticle::body`] is empty (metadata may still be present).
pub fn extract(html: &str) -> HtmlArticle {
    let html = truncate_to_boundary(html, MAX_INPUT_BYTES);
    if html.trim().is_empty() {
        return HtmlArticle::default();
    }
    let html = limit_nesting(html, MAX_NESTING);
    catch_unwind(AssertUnwindSafe(|| extract_unguarded(&html))).unwrap_or_default()
}

// ---------------------------------------------------------------------------
// Nesting guard
// ---------------------------------------------------------------------------

/// Deepest element nesting kept before parsing. Real news pages stay far
/// below it; pathological ones (thousands of unclosed `<div>`s) would make
/// the HTML parser and the readability fallback quadratic in the depth.
const MAX_NESTING: usize = 128;

/// Elements that never have content.
const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track",
    "wbr",
];

/// Elements the HTML parser closes implicitly (or never nests), which
/// therefore do not deepen the tree when left unclosed.
const IMPLICITLY_CLOSED_TAGS: &[&str] = &[
    "a", "body", "button", "colgroup", "dd", "dt", "form", "head", "html", "li", "nobr", "optgroup", "option", "p",
    "rb", "rp", "rt", "rtc", "tbody", "td", "tfoot", "th", "thead", "tr",
];

/// Formatting elements, which the HTML parser re-opens ("reconstructs") in
/// every later block while they are left unclosed.
const FORMATTING_TAGS: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Most formatting elements kept open at once by [`limit_nesting`].
const MAX_OPEN_FORMATTING: usize = 16;

/// Most attributes a tag may have before [`limit_nesting`] drops them all.
const MAX_ATTRIBUTES: usize = 256;

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT_TAGS: &[&str] = &[
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
];

/// Removes the start and end tags of elements nested deeper than `max_depth`
/// (their text is kept), using an estimate of the nesting from a light scan
/// of the tags; a `<table>` counts for the four levels it opens (table,
/// tbody, tr, td). Also removes formatting tags beyond
/// [`MAX_OPEN_FORMATTING`] left open at once, and the attributes of tags with
/// more than [`MAX_ATTRIBUTES`]. Returns the input unchanged when it is
/// within the limits.
fn limit_nesting(html: &str, max_depth: usize) -> std::borrow::Cow<'_, str> {
    let drops = deep_tag_ranges(html, max_depth);
    if drops.is_empty() {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (start, end) in drops {
        out.push_str(html.get(from..start).unwrap_or_default());
        from = end;
    }
    out.push_str(html.get(from..).unwrap_or_default());
    std::borrow::Cow::Owned(out)
}

/// Byte ranges of the tags that open or close elements beyond `max_depth`.
fn deep_tag_ranges(html: &str, max_depth: usize) -> Vec<(usize, usize)> {
    let bytes = html.as_bytes();
    let mut drops = Vec::new();
    let mut depth = 0usize;
    let mut formatting = 0usize;
    let mut i = 0;
    while let Some(off) = bytes.get(i..).and_then(|rest| rest.iter().position(|&b| b == b'<')) {
        let start = i + off;
        let rest = bytes.get(start..).unwrap_or_default();
        if rest.starts_with(b"<!--") {
            i = find_bytes(bytes, start + 4, b"-->").map_or(bytes.len(), |p| p + 3);
            continue;
        }
        let (closing, name_at) = match rest.get(1) {
            Some(b'/') => (true, start + 2),
            Some(b) if b.is_ascii_alphabetic() => (false, start + 1),
            Some(b'!' | b'?') => {
                i = find_bytes(bytes, start, b">").map_or(bytes.len(), |p| p + 1);
                continue;
            }
            _ => {
                i = start + 1;
                continue;
            }
        };
        let name_len = bytes
            .get(name_at..)
            .map_or(0, |r| r.iter().take_while(|b| b.is_ascii_alphanumeric()).count());
        if name_len == 0 {
            i = start + 1;
            continue;
        }
        let name = html
            .get(name_at..name_at + name_len)
            .unwrap_or_default()
            .to_ascii_lowercase();
        let (end, attributes) = tag_end(bytes, name_at + name_len);
        let self_closed = !closing && end >= 2 && bytes.get(end - 2) == Some(&b'/');
        i = end;
        let weight =
            if self_closed || VOID_TAGS.contains(&name.as_str()) || IMPLICITLY_CLOSED_TAGS.contains(&name.as_str()) {
                0
            } else if name == "table" {
                4
            } else {
                1
            };
        let is_formatting = FORMATTING_TAGS.contains(&name.as_str());
        if closing {
            let deep = weight > 0 && depth > max_depth;
            let crowded = is_formatting && formatting > MAX_OPEN_FORMATTING;
            if deep || crowded {
                drops.push((start, end));
            }
            depth = depth.saturating_sub(weight);
            if is_formatting {
                formatting = formatting.saturating_sub(1);
            }
            continue;
        }
        depth += weight;
        if is_formatting && !self_closed {
            formatting += 1;
        }
        let deep = weight > 0 && depth > max_depth;
        let crowded = is_formatting && formatting > MAX_OPEN_FORMATTING;
        if deep || crowded {
            drops.push((start, end));
        } else if attributes > MAX_ATTRIBUTES {
            // Keep the element, drop its attributes (the parser's duplicate
            // check is quadratic in their number).
            let attrs_end = if bytes.get(end - 1) == Some(&b'>') {
                end - 1
            } else {
                end
            };
            drops.push((name_at + name_len, attrs_end));
        }
        if RAW_TEXT_TAGS.contains(&name.as_str()) {
            // Skip the raw content up to the matching end tag, which the loop
            // then reads as a normal end tag.
            let closer = format!("</{name}");
            i = find_ascii_case_insensitive(bytes, i, closer.as_bytes()).unwrap_or(bytes.len());
        }
    }
    drops
}

/// Index just past the `>` that ends a tag whose attributes start at `from`
/// (quoted attribute values may contain `>`), and an upper bound of the
/// number of attributes (whitespace-separated words outside quotes).
fn tag_end(bytes: &[u8], from: usize) -> (usize, usize) {
    let mut quote: Option<u8> = None;
    let mut words = 0;
    let mut after_space = false;
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'>') => return (i + 1, words),
            (None, _) if b.is_ascii_whitespace() => after_space = true,
            (None, _) => {
                if after_space {
                    words += 1;
                    after_space = false;
                }
                if b == b'"' || b == b'\'' {
                    quote = Some(b);
                }
            }
        }
        i += 1;
    }
    (bytes.len(), words)
}

fn find_bytes(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn find_ascii_case_insensitive(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

fn extract_unguarded(html: &str) -> HtmlArticle {
    let doc = Document::parse(html);
    let (mut article, headlines) = read_metadata(&doc);
    let body = drop_leading_headline(extract_body(doc), &headlines);
    article.body = drop_boilerplate_lines(&body);
    article
}

/// Lines that are site chrome when they make up the whole line (compared
/// as [`word_key`]s).
const CHROME_LINES: &[&str] = &[
    "advertisement",
    "continue reading below",
    "you may also like",
    "related",
    "related articles",
    "related stories",
    "read more",
    "share this article",
];

/// Line starts (lowercased) that announce links to other pages or notices.
const CHROME_PREFIXES: &[&str] = &[
    "read more:",
    "related:",
    "see more:",
    "see also:",
    "don't miss",
    "don\u{2019}t miss",
    "also on ",
    "filed under:",
    "like this story",
    "copyright \u{a9}",
    "copyright \u{24d2}",
    "copyright (c)",
];

/// Longest line (in words) that [`CHROME_PREFIXES`] may remove.
const CHROME_MAX_WORDS: usize = 40;

/// Removes short "Read more: …", "Related: …", "Advertisement" lines that
/// extractors keep inside article containers.
fn drop_boilerplate_lines(body: &str) -> String {
    let kept: Vec<&str> = body
        .lines()
        .filter(|line| {
            let lower = line.trim().to_lowercase();
            let chrome = CHROME_LINES.contains(&word_key(&lower).as_str())
                || (lower.split_whitespace().count() <= CHROME_MAX_WORDS
                    && CHROME_PREFIXES.iter().any(|p| lower.starts_with(p)));
            !chrome
        })
        .collect();
    kept.join("\n")
}

/// Removes the first line of `body` when it repeats one of the page's
/// headlines (the title is reported separately in [`HtmlArticle::title`]).
fn drop_leading_headline(body: String, headlines: &[String]) -> String {
    let Some((first, rest)) = body.split_once('\n') else {
        return body;
    };
    let key = word_key(first);
    if !key.is_empty() && headlines.iter().any(|h| word_key(h) == key) {
        rest.to_string()
    } else {
        body
    }
}

/// Lowercased words of a text joined by single spaces, for loose comparison.
fn word_key(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The extraction settings: measured best on the news benchmark.
fn options() -> Options {
    Options::default()
        .with_fallback(true)
        .with_focus(ExtractionFocus::FavorPrecision)
}

fn extract_body(doc: Document) -> String {
    let Ok(result) = trafilatura::extract_document(doc, &options()) else {
        return String::new();
    };
    let text = html_fragment_to_text(&result.content_html);
    if text.is_empty() {
        normalize_lines(&result.content_text)
    } else {
        text
    }
}

// ---------------------------------------------------------------------------
// Extracted HTML → text with one paragraph per line
// ---------------------------------------------------------------------------

/// Elements after and before which a line ends.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "lb",
    "li",
    "list",
    "item",
    "main",
    "ol",
    "p",
    "pre",
    "quote",
    "section",
    "summary",
    "table",
    "tr",
    "row",
    "ul",
];

/// Elements whose text is never article text.
const SKIPPED_TAGS: &[&str] = &["script", "style", "noscript", "template"];

/// Characters before which an element boundary adds no space.
const NO_SPACE_BEFORE: &[char] = &[',', '.', ';', ':', '!', '?', ')', ']', '}', '%', '»', '”', '’'];

/// Characters after which an element boundary adds no space.
const NO_SPACE_AFTER: &[char] = &['(', '[', '{', '«', '“', '$', '#', '@'];

enum Step {
    Enter(NodeId, usize),
    Leave(bool),
}

/// Plain text of an HTML fragment: block elements end lines; other element
/// boundaries count as word breaks (extractors often drop the whitespace
/// around inline tags, e.g. `for<b>Larry</b>`).
fn html_fragment_to_text(fragment: &str) -> String {
    if fragment.trim().is_empty() {
        return String::new();
    }
    let doc = Document::parse(fragment);
    let start = doc.body().unwrap_or_else(|| doc.root());
    let mut out = TextSink::default();
    let mut stack = vec![Step::Enter(start, 0)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Leave(block) => out.boundary(block),
            Step::Enter(id, depth) => {
                if doc.is_text(id) {
                    out.push_text(&doc.text_content(id));
                    continue;
                }
                let is_start = id == start;
                if !is_start && !doc.is_element(id) {
                    continue;
                }
                let tag = doc.tag_name(id);
                if !is_start && SKIPPED_TAGS.contains(&tag) {
                    continue;
                }
                let block = BLOCK_TAGS.contains(&tag);
                out.boundary(block);
                stack.push(Step::Leave(block));
                if depth < MAX_WALK_DEPTH {
                    for child in doc.child_nodes(id).into_iter().rev() {
                        stack.push(Step::Enter(child, depth + 1));
                    }
                }
            }
        }
    }
    normalize_lines(&out.text)
}

/// Accumulates text, turning element boundaries into line or word breaks.
#[derive(Default)]
struct TextSink {
    text: String,
    pending_space: bool,
}

impl TextSink {
    fn boundary(&mut self, block: bool) {
        if block {
            self.text.push('\n');
            self.pending_space = false;
        } else {
            self.pending_space = true;
        }
    }

    fn push_text(&mut self, t: &str) {
        let Some(first) = t.chars().next() else {
            return;
        };
        if std::mem::take(&mut self.pending_space) {
            let prev = self.text.chars().next_back();
            let needs_space = prev.is_some_and(|p| !p.is_whitespace() && !NO_SPACE_AFTER.contains(&p))
                && !first.is_whitespace()
                && !NO_SPACE_BEFORE.contains(&first);
            if needs_space {
                self.text.push(' ');
            }
        }
        self.text.push_str(t);
    }
}

/// Collapses whitespace inside each line, trims lines and drops empty ones.
fn normalize_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut words = line.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        for (i, w) in words.enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------

/// The page's metadata, and every headline variant it states (to recognise
/// a headline repeated at the top of the body).
fn read_metadata(doc: &Document) -> (HtmlArticle, Vec<String>) {
    let root = doc.root();
    let metas = MetaTags::collect(doc, root);
    let og_title = metas.first(&["og:title"]);
    let h1 = article_h1(doc, root);
    let raw_title = document_title(doc, root);
    let stripped_title = raw_title.as_deref().map(strip_site_suffix);
    let headlines: Vec<String> = [
        og_title.clone(),
        metas.first(&["twitter:title"]),
        h1.clone(),
        raw_title,
        stripped_title.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let site_name = metas.first(&["og:site_name"]);
    let title = og_title
        .or(h1)
        .or(stripped_title)
        .map(|t| strip_named_suffix(&t, site_name.as_deref()));
    let published = metas
        .first(&["article:published_time"])
        .or_else(|| json_ld_date_published(doc, root))
        .or_else(|| time_datetime(doc, root))
        .or_else(|| {
            metas.first(&[
                "pubdate",
                "publishdate",
                "publish-date",
                "publish_date",
                "publication_date",
                "date",
                "dc.date",
                "dc.date.issued",
                "dc.date.created",
                "dcterms.date",
                "dcterms.issued",
                "dcterms.created",
                "og:published_time",
                "article.published",
                "sailthru.date",
                "parsely-pub-date",
                "originalpublicationdate",
                "datepublished",
                "article:published",
            ])
        })
        .or_else(|| microdata_date_published(doc, root));
    let url = canonical_link(doc, root).or_else(|| metas.first(&["og:url"]));
    let article = HtmlArticle {
        title,
        body: String::new(),
        published,
        url,
        site_name,
        lang: html_lang(doc, root),
    };
    (article, headlines)
}

/// `(key, content)` pairs of the page's `<meta>` tags, keyed by lowercased
/// `property`, `name` or `itemprop`.
struct MetaTags(Vec<(String, String)>);

impl MetaTags {
    fn collect(doc: &Document, root: NodeId) -> Self {
        let mut pairs = Vec::new();
        for id in doc.get_elements_by_tag_name(root, "meta") {
            let Some(content) = doc.get_attribute(id, "content").and_then(|c| clean_inline(&c)) else {
                continue;
            };
            for attr in ["property", "name", "itemprop"] {
                if let Some(keys) = doc.get_attribute(id, attr) {
                    // `itemprop` (and, in the wild, others) may list several names.
                    for key in keys.split_ascii_whitespace() {
                        pairs.push((key.to_ascii_lowercase(), content.clone()));
                    }
                }
            }
        }
        Self(pairs)
    }

    /// The content of the first tag whose key is `keys[0]`, else `keys[1]`, …
    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .find_map(|key| self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
    }
}

/// Collapses whitespace; `None` when nothing is left.
fn clean_inline(text: &str) -> Option<String> {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

fn first_element(doc: &Document, root: NodeId, selector: &str) -> Option<NodeId> {
    doc.query_selector(root, selector)
}

fn article_h1(doc: &Document, root: NodeId) -> Option<String> {
    ["article h1", "main h1", "[itemprop=headline]"]
        .iter()
        .filter_map(|sel| first_element(doc, root, sel))
        .find_map(|id| clean_inline(&doc.text_content(id)))
        .or_else(|| {
            // A page with a single <h1> almost always uses it for the headline.
            match doc.get_elements_by_tag_name(root, "h1").as_slice() {
                [only] => clean_inline(&doc.text_content(*only)),
                _ => None,
            }
        })
}

fn document_title(doc: &Document, root: NodeId) -> Option<String> {
    let id = first_element(doc, root, "head > title")
        .or_else(|| doc.get_elements_by_tag_name(root, "title").first().copied())?;
    clean_inline(&doc.text_content(id))
}

/// Removes a trailing `" - Site"`, `" | Site"` (and similar) part from a
/// `<title>`, when what remains is the longer part.
fn strip_site_suffix(title: &str) -> String {
    const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " » "];
    let cut = SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|pos| (pos, sep.len())))
        .max_by_key(|(pos, _)| *pos);
    let parts = cut.and_then(|(pos, len)| Some((title.get(..pos)?, title.get(pos + len..)?)));
    match parts {
        Some((head, tail)) if !head.trim().is_empty() && head.chars().count() >= tail.trim().chars().count() => {
            head.trim().to_string()
        }
        _ => title.to_string(),
    }
}

/// Removes a trailing `" | <site name>"` (or `" - "`, …) from a title.
fn strip_named_suffix(title: &str, site_name: Option<&str>) -> String {
    let Some(site) = site_name.map(str::trim).filter(|s| !s.is_empty()) else {
        return title.to_string();
    };
    let stripped = strip_site_suffix(title);
    let Some(tail) = title.strip_prefix(stripped.as_str()) else {
        return title.to_string();
    };
    if !tail.is_empty() && word_key(tail) == word_key(site) {
        stripped
    } else {
        title.to_string()
    }
}

fn canonical_link(doc: &Document, root: NodeId) -> Option<String> {
    doc.get_elements_by_tag_name(root, "link")
        .into_iter()
        .filter(|&id| {
            doc.get_attribute(id, "rel").is_some_and(|rel| {
                rel.split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
            })
        })
        .find_map(|id| doc.get_attribute(id, "href").and_then(|h| clean_inline(&h)))
}

fn html_lang(doc: &Document, root: NodeId) -> Option<String> {
    let html = doc.get_elements_by_tag_name(root, "html").first().copied()?;
    let lang = doc
        .get_attribute(html, "lang")
        .or_else(|| doc.get_attribute(html, "xml:lang"))?;
    let code: String = lang.trim().chars().take(2).collect();
    (code.len() == 2 && code.chars().all(|c| c.is_ascii_alphabetic())).then(|| code.to_ascii_lowercase())
}

fn time_datetime(doc: &Document, root: NodeId) -> Option<String> {
    let scoped = ["article time[datetime]", "main time[datetime]"]
        .iter()
        .filter_map(|sel| first_element(doc, root, sel))
        .find_map(|id| doc.get_attribute(id, "datetime"));
    scoped
        .or_else(|| {
            doc.get_elements_by_tag_name(root, "time")
                .into_iter()
                .find_map(|id| doc.get_attribute(id, "datetime"))
        })
        .and_then(|d| clean_inline(&d))
}

fn json_ld_date_published(doc: &Document, root: NodeId) -> Option<String> {
    doc.get_elements_by_tag_name(root, "script")
        .into_iter()
        .filter(|&id| {
            doc.get_attribute(id, "type")
                .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
        })
        .find_map(|id| {
            let raw = doc.text_content(id);
            parse_json_ld(&raw)
                .iter()
                .find_map(|v| find_key_string(v, "datePublished", 0))
                .or_else(|| scan_json_string_value(&raw, "\"datePublished\""))
        })
}

/// Finds `"key": "value"` by scanning text that is not valid JSON (e.g. with
/// trailing commas) and returns the value, unescaped only for `\"` and `\/`.
fn scan_json_string_value(raw: &str, quoted_key: &str) -> Option<String> {
    let after_key = &raw[raw.find(quoted_key)? + quoted_key.len()..];
    let after_colon = after_key.trim_start().strip_prefix(':')?.trim_start();
    let body = after_colon.strip_prefix('"')?;
    let mut value = String::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return clean_inline(&value),
            '\\' => value.push(chars.next()?),
            _ => value.push(c),
        }
    }
    None
}

/// `itemprop="datePublished"` on any element: its `datetime` or `content`
/// attribute, else its text.
fn microdata_date_published(doc: &Document, root: NodeId) -> Option<String> {
    let id = first_element(doc, root, "[itemprop~=datePublished]")?;
    doc.get_attribute(id, "datetime")
        .or_else(|| doc.get_attribute(id, "content"))
        .and_then(|v| clean_inline(&v))
        .or_else(|| clean_inline(&doc.text_content(id)))
}

/// Parses the text of a JSON-LD `<script>`, tolerating HTML comment / CDATA
/// wrappers, raw control characters and several concatenated values.
fn parse_json_ld(raw: &str) -> Vec<serde_json::Value> {
    let mut text = raw.trim();
    for prefix in ["<!--", "//<![CDATA[", "<![CDATA["] {
        text = text.strip_prefix(prefix).unwrap_or(text).trim();
    }
    for suffix in ["-->", "//]]>", "]]>"] {
        text = text.strip_suffix(suffix).unwrap_or(text).trim();
    }
    let cleaned: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    serde_json::Deserializer::from_str(&cleaned)
        .into_iter::<serde_json::Value>()
        .map_while(Result::ok)
        .collect()
}

/// Depth-first search for the first string (or first string of an array)
/// stored under `key` anywhere in a JSON value.
fn find_key_string(value: &serde_json::Value, key: &str, depth: usize) -> Option<String> {
    use serde_json::Value;
    if depth > 32 {
        return None;
    }
    match value {
        Value::Object(map) => {
            let direct = match map.get(key) {
                Some(Value::String(s)) => clean_inline(s),
                Some(Value::Array(items)) => items.iter().find_map(|v| v.as_str().and_then(clean_inline)),
                _ => None,
            };
            direct.or_else(|| map.values().find_map(|v| find_key_string(v, key, depth + 1)))
        }
        Value::Array(items) => items.iter().find_map(|v| find_key_string(v, key, depth + 1)),
        _ => None,
    }
}

fn truncate_to_boundary(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOREM: &str = "The city council voted on Tuesday to expand the riverside park by \
        twelve hectares, a plan that residents had debated for nearly a decade. Supporters \
        said the new green space would reduce flooding and give families a place to walk.";
    const LOREM2: &str = "Opponents argued that the money would be better spent on road \
        repairs, but the measure passed by seven votes to two after a long evening session. \
        Construction is expected to begin in the spring and to last about two years.";
    const LOREM3: &str = "The mayor thanked volunteers who had collected signatures for the \
        proposal and promised that the design would be shared with the public before any \
        trees are cut. A public meeting is planned for next month in the town library.";

    fn page(head: &str, body: &str) -> String {
        format!("<!DOCTYPE html><html lang=\"en-GB\"><head>{head}</head><body>{body}</body></html>")
    }

    fn news_body() -> String {
        format!(
            "<header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/sport\">Sport \
             section link</a></li><li><a href=\"/weather\">Weather forecast link</a></li></ul>\
             </nav></header>\
             <main><article><h1>Council expands riverside park</h1>\
             <p>{LOREM}</p><p>{LOREM2}</p><p>{LOREM3}</p></article></main>\
             <footer><p>Copyright Example Media Group, all rights reserved worldwide.</p>\
             <a href=\"/privacy\">Privacy policy and cookie settings</a></footer>"
        )
    }

    #[test]
    fn extracts_paragraphs_one_per_line() {
        let a = extract(&page("<title>x</title>", &news_body()));
        assert!(a.body.contains("riverside park by twelve hectares"), "{}", a.body);
        assert!(a.body.contains("seven votes to two"));
        let lines: Vec<&str> = a.body.lines().collect();
        assert!(lines.len() >= 3, "expected one line per paragraph: {lines:?}");
        assert!(lines.iter().any(|l| l.starts_with("Opponents argued")));
    }

    #[test]
    fn strips_nav_and_footer_chrome() {
        let a = extract(&page("<title>x</title>", &news_body()));
        assert!(!a.body.is_empty());
        assert!(!a.body.contains("Weather forecast link"), "{}", a.body);
        assert!(!a.body.contains("Copyright Example Media"), "{}", a.body);
        assert!(!a.body.contains("Privacy policy"), "{}", a.body);
    }

    #[test]
    fn reads_og_title_first() {
        let head = "<meta property=\"og:title\" content=\" Council  expands park \">\
                    <title>Other - Example News</title>";
        let a = extract(&page(head, &news_body()));
        assert_eq!(a.title.as_deref(), Some("Council expands park"));
    }

    #[test]
    fn falls_back_to_article_h1_for_title() {
        let a = extract(&page("<title>Something else | Example</title>", &news_body()));
        assert_eq!(a.title.as_deref(), Some("Council expands riverside park"));
    }

    #[test]
    fn strips_site_suffix_from_document_title() {
        let body = format!("<div><p>{LOREM}</p></div>");
        let a = extract(&page(
            "<title>Council expands riverside park | Example News</title>",
            &body,
        ));
        assert_eq!(a.title.as_deref(), Some("Council expands riverside park"));
        let a = extract(&page("<title>Park vote - Example</title>", &body));
        assert_eq!(a.title.as_deref(), Some("Park vote"));
        assert_eq!(strip_site_suffix("No separator here"), "No separator here");
    }

    #[test]
    fn reads_published_time_meta_before_json_ld() {
        let head = "<meta property=\"article:published_time\" content=\"2021-03-04T05:06:07Z\">\
                    <script type=\"application/ld+json\">{\"datePublished\":\"1999-01-01\"}</script>";
        let a = extract(&page(head, &news_body()));
        assert_eq!(a.published.as_deref(), Some("2021-03-04T05:06:07Z"));
    }

    #[test]
    fn reads_json_ld_date_published() {
        let head = "<script type=\"application/ld+json\">\n{\"@context\":\"https://schema.org\",\
                    \"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Example\"},\
                    {\"@type\":\"NewsArticle\",\"headline\":\"Park\",\
                    \"datePublished\":\"2020-07-08T09:10:11+02:00\"}]}\n</script>";
        let a = extract(&page(head, &news_body()));
        assert_eq!(a.published.as_deref(), Some("2020-07-08T09:10:11+02:00"));
    }

    #[test]
    fn reads_time_datetime_then_meta_date() {
        let body = format!("<article><time datetime=\"2019-05-06\">6 May</time><p>{LOREM}</p></article>");
        let head = "<meta name=\"date\" content=\"2018-01-01\">";
        let a = extract(&page(head, &body));
        assert_eq!(a.published.as_deref(), Some("2019-05-06"));
        let a = extract(&page("<meta name=\"DC.date\" content=\"2018-01-02\">", &news_body()));
        assert_eq!(a.published.as_deref(), Some("2018-01-02"));
    }

    #[test]
    fn reads_date_from_json_ld_with_trailing_comma() {
        let head = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\
                    \"keywords\":[\"a\",\"b\", ],\"datePublished\" : \"2019-11-18T16:06:51-05:00\"}</script>";
        let a = extract(&page(head, &news_body()));
        assert_eq!(a.published.as_deref(), Some("2019-11-18T16:06:51-05:00"));
    }

    #[test]
    fn reads_microdata_date_published() {
        let head = "<meta property=\"article:published\" itemprop=\"datePublished dateCreated\" \
                    content=\"2019-11-19T11:00:09Z\">";
        let a = extract(&page(head, &news_body()));
        assert_eq!(a.published.as_deref(), Some("2019-11-19T11:00:09Z"));
        let body = format!("<div><span itemprop=\"datePublished\">Fri 6:45 PM</span><p>{LOREM}</p></div>");
        let a = extract(&page("", &body));
        assert_eq!(a.published.as_deref(), Some("Fri 6:45 PM"));
    }

    #[test]
    fn strips_site_name_from_og_title() {
        let head = "<meta property=\"og:title\" content=\"The Park Vote | Example News\">\
                    <meta property=\"og:site_name\" content=\"Example News\">";
        let a = extract(&page(head, &news_body()));
        assert_eq!(a.title.as_deref(), Some("The Park Vote"));
        assert_eq!(a.site_name.as_deref(), Some("Example News"));
        assert_eq!(strip_named_suffix("Q&A - Part 2", Some("Example")), "Q&A - Part 2");
    }

    #[test]
    fn tolerates_broken_json_ld() {
        let head = "<script type=\"application/ld+json\">{\"datePublished\": oops</script>\
                    <script type=\"application/ld+json\"><!--{\"datePublished\":\"2022-02-02\",\
                    \"description\":\"line\nbreak\"}--></script>";
        let a = extract(&page(head, &news_body()));
        assert_eq!(a.published.as_deref(), Some("2022-02-02"));
    }

    #[test]
    fn reads_canonical_url_before_og_url() {
        let head = "<meta property=\"og:url\" content=\"https://example.com/og\">\
                    <link rel=\"canonical\" href=\"https://example.com/canonical\">";
        let a = extract(&page(head, &news_body()));
        assert_eq!(a.url.as_deref(), Some("https://example.com/canonical"));
        let a = extract(&page(
            "<meta property=\"og:url\" content=\"https://example.com/og\">",
            &news_body(),
        ));
        assert_eq!(a.url.as_deref(), Some("https://example.com/og"));
    }

    #[test]
    fn reads_site_name_and_lang() {
        let head = "<meta property=\"og:site_name\" content=\"Example News\">";
        let a = extract(&page(head, &news_body()));
        assert_eq!(a.site_name.as_deref(), Some("Example News"));
        assert_eq!(a.lang.as_deref(), Some("en"));
        let a = extract("<html lang=\"x\"><body><p>hi</p></body></html>");
        assert_eq!(a.lang, None);
    }

    #[test]
    fn drops_repeated_headline_and_link_lines() {
        let body = format!(
            "<article><h1>Council expands riverside park</h1><p>{LOREM}</p>\
             <p>Read more: Another story about something else entirely</p>\
             <p>{LOREM2}</p><p>Advertisement</p><p>{LOREM3}</p></article>"
        );
        let a = extract(&page("<title>Council expands riverside park - Example</title>", &body));
        assert!(a.body.starts_with("The city council"), "{}", a.body);
        assert!(!a.body.contains("Another story"), "{}", a.body);
        assert!(!a.body.lines().any(|l| l == "Advertisement"), "{}", a.body);
        assert!(a.body.contains("Construction is expected"));
    }

    #[test]
    fn keeps_lines_that_only_look_like_chrome() {
        let text = "Advertisement spending rose by a third this year.\nRelated companies also grew.";
        assert_eq!(drop_boilerplate_lines(text), text);
    }

    #[test]
    fn empty_input_gives_empty_article() {
        assert_eq!(extract(""), HtmlArticle::default());
        assert_eq!(extract("   \n\t "), HtmlArticle::default());
    }

    #[test]
    fn page_without_article_gives_empty_body() {
        let a = extract(&page("<title>Menu</title>", "<nav><a href=\"/\">Home</a></nav>"));
        assert!(a.body.is_empty(), "{}", a.body);
        assert_eq!(a.title.as_deref(), Some("Menu"));
    }

    #[test]
    fn malformed_html_does_not_panic() {
        let inputs = [
            "<html><body><p>unclosed <b>bold <i>italic</p></div></span>",
            "<<<>>><!-- <script> </title> <meta content=",
            "<table><tr><td><p>cell</table></td></tr>",
            "\u{0}\u{1}\u{fffd}binary\u{7f}garbage\u{0}",
            "<script type=\"application/ld+json\">[[[[[[[[[[[[[[</script>",
        ];
        for input in inputs {
            let _ = extract(input);
        }
    }

    #[test]
    fn deeply_nested_html_does_not_panic() {
        for open in ["<div>", "<span><b>", "<table><tr><td>"] {
            let depth = 3_000;
            let html = format!("<html><body>{}<p>{LOREM}</p></body></html>", open.repeat(depth));
            let a = extract(&html);
            assert!(a.body.len() <= html.len());
        }
    }

    #[test]
    fn nesting_guard_keeps_shallow_pages_and_flattens_deep_ones() {
        let shallow = "<div><p>a<br>b</p><img src=x><div class='x>y'>c</div></div>";
        assert!(matches!(limit_nesting(shallow, 4), std::borrow::Cow::Borrowed(_)));
        let deep = format!("{}text{}", "<div>".repeat(10), "</div>".repeat(10));
        let flat = limit_nesting(&deep, 3);
        assert_eq!(flat, "<div><div><div>text</div></div></div>");
        let many = format!("<div {}>x</div>", "a=1 ".repeat(MAX_ATTRIBUTES + 1));
        assert_eq!(limit_nesting(&many, 4), "<div>x</div>");
        let script = "<script>if (a<b) { x = '<div><div><div><div>'; }</script><div>ok</div>";
        assert!(matches!(limit_nesting(script, 1), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn huge_input_is_truncated_not_rejected() {
        let filler = "x = 1; ".repeat(MAX_INPUT_BYTES / 7 + 10);
        let body = format!("<article><p>{LOREM}</p><p>{LOREM2}</p></article><script>{filler}</script>");
        let html = page("<title>Big</title>", &body);
        assert!(html.len() > MAX_INPUT_BYTES);
        let a = extract(&html);
        assert_eq!(a.title.as_deref(), Some("Big"));
        assert!(a.body.contains("seven votes to two"), "{}", a.body);
    }

    #[test]
    fn truncation_respects_char_boundaries() {
        assert_eq!(truncate_to_boundary("héllo", 2), "h");
        assert_eq!(truncate_to_boundary("héllo", 3), "hé");
        assert_eq!(truncate_to_boundary("abc", 10), "abc");
    }

    #[test]
    fn fragment_text_separates_blocks_and_cells() {
        let text = html_fragment_to_text(
            "<p>One <b>bold</b>  word</p><ul><li>a</li><li>b</li></ul>\
             <table><tr><td>x</td><td>y</td></tr></table>text<br>after",
        );
        assert_eq!(text, "One bold word\na\nb\nx y\ntext\nafter");
        let text = html_fragment_to_text("<p>two for<b>Larry Ogunjobi</b>, (<i>one</i>) 5<i>%</i></p>");
        assert_eq!(text, "two for Larry Ogunjobi, (one) 5%");
    }
}
