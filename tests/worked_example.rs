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

/// The second worked example of docs/model.md ("Time in the plan"): growth, a season from
/// November, a line that runs in months 2–3 and a churn change from month 3, computed by hand
/// there month by month.
mod time {
    use super::*;
    use customer_cost_planner::exchange::json;
    use customer_cost_planner::model::{compare, Column, Plan, ScenarioId};

    fn plan() -> Plan {
        json::read_plan(include_str!("fixtures/time-example.json"))
            .expect("the time example reads")
            .plan
    }

    fn column(plan: &Plan, column: Column) -> customer_cost_planner::model::Evaluation {
        compare(plan)
            .get(column)
            .expect("column")
            .clone()
            .expect("computes")
    }

    #[test]
    fn the_baseline_month_by_month() {
        let e = column(&plan(), Column::Baseline);
        let col = |f: fn(&customer_cost_planner::model::Month) -> Decimal| -> Vec<Decimal> {
            e.projection.months.iter().map(f).collect()
        };
        let ds = |v: &[&str]| v.iter().map(|s| d(s)).collect::<Vec<_>>();
        // A_m = 20 × 1.1^(m−1) = 20, 22, 24.2, 26.62; November 200 %, December 50 %.
        assert_eq!(col(|m| m.new_customers), ds(&["40", "11", "24.2", "26.62"]));
        assert_eq!(
            col(|m| m.end_customers),
            ds(&["130", "128", "139.4", "152.08"])
        );
        // Ads only in months 2 and 3; support 2 per active customer.
        assert_eq!(col(|m| m.cost), ds(&["260", "556", "578.8", "304.16"]));
        let m = &e.metrics;
        assert_eq!(m.total_cost, d("1698.96"));
        assert_eq!(m.new_customers, d("101.82"));
        assert_eq!(m.net_contribution, d("9290.64"));
        assert_eq!(value("cost to serve", m.cost_to_serve), d("2"));
        assert_eq!(value("CLV net", m.clv_net), d("180"));
        assert_close("CAC", value("CAC", m.cac), "5.8928", "0.0001");
        assert_close("LTV:CAC", value("LTV:CAC", m.ltv_cac), "30.546", "0.0001");
        assert_close(
            "payback",
            value("payback", m.payback_months),
            "0.3274",
            "0.0001",
        );
    }

    #[test]
    fn the_scenario_changes_churn_from_month_three() {
        let e = column(&plan(), Column::Scenario(ScenarioId(1)));
        let ends: Vec<Decimal> = e
            .projection
            .months
            .iter()
            .map(|m| m.end_customers)
            .collect();
        assert_eq!(ends, ["130", "128", "145.8", "165.13"].map(d));
        let m = &e.metrics;
        assert_eq!(m.total_cost, d("1737.86"));
        assert_eq!(m.net_contribution, d("9640.74"));
        // Churn weighted by customers: (10 + 13 + 6.4 + 7.29) ÷ (100 + 130 + 128 + 145.8).
        assert_eq!(e.projection.churn, d("36.69") / d("503.8"));
        // CLV net = 18 ÷ c̄ (no discount).
        assert_close("CLV net", value("CLV net", m.clv_net), "247.1627", "0.0001");
    }
}
