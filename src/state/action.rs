//! What a user can do to their plans: the closed set of actions and edits, and what an
//! action reports back.

use super::*;

/// One change to a budget line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineEdit {
    Name(String),
    Category(Category),
    Stage(Stage),
    Amount(Decimal),
    /// A new basis; a one-time line has its own month and so loses any window.
    Basis(Basis),
    /// The first month the line costs in (`None`: month 1).
    FromMonth(Option<u16>),
    /// The last month the line costs in (`None`: the plan's last).
    ToMonth(Option<u16>),
}

impl LineEdit {
    /// Makes this change to `line` (a plan's line, or the line a lever adds).
    pub fn apply_to(self, line: &mut BudgetLine) {
        match self {
            LineEdit::Name(n) => line.name = n,
            LineEdit::Category(c) => line.category = c,
            LineEdit::Stage(s) => line.stage = s,
            LineEdit::Amount(a) => line.amount = a,
            LineEdit::Basis(b) => {
                if matches!(b, Basis::OneTime { .. }) {
                    (line.from_month, line.to_month) = (None, None);
                }
                line.basis = b;
            }
            LineEdit::FromMonth(m) => line.from_month = m,
            LineEdit::ToMonth(m) => line.to_month = m,
        }
    }
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

impl From<PlanEdit> for Action {
    fn from(edit: PlanEdit) -> Action {
        Action::Edit(edit)
    }
}

/// A change to the open plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanEdit {
    Rename(String),
    /// Sets one of the plan's inputs (the customer base and economics, a tier's fee).
    SetInput(Input, Decimal),
    SetHorizon(u16),
    SetCurrency(String),
    /// The twelve seasonal percentages, January to December, or none.
    SetSeasonality(Option<Vec<Decimal>>),
    /// The calendar month (1–12) of the plan's month 1.
    SetFirstCalendarMonth(u8),

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
    /// A lever's typed value changed (a percent, an amount): consecutive ones merge into one
    /// undo step.
    UpdateLever(ScenarioId, usize, Lever),
    /// A lever changed by a choice (its category, line or input, from a select): an undo step
    /// of its own, as a line's category is.
    ChooseLever(ScenarioId, usize, Lever),
    /// A change to the line an "add a line" lever adds: the budget table's edits, so its
    /// fields undo one by one as a line's do.
    UpdateLeverLine(ScenarioId, usize, LineEdit),
    DeleteLever(ScenarioId, usize),
    /// The month a lever acts from (`None`: month 1).
    SetLeverFrom(ScenarioId, usize, Option<u16>),
    /// A new scenario with these levers (what a goal seek's answer becomes), named `name`
    /// (made unique among the plan's scenarios).
    AddScenarioWith {
        name: String,
        levers: Vec<crate::model::Timed>,
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
    Input(Input),
    Horizon,
    Currency,
    LineName(LineId),
    LineAmount(LineId),
    LineFrom(LineId),
    LineTo(LineId),
    Seasonality,
    TierName(TierId),
    TierShare(TierId),
    TierFee(TierId),
    ScenarioName(ScenarioId),
    Lever(ScenarioId, usize),
    LeverLineName(ScenarioId, usize),
    LeverLineAmount(ScenarioId, usize),
    LeverLineFrom(ScenarioId, usize),
    LeverLineTo(ScenarioId, usize),
    LeverFrom(ScenarioId, usize),
    Range(Driver),
}

impl PlanEdit {
    /// The field this edit types into, if it is one that merges into one undo step.
    pub fn coalesce_key(&self) -> Option<EditKey> {
        match self {
            PlanEdit::Rename(_) => Some(EditKey::PlanName),
            PlanEdit::SetInput(input, _) => Some(EditKey::Input(*input)),
            PlanEdit::SetHorizon(_) => Some(EditKey::Horizon),
            PlanEdit::SetCurrency(_) => Some(EditKey::Currency),
            PlanEdit::UpdateLine(id, LineEdit::Name(_)) => Some(EditKey::LineName(*id)),
            PlanEdit::UpdateLine(id, LineEdit::Amount(_)) => Some(EditKey::LineAmount(*id)),
            PlanEdit::UpdateLine(id, LineEdit::FromMonth(_)) => Some(EditKey::LineFrom(*id)),
            PlanEdit::UpdateLine(id, LineEdit::ToMonth(_)) => Some(EditKey::LineTo(*id)),
            PlanEdit::SetSeasonality(_) => Some(EditKey::Seasonality),
            PlanEdit::SetLeverFrom(id, i, _) => Some(EditKey::LeverFrom(*id, *i)),
            PlanEdit::UpdateTier(id, TierEdit::Name(_)) => Some(EditKey::TierName(*id)),
            PlanEdit::UpdateTier(id, TierEdit::Share(_)) => Some(EditKey::TierShare(*id)),
            PlanEdit::UpdateTier(id, TierEdit::Fee(_)) => Some(EditKey::TierFee(*id)),
            PlanEdit::RenameScenario(id, _) => Some(EditKey::ScenarioName(*id)),
            PlanEdit::UpdateLever(id, i, _) => Some(EditKey::Lever(*id, *i)),
            PlanEdit::UpdateLeverLine(id, i, LineEdit::Name(_)) => {
                Some(EditKey::LeverLineName(*id, *i))
            }
            PlanEdit::UpdateLeverLine(id, i, LineEdit::Amount(_)) => {
                Some(EditKey::LeverLineAmount(*id, *i))
            }
            PlanEdit::UpdateLeverLine(id, i, LineEdit::FromMonth(_)) => {
                Some(EditKey::LeverLineFrom(*id, *i))
            }
            PlanEdit::UpdateLeverLine(id, i, LineEdit::ToMonth(_)) => {
                Some(EditKey::LeverLineTo(*id, *i))
            }
            PlanEdit::SetRange(r) => Some(EditKey::Range(r.driver)),
            PlanEdit::UpdateLine(
                _,
                LineEdit::Category(_) | LineEdit::Stage(_) | LineEdit::Basis(_),
            )
            | PlanEdit::UpdateLeverLine(
                ..,
                LineEdit::Category(_) | LineEdit::Stage(_) | LineEdit::Basis(_),
            )
            | PlanEdit::SetFirstCalendarMonth(_)
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
            | PlanEdit::ChooseLever(..)
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
    pub(super) fn recorded(step: Step, notes: Vec<Note>) -> Applied {
        Applied {
            changed: true,
            step: Some(step),
            notes,
        }
    }
}
