//! One post with every rule on, on each network: no panic; spans and fix edits fit the text; a
//! safe fix, applied, gives text that no longer draws the fixed finding.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use postlint::{Linter, Network, Post};

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(Linter::default)
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let network = Network::ALL[usize::from(selector) % Network::ALL.len()];
    let post = Post::new(text).with_network(network);
    let report = linter().lint_post(&post);
    let fixed_texts = postlint_fuzz::report(text, &report);
    assert_eq!(
        fixed_texts.len(),
        report.diagnostics.iter().filter(|d| d.fix.is_some()).count()
    );
    if selector & 0x80 != 0 {
        let fixed = linter().fix_post(&post, selector & 0x40 != 0);
        let again = linter().lint_post(&Post::new(fixed.text.as_str()).with_network(network));
        postlint_fuzz::report(&fixed.text, &again);
    }
});
