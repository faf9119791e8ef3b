//! The province gazetteer: Vietnam's 63 pre-2025 and 34 post-2025
//! province-level units (embedded from `data/provinces.tsv`), resolving any
//! spelling a user types, and finding the provinces an article refers to.
//!
//! Owns place names only; knows nothing of tantivy, clap or output.
//!
//! Matching runs on a *match text*: the article folded to ASCII with case
//! kept and every run of non-alphanumerics collapsed to one space, so
//! "Thừa Thiên – Huế", "Thua Thien-Hue" and "ofThua Thien Hue" all meet the
//! same pattern. Aho-Corasick with leftmost-longest semantics picks "Ho Chi
//! Minh City" over "Ho Chi Minh". Each candidate is then checked against
//! the original text: accents, when present, must be the unit's own
//! ("Huệ" is not "Huế"), the name must be capitalised ("hòa bình" is
//! peace), and the traps in `data/PROVINCES-SOURCES.md` are rejected.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::corpus::text::{fold, fold_key, modern_tone};

const PROVINCES_TSV: &str = include_str!("../../data/provinces.tsv");

/// The last day before the 2025 merger took effect.
const MERGER_DAY: (i32, u8, u8) = (2025, 7, 1);

/// When a unit was in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validity {
    /// Not rearranged in 2025.
    Both,
    /// Merged away on 2025-07-01.
    Until2025,
    /// Formed on 2025-07-01.
    From2025,
}

/// One province-level unit.
#[derive(Debug, Clone)]
pub struct Province {
    /// Canonical slug, e.g. `quang-ninh`, `quang-tri-2025`.
    pub slug: String,
    /// Vietnamese display name, e.g. `Quảng Ninh`.
    pub name_vi: String,
    /// ASCII name, e.g. `Quang Ninh`.
    pub name_ascii: String,
    /// When the unit was in force.
    pub validity: Validity,
    /// The post-2025 unit this one was merged into.
    pub merged_into: Option<String>,
    /// The pre-2025 units merged into this one.
    pub merged_from: Vec<String>,
    /// Every spelling, including the names.
    pub aliases: Vec<String>,
}

/// The whole gazetteer with its lookup tables and matcher.
pub struct Gazetteer {
    provinces: Vec<Province>,
    by_slug: HashMap<String, usize>,
    /// fold_key(spelling) → units that carry that spelling; built on first
    /// use (a search that only shows display names never needs it).
    by_key: OnceLock<HashMap<String, Vec<usize>>>,
    /// The text matcher, built on first use: resolving a filter or
    /// rewriting a query (once per `search` process) never needs it.
    text: OnceLock<TextMatcher>,
}

/// What finding provinces in running text needs.
#[derive(Debug)]
struct TextMatcher {
    /// Exact (accented, lowercased) keys of each unit's spellings.
    exact_keys: Vec<Vec<String>>,
    matcher: AhoCorasick,
    /// Pattern index → units sharing that spelling.
    pattern_units: Vec<Vec<usize>>,
}

/// A province mention found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Slug of the unit, chosen by the article's date.
    pub slug: String,
    /// Byte range in the original text.
    pub range: std::ops::Range<usize>,
}

/// The gazetteer, parsed once per process.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZ: OnceLock<Gazetteer> = OnceLock::new();
    GAZ.get_or_init(|| Gazetteer::parse(PROVINCES_TSV))
}

fn exact_key(text: &str) -> String {
    let lower = text.to_lowercase();
    let mut out = String::new();
    for word in lower
        .split(|c: char| !crate::corpus::text::is_alnum(c))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&modern_tone(word));
    }
    out
}

