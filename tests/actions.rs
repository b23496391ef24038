//! Random action sequences, from starting points at every limit, through the session: after
//! every action the workspace is valid under the loader's rules (and a refused action changed
//! nothing); at the end it saves, reloads, re-imports and exports identically, and undoing
//! everything then redoing everything gives it back.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::sync::Arc;

use customer_cost_planner::exchange::json::{self, Imported};
use customer_cost_planner::model::{
    limits, Basis, BudgetLine, Category, Example, FeeTier, Input, Lang, Lever, LineId, Plan,
    Scenario, ScenarioId, Stage, Strategy as Preset, TierId,
};
use customer_cost_planner::session::{self, Event, Session};
use customer_cost_planner::state::{
    validate_workspace, Action, LineEdit, PlanEdit, PlanEntry, PlanId, TierEdit, Workspace,
    PLANS_LIMIT,
};
use customer_cost_planner::storage::{KeyValue, SaveError, WorkspaceStore};
use customer_cost_planner::store::Store;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// localStorage as a map, with a browser's quota (5,242,880 UTF-16 units per site).
#[derive(Default, Clone)]
struct Map(BTreeMap<String, String>);

const QUOTA: usize = 5 * 1024 * 1024;

impl KeyValue for Map {
    fn get(&self, key: &str) -> Result<Option<String>, SaveError> {
        Ok(self.0.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        let others: usize = self
            .0
            .iter()
            .filter(|(k, _)| *k != key)
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum();
        if others + key.encode_utf16().count() + value.encode_utf16().count() > QUOTA {
            return Err(SaveError::Quota);
        }
        self.0.insert(key.to_owned(), value.to_owned());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), SaveError> {
        self.0.remove(key);
        Ok(())
    }
    fn entries(&self, prefix: &str) -> Vec<(String, usize)> {
        self.0
            .iter()
            .filter(|(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (k.clone(), v.len()))
            .collect()
    }
    fn now_ms(&self) -> u64 {
        1
    }
}

/// Where a sequence starts.
#[derive(Clone, Copy, Debug)]
enum Start {
    FirstVisit,
    /// Every name at the 200-character limit.
    LongNames,
    /// Every id at `u32::MAX` (a file or a link can carry any id).
    HugeIds,
    /// One plan short of the plan limit.
    ManyPlans,
    /// One line short of the line limit.
    ManyLines,
    /// One short of the scenario, tier and lever limits.
    ManyScenarios,
}

fn budget_line(id: u32, name: String) -> BudgetLine {
    BudgetLine {
        id: LineId(id),
        name,
        category: Category::Support,
        stage: Stage::Service,
        amount: Decimal::from(100 + id % 1000),
        basis: Basis::Monthly,
        from_month: None,
        to_month: None,
    }
}

fn start(which: Start) -> Workspace {
    let mut ws = Workspace::first_visit(Lang::Zh);
    let plan = Arc::make_mut(&mut ws.plans[0].plan);
    match which {
        Start::FirstVisit => {}
        Start::LongNames => {
            let long = |c: char| c.to_string().repeat(limits::NAME_CHARS);
            plan.name = long('名');
            for l in &mut plan.lines {
                l.name = long('项');
            }
            for s in &mut plan.scenarios {
                s.name = long('景');
            }
        }
        Start::HugeIds => {
            plan.lines[0].id = LineId(u32::MAX);
            plan.scenarios[0].id = ScenarioId(u32::MAX);
            plan.fee_tiers.push(FeeTier {
                id: TierId(u32::MAX),
                name: "top".into(),
                share_pct: Decimal::TEN,
                monthly_fee: Decimal::ONE,
            });
            ws.plans[0].id = PlanId(u32::MAX);
            ws.selected = PlanId(u32::MAX);
        }
        Start::ManyPlans => {
            let shared = ws.plans[0].plan.clone();
            ws.plans = (1..PLANS_LIMIT as u32)
                .map(|i| PlanEntry {
                    id: PlanId(i),
                    example: None,
                    plan: Arc::new(Plan {
                        name: format!("plan {i}"),
                        ..(*shared).clone()
                    }),
                })
                .collect();
        }
        Start::ManyLines => {
            plan.lines = (1..limits::LINES as u32)
                .map(|i| budget_line(i, format!("line {i}")))
                .collect();
            plan.scenarios.clear();
        }
        Start::ManyScenarios => {
            plan.scenarios = (1..limits::SCENARIOS as u32)
                .map(|i| Scenario {
                    id: ScenarioId(i),
                    name: format!("s{i}"),
                    preset: None,
                    levers: if i == 1 {
                        (0..limits::LEVERS - 1)
                            .map(|_| Lever::Churn { pct: Decimal::ONE }.into())
                            .collect()
                    } else {
                        Vec::new()
                    },
                })
                .collect();
            plan.fee_tiers = (1..limits::FEE_TIERS as u32)
                .map(|i| FeeTier {
                    id: TierId(i),
                    name: format!("t{i}"),
                    share_pct: Decimal::ONE,
                    monthly_fee: Decimal::ONE,
                })
                .collect();
        }
    }
    assert!(validate_workspace(&ws).is_empty(), "{which:?}");
    ws
}

/// An action, with its targets picked by position at the time it runs.
#[derive(Clone, Debug)]
enum Op {
    NewPlan(Option<usize>),
    DuplicatePlan(usize),
    DeletePlan(usize),
    RestorePlan(usize),
    SelectPlan(usize),
    /// A copy of the open plan (a shared link saved as a copy, an import).
    AddCopy,
    AddCopies(usize),
    Rename(String),
    Economics(usize, Decimal),
    Horizon(u16),
    Currency(String),
    AddLine,
    LineName(usize, String),
    LineAmount(usize, Decimal),
    LineBasis(usize, u16),
    DuplicateLine(usize),
    DeleteLine(usize),
    MoveLine(usize, isize),
    ImportLines(usize, bool),
    AddTier,
    TierShare(usize, Decimal),
    DeleteTier(usize),
    AddScenario(Option<usize>),
    RenameScenario(usize, String),
    DuplicateScenario(usize),
    DeleteScenario(usize),
    AddLever(usize, usize),
    LeverPct(usize, usize, Decimal),
    DeleteLever(usize, usize),
    Undo,
    Redo,
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(
            prop::sample::select(vec!['a', '名', ' ', '😀', '(', '2', ')']),
            0..12
        )
        .prop_map(String::from_iter),
        (limits::NAME_CHARS - 3..=limits::NAME_CHARS + 3).prop_map(|n| "长".repeat(n)),
    ]
}

fn amount() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (0..1_000_000_000_i64).prop_map(Decimal::from),
        (-5..5_i64).prop_map(Decimal::from),
        Just(Decimal::from(999_999_999_999_999_i64)),
        Just(Decimal::new(1, 5)),
    ]
}

