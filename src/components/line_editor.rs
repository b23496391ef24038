//! The one editor of a budget line's fields (name, category, stage, basis, month, amount), used
//! by the budget table's rows and by a scenario's "add a line" lever. What it edits and where
//! the edit goes (the plan's line, or the lever's line) is the caller's; the fields, their
//! labels and their behaviour (a basis change keeps a one-time month, selects follow undo) are
//! this file's alone.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::components::number_field::{MonthField, NumberField, TextField};
use crate::ctx::use_ctx;
use crate::i18n::{self, texts, Texts};
use crate::model::plan::BasisKind;
use crate::model::{limits, Basis, BudgetLine, Category, Lang, ModelError, Rule, Stage};
use crate::state::LineEdit;

/// Where a line's fields sit: each field wrapped for its place. A type, not a value, so each
/// place's editor is its own plain view (no type erasure) and lives in the module that loads
/// with its screen: the budget table's at start, the lever's with the scenarios.
pub trait LineLayout: 'static {
    /// A field, in the cell of `column`.
    fn cell<V: IntoView + 'static>(
        class: Option<&'static str>,
        column: fn(&Texts) -> &'static str,
        lang: ReadSignal<Lang>,
        field: V,
    ) -> impl IntoView;

    /// A select with its hidden label, in the cell of `column`.
    fn select_cell<V: IntoView + 'static>(
        column: fn(&Texts) -> &'static str,
        lang: ReadSignal<Lang>,
        select: V,
    ) -> impl IntoView;
}

/// A budget table's cells (`<td>`, each with its column's name for the phone cards).
pub struct Cells;

impl LineLayout for Cells {
    fn cell<V: IntoView + 'static>(
        class: Option<&'static str>,
        column: fn(&Texts) -> &'static str,
        lang: ReadSignal<Lang>,
        field: V,
    ) -> impl IntoView {
        view! { <td class=class data-label=move || column(texts(lang.get()))>{field}</td> }
    }

    fn select_cell<V: IntoView + 'static>(
        column: fn(&Texts) -> &'static str,
        lang: ReadSignal<Lang>,
        select: V,
    ) -> impl IntoView {
        Self::cell(None, column, lang, select)
    }
}

/// A lever row's fields.
pub struct Fields;

impl LineLayout for Fields {
    fn cell<V: IntoView + 'static>(
        _: Option<&'static str>,
        _: fn(&Texts) -> &'static str,
        _: ReadSignal<Lang>,
        field: V,
    ) -> impl IntoView {
        field
    }

    fn select_cell<V: IntoView + 'static>(
        _: fn(&Texts) -> &'static str,
        _: ReadSignal<Lang>,
        select: V,
    ) -> impl IntoView {
        view! { <div class="field compact">{select}</div> }
    }
}

/// The options of a select, rebuilt when the language changes; `current` is read untracked
/// (the select's `prop:value` follows the value).
pub fn options<T: Copy + PartialEq + Send + Sync + 'static>(
    all: &'static [T],
    key: fn(T) -> &'static str,
    label: fn(T, Lang) -> &'static str,
    lang: ReadSignal<Lang>,
    current: impl Fn() -> Option<T> + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        let l = lang.get();
        let selected = current();
        all.iter()
            .map(|&v| view! { <option value=key(v) selected=selected == Some(v)>{label(v, l)}</option> })
            .collect_view()
    }
}

/// One of a line's kinds (category, stage, basis): its field's name, its column, every value,
/// and how a value is keyed, named and read back.
struct Kinds<T: 'static> {
    field: &'static str,
    column: fn(&Texts) -> &'static str,
    all: &'static [T],
    key: fn(T) -> &'static str,
    name: fn(T, Lang) -> &'static str,
    from_key: fn(&str) -> Option<T>,
}

const CATEGORY: Kinds<Category> = Kinds {
    field: "category",
    column: |t| t.col_category,
    all: &Category::ALL,
    key: Category::key,
    name: i18n::category,
    from_key: Category::from_key,
};

const STAGE: Kinds<Stage> = Kinds {
    field: "stage",
    column: |t| t.col_stage,
    all: &Stage::ALL,
    key: Stage::key,
    name: i18n::stage,
    from_key: Stage::from_key,
};

const BASIS: Kinds<BasisKind> = Kinds {
    field: "basis",
    column: |t| t.col_basis,
    all: &BasisKind::ALL,
    key: BasisKind::key,
    name: i18n::basis_kind,
    from_key: BasisKind::from_key,
};

/// A select of one of a line's kinds, following the line's value (undo included), with its
/// hidden label.
fn kind_select<T: Copy + PartialEq + Send + Sync + 'static>(
    id: String,
    label: impl Fn() -> String + Send + Sync + 'static,
    kinds: Kinds<T>,
    lang: ReadSignal<Lang>,
    current: impl Fn() -> Option<T> + Copy + Send + Sync + 'static,
    pick: impl Fn(T) + 'static,
) -> impl IntoView {
    let Kinds {
        field,
        all,
        key,
        name,
        from_key,
        ..
    } = kinds;
    view! {
        <label for=id.clone() class="visually-hidden">{label}</label>
        <select
            id=id
            data-field=field
            prop:value=move || current().map(key).unwrap_or_default()
            on:change=move |ev| {
                if let Some(v) = from_key(&event_target_value(&ev)) {
                    pick(v);
                }
            }
        >
            {options(all, key, name, lang, move || untrack(current))}
        </select>
    }
}

