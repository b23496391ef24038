//! Messages of the layers above the model: why a file, a link or stored data was not read
//! and what was repaired, why a save did not stick, what the save indicator says, and the
//! notices of the session, in zh-CN and English. The types are plain data in their own layers
//! (exchange, storage, the session); the words are here, above them, so none of them speaks a
//! language. The model's own errors are worded in the text layer below (`crate::i18n`), which
//! exchange, state and charts use for names and headers.

use crate::exchange::csv::{CsvIssue, CsvProblem};
use crate::exchange::json::{self, JsonError, Repair};
use crate::exchange::link::{LinkError, MAX_CHARS};
use crate::i18n::{names, short, texts, Describe};
use crate::model::{limits, Lang};
use crate::session::{NoticeKind, PlanFileProblem, SaveStatus};
use crate::store::SaveError;

crate::i18n::describe! {
    SaveError => save_error,
    CsvProblem => csv_problem,
    CsvIssue => csv_issue,
    JsonError => json_error,
    Repair => repair,
    LinkError => link_error,
}

pub fn csv_problem(p: &CsvProblem, lang: Lang) -> String {
    let quoted = |v: &str| match lang {
        Lang::Zh => format!("“{v}”"),
        Lang::En => format!("“{v}”"),
    };
    match p {
        CsvProblem::TooLarge => lang
            .pick(
                "文件太大（上限 5 MB）",
                "The file is too large (5 MB at most)",
            )
            .to_owned(),
        CsvProblem::Empty => lang.pick("文件是空的", "The file is empty").to_owned(),
        CsvProblem::UnterminatedQuote => lang
            .pick("引号没有闭合", "A quoted cell is not closed")
            .to_owned(),
        CsvProblem::MissingColumn(c) => match lang {
            Lang::Zh => format!("缺少“{}”列", c.header(lang)),
            Lang::En => format!("The column “{}” is missing", c.header(lang)),
        },
        CsvProblem::ColumnCount { expected, found } => match lang {
            Lang::Zh => format!("应有 {expected} 列，实际 {found} 列"),
            Lang::En => format!("Expected {expected} cells, found {found}"),
        },
        CsvProblem::UnknownCategory(v) => match lang {
            Lang::Zh => format!("无法识别的类别 {}", quoted(v)),
            Lang::En => format!("Unknown category {}", quoted(v)),
        },
        CsvProblem::UnknownStage(v) => match lang {
            Lang::Zh => format!("无法识别的阶段 {}", quoted(v)),
            Lang::En => format!("Unknown stage {}", quoted(v)),
        },
        CsvProblem::UnknownBasis(v) => match lang {
            Lang::Zh => format!("无法识别的计费方式 {}", quoted(v)),
            Lang::En => format!("Unknown basis {}", quoted(v)),
        },
        CsvProblem::Number(e) => e.message(lang),
        CsvProblem::MonthRequired => lang
            .pick(
                "一次性费用需要填写发生月份",
                "A one-time line needs its month",
            )
            .to_owned(),
        CsvProblem::EndsBeforeStart => lang
            .pick("结束月份早于起始月份", "The line ends before it starts")
            .to_owned(),
        CsvProblem::WindowOnOneTime => lang
            .pick(
                "一次性费用有自己的发生月份，不填起止月份",
                "A one-time line has its own month: leave from and to blank",
            )
            .to_owned(),
        CsvProblem::NameTooLong => match lang {
            Lang::Zh => format!("名称最多 {} 个字符", limits::NAME_CHARS),
            Lang::En => format!("Names have at most {} characters", limits::NAME_CHARS),
        },
        CsvProblem::TooManyRows => match lang {
            Lang::Zh => format!("最多 {} 个预算项", limits::LINES),
            Lang::En => format!("At most {} budget lines", limits::LINES),
        },
    }
}

pub fn csv_issue(i: &CsvIssue, lang: Lang) -> String {
    let place = match (i.row, i.column, lang) {
        (0, _, _) => String::new(),
        (r, Some(c), Lang::Zh) => format!("第 {r} 行“{}”列：", c.header(lang)),
        (r, Some(c), Lang::En) => format!("Row {r}, column “{}”: ", c.header(lang)),
        (r, None, Lang::Zh) => format!("第 {r} 行："),
        (r, None, Lang::En) => format!("Row {r}: "),
    };
    format!("{place}{}", i.problem.message(lang))
}

