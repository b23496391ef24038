//! What can go wrong in a plan, named by the field a user can fix.

use std::fmt;

use super::lang::Lang;
use super::parse::ParseError;
use super::plan::{LineId, ScenarioId, TierId};

/// A place in a plan that a user can edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    PlanName,
    Currency,
    Horizon,
    StartingCustomers,
    NewCustomers,
    Churn,
    Revenue,
    GrossMargin,
    Discount,
    Lines,
    LineName {
        id: LineId,
        name: String,
    },
    LineAmount {
        id: LineId,
        name: String,
    },
    LineMonth {
        id: LineId,
        name: String,
    },
    FeeTiers,
    TierName {
        id: TierId,
        name: String,
    },
    TierShare {
        id: TierId,
        name: String,
    },
    TierFee {
        id: TierId,
        name: String,
    },
    Scenarios,
    /// The list of plans in a workspace.
    Plans,
    ScenarioName {
        id: ScenarioId,
        name: String,
    },
    /// Lever `index` (0-based) of scenario `id`.
    Lever {
        id: ScenarioId,
        name: String,
        index: usize,
    },
}

impl Field {
    /// The field's name for a message, in `lang`.
    pub fn label(&self, lang: Lang) -> String {
        match (self, lang) {
            (Field::PlanName, _) => lang.pick("方案名称", "Plan name").to_owned(),
            (Field::Currency, _) => lang.pick("货币", "Currency").to_owned(),
            (Field::Horizon, _) => lang.pick("规划期（月）", "Horizon (months)").to_owned(),
            (Field::StartingCustomers, _) => {
                lang.pick("期初客户数", "Starting customers").to_owned()
            }
            (Field::NewCustomers, _) => lang
                .pick("每月新增客户", "New customers per month")
                .to_owned(),
            (Field::Churn, _) => lang.pick("月流失率", "Monthly churn").to_owned(),
            (Field::Revenue, _) => lang
                .pick("每客户每月收入", "Revenue per customer per month")
                .to_owned(),
            (Field::GrossMargin, _) => lang.pick("毛利率", "Gross margin").to_owned(),
            (Field::Discount, _) => lang.pick("年折现率", "Annual discount rate").to_owned(),
            (Field::Lines, _) => lang.pick("预算项", "Budget lines").to_owned(),
            (Field::LineName { name, .. }, Lang::Zh) => format!("预算项「{name}」的名称"),
            (Field::LineName { name, .. }, Lang::En) => format!("name of line “{name}”"),
            (Field::LineAmount { name, .. }, Lang::Zh) => format!("预算项「{name}」的金额"),
            (Field::LineAmount { name, .. }, Lang::En) => format!("amount of line “{name}”"),
            (Field::LineMonth { name, .. }, Lang::Zh) => format!("预算项「{name}」的发生月份"),
            (Field::LineMonth { name, .. }, Lang::En) => format!("month of line “{name}”"),
            (Field::FeeTiers, _) => lang.pick("收费档位", "Fee tiers").to_owned(),
            (Field::TierName { name, .. }, Lang::Zh) => format!("收费档位「{name}」的名称"),
            (Field::TierName { name, .. }, Lang::En) => format!("name of fee tier “{name}”"),
            (Field::TierShare { name, .. }, Lang::Zh) => format!("收费档位「{name}」的客户占比"),
            (Field::TierShare { name, .. }, Lang::En) => {
                format!("customer share of fee tier “{name}”")
            }
            (Field::TierFee { name, .. }, Lang::Zh) => format!("收费档位「{name}」的月费"),
            (Field::TierFee { name, .. }, Lang::En) => format!("monthly fee of tier “{name}”"),
            (Field::Scenarios, _) => lang.pick("方案情景", "Scenarios").to_owned(),
            (Field::Plans, _) => lang.pick("方案列表", "Plans").to_owned(),
            (Field::ScenarioName { name, .. }, Lang::Zh) => format!("情景「{name}」的名称"),
            (Field::ScenarioName { name, .. }, Lang::En) => format!("name of scenario “{name}”"),
            (Field::Lever { name, index, .. }, Lang::Zh) => {
                format!("情景「{name}」的第 {} 项调整", index + 1)
            }
            (Field::Lever { name, index, .. }, Lang::En) => {
                format!("change {} of scenario “{name}”", index + 1)
            }
        }
    }
}

/// Why a plan cannot be computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelError {
    /// A value is outside what its field accepts.
    Invalid { field: Field, problem: Problem },
    /// A value makes some figure too large to compute exactly.
    TooLarge { field: Field },
}

/// What is wrong with a value that is not a typed number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    Number(ParseError),
    /// Fee tier shares add up to more than 100 %.
    SharesOver100,
    /// Text longer than the limit (in characters).
    TextTooLong {
        max: usize,
    },
    /// More items than the limit.
    TooMany {
        max: usize,
    },
    /// Two items share one id.
    DuplicateId,
    /// A currency code that is not three letters A–Z.
    BadCurrency,
    /// A list that must not be empty is.
    Empty,
    /// A reference to something that does not exist.
    Dangling,
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::Number(e) => e.message(lang),
            Problem::SharesOver100 => lang
                .pick(
                    "各档客户占比合计超过 100%",
                    "Tier shares add up to more than 100%",
                )
                .to_owned(),
            Problem::TextTooLong { max } => match lang {
                Lang::Zh => format!("最多 {max} 个字符"),
                Lang::En => format!("At most {max} characters"),
            },
            Problem::TooMany { max } => match lang {
                Lang::Zh => format!("最多 {max} 项"),
                Lang::En => format!("At most {max} items"),
            },
            Problem::DuplicateId => lang.pick("编号重复", "Duplicate id").to_owned(),
            Problem::Empty => lang.pick("不能为空", "Must not be empty").to_owned(),
            Problem::Dangling => lang
                .pick(
                    "指向不存在的项目",
                    "Refers to something that does not exist",
                )
                .to_owned(),
            Problem::BadCurrency => lang
                .pick(
                    "货币代码须为三个大写字母，如 CNY",
                    "Currency must be a three-letter code such as CNY",
                )
                .to_owned(),
        }
    }
}

impl ModelError {
    pub fn field(&self) -> &Field {
        match self {
            ModelError::Invalid { field, .. } | ModelError::TooLarge { field } => field,
        }
    }

    /// A sentence naming the field and what is wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let field = self.field().label(lang);
        match (self, lang) {
            (ModelError::Invalid { problem, .. }, Lang::Zh) => {
                format!("{field}：{}", problem.message(lang))
            }
            (ModelError::Invalid { problem, .. }, Lang::En) => {
                format!("{field}: {}", problem.message(lang))
            }
            (ModelError::TooLarge { .. }, Lang::Zh) => {
                format!("{field}：数值过大，结果超出可精确计算的范围")
            }
            (ModelError::TooLarge { .. }, Lang::En) => {
                format!("{field}: too large, the results would exceed what can be computed exactly")
            }
        }
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ModelError {}
