//! The readers of `postlint check` as a library: posts from `.json`, `.jsonl`, `.csv` and `.txt`
//! sources, with the same errors, for tools (such as the fuzz targets) that need to read inputs
//! exactly as the command does. The command itself is the `postlint` binary.

pub mod input;
