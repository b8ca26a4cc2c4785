//! The column mapper: which column of an unknown table holds which field of a
//! subscription. Plain data, suggested here from header synonyms (English and
//! French) and from the values seen, confirmed by the user in the UI, and
//! remembered for tables with the same header signature.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::values::{
    clean_cell, header_key, parse_bool, parse_count, parse_date, parse_guid, parse_number, DateOrder,
};
use crate::i18n::Lang;

/// A field of `model::Subscription` a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Customer,
    TenantId,
    TenantCountry,
    SubscriptionId,
    Product,
    SkuId,
    SkuPartNumber,
    OfferId,
    SeatsTotal,
    SeatsAssigned,
    /// Unassigned licenses: the total is assigned + available when no total is given.
    SeatsAvailable,
    Status,
    Term,
    Billing,
    TermStart,
    TermEnd,
    AutoRenew,
    Trial,
    Channel,
    BillingAccount,
    OwnerTenantId,
    UnitPrice,
    Currency,
    /// Whether the subscription is an add-on of another (ADDON-BASE).
    AddOn,
    /// The subscription an add-on extends.
    BaseSubscriptionId,
}

impl Field {
    pub const ALL: [Field; 25] = [
        Field::Customer,
        Field::TenantId,
        Field::TenantCountry,
        Field::SubscriptionId,
        Field::Product,
        Field::SkuId,
        Field::SkuPartNumber,
        Field::OfferId,
        Field::SeatsTotal,
        Field::SeatsAssigned,
        Field::SeatsAvailable,
        Field::Status,
        Field::Term,
        Field::Billing,
        Field::TermStart,
        Field::TermEnd,
        Field::AutoRenew,
        Field::Trial,
        Field::Channel,
        Field::BillingAccount,
        Field::OwnerTenantId,
        Field::UnitPrice,
        Field::Currency,
        Field::AddOn,
        Field::BaseSubscriptionId,
    ];

