//! Checks a whole plan against the field rules and the documented limits, whatever its source
//! (typing, a file, a link). The model computes only plans that pass.

use std::collections::HashSet;

use rust_decimal::Decimal;

use super::error::{Field, ModelError, Problem};
use super::parse::{check_value, Rule};
use super::plan::{Basis, BudgetLine, Lever, Plan, Timed};

/// Documented limits (docs/formats.md). Anything over them is refused with a message.
pub mod limits {
    /// Characters in any name.
    pub const NAME_CHARS: usize = 200;
    pub const LINES: usize = 10_000;
    pub const SCENARIOS: usize = 50;
    pub const FEE_TIERS: usize = 50;
    pub const LEVERS: usize = 200;
    /// Ranges a plan gives its drivers (Monte Carlo inputs).
    pub const RANGES: usize = 100;
    /// Longest horizon in months (ten years).
    pub const HORIZON_MONTHS: u16 = 120;
}

fn invalid(field: Field, problem: Problem) -> ModelError {
    ModelError::Invalid { field, problem }
}

fn check(value: Decimal, rule: Rule, field: impl FnOnce() -> Field) -> Result<(), ModelError> {
    check_value(value, rule)
        .map(|_| ())
        .map_err(|e| invalid(field(), Problem::Number(e)))
}

/// Refuses a name longer than the limit.
pub fn check_name(name: &str, field: impl FnOnce() -> Field) -> Result<(), ModelError> {
    if name.chars().count() > limits::NAME_CHARS {
        return Err(invalid(
            field(),
            Problem::TextTooLong {
                max: limits::NAME_CHARS,
            },
        ));
    }
    Ok(())
}

/// Refuses more than `max` items.
pub fn check_count(n: usize, max: usize, field: Field) -> Result<(), ModelError> {
    if n > max {
        return Err(invalid(field, Problem::TooMany { max }));
    }
    Ok(())
}

/// Checks one budget line.
pub fn validate_line(line: &BudgetLine) -> Result<(), ModelError> {
    check_name(&line.name, || Field::LineName {
        id: line.id,
        name: line.name.clone(),
    })?;
    check(line.amount, Rule::money(), || Field::LineAmount {
        id: line.id,
        name: line.name.clone(),
    })?;
    if let Basis::OneTime { month } = line.basis {
        check(
            Decimal::from(month),
            Rule::months(1, limits::HORIZON_MONTHS),
            || Field::LineMonth {
                id: line.id,
                name: line.name.clone(),
            },
        )?;
    }
    validate_window(line)
}

/// A line's window: whole months 1–120, the end not before the start, none on a one-time line.
fn validate_window(line: &BudgetLine) -> Result<(), ModelError> {
    let field = || Field::LineWindow {
        id: line.id,
        name: line.name.clone(),
    };
    if !line.has_window() {
        return Ok(());
    }
    if matches!(line.basis, Basis::OneTime { .. }) {
        return Err(invalid(field(), Problem::WindowOnOneTime));
    }
    for month in [line.from_month, line.to_month].into_iter().flatten() {
        check(
            Decimal::from(month),
            Rule::months(1, limits::HORIZON_MONTHS),
            field,
        )?;
    }
    let (from, to) = line.window();
    if to < from {
        return Err(invalid(field(), Problem::EndsBeforeStart));
    }
    Ok(())
}

/// The seasonality: absent, or twelve percentages 0–1,000.
fn validate_seasonality(plan: &Plan) -> Result<(), ModelError> {
    let Some(values) = &plan.seasonality_pct else {
        return Ok(());
    };
    if values.len() != 12 {
        return Err(invalid(Field::Seasonality, Problem::Count { exactly: 12 }));
    }
    for v in values {
        check(*v, Rule::seasonal_pct(), || Field::Seasonality)?;
    }
    Ok(())
}

