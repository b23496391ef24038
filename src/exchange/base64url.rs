//! Base64url without padding (RFC 4648 §5): what a share link carries in its fragment.
//! Decoding is strict: any character outside the alphabet, or a length no encoder produces, is
//! an error.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Encodes `bytes`.
///
/// ```
/// use customer_cost_planner::exchange::base64url;
/// assert_eq!(base64url::encode(b"hi?"), "aGk_");
/// assert_eq!(base64url::decode("aGk_"), Some(b"hi?".to_vec()));
/// ```
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            let index = (n >> (18 - 6 * i)) & 0x3f;
            out.push(char::from(ALPHABET[index as usize]));
        }
    }
    out
}

fn value(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    } as u32)
}

/// Decodes `text`, or `None` if it is not base64url.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= value(*c)? << (18 - 6 * i);
        }
        let produced = chunk.len() - 1;
        let b = n.to_be_bytes();
        out.extend_from_slice(&b[1..=produced]);
        // Bits beyond the last byte must be zero, or two texts would decode to one value.
        let unused = match produced {
            1 => n & 0xffff,
            2 => n & 0xff,
            _ => 0,
        };
        if unused != 0 {
            return None;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_length() {
        for len in 0..64 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(decode(&encode(&bytes)), Some(bytes.clone()), "len {len}");
        }
    }

    #[test]
    fn rejects_what_no_encoder_writes() {
        for bad in ["a", "ab=c", "a b", "abc+", "abc/", "aGl", "aGk_x", "é"] {
            let decoded = decode(bad);
            if let Some(bytes) = &decoded {
                assert_eq!(&encode(bytes), bad, "{bad} decoded to something else");
            }
        }
        assert_eq!(decode("a"), None);
        assert_eq!(decode("ab=c"), None);
        assert_eq!(decode("aGl"), None, "non-zero trailing bits");
    }
}
