//! Error behaviour: clear messages on stderr, exit code 2, never a panic.

use super::common::*;

#[test]
fn unknown_province_is_an_error_listing_close_matches() {
    let env = Env::new();
    env.index_seeds();
    let out = env.run(&["search", "digital", "--province", "Quang Nin"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("unknown province 'Quang Nin'") && err.contains("quang-ninh"),
        "{err}"
    );
    assert!(stdout(&out).is_empty());
}

#[test]
fn missing_index_path_is_a_clear_error() {
    let env = Env::new();
    let out = env.run(&["search", "digital", "--index", "nowhere"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("no index at nowhere") && err.contains("newsfind index"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
}

#[test]
fn foreign_directory_is_refused_and_left_untouched() {
    let env = Env::new();
    env.write("notes/keep.txt", "precious");
    for args in [
        vec!["search", "x", "--index", "notes"],
        vec!["index", "seeds", "--index", "notes"],
    ] {
        let out = env.run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("is not a newsfind index"), "{}", stderr(&out));
    }
    assert_eq!(
        std::fs::read_to_string(env.path().join("notes/keep.txt")).unwrap(),
        "precious"
    );
}

#[test]
fn schema_version_mismatch_asks_for_a_rebuild() {
    let env = Env::new();
    env.index_seeds();
    env.write(
        "index/newsfind.json",
        r#"{"schema_version": 999, "created_by": "future"}"#,
    );
    let out = env.run(&["search", "digital"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("schema v999") && stderr(&out).contains("--rebuild"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn query_syntax_error_points_at_the_position() {
    let env = Env::new();
    env.index_seeds();
    let out = env.run(&["search", "digital \"economy"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("query syntax error"), "{err}");
    assert!(err.contains("        ^"), "{err}");
}

#[test]
fn bad_date_names_the_accepted_forms() {
    let env = Env::new();
    env.index_seeds();
    let out = env.run(&["search", "digital", "--from", "13/11/2024"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("YYYY-MM-DD"), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_2() {
    let env = Env::new();
    assert_eq!(env.run(&["search"]).status.code(), Some(2));
    assert_eq!(env.run(&["frobnicate"]).status.code(), Some(2));
}
