//! What can go wrong while importing, as typed values with positions, and the
//! one place that turns each kind into a sentence in English or French.

use serde::{Deserialize, Serialize};

use super::sniff::FileKind;
use super::values::{CountProblem, DateOrder};
use crate::i18n::Lang;

/// How bad an issue is for the row or file it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something worth knowing; nothing was lost.
    Info,
    /// A field could not be read and was left empty; the row was imported.
    Warning,
    /// The row or file was not imported.
    Error,
}

/// What a cell was expected to hold, for "not a ..." messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueKind {
    Number,
    YesNo,
    Term,
    BillingFrequency,
    Status,
    Channel,
    BillingAccount,
    Guid,
    Currency,
    Country,
}

impl ValueKind {
    fn describe(self, lang: Lang) -> &'static str {
        match self {
            ValueKind::Number => lang.pick("a number", "un nombre"),
            ValueKind::YesNo => {
                lang.pick("yes or no (true/false, oui/non, 1/0)", "oui ou non (true/false, vrai/faux, 1/0)")
            }
            ValueKind::Term => lang.pick(
                "a term (P1M, P1Y, P3Y, monthly, annual...)",
                "une durée d’engagement (P1M, P1Y, P3Y, mensuel, annuel...)",
            ),
            ValueKind::BillingFrequency => lang.pick(
                "a billing frequency (monthly, annual, triennial)",
                "une fréquence de facturation (mensuelle, annuelle, triennale)",
            ),
            ValueKind::Status => lang.pick(
                "a status (active, warning, suspended, expired...)",
                "un statut (actif, avertissement, suspendu, expiré...)",
            ),
            ValueKind::Channel => lang.pick(
                "a channel (direct, ea, csp-nce, csp-legacy, unknown)",
                "un canal (direct, ea, csp-nce, csp-legacy, unknown)",
            ),
            ValueKind::BillingAccount => lang.pick(
                "a billing account type (MOSA, MCA, unknown)",
                "un type de compte de facturation (MOSA, MCA, inconnu)",
            ),
            ValueKind::Guid => lang.pick(
                "a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)",
                "un GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)",
            ),
            ValueKind::Currency => lang.pick(
                "a three-letter currency code (EUR, USD...)",
                "un code de devise de trois lettres (EUR, USD...)",
            ),
            ValueKind::Country => {
                lang.pick("a two-letter country code (FR, BE...)", "un code pays de deux lettres (FR, BE...)")
            }
        }
    }
}

/// What is wrong in a JSON file, in words a consultant understands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum JsonProblem {
    /// The file stops in the middle of a value: usually a truncated copy.
    UnexpectedEnd,
    /// A comma before a closing `]` or `}`.
    TrailingComma,
    /// Two values without a comma between them, or a bracket that is not closed.
    MissingCommaOrBracket,
    /// An object key without double quotes.
    KeyNotQuoted,
    /// Something that is not a JSON value (a stray word, a single quote).
    UnexpectedCharacter,
    /// A malformed number.
    InvalidNumber,
    /// A malformed escape or control character inside a string.
    InvalidString,
    /// More text after the end of the JSON document.
    TextAfterEnd,
    /// Anything else, in the parser's own (English) words.
    Other(String),
}

impl JsonProblem {
    pub(crate) fn from_serde(error: &serde_json::Error) -> JsonProblem {
        if error.is_eof() {
            return JsonProblem::UnexpectedEnd;
        }
        let text = error.to_string();
        let what = text.split(" at line ").next().unwrap_or(&text);
        match what {
            "trailing comma" => JsonProblem::TrailingComma,
            w if w.starts_with("expected `,` or") || w.starts_with("expected `:`") => {
                JsonProblem::MissingCommaOrBracket
            }
            "key must be a string" => JsonProblem::KeyNotQuoted,
            "expected value" | "expected ident" => JsonProblem::UnexpectedCharacter,
            "invalid number" | "number out of range" => JsonProblem::InvalidNumber,
            w if w.contains("escape")
                || w.contains("control character")
                || w.contains("unicode code point") =>
            {
                JsonProblem::InvalidString
            }
            "trailing characters" => JsonProblem::TextAfterEnd,
            other => JsonProblem::Other(other.to_owned()),
        }
    }

