//! The session: everything that decides whether the user's work is safe, as one pure state
//! machine. Events come in ([`Event`]: an edit, undo, a save's result, another tab's write, a
//! conflict resolved, a shared link opened or closed); [`Session::handle`] changes the state and
//! returns [`Command`]s (write, keep a backup, save soon, clear the link) for the page to carry
//! out. No Leptos, no web-sys: the same code runs in native table-driven tests, and
//! `crate::ctx` only runs the commands against localStorage and the address bar.
//!
//! What it guarantees (docs/formats.md, "Saving"):
//! - Storage is never written over with something this tab has not seen: before each write the
//!   stored text is compared with what this tab last read or wrote (its content hash, not only
//!   its revision). Anything else there is another tab's work (a conflict, the user chooses),
//!   data from a newer version (never written over), or data this version cannot read (kept as
//!   a backup first).
//! - Another tab's save is followed when this tab has nothing unsaved; otherwise the user
//!   chooses. Equal revisions with different content count as a conflict.
//! - A shared plan (from a link) is shown instead of the user's plans without touching them;
//!   changes to it are not kept until "Save a copy", and the status says so.
//! - Every refusal and failure becomes a notice or an error returned to the caller.

use crate::exchange::json::{self, Imported, JsonError, ReadPlan, Repair, SetAside};
use crate::exchange::link::LinkError;
use crate::model::{Lang, ModelError, Plan};
use crate::state::{Action, Applied, History, Note, PlanEntry, PlanId, Workspace};
use crate::store::{content_hash, SaveError, Store};

/// Why this tab does not write to storage at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Storage cannot be used (disabled, private mode, a sandboxed iframe).
    Unavailable,
    /// Storage holds data from a newer version of the app, which must not be written over.
    Newer { version: u64 },
}

/// Another tab's version, met while this tab had changes of its own (or after it wrote over
/// this tab's saved version without seeing it).
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub theirs: Box<Workspace>,
    pub revision: u64,
    hash: u64,
    /// Their text, when it did not read cleanly: kept as a backup before it is written over.
    keep: Option<String>,
}

/// How a conflict ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    Mine,
    Theirs,
}

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
    /// A budget line was deleted; undo brings it back (shown as a toast beside the work, gone
    /// once anything else changes the plans, when undo would undo something else).
    LineDeleted {
        name: String,
    },
    /// An edit left levers pointing at a line that is gone.
    LeversDangling {
        count: usize,
    },
    /// An edit or command was refused; the message says why.
    Refused(ModelError),
    /// The saved plans loaded with repairs, or with plans kept aside (named: every plan that
    /// is kept aside now, because this version cannot read it).
    Salvaged {
        repairs: Vec<Repair>,
        set_aside: Vec<String>,
    },
    /// A conflict was resolved by keeping this tab's version; the other tab's plans that this
    /// version did not have were kept too: `added` among the plans, `trashed` (its versions of
    /// plans changed here as well) in the recently deleted list.
    KeptAlongside {
        added: Vec<String>,
        trashed: Vec<String>,
    },
    /// A new version of the app is ready: it starts when the page is reloaded.
    UpdateReady,
    /// The saved data could not be read; it is kept as a backup (`backup` once written).
    /// `elsewhere`: another tab (or another program) stored it while this tab was open, and
    /// this tab's plans are saved again; otherwise the page started from the example.
    Unreadable {
        error: JsonError,
        backup: Option<String>,
        elsewhere: bool,
    },
    /// Storage holds data from a newer version of the app.
    Newer {
        version: u64,
    },
    /// Storage cannot be used at all.
    StorageUnavailable,
    SaveFailed(SaveError),
    /// Another tab changed the plans; this tab now shows its version.
    UpdatedElsewhere,
    /// A shared link could not be opened.
    Link(LinkError),
    /// The plan file an embed was given could not be fetched (`None`) or read.
    PlanFile {
        path: String,
        problem: PlanFileProblem,
    },
    /// A shared plan needed repairs to open.
    LinkRepaired(Repair),
    /// A changed shared plan was kept as a copy because another link was opened.
    PreviewKept {
        name: String,
    },
    /// The browser may clear storage: keep a backup file.
    BackupReminder,
    /// Copying to the clipboard failed; the text is selected for copying by hand.
    CopyFailed,
    /// A part of the page (its code is fetched when first used) could not be fetched.
    PartFailed,
}

