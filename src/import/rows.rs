//! Reading the rows of one file into subscriptions: the per-file context that
//! counts rows, records issues with their position, keeps rejected rows, and
//! turns a cell into a field of `Subscription`.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::error::{Issue, IssueKind, Severity, ValueKind};
use super::format_id::FormatId;
use super::mapping::{ColumnMapping, Field};
use super::price::PriceEntry;
use super::report::{RejectedRow, RowCounts};
use super::values::{
    clean_cell, currency_in_amount, header_key, is_nce_offer_id, parse_billing, parse_billing_account,
    parse_bool, parse_channel, parse_count, parse_country, parse_currency, parse_date, parse_guid,
    parse_number, parse_status, parse_term, DateOrder, DateOrderVotes, DateProblem,
};
use crate::model::{BillingAccount, Channel, SourceRef, Subscription};

/// The cells of one row, whatever they were read from (a CSV record, a
/// worksheet row, a JSON object flattened).
pub trait Cells {
    fn cell_count(&self) -> usize;
    /// The raw cell at `index`, or `""` past the end of a short row.
    fn cell(&self, index: usize) -> &str;

    fn to_strings(&self) -> Vec<String> {
        (0..self.cell_count()).map(|index| self.cell(index).to_owned()).collect()
    }

    fn is_blank(&self) -> bool {
        (0..self.cell_count()).all(|index| clean_cell(self.cell(index)).is_empty())
    }
}

impl Cells for csv::StringRecord {
    fn cell_count(&self) -> usize {
        self.len()
    }
    fn cell(&self, index: usize) -> &str {
        self.get(index).unwrap_or("")
    }
}

impl Cells for [String] {
    fn cell_count(&self) -> usize {
        self.len()
    }
    fn cell(&self, index: usize) -> &str {
        self.get(index).map_or("", String::as_str)
    }
}

impl Cells for Vec<String> {
    fn cell_count(&self) -> usize {
        self.len()
    }
    fn cell(&self, index: usize) -> &str {
        self.get(index).map_or("", String::as_str)
    }
}

/// Which date an ambiguous slashed cell will fill once the file's day/month
/// order is known, at the end of the file.
#[derive(Debug, Clone, Copy)]
enum DateSlot {
    TermStart(usize),
    TermEnd(usize),
    PriceStart(usize),
    PriceEnd(usize),
}

#[derive(Debug, Clone, Copy)]
struct PendingDate {
    slot: DateSlot,
    day_month_year: NaiveDate,
    month_day_year: NaiveDate,
}

/// Where a date being read goes, for `FileContext::read_date`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateTarget {
    /// A date kept outside this file's rows (Graph items, joined later): an
    /// ambiguous value is reported rather than settled at the end of the file.
    Detached,
    TermStart,
    TermEnd,
    PriceStart,
    PriceEnd,
}

/// Everything read from one file, and the state of the row being read.
pub(crate) struct FileContext {
    pub file: String,
    pub format: Option<FormatId>,
    pub headers: Vec<String>,
    /// Read a lone comma or dot before three digits as a decimal comma (`;` files).
    pub decimal_comma: bool,
    /// The day/month order the user chose, if any.
    pub date_order_override: Option<DateOrder>,
    /// Used when neither the user nor the values decide: French hints say dd/mm.
    pub date_order_fallback: DateOrder,
    pub counts: RowCounts,
    pub issues: Vec<Issue>,
    pub rejected_rows: Vec<RejectedRow>,
    pub subscriptions: Vec<Subscription>,
    pub prices: Vec<PriceEntry>,
    votes: DateOrderVotes,
    pending_dates: Vec<PendingDate>,
    line: u32,
    row_warnings: usize,
}

impl FileContext {
    pub fn new(file: &str, date_order_override: Option<DateOrder>) -> FileContext {
        FileContext {
            file: file.to_owned(),
            format: None,
            headers: Vec::new(),
            decimal_comma: false,
            date_order_override,
            date_order_fallback: DateOrder::MonthDayYear,
            counts: RowCounts::default(),
            issues: Vec::new(),
            rejected_rows: Vec::new(),
            subscriptions: Vec::new(),
            prices: Vec::new(),
            votes: DateOrderVotes::default(),
            pending_dates: Vec::new(),
            line: 0,
            row_warnings: 0,
        }
    }

