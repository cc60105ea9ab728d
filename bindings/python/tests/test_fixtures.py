"""Parity: every fixture case gives, in Python, the expected diagnostics and the CLI's report."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import fixture_files, load

import postlint

RULE_CASES = [
    pytest.param(data, case, id=f"{path.stem}/{case['name']}")
    for path in fixture_files("rules")
    for data in [load(path)]
    for case in data["cases"]
]
SCHEDULE_CASES = [
    pytest.param(data, case, id=f"{path.stem}/{case['name']}")
    for path in fixture_files("schedules")
    for data in [load(path)]
    for case in data["cases"]
]


def linter_for(data: dict, case: dict) -> postlint.Linter:
    return postlint.Linter(case.get("config", data.get("config")))


def cli_report(cli: Path, tmp_path: Path, posts: list, config: dict | None, schedule: bool) -> dict:
    """What `postlint check --format json` says about the same posts."""
    posts_file = tmp_path / "posts.json"
    posts_file.write_text(json.dumps(posts), encoding="utf-8")
    command = [str(cli), "check", str(posts_file), "--format", "json"]
    if config is not None:
        config_file = tmp_path / "config.json"
        config_file.write_text(json.dumps(config), encoding="utf-8")
        command += ["--config", str(config_file)]
    if schedule:
        command.append("--schedule")
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(("data", "case"), RULE_CASES)
def test_rule_fixture(data: dict, case: dict, cli: Path, tmp_path: Path) -> None:
    linter = linter_for(data, case)
    post = case["post"]
    report = linter.lint_post(post)
    found = [d for d in report.diagnostics if d.rule == data["rule"]]
    assert [d.severity for d in found] == [e["severity"] for e in case["expect"]]
    for diagnostic, expected in zip(found, case["expect"]):
        if "message" in expected:
            assert diagnostic.message == expected["message"]
        if "span" in expected:
            assert diagnostic.span is not None
            start, end = diagnostic.span.char
            assert post["text"][start:end] == expected["span"]
            assert diagnostic.span.slice(post["text"]) == expected["span"]
        if "fixed" in expected:
            assert diagnostic.fix is not None
            assert diagnostic.fix.apply(post["text"]) == expected["fixed"]

    timed = "at" in post
    batch = linter.lint_schedule([post]) if timed else linter.lint_many([post])
    assert batch[0].to_dict() == report.to_dict()
    config = case.get("config", data.get("config"))
    assert batch.to_dict() == cli_report(cli, tmp_path, [post], config, schedule=timed)


@pytest.mark.parametrize(("data", "case"), SCHEDULE_CASES)
def test_schedule_fixture(data: dict, case: dict, cli: Path, tmp_path: Path) -> None:
    report = linter_for(data, case).lint_schedule(case["posts"])
    assert len(report) == len(case["posts"])
    assert report.schedule is not None
    found = [d for d in report.schedule.diagnostics if d.rule == data["rule"]]
    assert [(d.severity, d.posts) for d in found] == [(e["severity"], e["posts"]) for e in case["expect"]]
    for diagnostic, expected in zip(found, case["expect"]):
        if "message" in expected:
            assert diagnostic.message == expected["message"]
    config = case.get("config", data.get("config"))
    assert report.to_dict() == cli_report(cli, tmp_path, case["posts"], config, schedule=True)
