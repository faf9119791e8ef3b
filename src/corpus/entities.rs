//! Named entities by rule: people, organisations and programmes.
//!
//! Owns entity rules only; knows nothing of tantivy, clap or output. No
//! model weights can be fetched here, so the rules are lexical and were
//! written against Vietnamese news in English and Vietnamese:
//!
//! - **People**: a capitalised run of 2–4 syllables that starts with a
//!   Vietnamese family name ("Phạm Minh Chính", "Nguyen Chi Dung"), or any
//!   capitalised run right after a title or role ("Prime Minister", "Mr.",
//!   "Sen.", "ông", "Bộ trưởng"); in English text also a run that starts
//!   with a common given name ("John Shad", `data/given_names.txt`). Runs
//!   that are place names (the gazetteer), are followed by a place word
//!   ("province", "ward", "street"), or hold a company word ("General
//!   Motors") are not people; a possessive ends a name. A name the same
//!   text gives a district or commune ("huyện Hương Khê") and a byline
//!   glued after the last sentence are not people either. In Vietnamese
//!   text a stage or given name without a family name ("Trấn Thành",
//!   "Ngọc Trinh") is a person when it is the subject of a verb only a
//!   person has ("chia sẻ", "khoe", "song ca").
//! - **Organisations**: a capitalised run containing an organisation head
//!   word (Ministry, Department, Committee, Association…; Bộ, Sở, Ủy ban,
//!   Công ty…), with the connectors "of", "and", "for", "on" inside it; an
//!   English company form (Inc, Corp, N.V.); a public body named without a
//!   head word (`data/institutions.txt`: White House, Parliament, SEC);
//!   a band after "nhóm"/"nhóm nhạc"; Vietnam's central bodies under their
//!   official names, in any case and across commas
//!   (`data/state_bodies.txt`: "Bộ Lao động, thương binh và xã hội");
//!   a sub-unit with its parent after a comma, a dash or "của" ("Ủy ban
//!   Kinh tế của Quốc hội", and the parent alone); a news outlet after a
//!   press classifier ("tờ Guardian", "hãng tin Axios", "kênh CBS") or
//!   from `data/news_outlets.txt`, unless it is a credit.
//!   An abbreviated and a full name of one body are listed once.
//! - **Programmes**: "Project 06"-style names with a number, legal
//!   documents with a number ("Decision No. 505/QD-TTg", "Nghị quyết
//!   57-NQ/TW"), and capitalised runs ending in Program(me)/Project/Plan/
//!   Strategy/Campaign/Movement/Initiative/Scheme, or in Day when the name
//!   has three words or more ("National Digital Transformation Day", not
//!   "May Day").
//! - A line in capitals (a wire headline) gives no entities.
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
    "coach",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "singer",
    "actor",
    "actress",
    "dong chi",
    "sen",
    "sens",
    "senator",
    "rep",
    "congressman",
    "congresswoman",
    "gov",
    "judge",
    "commissioner",
    "chancellor",
    "economist",
    "analyst",
    "spokeswoman",
    "treasurer",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "sir",
    "dame",
    "lord",
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
    "delegation",
    "foundation",
    "bureau",
    "secretariat",
    "politburo",
    "government",
    "headquarters",
    "steering",
    "post",
    "airlines",
    "airline",
    "airways",
    "telecom",
    "forum",
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
    "thu do",
    "giao lo",
    "nga ba",
    "nga tu",
    "thon",
    "xom",
    "ap",
    "di tich",
    "san bay",
    "cang",
    "nha ga",
    "ben xe",
    "san van dong",
];

/// Lowercase words allowed inside an English organisation/programme name.
const CONNECTORS_EN: &[&str] = &["of", "and", "for", "on", "the", "in", "to"];

#[derive(Debug, Clone)]
struct Word<'a> {
    text: &'a str,
    folded: String,
    /// Lowercase with diacritics kept ("bộ" is not "bố").
    lower: String,
    cap: bool,
    /// Only a space (no punctuation) separates this word from the previous.
    joined: bool,
    /// The text between the previous word and this one.
    sep: &'a str,
    start: usize,
}

/// The words of `text`. With `initials`, dotted initials run on ("U.S.
/// Steel"); Vietnamese text has none, and its lost spaces ("Đại học
/// Y.Với") and anonymised names ("công ty T.N.T. Sau đó") would run on too.
fn words(text: &str, initials: bool) -> Vec<Word<'_>> {
    let mut out: Vec<Word> = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let is_part = |k: usize| -> bool {
        let c = chars[k].1;
        if crate::corpus::text::is_alnum(c) {
            return true;
        }
        // Apostrophes inside a word (People's) and dots in "TP.HCM"/"No." stay.
        // "GD&ĐT", "GD-ĐT", "KH&CN": an ampersand or hyphen inside an
        // all-caps acronym stays.
        let amp = matches!(c, '&' | '-')
            && k > 0
            && chars[k - 1].1.is_uppercase()
            && chars.get(k + 1).is_some_and(|n| n.1.is_uppercase());
        amp || matches!(c, '\'' | '’')
            && k > 0
            && crate::corpus::text::is_alpha(chars[k - 1].1)
            && chars.get(k + 1).is_some_and(|n| crate::corpus::text::is_alpha(n.1))
    };
    let mut k = 0;
    while k <= chars.len() {
        let part = k < chars.len() && is_part(k);
        let at = chars.get(k).map(|c| c.0).unwrap_or(text.len());
        match (start, part) {
            (None, true) => start = Some(at),
            (Some(s), false) => {
                push_word(text, s, at, last_end, initials, &mut out);
                last_end = at;
                start = None;
            }
            (Some(s), true) => {
                // Camel-case glue ("HuyDung", "sCommittee") starts a new word.
                let prev = chars[k - 1].1;
                let c = chars[k].1;
                // "McClay", "MacArthur" are one name.
                if prev.is_lowercase() && c.is_uppercase() && !matches!(&text[s..at], "Mc" | "Mac") {
                    push_word(text, s, at, last_end, initials, &mut out);
                    last_end = at;
                    start = Some(at);
                }
            }
            (None, false) => {}
        }
        k += 1;
    }
    uncap_shouted_lines(text, &mut out);
    out
}

/// A single capital letter: an initial ("L." of "L. Paul Bremer", the
/// letters of "U.S." or "N.V.").
fn is_initial(text: &str) -> bool {
    text.len() == 1 && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// "John F. Kennedy": in English text a middle initial's dot does not end
/// the name.
fn after_initial(ws: &[Word], j: usize) -> bool {
    j > 0 && ws[j].sep == ". " && is_initial(ws[j - 1].text)
}

/// A common given name (`data/given_names.txt`) that starts a capitalised
/// run, or an initial before one ("L. Paul Bremer").
fn starts_given_name(ws: &[Word], i: usize) -> bool {
    let w = &ws[i];
    if !w.cap || i > 0 && w.joined && ws[i - 1].cap {
        return false;
    }
    let given = |w: &Word| is_titlecase(w) && given_names().full_name(&w.folded).is_some();
    given(w) || is_initial(w.text) && ws.get(i + 1).is_some_and(|n| (n.joined || n.sep == ". ") && given(n))
}

/// Company-form words that end an English company's name ("Texaco Inc",
/// "Dean Foods Co", "Sedio N.V." whose dotted initials are two words).
fn is_company_suffix(w: &Word) -> bool {
    matches!(
        possessive_base(w.text).unwrap_or(w.text),
        "Inc"
            | "Corp"
            | "Co"
            | "Cos"
            | "Ltd"
            | "Plc"
            | "PLC"
            | "LLC"
            | "NV"
            | "BV"
            | "KK"
            | "AG"
            | "SA"
            | "GmbH"
            | "Bhd"
            | "JSC"
            | "SpA"
    )
}

/// Whether a span ends with a company form, written as one word or as
/// dotted initials ("N.V.", "S.A.", "B.V.").
fn ends_with_company_suffix(span: &[Word]) -> bool {
    match span {
        [.., last] if is_company_suffix(last) => true,
        [.., a, b] => {
            is_initial(a.text)
                && is_initial(b.text)
                && b.sep == "."
                && matches!(
                    (a.text, b.text),
                    ("N", "V") | ("B", "V") | ("S", "A") | ("A", "G") | ("K", "K")
                )
        }
        _ => false,
    }
}

/// The name before an English possessive: "Reagan's" → "Reagan".
fn possessive_base(name: &str) -> Option<&str> {
    name.strip_suffix("'s")
        .or_else(|| name.strip_suffix("’s"))
        .filter(|b| !b.is_empty())
}

/// A company's name as written, dotted initials included ("Sedio N.V.",
/// "U.S. Steel Corp"), without a possessive.
fn company_name(text: &str, span: &[Word]) -> String {
    let mut name = original(text, span);
    if let Some(last) = span.last() {
        let end = last.start + last.text.len();
        if last.text.len() == 1 && text[end..].starts_with('.') {
            name.push('.');
        }
    }
    possessive_base(&name).map(str::to_string).unwrap_or(name)
}

/// A capitalised function word inside a name, between two name syllables:
/// "Võ Thị Như Hoa" ("như" is "like" in running text).
fn inner_name_syllable(ws: &[Word], i: usize, j: usize) -> bool {
    j >= i + 2
        && ws[j].cap
        // Not after a foreign name: "Tỉ phú Jack Ma Theo Russia Today".
        && !ws[i..j].iter().any(|w| looks_foreign(&w.folded))
        && !ws.get(j + 1).is_some_and(|n| looks_foreign(&n.folded))
        && ws
            .get(j + 1)
            .is_some_and(|n| n.joined && n.cap && is_name_syllable(n) && !VI_STOP.contains(&n.lower.as_str()))
}

/// A line in capitals ("EX-SENATOR AMONG CONTENDERS FOR SEC POST", a wire
/// headline, or a whole archive in capitals) says nothing about which of
/// its words are names: none of them counts as capitalised.
fn uncap_shouted_lines(text: &str, ws: &mut [Word]) {
    let mut k = 0;
    while k < ws.len() {
        let line_end = text[ws[k].start..].find('\n').map_or(text.len(), |n| ws[k].start + n);
        let e = k + ws[k..].iter().take_while(|w| w.start < line_end).count();
        let line = &ws[k..e];
        let alphabetic = line.iter().filter(|w| w.text.chars().any(char::is_alphabetic)).count();
        if alphabetic >= 3 && !line.iter().any(|w| w.text.chars().any(char::is_lowercase)) {
            for w in &mut ws[k..e] {
                w.cap = false;
            }
        }
        k = e;
    }
}

fn push_word<'a>(text: &'a str, s: usize, e: usize, last_end: usize, initials: bool, out: &mut Vec<Word<'a>>) {
    let w = &text[s..e];
    let between = &text[last_end..s];
    // Initials run on through their dots: "U.S. Steel Corp", "Sedio N.V.",
    // "said L. Paul Bremer" (but not "Nguyễn Văn A. Sau đó": an initial
    // after a capitalised word ends a name there).
    let dotted = initials
        && out.last().is_some_and(|p| {
            is_initial(p.text)
                && (between == "." && is_initial(w)
                    || between == ". " && (p.sep == "." || out.len() < 2 || !out[out.len() - 2].cap || !p.joined))
        });
    out.push(Word {
        text: w,
        folded: fold(w),
        lower: w.to_lowercase(),
        cap: w.chars().next().is_some_and(char::is_uppercase),
        // Glued words (last_end == s) count as joined: "Nguyen HuyDung".
        joined: !out.is_empty() && (between.chars().all(|c| c == ' ') || dotted),
        sep: between,
        start: s,
    });
}

/// A family name: folded for text without diacritics ("Pham"), exact when
/// the word has them, so "Nguyên" (in "Tết Nguyên đán") is not "Nguyễn".
fn is_family(w: &Word) -> bool {
    w.cap
        && if w.text.is_ascii() {
            FAMILY_NAMES.contains(&w.folded.as_str())
        } else {
            FAMILY_NAMES_VI.contains(&w.lower.as_str())
        }
}

/// Vietnamese family names with their diacritics.
const FAMILY_NAMES_VI: &[&str] = &[
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô", "dương",
    "lý", "trịnh", "đinh", "mai", "trương", "lâm", "lương", "hà", "cao", "tạ", "chu", "lại", "kiều", "đoàn", "quách",
    "lưu", "triệu", "la", "thạch", "tống", "tô", "khúc", "nông", "lò", "giang", "âu", "thái", "tăng", "văn", "hứa",
    "lữ", "mạc", "phùng", "vương", "tiêu", "tôn", "đào", "diệp", "nghiêm", "quan", "ưng", "khổng", "kim", "liễu",
    "hàn", "ninh", "lã", "mã", "doãn", "từ", "tiết", "hầu", "đàm", "lục", "bạch", "thân", "châu", "đồng", "phí", "vi",
    "mẫn",
];

/// Constant word lists are looked up for nearly every word of every
/// article: FNV hashing (SipHash cost ~7 % of indexing).
type WordSet = std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<super::Fnv>>;

thread_local! {
    /// One hash set per word list, and one of the entries' first words,
    /// built on first use (keyed by the list's address: every list is a
    /// `const` slice).
    static LIST_SETS: std::cell::RefCell<Vec<(usize, WordSet, WordSet)>> =
        const { std::cell::RefCell::new(Vec::new()) };
    /// A reusable buffer for the joined phrase.
    static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Lists this short are faster to scan than to hash.
const SCAN_LEN: usize = 8;

/// Runs `f` on the sets of `list` (its entries, their first words).
fn with_sets<R>(list: &'static [&'static str], f: impl FnOnce(&WordSet, &WordSet) -> R) -> R {
    let addr = list.as_ptr() as usize;
    LIST_SETS.with(|sets| {
        let mut sets = sets.borrow_mut();
        if let Some((_, set, firsts)) = sets.iter().find(|(a, _, _)| *a == addr) {
            return f(set, firsts);
        }
        let set: WordSet = list.iter().copied().collect();
        let firsts: WordSet = list.iter().map(|e| e.split(' ').next().unwrap_or(e)).collect();
        let out = f(&set, &firsts);
        sets.push((addr, set, firsts));
        out
    })
}

fn set_has(list: &'static [&'static str], key: &str) -> bool {
    with_sets(list, |set, _| set.contains(key))
}

/// Could an entry of `list` start with `word`? One look-up instead of one
/// per phrase length.
fn may_start(list: &'static [&'static str], word: &str) -> bool {
    list.len() <= SCAN_LEN || with_sets(list, |_, firsts| firsts.contains(word))
}

/// Whether `list` holds the phrase made of `parts` joined by single spaces.
fn list_has<'a>(list: &'static [&'static str], mut parts: impl Iterator<Item = &'a str>) -> bool {
    let Some(first) = parts.next() else {
        return list.contains(&"");
    };
    let lookup = |key: &str| {
        if list.len() <= SCAN_LEN {
            list.contains(&key)
        } else {
            set_has(list, key)
        }
    };
    match parts.next() {
        None => lookup(first),
        Some(second) => KEY.with(|k| {
            let mut key = k.borrow_mut();
            key.clear();
            key.push_str(first);
            key.push(' ');
            key.push_str(second);
            for p in parts {
                key.push(' ');
                key.push_str(p);
            }
            lookup(&key)
        }),
    }
}

/// Does the folded phrase made of `ws` match one of `list` (1–3 words)?
fn phrase_in(ws: &[Word], list: &'static [&'static str]) -> Option<usize> {
    (1..=3.min(ws.len()))
        .rev()
        .find(|&n| list_has(list, ws[..n].iter().map(|w| w.folded.as_str())))
}

fn ends_with_phrase(ws: &[Word], list: &'static [&'static str]) -> bool {
    (1..=3.min(ws.len())).any(|n| list_has(list, ws[ws.len() - n..].iter().map(|w| w.folded.as_str())))
}

/// The canonical name a person filter means: "Prime Minister Phạm Minh
/// Chính" and "PM Pham Minh Chinh" are the name the extractor stores.
/// Only a leading title is dropped: anything else is returned as given.
pub fn person_filter_name(value: &str) -> String {
    match extract(value).people.as_slice() {
        [one] if fold_key(value).ends_with(&fold_key(one)) => one.clone(),
        _ => value.trim().to_string(),
    }
}