    pub fn file_issue(&mut self, kind: IssueKind) {
        self.issues.push(Issue::new(&self.file, None, None, kind));
    }

    pub fn line_issue(&mut self, line: u32, kind: IssueKind) {
        self.issues.push(Issue::new(&self.file, Some(line), None, kind));
    }

    /// Starts reading a data row (or JSON item) found at `line`.
    pub fn start_row(&mut self, line: u32) {
        self.counts.rows_read += 1;
        self.line = line;
        self.row_warnings = 0;
    }

    /// Whether the current row has a warning so far.
    pub fn row_has_warnings(&self) -> bool {
        self.row_warnings > 0
    }

    /// Counts empty lines the csv reader passed over as read and skipped.
    pub fn skip_blank_lines(&mut self, lines: usize) {
        self.counts.rows_read += lines;
        self.counts.skipped_blank += lines;
    }

    pub fn skip_blank(&mut self) {
        self.counts.skipped_blank += 1;
    }

    pub fn skip_total(&mut self) {
        self.counts.skipped_totals += 1;
        self.issues.push(Issue::new(&self.file, Some(self.line), None, IssueKind::TotalRowSkipped));
    }

    /// Records an issue about one field of the current row.
    pub fn field_issue(&mut self, field: &str, kind: IssueKind) {
        let issue = Issue::new(&self.file, Some(self.line), Some(field), kind);
        if issue.severity >= Severity::Warning {
            self.row_warnings += 1;
        }
        self.issues.push(issue);
    }

    /// Records an issue about the current row as a whole.
    pub fn row_issue(&mut self, kind: IssueKind) {
        let issue = Issue::new(&self.file, Some(self.line), None, kind);
        if issue.severity >= Severity::Warning {
            self.row_warnings += 1;
        }
        self.issues.push(issue);
    }

    pub fn accept(&mut self, mut subscription: Subscription) {
        subscription.source = SourceRef { file: self.file.clone(), line: self.line };
        infer_channel_from_offer(&mut subscription);
        self.count_accepted();
        self.subscriptions.push(subscription);
    }

    pub fn accept_price(&mut self, price: PriceEntry) {
        self.count_accepted();
        self.prices.push(price);
    }

    fn count_accepted(&mut self) {
        self.counts.imported += 1;
        if self.row_warnings > 0 {
            self.counts.imported_with_warnings += 1;
        }
    }

    /// Rejects the current row for `kind`, keeping its cells for the user to fix.
    pub fn reject(&mut self, field: Option<&str>, kind: IssueKind, cells: Vec<String>) {
        self.reject_for(vec![RowRejected { field: field.map(str::to_owned), kind }], cells);
    }

    /// Rejects the current row for every reason found in it, so the user sees
    /// them all at once rather than one per retry.
    pub fn reject_for(&mut self, reasons: Vec<RowRejected>, cells: Vec<String>) {
        for reason in reasons {
            let mut issue = Issue::new(&self.file, Some(self.line), reason.field.as_deref(), reason.kind);
            issue.severity = Severity::Error;
            self.issues.push(issue);
        }
        self.counts.rejected += 1;
        // Dates waiting for the file's order belonged to a row that is gone.
        let next_subscription = self.subscriptions.len();
        let next_price = self.prices.len();
        self.pending_dates.retain(|pending| match pending.slot {
            DateSlot::TermStart(at) | DateSlot::TermEnd(at) => at < next_subscription,
            DateSlot::PriceStart(at) | DateSlot::PriceEnd(at) => at < next_price,
        });
        self.rejected_rows.push(RejectedRow {
            file: self.file.clone(),
            line: self.line,
            format: self.format,
            headers: self.headers.clone(),
            cells,
            decimal_comma: self.decimal_comma,
            date_order: self.date_order_override,
        });
    }

    /// Rejects the current JSON item, keeping its properties as headers and cells.
    pub fn reject_item(&mut self, field: Option<&str>, kind: IssueKind, item: &serde_json::Value) {
        self.reject_item_for(vec![RowRejected { field: field.map(str::to_owned), kind }], item);
    }

