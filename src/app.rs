//! `<App/>`: load → state → context → layout. The [`Ctx`] it provides is the one way components
//! read the workspace and change it.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

use crate::components::{
    budget_table::BudgetTable, charts::Charts, comparison_table::ComparisonTable,
    economics_form::EconomicsForm, example_banner::ExampleBanner, fee_tiers::FeeTiers,
    header::Header, headline::Headline, notices::Notices, scenario_panel::ScenarioPanel,
};
use crate::i18n::texts;
use crate::model::{compare, BudgetLine, Comparison, Lang, LineId, ModelError, Plan};
use crate::state::{Action, History, Workspace};
use crate::storage::{self, SaveError};

/// A message shown above the page until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub id: u64,
    pub kind: NoticeKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum NoticeKind {
    /// A plan was deleted; it can be restored.
    PlanDeleted {
        plan: crate::state::PlanId,
        name: String,
    },
    Startup(storage::StartupProblem),
    SaveFailed(SaveError),
}

/// The app's state and its derived values, provided as context. All fields are `Copy` handles.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub ws: RwSignal<Workspace>,
    history: StoredValue<History>,
    /// (can undo, can redo).
    pub history_state: RwSignal<(bool, bool)>,
    pub lang: ReadSignal<Lang>,
    /// The open plan.
    pub plan: Memo<Option<Plan>>,
    /// The open plan's baseline and scenarios, evaluated.
    pub comparison: Memo<Option<Comparison>>,
    /// The open plan's currency (CNY when none) and horizon: memos, so rows that show them are
    /// not woken by every edit.
    pub currency: ReadSignal<String>,
    pub horizon: ReadSignal<u16>,
    /// One signal per budget line, so an edit wakes only the row it changes (see `line`).
    line_slots: StoredValue<HashMap<LineId, ArcRwSignal<Option<BudgetLine>>>>,
    pub notices: RwSignal<Vec<Notice>>,
    pub save_error: RwSignal<Option<SaveError>>,
    revision: StoredValue<u64>,
    may_save: StoredValue<bool>,
}

impl Ctx {
    /// Applies an action through undo history. On error nothing changed.
    pub fn dispatch(self, action: Action) -> Result<(), ModelError> {
        let now = js_sys::Date::now();
        let deleted = match &action {
            Action::DeletePlan(id) => self.ws.with_untracked(|w| {
                w.plans
                    .iter()
                    .find(|p| p.id == *id)
                    .map(|p| (p.id, p.plan.name.clone()))
            }),
            _ => None,
        };
        let mut result = Ok(());
        self.history.update_value(|h| {
            self.ws
                .try_maybe_update(|ws| match h.apply(ws, action, now) {
                    Ok(changed) => (changed, ()),
                    Err(e) => {
                        result = Err(e);
                        (false, ())
                    }
                });
            self.history_state.set((h.can_undo(), h.can_redo()));
        });
        if let (Ok(()), Some((plan, name))) = (&result, deleted) {
            self.notify(NoticeKind::PlanDeleted { plan, name });
        }
        result
    }

    /// Dispatches an action whose failure the caller has nothing to show for.
    pub fn act(self, action: Action) {
        if let Err(e) = self.dispatch(action) {
            leptos::logging::warn!("{}", e.message(Lang::En));
        }
    }

    pub fn undo(self) {
        self.history.update_value(|h| {
            self.ws.try_maybe_update(|ws| (h.undo(ws), ()));
            self.history_state.set((h.can_undo(), h.can_redo()));
        });
    }

    pub fn redo(self) {
        self.history.update_value(|h| {
            self.ws.try_maybe_update(|ws| (h.redo(ws), ()));
            self.history_state.set((h.can_undo(), h.can_redo()));
        });
    }

    pub fn notify(self, kind: NoticeKind) {
        let id = js_sys::Date::now() as u64;
        self.notices.update(|n| {
            n.retain(|x| x.kind != kind);
            let id = n.iter().map(|x| x.id + 1).max().unwrap_or(id).max(id);
            n.push(Notice { id, kind });
        });
    }

    pub fn dismiss(self, id: u64) {
        self.notices.update(|n| n.retain(|x| x.id != id));
    }

    /// The open plan's currency, for formatting.
    pub fn currency(self) -> String {
        self.currency.get()
    }

