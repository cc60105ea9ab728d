"""The building blocks of distributed linting: schedule rules alone, and duplicate keys."""

from __future__ import annotations

import pytest
from conftest import fixture_files, load

import postlint

SCHEDULE_CASES = [
    pytest.param(data, case, id=f"{path.stem}/{case['name']}")
    for path in fixture_files("schedules")
    for data in [load(path)]
    for case in data["cases"]
]


@pytest.mark.parametrize(("data", "case"), SCHEDULE_CASES)
def test_lint_schedule_only_is_the_schedule_part_of_lint_schedule(data: dict, case: dict) -> None:
    linter = postlint.Linter(case.get("config", data.get("config")))
    full = linter.lint_schedule(case["posts"])
    only = linter.lint_schedule_only(case["posts"])
    assert full.schedule is not None
    assert only.to_dict() == full.schedule.to_dict()
    assert [d.to_dict() for d in only.diagnostics] == [d.to_dict() for d in full.schedule.diagnostics]


def test_lint_schedule_only_reads_posts_like_lint_schedule() -> None:
    posts = [{"text": "Same words, posted again and again", "account": "acme"}] * 2
    only = postlint.Linter().lint_schedule_only(posts, network="x")
    assert [(d.rule, d.posts) for d in only.diagnostics] == [("duplicate-post", [0, 1])]
    assert "on x" in only.diagnostics[0].message
    with pytest.raises(postlint.PostlintError, match=r"posts\[1\]: field `at`"):
        postlint.Linter().lint_schedule_only([{"text": "fine"}, {"text": "bad", "at": "tomorrow"}])


def test_duplicate_keys_are_equal_exactly_for_copies() -> None:
    keys = postlint.duplicate_keys(
        [
            "Our CI guide is out! #devops #ci https://acme.com/a",
            {"text": "our CI guide is out!! https://www.acme.com/b #ci #DevOps @alice", "network": "x"},
            "Our CI guide is out, part two #devops #ci https://acme.com/a",
        ]
    )
    assert keys[0] == keys[1] == "our ci guide is out acme.com ci devops"
    assert keys[2] != keys[0]


@pytest.mark.parametrize(("data", "case"), SCHEDULE_CASES)
def test_duplicate_keys_group_what_duplicate_post_reports(data: dict, case: dict) -> None:
    report = postlint.Linter(case.get("config", data.get("config"))).lint_schedule(case["posts"])
    keys = postlint.duplicate_keys(case["posts"])
    assert report.schedule is not None
    for finding in report.schedule.diagnostics:
        if finding.rule in ("duplicate-post", "cross-account-duplicate"):
            assert len({keys[index] for index in finding.posts}) == 1, finding


def test_duplicate_keys_report_every_bad_post() -> None:
    with pytest.raises(postlint.PostlintError, match=r"posts\[1\]: .*; posts\[2\]: "):
        postlint.duplicate_keys(["fine", 7, None])
    with pytest.raises(postlint.PostlintError, match="found a str"):
        postlint.duplicate_keys("one text")
