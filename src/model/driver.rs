//! Drivers: the inputs an analysis moves one at a time (sensitivity), solves for (goal seek) or
//! draws from a range (Monte Carlo). Each has a key (`churn_pct`, `cost_marketing`,
//! `tier_fee_2`, `line_amount_7`), the rule of the field a user would type it in, and a way to
//! read it from and set it in a plan.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::error::{Field, ModelError};
use super::parse::Rule;
use super::plan::{Category, LineId, Plan, TierId};

/// A figure of the plan itself that a scenario can set to a value ([`super::Lever::Set`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Input {
    StartingCustomers,
    NewCustomersPerMonth,
    /// Monthly growth of new customers, in percent.
    NewCustomersGrowthPct,
    ChurnPct,
    RevenuePerCustomerMonth,
    GrossMarginPct,
    AnnualDiscountPct,
    /// The monthly fee of one fee tier.
    TierFee(TierId),
}

/// What an analysis can move.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Driver {
    Input(Input),
    /// Every line of a category scaled together; the value is the change in percent from the
    /// plan (0 = as planned), like a "category spend" lever.
    Cost(Category),
    /// One line's amount, per its basis.
    LineAmount(LineId),
    /// The seasonality as a whole: how far each month's percentage stands from 100 scaled
    /// together; the value is the change in percent (0 = as planned, −100 = no seasonality).
    Seasonality,
}

impl Input {
    /// The inputs every plan has, in the order of the economics form.
    pub const BASE: [Input; 7] = [
        Input::StartingCustomers,
        Input::NewCustomersPerMonth,
        Input::NewCustomersGrowthPct,
        Input::ChurnPct,
        Input::RevenuePerCustomerMonth,
        Input::GrossMarginPct,
        Input::AnnualDiscountPct,
    ];

    pub fn key(self) -> String {
        match self {
            Input::StartingCustomers => "starting_customers".into(),
            Input::NewCustomersPerMonth => "new_customers_per_month".into(),
            Input::NewCustomersGrowthPct => "new_customers_growth_pct".into(),
            Input::ChurnPct => "churn_pct".into(),
            Input::RevenuePerCustomerMonth => "revenue_per_customer_month".into(),
            Input::GrossMarginPct => "gross_margin_pct".into(),
            Input::AnnualDiscountPct => "annual_discount_pct".into(),
            Input::TierFee(id) => format!("tier_fee_{}", id.0),
        }
    }

    pub fn from_key(key: &str) -> Option<Input> {
        if let Some(id) = key.strip_prefix("tier_fee_") {
            return id_of(id).map(|id| Input::TierFee(TierId(id)));
        }
        Input::BASE.into_iter().find(|i| i.key() == key)
    }

    /// What a value of this input must satisfy (the rule of its field).
    pub fn rule(self) -> Rule {
        match self {
            Input::StartingCustomers | Input::NewCustomersPerMonth => Rule::count(),
            Input::NewCustomersGrowthPct => Rule::growth_pct(),
            Input::ChurnPct | Input::GrossMarginPct | Input::AnnualDiscountPct => Rule::percent(),
            Input::RevenuePerCustomerMonth | Input::TierFee(_) => Rule::money(),
        }
    }

    /// What a "set" lever's value must satisfy: the field's rule, with the decimals of a goal
    /// seek's answer.
    pub fn lever_rule(self) -> Rule {
        Rule {
            max_decimals: super::analysis::ANSWER_DP,
            ..self.rule()
        }
    }

    /// The field a user edits for this input.
    pub fn field(self, plan: &Plan) -> Field {
        match self {
            Input::StartingCustomers => Field::StartingCustomers,
            Input::NewCustomersPerMonth => Field::NewCustomers,
            Input::NewCustomersGrowthPct => Field::Growth,
            Input::ChurnPct => Field::Churn,
            Input::RevenuePerCustomerMonth => Field::Revenue,
            Input::GrossMarginPct => Field::GrossMargin,
            Input::AnnualDiscountPct => Field::Discount,
            Input::TierFee(id) => Field::TierFee {
                id,
                name: plan
                    .fee_tiers
                    .iter()
                    .find(|t| t.id == id)
                    .map(|t| t.name.clone())
                    .unwrap_or_default(),
            },
        }
    }

