//! The user's data and every change to it: plain model data ([`Workspace`]), a closed set of
//! [`Action`]s, one reducer ([`Workspace::apply`]) and undo history ([`History`]). No signals and
//! no browser code: `crate::session` owns a workspace and its history, and the Leptos glue only
//! shows what the session holds.
//!
//! **Invariant.** Every action leaves the workspace valid under the very rules the loader and
//! import apply ([`validate_workspace`]): an edit is made on a copy of the plan, the copy is
//! checked with [`crate::model::validate`], and only a valid copy replaces the plan. An action
//! that would break a rule is refused with the error, and nothing changes. New ids never
//! saturate ([`crate::model::plan::fresh_ids`]) and generated names always fit the length limit
//! ([`unique_name`]).
//!
//! **Undo.** Plans are shared (`Arc`) between the workspace and history, and an edit of one plan
//! is recorded as a [`PlanDiff`]: the changed scalar fields and, for each list, the one run of
//! items that changed. An undo step on a 10,000-line plan costs a few hundred bytes, not a copy
//! of the plan.

use std::sync::Arc;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::i18n;
use crate::model::plan::fresh_ids;
use crate::model::validate::check_count;
use crate::model::Driver;
use crate::model::{
    limits, validate, Basis, BudgetLine, Category, Example, FeeTier, Field, InputRange, Lang,
    Lever, LineId, ModelError, Plan, Problem, Scenario, ScenarioId, Stage, Strategy, TierId,
};

/// Stable identity of a plan in the workspace.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct PlanId(pub u32);

/// A plan as the workspace keeps it. The plan is shared with undo history and with the views
/// until it is edited (copy on write).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanEntry {
    pub id: PlanId,
    /// The example this plan was made from, so the page can mark it as an example.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    pub plan: Arc<Plan>,
}

/// Most plans kept in the list of recently deleted plans.
pub const TRASH_LIMIT: usize = 20;
/// Most plans in a workspace.
pub const PLANS_LIMIT: usize = 200;

/// A plan this version could not read, kept exactly as it was found (its workspace entry's
/// JSON text) so that no save ever drops it: a newer version of the app may read it, and the
/// user can repair, download or discard it. Never trusted as data: it is only carried along.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptPlan {
    /// The plan entry's JSON text as found (`{"id":…,"plan":{…}}`).
    pub raw: String,
    /// Whether it was in the trash (recently deleted).
    pub deleted: bool,
}

impl Serialize for KeptPlan {
    /// `{"deleted":false,"entry":{…}}`, the entry written back verbatim.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let entry = serde_json::value::RawValue::from_string(self.raw.clone())
            .map_err(serde::ser::Error::custom)?;
        let mut out = s.serialize_struct("KeptPlan", 2)?;
        out.serialize_field("deleted", &self.deleted)?;
        out.serialize_field("entry", &entry)?;
        out.end()
    }
}

impl<'de> Deserialize<'de> for KeptPlan {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Out {
            #[serde(default)]
            deleted: bool,
            entry: Box<serde_json::value::RawValue>,
        }
        let out = Out::deserialize(d)?;
        Ok(KeptPlan {
            raw: out.entry.get().to_owned(),
            deleted: out.deleted,
        })
    }
}

/// Everything the user has: plans, which one is open, the language, recently deleted plans,
/// and plans kept aside because this version could not read them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    pub plans: Vec<PlanEntry>,
    pub selected: PlanId,
    pub lang: Lang,
    /// Recently deleted plans, newest last, so a deletion can be taken back.
    #[serde(default)]
    pub trash: Vec<PlanEntry>,
    /// Plans that could not be read (format version 2 on), carried verbatim by every save
    /// until the user repairs or discards them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set_aside: Vec<KeptPlan>,
}

fn invalid(field: Field, problem: Problem) -> ModelError {
    ModelError::Invalid { field, problem }
}

/// The workspace-wide rules, without looking inside the plans: at least one plan, the counts,
/// unique ids, an open plan that exists.
fn structure_errors(ws: &Workspace) -> Vec<ModelError> {
    let mut errors = Vec::new();
    if ws.plans.is_empty() {
        errors.push(invalid(Field::Plans, Problem::Empty));
    }
    if ws.plans.len() > PLANS_LIMIT {
        errors.push(invalid(Field::Plans, Problem::TooMany { max: PLANS_LIMIT }));
    }
    if ws.trash.len() > TRASH_LIMIT {
        errors.push(invalid(Field::Plans, Problem::TooMany { max: TRASH_LIMIT }));
    }
    let mut ids = std::collections::HashSet::new();
    if ws.plans.iter().chain(&ws.trash).any(|p| !ids.insert(p.id)) {
        errors.push(invalid(Field::Plans, Problem::DuplicateId));
    }
    if !ws.plans.is_empty() && ws.current().is_none() {
        errors.push(invalid(Field::Plans, Problem::Dangling));
    }
    errors
}

/// Checks a whole workspace: the workspace-wide rules and every plan's values and limits. What
/// the loader, import and the property tests apply; every action keeps it empty.
pub fn validate_workspace(ws: &Workspace) -> Vec<ModelError> {
    let mut errors = structure_errors(ws);
    for entry in ws.plans.iter().chain(&ws.trash) {
        errors.extend(validate(&entry.plan));
    }
    errors
}

/// A field of the customer base and economics.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EconomicsField {
    StartingCustomers,
    NewCustomers,
    Churn,
    Revenue,
    GrossMargin,
    Discount,
}

impl EconomicsField {
    pub const ALL: [EconomicsField; 6] = [
        EconomicsField::StartingCustomers,
        EconomicsField::NewCustomers,
        EconomicsField::Churn,
        EconomicsField::Revenue,
        EconomicsField::GrossMargin,
        EconomicsField::Discount,
    ];

    pub fn get(self, plan: &Plan) -> Decimal {
        match self {
            EconomicsField::StartingCustomers => plan.starting_customers,
            EconomicsField::NewCustomers => plan.new_customers_per_month,
            EconomicsField::Churn => plan.churn_pct,
            EconomicsField::Revenue => plan.revenue_per_customer_month,
            EconomicsField::GrossMargin => plan.gross_margin_pct,
            EconomicsField::Discount => plan.annual_discount_pct,
        }
    }

    fn slot(self, plan: &mut Plan) -> &mut Decimal {
        match self {
            EconomicsField::StartingCustomers => &mut plan.starting_customers,
            EconomicsField::NewCustomers => &mut plan.new_customers_per_month,
            EconomicsField::Churn => &mut plan.churn_pct,
            EconomicsField::Revenue => &mut plan.revenue_per_customer_month,
            EconomicsField::GrossMargin => &mut plan.gross_margin_pct,
            EconomicsField::Discount => &mut plan.annual_discount_pct,
        }
    }

    pub fn rule(self) -> crate::model::Rule {
        use crate::model::Rule;
        match self {
            EconomicsField::StartingCustomers | EconomicsField::NewCustomers => Rule::count(),
            EconomicsField::Revenue => Rule::money(),
            EconomicsField::Churn | EconomicsField::GrossMargin | EconomicsField::Discount => {
                Rule::percent()
            }
        }
    }

    pub fn field(self) -> Field {
        match self {
            EconomicsField::StartingCustomers => Field::StartingCustomers,
            EconomicsField::NewCustomers => Field::NewCustomers,
            EconomicsField::Churn => Field::Churn,
            EconomicsField::Revenue => Field::Revenue,
            EconomicsField::GrossMargin => Field::GrossMargin,
            EconomicsField::Discount => Field::Discount,
        }
    }
}

/// One change to a budget line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineEdit {
    Name(String),
    Category(Category),
    Stage(Stage),
    Amount(Decimal),
    Basis(Basis),
}

/// One change to a fee tier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TierEdit {
    Name(String),
    Share(Decimal),
    Fee(Decimal),
}

