//! JSON files: one plan, or the whole workspace. Versioned envelopes (docs/formats.md, JSON
//! Schemas in docs/schema/). **The one reader** of plan data: localStorage, imported files,
//! share links (through [`read_plan`]) and the `ccp` command all come through here, so they
//! agree on every rule: a byte-order mark is skipped, the size is checked before parsing, an
//! error names the field's path (`workspace.plans[2].plan.lines[3].amount`), and long values
//! are shortened in messages.
//!
//! A plan is read strictly (unknown fields, wrong types and out-of-range values are refused),
//! then given the obvious repairs of [`super::salvage`]. A workspace is read plan by plan: a
//! plan that cannot be read or repaired is set aside (listed, with its text, for the user)
//! while the others load. Nothing is applied here.

use std::collections::BTreeMap;
use std::collections::HashSet;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::salvage::{repair_plan, PlanRepairs};
use crate::i18n;
use crate::model::plan::fresh_ids;
use crate::model::{validate, Lang, ModelError, Plan};
use crate::state::{KeptPlan, PlanEntry, PlanId, Workspace, PLANS_LIMIT, TRASH_LIMIT};

/// The `format` of a workspace (file or stored).
pub const WORKSPACE_FORMAT: &str = "customer-cost-planner/workspace";
/// The newest workspace version this build writes (the history is in docs/formats.md,
/// "Versions"). Every addition to the workspace or plan format bumps it, with a step in
/// [`upgrade`] and a stored sample of the older version (`tests/fixtures/workspace-v<N>.json`);
/// `tests/format_version.rs` fails when the written fields change and the version does not.
pub const WORKSPACE_VERSION: u32 = 3;
/// The `format` of a plan file.
pub const PLAN_FORMAT: &str = "customer-cost-planner/plan";
/// The newest plan file version this build writes and reads (moves with the workspace's).
pub const PLAN_VERSION: u32 = 3;
/// Largest JSON text read, in bytes, checked before parsing. A browser's localStorage holds
/// about 5.24 million UTF-16 units for a site, at most 3 bytes each in UTF-8 (Chinese text):
/// anything the app could have stored or exported reads back, and a hostile file cannot take
/// more than a small multiple of this in heap (the text is never parsed into a tree).
pub const MAX_BYTES: usize = 16 * 1024 * 1024;
/// Longest quoted value in an error message, in characters.
const MESSAGE_VALUE_CHARS: usize = 40;

#[derive(Serialize)]
struct WorkspaceOut<'a> {
    format: &'static str,
    version: u32,
    revision: u64,
    workspace: &'a Workspace,
}

#[derive(Serialize)]
struct PlanOut<'a> {
    format: &'static str,
    version: u32,
    plan: &'a Plan,
}

/// Why a JSON text was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonError {
    TooLarge,
    /// Not JSON at all (with serde's position).
    Syntax(String),
    /// JSON, but not a file of this app.
    WrongFormat,
    /// From a newer version of the app.
    NewerVersion(u64),
    /// A field of the wrong type or shape: the path (`plan.lines[3].amount`) and serde's words,
    /// with long values shortened.
    Shape {
        path: String,
        detail: String,
    },
    /// Values that break the field rules or limits.
    Invalid(Vec<ModelError>),
    /// A workspace file where a plan file was expected (or the other way round).
    NotAPlan,
}

/// What was repaired while reading, for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Repair {
    /// Plan `plan` needed the repairs listed.
    Plan { plan: String, repairs: PlanRepairs },
    /// Plans that shared an id got fresh ones.
    PlanIdsRenumbered { count: usize },
    /// The open plan did not exist (or was set aside); the first plan is open instead.
    SelectionReset,
    /// The language was not one the app knows; it is back to the default.
    LangReset,
    /// No plan could be read; a blank plan was added so the page has one to show.
    BlankPlanAdded,
    /// A plan kept aside before reads now and is back among the plans (or the trash).
    Restored { plan: String },
}

/// A plan of a workspace that could not be read or repaired, kept aside whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// Its name, when that much could be read.
    pub name: Option<String>,
    /// Whether it was in the trash (recently deleted).
    pub deleted: bool,
    /// Its JSON text exactly as found.
    pub raw: String,
    pub error: JsonError,
}

impl SetAside {
    /// The set-aside plan as a file to download and mend: the plan file envelope around the
    /// text as found (the entry's `plan` when there is one).
    pub fn file_text(&self) -> String {
        #[derive(Deserialize)]
        struct Entry<'a> {
            #[serde(borrow)]
            plan: &'a RawValue,
        }
        let plan = serde_json::from_str::<Entry>(&self.raw)
            .map(|e| e.plan.get().to_owned())
            .unwrap_or_else(|_| self.raw.clone());
        format!("{{\"format\":\"{PLAN_FORMAT}\",\"version\":{PLAN_VERSION},\"plan\":{plan}}}")
    }
}

