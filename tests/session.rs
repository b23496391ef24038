//! The session against a simulated browser: one localStorage shared by several tabs, a quota,
//! storage that throws, and storage events that are delivered only when a test says so (so two
//! tabs can act "at the same moment"). Each tab runs the real command loop ([`drive`],
//! [`save`]) and the real backup code ([`WorkspaceStore`]).
#![cfg(not(target_arch = "wasm32"))]

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;

use customer_cost_planner::exchange::json::{self, Imported, ReadPlan};
use customer_cost_planner::exchange::link;
use customer_cost_planner::model::{Example, Input, Lang, Plan};
use customer_cost_planner::session::{
    drive, save, Block, Command, Event, Keep, NotSaved, NoticeKind, SaveStatus, Session,
};
use customer_cost_planner::state::{Action, PlanEdit, PlanEntry, PlanId, Workspace};
use customer_cost_planner::storage::{
    backups_in, KeyValue, SaveError, WorkspaceStore, BACKUPS_MAX, KEY,
};
use customer_cost_planner::store::Store;
use rust_decimal::Decimal;

/// One browser profile's localStorage.
#[derive(Default)]
struct Browser {
    map: BTreeMap<String, String>,
    /// Most characters all values may hold, if limited.
    quota: Option<usize>,
    /// Storage throws on every access (a sandboxed iframe).
    blocked: bool,
    clock: u64,
    tabs: usize,
    /// Storage events not yet delivered: (tab, new value).
    events: Vec<(usize, Option<String>)>,
}

type Shared = Rc<RefCell<Browser>>;

struct Kv {
    browser: Shared,
    tab: usize,
}

