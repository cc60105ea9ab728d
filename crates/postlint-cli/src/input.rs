//! Reading posts from files and stdin: `.json`, `.jsonl`, `.csv` and `.txt`.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use postlint::{Network, Post};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

/// A post together with where it came from.
#[derive(Debug)]
pub struct SourcedPost {
    /// The post.
    pub post: Post,
    /// Where the post was read.
    pub origin: Origin,
}

/// Where a post came from: a file (or `-`) and a 1-based line.
#[derive(Debug, Clone)]
pub struct Origin {
    /// The file name as given, `-` for stdin.
    pub file: String,
    /// The 1-based line (for CSV: the row's line) where the post starts.
    pub line: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// An input that could not be read, naming the file, line and (where known) the field.
#[derive(Debug)]
pub struct InputError {
    /// File name as given.
    pub file: String,
    /// 1-based line, when the error has one.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// The formats a file can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One post, an array of posts, or `{"posts": [...]}`.
    Json,
    /// One post object per line.
    Jsonl,
    /// A header row naming the post fields, then one post per row.
    Csv,
    /// The whole file is the text of one post.
    Text,
}

impl Format {
    /// The format of a file, by extension.
    pub fn of_path(path: &str) -> Result<Format, String> {
        let extension = Path::new(path)
            .extension()
            .and_then(|ext| ext.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("json") => Ok(Format::Json),
            Some("jsonl" | "ndjson") => Ok(Format::Jsonl),
            Some("csv") => Ok(Format::Csv),
            Some("txt" | "text") => Ok(Format::Text),
            _ => Err("unknown file type; expected a .json, .jsonl, .csv or .txt file".to_string()),
        }
    }

    /// The format of stdin, by its first non-blank character: JSON(L) for `{`/`[`, else text.
    pub fn sniff(source: &str) -> Format {
        let source = strip_bom(source);
        let trimmed = source.trim_start();
        if trimmed.starts_with('[') {
            Format::Json
        } else if trimmed.starts_with('{') {
            // Several top-level lines of objects are JSON Lines; one object (even pretty) is JSON.
            let objects = source.lines().filter(|line| line.trim_start().starts_with('{')).count();
            let single = serde_json::from_str::<&RawValue>(source).is_ok();
            if !single && objects > 1 {
                Format::Jsonl
            } else {
                Format::Json
            }
        } else {
            Format::Text
        }
    }
}

/// The byte order mark some editors put at the start of UTF-8 files.
const BOM: &str = "\u{feff}";

/// `source` without its byte order mark, if it has one. Every reader reads past it.
pub fn strip_bom(source: &str) -> &str {
    source.strip_prefix(BOM).unwrap_or(source)
}

/// Decodes a file's bytes as UTF-8, or names the first bad byte.
pub fn decode(file: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        let line = err.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        InputError {
            file: file.to_string(),
            line: Some(line),
            message: format!("invalid UTF-8 at byte {offset}"),
        }
    })
}

/// Reads every post of one source. Every post that cannot be read is an error; nothing is
/// skipped. `options` set a default network, the zone of offset-less dates and CSV columns.
/// A byte order mark at the start is skipped.
pub fn read_posts(
    file: &str,
    source: &str,
    format: Format,
    options: &ReadOptions,
) -> Result<Vec<SourcedPost>, Vec<InputError>> {
    let source = strip_bom(source);
    let reader = Reader { file, source, options };
    match format {
        Format::Json => reader.json(),
        Format::Jsonl => reader.jsonl(),
        Format::Csv => reader.csv(),
        Format::Text => Ok(vec![reader.text()]),
    }
}

