//! Python bindings of postlint: a thin pyo3 translation of the core crate.
//!
//! Reports are shared, immutable Rust values behind `Arc`; the Python objects are views that
//! convert a field only when it is read, so linting 100k posts creates one object per post.
//! Every error, including a Rust panic, reaches Python as `postlint.PostlintError`.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use postlint::report::{EditReport, EntitiesReport, EntityReport, FixReport, Length, ScheduleDiagnostic};
use postlint::rules::RuleKind;
use postlint::schedule::normalize::normalize;
use postlint::{Config, Linter as CoreLinter, Network, Post, PostError, PostsError, Report as CoreReport, SpanUnits};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMapping, PySequence, PyString};
use serde_json::Value;

create_exception!(
    postlint,
    PostlintError,
    PyValueError,
    "Bad input, bad configuration, or an internal error of postlint."
);

/// Wraps any displayable error into a `PostlintError`.
fn error(message: impl std::fmt::Display) -> PyErr {
    PostlintError::new_err(message.to_string())
}

/// Runs `work`, turning a panic into a `PostlintError` instead of a `PanicException`.
fn guarded<T>(work: impl FnOnce() -> T) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(work)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        error(format!("postlint internal error: {message}"))
    })
}

/// The deepest nesting of lists and dicts accepted in a post or a config (as serde_json's
/// parser, and so the CLI, allows).
const MAX_DEPTH: usize = 128;

/// Converts a Python value (dict, list, str, number, bool, None) to JSON, after checking it
/// without recursion: nested at most [`MAX_DEPTH`] deep (deeper values would overflow the stack
/// of the recursive conversion) and with finite floats only (JSON has no NaN).
fn to_json(value: &Bound<'_, PyAny>) -> Result<Value, String> {
    check_shape(value).map_err(|(path, message)| match path.as_str() {
        "" => message,
        path => format!("`{path}`: {message}"),
    })?;
    pythonize::depythonize(value).map_err(|err| err.to_string())
}

/// A config dict converted to JSON; errors read as the core's (`invalid config at `x.y`: ...`).
fn config_to_json(value: &Bound<'_, PyAny>) -> PyResult<Value> {
    check_shape(value).map_err(|(path, message)| error(postlint::ConfigError { key: path, message }))?;
    pythonize::depythonize(value).map_err(|err| error(format!("invalid config: {err}")))
}

/// Walks `value` with an explicit stack; an error names the path of the value at fault
/// (`rules.x.max[2]`, empty for the whole value).
fn check_shape(value: &Bound<'_, PyAny>) -> Result<(), (String, String)> {
    let mut pending = vec![(value.clone(), 0, String::new())];
    while let Some((value, depth, path)) = pending.pop() {
        let at = |what: String| (path.clone(), what);
        if let Ok(number) = value.cast::<PyFloat>() {
            let number = number.value();
            if !number.is_finite() {
                return Err(at(format!("{number} is not a finite number")));
            }
            continue;
        }
        if value.is_instance_of::<PyString>() || value.is_instance_of::<PyBytes>() {
            continue;
        }
        let children: Vec<(String, Bound<'_, PyAny>)> = if let Ok(mapping) = value.cast::<PyMapping>() {
            let items = mapping.items().map_err(|err| at(err.to_string()))?;
            items
                .iter()
                .map(|item| {
                    let (key, child): (Bound<'_, PyAny>, Bound<'_, PyAny>) =
                        item.extract().map_err(|err: PyErr| at(err.to_string()))?;
                    let key = key.str().map_or_else(|_| "?".to_string(), |key| key.to_string());
                    let child_path = if path.is_empty() { key } else { format!("{path}.{key}") };
                    Ok((child_path, child))
                })
                .collect::<Result<_, (String, String)>>()?
        } else if let Ok(sequence) = value.cast::<PySequence>() {
            let items = sequence.try_iter().map_err(|err| at(err.to_string()))?;
            items
                .enumerate()
                .map(|(index, child)| Ok((format!("{path}[{index}]"), child.map_err(|err| at(err.to_string()))?)))
                .collect::<Result<_, (String, String)>>()?
        } else {
            continue;
        };
        if !children.is_empty() && depth >= MAX_DEPTH {
            return Err(at(format!("nested more than {MAX_DEPTH} lists or dicts deep")));
        }
        pending.extend(children.into_iter().map(|(path, child)| (child, depth + 1, path)));
    }
    Ok(())
}

