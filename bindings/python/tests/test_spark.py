"""postlint.spark in Spark local mode equals single-machine linting: every fixture, and a
synthetic schedule of 100k posts across 2,400 accounts (skipped, with the reason, where pyspark
or Java is missing; `./run.sh test` installs pyspark from bindings/python/requirements-spark.txt).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import fixture_files, load
from synthetic import generate

import postlint

if shutil.which("java") is None and "JAVA_HOME" not in os.environ:
    pytest.skip("Java is not installed (Spark needs a JVM)", allow_module_level=True)
pytest.importorskip("pyspark", reason="pyspark is not installed: pip install -r requirements-spark.txt")
pytest.importorskip("pyarrow", reason="pyarrow is not installed: pip install -r requirements-spark.txt")
pd = pytest.importorskip("pandas", reason="pandas is not installed: pip install -r requirements-spark.txt")

from pyspark.sql import DataFrame, SparkSession  # noqa: E402
from pyspark.sql import functions as F  # noqa: E402

from postlint.spark import DIAGNOSTIC_COLUMNS, DIAGNOSTIC_SCHEMA, lint_posts, lint_schedules  # noqa: E402

FIELD_TYPES = {
    "id": "string",
    "text": "string",
    "network": "string",
    "account": "string",
    "at": "string",
    "promotional": "boolean",
    "allow": "array<string>",
}
FIELDS = list(FIELD_TYPES)
POST_SCHEMA = ", ".join(f"{field} {kind}" for field, kind in FIELD_TYPES.items())
COLUMNS = {"network": "network", "account": "account", "id": "id", "promotional": "promotional"}

Finding = tuple[Any, ...]


@pytest.fixture(scope="session")
def spark() -> Iterator[SparkSession]:
    # Python workers run this interpreter, which has postlint and pyarrow.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("postlint-tests")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def frame(spark: SparkSession, posts: list[dict[str, Any]]) -> DataFrame:
    """The posts as a DataFrame in input order (in 2 partitions: `spark.default.parallelism`)."""
    rows = pd.DataFrame([{field: post.get(field) for field in FIELDS} for post in posts], columns=FIELDS)
    return spark.createDataFrame(rows, POST_SCHEMA)


def spark_findings(result: DataFrame) -> Counter[Finding]:
    """Spark's rows in the compared form: rule, severity, message, help, posts (indices and
    ids), span, window."""
    rows = result.toPandas()
    assert list(rows.columns) == DIAGNOSTIC_COLUMNS
    return Counter(
        (
            row.kind,
            row.rule,
            row.severity,
            row.message,
            None if pd.isna(row.help) else row.help,
            tuple(int(index) for index in row.post_indices),
            tuple(row.post_ids),
            None if pd.isna(row.span_start) else (int(row.span_start), int(row.span_end)),
            None if pd.isna(row.window_from) else (row.window_from, row.window_to),
        )
        for row in rows.itertuples()
    )


def schedule_findings(report: postlint.Report, posts: list[dict[str, Any]]) -> Counter[Finding]:
    """A single-machine report's schedule findings in the same form."""
    assert report.schedule is not None
    return Counter(
        (
            "schedule",
            d.rule,
            d.severity,
            d.message,
            d.help,
            tuple(d.posts),
            tuple(posts[index].get("id") for index in d.posts),
            None,
            d.window,
        )
        for d in report.schedule.diagnostics
    )


def post_findings(report: postlint.Report, posts: list[dict[str, Any]]) -> Counter[Finding]:
    """A single-machine report's post findings in the same form."""
    return Counter(
        (
            "post",
            d.rule,
            d.severity,
            d.message,
            d.help,
            (post.index,),
            (posts[post.index].get("id"),),
            None if d.span is None else d.span.char,
            None,
        )
        for post in report
        for d in post.diagnostics
    )


def renamed(posts: list[dict[str, Any]], case: int) -> list[dict[str, Any]]:
    """A case's posts with its own accounts and ids, so that cases side by side stay apart."""
    return [
        {
            **post,
            "id": f"c{case}.{n}",
            **({"account": f"c{case}.{post['account']}"} if "account" in post else {}),
        }
        for n, post in enumerate(posts)
    ]


