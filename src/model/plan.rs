//! The plan: plain serde data that a user edits, that is saved, exported and shared.
//!
//! Nothing here computes; [`crate::model::simulate`] and [`crate::model::metrics`] do. All amounts
//! are [`Decimal`] and serialise as decimal strings, so a plan survives JSON exactly.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Where a budget line's money goes, in the seed article's terms (客户管理费的构成).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// 营销成本: ads, promotions, market research, trade shows.
    Marketing,
    /// 售后服务成本.
    AfterSales,
    /// 客户支持成本.
    Support,
    /// CRM系统费用: licences, maintenance, upgrades.
    Crm,
    /// 培训和员工薪酬.
    TrainingPay,
    /// Anything else a firm counts as customer management cost.
    Other,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::Marketing,
        Category::AfterSales,
        Category::Support,
        Category::Crm,
        Category::TrainingPay,
        Category::Other,
    ];

    /// Position in [`Category::ALL`], used to index per-category arrays.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The key used in JSON and CSV (`after_sales`, …).
    pub const fn key(self) -> &'static str {
        match self {
            Category::Marketing => "marketing",
            Category::AfterSales => "after_sales",
            Category::Support => "support",
            Category::Crm => "crm",
            Category::TrainingPay => "training_pay",
            Category::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// The customer lifecycle stage a line serves (客户获取 / 客户维护 / 客户服务).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Acquisition,
    Retention,
    Service,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::Acquisition, Stage::Retention, Stage::Service];

    pub const fn index(self) -> usize {
        self as usize
    }

    pub const fn key(self) -> &'static str {
        match self {
            Stage::Acquisition => "acquisition",
            Stage::Retention => "retention",
            Stage::Service => "service",
        }
    }

    pub fn from_key(key: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Retention and service together make the cost of serving existing customers.
    pub const fn is_serve(self) -> bool {
        matches!(self, Stage::Retention | Stage::Service)
    }
}

/// How a line's amount turns into money in each month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Basis {
    /// The amount every month.
    Monthly,
    /// The amount per year, spread evenly: amount ÷ 12 every month.
    Annual,
    /// The amount once, in month `month` (1-based); nothing when that month is past the horizon.
    OneTime { month: u16 },
    /// The amount for each customer won that month.
    PerNewCustomer,
    /// The amount for each customer active at the end of that month.
    PerActiveCustomer,
}

impl Basis {
    /// Keys of the basis kinds, in the order a list shows them.
    pub const KINDS: [&'static str; 5] = [
        "monthly",
        "annual",
        "one_time",
        "per_new_customer",
        "per_active_customer",
    ];

    pub const fn kind(self) -> &'static str {
        match self {
            Basis::Monthly => "monthly",
            Basis::Annual => "annual",
            Basis::OneTime { .. } => "one_time",
            Basis::PerNewCustomer => "per_new_customer",
            Basis::PerActiveCustomer => "per_active_customer",
        }
    }

    /// The basis of kind `kind`; a one-time basis takes `month`.
    pub fn from_kind(kind: &str, month: u16) -> Option<Basis> {
        Some(match kind {
            "monthly" => Basis::Monthly,
            "annual" => Basis::Annual,
            "one_time" => Basis::OneTime { month },
            "per_new_customer" => Basis::PerNewCustomer,
            "per_active_customer" => Basis::PerActiveCustomer,
            _ => return None,
        })
    }
}

/// Stable identity of a line, so lists can be keyed and levers can point at a line.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct LineId(pub u32);

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct TierId(pub u32);

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct ScenarioId(pub u32);

/// One budget line (预算项).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetLine {
    pub id: LineId,
    pub name: String,
    pub category: Category,
    pub stage: Stage,
    /// Non-negative, below 10^15, at most 4 decimals.
    pub amount: Decimal,
    pub basis: Basis,
}

/// A customer management fee tier (客户管理费收费档位): a share of customers paying a monthly fee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeTier {
    pub id: TierId,
    pub name: String,
    /// Percent of active customers in this tier, 0–100; all tiers together at most 100.
    pub share_pct: Decimal,
    /// Fee per customer per month.
    pub monthly_fee: Decimal,
}

/// One of the seed article's five optimisation strategies (客户管理费的优化策略).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// 制定科学的客户获取策略.
    PreciseAcquisition,
    /// 加强客户数据分析.
    DataAnalysis,
    /// 提升客户服务质量.
    ServiceQuality,
    /// 优化CRM系统的使用.
    CrmOptimisation,
    /// 加强员工培训和激励.
    TrainingIncentives,
}

impl Strategy {
    pub const ALL: [Strategy; 5] = [
        Strategy::PreciseAcquisition,
        Strategy::DataAnalysis,
        Strategy::ServiceQuality,
        Strategy::CrmOptimisation,
        Strategy::TrainingIncentives,
    ];

