//! The figures that matter while editing, kept in view: once the headline has scrolled away, a
//! bar at the bottom of the window shows total cost, CAC, LTV:CAC and net contribution of the
//! baseline (or of the scenario being edited), with undo and the save status.

use leptos::prelude::*;

use crate::components::figure::data_value;
use crate::components::icon::{icon, Icon};
use crate::ctx::use_ctx;
use crate::format;
use crate::i18n::{self, texts};
use crate::model::{Column, Figure, Metric, Unit};

const METRICS: [Metric; 4] = [
    Metric::TotalCost,
    Metric::Cac,
    Metric::LtvCac,
    Metric::NetContribution,
];

/// `column`: the scenario being edited, else the baseline (worked out by the page, which also
/// reports it to an embedding host).
#[component]
pub fn StickySummary(column: Memo<Column>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    // Shown only when the headline is above the top of the window; checked on scroll, and the
    // signal changes only when the answer does.
    let shown = RwSignal::new(false);
    let check = move || {
        let away = document()
            .get_element_by_id("headline-end")
            .is_some_and(|el| el.get_bounding_client_rect().bottom() < 0.0);
        if shown.get_untracked() != away {
            shown.set(away);
        }
    };
    crate::effects::use_window_event(leptos::ev::scroll, move |_| check());
    let name = ctx.column_name_of(move || column.get());
    view! {
        <aside
            class="sticky-summary"
            class:shown=move || shown.get()
            aria-hidden=move || (!shown.get()).to_string()
            data-testid="sticky-summary"
        >
            <span class="sum-name">{name}</span>
            {METRICS
                .into_iter()
                .map(|metric| view! { <SummaryFigure column=column metric=metric/> })
                .collect_view()}
            <button
                type="button"
                class="button icon"
                data-action="undo-sticky"
                tabindex=move || if shown.get() { "0" } else { "-1" }
                disabled=move || !ctx.history_state.get().0
                on:click=move |_| ctx.undo()
                aria-label=move || texts(lang.get()).undo
                title=move || texts(lang.get()).undo
            >
                {icon(Icon::Undo)}
            </button>
            <span class="sum-status">
                {move || crate::messages::save_status(&ctx.status.get(), lang.get())}
            </span>
        </aside>
    }
}

/// One figure, short: money in compact form (¥83.2万, ¥832k) with the exact amount on hover.
#[component]
fn SummaryFigure(column: Memo<Column>, metric: Metric) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let figure = ctx.figure_of(move || column.get(), metric);
    let value = Memo::new(move |_| figure.get().map(data_value).unwrap_or_default());
    let exact = move || {
        figure
            .get()
            .map(|f| format::figure(metric, f, &ctx.currency.get(), lang.get()))
            .unwrap_or_default()
    };
    let short = move || {
        let l = lang.get();
        match figure.get() {
            Some(Figure::Value(v)) if metric.unit() == Unit::Money => {
                let currency = ctx.currency.get();
                let (symbol, _) = format::currency_symbol(&currency);
                let sign = if v.is_sign_negative() { "-" } else { "" };
                format!("{sign}{symbol}{}", format::compact(v.abs(), l))
            }
            Some(Figure::Value(_)) => exact(),
            Some(Figure::Undefined(_)) => "—".to_owned(),
            None => String::new(),
        }
    };
    view! {
        <span
            class="sum-figure"
            data-scenario=move || column.get().key()
            data-metric=metric.key()
            data-value=move || value.with(|v| v.0.clone())
            data-reason=move || value.with(|v| v.1.clone())
            title=exact
        >
            <span class="label">{move || i18n::metric(metric, lang.get())}</span>
            <span class="value">{short}</span>
        </span>
    }
}