/// Why an embed's plan file did not open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanFileProblem {
    /// It could not be fetched (not there, refused, offline).
    Unreachable,
    /// No answer in time.
    TimedOut,
    /// It arrived but does not read (or is larger than any plan file may be).
    Read(JsonError),
}

/// How much a notice asks of the user: for information, to look at something, or a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Info,
    Caution,
    Error,
}

impl NoticeKind {
    pub fn tone(&self) -> Tone {
        match self {
            NoticeKind::Salvaged { .. }
            | NoticeKind::KeptAlongside { .. }
            | NoticeKind::LeversDangling { .. }
            | NoticeKind::LinkRepaired(_)
            | NoticeKind::BackupReminder => Tone::Caution,
            NoticeKind::PlanDeleted { .. }
            | NoticeKind::LineDeleted { .. }
            | NoticeKind::UpdatedElsewhere
            | NoticeKind::UpdateReady
            | NoticeKind::PreviewKept { .. } => Tone::Info,
            NoticeKind::Refused(_)
            | NoticeKind::Unreadable { .. }
            | NoticeKind::Newer { .. }
            | NoticeKind::StorageUnavailable
            | NoticeKind::SaveFailed(_)
            | NoticeKind::Link(_)
            | NoticeKind::PlanFile { .. }
            | NoticeKind::CopyFailed
            | NoticeKind::PartFailed => Tone::Error,
        }
    }

    /// Whether the notice reports a problem (shown as an alert).
    pub fn is_error(&self) -> bool {
        self.tone() == Tone::Error
    }
}

/// What the page tells the user about saving.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Storage holds everything.
    Saved,
    /// Changes are waiting for the next save, a moment away.
    Pending,
    /// Changes are not saved, and why.
    NotSaved(NotSaved),
    /// A shared plan is on screen: its changes are not kept unless saved as a copy.
    Preview { edited: bool },
}

#[derive(Clone, Debug, PartialEq)]
pub enum NotSaved {
    Blocked(Block),
    Failed(SaveError),
    /// Waiting for the user to resolve a conflict.
    Conflict,
}

/// Something that happened, for [`Session::handle`].
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The user changed their plans (or the shared plan on screen). `now_ms` merges quick
    /// successive edits of one field into one undo step.
    Edit {
        action: Action,
        now_ms: f64,
    },
    Undo,
    Redo,
    SetLang(Lang),
    /// The page may write now: `stored` is what storage holds under the workspace key (read
    /// just now, under the cross-tab lock where the browser has one).
    SaveWindow {
        stored: Result<Option<String>, SaveError>,
    },
    /// The result of a [`Command::Write`].
    Saved(Result<(), SaveError>),
    /// The result of a [`Command::Backup`]: the key it was kept under.
    BackedUp(Result<String, SaveError>),
    /// Another tab wrote the workspace key (`None`: removed).
    StorageChanged(Option<String>),
    ResolveConflict(Keep),
    /// A shared link was opened.
    OpenPreview(Box<ReadPlan>),
    /// The shared plan is closed; with `save_copy`, it joins the user's plans first.
    ClosePreview {
        save_copy: bool,
    },
    /// Something for the user to read (from the page: a bad link, a failed copy…).
    Notify(NoticeKind),
    /// The stored text that could not be kept as a backup (too large) has been downloaded by
    /// the user, who chose to save this tab's plans over it without a backup.
    WriteWithoutBackup,
    Dismiss(u64),
}

