//! `cspplan plan`, its options in [`COMMAND`] (`cspplan plan --help`).
//!
//! Reads subscription files through the importer, or a plan input saved as JSON (a
//! serialized `PlanInput`, or a draft holding one), and prints the plan. Exit 0 when
//! a plan was made, blockers included; 2 with a message on standard error when an
//! input cannot be read or an argument is wrong.

use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{Days, NaiveDate};
use csp_planner::catalog::Catalog;
use csp_planner::export::json::plan_to_json;
use csp_planner::export::markdown::to_markdown;
use csp_planner::export::report::partner_report;
use csp_planner::i18n::Lang;
use csp_planner::import::{import_files, ImportOptions, InputFile};
use csp_planner::model::{BillingChoice, PlanInput};
use csp_planner::plan::make_plan;

use crate::cli::{self, Command, Opt, Takes};

#[derive(Clone, Copy, PartialEq, Eq, Default)]
enum OutputFormat {
    #[default]
    Json,
    Markdown,
}

#[derive(Default)]
pub struct Arguments {
    paths: Vec<String>,
    partner_country: Option<String>,
    customer_country: Option<String>,
    as_of: Option<NaiveDate>,
    lang: Lang,
    format: OutputFormat,
    catalog_path: Option<String>,
    accept_mappings: bool,
    demo: bool,
    billing: Option<BillingChoice>,
    sell_prices_path: Option<String>,
}

impl cli::Arguments for Arguments {
    fn lang(&self) -> Lang {
        self.lang
    }

    fn file(&mut self, path: String) {
        self.paths.push(path);
    }

    fn missing(&self) -> Option<cli::Text> {
        (self.paths.is_empty() && !self.demo).then_some(("no file to plan", "aucun fichier à planifier"))
    }
}

fn country_code(text: &str, lang: Lang) -> Result<String, String> {
    if let Some(code) = csp_planner::markets::code_of(text) {
        return Ok(code.to_string());
    }
    let trimmed = text.trim();
    if trimmed.len() == 2 && trimmed.chars().all(|character| character.is_ascii_alphabetic()) {
        return Ok(trimmed.to_ascii_uppercase());
    }
    Err(match lang {
        Lang::En => format!("{text:?} is not an ISO 3166-1 alpha-2 country code (e.g. FR, DE, US)"),
        Lang::Fr => format!("{text:?} n’est pas un code pays ISO 3166-1 alpha-2 (par exemple FR, DE, US)"),
    })
}

