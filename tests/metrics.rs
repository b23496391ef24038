//! Table-driven tests of every figure, every undefined case and the fee tiers.

use std::str::FromStr;

use customer_cost_planner::model::{
    evaluate, Basis, BudgetLine, Category, FeeTier, Figure, LineId, Metrics, Plan, Stage, TierId,
    Undefined,
};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("test literal")
}

fn line(id: u32, category: Category, stage: Stage, amount: &str, basis: Basis) -> BudgetLine {
    BudgetLine {
        id: LineId(id),
        name: format!("line {id}"),
        category,
        stage,
        amount: d(amount),
        basis,
        from_month: None,
        to_month: None,
    }
}

/// 100 customers in steady state (10 new, 10 % churn), R = 100, g = 50 %, 12 months.
fn base() -> Plan {
    Plan {
        name: "t".into(),
        horizon_months: 12,
        starting_customers: d("100"),
        new_customers_per_month: d("10"),
        churn_pct: d("10"),
        revenue_per_customer_month: d("100"),
        gross_margin_pct: d("50"),
        lines: vec![
            line(
                1,
                Category::Marketing,
                Stage::Acquisition,
                "1000",
                Basis::Monthly,
            ),
            line(2, Category::Support, Stage::Service, "1200", Basis::Monthly),
        ],
        ..Plan::default()
    }
}

fn eval(plan: &Plan) -> Metrics {
    evaluate(plan).expect("valid plan").metrics
}

#[test]
fn steady_state_figures() {
    let m = eval(&base());
    // CAC = 12,000 / 120; cost to serve = 14,400 / 1,200 customer-months.
    assert_eq!(m.cac, Figure::Value(d("100")));
    assert_eq!(m.cost_to_serve, Figure::Value(d("12")));
    assert_eq!(m.margin_per_customer_month, Figure::Value(d("38")));
    // CLV = 50 / 0.1 and 38 / 0.1.
    assert_eq!(m.clv_gross, Figure::Value(d("500")));
    assert_eq!(m.clv_net, Figure::Value(d("380")));
    assert_eq!(m.ltv_cac, Figure::Value(d("3.8")));
    assert_eq!(
        m.payback_months.value().map(|v| v.round_dp(6)),
        Some(d("2.631579"))
    );
    assert_eq!(m.revenue, d("120000"));
    assert_eq!(m.cost_ratio.value().map(|v| v.round_dp(6)), Some(d("0.22")));
    assert_eq!(m.net_contribution, d("60000") - d("26400"));
    assert_eq!(m.break_even_month, Figure::Value(d("1")));
}

#[test]
fn every_undefined_case_says_why() {
    type Change = fn(&mut Plan);
    type Read = fn(&Metrics) -> Figure;
    let cases: [(&str, Change, Read, Undefined); 9] = [
        (
            "no new customers: CAC",
            |p| p.new_customers_per_month = d("0"),
            |m| m.cac,
            Undefined::NoNewCustomers,
        ),
        (
            "no new customers: LTV:CAC",
            |p| p.new_customers_per_month = d("0"),
            |m| m.ltv_cac,
            Undefined::NoNewCustomers,
        ),
        (
            "no new customers: payback",
            |p| p.new_customers_per_month = d("0"),
            |m| m.payback_months,
            Undefined::NoNewCustomers,
        ),
        (
            "no customers at all: cost to serve",
            |p| {
                p.starting_customers = d("0");
                p.new_customers_per_month = d("0");
            },
            |m| m.cost_to_serve,
            Undefined::NoCustomers,
        ),
        (
            "zero churn, zero discount: CLV",
            |p| p.churn_pct = d("0"),
            |m| m.clv_net,
            Undefined::NoChurnNoDiscount,
        ),
        (
            "zero churn, zero discount: CLV gross",
            |p| p.churn_pct = d("0"),
            |m| m.clv_gross,
            Undefined::NoChurnNoDiscount,
        ),
        (
            "margin below cost to serve: payback",
            |p| p.gross_margin_pct = d("5"),
            |m| m.payback_months,
            Undefined::NeverPaysBack,
        ),
        (
            "no acquisition cost: LTV:CAC",
            |p| p.lines.retain(|l| l.stage != Stage::Acquisition),
            |m| m.ltv_cac,
            Undefined::NoAcquisitionCost,
        ),
        (
            "no revenue: cost ratio",
            |p| p.revenue_per_customer_month = d("0"),
            |m| m.cost_ratio,
            Undefined::NoRevenue,
        ),
    ];
    for (what, change, figure, reason) in cases {
        let mut plan = base();
        change(&mut plan);
        assert_eq!(figure(&eval(&plan)), Figure::Undefined(reason), "{what}");
    }
}

