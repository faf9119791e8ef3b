//! `index`: summary, incremental runs, bad input, JSON/JSONL inputs.

use super::common::*;

#[test]
fn index_prints_a_summary_and_a_rerun_does_nothing() {
    let env = Env::new();
    let first = env.run(&["index", "seeds", "--json"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let s: serde_json::Value = serde_json::from_slice(&first.stdout).unwrap();
    assert_eq!(
        (
            s["files_seen"].as_u64(),
            s["docs_indexed"].as_u64(),
            s["docs_total"].as_u64()
        ),
        (Some(5), Some(5), Some(5))
    );
    assert!(s["seconds"].as_f64().unwrap() > 0.0 && s["docs_per_sec"].as_f64().unwrap() > 0.0);
    let again = env.run(&["index", "seeds"]);
    assert!(again.status.success());
    assert!(stderr(&again).contains("up to date"), "{}", stderr(&again));
}

#[test]
fn changed_added_and_removed_files_are_picked_up() {
    let env = Env::new();
    env.index_seeds();
    env.write(
        "seeds/new.txt",
        "Hội nghị tại Đà Nẵng\nThủ tướng Phạm Minh Chính dự hội nghị về kinh tế số tại Đà Nẵng.",
    );
    std::fs::remove_file(env.path().join("seeds/000_b9cb4c5646d90305.txt")).unwrap();
    let out = env.run(&["index", "seeds", "--json"]);
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (
            s["files_read"].as_u64(),
            s["files_removed"].as_u64(),
            s["docs_total"].as_u64()
        ),
        (Some(1), Some(1), Some(5))
    );
    assert_eq!(
        hit_files(&env.run(&["search", "da nang kinh te so", "--json"])),
        ["new.txt"]
    );
    // Editing a file replaces its article instead of duplicating it.
    std::thread::sleep(std::time::Duration::from_millis(20));
    env.write("seeds/new.txt", "Hội nghị tại Huế\nHội nghị về kinh tế số tại Huế.");
    env.run(&["index", "seeds"]);
    assert_eq!(env.run(&["search", "da nang kinh te so"]).status.code(), Some(1));
    assert_eq!(
        hit_files(&env.run(&["search", "kinh te so hue", "--json"])),
        ["new.txt"]
    );
    // Three runs later a small index is still one segment (what every
    // search process opens), and merged-away files are gone.
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(env.path().join("index/meta.json")).unwrap()).unwrap();
    assert_eq!(meta["segments"].as_array().unwrap().len(), 1, "{meta}");
    let segment_files = std::fs::read_dir(env.path().join("index"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "idx"))
        .count();
    assert_eq!(segment_files, 1);
}

