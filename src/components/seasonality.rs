//! The seasonality of new customers: twelve percentages, January to December, the calendar
//! month of the plan's month 1, a row pasted from a spreadsheet, and a small bar preview. The
//! shell (a closed `<details>` with a one-line summary) is in the economics form; this part is
//! fetched when it is opened.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::components::number_field::NumberField;
use crate::ctx::use_ctx;
use crate::format;
use crate::i18n::texts;
use crate::model::{seasonality_row, Plan, Rule};
use crate::state::PlanEdit;

/// The twelve values of `plan`, 100s when it has none.
fn values(plan: Option<&Plan>) -> Vec<Decimal> {
    plan.and_then(|p| p.seasonality_pct.clone())
        .unwrap_or_else(|| vec![Decimal::ONE_HUNDRED; 12])
}

#[component]
pub fn Seasonality() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let season = Memo::new(move |_| ctx.plan.with(|p| values(p.as_deref())));
    let first = Memo::new(move |_| {
        ctx.plan
            .with(|p| p.as_ref().map_or(1, |p| p.first_calendar_month))
    });
    let set_month = move |index: usize, v: Decimal| {
        let mut all = season.get_untracked();
        all[index] = v;
        ctx.apply(PlanEdit::SetSeasonality(Some(all)))
    };
    let fields = (0..12_usize)
        .map(|i| {
            let month = u8::try_from(i + 1).unwrap_or(1);
            view! {
                <NumberField
                    id=format!("season-{}", i + 1)
                    field=format!("season_{}", i + 1)
                    label=Signal::derive(move || format::calendar_month(month, lang.get()))
                    value=Signal::derive(move || season.with(|s| s[i]))
                    rule=Rule::seasonal_pct()
                    on_commit=Callback::new(move |v| set_month(i, v))
                />
            }
        })
        .collect_view();
    // The preview: one bar a month, its height the month's share of the highest.
    let bars = move || {
        let s = season.get();
        let top = s
            .iter()
            .copied()
            .max()
            .unwrap_or(Decimal::ONE_HUNDRED)
            .max(Decimal::ONE);
        s.iter()
            .map(|v| {
                let pct = (*v * Decimal::ONE_HUNDRED / top).round_dp(1);
                view! { <span class="season-bar" style=format!("height:{pct}%")></span> }
            })
            .collect_view()
    };
    let paste_error = RwSignal::new(false);
    let on_paste = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if text.trim().is_empty() {
            paste_error.set(false);
            return;
        }
        match seasonality_row(&text) {
            Some(row) => {
                paste_error.set(false);
                ctx.report(ctx.apply(PlanEdit::SetSeasonality(Some(row))));
            }
            None => paste_error.set(true),
        }
    };
    view! {
        <div class="seasonality-body" data-testid="seasonality-body">
            <p class="muted small">{move || t().seasonality_help}</p>
            <div class="field compact-row">
                <label for="season-first">{move || t().first_calendar_month}</label>
                <select
                    id="season-first"
                    data-field="first_calendar_month"
                    prop:value=move || first.get().to_string()
                    on:change=move |ev| {
                        if let Ok(m) = event_target_value(&ev).parse::<u8>() {
                            ctx.report(ctx.apply(PlanEdit::SetFirstCalendarMonth(m)));
                        }
                    }
                >
                    {move || {
                        let l = lang.get();
                        let chosen = first.get_untracked();
                        (1..=12_u8)
                            .map(|m| view! { <option value=m.to_string() selected=m == chosen>{format::calendar_month(m, l)}</option> })
                            .collect_view()
                    }}
                </select>
            </div>
            <div class="season-preview" aria-hidden="true">{bars}</div>
            <div class="season-grid">{fields}</div>
            <div class="field">
                <label for="season-paste">{move || t().seasonality_paste}</label>
                <input
                    id="season-paste"
                    type="text"
                    data-field="season_paste"
                    autocomplete="off"
                    aria-describedby="season-paste-hint"
                    on:change=on_paste
                />
                <small id="season-paste-hint" class="hint">{move || t().seasonality_paste_hint}</small>
                <Show when=move || paste_error.get()>
                    <p class="field-error" role="alert">{move || t().seasonality_paste_bad}</p>
                </Show>
            </div>
            <button
                type="button"
                class="button quiet"
                data-action="clear-seasonality"
                on:click=move |_| ctx.report(ctx.apply(PlanEdit::SetSeasonality(None)))
            >
                {move || t().seasonality_clear}
            </button>
        </div>
    }
}
