//! The analyses (sensitivity, goal seek, ranges, attribution) against hand-computed cases and
//! ordinary evaluations of the model, on every example plan and on generated ones.
#![cfg(not(target_arch = "wasm32"))]

use customer_cost_planner::exchange::json;
use customer_cost_planner::model::analysis::{
    self, answer_scenario, attribute, ranges, sensitivity, solve, tolerance, triangular,
    AnalysisError, MonteCarlo, Rng, Solution, Unreachable,
};
use customer_cost_planner::model::{
    compare, evaluate, evaluate_scenario, validate, Category, Column, Driver, Example, Figure,
    Input, InputRange, Lang, Lever, LineId, Metric, Plan, Scenario, ScenarioId, TierId, Timed,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("test literal")
}

fn examples() -> Vec<Plan> {
    Example::ALL.into_iter().map(|e| e.plan(Lang::En)).collect()
}

/// The figure of `plan` seen by `column` with `driver` at `value`, by an ordinary evaluation:
/// the column's scenario with the lever that sets the driver added last.
fn figure_with(
    plan: &Plan,
    column: Column,
    driver: Driver,
    value: Decimal,
    metric: Metric,
) -> Figure {
    let mut with = match column {
        Column::Baseline => Scenario {
            id: ScenarioId(999),
            name: String::new(),
            preset: None,
            levers: Vec::new(),
        },
        Column::Scenario(id) => plan.scenario(id).expect("scenario").clone(),
    };
    with.levers
        .push(analysis::answer_lever(driver, value).into());
    evaluate_scenario(plan, &with)
        .map(|e| metric.of(&e.metrics))
        .unwrap_or(Figure::Undefined(
            customer_cost_planner::model::Undefined::TooLarge,
        ))
}

/// The evaluation of `column` as the comparison gives it.
fn of_column(plan: &Plan, column: Column) -> customer_cost_planner::model::Evaluation {
    compare(plan)
        .get(column)
        .expect("column")
        .clone()
        .expect("valid")
}

fn columns(plan: &Plan) -> Vec<Column> {
    std::iter::once(Column::Baseline)
        .chain(plan.scenarios.iter().map(|s| Column::Scenario(s.id)))
        .collect()
}

#[test]
fn tornado_values_are_two_ordinary_evaluations() {
    for plan in examples() {
        for column in columns(&plan) {
            for metric in [
                Metric::LtvCac,
                Metric::PaybackMonths,
                Metric::NetContribution,
            ] {
                let t = sensitivity(&plan, column, metric, d("10")).expect("tornado");
                let at = analysis::effective(&plan, column).expect("valid");
                assert_eq!(t.base, metric.of(&of_column(&plan, column).metrics));
                // Every driver of the plan, once.
                assert_eq!(t.drivers.len(), Driver::all_of(at.first()).len());
                for s in &t.drivers {
                    assert_eq!(
                        s.low,
                        figure_with(&plan, column, s.driver, s.low_input, metric),
                        "{} low",
                        s.driver
                    );
                    assert_eq!(
                        s.high,
                        figure_with(&plan, column, s.driver, s.high_input, metric),
                        "{} high",
                        s.driver
                    );
                }
                // Ranked widest first.
                let spreads: Vec<Decimal> = t.drivers.iter().filter_map(|s| s.spread()).collect();
                assert!(spreads.windows(2).all(|w| w[0] >= w[1]));
            }
        }
    }
}

#[test]
fn a_driver_moves_relative_to_itself_within_its_range() {
    let mut plan = Example::Starter.plan(Lang::En);
    plan.churn_pct = d("5");
    plan.gross_margin_pct = d("95");
    let t = sensitivity(&plan, Column::Baseline, Metric::LtvCac, d("10")).expect("tornado");
    let get = |key: &str| {
        t.drivers
            .iter()
            .find(|s| s.driver.key() == key)
            .expect(key)
            .clone()
    };
    let churn = get("churn_pct");
    assert_eq!((churn.low_input, churn.high_input), (d("4.5"), d("5.5")));
    // 95 % + 10 % of itself is 104.5 %: clamped to 100 %.
    let margin = get("gross_margin_pct");
    assert_eq!((margin.low_input, margin.high_input), (d("85.5"), d("100")));
    // A category moves by the swing, as a change of its spend.
    let marketing = get("cost_marketing");
    assert_eq!(
        (marketing.low_input, marketing.high_input),
        (d("-10"), d("10"))
    );
    // A swing of 100 % takes churn to zero and doubles it.
    let t = sensitivity(&plan, Column::Baseline, Metric::LtvCac, d("100")).expect("tornado");
    let churn = t
        .drivers
        .iter()
        .find(|s| s.driver.key() == "churn_pct")
        .expect("churn");
    assert_eq!((churn.low_input, churn.high_input), (d("0"), d("10")));
    for bad in ["0", "0.5", "101", "-10"] {
        assert_eq!(
            sensitivity(&plan, Column::Baseline, Metric::LtvCac, d(bad)),
            Err(AnalysisError::BadSetting)
        );
    }
}

