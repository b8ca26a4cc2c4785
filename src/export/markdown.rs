//! Documents as Markdown (CommonMark with GitHub tables), for tickets and wikis.
//!
//! Every text from the plan is escaped, so an imported product name such as
//! `<img src=x>` or `**free**` reads as itself wherever the Markdown is rendered.

use super::document::{Block, Document, Span, Spans};

/// Backslash-escapes the characters Markdown would read as markup, and folds line
/// breaks into spaces (a line break inside a list item or a cell would end it).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for character in text.chars() {
        match character {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!' | '&' => {
                out.push('\\');
                out.push(character);
            }
            '\r' | '\n' | '\t' => out.push(' '),
            _ => out.push(character),
        }
    }
    out
}

fn spans(spans: &Spans) -> String {
    spans
        .iter()
        .map(|span| match span {
            Span::Text(text) => escape(text),
            Span::Strong(text) if text.trim().is_empty() => escape(text),
            Span::Strong(text) => format!("**{}**", escape(text)),
            // Rule ids are ASCII letters, digits and hyphens; a backtick in one would
            // still be escaped rather than close the code span.
            Span::Rule(text) => format!("`{}`", text.replace('`', "'")),
            Span::Estimated(text) => format!("*{}*", escape(text)),
        })
        .collect()
}

/// The document as Markdown, ending with one newline.
pub fn to_markdown(document: &Document) -> String {
    let mut out = format!("# {}\n", escape(&document.title));
    push_blocks(&document.blocks, document, &mut out);
    out
}

fn push_blocks(blocks: &[Block], document: &Document, out: &mut String) {
    for block in blocks {
        if let Block::Group(inner) = block {
            push_blocks(inner, document, out);
            continue;
        }
        // A Markdown file stays text: a logo is for the printed letter.
        if matches!(block, Block::Image { .. }) {
            continue;
        }
        out.push('\n');
        match block {
            Block::Heading { level, text } => {
                out.push_str(&format!(
                    "{} {}\n",
                    "#".repeat(usize::from((*level).clamp(2, 6))),
                    escape(text)
                ));
            }
            Block::Paragraph(content) => {
                out.push_str(&spans(content));
                out.push('\n');
            }
            Block::List { ordered, items, .. } => {
                for (index, item) in items.iter().enumerate() {
                    let bullet = if *ordered { format!("{}.", index + 1) } else { "-".to_string() };
                    out.push_str(&format!("{bullet} {}\n", spans(item)));
                }
            }
            Block::Checklist(items) => {
                for item in items {
                    out.push_str(&format!("- [ ] {}\n", spans(item)));
                }
            }
            Block::Facts(facts) => {
                for (label, value) in facts {
                    out.push_str(&format!(
                        "- **{}**{} {}\n",
                        escape(label),
                        document.lang.pick(":", " :"),
                        spans(value)
                    ));
                }
            }
            Block::Table(table) => {
                if let Some(caption) = &table.caption {
                    out.push_str(&format!("**{}**\n\n", escape(caption)));
                }
                let header: Vec<String> = table.header.iter().map(|cell| escape(cell)).collect();
                out.push_str(&format!("| {} |\n", header.join(" | ")));
                out.push_str(&format!("|{}\n", "---|".repeat(header.len().max(1))));
                for row in &table.rows {
                    let cells: Vec<String> = row.iter().map(spans).collect();
                    out.push_str(&format!("| {} |\n", cells.join(" | ")));
                }
            }
            Block::PageBreak => out.push_str("---\n"),
            Block::Image { .. } | Block::Group(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::document::plain;
    use crate::i18n::Lang;

    #[test]
    fn imported_text_cannot_become_markup() {
        assert_eq!(
            escape("<img src=x> **free** | a_b\nnext"),
            "\\<img src=x\\> \\*\\*free\\*\\* \\| a\\_b next"
        );
        let mut document = Document::new(Lang::En, "# Title");
        document.paragraph(plain("[link](javascript:alert(1))"));
        let markdown = to_markdown(&document);
        assert!(markdown.starts_with("# \\# Title\n"));
        assert!(markdown.contains("\\[link\\](javascript:alert(1))"));
    }
}