/// Converts a serializable Rust value into plain Python objects, exactly as the CLI's JSON reads
/// (lists, not tuples; keys in report order).
fn to_python<'py>(py: Python<'py>, value: &impl serde::Serialize) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_string(value).map_err(error)?;
    py.import("json")?.call_method1("loads", (json,))
}

/// Reads a `str` argument (a lone surrogate cannot be read as text: that is an error too).
fn text_of<'a>(what: &str, value: &'a Bound<'_, PyAny>) -> PyResult<std::borrow::Cow<'a, str>> {
    let text = value
        .cast::<PyString>()
        .map_err(|_| error(format!("{what}: expected a str, found {}", type_name(value))))?;
    text.to_cow().map_err(|err| error(format!("{what}: {err}")))
}

/// Reads the optional `network` argument.
fn parse_network(network: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Network>> {
    network
        .filter(|network| !network.is_none())
        .map(|name| {
            text_of("network", name)?
                .parse::<Network>()
                .map_err(|err| error(format!("network: {err}")))
        })
        .transpose()
}

/// Reads the optional `threads` argument: a whole number of at least 1.
fn parse_threads(threads: Option<&Bound<'_, PyAny>>) -> PyResult<usize> {
    let Some(threads) = threads.filter(|threads| !threads.is_none()) else {
        return Ok(std::thread::available_parallelism().map_or(1, usize::from));
    };
    let whole = threads.is_instance_of::<PyInt>() && !threads.is_instance_of::<PyBool>();
    let count = if whole { threads.extract::<usize>().ok() } else { None };
    count.filter(|&count| count >= 1).ok_or_else(|| {
        let shown = threads.repr().map_or_else(|_| "?".to_string(), |repr| repr.to_string());
        error(format!("threads: expected a whole number of at least 1, found {shown}"))
    })
}

/// Reads one post: a `str` (the text) or a dict with the fields of DESIGN.md.
fn read_post(post: &Bound<'_, PyAny>, network: Option<Network>) -> Result<Post, PostError> {
    if let Ok(text) = post.cast::<PyString>() {
        let text = text.to_cow().map_err(|err| PostError {
            field: "text",
            message: err.to_string(),
        })?;
        return Ok(Post {
            network: network.unwrap_or_default(),
            ..Post::new(text)
        });
    }
    let value = match flat_dict_to_json(post) {
        Some(value) => value,
        None => to_json(post).map_err(|message| PostError { field: "post", message })?,
    };
    Post::from_json_value_or(value, network)
}

/// A plain `dict` with `str` keys and `str`, `bool` or `None` values (most posts), converted
/// without [`to_json`]'s checks, which such a dict always passes; `None` for any other value,
/// which then takes the general way. The JSON is the same either way.
fn flat_dict_to_json(post: &Bound<'_, PyAny>) -> Option<Value> {
    let dict = post.cast_exact::<PyDict>().ok()?;
    let mut object = serde_json::Map::new();
    for (key, value) in dict.iter() {
        let key = key.cast_exact::<PyString>().ok()?.to_cow().ok()?.into_owned();
        let value = if let Ok(text) = value.cast_exact::<PyString>() {
            Value::String(text.to_cow().ok()?.into_owned())
        } else if let Ok(flag) = value.cast_exact::<PyBool>() {
            Value::Bool(flag.is_true())
        } else if value.is_none() {
            Value::Null
        } else {
            return None;
        };
        object.insert(key, value);
    }
    Some(Value::Object(object))
}

/// Reads a sequence of posts, reporting every bad one with its index.
fn read_posts(posts: &Bound<'_, PyAny>, network: Option<Network>) -> PyResult<Vec<Post>> {
    if posts.is_instance_of::<PyString>() || posts.cast::<PyMapping>().is_ok() {
        return Err(error(format!(
            "expected a list of posts, found a {} (use lint_post for one post)",
            type_name(posts)
        )));
    }
    if posts.is_instance_of::<PyBytes>() || posts.is_instance_of::<PyByteArray>() {
        return Err(error(format!("expected a list of posts, found {}", type_name(posts))));
    }
    let mut read = Vec::with_capacity(posts.len().unwrap_or(0));
    let mut errors = Vec::new();
    let items = posts
        .try_iter()
        .map_err(|_| error(format!("expected a list of posts, found {}", type_name(posts))))?;
    for (index, item) in items.enumerate() {
        match read_post(&item?, network) {
            Ok(post) => read.push(post),
            Err(err) => errors.push((index, err)),
        }
    }
    if errors.is_empty() {
        Ok(read)
    } else {
        Err(error(PostsError { errors }))
    }
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "an object".to_string(), |name| name.to_string())
}

