//! twitter-text conformance: runs every case of the official suites in
//! `../shared/conformance/twitter-text/` (extract.yml, validate.yml, tlds.yml) against
//! `postlint::text`, prints `N passed, N failed` per section, and fails on any failure that is
//! not in `tests/conformance-allowlist.txt` (or on an allowlisted case that now passes).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use postlint::text::{self, WeightedConfig};
use serde_yaml_ng::Value;

fn suite_dir() -> PathBuf {
    std::env::var_os("POSTLINT_SHARED")
        .map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared"),
            PathBuf::from,
        )
        .join("conformance/twitter-text")
}

fn load(file: &str) -> Value {
    let path = suite_dir().join(file);
    let source = std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    serde_yaml_ng::from_str(&source).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// Code-point index of byte offset `byte` in `text`.
fn cp(text: &str, byte: usize) -> i64 {
    text[..byte].chars().count() as i64
}

/// UTF-16 index of byte offset `byte` in `text`.
fn u16i(text: &str, byte: usize) -> i64 {
    text[..byte].encode_utf16().count() as i64
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_sequence()
        .map(|items| {
            items
                .iter()
                .map(|v| v.as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn indices(value: &Value) -> (i64, i64) {
    let pair = value["indices"].as_sequence().expect("indices");
    (pair[0].as_i64().unwrap(), pair[1].as_i64().unwrap())
}

/// Runs one case; `Ok(())` or a description of the difference.
fn run_case(file: &str, section: &str, text: &str, expected: &Value) -> Result<(), String> {
    let check = |ok: bool, got: String| if ok { Ok(()) } else { Err(got) };
    match (file, section) {
        ("extract", "mentions") => {
            let got: Vec<String> = text::extract_mentions(text)
                .iter()
                .filter(|m| m.list_slug.is_none())
                .map(|m| m.screen_name.slice(text).to_string())
                .collect();
            check(got == strings(expected), format!("{got:?}"))
        }
        ("extract", "mentions_with_indices") => {
            let got: Vec<(String, (i64, i64))> = text::extract_mentions(text)
                .iter()
                .filter(|m| m.list_slug.is_none())
                .map(|m| {
                    (
                        m.screen_name.slice(text).to_string(),
                        (cp(text, m.span.start), cp(text, m.span.end)),
                    )
                })
                .collect();
            let want: Vec<(String, (i64, i64))> = expected
                .as_sequence()
                .unwrap()
                .iter()
                .map(|e| (e["screen_name"].as_str().unwrap().to_string(), indices(e)))
                .collect();
            check(got == want, format!("{got:?}"))
        }
        ("extract", "mentions_or_lists_with_indices") => {
            let got: Vec<(String, String, (i64, i64))> = text::extract_mentions(text)
                .iter()
                .map(|m| {
                    (
                        m.screen_name.slice(text).to_string(),
                        m.list_slug.map(|s| s.slice(text).to_string()).unwrap_or_default(),
                        (cp(text, m.span.start), cp(text, m.span.end)),
                    )
                })
                .collect();
            let want: Vec<(String, String, (i64, i64))> = expected
                .as_sequence()
                .unwrap()
                .iter()
                .map(|e| {
                    (
                        e["screen_name"].as_str().unwrap().to_string(),
                        e["list_slug"].as_str().unwrap_or_default().to_string(),
                        indices(e),
                    )
                })
                .collect();
            check(got == want, format!("{got:?}"))
        }
        ("extract", "replies") => {
            let got = text::reply_screen_name(text).map(|s| s.slice(text).to_string());
            let want = expected.as_str().map(str::to_string);
            check(got == want, format!("{got:?}"))
        }
        ("extract", "urls" | "urls_with_directional_markers" | "tco_urls_with_params") | ("tlds", _) => {
            if let Some(items) = expected
                .as_sequence()
                .filter(|items| items.first().is_some_and(Value::is_mapping))
            {
                let got: Vec<(String, (i64, i64))> = text::extract_urls(text)
                    .iter()
                    .map(|u| {
                        (
                            u.span.slice(text).to_string(),
                            (cp(text, u.span.start), cp(text, u.span.end)),
                        )
                    })
                    .collect();
                let want: Vec<(String, (i64, i64))> = items
                    .iter()
                    .map(|e| (e["url"].as_str().unwrap().to_string(), indices(e)))
                    .collect();
                return check(got == want, format!("{got:?}"));
            }
            let got: Vec<String> = text::extract_urls(text)
                .iter()
                .map(|u| u.span.slice(text).to_string())
                .collect();
            check(got == strings(expected), format!("{got:?}"))
        }
        ("extract", "urls_with_indices") => {
            let got: Vec<(String, (i64, i64))> = text::extract_urls(text)
                .iter()
                .map(|u| {
                    (
                        u.span.slice(text).to_string(),
                        (cp(text, u.span.start), cp(text, u.span.end)),
                    )
                })
                .collect();
            let want: Vec<(String, (i64, i64))> = expected
                .as_sequence()
                .unwrap()
                .iter()
                .map(|e| (e["url"].as_str().unwrap().to_string(), indices(e)))
                .collect();
            check(got == want, format!("{got:?}"))
        }
        ("extract", "hashtags" | "hashtags_from_astral") => {
            let got: Vec<String> = text::extract_hashtags(text)
                .iter()
                .map(|h| h.tag.slice(text).to_string())
                .collect();
            check(got == strings(expected), format!("{got:?}"))
        }
        ("extract", "hashtags_with_indices") => {
            let got: Vec<(String, (i64, i64))> = text::extract_hashtags(text)
                .iter()
                .map(|h| {
                    (
                        h.tag.slice(text).to_string(),
                        (cp(text, h.span.start), cp(text, h.span.end)),
                    )
                })
                .collect();
            let want: Vec<(String, (i64, i64))> = expected
                .as_sequence()
                .unwrap()
                .iter()
                .map(|e| (e["hashtag"].as_str().unwrap().to_string(), indices(e)))
                .collect();
            check(got == want, format!("{got:?}"))
        }
        ("extract", "cashtags") => {
            let got: Vec<String> = text::extract_cashtags(text)
                .iter()
                .map(|c| c.symbol.slice(text).to_string())
                .collect();
            check(got == strings(expected), format!("{got:?}"))
        }
        ("extract", "cashtags_with_indices") => {
            let got: Vec<(String, (i64, i64))> = text::extract_cashtags(text)
                .iter()
                .map(|c| {
                    (
                        c.symbol.slice(text).to_string(),
                        (cp(text, c.span.start), cp(text, c.span.end)),
                    )
                })
                .collect();
            let want: Vec<(String, (i64, i64))> = expected
                .as_sequence()
                .unwrap()
                .iter()
                .map(|e| (e["cashtag"].as_str().unwrap().to_string(), indices(e)))
                .collect();
            check(got == want, format!("{got:?}"))
        }
        ("validate", "tweets") => {
            let got = text::is_valid_tweet(text, &WeightedConfig::V1);
            check(Some(got) == expected.as_bool(), format!("{got}"))
        }
        ("validate", "usernames") => {
            let got = text::is_valid_username(text);
            check(Some(got) == expected.as_bool(), format!("{got}"))
        }
        ("validate", "lists") => {
            let got = text::is_valid_list(text);
            check(Some(got) == expected.as_bool(), format!("{got}"))
        }
        ("validate", "hashtags") => {
            let got = text::is_valid_hashtag(text);
            check(Some(got) == expected.as_bool(), format!("{got}"))
        }
        ("validate", "urls") => {
            let got = text::is_valid_url(text, true, true);
            check(Some(got) == expected.as_bool(), format!("{got}"))
        }
        ("validate", "urls_without_protocol") => {
            let got = text::is_valid_url(text, true, false);
            check(Some(got) == expected.as_bool(), format!("{got}"))
        }
        ("validate", weighted) => {
            let config = match weighted {
                "WeightedTweetsCounterTest" => WeightedConfig::V2,
                _ => WeightedConfig::V3,
            };
            let got = text::weighted_length(text, &config);
            let range = |span: postlint::Span| {
                if span.is_empty() && span.start == 0 {
                    (0, -1)
                } else {
                    (u16i(text, span.start), u16i(text, span.end) - 1)
                }
            };
            let (display_start, display_end) = range(got.display_range);
            let (valid_start, valid_end) = range(got.valid_range);
            let got_fields = [
                got.weighted_length as i64,
                got.permillage as i64,
                i64::from(got.valid),
                display_start,
                display_end,
                valid_start,
                valid_end,
            ];
            let field = |name: &str| match &expected[name] {
                Value::Bool(b) => i64::from(*b),
                other => other.as_i64().unwrap_or(i64::MIN),
            };
            let want = [
                field("weightedLength"),
                field("permillage"),
                field("valid"),
                field("displayRangeStart"),
                field("displayRangeEnd"),
                field("validRangeStart"),
                field("validRangeEnd"),
            ];
            check(got_fields == want, format!("{got_fields:?} want {want:?}"))
        }
        _ => Err(format!("unknown section {file}/{section}")),
    }
}

#[test]
fn twitter_text_conformance() {
    let allowlist_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("conformance-allowlist.txt");
    let allowlist_source = std::fs::read_to_string(&allowlist_path).unwrap_or_default();
    let allowlist: BTreeSet<String> = allowlist_source
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| line.split(" | ").take(3).collect::<Vec<_>>().join(" | "))
        .collect();
    let mut unexpected_failures = Vec::new();
    let mut unexpected_passes = Vec::new();
    let (mut total_passed, mut total_failed) = (0, 0);
    for file in ["extract", "validate", "tlds"] {
        let suite = load(&format!("{file}.yml"));
        for (section, cases) in suite["tests"].as_mapping().expect("tests") {
            let section = section.as_str().unwrap();
            let (mut passed, mut failed) = (0, 0);
            for case in cases.as_sequence().expect("cases") {
                let description = case["description"].as_str().unwrap_or_default();
                let text = case["text"].as_str().unwrap_or_default();
                let key = format!("{file} | {section} | {description}");
                match run_case(file, section, text, &case["expected"]) {
                    Ok(()) => {
                        passed += 1;
                        if allowlist.contains(&key) {
                            unexpected_passes.push(key);
                        }
                    }
                    Err(got) => {
                        failed += 1;
                        if !allowlist.contains(&key) {
                            unexpected_failures.push(format!("{key}: text {text:?} got {got}"));
                        }
                    }
                }
            }
            println!("{file}/{section}: {passed} passed, {failed} failed");
            total_passed += passed;
            total_failed += failed;
        }
    }
    println!("conformance: {total_passed} passed, {total_failed} failed");
    assert!(
        unexpected_failures.is_empty(),
        "failures not in the allowlist:\n{}",
        unexpected_failures.join("\n")
    );
    assert!(
        unexpected_passes.is_empty(),
        "allowlisted cases that now pass:\n{}",
        unexpected_passes.join("\n")
    );
}
