//! The budget lines as an editable table, with subtotals by category and stage and the total
//! always in view.

use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;

use crate::app::use_ctx;
use crate::components::figure::data_value;
use crate::components::number_field::{NumberField, TextField};
use crate::format;
use crate::i18n::{self, texts};
use crate::model::{
    limits, line_total, Basis, BudgetLine, Category, Column, Figure, HorizonDrivers, LineId,
    Metric, Rule, Stage,
};
use crate::state::{Action, LineEdit};

/// Moves keyboard focus to the element with `id` once the DOM has settled.
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

#[component]
pub fn BudgetTable() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let ids = Memo::new(move |_| {
        ctx.plan.with(|p| {
            p.as_ref()
                .map(|p| p.lines.iter().map(|l| l.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let drivers = Memo::new(move |_| {
        ctx.comparison.with(|c| {
            c.as_ref()
                .and_then(|c| c.baseline())
                .map(|e| HorizonDrivers::of(&e.projection.months))
        })
    });
    let count = move || ids.with(Vec::len);
    let add = move |_: leptos::ev::MouseEvent| {
        if ctx.dispatch(Action::AddLine).is_ok() {
            if let Some(id) = ids.with_untracked(|v| v.last().copied()) {
                focus_later(format!("line-{}-name", id.0));
            }
        }
    };

    view! {
        <section class="card" aria-labelledby="lines-title">
            <div class="section-head">
                <h2 id="lines-title">
                    {move || t().lines_title}
                    <span class="count">{move || format!("{} {}", count(), t().line_count)}</span>
                </h2>
                <button
                    type="button"
                    class="button primary"
                    data-action="add-line"
                    id="add-line"
                    disabled=move || { count() >= limits::LINES }
                    on:click=add
                >
                    {move || format!("+ {}", t().add_line)}
                </button>
            </div>
            <Subtotals/>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="lines-title">
                <table class="data lines-table" data-testid="lines">
                    <thead>
                        <tr>
                            <th scope="col">{move || t().col_name}</th>
                            <th scope="col">{move || t().col_category}</th>
                            <th scope="col">{move || t().col_stage}</th>
                            <th scope="col">{move || t().col_basis}</th>
                            <th scope="col">{move || t().col_month}</th>
                            <th scope="col" class="num">{move || t().col_amount}</th>
                            <th scope="col" class="num">{move || t().col_total}</th>
                            <th scope="col">
                                <span class="visually-hidden">{move || t().col_actions}</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || ids.get()
                            key=|id| *id
                            children=move |id| view! { <LineRow id=id drivers=drivers/> }
                        />
                    </tbody>
                </table>
                <Show when=move || count() == 0>
                    <p class="empty">{move || t().no_lines}</p>
                </Show>
            </div>
        </section>
    }
}

/// Subtotals by category and stage and the total: the baseline's costs over the horizon.
#[component]
fn Subtotals() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let cell = move |metric: Metric, label: String, figure: Figure, currency: &str| {
        let (value, reason) = data_value(figure);
        let text = format::figure(metric, figure, currency, lang.get());
        view! {
            <div class="subtotal" data-scenario=Column::Baseline.key() data-metric=metric.key() data-value=value data-reason=reason>
                <span class="label">{label}</span>
                <span class="value">{text}</span>
            </div>
        }
    };
    let body = move || {
        let l = lang.get();
        let currency = ctx.currency();
        ctx.comparison.with(|c| {
            let Some(m) = c.as_ref().and_then(|c| c.baseline()).map(|e| &e.metrics) else {
                return ().into_any();
            };
            let categories = Category::ALL
                .into_iter()
                .map(|c| {
                    let metric = Metric::CategoryCost(c);
                    cell(
                        metric,
                        i18n::category(c, l).to_owned(),
                        metric.of(m),
                        &currency,
                    )
                })
                .collect_view();
            let stages = Stage::ALL
                .into_iter()
                .map(|s| {
                    let metric = Metric::StageCost(s);
                    cell(
                        metric,
                        i18n::stage(s, l).to_owned(),
                        metric.of(m),
                        &currency,
                    )
                })
                .collect_view();
            let total = cell(
                Metric::TotalCost,
                t().grand_total.to_owned(),
                Metric::TotalCost.of(m),
                &currency,
            );
            view! {
                <div class="subtotal-group">
                    <h3>{t().by_category}</h3>
                    <div class="subtotal-row">{categories}</div>
                </div>
                <div class="subtotal-group">
                    <h3>{t().by_stage}</h3>
                    <div class="subtotal-row">{stages}</div>
                </div>
                <div class="subtotal-group total">{total}</div>
            }
            .into_any()
        })
    };
    view! { <div class="subtotals" data-testid="subtotals">{body}</div> }
}

#[component]
fn LineRow(id: LineId, drivers: Memo<Option<HorizonDrivers>>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let line = Memo::new(move |_| {
        ctx.plan
            .with(|p| p.as_ref().and_then(|p| p.line(id).cloned()))
    });
    let get = move |f: fn(&BudgetLine) -> String| {
        move || line.with(|l| l.as_ref().map(f).unwrap_or_default())
    };
    let name = Signal::derive(get(|l| l.name.clone()));
    let amount =
        Signal::derive(move || line.with(|l| l.as_ref().map(|l| l.amount).unwrap_or_default()));
    let basis = move || line.with(|l| l.as_ref().map(|l| l.basis));
    let month = Signal::derive(move || match basis() {
        Some(Basis::OneTime { month }) => Decimal::from(month),
        _ => Decimal::ONE,
    });
    let is_one_time = move || matches!(basis(), Some(Basis::OneTime { .. }));
    let outside = move || {
        let horizon = ctx
            .plan
            .with(|p| p.as_ref().map_or(0, |p| p.horizon_months));
        matches!(basis(), Some(Basis::OneTime { month }) if month > horizon)
    };
    let edit = move |e: LineEdit| ctx.dispatch(Action::UpdateLine(id, e));
    let total = move || {
        let d = drivers.get()?;
        line.with(|l| l.as_ref().and_then(|l| line_total(l, &d)))
    };
    let initial = line.get_untracked();
    let initial_category = initial.as_ref().map(|l| l.category);
    let initial_stage = initial.as_ref().map(|l| l.stage);
    let initial_kind = initial.as_ref().map(|l| l.basis.kind());
    let prefix = format!("line-{}", id.0);
    let month_id = format!("{prefix}-month");
    let label_for = move |what: &'static str| {
        let n = name.get();
        match lang.get() {
            crate::model::Lang::Zh => format!("「{n}」的{what}"),
            crate::model::Lang::En => format!("{what} of “{n}”"),
        }
    };

    view! {
        <tr data-line=id.0>
            <td class="name">
                <TextField
                    id=format!("{prefix}-name")
                    field="name"
                    compact=true
                    label=Signal::derive(move || t().col_name.to_owned())
                    value=name
                    on_commit=Callback::new(move |n| edit(LineEdit::Name(n)))
                />
            </td>
            <td>
                <label for=format!("{prefix}-category") class="visually-hidden">
                    {move || label_for(t().col_category)}
                </label>
                <select
                    id=format!("{prefix}-category")
                    data-field="category"
                    prop:value=get(|l| l.category.key().to_owned())
                    on:change=move |ev| {
                        if let Some(c) = Category::from_key(&event_target_value(&ev)) {
                            let _ = edit(LineEdit::Category(c));
                        }
                    }
                >
                    {Category::ALL
                        .into_iter()
                        .map(|c| {
                            view! {
                                <option value=c.key() selected=initial_category == Some(c)>
                                    {move || i18n::category(c, lang.get())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </td>
            <td>
                <label for=format!("{prefix}-stage") class="visually-hidden">
                    {move || label_for(t().col_stage)}
                </label>
                <select
                    id=format!("{prefix}-stage")
                    data-field="stage"
                    prop:value=get(|l| l.stage.key().to_owned())
                    on:change=move |ev| {
                        if let Some(s) = Stage::from_key(&event_target_value(&ev)) {
                            let _ = edit(LineEdit::Stage(s));
                        }
                    }
                >
                    {Stage::ALL
                        .into_iter()
                        .map(|s| {
                            view! {
                                <option value=s.key() selected=initial_stage == Some(s)>
                                    {move || i18n::stage(s, lang.get())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </td>
            <td>
                <label for=format!("{prefix}-basis") class="visually-hidden">
                    {move || label_for(t().col_basis)}
                </label>
                <select
                    id=format!("{prefix}-basis")
                    data-field="basis"
                    prop:value=get(|l| l.basis.kind().to_owned())
                    on:change=move |ev| {
                        let month = match basis() {
                            Some(Basis::OneTime { month }) => month,
                            _ => 1,
                        };
                        if let Some(b) = Basis::from_kind(&event_target_value(&ev), month) {
                            let _ = edit(LineEdit::Basis(b));
                        }
                    }
                >
                    {Basis::KINDS
                        .into_iter()
                        .map(|k| {
                            view! {
                                <option value=k selected=initial_kind == Some(k)>
                                    {move || i18n::basis_kind(k, lang.get())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </td>
            <td class="month">
                <Show when=is_one_time fallback=|| view! { <span class="muted" aria-hidden="true">"—"</span> }>
                    <NumberField
                        id=month_id.clone()
                        field="month"
                        compact=true
                        label=Signal::derive(move || label_for(texts(lang.get()).col_month))
                        value=month
                        rule=Rule::months(1, limits::HORIZON_MONTHS)
                        on_commit=Callback::new(move |v: Decimal| {
                            let m = u16::try_from(v.mantissa()).unwrap_or(0);
                            edit(LineEdit::Basis(Basis::OneTime { month: m }))
                        })
                    />
                    <Show when=outside>
                        <small class="warning">{move || texts(lang.get()).outside_horizon}</small>
                    </Show>
                </Show>
            </td>
            <td class="num">
                <NumberField
                    id=format!("{prefix}-amount")
                    field="amount"
                    compact=true
                    label=Signal::derive(move || label_for(texts(lang.get()).col_amount))
                    value=amount
                    rule=Rule::money()
                    on_commit=Callback::new(move |v| edit(LineEdit::Amount(v)))
                />
            </td>
            <td
                class="num total"
                data-scenario="baseline"
                data-metric="line_total"
                data-line=id.0
                data-value=move || total().map(|v| v.normalize().to_string()).unwrap_or_default()
            >
                {move || total().map(|v| format::money(v, &ctx.currency())).unwrap_or_default()}
            </td>
            <td class="actions">
                <button
                    type="button"
                    class="button icon quiet"
                    id=format!("{prefix}-duplicate")
                    data-action="duplicate-line"
                    title=move || t().duplicate
                    aria-label=move || label_for(t().duplicate)
                    on:click=move |_| {
                        let _ = ctx.dispatch(Action::DuplicateLine(id));
                    }
                >
                    "⧉"
                </button>
                <button
                    type="button"
                    class="button icon quiet"
                    id=format!("{prefix}-up")
                    data-action="move-line-up"
                    title=move || t().move_up
                    aria-label=move || label_for(t().move_up)
                    on:click=move |_| {
                        let _ = ctx.dispatch(Action::MoveLine(id, -1));
                        focus_later(format!("line-{}-up", id.0));
                    }
                >
                    "↑"
                </button>
                <button
                    type="button"
                    class="button icon quiet"
                    id=format!("{prefix}-down")
                    data-action="move-line-down"
                    title=move || t().move_down
                    aria-label=move || label_for(t().move_down)
                    on:click=move |_| {
                        let _ = ctx.dispatch(Action::MoveLine(id, 1));
                        focus_later(format!("line-{}-down", id.0));
                    }
                >
                    "↓"
                </button>
                <button
                    type="button"
                    class="button icon quiet danger"
                    id=format!("{prefix}-delete")
                    data-action="delete-line"
                    title=move || t().delete
                    aria-label=move || label_for(t().delete)
                    on:click=move |_| {
                        let _ = ctx.dispatch(Action::DeleteLine(id));
                        focus_later("add-line".to_owned());
                    }
                >
                    "✕"
                </button>
            </td>
        </tr>
    }
}
