//! Scenarios: the baseline with levers applied, in the order they are listed.

use rust_decimal::Decimal;

use super::driver::{scale_seasonality, Input};
use super::error::{Field, ModelError};
use super::plan::{Basis, BudgetLine, Category, Lever, LeverKind, LineId, Plan, Scenario, Stage};
use super::simulate::{line_total, project_phases, HorizonDrivers, Projection};
use super::validate::validate_timed;

/// `1 + pct/100`, the factor a percentage change multiplies by.
fn factor(pct: Decimal) -> Option<Decimal> {
    pct.checked_div(Decimal::ONE_HUNDRED)
        .and_then(|f| Decimal::ONE.checked_add(f))
}

/// The plan once every lever of the scenario acts: the baseline with every lever applied in
/// order, whatever month it starts in (the figures of a scenario whose levers start later come
/// from [`Timeline::of`]). The result has no scenarios of its own.
///
/// A lever that names a line the plan no longer has changes nothing. Churn after a change is
/// clamped to 0–100 %.
///
/// ```
/// use customer_cost_planner::model::{apply_scenario, Lever, Plan, Scenario, ScenarioId, Timed};
/// let mut plan = Plan::default();
/// plan.churn_pct = 80.into();
/// let s = Scenario { id: ScenarioId(1), name: "more churn".into(), preset: None,
///     levers: Timed::all([Lever::Churn { pct: 50.into() }]) };
/// assert_eq!(apply_scenario(&plan, &s).unwrap().churn_pct, 100.into());
/// ```
pub fn apply_scenario(plan: &Plan, scenario: &Scenario) -> Result<Plan, ModelError> {
    plan_from(plan, scenario, u16::MAX)
}

/// The plan that runs from month `month` on: the baseline with, in order, the levers that act
/// by then (their `from_month` at most `month`).
fn plan_from(plan: &Plan, scenario: &Scenario, month: u16) -> Result<Plan, ModelError> {
    let mut out = Plan {
        scenarios: Vec::new(),
        ..plan.clone()
    };
    for (index, timed) in scenario.levers.iter().enumerate() {
        if timed.first_month() <= month {
            apply_lever(&mut out, scenario, index)?;
        }
    }
    Ok(out)
}

/// A plan as it runs over time: month 1's plan, then a plan from each later month in which a
/// lever starts to act (`docs/model.md`, "Time in the plan"). With every lever acting from
/// month 1 it is one plan, and every figure is what that plan gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    /// `(first month, plan)`, the first from month 1, in order of their months.
    pub phases: Vec<(u16, Plan)>,
}

impl Timeline {
    /// The baseline of `plan`: one plan for every month, without scenarios.
    pub fn baseline(plan: &Plan) -> Timeline {
        Timeline {
            phases: vec![(
                1,
                Plan {
                    scenarios: Vec::new(),
                    ..plan.clone()
                },
            )],
        }
    }

    /// `scenario` of `plan` month by month: the plan from each month in which a lever starts.
    /// Levers starting after the horizon change nothing.
    pub fn of(plan: &Plan, scenario: &Scenario) -> Result<Timeline, ModelError> {
        // Month 1, and each later month of the horizon in which some lever starts.
        let starts = (1..=plan.horizon_months)
            .filter(|m| *m == 1 || scenario.levers.iter().any(|t| t.first_month() == *m));
        let mut phases = Vec::new();
        for month in starts {
            phases.push((month, plan_from(plan, scenario, month)?));
        }
        Ok(Timeline { phases })
    }

    /// The plan of month 1: what the months before any later lever run on.
    pub fn first(&self) -> &Plan {
        &self.phases[0].1
    }

    /// The plans of every phase, in order.
    pub fn plans(&self) -> impl Iterator<Item = &Plan> {
        self.phases.iter().map(|(_, p)| p)
    }

    /// Changes every phase's plan with `f`.
    pub fn change<E>(&mut self, mut f: impl FnMut(&mut Plan) -> Result<(), E>) -> Result<(), E> {
        self.phases.iter_mut().try_for_each(|(_, p)| f(p))
    }

    /// The projection month by month.
    pub fn project(&self) -> Result<Projection, ModelError> {
        let phases: Vec<(u16, &Plan)> = self.phases.iter().map(|(m, p)| (*m, p)).collect();
        project_phases(&phases)
    }
}

