//! The only file that touches localStorage.
//!
//! The stored value is a versioned envelope around the [`Workspace`] (docs/formats.md). Reading
//! never destroys anything: data that cannot be read is copied to a backup key before the app
//! writes over it, and data from a newer version is left alone (the app then runs without saving).
//! Every save is read back and compared.

use crate::exchange::json::{self, Imported, JsonError};
use crate::model::Lang;
use crate::state::Workspace;

/// The key of the workspace.
pub const KEY: &str = "customer-cost-planner/workspace";
/// Where unreadable data is kept, with a timestamp appended.
pub const BACKUP_PREFIX: &str = "customer-cost-planner/backup/";
/// Set once the user has been reminded to keep a backup file.
pub const REMINDED_KEY: &str = "customer-cost-planner/backup-reminder";

/// What was found in storage.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet: a first visit.
    Nothing,
    /// A workspace and the revision it was saved at.
    Workspace(Box<Workspace>, u64),
    /// Something that cannot be read; `error` says why.
    Unreadable { raw: String, error: String },
    /// Data written by a newer version of the app.
    Newer { raw: String, version: u64 },
}

/// Serialises a workspace for storage.
pub fn encode(ws: &Workspace, revision: u64) -> String {
    json::workspace_to_json(ws, revision, false)
}

/// Reads what storage holds. Never panics; every plan is validated (the same reader, with its
/// migrations, as a workspace file import).
pub fn decode(raw: Option<String>) -> Loaded {
    let Some(raw) = raw else {
        return Loaded::Nothing;
    };
    match json::read(&raw) {
        Ok(Imported::Workspace(ws, revision)) => Loaded::Workspace(ws, revision),
        Ok(Imported::Plan(_)) => Loaded::Unreadable {
            raw,
            error: "a plan file, not a workspace".to_owned(),
        },
        Err(JsonError::NewerVersion(version)) => Loaded::Newer { raw, version },
        Err(e) => Loaded::Unreadable {
            error: e.message(Lang::En),
            raw,
        },
    }
}

/// Why a save did not stick.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage quota is full.
    Quota,
    /// Storage is disabled or forbidden (private mode, a sandboxed iframe).
    Unavailable,
    /// The value read back differs from what was written.
    Mismatch,
    /// The app chose not to write (data from a newer version is stored).
    Blocked,
    Other(String),
}

impl SaveError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SaveError::Quota => lang
                .pick(
                    "浏览器存储空间已满，最近的修改未能保存。数据仍在本页面中，请导出备份。",
                    "Browser storage is full: recent changes were not saved. Your work is still on this page; export a backup.",
                )
                .to_owned(),
            SaveError::Unavailable => lang
                .pick(
                    "此浏览器不允许本页面保存数据（可能是隐私模式或嵌入限制）。修改只保留到关闭页面，请导出备份。",
                    "This browser does not let the page save data (private mode or an embedding restriction). Changes last until the page closes; export a backup.",
                )
                .to_owned(),
            SaveError::Mismatch => lang
                .pick(
                    "保存后读回的数据不一致，最近的修改可能未保存。请导出备份。",
                    "What was saved did not read back the same: recent changes may not be saved. Export a backup.",
                )
                .to_owned(),
            SaveError::Blocked => lang
                .pick(
                    "已保存的数据来自更新版本的应用，为免覆盖，本页面不会保存修改。",
                    "The saved data comes from a newer version of the app; to avoid overwriting it, this page will not save changes.",
                )
                .to_owned(),
            SaveError::Other(e) => match lang {
                Lang::Zh => format!("保存失败：{e}。请导出备份。"),
                Lang::En => format!("Saving failed: {e}. Export a backup."),
            },
        }
    }
}

/// Classifies a DOM exception name from a failed `setItem`.
pub fn classify_error(name: &str, message: &str) -> SaveError {
    match name {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => SaveError::Quota,
        "SecurityError" | "InvalidAccessError" => SaveError::Unavailable,
        _ if message.contains("quota") || message.contains("Quota") => SaveError::Quota,
        _ => SaveError::Other(format!("{name}: {message}")),
    }
}

#[cfg(all(target_arch = "wasm32", feature = "web"))]
mod browser {
    use gloo_storage::{LocalStorage, Storage};
    use wasm_bindgen::JsCast;

    use super::{classify_error, SaveError};

    /// Whether localStorage can be touched at all. Reading `window.localStorage` throws a
    /// `SecurityError` in sandboxed iframes and with storage disabled; gloo-storage's `raw()`
    /// would turn that into a panic, so every access goes through this check first.
    pub fn available() -> bool {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .is_some()
    }

