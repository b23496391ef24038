//! The month-by-month projection of customers, revenue and cost.
//!
//! Conventions (docs/model.md has the sources):
//! - S₁ = N0; churned_m = S_m × c; E_m = S_m − churned_m + new_m; S₍m+1₎ = E_m.
//! - Customers are kept to 10 decimals, monthly money to 6 decimals (rounded half away from zero).
//!   With every monthly value on that grid and every total below [`MONEY_CAP`], all sums are exact,
//!   so the total equals the sum over categories and the sum over stages to the last digit.

use rust_decimal::{Decimal, RoundingStrategy};

use super::error::{Field, ModelError};
use super::plan::{Basis, BudgetLine, Category, Plan, Stage};

/// Decimals kept for a customer count.
pub const CUSTOMER_SCALE: u32 = 10;
/// Decimals kept for a monthly amount of money.
pub const MONEY_SCALE: u32 = 6;

/// Totals must stay below 10^22 so that sums on the 6-decimal grid stay exact in 96 bits.
pub fn money_cap() -> Decimal {
    Decimal::from_i128_with_scale(10_000_000_000_000_000_000_000, 0)
}

/// Rounds a monthly amount of money to the model's grid (half away from zero).
#[inline(never)]
pub fn round_money(x: Decimal) -> Decimal {
    x.round_dp_with_strategy(MONEY_SCALE, RoundingStrategy::MidpointAwayFromZero)
}

/// Rounds a customer count to the model's grid (half away from zero).
#[inline(never)]
pub fn round_customers(x: Decimal) -> Decimal {
    x.round_dp_with_strategy(CUSTOMER_SCALE, RoundingStrategy::MidpointAwayFromZero)
}

/// One month of the projection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Month {
    /// 1-based.
    pub month: u16,
    /// S_m: active customers at the start of the month.
    pub start_customers: Decimal,
    pub new_customers: Decimal,
    pub churned: Decimal,
    /// E_m: active customers at the end of the month.
    pub end_customers: Decimal,
    /// E_m × R.
    pub product_revenue: Decimal,
    /// Product revenue × g.
    pub gross_profit: Decimal,
    /// E_m × Σ(tier share × tier fee).
    pub fee_revenue: Decimal,
    /// All budget lines in this month.
    pub cost: Decimal,
    pub cost_by_category: [Decimal; 6],
    pub cost_by_stage: [Decimal; 3],
    /// Gross profit + fee revenue − cost.
    pub net_contribution: Decimal,
    /// Net contribution of months 1..=m.
    pub cumulative_net_contribution: Decimal,
    /// Net contribution ÷ (1+d)^m.
    pub discounted_net_contribution: Decimal,
}

/// The columns of the month-by-month grid behind the headline figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonthColumn {
    Month,
    StartCustomers,
    NewCustomers,
    Churned,
    EndCustomers,
    ProductRevenue,
    GrossProfit,
    FeeRevenue,
    Category(Category),
    Cost,
    NetContribution,
    Cumulative,
}

impl MonthColumn {
    /// Every column, in order.
    pub fn all() -> Vec<MonthColumn> {
        let mut v = vec![
            MonthColumn::Month,
            MonthColumn::StartCustomers,
            MonthColumn::NewCustomers,
            MonthColumn::Churned,
            MonthColumn::EndCustomers,
            MonthColumn::ProductRevenue,
            MonthColumn::GrossProfit,
            MonthColumn::FeeRevenue,
        ];
        v.extend(Category::ALL.map(MonthColumn::Category));
        v.extend([
            MonthColumn::Cost,
            MonthColumn::NetContribution,
            MonthColumn::Cumulative,
        ]);
        v
    }

    /// Whether the column is an amount of money (else a count or the month).
    pub const fn is_money(self) -> bool {
        !matches!(
            self,
            MonthColumn::Month
                | MonthColumn::StartCustomers
                | MonthColumn::NewCustomers
                | MonthColumn::Churned
                | MonthColumn::EndCustomers
        )
    }

