//! The fence around the stored format (issue 17): every addition to the plan or workspace
//! format bumps its version, with an upgrade step and a stored sample of the version before.
//!
//! The test writes a workspace that uses every field and every kind (each lever, basis,
//! preset, a range of each kind of driver, a kept plan, the trash) and records which keys and
//! kinds it holds, together with every property name and enumerated value of the JSON
//! Schemas in `docs/schema/`. That record is `tests/fixtures/format-v<N>.fingerprint` for the
//! version N this build writes. If the written format changes without a new version, the
//! record no longer matches and the test says what to do.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::sync::Arc;

use customer_cost_planner::exchange::json::{self, Imported, PLAN_VERSION, WORKSPACE_VERSION};
use customer_cost_planner::model::{
    neutral_lever, BasisKind, Driver, Example, InputRange, Lang, Lever, LeverKind, LineId,
    Strategy, Timed,
};
use customer_cost_planner::state::{KeptPlan, PlanEntry, PlanId, Workspace};
use rust_decimal::Decimal;
use serde_json::Value;

/// A workspace that uses everything the format has.
fn everything() -> Workspace {
    let mut plan = Example::Starter.plan(Lang::En);
    let line = plan.lines[0].clone();
    for (i, kind) in BasisKind::ALL.iter().enumerate() {
        let mut l = line.clone();
        l.id = LineId(100 + i as u32);
        l.basis = kind.basis(3);
        plan.lines.push(l);
    }
    plan.lines[0].from_month = Some(2);
    plan.lines[0].to_month = Some(9);
    plan.new_customers_growth_pct = Decimal::from(3);
    plan.seasonality_pct = Some(vec![Decimal::ONE_HUNDRED; 12]);
    plan.first_calendar_month = 4;
    plan.fee_tiers.push(customer_cost_planner::model::FeeTier {
        id: customer_cost_planner::model::TierId(1),
        name: "Key accounts".into(),
        share_pct: Decimal::from(10),
        monthly_fee: Decimal::from(300),
    });
    let mut scenario = plan.scenarios[0].clone();
    scenario.id = customer_cost_planner::model::ScenarioId(99);
    scenario.preset = Some(Strategy::ALL[0]);
    scenario.levers = LeverKind::ALL
        .iter()
        .map(|k| match k {
            // Added through its own control (the line's delete under the scenario).
            LeverKind::RemoveLine => Some(Lever::RemoveLine { line: LineId(1) }),
            _ => neutral_lever(&plan, &scenario, *k, Some(LineId(1)), "New"),
        })
        .collect::<Option<Vec<_>>>()
        .expect("a lever of each kind")
        .into_iter()
        .map(Timed::from)
        .collect();
    // Version 3: a lever from a later month, growth, seasonality, a line's window.
    scenario.levers[0].from_month = Some(4);
    assert_eq!(
        scenario.levers.len(),
        LeverKind::ALL.len(),
        "a lever of each kind"
    );
    plan.scenarios.push(scenario);
    // One range of each kind of driver.
    let mut kinds = BTreeSet::new();
    for d in Driver::with_lines(&plan) {
        let kind = d.key().trim_end_matches(char::is_numeric).to_owned();
        if kinds.insert(kind) {
            let v = d.value(&plan).unwrap_or_default();
            plan.ranges.push(InputRange {
                driver: d,
                low: v,
                high: v,
            });
        }
    }
    let mut ws = Workspace::first_visit(Lang::En);
    ws.plans[0].plan = Arc::new(plan);
    ws.trash.push(PlanEntry {
        id: PlanId(2),
        example: None,
        plan: Arc::new(Example::Saas.plan(Lang::En)),
    });
    ws.set_aside.push(KeptPlan {
        raw: r#"{"id":3,"plan":{"name":"kept"}}"#.into(),
        deleted: true,
    });
    ws
}

/// Key paths (`workspace.plans[].plan.lines[].basis.kind`) and `kind` values of a JSON value;
/// the inside of a kept plan's entry is data of any shape, not format.
fn shape(v: &Value, path: &str, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            for (k, inner) in map {
                let p = format!("{path}.{k}");
                out.insert(format!("key {p}"));
                if k == "kind" {
                    if let Some(s) = inner.as_str() {
                        out.insert(format!("kind {p} = {s}"));
                    }
                }
                if !p.ends_with("set_aside[].entry") {
                    shape(inner, &p, out);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                shape(item, &format!("{path}[]"), out);
            }
        }
        _ => {}
    }
}

/// Every property name and every `const`/`enum` value of a schema, wherever it stands.
fn schema_words(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            for (k, inner) in map {
                match k.as_str() {
                    "properties" => {
                        for name in inner.as_object().into_iter().flatten().map(|(n, _)| n) {
                            out.insert(format!("schema property {name}"));
                        }
                    }
                    "const" => {
                        out.insert(format!("schema value {inner}"));
                    }
                    "enum" => {
                        for e in inner.as_array().into_iter().flatten() {
                            out.insert(format!("schema value {e}"));
                        }
                    }
                    "pattern" | "maxItems" | "maximum" | "minimum" | "maxLength" => {
                        out.insert(format!("schema {k} {inner}"));
                    }
                    _ => {}
                }
                schema_words(inner, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| schema_words(i, out)),
        _ => {}
    }
}

