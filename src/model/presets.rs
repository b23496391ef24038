//! The seed article's five optimisation strategies as scenario presets.
//!
//! The lever values are **illustrative assumptions**, not findings: a user applies a preset and
//! then tunes it to what they expect in their own business. The app and docs say so.

use rust_decimal::Decimal;

use super::lang::Lang;
use super::plan::{Category, Lever, Scenario, ScenarioId, Strategy, Timed};

impl Strategy {
    /// The strategy's name in the seed article's words (zh) or in English.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Strategy::PreciseAcquisition => {
                lang.pick("制定科学的客户获取策略", "Precise acquisition targeting")
            }
            Strategy::DataAnalysis => lang.pick("加强客户数据分析", "Customer-data analysis"),
            Strategy::ServiceQuality => lang.pick("提升客户服务质量", "Better service quality"),
            Strategy::CrmOptimisation => lang.pick("优化CRM系统的使用", "CRM optimisation"),
            Strategy::TrainingIncentives => {
                lang.pick("加强员工培训和激励", "Staff training and incentives")
            }
        }
    }

    /// What the strategy does, in a sentence (from the seed article).
    pub fn summary(self, lang: Lang) -> &'static str {
        match self {
            Strategy::PreciseAcquisition => lang.pick(
                "精准的市场定位和有效的营销手段，降低客户获取成本",
                "Sharper targeting and effective marketing lower the cost of winning customers",
            ),
            Strategy::DataAnalysis => lang.pick(
                "用客户管理系统收集和分析客户数据，制定针对性的维护和服务策略",
                "Collect and analyse customer data to target retention and service",
            ),
            Strategy::ServiceQuality => lang.pick(
                "通过服务培训和激励提升服务质量，减少客户流失",
                "Better-trained, motivated service teams keep more customers",
            ),
            Strategy::CrmOptimisation => lang.pick(
                "选择合适的CRM系统并持续维护升级，提高客户管理效率",
                "The right CRM, maintained and upgraded, makes customer management efficient",
            ),
            Strategy::TrainingIncentives => lang.pick(
                "持续的培训和激励机制，提高员工的客户管理能力和服务水平",
                "Continuous training and incentives raise staff skill and service",
            ),
        }
    }

    /// The preset levers: illustrative assumptions to be tuned.
    ///
    /// ```
    /// use customer_cost_planner::model::{Lever, Strategy};
    /// let levers = Strategy::PreciseAcquisition.levers();
    /// assert!(matches!(levers[1], Lever::NewCustomers { .. }));
    /// ```
    pub fn levers(self) -> Vec<Lever> {
        let pct = |n: i64| Decimal::from(n);
        let spend = |category, n| Lever::CategorySpend {
            category,
            pct: pct(n),
        };
        match self {
            Strategy::PreciseAcquisition => vec![
                spend(Category::Marketing, -10),
                Lever::NewCustomers { pct: pct(15) },
            ],
            Strategy::DataAnalysis => vec![
                spend(Category::Crm, 20),
                Lever::Churn { pct: pct(-10) },
                Lever::Revenue { pct: pct(3) },
            ],
            Strategy::ServiceQuality => vec![
                spend(Category::AfterSales, 15),
                spend(Category::Support, 15),
                Lever::Churn { pct: pct(-15) },
            ],
            Strategy::CrmOptimisation => vec![
                spend(Category::Crm, 25),
                spend(Category::Support, -10),
                Lever::Churn { pct: pct(-5) },
            ],
            Strategy::TrainingIncentives => vec![
                spend(Category::TrainingPay, 30),
                Lever::Churn { pct: pct(-5) },
                Lever::NewCustomers { pct: pct(5) },
            ],
        }
    }

    /// A new scenario from this preset, named in `lang`.
    pub fn scenario(self, id: ScenarioId, lang: Lang) -> Scenario {
        Scenario {
            id,
            name: self.name(lang).to_owned(),
            preset: Some(self),
            levers: self.levers().into_iter().map(Timed::from).collect(),
        }
    }
}