impl Gazetteer {
    fn parse(tsv: &str) -> Gazetteer {
        let mut lines = tsv.lines();
        let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
        let col = |name: &str| header.iter().position(|h| *h == name);
        let (c_slug, c_vi, c_ascii, c_valid, c_into, c_aliases, c_from) = (
            col("code"),
            col("name_vi"),
            col("name_ascii"),
            col("valid"),
            col("merged_into"),
            col("aliases"),
            col("merged_from"),
        );
        let mut provinces = Vec::new();
        for line in lines.filter(|l| !l.trim().is_empty()) {
            let cells: Vec<&str> = line.split('\t').collect();
            let get = |c: Option<usize>| c.and_then(|i| cells.get(i)).map(|s| s.trim()).unwrap_or("");
            let list = |s: &str| -> Vec<String> {
                s.split([';', ','])
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(String::from)
                    .collect()
            };
            let name_vi = get(c_vi).to_string();
            let name_ascii = get(c_ascii).to_string();
            let mut aliases = list(get(c_aliases));
            aliases.push(name_vi.clone());
            aliases.push(name_ascii.clone());
            aliases.sort();
            aliases.dedup();
            provinces.push(Province {
                slug: get(c_slug).to_string(),
                name_vi,
                name_ascii,
                validity: match get(c_valid) {
                    "until-2025-06-30" => Validity::Until2025,
                    "from-2025-07-01" => Validity::From2025,
                    _ => Validity::Both,
                },
                merged_into: Some(get(c_into).to_string()).filter(|s| !s.is_empty()),
                merged_from: list(get(c_from)),
                aliases,
            });
        }
        // merged_from may be empty in the file; derive it from merged_into.
        let mut children: HashMap<String, Vec<String>> = HashMap::new();
        for p in &provinces {
            if let Some(parent) = &p.merged_into {
                children.entry(parent.clone()).or_default().push(p.slug.clone());
            }
        }
        for p in &mut provinces {
            if let Some(kids) = children.remove(&p.slug) {
                for k in kids {
                    if !p.merged_from.contains(&k) {
                        p.merged_from.push(k);
                    }
                }
            }
        }
        let by_slug = provinces.iter().enumerate().map(|(i, p)| (p.slug.clone(), i)).collect();
        Gazetteer {
            provinces,
            by_slug,
            by_key: OnceLock::new(),
            text: OnceLock::new(),
        }
    }

    fn by_key(&self) -> &HashMap<String, Vec<usize>> {
        self.by_key.get_or_init(|| {
            let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, p) in self.provinces.iter().enumerate() {
                let mut keys: Vec<String> = p.aliases.iter().map(|a| fold_key(a)).collect();
                keys.push(fold_key(&p.slug));
                keys.sort();
                keys.dedup();
                for k in keys {
                    by_key.entry(k).or_default().push(i);
                }
            }
            by_key
        })
    }

    fn text_matcher(&self) -> &TextMatcher {
        self.text.get_or_init(|| TextMatcher::build(&self.provinces))
    }
}

impl TextMatcher {
    fn build(provinces: &[Province]) -> TextMatcher {
        let exact_keys = provinces
            .iter()
            .map(|p| p.aliases.iter().map(|a| exact_key(a)).collect())
            .collect();
        // Text patterns: every alias spelling except the bare "(mới)"/"new"
        // forms' decorations, which fold to the same key anyway.
        let mut pattern_keys: Vec<String> = Vec::new();
        let mut pattern_units: Vec<Vec<usize>> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, p) in provinces.iter().enumerate() {
            for alias in &p.aliases {
                let key = fold_key(alias);
                // "Cần Thơ mới" / "new Can Tho" name the post-2025 unit in a
                // filter, but in running text "mới" is just "new" (a new
                // bridge in Cần Thơ): the plain name matches instead, and the
                // article's date picks the unit.
                if key.len() < 3 || key.ends_with(" moi") || key.starts_with("new ") {
                    continue;
                }
                match seen.get(&key) {
                    Some(&pi) => {
                        if !pattern_units[pi].contains(&i) {
                            pattern_units[pi].push(i);
                        }
                    }
                    None => {
                        seen.insert(key.clone(), pattern_keys.len());
                        pattern_keys.push(key);
                        pattern_units.push(vec![i]);
                    }
                }
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&pattern_keys)
            .expect("gazetteer patterns are plain strings and always build");
        TextMatcher {
            exact_keys,
            matcher,
            pattern_units,
        }
    }
}

impl Gazetteer {
    /// All units, in file order.
    pub fn all(&self) -> &[Province] {
        &self.provinces
    }

    /// The unit with this slug.
    pub fn by_slug(&self, slug: &str) -> Option<&Province> {
        self.by_slug.get(slug).map(|&i| &self.provinces[i])
    }

    /// Display name for a slug (the slug itself when unknown).
    pub fn display_name<'a>(&'a self, slug: &'a str) -> &'a str {
        self.by_slug(slug).map(|p| p.name_vi.as_str()).unwrap_or(slug)
    }