    /// This column's value in month `m`.
    pub fn of(self, m: &Month) -> Decimal {
        match self {
            MonthColumn::Month => m.month.into(),
            MonthColumn::StartCustomers => m.start_customers,
            MonthColumn::NewCustomers => m.new_customers,
            MonthColumn::Churned => m.churned,
            MonthColumn::EndCustomers => m.end_customers,
            MonthColumn::ProductRevenue => m.product_revenue,
            MonthColumn::GrossProfit => m.gross_profit,
            MonthColumn::FeeRevenue => m.fee_revenue,
            MonthColumn::Category(c) => m.cost_by_category[c.index()],
            MonthColumn::Cost => m.cost,
            MonthColumn::NetContribution => m.net_contribution,
            MonthColumn::Cumulative => m.cumulative_net_contribution,
        }
    }
}

/// The projection over the plan's horizon, with the rates it used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Projection {
    pub months: Vec<Month>,
    /// Monthly churn as a fraction.
    pub churn: Decimal,
    /// Gross margin as a fraction.
    pub margin: Decimal,
    /// Revenue per customer per month.
    pub revenue_per_customer_month: Decimal,
    /// Σ(tier share × tier fee): fee revenue per active customer per month.
    pub fee_per_customer_month: Decimal,
    /// d = (1 + annual rate)^(1/12) − 1.
    pub monthly_discount_rate: Decimal,
}

/// The monthly rate equivalent to an annual rate: (1 + annual)^(1/12) − 1, to 24 decimals.
///
/// ```
/// use customer_cost_planner::model::monthly_rate;
/// use rust_decimal::Decimal;
/// assert_eq!(monthly_rate(Decimal::ZERO), Some(Decimal::ZERO));
/// let d = monthly_rate(Decimal::new(10, 2)).unwrap(); // 10 % a year
/// assert_eq!(d.round_dp(10), Decimal::new(79_741_404, 10)); // 0.797414 % a month
/// ```
#[inline(never)]
pub fn monthly_rate(annual: Decimal) -> Option<Decimal> {
    if annual.is_zero() {
        return Some(Decimal::ZERO);
    }
    let target = Decimal::ONE.checked_add(annual)?;
    if target <= Decimal::ZERO {
        return None;
    }
    // Newton's method on x^12 = target, starting from the simple-interest guess, which is above
    // the root for any rate > 0 and so converges monotonically.
    let twelve = Decimal::from(12);
    let mut x = Decimal::ONE.checked_add(annual.checked_div(twelve)?)?;
    for _ in 0..100 {
        let x2 = x.checked_mul(x)?;
        let x4 = x2.checked_mul(x2)?;
        let x8 = x4.checked_mul(x4)?;
        let x11 = x8.checked_mul(x2)?.checked_mul(x)?;
        let x12 = x11.checked_mul(x)?;
        let step = x12
            .checked_sub(target)?
            .checked_div(twelve.checked_mul(x11)?)?;
        x = x.checked_sub(step)?;
        if step.abs() < Decimal::new(1, 26) {
            break;
        }
    }
    Some(
        x.checked_sub(Decimal::ONE)?
            .round_dp_with_strategy(24, RoundingStrategy::MidpointAwayFromZero),
    )
}

const CELLS: usize = 18;

fn cell(category: Category, stage: Stage) -> usize {
    category.index() * 3 + stage.index()
}

/// The sum of the plan's lines, by category × stage and by how they turn into money.
struct Budget {
    /// Monthly amounts plus annual amounts ÷ 12, on the money grid.
    fixed: [Decimal; CELLS],
    per_new: [Decimal; CELLS],
    per_active: [Decimal; CELLS],
    /// One-time amounts, month m at index m − 1.
    one_time: Vec<[Decimal; CELLS]>,
    /// The largest line of each cell, to name when a figure gets too large; `None`: the cell
    /// has no line in the horizon, so it adds nothing (exactly: its amounts are all a zero of
    /// scale 0) and a month skips it.
    largest: [Option<usize>; CELLS],
}