    /// Rejects the current JSON item for every reason found in it.
    pub fn reject_item_for(&mut self, reasons: Vec<RowRejected>, item: &serde_json::Value) {
        let (headers, cells) = super::json::item_cells(item);
        self.reject_for(reasons, cells);
        if let Some(row) = self.rejected_rows.last_mut() {
            row.headers = headers;
        }
    }

    /// Reads a license count; `Err` when the cell holds something else (the issue is recorded).
    pub fn read_count(&mut self, cell: &str) -> Result<Option<u32>, IssueKind> {
        if cell.is_empty() {
            return Ok(None);
        }
        parse_count(cell, self.decimal_comma)
            .map(Some)
            .map_err(|problem| IssueKind::InvalidCount { value: cell.to_owned(), problem: problem.into() })
    }

    /// Reads an optional count, leaving it empty with a warning when unreadable.
    pub fn read_optional_count(&mut self, field: &str, cell: &str) -> Option<u32> {
        match self.read_count(cell) {
            Ok(count) => count,
            Err(kind) => {
                self.field_issue(field, kind);
                None
            }
        }
    }

    /// Reads a date of the current row. A slashed date that fits both orders
    /// is settled at the end of the file (see `finish_dates`), so a file is
    /// read in one pass even when its deciding date comes last.
    pub fn read_date(&mut self, field: &str, cell: &str, target: DateTarget) -> Option<NaiveDate> {
        if cell.is_empty() {
            return None;
        }
        let first = cell.as_bytes()[0];
        if !(cell.len() >= 10 && cell.as_bytes().get(4) == Some(&b'-')) && first.is_ascii_digit() {
            self.votes.observe(cell);
        }
        match parse_date(cell, self.date_order_override) {
            Ok(date) => Some(date),
            Err(DateProblem::AmbiguousOrder) => {
                let day_month_year = parse_date(cell, Some(DateOrder::DayMonthYear)).ok();
                let month_day_year = parse_date(cell, Some(DateOrder::MonthDayYear)).ok();
                if let (Some(day_month_year), Some(month_day_year)) = (day_month_year, month_day_year) {
                    let slot = match target {
                        DateTarget::Detached => {
                            self.field_issue(field, IssueKind::AmbiguousDate { value: cell.to_owned() });
                            return None;
                        }
                        DateTarget::TermStart => DateSlot::TermStart(self.subscriptions.len()),
                        DateTarget::TermEnd => DateSlot::TermEnd(self.subscriptions.len()),
                        DateTarget::PriceStart => DateSlot::PriceStart(self.prices.len()),
                        DateTarget::PriceEnd => DateSlot::PriceEnd(self.prices.len()),
                    };
                    self.pending_dates.push(PendingDate { slot, day_month_year, month_day_year });
                    // Provisional; replaced once the file's order is known.
                    Some(day_month_year)
                } else {
                    self.field_issue(field, IssueKind::AmbiguousDate { value: cell.to_owned() });
                    None
                }
            }
            Err(DateProblem::Unreadable) => {
                self.field_issue(field, IssueKind::InvalidDate { value: cell.to_owned() });
                None
            }
        }
    }

    /// Settles the ambiguous dates of the file: the user's order, else the one
    /// the values prove, else the fallback (with a warning saying so).
    /// Returns the order used, when the file had slashed dates.
    pub fn finish_dates(&mut self) -> Option<DateOrder> {
        let order = self.settle_date_order();
        for row in &mut self.rejected_rows {
            row.date_order = row.date_order.or(order);
        }
        order
    }

