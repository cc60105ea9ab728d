"""Turns the measurements of benches/compare/run.sh into a table (printed) and benches/RESULTS.md.

python report.py --work DIR --out RESULTS.md --load-start L --load-end L --rustc V --node V --commit C
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
from pathlib import Path
from typing import Any

# What each contender does, per task (and variant), for the table.
WORK = {
    ("twitter-text", "entities"): "extractHashtags + extractMentions + extractUrls + parseTweet",
    (
        "postlint-native",
        "entities",
    ): "extract (hashtags, mentions, cashtags, URLs; spans) + weighted_length_with",
    ("postlint-wasm", "entities"): "entities(text): the same, as JS objects with spans in 3 units",
    ("postlint-python", "entities"): "entities(text): the same, as Python objects",
    ("postlint-native", "lint"): "Linter::lint_posts, default config, every post rule",
    ("postlint-wasm", "lint"): "Linter.lintPost(text, 'x') per post, report as a JS object",
    ("postlint-native", "normalize"): "extract + normalize (the input of duplicate detection)",
    ("postlint-native", "dedup"): "find_duplicates: exact groups + MinHash LSH 21x6, verified",
    ("datasketch", "dedup"): "exact groups + MinHash.bulk + MinHashLSH, verified",
}
CONTENDERS = {
    "twitter-text": "twitter-text {version} (node)",
    "postlint-native": "postlint (Rust, native)",
    "postlint-wasm": "postlint (WebAssembly, node)",
    "postlint-python": "postlint (Python)",
    "datasketch": "datasketch {version} (Python)",
}
# The contender each task's ratios are taken against.
BASELINES = {"entities": "twitter-text", "lint": "postlint-native", "dedup": "datasketch"}
TASKS = ["entities", "lint", "normalize", "dedup"]
# A one-minute load average above this makes the figures provisional (run.sh waits for it first).
IDLE_LOAD = 0.3


def machine() -> str:
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GiB memory"
    return f"{model}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}"


def rows(results: list[dict[str, Any]]) -> list[list[str]]:
    table = []
    for task in TASKS:
        baseline = next(
            (r for r in results if r["task"] == task and r["contender"] == BASELINES.get(task)), None
        )
        for result in (r for r in results if r["task"] == task):
            contender = CONTENDERS[result["contender"]].format(version=result.get("version", ""))
            work = result.get("variant") or WORK[(result["contender"], task)]
            if result["contender"] == "postlint-python" and task == "lint":
                work = f"Linter().{work}"
            ratio = "" if baseline is None else f"{result['posts_per_s'] / baseline['posts_per_s']:.2f}x"
            table.append([task, contender, work, f"{result['posts_per_s']:,.0f}", ratio])
    return table


def fastest(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The fastest line of each contender, task and variant (run.sh measures in rounds), in the
    order first seen, each with the number of rounds it was measured in."""
    best: dict[tuple[str, str, str | None], dict[str, Any]] = {}
    rounds: dict[tuple[str, str, str | None], int] = {}
    for result in results:
        key = (result["contender"], result["task"], result.get("variant"))
        rounds[key] = rounds.get(key, 0) + 1
        if key not in best or result["posts_per_s"] > best[key]["posts_per_s"]:
            best[key] = result
    return [dict(result, rounds=rounds[key]) for key, result in best.items()]


def markdown(header: list[str], body: list[list[str]], right: set[int]) -> str:
    lines = ["| " + " | ".join(header) + " |"]
    lines.append("|" + "|".join("---:" if i in right else "---" for i in range(len(header))) + "|")
    lines.extend("| " + " | ".join(row) + " |" for row in body)
    return "\n".join(lines)


def find(results: list[dict[str, Any]], contender: str, task: str) -> dict[str, Any] | None:
    return next((r for r in results if r["contender"] == contender and r["task"] == task), None)


def goals(results: list[dict[str, Any]], schedule: re.Match[str] | None, flagged: str) -> str:
    body = []

    def goal(what: str, target: str, measured: str, met: bool) -> None:
        body.append([what, target, measured, "yes" if met else "no"])

    lint = find(results, "postlint-native", "lint")
    if lint:
        rate = lint["posts_per_s"]
        goal("full default post lint, 1 core", ">= 1,000,000 posts/s", f"{rate:,.0f} posts/s", rate >= 1e6)
    native, peer = find(results, "postlint-native", "entities"), find(results, "twitter-text", "entities")
    if native and peer:
        ratio = native["posts_per_s"] / peer["posts_per_s"]
        goal("entities + weighted length vs twitter-text", ">= 60x", f"{ratio:.1f}x", ratio >= 60)
    if schedule:
        rate, peak = float(schedule["rate"]), float(schedule["peak"])
        goal(
            "schedule analysis (lint_schedule_only) at 1M posts, 1 core",
            ">= 250,000 posts/s",
            f"{rate:,.0f} posts/s",
            rate >= 250e3,
        )
        goal("peak memory at 1M posts (input included)", "< 1 GB", f"{peak:,.0f} MB", peak < 1000)
    body.append(["no superlinear stage (doubling table)", "ratios ~2", flagged, "see below"])
    return markdown(["goal", "target", "measured", "met"], body, {2})


