//! Share links: the plan (with its scenarios) in the URL fragment, so no server ever sees it.
//!
//! Fragment: `#plan=1.<data>` where `1` is the link format version and `<data>` is the plan
//! file's JSON, raw-deflate compressed, in base64url. Decoding refuses anything damaged or
//! hostile: wrong version, bad encoding, output over 2 MiB (a decompression bomb), bad JSON,
//! values out of range, more than the limits.

use super::base64url;
use super::json::{self, JsonError, ReadPlan};
use crate::model::{ModelError, Plan};

/// The fragment key.
pub const KEY: &str = "plan=";
/// The link format version.
pub const VERSION: &str = "1";
/// Links up to this many characters travel well (chat apps, e-mail).
pub const COMFORTABLE_CHARS: usize = 2_000;
/// Longer links are refused: export a file instead.
pub const MAX_CHARS: usize = 8_000;
/// Largest fragment read (characters); anything longer is refused before decoding.
const MAX_FRAGMENT: usize = 100_000;
/// Largest decompressed plan read (bytes).
pub const MAX_INFLATED: usize = 2 * 1024 * 1024;

/// Why a link could not be made or read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// The plan is too large for a link (the fragment would have this many characters).
    TooLong(usize),
    /// The fragment is not a plan link at all.
    NotALink,
    /// A link format this app does not know (probably from a newer version).
    UnknownVersion(String),
    /// The text is not valid base64url (a truncated or altered link).
    BadEncoding,
    /// The data does not decompress (truncated or altered), or is far too large.
    BadCompression,
    /// The decompressed text is not a plan file.
    BadPlan(JsonError),
    /// The plan breaks a field rule or a limit.
    Invalid(Vec<ModelError>),
}

/// The bytes a link carries, before compression: the plan file's compact JSON.
pub fn plan_bytes(plan: &Plan) -> Vec<u8> {
    json::plan_to_compact_json(plan).into_bytes()
}

/// The fragment that carries `packed` (the raw-deflate compression of [`plan_bytes`]).
pub fn fragment_from_packed(packed: &[u8]) -> Result<String, LinkError> {
    let fragment = format!("{KEY}{VERSION}.{}", base64url::encode(packed));
    if fragment.len() > MAX_CHARS {
        return Err(LinkError::TooLong(fragment.len()));
    }
    Ok(fragment)
}

/// The compressed bytes in a fragment (with or without the leading `#`), once its key, version
/// and encoding are checked.
pub fn packed_from_fragment(fragment: &str) -> Result<Vec<u8>, LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT {
        return Err(LinkError::BadCompression);
    }
    let rest = fragment.strip_prefix(KEY).ok_or(LinkError::NotALink)?;
    let (version, data) = rest
        .split_once('.')
        .ok_or_else(|| LinkError::UnknownVersion(rest.chars().take(8).collect()))?;
    if version != VERSION {
        return Err(LinkError::UnknownVersion(version.chars().take(8).collect()));
    }
    base64url::decode(data).ok_or(LinkError::BadEncoding)
}

/// Reads the plan from the decompressed bytes (`None`: they did not decompress, or came to more
/// than [`MAX_INFLATED`]), through the one plan reader, with the repairs it needed.
pub fn read_inflated(inflated: Option<Vec<u8>>) -> Result<ReadPlan, LinkError> {
    let inflated = inflated.ok_or(LinkError::BadCompression)?;
    let text = String::from_utf8(inflated).map_err(|_| LinkError::BadEncoding)?;
    json::read_plan(&text).map_err(|e| match e {
        JsonError::Invalid(errors) => LinkError::Invalid(errors),
        other => LinkError::BadPlan(other),
    })
}

// Natively (`ccp`, tests) the compression is miniz_oxide's; the browser uses its own
// CompressionStream("deflate-raw") instead of shipping a compressor in the wasm
// (`crate::deflate`).

/// The fragment (without `#`) that carries `plan`.
///
/// ```
/// use customer_cost_planner::exchange::link;
/// use customer_cost_planner::model::{Example, Lang};
/// let plan = Example::Starter.plan(Lang::Zh);
/// let fragment = link::encode(&plan).unwrap();
/// assert!(fragment.starts_with("plan=1."));
/// assert_eq!(link::decode(&fragment).map(|read| read.plan), Ok(plan));
/// ```
#[cfg(not(target_arch = "wasm32"))]
pub fn encode(plan: &Plan) -> Result<String, LinkError> {
    fragment_from_packed(&miniz_oxide::deflate::compress_to_vec(
        &plan_bytes(plan),
        10,
    ))
}

