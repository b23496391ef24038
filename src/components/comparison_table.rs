//! Every figure for every scenario, with the difference from the baseline, better/worse by icon
//! and text as well as colour, and the best scenario on each figure marked.

use std::cmp::Ordering;

use leptos::prelude::*;

use crate::components::figure::FigureCell;
use crate::ctx::use_ctx;
use crate::format;
use crate::i18n::{self, texts};
use crate::model::{best, delta, judge, Column, Figure, Metric};

#[component]
pub fn ComparisonTable() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());

    let table = move || {
        let l = lang.get();
        let tx = texts(l);
        let currency = ctx.currency.get();
        let plan = ctx.plan.get().unwrap_or_default();
        ctx.comparison.with(|c| {
            let Some(c) = c else {
                return ().into_any();
            };
            let columns: Vec<Column> = c.columns.iter().map(|(col, _)| *col).collect();
            let base = c.baseline().map(|e| e.metrics.clone());
            let header = columns
                .iter()
                .map(|col| {
                    let name = i18n::column_name(*col, &plan, l);
                    view! { <th scope="col" data-scenario=col.key()>{name}</th> }
                })
                .collect_view();
            let rows = Metric::all()
                .into_iter()
                .map(|metric| {
                    let currency = currency.clone();
                    let figures: Vec<Option<Figure>> = c
                        .columns
                        .iter()
                        .map(|(_, r)| r.as_ref().ok().map(|e| metric.of(&e.metrics)))
                        .collect();
                    let defined: Vec<Figure> = figures
                        .iter()
                        .map(|f| f.unwrap_or(Figure::Undefined(crate::model::Undefined::NoCustomers)))
                        .collect();
                    let winners = if figures.iter().all(Option::is_some) {
                        best(metric, &defined)
                    } else {
                        Vec::new()
                    };
                    let cells = c
                        .columns
                        .iter()
                        .enumerate()
                        .map(|(i, (column, result))| {
                            let currency = currency.clone();
                            match result {
                            Err(e) => view! {
                                <td class="error" data-scenario=column.key() data-metric=metric.key() data-value="" data-reason="error">
                                    {e.message(l)}
                                </td>
                            }
                            .into_any(),
                            Ok(eval) => {
                                let figure = metric.of(&eval.metrics);
                                let is_best = winners.contains(&i);
                                let diff = match (column, &base) {
                                    (Column::Scenario(_), Some(b)) => {
                                        let b = metric.of(b);
                                        Some((delta(b, figure), judge(metric, b, figure)))
                                    }
                                    _ => None,
                                };
                                let class = match diff.and_then(|d| d.1) {
                                    Some(Ordering::Greater) => "better",
                                    Some(Ordering::Less) => "worse",
                                    _ => "",
                                };
                                view! {
                                    <FigureCell
                                        column=*column
                                        metric=metric
                                        figure=figure
                                        currency=currency.clone()
                                        lang=l
                                        class=class
                                    >
                                        {is_best.then(|| view! {
                                            <span class="best" title=tx.best>
                                                <span aria-hidden="true">"★"</span>
                                                <span class="visually-hidden">{tx.best}</span>
                                            </span>
                                        })}
                                        {diff.map(|(d, verdict)| {
                                            let (icon, word) = match verdict {
                                                Some(Ordering::Greater) => ("▲", tx.better),
                                                Some(Ordering::Less) => ("▼", tx.worse),
                                                Some(Ordering::Equal) => ("＝", tx.same),
                                                None => ("", ""),
                                            };
                                            let abs = d.abs.map(|a| format::delta(metric, a, &currency, l));
                                            let pct = d.pct.map(format::signed_pct);
                                            let text = match (abs, pct) {
                                                (Some(a), Some(p)) => format!("{a} ({p})"),
                                                (Some(a), None) => a,
                                                _ => "—".to_owned(),
                                            };
                                            view! {
                                                <span
                                                    class="delta"
                                                    data-delta=d.abs.map(|a| a.normalize().to_string()).unwrap_or_default()
                                                    data-delta-pct=d.pct.map(|p| p.normalize().to_string()).unwrap_or_default()
                                                >
                                                    <span class="trend" aria-hidden="true">{icon}</span>
                                                    {(!word.is_empty()).then(|| view! { <span class="verdict">{word}</span> })}
                                                    " "
                                                    {text}
                                                </span>
                                            }
                                        })}
                                    </FigureCell>
                                }
                                .into_any()
                            }
                        }})
                        .collect_view();
                    view! {
                        <tr data-metric-row=metric.key()>
                            <th scope="row">{i18n::metric(metric, l)}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="data comparison-table" data-testid="comparison">
                    <caption class="visually-hidden">{tx.compare_title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tx.metric}</th>
                            {header}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        })
    };

    view! {
        <section class="card" aria-labelledby="compare-title">
            <div class="section-head">
                <h2 id="compare-title">{move || t().compare_title}</h2>
                <button
                    type="button"
                    class="button"
                    data-action="export-comparison-csv"
                    on:click=move |_| ctx.export_comparison_csv()
                >
                    {move || texts(lang.get()).export_csv}
                </button>
            </div>
            <p class="muted small">{move || t().compare_help}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="compare-title">
                {table}
            </div>
        </section>
    }
}
