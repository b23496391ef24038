//! `<App/>`: load → state → context → layout, and the effects that keep the workspace in step
//! with the world outside the reactive system (localStorage, other tabs, the address bar).

use leptos::prelude::*;

use crate::chart::spec::ChartId;
use crate::components::embed_bar::EmbedBar;
use crate::components::{
    budget_table::BudgetTable,
    calc_grid::CalcGrid,
    dialogs::Dialogs,
    economics_form::EconomicsForm,
    example_banner::ExampleBanner,
    fee_tiers::FeeTiers,
    header::Header,
    headline::Headline,
    lazy::{Lazy, Which},
    notices::Notices,
    shared_banner::SharedBanner,
    summary::StickySummary,
    tabs::{Tab, TabList, TabPanel},
};
use crate::ctx::Ctx;
use crate::deflate;
use crate::effects;
use crate::embed;
use crate::embedding;
use crate::exchange::json;
use crate::exchange::json::ReadPlan;
use crate::exchange::link::{self, LinkError};
use crate::i18n::texts;
use crate::model::{Column, Lang};
use crate::session::{NoticeKind, PlanFileProblem, SaveStatus};
use crate::storage;

fn browser_lang() -> Lang {
    let tag = window().navigator().language().unwrap_or_default();
    Lang::from_browser_tag(&tag)
}

/// The share link in the address bar, read (decompressing is asynchronous in the browser);
/// `None` when there is no link.
async fn read_link() -> Option<Result<ReadPlan, LinkError>> {
    let hash = window().location().hash().unwrap_or_default();
    if !link::is_link(&hash) {
        return None;
    }
    Some(deflate::decode(&hash).await)
}

/// Opens a shared plan, or says why it cannot be opened.
fn open_link(ctx: Ctx, read: Option<Result<ReadPlan, LinkError>>) {
    match read {
        Some(Ok(read)) => ctx.open_preview(read),
        Some(Err(e)) => ctx.notify(NoticeKind::Link(e)),
        None => {}
    }
}