/// Every change a user can make to their plans. The reducer ([`Workspace::apply`]) is the only
/// code that changes a [`Workspace`]'s plans; edits of the open plan are one variant, so both
/// matches are exhaustive with no catch-all arm.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Opens another plan (not an undo step: undo brings back edits, not where one looked).
    SelectPlan(PlanId),
    /// A new plan, blank or from an example, which becomes the open plan.
    NewPlan(Option<Example>),
    DuplicatePlan(PlanId),
    DeletePlan(PlanId),
    /// Brings a deleted plan back from the trash.
    RestorePlan(PlanId),
    /// Adds a plan (an import or a shared link) and opens it.
    AddPlan(Box<Plan>),
    /// Adds several plans (a workspace file) and opens the first; the file's plans that could
    /// not be read are kept aside with this workspace's.
    AddPlans(Vec<Plan>, Vec<KeptPlan>),
    /// Replaces every plan with a workspace's (a backup file); the language stays, and plans
    /// kept aside (this tab's and the file's) stay kept.
    ReplaceWorkspace(Box<Workspace>),
    /// Ends a plan kept aside (the one whose text is `raw`): with a plan (its repair), the plan
    /// joins the plans and opens; without, the kept text is discarded. Undoable.
    ResolveSetAside {
        raw: String,
        with: Option<Box<Plan>>,
    },
    /// Keeps this workspace but takes in what another version of it (another tab's, declined
    /// in a conflict) has that this one does not: its other plans join the plans, its other
    /// versions of this workspace's plans go to the trash, its plans kept aside stay kept.
    /// Nothing the other version stored is dropped without the user's say.
    KeepAlongside(Box<Workspace>),
    /// A change to the open plan.
    Edit(PlanEdit),
}

/// A change to the open plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanEdit {
    Rename(String),
    SetEconomics(EconomicsField, Decimal),
    SetHorizon(u16),
    SetCurrency(String),

    AddLine,
    UpdateLine(LineId, LineEdit),
    DuplicateLine(LineId),
    DeleteLine(LineId),
    /// Moves a line up (−1) or down (+1) in the list.
    MoveLine(LineId, isize),
    /// Budget lines read from a file, appended or replacing the plan's lines.
    ImportLines {
        lines: Vec<BudgetLine>,
        replace: bool,
    },

    AddTier,
    UpdateTier(TierId, TierEdit),
    DeleteTier(TierId),

    /// A new scenario, blank or from a strategy preset.
    AddScenario(Option<Strategy>),
    RenameScenario(ScenarioId, String),
    DuplicateScenario(ScenarioId),
    DeleteScenario(ScenarioId),
    AddLever(ScenarioId, Lever),
    UpdateLever(ScenarioId, usize, Lever),
    DeleteLever(ScenarioId, usize),
    /// A new scenario with these levers (what a goal seek's answer becomes), named `name`
    /// (made unique among the plan's scenarios).
    AddScenarioWith {
        name: String,
        levers: Vec<Lever>,
    },

    /// Sets a driver's range: adds it, or replaces the range the driver has.
    SetRange(InputRange),
    /// Removes a driver's range.
    DeleteRange(Driver),
}

/// What quick successive edits share when they make one undo step (typing `12000` into one
/// field is one step).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditKey {
    PlanName,
    Economics(EconomicsField),
    Horizon,
    Currency,
    LineName(LineId),
    LineAmount(LineId),
    TierName(TierId),
    TierShare(TierId),
    TierFee(TierId),
    ScenarioName(ScenarioId),
    Lever(ScenarioId, usize),
    Range(Driver),
}

impl PlanEdit {
    /// The field this edit types into, if it is one that merges into one undo step.
    pub fn coalesce_key(&self) -> Option<EditKey> {
        match self {
            PlanEdit::Rename(_) => Some(EditKey::PlanName),
            PlanEdit::SetEconomics(f, _) => Some(EditKey::Economics(*f)),
            PlanEdit::SetHorizon(_) => Some(EditKey::Horizon),
            PlanEdit::SetCurrency(_) => Some(EditKey::Currency),
            PlanEdit::UpdateLine(id, LineEdit::Name(_)) => Some(EditKey::LineName(*id)),
            PlanEdit::UpdateLine(id, LineEdit::Amount(_)) => Some(EditKey::LineAmount(*id)),
            PlanEdit::UpdateTier(id, TierEdit::Name(_)) => Some(EditKey::TierName(*id)),
            PlanEdit::UpdateTier(id, TierEdit::Share(_)) => Some(EditKey::TierShare(*id)),
            PlanEdit::UpdateTier(id, TierEdit::Fee(_)) => Some(EditKey::TierFee(*id)),
            PlanEdit::RenameScenario(id, _) => Some(EditKey::ScenarioName(*id)),
            PlanEdit::UpdateLever(id, i, _) => Some(EditKey::Lever(*id, *i)),
            PlanEdit::SetRange(r) => Some(EditKey::Range(r.driver)),
            PlanEdit::UpdateLine(
                _,
                LineEdit::Category(_) | LineEdit::Stage(_) | LineEdit::Basis(_),
            )
            | PlanEdit::AddLine
            | PlanEdit::DuplicateLine(_)
            | PlanEdit::DeleteLine(_)
            | PlanEdit::MoveLine(..)
            | PlanEdit::ImportLines { .. }
            | PlanEdit::AddTier
            | PlanEdit::DeleteTier(_)
            | PlanEdit::AddScenario(_)
            | PlanEdit::DuplicateScenario(_)
            | PlanEdit::DeleteScenario(_)
            | PlanEdit::AddLever(..)
            | PlanEdit::DeleteLever(..)
            | PlanEdit::AddScenarioWith { .. }
            | PlanEdit::DeleteRange(_) => None,
        }
    }
}

/// Something an action did that the user should hear about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// A plan went to the trash; it can be restored.
    PlanDeleted { id: PlanId, name: String },
    /// A budget line was deleted; undo brings it back.
    LineDeleted { name: String },
    /// An edit left levers pointing at a line the plan no longer has; they change nothing
    /// until re-pointed (the scenario marks them).
    LeversDangling { count: usize },
    /// Plans of another version of the workspace were kept beside this one's: `added` to the
    /// plans, `trashed` (their other versions of plans kept here) to the trash.
    KeptAlongside {
        added: Vec<String>,
        trashed: Vec<String>,
    },
}

/// What an action did: whether anything changed, how to undo it, what to tell the user.
#[derive(Debug, Default)]
pub struct Applied {
    pub changed: bool,
    /// The undo step (`None` for changes that are not undone, like opening another plan).
    pub step: Option<Step>,
    pub notes: Vec<Note>,
}

impl Applied {
    fn recorded(step: Step, notes: Vec<Note>) -> Applied {
        Applied {
            changed: true,
            step: Some(step),
            notes,
        }
    }
}

/// Cuts `base` so that `base` + `suffix` has at most the name limit of characters.
fn fit(base: &str, suffix: &str) -> String {
    let room = limits::NAME_CHARS.saturating_sub(suffix.chars().count());
    let mut name: String = base.chars().take(room).collect();
    name.push_str(suffix);
    name
}

/// A name not used by any of `taken` and within the length limit: `base`, `base (2)`,
/// `base (3)`…, with `base` shortened when the number would not fit.
///
/// ```
/// use customer_cost_planner::state::unique_name;
/// assert_eq!(unique_name("Ads", ["Ads", "Ads (2)"].into_iter()), "Ads (3)");
/// let long = "x".repeat(200);
/// let taken = [long.as_str()];
/// let name = unique_name(&long, taken.into_iter());
/// assert_eq!(name.chars().count(), 200);
/// assert!(name.ends_with(" (2)"));
/// ```
pub fn unique_name<'a>(base: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    let base = fit(base, "");
    if !taken.clone().any(|t| t == base) {
        return base;
    }
    (2u32..)
        .map(|n| fit(&base, &format!(" ({n})")))
        .find(|candidate| !taken.clone().any(|t| t == candidate))
        .unwrap_or(base)
}

/// The id of one more scenario, if the plan has room for it.
fn new_scenario_id(plan: &Plan) -> Result<ScenarioId, ModelError> {
    check_count(
        plan.scenarios.len() + 1,
        limits::SCENARIOS,
        Field::Scenarios,
    )?;
    plan.next_scenario_id()
        .ok_or_else(|| invalid(Field::Scenarios, Problem::Dangling))
}

fn not_found(field: Field) -> ModelError {
    invalid(field, Problem::Dangling)
}

impl Workspace {
    /// A first-visit workspace: the starter example, marked as an example, in `lang`.
    pub fn first_visit(lang: Lang) -> Workspace {
        Workspace {
            plans: vec![PlanEntry {
                id: PlanId(1),
                example: Some(Example::Starter.key().to_owned()),
                plan: Arc::new(Example::Starter.plan(lang)),
            }],
            selected: PlanId(1),
            lang,
            trash: Vec::new(),
            set_aside: Vec::new(),
        }
    }

    pub fn current(&self) -> Option<&PlanEntry> {
        self.plans.iter().find(|p| p.id == self.selected)
    }

    pub fn current_plan(&self) -> Option<&Plan> {
        self.current().map(|e| &*e.plan)
    }

    fn fresh_plan_ids(&self, n: usize) -> Result<Vec<PlanId>, ModelError> {
        let used = self.plans.iter().chain(&self.trash).map(|p| p.id.0);
        fresh_ids(used, n)
            .map(|ids| ids.into_iter().map(PlanId).collect())
            .ok_or_else(|| invalid(Field::Plans, Problem::TooMany { max: PLANS_LIMIT }))
    }