fn line_field(line: &BudgetLine) -> Field {
    Field::LineAmount {
        id: line.id,
        name: line.name.clone(),
    }
}

impl Budget {
    #[inline(never)]
    fn new(lines: &[BudgetLine], horizon: u16) -> Result<Budget, ModelError> {
        let mut monthly = [Decimal::ZERO; CELLS];
        let mut annual = [Decimal::ZERO; CELLS];
        let mut per_new = [Decimal::ZERO; CELLS];
        let mut per_active = [Decimal::ZERO; CELLS];
        let mut one_time = vec![[Decimal::ZERO; CELLS]; usize::from(horizon)];
        let mut largest: [Option<usize>; CELLS] = [None; CELLS];
        for (i, line) in lines.iter().enumerate() {
            let c = cell(line.category, line.stage);
            let slot = match line.basis {
                Basis::Monthly => &mut monthly[c],
                Basis::Annual => &mut annual[c],
                Basis::PerNewCustomer => &mut per_new[c],
                Basis::PerActiveCustomer => &mut per_active[c],
                Basis::OneTime { month } => {
                    match one_time.get_mut(usize::from(month).wrapping_sub(1)) {
                        Some(cells) => &mut cells[c],
                        // Past the horizon (or month 0): nothing in this projection.
                        None => continue,
                    }
                }
            };
            *slot = slot
                .checked_add(line.amount)
                .ok_or_else(|| ModelError::TooLarge {
                    field: line_field(line),
                })?;
            if largest[c].is_none_or(|j| lines[j].amount < line.amount) {
                largest[c] = Some(i);
            }
        }
        let twelve = Decimal::from(12);
        let mut fixed = [Decimal::ZERO; CELLS];
        for c in 0..CELLS {
            fixed[c] = annual[c]
                .checked_div(twelve)
                .and_then(|a| a.checked_add(monthly[c]))
                .map(round_money)
                .ok_or(ModelError::TooLarge {
                    field: Field::Lines,
                })?;
        }
        Ok(Budget {
            fixed,
            per_new,
            per_active,
            one_time,
            largest,
        })
    }

    /// Month `m`'s cost, by category and by stage, with `new` customers won and `end` active.
    fn month_cost(
        &self,
        lines: &[BudgetLine],
        m: u16,
        new: Decimal,
        end: Decimal,
    ) -> Result<MonthCost, ModelError> {
        let mut by_category = [Decimal::ZERO; 6];
        let mut by_stage = [Decimal::ZERO; 3];
        let mut cost = Decimal::ZERO;
        let one_time = &self.one_time[usize::from(m - 1)];
        for category in Category::ALL {
            for stage in Stage::ALL {
                let c = cell(category, stage);
                if self.largest[c].is_none() {
                    continue;
                }
                let blame = || self.blame(lines, c);
                let mut v = add(self.fixed[c], one_time[c], blame)?;
                v = add(v, money_mul(self.per_new[c], new, blame)?, blame)?;
                v = add(v, money_mul(self.per_active[c], end, blame)?, blame)?;
                by_category[category.index()] = add(by_category[category.index()], v, blame)?;
                by_stage[stage.index()] = add(by_stage[stage.index()], v, blame)?;
                cost = add(cost, v, blame)?;
            }
        }
        Ok(MonthCost {
            cost,
            by_category,
            by_stage,
        })
    }

    fn blame(&self, lines: &[BudgetLine], c: usize) -> ModelError {
        ModelError::TooLarge {
            field: self.largest[c]
                .and_then(|i| lines.get(i))
                .map_or(Field::Lines, line_field),
        }
    }
}

/// A month's cost, in total and split both ways.
struct MonthCost {
    cost: Decimal,
    by_category: [Decimal; 6],
    by_stage: [Decimal; 3],
}

// The checked operations live in one non-generic function each (never inlined): the generic
// wrappers below only attach the error, so the decimal arithmetic exists once in the
// WebAssembly instead of once per call site.

