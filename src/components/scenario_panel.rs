//! Scenarios: create blank or from the five strategies, rename, duplicate, delete, and edit
//! their levers with the same inline validation as the plan.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::components::focus::focus_later;
use crate::components::icon::{icon, Icon};
use crate::components::line_editor::{line_fields, Fields};
use crate::components::number_field::{MonthField, NumberField, TextField};
use crate::ctx::{use_ctx, Ctx};
use crate::i18n::{self, texts};
use crate::model::{
    apply_scenario, lever_steps, limits, neutral_lever, Category, Column, Field, HorizonDrivers,
    Input, Lang, Lever, LeverKind, LeverStep, LineId, ModelError, Plan, Problem, Rule, ScenarioId,
    Strategy,
};
use crate::session::NoticeKind;
use crate::state::{LineEdit, PlanEdit};

#[component]
pub fn ScenarioPanel(
    /// The scenario chosen for editing (kept by the page while other tabs are open).
    chosen: RwSignal<Option<ScenarioId>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let scenarios = Memo::new(move |_| {
        ctx.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.scenarios
                        .iter()
                        .map(|s| (s.id, s.name.clone(), s.preset))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // The scenario being edited: the chosen one if it still exists, else the first.
    let selected = Memo::new(move |_| {
        scenarios.with(|list| {
            chosen
                .get()
                .filter(|id| list.iter().any(|(s, _, _)| s == id))
                .or_else(|| list.first().map(|(id, _, _)| *id))
        })
    });
    let count = move || scenarios.with(Vec::len);
    // Scenarios with a lever that points at a line they do not have, marked in the list.
    let with_dangling = Memo::new(move |_| {
        ctx.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.dangling_levers()
                        .into_iter()
                        .map(|(s, _)| s)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let add = move |preset: Option<Strategy>| match ctx.apply(PlanEdit::AddScenario(preset)) {
        Ok(()) => {
            let last = scenarios.with_untracked(|l| l.last().map(|(id, _, _)| *id));
            chosen.set(last);
            if let Some(id) = last {
                focus_later(format!("scenario-{}-name", id.0));
            }
        }
        Err(e) => ctx.report(Err(e)),
    };

    view! {
        <section class="card" aria-labelledby="scenarios-title">
            <div class="section-head">
                <h2 id="scenarios-title">{move || t().scenarios_title}</h2>
                <button
                    type="button"
                    class="button"
                    data-action="add-blank-scenario"
                    disabled=move || { count() >= limits::SCENARIOS }
                    on:click=move |_| add(None)
                >
                    {move || format!("+ {}", t().add_blank_scenario)}
                </button>
            </div>
            <p class="muted small">{move || t().scenarios_help}</p>
            <div class="presets" role="group" aria-labelledby="presets-title">
                <h3 id="presets-title">
                    {move || t().add_from_preset}
                    <span class="badge assumption">{move || t().assumption}</span>
                </h3>
                <div class="preset-grid">
                    {Strategy::ALL
                        .into_iter()
                        .map(|s| {
                            let summary = move || {
                                let l = lang.get();
                                let empty = Plan::default();
                                s.levers()
                                    .iter()
                                    .map(|lever| i18n::describe_lever(lever, &empty, l))
                                    .collect::<Vec<_>>()
                                    .join(texts(l).list_separator)
                            };
                            view! {
                                <button
                                    type="button"
                                    class="preset"
                                    data-action=format!("add-preset-{}", s.key())
                                    disabled=move || { count() >= limits::SCENARIOS }
                                    on:click=move |_| add(Some(s))
                                >
                                    <strong>{move || s.name(lang.get())}</strong>
                                    <span class="small">{move || s.summary(lang.get())}</span>
                                    <span class="small assumption-text">
                                        {move || {
                                            let l = lang.get();
                                            format!("{}{}{}", t().assumption, texts(l).label_separator, summary())
                                        }}
                                    </span>
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            </div>
            <Show
                when=move || { count() > 0 }
                fallback=move || view! { <p class="empty">{move || t().no_scenarios}</p> }
            >
                <div class="scenario-layout">
                    <ul class="scenario-list" aria-label=move || t().scenarios_title>
                        <For
                            each=move || scenarios.get()
                            key=|(id, name, _)| (*id, name.clone())
                            children=move |(id, name, _)| {
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="scenario-item"
                                            data-scenario-id=id.0
                                            aria-pressed=move || (selected.get() == Some(id)).to_string()
                                            class:active=move || selected.get() == Some(id)
                                            on:click=move |_| chosen.set(Some(id))
                                        >
                                            {name}
                                            <Show when=move || with_dangling.with(|d| d.contains(&id))>
                                                <span class="badge attention" data-testid="dangling-badge">
                                                    {move || t().scenario_has_dangling}
                                                </span>
                                            </Show>
                                        </button>
                                    </li>
                                }
                            }
                        />
                    </ul>
                    {move || selected.get().map(|id| view! { <ScenarioEditor id=id chosen=chosen/> })}
                </div>
            </Show>
        </section>
    }
}

#[component]
fn ScenarioEditor(id: ScenarioId, chosen: RwSignal<Option<ScenarioId>>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let scenario = Memo::new(move |_| {
        ctx.plan
            .with(|p| p.as_ref().and_then(|p| p.scenario(id).cloned()))
    });
    let name = Signal::derive(move || {
        scenario.with(|s| s.as_ref().map(|s| s.name.clone()).unwrap_or_default())
    });
    let preset = move || scenario.with(|s| s.as_ref().and_then(|s| s.preset));
    // The list re-renders only when the levers' kinds change; each row reads its values itself.
    let shape = Memo::new(move |_| {
        scenario.with(|s| {
            s.as_ref()
                .map(|s| s.levers.iter().map(|t| t.lever.kind()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let prefix = format!("scenario-{}", id.0);

    view! {
        <div class="scenario-editor" data-scenario-id=id.0>
            {editor_head(ctx, id, chosen, name, &prefix)}
            {move || preset().map(|s| preset_note(lang, s))}
            <h3>{move || t().levers_title}</h3>
            <Show when=move || shape.with(Vec::is_empty)>
                <p class="empty">{move || t().no_levers}</p>
            </Show>
            {lever_list(ctx, id, shape)}
            {add_lever(ctx, id, prefix)}
        </div>
    }
}

/// The scenario's name and its duplicate and delete buttons (the copy is chosen next).
fn editor_head(
    ctx: Ctx,
    id: ScenarioId,
    chosen: RwSignal<Option<ScenarioId>>,
    name: Signal<String>,
    prefix: &str,
) -> impl IntoView {
    let t = move || texts(ctx.lang.get());
    let duplicate = move |_| match ctx.apply(PlanEdit::DuplicateScenario(id)) {
        Ok(()) => {
            let copy = ctx.plan.with_untracked(|p| {
                p.as_ref().and_then(|p| {
                    let i = p.scenarios.iter().position(|s| s.id == id)?;
                    p.scenarios.get(i + 1).map(|s| s.id)
                })
            });
            chosen.set(copy);
        }
        Err(e) => ctx.report(Err(e)),
    };
    view! {
        <div class="editor-head">
            <TextField
                id=format!("{prefix}-name")
                field="scenario-name"
                label=Signal::derive(move || t().scenario_name.to_owned())
                value=name
                on_commit=Callback::new(move |n| ctx.apply(PlanEdit::RenameScenario(id, n)))
            />
            <div class="editor-actions">
                <button type="button" class="button" data-action="duplicate-scenario" on:click=duplicate>
                    {move || t().duplicate}
                </button>
                <button
                    type="button"
                    class="button danger"
                    data-action="delete-scenario"
                    on:click=move |_| {
                        ctx.report(ctx.apply(PlanEdit::DeleteScenario(id)));
                    }
                >
                    {move || t().delete}
                </button>
            </div>
        </div>
    }
}

/// What a strategy preset assumes, above the levers it set.
fn preset_note(lang: ReadSignal<Lang>, s: Strategy) -> impl IntoView {
    let t = move || texts(lang.get());
    view! {
        <div class="preset-note" role="note">
            <span class="badge assumption">{move || t().assumption}</span>
            <p>
                <strong>{move || s.name(lang.get())}</strong>
                {move || t().label_separator}
                {move || s.summary(lang.get())}
            </p>
            <p class="small">{move || t().preset_note}</p>
        </div>
    }
}

/// The scenario's levers, each with what it did and whether it still points at a line.
fn lever_list(ctx: Ctx, id: ScenarioId, shape: Memo<Vec<LeverKind>>) -> impl IntoView {
    // Levers of this scenario that point at a line it does not have.
    let dangling = Memo::new(move |_| {
        ctx.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.dangling_levers()
                        .into_iter()
                        .filter(|(s, _)| *s == id)
                        .map(|(_, i)| i)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // What each lever did, in the plan's numbers, with the scenario's own customer path.
    let steps = Memo::new(move |_| {
        let drivers = ctx.comparison.with(|c| {
            c.as_ref().and_then(|c| {
                c.columns.iter().find_map(|(col, r)| match (col, r) {
                    (Column::Scenario(s), Ok(e)) if *s == id => {
                        Some(HorizonDrivers::of(&e.projection.months))
                    }
                    _ => None,
                })
            })
        })?;
        ctx.plan.with(|p| {
            let p = p.as_ref()?;
            let s = p.scenario(id)?;
            Some((drivers.months, lever_steps(p, s, &drivers).ok()?))
        })
    });
    view! {
        <ol class="levers">
            {move || {
                shape
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(index, _)| {
                        let dangling = Signal::derive(move || dangling.with(|d| d.contains(&index)));
                        let step = Signal::derive(move || {
                            steps.with(|s| {
                                s.as_ref().and_then(|(months, s)| Some((*months, s.get(index)?.clone())))
                            })
                        });
                        view! { <LeverRow scenario=id index=index dangling=dangling step=step/> }
                    })
                    .collect_view()
            }}
        </ol>
    }
}

/// A new lever: its kind, the line it is for when it needs one, and the button that adds it
/// with no effect until set.
fn add_lever(ctx: Ctx, id: ScenarioId, prefix: String) -> impl IntoView {
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let new_kind = RwSignal::new(LeverKind::CategorySpend);
    // The line a new "line amount" or "remove a line" lever is for: chosen before it is added.
    let new_line = RwSignal::new(None::<LineId>);
    let needs_line = move || {
        matches!(
            new_kind.get(),
            LeverKind::LineAmount | LeverKind::RemoveLine
        )
    };
    let add = move |_| {
        let kind = new_kind.get_untracked();
        let lever = ctx.plan.with_untracked(|p| {
            let p = p.as_ref()?;
            let line = new_line
                .get_untracked()
                .filter(|l| p.lines.iter().any(|x| x.id == *l))
                .or_else(|| p.lines.first().map(|l| l.id));
            match kind {
                LeverKind::RemoveLine => line.map(|line| Lever::RemoveLine { line }),
                _ => neutral_lever(
                    p,
                    p.scenario(id)?,
                    kind,
                    line,
                    texts(lang.get_untracked()).default_line_name,
                ),
            }
        });
        match lever {
            Some(lever) => ctx.report(ctx.apply(PlanEdit::AddLever(id, lever))),
            None => ctx.notify(NoticeKind::Refused(ModelError::Invalid {
                field: Field::Lines,
                problem: Problem::Empty,
            })),
        }
    };
    let baseline_lines = ctx.line_names();

    view! {
        <div class="add-lever">
            <label for=format!("{prefix}-new-lever")>{move || t().lever_kind}</label>
            <select
                id=format!("{prefix}-new-lever")
                prop:value=move || new_kind.get().key()
                on:change=move |ev| {
                    if let Some(k) = LeverKind::from_key(&event_target_value(&ev)) {
                        new_kind.set(k);
                    }
                }
            >
                {LeverKind::ALL
                    .into_iter()
                    .map(|k| view! { <option value=k.key()>{move || i18n::lever_kind(k, lang.get())}</option> })
                    .collect_view()}
            </select>
            <Show when=needs_line>
                <label for=format!("{prefix}-new-lever-line") class="visually-hidden">
                    {move || t().lever_target}
                </label>
                <select
                    id=format!("{prefix}-new-lever-line")
                    data-field="new-lever-line"
                    on:change=move |ev| {
                        new_line.set(event_target_value(&ev).parse::<u32>().ok().map(LineId));
                    }
                >
                    {move || {
                        let chosen = new_line.get_untracked();
                        baseline_lines
                            .get()
                            .into_iter()
                            .map(|(l, name)| {
                                view! { <option value=l.0 selected=Some(l) == chosen>{name}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </Show>
            <button type="button" class="button" data-action="add-lever" on:click=add>
                {move || format!("+ {}", t().add_lever)}
            </button>
        </div>
    }
}

/// One lever of a scenario being edited: where it is and how to change it.
#[derive(Clone, Copy)]
struct LeverAt {
    ctx: Ctx,
    scenario: ScenarioId,
    index: usize,
    lever: Memo<Option<Lever>>,
    /// The month it acts from, if later than month 1.
    from: Memo<Option<u16>>,
}

impl LeverAt {
    fn new(scenario: ScenarioId, index: usize) -> LeverAt {
        let ctx = use_ctx();
        let timed = move || {
            ctx.plan.with(|p| {
                p.as_ref()
                    .and_then(|p| p.scenario(scenario))
                    .and_then(|s| s.levers.get(index).cloned())
            })
        };
        let lever = Memo::new(move |_| timed().map(|t| t.lever));
        let from = Memo::new(move |_| timed().and_then(|t| t.from_month));
        LeverAt {
            ctx,
            scenario,
            index,
            lever,
            from,
        }
    }

    /// The prefix of its controls' ids.
    fn prefix(self) -> String {
        format!("lever-{}-{}", self.scenario.0, self.index)
    }

    /// Changes a typed value of the lever with `f` (typing merges into one undo step); a
    /// refusal is returned for the field to show.
    fn update(self, f: &dyn Fn(&mut Lever)) -> Result<(), ModelError> {
        let Some(mut l) = self.lever.get_untracked() else {
            return Ok(());
        };
        f(&mut l);
        self.ctx
            .apply(PlanEdit::UpdateLever(self.scenario, self.index, l))
    }

    /// Changes what the lever is for (a select's choice: an undo step of its own) with `f`,
    /// and reports a refusal as a notice.
    fn choose(self, f: &dyn Fn(&mut Lever)) {
        let Some(mut l) = self.lever.get_untracked() else {
            return;
        };
        f(&mut l);
        self.ctx.report(
            self.ctx
                .apply(PlanEdit::ChooseLever(self.scenario, self.index, l)),
        );
    }

    /// A part of the lever, followed.
    fn read<T: Clone + Default + Send + Sync + 'static>(
        self,
        part: fn(&Lever) -> Option<T>,
    ) -> Signal<T> {
        let lever = self.lever;
        Signal::derive(move || lever.with(|l| l.as_ref().and_then(part).unwrap_or_default()))
    }
}

#[component]
fn LeverRow(
    scenario: ScenarioId,
    index: usize,
    /// Whether the lever points at a line the scenario does not have.
    dangling: Signal<bool>,
    /// What it did (with the horizon in months), and which later levers override it.
    step: Signal<Option<(u16, LeverStep)>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let at = LeverAt::new(scenario, index);
    let Some(kind) = at.lever.get_untracked().map(|l| l.kind()) else {
        return ().into_any();
    };
    let body = match kind {
        LeverKind::CategorySpend => view! { <CategoryLeverFields at=at /> }.into_any(),
        LeverKind::NewCustomers
        | LeverKind::Churn
        | LeverKind::Revenue
        | LeverKind::Seasonality => view! { <PctField at=at kind=kind /> }.into_any(),
        LeverKind::LineAmount => view! { <LineAmountFields at=at /> }.into_any(),
        LeverKind::RemoveLine => {
            let on_pick = Callback::new(move |id: LineId| {
                at.choose(&|l| {
                    if let Lever::RemoveLine { line } = l {
                        *line = id;
                    }
                });
            });
            let current = at.read(|l| match l {
                Lever::RemoveLine { line } => Some(*line),
                _ => None,
            });
            view! { <LineSelect at=at current=current on_pick=on_pick /> }.into_any()
        }
        LeverKind::AddLine => view! { <AddLineFields scenario=scenario index=index/> }.into_any(),
        LeverKind::Set => view! { <SetLeverFields at=at /> }.into_any(),
    };

    view! {
        <li class="lever" class:dangling=move || dangling.get() data-lever-kind=kind.key() data-dangling=move || dangling.get().to_string()>
            <span class="lever-kind">{move || i18n::lever_kind(kind, lang.get())}</span>
            <div class="lever-body">{body}</div>
            <LeverFrom at=at />
            <Show when=move || dangling.get()>
                <p class="warning" role="status">{move || t().line_missing}</p>
            </Show>
            <LeverEffect step=step from=at.from />
            <button
                type="button"
                class="button icon quiet danger"
                data-action="delete-lever"
                aria-label=move || format!("{} {}", t().delete, i18n::lever_kind(kind, lang.get()))
                on:click=move |_| {
                    ctx.report(ctx.apply(PlanEdit::DeleteLever(scenario, index)));
                }
            >
                {icon(Icon::Remove)}
            </button>
        </li>
    }
    .into_any()
}

/// The month a lever acts from: blank for month 1. A lever that acts on the whole plan
/// (setting the starting customers or the discount rate) has none, and says so.
#[component]
fn LeverFrom(at: LeverAt) -> impl IntoView {
    let ctx = at.ctx;
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let whole = Memo::new(move |_| at.lever.with(|l| l.as_ref().is_some_and(Lever::whole_plan)));
    let id = format!("{}-from", at.prefix());
    let on_commit = Callback::new(move |m: Option<u16>| {
        ctx.apply(PlanEdit::SetLeverFrom(at.scenario, at.index, m))
    });
    view! {
        <Show
            when=move || !whole.get()
            fallback=move || view! { <small class="muted lever-whole">{move || t().lever_whole_plan}</small> }
        >
            <span class="lever-from">
                <span aria-hidden="true">{move || t().lever_from_before}</span>
                <MonthField
                    id=id.clone()
                    field="from_month"
                    label=Signal::derive(move || t().lever_from_label.to_owned())
                    value=Signal::derive(move || at.from.get())
                    placeholder=Signal::derive(|| "1".to_owned())
                    on_commit=on_commit
                />
                <span aria-hidden="true">{move || t().lever_from_after}</span>
            </span>
        </Show>
    }
}

/// What a lever did ("from month 5: churn 5% → 3.75%"), and the later levers that set it
/// again.
#[component]
fn LeverEffect(step: Signal<Option<(u16, LeverStep)>>, from: Memo<Option<u16>>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    view! {
        <p class="lever-effect" data-testid="lever-effect">
            {move || {
                step.with(|s| {
                    s.as_ref()
                        .map(|(months, s)| {
                            let l = lang.get();
                            let effect = i18n::lever_effect(&s.effect, *months, &ctx.currency.get(), l);
                            match from.get().filter(|m| *m > 1) {
                                Some(m) => i18n::from_month(m, &effect, l),
                                None => effect,
                            }
                        })
                })
            }}
        </p>
        {move || {
            step.with(|s| {
                s.as_ref()
                    .filter(|(_, s)| !s.overridden_by.is_empty())
                    .map(|(_, s)| {
                        let text = i18n::lever_overridden(&s.overridden_by, lang.get());
                        view! {
                            <p class="warning lever-overridden" data-testid="lever-overridden">
                                {text}
                            </p>
                        }
                    })
            })
        }}
    }
}

/// The percentage a lever changes its figure by.
#[component]
fn PctField(
    at: LeverAt,
    kind: LeverKind,
    /// The field's label says the lever's kind (the category lever has its category beside).
    #[prop(optional)]
    plain: bool,
) -> impl IntoView {
    let lang = at.ctx.lang;
    let t = move || texts(lang.get());
    let pct = at.read(|l| match l {
        Lever::CategorySpend { pct, .. }
        | Lever::NewCustomers { pct }
        | Lever::Churn { pct }
        | Lever::Revenue { pct }
        | Lever::Seasonality { pct } => Some(*pct),
        Lever::LineAmount { .. }
        | Lever::RemoveLine { .. }
        | Lever::AddLine { .. }
        | Lever::Set { .. } => None,
    });
    let set_pct = Callback::new(move |v: Decimal| {
        at.update(&|l| {
            if let Lever::CategorySpend { pct, .. }
            | Lever::NewCustomers { pct }
            | Lever::Churn { pct }
            | Lever::Revenue { pct }
            | Lever::Seasonality { pct } = l
            {
                *pct = v;
            }
        })
    });
    let label = Signal::derive(move || {
        if plain {
            t().lever_pct.to_owned()
        } else {
            format!("{} {}", i18n::lever_kind(kind, lang.get()), t().lever_pct)
        }
    });
    view! {
        <NumberField
            id=format!("{}-pct", at.prefix())
            field="pct"
            compact=true
            label=label
            value=pct
            rule=Rule::change_pct()
            on_commit=set_pct
        />
        <span class="unit">"%"</span>
    }
}

/// A category's spend changed by a percentage.
#[component]
fn CategoryLeverFields(at: LeverAt) -> impl IntoView {
    let ctx = at.ctx;
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let prefix = at.prefix();
    let category = at.read(|l| match l {
        Lever::CategorySpend { category, .. } => Some(category.key()),
        _ => None,
    });
    let initial = at.lever.with_untracked(|l| match l {
        Some(Lever::CategorySpend { category, .. }) => *category,
        _ => Category::Marketing,
    });
    view! {
        <div class="field compact">
            <label for=format!("{prefix}-category") class="visually-hidden">{move || t().col_category}</label>
            <select
                id=format!("{prefix}-category")
                data-field="category"
                prop:value=move || category.get()
                on:change=move |ev| {
                    if let Some(c) = Category::from_key(&event_target_value(&ev)) {
                        at.choose(&|l| {
                            if let Lever::CategorySpend { category, .. } = l {
                                *category = c;
                            }
                        });
                    }
                }
            >
                {Category::ALL
                    .into_iter()
                    .map(|c| view! { <option value=c.key() selected=c == initial>{move || i18n::category(c, lang.get())}</option> })
                    .collect_view()}
            </select>
        </div>
        <PctField at=at kind=LeverKind::CategorySpend plain=true />
    }
}

/// A line's amount set to a new value.
#[component]
fn LineAmountFields(at: LeverAt) -> impl IntoView {
    let ctx = at.ctx;
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let current = at.read(|l| match l {
        Lever::LineAmount { line, .. } => Some(*line),
        _ => None,
    });
    let amount = at.read(|l| match l {
        Lever::LineAmount { amount, .. } => Some(*amount),
        _ => None,
    });
    let on_pick = Callback::new(move |id: LineId| {
        at.choose(&|l| {
            if let Lever::LineAmount { line, .. } = l {
                *line = id;
            }
        });
    });
    view! {
        <LineSelect at=at current=current on_pick=on_pick />
        <NumberField
            id=format!("{}-amount", at.prefix())
            field="amount"
            compact=true
            label=Signal::derive(move || t().lever_amount.to_owned())
            value=amount
            rule=Rule::money()
            on_commit=Callback::new(move |v: Decimal| {
                at.update(&|l| {
                    if let Lever::LineAmount { amount, .. } = l {
                        *amount = v;
                    }
                })
            })
        />
    }
}

/// The line a lever changes or removes, among the plan's lines.
#[component]
fn LineSelect(at: LeverAt, current: Signal<LineId>, on_pick: Callback<LineId>) -> impl IntoView {
    let ctx = at.ctx;
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let lines = ctx.line_names();
    let select_id = format!("{}-line", at.prefix());
    view! {
        <div class="field compact">
            <label for=select_id.clone() class="visually-hidden">{move || t().lever_target}</label>
            <select
                id=select_id
                data-field="line"
                on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                        on_pick.run(LineId(n));
                    }
                }
            >
                {move || {
                    let list = lines.get();
                    let current = current.get();
                    // A lever whose line was deleted must not look as if it pointed at
                    // the first line in the list.
                    let deleted = !list.iter().any(|(id, _)| *id == current);
                    let placeholder = deleted.then(|| {
                        view! { <option value="" selected=true disabled=true>{t().line_deleted}</option> }
                    });
                    let options = list
                        .into_iter()
                        .map(|(id, name)| {
                            view! { <option value=id.0 selected=id == current>{name}</option> }
                        })
                        .collect_view();
                    (placeholder, options)
                }}
            </select>
        </div>
    }
}

/// One of the plan's inputs set to a value (what a goal seek's answer becomes).
#[component]
fn SetLeverFields(at: LeverAt) -> impl IntoView {
    let ctx = at.ctx;
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let prefix = at.prefix();
    let (scenario, index) = (at.scenario, at.index);
    let value = at.read(|l| match l {
        Lever::Set { value, .. } => Some(*value),
        _ => None,
    });
    // The inputs a "set" lever can take: the economics and each fee tier's fee.
    let inputs = Memo::new(move |_| {
        ctx.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    Input::BASE
                        .into_iter()
                        .chain(p.fee_tiers.iter().map(|t| Input::TierFee(t.id)))
                        .map(|i| (i, i18n::input_name(i, p, lang.get())))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let input = Memo::new(move |_| {
        at.lever.with(|l| match l {
            Some(Lever::Set { input, .. }) => *input,
            _ => Input::ChurnPct,
        })
    });
    let value_id = format!("{prefix}-value");
    view! {
        <div class="field compact">
            <label for=format!("{prefix}-input") class="visually-hidden">{move || t().lever_target}</label>
            <select
                id=format!("{prefix}-input")
                data-field="input"
                prop:value=move || input.get().key()
                on:change=move |ev| {
                    let Some(i) = Input::from_key(&event_target_value(&ev)) else {
                        return;
                    };
                    // The new input starts at its value in the scenario so far.
                    let start = ctx.plan.with_untracked(|p| {
                        let p = p.as_ref()?;
                        let mut s = p.scenario(scenario)?.clone();
                        s.levers.truncate(index);
                        i.value(&apply_scenario(p, &s).ok()?)
                    });
                    at.choose(&|l| {
                        if let Lever::Set { input, value } = l {
                            *input = i;
                            *value = start.unwrap_or(Decimal::ZERO);
                        }
                    });
                }
            >
                {move || {
                    inputs
                        .get()
                        .into_iter()
                        .map(|(i, name)| view! { <option value=i.key() selected=i == input.get_untracked()>{name}</option> })
                        .collect_view()
                }}
            </select>
        </div>
        // Rebuilt when the input changes: its rule and unit go with it.
        {move || {
            let i = input.get();
            let percent = i.rule().percent;
            view! {
                <NumberField
                    id=value_id.clone()
                    field="value"
                    compact=true
                    label=Signal::derive(move || t().lever_value.to_owned())
                    value=value
                    rule=i.lever_rule()
                    on_commit=Callback::new(move |v: Decimal| {
                        at.update(&|l| {
                            if let Lever::Set { value, .. } = l {
                                *value = v;
                            }
                        })
                    })
                />
                {percent.then(|| view! { <span class="unit">"%"</span> })}
            }
        }}
    }
}

/// The fields of a line that a scenario adds: the budget table's line editor, editing the
/// lever's line.
#[component]
fn AddLineFields(scenario: ScenarioId, index: usize) -> impl IntoView {
    let ctx = use_ctx();
    let line = Memo::new(move |_| {
        ctx.plan.with(|p| {
            p.as_ref().and_then(|p| p.scenario(scenario)).and_then(|s| {
                match s.levers.get(index).map(|t| &t.lever) {
                    Some(Lever::AddLine { line }) => Some(line.clone()),
                    _ => None,
                }
            })
        })
    });
    let on_edit =
        Callback::new(move |e: LineEdit| ctx.apply(PlanEdit::UpdateLeverLine(scenario, index, e)));
    line_fields::<Fields>(
        line.into(),
        &format!("lever-{}-{index}", scenario.0),
        on_edit,
    )
}
