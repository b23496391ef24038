//! The budget lines as an editable table, with subtotals by category and stage and the total
//! always in view.

use leptos::prelude::*;

use crate::components::figure::LiveStat;
use crate::components::focus::{focus_and_select_later, focus_later};
use crate::components::icon::{icon, Icon};
use crate::components::line_editor::{line_fields, Cells};
use crate::ctx::{firewall, use_ctx, Dialog, FileProblem};
use crate::exchange::csv;
use crate::files::{read_chosen, ReadError};
use crate::format;
use crate::i18n::{self, texts};
use crate::model::{
    limits, line_total, BudgetLine, Category, HorizonDrivers, Lang, LineId, Metric, Stage,
};
use crate::state::{LineEdit, PlanEdit};

/// Plans with more lines than this render only the rows in view.
pub const WINDOW_FROM: usize = 100;
/// The height of a row when rows are windowed (CSS: `.windowed .lines-table tbody tr`).
const ROW_HEIGHT: f64 = 52.0;
/// The same, in whole pixels.
const ROW_HEIGHT_PX: usize = 52;
/// Rows rendered beyond the visible ones, above and below.
const OVERSCAN: usize = 8;

#[component]
pub fn BudgetTable(
    /// How many rows to show: all those in view, except while the page starts, when they come
    /// a few per task (`app::App`).
    #[prop(optional, into)]
    rows: Option<Signal<usize>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let ids = Memo::new(move |_| {
        ctx.plan.with(|p| {
            p.as_ref()
                .map(|p| p.lines.iter().map(|l| l.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let drivers = firewall(move || {
        ctx.comparison.with(|c| {
            c.as_ref()
                .and_then(|c| c.baseline())
                .map(|e| HorizonDrivers::of(&e.projection.months))
        })
    });
    let count = move || ids.with(Vec::len);

    // Large plans render only the rows in view (plus a margin), with spacers for the rest: a
    // table of thousands of rows of inputs is slow to lay out on every change. Tabbing onward
    // scrolls the next row into view, which renders the rows after it.
    let scroller = NodeRef::<leptos::html::Div>::new();
    let scroll_top = RwSignal::new(0.0_f64);
    let viewport = RwSignal::new(720.0_f64);
    let windowed = move || count() > WINDOW_FROM;
    let window = Memo::new(move |_| {
        let n = count();
        if n <= WINDOW_FROM {
            return (0, n);
        }
        let first = ((scroll_top.get() / ROW_HEIGHT) as usize).saturating_sub(OVERSCAN);
        let shown = (viewport.get() / ROW_HEIGHT).ceil() as usize + 2 * OVERSCAN;
        (first.min(n), (first + shown).min(n))
    });
    // Set through the CSSOM (`style:`), never as a `style` string: a strict CSP allows only that.
    // Whole pixels, as integers: no float formatting in the module fetched at start.
    let spacer = move |rows: usize| format!("{}px", rows.saturating_mul(ROW_HEIGHT_PX));
    let on_scroll = move |_| {
        if let Some(el) = scroller.get_untracked() {
            scroll_top.set(f64::from(el.scroll_top()));
            viewport.set(f64::from(el.client_height()));
        }
    };

    let csv_input = NodeRef::<leptos::html::Input>::new();
    let on_csv_chosen = move |_| {
        if let Some(input) = csv_input.get_untracked() {
            read_chosen(&input, csv::MAX_BYTES, move |result| {
                ctx.dialog.set(Some(match result {
                    Ok(text) => Dialog::ImportCsv(Ok(text)),
                    Err(ReadError::TooLarge) => Dialog::ImportCsv(Err(csv::CsvIssue {
                        row: 0,
                        column: None,
                        problem: csv::CsvProblem::TooLarge,
                    })),
                    Err(ReadError::Unreadable) => Dialog::FileError(FileProblem::Unreadable),
                    Err(ReadError::Encoding) => Dialog::FileError(FileProblem::Encoding),
                }));
            });
        }
    };
    let add = move |_: leptos::ev::MouseEvent| match ctx.apply(PlanEdit::AddLine) {
        Ok(()) => {
            if let Some(id) = ids.with_untracked(|v| v.last().copied()) {
                if let Some(el) = scroller.get_untracked() {
                    el.set_scroll_top(el.scroll_height());
                }
                focus_and_select_later(format!("line-{}-name", id.0));
            }
        }
        Err(e) => ctx.report(Err(e)),
    };

    view! {
        <section class="card" aria-labelledby="lines-title">
            <div class="section-head">
                <h2 id="lines-title">
                    {move || t().lines_title}
                    <span class="count">{move || format!("{} {}", count(), t().line_count)}</span>
                </h2>
                <div class="section-actions">
                    <button type="button" class="button" data-action="export-lines-csv" on:click=move |_| ctx.export_lines_csv()>
                        {move || texts(lang.get()).export_csv}
                    </button>
                    <button
                        type="button"
                        class="button"
                        data-action="import-lines-csv"
                        on:click=move |_| {
                            if let Some(input) = csv_input.get_untracked() {
                                input.click();
                            }
                        }
                    >
                        {move || texts(lang.get()).import_csv}
                    </button>
                    <input
                        type="file"
                        accept=".csv,.tsv,.txt,text/csv"
                        class="visually-hidden"
                        id="import-csv-file"
                        tabindex="-1"
                        aria-label=move || texts(lang.get()).import_budget_lines_csv
                        node_ref=csv_input
                        on:change=on_csv_chosen
                    />
                <button
                    type="button"
                    class="button primary"
                    data-action="add-line"
                    id="add-line"
                    disabled=move || { count() >= limits::LINES }
                    on:click=add
                >
                    {move || format!("+ {}", t().add_line)}
                </button>
                </div>
            </div>
            <Subtotals/>
            <div
                class="table-scroll"
                class:windowed=windowed
                tabindex="0"
                role="region"
                aria-labelledby="lines-title"
                node_ref=scroller
                on:scroll=on_scroll
            >
                <table
                    class="data lines-table"
                    data-testid="lines"
                    aria-rowcount=move || count() + 1
                >
                    <thead>
                        <tr>
                            <th scope="col">{move || t().col_name}</th>
                            <th scope="col">{move || t().col_category}</th>
                            <th scope="col">{move || t().col_stage}</th>
                            <th scope="col">{move || t().col_basis}</th>
                            <th scope="col">{move || t().col_months}</th>
                            <th scope="col" class="num">{move || t().col_amount}</th>
                            <th scope="col" class="num">{move || t().col_total}</th>
                            <th scope="col">
                                <span class="visually-hidden">{move || t().col_actions}</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        <Show when=windowed>
                            <tr class="spacer" aria-hidden="true" style:height=move || spacer(window.get().0)></tr>
                        </Show>
                        <For
                            each=move || {
                                let (from, to) = window.get();
                                let limit = rows.map_or(usize::MAX, |r| r.get());
                                ids.with(|v| {
                                    v.get(from..to).unwrap_or_default().iter().copied().take(limit).collect::<Vec<_>>()
                                })
                            }
                            key=|id| *id
                            children=move |id| view! { <LineRow id=id ids=ids drivers=drivers/> }
                        />
                        <Show when=windowed>
                            <tr
                                class="spacer"
                                aria-hidden="true"
                                style:height=move || spacer(count().saturating_sub(window.get().1))
                            ></tr>
                        </Show>
                    </tbody>
                </table>
                <Show when=move || count() == 0>
                    <p class="empty">{move || t().no_lines}</p>
                </Show>
            </div>
        </section>
    }
}

/// Subtotals by category and stage and the total: the baseline's costs over the horizon, live.
#[component]
pub fn Subtotals() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let t = move || texts(lang.get());
    let categories = Category::ALL
        .into_iter()
        .map(|c| {
            let label = Signal::derive(move || i18n::category(c, lang.get()).to_owned());
            view! { <LiveStat metric=Metric::CategoryCost(c) label=label class="subtotal"/> }
        })
        .collect_view();
    let stages = Stage::ALL
        .into_iter()
        .map(|s| {
            let label = Signal::derive(move || i18n::stage(s, lang.get()).to_owned());
            view! { <LiveStat metric=Metric::StageCost(s) label=label class="subtotal"/> }
        })
        .collect_view();
    let total = Signal::derive(move || t().grand_total.to_owned());
    view! {
        <div class="subtotals" data-testid="subtotals">
            <div class="subtotal-group">
                <h3>{move || t().by_category}</h3>
                <div class="subtotal-row">{categories}</div>
            </div>
            <div class="subtotal-group">
                <h3>{move || t().by_stage}</h3>
                <div class="subtotal-row">{stages}</div>
            </div>
            <div class="subtotal-group total">
                <LiveStat metric=Metric::TotalCost label=total class="subtotal"/>
            </div>
        </div>
    }
}

/// One budget line. Everything it shows comes from its own line signal and a few signals that
/// change rarely (language, currency, horizon), so an edit elsewhere does not wake it.
#[component]
fn LineRow(
    id: LineId,
    /// All line ids in order, for the row's position (`aria-rowindex`) when rows are windowed.
    ids: Memo<Vec<LineId>>,
    drivers: ReadSignal<Option<HorizonDrivers>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let line: Signal<Option<BudgetLine>> = ctx.line(id).into();
    let name = Signal::derive(move || {
        line.with(|l| l.as_ref().map(|l| l.name.clone()).unwrap_or_default())
    });
    let edit = Callback::new(move |e: LineEdit| ctx.apply(PlanEdit::UpdateLine(id, e)));
    let total = move || {
        drivers.with(|d| {
            let d = d.as_ref()?;
            line.with(|l| l.as_ref().and_then(|l| line_total(l, d)))
        })
    };
    // "Duplicate “Ads”": the accessible name of each button of the row.
    let label_for = move |what: &str, l: Lang| i18n::of_item(what, &name.get(), l);

    view! {
        <tr
            data-line=id.0
            aria-rowindex=move || ids.with(|v| v.iter().position(|x| *x == id).map_or(0, |i| i + 2))
        >
            {line_fields::<Cells>(line, &format!("line-{}", id.0), edit)}
            <td
                class="num total"
                data-label=move || texts(lang.get()).col_total
                data-scenario="baseline"
                data-metric="line_total"
                data-line=id.0
                data-value=move || total().map(|v| v.normalize().to_string()).unwrap_or_default()
            >
                {move || total().map(|v| format::money(v, &ctx.currency.get())).unwrap_or_default()}
            </td>
            // The buttons are rebuilt as one node when the language or the line's name changes.
            <td class="actions">
                {move || {
                    let l = lang.get();
                    let t = texts(l);
                    let button = |action: &'static str, suffix: &str, which: Icon, what: &'static str, danger: bool| {
                        view! {
                            <button
                                type="button"
                                class="button icon quiet"
                                class:danger=danger
                                id=format!("line-{}-{suffix}", id.0)
                                data-action=action
                                title=what
                                aria-label=label_for(what, l)
                            >
                                {icon(which)}
                            </button>
                        }
                    };
                    view! {
                        <span on:click=move |ev| {
                            let target = event_target::<web_sys::Element>(&ev);
                            let Ok(Some(button)) = target.closest("button") else { return };
                            match button.get_attribute("data-action").as_deref() {
                                Some("duplicate-line") => {
                                    ctx.report(ctx.apply(PlanEdit::DuplicateLine(id)));
                                }
                                Some("move-line-up") => {
                                    ctx.report(ctx.apply(PlanEdit::MoveLine(id, -1)));
                                    focus_later(format!("line-{}-up", id.0));
                                }
                                Some("move-line-down") => {
                                    ctx.report(ctx.apply(PlanEdit::MoveLine(id, 1)));
                                    focus_later(format!("line-{}-down", id.0));
                                }
                                Some("delete-line") => {
                                    ctx.report(ctx.apply(PlanEdit::DeleteLine(id)));
                                    focus_later("add-line".to_owned());
                                }
                                _ => {}
                            }
                        }>
                            {button("duplicate-line", "duplicate", Icon::Copy, t.duplicate, false)}
                            {button("move-line-up", "up", Icon::Up, t.move_up, false)}
                            {button("move-line-down", "down", Icon::Down, t.move_down, false)}
                            {button("delete-line", "delete", Icon::Remove, t.delete, true)}
                        </span>
                    }
                }}
            </td>
        </tr>
    }
}
