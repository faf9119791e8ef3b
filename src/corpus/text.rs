//! Text normalisation shared by extraction and indexing: NFC, control
//! characters, accent folding, Vietnamese tone placement, and the
//! character classes (letter case, digit, gap) the tokenizer and the
//! extractors test with.
//!
//! Owns only pure string functions; knows nothing of files, tantivy or output.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Returns `text` in NFC with NUL and other control characters removed
/// (newlines and tabs are kept, `\r\n` becomes `\n`).
///
/// Every document and every query goes through this before tokenising:
/// tantivy's tokenizers split NFD text at combining marks, so "Quảng" in
/// NFD would never meet "Quảng" in NFC.
pub fn normalize(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .filter_map(|c| match c {
            '\r' => None,
            '\n' | '\t' => Some(c),
            // Non-breaking and other exotic spaces become plain spaces.
            '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => Some(' '),
            // Zero-width characters, direction marks and the BOM carry no
            // text (and would glue to the words around them).
            '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    cleaned.nfc().collect()
}

/// Folds a string for comparison: NFC, lowercase, diacritics removed,
/// `đ` → `d`. "Phạm Minh Chính" and "pham minh chinh" fold equal.
///
/// ```
/// use newsfind::corpus::text::fold;
/// assert_eq!(fold("Phạm Minh Chính"), "pham minh chinh");
/// assert_eq!(fold("ĐÀ NẴNG"), "da nang");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`] into a reused buffer (cleared first): the per-word loop of
/// snippet highlighting allocates nothing.
pub fn fold_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        out.push_str(text);
        out.make_ascii_lowercase();
        return;
    }
    // Latin and Vietnamese letters fold through a table computed once;
    // anything else takes the general path (NFD, marks removed).
    let (latin, viet) = fold_table();
    for c in text.chars() {
        let cp = c as u32;
        let mapped = match cp {
            0..=0x24F => latin[cp as usize],
            0x1E00..=0x1EFF => viet[(cp - 0x1E00) as usize],
            _ => None,
        };
        match mapped {
            Some(m) => out.push(m),
            None => {
                *out = fold_slow(text);
                return;
            }
        }
    }
}

/// Single-character folds of U+0000–U+024F and U+1E00–U+1EFF.
#[allow(clippy::type_complexity)]
fn fold_table() -> &'static ([Option<char>; 0x250], [Option<char>; 0x100]) {
    static TABLE: std::sync::OnceLock<([Option<char>; 0x250], [Option<char>; 0x100])> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let one = |cp: u32| char::from_u32(cp).and_then(fold_char);
        let mut latin = [None; 0x250];
        let mut viet = [None; 0x100];
        for (i, slot) in latin.iter_mut().enumerate() {
            *slot = one(i as u32);
        }
        for (i, slot) in viet.iter_mut().enumerate() {
            *slot = one(0x1E00 + i as u32);
        }
        (latin, viet)
    })
}

/// What [`fold_slow`] makes of one character, when that is one character:
/// the same decomposition without allocating (the table above is built in
/// every `search` process).
fn fold_char(c: char) -> Option<char> {
    let (mut first, mut count) = (None, 0);
    unicode_normalization::char::decompose_canonical(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        let mut push = |x: char| {
            count += 1;
            first.get_or_insert(x);
        };
        match d {
            'đ' | 'Đ' => push('d'),
            d => d.to_lowercase().for_each(&mut push),
        }
    });
    if count == 1 {
        first
    } else {
        None
    }
}

