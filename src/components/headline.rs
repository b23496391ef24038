//! The headline figures of the baseline and every scenario, always in view above the tabs.

use leptos::prelude::*;

use crate::components::figure::FigureCell;
use crate::ctx::use_ctx;
use crate::i18n::{self, texts};
use crate::model::{judge, Column, Metric};

#[component]
pub fn Headline() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());

    let table = move || {
        let l = lang.get();
        let currency = ctx.currency.get();
        let plan = ctx.plan.get().unwrap_or_default();
        ctx.comparison.with(|c| {
            let Some(c) = c else {
                return ().into_any();
            };
            let base = c.baseline().map(|e| e.metrics.clone());
            let rows = c
                .columns
                .iter()
                .map(|(column, result)| {
                    let name = i18n::column_name(*column, &plan, l);
                    let cells = match result {
                        Err(e) => view! {
                            <td class="error" colspan=Metric::HEADLINE.len() data-scenario=column.key() data-error="true">
                                {format!("{}: {}", texts(l).model_error, e.message(l))}
                            </td>
                        }
                        .into_any(),
                        Ok(eval) => Metric::HEADLINE
                            .into_iter()
                            .map(|metric| {
                                let figure = metric.of(&eval.metrics);
                                let trend = match (column, &base) {
                                    (Column::Scenario(_), Some(b)) => judge(metric, metric.of(b), figure),
                                    _ => None,
                                };
                                let mark = trend.map(|o| match o {
                                    std::cmp::Ordering::Greater => ("better", "▲", texts(l).better),
                                    std::cmp::Ordering::Less => ("worse", "▼", texts(l).worse),
                                    std::cmp::Ordering::Equal => ("same", "＝", texts(l).same),
                                });
                                let class = mark.map(|m| m.0).unwrap_or_default();
                                view! {
                                    <FigureCell
                                        column=*column
                                        metric=metric
                                        figure=figure
                                        currency=currency.clone()
                                        lang=l
                                        class=class
                                    >
                                        {mark.map(|(_, icon, word)| {
                                            view! {
                                                <span class="trend" title=word>
                                                    <span aria-hidden="true">{icon}</span>
                                                    <span class="visually-hidden">{word}</span>
                                                </span>
                                            }
                                        })}
                                    </FigureCell>
                                }
                            })
                            .collect_view()
                            .into_any(),
                    };
                    view! {
                        <tr class:baseline=*column == Column::Baseline>
                            <th scope="row">{name}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="data headline-table" data-testid="headline">
                    <caption class="visually-hidden">{texts(l).headline_title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{texts(l).scenario}</th>
                            {Metric::HEADLINE
                                .into_iter()
                                .map(|m| view! { <th scope="col">{i18n::metric(m, l)}</th> })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        })
    };

    let horizon = move || {
        ctx.plan.with(|p| {
            p.as_ref().map(|p| {
                crate::i18n::horizon_and_currency(p.horizon_months, &p.currency, lang.get())
            })
        })
    };
    view! {
        <section class="card headline" aria-labelledby="headline-title">
            <div class="section-head">
                <h2 id="headline-title">{move || t().headline_title}</h2>
                <p class="muted">{horizon}</p>
            </div>
            <p class="muted small">{move || t().headline_help}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="headline-title">
                {table}
            </div>
        </section>
    }
}
