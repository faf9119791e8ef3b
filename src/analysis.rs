//! Text analysis: the tokenizers every index and every query must share.
//!
//! tantivy stores only a tokenizer's *name* in the schema, so every process
//! that opens an index calls [`register`] before it indexes or parses a query
//! (TANTIVY-NOTES pitfall 3). Owns tokenisation only; field names live in
//! `schema.rs`.
//!
//! One tokenizer, [`NewsTokenizer`], splits like tantivy's `SimpleTokenizer`
//! (runs of alphanumerics) and also at the places where real news files lose
//! their spaces: a lower→upper case change ("People’sCommittee",
//! "ofThua"), the end of an upper-case run before a capitalised word
//! ("TP.HCMCơ" → "TP", "HCM", "Cơ") and a digit↔letter change
//! ("63provinces"). Offsets stay those of the stored text, so highlighting
//! works on what the user reads. It lowercases and moves old-style tone
//! marks to the modern place (hoà → hòa), so the exact-diacritic field
//! treats both spellings as one word.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, RemoveLongFilter, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer,
};
use tantivy::Index;

use crate::corpus::text::{class, modern_tone, needs_modern_tone, Class};

/// Lowercase + ASCII-folded: "Quảng" → "quang". Used by `title`/`body`.
pub const FOLD: &str = "nf_fold";
/// Lowercase, diacritics kept (tone placement normalised). Used by the
/// `*_exact` fields so a query typed with accents can prefer exact matches.
pub const EXACT: &str = "nf_exact";
/// Folded and English-stemmed, for English documents only.
pub const STEM: &str = "nf_stem";
/// Whole value, lowercased and folded: entity and keyword filters.
pub const KEYWORD: &str = "nf_keyword";

/// Tokens longer than this many bytes are dropped (URLs glued into text, base64 …).
pub const MAX_TOKEN_BYTES: usize = 40;

/// Registers every analyzer on `index`. Call before indexing or parsing.
pub fn register(index: &Index) {
    let manager = index.tokenizers();
    manager.register(FOLD, fold_analyzer());
    manager.register(EXACT, exact_analyzer());
    manager.register(STEM, stem_analyzer());
    manager.register(KEYWORD, keyword_analyzer());
}

/// The keyword analyzer: the whole value as one token, lowercased and
/// folded ("Phạm Minh Chính" → "pham minh chinh").
pub fn keyword_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(tantivy::tokenizer::RawTokenizer::default())
        .filter(tantivy::tokenizer::LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The folding analyzer (also used to highlight snippets).
pub fn fold_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(NewsTokenizer)
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(AsciiFoldingFilter)
        .build()
}

/// The exact-diacritic analyzer.
pub fn exact_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(NewsTokenizer)
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .build()
}

/// The English stemming analyzer (folded first).
pub fn stem_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(NewsTokenizer)
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// Splits news text into lowercase words, also at lost-space boundaries.
#[derive(Clone, Default)]
pub struct NewsTokenizer;

/// The token stream of [`NewsTokenizer`]: tokens are computed up front.
pub struct NewsTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl Tokenizer for NewsTokenizer {
    type TokenStream<'a> = NewsTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> NewsTokenStream {
        NewsTokenStream {
            tokens: split_words(text),
            next: 0,
        }
    }
}

impl TokenStream for NewsTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next.saturating_sub(1).min(self.tokens.len().saturating_sub(1))]
    }

    fn token_mut(&mut self) -> &mut Token {
        let i = self.next.saturating_sub(1).min(self.tokens.len().saturating_sub(1));
        &mut self.tokens[i]
    }
}

/// The word splitter behind [`NewsTokenizer`]. Public for tests.
pub fn split_words(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 6);
    for_each_word(text, |range, word| {
        tokens.push(Token {
            offset_from: range.start,
            offset_to: range.end,
            position: tokens.len(),
            text: word.to_string(),
            position_length: 1,
        });
    });
    tokens
}

