//! The user's query text before tantivy's parser sees it.
//!
//! Owns three rewrites, each reported in [`Rewrite::notes`] for `--explain`:
//! - NFC normalisation (an NFD query equals its NFC form);
//! - field scopes tantivy cannot express directly: `province:NAME` (any
//!   spelling, through the gazetteer, to the facet terms) and
//!   `date:2024-10` / `date:[2024-01-01 TO 2024-06-30]` (calendar periods to
//!   a date range); `title:`, `person:`, `org:`, `source:` and `lang:` are
//!   real fields and pass through;
//! - place-name spellings: "Hanoi" ↔ "Hà Nội", "Danang" ↔ "Đà Nẵng",
//!   "Saigon"/"HCMC" ↔ "TP.HCM", "Vietnam" ↔ "Việt Nam" become an OR of
//!   the spellings from the gazetteer, so a joined English spelling meets the
//!   Vietnamese two-syllable form.
//!
//! Knows nothing of tantivy; returns the rewritten text.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::corpus::province::gazetteer;
use crate::corpus::text::{fold_key, normalize};
use crate::error::Error;

/// The rewritten query and what was done to it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rewrite {
    /// Query text for tantivy's parser.
    pub text: String,
    /// Human-readable notes on each rewrite.
    pub notes: Vec<String>,
    /// Folded prefixes of `word*` terms (for highlighting).
    pub prefixes: Vec<String>,
}

/// Deepest parenthesis nesting accepted.
const MAX_NESTING: usize = 64;
/// Longest query accepted, in characters.
const MAX_QUERY_CHARS: usize = 20_000;

/// Aliases that are too ambiguous to expand ("Ho Chi Minh" is usually the
/// President; "Hue" is an English word; "Vung Tau" is only the city).
#[cfg(test)]
const NO_EXPAND: &[&str] = &["ho chi minh", "hcm", "hue", "vung tau", "an giang", "long an"];

/// The place-name spellings table, derived from the gazetteer by
/// `derive_alias_groups` (a test) and shipped pre-computed: deriving it folds
/// every alias of every unit, which was a quarter of the instructions of a
/// whole `search` process. A unit test keeps the file equal to the
/// derivation (`NEWSFIND_BLESS=1 cargo test --lib alias_table` rewrites it).
const ALIAS_TABLE: &str = include_str!("../data/place-aliases.tsv");

/// Folded spelling (words joined by one space) → every spelling of the
/// same place, as query clauses (from [`ALIAS_TABLE`]).
fn alias_groups() -> &'static HashMap<String, Vec<String>> {
    static GROUPS: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    GROUPS.get_or_init(|| parse_alias_table(ALIAS_TABLE))
}

/// Reads `key<TAB>spelling<TAB>spelling…` lines (`#` comments).
fn parse_alias_table(table: &str) -> HashMap<String, Vec<String>> {
    table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut cells = l.split('\t');
            let key = cells.next()?.to_string();
            Some((key, cells.map(String::from).collect()))
        })
        .collect()
}

/// Writes the table [`parse_alias_table`] reads, sorted by key.
#[cfg(test)]
fn format_alias_table(groups: &HashMap<String, Vec<String>>) -> String {
    let mut keys: Vec<&String> = groups.keys().collect();
    keys.sort();
    let mut out = String::from(
        "# Generated from data/provinces.tsv by newsfind's query::derive_alias_groups; do not edit.\n\
         # Regenerate: NEWSFIND_BLESS=1 cargo test --lib alias_table\n",
    );
    for k in keys {
        out.push_str(k);
        for alt in &groups[k] {
            out.push('\t');
            out.push_str(alt);
        }
        out.push('\n');
    }
    out
}

/// Derives the spellings table from the gazetteer's aliases.
#[cfg(test)]
fn derive_alias_groups() -> HashMap<String, Vec<String>> {
    {
        let mut groups: HashMap<String, Vec<String>> = HashMap::new();
        let mut add_group = |spellings: Vec<String>| {
            let mut keys: Vec<String> = spellings
                .iter()
                .map(|s| fold_key(s))
                .filter(|k| !k.is_empty() && !NO_EXPAND.contains(&k.as_str()))
                .collect();
            keys.sort();
            keys.dedup();
            if keys.len() < 2 {
                return;
            }
            // Only groups where some spelling is written differently from
            // the others once folded ("hanoi" vs "ha noi") need expanding.
            let joined: std::collections::HashSet<String> = keys.iter().map(|k| k.replace(' ', "")).collect();
            if joined.len() == keys.len()
                && !keys
                    .iter()
                    .any(|k| k.contains("hcm") || k.contains("sai gon") || k == "saigon")
            {
                return;
            }
            // A spelling that contains another one ("hanoi city" ⊃ "hanoi")
            // adds nothing to an OR but noise words to highlight.
            let contains =
                |long: &str, short: &str| long != short && format!(" {long} ").contains(&format!(" {short} "));
            let minimal: Vec<String> = keys
                .iter()
                .filter(|k| !keys.iter().any(|other| contains(k, other)))
                .cloned()
                .collect();
            for k in &keys {
                let entry = groups.entry(k.clone()).or_default();
                for other in &minimal {
                    if !entry.contains(other) {
                        entry.push(other.clone());
                    }
                }
            }
        };
        for p in gazetteer().all() {
            // "(mới)"/"new X" decorations are the same spelling.
            let spellings: Vec<String> = p
                .aliases
                .iter()
                .filter(|a| !a.contains("mới") && !a.to_lowercase().starts_with("new "))
                .cloned()
                .collect();
            add_group(spellings);
        }
        add_group(vec!["Vietnam".into(), "Việt Nam".into(), "Viet Nam".into()]);
        groups
    }
}

