//! Every word on the page, in zh-CN and English. A struct per language means a string missing
//! in one language is a compile error, not a blank on the page.

use crate::exchange::json::{self, JsonError, Repair};
use crate::format;
use crate::model::{
    Basis, BasisKind, Category, Column, Lang, Lever, LeverKind, Metric, Plan, Stage,
};
use crate::session::{NoticeKind, SaveStatus};
use crate::storage::SaveError;

/// The fixed strings of the interface.
pub struct Texts {
    pub app_title: &'static str,
    pub app_tagline: &'static str,
    pub language: &'static str,
    pub plan: &'static str,
    pub plans: &'static str,
    pub plan_name: &'static str,
    pub new_plan: &'static str,
    pub new_blank_plan: &'static str,
    pub duplicate: &'static str,
    pub delete: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub restore: &'static str,
    pub dismiss: &'static str,
    pub example_banner: &'static str,
    pub start_blank: &'static str,
    pub tab_budget: &'static str,
    pub tab_scenarios: &'static str,
    pub tab_compare: &'static str,
    pub tab_charts: &'static str,
    pub headline_title: &'static str,
    pub headline_help: &'static str,
    pub baseline: &'static str,
    pub scenario: &'static str,
    pub model_error: &'static str,

    pub economics_title: &'static str,
    pub currency: &'static str,
    pub horizon: &'static str,
    pub starting_customers: &'static str,
    pub new_customers: &'static str,
    pub churn: &'static str,
    pub revenue: &'static str,
    pub margin: &'static str,
    pub discount: &'static str,
    pub input_hint: &'static str,
    pub percent_hint: &'static str,

    pub lines_title: &'static str,
    pub col_name: &'static str,
    pub col_category: &'static str,
    pub col_stage: &'static str,
    pub col_basis: &'static str,
    pub col_amount: &'static str,
    pub col_month: &'static str,
    pub col_total: &'static str,
    pub col_actions: &'static str,
    pub add_line: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub by_category: &'static str,
    pub by_stage: &'static str,
    pub grand_total: &'static str,
    pub no_lines: &'static str,
    pub outside_horizon: &'static str,
    pub line_count: &'static str,

    pub tiers_title: &'static str,
    pub tiers_help: &'static str,
    pub col_share: &'static str,
    pub col_fee: &'static str,
    pub add_tier: &'static str,
    pub shares_total: &'static str,
    pub no_tiers: &'static str,

    pub scenarios_title: &'static str,
    pub scenarios_help: &'static str,
    pub add_blank_scenario: &'static str,
    pub add_from_preset: &'static str,
    pub scenario_name: &'static str,
    pub assumption: &'static str,
    pub preset_note: &'static str,
    pub levers_title: &'static str,
    pub add_lever: &'static str,
    pub lever_kind: &'static str,
    pub lever_target: &'static str,
    pub lever_pct: &'static str,
    pub lever_amount: &'static str,
    pub line_missing: &'static str,
    pub scenario_has_dangling: &'static str,
    pub no_scenarios: &'static str,
    pub no_levers: &'static str,
    pub churn_relative_note: &'static str,

    pub compare_title: &'static str,
    pub compare_help: &'static str,
    pub metric: &'static str,
    pub best: &'static str,
    pub better: &'static str,
    pub worse: &'static str,
    pub same: &'static str,

    pub charts_title: &'static str,
    pub chart_by_category: &'static str,
    pub chart_by_stage: &'static str,
    pub chart_customers: &'static str,
    pub chart_cumulative: &'static str,
    pub chart_ltv_cac: &'static str,
    pub chart_data: &'static str,
    pub month: &'static str,
    pub rule_of_thumb: &'static str,
    pub break_even: &'static str,
    pub no_break_even: &'static str,

    pub footer: &'static str,
    pub saved: &'static str,

    /// Names given to new things, and what a copy's name ends with.
    pub default_plan_name: &'static str,
    pub default_line_name: &'static str,
    pub default_tier_name: &'static str,
    pub default_scenario_name: &'static str,
    pub copy_suffix: &'static str,
    /// `ccp check` on a good plan.
    pub plan_valid: &'static str,
    pub file_unreadable: &'static str,
}

