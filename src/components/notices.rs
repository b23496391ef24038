//! Messages that need the user's attention: a plan deleted (with a way back), storage problems.

use leptos::prelude::*;

use crate::ctx::{use_ctx, NoticeKind};
use crate::i18n::texts;
use crate::state::Action;
use crate::storage::{self, StartupProblem};

/// Offers the kept copy of unreadable data as a file.
fn download_backup(key: &str) {
    if let Some(raw) = storage::read_raw(key) {
        crate::download::text_file(
            "customer-cost-planner-backup.json",
            "application/json",
            &raw,
        );
    }
}

#[component]
pub fn Notices() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    view! {
        <div class="notices" aria-live="polite">
            <For
                each=move || ctx.notices.get()
                key=|n| n.id
                children=move |notice| {
                    let id = notice.id;
                    let kind = notice.kind.clone();
                    let is_error = matches!(
                        kind,
                        NoticeKind::Startup(_) | NoticeKind::SaveFailed(_) | NoticeKind::Link(_)
                    );
                    let message = {
                        let kind = kind.clone();
                        move || {
                            let l = lang.get();
                            match &kind {
                                NoticeKind::PlanDeleted { name, .. } => match l {
                                    crate::model::Lang::Zh => format!("已删除方案「{name}」。"),
                                    crate::model::Lang::En => format!("Deleted plan “{name}”."),
                                },
                                NoticeKind::Startup(p) => p.message(l),
                                NoticeKind::SaveFailed(e) => e.message(l),
                                NoticeKind::UpdatedElsewhere => l
                                    .pick(
                                        "方案已在另一个标签页中修改，本页已更新为最新版本。",
                                        "The plans were changed in another tab; this page now shows the latest version.",
                                    )
                                    .to_owned(),
                                NoticeKind::Link(e) => e.message(l),
                                NoticeKind::BackupReminder => l
                                    .pick(
                                        "浏览器没有承诺长期保留本站数据（空间紧张时可能清除）。请定期导出备份文件。",
                                        "The browser did not promise to keep this site's data (it may clear it when space runs low). Export a backup file from time to time.",
                                    )
                                    .to_owned(),
                            }
                        }
                    };
                    let action = match kind {
                        NoticeKind::PlanDeleted { plan, .. } => Some(
                            view! {
                                <button
                                    type="button"
                                    class="button"
                                    data-action="restore-plan"
                                    on:click=move |_| {
                                        ctx.act(Action::RestorePlan(plan));
                                        ctx.dismiss(id);
                                    }
                                >
                                    {move || texts(lang.get()).restore}
                                </button>
                            }
                                .into_any(),
                        ),
                        NoticeKind::Startup(StartupProblem::KeptUnreadable { backup_key, .. }) => Some(
                            view! {
                                <button
                                    type="button"
                                    class="button"
                                    data-action="download-backup"
                                    on:click=move |_| download_backup(&backup_key)
                                >
                                    {move || lang.get().pick("下载备份", "Download the backup")}
                                </button>
                            }
                                .into_any(),
                        ),
                        NoticeKind::SaveFailed(_)
                        | NoticeKind::BackupReminder
                        | NoticeKind::Startup(StartupProblem::Unavailable) => Some(
                            view! {
                                <button
                                    type="button"
                                    class="button"
                                    data-action="export-all"
                                    on:click=move |_| ctx.export_all()
                                >
                                    {move || lang.get().pick("导出全部方案", "Export all plans")}
                                </button>
                            }
                                .into_any(),
                        ),
                        _ => None,
                    };
                    view! {
                        <div class="notice" class:error=is_error role=if is_error { "alert" } else { "status" }>
                            <p>{message}</p>
                            {action}
                            <button
                                type="button"
                                class="button quiet"
                                on:click=move |_| ctx.dismiss(id)
                                aria-label=move || texts(lang.get()).dismiss
                            >
                                "×"
                            </button>
                        </div>
                    }
                }
            />
        </div>
    }
}