/// Extracts people, organisations and programmes from clean text.
pub fn extract(text: &str) -> Entities {
    let vi = is_vietnamese(text);
    let ws = words(text, !vi);
    let mut people = Collector::default();
    let mut orgs = Collector {
        keep_nested: true,
        ..Collector::default()
    };
    let mut programs = Collector::default();
    let gaz = gazetteer();

    let sports = is_about_sport(text);
    let mut club_names: Vec<String> = Vec::new();
    let mut aliases: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        // A football club in a sports story, or a foreign place: never a
        // person ("cầu thủ Barcelona", "Valencia Mallorca", "Hong Kong").
        if let Some((e, club)) = lexicon_run(&ws, i, sports) {
            let mut k = i;
            while club && k < e {
                let end = clubs().match_at(&ws, k).unwrap_or(e);
                let name = original(text, &ws[k..end]);
                orgs.add(&name);
                club_names.push(name);
                k = end;
            }
            i = e;
            continue;
        }
        // A company or product name: "Google" alone is an organisation;
        // "Samsung Galaxy S7" and "Windows Phone" are products, never people.
        if let Some((e, company)) = brand_run(text, &ws, i) {
            if let Some(name) = company {
                orgs.add(&name);
            }
            i = e;
            continue;
        }
        // People after a trigger, or starting with a family name.
        let trigger = i > 0 && trigger_before(&ws, i);
        // In English text a common given name starts a name: "John Shad".
        let given = !vi && !trigger && starts_given_name(&ws, i);
        // A family name inside a foreign title is not a person:
        // "'Weightlifting Fairy Kim Bok Joo'".
        let in_title =
            || vi && !trigger && ws[i].joined && is_titlecase(&ws[i - 1]) && looks_foreign(&ws[i - 1].folded);
        if ws[i].cap
            && is_titlecase(&ws[i])
            && !is_common_word(&ws[i])
            && (is_family(&ws[i]) || trigger || given)
            && !(i > 0 && in_title())
        {
            // "Tổng thống Thổ Nhĩ Kỳ Recep Tayyip Erdogan": a country
            // written in several words before the name.
            let country = if trigger { country_phrase_len(&ws, i) } else { 0 };
            let mut j = i + 1;
            while j < ws.len()
                && j - i < 5 + country
                && ws[j].cap
                && (ws[j].joined || !vi && after_initial(&ws, j))
                // In Vietnamese text a camel-case glue ("Tăng Thuấn HyPoster")
                // is a caption running into the next line, not a syllable.
                && !(vi && ws[j].sep.is_empty())
                && is_name_syllable(&ws[j])
                && (!VI_STOP.contains(&ws[j].lower.as_str())
                    || PERSON_TRIGGERS_VI.contains(&ws[j].lower.as_str())
                    || number_given_name(&ws, i, j)
                    || inner_name_syllable(&ws, i, j))
            {
                j += 1;
            }
            // "Howard Baker's plan": the possessive ends the name.
            if j < ws.len() && ws[j].cap && ws[j].joined && possessive_base(ws[j].text).is_some_and(|b| b.len() > 1) {
                j += 1;
            }
            // A regnal number after a titled name: "Giáo hoàng Benedict XVI",
            // "Vua Charles III".
            let regnal = |t: &str| (2..=5).contains(&t.len()) && t.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
            if trigger
                && j > i
                && j < ws.len()
                && ws[j].joined
                && regnal(ws[j].text)
                && gaz.resolve_filter(&fold_key(&joined(&ws[i..j]))).is_err()
            {
                j += 1;
            }
            // A hyphenated Korean given name: "Park Geun-hye".
            let mut hyphen = false;
            // A double-barrelled surname in English text: "Alexandria
            // Ocasio-Cortez".
            while !vi
                && j > i + 1
                && j < ws.len()
                && ws[j].sep == "-"
                && is_titlecase(&ws[j])
                && is_name_syllable(&ws[j])
            {
                j += 1;
                hyphen = true;
            }
            while j > i + 1 && j < ws.len() && ws[j].sep == "-" && ws[j].text.chars().all(char::is_lowercase) {
                j += 1;
                hyphen = true;
            }
            // "Tổng thống Mỹ Donald Trump": the country is not the name.
            let st = if trigger && j - i >= 3 && is_country(&ws[i]) {
                i + 1
            } else if country > 0 && j >= i + country + 2 {
                i + country
            } else if let Some(e) = institutions().match_at(&ws, i).filter(|&e| trigger && j >= e + 2) {
                // "người phát ngôn Điện Kremlin Dmitry Peskov".
                e
            } else if let Some(k) = ministry_before_name(&ws, i, j).filter(|_| trigger) {
                // "Bộ trưởng Công Thương Vũ Huy Hoàng": the ministry's
                // name without "Bộ" is not part of the minister's.
                k
            } else {
                i
            };
            let len = j - st;
            let name = if hyphen {
                original(text, &ws[st..j])
            } else {
                joined(&ws[st..j])
            };
            let name = possessive_base(&name).unwrap_or(&name).to_string();
            let key = fold_key(&name);
            let place_after = phrase_in(&ws[j.min(ws.len())..], PLACE_WORDS).is_some() && j < ws.len() && ws[j].joined;
            // "thành phố (Kiều Thảo)": punctuation detaches the place word.
            let place_before =
                st > 0 && ws[st].joined && ends_with_phrase(&ws[..st], PLACE_WORDS) && !ends_compound(&ws, st);
            let is_place = gaz.resolve_filter(&key).is_ok()
                || names_an_award(&ws, st)
                || place_after
                || place_before
                || in_place_list(&ws, st)
                || len == 1 && is_country_only(&ws[st])
                || is_not_person(&ws[st..j]);
            let credit = is_credit(text, &ws, j);
            if place_before || in_place_list(&ws, st) {
                // The whole run is the place: "thôn Lương Nông Nam" has no
                // person "Nông Nam" in it.
                i = j;
                continue;
            }
            let ok_len = if is_family(&ws[st]) {
                (2..=4).contains(&len)
            } else {
                (2..=4).contains(&len)
                    || trigger
                        && len >= 1
                        // One Vietnamese syllable after "ông"/"bà" is a short
                        // form ("ông Dũng") or a place ("Hai Bà Trưng"); a
                        // foreign mononym is a name ("HLV Zidane").
                        && (len > 1 || looks_foreign(&ws[st].folded))
                        && !is_common_word(&ws[st])
                        && !ENGLISH_COMMON.contains(&ws[st].folded.as_str())
                        && ws[st].text.chars().count() > 2
            };
            let initials = ws[j - 1].text.chars().count() == 1 && len > 1;
            let cut_glue = !vi && ws.get(j).is_some_and(|w| w.sep.is_empty());
            // "Dean Foods Co", "Merrill Lynch Capital Markets": a given name
            // that starts a company's name.
            let company = given
                && ws.get(j).is_some_and(|w| {
                    w.joined && w.cap && (is_company_suffix(w) || contains_en_head(std::slice::from_ref(w)))
                });
            if ok_len && !is_place && !credit && !initials && !cut_glue && !company && !contains_head(&ws[st..j]) {
                people.add(&name);
                // A title shared by two names: "hai ca sĩ Tóc Tiên và Minh Hằng".
                if trigger && ws.get(j).is_some_and(|w| w.joined && w.lower == "và") {
                    let k = j + 1;
                    let mut e = k;
                    while e < ws.len() && e - k < 4 && ws[e].joined && is_name_syllable(&ws[e]) {
                        e += 1;
                    }
                    let second = joined(&ws[k..e]);
                    let named = e > k + 1 || e == k + 1 && looks_foreign(&ws[k].folded);
                    // "HLV Wenger và Champions League": a league is not a second name.
                    // (Only asked when a name follows: "và" may end the text.)
                    let other = || {
                        ws[k..e].iter().any(|w| {
                            FOREIGN_NON_PERSON.contains(&w.folded.as_str())
                                || w.text.is_ascii() && ENGLISH_COMMON.contains(&w.folded.as_str())
                        }) || lexicon_run(&ws, k, false).is_some()
                    };
                    if named && !other() && gaz.resolve_filter(&fold_key(&second)).is_err() && !is_not_person(&ws[k..e])
                    {
                        people.add(&second);
                    }
                }
                i = j;
                continue;
            }
        }
        // Foreign names in Vietnamese text: "Lionel Messi", "Park Hae Jin".
        if vi && ws[i].cap && (i == 0 || !ws[i].joined || !ws[i - 1].cap) {
            if let Some(j) = foreign_name_end(&ws, i) {
                let (s, e) = trim_vietnamese_edges(&ws, i, j);
                let name = original(text, &ws[s..e]);
                if e - s >= 2
                    && gaz.resolve_filter(&fold_key(&name)).is_err()
                    && !is_not_person(&ws[s..e])
                    && !names_an_award(&ws, s)
                {
                    people.add(&name);
                }
                i = j;
                continue;
            }
        }
        i += 1;
    }

    if vi {
        for name in lineup_names(&ws) {
            people.add(&name);
        }
        let (names, glued) = glued_name_lists(&ws, &people);
        for name in glued {
            people.remove(&name);
        }
        for name in names {
            people.add(&name);
        }
        if sports {
            for name in sports_mononyms(&ws, sports) {
                people.add(&name);
            }
        }
    }
    if vi {
        for name in given_name_people(&ws, &people) {
            people.add(&name);
        }
    }
    for name in name_list_members(&ws, &people) {
        people.add(&name);
    }
    // President Hồ Chí Minh: "Bác Hồ", "Chủ tịch Hồ Chí Minh" (the city
    // name after his title is the person).
    for k in 1..ws.len() {
        let before = ws[k - 1].lower.as_str();
        let uncle = ws[k - 1].text == "Bác" && ws[k].text == "Hồ" && ws[k].joined;
        let president = ws[k].text == "Hồ"
            && ws[k].joined
            && ws.get(k + 2).is_some_and(|w| w.text == "Minh" && w.joined)
            && ws.get(k + 1).is_some_and(|w| w.text == "Chí" && w.joined)
            && (before == "tịch" && k >= 2 && ws[k - 2].lower == "chủ" || before == "bác");
        if uncle || president {
            people.add("Hồ Chí Minh");
        }
    }

    // Vietnamese organisations: a head word ("Bộ", "Công an", "Ngân hàng")
    // and its name continuation.
    let mut named_after: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        match body_at(&ws, i) {
            Some((head_len, end, official)) => {
                // A school or shop named after a person: the name is not a
                // person in the news unless the text also uses it alone.
                if NAMESAKE_HEADS.contains(&ws[i].lower.as_str()) {
                    if let Some(k) = (i + head_len..end).find(|&k| is_family(&ws[k])) {
                        named_after.push((k, end));
                    }
                }
                let head = ws[i].lower.as_str();
                let rest = &ws[i + head_len..end];
                let rest_text = joined(rest);
                // "nhóm nhạc M4U", "nhóm Pussycat Dolls": a band, but not
                // "nhóm Hồi giáo" (a kind of group).
                let band = matches!(head, "nhóm" | "ban") && head_len == 2;
                let group = head == "nhóm" && head_len == 1;
                let brand = group_brand(&ws, i + head_len, end, band);
                // "tạp chí Forbes" → "Forbes", but "Tạp chí Cộng sản" stays
                // whole: without its classifier it is a common noun.
                let journal = head == "tạp" && rest.iter().all(|w| w.text.is_ascii());
                // "Đài Khí tượng thủy văn khu vực Nam Bộ" is an official
                // name, not the classifier "đài" before a station's brand.
                let classifier =
                    (matches!(head, "báo" | "đài" | "pv" | "phóng") || journal || band || group) && !official;
                let club = matches!(head, "clb" | "câu");
                if club {
                    // "CLB Mallorca và Barcelona": two clubs.
                    for part in rest.split(|w| w.lower == "và") {
                        if !part.is_empty() {
                            orgs.add(&joined(part));
                        }
                    }
                } else if (group || band) && !brand {
                    // Not consumed: "nhóm Nhà nước Hồi giáo" holds a body.
                    i += 1;
                    continue;
                } else if band && rest.first().is_some_and(is_country) && rest.len() > 1 {
                    // "nhóm nhạc Mỹ LANDS": the country is not the name.
                    orgs.add(&joined(&rest[1..]));
                } else if classifier && rest.first().is_some_and(is_family) {
                    // "phóng viên Nguyễn Văn A" is a reporter, not an outlet.
                } else if classifier && is_not_person(&ws[i..end]) {
                    // "Đài Loan" is Taiwan, not the station "Loan".
                } else if classifier && gaz.resolve_filter(&fold_key(&rest_text)).is_err() {
                    // A journalistic classifier is dropped: "báo Dân trí" → "Dân trí".
                    orgs.add(&rest_text);
                } else if head == "ngân" && rest.len() == 1 && is_bank_brand(rest[0].text) {
                    // "Ngân hàng VPBank" → "VPBank".
                    orgs.add(&rest_text);
                } else if let Some((ps, pe)) = parent_after(&ws, end).filter(|&(ps, _)| {
                    if ws[ps - 1].lower == "của" {
                        is_committee(&ws, i, head_len)
                    } else {
                        is_sub_unit(&ws, i, head_len)
                    }
                }) {
                    // (A ministry or a front is no sub-unit: "Bộ Chính trị,
                    // Ban Bí thư" and "Chính phủ, Mặt trận Tổ quốc Việt Nam"
                    // list bodies.)
                    // The sub-unit with its parent, then the parent alone.
                    orgs.add(&original(text, &ws[i..pe]));
                    orgs.add(&original(text, &ws[ps..pe]));
                } else {
                    orgs.add(&original(text, &ws[i..end]));
                }
                if let Some(alias) = alias_after(text, &ws, end) {
                    aliases.push(alias);
                }
                i = end;
            }
            None => i += 1,
        }
    }
    if vi {
        if let Some(name) = closing_byline(text, &ws) {
            people.remove(&name);
        }
        // "tỷ phú Hương Khê" where the text also writes "huyện Hương Khê".
        for name in local_place_names(&ws) {
            people.remove(&name);
        }
    }
    for &(k, e) in &named_after {
        let name: Vec<&str> = ws[k..e].iter().map(|w| w.folded.as_str()).collect();
        let elsewhere = (0..ws.len().saturating_sub(name.len() - 1)).any(|s| {
            !named_after.iter().any(|&(a, b)| s >= a && s < b)
                && ws[s..s + name.len()].iter().zip(&name).all(|(w, n)| w.folded == *n)
        });
        if !elsewhere {
            people.remove(&joined(&ws[k..e]));
        }
    }
    // A known news outlet named in the body, not in a credit.
    for k in 0..ws.len() {
        if let Some(e) = news_outlets().match_at(&ws, k) {
            if !outlet_is_credit(text, &ws, k, e) {
                orgs.add(&original(text, &ws[k..e]));
            }
        }
    }
    // A country's armed or police force named with the country: "quân
    // đội Ukraine", "cảnh sát Philippines", "hải quân Hoa Kỳ".
    if vi {
        for k in 0..ws.len() {
            if let Some(e) = national_force_at(&ws, k) {
                orgs.add(&original(text, &ws[k..e]));
            }
        }
    }
    // An outlet after a press classifier: "tờ Guardian", "hãng tin
    // Axios", "kênh CBS", "trang TMZ".
    if vi {
        for k in 0..ws.len() {
            if let Some((s, e)) = press_outlet_after(&ws, k) {
                if !outlet_is_credit_after(text, &ws, s, e) {
                    orgs.add(&original(text, &ws[s..e]));
                }
            }
        }
    }
    // A public body the press names without a head word ("the White
    // House", "Parliament"), standing alone: "Senate Banking Committee" is
    // the committee's name, and "Treasury bills" are bonds.
    let mut bodies: Vec<(String, &str)> = Vec::new();
    for k in 0..ws.len() {
        if let Some(e) = institutions().match_at(&ws, k) {
            let glued_before = k > 0 && ws[k].joined && ws[k - 1].cap && !is_sentence_opener(&ws[k - 1]);
            let glued_after = ws
                .get(e)
                .is_some_and(|w| w.joined && (w.cap || INSTRUMENTS.contains(&w.folded.as_str())));
            // "Séc" (Czech) is not the SEC: one word must be written as listed.
            let lookalike = e == k + 1 && !ws[k].text.is_ascii();
            if !glued_before && !glued_after && !lookalike {
                let name = original(text, &ws[k..e]);
                let full = institutions().full_name(&fold_key(&name)).unwrap_or_default();
                bodies.push((name, full));
            }
        }
    }
    for (name, full) in &bodies {
        // "the Securities and Exchange Commission (SEC) … the SEC": one body.
        let long_form_too = fold_key(name) != *full && bodies.iter().any(|(n, _)| fold_key(n) == *full);
        if !long_form_too {
            orgs.add(name);
        }
    }
    // "Theo AFP, …": a news outlet cited in the body (the end-of-article
    // credit "Theo VNE" has no comma and nothing after it).
    for k in 1..ws.len() {
        if let Some(e) = cited_outlet_end(&ws, k) {
            orgs.add(&joined(&ws[k..e]));
        }
    }
    // "Như Dân trí đã đưa tin": a news outlet reported it earlier.
    for k in 1..ws.len() {
        if ws[k - 1].lower == "như" && ws[k].cap && ws[k].joined {
            let mut e = k;
            while e < ws.len() && e - k < 4 && ws[e].joined && (e == k || !VI_STOP.contains(&ws[e].lower.as_str())) {
                e += 1;
            }
            let tail: Vec<&str> = ws[e..(e + 3).min(ws.len())].iter().map(|w| w.lower.as_str()).collect();
            if tail.starts_with(&["đã", "đưa", "tin"]) || tail.starts_with(&["đưa", "tin"]) {
                orgs.add(&joined(&ws[k..e]));
            }
        }
    }
    // Bank brands written as one word: "Vietcombank", "TPBank".
    for tok in text.split(|c: char| !crate::corpus::text::is_alnum(c)) {
        if is_bank_brand(tok) {
            orgs.add(tok);
        }
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
            // "Delta Air Lines Inc 140,400 dlrs", "Texaco Capital Inc and
            // Texaco Capital N.V.": a company form ends the name.
            if !vi && j > i && ends_with_company_suffix(&ws[i..j]) && !is_company_suffix(&ws[j]) && ws[j].folded != "of"
            {
                break;
            }
            if ws[j].cap || ws[j].text.bytes().all(|b| b.is_ascii_digit()) {
                last_cap = j;
                // "the Securities and Exchange Commission's rules", "Bank
                // America's Vice President": a body's possessive ends its
                // name ("People's Committee" goes on: no head before it;
                // "Party Committee's Standing Board" is a sub-unit's name).
                if let Some(base) = possessive_base(ws[j].text) {
                    let owner = contains_en_head(&ws[i..j])
                        || ORG_HEADS_EN.contains(&fold_key(base).as_str())
                        || ends_with_company_suffix(&ws[i..j]);
                    let rest = ws[j + 1..]
                        .iter()
                        .take_while(|w| w.joined && (w.cap || CONNECTORS_EN.contains(&w.folded.as_str())))
                        .count();
                    if owner && !contains_en_head(&ws[j + 1..j + 1 + rest]) {
                        break;
                    }
                }
            } else if ws[j].folded == "and" && ws.get(j + 1).is_some_and(|n| n.folded == "the") {
                // "the Ministry of X and the Association": two names.
                break;
            } else if CONNECTORS_EN.contains(&ws[j].folded.as_str()) {
                // allowed inside, but not at the end
            } else {
                break;
            }
            j += 1;
        }
        // "People's Committee of Quang Binh province": the place word ends it.
        if ws.get(last_cap + 1).is_some_and(|w| {
            w.joined && matches!(w.text, "province" | "district" | "town" | "city" | "commune" | "ward")
        }) && last_cap > i
        {
            last_cap += 1;
        }
        // "the Social Insurance agency": a lowercase head closes a name that
        // "the" opens.
        if !vi
            && last_cap > i
            && i > 0
            && ws[i - 1].folded == "the"
            && !contains_en_head(&ws[i..=last_cap])
            // A name, not a place ("the U.S. department", "the Hong Kong
            // court"), a date or someone's office.
            && ws[i..=last_cap].iter().all(|w| {
                w.text.chars().all(char::is_alphabetic) && w.text.chars().count() > 1 && possessive_base(w.text).is_none()
            })
            && foreign_places().full_name(&fold_key(&joined(&ws[i..=last_cap]))).is_none()
            && gazetteer().resolve_filter(&fold_key(&joined(&ws[i..=last_cap]))).is_err()
            && ws.get(last_cap + 1).is_some_and(|w| {
                w.joined
                    && matches!(
                        w.text,
                        "agency" | "ministry" | "department" | "committee" | "council" | "commission" | "bureau"
                            | "authority" | "office" | "fund" | "association" | "union" | "institute" | "centre"
                            | "center" | "hospital" | "university" | "court" | "corporation" | "company"
                    )
            })
        {
            last_cap += 1;
        }
        // "the provincial People's Committee": the adjective belongs to it.
        let start = if i > 0 && ws[i - 1].text == "provincial" && (ws[i].joined || ws[i].sep.is_empty()) {
            i - 1
        } else {
            i
        };
        let span = &ws[start..=last_cap];
        let span = trim_person_tail(strip_role_prefix(trim_leading(span)));
        let span = trim_number_after_head(trim_place_after_in(trim_role_and_name(span)));
        if !span.is_empty() {
            let phrase = &span_text(text, span);
            if let Some(p) = numbered_program(&ws, i, text) {
                programs.add(&p);
            } else if ends_with_phrase(span, PROGRAM_TAILS)
                && span.len() >= 2
                // "National Digital Transformation Day", not "May Day".
                && (span.len() >= 3 || span.last().is_some_and(|w| w.folded != "day"))
                // "the U.S. Plan", "a Five Year Plan": a place's initials or
                // a year word alone do not name a programme.
                && span[..span.len() - 1]
                    .iter()
                    .any(|w| w.text.chars().count() > 1 && !matches!(w.folded.as_str(), "year" | "the"))
            {
                programs.add(phrase);
            } else if foreign_places().full_name(&fold_key(phrase)).is_some() {
                // "the Soviet Union" is a country.
            } else if !vi
                && span.len() >= 2
                && (ends_with_company_suffix(span) || span[1..].iter().any(is_company_suffix))
            {
                // "Shares of Widgets Corp rose": a sentence's subject is not
                // part of the name.
                const OF_WHAT: &[&str] = &[
                    "shares",
                    "stock",
                    "stocks",
                    "sales",
                    "profits",
                    "units",
                    "unit",
                    "officials",
                    "analysts",
                    "holders",
                    "shareholders",
                    "directors",
                    "executives",
                    "talks",
                    "earnings",
                    "revenues",
                    "owner",
                    "subsidiary",
                    "subsidiaries",
                    "division",
                    "parent",
                    "purchase",
                    "sale",
                    "acquisition",
                ];
                let span = match span.iter().position(|w| w.text == "of") {
                    Some(k) if k > 0 && span[..k].iter().all(|w| OF_WHAT.contains(&w.folded.as_str())) => {
                        &span[k + 1..]
                    }
                    _ => span,
                };
                orgs.add(&company_name(text, span));
            } else if (span.len() >= 2 && contains_en_head(span) && !is_person_span(span) && !is_en_non_body(span))
                || (span.len() == 1 && is_acronym_org(span[0].text))
                || (span.len() == 1 && span[0].text == "Government" && i > 0 && ws[i - 1].folded == "the")
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

    // An acronym or brand given as another name of a body is that body:
    // "Ngân hàng Đầu tư Phát triển (BIDV)" is listed once, in full.
    for alias in aliases {
        orgs.remove(alias);
    }
    // A club's short form gives way to its full name: "Barca" when the
    // story also writes "Barcelona".
    for name in &club_names {
        let key = fold_key(name);
        if let Some(full) = clubs().full_name(&key).filter(|f| *f != key) {
            if club_names.iter().any(|n| fold_key(n) == full) {
                orgs.remove(name);
            }
        }
    }

    Entities {
        people: {
            let mut seen = std::collections::HashSet::new();
            people
                .finish()
                .into_iter()
                .map(|p| strip_name_prefix(possessive_base(&p).unwrap_or(&p)).to_string())
                .filter(|p| !is_known_non_person(p))
                .filter(|p| seen.insert(fold_key(p)))
                .collect()
        },
        organizations: {
            let mut seen = std::collections::HashSet::new();
            let names: Vec<String> = orgs
                .finish()
                .into_iter()
                .map(|o| possessive_base(&o).map(str::to_string).unwrap_or(o))
                .filter(|o| seen.insert(fold_key(o)))
                .collect();
            merge_abbreviated(names)
        },
        programs: programs.finish(),
    }
}

/// One body written in full and abbreviated is listed once, in its longer
/// form: "ĐH Vinh" and "trường đại học Vinh", "UBND TP Hà Nội" and "Ủy ban
/// nhân dân thành phố Hà Nội".
fn merge_abbreviated(names: Vec<String>) -> Vec<String> {
    fn canonical(name: &str) -> String {
        let key = fold_key(name);
        let mut words: Vec<&str> = Vec::new();
        for w in key.split(' ') {
            match w {
                "dh" => words.extend(["dai", "hoc"]),
                "ubnd" => words.extend(["uy", "ban", "nhan", "dan"]),
                "hdnd" => words.extend(["hoi", "dong", "nhan", "dan"]),
                "tp" => words.extend(["thanh", "pho"]),
                "nxb" => words.extend(["nha", "xuat", "ban"]),
                "cty" => words.extend(["cong", "ty"]),
                "bv" => words.extend(["benh", "vien"]),
                _ => words.push(w),
            }
        }
        if words.first() == Some(&"truong") && words.len() > 2 {
            words.remove(0);
        }
        words.join(" ")
    }
    let keys: Vec<String> = names.iter().map(|n| canonical(n)).collect();
    names
        .iter()
        .enumerate()
        .filter(|&(k, n)| {
            // Dropped when a longer spelling of the same body is listed.
            !(0..names.len()).any(|m| {
                m != k
                    && keys[m] == keys[k]
                    && (names[m].chars().count(), std::cmp::Reverse(m)) > (n.chars().count(), std::cmp::Reverse(k))
            })
        })
        .map(|(_, n)| n.clone())
        .collect()
}

/// The lexicon of one embedded `data/` file, parsed on first use.
macro_rules! lexicon {
    ($file:literal) => {{
        static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::parse(include_str!(concat!("../../data/", $file))))
    }};
}

/// A gazetteer read from a `data/` file: one name per line, `#` comments.
/// Keys are folded ([`fold_key`]) so "Atlético" matches "Atletico".
/// A line may list short forms after the full name: "Barcelona | Barca".
struct Lexicon {
    /// Every spelling's key → the key of its line's full name.
    keys: HashMap<String, String>,
    /// The longest entry, in words.
    max_words: usize,
    /// The first word of every key: most words start no entry.
    firsts: std::collections::HashSet<String>,
    /// Keys written in capitals in the file ("WHO", "SEC"): they match
    /// only capitals, so "Who" and "Sec" stay words.
    capitals: std::collections::HashSet<String>,
    /// In a file marked "#! exact-marks", the lowercase spelling of each
    /// form with diacritics, which the text must match.
    marked: HashMap<String, String>,
    /// A file marked "#! any-case": after a capitalised first word, words
    /// match in any case and across a comma or a dash.
    any_case: bool,
}

impl Lexicon {
    fn parse(src: &str) -> Lexicon {
        let mut keys = HashMap::new();
        let mut capitals = std::collections::HashSet::new();
        let mut marked = HashMap::new();
        // "#! exact-marks": a form with diacritics matches only with them
        // ("Nhà Trắng" is not the city of Nha Trang).
        let exact_marks = src.lines().any(|l| l.trim() == "#! exact-marks");
        let any_case = src.lines().any(|l| l.trim() == "#! any-case");
        for line in src
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            for form in line.split('|').map(str::trim) {
                if form.chars().any(char::is_alphabetic) && !form.chars().any(char::is_lowercase) {
                    capitals.insert(fold_key(form));
                }
                if exact_marks && !form.is_ascii() {
                    marked.insert(fold_key(form), form.to_lowercase());
                }
            }
            let mut forms = line.split('|').map(fold_key);
            let full = forms.next().unwrap_or_default();
            for form in forms {
                keys.insert(form, full.clone());
            }
            keys.insert(full.clone(), full);
        }
        let max_words = keys.keys().map(|k| k.split(' ').count()).max().unwrap_or(0);
        let firsts = keys
            .keys()
            .map(|k| k.split(' ').next().unwrap_or_default().to_string())
            .collect();
        Lexicon {
            keys,
            max_words,
            firsts,
            capitals,
            marked,
            any_case,
        }
    }

    /// The full name's key for a spelling's key.
    fn full_name(&self, key: &str) -> Option<&str> {
        self.keys.get(key).map(String::as_str)
    }

    /// The end of the longest entry that starts at word `i`, every word
    /// capitalised and separated by a space or a hyphen.
    fn match_at(&self, ws: &[Word], i: usize) -> Option<usize> {
        if !ws.get(i).is_some_and(|w| w.cap && self.firsts.contains(&w.folded)) {
            return None;
        }
        let n_max = self.max_words.min(ws.len() - i);
        (1..=n_max)
            .rev()
            .find(|&n| {
                let separated =
                    |w: &Word| w.joined || w.sep == "-" || self.any_case && matches!(w.sep.trim(), "," | "-" | "–");
                ws[i].cap
                    && (self.any_case || ws[i + n - 1].cap)
                    && ws[i..i + n]
                        .iter()
                        .all(|w| self.any_case || w.cap || LEXICON_CONNECTORS.contains(&w.text))
                    && ws[i + 1..i + n].iter().all(separated)
                    && KEY.with(|k| {
                        let mut key = k.borrow_mut();
                        key.clear();
                        for (m, w) in ws[i..i + n].iter().enumerate() {
                            if m > 0 {
                                key.push(' ');
                            }
                            key.push_str(&w.folded);
                        }
                        self.keys.contains_key(key.as_str())
                            && (!self.capitals.contains(key.as_str())
                                || ws[i..i + n].iter().all(|w| !w.text.chars().any(char::is_lowercase)))
                            && self
                                .marked
                                .get(key.as_str())
                                .is_none_or(|form| ws[i..i + n].iter().map(|w| w.lower.as_str()).eq(form.split(' ')))
                    })
            })
            .map(|n| i + n)
    }
}

/// Lowercase words a lexicon entry may hold inside ("Securities and
/// Exchange Commission", "Bank of England"), written as is.
const LEXICON_CONNECTORS: &[&str] = &["of", "and", "for", "the", "on", "de", "du", "des", "la", "di", "del"];

/// Well-known football clubs (`data/football_clubs.txt`).
fn clubs() -> &'static Lexicon {
    lexicon!("football_clubs.txt")
}

/// Vietnam's central bodies under their official names
/// (`data/state_bodies.txt`).
fn state_bodies() -> &'static Lexicon {
    lexicon!("state_bodies.txt")
}

/// Foreign countries and large cities (`data/foreign_places.txt`).
fn foreign_places() -> &'static Lexicon {
    lexicon!("foreign_places.txt")
}

/// Well-known companies (`data/companies.txt`).
fn companies() -> &'static Lexicon {
    lexicon!("companies.txt")
}

/// Product lines and platforms (`data/products.txt`).
fn products() -> &'static Lexicon {
    lexicon!("products.txt")
}

/// A company or product name starting a capitalised run at `i`: (end of
/// the run, the company's name when it stands alone). The run takes the
/// model words and numbers after the name ("Galaxy Note 7"); a run that
/// goes on into an organisation head ("Samsung Electronics Company") is
/// left to the organisation rules, and a name after another capitalised
/// word ("Michael Dell") is not a brand. "Samsung's" is Samsung.
fn brand_run(text: &str, ws: &[Word], i: usize) -> Option<(usize, Option<String>)> {
    if !ws[i].cap || i > 0 && ws[i].joined && ws[i - 1].cap && !VI_STOP.contains(&ws[i - 1].lower.as_str()) {
        return None;
    }
    if let Some(base) = possessive_base(&ws[i].folded) {
        let company = companies().full_name(base).is_some();
        if !company && products().full_name(base).is_none() {
            return None;
        }
        let name = &ws[i].text[..ws[i].text.rfind(['\'', '’']).unwrap_or(ws[i].text.len())];
        return Some((i + 1, company.then(|| name.to_string())));
    }
    let (name_end, company) = match companies().match_at(ws, i) {
        Some(e) => (e, true),
        None => (products().match_at(ws, i)?, false),
    };
    let mut e = name_end;
    while ws
        .get(e)
        .is_some_and(|w| w.joined && (w.cap || w.text.bytes().all(|b| b.is_ascii_digit())))
    {
        e += 1;
    }
    if ws[name_end..e]
        .iter()
        .any(|w| ORG_HEADS_EN.contains(&w.folded.as_str()))
    {
        return None;
    }
    Some((e, (company && e == name_end).then(|| original(text, &ws[i..e]))))
}

