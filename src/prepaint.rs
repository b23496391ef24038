//! The first screen as plain markup, painted before any WebAssembly has arrived: the header,
//! the example banner, the headline figures of every scenario, the month-grid line and the
//! tabs, laid out with the live page's own elements and classes so that the take-over changes
//! nothing the eye or the browser's layout-shift and largest-paint measures can see.
//!
//! One writer, two forms. At build time `ccp prepaint` writes the example plan's first screen
//! as HTML into `index.html` (in both languages; `boot.js` shows the one the app will choose).
//! In the browser the app keeps a snapshot of its own first screen (this same tree, as JSON,
//! bounded) beside the workspace, and `boot.js` paints it for a returning visitor. The snapshot
//! is only ever painted, never read as data: `boot.js` builds it with `createElement` and
//! `textContent` from a fixed list of tags and attributes.
//!
//! Pure code (no browser APIs): the figures come from the model and are formatted exactly as
//! the live page formats them (`crate::format`, `crate::i18n`), with the same `data-value`s.
//! `e2e/tests/prepaint.spec.mjs` compares the painted screen with the live one box by box.

use crate::i18n::Describe;
use std::cmp::Ordering;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::format;
use crate::i18n::{self, texts};
use crate::model::{delta, judge, Column, Comparison, Example, Figure, Lang, Metric, Plan};

/// An element or a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Element {
        tag: &'static str,
        attrs: Vec<(&'static str, String)>,
        children: Vec<Node>,
    },
    Text(String),
}

/// An element with no attributes or children yet.
pub fn el(tag: &'static str) -> Node {
    Node::Element {
        tag,
        attrs: Vec::new(),
        children: Vec::new(),
    }
}

/// A text node.
pub fn text(t: impl Into<String>) -> Node {
    Node::Text(t.into())
}

impl Node {
    /// With an attribute.
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Node {
        if let Node::Element { attrs, .. } = &mut self {
            attrs.push((name, value.into()));
        }
        self
    }

    /// With a child.
    pub fn child(mut self, node: Node) -> Node {
        if let Node::Element { children, .. } = &mut self {
            children.push(node);
        }
        self
    }

    /// With children.
    pub fn children(mut self, nodes: impl IntoIterator<Item = Node>) -> Node {
        if let Node::Element { children, .. } = &mut self {
            children.extend(nodes);
        }
        self
    }

    /// With a text child.
    pub fn text(self, t: impl Into<String>) -> Node {
        self.child(text(t))
    }
}

/// Elements with no end tag.
const VOID: [&str; 2] = ["input", "br"];

