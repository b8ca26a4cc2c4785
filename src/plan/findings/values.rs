//! The values a finding or a checklist step is about, kept typed until a message
//! is shown: a date is written in the reader's language, a path or a channel by
//! its one label (see [`crate::i18n::labels`]), and an imported text exactly as
//! it was read, never translated.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::markets::Market;
use crate::model::{
    Actor, AddOnKind, BillingModel, Channel, GdapRole, GdapRoles, MigrationPath, SalesArea,
    SubscriptionStatus,
};

/// One value a finding or a step is about. Dates and numbers are kept typed so a
/// plan of many lines does not format them until a message is shown.
#[derive(Debug, Clone, Eq)]
pub enum FindingValue {
    Date(NaiveDate),
    Number(i64),
    /// An amount in hundredths (cents), shown with two decimals.
    Amount(i64),
    /// An amount in hundredths of a currency (ISO code), written as the language
    /// writes money (`€1,234.56`, `1 234,56 €`).
    Money(i64, Arc<str>),
    /// A text read from the input or the catalog (a product name, a country code):
    /// shown exactly as it is.
    Text(Arc<str>),
    /// A text known when the program is built (a catalog label, `?` for an
    /// unknown date): kept without a copy, since a large plan holds many. It
    /// reads, writes and compares exactly as the same [`FindingValue::Text`].
    Static(&'static str),
    Path(MigrationPath),
    Channel(Channel),
    Status(SubscriptionStatus),
    /// Who a sentence is about or who must act, written inside the sentence.
    Party(Actor),
    Role(GdapRole),
    /// Why the plan needs a GDAP role.
    RolePurpose(GdapRole),
    Roles(GdapRoles),
    Area(SalesArea),
    Market(&'static Market),
    /// How the Microsoft Customer Agreement is attested, by billing model.
    McaAttestation(BillingModel),
    /// The base licence an add-on of this kind needs (ADDON-BASE).
    BaseNeeded(AddOnKind),
}

impl PartialEq for FindingValue {
    fn eq(&self, other: &Self) -> bool {
        use FindingValue::*;
        match (self, other) {
            (Text(_) | Static(_), Text(_) | Static(_)) => self.text() == other.text(),
            (Date(a), Date(b)) => a == b,
            (Number(a), Number(b)) | (Amount(a), Amount(b)) => a == b,
            (Money(a, x), Money(b, y)) => a == b && x == y,
            (Path(a), Path(b)) => a == b,
            (Channel(a), Channel(b)) => a == b,
            (Status(a), Status(b)) => a == b,
            (Party(a), Party(b)) => a == b,
            (Role(a), Role(b)) | (RolePurpose(a), RolePurpose(b)) => a == b,
            (Roles(a), Roles(b)) => a == b,
            (Area(a), Area(b)) => a == b,
            (Market(a), Market(b)) => a.id == b.id,
            (McaAttestation(a), McaAttestation(b)) => a == b,
            (BaseNeeded(a), BaseNeeded(b)) => a == b,
            _ => false,
        }
    }
}

impl FindingValue {
    /// The text of a [`FindingValue::Text`] or [`FindingValue::Static`] value.
    pub fn text(&self) -> Option<&str> {
        match self {
            FindingValue::Text(text) => Some(text),
            FindingValue::Static(text) => Some(text),
            _ => None,
        }
    }
}

impl From<NaiveDate> for FindingValue {
    fn from(date: NaiveDate) -> Self {
        FindingValue::Date(date)
    }
}

macro_rules! number_value {
    ($($type:ty),*) => {$(
        impl From<$type> for FindingValue {
            fn from(number: $type) -> Self {
                FindingValue::Number(i64::try_from(number).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_value!(u32, u64, usize, i64);

impl From<&str> for FindingValue {
    fn from(text: &str) -> Self {
        FindingValue::Text(Arc::from(text))
    }
}

impl From<&String> for FindingValue {
    fn from(text: &String) -> Self {
        FindingValue::Text(Arc::from(text.as_str()))
    }
}

impl From<String> for FindingValue {
    fn from(text: String) -> Self {
        FindingValue::Text(Arc::from(text))
    }
}

impl From<Arc<str>> for FindingValue {
    fn from(text: Arc<str>) -> Self {
        FindingValue::Text(text)
    }
}

impl From<MigrationPath> for FindingValue {
    fn from(path: MigrationPath) -> Self {
        FindingValue::Path(path)
    }
}

impl From<Channel> for FindingValue {
    fn from(channel: Channel) -> Self {
        FindingValue::Channel(channel)
    }
}

impl From<SubscriptionStatus> for FindingValue {
    fn from(status: SubscriptionStatus) -> Self {
        FindingValue::Status(status)
    }
}

impl From<Actor> for FindingValue {
    fn from(actor: Actor) -> Self {
        FindingValue::Party(actor)
    }
}

impl From<GdapRoles> for FindingValue {
    fn from(roles: GdapRoles) -> Self {
        FindingValue::Roles(roles)
    }
}

impl From<SalesArea> for FindingValue {
    fn from(area: SalesArea) -> Self {
        FindingValue::Area(area)
    }
}

impl From<Market> for FindingValue {
    /// Kept as a reference into the markets table (a market is four words, a
    /// reference one, and a large plan holds many values).
    fn from(market: Market) -> Self {
        match crate::markets::markets().iter().find(|known| known.id == market.id) {
            Some(known) => FindingValue::Market(known),
            None => FindingValue::Static(market.id),
        }
    }
}

/// A typed value as JSON: an object of one field naming its kind, with the
/// value's id, `{"path": "repurchase"}`, so it never reads back as a text.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Typed {
    Path(MigrationPath),
    Channel(Channel),
    Status(SubscriptionStatus),
    Party(Actor),
    Role(GdapRole),
    RolePurpose(GdapRole),
    Roles(GdapRoles),
    Area(SalesArea),
    Market(String),
    McaAttestation(BillingModel),
    BaseNeeded(AddOnKind),
}

impl Serialize for FindingValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let typed = match self {
            FindingValue::Date(date) => return date.serialize(serializer),
            FindingValue::Number(number) => return serializer.serialize_i64(*number),
            // Cents are exact in an f64 for any amount a plan can hold (below 2^53).
            FindingValue::Amount(cents) => return serializer.serialize_f64(*cents as f64 / 100.0),
            FindingValue::Money(cents, currency) => {
                use serde::ser::SerializeMap;
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("amount", &(*cents as f64 / 100.0))?;
                map.serialize_entry("currency", &**currency)?;
                return map.end();
            }
            FindingValue::Text(text) => return serializer.serialize_str(text),
            FindingValue::Static(text) => return serializer.serialize_str(text),
            FindingValue::Path(path) => Typed::Path(*path),
            FindingValue::Channel(channel) => Typed::Channel(*channel),
            FindingValue::Status(status) => Typed::Status(*status),
            FindingValue::Party(actor) => Typed::Party(*actor),
            FindingValue::Role(role) => Typed::Role(*role),
            FindingValue::RolePurpose(role) => Typed::RolePurpose(*role),
            FindingValue::Roles(roles) => Typed::Roles(*roles),
            FindingValue::Area(area) => Typed::Area(*area),
            FindingValue::Market(market) => Typed::Market(market.id.to_string()),
            FindingValue::McaAttestation(model) => Typed::McaAttestation(*model),
            FindingValue::BaseNeeded(kind) => Typed::BaseNeeded(*kind),
        };
        typed.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for FindingValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(i64),
            Amount(f64),
            Text(String),
            Money { amount: f64, currency: String },
            Typed(Typed),
        }
        Ok(match Raw::deserialize(deserializer)? {
            Raw::Number(number) => FindingValue::Number(number),
            Raw::Amount(amount) => FindingValue::Amount((amount * 100.0).round() as i64),
            Raw::Money { amount, currency } => {
                FindingValue::Money((amount * 100.0).round() as i64, Arc::from(currency))
            }
            Raw::Text(text) => match NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
                Ok(date) => FindingValue::Date(date),
                Err(_) => FindingValue::Text(Arc::from(text)),
            },
            Raw::Typed(typed) => match typed {
                Typed::Path(path) => FindingValue::Path(path),
                Typed::Channel(channel) => FindingValue::Channel(channel),
                Typed::Status(status) => FindingValue::Status(status),
                Typed::Party(actor) => FindingValue::Party(actor),
                Typed::Role(role) => FindingValue::Role(role),
                Typed::RolePurpose(role) => FindingValue::RolePurpose(role),
                Typed::Roles(roles) => FindingValue::Roles(roles),
                Typed::Area(area) => FindingValue::Area(area),
                // A market the table no longer has keeps its id, shown as written.
                Typed::Market(id) => match crate::markets::markets().iter().find(|market| market.id == id) {
                    Some(market) => FindingValue::Market(market),
                    None => FindingValue::Text(Arc::from(id)),
                },
                Typed::McaAttestation(model) => FindingValue::McaAttestation(model),
                Typed::BaseNeeded(kind) => FindingValue::BaseNeeded(kind),
            },
        })
    }
}

/// Most values a message shows (checked by a test over every template).
pub const MAX_VALUES: usize = 5;

/// Named values, in the order they were added; serialized as a JSON object. Kept
/// inline rather than in a heap vector: a large plan holds millions of them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FindingValues([Option<(&'static str, FindingValue)>; MAX_VALUES]);

impl FindingValues {
    pub fn get(&self, name: &str) -> Option<&FindingValue> {
        self.iter().find(|(key, _)| *key == name).map(|(_, value)| value)
    }

    /// Sets a value; names are the `{placeholders}` of the templates. A sixth name
    /// is dropped (no template has that many).
    #[inline]
    pub fn insert(&mut self, name: &'static str, value: FindingValue) {
        for slot in &mut self.0 {
            match slot {
                Some((key, existing)) if same_name(key, name) => {
                    *existing = value;
                    return;
                }
                Some(_) => {}
                None => {
                    *slot = Some((name, value));
                    return;
                }
            }
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &FindingValue)> {
        self.0.iter().map_while(|slot| slot.as_ref().map(|(key, value)| (*key, value)))
    }

    pub fn is_empty(&self) -> bool {
        self.0[0].is_none()
    }
}

/// Two placeholder names alike. Compared byte by byte in place: the names are a
/// few letters, and a finding compares each new name with those it holds.
#[inline]
fn same_name(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(a, b)| a == b)
}

impl Serialize for FindingValues {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// Values read back from JSON, in their written order, before their names are
/// matched with the placeholder names of a table of templates (which gives the
/// names their `'static` form): the reader of a finding or a step knows its table.
#[derive(Debug, Default)]
pub struct StoredValues(Vec<(String, FindingValue)>);

impl StoredValues {
    /// The values whose names are among `known`; other names are dropped.
    pub fn resolve(self, known: &[&'static str]) -> FindingValues {
        let mut values = FindingValues::default();
        for (key, value) in self.0 {
            if let Some(name) = known.iter().find(|name| **name == key) {
                values.insert(name, value);
            }
        }
        values
    }
}

/// The placeholder names of a table of templates, each once, for [`StoredValues::resolve`].
pub fn placeholder_set(templates: impl Iterator<Item = &'static str>) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = templates.flat_map(crate::i18n::template::placeholder_names).collect();
    crate::sorting::sort(&mut names);
    names.dedup();
    names
}

impl<'de> Deserialize<'de> for StoredValues {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// Reads the object in its written order, so a plan reads back equal to itself.
        struct InOrder;

        impl<'de> serde::de::Visitor<'de> for InOrder {
            type Value = StoredValues;

            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("an object of named values")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<StoredValues, A::Error> {
                let mut values = Vec::new();
                while let Some(entry) = map.next_entry::<String, FindingValue>()? {
                    values.push(entry);
                }
                Ok(StoredValues(values))
            }
        }

        deserializer.deserialize_map(InOrder)
    }
}
