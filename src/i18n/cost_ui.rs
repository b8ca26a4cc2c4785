//! Texts of the money view: the plan step's costs panel, a line's billing and
//! figures, the price entry, the purchase list and the licence suggestions;
//! also the labels of the billing choices, shared by the app and the documents.

use crate::model::BillingChoice;

use super::Lang;

crate::texts! {
    /// Texts of the money view.
    pub enum CostText {
        Title => "Costs and margin", "Coûts et marge";
        Intro => "What the customer pays today, what it will pay in CSP for the billing chosen on each line, the overlap of the move and your margin. Prices come from your sell prices, then the price list, then the customer's file; each says where it comes from.",
                 "Ce que le client paie aujourd’hui, ce qu’il paiera dans CSP selon la facturation choisie pour chaque ligne, le chevauchement de la migration et votre marge. Les prix viennent de vos prix de vente, puis de la liste de prix, puis du fichier du client ; chacun indique sa provenance.";
        NoPrices => "No price is known yet: enter your sell prices below or import a new-commerce price list with the customer's file.",
                    "Aucun prix n’est encore connu : saisissez vos prix de vente ci-dessous ou importez une liste de prix new commerce avec le fichier du client.";
        DefaultBilling => "Billing of the CSP subscriptions", "Facturation des abonnements CSP";
        DefaultBillingHelp => "The plan's default; each line can have its own in its details.", "Valeur par défaut du plan ; chaque ligne peut avoir la sienne dans son détail.";
        Currency => "Figures in {currency}", "Montants en {currency}";
        CardCurrent => "Today, per year", "Aujourd’hui, par an";
        CardCsp => "In CSP, per year", "Dans CSP, par an";
        CardSaving => "Saving per year", "Économie par an";
        CardIncrease => "Increase per year", "Hausse par an";
        CardCompared => "on the {count} lines priced both today and in CSP", "sur les {count} lignes dont les deux prix sont connus";
        CardOverlap => "Overlap of the move", "Chevauchement de la migration";
        CardFirstYear => "First year in CSP, overlap included", "Première année dans CSP, chevauchement compris";
        CardMargin => "Your margin per year", "Votre marge par an";
        CardMarginLines => "on the {count} lines with your sell price and a cost", "sur les {count} lignes avec votre prix de vente et un coût";
        CardMarginUnknown => "Enter your sell prices and import a price list to see it.", "Saisissez vos prix de vente et importez une liste de prix pour la voir.";
        CardOptimisation => "Licence optimisation", "Optimisation des licences";
        CardOptimisationDetail => "{accepted} accepted, {open} still to decide, per year", "{accepted} acceptés, {open} encore à décider, par an";
        MissingPrices => "Totals for the lines with prices: {current} of {lines} lines lack today's price, {csp} lack a CSP price.",
                         "Totaux pour les lignes avec prix : {current} lignes sur {lines} n’ont pas de prix actuel, {csp} n’ont pas de prix CSP.";
        OtherCurrencies => "Also priced in {currencies}: never added to the figures above.", "Également en {currencies} : jamais ajouté aux montants ci-dessus.";
        ChartTitle => "Per month over the first year, in {currency}: today's subscriptions, CSP and the overlap", "Par mois sur la première année, en {currency} : abonnements actuels, CSP et chevauchement";
        ChartSource => "Today's subscriptions", "Abonnements actuels";
        ChartCsp => "CSP", "CSP";
        ChartOverlap => "Paid twice (overlap)", "Payé deux fois (chevauchement)";
        ChartToday => "Monthly cost today", "Coût mensuel actuel";
        ChartLeftOut => "{count} lines without both prices or without dates are not in the chart.", "{count} lignes sans les deux prix ou sans dates ne figurent pas dans le graphique.";
        ChartSummary => "{month}: {source} today's subscriptions, {csp} CSP, {overlap} paid twice.", "{month} : {source} abonnements actuels, {csp} CSP, {overlap} payés deux fois.";
        PricesTitle => "Prices per product", "Prix par produit";
        PricesHelp => "Your sell price per seat and per month, for the billing shown; it is remembered in your partner profile for the next plans. From a new-commerce price list, your cost is its UnitPrice (the partner price Microsoft charges you) and, until you enter your own, the sell price is its ERP Price (Microsoft's estimated retail price).",
                      "Votre prix de vente par licence et par mois, pour la facturation indiquée ; il est conservé dans votre profil partenaire pour les plans suivants. D’une liste de prix new commerce, votre coût est son UnitPrice (le prix partenaire que Microsoft vous facture) et, tant que vous n’avez pas saisi le vôtre, le prix de vente est son ERP Price (prix de vente estimé par Microsoft).";
        ColumnProduct => "Product", "Produit";
        ColumnBilling => "Billing", "Facturation";
        ColumnPrice => "Price in use (per seat, per month)", "Prix retenu (par licence et par mois)";
        ColumnSellPrice => "Your sell price", "Votre prix de vente";
        ColumnCost => "Your cost (UnitPrice)", "Votre coût (UnitPrice)";
        ColumnSeats => "Seats", "Licences";
        ColumnBuyOn => "Buy on", "Achat le";
        ColumnPerMonth => "Per month", "Par mois";
        SellPriceLabel => "Sell price of {product}, {billing}, in {currency}", "Prix de vente de {product}, {billing}, en {currency}";
        SellPriceInvalid => "Enter an amount such as 12.50, or leave empty.", "Saisissez un montant comme 12,50, ou laissez vide.";
        NoPrice => "no price", "aucun prix";
        PurchaseTitle => "Purchase list", "Liste d’achats";
        PurchaseHelp => "The SKUs to order in Partner Center, with their seats, billing, date and price.", "Les SKU à commander dans l’Espace partenaires, avec licences, facturation, date et prix.";
        PurchaseScheduled => "scheduled by the EA channel transfer", "planifié par le transfert de canal EA";
        PurchaseAddOn => "add-on", "module complémentaire";
        PurchaseEmpty => "Nothing to buy: every migrated line moves by transfer.", "Rien à acheter : toutes les lignes migrées passent par transfert.";
        PurchaseShown => "The first {shown} of {total} rows: the CSV has them all.", "Les {shown} premières lignes sur {total} : le CSV les contient toutes.";
        DownloadPurchases => "Download the purchase list (CSV)", "Télécharger la liste d’achats (CSV)";
        DownloadPrices => "Export my sell prices (CSV)", "Exporter mes prix de vente (CSV)";
        ImportPrices => "Import sell prices (CSV)", "Importer des prix de vente (CSV)";
        PricesImported => "{count} sell prices imported.", "{count} prix de vente importés.";
        SuggestionsTitle => "Licence optimisation", "Optimisation des licences";
        SuggestionsNone => "No suggestion for this plan.", "Aucune suggestion pour ce plan.";
        SuggestionsShown => "The first {shown} of {total} suggestions: the partner report lists them all.", "Les {shown} premières suggestions sur {total} : le rapport partenaire les liste toutes.";
        Accept => "Accept", "Accepter";
        Refuse => "Refuse", "Refuser";
        Accepted => "Accepted", "Accepté";
        Refused => "Refused", "Refusé";
        Undo => "Undo", "Annuler";
        // A line's money, in its details.
        LineTitle => "Cost of this line", "Coût de cette ligne";
        LineBilling => "Billing of this line", "Facturation de cette ligne";
        LineBillingDefault => "Plan default ({billing})", "Valeur par défaut du plan ({billing})";
        LineBillingFellBack => "This offer has no three-year term (TERM-3Y): priced at {billing}.", "Cette offre n’a pas d’engagement de trois ans (TERM-3Y) : tarifée en {billing}.";
        LineBillingKept => "A partner-to-partner transfer keeps the term and billing: {billing}.", "Un transfert de partenaire à partenaire conserve l’engagement et la facturation : {billing}.";
        LineCurrent => "Today", "Aujourd’hui";
        LineCsp => "In CSP", "Dans CSP";
        LinePerMonthYear => "{month} a month, {year} a year", "{month} par mois, {year} par an";
        LineDifference => "Difference per year", "Écart par an";
        LineOverlap => "Overlap", "Chevauchement";
        LineMargin => "Your margin per year", "Votre marge par an";
        LineUnknown => "unknown", "inconnu";
        LineDropped => "Not bought in CSP (suggestion accepted).", "Non acheté dans CSP (suggestion acceptée).";
        LineNotInView => "This line is not migrated: it has no CSP cost.", "Cette ligne n’est pas migrée : elle n’a pas de coût CSP.";
        PriceFrom => "{price} per seat and per month, {origin}", "{price} par licence et par mois, {origin}";
        ConvertedFrom => "converted from {billing} by PRICE-BILLING (from 1 Apr 2025)", "converti depuis {billing} par PRICE-BILLING (depuis le 1er avr. 2025)";
    }
}