pub static ZH: Texts = Texts {
    app_title: "客户管理费规划器",
    app_tagline: "规划获取、维护和服务客户的费用，看清这些投入带来什么，比较优化方案。",
    language: "语言",
    plan: "方案",
    plans: "我的方案",
    plan_name: "方案名称",
    new_plan: "新建",
    new_blank_plan: "空白方案",
    duplicate: "复制",
    delete: "删除",
    undo: "撤销",
    redo: "重做",
    restore: "恢复",
    dismiss: "关闭",
    example_banner: "这是示例方案：其中的数字是演示用的假设，可直接修改，修改会自动保存。",
    start_blank: "从空白方案开始",
    tab_budget: "预算与客户",
    tab_scenarios: "优化情景",
    tab_compare: "情景对比",
    tab_charts: "图表",
    headline_title: "核心指标",
    headline_help: "规划期内的合计与单位经济指标；每次修改即时重算。",
    baseline: "基准",
    scenario: "情景",
    model_error: "无法计算",

    economics_title: "客户与经营假设",
    currency: "货币",
    horizon: "规划期（月）",
    starting_customers: "期初客户数",
    new_customers: "每月新增客户",
    churn: "月流失率（%）",
    revenue: "每客户每月收入",
    margin: "毛利率（%）",
    discount: "年折现率（%）",
    input_hint: "可输入 12,000、1.2万、12k、¥12,000",
    percent_hint: "输入 5 或 5%",

    lines_title: "预算项",
    col_name: "名称",
    col_category: "类别",
    col_stage: "阶段",
    col_basis: "计费方式",
    col_amount: "金额",
    col_month: "发生月份",
    col_total: "规划期合计",
    col_actions: "操作",
    add_line: "添加预算项",
    move_up: "上移",
    move_down: "下移",
    by_category: "按类别小计",
    by_stage: "按阶段小计",
    grand_total: "合计",
    no_lines: "还没有预算项，点击“添加预算项”开始。",
    outside_horizon: "超出规划期，不计入",
    line_count: "项",

    tiers_title: "客户管理费收费档位",
    tiers_help:
        "按客户价值分档向客户收取的管理费。占比是该档客户占活跃客户的百分比，合计不超过 100%。",
    col_share: "客户占比（%）",
    col_fee: "每客户月费",
    add_tier: "添加档位",
    shares_total: "占比合计",
    no_tiers: "未设置收费档位。",

    scenarios_title: "优化情景",
    scenarios_help: "情景 = 基准方案 + 调整项，按列出的顺序生效。可从五种优化策略新建后再微调。",
    add_blank_scenario: "空白情景",
    add_from_preset: "按优化策略新建",
    scenario_name: "情景名称",
    assumption: "示例假设",
    preset_note: "调整幅度是示例假设，不是测算结论，请按贵公司的实际预期修改。",
    levers_title: "调整项",
    add_lever: "添加调整项",
    lever_kind: "调整类型",
    lever_target: "对象",
    lever_pct: "变动（%）",
    lever_amount: "金额",
    line_missing: "该预算项已不存在，此调整不起作用",
    scenario_has_dangling: "有调整失效",
    no_scenarios: "还没有情景。",
    no_levers: "没有调整项：此情景与基准相同。",
    churn_relative_note: "相对变动：流失率 5% 降低 10% 后为 4.5%",

    compare_title: "情景对比",
    compare_help: "每个指标在各情景下的数值，以及与基准的差额和百分比。★ 为该指标最优的情景。",
    metric: "指标",
    best: "最优",
    better: "更好",
    worse: "更差",
    same: "持平",

    charts_title: "图表",
    chart_by_category: "各情景的费用构成（按类别）",
    chart_by_stage: "各情景的费用构成（按生命周期阶段）",
    chart_customers: "每月活跃客户数",
    chart_cumulative: "累计净贡献",
    chart_ltv_cac: "LTV:CAC",
    chart_data: "图表数据",
    month: "月份",
    rule_of_thumb: "3:1 经验线",
    break_even: "回本",
    no_break_even: "规划期内未回本",

    footer: "数据只保存在本浏览器中。示例与策略预设中的数字均为演示假设。",
    saved: "已自动保存",
    default_plan_name: "新方案",
    default_line_name: "新预算项",
    default_tier_name: "新档位",
    default_scenario_name: "新情景",
    copy_suffix: " 副本",
    plan_valid: "方案有效",
    file_unreadable: "文件无法读取",
};

