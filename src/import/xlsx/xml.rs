//! A small XML scanner for the parts of a workbook: start and end tags with
//! their attributes, and text. No validation, no namespaces beyond dropping
//! prefixes, no DTD: spreadsheet parts need none of it. Malformed input ends
//! the scan or yields odd events, never a panic.

use std::borrow::Cow;

/// One thing found in the document. Names are local (prefix dropped); text
/// and attribute values are raw (entities still escaped, see [`unescape`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Event<'a> {
    Start {
        name: &'a str,
        attributes: Attributes<'a>,
        self_closing: bool,
    },
    End {
        name: &'a str,
    },
    Text(&'a str),
    /// The content of a `<![CDATA[...]]>` section, literal.
    CData(&'a str),
}

/// The attributes of a start tag, parsed when asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Attributes<'a>(&'a str);

impl<'a> Attributes<'a> {
    /// `(local name, raw value)` pairs.
    pub(crate) fn iter(self) -> impl Iterator<Item = (&'a str, &'a str)> {
        let mut rest = self.0;
        // Plain index loops over bytes: each attribute is a few bytes long, and the
        // per-call cost of searchers outweighs them in the size-optimised wasm build.
        // Every delimiter is ASCII, so each cut falls between characters.
        std::iter::from_fn(move || {
            let bytes = rest.as_bytes();
            let mut at = skip_space_bytes(bytes, 0);
            let name_start = at;
            while at < bytes.len() && bytes[at] != b'=' && !is_space_byte(bytes[at]) {
                at += 1;
            }
            let name = &rest[name_start..at];
            at = skip_space_bytes(bytes, at);
            if at >= bytes.len() || bytes[at] != b'=' {
                // No value: the end of the attributes, or junk (not XML) that ends them.
                rest = "";
                return None;
            }
            at = skip_space_bytes(bytes, at + 1);
            let quote = bytes.get(at).copied().filter(|byte| *byte == b'"' || *byte == b'\'');
            let value_start = at + usize::from(quote.is_some());
            let mut value_end = value_start;
            while value_end < bytes.len()
                && (if let Some(quote) = quote {
                    bytes[value_end] != quote
                } else {
                    !is_space_byte(bytes[value_end])
                })
            {
                value_end += 1;
            }
            let value = &rest[value_start..value_end];
            rest = &rest[(value_end + usize::from(quote.is_some())).min(bytes.len())..];
            Some((local_name(name), value))
        })
    }

    /// The raw value of the attribute with this local name.
    pub(crate) fn get(self, name: &str) -> Option<&'a str> {
        self.iter().find(|(key, _)| *key == name).map(|(_, value)| value)
    }

    /// The value of the attribute with this local name, entities decoded.
    pub(crate) fn value(self, name: &str) -> Option<Cow<'a, str>> {
        self.get(name).map(unescape)
    }
}

fn is_space_byte(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\r' | b'\n')
}

fn skip_space_bytes(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && is_space_byte(bytes[at]) {
        at += 1;
    }
    at
}

/// `x:row` -> `row`.
fn local_name(name: &str) -> &str {
    match name.as_bytes().iter().rposition(|byte| *byte == b':') {
        Some(colon) => &name[colon + 1..],
        None => name,
    }
}

/// Yields the events of a document in order.
pub(crate) struct Scanner<'a> {
    rest: &'a str,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(text: &'a str) -> Scanner<'a> {
        Scanner { rest: text }
    }
}

impl<'a> Scanner<'a> {
    /// A start or end tag; `rest` starts with `<`.
    fn tag(&mut self) -> Event<'a> {
        let after = self.rest.get(1..).unwrap_or("");
        let bytes = after.as_bytes();
        let end_tag = bytes.first() == Some(&b'/');
        let name_start = usize::from(end_tag);
        let mut name_end = name_start;
        while name_end < bytes.len() && !matches!(bytes[name_end], b' ' | b'\t' | b'\r' | b'\n' | b'/' | b'>')
        {
            name_end += 1;
        }
        let tag_end = name_end + tag_end(&after[name_end..]);
        let inside = &after[..tag_end];
        self.rest = after.get(tag_end + 1..).unwrap_or("");
        let name = local_name(&after[name_start..name_end]);
        if end_tag {
            return Event::End { name };
        }
        let (attributes, self_closing) = match inside[name_end..].strip_suffix('/') {
            Some(attributes) => (attributes, true),
            None => (&inside[name_end..], false),
        };
        Event::Start { name, attributes: Attributes(attributes), self_closing }
    }
}