impl KeyValue for Kv {
    fn get(&self, key: &str) -> Result<Option<String>, SaveError> {
        let b = self.browser.borrow();
        if b.blocked {
            return Err(SaveError::Unavailable);
        }
        Ok(b.map.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        let mut b = self.browser.borrow_mut();
        if b.blocked {
            return Err(SaveError::Unavailable);
        }
        if let Some(quota) = b.quota {
            let others: usize = b
                .map
                .iter()
                .filter(|(k, _)| *k != key)
                .map(|(_, v)| v.chars().count())
                .sum();
            if others + value.chars().count() > quota {
                return Err(SaveError::Quota);
            }
        }
        b.map.insert(key.to_owned(), value.to_owned());
        if key == KEY {
            for tab in (0..b.tabs).filter(|t| *t != self.tab) {
                b.events.push((tab, Some(value.to_owned())));
            }
        }
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), SaveError> {
        self.browser.borrow_mut().map.remove(key);
        Ok(())
    }

    fn entries(&self, prefix: &str) -> Vec<(String, usize)> {
        self.browser
            .borrow()
            .map
            .iter()
            .filter(|(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (k.clone(), v.encode_utf16().count()))
            .collect()
    }

    fn now_ms(&self) -> u64 {
        let mut b = self.browser.borrow_mut();
        b.clock += 1;
        b.clock
    }
}

struct Tab {
    id: usize,
    session: Session,
    store: WorkspaceStore<Kv>,
    browser: Shared,
    /// Commands left for the page (save soon, clear the link).
    page: Vec<Command>,
    clock: f64,
}

impl Tab {
    fn open(browser: &Shared) -> Tab {
        let id = {
            let mut b = browser.borrow_mut();
            b.tabs += 1;
            b.tabs - 1
        };
        let mut store = WorkspaceStore(Kv {
            browser: browser.clone(),
            tab: id,
        });
        let stored = store.read();
        let (mut session, commands) = Session::start(stored, Lang::En);
        let page = drive(&mut session, commands, &mut store);
        Tab {
            id,
            session,
            store,
            browser: browser.clone(),
            page,
            clock: 0.0,
        }
    }

    fn run(&mut self, commands: Vec<Command>) {
        let page = drive(&mut self.session, commands, &mut self.store);
        self.page.extend(page);
    }

    fn send(&mut self, event: Event) {
        let commands = self.session.handle(event);
        self.run(commands);
    }

    fn edit(&mut self, edit: PlanEdit) {
        // Far apart in time: each edit is its own undo step.
        self.clock += 10_000.0;
        let (result, commands) = self.session.edit(Action::Edit(edit), self.clock);
        result.expect("the edit is valid");
        self.run(commands);
    }

    fn set_churn(&mut self, pct: i64) {
        self.edit(PlanEdit::SetInput(Input::ChurnPct, Decimal::from(pct)));
    }

    fn save(&mut self) {
        self.page.clear();
        let page = save(&mut self.session, &mut self.store);
        self.page.extend(page);
    }

    /// Delivers the storage events other tabs' writes sent to this tab.
    fn hear(&mut self) {
        let mine: Vec<Option<String>> = {
            let mut b = self.browser.borrow_mut();
            let (mine, rest) = b.events.drain(..).partition(|(t, _)| *t == self.id);
            b.events = rest;
            mine.into_iter().map(|(_, v)| v).collect()
        };
        for raw in mine {
            self.send(Event::StorageChanged(raw));
        }
    }

    fn plan(&self) -> &Plan {
        self.session.workspace().current_plan().expect("a plan")
    }

    fn churn(&self) -> Decimal {
        self.plan().churn_pct
    }

    fn has(&self, which: impl Fn(&NoticeKind) -> bool) -> bool {
        self.session.notices().iter().any(|n| which(&n.kind))
    }
}

fn browser() -> Shared {
    Rc::new(RefCell::new(Browser::default()))
}

fn stored(browser: &Shared) -> Option<String> {
    browser.borrow().map.get(KEY).cloned()
}

/// The open plan of the stored workspace.
fn stored_plan(browser: &Shared) -> Plan {
    let raw = stored(browser).expect("something is stored");
    match json::read(&raw) {
        Ok(Imported::Workspace(s)) => s.workspace.current_plan().cloned().expect("a plan"),
        other => panic!("{other:?}"),
    }
}

fn stored_revision(browser: &Shared) -> Option<u64> {
    let raw = stored(browser)?;
    match json::read(&raw) {
        Ok(Imported::Workspace(s)) => s.revision,
        _ => None,
    }
}

fn put(browser: &Shared, raw: &str) {
    browser
        .borrow_mut()
        .map
        .insert(KEY.to_owned(), raw.to_owned());
}

#[test]
fn a_first_visit_saves_the_example_and_reads_it_back_on_the_next() {
    let b = browser();
    let mut a = Tab::open(&b);
    assert_eq!(a.page, vec![Command::ScheduleSave]);
    assert_eq!(a.session.status(), SaveStatus::Pending);
    a.save();
    assert_eq!(a.session.status(), SaveStatus::Saved);
    assert_eq!(stored_revision(&b), Some(1));
    let again = Tab::open(&b);
    assert_eq!(again.session.own(), a.session.own());
    assert_eq!(again.session.status(), SaveStatus::Saved);
    assert!(again.page.is_empty());
}

#[test]
fn two_tabs_follow_each_other() {
    let b = browser();
    let mut a = Tab::open(&b);
    a.save();
    let mut t = Tab::open(&b);
    a.set_churn(4);
    a.save();
    t.hear();
    assert_eq!(t.churn(), Decimal::from(4));
    assert!(t.has(|k| *k == NoticeKind::UpdatedElsewhere));
    assert_eq!(t.session.status(), SaveStatus::Saved);
    assert!(
        !t.session.can_undo(),
        "history belonged to the replaced version"
    );
    t.set_churn(3);
    t.save();
    a.hear();
    assert_eq!(a.churn(), Decimal::from(3));
    assert_eq!(stored_revision(&b), Some(3));
}

#[test]
fn two_first_visits_do_not_conflict_over_the_example() {
    let b = browser();
    let mut a = Tab::open(&b);
    let mut t = Tab::open(&b);
    a.save();
    t.hear();
    assert!(t.session.conflict().is_none());
    t.save();
    assert_eq!(stored_revision(&b), Some(1), "nothing left to write");
}

/// Two synced tabs; `t` does not hear `a`'s save before editing itself.
fn both_changed() -> (Shared, Tab, Tab) {
    let b = browser();
    let mut a = Tab::open(&b);
    a.save();
    let mut t = Tab::open(&b);
    a.edit(PlanEdit::Rename("A's version".into()));
    a.save();
    t.set_churn(3);
    t.save();
    (b, a, t)
}

#[test]
fn when_both_tabs_changed_nothing_is_written_until_the_user_chooses() {
    let (b, mut a, mut t) = both_changed();
    assert!(t.session.conflict().is_some());
    assert_eq!(t.session.status(), SaveStatus::NotSaved(NotSaved::Conflict));
    assert!(t.session.work_at_risk());
    assert_eq!(stored_plan(&b).name, "A's version");
    assert_eq!(stored_plan(&b).churn_pct, Decimal::from(5));
    // The late storage event changes nothing: still the same conflict.
    t.hear();
    assert_eq!(stored_plan(&b).name, "A's version");

    t.send(Event::ResolveConflict(Keep::Mine));
    t.save();
    assert_eq!(stored_plan(&b).churn_pct, Decimal::from(3));
    assert_eq!(stored_plan(&b).name, "Example: starter plan");
    assert_eq!(stored_revision(&b), Some(3));
    a.hear();
    assert_eq!(
        a.churn(),
        Decimal::from(3),
        "the tab without changes follows"
    );
}

#[test]
fn choosing_the_other_tabs_version_shows_it_and_writes_nothing() {
    let (b, _a, mut t) = both_changed();
    let before = stored(&b);
    t.send(Event::ResolveConflict(Keep::Theirs));
    assert_eq!(t.plan().name, "A's version");
    assert_eq!(t.churn(), Decimal::from(5));
    assert_eq!(t.session.status(), SaveStatus::Saved);
    t.save();
    assert_eq!(stored(&b), before);
}

#[test]
fn equal_revisions_with_different_content_are_a_conflict() {
    // Both tabs read revision 1 and write revision 2 before either hears the other.
    let b = browser();
    let mut a = Tab::open(&b);
    a.save();
    let mut t = Tab::open(&b);
    a.set_churn(4);
    t.set_churn(6);
    let (read_a, read_t) = (a.store.read(), t.store.read());
    let commands = a.session.handle(Event::SaveWindow { stored: read_a });
    a.run(commands);
    let commands = t.session.handle(Event::SaveWindow { stored: read_t });
    t.run(commands);
    assert_eq!(stored_revision(&b), Some(2));
    assert_eq!(stored_plan(&b).churn_pct, Decimal::from(6), "t wrote last");
    // a's save was written over unseen: a is told, though it has nothing unsaved.
    a.hear();
    assert!(a.session.conflict().is_some());
    assert_eq!(
        a.churn(),
        Decimal::from(4),
        "a's version is still on screen"
    );
    assert!(a.session.work_at_risk());
    a.send(Event::ResolveConflict(Keep::Mine));
    a.save();
    assert_eq!(stored_plan(&b).churn_pct, Decimal::from(4));
    assert_eq!(stored_revision(&b), Some(3));
}

#[test]
fn a_shared_plan_opened_during_another_tabs_save_leaves_both_intact() {
    let b = browser();
    let mut a = Tab::open(&b);
    a.save();
    let mut t = Tab::open(&b);
    let shared =
        link::decode(&link::encode(&Example::Saas.plan(Lang::En)).expect("link")).expect("decodes");
    a.send(Event::OpenPreview(Box::new(shared)));
    assert_eq!(a.session.preview_name(), Some("Example: SaaS business"));
    assert_eq!(a.session.status(), SaveStatus::Preview { edited: false });
    a.set_churn(9);
    assert_eq!(a.session.status(), SaveStatus::Preview { edited: true });
    assert!(
        a.session.work_at_risk(),
        "leaving now would lose the change"
    );
    a.save();
    assert_eq!(
        stored_revision(&b),
        Some(1),
        "a shared plan is never saved by itself"
    );

    t.set_churn(2);
    t.save();
    a.hear();
    assert_eq!(
        a.churn(),
        Decimal::from(9),
        "the shared plan stays on screen"
    );

    let (result, commands) = a.session.close_preview(true);
    result.expect("saved as a copy");
    a.run(commands);
    assert!(a.page.contains(&Command::ClearLink));
    let own = a.session.own();
    assert_eq!(own.plans.len(), 2);
    assert_eq!(
        own.plans[0].plan.churn_pct,
        Decimal::from(2),
        "t's save followed"
    );
    assert_eq!(
        own.plans[1].plan.churn_pct,
        Decimal::from(9),
        "the edited copy"
    );
    a.save();
    let raw = stored(&b).expect("stored");
    match json::read(&raw) {
        Ok(Imported::Workspace(s)) => {
            assert_eq!(s.workspace.plans.len(), 2);
            assert_eq!(s.workspace.plans[0].plan.churn_pct, Decimal::from(2));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn opening_a_second_link_keeps_a_changed_shared_plan() {
    let b = browser();
    let mut a = Tab::open(&b);
    a.save();
    let read = |e: Example| ReadPlan {
        plan: e.plan(Lang::En),
        repairs: Default::default(),
        migrated_from: None,
    };
    a.send(Event::OpenPreview(Box::new(read(Example::Saas))));
    a.set_churn(9);
    a.send(Event::OpenPreview(Box::new(read(Example::Ecommerce))));
    assert!(a.has(
        |k| matches!(k, NoticeKind::PreviewKept { name } if name == "Example: SaaS business")
    ));
    assert_eq!(a.session.own().plans.len(), 2);
    assert_eq!(a.session.preview_name(), Some("Example: e-commerce firm"));
}

#[test]
fn a_full_quota_is_reported_and_nothing_is_lost() {
    let b = browser();
    let mut a = Tab::open(&b);
    a.save();
    let before = stored(&b);
    b.borrow_mut().quota = Some(100);
    a.set_churn(4);
    a.save();
    assert_eq!(stored(&b), before);
    assert_eq!(
        a.session.status(),
        SaveStatus::NotSaved(NotSaved::Failed(SaveError::Quota))
    );
    assert!(a.has(|k| *k == NoticeKind::SaveFailed(SaveError::Quota)));
    assert!(a.session.work_at_risk());
    assert_eq!(a.churn(), Decimal::from(4), "the edit stays on the page");
    b.borrow_mut().quota = None;
    a.set_churn(5);
    a.save();
    assert_eq!(a.session.status(), SaveStatus::Saved);
    assert!(!a.has(|k| matches!(k, NoticeKind::SaveFailed(_))));
    assert_eq!(stored_plan(&b).churn_pct, Decimal::from(5));
}

#[test]
fn storage_that_throws_leaves_a_working_page_that_says_so() {
    let b = browser();
    b.borrow_mut().blocked = true;
    let mut a = Tab::open(&b);
    assert!(a.has(|k| *k == NoticeKind::StorageUnavailable));
    assert!(!a.session.work_at_risk(), "nothing of the user's yet");
    a.set_churn(4);
    a.save();
    assert_eq!(a.churn(), Decimal::from(4));
    assert_eq!(
        a.session.status(),
        SaveStatus::NotSaved(NotSaved::Blocked(Block::Unavailable))
    );
    assert!(a.session.work_at_risk());
}

#[test]
fn data_from_a_newer_version_is_never_written_over() {
    let newer = r#"{"format":"customer-cost-planner/workspace","version":9,"revision":5,"workspace":{"future":true}}"#;
    let b = browser();
    put(&b, newer);
    let mut a = Tab::open(&b);
    assert!(a.has(|k| *k == NoticeKind::Newer { version: 9 }));
    a.set_churn(4);
    a.save();
    assert_eq!(stored(&b).as_deref(), Some(newer));
    assert!(backups_in(&a.store.0).is_empty());

    // The same when a newer version's tab writes while this one is open.
    let b = browser();
    let mut a = Tab::open(&b);
    a.save();
    put(&b, newer);
    a.send(Event::StorageChanged(Some(newer.to_owned())));
    a.set_churn(4);
    a.save();
    assert_eq!(stored(&b).as_deref(), Some(newer));
}

#[test]
fn data_with_no_readable_revision_is_not_written_over_unseen() {
    let b = browser();
    let mut a = Tab::open(&b);
    a.save();
    a.set_churn(4);
    a.save();
    // Someone (an older app, a hand edit) writes a workspace with no revision.
    let mut theirs = Workspace::first_visit(Lang::En);
    Arc::make_mut(&mut theirs.plans[0].plan).name = "No revision".into();
    let raw = json::workspace_to_json(&theirs, 0, false).replace("\"revision\":0,", "");
    put(&b, &raw);
    a.set_churn(6);
    a.save();
    assert!(
        a.session.conflict().is_some(),
        "different content, lower revision"
    );
    assert_eq!(stored(&b).as_deref(), Some(raw.as_str()));
    // A start-up with such data reads it as revision 0 and saves above it.
    let mut c = Tab::open(&b);
    assert_eq!(c.plan().name, "No revision");
    c.set_churn(7);
    c.save();
    assert_eq!(stored_revision(&b), Some(1));
}

#[test]
fn unreadable_data_is_kept_once_however_often_the_page_reloads() {
    let b = browser();
    for reload in 0..3 {
        put(&b, "{not json");
        let mut a = Tab::open(&b);
        assert!(
            a.has(|k| matches!(
                k,
                NoticeKind::Unreadable {
                    backup: Some(_),
                    ..
                }
            )),
            "reload {reload}"
        );
        a.save();
        assert_eq!(a.session.status(), SaveStatus::Saved);
        let backups = backups_in(&a.store.0);
        assert_eq!(backups.len(), 1, "reload {reload}");
        assert_eq!(
            WorkspaceStore(Kv {
                browser: b.clone(),
                tab: 9
            })
            .0
            .get(&backups[0].key)
            .ok()
            .flatten()
            .as_deref(),
            Some("{not json")
        );
    }
}

#[test]
fn backups_stay_bounded() {
    let b = browser();
    for i in 0..(BACKUPS_MAX + 3) {
        put(&b, &format!("{{not json {i}"));
        let mut a = Tab::open(&b);
        a.save();
    }
    let kv = Kv {
        browser: b.clone(),
        tab: 0,
    };
    assert_eq!(backups_in(&kv).len(), BACKUPS_MAX);
}

#[test]
fn a_backup_that_does_not_fit_stops_the_overwrite() {
    // The example would fit in place of the unreadable text; a backup of that text would not.
    let example = json::workspace_to_json(&Workspace::first_visit(Lang::En), 1, false);
    let garbage = format!("{{not json {}", "x".repeat(example.len()));
    let b = browser();
    put(&b, &garbage);
    b.borrow_mut().quota = Some(example.len() + 100);
    let mut a = Tab::open(&b);
    a.save();
    assert_eq!(stored(&b).as_deref(), Some(garbage.as_str()));
    assert!(matches!(
        a.session.status(),
        SaveStatus::NotSaved(NotSaved::Failed(SaveError::Quota))
    ));
    // Once there is room for the backup, the page saves (the backup first).
    b.borrow_mut().quota = None;
    a.set_churn(4);
    a.save();
    assert_eq!(a.session.status(), SaveStatus::Saved);
    assert_eq!(backups_in(&a.store.0).len(), 1);
}

#[test]
fn a_workspace_with_a_broken_plan_loads_the_others_and_keeps_the_original() {
    let mut ws = Workspace::first_visit(Lang::En);
    ws.plans.push(PlanEntry {
        id: PlanId(2),
        example: None,
        plan: Arc::new(Example::Saas.plan(Lang::En)),
    });
    let mut value: serde_json::Value =
        serde_json::from_str(&json::workspace_to_json(&ws, 7, false)).expect("json");
    value["workspace"]["plans"][1]["plan"]["churn_pct"] = "500".into();
    let raw = value.to_string();
    let b = browser();
    put(&b, &raw);
    let mut a = Tab::open(&b);
    assert!(a.has(|k| matches!(k, NoticeKind::Salvaged { set_aside, .. } if set_aside.len() == 1)));
    assert_eq!(a.session.own().plans.len(), 1);
    assert_eq!(a.session.set_aside().len(), 1);
    a.save();
    let backups = backups_in(&a.store.0);
    assert_eq!(backups.len(), 1);
    let kept = a.store.0.get(&backups[0].key).ok().flatten().expect("kept");
    assert_eq!(kept, raw);
    // The backup imports again: the good plan, and the broken one set aside once more.
    match json::read(&kept) {
        Ok(Imported::Workspace(s)) => {
            assert_eq!((s.workspace.plans.len(), s.set_aside.len()), (1, 1));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(stored_revision(&b), Some(8));
}

#[test]
fn refusals_and_deletions_are_told() {
    let b = browser();
    let mut a = Tab::open(&b);
    a.send(Event::Edit {
        action: Action::Edit(PlanEdit::SetHorizon(0)),
        now_ms: 1.0,
    });
    assert!(a.has(|k| matches!(k, NoticeKind::Refused(_))));
    a.send(Event::Edit {
        action: Action::DeletePlan(PlanId(1)),
        now_ms: 2.0,
    });
    assert!(a.has(|k| matches!(
        k,
        NoticeKind::PlanDeleted {
            plan: PlanId(1),
            ..
        }
    )));
    let line = a.plan().lines.first().map(|l| l.id);
    assert!(line.is_none(), "a blank plan replaced the deleted one");
    let id = a
        .has(|k| matches!(k, NoticeKind::PlanDeleted { .. }))
        .then(|| a.session.notices()[1].id)
        .expect("notice");
    a.send(Event::Dismiss(id));
    assert!(!a.has(|k| matches!(k, NoticeKind::PlanDeleted { .. })));
}

#[test]
fn the_language_is_saved_but_never_a_reason_for_a_conflict() {
    let b = browser();
    let mut a = Tab::open(&b);
    a.save();
    let mut t = Tab::open(&b);
    t.send(Event::SetLang(Lang::Zh));
    a.set_churn(4);
    a.save();
    t.hear();
    assert!(t.session.conflict().is_none());
    assert_eq!(t.churn(), Decimal::from(4));
    assert_eq!(t.session.lang(), Lang::Zh, "each tab keeps its language");
}

#[test]
fn storage_cleared_elsewhere_is_filled_again() {
    let b = browser();
    let mut a = Tab::open(&b);
    a.set_churn(4);
    a.save();
    b.borrow_mut().map.clear();
    a.send(Event::StorageChanged(None));
    a.save();
    assert_eq!(stored_plan(&b).churn_pct, Decimal::from(4));
}

/// A workspace as another build would store it: the first-visit example plus a second plan
/// changed by `change` (in its JSON), at `revision`.
fn with_second_plan(revision: u64, change: impl Fn(&mut serde_json::Value)) -> String {
    let mut ws = Workspace::first_visit(Lang::En);
    ws.plans.push(PlanEntry {
        id: PlanId(2),
        example: None,
        plan: Arc::new(Example::Saas.plan(Lang::En)),
    });
    let mut value: serde_json::Value =
        serde_json::from_str(&json::workspace_to_json(&ws, revision, false)).expect("json");
    change(&mut value["workspace"]["plans"][1]);
    value.to_string()
}

/// The stored workspace's plans, trash and kept plans, by name (a kept plan by the name its
/// text carries).
fn stored_names(browser: &Shared) -> Vec<String> {
    let raw = stored(browser).expect("something is stored");
    let v: serde_json::Value = serde_json::from_str(&raw).expect("json");
    let ws = &v["workspace"];
    let mut names = Vec::new();
    for list in ["plans", "trash"] {
        for p in ws[list].as_array().into_iter().flatten() {
            names.push(p["plan"]["name"].as_str().unwrap_or("").to_owned());
        }
    }
    for k in ws["set_aside"].as_array().into_iter().flatten() {
        names.push(k["entry"]["plan"]["name"].as_str().unwrap_or("").to_owned());
    }
    names
}

#[test]
fn a_plan_another_tab_wrote_with_an_unknown_field_is_kept_named_and_saved_again() {
    // Issue 17, case 1: an older tab hears that another tab stored a plan with a field it does
    // not know (same format version), edits, and saves.
    let b = browser();
    let mut a = Tab::open(&b);
    a.save();
    let theirs = with_second_plan(5, |p| p["plan"]["growth_pct"] = "3".into());
    put(&b, &theirs);
    a.send(Event::StorageChanged(Some(theirs.clone())));
    assert!(
        a.has(|k| matches!(k, NoticeKind::Salvaged { set_aside, .. }
            if set_aside == &vec!["Example: SaaS business".to_owned()])),
        "the notice names the plan: {:?}",
        a.session.notices()
    );
    a.set_churn(4);
    a.save();
    assert_eq!(a.session.status(), SaveStatus::Saved);
    assert!(
        stored_names(&b).contains(&"Example: SaaS business".to_owned()),
        "the plan is still stored: {:?}",
        stored_names(&b)
    );
    // Kept verbatim: the field this version does not know is still there.
    assert!(stored(&b).expect("stored").contains("\"growth_pct\":\"3\""));
    // The text as found was kept as a backup too, before the write.
    assert_eq!(backups_in(&a.store.0).len(), 1);
    // A reload keeps it kept, and a build that can read it restores it (here: this build, once
    // the field is gone from the kept text).
    let again = Tab::open(&b);
    assert_eq!(again.session.set_aside().len(), 1);
    assert!(again.has(|k| matches!(k, NoticeKind::Salvaged { .. })));
    let healed = stored(&b)
        .expect("stored")
        .replace(",\"growth_pct\":\"3\"", "");
    put(&b, &healed);
    let c = Tab::open(&b);
    assert!(c.session.set_aside().is_empty());
    assert!(c
        .session
        .own()
        .plans
        .iter()
        .any(|p| p.plan.name == "Example: SaaS business"));
}

#[test]
fn a_kept_plan_is_repaired_or_discarded_only_when_the_user_says() {
    let b = browser();
    put(
        &b,
        &with_second_plan(3, |p| p["plan"]["lines"][0]["cost_centre"] = 4.into()),
    );
    let mut a = Tab::open(&b);
    let kept = a.session.own().set_aside.clone();
    assert_eq!(kept.len(), 1);
    let repaired = json::repair_kept(&kept[0]).expect("only an unknown field in the way");
    assert_eq!(repaired.dropped, vec!["entry.plan.lines[0].cost_centre"]);
    a.send(Event::Edit {
        action: Action::ResolveSetAside {
            raw: kept[0].raw.clone(),
            with: Some(Box::new(repaired.plan)),
        },
        now_ms: 1.0,
    });
    assert!(a.session.own().set_aside.is_empty());
    assert_eq!(a.session.own().plans.len(), 2);
    a.save();
    assert!(!stored(&b).expect("stored").contains("set_aside"));
    // Undo brings the kept text back; discarding it is a step of its own.
    a.send(Event::Undo);
    assert_eq!(a.session.own().set_aside, kept);
    a.send(Event::Edit {
        action: Action::ResolveSetAside {
            raw: kept[0].raw.clone(),
            with: None,
        },
        now_ms: 2.0,
    });
    assert!(a.session.own().set_aside.is_empty());
    assert_eq!(a.session.own().plans.len(), 1);
}

#[test]
fn data_of_a_newer_format_from_another_tab_is_never_written_over_and_edits_stay() {
    let b = browser();
    let mut a = Tab::open(&b);
    a.save();
    let newer = json::workspace_to_json(&Workspace::first_visit(Lang::En), 8, false).replace(
        &format!("\"version\":{}", json::WORKSPACE_VERSION),
        &format!("\"version\":{}", json::WORKSPACE_VERSION + 1),
    );
    put(&b, &newer);
    a.send(Event::StorageChanged(Some(newer.clone())));
    a.set_churn(7);
    a.save();
    a.set_churn(8);
    a.save();
    assert_eq!(stored(&b).as_deref(), Some(newer.as_str()));
    assert_eq!(
        a.churn(),
        Decimal::from(8),
        "this tab's edits stay on the page"
    );
    assert!(a.session.work_at_risk(), "leaving asks first");
    assert!(a.has(|k| matches!(k, NoticeKind::Newer { .. })));
}

#[test]
fn keeping_this_tabs_version_keeps_the_other_tabs_plans_too() {
    let (b, mut a, mut t) = both_changed();
    assert!(t.session.conflict().is_some());
    // Meanwhile the other tab also made a plan of its own, and saved.
    a.send(Event::Edit {
        action: Action::NewPlan(Some(Example::Manufacturer)),
        now_ms: 99_000.0,
    });
    a.save();
    t.hear();
    t.send(Event::ResolveConflict(Keep::Mine));
    t.save();
    let names = stored_names(&b);
    assert!(
        names.iter().any(|n| n == "Example: manufacturer"),
        "the other tab's new plan is kept: {names:?}"
    );
    // Its version of the plan both changed is in the trash, ready to restore.
    let stored_ws = match json::read(&stored(&b).expect("stored")) {
        Ok(Imported::Workspace(s)) => s.workspace,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        stored_ws
            .trash
            .iter()
            .map(|p| p.plan.name.as_str())
            .collect::<Vec<_>>(),
        vec!["A's version"]
    );
    assert_eq!(stored_ws.plans[0].plan.churn_pct, Decimal::from(3));
    assert!(t.has(|k| matches!(k, NoticeKind::KeptAlongside { .. })));
}

#[test]
fn a_version_1_workspace_is_read_kept_as_a_backup_and_written_as_the_new_version() {
    let sample = include_str!("fixtures/workspace-v1.json");
    let b = browser();
    put(&b, sample);
    let mut a = Tab::open(&b);
    assert_eq!(
        a.session.status(),
        SaveStatus::Saved,
        "nothing to write yet"
    );
    assert_eq!(stored(&b).as_deref(), Some(sample));
    a.set_churn(6);
    a.save();
    let now = stored(&b).expect("stored");
    assert!(now.contains(&format!("\"version\":{}", json::WORKSPACE_VERSION)));
    let backups = backups_in(&a.store.0);
    assert_eq!(
        backups.len(),
        1,
        "the older text is kept before it is written over"
    );
    assert_eq!(
        a.store.0.get(&backups[0].key).ok().flatten().as_deref(),
        Some(sample)
    );
}

#[test]
fn a_backup_larger_than_all_backups_may_be_is_refused_and_evicts_nothing() {
    let b = browser();
    for i in 0..3 {
        put(&b, &format!("{{not json {i}"));
        let mut a = Tab::open(&b);
        a.save();
    }
    let huge = format!(
        "{{not json {}",
        "x".repeat(customer_cost_planner::storage::BACKUP_CHARS_MAX)
    );
    put(&b, &huge);
    let mut a = Tab::open(&b);
    a.save();
    assert_eq!(backups_in(&a.store.0).len(), 3, "the others stay");
    assert_eq!(
        stored(&b).as_deref(),
        Some(huge.as_str()),
        "nothing written over it"
    );
    assert!(matches!(
        a.session.status(),
        SaveStatus::NotSaved(NotSaved::Failed(SaveError::BackupTooLarge { .. }))
    ));
    assert_eq!(a.session.unkept_text(), Some(huge.as_str()));
    // After downloading it, the user saves without a backup.
    a.send(Event::WriteWithoutBackup);
    a.save();
    assert_eq!(a.session.status(), SaveStatus::Saved);
    assert_ne!(stored(&b).as_deref(), Some(huge.as_str()));
}

#[test]
fn a_new_backup_that_does_not_fit_leaves_the_older_ones() {
    let b = browser();
    for i in 0..BACKUPS_MAX {
        put(&b, &format!("{{not json {i}"));
        let mut a = Tab::open(&b);
        a.save();
    }
    let before = backups_in(&Kv {
        browser: b.clone(),
        tab: 0,
    });
    assert_eq!(before.len(), BACKUPS_MAX);
    let big = format!("{{not json {}", "y".repeat(5_000));
    put(&b, &big);
    let used: usize = b.borrow().map.values().map(|v| v.chars().count()).sum();
    b.borrow_mut().quota = Some(used + 100);
    let mut a = Tab::open(&b);
    a.save();
    assert_eq!(
        backups_in(&Kv {
            browser: b.clone(),
            tab: 0
        }),
        before,
        "the write failed; every older backup is still there"
    );
    assert_eq!(stored(&b).as_deref(), Some(big.as_str()));
}

/// Every plan id in a stored workspace: plans, trash and plans kept aside.
fn stored_ids(raw: &str) -> std::collections::BTreeSet<u64> {
    let v: serde_json::Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(_) => return Default::default(),
    };
    let ws = &v["workspace"];
    let mut ids = std::collections::BTreeSet::new();
    for list in ["plans", "trash"] {
        for p in ws[list].as_array().into_iter().flatten() {
            ids.extend(p["id"].as_u64());
        }
    }
    for k in ws["set_aside"].as_array().into_iter().flatten() {
        ids.extend(k["entry"]["id"].as_u64());
    }
    ids
}

#[derive(Clone, Debug)]
enum TabOp {
    NewPlan(usize),
    Rename(usize, u8),
    Churn(usize, u8),
    Save(usize),
    Hear(usize),
    Resolve(usize, bool),
    /// Another program (a newer build of the same format version) adds a plan this build
    /// cannot read to what is stored, and the tabs are told.
    Foreign,
}

fn tab_op() -> impl proptest::strategy::Strategy<Value = TabOp> {
    use proptest::prelude::*;
    let tab = 0..3usize;
    prop_oneof![
        1 => tab.clone().prop_map(TabOp::NewPlan),
        1 => (tab.clone(), any::<u8>()).prop_map(|(t, n)| TabOp::Rename(t, n)),
        1 => (tab.clone(), 1..50u8).prop_map(|(t, n)| TabOp::Churn(t, n)),
        3 => tab.clone().prop_map(TabOp::Save),
        3 => tab.clone().prop_map(TabOp::Hear),
        1 => (tab, any::<bool>()).prop_map(|(t, m)| TabOp::Resolve(t, m)),
        1 => Just(TabOp::Foreign),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Issue 17: whatever three tabs and another program do (no one deleting a plan), no save
    /// removes a plan that the stored revision before it had.
    #[test]
    fn no_save_drops_a_stored_plan(ops in proptest::collection::vec(tab_op(), 1..40)) {
        let b = browser();
        let mut tabs: Vec<Tab> = (0..3).map(|_| Tab::open(&b)).collect();
        let mut clock = 0.0;
        let mut foreign = 0u32;
        for op in ops {
            let before = stored(&b);
            clock += 5_000.0;
            match op {
                TabOp::NewPlan(t) => tabs[t].send(Event::Edit {
                    action: Action::NewPlan(None),
                    now_ms: clock,
                }),
                TabOp::Rename(t, n) => tabs[t].send(Event::Edit {
                    action: Action::Edit(PlanEdit::Rename(format!("plan {n}"))),
                    now_ms: clock,
                }),
                TabOp::Churn(t, n) => tabs[t].send(Event::Edit {
                    action: Action::Edit(PlanEdit::SetInput(Input::ChurnPct, Decimal::from(n))),
                    now_ms: clock,
                }),
                TabOp::Save(t) => tabs[t].save(),
                TabOp::Hear(t) => tabs[t].hear(),
                TabOp::Resolve(t, mine) => tabs[t].send(Event::ResolveConflict(if mine {
                    Keep::Mine
                } else {
                    Keep::Theirs
                })),
                TabOp::Foreign => {
                    let Some(raw) = before.clone() else { continue };
                    let mut v: serde_json::Value = serde_json::from_str(&raw).expect("json");
                    foreign += 1;
                    let id = 1_000 + u64::from(foreign);
                    let plan = serde_json::json!({
                        "id": id,
                        "plan": { "name": format!("newer {foreign}"), "growth_pct": "3" }
                    });
                    if let Some(list) = v["workspace"]["plans"].as_array_mut() {
                        list.push(plan);
                    }
                    let revision = v["revision"].as_u64().unwrap_or(0) + 1;
                    v["revision"] = revision.into();
                    let text = v.to_string();
                    let mut browser = b.borrow_mut();
                    browser.map.insert(KEY.to_owned(), text.clone());
                    for tab in 0..browser.tabs {
                        browser.events.push((tab, Some(text.clone())));
                    }
                }
            }
            let after = stored(&b);
            if let (Some(before), Some(after)) = (&before, &after) {
                let (was, now) = (stored_ids(before), stored_ids(after));
                let lost: Vec<_> = was.difference(&now).collect();
                proptest::prop_assert!(lost.is_empty(), "plans {lost:?} were dropped\nbefore: {before}\nafter: {after}");
            }
        }
    }
}

/// Deleting a line offers undo as long as undo would bring that line back: any later change
/// takes the offer away (undo would undo the later change instead).
#[test]
fn a_deleted_line_can_be_undone_until_something_else_changes() {
    let b = browser();
    let mut a = Tab::open(&b);
    let line = a.session.own().current().expect("a plan").plan.lines[0].clone();
    let deleted = |t: &Tab| {
        t.session
            .notices()
            .iter()
            .filter_map(|n| match &n.kind {
                NoticeKind::LineDeleted { name } => Some(name.clone()),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    a.edit(PlanEdit::DeleteLine(line.id));
    assert_eq!(deleted(&a), vec![line.name.clone()]);
    // Another deletion: one offer, for the newest.
    let next = a.session.own().current().expect("a plan").plan.lines[0].clone();
    a.edit(PlanEdit::DeleteLine(next.id));
    assert_eq!(deleted(&a), vec![next.name.clone()]);
    a.set_churn(4);
    assert!(deleted(&a).is_empty());
}
