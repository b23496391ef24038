//! The modal dialog: a conflict with another tab, an import to confirm (or its problems), a
//! share link. Nothing an import or a link carries changes the plans until the user confirms
//! here, and all of it is shown as text.

use leptos::html;
use leptos::prelude::*;

use crate::ctx::{use_ctx, Ctx, Dialog};
use crate::exchange::json::Imported;
use crate::exchange::link::{LinkError, COMFORTABLE_CHARS};
use crate::i18n;
use crate::model::{BudgetLine, Lang};
use crate::state::Action;

fn close(ctx: Ctx) {
    ctx.dialog.set(None);
}

/// "Close" (primary when it is the only way on).
fn close_button(ctx: Ctx, l: Lang, primary: bool) -> impl IntoView {
    view! {
        <button type="button" class="button" class:primary=primary on:click=move |_| close(ctx)>
            {l.pick("关闭", "Close")}
        </button>
    }
}

/// "Cancel": close without doing anything.
fn cancel_button(ctx: Ctx, l: Lang) -> impl IntoView {
    view! {
        <button type="button" class="button" on:click=move |_| close(ctx)>
            {l.pick("取消", "Cancel")}
        </button>
    }
}

/// Runs `action`; on success closes the dialog, otherwise shows why in it.
fn confirm(ctx: Ctx, action: Action) {
    match ctx.dispatch(action) {
        Ok(()) => close(ctx),
        Err(e) => ctx
            .dialog
            .set(Some(Dialog::FileError(e.message(ctx.lang.get_untracked())))),
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
            } else if !want && el.open() {
                el.close();
            }
        }
    });

    let body = move || {
        let l = ctx.lang.get();
        if ctx.conflict.with(Option::is_some) {
            return conflict_view(ctx, l).into_any();
        }
        match ctx.dialog.get() {
            None => ().into_any(),
            Some(Dialog::ImportJson(Ok(Imported::Plan(plan)))) => {
                let summary = match l {
                    Lang::Zh => format!(
                        "方案「{}」：{} 个预算项，{} 个情景。将作为新方案加入，现有方案不受影响。",
                        plan.name,
                        plan.lines.len(),
                        plan.scenarios.len()
                    ),
                    Lang::En => format!(
                        "Plan “{}”: {} budget lines, {} scenarios. It will be added as a new plan; your plans stay as they are.",
                        plan.name,
                        plan.lines.len(),
                        plan.scenarios.len()
                    ),
                };
                let plan = plan.clone();
                view! {
                    <h2 id="dialog-title">{l.pick("导入方案", "Import a plan")}</h2>
                    <p>{summary}</p>
                    <div class="dialog-actions">
                        <button
                            type="button"
                            class="button primary"
                            data-action="confirm-import"
                            on:click=move |_| confirm(ctx, Action::AddPlan(plan.clone()))
                        >
                            {l.pick("导入", "Import")}
                        </button>
                        {cancel_button(ctx, l)}
                    </div>
                }
                .into_any()
            }
            Some(Dialog::ImportJson(Ok(Imported::Workspace(ws, _)))) => {
                let names: Vec<String> = ws.plans.iter().map(|p| p.plan.name.clone()).collect();
                let plans: Vec<_> = ws.plans.iter().map(|p| p.plan.clone()).collect();
                let all = ws.clone();
                view! {
                    <h2 id="dialog-title">{l.pick("导入全部方案", "Import plans")}</h2>
                    <p>
                        {match l {
                            Lang::Zh => format!("文件包含 {} 个方案：", names.len()),
                            Lang::En => format!("The file has {} plans:", names.len()),
                        }}
                    </p>
                    <ul class="dialog-list">{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    <p class="small muted">
                        {l.pick(
                            "“全部加入”保留现有方案；“替换”用文件中的方案取代现有全部方案（可撤销）。",
                            "“Add all” keeps your plans; “Replace” swaps all your plans for the file's (you can undo it).",
                        )}
                    </p>
                    <div class="dialog-actions">
                        <button
                            type="button"
                            class="button primary"
                            data-action="confirm-import"
                            on:click=move |_| confirm(ctx, Action::AddPlans(plans.clone()))
                        >
                            {l.pick("全部加入", "Add all")}
                        </button>
                        <button
                            type="button"
                            class="button danger"
                            data-action="confirm-replace"
                            on:click=move |_| confirm(ctx, Action::ReplaceWorkspace(all.clone()))
                        >
                            {l.pick("替换我的全部方案", "Replace all my plans")}
                        </button>
                        {cancel_button(ctx, l)}
                    </div>
                }
                .into_any()
            }
            Some(Dialog::ImportJson(Err(e))) => problems_view(
                ctx,
                l.pick(
                    "无法导入：没有做任何修改",
                    "Not imported: nothing was changed",
                ),
                e.message(l).lines().map(str::to_owned).collect(),
            )
            .into_any(),
            Some(Dialog::ImportCsv(Ok(lines))) => csv_preview(ctx, l, lines).into_any(),
            Some(Dialog::ImportCsv(Err(issues))) => problems_view(
                ctx,
                match l {
                    Lang::Zh => "CSV 有问题：没有做任何修改",
                    Lang::En => "Problems in the CSV: nothing was changed",
                },
                issues.iter().map(|i| i.message(l)).collect(),
            )
            .into_any(),
            Some(Dialog::FileError(message)) => {
                problems_view(ctx, l.pick("无法导入", "Not imported"), vec![message]).into_any()
            }
            Some(Dialog::Share(result)) => share_view(ctx, l, result).into_any(),
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

fn conflict_view(ctx: Ctx, l: Lang) -> impl IntoView {
    view! {
        <h2 id="dialog-title">
            {l.pick("另一个标签页也修改了这些方案", "These plans were also changed in another tab")}
        </h2>
        <p>
            {l.pick(
                "两个标签页都有对方没有的修改，都还没有丢失。请选择保留哪一份；不确定时，先导出本页的版本作备份。",
                "Each tab has changes the other lacks, and nothing is lost yet. Choose which version to keep; if unsure, export this tab's version first.",
            )}
        </p>
        <div class="dialog-actions">
            <button type="button" class="button" data-action="conflict-export" on:click=move |_| ctx.export_all()>
                {l.pick("导出本页的版本", "Export this tab's version")}
            </button>
            <button
                type="button"
                class="button"
                data-action="conflict-theirs"
                on:click=move |_| ctx.resolve_conflict(false)
            >
                {l.pick("使用另一标签页的版本", "Use the other tab's version")}
            </button>
            <button
                type="button"
                class="button primary"
                data-action="conflict-mine"
                on:click=move |_| ctx.resolve_conflict(true)
            >
                {l.pick("保留本页的版本", "Keep this tab's version")}
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
        {(more > 0).then(|| match l {
            Lang::Zh => format!("……另有 {more} 处问题"),
            Lang::En => format!("… and {more} more"),
        })}
        <div class="dialog-actions">
            {close_button(ctx, l, true)}
        </div>
    }
}

fn csv_preview(ctx: Ctx, l: Lang, lines: Vec<BudgetLine>) -> impl IntoView {
    let currency = ctx.currency.get_untracked();
    let shown: Vec<BudgetLine> = lines.iter().take(8).cloned().collect();
    let count = lines.len();
    let append = lines.clone();
    view! {
        <h2 id="dialog-title">{l.pick("导入预算项", "Import budget lines")}</h2>
        <p>
            {match l {
                Lang::Zh => format!("读取到 {count} 个预算项。"),
                Lang::En => format!("{count} budget lines read."),
            }}
        </p>
        <div class="table-scroll">
            <table class="data">
                <thead>
                    <tr>
                        <th scope="col">{i18n::texts(l).col_name}</th>
                        <th scope="col">{i18n::texts(l).col_category}</th>
                        <th scope="col">{i18n::texts(l).col_basis}</th>
                        <th scope="col" class="num">{i18n::texts(l).col_amount}</th>
                    </tr>
                </thead>
                <tbody>
                    {shown
                        .into_iter()
                        .map(|line| {
                            view! {
                                <tr>
                                    <td>{line.name.clone()}</td>
                                    <td>{i18n::category(line.category, l)}</td>
                                    <td>{i18n::basis(line.basis, l)}</td>
                                    <td class="num">{crate::format::money(line.amount, &currency)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <div class="dialog-actions">
            <button
                type="button"
                class="button primary"
                data-action="confirm-append-lines"
                on:click=move |_| confirm(ctx, Action::ImportLines { lines: append.clone(), replace: false })
            >
                {l.pick("追加到当前方案", "Add to this plan")}
            </button>
            <button
                type="button"
                class="button danger"
                data-action="confirm-replace-lines"
                on:click=move |_| confirm(ctx, Action::ImportLines { lines: lines.clone(), replace: true })
            >
                {l.pick("替换当前方案的全部预算项", "Replace this plan's lines")}
            </button>
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
                let promise = window().navigator().clipboard().write_text(&text);
                leptos::task::spawn_local(async move {
                    if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                        copied.set(true);
                    }
                });
            };
            view! {
                <h2 id="dialog-title">{l.pick("分享链接", "Share link")}</h2>
                <p class="small">
                    {l.pick(
                        "链接本身包含这个方案的全部数据（不经过任何服务器）。只分享给可以看到这些数据的人。打开链接的人会先看到方案，再决定是否保存副本。",
                        "The link itself carries all of this plan's data (no server involved). Share it only with people who may see it. Whoever opens it sees the plan first and chooses whether to save a copy.",
                    )}
                </p>
                <label for="share-url" class="visually-hidden">{l.pick("分享链接", "Share link")}</label>
                <input id="share-url" type="text" readonly=true node_ref=input prop:value=url.clone() class="share-url"/>
                {long.then(|| view! {
                    <p class="warning">
                        {match l {
                            Lang::Zh => format!("链接较长（{} 个字符），部分聊天或邮件软件可能截断；可改为导出方案文件。", url.len()),
                            Lang::En => format!("This link is long ({} characters); some chat and e-mail apps may cut it. Exporting a plan file is safer.", url.len()),
                        }}
                    </p>
                })}
                <div class="dialog-actions">
                    <button type="button" class="button primary" data-action="copy-link" on:click=copy>
                        {move || if copied.get() { l.pick("已复制", "Copied") } else { l.pick("复制链接", "Copy link") }}
                    </button>
                    {close_button(ctx, l, false)}
                </div>
            }
            .into_any()
        }
        Err(e) => view! {
            <h2 id="dialog-title">{l.pick("无法生成链接", "No link for this plan")}</h2>
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
                    {l.pick("导出方案文件", "Export the plan file")}
                </button>
                {close_button(ctx, l, false)}
            </div>
        }
        .into_any(),
    }
}