fn fold_slow(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Folds like [`fold`] and also collapses every run of non-alphanumeric
/// characters to one space, trimming the ends, so "Thừa Thiên-Huế",
/// "Thua Thien - Hue" and "thua thien hue" are equal keys.
pub fn fold_key(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    let mut pending_space = false;
    for c in folded.chars() {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
    }
    out
}

/// The five Vietnamese tone marks as combining characters (grave, acute,
/// tilde, hook above, dot below).
fn is_tone_mark(c: char) -> bool {
    matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')
}

/// Rewrites a lowercase NFC word to the modern ("new-style") tone
/// placement used by our exact-diacritic field: `hoà` → `hòa`,
/// `thuỷ` → `thủy`, `hoè` → `hòe`. Words with a final consonant
/// (`hoàng`, `toán`) are already unambiguous and are left alone.
pub fn modern_tone(word: &str) -> String {
    if !needs_modern_tone(word) {
        return word.to_string();
    }
    // Decompose so the tone mark is a separate character we can move.
    let chars: Vec<char> = word.nfd().collect();
    let Some(tone_at) = chars.iter().position(|&c| is_tone_mark(c)) else {
        return word.to_string();
    };
    // Base letters (without marks) and the index of each base in `chars`.
    let bases: Vec<(usize, char)> = chars
        .iter()
        .enumerate()
        .filter(|(_, c)| !is_combining_mark(**c))
        .map(|(i, c)| (i, *c))
        .collect();
    if bases.len() < 2 {
        return word.to_string();
    }
    let (last_i, last) = bases[bases.len() - 1];
    let (prev_i, prev) = bases[bases.len() - 2];
    let pair_ok = matches!((prev, last), ('o', 'a') | ('o', 'e') | ('u', 'y'));
    // The tone must sit on the last vowel (old style) for us to move it.
    let tone_on_last = tone_at > last_i;
    // "qu" + y is a consonant cluster + vowel ("quý"), not the uy glide.
    let after_q = bases.len() >= 3 && bases[bases.len() - 3].1 == 'q' && prev == 'u';
    if !pair_ok || !tone_on_last || after_q {
        return word.to_string();
    }
    let tone = chars[tone_at];
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == tone_at {
            continue;
        }
        out.push(c);
        // Marks that belong to `prev` come right after it; the tone goes
        // after all of them, before the next base letter.
        let next_is_base = chars.get(i + 1).map(|n| !is_combining_mark(*n)).unwrap_or(true);
        if i >= prev_i && i < last_i && next_is_base {
            out.push(tone);
        }
    }
    out.into_iter().nfc().collect()
}

/// Whether [`modern_tone`] could change `word` (lowercase NFC): only a word
/// ending in o/u + a toned a/e/y can. Cheap: it runs on every token.
pub fn needs_modern_tone(word: &str) -> bool {
    let mut rev = word.chars().rev();
    let (last, prev) = (rev.next(), rev.next());
    matches!(prev, Some('o' | 'u'))
        && matches!(
            last,
            Some('à' | 'á' | 'ả' | 'ã' | 'ạ' | 'è' | 'é' | 'ẻ' | 'ẽ' | 'ẹ' | 'ỳ' | 'ý' | 'ỷ' | 'ỹ' | 'ỵ')
        )
}

/// Replaces terminal control characters and other invisible code points so
/// document text can be printed safely (escape sequences in a document must
/// never reach a terminal raw).
pub fn sanitize_for_terminal(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' => c,
            c if c.is_control() => '\u{fffd}',
            // Bidi overrides can reorder what the user sees.
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// Splits text into sentences at `.`, `!`, `?` followed by whitespace (or a
/// capital letter, since real files lose spaces: "mạng.Theo"), and at line
/// breaks. Returns byte ranges into `text`, trimmed.
pub fn sentence_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let end_here = match c {
            '\n' => Some(i),
            '.' | '!' | '?' | '…' => match iter.peek() {
                Some((_, n)) if n.is_whitespace() => Some(i + c.len_utf8()),
                // "mạng.Theo": a glued sentence start, but not "TP.HCM"
                // (the next letter after the capital is also upper) nor
                // a decimal "5.3".
                Some((j, n)) if n.is_uppercase() => {
                    let after = text[*j + n.len_utf8()..].chars().next();
                    let prev_lower = text[..i].chars().next_back().is_some_and(char::is_lowercase);
                    (prev_lower && after.is_some_and(char::is_lowercase)).then_some(i + c.len_utf8())
                }
                None => Some(i + c.len_utf8()),
                _ => None,
            },
            _ => None,
        };
        if let Some(end) = end_here {
            push_trimmed(text, start..end, &mut out);
            start = end;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, range: std::ops::Range<usize>, out: &mut Vec<std::ops::Range<usize>>) {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// A character's part in a word (the tokenizer splits words at changes).
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Class {
    /// Uppercase letter.
    Upper,
    /// Other letter.
    Lower,
    /// Digit.
    Digit,
    /// Alphanumeric but neither a cased letter nor a digit (CJK, …).
    Other,
    /// Not part of a word.
    Gap,
}

fn class_slow(c: char) -> Class {
    if c.is_numeric() {
        Class::Digit
    } else if c.is_uppercase() {
        Class::Upper
    } else if c.is_alphabetic() {
        Class::Lower
    } else if c.is_alphanumeric() {
        Class::Other
    } else {
        Class::Gap
    }
}

/// Classes of U+0000–U+024F (ASCII and the Latin blocks) and of U+1E00–
/// U+1EFF (Vietnamese letters with tone marks), computed once: the Unicode
/// table look-ups behind `char::is_uppercase` and friends dominated the
/// cost of tokenising Vietnamese text.
fn class_table() -> &'static ([Class; 0x250], [Class; 0x100]) {
    static TABLE: std::sync::OnceLock<([Class; 0x250], [Class; 0x100])> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut latin = [Class::Gap; 0x250];
        let mut viet = [Class::Gap; 0x100];
        for (i, slot) in latin.iter_mut().enumerate() {
            *slot = char::from_u32(i as u32).map_or(Class::Gap, class_slow);
        }
        for (i, slot) in viet.iter_mut().enumerate() {
            *slot = char::from_u32(0x1E00 + i as u32).map_or(Class::Gap, class_slow);
        }
        (latin, viet)
    })
}

