//! Every figure for every scenario, with the difference from the baseline, better/worse by icon
//! and text as well as colour, and the best scenario on each figure marked. Live cells: an
//! edit updates the figures that changed and nothing else.

use crate::i18n::Describe;
use leptos::prelude::*;

use crate::components::figure::{verdict_mark, Beside, LiveFigure};
use crate::components::headline::{phone_pick, PhonePick};
use crate::components::term::MetricTerm;
use crate::ctx::use_ctx;
use crate::format;
use crate::i18n::{self, texts};
use crate::model::{best, delta, judge, Column, Figure, Metric, MetricGroup};

/// `report`: laid out for the client report, every group open, every scenario shown, no export
/// or picker.
#[component]
pub fn ComparisonTable(#[prop(optional)] report: bool) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let span = move || ctx.columns.with(Vec::len) + 1;
    // On a phone: the baseline and one scenario, picked above the table.
    let (picked, shown) = phone_pick();
    let aside =
        move |column: Column| !report && column != Column::Baseline && shown.get() != Some(column);
    // Details by group; unit economics open, the rest a click away (all open in a report).
    let groups = MetricGroup::ALL
        .into_iter()
        .map(|group| {
            let open = RwSignal::new(report || group == MetricGroup::UnitEconomics);
            let metrics = group.metrics();
            let count = metrics.len();
            let rows = metrics
                .into_iter()
                .map(|metric| view! { <ComparisonRow metric=metric open=open shown=shown report=report/> })
                .collect_view();
            view! {
                <tbody data-group=group.key()>
                    <tr class="group-row">
                        <th scope="rowgroup" colspan=span>
                            <button
                                type="button"
                                class="group-toggle"
                                data-action=format!("toggle-{}", group.key())
                                aria-expanded=move || open.get().to_string()
                                on:click=move |_| open.update(|o| *o = !*o)
                            >
                                <span class="chevron" aria-hidden="true">
                                    {move || if open.get() { "▾" } else { "▸" }}
                                </span>
                                {move || i18n::metric_group(group, lang.get())}
                                <span class="muted">{format!(" ({count})")}</span>
                            </button>
                        </th>
                    </tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="compare-title">
            <div class="section-head">
                <h2 id="compare-title">{move || t().compare_title}</h2>
                {(!report).then(|| view! {
                    <button
                        type="button"
                        class="button"
                        data-action="export-comparison-csv"
                        on:click=move |_| ctx.export_comparison_csv()
                    >
                        {move || texts(lang.get()).export_csv}
                    </button>
                })}
            </div>
            <Verdicts/>
            <h3 class="details-title">{move || t().details_title}</h3>
            <p class="muted small">{move || t().compare_help}</p>
            {(!report).then(|| view! { <PhonePick id="compare-scenario" picked=picked shown=shown/> })}
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="compare-title">
                <table class="data comparison-table" data-testid="comparison">
                    <caption class="visually-hidden">{move || t().compare_title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || t().metric}</th>
                            <For
                                each=move || ctx.columns.get()
                                key=|column| *column
                                children=move |column| {
                                    let name = ctx.column_name(column);
                                    view! { <th scope="col" data-scenario=column.key() class:aside=move || aside(column)>{name}</th> }
                                }
                            />
                        </tr>
                    </thead>
                    {groups}
                </table>
            </div>
        </section>
    }
}

/// One figure across every column.
#[component]
fn ComparisonRow(
    metric: Metric,
    open: RwSignal<bool>,
    shown: Memo<Option<Column>>,
    report: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    // The best columns on this figure, when every column has it.
    let winners = Memo::new(move |_| {
        ctx.comparison.with(|c| {
            let Some(c) = c else {
                return Vec::new();
            };
            let figures: Option<Vec<Figure>> = c
                .columns
                .iter()
                .map(|(_, r)| r.as_ref().ok().map(|e| metric.of(&e.metrics)))
                .collect();
            figures
                .map(|f| {
                    best(metric, &f)
                        .into_iter()
                        .filter_map(|i| c.columns.get(i).map(|(col, _)| *col))
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <tr data-metric-row=metric.key() hidden=move || !open.get()>
            <th scope="row"><MetricTerm metric=metric scope="compare"/></th>
            <For
                each=move || ctx.columns.get()
                key=|column| *column
                children=move |column| {
                    let aside = Signal::derive(move || {
                        !report && column != Column::Baseline && shown.get() != Some(column)
                    });
                    view! { <ComparisonCell column=column metric=metric winners=winners aside=aside/> }
                }
            />
        </tr>
    }
}

#[component]
fn ComparisonCell(
    column: Column,
    metric: Metric,
    winners: Memo<Vec<Column>>,
    /// Not shown on a phone (neither the baseline nor the picked scenario).
    aside: Signal<bool>,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let error = ctx.column_error(column);
    let error_cell = move || {
        view! {
            <td class="error" class:aside=move || aside.get() data-scenario=column.key() data-metric=metric.key() data-value="" data-reason="error">
                {move || error.get().map(|e| e.message(lang.get()))}
            </td>
        }
    };
    view! {
        <Show when=move || error.with(Option::is_none) fallback=error_cell>
            <LiveFigure column=column metric=metric beside=Beside::Difference best=winners aside=aside/>
        </Show>
    }
}

/// One line per scenario on top of the comparison: what it does to net contribution and spend,
/// with LTV:CAC and payback, and which scenario has the highest net contribution.
#[component]
fn Verdicts() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let scenarios = Memo::new(move |_| {
        ctx.columns.with(|c| {
            c.iter()
                .copied()
                .filter(|c| *c != Column::Baseline)
                .collect::<Vec<_>>()
        })
    });
    // The scenarios (not the baseline) with the highest net contribution, if above the baseline.
    let winners = Memo::new(move |_| {
        ctx.comparison.with(|c| {
            let Some(c) = c else {
                return Vec::new();
            };
            let figures: Vec<(Column, Figure)> = c
                .columns
                .iter()
                .filter_map(|(col, r)| {
                    r.as_ref()
                        .ok()
                        .map(|e| (*col, Metric::NetContribution.of(&e.metrics)))
                })
                .collect();
            let only: Vec<Figure> = figures.iter().map(|(_, f)| *f).collect();
            best(Metric::NetContribution, &only)
                .into_iter()
                .filter_map(|i| figures.get(i).map(|(col, _)| *col))
                .filter(|col| *col != Column::Baseline)
                .collect()
        })
    });
    view! {
        <section class="verdicts" aria-labelledby="verdict-title" data-testid="verdicts">
            <h3 id="verdict-title">{move || t().verdict_title}</h3>
            <p class="muted small">{move || t().verdict_help}</p>
            <ul>
                <For
                    each=move || scenarios.get()
                    key=|column| *column
                    children=move |column| {
                        let name = ctx.column_name(column);
                        let wins = move || winners.with(|w| w.contains(&column));
                        view! {
                            <li data-scenario=column.key() class:wins=wins>
                                <strong class="verdict-name">{name}</strong>
                                <Show when=wins>
                                    <span class="badge best-badge">"★ "{move || t().best_net}</span>
                                </Show>
                                <span class="verdict-items">
                                    <VerdictItem column=column metric=Metric::NetContribution change=true/>
                                    <VerdictItem column=column metric=Metric::TotalCost change=true/>
                                    <VerdictItem column=column metric=Metric::LtvCac change=false/>
                                    <VerdictItem column=column metric=Metric::PaybackMonths change=false/>
                                </span>
                            </li>
                        }
                    }
                />
            </ul>
        </section>
    }
}

/// One figure of a verdict: the change from the baseline (`change`) or the value, coloured and
/// worded better or worse.
#[component]
fn VerdictItem(column: Column, metric: Metric, change: bool) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let figure = ctx.figure(column, metric);
    let base = ctx.figure(Column::Baseline, metric);
    let verdict = Memo::new(move |_| judge(metric, base.get()?, figure.get()?));
    let class = move || {
        let tone = verdict
            .get()
            .map_or("same", |o| verdict_mark(o, lang.get()).0);
        format!("verdict-item {tone}")
    };
    let label = move || {
        let l = lang.get();
        match metric {
            Metric::TotalCost => texts(l).spend_change.to_owned(),
            _ => i18n::metric(metric, l),
        }
    };
    let text = move || {
        let l = lang.get();
        let currency = ctx.currency.get();
        let f = figure.get()?;
        if change {
            let d = delta(base.get()?, f);
            let abs = format::delta(metric, d.abs?, &currency, l);
            Some(match d.pct {
                Some(p) => format!("{abs} ({})", format::signed_pct(p)),
                None => abs,
            })
        } else {
            Some(format::figure(metric, f, &currency, l))
        }
    };
    // (value, reason): the change or the value, or why there is none.
    let value = Memo::new(move |_| {
        let f = figure.get()?;
        let why = |x: Figure| match x {
            Figure::Undefined(u) => u.key().to_owned(),
            Figure::Value(_) => "undefined".to_owned(),
        };
        if change {
            let b = base.get()?;
            Some(match delta(b, f).abs {
                Some(a) => (a.normalize().to_string(), String::new()),
                None => (String::new(), why(if b.value().is_none() { b } else { f })),
            })
        } else {
            Some(match f.value() {
                Some(v) => (v.normalize().to_string(), String::new()),
                None => (String::new(), why(f)),
            })
        }
    });
    view! {
        <span
            class=class
            data-metric=metric.key()
            data-scenario=column.key()
            data-kind=if change { "change" } else { "value" }
            data-value=move || value.with(|v| v.as_ref().map(|v| v.0.clone()).unwrap_or_default())
            data-reason=move || value.with(|v| v.as_ref().map(|v| v.1.clone()).unwrap_or_default())
        >
            <span class="label">{label}</span>
            " "
            <span class="value">{text}</span>
            // "Same" needs no word here: the change itself reads 0.
            {move || {
                verdict
                    .get()
                    .filter(|o| o.is_ne())
                    .map(|o| view! { <span class="word">{verdict_mark(o, lang.get()).1}</span> })
            }}
        </span>
    }
}
