//! Scenarios: the baseline with levers applied, in the order they are listed.

use rust_decimal::Decimal;

use super::error::{Field, ModelError};
use super::plan::{Lever, Plan, Scenario};
use super::validate::validate_lever;

/// `1 + pct/100`, the factor a percentage change multiplies by.
fn factor(pct: Decimal) -> Option<Decimal> {
    pct.checked_div(Decimal::ONE_HUNDRED)
        .and_then(|f| Decimal::ONE.checked_add(f))
}

/// The plan as the scenario sees it: the baseline with every lever applied in order.
/// The result has no scenarios of its own.
///
/// A lever that names a line the plan no longer has changes nothing. Churn after a change is
/// clamped to 0–100 %.
///
/// ```
/// use customer_cost_planner::model::{apply_scenario, Lever, Plan, Scenario, ScenarioId};
/// let mut plan = Plan::default();
/// plan.churn_pct = 80.into();
/// let s = Scenario { id: ScenarioId(1), name: "more churn".into(), preset: None,
///     levers: vec![Lever::Churn { pct: 50.into() }] };
/// assert_eq!(apply_scenario(&plan, &s).unwrap().churn_pct, 100.into());
/// ```
pub fn apply_scenario(plan: &Plan, scenario: &Scenario) -> Result<Plan, ModelError> {
    let mut out = Plan {
        scenarios: Vec::new(),
        ..plan.clone()
    };
    for (index, lever) in scenario.levers.iter().enumerate() {
        let field = || Field::Lever {
            id: scenario.id,
            name: scenario.name.clone(),
            index,
        };
        validate_lever(lever, field)?;
        let too_large = || ModelError::TooLarge { field: field() };
        match lever {
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
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::{Basis, BudgetLine, Category, LineId, ScenarioId, Stage};
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
            levers,
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
            levers: vec![Lever::Churn { pct: d("100") }],
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
            levers: vec![
                Lever::Revenue { pct: d("1") },
                Lever::CategorySpend {
                    category: Category::Crm,
                    pct: d("-150"),
                },
            ],
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
}