fn pct() -> impl Strategy<Value = Decimal> {
    (-120..1_100_i64).prop_map(Decimal::from)
}

fn op() -> impl Strategy<Value = Op> {
    let i = 0..1_000usize;
    prop_oneof![
        prop::option::of(0..4usize).prop_map(Op::NewPlan),
        i.clone().prop_map(Op::DuplicatePlan),
        i.clone().prop_map(Op::DeletePlan),
        i.clone().prop_map(Op::RestorePlan),
        i.clone().prop_map(Op::SelectPlan),
        Just(Op::AddCopy),
        (1..4usize).prop_map(Op::AddCopies),
        name().prop_map(Op::Rename),
        (0..6usize, amount()).prop_map(|(f, v)| Op::Economics(f, v)),
        (0..130u16).prop_map(Op::Horizon),
        prop::sample::select(vec!["usd", "XYZW", "eur", ""])
            .prop_map(|c| Op::Currency(c.to_owned())),
        Just(Op::AddLine),
        (i.clone(), name()).prop_map(|(p, n)| Op::LineName(p, n)),
        (i.clone(), amount()).prop_map(|(p, a)| Op::LineAmount(p, a)),
        (i.clone(), 0..125u16).prop_map(|(p, m)| Op::LineBasis(p, m)),
        i.clone().prop_map(Op::DuplicateLine),
        i.clone().prop_map(Op::DeleteLine),
        (i.clone(), -3..3isize).prop_map(|(p, by)| Op::MoveLine(p, by)),
        (0..5usize, any::<bool>()).prop_map(|(n, r)| Op::ImportLines(n, r)),
        Just(Op::AddTier),
        (i.clone(), pct()).prop_map(|(p, v)| Op::TierShare(p, v)),
        i.clone().prop_map(Op::DeleteTier),
        prop::option::of(0..5usize).prop_map(Op::AddScenario),
        (i.clone(), name()).prop_map(|(p, n)| Op::RenameScenario(p, n)),
        i.clone().prop_map(Op::DuplicateScenario),
        i.clone().prop_map(Op::DeleteScenario),
        (i.clone(), 0..7usize).prop_map(|(p, k)| Op::AddLever(p, k)),
        (i.clone(), i.clone(), pct()).prop_map(|(p, l, v)| Op::LeverPct(p, l, v)),
        (i.clone(), i.clone()).prop_map(|(p, l)| Op::DeleteLever(p, l)),
        Just(Op::Undo),
        Just(Op::Redo),
    ]
}

