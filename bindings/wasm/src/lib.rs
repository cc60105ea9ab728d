//! WebAssembly bindings of postlint: a thin wasm-bindgen translation of the core crate.
//!
//! Plain JS objects go in and come out (never `Map`); errors are thrown as `Error`s carrying the
//! CLI's message. The JS wrapper (`js/api.js`) adds the `version` constant and turns a Rust
//! panic, which aborts in the size-optimized build, into an `Error` with the panic's message.

use std::cell::RefCell;

use postlint::report::EntitiesReport;
use postlint::{Config, Network, Post};
use serde::Serialize;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The message of the last Rust panic, for the JS wrapper to report.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Records panic messages (a panic aborts the instance in the size-optimized build), and lends
/// the core JavaScript's Unicode normalization (the build leaves out the core's tables).
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        LAST_PANIC.with(|last| *last.borrow_mut() = Some(message));
    }));
    postlint::unicode::set_host_normalizer(normalize);
}

/// `String.prototype.normalize`.
fn normalize(text: &str, form: postlint::unicode::Form) -> String {
    let form = match form {
        postlint::unicode::Form::Nfc => "NFC",
        postlint::unicode::Form::Nfkc => "NFKC",
    };
    js_sys::JsString::from(text)
        .normalize(form)
        .as_string()
        .expect("normalize returns a string")
}

/// The message of the last panic, if one happened; read by the JS wrapper after a trap.
#[wasm_bindgen(js_name = lastPanic)]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.with(|last| last.borrow().clone())
}

/// Panics on purpose: lets the JS tests check that a Rust panic arrives as an `Error`.
#[doc(hidden)]
#[wasm_bindgen(js_name = "__panicForTests")]
pub fn panic_for_tests() {
    panic!("deliberate panic for the tests");
}

/// The package version.
#[wasm_bindgen(js_name = packageVersion)]
pub fn package_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Serializes to plain JS objects (objects, not `Map`s; integers as numbers).
fn to_js(value: &impl Serialize) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|err| JsError::new(&err.to_string()))
}

/// Reads a JS value as JSON (`undefined` becomes `null`).
fn from_js(value: JsValue) -> Result<serde_json::Value, String> {
    if value.is_undefined() {
        return Ok(serde_json::Value::Null);
    }
    serde_wasm_bindgen::from_value(value).map_err(|err| err.to_string())
}

fn parse_network(network: Option<String>) -> Result<Option<Network>, JsError> {
    network
        .map(|name| {
            name.parse::<Network>()
                .map_err(|err| JsError::new(&format!("network: {err}")))
        })
        .transpose()
}

/// Lints posts with a fixed configuration.
#[wasm_bindgen]
pub struct Linter {
    inner: postlint::Linter,
}

#[wasm_bindgen]
impl Linter {
    /// Builds a linter from a config object (the shape of `postlint.toml`), or nothing for the
    /// defaults. TOML text is not read here: the parser would weigh more than it is worth in a
    /// browser; parse it in JS or pass the object.
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<Linter, JsError> {
        if config.is_string() {
            return Err(JsError::new(
                "invalid config: expected an object shaped like postlint.toml (this build reads no TOML text)",
            ));
        }
        let config = match from_js(config).map_err(|err| JsError::new(&format!("invalid config: {err}")))? {
            serde_json::Value::Null => Ok(Config::default()),
            value => Config::from_value(value),
        };
        let config = config.map_err(|err| JsError::new(&err.to_string()))?;
        let inner = postlint::Linter::new(&config).map_err(|err| JsError::new(&err.to_string()))?;
        Ok(Linter { inner })
    }

    /// Lints one post (a string, or an object with `text` and optional fields); returns its
    /// report. `network` fills a post that names none.
    #[wasm_bindgen(js_name = lintPost)]
    pub fn lint_post(&self, post: JsValue, network: Option<String>) -> Result<JsValue, JsError> {
        let network = parse_network(network)?;
        let value = from_js(post).map_err(|err| JsError::new(&format!("field `post`: {err}")))?;
        let post = Post::from_json_value_or(value, network).map_err(|err| JsError::new(&err.to_string()))?;
        to_js(&self.inner.lint_post(&post))
    }

    /// Lints the text of one post (the JS wrapper's path for a string post, which crosses the
    /// boundary once, as UTF-8); `network` defaults to `generic`.
    #[wasm_bindgen(js_name = lintText)]
    pub fn lint_text(&self, text: &str, network: Option<String>) -> Result<JsValue, JsError> {
        let network = parse_network(network)?.unwrap_or_default();
        to_js(&self.inner.lint_post(&Post::new(text).with_network(network)))
    }

    /// Lints many posts, each on its own; returns the report (posts and summary).
    #[wasm_bindgen(js_name = lintMany)]
    pub fn lint_many(&self, posts: JsValue, network: Option<String>) -> Result<JsValue, JsError> {
        let posts = read_posts(posts, parse_network(network)?)?;
        to_js(&self.inner.lint_posts(&posts))
    }

    /// Lints posts and the schedule they form; returns the report with its `schedule` part.
    #[wasm_bindgen(js_name = lintSchedule)]
    pub fn lint_schedule(&self, posts: JsValue, network: Option<String>) -> Result<JsValue, JsError> {
        let posts = read_posts(posts, parse_network(network)?)?;
        to_js(&self.inner.lint_schedule(&posts))
    }
}

/// Reads an array of posts; every bad one is named in the error.
fn read_posts(posts: JsValue, network: Option<Network>) -> Result<Vec<Post>, JsError> {
    match from_js(posts) {
        Ok(serde_json::Value::Array(values)) => {
            Post::from_json_values(values, network).map_err(|err| JsError::new(&err.to_string()))
        }
        Ok(other) => Err(JsError::new(&format!(
            "expected an array of posts, found {}",
            json_kind(&other)
        ))),
        Err(err) => Err(JsError::new(&format!("posts: {err}"))),
    }
}

fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "nothing",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Hashtags, mentions, cashtags and URLs of a text (as twitter-text extracts them) and its X
/// weighted length.
#[wasm_bindgen]
pub fn entities(text: &str) -> Result<JsValue, JsError> {
    to_js(&EntitiesReport::new(text))
}
