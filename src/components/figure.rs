//! One figure as the page shows it, with the model's exact value in data attributes:
//! `data-scenario`, `data-metric`, `data-value` (empty when undefined) and `data-reason` (why it
//! is undefined), so tests and other tools read what the model computed, not the rounded text.

use leptos::prelude::*;

use crate::format;
use crate::model::{Column, Figure, Lang, Metric};

/// The attribute values for a figure: (value, reason).
pub fn data_value(f: Figure) -> (String, String) {
    match f {
        Figure::Value(v) => (v.normalize().to_string(), String::new()),
        Figure::Undefined(u) => (String::new(), u.key().to_owned()),
    }
}

/// A table cell showing `f`.
#[component]
pub fn FigureCell(
    column: Column,
    metric: Metric,
    figure: Figure,
    #[prop(into)] currency: String,
    lang: Lang,
    /// Extra content after the value (differences, marks).
    #[prop(optional)]
    children: Option<Children>,
    #[prop(optional, into)] class: String,
) -> impl IntoView {
    let (value, reason) = data_value(figure);
    let undefined = figure.value().is_none();
    view! {
        <td
            class=format!("figure {class}")
            class:undefined=undefined
            data-scenario=column.key()
            data-metric=metric.key()
            data-value=value
            data-reason=reason
        >
            <span class="value">{format::figure(metric, figure, &currency, lang)}</span>
            {children.map(|c| c())}
        </td>
    }
}
