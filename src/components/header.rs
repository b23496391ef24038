//! The top bar: the app's name, the plan switcher and its actions, undo/redo, the language.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::focus::focus_and_select_later;
use crate::components::icon::{icon, Icon};
use crate::ctx::{use_ctx, Dialog, FileProblem};
use crate::effects::use_window_event;
use crate::exchange::json;
use crate::files::{read_chosen, ReadError};
use crate::i18n::{texts, Texts};
use crate::model::{Example, Lang};
use crate::session::SaveStatus;
use crate::state::{Action, PlanId};

/// The two menus of the toolbar (new plan, file): one open at a time; Esc or a click elsewhere
/// closes the open one, as menus do.
#[derive(Clone, Copy)]
struct Menus([NodeRef<html::Details>; 2]);

impl Menus {
    const NEW: usize = 0;
    const FILE: usize = 1;

    fn new() -> Menus {
        let menus = Menus([NodeRef::new(), NodeRef::new()]);
        menus.close_on_escape_and_outside();
        menus
    }

    fn close(self) {
        for menu in self.0 {
            if let Some(d) = menu.get_untracked() {
                d.set_open(false);
            }
        }
    }

    /// The menu `this` was toggled: if it opened, the other closes.
    fn only_open(self, this: usize) {
        if self.0[this].get_untracked().is_some_and(|d| d.open()) {
            for (i, menu) in self.0.into_iter().enumerate() {
                if i != this {
                    if let Some(d) = menu.get_untracked() {
                        d.set_open(false);
                    }
                }
            }
        }
    }

    fn close_on_escape_and_outside(self) {
        use_window_event(leptos::ev::keydown, move |ev| {
            if ev.key() != "Escape" {
                return;
            }
            for menu in self.0 {
                if let Some(d) = menu.get_untracked().filter(|d| d.open()) {
                    d.set_open(false);
                    if let Some(summary) = d
                        .query_selector("summary")
                        .ok()
                        .flatten()
                        .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = summary.focus();
                    }
                }
            }
        });
        use_window_event(leptos::ev::click, move |ev| {
            let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            for menu in self.0 {
                if let Some(d) = menu.get_untracked().filter(|d| d.open()) {
                    if !d.contains(target.as_ref()) {
                        d.set_open(false);
                    }
                }
            }
        });
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let menus = Menus::new();
    view! {
        <header class="topbar">
            {brand()}
            <div class="toolbar">
                {plan_picker()}
                {new_menu(menus)}
                {file_menu(menus)}
                {plan_buttons()}
                {history_buttons()}
                {theme_toggle()}
                {lang_picker()}
                {save_slot()}
            </div>
        </header>
    }
}

/// The logo, the app's name and its tagline.
fn brand() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    view! {
    <div class="brand">
        <svg class="logo" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="7"></rect>
            <path d=crate::prepaint::icons::LOGO></path>
        </svg>
        <div>
            <h1>{move || t().app_title}</h1>
            <p class="tagline">{move || t().app_tagline}</p>
        </div>
    </div>
    }
}