    /// The model's field name (`seats_total`), also the template's column name.
    pub fn id(self) -> &'static str {
        match self {
            Field::Customer => "customer",
            Field::TenantId => "tenant_id",
            Field::TenantCountry => "tenant_country",
            Field::SubscriptionId => "subscription_id",
            Field::Product => "product",
            Field::SkuId => "sku_id",
            Field::SkuPartNumber => "sku_part_number",
            Field::OfferId => "offer_id",
            Field::SeatsTotal => "seats_total",
            Field::SeatsAssigned => "seats_assigned",
            Field::SeatsAvailable => "seats_available",
            Field::Status => "status",
            Field::Term => "term",
            Field::Billing => "billing",
            Field::TermStart => "term_start",
            Field::TermEnd => "term_end",
            Field::AutoRenew => "auto_renew",
            Field::Trial => "trial",
            Field::Channel => "channel",
            Field::BillingAccount => "billing_account",
            Field::OwnerTenantId => "owner_tenant_id",
            Field::UnitPrice => "unit_price",
            Field::Currency => "currency",
            Field::AddOn => "add_on",
            Field::BaseSubscriptionId => "base_subscription_id",
        }
    }

    pub fn from_id(id: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|field| field.id() == id)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::Customer => lang.pick("Customer", "Client"),
            Field::TenantId => lang.pick("Tenant ID", "ID du locataire"),
            Field::TenantCountry => lang.pick("Tenant country", "Pays du locataire"),
            Field::SubscriptionId => lang.pick("Subscription ID", "ID d’abonnement"),
            Field::Product => lang.pick("Product", "Produit"),
            Field::SkuId => lang.pick("SKU ID (GUID)", "ID de SKU (GUID)"),
            Field::SkuPartNumber => lang.pick("SKU part number", "Référence SKU"),
            Field::OfferId => lang.pick("Offer ID", "ID d’offre"),
            Field::SeatsTotal => lang.pick("Total licenses", "Licences totales"),
            Field::SeatsAssigned => lang.pick("Assigned licenses", "Licences attribuées"),
            Field::SeatsAvailable => lang.pick("Available licenses", "Licences disponibles"),
            Field::Status => lang.pick("Status", "Statut"),
            Field::Term => lang.pick("Term", "Durée d’engagement"),
            Field::Billing => lang.pick("Billing frequency", "Fréquence de facturation"),
            Field::TermStart => lang.pick("Term start", "Début d’engagement"),
            Field::TermEnd => lang.pick("Term end", "Fin d’engagement"),
            Field::AutoRenew => lang.pick("Auto-renew", "Renouvellement automatique"),
            Field::Trial => lang.pick("Trial", "Essai"),
            Field::Channel => lang.pick("Channel", "Canal"),
            Field::BillingAccount => lang.pick("Billing account type", "Type de compte de facturation"),
            Field::OwnerTenantId => lang.pick("Selling partner tenant", "Locataire du partenaire vendeur"),
            Field::UnitPrice => lang.pick("Unit price", "Prix unitaire"),
            Field::Currency => lang.pick("Currency", "Devise"),
            Field::AddOn => lang.pick("Add-on", "Module complémentaire"),
            Field::BaseSubscriptionId => lang.pick("Base subscription ID", "ID de l’abonnement de base"),
        }
    }

    /// Header keys (see `values::header_key`) that name this field in the
    /// exports and hand-made lists consultants receive, English and French.
    pub(crate) fn synonyms(self) -> &'static [&'static str] {
        match self {
            Field::Customer => &[
                "customer",
                "customername",
                "client",
                "nomduclient",
                "tenant",
                "tenantname",
                "company",
                "companyname",
                "societe",
                "entreprise",
                "organisation",
                "organization",
                "account",
                "accountname",
                "compte",
            ],
            Field::TenantId => &[
                "tenantid",
                "customertenantid",
                "iddulocataire",
                "idlocataire",
                "idclient",
                "customerid",
                "directoryid",
                "accountid",
            ],
            Field::TenantCountry => &[
                "tenantcountry",
                "country",
                "pays",
                "paysdulocataire",
                "countrycode",
                "market",
                "marche",
                "usagelocation",
            ],
            Field::SubscriptionId => &[
                "subscriptionid",
                "idabonnement",
                "iddabonnement",
                "commercesubscriptionid",
                "legacysubscriptionid",
                "subscriptionnumber",
                "numerodabonnement",
                "abonnementid",
            ],
            Field::Product => &[
                "product",
                "productname",
                "produit",
                "nomduproduit",
                "license",
                "licence",
                "licensename",
                "nomdelalicence",
                "subscription",
                "subscriptionname",
                "abonnement",
                "offer",
                "offername",
                "offre",
                "friendlyname",
                "displayname",
                "skuname",
                "nom",
                "name",
                "article",
                "designation",
                "libelle",
                "legacyproductname",
                "producttitle",
                "produitabonnement",
                "nomdelabonnement",
            ],
            Field::SkuId => &["skuid", "skuguid", "guid", "iddusku", "idsku", "productguid"],
            Field::SkuPartNumber => &[
                "skupartnumber",
                "sku",
                "partnumber",
                "stringid",
                "referencesku",
                "reference",
                "skupart",
                "referenceproduit",
            ],
            Field::OfferId => &["offerid", "idoffre", "iddeloffre", "catalogitemid", "productid"],
            Field::SeatsTotal => &[
                "seatstotal",
                "totallicenses",
                "licencestotales",
                "totallicences",
                "licenses",
                "licences",
                "quantity",
                "quantite",
                "qty",
                "qte",
                "seats",
                "seatcount",
                "nombredelicences",
                "nbdelicences",
                "nblicences",
                "prepaidunits",
                "purchased",
                "purchasedquantity",
                "achetees",
                "licencesachetees",
                "valid",
                "units",
                "total",
                "sieges",
                "postes",
                "currentseatcount",
                "enabled",
                "activeunits",
            ],
            Field::SeatsAssigned => &[
                "seatsassigned",
                "assigned",
                "assignedlicenses",
                "licencesattribuees",
                "attribuees",
                "consumedunits",
                "consumed",
                "used",
                "countused",
                "inuse",
                "utilisees",
                "licencesutilisees",
                "licencesassignees",
                "assignees",
                "assignedseats",
                "licencesaffectees",
                "affectees",
                "consommees",
            ],
            Field::SeatsAvailable => &[
                "seatsavailable",
                "available",
                "availablelicenses",
                "licencesdisponibles",
                "disponibles",
                "countavailable",
                "unassigned",
                "licencesnonaffectees",
                "nonaffectees",
                "nonattribuees",
                "restantes",
                "free",
                "libres",
            ],
            Field::Status => &[
                "status",
                "statut",
                "etat",
                "state",
                "capabilitystatus",
                "subscriptionstatus",
                "statutdelabonnement",
            ],
            Field::Term => &[
                "term",
                "termduration",
                "commitment",
                "engagement",
                "dureedengagement",
                "duree",
                "currentterm",
                "termlength",
                "dureedelabonnement",
            ],
            Field::Billing => &[
                "billing",
                "billingfrequency",
                "billingcycle",
                "billingplan",
                "facturation",
                "frequencedefacturation",
                "currentbillingplan",
                "periodicite",
                "cycledefacturation",
            ],
            Field::TermStart => &[
                "termstart",
                "startdate",
                "datededebut",
                "debut",
                "effectivestartdate",
                "creationdate",
                "datedecreation",
                "purchasedate",
                "datedachat",
                "datedebut",
                "start",
                "commencement",
            ],
            Field::TermEnd => &[
                "termend",
                "enddate",
                "datedefin",
                "fin",
                "expirationdate",
                "expiration",
                "datedexpiration",
                "renewaldate",
                "renewal",
                "datederenouvellement",
                "renouvellement",
                "commitmentenddate",
                "nextlifecycle",
                "nextlifecycledatetime",
                "datefin",
                "echeance",
                "dateecheance",
                "validuntil",
                "expires",
                "expireson",
                "findengagement",
            ],
            Field::AutoRenew => &[
                "autorenew",
                "autorenewenabled",
                "autorenouvellement",
                "renouvellementautomatique",
                "recurringbilling",
                "facturationrecurrente",
                "autorenewal",
                "renewautomatically",
            ],
            Field::Trial => &["trial", "istrial", "essai", "periodedessai", "evaluation"],
            Field::Channel => &[
                "channel",
                "canal",
                "purchasechannel",
                "source",
                "canaldachat",
                "program",
                "programme",
                "achatvia",
                "boughtthrough",
            ],
            Field::BillingAccount => &[
                "billingaccount",
                "billingaccounttype",
                "accounttype",
                "agreementtype",
                "comptedefacturation",
                "typedecompte",
                "typedecomptedefacturation",
                "typedecontrat",
            ],
            Field::OwnerTenantId => &[
                "ownertenantid",
                "partnertenantid",
                "partnerid",
                "reseller",
                "revendeur",
                "partenaire",
                "partner",
            ],
            Field::UnitPrice => &[
                "unitprice",
                "prixunitaire",
                "price",
                "prix",
                "pu",
                "prixht",
                "unitpriceht",
                "tarif",
                "costperlicense",
                "coutparlicence",
                "prixparlicence",
            ],
            Field::Currency => &["currency", "devise", "monnaie", "currencycode"],
            Field::AddOn => &["addon", "isaddon", "modulecomplementaire", "complement", "optionnel"],
            Field::BaseSubscriptionId => &[
                "basesubscriptionid",
                "basesubscription",
                "parentsubscriptionid",
                "abonnementdebase",
                "idabonnementdebase",
                "iddelabonnementdebase",
            ],
        }
    }
}

