//! What to draw, without drawing it: series, ranges, ticks, labels, legends and the text
//! alternative of each chart. Pure, tested natively. `draw.rs` turns a [`ChartSpec`] into pixels.
//!
//! Values here are `f64` because they only position pixels; every number a person reads (tick
//! labels, the data tables) is formatted from the model's exact decimals.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::format;
use crate::i18n::{self, texts};
use crate::model::{Category, Comparison, Figure, Lang, Metric, Plan, Stage};

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Colours per scenario (baseline first), the same in every chart. Colour-blind-safe first.
pub const SCENARIO_COLORS: [Rgb; 12] = [
    Rgb(0x33, 0x41, 0x55), // baseline: slate
    Rgb(0x00, 0x72, 0xb2), // blue
    Rgb(0xe6, 0x9f, 0x00), // orange
    Rgb(0x00, 0x9e, 0x73), // green
    Rgb(0xcc, 0x79, 0xa7), // pink
    Rgb(0xd5, 0x5e, 0x00), // vermillion
    Rgb(0x56, 0xb4, 0xe9), // sky
    Rgb(0x8c, 0x56, 0x4b), // brown
    Rgb(0x7f, 0x3c, 0x8d), // purple
    Rgb(0x11, 0x77, 0x33), // dark green
    Rgb(0x88, 0x22, 0x55), // wine
    Rgb(0x99, 0x99, 0x33), // olive
];

pub const CATEGORY_COLORS: [Rgb; 6] = [
    Rgb(0x1f, 0x5f, 0x8b),
    Rgb(0xe0, 0x8e, 0x0b),
    Rgb(0x2a, 0x9d, 0x8f),
    Rgb(0x8e, 0x5e, 0xa2),
    Rgb(0xd6, 0x4f, 0x4f),
    Rgb(0x9a, 0xa5, 0xb1),
];

pub const STAGE_COLORS: [Rgb; 3] = [
    Rgb(0x1f, 0x5f, 0x8b),
    Rgb(0x2a, 0x9d, 0x8f),
    Rgb(0xe0, 0x8e, 0x0b),
];

/// The colours a chart is drawn in besides its series: the page's theme, read from the root
/// element's `--ccp-chart-*` custom properties (style/main.css), so a dark page draws a dark
/// chart. The baseline's slate is the theme's too: on a dark background it is light.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub background: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    pub grid: Rgb,
    pub axis: Rgb,
    pub baseline: Rgb,
    pub reference: Rgb,
}

impl Palette {
    pub const LIGHT: Palette = Palette {
        background: Rgb(0xff, 0xff, 0xff),
        text: Rgb(0x33, 0x41, 0x55),
        muted: Rgb(0x64, 0x74, 0x8b),
        grid: Rgb(0xe2, 0xe8, 0xf0),
        axis: Rgb(0x94, 0xa3, 0xb8),
        baseline: SCENARIO_COLORS[0],
        reference: REFERENCE_COLOR,
    };

    /// The palette of custom properties read by `property` (a name such as
    /// `--ccp-chart-text` → its value); a missing or unreadable one keeps the light colour.
    pub fn from_properties(property: impl Fn(&str) -> String) -> Palette {
        let l = Palette::LIGHT;
        let read = |name: &str, fallback: Rgb| Rgb::parse(&property(name)).unwrap_or(fallback);
        Palette {
            background: read("--ccp-chart-bg", l.background),
            text: read("--ccp-chart-text", l.text),
            muted: read("--ccp-chart-muted", l.muted),
            grid: read("--ccp-chart-grid", l.grid),
            axis: read("--ccp-chart-axis", l.axis),
            baseline: read("--ccp-chart-baseline", l.baseline),
            reference: read("--ccp-chart-reference", l.reference),
        }
    }

    /// A series colour on this palette: the baseline's is the theme's.
    pub fn series(&self, c: Rgb) -> Rgb {
        if c == SCENARIO_COLORS[0] {
            self.baseline
        } else if c == REFERENCE_COLOR {
            self.reference
        } else {
            c
        }
    }
}

