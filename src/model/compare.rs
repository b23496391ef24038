//! Evaluating a plan and its scenarios, and comparing every figure with the baseline.

use rust_decimal::Decimal;

use super::error::ModelError;
use super::metrics::{metrics, Figure, Metrics};
use super::plan::{Category, Plan, Scenario, ScenarioId, Stage};
use super::scenario::Timeline;
use super::simulate::{project, Projection};
use super::validate::validate;

/// A projection and the figures computed from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    pub projection: Projection,
    pub metrics: Metrics,
}

/// Evaluates a plan derived from a valid one (by a scenario or an analysis) without validating it
/// again: its values may carry more decimals than a typed field allows.
pub(crate) fn evaluate_unchecked(plan: &Plan) -> Result<Evaluation, ModelError> {
    evaluation(project(plan)?)
}

/// Evaluates a plan over time (a scenario whose levers start in later months, or an analysis
/// of one), derived from a valid plan.
pub(crate) fn evaluate_timeline(timeline: &Timeline) -> Result<Evaluation, ModelError> {
    evaluation(timeline.project()?)
}

fn evaluation(projection: Projection) -> Result<Evaluation, ModelError> {
    let metrics = metrics(&projection)?;
    Ok(Evaluation {
        projection,
        metrics,
    })
}

/// Validates the plan and evaluates its baseline.
pub fn evaluate(plan: &Plan) -> Result<Evaluation, ModelError> {
    if let Some(e) = validate(plan).into_iter().next() {
        return Err(e);
    }
    evaluate_unchecked(plan)
}

/// Evaluates one scenario of a plan that is already known to be valid.
pub fn evaluate_scenario(plan: &Plan, scenario: &Scenario) -> Result<Evaluation, ModelError> {
    evaluate_timeline(&Timeline::of(plan, scenario)?)
}

/// Which scenario a column is: the baseline or one of the plan's scenarios.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Baseline,
    Scenario(ScenarioId),
}

impl Column {
    /// `baseline` or `s<id>`, as used in `data-scenario`.
    pub fn key(self) -> String {
        match self {
            Column::Baseline => "baseline".to_owned(),
            Column::Scenario(id) => format!("s{}", id.0),
        }
    }
}

/// The baseline and every scenario, evaluated. If the plan itself is invalid, every column
/// carries that error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub columns: Vec<(Column, Result<Evaluation, ModelError>)>,
}

/// Evaluates the baseline and every scenario of `plan`.
///
/// ```
/// use customer_cost_planner::model::{compare, Example, Lang};
/// let c = compare(&Example::Starter.plan(Lang::En));
/// assert_eq!(c.columns.len(), 6); // baseline and the five presets
/// ```
pub fn compare(plan: &Plan) -> Comparison {
    let baseline = evaluate(plan);
    let mut columns = Vec::with_capacity(plan.scenarios.len() + 1);
    let scenario_results: Vec<_> = plan
        .scenarios
        .iter()
        .map(|s| {
            let result = match &baseline {
                Ok(_) => evaluate_scenario(plan, s),
                Err(e) => Err(e.clone()),
            };
            (Column::Scenario(s.id), result)
        })
        .collect();
    columns.push((Column::Baseline, baseline));
    columns.extend(scenario_results);
    Comparison { columns }
}

/// Whether two plans have the same baseline: every input of the baseline's figures (all but
/// the name, the currency and the scenarios).
pub fn same_baseline(a: &Plan, b: &Plan) -> bool {
    // Destructured in full, so a new field of `Plan` must be placed on one side or the other.
    let Plan {
        name: _,
        currency: _,
        horizon_months,
        starting_customers,
        new_customers_per_month,
        new_customers_growth_pct,
        seasonality_pct,
        first_calendar_month,
        churn_pct,
        revenue_per_customer_month,
        gross_margin_pct,
        annual_discount_pct,
        lines,
        fee_tiers,
        scenarios: _,
        ranges: _,
    } = a;
    *horizon_months == b.horizon_months
        && *starting_customers == b.starting_customers
        && *new_customers_per_month == b.new_customers_per_month
        && *new_customers_growth_pct == b.new_customers_growth_pct
        && *seasonality_pct == b.seasonality_pct
        && *first_calendar_month == b.first_calendar_month
        && *churn_pct == b.churn_pct
        && *revenue_per_customer_month == b.revenue_per_customer_month
        && *gross_margin_pct == b.gross_margin_pct
        && *annual_discount_pct == b.annual_discount_pct
        && *fee_tiers == b.fee_tiers
        && *lines == b.lines
}