/// The plan switcher: every plan by name, the open one chosen.
fn plan_picker() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    // A memo: typing a figure changes the workspace but no plan's name, and rebuilds no option.
    let plans = Memo::new(move |_| {
        ctx.ws.with(|w| {
            w.plans
                .iter()
                .map(|p| (p.id, p.plan.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let selected = Memo::new(move |_| ctx.ws.with(|w| w.selected.0.to_string()));
    view! {
    <div class="plan-picker">
        <label for="plan-select">{move || t().plan}</label>
        <select
            id="plan-select"
            prop:value=move || selected.get()
            on:change=move |ev| {
                if let Ok(id) = event_target_value(&ev).parse::<u32>() {
                    ctx.report(ctx.apply(Action::SelectPlan(PlanId(id))));
                }
            }
        >
            {move || {
                let current = selected.get();
                plans.get()
                    .into_iter()
                    .map(|(id, name)| {
                        let value = id.0.to_string();
                        let is_selected = value == current;
                        view! { <option value=value selected=is_selected>{name}</option> }
                    })
                    .collect_view()
            }}
        </select>
    </div>
    }
}

/// New plan: blank, or from an example.
fn new_menu(menus: Menus) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let close_menu = move || menus.close();
    view! {
    <details class="menu" node_ref=menus.0[Menus::NEW] on:toggle=move |_| menus.only_open(Menus::NEW)>
        <summary class="button" data-action="new-menu">{move || t().new_plan}</summary>
        <div class="menu-items">
            <button
                type="button"
                data-action="new-blank-plan"
                on:click=move |_| {
                    ctx.report(ctx.apply(Action::NewPlan(None)));
                    close_menu();
                    focus_and_select_later("plan-name".to_owned());
                }
            >
                {move || t().new_blank_plan}
            </button>
            {Example::ALL
                .into_iter()
                .map(|e| {
                    view! {
                        <button
                            type="button"
                            data-action=format!("new-example-{}", e.key())
                            on:click=move |_| {
                                ctx.report(ctx.apply(Action::NewPlan(Some(e))));
                                close_menu();
                            }
                        >
                            {move || e.name(lang.get())}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    </details>
    }
}

/// An item of a menu: closes the menu, then does its job.
fn menu_item(
    menus: Menus,
    lang: ReadSignal<Lang>,
    action: &'static str,
    label: fn(&Texts) -> &'static str,
    run: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <button
            type="button"
            data-action=action
            on:click=move |_| {
                menus.close();
                run();
            }
        >
            {move || label(texts(lang.get()))}
        </button>
    }
}

/// The file menu: share, export, import, embed, report, backups.
fn file_menu(menus: Menus) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let json_input = NodeRef::<html::Input>::new();
    let on_json_chosen = move |_| {
        if let Some(input) = json_input.get_untracked() {
            read_chosen(&input, json::MAX_BYTES, move |result| {
                ctx.dialog.set(Some(match result {
                    Ok(text) => Dialog::ImportJson(json::read(&text)),
                    Err(ReadError::TooLarge) => Dialog::ImportJson(Err(json::JsonError::TooLarge)),
                    Err(ReadError::Unreadable) => Dialog::FileError(FileProblem::Unreadable),
                    Err(ReadError::Encoding) => Dialog::FileError(FileProblem::Encoding),
                }));
            });
        }
    };
    view! {
    <details class="menu" node_ref=menus.0[Menus::FILE] on:toggle=move |_| menus.only_open(Menus::FILE)>
        <summary class="button" data-action="file-menu">
            {move || texts(lang.get()).file}
        </summary>
        <div class="menu-items">
            {menu_item(menus, lang, "share-link", |t| t.menu_share_link, move || ctx.share())}
            {menu_item(menus, lang, "export-plan", |t| t.export_this_plan_json, move || ctx.export_plan())}
            {menu_item(menus, lang, "export-all", |t| t.export_all_plans_json_backup, move || ctx.export_all())}
            {menu_item(menus, lang, "import-json", |t| t.menu_import_json, move || {
                    if let Some(input) = json_input.get_untracked() {
                    input.click();
                    }
                })}
            {menu_item(menus, lang, "embed", |t| t.menu_embed, move || ctx.dialog.set(Some(Dialog::Embed)))}
            {menu_item(menus, lang, "report", |t| t.menu_report, move || ctx.report_open.set(true))}
            {menu_item(menus, lang, "backups", |t| t.menu_backups, move || ctx.dialog.set(Some(Dialog::Backups)))}
        </div>
    </details>
    <input
        type="file"
        accept=".json,application/json"
        class="visually-hidden"
        id="import-json-file"
        tabindex="-1"
        aria-label=move || texts(lang.get()).import_json_label
        node_ref=json_input
        on:change=on_json_chosen
    />
    }
}

/// Duplicate and delete the open plan.
fn plan_buttons() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    view! {
    <button
        type="button"
        class="button"
        data-action="duplicate-plan"
        on:click=move |_| {
            let id = ctx.ws.with_untracked(|w| w.selected);
            ctx.report(ctx.apply(Action::DuplicatePlan(id)));
        }
    >
        {move || t().duplicate}
    </button>
    <button
        type="button"
        class="button danger"
        data-action="delete-plan"
        on:click=move |_| {
            let id = ctx.ws.with_untracked(|w| w.selected);
            ctx.report(ctx.apply(Action::DeletePlan(id)));
        }
    >
        {move || t().delete}
    </button>
    }
}

/// Undo and redo.
fn history_buttons() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let (can_undo, can_redo) = (
        move || ctx.history_state.get().0,
        move || ctx.history_state.get().1,
    );
    view! {
    <span class="divider" aria-hidden="true"></span>
    <button
        type="button"
        class="button icon"
        data-action="undo"
        disabled=move || !can_undo()
        on:click=move |_| ctx.undo()
        title=move || format!("{} (Ctrl+Z)", t().undo)
        aria-label=move || t().undo
    >
        {icon(Icon::Undo)}
    </button>
    <button
        type="button"
        class="button icon"
        data-action="redo"
        disabled=move || !can_redo()
        on:click=move |_| ctx.redo()
        title=move || format!("{} (Ctrl+Shift+Z)", t().redo)
        aria-label=move || t().redo
    >
        {icon(Icon::Redo)}
    </button>
    }
}

/// The dark theme's toggle (remembered for the next visit).
fn theme_toggle() -> impl IntoView {
    let lang = use_ctx().lang;
    let t = move || texts(lang.get());
    let dark = crate::theme::dark();
    view! {
    <span class="divider" aria-hidden="true"></span>
    <button
        type="button"
        class="button icon"
        data-action="theme"
        aria-pressed=move || dark.get().to_string()
        on:click=move |_| crate::theme::choose(!dark.get_untracked())
        title=move || t().dark_theme
        aria-label=move || t().dark_theme
    >
        {icon(Icon::Moon)}
    </button>
    }
}

/// The page's language.
fn lang_picker() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    view! {
    <div class="lang-picker">
        <label for="lang-select" class="visually-hidden">
            {move || t().language}
        </label>
        <select
            id="lang-select"
            prop:value=move || lang.get().tag()
            on:change=move |ev| {
                ctx.set_lang(Lang::from_browser_tag(&event_target_value(&ev)));
            }
        >
            <option value="zh-CN">"中文"</option>
            <option value="en">"English"</option>
        </select>
    </div>
    }
}

/// Whether the plans are saved.
fn save_slot() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    view! {
    // The slot is as wide as the longest usual status, so "Saving…" turning into
    // "Saved automatically" never moves the toolbar (a layout shift on every edit).
    <span class="save-slot">
        <span class="save-sizer" aria-hidden="true">{move || t().saved}</span>
        <span
            class="save-status"
            class:failed=move || {
                matches!(
                    ctx.status.get(),
                    SaveStatus::NotSaved(_) | SaveStatus::Preview { edited: true }
                )
            }
            role="status"
            data-status=move || match ctx.status.get() {
                SaveStatus::Saved => "saved",
                SaveStatus::Pending => "pending",
                SaveStatus::NotSaved(_) => "not-saved",
                SaveStatus::Preview { edited: false } => "preview",
                SaveStatus::Preview { edited: true } => "preview-edited",
            }
        >
            {move || {
                // An embed keeps its plan in memory and in its address only.
                if ctx.in_memory() && ctx.status.get() == SaveStatus::Saved {
                    t().kept_on_this_page
                } else {
                    crate::messages::save_status(&ctx.status.get(), lang.get())
                }
            }}
        </span>
    </span>
    }
}