fn fingerprint() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let text = json::workspace_to_json(&everything(), 1, false);
    shape(&serde_json::from_str(&text).expect("json"), "", &mut out);
    let plan_file = json::plan_to_json(everything().plans[0].plan.as_ref());
    shape(
        &serde_json::from_str(&plan_file).expect("json"),
        "plan-file",
        &mut out,
    );
    for schema in [
        include_str!("../docs/schema/plan-file.schema.json"),
        include_str!("../docs/schema/workspace.schema.json"),
    ] {
        schema_words(&serde_json::from_str(schema).expect("schema"), &mut out);
    }
    out
}

#[test]
fn the_written_format_matches_the_record_of_its_version() {
    assert_eq!(PLAN_VERSION, WORKSPACE_VERSION, "the two move together");
    let now: BTreeSet<String> = fingerprint();
    let file = format!(
        "{}/tests/fixtures/format-v{WORKSPACE_VERSION}.fingerprint",
        env!("CARGO_MANIFEST_DIR")
    );
    if std::env::var_os("UPDATE_FINGERPRINT").is_some() {
        let text: String = now.iter().map(|l| format!("{l}\n")).collect();
        std::fs::write(&file, text).expect("write the fingerprint");
    }
    let recorded: BTreeSet<String> = std::fs::read_to_string(&file)
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect();
    let added: Vec<_> = now.difference(&recorded).collect();
    let gone: Vec<_> = recorded.difference(&now).collect();
    assert!(
        added.is_empty() && gone.is_empty(),
        "The stored format changed without a new version.\n  added: {added:#?}\n  gone: {gone:#?}\n\
         Bump WORKSPACE_VERSION and PLAN_VERSION (src/exchange/json.rs), add the upgrade step in \
         json::upgrade, keep a sample of the version before as tests/fixtures/workspace-v<N>.json, \
         write the history in docs/formats.md, then record the new version's fingerprint with \
         UPDATE_FINGERPRINT=1 cargo test --test format_version."
    );
}

#[test]
fn every_written_key_and_kind_is_in_the_schemas() {
    let now = fingerprint();
    let schema: BTreeSet<&str> = now
        .iter()
        .filter_map(|l| l.strip_prefix("schema property "))
        .collect();
    let values: BTreeSet<String> = now
        .iter()
        .filter_map(|l| l.strip_prefix("schema value "))
        .map(str::to_owned)
        .collect();
    for line in &now {
        if let Some(path) = line.strip_prefix("key ") {
            let name = path.rsplit('.').next().unwrap_or(path);
            assert!(
                schema.contains(name),
                "{path} is written but not in the schema"
            );
        }
        if let Some(rest) = line.strip_prefix("kind ") {
            let value = rest.rsplit(" = ").next().unwrap_or(rest);
            assert!(
                values.contains(&format!("\"{value}\"")),
                "kind {value} is written but not in the schema"
            );
        }
    }
}

#[test]
fn every_older_version_has_a_sample_that_still_reads() {
    for version in 1..WORKSPACE_VERSION {
        let file = format!(
            "{}/tests/fixtures/workspace-v{version}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|_| panic!("a sample of version {version}: {file}"));
        match json::read(&text) {
            Ok(Imported::Workspace(s)) => {
                assert!(s.is_clean(), "version {version}: {:?}", s.repairs);
                assert_eq!(s.migrated_from, Some(version));
                // Written again, it is the current version and reads back the same.
                let again = json::workspace_to_json(&s.workspace, 1, false);
                assert!(again.contains(&format!("\"version\":{WORKSPACE_VERSION}")));
                match json::read(&again) {
                    Ok(Imported::Workspace(t)) => assert_eq!(t.workspace, s.workspace),
                    other => panic!("{other:?}"),
                }
            }
            other => panic!("version {version}: {other:?}"),
        }
    }
}

#[test]
fn a_version_1_text_with_fields_of_version_2_reads_as_builds_of_that_time_wrote_it() {
    // Builds between the Answers tab and version 2 wrote ranges and set levers under version 1.
    let ws = everything();
    let text = json::workspace_to_json(
        &Workspace {
            set_aside: Vec::new(),
            ..ws.clone()
        },
        4,
        false,
    )
    .replace(&format!("\"version\":{WORKSPACE_VERSION}"), "\"version\":1");
    match json::read(&text) {
        Ok(Imported::Workspace(s)) => {
            assert!(s.is_clean(), "{:?} {:?}", s.repairs, s.set_aside);
            assert_eq!(s.workspace.plans, ws.plans);
        }
        other => panic!("{other:?}"),
    }
    // But a kept-plans list is version 2's: in a version 1 text it is an unknown field.
    let with_kept = json::workspace_to_json(&ws, 4, false)
        .replace(&format!("\"version\":{WORKSPACE_VERSION}"), "\"version\":1");
    assert!(json::read(&with_kept).is_err());
}
