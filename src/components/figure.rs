//! One figure as the page shows it, with the model's exact value in data attributes:
//! `data-scenario`, `data-metric`, `data-value` (empty when undefined) and `data-reason` (why it
//! is undefined), so tests and other tools read what the model computed, not the rounded text.
//!
//! Figures are live: each reads a memo of its own value ([`crate::ctx::Ctx::figure`]), so an edit
//! changes the text and attributes of the figures that changed and nothing else. Tables are
//! never rebuilt on an edit.

use leptos::prelude::*;

use crate::ctx::use_ctx;
use crate::format;
use crate::i18n::texts;
use crate::model::{Column, Figure, Metric};
use crate::prepaint::{diff_parts, figure_class, DiffParts};

pub use crate::prepaint::{data_value, verdict_mark};

/// What a figure cell shows beside the value, compared with the baseline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Beside {
    /// Nothing.
    Nothing,
    /// The difference (absolute and in percent) with the mark and the word.
    Difference,
}

/// A table cell with one column's figure, updated in place.
#[component]
pub fn LiveFigure(
    column: Column,
    metric: Metric,
    #[prop(optional)] beside: Option<Beside>,
    /// The columns that are best on this figure, if the table marks them.
    #[prop(optional)]
    best: Option<Memo<Vec<Column>>>,
    /// Hidden on a phone, which shows the baseline and one scenario.
    #[prop(optional)]
    aside: Option<Signal<bool>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let beside = beside.unwrap_or(Beside::Nothing);
    let figure = ctx.figure(column, metric);
    let base = match (column, beside) {
        (Column::Scenario(_), Beside::Difference) => Some(ctx.figure(Column::Baseline, metric)),
        _ => None,
    };
    let value = Memo::new(move |_| figure.get().map(data_value).unwrap_or_default());
    let class = move || match figure.get() {
        Some(f) => figure_class(metric, base.and_then(|b| b.get()), f, lang.get()),
        None => "figure ".to_owned(),
    };
    let text = move || {
        figure
            .get()
            .map(|f| format::figure(metric, f, &ctx.currency.get(), lang.get()))
            .unwrap_or_default()
    };
    let is_best = move || best.is_some_and(|b| b.with(|w| w.contains(&column)));
    // The change from the baseline: the arrow follows the number, the colour and the word say
    // whether that is better, and the change itself is printed.
    // The parts of the difference, as a memo: an edit updates the text of the spans in place
    // (and only where a part changed) instead of building new ones.
    let parts = Memo::new(move |_| {
        let (b, f) = (base?.get()?, figure.get()?);
        Some(
            ctx.currency
                .with(|c| diff_parts(metric, b, f, c, lang.get())),
        )
    });
    let part = move |f: fn(&DiffParts) -> String| {
        move || parts.with(|p| p.as_ref().map(f).unwrap_or_default())
    };
    let difference = move || {
        view! {
            <Show when=move || parts.with(Option::is_some)>
                <span
                    class="delta"
                    data-delta=part(|p| p.delta.clone())
                    data-delta-pct=part(|p| p.pct.clone())
                >
                    <span class="trend" aria-hidden="true">{part(|p| p.arrow.to_owned())}</span>
                    <span class="change">{part(|p| p.text.clone())}</span>
                    <span class="verdict">{part(|p| p.word.to_owned())}</span>
                </span>
            </Show>
        }
    };
    view! {
        <td
            class=class
            class:undefined=move || matches!(figure.get(), Some(Figure::Undefined(_)))
            class:aside=move || aside.is_some_and(|a| a.get())
            data-scenario=column.key()
            data-metric=metric.key()
            data-value=move || value.with(|v| v.0.clone())
            data-reason=move || value.with(|v| v.1.clone())
            data-label=move || crate::i18n::metric(metric, lang.get())
        >
            <span class="value">{text}</span>
            {move || {
                is_best()
                    .then(|| {
                        let word = texts(lang.get()).best;
                        view! {
                            <span class="best" title=word>
                                <span aria-hidden="true">"★"</span>
                                <span class="visually-hidden">{word}</span>
                            </span>
                        }
                    })
            }}
            {match beside {
                Beside::Nothing => ().into_any(),
                Beside::Difference => difference.into_any(),
            }}
        </td>
    }
}

/// A labelled figure of the baseline (subtotals, fee figures), updated in place.
#[component]
pub fn LiveStat(
    metric: Metric,
    /// The label in the current language.
    #[prop(into)]
    label: Signal<String>,
    #[prop(into)] class: String,
) -> impl IntoView {
    let ctx = use_ctx();
    let figure = ctx.figure(Column::Baseline, metric);
    let value = Memo::new(move |_| figure.get().map(data_value).unwrap_or_default());
    view! {
        <div
            class=class
            data-scenario=Column::Baseline.key()
            data-metric=metric.key()
            data-value=move || value.with(|v| v.0.clone())
            data-reason=move || value.with(|v| v.1.clone())
        >
            <span class="label">{move || label.get()}</span>
            <span class="value">
                {move || {
                    figure
                        .get()
                        .map(|f| format::figure(metric, f, &ctx.currency.get(), ctx.lang.get()))
                        .unwrap_or_default()
                }}
            </span>
        </div>
    }
}
