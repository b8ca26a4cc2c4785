//! The shared strings table (`xl/sharedStrings.xml`) and rich text runs.

use std::borrow::Cow;

use super::xml::{unescape, unescape_office, Event, Scanner};

/// The text of rich or plain strings (`<si>`, `<is>`): every `<t>` run,
/// except the phonetic guides (`<rPh>`) written over East Asian text.
pub(super) struct RichText {
    text: String,
    in_text: bool,
    phonetic_depth: usize,
}

impl RichText {
    pub(super) fn new() -> RichText {
        RichText { text: String::new(), in_text: false, phonetic_depth: 0 }
    }

    pub(super) fn event(&mut self, event: &Event<'_>) {
        match event {
            Event::Start { name: "rPh", self_closing: false, .. } => self.phonetic_depth += 1,
            Event::End { name: "rPh" } => self.phonetic_depth = self.phonetic_depth.saturating_sub(1),
            Event::Start { name: "t", self_closing, .. } => {
                self.in_text = !self_closing && self.phonetic_depth == 0
            }
            Event::End { name: "t" } => self.in_text = false,
            Event::Text(raw) if self.in_text => self.text.push_str(&unescape(raw)),
            Event::CData(literal) if self.in_text => self.text.push_str(literal),
            _ => {}
        }
    }

    pub(super) fn finish(self) -> String {
        match unescape_office(&self.text) {
            Cow::Borrowed(_) => self.text,
            Cow::Owned(decoded) => decoded,
        }
    }
}

pub(super) fn read_shared_strings(text: &str) -> Vec<String> {
    let mut strings = Vec::new();
    let mut current: Option<RichText> = None;
    for event in Scanner::new(text) {
        match (&event, current.as_mut()) {
            (Event::Start { name: "si", self_closing, .. }, _) => {
                if *self_closing {
                    strings.push(String::new());
                } else {
                    current = Some(RichText::new());
                }
            }
            (Event::End { name: "si" }, Some(_)) => strings.extend(current.take().map(RichText::finish)),
            (_, Some(rich)) => rich.event(&event),
            _ => {}
        }
    }
    strings
}
