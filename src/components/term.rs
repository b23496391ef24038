//! A figure's name that explains itself: hover, focus or tap it and its definition appears,
//! with the formula in the plan's own numbers (baseline) where the figure has one. Esc closes it.

use leptos::prelude::*;

use crate::ctx::use_ctx;
use crate::format;
use crate::i18n::{self, texts};
use crate::model::{Column, Figure, Formula, Metric};

#[component]
pub fn MetricTerm(
    metric: Metric,
    /// Where on the page (ids must be unique): `headline`, `compare`.
    scope: &'static str,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let open = RwSignal::new(false);
    let id = format!("def-{scope}-{}", metric.key());
    // Computed only while the definition is open: nothing on the keystroke path.
    let formula = move || {
        let formula = metric.formula()?;
        let l = lang.get();
        let currency = ctx.currency.get();
        ctx.comparison.with(|c| {
            let e = c.as_ref()?.get(Column::Baseline)?.as_ref().ok()?;
            let show = |m: Metric| match m.of(&e.metrics) {
                Figure::Value(v) => format::value(m.unit(), m, v, &currency, l),
                f @ Figure::Undefined(_) => format::figure(m, f, &currency, l),
            };
            let (a, op, b) = match formula {
                Formula::Ratio(a, b) => (a, "÷", b),
                Formula::Sum(a, b) => (a, "+", b),
            };
            Some(format!(
                "{} = {} {op} {} = {} {op} {} = {}",
                i18n::metric(metric, l),
                i18n::metric(a, l),
                i18n::metric(b, l),
                show(a),
                show(b),
                show(metric),
            ))
        })
    };
    view! {
        <span
            class="term"
            class:open=move || open.get()
            on:mouseenter=move |_| open.set(true)
            on:mouseleave=move |_| open.set(false)
            on:focusin=move |_| open.set(true)
            on:focusout=move |_| open.set(false)
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    open.set(false);
                }
            }
        >
            <button
                type="button"
                class="term-button"
                data-definition=metric.key()
                aria-describedby=id.clone()
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || i18n::metric(metric, lang.get())}
            </button>
            <span role="tooltip" id=id class="term-tip">
                <span class="definition">{move || i18n::metric_definition(metric, lang.get())}</span>
                <Show when=move || open.get()>
                    {move || {
                        formula()
                            .map(|f| {
                                view! {
                                    <span class="formula">
                                        <span class="muted">{move || texts(lang.get()).baseline_numbers}</span>
                                        " "
                                        {f}
                                    </span>
                                }
                            })
                    }}
                </Show>
            </span>
        </span>
    }
}