    /// Resolves any spelling a user types (`quang-ninh`, `Quang Ninh`,
    /// `Quảng Ninh`, `TP.HCM`) to the slugs a filter should match:
    /// a slug of a post-2025 unit also covers the units merged into it; a
    /// name shared by an old and a new unit ("Lào Cai") covers both.
    /// `Err` means no unit has that spelling (see [`Gazetteer::suggest`]).
    ///
    /// ```
    /// let g = newsfind::corpus::province::gazetteer();
    /// assert_eq!(g.resolve_filter("Quảng Ninh"), Ok(vec!["quang-ninh".to_string()]));
    /// assert_eq!(g.resolve_filter("quang-tri-2025").map(|v| v.len()), Ok(3));
    /// assert!(g.resolve_filter("Atlantis").is_err());
    /// ```
    pub fn resolve_filter(&self, spelling: &str) -> Result<Vec<String>, Vec<String>> {
        let trimmed = spelling.trim();
        let units: Vec<usize> = if let Some(&i) = self.by_slug.get(trimmed) {
            vec![i]
        } else {
            match self.by_key().get(&fold_key(trimmed)) {
                Some(units) => units.clone(),
                // Suggestions are costly (an edit distance to every alias):
                // callers that report the error ask [`Gazetteer::suggest`].
                None => return Err(Vec::new()),
            }
        };
        let mut slugs = Vec::new();
        let explicit_slug = self.by_slug.contains_key(trimmed);
        for i in units {
            let p = &self.provinces[i];
            slugs.push(p.slug.clone());
            if explicit_slug {
                slugs.extend(p.merged_from.iter().cloned());
            }
        }
        slugs.sort();
        slugs.dedup();
        Ok(slugs)
    }

    /// Close spellings to `wrong`, best first.
    pub fn suggest(&self, wrong: &str) -> Vec<String> {
        let key = fold_key(wrong);
        let mut scored: Vec<(usize, String)> = Vec::new();
        for p in &self.provinces {
            let best = std::iter::once(fold_key(&p.slug))
                .chain(p.aliases.iter().map(|a| fold_key(a)))
                .map(|k| levenshtein(&key, &k))
                .min()
                .unwrap_or(usize::MAX);
            scored.push((best, p.slug.clone()));
        }
        scored.sort();
        let limit = (key.chars().count() / 3).max(2);
        let mut out: Vec<String> = scored
            .iter()
            .filter(|(d, _)| *d <= limit)
            .map(|(_, s)| s.clone())
            .take(5)
            .collect();
        if out.is_empty() {
            out = scored.into_iter().take(3).map(|(_, s)| s).collect();
        }
        out
    }

    /// Finds province mentions in `text` (NFC). `after_merger` picks the
    /// unit in force: post-2025 units for articles dated on or after
    /// 2025-07-01, pre-2025 units otherwise (and for undated articles).
    pub fn find(&self, text: &str, after_merger: bool) -> Vec<Mention> {
        let tm = self.text_matcher();
        let (match_text, offsets) = match_text(text);
        let mut out = Vec::new();
        for m in tm.matcher.find_iter(&match_text) {
            let (s, e) = (m.start(), m.end());
            if !is_word_start(&match_text, s) || !is_word_end(&match_text, e) {
                continue;
            }
            let orig = offsets[s]..offsets_end(&offsets, e, text.len());
            let span = &text[orig.clone()];
            // A capitalised name: "hòa bình" (peace) is not Hòa Bình.
            if !span.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let units = &tm.pattern_units[m.pattern().as_usize()];
            // Accents, when the text has them, must be the unit's own.
            let accented = !span.is_ascii();
            let span_key = exact_key(span);
            let units: Vec<usize> = units
                .iter()
                .copied()
                .filter(|&u| !accented || tm.exact_keys[u].contains(&span_key))
                .collect();
            if units.is_empty() || is_trap(text, &orig, &fold_key(span)) {
                continue;
            }
            let chosen = units
                .iter()
                .copied()
                .find(|&u| match self.provinces[u].validity {
                    Validity::Both => true,
                    Validity::Until2025 => !after_merger,
                    Validity::From2025 => after_merger,
                })
                .unwrap_or(units[0]);
            out.push(Mention {
                slug: self.provinces[chosen].slug.clone(),
                range: orig,
            });
        }
        out
    }
}

/// Is an article dated `(y, m, d)` after the 2025 merger?
pub fn after_merger(year: i32, month: u8, day: u8) -> bool {
    (year, month, day) >= MERGER_DAY
}

