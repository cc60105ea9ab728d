//! Benchmark-only crate: see `benches/benches/`.