/// The source with the texts of its posts replaced, in its own format: `texts[i]` is the new
/// text of the source's i-th post (`None` keeps it). JSON and JSON Lines keep every other byte as
/// written; CSV is written back record by record (quoting may change, values do not). A byte
/// order mark is kept.
pub fn rewrite(
    file: &str,
    source: &str,
    format: Format,
    options: &ReadOptions,
    texts: &[Option<String>],
) -> Result<String, Vec<InputError>> {
    let body = strip_bom(source);
    let bom = &source[..source.len() - body.len()];
    Ok(bom.to_string() + &rewrite_body(file, body, format, options, texts)?)
}

fn rewrite_body(
    file: &str,
    source: &str,
    format: Format,
    options: &ReadOptions,
    texts: &[Option<String>],
) -> Result<String, Vec<InputError>> {
    let reader = Reader { file, source, options };
    match format {
        Format::Json => {
            let raws = reader.json_raws()?;
            reader.splice(raws.into_iter().map(|raw| raw.get()), texts)
        }
        Format::Jsonl => reader.splice(reader.jsonl_lines().map(|(_, line)| line), texts),
        Format::Csv => reader.rewrite_csv(texts),
        Format::Text => Ok(match texts.first() {
            Some(Some(text)) => {
                let kept = reader.text().post.text.len();
                format!("{text}{}", &source[kept..])
            }
            _ => source.to_string(),
        }),
    }
}

/// Reads one line of a JSON Lines input (for streaming), as [`read_posts`] would.
pub fn read_jsonl_line(file: &str, line: usize, text: &str, options: &ReadOptions) -> Result<SourcedPost, InputError> {
    let reader = Reader {
        file,
        source: text,
        options,
    };
    let value: Value =
        serde_json::from_str(text).map_err(|err| reader.error(Some(line), format!("invalid JSON: {err}")))?;
    reader.post(value, line)
}

/// How to read posts beyond their own fields.
#[derive(Debug, Default)]
pub struct ReadOptions {
    /// The network of posts that name none.
    pub default_network: Option<Network>,
    /// The zone of `at` values written without an offset (`--tz`).
    pub time_zone: Option<jiff::tz::TimeZone>,
    /// A strftime format for `at` values (`--date-format`), tried before the built-in ones.
    pub date_format: Option<String>,
    /// CSV columns that hold post fields, as `(field, column)` (`--map text=Message`).
    pub columns: Vec<(String, String)>,
}

/// Date formats of scheduler bulk-upload files, tried in order for `at` values without offset.
const DATE_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %I:%M %p",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%y %H:%M",
    "%m/%d/%y %I:%M %p",
    "%d.%m.%Y %H:%M",
];

/// The bulk-composer column whose value is appended to the text.
const LINK_COLUMN: &str = "link";

/// The fields a post has, for `--map`.
pub const POST_FIELDS: [&str; 7] = ["id", "text", "network", "account", "at", "promotional", "allow"];

impl ReadOptions {
    /// Rewrites an `at` without offset to RFC 3339 in the `--tz` zone; other values are kept
    /// (the post model reports what is wrong with them).
    fn normalize_at(&self, at: &str) -> Result<Option<String>, String> {
        if postlint::PostTime::parse(at).is_ok() {
            return Ok(None);
        }
        let formats = self
            .date_format
            .iter()
            .map(String::as_str)
            .chain(DATE_FORMATS.iter().copied());
        let Some(civil) = formats
            .into_iter()
            .find_map(|format| jiff::civil::DateTime::strptime(format, at.trim()).ok())
        else {
            return Ok(None);
        };
        let Some(zone) = &self.time_zone else {
            return Err(format!(
                "field `at`: `{at}` has no UTC offset; pass --tz ZONE (e.g. --tz UTC or --tz America/New_York)"
            ));
        };
        let zoned = civil
            .to_zoned(zone.clone())
            .map_err(|err| format!("field `at`: `{at}`: {err}"))?;
        Ok(Some(zoned.timestamp().display_with_offset(zoned.offset()).to_string()))
    }
}

