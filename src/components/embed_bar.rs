//! The bar an embedded planner shows above its content: where the visitor's changes live,
//! "Open in the full planner" (the plan travels as a share link, so nothing done here is lost to
//! the host site's partitioned storage), and the host's call to action.

use leptos::prelude::*;

use crate::ctx::use_ctx;
use crate::embed::{self, Cta};
use crate::embedding::{FullLink, Host};
use crate::i18n::texts;

#[component]
pub fn EmbedBar(
    /// The link that opens the plan in the full planner.
    full_link: Option<FullLink>,
    cta: Option<Cta>,
    host: Option<Host>,
    /// Whether the plan can be edited here (not in a presentation), so there are changes to
    /// speak of.
    editable: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let link = move || full_link.and_then(FullLink::shown);
    // Both buttons carry the plan as it is now: the link made for it, or one made on the click
    // (an edit a moment ago may not have its link yet).
    let latest = move || async move {
        match full_link {
            Some(l) => l.latest().await,
            None => None,
        }
    };
    let cta_button = cta.map(|cta| {
        let label = cta.label.clone();
        let open = move |_| {
            let (cta, host) = (cta.clone(), host.clone());
            let share = cta.share;
            let go = move |link: Option<String>| {
                // The plan's link goes to the host only when the site asked for it (cta_share).
                let shared = link.filter(|_| cta.share);
                let target = embed::cta_target(&cta, shared.as_deref());
                // A new top-level tab, with no way back into this page.
                let _ =
                    window().open_with_url_and_target_and_features(&target, "_blank", "noopener");
                if let Some(host) = &host {
                    host.post(&embed::message(
                        embed::HostMessage::Cta,
                        serde_json::json!({ "url": target, "link": shared }),
                    ));
                }
            };
            match (share, full_link.and_then(FullLink::ready)) {
                (false, _) => go(None),
                (true, Some(ready)) => go(ready),
                (true, None) => leptos::task::spawn_local(async move { go(latest().await) }),
            }
        };
        view! {
            <button type="button" class="button primary" data-action="cta" on:click=open>
                {label}
            </button>
        }
    });
    view! {
        <div class="embed-bar" data-testid="embed-bar">
            <p class="muted small">{move || editable.then(|| t().embed_note)}</p>
            <div class="embed-actions">
                <a
                    class="button"
                    data-action="open-full"
                    target="_blank"
                    rel="noopener"
                    href=move || link().unwrap_or_else(|| "./".to_owned())
                    title=move || link().is_none().then(|| t().plan_too_large_for_link)
                    on:click=move |ev| {
                        if full_link.and_then(FullLink::ready).is_some() {
                            return;
                        }
                        // Not made for this plan yet: made now, then opened.
                        ev.prevent_default();
                        leptos::task::spawn_local(async move {
                            let target = latest().await.unwrap_or_else(|| "./".to_owned());
                            let _ = window().open_with_url_and_target_and_features(&target, "_blank", "noopener");
                        });
                    }
                >
                    {move || t().open_full_planner}
                </a>
                <button type="button" class="button" data-action="report" on:click=move |_| ctx.report_open.set(true)>
                    {move || t().report_print}
                </button>
                {cta_button}
            </div>
        </div>
    }
}