    fn settle_date_order(&mut self) -> Option<DateOrder> {
        let order = match (self.date_order_override, self.votes.decided()) {
            (Some(order), _) | (None, Some(order)) => order,
            (None, None) if !self.pending_dates.is_empty() => {
                let assumed = self.date_order_fallback;
                self.file_issue(IssueKind::AmbiguousDateOrder { assumed });
                assumed
            }
            (None, None) => {
                return self.votes.saw_slashed_dates().then_some(self.date_order_fallback);
            }
        };
        for pending in std::mem::take(&mut self.pending_dates) {
            let date = match order {
                DateOrder::DayMonthYear => pending.day_month_year,
                DateOrder::MonthDayYear => pending.month_day_year,
            };
            match pending.slot {
                DateSlot::TermStart(at) => {
                    if let Some(subscription) = self.subscriptions.get_mut(at) {
                        subscription.term_start = Some(date);
                    }
                }
                DateSlot::TermEnd(at) => {
                    if let Some(subscription) = self.subscriptions.get_mut(at) {
                        subscription.term_end = Some(date);
                    }
                }
                DateSlot::PriceStart(at) => {
                    if let Some(price) = self.prices.get_mut(at) {
                        price.effective_start = Some(date);
                    }
                }
                DateSlot::PriceEnd(at) => {
                    if let Some(price) = self.prices.get_mut(at) {
                        price.effective_end = Some(date);
                    }
                }
            }
        }
        Some(order)
    }

    pub fn read_bool(&mut self, field: &str, cell: &str) -> Option<bool> {
        if cell.is_empty() {
            return None;
        }
        let value = parse_bool(cell);
        if value.is_none() {
            self.field_issue(
                field,
                IssueKind::InvalidValue { value: cell.to_owned(), expected: ValueKind::YesNo },
            );
        }
        value
    }

    pub fn read_number(&mut self, field: &str, cell: &str) -> Option<f64> {
        if cell.is_empty() {
            return None;
        }
        let value = parse_number(cell, self.decimal_comma);
        if value.is_none() {
            self.field_issue(
                field,
                IssueKind::InvalidValue { value: cell.to_owned(), expected: ValueKind::Number },
            );
        }
        value
    }

    /// Reads a value with `parse`, recording an issue naming `expected` when it fails.
    pub fn read_with<T>(
        &mut self,
        field: &str,
        cell: &str,
        expected: ValueKind,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        if cell.is_empty() {
            return None;
        }
        let value = parse(cell);
        if value.is_none() {
            self.field_issue(field, IssueKind::InvalidValue { value: cell.to_owned(), expected });
        }
        value
    }
}

/// New-commerce offer ids and legacy (GUID) offer ids say which CSP program
/// sold the subscription, when nothing else did.
pub(crate) fn infer_channel_from_offer(subscription: &mut Subscription) {
    if subscription.channel != Channel::Unknown {
        return;
    }
    if let Some(offer_id) = &subscription.offer_id {
        if is_nce_offer_id(offer_id) {
            subscription.channel = Channel::CspNce;
        } else if parse_guid(offer_id).is_some() {
            subscription.channel = Channel::CspLegacy;
        }
    }
}

fn non_empty(cell: &str) -> Option<String> {
    (!cell.is_empty()).then(|| cell.to_owned())
}

/// Why a row cannot be imported at all.
pub(crate) struct RowRejected {
    pub field: Option<String>,
    pub kind: IssueKind,
}

