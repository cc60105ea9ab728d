//! `postlint`: lint social-media posts and posting schedules from the command line.

mod display;
mod human;
mod init;
mod output;
mod stream;

use std::io::{IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use postlint::report::EntitiesReport;
use postlint::rules::REGISTRY;
use postlint::{Config, Linter, Network, Post};

use postlint_cli::input::{self, Format, InputError, Origin, ReadOptions};

/// Lint social-media posts and posting schedules for spam and quality problems.
#[derive(Parser)]
#[command(name = "postlint", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint posts from files (.json, .jsonl, .csv, .txt) or `-` for stdin.
    Check(Box<CheckArgs>),
    /// Print the hashtags, mentions, cashtags and URLs of a text, and its X length, as JSON.
    Entities {
        /// The text; `-` or nothing reads stdin.
        text: Option<String>,
    },
    /// List every rule with its default severity.
    Rules,
    /// Print a rule's documentation.
    Explain {
        /// The rule name, e.g. hashtag-stuffing.
        rule: String,
    },
    /// Write a postlint.toml that spells out every default.
    Init {
        /// Print to stdout instead of writing ./postlint.toml.
        #[arg(long)]
        stdout: bool,
        /// Overwrite an existing postlint.toml.
        #[arg(long)]
        force: bool,
    },
}

/// Options of `postlint check`.
#[derive(clap::Args)]
struct CheckArgs {
    /// Input files; `-` reads stdin (JSON, JSON Lines, or plain text as one post).
    #[arg(required = true)]
    paths: Vec<String>,
    /// Config file (TOML, or JSON by extension); default: ./postlint.toml if present.
    #[arg(long)]
    config: Option<String>,
    /// Network for posts that name none (x, twitter, linkedin, bluesky, ...).
    #[arg(long)]
    network: Option<String>,
    /// Output format; default `human` on a terminal, `json` otherwise.
    #[arg(long, value_enum)]
    format: Option<OutputFormat>,
    /// Run the schedule rules even when no post has a time (they run whenever one does).
    #[arg(long)]
    schedule: bool,
    /// Run only these rules (comma-separated names).
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Do not run these rules (comma-separated names).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Also exit 1 when there are warnings.
    #[arg(long, value_enum)]
    deny: Option<Deny>,
    /// CSV columns holding post fields, e.g. `--map text=Message,at=Date,account=Profile`.
    #[arg(long, value_delimiter = ',')]
    map: Vec<String>,
    /// Time zone of dates without an offset (`UTC`, `America/New_York`, `+05:30`).
    #[arg(long)]
    tz: Option<String>,
    /// Format of dates without an offset (strftime, e.g. `%d/%m/%Y %H:%M`), tried first.
    #[arg(long)]
    date_format: Option<String>,
    /// Read invalid UTF-8 with replacement characters instead of failing.
    #[arg(long)]
    lossy: bool,
    /// Write the input back with safe fixes applied (to --output, or stdout); the remaining
    /// problems are summarized on stderr and decide the exit code.
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// With --fix or --diff, also apply fixes that may change the post's meaning.
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print a unified diff of what --fix would change, and exit 1 if it would change anything.
    #[arg(long)]
    diff: bool,
    /// Write the report (or, with --fix, the fixed input) to this file instead of stdout.
    #[arg(long, short = 'o')]
    output: Option<String>,
    /// The name of stdin (`-`) in messages; its extension sets the format (else it is sniffed).
    #[arg(long)]
    stdin_filename: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Deny {
    /// Warnings fail the run like errors.
    Warnings,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// Findings with the post text and the span underlined.
    Human,
    /// The JSON report (version 1).
    Json,
    /// One JSON post report per line, then one line with the schedule and summary.
    Jsonl,
    /// GitHub Actions workflow annotations (`::error file=...,line=...::message`).
    Github,
    /// Counts per rule and per account.
    Summary,
    /// SARIF 2.1.0 for code-scanning UIs.
    Sarif,
}

/// Exit code for bad input or usage.
const EXIT_BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check(&args),
        Command::Entities { text } => entities(text),
        Command::Rules => Ok(rules()),
        Command::Explain { rule } => explain(&rule),
        Command::Init { stdout, force } => init(stdout, force),
    };
    match result {
        Ok(code) => code,
        Err(messages) => {
            let mut stderr = std::io::stderr().lock();
            for message in messages {
                let _ = writeln!(stderr, "postlint: error: {}", display::escape_lines(&message));
            }
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

/// A command's failure: messages for stderr (exit 2).
type Failure = Vec<String>;

fn fail(message: impl Into<String>) -> Failure {
    vec![message.into()]
}

fn read_stdin(name: &str) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|err| fail(format!("{name}: cannot read stdin: {err}")))?;
    Ok(bytes)
}

