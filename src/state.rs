//! The one app state: plain model data, changed only through a closed set of [`Action`]s by one
//! reducer. This is what makes undo/redo and persistence simple. No signals in here: the Leptos
//! glue (`crate::app`) keeps a [`Workspace`] in one signal and calls [`Workspace::apply`].

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::validate::{check_count, check_name};
use crate::model::{
    limits, validate_lever, validate_line, Basis, BudgetLine, Category, Example, FeeTier, Field,
    Lang, Lever, LineId, ModelError, Plan, Problem, Scenario, ScenarioId, Stage, Strategy, TierId,
};

/// Stable identity of a plan in the workspace.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct PlanId(pub u32);

/// A plan as the workspace keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanEntry {
    pub id: PlanId,
    /// The example this plan was made from, so the page can mark it as an example.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    pub plan: Plan,
}

/// Most plans kept in the list of recently deleted plans.
pub const TRASH_LIMIT: usize = 20;
/// Most plans in a workspace.
pub const PLANS_LIMIT: usize = 200;

/// Everything the user has: plans, which one is open, the language, recently deleted plans.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    pub plans: Vec<PlanEntry>,
    pub selected: PlanId,
    pub lang: Lang,
    /// Recently deleted plans, newest last, so a deletion can be taken back.
    #[serde(default)]
    pub trash: Vec<PlanEntry>,
}

/// Checks a workspace from storage or a file: the plans' values and limits, unique ids, an
/// existing open plan.
pub fn validate_workspace(ws: &Workspace) -> Vec<ModelError> {
    let invalid = |problem| ModelError::Invalid {
        field: Field::Plans,
        problem,
    };
    let mut errors = Vec::new();
    if ws.plans.is_empty() {
        errors.push(invalid(Problem::Empty));
    }
    if ws.plans.len() > PLANS_LIMIT {
        errors.push(invalid(Problem::TooMany { max: PLANS_LIMIT }));
    }
    if ws.trash.len() > TRASH_LIMIT {
        errors.push(invalid(Problem::TooMany { max: TRASH_LIMIT }));
    }
    let mut ids = std::collections::HashSet::new();
    if ws.plans.iter().chain(&ws.trash).any(|p| !ids.insert(p.id)) {
        errors.push(invalid(Problem::DuplicateId));
    }
    if !ws.plans.is_empty() && ws.current().is_none() {
        errors.push(invalid(Problem::Dangling));
    }
    for entry in ws.plans.iter().chain(&ws.trash) {
        errors.extend(crate::model::validate(&entry.plan));
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

/// Every change a user can make. The reducer is the only code that changes a [`Workspace`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    SetLang(Lang),
    SelectPlan(PlanId),
    /// A new plan, blank or from an example, which becomes the open plan.
    NewPlan(Option<Example>),
    DuplicatePlan(PlanId),
    RenamePlan(PlanId, String),
    DeletePlan(PlanId),
    /// Brings a deleted plan back from the trash.
    RestorePlan(PlanId),
    /// Adds a plan (an import or a shared link) and opens it.
    AddPlan(Box<Plan>),
    /// Adds several plans (a workspace file) and opens the first.
    AddPlans(Vec<Plan>),
    /// Replaces every plan with a workspace's (a backup file); the language stays.
    ReplaceWorkspace(Box<Workspace>),
    /// Budget lines read from a file, appended or replacing the open plan's lines.
    ImportLines {
        lines: Vec<BudgetLine>,
        replace: bool,
    },

    SetEconomics(EconomicsField, Decimal),
    SetHorizon(u16),
    SetCurrency(String),

    AddLine,
    UpdateLine(LineId, LineEdit),
    DuplicateLine(LineId),
    DeleteLine(LineId),
    /// Moves a line up (−1) or down (+1) in the list.
    MoveLine(LineId, isize),

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
}

impl Action {
    /// Actions with the same key in quick succession make one undo step (typing `12000`).
    pub fn coalesce_key(&self) -> Option<String> {
        match self {
            Action::SetEconomics(f, _) => Some(format!("econ:{f:?}")),
            Action::SetHorizon(_) => Some("horizon".into()),
            Action::SetCurrency(_) => Some("currency".into()),
            Action::RenamePlan(id, _) => Some(format!("plan-name:{}", id.0)),
            Action::UpdateLine(id, LineEdit::Name(_)) => Some(format!("line-name:{}", id.0)),
            Action::UpdateLine(id, LineEdit::Amount(_)) => Some(format!("line-amount:{}", id.0)),
            Action::UpdateTier(id, TierEdit::Name(_)) => Some(format!("tier-name:{}", id.0)),
            Action::UpdateTier(id, TierEdit::Share(_)) => Some(format!("tier-share:{}", id.0)),
            Action::UpdateTier(id, TierEdit::Fee(_)) => Some(format!("tier-fee:{}", id.0)),
            Action::RenameScenario(id, _) => Some(format!("scenario-name:{}", id.0)),
            Action::UpdateLever(id, i, _) => Some(format!("lever:{}:{i}", id.0)),
            _ => None,
        }
    }

    /// Whether the action changes the user's data (and so belongs in undo history).
    pub fn is_edit(&self) -> bool {
        !matches!(self, Action::SetLang(_))
    }
}

/// A name not yet used by any of `taken`: `base`, `base (2)`, `base (3)`…
pub fn unique_name<'a>(base: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    if !taken.clone().any(|t| t == base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base} ({n})"))
        .find(|candidate| !taken.clone().any(|t| t == candidate))
        .unwrap_or_else(|| base.to_owned())
}

