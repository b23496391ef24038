//! The app's reactive glue: the one workspace signal, undo history, derived values, and the
//! operations that touch the world outside the reactive system (storage, other tabs, shared
//! links, files). Components get a [`Ctx`] from context and change the workspace only through
//! [`Ctx::dispatch`] (an [`Action`]) or the named operations here.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

use crate::exchange::csv::CsvIssue;
use crate::exchange::json::{self, Imported, JsonError};
use crate::exchange::link::LinkError;
use crate::model::{BudgetLine, Comparison, Lang, LineId, ModelError, Plan};
use crate::state::{Action, History, PlanEntry, PlanId, Workspace};
use crate::storage::{self, SaveError, Saved, StartupProblem};

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
        plan: PlanId,
        name: String,
    },
    Startup(StartupProblem),
    SaveFailed(SaveError),
    /// Another tab changed the plans; this tab now shows its version.
    UpdatedElsewhere,
    /// A shared link could not be opened.
    Link(LinkError),
    /// The browser may clear storage: keep a backup file.
    BackupReminder,
}

/// A modal dialog's content.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// A JSON file was read: a plan, a workspace, or why not.
    ImportJson(Result<Imported, JsonError>),
    /// A CSV file of budget lines was read: the lines, or every problem with row and column.
    ImportCsv(Result<Vec<BudgetLine>, Vec<CsvIssue>>),
    /// A share link for the open plan, or why there is none.
    Share(Result<String, LinkError>),
    /// A file could not be read at all.
    FileError(String),
}

/// Another tab's newer version, met while this tab had changes of its own.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub theirs: Box<Workspace>,
    pub revision: u64,
}

/// What the page is showing instead of the user's plans while a shared link is open.
#[derive(Clone, Debug, Default)]
struct Stash {
    workspace: Option<Workspace>,
    history: History,
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
    /// The open plan's currency (CNY when none) and horizon, as firewall signals (see
    /// [`firewall`]) so rows that show them are not woken by every edit.
    pub currency: ReadSignal<String>,
    pub horizon: ReadSignal<u16>,
    /// One signal per budget line, so an edit wakes only the row it changes (see [`Ctx::line`]).
    line_slots: StoredValue<HashMap<LineId, ArcRwSignal<Option<BudgetLine>>>>,
    pub notices: RwSignal<Vec<Notice>>,
    pub save_error: RwSignal<Option<SaveError>>,
    /// A conflict with another tab, waiting for the user's choice.
    pub conflict: RwSignal<Option<Conflict>>,
    /// The open dialog, if any.
    pub dialog: RwSignal<Option<Dialog>>,
    /// The name of the shared plan being previewed, while a share link is open.
    pub preview: RwSignal<Option<String>>,
    stash: StoredValue<Stash>,
    /// The revision this tab last read or wrote.
    revision: StoredValue<u64>,
    /// Whether this tab may write to storage at all.
    may_save: StoredValue<bool>,
    /// Whether the workspace has changes storage does not hold.
    dirty: StoredValue<bool>,
    /// The workspace as storage holds it (last read or written), so what storage already has is
    /// not written again: two tabs would otherwise echo each other's saves.
    synced: StoredValue<Option<Workspace>>,
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

impl Ctx {
    /// Builds the context around `workspace` as read from storage at `revision`.
    pub fn new(workspace: Workspace, revision: u64, stored: bool, may_save: bool) -> Ctx {
        let synced = StoredValue::new(stored.then(|| workspace.clone()));
        let ws = RwSignal::new(workspace);
        let lang = firewall(move || ws.with(|w| w.lang));
        let plan = Memo::new(move |_| ws.with(|w| w.current_plan().cloned()));
        let comparison = Memo::new(move |_| plan.with(|p| p.as_ref().map(crate::model::compare)));
        let currency = firewall(move || {
            plan.with(|p| p.as_ref().map(|p| p.currency.clone()))
                .unwrap_or_else(|| "CNY".to_owned())
        });
        let horizon = firewall(move || plan.with(|p| p.as_ref().map_or(0, |p| p.horizon_months)));
        Ctx {
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
            conflict: RwSignal::new(None),
            dialog: RwSignal::new(None),
            preview: RwSignal::new(None),
            stash: StoredValue::new(Stash::default()),
            revision: StoredValue::new(revision),
            may_save: StoredValue::new(may_save),
            dirty: StoredValue::new(false),
            synced,
        }
    }