/// Applies lever `index` of `scenario` to `out`.
fn apply_lever(out: &mut Plan, scenario: &Scenario, index: usize) -> Result<(), ModelError> {
    let Some(timed) = scenario.levers.get(index) else {
        return Ok(());
    };
    {
        let field = || Field::Lever {
            id: scenario.id,
            name: scenario.name.clone(),
            index,
        };
        validate_timed(timed, field)?;
        let too_large = || ModelError::TooLarge { field: field() };
        match &timed.lever {
            Lever::CategorySpend { category, pct } => {
                let f = factor(*pct).ok_or_else(too_large)?;
                for line in out.lines.iter_mut().filter(|l| l.category == *category) {
                    line.amount = line.amount.checked_mul(f).ok_or_else(too_large)?;
                }
            }
            Lever::LineAmount { line, amount } => {
                if let Some(l) = out.lines.iter_mut().find(|l| l.id == *line) {
                    l.amount = *amount;
                }
            }
            Lever::AddLine { line } => out.lines.push(line.clone()),
            Lever::RemoveLine { line } => out.lines.retain(|l| l.id != *line),
            Lever::NewCustomers { pct } => {
                let f = factor(*pct).ok_or_else(too_large)?;
                out.new_customers_per_month = out
                    .new_customers_per_month
                    .checked_mul(f)
                    .ok_or_else(too_large)?;
            }
            Lever::Churn { pct } => {
                let f = factor(*pct).ok_or_else(too_large)?;
                let churn = out.churn_pct.checked_mul(f).ok_or_else(too_large)?;
                out.churn_pct = churn.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
            }
            Lever::Revenue { pct } => {
                let f = factor(*pct).ok_or_else(too_large)?;
                out.revenue_per_customer_month = out
                    .revenue_per_customer_month
                    .checked_mul(f)
                    .ok_or_else(too_large)?;
            }
            Lever::Seasonality { pct } => scale_seasonality(out, *pct)?,
            Lever::Set { input, value } => {
                input.set(out, *value);
            }
        }
    }
    Ok(())
}

/// A lever of `kind` that, added at the end of `scenario`, changes no figure until the user sets
/// it: 0 % changes, a new line of amount 0, and for "line amount" the amount `line` has after the
/// scenario's levers so far (so it does not undo a category change on that line), rounded to the
/// 4 decimals an amount may have. `None` when `kind` needs a line the scenario does not have, and
/// for "remove a line", which cannot be neutral: the line to remove is the setting.
///
/// ```
/// use customer_cost_planner::model::{apply_scenario, neutral_lever, Example, Lang, LeverKind};
/// let plan = Example::Starter.plan(Lang::Zh);
/// for s in &plan.scenarios {
///     let line = plan.lines[0].id;
///     let lever = neutral_lever(&plan, s, LeverKind::LineAmount, Some(line), "").unwrap();
///     let mut with = s.clone();
///     with.levers.push(lever.into());
///     let a = apply_scenario(&plan, s).unwrap();
///     let b = apply_scenario(&plan, &with).unwrap();
///     assert_eq!(a.lines, b.lines);
/// }
/// ```
pub fn neutral_lever(
    plan: &Plan,
    scenario: &Scenario,
    kind: LeverKind,
    line: Option<LineId>,
    new_line_name: &str,
) -> Option<Lever> {
    Some(match kind {
        LeverKind::CategorySpend => Lever::CategorySpend {
            category: Category::Marketing,
            pct: Decimal::ZERO,
        },
        LeverKind::NewCustomers => Lever::NewCustomers { pct: Decimal::ZERO },
        LeverKind::Churn => Lever::Churn { pct: Decimal::ZERO },
        LeverKind::Revenue => Lever::Revenue { pct: Decimal::ZERO },
        LeverKind::Seasonality => Lever::Seasonality { pct: Decimal::ZERO },
        LeverKind::Set => {
            let now = apply_scenario(plan, scenario).ok()?;
            Lever::Set {
                input: Input::ChurnPct,
                value: now.churn_pct.round_dp_with_strategy(
                    4,
                    rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                ),
            }
        }
        LeverKind::AddLine => Lever::AddLine {
            line: BudgetLine {
                // The reducer gives the line an id of its own.
                id: LineId(0),
                name: new_line_name.to_owned(),
                category: Category::Marketing,
                stage: Stage::Acquisition,
                amount: Decimal::ZERO,
                basis: Basis::Monthly,
                from_month: None,
                to_month: None,
            },
        },
        LeverKind::LineAmount => {
            let now = apply_scenario(plan, scenario).ok()?;
            let target = match line {
                Some(id) => now.lines.iter().find(|l| l.id == id)?,
                None => now.lines.first()?,
            };
            Lever::LineAmount {
                line: target.id,
                amount: target
                    .amount
                    .round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
                    .normalize(),
            }
        }
        LeverKind::RemoveLine => return None,
    })
}

