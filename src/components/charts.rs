//! The five charts, each with a legend, a text alternative and a PNG download.

use leptos::html;
use leptos::prelude::*;

use crate::chart::spec::{
    self, ChartId, ChartSpec, MarkKind, Palette, Rgb, REFERENCE_COLOR, SCENARIO_COLORS,
};
use crate::ctx::use_ctx;
use crate::i18n::texts;

/// Chart height in CSS pixels.
const HEIGHT: f64 = 300.0;
/// In the client report: two rows of two charts fill an A4 page.
const REPORT_HEIGHT: f64 = 210.0;

/// Every chart, or with `only`, that one (a calculator embed).
/// `report`: the client report's charts, without LTV:CAC (its verdicts and comparison state
/// it for every scenario), so that the four fill one A4 page.
#[component]
pub fn Charts(
    #[prop(optional)] only: Option<ChartId>,
    #[prop(optional)] report: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    // Lines of values, or of each scenario's difference from the baseline.
    let diff = RwSignal::new(false);
    let specs = Memo::new(move |_| {
        let l = lang.get();
        let d = diff.get();
        ctx.plan.with(|p| {
            ctx.comparison.with(|c| match (p, c) {
                (Some(p), Some(c)) => spec::all(c, p, l, d),
                _ => Vec::new(),
            })
        })
    });
    // The views are built once per chart; each redraws its canvas when its own spec changes.
    let count = Memo::new(move |_| specs.with(Vec::len));
    view! {
        <section class="card" aria-labelledby="charts-title">
            <div class="section-head">
                <h2 id="charts-title">{move || texts(lang.get()).charts_title}</h2>
                <label class="check">
                    <input
                        type="checkbox"
                        data-action="chart-difference"
                        prop:checked=move || diff.get()
                        on:change=move |ev| diff.set(event_target_checked(&ev))
                    />
                    {move || texts(lang.get()).show_difference}
                </label>
            </div>
            <div class="chart-grid">
                {move || {
                    (0..count.get())
                        .filter(|i| {
                            only.is_none_or(|o| specs.with(|s| s.get(*i).map(|s| s.id)) == Some(o))
                        })
                        .filter(|i| {
                            !report || specs.with(|s| s.get(*i).map(|s| s.id)) != Some(ChartId::LtvCac)
                        })
                        .map(|i| {
                            let height = if report { REPORT_HEIGHT } else { HEIGHT };
                            view! { <ChartView specs=specs index=i height=height/> }
                        })
                        .collect_view()
                }}
            </div>
        </section>
    }
}

#[component]
fn ChartView(specs: Memo<Vec<ChartSpec>>, index: usize, height: f64) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let spec = Memo::new(move |_| specs.with(|s| s.get(index).cloned()));
    let read = move |f: fn(&ChartSpec) -> String| {
        move || spec.with(|s| s.as_ref().map(f).unwrap_or_default())
    };
    let id = spec.with_untracked(|s| s.as_ref().map_or("chart", |s| s.id.key()));
    let canvas = NodeRef::<html::Canvas>::new();
    let wrapper = NodeRef::<html::Div>::new();
    let width = RwSignal::new(0.0_f64);
    let draws = RwSignal::new(0_u32);
    // The data-table row read out over the chart: under the pointer, tapped, or chosen with the
    // arrow keys while the chart has focus.
    let tip = RwSignal::new(None::<usize>);
    let rows = move || spec.with(|s| s.as_ref().map_or(0, |s| s.table.rows.len()));
    let point = move |x: f64| {
        let row =
            spec.with_untracked(|s| s.as_ref().and_then(|s| s.row_at(x, width.get_untracked())));
        if tip.get_untracked() != row {
            tip.set(row);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(next) = key_to_row(&ev.key(), tip.get_untracked(), rows()) {
            ev.prevent_default();
            tip.set(next);
        }
    };
    let tip_view = move || {
        let row = tip.get()?;
        let w = width.get();
        spec.with(|s| tip_box(s.as_ref()?, row, w))
    };

    watch_width(wrapper, width);

    draw_when_changed(canvas, spec, width, height, draws);

    let download = move |_| {
        if let Some(el) = canvas.get_untracked() {
            if let Ok(url) = el.to_data_url() {
                crate::download::url(&format!("{id}.png"), &url);
            }
        }
    };
    let summary_id = format!("chart-{id}-summary");

    view! {
        <figure class="chart" data-chart=id>
            <figcaption>
                <h3>{read(|s| s.title.clone())}</h3>
                {legend(spec)}
            </figcaption>
            <div class="canvas-wrap" node_ref=wrapper>
                <canvas
                    node_ref=canvas
                    role="img"
                    tabindex="0"
                    aria-describedby=summary_id.clone()
                    aria-label=read(|s| s.title.clone())
                    data-draws=move || draws.get()
                    style:height=format!("{height}px")
                    on:pointermove=move |ev| point(f64::from(ev.offset_x()))
                    on:pointerdown=move |ev| point(f64::from(ev.offset_x()))
                    on:pointerleave=move |_| tip.set(None)
                    on:keydown=on_key
                    on:blur=move |_| tip.set(None)
                ></canvas>
                <div class="chart-readout" role="status" aria-live="polite">{tip_view}</div>
            </div>
            <p class="chart-summary small muted" id=summary_id>{read(|s| s.summary.clone())}</p>
            <div class="chart-actions">
                <details class="chart-data">
                    <summary>{move || texts(lang.get()).chart_data}</summary>
                    <div class="table-scroll">
                        {data_table(spec)}
                    </div>
                </details>
                <button type="button" class="button quiet" data-action="download-png" on:click=download>
                    {move || texts(lang.get()).download_png}
                </button>
            </div>
        </figure>
    }
}

