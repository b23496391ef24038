//! The client report: the plan laid out for A4 pages, to print or save as PDF. The assumptions,
//! the budget by category and stage, the verdicts, the comparison of every figure (every group
//! open) and the charts, in the
//! page's language, with the host's name when an embed was given one. On screen it is a preview
//! with "Print / save as PDF" and "Back"; `@media print` in the stylesheet does the layout.

use leptos::prelude::*;

use crate::components::budget_table::Subtotals;
use crate::components::charts::Charts;
use crate::components::comparison_table::ComparisonTable;
use crate::components::economics_form::label;
use crate::ctx::use_ctx;
use crate::format;
use crate::i18n::texts;
use crate::model::Input;

#[component]
pub fn Report(
    /// The host's name (an embed's `host` option), shown as who prepared the report.
    host: Option<String>,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let today = move || {
        let options = js_sys::Object::new();
        for (k, v) in [("year", "numeric"), ("month", "long"), ("day", "numeric")] {
            let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
        }
        let tag = lang.get().tag();
        js_sys::Date::new_0()
            .to_locale_date_string(tag, &options)
            .as_string()
            .unwrap_or_default()
    };
    let name = move || {
        ctx.plan
            .with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default())
    };
    let assumptions = move || {
        let l = lang.get();
        let tx = texts(l);
        ctx.plan.with(|p| {
            let Some(p) = p.as_ref() else {
                return Vec::new();
            };
            let mut rows = vec![
                (
                    "currency".to_owned(),
                    tx.currency.to_owned(),
                    p.currency.clone(),
                ),
                (
                    "horizon".to_owned(),
                    tx.horizon.to_owned(),
                    p.horizon_months.to_string(),
                ),
            ];
            for field in Input::BASE {
                let v = field.value(p).unwrap_or_default();
                let shown = match field {
                    Input::RevenuePerCustomerMonth | Input::TierFee(_) => {
                        format::money(v, &p.currency)
                    }
                    Input::StartingCustomers
                    | Input::NewCustomersPerMonth
                    | Input::NewCustomersGrowthPct
                    | Input::ChurnPct
                    | Input::GrossMarginPct
                    | Input::AnnualDiscountPct => format::grouped_trim(v, 4),
                };
                rows.push((field.key(), label(field, l).to_owned(), shown));
            }
            rows
        })
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <article class="report" data-testid="report">
            <div class="report-tools no-print">
                <p class="muted small">{move || t().report_help}</p>
                <div class="report-actions">
                    <button type="button" class="button primary" data-action="print" on:click=print>
                        {move || t().report_print}
                    </button>
                    <button type="button" class="button" data-action="close-report" on:click=move |_| ctx.report_open.set(false)>
                        {move || t().report_back}
                    </button>
                </div>
            </div>
            <header class="report-head">
                <p class="report-kind">{move || t().report_title}</p>
                <h1>{name}</h1>
                <p class="muted">
                    {host.map(|h| view! { <span data-testid="report-host">{move || t().report_prepared_by}": "{h.clone()}" · "</span> })}
                    {today}
                </p>
            </header>
            <div class="report-facts">
                <section class="card report-section">
                    <h2>{move || t().report_assumptions}</h2>
                    <table class="data report-assumptions">
                        <tbody>
                            {move || {
                                assumptions()
                                    .into_iter()
                                    .map(|(k, label, value)| {
                                        view! {
                                            <tr data-assumption=k>
                                                <th scope="row">{label}</th>
                                                <td class="num">{value}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </section>
                <section class="card report-section">
                    <h2>{move || t().report_budget}</h2>
                    <Subtotals/>
                </section>
            </div>
            // The comparison holds every headline figure, grouped, for every scenario; its
            // verdicts say in a sentence what each scenario does.
            <ComparisonTable report=true/>
            <Charts report=true/>
        </article>
    }
}