/// A plan kept aside, as the page lists it: its name when that much reads, and why it does not
/// read (the kept text is read again: a kept plan is never trusted as data).
pub fn kept_details(kept: &KeptPlan) -> SetAside {
    let error = match RawValue::from_string(kept.raw.clone()) {
        Ok(raw) => match entry_from_raw(&raw, "entry") {
            // It reads now (the next load restores it); say what it is.
            Ok(_) => JsonError::Invalid(Vec::new()),
            Err(e) => e,
        },
        Err(e) => JsonError::Syntax(shorten_message(&e.to_string())),
    };
    let name = RawValue::from_string(kept.raw.clone())
        .ok()
        .and_then(|raw| name_of(&raw));
    SetAside {
        name,
        deleted: kept.deleted,
        raw: kept.raw.clone(),
        error,
    }
}

/// A plan kept aside, made readable by leaving out what this version does not know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repaired {
    pub plan: Plan,
    /// The paths of the fields left out (`plan.lines[2].cost_centre`).
    pub dropped: Vec<String>,
}

/// Most unknown fields one repair leaves out.
const REPAIR_FIELDS_MAX: usize = 1_000;

/// Repairs a plan kept aside when the only thing in the way is fields this version does not
/// know (typically written by a newer version): they are left out, each named, and the rest
/// must read and pass every rule as it is. Anything else (a value out of range, a wrong type)
/// is not guessed at: the error says what, and the plan stays kept for download.
///
/// ```
/// use customer_cost_planner::exchange::json::repair_kept;
/// use customer_cost_planner::model::{Example, Lang};
/// use customer_cost_planner::state::KeptPlan;
/// let plan = Example::Starter.plan(Lang::En);
/// let mut entry = serde_json::json!({ "id": 4, "plan": serde_json::to_value(&plan).unwrap() });
/// entry["plan"]["colour"] = "red".into();
/// let r = repair_kept(&KeptPlan { raw: entry.to_string(), deleted: false }).unwrap();
/// assert_eq!((r.plan, r.dropped), (plan, vec!["entry.plan.colour".to_owned()]));
/// ```
pub fn repair_kept(kept: &KeptPlan) -> Result<Repaired, JsonError> {
    let mut value: serde_json::Value = serde_json::from_str(&kept.raw)
        .map_err(|e| JsonError::Syntax(shorten_message(&e.to_string())))?;
    let mut dropped = Vec::new();
    loop {
        let text = value.to_string();
        let raw = RawValue::from_string(text).map_err(|e| JsonError::Syntax(e.to_string()))?;
        match entry_from_raw(&raw, "entry") {
            Ok((entry, _)) => {
                return Ok(Repaired {
                    plan: Arc::unwrap_or_clone(entry.plan),
                    dropped,
                })
            }
            Err(JsonError::Shape { path, detail })
                if detail.starts_with("unknown field") && dropped.len() < REPAIR_FIELDS_MAX =>
            {
                if !remove_at(&mut value, &path) {
                    return Err(JsonError::Shape { path, detail });
                }
                dropped.push(path);
            }
            Err(e) => return Err(e),
        }
    }
}

/// Removes the member at `path` (`entry.plan.lines[2].cost_centre`) from `value`; whether it
/// was there.
fn remove_at(value: &mut serde_json::Value, path: &str) -> bool {
    let Some(rest) = path.strip_prefix("entry") else {
        return false;
    };
    let mut steps = Vec::new();
    for part in rest.split('.').filter(|p| !p.is_empty()) {
        let (key, indices) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            steps.push(Err(key.to_owned()));
        }
        for index in indices.split('[').filter(|x| !x.is_empty()) {
            match index.trim_end_matches(']').parse::<usize>() {
                Ok(i) => steps.push(Ok(i)),
                Err(_) => return false,
            }
        }
    }
    let Some(Err(last)) = steps.pop() else {
        return false;
    };
    let mut at = value;
    for step in steps {
        at = match (step, at) {
            (Ok(i), serde_json::Value::Array(a)) => match a.get_mut(i) {
                Some(v) => v,
                None => return false,
            },
            (Err(k), serde_json::Value::Object(o)) => match o.get_mut(&k) {
                Some(v) => v,
                None => return false,
            },
            _ => return false,
        };
    }
    at.as_object_mut()
        .is_some_and(|o| o.remove(&last).is_some())
}

/// A workspace as read: what loads, what was repaired, what was set aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Salvaged {
    /// What loads; its `set_aside` holds every plan kept aside, the ones set aside by this
    /// read and the ones that were kept aside before and still cannot be read.
    pub workspace: Workspace,
    /// The revision it was saved at; `None` when it has none that can be read.
    pub revision: Option<u64>,
    pub repairs: Vec<Repair>,
    /// The plans this read set aside (they are also kept in `workspace.set_aside`).
    pub set_aside: Vec<SetAside>,
    /// The older format version it was upgraded from, if it was.
    pub migrated_from: Option<u32>,
}

