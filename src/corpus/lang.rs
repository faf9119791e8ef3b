//! Language detection (whatlang) on an article's clean body.
//!
//! Owns the mapping from whatlang's ISO 639-3 codes to the short codes we
//! store (`en`, `vi`, …). Detection runs on the body, never on a banner or
//! a title alone, and on at most the first few thousand characters: more
//! text does not change the answer and costs time.

/// The detected language and whatlang's confidence in it (0–1).
#[derive(Debug, Clone, PartialEq)]
pub struct Detected {
    /// ISO 639-1 code where one exists (`en`, `vi`), else ISO 639-3; `und`
    /// when nothing could be detected.
    pub code: String,
    /// whatlang's confidence, 0 when undetected.
    pub confidence: f64,
}

/// Below this whatlang confidence the language is `und` (undetermined).
const MIN_CONFIDENCE: f64 = 0.5;

/// Characters of body text given to whatlang.
const SAMPLE_CHARS: usize = 4000;

/// Detects the language of `body`.
pub fn detect(body: &str) -> Detected {
    let sample: String = body.chars().take(SAMPLE_CHARS).collect();
    match whatlang::detect(&sample) {
        // A guess on a few words ("Evil title body text." → Afrikaans) is
        // worse than no answer: filters would silently miss the article.
        Some(info) if info.confidence() < MIN_CONFIDENCE => Detected {
            code: "und".to_string(),
            confidence: info.confidence(),
        },
        Some(info) => Detected {
            code: short_code(info.lang().code()).to_string(),
            confidence: info.confidence(),
        },
        None => Detected {
            code: "und".to_string(),
            confidence: 0.0,
        },
    }
}

/// Maps an ISO 639-3 code to ISO 639-1 for the languages news comes in;
/// other codes pass through unchanged.
pub fn short_code(code3: &str) -> &str {
    // Every language whatlang 0.16 detects, ISO 639-3 → ISO 639-1.
    const CODES: &[(&str, &str)] = &[
        ("afr", "af"),
        ("aka", "ak"),
        ("amh", "am"),
        ("arb", "ar"),
        ("ara", "ar"),
        ("aze", "az"),
        ("bel", "be"),
        ("ben", "bn"),
        ("bul", "bg"),
        ("cat", "ca"),
        ("ces", "cs"),
        ("cmn", "zh"),
        ("zho", "zh"),
        ("dan", "da"),
        ("deu", "de"),
        ("ell", "el"),
        ("eng", "en"),
        ("epo", "eo"),
        ("est", "et"),
        ("fin", "fi"),
        ("fra", "fr"),
        ("guj", "gu"),
        ("heb", "he"),
        ("hin", "hi"),
        ("hrv", "hr"),
        ("hun", "hu"),
        ("hye", "hy"),
        ("ind", "id"),
        ("ita", "it"),
        ("jav", "jv"),
        ("jpn", "ja"),
        ("kan", "kn"),
        ("kat", "ka"),
        ("khm", "km"),
        ("kor", "ko"),
        ("lao", "lo"),
        ("lat", "la"),
        ("lav", "lv"),
        ("lit", "lt"),
        ("mal", "ml"),
        ("mar", "mr"),
        ("mkd", "mk"),
        ("mya", "my"),
        ("nep", "ne"),
        ("nld", "nl"),
        ("nob", "nb"),
        ("nor", "no"),
        ("ori", "or"),
        ("pan", "pa"),
        ("pes", "fa"),
        ("fas", "fa"),
        ("pol", "pl"),
        ("por", "pt"),
        ("ron", "ro"),
        ("rus", "ru"),
        ("sin", "si"),
        ("slk", "sk"),
        ("slv", "sl"),
        ("sna", "sn"),
        ("spa", "es"),
        ("srp", "sr"),
        ("swe", "sv"),
        ("tam", "ta"),
        ("tel", "te"),
        ("tgl", "tl"),
        ("tha", "th"),
        ("tuk", "tk"),
        ("tur", "tr"),
        ("ukr", "uk"),
        ("urd", "ur"),
        ("uzb", "uz"),
        ("vie", "vi"),
        ("yid", "yi"),
        ("zul", "zu"),
    ];
    CODES
        .iter()
        .find(|(c3, _)| *c3 == code3)
        .map(|(_, c1)| *c1)
        .unwrap_or(code3)
}

/// Normalises a language given in metadata (`English`, `en-US`, `vie`,
/// `vi_VN`) to the stored code.
pub fn normalize_code(given: &str) -> Option<String> {
    let g = given.trim().to_ascii_lowercase();
    let head: String = g.chars().take_while(char::is_ascii_alphabetic).collect();
    let code = match head.as_str() {
        "english" => "en",
        "vietnamese" => "vi",
        "" => return None,
        h if h.len() == 2 => h,
        h if h.len() == 3 => short_code(h),
        _ => return None,
    };
    Some(code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_english_and_vietnamese() {
        let en = detect("The Prime Minister chaired the meeting on digital transformation in the province.");
        let vi = detect("Thủ tướng Chính phủ chủ trì hội nghị về chuyển đổi số tại tỉnh Quảng Ninh.");
        assert_eq!((en.code.as_str(), vi.code.as_str()), ("en", "vi"));
        assert!(en.confidence > 0.5);
    }

    #[test]
    fn unsure_guesses_are_undetermined_and_codes_are_two_letters() {
        assert_eq!(detect("Evil title body text.").code, "und");
        assert_eq!(short_code("swe"), "sv");
        assert_eq!(short_code("tur"), "tr");
    }

    #[test]
    fn empty_text_is_undetermined() {
        assert_eq!(detect("").code, "und");
    }

    #[test]
    fn metadata_codes_normalise() {
        assert_eq!(normalize_code("en-US").as_deref(), Some("en"));
        assert_eq!(normalize_code("vie").as_deref(), Some("vi"));
        assert_eq!(normalize_code("Vietnamese").as_deref(), Some("vi"));
        assert_eq!(normalize_code("  ").as_deref(), None);
    }
}
