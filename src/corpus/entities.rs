//! Named entities by rule: people, organisations and programmes.
//!
//! Owns entity rules only; knows nothing of tantivy, clap or output. No
//! model weights can be fetched here, so the rules are lexical and were
//! written against Vietnamese news in English and Vietnamese:
//!
//! - **People**: a capitalised run of 2–4 syllables that starts with a
//!   Vietnamese family name ("Phạm Minh Chính", "Nguyen Chi Dung"), or any
//!   capitalised run right after a title or role ("Prime Minister", "Mr.",
//!   "ông", "Bộ trưởng"). Runs that are place names (the gazetteer) or are
//!   followed by a place word ("province", "ward", "street") are not people.
//! - **Organisations**: a capitalised run containing an organisation head
//!   word (Ministry, Department, Committee, Association…; Bộ, Sở, Ủy ban,
//!   Công ty…), with the connectors "of", "and", "for", "on" inside it.
//! - **Programmes**: "Project 06"-style names with a number, legal
//!   documents with a number ("Decision No. 505/QD-TTg", "Nghị quyết
//!   57-NQ/TW"), and capitalised runs ending in Program(me)/Project/Plan/
//!   Strategy/Day/Campaign/Movement.
//!
//! Each list is de-duplicated on the folded form, keeping the spelling with
//! diacritics when the text has both, so "Pham Minh Chinh" and "Phạm Minh
//! Chính" are one person.

use std::collections::HashMap;

use crate::corpus::province::gazetteer;
use crate::corpus::text::{fold, fold_key};

/// The three entity lists of one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entities {
    /// People, canonical names.
    pub people: Vec<String>,
    /// Organisations.
    pub organizations: Vec<String>,
    /// Programmes, projects, plans, legal documents.
    pub programs: Vec<String>,
}

/// Vietnamese family names, folded. Covers well over 95 % of the population.
const FAMILY_NAMES: &[&str] = &[
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong",
    "ly", "trinh", "dinh", "mai", "truong", "lam", "luong", "ha", "cao", "ta", "chu", "lai", "kieu", "doan", "quach",
    "luu", "trieu", "la", "thach", "tong", "to", "khuc", "nong", "lo", "giang", "au", "thai", "tang", "van", "hua",
    "lu", "mac", "phung", "vuong", "tieu", "ton", "dao", "diep", "nghiem", "quan", "ung", "khong", "kim", "lieu",
    "han", "ninh",
];

/// Titles and roles that announce a person's name.
const PERSON_TRIGGERS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "minister",
    "president",
    "chairman",
    "chairwoman",
    "secretary",
    "director",
    "ambassador",
    "governor",
    "premier",
    "general",
    "colonel",
    "lieutenant",
    "ong",
    "ba",
    "anh",
    "chi",
    "thu tuong",
    "chu tich",
    "bo truong",
    "thu truong",
    "bi thu",
    "giam doc",
    "pho chu tich",
    "tong bi thu",
    "dai su",
    "dai tuong",
    "thuong tuong",
    "trung tuong",
    "thieu tuong",
    "dai ta",
    "thuong ta",
    "trung ta",
    "thieu ta",
    "tien si",
    "giao su",
    "chairperson",
    "ceo",
    "founder",
    "spokesperson",
    "spokesman",
    "comrade",
    "dong chi",
];

/// Words that end an English organisation name or sit inside it.
const ORG_HEADS_EN: &[&str] = &[
    "ministry",
    "department",
    "committee",
    "association",
    "union",
    "bank",
    "corporation",
    "corp",
    "group",
    "university",
    "institute",
    "agency",
    "office",
    "council",
    "assembly",
    "party",
    "police",
    "court",
    "procuracy",
    "company",
    "co",
    "ltd",
    "jsc",
    "center",
    "centre",
    "federation",
    "fund",
    "organization",
    "organisation",
    "authority",
    "administration",
    "academy",
    "school",
    "college",
    "hospital",
    "army",
    "navy",
    "command",
    "inspectorate",
    "commission",
    "board",
    "front",
    "chamber",
    "alliance",
    "network",
    "newspaper",
    "television",
    "radio",
    "news",
    "exchange",
    "club",
    "foundation",
    "bureau",
    "secretariat",
    "politburo",
    "government",
    "headquarters",
    "steering",
    "post",
    "airlines",
    "telecom",
    "forum",
];

