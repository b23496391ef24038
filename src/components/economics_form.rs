//! The plan's name, customer base and economics.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::components::number_field::{NumberField, TextField};
use crate::ctx::use_ctx;
use crate::i18n::texts;
use crate::model::{limits, Rule};
use crate::state::{EconomicsField, PlanEdit};

/// Currencies offered in the list (display only: the model does not convert).
pub const CURRENCIES: [&str; 9] = [
    "CNY", "USD", "EUR", "GBP", "HKD", "JPY", "TWD", "SGD", "KRW",
];

pub fn label(field: EconomicsField, lang: crate::model::Lang) -> &'static str {
    let t = texts(lang);
    match field {
        EconomicsField::StartingCustomers => t.starting_customers,
        EconomicsField::NewCustomers => t.new_customers,
        EconomicsField::Churn => t.churn,
        EconomicsField::Revenue => t.revenue,
        EconomicsField::GrossMargin => t.margin,
        EconomicsField::Discount => t.discount,
    }
}

pub fn key(field: EconomicsField) -> &'static str {
    match field {
        EconomicsField::StartingCustomers => "starting_customers",
        EconomicsField::NewCustomers => "new_customers_per_month",
        EconomicsField::Churn => "churn_pct",
        EconomicsField::Revenue => "revenue_per_customer_month",
        EconomicsField::GrossMargin => "gross_margin_pct",
        EconomicsField::Discount => "annual_discount_pct",
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

    let fields = EconomicsField::ALL
        .into_iter()
        .map(|field| {
            let value = Signal::derive(move || {
                ctx.plan
                    .with(|p| p.as_ref().map(|p| field.get(p)).unwrap_or_default())
            });
            let rule = field.rule();
            let keypad = match field {
                EconomicsField::StartingCustomers | EconomicsField::NewCustomers => Some("decimal"),
                EconomicsField::Churn
                | EconomicsField::Revenue
                | EconomicsField::GrossMargin
                | EconomicsField::Discount => None,
            };
            let hint = Signal::derive(move || {
                if rule.percent {
                    t().percent_hint.to_owned()
                } else if field == EconomicsField::Revenue {
                    t().input_hint.to_owned()
                } else {
                    String::new()
                }
            });
            view! {
                <NumberField
                    id=format!("econ-{}", key(field))
                    field=key(field)
                    label=Signal::derive(move || label(field, lang.get()).to_owned())
                    value=value
                    rule=rule
                    hint=hint
                    keypad=keypad
                    on_commit=Callback::new(move |v| ctx.edit(PlanEdit::SetEconomics(field, v)))
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
                    on_commit=Callback::new(move |n: String| ctx.edit(PlanEdit::Rename(n)))
                />
                <div class="field">
                    <label for="plan-currency">{move || t().currency}</label>
                    <select
                        id="plan-currency"
                        data-field="currency"
                        prop:value=move || ctx.currency.get()
                        on:change=move |ev| ctx.tell(PlanEdit::SetCurrency(event_target_value(&ev)))
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
                        ctx.edit(PlanEdit::SetHorizon(months))
                    })
                />
                {fields}
            </div>
        </section>
    }
}
