//! `ccp`: the cost model from the command line, for batch what-ifs over plan files.
//!
//! ```text
//! ccp report PLAN.json [--lang zh-CN|en]   every scenario's figures as JSON
//! ccp check PLAN.json [--lang zh-CN|en]    validate a plan file
//! ccp example NAME [--lang zh-CN|en]       print an example plan file (starter, ecommerce,
//!                                          manufacturer, saas)
//! ccp link PLAN.json                       the share-link fragment (plan=1.…) that opens the
//!                                          plan, e.g. to prefill an embed (data-link)
//! ccp sensitivity PLAN.json --metric M [--scenario s1] [--swing 10]
//! ccp solve PLAN.json --metric M --target T --input DRIVER [--scenario s1]
//! ccp ranges PLAN.json [--scenario s1] [--runs 1000] [--seed 1]
//! ccp attribute PLAN.json --metric M --scenario s1
//! ```
//!
//! Metric keys are those of `ccp report`; driver keys are `starting_customers`,
//! `new_customers_per_month`, `churn_pct`, `revenue_per_customer_month`, `gross_margin_pct`,
//! `annual_discount_pct`, `cost_<category>`, `tier_fee_<tier id>`, `line_amount_<line id>`.

use customer_cost_planner::i18n::Describe;
use std::io::Write;
use std::process::ExitCode;

use customer_cost_planner::exchange::answers;
use customer_cost_planner::exchange::json;
use customer_cost_planner::exchange::report::report;
use customer_cost_planner::model::{analysis, Column, Driver, Example, Lang, Metric, ScenarioId};

const USAGE: &str = "usage:
  ccp report PLAN.json [--lang zh-CN|en]   every scenario's figures as JSON
  ccp check PLAN.json [--lang zh-CN|en]    validate a plan file
  ccp example NAME [--lang zh-CN|en]       print an example plan (starter, ecommerce, manufacturer, saas)
  ccp link PLAN.json                       the share-link fragment (plan=1.…) that opens the plan
  ccp prepaint [--lang zh-CN|en]           a first visit's first screen as HTML (for index.html)
  ccp sensitivity PLAN.json --metric M [--scenario s1] [--swing 10]
                                           each driver moved down and up (a tornado)
  ccp solve PLAN.json --metric M --target T --input DRIVER [--scenario s1]
                                           the driver's value that gives the target (goal seek)
  ccp ranges PLAN.json [--scenario s1] [--runs 1000] [--seed 1]
                                           P10/P50/P90 of the headline figures (Monte Carlo)
  ccp attribute PLAN.json --metric M --scenario s1
                                           each lever's share of the change (Shapley values)";

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

/// The options of the analysis commands.
#[derive(Default)]
struct Options<'a> {
    metric: Option<&'a str>,
    scenario: Option<&'a str>,
    swing: Option<&'a str>,
    target: Option<&'a str>,
    input: Option<&'a str>,
    runs: Option<&'a str>,
    seed: Option<&'a str>,
}

fn metric_of(key: Option<&str>) -> Result<Metric, String> {
    let key = key.ok_or("--metric is needed (a key of ccp report, e.g. ltv_cac)")?;
    Metric::from_key(key).ok_or_else(|| {
        let known: Vec<String> = Metric::all().into_iter().map(Metric::key).collect();
        format!(
            "unknown metric {key:?}; the metrics are: {}",
            known.join(", ")
        )
    })
}

fn column_of(key: Option<&str>) -> Result<Column, String> {
    match key {
        None | Some("baseline") => Ok(Column::Baseline),
        Some(k) => k
            .strip_prefix('s')
            .unwrap_or(k)
            .parse::<u32>()
            .map(|id| Column::Scenario(ScenarioId(id)))
            .map_err(|_| format!("unknown scenario {k:?} (baseline, s1, s2, …)")),
    }
}

fn decimal_of(
    name: &str,
    text: Option<&str>,
    default: Option<&str>,
) -> Result<rust_decimal::Decimal, String> {
    let text = text
        .or(default)
        .ok_or_else(|| format!("--{name} is needed"))?;
    text.parse()
        .map_err(|_| format!("--{name} must be a number, not {text:?}"))
}

fn json_text(v: &serde_json::Value) -> Result<String, String> {
    serde_json::to_string_pretty(v).map_err(|e| e.to_string())
}

