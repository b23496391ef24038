//! The month-by-month projection of customers, revenue and cost.
//!
//! Conventions (docs/model.md has the sources):
//! - S₁ = N0; churned_m = S_m × c; E_m = S_m − churned_m + new_m; S₍m+1₎ = E_m.
//! - Customers are kept to 10 decimals, monthly money to 6 decimals (rounded half away from zero).
//!   With every monthly value on that grid and every total below [`MONEY_CAP`], all sums are exact,
//!   so the total equals the sum over categories and the sum over stages to the last digit.

use rust_decimal::{Decimal, RoundingStrategy};

use super::arith::{checked_difference, checked_product, checked_quotient, checked_sum};
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

/// The projection over the plan's horizon, with the per-customer rates its lifetime figures use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Projection {
    pub months: Vec<Month>,
    /// Monthly churn as a fraction (customer-weighted when it changes over time).
    pub churn: Decimal,
    /// Gross margin per active customer a month: R × g (customer-weighted when it changes).
    pub gross_margin_per_customer_month: Decimal,
    /// Σ(tier share × tier fee): fee revenue per active customer per month (customer-weighted
    /// when it changes).
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

/// What the lines that run in a month cost, by category × stage, before the month's customers.
#[derive(Clone)]
struct Rates {
    /// Monthly amounts plus annual amounts ÷ 12, on the money grid.
    fixed: [Decimal; CELLS],
    per_new: [Decimal; CELLS],
    per_active: [Decimal; CELLS],
}

/// The sums of the lines running in a month, as entered (annual amounts not yet ÷ 12).
#[derive(Clone)]
struct Sums([[Decimal; CELLS]; 4]);

impl Sums {
    /// Adds the line's amount to its cell (or takes it off again: exactly, decimals being
    /// exact).
    fn add(&mut self, line: &BudgetLine, c: usize, take_off: bool) -> Result<(), ModelError> {
        let slot = match line.basis {
            Basis::Monthly => &mut self.0[0][c],
            Basis::Annual => &mut self.0[1][c],
            Basis::PerNewCustomer => &mut self.0[2][c],
            Basis::PerActiveCustomer => &mut self.0[3][c],
            Basis::OneTime { .. } => return Ok(()),
        };
        let next = if take_off {
            checked_difference(*slot, line.amount)
        } else {
            checked_sum(*slot, line.amount)
        };
        *slot = next.ok_or_else(|| ModelError::TooLarge {
            field: line_field(line),
        })?;
        Ok(())
    }

    fn rates(&self) -> Result<Rates, ModelError> {
        let [monthly, annual, per_new, per_active] = &self.0;
        let twelve = Decimal::from(12);
        let mut fixed = [Decimal::ZERO; CELLS];
        for c in 0..CELLS {
            fixed[c] = checked_quotient(annual[c], twelve)
                .and_then(|a| checked_sum(a, monthly[c]))
                .map(round_money)
                .ok_or(ModelError::TooLarge {
                    field: Field::Lines,
                })?;
        }
        Ok(Rates {
            fixed,
            per_new: *per_new,
            per_active: *per_active,
        })
    }
}