#[test]
fn hand_computed_tornado_of_a_one_line_plan() {
    // One monthly line of 1,000 in acquisition, 10 new customers a month, 12 months:
    // CAC = 12,000 ÷ 120 = 100. Spend ±10 % → 90 and 110; new customers ±10 % → 100 ÷ 1.1
    // and 100 ÷ 0.9.
    let mut plan = Plan {
        horizon_months: 12,
        new_customers_per_month: d("10"),
        ..Plan::default()
    };
    plan.lines.push(customer_cost_planner::model::BudgetLine {
        id: LineId(1),
        name: "Ads".into(),
        category: Category::Marketing,
        stage: customer_cost_planner::model::Stage::Acquisition,
        amount: d("1000"),
        basis: customer_cost_planner::model::Basis::Monthly,
        from_month: None,
        to_month: None,
    });
    let t = sensitivity(&plan, Column::Baseline, Metric::Cac, d("10")).expect("tornado");
    assert_eq!(t.base, Figure::Value(d("100")));
    let get = |key: &str| {
        t.drivers
            .iter()
            .find(|s| s.driver.key() == key)
            .expect(key)
            .clone()
    };
    let m = get("cost_marketing");
    assert_eq!(
        (m.low, m.high),
        (Figure::Value(d("90")), Figure::Value(d("110")))
    );
    let n = get("new_customers_per_month");
    assert_eq!(n.low, Figure::Value(d("12000") / d("108")));
    assert_eq!(n.high, Figure::Value(d("12000") / d("132")));
    // Churn does not move CAC: a spread of zero, ranked after both.
    let c = get("churn_pct");
    assert_eq!(c.spread(), Some(Decimal::ZERO));
    assert_eq!(t.drivers[0].driver.key(), "new_customers_per_month");
}

/// A goal seek's answer, put back into the plan as the scenario it offers to make, gives the
/// target within the tolerance.
fn check_answer(
    plan: &Plan,
    column: Column,
    metric: Metric,
    target: Decimal,
    driver: Driver,
) -> Solution {
    let s = solve(plan, column, metric, target, driver).expect("solve");
    if let Solution::Found {
        value,
        metric_value,
    } = &s
    {
        assert!((*metric_value - target).abs() <= tolerance(metric), "{s:?}");
        let mut with = plan.clone();
        let id = ScenarioId(777);
        with.scenarios.push(answer_scenario(
            plan,
            column,
            driver,
            *value,
            id,
            "goal".into(),
        ));
        assert!(validate(&with).is_empty(), "{:?}", validate(&with));
        let e = evaluate_scenario(&with, with.scenario(id).expect("added")).expect("valid");
        assert_eq!(metric.of(&e.metrics), Figure::Value(*metric_value));
        assert_eq!(
            figure_with(plan, column, driver, *value, metric),
            Figure::Value(*metric_value)
        );
        // As the lever's field takes it: 4 decimals at most, next to the answer, on the
        // target's better side when the answer needed more decimals.
        let field = analysis::field_value(plan, column, metric, target, driver, *value);
        assert!(field.normalize().scale() <= 4, "{field}");
        assert!((field - *value).abs() < d("0.0001"), "{field} vs {value}");
        if value.normalize().scale() > 4 {
            let Figure::Value(f) = figure_with(plan, column, driver, field, metric) else {
                panic!("{field} gives no figure");
            };
            let reaches = match metric.better() {
                customer_cost_planner::model::Better::Higher => f >= target,
                customer_cost_planner::model::Better::Lower => f <= target,
            };
            assert!(
                reaches,
                "{metric:?} {f} at {field} (answer {value}) misses {target}"
            );
        } else {
            assert_eq!(field, *value);
        }
    }
    s
}

