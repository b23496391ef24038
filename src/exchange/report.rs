//! The machine-readable report of every scenario's figures (what `ccp report` prints).

use serde_json::{json, Map, Value};

use crate::model::{compare, delta, Column, Figure, Lang, Metric, Plan};

fn figure_json(f: Figure, lang: Lang) -> Value {
    match f {
        Figure::Value(v) => json!({ "value": v.normalize().to_string() }),
        Figure::Undefined(u) => json!({
            "value": Value::Null,
            "undefined": u.key(),
            "reason": u.reason(lang),
        }),
    }
}

/// Every figure of the baseline and of each scenario, with each scenario's difference from the
/// baseline. Values are exact decimal strings.
///
/// ```
/// use customer_cost_planner::exchange::report::report;
/// use customer_cost_planner::model::{Example, Lang};
/// let r = report(&Example::Starter.plan(Lang::En), Lang::En);
/// assert_eq!(r["scenarios"][0]["id"], "baseline");
/// assert_eq!(r["scenarios"][0]["figures"]["cac"]["value"], "400");
/// ```
pub fn report(plan: &Plan, lang: Lang) -> Value {
    let comparison = compare(plan);
    let base = comparison.baseline().map(|e| e.metrics.clone());
    let scenarios: Vec<Value> = comparison
        .columns
        .iter()
        .map(|(column, result)| {
            let name = match column {
                Column::Baseline => crate::i18n::texts(lang).baseline.to_owned(),
                Column::Scenario(id) => plan
                    .scenario(*id)
                    .map(|s| s.name.clone())
                    .unwrap_or_default(),
            };
            let mut out = json!({ "id": column.key(), "name": name });
            match result {
                Err(e) => {
                    out["error"] = Value::String(e.message(lang));
                }
                Ok(eval) => {
                    let mut figures = Map::new();
                    for metric in Metric::all() {
                        let f = metric.of(&eval.metrics);
                        let mut v = figure_json(f, lang);
                        if let (Column::Scenario(_), Some(base)) = (column, &base) {
                            let dlt = delta(metric.of(base), f);
                            v["delta"] = dlt
                                .abs
                                .map_or(Value::Null, |a| Value::String(a.normalize().to_string()));
                            v["delta_pct"] = dlt
                                .pct
                                .map_or(Value::Null, |p| Value::String(p.normalize().to_string()));
                        }
                        figures.insert(metric.key(), v);
                    }
                    out["figures"] = Value::Object(figures);
                }
            }
            out
        })
        .collect();
    json!({
        "plan": plan.name,
        "currency": plan.currency,
        "horizon_months": plan.horizon_months,
        "scenarios": scenarios,
    })
}
