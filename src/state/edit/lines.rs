//! Edits of the budget lines.

use super::*;

pub(super) fn add_line(plan: &mut Plan, lang: Lang) -> Result<(), ModelError> {
    let texts = i18n::texts(lang);
    check_count(plan.lines.len() + 1, limits::LINES, Field::Lines)?;
    let [id] = fresh_line_ids(plan, 1)?[..] else {
        return Err(invalid(Field::Lines, Problem::Dangling));
    };
    let name = unique_name(
        texts.default_line_name,
        plan.lines.iter().map(|l| l.name.as_str()),
    );
    plan.lines.push(BudgetLine {
        id,
        name,
        category: Category::Marketing,
        stage: Stage::Acquisition,
        amount: Decimal::ZERO,
        basis: Basis::Monthly,
        from_month: None,
        to_month: None,
    });
    Ok(())
}

pub(super) fn update_line(plan: &mut Plan, id: LineId, edit: LineEdit) -> Result<(), ModelError> {
    let index = line_index(plan, id)?;
    edit.apply_to(&mut plan.lines[index]);
    Ok(())
}

pub(super) fn duplicate_line(plan: &mut Plan, id: LineId) -> Result<(), ModelError> {
    check_count(plan.lines.len() + 1, limits::LINES, Field::Lines)?;
    let index = line_index(plan, id)?;
    let [new_id] = fresh_line_ids(plan, 1)?[..] else {
        return Err(invalid(Field::Lines, Problem::Dangling));
    };
    let mut copy = plan.lines[index].clone();
    copy.id = new_id;
    copy.name = unique_name(&copy.name, plan.lines.iter().map(|l| l.name.as_str()));
    plan.lines.insert(index + 1, copy);
    Ok(())
}

pub(super) fn delete_line(
    plan: &mut Plan,
    id: LineId,
    notes: &mut Vec<Note>,
) -> Result<(), ModelError> {
    let index = line_index(plan, id)?;
    let gone = plan.lines.remove(index);
    notes.push(Note::LineDeleted { name: gone.name });
    // A range of a line the plan no longer has would describe nothing.
    plan.ranges.retain(|r| r.driver != Driver::LineAmount(id));
    let count = plan
        .scenarios
        .iter()
        .flat_map(|s| &s.levers)
        .filter(|l| l.lever.target() == Some(id))
        .count();
    if count > 0 {
        notes.push(Note::LeversDangling { count });
    }
    Ok(())
}

pub(super) fn move_line(plan: &mut Plan, id: LineId, by: isize) -> Result<(), ModelError> {
    let from = line_index(plan, id)?;
    let to = from
        .checked_add_signed(by)
        .unwrap_or(0)
        .min(plan.lines.len().saturating_sub(1));
    let line = plan.lines.remove(from);
    plan.lines.insert(to, line);
    Ok(())
}

pub(super) fn import_lines(
    plan: &mut Plan,
    lines: Vec<BudgetLine>,
    replace: bool,
    notes: &mut Vec<Note>,
) -> Result<(), ModelError> {
    let kept = if replace { 0 } else { plan.lines.len() };
    check_count(kept + lines.len(), limits::LINES, Field::Lines)?;
    let dangling_before = plan.dangling_levers().len();
    if replace {
        plan.lines.clear();
        plan.ranges
            .retain(|r| !matches!(r.driver, Driver::LineAmount(_)));
    }
    let ids = fresh_line_ids(plan, lines.len())?;
    for (mut line, id) in lines.into_iter().zip(ids) {
        line.id = id;
        plan.lines.push(line);
    }
    let count = plan.dangling_levers().len().saturating_sub(dangling_before);
    if count > 0 {
        notes.push(Note::LeversDangling { count });
    }
    Ok(())
}