/// Public bodies named without a head word (`data/institutions.txt`).
fn institutions() -> &'static Lexicon {
    lexicon!("institutions.txt")
}

/// Lowercase words after "Treasury"/"Fed" that make it a financial
/// instrument or market, not the body.
const INSTRUMENTS: &[&str] = &[
    "bill",
    "bills",
    "bond",
    "bonds",
    "note",
    "notes",
    "securities",
    "yield",
    "yields",
    "market",
    "auction",
    "debt",
    "paper",
    "futures",
    "funds",
    "rate",
    "rates",
    "issues",
    "refunding",
];

/// News outlets and agencies (`data/news_outlets.txt`).
fn news_outlets() -> &'static Lexicon {
    lexicon!("news_outlets.txt")
}

/// An outlet at `k..e` given as a credit: after "Ảnh:"/"Nguồn"/"Photo",
/// in brackets ("(TTXVN)", "(Theo AFP)"), before a slash ("Reuters/…"),
/// inside a longer capitalised run, or in the last line's closing words.
fn outlet_is_credit(text: &str, ws: &[Word], k: usize, e: usize) -> bool {
    let glued_before = k > 0 && ws[k].joined && ws[k - 1].cap && !VI_STOP.contains(&ws[k - 1].lower.as_str());
    glued_before || outlet_is_credit_after(text, ws, k, e)
}

/// [`outlet_is_credit`] for an outlet named after its classifier ("Tờ
/// Guardian"): the capitalised word before it is no sign of a credit.
fn outlet_is_credit_after(text: &str, ws: &[Word], k: usize, e: usize) -> bool {
    const CREDIT_WORDS: &[&str] = &[
        "ảnh", "nguồn", "photo", "source", "video", "clip", "đồ", "họa", "hoạ", "credit",
    ];
    let before = &text[..ws[k].start];
    let end = ws[e - 1].start + ws[e - 1].text.len();
    let after = &text[end..];
    let run_on = ws.get(e).is_some_and(|w| w.joined && w.cap);
    let credited = (1..=2)
        .filter_map(|d| k.checked_sub(d))
        .any(|j| CREDIT_WORDS.contains(&ws[j].lower.as_str()));
    let bracketed = before.trim_end().ends_with('(') || before.trim_end().to_lowercase().ends_with("(theo");
    let closing = after.trim().len() < 40 && !after.contains('\n');
    run_on || credited || bracketed || after.starts_with('/') || closing
}

/// Forces a country has, named with it ("quân đội Ukraine").
const NATIONAL_FORCES_VI: &[&str] = &[
    "quân đội",
    "hải quân",
    "không quân",
    "lục quân",
    "cảnh sát",
    "cảnh sát biển",
    "tuần duyên",
    "lực lượng tuần duyên",
    "lực lượng phòng vệ",
];

/// A national force at `k` followed by its country ([`NATIONAL_FORCES_VI`]):
/// the end of the name. Not inside a longer name ("Bộ Tư lệnh Cảnh sát
/// biển Việt Nam" is found whole by the head-word rules).
fn national_force_at(ws: &[Word], k: usize) -> Option<usize> {
    if k > 0 && ws[k].joined && ws[k - 1].cap && !VI_STOP.contains(&ws[k - 1].lower.as_str()) {
        return None;
    }
    let n = head_len(ws, k, NATIONAL_FORCES_VI)?;
    let c = k + n;
    let w = ws.get(c).filter(|w| w.joined && w.cap)?;
    let e = match country_phrase_len(ws, c) {
        0 if is_country(w) => c + 1,
        0 => foreign_places()
            .match_at(ws, c)
            .filter(|_| is_country_only(w) || w.text.is_ascii())?,
        m => c + m,
    };
    // "quân đội Mỹ Donald Trump" never happens; a run going on is a longer name.
    (!ws.get(e).is_some_and(|x| x.joined && x.cap)).then_some(e)
}

/// Vietnamese words for a newspaper, agency, channel or news site before
/// its name ("tờ Guardian", "hãng tin Axios"). "kênh" (also a canal) and
/// "trang" (also a page, and a given name) only before a foreign name.
const PRESS_CLASSIFIERS: &[&str] = &[
    "tờ",
    "tờ báo",
    "nhật báo",
    "tuần báo",
    "hãng tin",
    "hãng thông tấn",
    "kênh",
    "kênh truyền hình",
    "trang",
    "trang tin",
    "trang tin tức",
    "trang web",
];

/// The outlet named after a press classifier at `k` ([`PRESS_CLASSIFIERS`]):
/// one to four capitalised words, not a platform or product ("trang
/// Facebook"), a person ("tờ Nguyễn …") or a place ("kênh Nhiêu Lộc").
fn press_outlet_after(ws: &[Word], k: usize) -> Option<(usize, usize)> {
    // Pages, forms and papers, compared with their marks ("tờ Đơn" is a
    // form, "tờ Don Balon" a paper): "trang Fanpage", "tờ Phiếu …".
    const NOT_OUTLETS: &[&str] = &[
        "fanpage", "website", "web", "blog", "online", "mxh", "phiếu", "giấy", "đơn", "trình", "khai", "séc", "vé",
    ];
    let n = head_len(ws, k, PRESS_CLASSIFIERS)?;
    let w = &ws[k];
    // "TRANG" in capitals is a name ("HOANG THU TRANG GIUP MS", a donor
    // list); a capitalised classifier before a Vietnamese name opens a
    // sentence ("Tờ Thanh Niên", not "Minh Trang Nhung").
    let opens = k == 0 || w.sep.contains(['.', '!', '?', '\n', ':', '"', '“', '(']);
    if w.cap && !is_titlecase(w) {
        return None;
    }
    // "lực lượng vũ trang", "thời trang": compounds, not "trang" (a site).
    if k > 0 && w.joined && matches!(ws[k - 1].lower.as_str(), "vũ" | "thời" | "nông" | "điền") {
        return None;
    }
    // "Tờ trình" (a proposal) and "tờ báo này" name no outlet: the name
    // must start capitalised right after the classifier.
    let s = k + n;
    let foreign_only = matches!(w.lower.as_str(), "kênh" | "trang");
    let mut e = s;
    while e < ws.len()
        && e - s < 4
        && (ws[e].joined || e > s && ws[e].sep == "-")
        && ws[e].cap
        && ws[e].text.chars().all(crate::corpus::text::is_alnum)
    {
        e += 1;
    }
    if let Some(known) = news_outlets().match_at(ws, s) {
        // "Tờ Thanh Niên": a known outlet, though "Thanh" is also a family
        // name; "tờ Nikkei Asian Review" is longer than the listed "Nikkei Asia".
        let foreign = |w: &Word| {
            w.text.is_ascii()
                && (looks_foreign(&w.folded) || w.text.chars().filter(char::is_ascii_uppercase).count() >= 2)
        };
        let longer = e > known && ws[known..e].iter().all(foreign);
        return Some((s, if longer { e } else { known }));
    }
    if e == s {
        return None;
    }
    let ascii = ws[s..e].iter().all(|w| w.text.is_ascii());
    if ascii {
        // A foreign outlet: each word foreign-looking ("Daily Mail"), an
        // acronym or a channel number ("AP", "VTV3"), not a Vietnamese
        // syllable written without marks ("Trang Nhung", an actress) nor
        // a paper size ("tờ A4").
        let brand = |w: &Word| {
            let upper = w.text.chars().filter(char::is_ascii_uppercase).count();
            let digits = w.text.chars().any(|c| c.is_ascii_digit());
            looks_foreign(&w.folded) || upper >= 2 || digits && w.text.chars().count() > 2
        };
        if !ws[s..e].iter().all(brand) {
            return None;
        }
    } else if foreign_only || w.cap && !opens {
        return None;
    }
    // A Vietnamese name whose later syllables are lowercase runs on past
    // what was taken ("tờ Bưu điện Hoa Nam", "tờ Thời báo Kinh tế"): not
    // cut short to "Bưu".
    let runs_on = ws
        .get(e)
        .is_some_and(|x| x.joined && !x.cap && x.text.chars().all(char::is_alphabetic));
    if runs_on && !ws[s..e].iter().all(|w| w.text.is_ascii()) {
        return None;
    }
    if NOT_OUTLETS.contains(&ws[s].lower.as_str()) {
        return None;
    }
    let first = &ws[s];
    let place = gazetteer().resolve_filter(&fold_key(&joined(&ws[s..e]))).is_ok()
        || foreign_places().match_at(ws, s) == Some(e)
        || is_country(first)
        || country_phrase_len(ws, s) > 0;
    // Camel case splits "YouTube" into two words; the lexicon has it whole.
    let glued: String = ws[s..e].iter().map(|w| w.folded.as_str()).collect();
    let product = products().match_at(ws, s).is_some() || products().full_name(&glued).is_some();
    (!product && !is_family(first) && !place).then_some((s, e))
}

/// Does the text report on sport? Club names that are also cities
/// ("Barcelona", "Valencia") are clubs only in such a story.
fn is_about_sport(text: &str) -> bool {
    const CUES: &[&str] = &[
        "bóng đá",
        "CLB",
        "cầu thủ",
        "HLV",
        "trận đấu",
        "Trận đấu",
        "ghi bàn",
        "bàn thắng",
        "La Liga",
        "Premier League",
        "Serie A",
        "Bundesliga",
        "Champions League",
        "V-League",
        "football",
        "Football",
        "soccer",
        "striker",
        "midfielder",
        "goalkeeper",
    ];
    CUES.iter().any(|c| text.contains(c))
}

/// A run of clubs (in a sports story) or one foreign place starting at
/// `i`, as a whole capitalised run: (end, is a club). "Jordan Henderson"
/// and "Juan Manuel Santos" are not places or clubs because the run goes
/// on; "Valencia Mallorca" (two clubs glued in a list) is two clubs.
fn lexicon_run(ws: &[Word], i: usize, sports: bool) -> Option<(usize, bool)> {
    // An acronym may come before: "CLB Sevilla", "FC Porto".
    if !ws[i].cap || i > 0 && ws[i].joined && is_titlecase(&ws[i - 1]) {
        return None;
    }
    let runs_on = |e: usize| ws.get(e).is_some_and(|w| w.cap && (w.joined || w.sep == "-"));
    if sports {
        let mut e = i;
        while let Some(next) = clubs().match_at(ws, e) {
            e = next;
        }
        if e > i && !runs_on(e) {
            return Some((e, true));
        }
    }
    // Every foreign place is spelt in ASCII: skip Vietnamese words unhashed.
    if !ws[i].text.is_ascii() {
        return None;
    }
    foreign_places()
        .match_at(ws, i)
        .filter(|&e| !runs_on(e))
        .map(|e| (e, false))
}

/// Does an award's name end just before word `st`? "giải thưởng Lương
/// Định Của", "Huy hiệu Thánh “Serghi Radonejski”": the person an award is
/// named after is not in the news.
fn names_an_award(ws: &[Word], st: usize) -> bool {
    const AWARDS: &[&str] = &[
        "giải thưởng",
        "huy hiệu",
        "huân chương",
        "huy chương",
        "kỷ niệm chương",
        "học bổng",
        "award",
        "prize",
        "medal",
    ];
    // One capitalised word may sit between: "Huy hiệu Thánh".
    let ends = [st, st.saturating_sub(1)];
    ends.iter().enumerate().any(|(skip, &e)| {
        (skip == 0 || e > 0 && is_titlecase(&ws[e]))
            && (1..=3).any(|n| e >= n && list_has(AWARDS, ws[e - n..e].iter().map(|w| w.lower.as_str())))
    })
}

/// Common foreign given names (`data/given_names.txt`).
fn given_names() -> &'static Lexicon {
    lexicon!("given_names.txt")
}

/// Names glued into one capitalised run, as quiz answers lose their
/// line breaks: "Gustavo Kuerten Roger Federer Mariano Puerta". A run of
/// four or more foreign-looking words that holds a person already found
/// is cut at the known names; what is left between them is cut before each
/// common given name ("Beyonce Enrique Iglesias" → "Beyonce", "Enrique
/// Iglesias"), and every piece of one to three words is a person.
/// Returns the names found and the glued runs they replace.
fn glued_name_lists(ws: &[Word], people: &Collector) -> (Vec<String>, Vec<String>) {
    let mut out = Vec::new();
    let mut glued = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let mut j = i;
        while j < ws.len() && (j == i || ws[j].joined && !ws[j].sep.is_empty()) && is_titlecase(&ws[j]) {
            j += 1;
        }
        // The costlier checks only for the rare long runs.
        if j - i >= 4 {
            j = (i..j)
                .find(|&k| {
                    !ws[k].text.chars().all(crate::corpus::text::is_alpha)
                        || list_has(VI_STOP, std::iter::once(ws[k].lower.as_str()))
                })
                .unwrap_or(j);
        }
        if j - i < 4 || !ws[i..j].iter().any(|w| looks_foreign(&w.folded)) {
            i = j.max(i + 1);
            continue;
        }
        // Cut at known names, longest first.
        let mut pieces: Vec<(usize, usize, bool)> = Vec::new();
        let mut k = i;
        let mut loose = i;
        while k < j {
            let known = (1..=4.min(j - k))
                .rev()
                .filter(|&n| n < j - i)
                .find(|&n| people.contains(&joined(&ws[k..k + n])));
            match known {
                Some(n) => {
                    if loose < k {
                        pieces.push((loose, k, false));
                    }
                    pieces.push((k, k + n, true));
                    k += n;
                    loose = k;
                }
                None => k += 1,
            }
        }
        if loose < j {
            pieces.push((loose, j, false));
        }
        if pieces.iter().any(|p| p.2) {
            glued.push(joined(&ws[i..j]));
            for &(s, e, _) in pieces.iter().filter(|p| !p.2) {
                let mut start = s;
                for c in s + 1..=e {
                    if c == e || given_names().match_at(ws, c).is_some() {
                        let piece = &ws[start..c];
                        let name_like = piece.iter().all(|w| {
                            !is_common_word(w)
                                && !ENGLISH_COMMON.contains(&w.folded.as_str())
                                && !list_has(PERSON_TRIGGERS, std::iter::once(w.folded.as_str()))
                        });
                        if name_like && (piece.len() > 1 || looks_foreign(&piece[0].folded)) && piece.len() <= 3 {
                            out.push(joined(piece));
                        }
                        start = c;
                    }
                }
            }
        }
        i = j;
    }
    (out, glued)
}

/// Players named by one word in a sports story: a foreign-looking word
/// standing alone (no capitalised neighbour) at least twice, not at the
/// start of a sentence, that is no club, place or common word ("cú sút của
/// Messi", "Không có Neymar").
fn sports_mononyms(ws: &[Word], sports: bool) -> Vec<String> {
    // A word ever written after a locative ("tại Anoeta", "xứ Basque") is
    // a place: a stadium, a region.
    const LOCATIVES: &[&str] = &["tại", "ở", "xứ", "sân", "đến", "tới", "vùng", "miền"];
    let places: std::collections::HashSet<&str> = ws
        .windows(2)
        .filter(|p| p[1].joined && LOCATIVES.contains(&p[0].lower.as_str()))
        .map(|p| p[1].text)
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (k, w) in ws.iter().enumerate() {
        let alone = k > 0
            && w.joined
            && !w.sep.is_empty()
            && !ws[k - 1].cap
            && !ws.get(k + 1).is_some_and(|n| n.cap && (n.joined || n.sep == "-"));
        if alone
            && is_titlecase(w)
            && w.text.chars().all(crate::corpus::text::is_alpha)
            && w.text.chars().count() >= 4
            && w.text.is_ascii()
            && looks_foreign(&w.folded)
            && !FOREIGN_NON_PERSON.contains(&w.folded.as_str())
            && !ENGLISH_COMMON.contains(&w.folded.as_str())
            && !ORG_HEADS_EN.contains(&w.folded.as_str())
            && lexicon_run(ws, k, sports).is_none()
        {
            *counts.entry(w.text).or_default() += 1;
        }
    }
    let mut out: Vec<String> = counts
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .map(|(w, _)| w.to_string())
        .collect();
    out.retain(|w| !places.contains(w.as_str()));
    out.sort();
    out
}

/// Unknown members of a list of people: "gồm Duy Tiến, Lâm Kỳ Nguyên,
/// Ngô Phương Anh, Lâm Trí, Minh Tiến và Nhi Katy". In a list of three or
/// more capitalised items (two to four words each) separated by commas or
/// "và"/"and", where at least two items and half of them are people
/// already found, the other items are people too (stage names and given
/// names without a family name), unless they are places or bodies.
fn name_list_members(ws: &[Word], people: &Collector) -> Vec<String> {
    let mut out = Vec::new();
    let gaz = gazetteer();
    let mut i = 0;
    while i < ws.len() {
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut k = i;
        loop {
            let start = k;
            while k < ws.len()
                && k - start < 5
                && (k == start || ws[k].joined)
                && is_titlecase(&ws[k])
                && ws[k].text.chars().all(crate::corpus::text::is_alpha)
            {
                k += 1;
            }
            if k == start {
                break;
            }
            items.push((start, k));
            match ws.get(k) {
                Some(w) if w.sep.trim() == "," => {}
                Some(w) if w.joined && matches!(w.lower.as_str(), "và" | "and") => k += 1,
                _ => break,
            }
        }
        let known = if items.len() >= 3 {
            items
                .iter()
                .filter(|(s, e)| people.contains(&joined(&ws[*s..*e])))
                .count()
        } else {
            0
        };
        if known >= 2 && known * 2 >= items.len() {
            for &(s, e) in &items {
                let span = &ws[s..e];
                let name = joined(span);
                if (2..=4).contains(&span.len())
                    && !people.contains(&name)
                    && gaz.resolve_filter(&fold_key(&name)).is_err()
                    && lexicon_run(ws, s, false).is_none()
                    && !is_not_person(span)
                    && !contains_head(span)
                    && span
                        .iter()
                        .all(|w| !is_common_word(w) && !ENGLISH_COMMON.contains(&w.folded.as_str()))
                {
                    out.push(name);
                }
            }
        }
        i = k.max(i + 1);
    }
    out
}

/// Verbs only a person is the subject of ("Ngọc Trinh chia sẻ", "Trấn
/// Thành khoe", "Mỹ Tâm trò chuyện"): a place or a body does not confide,
/// show off or sing.
const PERSON_VERBS_VI: &[&str] = &[
    "chia sẻ",
    "tâm sự",
    "khoe",
    "tiết lộ",
    "thừa nhận",
    "bật khóc",
    "bày tỏ",
    "kết hôn",
    "hẹn hò",
    "trò chuyện",
    "song ca",
    "nở nụ cười",
    "xúc động",
    "diện",
    "bật mí",
    "thổ lộ",
    "chia tay",
    "sinh con",
    "mang bầu",
    "ly hôn",
    "hát",
    "thủ vai",
    "đóng vai",
    "tạo dáng",
    "khoe dáng",
    "gây sốt",
    "xinh đẹp",
    "rạng rỡ",
];

/// Adverbs between a subject and its verb ("Ngọc Trinh bất ngờ chia sẻ").
const SUBJECT_ADVERBS_VI: &[&str] = &[
    "bất ngờ",
    "vẫn",
    "đã",
    "cũng",
    "liền",
    "lại",
    "từng",
    "vừa",
    "mới",
    "còn",
    "luôn",
    "khá",
    "rất",
    "đang",
    "sẽ",
];

/// Words before a name that make it a place: "quận Cầu Giấy", "sông Hồng".
const PLACE_WORDS_VI: &[&str] = &[
    "huyện",
    "xã",
    "quận",
    "phường",
    "tỉnh",
    "thành",
    "phố",
    "đường",
    "sông",
    "núi",
    "hồ",
    "chùa",
    "đền",
    "cầu",
    "chợ",
    "làng",
    "thôn",
    "bản",
    "khu",
    "bến",
    "cảng",
    "sân",
    "ấp",
    "vịnh",
    "đảo",
    "đèo",
    "thị",
    "trấn",
    "miền",
    "vùng",
    "đình",
    "phim",
    "bài",
    "ca",
    "khúc",
    "tại",
    "ở",
];

/// Stage names and given names without a family name, "Trấn Thành",
/// "Ngọc Trinh", "Mỹ Tâm": two or three capitalised Vietnamese syllables
/// that are the subject of a verb only a person has ([`PERSON_VERBS_VI`])
/// somewhere in the text, and that the text never places after a place
/// word ("phố Hàng Bông", "phim Tuổi Thanh Xuân").
fn given_name_people(ws: &[Word], people: &Collector) -> Vec<String> {
    // Capitalised at the start of a sentence, these are no name's first
    // syllable: "Khi Minh …", "Phía Nga …", "Chị Phượng …" (a title: the
    // name after it is a short form).
    const NOT_FIRST: &[&str] = &[
        "khi",
        "theo",
        "hồi",
        "biết",
        "thấy",
        "dù",
        "phía",
        "chính",
        "tổng",
        "trưởng",
        "ngài",
        "sao",
        "chuỗi",
        "ga",
        "chèo",
        "nhà",
        "vì",
        "nếu",
        "nhưng",
        "mỗi",
        "chị",
        "cô",
        "vợ",
        "chồng",
        "bạn",
        "thầy",
        "cụ",
        "anh",
        "ông",
        "bà",
        "em",
        "bé",
        "cháu",
        "mẹ",
        "bố",
        "con",
        "chú",
        "bác",
        "dì",
        "cậu",
        "nữ",
        "nam",
        "người",
        "sen",
        "lợi",
        "chiến",
        "thương",
        "tân",
        "phương",
        "đoàn",
        "đội",
        "hội",
        "quỹ",
        "giải",
        "cúp",
        "lễ",
        "tết",
        "xứ",
        "huyện",
        "yêu",
        "nhìn",
        "mặc",
        "phó",
        "đại",
        "liên",
        "nhì",
        "chợ",
        "đầm",
        "trại",
        "đá",
        "hồ",
        "sông",
        "núi",
        "cầu",
        "bến",
        "đảo",
        "vịnh",
        "làng",
        "xóm",
        "ấp",
        "xã",
        "phường",
        "quận",
        "tỉnh",
        "thôn",
        "chùa",
        "đền",
        "đình",
    ];
    // Words a name does not end in: "Ngọc Trinh Dù …", "Dương Mịch Theo".
    const NOT_LAST: &[&str] = &[
        "dù", "theo", "khi", "đại", "nhà", "việt", "mỹ", "nga", "tây", "đông", "trị",
    ];
    let gaz = gazetteer();
    let syllable = |w: &Word| {
        is_titlecase(w)
            && w.text.chars().all(crate::corpus::text::is_alpha)
            && (!w.text.is_ascii() || !looks_foreign(&w.folded))
            && !is_common_word(w)
            && !VI_STOP.contains(&w.lower.as_str())
    };
    let mut subject: Vec<String> = Vec::new();
    let mut placed: Vec<String> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let starts = syllable(&ws[i]) && (i == 0 || !ws[i].joined || !ws[i - 1].cap);
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < ws.len() && j - i < 4 && ws[j].joined && syllable(&ws[j]) {
            j += 1;
        }
        if !(2..=3).contains(&(j - i)) || ws.get(j).is_some_and(|w| w.joined && w.cap) {
            i = j;
            continue;
        }
        let name = joined(&ws[i..j]);
        if NOT_FIRST.contains(&ws[i].lower.as_str()) || NOT_LAST.contains(&ws[j - 1].lower.as_str()) {
            i = j;
            continue;
        }
        if i > 0 && ws[i].joined && PLACE_WORDS_VI.contains(&ws[i - 1].lower.as_str()) {
            placed.push(name);
            i = j;
            continue;
        }
        let mut v = j;
        while v < ws.len() && v - j < 2 && ws[v].joined {
            match head_len(ws, v, SUBJECT_ADVERBS_VI) {
                Some(n) if head_len(ws, v, PERSON_VERBS_VI).is_none() => v += n,
                _ => break,
            }
        }
        let verb = ws.get(v).is_some_and(|w| w.joined) && head_len(ws, v, PERSON_VERBS_VI).is_some();
        if verb
            && !people.contains(&name)
            && gaz.resolve_filter(&fold_key(&name)).is_err()
            && lexicon_run(ws, i, false).is_none()
            && head_len(ws, i, ORG_HEADS_VI_EXACT).is_none()
            && head_len(ws, i, ORG_WHOLE_VI).is_none()
            && country_phrase_len(ws, i) == 0
            && !is_country(&ws[i])
            && !is_not_person(&ws[i..j])
            && !contains_head(&ws[i..j])
        {
            subject.push(name);
        }
        i = j;
    }
    // (Repeats are merged by the caller's collector.)
    subject.retain(|n| !placed.contains(n));
    subject
}