pub static EN: Texts = Texts {
    app_title: "Customer Cost Planner",
    app_tagline: "Plan what you spend to win, keep and serve customers, see what it buys, and compare optimisation scenarios.",
    language: "Language",
    plan: "Plan",
    plans: "My plans",
    plan_name: "Plan name",
    new_plan: "New",
    new_blank_plan: "Blank plan",
    duplicate: "Duplicate",
    delete: "Delete",
    undo: "Undo",
    redo: "Redo",
    restore: "Restore",
    dismiss: "Dismiss",
    example_banner: "This is an example plan: its figures are illustrative assumptions. Edit freely; changes are saved automatically.",
    start_blank: "Start from a blank plan",
    tab_budget: "Budget & customers",
    tab_scenarios: "Scenarios",
    tab_compare: "Comparison",
    tab_charts: "Charts",
    headline_title: "Headline figures",
    headline_help: "Totals and unit economics over the horizon, recomputed on every edit.",
    baseline: "Baseline",
    scenario: "Scenario",
    model_error: "Cannot compute",

    economics_title: "Customers and economics",
    currency: "Currency",
    horizon: "Horizon (months)",
    starting_customers: "Starting customers",
    new_customers: "New customers per month",
    churn: "Monthly churn (%)",
    revenue: "Revenue per customer per month",
    margin: "Gross margin (%)",
    discount: "Annual discount rate (%)",
    input_hint: "Accepts 12,000, 1.2万, 12k, ¥12,000",
    percent_hint: "Enter 5 or 5%",

    lines_title: "Budget lines",
    col_name: "Name",
    col_category: "Category",
    col_stage: "Stage",
    col_basis: "Basis",
    col_amount: "Amount",
    col_month: "Month",
    col_total: "Horizon total",
    col_actions: "Actions",
    add_line: "Add line",
    move_up: "Move up",
    move_down: "Move down",
    by_category: "Subtotal by category",
    by_stage: "Subtotal by stage",
    grand_total: "Total",
    no_lines: "No budget lines yet: choose “Add line” to start.",
    outside_horizon: "outside the horizon, not counted",
    line_count: "lines",

    tiers_title: "Customer management fee tiers",
    tiers_help: "Fees charged to customers by customer value. A tier's share is the percent of active customers in it; shares total at most 100%.",
    col_share: "Share of customers (%)",
    col_fee: "Monthly fee per customer",
    add_tier: "Add tier",
    shares_total: "Shares in total",
    no_tiers: "No fee tiers.",

    scenarios_title: "Optimisation scenarios",
    scenarios_help: "A scenario is the baseline plus changes, applied in the order listed. Start from one of the five strategies and tune it.",
    add_blank_scenario: "Blank scenario",
    add_from_preset: "New from a strategy",
    scenario_name: "Scenario name",
    assumption: "Illustrative assumption",
    preset_note: "The sizes of these changes are illustrative assumptions, not findings: set them to what you expect in your business.",
    levers_title: "Changes",
    add_lever: "Add change",
    lever_kind: "Change",
    lever_target: "Applies to",
    lever_pct: "Change (%)",
    lever_amount: "Amount",
    line_missing: "That line no longer exists; this change does nothing",
    scenario_has_dangling: "a change points at nothing",
    no_scenarios: "No scenarios yet.",
    no_levers: "No changes: this scenario equals the baseline.",
    churn_relative_note: "Relative: 5% churn lowered by 10% is 4.5%",

    compare_title: "Scenario comparison",
    compare_help: "Every figure for every scenario, with its difference from the baseline in absolute and percent terms. ★ marks the best scenario on each figure.",
    metric: "Figure",
    best: "best",
    better: "better",
    worse: "worse",
    same: "same",

    charts_title: "Charts",
    chart_by_category: "Cost by category, per scenario",
    chart_by_stage: "Cost by lifecycle stage, per scenario",
    chart_customers: "Active customers by month",
    chart_cumulative: "Cumulative net contribution",
    chart_ltv_cac: "LTV:CAC",
    chart_data: "Chart data",
    month: "Month",
    rule_of_thumb: "3:1 rule of thumb",
    break_even: "break-even",
    no_break_even: "no break-even within the horizon",

    footer: "Your data stays in this browser. Figures in the examples and strategy presets are illustrative assumptions.",
    saved: "Saved automatically",
    default_plan_name: "New plan",
    default_line_name: "New line",
    default_tier_name: "New tier",
    default_scenario_name: "New scenario",
    copy_suffix: " copy",
    plan_valid: "The plan is valid",
    file_unreadable: "The file could not be read",
};