impl<'a> Iterator for Scanner<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            if self.rest.as_bytes()[0] != b'<' {
                let end =
                    self.rest.as_bytes().iter().position(|byte| *byte == b'<').unwrap_or(self.rest.len());
                let text = &self.rest[..end];
                self.rest = &self.rest[end..];
                return Some(Event::Text(text));
            }
            let skip_to = |rest: &'a str, close: &str| -> (&'a str, &'a str) {
                match rest.find(close) {
                    Some(at) => (&rest[..at], &rest[at + close.len()..]),
                    None => (rest, ""),
                }
            };
            let special = matches!(self.rest.as_bytes().get(1), Some(b'!' | b'?'));
            if !special {
                return Some(self.tag());
            }
            if let Some(after) = self.rest.strip_prefix("<![CDATA[") {
                let (content, rest) = skip_to(after, "]]>");
                self.rest = rest;
                return Some(Event::CData(content));
            }
            if let Some(after) = self.rest.strip_prefix("<!--") {
                self.rest = skip_to(after, "-->").1;
                continue;
            }
            if let Some(after) = self.rest.strip_prefix("<?") {
                self.rest = skip_to(after, "?>").1;
                continue;
            }
            if let Some(after) = self.rest.strip_prefix("<!") {
                // A DOCTYPE: skipped whole, internal subset included, never expanded.
                let mut depth = 0usize;
                let end = after
                    .char_indices()
                    .find(|(_, c)| match c {
                        '[' => {
                            depth += 1;
                            false
                        }
                        ']' => {
                            depth = depth.saturating_sub(1);
                            false
                        }
                        '>' => depth == 0,
                        _ => false,
                    })
                    .map_or(after.len(), |(at, _)| at + 1);
                self.rest = &after[end..];
                continue;
            }
            // `<!` not followed by anything known: an odd tag, read as one.
            return Some(self.tag());
        }
    }
}

/// Where a tag's `>` is, skipping any inside quoted attribute values.
fn tag_end(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'>' => return at,
            quote @ (b'"' | b'\'') => {
                at += 1;
                while at < bytes.len() && bytes[at] != quote {
                    at += 1;
                }
            }
            _ => {}
        }
        at += 1;
    }
    bytes.len()
}

/// Decodes the predefined entities and character references; anything
/// else that starts with `&` is kept as it is.
pub(crate) fn unescape(raw: &str) -> Cow<'_, str> {
    if !raw.as_bytes().contains(&b'&') {
        return Cow::Borrowed(raw);
    }
    let mut text = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        text.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.get(1..).and_then(|after| {
            let end = after.find(';').filter(|end| *end <= 10)?;
            let character = match &after[..end] {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                reference => {
                    let number = reference.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((character, end + 2))
        });
        match decoded {
            Some((character, length)) => {
                text.push(character);
                rest = &rest[length..];
            }
            None => {
                text.push('&');
                rest = &rest[1..];
            }
        }
    }
    text.push_str(rest);
    Cow::Owned(text)
}

