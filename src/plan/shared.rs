//! A value shared by many lines of a plan (the same target offer, the same ranked
//! candidates, the same product name or source file name), so a plan of 100,000
//! lines does not copy it 100,000 times. It serializes exactly as the value it holds.

use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Shared<T: ?Sized>(Arc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Arc::new(value))
    }
}

impl Shared<str> {
    /// A shared copy of a text.
    pub fn text(text: &str) -> Shared<str> {
        Shared(Arc::from(text))
    }
}

impl From<&str> for Shared<str> {
    fn from(text: &str) -> Self {
        Shared::text(text)
    }
}

impl From<Arc<str>> for Shared<str> {
    fn from(text: Arc<str>) -> Self {
        Shared(text)
    }
}

impl<T: ?Sized> Shared<T> {
    /// The value as the standard shared pointer (for a finding value, say).
    pub fn to_arc(&self) -> Arc<T> {
        Arc::clone(&self.0)
    }
}

impl<T: std::fmt::Display + ?Sized> std::fmt::Display for Shared<T> {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(formatter)
    }
}

impl AsRef<str> for Shared<str> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl<T: ?Sized> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T: ?Sized> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Default> Default for Shared<T> {
    fn default() -> Self {
        Shared::new(T::default())
    }
}

impl<T: Serialize + ?Sized> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.as_ref().serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Shared<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Shared::new)
    }
}

impl<'de> Deserialize<'de> for Shared<str> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|text| Shared(Arc::from(text)))
    }
}
