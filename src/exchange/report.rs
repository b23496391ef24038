//! The machine-readable report of every scenario's figures (what `ccp report` prints).

use crate::i18n::Describe;
use serde_json::{json, Map, Value};

use crate::model::{compare, delta, Column, Figure, Lang, Metric, MonthColumn, Plan};

fn figure_json(f: Figure, lang: Lang) -> Value {
    match f {
        Figure::Value(v) => json!({ "value": v.normalize().to_string() }),
        Figure::Undefined(u) => json!({
            "value": Value::Null,
            "undefined": u.key(),
            "reason": crate::format::undefined_reason(u, lang),
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

/// The month-by-month grid as tab-separated text, as a spreadsheet pastes it: a header row in
/// `lang`, then one row per month with exact values.
///
/// ```
/// use customer_cost_planner::exchange::report::months_tsv;
/// use customer_cost_planner::model::{project, Example, Lang};
/// let p = project(&Example::Starter.plan(Lang::En)).unwrap();
/// let tsv = months_tsv(&p.months, Lang::En);
/// assert_eq!(tsv.lines().count(), 13);
/// assert!(tsv.starts_with("Month\t"));
/// ```
pub fn months_tsv(months: &[crate::model::Month], lang: Lang) -> String {
    let columns = MonthColumn::all();
    let mut out = columns
        .iter()
        .map(|c| crate::i18n::month_column(*c, lang))
        .collect::<Vec<_>>()
        .join("\t");
    out.push('\n');
    for m in months {
        let row = columns
            .iter()
            .map(|c| c.of(m).normalize().to_string())
            .collect::<Vec<_>>()
            .join("\t");
        out.push_str(&row);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{compare, project, Example};

    #[test]
    fn the_grid_adds_up_to_the_headline_figures() {
        for example in Example::ALL {
            let plan = example.plan(Lang::Zh);
            let p = project(&plan).expect("examples project");
            let c = compare(&plan);
            let m = &c.baseline().expect("baseline").metrics;
            let sum = |col: MonthColumn| {
                p.months
                    .iter()
                    .map(|x| col.of(x))
                    .fold(rust_decimal::Decimal::ZERO, |a, b| a + b)
            };
            assert_eq!(sum(MonthColumn::Cost), m.total_cost);
            assert_eq!(sum(MonthColumn::NetContribution), m.net_contribution);
            assert_eq!(sum(MonthColumn::NewCustomers), m.new_customers);
            let by_category: rust_decimal::Decimal = crate::model::Category::ALL
                .into_iter()
                .map(|cat| sum(MonthColumn::Category(cat)))
                .sum();
            assert_eq!(by_category, m.total_cost);
            let tsv = months_tsv(&p.months, Lang::Zh);
            assert_eq!(tsv.lines().count(), p.months.len() + 1);
            assert!(tsv
                .lines()
                .all(|l| l.split('\t').count() == MonthColumn::all().len()));
        }
    }
}
