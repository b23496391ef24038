//! Edits of the fee tiers.

use super::*;

pub(super) fn add_tier(plan: &mut Plan, lang: Lang) -> Result<(), ModelError> {
    let texts = i18n::texts(lang);
    check_count(plan.fee_tiers.len() + 1, limits::FEE_TIERS, Field::FeeTiers)?;
    let id = plan
        .next_tier_id()
        .ok_or_else(|| invalid(Field::FeeTiers, Problem::Dangling))?;
    let name = unique_name(
        texts.default_tier_name,
        plan.fee_tiers.iter().map(|t| t.name.as_str()),
    );
    plan.fee_tiers.push(FeeTier {
        id,
        name,
        share_pct: Decimal::ZERO,
        monthly_fee: Decimal::ZERO,
    });
    Ok(())
}

pub(super) fn update_tier(plan: &mut Plan, id: TierId, edit: TierEdit) -> Result<(), ModelError> {
    let tier = plan
        .fee_tiers
        .iter_mut()
        .find(|t| t.id == id)
        .ok_or_else(|| not_found(Field::FeeTiers))?;
    match edit {
        TierEdit::Name(n) => tier.name = n,
        TierEdit::Share(s) => tier.share_pct = s,
        TierEdit::Fee(f) => tier.monthly_fee = f,
    }
    Ok(())
}

pub(super) fn delete_tier(plan: &mut Plan, id: TierId) -> Result<(), ModelError> {
    let index = plan
        .fee_tiers
        .iter()
        .position(|t| t.id == id)
        .ok_or_else(|| not_found(Field::FeeTiers))?;
    plan.fee_tiers.remove(index);
    plan.ranges
        .retain(|r| r.driver != Driver::Input(crate::model::Input::TierFee(id)));
    Ok(())
}
