//! JSON files: one plan, or the whole workspace. Versioned envelopes (docs/formats.md, JSON
//! Schemas in docs/schema/), read strictly: unknown fields, wrong types, out-of-range values and
//! more than the limits are refused with messages that name the field. Nothing is applied here.
//!
//! The workspace file is the same envelope the app keeps in localStorage, so one reader (with
//! its migrations) serves both.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{file, Lang, ModelError, Plan};
use crate::state::{validate_workspace, Workspace};

/// The `format` of a workspace (file or stored).
pub const WORKSPACE_FORMAT: &str = "customer-cost-planner/workspace";
/// The newest workspace version this build writes.
pub const WORKSPACE_VERSION: u32 = 1;
/// Largest JSON file read, in bytes.
pub const MAX_BYTES: usize = 32 * 1024 * 1024;

#[derive(Serialize)]
struct WorkspaceOut<'a> {
    format: &'static str,
    version: u32,
    revision: u64,
    workspace: &'a Workspace,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WorkspaceIn {
    #[allow(dead_code)]
    format: String,
    #[allow(dead_code)]
    version: u32,
    #[serde(default)]
    revision: u64,
    workspace: Workspace,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanIn {
    #[allow(dead_code)]
    format: String,
    #[allow(dead_code)]
    version: u32,
    plan: Plan,
}

/// Why a JSON file was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonError {
    TooLarge,
    /// Not JSON at all (with serde's position).
    Syntax(String),
    /// JSON, but not a file of this app.
    WrongFormat,
    /// From a newer version of the app.
    NewerVersion(u64),
    /// A field of the wrong type or shape: the path (`plan.lines[3].amount`) and serde's words.
    Shape {
        path: String,
        detail: String,
    },
    /// Values that break the field rules or limits.
    Invalid(Vec<ModelError>),
}

impl JsonError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (JsonError::TooLarge, _) => lang
                .pick(
                    "文件太大（上限 32 MB）",
                    "The file is too large (32 MB at most)",
                )
                .to_owned(),
            (JsonError::Syntax(e), Lang::Zh) => format!("不是有效的 JSON：{e}"),
            (JsonError::Syntax(e), Lang::En) => format!("Not valid JSON: {e}"),
            (JsonError::WrongFormat, _) => lang
                .pick(
                    "这不是客户管理费规划器导出的文件",
                    "This is not a file exported by Customer Cost Planner",
                )
                .to_owned(),
            (JsonError::NewerVersion(v), Lang::Zh) => {
                format!("文件来自更新版本的应用（格式版本 {v}），请升级后再导入")
            }
            (JsonError::NewerVersion(v), Lang::En) => {
                format!("The file comes from a newer version of the app (format {v}); update the app to import it")
            }
            (JsonError::Shape { path, detail }, Lang::Zh) => format!("字段 {path}：{detail}"),
            (JsonError::Shape { path, detail }, Lang::En) => format!("Field {path}: {detail}"),
            (JsonError::Invalid(errors), _) => errors
                .iter()
                .map(|e| e.message(lang))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

/// What a JSON file held.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Imported {
    Plan(Box<Plan>),
    /// A workspace and the revision it was written at.
    Workspace(Box<Workspace>, u64),
}

/// Upgrades a workspace envelope of an older version to the current one. Each past version gets
/// a step here, tested from a stored sample (tests/fixtures/workspace-v<N>.json); version 1 is
/// the first and current format, so there is no step yet.
fn migrate_workspace(envelope: Value, version: u64) -> Result<Value, JsonError> {
    match version {
        1 => Ok(envelope),
        v if v > u64::from(WORKSPACE_VERSION) => Err(JsonError::NewerVersion(v)),
        _ => Err(JsonError::WrongFormat),
    }
}

fn shaped<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, JsonError> {
    serde_path_to_error::deserialize(value).map_err(|e| JsonError::Shape {
        path: e.path().to_string(),
        detail: e.inner().to_string(),
    })
}

/// Reads a JSON file: a plan file or a workspace. Everything is validated.
///
/// ```
/// use customer_cost_planner::exchange::json::{read, Imported, JsonError};
/// use customer_cost_planner::model::{file, Example, Lang};
/// let text = file::plan_to_json(&Example::Saas.plan(Lang::En));
/// assert!(matches!(read(&text), Ok(Imported::Plan(_))));
/// assert_eq!(read("{}"), Err(JsonError::WrongFormat));
/// ```
pub fn read(text: &str) -> Result<Imported, JsonError> {
    if text.len() > MAX_BYTES {
        return Err(JsonError::TooLarge);
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| JsonError::Syntax(e.to_string()))?;
    let format = value.get("format").and_then(Value::as_str).unwrap_or("");
    let version = match value.get("version") {
        Some(v) => v.as_u64().ok_or(JsonError::Shape {
            path: "version".to_owned(),
            detail: "expected a whole number".to_owned(),
        })?,
        None if format.is_empty() => return Err(JsonError::WrongFormat),
        None => {
            return Err(JsonError::Shape {
                path: "version".to_owned(),
                detail: "missing".to_owned(),
            })
        }
    };
    match format {
        file::PLAN_FORMAT => {
            if version > u64::from(file::PLAN_VERSION) {
                return Err(JsonError::NewerVersion(version));
            }
            let file: PlanIn = shaped(value)?;
            let errors = crate::model::validate(&file.plan);
            if errors.is_empty() {
                Ok(Imported::Plan(Box::new(file.plan)))
            } else {
                Err(JsonError::Invalid(errors))
            }
        }
        WORKSPACE_FORMAT => {
            let value = migrate_workspace(value, version)?;
            let envelope: WorkspaceIn = shaped(value)?;
            let errors = validate_workspace(&envelope.workspace);
            if errors.is_empty() {
                Ok(Imported::Workspace(
                    Box::new(envelope.workspace),
                    envelope.revision,
                ))
            } else {
                Err(JsonError::Invalid(errors))
            }
        }
        _ => Err(JsonError::WrongFormat),
    }
}