/// Asks the browser to keep this site's storage. When it says no, the user is reminded (once
/// ever) to keep a backup file, but only after their first edit: before that there is nothing
/// of theirs to back up.
#[cfg(target_arch = "wasm32")]
fn ask_for_persistent_storage(ctx: Ctx) {
    use wasm_bindgen_futures::JsFuture;
    let Ok(promise) = window().navigator().storage().persist() else {
        return;
    };
    let refused = RwSignal::new(false);
    Effect::new(move |_| {
        // Something of theirs: an edit, and a plan with lines (a new blank plan is not yet).
        let edited = ctx.history_state.get().0
            && ctx
                .plan
                .with(|p| p.as_ref().is_some_and(|p| !p.lines.is_empty()));
        if refused.get() && edited {
            refused.set(false);
            if storage::remind_once() {
                ctx.notify(NoticeKind::BackupReminder);
            }
        }
    });
    leptos::task::spawn_local(async move {
        let granted = JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        if !granted {
            refused.set(true);
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn ask_for_persistent_storage(_: Ctx) {}

/// Starts the app: reads the options in the address (an embed's), fetches the plan file an
/// embed was given, then mounts the page. Called by `main`.
pub fn start() {
    mark("start");
    let search = window().location().search().unwrap_or_default();
    let (mut options, mut rejected) = embed::Options::parse(&search);
    // Framed by another page without `embed=1` (a plain iframe, or someone else's page): it
    // runs as an embed all the same, in memory with the embed bar, so it never touches the
    // planner site's own storage from inside someone else's page. Styling applies only in an
    // embed, and only when it reads.
    rejected.extend(options.settle(framed()));
    for r in &rejected {
        leptos::logging::warn!(
            "Customer Cost Planner: option {} ignored; expected {}",
            r.key,
            r.reason
        );
    }
    let has_link = link::is_link(&window().location().hash().unwrap_or_default());
    let file_path = options.plan_url.clone().filter(|_| options.embedded);
    if !has_link && file_path.is_none() {
        mount(Launch {
            options,
            file: None,
            link: None,
        });
        return;
    }
    // Leptos's executor starts with the mount: before it, wasm-bindgen's.
    wasm_bindgen_futures::spawn_local(async move {
        let link = read_link().await;
        // A link that opens takes the place of the plan file.
        let file = match file_path.filter(|_| !matches!(link, Some(Ok(_)))) {
            Some(path) => {
                let text = fetch_plan_file(&path).await;
                Some((path, text))
            }
            None => None,
        };
        mount(Launch {
            options,
            file,
            link,
        });
    });
}

/// A `performance.mark` (`ccp:<label>`), so a trace or `make bench` can see the start-up steps.
pub fn mark(label: &str) {
    let Ok(performance) = js_sys::Reflect::get(&window(), &"performance".into()) else {
        return;
    };
    let mark = js_sys::Reflect::get(&performance, &"mark".into())
        .ok()
        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok());
    if let Some(mark) = mark {
        let _ = mark.call1(&performance, &format!("ccp:{label}").into());
    }
}

/// Whether this page is inside a frame.
fn framed() -> bool {
    let w = window();
    match w.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &w),
        // The top window cannot be reached: a frame of a page that hides itself.
        Ok(None) | Err(_) => true,
    }
}

/// What the page starts with, read before it is mounted.
pub struct Launch {
    /// The options in the address (all default when the planner is on its own).
    pub options: embed::Options,
    /// The plan file an embed was given, and what fetching it gave.
    pub file: Option<(String, Result<String, PlanFileProblem>)>,
    /// The share link in the address, read.
    pub link: Option<Result<ReadPlan, LinkError>>,
}

/// Mounts the page into `#app` (index.html), hidden: the painted first screen stays on show
/// until the page is built ([`take_over`]). Without that element (another page), into `<body>`.
fn mount(launch: Launch) {
    let app = document()
        .get_element_by_id("app")
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    match app {
        Some(el) => leptos::mount::mount_to(el, move || view! { <App launch=launch/> }).forget(),
        None => leptos::mount::mount_to_body(move || view! { <App launch=launch/> }),
    }
}

/// The live page replaces the painted first screen, in one step: the painted screen goes and
/// the page, built meanwhile in its hidden place, shows in the same frame. Only new elements
/// appear, so nothing shifts; the painted screen had the same layout, so nothing flashes.
fn take_over() {
    let doc = document();
    if let Some(painted) = doc.get_element_by_id("prepaint") {
        painted.remove();
    }
    if let Some(app) = doc
        .get_element_by_id("app")
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        app.set_hidden(false);
    }
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("data-live", "");
    }
    if let Ok(event) = web_sys::Event::new("ccp:live") {
        let _ = window().dispatch_event(&event);
    }
}

/// How long an embed waits for its plan file before starting from the example.
const PLAN_FILE_TIMEOUT_MS: i32 = 15_000;