/// Office's own escape inside text (ECMA-376 `ST_Xstring`): `_xHHHH_` is the
/// UTF-16 unit HHHH, which is how a carriage return (`_x000D_`) or another
/// character XML cannot hold is written; `_x005F_` escapes an underscore.
pub(crate) fn unescape_office(text: &str) -> Cow<'_, str> {
    if !text.as_bytes().contains(&b'_') || !text.contains("_x") {
        return Cow::Borrowed(text);
    }
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("_x") {
        decoded.push_str(&rest[..at]);
        rest = &rest[at..];
        let unit = rest
            .get(2..7)
            .filter(|code| code.ends_with('_'))
            .and_then(|code| u32::from_str_radix(&code[..4], 16).ok())
            .and_then(char::from_u32);
        match unit {
            Some(character) => {
                decoded.push(character);
                rest = &rest[7..];
            }
            None => {
                decoded.push_str("_x");
                rest = &rest[2..];
            }
        }
    }
    decoded.push_str(rest);
    Cow::Owned(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str) -> Vec<Event<'_>> {
        Scanner::new(text).collect()
    }

    #[test]
    fn tags_attributes_and_text() {
        let found = events(
            r#"<?xml version="1.0"?><!-- note --><x:c r="B3" t='s' x:attr = "a>b"><v>12</v></x:c><br/>"#,
        );
        let Event::Start { name, attributes, self_closing } = &found[0] else { panic!("{found:?}") };
        assert_eq!((*name, *self_closing), ("c", false));
        assert_eq!(attributes.iter().collect::<Vec<_>>(), vec![("r", "B3"), ("t", "s"), ("attr", "a>b")]);
        assert_eq!(
            &found[1..],
            &[
                Event::Start { name: "v", attributes: Attributes(""), self_closing: false },
                Event::Text("12"),
                Event::End { name: "v" },
                Event::End { name: "c" },
                Event::Start { name: "br", attributes: Attributes(""), self_closing: true },
            ]
        );
    }

    #[test]
    fn entities_and_character_references() {
        assert_eq!(
            unescape("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233;&#xE9;&#x1F600;"),
            "a & b <c> \"d\" 'e' éé\u{1F600}"
        );
        assert_eq!(unescape("AT&T &unknown; &#xZZ; &#1114112; &"), "AT&T &unknown; &#xZZ; &#1114112; &");
        assert_eq!(
            unescape_office("line_x000D_end _x005F_x000D_ _xZZ_ _x12"),
            "line\rend _x000D_ _xZZ_ _x12"
        );
    }

    #[test]
    fn cdata_doctype_and_broken_input() {
        assert_eq!(events("<t><![CDATA[a < b & c]]></t>")[1], Event::CData("a < b & c"));
        assert_eq!(events(r#"<!DOCTYPE x [<!ENTITY e "boom">]><a/>"#).len(), 1);
        for broken in [
            "<",
            "<a",
            "<a b=\"",
            "</",
            "<![CDATA[",
            "<!--",
            "<?",
            "<a b c=d e='f>",
            "&",
            "<é é='é'/>",
            "<a\u{0}>",
        ] {
            let _ = events(broken)
                .into_iter()
                .map(|event| match event {
                    Event::Start { attributes, .. } => attributes.iter().count(),
                    _ => 0,
                })
                .sum::<usize>();
        }
    }
}

/// The scanner against `quick-xml` on generated well-formed documents (native only,
/// where the dev-dependencies build): the same tags, attributes and texts in order.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod against_quick_xml {
    use proptest::prelude::*;
    use quick_xml::encoding::Decoder;
    use quick_xml::events::{BytesStart, Event as Theirs};
    use quick_xml::Reader;

    use super::*;

    /// An event with everything decoded, as both scanners can say it.
    #[derive(Debug, PartialEq)]
    enum Decoded {
        Start {
            name: String,
            attributes: Vec<(String, String)>,
            self_closing: bool,
        },
        End {
            name: String,
        },
        /// Text and entity references up to the next markup, decoded.
        Text(String),
        CData(String),
    }

    /// Adjacent texts as one: quick-xml reports each `&name;` as an event of its own
    /// between the texts around it; this scanner reads the run whole.
    fn push_text(events: &mut Vec<Decoded>, text: &str) {
        match events.last_mut() {
            Some(Decoded::Text(before)) => before.push_str(text),
            _ => events.push(Decoded::Text(text.to_owned())),
        }
    }

    fn ours(document: &str) -> Vec<Decoded> {
        let mut events = Vec::new();
        for event in Scanner::new(document) {
            match event {
                Event::Start { name, attributes, self_closing } => events.push(Decoded::Start {
                    name: name.to_owned(),
                    attributes: attributes
                        .iter()
                        .map(|(key, value)| (key.to_owned(), unescape(value).into_owned()))
                        .collect(),
                    self_closing,
                }),
                Event::End { name } => events.push(Decoded::End { name: name.to_owned() }),
                Event::Text(raw) => push_text(&mut events, &unescape(raw)),
                Event::CData(literal) => events.push(Decoded::CData(literal.to_owned())),
            }
        }
        events
    }

    fn start_of(tag: &BytesStart<'_>, self_closing: bool, decoder: Decoder) -> Decoded {
        let text = |bytes: &[u8]| String::from_utf8(bytes.to_vec()).expect("UTF-8 names");
        Decoded::Start {
            name: text(tag.local_name().as_ref()),
            attributes: tag
                .attributes()
                .map(|attribute| {
                    let attribute = attribute.expect("a well-formed attribute");
                    let value =
                        attribute.decode_and_unescape_value(decoder).expect("a decodable value").into_owned();
                    (text(attribute.key.local_name().as_ref()), value)
                })
                .collect(),
            self_closing,
        }
    }

    fn theirs(document: &str) -> Vec<Decoded> {
        let mut reader = Reader::from_str(document);
        reader.config_mut().trim_text(false);
        let mut events = Vec::new();
        loop {
            match reader.read_event().expect("a well-formed generated document") {
                Theirs::Start(tag) => events.push(start_of(&tag, false, reader.decoder())),
                Theirs::Empty(tag) => events.push(start_of(&tag, true, reader.decoder())),
                Theirs::End(tag) => events.push(Decoded::End {
                    name: String::from_utf8(tag.local_name().as_ref().to_vec()).expect("UTF-8 names"),
                }),
                Theirs::Text(text) => push_text(&mut events, &text.decode().expect("UTF-8 text")),
                Theirs::GeneralRef(reference) => {
                    let decoded = match reference.resolve_char_ref().expect("a valid character reference") {
                        Some(character) => character.to_string(),
                        None => {
                            let name = reference.decode().expect("UTF-8 name");
                            quick_xml::escape::resolve_predefined_entity(&name)
                                .expect("only predefined entities are generated")
                                .to_owned()
                        }
                    };
                    push_text(&mut events, &decoded);
                }
                Theirs::CData(literal) => {
                    events.push(Decoded::CData(literal.decode().expect("UTF-8 CDATA").into_owned()))
                }
                Theirs::Eof => break,
                // Declarations, comments, processing instructions, DOCTYPE: skipped by both.
                Theirs::Decl(_) | Theirs::Comment(_) | Theirs::PI(_) | Theirs::DocType(_) => {}
            }
        }
        events
    }

    /// Character data with every way to write a character: plain, entities, references.
    fn content() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                "[a-zA-Z0-9 \t\néß€_:;=/-]{1,6}",
                Just("&amp;".to_owned()),
                Just("&lt;".to_owned()),
                Just("&gt;".to_owned()),
                Just("&quot;".to_owned()),
                Just("&apos;".to_owned()),
                Just(">".to_owned()),
                Just("\"".to_owned()),
                Just("'".to_owned()),
                prop_oneof![0x20u32..0x2FFF, 0x1_0000u32..0x1_F9FF]
                    .prop_filter("a character", |code| char::from_u32(*code).is_some())
                    .prop_flat_map(|code| prop_oneof![
                        Just(format!("&#{code};")),
                        Just(format!("&#x{code:X};")),
                        Just(format!("&#x{code:x};"))
                    ]),
            ],
            1..5,
        )
        .prop_map(|pieces| pieces.concat())
    }

    fn name() -> impl Strategy<Value = String> {
        ("(x:|r:)?", "[a-zA-Z_é][a-zA-Z0-9._é-]{0,6}").prop_map(|(prefix, local)| prefix + &local)
    }

    /// An attribute value, in double or single quotes (the other quote may appear).
    fn attribute_value() -> impl Strategy<Value = String> {
        (any::<bool>(), content()).prop_map(|(double, value)| {
            // Attribute values hold no tab or newline here: XML normalises them to
            // spaces (quick-xml's `unescape_value` does not, neither does this scanner).
            let value = value.replace(['\t', '\n'], " ");
            if double {
                format!("\"{}\"", value.replace('"', "&quot;"))
            } else {
                format!("'{}'", value.replace('\'', "&apos;"))
            }
        })
    }

    fn start_tag() -> impl Strategy<Value = (String, String)> {
        (
            name(),
            prop::collection::btree_map(
                "[a-z]{1,4}",
                (attribute_value(), "[ \t\n]{0,2}", "[ \t\n]{1,2}"),
                0..4,
            ),
        )
            .prop_map(|(name, attributes)| {
                let attributes: String = attributes
                    .into_iter()
                    .map(|(key, (value, space, separator))| format!("{separator}{key}{space}={space}{value}"))
                    .collect();
                (name, attributes)
            })
    }

    fn element() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            content(),
            "[a-z <>&\n]{0,8}".prop_map(|text| format!("<![CDATA[{text}]]>")),
            "[a-z ]{0,8}".prop_map(|text| format!("<!--{text}-->")),
            "[a-z ]{0,8}".prop_map(|text| format!("<?target {text}?>")),
            (start_tag(), "[ \n]{0,1}")
                .prop_map(|((name, attributes), space)| format!("<{name}{attributes}{space}/>")),
        ];
        leaf.prop_recursive(4, 40, 5, |inner| {
            (start_tag(), prop::collection::vec(inner, 0..5), "[ \n]{0,1}").prop_map(
                |((name, attributes), children, space)| {
                    format!("<{name}{attributes}>{}</{name}{space}>", children.concat())
                },
            )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn same_events_as_quick_xml(body in element(), declared in any::<bool>()) {
            let document = if declared {
                format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{body}"#)
            } else {
                body
            };
            prop_assert_eq!(ours(&document), theirs(&document), "{}", document);
        }
    }
}
