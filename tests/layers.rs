//! The layer picture (docs/architecture.md), fenced: every module's references to the rest of
//! the crate (`use crate::…` lines and `crate::…` paths, comments left out) are checked against
//! the edges each layer may have. A wrong import fails here, naming the file and the edge.
//! A file's `#[cfg(test)]` module (at its end) is left out: tests may check wording above them.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The layer a source file belongs to, by its path under `src/`.
fn layer(path: &str) -> &'static str {
    let top = path.split('/').next().unwrap_or("");
    match top.trim_end_matches(".rs") {
        "model" => "model",
        "exchange" => "exchange",
        "store" => "store",
        "storage" => "storage",
        "session" => "session",
        "state" => "state",
        "answers" => "answers",
        "chart" => "chart",
        "format" => "numbers",
        "i18n" => "texts",
        "messages" => "messages",
        "components" => "screens",
        _ => "glue",
    }
}

/// What a layer may reach, as top-level modules of the crate (its own always allowed);
/// `None`: anything but what [`never`] lists.
fn allowed(layer: &str) -> Option<&'static [&'static str]> {
    match layer {
        // The cost model and its analyses: pure, no language, nothing of the app.
        "model" => Some(&[]),
        // Numbers and figures as text (money, percentages, months, an undefined figure).
        "numbers" => Some(&["model"]),
        // The text table: names of the model's kinds, definitions, phrases, and the model's
        // own errors as sentences. What state, exchange and charts use for content.
        "texts" => Some(&["model", "format"]),
        // Sentences for the errors and notices of the layers above the model (files, links,
        // saves, the session): above the types they describe, below the screens.
        "messages" => Some(&[
            "model", "format", "i18n", "exchange", "store", "storage", "session", "state",
        ]),
        // Files and links: the model, and the text table for CSV headers and default names
        // (`i18n`, `format`); a workspace file holds the state's workspace.
        "exchange" => Some(&["model", "i18n", "format", "state"]),
        // The session's storage interface and the browser's storage behind it.
        "store" => Some(&["model"]),
        "storage" => Some(&["model", "store"]),
        // The pure session machine: events in, commands out.
        "session" => Some(&["model", "state", "store", "exchange"]),
        "state" => Some(&["model", "i18n"]),
        // The Answers tab's questions as pure state (asked, running, stale): the model only.
        "answers" => Some(&["model"]),
        "chart" => Some(&["model", "i18n", "format"]),
        "screens" | "glue" => None,
        _ => Some(&[]),
    }
}

/// What a layer must never reach even where it may reach most things.
fn never(layer: &str) -> &'static [&'static str] {
    match layer {
        // Screens reach storage only through the session's glue (`ctx`), so an embed's data
        // stays in memory.
        "screens" => &["storage"],
        _ => &[],
    }
}

/// The crate's top-level modules that `source` refers to (comments left out).
fn references(source: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in source.lines() {
        // The tests at the end of a file may reach up (to check a message's wording).
        if line.trim() == "#[cfg(test)]" {
            break;
        }
        // A comment starts a line or follows a space (`https://` in a string does not).
        let comment = line
            .match_indices("//")
            .map(|(i, _)| i)
            .find(|&i| i == 0 || line[..i].ends_with(char::is_whitespace));
        let code = comment.map_or(line, |i| &line[..i]);
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            let after = &rest[i + "crate::".len()..];
            // Not `customer_cost_planner::` or `other_crate::`: `crate` must start a path.
            let starts_path = rest[..i]
                .chars()
                .last()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
            if starts_path {
                if let Some(group) = after.strip_prefix('{') {
                    let end = group.find('}').unwrap_or(group.len());
                    for item in group[..end].split(',') {
                        let name: String = item
                            .trim()
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect();
                        if !name.is_empty() {
                            out.insert(name);
                        }
                    }
                } else {
                    let name: String = after
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        out.insert(name);
                    }
                }
            }
            rest = after;
        }
    }
    out
}

/// The edges of one file that break the picture.
fn violations(path: &str, source: &str) -> Vec<String> {
    let own = layer(path);
    let mut bad = Vec::new();
    for target in references(source) {
        let to = layer(&format!("{target}.rs"));
        let ok = to == own
            || match allowed(own) {
                Some(list) => list.contains(&target.as_str()),
                None => !never(own).contains(&target.as_str()),
            };
        if !ok {
            bad.push(format!("src/{path}: {own} → crate::{target} ({to})"));
        }
    }
    bad
}

fn sources(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .expect("src is readable")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            // The command-line tool is a client of the library, like the tests.
            if path.file_name().is_some_and(|n| n != "bin") {
                sources(&path, root, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path
                .strip_prefix(root)
                .expect("under src")
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, fs::read_to_string(&path).expect("source is text")));
        }
    }
}

#[test]
fn every_module_keeps_to_its_layer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &root, &mut files);
    assert!(files.len() > 50, "found {} source files", files.len());
    let bad: Vec<String> = files
        .iter()
        .flat_map(|(path, source)| violations(path, source))
        .collect();
    assert!(
        bad.is_empty(),
        "edges outside the layer picture:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_fence_catches_a_wrong_import() {
    // The model speaking a language, a screen reading storage, the session drawing a screen.
    assert_eq!(
        violations("model/metrics.rs", "use crate::i18n::texts;\n"),
        ["src/model/metrics.rs: model → crate::i18n (texts)"]
    );
    // The words in two layers: exchange and the text table never reach the messages above
    // them, and numbers never reach words (the cycle format ↔ i18n).
    assert_eq!(
        violations("exchange/csv.rs", "use crate::messages::csv_problem;\n"),
        ["src/exchange/csv.rs: exchange → crate::messages (messages)"]
    );
    assert_eq!(
        violations(
            "i18n/mod.rs",
            "pub fn f(c: crate::exchange::report::X) {}\n"
        ),
        ["src/i18n/mod.rs: texts → crate::exchange (exchange)"]
    );
    assert_eq!(
        violations("format.rs", "    crate::i18n::months(n, lang)\n"),
        ["src/format.rs: numbers → crate::i18n (texts)"]
    );
    assert_eq!(
        violations(
            "components/dialogs.rs",
            "    let b = crate::storage::backups();\n"
        ),
        ["src/components/dialogs.rs: screens → crate::storage (storage)"]
    );
    assert_eq!(
        violations("session.rs", "use crate::{components::App, model::Plan};\n"),
        ["src/session.rs: session → crate::components (screens)"]
    );
    // Comments, other crates' paths, addresses in strings and the tests at the end are not
    // edges.
    assert!(violations(
        "model/plan.rs",
        "//! every word lives in `crate::i18n`\nlet u = \"https://x\"; // crate::ctx\nuse customer_cost_planner::i18n;\n#[cfg(test)]\nmod tests {\n    use crate::i18n::Describe;\n}\n"
    )
    .is_empty());
}
