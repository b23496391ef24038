//! Shown while a shared plan (from a link) is open: it is not one of the user's plans until
//! they save a copy, and changes made to it are not kept until then. The banner says so, and
//! says it louder once the plan has been changed; leaving the page then asks first.

use leptos::prelude::*;

use crate::i18n::texts;

use crate::ctx::use_ctx;
use crate::session::SaveStatus;

#[component]
pub fn SharedBanner() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let edited = move || matches!(ctx.status.get(), SaveStatus::Preview { edited: true });
    view! {
        <Show when=move || ctx.preview.with(Option::is_some)>
            <aside
                class="shared-banner"
                class:edited=edited
                role="status"
                data-testid="shared-banner"
                data-edited=move || edited().to_string()
            >
                <span class="badge">{move || texts(lang.get()).shared_plan}</span>
                <p>
                    {move || {
                        let name = ctx.preview.get().unwrap_or_default();
                        crate::i18n::shared_plan(&name, edited(), lang.get())
                    }}
                </p>
                <button
                    type="button"
                    class="button primary"
                    data-action="save-shared"
                    on:click=move |_| ctx.close_preview(true)
                >
                    {move || texts(lang.get()).save_copy_to_my_plans}
                </button>
                <button
                    type="button"
                    class="button"
                    data-action="discard-shared"
                    on:click=move |_| ctx.close_preview(false)
                >
                    {move || {
                        if edited() {
                            texts(lang.get()).discard_changes_back_to_my
                        } else {
                            texts(lang.get()).back_to_my_plans
                        }
                    }}
                </button>
            </aside>
        </Show>
    }
}
