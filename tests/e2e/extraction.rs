//! What the indexer extracts from each seed, as `show --json` reports it.

use super::common::*;

fn show(env: &Env, file: &str) -> serde_json::Value {
    let out = env.run(&["show", &format!("seeds/{file}"), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn seeds_get_the_right_title_date_and_url() {
    let env = Env::new();
    env.index_seeds();
    let s000 = show(&env, "000_b9cb4c5646d90305.txt");
    assert_eq!(s000["title"], serde_json::Value::Null);
    assert!(s000["display_title"].as_str().unwrap().starts_with("On October 21"));
    assert_eq!(s000["date"], "2025-10-21");
    assert_eq!(s000["date_source"], "inferred");
    assert!(s000["url"].as_str().unwrap().starts_with("https://www.vietnamplus.vn/"));

    let s001 = show(&env, "001_f18101088702765d.txt");
    assert_eq!(
        s001["title"],
        "Online conference to celebrate National Digital Transformation Day"
    );
    assert_eq!(s001["date"], "2024-10-12");
    assert_eq!(s001["source"], "binhdinh.gov.vn");
    assert!(s001["body"]
        .as_str()
        .unwrap()
        .starts_with("On the morning of October 12"));

    let s004 = show(&env, "004_1a61f039f2d877d4.txt");
    assert_eq!(
        s004["title"],
        "Raising awareness to promote comprehensive digital transformation"
    );
    assert_eq!(s004["date"], "2024-11-13");
    assert_eq!(s004["provinces"], serde_json::json!(["quang-binh"]));
    assert_eq!(s004["provinces_primary"], serde_json::json!(["quang-binh"]));
}

#[test]
fn no_site_chrome_is_left_in_any_seed_body() {
    let env = Env::new();
    env.index_seeds();
    for e in std::fs::read_dir(env.path().join("seeds")).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        let body = show(&env, &name)["body"].as_str().unwrap().to_string();
        for chrome in [
            "Comment (0)",
            "Same tag",
            "No data",
            "Same category",
            "Vietnam.vn - Nền tảng",
            "\nimg\n",
            "Source: http",
        ] {
            assert!(!body.contains(chrome), "{name} body still has '{chrome}'");
        }
        assert!(
            !body
                .lines()
                .any(|l| l.trim() == "img" || l.trim() == "News" || l.trim() == "Local"),
            "{name}"
        );
    }
}

/// A scraper export whose dated records share a year: a record that gives
/// only "Ngày 12/10" and an older year in passing is dated in that year,
/// while the same record indexed on its own keeps the year its text gives.
#[test]
fn an_export_s_common_year_dates_a_record_without_one() {
    let env = Env::new();
    let undated = "{\"id\":\"u\",\"title\":\"Dịch sốt xuất huyết được khống chế\",\"body\":\"Ngày 12/10, Sở Y tế cho biết dịch sốt xuất huyết đã được khống chế. Năm 2014, dịch từng bùng phát ở ba huyện.\"}\n";
    let mut export = String::new();
    for i in 0..4 {
        export.push_str(&format!(
            "{{\"id\":\"d{i}\",\"title\":\"Tin {i}\",\"body\":\"Bài viết số {i} về kinh tế số.\",\"date\":\"2016-09-2{i}\"}}\n"
        ));
    }
    export.push_str(undated);
    env.write("in/export.jsonl", export);
    env.write("alone/one.jsonl", undated.replace("\"u\"", "\"v\""));
    let out = env.run(&["index", "in", "alone"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let show =
        |id: &str| -> serde_json::Value { serde_json::from_slice(&env.run(&["show", id, "--json"]).stdout).unwrap() };
    let u = show("u");
    assert_eq!(u["date"], "2016-10-12");
    assert_eq!(u["date_source"], "inferred");
    assert_eq!(show("v")["date"], "2014-10-12");
}