/// The text of a plan file beside the app: read as it streams in and stopped at the size any
/// import may have ([`json::MAX_BYTES`]), and given up after [`PLAN_FILE_TIMEOUT_MS`], so a
/// slow or endless answer never leaves the page loading.
async fn fetch_plan_file(path: &str) -> Result<String, PlanFileProblem> {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let controller = web_sys::AbortController::new().map_err(|_| PlanFileProblem::Unreachable)?;
    let timed_out = Rc::new(Cell::new(false));
    let on_time = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        wasm_bindgen::closure::Closure::once_into_js(move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let timer = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_time.unchecked_ref(),
            PLAN_FILE_TIMEOUT_MS,
        )
        .ok();
    let failed = |timed_out: &Rc<Cell<bool>>| {
        if timed_out.get() {
            PlanFileProblem::TimedOut
        } else {
            PlanFileProblem::Unreachable
        }
    };
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let result = async {
        let response = JsFuture::from(window().fetch_with_str_and_init(path, &init))
            .await
            .map_err(|_| failed(&timed_out))?;
        let response: web_sys::Response = response
            .dyn_into()
            .map_err(|_| PlanFileProblem::Unreachable)?;
        if !response.ok() {
            return Err(PlanFileProblem::Unreachable);
        }
        let body = response.body().ok_or(PlanFileProblem::Unreachable)?;
        let reader = body.get_reader();
        let read = js_sys::Reflect::get(&reader, &"read".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .ok_or(PlanFileProblem::Unreachable)?;
        let mut bytes = Vec::new();
        loop {
            let promise = read
                .call0(&reader)
                .ok()
                .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
                .ok_or(PlanFileProblem::Unreachable)?;
            let chunk = JsFuture::from(promise)
                .await
                .map_err(|_| failed(&timed_out))?;
            let done = js_sys::Reflect::get(&chunk, &"done".into())
                .ok()
                .and_then(|d| d.as_bool())
                .unwrap_or(true);
            if done {
                break;
            }
            let value = js_sys::Reflect::get(&chunk, &"value".into())
                .ok()
                .and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
                .ok_or(PlanFileProblem::Unreachable)?;
            if bytes.len() + value.length() as usize > json::MAX_BYTES {
                controller.abort();
                return Err(PlanFileProblem::Read(json::JsonError::TooLarge));
            }
            bytes.extend(value.to_vec());
        }
        crate::files::decode_text(&bytes).ok_or(PlanFileProblem::Read(json::JsonError::Syntax(
            "not text in UTF-8, UTF-16 or GB18030".to_owned(),
        )))
    }
    .await;
    if let Some(id) = timer {
        window().clear_timeout_with_handle(id);
    }
    result
}

/// The page, from what [`start`] read.
#[component]
pub fn App(launch: Launch) -> impl IntoView {
    let options = launch.options.clone();
    // The loading line of index.html gives way to the page.
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    embedding::apply_to_page(&options);
    let ctx = start_session(launch);
    let lang = ctx.lang;
    let tab = RwSignal::new(options.tab.map_or(Tab::Budget, Tab::from));
    let stages = Stages::start(ctx);
    // The scenario being edited, kept while other tabs are open.
    let chosen_scenario = RwSignal::new(None);

    // The column on screen: the scenario being edited on the Scenarios tab, else the baseline
    // (what the summary bar and the host's `change` event report).
    let shown_column = Memo::new(move |_| match (tab.get(), chosen_scenario.get()) {
        (Tab::Scenarios, Some(id)) if ctx.columns.with(|c| c.contains(&Column::Scenario(id))) => {
            Column::Scenario(id)
        }
        _ => Column::Baseline,
    });
    let full_link = options.embedded.then(|| embedding::keep_in_address(ctx));
    let host = embedding::Host::find(&options);
    if let Some(host) = &host {
        embedding::report_height(host.clone());
        embedding::report_changes(ctx, host.clone(), shown_column);
        host.post(&embed::message(
            embed::HostMessage::Ready,
            serde_json::json!({ "view": options.view.key(), "lang": lang.get_untracked().tag() }),
        ));
    }
    let bar = options.embedded.then(|| {
        view! {
            <EmbedBar
                full_link=full_link
                cta=options.cta.clone()
                host=host
                editable=options.view.editable()
            />
        }
    });
    let host_name = options.host.clone();
    match options.view {
        embed::View::Full => full_page(
            ctx,
            stages,
            tab,
            chosen_scenario,
            shown_column,
            bar,
            host_name,
        )
        .into_any(),
        view_kind => embed_page(ctx, stages, view_kind, bar, host_name).into_any(),
    }
}

/// The session the page runs: in memory for an embed (its prefilled plan, its notices), else on
/// the browser's storage with the share link in the address opened; and the page's effects.
fn start_session(launch: Launch) -> Ctx {
    let Launch {
        options,
        file,
        link: shared,
    } = launch;
    let first_lang = options.lang.unwrap_or_else(browser_lang);
    let (place, prefill_notices, shared) = if options.embedded {
        let (workspace, notices) = embed::prefill(
            shared,
            file.as_ref().map(|(p, t)| {
                (
                    p.as_str(),
                    t.as_ref().map(String::as_str).map_err(Clone::clone),
                )
            }),
            options.currency.as_deref(),
            first_lang,
        );
        (storage::Place::memory(workspace), notices, None)
    } else {
        (storage::Place::Browser, Vec::new(), shared)
    };
    mark("app");
    let ctx = Ctx::start(first_lang, place);
    mark("session");
    provide_context(ctx);
    crate::theme::provide();
    for notice in prefill_notices {
        ctx.notify(notice);
    }
    if let Some(l) = options.lang {
        if ctx.lang.get_untracked() != l {
            ctx.set_lang(l);
        }
    }
    if !options.embedded
        && matches!(
            ctx.status.get_untracked(),
            SaveStatus::Saved | SaveStatus::Pending
        )
    {
        ask_for_persistent_storage(ctx);
    }
    Effect::new(move |_| ctx.sync_lines());

    if !options.embedded {
        effects::use_other_tab_saves(ctx);
    }
    effects::use_save_on_leave(ctx);
    if !options.embedded {
        open_link(ctx, shared);
        effects::use_window_event(leptos::ev::hashchange, move |_| {
            leptos::task::spawn_local(async move { open_link(ctx, read_link().await) });
        });
    }
    effects::use_update_notice(ctx);
    effects::use_document_lang(ctx.lang);
    effects::use_undo_keys(ctx);
    ctx
}

/// Start-up in small steps, each its own task, while the page is still hidden behind the
/// painted first screen (index.html): the header; the figures computed; the headline a row a
/// step; the tabs and the economics; the budget table a few rows a step; the fee tiers; the
/// summary bar; then the take-over shows it all at once. One long task would block a phone's
/// main thread for the whole build of the page (and the wasm code each step runs is compiled
/// on its first call, in that step). Each part shows from its step on.
#[derive(Clone, Copy)]
struct Stages {
    header: Memo<bool>,
    headline: Memo<bool>,
    rest: Memo<bool>,
    budget_lines: Memo<bool>,
    tiers: Memo<bool>,
    summary: Memo<bool>,
    /// How many headline rows and budget lines are built so far.
    headline_rows: Signal<usize>,
    budget_rows: Signal<usize>,
}

impl Stages {
    fn start(ctx: Ctx) -> Self {
        let stage = RwSignal::new(0usize);
        let columns = ctx.columns.with_untracked(Vec::len).max(1);
        let lines = ctx
            .plan
            .with_untracked(|p| p.as_ref().map_or(0, |p| p.lines.len()))
            .min(crate::components::budget_table::WINDOW_FROM);
        let rows_from = 3;
        let rest_at = rows_from + columns;
        let lines_from = rest_at + 1;
        let tiers_at = lines_from + lines.div_ceil(BUDGET_ROWS_A_STEP).max(1);
        let last = tiers_at + 1;
        next_stage(stage, last, ctx);
        let at = move |n: usize| Memo::new(move |_| stage.get() >= n);
        // How many of a list to show at a step: `per_step` more each step from `from`, all
        // from `done` on.
        let growing = move |from: usize, done: usize, per_step: usize| {
            Signal::derive(move || {
                let s = stage.get();
                if s >= done {
                    usize::MAX
                } else {
                    (s + 1).saturating_sub(from) * per_step
                }
            })
        };
        Self {
            header: at(1),
            headline: at(rows_from),
            rest: at(rest_at),
            budget_lines: at(lines_from),
            tiers: at(tiers_at),
            summary: at(last),
            headline_rows: growing(rows_from, rest_at, 1),
            budget_rows: growing(lines_from, tiers_at, BUDGET_ROWS_A_STEP),
        }
    }
}

/// Moves start-up on a step in a task of its own; after the last, the take-over.
fn next_stage(stage: RwSignal<usize>, last: usize, ctx: Ctx) {
    next_task(move || {
        let now = stage.get_untracked() + 1;
        mark(&format!("stage-{now}"));
        if now == 2 {
            // The model's figures for every column, in a step of their own.
            ctx.comparison.with_untracked(|_| ());
        }
        stage.set(now);
        if now < last {
            next_stage(stage, last, ctx);
        } else {
            // The last step's rendering runs in this task's microtasks: shown after it.
            next_task(|| {
                take_over();
                mark("live");
                crate::components::lazy::prefetch_after_start();
            });
        }
    });
}

/// An embed's calculator or presentation view: the figures and what they need, no tabs.
fn embed_page<B: IntoView + 'static>(
    ctx: Ctx,
    stages: Stages,
    view_kind: embed::View,
    bar: Option<B>,
    host_name: Option<String>,
) -> impl IntoView {
    let Stages {
        headline,
        rest,
        budget_lines,
        headline_rows,
        budget_rows,
        ..
    } = stages;
    view! {
        <Notices/>
        <main id="main" class="page embed-page">
            {bar}
            <Show
                when=move || !ctx.report_open.get()
                fallback=move || view! { <Lazy which=Which::Report(host_name.clone())/> }
            >
            {match view_kind {
                embed::View::Calculator => view! {
                    <Show when=move || headline.get()><Headline rows=headline_rows/></Show>
                    <Show when=move || rest.get()><EconomicsForm/></Show>
                    <Show when=move || budget_lines.get()>
                        <BudgetTable rows=budget_rows/>
                        <Lazy which=Which::Charts(Some(ChartId::Cumulative))/>
                    </Show>
                }
                .into_any(),
                embed::View::Presentation | embed::View::Full => view! {
                    <Show when=move || headline.get()><Headline rows=headline_rows/></Show>
                    <Show when=move || rest.get()>
                        <Lazy which=Which::Compare/>
                        <Lazy which=Which::Charts(None)/>
                    </Show>
                }
                .into_any(),
            }}
            </Show>
        </main>
    }
}

