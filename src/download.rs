//! Offers text or bytes to the user as a downloaded file (exports, backups, chart images).

use wasm_bindgen::JsCast;

/// Starts a download of `contents` named `filename`. Does nothing outside a browser.
pub fn text_file(filename: &str, mime: &str, contents: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    blob(filename, mime, &parts);
}

/// Starts a download of an existing URL (a `data:` URL from a canvas).
pub fn url(filename: &str, href: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(a) = document.create_element("a") else {
        return;
    };
    let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    a.set_href(href);
    a.set_download(filename);
    a.set_attribute("hidden", "").ok();
    if let Some(body) = document.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
}

fn blob(filename: &str, mime: &str, parts: &js_sys::Array) {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(parts, &options) else {
        return;
    };
    let Ok(href) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    url(filename, &href);
    // Some Safari versions start the download after `click()` returns: revoking the URL at
    // once would cancel it. A minute later it is long done.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        if web_sys::Url::revoke_object_url(&href).is_err() {
            leptos::logging::warn!("could not release a download URL");
        }
    });
    if let Some(window) = web_sys::window() {
        if window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                revoke.unchecked_ref(),
                REVOKE_AFTER_MS,
            )
            .is_err()
        {
            leptos::logging::warn!("could not schedule releasing a download URL");
        }
    }
}

/// How long a download's object URL is kept.
const REVOKE_AFTER_MS: i32 = 60_000;