fn load_config(path: Option<&str>) -> Result<Config, Failure> {
    let path = match path {
        Some(path) => path,
        None if Path::new("postlint.toml").is_file() => "postlint.toml",
        None => return Ok(Config::default()),
    };
    let bytes = std::fs::read(path).map_err(|err| fail(format!("{path}: cannot read config: {err}")))?;
    let source = input::decode(path, bytes).map_err(|err| fail(err.to_string()))?;
    let source = input::strip_bom(&source);
    let parsed = if path.ends_with(".json") {
        Config::from_json(source)
    } else {
        Config::from_toml(source)
    };
    parsed.map_err(|err| fail(format!("{path}: {err}")))
}

/// Switches rules off for `--select` / `--ignore`, after checking the names.
fn apply_selection(config: &mut Config, select: &[String], ignore: &[String]) -> Result<(), Failure> {
    let names: Vec<&str> = REGISTRY.iter().map(|rule| rule.name).collect();
    for (flag, list) in [("--select", select), ("--ignore", ignore)] {
        if let Some(unknown) = list.iter().find(|name| !names.contains(&name.as_str())) {
            return Err(fail(format!(
                "{flag}: unknown rule `{unknown}`; rules: {}",
                names.join(", ")
            )));
        }
    }
    for name in names {
        let off = (!select.is_empty() && !select.iter().any(|s| s == name)) || ignore.iter().any(|s| s == name);
        if off {
            config.rules.entry(name.to_string()).or_default().severity = Some(postlint::Severity::Off);
        }
    }
    Ok(())
}

/// Reading options from `--network`, `--tz`, `--date-format` and `--map`.
fn read_options(args: &CheckArgs, network: Option<&str>) -> Result<ReadOptions, Failure> {
    let default_network = network
        .map(|name| name.parse::<Network>().map_err(|err| fail(format!("--network: {err}"))))
        .transpose()?;
    let time_zone = args.tz.as_deref().map(parse_zone).transpose()?;
    let mut columns = Vec::new();
    for pair in &args.map {
        let Some((field, column)) = pair.split_once('=') else {
            return Err(fail(format!("--map: `{pair}` is not FIELD=COLUMN")));
        };
        if !input::POST_FIELDS.contains(&field.trim()) {
            return Err(fail(format!(
                "--map: unknown field `{field}`; fields: {}",
                input::POST_FIELDS.join(", ")
            )));
        }
        columns.push((field.trim().to_string(), column.trim().to_string()));
    }
    Ok(ReadOptions {
        default_network,
        time_zone,
        date_format: args.date_format.clone(),
        columns,
    })
}

/// A time zone from `--tz`: an IANA name, `UTC`, or a fixed offset such as `+05:30`.
fn parse_zone(name: &str) -> Result<jiff::tz::TimeZone, Failure> {
    if let Ok(zone) = jiff::tz::TimeZone::get(name) {
        return Ok(zone);
    }
    let offset = postlint::PostTime::parse(&format!("2000-01-01T00:00:00{name}"))
        .map_err(|_| {
            fail(format!(
                "--tz: unknown time zone `{name}`; use an IANA name such as Europe/Paris, or an offset such as +05:30"
            ))
        })?
        .offset;
    Ok(offset.to_time_zone())
}