    /// Adds plans under fresh ids and unique names; the first becomes the open plan. The plans
    /// are checked first: nothing is added unless all are valid.
    fn push_plans(&mut self, plans: Vec<(Plan, Option<String>)>) -> Result<(), ModelError> {
        check_count(self.plans.len() + plans.len(), PLANS_LIMIT, Field::Plans)?;
        let ids = self.fresh_plan_ids(plans.len())?;
        let mut entries = Vec::with_capacity(plans.len());
        for ((plan, example), id) in plans.into_iter().zip(ids) {
            let taken = self
                .plans
                .iter()
                .chain(&entries)
                .map(|p: &PlanEntry| p.plan.name.as_str());
            let name = unique_name(&plan.name, taken);
            let plan = Plan { name, ..plan };
            if let Some(e) = validate(&plan).into_iter().next() {
                return Err(e);
            }
            entries.push(PlanEntry {
                id,
                example,
                plan: Arc::new(plan),
            });
        }
        if let Some(first) = entries.first() {
            self.selected = first.id;
        }
        self.plans.extend(entries);
        Ok(())
    }

    /// A new blank plan: 12 months, like the examples, so switching between them compares
    /// like with like.
    fn blank_plan(lang: Lang) -> Plan {
        Plan {
            name: i18n::texts(lang).default_plan_name.to_owned(),
            horizon_months: 12,
            ..Plan::default()
        }
    }

    /// Applies one action. On error nothing has changed and the error says which field and
    /// why; on success the workspace is valid ([`validate_workspace`] finds nothing).
    pub fn apply(&mut self, action: Action) -> Result<Applied, ModelError> {
        let lang = self.lang;
        match action {
            Action::SelectPlan(id) => {
                if !self.plans.iter().any(|p| p.id == id) {
                    return Err(not_found(Field::Plans));
                }
                let changed = self.selected != id;
                self.selected = id;
                Ok(Applied {
                    changed,
                    ..Applied::default()
                })
            }
            Action::Edit(edit) => self.edit_current(edit),
            Action::NewPlan(example) => self.restructure(|ws, _| {
                let plan = match example {
                    Some(e) => e.plan(lang),
                    None => Workspace::blank_plan(lang),
                };
                ws.push_plans(vec![(plan, example.map(|e| e.key().to_owned()))])
            }),
            Action::DuplicatePlan(id) => self.restructure(|ws, _| {
                let entry = ws
                    .plans
                    .iter()
                    .find(|p| p.id == id)
                    .cloned()
                    .ok_or_else(|| not_found(Field::Plans))?;
                let plan = Plan {
                    name: fit(&entry.plan.name, i18n::texts(lang).copy_suffix),
                    ..(*entry.plan).clone()
                };
                ws.push_plans(vec![(plan, entry.example)])
            }),
            Action::DeletePlan(id) => self.restructure(|ws, notes| {
                let index = ws
                    .plans
                    .iter()
                    .position(|p| p.id == id)
                    .ok_or_else(|| not_found(Field::Plans))?;
                let entry = ws.plans.remove(index);
                notes.push(Note::PlanDeleted {
                    id,
                    name: entry.plan.name.clone(),
                });
                ws.trash.push(entry);
                if ws.trash.len() > TRASH_LIMIT {
                    ws.trash.remove(0);
                }
                if ws.plans.is_empty() {
                    ws.push_plans(vec![(Workspace::blank_plan(lang), None)])?;
                } else if ws.selected == id {
                    let next = index.min(ws.plans.len() - 1);
                    ws.selected = ws.plans[next].id;
                }
                Ok(())
            }),
            Action::RestorePlan(id) => self.restructure(|ws, _| {
                let index = ws
                    .trash
                    .iter()
                    .position(|p| p.id == id)
                    .ok_or_else(|| not_found(Field::Plans))?;
                check_count(ws.plans.len() + 1, PLANS_LIMIT, Field::Plans)?;
                let entry = ws.trash.remove(index);
                ws.selected = entry.id;
                ws.plans.push(entry);
                Ok(())
            }),
            Action::AddPlan(plan) => self.restructure(|ws, _| ws.push_plans(vec![(*plan, None)])),
            Action::AddPlans(plans, kept) => self.restructure(|ws, _| {
                ws.push_plans(plans.into_iter().map(|p| (p, None)).collect())?;
                ws.keep_aside(kept);
                Ok(())
            }),
            Action::ReplaceWorkspace(workspace) => self.restructure(|ws, _| {
                if let Some(e) = validate_workspace(&workspace).into_iter().next() {
                    return Err(e);
                }
                ws.plans = workspace.plans;
                ws.trash = workspace.trash;
                ws.selected = workspace.selected;
                ws.keep_aside(workspace.set_aside);
                Ok(())
            }),
            Action::ResolveSetAside { raw, with } => self.restructure(|ws, _| {
                let index = ws
                    .set_aside
                    .iter()
                    .position(|k| k.raw == raw)
                    .ok_or_else(|| not_found(Field::Plans))?;
                if let Some(plan) = with {
                    ws.push_plans(vec![(*plan, None)])?;
                }
                ws.set_aside.remove(index);
                Ok(())
            }),
            Action::KeepAlongside(theirs) => {
                let mut changed = false;
                let mut applied = self.restructure(|ws, notes| {
                    let (note, any) = ws.keep_alongside(*theirs)?;
                    notes.extend(note);
                    changed = any;
                    Ok(())
                })?;
                if !changed {
                    // Nothing to take in: no step, nothing changed.
                    applied.changed = false;
                    applied.step = None;
                }
                Ok(applied)
            }
        }
    }

    /// Adds plans kept aside that this workspace does not keep yet; whether it added any.
    fn keep_aside(&mut self, kept: Vec<KeptPlan>) -> bool {
        let before = self.set_aside.len();
        for k in kept {
            if !self.set_aside.contains(&k) {
                self.set_aside.push(k);
            }
        }
        self.set_aside.len() != before
    }

    /// See [`Action::KeepAlongside`]. Plans are compared by id and content: an identical entry
    /// is already here; a plan whose id is not used here joins the plans (the trash if the
    /// plans are full); a different plan under an id used here goes to the trash under a fresh
    /// id (the trash keeps its newest [`TRASH_LIMIT`], as for any deletion).
    fn keep_alongside(&mut self, theirs: Workspace) -> Result<(Option<Note>, bool), ModelError> {
        let (mut added, mut trashed) = (Vec::new(), Vec::new());
        let here = |ws: &Workspace, e: &PlanEntry| {
            ws.plans
                .iter()
                .chain(&ws.trash)
                .any(|p| p.id == e.id && p.plan == e.plan)
        };
        // Fresh ids avoid theirs too, so a copy never takes the id of a plan still to come.
        let mut used: Vec<u32> = self
            .plans
            .iter()
            .chain(&self.trash)
            .chain(&theirs.plans)
            .chain(&theirs.trash)
            .map(|p| p.id.0)
            .collect();
        for entry in theirs.plans.into_iter().chain(theirs.trash) {
            if here(self, &entry) {
                continue;
            }
            let id_used = self
                .plans
                .iter()
                .chain(&self.trash)
                .any(|p| p.id == entry.id);
            let id = if id_used {
                let fresh = fresh_ids(used.iter().copied(), 1)
                    .and_then(|ids| ids.first().copied())
                    .ok_or_else(|| invalid(Field::Plans, Problem::TooMany { max: PLANS_LIMIT }))?;
                used.push(fresh);
                PlanId(fresh)
            } else {
                entry.id
            };
            let entry = PlanEntry { id, ..entry };
            if !id_used && self.plans.len() < PLANS_LIMIT {
                added.push(entry.plan.name.clone());
                self.plans.push(entry);
            } else {
                trashed.push(entry.plan.name.clone());
                self.trash.push(entry);
                if self.trash.len() > TRASH_LIMIT {
                    self.trash.remove(0);
                }
            }
        }
        let kept_more = self.keep_aside(theirs.set_aside);
        let any = kept_more || !added.is_empty() || !trashed.is_empty();
        let note = (!added.is_empty() || !trashed.is_empty())
            .then_some(Note::KeptAlongside { added, trashed });
        Ok((note, any))
    }