pub fn link_error(e: &LinkError, lang: Lang) -> String {
    match (e, lang) {
            (LinkError::TooLong(n), Lang::Zh) => format!(
                "方案太大，无法放进链接（约 {n} 个字符，上限 {MAX_CHARS}）。请改用“导出方案文件”分享。"
            ),
            (LinkError::TooLong(n), Lang::En) => format!(
                "The plan is too large for a link (about {n} characters, the limit is {MAX_CHARS}). Share an exported plan file instead."
            ),
            (LinkError::NotALink, _) => lang
                .pick("这不是方案分享链接。", "This is not a plan link.")
                .to_owned(),
            (LinkError::UnknownVersion(v), Lang::Zh) => {
                format!("链接格式“{v}”无法识别，可能来自更新版本的应用。")
            }
            (LinkError::UnknownVersion(v), Lang::En) => {
                format!("Unknown link format “{v}”; it may come from a newer version of the app.")
            }
            (LinkError::BadEncoding, _) => lang
                .pick(
                    "链接已损坏（编码无效），可能被截断或改动过。",
                    "The link is damaged (invalid encoding); it may have been cut off or altered.",
                )
                .to_owned(),
            (LinkError::BadCompression, _) => lang
                .pick(
                    "链接已损坏（数据无法解压或过大），可能被截断或改动过。",
                    "The link is damaged (its data does not decompress, or is far too large); it may have been cut off or altered.",
                )
                .to_owned(),
            (LinkError::BadPlan(e), Lang::Zh) => {
                format!("链接中的方案无法读取：{}", e.message(lang))
            }
            (LinkError::BadPlan(e), Lang::En) => {
                format!("The plan in the link cannot be read: {}", e.message(lang))
            }
            (LinkError::Invalid(errors), _) => {
                let head = lang.pick("链接中的方案有无效数值：", "The plan in the link has invalid values: ");
                let list: Vec<String> = errors.iter().take(5).map(|e| e.message(lang)).collect();
                format!("{head}{}", list.join(lang.pick("；", "; ")))
            }
        }
}

