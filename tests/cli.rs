//! The `ccp` command as a user runs it.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use customer_cost_planner::exchange::json;
use customer_cost_planner::model::{Example, Lang, Lever, LineId};
use rust_decimal::Decimal;

fn ccp(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ccp"))
        .args(args)
        .output()
        .expect("ccp runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn plan_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("ccp-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path.to_string_lossy().into_owned()
}

#[test]
fn check_warns_about_a_lever_that_names_a_missing_line() {
    let mut plan = Example::Starter.plan(Lang::En);
    plan.scenarios[1].levers.push(
        Lever::LineAmount {
            line: LineId(77),
            amount: Decimal::from(5),
        }
        .into(),
    );
    let path = plan_file("dangling.json", &json::plan_to_json(&plan));
    let (ok, out, _) = ccp(&["check", &path, "--lang", "en"]);
    assert!(ok, "such levers are kept: the plan is still valid");
    assert!(out.contains("The plan is valid"), "{out}");
    assert!(
        out.contains("change 4 of scenario “Customer-data analysis” names line 77"),
        "{out}"
    );
    let (_, out, _) = ccp(&["check", &path, "--lang", "zh-CN"]);
    assert!(
        out.contains("情景「Customer-data analysis」的第 4 项调整"),
        "{out}"
    );
    // A plan without such levers gets no warning.
    let clean = plan_file(
        "clean.json",
        &json::plan_to_json(&Example::Starter.plan(Lang::En)),
    );
    let (ok, out, _) = ccp(&["check", &clean, "--lang", "en"]);
    assert!(ok && !out.contains("warning"), "{out}");
}

#[test]
fn an_unknown_input_or_metric_lists_the_valid_ones() {
    let plan = Example::Starter.plan(Lang::En);
    let path = plan_file("names.json", &json::plan_to_json(&plan));
    let (ok, _, err) = ccp(&[
        "solve", &path, "--metric", "ltv_cac", "--target", "3", "--input", "churn",
    ]);
    assert!(!ok);
    assert!(err.contains("unknown input \"churn\""), "{err}");
    assert!(
        err.contains("churn_pct"),
        "the valid names are listed: {err}"
    );
    assert!(
        err.contains(&format!("line_amount_{}", plan.lines[0].id.0)),
        "line inputs too: {err}"
    );
    let (ok, _, err) = ccp(&[
        "solve",
        &path,
        "--metric",
        "ltv",
        "--target",
        "3",
        "--input",
        "churn_pct",
    ]);
    assert!(!ok);
    assert!(
        err.contains("ltv_cac") && err.contains("payback_months"),
        "{err}"
    );
}
