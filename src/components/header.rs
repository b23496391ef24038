//! The top bar: the app's name, the plan switcher and its actions, undo/redo, the language.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::focus::focus_and_select_later;
use crate::components::icon::{icon, Icon};
use crate::ctx::{use_ctx, Dialog, FileProblem};
use crate::exchange::json;
use crate::files::{read_chosen, ReadError};
use crate::i18n::texts;
use crate::model::{Example, Lang};
use crate::session::SaveStatus;
use crate::state::{Action, PlanId};

#[component]
pub fn Header() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let dark = crate::theme::dark();
    let new_menu = NodeRef::<html::Details>::new();
    let file_menu = NodeRef::<html::Details>::new();
    let close_menu = move || {
        for menu in [new_menu, file_menu] {
            if let Some(d) = menu.get_untracked() {
                d.set_open(false);
            }
        }
    };
    // One menu open at a time; Esc or a click elsewhere closes it, as menus do.
    let only_open = move |this: usize| {
        let menus = [new_menu, file_menu];
        if menus[this].get_untracked().is_some_and(|d| d.open()) {
            for (i, menu) in menus.into_iter().enumerate() {
                if i != this {
                    if let Some(d) = menu.get_untracked() {
                        d.set_open(false);
                    }
                }
            }
        }
    };
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "Escape" {
            return;
        }
        for menu in [new_menu, file_menu] {
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
    let outside = window_event_listener(leptos::ev::click, move |ev| {
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        for menu in [new_menu, file_menu] {
            if let Some(d) = menu.get_untracked().filter(|d| d.open()) {
                if !d.contains(target.as_ref()) {
                    d.set_open(false);
                }
            }
        }
    });
    on_cleanup(move || {
        escape.remove();
        outside.remove();
    });
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
    let (can_undo, can_redo) = (
        move || ctx.history_state.get().0,
        move || ctx.history_state.get().1,
    );

    view! {
        <header class="topbar">
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
            <div class="toolbar">
                <div class="plan-picker">
                    <label for="plan-select">{move || t().plan}</label>
                    <select
                        id="plan-select"
                        prop:value=move || selected.get()
                        on:change=move |ev| {
                            if let Ok(id) = event_target_value(&ev).parse::<u32>() {
                                ctx.act(Action::SelectPlan(PlanId(id)));
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
                <details class="menu" node_ref=new_menu on:toggle=move |_| only_open(0)>
                    <summary class="button" data-action="new-menu">{move || t().new_plan}</summary>
                    <div class="menu-items">
                        <button
                            type="button"
                            data-action="new-blank-plan"
                            on:click=move |_| {
                                ctx.act(Action::NewPlan(None));
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
                                            ctx.act(Action::NewPlan(Some(e)));
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
                <details class="menu" node_ref=file_menu on:toggle=move |_| only_open(1)>
                    <summary class="button" data-action="file-menu">
                        {move || texts(lang.get()).file}
                    </summary>
                    <div class="menu-items">
                        <button
                            type="button"
                            data-action="share-link"
                            on:click=move |_| {
                                close_menu();
                                ctx.share();
                            }
                        >
                            {move || texts(lang.get()).menu_share_link}
                        </button>
                        <button
                            type="button"
                            data-action="export-plan"
                            on:click=move |_| {
                                close_menu();
                                ctx.export_plan();
                            }
                        >
                            {move || texts(lang.get()).export_this_plan_json}
                        </button>
                        <button
                            type="button"
                            data-action="export-all"
                            on:click=move |_| {
                                close_menu();
                                ctx.export_all();
                            }
                        >
                            {move || texts(lang.get()).export_all_plans_json_backup}
                        </button>
                        <button
                            type="button"
                            data-action="import-json"
                            on:click=move |_| {
                                close_menu();
                                if let Some(input) = json_input.get_untracked() {
                                    input.click();
                                }
                            }
                        >
                            {move || texts(lang.get()).menu_import_json}
                        </button>
                        <button
                            type="button"
                            data-action="embed"
                            on:click=move |_| {
                                close_menu();
                                ctx.dialog.set(Some(Dialog::Embed));
                            }
                        >
                            {move || texts(lang.get()).menu_embed}
                        </button>
                        <button
                            type="button"
                            data-action="report"
                            on:click=move |_| {
                                close_menu();
                                ctx.report.set(true);
                            }
                        >
                            {move || texts(lang.get()).menu_report}
                        </button>
                        <button
                            type="button"
                            data-action="backups"
                            on:click=move |_| {
                                close_menu();
                                ctx.dialog.set(Some(Dialog::Backups));
                            }
                        >
                            {move || texts(lang.get()).menu_backups}
                        </button>
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
                <button
                    type="button"
                    class="button"
                    data-action="duplicate-plan"
                    on:click=move |_| {
                        let id = ctx.ws.with_untracked(|w| w.selected);
                        ctx.act(Action::DuplicatePlan(id));
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
                        ctx.act(Action::DeletePlan(id));
                    }
                >
                    {move || t().delete}
                </button>
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
                                crate::i18n::save_status(&ctx.status.get(), lang.get())
                            }
                        }}
                    </span>
                </span>
            </div>
        </header>
    }
}