    pub const fn key(self) -> &'static str {
        match self {
            Strategy::PreciseAcquisition => "precise_acquisition",
            Strategy::DataAnalysis => "data_analysis",
            Strategy::ServiceQuality => "service_quality",
            Strategy::CrmOptimisation => "crm_optimisation",
            Strategy::TrainingIncentives => "training_incentives",
        }
    }
}

/// One change a scenario makes to the baseline. Levers apply in the order listed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Lever {
    /// Every line of `category` changes by `pct` percent (−100 or more).
    CategorySpend { category: Category, pct: Decimal },
    /// The line `line` gets the amount `amount`.
    LineAmount { line: LineId, amount: Decimal },
    /// A line the baseline does not have.
    AddLine { line: BudgetLine },
    /// The baseline's line `line` is dropped.
    RemoveLine { line: LineId },
    /// New customers per month change by `pct` percent.
    NewCustomers { pct: Decimal },
    /// Churn changes by `pct` percent of itself (relative), the result clamped to 0–100 %.
    Churn { pct: Decimal },
    /// Revenue per customer per month changes by `pct` percent.
    Revenue { pct: Decimal },
}

impl Lever {
    pub const KINDS: [&'static str; 7] = [
        "category_spend",
        "line_amount",
        "add_line",
        "remove_line",
        "new_customers",
        "churn",
        "revenue",
    ];

    pub fn kind(&self) -> &'static str {
        match self {
            Lever::CategorySpend { .. } => "category_spend",
            Lever::LineAmount { .. } => "line_amount",
            Lever::AddLine { .. } => "add_line",
            Lever::RemoveLine { .. } => "remove_line",
            Lever::NewCustomers { .. } => "new_customers",
            Lever::Churn { .. } => "churn",
            Lever::Revenue { .. } => "revenue",
        }
    }
}

/// A named what-if: the baseline plus levers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub id: ScenarioId,
    pub name: String,
    /// The strategy this scenario started from, if any; its levers may since have been tuned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<Strategy>,
    pub levers: Vec<Lever>,
}

/// A plan: the customer base, its economics, the budget, fee tiers and scenarios.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub name: String,
    /// ISO 4217 code; used only to format money.
    pub currency: String,
    /// 1 to 120.
    pub horizon_months: u16,
    pub starting_customers: Decimal,
    pub new_customers_per_month: Decimal,
    /// Percent of the customers at the start of a month who leave during it, 0–100.
    pub churn_pct: Decimal,
    /// Average product revenue per active customer per month.
    pub revenue_per_customer_month: Decimal,
    /// Percent, 0–100.
    pub gross_margin_pct: Decimal,
    /// Annual discount rate in percent, 0–100.
    pub annual_discount_pct: Decimal,
    pub lines: Vec<BudgetLine>,
    pub fee_tiers: Vec<FeeTier>,
    pub scenarios: Vec<Scenario>,
}

impl Default for Plan {
    /// An empty plan with the documented defaults (CNY, 36 months).
    fn default() -> Self {
        Plan {
            name: String::new(),
            currency: "CNY".to_owned(),
            horizon_months: 36,
            starting_customers: Decimal::ZERO,
            new_customers_per_month: Decimal::ZERO,
            churn_pct: Decimal::ZERO,
            revenue_per_customer_month: Decimal::ZERO,
            gross_margin_pct: Decimal::ZERO,
            annual_discount_pct: Decimal::ZERO,
            lines: Vec::new(),
            fee_tiers: Vec::new(),
            scenarios: Vec::new(),
        }
    }
}

impl Plan {
    /// The smallest id not used by any line of the plan or of its scenarios' added lines.
    pub fn next_line_id(&self) -> LineId {
        let scenario_lines = self.scenarios.iter().flat_map(|s| {
            s.levers.iter().filter_map(|l| match l {
                Lever::AddLine { line } => Some(line.id.0),
                _ => None,
            })
        });
        let max = self
            .lines
            .iter()
            .map(|l| l.id.0)
            .chain(scenario_lines)
            .max();
        LineId(max.map_or(1, |m| m.saturating_add(1)))
    }

    pub fn next_tier_id(&self) -> TierId {
        TierId(
            self.fee_tiers
                .iter()
                .map(|t| t.id.0)
                .max()
                .map_or(1, |m| m.saturating_add(1)),
        )
    }

    pub fn next_scenario_id(&self) -> ScenarioId {
        ScenarioId(
            self.scenarios
                .iter()
                .map(|s| s.id.0)
                .max()
                .map_or(1, |m| m.saturating_add(1)),
        )
    }

    pub fn line(&self, id: LineId) -> Option<&BudgetLine> {
        self.lines.iter().find(|l| l.id == id)
    }

    pub fn scenario(&self, id: ScenarioId) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }
}