/// [`compare`] of `plan`, reusing from `previous` (the comparison of an earlier version of the
/// plan) every column whose inputs did not change: an edit of one scenario's levers evaluates
/// one column; an edit of the baseline evaluates them all. Gives exactly what [`compare`] gives.
///
/// ```
/// use customer_cost_planner::model::{compare, compare_from, Example, Lang};
/// let before = Example::Starter.plan(Lang::En);
/// let old = compare(&before);
/// let mut after = before.clone();
/// after.scenarios[0].name = "Renamed".into();
/// assert_eq!(compare_from(Some((&before, &old)), &after), compare(&after));
/// ```
pub fn compare_from(previous: Option<(&Plan, &Comparison)>, plan: &Plan) -> Comparison {
    let Some((before, old)) = previous.filter(|(before, _)| same_baseline(before, plan)) else {
        return compare(plan);
    };
    let Some(baseline) = old.get(Column::Baseline).cloned() else {
        return compare(plan);
    };
    let mut columns = Vec::with_capacity(plan.scenarios.len() + 1);
    let scenario_results: Vec<_> = plan
        .scenarios
        .iter()
        .map(|s| {
            let column = Column::Scenario(s.id);
            let reused = (before.scenario(s.id) == Some(s))
                .then(|| old.get(column).cloned())
                .flatten();
            let result = reused.unwrap_or_else(|| match &baseline {
                Ok(_) => evaluate_scenario(plan, s),
                Err(e) => Err(e.clone()),
            });
            (column, result)
        })
        .collect();
    columns.push((Column::Baseline, baseline));
    columns.extend(scenario_results);
    Comparison { columns }
}

impl Comparison {
    pub fn get(&self, column: Column) -> Option<&Result<Evaluation, ModelError>> {
        self.columns
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, r)| r)
    }

    pub fn baseline(&self) -> Option<&Evaluation> {
        self.get(Column::Baseline).and_then(|r| r.as_ref().ok())
    }
}

/// How a figure is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Money,
    Customers,
    Months,
    /// A multiple, e.g. LTV:CAC 4.85×.
    Times,
    /// A fraction shown as a percentage, e.g. cost ratio 0.2726 → 27.26 %.
    Share,
}

/// Whether more of a figure is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    Higher,
    Lower,
}

/// A figure as two others combined: `a ÷ b` or `a + b`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Formula {
    Ratio(Metric, Metric),
    Sum(Metric, Metric),
}

/// The groups of the comparison table, in order: what the money is spent on, what it buys per
/// customer, how many customers, what they bring, and the fee charged to them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MetricGroup {
    Costs,
    UnitEconomics,
    Customers,
    RevenueProfit,
    Fees,
}

impl MetricGroup {
    pub const ALL: [MetricGroup; 5] = [
        MetricGroup::Costs,
        MetricGroup::UnitEconomics,
        MetricGroup::Customers,
        MetricGroup::RevenueProfit,
        MetricGroup::Fees,
    ];

    pub const fn key(self) -> &'static str {
        match self {
            MetricGroup::Costs => "costs",
            MetricGroup::UnitEconomics => "unit_economics",
            MetricGroup::Customers => "customers",
            MetricGroup::RevenueProfit => "revenue_profit",
            MetricGroup::Fees => "fees",
        }
    }

    /// The group's figures, in table order.
    pub fn metrics(self) -> Vec<Metric> {
        Metric::all()
            .into_iter()
            .filter(|m| m.group() == self)
            .collect()
    }
}

/// Every figure the model reports, in the order tables show them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Metric {
    TotalCost,
    CategoryCost(Category),
    StageCost(Stage),
    ServeCost,
    Cac,
    CostToServe,
    MarginPerCustomerMonth,
    ClvGross,
    ClvNet,
    LtvCac,
    PaybackMonths,
    CostRatio,
    NewCustomers,
    EndCustomers,
    CustomerMonths,
    Revenue,
    FeeRevenue,
    GrossProfit,
    NetContribution,
    Npv,
    BreakEvenMonth,
    FeePerCustomerMonth,
    FeeCoveringCostToServe,
    FeeCoverage,
}

