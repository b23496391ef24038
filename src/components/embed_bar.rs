//! The bar an embedded planner shows above its content: where the visitor's changes live,
//! "Open in the full planner" (the plan travels as a share link, so nothing done here is lost to
//! the host site's partitioned storage), and the host's call to action.

use leptos::prelude::*;

use crate::ctx::use_ctx;
use crate::embed::{self, Cta};
use crate::embedding::Host;
use crate::i18n::texts;

#[component]
pub fn EmbedBar(
    /// The link that opens the plan in the full planner (`None` while it is too large).
    full_link: Option<ReadSignal<Option<String>>>,
    cta: Option<Cta>,
    host: Option<Host>,
    /// Whether the plan can be edited here (not in a presentation), so there are changes to
    /// speak of.
    editable: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let link = move || full_link.and_then(|l| l.get());
    let cta_button = cta.map(|cta| {
        let label = cta.label.clone();
        let open = move |_| {
            let target = embed::cta_target(&cta, link().as_deref());
            // A new top-level tab, with no way back into this page.
            let _ = window().open_with_url_and_target_and_features(&target, "_blank", "noopener");
            if let Some(host) = &host {
                host.post(&embed::message(
                    "cta",
                    serde_json::json!({ "url": target, "link": link() }),
                ));
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
                >
                    {move || t().open_full_planner}
                </a>
                <button type="button" class="button" data-action="report" on:click=move |_| ctx.report.set(true)>
                    {move || t().report_print}
                </button>
                {cta_button}
            </div>
        </div>
    }
}
