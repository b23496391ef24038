//! The only code that touches localStorage: the workspace key and the backups, as a
//! [`crate::store::Store`] over the browser's storage or memory (an embed). What to write and when is decided by `crate::session`; here are only the
//! reads and writes, and the policy that keeps backups bounded.
//!
//! Backups are copies of stored data this version could not read in full, kept before anything
//! is written over it. They are named `customer-cost-planner/backup/<ms>-<hash>`: the same text
//! is never kept twice, and at most [`BACKUPS_MAX`] backups of at most [`BACKUP_CHARS_MAX`]
//! characters in all are kept (the oldest go first, once the new one is written), so backups
//! cannot fill the quota. They are listed under File, can be downloaded, imported again, and
//! deleted.

use crate::store::{content_hash, Store};
pub use crate::store::{Backup, SaveError};

/// The key of the workspace.
pub const KEY: &str = "customer-cost-planner/workspace";
/// Backups are kept under this prefix.
pub const BACKUP_PREFIX: &str = "customer-cost-planner/backup/";
/// The first screen as the app last showed it, painted by boot.js before the app starts on the
/// next visit (`crate::prepaint`). Optional: it gives way whenever the workspace needs room.
pub const SNAPSHOT_KEY: &str = "customer-cost-planner/snapshot";
/// Set once the user has been reminded to keep a backup file.
pub const REMINDED_KEY: &str = "customer-cost-planner/backup-reminder";
/// Most backups kept.
pub const BACKUPS_MAX: usize = 5;
/// Most characters kept in backups, all together (browsers give a site about 5 million).
pub const BACKUP_CHARS_MAX: usize = 2_000_000;

/// Classifies a DOM exception name from a failed `setItem`.
pub fn classify_error(name: &str, message: &str) -> SaveError {
    match name {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => SaveError::Quota,
        "SecurityError" | "InvalidAccessError" => SaveError::Unavailable,
        _ if message.contains("quota") || message.contains("Quota") => SaveError::Quota,
        _ => SaveError::Other(format!("{name}: {message}")),
    }
}

/// The key for a backup of a text with `hash`, kept at `ms`.
pub fn backup_key(ms: u64, hash: u64) -> String {
    format!("{BACKUP_PREFIX}{ms}-{hash:016x}")
}

/// Reads a backup key: its time and, for this version's keys, the text's hash.
pub fn parse_backup_key(key: &str) -> Option<(u64, Option<u64>)> {
    let rest = key.strip_prefix(BACKUP_PREFIX)?;
    match rest.split_once('-') {
        Some((ms, hash)) => Some((ms.parse().ok()?, Some(u64::from_str_radix(hash, 16).ok()?))),
        None => Some((rest.parse().ok()?, None)),
    }
}

/// Which of the other backups to delete, oldest first, so that they and a new one of `chars`
/// fit the bounds (called once the new one is written). A new one over the character budget
/// by itself is refused before this ([`SaveError::BackupTooLarge`]), so it never evicts the
/// others.
///
/// ```
/// use customer_cost_planner::storage::{prune, Backup, BACKUPS_MAX};
/// let old: Vec<Backup> = (0..BACKUPS_MAX as u64)
///     .map(|i| Backup { key: format!("k{i}"), saved_ms: i, hash: None, chars: 10 })
///     .collect();
/// assert_eq!(prune(&old, 10), vec!["k0".to_owned()]);
/// ```
pub fn prune(existing: &[Backup], chars: usize) -> Vec<String> {
    let mut by_age: Vec<&Backup> = existing.iter().collect();
    by_age.sort_by_key(|b| b.saved_ms);
    let mut count = by_age.len() + 1;
    let mut total = by_age.iter().map(|b| b.chars).sum::<usize>() + chars;
    let mut delete = Vec::new();
    for b in by_age {
        if count <= BACKUPS_MAX && total <= BACKUP_CHARS_MAX {
            break;
        }
        delete.push(b.key.clone());
        count -= 1;
        total -= b.chars;
    }
    delete
}

/// A key-value store like localStorage: the browser's ([`Browser`]), or a map in tests.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, SaveError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError>;
    fn remove(&mut self, key: &str) -> Result<(), SaveError>;
    /// Keys starting with `prefix`, with the length of their values in UTF-16 units.
    fn entries(&self, prefix: &str) -> Vec<(String, usize)>;
    fn now_ms(&self) -> u64;
}

/// The backups kept in `kv`, newest first.
pub fn backups_in(kv: &impl KeyValue) -> Vec<Backup> {
    let mut list: Vec<Backup> = kv
        .entries(BACKUP_PREFIX)
        .into_iter()
        .filter_map(|(key, chars)| {
            let (saved_ms, hash) = parse_backup_key(&key)?;
            Some(Backup {
                key,
                saved_ms,
                hash,
                chars,
            })
        })
        .collect();
    list.sort_by_key(|b| std::cmp::Reverse(b.saved_ms));
    list
}