    pub fn read(key: &str) -> Result<Option<String>, SaveError> {
        if !available() {
            return Err(SaveError::Unavailable);
        }
        LocalStorage::raw().get_item(key).map_err(|e| js_error(&e))
    }

    pub fn write(key: &str, value: &str) -> Result<(), SaveError> {
        if !available() {
            return Err(SaveError::Unavailable);
        }
        LocalStorage::raw()
            .set_item(key, value)
            .map_err(|e| js_error(&e))?;
        match LocalStorage::raw().get_item(key) {
            Ok(Some(back)) if back == value => Ok(()),
            Ok(_) => Err(SaveError::Mismatch),
            Err(e) => Err(js_error(&e)),
        }
    }

    pub fn keys_with_prefix(prefix: &str) -> Vec<String> {
        if !available() {
            return Vec::new();
        }
        let storage = LocalStorage::raw();
        let n = storage.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(prefix))
            .collect()
    }

    fn js_error(e: &wasm_bindgen::JsValue) -> SaveError {
        match e.dyn_ref::<web_sys::DomException>() {
            Some(dom) => classify_error(&dom.name(), &dom.message()),
            None => SaveError::Other(format!("{e:?}")),
        }
    }
}

#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
mod browser {
    //! Native builds (tests, `ccp`) and builds without the app have no browser storage.
    use super::SaveError;

    pub fn available() -> bool {
        false
    }
    pub fn read(_key: &str) -> Result<Option<String>, SaveError> {
        Err(SaveError::Unavailable)
    }
    pub fn write(_key: &str, _value: &str) -> Result<(), SaveError> {
        Err(SaveError::Unavailable)
    }
    pub fn keys_with_prefix(_prefix: &str) -> Vec<String> {
        Vec::new()
    }
}

pub use browser::{available, keys_with_prefix};

/// What the app starts with, and whether it may save.
pub struct Startup {
    pub workspace: Workspace,
    pub revision: u64,
    /// A problem to tell the user about.
    pub problem: Option<StartupProblem>,
    /// Whether saving is allowed (false when a newer version's data must not be overwritten).
    pub may_save: bool,
    /// Whether the workspace is new (not what storage holds) and should be saved at once.
    pub fresh: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StartupProblem {
    /// Unreadable data was kept under `backup_key`.
    KeptUnreadable { backup_key: String, error: String },
    /// Unreadable data could not even be backed up; nothing will be saved over it.
    UnreadableNotBackedUp { error: String },
    /// Data from a newer version: left alone.
    Newer { version: u64 },
    /// Storage cannot be used at all.
    Unavailable,
}

impl StartupProblem {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (StartupProblem::KeptUnreadable { .. }, Lang::Zh) => {
                "已保存的数据无法读取。原数据已原样保留为备份（可下载），本页面从示例方案开始。".to_owned()
            }
            (StartupProblem::KeptUnreadable { .. }, Lang::En) => {
                "The saved data could not be read. It has been kept unchanged as a backup (you can download it); the page starts from the example plan.".to_owned()
            }
            (StartupProblem::UnreadableNotBackedUp { .. }, Lang::Zh) => {
                "已保存的数据无法读取，且无法另存备份。为免覆盖，本页面不会保存修改。".to_owned()
            }
            (StartupProblem::UnreadableNotBackedUp { .. }, Lang::En) => {
                "The saved data could not be read or backed up. To avoid overwriting it, this page will not save changes.".to_owned()
            }
            (StartupProblem::Newer { version }, Lang::Zh) => format!(
                "已保存的数据来自更新版本的应用（格式版本 {version}）。为免覆盖，本页面不会保存修改；请使用新版应用打开。"
            ),
            (StartupProblem::Newer { version }, Lang::En) => format!(
                "The saved data comes from a newer version of the app (format {version}). To avoid overwriting it, this page will not save changes; open it with the newer app."
            ),
            (StartupProblem::Unavailable, _) => SaveError::Unavailable.message(lang),
        }
    }
}

/// Reads storage at start-up. `default_lang` is used for a first visit.
pub fn start(default_lang: Lang, now_ms: f64) -> Startup {
    let fresh = |problem, may_save| Startup {
        workspace: Workspace::first_visit(default_lang),
        revision: 0,
        problem,
        may_save,
        fresh: true,
    };
    let raw = match browser::read(KEY) {
        Ok(raw) => raw,
        Err(_) => return fresh(Some(StartupProblem::Unavailable), false),
    };
    match decode(raw) {
        Loaded::Nothing => fresh(None, true),
        Loaded::Workspace(ws, revision) => Startup {
            workspace: *ws,
            revision,
            problem: None,
            may_save: true,
            fresh: false,
        },
        Loaded::Newer { version, .. } => fresh(Some(StartupProblem::Newer { version }), false),
        Loaded::Unreadable { raw, error } => {
            let backup_key = format!("{BACKUP_PREFIX}{}", now_ms as u64);
            match browser::write(&backup_key, &raw) {
                Ok(()) => fresh(
                    Some(StartupProblem::KeptUnreadable { backup_key, error }),
                    true,
                ),
                Err(_) => fresh(Some(StartupProblem::UnreadableNotBackedUp { error }), false),
            }
        }
    }
}