    fn describe(&self, lang: Lang) -> String {
        match self {
            JsonProblem::UnexpectedEnd => lang
                .pick(
                    "the file ends in the middle of a value (is it a truncated copy?)",
                    "le fichier s’arrête au milieu d’une valeur (copie tronquée ?)",
                )
                .into(),
            JsonProblem::TrailingComma => lang
                .pick(
                    "there is a comma just before a closing bracket",
                    "il y a une virgule juste avant un crochet ou une accolade fermante",
                )
                .into(),
            JsonProblem::MissingCommaOrBracket => lang
                .pick(
                    "a comma, a colon or a closing bracket is missing",
                    "il manque une virgule, deux-points ou un crochet fermant",
                )
                .into(),
            JsonProblem::KeyNotQuoted => lang
                .pick(
                    "a property name is not between double quotes",
                    "un nom de propriété n’est pas entre guillemets droits",
                )
                .into(),
            JsonProblem::UnexpectedCharacter => lang
                .pick(
                    "a value was expected here (text must be between double quotes)",
                    "une valeur était attendue ici (le texte doit être entre guillemets droits)",
                )
                .into(),
            JsonProblem::InvalidNumber => {
                lang.pick("a number is malformed", "un nombre est mal formé").into()
            }
            JsonProblem::InvalidString => lang
                .pick(
                    "a text value contains an invalid escape or control character",
                    "un texte contient un échappement ou un caractère de contrôle invalide",
                )
                .into(),
            JsonProblem::TextAfterEnd => lang
                .pick(
                    "there is more text after the end of the JSON document",
                    "il reste du texte après la fin du document JSON",
                )
                .into(),
            JsonProblem::Other(words) => match lang {
                Lang::En => words.clone(),
                Lang::Fr => format!("erreur de syntaxe ({words})"),
            },
        }
    }
}

/// Why an Excel workbook cannot be read, in words a consultant understands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WorkbookProblem {
    /// No complete zip archive: a partial download, or not a workbook at all.
    Truncated,
    /// The ZIP64 extension (archives over 4 GB), which no real export needs.
    Zip64,
    /// Password protected.
    Encrypted,
    UnsupportedCompression {
        part: String,
        method: u16,
    },
    /// A part that does not inflate or fails its checksum.
    DamagedPart {
        part: String,
    },
    /// A part inflating beyond the limit (a zip bomb, or no real export).
    PartTooLarge {
        part: String,
        limit_mb: u64,
    },
    MissingPart {
        part: String,
    },
    /// An Excel binary workbook (`.xlsb`).
    BinaryWorkbook,
    NoSheet,
    /// A sheet whose used range is too large to hold as a grid.
    TooManyCells {
        sheet: String,
        rows: u64,
        columns: u64,
        limit: u64,
    },
}

impl WorkbookProblem {
    fn describe(&self, lang: Lang) -> String {
        match self {
            WorkbookProblem::Truncated => lang
                .pick("the file is not a complete workbook: is it a partial download?", "le fichier n’est pas un classeur complet : est-ce un téléchargement interrompu ?")
                .into(),
            WorkbookProblem::Zip64 => lang
                .pick("it is stored in the ZIP64 format, which the importer does not read", "il est enregistré au format ZIP64, que l’import ne lit pas")
                .into(),
            WorkbookProblem::Encrypted => lang.pick("it is protected by a password", "il est protégé par un mot de passe").into(),
            WorkbookProblem::UnsupportedCompression { part, method } => match lang {
                Lang::En => format!("its part {part} is compressed with method {method}, which the importer does not read"),
                Lang::Fr => format!("sa partie {part} est compressée avec la méthode {method}, que l’import ne lit pas"),
            },
            WorkbookProblem::DamagedPart { part } => match lang {
                Lang::En => format!("its part {part} is damaged"),
                Lang::Fr => format!("sa partie {part} est endommagée"),
            },
            WorkbookProblem::PartTooLarge { part, limit_mb } => match lang {
                Lang::En => format!("its part {part} expands to more than {limit_mb} MB"),
                Lang::Fr => format!("sa partie {part} dépasse {limit_mb} Mo une fois décompressée"),
            },
            WorkbookProblem::MissingPart { part } => match lang {
                Lang::En => format!("its part {part} is missing"),
                Lang::Fr => format!("sa partie {part} est absente"),
            },
            WorkbookProblem::BinaryWorkbook => lang
                .pick("it is an Excel binary workbook (.xlsb)", "c’est un classeur binaire Excel (.xlsb)")
                .into(),
            WorkbookProblem::NoSheet => lang.pick("it has no sheet", "il n’a aucune feuille").into(),
            WorkbookProblem::TooManyCells { sheet, rows, columns, limit } => match lang {
                Lang::En => format!("the sheet \"{sheet}\" spans {rows} rows by {columns} columns, more than the {limit} cells the importer reads"),
                Lang::Fr => format!("la feuille « {sheet} » s’étend sur {rows} lignes et {columns} colonnes, plus que les {limit} cellules que l’import lit"),
            },
        }
    }
}