pub const COMMAND: Command<Arguments> = Command {
    name: "plan",
    about: (
        "plans the move of the subscriptions in the files (exports, or a saved draft or plan input as JSON) and prints the plan",
        "planifie la migration des abonnements des fichiers (exports, ou brouillon ou entrée de plan enregistrés en JSON) et affiche le plan",
    ),
    options: &[
        Opt {
            long: "partner-country",
            takes: Takes::Value("CC", |arguments, text, lang| {
                arguments.partner_country = Some(country_code(text, lang)?);
                Ok(())
            }),
            help: ("the partner's country (ISO code, e.g. FR)", "le pays du partenaire (code ISO, par exemple FR)"),
        },
        Opt {
            long: "customer-country",
            takes: Takes::Value("CC", |arguments, text, lang| {
                arguments.customer_country = Some(country_code(text, lang)?);
                Ok(())
            }),
            help: (
                "the customer's country, when the files do not say",
                "le pays du client, quand les fichiers ne le disent pas",
            ),
        },
        Opt {
            long: "as-of",
            takes: Takes::Value("YYYY-MM-DD", |arguments, text, lang| {
                let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| match lang {
                    Lang::En => format!("{text:?} is not a date YYYY-MM-DD"),
                    Lang::Fr => format!("{text:?} n’est pas une date AAAA-MM-JJ"),
                })?;
                arguments.as_of = Some(date);
                Ok(())
            }),
            help: ("the plan date (default: today, UTC)", "la date du plan (par défaut : aujourd’hui, UTC)"),
        },
        Opt {
            long: "lang",
            takes: Takes::Value("en|fr", |arguments, tag, lang| {
                arguments.lang = cli::parse_lang(tag, lang)?;
                Ok(())
            }),
            help: ("the language of the plan (default: en)", "la langue du plan (par défaut : en)"),
        },
        Opt {
            long: "format",
            takes: Takes::Value("json|md", |arguments, format, lang| {
                arguments.format = match format {
                    "json" => OutputFormat::Json,
                    "md" | "markdown" => OutputFormat::Markdown,
                    other => {
                        return Err(match lang {
                            Lang::En => format!("unknown format {other:?}: use json or md"),
                            Lang::Fr => format!("format inconnu {other:?} : utilisez json ou md"),
                        })
                    }
                };
                Ok(())
            }),
            help: (
                "the documented JSON (default), or the partner report in Markdown",
                "le JSON documenté (par défaut), ou le rapport partenaire en Markdown",
            ),
        },
        Opt {
            long: "catalog",
            takes: Takes::Value("CSV", |arguments, path, _| {
                arguments.catalog_path = Some(path.to_owned());
                Ok(())
            }),
            help: (
                "a copy of Microsoft's licensing reference table, instead of the built-in catalog",
                "une copie de la table de référence des licences de Microsoft, au lieu du catalogue intégré",
            ),
        },
        Opt {
            long: "accept-mappings",
            takes: Takes::Flag(|arguments| arguments.accept_mappings = true),
            help: (
                "read tables of unknown format with the suggested column mapping",
                "lit les tables de format inconnu avec la correspondance de colonnes suggérée",
            ),
        },
        Opt {
            long: "demo",
            takes: Takes::Flag(|arguments| arguments.demo = true),
            help: ("plan the built-in demo customer", "planifie le client de démonstration intégré"),
        },
        Opt {
            long: "billing",
            takes: Takes::Value("CHOICE", |arguments, text, lang| {
                let billing = BillingChoice::from_id(text).ok_or_else(|| match lang {
                    Lang::En => format!("unknown billing {text:?}: use monthly-term, annual-monthly, annual-upfront, triennial-monthly or triennial-upfront"),
                    Lang::Fr => format!("facturation inconnue {text:?} : utilisez monthly-term, annual-monthly, annual-upfront, triennial-monthly ou triennial-upfront"),
                })?;
                arguments.billing = Some(billing);
                Ok(())
            }),
            help: (
                "the plan's default billing: monthly-term, annual-monthly, annual-upfront, triennial-monthly or triennial-upfront (default: annual-monthly)",
                "la facturation par défaut du plan : monthly-term, annual-monthly, annual-upfront, triennial-monthly ou triennial-upfront (par défaut : annual-monthly)",
            ),
        },
        Opt {
            long: "sell-prices",
            takes: Takes::Value("CSV", |arguments, path, _| {
                arguments.sell_prices_path = Some(path.to_owned());
                Ok(())
            }),
            help: (
                "the partner's sell prices (the CSV the app exports), used before the price list",
                "les prix de vente du partenaire (le CSV qu’exporte l’application), utilisés avant la liste de prix",
            ),
        },
    ],
};

/// Today in UTC, from the system clock (chrono's clock feature is not used).
fn today_utc() -> NaiveDate {
    let days_since_epoch = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs() / 86_400)
        .unwrap_or_default();
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(Days::new(days_since_epoch)))
        .unwrap_or_default()
}

/// A plan input saved as JSON: a `PlanInput`, or a draft whose `input` is one.
fn read_plan_input_json(bytes: &[u8]) -> Option<PlanInput> {
    let text = std::str::from_utf8(bytes).ok()?.trim_start_matches('\u{feff}');
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let object = value.as_object()?;
    let input_value = match object.get("input") {
        Some(input) if input.get("subscriptions").is_some() => input.clone(),
        _ if object.contains_key("subscriptions")
            && (object.contains_key("settings")
                || object.contains_key("partner")
                || object.contains_key("customer")) =>
        {
            value.clone()
        }
        _ => return None,
    };
    serde_json::from_value(input_value).ok()
}