/// Sets one field of `subscription` from a cleaned, non-empty cell.
/// Only an unreadable total seat count rejects the row: a plan on a wrong
/// number of seats is worse than no plan for that row.
pub(crate) fn apply_field(
    ctx: &mut FileContext,
    subscription: &mut Subscription,
    seats_available: &mut Option<u32>,
    field: Field,
    header: &str,
    cell: &str,
) -> Result<(), RowRejected> {
    match field {
        Field::Customer => subscription.customer = cell.to_owned(),
        Field::TenantId => subscription.tenant_id = Some(parse_guid(cell).unwrap_or_else(|| cell.to_owned())),
        Field::TenantCountry => {
            subscription.tenant_country = ctx.read_with(header, cell, ValueKind::Country, parse_country)
        }
        Field::SubscriptionId => subscription.subscription_id = cell.to_owned(),
        Field::Product => subscription.product = cell.to_owned(),
        Field::SkuId => subscription.sku_id = ctx.read_with(header, cell, ValueKind::Guid, parse_guid),
        Field::SkuPartNumber => subscription.sku_part_number = non_empty(cell),
        Field::OfferId => subscription.offer_id = non_empty(cell),
        Field::SeatsTotal => match ctx.read_count(cell) {
            Ok(count) => subscription.seats_total = count.unwrap_or(0),
            Err(kind) => return Err(RowRejected { field: Some(header.to_owned()), kind }),
        },
        Field::SeatsAssigned => subscription.seats_assigned = ctx.read_optional_count(header, cell),
        Field::SeatsAvailable => *seats_available = ctx.read_optional_count(header, cell),
        Field::Status => {
            subscription.status =
                ctx.read_with(header, cell, ValueKind::Status, parse_status).unwrap_or_default();
        }
        Field::Term => {
            subscription.term = ctx.read_with(header, cell, ValueKind::Term, parse_term).unwrap_or_default()
        }
        Field::Billing => {
            subscription.billing =
                ctx.read_with(header, cell, ValueKind::BillingFrequency, parse_billing).unwrap_or_default();
        }
        Field::TermStart => subscription.term_start = ctx.read_date(header, cell, DateTarget::TermStart),
        Field::TermEnd => subscription.term_end = ctx.read_date(header, cell, DateTarget::TermEnd),
        Field::AutoRenew => subscription.auto_renew = ctx.read_bool(header, cell),
        Field::Trial => subscription.trial = ctx.read_bool(header, cell).unwrap_or(false),
        Field::Channel => {
            subscription.channel =
                ctx.read_with(header, cell, ValueKind::Channel, parse_channel).unwrap_or_default();
            // "MOSA" / "MCA" in the channel column says the billing account too.
            if let Some(account) =
                parse_billing_account(cell).filter(|account| *account != BillingAccount::Unknown)
            {
                subscription.billing_account = account;
            }
        }
        Field::BillingAccount => {
            subscription.billing_account = ctx
                .read_with(header, cell, ValueKind::BillingAccount, parse_billing_account)
                .unwrap_or_default();
        }
        Field::OwnerTenantId => {
            subscription.owner_tenant_id = Some(parse_guid(cell).unwrap_or_else(|| cell.to_owned()))
        }
        Field::UnitPrice => {
            subscription.unit_price = ctx.read_number(header, cell);
            // A currency column, when there is one, is read after and wins.
            if subscription.unit_price.is_some() && subscription.currency.is_none() {
                subscription.currency = currency_in_amount(cell);
            }
        }
        Field::Currency => {
            subscription.currency = ctx.read_with(header, cell, ValueKind::Currency, parse_currency)
        }
        Field::AddOn => subscription.add_on = ctx.read_bool(header, cell).unwrap_or(false),
        Field::BaseSubscriptionId => subscription.base_subscription_id = non_empty(cell),
    }
    Ok(())
}

/// Whether a subscription names what it is: a product, a SKU, an offer or an id.
pub(crate) fn has_identity(subscription: &Subscription) -> bool {
    !subscription.product.is_empty()
        || subscription.sku_id.is_some()
        || subscription.sku_part_number.is_some()
        || subscription.offer_id.is_some()
        || !subscription.subscription_id.is_empty()
}

/// Header keys that start a "Total" line in hand-made spreadsheets.
fn is_total_label(cell: &str) -> bool {
    // Every label below is short and starts with t, g or s: product names are ruled out for free.
    if cell.len() > 16 || !cell.starts_with(['t', 'T', 'g', 'G', 's', 'S']) {
        return false;
    }
    matches!(
        header_key(cell).as_str(),
        "total"
            | "totals"
            | "grandtotal"
            | "totalgeneral"
            | "sumtotal"
            | "soustotal"
            | "subtotal"
            | "totaux"
            | "somme"
    )
}

/// Completes a subscription read from a row with what the format implies.
pub(crate) type FinishRow = fn(&mut Subscription, &Binding, &dyn Cells, &mut FileContext);

pub(crate) fn no_finishing(_: &mut Subscription, _: &Binding, _: &dyn Cells, _: &mut FileContext) {}

/// The columns of a table bound to subscription fields, plus format-specific
/// extra columns a format's finishing step reads.
pub(crate) struct Binding {
    /// The table's headers, named in field issues (a copy of `FileContext::headers`,
    /// so a cell's header is borrowed while the context is borrowed mutably).
    pub headers: Vec<String>,
    pub fields: Vec<(usize, Field)>,
    pub extras: Vec<Option<usize>>,
    pub finish: FinishRow,
}