/// Every issue the importer reports. Row and field issues get their position
/// from the enclosing [`Issue`]; the parameters here are what the message needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "params", rename_all = "snake_case")]
pub enum IssueKind {
    // Files.
    TooLarge {
        size_bytes: u64,
        limit_bytes: u64,
    },
    EmptyFile,
    NotATable {
        looks_like: FileKind,
    },
    InvalidJson {
        line: usize,
        column: usize,
        problem: JsonProblem,
    },
    JsonWithoutSubscriptions,
    EmptyJsonList,
    /// Written by versions that read workbooks through `calamine` (its English
    /// error text); kept so drafts saved then still open.
    UnreadableWorkbook {
        detail: String,
    },
    InvalidWorkbook {
        problem: WorkbookProblem,
    },
    UnreadableTable {
        detail: String,
    },
    SheetNotFound {
        sheet: String,
        available: Vec<String>,
    },
    NoHeaderRow,
    TableNotRecognised {
        rows: usize,
    },
    DecodedAsWindows1252,
    AmbiguousDateOrder {
        assumed: DateOrder,
    },
    PreambleSkipped {
        lines: usize,
    },
    MissingColumns {
        columns: Vec<String>,
    },
    LicensingReferenceRecognised,
    // Rows.
    MissingIdentity,
    MissingValue,
    TotalRowSkipped,
    DuplicateSubscriptionId {
        id: String,
        renamed_to: String,
    },
    SeatsUnknown,
    AssignedSeatsForWholeSku {
        subscriptions: usize,
    },
    TermEstimated {
        days: i64,
    },
    // Fields.
    InvalidCount {
        value: String,
        problem: CountProblemKind,
    },
    InvalidDate {
        value: String,
    },
    AmbiguousDate {
        value: String,
    },
    InvalidValue {
        value: String,
        expected: ValueKind,
    },
}

/// Serialisable twin of [`CountProblem`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CountProblemKind {
    NotANumber,
    Negative,
    Fractional,
    TooLarge,
}

impl From<CountProblem> for CountProblemKind {
    fn from(problem: CountProblem) -> Self {
        match problem {
            CountProblem::NotANumber => CountProblemKind::NotANumber,
            CountProblem::Negative => CountProblemKind::Negative,
            CountProblem::Fractional => CountProblemKind::Fractional,
            CountProblem::TooLarge => CountProblemKind::TooLarge,
        }
    }
}

/// A size in megabytes (2^20 bytes) with one decimal, in the language's notation.
fn megabytes(bytes: u64, lang: Lang) -> String {
    let text = format!("{:.1}", bytes as f64 / (1024.0 * 1024.0));
    match lang {
        Lang::En => text,
        Lang::Fr => text.replace('.', ","),
    }
}

fn what_to_export(lang: Lang) -> &'static str {
    lang.pick(
        "Export the subscriptions as CSV, Excel (.xlsx) or JSON instead (Microsoft 365 admin center, Partner Center, Graph or the planner's template).",
        "Exportez plutôt les abonnements en CSV, Excel (.xlsx) ou JSON (centre d’administration Microsoft 365, Partner Center, Graph ou le modèle du planificateur).",
    )
}