impl Rgb {
    /// `#rrggbb` or `#rgb` (surrounding space allowed), as a custom property gives it.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim().strip_prefix('#')?;
        let digit = |i: usize, n: usize| u8::from_str_radix(hex.get(i..i + n)?, 16).ok();
        match hex.len() {
            6 => Some(Rgb(digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
            3 => Some(Rgb(digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17)),
            _ => None,
        }
    }
}

/// The colour of the scenario at `position` (0 = baseline).
pub fn scenario_color(position: usize) -> Rgb {
    SCENARIO_COLORS[position % SCENARIO_COLORS.len()]
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub value: f64,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub min: f64,
    pub max: f64,
    pub ticks: Vec<Tick>,
}

/// One bar: a stack of segments from zero upwards (or one negative segment).
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub segments: Vec<(f64, Rgb)>,
    /// Text above the bar (a value, or why there is none).
    pub note: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub name: String,
    pub color: Rgb,
    pub points: Vec<(f64, f64)>,
    /// A point to mark: the break-even month, on the break-even (zero) line.
    pub marker: Option<(f64, f64)>,
    /// How many earlier lines mark the same month: the marker is drawn that many steps up, so
    /// scenarios that break even together do not hide each other.
    pub marker_stack: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Marks {
    /// Bars at x = 0, 1, …, each centred at i + 0.5.
    Bars(Vec<Bar>),
    Lines(Vec<Line>),
}

/// How a non-series legend entry is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// A dashed line in the reference colour.
    Dashed,
    /// A dot, as on the lines.
    Dot,
}

/// The colour of reference lines.
pub const REFERENCE_COLOR: Rgb = Rgb(0xb9, 0x1c, 0x1c);

/// The chart's data as a table: the text alternative a screen reader reaches.
#[derive(Clone, Debug, PartialEq)]
pub struct DataTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// Which chart this is (its stable key is the page's `data-chart`).
    pub id: ChartId,
    pub title: String,
    /// One or two sentences that say what the chart shows.
    pub summary: String,
    pub x: Axis,
    pub y: Axis,
    pub marks: Marks,
    /// A horizontal reference line and its label (the 3:1 rule of thumb, zero).
    pub reference: Option<(f64, String)>,
    pub legend: Vec<(String, Rgb)>,
    /// Legend entries for marks that are not series: the reference line, break-even points.
    pub marks_legend: Vec<(String, MarkKind)>,
    pub table: DataTable,
}

fn f(x: Decimal) -> f64 {
    x.to_f64().unwrap_or(0.0)
}

