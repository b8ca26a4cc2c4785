//! README's rules table is generated from the registry: this test fails when they
//! differ. `UPDATE_GOLDEN=1 cargo test --test readme_rules` rewrites the table.

use std::path::Path;

use csp_planner::rules::{RULES, RULES_AS_OF};

const START: &str = "<!-- rules table: generated from src/rules/mod.rs by tests/readme_rules.rs -->\n";
const END: &str = "<!-- end of rules table -->\n";

fn table() -> String {
    let mut text = String::from(START);
    text.push_str(&format!("Rule set as of {RULES_AS_OF}.\n\n"));
    text.push_str("| id | rule | applies from | changes | source |\n|---|---|---|---|---|\n");
    for rule in RULES {
        let title = if rule.unverified {
            format!("{} (unverified)", rule.title_en)
        } else {
            rule.title_en.to_string()
        };
        let changes: Vec<String> =
            rule.history.iter().map(|change| format!("{}: {}", change.from, change.text_en)).collect();
        let changes = if changes.is_empty() { "–".to_string() } else { changes.join("<br>") };
        text.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            rule.code,
            title.replace('|', "\\|"),
            rule.applies_from,
            changes.replace('|', "\\|"),
            rule.source.replace('|', "\\|")
        ));
    }
    text.push_str(END);
    text
}

#[test]
fn readme_rules_table_matches_the_registry() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let start = readme.find(START).expect("README has the generated rules table marker");
    let end =
        readme[start..].find(END).map(|end| start + end + END.len()).expect("README ends the rules table");
    let expected = table();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let updated = format!("{}{}{}", &readme[..start], expected, &readme[end..]);
        std::fs::write(&path, updated).expect("writable README");
        return;
    }
    assert_eq!(
        &readme[start..end],
        expected,
        "README's rules table is stale: UPDATE_GOLDEN=1 cargo test --test readme_rules"
    );
}