/// Vietnamese organisation heads (folded), one or two syllables.
const ORG_HEADS_VI: &[&str] = &[
    "bo",
    "so",
    "uy ban",
    "uban",
    "cong ty",
    "tap doan",
    "ngan hang",
    "truong",
    "dai hoc",
    "vien",
    "cuc",
    "chi cuc",
    "tong cuc",
    "hoi",
    "hiep hoi",
    "lien doan",
    "cong an",
    "toa an",
    "vien kiem sat",
    "ban",
    "benh vien",
    "trung tam",
    "quoc hoi",
    "chinh phu",
    "dang",
    "mat tran",
    "doan",
    "hoi dong",
    "tong cong ty",
    "bao",
    "dai",
    "ubnd",
    "hdnd",
    "thong tan xa",
];

/// English programme heads (folded).
const PROGRAM_TAILS: &[&str] = &[
    "program",
    "programme",
    "project",
    "plan",
    "strategy",
    "day",
    "campaign",
    "movement",
    "initiative",
    "scheme",
    "index",
    "award",
    "awards",
    "portal",
    "platform",
];

/// Legal documents and numbered projects (folded), followed by a number.
const NUMBERED_HEADS: &[&str] = &[
    "project",
    "decision",
    "resolution",
    "directive",
    "decree",
    "circular",
    "law",
    "de an",
    "quyet dinh",
    "nghi quyet",
    "chi thi",
    "nghi dinh",
    "thong tu",
    "luat",
    "conclusion",
    "ket luan",
    "plan",
    "ke hoach",
    "program",
    "chuong trinh",
];

/// Words that make a capitalised run a place rather than a person.
const PLACE_WORDS: &[&str] = &[
    "province",
    "city",
    "ward",
    "district",
    "street",
    "commune",
    "town",
    "village",
    "bridge",
    "tinh",
    "thanh pho",
    "huyen",
    "quan",
    "phuong",
    "xa",
    "duong",
    "pho",
    "thi xa",
    "thi tran",
    "road",
    "island",
    "lake",
    "river",
    "mountain",
    "airport",
    "port",
    "square",
    "pagoda",
    "temple",
];

/// Lowercase words allowed inside an English organisation/programme name.
const CONNECTORS_EN: &[&str] = &["of", "and", "for", "on", "the", "in", "to"];

#[derive(Debug, Clone)]
struct Word<'a> {
    text: &'a str,
    folded: String,
    cap: bool,
    /// Only a space (no punctuation) separates this word from the previous.
    joined: bool,
    start: usize,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out: Vec<Word> = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let is_part = |k: usize| -> bool {
        let c = chars[k].1;
        if c.is_alphanumeric() {
            return true;
        }
        // Apostrophes inside a word (People's) and dots in "TP.HCM"/"No." stay.
        matches!(c, '\'' | '’')
            && k > 0
            && chars[k - 1].1.is_alphabetic()
            && chars.get(k + 1).is_some_and(|n| n.1.is_alphabetic())
    };
    let mut k = 0;
    while k <= chars.len() {
        let part = k < chars.len() && is_part(k);
        let at = chars.get(k).map(|c| c.0).unwrap_or(text.len());
        match (start, part) {
            (None, true) => start = Some(at),
            (Some(s), false) => {
                push_word(text, s, at, last_end, &mut out);
                last_end = at;
                start = None;
            }
            (Some(s), true) => {
                // Camel-case glue ("HuyDung", "sCommittee") starts a new word.
                let prev = chars[k - 1].1;
                let c = chars[k].1;
                if prev.is_lowercase() && c.is_uppercase() {
                    push_word(text, s, at, last_end, &mut out);
                    last_end = at;
                    start = Some(at);
                }
            }
            (None, false) => {}
        }
        k += 1;
    }
    out
}