impl Salvaged {
    /// Whether it loaded exactly as stored (plans kept aside before and still kept aside are
    /// part of what is stored; an older version that upgrades without a change is clean: it
    /// is written in the new version with the next edit, after a backup of the old text).
    pub fn is_clean(&self) -> bool {
        self.repairs.is_empty() && self.set_aside.is_empty()
    }
}

/// A plan as read, with the repairs it needed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadPlan {
    pub plan: Plan,
    pub repairs: PlanRepairs,
    /// The older format version it was upgraded from, if it was.
    pub migrated_from: Option<u32>,
}

/// What a JSON text held.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Imported {
    Plan(Box<ReadPlan>),
    Workspace(Box<Salvaged>),
}

/// Shortens every long quoted or unbroken value in a serde message, so a 5,000-digit number
/// makes a short message.
fn shorten_message(detail: &str) -> String {
    let mut out = String::with_capacity(detail.len().min(400));
    for (i, word) in detail.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.chars().count() > MESSAGE_VALUE_CHARS {
            out.extend(word.chars().take(MESSAGE_VALUE_CHARS));
            out.push('…');
        } else {
            out.push_str(word);
        }
    }
    out
}

fn join_path(prefix: &str, inner: &str) -> String {
    match (prefix.is_empty(), inner == "." || inner.is_empty()) {
        (true, _) => inner.to_owned(),
        (false, true) => prefix.to_owned(),
        (false, false) if inner.starts_with('[') => format!("{prefix}{inner}"),
        (false, false) => format!("{prefix}.{inner}"),
    }
}

/// Reads a `T` from a JSON text, naming the path of any field that does not fit: serde_json
/// says where (line and column), [`super::json_path`] says which field that is.
fn shaped<T: DeserializeOwned>(text: &str, prefix: &str) -> Result<T, JsonError> {
    serde_json::from_str(text).map_err(|e| {
        let at = super::json_path::offset_of(text, e.line(), e.column());
        let message = e.to_string();
        // serde_json appends " at line L column C"; the path says it better.
        let detail = message
            .rfind(" at line ")
            .map_or(message.as_str(), |i| &message[..i]);
        let mut path = super::json_path::path_at(text, at);
        // An unknown field of a lever is found only once the lever's object has been read
        // (its month sits beside its fields): the error then points at the lever, so name the
        // field in the path, as for any other object.
        if let Some(name) = unknown_field(detail) {
            if !path.ends_with(&format!(".{name}")) && path != name {
                path = join_path(&path, name);
            }
        }
        JsonError::Shape {
            path: join_path(prefix, &path),
            detail: shorten_message(detail),
        }
    })
}

/// The field serde names in an "unknown field `x`, expected …" message.
fn unknown_field(detail: &str) -> Option<&str> {
    let rest = detail.strip_prefix("unknown field `")?;
    rest.split('`').next()
}

/// The members of a JSON object, without reading their values.
fn members<'a>(text: &'a str, path: &str) -> Result<BTreeMap<String, &'a RawValue>, JsonError> {
    serde_json::from_str(text).map_err(|e| JsonError::Shape {
        path: path.to_owned(),
        detail: shorten_message(&e.to_string()),
    })
}

/// Refuses members other than `allowed` (a typo is an error, not silently lost data).
fn only(map: &BTreeMap<String, &RawValue>, allowed: &[&str], path: &str) -> Result<(), JsonError> {
    match map.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(k) => Err(JsonError::Shape {
            path: join_path(path, &shorten_message(k)),
            detail: format!("unknown field `{}`", shorten_message(k)),
        }),
        None => Ok(()),
    }
}

fn missing(path: &str) -> JsonError {
    JsonError::Shape {
        path: path.to_owned(),
        detail: "missing field".to_owned(),
    }
}

/// Reads a plan (strictly), repairs what is obvious, and checks every rule.
fn plan_from_raw(raw: &RawValue, path: &str) -> Result<ReadPlan, JsonError> {
    let mut plan: Plan = shaped(raw.get(), path)?;
    let repairs = repair_plan(&mut plan);
    let errors = validate(&plan);
    if errors.is_empty() {
        Ok(ReadPlan {
            plan,
            repairs,
            migrated_from: None,
        })
    } else {
        Err(JsonError::Invalid(errors))
    }
}

/// The checks every text goes through before it is parsed.
fn prepare(text: &str) -> Result<&str, JsonError> {
    if text.len() > MAX_BYTES {
        return Err(JsonError::TooLarge);
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    // Not an object at all: not a file of this app (or not JSON).
    if !text.trim_start().starts_with('{') {
        return match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Ok(_) => Err(JsonError::WrongFormat),
            Err(e) => Err(JsonError::Syntax(shorten_message(&e.to_string()))),
        };
    }
    Ok(text)
}

