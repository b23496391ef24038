//! Which text encoding a file the user picked is in. Excel and WPS on Chinese Windows save CSV in
//! GBK/GB18030 unless told otherwise; other tools write UTF-8 (with or without a byte-order mark)
//! or UTF-16 with one. UTF-8 and UTF-16 are decoded here; anything else is handed to the
//! platform's GB18030 decoder (the browser's `TextDecoder`), so no encoding tables ship in the
//! wasm.

/// Why the bytes were not decoded here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotDecoded {
    /// Not UTF-8 and no UTF-16 byte-order mark: most likely GB18030 (GBK is a subset of it).
    TryGb18030,
    /// A UTF-16 byte-order mark, but the rest is not valid UTF-16.
    BadUtf16,
}

const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// Decodes UTF-8 (a byte-order mark is dropped) and UTF-16 with a byte-order mark.
///
/// ```
/// use customer_cost_planner::exchange::encoding::{decode, NotDecoded};
/// assert_eq!(decode(b"\xEF\xBB\xBFname").as_deref(), Ok("name"));
/// assert_eq!(decode(b"\xFF\xFEn\0a\0").as_deref(), Ok("na"));
/// // 名称 in GBK.
/// assert_eq!(decode(b"\xC3\xFB\xB3\xC6"), Err(NotDecoded::TryGb18030));
/// ```
pub fn decode(bytes: &[u8]) -> Result<String, NotDecoded> {
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return std::str::from_utf8(rest)
            .map(str::to_owned)
            .map_err(|_| NotDecoded::TryGb18030);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    std::str::from_utf8(bytes)
        .map(str::to_owned)
        .map_err(|_| NotDecoded::TryGb18030)
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, NotDecoded> {
    if !bytes.len().is_multiple_of(2) {
        return Err(NotDecoded::BadUtf16);
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| NotDecoded::BadUtf16)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        let mut out = vec![0xFF, 0xFE];
        for u in s.encode_utf16() {
            out.extend(u.to_le_bytes());
        }
        out
    }

    #[test]
    fn utf8_with_and_without_a_byte_order_mark() {
        let text = "名称,类别\n广告,营销成本\n";
        assert_eq!(decode(text.as_bytes()).as_deref(), Ok(text));
        let mut with_bom = UTF8_BOM.to_vec();
        with_bom.extend(text.as_bytes());
        assert_eq!(decode(&with_bom).as_deref(), Ok(text));
    }

    #[test]
    fn utf16_both_byte_orders_with_a_byte_order_mark() {
        let text = "名称\t类别\n广告 😀\t营销成本\n";
        assert_eq!(decode(&utf16le(text)).as_deref(), Ok(text));
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            be.extend(u.to_be_bytes());
        }
        assert_eq!(decode(&be).as_deref(), Ok(text));
    }

    #[test]
    fn broken_utf16_and_non_utf8_are_told_apart() {
        assert_eq!(decode(&[0xFF, 0xFE, 0x41]), Err(NotDecoded::BadUtf16));
        // A lone high surrogate.
        assert_eq!(decode(&[0xFF, 0xFE, 0x00, 0xD8]), Err(NotDecoded::BadUtf16));
        // "营销成本" in GBK.
        assert_eq!(
            decode(&[0xD3, 0xAA, 0xCF, 0xFA, 0xB3, 0xC9, 0xB1, 0xBE]),
            Err(NotDecoded::TryGb18030)
        );
        assert_eq!(decode(&[]).as_deref(), Ok(""));
    }
}
