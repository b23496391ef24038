//! Figures over the horizon: totals, unit economics and lifetime value.
//!
//! A figure that cannot be computed (no new customers, zero churn with zero discount, a margin
//! that never pays back the acquisition cost) is [`Figure::Undefined`] with the reason, never a
//! zero, an infinity or a panic.

use rust_decimal::Decimal;
use serde::Serialize;

use super::error::{Field, ModelError};
use super::plan::Stage;
use super::simulate::{Month, Projection};

/// Why a figure has no value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Undefined {
    /// No customers are won over the horizon, so there is no cost per new customer.
    NoNewCustomers,
    /// No customer is active in any month, so there is no cost per customer-month.
    NoCustomers,
    /// Customers never leave and future money is not discounted: lifetime value is unbounded.
    NoChurnNoDiscount,
    /// The margin per customer-month is zero or negative: acquisition cost is never recovered.
    NeverPaysBack,
    /// Acquisition costs nothing, so value per unit of acquisition cost is unbounded.
    NoAcquisitionCost,
    /// There is no revenue to compare cost with.
    NoRevenue,
    /// There is no serve cost for fees to cover.
    NoServeCost,
    /// Cumulative net contribution is still below zero at the end of the horizon.
    NotWithinHorizon,
    /// The figure is beyond what can be computed exactly (a ratio with a tiny divisor).
    TooLarge,
}

impl Undefined {
    pub const ALL: [Undefined; 9] = [
        Undefined::NoNewCustomers,
        Undefined::NoCustomers,
        Undefined::NoChurnNoDiscount,
        Undefined::NeverPaysBack,
        Undefined::NoAcquisitionCost,
        Undefined::NoRevenue,
        Undefined::NoServeCost,
        Undefined::NotWithinHorizon,
        Undefined::TooLarge,
    ];

    pub const fn key(self) -> &'static str {
        match self {
            Undefined::NoNewCustomers => "no_new_customers",
            Undefined::NoCustomers => "no_customers",
            Undefined::NoChurnNoDiscount => "no_churn_no_discount",
            Undefined::NeverPaysBack => "never_pays_back",
            Undefined::NoAcquisitionCost => "no_acquisition_cost",
            Undefined::NoRevenue => "no_revenue",
            Undefined::NoServeCost => "no_serve_cost",
            Undefined::NotWithinHorizon => "not_within_horizon",
            Undefined::TooLarge => "too_large",
        }
    }
}

/// A figure: a value, or the reason there is none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    Value(Decimal),
    Undefined(Undefined),
}

impl Figure {
    pub fn value(self) -> Option<Decimal> {
        match self {
            Figure::Value(v) => Some(v),
            Figure::Undefined(_) => None,
        }
    }

    pub fn undefined(self) -> Option<Undefined> {
        match self {
            Figure::Value(_) => None,
            Figure::Undefined(u) => Some(u),
        }
    }
}

impl From<Decimal> for Figure {
    fn from(v: Decimal) -> Self {
        Figure::Value(v)
    }
}

