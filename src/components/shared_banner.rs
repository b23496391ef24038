//! Shown while a shared plan (from a link) is open: it is not one of the user's plans until
//! they save a copy.

use leptos::prelude::*;

use crate::ctx::use_ctx;
use crate::model::Lang;

#[component]
pub fn SharedBanner() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    view! {
        <Show when=move || ctx.preview.with(Option::is_some)>
            <aside class="shared-banner" role="status" data-testid="shared-banner">
                <span class="badge">{move || lang.get().pick("分享的方案", "Shared plan")}</span>
                <p>
                    {move || {
                        let name = ctx.preview.get().unwrap_or_default();
                        match lang.get() {
                            Lang::Zh => format!(
                                "你正在查看别人分享的方案「{name}」。它还没有保存到你的方案中，你的方案也没有任何改动。"
                            ),
                            Lang::En => format!(
                                "You are viewing a shared plan, “{name}”. It is not saved among your plans, and your plans are unchanged."
                            ),
                        }
                    }}
                </p>
                <button
                    type="button"
                    class="button primary"
                    data-action="save-shared"
                    on:click=move |_| ctx.close_preview(true)
                >
                    {move || lang.get().pick("保存副本到我的方案", "Save a copy to my plans")}
                </button>
                <button
                    type="button"
                    class="button"
                    data-action="discard-shared"
                    on:click=move |_| ctx.close_preview(false)
                >
                    {move || lang.get().pick("不保存，回到我的方案", "Back to my plans")}
                </button>
            </aside>
        </Show>
    }
}