fn escape(s: &str, out: &mut String, in_attr: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attr => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// The tree as HTML, every text and attribute value escaped.
///
/// ```
/// use customer_cost_planner::prepaint::{el, to_html};
/// let p = el("p").attr("class", "a\"b").text("1 < 2 & 3");
/// assert_eq!(to_html(&[p]), "<p class=\"a&quot;b\">1 &lt; 2 &amp; 3</p>");
/// ```
pub fn to_html(nodes: &[Node]) -> String {
    let mut out = String::new();
    for n in nodes {
        write_html(n, &mut out);
    }
    out
}

fn write_html(node: &Node, out: &mut String) {
    match node {
        Node::Text(t) => escape(t, out, false),
        Node::Element {
            tag,
            attrs,
            children,
        } => {
            out.push('<');
            out.push_str(tag);
            for (name, value) in attrs {
                out.push(' ');
                out.push_str(name);
                out.push_str("=\"");
                escape(value, out, true);
                out.push('"');
            }
            out.push('>');
            if VOID.contains(tag) {
                return;
            }
            for c in children {
                write_html(c, out);
            }
            out.push_str("</");
            out.push_str(tag);
            out.push('>');
        }
    }
}

/// JSON: a text is a string; an element is `[tag, {attributes}, child, …]`.
impl Serialize for Node {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Text(t) => s.serialize_str(t),
            Node::Element {
                tag,
                attrs,
                children,
            } => {
                struct Attrs<'a>(&'a [(&'static str, String)]);
                impl Serialize for Attrs<'_> {
                    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                        let mut m = s.serialize_map(Some(self.0.len()))?;
                        for (k, v) in self.0 {
                            m.serialize_entry(k, v)?;
                        }
                        m.end()
                    }
                }
                let mut seq = s.serialize_seq(Some(2 + children.len()))?;
                seq.serialize_element(tag)?;
                seq.serialize_element(&Attrs(attrs))?;
                for c in children {
                    seq.serialize_element(c)?;
                }
                seq.end()
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Figures, as the live page shows them (components::figure uses these too).

/// The attribute values for a figure: (value, reason).
pub fn data_value(f: Figure) -> (String, String) {
    match f {
        Figure::Value(v) => (v.normalize().to_string(), String::new()),
        Figure::Undefined(u) => (String::new(), u.key().to_owned()),
    }
}

/// The class and the word for a verdict: better or worse is carried by colour and words.
pub fn verdict_mark(o: Ordering, lang: Lang) -> (&'static str, &'static str) {
    let t = texts(lang);
    match o {
        Ordering::Greater => ("better", t.better),
        Ordering::Less => ("worse", t.worse),
        Ordering::Equal => ("same", t.same),
    }
}

/// The arrow for a difference: it follows the number (▲ up, ▼ down), whether that is good or not.
pub fn direction_mark(abs: rust_decimal::Decimal) -> &'static str {
    if abs.is_sign_positive() && !abs.is_zero() {
        "▲"
    } else if abs.is_zero() {
        "＝"
    } else {
        "▼"
    }
}

/// What a figure's difference from the baseline shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffParts {
    pub delta: String,
    pub pct: String,
    pub arrow: &'static str,
    pub text: String,
    pub word: &'static str,
}

/// The difference of `f` from the baseline's `base`, as the page prints it.
pub fn diff_parts(
    metric: Metric,
    base: Figure,
    f: Figure,
    currency: &str,
    lang: Lang,
) -> DiffParts {
    let d = delta(base, f);
    let word = judge(metric, base, f).map(|o| verdict_mark(o, lang).1);
    let abs = d.abs.map(|a| format::delta(metric, a, currency, lang));
    let pct = d.pct.map(format::signed_pct);
    let text = match (abs, pct) {
        (Some(a), Some(p)) => format!("{a} ({p})"),
        (Some(a), None) => a,
        _ => "—".to_owned(),
    };
    DiffParts {
        delta: d.abs.map(|a| a.normalize().to_string()).unwrap_or_default(),
        pct: d.pct.map(|p| p.normalize().to_string()).unwrap_or_default(),
        arrow: d.abs.map_or("", direction_mark),
        text,
        word: word.unwrap_or(""),
    }
}

/// The class of a figure's cell: `figure` and the verdict's tone.
pub fn figure_class(metric: Metric, base: Option<Figure>, f: Figure, lang: Lang) -> String {
    let tone = base
        .and_then(|b| judge(metric, b, f))
        .map_or("", |o| verdict_mark(o, lang).0);
    format!("figure {tone}")
}

// ---------------------------------------------------------------------------------------------
// The first screen.

/// The paths of the icons buttons use (components::icon draws the same).
pub mod icons {
    pub const UNDO: &str = "M9 14L4 9l5-5M4 9h11a5 5 0 010 10h-3";
    pub const REDO: &str = "M15 14l5-5-5-5M20 9H9a5 5 0 000 10h3";
    pub const MOON: &str = "M21 12.8A9 9 0 1111.2 3a7 7 0 009.8 9.8z";
    /// The mark beside the app's name.
    pub const LOGO: &str = "M7 23V13h4v10zm7 0V8h4v15zm7 0v-6h4v6z";
}

/// What the first screen shows.
pub struct Screen<'a> {
    pub lang: Lang,
    /// Every plan's name, in order, and which one is open.
    pub plans: Vec<&'a str>,
    pub selected: usize,
    /// The open plan, its comparison, and whether it is one of the examples.
    pub plan: &'a Plan,
    pub comparison: &'a Comparison,
    pub example: bool,
}

fn svg_icon(path: &str) -> Node {
    el("svg")
        .attr("class", "icon")
        .attr("viewBox", "0 0 24 24")
        .attr("aria-hidden", "true")
        .attr("focusable", "false")
        .child(el("path").attr("d", path))
}

fn button(class: &str, label: impl Into<String>) -> Node {
    el("button")
        .attr("type", "button")
        .attr("class", class)
        .text(label)
}