/// What a billing choice does to the price, with the rule and the date it applies from.
pub fn billing_rule(choice: BillingChoice, lang: Lang) -> &'static str {
    match choice {
        BillingChoice::MonthlyTerm => lang.pick(
            "+20% over an annual term (PRICE-BILLING, from 1 Apr 2025)",
            "+20 % par rapport à un engagement annuel (PRICE-BILLING, depuis le 1er avr. 2025)",
        ),
        BillingChoice::AnnualMonthly | BillingChoice::TriennialMonthly => lang.pick(
            "+5% over paid upfront (PRICE-BILLING, from 1 Apr 2025)",
            "+5 % par rapport au paiement d’avance (PRICE-BILLING, depuis le 1er avr. 2025)",
        ),
        BillingChoice::AnnualUpfront => lang.pick("the reference price", "le prix de référence"),
        BillingChoice::TriennialUpfront => lang.pick(
            "for the offers with a three-year term (TERM-3Y, from 1 Jun 2025)",
            "pour les offres à engagement de trois ans (TERM-3Y, depuis le 1er juin 2025)",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::check_translations;

    #[test]
    fn every_cost_text_exists_in_both_languages_with_the_same_placeholders() {
        assert_eq!(check_translations(crate::text_entries!(CostText)), Ok(CostText::ALL.len()));
        for choice in BillingChoice::ALL {
            assert_ne!(
                crate::i18n::labels::billing_label(choice, Lang::En),
                crate::i18n::labels::billing_label(choice, Lang::Fr)
            );
            assert_ne!(billing_rule(choice, Lang::En), billing_rule(choice, Lang::Fr));
        }
    }
}