/// One lexical piece of a query.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    /// A bare word that may be part of a place name.
    Word(String),
    /// Anything else, passed through verbatim (quoted phrase, operator,
    /// parenthesis, field:value, whitespace).
    Other(String),
}

fn is_boundary(prev: Option<char>) -> bool {
    prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '+' | '-'))
}

/// Reads a field value after `name:`: a quoted string, a bracketed range,
/// or a run of non-space characters. Returns (value, bytes consumed).
fn field_value(rest: &str) -> (String, usize) {
    let mut chars = rest.char_indices();
    match chars.next() {
        Some((_, '"')) => match rest[1..].find('"') {
            Some(end) => (rest[1..1 + end].to_string(), end + 2),
            None => (rest[1..].to_string(), rest.len()),
        },
        Some((_, '[' | '{')) => match rest.find([']', '}']) {
            Some(end) => (rest[..=end].to_string(), end + 1),
            None => (rest.to_string(), rest.len()),
        },
        _ => {
            let end = rest.find(|c: char| c.is_whitespace() || c == ')').unwrap_or(rest.len());
            (rest[..end].to_string(), end)
        }
    }
}

fn date_clause(value: &str) -> Result<String, Error> {
    let bound = |s: &str, end: bool| -> Result<String, Error> {
        let d = crate::search::parse_date_bound(s.trim(), end)?;
        Ok(format!(
            "{:04}-{:02}-{:02}T00:00:00Z",
            d.year(),
            d.month() as u8,
            d.day()
        ))
    };
    let v = value.trim();
    if let Some(inner) = v.strip_prefix(['[', '{']).and_then(|s| s.strip_suffix([']', '}'])) {
        let (a, b) = inner
            .split_once(" TO ")
            .ok_or_else(|| Error::BadDate(format!("{v} (write date:[2024-01-01 TO 2024-06-30])")))?;
        let lo = if a.trim() == "*" {
            "*".to_string()
        } else {
            bound(a, false)?
        };
        let hi = if b.trim() == "*" {
            "*".to_string()
        } else {
            bound(b, true)?
        };
        return Ok(format!("date:[{lo} TO {hi}]"));
    }
    Ok(format!("date:[{} TO {}]", bound(v, false)?, bound(v, true)?))
}

fn province_clause(value: &str) -> Result<String, Error> {
    let slugs = gazetteer().resolve_filter(value).map_err(|_| Error::UnknownProvince {
        given: value.to_string(),
        suggestions: gazetteer().suggest(value),
    })?;
    let terms: Vec<String> = slugs.iter().map(|s| format!("province:\"/{s}\"")).collect();
    Ok(if terms.len() == 1 {
        terms[0].clone()
    } else {
        format!("({})", terms.join(" OR "))
    })
}

