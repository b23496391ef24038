//! Sentences the page builds from the user's data (names, counts, sizes), in zh-CN and English.

use rust_decimal::Decimal;

use crate::format::grouped;
use crate::model::Lang;

/// The accessible name of a control in a row: "Category of “Ads”", "「广告」的类别".
pub fn of_item(what: &str, item: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("「{item}」的{what}"),
        Lang::En => format!("{what} of “{item}”"),
    }
}

/// The horizon and currency under the headline.
pub fn horizon_and_currency(months: u16, currency: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("规划期 {months} 个月 · 货币 {currency}"),
        Lang::En => format!("{months}-month horizon · {currency}"),
    }
}

/// What importing a plan file will do.
pub fn import_plan_summary(name: &str, lines: usize, scenarios: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "方案「{name}」：{lines} 个预算项，{scenarios} 个情景。将作为新方案加入，现有方案不受影响。"
        ),
        Lang::En => format!(
            "Plan “{name}”: {lines} budget lines, {scenarios} scenarios. It will be added as a new plan; your plans stay as they are."
        ),
    }
}

pub fn file_has_plans(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("文件包含 {n} 个方案："),
        Lang::En => format!("The file has {n} plans:"),
    }
}

pub fn csv_problems_title(lang: Lang) -> &'static str {
    lang.pick(
        "CSV 有问题：没有做任何修改",
        "Problems in the CSV: nothing was changed",
    )
}

pub fn and_more(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("……另有 {n} 处问题"),
        Lang::En => format!("… and {n} more"),
    }
}

pub fn lines_read(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("读取到 {n} 个预算项。"),
        Lang::En => format!("{n} budget lines read."),
    }
}

/// How many of the read lines have the names of lines the plan has (a re-import).
pub fn lines_already_named(n: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("其中 {n} 项与当前方案中的预算项同名（已标出），像是导出后修改过的文件：替换可避免重复。"),
        Lang::En => format!("{n} of {total} have the names of lines this plan has (marked): this looks like an edited export, so replacing avoids duplicates."),
    }
}

/// Adds only the lines whose names the plan does not have yet.
pub fn add_new_lines(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("只追加 {n} 个新预算项"),
        Lang::En => format!("Add only the {n} new lines"),
    }
}

pub fn long_link(chars: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => {
            format!("链接较长（{chars} 个字符），部分聊天或邮件软件可能截断；可改为导出方案文件。")
        }
        Lang::En => format!(
            "This link is long ({chars} characters); some chat and e-mail apps may cut it. Exporting a plan file is safer."
        ),
    }
}

/// Above the list of plans that could not be read: in an import (`kept` false: they are kept
/// aside with the user's plans if the file is added), or the plans the workspace keeps aside.
pub fn plans_set_aside(n: usize, kept: bool, lang: Lang) -> String {
    match (lang, kept) {
        (Lang::Zh, false) => format!("文件中有 {n} 个方案无法读取：添加时会原样保留在“保留的方案”中（也可下载后修改）："),
        (Lang::En, false) => format!(
            "{n} plan(s) in the file could not be read: adding keeps them unchanged among the kept plans (or download them to mend):"
        ),
        (Lang::Zh, true) => format!("{n} 个方案这个版本无法读取，已原样保留（每次保存都会带上）。可以修复、下载或丢弃："),
        (Lang::En, true) => format!(
            "{n} plan(s) cannot be read by this version and are kept unchanged (every save carries them). Repair, download or discard them:"
        ),
    }
}

/// Beside a kept plan's Repair button: the fields the repair leaves out.
pub fn repair_drops(fields: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("修复时会去掉这个版本不认识的字段：{fields} "),
        Lang::En => {
            format!("Repairing leaves out the fields this version does not know: {fields} ")
        }
    }
}

/// A backup's size in characters.
pub fn characters(n: usize, lang: Lang) -> String {
    let n = grouped(Decimal::from(n as u64), 0);
    match lang {
        Lang::Zh => format!("{n} 字符"),
        Lang::En => format!("{n} characters"),
    }
}

