//! Test support for postlint: the synthetic schedule generator shared by tests and benchmarks.

pub mod synth;