/// Everything the model reports for one plan or scenario over its horizon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Metrics {
    pub total_cost: Decimal,
    pub cost_by_category: [Decimal; 6],
    pub cost_by_stage: [Decimal; 3],
    /// Stage acquisition.
    pub acquisition_cost: Decimal,
    /// Stages retention and service.
    pub serve_cost: Decimal,
    pub new_customers: Decimal,
    /// Σ E_m.
    pub customer_months: Decimal,
    /// E_H.
    pub end_customers: Decimal,
    pub product_revenue: Decimal,
    pub fee_revenue: Decimal,
    /// Product revenue + fee revenue.
    pub revenue: Decimal,
    pub gross_profit: Decimal,
    pub net_contribution: Decimal,
    /// Σ net contribution_m ÷ (1+d)^m.
    pub npv: Decimal,
    /// Acquisition cost ÷ new customers.
    pub cac: Figure,
    /// Serve cost ÷ customer-months.
    pub cost_to_serve: Figure,
    /// R × g + fee per customer-month − cost to serve.
    pub margin_per_customer_month: Figure,
    /// R × g × (1+d) ÷ (d + c).
    pub clv_gross: Figure,
    /// Margin per customer-month × (1+d) ÷ (d + c).
    pub clv_net: Figure,
    /// CLV (net) ÷ CAC.
    pub ltv_cac: Figure,
    /// CAC ÷ margin per customer-month, when that margin is positive.
    pub payback_months: Figure,
    /// Total cost ÷ revenue.
    pub cost_ratio: Figure,
    /// Σ(tier share × tier fee).
    pub fee_per_customer_month: Decimal,
    /// The monthly fee per customer that would cover the cost to serve (= cost to serve).
    pub fee_covering_cost_to_serve: Figure,
    /// Fee revenue ÷ serve cost.
    pub fee_coverage: Figure,
    /// The first month from which cumulative net contribution stays at or above zero.
    pub break_even_month: Figure,
}

/// Σ f(month). A function pointer, not a closure type, so there is one copy of the loop.
fn sum(months: &[Month], f: fn(&Month) -> Decimal) -> Result<Decimal, ModelError> {
    months.iter().try_fold(Decimal::ZERO, |acc, m| {
        acc.checked_add(f(m)).ok_or(ModelError::TooLarge {
            field: Field::Lines,
        })
    })
}

/// `a ÷ b`, or `when_zero` if `b` is zero. A quotient too large to represent is undefined for
/// that reason: one figure, not the whole column.
fn ratio(a: Decimal, b: Decimal, when_zero: Undefined) -> Figure {
    if b.is_zero() {
        return Figure::Undefined(when_zero);
    }
    a.checked_div(b)
        .map_or(Figure::Undefined(Undefined::TooLarge), Figure::Value)
}

/// A figure from a checked computation: its value, or undefined as too large.
fn checked(value: Option<Decimal>) -> Figure {
    value.map_or(Figure::Undefined(Undefined::TooLarge), Figure::Value)
}

fn too_large() -> ModelError {
    ModelError::TooLarge {
        field: Field::Lines,
    }
}

/// The horizon's cost by category and by stage.
fn cost_totals(months: &[Month]) -> Result<([Decimal; 6], [Decimal; 3]), ModelError> {
    let mut cost_by_category = [Decimal::ZERO; 6];
    let mut cost_by_stage = [Decimal::ZERO; 3];
    for m in months {
        for (total, v) in cost_by_category.iter_mut().zip(m.cost_by_category) {
            *total = total.checked_add(v).ok_or_else(too_large)?;
        }
        for (total, v) in cost_by_stage.iter_mut().zip(m.cost_by_stage) {
            *total = total.checked_add(v).ok_or_else(too_large)?;
        }
    }
    Ok((cost_by_category, cost_by_stage))
}

/// The first month from which the cumulative net contribution stays at or above zero to the
/// end of the horizon.
fn break_even_month(months: &[Month]) -> Figure {
    match months.last() {
        Some(last) if last.cumulative_net_contribution >= Decimal::ZERO => {
            let last_negative = months
                .iter()
                .rposition(|m| m.cumulative_net_contribution < Decimal::ZERO);
            let index = last_negative.map_or(0, |i| i + 1);
            months
                .get(index)
                .map_or(Figure::Undefined(Undefined::NotWithinHorizon), |m| {
                    Figure::Value(Decimal::from(m.month))
                })
        }
        _ => Figure::Undefined(Undefined::NotWithinHorizon),
    }
}