/// A line's fields, placed as `L` says. `prefix` makes the controls' ids (`{prefix}-name`,
/// `-category`, …); `on_edit` applies an edit and returns a refusal for the field to show.
pub fn line_fields<L: LineLayout>(
    line: Signal<Option<BudgetLine>>,
    prefix: &str,
    on_edit: Callback<LineEdit, Result<(), ModelError>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let name = Signal::derive(move || {
        line.with(|l| l.as_ref().map(|l| l.name.clone()).unwrap_or_default())
    });
    let amount =
        Signal::derive(move || line.with(|l| l.as_ref().map(|l| l.amount).unwrap_or_default()));
    let basis = move || line.with(|l| l.as_ref().map(|l| l.basis));
    let month = Signal::derive(move || match basis() {
        Some(Basis::OneTime { month }) => Decimal::from(month),
        _ => Decimal::ONE,
    });
    let is_one_time = move || matches!(basis(), Some(Basis::OneTime { .. }));
    let outside = move || {
        let horizon = ctx.horizon.get();
        match basis() {
            Some(Basis::OneTime { month }) => month > horizon,
            Some(_) => line.with(|l| l.as_ref().is_some_and(|l| l.window().0 > horizon)),
            None => false,
        }
    };
    let from_month = Signal::derive(move || line.with(|l| l.as_ref().and_then(|l| l.from_month)));
    let to_month = Signal::derive(move || line.with(|l| l.as_ref().and_then(|l| l.to_month)));
    let edit = move |e: LineEdit| on_edit.run(e);
    // "Category of “Ads”": the accessible name of each control of the line.
    let label_for = move |what: &str, l: Lang| i18n::of_item(what, &name.get(), l);
    let labelled = move |which: fn(&Texts) -> &'static str| {
        move || {
            let l = lang.get();
            label_for(which(texts(l)), l)
        }
    };
    let id = |what: &str| format!("{prefix}-{what}");
    let month_id = id("month");

    let name_field = view! {
        <TextField
            id=id("name")
            field="name"
            compact=true
            label=Signal::derive(move || texts(lang.get()).col_name.to_owned())
            value=name
            on_commit=Callback::new(move |n| edit(LineEdit::Name(n)))
        />
    };
    let category = kind_select(
        id(CATEGORY.field),
        labelled(CATEGORY.column),
        CATEGORY,
        lang,
        move || line.with(|l| l.as_ref().map(|l| l.category)),
        move |c| ctx.report(edit(LineEdit::Category(c))),
    );
    let stage = kind_select(
        id(STAGE.field),
        labelled(STAGE.column),
        STAGE,
        lang,
        move || line.with(|l| l.as_ref().map(|l| l.stage)),
        move |s| ctx.report(edit(LineEdit::Stage(s))),
    );
    // A new basis starts a one-time line in month 1 (the select sends no change when the
    // line is one-time already).
    let basis_field = kind_select(
        id(BASIS.field),
        labelled(BASIS.column),
        BASIS,
        lang,
        move || line.with(|l| l.as_ref().map(|l| l.basis.kind())),
        move |k: BasisKind| ctx.report(edit(LineEdit::Basis(k.basis(1)))),
    );
    let (from_id, to_id) = (id("from"), id("to"));
    // Any basis but one-time: the months the line runs, blank for the whole plan.
    let window = move || {
        view! {
        <span class="window">
            <MonthField
                id=from_id.clone()
                field="from_month"
                label=Signal::derive(move || {
                    let l = lang.get();
                    label_for(texts(l).col_from_month, l)
                })
                value=from_month
                placeholder=Signal::derive(|| "1".to_owned())
                on_commit=Callback::new(move |m| edit(LineEdit::FromMonth(m)))
            />
            <span class="window-to" aria-hidden="true">{move || texts(lang.get()).window_to}</span>
            <MonthField
                id=to_id.clone()
                field="to_month"
                label=Signal::derive(move || {
                    let l = lang.get();
                    label_for(texts(l).col_to_month, l)
                })
                value=to_month
                placeholder=Signal::derive(move || ctx.horizon.get().to_string())
                on_commit=Callback::new(move |m| edit(LineEdit::ToMonth(m)))
            />
            <Show when=outside>
                <small class="warning">{move || texts(lang.get()).outside_horizon}</small>
            </Show>
        </span>
        }
    };
    let month_field = view! {
        <Show
            when=is_one_time
            fallback=window
        >
            <NumberField
                id=month_id.clone()
                field="month"
                compact=true
                label=Signal::derive(move || {
                    let l = lang.get();
                    label_for(texts(l).col_month, l)
                })
                value=month
                rule=Rule::months(1, limits::HORIZON_MONTHS)
                on_commit=Callback::new(move |v: Decimal| {
                    let m = rust_decimal::prelude::ToPrimitive::to_u16(&v).unwrap_or(0);
                    edit(LineEdit::Basis(Basis::OneTime { month: m }))
                })
            />
            <Show when=outside>
                <small class="warning">{move || texts(lang.get()).outside_horizon}</small>
            </Show>
        </Show>
    };
    let amount_field = view! {
        <NumberField
            id=id("amount")
            field="amount"
            compact=true
            label=Signal::derive(move || {
                let l = lang.get();
                label_for(texts(l).col_amount, l)
            })
            value=amount
            rule=Rule::money()
            on_commit=Callback::new(move |v| edit(LineEdit::Amount(v)))
        />
    };
    view! {
        {L::cell(Some("name"), |t| t.col_name, lang, name_field)}
        {L::select_cell(CATEGORY.column, lang, category)}
        {L::select_cell(STAGE.column, lang, stage)}
        {L::select_cell(BASIS.column, lang, basis_field)}
        {L::cell(Some("month"), |t| t.col_months, lang, month_field)}
        {L::cell(Some("num"), |t| t.col_amount, lang, amount_field)}
    }
}
