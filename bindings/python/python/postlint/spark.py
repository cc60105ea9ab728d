"""Apache Spark helpers: lint posts and schedules of any size on a cluster with PySpark.

Needs pyspark 4 and pyarrow (``pip install 'postlint[spark]'``), with postlint installed
on every executor. Both functions return a DataFrame with one row per finding, in the schema
`DIAGNOSTIC_SCHEMA`; rows of both can be combined with ``unionByName``.

>>> from postlint.spark import lint_posts, lint_schedules
>>> posts = lint_posts(df, text="text", network="network", id="id")
>>> schedule = lint_schedules(df, account="user", at="created_at", network="network", id="id")

How the schedule is split (the results equal `Linter.lint_schedule` on one machine):

1. Every schedule rule but `cross-account-duplicate` judges posts of one account (streams are
   per account and network; copies, near copies and cross-network blasts are compared within one
   account), so ``groupBy(account).applyInArrow`` lints each account's posts as a schedule.
2. `cross-account-duplicate` compares exact copies (equal normalized text) across accounts. A
   vectorized pass computes each post's duplicate key (a 128-bit BLAKE2b hash of its normalized
   text, `postlint.duplicate_keys`); a window over the key keeps the keys that 2 or more accounts
   post, and each such group is linted on its own, keeping the `cross-account-duplicate`
   findings. The group lint regroups the posts by the core's own key of the normalized text, so
   a collision of this hash alone cannot merge two texts.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from os import PathLike
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
from pyspark.sql import Column, DataFrame, Window
from pyspark.sql import functions as F
from pyspark.sql import types as T
from pyspark.sql.pandas.types import to_arrow_schema

from ._postlint import Linter, PostlintError, ScheduleDiagnostic, duplicate_keys

__all__ = ["DIAGNOSTIC_COLUMNS", "DIAGNOSTIC_SCHEMA", "lint_posts", "lint_schedules"]

#: One row per finding. `kind` is `post` (a post rule) or `schedule` (a schedule rule);
#: `post_indices` are the posts involved, ascending, as positions in the input DataFrame's order
#: (what `Linter.lint_schedule` calls them for the collected rows), with their `post_ids` (the
#: `id` column, as strings; null without one). `account` is the account the finding is about (null
#: for `cross-account-duplicate`, whose message names the accounts). `span_start`/`span_end` are
#: char offsets into the post's text (post findings with a span); `window_from`/`window_to` are
#: RFC 3339 times (schedule findings on timed posts).
DIAGNOSTIC_SCHEMA = T.StructType(
    [
        T.StructField("kind", T.StringType(), False),
        T.StructField("rule", T.StringType(), False),
        T.StructField("severity", T.StringType(), False),
        T.StructField("message", T.StringType(), False),
        T.StructField("help", T.StringType(), True),
        T.StructField("account", T.StringType(), True),
        T.StructField("post_indices", T.ArrayType(T.LongType(), False), False),
        T.StructField("post_ids", T.ArrayType(T.StringType(), True), False),
        T.StructField("span_start", T.IntegerType(), True),
        T.StructField("span_end", T.IntegerType(), True),
        T.StructField("window_from", T.StringType(), True),
        T.StructField("window_to", T.StringType(), True),
    ]
)
#: The column names of `DIAGNOSTIC_SCHEMA`, in order.
DIAGNOSTIC_COLUMNS = DIAGNOSTIC_SCHEMA.fieldNames()

_CROSS_ACCOUNT_RULE = "cross-account-duplicate"

_STRING = T.StringType()
_STRING_OR_INTEGER = (_STRING, T.ByteType(), T.ShortType(), T.IntegerType(), T.LongType())
#: Post fields and the Spark types their columns may have, by name (integer ids and accounts are
#: cast to strings).
_FIELD_TYPES: dict[str, tuple[str, tuple[T.DataType, ...]]] = {
    "text": ("string", (_STRING,)),
    "network": ("string", (_STRING,)),
    "account": ("string or integer", _STRING_OR_INTEGER),
    "at": ("string", (_STRING,)),
    "id": ("string or integer", _STRING_OR_INTEGER),
    "promotional": ("boolean", (T.BooleanType(),)),
    "allow": ("array<string>", (T.ArrayType(_STRING, True), T.ArrayType(_STRING, False))),
}
#: Bits of `monotonically_increasing_id` below the partition number.
_ROW_BITS = 33


@dataclass(frozen=True)
class _Settings:
    """What the executors need: the config (JSON text of a dict, a TOML string or None) and the
    network for posts that name none. Small and picklable."""

    config_json: str
    default_network: str | None

    @staticmethod
    def of(config: Any, default_network: str | None) -> _Settings:
        """Validates `config` and `default_network` on the driver (a bad one raises
        `PostlintError` here, not in a task) and reads a config file, so that executors do not
        need the file."""
        linter = Linter(config)
        linter.lint_many([], network=default_network)
        if isinstance(config, PathLike) or (
            isinstance(config, str) and "\n" not in config and config.endswith((".toml", ".json"))
        ):
            with open(config, encoding="utf-8") as file:
                source = file.read()
            config = json.loads(source) if str(config).endswith(".json") else source
        return _Settings(json.dumps(config, sort_keys=True), default_network)


@lru_cache(maxsize=8)
def _linter(config_json: str) -> Linter:
    """One linter per config and Python worker (workers are reused across tasks)."""
    return Linter(json.loads(config_json))


def _select(df: DataFrame, columns: dict[str, str | None]) -> DataFrame:
    """The named columns under their post field names; errors name a missing or mistyped column."""
    selected: list[Column] = []
    for field, name in columns.items():
        if name is None:
            continue
        if name not in df.columns:
            raise PostlintError(f"{field}: no column `{name}`; columns: {', '.join(df.columns)}")
        data_type = df.schema[name].dataType
        expected, allowed = _FIELD_TYPES[field]
        if data_type not in allowed:
            hint = (
                "; format times as RFC 3339 strings with their offset, e.g. "
                "F.date_format(col, \"yyyy-MM-dd'T'HH:mm:ssXXX\")"
                if field == "at"
                else ""
            )
            raise PostlintError(
                f"{field}: column `{name}` has type {data_type.simpleString()}, expected {expected}{hint}"
            )
        column = df[name].cast("string") if field in ("id", "account") else df[name]
        selected.append(column.alias(field))
    return df.select(*selected)


def _indexed(posts: DataFrame) -> DataFrame:
    """`posts` with `_index`, each row's position in the DataFrame's order (0, 1, 2...).

    `monotonically_increasing_id` numbers rows within each partition; one counting pass gives
    each partition's offset. The input must read the same on every pass (files and tables do).
    """
    marked = posts.withColumn("_row", F.monotonically_increasing_id())
    partition = F.shiftright("_row", _ROW_BITS)
    counts = marked.groupBy(partition.alias("_part")).count().collect()
    offsets, total = [], 0
    for row in sorted(counts, key=lambda row: int(row["_part"])):
        offsets.append((int(row["_part"]), total))
        total += int(row["count"])
    table = posts.sparkSession.createDataFrame(offsets, "_part long, _offset long")
    index = F.col("_offset") + F.col("_row").bitwiseAND((1 << _ROW_BITS) - 1)
    return (
        marked.withColumn("_part", partition)
        .join(F.broadcast(table), "_part")
        .select(index.alias("_index"), *posts.columns)
    )


@dataclass
class _Batch:
    """Posts of an Arrow batch, in input order: dicts for the linter, with their indices in the
    DataFrame, ids and accounts."""

    posts: list[dict[str, Any]]
    indices: list[int]
    ids: list[str | None]
    accounts: list[str | None]

    @staticmethod
    def of(table: pa.Table | pa.RecordBatch) -> _Batch:
        table = table.take(pc.sort_indices(table["_index"]))
        fields = [field for field in table.column_names if field in _FIELD_TYPES]
        posts = table.select(fields).to_pylist()
        return _Batch(
            posts,
            table["_index"].to_pylist(),
            [post.get("id") for post in posts],
            [post.get("account") for post in posts],
        )

    def located(self, error: PostlintError) -> PostlintError:
        """`error` with each `posts[i]` renamed to the post's index in the DataFrame and its id."""

        def name(match: re.Match[str]) -> str:
            local = int(match[1])
            ident = self.ids[local]
            return f"post {self.indices[local]}" + ("" if ident is None else f" (id {ident!r})")

        return PostlintError(re.sub(r"posts\[(\d+)\]", name, str(error)))


