//! "How this is calculated": the month-by-month grid behind the headline figures (customers,
//! cost by category, contribution) for the baseline or any scenario, copyable to a spreadsheet.
//! Nothing is built until it is opened.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::lazy::{Lazy, Which};
use crate::ctx::use_ctx;
use crate::exchange::report::months_tsv;
use crate::format;
use crate::i18n::{self, texts};
use crate::model::Column;
use crate::model::MonthColumn;

#[component]
pub fn CalcGrid() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let open = RwSignal::new(false);
    let details = NodeRef::<html::Details>::new();
    view! {
        <details
            class="card calc-grid"
            data-testid="calc-grid"
            node_ref=details
            on:toggle=move |_| open.set(details.get_untracked().is_some_and(|d| d.open()))
        >
            <summary>{move || t().calc_title}</summary>
            <p class="muted small">{move || t().calc_help}</p>
            // The grid's code is fetched the first time it is opened.
            <Show when=move || open.get()>
                <Lazy which=Which::MonthGrid/>
            </Show>
        </details>
    }
}

/// The grid itself, with its scenario picker and copy button (the `month_grid` part).
#[component]
pub fn MonthGrid() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let column = RwSignal::new(Column::Baseline);
    let names = ctx.column_names();
    let copied = RwSignal::new(false);
    let months = Memo::new(move |_| {
        let col = column.get();
        ctx.comparison.with(|c| {
            c.as_ref()
                .and_then(|c| c.get(col))
                .and_then(|r| r.as_ref().ok())
                .map(|e| e.projection.months.clone())
                .unwrap_or_default()
        })
    });
    let copy = move |_| {
        let text = months.with(|m| months_tsv(m, lang.get_untracked()));
        copied.set(copy_plain(&text));
    };
    let header = move || {
        MonthColumn::all()
            .into_iter()
            .map(|c| {
                view! { <th scope="col" class:num=c.is_money()>{move || i18n::month_column(c, lang.get())}</th> }
            })
            .collect_view()
    };
    view! {
        <div class="calc-head">
            <label for="calc-column">{move || t().scenario}</label>
            <select
                id="calc-column"
                on:change=move |ev| {
                    let key = event_target_value(&ev);
                    if let Some(c) = ctx.column_by_key(&key) {
                        column.set(c);
                    }
                }
            >
                {move || {
                    let current = column.get_untracked();
                    names
                        .get()
                        .into_iter()
                        .map(|(c, name)| {
                            view! { <option value=c.key() selected=c == current>{name}</option> }
                        })
                        .collect_view()
                }}
            </select>
            <button type="button" class="button" data-action="copy-grid" on:click=copy>
                {move || t().copy_table}
            </button>
            <Show when=move || copied.get()>
                <span class="muted small" role="status">{move || t().copied}</span>
            </Show>
        </div>
        <div class="table-scroll" tabindex="0" role="region" aria-label=move || t().calc_title>
            <table class="data calc-table row-cards">
                <thead>
                    <tr>{header()}</tr>
                </thead>
                <tbody>
                    {move || {
                        let l = lang.get();
                        let currency = ctx.currency.get();
                        months
                            .get()
                            .iter()
                            .map(|m| {
                                let cells = MonthColumn::all()
                                    .into_iter()
                                    .map(|c| {
                                        let v = c.of(m);
                                        let text = match c {
                                            MonthColumn::Month => crate::format::month_number(&v.to_string(), l),
                                            c if c.is_money() => format::money(v, &currency),
                                            // As the headline shows customers.
                                            _ => format::customers(v),
                                        };
                                        view! {
                                            <td
                                                class:num=c.is_money()
                                                data-value=v.normalize().to_string()
                                                data-label=i18n::month_column(c, l)
                                            >
                                                {text}
                                            </td>
                                        }
                                    })
                                    .collect_view();
                                view! { <tr>{cells}</tr> }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}

/// Puts `text` on the clipboard: the Clipboard API where there is one, else a selected hidden
/// text area and `execCommand("copy")` (plain-http intranets). Whether it worked.
fn copy_plain(text: &str) -> bool {
    let navigator = window().navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .map(|c| c.is_object())
        .unwrap_or(false);
    if has_clipboard {
        let _pending = navigator.clipboard().write_text(text);
        return true;
    }
    let doc = document();
    let Some(area) = doc
        .create_element("textarea")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return false;
    };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    // The CSSOM, not a `style` attribute: allowed under a strict CSP.
    let style = web_sys::HtmlElement::style(&area);
    let _ = style.set_property("position", "fixed");
    let _ = style.set_property("opacity", "0");
    let Some(body) = doc.body() else {
        return false;
    };
    if body.append_child(&area).is_err() {
        return false;
    }
    area.select();
    let done = doc
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    done
}
