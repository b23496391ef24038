//! The reducer: [`Workspace::apply`], the only code that changes a workspace's plans.

use super::edit::edit_plan;
use super::*;

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
            Action::DeletePlan(id) => self.restructure(|ws, notes| ws.delete_plan(id, notes)),
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
            Action::KeepAlongside(theirs) => self.take_alongside(*theirs),
        }
    }

    /// Moves a plan to the trash (which keeps the newest [`TRASH_LIMIT`]) and opens its
    /// neighbour, or a new blank plan if it was the last.
    fn delete_plan(&mut self, id: PlanId, notes: &mut Vec<Note>) -> Result<(), ModelError> {
        let index = self
            .plans
            .iter()
            .position(|p| p.id == id)
            .ok_or_else(|| not_found(Field::Plans))?;
        let entry = self.plans.remove(index);
        notes.push(Note::PlanDeleted {
            id,
            name: entry.plan.name.clone(),
        });
        self.trash.push(entry);
        if self.trash.len() > TRASH_LIMIT {
            self.trash.remove(0);
        }
        if self.plans.is_empty() {
            self.push_plans(vec![(Workspace::blank_plan(self.lang), None)])?;
        } else if self.selected == id {
            let next = index.min(self.plans.len() - 1);
            self.selected = self.plans[next].id;
        }
        Ok(())
    }

    /// [`Action::KeepAlongside`] as an undo step, or no step when there is nothing to take in.
    fn take_alongside(&mut self, theirs: Workspace) -> Result<Applied, ModelError> {
        let mut changed = false;
        let mut applied = self.restructure(|ws, notes| {
            let (note, any) = ws.keep_alongside(theirs)?;
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