/// Folds `text` to ASCII keeping case, collapses non-alphanumeric runs to a
/// single space, and returns the byte offset in `text` of every byte of the
/// result.
fn match_text(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len());
    let mut last_space = true;
    for (i, c) in text.char_indices() {
        if crate::corpus::text::is_alnum(c) {
            let folded = if c.is_ascii() {
                c.to_string()
            } else {
                let f = fold(&c.to_string());
                if c.is_uppercase() {
                    f.to_uppercase()
                } else {
                    f
                }
            };
            // Letters with no ASCII base (CJK…) are kept as one marker byte
            // so offsets stay aligned and they never match a pattern.
            let folded = if folded.is_ascii() && !folded.is_empty() {
                folded
            } else {
                "#".to_string()
            };
            for b in folded.bytes() {
                out.push(b as char);
                offsets.push(i);
            }
            last_space = false;
        } else if !last_space {
            out.push(' ');
            offsets.push(i);
            last_space = true;
        }
    }
    (out, offsets)
}

fn offsets_end(offsets: &[usize], end: usize, text_len: usize) -> usize {
    // The original end is the start of the next match-text byte's char,
    // or the end of the text.
    let last = offsets[end - 1];
    offsets
        .get(end)
        .copied()
        .filter(|&o| o > last)
        .unwrap_or(text_len)
        .min(text_len)
        .max(last + 1)
}

fn is_word_start(t: &str, s: usize) -> bool {
    let b = t.as_bytes();
    if s == 0 || b[s - 1] == b' ' {
        return true;
    }
    // Glued after a lowercase letter or digit: "ofThua", "63Quang".
    let (prev, first) = (b[s - 1], b[s]);
    first.is_ascii_uppercase() && (prev.is_ascii_lowercase() || prev.is_ascii_digit())
}

fn is_word_end(t: &str, e: usize) -> bool {
    let b = t.as_bytes();
    if e >= b.len() || b[e] == b' ' {
        return true;
    }
    let (last, next) = (b[e - 1], b[e]);
    // "Quang NinhProvince", "HCMCơ", "Ninh2024".
    (next.is_ascii_uppercase() && last.is_ascii_lowercase())
        || (next.is_ascii_digit() != last.is_ascii_digit())
        || (next.is_ascii_uppercase()
            && last.is_ascii_uppercase()
            && b.get(e + 1).is_some_and(|n| n.is_ascii_lowercase()))
}