impl Metric {
    /// All metrics, in table order.
    pub fn all() -> Vec<Metric> {
        let mut v = vec![Metric::TotalCost];
        v.extend(Category::ALL.map(Metric::CategoryCost));
        v.extend(Stage::ALL.map(Metric::StageCost));
        v.extend([
            Metric::ServeCost,
            Metric::Cac,
            Metric::CostToServe,
            Metric::MarginPerCustomerMonth,
            Metric::ClvGross,
            Metric::ClvNet,
            Metric::LtvCac,
            Metric::PaybackMonths,
            Metric::CostRatio,
            Metric::NewCustomers,
            Metric::EndCustomers,
            Metric::CustomerMonths,
            Metric::Revenue,
            Metric::FeeRevenue,
            Metric::GrossProfit,
            Metric::NetContribution,
            Metric::Npv,
            Metric::BreakEvenMonth,
            Metric::FeePerCustomerMonth,
            Metric::FeeCoveringCostToServe,
            Metric::FeeCoverage,
        ]);
        v
    }

    /// The group the comparison shows this figure in.
    pub const fn group(self) -> MetricGroup {
        match self {
            Metric::TotalCost
            | Metric::CategoryCost(_)
            | Metric::StageCost(_)
            | Metric::ServeCost
            | Metric::CostRatio => MetricGroup::Costs,
            Metric::Cac
            | Metric::CostToServe
            | Metric::MarginPerCustomerMonth
            | Metric::ClvGross
            | Metric::ClvNet
            | Metric::LtvCac
            | Metric::PaybackMonths => MetricGroup::UnitEconomics,
            Metric::NewCustomers | Metric::EndCustomers | Metric::CustomerMonths => {
                MetricGroup::Customers
            }
            Metric::Revenue
            | Metric::GrossProfit
            | Metric::NetContribution
            | Metric::Npv
            | Metric::BreakEvenMonth => MetricGroup::RevenueProfit,
            Metric::FeeRevenue
            | Metric::FeePerCustomerMonth
            | Metric::FeeCoveringCostToServe
            | Metric::FeeCoverage => MetricGroup::Fees,
        }
    }

    /// The metric with this key (as in `ccp report`).
    pub fn from_key(key: &str) -> Option<Metric> {
        Metric::all().into_iter().find(|m| m.key() == key)
    }

    /// How this figure is computed from two others, when it is: a definition can then show
    /// the formula in the user's own numbers.
    pub const fn formula(self) -> Option<Formula> {
        Some(match self {
            Metric::Cac => {
                Formula::Ratio(Metric::StageCost(Stage::Acquisition), Metric::NewCustomers)
            }
            Metric::CostToServe => Formula::Ratio(Metric::ServeCost, Metric::CustomerMonths),
            Metric::LtvCac => Formula::Ratio(Metric::ClvNet, Metric::Cac),
            Metric::PaybackMonths => Formula::Ratio(Metric::Cac, Metric::MarginPerCustomerMonth),
            Metric::CostRatio => Formula::Ratio(Metric::TotalCost, Metric::Revenue),
            Metric::FeeCoverage => Formula::Ratio(Metric::FeeRevenue, Metric::ServeCost),
            Metric::ServeCost => Formula::Sum(
                Metric::StageCost(Stage::Retention),
                Metric::StageCost(Stage::Service),
            ),
            Metric::TotalCost
            | Metric::CategoryCost(_)
            | Metric::StageCost(_)
            | Metric::MarginPerCustomerMonth
            | Metric::ClvGross
            | Metric::ClvNet
            | Metric::NewCustomers
            | Metric::EndCustomers
            | Metric::CustomerMonths
            | Metric::Revenue
            | Metric::FeeRevenue
            | Metric::GrossProfit
            | Metric::NetContribution
            | Metric::Npv
            | Metric::BreakEvenMonth
            | Metric::FeePerCustomerMonth
            | Metric::FeeCoveringCostToServe => return None,
        })
    }

    /// The headline figures of the summary cards.
    pub const HEADLINE: [Metric; 8] = [
        Metric::TotalCost,
        Metric::Cac,
        Metric::CostToServe,
        Metric::ClvNet,
        Metric::LtvCac,
        Metric::PaybackMonths,
        Metric::EndCustomers,
        Metric::NetContribution,
    ];