/// The texts of `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

pub fn category(c: Category, lang: Lang) -> &'static str {
    match c {
        Category::Marketing => lang.pick("营销成本", "Marketing"),
        Category::AfterSales => lang.pick("售后服务成本", "After-sales service"),
        Category::Support => lang.pick("客户支持成本", "Customer support"),
        Category::Crm => lang.pick("CRM系统费用", "CRM system"),
        Category::TrainingPay => lang.pick("培训和员工薪酬", "Training and staff pay"),
        Category::Other => lang.pick("其他", "Other"),
    }
}

pub fn stage(s: Stage, lang: Lang) -> &'static str {
    match s {
        Stage::Acquisition => lang.pick("客户获取", "Acquisition"),
        Stage::Retention => lang.pick("客户维护", "Retention"),
        Stage::Service => lang.pick("客户服务", "Service"),
    }
}

pub fn basis_kind(kind: BasisKind, lang: Lang) -> &'static str {
    match kind {
        BasisKind::Monthly => lang.pick("每月", "Monthly"),
        BasisKind::Annual => lang.pick("每年（按月均摊）", "Annual (spread monthly)"),
        BasisKind::OneTime => lang.pick("一次性", "One-time"),
        BasisKind::PerNewCustomer => lang.pick("每新增客户", "Per new customer"),
        BasisKind::PerActiveCustomer => {
            lang.pick("每活跃客户每月", "Per active customer per month")
        }
    }
}

pub fn basis(b: Basis, lang: Lang) -> String {
    match b {
        Basis::OneTime { month } => match lang {
            Lang::Zh => format!("一次性（第 {month} 月）"),
            Lang::En => format!("One-time (month {month})"),
        },
        other => basis_kind(other.kind(), lang).to_owned(),
    }
}

pub fn lever_kind(kind: LeverKind, lang: Lang) -> &'static str {
    match kind {
        LeverKind::CategorySpend => lang.pick("类别费用变动", "Category spend"),
        LeverKind::LineAmount => lang.pick("预算项金额", "Line amount"),
        LeverKind::AddLine => lang.pick("新增预算项", "Add a line"),
        LeverKind::RemoveLine => lang.pick("去掉预算项", "Remove a line"),
        LeverKind::NewCustomers => lang.pick("每月新增客户变动", "New customers per month"),
        LeverKind::Churn => lang.pick("流失率变动（相对）", "Churn (relative change)"),
        LeverKind::Revenue => lang.pick("每客户每月收入变动", "Revenue per customer"),
    }
}

/// A lever in a sentence: `营销成本 -10%`, `Line “Ads” → ¥1,000.00`.
pub fn describe_lever(lever: &Lever, plan: &Plan, lang: Lang) -> String {
    let line_name = |id| {
        plan.line(id)
            .map_or_else(|| "?".to_owned(), |l| l.name.clone())
    };
    match lever {
        Lever::CategorySpend { category: c, pct } => {
            format!("{} {}", category(*c, lang), format::signed_pct(*pct))
        }
        Lever::LineAmount { line, amount } => match lang {
            Lang::Zh => format!(
                "「{}」金额改为 {}",
                line_name(*line),
                format::money(*amount, &plan.currency)
            ),
            Lang::En => format!(
                "“{}” set to {}",
                line_name(*line),
                format::money(*amount, &plan.currency)
            ),
        },
        Lever::AddLine { line } => match lang {
            Lang::Zh => format!(
                "新增「{}」{}（{}）",
                line.name,
                format::money(line.amount, &plan.currency),
                basis(line.basis, lang)
            ),
            Lang::En => format!(
                "Add “{}” {} ({})",
                line.name,
                format::money(line.amount, &plan.currency),
                basis(line.basis, lang)
            ),
        },
        Lever::RemoveLine { line } => match lang {
            Lang::Zh => format!("去掉「{}」", line_name(*line)),
            Lang::En => format!("Remove “{}”", line_name(*line)),
        },
        Lever::NewCustomers { pct } => format!(
            "{} {}",
            lang.pick("每月新增客户", "New customers"),
            format::signed_pct(*pct)
        ),
        Lever::Churn { pct } => format!(
            "{} {}",
            lang.pick("流失率", "Churn"),
            format::signed_pct(*pct)
        ),
        Lever::Revenue { pct } => format!(
            "{} {}",
            lang.pick("每客户每月收入", "Revenue per customer"),
            format::signed_pct(*pct)
        ),
    }
}

