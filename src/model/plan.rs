//! The plan: plain serde data that a user edits, that is saved, exported and shared.
//!
//! Nothing here computes; [`crate::model::simulate`] and [`crate::model::metrics`] do. All amounts
//! are [`Decimal`] and serialise as decimal strings, so a plan survives JSON exactly.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::driver::{Input, InputRange};

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

/// The kinds of [`Basis`], without a one-time line's month: what a list of bases offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BasisKind {
    Monthly,
    Annual,
    OneTime,
    PerNewCustomer,
    PerActiveCustomer,
}

impl BasisKind {
    /// Every kind, in the order a list shows them.
    pub const ALL: [BasisKind; 5] = [
        BasisKind::Monthly,
        BasisKind::Annual,
        BasisKind::OneTime,
        BasisKind::PerNewCustomer,
        BasisKind::PerActiveCustomer,
    ];

    /// The key used in JSON, CSV and the page (`one_time`, …).
    pub const fn key(self) -> &'static str {
        match self {
            BasisKind::Monthly => "monthly",
            BasisKind::Annual => "annual",
            BasisKind::OneTime => "one_time",
            BasisKind::PerNewCustomer => "per_new_customer",
            BasisKind::PerActiveCustomer => "per_active_customer",
        }
    }

    pub fn from_key(key: &str) -> Option<BasisKind> {
        BasisKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The basis of this kind; a one-time basis takes `month`.
    ///
    /// ```
    /// use customer_cost_planner::model::{Basis, BasisKind};
    /// assert_eq!(BasisKind::OneTime.basis(3), Basis::OneTime { month: 3 });
    /// assert_eq!(Basis::OneTime { month: 3 }.kind(), BasisKind::OneTime);
    /// ```
    pub const fn basis(self, month: u16) -> Basis {
        match self {
            BasisKind::Monthly => Basis::Monthly,
            BasisKind::Annual => Basis::Annual,
            BasisKind::OneTime => Basis::OneTime { month },
            BasisKind::PerNewCustomer => Basis::PerNewCustomer,
            BasisKind::PerActiveCustomer => Basis::PerActiveCustomer,
        }
    }
}

impl Basis {
    pub const fn kind(self) -> BasisKind {
        match self {
            Basis::Monthly => BasisKind::Monthly,
            Basis::Annual => BasisKind::Annual,
            Basis::OneTime { .. } => BasisKind::OneTime,
            Basis::PerNewCustomer => BasisKind::PerNewCustomer,
            Basis::PerActiveCustomer => BasisKind::PerActiveCustomer,
        }
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
    /// The first month the line costs anything (1 when absent). Not for a one-time line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_month: Option<u16>,
    /// The last month the line costs anything (the horizon's end when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_month: Option<u16>,
}

impl BudgetLine {
    /// Whether the line has a window narrower than the whole plan.
    pub const fn has_window(&self) -> bool {
        self.from_month.is_some() || self.to_month.is_some()
    }

    /// The months `[from, to]` the line costs in, before the horizon cuts it.
    ///
    /// ```
    /// use customer_cost_planner::model::plan::{Basis, BudgetLine};
    /// let mut line = BudgetLine::new(Basis::Monthly);
    /// assert_eq!(line.window(), (1, u16::MAX));
    /// line.from_month = Some(4);
    /// assert_eq!(line.window(), (4, u16::MAX));
    /// ```
    pub fn window(&self) -> (u16, u16) {
        (
            self.from_month.unwrap_or(1),
            self.to_month.unwrap_or(u16::MAX),
        )
    }

    /// An unnamed line of `basis` with no amount, id 0 and no window (for tests and new lines).
    pub fn new(basis: Basis) -> BudgetLine {
        BudgetLine {
            id: LineId(0),
            name: String::new(),
            category: Category::Other,
            stage: Stage::Service,
            amount: Decimal::ZERO,
            basis,
            from_month: None,
            to_month: None,
        }
    }
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
    /// How far each month's seasonal percentage stands from 100 changes by `pct` percent (a
    /// stronger or weaker peak; −100 removes the seasonality).
    Seasonality { pct: Decimal },
    /// An input of the plan set to `value` (what a goal seek's answer becomes).
    Set { input: Input, value: Decimal },
}

/// The kinds of [`Lever`]: what the "add a change" list offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LeverKind {
    CategorySpend,
    LineAmount,
    AddLine,
    RemoveLine,
    NewCustomers,
    Churn,
    Revenue,
    Seasonality,
    Set,
}

impl Lever {
    /// The line a lever names (changes the amount of, removes, or adds), if it names one.
    pub fn line(&self) -> Option<LineId> {
        match self {
            Lever::LineAmount { line, .. } | Lever::RemoveLine { line } => Some(*line),
            Lever::AddLine { line } => Some(line.id),
            Lever::CategorySpend { .. }
            | Lever::NewCustomers { .. }
            | Lever::Churn { .. }
            | Lever::Revenue { .. }
            | Lever::Seasonality { .. }
            | Lever::Set { .. } => None,
        }
    }
}