fn pick<T>(list: &[T], at: usize) -> Option<&T> {
    (!list.is_empty()).then(|| &list[at % list.len()])
}

/// The action an op stands for in `ws`, or `None` for undo/redo (and targets that do not exist).
fn action(op: &Op, ws: &Workspace) -> Option<Action> {
    let plan = ws.current_plan()?;
    let line = |p: usize| pick(&plan.lines, p).map(|l| l.id);
    let tier = |p: usize| pick(&plan.fee_tiers, p).map(|t| t.id);
    let scenario = |p: usize| pick(&plan.scenarios, p);
    let edit = |e: PlanEdit| Some(Action::Edit(e));
    match op.clone() {
        Op::NewPlan(e) => Some(Action::NewPlan(
            e.map(|i| Example::ALL[i % Example::ALL.len()]),
        )),
        Op::DuplicatePlan(p) => pick(&ws.plans, p).map(|e| Action::DuplicatePlan(e.id)),
        Op::DeletePlan(p) => pick(&ws.plans, p).map(|e| Action::DeletePlan(e.id)),
        Op::RestorePlan(p) => pick(&ws.trash, p).map(|e| Action::RestorePlan(e.id)),
        Op::SelectPlan(p) => pick(&ws.plans, p).map(|e| Action::SelectPlan(e.id)),
        Op::AddCopy => Some(Action::AddPlan(Box::new(plan.clone()))),
        Op::AddCopies(n) => Some(Action::AddPlans(vec![plan.clone(); n], Vec::new())),
        Op::Rename(n) => edit(PlanEdit::Rename(n)),
        Op::Economics(f, v) => edit(PlanEdit::SetInput(Input::BASE[f], v)),
        Op::Horizon(m) => edit(PlanEdit::SetHorizon(m)),
        Op::Currency(c) => edit(PlanEdit::SetCurrency(c)),
        Op::AddLine => edit(PlanEdit::AddLine),
        Op::LineName(p, n) => edit(PlanEdit::UpdateLine(line(p)?, LineEdit::Name(n))),
        Op::LineAmount(p, a) => edit(PlanEdit::UpdateLine(line(p)?, LineEdit::Amount(a))),
        Op::LineBasis(p, m) => edit(PlanEdit::UpdateLine(
            line(p)?,
            LineEdit::Basis(Basis::OneTime { month: m }),
        )),
        Op::DuplicateLine(p) => edit(PlanEdit::DuplicateLine(line(p)?)),
        Op::DeleteLine(p) => edit(PlanEdit::DeleteLine(line(p)?)),
        Op::MoveLine(p, by) => edit(PlanEdit::MoveLine(line(p)?, by)),
        Op::ImportLines(n, replace) => edit(PlanEdit::ImportLines {
            lines: (0..n as u32)
                .map(|i| budget_line(i, format!("imported {i}")))
                .collect(),
            replace,
        }),
        Op::AddTier => edit(PlanEdit::AddTier),
        Op::TierShare(p, v) => edit(PlanEdit::UpdateTier(tier(p)?, TierEdit::Share(v))),
        Op::DeleteTier(p) => edit(PlanEdit::DeleteTier(tier(p)?)),
        Op::AddScenario(s) => edit(PlanEdit::AddScenario(s.map(|i| Preset::ALL[i % 5]))),
        Op::RenameScenario(p, n) => edit(PlanEdit::RenameScenario(scenario(p)?.id, n)),
        Op::DuplicateScenario(p) => edit(PlanEdit::DuplicateScenario(scenario(p)?.id)),
        Op::DeleteScenario(p) => edit(PlanEdit::DeleteScenario(scenario(p)?.id)),
        Op::AddLever(p, k) => {
            let target = plan.lines.first().map_or(LineId(1), |l| l.id);
            let lever = match k {
                0 => Lever::CategorySpend {
                    category: Category::Marketing,
                    pct: Decimal::from(-10),
                },
                1 => Lever::LineAmount {
                    line: target,
                    amount: Decimal::from(5),
                },
                2 => Lever::AddLine {
                    line: budget_line(0, "added".into()),
                },
                3 => Lever::RemoveLine { line: target },
                4 => Lever::NewCustomers { pct: Decimal::TEN },
                5 => Lever::Churn {
                    pct: Decimal::from(-20),
                },
                _ => Lever::Revenue { pct: Decimal::ONE },
            };
            edit(PlanEdit::AddLever(scenario(p)?.id, lever))
        }
        Op::LeverPct(p, l, v) => {
            let s = scenario(p)?;
            let index = l % s.levers.len().max(1);
            edit(PlanEdit::UpdateLever(s.id, index, Lever::Churn { pct: v }))
        }
        Op::DeleteLever(p, l) => {
            let s = scenario(p)?;
            edit(PlanEdit::DeleteLever(s.id, l % s.levers.len().max(1)))
        }
        Op::Undo | Op::Redo => None,
    }
}

