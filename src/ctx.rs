//! The reactive glue around the session. The [`Session`] (`crate::session`) decides everything
//! about the user's data; this module keeps it in one signal, derives what views read, and
//! carries out the session's commands: localStorage (through `crate::storage`), the moment to
//! save, the cross-tab lock, the address bar, downloads. Components get a [`Ctx`] from context
//! and change data only by sending the session events.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::effects::{with_lock, Timeout};
use crate::exchange::csv::CsvIssue;
use crate::exchange::json::{self, Imported, JsonError};
use crate::exchange::link::LinkError;
use crate::model::{
    BudgetLine, Column, Comparison, Figure, Lang, LineId, Metric, ModelError, Plan,
};
use crate::session::{
    self, Command, Conflict, Event, Keep, Notice, NoticeKind, SaveStatus, Session,
};
use crate::state::{Action, Workspace};
use crate::storage::{KeyValue, Place, WorkspaceStore, KEY};
use crate::store::{Backup, SaveError, Store};

/// Why a chosen file was not imported: data, put into words when shown, so the dialog follows
/// a change of language.
#[derive(Clone, Debug, PartialEq)]
pub enum FileProblem {
    /// The browser could not read the file.
    Unreadable,
    /// Neither UTF-8 nor GB18030 text.
    Encoding,
    /// Read, but the plans refused what it held.
    Refused(ModelError),
}

/// A modal dialog's content.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// A JSON file was read: a plan, a workspace, or why not.
    ImportJson(Result<Imported, JsonError>),
    /// A CSV file of budget lines was chosen: its text (read by the dialog, whose code is
    /// fetched when it first opens), or why it could not be read.
    ImportCsv(Result<String, CsvIssue>),
    /// A share link for the open plan, or why there is none.
    Share(Result<String, LinkError>),
    /// A file could not be read at all, or what it holds was refused.
    FileError(FileProblem),
    /// The backups kept in this browser, and plans set aside at start-up.
    Backups,
    /// The snippet that embeds the planner in another site, with a live preview.
    Embed,
}

/// Quiet time after the last change before saving: typing is not interrupted by saves.
const SAVE_QUIET_MS: i32 = 300;
/// The name of the cross-tab lock around read-compare-write.
const LOCK: &str = "customer-cost-planner/save";

/// The app's state and its derived values, provided as context. All fields are `Copy` handles.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The one source of truth. Private: it changes only through [`Ctx::send`] and friends.
    session: RwSignal<Session>,
    /// The workspace on screen (the user's plans, or a shared plan), sharing its plans with
    /// the session.
    pub ws: Memo<Workspace>,
    pub lang: ReadSignal<Lang>,
    /// The open plan.
    pub plan: Memo<Option<Arc<Plan>>>,
    /// The open plan's baseline and scenarios, evaluated (incrementally: an edit re-evaluates
    /// only the columns whose inputs changed).
    pub comparison: Memo<Option<Arc<Comparison>>>,
    /// The columns in order: the baseline, then each scenario.
    pub columns: Memo<Vec<Column>>,
    /// The open plan's currency (CNY when none) and horizon, as firewall signals (see
    /// [`firewall`]) so rows that show them are not woken by every edit.
    pub currency: ReadSignal<String>,
    pub horizon: ReadSignal<u16>,
    /// (can undo, can redo).
    pub history_state: Memo<(bool, bool)>,
    pub status: Memo<SaveStatus>,
    pub notices: Memo<Vec<Notice>>,
    pub conflict: Memo<Option<Conflict>>,
    /// The name of the shared plan on screen, while a share link is open.
    pub preview: Memo<Option<String>>,
    /// One signal per budget line, so an edit wakes only the row it changes (see [`Ctx::line`]).
    line_slots: StoredValue<HashMap<LineId, ArcRwSignal<Option<BudgetLine>>>>,
    /// The open dialog, if any (page state, not the user's data).
    pub dialog: RwSignal<Option<Dialog>>,
    /// Whether the printable client report is on screen instead of the planner (page state).
    pub report_open: RwSignal<bool>,
    /// The pending save timer, if one is set.
    save_timer: StoredValue<Timeout, LocalStorage>,
    /// Where the workspace is kept: the browser's storage, or memory in an embed.
    place: StoredValue<Place>,
    /// The hash of the first-screen snapshot last kept, so an unchanged one is not written again.
    snapshot: StoredValue<u64>,
}

