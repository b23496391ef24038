//! Messages: what went wrong and what happened, in a sentence, in zh-CN and English. The types
//! that carry these (model errors, parse errors, import and link errors, notices) are plain data
//! in their own layers; `Describe` renders them here, so every word lives in this module.

use super::texts;
use crate::exchange::csv::{CsvIssue, CsvProblem};
use crate::exchange::json::{self, JsonError, Repair};
use crate::exchange::link::{LinkError, MAX_CHARS};
use crate::model::{limits, Field, Lang, ModelError, ParseError, Problem, Undefined};
use crate::session::{NoticeKind, PlanFileProblem, SaveStatus};
use crate::store::SaveError;

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

/// Each type's sentence is the function of this module named beside it.
macro_rules! describe {
    ($($kind:ty => $sentence:ident),* $(,)?) => {
        $(impl Describe for $kind {
            fn message(&self, lang: Lang) -> String {
                $sentence(self, lang)
            }
        })*
    };
}

describe! {
    ModelError => model_error,
    Problem => problem,
    ParseError => parse_error,
    crate::model::analysis::AnalysisError => analysis_error,
    crate::store::SaveError => save_error,
    CsvProblem => csv_problem,
    CsvIssue => csv_issue,
    JsonError => json_error,
    Repair => repair,
    LinkError => link_error,
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

pub fn undefined(u: Undefined, lang: Lang) -> &'static str {
    match u {
        Undefined::NoNewCustomers => lang.pick("无新增客户", "no new customers"),
        Undefined::NoCustomers => lang.pick("无活跃客户", "no active customers"),
        Undefined::NoChurnNoDiscount => {
            lang.pick("零流失且不折现：无上限", "no churn, no discount: unbounded")
        }
        Undefined::NeverPaysBack => lang.pick("永远无法回本", "never pays back"),
        Undefined::NoAcquisitionCost => lang.pick("获客成本为零", "no acquisition cost"),
        Undefined::NoRevenue => lang.pick("无收入", "no revenue"),
        Undefined::NoServeCost => lang.pick("无服务成本", "no serve cost"),
        Undefined::NotWithinHorizon => lang.pick("规划期内未回本", "not within the horizon"),
        Undefined::TooLarge => lang.pick("数值过大，无法精确计算", "too large to compute exactly"),
    }
}

pub fn csv_problem(p: &CsvProblem, lang: Lang) -> String {
    let quoted = |v: &str| match lang {
        Lang::Zh => format!("“{v}”"),
        Lang::En => format!("“{v}”"),
    };
    match p {
        CsvProblem::TooLarge => lang
            .pick(
                "文件太大（上限 5 MB）",
                "The file is too large (5 MB at most)",
            )
            .to_owned(),
        CsvProblem::Empty => lang.pick("文件是空的", "The file is empty").to_owned(),
        CsvProblem::UnterminatedQuote => lang
            .pick("引号没有闭合", "A quoted cell is not closed")
            .to_owned(),
        CsvProblem::MissingColumn(c) => match lang {
            Lang::Zh => format!("缺少“{}”列", c.header(lang)),
            Lang::En => format!("The column “{}” is missing", c.header(lang)),
        },
        CsvProblem::ColumnCount { expected, found } => match lang {
            Lang::Zh => format!("应有 {expected} 列，实际 {found} 列"),
            Lang::En => format!("Expected {expected} cells, found {found}"),
        },
        CsvProblem::UnknownCategory(v) => match lang {
            Lang::Zh => format!("无法识别的类别 {}", quoted(v)),
            Lang::En => format!("Unknown category {}", quoted(v)),
        },
        CsvProblem::UnknownStage(v) => match lang {
            Lang::Zh => format!("无法识别的阶段 {}", quoted(v)),
            Lang::En => format!("Unknown stage {}", quoted(v)),
        },
        CsvProblem::UnknownBasis(v) => match lang {
            Lang::Zh => format!("无法识别的计费方式 {}", quoted(v)),
            Lang::En => format!("Unknown basis {}", quoted(v)),
        },
        CsvProblem::Number(e) => e.message(lang),
        CsvProblem::MonthRequired => lang
            .pick(
                "一次性费用需要填写发生月份",
                "A one-time line needs its month",
            )
            .to_owned(),
        CsvProblem::NameTooLong => match lang {
            Lang::Zh => format!("名称最多 {} 个字符", limits::NAME_CHARS),
            Lang::En => format!("Names have at most {} characters", limits::NAME_CHARS),
        },
        CsvProblem::TooManyRows => match lang {
            Lang::Zh => format!("最多 {} 个预算项", limits::LINES),
            Lang::En => format!("At most {} budget lines", limits::LINES),
        },
    }
}

