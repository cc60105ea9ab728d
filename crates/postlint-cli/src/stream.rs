//! Streaming `check` for large JSON Lines inputs: posts are read, linted and written one at a
//! time, so memory stays flat however big the input. Schedule rules, which need every post at
//! once, run in a second pass over the files only when a post has a time (or `--schedule`).

use std::fs::File;
use std::io::{BufRead, BufReader, IsTerminal, Write};

use indicatif::{ProgressBar, ProgressStyle};
use postlint::report::{ScheduleReport, Tally};
use postlint::{Linter, Post};

use crate::input::{self, Format, InputError, Origin, ReadOptions};
use crate::output::{self, SummaryTable};
use crate::{Failure, OutputFormat, fail};

/// Inputs at least this large get a progress bar (when stderr is a terminal).
const PROGRESS_BYTES: u64 = 32 << 20;

/// Whether `check` can stream: every input is a JSON Lines file and the output format writes
/// post by post.
pub fn applies(paths: &[String], format: OutputFormat) -> bool {
    let streamable = matches!(
        format,
        OutputFormat::Jsonl | OutputFormat::Summary | OutputFormat::Github
    );
    streamable
        && paths
            .iter()
            .all(|path| path != "-" && Format::of_path(path) == Ok(Format::Jsonl))
}

/// What the first pass found, besides the output it wrote.
struct FirstPass {
    tally: Tally,
    table: SummaryTable,
    timed: bool,
    errors: Vec<InputError>,
}

/// Lints the posts of `paths` as they are read, writing `format` to `out`; returns the summary.
pub fn check(
    paths: &[String],
    linter: &Linter,
    options: &ReadOptions,
    format: OutputFormat,
    lossy: bool,
    schedule: bool,
    out: &mut dyn Write,
) -> Result<postlint::report::Summary, Failure> {
    let write_failed = |err: std::io::Error| fail(format!("cannot write output: {err}"));
    let mut pass = first_pass(paths, linter, options, format, lossy, out)?;
    if !pass.errors.is_empty() {
        // Every post that could be read was reported; the rest are named here (exit 2).
        out.flush().map_err(write_failed)?;
        return Err(pass.errors.iter().map(ToString::to_string).collect());
    }
    let mut schedule_report: Option<ScheduleReport> = None;
    if schedule || pass.timed {
        // The schedule rules need every post at once: that much is loaded, reports are not.
        let (posts, origins) = load_all(paths, options, lossy)?;
        let report = linter.lint_schedule_only(&posts);
        pass.tally.add_schedule(&report);
        match format {
            OutputFormat::Github => out
                .write_all(output::github_schedule(&report, &origins).as_bytes())
                .map_err(write_failed)?,
            OutputFormat::Summary => pass
                .table
                .add_schedule(&report, |index| posts[index].account.as_deref()),
            _ => {}
        }
        schedule_report = Some(report);
    }
    let summary = pass.tally.summary();
    let tail = match format {
        OutputFormat::Jsonl => output::jsonl_tail(schedule_report.as_ref(), &summary),
        OutputFormat::Summary => pass.table.render(&summary),
        _ => String::new(),
    };
    out.write_all(tail.as_bytes())
        .and_then(|()| out.flush())
        .map_err(write_failed)?;
    Ok(summary)
}

fn first_pass(
    paths: &[String],
    linter: &Linter,
    options: &ReadOptions,
    format: OutputFormat,
    lossy: bool,
    out: &mut dyn Write,
) -> Result<FirstPass, Failure> {
    let progress = progress_bar(paths);
    let mut pass = FirstPass {
        tally: Tally::default(),
        table: SummaryTable::default(),
        timed: false,
        errors: Vec::new(),
    };
    let mut index = 0;
    for path in paths {
        for_each_line(path, lossy, |line, text, bytes| {
            progress.inc(bytes);
            let sourced = match text.and_then(|text| input::read_jsonl_line(path, line, text, options)) {
                Ok(sourced) => sourced,
                Err(err) => {
                    pass.errors.push(err);
                    return Ok(());
                }
            };
            let report = linter.lint_post_at(index, &sourced.post);
            index += 1;
            pass.tally.add_post(&report);
            pass.timed |= sourced.post.at.is_some();
            let written = match format {
                OutputFormat::Jsonl => output::jsonl_post(&report),
                OutputFormat::Github => output::github_post(&report, &sourced.origin),
                _ => {
                    pass.table.add_post(&report, sourced.post.account.as_deref());
                    return Ok(());
                }
            };
            out.write_all(written.as_bytes())
                .map_err(|err| fail(format!("cannot write output: {err}")))
        })?;
    }
    progress.finish_and_clear();
    Ok(pass)
}

/// Reads every post again, for the schedule rules.
fn load_all(paths: &[String], options: &ReadOptions, lossy: bool) -> Result<(Vec<Post>, Vec<Origin>), Failure> {
    let (mut posts, mut origins) = (Vec::new(), Vec::new());
    for path in paths {
        for_each_line(path, lossy, |line, text, _| {
            let sourced = text
                .and_then(|text| input::read_jsonl_line(path, line, text, options))
                .map_err(|err| fail(err.to_string()))?;
            posts.push(sourced.post);
            origins.push(sourced.origin);
            Ok(())
        })?;
    }
    Ok((posts, origins))
}

/// Calls `visit(line_number, text_or_error, byte_count)` for each nonblank line of a file,
/// decoding UTF-8 (lossily with `--lossy`, else naming the file, line and byte offset).
fn for_each_line(
    path: &str,
    lossy: bool,
    mut visit: impl FnMut(usize, Result<&str, InputError>, u64) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let file = File::open(path).map_err(|err| fail(format!("{path}: cannot read: {err}")))?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut bytes = Vec::new();
    let (mut line, mut offset) = (0, 0u64);
    loop {
        bytes.clear();
        let read = reader
            .read_until(b'\n', &mut bytes)
            .map_err(|err| fail(format!("{path}: cannot read: {err}")))?;
        if read == 0 {
            return Ok(());
        }
        line += 1;
        let decoded = match std::str::from_utf8(&bytes) {
            Ok(text) => Ok(std::borrow::Cow::Borrowed(text)),
            Err(_) if lossy => Ok(String::from_utf8_lossy(&bytes)),
            Err(err) => Err(InputError {
                file: path.to_string(),
                line: Some(line),
                message: format!("invalid UTF-8 at byte {}", offset + err.valid_up_to() as u64),
            }),
        };
        offset += read as u64;
        let decoded = decoded.map(|text| match line {
            1 => input::strip_bom(&text).to_string().into(),
            _ => text,
        });
        match decoded {
            Ok(text) if text.trim().is_empty() => {}
            Ok(text) => visit(line, Ok(text.trim_end_matches(['\n', '\r'])), read as u64)?,
            Err(err) => visit(line, Err(err), read as u64)?,
        }
    }
}

/// A byte-counting progress bar on stderr for large inputs on a terminal; hidden otherwise.
fn progress_bar(paths: &[String]) -> ProgressBar {
    let total: u64 = paths
        .iter()
        .filter_map(|path| std::fs::metadata(path).ok())
        .map(|meta| meta.len())
        .sum();
    if total < PROGRESS_BYTES || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    ProgressBar::new(total).with_style(
        ProgressStyle::with_template(
            "{spinner} linting {bytes}/{total_bytes} [{wide_bar}] {bytes_per_sec}, {eta} left",
        )
        .expect("the template is valid")
        .progress_chars("=> "),
    )
}