def main() -> None:
    parser = argparse.ArgumentParser()
    for flag in ["--work", "--out", "--load-start", "--load-end", "--rustc", "--node", "--commit"]:
        parser.add_argument(flag, required=True)
    args = parser.parse_args()
    work = Path(args.work)
    lines = (work / "results.jsonl").read_text().splitlines()
    results = fastest([json.loads(line) for line in lines if line])
    rounds = max(result["rounds"] for result in results)
    corpus = json.loads((work / "corpus.json").read_text())
    schedule_text = (work / "schedule.txt").read_text().strip()
    schedule = re.search(
        r"lint_schedule_only: ([\d.]+) s, (?P<rate>\d+) posts/s, .*peak RSS (?P<peak>\d+) MB", schedule_text
    )
    scaling = (work / "scaling.md").read_text().strip()
    instructions = (Path(__file__).parent / "instructions.md").read_text(encoding="utf-8").strip()
    flagged = scaling.splitlines()[-1]

    table = markdown(["task", "contender", "what it does", "posts/s", "ratio"], rows(results), {3, 4})
    print(table)

    versions = {r["contender"]: r.get("version") for r in results}
    totals = [
        [CONTENDERS[r["contender"]].format(version=r.get("version", ""))]
        + [f"{r['totals'][key]:,}" for key in ["hashtags", "mentions", "urls", "weighted_length"]]
        for r in results
        if "totals" in r
    ]
    native_dedup, peer_dedup = find(results, "postlint-native", "dedup"), find(results, "datasketch", "dedup")
    dedup_rows = [
        [
            CONTENDERS[r["contender"]].format(version=r.get("version", "")),
            f"{r['recall']:.3f}",
            f"{r['near_recall']:.3f}",
            f"{r['groups']:,}",
            f"{r['grouped_posts']:,}",
        ]
        for r in (native_dedup, peer_dedup)
        if r
    ]
    extra = ""
    if peer_dedup:
        phases = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in peer_dedup["phases"].items())
        bands, rows_per_band = peer_dedup["bands"]
        candidates, verified = peer_dedup["candidates"], peer_dedup["verified"]
        extra = (
            f"datasketch chose {bands} bands x {rows_per_band} rows for threshold 0.6; its LSH gave "
            f"{candidates:,} candidate pairs, {verified:,} verified (precision before verification "
            f"{verified / max(candidates, 1):.2f}); time by phase in its fastest run: {phases}."
        )
    load = f"load average {args.load_start} when the measurements started, {args.load_end} when they ended"
    if float(args.load_start.split()[0]) > IDLE_LOAD:
        load_note = (
            f"**Provisional**: the machine was busy ({load}, on {os.cpu_count()} cores). "
            "Re-run on an idle machine for figures to quote."
        )
    else:
        load_note = f"Machine idle: {load}, on {os.cpu_count()} cores."
    facts = "\n".join(
        [
            f"- Machine: {machine()}",
            f"- Versions: postlint {versions.get('postlint-python') or ''} at commit {args.commit}; "
            f"{args.rustc}; node {args.node}; Python {platform.python_version()}; "
            f"twitter-text {versions.get('twitter-text')}; datasketch {versions.get('datasketch')}",
            f"- Posts: {corpus['posts']:,} ({corpus['real']:,} real tweets from `../shared/data/timelines`, "
            f"then {corpus['synthetic']:,} synthetic posts with {corpus['planted']:,} planted duplicate "
            f"pairs), {corpus['mean_bytes']:.0f} bytes on average, all on X, written once to a JSONL file "
            "that every contender reads.",
            "- Timing: each figure is the fastest of 3 runs after a warm-up run, in one process per "
            'contender, single-threaded unless it says "all cores". The contenders of `entities` and '
            f"`lint` take turns in {rounds} round{'s' if rounds > 1 else ''}, a process each per "
            "round, and each figure is its fastest round: the machine's speed drifts (up to 2x within "
            "an hour on the VMs measured here), and turns give every contender the same spells.",
        ]
    )
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    text = f"""# Benchmark results

Written by `benches/compare/run.sh {corpus["posts"]}` on {now}; do not edit by hand.

{load_note}

{facts}

## Throughput

Ratios are against twitter-text for `entities`, native Rust for `lint`, datasketch for `dedup`.

{table}

## Goals

{goals(results, schedule, flagged)}

## Same work?

Entities found in the whole corpus by each contender (mentions of lists excluded, as
twitter-text's `extractMentions` does); differences are real disagreements with twitter-text.

{markdown(["contender", "hashtags", "mentions", "URLs", "weighted length"], totals, {1, 2, 3, 4})}

Duplicate detection, on the same normalized texts (postlint's `normalize`), character 5-grams,
texts under 20 characters or 3 words matched only exactly, every candidate pair verified by exact
Jaccard >= 0.6, groups merged. Recall is the share of planted pairs that end up in one group
("near" counts only the one-word and mixed edits; the others normalize to the same text).

{markdown(["contender", "recall", "near recall", "groups", "posts in groups"], dedup_rows, {1, 2, 3, 4})}

{extra}

## Schedule analysis at 1M posts

`cargo run --release -p postlint-benches --example schedule_throughput -- 1000000 --only` and
`... --full`, the fastest of 3 runs of each, every run in its own process (synthetic schedule;
peak RSS includes the generated input).
`lint_schedule_only` is the schedule analysis (what the schedule rules need of each post, then
the rules); `lint_schedule` also builds every post's own report:

```text
{schedule_text}
```

## Doubling table

`cargo run --release -p postlint-benches --example scaling_table`: each stage on inputs of size
n and 2n; linear cost gives a ratio near 2, quadratic near 4 (a ratio above 3 was measured up to
twice more before it is flagged).

{scaling}

## Instructions per post, by commit

From `benches/compare/instructions.md` (kept by hand; measured with
`benches/compare/instructions.sh`, not by this script):

{instructions}
"""
    Path(args.out).write_text(text, encoding="utf-8")
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