#[test]
fn goal_seek_answers_put_back_give_the_target() {
    let plan = Example::Starter.plan(Lang::En);
    let churn = Driver::Input(Input::ChurnPct);
    let questions = [
        (Metric::LtvCac, "3", churn),
        (
            Metric::LtvCac,
            "3",
            Driver::Input(Input::NewCustomersPerMonth),
        ),
        (
            Metric::PaybackMonths,
            "12",
            Driver::Cost(Category::Marketing),
        ),
        (
            Metric::NetContribution,
            "0",
            Driver::Input(Input::RevenuePerCustomerMonth),
        ),
        (Metric::Npv, "500000", Driver::LineAmount(LineId(1))),
        (Metric::Cac, "350", Driver::Cost(Category::Marketing)),
        (
            Metric::CostRatio,
            "0.3",
            Driver::Input(Input::RevenuePerCustomerMonth),
        ),
        // Near a boundary: churn close to zero.
        (Metric::LtvCac, "300", churn),
        (
            Metric::EndCustomers,
            "2000",
            Driver::Input(Input::StartingCustomers),
        ),
    ];
    for column in columns(&plan) {
        for (metric, target, driver) in questions {
            let s = check_answer(&plan, column, metric, d(target), driver);
            assert!(
                matches!(s, Solution::Found { .. }),
                "{column:?} {metric:?} {driver}: {s:?}"
            );
        }
    }
}

#[test]
fn goal_seek_says_why_when_it_cannot() {
    let plan = Example::Starter.plan(Lang::En);
    let b = Column::Baseline;
    // LTV:CAC of 300 needs a gross margin above 100 %: the best is at 100 %.
    match solve(
        &plan,
        b,
        Metric::LtvCac,
        d("300"),
        Driver::Input(Input::GrossMarginPct),
    )
    .expect("solve")
    {
        Solution::Unreachable {
            reason: Unreachable::OutOfRange,
            best: Some((v, _)),
        } => {
            assert_eq!(v, Decimal::ONE_HUNDRED)
        }
        other => panic!("{other:?}"),
    }
    // CAC does not depend on churn.
    let s = solve(
        &plan,
        b,
        Metric::Cac,
        d("10"),
        Driver::Input(Input::ChurnPct),
    )
    .expect("solve");
    assert!(
        matches!(
            s,
            Solution::Unreachable {
                reason: Unreachable::NoEffect,
                ..
            }
        ),
        "{s:?}"
    );
    // Break-even moves in whole months: 6.5 is jumped over.
    let s = solve(
        &plan,
        b,
        Metric::BreakEvenMonth,
        d("6.5"),
        Driver::Input(Input::RevenuePerCustomerMonth),
    )
    .expect("solve");
    assert!(
        matches!(
            s,
            Solution::Unreachable {
                reason: Unreachable::Steps,
                ..
            }
        ),
        "{s:?}"
    );
    // A whole month is reached exactly.
    let s = check_answer(
        &plan,
        b,
        Metric::BreakEvenMonth,
        d("7"),
        Driver::Input(Input::RevenuePerCustomerMonth),
    );
    assert!(matches!(s, Solution::Found { .. }), "{s:?}");
    // Drivers the plan does not have.
    for driver in [
        Driver::LineAmount(LineId(999)),
        Driver::Input(Input::TierFee(TierId(99))),
    ] {
        assert_eq!(
            solve(&plan, b, Metric::Cac, d("1"), driver),
            Err(AnalysisError::NoDriver(driver))
        );
    }
    assert_eq!(
        solve(
            &plan,
            Column::Scenario(ScenarioId(99)),
            Metric::Cac,
            d("1"),
            Driver::Input(Input::ChurnPct)
        ),
        Err(AnalysisError::NoScenario(ScenarioId(99)))
    );
}

#[test]
fn a_monte_carlo_run_without_ranges_gives_the_plain_figures() {
    for plan in examples() {
        for column in columns(&plan).into_iter().take(3) {
            let r = ranges(&plan, column, 50, 7).expect("run");
            let e = of_column(&plan, column);
            for (metric, p) in &r.metrics {
                let plain = metric.of(&e.metrics);
                assert_eq!((p.p10, p.p50, p.p90), (plain, plain, plain), "{metric:?}");
            }
            let last = e
                .projection
                .months
                .last()
                .expect("months")
                .cumulative_net_contribution;
            assert_eq!(r.fan.last().expect("fan")[1], last);
        }
    }
}

