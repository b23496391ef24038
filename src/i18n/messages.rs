//! The model's errors in a sentence, in zh-CN and English, and the `Describe` trait that renders
//! an error or notice type. The model's types (`ModelError`, `ParseError`, `Problem`,
//! `AnalysisError`) are plain data; their words are here. The errors and notices of exchange,
//! storage and the session are worded above them, in `crate::messages`.

use super::texts;
use crate::model::{Field, Lang, ModelError, ParseError, Problem};

/// An error or notice type rendered as a sentence in `lang`. The types are plain data in their
/// own layers (the model, exchange, storage, the session); the words are here, above them, so
/// the model never speaks a language.
///
/// ```
/// use customer_cost_planner::i18n::Describe;
/// use customer_cost_planner::model::{parse_value, Lang, Rule};
/// let err = parse_value("1.2.3", Rule::money()).unwrap_err();
/// assert_eq!(err.message(Lang::En), "More than one decimal point");
/// assert_eq!(err.message(Lang::Zh), "小数点多于一个");
/// ```
pub trait Describe {
    fn message(&self, lang: Lang) -> String;
}

/// Each type's sentence is the function named beside it (here, and in `crate::messages`).
macro_rules! describe {
    ($($kind:ty => $sentence:ident),* $(,)?) => {
        $(impl $crate::i18n::Describe for $kind {
            fn message(&self, lang: $crate::model::Lang) -> String {
                $sentence(self, lang)
            }
        })*
    };
}
pub(crate) use describe;

describe! {
    ModelError => model_error,
    Problem => problem,
    ParseError => parse_error,
    crate::model::analysis::AnalysisError => analysis_error,
}

/// The model's errors print as their English sentence (the command line, test failures).
impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Longest name quoted in a message, in characters.
const QUOTED_NAME_CHARS: usize = 40;

/// A name as a message quotes it: long names are cut, with "…".
///
/// ```
/// use customer_cost_planner::i18n::short;
/// assert_eq!(short("Ads"), "Ads");
/// assert_eq!(short(&"名".repeat(200)).chars().count(), 41);
/// ```
pub fn short(name: &str) -> String {
    if name.chars().count() <= QUOTED_NAME_CHARS {
        return name.to_owned();
    }
    let mut cut: String = name.chars().take(QUOTED_NAME_CHARS).collect();
    cut.push('…');
    cut
}