fn analyse(command: &str, path: &str, o: &Options, lang: Lang) -> Result<String, String> {
    let plan = read_plan(path, lang, false)?;
    let column = column_of(o.scenario)?;
    let fail = |e: analysis::AnalysisError| e.message(lang);
    match command {
        "sensitivity" => {
            let metric = metric_of(o.metric)?;
            let swing = decimal_of("swing", o.swing, Some("10"))?;
            let s = analysis::sensitivity(&plan, column, metric, swing).map_err(fail)?;
            json_text(&answers::sensitivity_json(&s, column))
        }
        "solve" => {
            let metric = metric_of(o.metric)?;
            let target = decimal_of("target", o.target, None)?;
            let key = o.input.ok_or("--input is needed (e.g. churn_pct)")?;
            let driver = Driver::from_key(key).ok_or_else(|| {
                let keys: Vec<String> = Driver::with_lines(&plan).iter().map(|d| d.key()).collect();
                format!(
                    "unknown input {key:?}; this plan's inputs are: {}",
                    keys.join(", ")
                )
            })?;
            let s = analysis::solve(&plan, column, metric, target, driver).map_err(fail)?;
            json_text(&answers::solution_json(driver, &s, lang))
        }
        "ranges" => {
            let runs = o
                .runs
                .map_or(Ok(analysis::DEFAULT_RUNS), str::parse)
                .map_err(|_| "--runs must be a whole number".to_owned())?;
            let seed = o
                .seed
                .map_or(Ok(1), str::parse)
                .map_err(|_| "--seed must be a whole number".to_owned())?;
            let r = analysis::ranges(&plan, column, runs, seed).map_err(fail)?;
            json_text(&answers::ranges_json(&r))
        }
        "attribute" => {
            let metric = metric_of(o.metric)?;
            let Column::Scenario(id) = column else {
                return Err("--scenario is needed (s1, s2, …)".to_owned());
            };
            let a = analysis::attribute(&plan, id, metric).map_err(fail)?;
            json_text(&answers::attribution_json(&a, column))
        }
        _ => Err(USAGE.to_owned()),
    }
}

fn run(args: &[String]) -> Result<String, String> {
    let mut lang = Lang::En;
    let mut positional = Vec::new();
    let mut options = Options::default();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let slot = match arg.as_str() {
            "--lang" => {
                let tag = iter.next().ok_or("--lang needs zh-CN or en")?;
                lang = Lang::from_browser_tag(tag);
                continue;
            }
            "-h" | "--help" => return Ok(USAGE.to_owned()),
            "--metric" => &mut options.metric,
            "--scenario" => &mut options.scenario,
            "--swing" => &mut options.swing,
            "--target" => &mut options.target,
            "--input" => &mut options.input,
            "--runs" => &mut options.runs,
            "--seed" => &mut options.seed,
            _ => {
                positional.push(arg.as_str());
                continue;
            }
        };
        *slot = Some(
            iter.next()
                .ok_or_else(|| format!("{arg} needs a value"))?
                .as_str(),
        );
    }
    match positional.as_slice() {
        [command @ ("sensitivity" | "solve" | "ranges" | "attribute"), path] => {
            analyse(command, path, &options, lang)
        }
        ["report", path] => {
            let plan = read_plan(path, lang, false)?;
            serde_json::to_string_pretty(&report(&plan, lang)).map_err(|e| e.to_string())
        }
        ["check", path] => {
            let plan = read_plan(path, lang, true)?;
            let mut out = customer_cost_planner::i18n::texts(lang)
                .plan_valid
                .to_owned();
            // Levers that name a line the scenario does not have are kept (the page marks
            // them, and undo can bring the line back) but change nothing: say which.
            for (scenario, index) in plan.dangling_levers() {
                let (name, line) = plan
                    .scenario(scenario)
                    .map(|s| (s.name.as_str(), s.levers[index].lever.line()))
                    .unwrap_or_default();
                out.push('\n');
                out.push_str(&customer_cost_planner::i18n::dangling_warning(
                    name,
                    index,
                    line.map_or(0, |l| l.0),
                    lang,
                ));
            }
            Ok(out)
        }
        ["link", path] => {
            let plan = read_plan(path, lang, false)?;
            link_fragment(&plan).map_err(|e| e.message(lang))
        }
        // The first screen of a first visit as HTML, for index.html (scripts/wasm.mjs).
        ["prepaint"] => Ok(customer_cost_planner::prepaint::to_html(
            &customer_cost_planner::prepaint::first_visit(lang),
        )),
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
