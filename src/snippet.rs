//! Snippets: sentence-bounded fragments of the stored body with the matched
//! words highlighted.
//!
//! tantivy's `SnippetGenerator` gives one fragment, keeps only terms of the
//! field it was built for, and returns nothing when a match came through
//! another field (TANTIVY-NOTES pitfall 5). We instead take the query's
//! terms for each analyzer (folded, exact, stemmed), run the same analyzers
//! over the stored text, and mark every token whose analysed form is a query
//! term. Offsets come from the stored text, so "quang ninh" highlights
//! "Quảng Ninh" and "ministers" highlights via the stem. Never empty: with
//! nothing to highlight, the lead sentences are shown.

use std::collections::HashSet;
use std::ops::Range;

use serde::Serialize;
use tantivy::tokenizer::TextAnalyzer;

use crate::analysis;
use crate::corpus::text::{fold_into, sentence_ranges};

/// Query terms by analyzer.
#[derive(Debug, Clone, Default)]
pub struct QueryTerms {
    /// Terms of folded fields (title, body).
    pub folded: HashSet<String>,
    /// Terms of exact-diacritic fields.
    pub exact: HashSet<String>,
    /// Terms of the stemmed field.
    pub stemmed: HashSet<String>,
    /// Folded prefixes (`word*` queries): any folded token starting with one.
    pub prefixes: Vec<String>,
}

impl QueryTerms {
    /// No term at all (a filter-only query).
    pub fn is_empty(&self) -> bool {
        self.folded.is_empty() && self.exact.is_empty() && self.stemmed.is_empty() && self.prefixes.is_empty()
    }
}

/// A snippet: text plus highlighted ranges.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Snippet {
    /// The fragment text (fragments joined with " … ").
    pub text: String,
    /// Highlighted ranges as `[start, end)` **character** offsets into `text`.
    pub highlights: Vec<[usize; 2]>,
}

/// Builds snippets for one query; reuse it for every hit.
pub struct Snippeter {
    terms: QueryTerms,
    /// Reused buffer for each word's folded form.
    fold_buf: String,
    stem: TextAnalyzer,
    stemming: bool,
    /// Most fragments per snippet.
    pub fragments: usize,
    /// Longest fragment, in characters.
    pub fragment_chars: usize,
}

fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

impl Snippeter {
    /// A snippet builder for these query terms.
    pub fn new(terms: QueryTerms, fragments: usize) -> Snippeter {
        Snippeter {
            fold_buf: String::new(),
            terms,
            stem: analysis::stem_analyzer(),
            stemming: true,
            fragments: fragments.max(1),
            fragment_chars: 220,
        }
    }

    /// Whether the text being highlighted was indexed with English stems
    /// (English articles); default true.
    pub fn set_stemming(&mut self, on: bool) {
        self.stemming = on;
    }

    /// Byte ranges of the matched words in `text`.
    pub fn matches(&mut self, text: &str) -> Vec<Range<usize>> {
        let mut ranges = Vec::new();
        // One pass of the word splitter serves every kind of term: exact
        // (the splitter's own output), folded and prefix (folded per
        // token), and English stems — only English articles fill the
        // stemmed field, and a word is stemmed only when it starts like a
        // query stem (snowball stems keep the word's first letters), since
        // running the stemmer over every word was the costliest step.
        let stemming = self.stemming && !self.terms.stemmed.is_empty();
        let stem_heads: Vec<String> = self.terms.stemmed.iter().map(|s| s.chars().take(3).collect()).collect();
        let (terms, fold_buf, stem) = (&self.terms, &mut self.fold_buf, &mut self.stem);
        analysis::for_each_word(text, |range, word| {
            if word.len() > analysis::MAX_TOKEN_BYTES {
                return;
            }
            fold_into(word, fold_buf);
            let folded = fold_buf.as_str();
            // A query has a handful of terms: comparing each costs less
            // than hashing every word of the body.
            let hit = terms.exact.iter().any(|e| e == word)
                || terms.folded.iter().any(|f| f == folded)
                || terms.prefixes.iter().any(|p| folded.starts_with(p.as_str()))
                || (stemming
                    && stem_heads.iter().any(|h| folded.starts_with(h.as_str()))
                    && analysis::token_texts(stem, folded)
                        .first()
                        .is_some_and(|s| terms.stemmed.contains(s)));
            if hit {
                ranges.push(range);
            }
        });
        merge(ranges)
    }

    /// Highlights a short text (a title) without cutting it.
    pub fn highlight_whole(&mut self, text: &str) -> Snippet {
        let ranges = self.matches(text);
        let whole = std::iter::once(0..text.len()).collect::<Vec<_>>();
        to_snippet(text, &whole, &ranges)
    }

    /// The snippet of a body.
    pub fn snippet(&mut self, body: &str) -> Snippet {
        let matches = self.matches(body);
        let sentences = sentence_ranges(body);
        if sentences.is_empty() {
            return Snippet {
                text: String::new(),
                highlights: Vec::new(),
            };
        }
        // Score each sentence: distinct matched words count most.
        let mut scored: Vec<(usize, f64)> = Vec::new();
        for (i, s) in sentences.iter().enumerate() {
            let inside: Vec<&Range<usize>> = matches
                .iter()
                .filter(|m| m.start >= s.start && m.end <= s.end)
                .collect();
            if inside.is_empty() {
                continue;
            }
            let distinct: HashSet<String> = inside.iter().map(|m| body[(*m).clone()].to_lowercase()).collect();
            scored.push((i, distinct.len() as f64 * 10.0 + inside.len() as f64));
        }
        let chosen: Vec<usize> = if scored.is_empty() {
            // Nothing to highlight: the lead sentence(s).
            vec![0]
        } else {
            scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let mut picked: Vec<usize> = scored.iter().take(self.fragments).map(|s| s.0).collect();
            picked.sort();
            picked
        };
        let windows: Vec<Range<usize>> = chosen
            .iter()
            .map(|&i| self.window(body, &sentences[i], &matches))
            .collect();
        to_snippet(body, &windows, &matches)
    }

