//! Edits of the scenarios and their levers.

use super::*;

pub(super) fn add_scenario(
    plan: &mut Plan,
    preset: Option<Strategy>,
    lang: Lang,
) -> Result<(), ModelError> {
    let texts = i18n::texts(lang);
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
    Ok(())
}

pub(super) fn add_scenario_with(
    plan: &mut Plan,
    name: String,
    levers: Vec<crate::model::Timed>,
) -> Result<(), ModelError> {
    let id = new_scenario_id(plan)?;
    check_count(levers.len(), limits::LEVERS, Field::Scenarios)?;
    let name = unique_name(&name, plan.scenarios.iter().map(|s| s.name.as_str()));
    plan.scenarios.push(Scenario {
        id,
        name,
        preset: None,
        levers,
    });
    Ok(())
}

pub(super) fn rename_scenario(
    plan: &mut Plan,
    id: ScenarioId,
    name: String,
) -> Result<(), ModelError> {
    let index = scenario_index(plan, id)?;
    plan.scenarios[index].name = name;
    Ok(())
}

pub(super) fn duplicate_scenario(
    plan: &mut Plan,
    id: ScenarioId,
    lang: Lang,
) -> Result<(), ModelError> {
    let texts = i18n::texts(lang);
    check_count(
        plan.scenarios.len() + 1,
        limits::SCENARIOS,
        Field::Scenarios,
    )?;
    let index = scenario_index(plan, id)?;
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
        .filter(|l| matches!(l.lever, Lever::AddLine { .. }))
        .count();
    let mut ids = fresh_line_ids(plan, added)?.into_iter();
    for lever in &mut copy.levers {
        if let (Lever::AddLine { line }, Some(id)) = (&mut lever.lever, ids.next()) {
            line.id = id;
        }
    }
    plan.scenarios.insert(index + 1, copy);
    Ok(())
}

pub(super) fn delete_scenario(plan: &mut Plan, id: ScenarioId) -> Result<(), ModelError> {
    let index = scenario_index(plan, id)?;
    plan.scenarios.remove(index);
    Ok(())
}

pub(super) fn add_lever(
    plan: &mut Plan,
    id: ScenarioId,
    mut lever: Lever,
) -> Result<(), ModelError> {
    let field = scenario_field(plan, id);
    if let Lever::AddLine { line } = &mut lever {
        let [new_id] = fresh_line_ids(plan, 1)?[..] else {
            return Err(invalid(Field::Lines, Problem::Dangling));
        };
        line.id = new_id;
    }
    let at = scenario_index(plan, id)?;
    let s = &mut plan.scenarios[at];
    check_count(s.levers.len() + 1, limits::LEVERS, field)?;
    s.levers.push(lever.into());
    Ok(())
}

pub(super) fn update_lever(
    plan: &mut Plan,
    id: ScenarioId,
    index: usize,
    lever: Lever,
) -> Result<(), ModelError> {
    let slot = lever_mut(plan, id, index)?;
    // A lever that adds a line keeps its line's id.
    let lever = match (&*slot, lever) {
        (Lever::AddLine { line: old }, Lever::AddLine { mut line }) => {
            line.id = old.id;
            Lever::AddLine { line }
        }
        (_, other) => other,
    };
    *slot = lever;
    // A lever that now acts on the whole plan takes no month to start from.
    let at = lever_at(plan, id, index)?;
    let timed = &mut plan.scenarios[at].levers[index];
    if timed.lever.whole_plan() {
        timed.from_month = None;
    }
    Ok(())
}

pub(super) fn set_lever_from(
    plan: &mut Plan,
    id: ScenarioId,
    index: usize,
    month: Option<u16>,
) -> Result<(), ModelError> {
    let at = lever_at(plan, id, index)?;
    plan.scenarios[at].levers[index].from_month = month;
    Ok(())
}

pub(super) fn update_lever_line(
    plan: &mut Plan,
    id: ScenarioId,
    index: usize,
    edit: LineEdit,
) -> Result<(), ModelError> {
    match lever_mut(plan, id, index)? {
        Lever::AddLine { line } => {
            edit.apply_to(line);
            Ok(())
        }
        Lever::CategorySpend { .. }
        | Lever::LineAmount { .. }
        | Lever::RemoveLine { .. }
        | Lever::NewCustomers { .. }
        | Lever::Churn { .. }
        | Lever::Revenue { .. }
        | Lever::Seasonality { .. }
        | Lever::Set { .. } => Err(not_found(scenario_field(plan, id))),
    }
}

pub(super) fn delete_lever(
    plan: &mut Plan,
    id: ScenarioId,
    index: usize,
) -> Result<(), ModelError> {
    let at = lever_at(plan, id, index)?;
    plan.scenarios[at].levers.remove(index);
    Ok(())
}

/// Where scenario `id` is, if it has a lever `index`; else an error naming the scenario.
fn lever_at(plan: &Plan, id: ScenarioId, index: usize) -> Result<usize, ModelError> {
    let at = scenario_index(plan, id)?;
    if index >= plan.scenarios[at].levers.len() {
        return Err(not_found(scenario_field(plan, id)));
    }
    Ok(at)
}

/// Lever `index` of scenario `id`, or an error naming the scenario.
fn lever_mut(plan: &mut Plan, id: ScenarioId, index: usize) -> Result<&mut Lever, ModelError> {
    let at = lever_at(plan, id, index)?;
    Ok(&mut plan.scenarios[at].levers[index].lever)
}
