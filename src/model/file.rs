//! The plan file: a versioned JSON envelope around one [`Plan`] (docs/formats.md).
//!
//! Amounts are decimal strings, so writing a plan and reading it back gives the identical plan.

use serde::{Deserialize, Serialize};

use super::error::ModelError;
use super::lang::Lang;
use super::plan::Plan;
use super::validate::validate;

/// The `format` value of a plan file.
pub const PLAN_FORMAT: &str = "customer-cost-planner/plan";
/// The newest plan file version this build writes and reads.
pub const PLAN_VERSION: u32 = 1;

#[derive(Serialize)]
struct PlanFileOut<'a> {
    format: &'static str,
    version: u32,
    plan: &'a Plan,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanFileIn {
    format: String,
    version: u32,
    plan: Plan,
}

/// Why a plan file was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Not JSON, or not the shape of a plan file; serde's message names the field and position.
    Json(String),
    /// A JSON document of some other kind.
    WrongFormat,
    /// Written by a newer version of the app.
    NewerVersion(u32),
    /// The plan's values break the field rules or the limits.
    Invalid(Vec<ModelError>),
}

impl FileError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (FileError::Json(e), Lang::Zh) => format!("文件无法读取：{e}"),
            (FileError::Json(e), Lang::En) => format!("The file cannot be read: {e}"),
            (FileError::WrongFormat, _) => lang
                .pick(
                    "这不是客户管理费规划器的方案文件",
                    "This is not a Customer Cost Planner plan file",
                )
                .to_owned(),
            (FileError::NewerVersion(v), Lang::Zh) => {
                format!("文件来自更新版本（格式版本 {v}），请升级本应用后再打开")
            }
            (FileError::NewerVersion(v), Lang::En) => {
                format!(
                    "The file comes from a newer version (format {v}); update the app to open it"
                )
            }
            (FileError::Invalid(errors), _) => errors
                .iter()
                .map(|e| e.message(lang))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

/// The plan as a pretty-printed plan file.
///
/// ```
/// use customer_cost_planner::model::{file, Example, Lang};
/// let plan = Example::Starter.plan(Lang::Zh);
/// let text = file::plan_to_json(&plan);
/// assert_eq!(file::plan_from_json(&text), Ok(plan));
/// ```
pub fn plan_to_json(plan: &Plan) -> String {
    serde_json::to_string_pretty(&PlanFileOut {
        format: PLAN_FORMAT,
        version: PLAN_VERSION,
        plan,
    })
    .unwrap_or_default()
}

/// The plan file without whitespace (for share links).
pub fn plan_to_compact_json(plan: &Plan) -> String {
    serde_json::to_string(&PlanFileOut {
        format: PLAN_FORMAT,
        version: PLAN_VERSION,
        plan,
    })
    .unwrap_or_default()
}

/// Reads and validates a plan file.
pub fn plan_from_json(text: &str) -> Result<Plan, FileError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| FileError::Json(e.to_string()))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(PLAN_FORMAT) {
        return Err(FileError::WrongFormat);
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v > u64::from(PLAN_VERSION) => {
            return Err(FileError::NewerVersion(
                u32::try_from(v).unwrap_or(u32::MAX),
            ))
        }
        _ => {}
    }
    let file: PlanFileIn =
        serde_json::from_value(value).map_err(|e| FileError::Json(e.to_string()))?;
    debug_assert_eq!(file.format, PLAN_FORMAT);
    let _ = file.version;
    let errors = validate(&file.plan);
    if errors.is_empty() {
        Ok(file.plan)
    } else {
        Err(FileError::Invalid(errors))
    }
}