pub fn csv_issue(i: &CsvIssue, lang: Lang) -> String {
    let place = match (i.row, i.column, lang) {
        (0, _, _) => String::new(),
        (r, Some(c), Lang::Zh) => format!("第 {r} 行“{}”列：", c.header(lang)),
        (r, Some(c), Lang::En) => format!("Row {r}, column “{}”: ", c.header(lang)),
        (r, None, Lang::Zh) => format!("第 {r} 行："),
        (r, None, Lang::En) => format!("Row {r}: "),
    };
    format!("{place}{}", i.problem.message(lang))
}

pub fn link_error(e: &LinkError, lang: Lang) -> String {
    match (e, lang) {
            (LinkError::TooLong(n), Lang::Zh) => format!(
                "方案太大，无法放进链接（约 {n} 个字符，上限 {MAX_CHARS}）。请改用“导出方案文件”分享。"
            ),
            (LinkError::TooLong(n), Lang::En) => format!(
                "The plan is too large for a link (about {n} characters, the limit is {MAX_CHARS}). Share an exported plan file instead."
            ),
            (LinkError::NotALink, _) => lang
                .pick("这不是方案分享链接。", "This is not a plan link.")
                .to_owned(),
            (LinkError::UnknownVersion(v), Lang::Zh) => {
                format!("链接格式“{v}”无法识别，可能来自更新版本的应用。")
            }
            (LinkError::UnknownVersion(v), Lang::En) => {
                format!("Unknown link format “{v}”; it may come from a newer version of the app.")
            }
            (LinkError::BadEncoding, _) => lang
                .pick(
                    "链接已损坏（编码无效），可能被截断或改动过。",
                    "The link is damaged (invalid encoding); it may have been cut off or altered.",
                )
                .to_owned(),
            (LinkError::BadCompression, _) => lang
                .pick(
                    "链接已损坏（数据无法解压或过大），可能被截断或改动过。",
                    "The link is damaged (its data does not decompress, or is far too large); it may have been cut off or altered.",
                )
                .to_owned(),
            (LinkError::BadPlan(e), Lang::Zh) => {
                format!("链接中的方案无法读取：{}", e.message(lang))
            }
            (LinkError::BadPlan(e), Lang::En) => {
                format!("The plan in the link cannot be read: {}", e.message(lang))
            }
            (LinkError::Invalid(errors), _) => {
                let head = lang.pick("链接中的方案有无效数值：", "The plan in the link has invalid values: ");
                let list: Vec<String> = errors.iter().take(5).map(|e| e.message(lang)).collect();
                format!("{head}{}", list.join(lang.pick("；", "; ")))
            }
        }
}