/// What one lever did, in the plan's own numbers: the value it changed, before and after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeverEffect {
    /// A category's cost over the horizon (with the scenario's customers), before → after.
    Category {
        category: Category,
        before: Decimal,
        after: Decimal,
    },
    /// A line's amount (per its basis) before → after; `after` is `None` when it was removed.
    /// `before` is `None` when the line is not in the plan at that point (the lever does nothing).
    Line {
        name: String,
        basis: Basis,
        before: Option<Decimal>,
        after: Option<Decimal>,
    },
    /// A line the lever adds, with its amount per its basis.
    Added { basis: Basis, amount: Decimal },
    /// New customers per month, before → after.
    NewCustomers { before: Decimal, after: Decimal },
    /// Monthly churn in percent, before → after (clamped to 0–100).
    Churn { before: Decimal, after: Decimal },
    /// Revenue per customer per month, before → after.
    Revenue { before: Decimal, after: Decimal },
    /// The seasonal peak (the highest month's percentage), before → after; `None` when the plan
    /// has no seasonality (the lever does nothing).
    Seasonality { peak: Option<(Decimal, Decimal)> },
    /// Another input set to a value: before → after (`None` before for a tier the plan does
    /// not have, which the lever then leaves alone).
    Set {
        input: Input,
        before: Option<Decimal>,
        after: Decimal,
    },
}

/// One lever of a scenario, explained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeverStep {
    pub effect: LeverEffect,
    /// Later levers (by index) that set again some of what this one set: a line amount after a
    /// category change on that line, a second amount for the same line, a removal.
    pub overridden_by: Vec<usize>,
}

/// Every lever of `scenario`, with what it changed (category costs use `drivers`, the customer
/// path of the scenario over the horizon) and which later levers override it.
pub fn lever_steps(
    plan: &Plan,
    scenario: &Scenario,
    drivers: &HorizonDrivers,
) -> Result<Vec<LeverStep>, ModelError> {
    let mut now = Plan {
        scenarios: Vec::new(),
        ..plan.clone()
    };
    let category_total = |p: &Plan, c: Category| {
        p.lines
            .iter()
            .filter(|l| l.category == c)
            .try_fold(Decimal::ZERO, |acc, l| {
                acc.checked_add(line_total(l, drivers)?)
            })
    };
    let mut steps = Vec::with_capacity(scenario.levers.len());
    // The lines each lever set, to find later levers that set them again.
    let mut touched: Vec<Vec<LineId>> = Vec::with_capacity(scenario.levers.len());
    for (index, timed) in scenario.levers.iter().enumerate() {
        let lever = &timed.lever;
        let too_large = || ModelError::TooLarge {
            field: Field::Lever {
                id: scenario.id,
                name: scenario.name.clone(),
                index,
            },
        };
        let before = now.clone();
        apply_lever(&mut now, scenario, index)?;
        let (effect, lines) = lever_effect(lever, &before, &now, category_total, too_large)?;
        // A lever that sets a line's amount or removes it overrides every earlier lever that
        // set that line (only if the line was there to set).
        if let Lever::LineAmount { line, .. } | Lever::RemoveLine { line } = lever {
            if before.lines.iter().any(|l| l.id == *line) {
                for (earlier, set) in touched.iter().enumerate() {
                    if set.contains(line) {
                        let step: &mut LeverStep = &mut steps[earlier];
                        if !step.overridden_by.contains(&index) {
                            step.overridden_by.push(index);
                        }
                    }
                }
            }
        }
        touched.push(lines);
        steps.push(LeverStep {
            effect,
            overridden_by: Vec::new(),
        });
    }
    Ok(steps)
}