impl LeverKind {
    pub const ALL: [LeverKind; 9] = [
        LeverKind::CategorySpend,
        LeverKind::LineAmount,
        LeverKind::AddLine,
        LeverKind::RemoveLine,
        LeverKind::NewCustomers,
        LeverKind::Churn,
        LeverKind::Revenue,
        LeverKind::Seasonality,
        LeverKind::Set,
    ];

    /// The key used in JSON and on the page.
    pub const fn key(self) -> &'static str {
        match self {
            LeverKind::CategorySpend => "category_spend",
            LeverKind::LineAmount => "line_amount",
            LeverKind::AddLine => "add_line",
            LeverKind::RemoveLine => "remove_line",
            LeverKind::NewCustomers => "new_customers",
            LeverKind::Churn => "churn",
            LeverKind::Revenue => "revenue",
            LeverKind::Seasonality => "seasonality",
            LeverKind::Set => "set",
        }
    }

    pub fn from_key(key: &str) -> Option<LeverKind> {
        LeverKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

impl Lever {
    pub const fn kind(&self) -> LeverKind {
        match self {
            Lever::CategorySpend { .. } => LeverKind::CategorySpend,
            Lever::LineAmount { .. } => LeverKind::LineAmount,
            Lever::AddLine { .. } => LeverKind::AddLine,
            Lever::RemoveLine { .. } => LeverKind::RemoveLine,
            Lever::NewCustomers { .. } => LeverKind::NewCustomers,
            Lever::Churn { .. } => LeverKind::Churn,
            Lever::Revenue { .. } => LeverKind::Revenue,
            Lever::Seasonality { .. } => LeverKind::Seasonality,
            Lever::Set { .. } => LeverKind::Set,
        }
    }

    /// Whether the lever acts on the whole plan and so takes no month to start from: setting
    /// the starting customers (there is one start) or the discount rate (one rate discounts
    /// every month).
    pub const fn whole_plan(&self) -> bool {
        matches!(
            self,
            Lever::Set {
                input: Input::StartingCustomers | Input::AnnualDiscountPct,
                ..
            }
        )
    }

    /// The baseline line this lever points at, if it points at one.
    pub const fn target(&self) -> Option<LineId> {
        match self {
            Lever::LineAmount { line, .. } | Lever::RemoveLine { line } => Some(*line),
            Lever::CategorySpend { .. }
            | Lever::AddLine { .. }
            | Lever::NewCustomers { .. }
            | Lever::Churn { .. }
            | Lever::Revenue { .. }
            | Lever::Seasonality { .. }
            | Lever::Set { .. } => None,
        }
    }
}

/// A lever of a scenario and the month it takes effect from.
///
/// In JSON the month sits beside the lever's own fields: `{"kind": "churn", "pct": "-25",
/// "from_month": 5}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timed {
    #[serde(flatten)]
    pub lever: Lever,
    /// The first month the lever acts in (month 1 when absent). A lever that acts on the whole
    /// plan ([`Lever::whole_plan`]) takes none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_month: Option<u16>,
}

impl Timed {
    /// The first month the lever acts in.
    pub fn first_month(&self) -> u16 {
        self.from_month.unwrap_or(1)
    }
}

impl Timed {
    /// `levers`, each acting from month 1.
    pub fn all(levers: impl IntoIterator<Item = Lever>) -> Vec<Timed> {
        levers.into_iter().map(Timed::from).collect()
    }
}

impl From<Lever> for Timed {
    /// A lever that acts from month 1.
    fn from(lever: Lever) -> Timed {
        Timed {
            lever,
            from_month: None,
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
    pub levers: Vec<Timed>,
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
    /// Monthly compound growth of new customers in percent, above −100 and at most 1,000.
    #[serde(default, skip_serializing_if = "Decimal::is_zero")]
    pub new_customers_growth_pct: Decimal,
    /// Twelve percentages, January to December, applied to new customers (100 = as planned).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seasonality_pct: Option<Vec<Decimal>>,
    /// The calendar month (1–12) of the plan's month 1: where the seasonality starts.
    #[serde(default = "january", skip_serializing_if = "is_january")]
    pub first_calendar_month: u8,
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
    /// Low and high values of uncertain drivers, for the Monte Carlo run (at most one per driver).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ranges: Vec<InputRange>,
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
            new_customers_growth_pct: Decimal::ZERO,
            seasonality_pct: None,
            first_calendar_month: 1,
            churn_pct: Decimal::ZERO,
            revenue_per_customer_month: Decimal::ZERO,
            gross_margin_pct: Decimal::ZERO,
            annual_discount_pct: Decimal::ZERO,
            lines: Vec::new(),
            fee_tiers: Vec::new(),
            scenarios: Vec::new(),
            ranges: Vec::new(),
        }
    }
}

