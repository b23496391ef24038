//! A labelled input for a number, through the model's parser.
//!
//! The raw text the user typed is kept apart from the parsed value, so typing `1.` or `1.2万`
//! is never rewritten under the cursor. A valid text is committed at once; an invalid one shows
//! its message beside the field in the current language, and the last valid value stays in force.
//! When the value changes from outside (undo, another tab), the text follows it.

use crate::i18n::Describe;
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::ctx::use_ctx;
use crate::format;
use crate::model::{parse_value, percent_from_fraction, ModelError, ParseError, Rule};

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
    /// The phone keyboard, when the rule alone does not say (counts: `decimal`).
    #[prop(default = None)]
    keypad: Option<&'static str>,
) -> impl IntoView {
    let ctx = use_ctx();
    let typing = Typing::new(value, rule, on_commit);
    let Typing {
        text, error, ask, ..
    } = typing;
    // Phone decimal keypads (iOS) have no minus key: signed fields get a ± button.
    let signed = rule.min < Decimal::ZERO;

    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let has_hint = move || hint.with(|h| !h.is_empty());
    let described_by = {
        let error_id = error_id.clone();
        let hint_id = hint_id.clone();
        move || {
            let mut ids = Vec::new();
            if error.with(Option::is_some) || ask.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            if has_hint() {
                ids.push(hint_id.clone());
            }
            ids.join(" ")
        }
    };
    // Amounts take `1.2万` and `12k`, so they keep the full keyboard.
    let inputmode = keypad.unwrap_or(if rule.whole {
        "numeric"
    } else if rule.percent {
        "decimal"
    } else {
        "text"
    });

    view! {
        <div
            class="field"
            class:compact=compact
            class:invalid=move || error.with(Option::is_some)
            class:asking=move || ask.with(Option::is_some)
        >
            <label for=id.clone() class:visually-hidden=compact>{move || label.get()}</label>
            <div class="input-row">
                <input
                    id=id.clone()
                    type="text"
                    inputmode=inputmode
                    autocomplete="off"
                    spellcheck="false"
                    data-field=field
                    prop:value=move || text.get()
                    on:input=move |ev| typing.handle(event_target_value(&ev))
                    on:focus=move |_| typing.focused()
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    aria-describedby=described_by
                />
                {signed
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="button icon sign-toggle"
                                data-action="toggle-sign"
                                aria-controls=id.clone()
                                aria-label=move || crate::i18n::texts(ctx.lang.get()).change_sign
                                on:click=move |_| typing.flip_sign()
                            >
                                "±"
                            </button>
                        }
                    })}
            </div>
            <Show when=has_hint>
                <small id=hint_id.clone() class="hint">{move || hint.get()}</small>
            </Show>
            <p id=error_id class="field-error" role="alert" aria-live="polite">
                {move || error.with(|e| e.as_ref().map(|e| e.message(ctx.lang.get())))}
                {move || ask.get().map(|(typed, percent)| percent_question(typing, ctx.lang.get(), typed, percent))}
            </p>
        </div>
    }
}

/// What a number field holds while the user types: the text, why it is refused, and a question
/// about a percent typed as a fraction; with the value in force and how a new one is sent.
#[derive(Clone, Copy)]
struct Typing {
    text: RwSignal<String>,
    error: RwSignal<Option<FieldError>>,
    /// A percent typed as a fraction (`0.025`): the value as typed (if valid) and as a
    /// percent. Neither is used until the user picks one; the value in force stays meanwhile.
    ask: RwSignal<Option<(Option<Decimal>, Decimal)>>,
    /// The value in force when the field was focused.
    before_typing: StoredValue<Option<Decimal>>,
    value: Signal<Decimal>,
    rule: Rule,
    on_commit: Callback<Decimal, Result<(), ModelError>>,
}

impl Typing {
    fn new(
        value: Signal<Decimal>,
        rule: Rule,
        on_commit: Callback<Decimal, Result<(), ModelError>>,
    ) -> Self {
        let typing = Self {
            text: RwSignal::new(format::input(value.get_untracked())),
            error: RwSignal::new(None),
            ask: RwSignal::new(None),
            before_typing: StoredValue::new(None),
            value,
            rule,
            on_commit,
        };
        let Typing {
            text, error, ask, ..
        } = typing;
        // Follow outside changes of the value, unless the text already means that value.
        Effect::new(move |_| {
            let v = value.get();
            let current = text.with_untracked(|t| parse_value(t, rule).ok());
            if current != Some(v) && ask.with_untracked(Option::is_none) {
                text.set(format::input(v));
                error.set(None);
            }
        });
        typing
    }

    fn focused(self) {
        self.before_typing
            .set_value(Some(self.value.get_untracked()));
    }

    fn commit(self, v: Decimal) {
        match self.on_commit.run(v) {
            Ok(()) => self.error.set(None),
            Err(e) => self.error.set(Some(FieldError::Model(e))),
        }
    }