pub fn field(f: &Field, lang: Lang) -> String {
    match (f, lang) {
        (Field::PlanName, _) => lang.pick("方案名称", "Plan name").to_owned(),
        (Field::Currency, _) => lang.pick("货币", "Currency").to_owned(),
        (Field::Horizon, _) => lang.pick("规划期（月）", "Horizon (months)").to_owned(),
        (Field::StartingCustomers, _) => lang.pick("期初客户数", "Starting customers").to_owned(),
        (Field::NewCustomers, _) => lang
            .pick("每月新增客户", "New customers per month")
            .to_owned(),
        (Field::Growth, _) => lang
            .pick("新增客户月增长率", "Monthly growth of new customers")
            .to_owned(),
        (Field::Seasonality, _) => lang.pick("季节性", "Seasonality").to_owned(),
        (Field::FirstCalendarMonth, _) => lang
            .pick("第 1 个月对应的日历月份", "Calendar month of month 1")
            .to_owned(),
        (Field::Churn, _) => lang.pick("月流失率", "Monthly churn").to_owned(),
        (Field::Revenue, _) => lang
            .pick("每客户每月收入", "Revenue per customer per month")
            .to_owned(),
        (Field::GrossMargin, _) => lang.pick("毛利率", "Gross margin").to_owned(),
        (Field::Discount, _) => lang.pick("年折现率", "Annual discount rate").to_owned(),
        (Field::Lines, _) => lang.pick("预算项", "Budget lines").to_owned(),
        (Field::LineName { name, .. }, Lang::Zh) => format!("预算项「{}」的名称", short(name)),
        (Field::LineName { name, .. }, Lang::En) => format!("name of line “{}”", short(name)),
        (Field::LineAmount { name, .. }, Lang::Zh) => format!("预算项「{}」的金额", short(name)),
        (Field::LineAmount { name, .. }, Lang::En) => format!("amount of line “{}”", short(name)),
        (Field::LineMonth { name, .. }, Lang::Zh) => format!("预算项「{}」的发生月份", short(name)),
        (Field::LineMonth { name, .. }, Lang::En) => format!("month of line “{}”", short(name)),
        (Field::LineWindow { name, .. }, Lang::Zh) => {
            format!("预算项「{}」的起止月份", short(name))
        }
        (Field::LineWindow { name, .. }, Lang::En) => format!("months of line “{}”", short(name)),
        (Field::FeeTiers, _) => lang.pick("收费档位", "Fee tiers").to_owned(),
        (Field::TierName { name, .. }, Lang::Zh) => format!("收费档位「{}」的名称", short(name)),
        (Field::TierName { name, .. }, Lang::En) => format!("name of fee tier “{}”", short(name)),
        (Field::TierShare { name, .. }, Lang::Zh) => {
            format!("收费档位「{}」的客户占比", short(name))
        }
        (Field::TierShare { name, .. }, Lang::En) => {
            format!("customer share of fee tier “{}”", short(name))
        }
        (Field::TierFee { name, .. }, Lang::Zh) => format!("收费档位「{}」的月费", short(name)),
        (Field::TierFee { name, .. }, Lang::En) => format!("monthly fee of tier “{}”", short(name)),
        (Field::Scenarios, _) => lang.pick("方案情景", "Scenarios").to_owned(),
        (Field::Ranges, _) => lang.pick("取值范围", "Ranges").to_owned(),
        (Field::Plans, _) => lang.pick("方案列表", "Plans").to_owned(),
        (Field::ScenarioName { name, .. }, Lang::Zh) => format!("情景「{}」的名称", short(name)),
        (Field::ScenarioName { name, .. }, Lang::En) => {
            format!("name of scenario “{}”", short(name))
        }
        (Field::Range { driver }, Lang::Zh) => format!("「{driver}」的取值范围"),
        (Field::Range { driver }, Lang::En) => format!("range of “{driver}”"),
        (Field::Lever { name, index, .. }, Lang::Zh) => {
            format!("情景「{name}」的第 {} 项调整", index + 1)
        }
        (Field::Lever { name, index, .. }, Lang::En) => {
            format!("change {} of scenario “{name}”", index + 1)
        }
    }
}