/// A "nice" step (1, 2, 2.5 or 5 × 10^k) near `raw`.
fn nice_step(raw: f64) -> f64 {
    if !raw.is_finite() || raw <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    let fraction = raw / magnitude;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 2.5 {
        2.5
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// Ticks covering `min..=max` with about `target` steps, labelled by `label`. The axis range is
/// widened to the outer ticks so no mark touches the frame.
pub fn nice_axis(min: f64, max: f64, target: usize, label: impl Fn(f64) -> String) -> Axis {
    let (mut lo, mut hi) = if min <= max { (min, max) } else { (max, min) };
    if !lo.is_finite() || !hi.is_finite() {
        lo = 0.0;
        hi = 1.0;
    }
    if (hi - lo).abs() < f64::EPSILON {
        if hi == 0.0 {
            hi = 1.0;
        } else {
            lo = lo.min(0.0);
            hi = hi.max(0.0);
            if (hi - lo).abs() < f64::EPSILON {
                hi = lo + 1.0;
            }
        }
    }
    let step = nice_step((hi - lo) / target.max(1) as f64);
    let start = (lo / step).floor() * step;
    let end = (hi / step).ceil() * step;
    let count = ((end - start) / step).round() as usize;
    let ticks = (0..=count.min(50))
        .map(|i| {
            let value = start + step * i as f64;
            // Snap values like 0.30000000000000004 so labels read cleanly.
            let value = (value / step).round() * step;
            Tick {
                value,
                label: label(value),
            }
        })
        .collect();
    Axis {
        min: start,
        max: end,
        ticks,
    }
}

/// Money axis labels in the plan's currency: `¥40万`, `-$1.2M`.
fn money_label(lang: Lang, currency: &str) -> impl Fn(f64) -> String {
    let symbol = format::currency_symbol(currency).0.to_owned();
    move |v| {
        let text = format::compact(Decimal::from_f64_retain(v).unwrap_or_default(), lang);
        match text.strip_prefix('-') {
            Some(rest) => format!("-{symbol}{rest}"),
            None => format!("{symbol}{text}"),
        }
    }
}

/// Month ticks from 1 to `horizon`, at a readable spacing.
fn month_axis(horizon: u16) -> Axis {
    let h = f64::from(horizon.max(1));
    let step = match horizon {
        0..=12 => 1.0,
        13..=24 => 3.0,
        25..=48 => 6.0,
        _ => 12.0,
    };
    let mut ticks = vec![Tick {
        value: 1.0,
        label: "1".to_owned(),
    }];
    let mut m = step;
    while m <= h {
        if m > 1.0 {
            ticks.push(Tick {
                value: m,
                label: format!("{m}"),
            });
        }
        m += step;
    }
    Axis {
        min: 1.0,
        max: h.max(2.0),
        ticks,
    }
}

/// The scenarios that computed, with their names and colour positions.
struct Computed<'a> {
    name: String,
    position: usize,
    eval: &'a crate::model::Evaluation,
}

fn computed<'a>(comparison: &'a Comparison, plan: &Plan, lang: Lang) -> Vec<Computed<'a>> {
    comparison
        .columns
        .iter()
        .enumerate()
        .filter_map(|(position, (column, result))| {
            let eval = result.as_ref().ok()?;
            let name = i18n::column_name(*column, plan, lang);
            Some(Computed {
                name,
                position,
                eval,
            })
        })
        .collect()
}

fn stacked_cost(
    id: ChartId,
    title: String,
    parts: Vec<(String, Rgb, Metric)>,
    list: &[Computed],
    currency: &str,
    lang: Lang,
) -> ChartSpec {
    let bars: Vec<Bar> = list
        .iter()
        .map(|c| Bar {
            label: c.name.clone(),
            segments: parts
                .iter()
                .map(|(_, color, metric)| {
                    (metric.of(&c.eval.metrics).value().map_or(0.0, f), *color)
                })
                .collect(),
            note: format::money(c.eval.metrics.total_cost, currency),
        })
        .collect();
    let max = bars
        .iter()
        .map(|b| b.segments.iter().map(|s| s.0.max(0.0)).sum::<f64>())
        .fold(0.0, f64::max);
    let mut columns = vec![texts(lang).scenario.to_owned()];
    columns.extend(parts.iter().map(|(name, _, _)| name.clone()));
    columns.push(texts(lang).grand_total.to_owned());
    let rows = list
        .iter()
        .map(|c| {
            let mut row = vec![c.name.clone()];
            row.extend(parts.iter().map(|(_, _, metric)| {
                format::figure(*metric, metric.of(&c.eval.metrics), currency, lang)
            }));
            row.push(format::money(c.eval.metrics.total_cost, currency));
            row
        })
        .collect();
    let summary = crate::i18n::stacked_bars_summary(&title, lang);
    ChartSpec {
        id,
        title,
        summary,
        x: Axis {
            min: 0.0,
            max: bars.len().max(1) as f64,
            ticks: bars
                .iter()
                .enumerate()
                .map(|(i, b)| Tick {
                    value: i as f64 + 0.5,
                    label: b.label.clone(),
                })
                .collect(),
        },
        y: nice_axis(0.0, max, 5, money_label(lang, currency)),
        marks: Marks::Bars(bars),
        reference: None,
        legend: parts.iter().map(|(n, c, _)| (n.clone(), *c)).collect(),
        marks_legend: Vec::new(),
        table: DataTable { columns, rows },
    }
}