/// A sports line-up after a colon, "Barcelona: Ter Stegen, Piqué,
/// Mascherano; Busquets, Rafinha; Neymar.": at least four items of one to
/// three capitalised words (an initial allowed: "M. Torres") separated by
/// commas or semicolons, most of them foreign-looking, are players.
fn lineup_names(ws: &[Word]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !ws[i].sep.trim_start().starts_with(':') || !is_titlecase(&ws[i]) {
            i += 1;
            continue;
        }
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut k = i;
        loop {
            let start = k;
            while k < ws.len()
                && k - start < 3
                && is_titlecase(&ws[k])
                && ws[k].text.chars().all(crate::corpus::text::is_alpha)
                && (k == start || ws[k].joined || ws[k].sep == ". " && ws[k - 1].text.chars().count() == 1)
            {
                k += 1;
            }
            if k == start {
                break;
            }
            items.push((start, k));
            match ws.get(k) {
                Some(w) if matches!(w.sep.trim(), "," | ";") => {}
                _ => break,
            }
        }
        let foreign = items
            .iter()
            .filter(|(s, e)| ws[*s..*e].iter().any(|w| looks_foreign(&w.folded)))
            .count();
        if items.len() >= 4 && foreign * 2 >= items.len() {
            for (s, e) in &items {
                let w = &ws[*s..*e];
                if w.last().is_some_and(|l| l.text.chars().count() > 1) {
                    out.push(w.iter().map(|x| x.text).collect::<Vec<_>>().join(" "));
                }
            }
        }
        i = k.max(i + 1);
    }
    out
}

/// Is the text Vietnamese? Letters only Vietnamese uses (ơ, ư, đ, ă) are
/// frequent in it and rare in English news that quotes Vietnamese names.
fn is_vietnamese(text: &str) -> bool {
    let mut letters = 0usize;
    let mut vi = 0usize;
    for c in text.chars().take(20_000) {
        if crate::corpus::text::is_alpha(c) {
            letters += 1;
            let base = c.to_lowercase().next().unwrap_or(c);
            if matches!(
                base,
                'ơ' | 'ư'
                    | 'đ'
                    | 'ă'
                    | 'ờ'
                    | 'ở'
                    | 'ớ'
                    | 'ợ'
                    | 'ỡ'
                    | 'ừ'
                    | 'ứ'
                    | 'ự'
                    | 'ử'
                    | 'ữ'
                    | 'ạ'
                    | 'ả'
                    | 'ấ'
                    | 'ầ'
                    | 'ậ'
                    | 'ệ'
                    | 'ế'
                    | 'ề'
                    | 'ộ'
                    | 'ố'
                    | 'ồ'
                    | 'ị'
                    | 'ỉ'
                    | 'ọ'
                    | 'ủ'
                    | 'ụ'
            ) {
                vi += 1;
            }
        }
    }
    letters > 0 && vi * 100 >= letters * 2
}

/// A one-word country name written before a foreign leader's name.
fn is_country(w: &Word) -> bool {
    is_country_name(&w.lower)
}

/// Countries written in more than one word: never a person's name, and cut
/// off before one ("Tổng thống Thổ Nhĩ Kỳ Recep Tayyip Erdogan").
const COUNTRY_PHRASES: &[&str] = &[
    "thổ nhĩ kỳ",
    "thụy điển",
    "thuỵ điển",
    "thụy sĩ",
    "thụy sỹ",
    "thuỵ sĩ",
    "nam phi",
    "hy lạp",
    "ba lan",
    "na uy",
    "đan mạch",
    "phần lan",
    "ai cập",
    "mông cổ",
    "hàn quốc",
    "trung quốc",
    "triều tiên",
    "nhật bản",
    "thái lan",
    "ấn độ",
    "tây ban nha",
    "bồ đào nha",
    "hà lan",
    "hoa kỳ",
    "ả rập xê út",
    "tân tây lan",
];

/// The length in words of a country named in several words at `i`.
fn country_phrase_len(ws: &[Word], i: usize) -> usize {
    head_len(ws, i, COUNTRY_PHRASES).filter(|&n| n > 1).unwrap_or(0)
}

/// [`is_country`] on a lowercase word.
fn is_country_name(lower: &str) -> bool {
    matches!(
        lower,
        "mỹ" | "nga"
            | "pháp"
            | "anh"
            | "đức"
            | "ý"
            | "nhật"
            | "úc"
            | "lào"
            | "campuchia"
            | "iran"
            | "iraq"
            | "israel"
            | "syria"
    )
}

/// A number word used as a given name after a family and middle name:
/// "Nguyễn Văn Năm" (but "… Năm 2016" is a year).
fn number_given_name(ws: &[Word], i: usize, j: usize) -> bool {
    j >= i + 2
        && ws[j].text == "Năm"
        && !ws
            .get(j + 1)
            .is_some_and(|w| w.joined && w.text.starts_with(|c: char| c.is_ascii_digit()))
}

/// A country name that is never also a Vietnamese given name ("Nga",
/// "Đức" and "Anh" are both).
fn is_country_only(w: &Word) -> bool {
    is_country(w)
        && matches!(
            w.lower.as_str(),
            "lào" | "campuchia" | "iran" | "iraq" | "israel" | "syria"
        )
}

/// A later item of a comma list that a place word opens: "các huyện Bảo
/// Lạc, Hà Quảng, Trùng Khánh", "đường Nam Kỳ Khởi Nghĩa, Võ Thị Sáu".
/// Every item is a place, though only the first follows the place word.
fn in_place_list(ws: &[Word], st: usize) -> bool {
    let mut k = st;
    for _ in 0..8 {
        if k == 0 || k >= ws.len() || ws[k].sep.trim() != "," || !ws[k - 1].cap {
            return false;
        }
        // The previous item: a run of capitalised words ending at k - 1.
        // The place word is a lowercase common noun ("phường" is "ward",
        // "Phương" a given name).
        let mut b = k - 1;
        while b > 0 && ws[b].joined && ws[b - 1].cap && k - b < 6 {
            b -= 1;
        }
        if b > 0 && ws[b].joined && !ws[b - 1].cap && ends_with_phrase(&ws[..b], PLACE_WORDS) {
            return true;
        }
        k = b;
    }
    false
}

/// A byline or source credit, not a person in the news: "Phạm Thanh
/// (ghi)", "Theo Trần An/AFP", "Ảnh: Lê Minh/TTXVN".
fn is_credit(text: &str, ws: &[Word], j: usize) -> bool {
    let Some(last) = j.checked_sub(1).and_then(|k| ws.get(k)) else {
        return false;
    };
    let after = text.get(last.start + last.text.len()..).unwrap_or("");
    let slash = after.starts_with('/') && after[1..].starts_with(|c: char| c.is_uppercase());
    let noted = after.trim_start().starts_with("(ghi)");
    slash || noted
}

/// A brand-like name after "nhóm" at `s..e`: a foreign name of two or more
/// capitalised words ("Pussycat Dolls", "Abu Sayyaf"), or one word written
/// like a brand ("BigBang", "M4U", "SNSD"). Not a kind or a number of
/// group: "nhóm PV" (reporters), "nhóm II", "nhóm Facebook", "nhóm Pop".
fn group_brand(ws: &[Word], s: usize, e: usize, band: bool) -> bool {
    const GENRES: &[&str] = &[
        "pop", "kpop", "k-pop", "rock", "rap", "jazz", "indie", "punk", "metal", "ballad", "disco", "edm",
    ];
    let rest = &ws[s..e];
    let Some(first) = rest.first() else {
        return false;
    };
    if GENRES.contains(&first.folded.as_str()) || products().match_at(ws, s).is_some() {
        return false;
    }
    if is_country(first) {
        // "nhóm nhạc Mỹ LANDS": the band after its country.
        return band && rest.len() > 1 && group_brand(ws, s + 1, e, band);
    }
    if band {
        // After "nhóm nhạc"/"ban nhạc" any capitalised name: "Coldplay",
        // "Hạm đội 7", "Bức Tường".
        return first.cap;
    }
    let roman = |t: &str| t.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    if let [w] = rest {
        let t = w.text;
        let inner = t.chars().skip(1).any(|c| c.is_uppercase()) && t.chars().any(char::is_lowercase);
        let digits = t.chars().any(|c| c.is_ascii_digit()) && t.chars().any(char::is_alphabetic);
        let acronym = t.is_ascii() && t.len() >= 3 && t.chars().all(|c| c.is_ascii_uppercase()) && !roman(t);
        return inner || digits || acronym;
    }
    rest.iter().all(|w| w.cap) && rest.iter().any(|w| looks_foreign(&w.folded))
}

/// Is the word before `k` a place word only as the end of a compound
/// ("nông thôn", countryside; "bà xã", wife; "làng xã", villages)? Then
/// the name at `k` is no place: "Phát triển nông thôn Nguyễn Xuân Cường",
/// "bà xã Lê Thị Hồng".
fn ends_compound(ws: &[Word], k: usize) -> bool {
    k >= 2 && ws[k - 1].joined && matches!(ws[k - 2].lower.as_str(), "nông" | "làng" | "bà" | "ông")
}

/// In a titled run `i..j`, where a minister's name starts after the
/// ministry's name written without "Bộ" ("Công Thương Vũ Huy Hoàng",
/// "Y tế Nguyễn Thị Kim Tiến"): a family name that leaves two or more
/// words, after words that with "Bộ" make an official name.
fn ministry_before_name(ws: &[Word], i: usize, j: usize) -> Option<usize> {
    (i + 1..j.saturating_sub(1)).find(|&k| {
        is_family(&ws[k]) && {
            let key: Vec<&str> = std::iter::once("bo")
                .chain(ws[i..k].iter().map(|w| w.folded.as_str()))
                .collect();
            state_bodies().full_name(&key.join(" ")).is_some()
        }
    })
}

/// Names the text gives to districts, communes, wards and streets
/// ("huyện Hương Khê", "xã Đức Thạnh", "đường Nguyễn Xí"): elsewhere in
/// the same text they are the place, not a person.
fn local_place_names(ws: &[Word]) -> Vec<String> {
    const LOCAL: &[&str] = &[
        "huyện",
        "xã",
        "quận",
        "phường",
        "thị xã",
        "thị trấn",
        "thôn",
        "xóm",
        "ấp",
        "đường",
        "phố",
        "đại lộ",
        "ngõ",
        "hẻm",
    ];
    let mut out: Vec<(usize, usize)> = Vec::new();
    for k in 1..ws.len() {
        // "thành phố Vinh" is a city, named by the gazetteer or not at all.
        let city = k >= 2 && ws[k - 1].lower == "phố" && ws[k - 2].lower == "thành";
        let after_local = !ends_compound(ws, k)
            && !city
            && (1..=2.min(k)).any(|n| {
                (k - n + 1..k).all(|m| ws[m].joined) && list_has(LOCAL, ws[k - n..k].iter().map(|w| w.lower.as_str()))
            });
        if !ws[k].joined || !is_titlecase(&ws[k]) || !after_local {
            continue;
        }
        let mut e = k + 1;
        while e < ws.len() && e - k < 4 && ws[e].joined && is_titlecase(&ws[e]) && is_name_syllable(&ws[e]) {
            e += 1;
        }
        if e - k >= 2 {
            out.push((k, e));
        }
    }
    // Even after a title elsewhere ("tỷ phú Hương Khê"), the name is the
    // place; so is a street named after a leader in a story about the
    // street (a leader and his street in one text are rare).
    out.into_iter().map(|(k, e)| joined(&ws[k..e])).collect()
}

/// A name alone after the article's last sentence (no full stop of its
/// own), written nowhere else:
/// the author's byline glued on by the crawler ("… Champions League. Lâm
/// Văn").
fn closing_byline(text: &str, ws: &[Word]) -> Option<String> {
    let last = ws.last()?;
    let rest = text.get(last.start + last.text.len()..)?;
    if !rest.chars().all(char::is_whitespace) {
        return None;
    }
    let mut s = ws.len() - 1;
    while s > 0 && ws[s].joined && ws.len() - s < 4 {
        s -= 1;
    }
    let span = &ws[s..];
    let sentence_before = s > 0
        && ws[s]
            .sep
            .trim()
            .chars()
            .any(|c| matches!(c, '.' | '!' | '?' | '”' | '"'));
    let once = |w: &Word| ws.iter().filter(|x| x.folded == w.folded).count() == 1;
    (sentence_before
        && span.len() >= 2
        && span.iter().all(|w| is_titlecase(w) && is_name_syllable(w))
        && once(&span[0]))
    .then(|| joined(span))
}

/// First letter uppercase, not an all-caps acronym ("HĐQT").
fn is_titlecase(w: &Word) -> bool {
    // "McClay", "MacArthur": the capital after the prefix is the name's.
    let text = ["Mc", "Mac"]
        .iter()
        .find_map(|p| w.text.strip_prefix(p).filter(|r| r.starts_with(char::is_uppercase)))
        .unwrap_or(w.text);
    let mut cs = text.chars();
    cs.next().is_some_and(char::is_uppercase) && !cs.any(char::is_uppercase)
}

/// Capitalised phrases that are never a person: countries, oceans, leagues.
const NOT_PEOPLE: &[&str] = &[
    // Tails of country names whose first syllable is not a family name
    // ("Bồ Đào Nha", "Tây Ban Nha"), continents, and well-known places
    // that start with a family name.
    "đào nha",
    "ban nha",
    "châu âu",
    "châu á",
    "châu phi",
    "châu mỹ",
    "châu úc",
    "châu đại dương",
    "hà đông",
    "từ liêm",
    "hoàng mai",
    "bạch mai",
    "hồ tây",
    "lê chân",
    "việt nam",
    "tổ quốc",
    "thái bình dương",
    "đại tây dương",
    "la liga",
    "đài loan",
    "nhà trắng",
    "hoàng sa",
    "trường sa",
    "kim tự tháp",
    "vương quốc",
    // Places written in Vietnamese after a title ("Hoa hậu Thổ Nhĩ Kỳ" is
    // in `COUNTRY_PHRASES`).
    "ả rập",
    "bắc kinh",
    "thượng hải",
    "hồng kông",
    "người việt",
];

/// Capitalised runs that start like a name but are not people: countries
/// ("Hàn Quốc", "Triều Tiên"), the Vietnamese sexagenary years ("Đinh
/// Dậu") and holidays.
fn is_not_person(span: &[Word]) -> bool {
    const STEMS: &[&str] = &["giáp", "ất", "bính", "đinh", "mậu", "kỷ", "canh", "tân", "nhâm", "quý"];
    const BRANCHES: &[&str] = &[
        "tý", "tí", "sửu", "dần", "mão", "mẹo", "thìn", "tỵ", "tị", "ngọ", "mùi", "thân", "dậu", "tuất", "hợi",
    ];
    let lower: Vec<&str> = span.iter().map(|w| w.lower.as_str()).collect();
    let phrase = format!(" {} ", lower.join(" "));
    NOT_PEOPLE
        .iter()
        .chain(COUNTRY_PHRASES)
        .any(|n| phrase.contains(&format!(" {n} ")))
        || span.iter().any(|w| {
            w.text.is_ascii()
                && (COMPANY_WORDS.contains(&w.folded.as_str())
                        || is_company_suffix(w)
                        // "Từ Premier League": a family name before a league.
                        || FOREIGN_NON_PERSON.contains(&w.folded.as_str()))
        })
        || (lower.len() == 2 && STEMS.contains(&lower[0]) && BRANCHES.contains(&lower[1]))
}

/// Words of company and party names that no person's name holds: "General
/// Motors" and "General Electric Co" are not General Motors the person,
/// nor "the Christian Democrats" a Christian.
const COMPANY_WORDS: &[&str] = &[
    "motors",
    "motor",
    "electric",
    "dynamics",
    "agreement",
    "accounting",
    "partners",
    "acceptance",
    "credit",
    "foods",
    "mills",
    "industries",
    "industrial",
    "systems",
    "communications",
    "resources",
    "petroleum",
    "oil",
    "chemicals",
    "chemical",
    "steel",
    "holdings",
    "capital",
    "securities",
    "investments",
    "investment",
    "financial",
    "finance",
    "insurance",
    "energy",
    "mining",
    "electronics",
    "instruments",
    "products",
    "services",
    "democrats",
    "republicans",
    "telephone",
    "telegraph",
    "brothers",
    "markets",
    "trust",
    "savings",
    "airlines",
    "pharmaceuticals",
    "technologies",
    "laboratories",
    "enterprises",
    "properties",
    "realty",
    "exploration",
    "minerals",
    "international",
    "corporation",
    "incorporated",
    "limited",
    "associates",
    "trading",
    "shipping",
    "bancorp",
    "productions",
    "design",
    "studios",
    "pictures",
    "utilities",
    "railroad",
    "railway",
    "express",
    "stores",
    "media",
];

/// Words that make a foreign-looking capitalised run a club, outlet or
/// product rather than a person.
const FOREIGN_NON_PERSON: &[&str] = &[
    "real",
    "atletico",
    "atlético",
    "inter",
    "united",
    "city",
    "fc",
    "cf",
    "sporting",
    "news",
    "science",
    "sciences",
    "technology",
    "systems",
    "letters",
    "times",
    "post",
    "journal",
    "press",
    "bank",
    "group",
    "league",
    "liga",
    "cup",
    "open",
    "awards",
    "festival",
    "hotel",
    "tower",
    "street",
    "tv",
    "channel",
    "records",
    "entertainment",
    "airlines",
    "motors",
    "garros",
    "nations",
    "premier",
    "champions",
    "grand",
    "slam",
    "masters",
    "euro",
    "copa",
    "olympic",
    "olympics",
    "games",
    "clasico",
    "chateau",
    "château",
    "derby",
];

/// A lowercase particle inside a foreign name, followed by a capitalised
/// word: "Albert del Rosario", "Ronald dela Rosa", "Ludwig van Beethoven".
fn name_particle(ws: &[Word], j: usize) -> bool {
    const PARTICLES: &[&str] = &[
        "del", "dela", "de", "da", "di", "van", "von", "der", "bin", "al", "le", "la",
    ];
    PARTICLES.contains(&ws[j].text)
        && ws
            .get(j + 1)
            .is_some_and(|n| n.joined && is_titlecase(n) && looks_foreign(&n.folded))
}

/// Whatever rule proposed it, a country, place, outlet, company, product
/// or club is not a person ("lãnh đạo Triều Tiên Kim Jong Un", "Daily
/// Mail", "Premier League").
fn is_known_non_person(name: &str) -> bool {
    let key = fold_key(name);
    let lexicons = [
        foreign_places(),
        news_outlets(),
        companies(),
        products(),
        clubs(),
        institutions(),
    ];
    let lower = name.to_lowercase();
    NOT_PEOPLE.contains(&lower.as_str())
        || COUNTRY_PHRASES.contains(&lower.as_str())
        || lexicons.iter().any(|l| l.full_name(&key).is_some())
        || !key.contains(' ') && (FOREIGN_NON_PERSON.contains(&key.as_str()) || ORG_HEADS_EN.contains(&key.as_str()))
}

/// Leading words of a person's name that are a role or a place, not the
/// name: "MC Quyền Linh", "Facebooker Hoa Duc", "Philippines Albert …".
fn strip_name_prefix(name: &str) -> &str {
    const ROLES: &[&str] = &[
        "mc",
        "dj",
        "facebooker",
        "blogger",
        "vlogger",
        "youtuber",
        "tiktoker",
        "vua",
        "sir",
        "dame",
        "lord",
        "diva",
    ];
    // A country (or the last syllable of one) before a foreign name:
    // "Tổng thống Nga Putin", "Thủ tướng Nhật Bản Shinzo Abe" → "Bản Shinzo
    // Abe" once the title's run is cut.
    const COUNTRY_TAILS: &[&str] = &["bản", "quốc", "tiên", "độ", "kỳ", "lan", "loan", "nha"];
    let mut rest = name;
    while let Some((first, tail)) = rest.split_once(' ') {
        let key = fold_key(first);
        let lower = first.to_lowercase();
        let country = (is_country_name(&lower) || COUNTRY_TAILS.contains(&lower.as_str()))
            && tail.split(' ').all(|w| w.is_ascii() && looks_foreign(&fold_key(w)));
        if country {
            rest = tail;
            continue;
        }
        let role = ROLES.contains(&key.as_str());
        // A place only before a name of two words or more.
        let place = foreign_places().full_name(&key).is_some() && tail.contains(' ');
        if (role || place) && !tail.is_empty() {
            rest = tail;
        } else {
            break;
        }
    }
    rest
}

/// The end of a foreign personal name of 2–4 capitalised words starting at
/// `i`, in Vietnamese text: at least one word does not look like a
/// Vietnamese syllable (letters f/j/w/z, several vowel groups, a final or
/// initial consonant cluster Vietnamese does not have).
fn foreign_name_end(ws: &[Word], i: usize) -> Option<usize> {
    let mut j = i;
    while j < ws.len()
        && j - i < 4
        && (j == i || ws[j].joined || ws[j].sep == "-")
        && (is_titlecase(&ws[j])
            || j > i && ws[j].sep == "-" && ws[j].text.chars().all(char::is_lowercase)
            || name_particle(ws, j) && j > i)
        && ws[j].text.chars().all(crate::corpus::text::is_alpha)
        && (2..=14).contains(&ws[j].text.chars().count())
    {
        j += 1;
    }
    // A hyphenated given name: "Moon Jae-in".
    while j > i + 1 && j < ws.len() && ws[j].sep == "-" && ws[j].text.chars().all(char::is_lowercase) {
        j += 1;
    }
    // A longer capitalised run is a title or a name of something else,
    // unless it is one name written twice, a heading then its sentence:
    // "Seo Kang Joon Seo Kang Joon đã …".
    if j < ws.len() && ws[j].joined && ws[j].cap && j - i == 4 {
        let twice = (2..=3).find(|&k| {
            ws.len() >= i + 2 * k && ws[i + k].joined && (0..k).all(|m| ws[i + m].text == ws[i + k + m].text)
        });
        j = i + twice?;
    }
    let span = &ws[i..j];
    if span.len() < 2
        || !span.iter().any(|w| looks_foreign(&w.folded))
        || span.iter().any(|w| {
            FOREIGN_NON_PERSON.contains(&w.folded.as_str())
                // English words only without diacritics: "Mỹ" (America,
                // before "James Mattis") is not the English "my".
                || w.text.is_ascii() && ENGLISH_COMMON.contains(&w.folded.as_str())
                || ORG_HEADS_EN.contains(&w.folded.as_str())
                || w.sep.is_empty() && !std::ptr::eq(w, &span[0])
        })
        || (i > 0 && ends_with_phrase(&ws[..i], PLACE_WORDS))
        // "Cty Hòa Bình Xanh": an abbreviated head is not a foreign name.
        || head_len(ws, i, ORG_HEADS_VI_EXACT).is_some()
        || in_place_list(ws, i)
        || (i > 0 && phrase_in_exact_tail(&ws[..i]))
    {
        return None;
    }
    Some(j)
}

