//! Parts of the page whose code is not in the module fetched at start. Each is a split point
//! (`wasm_split`; scripts/wasm.mjs splits the module): Answers, Charts, the comparison, the
//! month-by-month grid, the client report, the Embed dialog and the file dialogs (import, share
//! link, backups; CSV in and out). A part is fetched the first time it is shown, a placeholder
//! holds its place meanwhile, and when it cannot be fetched (offline before the offline copy
//! was kept) it says so with a way to try again. The service worker keeps every part, so after one visit all of them work offline.
//!
//! The loader's failures are values (`fallible`): a failed fetch never aborts the app.

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use crate::ctx::{use_ctx, Dialog};
use crate::i18n::texts;

/// A part of the page could not be fetched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartError;

impl From<SplitLoaderError> for PartError {
    fn from(_: SplitLoaderError) -> Self {
        PartError
    }
}

/// What a split point gives: the part's view, or why it is not there.
type Part = Result<AnyView, PartError>;

#[wasm_split(answers, wasm_split_path = ::leptos::wasm_split, fallible)]
fn answers_part() -> Part {
    Ok(view! { <crate::components::answers::Answers/> }.into_any())
}

#[wasm_split(charts, wasm_split_path = ::leptos::wasm_split, fallible)]
fn charts_part(only: Option<crate::chart::spec::ChartId>) -> Part {
    Ok(match only {
        Some(i) => view! { <crate::components::charts::Charts only=i/> }.into_any(),
        None => view! { <crate::components::charts::Charts/> }.into_any(),
    })
}

#[wasm_split(scenarios, wasm_split_path = ::leptos::wasm_split, preload(preload_scenarios), fallible)]
fn scenarios_part(chosen: RwSignal<Option<crate::model::ScenarioId>>) -> Part {
    Ok(view! { <crate::components::scenario_panel::ScenarioPanel chosen=chosen/> }.into_any())
}

#[wasm_split(compare, wasm_split_path = ::leptos::wasm_split, preload(preload_compare), fallible)]
fn compare_part() -> Part {
    Ok(view! { <crate::components::comparison_table::ComparisonTable/> }.into_any())
}

#[wasm_split(seasonality, wasm_split_path = ::leptos::wasm_split, fallible)]
fn seasonality_part() -> Part {
    Ok(view! { <crate::components::seasonality::Seasonality/> }.into_any())
}

#[wasm_split(month_grid, wasm_split_path = ::leptos::wasm_split, fallible)]
fn month_grid_part() -> Part {
    Ok(view! { <crate::components::calc_grid::MonthGrid/> }.into_any())
}

#[wasm_split(report, wasm_split_path = ::leptos::wasm_split, fallible)]
fn report_part(host: Option<String>) -> Part {
    Ok(view! { <crate::components::report::Report host=host/> }.into_any())
}

#[wasm_split(embed_dialog, wasm_split_path = ::leptos::wasm_split, fallible)]
fn embed_dialog_part() -> Part {
    Ok(view! { <crate::components::embed_dialog::EmbedDialog/> }.into_any())
}

#[wasm_split(files, wasm_split_path = ::leptos::wasm_split, fallible)]
fn file_dialog_part(dialog: Dialog) -> Part {
    Ok(crate::components::dialogs::file_dialog(dialog))
}

#[wasm_split(files, wasm_split_path = ::leptos::wasm_split, fallible)]
fn lines_csv_part(
    lines: Vec<crate::model::BudgetLine>,
    lang: crate::model::Lang,
) -> Result<String, PartError> {
    Ok(crate::exchange::csv::lines_to_csv(&lines, lang))
}

#[wasm_split(files, wasm_split_path = ::leptos::wasm_split, fallible)]
fn comparison_csv_part(
    plan: std::sync::Arc<crate::model::Plan>,
    comparison: std::sync::Arc<crate::model::Comparison>,
    lang: crate::model::Lang,
) -> Result<String, PartError> {
    Ok(crate::exchange::csv::comparison_to_csv(
        &plan,
        &comparison,
        lang,
    ))
}

/// The budget lines as CSV (the CSV code is fetched with the file dialogs).
pub async fn lines_csv(
    lines: Vec<crate::model::BudgetLine>,
    lang: crate::model::Lang,
) -> Result<String, PartError> {
    lines_csv_part(lines, lang).await
}

/// The comparison as CSV.
pub async fn comparison_csv(
    plan: std::sync::Arc<crate::model::Plan>,
    comparison: std::sync::Arc<crate::model::Comparison>,
    lang: crate::model::Lang,
) -> Result<String, PartError> {
    comparison_csv_part(plan, comparison, lang).await
}