pub fn problem(p: &Problem, lang: Lang) -> String {
    match p {
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
        Problem::Count { exactly } => match lang {
            Lang::Zh => format!("须为 {exactly} 个数值"),
            Lang::En => format!("Must be exactly {exactly} values"),
        },
        Problem::EndsBeforeStart => lang
            .pick("结束月份早于起始月份", "Ends before it starts")
            .to_owned(),
        Problem::WindowOnOneTime => lang
            .pick(
                "一次性费用有自己的发生月份，不设起止月份",
                "A one-time line has its own month and takes no window",
            )
            .to_owned(),
        Problem::WholePlan => lang
            .pick(
                "该调整作用于整个规划期，不设起始月份",
                "This change acts on the whole plan and takes no starting month",
            )
            .to_owned(),
        Problem::LowAboveHigh => lang
            .pick("下限高于上限", "The low value is above the high value")
            .to_owned(),
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

pub fn model_error(e: &ModelError, lang: Lang) -> String {
    let field = field(e.field(), lang);
    match (e, lang) {
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

pub fn parse_error(e: &ParseError, lang: Lang) -> String {
    match e {
        ParseError::Empty => lang.pick("必填", "Required").to_owned(),
        ParseError::NotANumber => lang
            .pick(
                "不是数字：请输入如 12,000、1.2万、12k 的数值",
                "Not a number: enter a value such as 12,000, 1.2万 or 12k",
            )
            .to_owned(),
        ParseError::MultipleDecimalPoints => lang
            .pick("小数点多于一个", "More than one decimal point")
            .to_owned(),
        ParseError::BadGrouping => lang
            .pick(
                "千位分隔符位置不对（小数点请用“.”）",
                "Thousands separators are misplaced (use “.” for decimals)",
            )
            .to_owned(),
        ParseError::Negative => lang.pick("不能为负数", "Cannot be negative").to_owned(),
        ParseError::TooLarge => lang
            .pick("数值须小于 10^15", "Must be below 10^15")
            .to_owned(),
        ParseError::TooManyDecimals { max: 0 } => {
            lang.pick("须为整数", "Must be a whole number").to_owned()
        }
        ParseError::TooManyDecimals { max } => match lang {
            Lang::Zh => format!("最多 {max} 位小数"),
            Lang::En => format!("At most {max} decimal places"),
        },
        ParseError::PercentNotAllowed => lang
            .pick(
                "此处不是百分比，请去掉 %",
                "Not a percentage here: remove the %",
            )
            .to_owned(),
        ParseError::CurrencyNotAllowed => lang
            .pick(
                "此处不能带货币符号或万、k 等单位",
                "No currency symbol or unit (万, k…) here",
            )
            .to_owned(),
        ParseError::NotWhole => lang.pick("须为整数", "Must be a whole number").to_owned(),
        ParseError::OutOfRange { min, max, percent } => {
            let unit = if *percent { "%" } else { "" };
            match lang {
                Lang::Zh => format!("须在 {min}{unit} 到 {max}{unit} 之间"),
                Lang::En => format!("Must be between {min}{unit} and {max}{unit}"),
            }
        }
    }
}

/// `ccp check`'s warning about a lever that names a line its scenario does not have.
pub fn dangling_warning(scenario: &str, index: usize, line: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "警告：情景「{}」的第 {} 项调整指向不存在的预算项（编号 {line}），不起作用。",
            short(scenario),
            index + 1
        ),
        Lang::En => format!(
            "warning: change {} of scenario “{}” names line {line}, which the scenario does not have; it changes nothing.",
            index + 1,
            short(scenario)
        ),
    }
}

/// Plan names for a sentence: quoted, at most five, then how many more.
pub fn names(list: &[String], lang: Lang) -> String {
    let quoted: Vec<String> = list
        .iter()
        .take(5)
        .map(|n| {
            let n = if n.is_empty() {
                lang.pick("（无名称）", "(no name)").to_owned()
            } else {
                short(n)
            };
            match lang {
                Lang::Zh => format!("「{n}」"),
                Lang::En => format!("“{n}”"),
            }
        })
        .collect();
    let mut out = quoted.join(lang.pick("、", ", "));
    if list.len() > 5 {
        out.push_str(&match lang {
            Lang::Zh => format!(" 等 {} 个", list.len()),
            Lang::En => format!(" and {} more", list.len() - 5),
        });
    }
    out
}

/// The question beside a percent field when a decimal fraction was typed (`0.025`): which of
/// the two readings the user meant. `typed` and `percent` are already formatted numbers.
pub struct PercentAsk {
    pub question: String,
    pub use_percent: String,
    pub keep_typed: String,
}

pub fn percent_ask(typed: &str, percent: &str, lang: Lang) -> PercentAsk {
    match lang {
        Lang::Zh => PercentAsk {
            question: format!("{typed} 是指 {percent}% 吗？"),
            use_percent: format!("改为 {percent}%"),
            keep_typed: format!("就是 {typed}%"),
        },
        Lang::En => PercentAsk {
            question: format!("Did you mean {percent} %?"),
            use_percent: format!("Use {percent} %"),
            keep_typed: format!("Keep {typed} %"),
        },
    }
}

/// What a lever did, in the plan's numbers: "营销成本：¥60,000.00 → ¥48,000.00（12 个月合计）".
pub fn lever_effect(
    effect: &crate::model::LeverEffect,
    months: u16,
    currency: &str,
    lang: Lang,
) -> String {
    use crate::format::{grouped_trim, money};
    use crate::model::LeverEffect as E;
    let sep = texts(lang).label_separator;
    let pct = |x: rust_decimal::Decimal| format!("{}%", grouped_trim(x, 4));
    let basis = |b: crate::model::Basis| {
        let word = super::basis_kind(b.kind(), lang);
        lang.pick(format!("（{word}）"), format!(" ({word})"))
    };
    match effect {
        E::Category {
            category,
            before,
            after,
        } => format!(
            "{}{sep}{} → {}{}",
            super::category(*category, lang),
            money(*before, currency),
            money(*after, currency),
            lang.pick(
                format!("（{months} 个月合计）"),
                format!(" over {months} months")
            )
        ),
        E::Line { before: None, .. } => lang
            .pick(
                "该预算项此时已不在情景中，这项修改不起作用",
                "That line is not in the scenario at this point: this change does nothing",
            )
            .to_owned(),
        E::Line {
            name,
            basis: b,
            before: Some(before),
            after,
        } => format!(
            "{}{sep}{} → {}",
            short(name),
            money(*before, currency),
            match after {
                Some(a) => format!("{}{}", money(*a, currency), basis(*b)),
                None => lang.pick("删除", "removed").to_owned(),
            }
        ),
        E::Added { basis: b, amount } => format!(
            "{} {}{}",
            lang.pick("新增", "Adds"),
            money(*amount, currency),
            basis(*b)
        ),
        E::NewCustomers { before, after } => format!(
            "{}{sep}{} → {}",
            lang.pick("每月新增客户", "New customers per month"),
            grouped_trim(*before, 4),
            grouped_trim(*after, 4)
        ),
        E::Churn { before, after } => format!(
            "{}{sep}{} → {}",
            lang.pick("月流失率（相对变动）", "Monthly churn (relative change)"),
            pct(*before),
            pct(*after)
        ),
        E::Revenue { before, after } => format!(
            "{}{sep}{} → {}",
            lang.pick("每客户月收入", "Revenue per customer per month"),
            money(*before, currency),
            money(*after, currency)
        ),
        E::Seasonality { peak: None } => lang
            .pick(
                "方案没有设置季节性，这项修改不起作用",
                "The plan has no seasonality: this change does nothing",
            )
            .to_owned(),
        E::Seasonality {
            peak: Some((before, after)),
        } => format!(
            "{}{sep}{} → {}",
            lang.pick("旺季月份", "Peak month"),
            pct(*before),
            pct(*after)
        ),
        E::Set { before: None, .. } => lang
            .pick(
                "方案中没有这个收费档位，这项修改不起作用",
                "The plan has no such fee tier: this change does nothing",
            )
            .to_owned(),
        E::Set {
            input,
            before: Some(before),
            after,
        } => format!(
            "{} → {}",
            input_value(*input, *before, currency),
            input_value(*input, *after, currency)
        ),
    }
}

/// A lever's effect from a later month: "自第 5 个月起：…", "From month 5: …".
pub fn from_month(month: u16, effect: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("自第 {month} 个月起：{effect}"),
        Lang::En => format!("From month {month}: {effect}"),
    }
}

/// A value of `input` as a person reads it: `5%`, `¥1,200.00`, `120`.
pub fn input_value(input: crate::model::Input, v: rust_decimal::Decimal, currency: &str) -> String {
    use crate::model::Input as I;
    match input {
        I::ChurnPct | I::GrossMarginPct | I::AnnualDiscountPct => {
            format!("{}%", crate::format::grouped_trim(v, 4))
        }
        I::RevenuePerCustomerMonth | I::TierFee(_) => crate::format::money(v, currency),
        I::StartingCustomers | I::NewCustomersPerMonth => crate::format::grouped_trim(v, 4),
        I::NewCustomersGrowthPct => format!("{}%", crate::format::grouped_trim(v, 4)),
    }
}

/// A value of `driver` as a person reads it (a category's value is a change: `-10%`).
pub fn driver_value(
    driver: crate::model::Driver,
    v: rust_decimal::Decimal,
    currency: &str,
) -> String {
    use crate::model::Driver as D;
    match driver {
        D::Input(i) => input_value(i, v, currency),
        D::Cost(_) | D::Seasonality => crate::format::signed_pct(v),
        D::LineAmount(_) => crate::format::money(v, currency),
    }
}

/// The name of an input: "月流失率", "Fee of tier “Premium”".
pub fn input_name(input: crate::model::Input, plan: &crate::model::Plan, lang: Lang) -> String {
    use crate::model::Input as I;
    match input {
        I::TierFee(id) => {
            let name = plan
                .fee_tiers
                .iter()
                .find(|t| t.id == id)
                .map_or_else(|| "?".to_owned(), |t| short(&t.name));
            lang.pick(format!("「{name}」档月费"), format!("Fee of tier “{name}”"))
        }
        other => field(&other.field(plan), lang),
    }
}

/// The name of a driver: an input's, "营销成本", "Line “Ads”".
pub fn driver_name(driver: crate::model::Driver, plan: &crate::model::Plan, lang: Lang) -> String {
    use crate::model::Driver as D;
    match driver {
        D::Input(i) => input_name(i, plan, lang),
        D::Cost(c) => super::category(c, lang).to_owned(),
        D::LineAmount(id) => {
            let name = plan
                .line(id)
                .map_or_else(|| "?".to_owned(), |l| short(&l.name));
            lang.pick(format!("预算项「{name}」"), format!("Line “{name}”"))
        }
        D::Seasonality => lang.pick("季节波动幅度", "Seasonal swing").to_owned(),
    }
}

/// Why an analysis has no answer, in a sentence.
pub fn analysis_error(e: &crate::model::analysis::AnalysisError, lang: Lang) -> String {
    use crate::model::analysis::AnalysisError as A;
    match e {
        A::Model(e) => e.message(lang),
        A::NoScenario(_) => lang
            .pick("找不到这个情景", "There is no such scenario")
            .to_owned(),
        A::NoDriver(d) => match lang {
            Lang::Zh => format!("方案中没有「{d}」"),
            Lang::En => format!("The plan has no “{d}”"),
        },
        A::Undefined(u) => match lang {
            Lang::Zh => format!("无法计算：{}", crate::format::undefined_reason(*u, lang)),
            Lang::En => format!("Cannot be computed: {}", crate::format::undefined_reason(*u, lang)),
        },
        A::TooManyLevers { levers } => match lang {
            Lang::Zh => format!(
                "这个情景有 {levers} 项调整，贡献拆分最多支持 {} 项。请把同类调整合并（例如用一项类别调整代替多项预算项调整），或拆成几个情景。",
                crate::model::analysis::MAX_ATTRIBUTED_LEVERS
            ),
            Lang::En => format!(
                "This scenario has {levers} changes; attribution splits a change between at most {}. Combine similar changes (one category change instead of many line changes) or split the scenario.",
                crate::model::analysis::MAX_ATTRIBUTED_LEVERS
            ),
        },
        A::NoLevers => lang
            .pick("这个情景没有任何调整", "This scenario changes nothing yet")
            .to_owned(),
        A::BadSetting => lang
            .pick("设置超出允许范围", "A setting is outside what it accepts")
            .to_owned(),
    }
}

/// Why a goal seek found no value.
pub fn unreachable(u: crate::model::analysis::Unreachable, lang: Lang) -> &'static str {
    use crate::model::analysis::Unreachable as U;
    match u {
        U::NoEffect => lang.pick(
            "这个指标不随该输入变化",
            "This figure does not change with this input",
        ),
        U::OutOfRange => lang.pick(
            "在该输入的有效范围内达不到目标",
            "No value in the input's valid range reaches the target",
        ),
        U::Undefined => lang.pick(
            "在该输入的有效范围内这个指标都无法计算",
            "The figure cannot be computed anywhere in the input's valid range",
        ),
        U::Steps => lang.pick(
            "这个指标按整步变化，会跳过目标值",
            "The figure moves in steps and jumps over the target",
        ),
    }
}

