//! The plan's name, customer base and economics.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::components::lazy::{Lazy, Which};
use crate::components::number_field::{NumberField, TextField};
use crate::ctx::use_ctx;
use crate::i18n::texts;
use crate::model::Input;
use crate::model::{limits, Rule};
use crate::state::PlanEdit;

/// Currencies offered in the list (display only: the model does not convert).
pub const CURRENCIES: [&str; 9] = [
    "CNY", "USD", "EUR", "GBP", "HKD", "JPY", "TWD", "SGD", "KRW",
];

/// The economics form's label of an input.
pub fn label(input: Input, lang: crate::model::Lang) -> &'static str {
    let t = texts(lang);
    match input {
        Input::StartingCustomers => t.starting_customers,
        Input::NewCustomersPerMonth => t.new_customers,
        Input::NewCustomersGrowthPct => t.growth,
        Input::ChurnPct => t.churn,
        Input::RevenuePerCustomerMonth => t.revenue,
        Input::GrossMarginPct => t.margin,
        Input::AnnualDiscountPct => t.discount,
        Input::TierFee(_) => t.col_fee,
    }
}

#[component]
pub fn EconomicsForm() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let plan_value = move |f: fn(&crate::model::Plan) -> Decimal| {
        Signal::derive(move || ctx.plan.with(|p| p.as_deref().map(f).unwrap_or_default()))
    };

    let fields = Input::BASE
        .into_iter()
        .map(|field| {
            let value = Signal::derive(move || {
                ctx.plan
                    .with(|p| p.as_ref().and_then(|p| field.value(p)).unwrap_or_default())
            });
            let rule = field.rule();
            let keypad = match field {
                Input::StartingCustomers | Input::NewCustomersPerMonth => Some("decimal"),
                Input::NewCustomersGrowthPct
                | Input::ChurnPct
                | Input::RevenuePerCustomerMonth
                | Input::GrossMarginPct
                | Input::AnnualDiscountPct
                | Input::TierFee(_) => None,
            };
            let hint = Signal::derive(move || {
                if rule.percent {
                    t().percent_hint.to_owned()
                } else if field == Input::RevenuePerCustomerMonth {
                    t().input_hint.to_owned()
                } else {
                    String::new()
                }
            });
            view! {
                <NumberField
                    id=format!("econ-{}", field.key())
                    field=field.key()
                    label=Signal::derive(move || label(field, lang.get()).to_owned())
                    value=value
                    rule=rule
                    hint=hint
                    keypad=keypad
                    on_commit=Callback::new(move |v| ctx.apply(PlanEdit::SetInput(field, v)))
                />
            }
        })
        .collect_view();

    let name = Signal::derive(move || {
        ctx.plan
            .with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default())
    });
    let horizon = plan_value(|p| Decimal::from(p.horizon_months));

    view! {
        <section class="card" aria-labelledby="economics-title">
            <h2 id="economics-title">{move || t().economics_title}</h2>
            <div class="form-grid">
                <TextField
                    id="plan-name"
                    field="name"
                    label=Signal::derive(move || t().plan_name.to_owned())
                    value=name
                    on_commit=Callback::new(move |n: String| ctx.apply(PlanEdit::Rename(n)))
                />
                <div class="field">
                    <label for="plan-currency">{move || t().currency}</label>
                    <select
                        id="plan-currency"
                        data-field="currency"
                        prop:value=move || ctx.currency.get()
                        on:change=move |ev| ctx.report(ctx.apply(PlanEdit::SetCurrency(event_target_value(&ev))))
                    >
                        {move || {
                            let current = ctx.currency.get();
                            let mut codes: Vec<String> = CURRENCIES.iter().map(|c| (*c).to_owned()).collect();
                            if !codes.contains(&current) {
                                codes.push(current.clone());
                            }
                            codes
                                .into_iter()
                                .map(|c| {
                                    let selected = c == current;
                                    view! { <option value=c.clone() selected=selected>{c.clone()}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <NumberField
                    id="econ-horizon"
                    field="horizon_months"
                    label=Signal::derive(move || t().horizon.to_owned())
                    value=horizon
                    rule=Rule::months(1, limits::HORIZON_MONTHS)
                    on_commit=Callback::new(move |v: Decimal| {
                        // The rule allows whole months 1–120 only, so this always fits.
                        let months = rust_decimal::prelude::ToPrimitive::to_u16(&v).unwrap_or(0);
                        ctx.apply(PlanEdit::SetHorizon(months))
                    })
                />
                {fields}
            </div>
            <SeasonalityShell/>
        </section>
    }
}

/// The seasonality, closed: its state in one line; its fields are fetched when opened.
#[component]
fn SeasonalityShell() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let open = RwSignal::new(false);
    let details = NodeRef::<leptos::html::Details>::new();
    // The peak month and its percentage, if the plan has a seasonality.
    let peak = Memo::new(move |_| {
        ctx.plan.with(|p| {
            let s = p.as_ref()?.seasonality_pct.as_ref()?;
            let (i, v) = s
                .iter()
                .enumerate()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))?;
            Some((u8::try_from(i + 1).unwrap_or(1), *v))
        })
    });
    let state = move || match peak.get() {
        Some((month, v)) => format!(
            "{} {} {}%",
            t().seasonality_peak,
            crate::format::calendar_month(month, lang.get()),
            crate::format::grouped_trim(v, 4)
        ),
        None => t().seasonality_none.to_owned(),
    };
    view! {
        <details
            class="seasonality"
            data-testid="seasonality"
            node_ref=details
            on:toggle=move |_| open.set(details.get_untracked().is_some_and(|d| d.open()))
        >
            <summary>
                {move || t().seasonality_title}
                <span class="muted seasonality-state" data-testid="seasonality-state">{state}</span>
            </summary>
            <Show when=move || open.get()>
                <Lazy which=Which::Seasonality/>
            </Show>
        </details>
    }
}