pub fn run(arguments: Arguments) -> Result<(), String> {
    let as_of = arguments.as_of.unwrap_or_else(today_utc);
    let mut input = if arguments.demo { csp_planner::demo::demo_input(as_of) } else { PlanInput::default() };
    let mut loaded_catalog: Option<Catalog> = None;
    let mut import_inputs = Vec::new();
    for path in &arguments.paths {
        let bytes = std::fs::read(path).map_err(|error| format!("cannot read {path}: {error}"))?;
        match read_plan_input_json(&bytes) {
            Some(saved) => {
                if input.subscriptions.is_empty() && input.customer.name.is_empty() {
                    input = PlanInput { subscriptions: Vec::new(), ..saved.clone() };
                }
                input.overrides.extend(saved.overrides);
                input.subscriptions.extend(saved.subscriptions);
            }
            None => import_inputs.push(InputFile { name: path.clone(), bytes }),
        }
    }
    if !import_inputs.is_empty() {
        let options = ImportOptions {
            accept_suggested_mappings: arguments.accept_mappings,
            ..ImportOptions::default()
        };
        let outcome = import_files(&import_inputs, &options);
        for issue in outcome
            .report
            .issues
            .iter()
            .filter(|issue| issue.severity == csp_planner::import::Severity::Error)
        {
            eprintln!("cspplan: {}", issue.message(arguments.lang));
        }
        for (name, text) in &outcome.licensing_tables {
            let catalog = Catalog::from_reference_csv(text)
                .map_err(|error| format!("{name}: {}", error.message(arguments.lang)))?;
            loaded_catalog = Some(catalog.with_source_label(name.clone(), None));
        }
        let read_nothing = outcome.subscriptions.is_empty() && outcome.licensing_tables.is_empty();
        if read_nothing && input.subscriptions.is_empty() {
            let names: Vec<&str> = import_inputs.iter().map(|file| file.name.as_str()).collect();
            let hint = if outcome.unmapped_tables.is_empty() {
                ""
            } else {
                " (a table of unknown format needs a column mapping: try --accept-mappings)"
            };
            return Err(format!("no subscription could be read from {}{hint}", names.join(", ")));
        }
        input.subscriptions.extend(outcome.subscriptions);
        let catalog = loaded_catalog.as_ref().unwrap_or_else(|| Catalog::builtin());
        let list_prices =
            csp_planner::import::relevant_prices(&outcome.prices, &input.subscriptions, catalog);
        input.list_prices.extend(list_prices);
    }
    if let Some(path) = &arguments.catalog_path {
        let text = std::fs::read_to_string(path).map_err(|error| format!("cannot read {path}: {error}"))?;
        let catalog = Catalog::from_reference_csv(&text)
            .map_err(|error| format!("{path}: {}", error.message(arguments.lang)))?;
        loaded_catalog = Some(catalog.with_source_label(path.clone(), None));
    }
    if arguments.as_of.is_some() || input.settings.as_of == PlanInput::default().settings.as_of {
        input.settings.as_of = as_of;
    }
    if let Some(country) = arguments.partner_country {
        input.partner.country = Some(country);
    }
    if let Some(country) = arguments.customer_country {
        input.customer.country = Some(country);
    }
    if let Some(billing) = arguments.billing {
        input.settings.billing_default = billing;
    }
    if let Some(path) = &arguments.sell_prices_path {
        let text = std::fs::read_to_string(path).map_err(|error| format!("cannot read {path}: {error}"))?;
        let (prices, errors) = csp_planner::cost::partner_prices::from_csv(&text);
        for error in errors {
            eprintln!("cspplan: {}", error.message(path, arguments.lang));
        }
        for price in prices {
            csp_planner::cost::partner_prices::set(&mut input.partner.sell_prices, price);
        }
    }
    let catalog = loaded_catalog.as_ref().unwrap_or_else(|| Catalog::builtin());
    let plan = make_plan(&input, catalog);
    let cost = csp_planner::cost::assess(&plan, &input, catalog);
    let mut output = match arguments.format {
        OutputFormat::Json => {
            let mut document = plan_to_json(&plan, arguments.lang);
            if let serde_json::Value::Object(fields) = &mut document {
                fields.insert("cost".into(), csp_planner::cost::cost_to_json(&cost, arguments.lang));
            }
            serde_json::to_string_pretty(&document)
                .map_err(|error| format!("cannot write the plan: {error}"))?
        }
        // The partner report, as the app downloads it (its cost sections included).
        OutputFormat::Markdown => to_markdown(&partner_report(&plan, &input, &cost, arguments.lang)),
    };
    if !output.ends_with('\n') {
        output.push('\n');
    }
    print!("{output}");
    Ok(())
}