impl IssueKind {
    /// The default severity of this kind of issue.
    pub fn severity(&self) -> Severity {
        use IssueKind::*;
        match self {
            TooLarge { .. }
            | EmptyFile
            | NotATable { .. }
            | InvalidJson { .. }
            | JsonWithoutSubscriptions
            | UnreadableWorkbook { .. }
            | InvalidWorkbook { .. }
            | UnreadableTable { .. }
            | SheetNotFound { .. }
            | NoHeaderRow
            | MissingIdentity => Severity::Error,
            TableNotRecognised { .. }
            | EmptyJsonList
            | AmbiguousDateOrder { .. }
            | MissingColumns { .. }
            | DuplicateSubscriptionId { .. }
            | MissingValue
            | SeatsUnknown
            | InvalidCount { .. }
            | InvalidDate { .. }
            | AmbiguousDate { .. }
            | InvalidValue { .. } => Severity::Warning,
            DecodedAsWindows1252
            | PreambleSkipped { .. }
            | LicensingReferenceRecognised
            | TotalRowSkipped
            | AssignedSeatsForWholeSku { .. }
            | TermEstimated { .. } => Severity::Info,
        }
    }

    /// The sentence shown to the user; `field` is the column or JSON property
    /// the issue is about, when there is one.
    pub fn message(&self, lang: Lang, field: Option<&str>) -> String {
        let field = field.unwrap_or("");
        match self {
            IssueKind::TooLarge { size_bytes, limit_bytes } => match lang {
                Lang::En => format!(
                    "This file is {} MB; the importer reads files up to {} MB. Export fewer columns or split it.",
                    megabytes(*size_bytes, lang),
                    megabytes(*limit_bytes, lang)
                ),
                Lang::Fr => format!(
                    "Ce fichier fait {} Mo ; l’import accepte des fichiers jusqu’à {} Mo. Exportez moins de colonnes ou découpez-le.",
                    megabytes(*size_bytes, lang),
                    megabytes(*limit_bytes, lang)
                ),
            },
            IssueKind::EmptyFile => lang.pick("This file is empty.", "Ce fichier est vide.").into(),
            IssueKind::NotATable { looks_like } => {
                format!("{} {}", looks_like.describe(lang), what_to_export(lang))
            }
            IssueKind::InvalidJson { line, column, problem } => match lang {
                Lang::En => format!("This JSON file is invalid at line {line}, column {column}: {}.", problem.describe(lang)),
                Lang::Fr => format!("Ce fichier JSON est invalide ligne {line}, colonne {column} : {}.", problem.describe(lang)),
            },
            IssueKind::JsonWithoutSubscriptions => lang
                .pick(
                    "This JSON file is valid but holds no list of subscriptions or licenses the importer knows (Graph subscribedSkus or directory/subscriptions, Partner Center subscriptions).",
                    "Ce fichier JSON est valide mais ne contient aucune liste d’abonnements ou de licences connue (Graph subscribedSkus ou directory/subscriptions, abonnements Partner Center).",
                )
                .into(),
            IssueKind::EmptyJsonList => lang
                .pick("This JSON file holds an empty list: there is no subscription to import.", "Ce fichier JSON contient une liste vide : il n’y a aucun abonnement à importer.")
                .into(),
            IssueKind::UnreadableWorkbook { detail } => match lang {
                Lang::En => format!("This Excel workbook cannot be read ({detail}). Open it in Excel and save it again as .xlsx or CSV."),
                Lang::Fr => format!("Ce classeur Excel est illisible ({detail}). Ouvrez-le dans Excel et enregistrez-le à nouveau en .xlsx ou en CSV."),
            },
            IssueKind::InvalidWorkbook { problem } => match lang {
                Lang::En => format!("This Excel workbook cannot be read: {}. Open it in Excel and save it again as .xlsx or CSV.", problem.describe(lang)),
                Lang::Fr => format!("Ce classeur Excel est illisible : {}. Ouvrez-le dans Excel et enregistrez-le à nouveau en .xlsx ou en CSV.", problem.describe(lang)),
            },
            IssueKind::UnreadableTable { detail } => match lang {
                Lang::En => format!("The rest of this table cannot be read ({detail})."),
                Lang::Fr => format!("La suite de ce tableau est illisible ({detail})."),
            },
            IssueKind::SheetNotFound { sheet, available } => match lang {
                Lang::En => format!("The workbook has no sheet named \"{sheet}\"; its sheets are: {}.", available.join(", ")),
                Lang::Fr => format!("Le classeur n’a pas de feuille nommée « {sheet} » ; ses feuilles sont : {}.", available.join(", ")),
            },
            IssueKind::NoHeaderRow => lang
                .pick("This table has no header row: the first line must name the columns.", "Ce tableau n’a pas de ligne d’en-tête : la première ligne doit nommer les colonnes.")
                .into(),
            IssueKind::TableNotRecognised { rows } => match lang {
                Lang::En => format!("The columns of this table match no known export: confirm which column holds what to import its {rows} rows."),
                Lang::Fr => format!("Les colonnes de ce tableau ne correspondent à aucun export connu : indiquez le contenu de chaque colonne pour importer ses {rows} lignes."),
            },
            IssueKind::DecodedAsWindows1252 => lang
                .pick("This file is not UTF-8: it was read as Windows-1252 (Western European), as older Excel versions save CSV.", "Ce fichier n’est pas en UTF-8 : il a été lu en Windows-1252 (Europe occidentale), comme l’enregistrent les anciennes versions d’Excel.")
                .into(),
            IssueKind::AmbiguousDateOrder { assumed } => match (lang, assumed) {
                (Lang::En, DateOrder::DayMonthYear) => "No date in this file shows whether it is day/month or month/day: they were read as dd/mm/yyyy. Change the date order if they are US dates.".into(),
                (Lang::En, DateOrder::MonthDayYear) => "No date in this file shows whether it is day/month or month/day: they were read as mm/dd/yyyy (US). Change the date order if they are dd/mm/yyyy.".into(),
                (Lang::Fr, DateOrder::DayMonthYear) => "Aucune date de ce fichier n’indique s’il s’agit de jour/mois ou de mois/jour : elles ont été lues en jj/mm/aaaa. Changez l’ordre des dates s’il s’agit de dates américaines.".into(),
                (Lang::Fr, DateOrder::MonthDayYear) => "Aucune date de ce fichier n’indique s’il s’agit de jour/mois ou de mois/jour : elles ont été lues en mm/jj/aaaa (format américain). Changez l’ordre des dates s’il s’agit de dates jj/mm/aaaa.".into(),
            },
            IssueKind::PreambleSkipped { lines } => match lang {
                Lang::En => format!("{lines} line(s) before the header row were skipped (title, PowerShell #TYPE or sep= line)."),
                Lang::Fr => format!("{lines} ligne(s) avant la ligne d’en-tête ont été ignorées (titre, ligne #TYPE de PowerShell ou sep=)."),
            },
            IssueKind::MissingColumns { columns } => match lang {
                Lang::En => format!("Columns expected in this format are missing: {}.", columns.join(", ")),
                Lang::Fr => format!("Des colonnes attendues dans ce format manquent : {}.", columns.join(", ")),
            },
            IssueKind::LicensingReferenceRecognised => lang
                .pick("This is Microsoft's product names and service plan identifiers table: it updates the product catalog and holds no subscriptions.", "C’est la table Microsoft des noms de produits et identifiants de plans de service : elle met à jour le catalogue et ne contient aucun abonnement.")
                .into(),
            IssueKind::MissingIdentity => lang
                .pick("This row names no product, SKU or subscription, so it was not imported.", "Cette ligne ne nomme aucun produit, SKU ou abonnement : elle n’a pas été importée.")
                .into(),
            IssueKind::MissingValue => match lang {
                Lang::En => format!("{field} is empty: the number of licenses was taken as 0; enter it if the subscription has seats."),
                Lang::Fr => format!("{field} est vide : le nombre de licences a été pris égal à 0 ; saisissez-le si l’abonnement a des licences."),
            },
            IssueKind::TotalRowSkipped => lang
                .pick("A total row was skipped.", "Une ligne de total a été ignorée.")
                .into(),
            IssueKind::DuplicateSubscriptionId { id, renamed_to } => match lang {
                Lang::En => format!("The subscription id {id} appears more than once; this one was renamed {renamed_to}. Check the same subscription was not imported twice."),
                Lang::Fr => format!("L’identifiant d’abonnement {id} apparaît plusieurs fois ; celui-ci a été renommé {renamed_to}. Vérifiez que le même abonnement n’a pas été importé deux fois."),
            },
            IssueKind::SeatsUnknown => lang
                .pick("The number of licenses is not in this row (PowerShell exported PrepaidUnits as an object name): expand PrepaidUnits before Export-Csv, or enter it.", "Le nombre de licences n’est pas dans cette ligne (PowerShell a exporté PrepaidUnits sous forme de nom d’objet) : développez PrepaidUnits avant Export-Csv, ou saisissez-le.")
                .into(),
            IssueKind::AssignedSeatsForWholeSku { subscriptions } => match lang {
                Lang::En => format!("Graph counts assigned licenses per SKU, and this SKU has {subscriptions} subscriptions: the assigned count is left empty on each."),
                Lang::Fr => format!("Graph compte les licences attribuées par SKU, et ce SKU a {subscriptions} abonnements : le nombre attribué est laissé vide sur chacun."),
            },
            IssueKind::TermEstimated { days } => match lang {
                Lang::En => format!("The term and term end are estimated from the subscription's dates ({days} days between creation and next lifecycle date)."),
                Lang::Fr => format!("La durée et la fin d’engagement sont estimées d’après les dates de l’abonnement ({days} jours entre la création et la prochaine étape du cycle de vie)."),
            },
            IssueKind::InvalidCount { value, problem } => {
                let why = match problem {
                    CountProblemKind::NotANumber => lang.pick("not a number", "ce n’est pas un nombre"),
                    CountProblemKind::Negative => lang.pick("a count cannot be negative", "un nombre de licences ne peut pas être négatif"),
                    CountProblemKind::Fractional => lang.pick("a count must be a whole number", "un nombre de licences doit être entier"),
                    CountProblemKind::TooLarge => lang.pick("the number is too large", "le nombre est trop grand"),
                };
                match lang {
                    Lang::En => format!("\"{value}\" in {field} is not a license count: {why}."),
                    Lang::Fr => format!("« {value} » dans {field} n’est pas un nombre de licences : {why}."),
                }
            }
            IssueKind::InvalidDate { value } => match lang {
                Lang::En => format!("\"{value}\" in {field} is not a valid date (expected e.g. 2025-03-31 or 31/03/2025); the field was left empty."),
                Lang::Fr => format!("« {value} » dans {field} n’est pas une date valide (attendu par exemple 2025-03-31 ou 31/03/2025) ; le champ a été laissé vide."),
            },
            IssueKind::AmbiguousDate { value } => match lang {
                Lang::En => format!("\"{value}\" in {field} can be read as day/month or month/day: choose the date order of this file."),
                Lang::Fr => format!("« {value} » dans {field} peut se lire jour/mois ou mois/jour : choisissez l’ordre des dates de ce fichier."),
            },
            IssueKind::InvalidValue { value, expected } => match lang {
                Lang::En => format!("\"{value}\" in {field} is not {}; the field was left empty.", expected.describe(lang)),
                Lang::Fr => format!("« {value} » dans {field} n’est pas {} ; le champ a été laissé vide.", expected.describe(lang)),
            },
        }
    }
}

