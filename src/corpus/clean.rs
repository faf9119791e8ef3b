//! Turning a raw text file into headline, clean body and the bits of
//! metadata that hide in its lines: site banner, byline stamp, dateline
//! source prefix, trailing source URL, and the site chrome after the end of
//! the article ("Comment (0)", "Same tag", "No data", related links).
//!
//! Owns line-level layout rules only; knows nothing of tantivy or output.

use crate::corpus::date;

/// What the layout rules found in a text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    /// The headline, when the text has one.
    pub title: Option<String>,
    /// Clean body paragraphs joined with `\n`.
    pub body: String,
    /// A URL from a trailing "Source: https://…" line.
    pub url: Option<String>,
    /// A publisher from a "(site.gov.vn) -" dateline or a site banner.
    pub source: Option<String>,
    /// Short lines that carried a date (bylines, stamps), removed from the body.
    pub stamps: Vec<String>,
}

/// Lines that end the article: everything after them is site chrome.
const END_MARKERS: &[&str] = &[
    "comment",
    "comments",
    "same tag",
    "same category",
    "same author",
    "related news",
    "related articles",
    "read more",
    "tin liên quan",
    "tin cùng chuyên mục",
    "bình luận",
    "xem thêm",
    "cùng chuyên mục",
];

/// Whole lines that are chrome wherever they stand.
const CHROME_LINES: &[&str] = &[
    "img",
    "image",
    "photo",
    "no data",
    "share",
    "tweet",
    "print",
    "email",
    "facebook",
    "zalo",
    "twitter",
    "back to top",
    "advertisement",
    "quảng cáo",
    "no videos available",
    "video",
    "chia sẻ",
    "in bài",
    "lên đầu trang",
    "theo dõi",
    "follow",
];

fn norm_line(line: &str) -> String {
    line.trim().trim_end_matches(':').to_lowercase()
}

/// "Comment (0)", "Comments (12)", "Bình luận (3)" → the marker word.
fn is_end_marker(line: &str) -> bool {
    let n = norm_line(line);
    let head = n.split('(').next().unwrap_or("").trim();
    END_MARKERS.contains(&head) && (n == head || n.ends_with(')'))
}

fn is_chrome(line: &str) -> bool {
    let n = norm_line(line);
    CHROME_LINES.contains(&n.as_str()) || n.chars().all(|c| !crate::corpus::text::is_alnum(c))
}

/// A domain-like word: `binhdinh.gov.vn`, `Vietnam.vn`, `www.x.com`.
fn is_domain(word: &str) -> bool {
    let w = word.trim_matches(|c: char| c == '(' || c == ')' || c == '[' || c == ']');
    let parts: Vec<&str> = w.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && parts
            .last()
            .is_some_and(|tld| (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// "Vietnam.vn - Nền tảng quảng bá Việt Nam": a banner naming the site.
fn banner_site(line: &str) -> Option<String> {
    let t = line.trim();
    for sep in [" - ", " | ", " – ", " — "] {
        if let Some((left, _)) = t.split_once(sep) {
            if is_domain(left.trim()) {
                return Some(left.trim().to_string());
            }
        }
    }
    None
}

/// "(binhdinh.gov.vn) - On the morning …" → ("binhdinh.gov.vn", rest).
fn dateline_source(line: &str) -> Option<(String, String)> {
    let t = line.trim_start();
    let rest = t.strip_prefix('(')?;
    let close = rest.find(')')?;
    let site = &rest[..close];
    if !is_domain(site) && site.split_whitespace().count() > 4 {
        return None;
    }
    let after = rest[close + 1..].trim_start();
    let after = after
        .strip_prefix('-')
        .or_else(|| after.strip_prefix('–'))
        .or_else(|| after.strip_prefix('—'))?;
    Some((site.trim().to_string(), after.trim_start().to_string()))
}

/// "Source: https://…" / "Nguồn: https://…" → the URL.
fn source_url(line: &str) -> Option<String> {
    let t = line.trim();
    let lower = t.to_lowercase();
    let rest = ["source:", "nguồn:", "theo:", "link:", "url:"]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| t[p.len()..].trim()))?;
    (rest.starts_with("http://") || rest.starts_with("https://"))
        .then(|| rest.split_whitespace().next().unwrap_or(rest).to_string())
}

/// A short line that is mostly a date: a byline stamp.
fn is_stamp(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() <= 120
        && !date::find_explicit(t).is_empty()
        && !t.ends_with('.')
        && t.split_whitespace().count() <= 14
}

/// A line that reads as a headline: short, no final full stop, not a
/// dateline, and followed by more text.
fn looks_like_title(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    let chars = t.chars().count();
    (2..=35).contains(&words)
        && chars <= 250
        && !t.ends_with('.')
        && !t.ends_with(',')
        && !t.ends_with(':')
        && !t.ends_with(';')
        && !t.starts_with('(')
        && t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric() || c == '"' || c == '“')
}