/// A notice's message.
pub fn notice(kind: &NoticeKind, lang: Lang) -> String {
    match (kind, lang) {
        (NoticeKind::PlanDeleted { name, .. }, Lang::Zh) => format!("已删除方案「{}」。", short(name)),
        (NoticeKind::PlanDeleted { name, .. }, Lang::En) => format!("Deleted plan “{}”.", short(name)),
        (NoticeKind::LineDeleted { name }, Lang::Zh) => format!("已删除预算项「{}」。", short(name)),
        (NoticeKind::LineDeleted { name }, Lang::En) => format!("Deleted line “{}”.", short(name)),
        (NoticeKind::LeversDangling { count }, Lang::Zh) => format!(
            "有 {count} 项情景调整指向这个被删除的预算项，现已不起作用（已在情景中标出）。"
        ),
        (NoticeKind::LeversDangling { count }, Lang::En) => format!(
            "{count} scenario change(s) pointed at the deleted line and now do nothing (marked on the scenario)."
        ),
        (NoticeKind::Refused(e), Lang::Zh) => format!("未做修改：{}", e.message(lang)),
        (NoticeKind::Refused(e), Lang::En) => format!("Nothing was changed: {}", e.message(lang)),
        (NoticeKind::Salvaged { set_aside, .. }, _) if set_aside.is_empty() => lang
            .pick(
                "已保存的方案有小问题，已自动修复（原数据另存为备份）：",
                "The saved plans had small faults, now repaired (the original is kept as a backup):",
            )
            .to_owned(),
        (NoticeKind::Salvaged { set_aside, .. }, Lang::Zh) => format!(
            "有 {} 个方案这个版本无法读取，已原样保留、不会丢失：{}。可在“文件 → 备份与保留的方案”中修复或下载；其余方案已正常打开。",
            set_aside.len(),
            names(set_aside, lang)
        ),
        (NoticeKind::Salvaged { set_aside, .. }, Lang::En) => format!(
            "{} plan(s) could not be read by this version and are kept unchanged, not lost: {}. Repair or download them under File → Backups and kept plans; the other plans opened normally.",
            set_aside.len(),
            names(set_aside, lang)
        ),
        (NoticeKind::KeptAlongside { added, trashed }, Lang::Zh) => {
            let mut parts = Vec::new();
            if !added.is_empty() {
                parts.push(format!("另一标签页的方案 {} 已加入你的方案", names(added, lang)));
            }
            if !trashed.is_empty() {
                parts.push(format!("它修改过的 {} 已放入“最近删除”，可以恢复", names(trashed, lang)));
            }
            format!("已保留本页的版本，且没有丢下另一标签页的内容：{}。", parts.join("；"))
        }
        (NoticeKind::KeptAlongside { added, trashed }, Lang::En) => {
            let mut parts = Vec::new();
            if !added.is_empty() {
                parts.push(format!("the other tab's plans {} joined your plans", names(added, lang)));
            }
            if !trashed.is_empty() {
                parts.push(format!("its versions of {} are in Recently deleted, ready to restore", names(trashed, lang)));
            }
            format!("This tab's version was kept, and nothing of the other tab's was dropped: {}.", parts.join("; "))
        }
        (NoticeKind::UpdateReady, _) => lang
            .pick(
                "新版本已准备好。你的修改已保存；重新加载页面即可使用新版本。",
                "A new version is ready. Your work is saved; reload the page to use the new version.",
            )
            .to_owned(),
        (NoticeKind::Unreadable { error, elsewhere: false, .. }, Lang::Zh) => format!(
            "已保存的数据无法读取（{}）。原数据已原样保留为备份，可以下载；本页面从示例方案开始。",
            error.message(lang)
        ),
        (NoticeKind::Unreadable { error, elsewhere: false, .. }, Lang::En) => format!(
            "The saved data could not be read ({}). It is kept unchanged as a backup you can download; the page starts from the example plan.",
            error.message(lang)
        ),
        (NoticeKind::Unreadable { error, elsewhere: true, .. }, Lang::Zh) => format!(
            "另一个标签页或程序保存了这个版本无法读取的数据（{}）。该数据已原样保留为备份，可以下载；本页的方案会重新保存。",
            error.message(lang)
        ),
        (NoticeKind::Unreadable { error, elsewhere: true, .. }, Lang::En) => format!(
            "Another tab or program stored data this version cannot read ({}). It is kept unchanged as a backup you can download; this page's plans are saved again.",
            error.message(lang)
        ),
        (NoticeKind::Newer { version }, Lang::Zh) => format!(
            "已保存的数据来自更新版本的应用（格式版本 {version}），已原样保留。为免覆盖，本页面不再保存；请重新加载页面以使用新版本。本页尚未保存的修改仍在页面上，可以先导出。"
        ),
        (NoticeKind::Newer { version }, Lang::En) => format!(
            "The saved data comes from a newer version of the app (format {version}) and is kept as it is. To avoid overwriting it, this page no longer saves: reload the page to use the new version. Changes not yet saved are still on this page; export them first if you need them."
        ),
        (NoticeKind::StorageUnavailable, _) => save_error(&SaveError::Unavailable, lang),
        (NoticeKind::SaveFailed(e), _) => save_error(e, lang),
        (NoticeKind::UpdatedElsewhere, _) => lang
            .pick(
                "方案已在另一个标签页中修改，本页已更新为最新版本。",
                "The plans were changed in another tab; this page now shows the latest version.",
            )
            .to_owned(),
        (NoticeKind::Link(e), _) => e.message(lang),
        (NoticeKind::PlanFile { path, problem }, Lang::Zh) => format!(
            "方案文件 {} {}，本页从示例方案开始。",
            short(path),
            match problem {
                PlanFileProblem::Unreachable => "无法取得".to_owned(),
                PlanFileProblem::TimedOut => "在规定时间内没有下载完成".to_owned(),
                PlanFileProblem::Read(e) => format!("无法读取（{}）", e.message(lang)),
            }
        ),
        (NoticeKind::PlanFile { path, problem }, Lang::En) => format!(
            "The plan file {} {}; the page starts from the example plan.",
            short(path),
            match problem {
                PlanFileProblem::Unreachable => "could not be fetched".to_owned(),
                PlanFileProblem::TimedOut => "did not arrive in time".to_owned(),
                PlanFileProblem::Read(e) => format!("could not be read ({})", e.message(lang)),
            }
        ),
        (NoticeKind::LinkRepaired(r), Lang::Zh) => format!("分享的方案已自动修复：{}", r.message(lang)),
        (NoticeKind::LinkRepaired(r), Lang::En) => {
            format!("The shared plan was repaired to open: {}", r.message(lang))
        }
        (NoticeKind::PreviewKept { name }, Lang::Zh) => {
            format!("你修改过的分享方案「{}」已作为副本保存到你的方案中。", short(name))
        }
        (NoticeKind::PreviewKept { name }, Lang::En) => format!(
            "The shared plan “{}” you changed was saved as a copy among your plans.",
            short(name)
        ),
        (NoticeKind::BackupReminder, _) => lang
            .pick(
                "浏览器没有承诺长期保留本站数据（空间紧张时可能清除）。请定期导出备份文件。",
                "The browser did not promise to keep this site's data (it may clear it when space runs low). Export a backup file from time to time.",
            )
            .to_owned(),
        (NoticeKind::PartFailed, _) => texts(lang).part_failed.to_owned(),
        (NoticeKind::CopyFailed, _) => lang
            .pick(
                "无法自动复制。链接已选中，请按 Ctrl+C（Mac 上按 ⌘C）复制。",
                "Could not copy automatically. The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.",
            )
            .to_owned(),
    }
}