/// A comparison and the plan it was made from.
#[derive(Clone)]
struct Evaluated {
    plan: Arc<Plan>,
    comparison: Arc<Comparison>,
}

impl PartialEq for Evaluated {
    /// A new evaluation is made only when the plan changed, so identity is enough (comparing
    /// every projection would cost more than it saves).
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.plan, &other.plan) && Arc::ptr_eq(&self.comparison, &other.comparison)
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

impl Ctx {
    /// Starts the session from what storage holds and carries out its first commands.
    pub fn start(default_lang: Lang, place: Place) -> Ctx {
        let (session, commands) = Session::start(place.get(KEY), default_lang);
        let session = RwSignal::new(session);
        let ws = Memo::new(move |_| session.with(|s| s.workspace().clone()));
        let lang = firewall(move || session.with(Session::lang));
        let plan = Memo::new(move |_| ws.with(|w| w.current().map(|e| e.plan.clone())));
        // The plan each comparison was made from travels with it, so the next one can reuse
        // what did not change.
        let evaluated = Memo::new(move |previous: Option<&Option<Evaluated>>| {
            plan.with(|p| {
                let p = p.as_ref()?;
                let before = previous
                    .and_then(Option::as_ref)
                    .map(|e| (&*e.plan, &*e.comparison));
                Some(Evaluated {
                    comparison: Arc::new(crate::model::compare_from(before, p)),
                    plan: p.clone(),
                })
            })
        });
        let comparison =
            Memo::new(move |_| evaluated.with(|e| e.as_ref().map(|e| e.comparison.clone())));
        let columns = Memo::new(move |_| {
            plan.with(|p| {
                std::iter::once(Column::Baseline)
                    .chain(
                        p.iter()
                            .flat_map(|p| p.scenarios.iter().map(|s| Column::Scenario(s.id))),
                    )
                    .collect::<Vec<_>>()
            })
        });
        let currency = firewall(move || {
            plan.with(|p| p.as_ref().map(|p| p.currency.clone()))
                .unwrap_or_else(|| "CNY".to_owned())
        });
        let horizon = firewall(move || plan.with(|p| p.as_ref().map_or(0, |p| p.horizon_months)));
        let ctx = Ctx {
            session,
            ws,
            lang,
            plan,
            comparison,
            columns,
            currency,
            horizon,
            history_state: Memo::new(move |_| session.with(|s| (s.can_undo(), s.can_redo()))),
            status: Memo::new(move |_| session.with(Session::status)),
            notices: Memo::new(move |_| session.with(|s| s.notices().to_vec())),
            conflict: Memo::new(move |_| session.with(|s| s.conflict().cloned())),
            preview: Memo::new(move |_| session.with(|s| s.preview_name().map(str::to_owned))),
            line_slots: StoredValue::new(HashMap::new()),
            dialog: RwSignal::new(None),
            report_open: RwSignal::new(false),
            save_timer: StoredValue::new_local(Timeout::default()),
            place: StoredValue::new(place),
            snapshot: StoredValue::new(0),
        };
        ctx.run(commands);
        ctx
    }

    /// Carries out the session's commands: storage ones at once (feeding results back), then
    /// the ones for the page.
    fn run(self, commands: Vec<Command>) {
        if commands.is_empty() {
            return;
        }
        let mut page = Vec::new();
        self.place.update_value(|place| {
            self.session
                .update(|s| page = session::drive(s, commands, &mut WorkspaceStore(&mut *place)));
        });
        for command in page {
            match command {
                Command::ScheduleSave => self.schedule_save(),
                Command::ClearLink => clear_link_from_address(),
                // `drive` carries these out itself.
                Command::Write { .. } | Command::Backup { .. } => {}
            }
        }
    }

    /// One figure of one column (`None` while the column cannot be computed), as a memo: only
    /// a change of this very figure wakes what shows it.
    pub fn figure(self, column: Column, metric: Metric) -> Memo<Option<Figure>> {
        self.figure_of(move || column, metric)
    }

    /// Like [`Ctx::figure`], for a column that can change (the summary bar follows the scenario
    /// being edited).
    pub fn figure_of(
        self,
        column: impl Fn() -> Column + Send + Sync + 'static,
        metric: Metric,
    ) -> Memo<Option<Figure>> {
        let comparison = self.comparison;
        Memo::new(move |_| {
            let column = column();
            comparison.with(|c| {
                c.as_ref()
                    .and_then(|c| c.get(column))
                    .and_then(|r| r.as_ref().ok())
                    .map(|e| metric.of(&e.metrics))
            })
        })
    }