fn stored_workspace(store: &mut WorkspaceStore<Map>) -> (Workspace, Option<u64>) {
    let raw = store.read().ok().flatten().expect("saved");
    match json::read(&raw) {
        Ok(Imported::Workspace(s)) => {
            assert!(
                s.is_clean(),
                "what was saved reads back without repairs: {s:?}"
            );
            (s.workspace, s.revision)
        }
        other => panic!("{other:?}"),
    }
}

fn run(which: Start, ops: &[Op]) -> Result<(), TestCaseError> {
    let mut store = WorkspaceStore(Map::default());
    let text = json::workspace_to_json(&start(which), 1, false);
    store.0.set(customer_cost_planner::storage::KEY, &text).ok();
    let (mut s, commands) = Session::start(store.read(), Lang::Zh);
    session::drive(&mut s, commands, &mut store);
    let mut undoable = 0usize;
    for (n, op) in ops.iter().enumerate() {
        let before = s.own().clone();
        match (op, action(op, s.own())) {
            (Op::Undo, _) => {
                s.handle(Event::Undo);
            }
            (Op::Redo, _) => {
                s.handle(Event::Redo);
            }
            (_, None) => continue,
            (_, Some(action)) => {
                let (result, commands) = s.edit(action.clone(), n as f64 * 10_000.0);
                session::drive(&mut s, commands, &mut store);
                if let Err(e) = &result {
                    prop_assert_eq!(
                        s.own(),
                        &before,
                        "refused {:?} ({}) changed something",
                        action,
                        e
                    );
                }
                if result == Ok(true) {
                    undoable += 1;
                }
            }
        }
        let errors = validate_workspace(s.own());
        prop_assert!(errors.is_empty(), "after {:?}: {:?}", op, errors);
        if n % 7 == 0 {
            session::save(&mut s, &mut store);
        }
    }
    // Saves, and a reload reads back exactly what was on the page. A workspace larger than a
    // browser can store is not saved: then nothing is lost from the page, and storage still
    // holds the last save, which reads back cleanly.
    session::save(&mut s, &mut store);
    let (stored, revision) = stored_workspace(&mut store);
    if s.status() == customer_cost_planner::session::SaveStatus::Saved {
        prop_assert_eq!(&stored, s.own());
        prop_assert_eq!(revision, Some(s.revision()));
        let (reloaded, _) = Session::start(store.read(), Lang::En);
        prop_assert_eq!(reloaded.own(), s.own());
        // "Export all" (the stored text, compact) re-imports identically.
        let exported = json::workspace_to_json(s.own(), s.revision(), false);
        match json::read(&exported) {
            Ok(Imported::Workspace(back)) => {
                prop_assert!(back.is_clean());
                prop_assert_eq!(&back.workspace, s.own());
            }
            other => prop_assert!(false, "{:?}", other),
        }
    } else {
        prop_assert!(
            matches!(
                s.status(),
                customer_cost_planner::session::SaveStatus::NotSaved(
                    customer_cost_planner::session::NotSaved::Failed(SaveError::Quota)
                )
            ),
            "{:?}",
            s.status()
        );
        prop_assert!(s.work_at_risk());
    }
    for entry in s.own().plans.iter().chain(&s.own().trash) {
        let back = json::read_plan(&json::plan_to_json(&entry.plan));
        prop_assert!(back.as_ref().is_ok_and(|r| r.repairs.is_empty()));
        let back = back.map(|r| r.plan);
        prop_assert_eq!(back.as_ref(), Ok(&*entry.plan));
    }
    // Undo all the way back, then redo as many steps: the same plans.
    let end = s.own().clone();
    let mut steps = 0;
    while s.can_undo() {
        s.handle(Event::Undo);
        steps += 1;
        prop_assert!(validate_workspace(s.own()).is_empty());
    }
    prop_assert!(
        steps <= undoable,
        "{} undo steps for {} changes",
        steps,
        undoable
    );
    for _ in 0..steps {
        s.handle(Event::Redo);
    }
    prop_assert!(s.own().plans == end.plans, "redo did not restore the plans");
    prop_assert!(s.own().trash == end.trash, "redo did not restore the trash");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_actions_from_a_first_visit(ops in prop::collection::vec(op(), 1..60)) {
        run(Start::FirstVisit, &ops)?;
    }

    #[test]
    fn random_actions_at_the_name_limit(ops in prop::collection::vec(op(), 1..40)) {
        run(Start::LongNames, &ops)?;
    }

    #[test]
    fn random_actions_with_ids_at_the_limit(ops in prop::collection::vec(op(), 1..40)) {
        run(Start::HugeIds, &ops)?;
    }

    #[test]
    fn random_actions_at_the_plan_limit(ops in prop::collection::vec(op(), 1..30)) {
        run(Start::ManyPlans, &ops)?;
    }

    #[test]
    fn random_actions_at_the_scenario_tier_and_lever_limits(ops in prop::collection::vec(op(), 1..30)) {
        run(Start::ManyScenarios, &ops)?;
    }
}

proptest! {
    // Each action copies and checks a 10,000-line plan: fewer cases, same checks.
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    #[test]
    fn random_actions_at_the_line_limit(ops in prop::collection::vec(op(), 1..20)) {
        run(Start::ManyLines, &ops)?;
    }
}
