//! The path of the value at a position in a JSON text (`plan.lines[3].amount`), so that an error
//! serde_json reports by line and column can name the field. A small scanner, not a second
//! parser: it follows strings, objects and arrays up to the position, which is all a path needs,
//! and costs far less in the WebAssembly than tracking paths while deserializing every type.

/// One step of a path.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    /// A member of an object, once its key has been read.
    Key(String),
    /// An object whose next key has not been read yet.
    Object,
    /// An element of an array, by index.
    Index(usize),
}

/// The byte offset of a 1-based line and column (serde_json counts columns in bytes).
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column).min(text.len())
}

/// The path of the innermost value that contains byte `offset` of `text` (the position just
/// after a token counts as inside it). Keys are shortened to 40 characters.
///
/// ```
/// use customer_cost_planner::exchange::json_path::path_at;
/// let text = r#"{"plan": {"lines": [{"id": 1}, {"amount": "x"}]}}"#;
/// let at = text.find("\"x\"").unwrap() + 3;
/// assert_eq!(path_at(text, at), "plan.lines[1].amount");
/// assert_eq!(path_at(text, 0), "");
/// ```
pub fn path_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Step> = Vec::new();
    let mut i = 0;
    // The last byte read that was not white space: a position just after an opening bracket
    // is the object or array itself (serde_json reports a wrong type there).
    let mut last = b' ';
    // Whether the string being read is an object's key.
    let expecting_key = |stack: &[Step]| matches!(stack.last(), Some(Step::Object));
    while i < end {
        match bytes[i] {
            b'"' => {
                let is_key = expecting_key(&stack);
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if is_key {
                    let key = text.get(start..i.min(text.len())).unwrap_or("");
                    if let Some(top) = stack.last_mut() {
                        *top = Step::Key(key.chars().take(40).collect());
                    }
                }
                i += 1;
                last = b'"';
                continue;
            }
            b'{' => stack.push(Step::Object),
            b'[' => stack.push(Step::Index(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Step::Index(n)) => *n += 1,
                Some(top) => *top = Step::Object,
                None => {}
            },
            _ => {}
        }
        if !bytes[i].is_ascii_whitespace() {
            last = bytes[i];
        }
        i += 1;
    }
    if matches!(last, b'{' | b'[') {
        stack.pop();
    }
    let mut path = String::new();
    for step in &stack {
        match step {
            Step::Key(k) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Step::Index(n) => path.push_str(&format!("[{n}]")),
            Step::Object => {}
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_follow_objects_arrays_and_escaped_strings() {
        let text = r#"{"a": {"b\"c": [1, {"d": "x,}]"}, 3]}, "e": [[0], [1, 2]]}"#;
        let cases = [
            ("\"x", "a.b\\\"c[1].d"),
            ("3]", "a.b\\\"c[2]"),
            ("2]", "e[1][1]"),
            ("[0]", "e[0]"),
            ("[[", "e"),
        ];
        for (marker, expected) in cases {
            let at = text.find(marker).unwrap_or(0) + 1;
            assert_eq!(path_at(text, at), expected, "{marker}");
        }
    }

    #[test]
    fn lines_and_columns_become_offsets() {
        let text = "{\n  \"a\": 1,\n  \"b\": x\n}";
        assert_eq!(offset_of(text, 3, 8), text.find('x').unwrap_or(0) + 1);
        assert_eq!(offset_of(text, 1, 1), 1);
    }
}