/// Splits the query into pieces, translating `province:` and `date:`.
fn pieces(q: &str, notes: &mut Vec<String>, prefixes: &mut Vec<String>) -> Result<Vec<Piece>, Error> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut prev: Option<char> = None;
    while i < q.len() {
        let rest = &q[i..];
        let c = rest.chars().next().unwrap_or(' ');
        // Field scopes we translate.
        let lower = rest.to_lowercase();
        let scoped = ["province:", "date:"]
            .into_iter()
            .find(|f| lower.starts_with(f) && is_boundary(prev));
        if let Some(field) = scoped {
            let (value, used) = field_value(&rest[field.len()..]);
            let clause = if field == "province:" {
                province_clause(&value)?
            } else {
                date_clause(&value)?
            };
            notes.push(format!("{field}{value} → {clause}"));
            out.push(Piece::Other(clause));
            i += field.len() + used;
            prev = Some('x');
            continue;
        }
        if c == '"' {
            let end = rest[1..].find('"').map(|e| e + 2).unwrap_or(rest.len());
            // Keep a slop or prefix suffix with its phrase.
            let tail = rest[end..]
                .find(|c: char| c.is_whitespace() || c == ')')
                .unwrap_or(rest.len() - end);
            out.push(Piece::Other(rest[..end + tail].to_string()));
            i += end + tail;
            prev = Some('"');
            continue;
        }
        if c.is_alphanumeric() {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\'' || c == '’'))
                .unwrap_or(rest.len());
            let word = &rest[..end];
            let next = rest[end..].chars().next();
            // `word*`: tantivy's parser only takes prefixes on phrases, so a
            // single-word prefix becomes a regex over the folded terms.
            if next == Some('*') && word.chars().all(char::is_alphanumeric) {
                let prefix = crate::corpus::text::fold(word);
                use crate::schema::name::{BODY, BODY_STEM, TITLE};
                let clause = format!("({TITLE}:/{prefix}.*/ OR {BODY}:/{prefix}.*/ OR {BODY_STEM}:/{prefix}.*/)");
                notes.push(format!("prefix {word}* → {clause}"));
                out.push(Piece::Other(clause));
                prefixes.push(prefix);
                i += end + 1;
                prev = Some('x');
                continue;
            }
            // `field:value`, `word^2`, `word~1` pass through.
            if matches!(next, Some(':' | '*' | '^' | '~')) {
                let stop = rest[end..]
                    .find(|c: char| c.is_whitespace() || c == ')')
                    .map(|e| e + end)
                    .unwrap_or(rest.len());
                let (stop, _) = if next == Some(':') {
                    let (_, used) = field_value(&rest[end + 1..]);
                    (end + 1 + used, ())
                } else {
                    (stop, ())
                };
                out.push(Piece::Other(rest[..stop].to_string()));
                i += stop;
            } else {
                // tantivy's grammar reads an ASCII apostrophe as a quote:
                // "people's" would be a syntax error. The tokenizers split
                // at ’ exactly as at '.
                out.push(Piece::Word(word.trim_end_matches('.').replace('\'', "’")));
                if word.ends_with('.') {
                    out.push(Piece::Other(".".into()));
                }
                i += end;
            }
            prev = Some('x');
            continue;
        }
        out.push(Piece::Other(c.to_string()));
        prev = Some(c);
        i += c.len_utf8();
    }
    Ok(out)
}

fn clause_for(spelling: &str) -> String {
    if spelling.contains(' ') {
        format!("\"{spelling}\"")
    } else {
        spelling.to_string()
    }
}