/// Builds a core config from `None`, a dict (the JSON shape), a TOML document, or the path of a
/// `.toml` / `.json` file (a `str` ending so, or an `os.PathLike`). Errors read as the CLI's.
fn read_config(config: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Config>> {
    let Some(config) = config.filter(|config| !config.is_none()) else {
        return Ok(None);
    };
    let parsed = if config.is_instance_of::<PyString>() {
        let text = text_of("invalid config", config)?;
        let is_path = !text.contains('\n') && (text.ends_with(".toml") || text.ends_with(".json"));
        if is_path {
            return read_config_file(Path::new(text.as_ref())).map(Some);
        }
        Config::from_toml(&text)
    } else if config.hasattr("__fspath__")? {
        return read_config_file(&config.extract::<PathBuf>()?).map(Some);
    } else {
        Config::from_value(config_to_json(config)?)
    };
    parsed.map(Some).map_err(error)
}

/// Reads a config file as `postlint check --config` does (JSON by extension, TOML otherwise).
fn read_config_file(path: &Path) -> PyResult<Config> {
    let name = path.display();
    let source = std::fs::read_to_string(path).map_err(|err| error(format!("{name}: cannot read config: {err}")))?;
    let parsed = if path.extension().is_some_and(|ext| ext == "json") {
        Config::from_json(&source)
    } else {
        Config::from_toml(&source)
    };
    parsed.map_err(|err| error(format!("{name}: {err}")))
}

/// The linter with the default configuration, built once.
fn default_linter() -> Arc<CoreLinter> {
    static DEFAULT: OnceLock<Arc<CoreLinter>> = OnceLock::new();
    DEFAULT.get_or_init(|| Arc::new(CoreLinter::default())).clone()
}

/// Lints posts with a fixed configuration; cheap to share across threads.
#[pyclass(module = "postlint", frozen)]
struct Linter {
    inner: Arc<CoreLinter>,
}

#[pymethods]
impl Linter {
    #[new]
    #[pyo3(signature = (config=None))]
    fn new(config: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let inner = match read_config(config)? {
            None => default_linter(),
            Some(config) => Arc::new(guarded(|| CoreLinter::new(&config))?.map_err(error)?),
        };
        Ok(Self { inner })
    }

    /// Lints one post (a `str` or a dict).
    #[pyo3(signature = (post, network=None))]
    fn lint_post(&self, post: &Bound<'_, PyAny>, network: Option<&Bound<'_, PyAny>>) -> PyResult<PostReport> {
        let post = read_post(post, parse_network(network)?).map_err(error)?;
        let report = guarded(|| self.inner.lint_posts(std::slice::from_ref(&post)))?;
        Ok(PostReport {
            batch: Arc::new(Batch {
                report,
                posts: vec![post],
            }),
            index: 0,
        })
    }

    /// Lints many posts, each on its own, without the GIL, on `threads` threads (default: all
    /// cores).
    #[pyo3(signature = (posts, network=None, *, threads=None))]
    fn lint_many(
        &self,
        py: Python<'_>,
        posts: &Bound<'_, PyAny>,
        network: Option<&Bound<'_, PyAny>>,
        threads: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Report> {
        let threads = parse_threads(threads)?;
        let posts = read_posts(posts, parse_network(network)?)?;
        let linter = &self.inner;
        let report = py.detach(|| guarded(|| lint_parallel(linter, &posts, threads)))?;
        Ok(Report::new(Batch { report, posts }))
    }

    /// Lints posts and the schedule they form, without the GIL.
    #[pyo3(signature = (posts, network=None))]
    fn lint_schedule(
        &self,
        py: Python<'_>,
        posts: &Bound<'_, PyAny>,
        network: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Report> {
        let posts = read_posts(posts, parse_network(network)?)?;
        let linter = &self.inner;
        let report = py.detach(|| guarded(|| linter.lint_schedule(&posts)))?;
        Ok(Report::new(Batch { report, posts }))
    }

    /// Runs only the schedule rules over posts, without post reports and without the GIL.
    #[pyo3(signature = (posts, network=None))]
    fn lint_schedule_only(
        &self,
        py: Python<'_>,
        posts: &Bound<'_, PyAny>,
        network: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<ScheduleView> {
        let posts = read_posts(posts, parse_network(network)?)?;
        let linter = &self.inner;
        let schedule = py.detach(|| guarded(|| linter.lint_schedule_only(&posts)))?;
        let report = CoreReport::new(Vec::new(), Some(schedule));
        Ok(ScheduleView {
            batch: Arc::new(Batch {
                report,
                posts: Vec::new(),
            }),
        })
    }
}

/// Posts per thread below which splitting the work costs more than it saves.
const MIN_POSTS_PER_THREAD: usize = 2_000;

/// `Linter::lint_posts`, split over at most `threads` threads.
fn lint_parallel(linter: &CoreLinter, posts: &[Post], threads: usize) -> CoreReport {
    let threads = threads.min(posts.len() / MIN_POSTS_PER_THREAD).max(1);
    if threads == 1 {
        return linter.lint_posts(posts);
    }
    let chunk = posts.len().div_ceil(threads);
    let reports = std::thread::scope(|scope| {
        let workers: Vec<_> = posts
            .chunks(chunk)
            .enumerate()
            .map(|(n, part)| {
                scope.spawn(move || {
                    part.iter()
                        .enumerate()
                        .map(|(offset, post)| linter.lint_post_at(n * chunk + offset, post))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    CoreReport::new(reports, None)
}

/// A report and the posts it is about, shared by every view into it.
struct Batch {
    report: CoreReport,
    posts: Vec<Post>,
}

/// The result of linting several posts: `posts`, `schedule` and `summary`.
#[pyclass(module = "postlint", frozen, sequence)]
struct Report {
    batch: Arc<Batch>,
    post_views: PyOnceLock<Py<PyList>>,
}

impl Report {
    fn new(batch: Batch) -> Self {
        Self {
            batch: Arc::new(batch),
            post_views: PyOnceLock::new(),
        }
    }

    fn post_list<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyList>> {
        let list = self.post_views.get_or_try_init(py, || {
            let views = (0..self.batch.posts.len()).map(|index| PostReport {
                batch: self.batch.clone(),
                index,
            });
            PyList::new(py, views).map(Bound::unbind)
        })?;
        Ok(list.bind(py))
    }
}

#[pymethods]
impl Report {
    /// The report format's version.
    #[getter]
    fn version(&self) -> u32 {
        self.batch.report.version
    }

    /// One report per post, in input order.
    #[getter]
    fn posts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        Ok(self.post_list(py)?.clone())
    }

    /// Schedule findings and statistics; `None` unless the schedule was linted.
    #[getter]
    fn schedule(&self) -> Option<ScheduleView> {
        self.batch.report.schedule.as_ref().map(|_| ScheduleView {
            batch: self.batch.clone(),
        })
    }

    /// Totals: `posts`, `errors`, `warnings`, `infos`, `score`.
    #[getter]
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.batch.report.summary)
    }

    /// The report as plain dicts and lists, equal to `postlint check --format json`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.batch.report)
    }

    /// The report as JSON text, as `postlint check --format json` prints it.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string_pretty(&self.batch.report).map_err(error)
    }

    fn __len__(&self) -> usize {
        self.batch.posts.len()
    }

    fn __getitem__<'py>(&self, py: Python<'py>, index: isize) -> PyResult<Bound<'py, PyAny>> {
        self.post_list(py)?
            .get_item(normalize_index(index, self.batch.posts.len())?)
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.post_list(py)?.try_iter()?.into_any())
    }

    fn __repr__(&self) -> String {
        let summary = &self.batch.report.summary;
        format!(
            "<postlint.Report posts={} errors={} warnings={} infos={} score={}{}>",
            summary.posts,
            summary.errors,
            summary.warnings,
            summary.infos,
            summary.score,
            match &self.batch.report.schedule {
                Some(schedule) => format!(" schedule_diagnostics={}", schedule.diagnostics.len()),
                None => String::new(),
            }
        )
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        render_html(slf.py(), "render_report", slf.as_any())
    }
}

/// Renders a report as HTML with the pure-Python helper in `postlint._html`.
fn render_html(py: Python<'_>, function: &str, value: &Bound<'_, PyAny>) -> PyResult<String> {
    py.import("postlint._html")?.call_method1(function, (value,))?.extract()
}

/// Python-style index (negative counts from the end) into a sequence of `len` items.
fn normalize_index(index: isize, len: usize) -> PyResult<usize> {
    let resolved = if index < 0 { index + len as isize } else { index };
    usize::try_from(resolved)
        .ok()
        .filter(|&index| index < len)
        .ok_or_else(|| pyo3::exceptions::PyIndexError::new_err("report index out of range"))
}

/// The findings for one post.
#[pyclass(module = "postlint", frozen)]
struct PostReport {
    batch: Arc<Batch>,
    index: usize,
}

impl PostReport {
    fn report(&self) -> &postlint::PostReport {
        &self.batch.report.posts[self.index]
    }
}

#[pymethods]
impl PostReport {
    /// Position of the post in the input.
    #[getter]
    fn index(&self) -> usize {
        self.report().index
    }

    /// The post's `id`, if it had one.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.report().id.as_deref()
    }

    /// The network the post was linted for.
    #[getter]
    fn network(&self) -> &'static str {
        self.report().network.name()
    }

    /// The text that was linted.
    #[getter]
    fn text(&self) -> &str {
        &self.batch.posts[self.index].text
    }

    /// 0-100, 100 = clean.
    #[getter]
    fn score(&self) -> u32 {
        self.report().score
    }

    /// `clean`, `needs-work` or `spam`.
    #[getter]
    fn verdict(&self) -> &'static str {
        self.report().verdict.name()
    }

    /// Whether the post is promotional (the user's label, or the classifier's).
    #[getter]
    fn promotional(&self) -> bool {
        self.report().promotional
    }

    /// Why the classifier called the post promotional.
    #[getter]
    fn promotional_reasons(&self) -> Vec<String> {
        self.report().promotional_reasons.clone()
    }

    /// Length as the network counts it, and its limit.
    #[getter]
    fn length(&self) -> LengthView {
        LengthView(self.report().length)
    }

    /// The findings, in rule order.
    #[getter]
    fn diagnostics(&self) -> Vec<Diagnostic> {
        self.report().diagnostics.iter().cloned().map(Diagnostic).collect()
    }

    /// The post report as plain dicts and lists, as in the JSON report.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self.report())
    }

    fn __repr__(&self) -> String {
        let report = self.report();
        format!(
            "<postlint.PostReport index={} score={} verdict={} diagnostics={}>",
            report.index,
            report.score,
            report.verdict.name(),
            report.diagnostics.len()
        )
    }

    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        render_html(slf.py(), "render_post", slf.as_any())
    }
}