    /// Why a column cannot be computed, if it cannot.
    pub fn column_error(self, column: Column) -> Memo<Option<ModelError>> {
        let comparison = self.comparison;
        Memo::new(move |_| {
            comparison.with(|c| {
                c.as_ref()
                    .and_then(|c| c.get(column))
                    .and_then(|r| r.as_ref().err().cloned())
            })
        })
    }

    /// Sends the session an event and carries out what it says.
    pub fn send(self, event: Event) {
        let mut commands = Vec::new();
        self.session.update(|s| commands = s.handle(event));
        self.run(commands);
    }

    /// The one way the page changes the user's plans: applies an action (or an edit of the
    /// open plan) to what is on screen. On error nothing changed and the error is returned,
    /// for a field to show beside itself; a control with no place for a message passes the
    /// result to [`Ctx::report`].
    pub fn apply(self, action: impl Into<Action>) -> Result<(), ModelError> {
        self.apply_action(action.into())
    }

    /// [`Ctx::apply`] once, whatever the caller passed (not one copy per argument type).
    #[inline(never)]
    fn apply_action(self, action: Action) -> Result<(), ModelError> {
        let now = js_sys::Date::now();
        let mut outcome = (Ok(false), Vec::new());
        self.session.try_maybe_update(|s| {
            let notices = s.notices().len();
            outcome = s.edit(action, now);
            let changed = matches!(outcome.0, Ok(true)) || s.notices().len() != notices;
            (changed, ())
        });
        let (result, commands) = outcome;
        self.run(commands);
        result.map(|_| ())
    }

    /// Shows a refusal as a notice, in the user's language (for buttons and lists, which have
    /// no place for a message beside them).
    pub fn report(self, result: Result<(), ModelError>) {
        if let Err(e) = result {
            self.notify(NoticeKind::Refused(e));
        }
    }

    pub fn undo(self) {
        self.send(Event::Undo);
    }

    pub fn redo(self) {
        self.send(Event::Redo);
    }

    pub fn set_lang(self, lang: Lang) {
        self.send(Event::SetLang(lang));
    }

    pub fn notify(self, kind: NoticeKind) {
        self.send(Event::Notify(kind));
    }

    pub fn dismiss(self, id: u64) {
        self.send(Event::Dismiss(id));
    }

    pub fn resolve_conflict(self, keep: Keep) {
        self.send(Event::ResolveConflict(keep));
    }

    /// Shows a shared plan instead of the user's plans (which are not touched).
    pub fn open_preview(self, read: json::ReadPlan) {
        self.send(Event::OpenPreview(Box::new(read)));
    }

    /// Closes the shared plan; with `save_copy` it joins the user's plans.
    pub fn close_preview(self, save_copy: bool) {
        self.send(Event::ClosePreview { save_copy });
    }

    /// Plans kept aside because they could not be read (for repair, download or discarding).
    pub fn set_aside(self) -> Vec<json::SetAside> {
        self.session.with_untracked(Session::set_aside)
    }

    /// The backups kept where this page keeps its work (memory in an embed), newest first.
    pub fn backups(self) -> Vec<Backup> {
        self.with_store(|s| s.backups()).unwrap_or_default()
    }

    /// The text of a kept backup.
    pub fn read_backup(self, key: &str) -> Option<String> {
        self.with_store(|s| s.read_backup(key)).flatten()
    }

    pub fn delete_backup(self, key: &str) -> Result<(), SaveError> {
        self.with_store(|s| s.delete_backup(key))
            .unwrap_or(Err(SaveError::Unavailable))
    }

    /// Runs `f` on the session's store: the browser's storage, or memory in an embed
    /// (`None` once the app is gone).
    fn with_store<T>(self, f: impl FnOnce(&mut WorkspaceStore<&mut Place>) -> T) -> Option<T> {
        self.place.try_update_value(|p| f(&mut WorkspaceStore(p)))
    }

    /// Offers a kept backup as a file.
    pub fn download_backup(self, key: &str) {
        if let Some(raw) = self.read_backup(key) {
            crate::download::text_file(
                "customer-cost-planner-backup.json",
                "application/json",
                &raw,
            );
        }
    }

    /// Offers the stored text that was too large to keep as a backup, as a file.
    pub fn download_unkept(self) {
        let text = self
            .session
            .with_untracked(|s| s.unkept_text().map(str::to_owned));
        if let Some(text) = text {
            crate::download::text_file(
                "customer-cost-planner-stored.json",
                "application/json",
                &text,
            );
        }
    }