def fixture_batches() -> list[tuple[Any, list[dict[str, Any]]]]:
    """Every schedule fixture case, packed into few batches (config, posts) such that the cases of
    a batch do not interact: linting the batch gives exactly the findings of each case alone."""
    batches: list[tuple[Any, list[dict[str, Any]], Counter[Finding]]] = []
    number = 0
    for path in fixture_files("schedules"):
        data = load(path)
        for case in data["cases"]:
            config = case.get("config", data.get("config"))
            posts = renamed(case["posts"], number)
            number += 1
            linter = postlint.Linter(config)
            alone = schedule_findings(linter.lint_schedule(posts), posts)
            for at, (batch_config, batch_posts, expected) in enumerate(batches):
                if json.dumps(batch_config) != json.dumps(config):
                    continue
                combined = batch_posts + posts
                shifted = Counter(
                    (*key[:5], tuple(index + len(batch_posts) for index in key[5]), *key[6:])
                    for key in alone.elements()
                )
                if schedule_findings(linter.lint_schedule(combined), combined) == expected + shifted:
                    batches[at] = (config, combined, expected + shifted)
                    break
            else:
                batches.append((config, posts, alone))
    return [(config, posts) for config, posts, _ in batches]


FIXTURE_BATCHES = fixture_batches()


def test_fixture_batches_cover_every_case() -> None:
    cases = sum(len(load(path)["cases"]) for path in fixture_files("schedules"))
    ids = {post["id"].split(".")[0] for _, posts in FIXTURE_BATCHES for post in posts}
    assert len(ids) == cases
    assert len(FIXTURE_BATCHES) < cases


@pytest.mark.parametrize(("config", "posts"), FIXTURE_BATCHES)
def test_schedule_fixtures_equal_single_machine(
    spark: SparkSession, config: Any, posts: list[dict[str, Any]]
) -> None:
    expected = schedule_findings(postlint.Linter(config).lint_schedule(posts), posts)
    result = lint_schedules(frame(spark, posts), at="at", config=config, **COLUMNS)
    assert result.schema == DIAGNOSTIC_SCHEMA
    assert spark_findings(result) == expected


def rule_fixture_posts() -> dict[str, tuple[Any, list[dict[str, Any]]]]:
    """The posts of every rule fixture, grouped by config."""
    groups: dict[str, tuple[Any, list[dict[str, Any]]]] = {}
    for path in fixture_files("rules"):
        data = load(path)
        for case in data["cases"]:
            config = case.get("config", data.get("config"))
            _, posts = groups.setdefault(json.dumps(config, sort_keys=True), (config, []))
            post = case["post"] if isinstance(case["post"], dict) else {"text": case["post"]}
            posts.append({**post, "id": f"p{len(posts)}"})
    return groups


@pytest.mark.parametrize(("config", "posts"), list(rule_fixture_posts().values()))
def test_rule_fixtures_equal_lint_many(spark: SparkSession, config: Any, posts: list[dict[str, Any]]) -> None:
    expected = post_findings(postlint.Linter(config).lint_many(posts), posts)
    result = lint_posts(frame(spark, posts), config=config, allow="allow", **COLUMNS)
    assert sum(expected.values()) > 0
    assert spark_findings(result) == expected


def test_synthetic_schedule_equals_single_machine(spark: SparkSession) -> None:
    posts = generate(100_000)
    df = frame(spark, posts)
    report = postlint.Linter().lint_schedule(posts)
    expected = schedule_findings(report, posts)
    found = spark_findings(lint_schedules(df, at="at", **COLUMNS))
    rules = Counter(key[1] for key in expected.elements())
    assert len(posts) >= 100_000 and rules["cross-account-duplicate"] > 100 and len(rules) >= 10, rules
    assert found == expected
    assert spark_findings(lint_posts(df, **COLUMNS)) == post_findings(report, posts)


def test_config_files_and_default_network(spark: SparkSession, tmp_path: Path) -> None:
    posts = [{"text": "Launch day #a #b", "id": "1"}, {"text": "Launch day", "network": "bluesky", "id": "2"}]
    config = tmp_path / "postlint.toml"
    config.write_text('[rules.hashtag-stuffing]\nmax = { x = 1 }\nseverity = "error"\n', encoding="utf-8")
    result = lint_posts(frame(spark, posts), default_network="x", config=config, network="network", id="id")
    expected = post_findings(postlint.Linter(config).lint_many(posts, network="x"), posts)
    assert [key[1:3] for key in expected] == [("hashtag-stuffing", "error")]
    assert spark_findings(result) == expected
    assert spark_findings(lint_posts(frame(spark, posts), config=str(config), id="id")) == Counter()