/// Length as the network counts it.
#[pyclass(module = "postlint", frozen, name = "Length")]
struct LengthView(Length);

#[pymethods]
impl LengthView {
    /// Length as the network counts it (X: weighted).
    #[getter]
    fn used(&self) -> usize {
        self.0.used
    }

    /// The network's limit (`None` for `generic`).
    #[getter]
    fn limit(&self) -> Option<usize> {
        self.0.limit
    }

    fn __repr__(&self) -> String {
        format!("<postlint.Length used={} limit={:?}>", self.0.used, self.0.limit)
    }
}

/// One finding on a post.
#[pyclass(module = "postlint", frozen)]
struct Diagnostic(postlint::Diagnostic);

#[pymethods]
impl Diagnostic {
    /// The rule's kebab-case name.
    #[getter]
    fn rule(&self) -> &'static str {
        self.0.rule
    }

    /// `info`, `warning` or `error`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity.name()
    }

    /// What is wrong, specifically.
    #[getter]
    fn message(&self) -> &str {
        &self.0.message
    }

    /// What to do about it.
    #[getter]
    fn help(&self) -> Option<&str> {
        self.0.help.as_deref()
    }

    /// Where in the text; slice the Python string with `span.char`.
    #[getter]
    fn span(&self) -> Option<Span> {
        self.0.span.map(Span)
    }

    /// A proposed change to the text.
    #[getter]
    fn fix(&self) -> Option<Fix> {
        self.0.fix.clone().map(Fix)
    }

    /// The diagnostic as a plain dict, as in the JSON report.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "<postlint.Diagnostic {} {}: {:?}>",
            self.0.severity.name(),
            self.0.rule,
            self.0.message
        )
    }
}

