//! Reading a file the user picked (imports). Browser-only glue; what the text means is decided
//! by `crate::exchange`.

use wasm_bindgen::JsCast;

/// Why a picked file was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    TooLarge,
    Unreadable,
}

/// Reads the first file chosen in `input` as text, then calls `done`. Files over `max_bytes`
/// are refused before reading. The input is cleared so picking the same file again works.
pub fn read_chosen(
    input: &web_sys::HtmlInputElement,
    max_bytes: usize,
    done: impl FnOnce(Result<String, ReadError>) + 'static,
) {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    input.set_value("");
    if file.size() > max_bytes as f64 {
        done(Err(ReadError::TooLarge));
        return;
    }
    let promise = file.text();
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::JsString>().ok())
            .map(String::from);
        done(text.ok_or(ReadError::Unreadable));
    });
}