/// Rewrites a query for the parser (see the module docs).
pub fn rewrite(query: &str) -> Result<Rewrite, Error> {
    let q = normalize(query);
    // tantivy's parser recurses per parenthesis: a pathological nesting
    // would overflow the stack, so it is refused up front.
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for c in q.chars() {
        match c {
            '(' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if deepest > MAX_NESTING {
        return Err(Error::QuerySyntax {
            message: format!("parentheses nested {deepest} deep; at most {MAX_NESTING} are allowed"),
            query: q.chars().take(80).collect(),
            caret: "^".to_string(),
        });
    }
    if q.chars().count() > MAX_QUERY_CHARS {
        return Err(Error::QuerySyntax {
            message: format!("query longer than {MAX_QUERY_CHARS} characters"),
            query: q.chars().take(80).collect(),
            caret: "^".to_string(),
        });
    }
    let mut notes = Vec::new();
    if q != query {
        notes.push("normalised to NFC".to_string());
    }
    let mut prefixes = Vec::new();
    let pieces = pieces(&q, &mut notes, &mut prefixes)?;
    let groups = alias_groups();
    let mut text = String::new();
    let mut k = 0;
    while k < pieces.len() {
        // The longest run of bare words (1–4, separated by single spaces)
        // that spells a place with several spellings.
        let mut matched = None;
        for n in (1..=4).rev() {
            let mut words = Vec::new();
            let mut j = k;
            while j < pieces.len() && words.len() < n {
                match &pieces[j] {
                    Piece::Word(w) => words.push(w.as_str()),
                    Piece::Other(s) if s == " " && !words.is_empty() => {}
                    _ => break,
                }
                j += 1;
            }
            if words.len() == n {
                let key = fold_key(&words.join(" "));
                if let Some(group) = groups.get(&key) {
                    matched = Some((j, key, group));
                    break;
                }
            }
        }
        match matched {
            Some((end, key, group)) => {
                // The spelling the user typed (accents and all) counts fully;
                // the other spellings are weighted down so a rare variant
                // ("Hanoi" in a golf tournament's name) cannot outrank the
                // articles that use the typed form.
                let typed: Vec<&str> = pieces[k..end]
                    .iter()
                    .filter_map(|p| match p {
                        Piece::Word(w) => Some(w.as_str()),
                        Piece::Other(_) => None,
                    })
                    .collect();
                let typed = typed.join(" ");
                let mut alts: Vec<String> = vec![clause_for(&typed)];
                alts.extend(
                    group
                        .iter()
                        .filter(|s| **s != fold_key(&typed))
                        .map(|s| format!("{}^0.5", clause_for(s))),
                );
                let clause = format!("({})", alts.join(" OR "));
                notes.push(format!("place name '{key}' → {clause}"));
                text.push_str(&clause);
                k = end;
            }
            None => {
                match &pieces[k] {
                    Piece::Word(w) | Piece::Other(w) => text.push_str(w),
                }
                k += 1;
            }
        }
    }
    Ok(Rewrite { text, notes, prefixes })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rw(q: &str) -> String {
        rewrite(q).map(|r| r.text).unwrap_or_else(|e| format!("ERR {e}"))
    }

    #[test]
    fn joined_english_place_names_meet_vietnamese_spellings() {
        let hanoi = rw("Hanoi metro");
        assert!(
            hanoi.starts_with("(Hanoi OR \"ha noi\"^0.5") && hanoi.ends_with(" metro"),
            "{hanoi}"
        );
        let ha_noi = rw("Hà Nội");
        assert!(
            ha_noi.starts_with("(\"Hà Nội\" OR ") && ha_noi.contains("hanoi^0.5"),
            "{ha_noi}"
        );
        assert!(rw("danang").contains("\"da nang\""));
        assert!(rw("Vietnam").contains("\"viet nam\""));
        let hcm = rw("saigon");
        assert!(hcm.contains("\"tp hcm\"") || hcm.contains("tphcm"), "{hcm}");
    }

    #[test]
    fn quoted_phrases_and_plain_words_pass_through() {
        assert_eq!(rw("\"digital economy\" growth"), "\"digital economy\" growth");
        assert_eq!(rw("digital -economy OR (a b)"), "digital -economy OR (a b)");
        assert_eq!(rw("\"pham minh\"~2 title:quang"), "\"pham minh\"~2 title:quang");
    }

    #[test]
    fn province_scope_takes_any_spelling() {
        assert_eq!(
            rw("digital province:\"Quảng Ninh\""),
            "digital province:\"/quang-ninh\""
        );
        assert_eq!(rw("province:quang-ninh"), "province:\"/quang-ninh\"");
        assert!(rw("province:Nowhereland").starts_with("ERR unknown province"));
    }

    #[test]
    fn date_scope_expands_to_calendar_periods() {
        assert_eq!(
            rw("date:2024-10"),
            "date:[2024-10-01T00:00:00Z TO 2024-10-31T00:00:00Z]"
        );
        assert_eq!(
            rw("x date:[2024-01-01 TO 2024-06]"),
            "x date:[2024-01-01T00:00:00Z TO 2024-06-30T00:00:00Z]"
        );
        assert!(rw("date:13/11/2024").starts_with("ERR bad date"));
    }

    #[test]
    fn single_word_prefix_becomes_a_folded_regex() {
        let r = rewrite("Quả* ninh").unwrap_or_default();
        assert_eq!(r.text, "(title:/qua.*/ OR body:/qua.*/ OR body_stem:/qua.*/) ninh");
        assert_eq!(r.prefixes, ["qua"]);
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let q = format!("{}a{}", "(".repeat(10_000), ")".repeat(10_000));
        assert!(rw(&q).starts_with("ERR query syntax error: parentheses nested 10000 deep"));
        assert!(!rw("((a) OR (b))").starts_with("ERR"));
    }

    #[test]
    fn apostrophes_in_words_are_not_quotes() {
        assert_eq!(rw("provincial people's committee"), "provincial people’s committee");
    }

    #[test]
    fn nfd_query_is_normalised() {
        let r = rewrite("Qua\u{309}ng").unwrap_or_default();
        assert_eq!(r.text, "Quảng");
        assert_eq!(r.notes, ["normalised to NFC"]);
    }

    #[test]
    fn alias_table_matches_the_gazetteer() {
        let derived = derive_alias_groups();
        let expected = format_alias_table(&derived);
        if std::env::var_os("NEWSFIND_BLESS").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/place-aliases.tsv");
            std::fs::write(path, &expected).expect("write data/place-aliases.tsv");
            return;
        }
        assert!(
            parse_alias_table(ALIAS_TABLE) == derived,
            "data/place-aliases.tsv is stale: run NEWSFIND_BLESS=1 cargo test --lib alias_table"
        );
        assert_eq!(ALIAS_TABLE, expected);
    }
}