    /// The budget line `id` of the open plan, as a signal that changes only when that line does.
    /// With thousands of lines, every row subscribing to the whole plan would wake them all on
    /// each keystroke; this keeps an edit's cost proportional to what it changes.
    pub fn line(self, id: LineId) -> ArcRwSignal<Option<BudgetLine>> {
        let existing = self.line_slots.with_value(|s| s.get(&id).cloned());
        existing.unwrap_or_else(|| {
            let current = self
                .plan
                .with_untracked(|p| p.as_ref().and_then(|p| p.line(id).cloned()));
            let slot = ArcRwSignal::new(current);
            self.line_slots
                .update_value(|s| drop(s.insert(id, slot.clone())));
            slot
        })
    }

    /// Brings every line signal up to date with the open plan: one pass over the lines, and
    /// only the changed lines' signals notify.
    fn sync_lines(self) {
        self.plan.with(|p| {
            let lines = p.as_ref().map_or(&[][..], |p| p.lines.as_slice());
            self.line_slots.update_value(|slots| {
                let present: HashSet<LineId> = lines.iter().map(|l| l.id).collect();
                for line in lines {
                    if let Some(slot) = slots.get(&line.id) {
                        if slot.with_untracked(|v| v.as_ref() != Some(line)) {
                            slot.set(Some(line.clone()));
                        }
                    }
                }
                slots.retain(|id, slot| {
                    let keep = present.contains(id);
                    if !keep {
                        slot.set(None);
                    }
                    keep
                });
            });
        });
    }
}

/// A signal that follows `compute` and notifies only when the value changes. Unlike a memo it
/// does not pass the workspace's change notifications on: every reader of a memo is woken to
/// re-check it on each edit, and with a row per budget line (thousands of readers of the
/// language, the currency, the horizon) that wake-up alone took seconds.
pub fn firewall<T>(compute: impl Fn() -> T + Send + Sync + 'static) -> ReadSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let signal = RwSignal::new(untrack(&compute));
    Effect::new(move |_| {
        let value = compute();
        if signal.with_untracked(|s| *s != value) {
            signal.set(value);
        }
    });
    signal.read_only()
}

/// The context, for components. Panics only if a component is used outside `<App/>`.
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

fn browser_lang() -> Lang {
    let tag = window().navigator().language().unwrap_or_default();
    Lang::from_browser_tag(&tag)
}

