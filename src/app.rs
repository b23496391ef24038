//! `<App/>`: load → state → context → layout, and the effects that keep the workspace in step
//! with the world outside the reactive system (localStorage, other tabs, the address bar).

use leptos::prelude::*;

use crate::components::{
    budget_table::BudgetTable, charts::Charts, comparison_table::ComparisonTable, dialogs::Dialogs,
    economics_form::EconomicsForm, example_banner::ExampleBanner, fee_tiers::FeeTiers,
    header::Header, headline::Headline, notices::Notices, scenario_panel::ScenarioPanel,
    shared_banner::SharedBanner,
};
use crate::ctx::{Ctx, NoticeKind};
use crate::exchange::link;
use crate::i18n::texts;
use crate::model::Lang;
use crate::storage;

fn browser_lang() -> Lang {
    let tag = window().navigator().language().unwrap_or_default();
    Lang::from_browser_tag(&tag)
}

/// Opens the share link in the address bar, if there is one.
fn open_link(ctx: Ctx) {
    let hash = window().location().hash().unwrap_or_default();
    if !link::is_link(&hash) {
        return;
    }
    match link::decode(&hash) {
        Ok(plan) => ctx.open_preview(plan),
        Err(e) => ctx.notify(NoticeKind::Link(e)),
    }
}

/// Asks the browser to keep this site's storage; when it says no, reminds the user (once) to
/// keep a backup file.
#[cfg(target_arch = "wasm32")]
fn ask_for_persistent_storage(ctx: Ctx) {
    use wasm_bindgen_futures::JsFuture;
    let Ok(promise) = window().navigator().storage().persist() else {
        return;
    };
    leptos::task::spawn_local(async move {
        let granted = JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        if !granted && storage::remind_once() {
            ctx.notify(NoticeKind::BackupReminder);
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn ask_for_persistent_storage(_: Ctx) {}

/// The page's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Budget,
    Scenarios,
    Compare,
    Charts,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Budget, Tab::Scenarios, Tab::Compare, Tab::Charts];

    fn key(self) -> &'static str {
        match self {
            Tab::Budget => "budget",
            Tab::Scenarios => "scenarios",
            Tab::Compare => "compare",
            Tab::Charts => "charts",
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        let t = texts(lang);
        match self {
            Tab::Budget => t.tab_budget,
            Tab::Scenarios => t.tab_scenarios,
            Tab::Compare => t.tab_compare,
            Tab::Charts => t.tab_charts,
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    let startup = storage::start(browser_lang(), js_sys::Date::now());
    let ctx = Ctx::new(
        startup.workspace,
        startup.revision,
        !startup.fresh,
        startup.may_save,
    );
    provide_context(ctx);
    let lang = ctx.lang;
    if !startup.may_save {
        ctx.block_saving(match startup.problem {
            Some(storage::StartupProblem::Unavailable) => storage::SaveError::Unavailable,
            _ => storage::SaveError::Blocked,
        });
    }
    if let Some(problem) = startup.problem {
        ctx.notify(NoticeKind::Startup(problem));
    } else if startup.may_save {
        ask_for_persistent_storage(ctx);
    }
    Effect::new(move |_| ctx.sync_lines());

    // Synchronise the workspace with localStorage: every change is saved (after checking for
    // another tab's newer version) and read back; what storage already holds is not written.
    Effect::new(move |_| {
        ctx.ws.track();
        ctx.save();
    });

    // Another tab saved: show its version, or let the user choose if this tab changed too.
    let storage_events = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(storage::KEY) {
            ctx.on_storage_changed(ev.new_value());
        }
    });
    on_cleanup(move || storage_events.remove());

    // A share link, at start or pasted into the address bar later.
    open_link(ctx);
    let hash_changes = window_event_listener(leptos::ev::hashchange, move |_| open_link(ctx));
    on_cleanup(move || hash_changes.remove());

    // Keep <html lang> and the title in the page's language.
    Effect::new(move |_| {
        let l = lang.get();
        let doc = document();
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", l.tag());
        }
        doc.set_title(texts(l).app_title);
    });

    // Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Ctrl+Y) undo and redo anywhere on the page.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let modifier = ev.ctrl_key() || ev.meta_key();
        if !modifier || ev.alt_key() {
            return;
        }
        match ev.key().to_lowercase().as_str() {
            "z" if ev.shift_key() => {
                ev.prevent_default();
                ctx.redo();
            }
            "z" => {
                ev.prevent_default();
                ctx.undo();
            }
            "y" => {
                ev.prevent_default();
                ctx.redo();
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    let tab = RwSignal::new(Tab::Budget);
    let t = move || texts(lang.get());

    view! {
        <a class="skip-link" href="#main">{move || lang.get().pick("跳到主要内容", "Skip to main content")}</a>
        <Header/>
        <Notices/>
        <Dialogs/>
        <main id="main" class="page">
            <SharedBanner/>
            <ExampleBanner/>
            <Headline/>
            <nav class="tabs" role="tablist" aria-label=move || t().app_title>
                {Tab::ALL
                    .into_iter()
                    .map(|which| {
                        view! {
                            <button
                                type="button"
                                role="tab"
                                id=format!("tab-{}", which.key())
                                aria-controls=format!("panel-{}", which.key())
                                aria-selected=move || (tab.get() == which).to_string()
                                tabindex=move || if tab.get() == which { "0" } else { "-1" }
                                class="tab"
                                class:active=move || tab.get() == which
                                on:click=move |_| tab.set(which)
                                on:keydown=move |ev| {
                                    let i = Tab::ALL.iter().position(|x| *x == which).unwrap_or(0);
                                    let next = match ev.key().as_str() {
                                        "ArrowRight" => Some(Tab::ALL[(i + 1) % Tab::ALL.len()]),
                                        "ArrowLeft" => Some(Tab::ALL[(i + Tab::ALL.len() - 1) % Tab::ALL.len()]),
                                        _ => None,
                                    };
                                    if let Some(n) = next {
                                        tab.set(n);
                                        if let Some(el) = document().get_element_by_id(&format!("tab-{}", n.key())) {
                                            use wasm_bindgen::JsCast;
                                            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                                                let _ = el.focus();
                                            }
                                        }
                                    }
                                }
                            >
                                {move || which.label(lang.get())}
                            </button>
                        }
                    })
                    .collect_view()}
            </nav>
            <section
                class="panel"
                role="tabpanel"
                id="panel-budget"
                aria-labelledby="tab-budget"
                hidden=move || tab.get() != Tab::Budget
            >
                <EconomicsForm/>
                <BudgetTable/>
                <FeeTiers/>
            </section>
            <section
                class="panel"
                role="tabpanel"
                id="panel-scenarios"
                aria-labelledby="tab-scenarios"
                hidden=move || tab.get() != Tab::Scenarios
            >
                <ScenarioPanel/>
            </section>
            <section
                class="panel"
                role="tabpanel"
                id="panel-compare"
                aria-labelledby="tab-compare"
                hidden=move || tab.get() != Tab::Compare
            >
                <ComparisonTable/>
            </section>
            <section
                class="panel"
                role="tabpanel"
                id="panel-charts"
                aria-labelledby="tab-charts"
                hidden=move || tab.get() != Tab::Charts
            >
                <Show when=move || tab.get() == Tab::Charts>
                    <Charts/>
                </Show>
            </section>
        </main>
        <footer class="footer">
            <p>{move || t().footer}</p>
        </footer>
    }
}
