//! JSON documents: parsing with a plain-words error position, finding the list
//! of items (`value`, `items`, a top-level array or a single object), the line
//! each item starts on, and what the items are.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::error::{IssueKind, JsonProblem};
use super::format_id::FormatId;

/// The items of a JSON document, each with the 1-based line it starts on.
pub(crate) struct JsonItems {
    pub items: Vec<(u32, Value)>,
}

/// Parses `text` and returns its list of items, or the invalid-JSON issue.
pub(crate) fn load_items(text: &str) -> Result<JsonItems, IssueKind> {
    let document: Value = serde_json::from_str(text).map_err(|error| IssueKind::InvalidJson {
        line: error.line(),
        column: error.column(),
        problem: JsonProblem::from_serde(&error),
    })?;
    let (container_key, values): (Option<&str>, Vec<Value>) = match document {
        Value::Array(values) => (None, values),
        Value::Object(mut object) => {
            let key =
                ["value", "items"].into_iter().find(|key| object.get(*key).is_some_and(Value::is_array));
            match key.and_then(|key| object.remove(key).map(|list| (key, list))) {
                Some((key, Value::Array(values))) => (Some(key), values),
                _ => return Ok(JsonItems { items: vec![(first_line(text), Value::Object(object))] }),
            }
        }
        scalar => return Ok(JsonItems { items: vec![(1, scalar)] }),
    };
    let lines = item_lines(text, container_key);
    let items = if lines.len() == values.len() {
        lines.into_iter().zip(values).collect()
    } else {
        // Only if the scanner and serde disagree, which valid JSON should not cause.
        values.into_iter().map(|value| (1, value)).collect()
    };
    Ok(JsonItems { items })
}

fn first_line(text: &str) -> u32 {
    let leading = text.len() - text.trim_start().len();
    line_at(text.as_bytes(), leading)
}

fn line_at(bytes: &[u8], offset: usize) -> u32 {
    let newlines = bytes[..offset.min(bytes.len())].iter().filter(|&&b| b == b'\n').count();
    u32::try_from(newlines).unwrap_or(u32::MAX - 1) + 1
}

/// Lines where the elements of the item list start: the top-level array, or
/// the array under `key` in the top-level object. A small scanner over valid
/// JSON: it tracks strings, nesting and the last key of the top-level object.
fn item_lines(text: &str, key: Option<&str>) -> Vec<u32> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut line: u32 = 1;
    let mut depth = 0usize;
    let mut target_depth: Option<usize> = None;
    let mut expecting_item = false;
    let mut last_top_key: Option<(usize, usize)> = None;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        match byte {
            b'\n' => line = line.saturating_add(1),
            b'"' => {
                if expecting_item {
                    lines.push(line);
                    expecting_item = false;
                }
                let start = at + 1;
                at += 1;
                while at < bytes.len() && bytes[at] != b'"' {
                    if bytes[at] == b'\\' {
                        at += 1;
                    } else if bytes[at] == b'\n' {
                        line = line.saturating_add(1);
                    }
                    at += 1;
                }
                if depth == 1 && target_depth.is_none() {
                    last_top_key = Some((start, at.min(bytes.len())));
                }
            }
            b'[' | b'{' => {
                if expecting_item {
                    lines.push(line);
                    expecting_item = false;
                }
                depth += 1;
                if byte == b'[' && target_depth.is_none() {
                    let is_target = match key {
                        None => depth == 1,
                        Some(key) => {
                            depth == 2
                                && last_top_key
                                    .is_some_and(|(start, end)| &bytes[start..end] == key.as_bytes())
                        }
                    };
                    if is_target {
                        target_depth = Some(depth);
                        expecting_item = true;
                    }
                }
            }
            b']' | b'}' => {
                if target_depth == Some(depth) {
                    return lines;
                }
                depth = depth.saturating_sub(1);
                expecting_item = false;
            }
            b',' if target_depth == Some(depth) => expecting_item = true,
            b' ' | b'\t' | b'\r' => {}
            _ => {
                if expecting_item {
                    lines.push(line);
                    expecting_item = false;
                }
            }
        }
        at += 1;
    }
    lines
}

