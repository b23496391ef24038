//! The analyses as JSON (what `ccp sensitivity|solve|ranges|attribute` print): exact decimal
//! strings, `null` with the reason's key where a figure is undefined.

use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

use crate::model::analysis::{Attribution, RangeSummary, Sensitivity, Solution};
use crate::model::{Column, Driver, Figure, Lang};

fn dec(v: Decimal) -> Value {
    Value::String(v.normalize().to_string())
}

/// `name: "1.5"`, or `name: null` and `name_undefined: reason key`.
fn put_figure(out: &mut Map<String, Value>, name: &str, f: Figure) {
    match f {
        Figure::Value(v) => {
            out.insert(name.to_owned(), dec(v));
        }
        Figure::Undefined(u) => {
            out.insert(name.to_owned(), Value::Null);
            out.insert(
                format!("{name}_undefined"),
                Value::String(u.key().to_owned()),
            );
        }
    }
}

pub fn sensitivity_json(s: &Sensitivity, column: Column) -> Value {
    let mut out = Map::new();
    out.insert("metric".into(), Value::String(s.metric.key()));
    out.insert("scenario".into(), Value::String(column.key()));
    out.insert("swing".into(), dec(s.swing_pct));
    put_figure(&mut out, "base", s.base);
    let drivers = s
        .drivers
        .iter()
        .map(|d| {
            let mut o = Map::new();
            o.insert("driver".into(), Value::String(d.driver.key()));
            o.insert("value".into(), dec(d.value));
            o.insert("low_input".into(), dec(d.low_input));
            o.insert("high_input".into(), dec(d.high_input));
            put_figure(&mut o, "low", d.low);
            put_figure(&mut o, "high", d.high);
            o.insert("spread".into(), d.spread().map_or(Value::Null, dec));
            Value::Object(o)
        })
        .collect();
    out.insert("drivers".into(), Value::Array(drivers));
    Value::Object(out)
}

pub fn solution_json(driver: Driver, s: &Solution, lang: Lang) -> Value {
    match s {
        Solution::Found {
            value,
            metric_value,
        } => json!({
            "input": driver.key(),
            "value": dec(*value),
            "metric_value": dec(*metric_value),
        }),
        Solution::Unreachable { reason, best } => json!({
            "input": driver.key(),
            "unreachable": reason.key(),
            "reason": crate::i18n::unreachable(*reason, lang),
            "best_value": best.map_or(Value::Null, |b| dec(b.0)),
            "best_metric": best.map_or(Value::Null, |b| dec(b.1)),
        }),
    }
}

pub fn ranges_json(r: &RangeSummary) -> Value {
    let mut out = Map::new();
    for (metric, p) in &r.metrics {
        let mut o = Map::new();
        put_figure(&mut o, "p10", p.p10);
        put_figure(&mut o, "p50", p.p50);
        put_figure(&mut o, "p90", p.p90);
        o.insert("undefined".into(), json!(p.undefined));
        out.insert(metric.key(), Value::Object(o));
    }
    Value::Object(out)
}

pub fn attribution_json(a: &Attribution, column: Column) -> Value {
    json!({
        "metric": a.metric.key(),
        "scenario": column.key(),
        "base": dec(a.base),
        "value": dec(a.value),
        "total": dec(a.total),
        "method": if a.exact { "exact" } else { "sampled" },
        "levers": a.levers.iter().map(|l| json!({
            "index": l.index,
            "kind": l.kind.key(),
            "share": dec(l.share),
        })).collect::<Vec<_>>(),
    })
}
