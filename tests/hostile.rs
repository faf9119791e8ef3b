//! Hostile input never panics: deterministic pseudo-random texts built from
//! the pieces real files break on (combining marks, glued dates, dashes,
//! control and escape characters, emoji, half province names) go through
//! extraction, tokenisation and snippets.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use newsfind::analysis::split_words;
use newsfind::corpus::{extract, RawDoc};
use newsfind::snippet::{QueryTerms, Snippeter};

const PIECES: &[&str] = &[
    "Quảng",
    "Ninh",
    "Qua\u{309}ng",
    "Hồ Chí Minh",
    "TP.HCM",
    "Thừa Thiên – Huế",
    "ofThua",
    "Thái Bình Dương",
    "13/11/2024",
    "32/13/2024",
    "ngày",
    "tháng",
    "năm",
    "2024-02-30",
    "On October 21",
    "October",
    "\u{1b}[2J",
    "\u{0}",
    "\u{7}",
    "\r\n",
    "\n",
    "\n\n",
    " ",
    "  ",
    "-",
    "–",
    "—",
    ".",
    ".T",
    "(",
    ")",
    "(binhdinh.gov.vn) -",
    "Source: https://x.vn/a-197241399999999.htm",
    "Comment (0)",
    "img",
    "Phạm",
    "Minh",
    "Chính",
    "ông",
    "Bộ",
    "Khoa học",
    "Project",
    "06",
    "Decision No.",
    "505/QD-TTg",
    "🇻🇳",
    "\u{200b}",
    "\u{feff}",
    "ß",
    "İ",
    "ǅ",
    "𝔸",
    "٣",
    "一二三",
    "'",
    "’s",
    "Đ",
    "đ",
    "ĐẮK",
    "999999999999999999999",
    "19",
    "2",
    "/",
    "a",
    "Hà",
    "Nội",
    "Hanoi",
    "huyện",
    "Điện Biên Phủ",
    "\t",
    "\u{202e}",
    "Mr.",
    "Prime Minister",
    // Session 4's entity and cleaning rules: company forms, dotted
    // initials, possessives, head-less bodies, teasers, sector words.
    "Inc",
    "Corp",
    "N.V.",
    "U.S.",
    "Sen.",
    "L.",
    "John",
    "Reagan's",
    "Commission’s",
    "in",
    "the",
    "Group",
    "agency",
    "WHO",
    "Séc",
    "Nhà Trắng",
    "Nha Trang",
    "Đài Loan",
    "giờ Hà Nội",
    "VOV-TPHCM",
    ">> ",
    " => Clip:",
    "Công ty cổ phần thủy điện",
    "Cty",
    "ĐH",
    "Quốc hội",
    "Như",
    "EX-SENATOR AMONG",
    // Pieces of the session-5 rules: bands, spouses, official names across
    // commas, journals, multi-word countries, district names, bylines.
    "nhóm nhạc",
    "nhóm",
    "bà xã",
    "Bộ Lao động, thương binh",
    " và xã hội",
    "Ủy ban Về các vấn đề",
    "tạp chí",
    "Thổ Nhĩ Kỳ",
    "huyện",
    "cho biết",
    "Điện Kremlin",
    "vào năm 2010",
    "due 1992",
    "Ông Trần Văn Lâm và",
    // Session 6: "của" parents, press classifiers, stage names, footers.
    "Ủy ban Kinh tế của",
    " của Quốc hội",
    "tờ",
    "Trang",
    "kênh Al-",
    "hãng tin",
    "Ngọc Trinh bất ngờ chia sẻ",
    "Đài Khí tượng thủy văn khu vực",
    "* Mời quý độc giả",
    "Mời",
    "Giáo hoàng Benedict",
    " XVI",
    "quân đội",
    "Hoa Kỳ",
];

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*: deterministic, no dependency.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn text(rng: &mut Rng) -> String {
    let n = rng.below(60);
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(PIECES[rng.below(PIECES.len())]);
        if rng.below(3) == 0 {
            s.push(' ');
        }
    }
    s
}

#[test]
fn extraction_tokenising_and_snippets_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for i in 0..3000 {
        let body = text(&mut rng);
        let raw = RawDoc {
            path: format!("fuzz/{i}.txt"),
            body: body.clone(),
            title: (i % 3 == 0).then(|| text(&mut rng)),
            date: (i % 5 == 0).then(|| text(&mut rng)),
            url: (i % 7 == 0).then(|| text(&mut rng)),
            needs_layout: i % 2 == 0,
            ..Default::default()
        };
        let a = extract(&raw);
        assert!(!a.display_title.is_empty(), "empty display title for {body:?}");
        let _ = split_words(&body);
        let terms = QueryTerms {
            folded: ["quang", "ninh", "2024", "minh"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            ..Default::default()
        };
        let mut sn = Snippeter::new(terms, 3);
        let s = sn.snippet(&a.body);
        let chars = s.text.chars().count();
        assert!(
            s.highlights.iter().all(|[a, b]| a < b && *b <= chars),
            "bad ranges {:?} for {:?}",
            s.highlights,
            s.text
        );
    }
}