/// A range of a post's text in three units: UTF-8 `byte`s, `char`s (Python `str` indices)
/// and `utf16` code units (JavaScript string indices), each a `(start, end)` pair.
#[pyclass(module = "postlint", frozen)]
struct Span(SpanUnits);

#[pymethods]
impl Span {
    /// `(start, end)` in UTF-8 bytes.
    #[getter]
    fn byte(&self) -> (usize, usize) {
        (self.0.byte[0], self.0.byte[1])
    }

    /// `(start, end)` in code points: `text[start:end]` is the spanned text.
    #[getter]
    fn char(&self) -> (usize, usize) {
        (self.0.char[0], self.0.char[1])
    }

    /// `(start, end)` in UTF-16 code units.
    #[getter]
    fn utf16(&self) -> (usize, usize) {
        (self.0.utf16[0], self.0.utf16[1])
    }

    /// The spanned part of `text` (the post's text).
    fn slice<'py>(&self, text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyAny>> {
        text.get_item(pyo3::types::PySlice::new(
            text.py(),
            self.0.char[0] as isize,
            self.0.char[1] as isize,
            1,
        ))
    }

    fn __repr__(&self) -> String {
        format!("<postlint.Span char={:?}>", self.0.char)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Span>().is_ok_and(|other| other.get().0 == self.0)
    }

    fn __hash__(&self) -> u64 {
        (self.0.byte[0] as u64) << 32 | self.0.byte[1] as u64
    }
}