impl Workspace {
    /// A first-visit workspace: the starter example, marked as an example, in `lang`.
    pub fn first_visit(lang: Lang) -> Workspace {
        Workspace {
            plans: vec![PlanEntry {
                id: PlanId(1),
                example: Some(Example::Starter.key().to_owned()),
                plan: Example::Starter.plan(lang),
            }],
            selected: PlanId(1),
            lang,
            trash: Vec::new(),
        }
    }

    pub fn current(&self) -> Option<&PlanEntry> {
        self.plans.iter().find(|p| p.id == self.selected)
    }

    pub fn current_plan(&self) -> Option<&Plan> {
        self.current().map(|e| &e.plan)
    }

    fn current_plan_mut(&mut self) -> Option<&mut Plan> {
        let id = self.selected;
        self.plans
            .iter_mut()
            .find(|p| p.id == id)
            .map(|e| &mut e.plan)
    }

    fn next_plan_id(&self) -> PlanId {
        let max = self
            .plans
            .iter()
            .chain(self.trash.iter())
            .map(|p| p.id.0)
            .max()
            .unwrap_or(0);
        PlanId(max.saturating_add(1))
    }

    fn push_plan(&mut self, plan: Plan, example: Option<String>) -> Result<(), ModelError> {
        check_count(self.plans.len() + 1, PLANS_LIMIT, Field::Plans)?;
        let id = self.next_plan_id();
        let name = unique_name(&plan.name, self.plans.iter().map(|p| p.plan.name.as_str()));
        self.plans.push(PlanEntry {
            id,
            example,
            plan: Plan { name, ..plan },
        });
        self.selected = id;
        Ok(())
    }

