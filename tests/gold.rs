//! Extraction quality on the hand-annotated gold set (`tests/gold/`):
//! prints precision/recall/F1 per field and fails when a figure drops below
//! its target (issue 3). The seeds are always scored; the corpus articles
//! are read from `../shared/corpora/` and skipped when it is absent.
//!
//! `cargo test --test gold -- --nocapture` shows the table.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr
)]

use std::collections::{HashMap, HashSet};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use newsfind::corpus::date::CollectionYears;
use newsfind::corpus::read::{raw_from_json, KeyMap};
use newsfind::corpus::text::fold_key;
use newsfind::corpus::{batch_year, extract, extract_in, Article, RawDoc, BATCH};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn gold(file: &str) -> Vec<Value> {
    std::fs::read_to_string(root().join("tests/gold").join(file))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Reads the corpus records with the given ids (None when the corpus is absent).
fn corpus_records(corpus: &str, ids: &HashSet<String>) -> Option<HashMap<String, RawDoc>> {
    let path = root().join("../shared/corpora").join(corpus).join("corpus.jsonl.gz");
    let file = std::fs::File::open(&path).ok()?;
    let reader = std::io::BufReader::new(flate2::read::MultiGzDecoder::new(file));
    let mut out = HashMap::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line.ok()?;
        if !ids.iter().any(|id| line.contains(id.as_str())) {
            continue;
        }
        let v: Value = serde_json::from_str(&line).ok()?;
        let id = v["id"].as_str().unwrap_or("").to_string();
        if ids.contains(&id) {
            out.insert(
                id,
                raw_from_json(v, &path.display().to_string(), Some(i + 1), &KeyMap::default()).ok()?,
            );
        }
        if out.len() == ids.len() {
            break;
        }
    }
    Some(out)
}

/// Record id → the year passed to [`extract_in`].
type Years = HashMap<String, Option<i32>>;

/// The common year ([`batch_year`]) each record of a corpus is extracted
/// with, as `index` reads the corpus file: in batches, counting each
/// batch's stated years before extracting it. Computed once per corpus.
fn collection_years(corpus: &str) -> Years {
    static CACHE: Mutex<Option<HashMap<String, Years>>> = Mutex::new(None);
    let mut cache = CACHE.lock().unwrap();
    let cache = cache.get_or_insert_with(HashMap::new);
    if let Some(years) = cache.get(corpus) {
        return years.clone();
    }
    let path = root().join("../shared/corpora").join(corpus).join("corpus.jsonl.gz");
    let mut years = CollectionYears::default();
    let mut out = HashMap::new();
    let mut batch = Vec::new();
    let mut flush = |batch: &mut Vec<RawDoc>| {
        let year = batch_year(&mut years, batch);
        for raw in batch.drain(..) {
            out.insert(raw.id.unwrap_or_default(), year);
        }
    };
    newsfind::corpus::read(&path, corpus, &KeyMap::default(), &mut |item| {
        if let Ok(raw) = item {
            batch.push(raw);
            if batch.len() >= BATCH {
                flush(&mut batch);
            }
        }
    });
    flush(&mut batch);
    cache.insert(corpus.to_string(), out.clone());
    out
}