/// The 1-based lines of slices of a source, counted on from the last slice asked about: linear
/// in the source for slices asked in order (the posts of an array).
struct LineCounter<'a> {
    source: &'a str,
    offset: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(source: &'a str) -> Self {
        Self {
            source,
            offset: 0,
            line: 1,
        }
    }

    /// The line where `raw`, a slice of the source, starts.
    fn line_of(&mut self, raw: &RawValue) -> usize {
        let offset = raw.get().as_ptr() as usize - self.source.as_ptr() as usize;
        if offset < self.offset {
            (self.offset, self.line) = (0, 1);
        }
        self.line += self.source.as_bytes()[self.offset..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.offset = offset;
        self.line
    }
}

struct Reader<'a> {
    file: &'a str,
    source: &'a str,
    options: &'a ReadOptions,
}

impl<'a> Reader<'a> {
    fn error(&self, line: Option<usize>, message: impl Into<String>) -> InputError {
        InputError {
            file: self.file.to_string(),
            line,
            message: message.into(),
        }
    }

    fn line_of(&self, raw: &RawValue) -> usize {
        LineCounter::new(self.source).line_of(raw)
    }

    fn post(&self, value: Value, line: usize) -> Result<SourcedPost, InputError> {
        let value = match value {
            Value::Object(mut object) => {
                if let Some(network) = self.options.default_network {
                    object
                        .entry("network")
                        .or_insert_with(|| Value::String(network.name().to_string()));
                }
                if let Some(Value::String(at)) = object.get("at")
                    && let Some(rewritten) = self
                        .options
                        .normalize_at(at)
                        .map_err(|message| self.error(Some(line), message))?
                {
                    object.insert("at".to_string(), Value::String(rewritten));
                }
                Value::Object(object)
            }
            value => value,
        };
        let post = Post::from_json_value(value).map_err(|err| self.error(Some(line), err.to_string()))?;
        Ok(SourcedPost {
            post,
            origin: Origin {
                file: self.file.to_string(),
                line,
            },
        })
    }

    fn collect(
        &self,
        results: impl Iterator<Item = Result<SourcedPost, InputError>>,
    ) -> Result<Vec<SourcedPost>, Vec<InputError>> {
        let (posts, errors): (Vec<_>, Vec<_>) = results.partition(Result::is_ok);
        if errors.is_empty() {
            Ok(posts.into_iter().map(Result::unwrap).collect())
        } else {
            Err(errors.into_iter().map(Result::unwrap_err).collect())
        }
    }

