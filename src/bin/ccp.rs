//! `ccp`: the cost model from the command line, for batch what-ifs over plan files.
//!
//! ```text
//! ccp report PLAN.json [--lang zh-CN|en]   every scenario's figures as JSON
//! ccp check PLAN.json [--lang zh-CN|en]    validate a plan file
//! ccp example NAME [--lang zh-CN|en]       print an example plan file (starter, ecommerce,
//!                                          manufacturer, saas)
//! ```

use std::io::Write;
use std::process::ExitCode;

use customer_cost_planner::model::{file, report::report, Example, Lang};

const USAGE: &str = "usage:
  ccp report PLAN.json [--lang zh-CN|en]   every scenario's figures as JSON
  ccp check PLAN.json [--lang zh-CN|en]    validate a plan file
  ccp example NAME [--lang zh-CN|en]       print an example plan (starter, ecommerce, manufacturer, saas)";

fn read_plan(path: &str, lang: Lang) -> Result<customer_cost_planner::model::Plan, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    file::plan_from_json(&text).map_err(|e| format!("{path}: {}", e.message(lang)))
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
            let plan = read_plan(path, lang)?;
            serde_json::to_string_pretty(&report(&plan, lang)).map_err(|e| e.to_string())
        }
        ["check", path] => {
            read_plan(path, lang)?;
            Ok(lang.pick("方案有效", "The plan is valid").to_owned())
        }
        ["example", name] => Example::from_key(name)
            .map(|e| file::plan_to_json(&e.plan(lang)))
            .ok_or_else(|| format!("unknown example {name:?}\n{USAGE}")),
        _ => Err(USAGE.to_owned()),
    }
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