/// The row the arrow keys move to from `at` in a chart of `rows` rows (`Some(None)`: none);
/// `None` for a key that does not move it.
fn key_to_row(key: &str, at: Option<usize>, rows: usize) -> Option<Option<usize>> {
    if rows == 0 {
        return None;
    }
    Some(match (key, at) {
        ("ArrowRight", Some(i)) => Some((i + 1).min(rows - 1)),
        ("ArrowLeft", Some(i)) => Some(i.saturating_sub(1)),
        ("ArrowRight" | "ArrowLeft" | "Home", None) | ("Home", _) => Some(0),
        ("End", _) => Some(rows - 1),
        ("Escape", _) => None,
        _ => return None,
    })
}

/// The box that reads out data-table row `row` over the chart, with its cursor line.
fn tip_box(s: &ChartSpec, row: usize, w: f64) -> Option<impl IntoView> {
    let cells = s.table.rows.get(row)?;
    let x = s.row_x(row, w);
    // Keep the box inside the chart: anchored left of the point on the right half.
    // Through the CSSOM (`style:`), which a strict CSP allows, never a `style` string.
    let (left, right) = if x > w / 2.0 {
        (None, Some(format!("{:.0}px", (w - x).max(0.0))))
    } else {
        (Some(format!("{:.0}px", x.max(0.0))), None)
    };
    let title = match s.marks {
        crate::chart::spec::Marks::Lines(_) => {
            format!(
                "{} {}",
                s.table.columns.first().cloned().unwrap_or_default(),
                cells[0]
            )
        }
        crate::chart::spec::Marks::Bars(_) => cells[0].clone(),
    };
    let lines = s
        .table
        .columns
        .iter()
        .zip(cells)
        .skip(1)
        .map(|(c, v)| view! { <li><span class="muted">{c.clone()}</span>" "{v.clone()}</li> })
        .collect_view();
    Some(view! {
        <div class="chart-tip" style:left=left style:right=right data-testid="chart-tip" data-row=row>
            <strong>{title}</strong>
            <ul>{lines}</ul>
        </div>
        <div class="chart-cursor" style:left=format!("{x:.0}px") aria-hidden="true"></div>
    })
}

/// Draws the chart whenever the data, the language, the size or the theme changes: the effect
/// synchronises the canvas, which is outside the reactive system, with the spec. Printed in the
/// light colours whatever the screen's theme.
fn draw_when_changed(
    canvas: NodeRef<html::Canvas>,
    spec: Memo<Option<ChartSpec>>,
    width: RwSignal<f64>,
    height: f64,
    draws: RwSignal<u32>,
) {
    let dark = crate::theme::dark();
    let redraw = move |palette: Palette| {
        let w = width.get_untracked();
        let Some(el) = canvas.get_untracked() else {
            return;
        };
        if w <= 0.0 {
            return;
        }
        let dpr = window().device_pixel_ratio();
        spec.with_untracked(|s| {
            if let Some(s) = s {
                draw_spec(&el, s, w, height, dpr, &palette);
            }
        });
        draws.update(|n| *n += 1);
    };
    Effect::new(move |_| {
        width.track();
        canvas.track();
        spec.track();
        dark.track();
        redraw(page_palette());
    });
    // Paper is white whatever the screen's theme: printed in the light colours, then back.
    let before = window_event_listener_untyped("beforeprint", move |_| redraw(Palette::LIGHT));
    let after = window_event_listener_untyped("afterprint", move |_| redraw(page_palette()));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
}