/// The highest seasonal percentage of `plan`, if it has a seasonality.
fn peak(plan: &Plan) -> Option<Decimal> {
    plan.seasonality_pct.as_ref()?.iter().copied().max()
}

/// What `lever` changed from `before` to `now`, and the lines it set.
fn lever_effect(
    lever: &Lever,
    before: &Plan,
    now: &Plan,
    category_total: impl Fn(&Plan, Category) -> Option<Decimal>,
    too_large: impl Fn() -> ModelError,
) -> Result<(LeverEffect, Vec<LineId>), ModelError> {
    let line_in = |p: &Plan, id: LineId| p.lines.iter().find(|l| l.id == id).cloned();
    Ok(match lever {
        Lever::CategorySpend { category, .. } => (
            LeverEffect::Category {
                category: *category,
                before: category_total(before, *category).ok_or_else(&too_large)?,
                after: category_total(now, *category).ok_or_else(&too_large)?,
            },
            before
                .lines
                .iter()
                .filter(|l| l.category == *category)
                .map(|l| l.id)
                .collect(),
        ),
        Lever::LineAmount { line, .. } | Lever::RemoveLine { line } => {
            let was = line_in(before, *line);
            let is = line_in(now, *line);
            let effect = LeverEffect::Line {
                name: was.as_ref().map(|l| l.name.clone()).unwrap_or_default(),
                basis: was.as_ref().map_or(Basis::Monthly, |l| l.basis),
                before: was.as_ref().map(|l| l.amount),
                after: is.filter(|_| was.is_some()).map(|l| l.amount),
            };
            (effect, vec![*line])
        }
        Lever::AddLine { line } => (
            LeverEffect::Added {
                basis: line.basis,
                amount: line.amount,
            },
            Vec::new(),
        ),
        Lever::NewCustomers { .. } => (
            LeverEffect::NewCustomers {
                before: before.new_customers_per_month,
                after: now.new_customers_per_month,
            },
            Vec::new(),
        ),
        Lever::Churn { .. } => (
            LeverEffect::Churn {
                before: before.churn_pct,
                after: now.churn_pct,
            },
            Vec::new(),
        ),
        Lever::Revenue { .. } => (
            LeverEffect::Revenue {
                before: before.revenue_per_customer_month,
                after: now.revenue_per_customer_month,
            },
            Vec::new(),
        ),
        Lever::Seasonality { .. } => (
            LeverEffect::Seasonality {
                peak: peak(before).zip(peak(now)),
            },
            Vec::new(),
        ),
        Lever::Set { input, value } => (
            LeverEffect::Set {
                input: *input,
                before: input.value(before),
                after: *value,
            },
            Vec::new(),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::{Basis, BudgetLine, Category, LineId, ScenarioId, Stage, Timed};
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test literal")
    }

    fn plan() -> Plan {
        let line = |id, category, amount: &str| BudgetLine {
            id: LineId(id),
            name: format!("l{id}"),
            category,
            stage: Stage::Service,
            amount: d(amount),
            basis: Basis::Monthly,
            from_month: None,
            to_month: None,
        };
        Plan {
            new_customers_per_month: d("100"),
            churn_pct: d("5"),
            revenue_per_customer_month: d("200"),
            lines: vec![
                line(1, Category::Marketing, "1000"),
                line(2, Category::Marketing, "500"),
                line(3, Category::Crm, "300"),
            ],
            ..Plan::default()
        }
    }

    fn with(levers: Vec<Lever>) -> Plan {
        let s = Scenario {
            id: ScenarioId(1),
            name: "s".into(),
            preset: None,
            levers: Timed::all(levers),
        };
        apply_scenario(&plan(), &s).expect("valid levers")
    }

    fn amounts(p: &Plan) -> Vec<(u32, Decimal)> {
        p.lines.iter().map(|l| (l.id.0, l.amount)).collect()
    }

    #[test]
    fn every_lever_changes_what_it_names() {
        let base = plan();
        type Check = Box<dyn Fn(&Plan) -> bool>;
        let cases: Vec<(Lever, Check)> = vec![
            (
                Lever::CategorySpend {
                    category: Category::Marketing,
                    pct: d("-10"),
                },
                Box::new(|p| amounts(p) == vec![(1, d("900")), (2, d("450")), (3, d("300"))]),
            ),
            (
                Lever::LineAmount {
                    line: LineId(3),
                    amount: d("450.5"),
                },
                Box::new(|p| amounts(p)[2] == (3, d("450.5"))),
            ),
            (
                Lever::LineAmount {
                    line: LineId(99),
                    amount: d("1"),
                },
                Box::new(move |p| p.lines == plan().lines),
            ),
            (
                Lever::AddLine {
                    line: BudgetLine {
                        id: LineId(4),
                        name: "new".into(),
                        category: Category::Other,
                        stage: Stage::Retention,
                        amount: d("7"),
                        basis: Basis::Annual,
                        from_month: None,
                        to_month: None,
                    },
                },
                Box::new(|p| p.lines.len() == 4 && p.lines[3].amount == d("7")),
            ),
            (
                Lever::RemoveLine { line: LineId(2) },
                Box::new(|p| amounts(p) == vec![(1, d("1000")), (3, d("300"))]),
            ),
            (
                Lever::NewCustomers { pct: d("15") },
                Box::new(|p| p.new_customers_per_month == d("115")),
            ),
            (
                Lever::Churn { pct: d("-10") },
                Box::new(|p| p.churn_pct == d("4.5")),
            ),
            (
                Lever::Churn { pct: d("-100") },
                Box::new(|p| p.churn_pct == Decimal::ZERO),
            ),
            (
                Lever::Churn { pct: d("1000") },
                Box::new(|p| p.churn_pct == d("55")),
            ),
            (
                Lever::Revenue { pct: d("3") },
                Box::new(|p| p.revenue_per_customer_month == d("206")),
            ),
        ];
        for (lever, check) in cases {
            let out = with(vec![lever.clone()]);
            assert!(check(&out), "{lever:?} gave {out:?}");
            assert_eq!(out.scenarios.len(), 0);
            assert_eq!(out.name, base.name);
        }
    }

    #[test]
    fn churn_is_clamped_to_100_percent() {
        let mut p = plan();
        p.churn_pct = d("60");
        let s = Scenario {
            id: ScenarioId(1),
            name: "s".into(),
            preset: None,
            levers: Timed::all([Lever::Churn { pct: d("100") }]),
        };
        assert_eq!(
            apply_scenario(&p, &s).map(|p| p.churn_pct),
            Ok(Decimal::ONE_HUNDRED)
        );
    }

    #[test]
    fn levers_apply_in_order() {
        let out = with(vec![
            Lever::LineAmount {
                line: LineId(1),
                amount: d("2000"),
            },
            Lever::CategorySpend {
                category: Category::Marketing,
                pct: d("50"),
            },
        ]);
        assert_eq!(out.lines[0].amount, d("3000"));
        let out = with(vec![
            Lever::CategorySpend {
                category: Category::Marketing,
                pct: d("50"),
            },
            Lever::LineAmount {
                line: LineId(1),
                amount: d("2000"),
            },
        ]);
        assert_eq!(out.lines[0].amount, d("2000"));
    }

    #[test]
    fn an_invalid_lever_is_named() {
        let s = Scenario {
            id: ScenarioId(7),
            name: "bad".into(),
            preset: None,
            levers: Timed::all([
                Lever::Revenue { pct: d("1") },
                Lever::CategorySpend {
                    category: Category::Crm,
                    pct: d("-150"),
                },
            ]),
        };
        let err = apply_scenario(&plan(), &s).expect_err("lever below -100");
        assert_eq!(
            err.field(),
            &Field::Lever {
                id: ScenarioId(7),
                name: "bad".into(),
                index: 1
            }
        );
    }

    #[test]
    fn a_new_lever_changes_nothing_in_any_example_scenario() {
        use crate::model::{Example, Lang};
        for example in Example::ALL {
            let plan = example.plan(Lang::En);
            for s in &plan.scenarios {
                let expected = apply_scenario(&plan, s).expect("example levers are valid");
                for kind in LeverKind::ALL {
                    let lines: Vec<Option<LineId>> = std::iter::once(None)
                        .chain(plan.lines.iter().map(|l| Some(l.id)))
                        .collect();
                    for line in lines {
                        let Some(lever) = neutral_lever(&plan, s, kind, line, "new") else {
                            assert_eq!(kind, LeverKind::RemoveLine);
                            continue;
                        };
                        let mut with = s.clone();
                        with.levers.push(lever.into());
                        let got = apply_scenario(&plan, &with).expect("neutral lever is valid");
                        let amounts = |p: &Plan| {
                            p.lines
                                .iter()
                                .filter(|l| !l.amount.is_zero())
                                .map(|l| (l.id, l.amount.round_dp(4)))
                                .collect::<Vec<_>>()
                        };
                        assert_eq!(amounts(&got), amounts(&expected), "{kind:?} {line:?}");
                        assert_eq!(
                            got.new_customers_per_month,
                            expected.new_customers_per_month
                        );
                        assert_eq!(got.churn_pct, expected.churn_pct);
                        assert_eq!(
                            got.revenue_per_customer_month,
                            expected.revenue_per_customer_month
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_line_amount_after_a_category_change_starts_from_the_changed_amount() {
        let s = Scenario {
            id: ScenarioId(1),
            name: "s".into(),
            preset: None,
            levers: Timed::all([Lever::CategorySpend {
                category: Category::Marketing,
                pct: d("-20"),
            }]),
        };
        let lever = neutral_lever(&plan(), &s, LeverKind::LineAmount, Some(LineId(1)), "")
            .expect("line 1 exists");
        assert_eq!(
            lever,
            Lever::LineAmount {
                line: LineId(1),
                amount: d("800")
            }
        );
        assert_eq!(
            neutral_lever(&plan(), &s, LeverKind::LineAmount, Some(LineId(9)), ""),
            None
        );
        assert_eq!(
            neutral_lever(&plan(), &s, LeverKind::RemoveLine, Some(LineId(1)), ""),
            None
        );
    }

    #[test]
    fn steps_say_what_each_lever_did_and_which_later_ones_override_it() {
        let drivers = HorizonDrivers::from_totals(12, d("1200"), d("5000"));
        let s = Scenario {
            id: ScenarioId(1),
            name: "s".into(),
            preset: None,
            levers: Timed::all([
                Lever::CategorySpend {
                    category: Category::Marketing,
                    pct: d("-20"),
                },
                Lever::LineAmount {
                    line: LineId(1),
                    amount: d("1000"),
                },
                Lever::Churn { pct: d("-10") },
                Lever::RemoveLine { line: LineId(1) },
                Lever::LineAmount {
                    line: LineId(1),
                    amount: d("5"),
                },
                Lever::NewCustomers { pct: d("10") },
                Lever::Revenue { pct: d("5") },
            ]),
        };
        let steps = lever_steps(&plan(), &s, &drivers).expect("valid");
        assert_eq!(
            steps[0].effect,
            LeverEffect::Category {
                category: Category::Marketing,
                before: d("18000"),
                after: d("14400")
            }
        );
        assert_eq!(steps[0].overridden_by, vec![1, 3]);
        assert_eq!(
            steps[1].effect,
            LeverEffect::Line {
                name: "l1".into(),
                basis: Basis::Monthly,
                before: Some(d("800")),
                after: Some(d("1000"))
            }
        );
        assert_eq!(steps[1].overridden_by, vec![3]);
        assert_eq!(
            steps[2].effect,
            LeverEffect::Churn {
                before: d("5"),
                after: d("4.5")
            }
        );
        assert_eq!(
            steps[3].effect,
            LeverEffect::Line {
                name: "l1".into(),
                basis: Basis::Monthly,
                before: Some(d("1000")),
                after: None
            }
        );
        // The line is gone: this lever does nothing, and overrides nothing.
        assert_eq!(
            steps[4].effect,
            LeverEffect::Line {
                name: String::new(),
                basis: Basis::Monthly,
                before: None,
                after: None
            }
        );
        assert!(steps[3].overridden_by.is_empty());
        assert_eq!(
            steps[5].effect,
            LeverEffect::NewCustomers {
                before: d("100"),
                after: d("110")
            }
        );
        assert_eq!(
            steps[6].effect,
            LeverEffect::Revenue {
                before: d("200"),
                after: d("210")
            }
        );
    }
}