fn push_word<'a>(text: &'a str, s: usize, e: usize, last_end: usize, out: &mut Vec<Word<'a>>) {
    let w = &text[s..e];
    let between = &text[last_end..s];
    out.push(Word {
        text: w,
        folded: fold(w),
        cap: w.chars().next().is_some_and(char::is_uppercase),
        // Glued words (last_end == s) count as joined: "Nguyen HuyDung".
        joined: !out.is_empty() && between.chars().all(|c| c == ' '),
        start: s,
    });
}

fn is_family(w: &Word) -> bool {
    w.cap && FAMILY_NAMES.contains(&w.folded.as_str())
}

/// Does the folded phrase made of `ws` match one of `list` (1–3 words)?
fn phrase_in(ws: &[Word], list: &[&str]) -> Option<usize> {
    for n in (1..=3).rev() {
        if ws.len() >= n {
            let p: Vec<&str> = ws[..n].iter().map(|w| w.folded.as_str()).collect();
            if list.contains(&p.join(" ").as_str()) {
                return Some(n);
            }
        }
    }
    None
}

fn ends_with_phrase(ws: &[Word], list: &[&str]) -> bool {
    (1..=3).any(|n| {
        ws.len() >= n && {
            let p: Vec<&str> = ws[ws.len() - n..].iter().map(|w| w.folded.as_str()).collect();
            list.contains(&p.join(" ").as_str())
        }
    })
}

/// Extracts people, organisations and programmes from clean text.
pub fn extract(text: &str) -> Entities {
    let ws = words(text);
    let mut people = Collector::default();
    let mut orgs = Collector::default();
    let mut programs = Collector::default();
    let gaz = gazetteer();

    let mut i = 0;
    while i < ws.len() {
        // People after a trigger, or starting with a family name.
        let trigger_len = if i > 0 { trigger_before(&ws, i) } else { false };
        if ws[i].cap && (is_family(&ws[i]) || trigger_len) {
            let mut j = i + 1;
            while j < ws.len() && j - i < 5 && ws[j].cap && ws[j].joined && is_name_syllable(&ws[j]) {
                j += 1;
            }
            let len = j - i;
            let name = joined(&ws[i..j]);
            let key = fold_key(&name);
            let place_after = phrase_in(&ws[j.min(ws.len())..], PLACE_WORDS).is_some() && j < ws.len() && ws[j].joined;
            let place_before = i > 0 && ends_with_phrase(&ws[..i], PLACE_WORDS);
            let is_place = gaz.resolve_filter(&key).is_ok() || place_after || place_before;
            let ok_len = if is_family(&ws[i]) {
                (2..=4).contains(&len)
            } else {
                (2..=4).contains(&len)
                    || trigger_len && len >= 1 && !is_common_word(&ws[i]) && ws[i].text.chars().count() > 2
            };
            if ok_len && !is_place && !contains_head(&ws[i..j]) {
                people.add(&name);
                i = j;
                continue;
            }
        }
        i += 1;
    }

    // Organisations and programmes: capitalised runs with connectors.
    let mut i = 0;
    while i < ws.len() {
        if !ws[i].cap {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut last_cap = i;
        while j < ws.len() && ws[j].joined {
            if ws[j].cap || ws[j].text.bytes().all(|b| b.is_ascii_digit()) {
                last_cap = j;
            } else if ws[j].folded == "and" && ws.get(j + 1).is_some_and(|n| n.folded == "the") {
                // "the Ministry of X and the Association": two names.
                break;
            } else if CONNECTORS_EN.contains(&ws[j].folded.as_str()) || ws[j].folded == "va" {
                // allowed inside, but not at the end
            } else if is_vi_lower_continuation(&ws, j) {
                last_cap = j;
            } else {
                break;
            }
            j += 1;
        }
        let span = &ws[i..=last_cap];
        let span = trim_leading(span);
        if !span.is_empty() {
            let phrase = &joined(span);
            if let Some(p) = numbered_program(&ws, i, text) {
                programs.add(&p);
            } else if ends_with_phrase(span, PROGRAM_TAILS) && span.len() >= 2 {
                programs.add(phrase);
            } else if (span.len() >= 2 && contains_head(span) && !is_person_span(span))
                || (span.len() == 1 && is_acronym_org(span[0].text))
            {
                orgs.add(phrase);
            }
        }
        i = last_cap + 1;
    }
    // Numbered programmes that start lowercase or inside runs.
    for k in 0..ws.len() {
        if let Some(p) = numbered_program(&ws, k, text) {
            programs.add(&p);
        }
    }

    Entities {
        people: people.finish(),
        organizations: orgs.finish(),
        programs: programs.finish(),
    }
}

/// The words of a span joined by single spaces (restores lost spaces).
fn joined(ws: &[Word]) -> String {
    ws.iter().map(|w| w.text).collect::<Vec<_>>().join(" ")
}

fn trim_leading<'a, 'b>(span: &'b [Word<'a>]) -> &'b [Word<'a>] {
    let mut s = span;
    while let Some(first) = s.first() {
        if matches!(
            first.folded.as_str(),
            "the" | "a" | "an" | "this" | "its" | "on" | "in" | "at" | "by" | "according" | "accordingto"
        ) || !first.cap
        {
            s = &s[1..];
        } else {
            break;
        }
    }
    s
}

