//! Property tests: for any valid plan the model never panics, its parts add up exactly, an
//! empty scenario is the baseline, JSON, link and CSV round trips are exact, and more churn
//! never helps.
#![cfg(not(target_arch = "wasm32"))]

use customer_cost_planner::exchange::{csv, json, link};
use customer_cost_planner::i18n::Describe;
use customer_cost_planner::model::{
    compare, compare_from, evaluate, evaluate_scenario, parse_value, validate, Basis, BudgetLine,
    Category, Column, Driver, FeeTier, Input, InputRange, Lang, Lever, LineId, Plan, Rule,
    Scenario, ScenarioId, Stage, TierId, Timed,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A decimal with at most `scale` decimals, from 0 up to `max_units` whole units.
fn amount(max_units: i64, scale: u32) -> impl Strategy<Value = Decimal> {
    let factor = 10_i64.pow(scale);
    (0..=max_units.saturating_mul(factor)).prop_map(move |n| Decimal::new(n, scale).normalize())
}

fn percent() -> impl Strategy<Value = Decimal> {
    (0..=1_000_000_i64).prop_map(|n| Decimal::new(n, 4).normalize())
}

fn change_pct() -> impl Strategy<Value = Decimal> {
    (-1_000_000..=10_000_000_i64).prop_map(|n| Decimal::new(n, 4).normalize())
}

fn category() -> impl Strategy<Value = Category> {
    prop::sample::select(Category::ALL.to_vec())
}

fn stage() -> impl Strategy<Value = Stage> {
    prop::sample::select(Stage::ALL.to_vec())
}

fn basis() -> impl Strategy<Value = Basis> {
    prop_oneof![
        Just(Basis::Monthly),
        Just(Basis::Annual),
        (1..=120_u16).prop_map(|month| Basis::OneTime { month }),
        Just(Basis::PerNewCustomer),
        Just(Basis::PerActiveCustomer),
    ]
}

/// A line's window: none, or from and to months in 1–120 (either may be absent), in order.
fn window() -> impl Strategy<Value = (Option<u16>, Option<u16>)> {
    prop_oneof![
        2 => Just((None, None)),
        1 => (prop::option::of(1..=120_u16), prop::option::of(1..=120_u16)).prop_map(|(a, b)| {
            match (a, b) {
                (Some(a), Some(b)) => (Some(a.min(b)), Some(a.max(b))),
                other => other,
            }
        }),
    ]
}

fn line(id: u32, max_amount: i64) -> impl Strategy<Value = BudgetLine> {
    (
        category(),
        stage(),
        amount(max_amount, 4),
        basis(),
        "(\\PC|[\\t\\n\\r,\"'=+@-]){0,16}",
        window(),
    )
        .prop_map(move |(category, stage, amount, basis, name, (from, to))| {
            let timeless = matches!(basis, Basis::OneTime { .. });
            BudgetLine {
                id: LineId(id),
                name,
                category,
                stage,
                amount,
                basis,
                from_month: from.filter(|_| !timeless),
                to_month: to.filter(|_| !timeless),
            }
        })
}

/// A lever from month 1 (its month absent or 1) or from a later month, where it may have one.
fn timed(next_id: u32) -> impl Strategy<Value = Timed> {
    (lever(next_id), prop::option::of(1..=120_u16)).prop_map(|(lever, month)| Timed {
        from_month: month.filter(|_| !lever.whole_plan()),
        lever,
    })
}

/// Growth, seasonality and the calendar month of month 1, or none of them.
fn time() -> impl Strategy<Value = (Decimal, Option<Vec<Decimal>>, u8)> {
    prop_oneof![
        Just((Decimal::ZERO, None, 1)),
        (
            (-5_000..=5_000_i64).prop_map(|n| Decimal::new(n, 2).normalize()),
            prop::option::of(prop::collection::vec(
                (0..=3_000_i64).prop_map(|n| Decimal::new(n, 1).normalize()),
                12
            )),
            1..=12_u8,
        ),
    ]
}

fn lever(next_id: u32) -> impl Strategy<Value = Lever> {
    prop_oneof![
        (category(), change_pct())
            .prop_map(|(category, pct)| Lever::CategorySpend { category, pct }),
        (1..8_u32, amount(1_000_000, 4)).prop_map(|(id, amount)| Lever::LineAmount {
            line: LineId(id),
            amount
        }),
        line(next_id, 1_000_000).prop_map(|line| Lever::AddLine { line }),
        (1..8_u32).prop_map(|id| Lever::RemoveLine { line: LineId(id) }),
        change_pct().prop_map(|pct| Lever::NewCustomers { pct }),
        change_pct().prop_map(|pct| Lever::Churn { pct }),
        change_pct().prop_map(|pct| Lever::Revenue { pct }),
        percent().prop_map(|value| Lever::Set {
            input: Input::ChurnPct,
            value
        }),
        (1..4_u32, amount(10_000, 4)).prop_map(|(id, value)| Lever::Set {
            input: Input::TierFee(TierId(id)),
            value
        }),
    ]
}

/// Ranges for some of the inputs every plan has, low ≤ high.
fn ranges() -> impl Strategy<Value = Vec<InputRange>> {
    prop::collection::vec((0..6_usize, percent(), percent()), 0..4).prop_map(|v| {
        let mut out: Vec<InputRange> = Vec::new();
        for (i, a, b) in v {
            let driver = Driver::Input(Input::BASE[i]);
            if out.iter().all(|r| r.driver != driver) {
                out.push(InputRange {
                    driver,
                    low: a.min(b),
                    high: a.max(b),
                });
            }
        }
        out
    })
}

/// Plans within realistic bounds (amounts up to 10^9, customers up to 10^7).
fn plan() -> impl Strategy<Value = Plan> {
    let economics = (
        1..=120_u16,
        amount(10_000_000, 2),
        amount(100_000, 2),
        percent(),
        amount(1_000_000, 4),
        percent(),
        percent(),
    );
    let lines = prop::collection::vec(any::<u8>(), 0..8).prop_flat_map(|v| {
        v.iter()
            .enumerate()
            .map(|(i, _)| line(u32::try_from(i).unwrap_or(0) + 1, 1_000_000_000))
            .collect::<Vec<_>>()
    });
    let tiers = prop::collection::vec((0..=25_i64, amount(10_000, 4)), 0..4);
    let scenarios = prop::collection::vec(prop::collection::vec(timed(100), 0..5), 0..4);
    (economics, lines, tiers, scenarios, ranges(), time()).prop_map(
        |(e, lines, tiers, scenarios, ranges, time)| Plan {
            name: "p".into(),
            currency: "CNY".into(),
            horizon_months: e.0,
            starting_customers: e.1,
            new_customers_per_month: e.2,
            new_customers_growth_pct: time.0,
            seasonality_pct: time.1,
            first_calendar_month: time.2,
            churn_pct: e.3,
            revenue_per_customer_month: e.4,
            gross_margin_pct: e.5,
            annual_discount_pct: e.6,
            lines,
            fee_tiers: tiers
                .into_iter()
                .zip(1..)
                .map(|((share, fee), id)| FeeTier {
                    id: TierId(id),
                    name: format!("t{id}"),
                    share_pct: Decimal::from(share),
                    monthly_fee: fee,
                })
                .collect(),
            scenarios: scenarios
                .into_iter()
                .zip(1..)
                .map(|(levers, id)| Scenario {
                    id: ScenarioId(id),
                    name: format!("s{id}"),
                    preset: None,
                    levers,
                })
                .collect(),
            ranges,
        },
    )
}

/// Plans at the edges of every limit: amounts and customers up to just below 10^15.
fn extreme_plan() -> impl Strategy<Value = Plan> {
    let big = || amount(999_999_999_999_999, 0);
    (plan(), big(), big(), big(), line(50, 999_999_999_999_999)).prop_map(|(mut p, n0, a, r, l)| {
        p.starting_customers = n0;
        p.new_customers_per_month = a;
        p.revenue_per_customer_month = r;
        p.lines.push(l);
        p
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_plans_are_valid(plan in plan()) {
        prop_assert!(validate(&plan).is_empty(), "{:?}", validate(&plan));
    }

    #[test]
    fn no_plan_panics(plan in extreme_plan()) {
        // Either figures or an error naming a field; never a panic.
        let c = compare(&plan);
        for (_, result) in &c.columns {
            if let Err(e) = result {
                prop_assert!(!e.message(customer_cost_planner::model::Lang::Zh).is_empty());
            }
        }
    }

    #[test]
    fn totals_equal_the_sum_of_their_parts_exactly(plan in plan()) {
        let c = compare(&plan);
        for (column, result) in &c.columns {
            let Ok(eval) = result else { continue };
            let m = &eval.metrics;
            let by_category: Decimal = m.cost_by_category.iter().sum();
            let by_stage: Decimal = m.cost_by_stage.iter().sum();
            let by_month: Decimal = eval.projection.months.iter().map(|x| x.cost).sum();
            prop_assert_eq!(by_category, m.total_cost, "{:?}", column);
            prop_assert_eq!(by_stage, m.total_cost, "{:?}", column);
            prop_assert_eq!(by_month, m.total_cost, "{:?}", column);
            prop_assert_eq!(m.acquisition_cost + m.serve_cost, m.total_cost);
        }
    }

    #[test]
    fn a_scenario_without_levers_is_the_baseline(plan in plan()) {
        let empty = Scenario { id: ScenarioId(999), name: "none".into(), preset: None, levers: vec![] };
        let base = evaluate(&plan);
        prop_assume!(base.is_ok());
        prop_assert_eq!(evaluate_scenario(&plan, &empty), base);
    }

    #[test]
    fn comparing_from_an_earlier_version_gives_the_same_figures(
        a in plan(),
        b in plan(),
        which in 0..4usize,
        pct in change_pct(),
    ) {
        // Another plan altogether, and the same plan with one scenario, the name or the
        // baseline changed.
        let mut edited = a.clone();
        match which {
            0 => edited.name = "renamed".into(),
            1 => edited.churn_pct = (edited.churn_pct / Decimal::TWO).round_dp(4),
            _ => {
                if let Some(s) = edited.scenarios.first_mut() {
                    s.levers.push(Lever::Revenue { pct }.into());
                }
            }
        }
        let old = compare(&a);
        for next in [&b, &edited] {
            prop_assert_eq!(compare_from(Some((&a, &old)), next), compare(next));
        }
    }

    #[test]
    fn time_that_changes_nothing_changes_no_figure(plan in plan()) {
        let base = compare(&plan);
        // A window [1, H] is no window; twelve 100s are no seasonality; a lever from month 1
        // is a lever without a month.
        let mut same = plan.clone();
        for line in &mut same.lines {
            if !line.has_window() && !matches!(line.basis, Basis::OneTime { .. }) {
                line.from_month = Some(1);
                line.to_month = Some(same.horizon_months);
            }
        }
        if same.seasonality_pct.is_none() {
            same.seasonality_pct = Some(vec![Decimal::ONE_HUNDRED; 12]);
        }
        for s in &mut same.scenarios {
            for l in &mut s.levers {
                if l.from_month.is_none() && !l.lever.whole_plan() {
                    l.from_month = Some(1);
                }
            }
        }
        prop_assert!(validate(&same).is_empty(), "{:?}", validate(&same));
        prop_assert_eq!(compare(&same), base);
    }

    #[test]
    fn json_round_trip_is_exact(plan in plan()) {
        let text = json::plan_to_json(&plan);
        let back = json::read_plan(&text);
        prop_assert!(back.as_ref().is_ok_and(|r| r.repairs.is_empty()));
        let back = back.map(|r| r.plan);
        prop_assert_eq!(back.as_ref(), Ok(&plan));
        let again = back.map(|p| json::plan_to_json(&p));
        prop_assert_eq!(again, Ok(text));
    }

    #[test]
    fn link_round_trip_is_exact(plan in plan()) {
        match link::encode(&plan) {
            Ok(fragment) => prop_assert_eq!(link::decode(&fragment).map(|r| r.plan), Ok(plan)),
            Err(link::LinkError::TooLong(n)) => prop_assert!(n > link::MAX_CHARS),
            Err(e) => prop_assert!(false, "{:?}", e),
        }
    }

    #[test]
    fn lines_csv_round_trip_is_exact(plan in plan(), lang in prop::sample::select(vec![Lang::Zh, Lang::En])) {
        let text = csv::lines_to_csv(&plan.lines, lang);
        let back = csv::lines_from_csv(&text, 1);
        prop_assert_eq!(back, Ok(plan.lines.clone()));
    }

    #[test]
    fn csv_and_link_readers_never_panic(text in "\\PC{0,200}") {
        let _ = csv::lines_from_csv(&text, 1);
        let _ = link::decode(&text);
        let _ = link::decode(&format!("plan=1.{text}"));
        let _ = customer_cost_planner::exchange::json::read(&text);
    }

    #[test]
    fn more_churn_never_raises_end_customers(plan in plan(), extra in percent()) {
        let mut more = plan.clone();
        more.churn_pct = (plan.churn_pct + extra).min(Decimal::ONE_HUNDRED);
        let (Ok(a), Ok(b)) = (evaluate(&plan), evaluate(&more)) else {
            return Ok(());
        };
        prop_assert!(b.metrics.end_customers <= a.metrics.end_customers);
        prop_assert!(b.metrics.customer_months <= a.metrics.customer_months);
    }

    #[test]
    fn the_parser_never_panics(text in "\\PC{0,40}") {
        for rule in [Rule::money(), Rule::percent(), Rule::change_pct(), Rule::months(1, 120)] {
            let _ = parse_value(&text, rule);
        }
    }

    #[test]
    fn the_parser_reads_back_what_it_accepts(value in amount(999_999_999_999, 4)) {
        prop_assert_eq!(parse_value(&value.to_string(), Rule::money()), Ok(value));
        // With thousands separators, as a spreadsheet writes them.
        let s = value.to_string();
        let (int, frac) = s.split_once('.').map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
        let mut grouped = String::new();
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        if let Some(f) = frac {
            grouped.push('.');
            grouped.push_str(f);
        }
        prop_assert_eq!(parse_value(&format!("¥{grouped}"), Rule::money()), Ok(value));
    }
}

#[test]
fn every_column_of_the_examples_computes() {
    use customer_cost_planner::model::{Example, Lang};
    for example in Example::ALL {
        let c = compare(&example.plan(Lang::En));
        assert_eq!(c.columns[0].0, Column::Baseline);
        for (column, result) in &c.columns {
            assert!(result.is_ok(), "{example:?} {column:?}: {result:?}");
        }
    }
}
