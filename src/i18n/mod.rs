//! The text table, in zh-CN and English: the fixed texts here (a struct per language, so a
//! string missing in one language is a compile error, not a blank on the page), names of the
//! model's kinds, [`messages`] (the model's errors as sentences, and the `Describe` trait) and
//! [`phrases`] (sentences built from the user's data). It knows the model and the number
//! formats (`crate::format`) only: state, exchange and charts use it for content. The errors
//! and notices of the layers above the model are worded in `crate::messages`. The model's own
//! example plans and strategy presets carry their names in both languages as data
//! (`model::examples`, `model::presets`).

mod answers;
mod messages;
mod phrases;

pub use answers::*;
pub(crate) use messages::describe;
pub use messages::*;
pub use phrases::*;

use crate::format;
use crate::model::{
    Basis, BasisKind, Category, Column, Lang, Lever, LeverKind, Metric, Plan, Stage,
};
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
    /// The header's toggle between the light and the dark theme.
    pub dark_theme: &'static str,
    pub restore: &'static str,
    pub dismiss: &'static str,
    pub example_banner: &'static str,
    pub example_banner_embedded: &'static str,
    pub start_blank: &'static str,
    pub tab_budget: &'static str,
    pub tab_scenarios: &'static str,
    pub tab_compare: &'static str,
    pub tab_charts: &'static str,
    /// The tabs' names on a phone, in the order of the tabs (all five fit 360 px).
    pub tabs_short: [&'static str; 5],
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
    pub growth: &'static str,
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
    pub seasonality_title: &'static str,
    pub seasonality_none: &'static str,
    pub seasonality_peak: &'static str,
    pub seasonality_help: &'static str,
    pub first_calendar_month: &'static str,
    pub seasonality_paste: &'static str,
    pub seasonality_paste_hint: &'static str,
    pub seasonality_paste_bad: &'static str,
    pub seasonality_clear: &'static str,
    /// The budget table's column of a line's months: a one-time month or a window.
    pub col_months: &'static str,
    pub window_to: &'static str,
    pub col_from_month: &'static str,
    pub col_to_month: &'static str,
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
    pub lever_from_before: &'static str,
    pub lever_from_after: &'static str,
    pub lever_from_label: &'static str,
    pub lever_whole_plan: &'static str,
    pub lever_kind: &'static str,
    pub lever_target: &'static str,
    pub lever_pct: &'static str,
    pub lever_amount: &'static str,
    pub lever_value: &'static str,
    pub line_missing: &'static str,
    pub scenario_has_dangling: &'static str,
    pub no_scenarios: &'static str,
    pub no_levers: &'static str,

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
    pub file_encoding: &'static str,
    pub change_sign: &'static str,
    pub verdict_title: &'static str,
    pub verdict_help: &'static str,
    pub spend_change: &'static str,
    pub best_net: &'static str,
    pub details_title: &'static str,
    pub baseline_numbers: &'static str,
    pub calc_title: &'static str,
    pub compare_with: &'static str,
    pub vs_baseline_suffix: &'static str,
    pub show_difference: &'static str,
    pub calc_help: &'static str,
    pub copy_table: &'static str,

    // Page texts of the components.
    pub show_backups: &'static str,
    pub download_backup: &'static str,
    pub export_all_plans: &'static str,
    pub download_stored: &'static str,
    pub save_without_backup: &'static str,
    pub reload: &'static str,
    pub part_loading: &'static str,
    pub part_failed: &'static str,
    pub try_again: &'static str,
    pub repair: &'static str,
    pub discard: &'static str,
    pub shared_plan: &'static str,
    pub save_copy_to_my_plans: &'static str,
    pub discard_changes_back_to_my: &'static str,
    pub back_to_my_plans: &'static str,
    pub file: &'static str,
    pub menu_share_link: &'static str,
    pub export_this_plan_json: &'static str,
    pub export_all_plans_json_backup: &'static str,
    pub menu_import_json: &'static str,
    pub menu_backups: &'static str,
    pub import_json_label: &'static str,
    pub example: &'static str,
    pub close: &'static str,
    pub cancel: &'static str,
    pub import_plan: &'static str,
    pub import: &'static str,
    pub import_plans: &'static str,
    pub repaired_while_reading: &'static str,
    pub add_all_keeps_your_plans: &'static str,
    pub add_all: &'static str,
    pub replace_all_my_plans: &'static str,
    pub not_imported_nothing_was_changed: &'static str,
    pub not_imported: &'static str,
    pub these_plans_were_also_changed: &'static str,
    pub each_tab_has_changes_other: &'static str,
    pub export_this_tab_s_version: &'static str,
    pub use_other_tab_s_version: &'static str,
    pub keep_this_tab_s_version: &'static str,
    pub import_budget_lines: &'static str,
    pub add_to_this_plan: &'static str,
    pub replace_this_plan_s_lines: &'static str,
    /// Marks an imported line whose name the plan has.
    pub already_in_plan: &'static str,
    pub share_link: &'static str,
    pub link_itself_carries_all_of: &'static str,
    pub copied: &'static str,
    pub copy_link: &'static str,
    pub no_link_for_this_plan: &'static str,
    pub export_plan_file: &'static str,
    pub no_name: &'static str,
    pub download: &'static str,
    pub backups_title: &'static str,
    pub when_page_finds_saved_data: &'static str,
    pub no_backups: &'static str,
    pub export_csv: &'static str,
    pub import_csv: &'static str,
    pub import_budget_lines_csv: &'static str,
    pub download_png: &'static str,
    pub list_separator: &'static str,
    pub label_separator: &'static str,
    pub skip_to_main_content: &'static str,
    pub open_full_planner: &'static str,
    pub menu_report: &'static str,
    pub menu_embed: &'static str,
    pub embed_title: &'static str,
    pub embed_help: &'static str,
    pub embed_view: &'static str,
    pub view_full: &'static str,
    pub view_calculator: &'static str,
    pub view_presentation: &'static str,
    pub view_full_about: &'static str,
    pub view_calculator_about: &'static str,
    pub view_presentation_about: &'static str,
    pub embed_lang_visitor: &'static str,
    pub embed_theme: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub theme_auto: &'static str,
    pub embed_accent: &'static str,
    pub embed_bg: &'static str,
    pub embed_text: &'static str,
    pub embed_colour_default: &'static str,
    /// `{}`: the contrast ratio, such as 2.3:1.
    pub embed_low_contrast: &'static str,
    pub embed_font: &'static str,
    pub font_default: &'static str,
    pub embed_radius: &'static str,
    pub embed_prefill: &'static str,
    pub embed_cta_label: &'static str,
    pub embed_cta_url: &'static str,
    pub embed_cta_share: &'static str,
    pub embed_host: &'static str,
    pub embed_snippet: &'static str,
    pub embed_iframe: &'static str,
    pub embed_preview: &'static str,
    pub copy_code: &'static str,
    pub embed_bad_url: &'static str,
    pub report_title: &'static str,
    pub report_print: &'static str,
    pub report_back: &'static str,
    pub report_assumptions: &'static str,
    pub report_budget: &'static str,
    pub report_prepared_by: &'static str,
    pub report_help: &'static str,
    pub embed_note: &'static str,
    pub kept_on_this_page: &'static str,
    pub plan_too_large_for_link: &'static str,
    pub sentence_separator: &'static str,
    pub break_even_line: &'static str,
    pub ltv_cac_summary: &'static str,
    pub break_even_month: &'static str,
    pub line_deleted: &'static str,
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
    dark_theme: "深色模式",
    restore: "恢复",
    dismiss: "关闭",
    example_banner: "这是示例方案：其中的数字是演示用的假设，可直接修改，修改会自动保存。",
    example_banner_embedded: "这是示例方案：其中的数字是演示用的假设，可直接修改，修改只留在本页。",
    start_blank: "从空白方案开始",
    tab_budget: "预算与客户",
    tab_scenarios: "优化情景",
    tab_compare: "情景对比",
    tab_charts: "图表",
    tabs_short: ["预算", "情景", "对比", "图表", "分析"],
    headline_title: "核心指标",
    headline_help: "规划期内的合计与单位经济指标，每次修改即时重算。“客户管理成本”即文中的客户管理费支出；在表头或“情景对比”中指向或点按指标名称，可查看定义和算式。",
    baseline: "基准",
    scenario: "情景",
    model_error: "无法计算",

    economics_title: "客户与经营假设",
    currency: "货币",
    horizon: "规划期（月）",
    starting_customers: "期初客户数",
    new_customers: "每月新增客户",
    growth: "新增客户月增长率（%）",
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
    seasonality_title: "季节性",
    seasonality_none: "未设置：每月新增客户相同",
    seasonality_peak: "旺季",
    seasonality_help: "每个日历月的新增客户占计划的百分比（100 = 按计划）。如双十一所在的 11 月填 200，春节所在的 2 月填 60。",
    first_calendar_month: "第 1 个月是",
    seasonality_paste: "从表格粘贴一行 12 个数",
    seasonality_paste_hint: "1 月到 12 月，用制表符、逗号或空格分隔",
    seasonality_paste_bad: "需要 12 个 0 到 1000 之间的数",
    seasonality_clear: "不设季节性",
    col_months: "月份",
    window_to: "至",
    col_from_month: "起始月份",
    col_to_month: "结束月份",
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
    lever_from_before: "自第",
    lever_from_after: "个月起生效",
    lever_from_label: "生效起始月份（留空为第 1 个月）",
    lever_whole_plan: "作用于整个规划期",
    lever_kind: "调整类型",
    lever_target: "对象",
    lever_pct: "变动（%）",
    lever_amount: "金额",
    lever_value: "数值",
    line_missing: "该预算项已不存在，此调整不起作用",
    scenario_has_dangling: "有调整失效",
    no_scenarios: "还没有情景。",
    no_levers: "没有调整项：此情景与基准相同。",

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
    change_sign: "切换正负号",
    verdict_title: "结论",
    verdict_help: "每个情景与基准相比：净贡献和支出的变化，以及 LTV:CAC 与回收期。",
    spend_change: "支出",
    best_net: "净贡献最高",
    details_title: "明细",
    baseline_numbers: "基准：",
    calc_title: "计算过程：逐月明细",
    compare_with: "与基准对比的情景",
    vs_baseline_suffix: "（与基准的差额）",
    show_difference: "显示与基准的差额",
    calc_help: "核心指标背后的逐月数据：客户数、各类客户管理成本、收入与净贡献。客户数是按流失率算出的平均值（期望值），所以 100 以下会带小数，各月相加仍然吻合。可复制后粘贴到 Excel 或 WPS（复制的是精确值）。",
    copy_table: "复制为表格",
    file_encoding: "无法识别文件的文字编码（支持 UTF-8、UTF-16 和 GBK/GB18030）。请在 Excel 或 WPS 中“另存为 CSV UTF-8”后再导入。",
    show_backups: "查看备份",
    download_backup: "下载备份",
    export_all_plans: "导出全部方案",
    download_stored: "下载已保存的数据",
    save_without_backup: "不备份，继续保存",
    reload: "重新加载",
    part_loading: "正在加载…",
    part_failed: "这部分功能未能加载（可能是网络已断开）。联网后再试一次。",
    try_again: "重试",
    repair: "修复",
    discard: "丢弃",
    shared_plan: "分享的方案",
    save_copy_to_my_plans: "保存副本到我的方案",
    discard_changes_back_to_my: "放弃修改，回到我的方案",
    back_to_my_plans: "不保存，回到我的方案",
    file: "文件",
    menu_share_link: "分享链接…",
    export_this_plan_json: "导出当前方案（JSON）",
    export_all_plans_json_backup: "导出全部方案（JSON 备份）",
    menu_import_json: "导入 JSON 文件…",
    menu_backups: "备份…",
    import_json_label: "导入 JSON 文件",
    example: "示例",
    close: "关闭",
    cancel: "取消",
    import_plan: "导入方案",
    import: "导入",
    import_plans: "导入全部方案",
    repaired_while_reading: "读取时已自动修复：",
    add_all_keeps_your_plans: "“全部加入”保留现有方案；“替换”用文件中的方案取代现有全部方案（可撤销）。",
    add_all: "全部加入",
    replace_all_my_plans: "替换我的全部方案",
    not_imported_nothing_was_changed: "无法导入：没有做任何修改",
    not_imported: "无法导入",
    these_plans_were_also_changed: "另一个标签页也修改了这些方案",
    each_tab_has_changes_other: "两个标签页都有对方没有的修改，都还没有丢失。请选择保留哪一份；不确定时，先导出本页的版本作备份。",
    export_this_tab_s_version: "导出本页的版本",
    use_other_tab_s_version: "使用另一标签页的版本",
    keep_this_tab_s_version: "保留本页的版本",
    import_budget_lines: "导入预算项",
    add_to_this_plan: "追加到当前方案",
    replace_this_plan_s_lines: "替换当前方案的全部预算项",
    already_in_plan: "已在方案中",
    share_link: "分享链接",
    link_itself_carries_all_of: "链接本身包含这个方案的全部数据（不经过任何服务器）。只分享给可以看到这些数据的人。打开链接的人会先看到方案，再决定是否保存副本。",
    copied: "已复制",
    copy_link: "复制链接",
    no_link_for_this_plan: "无法生成链接",
    export_plan_file: "导出方案文件",
    no_name: "（无名称）",
    download: "下载",
    backups_title: "备份",
    when_page_finds_saved_data: "当本页面发现无法完整读取的已保存数据时，会先原样保留一份备份，再写入新数据。备份最多保留 5 份，超出时最早的会被删除。",
    no_backups: "没有备份。",
    export_csv: "导出 CSV",
    import_csv: "导入 CSV…",
    import_budget_lines_csv: "导入预算项 CSV",
    download_png: "下载 PNG",
    list_separator: "，",
    label_separator: "：",
    skip_to_main_content: "跳到主要内容",
    open_full_planner: "在完整规划器中打开 ↗",
    menu_report: "客户报告（打印 / PDF）…",
    menu_embed: "嵌入到你的网站…",
    embed_title: "嵌入到你的网站",
    embed_help: "选择选项，复制代码，粘贴到你网站的页面中。访客在嵌入页里的修改只留在该页，不会进入你或他们的浏览器存储。",
    embed_view: "显示内容",
    view_full: "完整规划器",
    view_calculator: "简洁计算器",
    view_presentation: "只读展示",
    view_full_about: "全部五个标签页，和这里一样。",
    view_calculator_about: "经济参数、预算、核心指标和一张图。",
    view_presentation_about: "本方案及其情景对比，只能查看。",
    embed_lang_visitor: "按访客的浏览器",
    embed_theme: "主题",
    theme_light: "浅色",
    theme_dark: "深色",
    theme_auto: "跟随访客的系统",
    embed_accent: "强调色",
    embed_bg: "背景色",
    embed_text: "文字颜色",
    embed_colour_default: "恢复默认",
    embed_low_contrast: "文字与背景的对比度只有 {}，低于 4.5:1：嵌入时将使用默认配色。",
    embed_font: "字体",
    font_default: "默认",
    embed_radius: "圆角（像素，0–24）",
    embed_prefill: "预先填入当前方案",
    embed_cta_label: "行动按钮文字（可选）",
    embed_cta_url: "行动按钮链接（https）",
    embed_cta_share: "附上访客的方案链接",
    embed_host: "你的机构名称（印在报告上）",
    embed_snippet: "嵌入代码（自动调整高度，可接收事件）",
    embed_iframe: "不允许脚本的网站可用 iframe（固定高度）",
    embed_preview: "预览",
    copy_code: "复制代码",
    embed_bad_url: "请输入以 https:// 开头的地址。",
    report_title: "客户管理费规划报告",
    report_print: "打印 / 另存为 PDF",
    report_back: "返回规划器",
    report_assumptions: "假设",
    report_budget: "预算：按类别和阶段",
    report_prepared_by: "编制",
    report_help: "这是按 A4 排版的报告预览。在打印对话框中选择“另存为 PDF”即可得到 PDF 文件。",
    embed_note: "这里的修改只留在本页；在完整规划器中打开即可保存到你的浏览器。",
    kept_on_this_page: "只保留在本页",
    plan_too_large_for_link: "方案太大，无法放进链接：请在完整规划器中导入方案文件。",
    sentence_separator: "；",
    break_even_line: "盈亏平衡线（0）",
    ltv_cac_summary: "每个情景的客户终身价值（净）与获客成本之比；3:1 是常用的经验线。",
    break_even_month: "回本月份",
    line_deleted: "（已删除的预算项）",
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
    dark_theme: "Dark theme",
    restore: "Restore",
    dismiss: "Dismiss",
    example_banner: "This is an example plan: its figures are illustrative assumptions. Edit freely; changes are saved automatically.",
    example_banner_embedded: "This is an example plan: its figures are illustrative assumptions. Edit freely; changes stay on this page.",
    start_blank: "Start from a blank plan",
    tab_budget: "Budget & customers",
    tab_scenarios: "Scenarios",
    tab_compare: "Comparison",
    tab_charts: "Charts",
    tabs_short: ["Budget", "Scenarios", "Compare", "Charts", "Answers"],
    headline_title: "Headline figures",
    headline_help: "Totals and unit economics over the horizon, recomputed on every edit. Point at or tap a figure's name in the table header or in the comparison for its definition and formula.",
    baseline: "Baseline",
    scenario: "Scenario",
    model_error: "Cannot compute",

    economics_title: "Customers and economics",
    currency: "Currency",
    horizon: "Horizon (months)",
    starting_customers: "Starting customers",
    new_customers: "New customers per month",
    growth: "New customers' monthly growth (%)",
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
    seasonality_title: "Seasonality",
    seasonality_none: "None: the same new customers every month",
    seasonality_peak: "peak",
    seasonality_help: "Each calendar month's new customers as a percentage of the plan (100 = as planned): 200 for a November with Singles' Day, 60 for a February with the Spring Festival.",
    first_calendar_month: "Month 1 is",
    seasonality_paste: "Paste a row of 12 numbers from a spreadsheet",
    seasonality_paste_hint: "January to December, separated by tabs, commas or spaces",
    seasonality_paste_bad: "Needs 12 numbers from 0 to 1000",
    seasonality_clear: "No seasonality",
    col_months: "Months",
    window_to: "to",
    col_from_month: "From month",
    col_to_month: "To month",
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
    lever_from_before: "From month",
    lever_from_after: "on",
    lever_from_label: "Month it takes effect from (blank: month 1)",
    lever_whole_plan: "Acts on the whole plan",
    lever_kind: "Change",
    lever_target: "Applies to",
    lever_pct: "Change (%)",
    lever_amount: "Amount",
    lever_value: "Value",
    line_missing: "That line no longer exists; this change does nothing",
    scenario_has_dangling: "a change points at nothing",
    no_scenarios: "No scenarios yet.",
    no_levers: "No changes: this scenario equals the baseline.",

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
    change_sign: "Change the sign",
    verdict_title: "Verdict",
    verdict_help: "Each scenario against the baseline: the change in net contribution and in spend, with LTV:CAC and payback.",
    spend_change: "Spend",
    best_net: "Highest net contribution",
    details_title: "Details",
    baseline_numbers: "Baseline:",
    calc_title: "How this is calculated: month by month",
    compare_with: "Scenario beside the baseline",
    vs_baseline_suffix: " (difference from baseline)",
    show_difference: "Show the difference from the baseline",
    calc_help: "The monthly figures behind the headline: customers, each category of cost, revenue and net contribution. Customer counts are averages (expected values) from the churn rate, so below 100 they keep their fraction and the months still add up. Copy them into a spreadsheet (the copy is exact).",
    copy_table: "Copy as table",
    file_encoding: "The file's text encoding was not recognised (UTF-8, UTF-16 and GBK/GB18030 are read). Save it as \"CSV UTF-8\" in Excel or WPS and import it again.",
    show_backups: "Show backups",
    download_backup: "Download the backup",
    export_all_plans: "Export all plans",
    download_stored: "Download the saved data",
    save_without_backup: "Save without a backup",
    reload: "Reload",
    part_loading: "Loading…",
    part_failed: "This part of the planner could not be loaded (the network may be off). Try again when you are online.",
    try_again: "Try again",
    repair: "Repair",
    discard: "Discard",
    shared_plan: "Shared plan",
    save_copy_to_my_plans: "Save a copy to my plans",
    discard_changes_back_to_my: "Discard changes, back to my plans",
    back_to_my_plans: "Back to my plans",
    file: "File",
    menu_share_link: "Share link…",
    export_this_plan_json: "Export this plan (JSON)",
    export_all_plans_json_backup: "Export all plans (JSON backup)",
    menu_import_json: "Import a JSON file…",
    menu_backups: "Backups…",
    import_json_label: "Import a JSON file",
    example: "Example",
    close: "Close",
    cancel: "Cancel",
    import_plan: "Import a plan",
    import: "Import",
    import_plans: "Import plans",
    repaired_while_reading: "Repaired while reading:",
    add_all_keeps_your_plans: "“Add all” keeps your plans; “Replace” swaps all your plans for the file's (you can undo it).",
    add_all: "Add all",
    replace_all_my_plans: "Replace all my plans",
    not_imported_nothing_was_changed: "Not imported: nothing was changed",
    not_imported: "Not imported",
    these_plans_were_also_changed: "These plans were also changed in another tab",
    each_tab_has_changes_other: "Each tab has changes the other lacks, and nothing is lost yet. Choose which version to keep; if unsure, export this tab's version first.",
    export_this_tab_s_version: "Export this tab's version",
    use_other_tab_s_version: "Use the other tab's version",
    keep_this_tab_s_version: "Keep this tab's version",
    import_budget_lines: "Import budget lines",
    add_to_this_plan: "Add to this plan",
    replace_this_plan_s_lines: "Replace this plan's lines",
    already_in_plan: "in the plan",
    share_link: "Share link",
    link_itself_carries_all_of: "The link itself carries all of this plan's data (no server involved). Share it only with people who may see it. Whoever opens it sees the plan first and chooses whether to save a copy.",
    copied: "Copied",
    copy_link: "Copy link",
    no_link_for_this_plan: "No link for this plan",
    export_plan_file: "Export the plan file",
    no_name: "(no name)",
    download: "Download",
    backups_title: "Backups",
    when_page_finds_saved_data: "When the page finds saved data it cannot read in full, it keeps a copy as it was before writing anything. At most 5 backups are kept; the oldest go first.",
    no_backups: "No backups.",
    export_csv: "Export CSV",
    import_csv: "Import CSV…",
    import_budget_lines_csv: "Import budget lines CSV",
    download_png: "Download PNG",
    list_separator: ", ",
    label_separator: ": ",
    skip_to_main_content: "Skip to main content",
    open_full_planner: "Open in the full planner ↗",
    menu_report: "Client report (print / PDF)…",
    menu_embed: "Embed on your site…",
    embed_title: "Embed on your site",
    embed_help: "Choose the options, copy the code and paste it into a page of your site. What visitors change in the embed stays on that page, never in your or their browser's storage.",
    embed_view: "What it shows",
    view_full: "The full planner",
    view_calculator: "A compact calculator",
    view_presentation: "A read-only presentation",
    view_full_about: "All five tabs, as here.",
    view_calculator_about: "Economics, budget, headline figures and one chart.",
    view_presentation_about: "This plan and its comparison, to look at only.",
    embed_lang_visitor: "The visitor's browser",
    embed_theme: "Theme",
    theme_light: "Light",
    theme_dark: "Dark",
    theme_auto: "Follow the visitor's system",
    embed_accent: "Accent colour",
    embed_bg: "Background colour",
    embed_text: "Text colour",
    embed_colour_default: "Default",
    embed_low_contrast: "Text and background contrast only {}, below 4.5:1: the embed will use the default colours.",
    embed_font: "Font",
    font_default: "Default",
    embed_radius: "Corner radius (px, 0–24)",
    embed_prefill: "Prefill with this plan",
    embed_cta_label: "Call-to-action label (optional)",
    embed_cta_url: "Call-to-action address (https)",
    embed_cta_share: "Attach the visitor's plan link",
    embed_host: "Your organisation's name (on the printed report)",
    embed_snippet: "Embed code (fits its height, sends events)",
    embed_iframe: "For sites that do not allow scripts: an iframe (fixed height)",
    embed_preview: "Preview",
    copy_code: "Copy code",
    embed_bad_url: "Enter an address starting with https://.",
    report_title: "Customer management cost plan",
    report_print: "Print / save as PDF",
    report_back: "Back to the planner",
    report_assumptions: "Assumptions",
    report_budget: "Budget by category and stage",
    report_prepared_by: "Prepared by",
    report_help: "A preview of the report laid out for A4 pages. Choose “Save as PDF” in the print dialog for a PDF file.",
    embed_note: "Changes here stay on this page; open the full planner to keep them in your browser.",
    kept_on_this_page: "Kept on this page",
    plan_too_large_for_link: "The plan is too large for a link: import a plan file in the full planner.",
    sentence_separator: "; ",
    break_even_line: "Break-even line (0)",
    ltv_cac_summary: "Each scenario's net customer lifetime value over acquisition cost; 3:1 is a common rule of thumb.",
    break_even_month: "Break-even month",
    line_deleted: "(deleted line)",
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

pub fn metric_group(g: crate::model::MetricGroup, lang: Lang) -> &'static str {
    use crate::model::MetricGroup as G;
    match g {
        G::Costs => lang.pick("客户管理成本（支出）", "Customer management costs (spend)"),
        G::UnitEconomics => lang.pick("单位经济", "Unit economics"),
        G::Customers => lang.pick("客户数", "Customers"),
        G::RevenueProfit => lang.pick("收入与利润", "Revenue and profit"),
        G::Fees => lang.pick(
            "向客户收取的客户管理费",
            "Management fee charged to customers",
        ),
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
        LeverKind::Seasonality => lang.pick("季节波动幅度变动", "Seasonal swing"),
        LeverKind::Set => lang.pick("设定数值", "Set a value"),
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
        Lever::Seasonality { pct } => format!(
            "{} {}",
            lang.pick("季节波动幅度", "Seasonal swing"),
            format::signed_pct(*pct)
        ),
        Lever::Set { input, value } => match lang {
            Lang::Zh => format!(
                "{}设为 {}",
                input_name(*input, plan, lang),
                input_value(*input, *value, &plan.currency)
            ),
            Lang::En => format!(
                "{} set to {}",
                input_name(*input, plan, lang),
                input_value(*input, *value, &plan.currency)
            ),
        },
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
        Metric::TotalCost => lang.pick("客户管理成本总额", "Total cost"),
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
        Metric::CostRatio => lang.pick("管理成本占收入比", "Cost as share of revenue"),
        Metric::NewCustomers => lang.pick("新增客户", "New customers"),
        Metric::EndCustomers => lang.pick("期末客户数", "End customers"),
        Metric::CustomerMonths => lang.pick("客户月数", "Customer-months"),
        Metric::Revenue => lang.pick("总收入", "Revenue"),
        Metric::FeeRevenue => lang.pick("向客户收取的管理费", "Fees charged to customers"),
        Metric::GrossProfit => lang.pick("毛利", "Gross profit"),
        Metric::NetContribution => lang.pick("净贡献", "Net contribution"),
        Metric::Npv => lang.pick("净贡献现值 NPV", "NPV of net contribution"),
        Metric::BreakEvenMonth => lang.pick("累计回本月", "Break-even month"),
        Metric::FeePerCustomerMonth => {
            lang.pick("每客户每月收费", "Fee charged per customer-month")
        }
        Metric::FeeCoveringCostToServe => {
            lang.pick("覆盖服务成本所需月费", "Fee that covers cost to serve")
        }
        Metric::FeeCoverage => lang.pick("收费对服务成本的覆盖率", "Fee coverage of serve cost"),
    };
    s.to_owned()
}