#[inline(never)]
fn checked_money_product(a: Decimal, b: Decimal) -> Option<Decimal> {
    if a.is_zero() || b.is_zero() {
        return Some(Decimal::ZERO);
    }
    a.checked_mul(b).map(round_money)
}

#[inline(never)]
fn checked_sum(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

/// `a × b` on the money grid, or `err`.
fn money_mul(
    a: Decimal,
    b: Decimal,
    err: impl FnOnce() -> ModelError,
) -> Result<Decimal, ModelError> {
    checked_money_product(a, b).ok_or_else(err)
}

fn add(a: Decimal, b: Decimal, err: impl FnOnce() -> ModelError) -> Result<Decimal, ModelError> {
    checked_sum(a, b).ok_or_else(err)
}

/// Projects a plan whose values have already been validated (or derived from validated values
/// by a scenario). Every operation is checked: a value too large to compute exactly gives an
/// error naming the field that caused it.
pub fn project(plan: &Plan) -> Result<Projection, ModelError> {
    let hundred = Decimal::ONE_HUNDRED;
    let pct =
        |v: Decimal, field: Field| v.checked_div(hundred).ok_or(ModelError::TooLarge { field });
    let churn = pct(plan.churn_pct, Field::Churn)?;
    let margin = pct(plan.gross_margin_pct, Field::GrossMargin)?;
    let annual = pct(plan.annual_discount_pct, Field::Discount)?;
    let monthly_discount_rate = monthly_rate(annual).ok_or(ModelError::TooLarge {
        field: Field::Discount,
    })?;
    let fee_per_customer_month = fee_per_customer_month(plan)?;

    let budget = Budget::new(&plan.lines, plan.horizon_months)?;
    let new_customers = round_customers(plan.new_customers_per_month);
    let revenue = plan.revenue_per_customer_month;
    let one_plus_d =
        Decimal::ONE
            .checked_add(monthly_discount_rate)
            .ok_or(ModelError::TooLarge {
                field: Field::Discount,
            })?;
    let revenue_err = || ModelError::TooLarge {
        field: Field::Revenue,
    };
    let customers_err = || ModelError::TooLarge {
        field: Field::StartingCustomers,
    };

    let mut months = Vec::with_capacity(usize::from(plan.horizon_months));
    let mut start = round_customers(plan.starting_customers);
    let mut cumulative = Decimal::ZERO;
    let mut discount_factor = Decimal::ONE;
    let mut totals = [Decimal::ZERO; 3]; // cost, revenue, fee revenue: checked against the cap
    for m in 1..=plan.horizon_months {
        let churned = start
            .checked_mul(churn)
            .map(round_customers)
            .ok_or_else(customers_err)?;
        let end = start
            .checked_sub(churned)
            .and_then(|s| s.checked_add(new_customers))
            .ok_or_else(customers_err)?;

        let MonthCost {
            cost,
            by_category: cost_by_category,
            by_stage: cost_by_stage,
        } = budget.month_cost(&plan.lines, m, new_customers, end)?;

        let product_revenue = money_mul(end, revenue, revenue_err)?;
        let gross_profit = money_mul(product_revenue, margin, revenue_err)?;
        let fee_revenue = money_mul(end, fee_per_customer_month, fee_error)?;
        let net_contribution = gross_profit
            .checked_add(fee_revenue)
            .and_then(|x| x.checked_sub(cost))
            .ok_or_else(revenue_err)?;
        cumulative = add(cumulative, net_contribution, revenue_err)?;
        discount_factor = discount_factor
            .checked_div(one_plus_d)
            .ok_or(ModelError::TooLarge {
                field: Field::Discount,
            })?;
        let discounted_net_contribution =
            money_mul(net_contribution, discount_factor, revenue_err)?;

        for (total, v) in totals.iter_mut().zip([cost, product_revenue, fee_revenue]) {
            *total = add(*total, v, revenue_err)?;
        }
        months.push(Month {
            month: m,
            start_customers: start,
            new_customers,
            churned,
            end_customers: end,
            product_revenue,
            gross_profit,
            fee_revenue,
            cost,
            cost_by_category,
            cost_by_stage,
            net_contribution,
            cumulative_net_contribution: cumulative,
            discounted_net_contribution,
        });
        start = end;
    }

    check_totals(plan, &months, totals)?;
    Ok(Projection {
        months,
        churn,
        margin,
        revenue_per_customer_month: revenue,
        fee_per_customer_month,
        monthly_discount_rate,
    })
}

/// What the fee tiers bring in per customer a month: Σ share × fee.
fn fee_per_customer_month(plan: &Plan) -> Result<Decimal, ModelError> {
    let mut fee_per_customer_month = Decimal::ZERO;
    for tier in &plan.fee_tiers {
        let share = tier
            .share_pct
            .checked_div(Decimal::ONE_HUNDRED)
            .ok_or_else(fee_error)?;
        let fee = share.checked_mul(tier.monthly_fee).ok_or_else(fee_error)?;
        fee_per_customer_month = add(fee_per_customer_month, fee, fee_error)?;
    }
    Ok(fee_per_customer_month)
}

fn fee_error() -> ModelError {
    ModelError::TooLarge {
        field: Field::FeeTiers,
    }
}

/// The horizon's totals of cost, revenue and fee revenue must stay under the money cap; the
/// error names what made a total too large.
fn check_totals(plan: &Plan, months: &[Month], totals: [Decimal; 3]) -> Result<(), ModelError> {
    let cap = money_cap();
    if totals[0] >= cap {
        return Err(largest_line_error(plan, months));
    }
    if totals[1] >= cap {
        return Err(ModelError::TooLarge {
            field: Field::Revenue,
        });
    }
    if totals[2] >= cap {
        return Err(fee_error());
    }
    Ok(())
}

/// Names the line that contributes most to a cost total that grew too large.
fn largest_line_error(plan: &Plan, months: &[Month]) -> ModelError {
    let totals = HorizonDrivers::of(months);
    let field = plan
        .lines
        .iter()
        .filter_map(|l| line_total(l, &totals).map(|t| (t, l)))
        .max_by(|a, b| a.0.cmp(&b.0))
        .map_or(Field::Lines, |(_, l)| line_field(l));
    ModelError::TooLarge { field }
}

/// What a line's total over the horizon depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HorizonDrivers {
    pub months: u16,
    pub new_customers: Decimal,
    pub customer_months: Decimal,
}