def test_spans_slice_the_text_in_sql_and_python(spark: SparkSession) -> None:
    text = "🎉𝐁𝐢𝐠 news!!!! #a #b #c #d #e #f"
    result = lint_posts(frame(spark, [{"text": text, "network": "x"}]), network="network")
    excerpt = F.expr("substring(text, span_start + 1, span_end - span_start)")
    rows = (
        result.where("span_start IS NOT NULL")
        .withColumn("text", F.lit(text))
        .select("rule", "span_start", "span_end", excerpt.alias("excerpt"))
        .collect()
    )
    assert {row.rule for row in rows} >= {"hashtag-stuffing", "punctuation-flood"}
    for row in rows:
        assert row.excerpt == text[row.span_start : row.span_end]


def test_integer_accounts_and_ids_are_read_as_strings(spark: SparkSession) -> None:
    text = "Our status page is back to green, thanks for your patience everyone!"
    rows = [(10, 1, text, "2026-11-16T09:00:00Z"), (11, 2, text, "2026-11-16T09:05:00Z")]
    df = spark.createDataFrame(rows, "tweet bigint, user int, body string, at string")
    found = spark_findings(lint_schedules(df, text="body", account="user", at="at", id="tweet"))
    posts = [{"id": str(i), "account": str(a), "text": t, "at": at} for i, a, t, at in rows]
    expected = schedule_findings(postlint.lint_schedule(posts), posts)
    assert [key[1] for key in expected] == ["cross-account-duplicate"]
    assert found == expected
    with pytest.raises(postlint.PostlintError, match="text: column `user` has type int, expected string"):
        lint_posts(df, text="user")


def test_bad_columns_and_config_fail_on_the_driver(spark: SparkSession) -> None:
    df = frame(spark, [{"text": "hello", "account": "a", "at": "2026-01-01T00:00:00Z"}])
    with pytest.raises(postlint.PostlintError, match="account: no column `user`"):
        lint_schedules(df, account="user")
    with pytest.raises(postlint.PostlintError, match=r"at: column `promotional` has type boolean.*RFC 3339"):
        lint_schedules(df, at="promotional")
    with pytest.raises(postlint.PostlintError, match=r"rules\.nope"):
        lint_posts(df, config={"rules": {"nope": {}}})
    with pytest.raises(postlint.PostlintError, match="network"):
        lint_posts(df, default_network="myspace")


def test_a_bad_post_fails_the_job_naming_it(spark: SparkSession) -> None:
    posts = [{"text": "fine", "account": "a", "id": f"ok{n}"} for n in range(5)]
    posts.insert(3, {"text": "bad", "account": "a", "at": "next tuesday", "id": "late"})
    with pytest.raises(Exception, match=r"post 3 \(id 'late'\): field `at`"):
        lint_schedules(frame(spark, posts), at="at", **COLUMNS).collect()
    posts[3] = {"text": "bad", "network": "myspace", "id": "far"}
    with pytest.raises(Exception, match=r"post 3 \(id 'far'\): field `network`"):
        lint_posts(frame(spark, posts), **COLUMNS).collect()


def test_a_text_copied_by_many_accounts_hides_no_near_copy(spark: SparkSession) -> None:
    # More than 64 exact copies across accounts, and a near copy by the last account: one machine
    # and the per-account stage both find it (near copies are searched per account and network).
    text = "five practical tips to speed up your ci pipeline cache dependencies split slow tests first"
    posts = [
        {"id": f"c{n}", "text": text, "account": f"a{n:03}", "network": "x", "at": "2026-01-05T10:00:00Z"}
        for n in range(70)
    ]
    posts.append({"id": "edit", "text": text.replace("first", "early"), "account": "a069", "network": "x"})
    found = spark_findings(lint_schedules(frame(spark, posts), at="at", **COLUMNS))
    assert any(key[1] == "near-duplicate-post" for key in found)
    assert found == schedule_findings(postlint.Linter().lint_schedule(posts), posts)
