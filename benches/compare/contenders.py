"""The Python contenders of benches/compare/run.sh; each prints one JSON line per task, timed as
the fastest of 3 runs after a warm-up run.

    python contenders.py python POSTS.jsonl
        postlint's Python package: entities(text) per post, and Linter().lint_many over all
        posts (texts with network="x", or dicts), on one thread and on all cores.
    python contenders.py datasketch NORMALIZED.jsonl PLANTED.json
        datasketch MinHashLSH (128 permutations, threshold 0.6) over character 5-grams of the
        normalized texts postlint's native contender wrote, doing what postlint's find_duplicates
        does: exact groups, MinHash + LSH for texts of 20+ chars and 3+ words, every candidate
        verified by exact Jaccard >= 0.6, groups merged; with recall on the planted pairs.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

RUNS = 3
THRESHOLD = 0.6
NUM_PERM = 128
SHINGLE = 5
MIN_CHARS = 20
MIN_WORDS = 3
NEAR_EDITS = {"OneWord", "Mixed"}


def best_seconds(work: Callable[[], object]) -> float:
    """The fastest of RUNS runs of `work`, after one warm-up run."""
    work()
    best = float("inf")
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def report(contender: str, task: str, posts: int, seconds: float, **extra: Any) -> None:
    line = {"contender": contender, "task": task, "posts": posts, "seconds": seconds}
    print(json.dumps({**line, "posts_per_s": posts / seconds, **extra}), flush=True)


def read_jsonl(path: str) -> list[Any]:
    with open(path, encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]


def python_contender(posts_path: str) -> None:
    import postlint

    posts = read_jsonl(posts_path)
    texts = [post["text"] for post in posts]
    common = {"version": postlint.__version__}
    seconds = best_seconds(lambda: [postlint.entities(text) for text in texts])
    report("postlint-python", "entities", len(texts), seconds, **common)
    linter = postlint.Linter()
    for variant, items, threads in [
        ("lint_many(list[str]), 1 thread", texts, 1),
        ("lint_many(list[dict]), 1 thread", posts, 1),
        ("lint_many(list[str]), all cores", texts, None),
    ]:
        seconds = best_seconds(lambda i=items, t=threads: linter.lint_many(i, network="x", threads=t))
        report("postlint-python", "lint", len(texts), seconds, variant=variant, **common)


def shingles(text: str) -> set[bytes]:
    """Character 5-grams (the whole text when shorter), as UTF-8 bytes for datasketch."""
    if len(text) < SHINGLE:
        return {text.encode()}
    return {text[at : at + SHINGLE].encode() for at in range(len(text) - SHINGLE + 1)}


class Groups:
    """Union-find over post indices."""

    def __init__(self, size: int) -> None:
        self.parents = list(range(size))

    def root(self, node: int) -> int:
        parents = self.parents
        while parents[node] != node:
            parents[node] = parents[parents[node]]
            node = parents[node]
        return node

    def join(self, a: int, b: int) -> None:
        self.parents[self.root(a)] = self.root(b)


def datasketch_contender(normalized_path: str, planted_path: str) -> None:
    from datasketch import MinHash, MinHashLSH

    texts: list[str] = read_jsonl(normalized_path)
    planted = json.loads(Path(planted_path).read_text(encoding="utf-8"))
    phases: dict[str, float] = {}
    outcome: dict[str, Any] = {}

    def run() -> None:
        started = time.perf_counter()
        groups = Groups(len(texts))
        first_of: dict[str, int] = {}
        for index, text in enumerate(texts):
            groups.join(index, first_of.setdefault(text, index))
        eligible = [
            index
            for index, text in enumerate(texts)
            if len(text) >= MIN_CHARS and text.count(" ") + 1 >= MIN_WORDS
        ]
        sets = [shingles(texts[index]) for index in eligible]
        minhashes = MinHash.bulk(sets, num_perm=NUM_PERM)
        hashed = time.perf_counter()
        lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        with lsh.insertion_session() as session:
            for position, minhash in enumerate(minhashes):
                session.insert(position, minhash)
        candidates = {
            (position, other)
            for position, minhash in enumerate(minhashes)
            for other in lsh.query(minhash)
            if other > position
        }
        indexed = time.perf_counter()
        verified = 0
        for position, other in candidates:
            a, b = sets[position], sets[other]
            if len(a & b) >= THRESHOLD * len(a | b):
                groups.join(eligible[position], eligible[other])
                verified += 1
        finished = time.perf_counter()
        phase = {"minhash": hashed - started, "lsh": indexed - hashed, "verify": finished - indexed}
        if not phases or sum(phase.values()) < sum(phases.values()):
            phases.update(phase)
        outcome.update(groups=groups, candidates=len(candidates), verified=verified, bands=(lsh.b, lsh.r))

    seconds = best_seconds(run)
    groups: Groups = outcome["groups"]
    component = [groups.root(index) for index in range(len(texts))]

    def recall(near_only: bool) -> float:
        pairs = [pair for pair in planted if not near_only or pair["edit"] in NEAR_EDITS]
        hits = sum(component[pair["original"]] == component[pair["copy"]] for pair in pairs)
        return hits / max(len(pairs), 1)

    sizes: dict[int, int] = {}
    for root in component:
        sizes[root] = sizes.get(root, 0) + 1
    report(
        "datasketch",
        "dedup",
        len(texts),
        seconds,
        version=version("datasketch"),
        bands=outcome["bands"],
        phases=phases,
        candidates=outcome["candidates"],
        verified=outcome["verified"],
        recall=recall(False),
        near_recall=recall(True),
        groups=sum(1 for n in sizes.values() if n > 1),
        grouped_posts=sum(n for n in sizes.values() if n > 1),
    )


def main() -> None:
    args = sys.argv[1:]
    if len(args) == 2 and args[0] == "python":
        python_contender(args[1])
    elif len(args) == 3 and args[0] == "datasketch":
        datasketch_contender(args[1], args[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