/// A property of an object, by name, ignoring case (Graph writes `skuId`,
/// PowerShell's ConvertTo-Json `SkuId`).
pub(crate) fn property<'v>(object: &'v Map<String, Value>, name: &str) -> Option<&'v Value> {
    object
        .get(name)
        .or_else(|| object.iter().find(|(key, _)| key.eq_ignore_ascii_case(name)).map(|(_, value)| value))
}

/// A scalar property as text (numbers and booleans written as JSON writes
/// them); `None` when absent, null or not a scalar.
pub(crate) fn text<'v>(object: &'v Map<String, Value>, name: &str) -> Option<Cow<'v, str>> {
    match property(object, name)? {
        Value::String(text) => Some(Cow::Borrowed(text.as_str())),
        Value::Number(number) => Some(Cow::Owned(number.to_string())),
        Value::Bool(flag) => Some(Cow::Owned(flag.to_string())),
        _ => None,
    }
}

fn has(object: &Map<String, Value>, name: &str) -> bool {
    property(object, name).is_some()
}

/// What a JSON item is, from its properties.
pub(crate) fn classify(object: &Map<String, Value>) -> Option<FormatId> {
    if has(object, "totalLicenses")
        || has(object, "commerceSubscriptionId")
        || has(object, "nextLifecycleDateTime")
    {
        Some(FormatId::GraphDirectorySubscriptions)
    } else if has(object, "skuPartNumber") && (has(object, "prepaidUnits") || has(object, "consumedUnits")) {
        Some(FormatId::GraphSubscribedSkus)
    } else if has(object, "offerId")
        || (has(object, "quantity") && (has(object, "offerName") || has(object, "friendlyName")))
    {
        Some(FormatId::PartnerCenterJson)
    } else {
        None
    }
}

/// Rows of text cells with their 1-based line numbers.
pub(crate) type GridRows = Vec<(u32, Vec<String>)>;

/// The items flattened to a table (headers: the properties in order of first
/// appearance), for JSON lists of another shape, read like any table.
pub(crate) fn as_table(items: &[(u32, Value)]) -> Option<(Vec<String>, GridRows)> {
    let mut headers: Vec<String> = Vec::new();
    for (_, item) in items {
        let Value::Object(object) = item else { return None };
        for key in object.keys() {
            if !headers.contains(key) {
                headers.push(key.clone());
            }
        }
    }
    if headers.is_empty() {
        return None;
    }
    let rows = items
        .iter()
        .map(|(line, item)| {
            let cells = headers
                .iter()
                .map(|header| match item.get(header) {
                    Some(Value::String(text)) => text.clone(),
                    Some(Value::Null) | None => String::new(),
                    Some(other) => other.to_string(),
                })
                .collect();
            (*line, cells)
        })
        .collect();
    Some((headers, rows))
}

/// An item as `(headers, cells)` for a rejected row: its scalar properties.
pub(crate) fn item_cells(item: &Value) -> (Vec<String>, Vec<String>) {
    match item {
        Value::Object(object) => object
            .iter()
            .map(|(key, value)| {
                let cell = match value {
                    Value::String(text) => text.clone(),
                    Value::Null => String::new(),
                    other => other.to_string(),
                };
                (key.clone(), cell)
            })
            .unzip(),
        other => (vec![String::new()], vec![other.to_string()]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_know_their_lines() {
        let text = "{\n  \"@odata.context\": \"x\",\n  \"value\": [\n    {\"a\": \"[{\"},\n    {\n      \"b\": [1, 2]\n    }\n  ]\n}\n";
        let items =
            load_items(text).map(|items| items.items.iter().map(|(line, _)| *line).collect::<Vec<_>>());
        assert_eq!(items.ok(), Some(vec![4, 5]));
        let items = load_items("[\n{\"a\":1},\n{\"a\":2}]").map(|items| items.items.len());
        assert_eq!(items.ok(), Some(2));
    }

    #[test]
    fn invalid_json_says_where_and_what() {
        let error = load_items("{\n  \"value\": [\n    {\"a\": 1,}\n  ]\n}").err();
        assert_eq!(
            error,
            Some(IssueKind::InvalidJson { line: 3, column: 13, problem: JsonProblem::TrailingComma })
        );
        let error = load_items("{\"value\": [").err();
        assert!(matches!(error, Some(IssueKind::InvalidJson { problem: JsonProblem::UnexpectedEnd, .. })));
    }
}
