"""Linter.lint_many throughput on 100k real posts, against the native Rust figure.

    python bindings/python/bench/lint_many.py [N]

Needs the module installed (`./run.sh test` or `maturin develop`) and cargo for the native run.
The posts are the tweets of ../shared/data/timelines, repeated up to N (default 100,000).
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import best_of

import postlint

REPO = Path(__file__).resolve().parents[3]
TIMELINES = REPO.parent / "shared" / "data" / "timelines"
NATIVE_EXAMPLE = [
    "cargo",
    "run",
    "--quiet",
    "--release",
    "-p",
    "postlint-benches",
    "--example",
    "lint_file_throughput",
]


def corpus(size: int) -> list[str]:
    texts: list[str] = []
    for path in sorted(TIMELINES.glob("*.csv")):
        with path.open(encoding="utf-8", errors="replace", newline="") as file:
            texts.extend(row["text"] for row in csv.DictReader(file))
    return [texts[n % len(texts)] for n in range(size)]


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    texts = corpus(size)
    dicts = [{"text": text, "network": "x"} for text in texts]
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "posts.jsonl"
        jsonl.write_text("".join(json.dumps(post) + "\n" for post in dicts), encoding="utf-8")
        native = subprocess.run(
            [*NATIVE_EXAMPLE, str(jsonl)],
            cwd=REPO,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    native_rate = float(native.split("=")[-1].split()[0])
    linter = postlint.Linter()
    rows = [("native Rust lint_posts, 1 thread", native_rate)]
    for label, posts, threads in [
        ("lint_many(list[str]), 1 thread", texts, 1),
        ("lint_many(list[dict]), 1 thread", dicts, 1),
        ("lint_many(list[str]), all cores", texts, None),
    ]:
        seconds = best_of(3, lambda p=posts, t=threads: linter.lint_many(p, network="x", threads=t))
        rows.append((label, size / seconds))
    print(f"{size} posts from {TIMELINES}")
    for label, rate in rows:
        print(f"{label:40} {rate:>10,.0f} posts/s  {rate / native_rate:6.0%} of native")


if __name__ == "__main__":
    main()
