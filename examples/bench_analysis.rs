//! The analyses' speed (issue 11's budgets): a full tornado and a goal seek on a 2,000-line plan
//! over 120 months, 1,000 Monte Carlo draws on the worked example, and a Shapley attribution.
//! Run with `make bench` (`cargo run --release --no-default-features --example bench_analysis`).

use std::time::Instant;

use customer_cost_planner::model::analysis::{attribute, ranges, sensitivity, solve};
use customer_cost_planner::model::{
    BudgetLine, Category, Column, Driver, Example, Input, InputRange, Lang, LineId, Metric, Plan,
};
use rust_decimal::Decimal;

/// The starter example grown to `lines` lines over `months` months.
fn big(lines: u32, months: u16) -> Plan {
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
    plan
}

/// The median of `runs` timings of `f`, in milliseconds.
fn median(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn main() {
    let large = big(2_000, 120);
    let example = Example::Starter.plan(Lang::Zh);
    let mut uncertain = example.clone();
    uncertain.ranges = vec![
        InputRange {
            driver: Driver::Input(Input::NewCustomersPerMonth),
            low: Decimal::from(80),
            high: Decimal::from(120),
        },
        InputRange {
            driver: Driver::Input(Input::ChurnPct),
            low: Decimal::from(4),
            high: Decimal::from(7),
        },
        InputRange {
            driver: Driver::Cost(Category::Marketing),
            low: Decimal::from(-10),
            high: Decimal::from(25),
        },
    ];
    println!("analysis (median of repeated runs, natively)");
    let drivers = sensitivity(&large, Column::Baseline, Metric::LtvCac, Decimal::TEN)
        .map_or(0, |t| t.drivers.len());
    let ms = median(7, || {
        sensitivity(&large, Column::Baseline, Metric::LtvCac, Decimal::TEN).expect("tornado");
    });
    println!("  tornado, 2,000 lines × 120 months ({drivers} drivers × 2): {ms:.2} ms");
    let ms = median(7, || {
        solve(
            &large,
            Column::Baseline,
            Metric::PaybackMonths,
            Decimal::from(12),
            Driver::Cost(Category::Marketing),
        )
        .expect("goal seek");
    });
    println!("  goal seek, 2,000 lines × 120 months (payback 12 by marketing): {ms:.2} ms");
    let ms = median(7, || {
        solve(
            &large,
            Column::Baseline,
            Metric::LtvCac,
            Decimal::from(3),
            Driver::Input(Input::ChurnPct),
        )
        .expect("goal seek");
    });
    println!("  goal seek, 2,000 lines × 120 months (LTV:CAC 3 by churn): {ms:.2} ms");
    let ms = median(7, || {
        solve(
            &large,
            Column::Baseline,
            Metric::NetContribution,
            Decimal::ZERO,
            Driver::Input(Input::RevenuePerCustomerMonth),
        )
        .expect("goal seek");
    });
    println!("  goal seek, 2,000 lines × 120 months (net contribution 0 by revenue): {ms:.2} ms");
    let ms = median(5, || {
        ranges(&uncertain, Column::Baseline, 1_000, 1).expect("ranges");
    });
    println!("  Monte Carlo, worked example, 3 ranges, 1,000 draws: {ms:.2} ms");
    let mut many = example.clone();
    many.scenarios[0].levers = (0..8)
        .map(|i| customer_cost_planner::model::Lever::CategorySpend {
            category: Category::ALL[i % 6],
            pct: Decimal::from(-5),
        })
        .map(customer_cost_planner::model::Timed::from)
        .collect();
    let id = many.scenarios[0].id;
    let ms = median(5, || {
        attribute(&many, id, Metric::NetContribution).expect("attribution");
    });
    println!("  attribution, worked example, 8 levers (exact, 256 subsets): {ms:.2} ms");
    let more = many.scenarios[1].levers.clone();
    many.scenarios[0].levers.extend(more);
    let n = many.scenarios[0].levers.len();
    let ms = median(3, || {
        attribute(&many, id, Metric::NetContribution).expect("attribution");
    });
    println!("  attribution, worked example, {n} levers (sampled, 250 orders): {ms:.2} ms");
}