/// Splits a normalised text file into its parts.
pub fn layout(text: &str) -> Layout {
    let mut out = Layout::default();
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if !lines.is_empty() && is_end_marker(t) {
            break;
        }
        if let Some(url) = source_url(t) {
            out.url = Some(url);
            continue;
        }
        if is_chrome(t) {
            continue;
        }
        lines.push(t.to_string());
    }
    // A site banner before the headline.
    if let Some(site) = lines.first().and_then(|l| banner_site(l)) {
        out.source = Some(site);
        lines.remove(0);
    }
    // Byline/date stamps among the first lines (before and after the title).
    let mut k = 0;
    while k < lines.len().min(4) {
        if is_stamp(&lines[k]) {
            out.stamps.push(lines.remove(k));
        } else {
            k += 1;
        }
    }
    // A date stamp closing the article (baomoi: "… 13/11/2016").
    if lines.len() > 1 && lines.last().is_some_and(|l| is_stamp(l)) {
        if let Some(l) = lines.pop() {
            out.stamps.push(l);
        }
    }
    if lines.len() > 1 && looks_like_title(&lines[0]) {
        out.title = Some(lines.remove(0));
    }
    // A dateline source prefix on the first body paragraph.
    if let Some(first) = lines.first_mut() {
        if let Some((site, rest)) = dateline_source(first) {
            out.source = Some(site);
            *first = rest;
        }
    }
    out.body = lines.join("\n");
    out
}

/// Where a charity appeal's fixed block begins: the fund's own address,
/// its bank accounts and the paper's regional offices, printed under every
/// appeal ("Mọi đóng góp xin gửi về: 1. `<beneficiary>` 2. Quỹ … Tài khoản …").
const DONATION_BLOCK: &[&str] = &[
    "Bạn đọc ủng hộ qua",
    "Quỹ Nhân ái -",
    "Tài khoản VNĐ",
    "Tài khoản VND",
    "Văn phòng đại diện của báo",
];

/// The call that opens a charity appeal's donation details.
const DONATION_CALL: &[&str] = &["xin gửi về", "ủng hộ xin gửi", "đóng góp xin gửi"];

/// Cuts the fixed donation block off a charity appeal; the beneficiary
/// line before it stays.
fn cut_donation_block(body: &str) -> &str {
    let Some(call) = DONATION_CALL.iter().filter_map(|c| body.find(c)).min() else {
        return body;
    };
    let rest = &body[call..];
    match DONATION_BLOCK.iter().filter_map(|m| rest.find(m)).min() {
        Some(i) => &body[..call + i],
        None => body,
    }
}

/// A line that only links to another article: "> Xem chi tiết",
/// ">> Xem thêm: …", "-> …", "=> …".
fn is_link_line(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('>') || t.starts_with("->") || t.starts_with("=>") || t.starts_with("»")
}

