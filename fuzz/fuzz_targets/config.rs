//! Any TOML or JSON config: a clear error or a linter that lints; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postlint::{Config, Linter, Network, Post};

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else { return };
    for parsed in [Config::from_toml(source), Config::from_json(source)] {
        match parsed {
            Ok(config) => {
                let Ok(linter) = Linter::new(&config) else { continue };
                let post = Post::new("Big news!!!! #a #b #c #d #e #f @x @y @z @w free followers acme.com")
                    .with_network(Network::X);
                let report = linter.lint_post(&post);
                assert!(report.score <= 100);
                linter.lint_schedule(&[post.clone(), post]);
            }
            Err(err) => assert!(!err.to_string().is_empty()),
        }
    }
});
