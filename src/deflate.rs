//! Share links in the browser: the plan compressed with the platform's
//! `CompressionStream("deflate-raw")` (and read back with `DecompressionStream`), instead of a
//! compressor shipped in the wasm. The format is the same raw deflate `ccp` and the native tests
//! write with miniz_oxide, so links made either way open either way.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::exchange::json::ReadPlan;
use crate::exchange::link::{self, LinkError};
use crate::model::Plan;

#[wasm_bindgen(inline_js = r#"
export function deflateRaw(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Response(stream).arrayBuffer().then((b) => new Uint8Array(b));
}
// Stops reading once the output passes `limit` bytes (a decompression bomb): resolves to null.
export async function inflateRaw(bytes, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const parts = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = deflateRaw, catch)]
    fn deflate_raw(bytes: &[u8]) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = inflateRaw, catch)]
    fn inflate_raw(bytes: &[u8], limit: u32) -> Result<js_sys::Promise, JsValue>;
}

/// The fragment (without `#`) that carries `plan`. A browser without CompressionStream gets
/// [`LinkError::BadCompression`].
pub async fn encode(plan: &Plan) -> Result<String, LinkError> {
    let promise = deflate_raw(&link::plan_bytes(plan)).map_err(|_| LinkError::BadCompression)?;
    let packed = JsFuture::from(promise)
        .await
        .map_err(|_| LinkError::BadCompression)?;
    link::fragment_from_packed(&js_sys::Uint8Array::new(&packed).to_vec())
}

/// Reads the plan from a fragment (with or without the leading `#`).
pub async fn decode(fragment: &str) -> Result<ReadPlan, LinkError> {
    let packed = link::packed_from_fragment(fragment)?;
    let limit = u32::try_from(link::MAX_INFLATED).unwrap_or(u32::MAX);
    let inflated = match inflate_raw(&packed, limit) {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .filter(|v| !v.is_null())
            .map(|v| js_sys::Uint8Array::new(&v).to_vec()),
        Err(_) => None,
    };
    link::read_inflated(inflated)
}