/// A notice's message.
pub fn notice(kind: &NoticeKind, lang: Lang) -> String {
    match (kind, lang) {
        (NoticeKind::PlanDeleted { name, .. }, Lang::Zh) => format!("已删除方案「{}」。", short(name)),
        (NoticeKind::PlanDeleted { name, .. }, Lang::En) => format!("Deleted plan “{}”.", short(name)),
        (NoticeKind::LineDeleted { name }, Lang::Zh) => format!("已删除预算项「{}」。", short(name)),
        (NoticeKind::LineDeleted { name }, Lang::En) => format!("Deleted line “{}”.", short(name)),
        (NoticeKind::LeversDangling { count }, Lang::Zh) => format!(
            "有 {count} 项情景调整指向这个被删除的预算项，现已不起作用（已在情景中标出）。"
        ),
        (NoticeKind::LeversDangling { count }, Lang::En) => format!(
            "{count} scenario change(s) pointed at the deleted line and now do nothing (marked on the scenario)."
        ),
        (NoticeKind::Refused(e), Lang::Zh) => format!("未做修改：{}", e.message(lang)),
        (NoticeKind::Refused(e), Lang::En) => format!("Nothing was changed: {}", e.message(lang)),
        (NoticeKind::Salvaged { set_aside, .. }, _) if set_aside.is_empty() => lang
            .pick(
                "已保存的方案有小问题，已自动修复（原数据另存为备份）：",
                "The saved plans had small faults, now repaired (the original is kept as a backup):",
            )
            .to_owned(),
        (NoticeKind::Salvaged { set_aside, .. }, Lang::Zh) => format!(
            "有 {} 个方案这个版本无法读取，已原样保留、不会丢失：{}。可在“文件 → 备份与保留的方案”中修复或下载；其余方案已正常打开。",
            set_aside.len(),
            names(set_aside, lang)
        ),
        (NoticeKind::Salvaged { set_aside, .. }, Lang::En) => format!(
            "{} plan(s) could not be read by this version and are kept unchanged, not lost: {}. Repair or download them under File → Backups and kept plans; the other plans opened normally.",
            set_aside.len(),
            names(set_aside, lang)
        ),
        (NoticeKind::KeptAlongside { added, trashed }, Lang::Zh) => {
            let mut parts = Vec::new();
            if !added.is_empty() {
                parts.push(format!("另一标签页的方案 {} 已加入你的方案", names(added, lang)));
            }
            if !trashed.is_empty() {
                parts.push(format!("它修改过的 {} 已放入“最近删除”，可以恢复", names(trashed, lang)));
            }
            format!("已保留本页的版本，且没有丢下另一标签页的内容：{}。", parts.join("；"))
        }
        (NoticeKind::KeptAlongside { added, trashed }, Lang::En) => {
            let mut parts = Vec::new();
            if !added.is_empty() {
                parts.push(format!("the other tab's plans {} joined your plans", names(added, lang)));
            }
            if !trashed.is_empty() {
                parts.push(format!("its versions of {} are in Recently deleted, ready to restore", names(trashed, lang)));
            }
            format!("This tab's version was kept, and nothing of the other tab's was dropped: {}.", parts.join("; "))
        }
        (NoticeKind::UpdateReady, _) => lang
            .pick(
                "新版本已准备好。你的修改已保存；重新加载页面即可使用新版本。",
                "A new version is ready. Your work is saved; reload the page to use the new version.",
            )
            .to_owned(),
        (NoticeKind::Unreadable { error, elsewhere: false, .. }, Lang::Zh) => format!(
            "已保存的数据无法读取（{}）。原数据已原样保留为备份，可以下载；本页面从示例方案开始。",
            error.message(lang)
        ),
        (NoticeKind::Unreadable { error, elsewhere: false, .. }, Lang::En) => format!(
            "The saved data could not be read ({}). It is kept unchanged as a backup you can download; the page starts from the example plan.",
            error.message(lang)
        ),
        (NoticeKind::Unreadable { error, elsewhere: true, .. }, Lang::Zh) => format!(
            "另一个标签页或程序保存了这个版本无法读取的数据（{}）。该数据已原样保留为备份，可以下载；本页的方案会重新保存。",
            error.message(lang)
        ),
        (NoticeKind::Unreadable { error, elsewhere: true, .. }, Lang::En) => format!(
            "Another tab or program stored data this version cannot read ({}). It is kept unchanged as a backup you can download; this page's plans are saved again.",
            error.message(lang)
        ),
        (NoticeKind::Newer { version }, Lang::Zh) => format!(
            "已保存的数据来自更新版本的应用（格式版本 {version}），已原样保留。为免覆盖，本页面不再保存；请重新加载页面以使用新版本。本页尚未保存的修改仍在页面上，可以先导出。"
        ),
        (NoticeKind::Newer { version }, Lang::En) => format!(
            "The saved data comes from a newer version of the app (format {version}) and is kept as it is. To avoid overwriting it, this page no longer saves: reload the page to use the new version. Changes not yet saved are still on this page; export them first if you need them."
        ),
        (NoticeKind::StorageUnavailable, _) => save_error(&SaveError::Unavailable, lang),
        (NoticeKind::SaveFailed(e), _) => save_error(e, lang),
        (NoticeKind::UpdatedElsewhere, _) => lang
            .pick(
                "方案已在另一个标签页中修改，本页已更新为最新版本。",
                "The plans were changed in another tab; this page now shows the latest version.",
            )
            .to_owned(),
        (NoticeKind::Link(e), _) => e.message(lang),
        (NoticeKind::PlanFile { path, problem }, Lang::Zh) => format!(
            "方案文件 {} {}，本页从示例方案开始。",
            short(path),
            match problem {
                PlanFileProblem::Unreachable => "无法取得".to_owned(),
                PlanFileProblem::TimedOut => "在规定时间内没有下载完成".to_owned(),
                PlanFileProblem::Read(e) => format!("无法读取（{}）", e.message(lang)),
            }
        ),
        (NoticeKind::PlanFile { path, problem }, Lang::En) => format!(
            "The plan file {} {}; the page starts from the example plan.",
            short(path),
            match problem {
                PlanFileProblem::Unreachable => "could not be fetched".to_owned(),
                PlanFileProblem::TimedOut => "did not arrive in time".to_owned(),
                PlanFileProblem::Read(e) => format!("could not be read ({})", e.message(lang)),
            }
        ),
        (NoticeKind::LinkRepaired(r), Lang::Zh) => format!("分享的方案已自动修复：{}", r.message(lang)),
        (NoticeKind::LinkRepaired(r), Lang::En) => {
            format!("The shared plan was repaired to open: {}", r.message(lang))
        }
        (NoticeKind::PreviewKept { name }, Lang::Zh) => {
            format!("你修改过的分享方案「{}」已作为副本保存到你的方案中。", short(name))
        }
        (NoticeKind::PreviewKept { name }, Lang::En) => format!(
            "The shared plan “{}” you changed was saved as a copy among your plans.",
            short(name)
        ),
        (NoticeKind::BackupReminder, _) => lang
            .pick(
                "浏览器没有承诺长期保留本站数据（空间紧张时可能清除）。请定期导出备份文件。",
                "The browser did not promise to keep this site's data (it may clear it when space runs low). Export a backup file from time to time.",
            )
            .to_owned(),
        (NoticeKind::PartFailed, _) => texts(lang).part_failed.to_owned(),
        (NoticeKind::CopyFailed, _) => lang
            .pick(
                "无法自动复制。链接已选中，请按 Ctrl+C（Mac 上按 ⌘C）复制。",
                "Could not copy automatically. The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.",
            )
            .to_owned(),
    }
}

