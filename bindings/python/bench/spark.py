"""postlint.spark throughput in Spark local mode, against single-machine linting of the same posts.

    python bindings/python/bench/spark.py [N] [MASTER]

Needs a release build of the module (`cd bindings/python && maturin develop --release`), the
packages of requirements-spark.txt and Java. The posts are the synthetic schedule of the tests
(N posts, default 100,000, across ~2,400 accounts per 100k); MASTER defaults to `local[*]`.
Spark results are written to Spark's `noop` sink, so the time is the linting, not a collect;
each figure is the best of 2 runs (the first also starts the Python workers).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from pyspark.sql import DataFrame, SparkSession

import postlint
from postlint.spark import lint_posts, lint_schedules

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from synthetic import generate
from timing import best_of

FIELDS = ["id", "text", "network", "account", "at", "promotional"]
SCHEMA = "id string, text string, network string, account string, at string, promotional boolean"
COLUMNS = {"network": "network", "account": "account", "id": "id", "promotional": "promotional"}


def run_spark(result: Callable[[], DataFrame]) -> None:
    result().write.format("noop").mode("overwrite").save()


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    master = sys.argv[2] if len(sys.argv) > 2 else "local[*]"
    posts = generate(size)
    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (
        SparkSession.builder.master(master)
        .config("spark.driver.memory", "4g")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    rows = pd.DataFrame([{field: post.get(field) for field in FIELDS} for post in posts], columns=FIELDS)
    df = spark.createDataFrame(rows, SCHEMA).cache()
    df.count()
    cores = spark.sparkContext.defaultParallelism
    linter = postlint.Linter()
    figures = [
        ("lint_many, 1 thread", best_of(2, lambda: linter.lint_many(posts, threads=1))),
        ("lint_many, all cores", best_of(2, lambda: linter.lint_many(posts))),
        ("postlint.spark.lint_posts", best_of(2, lambda: run_spark(lambda: lint_posts(df, **COLUMNS)))),
        ("lint_schedule (post + schedule rules)", best_of(2, lambda: linter.lint_schedule(posts))),
        ("Linter.lint_schedule_only", best_of(2, lambda: linter.lint_schedule_only(posts))),
        (
            "postlint.spark.lint_schedules",
            best_of(2, lambda: run_spark(lambda: lint_schedules(df, at="at", **COLUMNS))),
        ),
    ]
    print(f"{len(posts):,} synthetic posts; Spark {spark.version} {master} ({cores} cores)")
    for name, seconds in figures:
        print(f"{name:40} {seconds:7.2f} s {len(posts) / seconds:>12,.0f} posts/s")
    spark.stop()


if __name__ == "__main__":
    main()
