//! Small inline SVG icons, so buttons look the same whatever fonts the device has.

use leptos::prelude::*;

/// The icons buttons use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    Copy,
    Up,
    Down,
    Remove,
    Undo,
    Redo,
    Moon,
}

impl Icon {
    fn path(self) -> &'static str {
        match self {
            Icon::Copy => "M9 9h10v10H9zM5 15V5h10",
            Icon::Up => "M12 19V5M6 11l6-6 6 6",
            Icon::Down => "M12 5v14M6 13l6 6 6-6",
            Icon::Remove => "M6 6l12 12M18 6L6 18",
            Icon::Undo => crate::prepaint::icons::UNDO,
            Icon::Redo => crate::prepaint::icons::REDO,
            Icon::Moon => crate::prepaint::icons::MOON,
        }
    }
}

/// An icon, hidden from assistive technology (the button carries the name).
pub fn icon(which: Icon) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=which.path()></path>
        </svg>
    }
}