    /// Cuts a long sentence to `fragment_chars` around its first match,
    /// at word boundaries.
    fn window(&self, body: &str, sentence: &Range<usize>, matches: &[Range<usize>]) -> Range<usize> {
        let s = &body[sentence.clone()];
        if s.chars().count() <= self.fragment_chars {
            return sentence.clone();
        }
        let first = matches
            .iter()
            .find(|m| m.start >= sentence.start && m.end <= sentence.end)
            .map(|m| m.start)
            .unwrap_or(sentence.start);
        // Start a little before the first match, at a space.
        let lead_chars = self.fragment_chars / 4;
        let mut start = first;
        let mut n = 0;
        for (i, _) in body[sentence.start..first].char_indices().rev() {
            n += 1;
            start = sentence.start + i;
            if n >= lead_chars {
                break;
            }
        }
        if start > sentence.start {
            if let Some(sp) = body[start..first].find(' ') {
                start += sp + 1;
            }
        }
        let mut end = start;
        for (count, (i, c)) in body[start..sentence.end].char_indices().enumerate() {
            end = start + i + c.len_utf8();
            if count + 1 >= self.fragment_chars {
                break;
            }
        }
        if end < sentence.end {
            if let Some(sp) = body[start..end].rfind(' ') {
                end = start + sp;
            }
        }
        start..end
    }
}

/// Joins windows with " … " and maps highlight byte ranges to char offsets.
fn to_snippet(body: &str, windows: &[Range<usize>], matches: &[Range<usize>]) -> Snippet {
    let mut text = String::new();
    let mut highlights: Vec<[usize; 2]> = Vec::new();
    let mut chars_so_far = 0usize;
    for (k, w) in windows.iter().enumerate() {
        if k > 0 {
            text.push_str(" … ");
            chars_so_far += 3;
        }
        let piece = &body[w.clone()];
        let mut prev_end: Option<usize> = None;
        for m in matches.iter().filter(|m| m.start >= w.start && m.end <= w.end) {
            let start = chars_so_far + body[w.start..m.start].chars().count();
            let len = body[m.clone()].chars().count();
            // Matched words a space apart read as one phrase: one highlight.
            let joined = prev_end.is_some_and(|e| body[e..m.start].chars().all(|c| c == ' ' || c == '\u{a0}'));
            match highlights.last_mut() {
                Some(last) if joined => last[1] = start + len,
                _ => highlights.push([start, start + len]),
            }
            prev_end = Some(m.end);
        }
        chars_so_far += piece.chars().count();
        text.push_str(piece);
    }
    Snippet { text, highlights }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(folded: &[&str]) -> QueryTerms {
        QueryTerms {
            folded: folded.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        }
    }

    fn highlighted(s: &Snippet) -> Vec<String> {
        s.highlights
            .iter()
            .map(|[a, b]| s.text.chars().skip(*a).take(b - a).collect())
            .collect()
    }

    #[test]
    fn adjacent_matched_words_are_one_highlight() {
        let mut sn = Snippeter::new(terms(&["quang", "ninh"]), 2);
        let s = sn.snippet("Ninh Binh and Quảng Ninh met. Quang, Ninh.");
        assert_eq!(highlighted(&s), ["Ninh", "Quảng Ninh", "Quang", "Ninh"]);
    }

    #[test]
    fn ascii_query_highlights_diacritic_text() {
        let mut sn = Snippeter::new(terms(&["quang", "ninh"]), 2);
        let s = sn.snippet("Tỉnh Quảng Ninh đẩy mạnh chuyển đổi số.");
        assert_eq!(highlighted(&s), ["Quảng Ninh"]);
    }

    #[test]
    fn picks_the_sentence_with_the_most_distinct_terms() {
        let mut sn = Snippeter::new(terms(&["digital", "economy"]), 1);
        let s = sn.snippet("Nothing here. The digital world. The digital economy grows. Digital again.");
        assert_eq!(s.text, "The digital economy grows.");
    }

    #[test]
    fn stemmed_terms_highlight_inflected_words() {
        let q = QueryTerms {
            stemmed: ["minist".to_string()].into_iter().collect(),
            ..Default::default()
        };
        let s = Snippeter::new(q, 1).snippet("The ministers met.");
        assert_eq!(highlighted(&s), ["ministers"]);
    }

    #[test]
    fn no_match_falls_back_to_the_lead_sentence() {
        let s = Snippeter::new(terms(&["absent"]), 2).snippet("First sentence. Second one.");
        assert_eq!(s.text, "First sentence.");
        assert!(s.highlights.is_empty());
    }

    #[test]
    fn long_sentences_are_cut_around_the_match() {
        let body = format!("{} target {}", "word ".repeat(200), "more ".repeat(200));
        let s = Snippeter::new(terms(&["target"]), 1).snippet(&body);
        assert!(s.text.chars().count() <= 220);
        assert_eq!(highlighted(&s), ["target"]);
    }
}