fn with_ranges() -> Plan {
    let mut plan = Example::Starter.plan(Lang::En);
    plan.ranges = vec![
        InputRange {
            driver: Driver::Input(Input::NewCustomersPerMonth),
            low: d("80"),
            high: d("120"),
        },
        InputRange {
            driver: Driver::Input(Input::ChurnPct),
            low: d("4"),
            high: d("7"),
        },
        InputRange {
            driver: Driver::Cost(Category::Marketing),
            low: d("-10"),
            high: d("25"),
        },
    ];
    plan
}

#[test]
fn the_same_seed_gives_the_same_figures_and_slices_change_nothing() {
    let plan = with_ranges();
    assert!(validate(&plan).is_empty());
    let column = Column::Scenario(plan.scenarios[1].id);
    let whole = ranges(&plan, column, 300, 42).expect("run");
    assert_eq!(whole, ranges(&plan, column, 300, 42).expect("run"));
    let mut mc = MonteCarlo::new(&plan, column, 300, 42).expect("run");
    while !mc.finished() {
        mc.step(7);
    }
    assert_eq!(mc.summary(), whole);
    assert_ne!(whole, ranges(&plan, column, 300, 43).expect("run"));
    for (metric, p) in &whole.metrics {
        let (a, b, c) = (p.p10.value(), p.p50.value(), p.p90.value());
        assert!(a <= b && b <= c, "{metric:?} {p:?}");
    }
    // Uncertain churn and volume spread LTV:CAC.
    let ltv = &whole
        .metrics
        .iter()
        .find(|(m, _)| *m == Metric::LtvCac)
        .expect("ltv")
        .1;
    assert!(ltv.p10.value() < ltv.p90.value());
    for month in &whole.fan {
        assert!(month[0] <= month[1] && month[1] <= month[2]);
    }
    // A cancelled run summarises the draws it made.
    let mut part = MonteCarlo::new(&plan, column, 300, 42).expect("run");
    part.step(40);
    assert_eq!(part.summary().runs, 40);
    assert!(MonteCarlo::new(&plan, column, 0, 1).is_err());
    assert!(MonteCarlo::new(&plan, column, analysis::MAX_RUNS + 1, 1).is_err());
}

#[test]
fn triangular_draws_stay_in_range_and_follow_the_shape() {
    let (a, c, b) = (d("4"), d("5"), d("7"));
    let mut rng = Rng::new(1);
    let draws: Vec<Decimal> = (0..4000).map(|_| triangular(rng.unit(), a, c, b)).collect();
    assert!(draws.iter().all(|x| *x >= a && *x <= b && x.scale() <= 4));
    // Mean (a + b + c) ÷ 3 = 5.3333; P(x ≤ c) = (c − a) ÷ (b − a) = 1/3.
    let mean = draws.iter().sum::<Decimal>() / Decimal::from(draws.len());
    assert!((mean - d("5.3333")).abs() < d("0.05"), "{mean}");
    let below = draws.iter().filter(|x| **x <= c).count();
    assert!((1250..1420).contains(&below), "{below}");
    // Degenerate ranges.
    assert_eq!(triangular(d("0.7"), c, c, c), c);
    assert_eq!(
        triangular(d("0.999"), a, a, b).max(a),
        triangular(d("0.999"), a, a, b)
    );
}

#[test]
fn ranges_are_carried_by_files_and_checked() {
    let plan = with_ranges();
    let text = json::plan_to_json(&plan);
    assert!(text.contains("\"driver\": \"cost_marketing\""), "{text}");
    let back = json::read_plan(&text).expect("read").plan;
    assert_eq!(back.ranges, plan.ranges);
    let mut bad = plan.clone();
    bad.ranges[0].low = d("130");
    assert_eq!(validate(&bad).len(), 1);
    let mut bad = plan.clone();
    bad.ranges.push(bad.ranges[0].clone());
    assert_eq!(validate(&bad).len(), 1);
    let mut bad = plan.clone();
    bad.ranges[1].high = d("101");
    assert_eq!(validate(&bad).len(), 1);
    let unknown = text.replace("cost_marketing", "cost_lunch");
    assert!(json::read_plan(&unknown).is_err());
}