/// What a save did.
#[derive(Clone, Debug, PartialEq)]
pub enum Saved {
    /// Written (and read back) at this revision.
    At(u64),
    /// Another tab saved a newer revision since this one last read or wrote: nothing was
    /// written, so neither tab's work is lost. The caller lets the user choose.
    Conflict {
        theirs: Box<Workspace>,
        revision: u64,
    },
}

/// Saves the workspace unless storage holds a newer revision than `known` (another tab's),
/// reading it back to check.
pub fn save(ws: &Workspace, known: u64) -> Result<Saved, SaveError> {
    let stored = browser::read(KEY)?;
    let stored_revision = stored.as_deref().and_then(json::peek_revision).unwrap_or(0);
    if stored_revision > known {
        match decode(stored) {
            Loaded::Workspace(theirs, revision) => return Ok(Saved::Conflict { theirs, revision }),
            Loaded::Newer { .. } => return Err(SaveError::Blocked),
            // Unreadable data with a revision: keep it before writing over it.
            Loaded::Unreadable { raw, .. } => {
                browser::write(&format!("{BACKUP_PREFIX}{stored_revision}"), &raw)?;
            }
            Loaded::Nothing => {}
        }
    }
    let revision = known.max(stored_revision) + 1;
    browser::write(KEY, &encode(ws, revision))?;
    Ok(Saved::At(revision))
}

/// Saves over whatever is stored (the user chose this tab's version in a conflict).
pub fn save_over(ws: &Workspace, theirs: u64) -> Result<Saved, SaveError> {
    let revision = theirs + 1;
    browser::write(KEY, &encode(ws, revision))?;
    Ok(Saved::At(revision))
}

/// Whether the user has been reminded to keep a backup file; marks it so.
pub fn remind_once() -> bool {
    match browser::read(REMINDED_KEY) {
        Ok(None) => browser::write(REMINDED_KEY, "1").is_ok(),
        _ => false,
    }
}

/// The raw text under `key` (for downloading a backup).
pub fn read_raw(key: &str) -> Option<String> {
    browser::read(key).ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn a_workspace_round_trips() {
        let ws = Workspace::first_visit(Lang::Zh);
        match decode(Some(encode(&ws, 7))) {
            Loaded::Workspace(back, 7) => assert_eq!(*back, ws),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn nothing_stored_is_a_first_visit() {
        assert_eq!(decode(None), Loaded::Nothing);
    }

    #[test]
    fn damaged_data_is_reported_not_replaced() {
        let ws = Workspace::first_visit(Lang::En);
        let good = encode(&ws, 1);
        let cases = [
            "{not json".to_owned(),
            "null".to_owned(),
            "[]".to_owned(),
            r#"{"format":"something else","version":1}"#.to_owned(),
            good.replace(r#""version":1"#, r#""version":"one""#),
            good.replace(
                r#""starting_customers":"1000""#,
                r#""starting_customers":"-5""#,
            ),
            good.replace(r#""lang":"en""#, r#""lang":"fr""#),
            good[..good.len() / 2].to_owned(),
        ];
        for raw in cases {
            match decode(Some(raw.clone())) {
                Loaded::Unreadable { raw: kept, error } => {
                    assert_eq!(kept, raw);
                    assert!(!error.is_empty());
                }
                other => panic!("{raw}: {other:?}"),
            }
        }
    }

    #[test]
    fn newer_versions_are_left_alone() {
        let raw = r#"{"format":"customer-cost-planner/workspace","version":9,"revision":1,"workspace":{}}"#;
        assert_eq!(
            decode(Some(raw.to_owned())),
            Loaded::Newer {
                raw: raw.to_owned(),
                version: 9
            }
        );
    }

    #[test]
    fn quota_errors_are_recognised_in_chromium_and_firefox() {
        assert_eq!(classify_error("QuotaExceededError", ""), SaveError::Quota);
        assert_eq!(
            classify_error("NS_ERROR_DOM_QUOTA_REACHED", ""),
            SaveError::Quota
        );
        assert_eq!(classify_error("SecurityError", ""), SaveError::Unavailable);
        for e in [
            SaveError::Quota,
            SaveError::Unavailable,
            SaveError::Mismatch,
        ] {
            assert_ne!(e.message(Lang::Zh), e.message(Lang::En));
        }
    }
}