/// A notice's message.
pub fn notice(kind: &NoticeKind, lang: Lang) -> String {
    match (kind, lang) {
        (NoticeKind::PlanDeleted { name, .. }, Lang::Zh) => format!("已删除方案「{name}」。"),
        (NoticeKind::PlanDeleted { name, .. }, Lang::En) => format!("Deleted plan “{name}”."),
        (NoticeKind::LeversDangling { count }, Lang::Zh) => format!(
            "有 {count} 项情景调整指向这个被删除的预算项，现已不起作用（已在情景中标出）。"
        ),
        (NoticeKind::LeversDangling { count }, Lang::En) => format!(
            "{count} scenario change(s) pointed at the deleted line and now do nothing (marked on the scenario)."
        ),
        (NoticeKind::Refused(e), Lang::Zh) => format!("未做修改：{}", e.message(lang)),
        (NoticeKind::Refused(e), Lang::En) => format!("Nothing was changed: {}", e.message(lang)),
        (NoticeKind::Salvaged { set_aside: 0, .. }, _) => lang
            .pick(
                "已保存的方案有小问题，已自动修复（原数据另存为备份）：",
                "The saved plans had small faults, now repaired (the original is kept as a backup):",
            )
            .to_owned(),
        (NoticeKind::Salvaged { set_aside, .. }, Lang::Zh) => format!(
            "有 {set_aside} 个已保存的方案无法读取，已单独保留（可在“文件 → 备份”中下载）；其余方案已正常打开。"
        ),
        (NoticeKind::Salvaged { set_aside, .. }, Lang::En) => format!(
            "{set_aside} saved plan(s) could not be read and were set aside (download them under File → Backups); the other plans opened normally."
        ),
        (NoticeKind::Unreadable { error, .. }, Lang::Zh) => format!(
            "已保存的数据无法读取（{}）。原数据已原样保留为备份，可以下载；本页面从示例方案开始。",
            error.message(lang)
        ),
        (NoticeKind::Unreadable { error, .. }, Lang::En) => format!(
            "The saved data could not be read ({}). It is kept unchanged as a backup you can download; the page starts from the example plan.",
            error.message(lang)
        ),
        (NoticeKind::Newer { version }, Lang::Zh) => format!(
            "已保存的数据来自更新版本的应用（格式版本 {version}）。为免覆盖，本页面不会保存修改；请使用新版应用打开。"
        ),
        (NoticeKind::Newer { version }, Lang::En) => format!(
            "The saved data comes from a newer version of the app (format {version}). To avoid overwriting it, this page will not save changes; open it with the newer app."
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
        (NoticeKind::LinkRepaired(r), Lang::Zh) => format!("分享的方案已自动修复：{}", r.message(lang)),
        (NoticeKind::LinkRepaired(r), Lang::En) => {
            format!("The shared plan was repaired to open: {}", r.message(lang))
        }
        (NoticeKind::PreviewKept { name }, Lang::Zh) => {
            format!("你修改过的分享方案「{name}」已作为副本保存到你的方案中。")
        }
        (NoticeKind::PreviewKept { name }, Lang::En) => {
            format!("The shared plan “{name}” you changed was saved as a copy among your plans.")
        }
        (NoticeKind::BackupReminder, _) => lang
            .pick(
                "浏览器没有承诺长期保留本站数据（空间紧张时可能清除）。请定期导出备份文件。",
                "The browser did not promise to keep this site's data (it may clear it when space runs low). Export a backup file from time to time.",
            )
            .to_owned(),
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
            format!("方案「{plan}」：{}。", parts.join("，"))
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
            format!("Plan “{plan}”: {}.", parts.join(", "))
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
    }
}

/// The name of a comparison column: "基准 / Baseline" or the scenario's own name.
pub fn column_name(column: Column, plan: &Plan, lang: Lang) -> String {
    match column {
        Column::Baseline => texts(lang).baseline.to_owned(),
        Column::Scenario(id) => plan
            .scenario(id)
            .map(|s| s.name.clone())
            .unwrap_or_default(),
    }
}

/// The name of a figure.
pub fn metric(m: Metric, lang: Lang) -> String {
    let s = match m {
        Metric::TotalCost => lang.pick("客户管理费总额", "Total cost"),
        Metric::CategoryCost(c) => category(c, lang),
        Metric::StageCost(Stage::Acquisition) => lang.pick("客户获取成本", "Acquisition cost"),
        Metric::StageCost(Stage::Retention) => lang.pick("客户维护成本", "Retention cost"),
        Metric::StageCost(Stage::Service) => lang.pick("客户服务成本", "Service cost"),
        Metric::ServeCost => lang.pick("维护与服务成本", "Serve cost (retention + service)"),
        Metric::Cac => lang.pick("获客成本 CAC", "CAC"),
        Metric::CostToServe => lang.pick("每客户每月服务成本", "Cost to serve per customer-month"),
        Metric::MarginPerCustomerMonth => lang.pick("每客户每月贡献", "Margin per customer-month"),
        Metric::ClvGross => lang.pick("客户终身价值（毛）", "CLV (gross)"),
        Metric::ClvNet => lang.pick("客户终身价值（净）", "CLV (net)"),
        Metric::LtvCac => "LTV:CAC",
        Metric::PaybackMonths => lang.pick("获客成本回收期", "CAC payback"),
        Metric::CostRatio => lang.pick("管理费占收入比", "Cost as share of revenue"),
        Metric::NewCustomers => lang.pick("新增客户", "New customers"),
        Metric::EndCustomers => lang.pick("期末客户数", "End customers"),
        Metric::CustomerMonths => lang.pick("客户月数", "Customer-months"),
        Metric::Revenue => lang.pick("总收入", "Revenue"),
        Metric::FeeRevenue => lang.pick("管理费收入", "Fee revenue"),
        Metric::GrossProfit => lang.pick("毛利", "Gross profit"),
        Metric::NetContribution => lang.pick("净贡献", "Net contribution"),
        Metric::Npv => lang.pick("净贡献现值 NPV", "NPV of net contribution"),
        Metric::BreakEvenMonth => lang.pick("累计回本月", "Break-even month"),
        Metric::FeePerCustomerMonth => lang.pick("每客户每月管理费", "Fee per customer-month"),
        Metric::FeeCoveringCostToServe => {
            lang.pick("覆盖服务成本所需月费", "Fee that covers cost to serve")
        }
        Metric::FeeCoverage => lang.pick("管理费对服务成本的覆盖率", "Fee coverage of serve cost"),
    };
    s.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_metric_and_category_has_distinct_names_in_both_languages() {
        for lang in Lang::ALL {
            let names: Vec<String> = Metric::all().into_iter().map(|m| metric(m, lang)).collect();
            let mut unique = names.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), names.len(), "{lang:?}: {names:?}");
        }
        for c in Category::ALL {
            assert_ne!(category(c, Lang::Zh), category(c, Lang::En));
        }
        for k in BasisKind::ALL {
            assert_ne!(basis_kind(k, Lang::Zh), basis_kind(k, Lang::En));
        }
        for k in LeverKind::ALL {
            assert_ne!(lever_kind(k, Lang::Zh), lever_kind(k, Lang::En));
        }
    }

    #[test]
    fn levers_read_as_sentences() {
        let plan = crate::model::Example::Starter.plan(Lang::Zh);
        let lever = Lever::CategorySpend {
            category: Category::Marketing,
            pct: (-10).into(),
        };
        assert_eq!(describe_lever(&lever, &plan, Lang::Zh), "营销成本 -10%");
        let lever = Lever::LineAmount {
            line: plan.lines[0].id,
            amount: 1000.into(),
        };
        assert_eq!(
            describe_lever(&lever, &plan, Lang::En),
            "“广告投放” set to ¥1,000.00"
        );
    }
}
