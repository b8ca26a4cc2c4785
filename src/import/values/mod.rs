//! Reading one cell: cleaning, header keys, dates, numbers, booleans and the
//! model's enums, in the spellings that English and French exports use.
//!
//! Every parser takes an already cleaned cell and returns `None` (or an error
//! kind) rather than guessing: the caller turns that into a field-level issue.

mod dates;
mod enums;
mod ids;
mod numbers;
mod text;

pub use dates::{days_between, excel_serial_date, parse_date, DateOrder, DateOrderVotes, DateProblem};
pub use enums::{parse_billing, parse_billing_account, parse_bool, parse_channel, parse_status, parse_term};
pub use ids::{is_nce_offer_id, parse_country, parse_guid};
pub use numbers::{currency_in_amount, parse_count, parse_currency, parse_number, CountProblem};
pub use text::{clean_cell, header_key};