    /// Saves this tab's plans over stored data that could not be kept as a backup (after the
    /// user downloaded it).
    pub fn write_without_backup(self) {
        self.send(Event::WriteWithoutBackup);
    }

    /// Saves soon: after a quiet moment, so typing is never interrupted by storage.
    fn schedule_save(self) {
        self.save_timer
            .with_value(|t| t.start(SAVE_QUIET_MS, move || self.save_under_lock()));
    }

    /// Saves now, inside the cross-tab lock where the browser has the Web Locks API (so two
    /// tabs never interleave their read-compare-write), else at once.
    fn save_under_lock(self) {
        with_lock(LOCK, move || self.save_now());
    }

    /// Saves at once, without waiting for a lock: for when the page is being hidden or closed.
    pub fn save_now(self) {
        self.save_timer.with_value(Timeout::cancel);
        let mut page = Vec::new();
        self.place.update_value(|place| {
            self.session
                .update(|s| page = session::save(s, &mut WorkspaceStore(&mut *place)));
        });
        self.run(page);
        self.keep_snapshot();
    }

    /// Keeps the first screen as the next visit will start, for boot.js to paint before the app
    /// arrives: only the user's own saved plans in the browser's storage (not a shared plan,
    /// not an embed), and only when it changed.
    fn keep_snapshot(self) {
        if self.in_memory() || self.preview.with_untracked(Option::is_some) {
            return;
        }
        if self.status.get_untracked() != SaveStatus::Saved {
            return;
        }
        let json = self.session.with_untracked(|s| {
            let ws = s.own();
            let entry = ws.current()?;
            let plan = self.plan.get_untracked()?;
            if !Arc::ptr_eq(&plan, &entry.plan) {
                return None;
            }
            let comparison = self.comparison.get_untracked()?;
            crate::prepaint::snapshot_json(&crate::prepaint::Screen {
                lang: ws.lang,
                plans: ws.plans.iter().map(|p| p.plan.name.as_str()).collect(),
                selected: ws
                    .plans
                    .iter()
                    .position(|p| p.id == ws.selected)
                    .unwrap_or(0),
                plan: &plan,
                comparison: &comparison,
                example: entry.example.is_some(),
            })
        });
        let Some(json) = json else {
            return;
        };
        let hash = crate::store::content_hash(&json);
        if self.snapshot.get_value() != hash {
            self.snapshot.set_value(hash);
            crate::storage::keep_snapshot(&json);
        }
    }

    /// Switches to the new build of the app that is waiting (boot.js carries it out): saves
    /// first, and leaves the page as it is if its work could not be kept.
    pub fn update_now(self) {
        self.save_now();
        if self.work_at_risk() {
            return;
        }
        if let Ok(event) = web_sys::Event::new("ccp:apply-update") {
            let _ = window().dispatch_event(&event);
        }
    }

    /// Whether the workspace lives in memory (an embed) rather than in the browser's storage.
    pub fn in_memory(self) -> bool {
        self.place.with_value(Place::is_memory)
    }

    /// Whether closing the page now would lose work.
    pub fn work_at_risk(self) -> bool {
        self.session.with_untracked(Session::work_at_risk)
    }

    /// Another tab wrote the workspace.
    ///
    /// The event's own value can be stale: a write made by the page this one replaced (a
    /// reload) may be announced to it after it has already saved over that write. What the
    /// storage holds now is what counts, so it is read again; an unreadable store keeps the
    /// event's value.
    pub fn storage_changed(self, new_value: Option<String>) {
        let now = self.with_store(|s| s.read().ok()).flatten();
        self.send(Event::StorageChanged(now.unwrap_or(new_value)));
    }

    /// The name of `column` ("基准" / a scenario's name) in the page's language, as a memo.
    pub fn column_name(self, column: Column) -> Memo<String> {
        self.column_name_of(move || column)
    }

    /// The name of the column `column` gives (which may change), as a memo.
    pub fn column_name_of(
        self,
        column: impl Fn() -> Column + Send + Sync + 'static,
    ) -> Memo<String> {
        let (plan, lang) = (self.plan, self.lang);
        Memo::new(move |_| {
            let column = column();
            plan.with(|p| {
                p.as_ref()
                    .map(|p| crate::i18n::column_name(column, p, lang.get()))
                    .unwrap_or_default()
            })
        })
    }