/// The text after a related-article teaser when a long "link" line is the
/// teaser glued to the article (">> Kiểm tra thủy điện: Lãnh đạo huyện
/// không được mời!Minh họa: …Có lỗi thì …"): from the first sentence end
/// followed by a capital. A link line is short; a long one lost its break.
fn after_teaser(line: &str) -> Option<&str> {
    const LONGEST_LINK: usize = 250;
    if line.len() <= LONGEST_LINK {
        return None;
    }
    for (i, c) in line.char_indices() {
        if i > 10 && matches!(c, '.' | '!' | '?') {
            let rest = line[i + c.len_utf8()..].trim_start();
            if rest.chars().next().is_some_and(char::is_uppercase) && rest.len() > LONGEST_LINK / 2 {
                return Some(rest);
            }
        }
    }
    None
}

/// A line from which on everything is a list of related articles.
fn starts_related(line: &str) -> bool {
    let t = line.trim_start().trim_start_matches(['>', '-', '=', '»', ' ']);
    let lower = t.to_lowercase();
    [
        "xem thêm:",
        "xem thêm :",
        "tin liên quan:",
        "đọc thêm:",
        "bài liên quan:",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// Is `w` a capitalised name word ("Thanh", "P.Liên", "Kh.Uyên")?
fn is_name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars()
            .all(|c| crate::corpus::text::is_alpha(c) || c == '.' || c == '-' || c == '\'')
}

/// A byline after the article's last sentence: "Hoàng Nam", "Kim Thanh
/// (T/h)", "Anh Thư (Theo Livescience)", "Theo Võ Thạnh/Vnexpress".
fn is_byline(tail: &str) -> bool {
    let t = tail.trim();
    if t.is_empty() || t.contains([',', ';', ':', '?', '!']) {
        return false;
    }
    if let Some(rest) = t.strip_prefix("Theo ") {
        return rest.split_whitespace().count() <= 6 && rest.chars().next().is_some_and(char::is_uppercase);
    }
    // Names before an optional "(Theo X)" / "(TTXVN)" / "(T/h)".
    let names = match t.find('(') {
        Some(i) if t.ends_with(')') => &t[..i],
        Some(_) => return false,
        None => t,
    };
    let words: Vec<&str> = names.split_whitespace().collect();
    (1..=4).contains(&words.len()) && words.iter().all(|w| is_name_word(w))
}

/// Drops a byline closing the last paragraph, whether it stands on its own
/// line or is glued after the final full stop ("…ổn định.Huỳnh Hải").
fn strip_byline(lines: &mut Vec<String>) {
    let Some(last) = lines.last() else { return };
    let cut = last
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '.' | '!' | '?' | '”' | '"' | '…'))
        .map(|(i, c)| i + c.len_utf8());
    match cut {
        Some(i) if is_byline(&last[i..]) => {
            let kept = last[..i].trim_end().to_string();
            if let Some(l) = lines.last_mut() {
                *l = kept;
            }
        }
        None if lines.len() > 1 && is_byline(last) => {
            lines.pop();
        }
        _ => {}
    }
}

/// Removes photo credits: "(Ảnh: Thanh Tùng/TTXVN)", "(Ảnh minh họa: …)",
/// and a bare "Ảnh: Reuters" or "Ảnh: Việt Hoàng/TTXVN" before the next
/// sentence.
fn strip_photo_credits(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find("Ảnh") {
        let after = &rest[i + "Ảnh".len()..];
        let colon = after
            .find(':')
            .filter(|&c| c <= 20 && !after[..c].contains(['.', '(', ')']));
        let Some(c) = colon else {
            out.push_str(&rest[..i + "Ảnh".len()]);
            rest = after;
            continue;
        };
        let credit = &after[c + 1..];
        if rest[..i].ends_with('(') {
            // A bracketed credit: drop up to the closing bracket.
            match credit.find(')').filter(|&e| e <= 80) {
                Some(e) => {
                    out.push_str(rest[..i - 1].trim_end());
                    out.push(' ');
                    rest = credit[e + 1..].trim_start();
                }
                None => {
                    out.push_str(&rest[..i + "Ảnh".len()]);
                    rest = after;
                }
            }
            continue;
        }
        // A bare credit: up to five capitalised words, closed by an agency
        // ("Tùng/TTXVN"), a full stop or the end of the line.
        let mut end = None;
        let mut pos = 0;
        for (n, w) in credit.split_inclusive(' ').enumerate() {
            let word = w.trim();
            pos += w.len();
            if word.is_empty() {
                continue;
            }
            let first = word.split('/').next().unwrap_or("");
            if n >= 6 || !is_name_word(first.trim_end_matches(['.', ')'])) {
                break;
            }
            if word.contains('/') || word.ends_with('.') || pos >= credit.len() {
                end = Some(pos);
                break;
            }
        }
        let n = usize::from(end.is_some());
        let end = end.unwrap_or(0);
        if n == 0 {
            out.push_str(&rest[..i + "Ảnh".len()]);
            rest = after;
            continue;
        }
        out.push_str(rest[..i].trim_end());
        out.push(' ');
        rest = credit[end..].trim_start();
    }
    out.push_str(rest);
    out.trim().to_string()
}

