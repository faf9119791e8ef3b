//! HTML → article text (interim: tag stripping; replaced by the measured extractor).

/// What could be read from one HTML page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlArticle {
    /// Title.
    pub title: Option<String>,
    /// Body.
    pub body: String,
    /// Published date as found.
    pub published: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Site name.
    pub site_name: Option<String>,
    /// Language.
    pub lang: Option<String>,
}

/// Extracts an article from HTML.
pub fn extract(html: &str) -> HtmlArticle {
    let mut body = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => body.push(c),
            _ => {}
        }
    }
    HtmlArticle {
        body,
        ..Default::default()
    }
}