/// Calls `visit` with the byte range and the lowercase, modern-tone form of
/// each word of `text`, in order — the words [`split_words`] returns,
/// without allocating a string per word (snippet highlighting runs this over
/// whole article bodies on every search).
pub fn for_each_word(text: &str, mut visit: impl FnMut(std::ops::Range<usize>, &str)) {
    let chars: Vec<(usize, char, Class)> = text.char_indices().map(|(i, c)| (i, c, class(c))).collect();
    let mut buf = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].2 == Class::Gap {
            i += 1;
            continue;
        }
        let run_start = i;
        while i < chars.len() && chars[i].2 != Class::Gap {
            i += 1;
        }
        // Split the alphanumeric run chars[run_start..i] at glue boundaries.
        let mut piece_start = run_start;
        for k in run_start + 1..i {
            let (a, b) = (chars[k - 1].2, chars[k].2);
            let boundary = match (a, b) {
                (Class::Lower, Class::Upper) => true,
                (Class::Digit, Class::Lower | Class::Upper) | (Class::Lower | Class::Upper, Class::Digit) => true,
                // "HCMCơ": split before the capital that starts a word, but
                // keep plurals of acronyms ("SMEs") whole.
                (Class::Upper, Class::Upper) => {
                    let next = chars.get(k + 1).filter(|_| k + 1 < i);
                    let tail_is_plural_s = next.is_some_and(|n| n.1 == 's')
                        && chars
                            .get(k + 2)
                            .is_none_or(|c| k + 2 >= i || !matches!(c.2, Class::Upper | Class::Lower));
                    next.is_some_and(|n| n.2 == Class::Lower) && !tail_is_plural_s
                }
                _ => false,
            };
            if boundary {
                emit_word(text, &chars, piece_start, k, &mut buf, &mut visit);
                piece_start = k;
            }
        }
        emit_word(text, &chars, piece_start, i, &mut buf, &mut visit);
    }
}

fn emit_word(
    text: &str,
    chars: &[(usize, char, Class)],
    from: usize,
    to: usize,
    buf: &mut String,
    visit: &mut impl FnMut(std::ops::Range<usize>, &str),
) {
    let offset_from = chars[from].0;
    let offset_to = chars.get(to).map(|c| c.0).unwrap_or(text.len());
    let raw = &text[offset_from..offset_to];
    // Most words are already lowercase: skip the case-mapping tables then.
    let has_upper = chars[from..to].iter().any(|c| c.2 == Class::Upper);
    buf.clear();
    match (raw.is_ascii(), has_upper) {
        (true, true) => {
            buf.push_str(raw);
            buf.make_ascii_lowercase();
        }
        (_, false) => buf.push_str(raw),
        (false, true) => buf.push_str(&raw.to_lowercase()),
    }
    if !buf.is_ascii() && needs_modern_tone(buf) {
        *buf = modern_tone(buf);
    }
    visit(offset_from..offset_to, buf);
}

/// Runs `analyzer` over `text` and returns the token texts (for tests,
/// query analysis reports and snippet matching).
pub fn token_texts(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(token) = stream.next() {
        out.push(token.text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        split_words(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn splits_lost_spaces_at_case_changes() {
        assert_eq!(words("People’sCommittee"), ["people", "s", "committee"]);
        assert_eq!(words("ofThua Thien-Hue"), ["of", "thua", "thien", "hue"]);
    }

    #[test]
    fn splits_upper_run_before_capitalised_word_but_keeps_acronym_plurals() {
        assert_eq!(words("TP.HCMCơ"), ["tp", "hcm", "cơ"]);
        assert_eq!(words("SMEs and DTIs"), ["smes", "and", "dtis"]);
    }

    #[test]
    fn splits_digits_glued_to_words() {
        assert_eq!(words("63provinces"), ["63", "provinces"]);
        assert_eq!(words("nghệ13/11/2024"), ["nghệ", "13", "11", "2024"]);
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "Bộ Khoa họcX";
        let tokens = split_words(text);
        assert_eq!(&text[tokens[1].offset_from..tokens[1].offset_to], "Khoa");
        assert_eq!(&text[tokens[2].offset_from..tokens[2].offset_to], "học");
    }

    #[test]
    fn exact_analyzer_unifies_tone_placement() {
        let mut a = exact_analyzer();
        assert_eq!(token_texts(&mut a, "Hoà Bình"), ["hòa", "bình"]);
        assert_eq!(token_texts(&mut a, "Hòa Bình"), ["hòa", "bình"]);
    }

    #[test]
    fn fold_analyzer_folds_vietnamese() {
        let mut a = fold_analyzer();
        assert_eq!(
            token_texts(&mut a, "Đà Nẵng Quảng Ninh"),
            ["da", "nang", "quang", "ninh"]
        );
    }

    #[test]
    fn stem_analyzer_stems_english() {
        let mut a = stem_analyzer();
        assert_eq!(token_texts(&mut a, "ministers organized"), ["minist", "organiz"]);
    }
}