#[test]
fn bad_inputs_warn_with_the_file_and_the_run_goes_on() {
    let env = Env::new();
    env.write("in/good.txt", "Good article\nQuảng Ninh đẩy mạnh chuyển đổi số.");
    env.write("in/empty.txt", "");
    env.write("in/binary.txt", [0u8, 1, 2, 0, 0, 0, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0]);
    env.write("in/latin1.txt", b"Caf\xe9 au lait in Hanoi\nA story about coffee.");
    env.write(
        "in/records.jsonl",
        "{\"title\":\"A\",\"body\":\"Đà Nẵng news\"}\n{broken\n{\"id\":\"x\",\"date\":\"2024-01-01\"}\n",
    );
    env.write(
        "in/escape.txt",
        "Evil \u{1b}[2J title\nBody with \u{1b}]0;pwned\u{7} escape.",
    );
    let out = env.run(&["index", "in"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    for needle in [
        "in/empty.txt: empty file",
        "in/binary.txt: looks like a binary file",
        "in/latin1.txt: invalid UTF-8",
        "in/records.jsonl:2: not valid JSON",
        "in/records.jsonl:3: record has no body or title",
    ] {
        assert!(err.contains(needle), "missing '{needle}' in:\n{err}");
    }
    // good, latin1, A, escape.
    let stats: serde_json::Value = serde_json::from_slice(&env.run(&["stats", "--json"]).stdout).unwrap();
    assert_eq!(stats["documents"], 4);
    // Escape sequences stored in a document never reach the terminal raw.
    let shown = stdout(&env.run(&["search", "escape", "--color", "always"]));
    assert!(!shown.contains("\u{1b}[2J") && !shown.contains("\u{1b}]0"), "{shown:?}");
}

#[test]
fn strict_turns_warnings_into_failure() {
    let env = Env::new();
    env.write("in/good.txt", "Good article\nText.");
    env.write("in/empty.txt", "");
    let out = env.run(&["index", "in", "--strict"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--strict"), "{}", stderr(&out));
    // Nothing of the failed run landed, and a retry fails again.
    let stats: serde_json::Value = serde_json::from_slice(&env.run(&["stats", "--json"]).stdout).unwrap();
    assert_eq!(stats["documents"], 0);
    assert_eq!(env.run(&["index", "in", "--strict"]).status.code(), Some(2));
}

#[test]
fn nothing_to_index_is_an_error() {
    let env = Env::new();
    env.write("in/readme.pdf", "x");
    let out = env.run(&["index", "in"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nothing was indexed"), "{}", stderr(&out));
}

#[test]
fn json_lines_metadata_wins_and_map_overrides_keys() {
    let env = Env::new();
    env.write(
        "in/export.jsonl",
        "{\"id\":\"a1\",\"headline\":\"Kinh tế số Quảng Ninh\",\"article\":\"Tỉnh Quảng Ninh phát triển kinh tế số.\",\"published\":\"2024-03-05T10:00:00+07:00\",\"link\":\"https://x.vn/a1\"}\n",
    );
    let out = env.run(&["index", "in", "--map", "body=article"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&env.run(&["show", "a1", "--json"]).stdout).unwrap();
    assert_eq!(v["title"], "Kinh tế số Quảng Ninh");
    assert_eq!(v["date"], "2024-03-05");
    assert_eq!(v["date_source"], "metadata");
    assert_eq!(v["url"], "https://x.vn/a1");
    assert_eq!(v["provinces"], serde_json::json!(["quang-ninh"]));
    assert_eq!(v["lang"], "vi");
}

/// Writes `files` JSONL files of `per_file` Vietnamese-ish records each.
fn write_corpus(env: &Env, files: usize, per_file: usize) -> usize {
    let provinces = ["Quảng Ninh", "Đà Nẵng", "Bình Định", "Lào Cai", "Cần Thơ"];
    for f in 0..files {
        let mut text = String::new();
        for r in 0..per_file {
            let p = provinces[(f + r) % provinces.len()];
            let body = format!(
                "Tỉnh {p} đẩy mạnh chuyển đổi số năm 2024, bài số {f}-{r}. {}",
                "Chính quyền số, kinh tế số và xã hội số được triển khai rộng khắp. ".repeat(12)
            );
            let rec = serde_json::json!({"id": format!("r{f}-{r}"), "title": format!("Tin {p} số {f}-{r}"), "body": body, "date": "2024-05-01"});
            text.push_str(&rec.to_string());
            text.push('\n');
        }
        env.write(&format!("big/part{f:03}.jsonl"), text);
    }
    files * per_file
}

fn doc_count(env: &Env) -> u64 {
    let out = env.run(&["stats", "--json"]);
    assert!(out.status.success(), "stats failed: {}", stderr(&out));
    serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["documents"]
        .as_u64()
        .unwrap()
}

/// Starts `newsfind index FOLDER --commit-every N` in the background and
/// returns once its first commit has landed (or after two minutes).
fn index_until_first_commit(env: &Env, folder: &str, every: &str) -> std::process::Child {
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsfind"))
        .current_dir(env.path())
        .args(["index", folder, "--commit-every", every])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while !committed(env) && started.elapsed() < std::time::Duration::from_secs(120) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child
}

/// The commit count tantivy records in meta.json's opstamp changes; we only
/// need to know that at least one commit has landed.
fn committed(env: &Env) -> bool {
    std::fs::read_to_string(env.path().join("index/meta.json")).is_ok_and(|m| m.contains("committed_at"))
}

#[test]
fn a_killed_run_leaves_a_searchable_index_and_the_next_run_completes_it() {
    let env = Env::new();
    let total = write_corpus(&env, 20, 150);
    let mut child = index_until_first_commit(&env, "big", "150");
    // SIGKILL mid-run (if it has not already finished).
    let _ = child.kill();
    let _ = child.wait();
    assert!(committed(&env), "no commit observed");
    let partial = doc_count(&env);
    assert!(partial > 0 && partial as usize <= total, "partial {partial}");
    assert_eq!(env.run(&["search", "chuyen doi so"]).status.code(), Some(0));
    // The next run completes it: no duplicates, no losses.
    let out = env.run(&["index", "big"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(doc_count(&env) as usize, total);
    let third = env.run(&["index", "big"]);
    assert!(stderr(&third).contains("up to date"), "{}", stderr(&third));
}

#[test]
fn a_second_concurrent_index_fails_fast_and_search_keeps_working() {
    let env = Env::new();
    write_corpus(&env, 20, 150);
    let mut first = index_until_first_commit(&env, "big", "150");
    let still_running = first.try_wait().unwrap().is_none();
    if still_running {
        let second = env.run(&["index", "big"]);
        assert_eq!(second.status.code(), Some(2));
        assert!(stderr(&second).contains("already writing"), "{}", stderr(&second));
        let search = env.run(&["search", "kinh te so"]);
        assert_eq!(search.status.code(), Some(0), "{}", stderr(&search));
    }
    let status = first.wait().unwrap();
    assert!(status.success());
    assert!(
        still_running,
        "the first run finished before the check; make the corpus bigger"
    );
}

#[test]
fn html_pages_give_main_text_and_metadata() {
    let env = Env::new();
    let para = "Tỉnh Quảng Ninh công bố kế hoạch chuyển đổi số toàn diện cho các địa phương trong năm tới. ";
    let html = format!(
        r#"<!doctype html><html lang="vi"><head><title>Kế hoạch chuyển đổi số | Báo Mẫu</title>
<meta property="og:title" content="Kế hoạch chuyển đổi số">
<meta property="og:site_name" content="Báo Mẫu">
<meta property="article:published_time" content="2024-03-05T23:30:00+00:00">
<link rel="canonical" href="https://baomau.vn/ke-hoach-chuyen-doi-so.html"></head>
<body><nav><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a> <a href="/kinh-te">Kinh tế</a></nav>
<article><h1>Kế hoạch chuyển đổi số</h1><p>{}</p><p>{}</p><p>{}</p></article>
<footer>Bản quyền thuộc về Báo Mẫu. Liên hệ quảng cáo.</footer></body></html>"#,
        para.repeat(3),
        para.repeat(2),
        para
    );
    env.write("web/page.html", html);
    let out = env.run(&["index", "web"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&env.run(&["show", "web/page.html", "--json"]).stdout).unwrap();
    assert_eq!(v["title"], "Kế hoạch chuyển đổi số");
    // 23:30 UTC on the 5th is the 6th in Vietnam.
    assert_eq!(v["date"], "2024-03-06");
    assert_eq!(v["url"], "https://baomau.vn/ke-hoach-chuyen-doi-so.html");
    assert_eq!(v["lang"], "vi");
    assert_eq!(v["provinces"], serde_json::json!(["quang-ninh"]));
    let body = v["body"].as_str().unwrap();
    assert!(body.contains("kế hoạch chuyển đổi số toàn diện"), "{body}");
    assert!(
        !body.contains("Trang chủ") && !body.contains("Bản quyền"),
        "chrome left in: {body}"
    );
}

#[test]
fn oversized_nul_nfd_and_broken_link_inputs_are_handled() {
    let env = Env::new();
    // Far larger than any article: cut with a warning, still indexed.
    let big = format!("Huge article\n{}", "Quảng Ninh phát triển kinh tế số. ".repeat(200_000));
    env.write("in/huge.txt", big);
    // A few stray NUL bytes inside real text: kept as text, NULs dropped.
    env.write("in/nul.txt", "Stray bytes\nĐà Nẵng\0 kinh tế\0 số tăng trưởng.");
    // Decomposed (NFD) Vietnamese text: found by an NFC query.
    env.write(
        "in/nfd.txt",
        "Tin Ha\u{300} Giang\nTi\u{309}nh Ha\u{300} Giang xây dựng chính quyền số.",
    );
    #[cfg(unix)]
    std::os::unix::fs::symlink(env.path().join("in/missing.txt"), env.path().join("in/broken.txt")).unwrap();
    let out = env.run(&["index", "in"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("in/huge.txt: article larger than"), "{err}");
    #[cfg(unix)]
    assert!(err.contains("in/broken.txt"), "{err}");
    assert_eq!(hit_files(&env.run(&["search", "Hà Giang", "--json"])), ["nfd.txt"]);
    let nul = env.run(&["show", "in/nul.txt", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&nul.stdout).unwrap();
    assert_eq!(v["body"], "Đà Nẵng kinh tế số tăng trưởng.");
    assert_eq!(v["provinces"], serde_json::json!(["da-nang"]));
}

#[test]
fn file_identity_is_the_canonical_path_not_the_spelling() {
    let env = Env::new();
    std::fs::create_dir_all(env.path().join("other")).unwrap();
    env.write("other/note.txt", "Other note\nĐà Nẵng kinh tế số.");
    env.index_seeds();
    // The same folder under another spelling is not new articles…
    let abs = env.path().join("seeds");
    let again = env.run(&["index", abs.to_str().unwrap(), "./seeds/"]);
    assert!(stderr(&again).contains("up to date"), "{}", stderr(&again));
    // …and indexing another folder removes nothing from the first.
    let other = env
        .cmd(&["index", ".", "--index", "../index"])
        .current_dir(env.path().join("other"))
        .output()
        .unwrap();
    assert!(other.status.success(), "{}", stderr(&other));
    let stats: serde_json::Value = serde_json::from_slice(&env.run(&["stats", "--json"]).stdout).unwrap();
    assert_eq!(stats["documents"], 6);
}

#[test]
fn changing_the_key_map_reads_json_again() {
    let env = Env::new();
    env.write(
        "in/m.jsonl",
        "{\"id\":\"m1\",\"title\":\"H1\",\"body\":\"bodyword\",\"txt\":\"mapword\"}\n",
    );
    assert!(env.run(&["index", "in"]).status.success());
    assert_eq!(env.run(&["search", "mapword"]).status.code(), Some(1));
    let remap = env.run(&["index", "in", "--map", "body=txt"]);
    assert!(remap.status.success(), "{}", stderr(&remap));
    assert_eq!(env.run(&["search", "mapword"]).status.code(), Some(0));
    assert_eq!(env.run(&["search", "bodyword"]).status.code(), Some(1));
}

#[test]
fn a_single_large_file_commits_as_it_goes_and_is_redone_after_a_kill() {
    let env = Env::new();
    let mut text = String::new();
    for r in 0..6000 {
        let rec = serde_json::json!({"id": format!("x{r}"), "title": format!("Tin số {r}"), "body": format!("Quảng Ninh phát triển kinh tế số, bài {r}. {}", "Chuyển đổi số toàn diện. ".repeat(20))});
        text.push_str(&rec.to_string());
        text.push('\n');
    }
    env.write("one/all.jsonl", text);
    let mut child = index_until_first_commit(&env, "one", "600");
    let _ = child.kill();
    let _ = child.wait();
    assert!(committed(&env), "no commit inside the file");
    let partial = doc_count(&env);
    assert!(partial > 0, "the partial commit is searchable");
    let out = env.run(&["index", "one"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(doc_count(&env), 6000);
}
