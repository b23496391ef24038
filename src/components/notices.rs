//! Messages that need the user's attention, as the session keeps them: a plan deleted (with a
//! way back), a refused edit, what loading repaired or set aside, storage problems.

use crate::i18n::Describe;
use leptos::prelude::*;

use crate::ctx::{use_ctx, Dialog};
use crate::i18n::texts;
use crate::messages;
use crate::session::{NoticeKind, Tone};
use crate::state::Action;
use crate::store::SaveError;

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
                    let tone = kind.tone();
                    let is_error = tone == Tone::Error;
                    // A deleted line's toast goes by itself after a while.
                    if matches!(kind, NoticeKind::LineDeleted { .. }) {
                        set_timeout(move || ctx.dismiss(id), std::time::Duration::from_secs(10));
                    }
                    let message = {
                        let kind = kind.clone();
                        move || messages::notice(&kind, lang.get())
                    };
                    let details = match &kind {
                        NoticeKind::Salvaged { repairs, .. } if !repairs.is_empty() => {
                            let repairs = repairs.clone();
                            Some(view! {
                                <ul class="notice-list" data-testid="repairs">
                                    {move || {
                                        let l = lang.get();
                                        repairs
                                            .iter()
                                            .map(|r| view! { <li>{r.message(l)}</li> })
                                            .collect_view()
                                    }}
                                </ul>
                            })
                        }
                        _ => None,
                    };
                    let button = move |action: &'static str, text: fn(crate::model::Lang) -> &'static str, run: Box<dyn Fn() + Send + Sync>| {
                        view! {
                            <button type="button" class="button" data-action=action on:click=move |_| run()>
                                {move || text(lang.get())}
                            </button>
                        }
                        .into_any()
                    };
                    let action = match kind {
                        NoticeKind::PlanDeleted { plan, .. } => Some(button(
                            "restore-plan",
                            |l| texts(l).restore,
                            Box::new(move || {
                                ctx.report(ctx.apply(Action::RestorePlan(plan)));
                                ctx.dismiss(id);
                            }),
                        )),
                        NoticeKind::LineDeleted { .. } => Some(button(
                            "undo-delete",
                            |l| texts(l).undo,
                            Box::new(move || {
                                ctx.undo();
                                ctx.dismiss(id);
                            }),
                        )),
                        NoticeKind::LeversDangling { .. } => Some(button(
                            "undo",
                            |l| texts(l).undo,
                            Box::new(move || {
                                ctx.undo();
                                ctx.dismiss(id);
                            }),
                        )),
                        NoticeKind::Salvaged { .. } => Some(button(
                            "show-backups",
                            |l| texts(l).show_backups,
                            Box::new(move || ctx.dialog.set(Some(Dialog::Backups))),
                        )),
                        NoticeKind::Unreadable { backup: Some(key), .. } => Some(button(
                            "download-backup",
                            |l| texts(l).download_backup,
                            Box::new(move || ctx.download_backup(&key)),
                        )),
                        NoticeKind::SaveFailed(SaveError::BackupTooLarge { .. }) => Some(view! {
                            <button type="button" class="button" data-action="download-stored" on:click=move |_| ctx.download_unkept()>
                                {move || texts(lang.get()).download_stored}
                            </button>
                            <button type="button" class="button quiet" data-action="save-without-backup" on:click=move |_| ctx.write_without_backup()>
                                {move || texts(lang.get()).save_without_backup}
                            </button>
                        }.into_any()),
                        NoticeKind::SaveFailed(_)
                        | NoticeKind::BackupReminder
                        | NoticeKind::StorageUnavailable => Some(button(
                            "export-all",
                            |l| texts(l).export_all_plans,
                            Box::new(move || ctx.export_all()),
                        )),
                        // The newer version's data stays as it is; this tab's work can leave
                        // as a file before the reload that brings the new version.
                        NoticeKind::Newer { .. } => Some(view! {
                            <button type="button" class="button" data-action="reload" on:click=move |_| crate::ctx::reload_page()>
                                {move || texts(lang.get()).reload}
                            </button>
                            <button type="button" class="button quiet" data-action="export-all" on:click=move |_| ctx.export_all()>
                                {move || texts(lang.get()).export_all_plans}
                            </button>
                        }.into_any()),
                        NoticeKind::UpdateReady => Some(button(
                            "reload",
                            |l| texts(l).reload,
                            Box::new(move || ctx.update_now()),
                        )),
                        NoticeKind::Unreadable { backup: None, .. }
                        | NoticeKind::Refused(_)
                        | NoticeKind::KeptAlongside { .. }
                        | NoticeKind::UpdatedElsewhere
                        | NoticeKind::Link(_)
                        | NoticeKind::PlanFile { .. }
                        | NoticeKind::LinkRepaired(_)
                        | NoticeKind::PreviewKept { .. }
                        | NoticeKind::CopyFailed
                        | NoticeKind::PartFailed => None,
                    };
                    view! {
                        <div
                            class="notice"
                            class:error=is_error
                            class:caution=tone == Tone::Caution
                            role=if is_error { "alert" } else { "status" }
                            data-notice=notice_key(&notice.kind)
                        >
                            <div class="notice-text">
                                <p>{message}</p>
                                {details}
                            </div>
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

/// A stable name for each kind of notice, for tests and tools (`data-notice`).
fn notice_key(kind: &NoticeKind) -> &'static str {
    match kind {
        NoticeKind::PlanDeleted { .. } => "plan-deleted",
        NoticeKind::LineDeleted { .. } => "line-deleted",
        NoticeKind::LeversDangling { .. } => "levers-dangling",
        NoticeKind::Refused(_) => "refused",
        NoticeKind::Salvaged { .. } => "salvaged",
        NoticeKind::KeptAlongside { .. } => "kept-alongside",
        NoticeKind::UpdateReady => "update-ready",
        NoticeKind::Unreadable { .. } => "unreadable",
        NoticeKind::Newer { .. } => "newer",
        NoticeKind::StorageUnavailable => "storage-unavailable",
        NoticeKind::SaveFailed(_) => "save-failed",
        NoticeKind::UpdatedElsewhere => "updated-elsewhere",
        NoticeKind::Link(_) => "link",
        NoticeKind::PlanFile { .. } => "plan-file",
        NoticeKind::LinkRepaired(_) => "link-repaired",
        NoticeKind::PreviewKept { .. } => "preview-kept",
        NoticeKind::BackupReminder => "backup-reminder",
        NoticeKind::CopyFailed => "copy-failed",
        NoticeKind::PartFailed => "part-failed",
    }
}
