//! The input data model: a [`Post`] and its publication time.

use std::fmt;

use jiff::Timestamp;
use jiff::fmt::temporal::{Pieces, PiecesOffset};
use jiff::tz::Offset;

use crate::network::Network;
use crate::rules;

/// One social-media post, as given to the linter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Post {
    /// The caller's identifier for the post, echoed in the report.
    pub id: Option<String>,
    /// The text of the post.
    pub text: String,
    /// Where the post is published; decides length limits and thresholds.
    pub network: Network,
    /// The account that publishes the post (schedule rules group by it).
    pub account: Option<String>,
    /// When the post is (or was) published.
    pub at: Option<PostTime>,
    /// The user's own label: `Some(true)` for promotional content; `None` lets the engine decide.
    pub promotional: Option<bool>,
    /// Rule names suppressed for this post.
    pub allow: Vec<String>,
}

impl Post {
    /// A post with only text, on the `generic` network.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            ..Self::default()
        }
    }

    /// Sets the network.
    pub fn with_network(mut self, network: Network) -> Self {
        self.network = network;
        self
    }

    /// Whether rule `name` is suppressed for this post by its `allow` list.
    pub fn allows(&self, name: &str) -> bool {
        self.allow.iter().any(|allowed| allowed == name)
    }
}

/// The largest UTC offset RFC 3339 can write (23:59), in seconds.
const MAX_OFFSET_SECONDS: u32 = 23 * 3600 + 59 * 60;

/// A publication time: an instant plus the UTC offset it was written with.
///
/// The offset matters: "Friday" and "3 am" are judged in the post's own local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PostTime {
    /// The instant.
    pub timestamp: Timestamp,
    /// The UTC offset the time was given in.
    pub offset: Offset,
}

impl PostTime {
    /// Parses an RFC 3339 timestamp with an offset (`2026-11-20T09:00:00-05:00`, `...Z`).
    ///
    /// The offset must be whole minutes within ±23:59, as RFC 3339 writes it; a leap second
    /// (`23:59:60`) is read as the second before it.
    pub fn parse(input: &str) -> Result<Self, String> {
        let pieces = Pieces::parse(input).map_err(|err| format!("`{input}` is not an RFC 3339 time: {err}"))?;
        let offset = match pieces.offset() {
            Some(PiecesOffset::Zulu) => Offset::UTC,
            Some(PiecesOffset::Numeric(numeric)) => numeric.offset(),
            _ => {
                return Err(format!(
                    "`{input}` has no UTC offset; write it like 2026-11-20T09:00:00-05:00 or 2026-11-20T14:00:00Z"
                ));
            }
        };
        let seconds = offset.seconds();
        if seconds % 60 != 0 || seconds.unsigned_abs() > MAX_OFFSET_SECONDS {
            return Err(format!(
                "`{input}` has UTC offset {offset}; offsets are whole minutes from -23:59 to +23:59"
            ));
        }
        let time = pieces.time().unwrap_or_default();
        let timestamp = pieces
            .date()
            .to_datetime(time)
            .to_zoned(offset.to_time_zone())
            .map_err(|err| format!("`{input}` is out of range: {err}"))?
            .timestamp();
        Ok(Self { timestamp, offset })
    }

    /// The civil (wall-clock) date and time in the post's own offset.
    pub fn local(&self) -> jiff::civil::DateTime {
        self.offset.to_datetime(self.timestamp)
    }
}

impl fmt::Display for PostTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds = self.offset.seconds();
        let sign = if seconds < 0 { '-' } else { '+' };
        let (hours, minutes) = (seconds.unsigned_abs() / 3600, seconds.unsigned_abs() % 3600 / 60);
        let local = self.local();
        // Written out rather than with strftime, whose formatter is a large part of the
        // WebAssembly build.
        let year = local.year();
        if (0..=9999).contains(&year) {
            write!(f, "{year:04}")?;
        } else {
            write!(f, "{}{:06}", if year < 0 { '-' } else { '+' }, year.unsigned_abs())?;
        }
        write!(
            f,
            "-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{hours:02}:{minutes:02}",
            local.month(),
            local.day(),
            local.hour(),
            local.minute(),
            local.second()
        )
    }
}

/// A post that could not be read: which field is wrong and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostError {
    /// The field at fault (`text`, `network`, `at`, ...).
    pub field: &'static str,
    /// What is wrong with it.
    pub message: String,
}

impl PostError {
    fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

impl fmt::Display for PostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "field `{}`: {}", self.field, self.message)
    }
}

impl std::error::Error for PostError {}

