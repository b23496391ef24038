//! The headline figures of the baseline and every scenario, always in view above the tabs.
//! A row per column, keyed, and a live cell per figure: an edit updates the figures that
//! changed and nothing else.

use crate::i18n::Describe;
use leptos::prelude::*;

use crate::components::figure::{Beside, LiveFigure};
use crate::components::term::MetricTerm;
use crate::ctx::use_ctx;
use crate::i18n::texts;
use crate::model::{Column, Metric};

#[component]
pub fn Headline(
    /// How many rows to show: all, except while the page starts, when they come a few per task
    /// (`app::App`).
    #[prop(optional, into)]
    rows: Option<Signal<usize>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let horizon = move || {
        ctx.plan.with(|p| {
            p.as_ref().map(|p| {
                crate::i18n::horizon_and_currency(p.horizon_months, &p.currency, lang.get())
            })
        })
    };
    // On a phone the headline shows the baseline and one scenario at a time.
    let (picked, shown) = phone_pick();
    view! {
        <section class="card headline" aria-labelledby="headline-title">
            <div class="section-head">
                <h2 id="headline-title">{move || t().headline_title}</h2>
                <p class="muted">{horizon}</p>
            </div>
            <p class="muted small no-print">{move || t().headline_help}</p>
            <PhonePick id="headline-scenario" picked=picked shown=shown/>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="headline-title">
                <table class="data headline-table" data-testid="headline">
                    <caption class="visually-hidden">{move || t().headline_title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || t().scenario}</th>
                            {Metric::HEADLINE
                                .into_iter()
                                .map(|m| view! { <th scope="col"><MetricTerm metric=m scope="headline"/></th> })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || {
                                let limit = rows.map_or(usize::MAX, |r| r.get());
                                ctx.columns.with(|cs| cs.iter().copied().take(limit).collect::<Vec<_>>())
                            }
                            key=|column| *column
                            children=move |column| {
                                let picked = Signal::derive(move || shown.get() == Some(column));
                                view! { <HeadlineRow column=column picked=picked/> }
                            }
                        />
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The scenario a phone shows beside the baseline (picked, else the first scenario), for a
/// table with a column or row per scenario.
pub fn phone_pick() -> (RwSignal<Option<Column>>, Memo<Option<Column>>) {
    let ctx = use_ctx();
    let picked = RwSignal::new(None::<Column>);
    let shown = Memo::new(move |_| {
        ctx.columns.with(|cs| {
            picked
                .get()
                .filter(|p| cs.contains(p))
                .or_else(|| cs.iter().copied().find(|c| *c != Column::Baseline))
        })
    });
    (picked, shown)
}

/// The picker of [`phone_pick`], shown on phones when there is more than one scenario.
#[component]
pub fn PhonePick(
    id: &'static str,
    picked: RwSignal<Option<Column>>,
    shown: Memo<Option<Column>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let names = ctx.column_names();
    view! {
        <Show when=move || ctx.columns.with(|c| c.len() > 2)>
            <div class="phone-only headline-pick">
                <label for=id>{move || texts(lang.get()).compare_with}</label>
                <select
                    id=id
                    on:change=move |ev| {
                        let key = event_target_value(&ev);
                        picked.set(ctx.column_by_key(&key));
                    }
                >
                    {move || {
                        let current = shown.get();
                        names
                            .get()
                            .into_iter()
                            .filter(|(c, _)| *c != Column::Baseline)
                            .map(|(c, name)| {
                                view! { <option value=c.key() selected=Some(c) == current>{name}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        </Show>
    }
}

#[component]
fn HeadlineRow(
    column: Column,
    /// The scenario a phone shows beside the baseline.
    picked: Signal<bool>,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let name = ctx.column_name(column);
    let error = ctx.column_error(column);
    let error_cell = move || {
        view! {
            <td class="error" colspan=Metric::HEADLINE.len() data-scenario=column.key() data-error="true">
                {move || {
                    let l = lang.get();
                    error
                        .get()
                        .map(|e| format!("{}: {}", texts(l).model_error, e.message(l)))
                }}
            </td>
        }
    };
    view! {
        <tr class:baseline=column == Column::Baseline class:picked=move || picked.get()>
            <th scope="row">{name}</th>
            <Show when=move || error.with(Option::is_none) fallback=error_cell>
                {Metric::HEADLINE
                    .into_iter()
                    .map(|metric| view! { <LiveFigure column=column metric=metric beside=Beside::Difference/> })
                    .collect_view()}
            </Show>
        </tr>
    }
}
