//! The modal dialog: a conflict with another tab, an import to confirm (or its problems), a
//! share link. Nothing an import or a link carries changes the plans until the user confirms
//! here, and all of it is shown as text.

use crate::i18n::Describe;
use leptos::html;
use leptos::prelude::*;

use wasm_bindgen::JsCast;

use crate::components::lazy::{Lazy, Which};
use crate::ctx::{file_stem, use_ctx, Ctx, Dialog, FileProblem};
use crate::exchange::json::{self, Imported, Repair, SetAside};
use crate::exchange::link::{LinkError, COMFORTABLE_CHARS};
use crate::i18n::{self, texts};
use crate::model::{BudgetLine, Lang};
use crate::session::{Keep, NoticeKind};
use crate::state::{Action, KeptPlan, PlanEdit};

fn close(ctx: Ctx) {
    ctx.dialog.set(None);
}

/// "Close" (primary when it is the only way on).
fn close_button(ctx: Ctx, l: Lang, primary: bool) -> impl IntoView {
    view! {
        <button type="button" class="button" class:primary=primary on:click=move |_| close(ctx)>
            {texts(l).close}
        </button>
    }
}

/// "Cancel": close without doing anything.
fn cancel_button(ctx: Ctx, l: Lang) -> impl IntoView {
    view! {
        <button type="button" class="button" on:click=move |_| close(ctx)>
            {texts(l).cancel}
        </button>
    }
}

/// Runs `action`; on success closes the dialog, otherwise shows why in it.
fn confirm(ctx: Ctx, action: Action) {
    match ctx.apply(action) {
        Ok(()) => close(ctx),
        Err(e) => ctx
            .dialog
            .set(Some(Dialog::FileError(FileProblem::Refused(e)))),
    }
}

/// In a frame as tall as its content (an auto-height embed) the frame's middle may be far off
/// the host's screen: the dialog moves into the band of the frame the visitor sees. An
/// IntersectionObserver's first report gives that band even across origins (it is clipped by
/// the top-level viewport); where the whole window is visible nothing changes.
fn place_in_view(dialog: &web_sys::HtmlDialogElement) {
    let style = web_sys::HtmlElement::style(dialog);
    for property in ["margin-top", "margin-bottom", "max-height"] {
        let _ = style.remove_property(property);
    }
    let Some(body) = document().body() else {
        return;
    };
    let dialog = dialog.clone();
    let report = wasm_bindgen::closure::Closure::once_into_js(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            observer.disconnect();
            let Ok(entry) = entries
                .get(0)
                .dyn_into::<web_sys::IntersectionObserverEntry>()
            else {
                return;
            };
            let seen = entry.intersection_rect();
            let window_height = window()
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            // Nothing seen (the frame scrolled away) or all of it: the centred place is right.
            if seen.height() < 120.0 || seen.height() >= window_height - 1.0 {
                return;
            }
            let style = web_sys::HtmlElement::style(&dialog);
            let _ = style.set_property("margin-top", &format!("{}px", (seen.top() + 12.0).round()));
            let _ = style.set_property("margin-bottom", "auto");
            let _ = style.set_property(
                "max-height",
                &format!("{}px", (seen.height() - 24.0).round()),
            );
        },
    );
    if let Ok(observer) = web_sys::IntersectionObserver::new(report.unchecked_ref()) {
        observer.observe(&body);
    }
}

#[component]
pub fn Dialogs() -> impl IntoView {
    let ctx = use_ctx();
    let dialog = NodeRef::<html::Dialog>::new();
    let open = move || ctx.dialog.with(Option::is_some) || ctx.conflict.with(Option::is_some);

    // The <dialog> element is outside the reactive system: open and close it to match.
    Effect::new(move |_| {
        let want = open();
        if let Some(el) = dialog.get() {
            if want && !el.open() {
                let _ = el.show_modal();
                place_in_view(&el);
            } else if !want && el.open() {
                el.close();
            }
        }
    });

    // A conflict is answered from the module fetched at start (saving depends on it); the
    // other dialogs' code is fetched when one first opens.
    let body = move || {
        let l = ctx.lang.get();
        if ctx.conflict.with(Option::is_some) {
            return conflict_view(ctx, l).into_any();
        }
        match ctx.dialog.get() {
            None => ().into_any(),
            Some(Dialog::Embed) => view! {
                <Lazy which=Which::EmbedDialog/>
                <div class="dialog-actions">{close_button(ctx, l, false)}</div>
            }
            .into_any(),
            Some(d) => view! { <Lazy which=Which::FileDialog(d)/> }.into_any(),
        }
    };

    view! {
        <dialog
            node_ref=dialog
            class="modal"
            aria-labelledby="dialog-title"
            on:cancel=move |ev: leptos::ev::Event| {
                // A conflict needs an answer; anything else closes on Escape.
                if ctx.conflict.with_untracked(Option::is_some) {
                    ev.prevent_default();
                }
            }
            on:close=move |_| {
                if ctx.dialog.with_untracked(Option::is_some) {
                    ctx.dialog.set(None);
                }
            }
        >
            {body}
        </dialog>
    }
}