    /// The key used in `data-metric`, JSON reports and CSV.
    pub fn key(self) -> String {
        match self {
            Metric::TotalCost => "total_cost".into(),
            Metric::CategoryCost(c) => format!("cost_{}", c.key()),
            Metric::StageCost(s) => format!("{}_cost", s.key()),
            Metric::ServeCost => "serve_cost".into(),
            Metric::Cac => "cac".into(),
            Metric::CostToServe => "cost_to_serve".into(),
            Metric::MarginPerCustomerMonth => "margin_per_customer_month".into(),
            Metric::ClvGross => "clv_gross".into(),
            Metric::ClvNet => "clv_net".into(),
            Metric::LtvCac => "ltv_cac".into(),
            Metric::PaybackMonths => "payback_months".into(),
            Metric::CostRatio => "cost_ratio".into(),
            Metric::NewCustomers => "new_customers".into(),
            Metric::EndCustomers => "end_customers".into(),
            Metric::CustomerMonths => "customer_months".into(),
            Metric::Revenue => "revenue".into(),
            Metric::FeeRevenue => "fee_revenue".into(),
            Metric::GrossProfit => "gross_profit".into(),
            Metric::NetContribution => "net_contribution".into(),
            Metric::Npv => "npv".into(),
            Metric::BreakEvenMonth => "break_even_month".into(),
            Metric::FeePerCustomerMonth => "fee_per_customer_month".into(),
            Metric::FeeCoveringCostToServe => "fee_covering_cost_to_serve".into(),
            Metric::FeeCoverage => "fee_coverage".into(),
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            Metric::NewCustomers | Metric::EndCustomers | Metric::CustomerMonths => Unit::Customers,
            Metric::PaybackMonths | Metric::BreakEvenMonth => Unit::Months,
            Metric::LtvCac => Unit::Times,
            Metric::CostRatio | Metric::FeeCoverage => Unit::Share,
            // Every metric named: a new one must say its unit, not fall into money.
            Metric::TotalCost
            | Metric::CategoryCost(_)
            | Metric::StageCost(_)
            | Metric::ServeCost
            | Metric::Cac
            | Metric::CostToServe
            | Metric::MarginPerCustomerMonth
            | Metric::ClvGross
            | Metric::ClvNet
            | Metric::Revenue
            | Metric::FeeRevenue
            | Metric::GrossProfit
            | Metric::NetContribution
            | Metric::Npv
            | Metric::FeePerCustomerMonth
            | Metric::FeeCoveringCostToServe => Unit::Money,
        }
    }

    pub fn better(self) -> Better {
        match self {
            Metric::TotalCost
            | Metric::CategoryCost(_)
            | Metric::StageCost(_)
            | Metric::ServeCost
            | Metric::Cac
            | Metric::CostToServe
            | Metric::PaybackMonths
            | Metric::CostRatio
            | Metric::BreakEvenMonth
            | Metric::FeeCoveringCostToServe => Better::Lower,
            // Every metric named: a new one must say which way is better.
            Metric::MarginPerCustomerMonth
            | Metric::ClvGross
            | Metric::ClvNet
            | Metric::LtvCac
            | Metric::NewCustomers
            | Metric::EndCustomers
            | Metric::CustomerMonths
            | Metric::Revenue
            | Metric::FeeRevenue
            | Metric::GrossProfit
            | Metric::NetContribution
            | Metric::Npv
            | Metric::FeePerCustomerMonth
            | Metric::FeeCoverage => Better::Higher,
        }
    }

    /// This figure of `m`.
    pub fn of(self, m: &Metrics) -> Figure {
        match self {
            Metric::TotalCost => m.total_cost.into(),
            Metric::CategoryCost(c) => m.cost_by_category[c.index()].into(),
            Metric::StageCost(s) => m.cost_by_stage[s.index()].into(),
            Metric::ServeCost => m.serve_cost.into(),
            Metric::Cac => m.cac,
            Metric::CostToServe => m.cost_to_serve,
            Metric::MarginPerCustomerMonth => m.margin_per_customer_month,
            Metric::ClvGross => m.clv_gross,
            Metric::ClvNet => m.clv_net,
            Metric::LtvCac => m.ltv_cac,
            Metric::PaybackMonths => m.payback_months,
            Metric::CostRatio => m.cost_ratio,
            Metric::NewCustomers => m.new_customers.into(),
            Metric::EndCustomers => m.end_customers.into(),
            Metric::CustomerMonths => m.customer_months.into(),
            Metric::Revenue => m.revenue.into(),
            Metric::FeeRevenue => m.fee_revenue.into(),
            Metric::GrossProfit => m.gross_profit.into(),
            Metric::NetContribution => m.net_contribution.into(),
            Metric::Npv => m.npv.into(),
            Metric::BreakEvenMonth => m.break_even_month,
            Metric::FeePerCustomerMonth => m.fee_per_customer_month.into(),
            Metric::FeeCoveringCostToServe => m.fee_covering_cost_to_serve,
            Metric::FeeCoverage => m.fee_coverage,
        }
    }
}

