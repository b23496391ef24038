//! The colour theme. boot.js puts it on the root element (`data-theme`) before the first paint:
//! an embed's or a link's `theme` option, else the visitor's choice, else the system's setting
//! (followed while there is no choice). Here: the header's toggle, which changes the theme and
//! remembers the choice, and a signal that follows the root's theme whatever changed it, so the
//! charts are drawn in the theme's colours.

use leptos::prelude::*;

use crate::storage;

/// Whether the page is dark, followed (provided by [`provide`]).
#[derive(Clone, Copy)]
struct Dark(Memo<bool>);

fn root() -> Option<web_sys::Element> {
    document().document_element()
}

/// Follows the root element's `data-theme` (the toggle, the system's setting through boot.js
/// and an embed's `theme=auto` all change it there) and provides it to [`dark`].
pub fn provide() {
    let theme = crate::effects::use_root_attribute("data-theme");
    let dark = Memo::new(move |_| theme.with(|t| t.as_deref() == Some("dark")));
    provide_context(Dark(dark));
}

/// Whether the page is dark (always light where [`provide`] was not called).
pub fn dark() -> Signal<bool> {
    use_context::<Dark>().map_or_else(|| Signal::stored(false), |d| d.0.into())
}

/// The toggle's choice: the page takes it at once and the next visit starts with it.
pub fn choose(dark: bool) {
    let theme = if dark { "dark" } else { "light" };
    if let Some(r) = root() {
        let _ = r.set_attribute("data-theme", theme);
    }
    storage::remember_theme(theme);
}
