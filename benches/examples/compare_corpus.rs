//! Writes the posts every contender of `benches/compare/run.sh` reads: `DIR/posts.jsonl` (one
//! `{"text", "network": "x"}` object per line: the real timeline tweets, then synthetic posts)
//! and `DIR/planted.json` (the planted duplicate pairs, as line indices, with their edit).
//!
//! `cargo run --release -p postlint-benches --example compare_corpus -- 100000 DIR`

use std::io::Write;

use postlint_benches::corpus;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: compare_corpus SIZE DIR";
    let size: usize = args
        .next()
        .ok_or(usage)?
        .parse()
        .map_err(|err| format!("SIZE: {err}"))?;
    let dir = std::path::PathBuf::from(args.next().ok_or(usage)?);
    std::fs::create_dir_all(&dir)?;
    let corpus = corpus::mixed(size)?;

    let mut posts = std::io::BufWriter::new(std::fs::File::create(dir.join("posts.jsonl"))?);
    let mut bytes = 0;
    for post in &corpus.posts {
        bytes += post.text.len();
        serde_json::to_writer(&mut posts, &serde_json::json!({"text": post.text, "network": "x"}))?;
        posts.write_all(b"\n")?;
    }
    posts.flush()?;
    let planted: Vec<serde_json::Value> = corpus
        .planted
        .iter()
        .map(|pair| serde_json::json!({"original": pair.original, "copy": pair.copy, "edit": format!("{:?}", pair.edit)}))
        .collect();
    std::fs::write(dir.join("planted.json"), serde_json::to_string(&planted)?)?;
    println!(
        "{}",
        serde_json::json!({
            "posts": corpus.posts.len(),
            "real": corpus.real,
            "synthetic": corpus.posts.len() - corpus.real,
            "planted": planted.len(),
            "mean_bytes": bytes as f64 / corpus.posts.len().max(1) as f64,
        })
    );
    Ok(())
}