/// The workspace as JSON (what is stored, and what "export all" writes).
pub fn workspace_to_json(ws: &Workspace, revision: u64, pretty: bool) -> String {
    let out = WorkspaceOut {
        format: WORKSPACE_FORMAT,
        version: WORKSPACE_VERSION,
        revision,
        workspace: ws,
    };
    let text = if pretty {
        serde_json::to_string_pretty(&out)
    } else {
        serde_json::to_string(&out)
    };
    text.unwrap_or_default()
}

/// The revision of a stored workspace, read without building the workspace (cheap, for the
/// check before every save).
pub fn peek_revision(text: &str) -> Option<u64> {
    #[derive(Deserialize)]
    struct Revision {
        revision: u64,
    }
    serde_json::from_str::<Revision>(text)
        .ok()
        .map(|r| r.revision)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Example;

    fn plan_text() -> String {
        file::plan_to_json(&Example::Starter.plan(Lang::Zh))
    }

    #[test]
    fn every_kind_of_bad_file_is_named() {
        let good = plan_text();
        type Check = fn(&JsonError) -> bool;
        let cases: Vec<(String, Check)> = vec![
            ("not json".into(), |e| matches!(e, JsonError::Syntax(_))),
            ("[]".into(), |e| *e == JsonError::WrongFormat),
            (r#"{"format":"other","version":1}"#.into(), |e| {
                *e == JsonError::WrongFormat
            }),
            (good.replace("\"version\": 1", "\"version\": 7"), |e| {
                *e == JsonError::NewerVersion(7)
            }),
            (
                good.replace("\"version\": 1", "\"version\": \"1\""),
                |e| matches!(e, JsonError::Shape { path, .. } if path == "version"),
            ),
            (
                good.replace("\"churn_pct\"", "\"churn_percent\""),
                |e| matches!(e, JsonError::Shape { path, detail } if path == "plan.churn_percent" && detail.contains("unknown field")),
            ),
            (
                good.replace("\"horizon_months\": 12", "\"horizon_months\": \"twelve\""),
                |e| matches!(e, JsonError::Shape { path, .. } if path == "plan.horizon_months"),
            ),
            (
                good.replacen("\"amount\": \"30000\"", "\"amount\": \"abc\"", 1),
                |e| matches!(e, JsonError::Shape { path, .. } if path == "plan.lines[0].amount"),
            ),
            (
                good.replace("\"churn_pct\": \"5\"", "\"churn_pct\": \"500\""),
                |e| matches!(e, JsonError::Invalid(errors) if errors.len() == 1),
            ),
            (
                good.replacen("\"category\": \"marketing\"", "\"category\": \"sales\"", 1),
                |e| matches!(e, JsonError::Shape { path, .. } if path == "plan.lines[0].category"),
            ),
        ];
        for (text, check) in cases {
            let result = read(&text);
            match &result {
                Err(e) => {
                    assert!(check(e), "{text:.80}: {e:?}");
                    assert!(!e.message(Lang::Zh).is_empty());
                }
                Ok(_) => panic!("accepted: {text:.200}"),
            }
        }
    }

    #[test]
    fn the_message_names_the_field() {
        let text = plan_text().replacen("\"amount\": \"30000\"", "\"amount\": [1]", 1);
        let e = read(&text).expect_err("bad amount");
        assert!(
            e.message(Lang::En)
                .starts_with("Field plan.lines[0].amount: "),
            "{}",
            e.message(Lang::En)
        );
    }

    #[test]
    fn a_workspace_round_trips_and_its_revision_can_be_peeked() {
        let ws = Workspace::first_visit(Lang::En);
        let text = workspace_to_json(&ws, 9, false);
        assert_eq!(read(&text), Ok(Imported::Workspace(Box::new(ws), 9)));
        assert_eq!(peek_revision(&text), Some(9));
        assert_eq!(peek_revision("garbage"), None);
    }

    #[test]
    fn a_stored_version_1_sample_still_reads() {
        let sample = include_str!("../../tests/fixtures/workspace-v1.json");
        match read(sample) {
            Ok(Imported::Workspace(ws, revision)) => {
                assert_eq!(revision, 3);
                assert_eq!(ws.plans.len(), 2);
                assert_eq!(ws.lang, Lang::En);
            }
            other => panic!("{other:?}"),
        }
    }
}