/// The mark on a lever that later levers set again: "被第 3、5 项覆盖".
pub fn lever_overridden(by: &[usize], lang: Lang) -> String {
    let list = by
        .iter()
        .map(|i| (i + 1).to_string())
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "));
    lang.pick(
        format!("部分或全部被后面的第 {list} 项修改覆盖"),
        format!("Partly or wholly overridden by change {list} below"),
    )
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::Describe;
    use crate::model::{Lang, ParseError};

    #[test]
    fn every_parse_error_has_a_message_in_both_languages() {
        let errors = [
            ParseError::Empty,
            ParseError::NotANumber,
            ParseError::MultipleDecimalPoints,
            ParseError::BadGrouping,
            ParseError::Negative,
            ParseError::TooLarge,
            ParseError::TooManyDecimals { max: 4 },
            ParseError::TooManyDecimals { max: 0 },
            ParseError::PercentNotAllowed,
            ParseError::CurrencyNotAllowed,
            ParseError::NotWhole,
            ParseError::OutOfRange {
                min: Decimal::ZERO,
                max: Decimal::ONE_HUNDRED,
                percent: true,
            },
        ];
        for e in errors {
            let zh = e.message(Lang::Zh);
            let en = e.message(Lang::En);
            assert!(!zh.is_empty() && !en.is_empty(), "{e:?}");
            assert_ne!(zh, en, "{e:?}");
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{e:?}: {zh}"
            );
        }
        assert_eq!(
            ParseError::OutOfRange {
                min: Decimal::ZERO,
                max: Decimal::ONE_HUNDRED,
                percent: true
            }
            .message(Lang::En),
            "Must be between 0% and 100%"
        );
    }
}