const fn january() -> u8 {
    1
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
const fn is_january(month: &u8) -> bool {
    *month == 1
}

/// `n` fresh ids given the ids in use: counting up from one above the largest, or, when that
/// would pass `u32::MAX` (ids from a file or link can be anything), the smallest unused ones.
/// `None` only if there are not `n` free ids, which the limits make impossible.
///
/// ```
/// use customer_cost_planner::model::plan::fresh_ids;
/// assert_eq!(fresh_ids([3, 1].into_iter(), 2), Some(vec![4, 5]));
/// assert_eq!(fresh_ids([].into_iter(), 1), Some(vec![1]));
/// assert_eq!(fresh_ids([u32::MAX, 1, 3].into_iter(), 2), Some(vec![2, 4]));
/// ```
pub fn fresh_ids(used: impl Iterator<Item = u32> + Clone, n: usize) -> Option<Vec<u32>> {
    let count = u32::try_from(n).ok()?;
    let start = used.clone().max().unwrap_or(0);
    if start.checked_add(count).is_some() {
        return Some((1..=count).map(|i| start + i).collect());
    }
    let taken: std::collections::HashSet<u32> = used.collect();
    let ids: Vec<u32> = (1..=u32::MAX)
        .filter(|id| !taken.contains(id))
        .take(n)
        .collect();
    (ids.len() == n).then_some(ids)
}

/// One fresh id given the ids in use (see [`fresh_ids`]).
pub fn fresh_id(used: impl Iterator<Item = u32> + Clone) -> Option<u32> {
    fresh_ids(used, 1).and_then(|ids| ids.first().copied())
}

impl Plan {
    /// Every line id the plan uses or refers to: its lines, lines its scenarios add, and lines
    /// levers point at (even deleted ones, so a new line never takes over a dangling lever).
    pub fn line_ids_in_use(&self) -> impl Iterator<Item = u32> + Clone + '_ {
        let levers = self.scenarios.iter().flat_map(|s| {
            s.levers.iter().filter_map(|l| match &l.lever {
                Lever::AddLine { line } => Some(line.id.0),
                other => other.target().map(|id| id.0),
            })
        });
        self.lines.iter().map(|l| l.id.0).chain(levers)
    }

    /// An id for a new line: not used or referred to anywhere in the plan.
    pub fn next_line_id(&self) -> Option<LineId> {
        fresh_id(self.line_ids_in_use()).map(LineId)
    }

    pub fn next_tier_id(&self) -> Option<TierId> {
        fresh_id(self.fee_tiers.iter().map(|t| t.id.0)).map(TierId)
    }

    pub fn next_scenario_id(&self) -> Option<ScenarioId> {
        fresh_id(self.scenarios.iter().map(|s| s.id.0)).map(ScenarioId)
    }

    pub fn line(&self, id: LineId) -> Option<&BudgetLine> {
        self.lines.iter().find(|l| l.id == id)
    }

    pub fn scenario(&self, id: ScenarioId) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// Levers that point at a line the scenario does not have when the lever applies (deleted
    /// from the baseline, or removed by an earlier lever): (scenario, lever index). They change
    /// nothing; the page marks them so the user can re-point or delete them.
    pub fn dangling_levers(&self) -> Vec<(ScenarioId, usize)> {
        let baseline: std::collections::HashSet<LineId> = self.lines.iter().map(|l| l.id).collect();
        let mut dangling = Vec::new();
        for s in &self.scenarios {
            // Lines the levers so far added (true) or removed (false), over the baseline.
            let mut changed = std::collections::HashMap::<LineId, bool>::new();
            let present = |changed: &std::collections::HashMap<LineId, bool>, id: &LineId| {
                changed.get(id).copied().unwrap_or(baseline.contains(id))
            };
            for (i, timed) in s.levers.iter().enumerate() {
                let found = match &timed.lever {
                    Lever::AddLine { line } => {
                        changed.insert(line.id, true);
                        true
                    }
                    Lever::RemoveLine { line } => {
                        let found = present(&changed, line);
                        changed.insert(*line, false);
                        found
                    }
                    Lever::LineAmount { line, .. } => present(&changed, line),
                    Lever::CategorySpend { .. }
                    | Lever::NewCustomers { .. }
                    | Lever::Churn { .. }
                    | Lever::Revenue { .. }
                    | Lever::Seasonality { .. }
                    | Lever::Set { .. } => true,
                };
                if !found {
                    dangling.push((s.id, i));
                }
            }
        }
        dangling
    }
}
