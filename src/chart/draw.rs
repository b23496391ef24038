//! Draws a [`ChartSpec`] on a canvas with plotters-canvas.
//!
//! plotters draws at the canvas bitmap size, so the bitmap is the CSS size times
//! `devicePixelRatio` and every length here (fonts, strokes, margins) is scaled by it: charts
//! stay sharp on high-density screens. Label areas are sized from the labels themselves.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use super::spec::{
    estimate_text_width, ChartSpec, Marks, Palette, Rgb, FONT_PX, MARGIN_BOTTOM, MARGIN_RIGHT,
    MARGIN_TOP,
};

const FONT: &str = "system-ui, -apple-system, \"PingFang SC\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", sans-serif";

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// Shortens `text` to fit `width` pixels at `size`, with an ellipsis.
fn fit(text: &str, width: f64, size: f64) -> String {
    if estimate_text_width(text, size) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        let candidate = format!("{out}{c}…");
        if estimate_text_width(&candidate, size) > width {
            break;
        }
        out.push(c);
    }
    if out.is_empty() {
        text.chars().next().map(String::from).unwrap_or_default()
    } else {
        format!("{out}…")
    }
}

/// Draws `spec` on `canvas`, sized `css_width` × `css_height` CSS pixels at `dpr`, in the
/// colours of `palette` (the page's theme).
pub fn draw(
    canvas: &HtmlCanvasElement,
    spec: &ChartSpec,
    css_width: f64,
    css_height: f64,
    dpr: f64,
    palette: &Palette,
) -> Result<(), String> {
    let text_color = rgb(palette.text);
    let muted = rgb(palette.muted);
    let grid = rgb(palette.grid);
    let axis = rgb(palette.axis);
    let background = rgb(palette.background);
    let series = |c: Rgb| rgb(palette.series(c));
    let dpr = if dpr.is_finite() && dpr > 0.0 {
        dpr.min(4.0)
    } else {
        1.0
    };
    let width = (css_width.max(120.0) * dpr).round() as u32;
    let height = (css_height.max(120.0) * dpr).round() as u32;
    canvas.set_width(width);
    canvas.set_height(height);
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no 2d context")?;
    let root = backend.into_drawing_area();
    let e = |err: DrawingAreaErrorKind<_>| format!("{err:?}");
    root.fill(&background).map_err(e)?;

    let s = |css: f64| css * dpr;
    let font_px = FONT_PX;
    let font = (FONT, s(font_px)).into_font();
    let left = spec.margin_left();
    let (bottom, top, right) = (MARGIN_BOTTOM, MARGIN_TOP, MARGIN_RIGHT);

    let mut chart = ChartBuilder::on(&root)
        .margin_top(s(top) as u32)
        .margin_right(s(right) as u32)
        .margin_left(s(left) as u32)
        .margin_bottom(s(bottom) as u32)
        .build_cartesian_2d(spec.x.min..spec.x.max, spec.y.min..spec.y.max)
        .map_err(e)?;
    let area = chart.plotting_area().clone();
    let map = |x: f64, y: f64| area.map_coordinate(&(x, y));

    // Horizontal grid and y labels.
    let y_label_style = font
        .clone()
        .color(&muted)
        .pos(Pos::new(HPos::Right, VPos::Center));
    for tick in &spec.y.ticks {
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(spec.x.min, tick.value), (spec.x.max, tick.value)],
                grid.stroke_width(s(1.0).max(1.0) as u32),
            )))
            .map_err(e)?;
        let (px, py) = map(spec.x.min, tick.value);
        root.draw_text(&tick.label, &y_label_style, (px - s(6.0) as i32, py))
            .map_err(e)?;
    }

    // X labels, fitted to the space each one has.
    let x_label_style = font
        .clone()
        .color(&text_color)
        .pos(Pos::new(HPos::Center, VPos::Top));
    let slot = {
        let (a, _) = map(spec.x.min, spec.y.min);
        let (b, _) = map(spec.x.max, spec.y.min);
        let n = spec.x.ticks.len().max(1) as f64;
        f64::from(b - a) / dpr / n
    };
    for tick in &spec.x.ticks {
        let (px, py) = map(tick.value, spec.y.min);
        let label = match spec.marks {
            Marks::Bars(_) => fit(&tick.label, slot - 4.0, font_px),
            Marks::Lines(_) => tick.label.clone(),
        };
        root.draw_text(&label, &x_label_style, (px, py + s(6.0) as i32))
            .map_err(e)?;
    }

    // The x axis (at zero when zero is inside the range).
    let axis_y = if spec.y.min < 0.0 && spec.y.max > 0.0 {
        0.0
    } else {
        spec.y.min
    };
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(spec.x.min, axis_y), (spec.x.max, axis_y)],
            axis.stroke_width(s(1.0).max(1.0) as u32),
        )))
        .map_err(e)?;

    match &spec.marks {
        Marks::Bars(bars) => {
            let note_style = font
                .clone()
                .color(&text_color)
                .pos(Pos::new(HPos::Center, VPos::Bottom));
            for (i, bar) in bars.iter().enumerate() {
                let x0 = i as f64 + 0.18;
                let x1 = i as f64 + 0.82;
                let (mut up, mut down) = (0.0, 0.0);
                for (value, color) in &bar.segments {
                    let (y0, y1) = if *value >= 0.0 {
                        let r = (up, up + value);
                        up += value;
                        r
                    } else {
                        let r = (down + value, down);
                        down += value;
                        r
                    };
                    chart
                        .draw_series(std::iter::once(Rectangle::new(
                            [(x0, y0), (x1, y1)],
                            series(*color).filled(),
                        )))
                        .map_err(e)?;
                }
                let (px, py) = map(i as f64 + 0.5, up.max(0.0));
                let note = fit(&bar.note, slot + 8.0, font_px * 0.92);
                root.draw_text(&note, &note_style, (px, py - s(4.0) as i32))
                    .map_err(e)?;
            }
        }
        Marks::Lines(lines) => {
            for line in lines {
                let color = series(line.color);
                chart
                    .draw_series(LineSeries::new(
                        line.points.iter().copied(),
                        color.stroke_width(s(2.0).round().max(1.0) as u32),
                    ))
                    .map_err(e)?;
            }
        }
    }

    // The reference line's label is in the legend, where it cannot cover a bar or a line.
    if let Some((value, _)) = &spec.reference {
        if *value >= spec.y.min && *value <= spec.y.max {
            chart
                .draw_series(DashedLineSeries::new(
                    vec![(spec.x.min, *value), (spec.x.max, *value)],
                    s(6.0) as u32,
                    s(4.0) as u32,
                    rgb(palette.reference).stroke_width(s(1.5).max(1.0) as u32),
                ))
                .map_err(e)?;
        }
    }
    // Break-even marks last, over the dashed line: on it, stacked upwards when months coincide.
    if let Marks::Lines(lines) = &spec.marks {
        for line in lines {
            let Some((x, y)) = line.marker else { continue };
            let (px, py) = map(x, y);
            let at = (px, py - s(11.0 * line.marker_stack as f64) as i32);
            root.draw(&Circle::new(at, s(5.0) as u32, series(line.color).filled()))
                .map_err(e)?;
            root.draw(&Circle::new(
                at,
                s(5.0) as u32,
                background.stroke_width(s(1.5).max(1.0) as u32),
            ))
            .map_err(e)?;
        }
    }
    root.present().map_err(e)?;
    Ok(())
}
