//! postlint: lint social-media posts and posting schedules for spam and quality problems.

pub mod network;
pub mod span;
pub mod text;