/// The chart's legend: its series, then its marks (dashed lines, dots).
fn legend(spec: Memo<Option<ChartSpec>>) -> impl IntoView {
    view! {
        <ul class="legend">
            {move || {
                spec.with(|s| {
                    s.as_ref()
                        .map(|s| {
                            s.legend
                                .iter()
                                .map(|(name, color)| {
                                    view! {
                                        <li>
                                            <span class="swatch" style:background=swatch(*color)></span>
                                            {name.clone()}
                                        </li>
                                    }
                                })
                                .collect_view()
                        })
                })
            }}
            {move || {
                spec.with(|s| {
                    s.as_ref()
                        .map(|s| {
                            s.marks_legend
                                .iter()
                                .map(|(name, kind)| {
                                    let class = match kind {
                                        MarkKind::Dashed => "swatch dashed",
                                        MarkKind::Dot => "swatch dot",
                                    };
                                    view! {
                                        <li>
                                            <span class=class></span>
                                            {name.clone()}
                                        </li>
                                    }
                                })
                                .collect_view()
                        })
                })
            }}
        </ul>
    }
}

/// The chart's figures as a table (a card per row on a phone).
fn data_table(spec: Memo<Option<ChartSpec>>) -> impl IntoView {
    let rows = move |s: &ChartSpec| {
        s.table
            .rows
            .iter()
            .map(|r| {
                let mut cells = r.iter();
                let first = cells.next().cloned().unwrap_or_default();
                let rest = cells
                    .zip(s.table.columns.iter().skip(1))
                    .map(|(c, label)| {
                        view! { <td class="num" data-label=label.clone()>{c.clone()}</td> }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{first}</th>
                        {rest}
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <table class="data row-cards">
            {move || {
                spec.with(|s| {
                    s.as_ref().map(|s| {
                        let head = s
                            .table
                            .columns
                            .iter()
                            .map(|c| view! { <th scope="col">{c.clone()}</th> })
                            .collect_view();
                        view! {
                            <thead>
                                <tr>{head}</tr>
                            </thead>
                            <tbody>{rows(s)}</tbody>
                        }
                    })
                })
            }}
        </table>
    }
}

#[cfg(target_arch = "wasm32")]
fn draw_spec(
    el: &web_sys::HtmlCanvasElement,
    s: &ChartSpec,
    width: f64,
    height: f64,
    dpr: f64,
    palette: &Palette,
) {
    if let Err(e) = crate::chart::draw::draw(el, s, width, height, dpr, palette) {
        leptos::logging::warn!("chart {}: {e}", s.id.key());
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn draw_spec(_: &web_sys::HtmlCanvasElement, _: &ChartSpec, _: f64, _: f64, _: f64, _: &Palette) {}

/// A legend swatch's colour: the baseline's and the reference line's follow the theme (as the
/// canvas does, [`Palette::series`]).
fn swatch(c: Rgb) -> String {
    if c == SCENARIO_COLORS[0] {
        "var(--ccp-chart-baseline)".to_owned()
    } else if c == REFERENCE_COLOR {
        "var(--ccp-chart-reference)".to_owned()
    } else {
        c.css()
    }
}

/// The theme's chart colours, from the root element's custom properties.
fn page_palette() -> Palette {
    let style = document()
        .document_element()
        .and_then(|root| window().get_computed_style(&root).ok().flatten());
    Palette::from_properties(|name| {
        style
            .as_ref()
            .and_then(|s| s.get_property_value(name).ok())
            .unwrap_or_default()
    })
}

/// Feeds the width of `wrapper` into `width` whenever it changes (a ResizeObserver).
#[cfg(target_arch = "wasm32")]
fn watch_width(wrapper: NodeRef<html::Div>, width: RwSignal<f64>) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    Effect::new(move |_| {
        let Some(el) = wrapper.get() else { return };
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
                let w = entry.content_rect().width().floor();
                if (w - width.get_untracked()).abs() >= 1.0 {
                    width.set(w);
                }
            }
        });
        let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
            return;
        };
        observer.observe(&el);
        let kept = StoredValue::new_local((callback, observer));
        on_cleanup(move || kept.with_value(|(_, o)| o.disconnect()));
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn watch_width(_: NodeRef<html::Div>, _: RwSignal<f64>) {}