/// Shrinks a foreign-name run `i..j` past Vietnamese words at its edges
/// ("Việc Lionel Messi", "Tổng thống Mỹ Donald Trump"): a word with
/// Vietnamese diacritics that does not itself look foreign, or a
/// Vietnamese function word or title.
fn trim_vietnamese_edges(ws: &[Word], i: usize, j: usize) -> (usize, usize) {
    let vi_word = |w: &Word| {
        (!w.text.is_ascii() && !looks_foreign(&w.folded))
            || VI_STOP.contains(&w.lower.as_str())
            || PERSON_TRIGGERS_VI.contains(&w.lower.as_str())
    };
    let (mut s, mut e) = (i, j);
    while s < e && vi_word(&ws[s]) {
        s += 1;
    }
    while e > s && vi_word(&ws[e - 1]) {
        e -= 1;
    }
    // A country after the name: "Bridgestone Việt Nam".
    while e >= s + 2 && is_not_person(&ws[e - 2..e]) {
        e -= 2;
    }
    (s, e)
}

/// Common English words: a capitalised run holding one is a title (of a
/// show, a film) rather than a name.
const ENGLISH_COMMON: &[&str] = &[
    "the", "big", "you", "out", "rich", "kids", "night", "heart", "voice", "love", "my", "your", "star", "stars",
    "show", "music", "world", "new", "old", "top", "king", "queen", "house", "home", "life", "man", "men", "girl",
    "girls", "boy", "boys", "game", "games", "day", "one", "two", "go", "get", "hot", "best", "camp", "tube", "food",
    "foods", "central", "scarlet", "heirs", "vietnam", "night", "sky", "bang", "control", "time", "good", "pro",
    "hero", "video", "vlog", "dolls", "passion", "club", "school", "academy",
];

/// Does the word before `i` end with a Vietnamese organisation head?
fn phrase_in_exact_tail(before: &[Word]) -> bool {
    // "Bộ trưởng Quốc phòng Mỹ James Mattis": a lowercase second syllable
    // ("Quốc phòng", defence) is not the head "phòng" (a department).
    let second_syllable = |w: &Word| !w.cap && w.joined && before.len() >= 2 && before[before.len() - 2].cap;
    before.last().is_some_and(|w| {
        (ORG_HEADS_VI_EXACT.contains(&w.lower.as_str()) || matches!(w.lower.as_str(), "đội" | "clb" | "hãng"))
            && !second_syllable(w)
    })
}

/// A folded word that cannot be one Vietnamese syllable.
fn looks_foreign(folded: &str) -> bool {
    const VOWELS: &[char] = &['a', 'e', 'i', 'o', 'u', 'y'];
    if folded.contains(['f', 'j', 'w', 'z']) {
        return true;
    }
    let mut groups = 0;
    let mut in_vowel = false;
    for c in folded.chars() {
        let v = VOWELS.contains(&c);
        if v && !in_vowel {
            groups += 1;
        }
        in_vowel = v;
    }
    // "qu" and "gi" start a syllable with a vowel letter: "quyen", "gia".
    let core = folded
        .strip_prefix("qu")
        .or_else(|| folded.strip_prefix("gi").filter(|r| !r.is_empty()))
        .unwrap_or(folded);
    let core_groups = if core.len() != folded.len() {
        let mut g = 0;
        let mut iv = false;
        for c in core.chars() {
            let v = VOWELS.contains(&c);
            if v && !iv {
                g += 1;
            }
            iv = v;
        }
        g
    } else {
        groups
    };
    if core_groups >= 2 || (groups >= 2 && core.len() == folded.len()) {
        return true;
    }
    let tail: String = folded.chars().rev().take_while(|c| !VOWELS.contains(c)).collect();
    let tail: String = tail.chars().rev().collect();
    if !matches!(tail.as_str(), "" | "c" | "ch" | "m" | "n" | "ng" | "nh" | "p" | "t") {
        return true;
    }
    // The vowel group must be a Vietnamese rhyme nucleus: "Lee", "Soo",
    // "Hyuk", "Tian" and "Yun" are one vowel group but not Vietnamese.
    let core = if core.contains(VOWELS) { core } else { folded };
    let nucleus = core
        .trim_start_matches(|c: char| !VOWELS.contains(&c))
        .split(|c: char| !VOWELS.contains(&c))
        .next()
        .unwrap_or("");
    if !vietnamese_nucleus(nucleus, tail.is_empty()) {
        return true;
    }
    let head: String = folded.chars().take_while(|c| !VOWELS.contains(c)).collect();
    // Vietnamese spells /k/ as "k" only before i, e and y: "Kang", "Koke".
    if head == "k" && !nucleus.starts_with(['i', 'e', 'y']) {
        return true;
    }
    !matches!(
        head.as_str(),
        "" | "b"
            | "c"
            | "ch"
            | "d"
            | "g"
            | "gh"
            | "gi"
            | "h"
            | "k"
            | "kh"
            | "l"
            | "m"
            | "n"
            | "ng"
            | "ngh"
            | "nh"
            | "p"
            | "ph"
            | "q"
            | "r"
            | "s"
            | "t"
            | "th"
            | "tr"
            | "v"
            | "x"
    )
}

/// Whether a folded vowel group can be the nucleus of a Vietnamese
/// syllable, given whether a final consonant follows. Some groups only stand
/// open ("ai", "ia", "ieu"), some only before a final ("ie", "uye").
fn vietnamese_nucleus(v: &str, open: bool) -> bool {
    const ANY: &[&str] = &["a", "e", "i", "o", "u", "y", "oa", "oe", "ua", "ue", "uo", "uy"];
    const OPEN: &[&str] = &[
        "ai", "ao", "au", "ay", "eo", "eu", "ia", "iu", "oi", "ui", "uu", "ieu", "yeu", "oai", "oay", "oao", "oeo",
        "uay", "uoi", "uou", "uya", "uyu",
    ];
    const CLOSED: &[&str] = &["ie", "ye", "uye", "oo"];
    ANY.contains(&v) || if open { OPEN.contains(&v) } else { CLOSED.contains(&v) }
}

/// Vietnamese organisation heads, lowercase with diacritics (1–3 words).
const ORG_HEADS_VI_EXACT: &[&str] = &[
    "bộ",
    "sở",
    "ủy ban",
    "uỷ ban",
    "ubnd",
    "hđnd",
    "công ty",
    "tổng công ty",
    "tập đoàn",
    "ngân hàng",
    "trường",
    "học viện",
    "đại học",
    "cao đẳng",
    "trung cấp",
    "viện",
    "vụ",
    "cục",
    "chi cục",
    "tổng cục",
    "hội",
    "hiệp hội",
    "liên đoàn",
    "tổng liên đoàn",
    "bảo hiểm xã hội",
    "công an",
    "tòa án",
    "toà án",
    "viện kiểm sát",
    "ban",
    "bệnh viện",
    "trung tâm",
    "mặt trận",
    "hội đồng",
    "báo",
    "đài",
    "thông tấn xã",
    "phòng",
    "cơ quan",
    "câu lạc bộ",
    "clb",
    "tạp chí",
    "quỹ",
    "đồn",
    "đội",
    "đội tuyển",
    "đại sứ quán",
    "tổ chức",
    "cao ủy",
    "cao uỷ",
    "phòng thí nghiệm",
    "sư đoàn",
    "quân đoàn",
    "bộ tư lệnh",
    "tỉnh ủy",
    "tỉnh uỷ",
    "thành ủy",
    "thành uỷ",
    "huyện ủy",
    "huyện uỷ",
    "đảng ủy",
    "đảng uỷ",
    "hãng luật",
    "văn phòng",
    "tiệm vàng",
    "hiệu vàng",
    "cửa hàng",
    "nhà hàng",
    "khách sạn",
    "nhà nước",
    "công đoàn",
    "cty",
    "nhà máy",
    "đh",
    "nxb",
    "nhà xuất bản",
    "lđlđ",
    "đoàn đại biểu",
    "đoàn đbqh",
    "pv",
    "phóng viên",
    "nhóm nhạc",
    "ban nhạc",
    "nhóm",
];

/// First words of heads whose names are often a person's: "trường THPT
/// Nguyễn Du", "tiệm vàng Kim Thành Huy".
const NAMESAKE_HEADS: &[&str] = &[
    "trường",
    "tiệm",
    "hiệu",
    "cửa",
    "nhà",
    "khách",
    "công",
    "cty",
    "tập",
    "tổng",
];

/// Bodies named by the head alone.
const ORG_WHOLE_VI: &[&str] = &[
    "kiểm toán nhà nước",
    "kho bạc nhà nước",
    "quốc hội",
    "chính phủ",
    "liên hợp quốc",
    "liên hiệp quốc",
    "trung ương đoàn",
    "trung ương đảng",
];

/// Heads that may start an organisation name in lowercase ("trường đại
/// học Vinh", "công an xã X").
const ORG_HEADS_VI_LOWER_OK: &[&str] = &[
    "nhóm nhạc",
    "ban nhạc",
    "nhóm",
    "nhà máy",
    "cty",
    "đoàn đại biểu",
    "trường",
    "công an",
    "ngân hàng",
    "bệnh viện",
    "đài",
    "báo",
    "tạp chí",
    "đại sứ quán",
    "công ty",
    "tập đoàn",
    "câu lạc bộ",
    "ubnd",
    "hđnd",
    "tổng công ty",
    "học viện",
    "hãng luật",
    "đội tuyển",
    "tiệm vàng",
    "hiệu vàng",
    "cửa hàng",
    "nhà hàng",
    "khách sạn",
];

/// Lowercase words that sit inside a Vietnamese organisation name.
const ORG_INNER_VI: &[&str] = &[
    "xã",
    "huyện",
    "tỉnh",
    "phường",
    "quận",
    "thành phố",
    "tp",
    "thị xã",
    "thị trấn",
    "đại học",
    "đa khoa",
    "cửa khẩu",
    "quốc tế",
    "nhân dân",
    "tmcp",
    "tnhh",
    "cổ phần",
    "trung ương",
    "thương mại",
    "nhà nước",
    "quốc gia",
    "cảnh sát",
    "điều tra",
];

/// Lowercase sector words inside a company's name, before the name proper.
const COMPANY_SECTORS_VI: &[&str] = &[
    "đầu tư",
    "xây dựng",
    "thủy điện",
    "thuỷ điện",
    "nhiệt điện",
    "dịch vụ",
    "du lịch",
    "sản xuất",
    "phát triển",
    "bất động sản",
    "vận tải",
    "xuất nhập khẩu",
    "công nghệ",
    "truyền thông",
    "dược phẩm",
    "thực phẩm",
    "chứng khoán",
    "năng lượng",
    "khoáng sản",
    "địa ốc",
    "giải trí",
    "thời trang",
    "may mặc",
    "xi măng",
    "thép",
    "bia",
    "sữa",
];

/// Verbs the news puts right after a body's name ("Tổng cục Thuế yêu
/// cầu", "Đại học Vinh họp"), with their diacritics: after a one-syllable
/// name they are not its second syllable.
const BODY_VERBS_VI: &[&str] = &[
    "họp",
    "ký",
    "trao",
    "cấp",
    "bắt",
    "nhận",
    "gửi",
    "đón",
    "tặng",
    "mở",
    "đạt",
    "giành",
    "thắng",
    "thua",
    "yêu cầu",
    "công bố",
    "tổ chức",
    "ban hành",
    "phối hợp",
    "khẳng định",
    "đề nghị",
    "đề xuất",
    "kiến nghị",
    "khuyến cáo",
    "cảnh báo",
    "thông báo",
    "triển khai",
    "chỉ đạo",
    "phát hiện",
    "phát động",
    "xử lý",
    "tiếp nhận",
    "tiếp tục",
    "quyết định",
    "tiến hành",
    "hướng dẫn",
    "phê duyệt",
    "thu hồi",
    "khởi tố",
    "xác nhận",
    "đánh giá",
    "tham gia",
    "thực hiện",
    "ra mắt",
];

/// Function words and verbs that end a Vietnamese organisation name.
const VI_STOP: &[&str] = &[
    "đã",
    "đang",
    "sẽ",
    "có",
    "là",
    "và",
    "của",
    "cho",
    "với",
    "được",
    "bị",
    "không",
    "cũng",
    "vừa",
    "mới",
    "này",
    "đó",
    "tại",
    "ở",
    "về",
    "trong",
    "ngày",
    "sáng",
    "chiều",
    "tối",
    "rằng",
    "thì",
    "mà",
    "khi",
    "các",
    "những",
    "để",
    "từ",
    "theo",
    "vào",
    "ra",
    "lên",
    "đến",
    "tới",
    "nói",
    "cho biết",
    "năm",
    "tháng",
    "vẫn",
    "còn",
    "hay",
    "hoặc",
    "nên",
    "như",
    "nhưng",
    "sau",
    "trước",
    "phải",
    "đều",
    "chỉ",
    "lại",
    "thuộc",
    "cùng",
    "gồm",
    "nhằm",
    "người",
    "ông",
    "bà",
    "anh",
    "chị",
    "đi",
    "làm",
    "đưa",
    "trên",
    "dưới",
    "qua",
    "do",
    "vì",
    "nếu",
    "bên",
    "thường",
    "luôn",
    "chưa",
    "rất",
    "ngay",
    "cả",
    "hiện",
];

fn head_len(ws: &[Word], i: usize, list: &'static [&'static str]) -> Option<usize> {
    if !may_start(list, &ws.get(i)?.lower) {
        return None;
    }
    for n in (1..=4).rev() {
        if i + n <= ws.len()
            && (1..n).all(|k| ws[i + k].joined)
            && list_has(list, ws[i..i + n].iter().map(|w| w.lower.as_str()))
        {
            return Some(n);
        }
    }
    None
}

/// A Vietnamese organisation at `i`, (head length, end of the name,
/// whether an official name starts there): the head-word rules
/// ([`vi_org_end`]), lengthened to an official name
/// (`data/state_bodies.txt`) that starts there.
fn body_at(ws: &[Word], i: usize) -> Option<(usize, usize, bool)> {
    // An official name runs on where the head-word rules stop: "Bộ Lao
    // động, thương binh và xã hội", "Ủy ban Về các vấn đề xã hội".
    match (vi_org_end(ws, i), state_bodies().match_at(ws, i)) {
        (Some((n, end)), Some(e)) => Some((n, end.max(e), true)),
        (None, Some(e)) => Some((head_len(ws, i, ORG_HEADS_VI_EXACT).unwrap_or(1).min(e - i), e, true)),
        (found, None) => found.map(|(n, end)| (n, end, false)),
    }
}

/// A Vietnamese organisation at `i` by its head word: (head length, end of
/// the name). Vietnamese capitalises the first syllable of each word of a
/// name, so a capitalised syllable may be followed by one lowercase one
/// ("Bộ Khoa học và Công nghệ"); administrative words bridge to a place
/// ("Công an huyện Quảng Ninh").
fn vi_org_end(ws: &[Word], i: usize) -> Option<(usize, usize)> {
    // A head inside a longer proper name is not a head: "Tây Ban Nha".
    if i > 0
        && ws[i].joined
        && is_titlecase(&ws[i - 1])
        && !VI_STOP.contains(&ws[i - 1].lower.as_str())
        && ws[i - 1].lower != "nhóm"
    {
        return None;
    }
    let whole = head_len(ws, i, ORG_WHOLE_VI).filter(|_| ws[i].cap);
    let n = match whole {
        Some(n) => n,
        None => head_len(ws, i, ORG_HEADS_VI_EXACT)?,
    };
    let head = ws[i..i + n]
        .iter()
        .map(|w| w.lower.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if !ws[i].cap && !ORG_HEADS_VI_LOWER_OK.contains(&head.as_str()) {
        return None;
    }
    // A company's sector words before its name: "Công ty cổ phần thủy điện
    // Hồ Bốn", "Nhà máy thủy điện Hố Hô" (only after a company's head, so
    // "UBND tỉnh đầu tư Dự án" is not one name).
    let company = matches!(
        head.as_str(),
        "công ty" | "tổng công ty" | "tập đoàn" | "cty" | "nhà máy"
    );
    let inner_len = |ws: &[Word], k: usize| {
        head_len(ws, k, ORG_INNER_VI).or_else(|| {
            if company {
                head_len(ws, k, COMPANY_SECTORS_VI)
            } else {
                None
            }
        })
    };
    let mut j = i + n;
    let mut last: Option<usize> = None;
    // Capitalised words in a row just taken (the head counts as none).
    let mut cap_run = 0;
    let mut after_admin = false;
    let mut seen_cap = false;
    while j < ws.len() {
        let w = &ws[j];
        if !w.joined {
            let glued_tp = w.sep == "." && ws[j - 1].lower == "tp";
            // "Bộ Văn hóa, Thể thao và Du lịch": an enumeration closed by "và".
            let enumeration = w.sep.trim() == ","
                && w.sep.starts_with(',')
                && seen_cap
                && w.cap
                && (j + 1..(j + 5).min(ws.len())).any(|k| {
                    ws[k].lower == "và" && (j + 1..=k).all(|m| ws[m].joined) && ws.get(k + 1).is_some_and(|x| x.cap)
                });
            // "Bộ Lao động - Thương binh và Xã hội": a dash, same shape.
            let dashed = matches!(w.sep.trim(), "-" | "–")
                && w.sep.starts_with(' ')
                && seen_cap
                && w.cap
                && (j + 1..(j + 4).min(ws.len())).any(|k| {
                    ws[k].lower == "và" && (j + 1..=k).all(|m| ws[m].joined) && ws.get(k + 1).is_some_and(|x| x.cap)
                });
            if !glued_tp && !enumeration && !dashed {
                break;
            }
        }
        if w.cap
            && w.text
                .chars()
                .all(|c| c == '&' || c == '-' || crate::corpus::text::is_alnum(c))
        {
            last = Some(j);
            // An acronym ("TNHH", "CSGT") is not the first half of a word.
            cap_run = if is_titlecase(w) { cap_run + 1 } else { 0 };
            seen_cap = true;
            j += 1;
        } else if let Some(k) = inner_len(ws, j) {
            // Only when a name follows: "huyện Quảng Ninh", "quận 3",
            // "Ủy ban nhân dân thành phố Hà Nội" (two in a row).
            let mut m = j + k;
            while m < ws.len() && ws[m].joined {
                match inner_len(ws, m) {
                    Some(k2) => m += k2,
                    None => break,
                }
            }
            let next = ws.get(m).filter(|x| x.joined);
            if next.is_some_and(|x| x.cap || x.text.bytes().all(|b| b.is_ascii_digit())) {
                after_admin = after_admin || !matches!(ws[j].lower.as_str(), "đại" | "đa" | "tmcp" | "tnhh" | "cổ");
                j += k;
                cap_run = 0;
            } else {
                break;
            }
        } else if w.text.bytes().all(|b| b.is_ascii_digit())
            && (ORG_INNER_VI.contains(&ws[j - 1].lower.as_str())
                || w.text.len() <= 2
                    && ws[j - 1].cap
                    && head.starts_with("công ty")
                    && ws.get(j + 1).is_none_or(|x| !x.joined))
        {
            // "quận 3"; a company's number: "Công ty CP Lilama 3 (Hà Nội)".
            last = Some(j);
            seen_cap = true;
            cap_run = 0;
            j += 1;
        } else if let Some(k) = head_len(ws, j, NAME_FINAL_QUALIFIERS).filter(|_| seen_cap && w.joined) {
            // A lowercase qualifier that ends a name: "Tổ chức Y tế thế giới",
            // "Quỹ Bình đẳng toàn cầu".
            last = Some(j + k - 1);
            j += k;
            cap_run = 0;
        } else if w.lower == "và"
            && ws.get(j + 1).is_some_and(|x| x.joined && x.cap)
            && seen_cap
            && !(ws[j + 1].cap && head_len(ws, j + 1, ORG_HEADS_VI_EXACT).is_some())
        {
            // "… Thái Bình Dương và Cơ quan …" joins two bodies, not one name.
            j += 1;
            cap_run = 0;
        } else if w.lower == "tại"
            && seen_cap
            && LOCATED_HEADS.contains(&head.as_str())
            && ws.get(j + 1).is_some_and(|x| x.joined && x.cap)
        {
            // "Đại sứ quán Mỹ tại Seoul".
            j += 1;
            cap_run = 0;
            after_admin = true;
        } else if cap_run == 0 && seen_cap && !after_admin && bridges_to_name(ws, j) {
            // "Trung tâm Dự báo khí tượng thủy văn Trung ương".
            j += 1;
        } else if let Some(k) =
            lowercase_tail(ws, j).filter(|_| cap_run == 0 && seen_cap && !after_admin && whole.is_none())
        {
            // "Cục An toàn thực phẩm, …": only the first syllable of a
            // Vietnamese agency's name is capitalised.
            last = Some(j + k - 1);
            j += k;
        } else if cap_run == 1
            // After "tỉnh"/"điều tra" only a body's head goes on:
            // "Cơ quan cảnh sát điều tra Công an TP Hải Phòng".
            && (!after_admin || head_len(ws, j - 1, ORG_HEADS_VI_EXACT) == Some(2))
            && !looks_foreign(&ws[j - 1].folded)
            // "Quốc hội Lào mong muốn": a country closes a whole body's name.
            && (whole.is_none() || !is_country(&ws[j - 1]))
            && !VI_STOP.contains(&w.lower.as_str())
            && w.text.chars().all(crate::corpus::text::is_alpha)
            && head_len(ws, j, BODY_VERBS_VI).is_none()
        {
            // The second syllable of a word: "Khoa học", "Công nghệ" (not
            // the verb after a one-syllable name: "Đại học Vinh họp").
            last = Some(j);
            cap_run = 0;
            j += 1;
        } else {
            break;
        }
    }
    let Some(last) = last.filter(|_| seen_cap) else {
        return whole.map(|n| (n, i + n));
    };
    let mut end = last + 1;
    // A person's name right after the body: "Cục Điện ảnh Ngô Phương Lan",
    // "Chủ tịch Quốc hội Nguyễn Thị Kim Ngân" (a whole body needs no name).
    // A school is named after a person: "trường THPT Nguyễn Xuân Nguyên".
    let first_name_word = if whole.is_some() { i + n } else { i + n + 1 };
    if let Some(k) = (first_name_word..end).filter(|_| head != "trường").find(|&k| {
        // "Tổng Thư ký Liên hợp quốc Antonio Guterres": a foreign name too.
        (is_family(&ws[k]) || whole.is_some() && ws[k..end].iter().any(|w| looks_foreign(&w.folded)))
            // "Công ty cổ phần thủy điện Hồ Bốn": after its sector words a
            // company's name may be a person's.
            && (!company || ws[k - 1].cap)
            && end - k >= 2
            && end - k <= 4
            && ws[k..end].iter().all(|w| w.cap && is_name_syllable(w))
            && gazetteer().resolve_filter(&fold_key(&joined(&ws[k..end]))).is_err()
            && !is_not_person(&ws[k..end])
    }) {
        end = k;
    }
    let rest = end - (i + n);
    if rest == 0 && whole.is_some() {
        return Some((n, end));
    }
    // "Trường Sa" (islands), "ngân hàng V." (an anonymised bank).
    if rest == 0
        || (head == "trường" && (rest < 2 || !SCHOOL_WORDS.contains(&ws[i + n].lower.as_str())))
        || (rest == 1 && ws[i + n].text.chars().count() == 1)
    {
        return None;
    }
    Some((n, end))
}

/// An acronym or one-word brand that renames the body ending at `end`:
/// "Ngân hàng TMCP Bưu điện Liên Việt (LienVietPostBank)", "Ngân hàng
/// TMCP Sài Gòn Thương Tín – Sacombank".
fn alias_after<'a>(text: &'a str, ws: &[Word<'a>], end: usize) -> Option<&'a str> {
    let w = ws.get(end)?;
    let sep = w.sep.trim();
    // The whole token: camel case splits "LienVietPostBank" into words.
    let rest = text.get(w.start..)?;
    let alias = &rest[..rest
        .find(|c: char| !crate::corpus::text::is_alnum(c))
        .unwrap_or(rest.len())];
    let after = rest[alias.len()..].chars().next();
    let paren = sep == "(" && after == Some(')');
    let dash = matches!(sep, "–" | "-") && w.sep.starts_with(' ') && after.is_none_or(|c| matches!(c, '.' | ',' | ';'));
    let renamed = alias.chars().skip(1).any(char::is_uppercase) || is_bank_brand(alias);
    ((paren || dash) && renamed).then_some(alias)
}

/// The end of a news outlet cited at `k` after "Theo": one to three words,
/// each an acronym ("AFP", "TVNZ") or a foreign word ("IFL Science"),
/// then a comma, or a full stop with more text after it.
fn cited_outlet_end(ws: &[Word], k: usize) -> Option<usize> {
    if ws[k - 1].lower != "theo" || !ws[k].joined {
        return None;
    }
    let acronym = |w: &Word| w.text.chars().filter(|c| c.is_uppercase()).count() >= 2;
    let mut e = k;
    while e < ws.len()
        && e - k < 3
        && (e == k || ws[e].joined)
        && ws[e].cap
        && ws[e].text.is_ascii()
        && ws[e].text.chars().all(crate::corpus::text::is_alnum)
        && (acronym(&ws[e]) || looks_foreign(&ws[e].folded))
    {
        e += 1;
    }
    let closed = ws
        .get(e)
        .is_some_and(|w| w.sep.starts_with(',') || w.sep.starts_with('.') && ws.len() > e + 5);
    let is_place = e > k && (foreign_places().match_at(ws, k) == Some(e) || clubs().match_at(ws, k) == Some(e));
    (e > k && closed && !is_place && !is_family(&ws[k])).then_some(e)
}

/// Lowercase qualifiers that close a Vietnamese organisation name.
const NAME_FINAL_QUALIFIERS: &[&str] = &["thế giới", "toàn cầu", "quốc tế", "trung ương"];

/// Heads whose name may end in "tại" and a place.
const LOCATED_HEADS: &[&str] = &["đại sứ quán", "cơ quan", "văn phòng", "chi nhánh", "tổng lãnh sự quán"];

/// A run of up to four lowercase words at `j`, none a function word, that
/// ends at a capitalised word inside the same name.
fn bridges_to_name(ws: &[Word], j: usize) -> bool {
    for (k, w) in ws.iter().enumerate().skip(j).take(4) {
        if !w.joined {
            return false;
        }
        if w.cap {
            // "Tổng cục Thuế yêu cầu Cục Thuế …": a verb between two bodies.
            // "Bộ Nội vụ giúp Chính phủ": nor between a body and the Government.
            return k > j && head_len(ws, k, ORG_HEADS_VI_EXACT).is_none() && head_len(ws, k, ORG_WHOLE_VI).is_none();
        }
        if VI_STOP.contains(&w.lower.as_str()) || !w.text.chars().all(crate::corpus::text::is_alpha) {
            return false;
        }
    }
    false
}

/// Lowercase syllables (1–4) that end an organisation's name at a comma,
/// semicolon or bracket: "Cục An toàn thực phẩm, …". A function
/// word or verb phrase running on into the sentence ("Bộ Y tế khuyến cáo
/// người dân") is not part of the name, and neither is one that ends the
/// sentence ("… công bố.") or opens a quote ("… công bố: …").
fn lowercase_tail(ws: &[Word], j: usize) -> Option<usize> {
    let mut k = 0;
    while let Some(w) = ws.get(j + k) {
        if !w.joined || w.cap || k > 0 && head_len(ws, j + k, TAIL_CLOSERS_VI).is_some() {
            break;
        }
        // "Sở Nội vụ cấp tỉnh": a level of government, not a name.
        if k == 4
            || VI_STOP.contains(&w.lower.as_str())
            || k == 0 && w.lower == "cấp"
            || !w.text.chars().all(crate::corpus::text::is_alpha)
        {
            return None;
        }
        k += 1;
    }
    let closes = ws
        .get(j + k)
        .is_some_and(|w| !w.joined && w.sep.trim_start().starts_with([',', ';', ')', '(']));
    // "Cục An toàn thực phẩm cho biết …": the body speaks or acts next. A
    // time word ("Bộ Y tế hôm nay cho biết") or a verb in the tail is not
    // part of a name.
    let reports = || {
        head_len(ws, j + k, TAIL_CLOSERS_VI).is_some()
            && ws[j..j + k].iter().all(|w| !TIME_WORDS_VI.contains(&w.lower.as_str()))
            && (j..j + k).all(|m| head_len(ws, m, BODY_VERBS_VI).is_none())
    };
    (k > 0 && (closes || reports())).then_some(k)
}

/// What a body does right after its name, so that a lowercase tail before
/// it closes the name: "Cục An toàn thực phẩm cho biết".
const TAIL_CLOSERS_VI: &[&str] = &["cho biết", "cho hay"];

/// Words of time that never end a body's name: "Bộ Y tế hôm nay cho biết".
const TIME_WORDS_VI: &[&str] = &[
    "hôm", "nay", "qua", "mai", "đây", "gần", "tuần", "mới", "lúc", "giờ", "chiều", "tối",
];

/// What follows "Trường" in a school's name: "Trường Đại học", "Trường THPT".
const SCHOOL_WORDS: &[&str] = &[
    "đại", "đh", "cao", "cđ", "thpt", "thcs", "tiểu", "mầm", "trung", "phổ", "chuyên", "dân", "sĩ", "quân", "chính",
    "nghiệp", "dạy", "mẫu", "học", "quốc", "song", "ptdtnt", "pt", "năng", "nghề",
];

/// Heads of the bodies that sit inside another: only these take a parent
/// after a comma or dash.
const SUB_UNIT_HEADS: &[&str] = &[
    "cục",
    "chi cục",
    "tổng cục",
    "vụ",
    "phòng",
    "ban",
    "trung tâm",
    "văn phòng",
    "viện",
    "cơ quan",
    "đội",
    "chi nhánh",
    "sở",
    "trường",
    "bệnh viện",
    "học viện",
    "phòng thí nghiệm",
    "đồn",
    "bộ tư lệnh",
];

/// Does the body at `i`, whose head has `n` words, have a sub-unit's head?
fn is_sub_unit(ws: &[Word], i: usize, n: usize) -> bool {
    head_len(ws, i, SUB_UNIT_HEADS) == Some(n)
}

/// A committee or council belongs to the body named after "của": "Ủy ban
/// Kinh tế của Quốc hội", "Cao ủy Nhân quyền của LHQ" (but a ministry is
/// named without its country: "Bộ Ngoại giao của Mỹ" is not a sub-unit).
const COMMITTEE_HEADS: &[&str] = &["ủy ban", "uỷ ban", "cao ủy", "cao uỷ", "hội đồng"];

/// Does the body at `i`, whose head has `n` words, belong to a parent
/// named after "của" ([`COMMITTEE_HEADS`] and sub-units)?
fn is_committee(ws: &[Word], i: usize, n: usize) -> bool {
    is_sub_unit(ws, i, n) || head_len(ws, i, COMMITTEE_HEADS) == Some(n)
}

/// A sub-unit followed by its parent, "Cục Quản lý Cạnh tranh, Bộ Công
/// Thương" or "Cơ quan CSĐT - Bộ Công an": the parent's start and end.
///
/// "của" joins them too, "Ủy ban Về các vấn đề xã hội của Quốc hội": the
/// sub-unit's name then runs through the parent's ([`is_committee`]).
fn parent_after(ws: &[Word], end: usize) -> Option<(usize, usize)> {
    let mut w = ws.get(end)?;
    let mut end = end;
    if w.joined && w.lower == "của" {
        end += 1;
        w = ws.get(end).filter(|x| x.joined)?;
    } else if !matches!(w.sep.trim(), "," | "-" | "–") {
        return None;
    }
    if !w.cap {
        return None;
    }
    let (_, e, _) = body_at(ws, end)?;
    // "Bộ TN-MT, Bộ Tư lệnh Thủ đô, Bộ Tư lệnh Quân chủng …": a list of
    // bodies, not a sub-unit and its parent.
    let listed = ws.get(e).is_some_and(|w| {
        (matches!(w.sep.trim(), "," | ";") || w.joined && w.lower == "và")
            && head_len(ws, if w.lower == "và" { e + 1 } else { e }, ORG_HEADS_VI_EXACT).is_some()
    });
    (!listed).then_some((end, e))
}

/// One-word bank brands: "Vietcombank", "TPBank", "LienVietPostBank".
fn is_bank_brand(tok: &str) -> bool {
    let Some(prefix) = tok.len().checked_sub(4).and_then(|n| tok.get(..n)) else {
        return false;
    };
    let caps = prefix.chars().filter(|c| c.is_uppercase()).count();
    prefix.chars().count() >= 2
        && prefix.chars().next().is_some_and(char::is_uppercase)
        && prefix.chars().all(crate::corpus::text::is_alpha)
        && tok.get(prefix.len()..).is_some_and(|t| t.eq_ignore_ascii_case("bank"))
        // Not a SWIFT code glued to "Bank": "BFTVVNVXBank".
        && (caps <= 3 || prefix.chars().any(char::is_lowercase))
}

/// "Chairman of the Provincial People's Committee" → the committee.
fn strip_role_prefix<'a, 'b>(span: &'b [Word<'a>]) -> &'b [Word<'a>] {
    const ROLES: &[&str] = &[
        "chairman",
        "chairwoman",
        "chairperson",
        "deputy",
        "vice",
        "head",
        "secretary",
        "member",
        "members",
        "director",
        "chief",
        "permanent",
        "standing",
        "general",
        "president",
        "leader",
        "leaders",
        "representative",
        "representatives",
    ];
    // "Chairmanof" (glued in scraped text) is a role and "of".
    let glued_of = |w: &Word| w.folded.strip_suffix("of").is_some_and(|r| ROLES.contains(&r));
    let Some(of) = span.iter().position(|w| w.folded == "of" || glued_of(w)) else {
        return span;
    };
    let roles_end = if glued_of(&span[of]) { of + 1 } else { of };
    if roles_end == 0
        || !span[..roles_end]
            .iter()
            .all(|w| ROLES.contains(&w.folded.as_str()) || glued_of(w))
    {
        return span;
    }
    let rest = &span[of + 1..];
    let rest = if rest.first().is_some_and(|w| w.folded == "the") {
        &rest[1..]
    } else {
        rest
    };
    if rest.len() >= 2 && contains_en_head(rest) {
        rest
    } else {
        span
    }
}