/// Removes site furniture from a record body that needs no layout (JSON
/// records): a charity appeal's donation block, related-article links,
/// photo credits and the closing byline.
pub fn record(body: &str) -> String {
    let body = cut_donation_block(body);
    let mut lines: Vec<String> = Vec::new();
    for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let mut line = line;
        let related = !lines.is_empty() && starts_related(line);
        if related || is_link_line(line) {
            // A teaser glued to the article's text (a lost line break):
            // keep what follows it.
            match after_teaser(line) {
                Some(rest) => line = rest,
                None if related => break,
                None => continue,
            }
        }
        let line = strip_photo_credits(line);
        if !line.is_empty() {
            lines.push(line);
        }
    }
    // "…34 40 -> Mua vé ở đâu?": an arrow link closing the article.
    if let Some(last) = lines.last_mut() {
        // Only a link's length: "… => Clip: …" followed by paragraphs of
        // text is a video caption inside the article.
        if let Some(i) = last.rfind(" -> ").or_else(|| last.rfind(" => ")) {
            if last.len() - i <= 160 {
                *last = last[..i].trim_end().to_string();
            }
        }
    }
    if let Some(last) = lines.last_mut() {
        if let Some(i) = closing_invitation(last) {
            *last = last[..i].trim_end().to_string();
        }
    }
    strip_byline(&mut lines);
    lines.retain(|l| !l.is_empty());
    lines.join("\n")
}

/// Where a site's closing invitation starts in the last line: "* Mời quý
/// độc giả theo dõi các chương trình đã phát sóng của Đài Truyền hình Việt
/// Nam trên TV Online!", "Mời độc giả đón đọc phần tiếp theo …" (a
/// promotional footer: its names are not the article's). Only a short
/// final sentence that opens the line or follows a sentence end.
fn closing_invitation(line: &str) -> Option<usize> {
    const AUDIENCES: &[&str] = &["quý độc giả", "độc giả", "bạn đọc", "quý bạn đọc", "quý vị", "khán giả"];
    let i = line.rfind("Mời ")?;
    let rest = &line[i + "Mời ".len()..];
    if line.len() - i > 220 || !AUDIENCES.iter().any(|a| rest.starts_with(a)) {
        return None;
    }
    let before = line[..i].trim_end();
    let before = before.strip_suffix('*').map_or(before, str::trim_end);
    // "… Xương chiMời quý độc giả …": glued on where a line break was lost.
    let glued = line[..i].chars().next_back().is_some_and(char::is_alphanumeric);
    let opens = before.is_empty() || glued || before.ends_with(['.', '!', '?', '"', '”', ')']);
    opens.then_some(before.len())
}