/// `char::is_alphanumeric`, from the class table for Latin and Vietnamese
/// letters (the Unicode look-up was the largest single cost of extraction
/// on Vietnamese text).
pub fn is_alnum(c: char) -> bool {
    class(c) != Class::Gap
}

/// `char::is_alphabetic`, from the class table for Latin and Vietnamese
/// letters.
pub fn is_alpha(c: char) -> bool {
    match c as u32 {
        0..=0x24F | 0x1E00..=0x1EFF => matches!(class(c), Class::Upper | Class::Lower),
        _ => c.is_alphabetic(),
    }
}

pub(crate) fn class(c: char) -> Class {
    let cp = c as u32;
    let (latin, viet) = class_table();
    match cp {
        0..=0x24F => latin[cp as usize],
        0x1E00..=0x1EFF => viet[(cp - 0x1E00) as usize],
        _ => class_slow(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_composes_nfd_vietnamese() {
        let nfd: String = "Quảng Ninh".nfd().collect();
        assert_ne!(nfd, "Quảng Ninh");
        assert_eq!(normalize(&nfd), "Quảng Ninh");
    }

    #[test]
    fn normalize_drops_nul_and_escape_but_keeps_newlines() {
        assert_eq!(normalize("a\0b\x1b[31mc\r\nd\u{feff}"), "ab[31mc\nd");
    }

    #[test]
    fn fold_removes_vietnamese_diacritics_and_d_stroke() {
        assert_eq!(fold("Phạm Minh Chính"), "pham minh chinh");
        assert_eq!(fold("Đà Nẵng"), "da nang");
        assert_eq!(fold("ĐẮK LẮK"), "dak lak");
    }

    #[test]
    fn fold_key_equates_dash_and_space_variants() {
        assert_eq!(fold_key("Thừa Thiên – Huế"), "thua thien hue");
        assert_eq!(fold_key("Thua Thien-Hue"), "thua thien hue");
        assert_eq!(fold_key("  TP. HCM "), "tp hcm");
    }

    #[test]
    fn modern_tone_moves_old_style_marks() {
        assert_eq!(modern_tone("hoà"), "hòa");
        assert_eq!(modern_tone("thuỷ"), "thủy");
        assert_eq!(modern_tone("khoẻ"), "khỏe");
        assert_eq!(modern_tone("hòa"), "hòa");
    }

    #[test]
    fn modern_tone_leaves_closed_syllables_and_qu_alone() {
        assert_eq!(modern_tone("hoàng"), "hoàng");
        assert_eq!(modern_tone("quý"), "quý");
        assert_eq!(modern_tone("toán"), "toán");
        assert_eq!(modern_tone("ma"), "ma");
    }

    #[test]
    fn sanitize_replaces_escape_sequences() {
        assert_eq!(sanitize_for_terminal("a\x1b[2Jb"), "a\u{fffd}[2Jb");
    }

    #[test]
    fn sentences_split_on_glued_full_stops_but_not_abbreviations() {
        let text = "Xin chào mạng.Theo cơ quan TP.HCM cho biết. Hết";
        let parts: Vec<&str> = sentence_ranges(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(parts, vec!["Xin chào mạng.", "Theo cơ quan TP.HCM cho biết.", "Hết"]);
    }

    #[test]
    fn the_fold_table_agrees_with_the_general_fold() {
        for cp in (0..0x250).chain(0x1E00..0x1F00) {
            let Some(c) = char::from_u32(cp) else { continue };
            let general = fold_slow(&c.to_string());
            let one = (general.chars().count() == 1).then(|| general.chars().next()).flatten();
            assert_eq!(fold_char(c), one, "U+{cp:04X}");
        }
    }

    #[test]
    fn table_letter_tests_agree_with_the_standard_library() {
        for cp in (0..0x250).chain(0x1E00..0x1F00).chain([0x2160, 0x3042, 0x0660]) {
            let Some(c) = char::from_u32(cp) else { continue };
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "U+{cp:04X}");
            assert_eq!(is_alpha(c), c.is_alphabetic(), "U+{cp:04X}");
        }
    }
}
