//! `ccp`: the cost model from the command line, for batch what-ifs over plan files.
//!
//! ```text
//! ccp report PLAN.json [--lang zh-CN|en]   every scenario's figures as JSON
//! ccp check PLAN.json [--lang zh-CN|en]    validate a plan file
//! ccp example NAME [--lang zh-CN|en]       print an example plan file (starter, ecommerce,
//!                                          manufacturer, saas)
//! ccp link PLAN.json                       the share-link fragment (plan=1.…) that opens the
//!                                          plan, e.g. to prefill an embed (data-link)
//! ```

use std::io::Write;
use std::process::ExitCode;

use customer_cost_planner::exchange::json;
use customer_cost_planner::exchange::report::report;
use customer_cost_planner::model::{Example, Lang};

const USAGE: &str = "usage:
  ccp report PLAN.json [--lang zh-CN|en]   every scenario's figures as JSON
  ccp check PLAN.json [--lang zh-CN|en]    validate a plan file
  ccp example NAME [--lang zh-CN|en]       print an example plan (starter, ecommerce, manufacturer, saas)
  ccp link PLAN.json                       the share-link fragment (plan=1.…) that opens the plan";

/// Reads a plan file through the app's one reader. The app would repair a name over the
/// limit or a duplicate id; `check` reports those as problems, `report` says so and goes on.
fn read_plan(
    path: &str,
    lang: Lang,
    strict: bool,
) -> Result<customer_cost_planner::model::Plan, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let read = json::read_plan(&text).map_err(|e| format!("{path}: {}", e.message(lang)))?;
    if !read.repairs.is_empty() {
        let repair = json::Repair::Plan {
            plan: read.plan.name.clone(),
            repairs: read.repairs,
        };
        let message = format!("{path}: {}", repair.message(lang));
        if strict {
            return Err(message);
        }
        eprintln!("{message}");
    }
    Ok(read.plan)
}

fn run(args: &[String]) -> Result<String, String> {
    let mut lang = Lang::En;
    let mut positional = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--lang" => {
                let tag = iter.next().ok_or("--lang needs zh-CN or en")?;
                lang = Lang::from_browser_tag(tag);
            }
            "-h" | "--help" => return Ok(USAGE.to_owned()),
            _ => positional.push(arg.as_str()),
        }
    }
    match positional.as_slice() {
        ["report", path] => {
            let plan = read_plan(path, lang, false)?;
            serde_json::to_string_pretty(&report(&plan, lang)).map_err(|e| e.to_string())
        }
        ["check", path] => {
            read_plan(path, lang, true)?;
            Ok(customer_cost_planner::i18n::texts(lang)
                .plan_valid
                .to_owned())
        }
        ["link", path] => {
            let plan = read_plan(path, lang, false)?;
            link_fragment(&plan).map_err(|e| e.message(lang))
        }
        ["example", name] => Example::from_key(name)
            .map(|e| json::plan_to_json(&e.plan(lang)))
            .ok_or_else(|| format!("unknown example {name:?}\n{USAGE}")),
        _ => Err(USAGE.to_owned()),
    }
}

/// The share-link fragment of `plan` (compressed with miniz_oxide natively; the crate's wasm
/// build leaves compression to the browser).
#[cfg(not(target_arch = "wasm32"))]
fn link_fragment(
    plan: &customer_cost_planner::model::Plan,
) -> Result<String, customer_cost_planner::exchange::link::LinkError> {
    customer_cost_planner::exchange::link::encode(plan)
}

#[cfg(target_arch = "wasm32")]
fn link_fragment(
    _: &customer_cost_planner::model::Plan,
) -> Result<String, customer_cost_planner::exchange::link::LinkError> {
    Err(customer_cost_planner::exchange::link::LinkError::BadCompression)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            // A closed pipe (`ccp report … | head`) is not an error worth a panic.
            let _ = writeln!(std::io::stdout(), "{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