/// What the page must do for the session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// There are unsaved changes: send [`Event::SaveWindow`] soon (after a quiet moment, and
    /// at once when the page is hidden or closed).
    ScheduleSave,
    /// Write `text` under the workspace key and read it back; if `backup` is given, first keep
    /// it under a backup key and write nothing if that fails. Report with [`Event::Saved`].
    Write {
        text: String,
        backup: Option<String>,
    },
    /// Keep `raw` (data found in storage that is not fully readable) under a backup key.
    /// Report with [`Event::BackedUp`].
    Backup { raw: String },
    /// Remove the share link from the address bar, so a reload shows the user's own plans.
    ClearLink,
}

/// A shared plan on screen instead of the user's plans.
#[derive(Clone, Debug)]
struct Preview {
    workspace: Workspace,
    history: History,
    edited: bool,
    /// The newest value another tab wrote while the preview was open, handled on closing.
    external: Option<Option<String>>,
}

/// What the user's plans have that storage does not hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Unsaved {
    Nothing,
    /// Only what the app did by itself (a first visit's example, a repaired load, the
    /// language): written when possible, but another tab's version takes precedence.
    Incidental,
    /// The user's own changes: never dropped for another tab's version without asking.
    Edits,
}

/// What an edit did, for the caller (errors are returned, not only noticed, so a field can
/// show its message beside itself).
pub type EditResult = Result<bool, ModelError>;

/// The session state. See the module documentation.
#[derive(Clone, Debug)]
pub struct Session {
    /// The user's own plans (what is saved) and their undo history.
    own: Workspace,
    history: History,
    preview: Option<Preview>,
    /// The hash of what storage holds as far as this tab knows (`None`: nothing there).
    stored_hash: Option<u64>,
    /// The revision of what storage holds as far as this tab knows.
    revision: u64,
    /// What is being written: its revision and hash, until the result comes back.
    writing: Option<(u64, u64)>,
    /// Text found in storage that must be kept as a backup before it is written over.
    keep: Option<String>,
    /// What `own` has that storage does not.
    dirty: Unsaved,
    blocked: Option<Block>,
    failed: Option<SaveError>,
    conflict: Option<Conflict>,
    notices: Vec<Notice>,
    next_notice: u64,
}

/// What storage held at start-up, as the page read it.
pub type Stored = Result<Option<String>, SaveError>;

impl Session {
    /// Starts from what storage holds. `lang` is the browser's language, for a first visit.
    pub fn start(stored: Stored, lang: Lang) -> (Session, Vec<Command>) {
        let mut s = Session {
            own: Workspace::first_visit(lang),
            history: History::default(),
            preview: None,
            stored_hash: None,
            revision: 0,
            writing: None,
            keep: None,
            dirty: Unsaved::Incidental,
            blocked: None,
            failed: None,
            conflict: None,
            notices: Vec::new(),
            next_notice: 1,
        };
        let mut commands = Vec::new();
        match stored {
            Err(_) => {
                s.blocked = Some(Block::Unavailable);
                s.notify(NoticeKind::StorageUnavailable);
            }
            Ok(None) => commands.push(Command::ScheduleSave),
            Ok(Some(raw)) => {
                s.stored_hash = Some(content_hash(&raw));
                match json::read(&raw) {
                    Ok(Imported::Workspace(salvaged)) => {
                        let clean = salvaged.is_clean();
                        s.revision = salvaged.revision.unwrap_or(0);
                        s.dirty = if clean {
                            Unsaved::Nothing
                        } else {
                            Unsaved::Incidental
                        };
                        s.tell_salvaged(salvaged.repairs, &salvaged.workspace);
                        if salvaged.migrated_from.is_some() {
                            // Written in this version with the next save, after a backup of
                            // the older text (nothing is written until then: an open tab of
                            // the older build keeps working on it meanwhile).
                            s.keep = Some(raw.clone());
                        }
                        s.own = salvaged.workspace;
                        if !clean {
                            s.keep = Some(raw.clone());
                            commands.push(Command::Backup { raw });
                            commands.push(Command::ScheduleSave);
                        }
                    }
                    Err(JsonError::NewerVersion(version)) => {
                        s.blocked = Some(Block::Newer { version });
                        s.notify(NoticeKind::Newer { version });
                    }
                    Ok(Imported::Plan(_)) => {
                        s.start_unreadable(raw, JsonError::NotAPlan, &mut commands)
                    }
                    Err(error) => s.start_unreadable(raw, error, &mut commands),
                }
            }
        }
        (s, commands)
    }

