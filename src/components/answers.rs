//! The Answers tab: sensitivity (tornado), goal seek, ranges (Monte Carlo) and what each lever
//! did (a Shapley waterfall). The model computes every figure (`model::analysis`); this view
//! picks the question and shows the answer, with each value exact in a `data-*` attribute.

use crate::i18n::Describe;
use std::sync::Arc;

use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;

use crate::answers::{Next, Run, Runs, Solved, Standing};
use crate::components::number_field::NumberField;
use crate::ctx::{use_ctx, Ctx};
use crate::format;
use crate::i18n::{self, answer_texts};
use crate::model::analysis::{
    self, answer_scenario, Attribution, MonteCarlo, RangeSummary, Sensitivity, Solution,
};
use crate::model::{
    Category, Column, Driver, Figure, Input, InputRange, Lang, Metric, Plan, Rule, ScenarioId, Unit,
};
use crate::state::PlanEdit;

/// A figure's exact value for `data-*`: empty when undefined.
fn data_of(f: Figure) -> String {
    f.value()
        .map(|v| v.normalize().to_string())
        .unwrap_or_default()
}

#[component]
pub fn Answers() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || answer_texts(lang.get());
    // The scenario and figure asked about come back with the tab (as the goal seek's answer).
    let (kept_column, kept_metric) = KEPT_QUESTION.get();
    let metric_kept = RwSignal::new(kept_metric);
    let picked = RwSignal::new(kept_column);
    Effect::new(move |_| KEPT_QUESTION.set((picked.get(), metric_kept.get())));
    // The chosen column while it exists; the baseline otherwise.
    let column = Memo::new(move |_| {
        let c = picked.get();
        if ctx.columns.with(|cs| cs.contains(&c)) {
            c
        } else {
            Column::Baseline
        }
    });
    let metric = metric_kept;
    let names = ctx.column_names();
    view! {
        <div class="answers">
            <section class="card answers-head" aria-labelledby="answers-title">
                <h2 id="answers-title" class="visually-hidden">{move || t().tab}</h2>
                <p class="muted small">{move || t().intro}</p>
                <div class="answers-pickers">
                    <div class="field">
                        <label for="answers-scenario">{move || t().scenario}</label>
                        <select
                            id="answers-scenario"
                            on:change=move |ev| {
                                let key = event_target_value(&ev);
                                if let Some(c) = ctx.column_by_key(&key) {
                                    picked.set(c);
                                }
                            }
                        >
                            {move || {
                                let current = column.get();
                                names
                                    .get()
                                    .into_iter()
                                    .map(|(c, name)| view! { <option value=c.key() selected=c == current>{name}</option> })
                                    .collect_view()
                            }}
                        </select>
                    </div>
                    {metric_select("answers-metric", metric)}
                </div>
            </section>
            <Tornado column=column metric=metric/>
            <GoalSeek column=column/>
            <Ranges column=column/>
            <Waterfall column=column metric=metric/>
        </div>
    }
}

