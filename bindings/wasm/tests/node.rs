//! The Rust side of the bindings, run as WebAssembly under node by wasm-bindgen-test:
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test -p postlint-wasm --target wasm32-unknown-unknown`
#![cfg(target_arch = "wasm32")]

use postlint_wasm::{Linter, entities};
use serde::Serialize;
use serde_json::{Value, json};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn to_json(value: JsValue) -> Value {
    serde_wasm_bindgen::from_value(value).expect("the bindings return plain JSON-like values")
}

fn js(value: Value) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap()
}

fn message(error: wasm_bindgen::JsError) -> String {
    let value = JsValue::from(error);
    js_sys::Reflect::get(&value, &"message".into())
        .unwrap()
        .as_string()
        .unwrap()
}

#[wasm_bindgen_test]
fn lints_a_crowded_follow_friday() {
    let linter = Linter::new(JsValue::UNDEFINED).unwrap();
    let report = to_json(
        linter
            .lint_post(JsValue::from_str("#FF @ann @bob @cat @dan @eve"), Some("x".into()))
            .unwrap(),
    );
    let rules: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"crowded-followfriday"), "{rules:?}");
    assert_eq!(report["network"], "x");
}

#[wasm_bindgen_test]
fn config_objects_and_errors() {
    let strict = Linter::new(js(json!({"rules": {"hashtag-stuffing": {"max": {"x": 1}}}}))).unwrap();
    let report = to_json(
        strict
            .lint_post(JsValue::from_str("Launch #a #b"), Some("x".into()))
            .unwrap(),
    );
    assert_eq!(report["diagnostics"][0]["rule"], "hashtag-stuffing");

    let error = Linter::new(js(json!({"rules": {"nope": {}}})))
        .err()
        .expect("unknown rule");
    assert!(message(error).starts_with("invalid config at `rules.nope`"));
    let error = strict
        .lint_many(js(json!(["a", {"text": 3}])), None)
        .expect_err("bad post");
    assert_eq!(
        message(error),
        "posts[1]: field `text`: expected a string, found a number"
    );
}

#[wasm_bindgen_test]
fn schedules_and_entities() {
    let posts = json!([
        {"text": "Same words", "account": "a", "at": "2026-11-01T09:00:00Z"},
        {"text": "Same words", "account": "a", "at": "2026-11-02T09:00:00Z"},
    ]);
    let report = to_json(
        Linter::new(JsValue::NULL)
            .unwrap()
            .lint_schedule(js(posts), None)
            .unwrap(),
    );
    assert_eq!(report["schedule"]["diagnostics"][0]["rule"], "duplicate-post");
    let found = to_json(entities("hi #rust https://example.com").unwrap());
    assert_eq!(found["hashtags"][0]["text"], "rust");
    assert_eq!(found["weighted_length"], 32);
}