    /// The text as typed: its value goes into force, or the field says why not, or asks
    /// whether a fraction was meant as a percent.
    fn handle(self, raw: String) {
        let rule = self.rule;
        self.text.set(raw.clone());
        if let Some(percent) = percent_from_fraction(&raw, rule) {
            self.ask.set(Some((parse_value(&raw, rule).ok(), percent)));
            self.error.set(None);
            // Typing `0.025` passed through `0`, which was valid and went into force: put back
            // the value from before the typing, so neither reading is used until answered.
            if let Some(before) = self.before_typing.get_value() {
                if self.value.get_untracked() != before {
                    self.commit(before);
                }
            }
            return;
        }
        self.ask.set(None);
        match parse_value(&raw, rule) {
            Ok(v) => self.commit(v),
            Err(e) => self.error.set(Some(FieldError::Parse(e))),
        }
    }

    /// The ± button: the sign of the text flipped, as if typed.
    fn flip_sign(self) {
        let current = self.text.get_untracked();
        let trimmed = current.trim();
        let flipped = match trimmed.strip_prefix(['-', '\u{2212}']) {
            Some(rest) => rest.trim_start().to_owned(),
            None => format!("-{}", trimmed.strip_prefix('+').unwrap_or(trimmed)),
        };
        self.focused();
        self.handle(flipped);
    }

    /// The user's answer: the text then says `%`, so it is never asked again.
    fn answer(self, v: Decimal) {
        self.ask.set(None);
        self.text.set(format!("{}%", format::input(v)));
        self.commit(v);
    }
}

/// "Did you mean 2.5 %?": use the percent, or keep the value as typed when it is valid.
fn percent_question(
    typing: Typing,
    lang: crate::model::Lang,
    typed: Option<Decimal>,
    percent: Decimal,
) -> impl IntoView {
    let typed_text = typing.text.get_untracked().trim().to_owned();
    let words = crate::i18n::percent_ask(&typed_text, &format::input(percent), lang);
    let keep = typed.map(|t| {
        view! {
            <button
                type="button"
                class="button quiet"
                data-action="keep-typed"
                on:click=move |_| typing.answer(t)
            >
                {words.keep_typed.clone()}
            </button>
        }
    });
    view! {
        <span class="ask" data-testid="percent-ask" data-value=percent.to_string()>
            {words.question}
            " "
            <button
                type="button"
                class="button primary"
                data-action="use-percent"
                on:click=move |_| typing.answer(percent)
            >
                {words.use_percent}
            </button>
            {keep}
        </span>
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

/// A month that may be left blank (a line's "from" or "to", a lever's "from"): a whole number
/// 1–120, or nothing, which means what the placeholder says (month 1, the plan's last month).
/// Committed as typed, like [`NumberField`]; a refusal shows beside it.
#[component]
pub fn MonthField(
    #[prop(into)] id: String,
    /// The accessible name (tables and lever rows show the words beside the field).
    #[prop(into)]
    label: Signal<String>,
    #[prop(into)] value: Signal<Option<u16>>,
    /// What a blank means: "1", or the plan's last month.
    #[prop(into)]
    placeholder: Signal<String>,
    on_commit: Callback<Option<u16>, Result<(), ModelError>>,
    #[prop(optional, into)] field: String,
) -> impl IntoView {
    let ctx = use_ctx();
    let shown = |v: Option<u16>| v.map(|m| m.to_string()).unwrap_or_default();
    let text = RwSignal::new(shown(value.get_untracked()));
    let error = RwSignal::new(None::<FieldError>);
    // Follow outside changes (undo, another tab) unless the text already means the value.
    Effect::new(move |_| {
        let v = value.get();
        if text.with_untracked(|t| read_month(t).ok()) != Some(v) {
            text.set(shown(v));
            error.set(None);
        }
    });
    let handle = move |raw: String| {
        text.set(raw.clone());
        let result = read_month(&raw)
            .map_err(FieldError::Parse)
            .and_then(|m| on_commit.run(m).map_err(FieldError::Model));
        error.set(result.err());
    };
    let error_id = format!("{id}-error");
    view! {
        <span class="month-field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone() class="visually-hidden">{move || label.get()}</label>
            <input
                id=id
                type="text"
                inputmode="numeric"
                autocomplete="off"
                data-field=field
                placeholder=move || placeholder.get()
                prop:value=move || text.get()
                on:input=move |ev| handle(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=error_id.clone()
            />
            <span id=error_id class="field-error" role="alert" aria-live="polite">
                {move || error.with(|e| e.as_ref().map(|e| e.message(ctx.lang.get())))}
            </span>
        </span>
    }
}

/// A month as typed: blank is none.
fn read_month(text: &str) -> Result<Option<u16>, ParseError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    crate::model::parse_months(text, Rule::months(1, crate::model::limits::HORIZON_MONTHS))
        .map(Some)
}