/// Cost by category, one stacked bar per scenario.
pub fn cost_by_category(comparison: &Comparison, plan: &Plan, lang: Lang) -> ChartSpec {
    let list = computed(comparison, plan, lang);
    let parts = Category::ALL
        .into_iter()
        .map(|c| {
            (
                i18n::category(c, lang).to_owned(),
                CATEGORY_COLORS[c.index()],
                Metric::CategoryCost(c),
            )
        })
        .collect();
    stacked_cost(
        ChartId::CostByCategory,
        texts(lang).chart_by_category.to_owned(),
        parts,
        &list,
        &plan.currency,
        lang,
    )
}

/// Cost by lifecycle stage, one stacked bar per scenario.
pub fn cost_by_stage(comparison: &Comparison, plan: &Plan, lang: Lang) -> ChartSpec {
    let list = computed(comparison, plan, lang);
    let parts = Stage::ALL
        .into_iter()
        .map(|s| {
            (
                i18n::stage(s, lang).to_owned(),
                STAGE_COLORS[s.index()],
                Metric::StageCost(s),
            )
        })
        .collect();
    stacked_cost(
        ChartId::CostByStage,
        texts(lang).chart_by_stage.to_owned(),
        parts,
        &list,
        &plan.currency,
        lang,
    )
}

/// Each scenario's value per month, or (`diff`) its difference from the baseline's value in
/// the same month. Without a computed baseline there is nothing to subtract: values are kept.
fn monthly_values(
    list: &[Computed],
    value: impl Fn(&crate::model::Month) -> Decimal,
    diff: bool,
) -> Vec<Vec<(u16, Decimal)>> {
    let base: Vec<Decimal> = list
        .first()
        .filter(|c| diff && c.position == 0)
        .map(|c| c.eval.projection.months.iter().map(&value).collect())
        .unwrap_or_default();
    list.iter()
        .map(|c| {
            c.eval
                .projection
                .months
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let v = value(m);
                    let shown = match base.get(i) {
                        Some(b) => v.checked_sub(*b).unwrap_or(v),
                        None => v,
                    };
                    (m.month, shown)
                })
                .collect()
        })
        .collect()
}

fn monthly_lines(list: &[Computed], values: &[Vec<(u16, Decimal)>]) -> Vec<Line> {
    list.iter()
        .zip(values)
        .map(|(c, points)| Line {
            name: c.name.clone(),
            color: scenario_color(c.position),
            points: points.iter().map(|(m, v)| (f64::from(*m), f(*v))).collect(),
            marker: None,
            marker_stack: 0,
        })
        .collect()
}

fn monthly_table(
    list: &[Computed],
    lang: Lang,
    values: &[Vec<(u16, Decimal)>],
    show: impl Fn(Decimal) -> String,
) -> DataTable {
    let mut columns = vec![texts(lang).month.to_owned()];
    columns.extend(list.iter().map(|c| c.name.clone()));
    let months = values.first().map_or(0, Vec::len);
    let rows = (0..months)
        .map(|i| {
            let mut row = vec![(i + 1).to_string()];
            row.extend(
                values
                    .iter()
                    .map(|v| v.get(i).map(|(_, x)| show(*x)).unwrap_or_default()),
            );
            row
        })
        .collect();
    DataTable { columns, rows }
}

fn line_range(lines: &[Line]) -> (f64, f64) {
    lines
        .iter()
        .flat_map(|l| l.points.iter().map(|p| p.1))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        })
}

fn legend(list: &[Computed]) -> Vec<(String, Rgb)> {
    list.iter()
        .map(|c| (c.name.clone(), scenario_color(c.position)))
        .collect()
}

/// Active customers at the end of each month, one line per scenario.
///
/// The axis covers the lines, not zero upwards, so scenarios a few percent apart stay apart;
/// `diff` draws each scenario's difference from the baseline instead.
pub fn customers(comparison: &Comparison, plan: &Plan, lang: Lang, diff: bool) -> ChartSpec {
    let list = computed(comparison, plan, lang);
    let values = monthly_values(&list, |m| m.end_customers, diff);
    let lines = monthly_lines(&list, &values);
    let (lo, hi) = line_range(&lines);
    let title = with_view(texts(lang).chart_customers, diff, lang);
    let summary = list
        .iter()
        .map(|c| {
            let end = format::grouped_trim(c.eval.metrics.end_customers, 0);
            crate::i18n::ends_with_customers(&c.name, &end, lang)
        })
        .collect::<Vec<_>>()
        .join(texts(lang).sentence_separator);
    ChartSpec {
        id: ChartId::Customers,
        title,
        summary,
        x: month_axis(plan.horizon_months),
        y: nice_axis(lo, hi, 5, move |v| {
            format::compact(Decimal::from_f64_retain(v).unwrap_or_default(), lang)
        }),
        table: monthly_table(&list, lang, &values, format::customers),
        legend: legend(&list),
        marks_legend: Vec::new(),
        marks: Marks::Lines(lines),
        reference: None,
    }
}

