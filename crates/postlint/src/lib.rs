//! postlint: lint social-media posts and posting schedules for spam and quality problems.
//!
//! ```
//! use postlint::{Linter, Network, Post};
//!
//! let post = Post::new("Big news! #a #b #c #d #e #f").with_network(Network::X);
//! let report = Linter::default().lint_post(&post);
//! assert_eq!(report.diagnostics[0].rule, "hashtag-stuffing");
//! ```

#![forbid(unsafe_code)]

pub mod autofix;
pub mod config;
pub mod diagnostic;
pub mod emoji;
pub(crate) mod fasthash;
pub mod fold;
mod lanes;
pub mod linter;
pub mod model;
pub mod network;
pub mod report;
pub mod rules;
pub mod schedule;
pub mod span;
#[cfg(test)]
mod testing;
pub mod text;
pub mod unicode;

pub use autofix::Fixed;
pub use config::{Brand, Config, ConfigError, Scoring};
pub use diagnostic::Severity;
pub use linter::Linter;
pub use model::{Post, PostError, PostTime, PostsError};
pub use network::Network;
pub use report::{Diagnostic, PostReport, Report, Verdict};
pub use span::{Span, SpanUnits, UnitIndex};

/// Compiles and runs the Rust examples in README.md, which use the default features
/// (`Config::from_toml` needs `toml`).
#[cfg(all(doctest, feature = "toml"))]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;
