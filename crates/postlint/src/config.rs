//! Configuration: what "self" means for the brand, per-rule severities and options, scoring.
//!
//! The same object is read from TOML (`postlint.toml`), JSON, a Python dict or a JS object.
//! Unknown keys and bad values are errors that name the key and list what is valid.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Severity;
use crate::rules;

/// A validated configuration.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// Who "self" is, for self-promotion.
    pub brand: Brand,
    /// How diagnostics turn into a score.
    pub scoring: Scoring,
    /// Per-rule settings, by rule name; rules not listed run with their defaults.
    pub rules: BTreeMap<String, RuleSettings>,
}

/// The brand whose posts are linted: what counts as self-promotion.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Brand {
    /// The brand's own handles, without `@`.
    pub handles: Vec<String>,
    /// The brand's own domains (`acme.com` also matches `shop.acme.com`).
    pub domains: Vec<String>,
    /// Product and brand names.
    pub keywords: Vec<String>,
}

/// How diagnostics lower a post's score (100 = clean) and where spam begins.
///
/// A post's score is `100 - error * errors - warning * warnings - info * infos`, floored at 0.
/// Its verdict is `clean` without warnings or errors, `spam` when the score is below
/// `spam-below`, and `needs-work` otherwise. The summary score is the mean of the post scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Scoring {
    /// Points taken off per error.
    pub error: u32,
    /// Points taken off per warning.
    pub warning: u32,
    /// Points taken off per info.
    pub info: u32,
    /// Scores below this are `spam`.
    pub spam_below: u32,
}

impl Default for Scoring {
    fn default() -> Self {
        Self {
            error: 40,
            warning: 30,
            info: 0,
            spam_below: 40,
        }
    }
}

/// The settings of one rule.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleSettings {
    /// When set, every finding of the rule gets this severity (`off` disables the rule).
    pub severity: Option<Severity>,
    /// The rule's own options (validated by the rule), without `severity`.
    pub options: serde_json::Map<String, serde_json::Value>,
}

/// A configuration that could not be read, naming the key at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// Dotted path of the key at fault (`rules.hashtag-stuffing.max`); empty for the whole file.
    pub key: String,
    /// What is wrong and what is valid.
    pub message: String,
}

impl ConfigError {
    fn new(key: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.key.is_empty() {
            write!(f, "invalid config: {}", self.message)
        } else {
            write!(f, "invalid config at `{}`: {}", self.key, self.message)
        }
    }
}

impl std::error::Error for ConfigError {}

/// The top-level keys, as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    brand: Brand,
    #[serde(default)]
    scoring: Scoring,
    #[serde(default)]
    rules: BTreeMap<String, serde_json::Value>,
}

impl Config {
    /// Reads a TOML document (`postlint.toml`); needs the `toml` feature (on by default).
    #[cfg(feature = "toml")]
    pub fn from_toml(source: &str) -> Result<Self, ConfigError> {
        let table: toml::Table =
            toml::from_str(source).map_err(|err| ConfigError::new("", err.to_string().trim_end().to_string()))?;
        if let Some((key, number)) = non_finite_float(&table) {
            return Err(ConfigError::new(key, format!("{number} is not a finite number")));
        }
        let value = serde_json::to_value(table).map_err(|err| ConfigError::new("", err.to_string()))?;
        Self::from_value(value)
    }

    /// Reads a JSON document.
    pub fn from_json(source: &str) -> Result<Self, ConfigError> {
        let value: serde_json::Value =
            serde_json::from_str(source).map_err(|err| ConfigError::new("", err.to_string()))?;
        Self::from_value(value)
    }

    /// Reads a configuration from a JSON value (the form the bindings hand over).
    pub fn from_value(value: serde_json::Value) -> Result<Self, ConfigError> {
        if !value.is_object() {
            return Err(ConfigError::new(
                "",
                format!(
                    "expected a table of settings, found {}",
                    crate::model::json_kind(&value)
                ),
            ));
        }
        let raw: RawConfig = rules::options::deserialize_at(value)
            .map_err(|(path, message)| ConfigError::new(path.unwrap_or_default(), message))?;
        if raw.scoring.spam_below > 100 {
            return Err(ConfigError::new("scoring.spam-below", "must be between 0 and 100"));
        }
        let mut config = Config {
            brand: raw.brand,
            scoring: raw.scoring,
            rules: BTreeMap::new(),
        };
        for (name, value) in raw.rules {
            let key = format!("rules.{name}");
            let Some(rule) = rules::find(&name) else {
                let valid: Vec<&str> = rules::REGISTRY.iter().map(|rule| rule.name).collect();
                return Err(ConfigError::new(
                    key,
                    format!("unknown rule; valid rules: {}", valid.join(", ")),
                ));
            };
            let serde_json::Value::Object(mut options) = value else {
                return Err(ConfigError::new(
                    key,
                    format!(
                        "expected a table such as {{ severity = \"warning\" }}, found {}",
                        crate::model::json_kind(&value)
                    ),
                ));
            };
            let severity = match options.remove("severity") {
                None => None,
                Some(serde_json::Value::String(severity)) => Some(
                    severity
                        .parse()
                        .map_err(|err: String| ConfigError::new(format!("{key}.severity"), err))?,
                ),
                Some(other) => {
                    return Err(ConfigError::new(
                        format!("{key}.severity"),
                        format!(
                            "expected one of off, info, warning, error, found {}",
                            crate::model::json_kind(&other)
                        ),
                    ));
                }
            };
            // Validate the options now, so that a bad config fails when it is read.
            rule.validate(&options, &config.brand)
                .map_err(|err| match rules::options::split_path(&err) {
                    Some((path, message)) => ConfigError::new(format!("{key}.{path}"), message),
                    None => ConfigError::new(key, err),
                })?;
            config.rules.insert(name, RuleSettings { severity, options });
        }
        Ok(config)
    }
}