/// The header of a column of the month-by-month grid.
pub fn month_column(c: crate::model::MonthColumn, lang: Lang) -> String {
    use crate::model::MonthColumn as C;
    let s = match c {
        C::Month => lang.pick("月份", "Month"),
        C::StartCustomers => lang.pick("月初客户", "Customers at start"),
        C::NewCustomers => lang.pick("新增客户", "New customers"),
        C::Churned => lang.pick("流失客户", "Churned"),
        C::EndCustomers => lang.pick("月末客户", "Customers at end"),
        C::ProductRevenue => lang.pick("产品收入", "Product revenue"),
        C::GrossProfit => lang.pick("毛利", "Gross profit"),
        C::FeeRevenue => lang.pick("向客户收取的管理费", "Fees charged"),
        C::Category(cat) => category(cat, lang),
        C::Cost => lang.pick("客户管理成本合计", "Total cost"),
        C::NetContribution => lang.pick("净贡献", "Net contribution"),
        C::Cumulative => lang.pick("累计净贡献", "Cumulative net contribution"),
    };
    s.to_owned()
}

/// What a figure counts and why it may be missing: the definition shown on hover, focus and
/// tap. The formula in the user's numbers is added by the page from the model's figures.
pub fn metric_definition(m: Metric, lang: Lang) -> String {
    let s = match m {
        Metric::TotalCost => lang.pick(
            "规划期内获取、维护和服务客户的全部支出，即文中所说的“客户管理费”（营销、售后、客服、CRM、培训与薪酬等），按各预算项的计费方式逐月累加。",
            "Everything spent over the horizon to acquire, retain and serve customers (the article's 客户管理费: marketing, after-sales, support, CRM, training and pay), each line added up month by month by its basis.",
        ),
        Metric::CategoryCost(_) => lang.pick(
            "该类别的预算项在规划期内的支出合计。",
            "What this category's lines cost over the horizon.",
        ),
        Metric::StageCost(Stage::Acquisition) => lang.pick(
            "标为“客户获取”阶段的预算项在规划期内的支出，是计算 CAC 的分子。",
            "Spend of lines in the acquisition stage over the horizon: the numerator of CAC.",
        ),
        Metric::StageCost(_) => lang.pick(
            "该阶段的预算项在规划期内的支出合计。",
            "What this stage's lines cost over the horizon.",
        ),
        Metric::ServeCost => lang.pick(
            "客户维护与客户服务两个阶段的支出之和。",
            "Retention plus service spend over the horizon.",
        ),
        Metric::Cac => lang.pick(
            "获取一位新客户平均花费多少。没有新增客户时无法计算。",
            "What winning one new customer costs on average. Undefined when no customers are won.",
        ),
        Metric::CostToServe => lang.pick(
            "每位客户每个月的维护与服务支出。没有客户时无法计算。",
            "Retention and service spend per customer per month. Undefined when there are no customers.",
        ),
        Metric::MarginPerCustomerMonth => lang.pick(
            "每位客户每月的毛利（每客户月收入 × 毛利率）加上向客户收取的月费，减去每客户每月服务成本。",
            "Per customer per month: revenue × gross margin, plus the fee charged to the customer, minus the cost to serve.",
        ),
        Metric::ClvGross => lang.pick(
            "一位客户在整个生命周期内带来的毛利（未扣服务成本），按流失率和折现率计算：月毛利 × (1+d) ÷ (d + 流失率)。流失率和折现率都为 0 时无法计算。",
            "Gross margin a customer brings over their lifetime, before the cost to serve: monthly margin × (1+d) ÷ (d + churn). Undefined when churn and discount are both 0.",
        ),
        Metric::ClvNet => lang.pick(
            "扣除服务成本后的客户终身价值：每客户每月贡献 × (1+d) ÷ (d + 流失率)。",
            "Lifetime value after the cost to serve: margin per customer-month × (1+d) ÷ (d + churn).",
        ),
        Metric::LtvCac => lang.pick(
            "客户终身价值（净）是获客成本的多少倍；常用经验值为 3 倍以上。获客成本为 0 时无法计算。",
            "How many times its acquisition cost a customer returns over their lifetime; 3× or more is a common rule of thumb. Undefined when CAC is 0.",
        ),
        Metric::PaybackMonths => lang.pick(
            "用每客户每月贡献收回获客成本需要几个月。每月贡献不为正时永远收不回。",
            "Months of margin per customer needed to earn back CAC. Never, when that margin is not positive.",
        ),
        Metric::CostRatio => lang.pick(
            "客户管理成本占总收入的比例。没有收入时无法计算。",
            "Customer management cost as a share of revenue. Undefined without revenue.",
        ),
        Metric::NewCustomers => lang.pick("规划期内新增的客户数。", "Customers won over the horizon."),
        Metric::EndCustomers => lang.pick(
            "规划期最后一个月月末的客户数（模型按平均值计算，可能有小数）。",
            "Customers at the end of the last month (the model works with averages, so fractions appear).",
        ),
        Metric::CustomerMonths => lang.pick(
            "每个月月末客户数之和：服务成本按它分摊。",
            "The sum of each month's end customers: what the cost to serve is spread over.",
        ),
        Metric::Revenue => lang.pick(
            "产品收入与向客户收取的客户管理费之和。",
            "Product revenue plus the management fee charged to customers.",
        ),
        Metric::FeeRevenue => lang.pick(
            "按收费档位向客户收取的客户管理费收入（不是公司的支出）。",
            "Management fees charged to customers by tier (income, not the company's spend).",
        ),
        Metric::GrossProfit => lang.pick(
            "产品收入 × 毛利率。",
            "Product revenue × gross margin.",
        ),
        Metric::NetContribution => lang.pick(
            "毛利加向客户收取的管理费，再减去客户管理成本：这些投入最终留下多少。",
            "Gross profit plus fees charged, minus the customer management cost: what the spend leaves.",
        ),
        Metric::Npv => lang.pick(
            "各月净贡献按年折现率折现后的合计。",
            "Each month's net contribution discounted at the annual rate, added up.",
        ),
        Metric::BreakEvenMonth => lang.pick(
            "累计净贡献从此月起不再为负。规划期内未回本时无法给出。",
            "The month from which cumulative net contribution stays non-negative. None within the horizon if it never does.",
        ),
        Metric::FeePerCustomerMonth => lang.pick(
            "按各档位占比加权，平均每位客户每月交的管理费。",
            "The fee an average customer pays a month, weighted by tier share.",
        ),
        Metric::FeeCoveringCostToServe => lang.pick(
            "要让收费刚好覆盖服务成本，每位客户每月需交的费用。",
            "The monthly fee per customer that would just cover the cost to serve.",
        ),
        Metric::FeeCoverage => lang.pick(
            "向客户收取的管理费收入能覆盖多少维护与服务支出。",
            "How much of the retention and service spend the fees charged cover.",
        ),
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
