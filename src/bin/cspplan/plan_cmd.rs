//! `cspplan plan FILE... [--partner-country CC] [--customer-country CC]
//! [--as-of YYYY-MM-DD] [--lang en|fr] [--format json|md] [--catalog CSV] [--accept-mappings]`
//! `cspplan plan --demo [...]`
//!
//! Reads subscription files through the importer, or a plan input saved as JSON (a
//! serialized `PlanInput`, or a draft holding one), and prints the plan. Exit 0 when
//! a plan was made, blockers included; 2 with a message on standard error when an
//! input cannot be read or an argument is wrong.

use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{Days, NaiveDate};
use csp_planner::catalog::Catalog;
use csp_planner::i18n::Lang;
use csp_planner::import::{import_files, ImportOptions, InputFile};
use csp_planner::model::PlanInput;
use csp_planner::plan::{make_plan, plan_to_json, plan_to_markdown};

const USAGE: &str = "usage: cspplan plan FILE... [--partner-country CC] [--customer-country CC] [--as-of YYYY-MM-DD] [--lang en|fr] [--format json|md] [--catalog CSV] [--accept-mappings] [--demo] [--billing CHOICE] [--sell-prices CSV]";

#[derive(Clone, Copy, PartialEq, Eq)]
enum OutputFormat {
    Json,
    Markdown,
}

struct Arguments {
    paths: Vec<String>,
    partner_country: Option<String>,
    customer_country: Option<String>,
    as_of: Option<NaiveDate>,
    lang: Lang,
    format: OutputFormat,
    catalog_path: Option<String>,
    accept_mappings: bool,
    demo: bool,
    billing: Option<csp_planner::model::BillingChoice>,
    sell_prices_path: Option<String>,
}

fn country_code(text: &str, option: &str) -> Result<String, String> {
    if let Some(code) = csp_planner::markets::code_of(text) {
        return Ok(code.to_string());
    }
    let trimmed = text.trim();
    if trimmed.len() == 2 && trimmed.chars().all(|character| character.is_ascii_alphabetic()) {
        return Ok(trimmed.to_ascii_uppercase());
    }
    Err(format!("{option}: {text:?} is not an ISO 3166-1 alpha-2 country code (e.g. FR, DE, US)"))
}

fn parse_arguments(args: &[String]) -> Result<Arguments, String> {
    let mut parsed = Arguments {
        paths: Vec::new(),
        partner_country: None,
        customer_country: None,
        as_of: None,
        lang: Lang::En,
        format: OutputFormat::Json,
        catalog_path: None,
        accept_mappings: false,
        demo: false,
        billing: None,
        sell_prices_path: None,
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value =
            |name: &str| rest.next().cloned().ok_or_else(|| format!("{name} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--partner-country" => parsed.partner_country = Some(country_code(&value(arg)?, arg)?),
            "--customer-country" => parsed.customer_country = Some(country_code(&value(arg)?, arg)?),
            "--as-of" => {
                let text = value(arg)?;
                parsed.as_of = Some(
                    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
                        .map_err(|_| format!("--as-of: {text:?} is not a date YYYY-MM-DD"))?,
                );
            }
            "--lang" => {
                let tag = value(arg)?;
                parsed.lang = Lang::from_tag(&tag)
                    .ok_or_else(|| format!("--lang: unknown language {tag:?}: use en or fr"))?;
            }
            "--format" => {
                parsed.format = match value(arg)?.as_str() {
                    "json" => OutputFormat::Json,
                    "md" | "markdown" => OutputFormat::Markdown,
                    other => return Err(format!("--format: unknown format {other:?}: use json or md")),
                }
            }
            "--catalog" => parsed.catalog_path = Some(value(arg)?),
            "--accept-mappings" => parsed.accept_mappings = true,
            "--demo" => parsed.demo = true,
            "--billing" => {
                let text = value(arg)?;
                parsed.billing = Some(csp_planner::model::BillingChoice::from_id(&text).ok_or_else(|| {
                    format!("--billing: unknown billing {text:?}: use monthly-term, annual-monthly, annual-upfront, triennial-monthly or triennial-upfront")
                })?);
            }
            "--sell-prices" => parsed.sell_prices_path = Some(value(arg)?),
            "-h" | "--help" => return Err(USAGE.to_string()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}\n{USAGE}")),
            path => parsed.paths.push(path.to_string()),
        }
    }
    if parsed.paths.is_empty() && !parsed.demo {
        return Err(format!("no file to plan\n{USAGE}"));
    }
    Ok(parsed)
}

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

pub fn run(args: &[String]) -> Result<(), String> {
    let arguments = parse_arguments(args)?;
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
            let catalog = Catalog::from_reference_csv(text).map_err(|error| format!("{name}: {error}"))?;
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
        let list_prices = csp_planner::import::relevant_prices(&outcome.prices, &input.subscriptions);
        input.list_prices.extend(list_prices);
    }
    if let Some(path) = &arguments.catalog_path {
        let text = std::fs::read_to_string(path).map_err(|error| format!("cannot read {path}: {error}"))?;
        let catalog = Catalog::from_reference_csv(&text).map_err(|error| format!("{path}: {error}"))?;
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
    let output = match arguments.format {
        OutputFormat::Json => {
            let mut document = plan_to_json(&plan, arguments.lang);
            if let serde_json::Value::Object(fields) = &mut document {
                fields.insert("cost".into(), csp_planner::cost::cost_to_json(&cost, arguments.lang));
            }
            serde_json::to_string_pretty(&document)
                .map_err(|error| format!("cannot write the plan: {error}"))?
        }
        OutputFormat::Markdown => {
            plan_to_markdown(&plan, arguments.lang) + "\n" + &cost_markdown(&plan, &cost, arguments.lang)
        }
    };
    println!("{output}");
    Ok(())
}

/// The cost sections of the partner report, one per customer, as Markdown.
fn cost_markdown(plan: &csp_planner::plan::Plan, cost: &csp_planner::cost::CostPlan, lang: Lang) -> String {
    use csp_planner::export::cost_section::partner_cost_section;
    let title = lang.pick("Business case", "Chiffrage");
    let mut document = csp_planner::export::Document::new(lang, title);
    let several = cost.customers.len() > 1;
    for customer in &cost.customers {
        if several {
            document.heading(2, customer.name.clone());
        }
        partner_cost_section(&mut document, plan, cost, customer, if several { 3 } else { 2 }, lang);
    }
    csp_planner::export::markdown::to_markdown(&document)
}