/// The page's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Budget,
    Scenarios,
    Compare,
    Charts,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Budget, Tab::Scenarios, Tab::Compare, Tab::Charts];

    fn key(self) -> &'static str {
        match self {
            Tab::Budget => "budget",
            Tab::Scenarios => "scenarios",
            Tab::Compare => "compare",
            Tab::Charts => "charts",
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        let t = texts(lang);
        match self {
            Tab::Budget => t.tab_budget,
            Tab::Scenarios => t.tab_scenarios,
            Tab::Compare => t.tab_compare,
            Tab::Charts => t.tab_charts,
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    let startup = storage::start(browser_lang(), js_sys::Date::now());
    let ws = RwSignal::new(startup.workspace);
    let lang = firewall(move || ws.with(|w| w.lang));
    let plan = Memo::new(move |_| ws.with(|w| w.current_plan().cloned()));
    let comparison = Memo::new(move |_| plan.with(|p| p.as_ref().map(compare)));
    let currency = firewall(move || {
        plan.with(|p| p.as_ref().map(|p| p.currency.clone()))
            .unwrap_or_else(|| "CNY".to_owned())
    });
    let horizon = firewall(move || plan.with(|p| p.as_ref().map_or(0, |p| p.horizon_months)));
    let ctx = Ctx {
        ws,
        history: StoredValue::new(History::default()),
        history_state: RwSignal::new((false, false)),
        lang,
        plan,
        comparison,
        currency,
        horizon,
        line_slots: StoredValue::new(HashMap::new()),
        notices: RwSignal::new(Vec::new()),
        save_error: RwSignal::new(None),
        revision: StoredValue::new(startup.revision),
        may_save: StoredValue::new(startup.may_save),
    };
    provide_context(ctx);
    Effect::new(move |_| ctx.sync_lines());
    if let Some(problem) = startup.problem {
        ctx.notify(NoticeKind::Startup(problem));
    }

    // Synchronise the workspace with something outside the reactive system: localStorage.
    // Every change is saved and read back; what was just loaded is not written again.
    let fresh = startup.fresh;
    Effect::new(move |first: Option<()>| {
        ws.track();
        if (first.is_none() && !fresh) || !ctx.may_save.get_value() {
            return;
        }
        let revision = ctx.revision.get_value() + 1;
        let result = ws.with_untracked(|w| storage::save(w, revision));
        match result {
            Ok(()) => {
                ctx.revision.set_value(revision);
                if ctx.save_error.get_untracked().is_some() {
                    ctx.save_error.set(None);
                }
            }
            Err(e) => {
                if ctx.save_error.get_untracked().as_ref() != Some(&e) {
                    ctx.save_error.set(Some(e.clone()));
                    ctx.notify(NoticeKind::SaveFailed(e));
                }
            }
        }
    });

    // Keep <html lang> and the title in the page's language.
    Effect::new(move |_| {
        let l = lang.get();
        let doc = document();
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", l.tag());
        }
        doc.set_title(texts(l).app_title);
    });

    // Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Ctrl+Y) undo and redo anywhere on the page.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let modifier = ev.ctrl_key() || ev.meta_key();
        if !modifier || ev.alt_key() {
            return;
        }
        match ev.key().to_lowercase().as_str() {
            "z" if ev.shift_key() => {
                ev.prevent_default();
                ctx.redo();
            }
            "z" => {
                ev.prevent_default();
                ctx.undo();
            }
            "y" => {
                ev.prevent_default();
                ctx.redo();
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    let tab = RwSignal::new(Tab::Budget);
    let t = move || texts(lang.get());

    view! {
        <a class="skip-link" href="#main">{move || lang.get().pick("跳到主要内容", "Skip to main content")}</a>
        <Header/>
        <Notices/>
        <main id="main" class="page">
            <ExampleBanner/>
            <Headline/>
            <nav class="tabs" role="tablist" aria-label=move || t().app_title>
                {Tab::ALL
                    .into_iter()
                    .map(|which| {
                        view! {
                            <button
                                type="button"
                                role="tab"
                                id=format!("tab-{}", which.key())
                                aria-controls=format!("panel-{}", which.key())
                                aria-selected=move || (tab.get() == which).to_string()
                                tabindex=move || if tab.get() == which { "0" } else { "-1" }
                                class="tab"
                                class:active=move || tab.get() == which
                                on:click=move |_| tab.set(which)
                                on:keydown=move |ev| {
                                    let i = Tab::ALL.iter().position(|x| *x == which).unwrap_or(0);
                                    let next = match ev.key().as_str() {
                                        "ArrowRight" => Some(Tab::ALL[(i + 1) % Tab::ALL.len()]),
                                        "ArrowLeft" => Some(Tab::ALL[(i + Tab::ALL.len() - 1) % Tab::ALL.len()]),
                                        _ => None,
                                    };
                                    if let Some(n) = next {
                                        tab.set(n);
                                        if let Some(el) = document().get_element_by_id(&format!("tab-{}", n.key())) {
                                            use wasm_bindgen::JsCast;
                                            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                                                let _ = el.focus();
                                            }
                                        }
                                    }
                                }
                            >
                                {move || which.label(lang.get())}
                            </button>
                        }
                    })
                    .collect_view()}
            </nav>
            <section
                class="panel"
                role="tabpanel"
                id="panel-budget"
                aria-labelledby="tab-budget"
                hidden=move || tab.get() != Tab::Budget
            >
                <EconomicsForm/>
                <BudgetTable/>
                <FeeTiers/>
            </section>
            <section
                class="panel"
                role="tabpanel"
                id="panel-scenarios"
                aria-labelledby="tab-scenarios"
                hidden=move || tab.get() != Tab::Scenarios
            >
                <ScenarioPanel/>
            </section>
            <section
                class="panel"
                role="tabpanel"
                id="panel-compare"
                aria-labelledby="tab-compare"
                hidden=move || tab.get() != Tab::Compare
            >
                <ComparisonTable/>
            </section>
            <section
                class="panel"
                role="tabpanel"
                id="panel-charts"
                aria-labelledby="tab-charts"
                hidden=move || tab.get() != Tab::Charts
            >
                <Show when=move || tab.get() == Tab::Charts>
                    <Charts/>
                </Show>
            </section>
        </main>
        <footer class="footer">
            <p>{move || t().footer}</p>
        </footer>
    }
}
