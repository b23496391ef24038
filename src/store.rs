//! The session's interface to where the workspace is kept: the [`Store`] trait, what a save
//! can fail with ([`SaveError`]), kept backups ([`Backup`]) and the content hash that tells
//! whether storage still holds what a tab last saw. Plain data, no browser code: the session
//! (`crate::session`) decides through it, `crate::storage` implements it over localStorage or
//! memory, and screens reach backups only through the session's glue, never storage itself.

/// A stable 64-bit hash of a stored text (FNV-1a), to tell whether storage still holds what this
/// tab last read or wrote.
///
/// ```
/// use customer_cost_planner::store::content_hash;
/// assert_eq!(content_hash(""), 0xcbf2_9ce4_8422_2325);
/// assert_ne!(content_hash("a"), content_hash("b"));
/// ```
pub fn content_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Why a save (or a backup) did not stick.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage quota is full.
    Quota,
    /// Storage is disabled or forbidden (private mode, a sandboxed iframe).
    Unavailable,
    /// The value read back differs from what was written.
    Mismatch,
    /// The stored text to keep as a backup is larger than all backups together may be
    /// (`chars` characters): it is refused rather than evicting every other backup. Nothing
    /// is written over it until the user has downloaded it and chosen to go on.
    BackupTooLarge {
        chars: usize,
    },
    Other(String),
}

/// A kept backup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    pub key: String,
    /// When it was kept (milliseconds since 1970).
    pub saved_ms: u64,
    /// The hash of its text (`None` for backups of earlier versions, named by time only).
    pub hash: Option<u64>,
    /// Its length in characters (UTF-16 units, as storage counts them).
    pub chars: usize,
}

/// Where the session's data lives: localStorage in the browser, memory in an embed, a map in
/// tests (`crate::storage` has the first two). Each call is synchronous.
pub trait Store {
    /// What is stored under the workspace key.
    fn read(&mut self) -> Result<Option<String>, SaveError>;
    /// Writes the workspace and reads it back; an error if it did not stick.
    fn write(&mut self, text: &str) -> Result<(), SaveError>;
    /// Keeps `raw` under a backup key (reusing an existing backup of the same text); the key.
    fn keep_backup(&mut self, raw: &str) -> Result<String, SaveError>;
    /// The backups kept, newest first.
    fn backups(&self) -> Vec<Backup>;
    /// The text of a kept backup.
    fn read_backup(&self, key: &str) -> Option<String>;
    fn delete_backup(&mut self, key: &str) -> Result<(), SaveError>;
}
