//! Building blocks for rule options.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::network::Network;

/// Deserializes a rule's options, naming unknown keys and what is valid, and the option at fault
/// (`at `max.x`: ...`, read back by `split_path`).
pub fn parse<T: DeserializeOwned>(options: &Map<String, Value>) -> Result<T, String> {
    deserialize_at(Value::Object(options.clone())).map_err(|(path, message)| {
        let message = if message.starts_with("unknown field") {
            format!("{message} (or `severity`)")
        } else {
            message
        };
        match path {
            Some(path) => format!("at `{path}`: {message}"),
            None => message,
        }
    })
}

/// Splits an options error made by [`parse`] into the option's path and the message.
pub(crate) fn split_path(error: &str) -> Option<(&str, &str)> {
    let rest = error.strip_prefix("at `")?;
    let (path, message) = rest.split_once("`: ")?;
    Some((path, message))
}

/// Deserializes `value`; an error names the path of the value at fault (`error`,
/// `domains[0]`, `max.x`), or `None` when it is the whole value.
pub(crate) fn deserialize_at<T: DeserializeOwned>(value: Value) -> Result<T, (Option<String>, String)> {
    serde_path_to_error::deserialize(value).map_err(|err| {
        let path = err.path().to_string();
        let path = (path != ".").then_some(path);
        (path, err.into_inner().to_string())
    })
}

/// Serializes default options for `postlint init` and the docs.
pub fn to_value<T: Serialize>(options: &T) -> Value {
    serde_json::to_value(options).expect("rule options serialize to JSON")
}

/// A count threshold that may be switched off: an integer, or `false` for "no threshold".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit(pub Option<u32>);

impl Serialize for Limit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some(count) => serializer.serialize_u32(count),
            None => serializer.serialize_bool(false),
        }
    }
}

impl<'de> Deserialize<'de> for Limit {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Count(u32),
            Flag(bool),
        }
        match Raw::deserialize(deserializer) {
            Ok(Raw::Count(count)) => Ok(Limit(Some(count))),
            Ok(Raw::Flag(false)) => Ok(Limit(None)),
            _ => Err(serde::de::Error::custom(
                "expected a non-negative integer, or false for no limit",
            )),
        }
    }
}

/// A value per network, written as a table keyed by network name (`{ x = 2, bluesky = 3 }`).
///
/// Networks missing from a user's table keep their defaults. Held as an array in
/// [`Network::ALL`] order: rules read it for every post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerNetwork<T>([T; Network::COUNT]);

impl<T: Copy> PerNetwork<T> {
    /// A table from `(network, value)` pairs; every network must be present.
    pub fn new(values: [(Network, T); Network::COUNT]) -> Self {
        let mut table = [values[0].1; Network::COUNT];
        let mut present = [false; Network::COUNT];
        for (network, value) in values {
            table[network.index()] = value;
            present[network.index()] = true;
        }
        assert!(present.iter().all(|&present| present), "a network is missing");
        Self(table)
    }

    /// The value for `network`.
    pub fn get(&self, network: Network) -> T {
        self.0[network.index()]
    }

    /// Overrides the values present in `overrides`.
    pub fn merged(mut self, overrides: &PartialPerNetwork<T>) -> Self {
        for (network, value) in &overrides.0 {
            self.0[network.index()] = *value;
        }
        self
    }
}

impl<T: Serialize> Serialize for PerNetwork<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(
            Network::ALL
                .iter()
                .zip(&self.0)
                .map(|(network, value)| (network.name(), value)),
        )
    }
}

/// A user's per-network table, possibly naming only some networks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartialPerNetwork<T>(pub BTreeMap<Network, T>);

impl<T> Default for PartialPerNetwork<T> {
    fn default() -> Self {
        Self(BTreeMap::new())
    }
}

impl<T: Serialize> Serialize for PartialPerNetwork<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(network, value)| (network.name(), value)))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for PartialPerNetwork<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = BTreeMap::<String, T>::deserialize(deserializer)?;
        let mut map = BTreeMap::new();
        for (name, value) in raw {
            let network = name.parse::<Network>().map_err(serde::de::Error::custom)?;
            map.insert(network, value);
        }
        Ok(Self(map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_accept_counts_and_false() {
        assert_eq!(serde_json::from_str::<Limit>("3").unwrap(), Limit(Some(3)));
        assert_eq!(serde_json::from_str::<Limit>("false").unwrap(), Limit(None));
        for bad in ["-1", "true", "1.5", "\"3\""] {
            let err = serde_json::from_str::<Limit>(bad).unwrap_err().to_string();
            assert!(err.contains("non-negative integer"), "{bad}: {err}");
        }
    }

    #[test]
    fn per_network_tables_name_bad_networks() {
        let err = serde_json::from_str::<PartialPerNetwork<u32>>(r#"{"myspace": 1}"#).unwrap_err();
        assert!(err.to_string().contains("unknown network `myspace`"), "{err}");
        let partial: PartialPerNetwork<u32> = serde_json::from_str(r#"{"twitter": 1}"#).unwrap();
        let full = PerNetwork::new(Network::ALL.map(|network| (network, 9))).merged(&partial);
        assert_eq!(full.get(Network::X), 1);
        assert_eq!(full.get(Network::Bluesky), 9);
    }
}