/// A proposed change to a post's text.
#[pyclass(module = "postlint", frozen)]
struct Fix(FixReport);

#[pymethods]
impl Fix {
    /// Non-overlapping edits in text order.
    #[getter]
    fn edits(&self) -> Vec<Edit> {
        self.0.edits.iter().cloned().map(Edit).collect()
    }

    /// Whether the fix keeps the post's meaning.
    #[getter]
    fn safe(&self) -> bool {
        self.0.safe
    }

    /// The text with the fix applied; `text` must be the post's text.
    fn apply(&self, text: &str) -> PyResult<String> {
        let fits = self.0.edits.iter().all(|edit| {
            let [start, end] = edit.span.byte;
            end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
        });
        if !fits {
            return Err(error("this fix belongs to another text"));
        }
        Ok(self.0.apply(text))
    }

    fn __repr__(&self) -> String {
        format!("<postlint.Fix edits={} safe={}>", self.0.edits.len(), self.0.safe)
    }
}

/// One replacement within a fix.
#[pyclass(module = "postlint", frozen)]
struct Edit(EditReport);

#[pymethods]
impl Edit {
    /// The replaced range.
    #[getter]
    fn span(&self) -> Span {
        Span(self.0.span)
    }

    /// The new text.
    #[getter]
    fn replace(&self) -> &str {
        &self.0.replace
    }
}

