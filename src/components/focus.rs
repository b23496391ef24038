//! Moving keyboard focus after the DOM changes (a new row, a moved row, the next tab).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves keyboard focus to the element with `id` once it exists (the DOM settles over a few
/// frames when a scroll renders new rows).
pub fn focus_later(id: String) {
    focus_within_frames(id, 5, false);
}

/// Like [`focus_later`], and selects the input's text so that typing replaces it (a new line's
/// default name).
pub fn focus_and_select_later(id: String) {
    focus_within_frames(id, 5, true);
}

fn focus_within_frames(id: String, frames: u8, select: bool) {
    request_animation_frame(move || {
        match document()
            .get_element_by_id(&id)
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            Some(el) => {
                let _ = el.focus();
                if select {
                    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
                        input.select();
                    }
                }
            }
            None if frames > 0 => focus_within_frames(id, frames - 1, select),
            None => {}
        }
    });
}