/// Reads a JSON text: a plan file or a workspace (file or stored). Never panics.
///
/// ```
/// use customer_cost_planner::exchange::json::{plan_to_json, read, Imported, JsonError};
/// use customer_cost_planner::model::{Example, Lang};
/// let text = plan_to_json(&Example::Saas.plan(Lang::En));
/// assert!(matches!(read(&text), Ok(Imported::Plan(_))));
/// assert_eq!(read("{}"), Err(JsonError::WrongFormat));
/// ```
pub fn read(text: &str) -> Result<Imported, JsonError> {
    let text = prepare(text)?;
    let top = members(text, "").map_err(|e| match e {
        JsonError::Shape { detail, .. } => JsonError::Syntax(detail),
        other => other,
    })?;
    let format = match top.get("format") {
        Some(raw) => serde_json::from_str::<String>(raw.get()).unwrap_or_default(),
        None => String::new(),
    };
    let version = match top.get("version") {
        Some(raw) => serde_json::from_str::<u64>(raw.get()).map_err(|_| JsonError::Shape {
            path: "version".to_owned(),
            detail: "expected a whole number".to_owned(),
        })?,
        None if format.is_empty() => return Err(JsonError::WrongFormat),
        None => return Err(missing("version")),
    };
    match format.as_str() {
        PLAN_FORMAT => {
            let version = upgrade(version, PLAN_VERSION)?;
            only(&top, &["format", "version", "plan"], "")?;
            let raw = top.get("plan").ok_or_else(|| missing("plan"))?;
            let mut read = plan_from_raw(raw, "plan")?;
            read.migrated_from = version.migrated_from();
            Ok(Imported::Plan(Box::new(read)))
        }
        WORKSPACE_FORMAT => {
            let version = upgrade(version, WORKSPACE_VERSION)?;
            only(&top, &["format", "version", "revision", "workspace"], "")?;
            let revision = match top.get("revision") {
                None => Some(0),
                Some(raw) => serde_json::from_str::<u64>(raw.get()).ok(),
            };
            let raw = top.get("workspace").ok_or_else(|| missing("workspace"))?;
            let mut salvaged = salvage_workspace(raw.get(), revision, version)?;
            salvaged.migrated_from = version.migrated_from();
            Ok(Imported::Workspace(Box::new(salvaged)))
        }
        _ => Err(JsonError::WrongFormat),
    }
}

/// The format version a text was written in, once it is known to be one this build reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Version(u32);

impl Version {
    /// The older version the text was upgraded from, if it was.
    fn migrated_from(self) -> Option<u32> {
        (self.0 < WORKSPACE_VERSION).then_some(self.0)
    }

    /// Whether the text may hold what `since` added.
    fn has(self, since: u32) -> bool {
        self.0 >= since
    }
}

/// What each version added, and how an older text is read (docs/formats.md, "Versions"):
///
/// | version | added | upgrade from the version before |
/// |---|---|---|
/// | 1 | the first format | — |
/// | 2 | the plan's `ranges` and the `set` lever (builds of December 2026 already wrote both under version 1), a workspace's `set_aside` (plans kept verbatim because they could not be read), at most 100 ranges a plan | none needed: a version 1 text reads as version 2; its `ranges` and `set` levers are read as written |
/// | 3 | time in the plan: a plan's `new_customers_growth_pct`, `seasonality_pct` and `first_calendar_month`, a line's `from_month` and `to_month`, a lever's `from_month`, the `seasonality` lever, the driver `seasonality` and the input `new_customers_growth_pct` | none needed: every new field is optional and its absence means what a version 2 plan meant (no growth, no seasonality, every line and lever for the whole plan) |
///
/// A version above `newest` is refused with [`JsonError::NewerVersion`], so that its data is
/// kept verbatim (the caller never writes over it); version 0 and below are not this app's.
fn upgrade(version: u64, newest: u32) -> Result<Version, JsonError> {
    match version {
        0 => Err(JsonError::WrongFormat),
        v if v > u64::from(newest) => Err(JsonError::NewerVersion(v)),
        // 1 → 2 → 3: nothing to rewrite (see the table above). A later step that must rewrite
        // the text does it here, one version at a time, each tested against its sample.
        v => Ok(Version(u32::try_from(v).unwrap_or(newest))),
    }
}

/// Reads a plan file (what share links and `ccp` carry), with its repairs.
pub fn read_plan(text: &str) -> Result<ReadPlan, JsonError> {
    match read(text)? {
        Imported::Plan(p) => Ok(*p),
        Imported::Workspace(_) => Err(JsonError::NotAPlan),
    }
}