#[test]
fn defined_edge_cases_stay_defined() {
    // Zero churn but a discount rate: CLV is finite, (1+d)/d months of margin.
    let mut plan = base();
    plan.churn_pct = d("0");
    plan.annual_discount_pct = d("10");
    let m = eval(&plan);
    let clv = m.clv_gross.value().expect("finite with discounting");
    assert!(clv > d("6000") && clv < d("7000"), "{clv}");
    // Negative margin: CLV net is negative, LTV:CAC negative, payback never.
    let mut plan = base();
    plan.gross_margin_pct = d("5");
    let m = eval(&plan);
    assert_eq!(m.margin_per_customer_month, Figure::Value(d("-7")));
    assert_eq!(m.clv_net, Figure::Value(d("-70")));
    assert_eq!(m.ltv_cac, Figure::Value(d("-0.7")));
    // No acquisition cost: CAC is zero and pays back at once.
    let mut plan = base();
    plan.lines.retain(|l| l.stage != Stage::Acquisition);
    let m = eval(&plan);
    assert_eq!(m.cac, Figure::Value(d("0")));
    assert_eq!(m.payback_months, Figure::Value(d("0")));
}

#[test]
fn a_losing_plan_does_not_break_even_within_the_horizon() {
    let mut plan = base();
    plan.lines.push(line(
        3,
        Category::Crm,
        Stage::Retention,
        "100000",
        Basis::OneTime { month: 1 },
    ));
    let m = eval(&plan);
    assert_eq!(
        m.break_even_month,
        Figure::Undefined(Undefined::NotWithinHorizon)
    );
    // A big cost in month 1 recovered later: break-even is the first month that stays above zero.
    let mut plan = base();
    plan.lines.push(line(
        3,
        Category::Crm,
        Stage::Retention,
        "10000",
        Basis::OneTime { month: 1 },
    ));
    // Net per month without the one-off: 5,000 − 2,200 = 2,800; month 1: −7,200; month 4: +1,200.
    assert_eq!(eval(&plan).break_even_month, Figure::Value(d("4")));
}

#[test]
fn fee_tiers_add_revenue_and_report_the_covering_fee() {
    let mut plan = base();
    plan.fee_tiers = vec![
        FeeTier {
            id: TierId(1),
            name: "VIP".into(),
            share_pct: d("10"),
            monthly_fee: d("50"),
        },
        FeeTier {
            id: TierId(2),
            name: "Std".into(),
            share_pct: d("40"),
            monthly_fee: d("5"),
        },
    ];
    let m = eval(&plan);
    // 0.1 × 50 + 0.4 × 5 = 7 per customer-month, over 1,200 customer-months.
    assert_eq!(m.fee_per_customer_month, d("7"));
    assert_eq!(m.fee_revenue, d("8400"));
    assert_eq!(m.revenue, d("128400"));
    assert_eq!(m.fee_covering_cost_to_serve, Figure::Value(d("12")));
    assert_eq!(m.fee_coverage, Figure::Value(d("8400") / d("14400")));
    assert_eq!(m.margin_per_customer_month, Figure::Value(d("45")));
    assert_eq!(m.net_contribution, d("60000") + d("8400") - d("26400"));
}

#[test]
fn discounting_lowers_npv_of_a_profitable_plan() {
    let mut plan = base();
    plan.annual_discount_pct = d("12");
    let m = eval(&plan);
    assert!(m.npv < m.net_contribution);
    assert!(m.npv > d("0"));
    // Month 12's net is discounted by a full year: (1+d)^12 = 1.12.
    let eval = evaluate(&plan).expect("valid");
    let last = eval.projection.months.last().expect("12 months");
    let expected = last.net_contribution / d("1.12");
    assert!((last.discounted_net_contribution - expected).abs() < d("0.000001"));
}

#[test]
fn a_figure_too_large_to_compute_is_undefined_and_the_rest_stand() {
    // A huge acquisition spend over a sliver of a customer, paid back by a sliver of margin:
    // the payback (CAC ÷ margin) passes what a decimal can hold.
    let mut plan = base();
    plan.lines = vec![line(
        1,
        Category::Marketing,
        Stage::Acquisition,
        "999999999999999",
        Basis::Monthly,
    )];
    plan.new_customers_per_month = d("0.0001");
    plan.revenue_per_customer_month = d("0.0001");
    plan.gross_margin_pct = d("0.0001");
    let m = eval(&plan);
    assert_eq!(
        m.payback_months,
        Figure::Undefined(Undefined::TooLarge),
        "{:?}",
        m.payback_months
    );
    assert!(matches!(m.cac, Figure::Value(_)));
    assert_eq!(m.total_cost, d("11999999999999988"));
}
