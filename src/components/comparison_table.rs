//! Every figure for every scenario, with the difference from the baseline, better/worse by icon
//! and text as well as colour, and the best scenario on each figure marked. Live cells: an
//! edit updates the figures that changed and nothing else.

use leptos::prelude::*;

use crate::components::figure::{Beside, LiveFigure};
use crate::ctx::use_ctx;
use crate::i18n::{self, texts};
use crate::model::{best, Column, Figure, Metric};

#[component]
pub fn ComparisonTable() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let rows = Metric::all()
        .into_iter()
        .map(|metric| view! { <ComparisonRow metric=metric/> })
        .collect_view();
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
                <table class="data comparison-table" data-testid="comparison">
                    <caption class="visually-hidden">{move || t().compare_title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || t().metric}</th>
                            <For
                                each=move || ctx.columns.get()
                                key=|column| *column
                                children=move |column| {
                                    let name = Memo::new(move |_| {
                                        ctx.plan
                                            .with(|p| p.as_ref().map(|p| i18n::column_name(column, p, lang.get())))
                                            .unwrap_or_default()
                                    });
                                    view! { <th scope="col" data-scenario=column.key()>{name}</th> }
                                }
                            />
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// One figure across every column.
#[component]
fn ComparisonRow(metric: Metric) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
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
        <tr data-metric-row=metric.key()>
            <th scope="row">{move || i18n::metric(metric, lang.get())}</th>
            <For
                each=move || ctx.columns.get()
                key=|column| *column
                children=move |column| view! { <ComparisonCell column=column metric=metric winners=winners/> }
            />
        </tr>
    }
}

#[component]
fn ComparisonCell(column: Column, metric: Metric, winners: Memo<Vec<Column>>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let error = ctx.column_error(column);
    let error_cell = move || {
        view! {
            <td class="error" data-scenario=column.key() data-metric=metric.key() data-value="" data-reason="error">
                {move || error.get().map(|e| e.message(lang.get()))}
            </td>
        }
    };
    view! {
        <Show when=move || error.with(Option::is_none) fallback=error_cell>
            <LiveFigure column=column metric=metric beside=Beside::Difference best=winners/>
        </Show>
    }
}