fn trigger_before(ws: &[Word], i: usize) -> bool {
    (1..=3).any(|n| {
        i >= n && {
            let p: Vec<&str> = ws[i - n..i].iter().map(|w| w.folded.as_str()).collect();
            PERSON_TRIGGERS.contains(&p.join(" ").as_str()) && ws[i].joined
        }
    })
}

fn is_name_syllable(w: &Word) -> bool {
    let n = w.text.chars().count();
    (1..=7).contains(&n)
        && w.text.chars().all(char::is_alphabetic)
        && !ORG_HEADS_EN.contains(&w.folded.as_str())
        && !matches!(
            w.folded.as_str(),
            "province" | "city" | "ward" | "district" | "street" | "commune" | "town" | "village" | "bridge" | "road"
        )
        && !is_common_word(w)
}

fn is_common_word(w: &Word) -> bool {
    matches!(
        w.folded.as_str(),
        "the"
            | "and"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "deputy"
            | "vice"
            | "minister"
            | "prime"
            | "chairman"
            | "secretary"
            | "head"
            | "member"
            | "provincial"
            | "national"
            | "digital"
            | "state"
            | "central"
            | "general"
            | "permanent"
            | "standing"
            | "people"
            | "city"
            | "province"
            | "he"
            | "she"
            | "they"
            | "we"
            | "it"
            | "this"
            | "that"
            | "a"
            | "an"
            | "but"
            | "also"
            | "said"
            | "according"
            | "speaking"
            | "ong"
            | "ba"
    )
}

fn contains_head(span: &[Word]) -> bool {
    span.iter().any(|w| ORG_HEADS_EN.contains(&w.folded.as_str()))
        || phrase_in(span, ORG_HEADS_VI).is_some_and(|_| span[0].cap)
}

fn is_person_span(span: &[Word]) -> bool {
    is_family(&span[0]) && span.len() <= 4 && span.iter().all(is_name_syllable)
}

fn is_acronym_org(w: &str) -> bool {
    matches!(
        w,
        "UBND"
            | "HĐND"
            | "MIC"
            | "MOST"
            | "VNPT"
            | "FPT"
            | "EVN"
            | "PVN"
            | "ASEAN"
            | "WHO"
            | "WTO"
            | "IMF"
            | "UN"
            | "EU"
            | "VCCI"
            | "VINASA"
    )
}

/// Vietnamese names capitalise only the first syllable of each compound:
/// "Bộ Khoa học và Công nghệ". A lowercase syllable right after a capitalised
/// one continues the name when the run began with a Vietnamese head word.
fn is_vi_lower_continuation(ws: &[Word], j: usize) -> bool {
    j > 0 && ws[j - 1].cap && !ws[j].text.is_ascii() && ws[j].text.chars().count() <= 5
}

