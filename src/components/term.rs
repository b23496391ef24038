//! A figure's name that explains itself: hover, focus or tap it and its definition appears,
//! with the formula in the plan's own numbers (baseline) where the figure has one. Esc closes it.
//! The definition is a popover (the top layer), placed under its name within the window: no
//! scrolling table clips it and no later row paints over it.

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
    let button = NodeRef::<leptos::html::Button>::new();
    let tip = NodeRef::<leptos::html::Span>::new();
    // What the pointer that pressed the name was and whether the definition was open before
    // it: a mouse's click keeps it open (hovering opened it), a tap toggles it, and a key
    // press (no pointer) toggles it as it stands.
    let press = StoredValue::new(None::<(bool, bool)>);
    // A fixed definition follows its name when the page scrolls.
    let on_scroll = StoredValue::new_local(None::<WindowListenerHandle>);
    // One listener at most: `open` set again while open (a hover, then a click) replaces it.
    let stop_following = move || {
        if let Some(handle) = on_scroll.try_update_value(Option::take).flatten() {
            handle.remove();
        }
    };
    on_cleanup(stop_following);
    Effect::new(move |_| {
        let want = open.get();
        let (Some(button), Some(tip)) = (button.get(), tip.get()) else {
            return;
        };
        stop_following();
        if want {
            let _ = tip.show_popover();
            place(&button, &tip);
            on_scroll.set_value(Some(window_event_listener(leptos::ev::scroll, move |_| {
                place(&button, &tip)
            })));
        } else {
            let _ = tip.hide_popover();
        }
    });
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
            on:pointerenter=move |ev| {
                if ev.pointer_type() == "mouse" {
                    open.set(true);
                }
            }
            on:pointerleave=move |ev| {
                if ev.pointer_type() == "mouse" {
                    open.set(false);
                }
            }
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
                node_ref=button
                on:pointerdown=move |ev| {
                    press.set_value(Some((ev.pointer_type() == "mouse", open.get_untracked())));
                }
                on:click=move |_| {
                    match press.try_update_value(Option::take).flatten() {
                        Some((true, _)) => open.set(true),
                        Some((false, was_open)) => open.set(!was_open),
                        None => open.update(|o| *o = !*o),
                    }
                }
            >
                {move || i18n::metric(metric, lang.get())}
            </button>
            <span role="tooltip" id=id class="term-tip" popover="manual" node_ref=tip>
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

/// Puts the open definition under its name (over it when there is no room below), inside the
/// window by 8 px.
fn place(button: &web_sys::HtmlElement, tip: &web_sys::HtmlElement) {
    let b = button.get_bounding_client_rect();
    let t = tip.get_bounding_client_rect();
    // The window without its scroll bar (the root's box: its gutter is kept, style/main.css).
    let (width, height) = document().document_element().map_or((0.0, 0.0), |root| {
        let w = root.get_bounding_client_rect().width();
        (
            w.min(f64::from(root.client_width())),
            f64::from(root.client_height()),
        )
    });
    let left = b.left().min(width - t.width() - 8.0).max(8.0);
    let below = b.bottom() + 4.0;
    let above = b.top() - t.height() - 4.0;
    let top = if below + t.height() > height - 8.0 && above >= 8.0 {
        above
    } else {
        below
    };
    let style = tip.style();
    let _ = style.set_property("left", &format!("{}px", left.round()));
    let _ = style.set_property("top", &format!("{}px", top.round()));
}
