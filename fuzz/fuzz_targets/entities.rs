//! Entity extraction and X's weighted length on any text: no panic, every span on char
//! boundaries with its byte, char and UTF-16 forms naming the same text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postlint::report::EntitiesReport;
use postlint::text::{self, WeightedConfig};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let report = EntitiesReport::new(input);
    let entities = report
        .hashtags
        .iter()
        .chain(&report.mentions)
        .chain(&report.cashtags)
        .chain(&report.urls);
    for entity in entities {
        postlint_fuzz::span(input, entity.span);
    }
    let extracted = text::extract(input);
    assert_eq!(
        text::weighted_length_with(input, &extracted, &WeightedConfig::V3),
        text::weighted_length(input, &WeightedConfig::V3),
    );
});
