//! `postlint init`: a commented `postlint.toml` with every default.

use postlint::rules::REGISTRY;
use postlint::{Brand, Scoring};

/// The text of a `postlint.toml` that spells out every default.
pub fn default_config() -> String {
    let mut out = String::from(
        "# postlint configuration: every value below is the default.\n\
         # Docs for each rule: `postlint explain RULE`. Severities: off, info, warning, error.\n\n",
    );
    out.push_str("# Who \"self\" is, for self-promotion: your handles (no @), domains and product names.\n");
    out.push_str(&section(
        "brand",
        &toml::to_string(&Brand::default()).expect("brand serializes"),
    ));
    out.push_str("# Score = 100 - error*errors - warning*warnings - info*infos; below spam-below = spam.\n");
    out.push_str(&section(
        "scoring",
        &toml::to_string(&Scoring::default()).expect("scoring serializes"),
    ));
    for rule in REGISTRY {
        let options = inline_tables(&(rule.default_options)());
        out.push_str(&format!("# {}\n", rule.summary));
        out.push_str(&format!(
            "# severity = \"{}\"  (set to override every finding's severity)\n",
            rule.default_severity
        ));
        out.push_str(&section(&format!("rules.{}", rule.name), &options));
    }
    out
}

/// Writes a table's keys as `key = value` lines, nested tables inline (`max = { x = 2 }`).
fn inline_tables(options: &serde_json::Value) -> String {
    let serde_json::Value::Object(options) = options else {
        return String::new();
    };
    options
        .iter()
        .map(|(key, value)| {
            let value = toml::Value::try_from(value).expect("rule options are TOML values");
            format!("{key} = {value}\n")
        })
        .collect()
}

fn section(name: &str, body: &str) -> String {
    format!("[{name}]\n{body}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_written_config_reads_back_as_the_defaults() {
        let text = default_config();
        let config = postlint::Config::from_toml(&text).unwrap();
        assert_eq!(config.scoring, Scoring::default());
        for rule in REGISTRY {
            assert!(
                text.contains(&format!("[rules.{}]", rule.name)),
                "{} missing",
                rule.name
            );
        }
        let post = postlint::Post::new("Tags #a #b #c").with_network(postlint::Network::X);
        let from_file = postlint::Linter::new(&config).unwrap().lint_post(&post);
        assert_eq!(from_file, postlint::Linter::default().lint_post(&post));
    }
}
