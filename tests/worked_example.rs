//! The worked example of docs/model.md, asserted figure by figure.

use std::str::FromStr;

use customer_cost_planner::model::{evaluate, Example, Figure, Lang, Metrics};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("test literal")
}

fn metrics() -> Metrics {
    evaluate(&Example::Starter.plan(Lang::En))
        .expect("the worked example computes")
        .metrics
}

fn assert_close(name: &str, actual: Decimal, expected: &str, tolerance: &str) {
    let diff = (actual - d(expected)).abs();
    assert!(
        diff <= d(tolerance),
        "{name}: got {actual}, expected {expected} ± {tolerance}"
    );
}

fn value(name: &str, f: Figure) -> Decimal {
    f.value()
        .unwrap_or_else(|| panic!("{name} is undefined: {f:?}"))
}

#[test]
fn money_figures_match_to_the_cent() {
    let m = metrics();
    let cases = [
        ("total cost", m.total_cost, "832334.21"),
        ("acquisition cost", m.acquisition_cost, "480000.00"),
        ("serve cost", m.serve_cost, "352334.21"),
        ("end customers", m.end_customers, "1459.64"),
        ("revenue", m.revenue, "3053368.33"),
        ("net contribution", m.net_contribution, "999686.79"),
        ("CAC", value("CAC", m.cac), "400.00"),
        (
            "cost to serve",
            value("cost to serve", m.cost_to_serve),
            "23.08",
        ),
        ("CLV gross", value("CLV gross", m.clv_gross), "2400.00"),
        ("CLV net", value("CLV net", m.clv_net), "1938.43"),
    ];
    for (name, actual, expected) in cases {
        assert_close(name, actual, expected, "0.01");
    }
}

#[test]
fn ratios_match_to_four_places() {
    let m = metrics();
    let cases = [
        ("LTV:CAC", value("LTV:CAC", m.ltv_cac), "4.8461"),
        ("payback", value("payback", m.payback_months), "4.1270"),
        ("cost ratio", value("cost ratio", m.cost_ratio), "0.2726"),
    ];
    for (name, actual, expected) in cases {
        assert_close(name, actual, expected, "0.0001");
    }
}

#[test]
fn the_parts_add_up_exactly() {
    let m = metrics();
    assert_eq!(m.cost_by_category.iter().sum::<Decimal>(), m.total_cost);
    assert_eq!(m.cost_by_stage.iter().sum::<Decimal>(), m.total_cost);
    assert_eq!(m.acquisition_cost + m.serve_cost, m.total_cost);
    assert_eq!(m.new_customers, d("1200"));
    // No discounting: NPV equals the undiscounted net contribution.
    assert_eq!(m.npv, m.net_contribution);
    assert_eq!(m.fee_revenue, Decimal::ZERO);
}