/// What the schedule rules found, and figures about the schedule.
#[pyclass(module = "postlint", frozen, name = "ScheduleReport")]
struct ScheduleView {
    batch: Arc<Batch>,
}

impl ScheduleView {
    fn schedule(&self) -> &postlint::report::ScheduleReport {
        self.batch
            .report
            .schedule
            .as_ref()
            .expect("a schedule view has a schedule")
    }
}

#[pymethods]
impl ScheduleView {
    /// Schedule findings, in rule order.
    #[getter]
    fn diagnostics(&self) -> Vec<ScheduleFinding> {
        self.schedule()
            .diagnostics
            .iter()
            .cloned()
            .map(ScheduleFinding)
            .collect()
    }

    /// Things the rules could not judge (such as posts without time), as dicts.
    #[getter]
    fn notes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.schedule().notes)
    }

    /// Per-account counts, promotion ratio, duplicates and cadence, as a dict.
    #[getter]
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.schedule().stats)
    }

    /// The schedule part of the report as plain dicts and lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self.schedule())
    }

    fn __repr__(&self) -> String {
        format!(
            "<postlint.ScheduleReport diagnostics={}>",
            self.schedule().diagnostics.len()
        )
    }
}

/// One schedule finding: a rule that fired over several posts.
#[pyclass(module = "postlint", frozen, name = "ScheduleDiagnostic")]
struct ScheduleFinding(ScheduleDiagnostic);

#[pymethods]
impl ScheduleFinding {
    /// The rule's kebab-case name.
    #[getter]
    fn rule(&self) -> &'static str {
        self.0.rule
    }

    /// `info`, `warning` or `error`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity.name()
    }

    /// What is wrong, specifically.
    #[getter]
    fn message(&self) -> &str {
        &self.0.message
    }

    /// What to do about it.
    #[getter]
    fn help(&self) -> Option<&str> {
        self.0.help.as_deref()
    }

    /// The posts involved, by input index.
    #[getter]
    fn posts(&self) -> Vec<usize> {
        self.0.posts.clone()
    }

    /// `(from, to)` as RFC 3339 times, when the posts have times.
    #[getter]
    fn window(&self) -> Option<(String, String)> {
        self.0
            .window
            .as_ref()
            .map(|window| (window.from.clone(), window.to.clone()))
    }

    /// The finding as a plain dict, as in the JSON report.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "<postlint.ScheduleDiagnostic {} {}: {:?}>",
            self.0.severity.name(),
            self.0.rule,
            self.0.message
        )
    }
}

/// Hashtags, mentions, cashtags and URLs of a text, with its X weighted length.
#[pyclass(module = "postlint", frozen)]
struct Entities(EntitiesReport);

#[pymethods]
impl Entities {
    /// Hashtags; `text` is the tag without `#`.
    #[getter]
    fn hashtags(&self) -> Vec<Entity> {
        self.0.hashtags.iter().cloned().map(Entity).collect()
    }

    /// Mentions and lists; `text` is the screen name without `@`.
    #[getter]
    fn mentions(&self) -> Vec<Entity> {
        self.0.mentions.iter().cloned().map(Entity).collect()
    }