/// Cumulative net contribution, one line per scenario, with each break-even month marked.
/// `diff` draws each scenario's difference from the baseline instead (no break-even marks).
pub fn cumulative(comparison: &Comparison, plan: &Plan, lang: Lang, diff: bool) -> ChartSpec {
    let list = computed(comparison, plan, lang);
    let values = monthly_values(&list, |m| m.cumulative_net_contribution, diff);
    let mut lines = monthly_lines(&list, &values);
    for (line, c) in lines.iter_mut().zip(&list) {
        if diff {
            break;
        }
        if let Figure::Value(month) = c.eval.metrics.break_even_month {
            let month = f(month);
            line.marker = line
                .points
                .iter()
                .find(|p| p.0 == month)
                .map(|p| (p.0, 0.0));
        }
    }
    for i in 0..lines.len() {
        let Some(at) = lines[i].marker else { continue };
        lines[i].marker_stack = lines[..i]
            .iter()
            .filter(|l| l.marker.is_some_and(|m| m.0 == at.0))
            .count();
    }
    let (lo, hi) = line_range(&lines);
    let currency = plan.currency.clone();
    let summary = list
        .iter()
        .map(|c| {
            let when = match c.eval.metrics.break_even_month {
                Figure::Value(m) => format::value(
                    crate::model::Unit::Months,
                    Metric::BreakEvenMonth,
                    m,
                    &currency,
                    lang,
                ),
                Figure::Undefined(_) => texts(lang).no_break_even.to_owned(),
            };
            crate::i18n::breaks_even(&c.name, &when, lang)
        })
        .chain(std::iter::once(crate::i18n::two_paybacks(lang).to_owned()))
        .collect::<Vec<_>>()
        .join(texts(lang).sentence_separator);
    ChartSpec {
        id: ChartId::Cumulative,
        title: with_view(texts(lang).chart_cumulative, diff, lang),
        summary,
        x: month_axis(plan.horizon_months),
        y: nice_axis(
            lo.min(0.0),
            hi.max(0.0),
            5,
            money_label(lang, &plan.currency),
        ),
        table: monthly_table(&list, lang, &values, |v| format::money(v, &currency)),
        legend: legend(&list),
        marks_legend: if diff {
            Vec::new()
        } else {
            vec![
                (texts(lang).break_even_line.to_owned(), MarkKind::Dashed),
                (texts(lang).break_even_month.to_owned(), MarkKind::Dot),
            ]
        },
        marks: Marks::Lines(lines),
        reference: (!diff).then(|| (0.0, texts(lang).break_even.to_owned())),
    }
}