/// The difference of a figure from the baseline's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Delta {
    /// value − baseline, when both are defined.
    pub abs: Option<Decimal>,
    /// (value − baseline) ÷ |baseline| × 100, when both are defined and the baseline is not zero.
    pub pct: Option<Decimal>,
}

/// The difference of `value` from `base`.
///
/// ```
/// use customer_cost_planner::model::{delta, Figure};
/// use rust_decimal::Decimal;
/// let d = delta(Figure::Value(Decimal::from(200)), Figure::Value(Decimal::from(150)));
/// assert_eq!(d.abs, Some(Decimal::from(-50)));
/// assert_eq!(d.pct, Some(Decimal::from(-25)));
/// ```
pub fn delta(base: Figure, value: Figure) -> Delta {
    match (base, value) {
        (Figure::Value(b), Figure::Value(v)) => {
            let abs = v.checked_sub(b);
            let pct = if b.is_zero() {
                None
            } else {
                abs.and_then(|a| a.checked_div(b.abs()))
                    .and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED))
            };
            Delta { abs, pct }
        }
        _ => Delta {
            abs: None,
            pct: None,
        },
    }
}

/// Whether `value` is better than, worse than or the same as `base` for `metric`.
pub fn judge(metric: Metric, base: Figure, value: Figure) -> Option<std::cmp::Ordering> {
    let (b, v) = (base.value()?, value.value()?);
    Some(match metric.better() {
        Better::Higher => v.cmp(&b),
        Better::Lower => b.cmp(&v),
    })
}

/// The indices of the best figures among `figures` for `metric`; empty when there is nothing to
/// choose (fewer than two defined figures, or all equal).
///
/// ```
/// use customer_cost_planner::model::{best, Figure, Metric};
/// use rust_decimal::Decimal;
/// let f = |n: i64| Figure::Value(Decimal::from(n));
/// assert_eq!(best(Metric::Cac, &[f(400), f(350), f(350)]), vec![1, 2]);
/// assert_eq!(best(Metric::ClvNet, &[f(1), f(1)]), Vec::<usize>::new());
/// ```
pub fn best(metric: Metric, figures: &[Figure]) -> Vec<usize> {
    let values: Vec<(usize, Decimal)> = figures
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.value().map(|v| (i, v)))
        .collect();
    let pick = match metric.better() {
        Better::Higher => values.iter().map(|(_, v)| *v).max(),
        Better::Lower => values.iter().map(|(_, v)| *v).min(),
    };
    let Some(target) = pick else {
        return Vec::new();
    };
    if values.len() < 2 || values.iter().all(|(_, v)| *v == target) {
        return Vec::new();
    }
    values
        .iter()
        .filter(|(_, v)| *v == target)
        .map(|(i, _)| *i)
        .collect()
}

#[cfg(test)]
mod formula_tests {
    use super::*;

    #[test]
    fn every_metric_is_in_one_group_and_formulas_hold_to_the_last_digit() {
        use crate::model::{Example, Lang};
        let grouped: usize = MetricGroup::ALL.iter().map(|g| g.metrics().len()).sum();
        assert_eq!(grouped, Metric::all().len());
        for example in Example::ALL {
            let c = compare(&example.plan(Lang::En));
            for (_, r) in &c.columns {
                let Ok(e) = r else { continue };
                for metric in Metric::all() {
                    let Some(formula) = metric.formula() else {
                        continue;
                    };
                    let (a, b) = match formula {
                        Formula::Ratio(a, b) | Formula::Sum(a, b) => {
                            (a.of(&e.metrics).value(), b.of(&e.metrics).value())
                        }
                    };
                    let Figure::Value(v) = metric.of(&e.metrics) else {
                        continue;
                    };
                    let (a, b) = (a.expect("defined"), b.expect("defined"));
                    let got = match formula {
                        Formula::Ratio(..) => a.checked_div(b),
                        Formula::Sum(..) => a.checked_add(b),
                    };
                    assert_eq!(got, Some(v), "{metric:?} in {example:?}");
                }
            }
        }
    }
}
