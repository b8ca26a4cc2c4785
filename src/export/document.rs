//! A small document model shared by the report and the letter: headings,
//! paragraphs, lists and tables of plain-text spans.
//!
//! Documents hold text only, never markup, so the interface can render every span
//! as a text node (imported product names stay text) and [`super::markdown`] can
//! escape them for Markdown; both renderings come from the same blocks.

use crate::i18n::Lang;

/// A piece of running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Text(String),
    Strong(String),
    /// A rule id (`NCE-CANCEL`), shown as code.
    Rule(String),
    /// A marker next to an assumed or estimated value ("(estimated)").
    Estimated(String),
}

impl Span {
    pub fn text(&self) -> &str {
        match self {
            Span::Text(text) | Span::Strong(text) | Span::Rule(text) | Span::Estimated(text) => text,
        }
    }
}

/// Spans of one paragraph, list item or table cell.
pub type Spans = Vec<Span>;

pub fn plain(text: impl Into<String>) -> Spans {
    vec![Span::Text(text.into())]
}

/// What a block is about, so the interface and print styles can set it apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    #[default]
    Normal,
    Blocker,
    Warning,
    /// Assumptions and estimates.
    Assumption,
}

impl Tone {
    pub fn class(self) -> &'static str {
        match self {
            Tone::Normal => "tone-normal",
            Tone::Blocker => "tone-blocker",
            Tone::Warning => "tone-warning",
            Tone::Assumption => "tone-assumption",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub caption: Option<String>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Spans>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Level 2 or 3 (the title is level 1).
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(Spans),
    List {
        ordered: bool,
        tone: Tone,
        items: Vec<Spans>,
    },
    /// A checklist: each item has a box to tick on paper.
    Checklist(Vec<Spans>),
    /// Label–value pairs (customer, partner, dates).
    Facts(Vec<(String, Spans)>),
    Table(Table),
    /// Starts a new page when printed (between letters of several customers).
    PageBreak,
    /// An image the partner gave (its logo), as a `data:` URL checked by
    /// [`super::logo::checked_logo`]; shown as an image only, and left out of the
    /// text renderings.
    Image {
        data_url: String,
        alt: String,
    },
    /// Blocks that belong together (a subscription's heading and facts), kept on
    /// one page when printed.
    Group(Vec<Block>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub lang: Lang,
    pub title: String,
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn new(lang: Lang, title: impl Into<String>) -> Document {
        Document { lang, title: title.into(), blocks: Vec::new() }
    }

    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading { level, text: text.into() });
    }

    pub fn paragraph(&mut self, spans: Spans) {
        self.blocks.push(Block::Paragraph(spans));
    }

    /// Every text of the document in reading order, for searches and tests.
    pub fn plain_text(&self) -> String {
        let mut out = self.title.clone();
        push_blocks_text(&self.blocks, &mut out);
        out
    }
}

fn push_blocks_text(blocks: &[Block], out: &mut String) {
    let mut push = |spans: &Spans| {
        out.push('\n');
        for span in spans {
            out.push_str(span.text());
        }
    };
    for block in blocks {
        match block {
            Block::Heading { text, .. } => push(&plain(text.clone())),
            Block::Paragraph(spans) => push(spans),
            Block::List { items, .. } | Block::Checklist(items) => items.iter().for_each(&mut push),
            Block::Facts(facts) => facts.iter().for_each(|(label, value)| {
                push(&plain(label.clone()));
                push(value);
            }),
            Block::Table(table) => {
                push(&plain(table.header.join(" ")));
                table.rows.iter().flatten().for_each(&mut push);
            }
            Block::PageBreak | Block::Image { .. } => {}
            Block::Group(inner) => {
                let mut text = String::new();
                push_blocks_text(inner, &mut text);
                push(&plain(text.trim_start_matches('\n')));
            }
        }
    }
}