    /// Runs a change that adds, removes or replaces whole plans. The undo step is the previous
    /// lists, which share their plans with the workspace (cheap to keep). On any error, or if
    /// the workspace-wide rules would break, the lists are put back as they were.
    fn restructure(
        &mut self,
        change: impl FnOnce(&mut Workspace, &mut Vec<Note>) -> Result<(), ModelError>,
    ) -> Result<Applied, ModelError> {
        let (plans, trash, selected) = (self.plans.clone(), self.trash.clone(), self.selected);
        let set_aside = self.set_aside.clone();
        let mut notes = Vec::new();
        let result = change(self, &mut notes).and_then(|()| {
            structure_errors(self)
                .into_iter()
                .next()
                .map_or(Ok(()), Err)
        });
        if let Err(e) = result {
            self.plans = plans;
            self.trash = trash;
            self.selected = selected;
            self.set_aside = set_aside;
            return Err(e);
        }
        Ok(Applied::recorded(
            Step::Plans {
                plans,
                trash,
                selected,
                set_aside,
            },
            notes,
        ))
    }

    /// Applies `edit` to a copy of the open plan and keeps the copy only if the model finds it
    /// valid. The undo step is the difference between the two.
    fn edit_current(&mut self, edit: PlanEdit) -> Result<Applied, ModelError> {
        let lang = self.lang;
        let selected = self.selected;
        let entry = self
            .plans
            .iter_mut()
            .find(|p| p.id == selected)
            .ok_or_else(|| not_found(Field::Plans))?;
        let mut plan = (*entry.plan).clone();
        let notes = edit_plan(&mut plan, edit, lang)?;
        if let Some(e) = validate(&plan).into_iter().next() {
            return Err(e);
        }
        let diff = PlanDiff::between(&entry.plan, &plan);
        if diff.is_empty() {
            return Ok(Applied::default());
        }
        entry.plan = Arc::new(plan);
        Ok(Applied::recorded(Step::Plan { id: selected, diff }, notes))
    }
}

fn line_field(plan: &Plan, id: LineId) -> Field {
    Field::LineName {
        id,
        name: plan.line(id).map(|l| l.name.clone()).unwrap_or_default(),
    }
}

fn scenario_field(plan: &Plan, id: ScenarioId) -> Field {
    Field::ScenarioName {
        id,
        name: plan
            .scenario(id)
            .map(|s| s.name.clone())
            .unwrap_or_default(),
    }
}

fn fresh_line_ids(plan: &Plan, n: usize) -> Result<Vec<LineId>, ModelError> {
    fresh_ids(plan.line_ids_in_use(), n)
        .map(|ids| ids.into_iter().map(LineId).collect())
        .ok_or_else(|| invalid(Field::Lines, Problem::TooMany { max: limits::LINES }))
}

/// Applies an edit to `plan` (a copy; the caller validates it before keeping it). Errors here
/// are only for what validation cannot see: a target that does not exist, a full list.
fn edit_plan(plan: &mut Plan, edit: PlanEdit, lang: Lang) -> Result<Vec<Note>, ModelError> {
    let texts = i18n::texts(lang);
    let mut notes = Vec::new();
    match edit {
        PlanEdit::Rename(name) => plan.name = name,
        PlanEdit::SetEconomics(field, value) => *field.slot(plan) = value,
        PlanEdit::SetHorizon(months) => plan.horizon_months = months,
        PlanEdit::SetCurrency(code) => plan.currency = code.trim().to_ascii_uppercase(),
        PlanEdit::AddLine => {
            check_count(plan.lines.len() + 1, limits::LINES, Field::Lines)?;
            let [id] = fresh_line_ids(plan, 1)?[..] else {
                return Err(invalid(Field::Lines, Problem::Dangling));
            };
            let name = unique_name(
                texts.default_line_name,
                plan.lines.iter().map(|l| l.name.as_str()),
            );
            plan.lines.push(BudgetLine {
                id,
                name,
                category: Category::Marketing,
                stage: Stage::Acquisition,
                amount: Decimal::ZERO,
                basis: Basis::Monthly,
            });
        }
        PlanEdit::UpdateLine(id, edit) => {
            let field = line_field(plan, id);
            let line = plan
                .lines
                .iter_mut()
                .find(|l| l.id == id)
                .ok_or_else(|| not_found(field))?;
            match edit {
                LineEdit::Name(n) => line.name = n,
                LineEdit::Category(c) => line.category = c,
                LineEdit::Stage(s) => line.stage = s,
                LineEdit::Amount(a) => line.amount = a,
                LineEdit::Basis(b) => line.basis = b,
            }
        }
        PlanEdit::DuplicateLine(id) => {
            check_count(plan.lines.len() + 1, limits::LINES, Field::Lines)?;
            let index = plan
                .lines
                .iter()
                .position(|l| l.id == id)
                .ok_or_else(|| not_found(line_field(plan, id)))?;
            let [new_id] = fresh_line_ids(plan, 1)?[..] else {
                return Err(invalid(Field::Lines, Problem::Dangling));
            };
            let mut copy = plan.lines[index].clone();
            copy.id = new_id;
            copy.name = unique_name(&copy.name, plan.lines.iter().map(|l| l.name.as_str()));
            plan.lines.insert(index + 1, copy);
        }
        PlanEdit::DeleteLine(id) => {
            let index = plan
                .lines
                .iter()
                .position(|l| l.id == id)
                .ok_or_else(|| not_found(line_field(plan, id)))?;
            let gone = plan.lines.remove(index);
            notes.push(Note::LineDeleted { name: gone.name });
            // A range of a line the plan no longer has would describe nothing.
            plan.ranges.retain(|r| r.driver != Driver::LineAmount(id));
            let count = plan
                .scenarios
                .iter()
                .flat_map(|s| &s.levers)
                .filter(|l| l.target() == Some(id))
                .count();
            if count > 0 {
                notes.push(Note::LeversDangling { count });
            }
        }
        PlanEdit::MoveLine(id, by) => {
            let from = plan
                .lines
                .iter()
                .position(|l| l.id == id)
                .ok_or_else(|| not_found(line_field(plan, id)))?;
            let to = from
                .checked_add_signed(by)
                .unwrap_or(0)
                .min(plan.lines.len().saturating_sub(1));
            let line = plan.lines.remove(from);
            plan.lines.insert(to, line);
        }
        PlanEdit::ImportLines { lines, replace } => {
            let kept = if replace { 0 } else { plan.lines.len() };
            check_count(kept + lines.len(), limits::LINES, Field::Lines)?;
            let dangling_before = plan.dangling_levers().len();
            if replace {
                plan.lines.clear();
                plan.ranges
                    .retain(|r| !matches!(r.driver, Driver::LineAmount(_)));
            }
            let ids = fresh_line_ids(plan, lines.len())?;
            for (mut line, id) in lines.into_iter().zip(ids) {
                line.id = id;
                plan.lines.push(line);
            }
            let count = plan.dangling_levers().len().saturating_sub(dangling_before);
            if count > 0 {
                notes.push(Note::LeversDangling { count });
            }
        }
        PlanEdit::AddTier => {
            check_count(plan.fee_tiers.len() + 1, limits::FEE_TIERS, Field::FeeTiers)?;
            let id = plan
                .next_tier_id()
                .ok_or_else(|| invalid(Field::FeeTiers, Problem::Dangling))?;
            let name = unique_name(
                texts.default_tier_name,
                plan.fee_tiers.iter().map(|t| t.name.as_str()),
            );
            plan.fee_tiers.push(FeeTier {
                id,
                name,
                share_pct: Decimal::ZERO,
                monthly_fee: Decimal::ZERO,
            });
        }
        PlanEdit::UpdateTier(id, edit) => {
            let tier = plan
                .fee_tiers
                .iter_mut()
                .find(|t| t.id == id)
                .ok_or_else(|| not_found(Field::FeeTiers))?;
            match edit {
                TierEdit::Name(n) => tier.name = n,
                TierEdit::Share(s) => tier.share_pct = s,
                TierEdit::Fee(f) => tier.monthly_fee = f,
            }
        }
        PlanEdit::DeleteTier(id) => {
            let index = plan
                .fee_tiers
                .iter()
                .position(|t| t.id == id)
                .ok_or_else(|| not_found(Field::FeeTiers))?;
            plan.fee_tiers.remove(index);
            plan.ranges
                .retain(|r| r.driver != Driver::Input(crate::model::Input::TierFee(id)));
        }
        PlanEdit::AddScenario(preset) => {
            let id = new_scenario_id(plan)?;
            let mut scenario = match preset {
                Some(strategy) => strategy.scenario(id, lang),
                None => Scenario {
                    id,
                    name: texts.default_scenario_name.to_owned(),
                    preset: None,
                    levers: Vec::new(),
                },
            };
            scenario.name = unique_name(
                &scenario.name,
                plan.scenarios.iter().map(|s| s.name.as_str()),
            );
            plan.scenarios.push(scenario);
        }
        PlanEdit::AddScenarioWith { name, levers } => {
            let id = new_scenario_id(plan)?;
            check_count(levers.len(), limits::LEVERS, Field::Scenarios)?;
            let name = unique_name(&name, plan.scenarios.iter().map(|s| s.name.as_str()));
            plan.scenarios.push(Scenario {
                id,
                name,
                preset: None,
                levers,
            });
        }
        PlanEdit::SetRange(range) => {
            match plan.ranges.iter_mut().find(|r| r.driver == range.driver) {
                Some(slot) => *slot = range,
                None => plan.ranges.push(range),
            }
        }
        PlanEdit::DeleteRange(driver) => plan.ranges.retain(|r| r.driver != driver),
        PlanEdit::RenameScenario(id, name) => {
            let field = scenario_field(plan, id);
            let s = plan
                .scenarios
                .iter_mut()
                .find(|s| s.id == id)
                .ok_or_else(|| not_found(field))?;
            s.name = name;
        }
        PlanEdit::DuplicateScenario(id) => {
            check_count(
                plan.scenarios.len() + 1,
                limits::SCENARIOS,
                Field::Scenarios,
            )?;
            let index = plan
                .scenarios
                .iter()
                .position(|s| s.id == id)
                .ok_or_else(|| not_found(scenario_field(plan, id)))?;
            let mut copy = plan.scenarios[index].clone();
            copy.id = plan
                .next_scenario_id()
                .ok_or_else(|| invalid(Field::Scenarios, Problem::Dangling))?;
            copy.name = unique_name(
                &fit(&copy.name, texts.copy_suffix),
                plan.scenarios.iter().map(|s| s.name.as_str()),
            );
            // Lines a scenario adds need ids of their own in the copy.
            let added = copy
                .levers
                .iter()
                .filter(|l| matches!(l, Lever::AddLine { .. }))
                .count();
            let mut ids = fresh_line_ids(plan, added)?.into_iter();
            for lever in &mut copy.levers {
                if let (Lever::AddLine { line }, Some(id)) = (lever, ids.next()) {
                    line.id = id;
                }
            }
            plan.scenarios.insert(index + 1, copy);
        }
        PlanEdit::DeleteScenario(id) => {
            let index = plan
                .scenarios
                .iter()
                .position(|s| s.id == id)
                .ok_or_else(|| not_found(scenario_field(plan, id)))?;
            plan.scenarios.remove(index);
        }
        PlanEdit::AddLever(id, mut lever) => {
            let field = scenario_field(plan, id);
            if let Lever::AddLine { line } = &mut lever {
                let [new_id] = fresh_line_ids(plan, 1)?[..] else {
                    return Err(invalid(Field::Lines, Problem::Dangling));
                };
                line.id = new_id;
            }
            let s = plan
                .scenarios
                .iter_mut()
                .find(|s| s.id == id)
                .ok_or_else(|| not_found(field.clone()))?;
            check_count(s.levers.len() + 1, limits::LEVERS, field)?;
            s.levers.push(lever);
        }
        PlanEdit::UpdateLever(id, index, lever) => {
            let field = scenario_field(plan, id);
            let slot = plan
                .scenarios
                .iter_mut()
                .find(|s| s.id == id)
                .and_then(|s| s.levers.get_mut(index))
                .ok_or_else(|| not_found(field))?;
            // A lever that adds a line keeps its line's id.
            let lever = match (&*slot, lever) {
                (Lever::AddLine { line: old }, Lever::AddLine { mut line }) => {
                    line.id = old.id;
                    Lever::AddLine { line }
                }
                (_, other) => other,
            };
            *slot = lever;
        }
        PlanEdit::DeleteLever(id, index) => {
            let field = scenario_field(plan, id);
            let s = plan
                .scenarios
                .iter_mut()
                .find(|s| s.id == id)
                .filter(|s| index < s.levers.len())
                .ok_or_else(|| not_found(field))?;
            s.levers.remove(index);
        }
    }
    Ok(notes)
}