#[cfg(feature = "toml")]
/// The dotted path and value of the first float of `table` that is not finite (TOML's `nan`,
/// `inf`): JSON has no such numbers, and no threshold means anything with them.
fn non_finite_float(table: &toml::Table) -> Option<(String, f64)> {
    let mut pending: Vec<(String, &toml::Value)> = table.iter().map(|(key, value)| (key.clone(), value)).collect();
    while let Some((path, value)) = pending.pop() {
        match value {
            toml::Value::Float(number) if !number.is_finite() => return Some((path, *number)),
            toml::Value::Table(table) => {
                pending.extend(table.iter().map(|(key, value)| (format!("{path}.{key}"), value)));
            }
            toml::Value::Array(items) => {
                pending.extend(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, value)| (format!("{path}[{i}]"), value)),
                );
            }
            _ => {}
        }
    }
    None
}

#[cfg(all(test, feature = "toml"))]
mod tests {
    use super::*;

    #[test]
    fn reads_the_design_example() {
        let config = Config::from_toml(
            r#"
            [brand]
            handles = ["acme"]
            domains = ["acme.com"]

            [rules.hashtag-stuffing]
            severity = "warning"
            max = { x = 2, instagram = 5, linkedin = 5 }
            "#,
        )
        .unwrap();
        assert_eq!(config.brand.handles, ["acme"]);
        let settings = &config.rules["hashtag-stuffing"];
        assert_eq!(settings.severity, Some(Severity::Warning));
        assert!(settings.options.contains_key("max"));
    }

    #[test]
    fn unknown_keys_list_what_is_valid() {
        let err = Config::from_toml("[brnd]\nhandles = []").unwrap_err();
        assert!(err.message.contains("`brnd`") && err.message.contains("brand"), "{err}");

        let err = Config::from_toml("[rules.hashtag-stuffed]").unwrap_err();
        assert_eq!(err.key, "rules.hashtag-stuffed");
        assert!(err.message.contains("hashtag-stuffing"), "{err}");

        let err = Config::from_json(r#"{"rules": {"hashtag-stuffing": {"maxx": {}}}}"#).unwrap_err();
        assert_eq!(err.key, "rules.hashtag-stuffing.maxx");
        assert!(err.message.contains("`maxx`") && err.message.contains("`max`"), "{err}");

        let err = Config::from_json(r#"{"rules": {"hashtag-stuffing": {"severity": "loud"}}}"#).unwrap_err();
        assert_eq!(err.key, "rules.hashtag-stuffing.severity");

        let err = Config::from_json(r#"{"scoring": {"warning": -3}}"#).unwrap_err();
        assert!(err.message.contains("-3"), "{err}");
    }

    #[test]
    fn type_errors_name_the_path() {
        let cases = [
            (
                "[scoring]\nerror = \"x\"",
                "scoring.error",
                "invalid type: string \"x\", expected u32",
            ),
            (
                "[brand]\ndomains = [\"a.com\", 1]",
                "brand.domains[1]",
                "expected a string",
            ),
            (
                "[rules.hashtag-stuffing]\nmax = { x = -1 }",
                "rules.hashtag-stuffing.max.x",
                "non-negative integer",
            ),
            (
                "[rules.hashtag-stuffing]\nduplicates = 3",
                "rules.hashtag-stuffing.duplicates",
                "expected a boolean",
            ),
            (
                "[rules.flooding]\nmax-per-hour = -5",
                "rules.flooding.max-per-hour",
                "expected usize",
            ),
        ];
        for (toml, key, needle) in cases {
            let err = Config::from_toml(toml).unwrap_err();
            assert_eq!(err.key, key, "{toml}: {err}");
            assert!(err.message.contains(needle), "{toml}: {err}");
            assert!(
                err.to_string().starts_with(&format!("invalid config at `{key}`: ")),
                "{err}"
            );
        }
        for (toml, key) in [
            ("[rules.robotic-cadence]\nmax-cv = nan", "rules.robotic-cadence.max-cv"),
            (
                "[rules.self-promo-ratio]\nmax-ratio = -inf",
                "rules.self-promo-ratio.max-ratio",
            ),
            (
                "[rules.spam-phrase]\nphrases = [[1.0, inf]]",
                "rules.spam-phrase.phrases[0][1]",
            ),
        ] {
            let err = Config::from_toml(toml).unwrap_err();
            assert_eq!(err.key, key, "{toml}: {err}");
            assert!(err.message.ends_with("is not a finite number"), "{err}");
        }
        // Whole-table problems keep the table's key.
        let err = Config::from_toml("[rules.robotic-cadence]\nmax-cv = -1.0").unwrap_err();
        assert_eq!(err.key, "rules.robotic-cadence");
    }

    #[test]
    fn rejects_non_tables() {
        assert!(Config::from_json("[1]").unwrap_err().message.contains("an array"));
        assert!(
            Config::from_json(r#"{"rules": {"hashtag-stuffing": 3}}"#)
                .unwrap_err()
                .message
                .contains("a number")
        );
        assert!(Config::from_toml("brand = ").is_err());
    }
}
