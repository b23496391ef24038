//! The model's speed on plans of growing size: every scenario evaluated (what the page does on
//! each edit). Run with `make bench`
//! (`cargo run --release --no-default-features --example bench_model`).

use std::time::Instant;

use customer_cost_planner::model::{
    compare, BudgetLine, Category, Example, Lang, Lever, LineId, Plan, Scenario, ScenarioId,
};
use rust_decimal::Decimal;

/// The starter example grown to `lines` lines, `scenarios` scenarios and `months` months.
fn plan(lines: u32, scenarios: u32, months: u16) -> Plan {
    let mut plan = Example::Starter.plan(Lang::Zh);
    let template = plan.lines.clone();
    plan.lines = (0..lines)
        .map(|i| BudgetLine {
            id: LineId(i + 1),
            name: format!("预算项 {}", i + 1),
            amount: Decimal::from(1_000 + i % 997),
            ..template[i as usize % template.len()].clone()
        })
        .collect();
    plan.horizon_months = months;
    plan.scenarios = (0..scenarios)
        .map(|i| Scenario {
            id: ScenarioId(i + 1),
            name: format!("情景 {}", i + 1),
            preset: None,
            levers: customer_cost_planner::model::Timed::all([
                Lever::CategorySpend {
                    category: Category::ALL[i as usize % 6],
                    pct: Decimal::from(-10 + i as i64),
                },
                Lever::Churn {
                    pct: Decimal::from(-5),
                },
            ]),
        })
        .collect();
    plan
}

/// The same with time in it: growth, a season, every third line in a window of its own, and each
/// scenario's second lever from month 7 (a projection in two phases).
fn timed(lines: u32, scenarios: u32, months: u16) -> Plan {
    let mut plan = plan(lines, scenarios, months);
    plan.new_customers_growth_pct = Decimal::from(2);
    plan.seasonality_pct = Some(
        [100, 90, 60, 100, 100, 110, 100, 100, 120, 100, 200, 150]
            .map(Decimal::from)
            .to_vec(),
    );
    plan.first_calendar_month = 4;
    for (i, line) in plan.lines.iter_mut().enumerate() {
        if i % 3 == 0
            && !matches!(
                line.basis,
                customer_cost_planner::model::Basis::OneTime { .. }
            )
        {
            let from = u16::try_from(i % 24).unwrap_or(0) + 1;
            line.from_month = Some(from);
            line.to_month = Some(from + 30);
        }
    }
    for s in &mut plan.scenarios {
        s.levers[1].from_month = Some(7);
    }
    plan
}

fn main() {
    let cases = [
        (
            "example (6 lines, 5 scenarios, 12 months)",
            Example::Starter.plan(Lang::Zh),
        ),
        ("200 lines × 10 scenarios × 60 months", plan(200, 10, 60)),
        ("2,000 lines × 5 scenarios × 36 months", plan(2_000, 5, 36)),
        (
            "10,000 lines × 5 scenarios × 36 months",
            plan(10_000, 5, 36),
        ),
        ("2,000 lines × 5 scenarios × 120 months", plan(2_000, 5, 120)),
        (
            "2,000 lines × 5 scenarios × 120 months, with growth, a season, windows and levers from month 7",
            timed(2_000, 5, 120),
        ),
    ];
    println!("model: every scenario evaluated (median of repeated runs)");
    for (name, plan) in cases {
        let runs = 15;
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let started = Instant::now();
                let c = compare(&plan);
                let ms = started.elapsed().as_secs_f64() * 1e3;
                assert!(c.columns.iter().all(|(_, r)| r.is_ok()));
                ms
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!("  {name}: {:.2} ms", times[runs / 2]);
    }
}
