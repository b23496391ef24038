//! Undo history: each step the difference an action made, merged while the user types.

use super::*;

/// A plan's scalar fields (everything but its lists), for undo.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Meta {
    name: String,
    currency: String,
    horizon_months: u16,
    starting_customers: Decimal,
    new_customers_per_month: Decimal,
    new_customers_growth_pct: Decimal,
    seasonality_pct: Option<Vec<Decimal>>,
    first_calendar_month: u8,
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
            new_customers_growth_pct,
            seasonality_pct,
            first_calendar_month,
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
            new_customers_growth_pct: *new_customers_growth_pct,
            seasonality_pct: seasonality_pct.clone(),
            first_calendar_month: *first_calendar_month,
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
        swap(
            &mut self.new_customers_growth_pct,
            &mut plan.new_customers_growth_pct,
        );
        swap(&mut self.seasonality_pct, &mut plan.seasonality_pct);
        swap(
            &mut self.first_calendar_month,
            &mut plan.first_calendar_month,
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
