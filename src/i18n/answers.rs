//! The words of the Answers tab (sensitivity, goal seek, ranges, attribution).

use crate::model::Lang;

pub struct AnswerTexts {
    pub tab: &'static str,
    pub intro: &'static str,
    pub scenario: &'static str,
    pub metric: &'static str,
    pub tornado_title: &'static str,
    pub tornado_help: &'static str,
    pub swing: &'static str,
    pub driver: &'static str,
    pub lower: &'static str,
    pub higher: &'static str,
    pub spread: &'static str,
    pub as_planned: &'static str,
    pub solve_title: &'static str,
    pub solve_help: &'static str,
    pub solve_input: &'static str,
    pub solve_target: &'static str,
    pub solve_line: &'static str,
    pub solve_button: &'static str,
    pub solve_make: &'static str,
    pub solve_made: &'static str,
    pub solve_stale: &'static str,
    pub solve_again: &'static str,
    pub quick: &'static str,
    pub quick_churn: &'static str,
    pub quick_marketing: &'static str,
    pub quick_revenue: &'static str,
    pub best_found: &'static str,
    pub ranges_title: &'static str,
    pub ranges_help: &'static str,
    pub range_low: &'static str,
    pub range_likely: &'static str,
    pub range_high: &'static str,
    pub range_add: &'static str,
    pub range_remove: &'static str,
    pub range_none: &'static str,
    pub runs: &'static str,
    pub seed: &'static str,
    pub run: &'static str,
    pub cancel: &'static str,
    pub running: &'static str,
    pub cancelled: &'static str,
    pub run_stale: &'static str,
    pub fan_title: &'static str,
    pub p10: &'static str,
    pub p50: &'static str,
    pub p90: &'static str,
    pub undefined_draws: &'static str,
    pub attribution_title: &'static str,
    pub attribution_help: &'static str,
    pub attribution_pick: &'static str,
    pub attribution_sampled: &'static str,
    pub attribution_exact: &'static str,
    pub attributing: &'static str,
    pub attribution_cancelled: &'static str,
    pub lever: &'static str,
    pub share: &'static str,
    pub baseline_value: &'static str,
    pub scenario_value: &'static str,
    pub compute: &'static str,
    pub month: &'static str,
}

static ZH: AnswerTexts = AnswerTexts {
    tab: "分析",
    intro: "回答规划中的常见问题：哪个假设影响最大、要达到目标需要什么数值、结果有多大把握、每项调整各贡献多少。",
    scenario: "分析对象",
    metric: "指标",
    tornado_title: "敏感性分析（龙卷风图）",
    tornado_help: "每次只把一个驱动因素按自身数值调低、调高同一比例，其余保持不变，按指标的变动幅度排序。",
    swing: "调整幅度",
    driver: "驱动因素",
    lower: "调低后",
    higher: "调高后",
    spread: "变动幅度",
    as_planned: "按计划",
    solve_title: "目标求解",
    solve_help: "某个输入要取什么值，指标才能达到目标？在该输入的有效范围内求解。",
    solve_input: "要求解的输入",
    solve_target: "目标值",
    solve_line: "某个预算项的金额",
    solve_button: "求解",
    solve_make: "据此新建情景",
    solve_made: "已新建情景",
    solve_stale: "方案已修改，此答案可能已不成立。",
    solve_again: "重新求解",
    quick: "常见问题",
    quick_churn: "LTV:CAC = 3 需要多高的流失率？",
    quick_marketing: "12 个月回本需要多少营销费用？",
    quick_revenue: "净贡献为 0 时每客户每月收入是多少？",
    best_found: "最接近的结果",
    ranges_title: "取值范围（蒙特卡洛模拟）",
    ranges_help: "为不确定的输入设定下限和上限（计划值为最可能值），按三角分布抽样，得到各指标的 P10 / P50 / P90。相同的随机种子得到相同的结果。",
    range_low: "下限",
    range_likely: "最可能（计划值）",
    range_high: "上限",
    range_add: "添加范围",
    range_remove: "删除范围",
    range_none: "还没有设定取值范围：没有范围时每次抽样的结果都等于计划值。",
    runs: "抽样次数",
    seed: "随机种子",
    run: "运行模拟",
    cancel: "取消",
    running: "正在模拟",
    cancelled: "已取消，以下为已完成抽样的结果",
    run_stale: "方案或分析对象已修改，以下为修改前的模拟结果，请重新运行。",
    fan_title: "累计净贡献的范围（P10–P90，实线为 P50）",
    p10: "P10",
    p50: "P50",
    p90: "P90",
    undefined_draws: "无法计算的抽样",
    attribution_title: "每项调整的贡献（瀑布图）",
    attribution_help: "把情景相对基准的变化分摊到每项调整：按沙普利值计算，与调整的先后顺序无关，各项之和正好等于总变化。",
    attribution_pick: "请在上方选择一个情景，查看其中每项调整的贡献。",
    attribution_sampled: "调整超过 8 项：按固定种子抽取 250 种顺序估算。",
    attribution_exact: "精确计算（全部组合）。",
    attributing: "正在计算",
    attribution_cancelled: "已取消。",
    lever: "调整",
    share: "贡献",
    baseline_value: "基准",
    scenario_value: "情景",
    compute: "计算",
    month: "月",
};