/// The session's [`Store`] over a key-value store: the workspace key, written and read back,
/// and bounded backups.
pub struct WorkspaceStore<K: KeyValue>(pub K);

impl<K: KeyValue> Store for WorkspaceStore<K> {
    fn read(&mut self) -> Result<Option<String>, SaveError> {
        self.0.get(KEY)
    }

    fn write(&mut self, text: &str) -> Result<(), SaveError> {
        match self.0.set(KEY, text) {
            // The snapshot of the first screen is only a nicety: it makes room for the plans.
            Err(SaveError::Quota) if matches!(self.0.get(SNAPSHOT_KEY), Ok(Some(_))) => {
                self.0.remove(SNAPSHOT_KEY)?;
                self.0.set(KEY, text)?;
            }
            result => result?,
        }
        match self.0.get(KEY)? {
            Some(back) if back == text => Ok(()),
            _ => Err(SaveError::Mismatch),
        }
    }

    /// Writes the new backup first and only then prunes the oldest others, so a failed write
    /// (a full quota) leaves every earlier backup in place.
    fn keep_backup(&mut self, raw: &str) -> Result<String, SaveError> {
        let hash = content_hash(raw);
        let existing = backups_in(&self.0);
        if let Some(same) = existing.iter().find(|b| b.hash == Some(hash)) {
            return Ok(same.key.clone());
        }
        let chars = raw.encode_utf16().count();
        if chars > BACKUP_CHARS_MAX {
            return Err(SaveError::BackupTooLarge { chars });
        }
        let key = backup_key(self.0.now_ms(), hash);
        self.0.set(&key, raw)?;
        for old in prune(&existing, chars) {
            // A backup that cannot be removed only stays longer.
            let _kept = self.0.remove(&old);
        }
        Ok(key)
    }

    fn backups(&self) -> Vec<Backup> {
        backups_in(&self.0)
    }

    fn read_backup(&self, key: &str) -> Option<String> {
        if !key.starts_with(BACKUP_PREFIX) {
            return None;
        }
        self.0.get(key).ok().flatten()
    }

    fn delete_backup(&mut self, key: &str) -> Result<(), SaveError> {
        if !key.starts_with(BACKUP_PREFIX) {
            return Ok(());
        }
        self.0.remove(key)
    }
}

/// The browser's localStorage.
pub struct Browser;

/// A key-value store in memory. An embedded planner keeps its plans here (and in its own
/// address), never in storage: browsers partition a third-party frame's storage by the site
/// around it, so what it saved would not be there in the planner's own tab anyway.
#[derive(Clone, Debug, Default)]
pub struct Memory(std::collections::BTreeMap<String, String>);