/// English capitalised runs with a head word that are not bodies: a
/// building ("Government Headquarters"), the formula "Party and State",
/// a concept ("Digital Government", "e-Government").
fn is_en_non_body(span: &[Word]) -> bool {
    let last = span.last().map(|w| w.folded.as_str()).unwrap_or("");
    // "Group A" of a tournament.
    let pool = span.len() == 2 && span[0].folded == "group" && span[1].text.chars().count() == 1;
    let formula = span
        .iter()
        .all(|w| matches!(w.folded.as_str(), "party" | "state" | "government" | "and" | "the"));
    let concept =
        span.len() == 2 && last == "government" && matches!(span[0].folded.as_str(), "digital" | "e" | "electronic");
    matches!(last, "headquarters" | "building") || formula || concept || pool
}

/// Drops "in" and a place after a body: "SIX Swiss Exchange in Zurich" (a
/// programme's "Refugees in Towns Project" keeps it).
fn trim_place_after_in<'a, 'b>(span: &'b [Word<'a>]) -> &'b [Word<'a>] {
    match span.iter().rposition(|w| w.text == "in") {
        Some(k)
            if k > 0
                && !contains_en_head(&span[k + 1..])
                && !ends_with_phrase(span, PROGRAM_TAILS)
                && !span.iter().any(is_company_suffix)
                && !ends_with_company_suffix(span) =>
        {
            &span[..k]
        }
        _ => span,
    }
}

/// Drops a number after a body's head: "Pan American World Airways 1.1 mln".
fn trim_number_after_head<'a, 'b>(span: &'b [Word<'a>]) -> &'b [Word<'a>] {
    match span {
        [.., head, num]
            if num.text.bytes().all(|b| b.is_ascii_digit()) && ORG_HEADS_EN.contains(&head.folded.as_str()) =>
        {
            &span[..span.len() - 1]
        }
        _ => span,
    }
}

/// Drops a role and a name after a body: "Federal Reserve Board Chairman
/// Paul Volcker" is the board (the person is found on their own).
fn trim_role_and_name<'a, 'b>(span: &'b [Word<'a>]) -> &'b [Word<'a>] {
    const ROLES: &[&str] = &[
        "chairman",
        "chairwoman",
        "president",
        "secretary",
        "director",
        "spokesman",
        "spokeswoman",
        "governor",
        "minister",
        "chief",
        "ceo",
        "head",
        "commissioner",
        "member",
    ];
    for k in 1..span.len() {
        let rest = &span[k + 1..];
        if ROLES.contains(&span[k].folded.as_str())
            && (1..=4).contains(&rest.len())
            && rest.iter().all(is_name_syllable)
            && contains_en_head(&span[..k])
        {
            return &span[..k];
        }
    }
    span
}

/// A span's text: its words joined by single spaces (restoring lost
/// spaces), or as written when dotted initials are inside ("U.S. Agriculture
/// Department", "Sedio N.V.").
fn span_text(text: &str, span: &[Word]) -> String {
    if span.iter().skip(1).any(|w| w.sep.contains('.')) {
        company_name(text, span)
    } else {
        joined(span)
    }
}

/// Drops a person's name glued after an organisation ("People's Committee
/// Pham Van Thanh").
fn trim_person_tail<'a, 'b>(span: &'b [Word<'a>]) -> &'b [Word<'a>] {
    let end = span.len();
    for k in 2..end {
        if is_family(&span[k]) && (2..=4).contains(&(end - k)) && span[k..].iter().all(is_name_syllable) {
            return &span[..k];
        }
    }
    span
}

/// The original text of a span of words (keeps hyphens: "Park Geun-hye").
fn original(text: &str, ws: &[Word]) -> String {
    match (ws.first(), ws.last()) {
        (Some(a), Some(b)) => text
            .get(a.start..b.start + b.text.len())
            .unwrap_or_default()
            .to_string(),
        _ => String::new(),
    }
}

/// The words of a span joined by single spaces (restores lost spaces).
fn joined(ws: &[Word]) -> String {
    ws.iter().map(|w| w.text).collect::<Vec<_>>().join(" ")
}

/// English words that open a sentence with a capital without being part
/// of a name after them ("The Pentagon", "But Pentagon spokesman",
/// "Although Bank America").
fn is_sentence_opener(w: &Word) -> bool {
    w.text.is_ascii()
        && matches!(
            w.folded.as_str(),
            "the"
                | "a"
                | "an"
                | "this"
                | "that"
                | "these"
                | "those"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
                | "on"
                | "in"
                | "at"
                | "by"
                | "for"
                | "from"
                | "with"
                | "to"
                | "of"
                | "and"
                | "but"
                | "or"
                | "then"
                | "also"
                | "although"
                | "though"
                | "while"
                | "when"
                | "after"
                | "before"
                | "if"
                | "as"
                | "since"
                | "because"
                | "however"
                | "meanwhile"
                | "under"
                | "last"
                | "according"
                | "accordingto"
                | "both"
                | "neither"
                | "once"
                | "unlike"
                | "like"
                | "until"
                | "during"
                | "yesterday"
                | "today"
        )
}

fn trim_leading<'a, 'b>(span: &'b [Word<'a>]) -> &'b [Word<'a>] {
    let mut s = span;
    while let Some(first) = s.first() {
        if is_sentence_opener(first) || !first.cap && first.text != "provincial" {
            s = &s[1..];
        } else {
            break;
        }
    }
    s
}

/// Titles and roles before a name. English ones compare folded; the
/// Vietnamese ones compare with diacritics ("bà" is not "ba", three).
fn trigger_before(ws: &[Word], i: usize) -> bool {
    // "Mr. Smith", "Sen. Harrison Williams": an abbreviated title's dot.
    let abbreviated = i > 0
        && ws[i].sep == ". "
        && ws[i - 1].text.is_ascii()
        && matches!(
            ws[i - 1].folded.as_str(),
            "mr" | "mrs"
                | "ms"
                | "dr"
                | "prof"
                | "sen"
                | "sens"
                | "rep"
                | "reps"
                | "gov"
                | "gen"
                | "col"
                | "lt"
                | "capt"
                | "sgt"
                | "amb"
                | "pres"
        );
    abbreviated
        || ws[i].joined
            && (1..=3).any(|n| {
                i >= n && (1..n).all(|k| ws[i - n + k].joined) && {
                    let before = &ws[i - n..i];
                    list_has(PERSON_TRIGGERS_VI, before.iter().map(|w| w.lower.as_str()))
                        || before.iter().all(|w| w.text.is_ascii())
                            && list_has(PERSON_TRIGGERS, before.iter().map(|w| w.folded.as_str()))
                }
            })
}

/// Vietnamese titles and roles (with diacritics) that announce a name.
const PERSON_TRIGGERS_VI: &[&str] = &[
    "mc",
    "dj",
    "ông",
    "bà",
    "anh",
    "chị",
    "cô",
    "thầy",
    "thủ tướng",
    "chủ tịch",
    "bộ trưởng",
    "thứ trưởng",
    "bí thư",
    "giám đốc",
    "phó giám đốc",
    "tổng giám đốc",
    "phó chủ tịch",
    "tổng bí thư",
    "đại sứ",
    "đại tướng",
    "thượng tướng",
    "trung tướng",
    "thiếu tướng",
    "đại tá",
    "thượng tá",
    "trung tá",
    "thiếu tá",
    "đại úy",
    "đại uý",
    "thượng úy",
    "trung úy",
    "thiếu úy",
    "tiến sĩ",
    "thạc sĩ",
    "giáo sư",
    "đồng chí",
    "hlv",
    "huấn luyện viên",
    "tiền đạo",
    "tiền vệ",
    "hậu vệ",
    "thủ môn",
    "thủ thành",
    "cầu thủ",
    "danh thủ",
    "ca sĩ",
    "nam ca sĩ",
    "nữ ca sĩ",
    "diễn viên",
    "nam diễn viên",
    "nữ diễn viên",
    "người mẫu",
    "tài tử",
    "mỹ nhân",
    "tay vợt",
    "tổng thống",
    "nhạc sĩ",
    "đạo diễn",
    "nghệ sĩ",
    "bác sĩ",
    "luật sư",
    "trưởng phòng",
    "phó phòng",
    "chủ nhiệm",
    "viện trưởng",
    "hiệu trưởng",
    "nhà văn",
    "nhà thơ",
    "nhà báo",
    "phóng viên",
    "trưởng ban",
    "phó trưởng ban",
    "trưởng công an",
    "chánh án",
    "thẩm phán",
    "kiểm sát viên",
    "tân binh",
    "ngôi sao",
    "siêu sao",
    "nữ hoàng",
    "thủ lĩnh",
    "lãnh đạo",
    "thí sinh",
    "giám khảo",
    "bé",
    "chú",
    "trung vệ",
    "thống đốc",
    "đối tượng",
    "nghi phạm",
    "bị can",
    "bị cáo",
    "nạn nhân",
    // Family and stage roles: "người vợ Dạ Thảo", "NSƯT Hoàng Lan".
    "vợ",
    "chồng",
    "bà xã",
    "ông xã",
    "con gái",
    "con trai",
    "em gái",
    "em trai",
    "danh hài",
    "nghệ sĩ hài",
    "nsnd",
    "nsưt",
    "nsut",
    "hoa hậu",
    "á hậu",
    "người đẹp",
    "nam vương",
    "rapper",
    "vận động viên",
    "vđv",
    "võ sĩ",
    "kỳ thủ",
    "tỷ phú",
    "tỉ phú",
    "doanh nhân",
    "nhà sản xuất",
    "họa sĩ",
    "hoạ sĩ",
    "nhiếp ảnh gia",
    "người phát ngôn",
    "phát ngôn viên",
    "linh mục",
    "hòa thượng",
    "thượng tọa",
    // Church titles: "Giáo hoàng Francis", "Hồng y Pietro Parolin".
    "giáo hoàng",
    "đức giáo hoàng",
    "hồng y",
    "giám mục",
    "tổng giám mục",
    "mục sư",
];

fn is_name_syllable(w: &Word) -> bool {
    let n = w.text.chars().count();
    (1..=12).contains(&n)
        && is_titlecase(w)
        && w.text.chars().all(crate::corpus::text::is_alpha)
        && !ORG_HEADS_EN.contains(&w.folded.as_str())
        && !matches!(
            w.folded.as_str(),
            "province" | "city" | "ward" | "district" | "street" | "commune" | "town" | "village" | "bridge" | "road"
        )
        && !is_common_word(w)
}