impl HorizonDrivers {
    pub fn of(months: &[Month]) -> HorizonDrivers {
        let sum = |f: fn(&Month) -> Decimal| {
            months
                .iter()
                .try_fold(Decimal::ZERO, |acc, m| acc.checked_add(f(m)))
                .unwrap_or(Decimal::MAX)
        };
        HorizonDrivers {
            months: u16::try_from(months.len()).unwrap_or(u16::MAX),
            new_customers: sum(|m| m.new_customers),
            customer_months: sum(|m| m.end_customers),
        }
    }
}

/// One line's cost over the whole horizon (for display beside the line), or `None` if too large.
pub fn line_total(line: &BudgetLine, drivers: &HorizonDrivers) -> Option<Decimal> {
    let months = Decimal::from(drivers.months);
    let total = match line.basis {
        Basis::Monthly => line.amount.checked_mul(months)?,
        Basis::Annual => line
            .amount
            .checked_div(Decimal::from(12))?
            .checked_mul(months)?,
        Basis::OneTime { month } if month >= 1 && month <= drivers.months => line.amount,
        Basis::OneTime { .. } => Decimal::ZERO,
        Basis::PerNewCustomer => line.amount.checked_mul(drivers.new_customers)?,
        Basis::PerActiveCustomer => line.amount.checked_mul(drivers.customer_months)?,
    };
    Some(round_money(total))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::LineId;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test literal")
    }

    fn one_line(basis: Basis, amount: &str) -> Plan {
        Plan {
            horizon_months: 4,
            starting_customers: d("100"),
            new_customers_per_month: d("10"),
            churn_pct: d("10"),
            lines: vec![BudgetLine {
                id: LineId(1),
                name: "x".into(),
                category: Category::Support,
                stage: Stage::Service,
                amount: d(amount),
                basis,
            }],
            ..Plan::default()
        }
    }

    #[test]
    fn customers_follow_the_recurrence() {
        let p = project(&one_line(Basis::Monthly, "0")).expect("valid");
        let ends: Vec<Decimal> = p.months.iter().map(|m| m.end_customers).collect();
        // 100 → 90 + 10 = 100, steady state.
        assert_eq!(ends, vec![d("100"); 4]);
        let mut plan = one_line(Basis::Monthly, "0");
        plan.new_customers_per_month = d("0");
        let p = project(&plan).expect("valid");
        let ends: Vec<Decimal> = p.months.iter().map(|m| m.end_customers).collect();
        assert_eq!(ends, vec![d("90"), d("81"), d("72.9"), d("65.61")]);
        assert_eq!(p.months[1].start_customers, d("90"));
        assert_eq!(p.months[1].churned, d("9"));
    }

    #[test]
    fn every_basis_turns_into_the_right_months() {
        // Customers: S = 100, 100, 100, 100 (steady state with 10 new, 10 % churn).
        let cases = [
            (Basis::Monthly, "30", ["30", "30", "30", "30"]),
            (Basis::Annual, "1200", ["100", "100", "100", "100"]),
            (
                Basis::Annual,
                "1000",
                ["83.333333", "83.333333", "83.333333", "83.333333"],
            ),
            (Basis::OneTime { month: 3 }, "500", ["0", "0", "500", "0"]),
            (Basis::OneTime { month: 1 }, "500", ["500", "0", "0", "0"]),
            (Basis::OneTime { month: 5 }, "500", ["0", "0", "0", "0"]),
            (Basis::PerNewCustomer, "50", ["500", "500", "500", "500"]),
            (
                Basis::PerActiveCustomer,
                "2.5",
                ["250", "250", "250", "250"],
            ),
        ];
        for (basis, amount, expected) in cases {
            let p = project(&one_line(basis, amount)).expect("valid");
            let costs: Vec<Decimal> = p.months.iter().map(|m| m.cost).collect();
            let expected: Vec<Decimal> = expected.iter().map(|s| d(s)).collect();
            assert_eq!(costs, expected, "{basis:?} of {amount}");
            for m in &p.months {
                assert_eq!(m.cost_by_category[Category::Support.index()], m.cost);
                assert_eq!(m.cost_by_stage[Stage::Service.index()], m.cost);
            }
        }
    }

    #[test]
    fn monthly_rate_compounds_back_to_the_annual_rate() {
        for annual in ["0.01", "0.05", "0.1", "0.25", "1"] {
            let a = d(annual);
            let m = monthly_rate(a).expect("rate");
            let mut x = Decimal::ONE;
            for _ in 0..12 {
                x *= Decimal::ONE + m;
            }
            let err = (x - Decimal::ONE - a).abs();
            assert!(err < d("0.0000000000000000001"), "{annual}: {x}");
        }
    }

    #[test]
    fn huge_values_give_an_error_naming_the_line() {
        let mut plan = one_line(Basis::PerActiveCustomer, "999999999999999");
        plan.starting_customers = d("999999999999999");
        plan.new_customers_per_month = d("999999999999999");
        plan.horizon_months = 120;
        let err = project(&plan).expect_err("too large");
        assert_eq!(
            err.field(),
            &Field::LineAmount {
                id: LineId(1),
                name: "x".into()
            }
        );
        let mut plan = one_line(Basis::Monthly, "1");
        plan.starting_customers = d("999999999999999");
        plan.revenue_per_customer_month = d("999999999999999");
        assert_eq!(
            project(&plan).expect_err("too large").field(),
            &Field::Revenue
        );
    }
}
