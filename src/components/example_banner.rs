//! Marks an example plan as an example, with a way to start blank.

use leptos::prelude::*;

use crate::components::focus::focus_and_select_later;
use crate::ctx::use_ctx;
use crate::i18n::{self, texts};
use crate::model::Example;
use crate::state::Action;

/// `on_start`: the page's part of starting blank (it shows the budget, where a plan begins).
#[component]
pub fn ExampleBanner(on_start: Callback<()>) -> impl IntoView {
    let ctx = use_ctx();
    let example = move || {
        ctx.ws.with(|w| {
            w.current()
                .and_then(|p| p.example.as_deref().and_then(Example::from_key))
        })
    };
    let is_example = move || example().is_some();
    view! {
        <Show when=is_example>
            <aside class="example-banner" data-testid="example-banner">
                <span class="badge">{move || texts(ctx.lang.get()).example}</span>
                <p>
                    {move || {
                        // An embed keeps changes in memory and in its address, not in storage.
                        example().map(|e| i18n::example_banner(e, ctx.in_memory(), ctx.lang.get()))
                    }}
                </p>
                <button
                    type="button"
                    class="button primary"
                    data-action="start-blank"
                    on:click=move |_| {
                        ctx.report(ctx.apply(Action::NewPlan(None)));
                        on_start.run(());
                        // The banner goes away with the example: focus moves to the new plan's
                        // name, not to the top of the page.
                        focus_and_select_later("plan-name".to_owned());
                    }
                >
                    {move || texts(ctx.lang.get()).start_blank}
                </button>
            </aside>
        </Show>
    }
}
