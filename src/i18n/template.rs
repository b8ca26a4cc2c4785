//! Filling `{name}` placeholders: the one template engine of the interface, the
//! documents, the findings and the checklist.
//!
//! One pass over the template, so a value that itself contains braces (an imported
//! product named `Suite {total}`) is written as it is and never filled again. A
//! placeholder with no value is left as written, so a missing value shows instead
//! of silently vanishing; a `{` with no closing `}` is plain text.

/// Fills `{name}` placeholders from `values`: `fill("{shown} of {total}", &[("shown", "3"), ("total", "10")])`.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    fill_with(template, |name, out| match values.iter().find(|(key, _)| *key == name) {
        Some((_, value)) => {
            out.push_str(value);
            true
        }
        None => false,
    })
}

/// Fills `{name}` placeholders by asking `write(name, out)` to append the value of
/// `name`; it returns `false` when it has none. For values rendered on demand
/// (typed finding values, dates and numbers in the reader's language).
pub fn fill_with(template: &str, mut write: impl FnMut(&str, &mut String) -> bool) -> String {
    let mut text = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        text.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else {
            text.push_str(&rest[start..]);
            return text;
        };
        let name = &after[..end];
        if !write(name, &mut text) {
            text.push_str(&rest[start..start + end + 2]);
        }
        rest = &after[end + 1..];
    }
    text.push_str(rest);
    text
}

/// The `{name}` placeholders of a template, in order (repeats included).
pub fn placeholder_names(template: &str) -> impl Iterator<Item = &str> {
    template.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_is_filled_once() {
        assert_eq!(fill("{shown} of {total}, {shown}", &[("shown", "3"), ("total", "10")]), "3 of 10, 3");
        // A value holding a placeholder is not filled again.
        assert_eq!(
            fill("{product} ({total})", &[("product", "Suite {total}"), ("total", "5")]),
            "Suite {total} (5)"
        );
    }

    #[test]
    fn a_missing_value_is_left_as_written_and_an_extra_value_is_ignored() {
        assert_eq!(fill("{count} days", &[]), "{count} days");
        assert_eq!(fill("{count} days", &[("count", "3"), ("unused", "x")]), "3 days");
        assert_eq!(fill("", &[("count", "3")]), "");
    }

    #[test]
    fn unclosed_and_empty_braces_are_plain_text() {
        assert_eq!(fill("a { b", &[("b", "x")]), "a { b");
        assert_eq!(fill("{} and {", &[]), "{} and {");
        assert_eq!(fill("{a}{b}", &[("a", "1"), ("b", "2")]), "12");
    }

    #[test]
    fn values_can_be_written_on_demand() {
        let text = fill_with("{n} × {n}", |name, out| {
            name == "n" && {
                out.push('7');
                true
            }
        });
        assert_eq!(text, "7 × 7");
        assert_eq!(placeholder_names("{a} {b} {a}").collect::<Vec<_>>(), ["a", "b", "a"]);
    }
}