/// What the save indicator says.
pub fn save_status(status: &SaveStatus, lang: Lang) -> &'static str {
    match status {
        SaveStatus::Saved => texts(lang).saved,
        SaveStatus::Pending => lang.pick("正在保存…", "Saving…"),
        SaveStatus::NotSaved(_) => lang.pick("未保存", "Not saved"),
        SaveStatus::Preview { edited: false } => {
            lang.pick("分享的方案（未保存）", "Shared plan (not saved)")
        }
        SaveStatus::Preview { edited: true } => {
            lang.pick("修改未保存：请保存副本", "Changes not saved: save a copy")
        }
    }
}

/// Why a save did not stick.
pub fn save_error(e: &SaveError, lang: Lang) -> String {
    match (e, lang) {
        (SaveError::Quota, _) => lang
            .pick(
                "浏览器存储空间已满，最近的修改未能保存。数据仍在本页面中，请导出备份，或在“文件 → 备份”中删除不需要的备份。",
                "Browser storage is full: recent changes were not saved. Your work is still on this page; export a backup, or delete backups you no longer need under File → Backups.",
            )
            .to_owned(),
        (SaveError::Unavailable, _) => lang
            .pick(
                "此浏览器不允许本页面保存数据（可能是隐私模式或嵌入限制）。修改只保留到关闭页面，请导出备份。",
                "This browser does not let the page save data (private mode or an embedding restriction). Changes last until the page closes; export a backup.",
            )
            .to_owned(),
        (SaveError::Mismatch, _) => lang
            .pick(
                "保存后读回的数据不一致，最近的修改可能未保存。请导出备份。",
                "What was saved did not read back the same: recent changes may not be saved. Export a backup.",
            )
            .to_owned(),
        (SaveError::BackupTooLarge { chars }, Lang::Zh) => format!(
            "已保存的数据需要先备份才能覆盖，但它太大（{}），放不进备份区（最多 {}）。为免丢失，本页暂不保存。请先下载这份数据，然后选择“不备份，继续保存”。",
            super::phrases::characters(*chars, lang),
            super::phrases::characters(crate::storage::BACKUP_CHARS_MAX, lang)
        ),
        (SaveError::BackupTooLarge { chars }, Lang::En) => format!(
            "The saved data must be backed up before it is written over, but it is too large ({}) for the backups (at most {}). So that nothing is lost, this page does not save yet: download that data first, then choose “Save without a backup”.",
            super::phrases::characters(*chars, lang),
            super::phrases::characters(crate::storage::BACKUP_CHARS_MAX, lang)
        ),
        (SaveError::Other(e), Lang::Zh) => format!("保存失败：{e}。请导出备份。"),
        (SaveError::Other(e), Lang::En) => format!("Saving failed: {e}. Export a backup."),
    }
}