/// Reads the plan from a fragment (with or without the leading `#`), through the one plan
/// reader, with the repairs it needed.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode(fragment: &str) -> Result<ReadPlan, LinkError> {
    let packed = packed_from_fragment(fragment)?;
    read_inflated(miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_INFLATED).ok())
}

/// Whether a fragment is meant to be a plan link (so a damaged one is reported, not ignored).
pub fn is_link(fragment: &str) -> bool {
    fragment
        .strip_prefix('#')
        .unwrap_or(fragment)
        .starts_with(KEY)
}

// Natively only: the compression here is miniz_oxide's (the browser's is tested in e2e).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::{Example, Lang};

    #[test]
    fn typical_plans_fit_in_2000_characters() {
        for example in Example::ALL {
            for lang in Lang::ALL {
                let plan = example.plan(lang);
                let fragment = encode(&plan).expect("fits");
                // A typical host adds ~50 characters before the fragment.
                assert!(
                    fragment.len() + 50 < COMFORTABLE_CHARS,
                    "{example:?} {lang:?}: {} characters",
                    fragment.len()
                );
                assert_eq!(decode(&fragment).map(|r| r.plan), Ok(plan));
            }
        }
    }

    #[test]
    fn damaged_links_say_what_is_wrong() {
        let good = encode(&Example::Ecommerce.plan(Lang::Zh)).expect("fits");
        let cases = [
            ("", LinkError::NotALink),
            ("tab=charts", LinkError::NotALink),
            ("plan=", LinkError::UnknownVersion(String::new())),
            ("plan=9.abc", LinkError::UnknownVersion("9".into())),
            ("plan=1.@@@", LinkError::BadEncoding),
            ("plan=1.a", LinkError::BadEncoding),
        ];
        for (fragment, expected) in cases {
            assert_eq!(decode(fragment), Err(expected), "{fragment}");
        }
        // Truncated: bad compression (or, rarely, bad encoding).
        let truncated = &good[..good.len() * 2 / 3];
        assert!(matches!(
            decode(truncated),
            Err(LinkError::BadCompression | LinkError::BadEncoding)
        ));
        // Altered in the middle.
        let mut altered = good.clone().into_bytes();
        let mid = altered.len() / 2;
        altered[mid] = if altered[mid] == b'A' { b'B' } else { b'A' };
        let altered = String::from_utf8(altered).expect("ascii");
        assert!(decode(&altered).is_err());
    }

    #[test]
    fn a_decompression_bomb_is_refused() {
        // 64 MiB of spaces compress to a few kilobytes.
        let bomb = vec![b' '; 64 * 1024 * 1024];
        let packed = miniz_oxide::deflate::compress_to_vec(&bomb, 10);
        let fragment = format!("plan=1.{}", base64url::encode(&packed));
        assert!(fragment.len() < MAX_FRAGMENT, "{}", fragment.len());
        assert_eq!(decode(&fragment), Err(LinkError::BadCompression));
    }

    #[test]
    fn hostile_values_are_refused() {
        let mut plan = Example::Starter.plan(Lang::En);
        plan.churn_pct = 500.into();
        let text = json::plan_to_compact_json(&plan);
        let packed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 10);
        let fragment = format!("plan=1.{}", base64url::encode(&packed));
        assert!(matches!(decode(&fragment), Err(LinkError::Invalid(_))));
        let not_a_plan = base64url::encode(&miniz_oxide::deflate::compress_to_vec(b"[1,2,3]", 6));
        assert!(matches!(
            decode(&format!("plan=1.{not_a_plan}")),
            Err(LinkError::BadPlan(_))
        ));
    }

    #[test]
    fn a_huge_plan_is_too_long_for_a_link() {
        let mut plan = Example::Starter.plan(Lang::En);
        let line = plan.lines[0].clone();
        plan.lines = (1..=2000)
            .map(|i| crate::model::BudgetLine {
                id: crate::model::LineId(i),
                name: format!("Line {i} {}", i * 7919 % 10007),
                amount: (i * 13).into(),
                ..line.clone()
            })
            .collect();
        assert!(matches!(encode(&plan), Err(LinkError::TooLong(_))));
    }
}