/// The header: the app's name, the plan picker, the menus and buttons, the save status (here
/// a quiet loading mark: nothing can be changed until the app has taken over).
fn topbar(s: &Screen) -> Node {
    let t = texts(s.lang);
    let options = s.plans.iter().enumerate().map(|(i, name)| {
        let o = el("option").text(*name);
        if i == s.selected {
            o.attr("selected", "")
        } else {
            o
        }
    });
    let lang_options = [("zh-CN", "中文"), ("en", "English")].map(|(tag, name)| {
        let o = el("option").attr("value", tag).text(name);
        if tag == s.lang.tag() {
            o.attr("selected", "")
        } else {
            o
        }
    });
    let menu = |label: &str| {
        el("details")
            .attr("class", "menu")
            .child(el("summary").attr("class", "button").text(label))
    };
    el("header").attr("class", "topbar").children([
        el("div").attr("class", "brand").children([
            el("svg")
                .attr("class", "logo")
                .attr("viewBox", "0 0 32 32")
                .attr("aria-hidden", "true")
                .children([
                    el("rect")
                        .attr("width", "32")
                        .attr("height", "32")
                        .attr("rx", "7"),
                    el("path").attr("d", icons::LOGO),
                ]),
            el("div").children([
                el("h1").text(t.app_title),
                el("p").attr("class", "tagline").text(t.app_tagline),
            ]),
        ]),
        el("div").attr("class", "toolbar").children([
            el("div")
                .attr("class", "plan-picker")
                .children([el("label").text(t.plan), el("select").children(options)]),
            menu(t.new_plan),
            menu(t.file),
            button("button", t.duplicate),
            button("button danger", t.delete),
            el("span")
                .attr("class", "divider")
                .attr("aria-hidden", "true"),
            button("button icon", "")
                .attr("disabled", "")
                .attr("aria-label", t.undo)
                .child(svg_icon(icons::UNDO)),
            button("button icon", "")
                .attr("disabled", "")
                .attr("aria-label", t.redo)
                .child(svg_icon(icons::REDO)),
            el("span")
                .attr("class", "divider")
                .attr("aria-hidden", "true"),
            button("button icon", "")
                .attr("aria-label", t.dark_theme)
                .attr("aria-pressed", "false")
                .child(svg_icon(icons::MOON)),
            el("div").attr("class", "lang-picker").child(
                el("select")
                    .attr("aria-label", t.language)
                    .children(lang_options),
            ),
            el("span").attr("class", "save-slot").children([
                el("span")
                    .attr("class", "save-sizer")
                    .attr("aria-hidden", "true")
                    .text(t.saved),
                el("span")
                    .attr("class", "save-status loading")
                    .attr("role", "status")
                    .text(t.part_loading),
            ]),
        ]),
    ])
}

fn example_banner(lang: Lang) -> Node {
    let t = texts(lang);
    el("aside").attr("class", "example-banner").children([
        el("span").attr("class", "badge").text(t.example),
        el("p").text(i18n::example_banner(Example::Starter, false, lang)),
        button("button primary", t.start_blank),
    ])
}

/// A metric's name in a table header, with its definition (as `MetricTerm`).
fn term(metric: Metric, lang: Lang) -> Node {
    el("span").attr("class", "term").children([
        el("button")
            .attr("type", "button")
            .attr("class", "term-button")
            .attr("data-definition", metric.key())
            .attr("aria-expanded", "false")
            .text(i18n::metric(metric, lang)),
        el("span")
            .attr("role", "tooltip")
            .attr("class", "term-tip")
            .attr("popover", "manual")
            .child(
                el("span")
                    .attr("class", "definition")
                    .text(i18n::metric_definition(metric, lang)),
            ),
    ])
}

/// One figure's cell (as `LiveFigure` with the difference from the baseline).
fn figure_cell(s: &Screen, column: Column, metric: Metric) -> Node {
    let lang = s.lang;
    let currency = &s.plan.currency;
    let of = |c: Column| {
        s.comparison
            .get(c)
            .and_then(|r| r.as_ref().ok())
            .map(|e| metric.of(&e.metrics))
    };
    let Some(f) = of(column) else {
        return el("td");
    };
    let base = match column {
        Column::Scenario(_) => of(Column::Baseline),
        Column::Baseline => None,
    };
    let (value, reason) = data_value(f);
    let mut class = figure_class(metric, base, f, lang);
    if matches!(f, Figure::Undefined(_)) {
        class.push_str(" undefined");
    }
    let mut cell = el("td")
        .attr("class", class)
        .attr("data-scenario", column.key())
        .attr("data-metric", metric.key())
        .attr("data-value", value)
        .attr("data-reason", reason)
        .attr("data-label", i18n::metric(metric, lang))
        .child(
            el("span")
                .attr("class", "value")
                .text(format::figure(metric, f, currency, lang)),
        );
    if let Some(b) = base {
        let p = diff_parts(metric, b, f, currency, lang);
        cell = cell.child(
            el("span")
                .attr("class", "delta")
                .attr("data-delta", p.delta)
                .attr("data-delta-pct", p.pct)
                .children([
                    el("span")
                        .attr("class", "trend")
                        .attr("aria-hidden", "true")
                        .text(p.arrow),
                    el("span").attr("class", "change").text(p.text),
                    el("span").attr("class", "verdict").text(p.word),
                ]),
        );
    }
    cell
}