    /// Applies one action. On error nothing has changed and the error says which field and why.
    pub fn apply(&mut self, action: Action) -> Result<(), ModelError> {
        let lang = self.lang;
        match action {
            Action::SetLang(l) => self.lang = l,
            Action::SelectPlan(id) => {
                if self.plans.iter().any(|p| p.id == id) {
                    self.selected = id;
                }
            }
            Action::NewPlan(example) => {
                let plan = match example {
                    Some(e) => e.plan(lang),
                    None => Plan {
                        name: lang.pick("新方案", "New plan").to_owned(),
                        ..Plan::default()
                    },
                };
                self.push_plan(plan, example.map(|e| e.key().to_owned()))?;
            }
            Action::DuplicatePlan(id) => {
                if let Some(entry) = self.plans.iter().find(|p| p.id == id).cloned() {
                    let name = format!("{}{}", entry.plan.name, lang.pick(" 副本", " copy"));
                    check_name(&name, || Field::PlanName)?;
                    self.push_plan(Plan { name, ..entry.plan }, entry.example)?;
                }
            }
            Action::RenamePlan(id, name) => {
                check_name(&name, || Field::PlanName)?;
                if let Some(entry) = self.plans.iter_mut().find(|p| p.id == id) {
                    entry.plan.name = name;
                }
            }
            Action::DeletePlan(id) => {
                if let Some(index) = self.plans.iter().position(|p| p.id == id) {
                    let entry = self.plans.remove(index);
                    self.trash.push(entry);
                    if self.trash.len() > TRASH_LIMIT {
                        self.trash.remove(0);
                    }
                    if self.plans.is_empty() {
                        let blank = Plan {
                            name: lang.pick("新方案", "New plan").to_owned(),
                            ..Plan::default()
                        };
                        self.push_plan(blank, None)?;
                    } else if self.selected == id {
                        let next = index.min(self.plans.len() - 1);
                        self.selected = self.plans[next].id;
                    }
                }
            }
            Action::RestorePlan(id) => {
                if let Some(index) = self.trash.iter().position(|p| p.id == id) {
                    check_count(self.plans.len() + 1, PLANS_LIMIT, Field::Plans)?;
                    let entry = self.trash.remove(index);
                    self.selected = entry.id;
                    self.plans.push(entry);
                }
            }
            Action::AddPlan(plan) => {
                if let Some(e) = crate::model::validate(&plan).into_iter().next() {
                    return Err(e);
                }
                self.push_plan(*plan, None)?;
            }
            Action::AddPlans(plans) => {
                check_count(self.plans.len() + plans.len(), PLANS_LIMIT, Field::Plans)?;
                if let Some(e) = plans
                    .iter()
                    .find_map(|p| crate::model::validate(p).into_iter().next())
                {
                    return Err(e);
                }
                let first = self.next_plan_id();
                for plan in plans {
                    self.push_plan(plan, None)?;
                }
                if self.plans.iter().any(|p| p.id == first) {
                    self.selected = first;
                }
            }
            Action::ReplaceWorkspace(workspace) => {
                if let Some(e) = validate_workspace(&workspace).into_iter().next() {
                    return Err(e);
                }
                *self = Workspace { lang, ..*workspace };
            }
            other => {
                let Some(plan) = self.current_plan_mut() else {
                    return Ok(());
                };
                apply_to_plan(plan, other, lang)?;
            }
        }
        Ok(())
    }
}