/// A plan's scalar fields (everything but its lists), for undo.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Meta {
    name: String,
    currency: String,
    horizon_months: u16,
    starting_customers: Decimal,
    new_customers_per_month: Decimal,
    churn_pct: Decimal,
    revenue_per_customer_month: Decimal,
    gross_margin_pct: Decimal,
    annual_discount_pct: Decimal,
}

impl Meta {
    fn of(plan: &Plan) -> Meta {
        // Destructured in full, so a new field of `Plan` is a compile error here.
        let Plan {
            name,
            currency,
            horizon_months,
            starting_customers,
            new_customers_per_month,
            churn_pct,
            revenue_per_customer_month,
            gross_margin_pct,
            annual_discount_pct,
            lines: _,
            fee_tiers: _,
            scenarios: _,
            ranges: _,
        } = plan;
        Meta {
            name: name.clone(),
            currency: currency.clone(),
            horizon_months: *horizon_months,
            starting_customers: *starting_customers,
            new_customers_per_month: *new_customers_per_month,
            churn_pct: *churn_pct,
            revenue_per_customer_month: *revenue_per_customer_month,
            gross_margin_pct: *gross_margin_pct,
            annual_discount_pct: *annual_discount_pct,
        }
    }

    /// Exchanges these values with the plan's.
    fn swap(&mut self, plan: &mut Plan) {
        use std::mem::swap;
        swap(&mut self.name, &mut plan.name);
        swap(&mut self.currency, &mut plan.currency);
        swap(&mut self.horizon_months, &mut plan.horizon_months);
        swap(&mut self.starting_customers, &mut plan.starting_customers);
        swap(
            &mut self.new_customers_per_month,
            &mut plan.new_customers_per_month,
        );
        swap(&mut self.churn_pct, &mut plan.churn_pct);
        swap(
            &mut self.revenue_per_customer_month,
            &mut plan.revenue_per_customer_month,
        );
        swap(&mut self.gross_margin_pct, &mut plan.gross_margin_pct);
        swap(&mut self.annual_discount_pct, &mut plan.annual_discount_pct);
    }
}

/// The one run of a list that changed: `items` stand where the list now has `len` items from
/// `at`. Swapping it into the list restores the other version and turns the splice around.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Splice<T> {
    at: usize,
    items: Vec<T>,
    len: usize,
}

impl<T: Clone + PartialEq> Splice<T> {
    /// How to get from `new` back to `old`, or `None` if they are equal.
    fn between(old: &[T], new: &[T]) -> Option<Splice<T>> {
        let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
        if prefix == old.len() && prefix == new.len() {
            return None;
        }
        let room = old.len().min(new.len()) - prefix;
        let suffix = old
            .iter()
            .rev()
            .zip(new.iter().rev())
            .take(room)
            .take_while(|(a, b)| a == b)
            .count();
        Some(Splice {
            at: prefix,
            items: old[prefix..old.len() - suffix].to_vec(),
            len: new.len() - prefix - suffix,
        })
    }

    fn swap(&mut self, list: &mut Vec<T>) {
        let end = (self.at + self.len).min(list.len());
        let inserted = self.items.len();
        let removed: Vec<T> = list
            .splice(self.at.min(end)..end, std::mem::take(&mut self.items))
            .collect();
        self.items = removed;
        self.len = inserted;
    }

    /// One splice for two in a row (`self` undoes the first, `later` the second), when both
    /// cover the same run.
    fn then(&self, later: &Splice<T>) -> Option<Splice<T>> {
        (later.at == self.at && later.items.len() == self.len).then(|| Splice {
            at: self.at,
            items: self.items.clone(),
            len: later.len,
        })
    }
}

/// How to turn one version of a plan into another: the scalar fields and, per list, the run
/// that differs. Applying it with [`PlanDiff::swap`] also turns it around (undo ↔ redo).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanDiff {
    meta: Option<Box<Meta>>,
    lines: Option<Splice<BudgetLine>>,
    tiers: Option<Splice<FeeTier>>,
    scenarios: Option<Splice<Scenario>>,
    ranges: Option<Splice<InputRange>>,
}

