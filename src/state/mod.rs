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

mod action;
mod edit;
mod history;
mod reduce;

use std::sync::Arc;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::i18n;
use crate::model::plan::fresh_ids;
use crate::model::validate::check_count;
use crate::model::{
    limits, validate, Basis, BudgetLine, Category, Example, FeeTier, Field, InputRange, Lang,
    Lever, LineId, ModelError, Plan, Problem, Scenario, ScenarioId, Stage, Strategy, TierId,
};
use crate::model::{Driver, Input};

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

fn not_found(field: Field) -> ModelError {
    invalid(field, Problem::Dangling)
}

pub use action::{Action, Applied, EditKey, LineEdit, Note, PlanEdit, TierEdit};
pub use history::{History, PlanDiff, Splice, Step};

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
            PlanEdit::SetInput(Input::ChurnPct, Decimal::from(101)),
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
            crate::model::Timed::all([
                Lever::CategorySpend {
                    category: Category::Support,
                    pct: Decimal::from(15)
                },
                Lever::Churn {
                    pct: Decimal::from(-20)
                },
            ])
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
                Action::Edit(PlanEdit::SetInput(
                    Input::NewCustomersPerMonth,
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
        let levers = crate::model::Timed::all([Lever::Set {
            input: Input::ChurnPct,
            value: Decimal::new(78_508, 4),
        }]);
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
    fn a_lever_line_undoes_field_by_field_as_a_plan_line_does() {
        let mut w = ws();
        let mut h = History::default();
        let s = plan(&w).scenarios[0].id;
        let line = BudgetLine {
            id: LineId(0),
            name: "Event".into(),
            category: Category::Marketing,
            stage: Stage::Acquisition,
            amount: Decimal::ZERO,
            basis: Basis::Monthly,
            from_month: None,
            to_month: None,
        };
        h.apply(
            &mut w,
            Action::Edit(PlanEdit::AddLever(s, Lever::AddLine { line })),
            0.0,
        )
        .expect("add");
        let index = plan(&w).scenarios[0].levers.len() - 1;
        let lever_line = |w: &Workspace| match &plan(w).scenarios[0].levers[index].lever {
            Lever::AddLine { line } => line.clone(),
            other => panic!("{other:?}"),
        };
        for (i, v) in [5, 50, 500].into_iter().enumerate() {
            let change = PlanEdit::UpdateLeverLine(s, index, LineEdit::Amount(Decimal::from(v)));
            h.apply(&mut w, Action::Edit(change), 1_000.0 + i as f64 * 200.0)
                .expect("type");
        }
        let change = PlanEdit::UpdateLeverLine(s, index, LineEdit::Category(Category::Crm));
        h.apply(&mut w, Action::Edit(change), 1_700.0)
            .expect("category");
        assert_eq!(lever_line(&w).category, Category::Crm);
        // Undo takes back the category only, then the typed amount as one step.
        assert!(h.undo(&mut w));
        assert_eq!(lever_line(&w).category, Category::Marketing);
        assert_eq!(lever_line(&w).amount, Decimal::from(500));
        assert!(h.undo(&mut w));
        assert_eq!(lever_line(&w).amount, Decimal::ZERO);
        // A lever that adds no line has no line to edit.
        let not_a_line = PlanEdit::UpdateLeverLine(s, 0, LineEdit::Amount(Decimal::ONE));
        assert!(edit(&mut w, not_a_line).is_err());
    }

    #[test]
    fn a_levers_choice_is_its_own_undo_step_after_typing() {
        let mut w = ws();
        let mut h = History::default();
        let s = plan(&w).scenarios[0].id;
        let lever = |pct: i64, category: Category| Lever::CategorySpend {
            category,
            pct: Decimal::from(pct),
        };
        h.apply(
            &mut w,
            Action::Edit(PlanEdit::AddLever(s, lever(0, Category::Marketing))),
            0.0,
        )
        .expect("add");
        let index = plan(&w).scenarios[0].levers.len() - 1;
        for (i, v) in [-1, -10].into_iter().enumerate() {
            let typed = PlanEdit::UpdateLever(s, index, lever(v, Category::Marketing));
            h.apply(&mut w, Action::Edit(typed), 1_000.0 + i as f64 * 200.0)
                .expect("type");
        }
        let chosen = PlanEdit::ChooseLever(s, index, lever(-10, Category::Crm));
        h.apply(&mut w, Action::Edit(chosen), 1_500.0)
            .expect("choose");
        // Typing after the choice is a step of its own too, even within the merge window.
        let typed = PlanEdit::UpdateLever(s, index, lever(-20, Category::Crm));
        h.apply(&mut w, Action::Edit(typed), 1_700.0)
            .expect("type again");
        let now = |w: &Workspace| plan(w).scenarios[0].levers[index].lever.clone();
        assert!(h.undo(&mut w));
        assert_eq!(now(&w), lever(-10, Category::Crm));
        assert!(h.undo(&mut w));
        assert_eq!(now(&w), lever(-10, Category::Marketing));
        assert!(h.undo(&mut w));
        assert_eq!(now(&w), lever(0, Category::Marketing));
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
}