/// Undoes a doubled byline ("Bộ KH&CNBộ KH&CN") and strips the date:
/// the author part of a stamp line, if any.
pub fn stamp_author(stamp: &str) -> Option<String> {
    let found = date::find_explicit(stamp);
    let cut = found.first().map(|f| f.range.start).unwrap_or(stamp.len());
    let author = stamp[..cut].trim().trim_end_matches(['-', '|', ',', '–']).trim();
    if author.is_empty() {
        return None;
    }
    let chars: Vec<char> = author.chars().collect();
    if chars.len().is_multiple_of(2) {
        let (a, b) = chars.split_at(chars.len() / 2);
        if a == b {
            return Some(a.iter().collect::<String>().trim().to_string());
        }
    }
    Some(author.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_chrome_after_comment_marker_is_dropped() {
        let l = layout("Headline here\nBody one.\nComment (0)\nNo data\nSame tag\nOther story title");
        assert_eq!(l.body, "Body one.");
    }

    #[test]
    fn banner_is_not_the_title_and_names_the_source() {
        let l = layout("Vietnam.vn - Nền tảng quảng bá Việt Nam\n\nRaising awareness\n\nBody text here.");
        assert_eq!(l.title.as_deref(), Some("Raising awareness"));
        assert_eq!(l.source.as_deref(), Some("Vietnam.vn"));
    }

    #[test]
    fn byline_stamp_is_removed_and_kept_for_the_date() {
        let l = layout("Title words here\nBộ Khoa học và Công nghệ13/11/2024\nimg\nBody.");
        assert_eq!(l.stamps, ["Bộ Khoa học và Công nghệ13/11/2024"]);
        assert_eq!(l.body, "Body.");
    }

    #[test]
    fn trailing_source_line_becomes_url() {
        let l = layout("A title\nBody.\nSource: https://www.vietnamplus.vn/x-post1.vnp\n");
        assert_eq!(l.url.as_deref(), Some("https://www.vietnamplus.vn/x-post1.vnp"));
        assert_eq!(l.body, "Body.");
    }

    #[test]
    fn dateline_prefix_becomes_source() {
        let l = layout("A title\n(binhdinh.gov.vn) - On the morning of October 12, it rained.");
        assert_eq!(l.source.as_deref(), Some("binhdinh.gov.vn"));
        assert!(l.body.starts_with("On the morning"));
    }

    #[test]
    fn a_sentence_is_not_a_title() {
        let l = layout("On October 21, the Ministry organized a program.\nMore text.");
        assert_eq!(l.title, None);
    }

    #[test]
    fn donation_block_of_a_charity_appeal_is_dropped() {
        let b = "Gia đình rất khó khăn.Mọi đóng góp xin gửi về:1. Mã số 99: Ông Lê Văn A (xã X, tỉnh Quảng Ngãi).2. Quỹ Nhân ái - Báo Y.Ngõ 2, Hà NộiBạn đọc ủng hộ qua các tài khoản sau: VP Cần Thơ: 1 Lý Tự Trọng";
        let r = record(b);
        assert!(r.ends_with("(xã X, tỉnh Quảng Ngãi).2. "[..].trim_end()), "{r}");
        assert!(!r.contains("Cần Thơ") && !r.contains("Hà Nội"), "{r}");
    }

    #[test]
    fn a_teaser_glued_to_the_article_keeps_the_article() {
        let story = "Có lỗi thì đổ tại trời gây nên thiên tai, không đổ được cho trời thì đổ cho nhau. \
                     Chiều qua 17/10, Bộ Công Thương đã tiến hành kiểm tra nhà máy thủy điện xả lũ gây ngập lụt \
                     tại huyện Hương Khê, và ông giám đốc nhà máy lớn tiếng khẳng định đã thông báo từ trước.";
        let b = format!("Dân trí Mở đầu.\n>> Kiểm tra thủy điện: Lãnh đạo huyện không được mời!{story}");
        assert_eq!(record(&b), format!("Dân trí Mở đầu.\n{story}"));
        // A short link line is still only a link.
        assert_eq!(
            record("Mở đầu.\n>> Kiểm tra thủy điện: Lãnh đạo huyện không được mời!"),
            "Mở đầu."
        );
    }

    #[test]
    fn related_links_are_not_article_text() {
        let b = "Tin chính ở Đà Nẵng.\n> Xem chi tiết\nTin phụ.\n>> Xem thêm: Đám cưới ở Hà Tĩnh\nChia sẻ bài viết";
        assert_eq!(record(b), "Tin chính ở Đà Nẵng.\nTin phụ.");
        assert_eq!(
            record("Kết quả là 01 02 03 -> Mua vé ở đâu tại Hà Nội?"),
            "Kết quả là 01 02 03"
        );
        // A video caption inside the article is not a closing link.
        let tail = "Nam ca sĩ đã cướp micro của nghệ sĩ trẻ, hỏi anh này liệu có muốn tổ chức live show \
                    riêng hay không. Sau đó anh xin lỗi khán giả và đàn em vì đã đến muộn, rồi hát tiếp.";
        let b = format!("Ca sĩ đến muộn. => Clip: Ca sĩ giật mic trên sân khấu: {tail}");
        assert_eq!(record(&b), b);
    }

    #[test]
    fn closing_byline_is_dropped() {
        assert_eq!(record("Công an đang điều tra.Huỳnh Hải"), "Công an đang điều tra.");
        assert_eq!(
            record("Bệnh nhân đã ổn định. Anh Thư (Theo Livescience)"),
            "Bệnh nhân đã ổn định."
        );
        assert_eq!(record("Đoàn qua cầu. Theo Võ Thạnh/Vnexpress"), "Đoàn qua cầu.");
        assert_eq!(
            record("Trận đấu diễn ra tối nay.\nLâm Thoả"),
            "Trận đấu diễn ra tối nay."
        );
        // A closing sentence fragment with lowercase words is text.
        assert_eq!(
            record("Mở đầu. Đoàn xe trên đường Lê Lợi"),
            "Mở đầu. Đoàn xe trên đường Lê Lợi"
        );
        // A one-line headline-like record keeps its only line.
        assert_eq!(record("Hoàng Nam"), "Hoàng Nam");
    }

    #[test]
    fn photo_credits_are_dropped() {
        assert_eq!(
            record("(Ảnh minh họa: Việt Hoàng/TTXVN) Theo trung tâm dự báo, trời mưa."),
            "Theo trung tâm dự báo, trời mưa."
        );
        assert_eq!(
            record("Du khách thăm làng. Ảnh: Thanh Tùng/TTXVN Mỗi năm có nhiều khách."),
            "Du khách thăm làng. Mỗi năm có nhiều khách."
        );
        assert_eq!(
            record("Ảnh chụp màn hình cho thấy điều đó."),
            "Ảnh chụp màn hình cho thấy điều đó."
        );
    }

    #[test]
    fn stamp_author_undoes_doubling() {
        assert_eq!(
            stamp_author("Bộ Khoa học và Công nghệBộ Khoa học và Công nghệ13/11/2024").as_deref(),
            Some("Bộ Khoa học và Công nghệ")
        );
    }

    #[test]
    fn a_closing_invitation_to_the_site_s_programmes_is_cut() {
        let b = "Tòa án Tối cao Mỹ ra phán quyết tại toàn bộ 50 bang của nước này.* Mời quý độc giả theo dõi các chương trình đã phát sóng của Đài Truyền hình Việt Nam trên TV Online!";
        assert_eq!(
            record(b),
            "Tòa án Tối cao Mỹ ra phán quyết tại toàn bộ 50 bang của nước này."
        );
        let b = "Tác dụng với dung dịch kiềmMời quý độc giả theo dõi các chương trình của Đài Truyền hình Việt Nam!";
        assert_eq!(record(b), "Tác dụng với dung dịch kiềm");
        let b = "Mở đầu.\nKết thúc câu chuyện. Mời độc giả đón đọc phần tiếp theo của loạt bài.";
        assert_eq!(record(b), "Mở đầu.\nKết thúc câu chuyện.");
        // An invitation inside the story stays: "mời" in a quote, mid-text.
        let b = "Ông nói: Mời bạn đọc thư này rồi trả lời tôi, và bà đã đọc nó hai lần";
        assert_eq!(record(b), b);
        let b = "Chủ nhà Mời khán giả vào xem.";
        assert_eq!(record(b), b);
    }
}