/// Reads one entry of a workspace's plan list.
fn entry_from_raw(raw: &RawValue, path: &str) -> Result<(PlanEntry, PlanRepairs), JsonError> {
    let map = members(raw.get(), path)?;
    only(&map, &["id", "example", "plan"], path)?;
    let id: PlanId = match map.get("id") {
        Some(v) => shaped(v.get(), &join_path(path, "id"))?,
        None => return Err(missing(&join_path(path, "id"))),
    };
    let example: Option<String> = match map.get("example") {
        Some(v) => shaped(v.get(), &join_path(path, "example"))?,
        None => None,
    };
    let plan_raw = map
        .get("plan")
        .ok_or_else(|| missing(&join_path(path, "plan")))?;
    let read = plan_from_raw(plan_raw, &join_path(path, "plan"))?;
    Ok((
        PlanEntry {
            id,
            example,
            plan: Arc::new(read.plan),
        },
        read.repairs,
    ))
}

/// The name of a plan entry that could not be read, if its name at least can be.
fn name_of(raw: &RawValue) -> Option<String> {
    #[derive(Deserialize)]
    struct Named {
        name: String,
    }
    #[derive(Deserialize)]
    struct Entry {
        plan: Named,
    }
    serde_json::from_str::<Entry>(raw.get()).ok().map(|e| {
        e.plan
            .name
            .chars()
            .take(crate::model::limits::NAME_CHARS)
            .collect()
    })
}

/// Reads a workspace object plan by plan: every plan that reads (after obvious repairs)
/// loads; the others are set aside. Only a workspace whose own shape is broken (no plan list
/// at all, an unknown member) is refused as a whole.
fn salvage_workspace<'a>(
    text: &'a str,
    revision: Option<u64>,
    version: Version,
) -> Result<Salvaged, JsonError> {
    let map = members(text, "workspace")?;
    let allowed: &[&str] = if version.has(2) {
        &["plans", "selected", "lang", "trash", "set_aside"]
    } else {
        &["plans", "selected", "lang", "trash"]
    };
    only(&map, allowed, "workspace")?;
    let plans_raw = map.get("plans").ok_or_else(|| missing("workspace.plans"))?;
    let plans_list = shaped_borrowed(plans_raw, "workspace.plans")?;
    let trash_list = match map.get("trash") {
        Some(raw) => shaped_borrowed(raw, "workspace.trash")?,
        None => Vec::new(),
    };
    // Plans kept aside by an earlier save: each is tried again (a newer build may have kept
    // what it can read now, or this build may have been updated since).
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct KeptRef<'b> {
        #[serde(default)]
        deleted: bool,
        #[serde(borrow)]
        entry: &'b RawValue,
    }
    let kept: Vec<KeptRef<'a>> = match map.get("set_aside") {
        Some(raw) => serde_json::from_str(raw.get()).map_err(|e| JsonError::Shape {
            path: "workspace.set_aside".to_owned(),
            detail: shorten_message(&e.to_string()),
        })?,
        None => Vec::new(),
    };
    let mut repairs = Vec::new();
    let mut set_aside = Vec::new();
    let mut read_list = |list: &[&'a RawValue], name: &str, deleted: bool| {
        read_entries(list, name, deleted, &mut repairs, &mut set_aside)
    };
    let mut plans = read_list(&plans_list, "plans", false);
    let mut trash = read_list(&trash_list, "trash", true);
    let mut still_kept = Vec::new();
    for (i, k) in kept.iter().enumerate() {
        let mut unread = Vec::new();
        let path = format!("workspace.set_aside[{i}].entry");
        if let Some((entry, raw)) = read_one(k.entry, &path, k.deleted, &mut repairs, &mut unread) {
            repairs.push(Repair::Restored {
                plan: entry.plan.name.clone(),
            });
            if k.deleted {
                trash.push((entry, raw));
            } else {
                plans.push((entry, raw));
            }
        }
        still_kept.extend(unread);
    }
    // Over the limits: the plans that do not fit are set aside (the newest deleted ones stay).
    let extra_plans: Vec<_> = plans.drain(PLANS_LIMIT.min(plans.len())..).collect();
    let extra_trash: Vec<_> = trash
        .drain(..trash.len().saturating_sub(TRASH_LIMIT))
        .collect();
    for (deleted, (entry, raw)) in extra_plans
        .into_iter()
        .map(|e| (false, e))
        .chain(extra_trash.into_iter().map(|e| (true, e)))
    {
        set_aside.push(SetAside {
            name: Some(entry.plan.name.clone()),
            deleted,
            raw: raw.get().to_owned(),
            error: JsonError::Invalid(vec![ModelError::Invalid {
                field: crate::model::Field::Plans,
                problem: crate::model::Problem::TooMany {
                    max: if deleted { TRASH_LIMIT } else { PLANS_LIMIT },
                },
            }]),
        });
    }
    let mut plans: Vec<PlanEntry> = plans.into_iter().map(|(e, _)| e).collect();
    let mut trash: Vec<PlanEntry> = trash.into_iter().map(|(e, _)| e).collect();

    // Plan ids: unique across plans and trash.
    let mut seen = HashSet::new();
    let repeats: Vec<(bool, usize)> = plans
        .iter()
        .map(|p| (false, p))
        .chain(trash.iter().map(|p| (true, p)))
        .enumerate()
        .filter(|(_, (_, p))| !seen.insert(p.id))
        .map(|(i, (in_trash, _))| (in_trash, if in_trash { i - plans.len() } else { i }))
        .collect();
    if !repeats.is_empty() {
        let fresh = fresh_ids(seen.iter().map(|id| id.0), repeats.len()).unwrap_or_default();
        for ((in_trash, i), id) in repeats.iter().zip(fresh) {
            let list = if *in_trash { &mut trash } else { &mut plans };
            list[*i].id = PlanId(id);
        }
        repairs.push(Repair::PlanIdsRenumbered {
            count: repeats.len(),
        });
    }

    let lang = match map.get("lang") {
        Some(raw) => match serde_json::from_str::<Lang>(raw.get()) {
            Ok(l) => l,
            Err(_) => {
                repairs.push(Repair::LangReset);
                Lang::Zh
            }
        },
        None => {
            repairs.push(Repair::LangReset);
            Lang::Zh
        }
    };
    if plans.is_empty() {
        let id = fresh_ids(trash.iter().map(|p| p.id.0), 1)
            .and_then(|ids| ids.first().copied())
            .unwrap_or(1);
        plans.push(PlanEntry {
            id: PlanId(id),
            example: None,
            plan: Arc::new(Plan {
                name: i18n::texts(lang).default_plan_name.to_owned(),
                ..Plan::default()
            }),
        });
        repairs.push(Repair::BlankPlanAdded);
    }
    let wanted = map
        .get("selected")
        .and_then(|raw| serde_json::from_str::<PlanId>(raw.get()).ok());
    let selected = match wanted {
        Some(id) if plans.iter().any(|p| p.id == id) => id,
        _ => {
            repairs.push(Repair::SelectionReset);
            plans[0].id
        }
    };
    let kept_plans = still_kept
        .iter()
        .chain(&set_aside)
        .map(|s| KeptPlan {
            raw: s.raw.clone(),
            deleted: s.deleted,
        })
        .collect();
    Ok(Salvaged {
        workspace: Workspace {
            plans,
            selected,
            lang,
            trash,
            set_aside: kept_plans,
        },
        revision,
        repairs,
        set_aside,
        migrated_from: None,
    })
}