    /// The raw post objects of a JSON source: one post, an array, or `{"posts": [...]}`.
    fn json_raws(&self) -> Result<Vec<&'a RawValue>, Vec<InputError>> {
        let invalid = |err: serde_json::Error| vec![self.error(Some(err.line()), format!("invalid JSON: {err}"))];
        if self.source.trim_start().starts_with('[') {
            return serde_json::from_str(self.source).map_err(invalid);
        }
        let object: HashMap<String, &RawValue> = serde_json::from_str(self.source).map_err(invalid)?;
        match object.get("posts") {
            // `{"posts": [...]}`; an object with `text` is a single post.
            Some(posts) if !object.contains_key("text") => serde_json::from_str(posts.get()).map_err(|err| {
                vec![self.error(
                    Some(self.line_of(posts)),
                    format!("`posts` must be an array of posts: {err}"),
                )]
            }),
            _ => Ok(vec![serde_json::from_str(self.source).map_err(invalid)?]),
        }
    }

    fn json(&self) -> Result<Vec<SourcedPost>, Vec<InputError>> {
        let raws = self.json_raws()?;
        let mut lines = LineCounter::new(self.source);
        self.collect(raws.into_iter().map(|raw| {
            let line = lines.line_of(raw);
            let value: Value =
                serde_json::from_str(raw.get()).map_err(|err| self.error(Some(line), err.to_string()))?;
            self.post(value, line)
        }))
    }

    /// The nonblank lines of a JSON Lines source with their 1-based line numbers.
    fn jsonl_lines(&self) -> impl Iterator<Item = (usize, &'a str)> {
        let source: &'a str = self.source;
        source
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(index, line)| (index + 1, line))
    }

    fn jsonl(&self) -> Result<Vec<SourcedPost>, Vec<InputError>> {
        self.collect(self.jsonl_lines().map(|(line, text)| {
            let value: Value =
                serde_json::from_str(text).map_err(|err| self.error(Some(line), format!("invalid JSON: {err}")))?;
            self.post(value, line)
        }))
    }

    fn csv(&self) -> Result<Vec<SourcedPost>, Vec<InputError>> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(false)
            .from_reader(self.source.as_bytes());
        let headers = reader
            .headers()
            .map_err(|err| vec![self.error(Some(1), format!("invalid CSV header: {err}"))])?
            .clone();
        let columns = self
            .csv_columns(&headers)
            .map_err(|message| vec![self.error(Some(1), message)])?;
        if !columns.iter().any(|name| name == "text") {
            return Err(vec![self.error(
                Some(1),
                format!(
                    "no `text` column; the header has: {} (map one with --map text=COLUMN)",
                    headers.iter().collect::<Vec<_>>().join(", ")
                ),
            )]);
        }
        self.collect(reader.records().map(|record| {
            let record = record.map_err(|err| {
                let line = err.position().map(|position| position.line() as usize);
                self.error(line, format!("invalid CSV row: {err}"))
            })?;
            let line = record.position().map_or(0, |position| position.line() as usize);
            let mut object = Map::new();
            let mut link = None;
            for (name, cell) in columns.iter().zip(record.iter()) {
                if name == LINK_COLUMN {
                    link = Some(cell.trim()).filter(|link| !link.is_empty());
                } else if let Some(value) = csv_cell(name, cell).map_err(|message| self.error(Some(line), message))? {
                    object.insert(name.clone(), value);
                }
            }
            // Bulk composers keep the link apart; it is published after the message.
            if let (Some(link), Some(Value::String(text))) = (link, object.get_mut("text")) {
                text.push(' ');
                text.push_str(link);
            }
            self.post(Value::Object(object), line)
        }))
    }

    /// The post field each CSV column holds: `--map` first, then the bulk-composer names
    /// (`message` for text, `date` for at, `link` appended to the text), then the field names.
    /// A `--map` column missing from the header, or two columns holding one field (one would be
    /// lost), is an error.
    fn csv_columns(&self, headers: &csv::StringRecord) -> Result<Vec<String>, String> {
        let names: Vec<String> = headers.iter().map(|name| name.trim().to_ascii_lowercase()).collect();
        let listed = || headers.iter().collect::<Vec<_>>().join(", ");
        if let Some((field, column)) = self
            .options
            .columns
            .iter()
            .find(|(_, column)| !names.iter().any(|name| column.eq_ignore_ascii_case(name)))
        {
            return Err(format!(
                "--map {field}={column}: the header has no column `{column}`; it has: {}",
                listed()
            ));
        }
        let has = |field: &str| names.iter().any(|name| name == field);
        let fields: Vec<String> = names
            .iter()
            .map(|name| {
                if let Some((field, _)) = self
                    .options
                    .columns
                    .iter()
                    .find(|(_, column)| column.eq_ignore_ascii_case(name))
                {
                    return field.clone();
                }
                match name.as_str() {
                    "message" if !has("text") => "text".to_string(),
                    "date" if !has("at") => "at".to_string(),
                    "link" if !has(LINK_COLUMN) || name == LINK_COLUMN => LINK_COLUMN.to_string(),
                    _ => name.clone(),
                }
            })
            .collect();
        let mut holders: HashMap<&str, usize> = HashMap::new();
        for (column, field) in fields.iter().enumerate() {
            if !(POST_FIELDS.contains(&field.as_str()) || field == LINK_COLUMN) {
                continue;
            }
            if let Some(&first) = holders.get(field.as_str()) {
                return Err(format!(
                    "columns `{}` and `{}` both hold the post field `{field}` (by name or --map); rename or drop one",
                    headers[first].trim(),
                    headers[column].trim()
                ));
            }
            holders.insert(field, column);
        }
        Ok(fields)
    }

    /// Replaces the `text` value inside each post object (slices of the source, in post order).
    fn splice<'s>(
        &self,
        objects: impl Iterator<Item = &'s str>,
        texts: &[Option<String>],
    ) -> Result<String, Vec<InputError>> {
        let mut out = String::with_capacity(self.source.len());
        let mut cursor = 0;
        for (object, text) in objects.zip(texts) {
            let Some(text) = text else { continue };
            let fields: Vec<(std::borrow::Cow<'_, str>, &RawValue)> = serde_json::from_str::<HashMap<_, _>>(object)
                .map(|fields| fields.into_iter().collect())
                .map_err(|err| vec![self.error(None, format!("cannot rewrite a post: {err}"))])?;
            let Some((_, raw)) = fields.iter().find(|(name, _)| name == "text") else {
                continue;
            };
            let start = raw.get().as_ptr() as usize - self.source.as_ptr() as usize;
            out.push_str(&self.source[cursor..start]);
            out.push_str(&serde_json::to_string(text).expect("strings serialize"));
            cursor = start + raw.get().len();
        }
        out.push_str(&self.source[cursor..]);
        Ok(out)
    }

    /// Writes the CSV back with new texts. A bulk composer's link column keeps the link when the
    /// new text still ends with it; otherwise the whole new text goes to the message column.
    fn rewrite_csv(&self, texts: &[Option<String>]) -> Result<String, Vec<InputError>> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(false)
            .from_reader(self.source.as_bytes());
        let failed = |err: csv::Error| vec![self.error(None, format!("cannot rewrite CSV: {err}"))];
        let headers = reader.headers().map_err(failed)?.clone();
        let columns = self
            .csv_columns(&headers)
            .map_err(|message| vec![self.error(Some(1), message)])?;
        let text_column = columns.iter().position(|name| name == "text");
        let link_column = columns.iter().position(|name| name == LINK_COLUMN);
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(&headers).map_err(failed)?;
        for (record, text) in reader.records().zip(texts.iter().chain(std::iter::repeat(&None))) {
            let record = record.map_err(failed)?;
            let mut cells: Vec<String> = record.iter().map(str::to_string).collect();
            if let (Some(text), Some(column)) = (text, text_column) {
                let link = link_column.map(|column| cells[column].trim().to_string());
                match link.filter(|link| !link.is_empty()) {
                    Some(link) => match text.strip_suffix(&link).and_then(|rest| rest.strip_suffix(' ')) {
                        Some(message) => cells[column] = message.to_string(),
                        None => {
                            cells[column] = text.clone();
                            cells[link_column.expect("a link implies its column")] = String::new();
                        }
                    },
                    None => cells[column] = text.clone(),
                }
            }
            writer.write_record(&cells).map_err(failed)?;
        }
        let bytes = writer
            .into_inner()
            .map_err(|err| vec![self.error(None, err.to_string())])?;
        Ok(String::from_utf8(bytes).expect("CSV of UTF-8 cells is UTF-8"))
    }

    fn text(&self) -> SourcedPost {
        let text = self.source.strip_suffix('\n').unwrap_or(self.source);
        let text = text.strip_suffix('\r').unwrap_or(text);
        let post = Post::new(text).with_network(self.options.default_network.unwrap_or_default());
        SourcedPost {
            post,
            origin: Origin {
                file: self.file.to_string(),
                line: 1,
            },
        }
    }
}