/// LTV:CAC per scenario, with the 3:1 rule of thumb.
pub fn ltv_cac(comparison: &Comparison, plan: &Plan, lang: Lang) -> ChartSpec {
    let list = computed(comparison, plan, lang);
    let bars: Vec<Bar> = list
        .iter()
        .map(|c| {
            let figure = c.eval.metrics.ltv_cac;
            Bar {
                label: c.name.clone(),
                segments: figure
                    .value()
                    .map(|v| vec![(f(v), scenario_color(c.position))])
                    .unwrap_or_default(),
                note: format::figure(Metric::LtvCac, figure, &plan.currency, lang),
            }
        })
        .collect();
    let values: Vec<f64> = bars
        .iter()
        .flat_map(|b| b.segments.iter().map(|s| s.0))
        .collect();
    let lo = values.iter().copied().fold(0.0, f64::min);
    let hi = values.iter().copied().fold(3.5, f64::max);
    let rows = list
        .iter()
        .map(|c| {
            vec![
                c.name.clone(),
                format::figure(Metric::LtvCac, c.eval.metrics.ltv_cac, &plan.currency, lang),
            ]
        })
        .collect();
    let summary = texts(lang).ltv_cac_summary.to_owned();
    ChartSpec {
        id: ChartId::LtvCac,
        title: texts(lang).chart_ltv_cac.to_owned(),
        summary,
        x: Axis {
            min: 0.0,
            max: bars.len().max(1) as f64,
            ticks: bars
                .iter()
                .enumerate()
                .map(|(i, b)| Tick {
                    value: i as f64 + 0.5,
                    label: b.label.clone(),
                })
                .collect(),
        },
        y: nice_axis(lo, hi, 5, |v| format!("{}×", trim_float(v))),
        legend: list
            .iter()
            .map(|c| (c.name.clone(), scenario_color(c.position)))
            .collect(),
        marks_legend: vec![(texts(lang).rule_of_thumb.to_owned(), MarkKind::Dashed)],
        marks: Marks::Bars(bars),
        reference: Some((3.0, texts(lang).rule_of_thumb.to_owned())),
        table: DataTable {
            columns: vec![texts(lang).scenario.to_owned(), "LTV:CAC".to_owned()],
            rows,
        },
    }
}

fn trim_float(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A chart's title, marked when it shows differences from the baseline.
fn with_view(title: &str, diff: bool, lang: Lang) -> String {
    if diff {
        format!("{title}{}", texts(lang).vs_baseline_suffix)
    } else {
        title.to_owned()
    }
}

/// All five charts for the open plan; `diff`: the monthly lines as differences from the
/// baseline.
/// The charts, in the order [`all`] gives them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartId {
    CostByCategory,
    CostByStage,
    Customers,
    Cumulative,
    LtvCac,
}

impl ChartId {
    /// The stable key (`data-chart` on the page, the PNG's file name).
    pub const fn key(self) -> &'static str {
        match self {
            ChartId::CostByCategory => "by-category",
            ChartId::CostByStage => "by-stage",
            ChartId::Customers => "customers",
            ChartId::Cumulative => "cumulative",
            ChartId::LtvCac => "ltv-cac",
        }
    }
}

pub fn all(comparison: &Comparison, plan: &Plan, lang: Lang, diff: bool) -> Vec<ChartSpec> {
    vec![
        cost_by_category(comparison, plan, lang),
        cost_by_stage(comparison, plan, lang),
        customers(comparison, plan, lang, diff),
        cumulative(comparison, plan, lang, diff),
        ltv_cac(comparison, plan, lang),
    ]
}

/// The plot area's margins in CSS pixels, shared by the drawing and by the pointer and
/// keyboard read-out (which row of the data table is under a point).
pub const MARGIN_TOP: f64 = 22.0;
pub const MARGIN_RIGHT: f64 = 16.0;
pub const MARGIN_BOTTOM: f64 = 26.0;
/// Size of tick labels in CSS pixels.
pub const FONT_PX: f64 = 12.0;

impl ChartSpec {
    /// The left margin: room for the widest y label.
    pub fn margin_left(&self) -> f64 {
        self.y
            .ticks
            .iter()
            .map(|t| estimate_text_width(&t.label, FONT_PX))
            .fold(0.0, f64::max)
            + 14.0
    }

    /// The x value of data-table row `row`: month `row + 1` on a line chart, the middle of bar
    /// `row` on a bar chart.
    fn row_value(&self, row: usize) -> f64 {
        match self.marks {
            Marks::Lines(_) => row as f64 + 1.0,
            Marks::Bars(_) => row as f64 + 0.5,
        }
    }

    /// Where (CSS pixels from the canvas's left edge) row `row` is drawn, on a canvas
    /// `width` wide.
    pub fn row_x(&self, row: usize, width: f64) -> f64 {
        let left = self.margin_left();
        let span = (self.x.max - self.x.min).max(f64::EPSILON);
        let plot = (width - left - MARGIN_RIGHT).max(1.0);
        left + (self.row_value(row) - self.x.min) / span * plot
    }