    /// Tells what reading the workspace repaired, and names every plan kept aside.
    fn tell_salvaged(&mut self, repairs: Vec<Repair>, ws: &Workspace) {
        self.retract(|k| matches!(k, NoticeKind::Salvaged { .. }));
        let set_aside: Vec<String> = ws
            .set_aside
            .iter()
            .map(|k| json::kept_details(k).name.unwrap_or_default())
            .collect();
        if !repairs.is_empty() || !set_aside.is_empty() {
            self.notify(NoticeKind::Salvaged { repairs, set_aside });
        }
    }

    fn start_unreadable(&mut self, raw: String, error: JsonError, commands: &mut Vec<Command>) {
        self.notify(NoticeKind::Unreadable {
            error,
            backup: None,
            elsewhere: false,
        });
        self.keep = Some(raw.clone());
        commands.push(Command::Backup { raw });
        commands.push(Command::ScheduleSave);
    }

    /// The workspace on screen: the shared plan while one is open, else the user's own.
    pub fn workspace(&self) -> &Workspace {
        self.preview.as_ref().map_or(&self.own, |p| &p.workspace)
    }

    pub fn lang(&self) -> Lang {
        self.own.lang
    }

    fn shown_history(&self) -> &History {
        self.preview.as_ref().map_or(&self.history, |p| &p.history)
    }

    pub fn can_undo(&self) -> bool {
        self.shown_history().can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.shown_history().can_redo()
    }

    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    pub fn conflict(&self) -> Option<&Conflict> {
        self.conflict.as_ref()
    }

    /// The name of the shared plan on screen, if one is.
    pub fn preview_name(&self) -> Option<&str> {
        self.preview
            .as_ref()
            .and_then(|p| p.workspace.current_plan())
            .map(|p| p.name.as_str())
    }

    /// The plans kept aside (they could not be read), with their names and why.
    pub fn set_aside(&self) -> Vec<SetAside> {
        self.own.set_aside.iter().map(json::kept_details).collect()
    }

    /// The stored text waiting to be kept as a backup before it is written over (for a
    /// download when it is too large to keep).
    pub fn unkept_text(&self) -> Option<&str> {
        self.keep.as_deref()
    }

    /// The revision storage holds as far as this tab knows (for exported backups).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The user's own plans (what "export all" writes, even while a shared plan is shown).
    pub fn own(&self) -> &Workspace {
        &self.own
    }

    pub fn status(&self) -> SaveStatus {
        if let Some(p) = &self.preview {
            return SaveStatus::Preview { edited: p.edited };
        }
        if self.dirty == Unsaved::Nothing {
            return SaveStatus::Saved;
        }
        match (&self.blocked, &self.conflict, &self.failed) {
            (Some(b), _, _) => SaveStatus::NotSaved(NotSaved::Blocked(b.clone())),
            (None, Some(_), _) => SaveStatus::NotSaved(NotSaved::Conflict),
            (None, None, Some(e)) => SaveStatus::NotSaved(NotSaved::Failed(e.clone())),
            (None, None, None) => SaveStatus::Pending,
        }
    }

    /// Whether closing the page now would lose work (after a last save was tried): a changed
    /// shared plan, or changes that cannot be saved.
    pub fn work_at_risk(&self) -> bool {
        match self.status() {
            SaveStatus::Preview { edited } => edited,
            SaveStatus::NotSaved(_) => self.dirty == Unsaved::Edits,
            SaveStatus::Saved | SaveStatus::Pending => false,
        }
    }

