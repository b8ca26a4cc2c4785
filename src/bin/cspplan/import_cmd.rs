//! `cspplan import`, its options in [`COMMAND`] (`cspplan import --help`).
//!
//! Prints the normalised subscriptions and the import report as JSON.
//! Exit 2 (message on standard error) when no file can be read at all.

use csp_planner::i18n::Lang;
use csp_planner::import::{
    import_files, DateOrder, FormatId, ImportOptions, ImportOutcome, InputFile, Severity,
};
use serde_json::{json, Value};

use crate::cli::{self, Command, Opt, Takes};

#[derive(Default)]
pub struct Arguments {
    paths: Vec<String>,
    lang: Lang,
    options: ImportOptions,
}

impl cli::Arguments for Arguments {
    fn lang(&self) -> Lang {
        self.lang
    }

    fn file(&mut self, path: String) {
        self.paths.push(path);
    }

    fn missing(&self) -> Option<cli::Text> {
        self.paths.is_empty().then_some(("no file to import", "aucun fichier à importer"))
    }
}

pub const COMMAND: Command<Arguments> = Command {
    name: "import",
    about: (
        "prints the subscriptions read from the files, and the import report, as JSON",
        "affiche en JSON les abonnements lus dans les fichiers, et le rapport d’import",
    ),
    options: &[
        Opt {
            long: "format",
            takes: Takes::Value("json", |_, format, lang| match format {
                "json" => Ok(()),
                other => Err(match lang {
                    Lang::En => format!("unknown output format {other:?}: only json is available"),
                    Lang::Fr => format!("format de sortie inconnu {other:?} : seul json est disponible"),
                }),
            }),
            help: ("the output format (only json)", "le format de sortie (json seulement)"),
        },
        Opt {
            long: "lang",
            takes: Takes::Value("en|fr", |arguments, tag, lang| {
                arguments.lang = cli::parse_lang(tag, lang)?;
                Ok(())
            }),
            help: ("the language of the messages (default: en)", "la langue des messages (par défaut : en)"),
        },
        Opt {
            long: "input-format",
            takes: Takes::Value("ID", |arguments, id, lang| {
                let format = FormatId::from_id(id).ok_or_else(|| {
                    let known: Vec<&str> = FormatId::ALL.iter().map(|format| format.id()).collect();
                    match lang {
                        Lang::En => format!("unknown input format {id:?}; known: {}", known.join(", ")),
                        Lang::Fr => format!("format d’entrée inconnu {id:?} ; connus : {}", known.join(", ")),
                    }
                })?;
                arguments.options.format_override = Some(format);
                Ok(())
            }),
            help: (
                "read every file in this format instead of the recognised one",
                "lit chaque fichier dans ce format au lieu de celui reconnu",
            ),
        },
        Opt {
            long: "date-order",
            takes: Takes::Value("dmy|mdy", |arguments, order, lang| {
                arguments.options.date_order = Some(match order {
                    "dmy" | "dd/mm/yyyy" => DateOrder::DayMonthYear,
                    "mdy" | "mm/dd/yyyy" => DateOrder::MonthDayYear,
                    other => {
                        return Err(match lang {
                            Lang::En => format!("unknown date order {other:?}: use dmy or mdy"),
                            Lang::Fr => format!("ordre de date inconnu {other:?} : utilisez dmy ou mdy"),
                        })
                    }
                });
                Ok(())
            }),
            help: (
                "the day/month order of slashed dates (default: told from the file)",
                "l’ordre jour/mois des dates à barres obliques (par défaut : déduit du fichier)",
            ),
        },
        Opt {
            long: "sheet",
            takes: Takes::Value("NAME", |arguments, sheet, _| {
                arguments.options.sheet = Some(sheet.to_owned());
                Ok(())
            }),
            help: (
                "the worksheet to read in workbooks (default: the first with cells)",
                "la feuille à lire dans les classeurs (par défaut : la première qui a des cellules)",
            ),
        },
        Opt {
            long: "accept-mappings",
            takes: Takes::Flag(|arguments| arguments.options.accept_suggested_mappings = true),
            help: (
                "read tables of unknown format with the suggested column mapping",
                "lit les tables de format inconnu avec la correspondance de colonnes suggérée",
            ),
        },
    ],
};

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

pub fn run(arguments: Arguments) -> Result<(), String> {
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
