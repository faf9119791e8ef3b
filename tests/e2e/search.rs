//! `search`: ranking, filters, accent folding, JSON output, exit codes.

use super::common::*;

#[test]
fn first_search_builds_the_default_index_from_seeds_and_says_so() {
    let env = Env::new();
    let out = env.run(&[
        "search",
        "digital transformation",
        "--province",
        "Quang Ninh",
        "--color",
        "never",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("building it from seeds"), "{}", stderr(&out));
    assert!(env.path().join("index/newsfind.json").exists());
    // Both Quảng Ninh articles, nothing else.
    let text = stdout(&out);
    assert!(
        text.contains("000_b9cb4c5646d90305.txt") && text.contains("002_3a26e840f507d613.txt"),
        "{text}"
    );
    assert!(
        !text.contains("001_") && !text.contains("003_") && !text.contains("004_"),
        "{text}"
    );
    // A second search reuses the index quietly.
    let again = env.run(&["search", "digital", "--color", "never"]);
    assert!(!stderr(&again).contains("building"), "{}", stderr(&again));
}

#[test]
fn ascii_and_diacritic_queries_find_the_same_articles() {
    let env = Env::new();
    env.index_seeds();
    let ascii = hit_files(&env.run(&["search", "pham minh chinh", "--json"]));
    let accented = hit_files(&env.run(&["search", "Phạm Minh Chính", "--json"]));
    let mut a = ascii.clone();
    let mut b = accented.clone();
    a.sort();
    b.sort();
    assert_eq!(a, b);
    assert!(a.len() >= 3, "{a:?}");
}

#[test]
fn nfd_query_equals_nfc_query() {
    let env = Env::new();
    env.index_seeds();
    // "Quảng Bình" typed in decomposed form.
    let nfd = "Qua\u{309}ng Bi\u{300}nh";
    assert_eq!(
        hit_files(&env.run(&["search", nfd, "--json"])),
        hit_files(&env.run(&["search", "Quảng Bình", "--json"]))
    );
    assert_eq!(
        hit_files(&env.run(&["search", nfd, "--json"])),
        ["004_1a61f039f2d877d4.txt"]
    );
}

#[test]
fn title_matches_rank_above_body_only_matches() {
    let env = Env::new();
    env.index_seeds();
    // "awareness" is in 004's headline and only in the bodies of others.
    let files = hit_files(&env.run(&["search", "raising awareness", "--json"]));
    assert_eq!(
        files.first().map(String::as_str),
        Some("004_1a61f039f2d877d4.txt"),
        "{files:?}"
    );
}

#[test]
fn province_filter_accepts_any_spelling_and_ors_repeats() {
    let env = Env::new();
    env.index_seeds();
    let by = |p: &str| hit_files(&env.run(&["search", "digital", "--province", p, "--json"]));
    let slug = by("quang-ninh");
    assert_eq!(slug, by("Quang Ninh"));
    assert_eq!(slug, by("Quảng Ninh"));
    let both = hit_files(&env.run(&[
        "search",
        "digital",
        "--province",
        "quang-ninh",
        "--province",
        "Bình Định",
        "--json",
    ]));
    let dinh = by("binh-dinh");
    assert!(dinh.contains(&"001_f18101088702765d.txt".to_string()), "{dinh:?}");
    let mut union: Vec<String> = slug.iter().chain(dinh.iter()).cloned().collect();
    union.sort();
    union.dedup();
    let mut both_sorted = both.clone();
    both_sorted.sort();
    assert_eq!(both_sorted, union);
}

#[test]
fn json_hits_carry_the_documented_keys_then_a_summary() {
    let env = Env::new();
    env.index_seeds();
    let out = env.run(&["search", "digital economy", "--json", "--limit", "3"]);
    let lines = json_lines(&out);
    assert_eq!(
        lines.last().map(|l| l["type"].clone()),
        Some(serde_json::json!("summary"))
    );
    let hits = hits(&out);
    assert_eq!(hits.len(), 3);
    for key in [
        "id",
        "path",
        "title",
        "date",
        "provinces",
        "people",
        "organizations",
        "programs",
        "lang",
        "url",
        "score",
        "snippet",
        "highlights",
        "rank",
        "display_title",
        "date_precision",
    ] {
        assert!(hits[0].get(key).is_some(), "missing {key}: {}", hits[0]);
    }
    // Highlight ranges point at the query words inside the snippet.
    let snippet: Vec<char> = hits[0]["snippet"].as_str().unwrap().chars().collect();
    let marked: Vec<String> = hits[0]["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let (a, b) = (r[0].as_u64().unwrap() as usize, r[1].as_u64().unwrap() as usize);
            snippet[a..b].iter().collect::<String>().to_lowercase()
        })
        .collect();
    assert!(!marked.is_empty());
    // Adjacent matched words ("digital economy") are one highlight.
    let marked: Vec<String> = marked.iter().flat_map(|m| m.split(' ').map(String::from)).collect();
    // Exact words, or inflections matched through the English stem.
    assert!(
        marked.iter().all(|m| m.starts_with("digit") || m.starts_with("econom")),
        "{marked:?}"
    );
    assert!(marked.iter().any(|m| m == "economy"), "{marked:?}");
    // Scores descend.
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn human_output_highlights_only_with_colour() {
    let env = Env::new();
    env.index_seeds();
    let plain = stdout(&env.run(&["search", "quang binh", "--color", "never"]));
    assert!(!plain.contains('\x1b'));
    assert!(plain.contains("[Quang Binh]"), "{plain}");
    let coloured = stdout(&env.run(&["search", "quang binh", "--color", "always"]));
    assert!(coloured.contains("\x1b[1;33mQuang Binh\x1b[0m"), "{coloured}");
    // auto: stdout is a pipe here, so no colour.
    assert!(!stdout(&env.run(&["search", "quang binh"])).contains('\x1b'));
}

#[test]
fn no_hits_exits_1_and_hits_exit_0() {
    let env = Env::new();
    env.index_seeds();
    assert_eq!(env.run(&["search", "digital"]).status.code(), Some(0));
    let none = env.run(&["search", "zzyzx"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(stdout(&none).is_empty());
}

#[test]
fn quoted_phrase_requires_adjacent_words() {
    let env = Env::new();
    env.index_seeds();
    let loose = hit_files(&env.run(&["search", "minister chinh", "--json"]));
    let phrase = hit_files(&env.run(&["search", "\"minister pham minh chinh\"", "--json"]));
    assert!(!phrase.is_empty());
    assert!(phrase.len() <= loose.len());
    let none = env.run(&["search", "\"chinh minh pham\"", "--json"]);
    assert_eq!(none.status.code(), Some(1));
}

#[test]
fn limit_and_offset_page_through_stable_results() {
    let env = Env::new();
    env.index_seeds();
    let all = hit_files(&env.run(&["search", "digital", "--json", "--limit", "5"]));
    let page2 = hit_files(&env.run(&["search", "digital", "--json", "--limit", "2", "--offset", "2"]));
    assert_eq!(page2, all[2..4].to_vec());
}

#[test]
fn date_filters_and_sorting() {
    let env = Env::new();
    env.index_seeds();
    let in_2024 = hit_files(&env.run(&["search", "digital", "--from", "2024", "--to", "2024", "--json"]));
    let mut sorted = in_2024.clone();
    sorted.sort();
    assert_eq!(sorted, ["001_f18101088702765d.txt", "004_1a61f039f2d877d4.txt"]);
    let newest = hits(&env.run(&["search", "digital", "--sort", "newest", "--json"]));
    let dates: Vec<String> = newest
        .iter()
        .filter_map(|h| h["date"].as_str().map(String::from))
        .collect();
    let mut desc = dates.clone();
    desc.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, desc);
}

#[test]
fn facets_count_the_whole_result_set() {
    let env = Env::new();
    env.index_seeds();
    let out = env.run(&[
        "search",
        "digital",
        "--limit",
        "1",
        "--facets",
        "province,person",
        "--json",
    ]);
    let facets = json_lines(&out)
        .into_iter()
        .find(|l| l["type"] == "facets")
        .expect("facets record");
    let provinces = facets["province"].as_array().unwrap();
    let quang_ninh = provinces
        .iter()
        .find(|p| p["value"] == "quang-ninh")
        .expect("quang-ninh counted");
    assert_eq!(quang_ninh["count"], 2);
    assert_eq!(quang_ninh["display"], "Quảng Ninh");
    let people = facets["person"].as_array().unwrap();
    assert!(
        people
            .iter()
            .any(|p| p["value"] == "Pham Minh Chinh" && p["count"].as_u64() >= Some(3)),
        "{people:?}"
    );
}

#[test]
fn person_and_language_filters() {
    let env = Env::new();
    env.index_seeds();
    let by_person = hit_files(&env.run(&["search", "*", "--person", "Phạm Minh Chính", "--json"]));
    assert!(
        by_person.contains(&"003_39a8daab01094279.txt".to_string()),
        "{by_person:?}"
    );
    assert!(
        !by_person.contains(&"000_b9cb4c5646d90305.txt".to_string()),
        "{by_person:?}"
    );
    assert_eq!(env.run(&["search", "digital", "--lang", "vi"]).status.code(), Some(1));
    // A title before the name means the same person.
    let titled = hit_files(&env.run(&["search", "*", "--person", "Prime Minister Pham Minh Chinh", "--json"]));
    assert_eq!(titled, by_person);
}

#[test]
fn an_entity_filter_that_matches_nothing_names_the_close_entities() {
    let env = Env::new();
    env.index_seeds();
    let out = env.run(&["search", "*", "--person", "Chinh"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stdout.iter().all(|b| *b != b'['),
        "no hits on stdout: {}",
        stdout(&out)
    );
    assert!(stderr(&out).contains("\"Pham Minh Chinh\" (3)"), "{}", stderr(&out));
    let out = env.run(&["search", "*", "--org", "ministry of public"]);
    assert!(stderr(&out).contains("Ministry of Public Security"), "{}", stderr(&out));
    // A name that exists is not second-guessed.
    let out = env.run(&["search", "cocoa", "--person", "Pham Minh Chinh"]);
    assert!(!stderr(&out).contains("names containing"), "{}", stderr(&out));
}

#[test]
fn headline_only_records_get_a_snippet() {
    let env = Env::new();
    env.write(
        "in/briefs.jsonl",
        "{\"id\":\"b1\",\"title\":\"COCOA PRICES RISE IN LONDON\"}\n",
    );
    assert!(env.run(&["index", "in"]).status.success());
    let hit = hits(&env.run(&["search", "cocoa", "--json"])).remove(0);
    assert_eq!(hit["snippet"], "COCOA PRICES RISE IN LONDON");
    assert_eq!(hit["highlights"], serde_json::json!([[0, 5]]));
}

#[test]
fn limit_zero_counts_and_paging_past_the_end_is_not_no_hits() {
    let env = Env::new();
    env.index_seeds();
    let count_only = env.run(&["search", "digital", "--limit", "0", "--json"]);
    assert_eq!(hits(&count_only).len(), 0);
    let summary = json_lines(&count_only).pop().unwrap();
    assert_eq!(summary["total_hits"], 5);
    let past = env.run(&["search", "digital", "--offset", "50"]);
    assert_eq!(past.status.code(), Some(0));
    assert!(
        stderr(&past).contains("5 hit(s); none on this page"),
        "{}",
        stderr(&past)
    );
    let empty = env.run(&["search", "  "]);
    assert_eq!(empty.status.code(), Some(2));
    assert!(stderr(&empty).contains("empty query"), "{}", stderr(&empty));
}

#[test]
fn language_filter_accepts_any_code_form() {
    let env = Env::new();
    env.index_seeds();
    for code in ["en", "eng", "English", "en-US"] {
        assert_eq!(
            hit_files(&env.run(&["search", "digital", "--lang", code, "--json"])).len(),
            5,
            "{code}"
        );
    }
}