    fn notify(&mut self, kind: NoticeKind) {
        // One notice of a kind at a time: the newest replaces an equal one.
        self.notices.retain(|n| n.kind != kind);
        self.notices.push(Notice {
            id: self.next_notice,
            kind,
        });
        self.next_notice += 1;
    }

    fn retract(&mut self, which: impl Fn(&NoticeKind) -> bool) {
        self.notices.retain(|n| !which(&n.kind));
    }

    /// Handles one event. Edits return their result through [`Session::edit`]; here a refused
    /// edit becomes a notice.
    pub fn handle(&mut self, event: Event) -> Vec<Command> {
        match event {
            Event::Edit { action, now_ms } => {
                let (result, commands) = self.edit(action, now_ms);
                if let Err(e) = result {
                    self.notify(NoticeKind::Refused(e));
                }
                commands
            }
            Event::Undo => self.step(true),
            Event::Redo => self.step(false),
            Event::SetLang(lang) => {
                if let Some(p) = &mut self.preview {
                    p.workspace.lang = lang;
                }
                if self.own.lang == lang {
                    return Vec::new();
                }
                self.own.lang = lang;
                self.changed_own(Unsaved::Incidental)
            }
            Event::SaveWindow { stored } => self.save_window(stored),
            Event::Saved(result) => {
                self.saved(result);
                Vec::new()
            }
            Event::BackedUp(result) => {
                self.backed_up(result);
                Vec::new()
            }
            Event::StorageChanged(raw) => match &mut self.preview {
                Some(p) => {
                    p.external = Some(raw);
                    Vec::new()
                }
                None => self.external(raw),
            },
            Event::ResolveConflict(keep) => self.resolve(keep),
            Event::OpenPreview(read) => self.open_preview(*read),
            Event::ClosePreview { save_copy } => {
                let (result, commands) = self.close_preview(save_copy);
                if let Err(e) = result {
                    self.notify(NoticeKind::Refused(e));
                }
                commands
            }
            Event::Notify(kind) => {
                self.notify(kind);
                Vec::new()
            }
            Event::WriteWithoutBackup => {
                if self.keep.take().is_none() {
                    return Vec::new();
                }
                self.failed = None;
                self.retract(|k| matches!(k, NoticeKind::SaveFailed(_)));
                self.changed_own(Unsaved::Incidental)
            }
            Event::Dismiss(id) => {
                self.notices.retain(|n| n.id != id);
                Vec::new()
            }
        }
    }

    /// Applies an edit to what is on screen, returning whether anything changed (or why it was
    /// refused: nothing changed then) and the commands to run.
    pub fn edit(&mut self, action: Action, now_ms: f64) -> (EditResult, Vec<Command>) {
        let applied = match &mut self.preview {
            Some(p) => {
                let applied = p.history.apply(&mut p.workspace, action, now_ms);
                if applied.as_ref().is_ok_and(|a| a.changed) {
                    p.edited = true;
                }
                applied
            }
            None => self.history.apply(&mut self.own, action, now_ms),
        };
        match applied {
            Err(e) => (Err(e), Vec::new()),
            Ok(Applied { changed, notes, .. }) => {
                // Undo now undoes this change, not the deletion a toast offers to undo.
                if changed {
                    self.retract(|k| matches!(k, NoticeKind::LineDeleted { .. }));
                }
                for note in notes {
                    self.notify(match note {
                        Note::PlanDeleted { id, name } => {
                            NoticeKind::PlanDeleted { plan: id, name }
                        }
                        Note::LineDeleted { name } => NoticeKind::LineDeleted { name },
                        Note::LeversDangling { count } => NoticeKind::LeversDangling { count },
                        Note::KeptAlongside { added, trashed } => {
                            NoticeKind::KeptAlongside { added, trashed }
                        }
                    });
                }
                let commands = if changed && self.preview.is_none() {
                    self.changed_own(Unsaved::Edits)
                } else {
                    Vec::new()
                };
                (Ok(changed), commands)
            }
        }
    }