#[test]
fn attribution_sums_to_the_change_and_a_single_lever_takes_it_all() {
    for plan in examples() {
        for s in &plan.scenarios {
            for metric in [Metric::NetContribution, Metric::LtvCac, Metric::TotalCost] {
                let a = match attribute(&plan, s.id, metric) {
                    Ok(a) => a,
                    Err(AnalysisError::Undefined(_)) => continue,
                    Err(e) => panic!("{e:?}"),
                };
                let sum: Decimal = a.levers.iter().map(|l| l.share).sum();
                assert_eq!(sum, a.total);
                let base = evaluate(&plan).expect("valid");
                let value = evaluate_scenario(&plan, s).expect("valid");
                // The ends are the figures rounded to the shares' 10 decimals.
                let grid = |f: Figure| {
                    f.value()
                        .map(|v| v.round_dp(analysis::SHARE_DP).normalize())
                };
                assert_eq!(Some(a.base), grid(metric.of(&base.metrics)));
                assert_eq!(Some(a.value), grid(metric.of(&value.metrics)));
                assert_eq!(a.total, a.value - a.base);
                if s.levers.len() == 1 {
                    assert_eq!(a.levers[0].share, a.total);
                }
            }
        }
    }
}

#[test]
fn hand_computed_shapley_values() {
    // Net contribution is linear in revenue and (without per-customer lines) in spend, but
    // revenue × volume interact: the interaction is split equally between the two levers.
    let mut plan = Plan {
        horizon_months: 1,
        new_customers_per_month: d("100"),
        revenue_per_customer_month: d("10"),
        gross_margin_pct: d("100"),
        ..Plan::default()
    };
    plan.scenarios.push(Scenario {
        id: ScenarioId(1),
        name: "both".into(),
        preset: None,
        levers: Timed::all([
            Lever::NewCustomers { pct: d("50") },
            Lever::Revenue { pct: d("20") },
        ]),
    });
    // v(∅) = 100 × 10 = 1000; v(volume) = 1500; v(revenue) = 1200; v(both) = 1800.
    // φ(volume) = ½(500) + ½(1800 − 1200) = 550; φ(revenue) = ½(200) + ½(300) = 250.
    let a = attribute(&plan, ScenarioId(1), Metric::NetContribution).expect("attribution");
    let shares: Vec<Decimal> = a.levers.iter().map(|l| l.share).collect();
    assert_eq!(shares, vec![d("550"), d("250")]);
    assert_eq!(a.total, d("800"));
    assert!(a.exact);
    // Listing the levers the other way round gives each the same share.
    plan.scenarios[0].levers.reverse();
    let b = attribute(&plan, ScenarioId(1), Metric::NetContribution).expect("attribution");
    let shares: Vec<Decimal> = b.levers.iter().map(|l| l.share).collect();
    assert_eq!(shares, vec![d("250"), d("550")]);
    // No levers: nothing to attribute.
    plan.scenarios[0].levers.clear();
    assert_eq!(
        attribute(&plan, ScenarioId(1), Metric::NetContribution),
        Err(AnalysisError::NoLevers)
    );
}