fn numbered_program(ws: &[Word], i: usize, text: &str) -> Option<String> {
    let n = phrase_in(&ws[i..], NUMBERED_HEADS)?;
    if !ws[i].cap {
        return None;
    }
    let mut k = i + n;
    // Optional "No." / "số".
    if ws
        .get(k)
        .is_some_and(|w| matches!(w.folded.as_str(), "no" | "so" | "number"))
    {
        k += 1;
    }
    let num = ws.get(k)?;
    if !num.text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // The document code runs to the next whitespace: "505/QD-TTg".
    let rest = &text[num.start..];
    let code_len = rest
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')' | '(' | '"' | '“' | '”'))
        .unwrap_or(rest.len());
    let code = rest[..code_len].trim_end_matches(['.', ':']);
    Some(format!("{} {}", text[ws[i].start..num.start].trim_end(), code))
}

/// De-duplicates names on their folded key, keeping the best spelling:
/// with diacritics over without, longer over shorter.
#[derive(Default)]
struct Collector {
    order: Vec<String>,
    best: HashMap<String, String>,
}

impl Collector {
    fn add(&mut self, name: &str) {
        let name = name.trim().trim_end_matches(['.', ',', ':', ';']).to_string();
        if name.chars().count() < 2 {
            return;
        }
        let key = fold_key(&name);
        match self.best.get_mut(&key) {
            Some(existing) => {
                if !name.is_ascii() && existing.is_ascii() {
                    *existing = name;
                }
            }
            None => {
                self.order.push(key.clone());
                self.best.insert(key, name);
            }
        }
    }

    fn finish(mut self) -> Vec<String> {
        // Drop a name that is a strict sub-sequence of a longer one
        // ("Minh Chinh" inside "Pham Minh Chinh").
        let keys = self.order.clone();
        let mut out = Vec::new();
        for k in &keys {
            let shadowed = keys.iter().any(|other| {
                other != k
                    && other.len() > k.len()
                    && (other.ends_with(&format!(" {k}")) || other.starts_with(&format!("{k} ")))
            });
            if !shadowed {
                if let Some(v) = self.best.remove(k) {
                    out.push(v);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_by_family_name_and_title() {
        let e = extract("Prime Minister Pham Minh Chinh met Deputy Minister Vu Hai Quan in Hanoi.");
        assert_eq!(e.people, ["Pham Minh Chinh", "Vu Hai Quan"]);
    }

    #[test]
    fn people_deduplicate_across_diacritics() {
        let e = extract("Thủ tướng Phạm Minh Chính phát biểu. Prime Minister Pham Minh Chinh said.");
        assert_eq!(e.people, ["Phạm Minh Chính"]);
    }

    #[test]
    fn glued_names_are_split() {
        let e = extract("Deputy Minister of Information and Telecommunications Nguyen HuyDung said");
        assert_eq!(e.people, ["Nguyen Huy Dung"]);
    }

    #[test]
    fn places_are_not_people() {
        let e = extract("They met in Ha Noi and Ha Giang province, on Le Loi street.");
        assert!(e.people.is_empty(), "{:?}", e.people);
    }

    #[test]
    fn organisations_in_english_and_vietnamese() {
        let e = extract("the Ministry of Science and Technology and the Vietnam Software Association. Bộ Khoa học và Công nghệ công bố.");
        assert!(
            e.organizations
                .contains(&"Ministry of Science and Technology".to_string()),
            "{:?}",
            e.organizations
        );
        assert!(
            e.organizations.contains(&"Vietnam Software Association".to_string()),
            "{:?}",
            e.organizations
        );
        assert!(
            e.organizations.contains(&"Bộ Khoa học và Công nghệ".to_string()),
            "{:?}",
            e.organizations
        );
    }

    #[test]
    fn programmes_with_numbers_and_names() {
        let e = extract("Project 06 and Decision No. 505/QD-TTg, the National Digital Transformation Program.");
        assert!(e.programs.contains(&"Project 06".to_string()), "{:?}", e.programs);
        assert!(
            e.programs.contains(&"Decision No. 505/QD-TTg".to_string()),
            "{:?}",
            e.programs
        );
        assert!(
            e.programs
                .contains(&"National Digital Transformation Program".to_string()),
            "{:?}",
            e.programs
        );
    }
}