impl KeyValue for Memory {
    fn get(&self, key: &str) -> Result<Option<String>, SaveError> {
        Ok(self.0.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        self.0.insert(key.to_owned(), value.to_owned());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), SaveError> {
        self.0.remove(key);
        Ok(())
    }
    fn entries(&self, prefix: &str) -> Vec<(String, usize)> {
        self.0
            .range(prefix.to_owned()..)
            .take_while(|(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (k.clone(), v.encode_utf16().count()))
            .collect()
    }
    fn now_ms(&self) -> u64 {
        0
    }
}

/// Where the app keeps its workspace: the browser's storage, or memory inside an embed.
pub enum Place {
    Browser,
    /// Starts with the workspace text given (an embed's prefilled plan), if any.
    Memory(Memory),
}

impl Place {
    pub fn memory(workspace: Option<String>) -> Place {
        let mut m = Memory::default();
        if let Some(text) = workspace {
            m.0.insert(KEY.to_owned(), text);
        }
        Place::Memory(m)
    }

    pub fn is_memory(&self) -> bool {
        matches!(self, Place::Memory(_))
    }
}

impl KeyValue for Place {
    fn get(&self, key: &str) -> Result<Option<String>, SaveError> {
        match self {
            Place::Browser => Browser.get(key),
            Place::Memory(m) => m.get(key),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        match self {
            Place::Browser => Browser.set(key, value),
            Place::Memory(m) => m.set(key, value),
        }
    }
    fn remove(&mut self, key: &str) -> Result<(), SaveError> {
        match self {
            Place::Browser => Browser.remove(key),
            Place::Memory(m) => m.remove(key),
        }
    }
    fn entries(&self, prefix: &str) -> Vec<(String, usize)> {
        match self {
            Place::Browser => Browser.entries(prefix),
            Place::Memory(m) => m.entries(prefix),
        }
    }
    fn now_ms(&self) -> u64 {
        match self {
            Place::Browser => Browser.now_ms(),
            Place::Memory(m) => m.now_ms(),
        }
    }
}

impl<K: KeyValue> KeyValue for &mut K {
    fn get(&self, key: &str) -> Result<Option<String>, SaveError> {
        (**self).get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        (**self).set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), SaveError> {
        (**self).remove(key)
    }
    fn entries(&self, prefix: &str) -> Vec<(String, usize)> {
        (**self).entries(prefix)
    }
    fn now_ms(&self) -> u64 {
        (**self).now_ms()
    }
}

#[cfg(all(target_arch = "wasm32", feature = "web"))]
mod browser {
    use wasm_bindgen::JsCast;

    use super::{classify_error, Browser, KeyValue, SaveError};

    /// localStorage, if it can be touched at all. Reading `window.localStorage` throws a
    /// `SecurityError` in sandboxed iframes and with storage disabled.
    fn storage() -> Result<web_sys::Storage, SaveError> {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .ok_or(SaveError::Unavailable)
    }

    fn js_error(e: &wasm_bindgen::JsValue) -> SaveError {
        match e.dyn_ref::<web_sys::DomException>() {
            Some(dom) => classify_error(&dom.name(), &dom.message()),
            None => SaveError::Other(format!("{e:?}")),
        }
    }

    impl KeyValue for Browser {
        fn get(&self, key: &str) -> Result<Option<String>, SaveError> {
            storage()?.get_item(key).map_err(|e| js_error(&e))
        }

        fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
            storage()?.set_item(key, value).map_err(|e| js_error(&e))
        }

        fn remove(&mut self, key: &str) -> Result<(), SaveError> {
            storage()?.remove_item(key).map_err(|e| js_error(&e))
        }

        fn entries(&self, prefix: &str) -> Vec<(String, usize)> {
            let Ok(s) = storage() else {
                return Vec::new();
            };
            let n = s.length().unwrap_or(0);
            (0..n)
                .filter_map(|i| s.key(i).ok().flatten())
                .filter(|k| k.starts_with(prefix))
                .filter_map(|k| {
                    let value = s.get_item(&k).ok().flatten()?;
                    Some((k, js_sys::JsString::from(value).length() as usize))
                })
                .collect()
        }

        fn now_ms(&self) -> u64 {
            js_sys::Date::now() as u64
        }
    }
}

#[cfg(not(all(target_arch = "wasm32", feature = "web")))]
mod browser {
    //! Native builds (tests, `ccp`) have no browser storage.
    use super::{Browser, KeyValue, SaveError};

    impl KeyValue for Browser {
        fn get(&self, _key: &str) -> Result<Option<String>, SaveError> {
            Err(SaveError::Unavailable)
        }
        fn set(&mut self, _key: &str, _value: &str) -> Result<(), SaveError> {
            Err(SaveError::Unavailable)
        }
        fn remove(&mut self, _key: &str) -> Result<(), SaveError> {
            Err(SaveError::Unavailable)
        }
        fn entries(&self, _prefix: &str) -> Vec<(String, usize)> {
            Vec::new()
        }
        fn now_ms(&self) -> u64 {
            0
        }
    }
}

/// Keeps the first screen's snapshot for the next visit (a failure only means no snapshot).
pub fn keep_snapshot(text: &str) {
    if Browser.set(SNAPSHOT_KEY, text).is_err() {
        let _gone = Browser.remove(SNAPSHOT_KEY);
    }
}

/// Where the header's theme toggle keeps the visitor's choice ("dark" or "light"); boot.js
/// reads it before the first paint.
pub const THEME_KEY: &str = "customer-cost-planner/theme";

/// Remembers the visitor's theme (a failure only means the next visit follows the system).
pub fn remember_theme(theme: &str) {
    let _ = Browser.set(THEME_KEY, theme);
}

/// Whether the user has been reminded to keep a backup file; marks it so.
pub fn remind_once() -> bool {
    match Browser.get(REMINDED_KEY) {
        Ok(None) => Browser.set(REMINDED_KEY, "1").is_ok(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Describe;
    use crate::model::Lang;

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

    #[test]
    fn backup_keys_read_back() {
        let key = backup_key(1_700_000_000_000, 0xdead_beef);
        assert_eq!(
            parse_backup_key(&key),
            Some((1_700_000_000_000, Some(0xdead_beef)))
        );
        // Backups of the earlier version were named by time alone.
        assert_eq!(
            parse_backup_key("customer-cost-planner/backup/1700000000000"),
            Some((1_700_000_000_000, None))
        );
        assert_eq!(parse_backup_key("customer-cost-planner/workspace"), None);
    }

    fn kept(n: u64, chars: usize) -> Vec<Backup> {
        (0..n)
            .map(|i| Backup {
                key: format!("k{i}"),
                saved_ms: 100 - i,
                hash: Some(i),
                chars,
            })
            .collect()
    }

    #[test]
    fn backups_stay_within_their_bounds_oldest_first() {
        // (kept, their size, the new one's size) → keys deleted
        let cases: [(u64, usize, usize, &[&str]); 5] = [
            (0, 0, 10, &[]),
            (4, 10, 10, &[]),
            (5, 10, 10, &["k4"]),
            (3, 900_000, 900_000, &["k2", "k1"]),
            (3, 600_000, BACKUP_CHARS_MAX - 600_000, &["k2", "k1"]),
        ];
        for (n, size, new, expected) in cases {
            assert_eq!(prune(&kept(n, size), new), expected, "{n} × {size} + {new}");
        }
    }
}
