//! `show` and `stats`.

use super::common::*;

#[test]
fn show_json_has_the_keys_of_a_hit_plus_body() {
    let env = Env::new();
    env.index_seeds();
    let out = env.run(&["show", "seeds/003_39a8daab01094279.txt", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "id",
        "path",
        "title",
        "display_title",
        "date",
        "date_precision",
        "date_source",
        "provinces",
        "provinces_primary",
        "people",
        "organizations",
        "programs",
        "lang",
        "url",
        "source",
        "body",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["date"], "2022-04-27");
    assert_eq!(v["lang"], "en");
    // The same record is reachable by id.
    let by_id = env.run(&["show", v["id"].as_str().unwrap(), "--json"]);
    let w: serde_json::Value = serde_json::from_slice(&by_id.stdout).unwrap();
    assert_eq!(v, w);
}

#[test]
fn show_unknown_article_is_an_error() {
    let env = Env::new();
    env.index_seeds();
    let out = env.run(&["show", "seeds/nope.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no article with id or path 'seeds/nope.txt'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn stats_reports_counts_languages_provinces_and_dates() {
    let env = Env::new();
    env.index_seeds();
    let out = env.run(&["stats", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documents"], 5);
    assert_eq!(v["languages"]["en"], 5);
    assert_eq!(v["schema_version"], newsfind::schema::SCHEMA_VERSION);
    assert!(v["index_bytes"].as_u64().unwrap() > 0);
    assert!(v["last_commit"].as_str().is_some());
    let provinces = v["provinces"].as_array().unwrap();
    assert!(
        provinces
            .iter()
            .any(|p| p[0] == "quang-ninh" && p[1] == "Quảng Ninh" && p[2] == 2),
        "{provinces:?}"
    );
    // Seed 002 is dated only to the year: shown at its own precision.
    assert_eq!(v["date_min"], "2022");
}

#[test]
fn show_on_a_many_article_file_asks_for_an_id() {
    let env = Env::new();
    env.write(
        "in/two.jsonl",
        "{\"id\":\"a\",\"body\":\"one\"}\n{\"id\":\"b\",\"body\":\"two\"}\n",
    );
    assert!(env.run(&["index", "in"]).status.success());
    let out = env.run(&["show", "in/two.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("holds 2 articles") && stderr(&out).contains("newsfind show a"),
        "{}",
        stderr(&out)
    );
    assert!(env.run(&["show", "b"]).status.success());
}