/// The body of a file dialog (import, share link, backups, a file that could not be read):
/// the `files` part of the page (`components::lazy`).
pub fn file_dialog(dialog: Dialog) -> AnyView {
    let ctx = use_ctx();
    let l = ctx.lang.get_untracked();
    {
        match dialog {
            Dialog::Embed => ().into_any(),
            Dialog::ImportJson(Ok(Imported::Plan(read))) => {
                let repairs = (!read.repairs.is_empty()).then(|| {
                    Repair::Plan {
                        plan: read.plan.name.clone(),
                        repairs: read.repairs,
                    }
                    .message(l)
                });
                let plan = &read.plan;
                let summary = i18n::import_plan_summary(
                    &plan.name,
                    plan.lines.len(),
                    plan.scenarios.len(),
                    l,
                );
                let plan = Box::new(plan.clone());
                view! {
                    <h2 id="dialog-title">{texts(l).import_plan}</h2>
                    <p>{summary}</p>
                    {repairs.map(|r| view! { <p class="small" data-testid="import-repairs">{r}</p> })}
                    <div class="dialog-actions">
                        <button
                            type="button"
                            class="button primary"
                            data-action="confirm-import"
                            on:click=move |_| confirm(ctx, Action::AddPlan(plan.clone()))
                        >
                            {texts(l).import}
                        </button>
                        {cancel_button(ctx, l)}
                    </div>
                }
                .into_any()
            }
            Dialog::ImportJson(Ok(Imported::Workspace(salvaged))) => {
                let ws = &salvaged.workspace;
                let names: Vec<String> = ws.plans.iter().map(|p| p.plan.name.clone()).collect();
                let plans: Vec<_> = ws.plans.iter().map(|p| (*p.plan).clone()).collect();
                let kept = ws.set_aside.clone();
                let all = Box::new(ws.clone());
                let repairs: Vec<String> = salvaged.repairs.iter().map(|r| r.message(l)).collect();
                let set_aside = salvaged.set_aside.clone();
                view! {
                    <h2 id="dialog-title">{texts(l).import_plans}</h2>
                    <p>
                        {i18n::file_has_plans(names.len(), l)}
                    </p>
                    <ul class="dialog-list">{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    {(!repairs.is_empty()).then(|| view! {
                        <p class="small">{texts(l).repaired_while_reading}</p>
                        <ul class="dialog-list small" data-testid="import-repairs">
                            {repairs.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                        </ul>
                    })}
                    {(!set_aside.is_empty()).then(|| set_aside_view(ctx, l, set_aside, false))}
                    <p class="small muted">
                        {texts(l).add_all_keeps_your_plans}
                    </p>
                    <div class="dialog-actions">
                        <button
                            type="button"
                            class="button primary"
                            data-action="confirm-import"
                            on:click=move |_| confirm(ctx, Action::AddPlans(plans.clone(), kept.clone()))
                        >
                            {texts(l).add_all}
                        </button>
                        <button
                            type="button"
                            class="button danger"
                            data-action="confirm-replace"
                            on:click=move |_| confirm(ctx, Action::ReplaceWorkspace(all.clone()))
                        >
                            {texts(l).replace_all_my_plans}
                        </button>
                        {cancel_button(ctx, l)}
                    </div>
                }
                .into_any()
            }
            Dialog::ImportJson(Err(e)) => problems_view(
                ctx,
                texts(l).not_imported_nothing_was_changed,
                e.message(l).lines().map(str::to_owned).collect(),
            )
            .into_any(),
            // Ids are placeholders: the reducer gives imported lines fresh ones.
            Dialog::ImportCsv(text) => match text
                .map_err(|i| vec![i])
                .and_then(|t| crate::exchange::csv::lines_from_csv(&t, 1))
            {
                Ok(lines) => csv_preview(ctx, l, lines).into_any(),
                Err(issues) => problems_view(
                    ctx,
                    i18n::csv_problems_title(l),
                    issues.iter().map(|i| i.message(l)).collect(),
                )
                .into_any(),
            },
            Dialog::FileError(problem) => {
                let message = match problem {
                    FileProblem::Unreadable => texts(l).file_unreadable.to_owned(),
                    FileProblem::Encoding => texts(l).file_encoding.to_owned(),
                    FileProblem::Refused(e) => e.message(l),
                };
                problems_view(ctx, texts(l).not_imported, vec![message]).into_any()
            }
            Dialog::Share(result) => share_view(ctx, l, result).into_any(),
            Dialog::Backups => backups_view(ctx, l).into_any(),
        }
    }
}

fn conflict_view(ctx: Ctx, l: Lang) -> impl IntoView {
    view! {
        <h2 id="dialog-title">
            {texts(l).these_plans_were_also_changed}
        </h2>
        <p>
            {texts(l).each_tab_has_changes_other}
        </p>
        <div class="dialog-actions">
            <button type="button" class="button" data-action="conflict-export" on:click=move |_| ctx.export_all()>
                {texts(l).export_this_tab_s_version}
            </button>
            <button
                type="button"
                class="button"
                data-action="conflict-theirs"
                on:click=move |_| ctx.resolve_conflict(Keep::Theirs)
            >
                {texts(l).use_other_tab_s_version}
            </button>
            <button
                type="button"
                class="button primary"
                data-action="conflict-mine"
                on:click=move |_| ctx.resolve_conflict(Keep::Mine)
            >
                {texts(l).keep_this_tab_s_version}
            </button>
        </div>
    }
}

fn problems_view(ctx: Ctx, title: &'static str, messages: Vec<String>) -> impl IntoView {
    const SHOWN: usize = 50;
    let more = messages.len().saturating_sub(SHOWN);
    let l = ctx.lang.get_untracked();
    view! {
        <h2 id="dialog-title">{title}</h2>
        <ul class="dialog-list problems" data-testid="import-problems">
            {messages.into_iter().take(SHOWN).map(|m| view! { <li>{m}</li> }).collect_view()}
        </ul>
        {(more > 0).then(|| i18n::and_more(more, l))}
        <div class="dialog-actions">
            {close_button(ctx, l, true)}
        </div>
    }
}

fn csv_preview(ctx: Ctx, l: Lang, lines: Vec<BudgetLine>) -> impl IntoView {
    let currency = ctx.currency.get_untracked();
    let t = texts(l);
    // Lines the plan has by name: an edited export imported again. Then replacing is the
    // choice offered first, and adding takes only the new lines, so nothing is duplicated.
    let named = ctx.plan.with_untracked(|p| {
        p.as_ref()
            .map(|p| crate::exchange::csv::already_named(&p.lines, &lines))
            .unwrap_or_else(|| vec![false; lines.len()])
    });
    let matching = named.iter().filter(|n| **n).count();
    let fresh: Vec<BudgetLine> = lines
        .iter()
        .zip(&named)
        .filter(|(_, n)| !**n)
        .map(|(line, _)| line.clone())
        .collect();
    let count = lines.len();
    let rows = lines
        .iter()
        .zip(&named)
        .take(8)
        .map(|(line, in_plan)| {
            view! {
                <tr data-in-plan=in_plan.to_string()>
                    <td>
                        {line.name.clone()}
                        {in_plan.then(|| view! { " "<span class="badge">{t.already_in_plan}</span> })}
                    </td>
                    <td>{i18n::category(line.category, l)}</td>
                    <td>{i18n::stage(line.stage, l)}</td>
                    <td>{i18n::basis(line.basis, l)}</td>
                    <td class="num">{crate::format::money(line.amount, &currency)}</td>
                </tr>
            }
        })
        .collect_view();
    let replace = {
        let lines = lines.clone();
        let class = if matching > 0 {
            "button primary"
        } else {
            "button danger"
        };
        view! {
            <button
                type="button"
                class=class
                data-action="confirm-replace-lines"
                on:click=move |_| confirm(ctx, Action::Edit(PlanEdit::ImportLines { lines: lines.clone(), replace: true }))
            >
                {t.replace_this_plan_s_lines}
            </button>
        }
    };
    let add = if matching == 0 {
        Some(view! {
            <button
                type="button"
                class="button primary"
                data-action="confirm-append-lines"
                on:click=move |_| confirm(ctx, Action::Edit(PlanEdit::ImportLines { lines: lines.clone(), replace: false }))
            >
                {t.add_to_this_plan}
            </button>
        }.into_any())
    } else if !fresh.is_empty() {
        let n = fresh.len();
        Some(view! {
            <button
                type="button"
                class="button"
                data-action="confirm-append-new-lines"
                on:click=move |_| confirm(ctx, Action::Edit(PlanEdit::ImportLines { lines: fresh.clone(), replace: false }))
            >
                {i18n::add_new_lines(n, l)}
            </button>
        }.into_any())
    } else {
        None
    };
    let (first, second) = if matching > 0 {
        (replace.into_any(), add)
    } else {
        (
            add.unwrap_or_else(|| ().into_any()),
            Some(replace.into_any()),
        )
    };
    view! {
        <h2 id="dialog-title">{t.import_budget_lines}</h2>
        <p>{i18n::lines_read(count, l)}</p>
        {(matching > 0).then(|| view! { <p class="warning" data-testid="lines-in-plan">{i18n::lines_already_named(matching, count, l)}</p> })}
        <div class="table-scroll">
            <table class="data">
                <thead>
                    <tr>
                        <th scope="col">{t.col_name}</th>
                        <th scope="col">{t.col_category}</th>
                        <th scope="col">{t.col_stage}</th>
                        <th scope="col">{t.col_basis}</th>
                        <th scope="col" class="num">{t.col_amount}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <div class="dialog-actions">
            {first}
            {second}
            {cancel_button(ctx, l)}
        </div>
    }
}

fn share_view(ctx: Ctx, l: Lang, result: Result<String, LinkError>) -> impl IntoView {
    match result {
        Ok(url) => {
            let long = url.len() > COMFORTABLE_CHARS;
            let copied = RwSignal::new(false);
            let input = NodeRef::<html::Input>::new();
            let text = url.clone();
            let copy = move |_| {
                if let Some(el) = input.get_untracked() {
                    el.select();
                }
                copy_text(ctx, text.clone(), copied);
            };
            view! {
                <h2 id="dialog-title">{texts(l).share_link}</h2>
                <p class="small">
                    {texts(l).link_itself_carries_all_of}
                </p>
                <label for="share-url" class="visually-hidden">{texts(l).share_link}</label>
                <input id="share-url" type="text" readonly=true node_ref=input prop:value=url.clone() class="share-url"/>
                {long.then(|| view! {
                    <p class="warning">
                        {i18n::long_link(url.len(), l)}
                    </p>
                })}
                <div class="dialog-actions">
                    <button type="button" class="button primary" data-action="copy-link" on:click=copy>
                        {move || if copied.get() { texts(l).copied } else { texts(l).copy_link }}
                    </button>
                    {close_button(ctx, l, false)}
                </div>
            }
            .into_any()
        }
        Err(e) => view! {
            <h2 id="dialog-title">{texts(l).no_link_for_this_plan}</h2>
            <p>{e.message(l)}</p>
            <div class="dialog-actions">
                <button
                    type="button"
                    class="button primary"
                    on:click=move |_| {
                        ctx.export_plan();
                        close(ctx);
                    }
                >
                    {texts(l).export_plan_file}
                </button>
                {close_button(ctx, l, false)}
            </div>
        }
        .into_any(),
    }
}

/// Copies `text`: with the Clipboard API where the page has it (secure contexts), else with
/// the older `execCommand("copy")` on the selected text (plain-http intranets), else says how
/// to copy by hand.
pub(crate) fn copy_text(ctx: Ctx, text: String, copied: RwSignal<bool>) {
    let fallback = move || {
        let done = document()
            .dyn_into::<web_sys::HtmlDocument>()
            .ok()
            .and_then(|d| d.exec_command("copy").ok())
            .unwrap_or(false);
        if done {
            copied.set(true);
        } else {
            ctx.notify(NoticeKind::CopyFailed);
        }
    };
    let navigator = window().navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .map(|c| c.is_object())
        .unwrap_or(false);
    if !has_clipboard {
        fallback();
        return;
    }
    let promise = navigator.clipboard().write_text(&text);
    leptos::task::spawn_local(async move {
        if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
            copied.set(true);
        } else {
            fallback();
        }
    });
}

/// Plans that could not be read, each downloadable as a plan file to mend; with `manage`
/// (the plans this workspace keeps aside), also repaired when only unknown fields are in the
/// way, or discarded (an undoable step).
fn set_aside_view(ctx: Ctx, l: Lang, plans: Vec<SetAside>, manage: bool) -> impl IntoView {
    view! {
        <p class="small">
            {i18n::plans_set_aside(plans.len(), manage, l)}
        </p>
        <ul class="dialog-list small" data-testid="set-aside">
            {plans
                .into_iter()
                .enumerate()
                .map(|(i, p)| {
                    let name = p.name.clone().unwrap_or_else(|| texts(l).no_name.to_owned());
                    let reason = p.error.message(l);
                    let file = p.file_text();
                    let file_name = format!("{}.ccp.json", file_stem(&name));
                    let kept = KeptPlan { raw: p.raw.clone(), deleted: p.deleted };
                    let repaired = manage.then(|| json::repair_kept(&kept).ok()).flatten();
                    let raw = p.raw.clone();
                    let repair = repaired.map(|r| {
                        let dropped = r.dropped.join(", ");
                        let raw = raw.clone();
                        view! {
                            <span class="muted">{i18n::repair_drops(&dropped, l)}</span>
                            <button
                                type="button"
                                class="button quiet"
                                data-action=format!("repair-set-aside-{i}")
                                on:click=move |_| {
                                    ctx.report(ctx.apply(Action::ResolveSetAside { raw: raw.clone(), with: Some(Box::new(r.plan.clone())) }));
                                    close(ctx);
                                }
                            >
                                {texts(l).repair}
                            </button>
                        }
                    });
                    let discard = manage.then(|| view! {
                        <button
                            type="button"
                            class="button quiet danger"
                            data-action=format!("discard-set-aside-{i}")
                            on:click=move |_| {
                                ctx.report(ctx.apply(Action::ResolveSetAside { raw: raw.clone(), with: None }));
                                close(ctx);
                            }
                        >
                            {texts(l).discard}
                        </button>
                    });
                    let label = name.clone();
                    view! {
                        <li data-set-aside=label>
                            <strong>{name}</strong>
                            <span class="muted">{format!(" — {reason} ")}</span>
                            {repair}
                            <button
                                type="button"
                                class="button quiet"
                                data-action=format!("download-set-aside-{i}")
                                on:click=move |_| crate::download::text_file(&file_name, "application/json", &file)
                            >
                                {texts(l).download}
                            </button>
                            {discard}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// The backups this browser keeps (copies of stored data that could not be read in full),
/// and the plans set aside at start-up: download, import again, delete.
fn backups_view(ctx: Ctx, l: Lang) -> impl IntoView {
    let list = RwSignal::new(ctx.backups());
    let set_aside = ctx.set_aside();
    let when = move |ms: u64| {
        let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}",
            d.get_full_year(),
            d.get_month() + 1,
            d.get_date(),
            d.get_hours(),
            d.get_minutes()
        )
    };
    view! {
        <h2 id="dialog-title">{texts(l).backups_title}</h2>
        <p class="small">
            {texts(l).when_page_finds_saved_data}
        </p>
        {(!set_aside.is_empty()).then(|| set_aside_view(ctx, l, set_aside, true))}
        <Show
            when=move || list.with(|b| !b.is_empty())
            fallback=move || view! { <p class="empty" data-testid="no-backups">{texts(l).no_backups}</p> }
        >
            <ul class="dialog-list backups" data-testid="backups">
                <For
                    each=move || list.get()
                    key=|b| b.key.clone()
                    children=move |b| {
                        let key = b.key.clone();
                        let size = i18n::characters(b.chars, l);
                        let (k1, k2, k3) = (key.clone(), key.clone(), key.clone());
                        view! {
                            <li data-backup=key.clone()>
                                <span>{when(b.saved_ms)}</span>
                                <span class="muted">{format!(" · {size} ")}</span>
                                <button type="button" class="button quiet" data-action="download-backup" on:click=move |_| ctx.download_backup(&k1)>
                                    {texts(l).download}
                                </button>
                                <button type="button" class="button quiet" data-action="import-backup" on:click=move |_| {
                                    if let Some(raw) = ctx.read_backup(&k2) {
                                        ctx.dialog.set(Some(Dialog::ImportJson(crate::exchange::json::read(&raw))));
                                    }
                                }>
                                    {texts(l).import}
                                </button>
                                <button type="button" class="button quiet danger" data-action="delete-backup" on:click=move |_| {
                                    match ctx.delete_backup(&k3) {
                                        Ok(()) => list.set(ctx.backups()),
                                        Err(e) => ctx.notify(NoticeKind::SaveFailed(e)),
                                    }
                                }>
                                    {texts(l).delete}
                                </button>
                            </li>
                        }
                    }
                />
            </ul>
        </Show>
        <div class="dialog-actions">
            {close_button(ctx, l, true)}
        </div>
    }
}