#[test]
fn more_than_eight_levers_are_sampled_with_a_fixed_seed() {
    let mut plan = Example::Starter.plan(Lang::En);
    let levers: Vec<Lever> = (0..10)
        .map(|i| match i % 3 {
            0 => Lever::CategorySpend {
                category: Category::ALL[i % 6],
                pct: d("-5"),
            },
            1 => Lever::NewCustomers { pct: d("2") },
            _ => Lever::Churn { pct: d("-3") },
        })
        .collect();
    plan.scenarios[0].levers = Timed::all(levers);
    let id = plan.scenarios[0].id;
    let a = attribute(&plan, id, Metric::NetContribution).expect("attribution");
    assert!(!a.exact);
    assert_eq!(a.levers.len(), 10);
    assert_eq!(a.levers.iter().map(|l| l.share).sum::<Decimal>(), a.total);
    assert_eq!(
        a,
        attribute(&plan, id, Metric::NetContribution).expect("attribution")
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// For any mix of commuting levers, shares sum exactly to the change and do not depend on
    /// the order the levers are listed in.
    #[test]
    fn shapley_shares_sum_exactly_and_ignore_order(
        pcts in prop::collection::vec(-500_000..=500_000_i64, 1..=5),
        metric in prop::sample::select(vec![Metric::NetContribution, Metric::LtvCac, Metric::EndCustomers, Metric::Npv]),
    ) {
        let mut plan = Example::Starter.plan(Lang::En);
        let levers: Vec<Lever> = pcts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let pct = Decimal::new(*p, 4);
                match i {
                    0 => Lever::NewCustomers { pct },
                    1 => Lever::Churn { pct },
                    2 => Lever::Revenue { pct },
                    3 => Lever::CategorySpend { category: Category::Marketing, pct },
                    _ => Lever::CategorySpend { category: Category::Support, pct },
                }
            })
            .collect();
        plan.scenarios[0].levers = Timed::all(levers.clone());
        let id = plan.scenarios[0].id;
        let Ok(a) = attribute(&plan, id, metric) else { return Ok(()); };
        prop_assert_eq!(a.levers.iter().map(|l| l.share).sum::<Decimal>(), a.total);
        plan.scenarios[0].levers.reverse();
        let b = attribute(&plan, id, metric).expect("same figures");
        let n = levers.len();
        for i in 0..n {
            let x = a.levers[i].share;
            let y = b.levers[n - 1 - i].share;
            // Equal up to the rounding remainder that the largest share carries.
            prop_assert!((x - y).abs() <= Decimal::new(1, 8), "{} vs {}", x, y);
        }
    }

    /// Any target between a driver's two tornado ends is reached by a goal seek.
    #[test]
    fn targets_inside_the_swing_are_reached(
        driver in prop::sample::select(vec![
            Driver::Input(Input::ChurnPct),
            Driver::Input(Input::NewCustomersPerMonth),
            Driver::Input(Input::RevenuePerCustomerMonth),
            Driver::Cost(Category::Marketing),
            Driver::LineAmount(LineId(2)),
        ]),
        metric in prop::sample::select(vec![Metric::LtvCac, Metric::PaybackMonths, Metric::NetContribution, Metric::Npv]),
        t in 0..=100_i64,
    ) {
        let plan = Example::Starter.plan(Lang::En);
        let tornado = sensitivity(&plan, Column::Baseline, metric, d("30")).expect("tornado");
        let Some(s) = tornado.drivers.iter().find(|s| s.driver == driver) else { return Ok(()); };
        let (Figure::Value(lo), Figure::Value(hi)) = (s.low, s.high) else { return Ok(()); };
        if lo == hi { return Ok(()); }
        let target = (lo + (hi - lo) * Decimal::new(t, 2)).round_dp(4);
        let answer = check_answer(&plan, Column::Baseline, metric, target, driver);
        prop_assert!(matches!(answer, Solution::Found { .. }), "{:?}", answer);
    }
}

/// A goal seek's answer is stale exactly when the figures of its column change: a range, a
/// name or another scenario's lever leave it standing; an input or a lever of its own do not.
#[test]
fn answers_go_stale_only_when_their_column_changes() {
    let plan = Example::Starter.plan(Lang::En);
    let s1 = Column::Scenario(plan.scenarios[0].id);
    let s2 = Column::Scenario(plan.scenarios[1].id);
    let mut ranged = plan.clone();
    ranged.ranges.push(InputRange {
        driver: Driver::Input(Input::ChurnPct),
        low: d("4"),
        high: d("7"),
    });
    ranged.name = "Renamed".into();
    for column in [Column::Baseline, s1, s2] {
        assert!(analysis::same_figures(&plan, &ranged, column));
    }
    let mut churn = plan.clone();
    churn.churn_pct += d("0.5");
    for column in [Column::Baseline, s1, s2] {
        assert!(!analysis::same_figures(&plan, &churn, column));
    }
    // A lever of the first scenario changes the first scenario only.
    let mut lever = plan.clone();
    lever.scenarios[0].levers.push(
        Lever::Set {
            input: Input::ChurnPct,
            value: d("2"),
        }
        .into(),
    );
    assert!(analysis::same_figures(&plan, &lever, Column::Baseline));
    assert!(!analysis::same_figures(&plan, &lever, s1));
    assert!(analysis::same_figures(&plan, &lever, s2));
    // A plan that cannot be evaluated has no figures to share.
    let mut broken = plan.clone();
    broken.horizon_months = 0;
    assert!(!analysis::same_figures(&plan, &broken, Column::Baseline));
}