static EN: AnswerTexts = AnswerTexts {
    tab: "Answers",
    intro: "Answers to the questions a plan raises: which assumption matters most, what a figure needs to reach a target, how sure the result is, and what each change did.",
    scenario: "Analyse",
    metric: "Figure",
    tornado_title: "Sensitivity (tornado)",
    tornado_help: "Each driver moved down and up by the same share of its own value, one at a time with everything else held, ranked by how far the figure moves.",
    swing: "Swing",
    driver: "Driver",
    lower: "Moved down",
    higher: "Moved up",
    spread: "Spread",
    as_planned: "As planned",
    solve_title: "Goal seek",
    solve_help: "What must an input be for the figure to reach a target? Solved over the input's valid range.",
    solve_input: "Input to solve for",
    solve_target: "Target",
    solve_line: "A budget line's amount",
    solve_button: "Solve",
    solve_make: "Make a scenario from this",
    solve_made: "Scenario added",
    solve_stale: "The plan has changed since; this answer may no longer hold.",
    solve_again: "Solve again",
    quick: "Common questions",
    quick_churn: "What churn gives LTV:CAC = 3?",
    quick_marketing: "What marketing spend pays back in 12 months?",
    quick_revenue: "What revenue per customer breaks even (net contribution 0)?",
    best_found: "Closest found",
    ranges_title: "Ranges (Monte Carlo)",
    ranges_help: "Give uncertain inputs a low and a high value (the plan's value is the most likely). Draws from triangular distributions give P10 / P50 / P90 of each figure. The same seed gives the same figures.",
    range_low: "Low",
    range_likely: "Likely (plan)",
    range_high: "High",
    range_add: "Add a range",
    range_remove: "Remove range",
    range_none: "No ranges yet: without them every draw equals the plan.",
    runs: "Draws",
    seed: "Seed",
    run: "Run",
    cancel: "Cancel",
    running: "Running",
    cancelled: "Cancelled: figures of the draws made so far",
    run_stale: "The plan or the scenario analysed has changed since this run: run it again.",
    fan_title: "Cumulative net contribution, P10–P90 (line: P50)",
    p10: "P10",
    p50: "P50",
    p90: "P90",
    undefined_draws: "Draws without a value",
    attribution_title: "What each change did (waterfall)",
    attribution_help: "The scenario's change from the baseline, split between its changes by Shapley values: independent of their order, and adding up exactly to the total.",
    attribution_pick: "Choose a scenario above to see what each of its changes did.",
    attribution_sampled: "More than 8 changes: estimated from 250 orders drawn with a fixed seed.",
    attribution_exact: "Exact (every combination).",
    attributing: "Computing",
    attribution_cancelled: "Cancelled.",
    lever: "Change",
    share: "Share",
    baseline_value: "Baseline",
    scenario_value: "Scenario",
    compute: "Compute",
    month: "Month",
};

pub fn answer_texts(lang: Lang) -> &'static AnswerTexts {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// A goal seek's answer as a sentence: in which column, where the driver goes from and to (a
/// category's change: by how much), and what the figure then is.
#[allow(clippy::too_many_arguments)]
pub fn solve_sentence(
    lang: Lang,
    column: &str,
    driver: &str,
    from: &str,
    to: &str,
    up: bool,
    by: bool,
    metric: &str,
    value: &str,
) -> String {
    match (lang, by) {
        (Lang::Zh, true) => format!("在「{column}」中，{driver}变动 {to} 时，{metric}为 {value}。"),
        (Lang::Zh, false) => {
            let verb = if up { "升至" } else { "降至" };
            format!("在「{column}」中，{driver}从 {from} {verb} {to} 时，{metric}为 {value}。")
        }
        (Lang::En, true) => {
            format!("In {column}, {metric} is {value} when {driver} changes by {to}.")
        }
        (Lang::En, false) => {
            let verb = if up { "rises" } else { "falls" };
            format!("In {column}, {metric} is {value} when {driver} {verb} from {from} to {to}.")
        }
    }
}

/// A goal seek's answer shown while another column is chosen.
pub fn solve_other_column(lang: Lang, answered: &str, chosen: &str) -> String {
    match lang {
        Lang::Zh => format!("这是「{answered}」的答案，现在选的是「{chosen}」。"),
        Lang::En => format!("This answer is for {answered}; {chosen} is chosen now."),
    }
}

/// A range of a figure as a sentence: between P10 and P90 lie 8 runs in 10.
pub fn range_sentence(lang: Lang, metric: &str, p10: &str, p90: &str, p50: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("每 10 次模拟中有 8 次，{metric}在 {p10} 至 {p90} 之间；居中的一次为 {p50}。")
        }
        Lang::En => format!(
            "In 8 runs out of 10, {metric} is between {p10} and {p90}; the middle run gives {p50}."
        ),
    }
}

/// A month on an axis: "第 3 月", "Month 3".
pub fn month_label(month: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第 {month} 月"),
        Lang::En => format!("Month {month}"),
    }
}
