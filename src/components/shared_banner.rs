//! Shown while a shared plan (from a link) is open: it is not one of the user's plans until
//! they save a copy, and changes made to it are not kept until then. The banner says so, and
//! says it louder once the plan has been changed; leaving the page then asks first.

use leptos::prelude::*;

use crate::ctx::use_ctx;
use crate::model::Lang;
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
                <span class="badge">{move || lang.get().pick("分享的方案", "Shared plan")}</span>
                <p>
                    {move || {
                        let name = ctx.preview.get().unwrap_or_default();
                        match (lang.get(), edited()) {
                            (Lang::Zh, false) => format!(
                                "你正在查看别人分享的方案「{name}」。它还没有保存到你的方案中，你的方案也没有任何改动。可以先试着修改，但修改只有在保存副本后才会保留。"
                            ),
                            (Lang::En, false) => format!(
                                "You are viewing a shared plan, “{name}”. It is not saved among your plans, and your plans are unchanged. You can try changes, but they are kept only once you save a copy."
                            ),
                            (Lang::Zh, true) => format!(
                                "你修改了分享的方案「{name}」，这些修改还没有保存。点“保存副本到我的方案”即可保留；关闭或刷新页面会丢失它们。"
                            ),
                            (Lang::En, true) => format!(
                                "You changed the shared plan “{name}”, and the changes are not saved yet. Choose “Save a copy to my plans” to keep them; closing or reloading the page loses them."
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
                    {move || {
                        if edited() {
                            lang.get().pick("放弃修改，回到我的方案", "Discard changes, back to my plans")
                        } else {
                            lang.get().pick("不保存，回到我的方案", "Back to my plans")
                        }
                    }}
                </button>
            </aside>
        </Show>
    }
}