/// One input as read: its name, text and format, and which posts came from it.
struct Input {
    name: String,
    source: String,
    format: Format,
    posts: std::ops::Range<usize>,
}

/// Everything `check` read: the inputs, and their posts with their origins.
struct ReadInputs {
    inputs: Vec<Input>,
    posts: Vec<Post>,
    origins: Vec<Origin>,
}

/// Reads every input; all posts that cannot be read are reported together.
fn read_inputs(args: &CheckArgs, options: &ReadOptions) -> Result<ReadInputs, Failure> {
    let mut inputs = Vec::new();
    let mut posts: Vec<Post> = Vec::new();
    let mut origins: Vec<Origin> = Vec::new();
    let mut errors: Vec<InputError> = Vec::new();
    for path in &args.paths {
        let (name, bytes, format) = if path == "-" {
            let name = args.stdin_filename.clone().unwrap_or_else(|| "-".to_string());
            let bytes = read_stdin(&name)?;
            let format = Format::of_path(&name).unwrap_or_else(|_| Format::sniff(&String::from_utf8_lossy(&bytes)));
            (name, bytes, format)
        } else {
            let format = Format::of_path(path).map_err(|message| fail(format!("{path}: {message}")))?;
            let bytes = std::fs::read(path).map_err(|err| fail(format!("{path}: cannot read: {err}")))?;
            (path.clone(), bytes, format)
        };
        let source = if args.lossy {
            let source = String::from_utf8_lossy(&bytes).into_owned();
            let replaced = source.matches('\u{FFFD}').count();
            if replaced > 0 && std::str::from_utf8(&bytes).is_err() {
                eprintln!(
                    "postlint: note: {}: {replaced} invalid UTF-8 sequences read as U+FFFD (--lossy)",
                    display::escape(&name)
                );
            }
            source
        } else {
            match input::decode(&name, bytes) {
                Ok(source) => source,
                Err(err) => {
                    errors.push(err);
                    continue;
                }
            }
        };
        let first = posts.len();
        match input::read_posts(&name, &source, format, options) {
            Ok(read) => {
                for sourced in read {
                    posts.push(sourced.post);
                    origins.push(sourced.origin);
                }
            }
            Err(mut bad) => errors.append(&mut bad),
        }
        inputs.push(Input {
            name,
            source,
            format,
            posts: first..posts.len(),
        });
    }
    if !errors.is_empty() {
        return Err(errors.iter().map(ToString::to_string).collect());
    }
    Ok(ReadInputs { inputs, posts, origins })
}

fn check(args: &CheckArgs) -> Result<ExitCode, Failure> {
    if args.unsafe_fixes && !args.fix && !args.diff {
        return Err(fail("--unsafe-fixes works with --fix or --diff"));
    }
    if args.fix && args.paths.len() > 1 {
        return Err(fail("--fix writes one input back; run it once per file"));
    }
    refuse_output_over_input(args)?;
    let mut config = load_config(args.config.as_deref())?;
    apply_selection(&mut config, &args.select, &args.ignore)?;
    let linter = Linter::new(&config).map_err(|err| fail(err.to_string()))?;
    let options = read_options(args, args.network.as_deref())?;
    let to_terminal = args.output.as_deref().is_none_or(|path| path == "-") && std::io::stdout().is_terminal();
    let format = args.format.unwrap_or(if to_terminal {
        OutputFormat::Human
    } else {
        OutputFormat::Json
    });
    if !args.fix && !args.diff && stream::applies(&args.paths, format) {
        let mut out: Box<dyn Write> = match args.output.as_deref() {
            Some(path) if path != "-" => Box::new(std::io::BufWriter::new(
                std::fs::File::create(path).map_err(|err| fail(format!("{path}: cannot write: {err}")))?,
            )),
            _ => Box::new(std::io::BufWriter::new(ClosedPipeIsFine(std::io::stdout().lock()))),
        };
        let summary = stream::check(
            &args.paths,
            &linter,
            &options,
            format,
            args.lossy,
            args.schedule,
            &mut out,
        )?;
        return Ok(exit_code(args, &summary));
    }
    let ReadInputs {
        inputs,
        mut posts,
        origins,
    } = read_inputs(args, &options)?;

    if args.fix || args.diff {
        return fix(args, &linter, &options, &inputs, &mut posts);
    }
    let report = lint(args, &linter, &posts);
    let output = match format {
        OutputFormat::Json => serde_json::to_string_pretty(&report).expect("reports serialize") + "\n",
        OutputFormat::Jsonl => output::jsonl(&report),
        OutputFormat::Github => output::github(&report, &origins),
        OutputFormat::Summary => output::summary(&report, &posts),
        OutputFormat::Sarif => output::sarif(&report, &origins),
        OutputFormat::Human => {
            let texts: Vec<&str> = posts.iter().map(|post| post.text.as_str()).collect();
            human::render(&report, &texts, &origins, to_terminal)
        }
    };
    write_output(args.output.as_deref(), &output)?;
    Ok(exit_code(args, &report.summary))
}