    fn refresh_history_state(self) {
        self.history
            .with_value(|h| self.history_state.set((h.can_undo(), h.can_redo())));
    }

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
        });
        self.refresh_history_state();
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
        });
        self.refresh_history_state();
    }

    pub fn redo(self) {
        self.history.update_value(|h| {
            self.ws.try_maybe_update(|ws| (h.redo(ws), ()));
        });
        self.refresh_history_state();
    }

    pub fn notify(self, kind: NoticeKind) {
        let now = js_sys::Date::now() as u64;
        self.notices.update(|n| {
            n.retain(|x| x.kind != kind);
            let id = n.iter().map(|x| x.id + 1).max().unwrap_or(now).max(now);
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
    pub fn sync_lines(self) {
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

    /// Saves the workspace after a change: checks for another tab's newer revision first,
    /// reads the save back, and reports any failure within the same tick.
    pub fn save(self) {
        let unchanged = self
            .ws
            .with_untracked(|w| self.synced.with_value(|s| s.as_ref() == Some(w)));
        if unchanged {
            return;
        }
        if self.preview.with_untracked(Option::is_some) {
            // A shared plan is on screen; the user's own plans are stashed, unchanged.
            return;
        }
        if !self.may_save.get_value() || self.conflict.with_untracked(Option::is_some) {
            self.dirty.set_value(true);
            return;
        }
        let result = self
            .ws
            .with_untracked(|w| storage::save(w, self.revision.get_value()));
        self.record(result);
    }

    /// The user's own plans are on screen and may be saved, but cannot be (see `save_error`).
    pub fn block_saving(self, reason: SaveError) {
        self.may_save.set_value(false);
        self.save_error.set(Some(reason));
    }

    fn record(self, result: Result<Saved, SaveError>) {
        match result {
            Ok(Saved::At(revision)) => {
                self.revision.set_value(revision);
                self.dirty.set_value(false);
                self.synced.set_value(Some(self.ws.get_untracked()));
                if self.save_error.with_untracked(Option::is_some) {
                    self.save_error.set(None);
                    self.notices
                        .update(|n| n.retain(|x| !matches!(x.kind, NoticeKind::SaveFailed(_))));
                }
            }
            Ok(Saved::Conflict { theirs, revision }) => {
                self.dirty.set_value(true);
                self.conflict.set(Some(Conflict { theirs, revision }));
            }
            Err(e) => {
                self.dirty.set_value(true);
                if self.save_error.with_untracked(|s| s.as_ref() != Some(&e)) {
                    self.save_error.set(Some(e.clone()));
                    self.notify(NoticeKind::SaveFailed(e));
                }
            }
        }
    }

    /// Shows a workspace that storage already holds (another tab's save), without writing it
    /// back. Undo history is cleared: its steps belong to the replaced version.
    fn adopt(self, workspace: Workspace, revision: u64) {
        self.revision.set_value(revision);
        self.dirty.set_value(false);
        self.synced.set_value(Some(workspace.clone()));
        if self.ws.with_untracked(|w| *w != workspace) {
            self.ws.set(workspace);
        }
        self.history.update_value(History::clear);
        self.refresh_history_state();
    }

    /// Another tab wrote the workspace (a `storage` event with the new value).
    pub fn on_storage_changed(self, new_value: Option<String>) {
        if self.preview.with_untracked(Option::is_some) {
            // The stashed plans are compared with storage again when the preview closes.
            return;
        }
        match storage::decode(new_value) {
            storage::Loaded::Workspace(theirs, revision)
                if revision > self.revision.get_value() =>
            {
                if self.dirty.get_value() || self.conflict.with_untracked(Option::is_some) {
                    self.conflict.set(Some(Conflict { theirs, revision }));
                } else {
                    self.adopt(*theirs, revision);
                    self.notify(NoticeKind::UpdatedElsewhere);
                }
            }
            storage::Loaded::Newer { version, .. } => {
                self.block_saving(SaveError::Blocked);
                self.notify(NoticeKind::Startup(StartupProblem::Newer { version }));
            }
            _ => {}
        }
    }

    /// The user's choice in a conflict: keep the other tab's version, or this tab's.
    pub fn resolve_conflict(self, keep_mine: bool) {
        let Some(conflict) = self.conflict.get_untracked() else {
            return;
        };
        self.conflict.set(None);
        if keep_mine {
            let result = self
                .ws
                .with_untracked(|w| storage::save_over(w, conflict.revision));
            self.record(result);
        } else {
            self.adopt(*conflict.theirs, conflict.revision);
        }
    }

    /// Opens a shared plan for viewing: the user's plans are set aside (not changed, not
    /// saved over) until they save a copy or go back.
    pub fn open_preview(self, plan: Plan) {
        let name = plan.name.clone();
        let lang = self.ws.with_untracked(|w| w.lang);
        if self.preview.with_untracked(Option::is_none) {
            let workspace = self.ws.get_untracked();
            let history = self
                .history
                .try_update_value(std::mem::take)
                .unwrap_or_default();
            self.stash.set_value(Stash {
                workspace: Some(workspace),
                history,
            });
        } else {
            self.history.update_value(History::clear);
        }
        self.ws.set(Workspace {
            plans: vec![PlanEntry {
                id: PlanId(1),
                example: None,
                plan,
            }],
            selected: PlanId(1),
            lang,
            trash: Vec::new(),
        });
        self.preview.set(Some(name));
        self.refresh_history_state();
    }

    /// Closes the shared plan; with `save_copy`, adds it (with any edits made while viewing)
    /// to the user's plans as a new plan.
    pub fn close_preview(self, save_copy: bool) {
        if self.preview.with_untracked(Option::is_none) {
            return;
        }
        let shared = self.ws.with_untracked(|w| w.current_plan().cloned());
        let lang = self.ws.with_untracked(|w| w.lang);
        let stash = self
            .stash
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        if let Some(mut workspace) = stash.workspace {
            workspace.lang = lang;
            self.ws.set(workspace);
        }
        self.history.set_value(stash.history);
        self.preview.set(None);
        self.refresh_history_state();
        clear_link_from_address();
        // Another tab may have saved while the shared plan was open.
        self.on_storage_changed(storage::read_raw(storage::KEY));
        if let (true, Some(plan)) = (save_copy, shared) {
            if let Err(e) = self.dispatch(Action::AddPlan(Box::new(plan))) {
                leptos::logging::warn!("{}", e.message(Lang::En));
            }
        }
    }

    /// Makes a share link for the open plan and shows it.
    pub fn share(self) {
        let Some(plan) = self.plan.get_untracked() else {
            return;
        };
        let result = crate::exchange::link::encode(&plan).map(|fragment| {
            let location = leptos::prelude::window().location();
            let base = format!(
                "{}{}{}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            );
            format!("{base}#{fragment}")
        });
        self.dialog.set(Some(Dialog::Share(result)));
    }

    /// Offers the open plan's budget lines as CSV.
    pub fn export_lines_csv(self) {
        if let Some(plan) = self.plan.get_untracked() {
            let text = crate::exchange::csv::lines_to_csv(&plan.lines, self.lang.get_untracked());
            crate::download::text_file(
                &format!("{}-lines.csv", file_stem(&plan.name)),
                "text/csv;charset=utf-8",
                &text,
            );
        }
    }

    /// Offers the comparison table as CSV.
    pub fn export_comparison_csv(self) {
        let Some(plan) = self.plan.get_untracked() else {
            return;
        };
        let text = self.comparison.with_untracked(|c| {
            c.as_ref().map(|c| {
                crate::exchange::csv::comparison_to_csv(&plan, c, self.lang.get_untracked())
            })
        });
        if let Some(text) = text {
            crate::download::text_file(
                &format!("{}-comparison.csv", file_stem(&plan.name)),
                "text/csv;charset=utf-8",
                &text,
            );
        }
    }

    /// Offers the open plan as a JSON file.
    pub fn export_plan(self) {
        if let Some(plan) = self.plan.get_untracked() {
            let text = crate::model::file::plan_to_json(&plan);
            crate::download::text_file(
                &format!("{}.ccp.json", file_stem(&plan.name)),
                "application/json",
                &text,
            );
        }
    }

    /// Offers every plan (the whole workspace) as a JSON file.
    pub fn export_all(self) {
        let text = self
            .ws
            .with_untracked(|w| json::workspace_to_json(w, self.revision.get_value(), true));
        crate::download::text_file(
            &format!("customer-cost-planner-{}.json", today()),
            "application/json",
            &text,
        );
    }
}

/// A file name from a plan name: letters, digits and CJK kept, the rest turned into `-`.
pub fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let stem = stem.trim_matches('-').chars().take(60).collect::<String>();
    if stem.is_empty() {
        "plan".to_owned()
    } else {
        stem
    }
}

/// Today's date as `YYYY-MM-DD` (for file names).
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Removes a share link from the address bar without reloading, so a reload shows the user's
/// own plans.
pub fn clear_link_from_address() {
    let window = leptos::prelude::window();
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        );
    }
}

/// The context, for components. Panics only if a component is used outside `<App/>`.
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}