/// Reads each entry of a plan list; the ones that cannot be read are set aside.
fn read_entries<'a>(
    list: &[&'a RawValue],
    name: &str,
    deleted: bool,
    repairs: &mut Vec<Repair>,
    set_aside: &mut Vec<SetAside>,
) -> Vec<(PlanEntry, &'a RawValue)> {
    list.iter()
        .enumerate()
        .flat_map(|(i, raw)| {
            read_one(
                raw,
                &format!("workspace.{name}[{i}]"),
                deleted,
                repairs,
                set_aside,
            )
        })
        .collect()
}

/// Reads one plan entry (at `path`): the entry, or nothing and the entry set aside.
fn read_one<'a>(
    raw: &'a RawValue,
    path: &str,
    deleted: bool,
    repairs: &mut Vec<Repair>,
    set_aside: &mut Vec<SetAside>,
) -> Option<(PlanEntry, &'a RawValue)> {
    match entry_from_raw(raw, path) {
        Ok((entry, plan_repairs)) => {
            if !plan_repairs.is_empty() {
                repairs.push(Repair::Plan {
                    plan: entry.plan.name.clone(),
                    repairs: plan_repairs,
                });
            }
            Some((entry, raw))
        }
        Err(error) => {
            set_aside.push(SetAside {
                name: name_of(raw),
                deleted,
                raw: raw.get().to_owned(),
                error,
            });
            None
        }
    }
}

/// Reads a list of values without reading the values.
fn shaped_borrowed<'a>(raw: &'a RawValue, path: &str) -> Result<Vec<&'a RawValue>, JsonError> {
    serde_json::from_str(raw.get()).map_err(|e| JsonError::Shape {
        path: path.to_owned(),
        detail: shorten_message(&e.to_string()),
    })
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

/// The plan as a pretty-printed plan file.
///
/// ```
/// use customer_cost_planner::exchange::json::{plan_to_json, read_plan};
/// use customer_cost_planner::model::{Example, Lang};
/// let plan = Example::Starter.plan(Lang::Zh);
/// let text = plan_to_json(&plan);
/// assert_eq!(read_plan(&text).map(|r| r.plan), Ok(plan));
/// ```
pub fn plan_to_json(plan: &Plan) -> String {
    serde_json::to_string_pretty(&PlanOut {
        format: PLAN_FORMAT,
        version: PLAN_VERSION,
        plan,
    })
    .unwrap_or_default()
}