/// Checks every value of `plan` and returns every problem found, in the order of the plan.
///
/// ```
/// use customer_cost_planner::model::{validate, Plan};
/// let mut plan = Plan::default();
/// assert!(validate(&plan).is_empty());
/// plan.churn_pct = 150.into();
/// assert_eq!(validate(&plan).len(), 1);
/// ```
pub fn validate(plan: &Plan) -> Vec<ModelError> {
    let mut found = Found(Vec::new());
    found.inputs(plan);
    found.lines(plan);
    found.tiers(plan);
    found.scenarios(plan);
    found.ranges(plan);
    found.0
}

/// The problems found so far, in the order of the plan.
struct Found(Vec<ModelError>);

impl Found {
    fn push(&mut self, r: Result<(), ModelError>) {
        if let Err(e) = r {
            self.0.push(e);
        }
    }

    /// The plan's own values: name, currency, horizon and customer economics.
    fn inputs(&mut self, plan: &Plan) {
        let mut push = |r| self.push(r);
        push(check_name(&plan.name, || Field::PlanName));
        let currency_ok =
            plan.currency.len() == 3 && plan.currency.bytes().all(|b| b.is_ascii_uppercase());
        if !currency_ok {
            push(Err(invalid(Field::Currency, Problem::BadCurrency)));
        }
        push(check(
            Decimal::from(plan.horizon_months),
            Rule::months(1, limits::HORIZON_MONTHS),
            || Field::Horizon,
        ));
        push(check(plan.starting_customers, Rule::count(), || {
            Field::StartingCustomers
        }));
        push(check(plan.new_customers_per_month, Rule::count(), || {
            Field::NewCustomers
        }));
        push(check(
            plan.new_customers_growth_pct,
            Rule::growth_pct(),
            || Field::Growth,
        ));
        push(validate_seasonality(plan));
        push(check(
            Decimal::from(plan.first_calendar_month),
            Rule::months(1, 12),
            || Field::FirstCalendarMonth,
        ));
        push(check(plan.churn_pct, Rule::percent(), || Field::Churn));
        push(check(
            plan.revenue_per_customer_month,
            Rule::money(),
            || Field::Revenue,
        ));
        push(check(plan.gross_margin_pct, Rule::percent(), || {
            Field::GrossMargin
        }));
        push(check(plan.annual_discount_pct, Rule::percent(), || {
            Field::Discount
        }));
    }

    fn lines(&mut self, plan: &Plan) {
        let mut push = |r| self.push(r);
        push(check_count(plan.lines.len(), limits::LINES, Field::Lines));
        let mut line_ids = HashSet::new();
        for line in &plan.lines {
            if !line_ids.insert(line.id) {
                push(Err(invalid(
                    Field::LineName {
                        id: line.id,
                        name: line.name.clone(),
                    },
                    Problem::DuplicateId,
                )));
            }
            push(validate_line(line));
        }
    }

    fn tiers(&mut self, plan: &Plan) {
        let mut push = |r| self.push(r);
        push(check_count(
            plan.fee_tiers.len(),
            limits::FEE_TIERS,
            Field::FeeTiers,
        ));
        let mut tier_ids = HashSet::new();
        let mut share_total = Some(Decimal::ZERO);
        for tier in &plan.fee_tiers {
            let name = || tier.name.clone();
            if !tier_ids.insert(tier.id) {
                push(Err(invalid(
                    Field::TierName {
                        id: tier.id,
                        name: name(),
                    },
                    Problem::DuplicateId,
                )));
            }
            push(check_name(&tier.name, || Field::TierName {
                id: tier.id,
                name: name(),
            }));
            push(check(tier.share_pct, Rule::percent(), || {
                Field::TierShare {
                    id: tier.id,
                    name: name(),
                }
            }));
            push(check(tier.monthly_fee, Rule::money(), || Field::TierFee {
                id: tier.id,
                name: name(),
            }));
            share_total = share_total.and_then(|t| t.checked_add(tier.share_pct));
        }
        if share_total.is_none_or(|t| t > Decimal::ONE_HUNDRED) {
            push(Err(invalid(Field::FeeTiers, Problem::SharesOver100)));
        }
    }