/// Fetches the Scenarios and Compare tabs' parts before they are opened: they are the tabs
/// most often opened next, and switching to them should not wait. (Answers and Charts are
/// fetched only when opened.)
///
/// The whole planner fetches them once the page is idle after start-up (where the browser has
/// no idle callback, after two seconds). An embed waits for a sign of intent instead: a pointer
/// over its tabs, a touch on them or the keyboard in them. Its host page is still loading when
/// the planner goes live, and compiling and instantiating some 20 modules at idle took the host's
/// main thread in long tasks (Lighthouse mobile on a host page whose first screen is the
/// planner: total blocking time median 417 ms with the idle fetch, 160 ms without; an embed
/// that is never used never fetches them).
pub fn prefetch_after_start() {
    let fetch = wasm_bindgen::closure::Closure::once_into_js(|| {
        leptos::task::spawn_local(async {
            // A failure here is not the user's concern yet: opening the tab tries again.
            let _later = preload_scenarios().await;
            // Only the whole planner has a Compare tab: an embed's other views do not fetch it.
            if document().get_element_by_id("tab-compare").is_some() {
                let _later = preload_compare().await;
            }
        });
    });
    let window = window();
    let embedded = document()
        .document_element()
        .is_some_and(|root| root.has_attribute("data-embedded"));
    if embedded {
        on_intent(&fetch);
        return;
    }
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok());
    let asked = match idle {
        Some(request) => request.call1(&window, &fetch).is_ok(),
        None => false,
    };
    if !asked {
        let _timer = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            wasm_bindgen::JsCast::unchecked_ref(&fetch),
            2_000,
        );
    }
}

/// Calls `fetch` (once: a `Closure::once_into_js`) at the first pointer over, touch on or focus
/// in the tab list; the other listeners are removed then. No tab list (an embed's calculator or
/// presentation view): never.
fn on_intent(fetch: &wasm_bindgen::JsValue) {
    use wasm_bindgen::JsCast;
    let Some(tabs) = document().query_selector("[role=tablist]").ok().flatten() else {
        return;
    };
    const EVENTS: [&str; 3] = ["pointerover", "touchstart", "focusin"];
    let fetch: js_sys::Function = fetch.clone().unchecked_into();
    let listener = std::rc::Rc::new(std::cell::RefCell::new(None::<js_sys::Function>));
    let handler = {
        let (tabs, listener) = (tabs.clone(), listener.clone());
        wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(f) = listener.borrow_mut().take() {
                for event in EVENTS {
                    let _ = tabs.remove_event_listener_with_callback(event, &f);
                }
            }
            let _ = fetch.call0(&wasm_bindgen::JsValue::NULL);
        })
    };
    let handler: js_sys::Function = handler.unchecked_into();
    for event in EVENTS {
        let _ = tabs.add_event_listener_with_callback(event, &handler);
    }
    *listener.borrow_mut() = Some(handler);
}

/// Which part of the page (the props each needs travel with it).
#[derive(Clone, Debug, PartialEq)]
pub enum Which {
    Answers,
    Charts(Option<crate::chart::spec::ChartId>),
    MonthGrid,
    Seasonality,
    Scenarios(RwSignal<Option<crate::model::ScenarioId>>),
    Compare,
    Report(Option<String>),
    EmbedDialog,
    FileDialog(Dialog),
}

impl Which {
    async fn load(self) -> Part {
        match self {
            Which::Answers => answers_part().await,
            Which::MonthGrid => month_grid_part().await,
            Which::Seasonality => seasonality_part().await,
            Which::Scenarios(chosen) => scenarios_part(chosen).await,
            Which::Compare => compare_part().await,
            Which::Charts(only) => charts_part(only).await,
            Which::Report(host) => report_part(host).await,
            Which::EmbedDialog => embed_dialog_part().await,
            Which::FileDialog(d) => file_dialog_part(d).await,
        }
    }

    /// The placeholder's class: it holds about the part's size, so nothing jumps when it
    /// arrives.
    fn placeholder(&self) -> &'static str {
        match self {
            Which::Answers
            | Which::Charts(None)
            | Which::Report(_)
            | Which::Scenarios(_)
            | Which::Compare => "part-loading tall",
            Which::Charts(Some(_)) => "part-loading chart",
            Which::MonthGrid => "part-loading grid",
            Which::Seasonality => "part-loading",
            Which::EmbedDialog | Which::FileDialog(_) => "part-loading",
        }
    }
}

/// A part of the page, fetched when first shown.
#[component]
pub fn Lazy(which: Which) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    // Each try is a number: "Try again" asks for the part anew.
    let attempt = RwSignal::new(0_u32);
    let class = which.placeholder();
    let waiting = move || {
        view! {
            <div class=class role="status" aria-busy="true">
                <span class="loading-mark" aria-hidden="true"></span>
                <span>{move || texts(lang.get()).part_loading}</span>
            </div>
        }
    };
    view! {
        <Suspense fallback=waiting>
            {move || {
                attempt.track();
                let which = which.clone();
                Suspend::new(async move {
                    match which.load().await {
                        Ok(view) => view,
                        Err(PartError) => view! {
                            <div class="part-failed" role="alert" data-testid="part-failed">
                                <p>{move || texts(lang.get()).part_failed}</p>
                                <button
                                    type="button"
                                    class="button"
                                    data-action="retry-part"
                                    on:click=move |_| attempt.update(|n| *n += 1)
                                >
                                    {move || texts(lang.get()).try_again}
                                </button>
                            </div>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