    /// The input's value in `plan`; `None` for a tier the plan does not have.
    pub fn value(self, plan: &Plan) -> Option<Decimal> {
        Some(match self {
            Input::StartingCustomers => plan.starting_customers,
            Input::NewCustomersPerMonth => plan.new_customers_per_month,
            Input::NewCustomersGrowthPct => plan.new_customers_growth_pct,
            Input::ChurnPct => plan.churn_pct,
            Input::RevenuePerCustomerMonth => plan.revenue_per_customer_month,
            Input::GrossMarginPct => plan.gross_margin_pct,
            Input::AnnualDiscountPct => plan.annual_discount_pct,
            Input::TierFee(id) => plan.fee_tiers.iter().find(|t| t.id == id)?.monthly_fee,
        })
    }

    /// Sets the input in `plan`; `false` (and nothing changed) for a tier it does not have.
    pub fn set(self, plan: &mut Plan, value: Decimal) -> bool {
        let slot = match self {
            Input::StartingCustomers => &mut plan.starting_customers,
            Input::NewCustomersPerMonth => &mut plan.new_customers_per_month,
            Input::NewCustomersGrowthPct => &mut plan.new_customers_growth_pct,
            Input::ChurnPct => &mut plan.churn_pct,
            Input::RevenuePerCustomerMonth => &mut plan.revenue_per_customer_month,
            Input::GrossMarginPct => &mut plan.gross_margin_pct,
            Input::AnnualDiscountPct => &mut plan.annual_discount_pct,
            Input::TierFee(id) => match plan.fee_tiers.iter_mut().find(|t| t.id == id) {
                Some(t) => &mut t.monthly_fee,
                None => return false,
            },
        };
        *slot = value;
        true
    }
}