    /// The data-table row nearest to `x` (CSS pixels from the left edge) on a canvas `width`
    /// wide; `None` when the table is empty.
    pub fn row_at(&self, x: f64, width: f64) -> Option<usize> {
        let rows = self.table.rows.len();
        (0..rows).min_by(|a, b| {
            let da = (self.row_x(*a, width) - x).abs();
            let db = (self.row_x(*b, width) - x).abs();
            da.total_cmp(&db)
        })
    }
}

/// Rough width in pixels of `text` at `size` px: CJK characters are square, others about 0.6.
/// Used to size label areas so labels are never clipped.
pub fn estimate_text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.62 } else { 1.0 })
        .sum::<f64>()
        * size
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{compare, Example};

    #[test]
    fn the_break_even_chart_says_how_its_payback_differs_from_the_headlines() {
        for lang in Lang::ALL {
            let plan = Example::Starter.plan(lang);
            let c = compare(&plan);
            let s = cumulative(&c, &plan, lang, false);
            assert!(
                s.summary.ends_with(crate::i18n::two_paybacks(lang)),
                "{}",
                s.summary
            );
        }
    }

    #[test]
    fn palettes_read_custom_properties_and_keep_light_colours_for_bad_ones() {
        assert_eq!(Rgb::parse(" #1b2537 "), Some(Rgb(0x1b, 0x25, 0x37)));
        assert_eq!(Rgb::parse("#fff"), Some(Rgb(0xff, 0xff, 0xff)));
        for bad in [
            "",
            "1b2537",
            "#12345",
            "#ggg",
            "rgb(1,2,3)",
            "#1b2537ff",
            "#é12",
        ] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
        let dark = Palette::from_properties(|name| match name {
            "--ccp-chart-bg" => "#1b2537".into(),
            "--ccp-chart-baseline" => "#cbd5e1".into(),
            "--ccp-chart-text" => "not a colour".into(),
            _ => String::new(),
        });
        assert_eq!(dark.background, Rgb(0x1b, 0x25, 0x37));
        assert_eq!(dark.text, Palette::LIGHT.text);
        assert_eq!(dark.series(SCENARIO_COLORS[0]), Rgb(0xcb, 0xd5, 0xe1));
        assert_eq!(dark.series(SCENARIO_COLORS[1]), SCENARIO_COLORS[1]);
        assert_eq!(Palette::from_properties(|_| String::new()), Palette::LIGHT);
    }

    #[test]
    fn nice_axes_cover_the_data_with_round_ticks() {
        let a = nice_axis(0.0, 832_334.21, 5, |v| format!("{v}"));
        assert_eq!(a.min, 0.0);
        assert_eq!(a.max, 1_000_000.0);
        let values: Vec<f64> = a.ticks.iter().map(|t| t.value).collect();
        assert_eq!(
            values,
            vec![0.0, 200_000.0, 400_000.0, 600_000.0, 800_000.0, 1_000_000.0]
        );

        let a = nice_axis(-123.0, 456.0, 5, |v| format!("{v}"));
        assert!(a.min <= -123.0 && a.max >= 456.0);
        assert!(a.ticks.iter().any(|t| t.value == 0.0), "zero is a tick");

        let flat = nice_axis(0.0, 0.0, 5, |v| format!("{v}"));
        assert!(flat.max > flat.min);
        let tiny = nice_axis(0.0, 0.3, 3, |v| format!("{v}"));
        assert_eq!(tiny.ticks[1].label, "0.1");
    }

    #[test]
    fn the_worked_example_charts_have_every_scenario_and_consistent_colours() {
        let plan = Example::Starter.plan(Lang::En);
        let c = compare(&plan);
        let charts = all(&c, &plan, Lang::En, false);
        assert_eq!(charts.len(), 5);
        let by_category = &charts[0];
        let Marks::Bars(bars) = &by_category.marks else {
            panic!("bars")
        };
        assert_eq!(bars.len(), 6);
        let baseline_total: f64 = bars[0].segments.iter().map(|s| s.0).sum();
        assert!((baseline_total - 832_334.21).abs() < 0.01);
        assert_eq!(bars[0].note, "¥832,334.21");
        assert!(by_category.y.max >= baseline_total);

        let Marks::Lines(customer_lines) = &charts[2].marks else {
            panic!("lines")
        };
        let Marks::Lines(cumulative_lines) = &charts[3].marks else {
            panic!("lines")
        };
        for (a, b) in customer_lines.iter().zip(cumulative_lines) {
            assert_eq!(a.color, b.color, "{}", a.name);
        }
        assert_eq!(customer_lines[0].points.len(), 12);
        assert!((customer_lines[0].points[11].1 - 1459.64).abs() < 0.01);
        assert_eq!(cumulative_lines[0].marker, Some((1.0, 0.0)));
        // Scenarios that break even in the same month are stacked, not drawn over each other.
        let stacks: Vec<usize> = cumulative_lines
            .iter()
            .filter(|l| l.marker == Some((1.0, 0.0)))
            .map(|l| l.marker_stack)
            .collect();
        assert_eq!(stacks, (0..stacks.len()).collect::<Vec<_>>());
        assert_eq!(charts[4].reference.as_ref().map(|r| r.0), Some(3.0));
        assert_eq!(charts[4].table.rows[0][1], "4.85×");
        // Month axis of a 12-month plan labels every month.
        assert_eq!(charts[2].x.ticks.len(), 12);
        // The customer axis covers the lines, not zero upwards.
        assert!(charts[2].y.min > 0.0, "{:?}", charts[2].y);
    }

    #[test]
    fn a_point_on_the_canvas_reads_out_the_row_drawn_there() {
        let plan = Example::Starter.plan(Lang::En);
        let c = compare(&plan);
        for spec in all(&c, &plan, Lang::En, false) {
            let width = 600.0;
            for row in 0..spec.table.rows.len() {
                let x = spec.row_x(row, width);
                assert!(
                    x > spec.margin_left() - 1.0 && x < width,
                    "{:?} {row}",
                    spec.id
                );
                assert_eq!(spec.row_at(x, width), Some(row), "{:?}", spec.id);
                assert_eq!(spec.row_at(x + 3.0, width), Some(row), "{:?}", spec.id);
            }
            assert_eq!(spec.row_at(0.0, width), Some(0));
            assert_eq!(spec.row_at(width, width), Some(spec.table.rows.len() - 1));
        }
    }

    #[test]
    fn the_difference_view_subtracts_the_baseline_month_by_month() {
        let plan = Example::Starter.plan(Lang::En);
        let c = compare(&plan);
        let values = all(&c, &plan, Lang::En, false);
        let diff = all(&c, &plan, Lang::En, true);
        for chart in [2, 3] {
            let (Marks::Lines(v), Marks::Lines(d)) = (&values[chart].marks, &diff[chart].marks)
            else {
                panic!("lines")
            };
            assert!(
                d[0].points.iter().all(|p| p.1 == 0.0),
                "the baseline is the zero line"
            );
            for (line_v, line_d) in v.iter().zip(d) {
                for ((pv, pd), pb) in line_v.points.iter().zip(&line_d.points).zip(&v[0].points) {
                    assert!((pv.1 - pb.1 - pd.1).abs() < 1e-6, "{}", line_v.name);
                }
            }
            assert!(diff[chart].title.ends_with("(difference from baseline)"));
        }
        // No break-even marks on differences.
        assert!(diff[3].reference.is_none() && diff[3].marks_legend.is_empty());
        // The table shows the differences too.
        assert_eq!(diff[2].table.rows[0][1], "0");
    }

    #[test]
    fn chinese_charts_label_money_in_wan() {
        let plan = Example::Ecommerce.plan(Lang::Zh);
        let c = compare(&plan);
        let spec = cost_by_category(&c, &plan, Lang::Zh);
        assert!(
            spec.y.ticks.iter().any(|t| t.label.ends_with('万')),
            "{:?}",
            spec.y.ticks
        );
        assert_eq!(spec.legend[0].0, "营销成本");
    }

    #[test]
    fn text_width_estimates_treat_cjk_as_wider() {
        assert!(estimate_text_width("120万", 12.0) > estimate_text_width("120k", 12.0));
    }
}