    fn scenarios(&mut self, plan: &Plan) {
        let mut push = |r| self.push(r);
        push(check_count(
            plan.scenarios.len(),
            limits::SCENARIOS,
            Field::Scenarios,
        ));
        let mut scenario_ids = HashSet::new();
        for scenario in &plan.scenarios {
            let name_field = || Field::ScenarioName {
                id: scenario.id,
                name: scenario.name.clone(),
            };
            if !scenario_ids.insert(scenario.id) {
                push(Err(invalid(name_field(), Problem::DuplicateId)));
            }
            push(check_name(&scenario.name, name_field));
            push(check_count(
                scenario.levers.len(),
                limits::LEVERS,
                name_field(),
            ));
            for (index, lever) in scenario.levers.iter().enumerate() {
                let field = || Field::Lever {
                    id: scenario.id,
                    name: scenario.name.clone(),
                    index,
                };
                push(validate_timed(lever, field));
            }
        }
    }

    fn ranges(&mut self, plan: &Plan) {
        let mut push = |r| self.push(r);
        push(check_count(
            plan.ranges.len(),
            limits::RANGES,
            Field::Ranges,
        ));
        let mut ranged = HashSet::new();
        for range in &plan.ranges {
            let field = || Field::Range {
                driver: range.driver.key(),
            };
            if !ranged.insert(range.driver) {
                push(Err(invalid(field(), Problem::DuplicateId)));
            }
            push(check(range.low, range.driver.rule(), field));
            push(check(range.high, range.driver.rule(), field));
            if range.low > range.high {
                push(Err(invalid(field(), Problem::LowAboveHigh)));
            }
        }
    }
}

/// Checks one lever; `field` names it in the message.
/// Checks a scenario's lever and the month it acts from: 1–120, and none on a lever that acts on
/// the whole plan.
pub fn validate_timed(timed: &Timed, field: impl Fn() -> Field) -> Result<(), ModelError> {
    validate_lever(&timed.lever, &field)?;
    if let Some(month) = timed.from_month {
        if timed.lever.whole_plan() {
            return Err(invalid(field(), Problem::WholePlan));
        }
        check(
            Decimal::from(month),
            Rule::months(1, limits::HORIZON_MONTHS),
            field,
        )?;
    }
    Ok(())
}