    /// Cashtags; `text` is the symbol without `$`.
    #[getter]
    fn cashtags(&self) -> Vec<Entity> {
        self.0.cashtags.iter().cloned().map(Entity).collect()
    }

    /// URLs as written.
    #[getter]
    fn urls(&self) -> Vec<Entity> {
        self.0.urls.iter().cloned().map(Entity).collect()
    }

    /// X's weighted length (URLs 23, emoji 2, CJK 2).
    #[getter]
    fn weighted_length(&self) -> usize {
        self.0.weighted_length
    }

    /// Whether the text is a valid X post.
    #[getter]
    fn valid(&self) -> bool {
        self.0.valid
    }

    /// The entities as plain dicts, equal to `postlint entities`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "<postlint.Entities hashtags={} mentions={} cashtags={} urls={} weighted_length={}>",
            self.0.hashtags.len(),
            self.0.mentions.len(),
            self.0.cashtags.len(),
            self.0.urls.len(),
            self.0.weighted_length
        )
    }
}

/// One entity of a text.
#[pyclass(module = "postlint", frozen)]
struct Entity(EntityReport);

#[pymethods]
impl Entity {
    /// The entity's value (tag, screen name, symbol or URL).
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }

    /// The whole entity, sigil included.
    #[getter]
    fn span(&self) -> Span {
        Span(self.0.span)
    }

    /// For a list mention (`@alice/friends`), the slug.
    #[getter]
    fn list_slug(&self) -> Option<&str> {
        self.0.list_slug.as_deref()
    }

    fn __repr__(&self) -> String {
        format!("<postlint.Entity {:?} char={:?}>", self.0.text, self.0.span.char)
    }
}

/// Extracts hashtags, mentions, cashtags and URLs as twitter-text does, and X's weighted length.
#[pyfunction]
fn entities(text: &Bound<'_, PyAny>) -> PyResult<Entities> {
    let text = text_of("text", text)?;
    guarded(|| Entities(EntitiesReport::new(&text)))
}

/// Each post's duplicate key: its text normalized as the duplicate rules compare it (NFKC,
/// lowercase, URLs to their domain, mentions dropped, hashtags sorted). Posts with equal keys are
/// exact copies for `duplicate-post`, `cross-account-duplicate` and `cross-network-blast`.
/// `posts` are texts or post dicts, as for `Linter.lint_many`.
#[pyfunction]
fn duplicate_keys(py: Python<'_>, posts: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let posts = read_posts(posts, None)?;
    py.detach(|| {
        guarded(|| {
            posts
                .iter()
                .map(|post| normalize(&post.text, &postlint::text::extract(&post.text)))
                .collect()
        })
    })
}

/// Names, default severities and summaries of every rule, as dicts.
#[pyfunction]
fn rules(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    let rules: Vec<_> = postlint::rules::REGISTRY
        .iter()
        .map(|rule| {
            serde_json::json!({
                "name": rule.name,
                "kind": if matches!(rule.kind, RuleKind::Post(_)) { "post" } else { "schedule" },
                "severity": rule.default_severity.name(),
                "summary": rule.summary,
            })
        })
        .collect();
    to_python(py, &rules)
}

#[pymodule]
fn _postlint(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add("PostlintError", module.py().get_type::<PostlintError>())?;
    module.add_class::<Linter>()?;
    module.add_class::<Report>()?;
    module.add_class::<PostReport>()?;
    module.add_class::<LengthView>()?;
    module.add_class::<Diagnostic>()?;
    module.add_class::<Span>()?;
    module.add_class::<Fix>()?;
    module.add_class::<Edit>()?;
    module.add_class::<ScheduleView>()?;
    module.add_class::<ScheduleFinding>()?;
    module.add_class::<Entities>()?;
    module.add_class::<Entity>()?;
    module.add_function(wrap_pyfunction!(entities, module)?)?;
    module.add_function(wrap_pyfunction!(rules, module)?)?;
    module.add_function(wrap_pyfunction!(duplicate_keys, module)?)?;
    Ok(())
}
