//! Obvious repairs of a plan that breaks a rule, so that loading is never all-or-nothing
//! (docs/formats.md, "Salvage"). A repair is made only where there is one reading of what was
//! meant: a name over the length limit is shortened, a duplicate id gets a fresh one. Anything
//! else (a value out of range, too many lines, fee shares over 100 %) is not guessed at: the
//! plan is set aside whole, listed for the user, and kept in the backup.

use std::collections::HashSet;

use crate::model::plan::fresh_ids;
use crate::model::{limits, Lever, Plan};

/// What was repaired in one plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlanRepairs {
    /// Names cut to the length limit.
    pub names_shortened: usize,
    /// Lines, fee tiers or scenarios that shared an id and got a fresh one.
    pub ids_renumbered: usize,
}

impl PlanRepairs {
    pub fn is_empty(self) -> bool {
        self == PlanRepairs::default()
    }
}

fn shorten(name: &mut String, count: &mut usize) {
    if name.chars().count() > limits::NAME_CHARS {
        *name = name.chars().take(limits::NAME_CHARS).collect();
        *count += 1;
    }
}

/// Gives every item after the first that repeats an id a fresh one (not among the items' ids
/// nor `also_used`); returns how many.
fn renumber<T>(items: &mut [T], id: impl Fn(&mut T) -> &mut u32, also_used: &[u32]) -> usize {
    let mut seen = HashSet::new();
    let mut repeats = Vec::new();
    for (i, item) in items.iter_mut().enumerate() {
        if !seen.insert(*id(item)) {
            repeats.push(i);
        }
    }
    if repeats.is_empty() {
        return 0;
    }
    let used: Vec<u32> = seen.into_iter().chain(also_used.iter().copied()).collect();
    let Some(fresh) = fresh_ids(used.iter().copied(), repeats.len()) else {
        return 0;
    };
    for (i, new) in repeats.iter().zip(fresh) {
        *id(&mut items[*i]) = new;
    }
    repeats.len()
}

/// Makes the obvious repairs to `plan` and says what they were. A plan that passes
/// [`crate::model::validate`] is left exactly as it is.
///
/// ```
/// use customer_cost_planner::exchange::salvage::repair_plan;
/// use customer_cost_planner::model::{validate, Example, Lang};
/// let mut plan = Example::Starter.plan(Lang::En);
/// plan.name = "x".repeat(250);
/// plan.lines[1].id = plan.lines[0].id;
/// let repairs = repair_plan(&mut plan);
/// assert_eq!((repairs.names_shortened, repairs.ids_renumbered), (1, 1));
/// assert!(validate(&plan).is_empty());
/// ```
pub fn repair_plan(plan: &mut Plan) -> PlanRepairs {
    let mut r = PlanRepairs::default();
    shorten(&mut plan.name, &mut r.names_shortened);
    for line in &mut plan.lines {
        shorten(&mut line.name, &mut r.names_shortened);
    }
    for tier in &mut plan.fee_tiers {
        shorten(&mut tier.name, &mut r.names_shortened);
    }
    for scenario in &mut plan.scenarios {
        shorten(&mut scenario.name, &mut r.names_shortened);
        for lever in &mut scenario.levers {
            if let Lever::AddLine { line } = &mut lever.lever {
                shorten(&mut line.name, &mut r.names_shortened);
            }
        }
    }
    // Lines: a lever keeps pointing at the first line with its id; later ones are renumbered
    // past every id a lever uses, so none of them is taken over.
    let lever_ids: Vec<u32> = plan
        .scenarios
        .iter()
        .flat_map(|s| &s.levers)
        .filter_map(|l| match &l.lever {
            Lever::AddLine { line } => Some(line.id.0),
            other => other.target().map(|id| id.0),
        })
        .collect();
    r.ids_renumbered += renumber(&mut plan.lines, |l| &mut l.id.0, &lever_ids);
    r.ids_renumbered += renumber(&mut plan.fee_tiers, |t| &mut t.id.0, &[]);
    r.ids_renumbered += renumber(&mut plan.scenarios, |s| &mut s.id.0, &[]);
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{validate, Example, FeeTier, Lang, LineId, ScenarioId, TierId};
    use rust_decimal::Decimal;

    #[test]
    fn a_valid_plan_is_left_alone() {
        for example in Example::ALL {
            let plan = example.plan(Lang::Zh);
            let mut copy = plan.clone();
            assert!(repair_plan(&mut copy).is_empty());
            assert_eq!(copy, plan);
        }
    }

    #[test]
    fn every_name_is_shortened_and_every_duplicate_renumbered() {
        let mut plan = Example::Ecommerce.plan(Lang::En);
        let long = "长".repeat(300);
        plan.name = long.clone();
        plan.lines[2].name = long.clone();
        plan.scenarios[1].name = long.clone();
        for line in &mut plan.lines {
            line.id = LineId(u32::MAX);
        }
        plan.fee_tiers = (0..3)
            .map(|_| FeeTier {
                id: TierId(7),
                name: long.clone(),
                share_pct: Decimal::ONE,
                monthly_fee: Decimal::ONE,
            })
            .collect();
        for s in &mut plan.scenarios {
            s.id = ScenarioId(1);
        }
        let lines = plan.lines.len();
        let scenarios = plan.scenarios.len();
        let repairs = repair_plan(&mut plan);
        assert_eq!(repairs.names_shortened, 6);
        assert_eq!(repairs.ids_renumbered, (lines - 1) + 2 + (scenarios - 1));
        assert!(validate(&plan).is_empty(), "{:?}", validate(&plan));
        assert_eq!(plan.name.chars().count(), limits::NAME_CHARS);
    }
}