/// The identity of a table's header row: its header keys in order, so tables
/// exported the same way share a remembered mapping.
pub fn header_signature(headers: &[String]) -> String {
    headers.iter().map(|header| header_key(header)).collect::<Vec<_>>().join("|")
}

/// Which field each column of a table holds (`None`: ignored), for tables
/// with the given header signature.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ColumnMapping {
    pub signature: String,
    pub columns: Vec<Option<Field>>,
}

impl ColumnMapping {
    /// Whether the mapping can import rows: it must identify the product somehow.
    pub fn identifies_products(&self) -> bool {
        self.columns.iter().flatten().any(|field| {
            matches!(
                field,
                Field::Product | Field::SkuId | Field::SkuPartNumber | Field::SubscriptionId | Field::OfferId
            )
        })
    }
}

/// What the values of one column look like.
#[derive(Debug, Default, Clone, Copy)]
struct ColumnProfile {
    filled: usize,
    guids: usize,
    dates: usize,
    counts: usize,
    decimals: usize,
    booleans: usize,
    texts: usize,
    count_sum: f64,
    date_sum_days: i64,
}

fn profile(sample_rows: &[Vec<String>], column: usize) -> ColumnProfile {
    let mut seen = ColumnProfile::default();
    for row in sample_rows {
        let Some(raw) = row.get(column) else { continue };
        let cell = clean_cell(raw);
        if cell.is_empty() {
            continue;
        }
        seen.filled += 1;
        if parse_guid(&cell).is_some() {
            seen.guids += 1;
        } else if let Ok(date) = parse_date(&cell, Some(DateOrder::DayMonthYear))
            .or_else(|_| parse_date(&cell, Some(DateOrder::MonthDayYear)))
        {
            // A bare number in Excel's serial range is more likely a count or a price.
            if cell.parse::<f64>().is_err() {
                seen.dates += 1;
                seen.date_sum_days += i64::from(chrono::Datelike::num_days_from_ce(&date));
            } else if let Ok(count) = parse_count(&cell, true) {
                seen.counts += 1;
                seen.count_sum += f64::from(count);
            }
        } else if let Ok(count) = parse_count(&cell, true) {
            seen.counts += 1;
            seen.count_sum += f64::from(count);
            if count <= 1 {
                seen.booleans += 1;
            }
        } else if parse_number(&cell, true).is_some() {
            seen.decimals += 1;
        } else if parse_bool(&cell).is_some() {
            seen.booleans += 1;
        } else {
            seen.texts += 1;
        }
    }
    seen
}