/// Why a JSON text (a file, stored data, a link) was not read.
pub fn json_error(e: &JsonError, lang: Lang) -> String {
    match (e, lang) {
        (JsonError::TooLarge, Lang::Zh) => format!("文件太大（上限 {} MB）", json::MAX_BYTES >> 20),
        (JsonError::TooLarge, Lang::En) => {
            format!("The file is too large ({} MB at most)", json::MAX_BYTES >> 20)
        }
        (JsonError::Syntax(e), Lang::Zh) => format!("不是有效的 JSON：{e}"),
        (JsonError::Syntax(e), Lang::En) => format!("Not valid JSON: {e}"),
        (JsonError::WrongFormat, _) => lang
            .pick(
                "这不是客户管理费规划器导出的文件",
                "This is not a file exported by Customer Cost Planner",
            )
            .to_owned(),
        (JsonError::NewerVersion(v), Lang::Zh) => {
            format!("文件来自更新版本的应用（格式版本 {v}），请升级后再导入")
        }
        (JsonError::NewerVersion(v), Lang::En) => format!(
            "The file comes from a newer version of the app (format {v}); update the app to import it"
        ),
        (JsonError::Shape { path, detail }, Lang::Zh) => format!("字段 {path}：{detail}"),
        (JsonError::Shape { path, detail }, Lang::En) => format!("Field {path}: {detail}"),
        (JsonError::Invalid(errors), _) => errors
            .iter()
            .map(|e| e.message(lang))
            .collect::<Vec<_>>()
            .join("\n"),
        (JsonError::NotAPlan, _) => lang
            .pick(
                "这是全部方案的备份文件，不是单个方案文件",
                "This is a backup of all plans, not a single plan file",
            )
            .to_owned(),
    }
}

/// What reading repaired, in a sentence.
pub fn repair(r: &Repair, lang: Lang) -> String {
    match (r, lang) {
        (Repair::Plan { plan, repairs }, Lang::Zh) => {
            let mut parts = Vec::new();
            if repairs.names_shortened > 0 {
                parts.push(format!(
                    "{} 个超过 {} 字的名称已截短",
                    repairs.names_shortened,
                    crate::model::limits::NAME_CHARS
                ));
            }
            if repairs.ids_renumbered > 0 {
                parts.push(format!("{} 个重复编号已重新编号", repairs.ids_renumbered));
            }
            format!("方案「{}」：{}。", short(plan), parts.join("，"))
        }
        (Repair::Plan { plan, repairs }, Lang::En) => {
            let mut parts = Vec::new();
            if repairs.names_shortened > 0 {
                parts.push(format!(
                    "{} name(s) over {} characters shortened",
                    repairs.names_shortened,
                    crate::model::limits::NAME_CHARS
                ));
            }
            if repairs.ids_renumbered > 0 {
                parts.push(format!(
                    "{} duplicate id(s) renumbered",
                    repairs.ids_renumbered
                ));
            }
            format!("Plan “{}”: {}.", short(plan), parts.join(", "))
        }
        (Repair::PlanIdsRenumbered { count }, Lang::Zh) => {
            format!("{count} 个方案的编号与其他方案重复，已重新编号。")
        }
        (Repair::PlanIdsRenumbered { count }, Lang::En) => {
            format!("{count} plan(s) shared an id with another plan and were renumbered.")
        }
        (Repair::SelectionReset, _) => lang
            .pick(
                "原先打开的方案已不存在，现打开第一个方案。",
                "The plan that was open no longer exists; the first plan is open instead.",
            )
            .to_owned(),
        (Repair::LangReset, _) => lang
            .pick(
                "语言设置无法识别，已恢复默认。",
                "The language setting was not recognised and is back to the default.",
            )
            .to_owned(),
        (Repair::BlankPlanAdded, _) => lang
            .pick(
                "没有能读取的方案，已新建一个空白方案。",
                "No plan could be read, so a blank plan was added.",
            )
            .to_owned(),
        (Repair::Restored { plan }, Lang::Zh) => {
            format!("之前保留的方案「{}」现在可以读取，已恢复。", short(plan))
        }
        (Repair::Restored { plan }, Lang::En) => {
            format!(
                "The kept plan “{}” can be read now and is back.",
                short(plan)
            )
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

/// A value of `input` as a person reads it: `5%`, `¥1,200.00`, `120`.
pub fn input_value(input: crate::model::Input, v: rust_decimal::Decimal, currency: &str) -> String {
    use crate::model::Input as I;
    match input {
        I::ChurnPct | I::GrossMarginPct | I::AnnualDiscountPct => {
            format!("{}%", crate::format::grouped_trim(v, 4))
        }
        I::RevenuePerCustomerMonth | I::TierFee(_) => crate::format::money(v, currency),
        I::StartingCustomers | I::NewCustomersPerMonth => crate::format::grouped_trim(v, 4),
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
        D::Cost(_) => crate::format::signed_pct(v),
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
            Lang::Zh => format!("无法计算：{}", undefined(*u, lang)),
            Lang::En => format!("Cannot be computed: {}", undefined(*u, lang)),
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