/// The documented traps: a match that is not the province.
fn is_trap(text: &str, range: &std::ops::Range<usize>, key: &str) -> bool {
    let before = fold_key(&text[floor_char(text, range.start.saturating_sub(40))..floor_char(text, range.start)]);
    let after = fold_key(&text[range.end..ceil_char(text, (range.end + 30).min(text.len()))]);
    let prev_word = before.rsplit(' ').next().unwrap_or("");
    let next_word = after.split(' ').next().unwrap_or("");
    // A joint-stock bank's brand name is not a place: "Ngân hàng TMCP Sài
    // Gòn Thương Tín", "Ngân hàng TMCP Sài Gòn - Hà Nội".
    if before.rsplit(' ').take(4).any(|w| w == "tmcp") {
        return true;
    }
    let raw_before = &text[floor_char(text, range.start.saturating_sub(12))..range.start];
    // "sáng 31/5, giờ Hà Nội", "9am Hanoi time": a time zone, not a place.
    if matches!(key, "ha noi" | "hanoi") && (raw_before.to_lowercase().ends_with("giờ ") || matches!(next_word, "time"))
    {
        return true;
    }
    // A news bureau in a credit: "Việt Quốc/VOV-TPHCM".
    if let Some(tag) = raw_before.strip_suffix('-') {
        let outlet: String = tag.chars().rev().take_while(|c| c.is_alphanumeric()).collect();
        if outlet.chars().count() >= 2 && outlet.chars().all(|c| c.is_ascii_uppercase()) {
            return true;
        }
    }
    match key {
        // Pacific Ocean.
        "thai binh" => next_word == "duong",
        // The 1954 battle / city name, and streets named after it.
        "dien bien" => next_word == "phu",
        // "huyện Quảng Ninh" is a district of Quảng Bình.
        "quang ninh" => matches!(prev_word, "huyen" | "district") || next_word == "district",
        // The President, his thought, mausoleum, trail, museum.
        "ho chi minh" | "hcm" => {
            let city_before =
                before.ends_with("thanh pho") || matches!(prev_word, "tp" | "tai" | "o" | "in" | "at" | "city");
            let person_after = matches!(
                next_word,
                "trail" | "mausoleum" | "thought" | "museum" | "road" | "street" | "square"
            );
            !city_before || person_after
        }
        // "hải dương học" = oceanography.
        "hai duong" => next_word == "hoc",
        _ => false,
    }
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Edit distance between two strings, in characters.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slugs(text: &str) -> Vec<String> {
        gazetteer().find(text, false).into_iter().map(|m| m.slug).collect()
    }

    #[test]
    fn gazetteer_has_63_old_and_34_new_units() {
        let g = gazetteer();
        let old = g.all().iter().filter(|p| p.validity != Validity::From2025).count();
        let new = g.all().iter().filter(|p| p.validity != Validity::Until2025).count();
        assert_eq!((old, new), (63, 34));
    }

    #[test]
    fn resolve_accepts_slug_ascii_and_diacritic_spellings() {
        let g = gazetteer();
        for s in ["quang-ninh", "Quang Ninh", "Quảng Ninh", "QUẢNG NINH"] {
            assert_eq!(g.resolve_filter(s), Ok(vec!["quang-ninh".to_string()]), "{s}");
        }
        assert_eq!(
            g.resolve_filter("TP.HCM")
                .map(|v| v.contains(&"ho-chi-minh-city".into())),
            Ok(true)
        );
    }

    #[test]
    fn resolve_rolls_up_post_2025_unit() {
        let got = gazetteer().resolve_filter("quang-tri-2025").unwrap_or_default();
        assert_eq!(got, vec!["quang-binh", "quang-tri", "quang-tri-2025"]);
    }

    #[test]
    fn resolve_unknown_suggests_close_matches() {
        assert!(gazetteer().resolve_filter("Quang Nin").is_err());
        let err = gazetteer().suggest("Quang Nin");
        assert_eq!(err.first().map(String::as_str), Some("quang-ninh"));
    }

    #[test]
    fn finds_ascii_and_diacritic_names() {
        assert_eq!(
            slugs("Tỉnh Quảng Ninh và Quang Binh province"),
            ["quang-ninh", "quang-binh"]
        );
    }

    #[test]
    fn finds_glued_and_dashed_names() {
        assert_eq!(
            slugs("the provinces ofThua Thien-Hue and Bac Ninh"),
            ["hue", "bac-ninh"]
        );
        assert_eq!(slugs("ở Thừa Thiên – Huế"), ["hue"]);
    }

    #[test]
    fn rejects_traps() {
        assert!(slugs("Thái Bình Dương rộng lớn").is_empty());
        assert!(slugs("vì hòa bình thế giới").is_empty());
        assert!(slugs("Chủ tịch Hồ Chí Minh").is_empty());
        assert!(slugs("chiến thắng Điện Biên Phủ").is_empty());
        assert!(slugs("huyện Quảng Ninh").is_empty());
        assert!(slugs("hoa Huệ trắng").is_empty());
    }

    #[test]
    fn time_zones_and_bureau_credits_are_not_places() {
        assert!(slugs("Đoàn đến lúc 7 giờ sáng 31/5, giờ Hà Nội.").is_empty());
        assert!(slugs("The talks open at 9am Hanoi time.").is_empty());
        assert!(slugs("xử lý theo quy định pháp luật./. Minh Anh/VOV-TPHCM").is_empty());
        assert_eq!(slugs("Lúc 9 giờ, tại Hà Nội, hội nghị khai mạc."), ["ha-noi"]);
    }

    #[test]
    fn city_prefix_makes_ho_chi_minh_the_city() {
        assert_eq!(slugs("tại TP.HCM hôm qua"), ["ho-chi-minh-city"]);
        assert_eq!(slugs("in Ho Chi Minh City"), ["ho-chi-minh-city"]);
    }

    #[test]
    fn new_in_running_text_does_not_pick_the_post_2025_unit() {
        assert_eq!(slugs("Cây cầu mới ở Cần Thơ mới khánh thành"), ["can-tho"]);
    }

    #[test]
    fn picks_the_unit_in_force_on_the_article_date() {
        let g = gazetteer();
        let before: Vec<String> = g.find("Lào Cai", false).into_iter().map(|m| m.slug).collect();
        let after: Vec<String> = g.find("Lào Cai", true).into_iter().map(|m| m.slug).collect();
        assert_eq!((before, after), (vec!["lao-cai".into()], vec!["lao-cai-2025".into()]));
    }

    #[test]
    fn bank_brand_names_are_not_places() {
        assert!(slugs("Ngân hàng TMCP Sài Gòn - Hà Nội tăng vốn điều lệ.").is_empty());
        assert_eq!(slugs("Chi nhánh ngân hàng ở Hà Nội tăng vốn."), ["ha-noi"]);
    }
}
