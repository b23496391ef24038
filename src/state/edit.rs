//! Edits of one plan, made on a copy that the reducer validates before keeping it.

mod lines;
mod scenarios;
mod tiers;

use super::*;

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

/// Where line `id` is in the plan's list, or an error naming it.
fn line_index(plan: &Plan, id: LineId) -> Result<usize, ModelError> {
    plan.lines
        .iter()
        .position(|l| l.id == id)
        .ok_or_else(|| not_found(line_field(plan, id)))
}

/// Where scenario `id` is in the plan's list, or an error naming it.
fn scenario_index(plan: &Plan, id: ScenarioId) -> Result<usize, ModelError> {
    plan.scenarios
        .iter()
        .position(|s| s.id == id)
        .ok_or_else(|| not_found(scenario_field(plan, id)))
}

fn fresh_line_ids(plan: &Plan, n: usize) -> Result<Vec<LineId>, ModelError> {
    fresh_ids(plan.line_ids_in_use(), n)
        .map(|ids| ids.into_iter().map(LineId).collect())
        .ok_or_else(|| invalid(Field::Lines, Problem::TooMany { max: limits::LINES }))
}

/// Applies an edit to `plan` (a copy; the caller validates it before keeping it). Errors here
/// are only for what validation cannot see: a target that does not exist, a full list.
pub(super) fn edit_plan(
    plan: &mut Plan,
    edit: PlanEdit,
    lang: Lang,
) -> Result<Vec<Note>, ModelError> {
    let mut notes = Vec::new();
    match edit {
        PlanEdit::Rename(name) => plan.name = name,
        PlanEdit::SetInput(input, value) => {
            if !input.set(plan, value) {
                return Err(not_found(input.field(plan)));
            }
        }
        PlanEdit::SetHorizon(months) => plan.horizon_months = months,
        PlanEdit::SetCurrency(code) => plan.currency = code.trim().to_ascii_uppercase(),
        PlanEdit::SetSeasonality(values) => plan.seasonality_pct = values,
        PlanEdit::SetFirstCalendarMonth(month) => plan.first_calendar_month = month,
        PlanEdit::AddLine => lines::add_line(plan, lang)?,
        PlanEdit::UpdateLine(id, edit) => lines::update_line(plan, id, edit)?,
        PlanEdit::DuplicateLine(id) => lines::duplicate_line(plan, id)?,
        PlanEdit::DeleteLine(id) => lines::delete_line(plan, id, &mut notes)?,
        PlanEdit::MoveLine(id, by) => lines::move_line(plan, id, by)?,
        PlanEdit::ImportLines { lines, replace } => {
            lines::import_lines(plan, lines, replace, &mut notes)?
        }
        PlanEdit::AddTier => tiers::add_tier(plan, lang)?,
        PlanEdit::UpdateTier(id, edit) => tiers::update_tier(plan, id, edit)?,
        PlanEdit::DeleteTier(id) => tiers::delete_tier(plan, id)?,
        PlanEdit::AddScenario(preset) => scenarios::add_scenario(plan, preset, lang)?,
        PlanEdit::AddScenarioWith { name, levers } => {
            scenarios::add_scenario_with(plan, name, levers)?
        }
        PlanEdit::SetRange(range) => {
            match plan.ranges.iter_mut().find(|r| r.driver == range.driver) {
                Some(slot) => *slot = range,
                None => plan.ranges.push(range),
            }
        }
        PlanEdit::DeleteRange(driver) => plan.ranges.retain(|r| r.driver != driver),
        PlanEdit::RenameScenario(id, name) => scenarios::rename_scenario(plan, id, name)?,
        PlanEdit::DuplicateScenario(id) => scenarios::duplicate_scenario(plan, id, lang)?,
        PlanEdit::DeleteScenario(id) => scenarios::delete_scenario(plan, id)?,
        PlanEdit::AddLever(id, lever) => scenarios::add_lever(plan, id, lever)?,
        PlanEdit::UpdateLever(id, index, lever) | PlanEdit::ChooseLever(id, index, lever) => {
            scenarios::update_lever(plan, id, index, lever)?
        }
        PlanEdit::UpdateLeverLine(id, index, edit) => {
            scenarios::update_lever_line(plan, id, index, edit)?
        }
        PlanEdit::DeleteLever(id, index) => scenarios::delete_lever(plan, id, index)?,
        PlanEdit::SetLeverFrom(id, index, month) => {
            scenarios::set_lever_from(plan, id, index, month)?
        }
    }
    Ok(notes)
}