/// Refuses an `--output` that is one of the inputs (other than with `--fix`, which writes the
/// input back on purpose): the report would replace the posts, and streaming would truncate the
/// file before reading it.
fn refuse_output_over_input(args: &CheckArgs) -> Result<(), Failure> {
    let Some(output) = args.output.as_deref().filter(|path| *path != "-" && !args.fix) else {
        return Ok(());
    };
    let Ok(target) = std::fs::canonicalize(output) else {
        return Ok(()); // a new file
    };
    if args
        .paths
        .iter()
        .any(|path| path != "-" && std::fs::canonicalize(path).is_ok_and(|path| path == target))
    {
        return Err(fail(format!(
            "--output {output}: that is an input file; writing the report there would destroy its posts"
        )));
    }
    Ok(())
}

/// Lints the posts, as a schedule when asked or when any post has a time.
fn lint(args: &CheckArgs, linter: &Linter, posts: &[Post]) -> postlint::Report {
    if args.schedule || posts.iter().any(|post| post.at.is_some()) {
        linter.lint_schedule(posts)
    } else {
        linter.lint_posts(posts)
    }
}

/// 1 when errors (or, with `--deny warnings`, warnings) are found, else 0.
fn exit_code(args: &CheckArgs, summary: &postlint::report::Summary) -> ExitCode {
    let denied = args.deny == Some(Deny::Warnings) && summary.warnings > 0;
    if summary.errors > 0 || denied {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `--fix` and `--diff`: applies fixes to every post and writes back (or diffs) each input.
fn fix(
    args: &CheckArgs,
    linter: &Linter,
    options: &ReadOptions,
    inputs: &[Input],
    posts: &mut [Post],
) -> Result<ExitCode, Failure> {
    let mut applied: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    let mut texts = Vec::with_capacity(posts.len());
    for post in posts.iter_mut() {
        let fixed = linter.fix_post(post, args.unsafe_fixes);
        for (rule, count) in &fixed.applied {
            *applied.entry(rule).or_default() += count;
        }
        texts.push(fixed.changed().then(|| fixed.text.clone()));
        post.text = fixed.text;
    }
    let mut rewritten = Vec::with_capacity(inputs.len());
    for input in inputs {
        let source = input::rewrite(
            &input.name,
            &input.source,
            input.format,
            options,
            &texts[input.posts.clone()],
        )
        .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;
        rewritten.push(source);
    }
    let total: usize = applied.values().sum();
    let by_rule: Vec<String> = applied.iter().map(|(rule, count)| format!("{rule} {count}")).collect();
    let what = if total == 0 {
        "nothing to fix".to_string()
    } else {
        format!(
            "{total} {} ({})",
            if total == 1 { "fix" } else { "fixes" },
            by_rule.join(", ")
        )
    };
    if args.diff {
        let mut out = String::new();
        for (input, new) in inputs.iter().zip(&rewritten) {
            if *new != input.source {
                let diff = similar::TextDiff::from_lines(input.source.as_str(), new.as_str());
                out.push_str(
                    &diff
                        .unified_diff()
                        .header(&format!("a/{}", input.name), &format!("b/{}", input.name))
                        .to_string(),
                );
            }
        }
        write_output(args.output.as_deref(), &out)?;
        eprintln!("postlint: --diff: {what} would be applied");
        return Ok(if total > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    write_output(args.output.as_deref(), &rewritten[0])?;
    let summary = lint(args, linter, posts).summary;
    eprintln!(
        "postlint: --fix: {what}; {} errors, {} warnings and {} infos remain",
        summary.errors, summary.warnings, summary.infos
    );
    Ok(exit_code(args, &summary))
}

/// Stdout for streaming output: a reader that closed the pipe (`postlint ... | head`) made its
/// choice, so writes after that are dropped instead of failing.
struct ClosedPipeIsFine<W>(W);

impl<W: Write> Write for ClosedPipeIsFine<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.0.write(buf) {
            Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(buf.len()),
            result => result,
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.0.flush() {
            Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            result => result,
        }
    }
}

/// Writes to `--output` when given, else to stdout.
fn write_output(path: Option<&str>, output: &str) -> Result<(), Failure> {
    match path {
        Some("-") | None => write_stdout(output),
        Some(path) => std::fs::write(path, output).map_err(|err| fail(format!("{path}: cannot write: {err}"))),
    }
}

fn write_stdout(output: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(output.as_bytes()).and_then(|()| stdout.flush()) {
        // A closed pipe (`postlint ... | head`) is the reader's choice, not an error.
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => Err(fail(format!("cannot write output: {err}"))),
        _ => Ok(()),
    }
}

fn entities(text: Option<String>) -> Result<ExitCode, Failure> {
    let text = match text.as_deref() {
        None | Some("-") => {
            let text = input::decode("-", read_stdin("-")?).map_err(|err| fail(err.to_string()))?;
            input::strip_bom(&text).to_string()
        }
        Some(text) => text.to_string(),
    };
    let report = EntitiesReport::new(&text);
    write_stdout(&(serde_json::to_string_pretty(&report).expect("entities serialize") + "\n"))?;
    Ok(ExitCode::SUCCESS)
}

fn rules() -> ExitCode {
    let width = REGISTRY.iter().map(|rule| rule.name.len()).max().unwrap_or(0);
    let mut out = format!("{:width$}  {:8}  summary\n", "rule", "severity");
    for rule in REGISTRY {
        out.push_str(&format!(
            "{:width$}  {:8}  {}\n",
            rule.name,
            rule.default_severity.name(),
            rule.summary
        ));
    }
    let _ = write_stdout(&out);
    ExitCode::SUCCESS
}

fn explain(name: &str) -> Result<ExitCode, Failure> {
    let rule = postlint::rules::find(name).ok_or_else(|| {
        let names: Vec<&str> = REGISTRY.iter().map(|rule| rule.name).collect();
        fail(format!("unknown rule `{name}`; rules: {}", names.join(", ")))
    })?;
    write_stdout(rule.doc)?;
    Ok(ExitCode::SUCCESS)
}

fn init(stdout: bool, force: bool) -> Result<ExitCode, Failure> {
    let text = init::default_config();
    if stdout {
        write_stdout(&text)?;
        return Ok(ExitCode::SUCCESS);
    }
    let path = Path::new("postlint.toml");
    if path.exists() && !force {
        return Err(fail(
            "postlint.toml already exists; use --force to overwrite or --stdout to print",
        ));
    }
    std::fs::write(path, text).map_err(|err| fail(format!("postlint.toml: cannot write: {err}")))?;
    eprintln!("wrote postlint.toml");
    Ok(ExitCode::SUCCESS)
}