/// One issue, with where it is: the file, the 1-based line (for JSON, the
/// line where the object starts) and the column or property.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Issue {
    pub file: String,
    pub line: Option<u32>,
    pub field: Option<String>,
    pub severity: Severity,
    #[serde(flatten)]
    pub kind: IssueKind,
}

impl Issue {
    pub fn new(file: &str, line: Option<u32>, field: Option<&str>, kind: IssueKind) -> Issue {
        Issue {
            file: file.to_owned(),
            line,
            field: field.map(str::to_owned),
            severity: kind.severity(),
            kind,
        }
    }

    /// The sentence for this issue in `lang`, without the position (shown apart).
    pub fn message(&self, lang: Lang) -> String {
        self.kind.message(lang, self.field.as_deref())
    }

    /// "file, line 12, Date de fin: message", as the command line prints it.
    pub fn located_message(&self, lang: Lang) -> String {
        let mut place = crate::i18n::labels::source_label(&self.file, lang).into_owned();
        if let Some(line) = self.line {
            place.push_str(&match lang {
                Lang::En => format!(", line {line}"),
                Lang::Fr => format!(", ligne {line}"),
            });
        }
        if let Some(field) = &self.field {
            place.push_str(&format!(", {field}"));
        }
        format!("{place}: {}", self.message(lang))
    }
}