/// The whole planner: header, headline, the tabs, the summary bar.
fn full_page<B: IntoView + 'static>(
    ctx: Ctx,
    stages: Stages,
    tab: RwSignal<Tab>,
    chosen_scenario: RwSignal<Option<crate::model::ScenarioId>>,
    shown_column: Memo<Column>,
    bar: Option<B>,
    host_name: Option<String>,
) -> impl IntoView {
    let lang = ctx.lang;
    let Stages {
        header,
        headline,
        rest,
        budget_lines,
        tiers,
        summary,
        headline_rows,
        budget_rows,
    } = stages;
    view! {
        <a class="skip-link" href="#main">{move || texts(lang.get()).skip_to_main_content}</a>
        <Show when=move || header.get()>
            <Header/>
            <Notices/>
            <Dialogs/>
        </Show>
        <main id="main" class="page">
            {bar}
            <Show
                when=move || !ctx.report_open.get()
                fallback=move || view! { <Lazy which=Which::Report(host_name.clone())/> }
            >
                <Show when=move || headline.get()>
                    <SharedBanner/>
                    <ExampleBanner on_start=Callback::new(move |()| tab.set(Tab::Budget))/>
                    <Headline rows=headline_rows/>
                </Show>
                <div id="headline-end"></div>
                <Show when=move || rest.get()>
                    <CalcGrid/>
                    <TabList tab=tab lang=lang/>
                    <TabPanel which=Tab::Budget tab=tab>
                        <EconomicsForm/>
                        <Show when=move || budget_lines.get()>
                            <BudgetTable rows=budget_rows/>
                        </Show>
                        <Show when=move || tiers.get()>
                            <FeeTiers/>
                        </Show>
                    </TabPanel>
                    <TabPanel which=Tab::Scenarios tab=tab>
                        <Lazy which=Which::Scenarios(chosen_scenario)/>
                    </TabPanel>
                    <TabPanel which=Tab::Compare tab=tab>
                        <Lazy which=Which::Compare/>
                    </TabPanel>
                    <TabPanel which=Tab::Charts tab=tab>
                        <Lazy which=Which::Charts(None)/>
                    </TabPanel>
                    <TabPanel which=Tab::Answers tab=tab>
                        <Lazy which=Which::Answers/>
                    </TabPanel>
                </Show>
                <Show when=move || summary.get()>
                    <StickySummary column=shown_column/>
                </Show>
            </Show>
        </main>
        <footer class="footer">
            <p>{move || texts(lang.get()).footer}</p>
        </footer>
    }
}

/// Budget lines built in one start-up step (see `App`).
const BUDGET_ROWS_A_STEP: usize = 4;

/// Runs `f` in a new task, at once: a message to this page (timers nested more than five
/// deep wait at least 4 ms each; messages do not).
fn next_task(f: impl FnOnce() + 'static) {
    let run = wasm_bindgen::closure::Closure::once_into_js(f);
    let Ok(channel) = web_sys::MessageChannel::new() else {
        set_timeout(
            move || {
                let _ = wasm_bindgen::JsCast::unchecked_ref::<js_sys::Function>(&run)
                    .call0(&wasm_bindgen::JsValue::NULL);
            },
            std::time::Duration::ZERO,
        );
        return;
    };
    channel
        .port1()
        .set_onmessage(Some(wasm_bindgen::JsCast::unchecked_ref(&run)));
    let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
}