/// The sum of the plan's lines, by category × stage and by how they turn into money.
struct Budget {
    /// The rates of each month: one entry when no line has a window (every month alike), else
    /// month m at index m − 1.
    rates: Vec<Rates>,
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
        let mut always = Sums([[Decimal::ZERO; CELLS]; 4]);
        let mut windowed: Vec<(usize, &BudgetLine)> = Vec::new();
        let mut one_time = vec![[Decimal::ZERO; CELLS]; usize::from(horizon)];
        let mut largest: [Option<usize>; CELLS] = [None; CELLS];
        for (i, line) in lines.iter().enumerate() {
            let c = cell(line.category, line.stage);
            if let Basis::OneTime { month } = line.basis {
                // Past the horizon (or month 0): nothing in this projection.
                let Some(cells) = one_time.get_mut(usize::from(month).wrapping_sub(1)) else {
                    continue;
                };
                cells[c] =
                    cells[c]
                        .checked_add(line.amount)
                        .ok_or_else(|| ModelError::TooLarge {
                            field: line_field(line),
                        })?;
            } else if line.has_window() {
                let (from, to) = line.window();
                if from > horizon || to < from {
                    continue;
                }
                windowed.push((c, line));
            } else {
                always.add(line, c, false)?;
            }
            if largest[c].is_none_or(|j| lines[j].amount < line.amount) {
                largest[c] = Some(i);
            }
        }
        let rates = if windowed.is_empty() {
            vec![always.rates()?]
        } else {
            // A windowed line joins the running sums in its first month and leaves them after
            // its last: two additions a line, not one a month. A month where no line joins or
            // leaves reuses the rates of the month before.
            let months = usize::from(horizon);
            let mut changes: Vec<Vec<(usize, &BudgetLine, bool)>> = vec![Vec::new(); months];
            for (c, line) in windowed {
                let (from, to) = line.window();
                changes[usize::from(from - 1)].push((c, line, false));
                if let Some(after) = changes.get_mut(usize::from(to)) {
                    after.push((c, line, true));
                }
            }
            let mut running = always;
            let mut rates: Vec<Rates> = Vec::with_capacity(months);
            for month in &changes {
                for &(c, line, take_off) in month {
                    running.add(line, c, take_off)?;
                }
                rates.push(match rates.last() {
                    Some(previous) if month.is_empty() => previous.clone(),
                    _ => running.rates()?,
                });
            }
            rates
        };
        Ok(Budget {
            rates,
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
        let index = usize::from(m - 1);
        let one_time = &self.one_time[index];
        let rates = self.rates.get(index).unwrap_or(&self.rates[0]);
        for category in Category::ALL {
            for stage in Stage::ALL {
                let c = cell(category, stage);
                if self.largest[c].is_none() {
                    continue;
                }
                let blame = || self.blame(lines, c);
                let mut v = add(rates.fixed[c], one_time[c], blame)?;
                v = add(v, money_mul(rates.per_new[c], new, blame)?, blame)?;
                v = add(v, money_mul(rates.per_active[c], end, blame)?, blame)?;
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

/// New customers in each month 1..=`to` of `plan`: growth compounded month by month on the
/// customer grid, A₁ = N and A_m = A₍m−1₎ × (1 + g), then the month's seasonal percentage
/// (`docs/model.md`, "Time in the plan"). Without growth or seasonality every month is N.
#[inline(never)]
pub fn arrivals(plan: &Plan, to: u16) -> Result<Vec<Decimal>, ModelError> {
    let growth_err = || ModelError::TooLarge {
        field: Field::Growth,
    };
    let factor = checked_quotient(plan.new_customers_growth_pct, Decimal::ONE_HUNDRED)
        .and_then(|g| checked_sum(Decimal::ONE, g))
        .ok_or_else(growth_err)?;
    let grows = !plan.new_customers_growth_pct.is_zero();
    // Past this, customer counts would leave the range every later figure can be computed in.
    let cap = Decimal::from(100_000_000_000_000_000_i64);
    let mut a = round_customers(plan.new_customers_per_month);
    let mut out = Vec::with_capacity(usize::from(to));
    for m in 1..=to {
        if m > 1 && grows {
            a = checked_product(a, factor)
                .map(round_customers)
                .filter(|a| *a < cap)
                .ok_or_else(growth_err)?;
        }
        let new = match &plan.seasonality_pct {
            Some(season) => {
                let index = (usize::from(plan.first_calendar_month) + usize::from(m) + 10) % 12;
                let s = season.get(index).copied().unwrap_or(Decimal::ONE_HUNDRED);
                checked_product(a, s)
                    .and_then(|x| checked_quotient(x, Decimal::ONE_HUNDRED))
                    .map(round_customers)
                    .ok_or(ModelError::TooLarge {
                        field: Field::Seasonality,
                    })?
            }
            None => a,
        };
        out.push(new);
    }
    Ok(out)
}

/// What one phase of a projection runs on: a plan's rates, budget and arrivals.
struct Phase<'a> {
    plan: &'a Plan,
    /// The first month this phase runs.
    first: u16,
    churn: Decimal,
    margin: Decimal,
    /// Fee revenue per active customer a month.
    fee: Decimal,
    budget: Budget,
    arrivals: Vec<Decimal>,
}

impl<'a> Phase<'a> {
    #[inline(never)]
    fn new(first: u16, plan: &'a Plan, horizon: u16) -> Result<Phase<'a>, ModelError> {
        let pct = |v: Decimal, field: Field| {
            checked_quotient(v, Decimal::ONE_HUNDRED).ok_or(ModelError::TooLarge { field })
        };
        Ok(Phase {
            plan,
            first,
            churn: pct(plan.churn_pct, Field::Churn)?,
            margin: pct(plan.gross_margin_pct, Field::GrossMargin)?,
            fee: fee_per_customer_month(plan)?,
            budget: Budget::new(&plan.lines, horizon)?,
            arrivals: arrivals(plan, horizon)?,
        })
    }

    /// Gross margin per active customer a month: R × g.
    fn gross_margin(&self) -> Option<Decimal> {
        checked_product(self.plan.revenue_per_customer_month, self.margin)
    }
}

/// Projects a plan whose values have already been validated (or derived from validated values
/// by a scenario). Every operation is checked: a value too large to compute exactly gives an
/// error naming the field that caused it.
pub fn project(plan: &Plan) -> Result<Projection, ModelError> {
    project_phases(&[(1, plan)])
}

/// Projects a plan that changes over time: from month `first` of each `(first, plan)` on, the
/// month runs on that plan (its new customers, churn, revenue, margin, fees and lines). The
/// first phase starts in month 1 and gives the horizon, the starting customers and the
/// discount rate; phases are in order of their first month. A scenario whose levers take
/// effect from later months is projected this way (`docs/model.md`, "Time in the plan").
pub fn project_phases(phases: &[(u16, &Plan)]) -> Result<Projection, ModelError> {
    let Some(&(_, plan)) = phases.first() else {
        return Err(ModelError::TooLarge {
            field: Field::Lines,
        });
    };
    let horizon = plan.horizon_months;
    let annual = plan
        .annual_discount_pct
        .checked_div(Decimal::ONE_HUNDRED)
        .ok_or(ModelError::TooLarge {
            field: Field::Discount,
        })?;
    let monthly_discount_rate = monthly_rate(annual).ok_or(ModelError::TooLarge {
        field: Field::Discount,
    })?;
    let mut built = Vec::with_capacity(phases.len());
    for &(first, p) in phases {
        built.push(Phase::new(first, p, horizon)?);
    }
    let phases = built;
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

    let mut months = Vec::with_capacity(usize::from(horizon));
    let mut start = round_customers(plan.starting_customers);
    let mut cumulative = Decimal::ZERO;
    let mut discount_factor = Decimal::ONE;
    let mut totals = [Decimal::ZERO; 3]; // cost, revenue, fee revenue: checked against the cap
    let mut at = 0;
    for m in 1..=horizon {
        while phases.get(at + 1).is_some_and(|p| p.first <= m) {
            at += 1;
        }
        let phase = &phases[at];
        let new_customers = phase.arrivals[usize::from(m - 1)];
        let churned = start
            .checked_mul(phase.churn)
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
        } = phase
            .budget
            .month_cost(&phase.plan.lines, m, new_customers, end)?;

        let product_revenue = money_mul(end, phase.plan.revenue_per_customer_month, revenue_err)?;
        let gross_profit = money_mul(product_revenue, phase.margin, revenue_err)?;
        let fee_revenue = money_mul(end, phase.fee, fee_error)?;
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

    check_totals(&phases, &months, totals)?;
    let units = UnitEconomics::of(&phases, &months).ok_or_else(revenue_err)?;
    Ok(Projection {
        months,
        churn: units.churn,
        gross_margin_per_customer_month: units.gross_margin,
        fee_per_customer_month: units.fee,
        monthly_discount_rate,
    })
}

/// The per-customer rates the lifetime figures use: the plan's own when every phase has the
/// same, else averages weighted by customers over the horizon (`docs/model.md`).
struct UnitEconomics {
    churn: Decimal,
    gross_margin: Decimal,
    fee: Decimal,
}

impl UnitEconomics {
    #[inline(never)]
    fn of(phases: &[Phase], months: &[Month]) -> Option<UnitEconomics> {
        Some(UnitEconomics {
            churn: rate(
                phases,
                months,
                |p| Some(p.churn),
                |m| (m.churned, m.start_customers),
            )?,
            gross_margin: rate(
                phases,
                months,
                |p| p.gross_margin(),
                |m| (m.gross_profit, m.end_customers),
            )?,
            fee: rate(
                phases,
                months,
                |p| Some(p.fee),
                |m| (m.fee_revenue, m.end_customers),
            )?,
        })
    }
}

/// One per-customer rate over the horizon: each phase's `own` when they all have the same;
/// else Σ numerator ÷ Σ weight over the months (`part` gives both), or, when nothing weighs,
/// the mean of each month's own rate. Function pointers, so there is one copy of the loop.
#[inline(never)]
fn rate(
    phases: &[Phase],
    months: &[Month],
    own: fn(&Phase) -> Option<Decimal>,
    part: fn(&Month) -> (Decimal, Decimal),
) -> Option<Decimal> {
    let first = own(phases.first()?)?;
    if phases.iter().all(|p| own(p) == Some(first)) {
        return Some(first);
    }
    let (mut num, mut weight, mut rates) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    let mut at = 0;
    for m in months {
        while phases.get(at + 1).is_some_and(|p| p.first <= m.month) {
            at += 1;
        }
        let (x, w) = part(m);
        num = checked_sum(num, x)?;
        weight = checked_sum(weight, w)?;
        rates = checked_sum(rates, own(&phases[at])?)?;
    }
    if weight.is_zero() {
        checked_quotient(rates, Decimal::from(months.len().max(1)))
    } else {
        checked_quotient(num, weight)
    }
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
fn check_totals(
    phases: &[Phase],
    months: &[Month],
    totals: [Decimal; 3],
) -> Result<(), ModelError> {
    let cap = money_cap();
    if totals[0] >= cap {
        return Err(largest_line_error(phases, months));
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
fn largest_line_error(phases: &[Phase], months: &[Month]) -> ModelError {
    let totals = HorizonDrivers::of(months);
    let field = phases
        .iter()
        .flat_map(|p| &p.plan.lines)
        .filter_map(|l| line_total(l, &totals).map(|t| (t, l)))
        .max_by(|a, b| a.0.cmp(&b.0))
        .map_or(Field::Lines, |(_, l)| line_field(l));
    ModelError::TooLarge { field }
}

/// What a line's total over the horizon depends on: the months, and the new customers and
/// customer-months up to each month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HorizonDrivers {
    pub months: u16,
    /// Σ new customers of months 1..=m at index m (index 0: nothing yet).
    new_customers: Vec<Decimal>,
    /// Σ E of months 1..=m at index m.
    customer_months: Vec<Decimal>,
}

impl HorizonDrivers {
    pub fn of(months: &[Month]) -> HorizonDrivers {
        let prefix = |f: fn(&Month) -> Decimal| {
            let mut sums = Vec::with_capacity(months.len() + 1);
            let mut acc = Decimal::ZERO;
            sums.push(acc);
            for m in months {
                acc = acc.checked_add(f(m)).unwrap_or(Decimal::MAX);
                sums.push(acc);
            }
            sums
        };
        HorizonDrivers {
            months: u16::try_from(months.len()).unwrap_or(u16::MAX),
            new_customers: prefix(|m| m.new_customers),
            customer_months: prefix(|m| m.end_customers),
        }
    }

    /// Drivers known only as totals over `months` (enough for lines without a window).
    pub fn from_totals(
        months: u16,
        new_customers: Decimal,
        customer_months: Decimal,
    ) -> HorizonDrivers {
        let at_end = |total| {
            let mut v = vec![Decimal::ZERO; usize::from(months)];
            v.push(total);
            v
        };
        HorizonDrivers {
            months,
            new_customers: at_end(new_customers),
            customer_months: at_end(customer_months),
        }
    }

    /// The months `[from, to]` cut to the horizon, or `None` when none of them is in it.
    fn clip(&self, (from, to): (u16, u16)) -> Option<(usize, usize)> {
        let to = to.min(self.months);
        (from >= 1 && from <= to).then_some((usize::from(from), usize::from(to)))
    }

    fn between(sums: &[Decimal], (from, to): (usize, usize)) -> Option<Decimal> {
        checked_difference(*sums.get(to)?, *sums.get(from - 1)?)
    }
}

/// One line's cost over the whole horizon (for display beside the line), or `None` if too large.
pub fn line_total(line: &BudgetLine, drivers: &HorizonDrivers) -> Option<Decimal> {
    let window = match line.basis {
        Basis::OneTime { month } => (month, month),
        _ => line.window(),
    };
    let Some(span) = drivers.clip(window) else {
        return Some(Decimal::ZERO);
    };
    let months = Decimal::from(span.1 - span.0 + 1);
    let total = match line.basis {
        Basis::Monthly => line.amount.checked_mul(months)?,
        Basis::Annual => line
            .amount
            .checked_div(Decimal::from(12))?
            .checked_mul(months)?,
        Basis::OneTime { .. } => line.amount,
        Basis::PerNewCustomer => line
            .amount
            .checked_mul(HorizonDrivers::between(&drivers.new_customers, span)?)?,
        Basis::PerActiveCustomer => line
            .amount
            .checked_mul(HorizonDrivers::between(&drivers.customer_months, span)?)?,
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
                from_month: None,
                to_month: None,
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

    fn column(p: &Projection, f: fn(&Month) -> Decimal) -> Vec<Decimal> {
        p.months.iter().map(f).collect()
    }

    fn ds(values: &[&str]) -> Vec<Decimal> {
        values.iter().map(|s| d(s)).collect()
    }

    #[test]
    fn new_customers_grow_month_by_month() {
        // A₁ = 10, then × 1.1 each month: 10, 11, 12.1, 13.31.
        let mut plan = one_line(Basis::PerNewCustomer, "2");
        plan.new_customers_growth_pct = d("10");
        let p = project(&plan).expect("valid");
        assert_eq!(
            column(&p, |m| m.new_customers),
            ds(&["10", "11", "12.1", "13.31"])
        );
        // S: 100 → 90 + 10 = 100 → 90 + 11 = 101 → 90.9 + 12.1 = 103 → 92.7 + 13.31 = 106.01.
        assert_eq!(
            column(&p, |m| m.end_customers),
            ds(&["100", "101", "103", "106.01"])
        );
        assert_eq!(column(&p, |m| m.cost), ds(&["20", "22", "24.2", "26.62"]));
        // Shrinking: −50 % a month halves the arrivals.
        plan.new_customers_growth_pct = d("-50");
        let p = project(&plan).expect("valid");
        assert_eq!(
            column(&p, |m| m.new_customers),
            ds(&["10", "5", "2.5", "1.25"])
        );
    }

    #[test]
    fn seasonality_starts_at_the_calendar_month_of_month_one() {
        // Month 1 is November: November 200 %, December 50 %, January and February 100 %.
        let mut plan = one_line(Basis::Monthly, "0");
        let mut season = vec![d("100"); 12];
        season[10] = d("200");
        season[11] = d("50");
        season[1] = d("0");
        plan.seasonality_pct = Some(season);
        plan.first_calendar_month = 11;
        plan.horizon_months = 5;
        let p = project(&plan).expect("valid");
        assert_eq!(
            column(&p, |m| m.new_customers),
            ds(&["20", "5", "10", "0", "10"])
        );
        // With growth the season multiplies the grown arrivals: 10 × 1.1^(m−1) × s.
        plan.new_customers_growth_pct = d("10");
        let p = project(&plan).expect("valid");
        assert_eq!(
            column(&p, |m| m.new_customers),
            ds(&["20", "5.5", "12.1", "0", "14.641"])
        );
    }

    #[test]
    fn a_line_costs_only_in_its_window() {
        // Customers stay at 100 with 10 new a month (steady state).
        type Case = (
            Basis,
            &'static str,
            Option<u16>,
            Option<u16>,
            [&'static str; 4],
        );
        let cases: [Case; 6] = [
            (
                Basis::Monthly,
                "30",
                Some(2),
                Some(3),
                ["0", "30", "30", "0"],
            ),
            (
                Basis::Annual,
                "1200",
                Some(3),
                None,
                ["0", "0", "100", "100"],
            ),
            (
                Basis::PerNewCustomer,
                "50",
                None,
                Some(1),
                ["500", "0", "0", "0"],
            ),
            (
                Basis::PerActiveCustomer,
                "2.5",
                Some(4),
                Some(120),
                ["0", "0", "0", "250"],
            ),
            (Basis::Monthly, "30", Some(5), None, ["0", "0", "0", "0"]),
            (
                Basis::Monthly,
                "30",
                Some(1),
                Some(4),
                ["30", "30", "30", "30"],
            ),
        ];
        for (basis, amount, from, to, expected) in cases {
            let mut plan = one_line(basis, amount);
            plan.lines[0].from_month = from;
            plan.lines[0].to_month = to;
            let p = project(&plan).expect("valid");
            assert_eq!(
                column(&p, |m| m.cost),
                ds(&expected),
                "{basis:?} {from:?}–{to:?}"
            );
            // The total beside the line is the sum of its months.
            let total: Decimal = p.months.iter().map(|m| m.cost).sum();
            assert_eq!(
                line_total(&plan.lines[0], &HorizonDrivers::of(&p.months)),
                Some(total)
            );
        }
    }

    #[test]
    fn a_later_phase_changes_the_months_from_its_first() {
        // Churn 10 % in months 1–2, then 5 %: S = 100, 100, 100 → 95 + 10 = 105 → …
        let base = one_line(Basis::Monthly, "0");
        let mut later = base.clone();
        later.churn_pct = d("5");
        let p = project_phases(&[(1, &base), (3, &later)]).expect("valid");
        assert_eq!(
            column(&p, |m| m.end_customers),
            ds(&["100", "100", "105", "109.75"])
        );
        // Weighted churn: Σ churned ÷ Σ S = (10 + 10 + 5 + 5.25) ÷ (100 + 100 + 100 + 105).
        assert_eq!(p.churn, d("30.25") / d("405"));
        // A later phase equal to the first changes nothing.
        assert_eq!(
            project_phases(&[(1, &base), (3, &base)]).expect("valid"),
            project(&base).expect("valid")
        );
    }
}