/// A labelled list of every figure, choosing `metric`.
fn metric_select(id: &'static str, metric: RwSignal<Metric>) -> impl IntoView {
    let lang = use_ctx().lang;
    view! {
        <div class="field">
            <label for=id>{move || answer_texts(lang.get()).metric}</label>
            <select
                id=id
                prop:value=move || metric.get().key()
                on:change=move |ev| {
                    if let Some(m) = Metric::from_key(&event_target_value(&ev)) {
                        metric.set(m);
                    }
                }
            >
                {move || {
                    let current = metric.get_untracked();
                    let lang = lang.get();
                    Metric::all()
                        .into_iter()
                        .map(|m| view! { <option value=m.key() selected=m == current>{i18n::metric(m, lang)}</option> })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// The rule of a swing: 1–100 %.
fn swing_rule() -> Rule {
    let (min, max) = analysis::swing_bounds();
    Rule {
        min,
        max: Some(max),
        ..Rule::percent()
    }
}

/// Where `x` falls on a scale from `lo` to `hi`, in percent of the width (0–100).
fn at(x: Decimal, lo: Decimal, hi: Decimal) -> f64 {
    let width = hi.saturating_sub(lo);
    if width <= Decimal::ZERO {
        return 50.0;
    }
    // Figures can be near the largest decimal: saturate, never overflow (a panic would stop
    // the page). f64 only places a bar, as in the charts.
    x.saturating_sub(lo)
        .checked_div(width)
        .and_then(|f| f.to_f64())
        .map_or(50.0, |f| (f * 100.0).clamp(0.0, 100.0))
}

fn pct(x: f64) -> String {
    format!("{x:.2}%")
}

#[component]
fn Tornado(column: Memo<Column>, metric: RwSignal<Metric>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || answer_texts(lang.get());
    let swing = RwSignal::new(Decimal::TEN);
    let result = Memo::new(move |_| {
        let plan = ctx.plan.get()?;
        Some(
            analysis::sensitivity(&plan, column.get(), metric.get(), swing.get())
                .map_err(|e| e.message(lang.get())),
        )
    });
    let body = move || {
        let Some(result) = result.get() else {
            return ().into_any();
        };
        let s: Sensitivity = match result {
            Ok(s) => s,
            Err(message) => {
                return view! { <p class="warning" role="status">{message}</p> }.into_any()
            }
        };
        let lang = lang.get();
        let t = answer_texts(lang);
        let plan = ctx.plan.get_untracked().unwrap_or_default();
        let currency = plan.currency.clone();
        let m = s.metric;
        // One scale for every bar: the base ± the widest move.
        let base = s.base.value();
        let reach = s
            .drivers
            .iter()
            .flat_map(|d| [d.low.value(), d.high.value()])
            .flatten()
            .filter_map(|v| base.map(|b| v.saturating_sub(b).abs()))
            .max()
            .unwrap_or(Decimal::ZERO);
        let (lo, hi) = base.map_or((Decimal::ZERO, Decimal::ZERO), |b| {
            (b.saturating_sub(reach), b.saturating_add(reach))
        });
        let rows = s
            .drivers
            .iter()
            .map(|d| {
                let bar = |f: Figure, class: &'static str| {
                    match (f.value(), base) {
                        (Some(v), Some(b)) if reach > Decimal::ZERO => {
                            let (x0, x1) = (at(v.min(b), lo, hi), at(v.max(b), lo, hi));
                            Some(view! {
                                <span class=format!("bar {class}") style:left=pct(x0) style:width=pct((x1 - x0).max(0.3))></span>
                            })
                        }
                        _ => None,
                    }
                };
                let name = i18n::driver_name(d.driver, &plan, lang);
                view! {
                    <tr
                        data-driver=d.driver.key()
                        data-low=data_of(d.low)
                        data-high=data_of(d.high)
                        data-low-input=d.low_input.normalize().to_string()
                        data-high-input=d.high_input.normalize().to_string()
                    >
                        <th scope="row">{name}</th>
                        <td class="num inputs">
                            {i18n::driver_value(d.driver, d.low_input, &currency)}
                            " / "
                            {i18n::driver_value(d.driver, d.high_input, &currency)}
                        </td>
                        <td class="tornado-cell" aria-hidden="true">
                            <span class="tornado-track">
                                <span class="axis"></span>
                                {bar(d.low, "down")}
                                {bar(d.high, "up")}
                            </span>
                        </td>
                        <td class="num">{format::figure(m, d.low, &currency, lang)}</td>
                        <td class="num">{format::figure(m, d.high, &currency, lang)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p class="tornado-base" data-testid="tornado-base" data-value=data_of(s.base)>
                {t.as_planned}": "<strong>{format::figure(m, s.base, &currency, lang)}</strong>
                <span class="legend"><span class="swatch down"></span>{t.lower}<span class="swatch up"></span>{t.higher}</span>
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="tornado-title">
                <table class="data tornado" data-testid="tornado" data-metric=m.key() data-swing=s.swing_pct.normalize().to_string()>
                    <caption class="visually-hidden">{t.tornado_title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t.driver}</th>
                            <th scope="col" class="num inputs">{t.lower}" / "{t.higher}</th>
                            <th scope="col"><span class="visually-hidden">{t.spread}</span></th>
                            <th scope="col" class="num">{t.lower}</th>
                            <th scope="col" class="num">{t.higher}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="tornado-title" data-testid="sensitivity">
            <h3 id="tornado-title">{move || t().tornado_title}</h3>
            <p class="muted small">{move || t().tornado_help}</p>
            <div class="inline-field">
                    <NumberField
                        id="tornado-swing"
                        field="swing"
                        label=Signal::derive(move || t().swing.to_owned())
                        value=swing
                        rule=swing_rule()
                        on_commit=Callback::new(move |v: Decimal| {
                            swing.set(v);
                            Ok(())
                        })
                    />
                    <span class="unit">"%"</span>
            </div>
            {body}
        </section>
    }
}

/// The rule of a goal seek's target: any value a figure can have, in its shown unit (a share
/// in percent).
fn target_rule(metric: Metric) -> Rule {
    let limit = crate::model::amount_limit();
    Rule {
        min: -limit,
        max: Some(limit),
        max_decimals: 4,
        percent: metric.unit() == Unit::Share,
        whole: false,
    }
}

/// A target as typed (a share in percent) → the figure's own value (a fraction).
fn target_value(metric: Metric, typed: Decimal) -> Decimal {
    match metric.unit() {
        Unit::Share => typed / Decimal::ONE_HUNDRED,
        Unit::Money | Unit::Customers | Unit::Months | Unit::Times => typed,
    }
}

thread_local! {
    /// The column and figure the Answers tab was asked about, kept while another tab is shown.
    static KEPT_QUESTION: std::cell::Cell<(Column, Metric)> =
        const { std::cell::Cell::new((Column::Baseline, Metric::LtvCac)) };
    /// The goal seek's last answer and its typed target, kept while another tab is shown (the
    /// tab's view is built again when it comes back).
    static KEPT_SOLVE: std::cell::RefCell<Option<(Solved, Decimal)>> =
        const { std::cell::RefCell::new(None) };
}

/// The drivers of a plan with their names: inputs, categories and tiers; and lines.
type DriverLists = (Vec<(Driver, String)>, Vec<(Driver, String)>);

#[component]
fn GoalSeek(column: Memo<Column>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || answer_texts(lang.get());
    // A question of its own: asking one does not recompute the tornado's figure.
    // The last question and answer come back with the tab.
    let kept = KEPT_SOLVE.with_borrow(Clone::clone);
    let metric = RwSignal::new(kept.as_ref().map_or(Metric::LtvCac, |k| k.0.metric));
    let driver = RwSignal::new(
        kept.as_ref()
            .map_or(Driver::Input(Input::ChurnPct), |k| k.0.driver),
    );
    let typed = RwSignal::new(kept.as_ref().map_or(Decimal::from(3), |k| k.1));
    let solved = RwSignal::new(kept.map(|k| k.0));
    let made = RwSignal::new(None::<String>);
    // The drivers of the plan as the column sees it (a scenario may add or remove lines): the
    // inputs, categories and tiers in one list, and the lines in a second list shown only when
    // a line is chosen, so a plan's thousands of lines cost nothing until asked for.
    let drivers = Memo::new(move |_| -> Option<DriverLists> {
        let plan = ctx.plan.get()?;
        let timeline = analysis::effective(&plan, column.get()).ok()?;
        // The drivers of the months before any later lever: those a goal seek's answer sets.
        let at = timeline.first();
        let lang = lang.get();
        let name = |d: Driver| (d, i18n::driver_name(d, at, lang));
        Some((
            Driver::all_of(at).into_iter().map(name).collect::<Vec<_>>(),
            at.lines
                .iter()
                .map(|l| name(Driver::LineAmount(l.id)))
                .collect::<Vec<_>>(),
        ))
    });
    let solve = move || {
        let Some(plan) = ctx.plan.get_untracked() else {
            return;
        };
        let (c, m, d) = (
            column.get_untracked(),
            metric.get_untracked(),
            driver.get_untracked(),
        );
        let target = target_value(m, typed.get_untracked());
        made.set(None);
        // Asked once: the view is drawn again on every edit (to see whether it still stands).
        let s = Solved::ask(plan, c, m, target, d);
        KEPT_SOLVE.set(Some((s.clone(), typed.get_untracked())));
        solved.set(Some(s));
    };
    let ask = move |m: Metric, d: Driver, target: i64| {
        metric.set(m);
        driver.set(d);
        typed.set(Decimal::from(target));
        solve();
    };
    let make = move |_| {
        let Some(s) = solved.get_untracked() else {
            return;
        };
        let Ok(Solution::Found { value, .. }) = s.answer else {
            return;
        };
        let lang = lang.get_untracked();
        // A value the lever's field can show and edit, still reaching the target.
        let value = analysis::field_value(&s.plan, s.column, s.metric, s.target, s.driver, value);
        let name = i18n::goal_scenario_name(
            &i18n::metric(s.metric, lang),
            &format::figure(s.metric, Figure::Value(s.target), &s.plan.currency, lang),
            &i18n::driver_name(s.driver, &s.plan, lang),
            &i18n::driver_value(s.driver, value, &s.plan.currency),
            lang,
        );
        let scenario = answer_scenario(
            &s.plan,
            s.column,
            s.driver,
            value,
            ScenarioId(0),
            name.clone(),
        );
        let result = ctx.apply(PlanEdit::AddScenarioWith {
            name,
            levers: scenario.levers,
        });
        if result.is_ok() {
            made.set(ctx.plan.with_untracked(|p| {
                p.as_ref()
                    .and_then(|p| p.scenarios.last().map(|s| s.name.clone()))
            }));
        }
        ctx.report(result);
    };
    let result = move || {
        let s = solved.get()?;
        let lang = lang.get();
        let t = answer_texts(lang);
        let now = column.get();
        // The answer belongs to its own column and plan: shown for another column, it says so;
        // after an edit that changes its column's figures (not a range, a name or another
        // scenario), it asks to be solved again.
        let standing = ctx.plan.with(|p| s.standing(now, p.as_ref()));
        let other = (standing == Standing::OtherColumn).then(|| {
            ctx.plan.with(|p| {
                p.as_ref().map(|p| {
                    i18n::solve_other_column(
                        lang,
                        &i18n::column_name(s.column, p, lang),
                        &i18n::column_name(now, p, lang),
                    )
                })
            })
        });
        let stale = standing == Standing::Stale;
        let current = standing == Standing::Current;
        let body = answer_body(&s, lang, current, make);
        let again = move || {
            view! {
                <button type="button" class="button" data-action="solve-again" on:click=move |_| solve()>
                    {answer_texts(lang).solve_again}
                </button>
            }
        };
        Some(view! {
            <div class="solve-result" aria-live="polite" class:stale=!current>
                {other.flatten().map(|note| view! { <p class="muted small" data-testid="solve-other">{note}" "{again()}</p> })}
                {stale.then(|| view! { <p class="muted small" data-testid="solve-stale">{t.solve_stale}" "{again()}</p> })}
                {body}
                {move || made.get().map(|n| view! { <p class="ok small" role="status">{answer_texts(lang).solve_made}": "{n}</p> })}
            </div>
        })
    };
    view! {
        <section class="card" aria-labelledby="solve-title" data-testid="goal-seek">
            <h3 id="solve-title">{move || t().solve_title}</h3>
            <p class="muted small">{move || t().solve_help}</p>
            <div class="quick" role="group" aria-labelledby="solve-quick">
                <span id="solve-quick" class="small">{move || t().quick}</span>
                <button type="button" class="button" data-action="quick-churn" on:click=move |_| ask(Metric::LtvCac, Driver::Input(Input::ChurnPct), 3)>
                    {move || t().quick_churn}
                </button>
                <button type="button" class="button" data-action="quick-marketing" on:click=move |_| ask(Metric::PaybackMonths, Driver::Cost(Category::Marketing), 12)>
                    {move || t().quick_marketing}
                </button>
                <button type="button" class="button" data-action="quick-revenue" on:click=move |_| ask(Metric::NetContribution, Driver::Input(Input::RevenuePerCustomerMonth), 0)>
                    {move || t().quick_revenue}
                </button>
            </div>
            <form class="solve-form" on:submit=move |ev| { ev.prevent_default(); solve(); }>
                {metric_select("solve-metric", metric)}
                <DriverSelect driver=driver drivers=drivers />
                // Rebuilt when the figure changes: a share's target is typed in percent.
                {move || {
                    let m = metric.get();
                    view! {
                        <div class="inline-field">
                            <NumberField
                                id="solve-target"
                                field="target"
                                label=Signal::derive(move || answer_texts(lang.get()).solve_target.to_owned())
                                value=typed
                                rule=target_rule(m)
                                on_commit=Callback::new(move |v: Decimal| {
                                    typed.set(v);
                                    Ok(())
                                })
                            />
                            {(m.unit() == Unit::Share).then(|| view! { <span class="unit">"%"</span> })}
                        </div>
                    }
                }}
                <button type="submit" class="button primary" data-action="solve">{move || t().solve_button}</button>
            </form>
            {result}
        </section>
    }
}

/// A goal seek's answer in a sentence (or why there is none, and the closest value found), with
/// the button that makes it a scenario while it is current.
fn answer_body(
    s: &Solved,
    lang: Lang,
    current: bool,
    make: impl Fn(leptos::ev::MouseEvent) + Copy + Send + Sync + 'static,
) -> AnyView {
    let t = answer_texts(lang);
    let currency = s.plan.currency.clone();
    let name = i18n::driver_name(s.driver, &s.plan, lang);
    let column_name = i18n::column_name(s.column, &s.plan, lang);
    let from = s.from;
    // Shown on the grid of 4 decimals a field takes (the exact value is in data-value).
    let shown = |v: Decimal| {
        i18n::driver_value(
            s.driver,
            v.round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
                .normalize(),
            &currency,
        )
    };
    match &s.answer {
        Err(e) => view! { <p class="warning">{e.message(lang)}</p> }.into_any(),
        Ok(Solution::Found {
            value,
            metric_value,
        }) => {
            let sentence = i18n::solve_sentence(
                lang,
                &column_name,
                &name,
                &from.map(shown).unwrap_or_default(),
                &shown(*value),
                from.is_none_or(|f| *value >= f),
                matches!(s.driver, Driver::Cost(_)),
                &i18n::metric(s.metric, lang),
                &format::figure(s.metric, Figure::Value(*metric_value), &currency, lang),
            );
            view! {
                <p
                    class="solve-answer"
                    data-testid="solve-result"
                    data-column=s.column.key()
                    data-input=s.driver.key()
                    data-value=value.normalize().to_string()
                    data-metric-value=metric_value.normalize().to_string()
                >
                    {sentence}
                </p>
                <Show when=move || current>
                    <button type="button" class="button primary" data-action="goal-scenario" on:click=make>
                        {move || answer_texts(lang).solve_make}
                    </button>
                </Show>
            }
            .into_any()
        }
        Ok(Solution::Unreachable { reason, best }) => view! {
            <p
                class="warning"
                data-testid="solve-result"
                data-column=s.column.key()
                data-input=s.driver.key()
                data-unreachable=reason.key()
                data-best-value=best.map(|b| b.0.normalize().to_string()).unwrap_or_default()
                data-best-metric=best.map(|b| b.1.normalize().to_string()).unwrap_or_default()
            >
                {i18n::unreachable(*reason, lang)}
                {best.map(|(v, f)| format!(
                    "{}{}: {} = {} → {}",
                    lang.pick("。", ". "),
                    t.best_found,
                    name.clone(),
                    shown(v),
                    format::figure(s.metric, Figure::Value(f), &currency, lang),
                ))}
            </p>
        }
        .into_any(),
    }
}

/// The drivers a goal seek can move: the inputs, categories and tiers in one list, and the lines
/// in a second list shown only when "a line" is chosen.
#[component]
fn DriverSelect(driver: RwSignal<Driver>, drivers: Memo<Option<DriverLists>>) -> impl IntoView {
    let lang = use_ctx().lang;
    let t = move || answer_texts(lang.get());
    let line_chosen = Memo::new(move |_| matches!(driver.get(), Driver::LineAmount(_)));
    view! {
    <div class="field">
        <label for="solve-input">{move || t().solve_input}</label>
        <select
            id="solve-input"
            prop:value=move || if line_chosen.get() { LINE_KEY.to_owned() } else { driver.get().key() }
            on:change=move |ev| {
                let key = event_target_value(&ev);
                if key == LINE_KEY {
                    let first = drivers.with_untracked(|d| d.as_ref().and_then(|d| d.1.first().map(|(d, _)| *d)));
                    if let Some(d) = first {
                        driver.set(d);
                    }
                } else if let Some(d) = Driver::from_key(&key) {
                    driver.set(d);
                }
            }
        >
            {move || {
                let current = driver.get_untracked();
                let lang = lang.get();
                drivers.with(|d| {
                    let Some((main, lines)) = d else {
                        return ().into_any();
                    };
                    let options = main
                        .iter()
                        .map(|(d, name)| view! { <option value=d.key() selected=*d == current>{name.clone()}</option> })
                        .collect_view();
                    let line = (!lines.is_empty()).then(|| {
                        view! {
                            <option value=LINE_KEY selected=matches!(current, Driver::LineAmount(_))>
                                {answer_texts(lang).solve_line}
                            </option>
                        }
                    });
                    (options, line).into_any()
                })
            }}
        </select>
    </div>
    <Show when=move || line_chosen.get()>
        <div class="field">
            <label for="solve-line">{move || answer_texts(lang.get()).solve_line}</label>
            <select
                id="solve-line"
                prop:value=move || driver.get().key()
                on:change=move |ev| {
                    if let Some(d) = Driver::from_key(&event_target_value(&ev)) {
                        driver.set(d);
                    }
                }
            >
                {move || {
                    let current = driver.get_untracked();
                    drivers.with(|d| {
                        d.as_ref()
                            .map(|(_, lines)| {
                                lines
                                    .iter()
                                    .map(|(d, name)| view! { <option value=d.key() selected=*d == current>{name.clone()}</option> })
                                    .collect_view()
                            })
                    })
                }}
            </select>
        </div>
    </Show>
    }
}

/// The goal seek's choice that opens the list of lines.
const LINE_KEY: &str = "line";

/// A new range for `driver`: ±20 % of its value (a category: −20 % to +20 %), within its rule.
fn default_range(driver: Driver, value: Decimal) -> InputRange {
    let (min, max) = driver.bounds();
    let (low, high) = match driver {
        Driver::Cost(_) | Driver::Seasonality => (Decimal::from(-20), Decimal::from(20)),
        Driver::Input(_) | Driver::LineAmount(_) => {
            let d = (value * Decimal::new(2, 1)).round_dp(4);
            (value - d, value + d)
        }
    };
    InputRange {
        driver,
        low: low.clamp(min, max).normalize(),
        high: high.clamp(min, max).normalize(),
    }
}

/// A fresh task: lets the page paint and take input between slices of a long computation.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ =
                w.set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The longest slice of a Monte Carlo run between two paints.
const SLICE_MS: f64 = 10.0;

#[component]
fn Ranges(column: Memo<Column>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || answer_texts(lang.get());
    let runs = RwSignal::new(Decimal::from(analysis::DEFAULT_RUNS));
    let seed = RwSignal::new(Decimal::ONE);
    let state = RwSignal::new(Runs::default());
    // Draws made and asked for, while a run is going (apart, so the Cancel button stays the
    // same element while the count moves: one re-created each slice could miss a click).
    let progress = RwSignal::new((0_usize, 0_usize));
    let rows = Memo::new(move |_| {
        ctx.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.ranges
                        .iter()
                        .map(|r| {
                            (
                                r.clone(),
                                r.driver.value(p),
                                i18n::driver_name(r.driver, p, lang.get()),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let run = move |_| {
        let Some(plan) = ctx.plan.get_untracked() else {
            return;
        };
        let n = usize::try_from(runs.get_untracked().trunc().mantissa())
            .unwrap_or(analysis::DEFAULT_RUNS);
        let s = u64::try_from(seed.get_untracked().trunc().mantissa()).unwrap_or(1);
        let mut started = None;
        state.update(|r| started = r.start(plan, column.get_untracked(), n, s));
        let Some((id, mc)) = started else {
            return;
        };
        progress.set((0, mc.runs()));
        leptos::task::spawn_local(run_in_slices(state, progress, id, mc));
    };
    let whole = |max: u32| Rule {
        min: Decimal::ONE,
        max: Some(Decimal::from(max)),
        max_decimals: 0,
        percent: false,
        whole: true,
    };
    let results = move || run_results(ctx, state, progress, column);
    view! {
        <section class="card" aria-labelledby="ranges-title" data-testid="ranges">
            <h3 id="ranges-title">{move || t().ranges_title}</h3>
            <p class="muted small">{move || t().ranges_help}</p>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="empty small">{move || t().range_none}</p>
            </Show>
            <Show when=move || rows.with(|r| !r.is_empty())>
                <div class="table-scroll" tabindex="0" role="region" aria-label=move || t().ranges_title>
                    <table class="data ranges-table">
                        <thead>
                            <tr>
                                <th scope="col">{move || t().driver}</th>
                                <th scope="col">{move || t().range_low}</th>
                                <th scope="col" class="num">{move || t().range_likely}</th>
                                <th scope="col">{move || t().range_high}</th>
                                <th scope="col"><span class="visually-hidden">{move || t().range_remove}</span></th>
                            </tr>
                        </thead>
                        <tbody><RangeRows rows=rows /></tbody>
                    </table>
                </div>
            </Show>
            {range_add(ctx)}
            <div class="run-row">
                <NumberField
                    id="ranges-runs"
                    field="runs"
                    label=Signal::derive(move || t().runs.to_owned())
                    value=runs
                    rule=whole(u32::try_from(analysis::MAX_RUNS).unwrap_or(10_000))
                    on_commit=Callback::new(move |v: Decimal| { runs.set(v); Ok(()) })
                />
                <NumberField
                    id="ranges-seed"
                    field="seed"
                    label=Signal::derive(move || t().seed.to_owned())
                    value=seed
                    rule=Rule { min: Decimal::ZERO, ..whole(u32::MAX) }
                    on_commit=Callback::new(move |v: Decimal| { seed.set(v); Ok(()) })
                />
                <button
                    type="button"
                    class="button primary"
                    data-action="run-ranges"
                    disabled=move || state.with(|r| matches!(r.run, Run::Running { .. }))
                    on:click=run
                >
                    {move || t().run}
                </button>
            </div>
            <div aria-live="polite">{results}</div>
        </section>
    }
}

/// Draws a Monte Carlo run in slices of at most [`SLICE_MS`], a paint between them, until it
/// is finished, cancelled (what was drawn so far is shown) or replaced by a newer run.
async fn run_in_slices(
    state: RwSignal<Runs>,
    progress: RwSignal<(usize, usize)>,
    id: u64,
    mut mc: MonteCarlo,
) {
    loop {
        let start = js_sys::Date::now();
        while !mc.finished() && js_sys::Date::now() - start < SLICE_MS {
            mc.step(4);
        }
        let next = || {
            state
                .try_with_untracked(|r| r.next(id))
                .unwrap_or(Next::Drop)
        };
        if next() == Next::Drop {
            return;
        }
        if mc.finished() {
            break;
        }
        progress.set((mc.done(), mc.runs()));
        next_task().await;
        match next() {
            Next::Draw => {}
            // Cancelled: show what was drawn so far.
            Next::Stop => break,
            // A newer run replaced this one: it shows its own progress.
            Next::Drop => return,
        }
    }
    state.update(|r| r.finish(id, mc.summary()));
}

/// Below the run button: nothing yet, the progress with a Cancel button, why it failed, or
/// the finished run.
fn run_results(
    ctx: Ctx,
    state: RwSignal<Runs>,
    progress: RwSignal<(usize, usize)>,
    column: Memo<Column>,
) -> AnyView {
    let lang = ctx.lang;
    let runs = state.get();
    let standing = ctx.plan.with(|p| runs.standing(column.get(), p.as_ref()));
    let cancel = move |_| state.update(Runs::cancel);
    match runs.run {
        Run::Idle => ().into_any(),
        Run::Failed(e) => view! { <p class="warning">{e.message(lang.get())}</p> }.into_any(),
        Run::Running { .. } => view! {
            <div class="progress-line" role="status" data-testid="ranges-progress">
                <progress max=move || progress.get().1 value=move || progress.get().0></progress>
                <span>{move || answer_texts(lang.get()).running}" "{move || progress.get().0}" / "{move || progress.get().1}</span>
                <button type="button" class="button" data-action="cancel-ranges" on:click=cancel>{move || answer_texts(lang.get()).cancel}</button>
            </div>
        }
        .into_any(),
        Run::Finished { summary, cancelled, from } => {
            finished_run(&summary, cancelled, &from.0.currency, standing, lang.get()).into_any()
        }
    }
}

/// A new range: a driver that has none yet, and the button that adds it around its value.
fn range_add(ctx: Ctx) -> impl IntoView {
    let lang = ctx.lang;
    let t = move || answer_texts(lang.get());
    let new_driver = RwSignal::new(None::<Driver>);
    let free = Memo::new(move |_| {
        ctx.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    Driver::with_lines(p)
                        .into_iter()
                        .filter(|d| p.ranges.iter().all(|r| r.driver != *d))
                        .map(|d| (d, i18n::driver_name(d, p, lang.get())))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let add = move |_| {
        let Some(plan) = ctx.plan.get_untracked() else {
            return;
        };
        let choice = new_driver
            .get_untracked()
            .filter(|d| free.with_untracked(|f| f.iter().any(|(x, _)| x == d)))
            .or_else(|| free.with_untracked(|f| f.first().map(|(d, _)| *d)));
        let Some(driver) = choice else {
            return;
        };
        let value = driver.value(&plan).unwrap_or_default();
        ctx.report(ctx.apply(PlanEdit::SetRange(default_range(driver, value))));
        new_driver.set(None);
    };
    view! {
        <div class="range-add">
            <label for="range-driver" class="visually-hidden">{move || t().driver}</label>
            <select
                id="range-driver"
                prop:value=move || {
                    new_driver
                        .get()
                        .filter(|d| free.with(|f| f.iter().any(|(x, _)| x == d)))
                        .or_else(|| free.with(|f| f.first().map(|(d, _)| *d)))
                        .map(|d| d.key())
                        .unwrap_or_default()
                }
                on:change=move |ev| new_driver.set(Driver::from_key(&event_target_value(&ev)))
            >
                {move || {
                    let current = new_driver.get_untracked();
                    free.get()
                        .into_iter()
                        .map(|(d, name)| view! { <option value=d.key() selected=Some(d) == current>{name}</option> })
                        .collect_view()
                }}
            </select>
            <button type="button" class="button" data-action="add-range" on:click=add>{move || t().range_add}</button>
        </div>
    }
}

/// A finished run: a sentence per figure, the percentiles, the fan chart; said when it was
/// cancelled or no longer matches the plan on screen.
fn finished_run(
    summary: &Arc<RangeSummary>,
    cancelled: bool,
    currency: &str,
    standing: Option<Standing>,
    lang: Lang,
) -> impl IntoView {
    let t = answer_texts(lang);
    let stale = standing != Some(Standing::Current);
    let rows = summary
        .metrics
        .iter()
        .map(|(m, p)| {
            let m = *m;
            view! {
                <tr data-metric=m.key() data-p10=data_of(p.p10) data-p50=data_of(p.p50) data-p90=data_of(p.p90) data-undefined=p.undefined>
                    <th scope="row">{i18n::metric(m, lang)}</th>
                    <td class="num">{format::figure(m, p.p10, currency, lang)}</td>
                    <td class="num">{format::figure(m, p.p50, currency, lang)}</td>
                    <td class="num">{format::figure(m, p.p90, currency, lang)}</td>
                    <td class="num">{p.undefined}</td>
                </tr>
            }
        })
        .collect_view();
    let sentences = summary
        .metrics
        .iter()
        .map(|(m, p)| {
            let m = *m;
            let fig = |v| format::figure(m, v, currency, lang);
            view! {
                <li data-metric=m.key()>
                    {i18n::range_sentence(lang, &i18n::metric(m, lang), &fig(p.p10), &fig(p.p90), &fig(p.p50))}
                </li>
            }
        })
        .collect_view();
    view! {
        {stale.then(|| view! { <p class="muted small" data-testid="ranges-stale">{t.run_stale}</p> })}
        {cancelled.then(|| view! { <p class="muted small" role="status">{t.cancelled}</p> })}
        <ul class="range-sentences" data-testid="range-sentences">{sentences}</ul>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="ranges-title">
            <table class="data" data-testid="ranges-result" data-runs=summary.runs data-seed=summary.seed>
                <caption class="visually-hidden">{t.ranges_title}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.metric}</th>
                        <th scope="col" class="num">{t.p10}</th>
                        <th scope="col" class="num">{t.p50}</th>
                        <th scope="col" class="num">{t.p90}</th>
                        <th scope="col" class="num">{t.undefined_draws}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Fan summary=summary.clone() currency=currency.to_owned()/>
    }
}

/// The drivers with ranges, each a row: low, likely (the plan's value), high, remove.
#[component]
fn RangeRows(rows: Memo<Vec<(InputRange, Option<Decimal>, String)>>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    move || {
        let lang = lang.get();
        let t = answer_texts(lang);
        let currency = ctx.currency.get();
        rows.get()
            .into_iter()
            .map(|(r, likely, name)| {
                let driver = r.driver;
                let key = driver.key();
                let percent = driver.rule().percent;
                let (low, high) = (r.low, r.high);
                let field = move |which: &'static str, label: &'static str, v: Decimal| {
                    let r2 = r.clone();
                    view! {
                        <td>
                            <div class="inline-field">
                                <NumberField
                                    id=format!("range-{}-{which}", driver.key())
                                    field=which
                                    compact=true
                                    label=Signal::derive(move || i18n::of_item(label, &i18n::driver_name(driver, &ctx.plan.get_untracked().unwrap_or_default(), lang), lang))
                                    value=Signal::derive(move || v)
                                    rule=driver.rule()
                                    on_commit=Callback::new(move |v: Decimal| {
                                        let mut next = r2.clone();
                                        if which == "low" { next.low = v } else { next.high = v }
                                        ctx.apply(PlanEdit::SetRange(next))
                                    })
                                />
                                {percent.then(|| view! { <span class="unit">"%"</span> })}
                            </div>
                        </td>
                    }
                };
                view! {
                    <tr data-range=key.clone()>
                        <th scope="row">{name.clone()}</th>
                        {field("low", t.range_low, low)}
                        <td class="num muted" data-likely=likely.map(|v| v.normalize().to_string()).unwrap_or_default()>
                            {likely.map(|v| i18n::driver_value(driver, v, &currency))}
                        </td>
                        {field("high", t.range_high, high)}
                        <td>
                            <button
                                type="button"
                                class="button quiet"
                                data-action="remove-range"
                                aria-label=i18n::of_item(t.range_remove, &name, lang)
                                on:click=move |_| ctx.report(ctx.apply(PlanEdit::DeleteRange(driver)))
                            >
                                "×"
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    }
}

/// The fan chart: P10–P90 of cumulative net contribution as a band, P50 as a line, drawn as
/// SVG (sharp at any size, styled by the theme, no inline style).
#[component]
fn Fan(summary: Arc<RangeSummary>, currency: String) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let fan = &summary.fan;
    // Room on the left for the amounts and below for the months.
    let (w, h, pad, left, bottom) = (600.0_f64, 240.0_f64, 8.0_f64, 64.0_f64, 22.0_f64);
    let lo = fan
        .iter()
        .map(|m| m[0])
        .min()
        .unwrap_or_default()
        .min(Decimal::ZERO);
    let hi = fan
        .iter()
        .map(|m| m[2])
        .max()
        .unwrap_or_default()
        .max(Decimal::ZERO);
    let n = fan.len().max(2) - 1;
    let x = |i: usize| left + (w - left - pad) * i as f64 / n as f64;
    let y = |v: Decimal| pad + (h - pad - bottom) * (100.0 - at(v, lo, hi)) / 100.0;
    let line = |k: usize| {
        fan.iter()
            .enumerate()
            .map(|(i, m)| format!("{:.1},{:.1}", x(i), y(m[k])))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let band = {
        let top: Vec<String> = fan
            .iter()
            .enumerate()
            .map(|(i, m)| format!("{:.1},{:.1}", x(i), y(m[2])))
            .collect();
        let bottom: Vec<String> = fan
            .iter()
            .enumerate()
            .rev()
            .map(|(i, m)| format!("{:.1},{:.1}", x(i), y(m[0])))
            .collect();
        format!("M{}L{}Z", top.join("L"), bottom.join("L"))
    };
    let zero = y(Decimal::ZERO);
    let last = fan.last().copied().unwrap_or_default();
    // The axes: the lowest, zero and the highest amount; the first, middle and last month.
    let (symbol, _) = format::currency_symbol(&currency);
    let amount = move |v: Decimal| {
        let sign = if v.is_sign_negative() { "-" } else { "" };
        format!(
            "{sign}{symbol}{}",
            format::compact(v.abs(), lang.get_untracked())
        )
    };
    let mut y_ticks = vec![lo, Decimal::ZERO, hi];
    y_ticks.dedup();
    let y_labels = y_ticks
        .into_iter()
        .map(|v| {
            view! {
                <text class="axis-label" x=left - 6.0 y=y(v) text-anchor="end" dominant-baseline="middle">{amount(v)}</text>
            }
        })
        .collect_view();
    let months = fan.len();
    let mut x_ticks = vec![0, months / 2, months.saturating_sub(1)];
    x_ticks.dedup();
    let x_labels = x_ticks
        .into_iter()
        .map(|i| {
            let anchor = if i == 0 {
                "start"
            } else if i + 1 == months {
                "end"
            } else {
                "middle"
            };
            view! {
                <text class="axis-label" x=x(i) y=h - 6.0 text-anchor=anchor>
                    {move || i18n::month_label(i + 1, lang.get())}
                </text>
            }
        })
        .collect_view();
    let label = move || {
        let lang = lang.get();
        let t = answer_texts(lang);
        format!(
            "{}: {} {} · {} {} · {} {}",
            t.fan_title,
            t.p10,
            format::money(last[0], &currency),
            t.p50,
            format::money(last[1], &currency),
            t.p90,
            format::money(last[2], &currency)
        )
    };
    view! {
        <figure class="fan" data-testid="fan" data-months=fan.len()
            data-last-p10=last[0].normalize().to_string()
            data-last-p50=last[1].normalize().to_string()
            data-last-p90=last[2].normalize().to_string()
        >
            <svg viewBox=format!("0 0 {w} {h}") role="img" aria-label=label.clone()>
                <line class="axis" x1=left y1=pad x2=left y2=h - bottom></line>
                {y_labels}
                {x_labels}
                <line class="zero" x1=left y1=zero x2=w - pad y2=zero></line>
                <path class="band" d=band></path>
                <polyline class="median" points=line(1)></polyline>
            </svg>
            <figcaption class="small muted">{label}</figcaption>
        </figure>
    }
}

/// What the waterfall asks: this plan (by identity), seen by this scenario, for this figure.
type Question = (Arc<Plan>, Column, Metric);

fn same_question(a: &Question, b: &Question) -> bool {
    Arc::ptr_eq(&a.0, &b.0) && a.1 == b.1 && a.2 == b.2
}

/// Where an attribution is. Every run is sliced ([`analysis::Attributor`]): no task longer than
/// [`SLICE_MS`], progress shown, Cancel at any time.
#[derive(Clone)]
enum AttrState {
    Idle,
    Running(Question),
    Cancelled(Question),
    Done(Question, Result<Arc<Attribution>, analysis::AnalysisError>),
}

#[component]
fn Waterfall(column: Memo<Column>, metric: RwSignal<Metric>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || answer_texts(lang.get());
    let state = RwSignal::new(AttrState::Idle);
    let progress = RwSignal::new((0_usize, 0_usize));
    // Each run has a number; a newer run, a changed question or Cancel stops an older one at
    // its next slice.
    let generation = StoredValue::new(0_u64);
    let question = move || -> Option<Question> {
        let plan = ctx.plan.get()?;
        let c = column.get();
        matches!(c, Column::Scenario(_)).then(|| (plan, c, metric.get()))
    };
    let levers = move |q: &Question| match q.1 {
        Column::Scenario(id) => q.0.scenario(id).map_or(0, |s| s.levers.len()),
        Column::Baseline => 0,
    };
    let run = move |q: Question| {
        let Column::Scenario(id) = q.1 else {
            return;
        };
        let id_run = generation.get_value() + 1;
        generation.set_value(id_run);
        let mut a = match analysis::Attributor::new(&q.0, id, q.2) {
            Ok(a) => a,
            Err(e) => {
                state.set(AttrState::Done(q, Err(e)));
                return;
            }
        };
        progress.set(a.progress());
        state.set(AttrState::Running(q.clone()));
        leptos::task::spawn_local(async move {
            // The click's task ends here: every evaluation is in a slice of its own.
            next_task().await;
            if generation.try_get_value() != Some(id_run) {
                return;
            }
            while !a.finished() {
                let start = js_sys::Date::now();
                while !a.finished() && js_sys::Date::now() - start < SLICE_MS {
                    a.step(1);
                }
                progress.set(a.progress());
                next_task().await;
                if generation.try_get_value() != Some(id_run) {
                    return;
                }
            }
            state.set(AttrState::Done(q, a.result().map(Arc::new)));
        });
    };
    // A new question: exact attributions (up to 8 levers) start by themselves; sampled ones
    // wait for Compute. A run for an older question stops.
    Effect::new(move |_| {
        let Some(q) = question() else {
            generation.update_value(|g| *g += 1);
            state.set(AttrState::Idle);
            return;
        };
        let current = state.with_untracked(|s| match s {
            AttrState::Running(r) | AttrState::Cancelled(r) | AttrState::Done(r, _) => {
                same_question(r, &q)
            }
            AttrState::Idle => false,
        });
        if current {
            return;
        }
        generation.update_value(|g| *g += 1);
        if levers(&q) <= analysis::EXACT_LEVERS {
            run(q);
        } else {
            state.set(AttrState::Idle);
        }
    });
    let cancel = move |_| {
        generation.update_value(|g| *g += 1);
        if let AttrState::Running(q) = state.get_untracked() {
            state.set(AttrState::Cancelled(q));
        }
    };
    let compute_button = move |t: &'static i18n::AnswerTexts| {
        view! {
            <button
                type="button"
                class="button"
                data-action="compute-attribution"
                on:click=move |_| {
                    if let Some(q) = untrack(question) {
                        run(q);
                    }
                }
            >
                {t.compute}
            </button>
            <p class="muted small">{t.attribution_sampled}</p>
        }
    };
    let body = move || {
        let lang = lang.get();
        let t = answer_texts(lang);
        match (question(), state.get()) {
            (None, _) => view! { <p class="muted small">{t.attribution_pick}</p> }.into_any(),
            (Some(_), AttrState::Running(_)) => view! {
                <div class="progress-line" role="status" data-testid="attribution-progress">
                    <progress max=move || progress.get().1 value=move || progress.get().0></progress>
                    <span>{t.attributing}" "{move || progress.get().0}" / "{move || progress.get().1}</span>
                    <button type="button" class="button" data-action="cancel-attribution" on:click=cancel>{t.cancel}</button>
                </div>
            }
            .into_any(),
            (Some(_), AttrState::Done(_, Err(e))) => {
                view! { <p class="warning" role="status">{e.message(lang)}</p> }.into_any()
            }
            (Some(_), AttrState::Done(q, Ok(a))) => waterfall(&a, q.1, lang).into_any(),
            (Some(_), AttrState::Cancelled(_)) => view! {
                <p class="muted small" role="status">{t.attribution_cancelled}</p>
                {compute_button(t)}
            }
            .into_any(),
            (Some(_), AttrState::Idle) => compute_button(t).into_any(),
        }
    };
    view! {
        <section class="card" aria-labelledby="waterfall-title" data-testid="attribution">
            <h3 id="waterfall-title">{move || t().attribution_title}</h3>
            <p class="muted small">{move || t().attribution_help}</p>
            {body}
        </section>
    }
}

fn waterfall(a: &Attribution, column: Column, lang: Lang) -> impl IntoView {
    let ctx = use_ctx();
    let t = answer_texts(lang);
    let plan = ctx.plan.get_untracked().unwrap_or_default();
    let currency = plan.currency.clone();
    let m = a.metric;
    let scenario = match column {
        Column::Scenario(id) => plan.scenario(id).cloned(),
        Column::Baseline => None,
    };
    // The running total after each lever, for the bars' ends.
    let mut points = vec![a.base];
    let mut run = a.base;
    for l in &a.levers {
        run = run.saturating_add(l.share);
        points.push(run);
    }
    let lo = points
        .iter()
        .copied()
        .min()
        .unwrap_or_default()
        .min(Decimal::ZERO);
    let hi = points
        .iter()
        .copied()
        .max()
        .unwrap_or_default()
        .max(Decimal::ZERO);
    let value = |v: Decimal| format::figure(m, Figure::Value(v), &currency, lang);
    let total_bar = |v: Decimal, class: &'static str| {
        let (x0, x1) = (
            at(v.min(Decimal::ZERO), lo, hi),
            at(v.max(Decimal::ZERO), lo, hi),
        );
        view! { <span class=format!("bar {class}") style:left=pct(x0) style:width=pct((x1 - x0).max(0.3))></span> }
    };
    let rows = a
        .levers
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let (from, to) = (points[i], points[i + 1]);
            let (x0, x1) = (at(from.min(to), lo, hi), at(from.max(to), lo, hi));
            let describe = scenario
                .as_ref()
                .and_then(|s| s.levers.get(l.index))
                .map(|t| i18n::describe_lever(&t.lever, &plan, lang))
                .unwrap_or_default();
            let class = if l.share < Decimal::ZERO { "bar down" } else { "bar up" };
            view! {
                <tr data-lever=l.index data-kind=l.kind.key() data-share=l.share.normalize().to_string()>
                    <th scope="row">{format!("{}. {describe}", l.index + 1)}</th>
                    <td class="tornado-cell" aria-hidden="true">
                        <span class="tornado-track">
                            <span class=class style:left=pct(x0) style:width=pct((x1 - x0).max(0.3))></span>
                        </span>
                    </td>
                    <td class="num">{format::delta(m, l.share, &currency, lang)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="small muted">{if a.exact { t.attribution_exact } else { t.attribution_sampled }}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="waterfall-title">
            <table
                class="data tornado waterfall"
                data-testid="waterfall"
                data-metric=m.key()
                data-base=a.base.normalize().to_string()
                data-value=a.value.normalize().to_string()
                data-total=a.total.normalize().to_string()
                data-method=if a.exact { "exact" } else { "sampled" }
            >
                <caption class="visually-hidden">{t.attribution_title}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.lever}</th>
                        <th scope="col"><span class="visually-hidden">{i18n::metric(m, lang)}</span></th>
                        <th scope="col" class="num">{t.share}</th>
                    </tr>
                </thead>
                <tbody>
                    <tr class="total">
                        <th scope="row">{t.baseline_value}</th>
                        <td class="tornado-cell" aria-hidden="true"><span class="tornado-track">{total_bar(a.base, "base")}</span></td>
                        <td class="num">{value(a.base)}</td>
                    </tr>
                    {rows}
                    <tr class="total">
                        <th scope="row">{scenario.map(|s| s.name).unwrap_or_else(|| t.scenario_value.to_owned())}</th>
                        <td class="tornado-cell" aria-hidden="true"><span class="tornado-track">{total_bar(a.value, "base")}</span></td>
                        <td class="num">{value(a.value)}</td>
                    </tr>
                </tbody>
            </table>
        </div>
    }
}
