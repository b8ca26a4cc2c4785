//! The one way a draft becomes JSON text.
//!
//! serde compiles a type's whole serialisation once per kind of output: pretty
//! text, compact text, into a deflate stream, into a `Value` each made a copy of
//! the code for `Draft` and everything it holds (about 60 KB of the planner
//! before wasm-opt). Every draft is therefore serialised to compact bytes by
//! [`to_compact`] alone; the pretty text of a draft file is those bytes
//! re-indented by [`pretty`], exactly as `serde_json::to_string_pretty` writes.

use serde::Serialize;

/// `value` as compact JSON. Drafts hold only strings, numbers, dates and maps
/// with string keys: serialising them cannot fail (empty if it ever did).
pub fn to_compact<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

/// Compact JSON (as serde_json writes it: no white space outside strings)
/// indented like `serde_json::to_string_pretty`: two spaces a level, one entry
/// a line, `": "` after a key, empty arrays and objects as `[]` and `{}`.
pub fn pretty(compact: &[u8]) -> String {
    let mut out = Vec::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut at = 0;
    while let Some(&byte) = compact.get(at) {
        at += 1;
        if in_string {
            out.push(byte);
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
            }
            continue;
        }
        match byte {
            b'"' => {
                in_string = true;
                out.push(byte);
            }
            b'{' | b'[' => {
                out.push(byte);
                let close = if byte == b'{' { b'}' } else { b']' };
                if compact.get(at) == Some(&close) {
                    out.push(close);
                    at += 1;
                } else {
                    depth += 1;
                    new_line(&mut out, depth);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                new_line(&mut out, depth);
                out.push(byte);
            }
            b',' => {
                out.push(byte);
                new_line(&mut out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(byte),
        }
    }
    // Only ASCII bytes were added to valid UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

fn new_line(out: &mut Vec<u8>, depth: usize) {
    out.push(b'\n');
    out.resize(out.len() + 2 * depth, b' ');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn indents_like_serde_json() {
        let value = json!({
            "a": [1, 2.5, -3, {"b": []}, {}],
            "c": "with \"quotes\", {braces}: [brackets] \\ and é",
            "d": {"e": null, "f": true, "g": {"h": [[]]}},
            "": ""
        });
        let compact = to_compact(&value);
        assert_eq!(pretty(&compact), serde_json::to_string_pretty(&value).unwrap());
    }

    #[test]
    fn indents_a_sample_draft_like_serde_json() {
        let draft = crate::draft::sample::sample_draft(200);
        assert_eq!(pretty(&to_compact(&draft)), serde_json::to_string_pretty(&draft).unwrap());
    }
}