#[derive(Default)]
struct Prf {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Prf {
    fn add(&mut self, predicted: &[String], gold: &[String]) -> (Vec<String>, Vec<String>) {
        let p: HashSet<String> = predicted.iter().map(|s| fold_key(s)).collect();
        let g: HashSet<String> = gold.iter().map(|s| fold_key(s)).collect();
        self.tp += p.intersection(&g).count();
        let extra: Vec<String> = p.difference(&g).cloned().collect();
        let missed: Vec<String> = g.difference(&p).cloned().collect();
        self.fp += extra.len();
        self.fn_ += missed.len();
        (extra, missed)
    }
    fn p(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    fn r(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().filter_map(|x| x.as_str().map(String::from)).collect())
        .unwrap_or_default()
}

/// The predicted date cut to the gold precision.
fn date_at(a: &Article, precision: &str) -> Option<String> {
    let d = a.date?;
    let full = format!("{:04}-{:02}-{:02}", d.date.year(), d.date.month() as u8, d.date.day());
    Some(match precision {
        "year" => full[..4].to_string(),
        "month" => full[..7].to_string(),
        _ => full,
    })
}

/// Figures measured on the gold set: the targets of issue 3 are the
/// constants in [`TARGETS`]; [`FLOOR`] is what the extractor achieves today,
/// so a regression fails even while it stays above a target. Both tests
/// skip when `../shared/corpora` is absent (the seeds alone are too few).
struct Figures {
    provinces_f1: f64,
    people_f1: f64,
    orgs_f1: f64,
    primary_acc: f64,
    date_acc: f64,
    title_acc: f64,
}

const TARGETS: Figures = Figures {
    provinces_f1: 0.95,
    people_f1: 0.90,
    orgs_f1: 0.75,
    primary_acc: 0.90,
    date_acc: 0.90,
    title_acc: 0.90,
};

const FLOOR: Figures = Figures {
    provinces_f1: 1.00,
    people_f1: 0.93,
    orgs_f1: 0.77,
    primary_acc: 0.95,
    date_acc: 0.93,
    title_acc: 0.95,
};

#[test]
fn extraction_does_not_regress_below_measured_floor() {
    score("gold.jsonl", &FLOOR);
}

/// One test per further gold file: it fails when a figure drops below the
/// file's floor, given in the order of [`Figures`]: provinces F1, people F1,
/// organisations F1, primary accuracy, date accuracy, title accuracy.
macro_rules! floor_test {
    ($(#[$doc:meta])* $name:ident, $file:literal, $floor:expr) => {
        $(#[$doc])*
        #[test]
        fn $name() {
            let [provinces_f1, people_f1, orgs_f1, primary_acc, date_acc, title_acc] = $floor;
            let floor = Figures {
                provinces_f1,
                people_f1,
                orgs_f1,
                primary_acc,
                date_acc,
                title_acc,
            };
            score($file, &floor);
        }
    };
}

floor_test!(
    /// The held-out set (tests/gold/holdout.jsonl) was annotated blind, after
    /// the rules were written, and is never used to tune them: its figures say
    /// how the extractor does on articles it was not fitted to. Its floor is
    /// set a little under the first measurement and only guards regressions.
    held_out_extraction_does_not_regress,
    "holdout.jsonl",
    [0.95, 0.76, 0.68, 0.90, 0.71, 0.95]
);

floor_test!(
    /// The second development batch (tests/gold/dev2.jsonl), annotated blind
    /// and then used to improve the rules; floor: its current figures.
    second_development_batch_does_not_regress,
    "dev2.jsonl",
    [0.95, 0.76, 0.82, 0.95, 0.65, 0.95]
);

floor_test!(
    /// The third batch (tests/gold/dev3.jsonl), annotated blind, scored once
    /// before any rule was changed on it (README), then used like dev2.
    third_batch_does_not_regress,
    "dev3.jsonl",
    [0.95, 0.79, 0.77, 0.95, 0.65, 0.95]
);

floor_test!(
    /// The fourth batch (tests/gold/dev4.jsonl), annotated blind, scored once
    /// before any rule was changed on it (README), then used like dev2.
    fourth_batch_does_not_regress,
    "dev4.jsonl",
    [0.95, 0.81, 0.75, 0.95, 0.75, 0.95]
);

floor_test!(
    /// The fifth batch (tests/gold/dev5.jsonl), annotated blind and first
    /// scored at the end of the session whose rules it measures (README),
    /// then used like dev2; floor: its current figures.
    fifth_batch_does_not_regress,
    "dev5.jsonl",
    [0.95, 0.84, 0.70, 0.95, 0.60, 0.95]
);

floor_test!(
    /// The sixth batch (tests/gold/dev6.jsonl), annotated blind and scored
    /// only at the start and the end of the session whose rules it measures
    /// (README), never used for tuning; floor: its final figures.
    sixth_batch_does_not_regress,
    "dev6.jsonl",
    [0.89, 0.87, 0.67, 0.85, 0.80, 0.95]
);

floor_test!(
    /// The seventh batch (tests/gold/dev7.jsonl), annotated blind, scored once
    /// before any rule was changed on it (README), then used like dev2.
    seventh_batch_does_not_regress,
    "dev7.jsonl",
    [0.95, 0.86, 0.68, 0.95, 0.65, 0.95]
);

floor_test!(
    /// The eighth batch (tests/gold/dev8.jsonl), annotated blind and scored
    /// only at the start and the end of the session whose rules it measures
    /// (README), never used for tuning; floor: its final figures.
    eighth_batch_does_not_regress,
    "dev8.jsonl",
    [0.92, 0.79, 0.57, 0.85, 0.75, 0.95]
);

floor_test!(
    /// The ninth batch (tests/gold/dev9.jsonl), annotated blind, scored once
    /// before any rule was changed on it (README), then used like dev2.
    ninth_batch_does_not_regress,
    "dev9.jsonl",
    [0.95, 0.82, 0.77, 0.95, 0.70, 0.95]
);

floor_test!(
    /// The English batch (tests/gold/en1.jsonl): 20 Reuters-21578 articles,
    /// annotated blind, scored once before any English rule was written
    /// (README), then used to write them; floor: its current figures.
    english_batch_does_not_regress,
    "en1.jsonl",
    [0.95, 0.99, 0.88, 0.90, 0.95, 0.95]
);

floor_test!(
    /// The second English batch (tests/gold/en2.jsonl): 20 more Reuters-21578
    /// articles, annotated blind and scored only after the English rules were
    /// written on en1.jsonl, so it is the English estimate for unseen articles.
    second_english_batch_does_not_regress,
    "en2.jsonl",
    [0.95, 0.57, 0.75, 0.90, 0.95, 0.95]
);

floor_test!(
    /// The third English batch (tests/gold/en3.jsonl): 20 more Reuters-21578
    /// articles, annotated blind and first scored at the end of the session
    /// whose English rules it measures (README).
    third_english_batch_does_not_regress,
    "en3.jsonl",
    [0.95, 0.85, 0.69, 0.90, 0.95, 0.95]
);

#[test]
fn extraction_meets_the_gold_targets() {
    score("gold.jsonl", &TARGETS);
}

fn score(file: &str, limits: &Figures) {
    let gold = gold(file);
    let mut by_corpus: HashMap<String, HashSet<String>> = HashMap::new();
    for g in &gold {
        let c = g["corpus"].as_str().unwrap().to_string();
        if c != "seeds" {
            by_corpus
                .entry(c)
                .or_default()
                .insert(g["id"].as_str().unwrap().to_string());
        }
    }
    let mut records: HashMap<String, RawDoc> = HashMap::new();
    let mut years = Years::new();
    let mut skipped_corpora = Vec::new();
    for (corpus, ids) in &by_corpus {
        match corpus_records(corpus, ids) {
            Some(found) => {
                records.extend(found);
                years.extend(collection_years(corpus));
            }
            None => skipped_corpora.push(corpus.clone()),
        }
    }

    let (mut provinces, mut people, mut orgs, mut programs) =
        (Prf::default(), Prf::default(), Prf::default(), Prf::default());
    let (mut n, mut primary_ok, mut date_ok, mut title_ok, mut lang_ok) = (0, 0, 0, 0, 0);
    let verbose = std::env::var_os("GOLD_VERBOSE").is_some();
    for g in &gold {
        let corpus = g["corpus"].as_str().unwrap();
        let id = g["id"].as_str().unwrap();
        let raw = if corpus == "seeds" {
            let path = root().join("seeds").join(id);
            RawDoc {
                path: format!("seeds/{id}"),
                body: std::fs::read_to_string(&path).unwrap(),
                needs_layout: true,
                ..Default::default()
            }
        } else {
            match records.get(id) {
                Some(r) => r.clone(),
                None => continue,
            }
        };
        let a = match years.get(id) {
            Some(&year) => extract_in(&raw, year),
            None => extract(&raw),
        };
        n += 1;
        let (pe, pm) = provinces.add(&a.provinces, &strings(&g["provinces"]));
        let gp = strings(&g["provinces_primary"]);
        let p_ok = if gp.is_empty() {
            a.provinces_primary.is_empty()
        } else {
            a.provinces_primary.first().is_some_and(|p| gp.contains(p))
        };
        primary_ok += usize::from(p_ok);
        let d_ok = match g["date"].as_str() {
            Some(gd) => date_at(&a, g["date_precision"].as_str().unwrap_or("day")).as_deref() == Some(gd),
            None => a.date.is_none(),
        };
        date_ok += usize::from(d_ok);
        let t_ok = g["title"]
            .as_str()
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            == a.title;
        title_ok += usize::from(t_ok);
        lang_ok += usize::from(g["lang"].as_str() == Some(a.lang.as_str()));
        let (ee, em) = people.add(&a.people, &strings(&g["people"]));
        let (oe, om) = orgs.add(&a.organizations, &strings(&g["organizations"]));
        programs.add(&a.programs, &strings(&g["programs"]));
        if verbose {
            println!("== {corpus} {id}");
            println!(
                "  provinces +{pe:?} -{pm:?}; primary {:?} vs {gp:?}",
                a.provinces_primary
            );
            println!(
                "  date {:?} vs {:?} {}",
                a.date.map(|d| d.display()),
                g["date"],
                if d_ok { "ok" } else { "WRONG" }
            );
            if !t_ok {
                println!("  title {:?} vs {:?}", a.title, g["title"]);
            }
            println!("  people +{ee:?} -{em:?}");
            println!("  orgs +{oe:?} -{om:?}");
        }
    }
    let acc = |k: usize| k as f64 / n.max(1) as f64;
    println!(
        "{file}: {n} articles scored{}",
        if skipped_corpora.is_empty() {
            String::new()
        } else {
            format!(" (corpora absent, skipped: {})", skipped_corpora.join(", "))
        }
    );
    println!("{:<22} {:>6} {:>6} {:>6}   target", "field", "P", "R", "F1");
    for (name, prf, target) in [
        ("provinces", &provinces, "F1 ≥ 0.95"),
        ("people", &people, "F1 ≥ 0.90"),
        ("organizations", &orgs, "F1 ≥ 0.75"),
        ("programs", &programs, "—"),
    ] {
        println!(
            "{name:<22} {:>6.3} {:>6.3} {:>6.3}   {target}",
            prf.p(),
            prf.r(),
            prf.f1()
        );
    }
    println!("{:<22} {:>20.3}   ≥ 0.90", "primary province acc", acc(primary_ok));
    println!("{:<22} {:>20.3}   ≥ 0.90", "date exact (gold prec)", acc(date_ok));
    println!("{:<22} {:>20.3}   ≥ 0.90", "title exact", acc(title_ok));
    println!("{:<22} {:>20.3}   —", "language", acc(lang_ok));

    // The floors and targets are figures over all 46 articles: with the
    // corpora absent (a checkout without ../shared) only the seeds were
    // scored, and those figures say nothing about the floors. The seeds'
    // extraction is still checked by tests/e2e/extraction.rs.
    if !skipped_corpora.is_empty() {
        println!("corpora absent: floors and targets not checked");
        return;
    }
    let mut failures = Vec::new();
    let mut check = |name: &str, value: f64, target: f64| {
        if value < target {
            failures.push(format!("{name} {value:.3} < {target}"));
        }
    };
    check("provinces F1", provinces.f1(), limits.provinces_f1);
    check("people F1", people.f1(), limits.people_f1);
    check("organizations F1", orgs.f1(), limits.orgs_f1);
    check("primary province accuracy", acc(primary_ok), limits.primary_acc);
    check("date exact", acc(date_ok), limits.date_acc);
    check("title exact", acc(title_ok), limits.title_acc);
    assert!(failures.is_empty(), "below target: {}", failures.join("; "));
}

#[test]
fn gold_file_is_well_formed() {
    let slugs: HashSet<String> = newsfind::corpus::province::gazetteer()
        .all()
        .iter()
        .map(|p| p.slug.clone())
        .collect();
    let main = gold("gold.jsonl");
    let holdout = gold("holdout.jsonl");
    assert!(main.len() >= 35, "gold set has {} articles", main.len());
    assert!(holdout.len() >= 10, "held-out set has {} articles", holdout.len());
    let ids: HashSet<&str> = main.iter().map(|g| g["id"].as_str().unwrap()).collect();
    for h in &holdout {
        assert!(!ids.contains(h["id"].as_str().unwrap()), "{} is in both sets", h["id"]);
    }
    for g in main.iter().chain(&holdout) {
        for s in strings(&g["provinces"])
            .iter()
            .chain(strings(&g["provinces_primary"]).iter())
        {
            assert!(slugs.contains(s), "unknown slug {s} in {}", g["id"]);
        }
        assert!(Path::new(&root().join("seeds").join(g["id"].as_str().unwrap())).exists() || g["corpus"] != "seeds");
    }
}