    fn step(&mut self, back: bool) -> Vec<Command> {
        let changed = match &mut self.preview {
            Some(p) => {
                let changed = if back {
                    p.history.undo(&mut p.workspace)
                } else {
                    p.history.redo(&mut p.workspace)
                };
                p.edited |= changed;
                return Vec::new();
            }
            None if back => self.history.undo(&mut self.own),
            None => self.history.redo(&mut self.own),
        };
        if changed {
            self.changed_own(Unsaved::Edits)
        } else {
            Vec::new()
        }
    }

    fn changed_own(&mut self, what: Unsaved) -> Vec<Command> {
        self.dirty = self.dirty.max(what);
        vec![Command::ScheduleSave]
    }

    fn save_window(&mut self, stored: Result<Option<String>, SaveError>) -> Vec<Command> {
        if self.dirty == Unsaved::Nothing || self.blocked.is_some() || self.conflict.is_some() {
            return Vec::new();
        }
        let raw = match stored {
            Err(e) => {
                self.failed_with(e);
                return Vec::new();
            }
            Ok(raw) => raw,
        };
        if let Some(raw) = &raw {
            let hash = content_hash(raw);
            if Some(hash) != self.stored_hash {
                // Storage changed since this tab last read or wrote it and no event said so
                // (yet): look before writing.
                let commands = self.external(Some(raw.clone()));
                if self.dirty == Unsaved::Nothing
                    || self.blocked.is_some()
                    || self.conflict.is_some()
                {
                    return commands;
                }
            }
        }
        let revision = self.revision.saturating_add(1);
        let text = json::workspace_to_json(&self.own, revision, false);
        self.writing = Some((revision, content_hash(&text)));
        vec![Command::Write {
            text,
            backup: self.keep.clone(),
        }]
    }

    fn failed_with(&mut self, e: SaveError) {
        if self.failed.as_ref() != Some(&e) {
            self.retract(|k| matches!(k, NoticeKind::SaveFailed(_)));
            self.notify(NoticeKind::SaveFailed(e.clone()));
        }
        self.failed = Some(e);
    }

    fn saved(&mut self, result: Result<(), SaveError>) {
        let Some((revision, hash)) = self.writing.take() else {
            return;
        };
        match result {
            Ok(()) => {
                self.revision = revision;
                self.stored_hash = Some(hash);
                self.dirty = Unsaved::Nothing;
                self.keep = None;
                if self.failed.take().is_some() {
                    self.retract(|k| matches!(k, NoticeKind::SaveFailed(_)));
                }
            }
            Err(e) => self.failed_with(e),
        }
    }

    fn backed_up(&mut self, result: Result<String, SaveError>) {
        match result {
            Ok(key) => {
                self.keep = None;
                for n in &mut self.notices {
                    if let NoticeKind::Unreadable { backup, .. } = &mut n.kind {
                        *backup = Some(key.clone());
                    }
                }
            }
            // Not kept yet: the next write keeps it first, and fails (without writing) if it
            // still cannot.
            Err(e) => self.failed_with(e),
        }
    }