/// The headline card (as `Headline`: the phone picker shows the first scenario).
fn headline(s: &Screen) -> Node {
    let t = texts(s.lang);
    let columns: Vec<Column> = std::iter::once(Column::Baseline)
        .chain(s.plan.scenarios.iter().map(|sc| Column::Scenario(sc.id)))
        .collect();
    let first_scenario = columns.get(1).copied();
    let mut card = el("section").attr("class", "card headline").children([
        el("div").attr("class", "section-head").children([
            el("h2").text(t.headline_title),
            el("p")
                .attr("class", "muted")
                .text(i18n::horizon_and_currency(
                    s.plan.horizon_months,
                    &s.plan.currency,
                    s.lang,
                )),
        ]),
        el("p")
            .attr("class", "muted small no-print")
            .text(t.headline_help),
    ]);
    if columns.len() > 2 {
        let options = columns[1..].iter().map(|c| {
            let o = el("option")
                .attr("value", c.key())
                .text(i18n::column_name(*c, s.plan, s.lang));
            if Some(*c) == first_scenario {
                o.attr("selected", "")
            } else {
                o
            }
        });
        card = card.child(
            el("div")
                .attr("class", "phone-only headline-pick")
                .children([
                    el("label").text(t.compare_with),
                    el("select").children(options),
                ]),
        );
    }
    let head = el("tr")
        .child(el("th").attr("scope", "col").text(t.scenario))
        .children(
            Metric::HEADLINE
                .into_iter()
                .map(|m| el("th").attr("scope", "col").child(term(m, s.lang))),
        );
    let rows = columns.iter().map(|&c| {
        let mut class = Vec::new();
        if c == Column::Baseline {
            class.push("baseline");
        }
        if Some(c) == first_scenario {
            class.push("picked");
        }
        let row = el("tr").attr("class", class.join(" ")).child(
            el("th")
                .attr("scope", "row")
                .text(i18n::column_name(c, s.plan, s.lang)),
        );
        match s.comparison.get(c) {
            Some(Err(e)) => row.child(
                el("td")
                    .attr("class", "error")
                    .attr("colspan", Metric::HEADLINE.len().to_string())
                    .attr("data-scenario", c.key())
                    .attr("data-error", "true")
                    .text(format!("{}: {}", t.model_error, e.message(s.lang))),
            ),
            _ => row.children(Metric::HEADLINE.into_iter().map(|m| figure_cell(s, c, m))),
        }
    });
    card.child(
        el("div")
            .attr("class", "table-scroll")
            .attr("role", "region")
            .attr("aria-label", t.headline_title)
            .child(
                el("table")
                    .attr("class", "data headline-table")
                    .attr("data-testid", "prepaint-headline")
                    .children([
                        el("caption")
                            .attr("class", "visually-hidden")
                            .text(t.headline_title),
                        el("thead").child(head),
                        el("tbody").children(rows),
                    ]),
            ),
    )
}

/// The tabs, the budget tab open.
fn tabs(lang: Lang) -> Node {
    let t = texts(lang);
    let labels = [
        t.tab_budget,
        t.tab_scenarios,
        t.tab_compare,
        t.tab_charts,
        i18n::answer_texts(lang).tab,
    ];
    el("nav")
        .attr("class", "tabs")
        .attr("role", "tablist")
        .attr("aria-label", t.app_title)
        .children(
            labels
                .into_iter()
                .zip(t.tabs_short)
                .enumerate()
                .map(|(i, (label, short))| {
                    el("button")
                        .attr("type", "button")
                        .attr("role", "tab")
                        .attr("aria-selected", (i == 0).to_string())
                        .attr("class", if i == 0 { "tab active" } else { "tab" })
                        .children([
                            el("span").attr("class", "tab-long").text(label),
                            el("span").attr("class", "tab-short").text(short),
                        ])
                }),
        )
}

/// The first screen, as the live page lays it out at start (`app::App`): the header, then in
/// the page the example banner, the headline, the month-grid line and the tabs.
pub fn first_screen(s: &Screen) -> Vec<Node> {
    let t = texts(s.lang);
    let mut page = el("main").attr("class", "page");
    if s.example {
        page = page.child(example_banner(s.lang));
    }
    page = page.children([
        headline(s),
        el("details").attr("class", "card calc-grid").children([
            el("summary").text(t.calc_title),
            el("p").attr("class", "muted small").text(t.calc_help),
        ]),
        tabs(s.lang),
        el("div").attr("class", "tab-placeholder"),
    ]);
    vec![topbar(s), el("div").attr("class", "notices"), page]
}

