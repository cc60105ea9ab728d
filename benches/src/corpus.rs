//! A realistic corpus: the real tweets of `../shared/data/timelines` followed by synthetic
//! posts (with planted duplicate pairs), all on X.

use std::path::{Path, PathBuf};

use postlint::{Network, Post};
use postlint_tests::synth::{self, Edit};

/// The timeline exports read, in this order.
pub const TIMELINE_FILES: [&str; 3] = ["BarackObama.csv", "realDonaldTrump.csv", "mayweather-mcgregor.csv"];

/// The timelines folder: `$POSTLINT_SHARED/data/timelines`, by default `../shared` beside the
/// repository.
pub fn timelines_dir() -> PathBuf {
    let shared = std::env::var_os("POSTLINT_SHARED").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared"),
        PathBuf::from,
    );
    shared.join("data/timelines")
}

/// The `text` column of every timeline export, read lossily (the files are not valid UTF-8)
/// with the exports' HTML escapes undone, as a scheduler would hold the text.
///
/// # Errors
/// A message naming the file when one cannot be read or parsed.
pub fn timeline_texts() -> Result<Vec<String>, String> {
    let dir = timelines_dir();
    let mut texts = Vec::new();
    for file in TIMELINE_FILES {
        let path = dir.join(file);
        let bytes = std::fs::read(&path).map_err(|err| format!("{}: {err}", path.display()))?;
        let source = String::from_utf8_lossy(&bytes);
        let mut reader = csv::Reader::from_reader(source.as_bytes());
        let headers = reader.headers().map_err(|err| format!("{}: {err}", path.display()))?;
        let column = headers
            .iter()
            .position(|name| name == "text")
            .ok_or_else(|| format!("{}: no `text` column", path.display()))?;
        for record in reader.records() {
            let record = record.map_err(|err| format!("{}: {err}", path.display()))?;
            texts.push(
                record[column]
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">"),
            );
        }
    }
    Ok(texts)
}

/// A planted duplicate pair, as indices into [`Corpus::posts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Planted {
    /// The original post.
    pub original: usize,
    /// Its copy.
    pub copy: usize,
    /// How the copy differs.
    pub edit: Edit,
}

/// Real and synthetic posts, all on X.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// The posts: `real` timeline tweets first, then synthetic posts.
    pub posts: Vec<Post>,
    /// How many of the posts are real tweets.
    pub real: usize,
    /// Duplicate pairs planted among the synthetic posts.
    pub planted: Vec<Planted>,
}

/// `size` posts: real tweets (all of them, but at most half of `size`), then synthetic ones
/// from [`synth::generate`] (seed 42) up to `size`, each with only its text and network X.
///
/// # Errors
/// When the timelines cannot be read.
pub fn mixed(size: usize) -> Result<Corpus, String> {
    let real_texts = timeline_texts()?;
    let real = real_texts.len().min(size / 2);
    let synthetic = synth::generate(42, size - real);
    let posts = real_texts
        .into_iter()
        .take(real)
        .chain(synthetic.posts.into_iter().take(size - real).map(|post| post.text))
        .map(|text| Post::new(text).with_network(Network::X))
        .collect();
    let planted = synthetic
        .planted
        .iter()
        .filter(|pair| pair.original.max(pair.copy) < size - real)
        .map(|pair| Planted {
            original: real + pair.original,
            copy: real + pair.copy,
            edit: pair.edit,
        })
        .collect();
    Ok(Corpus { posts, real, planted })
}
