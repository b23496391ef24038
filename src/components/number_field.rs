//! A labelled input for a number, through the model's parser.
//!
//! The raw text the user typed is kept apart from the parsed value, so typing `1.` or `1.2万`
//! is never rewritten under the cursor. A valid text is committed at once; an invalid one shows
//! its message beside the field in the current language, and the last valid value stays in force.
//! When the value changes from outside (undo, another tab), the text follows it.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::ctx::use_ctx;
use crate::format;
use crate::model::{parse_value, ModelError, ParseError, Rule};

/// Why the text in a field is not in force.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldError {
    Parse(ParseError),
    Model(ModelError),
}

impl FieldError {
    pub fn message(&self, lang: crate::model::Lang) -> String {
        match self {
            FieldError::Parse(e) => e.message(lang),
            FieldError::Model(e) => match e {
                ModelError::Invalid { problem, .. } => problem.message(lang),
                other => other.message(lang),
            },
        }
    }
}

#[component]
pub fn NumberField(
    /// The element id, unique on the page; the label and the message refer to it.
    #[prop(into)]
    id: String,
    #[prop(into)] label: Signal<String>,
    /// The value in force.
    #[prop(into)]
    value: Signal<Decimal>,
    rule: Rule,
    /// Called with each valid value; an error from it is shown like a parse error.
    on_commit: Callback<Decimal, Result<(), ModelError>>,
    #[prop(optional, into)] hint: Signal<String>,
    /// Hide the label visually (tables show it in the column header).
    #[prop(optional)]
    compact: bool,
    /// Extra data attributes for tests and tools: the field's name.
    #[prop(optional, into)]
    field: String,
) -> impl IntoView {
    let ctx = use_ctx();
    let text = RwSignal::new(format::input(value.get_untracked()));
    let error = RwSignal::new(None::<FieldError>);

    // Follow outside changes of the value, unless the text already means that value.
    Effect::new(move |_| {
        let v = value.get();
        let current = text.with_untracked(|t| parse_value(t, rule).ok());
        if current != Some(v) {
            text.set(format::input(v));
            error.set(None);
        }
    });

    let on_input = move |ev: leptos::ev::Event| {
        let raw = event_target_value(&ev);
        text.set(raw.clone());
        match parse_value(&raw, rule) {
            Ok(v) => match on_commit.run(v) {
                Ok(()) => error.set(None),
                Err(e) => error.set(Some(FieldError::Model(e))),
            },
            Err(e) => error.set(Some(FieldError::Parse(e))),
        }
    };

    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let has_hint = move || hint.with(|h| !h.is_empty());
    let described_by = {
        let error_id = error_id.clone();
        let hint_id = hint_id.clone();
        move || {
            let mut ids = Vec::new();
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            if has_hint() {
                ids.push(hint_id.clone());
            }
            ids.join(" ")
        }
    };
    let inputmode = if rule.percent || rule.whole {
        "decimal"
    } else {
        "text"
    };

    view! {
        <div class="field" class:compact=compact class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone() class:visually-hidden=compact>{move || label.get()}</label>
            <input
                id=id.clone()
                type="text"
                inputmode=inputmode
                autocomplete="off"
                spellcheck="false"
                data-field=field
                prop:value=move || text.get()
                on:input=on_input
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=described_by
            />
            <Show when=has_hint>
                <small id=hint_id.clone() class="hint">{move || hint.get()}</small>
            </Show>
            <p id=error_id class="field-error" role="alert" aria-live="polite">
                {move || error.with(|e| e.as_ref().map(|e| e.message(ctx.lang.get())))}
            </p>
        </div>
    }
}

/// A labelled text input (names) with the length limit checked by the reducer.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<String>,
    on_commit: Callback<String, Result<(), ModelError>>,
    #[prop(optional)] compact: bool,
    #[prop(optional, into)] field: String,
) -> impl IntoView {
    let ctx = use_ctx();
    let text = RwSignal::new(value.get_untracked());
    let error = RwSignal::new(None::<ModelError>);
    Effect::new(move |_| {
        let v = value.get();
        if text.with_untracked(|t| *t != v) {
            text.set(v);
            error.set(None);
        }
    });
    let error_id = format!("{id}-error");
    view! {
        <div class="field text" class:compact=compact class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone() class:visually-hidden=compact>{move || label.get()}</label>
            <input
                id=id.clone()
                type="text"
                autocomplete="off"
                data-field=field
                prop:value=move || text.get()
                on:input=move |ev| {
                    let raw = event_target_value(&ev);
                    text.set(raw.clone());
                    match on_commit.run(raw) {
                        Ok(()) => error.set(None),
                        Err(e) => error.set(Some(e)),
                    }
                }
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=error_id.clone()
            />
            <p id=error_id class="field-error" role="alert" aria-live="polite">
                {move || {
                    error.with(|e| {
                        e.as_ref()
                            .map(|e| match e {
                                ModelError::Invalid { problem, .. } => problem.message(ctx.lang.get()),
                                other => other.message(ctx.lang.get()),
                            })
                    })
                }}
            </p>
        </div>
    }
}