impl Post {
    /// Reads a post from a JSON object, with a [`PostError`] naming the field at fault.
    ///
    /// Unknown fields are ignored: schedulers carry their own metadata next to the post.
    /// `null` counts as absent.
    pub fn from_json_value(value: serde_json::Value) -> Result<Self, PostError> {
        let serde_json::Value::Object(mut object) = value else {
            return Err(PostError::new(
                "post",
                format!("expected an object, found {}", json_kind(&value)),
            ));
        };
        let mut take = |field: &'static str| {
            object
                .remove(field)
                .filter(|value| !value.is_null())
                .map(|value| (field, value))
        };
        let text: String = typed(take("text"))?.ok_or_else(|| PostError::new("text", "is required"))?;
        let id = match take("id") {
            None => None,
            Some((_, serde_json::Value::String(id))) => Some(id),
            Some((_, serde_json::Value::Number(id))) => Some(id.to_string()),
            Some((field, other)) => {
                return Err(PostError::new(
                    field,
                    format!("expected a string or a number, found {}", json_kind(&other)),
                ));
            }
        };
        let network = match typed::<String>(take("network"))?.as_deref().map(str::trim) {
            None | Some("") => Network::Generic,
            Some(name) => name
                .parse()
                .map_err(|err: crate::network::UnknownNetwork| PostError::new("network", err.to_string()))?,
        };
        let at = match typed::<String>(take("at"))?.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(at) => Some(PostTime::parse(at).map_err(|err| PostError::new("at", err))?),
        };
        let account: Option<String> = typed(take("account"))?;
        let promotional: Option<bool> = typed(take("promotional"))?;
        let allow: Vec<String> = typed(take("allow"))?.unwrap_or_default();
        if let Some(unknown) = allow.iter().find(|name| rules::find(name).is_none()) {
            return Err(PostError::new(
                "allow",
                format!("unknown rule `{unknown}`; run `postlint rules` for the list"),
            ));
        }
        Ok(Post {
            id,
            text,
            network,
            account: account.filter(|account| !account.trim().is_empty()),
            at,
            promotional,
            allow,
        })
    }
}

/// Posts that could not be read, each with its position in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostsError {
    /// `(index, error)` for every post that could not be read, in input order.
    pub errors: Vec<(usize, PostError)>,
}

/// How many bad posts an error message lists before summarizing the rest.
const LISTED_ERRORS: usize = 10;

impl fmt::Display for PostsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, (index, error)) in self.errors.iter().take(LISTED_ERRORS).enumerate() {
            if n > 0 {
                f.write_str("; ")?;
            }
            write!(f, "posts[{index}]: {error}")?;
        }
        if self.errors.len() > LISTED_ERRORS {
            write!(f, "; and {} more bad posts", self.errors.len() - LISTED_ERRORS)?;
        }
        Ok(())
    }
}

impl std::error::Error for PostsError {}

impl Post {
    /// Reads a post from a JSON object or string (a string is the post's text), giving it
    /// `default_network` when it names none. This is how the bindings read their posts.
    pub fn from_json_value_or(value: serde_json::Value, default_network: Option<Network>) -> Result<Self, PostError> {
        match value {
            serde_json::Value::String(text) => Ok(Post {
                network: default_network.unwrap_or_default(),
                ..Post::new(text)
            }),
            serde_json::Value::Object(mut object) => {
                if let Some(network) = default_network {
                    let absent = object.get("network").is_none_or(|value| value.is_null());
                    if absent {
                        object.insert("network".into(), serde_json::Value::String(network.name().into()));
                    }
                }
                Post::from_json_value(serde_json::Value::Object(object))
            }
            other => Post::from_json_value(other),
        }
    }

    /// Reads a list of posts (see [`Post::from_json_value_or`]); every post that cannot be read is
    /// reported with its index, none is skipped.
    pub fn from_json_values(
        values: impl IntoIterator<Item = serde_json::Value>,
        default_network: Option<Network>,
    ) -> Result<Vec<Self>, PostsError> {
        let mut posts = Vec::new();
        let mut errors = Vec::new();
        for (index, value) in values.into_iter().enumerate() {
            match Post::from_json_value_or(value, default_network) {
                Ok(post) => posts.push(post),
                Err(error) => errors.push((index, error)),
            }
        }
        if errors.is_empty() {
            Ok(posts)
        } else {
            Err(PostsError { errors })
        }
    }
}

