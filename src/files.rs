//! Reading a file the user picked (imports). Browser-only glue; what the text means is decided
//! by `crate::exchange`.

use crate::exchange::encoding::{decode, NotDecoded};

/// Why a picked file was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    TooLarge,
    Unreadable,
    /// Neither UTF-8, UTF-16 nor GB18030.
    Encoding,
}

/// Reads the first file chosen in `input` as text, then calls `done`. Files over `max_bytes`
/// are refused before reading. The input is cleared so picking the same file again works.
/// UTF-8 and UTF-16 are decoded by `exchange::encoding`; anything else (Excel's CSV on Chinese
/// Windows) by the browser's GB18030 decoder.
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
    let promise = file.array_buffer();
    leptos::task::spawn_local(async move {
        let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            done(Err(ReadError::Unreadable));
            return;
        };
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        done(decode_text(&bytes).ok_or(ReadError::Encoding));
    });
}

/// Text from bytes: UTF-8 or UTF-16 (`exchange::encoding`), else GB18030 through the
/// browser's decoder; `None` when it is none of these.
pub fn decode_text(bytes: &[u8]) -> Option<String> {
    match decode(bytes) {
        Ok(text) => Some(text),
        Err(NotDecoded::BadUtf16) => None,
        Err(NotDecoded::TryGb18030) => gb18030(bytes),
    }
}

/// GB18030 (and so GBK and GB2312) through the platform's decoder; `None` when the bytes are
/// not valid GB18030 either.
fn gb18030(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    web_sys::TextDecoder::new_with_label_and_options("gb18030", &options)
        .ok()?
        .decode_with_u8_array(bytes)
        .ok()
}