    /// Storage holds `raw`, written by someone else (another tab, or this tab's own write being
    /// echoed back cannot happen: browsers do not send a tab its own storage events).
    fn external(&mut self, raw: Option<String>) -> Vec<Command> {
        let Some(raw) = raw else {
            // Removed (site data cleared elsewhere): this tab's plans are the only copy now.
            self.stored_hash = None;
            return self.changed_own(Unsaved::Incidental);
        };
        let hash = content_hash(&raw);
        if Some(hash) == self.stored_hash {
            return Vec::new();
        }
        match json::read(&raw) {
            Err(JsonError::NewerVersion(version)) => {
                self.blocked = Some(Block::Newer { version });
                self.notify(NoticeKind::Newer { version });
                Vec::new()
            }
            Ok(Imported::Workspace(salvaged)) => {
                let revision = salvaged.revision.unwrap_or(0);
                let clean = salvaged.is_clean();
                let repairs = salvaged.repairs;
                let theirs = Box::new(salvaged.workspace);
                // Equal or lower revision with other content: someone wrote over this tab's save
                // without seeing it.
                let overwritten = revision <= self.revision && self.stored_hash.is_some();
                if self.conflict.is_some() || self.dirty == Unsaved::Edits || overwritten {
                    // Nothing is written until the user chooses; the newest version is offered.
                    self.conflict = Some(Conflict {
                        theirs,
                        revision,
                        hash,
                        keep: (!clean).then_some(raw),
                    });
                    self.dirty = Unsaved::Edits;
                    Vec::new()
                } else {
                    self.tell_salvaged(repairs, &theirs);
                    self.adopt(*theirs, revision, hash);
                    self.notify(NoticeKind::UpdatedElsewhere);
                    if clean {
                        Vec::new()
                    } else {
                        // Plans it set aside are kept (in the workspace, verbatim) by the next
                        // save; the text as found is kept as a backup first.
                        self.keep = Some(raw);
                        self.changed_own(Unsaved::Incidental)
                    }
                }
            }
            Ok(Imported::Plan(_)) => self.unreadable_elsewhere(raw, hash, JsonError::NotAPlan),
            Err(error) => self.unreadable_elsewhere(raw, hash, error),
        }
    }

    /// Storage holds something this version cannot read at all, written while this tab was
    /// open: it is kept as a backup before this tab's plans go back in, and the user is told.
    fn unreadable_elsewhere(&mut self, raw: String, hash: u64, error: JsonError) -> Vec<Command> {
        self.notify(NoticeKind::Unreadable {
            error,
            backup: None,
            elsewhere: true,
        });
        self.stored_hash = Some(hash);
        self.keep = Some(raw.clone());
        let mut commands = vec![Command::Backup { raw }];
        commands.extend(self.changed_own(Unsaved::Incidental));
        commands
    }

    /// Shows a version storage already holds, without writing it back. Undo history is
    /// cleared: its steps belong to the replaced version.
    fn adopt(&mut self, mut theirs: Workspace, revision: u64, hash: u64) {
        theirs.lang = self.own.lang;
        self.own = theirs;
        self.history.clear();
        self.revision = revision;
        self.stored_hash = Some(hash);
        self.dirty = Unsaved::Nothing;
        self.keep = None;
    }

    fn resolve(&mut self, keep: Keep) -> Vec<Command> {
        let Some(conflict) = self.conflict.take() else {
            return Vec::new();
        };
        match keep {
            Keep::Theirs => {
                self.tell_salvaged(Vec::new(), &conflict.theirs);
                self.adopt(*conflict.theirs, conflict.revision, conflict.hash);
                match conflict.keep {
                    // Plans it set aside are kept by the next save, after a backup.
                    Some(raw) => {
                        self.keep = Some(raw);
                        self.changed_own(Unsaved::Incidental)
                    }
                    None => Vec::new(),
                }
            }
            Keep::Mine => {
                // Write over exactly the version the user saw and declined, keeping what only
                // it had (its other plans, its plans kept aside): declining a version is not
                // deleting its plans.
                self.stored_hash = Some(conflict.hash);
                self.revision = self.revision.max(conflict.revision);
                if let Some(raw) = conflict.keep {
                    self.keep = Some(raw);
                }
                match self
                    .history
                    .apply(&mut self.own, Action::KeepAlongside(conflict.theirs), 0.0)
                {
                    Ok(applied) => {
                        for note in applied.notes {
                            if let Note::KeptAlongside { added, trashed } = note {
                                self.notify(NoticeKind::KeptAlongside { added, trashed });
                            }
                        }
                    }
                    Err(e) => self.notify(NoticeKind::Refused(e)),
                }
                self.changed_own(Unsaved::Edits)
            }
        }
    }