/// Deserializes a field's value, naming the field when its type is wrong.
fn typed<T: serde::de::DeserializeOwned>(
    entry: Option<(&'static str, serde_json::Value)>,
) -> Result<Option<T>, PostError> {
    entry
        .map(|(field, value)| {
            let kind = json_kind(&value);
            serde_json::from_value(value).map_err(|err| {
                let expected = err.to_string();
                let expected = expected.split(", expected ").nth(1).unwrap_or("another type");
                PostError::new(field, format!("expected {expected}, found {kind}"))
            })
        })
        .transpose()
}

/// A short name for a JSON value's type, for error messages.
pub(crate) fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_a_batch_with_a_default_network_and_reports_every_bad_post() {
        let posts = Post::from_json_values(
            [
                json!("plain text"),
                json!({"text": "b", "network": "bluesky"}),
                json!({"text": "c"}),
            ],
            Some(Network::X),
        )
        .unwrap();
        let networks: Vec<_> = posts.iter().map(|post| post.network).collect();
        assert_eq!(networks, [Network::X, Network::Bluesky, Network::X]);
        assert_eq!(posts[0].text, "plain text");

        let bad = (0..13).map(|n| if n % 2 == 0 { json!({"text": 1}) } else { json!("ok") });
        let error = Post::from_json_values(bad, None).unwrap_err();
        assert_eq!(error.errors.len(), 7);
        assert_eq!(error.errors[1].0, 2);
        let message = error.to_string();
        assert!(message.starts_with("posts[0]: field `text`: expected a string, found a number; posts[2]:"));
        assert!(message.ends_with("posts[12]: field `text`: expected a string, found a number"));

        let many = (0..12).map(|_| json!(null));
        let message = Post::from_json_values(many, None).unwrap_err().to_string();
        assert!(message.ends_with("; and 2 more bad posts"), "{message}");
    }

    #[test]
    fn reads_a_full_post() {
        let post = Post::from_json_value(json!({
            "id": 7, "text": "hi", "network": "twitter", "account": "acme",
            "at": "2026-11-20T09:00:00-05:00", "promotional": true, "allow": ["hashtag-stuffing"],
            "scheduler_meta": {"queue": 3}
        }))
        .unwrap();
        assert_eq!(post.id.as_deref(), Some("7"));
        assert_eq!(post.network, Network::X);
        let at = post.at.unwrap();
        assert_eq!(at.to_string(), "2026-11-20T09:00:00-05:00");
        assert_eq!(at.timestamp.to_string(), "2026-11-20T14:00:00Z");
        assert!(post.allows("hashtag-stuffing"));
    }

    #[test]
    fn errors_name_the_field() {
        let cases = [
            (json!({"network": "x"}), "text", "is required"),
            (
                json!({"text": "a", "network": "myspace"}),
                "network",
                "unknown network `myspace`",
            ),
            (json!({"text": "a", "at": "2026-11-20T09:00:00"}), "at", "no UTC offset"),
            (json!({"text": "a", "at": "yesterday"}), "at", "not an RFC 3339 time"),
            (json!({"text": 5}), "text", "expected a string, found a number"),
            (
                json!({"text": "a", "promotional": "yes"}),
                "promotional",
                "expected a boolean, found a string",
            ),
            (json!({"text": "a", "id": [1]}), "id", "found an array"),
            (json!({"text": "a", "allow": ["no-such-rule"]}), "allow", "unknown rule"),
            (json!(["text"]), "post", "expected an object"),
        ];
        for (value, field, needle) in cases {
            let err = Post::from_json_value(value.clone()).unwrap_err();
            assert_eq!(err.field, field, "{value}: {err}");
            assert!(err.message.contains(needle), "{value}: {err}");
        }
    }

    #[test]
    fn display_is_rfc_3339_with_the_original_offset() {
        for input in [
            "2026-11-20T09:05:07-05:00",
            "0001-01-01T00:00:00+02:00",
            "9999-12-30T12:00:00Z",
        ] {
            let at = PostTime::parse(input).unwrap();
            let shown = at.to_string();
            assert_eq!(shown, input.replace('Z', "+00:00"));
            assert_eq!(shown[..19], at.local().strftime("%Y-%m-%dT%H:%M:%S").to_string());
        }
    }

    #[test]
    fn zulu_and_odd_offsets_keep_their_local_time() {
        let at = PostTime::parse("2026-11-20T23:30:00+05:45").unwrap();
        assert_eq!(at.local().hour(), 23);
        assert_eq!(PostTime::parse("2026-11-20T23:30:00Z").unwrap().offset, Offset::UTC);
        for (input, shown) in [
            ("2026-11-20T09:00:00+23:59", "2026-11-20T09:00:00+23:59"),
            ("2026-11-20T09:00:00-23:59", "2026-11-20T09:00:00-23:59"),
            ("2026-11-20T09:00:00-00:00", "2026-11-20T09:00:00+00:00"),
            ("2016-12-31T23:59:60Z", "2016-12-31T23:59:59+00:00"),
        ] {
            assert_eq!(PostTime::parse(input).unwrap().to_string(), shown);
        }
    }

    #[test]
    fn offsets_out_of_range_or_with_seconds_are_errors() {
        for input in [
            "2026-11-20T09:00:00+05:45:30",
            "2026-11-20T09:00:00-00:00:01",
            "2026-11-20T09:00:00+24:00",
            "2026-11-20T09:00:00+25:00",
            "2026-11-20T09:00:00-24:00",
        ] {
            let err = PostTime::parse(input).unwrap_err();
            assert!(
                err.contains("offsets are whole minutes from -23:59 to +23:59"),
                "{input}: {err}"
            );
        }
        let err = Post::from_json_value(json!({"text": "a", "at": "2026-11-20T09:00:00+05:45:30"})).unwrap_err();
        assert_eq!(err.field, "at");
    }
}
