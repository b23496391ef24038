//! The Answers tab's questions as pure state (`customer_cost_planner::answers`): when a goal
//! seek's answer still stands, and how a Monte Carlo run starts, is replaced, cancelled and
//! finished, and goes stale.

use std::sync::Arc;

use customer_cost_planner::answers::{Next, Run, Runs, Solved, Standing};
use customer_cost_planner::model::analysis::{AnalysisError, Solution};
use customer_cost_planner::model::{
    Column, Driver, Example, Input, InputRange, Lang, Metric, Plan, ScenarioId,
};
use rust_decimal::Decimal;

fn starter() -> Arc<Plan> {
    Arc::new(Example::Starter.plan(Lang::En))
}

fn with_range(plan: &Plan) -> Arc<Plan> {
    let mut p = plan.clone();
    p.ranges.push(InputRange {
        driver: Driver::Input(Input::ChurnPct),
        low: Decimal::from(3),
        high: Decimal::from(7),
    });
    Arc::new(p)
}

fn churn_for_ltv_cac_3(plan: Arc<Plan>) -> Solved {
    Solved::ask(
        plan,
        Column::Baseline,
        Metric::LtvCac,
        Decimal::from(3),
        Driver::Input(Input::ChurnPct),
    )
}

#[test]
fn a_goal_seek_answer_keeps_what_it_was_asked_from() {
    let plan = starter();
    let s = churn_for_ltv_cac_3(plan.clone());
    assert!(
        matches!(s.answer, Ok(Solution::Found { .. })),
        "{:?}",
        s.answer
    );
    assert_eq!(s.from, Some(plan.churn_pct));
    assert!(Arc::ptr_eq(&s.plan, &plan));
    // A question the plan cannot answer keeps why, as data (put into words when shown).
    let none = Solved::ask(
        plan,
        Column::Scenario(ScenarioId(99)),
        Metric::LtvCac,
        Decimal::from(3),
        Driver::Input(Input::ChurnPct),
    );
    assert_eq!(none.answer, Err(AnalysisError::NoScenario(ScenarioId(99))));
    assert_eq!(none.from, None);
}

#[test]
fn a_goal_seek_answer_stands_until_its_columns_figures_change() {
    let plan = starter();
    let s = churn_for_ltv_cac_3(plan.clone());
    let scenario = Column::Scenario(plan.scenarios[0].id);
    assert_eq!(s.standing(Column::Baseline, Some(&plan)), Standing::Current);
    // Another scenario on screen: the answer says which column it is for.
    assert_eq!(s.standing(scenario, Some(&plan)), Standing::OtherColumn);
    // A range or a new name changes no figure of the baseline: still current.
    assert_eq!(
        s.standing(Column::Baseline, Some(&with_range(&plan))),
        Standing::Current
    );
    let mut renamed = (*plan).clone();
    renamed.name = "Renamed".into();
    assert_eq!(
        s.standing(Column::Baseline, Some(&Arc::new(renamed))),
        Standing::Current
    );
    // A changed input does: solve again.
    let mut edited = (*plan).clone();
    edited.churn_pct = Decimal::from(6);
    assert_eq!(
        s.standing(Column::Baseline, Some(&Arc::new(edited))),
        Standing::Stale
    );
    // No plan on screen at all: nothing it answers.
    assert_eq!(s.standing(Column::Baseline, None), Standing::Stale);
}

#[test]
fn a_run_draws_until_done_and_then_stands_only_for_its_plan() {
    let plan = with_range(&starter());
    let mut runs = Runs::default();
    assert_eq!(runs.run, Run::Idle);
    let (id, mut mc) = runs
        .start(plan.clone(), Column::Baseline, 40, 1)
        .expect("a plan with a range runs");
    assert_eq!(runs.next(id), Next::Draw);
    assert_eq!(runs.standing(Column::Baseline, Some(&plan)), None);
    while !mc.finished() {
        mc.step(4);
    }
    runs.finish(id, mc.summary());
    let Run::Finished {
        cancelled, summary, ..
    } = &runs.run
    else {
        panic!("{:?}", runs.run);
    };
    assert!(!cancelled);
    assert!(!summary.metrics.is_empty());
    assert_eq!(runs.next(id), Next::Drop);
    assert_eq!(
        runs.standing(Column::Baseline, Some(&plan)),
        Some(Standing::Current)
    );
    // Any edit, even a range's (what the run drew from), makes the run stale; so does
    // another column.
    assert_eq!(
        runs.standing(Column::Baseline, Some(&with_range(&plan))),
        Some(Standing::Stale)
    );
    let scenario = Column::Scenario(plan.scenarios[0].id);
    assert_eq!(
        runs.standing(scenario, Some(&plan)),
        Some(Standing::OtherColumn)
    );
}

#[test]
fn a_cancelled_run_stops_at_its_next_slice_with_what_it_drew() {
    let plan = with_range(&starter());
    let mut runs = Runs::default();
    let (id, mut mc) = runs.start(plan, Column::Baseline, 400, 1).expect("runs");
    mc.step(8);
    runs.cancel();
    assert_eq!(runs.next(id), Next::Stop);
    runs.finish(id, mc.summary());
    assert!(matches!(
        runs.run,
        Run::Finished {
            cancelled: true,
            ..
        }
    ));
    // Cancel with nothing running changes nothing.
    let before = runs.clone();
    runs.cancel();
    assert_eq!(runs, before);
}

#[test]
fn a_newer_run_replaces_the_one_going_which_then_changes_nothing() {
    let plan = with_range(&starter());
    let mut runs = Runs::default();
    let (first, mut old) = runs
        .start(plan.clone(), Column::Baseline, 40, 1)
        .expect("runs");
    let (second, _) = runs.start(plan, Column::Baseline, 40, 2).expect("runs");
    assert_ne!(first, second);
    assert_eq!(runs.next(first), Next::Drop);
    assert_eq!(runs.next(second), Next::Draw);
    while !old.finished() {
        old.step(4);
    }
    // The replaced run finishing late does not overwrite the newer one.
    runs.finish(first, old.summary());
    assert!(matches!(runs.run, Run::Running { id, .. } if id == second));
}

#[test]
fn a_run_that_cannot_start_says_why() {
    let mut runs = Runs::default();
    assert!(runs.start(starter(), Column::Baseline, 0, 1).is_none());
    assert_eq!(runs.run, Run::Failed(AnalysisError::BadSetting));
    let missing = Column::Scenario(ScenarioId(99));
    assert!(runs.start(starter(), missing, 40, 1).is_none());
    assert_eq!(
        runs.run,
        Run::Failed(AnalysisError::NoScenario(ScenarioId(99)))
    );
    assert_eq!(runs.standing(Column::Baseline, None), None);
}