/// Suggests a mapping for a table of unknown format: first by header
/// synonyms, then, for the columns still unnamed, by the values seen (GUIDs,
/// dates, counts, yes/no, text). Each field is given to one column at most.
pub fn suggest_mapping(headers: &[String], sample_rows: &[Vec<String>]) -> ColumnMapping {
    let mut columns: Vec<Option<Field>> = vec![None; headers.len()];
    let mut taken: HashSet<Field> = HashSet::new();
    let keys: Vec<String> = headers.iter().map(|header| header_key(header)).collect();

    // Exact synonyms first, in the order fields are listed (which puts the
    // specific "seats_assigned" before generic names), then synonyms that a
    // header starts with ("Licences attribuées (nb)").
    for exact in [true, false] {
        for field in Field::ALL {
            if taken.contains(&field) {
                continue;
            }
            let found = keys.iter().enumerate().find(|(at, key)| {
                columns[*at].is_none()
                    && !key.is_empty()
                    && field.synonyms().iter().any(|synonym| {
                        if exact {
                            *key == synonym
                        } else {
                            synonym.len() >= 5 && key.starts_with(synonym)
                        }
                    })
            });
            if let Some((at, _)) = found {
                columns[at] = Some(field);
                taken.insert(field);
            }
        }
    }

    let profiles: Vec<ColumnProfile> =
        (0..headers.len()).map(|column| profile(sample_rows, column)).collect();
    let mostly = |count: usize, filled: usize| filled > 0 && count * 10 >= filled * 8;
    let mut give = |columns: &mut Vec<Option<Field>>, at: usize, field: Field| {
        if columns[at].is_none() && taken.insert(field) {
            columns[at] = Some(field);
        }
    };

    let unnamed = |columns: &Vec<Option<Field>>| -> Vec<usize> {
        (0..headers.len()).filter(|&at| columns[at].is_none() && profiles[at].filled > 0).collect()
    };
    for at in unnamed(&columns) {
        if mostly(profiles[at].guids, profiles[at].filled) {
            give(&mut columns, at, Field::SkuId);
        }
    }
    // Two date columns: the earlier values start the term, the later end it.
    let mut date_columns: Vec<usize> =
        unnamed(&columns).into_iter().filter(|&at| mostly(profiles[at].dates, profiles[at].filled)).collect();
    crate::sorting::sort_by_key(&mut date_columns, |&at| {
        profiles[at].date_sum_days / profiles[at].dates.max(1) as i64
    });
    match date_columns.as_slice() {
        [only] => give(&mut columns, *only, Field::TermEnd),
        [first, .., last] => {
            give(&mut columns, *first, Field::TermStart);
            give(&mut columns, *last, Field::TermEnd);
        }
        [] => {}
    }
    // Count columns: the larger values are the total, the smaller the assigned.
    let mut count_columns: Vec<usize> = unnamed(&columns)
        .into_iter()
        .filter(|&at| {
            mostly(profiles[at].counts, profiles[at].filled) && profiles[at].booleans < profiles[at].counts
        })
        .collect();
    crate::sorting::sort_by(&mut count_columns, |&a, &b| {
        let mean = |at: usize| profiles[at].count_sum / profiles[at].counts.max(1) as f64;
        mean(b).total_cmp(&mean(a))
    });
    for (at, field) in count_columns.into_iter().zip([Field::SeatsTotal, Field::SeatsAssigned]) {
        give(&mut columns, at, field);
    }
    for at in unnamed(&columns) {
        if mostly(profiles[at].decimals + profiles[at].counts, profiles[at].filled)
            && profiles[at].decimals > 0
        {
            give(&mut columns, at, Field::UnitPrice);
        } else if mostly(profiles[at].booleans, profiles[at].filled) {
            give(&mut columns, at, Field::AutoRenew);
        }
    }
    // The product is the text column with the longest values.
    let text_columns =
        unnamed(&columns).into_iter().filter(|&at| mostly(profiles[at].texts, profiles[at].filled));
    let longest = text_columns.max_by_key(|&at| {
        sample_rows.iter().filter_map(|row| row.get(at)).map(|cell| cell.chars().count()).sum::<usize>()
    });
    if let Some(at) = longest {
        give(&mut columns, at, Field::Product);
    }

    ColumnMapping { signature: header_signature(headers), columns }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|cell| (*cell).to_owned()).collect()
    }

    #[test]
    fn french_headers_map_by_synonyms() {
        let headers = strings(&[
            "Produit",
            "Licences",
            "Licences attribuées",
            "Date de fin",
            "Prix unitaire",
            "Renouvellement automatique",
        ]);
        let mapping = suggest_mapping(&headers, &[]);
        assert_eq!(
            mapping.columns,
            vec![
                Some(Field::Product),
                Some(Field::SeatsTotal),
                Some(Field::SeatsAssigned),
                Some(Field::TermEnd),
                Some(Field::UnitPrice),
                Some(Field::AutoRenew)
            ]
        );
        assert_eq!(
            mapping.signature,
            "produit|licences|licencesattribuees|datedefin|prixunitaire|renouvellementautomatique"
        );
    }

    #[test]
    fn admin_center_exports_map_in_both_languages() {
        let english = strings(&[
            "Product title",
            "Total licenses",
            "Assigned licenses",
            "Available licenses",
            "Renewal date",
            "Billing frequency",
            "Subscription status",
        ]);
        let french = strings(&[
            "Nom du produit",
            "Licences totales",
            "Licences affectées",
            "Licences disponibles",
            "Date de renouvellement",
            "Fréquence de facturation",
            "Statut de l’abonnement",
        ]);
        let expected = vec![
            Some(Field::Product),
            Some(Field::SeatsTotal),
            Some(Field::SeatsAssigned),
            Some(Field::SeatsAvailable),
            Some(Field::TermEnd),
            Some(Field::Billing),
            Some(Field::Status),
        ];
        assert_eq!(suggest_mapping(&english, &[]).columns, expected);
        assert_eq!(suggest_mapping(&french, &[]).columns, expected);
    }

    #[test]
    fn unnamed_columns_map_by_their_values() {
        let headers = strings(&["A", "B", "C", "D", "E"]);
        let rows = vec![
            strings(&["Office 365 E3", "6fd2c87f-b296-42f0-b197-1e91e994b900", "25", "20", "31/03/2026"]),
            strings(&[
                "Microsoft 365 Business Premium",
                "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46",
                "10",
                "9",
                "15/07/2026",
            ]),
        ];
        let mapping = suggest_mapping(&headers, &rows);
        assert_eq!(
            mapping.columns,
            vec![
                Some(Field::Product),
                Some(Field::SkuId),
                Some(Field::SeatsTotal),
                Some(Field::SeatsAssigned),
                Some(Field::TermEnd)
            ]
        );
        assert!(mapping.identifies_products());
    }
}