fn id_of(text: &str) -> Option<u32> {
    // Digits only: `+1` or ` 1` is not the key of anything.
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl Driver {
    pub fn key(self) -> String {
        match self {
            Driver::Input(i) => i.key(),
            Driver::Cost(c) => format!("cost_{}", c.key()),
            Driver::LineAmount(id) => format!("line_amount_{}", id.0),
            Driver::Seasonality => "seasonality".into(),
        }
    }

    /// ```
    /// use customer_cost_planner::model::{Category, Driver, Input, LineId, TierId};
    /// for d in [Driver::Input(Input::ChurnPct), Driver::Cost(Category::AfterSales),
    ///           Driver::Input(Input::TierFee(TierId(3))), Driver::LineAmount(LineId(12))] {
    ///     assert_eq!(Driver::from_key(&d.key()), Some(d));
    /// }
    /// assert_eq!(Driver::from_key("line_amount_+1"), None);
    /// assert_eq!(Driver::from_key("seasonality"), Some(Driver::Seasonality));
    /// ```
    pub fn from_key(key: &str) -> Option<Driver> {
        if key == "seasonality" {
            return Some(Driver::Seasonality);
        }
        if let Some(c) = key.strip_prefix("cost_") {
            return Category::from_key(c).map(Driver::Cost);
        }
        if let Some(id) = key.strip_prefix("line_amount_") {
            return id_of(id).map(|id| Driver::LineAmount(LineId(id)));
        }
        Input::from_key(key).map(Driver::Input)
    }

    /// The values this driver may take.
    pub fn rule(self) -> Rule {
        match self {
            Driver::Input(i) => i.rule(),
            Driver::Cost(_) | Driver::Seasonality => Rule::change_pct(),
            Driver::LineAmount(_) => Rule::money(),
        }
    }

    /// The smallest and largest value the driver may take (a rule without a maximum allows
    /// anything below 10^15, on the 4-decimal grid).
    pub fn bounds(self) -> (Decimal, Decimal) {
        let rule = self.rule();
        let max = rule
            .max
            .unwrap_or_else(|| super::parse::amount_limit() - Decimal::new(1, 4));
        (rule.min, max)
    }

    /// The driver's value in `plan`: `None` when the plan has no such tier or line, or (for a
    /// category) no line in it.
    pub fn value(self, plan: &Plan) -> Option<Decimal> {
        match self {
            Driver::Input(i) => i.value(plan),
            Driver::Cost(c) => plan
                .lines
                .iter()
                .any(|l| l.category == c)
                .then_some(Decimal::ZERO),
            Driver::LineAmount(id) => plan.line(id).map(|l| l.amount),
            Driver::Seasonality => plan.seasonality_pct.as_ref().map(|_| Decimal::ZERO),
        }
    }

    /// `plan` with the driver at `value` (for a category: every line of it changed by `value`
    /// percent). Nothing changes for a tier or line the plan does not have.
    pub fn set(self, plan: &mut Plan, value: Decimal) -> Result<(), ModelError> {
        match self {
            Driver::Input(i) => {
                i.set(plan, value);
            }
            Driver::Cost(c) => {
                let factor = value
                    .checked_div(Decimal::ONE_HUNDRED)
                    .and_then(|f| Decimal::ONE.checked_add(f))
                    .ok_or(ModelError::TooLarge {
                        field: Field::Lines,
                    })?;
                for line in plan.lines.iter_mut().filter(|l| l.category == c) {
                    line.amount =
                        line.amount
                            .checked_mul(factor)
                            .ok_or_else(|| ModelError::TooLarge {
                                field: Field::LineAmount {
                                    id: line.id,
                                    name: line.name.clone(),
                                },
                            })?;
                }
            }
            Driver::LineAmount(id) => {
                if let Some(l) = plan.lines.iter_mut().find(|l| l.id == id) {
                    l.amount = value;
                }
            }
            Driver::Seasonality => scale_seasonality(plan, value)?,
        }
        Ok(())
    }

    /// The drivers a sensitivity analysis of `plan` moves: the seven inputs of the economics,
    /// each category that has a line, each fee tier's fee, and the seasonality if it has one.
    pub fn all_of(plan: &Plan) -> Vec<Driver> {
        let mut out: Vec<Driver> = Input::BASE.into_iter().map(Driver::Input).collect();
        out.extend(
            Category::ALL
                .into_iter()
                .filter(|c| plan.lines.iter().any(|l| l.category == *c))
                .map(Driver::Cost),
        );
        out.extend(
            plan.fee_tiers
                .iter()
                .map(|t| Driver::Input(Input::TierFee(t.id))),
        );
        if plan.seasonality_pct.is_some() {
            out.push(Driver::Seasonality);
        }
        out
    }

    /// Every driver of `plan` a goal seek or a range can use: [`Driver::all_of`] and each line.
    pub fn with_lines(plan: &Plan) -> Vec<Driver> {
        let mut out = Driver::all_of(plan);
        out.extend(plan.lines.iter().map(|l| Driver::LineAmount(l.id)));
        out
    }
}

/// Each seasonal percentage's distance from 100 changed by `pct` percent (a stronger or
/// weaker season; −100 removes it): s → 100 + (s − 100)(1 + pct/100), kept within 0–1,000.
/// Nothing changes for a plan without a seasonality. What a "seasonal swing" lever does, and
/// how an analysis moves the seasonality.
pub fn scale_seasonality(plan: &mut Plan, pct: Decimal) -> Result<(), ModelError> {
    let too_large = || ModelError::TooLarge {
        field: Field::Seasonality,
    };
    use super::arith::{checked_difference, checked_product, checked_quotient, checked_sum};
    let factor = checked_quotient(pct, Decimal::ONE_HUNDRED)
        .and_then(|f| checked_sum(Decimal::ONE, f))
        .ok_or_else(too_large)?;
    let max = Decimal::from(1000);
    for s in plan.seasonality_pct.iter_mut().flatten() {
        *s = checked_difference(*s, Decimal::ONE_HUNDRED)
            .and_then(|swing| checked_product(swing, factor))
            .and_then(|swing| checked_sum(swing, Decimal::ONE_HUNDRED))
            .ok_or_else(too_large)?
            .clamp(Decimal::ZERO, max);
    }
    Ok(())
}

impl fmt::Display for Driver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

macro_rules! serde_by_key {
    ($t:ty, $what:literal) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.key())
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let key = String::deserialize(d)?;
                <$t>::from_key(&key).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        concat!("unknown ", $what, " `{}`"),
                        key.chars().take(40).collect::<String>()
                    ))
                })
            }
        }
    };
}

serde_by_key!(Input, "input");
serde_by_key!(Driver, "driver");

/// A driver's plausible low and high values (the plan's own value is the most likely one), for
/// the Monte Carlo run of [`super::ranges`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputRange {
    pub driver: Driver,
    pub low: Decimal,
    pub high: Decimal,
}