impl PlanDiff {
    /// What takes `new` back to `old`.
    pub fn between(old: &Plan, new: &Plan) -> PlanDiff {
        let old_meta = Meta::of(old);
        PlanDiff {
            meta: (old_meta != Meta::of(new)).then(|| Box::new(old_meta)),
            lines: Splice::between(&old.lines, &new.lines),
            tiers: Splice::between(&old.fee_tiers, &new.fee_tiers),
            scenarios: Splice::between(&old.scenarios, &new.scenarios),
            ranges: Splice::between(&old.ranges, &new.ranges),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.meta.is_none()
            && self.lines.is_none()
            && self.tiers.is_none()
            && self.scenarios.is_none()
            && self.ranges.is_none()
    }

    /// Turns `plan` into the other version, and this diff into the way back.
    pub fn swap(&mut self, plan: &mut Plan) {
        if let Some(meta) = &mut self.meta {
            meta.swap(plan);
        }
        if let Some(s) = &mut self.lines {
            s.swap(&mut plan.lines);
        }
        if let Some(s) = &mut self.tiers {
            s.swap(&mut plan.fee_tiers);
        }
        if let Some(s) = &mut self.scenarios {
            s.swap(&mut plan.scenarios);
        }
        if let Some(s) = &mut self.ranges {
            s.swap(&mut plan.ranges);
        }
    }

    /// One diff that undoes `self`'s edit and then `later`'s (which came after), if each list
    /// changed in the same place (typing into one field does).
    fn then(&self, later: &PlanDiff) -> Option<PlanDiff> {
        fn part<T: Clone + PartialEq>(
            first: &Option<Splice<T>>,
            later: &Option<Splice<T>>,
        ) -> Option<Option<Splice<T>>> {
            match (first, later) {
                (Some(a), Some(b)) => a.then(b).map(Some),
                (Some(a), None) => Some(Some(a.clone())),
                (None, b) => Some(b.clone()),
            }
        }
        Some(PlanDiff {
            meta: self.meta.clone().or_else(|| later.meta.clone()),
            lines: part(&self.lines, &later.lines)?,
            tiers: part(&self.tiers, &later.tiers)?,
            scenarios: part(&self.scenarios, &later.scenarios)?,
            ranges: part(&self.ranges, &later.ranges)?,
        })
    }
}

/// One undo step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// An edit of plan `id`.
    Plan { id: PlanId, diff: PlanDiff },
    /// The plan lists and the open plan before plans were added, removed or replaced.
    Plans {
        plans: Vec<PlanEntry>,
        trash: Vec<PlanEntry>,
        selected: PlanId,
        set_aside: Vec<KeptPlan>,
    },
}

impl Step {
    /// Turns the workspace into the other version and this step into the way back. Returns
    /// false (and changes nothing) if the step does not fit the workspace.
    fn swap(&mut self, ws: &mut Workspace) -> bool {
        match self {
            Step::Plan { id, diff } => {
                let Some(entry) = ws.plans.iter_mut().find(|p| p.id == *id) else {
                    return false;
                };
                diff.swap(Arc::make_mut(&mut entry.plan));
                // Show the plan the step changed.
                ws.selected = *id;
                true
            }
            Step::Plans {
                plans,
                trash,
                selected,
                set_aside,
            } => {
                std::mem::swap(plans, &mut ws.plans);
                std::mem::swap(trash, &mut ws.trash);
                std::mem::swap(selected, &mut ws.selected);
                std::mem::swap(set_aside, &mut ws.set_aside);
                true
            }
        }
    }
}

/// Steps of undo kept.
pub const UNDO_LIMIT: usize = 200;
/// Edits of the same field within this many milliseconds make one undo step.
pub const COALESCE_MS: f64 = 1_000.0;

/// Undo and redo. The language is not part of history: undoing an edit never switches the
/// language back.
#[derive(Clone, Debug, Default)]
pub struct History {
    past: Vec<Step>,
    future: Vec<Step>,
    /// The field and time of the last recorded edit, for merging quick successive edits.
    last: Option<(PlanId, EditKey, f64)>,
}

impl History {
    /// Applies `action` to `ws` and records how to undo it. `now_ms` is a clock used only to
    /// merge quick successive edits of one field into one step.
    pub fn apply(
        &mut self,
        ws: &mut Workspace,
        action: Action,
        now_ms: f64,
    ) -> Result<Applied, ModelError> {
        let key = match &action {
            Action::Edit(edit) => edit.coalesce_key().map(|k| (ws.selected, k)),
            Action::SelectPlan(_)
            | Action::NewPlan(_)
            | Action::DuplicatePlan(_)
            | Action::DeletePlan(_)
            | Action::RestorePlan(_)
            | Action::AddPlan(_)
            | Action::AddPlans(..)
            | Action::ReplaceWorkspace(_)
            | Action::ResolveSetAside { .. }
            | Action::KeepAlongside(_) => None,
        };
        let mut applied = ws.apply(action)?;
        if let Some(step) = applied.step.take() {
            self.record(step, key, now_ms);
        }
        Ok(applied)
    }

    /// The previous step merged with `step`, when both type into the same field of the same
    /// plan within [`COALESCE_MS`] and their changes line up.
    fn merged(&self, step: &Step, key: Option<(PlanId, EditKey)>, now_ms: f64) -> Option<PlanDiff> {
        let (plan, k) = key?;
        let (last_plan, last_key, at) = self.last?;
        if plan != last_plan || k != last_key || now_ms - at > COALESCE_MS {
            return None;
        }
        let Some(Step::Plan { id, diff: earlier }) = self.past.last() else {
            return None;
        };
        let Step::Plan { diff: later, .. } = step else {
            return None;
        };
        (*id == plan).then(|| earlier.then(later)).flatten()
    }