/// Converts a CSV cell to the JSON value of its post field; empty cells are absent.
fn csv_cell(column: &str, cell: &str) -> Result<Option<Value>, String> {
    if cell.trim().is_empty() && column != "text" {
        return Ok(None);
    }
    Ok(Some(match column {
        "promotional" => match cell.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" => Value::Bool(true),
            "false" | "no" | "0" => Value::Bool(false),
            other => return Err(format!("field `promotional`: expected true or false, found `{other}`")),
        },
        "allow" => Value::Array(
            cell.split([',', ';', ' '])
                .filter(|name| !name.is_empty())
                .map(|name| Value::String(name.to_string()))
                .collect(),
        ),
        _ => Value::String(cell.to_string()),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(format: Format, source: &str) -> Result<Vec<SourcedPost>, Vec<InputError>> {
        read_posts("in", source, format, &ReadOptions::default())
    }

    #[test]
    fn bulk_composer_csv_with_zone_less_dates() {
        let options = ReadOptions {
            time_zone: Some(jiff::tz::TimeZone::get("America/New_York").unwrap()),
            ..ReadOptions::default()
        };
        let source = "Date,Message,Link\n11/20/2026 09:30,Our webinar starts soon,https://acme.com/w\n";
        let posts = read_posts("bulk.csv", source, Format::Csv, &options).unwrap();
        assert_eq!(posts[0].post.text, "Our webinar starts soon https://acme.com/w");
        assert_eq!(posts[0].post.at.unwrap().to_string(), "2026-11-20T09:30:00-05:00");

        let errors = read_posts("bulk.csv", source, Format::Csv, &ReadOptions::default()).unwrap_err();
        assert!(
            errors[0]
                .to_string()
                .starts_with("bulk.csv:2: field `at`: `11/20/2026 09:30` has no UTC offset; pass --tz"),
            "{}",
            errors[0]
        );

        let mapped = ReadOptions {
            columns: vec![("text".into(), "Body".into()), ("account".into(), "Profile".into())],
            ..ReadOptions::default()
        };
        let posts = read_posts("m.csv", "Profile,Body\nacme,Hello there\n", Format::Csv, &mapped).unwrap();
        assert_eq!(posts[0].post.account.as_deref(), Some("acme"));
        assert_eq!(posts[0].post.text, "Hello there");
    }

    #[test]
    fn json_shapes_and_lines() {
        let posts = read(
            Format::Json,
            "[\n {\"text\": \"a\"},\n {\"text\": \"b\", \"network\": \"x\"}\n]",
        )
        .unwrap();
        assert_eq!(posts.iter().map(|p| p.origin.line).collect::<Vec<_>>(), [2, 3]);
        assert_eq!(posts[1].post.network, Network::X);
        let posts = read(Format::Json, "{\"posts\": [{\"text\": \"a\"}]}").unwrap();
        assert_eq!(posts[0].post.text, "a");
        let posts = read(Format::Json, "{\"text\": \"solo\"}").unwrap();
        assert_eq!(posts[0].post.text, "solo");
    }

    #[test]
    fn every_bad_post_is_reported_with_its_line() {
        let errors = read(
            Format::Jsonl,
            "{\"text\": \"ok\"}\n{\"text\": \"a\", \"at\": \"soon\"}\n\n{\"network\": \"x\"}\nnot json",
        )
        .unwrap_err();
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(lines[0].starts_with("in:2: field `at`"), "{lines:?}");
        assert!(lines[1].starts_with("in:4: field `text`: is required"), "{lines:?}");
        assert!(lines[2].starts_with("in:5: invalid JSON"), "{lines:?}");
    }

    #[test]
    fn csv_rows_map_to_posts() {
        let source =
            "id,text,network,promotional,allow,extra\n1,\"Hi, there\",x,yes,hashtag-stuffing,z\n2,Second,,,,\n";
        let posts = read(Format::Csv, source).unwrap();
        assert_eq!(posts[0].post.text, "Hi, there");
        assert_eq!(posts[0].post.promotional, Some(true));
        assert_eq!(posts[0].post.allow, ["hashtag-stuffing"]);
        assert_eq!(posts[1].post.network, Network::Generic);
        assert_eq!(posts[1].origin.line, 3);

        let errors = read(Format::Csv, "text,promotional\nhi,maybe\n").unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "in:2: field `promotional`: expected true or false, found `maybe`"
        );
        let errors = read(Format::Csv, "body\nhi\n").unwrap_err();
        assert!(errors[0].to_string().contains("no `text` column"));
    }

    #[test]
    fn two_columns_for_one_field_and_missing_map_columns_are_errors() {
        let errors = read(Format::Csv, "text,Text\na,b\n").unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "in:1: columns `text` and `Text` both hold the post field `text` (by name or --map); rename or drop one"
        );
        let mapped = ReadOptions {
            columns: vec![("text".into(), "Body".into())],
            ..ReadOptions::default()
        };
        let errors = read_posts("m.csv", "text,Body\na,b\n", Format::Csv, &mapped).unwrap_err();
        assert!(
            errors[0].to_string().contains("columns `text` and `Body` both hold"),
            "{}",
            errors[0]
        );
        let errors = read_posts("m.csv", "Message\nhi\n", Format::Csv, &mapped).unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "m.csv:1: --map text=Body: the header has no column `Body`; it has: Message"
        );
        // Columns that hold no post field may repeat.
        assert_eq!(read(Format::Csv, "text,x,x\na,1,2\n").unwrap().len(), 1);
    }

    #[test]
    fn a_byte_order_mark_is_read_past_and_kept_by_rewrites() {
        let options = ReadOptions::default();
        for (format, source) in [
            (Format::Csv, "\u{feff}text,id\nhello,1\n"),
            (Format::Jsonl, "\u{feff}{\"text\": \"hello\", \"id\": \"1\"}\n"),
            (Format::Json, "\u{feff}[{\"text\": \"hello\", \"id\": \"1\"}]"),
            (Format::Text, "\u{feff}hello"),
        ] {
            let posts = read_posts("bom", source, format, &options).unwrap();
            assert_eq!(posts[0].post.text, "hello", "{format:?}");
            assert_eq!(posts[0].origin.line, if format == Format::Csv { 2 } else { 1 });
            let rewritten = rewrite("bom", source, format, &options, &[Some("bye".into())]).unwrap();
            assert!(rewritten.starts_with('\u{feff}'), "{format:?}: {rewritten:?}");
            assert!(
                rewritten.contains("bye") && !rewritten.contains("hello"),
                "{rewritten:?}"
            );
        }
        assert_eq!(Format::sniff("\u{feff}{\"text\": \"a\"}"), Format::Json);
    }

    #[test]
    fn lines_of_a_long_json_array() {
        let source = format!("[\n{}\n]", vec!["{\"text\": \"a\"}"; 50_000].join(",\n"));
        let posts = read(Format::Json, &source).unwrap();
        assert_eq!(posts.len(), 50_000);
        assert_eq!(posts[49_999].origin.line, 50_001);
    }

    #[test]
    fn invalid_utf8_names_the_byte() {
        let err = decode("f.txt", b"ok\nbad \xff here".to_vec()).unwrap_err();
        assert_eq!(err.to_string(), "f.txt:2: invalid UTF-8 at byte 7");
    }

    #[test]
    fn sniffs_stdin() {
        assert_eq!(Format::sniff("hello #world"), Format::Text);
        assert_eq!(Format::sniff("{\n \"text\": \"a\"\n}"), Format::Json);
        assert_eq!(Format::sniff("{\"text\": \"a\"}\n{\"text\": \"b\"}\n"), Format::Jsonl);
        assert_eq!(Format::sniff(" [ ]"), Format::Json);
    }
}
