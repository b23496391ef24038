//! Moving plans in and out of the app: files, CSV, share links. Pure code (no browser APIs), so
//! every format is tested natively and fuzzed.

pub mod answers;
pub mod base64url;
pub mod csv;
pub mod encoding;
pub mod json;
pub mod json_path;
pub mod link;
pub mod report;
pub mod salvage;