    fn record(&mut self, step: Step, key: Option<(PlanId, EditKey)>, now_ms: f64) {
        let merged = self.merged(&step, key, now_ms);
        if let (Some(diff), Some(Step::Plan { diff: slot, .. })) = (merged, self.past.last_mut()) {
            *slot = diff;
        } else {
            self.past.push(step);
            if self.past.len() > UNDO_LIMIT {
                self.past.remove(0);
            }
        }
        self.future.clear();
        self.last = key.map(|(p, k)| (p, k, now_ms));
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Steps back one edit. Returns whether anything changed.
    pub fn undo(&mut self, ws: &mut Workspace) -> bool {
        Self::step(&mut self.past, &mut self.future, ws, &mut self.last)
    }

    /// Steps forward one undone edit. Returns whether anything changed.
    pub fn redo(&mut self, ws: &mut Workspace) -> bool {
        Self::step(&mut self.future, &mut self.past, ws, &mut self.last)
    }

    fn step(
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
        ws: &mut Workspace,
        last: &mut Option<(PlanId, EditKey, f64)>,
    ) -> bool {
        let Some(mut step) = from.pop() else {
            return false;
        };
        *last = None;
        if step.swap(ws) {
            to.push(step);
            true
        } else {
            // A step that does not fit cannot be undone; history after it is meaningless.
            from.clear();
            false
        }
    }

    /// Forgets everything (after the workspace was replaced from outside, e.g. another tab).
    pub fn clear(&mut self) {
        *self = History::default();
    }

    /// Undo steps kept.
    pub fn len(&self) -> usize {
        self.past.len()
    }

    pub fn is_empty(&self) -> bool {
        self.past.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws() -> Workspace {
        Workspace::first_visit(Lang::En)
    }

    fn plan(ws: &Workspace) -> &Plan {
        ws.current_plan().expect("a plan is open")
    }

    fn edit(ws: &mut Workspace, e: PlanEdit) -> Result<Applied, ModelError> {
        ws.apply(Action::Edit(e))
    }

    #[test]
    fn first_visit_opens_the_starter_example() {
        let w = ws();
        assert_eq!(w.plans.len(), 1);
        assert_eq!(
            w.current().and_then(|e| e.example.as_deref()),
            Some("starter")
        );
        assert_eq!(plan(&w).lines.len(), 6);
        assert!(validate_workspace(&w).is_empty());
    }

    #[test]
    fn line_actions_add_edit_duplicate_move_and_delete() {
        let mut w = ws();
        edit(&mut w, PlanEdit::AddLine).expect("add");
        let id = plan(&w).lines.last().map(|l| l.id).expect("line");
        assert_eq!(id, LineId(7));
        edit(
            &mut w,
            PlanEdit::UpdateLine(id, LineEdit::Amount(Decimal::from(12_000))),
        )
        .expect("amount");
        edit(
            &mut w,
            PlanEdit::UpdateLine(id, LineEdit::Name("Promotions".into())),
        )
        .expect("name");
        edit(&mut w, PlanEdit::DuplicateLine(id)).expect("duplicate");
        let names: Vec<&str> = plan(&w).lines.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names[6..], ["Promotions", "Promotions (2)"]);
        edit(&mut w, PlanEdit::MoveLine(id, -6)).expect("move");
        assert_eq!(plan(&w).lines[0].id, id);
        edit(&mut w, PlanEdit::MoveLine(id, -1)).expect("move past the top stays at the top");
        assert_eq!(plan(&w).lines[0].id, id);
        edit(&mut w, PlanEdit::DeleteLine(id)).expect("delete");
        assert_eq!(plan(&w).lines.len(), 7);
        assert!(plan(&w).line(id).is_none());
    }

    #[test]
    fn invalid_edits_change_nothing_and_name_the_field() {
        let mut w = ws();
        let before = w.clone();
        let id = plan(&w).lines[0].id;
        let err = edit(
            &mut w,
            PlanEdit::UpdateLine(id, LineEdit::Amount(Decimal::from(-1))),
        )
        .expect_err("negative");
        assert!(matches!(err.field(), Field::LineAmount { .. }));
        let cases = [
            PlanEdit::SetEconomics(EconomicsField::Churn, Decimal::from(101)),
            PlanEdit::Rename("x".repeat(201)),
            PlanEdit::SetHorizon(0),
            PlanEdit::SetHorizon(121),
            PlanEdit::SetCurrency("yuan".into()),
            PlanEdit::UpdateLine(LineId(99), LineEdit::Name("gone".into())),
            PlanEdit::DeleteLine(LineId(99)),
            PlanEdit::DeleteLever(ScenarioId(1), 99),
            PlanEdit::RenameScenario(ScenarioId(99), "x".into()),
        ];
        for case in cases {
            assert!(edit(&mut w, case.clone()).is_err(), "{case:?}");
        }
        assert!(w.apply(Action::SelectPlan(PlanId(9))).is_err());
        assert!(w.apply(Action::DeletePlan(PlanId(9))).is_err());
        assert_eq!(w, before);
    }

    #[test]
    fn fee_tier_shares_may_not_pass_100_percent() {
        let mut w = ws();
        edit(&mut w, PlanEdit::AddTier).expect("tier");
        edit(&mut w, PlanEdit::AddTier).expect("tier");
        let ids: Vec<TierId> = plan(&w).fee_tiers.iter().map(|t| t.id).collect();
        edit(
            &mut w,
            PlanEdit::UpdateTier(ids[0], TierEdit::Share(Decimal::from(60))),
        )
        .expect("60 %");
        let err = edit(
            &mut w,
            PlanEdit::UpdateTier(ids[1], TierEdit::Share(Decimal::from(41))),
        )
        .expect_err("101 % in total");
        assert_eq!(err.field(), &Field::FeeTiers);
        edit(
            &mut w,
            PlanEdit::UpdateTier(ids[1], TierEdit::Share(Decimal::from(40))),
        )
        .expect("100 % in total");
    }

    #[test]
    fn plans_can_be_created_duplicated_deleted_and_restored() {
        let mut w = ws();
        w.apply(Action::NewPlan(None)).expect("blank");
        assert_eq!(w.selected, PlanId(2));
        assert_eq!(plan(&w).lines.len(), 0);
        w.apply(Action::NewPlan(Some(Example::Saas)))
            .expect("example");
        w.apply(Action::DuplicatePlan(PlanId(3)))
            .expect("duplicate");
        assert_eq!(plan(&w).name, "Example: SaaS business copy");
        let applied = w.apply(Action::DeletePlan(PlanId(4))).expect("delete");
        assert_eq!(
            applied.notes,
            vec![Note::PlanDeleted {
                id: PlanId(4),
                name: "Example: SaaS business copy".into()
            }]
        );
        assert_eq!(w.plans.len(), 3);
        assert_eq!(w.trash.len(), 1);
        w.apply(Action::RestorePlan(PlanId(4))).expect("restore");
        assert_eq!(w.selected, PlanId(4));
        for id in [1, 2, 3, 4] {
            w.apply(Action::DeletePlan(PlanId(id))).expect("delete");
        }
        assert_eq!(
            w.plans.len(),
            1,
            "deleting the last plan leaves a blank one"
        );
        assert_eq!(w.selected, w.plans[0].id);
    }

    #[test]
    fn long_names_stay_within_the_limit_however_often_they_are_copied() {
        let mut w = ws();
        let long = "名".repeat(limits::NAME_CHARS);
        edit(&mut w, PlanEdit::Rename(long.clone())).expect("200 characters");
        let shared = plan(&w).clone();
        for _ in 0..3 {
            w.apply(Action::AddPlan(Box::new(shared.clone())))
                .expect("save a copy");
            w.apply(Action::DuplicatePlan(w.selected))
                .expect("duplicate");
        }
        edit(&mut w, PlanEdit::AddScenario(None)).expect("scenario");
        let s = plan(&w).scenarios.last().map(|s| s.id).expect("scenario");
        edit(&mut w, PlanEdit::RenameScenario(s, long.clone())).expect("rename");
        for _ in 0..3 {
            edit(&mut w, PlanEdit::DuplicateScenario(s)).expect("duplicate scenario");
        }
        let id = plan(&w).lines[0].id;
        edit(&mut w, PlanEdit::UpdateLine(id, LineEdit::Name(long))).expect("line name");
        for _ in 0..3 {
            edit(&mut w, PlanEdit::DuplicateLine(id)).expect("duplicate line");
        }
        assert!(
            validate_workspace(&w).is_empty(),
            "{:?}",
            validate_workspace(&w)
        );
        let names: std::collections::HashSet<&str> =
            w.plans.iter().map(|p| p.plan.name.as_str()).collect();
        assert_eq!(names.len(), w.plans.len(), "names stay unique");
    }

    #[test]
    fn ids_never_saturate() {
        let mut w = ws();
        let mut big = plan(&w).clone();
        big.lines[0].id = LineId(u32::MAX);
        big.fee_tiers.push(FeeTier {
            id: TierId(u32::MAX),
            name: "t".into(),
            share_pct: Decimal::ONE,
            monthly_fee: Decimal::ONE,
        });
        big.scenarios[0].id = ScenarioId(u32::MAX);
        w.apply(Action::AddPlan(Box::new(big))).expect("add");
        for _ in 0..3 {
            edit(&mut w, PlanEdit::AddLine).expect("line");
            edit(&mut w, PlanEdit::AddTier).expect("tier");
            edit(&mut w, PlanEdit::AddScenario(None)).expect("scenario");
        }
        let first = plan(&w).lines[0].id;
        edit(&mut w, PlanEdit::DuplicateLine(first)).expect("duplicate");
        assert!(
            validate_workspace(&w).is_empty(),
            "{:?}",
            validate_workspace(&w)
        );
    }

    #[test]
    fn a_new_line_never_takes_over_a_dangling_lever() {
        let mut w = ws();
        let last = plan(&w).lines.last().map(|l| l.id).expect("line");
        let deleted_name = plan(&w).lines.last().map(|l| l.name.clone()).expect("line");
        let s = plan(&w).scenarios[0].id;
        edit(
            &mut w,
            PlanEdit::AddLever(
                s,
                Lever::LineAmount {
                    line: last,
                    amount: Decimal::ONE,
                },
            ),
        )
        .expect("lever");
        let applied = edit(&mut w, PlanEdit::DeleteLine(last)).expect("delete");
        assert_eq!(
            applied.notes,
            vec![
                Note::LineDeleted {
                    name: deleted_name.clone()
                },
                Note::LeversDangling { count: 1 }
            ]
        );
        assert_eq!(plan(&w).dangling_levers().len(), 1);
        edit(&mut w, PlanEdit::AddLine).expect("add");
        assert_ne!(plan(&w).lines.last().map(|l| l.id), Some(last));
        assert_eq!(plan(&w).dangling_levers().len(), 1, "still dangling");
    }

    #[test]
    fn scenarios_from_presets_and_their_levers() {
        let mut w = ws();
        edit(
            &mut w,
            PlanEdit::AddScenario(Some(Strategy::ServiceQuality)),
        )
        .expect("preset");
        let s = plan(&w).scenarios.last().cloned().expect("scenario");
        assert_eq!(s.name, "Better service quality (2)");
        assert_eq!(s.levers.len(), 3);
        edit(
            &mut w,
            PlanEdit::UpdateLever(
                s.id,
                2,
                Lever::Churn {
                    pct: Decimal::from(-20),
                },
            ),
        )
        .expect("tune");
        assert!(edit(
            &mut w,
            PlanEdit::UpdateLever(
                s.id,
                2,
                Lever::Churn {
                    pct: Decimal::from(-120)
                }
            )
        )
        .is_err());
        edit(&mut w, PlanEdit::DeleteLever(s.id, 0)).expect("delete lever");
        edit(&mut w, PlanEdit::DuplicateScenario(s.id)).expect("duplicate");
        edit(&mut w, PlanEdit::DeleteScenario(s.id)).expect("delete");
        let last = plan(&w).scenarios.last().expect("copy");
        assert_eq!(
            last.levers,
            vec![
                Lever::CategorySpend {
                    category: Category::Support,
                    pct: Decimal::from(15)
                },
                Lever::Churn {
                    pct: Decimal::from(-20)
                },
            ]
        );
    }

    #[test]
    fn imports_add_plans_and_lines_without_touching_what_is_there() {
        let mut w = ws();
        let before = plan(&w).lines.clone();
        let imported = Example::Saas.plan(Lang::En).lines;
        edit(
            &mut w,
            PlanEdit::ImportLines {
                lines: imported.clone(),
                replace: false,
            },
        )
        .expect("append");
        assert_eq!(plan(&w).lines.len(), before.len() + imported.len());
        assert_eq!(plan(&w).lines[..before.len()], before[..]);
        let ids: std::collections::HashSet<LineId> = plan(&w).lines.iter().map(|l| l.id).collect();
        assert_eq!(ids.len(), plan(&w).lines.len(), "fresh ids");
        edit(
            &mut w,
            PlanEdit::ImportLines {
                lines: imported.clone(),
                replace: true,
            },
        )
        .expect("replace");
        assert_eq!(plan(&w).lines.len(), imported.len());

        w.apply(Action::AddPlans(
            vec![
                Example::Ecommerce.plan(Lang::En),
                Example::Manufacturer.plan(Lang::En),
            ],
            Vec::new(),
        ))
        .expect("add plans");
        assert_eq!(w.plans.len(), 3);
        assert_eq!(plan(&w).name, "Example: e-commerce firm");

        let mut backup = Workspace::first_visit(Lang::Zh);
        Arc::make_mut(&mut backup.plans[0].plan).name = "Backup".into();
        w.apply(Action::ReplaceWorkspace(Box::new(backup)))
            .expect("replace all");
        assert_eq!(w.plans.len(), 1);
        assert_eq!(plan(&w).name, "Backup");
        assert_eq!(w.lang, Lang::En, "the language stays");
    }

    #[test]
    fn undo_and_redo_step_through_edits() {
        let mut w = ws();
        let mut h = History::default();
        let original = w.clone();
        h.apply(&mut w, Action::Edit(PlanEdit::AddLine), 0.0)
            .expect("add");
        // Typing 1, 12, 120 quickly is one step.
        for (i, v) in [1, 12, 120].into_iter().enumerate() {
            h.apply(
                &mut w,
                Action::Edit(PlanEdit::SetEconomics(
                    EconomicsField::NewCustomers,
                    Decimal::from(v),
                )),
                1.0 + i as f64 * 100.0,
            )
            .expect("edit");
        }
        assert_eq!(h.len(), 2);
        assert!(h.undo(&mut w));
        assert_eq!(plan(&w).new_customers_per_month, Decimal::from(100));
        assert!(h.undo(&mut w));
        assert_eq!(w.plans, original.plans);
        assert!(!h.undo(&mut w));
        assert!(h.redo(&mut w));
        assert!(h.redo(&mut w));
        assert_eq!(plan(&w).new_customers_per_month, Decimal::from(120));
        assert!(!h.redo(&mut w));
    }

    #[test]
    fn ranges_and_answer_scenarios_are_edits_that_undo() {
        use crate::model::{Input, InputRange};
        let mut w = ws();
        let mut h = History::default();
        let original = w.clone();
        let churn = Driver::Input(Input::ChurnPct);
        let range = |low: i64, high: i64| InputRange {
            driver: churn,
            low: Decimal::from(low),
            high: Decimal::from(high),
        };
        h.apply(&mut w, Action::Edit(PlanEdit::SetRange(range(4, 7))), 0.0)
            .expect("range");
        // Typing the high value again replaces the range, in the same step.
        h.apply(&mut w, Action::Edit(PlanEdit::SetRange(range(4, 8))), 50.0)
            .expect("range");
        assert_eq!(plan(&w).ranges, vec![range(4, 8)]);
        assert_eq!(h.len(), 1);
        // Low above high is refused and changes nothing.
        assert!(edit(&mut w, PlanEdit::SetRange(range(9, 8))).is_err());
        assert_eq!(plan(&w).ranges, vec![range(4, 8)]);
        let levers = vec![Lever::Set {
            input: Input::ChurnPct,
            value: Decimal::new(78_508, 4),
        }];
        h.apply(
            &mut w,
            Action::Edit(PlanEdit::AddScenarioWith {
                name: "Goal".into(),
                levers: levers.clone(),
            }),
            5_000.0,
        )
        .expect("scenario");
        let added = plan(&w).scenarios.last().expect("added");
        assert_eq!((added.name.as_str(), &added.levers), ("Goal", &levers));
        h.apply(&mut w, Action::Edit(PlanEdit::DeleteRange(churn)), 10_000.0)
            .expect("delete");
        assert!(plan(&w).ranges.is_empty());
        assert!(h.undo(&mut w) && h.undo(&mut w) && h.undo(&mut w));
        assert_eq!(w.plans, original.plans);
        // Deleting a line takes its range with it (and undo brings both back).
        let line = plan(&w).lines[0].id;
        let line_range = InputRange {
            driver: Driver::LineAmount(line),
            low: Decimal::ZERO,
            high: Decimal::from(100_000),
        };
        edit(&mut w, PlanEdit::SetRange(line_range.clone())).expect("range");
        h.apply(&mut w, Action::Edit(PlanEdit::DeleteLine(line)), 20_000.0)
            .expect("delete");
        assert!(plan(&w).ranges.is_empty());
        assert!(h.undo(&mut w));
        assert_eq!(plan(&w).ranges, vec![line_range]);
    }

    #[test]
    fn typing_a_line_amount_is_one_step() {
        let mut w = ws();
        let mut h = History::default();
        let id = plan(&w).lines[2].id;
        let before = plan(&w).clone();
        for (i, v) in [1, 12, 120, 1200].into_iter().enumerate() {
            h.apply(
                &mut w,
                Action::Edit(PlanEdit::UpdateLine(id, LineEdit::Amount(Decimal::from(v)))),
                i as f64 * 200.0,
            )
            .expect("type");
        }
        assert_eq!(h.len(), 1);
        assert!(h.undo(&mut w));
        assert_eq!(*plan(&w), before);
    }

    #[test]
    fn undo_brings_back_deleted_lines_scenarios_and_plans() {
        let mut w = ws();
        let mut h = History::default();
        let original = w.clone();
        let line = plan(&w).lines[0].id;
        let scenario = plan(&w).scenarios[0].id;
        h.apply(&mut w, Action::Edit(PlanEdit::DeleteLine(line)), 0.0)
            .expect("line");
        h.apply(
            &mut w,
            Action::Edit(PlanEdit::DeleteScenario(scenario)),
            1.0,
        )
        .expect("scenario");
        h.apply(&mut w, Action::DeletePlan(PlanId(1)), 2.0)
            .expect("plan");
        for _ in 0..3 {
            assert!(h.undo(&mut w));
        }
        assert_eq!(w, original);
    }

    #[test]
    fn undoing_an_edit_of_another_plan_opens_that_plan() {
        let mut w = ws();
        let mut h = History::default();
        h.apply(&mut w, Action::NewPlan(None), 0.0).expect("new");
        h.apply(&mut w, Action::SelectPlan(PlanId(1)), 1.0)
            .expect("select");
        h.apply(&mut w, Action::Edit(PlanEdit::Rename("Edited".into())), 2.0)
            .expect("rename");
        h.apply(&mut w, Action::SelectPlan(PlanId(2)), 3.0)
            .expect("select");
        assert!(h.undo(&mut w));
        assert_eq!(w.selected, PlanId(1));
        assert_eq!(plan(&w).name, "Example: starter plan");
    }

    #[test]
    fn a_hundred_steps_can_be_undone() {
        let mut w = ws();
        let mut h = History::default();
        for i in 0..150 {
            h.apply(
                &mut w,
                Action::Edit(PlanEdit::AddLine),
                f64::from(i) * 5_000.0,
            )
            .expect("add");
        }
        let mut steps = 0;
        while h.undo(&mut w) {
            steps += 1;
        }
        assert_eq!(steps, 150);
        assert_eq!(plan(&w).lines.len(), 6);
    }

    #[test]
    fn splices_cover_only_what_changed_and_swap_both_ways() {
        let cases: [(&[u8], &[u8]); 7] = [
            (b"abcdef", b"abXdef"),
            (b"abcdef", b"abdef"),
            (b"abcdef", b"abcXdef"),
            (b"abc", b""),
            (b"", b"abc"),
            (b"aaaa", b"aaa"),
            (b"abcdef", b"bcdefa"),
        ];
        for (old, new) in cases {
            let mut splice = Splice::between(old, new).expect("different");
            let mut list = new.to_vec();
            splice.swap(&mut list);
            assert_eq!(list, old, "{old:?} → {new:?}");
            splice.swap(&mut list);
            assert_eq!(list, new, "{old:?} → {new:?} and back");
        }
        let s = Splice::between(b"abcdef".as_slice(), b"abXdef").expect("one item");
        assert_eq!((s.at, s.items.len(), s.len), (2, 1, 1));
    }
}