/// Checks the values of one lever.
pub fn validate_lever(lever: &Lever, field: impl Fn() -> Field) -> Result<(), ModelError> {
    match lever {
        Lever::CategorySpend { pct, .. }
        | Lever::NewCustomers { pct }
        | Lever::Churn { pct }
        | Lever::Revenue { pct }
        | Lever::Seasonality { pct } => check(*pct, Rule::change_pct(), field),
        Lever::LineAmount { amount, .. } => check(*amount, Rule::money(), field),
        Lever::AddLine { line } => validate_line(line),
        Lever::RemoveLine { .. } => Ok(()),
        Lever::Set { input, value } => check(*value, input.lever_rule(), field),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::{Category, FeeTier, LineId, Scenario, ScenarioId, Stage, TierId};

    fn line(id: u32, amount: i64) -> BudgetLine {
        BudgetLine {
            id: LineId(id),
            name: format!("line {id}"),
            category: Category::Marketing,
            stage: Stage::Acquisition,
            amount: Decimal::from(amount),
            basis: Basis::Monthly,
            from_month: None,
            to_month: None,
        }
    }

    #[test]
    fn each_kind_of_bad_value_is_named() {
        let base = Plan::default();
        type Breaker = fn(&mut Plan);
        let cases: [(&str, Breaker); 22] = [
            ("horizon 0", |p| p.horizon_months = 0),
            ("horizon 121", |p| p.horizon_months = 121),
            ("negative customers", |p| p.starting_customers = (-1).into()),
            ("churn 101", |p| p.churn_pct = 101.into()),
            ("margin -1", |p| p.gross_margin_pct = (-1).into()),
            ("discount 200", |p| p.annual_discount_pct = 200.into()),
            ("currency", |p| p.currency = "yuan".into()),
            ("name", |p| p.name = "x".repeat(201)),
            ("negative line", |p| p.lines.push(line(1, -5))),
            ("duplicate line ids", |p| {
                p.lines.push(line(1, 5));
                p.lines.push(line(1, 6));
            }),
            ("one-time month 0", |p| {
                let mut l = line(1, 5);
                l.basis = Basis::OneTime { month: 0 };
                p.lines.push(l);
            }),
            ("shares over 100", |p| {
                for id in 1..=3 {
                    p.fee_tiers.push(FeeTier {
                        id: TierId(id),
                        name: format!("t{id}"),
                        share_pct: 40.into(),
                        monthly_fee: 10.into(),
                    });
                }
            }),
            ("lever below -100", |p| {
                p.scenarios.push(Scenario {
                    id: ScenarioId(1),
                    name: "s".into(),
                    preset: None,
                    levers: Timed::all([Lever::Churn { pct: (-101).into() }]),
                })
            }),
            ("amount too many decimals", |p| {
                let mut l = line(1, 0);
                l.amount = Decimal::new(123_456, 5);
                p.lines.push(l);
            }),
            ("growth -100", |p| {
                p.new_customers_growth_pct = (-100).into()
            }),
            ("growth 1001", |p| p.new_customers_growth_pct = 1001.into()),
            ("eleven seasons", |p| {
                p.seasonality_pct = Some(vec![100.into(); 11])
            }),
            ("a negative season", |p| {
                let mut s = vec![Decimal::ONE_HUNDRED; 12];
                s[3] = (-1).into();
                p.seasonality_pct = Some(s);
            }),
            ("calendar month 13", |p| p.first_calendar_month = 13),
            ("window ends before it starts", |p| {
                let mut l = line(1, 5);
                (l.from_month, l.to_month) = (Some(4), Some(3));
                p.lines.push(l);
            }),
            ("window past 120", |p| {
                let mut l = line(1, 5);
                l.to_month = Some(121);
                p.lines.push(l);
            }),
            ("window on a one-time line", |p| {
                let mut l = line(1, 5);
                l.basis = Basis::OneTime { month: 2 };
                l.from_month = Some(2);
                p.lines.push(l);
            }),
        ];
        for (what, breaker) in cases {
            let mut plan = base.clone();
            breaker(&mut plan);
            let errors = validate(&plan);
            assert_eq!(errors.len(), 1, "{what}: {errors:?}");
        }
    }

    #[test]
    fn time_values_at_their_limits_pass() {
        let mut plan = Plan {
            new_customers_growth_pct: Decimal::new(-999_999, 4),
            seasonality_pct: Some([Decimal::ZERO, Decimal::from(1000)].repeat(6)),
            first_calendar_month: 12,
            ..Plan::default()
        };
        let mut l = line(1, 5);
        (l.from_month, l.to_month) = (Some(120), Some(120));
        plan.lines.push(l);
        assert_eq!(validate(&plan), vec![]);
        plan.new_customers_growth_pct = Decimal::from(1000);
        assert_eq!(validate(&plan), vec![]);
    }

    #[test]
    fn too_many_lines_is_refused() {
        let plan = Plan {
            lines: (1..=10_001).map(|i| line(i, 1)).collect(),
            ..Plan::default()
        };
        let errors = validate(&plan);
        assert_eq!(
            errors,
            vec![ModelError::Invalid {
                field: Field::Lines,
                problem: Problem::TooMany { max: 10_000 }
            }]
        );
    }
}