    fn open_preview(&mut self, read: ReadPlan) -> Vec<Command> {
        let mut commands = Vec::new();
        if let Some(p) = self.preview.take() {
            if p.edited {
                // Never drop a changed shared plan: it joins the user's plans.
                if let Some(plan) = p.workspace.current_plan().cloned() {
                    let name = plan.name.clone();
                    match self
                        .history
                        .apply(&mut self.own, Action::AddPlan(Box::new(plan)), 0.0)
                    {
                        Ok(_) => {
                            self.notify(NoticeKind::PreviewKept { name });
                            commands.extend(self.changed_own(Unsaved::Edits));
                        }
                        Err(e) => {
                            self.notify(NoticeKind::Refused(e));
                            self.preview = Some(p);
                            return commands;
                        }
                    }
                }
            }
        }
        if !read.repairs.is_empty() {
            self.notify(NoticeKind::LinkRepaired(Repair::Plan {
                plan: read.plan.name.clone(),
                repairs: read.repairs,
            }));
        }
        self.preview = Some(Preview {
            workspace: Workspace {
                plans: vec![PlanEntry {
                    id: PlanId(1),
                    example: None,
                    plan: std::sync::Arc::new(read.plan),
                }],
                selected: PlanId(1),
                lang: self.own.lang,
                trash: Vec::new(),
                set_aside: Vec::new(),
            },
            history: History::default(),
            edited: false,
            external: None,
        });
        commands
    }

    /// Closes the shared plan; with `save_copy` it is added to the user's plans (an undoable
    /// step). If it cannot be added, the shared plan stays open and the error says why.
    pub fn close_preview(&mut self, save_copy: bool) -> (Result<(), ModelError>, Vec<Command>) {
        let Some(p) = self.preview.take() else {
            return (Ok(()), Vec::new());
        };
        let mut commands = vec![Command::ClearLink];
        if let Some(raw) = p.external.clone() {
            commands.extend(self.external(raw));
        }
        if save_copy {
            if let Some(plan) = p.workspace.current_plan().cloned() {
                let added = self
                    .history
                    .apply(&mut self.own, Action::AddPlan(Box::new(plan)), 0.0);
                if let Err(e) = added {
                    self.preview = Some(Preview {
                        external: None,
                        ..p
                    });
                    return (Err(e), Vec::new());
                }
                commands.extend(self.changed_own(Unsaved::Edits));
            }
        }
        (Ok(()), commands)
    }

    /// The plan that `action` would be applied to has this name, for messages.
    pub fn plan_named(&self, id: PlanId) -> Option<&Plan> {
        self.workspace()
            .plans
            .iter()
            .find(|p| p.id == id)
            .map(|p| &*p.plan)
    }
}

/// Runs the storage commands against `store`, feeding each result back to the session, and
/// returns the commands that are for the page ([`Command::ScheduleSave`],
/// [`Command::ClearLink`]).
pub fn drive(
    session: &mut Session,
    commands: Vec<Command>,
    store: &mut impl Store,
) -> Vec<Command> {
    let mut queue: std::collections::VecDeque<Command> = commands.into();
    let mut for_page = Vec::new();
    while let Some(command) = queue.pop_front() {
        let more = match command {
            Command::Write { text, backup } => {
                let result = match backup.map(|raw| store.keep_backup(&raw)) {
                    Some(Err(e)) => Err(e),
                    Some(Ok(_)) | None => store.write(&text),
                };
                session.handle(Event::Saved(result))
            }
            Command::Backup { raw } => session.handle(Event::BackedUp(store.keep_backup(&raw))),
            page @ (Command::ScheduleSave | Command::ClearLink) => {
                if !for_page.contains(&page) {
                    for_page.push(page);
                }
                Vec::new()
            }
        };
        queue.extend(more);
    }
    for_page
}

/// Saves now if anything is unsaved: reads storage, lets the session decide, runs what it says.
pub fn save(session: &mut Session, store: &mut impl Store) -> Vec<Command> {
    let stored = store.read();
    let commands = session.handle(Event::SaveWindow { stored });
    drive(session, commands, store)
}