/// What the save indicator says.
pub fn save_status(status: &SaveStatus, lang: Lang) -> &'static str {
    match status {
        SaveStatus::Saved => texts(lang).saved,
        SaveStatus::Pending => lang.pick("正在保存…", "Saving…"),
        SaveStatus::NotSaved(_) => lang.pick("未保存", "Not saved"),
        SaveStatus::Preview { edited: false } => {
            lang.pick("分享的方案（未保存）", "Shared plan (not saved)")
        }
        SaveStatus::Preview { edited: true } => {
            lang.pick("修改未保存：请保存副本", "Changes not saved: save a copy")
        }
    }
}

/// Why a save did not stick.
pub fn save_error(e: &SaveError, lang: Lang) -> String {
    match (e, lang) {
        (SaveError::Quota, _) => lang
            .pick(
                "浏览器存储空间已满，最近的修改未能保存。数据仍在本页面中，请导出备份，或在“文件 → 备份”中删除不需要的备份。",
                "Browser storage is full: recent changes were not saved. Your work is still on this page; export a backup, or delete backups you no longer need under File → Backups.",
            )
            .to_owned(),
        (SaveError::Unavailable, _) => lang
            .pick(
                "此浏览器不允许本页面保存数据（可能是隐私模式或嵌入限制）。修改只保留到关闭页面，请导出备份。",
                "This browser does not let the page save data (private mode or an embedding restriction). Changes last until the page closes; export a backup.",
            )
            .to_owned(),
        (SaveError::Mismatch, _) => lang
            .pick(
                "保存后读回的数据不一致，最近的修改可能未保存。请导出备份。",
                "What was saved did not read back the same: recent changes may not be saved. Export a backup.",
            )
            .to_owned(),
        (SaveError::BackupTooLarge { chars }, Lang::Zh) => format!(
            "已保存的数据需要先备份才能覆盖，但它太大（{}），放不进备份区（最多 {}）。为免丢失，本页暂不保存。请先下载这份数据，然后选择“不备份，继续保存”。",
            crate::i18n::characters(*chars, lang),
            crate::i18n::characters(crate::storage::BACKUP_CHARS_MAX, lang)
        ),
        (SaveError::BackupTooLarge { chars }, Lang::En) => format!(
            "The saved data must be backed up before it is written over, but it is too large ({}) for the backups (at most {}). So that nothing is lost, this page does not save yet: download that data first, then choose “Save without a backup”.",
            crate::i18n::characters(*chars, lang),
            crate::i18n::characters(crate::storage::BACKUP_CHARS_MAX, lang)
        ),
        (SaveError::Other(e), Lang::Zh) => format!("保存失败：{e}。请导出备份。"),
        (SaveError::Other(e), Lang::En) => format!("Saving failed: {e}. Export a backup."),
    }
}