/// English function words and roles (compared folded, so only for words
/// without diacritics: "Tô" and "Ân" are Vietnamese names, not "to" and
/// "an"), and the Vietnamese "ông"/"bà".
fn is_common_word(w: &Word) -> bool {
    if !w.text.is_ascii() {
        return matches!(w.lower.as_str(), "ông" | "bà");
    }
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

/// Does a would-be person's name contain an organisation head?
fn contains_head(span: &[Word]) -> bool {
    contains_en_head(span) || head_len(span, 0, ORG_HEADS_VI_EXACT).is_some()
}

/// An English organisation head word inside the span.
fn contains_en_head(span: &[Word]) -> bool {
    span.iter()
        .any(|w| w.text.is_ascii() && ORG_HEADS_EN.contains(&w.folded.as_str()))
        // "Eastern Air Lines"
        || span.windows(2).any(|p| p[0].text == "Air" && p[1].text == "Lines")
}

fn is_person_span(span: &[Word]) -> bool {
    is_family(&span[0]) && span.len() <= 4 && span.iter().all(is_name_syllable)
}

fn is_acronym_org(w: &str) -> bool {
    matches!(
        w,
        "MIC"
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
            | "BIDV"
            | "HSBC"
            | "OCB"
            | "ACB"
            | "SHB"
            | "VIB"
            | "EIB"
    )
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
    // "Nghị định 105 năm 2014", "Decree 105 of 2014": the year is part of
    // the citation.
    let after = &rest[code_len..];
    let year = ["năm ", "of "].iter().find_map(|lead| {
        let y = after.strip_prefix(' ')?.strip_prefix(lead)?;
        let digits: String = y.chars().take_while(char::is_ascii_digit).collect();
        (digits.len() == 4 && code.len() == code_len && !y[4..].starts_with(|c: char| c.is_alphanumeric()))
            .then(|| format!(" {lead}{digits}"))
    });
    Some(format!(
        "{} {}{}",
        text[ws[i].start..num.start].trim_end(),
        code,
        year.unwrap_or_default()
    ))
}

/// De-duplicates names on their folded key, keeping the best spelling:
/// with diacritics over without, longer over shorter.
#[derive(Default)]
struct Collector {
    keep_nested: bool,
    order: Vec<String>,
    best: HashMap<String, String>,
}

impl Collector {
    fn add(&mut self, name: &str) {
        let mut name = name.trim().trim_end_matches(['.', ',', ':', ';']).to_string();
        // Dotted initials keep their last dot: "Sedio N.V.", "U.S.".
        let tail: Vec<char> = name.chars().rev().take(3).collect();
        if matches!(tail.as_slice(), [c, '.', _] if c.is_uppercase()) {
            name.push('.');
        }
        if name.chars().count() < 2 {
            return;
        }
        // "VietinBank" and "Vietin Bank" are one name.
        let key = fold_key(&name).replace(' ', "");
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

    fn contains(&self, name: &str) -> bool {
        self.best.contains_key(&fold_key(name).replace(' ', ""))
    }

    fn remove(&mut self, name: &str) {
        let key = fold_key(name).replace(' ', "");
        if self.best.remove(&key).is_some() {
            self.order.retain(|k| *k != key);
        }
    }

    fn finish(mut self) -> Vec<String> {
        // Drop a name that is a strict sub-sequence of a longer one
        // ("Minh Chinh" inside "Pham Minh Chinh").
        // Organisations keep both: a parent is listed beside its sub-unit.
        let keys = self.order.clone();
        let spaced: Vec<String> = keys
            .iter()
            .map(|k| self.best.get(k).map(|v| fold_key(v)).unwrap_or_default())
            .collect();
        // "Elizabeth II" is a short form of "Elizabeth Alexandra Mary" too:
        // the name without its regnal number.
        let bases: Vec<String> = keys
            .iter()
            .zip(&spaced)
            .map(|(k, sk)| {
                let regnal = self.best.get(k).and_then(|v| v.rsplit(' ').next()).is_some_and(|last| {
                    (2..=5).contains(&last.len()) && last.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
                });
                match sk.rsplit_once(' ') {
                    Some((base, _)) if regnal => base.to_string(),
                    _ => sk.clone(),
                }
            })
            .collect();
        let mut out = Vec::new();
        for ((k, sk), base) in keys.iter().zip(&spaced).zip(&bases) {
            let shadowed = !self.keep_nested
                && spaced.iter().any(|other| {
                    other != sk
                        && other.len() > sk.len()
                        && (other.ends_with(&format!(" {sk}")) || other.starts_with(&format!("{sk} ")))
                        || base != sk && other != sk && other.len() > sk.len() && other.starts_with(&format!("{base} "))
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
    fn person_filters_drop_titles_and_keep_bare_names() {
        assert_eq!(person_filter_name("Prime Minister Pham Minh Chinh"), "Pham Minh Chinh");
        assert_eq!(person_filter_name("Thủ tướng Phạm Minh Chính"), "Phạm Minh Chính");
        assert_eq!(person_filter_name(" Chinh "), "Chinh");
        assert_eq!(person_filter_name("Nguyen Van A"), "Nguyen Van A");
        assert_eq!(
            person_filter_name("Võ Văn Thưởng, Phạm Minh Chính"),
            "Võ Văn Thưởng, Phạm Minh Chính"
        );
    }

    #[test]
    fn people_by_family_name_and_title() {
        let e = extract("Prime Minister Pham Minh Chinh met Deputy Minister Vu Hai Quan in Hanoi.");
        assert_eq!(e.people, ["Pham Minh Chinh", "Vu Hai Quan"]);
    }

    #[test]
    fn english_given_names_start_a_person_without_a_title() {
        let e = extract("The board met on Monday. Margaret Holloway and Peter J. Lindqvist voted against it.");
        assert_eq!(e.people, ["Margaret Holloway", "Peter J Lindqvist"]);
        // An initial before the given name, and an abbreviated title.
        let e = extract("The plan was drafted by L. Frank Meadows, said Sen. Walter Brandt.");
        assert_eq!(e.people, ["L Frank Meadows", "Walter Brandt"]);
        assert_eq!(extract("Mr. Osgood declined to comment.").people, ["Osgood"]);
    }

    #[test]
    fn a_given_name_that_starts_a_company_is_not_a_person() {
        let e =
            extract("Shares of Howard Widgets Corp rose. Christian Democrats won the vote. General Motors Corp fell.");
        assert!(e.people.is_empty(), "{:?}", e.people);
        assert!(
            e.organizations.contains(&"Howard Widgets Corp".to_string()),
            "{:?}",
            e.organizations
        );
    }

    #[test]
    fn possessives_are_not_part_of_names() {
        let e = extract("President Reagan's aides met the Securities and Exchange Commission's staff.");
        assert_eq!(e.people, ["Reagan"]);
        assert_eq!(e.organizations, ["Securities and Exchange Commission"]);
        // A sub-unit's name goes on through its parent's possessive.
        let e = extract("The Provincial Party Committee's Standing Board met.");
        assert_eq!(e.organizations, ["Provincial Party Committee's Standing Board"]);
    }

    #[test]
    fn english_company_forms_name_an_organisation() {
        let e = extract(
            "Brisk Valley Mills Inc said it sold 140,000 shares to Ostrander N.V. and U.S. Granite Corp's unit.",
        );
        assert_eq!(
            e.organizations,
            ["Brisk Valley Mills Inc", "Ostrander N.V.", "U.S. Granite Corp"]
        );
        let e = extract("Harlow Capital Inc and Harlow Capital N.V. will merge.");
        assert_eq!(e.organizations, ["Harlow Capital Inc", "Harlow Capital N.V."]);
    }

    #[test]
    fn public_bodies_without_a_head_word_are_organisations() {
        let e = extract("The Pentagon declined to comment, but White House officials said Parliament would vote.");
        assert_eq!(e.organizations, ["Pentagon", "White House", "Parliament"]);
        // Bonds and yields are not the body; a short form gives way to the full name.
        let e = extract("Treasury bills rose. The Securities and Exchange Commission (SEC) said the SEC would act.");
        assert_eq!(e.organizations, ["Securities and Exchange Commission"]);
    }

    #[test]
    fn vietnamese_initials_and_lookalikes_stay_apart() {
        // Anonymised names and lost spaces after a dot do not run on.
        let e = extract("Công ty T.N.T. Sau đó, nhà hàng N.B.Khi đó Cộng hòa Séc và Bệnh viện Đại học Y.Với");
        assert!(
            !e.organizations.iter().any(|o| o.contains("Sau") || o.contains("Khi")),
            "{:?}",
            e.organizations
        );
        // "Séc" (Czech) is not the SEC.
        assert!(!e.organizations.iter().any(|o| o == "Séc"), "{:?}", e.organizations);
    }

    #[test]
    fn a_name_after_a_whole_body_is_the_person() {
        let e = extract("Phó Chủ tịch Quốc hội Trần Thị Minh Hạnh và bà Lê Thị Như Quỳnh dự họp.");
        assert_eq!(e.organizations, ["Quốc hội"]);
        assert_eq!(e.people, ["Trần Thị Minh Hạnh", "Lê Thị Như Quỳnh"]);
    }

    #[test]
    fn vietnamese_bodies_with_inner_words_in_a_row() {
        let e = extract(
            "Ủy ban nhân dân thành phố Cần Thơ họp với đoàn đại biểu Quốc hội tỉnh Sóc Trăng; Cơ quan cảnh sát điều tra Công an tỉnh Bến Tre vào cuộc.",
        );
        for o in [
            "Ủy ban nhân dân thành phố Cần Thơ",
            "đoàn đại biểu Quốc hội tỉnh Sóc Trăng",
            "Cơ quan cảnh sát điều tra Công an tỉnh Bến Tre",
        ] {
            assert!(e.organizations.contains(&o.to_string()), "{o}: {:?}", e.organizations);
        }
    }

    #[test]
    fn honorifics_outlets_and_fixtures_are_not_people() {
        let e = extract("Theo Business Insider, Sir Bobby Charlton xem trận El Clasico.");
        assert_eq!(e.people, ["Bobby Charlton"]);
        assert!(
            e.organizations.contains(&"Business Insider".to_string()),
            "{:?}",
            e.organizations
        );
    }

    #[test]
    fn acronyms_match_only_in_capitals() {
        let e = extract("Who knows? The WHO said so.");
        assert_eq!(e.organizations, ["WHO"]);
    }

    #[test]
    fn english_body_spans_lose_places_numbers_and_pools() {
        let e =
            extract("The Baltic Mercantile Exchange in Riga fell while Eastern Orient Airways 2.5 mln shares rose.");
        assert_eq!(
            e.organizations,
            ["Baltic Mercantile Exchange", "Eastern Orient Airways"]
        );
        let e = extract("Spain topped Group B. Investors in Agriculture Ltd gained.");
        assert_eq!(e.organizations, ["Investors in Agriculture Ltd"]);
    }

    #[test]
    fn double_barrelled_surnames_are_one_name() {
        let e = extract("Rebecca Long-Bailey spoke to reporters.");
        assert_eq!(e.people, ["Rebecca Long-Bailey"]);
    }

    #[test]
    fn countries_before_foreign_names_and_foreign_bodies_in_vietnamese() {
        let e =
            extract("Tổng thống Pháp Macron gặp Thủ tướng Hàn Quốc Lee Nak-yon. Nhà Trắng cho biết Đài Loan phản đối.");
        assert_eq!(e.people, ["Macron", "Lee Nak-yon"]);
        assert_eq!(e.organizations, ["Nhà Trắng"]);
        // The city of Nha Trang is not the White House.
        assert!(extract("Du khách đến Nha Trang tắm biển.").organizations.is_empty());
    }

    #[test]
    fn foreign_names_after_whole_bodies_and_abbreviated_companies() {
        let e = extract("Tổng Thư ký Liên hợp quốc Antonio Guterres gặp đại diện Cty Hòa Bình Xanh.");
        assert!(
            e.organizations.contains(&"Liên hợp quốc".to_string()),
            "{:?}",
            e.organizations
        );
        assert!(
            e.organizations.contains(&"Cty Hòa Bình Xanh".to_string()),
            "{:?}",
            e.organizations
        );
        assert_eq!(e.people, ["Antonio Guterres"]);
    }

    #[test]
    fn company_names_after_sector_words_are_not_people() {
        let e = extract(
            "Giám đốc Nhà máy thủy điện Sông Lam (Công ty cổ phần thủy điện Hồ Xuân) cho biết; UBND tỉnh đầu tư Dự án cầu mới.",
        );
        assert_eq!(
            e.organizations,
            ["Nhà máy thủy điện Sông Lam", "Công ty cổ phần thủy điện Hồ Xuân"]
        );
        assert!(e.people.is_empty(), "{:?}", e.people);
    }

    #[test]
    fn abbreviated_and_full_names_of_one_body_are_one_organisation() {
        let e = extract("Sinh viên trường đại học Hồng Đức nhận học bổng. ĐH Hồng Đức và NXB Kim Đồng ký kết.");
        assert_eq!(e.organizations, ["trường đại học Hồng Đức", "NXB Kim Đồng"]);
    }

    #[test]
    fn a_lowercase_head_closes_an_english_name() {
        let e = extract("Costs are settled with the Social Insurance agency. Social Insurance rates rose.");
        assert_eq!(e.organizations, ["Social Insurance agency"]);
        let e = extract("He told the U.S. department and the Hong Kong court on the May 7 hearing.");
        assert!(e.organizations.is_empty(), "{:?}", e.organizations);
    }

    #[test]
    fn a_decree_cited_with_its_year_keeps_the_year() {
        let e = extract("Theo Nghị định 118 năm 2015 và Decree 12 of 2019, quy định mới có hiệu lực.");
        let mut found = e.programs.clone();
        found.sort();
        assert_eq!(found, ["Decree 12 of 2019", "Nghị định 118 năm 2015"]);
        let e = extract("Nghị định 118 năm ngoái đã sửa.");
        assert_eq!(e.programs, ["Nghị định 118"]);
    }

    #[test]
    fn a_country_in_diacritics_before_a_foreign_name_is_not_an_english_word() {
        let e = extract("Vị tướng Mỹ Walter Brandt cho biết quân đội sẽ tiếp tục ở lại khu vực này trong nhiều năm.");
        assert_eq!(e.people, ["Walter Brandt"]);
        let e = extract("Hôm 3/2, tân Bộ trưởng Quốc phòng Mỹ Walter Brandt cho biết quân đội sẽ ở lại khu vực.");
        assert_eq!(e.people, ["Walter Brandt"]);
    }

    #[test]
    fn a_role_and_name_after_a_body_are_cut_off() {
        let e = extract("Federal Reserve Board Chairman Paul Volcker spoke.");
        assert!(
            e.organizations.contains(&"Federal Reserve Board".to_string()),
            "{:?}",
            e.organizations
        );
        assert!(
            !e.organizations.iter().any(|o| o.contains("Volcker")),
            "{:?}",
            e.organizations
        );
        assert_eq!(e.people, ["Paul Volcker"]);
    }

    #[test]
    fn headlines_in_capitals_give_no_entities() {
        let e = extract("EX-SENATOR AMONG CONTENDERS FOR AGENCY POST\nThe vote is on Monday.");
        assert!(e.people.is_empty() && e.organizations.is_empty(), "{e:?}");
    }

    #[test]
    fn holidays_indices_and_bare_plans_are_not_programmes() {
        let e = extract("Markets closed for May Day; the Consumer Price Index rose. The U.S. Plan failed.");
        assert!(e.programs.is_empty(), "{:?}", e.programs);
        let e = extract("Quang Binh held Online Public Service Day under the Export Promotion Program.");
        assert_eq!(e.programs, ["Online Public Service Day", "Export Promotion Program"]);
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
    fn later_items_of_a_place_list_are_places() {
        let e = extract("Mưa lớn tại các huyện Bảo Lạc, Hà Quảng, Trùng Khánh. Xe kẹt trên đường Lê Lợi, Võ Thị Sáu.");
        assert!(e.people.is_empty(), "{:?}", e.people);
        let e = extract("Top 5 gồm Duy Tiến, Lâm Kỳ Nguyên, Ngô Phương Anh, Lâm Trí và Kiều Thảo.");
        assert!(e.people.contains(&"Lâm Trí".to_string()), "{:?}", e.people);
    }

    #[test]
    fn villages_and_relic_sites_are_places() {
        let e = extract("Cháu trú thôn Lương Nông Bắc, xã Tân Phú; khách đến khu di tích Kim Liên rất đông.");
        assert!(e.people.is_empty(), "{:?}", e.people);
    }

    #[test]
    fn a_lone_country_is_not_a_person() {
        let e = extract("Ông Rim Sok lái xe từ thiếu tá Campuchia về cửa khẩu.");
        assert!(!e.people.iter().any(|p| p == "Campuchia"), "{:?}", e.people);
    }

    #[test]
    fn family_and_stage_roles_come_before_names() {
        let e = extract(
            "Căn nhà gọn gàng nhờ người vợ Dạ Thảo. NSƯT Hoàng Lan hát. Tỉ phú Jack Ma Theo Russia Today, ông nói. \
             Người phát ngôn Điện Kremlin Dmitry Peskov nói. Hoa hậu Thổ Nhĩ Kỳ đăng quang. \
             Tổng thống Thổ Nhĩ Kỳ Recep Tayyip Erdogan đến.",
        );
        assert_eq!(
            e.people,
            [
                "Dạ Thảo",
                "Hoàng Lan",
                "Jack Ma",
                "Dmitry Peskov",
                "Recep Tayyip Erdogan"
            ]
        );
    }

    #[test]
    fn a_name_the_text_gives_a_district_is_not_a_person() {
        let e =
            extract("Quê ở huyện Hương Khê, tỉnh Hà Tĩnh. Con đường trở thành tỷ phú Hương Khê của ông Trần Văn Lâm.");
        assert_eq!(e.people, ["Trần Văn Lâm"]);
        let e = extract(
            "Theo Bộ Nông nghiệp và Phát triển nông thôn Nguyễn Xuân Cường, chế biến còn yếu. \
             Do đó, Bộ trưởng Nguyễn Xuân Cường chỉ đạo. Món quà của bà xã Lê Thị Hồng tặng chồng.",
        );
        assert_eq!(e.people, ["Nguyễn Xuân Cường", "Lê Thị Hồng"]);
        // "nông thôn" (countryside) before a name is no hamlet either.
        let e = extract("Theo Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn Nguyễn Xuân Cường, chế biến còn yếu.");
        assert_eq!(e.people, ["Nguyễn Xuân Cường"]);
        // A street too: "đường Nguyễn Xí" makes "đến Nguyễn Xí" the street;
        // "thành phố Vinh" is no street.
        let e = extract(
            "Ngập nặng nhất là đường Nguyễn Xí (quận Bình Thạnh). Kẹt xe từ cầu Bình Triệu đến Nguyễn Xí. \
             Chủ tịch thành phố Vinh Nguyễn Hoài Nam cho biết.",
        );
        assert_eq!(e.people, ["Nguyễn Hoài Nam"]);
    }

    #[test]
    fn a_shared_title_before_a_closing_and_is_no_second_name() {
        // "và" as the last word once read past the end of the text.
        let e = extract("Ông Trần Văn Lâm và");
        assert_eq!(e.people, ["Trần Văn Lâm"]);
    }

    #[test]
    fn kingdoms_and_leagues_after_a_family_name_are_not_people() {
        let e = extract("Tổ chức uy tín của Vương Quốc Anh. Từ Premier League, Man United vẫn kiên nhẫn.");
        assert!(e.people.is_empty(), "{:?}", e.people);
    }

    #[test]
    fn bylines_and_credits_are_not_people() {
        let e = extract("Cuộc biểu tình kéo dài. Theo Đặng Minh/AFP. Bài viết do Phạm Hòa (ghi).");
        assert!(e.people.is_empty(), "{:?}", e.people);
    }

    #[test]
    fn number_words_can_end_a_given_name() {
        let e = extract("Ông Nguyễn Văn Năm – Chủ tịch UBND xã – xác nhận. Bà Trần Thị Hoa Năm 2016 nghỉ hưu.");
        assert!(e.people.contains(&"Nguyễn Văn Năm".to_string()), "{:?}", e.people);
        assert!(e.people.contains(&"Trần Thị Hoa".to_string()), "{:?}", e.people);
    }

    #[test]
    fn lowercase_qualifiers_close_an_org_name() {
        let e = extract("Năm 1990, Tổ chức Y tế thế giới ra khuyến cáo; Quỹ Nhi đồng toàn cầu ủng hộ.");
        assert!(
            e.organizations.contains(&"Tổ chức Y tế thế giới".to_string()),
            "{:?}",
            e.organizations
        );
        assert!(
            e.organizations.contains(&"Quỹ Nhi đồng toàn cầu".to_string()),
            "{:?}",
            e.organizations
        );
    }

    #[test]
    fn and_before_a_new_head_starts_a_second_org() {
        let e = extract("Nhóm làm việc với Viện Hải dương học Nha Trang và Cục Thủy sản trong năm qua.");
        assert!(
            !e.organizations.iter().any(|o| o.contains(" và ")),
            "{:?}",
            e.organizations
        );
        let e = extract("Họ cùng Viện Nghiên cứu Nam Thái Bình Dương và Cục Địa chất đo đạc.");
        assert!(
            e.organizations
                .contains(&"Viện Nghiên cứu Nam Thái Bình Dương".to_string()),
            "{:?}",
            e.organizations
        );
        let e = extract("Theo Bộ Khoa học và Công nghệ, đề án đã xong.");
        assert!(
            e.organizations.contains(&"Bộ Khoa học và Công nghệ".to_string()),
            "{:?}",
            e.organizations
        );
    }

    #[test]
    fn capitals_and_junctions_name_places() {
        let e = extract("Hàng được gửi từ thủ đô Viêng Chăn. Xe kẹt ở giao lộ Bạch Đằng.");
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

    #[test]
    fn vietnamese_titles_announce_names() {
        let e = extract("Hôm qua, bà Trần Thị Hoa gặp HLV Park Hang-seo tại sân.");
        assert!(e.people.contains(&"Trần Thị Hoa".to_string()), "{:?}", e.people);
        assert!(e.people.contains(&"Park Hang-seo".to_string()), "{:?}", e.people);
    }

    #[test]
    fn family_names_compare_with_diacritics() {
        let e = extract("Dịp Tết Nguyên đán năm Đinh Dậu, người dân đi lễ.");
        assert!(e.people.is_empty(), "{:?}", e.people);
    }

    #[test]
    fn countries_are_not_people() {
        let e = extract("Hôm nay Hàn Quốc và Triều Tiên đàm phán ở biên giới.");
        assert!(e.people.is_empty(), "{:?}", e.people);
    }

    #[test]
    fn foreign_names_in_vietnamese_text() {
        let e = extract("Trong trận đấu tối qua, Lionel Messi ghi bàn còn Luis Suarez bị thẻ đỏ ở phút cuối.");
        assert!(e.people.contains(&"Lionel Messi".to_string()), "{:?}", e.people);
        assert!(e.people.contains(&"Luis Suarez".to_string()), "{:?}", e.people);
    }

    #[test]
    fn foreign_names_lose_vietnamese_words_at_their_edges() {
        let e = extract("Sau cuộc họp, Tổng thống Mỹ Donald Trump phát biểu trước báo giới ở thủ đô.");
        assert_eq!(e.people, ["Donald Trump"]);
    }

    #[test]
    fn foreign_looking_words() {
        assert!(looks_foreign("messi") && looks_foreign("suarez") && looks_foreign("park"));
        assert!(!looks_foreign("nguyen") && !looks_foreign("quyen") && !looks_foreign("giang"));
    }

    #[test]
    fn acronyms_and_initials_are_not_names() {
        let e = extract("Chủ tịch HĐQT Nguyễn Văn Bình cho biết nữ sinh Lê T. đã bình phục.");
        assert_eq!(e.people, ["Nguyễn Văn Bình"]);
    }

    #[test]
    fn vietnamese_org_heads_keep_their_diacritics() {
        let e = extract("Số liệu mới cho thấy bố mẹ lo lắng. Bàn thắng đến muộn.");
        assert!(e.organizations.is_empty(), "{:?}", e.organizations);
    }

    #[test]
    fn vietnamese_org_names_with_compounds_and_admin_words() {
        let e = extract("Công an huyện Tân Phú phối hợp với Bộ Tài nguyên và Môi trường kiểm tra.");
        for org in ["Công an huyện Tân Phú", "Bộ Tài nguyên và Môi trường"] {
            assert!(e.organizations.contains(&org.to_string()), "{:?}", e.organizations);
        }
    }

    #[test]
    fn ministry_names_may_enumerate_with_commas() {
        let e = extract("Bộ Văn hóa, Thể thao và Du lịch tổ chức lễ hội.");
        assert_eq!(e.organizations, ["Bộ Văn hóa, Thể thao và Du lịch"]);
    }

    #[test]
    fn sub_unit_is_listed_with_and_without_its_parent() {
        let e = extract("Cục Quản lý Thị trường, Bộ Công Thương đã xử phạt cửa hàng.");
        assert!(e
            .organizations
            .contains(&"Cục Quản lý Thị trường, Bộ Công Thương".to_string()));
        assert!(
            e.organizations.contains(&"Bộ Công Thương".to_string()),
            "{:?}",
            e.organizations
        );
    }

    #[test]
    fn a_committee_of_a_body_runs_through_its_name() {
        let e = extract("Ủy ban Kinh tế của Quốc hội đã thẩm tra báo cáo. Bộ Ngoại giao của Mỹ ra tuyên bố.");
        let has = |o: &str| e.organizations.iter().any(|x| x == o);
        assert!(has("Ủy ban Kinh tế của Quốc hội"), "{:?}", e.organizations);
        assert!(has("Quốc hội"), "{:?}", e.organizations);
        // A ministry is no committee: "của Mỹ" names its country.
        assert!(has("Bộ Ngoại giao"), "{:?}", e.organizations);
        assert!(
            !e.organizations.iter().any(|o| o.contains("của Mỹ")),
            "{:?}",
            e.organizations
        );
    }

    #[test]
    fn an_official_name_keeps_its_head_and_its_lowercase_words() {
        let e = extract(
            "Trung tâm Dự báo khí tượng thủy văn Trung ương cho hay trời rét. Theo Đài Khí tượng thủy văn khu vực Nam bộ, mưa còn kéo dài.",
        );
        let has = |o: &str| e.organizations.iter().any(|x| x == o);
        assert!(
            has("Trung tâm Dự báo khí tượng thủy văn Trung ương"),
            "{:?}",
            e.organizations
        );
        // "Đài" here is part of the name, not a station's classifier.
        assert!(has("Đài Khí tượng thủy văn khu vực Nam bộ"), "{:?}", e.organizations);
    }

    #[test]
    fn an_outlet_after_a_press_classifier_is_an_organisation() {
        let e = extract(
            "Theo tờ Guardian, vụ việc xảy ra hôm qua. Trang TMZ vừa tiết lộ tin này. Hãng tin Axios đưa tin. \
             Qatar đóng cửa kênh Al-Jazeera, hạ cấp quan hệ. Tờ Thanh Niên cho hay giá tăng mạnh trong tuần. Giá vàng hôm nay cũng tăng mạnh so với hôm qua.",
        );
        for o in ["Guardian", "TMZ", "Axios", "Al-Jazeera", "Thanh Niên"] {
            assert!(e.organizations.iter().any(|x| x == o), "{o}: {:?}", e.organizations);
        }
        // Not outlets: a canal, a platform, a compound, a given name, a form.
        let e = extract(
            "Kênh Nhiêu Lộc ô nhiễm nặng. Video trên kênh YouTube của mình. Lực lượng vũ trang Trung Quốc \
             mạnh. Diễn viên Trang Nhung xuất hiện. Ông nộp tờ Phiếu đăng ký. Tờ trình số 5 được gửi đi hôm qua.",
        );
        assert!(e.organizations.is_empty(), "{:?}", e.organizations);
    }

    #[test]
    fn a_stage_name_that_confides_or_sings_is_a_person() {
        let e = extract(
            "Mới đây, Trấn Thành khoe nhận được quà sinh nhật. Sau 5 ngày im lặng, Ngọc Trinh bất ngờ chia sẻ \
             những hình ảnh mới. Khi Minh Khai đã thông xe, Hạ Long vẫn đông khách và phố Hàng Bông tấp nập.",
        );
        let has = |n: &str| e.people.iter().any(|x| x == n);
        assert!(has("Trấn Thành") && has("Ngọc Trinh"), "{:?}", e.people);
        // No person verb, or a sentence opener: no name.
        assert!(
            !has("Minh Khai") && !has("Hạ Long") && !has("Hàng Bông"),
            "{:?}",
            e.people
        );
        // A name the text also gives a place word is the place.
        let e = extract("Người dân phố Hàng Bông xúc động. Hàng Bông xúc động khi nhận quà của thành phố.");
        assert!(e.people.is_empty(), "{:?}", e.people);
    }

    #[test]
    fn a_ministry_named_without_bo_is_cut_from_the_minister_s_name() {
        let e =
            extract("Bộ trưởng Công Thương Trần Tuấn Anh cho biết. Bộ trưởng Y tế Nguyễn Thị Kim Tiến thăm bệnh viện.");
        assert_eq!(e.people, ["Trần Tuấn Anh", "Nguyễn Thị Kim Tiến"]);
    }

    #[test]
    fn a_church_title_names_a_person_with_a_regnal_number() {
        let e = extract("Giáo hoàng Francis quyết định ở lại. Trước đó, Giáo hoàng Benedict XVI từng ở đây nhiều năm.");
        assert_eq!(e.people, ["Francis", "Benedict XVI"]);
        // With its number a name is still a short form of the fullest one.
        let e = extract("Giáo hoàng Benedict XVI thăm Đức. Ông Benedict Joseph Ratzinger sinh năm 1927 tại Bavaria.");
        assert_eq!(e.people, ["Benedict Joseph Ratzinger"]);
    }

    #[test]
    fn a_country_s_forces_named_with_it_are_an_organisation() {
        let e = extract(
            "Xung đột giữa quân đội Ukraine và phe ly khai tiếp diễn. Cảnh sát Philippines bắt 5 người. \
             Bộ Tư lệnh Cảnh sát biển Việt Nam tuần tra. Cảnh sát giao thông đã có mặt tại hiện trường.",
        );
        let has = |o: &str| e.organizations.iter().any(|x| x == o);
        assert!(
            has("quân đội Ukraine") && has("Cảnh sát Philippines"),
            "{:?}",
            e.organizations
        );
        // Inside a longer name, the longer name; without a country, nothing.
        assert!(!has("Cảnh sát biển Việt Nam"), "{:?}", e.organizations);
        assert!(
            !e.organizations.iter().any(|o| o.starts_with("Cảnh sát giao")),
            "{:?}",
            e.organizations
        );
    }

    #[test]
    fn press_classifiers_are_dropped() {
        let e = extract("Trao đổi với PV Thanh Niên, ông nói vậy. Như Tuổi Trẻ đã đưa tin, vụ việc xảy ra hôm qua.");
        assert!(
            e.organizations.contains(&"Thanh Niên".to_string()),
            "{:?}",
            e.organizations
        );
        assert!(
            e.organizations.contains(&"Tuổi Trẻ".to_string()),
            "{:?}",
            e.organizations
        );
        let e = extract("Bài đăng trên tạp chí Aeon cho biết. Tạp chí Dodho đăng ảnh. Tạp chí Cộng sản đăng bài.");
        assert_eq!(e.organizations, ["Aeon", "Dodho", "Tạp chí Cộng sản"]);
    }

    #[test]
    fn heads_inside_place_names_are_not_heads() {
        let e = extract("Đội tuyển Tây Ban Nha thắng đậm. Quần đảo Trường Sa nằm xa bờ.");
        assert_eq!(e.organizations, ["Đội tuyển Tây Ban Nha"]);
    }

    #[test]
    fn schools_and_whole_bodies() {
        let e = extract("Trường Đại học Bách khoa Hà Nội tuyển sinh. Hiện Quốc hội đang xem xét dự luật.");
        assert!(
            e.organizations.contains(&"Trường Đại học Bách khoa Hà Nội".to_string()),
            "{:?}",
            e.organizations
        );
        assert!(
            e.organizations.contains(&"Quốc hội".to_string()),
            "{:?}",
            e.organizations
        );
    }

    #[test]
    fn bank_brands_in_one_word() {
        let e = extract("Cổ phiếu Vietcombank và TPBank tăng; mã BFTVVNVXBank. Ngân hàng VPBank công bố lãi.");
        for org in ["Vietcombank", "TPBank", "VPBank"] {
            assert!(e.organizations.contains(&org.to_string()), "{:?}", e.organizations);
        }
        assert!(
            !e.organizations.iter().any(|o| o.contains("BFTV")),
            "{:?}",
            e.organizations
        );
    }

    #[test]
    fn person_after_an_org_is_cut_off() {
        let e = extract("Cục trưởng Cục Điện ảnh Ngô Văn Lan phát biểu.");
        assert_eq!(e.organizations, ["Cục Điện ảnh"]);
        assert_eq!(e.people, ["Ngô Văn Lan"]);
    }

    #[test]
    fn embassy_names_end_with_their_location() {
        let e = extract("Đại sứ quán Việt Nam tại Pháp cho biết như vậy.");
        assert_eq!(e.organizations, ["Đại sứ quán Việt Nam tại Pháp"]);
    }

    #[test]
    fn english_roles_are_not_part_of_org_names() {
        let e = extract("said Vice Chairman of the Provincial People's Committee Tran Van Nam. Later the provincial Party Committee met the People's Committee of Tan Phu district.");
        for org in [
            "Provincial People's Committee",
            "provincial Party Committee",
            "People's Committee of Tan Phu district",
        ] {
            assert!(e.organizations.contains(&org.to_string()), "{:?}", e.organizations);
        }
        assert_eq!(e.people, ["Tran Van Nam"]);
    }

    #[test]
    fn sports_lineups_list_players() {
        let e = extract("Đội hình xuất phát của đội khách: Oblak, Lucas Hernandez, Godín; Saúl, Koke, Gabi; Griezmann. Trận đấu diễn ra sôi nổi.");
        for p in ["Oblak", "Lucas Hernandez", "Godín", "Koke", "Griezmann"] {
            assert!(e.people.contains(&p.to_string()), "{p}: {:?}", e.people);
        }
    }

    #[test]
    fn a_shared_title_covers_both_names() {
        let e = extract("Hai ca sĩ Mỹ Tâm và Đông Nhi cùng biểu diễn trên sân khấu.");
        assert!(e.people.contains(&"Mỹ Tâm".to_string()), "{:?}", e.people);
        assert!(e.people.contains(&"Đông Nhi".to_string()), "{:?}", e.people);
    }

    #[test]
    fn uncle_ho_is_president_ho_chi_minh() {
        let e = extract("Thiếu nhi làm theo lời Bác Hồ dạy. Tượng Chủ tịch Hồ Chí Minh đặt ở quảng trường.");
        assert_eq!(e.people, ["Hồ Chí Minh"]);
    }

    #[test]
    fn hyphenated_korean_names_after_a_country() {
        let e = extract("Theo báo chí, Tổng thống Hàn Quốc Moon Jae-in đã tới thăm chính thức nước này.");
        assert_eq!(e.people, ["Moon Jae-in"]);
    }

    #[test]
    fn coordinated_clubs_are_split() {
        let e = extract("Trận đấu giữa CLB Sevilla và Villarreal diễn ra tối qua.");
        assert_eq!(e.organizations, ["Sevilla", "Villarreal"]);
    }

    #[test]
    fn foreign_names_take_no_vietnamese_second_syllable() {
        let e = extract("Chính phủ Moscow đã cấp phép cho dự án.");
        assert_eq!(e.organizations, ["Chính phủ Moscow"]);
    }

    #[test]
    fn buildings_formulas_and_concepts_are_not_bodies() {
        let e = extract("At the Government Headquarters, the Party and State praised Digital Government efforts of the Ministry of Finance.");
        assert_eq!(e.organizations, ["Ministry of Finance"]);
    }

    #[test]
    fn korean_and_chinese_syllables_look_foreign() {
        for w in ["lee", "soo", "hyuk", "tian", "yun", "kang", "joon"] {
            assert!(looks_foreign(w), "{w}");
        }
        for w in ["nguyen", "tuan", "khuya", "nguoi", "kien", "gin", "xoong", "hue"] {
            assert!(!looks_foreign(w), "{w}");
        }
    }

    #[test]
    fn one_vietnamese_syllable_after_a_title_is_not_a_person() {
        let e = extract("Cửa hàng ở phố Hai Bà Trưng. Ông Dũng cho biết Giám đốc Trung tâm đã về.");
        assert!(e.people.is_empty(), "{:?}", e.people);
        let e = extract("Trong trận đấu tối qua, HLV Zidane rất hài lòng.");
        assert_eq!(e.people, ["Zidane"]);
    }

    #[test]
    fn a_caption_glued_to_a_name_ends_it() {
        let e = extract("Nam diễn viên Lâm Văn HảiẢnh bìa phim mới được công bố.");
        assert_eq!(e.people, ["Lâm Văn Hải"]);
    }

    #[test]
    fn a_bracketed_name_after_a_place_word_is_a_person() {
        let e = extract("Anh vào vai cô gái lên thành phố (Trần Thu Hà) trong tiểu phẩm.");
        assert_eq!(e.people, ["Trần Thu Hà"]);
    }

    #[test]
    fn contestants_judges_and_suspects_are_announced() {
        let e = extract("Giám khảo chấm thí sinh Duy Khánh rất cao. Công an bắt đối tượng Tian Yun Yun.");
        for p in ["Duy Khánh", "Tian Yun Yun"] {
            assert!(e.people.contains(&p.to_string()), "{p}: {:?}", e.people);
        }
    }

    #[test]
    fn football_clubs_are_organisations_not_people() {
        let e = extract("Cầu thủ Valencia ghi bàn nhưng Sevilla vẫn thắng. Đáp án: Getafe Villarreal.");
        assert!(e.people.is_empty(), "{:?}", e.people);
        for c in ["Valencia", "Sevilla", "Getafe", "Villarreal"] {
            assert!(e.organizations.contains(&c.to_string()), "{c}: {:?}", e.organizations);
        }
        // Outside a sports story a club's city is only a place.
        let e = extract("Du khách đến Valencia ngắm pháo hoa và thăm Sevilla.");
        assert!(e.people.is_empty() && e.organizations.is_empty(), "{e:?}");
    }

    #[test]
    fn club_short_forms_give_way_to_full_names() {
        let e = extract("Trận đấu giữa Juventus và Roma: Juve thắng, còn AS Roma hòa ở vòng trước.");
        assert!(
            e.organizations.contains(&"Juventus".to_string()),
            "{:?}",
            e.organizations
        );
        assert!(!e.organizations.contains(&"Juve".to_string()), "{:?}", e.organizations);
        assert!(!e.organizations.contains(&"Roma".to_string()), "{:?}", e.organizations);
    }

    #[test]
    fn vietnamese_agency_names_run_on_in_lowercase_to_a_punctuation_mark() {
        let e = extract("Theo Cục An toàn thực phẩm (VFA). Bộ Y tế khuyến cáo người dân. Bộ Công an điều tra.");
        assert_eq!(e.organizations, ["Cục An toàn thực phẩm", "Bộ Y tế", "Bộ Công an"]);
    }

    #[test]
    fn a_name_glued_on_after_the_last_sentence_is_a_byline() {
        let e = extract("HLV Arsène Wenger lỡ hẹn với Champions League. Lâm Văn");
        assert_eq!(e.people, ["Arsène Wenger"]);
        // Named in the story too, the same name is a person.
        let e = extract("Ông Lâm Văn Hòa nói. Người dân tin ông. Lâm Văn Hòa");
        assert_eq!(e.people, ["Lâm Văn Hòa"]);
    }

    #[test]
    fn bodies_listed_side_by_side_stay_apart() {
        let e = extract(
            "Theo kết luận của Bộ Chính trị, Ban Bí thư thì tiếp tục. Bộ Nội vụ, Sở Nội vụ cấp tỉnh rà soát. Bộ Nội vụ giúp Chính phủ tổng hợp.",
        );
        assert_eq!(
            e.organizations,
            ["Bộ Chính trị", "Ban Bí thư", "Bộ Nội vụ", "Sở Nội vụ", "Chính phủ"]
        );
        let e = extract("Ông cảm ơn Quốc hội, Chính phủ, Mặt trận Tổ quốc Việt Nam, Hội Hữu nghị Việt Nam - Cuba.");
        assert!(
            e.organizations.contains(&"Mặt trận Tổ quốc Việt Nam".to_string()),
            "{:?}",
            e.organizations
        );
        // A sub-unit still joins its parent.
        let e = extract("Cục Quản lý Cạnh tranh, Bộ Công Thương cho biết.");
        assert_eq!(
            e.organizations,
            ["Cục Quản lý Cạnh tranh, Bộ Công Thương", "Bộ Công Thương"]
        );
        let e = extract("Đại diện Bộ TN-MT, Bộ Tư lệnh Thủ đô, Bộ Tư lệnh Biên phòng và Sở Y tế dự họp.");
        assert_eq!(
            e.organizations,
            ["Bộ TN-MT", "Bộ Tư lệnh Thủ đô", "Bộ Tư lệnh Biên phòng", "Sở Y tế"]
        );
    }

    #[test]
    fn bands_are_organisations_and_kinds_of_group_are_not() {
        let e = extract(
            "Cô rời nhóm Pussycat Dolls. Nhóm nhạc M4U biểu diễn. Nhóm Hồi giáo cực đoan tấn công. Nhóm PV tới nơi. \
             Nhóm II gồm Mỹ. Nhóm Facebook có 2.000 thành viên. Nhóm nhạc Mỹ LANDS hát. Các nhóm nhạc Kpop hát. Quốc hội Lào mong muốn hợp tác. Nhóm Nhà nước Hồi giáo tự xưng (IS) tấn công.",
        );
        assert_eq!(
            e.organizations,
            [
                "Pussycat Dolls",
                "M4U",
                "LANDS",
                "Quốc hội Lào",
                "Nhà nước Hồi giáo tự xưng"
            ]
        );
        assert!(e.people.is_empty(), "{:?}", e.people);
    }

    #[test]
    fn official_names_run_on_in_any_case_and_across_commas() {
        let e = extract(
            "Luật ghi Bộ trưởng Bộ Lao động, thương binh và xã hội có trách nhiệm. Ông Bùi Sỹ Lợi, Phó Chủ nhiệm \
             Ủy ban Về các vấn đề xã hội của Quốc hội, cho biết.",
        );
        assert_eq!(
            e.organizations,
            [
                "Bộ Lao động, thương binh và xã hội",
                // The committee with its parent, then the parent alone.
                "Ủy ban Về các vấn đề xã hội của Quốc hội",
                "Quốc hội"
            ]
        );
    }

    #[test]
    fn a_lowercase_agency_tail_ends_where_the_body_speaks() {
        let e =
            extract("Từ kết quả này, Cục An toàn thực phẩm cho biết không có căn cứ. Sở Y tế hôm nay cho biết thêm.");
        assert_eq!(e.organizations, ["Cục An toàn thực phẩm", "Sở Y tế"]);
        let e = extract("Bộ Y tế khuyến cáo người dân. Cục Cảnh sát giao thông cho hay đã phối hợp.");
        assert_eq!(e.organizations, ["Bộ Y tế", "Cục Cảnh sát giao thông"]);
    }

    #[test]
    fn dashed_ministry_names_national_teams_and_confederations_are_whole() {
        let e = extract("Bộ Lao động - Thương binh và Xã hội và Tổng Liên đoàn Lao động Việt Nam họp.");
        assert_eq!(
            e.organizations,
            [
                "Bộ Lao động - Thương binh và Xã hội",
                "Tổng Liên đoàn Lao động Việt Nam"
            ]
        );
        let e = extract("Trận đấu: đội tuyển Việt Nam thắng đội tuyển Indonesia 2-1.");
        assert_eq!(e.organizations, ["đội tuyển Việt Nam", "đội tuyển Indonesia"]);
    }

    #[test]
    fn schools_and_shops_named_after_people_are_organisations_only() {
        let e = extract("Em Lê Văn Tám, học sinh trường THPT Nguyễn Xuân Nguyên (Thanh Hóa), đoạt giải.");
        assert_eq!(e.organizations, ["trường THPT Nguyễn Xuân Nguyên"]);
        assert_eq!(e.people, ["Lê Văn Tám"]);
        let e = extract("Giá tại tiệm vàng Kim Thành Huy tăng. Ông Nguyễn Du nói tại trường THCS Nguyễn Du.");
        assert_eq!(e.organizations, ["tiệm vàng Kim Thành Huy", "trường THCS Nguyễn Du"]);
        // Named alone elsewhere, the namesake is a person too.
        assert_eq!(e.people, ["Nguyễn Du"]);
    }

    #[test]
    fn news_outlets_named_in_the_body_count_but_credits_do_not() {
        let e = extract("Phát biểu với AFP, giáo sư nói rằng băng tan nhanh hơn dự báo của các nhà khoa học. Ảnh: Reuters. Nhiều người lo ngại điều này. (Theo BBC)");
        assert_eq!(e.organizations, ["AFP"]);
    }

    #[test]
    fn company_numbers_and_four_word_heads_belong_to_the_name() {
        let e = extract("Công ty CP Lilama 3 (Hà Nội) nợ 25 tỷ đồng, theo Bảo hiểm xã hội Việt Nam.");
        assert_eq!(e.organizations, ["Công ty CP Lilama 3", "Bảo hiểm xã hội Việt Nam"]);
        let e = extract("Bộ Y tế công bố: mẫu nước mắm an toàn.");
        assert_eq!(e.organizations, ["Bộ Y tế"]);
    }

    #[test]
    fn ampersand_acronyms_and_whole_state_bodies() {
        let e = extract("Sở GD&ĐT Hà Nội và Bộ GD-ĐT họp. Kiểm toán Nhà nước cho biết.");
        assert_eq!(e.organizations, ["Sở GD&ĐT Hà Nội", "Bộ GD-ĐT", "Kiểm toán Nhà nước"]);
        let e = extract("Tổng cục Hải quan yêu cầu Cục Hải quan các tỉnh rà soát.");
        assert_eq!(e.organizations, ["Tổng cục Hải quan", "Cục Hải quan"]);
        let e = extract("Tổng cục Thuế yêu cầu Cục Thuế các tỉnh rà soát.");
        assert_eq!(e.organizations, ["Tổng cục Thuế", "Cục Thuế"]);
    }

    #[test]
    fn foreign_name_particles_and_role_prefixes() {
        let e = extract(
            "Cựu ngoại trưởng Albert del Rosario nói. Ông Ronald dela Rosa đồng ý. MC Quyền Linh dẫn chương trình.",
        );
        assert_eq!(e.people, ["Albert del Rosario", "Ronald dela Rosa", "Quyền Linh"]);
        let e = extract("Trong tuyên bố, ông Todd McClay hoan nghênh.");
        assert_eq!(e.people, ["Todd McClay"]);
        let e = extract("Hành khách tới sân bay Ninoy Aquino. Tàu tuần tra ở Hoàng Sa và Trường Sa.");
        assert!(e.people.is_empty(), "{:?}", e.people);
    }

    #[test]
    fn universities_colleges_and_ministry_departments() {
        let e = extract(
            "Vụ Giáo dục chuyên nghiệp (Bộ GD-ĐT) và Đại học Vinh đã họp. Vụ tai nạn xảy ra ở Cao đẳng Y tế Hà Nội.",
        );
        assert_eq!(
            e.organizations,
            [
                "Vụ Giáo dục chuyên nghiệp",
                "Bộ GD-ĐT",
                "Đại học Vinh",
                "Cao đẳng Y tế Hà Nội"
            ]
        );
    }

    #[test]
    fn a_country_before_a_name_is_not_a_person() {
        let e = extract(
            "Sau mỗi lần phóng, lãnh đạo Triều Tiên Kim Jong Un lại cười. Chuyên gia về Triều Tiên Michael Madden nói.",
        );
        assert_eq!(e.people, ["Kim Jong Un", "Michael Madden"]);
        let e = extract("Ronaldo rời Bồ Đào Nha sang Châu Âu. Tờ Daily Mail cho biết Ronaldo vui.");
        assert!(e.people.iter().all(|p| p == "Ronaldo"), "{:?}", e.people);
    }

    #[test]
    fn companies_alone_are_organisations_and_products_are_nobody() {
        let e = extract("Google cho biết điện thoại Google Pixel bán chạy hơn Samsung Galaxy S7 và Windows Phone.");
        assert!(e.people.is_empty(), "{:?}", e.people);
        assert_eq!(e.organizations, ["Google"]);
        // A company's name after a given name is a surname.
        let e = extract("Tỷ phú Michael Dell đã đến Hà Nội. Apple said on Monday that Samsung’s sales fell.");
        assert!(e.people.contains(&"Michael Dell".to_string()), "{:?}", e.people);
        for c in ["Apple", "Samsung"] {
            assert!(e.organizations.contains(&c.to_string()), "{c}: {:?}", e.organizations);
        }
    }

    #[test]
    fn foreign_places_are_not_people() {
        let e = extract("Những đứa trẻ nhà giàu ở Hong Kong và Los Angeles khoe túi mới.");
        assert!(e.people.is_empty(), "{:?}", e.people);
    }

    #[test]
    fn a_name_written_twice_in_a_row_is_one_person() {
        let e = extract("Dưới đây là danh sách. Yoo Ah In Yoo Ah In từng đóng nhiều phim.");
        assert_eq!(e.people, ["Yoo Ah In"]);
    }

    #[test]
    fn family_names_inside_foreign_titles_are_not_people() {
        let e = extract("Cô đóng chính trong phim 'Fighting Spirit Kim Soo Ro' năm ngoái.");
        assert!(e.people.is_empty(), "{:?}", e.people);
    }

    #[test]
    fn people_named_in_awards_are_not_in_the_news() {
        let e = extract("Anh nhận giải thưởng Lê Quý Đôn và Huy hiệu Thánh “Alexander Nevsky” năm nay.");
        assert!(e.people.is_empty(), "{:?}", e.people);
    }

    #[test]
    fn glued_name_lists_are_split() {
        let e = extract("Ca sĩ Rihanna được người hâm mộ yêu mến. Câu hỏi 3: Madonna Justin Bieber Rihanna 4 Người được yêu thích nhất?");
        for p in ["Rihanna", "Madonna", "Justin Bieber"] {
            assert!(e.people.contains(&p.to_string()), "{p}: {:?}", e.people);
        }
        assert_eq!(e.people.len(), 3, "{:?}", e.people);
    }

    #[test]
    fn repeated_mononyms_in_sports_stories_are_players() {
        let text = "Trận đấu căng thẳng. Đường chuyền của Modric rất hay. Không có Modric, hàng công bế tắc.";
        assert_eq!(extract(text).people, ["Modric"]);
        let text = "Buổi họp căng thẳng. Đường chuyền của Modric rất hay. Không có Modric, hàng công bế tắc.";
        assert!(extract(text).people.is_empty());
        // A stadium or region the story travels to is a place.
        let text = "Trận đấu căng thẳng tại Anoeta. Đường chuyền của Modric rất hay ở xứ Basque. Không có Modric, đội khách khó thắng tại Anoeta và xứ Basque.";
        assert_eq!(extract(text).people, ["Modric"]);
    }

    #[test]
    fn unknown_members_of_a_people_list_are_people() {
        let e = extract("Top 5 gồm Duy Khánh, Lê Thị Lan, Trần Minh Hùng, Bảo Anh và Nhi Katy.");
        for p in ["Duy Khánh", "Bảo Anh", "Nhi Katy"] {
            assert!(e.people.contains(&p.to_string()), "{p}: {:?}", e.people);
        }
    }

    #[test]
    fn vietnamese_syllables_are_not_english_function_words() {
        let e = extract("Phim có sự tham gia của Mã Tô và Hà Ân.");
        for p in ["Mã Tô", "Hà Ân"] {
            assert!(e.people.contains(&p.to_string()), "{p}: {:?}", e.people);
        }
    }

    #[test]
    fn outlets_cited_in_the_body_are_organisations() {
        let e = extract("Theo Reuters, cuộc họp đã kết thúc. Hai bên ký kết văn bản. Theo VNE");
        assert_eq!(e.organizations, ["Reuters"]);
    }

    #[test]
    fn an_alias_in_brackets_is_the_same_body() {
        let e = extract("Ngân hàng TMCP Kỹ Thương (Techcombank) báo lãi. Techcombank tăng vốn.");
        assert_eq!(e.organizations, ["Ngân hàng TMCP Kỹ Thương"]);
    }
}