impl Binding {
    /// Binds columns by header key: each `(key, field)` pair takes the first
    /// column with that key, and a field is bound once (the first pair wins).
    pub fn by_keys(
        headers: &[String],
        header_keys: &[String],
        columns: &[(&str, Field)],
        extras: &[&str],
        finish: FinishRow,
    ) -> Binding {
        let mut fields: Vec<(usize, Field)> = Vec::new();
        for (key, field) in columns {
            if fields.iter().any(|(_, bound)| bound == field) {
                continue;
            }
            if let Some(at) = header_keys.iter().position(|header| header == key) {
                if !fields.iter().any(|(bound_at, _)| *bound_at == at) {
                    fields.push((at, *field));
                }
            }
        }
        let extras = extras.iter().map(|key| header_keys.iter().position(|header| header == key)).collect();
        Binding { headers: headers.to_vec(), fields, extras, finish }
    }

    pub fn from_mapping(headers: &[String], mapping: &ColumnMapping) -> Binding {
        let fields = mapping
            .columns
            .iter()
            .enumerate()
            .filter_map(|(at, field)| field.map(|field| (at, field)))
            .collect();
        Binding { headers: headers.to_vec(), fields, extras: Vec::new(), finish: no_finishing }
    }

    /// The cleaned cell of extra column `index`, empty when the column is absent.
    pub fn extra<'c>(&self, cells: &'c dyn Cells, index: usize) -> Cow<'c, str> {
        match self.extras.get(index).copied().flatten() {
            Some(at) => clean_cell(cells.cell(at)),
            None => Cow::Borrowed(""),
        }
    }

    pub fn has_extra(&self, index: usize) -> bool {
        self.extras.get(index).copied().flatten().is_some()
    }

    /// Reads one row into a subscription, or records why it is skipped or
    /// rejected and returns `None`. The caller finishes and accepts it.
    pub fn read_row(&self, ctx: &mut FileContext, line: u32, cells: &dyn Cells) -> Option<Subscription> {
        ctx.start_row(line);
        if cells.is_blank() {
            ctx.skip_blank();
            return None;
        }
        let mut subscription = Subscription::default();
        let mut seats_available = None;
        let mut seats_cell_empty = false;
        // Every field is read even once the row is rejected, so every problem of
        // the row is reported at once.
        let mut rejected = Vec::new();
        for &(at, field) in &self.fields {
            let cell = clean_cell(cells.cell(at));
            if cell.is_empty() {
                seats_cell_empty |= field == Field::SeatsTotal;
                continue;
            }
            let header = self.headers.get(at).map_or("", String::as_str);
            if let Err(reason) =
                apply_field(ctx, &mut subscription, &mut seats_available, field, header, &cell)
            {
                rejected.push(reason);
            }
        }
        (self.finish)(&mut subscription, self, cells, ctx);
        if !has_identity(&subscription) {
            let first_cell =
                (0..cells.cell_count()).map(|at| clean_cell(cells.cell(at))).find(|cell| !cell.is_empty());
            if rejected.is_empty() && first_cell.is_some_and(|cell| is_total_label(&cell)) {
                ctx.skip_total();
                return None;
            }
            rejected.push(RowRejected { field: None, kind: IssueKind::MissingIdentity });
        }
        if !rejected.is_empty() {
            ctx.reject_for(rejected, cells.to_strings());
            return None;
        }
        if is_total_label(&subscription.product) && subscription.sku_id.is_none() {
            ctx.skip_total();
            return None;
        }
        if subscription.seats_total == 0 {
            if let (Some(assigned), Some(available)) = (subscription.seats_assigned, seats_available) {
                subscription.seats_total = assigned.saturating_add(available);
            } else if seats_cell_empty {
                let header = self
                    .fields
                    .iter()
                    .find(|(_, field)| *field == Field::SeatsTotal)
                    .and_then(|(at, _)| self.headers.get(*at).cloned())
                    .unwrap_or_default();
                ctx.field_issue(&header, IssueKind::MissingValue);
            }
        }
        Some(subscription)
    }
}
