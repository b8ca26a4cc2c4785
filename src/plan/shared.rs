//! A value shared by many lines of a plan (the same target offer, the same ranked
//! candidates, the same product name or source file name), so a plan of 100,000
//! lines does not copy it 100,000 times.

use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// Serialized through serde's `rc` support: exactly as the value it holds, and read
/// back into a pointer of its own (sharing is not kept across a round trip).
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent, bound(serialize = "Arc<T>: Serialize", deserialize = "Arc<T>: Deserialize<'de>"))]
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
