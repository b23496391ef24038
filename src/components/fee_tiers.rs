//! Customer management fee tiers: who pays what each month, with the shares' total checked.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::components::figure::LiveStat;
use crate::components::focus::focus_later;
use crate::components::icon::{icon, Icon};
use crate::components::number_field::{NumberField, TextField};
use crate::ctx::use_ctx;
use crate::format;
use crate::i18n::{self, texts};
use crate::model::{limits, FeeTier, Metric, Rule, TierId};
use crate::state::{PlanEdit, TierEdit};

#[component]
pub fn FeeTiers() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let ids = Memo::new(move |_| {
        ctx.plan.with(|p| {
            p.as_ref()
                .map(|p| p.fee_tiers.iter().map(|t| t.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let share_total = move || {
        ctx.plan.with(|p| {
            p.as_ref()
                .map(|p| p.fee_tiers.iter().map(|t| t.share_pct).sum::<Decimal>())
                .unwrap_or_default()
        })
    };
    let figures = [
        Metric::FeeRevenue,
        Metric::FeePerCustomerMonth,
        Metric::FeeCoveringCostToServe,
        Metric::FeeCoverage,
    ]
    .into_iter()
    .map(|metric| {
        let label = Signal::derive(move || i18n::metric(metric, lang.get()));
        view! { <LiveStat metric=metric label=label class="stat"/> }
    })
    .collect_view();
    let add = move |_: leptos::ev::MouseEvent| match ctx.apply(PlanEdit::AddTier) {
        Ok(()) => {
            if let Some(id) = ids.with_untracked(|v| v.last().copied()) {
                focus_later(format!("tier-{}-name", id.0));
            }
        }
        Err(e) => ctx.report(Err(e)),
    };

    view! {
        <section class="card" aria-labelledby="tiers-title">
            <div class="section-head">
                <h2 id="tiers-title">{move || t().tiers_title}</h2>
                <button
                    type="button"
                    class="button"
                    data-action="add-tier"
                    disabled=move || { ids.with(Vec::len) >= limits::FEE_TIERS }
                    on:click=add
                >
                    {move || format!("+ {}", t().add_tier)}
                </button>
            </div>
            <p class="muted small">{move || t().tiers_help}</p>
            <Show
                when=move || !ids.with(Vec::is_empty)
                fallback=move || view! { <p class="empty">{move || t().no_tiers}</p> }
            >
                <div class="table-scroll">
                    <table class="data tiers-table" data-testid="tiers">
                        <thead>
                            <tr>
                                <th scope="col">{move || t().col_name}</th>
                                <th scope="col" class="num">{move || t().col_share}</th>
                                <th scope="col" class="num">{move || t().col_fee}</th>
                                <th scope="col">
                                    <span class="visually-hidden">{move || t().col_actions}</span>
                                </th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || ids.get() key=|id| *id children=move |id| view! { <TierRow id=id/> }/>
                        </tbody>
                        <tfoot>
                            <tr>
                                <th scope="row">{move || t().shares_total}</th>
                                <td
                                    class="num"
                                    class:over=move || { share_total() > Decimal::ONE_HUNDRED }
                                    data-testid="share-total"
                                >
                                    {move || format!("{}%", format::grouped_trim(share_total(), 4))}
                                </td>
                                <td colspan="2"></td>
                            </tr>
                        </tfoot>
                    </table>
                </div>
            </Show>
            <div class="stats">{figures}</div>
        </section>
    }
}

#[component]
fn TierRow(id: TierId) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let tier = Memo::new(move |_| {
        ctx.plan.with(|p| {
            p.as_ref()
                .and_then(|p| p.fee_tiers.iter().find(|t| t.id == id).cloned())
        })
    });
    let read = move |f: fn(&FeeTier) -> Decimal| {
        Signal::derive(move || tier.with(|t| t.as_ref().map(f).unwrap_or_default()))
    };
    let name = Signal::derive(move || {
        tier.with(|t| t.as_ref().map(|t| t.name.clone()).unwrap_or_default())
    });
    let edit = move |e: TierEdit| ctx.apply(PlanEdit::UpdateTier(id, e));
    let prefix = format!("tier-{}", id.0);
    let label_for = move |what: &'static str| crate::i18n::of_item(what, &name.get(), lang.get());
    view! {
        <tr data-tier=id.0>
            <td>
                <TextField
                    id=format!("{prefix}-name")
                    field="name"
                    compact=true
                    label=Signal::derive(move || t().col_name.to_owned())
                    value=name
                    on_commit=Callback::new(move |n| edit(TierEdit::Name(n)))
                />
            </td>
            <td class="num">
                <NumberField
                    id=format!("{prefix}-share")
                    field="share_pct"
                    compact=true
                    label=Signal::derive(move || label_for(texts(lang.get()).col_share))
                    value=read(|t| t.share_pct)
                    rule=Rule::percent()
                    on_commit=Callback::new(move |v| edit(TierEdit::Share(v)))
                />
            </td>
            <td class="num">
                <NumberField
                    id=format!("{prefix}-fee")
                    field="monthly_fee"
                    compact=true
                    label=Signal::derive(move || label_for(texts(lang.get()).col_fee))
                    value=read(|t| t.monthly_fee)
                    rule=Rule::money()
                    on_commit=Callback::new(move |v| edit(TierEdit::Fee(v)))
                />
            </td>
            <td class="actions">
                <button
                    type="button"
                    class="button icon quiet danger"
                    data-action="delete-tier"
                    title=move || t().delete
                    aria-label=move || label_for(t().delete)
                    on:click=move |_| {
                        ctx.report(ctx.apply(PlanEdit::DeleteTier(id)));
                    }
                >
                    {icon(Icon::Remove)}
                </button>
            </td>
        </tr>
    }
}
