//! Moving keyboard focus after the DOM changes (a new row, a moved row, the next tab).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves keyboard focus to the element with `id` once it exists (the DOM settles over a few
/// frames when a scroll renders new rows).
pub fn focus_later(id: String) {
    focus_within_frames(id, 5);
}

fn focus_within_frames(id: String, frames: u8) {
    request_animation_frame(move || {
        match document()
            .get_element_by_id(&id)
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            Some(el) => {
                let _ = el.focus();
            }
            None if frames > 0 => focus_within_frames(id, frames - 1),
            None => {}
        }
    });
}