    /// The column of the open plan whose key (`baseline`, `s3`) a list sent, if it still exists.
    pub fn column_by_key(self, key: &str) -> Option<Column> {
        self.columns
            .with_untracked(|cs| cs.iter().copied().find(|c| c.key() == key))
    }

    /// Every column of the open plan with its name, for the lists that pick one. A memo, so an
    /// edit that changes no name rebuilds no `<option>`.
    pub fn column_names(self) -> Memo<Vec<(Column, String)>> {
        let (plan, lang, columns) = (self.plan, self.lang, self.columns);
        Memo::new(move |_| {
            let lang = lang.get();
            plan.with(|p| {
                p.as_ref()
                    .map(|p| {
                        columns.with(|cs| {
                            cs.iter()
                                .map(|&c| (c, crate::i18n::column_name(c, p, lang)))
                                .collect()
                        })
                    })
                    .unwrap_or_default()
            })
        })
    }

    /// The open plan's lines as (id, name), for the lists that pick a line.
    pub fn line_names(self) -> Memo<Vec<(LineId, String)>> {
        let plan = self.plan;
        Memo::new(move |_| {
            plan.with(|p| {
                p.as_ref()
                    .map(|p| p.lines.iter().map(|l| (l.id, l.name.clone())).collect())
                    .unwrap_or_default()
            })
        })
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

    /// Makes a share link for the open plan and shows it.
    pub fn share(self) {
        let Some(plan) = self.plan.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let result = crate::deflate::encode(&plan).await.map(|fragment| {
                let location = window().location();
                let base = format!(
                    "{}{}{}",
                    location.origin().unwrap_or_default(),
                    location.pathname().unwrap_or_default(),
                    location.search().unwrap_or_default()
                );
                format!("{base}#{fragment}")
            });
            self.dialog.set(Some(Dialog::Share(result)));
        });
    }

    /// Offers the open plan's budget lines as CSV (the CSV code is fetched with the file
    /// dialogs).
    pub fn export_lines_csv(self) {
        let Some(plan) = self.plan.get_untracked() else {
            return;
        };
        let lang = self.lang.get_untracked();
        leptos::task::spawn_local(async move {
            match crate::components::lazy::lines_csv(plan.lines.clone(), lang).await {
                Ok(text) => crate::download::text_file(
                    &format!("{}-lines.csv", file_stem(&plan.name)),
                    "text/csv;charset=utf-8",
                    &text,
                ),
                Err(_) => self.notify(NoticeKind::PartFailed),
            }
        });
    }

    /// Offers the comparison table as CSV.
    pub fn export_comparison_csv(self) {
        let Some(plan) = self.plan.get_untracked() else {
            return;
        };
        let Some(comparison) = self.comparison.get_untracked() else {
            return;
        };
        let lang = self.lang.get_untracked();
        leptos::task::spawn_local(async move {
            let name = plan.name.clone();
            match crate::components::lazy::comparison_csv(plan, comparison, lang).await {
                Ok(text) => crate::download::text_file(
                    &format!("{}-comparison.csv", file_stem(&name)),
                    "text/csv;charset=utf-8",
                    &text,
                ),
                Err(_) => self.notify(NoticeKind::PartFailed),
            }
        });
    }

    /// Offers the open plan as a JSON file.
    pub fn export_plan(self) {
        if let Some(plan) = self.plan.get_untracked() {
            crate::download::text_file(
                &format!("{}.ccp.json", file_stem(&plan.name)),
                "application/json",
                &json::plan_to_json(&plan),
            );
        }
    }

    /// Offers every plan of the user's (the whole workspace) as a JSON file, even while a
    /// shared plan is on screen. Written compactly, exactly as stored, so any workspace the
    /// browser can hold makes a file that imports again.
    pub fn export_all(self) {
        let text = self
            .session
            .with_untracked(|s| json::workspace_to_json(s.own(), s.revision(), false));
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

/// Reloads the page (to pick up a newer build of the app).
pub fn reload_page() {
    if window().location().reload().is_err() {
        leptos::logging::warn!("could not reload the page");
    }
}

/// Removes a share link from the address bar without reloading, so a reload shows the user's
/// own plans.
pub fn clear_link_from_address() {
    let window = window();
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    if let Ok(history) = window.history() {
        if history
            .replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")))
            .is_err()
        {
            // Some sandboxed frames forbid it: the link stays, and a reload shows it again
            // (nothing is lost either way).
            leptos::logging::warn!("could not clear the share link from the address bar");
        }
    }
}

/// The context, for components. Panics only if a component is used outside `<App/>`.
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}