/// The shared-plan banner.
pub fn shared_plan(name: &str, edited: bool, lang: Lang) -> String {
    match (lang, edited) {
        (Lang::Zh, false) => format!(
            "你正在查看别人分享的方案「{name}」。它还没有保存到你的方案中，你的方案也没有任何改动。可以先试着修改，但修改只有在保存副本后才会保留。"
        ),
        (Lang::En, false) => format!(
            "You are viewing a shared plan, “{name}”. It is not saved among your plans, and your plans are unchanged. You can try changes, but they are kept only once you save a copy."
        ),
        (Lang::Zh, true) => format!(
            "你修改了分享的方案「{name}」，这些修改还没有保存。点“保存副本到我的方案”即可保留；关闭或刷新页面会丢失它们。"
        ),
        (Lang::En, true) => format!(
            "You changed the shared plan “{name}”, and the changes are not saved yet. Choose “Save a copy to my plans” to keep them; closing or reloading the page loses them."
        ),
    }
}

/// A stacked bar chart's text summary.
pub fn stacked_bars_summary(title: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{title}：每个情景一根柱，按构成堆叠。"),
        Lang::En => format!("{title}: one bar per scenario, stacked by part."),
    }
}

pub fn ends_with_customers(scenario: &str, customers: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{scenario}期末 {customers} 位客户"),
        Lang::En => format!("{scenario} ends with {customers} customers"),
    }
}

pub fn breaks_even(scenario: &str, when: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{scenario}：回本于{when}"),
        Lang::En => format!("{scenario}: break-even {when}"),
    }
}

/// Why the chart's break-even month and the headline's CAC payback differ.
pub fn two_paybacks(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "回本月是累计净贡献转正的月份；核心指标中的获客成本回收期是一位新客户的毛利收回其获客成本所需的月数，二者回答不同的问题",
        Lang::En => "break-even is the month cumulative net contribution turns positive; the CAC payback in the headline is how many months a new customer's margin takes to repay what acquiring them cost, a different question",
    }
}

/// The name of a scenario made from a goal seek's answer: "目标：LTV:CAC = 3.00×（月流失率 7.85%）".
pub fn goal_scenario_name(
    metric: &str,
    target: &str,
    input: &str,
    value: &str,
    lang: Lang,
) -> String {
    match lang {
        Lang::Zh => format!("目标：{metric} = {target}（{input} {value}）"),
        Lang::En => format!("Goal: {metric} = {target} ({input} {value})"),
    }
}

/// What business an example plan describes, for the banner that marks it as an example.
pub fn example_about(example: crate::model::Example, lang: Lang) -> &'static str {
    use crate::model::Example;
    match example {
        Example::Starter => lang.pick(
            "「入门方案」是一家普通服务企业一年的客户管理费：广告、展会、CRM、客服团队、售后与新客户培训，以及文中的五种优化策略。",
            "The starter plan is a year of customer management cost at an ordinary service firm: ads, a trade show, CRM, a support team, after-sales and onboarding, with the article's five optimisation strategies.",
        ),
        Example::Ecommerce => lang.pick(
            "「某电商企业」是文中的案例一：客户多、每位客户带来的月收入低，有付费会员。",
            "The e-commerce firm is the article's first case: many customers, each bringing little revenue a month, and a paid membership.",
        ),
        Example::Manufacturer => lang.pick(
            "「某制造企业」是文中的案例二：客户少，每家客户每月的采购额大。",
            "The manufacturer is the article's second case: few customers, each buying a lot every month.",
        ),
        Example::Saas => lang.pick(
            "「订阅制软件企业」按月收费：获客成本要靠客户留存多月才能收回。",
            "The SaaS business charges monthly: acquiring a customer pays back only if the customer stays for months.",
        ),
    }
}

/// The example banner's sentence: what business the example is, then that its figures are
/// assumptions to edit (kept on the page in an embed, saved otherwise). One text, as the
/// painted first screen has it (`prepaint`), so the take-over lays it out the same.
pub fn example_banner(example: crate::model::Example, embedded: bool, lang: Lang) -> String {
    let t = super::texts(lang);
    let note = if embedded {
        t.example_banner_embedded
    } else {
        t.example_banner
    };
    format!(
        "{}{}{note}",
        example_about(example, lang),
        lang.pick("", " ")
    )
}