/// Why a JSON text (a file, stored data, a link) was not read.
pub fn json_error(e: &JsonError, lang: Lang) -> String {
    match (e, lang) {
        (JsonError::TooLarge, Lang::Zh) => format!("文件太大（上限 {} MB）", json::MAX_BYTES >> 20),
        (JsonError::TooLarge, Lang::En) => {
            format!("The file is too large ({} MB at most)", json::MAX_BYTES >> 20)
        }
        (JsonError::Syntax(e), Lang::Zh) => format!("不是有效的 JSON：{e}"),
        (JsonError::Syntax(e), Lang::En) => format!("Not valid JSON: {e}"),
        (JsonError::WrongFormat, _) => lang
            .pick(
                "这不是客户管理费规划器导出的文件",
                "This is not a file exported by Customer Cost Planner",
            )
            .to_owned(),
        (JsonError::NewerVersion(v), Lang::Zh) => {
            format!("文件来自更新版本的应用（格式版本 {v}），请升级后再导入")
        }
        (JsonError::NewerVersion(v), Lang::En) => format!(
            "The file comes from a newer version of the app (format {v}); update the app to import it"
        ),
        (JsonError::Shape { path, detail }, Lang::Zh) => format!("字段 {path}：{detail}"),
        (JsonError::Shape { path, detail }, Lang::En) => format!("Field {path}: {detail}"),
        (JsonError::Invalid(errors), _) => errors
            .iter()
            .map(|e| e.message(lang))
            .collect::<Vec<_>>()
            .join("\n"),
        (JsonError::NotAPlan, _) => lang
            .pick(
                "这是全部方案的备份文件，不是单个方案文件",
                "This is a backup of all plans, not a single plan file",
            )
            .to_owned(),
    }
}

/// What reading repaired, in a sentence.
pub fn repair(r: &Repair, lang: Lang) -> String {
    match (r, lang) {
        (Repair::Plan { plan, repairs }, Lang::Zh) => {
            let mut parts = Vec::new();
            if repairs.names_shortened > 0 {
                parts.push(format!(
                    "{} 个超过 {} 字的名称已截短",
                    repairs.names_shortened,
                    crate::model::limits::NAME_CHARS
                ));
            }
            if repairs.ids_renumbered > 0 {
                parts.push(format!("{} 个重复编号已重新编号", repairs.ids_renumbered));
            }
            format!("方案「{}」：{}。", short(plan), parts.join("，"))
        }
        (Repair::Plan { plan, repairs }, Lang::En) => {
            let mut parts = Vec::new();
            if repairs.names_shortened > 0 {
                parts.push(format!(
                    "{} name(s) over {} characters shortened",
                    repairs.names_shortened,
                    crate::model::limits::NAME_CHARS
                ));
            }
            if repairs.ids_renumbered > 0 {
                parts.push(format!(
                    "{} duplicate id(s) renumbered",
                    repairs.ids_renumbered
                ));
            }
            format!("Plan “{}”: {}.", short(plan), parts.join(", "))
        }
        (Repair::PlanIdsRenumbered { count }, Lang::Zh) => {
            format!("{count} 个方案的编号与其他方案重复，已重新编号。")
        }
        (Repair::PlanIdsRenumbered { count }, Lang::En) => {
            format!("{count} plan(s) shared an id with another plan and were renumbered.")
        }
        (Repair::SelectionReset, _) => lang
            .pick(
                "原先打开的方案已不存在，现打开第一个方案。",
                "The plan that was open no longer exists; the first plan is open instead.",
            )
            .to_owned(),
        (Repair::LangReset, _) => lang
            .pick(
                "语言设置无法识别，已恢复默认。",
                "The language setting was not recognised and is back to the default.",
            )
            .to_owned(),
        (Repair::BlankPlanAdded, _) => lang
            .pick(
                "没有能读取的方案，已新建一个空白方案。",
                "No plan could be read, so a blank plan was added.",
            )
            .to_owned(),
        (Repair::Restored { plan }, Lang::Zh) => {
            format!("之前保留的方案「{}」现在可以读取，已恢复。", short(plan))
        }
        (Repair::Restored { plan }, Lang::En) => {
            format!(
                "The kept plan “{}” can be read now and is back.",
                short(plan)
            )
        }
    }
}