/// The plan file without whitespace (for share links).
pub fn plan_to_compact_json(plan: &Plan) -> String {
    serde_json::to_string(&PlanOut {
        format: PLAN_FORMAT,
        version: PLAN_VERSION,
        plan,
    })
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Describe;
    use crate::model::{limits, Example, Field, LineId, Problem};
    use crate::state::validate_workspace;

    fn plan_text() -> String {
        plan_to_json(&Example::Starter.plan(Lang::Zh))
    }

    fn workspace(text: &str) -> Salvaged {
        match read(text) {
            Ok(Imported::Workspace(s)) => *s,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn every_kind_of_bad_file_is_named() {
        let good = plan_text();
        let version = format!("\"version\": {PLAN_VERSION}");
        type Check = fn(&JsonError) -> bool;
        let cases: Vec<(String, Check)> = vec![
            ("not json".into(), |e| matches!(e, JsonError::Syntax(_))),
            ("{ not json".into(), |e| matches!(e, JsonError::Syntax(_))),
            ("[]".into(), |e| *e == JsonError::WrongFormat),
            ("null".into(), |e| *e == JsonError::WrongFormat),
            (r#"{"format":"other","version":1}"#.into(), |e| {
                *e == JsonError::WrongFormat
            }),
            (good.replace(&version, "\"version\": 7"), |e| {
                *e == JsonError::NewerVersion(7)
            }),
            (
                good.replace(&version, "\"version\": \"1\""),
                |e| matches!(e, JsonError::Shape { path, .. } if path == "version"),
            ),
            (
                good.replace("\"churn_pct\"", "\"churn_percent\""),
                |e| matches!(e, JsonError::Shape { path, detail } if path == "plan.churn_percent" && detail.contains("unknown field")),
            ),
            (
                good.replacen(
                    "\"kind\": \"category_spend\"",
                    "\"kind\": \"category_spend\", \"colour\": 1",
                    1,
                ),
                |e| matches!(e, JsonError::Shape { path, detail } if path == "plan.scenarios[0].levers[0].colour" && detail.contains("unknown field")),
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
            (
                good.replacen('{', "{\"extra\": 1,", 1),
                |e| matches!(e, JsonError::Shape { path, .. } if path == "extra"),
            ),
            ("x".repeat(MAX_BYTES + 1), |e| *e == JsonError::TooLarge),
        ];
        for (text, check) in cases {
            let result = read(&text);
            match &result {
                Err(e) => {
                    assert!(check(e), "{:.80}: {e:?}", text);
                    assert!(!e.message(Lang::Zh).is_empty());
                }
                Ok(_) => panic!("accepted: {text:.200}"),
            }
        }
    }

    #[test]
    fn the_message_names_the_field_and_shortens_long_values() {
        let text = plan_text().replacen("\"amount\": \"30000\"", "\"amount\": [1]", 1);
        let e = read(&text).expect_err("bad amount");
        assert!(
            e.message(Lang::En)
                .starts_with("Field plan.lines[0].amount: "),
            "{}",
            e.message(Lang::En)
        );
        let digits = "9".repeat(5_000);
        for bad in [format!("\"{digits}\""), digits.clone()] {
            let text = plan_text().replacen("\"30000\"", &bad, 1);
            let e = read(&text).expect_err("5,000 digits");
            let message = e.message(Lang::En);
            assert!(message.contains("plan.lines[0].amount"), "{message}");
            assert!(message.chars().count() < 200, "{message}");
        }
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let text = format!("\u{FEFF}{}", plan_text());
        assert!(read_plan(&text).is_ok());
    }

    #[test]
    fn a_workspace_round_trips() {
        let ws = Workspace::first_visit(Lang::En);
        let text = workspace_to_json(&ws, 9, false);
        let s = workspace(&text);
        assert!(s.is_clean());
        assert_eq!((s.workspace, s.revision), (ws, Some(9)));
    }

    #[test]
    fn a_stored_version_1_sample_still_reads() {
        let sample = include_str!("../../tests/fixtures/workspace-v1.json");
        let s = workspace(sample);
        assert!(s.is_clean(), "{s:?}");
        assert_eq!(s.revision, Some(3));
        assert_eq!(s.workspace.plans.len(), 2);
        assert_eq!(s.workspace.lang, Lang::En);
    }

    /// A workspace of three plans, with `break_second` applied to the second plan's JSON.
    fn three_plans(break_second: impl Fn(&mut serde_json::Value)) -> String {
        let mut ws = Workspace::first_visit(Lang::En);
        for (i, e) in [Example::Ecommerce, Example::Saas].into_iter().enumerate() {
            ws.plans.push(PlanEntry {
                id: PlanId(i as u32 + 2),
                example: None,
                plan: Arc::new(e.plan(Lang::En)),
            });
        }
        let mut value: serde_json::Value =
            serde_json::from_str(&workspace_to_json(&ws, 4, false)).expect("json");
        break_second(&mut value["workspace"]["plans"][1]);
        value.to_string()
    }

    #[test]
    fn a_broken_plan_is_set_aside_and_the_others_load() {
        // (what, how, whether the downloaded plan file imports as it is)
        type Breaker = fn(&mut serde_json::Value);
        let cases: [(&str, Breaker, bool); 4] = [
            (
                "value out of range",
                |p| p["plan"]["churn_pct"] = "500".into(),
                false,
            ),
            ("wrong type", |p| p["plan"]["lines"] = "none".into(), false),
            (
                "unknown field",
                |p| p["plan"]["colour"] = "red".into(),
                false,
            ),
            (
                "no id",
                |p| {
                    p.as_object_mut().map(|o| o.remove("id"));
                },
                true,
            ),
        ];
        for (what, breaker, imports) in cases {
            let s = workspace(&three_plans(breaker));
            assert_eq!(s.workspace.plans.len(), 2, "{what}");
            assert_eq!(s.set_aside.len(), 1, "{what}");
            assert_eq!(
                s.set_aside[0].name.as_deref(),
                Some("Example: e-commerce firm"),
                "{what}"
            );
            assert!(validate_workspace(&s.workspace).is_empty(), "{what}");
            // The set-aside text is the entry as found, and downloads as a plan file.
            let file = s.set_aside[0].file_text();
            assert!(file.starts_with("{\"format\":\"customer-cost-planner/plan\""));
            assert_eq!(read(&file).is_ok(), imports, "{what}");
        }
    }

    #[test]
    fn obvious_faults_are_repaired_and_reported() {
        let long = "名".repeat(limits::NAME_CHARS + 5);
        let text = three_plans(|p| {
            p["plan"]["name"] = long.clone().into();
            p["id"] = 1.into();
            p["plan"]["lines"][1]["id"] = p["plan"]["lines"][0]["id"].clone();
        });
        let text = text.replace("\"selected\":1", "\"selected\":99");
        let s = workspace(&text);
        assert!(s.set_aside.is_empty());
        assert_eq!(s.workspace.plans.len(), 3);
        assert!(validate_workspace(&s.workspace).is_empty());
        assert_eq!(
            s.repairs,
            vec![
                Repair::Plan {
                    plan: "名".repeat(limits::NAME_CHARS),
                    repairs: PlanRepairs {
                        names_shortened: 1,
                        ids_renumbered: 1
                    }
                },
                Repair::PlanIdsRenumbered { count: 1 },
                Repair::SelectionReset,
            ]
        );
        for r in &s.repairs {
            assert_ne!(r.message(Lang::Zh), r.message(Lang::En));
        }
        // Read again after the repairs, it is clean: the repairs are stable.
        let again = workspace(&workspace_to_json(&s.workspace, 1, false));
        assert!(again.is_clean(), "{again:?}");
    }

    #[test]
    fn a_workspace_with_no_readable_plan_still_opens() {
        let text = r#"{"format":"customer-cost-planner/workspace","version":1,"workspace":{"plans":[{"id":1,"plan":{"name":"x"}}],"selected":1,"lang":"en"}}"#;
        let s = workspace(text);
        assert_eq!(s.set_aside.len(), 1);
        assert_eq!(s.set_aside[0].name.as_deref(), Some("x"));
        assert_eq!(s.workspace.plans.len(), 1);
        assert!(s.repairs.contains(&Repair::BlankPlanAdded));
        assert!(validate_workspace(&s.workspace).is_empty());
    }

    #[test]
    fn a_revision_that_cannot_be_read_is_none() {
        let ws = Workspace::first_visit(Lang::En);
        let text = workspace_to_json(&ws, 5, false).replace("\"revision\":5", "\"revision\":-1");
        assert_eq!(workspace(&text).revision, None);
        let text = workspace_to_json(&ws, 5, false).replace("\"revision\":5,", "");
        assert_eq!(workspace(&text).revision, Some(0));
    }

    #[test]
    fn a_workspace_is_not_a_plan() {
        let text = workspace_to_json(&Workspace::first_visit(Lang::En), 1, false);
        assert_eq!(read_plan(&text), Err(JsonError::NotAPlan));
    }

    #[test]
    fn too_many_lines_is_invalid_not_repaired() {
        let mut plan = Example::Starter.plan(Lang::En);
        let line = plan.lines[0].clone();
        plan.lines = (1..=10_001)
            .map(|i| crate::model::BudgetLine {
                id: LineId(i),
                ..line.clone()
            })
            .collect();
        let e = read_plan(&plan_to_json(&plan)).expect_err("too many");
        assert_eq!(
            e,
            JsonError::Invalid(vec![ModelError::Invalid {
                field: Field::Lines,
                problem: Problem::TooMany { max: 10_000 }
            }])
        );
    }
}
