//! `cspplan import FILE... [--format json] [--lang en|fr] [--input-format ID]
//! [--date-order dmy|mdy] [--sheet NAME] [--accept-mappings]`
//!
//! Prints the normalised subscriptions and the import report as JSON.
//! Exit 2 (message on standard error) when no file can be read at all.

use csp_planner::i18n::Lang;
use csp_planner::import::{
    import_files, DateOrder, FormatId, ImportOptions, ImportOutcome, InputFile, Severity,
};
use serde_json::{json, Value};

const USAGE: &str = "usage: cspplan import FILE... [--format json] [--lang en|fr] [--input-format ID] [--date-order dmy|mdy] [--sheet NAME] [--accept-mappings]";

struct Arguments {
    paths: Vec<String>,
    lang: Lang,
    options: ImportOptions,
}

fn parse_arguments(args: &[String]) -> Result<Arguments, String> {
    let mut parsed = Arguments { paths: Vec::new(), lang: Lang::En, options: ImportOptions::default() };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value =
            |name: &str| rest.next().cloned().ok_or_else(|| format!("{name} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--format" => {
                let format = value("--format")?;
                if format != "json" {
                    return Err(format!("unknown output format {format:?}: only json is available\n{USAGE}"));
                }
            }
            "--lang" => {
                let tag = value("--lang")?;
                parsed.lang =
                    Lang::from_tag(&tag).ok_or_else(|| format!("unknown language {tag:?}: use en or fr"))?;
            }
            "--input-format" => {
                let id = value("--input-format")?;
                let known: Vec<&str> = FormatId::ALL.iter().map(|format| format.id()).collect();
                let format = FormatId::from_id(&id)
                    .ok_or_else(|| format!("unknown input format {id:?}; known: {}", known.join(", ")))?;
                parsed.options.format_override = Some(format);
            }
            "--date-order" => {
                parsed.options.date_order = Some(match value("--date-order")?.as_str() {
                    "dmy" | "dd/mm/yyyy" => DateOrder::DayMonthYear,
                    "mdy" | "mm/dd/yyyy" => DateOrder::MonthDayYear,
                    other => return Err(format!("unknown date order {other:?}: use dmy or mdy")),
                });
            }
            "--sheet" => parsed.options.sheet = Some(value("--sheet")?),
            "--accept-mappings" => parsed.options.accept_suggested_mappings = true,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}\n{USAGE}")),
            path => parsed.paths.push(path.to_owned()),
        }
    }
    if parsed.paths.is_empty() {
        return Err(format!("no file to import\n{USAGE}"));
    }
    Ok(parsed)
}

/// The outcome as the command prints it: model field names for subscriptions,
/// and issues with their message in the chosen language.
fn to_json(outcome: &ImportOutcome, lang: Lang) -> Value {
    let report = &outcome.report;
    let issues: Vec<Value> = report
        .issues
        .iter()
        .map(|issue| {
            json!({
                "file": issue.file,
                "line": issue.line,
                "field": issue.field,
                "severity": issue.severity,
                "kind": serde_json::to_value(&issue.kind).ok().and_then(|kind| kind.get("kind").cloned()),
                "message": issue.message(lang),
            })
        })
        .collect();
    json!({
        "subscriptions": outcome.subscriptions,
        "report": {
            "formats": report.formats,
            "rows_read": report.rows_read,
            "imported": report.imported,
            "imported_with_warnings": report.imported_with_warnings,
            "rejected": report.rejected,
            "skipped_blank": report.skipped_blank,
            "skipped_totals": report.skipped_totals,
            "merged": report.merged,
            "issues": issues,
            "rejected_rows": report.rejected_rows,
        },
        "prices": outcome.prices,
        "licensing_tables": outcome.licensing_tables.iter().map(|(file, _)| file).collect::<Vec<_>>(),
        "unmapped_tables": outcome.unmapped_tables,
    })
}

pub fn run(args: &[String]) -> Result<(), String> {
    let arguments = parse_arguments(args)?;
    let mut files = Vec::new();
    let mut unreadable = Vec::new();
    for path in &arguments.paths {
        match std::fs::read(path) {
            Ok(bytes) => files.push(InputFile { name: path.clone(), bytes }),
            Err(error) => unreadable.push(format!("{path}: {error}")),
        }
    }
    if files.is_empty() {
        return Err(format!("no file can be read:\n  {}", unreadable.join("\n  ")));
    }
    for problem in &unreadable {
        eprintln!("cspplan: skipped {problem}");
    }
    let outcome = import_files(&files, &arguments.options);
    let text = serde_json::to_string_pretty(&to_json(&outcome, arguments.lang))
        .map_err(|error| error.to_string())?;
    println!("{text}");

    // Every file refused as a whole (not a table, invalid JSON, too large...): nothing was read.
    let file_errors: Vec<String> = outcome
        .report
        .issues
        .iter()
        .filter(|issue| issue.severity == Severity::Error && issue.line.is_none())
        .map(|issue| issue.located_message(arguments.lang))
        .collect();
    let refused_files = outcome.report.formats.iter().filter(|file| {
        file.format.is_none()
            && outcome.report.issues.iter().any(|issue| {
                issue.file == file.file && issue.severity == Severity::Error && issue.line.is_none()
            })
    });
    if refused_files.count() == files.len() {
        return Err(format!("no file can be read:\n  {}", file_errors.join("\n  ")));
    }
    Ok(())
}