#: `DIAGNOSTIC_SCHEMA` as Arrow types, for the tables the Python workers return.
_ARROW_SCHEMA = to_arrow_schema(DIAGNOSTIC_SCHEMA)


def _table(rows: list[tuple[Any, ...]]) -> pa.Table:
    """Rows in `DIAGNOSTIC_COLUMNS` order as an Arrow table of `DIAGNOSTIC_SCHEMA`."""
    columns = list(zip(*rows)) if rows else [() for _ in DIAGNOSTIC_COLUMNS]
    return pa.Table.from_arrays(
        [pa.array(column, type=field.type) for column, field in zip(columns, _ARROW_SCHEMA)],
        schema=_ARROW_SCHEMA,
    )


def _lint_post_batches(settings: _Settings, batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Lints each Arrow batch of posts with `Linter.lint_many` (one thread: Spark runs one task
    per core)."""
    linter = _linter(settings.config_json)
    for record_batch in batches:
        batch = _Batch.of(record_batch)
        try:
            report = linter.lint_many(batch.posts, network=settings.default_network, threads=1)
        except PostlintError as error:
            raise batch.located(error) from None
        rows = []
        for post, index, ident, account in zip(report, batch.indices, batch.ids, batch.accounts):
            for diagnostic in post.diagnostics:
                span = diagnostic.span
                start, end = span.char if span is not None else (None, None)
                rows.append(
                    (
                        "post",
                        diagnostic.rule,
                        diagnostic.severity,
                        diagnostic.message,
                        diagnostic.help,
                        account,
                        [index],
                        [ident],
                        start,
                        end,
                        None,
                        None,
                    )
                )
        yield from _table(rows).to_batches()


def _lint_group(settings: _Settings, group: pa.Table, account: bool, keep: str | None = None) -> pa.Table:
    """Lints a group of posts as a schedule, in input order, and maps its findings' post numbers
    back to the DataFrame's. `account`: the group is one account's (and its findings are about
    it); `keep`: only that rule's findings."""
    batch = _Batch.of(group)
    try:
        schedule = _linter(settings.config_json).lint_schedule_only(
            batch.posts, network=settings.default_network
        )
    except PostlintError as error:
        raise batch.located(error) from None
    about = batch.accounts[0] if account else None
    findings: list[ScheduleDiagnostic] = schedule.diagnostics
    rows = [
        (
            "schedule",
            finding.rule,
            finding.severity,
            finding.message,
            finding.help,
            about,
            [batch.indices[post] for post in finding.posts],
            [batch.ids[post] for post in finding.posts],
            None,
            None,
            *(finding.window or (None, None)),
        )
        for finding in findings
        if keep is None or finding.rule == keep
    ]
    return _table(rows)


def _with_keys(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Adds `_key`: the 128-bit BLAKE2b hash of each post's duplicate key."""
    for batch in batches:
        keys = duplicate_keys(batch["text"].to_pylist())
        hashes = pa.array(
            [hashlib.blake2b(key.encode(), digest_size=16).digest() for key in keys], pa.binary()
        )
        yield pa.RecordBatch.from_arrays([*batch.columns, hashes], names=[*batch.schema.names, "_key"])


def lint_posts(
    df: DataFrame,
    text: str = "text",
    network: str | None = None,
    account: str | None = None,
    id: str | None = None,
    *,
    promotional: str | None = None,
    allow: str | None = None,
    default_network: str | None = None,
    config: Any = None,
) -> DataFrame:
    """Lints every post of `df` with the post rules: one row per finding (`DIAGNOSTIC_SCHEMA`,
    `kind` = `post`), as `Linter.lint_many` reports them.

    `text`, `network`, `account`, `id`, `promotional` (boolean) and `allow` (array of rule
    names) name the columns; posts without a network get `default_network`. `config` is a dict, a
    TOML string or the path of a config file (read here, on the driver). Arrow batches of posts go
    to `Linter.lint_many`. Bad columns or config raise `PostlintError` here; a bad post fails the
    Spark job with a `PostlintError` that names the post by index and id. Runs one counting job
    to number the posts.
    """
    settings = _Settings.of(config, default_network)
    columns = {
        "text": text,
        "network": network,
        "account": account,
        "id": id,
        "promotional": promotional,
        "allow": allow,
    }
    posts = _indexed(_select(df, columns))

    def lint_batches(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        return _lint_post_batches(settings, batches)

    return posts.mapInArrow(lint_batches, DIAGNOSTIC_SCHEMA)


def lint_schedules(
    df: DataFrame,
    text: str = "text",
    network: str | None = None,
    at: str | None = None,
    account: str = "account",
    id: str | None = None,
    *,
    promotional: str | None = None,
    default_network: str | None = None,
    config: Any = None,
) -> DataFrame:
    """Lints the schedule that the posts of `df` form, across accounts: one row per schedule
    finding (`DIAGNOSTIC_SCHEMA`, `kind` = `schedule`), equal to the `schedule.diagnostics` of
    `Linter.lint_schedule` on the collected rows.

    `at` names a column of RFC 3339 strings with their offset (the rules judge local time);
    `account` is required; other arguments are those of `lint_posts`. Each account's posts are
    linted together in one task (``groupBy(account).applyInArrow``), and each text that 2 or more
    accounts post is checked by `cross-account-duplicate` in one task, so an account's posts, and
    the copies of one text, must fit in an executor's memory. Runs one counting job to number the
    posts.
    """
    settings = _Settings.of(config, default_network)
    columns = {
        "text": text,
        "network": network,
        "account": account,
        "at": at,
        "id": id,
        "promotional": promotional,
    }
    posts = _indexed(_select(df, columns))

    def lint_account(group: pa.Table) -> pa.Table:
        # Every schedule rule over one account's posts (`cross-account-duplicate` needs two).
        return _lint_group(settings, group, account=True)

    def lint_copies(group: pa.Table) -> pa.Table:
        # `cross-account-duplicate` over the posts of 2+ accounts that share one duplicate key.
        return _lint_group(settings, group, account=False, keep=_CROSS_ACCOUNT_RULE)

    per_account = posts.groupBy("account").applyInArrow(lint_account, DIAGNOSTIC_SCHEMA)
    by_key = Window.partitionBy("_key")
    candidates = posts.where(F.col("account").isNotNull() & F.col("text").isNotNull())
    keyed_schema = T.StructType([*candidates.schema.fields, T.StructField("_key", T.BinaryType())])
    copies = (
        candidates.mapInArrow(_with_keys, keyed_schema)
        .withColumn("_first", F.min("account").over(by_key))
        .withColumn("_last", F.max("account").over(by_key))
        .where(F.col("_first") < F.col("_last"))
        .drop("_first", "_last")
    )
    cross_account = copies.groupBy("_key").applyInArrow(lint_copies, DIAGNOSTIC_SCHEMA)
    return per_account.unionByName(cross_account)