/// Applies an action that edits one plan.
fn apply_to_plan(plan: &mut Plan, action: Action, lang: Lang) -> Result<(), ModelError> {
    match action {
        Action::SetEconomics(field, value) => {
            crate::model::check_value(value, field.rule()).map_err(|e| ModelError::Invalid {
                field: field.field(),
                problem: Problem::Number(e),
            })?;
            *field.slot(plan) = value;
        }
        Action::SetHorizon(months) => {
            if !(1..=limits::HORIZON_MONTHS).contains(&months) {
                return Err(ModelError::Invalid {
                    field: Field::Horizon,
                    problem: Problem::Number(crate::model::ParseError::OutOfRange {
                        min: Decimal::ONE,
                        max: Decimal::from(limits::HORIZON_MONTHS),
                        percent: false,
                    }),
                });
            }
            plan.horizon_months = months;
        }
        Action::SetCurrency(code) => {
            let code = code.trim().to_ascii_uppercase();
            if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(ModelError::Invalid {
                    field: Field::Currency,
                    problem: Problem::BadCurrency,
                });
            }
            plan.currency = code;
        }
        Action::AddLine => {
            check_count(plan.lines.len() + 1, limits::LINES, Field::Lines)?;
            let id = plan.next_line_id();
            let name = unique_name(
                lang.pick("新预算项", "New line"),
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
        Action::UpdateLine(id, edit) => {
            let Some(line) = plan.lines.iter_mut().find(|l| l.id == id) else {
                return Ok(());
            };
            let mut updated = line.clone();
            match edit {
                LineEdit::Name(n) => updated.name = n,
                LineEdit::Category(c) => updated.category = c,
                LineEdit::Stage(s) => updated.stage = s,
                LineEdit::Amount(a) => updated.amount = a,
                LineEdit::Basis(b) => updated.basis = b,
            }
            validate_line(&updated)?;
            *line = updated;
        }
        Action::DuplicateLine(id) => {
            check_count(plan.lines.len() + 1, limits::LINES, Field::Lines)?;
            if let Some(index) = plan.lines.iter().position(|l| l.id == id) {
                let mut copy = plan.lines[index].clone();
                copy.id = plan.next_line_id();
                copy.name = unique_name(&copy.name, plan.lines.iter().map(|l| l.name.as_str()));
                if copy.name.chars().count() > limits::NAME_CHARS {
                    copy.name = plan.lines[index].name.clone();
                }
                plan.lines.insert(index + 1, copy);
            }
        }
        Action::DeleteLine(id) => plan.lines.retain(|l| l.id != id),
        Action::MoveLine(id, by) => {
            if let Some(from) = plan.lines.iter().position(|l| l.id == id) {
                let to = from
                    .checked_add_signed(by)
                    .unwrap_or(0)
                    .min(plan.lines.len().saturating_sub(1));
                let line = plan.lines.remove(from);
                plan.lines.insert(to, line);
            }
        }
        Action::AddTier => {
            check_count(plan.fee_tiers.len() + 1, limits::FEE_TIERS, Field::FeeTiers)?;
            let id = plan.next_tier_id();
            let name = unique_name(
                lang.pick("新档位", "New tier"),
                plan.fee_tiers.iter().map(|t| t.name.as_str()),
            );
            plan.fee_tiers.push(FeeTier {
                id,
                name,
                share_pct: Decimal::ZERO,
                monthly_fee: Decimal::ZERO,
            });
        }
        Action::UpdateTier(id, edit) => {
            let mut tiers = plan.fee_tiers.clone();
            let Some(tier) = tiers.iter_mut().find(|t| t.id == id) else {
                return Ok(());
            };
            match edit {
                TierEdit::Name(n) => tier.name = n,
                TierEdit::Share(s) => tier.share_pct = s,
                TierEdit::Fee(f) => tier.monthly_fee = f,
            }
            let candidate = Plan {
                fee_tiers: tiers,
                lines: Vec::new(),
                scenarios: Vec::new(),
                ..plan.clone()
            };
            if let Some(e) = crate::model::validate(&candidate).into_iter().next() {
                return Err(e);
            }
            plan.fee_tiers = candidate.fee_tiers;
        }
        Action::DeleteTier(id) => plan.fee_tiers.retain(|t| t.id != id),
        Action::AddScenario(preset) => {
            check_count(
                plan.scenarios.len() + 1,
                limits::SCENARIOS,
                Field::Scenarios,
            )?;
            let id = plan.next_scenario_id();
            let mut scenario = match preset {
                Some(strategy) => strategy.scenario(id, lang),
                None => Scenario {
                    id,
                    name: lang.pick("新情景", "New scenario").to_owned(),
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
        Action::RenameScenario(id, name) => {
            let field = || Field::ScenarioName {
                id,
                name: name.clone(),
            };
            check_name(&name, field)?;
            if let Some(s) = plan.scenarios.iter_mut().find(|s| s.id == id) {
                s.name = name;
            }
        }
        Action::DuplicateScenario(id) => {
            check_count(
                plan.scenarios.len() + 1,
                limits::SCENARIOS,
                Field::Scenarios,
            )?;
            if let Some(index) = plan.scenarios.iter().position(|s| s.id == id) {
                let mut copy = plan.scenarios[index].clone();
                copy.id = plan.next_scenario_id();
                let name = format!("{}{}", copy.name, lang.pick(" 副本", " copy"));
                copy.name = unique_name(&name, plan.scenarios.iter().map(|s| s.name.as_str()));
                if copy.name.chars().count() > limits::NAME_CHARS {
                    copy.name = plan.scenarios[index].name.clone();
                }
                // Lines a scenario adds need ids of their own in the copy.
                let mut next = plan.next_line_id().0;
                for lever in &mut copy.levers {
                    if let Lever::AddLine { line } = lever {
                        line.id = LineId(next);
                        next = next.saturating_add(1);
                    }
                }
                plan.scenarios.insert(index + 1, copy);
            }
        }
        Action::DeleteScenario(id) => plan.scenarios.retain(|s| s.id != id),
        Action::AddLever(id, lever) => {
            let Some(s) = plan.scenarios.iter_mut().find(|s| s.id == id) else {
                return Ok(());
            };
            check_count(
                s.levers.len() + 1,
                limits::LEVERS,
                Field::ScenarioName {
                    id,
                    name: s.name.clone(),
                },
            )?;
            let index = s.levers.len();
            let name = s.name.clone();
            validate_lever(&lever, || Field::Lever {
                id,
                name: name.clone(),
                index,
            })?;
            s.levers.push(lever);
        }
        Action::UpdateLever(id, index, lever) => {
            let Some(s) = plan.scenarios.iter_mut().find(|s| s.id == id) else {
                return Ok(());
            };
            let name = s.name.clone();
            validate_lever(&lever, || Field::Lever {
                id,
                name: name.clone(),
                index,
            })?;
            if let Some(slot) = s.levers.get_mut(index) {
                *slot = lever;
            }
        }
        Action::DeleteLever(id, index) => {
            if let Some(s) = plan.scenarios.iter_mut().find(|s| s.id == id) {
                if index < s.levers.len() {
                    s.levers.remove(index);
                }
            }
        }
        Action::ImportLines { lines, replace } => {
            let kept = if replace { 0 } else { plan.lines.len() };
            check_count(kept + lines.len(), limits::LINES, Field::Lines)?;
            for line in &lines {
                validate_line(line)?;
            }
            if replace {
                plan.lines.clear();
            }
            let mut next = plan.next_line_id().0;
            for mut line in lines {
                line.id = LineId(next);
                next = next.saturating_add(1);
                plan.lines.push(line);
            }
        }
        // Workspace-level actions are handled by `Workspace::apply`.
        Action::SetLang(_)
        | Action::SelectPlan(_)
        | Action::NewPlan(_)
        | Action::DuplicatePlan(_)
        | Action::RenamePlan(..)
        | Action::DeletePlan(_)
        | Action::RestorePlan(_)
        | Action::AddPlan(_)
        | Action::AddPlans(_)
        | Action::ReplaceWorkspace(_) => {}
    }
    Ok(())
}

/// Undo and redo over workspace snapshots. The language is not part of history: undoing an edit
/// never switches the language back.
#[derive(Clone, Debug, Default)]
pub struct History {
    past: Vec<Workspace>,
    future: Vec<Workspace>,
    last_key: Option<(String, f64)>,
}

/// Steps of undo kept.
pub const UNDO_LIMIT: usize = 200;
/// Edits of the same field within this many milliseconds make one undo step.
pub const COALESCE_MS: f64 = 1_000.0;

impl History {
    /// Applies `action` to `ws`, recording the previous state for undo, and says whether
    /// anything changed. `now_ms` is a clock used only to merge quick successive edits of one
    /// field into one step.
    pub fn apply(
        &mut self,
        ws: &mut Workspace,
        action: Action,
        now_ms: f64,
    ) -> Result<bool, ModelError> {
        let before = ws.clone();
        let key = action.coalesce_key();
        let is_edit = action.is_edit();
        ws.apply(action)?;
        if *ws == before {
            return Ok(false);
        }
        if !is_edit {
            return Ok(true);
        }
        let merge = match (&key, &self.last_key) {
            (Some(k), Some((last, at))) => k == last && now_ms - at <= COALESCE_MS,
            _ => false,
        };
        if !merge {
            self.past.push(before);
            if self.past.len() > UNDO_LIMIT {
                self.past.remove(0);
            }
        }
        self.future.clear();
        self.last_key = key.map(|k| (k, now_ms));
        Ok(true)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Steps back one edit. Returns whether anything changed.
    pub fn undo(&mut self, ws: &mut Workspace) -> bool {
        let Some(mut previous) = self.past.pop() else {
            return false;
        };
        previous.lang = ws.lang;
        self.future.push(std::mem::replace(ws, previous));
        self.last_key = None;
        true
    }

    /// Steps forward one undone edit. Returns whether anything changed.
    pub fn redo(&mut self, ws: &mut Workspace) -> bool {
        let Some(mut next) = self.future.pop() else {
            return false;
        };
        next.lang = ws.lang;
        self.past.push(std::mem::replace(ws, next));
        self.last_key = None;
        true
    }

    /// Forgets everything (after the workspace was replaced from outside, e.g. another tab).
    pub fn clear(&mut self) {
        *self = History::default();
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

    #[test]
    fn first_visit_opens_the_starter_example() {
        let w = ws();
        assert_eq!(w.plans.len(), 1);
        assert_eq!(
            w.current().and_then(|e| e.example.as_deref()),
            Some("starter")
        );
        assert_eq!(plan(&w).lines.len(), 6);
    }

    #[test]
    fn line_actions_add_edit_duplicate_move_and_delete() {
        let mut w = ws();
        w.apply(Action::AddLine).expect("add");
        let id = plan(&w).lines.last().map(|l| l.id).expect("line");
        assert_eq!(id, LineId(7));
        w.apply(Action::UpdateLine(
            id,
            LineEdit::Amount(Decimal::from(12_000)),
        ))
        .expect("amount");
        w.apply(Action::UpdateLine(id, LineEdit::Name("Promotions".into())))
            .expect("name");
        w.apply(Action::DuplicateLine(id)).expect("duplicate");
        let names: Vec<&str> = plan(&w).lines.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names[6..], ["Promotions", "Promotions (2)"]);
        w.apply(Action::MoveLine(id, -6)).expect("move");
        assert_eq!(plan(&w).lines[0].id, id);
        w.apply(Action::MoveLine(id, -1))
            .expect("move past the top stays at the top");
        assert_eq!(plan(&w).lines[0].id, id);
        w.apply(Action::DeleteLine(id)).expect("delete");
        assert_eq!(plan(&w).lines.len(), 7);
        assert!(plan(&w).line(id).is_none());
    }

    #[test]
    fn invalid_edits_change_nothing_and_name_the_field() {
        let mut w = ws();
        let before = w.clone();
        let id = plan(&w).lines[0].id;
        let err = w
            .apply(Action::UpdateLine(id, LineEdit::Amount(Decimal::from(-1))))
            .expect_err("negative");
        assert!(matches!(err.field(), Field::LineAmount { .. }));
        assert!(w
            .apply(Action::SetEconomics(
                EconomicsField::Churn,
                Decimal::from(101)
            ))
            .is_err());
        assert!(w
            .apply(Action::RenamePlan(PlanId(1), "x".repeat(201)))
            .is_err());
        assert!(w.apply(Action::SetHorizon(0)).is_err());
        assert!(w.apply(Action::SetCurrency("yuan".into())).is_err());
        assert_eq!(w, before);
    }

    #[test]
    fn fee_tier_shares_may_not_pass_100_percent() {
        let mut w = ws();
        w.apply(Action::AddTier).expect("tier");
        w.apply(Action::AddTier).expect("tier");
        let ids: Vec<TierId> = plan(&w).fee_tiers.iter().map(|t| t.id).collect();
        w.apply(Action::UpdateTier(
            ids[0],
            TierEdit::Share(Decimal::from(60)),
        ))
        .expect("60 %");
        let err = w
            .apply(Action::UpdateTier(
                ids[1],
                TierEdit::Share(Decimal::from(41)),
            ))
            .expect_err("101 % in total");
        assert_eq!(err.field(), &Field::FeeTiers);
        w.apply(Action::UpdateTier(
            ids[1],
            TierEdit::Share(Decimal::from(40)),
        ))
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
        w.apply(Action::DeletePlan(PlanId(4))).expect("delete");
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
    fn scenarios_from_presets_and_their_levers() {
        let mut w = ws();
        w.apply(Action::AddScenario(Some(Strategy::ServiceQuality)))
            .expect("preset");
        let s = plan(&w).scenarios.last().cloned().expect("scenario");
        assert_eq!(s.name, "Better service quality (2)");
        assert_eq!(s.levers.len(), 3);
        w.apply(Action::UpdateLever(
            s.id,
            2,
            Lever::Churn {
                pct: Decimal::from(-20),
            },
        ))
        .expect("tune");
        assert!(w
            .apply(Action::UpdateLever(
                s.id,
                2,
                Lever::Churn {
                    pct: Decimal::from(-120)
                }
            ))
            .is_err());
        w.apply(Action::DeleteLever(s.id, 0)).expect("delete lever");
        w.apply(Action::DuplicateScenario(s.id)).expect("duplicate");
        w.apply(Action::DeleteScenario(s.id)).expect("delete");
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
        w.apply(Action::ImportLines {
            lines: imported.clone(),
            replace: false,
        })
        .expect("append");
        assert_eq!(plan(&w).lines.len(), before.len() + imported.len());
        assert_eq!(plan(&w).lines[..before.len()], before[..]);
        let ids: std::collections::HashSet<LineId> = plan(&w).lines.iter().map(|l| l.id).collect();
        assert_eq!(ids.len(), plan(&w).lines.len(), "fresh ids");
        w.apply(Action::ImportLines {
            lines: imported.clone(),
            replace: true,
        })
        .expect("replace");
        assert_eq!(plan(&w).lines.len(), imported.len());

        w.apply(Action::AddPlans(vec![
            Example::Ecommerce.plan(Lang::En),
            Example::Manufacturer.plan(Lang::En),
        ]))
        .expect("add plans");
        assert_eq!(w.plans.len(), 3);
        assert_eq!(plan(&w).name, "Example: e-commerce firm");

        let mut backup = Workspace::first_visit(Lang::Zh);
        backup.plans[0].plan.name = "Backup".into();
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
        h.apply(&mut w, Action::AddLine, 0.0).expect("add");
        // Typing 1, 12, 120 quickly is one step.
        for (i, v) in [1, 12, 120].into_iter().enumerate() {
            h.apply(
                &mut w,
                Action::SetEconomics(EconomicsField::NewCustomers, Decimal::from(v)),
                1.0 + i as f64 * 100.0,
            )
            .expect("edit");
        }
        h.apply(&mut w, Action::SetLang(Lang::Zh), 500.0)
            .expect("lang");
        assert!(h.undo(&mut w));
        assert_eq!(plan(&w).new_customers_per_month, Decimal::from(100));
        assert_eq!(w.lang, Lang::Zh, "undo keeps the language");
        assert!(h.undo(&mut w));
        assert_eq!(w.plans, original.plans);
        assert!(!h.undo(&mut w));
        assert!(h.redo(&mut w));
        assert!(h.redo(&mut w));
        assert_eq!(plan(&w).new_customers_per_month, Decimal::from(120));
        assert!(!h.redo(&mut w));
    }

    #[test]
    fn undo_brings_back_deleted_lines_scenarios_and_plans() {
        let mut w = ws();
        let mut h = History::default();
        let original = w.clone();
        let line = plan(&w).lines[0].id;
        let scenario = plan(&w).scenarios[0].id;
        h.apply(&mut w, Action::DeleteLine(line), 0.0)
            .expect("line");
        h.apply(&mut w, Action::DeleteScenario(scenario), 1.0)
            .expect("scenario");
        h.apply(&mut w, Action::DeletePlan(PlanId(1)), 2.0)
            .expect("plan");
        for _ in 0..3 {
            assert!(h.undo(&mut w));
        }
        assert_eq!(w, original);
    }

    #[test]
    fn a_hundred_steps_can_be_undone() {
        let mut w = ws();
        let mut h = History::default();
        for i in 0..150 {
            h.apply(&mut w, Action::AddLine, f64::from(i) * 5_000.0)
                .expect("add");
        }
        let mut steps = 0;
        while h.undo(&mut w) {
            steps += 1;
        }
        assert_eq!(steps, 150);
        assert_eq!(plan(&w).lines.len(), 6);
    }
}