/// The first screen of a first visit: the starter example in `lang`, as `ccp prepaint` writes
/// it into `index.html`.
pub fn first_visit(lang: Lang) -> Vec<Node> {
    let ws = crate::state::Workspace::first_visit(lang);
    let plan = ws.current_plan().cloned().unwrap_or_default();
    let comparison = crate::model::compare(&plan);
    let plans: Vec<&str> = ws.plans.iter().map(|p| p.plan.name.as_str()).collect();
    first_screen(&Screen {
        lang,
        plans,
        selected: 0,
        plan: &plan,
        comparison: &comparison,
        example: true,
    })
}

/// Most characters of a snapshot's JSON: a larger first screen (many scenarios, long names)
/// is not kept, and the next visit shows a placeholder of the page instead.
pub const SNAPSHOT_CHARS_MAX: usize = 96_000;

/// The snapshot `boot.js` paints for a returning visitor: `{"v":1,"lang":…,"tree":[…]}`, or
/// `None` when it would be larger than [`SNAPSHOT_CHARS_MAX`].
pub fn snapshot_json(s: &Screen) -> Option<String> {
    #[derive(Serialize)]
    struct Snapshot<'a> {
        v: u32,
        lang: &'static str,
        tree: &'a [Node],
    }
    let tree = first_screen(s);
    let json = serde_json::to_string(&Snapshot {
        v: 1,
        lang: s.lang.tag(),
        tree: &tree,
    })
    .ok()?;
    (json.len() <= SNAPSHOT_CHARS_MAX).then_some(json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Example;

    #[test]
    fn the_first_visit_carries_every_headline_figure_the_model_computes() {
        for lang in Lang::ALL {
            let html = to_html(&first_visit(lang));
            let plan = Example::Starter.plan(lang);
            let comparison = crate::model::compare(&plan);
            for c in std::iter::once(Column::Baseline)
                .chain(plan.scenarios.iter().map(|s| Column::Scenario(s.id)))
            {
                let metrics = &comparison
                    .get(c)
                    .and_then(|r| r.as_ref().ok())
                    .expect("computed")
                    .metrics;
                for m in Metric::HEADLINE {
                    let (value, _) = data_value(m.of(metrics));
                    let needle = format!(
                        "data-scenario=\"{}\" data-metric=\"{}\" data-value=\"{}\"",
                        c.key(),
                        m.key(),
                        value
                    );
                    assert!(html.contains(&needle), "{lang:?}: {needle}");
                }
            }
            assert!(html.contains(texts(lang).headline_help));
            assert!(!html.contains("<script"), "only markup");
        }
    }

    #[test]
    fn text_and_attributes_are_escaped_in_html_and_kept_as_text_in_json() {
        let mut plan = Example::Starter.plan(Lang::En);
        plan.name = "<img src=x onerror=alert(1)>\"&".into();
        let comparison = crate::model::compare(&plan);
        let screen = Screen {
            lang: Lang::En,
            plans: vec![plan.name.as_str()],
            selected: 0,
            plan: &plan,
            comparison: &comparison,
            example: false,
        };
        let html = to_html(&first_screen(&screen));
        assert!(!html.contains("<img"));
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;&quot;&amp;")
                || html.contains("&lt;img src=x onerror=alert(1)&gt;\"&amp;")
        );
        let json = snapshot_json(&screen).expect("small");
        let v: serde_json::Value = serde_json::from_str(&json).expect("json");
        assert_eq!(v["v"], 1);
        assert!(json.contains("\\u003cimg") || json.contains("<img src=x onerror=alert(1)>"));
    }

    #[test]
    fn a_snapshot_too_large_is_not_kept() {
        let mut plan = Example::Starter.plan(Lang::En);
        for i in 0..45 {
            let mut s = plan.scenarios[0].clone();
            s.id = crate::model::ScenarioId(100 + i);
            s.name = "x".repeat(200);
            plan.scenarios.push(s);
        }
        let comparison = crate::model::compare(&plan);
        let screen = Screen {
            lang: Lang::En,
            plans: vec!["p"],
            selected: 0,
            plan: &plan,
            comparison: &comparison,
            example: false,
        };
        assert_eq!(snapshot_json(&screen), None);
    }
}