/// Computes every figure from a projection.
pub fn metrics(p: &Projection) -> Result<Metrics, ModelError> {
    let months = &p.months;
    let (cost_by_category, cost_by_stage) = cost_totals(months)?;
    let total_cost = sum(months, |m| m.cost)?;
    let acquisition_cost = cost_by_stage[Stage::Acquisition.index()];
    let serve_cost = cost_by_stage[Stage::Retention.index()]
        .checked_add(cost_by_stage[Stage::Service.index()])
        .ok_or_else(too_large)?;
    let new_customers = sum(months, |m| m.new_customers)?;
    let customer_months = sum(months, |m| m.end_customers)?;
    let end_customers = months.last().map_or(Decimal::ZERO, |m| m.end_customers);
    let product_revenue = sum(months, |m| m.product_revenue)?;
    let fee_revenue = sum(months, |m| m.fee_revenue)?;
    let revenue = product_revenue
        .checked_add(fee_revenue)
        .ok_or_else(too_large)?;
    let gross_profit = sum(months, |m| m.gross_profit)?;
    let net_contribution = sum(months, |m| m.net_contribution)?;
    let npv = sum(months, |m| m.discounted_net_contribution)?;

    let cac = ratio(acquisition_cost, new_customers, Undefined::NoNewCustomers);
    let cost_to_serve = ratio(serve_cost, customer_months, Undefined::NoCustomers);
    let unit_gross_margin = p.gross_margin_per_customer_month;
    let margin_per_customer_month = match cost_to_serve {
        Figure::Value(cts) => checked(
            unit_gross_margin
                .checked_add(p.fee_per_customer_month)
                .and_then(|x| x.checked_sub(cts)),
        ),
        undefined => undefined,
    };

    // A customer pays in the month it joins, then stays each further month with probability
    // 1 − c; discounting by (1+d) a month gives Σ_{k≥0} ((1−c)/(1+d))^k = (1+d) ÷ (d + c).
    let d = p.monthly_discount_rate;
    let one_plus_d = Decimal::ONE.checked_add(d).ok_or_else(too_large)?;
    let denominator = d.checked_add(p.churn).ok_or_else(too_large)?;
    let lifetime = ratio(one_plus_d, denominator, Undefined::NoChurnNoDiscount);
    let times_lifetime = |unit: Figure| -> Figure {
        match (unit, lifetime) {
            (Figure::Value(u), Figure::Value(l)) => checked(u.checked_mul(l)),
            (Figure::Undefined(r), _) | (_, Figure::Undefined(r)) => Figure::Undefined(r),
        }
    };
    let clv_gross = times_lifetime(Figure::Value(unit_gross_margin));
    let clv_net = times_lifetime(margin_per_customer_month);

    let ltv_cac = match (clv_net, cac) {
        (Figure::Value(clv), Figure::Value(cac)) => ratio(clv, cac, Undefined::NoAcquisitionCost),
        (Figure::Undefined(r), _) | (_, Figure::Undefined(r)) => Figure::Undefined(r),
    };
    let payback_months = match (cac, margin_per_customer_month) {
        (Figure::Undefined(r), _) | (_, Figure::Undefined(r)) => Figure::Undefined(r),
        (Figure::Value(_), Figure::Value(mc)) if mc <= Decimal::ZERO => {
            Figure::Undefined(Undefined::NeverPaysBack)
        }
        (Figure::Value(cac), Figure::Value(mc)) => ratio(cac, mc, Undefined::NeverPaysBack),
    };
    let cost_ratio = ratio(total_cost, revenue, Undefined::NoRevenue);
    let fee_coverage = ratio(fee_revenue, serve_cost, Undefined::NoServeCost);

    let break_even_month = break_even_month(months);

    Ok(Metrics {
        total_cost,
        cost_by_category,
        cost_by_stage,
        acquisition_cost,
        serve_cost,
        new_customers,
        customer_months,
        end_customers,
        product_revenue,
        fee_revenue,
        revenue,
        gross_profit,
        net_contribution,
        npv,
        cac,
        cost_to_serve,
        margin_per_customer_month,
        clv_gross,
        clv_net,
        ltv_cac,
        payback_months,
        cost_ratio,
        fee_per_customer_month: p.fee_per_customer_month,
        fee_covering_cost_to_serve: cost_to_serve,
        fee_coverage,
        break_even_month,
    })
}
