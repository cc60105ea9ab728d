"""Hostile input: whatever a notebook hands postlint, it answers with a report or raises
PostlintError (a ValueError) naming what is wrong; never a crash, a PanicException, a TypeError
or an OverflowError."""

from __future__ import annotations

import math
from typing import Any

import pytest

import postlint


def deep_list(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


def deep_dict(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for _ in range(depth):
        value = {"a": value}
    return value


@pytest.mark.parametrize(
    "call",
    [
        lambda: postlint.lint_post(deep_list(100_000)),  # type: ignore[arg-type]
        lambda: postlint.lint_post({"text": "hi", "meta": deep_dict(100_000)}),
        lambda: postlint.Linter().lint_many(["fine", deep_list(100_000)]),
        lambda: postlint.lint_schedule([{"text": "hi", "allow": deep_list(10_000)}]),
        lambda: postlint.Linter(deep_dict(100_000)),
        lambda: postlint.Linter({"rules": {"spam-phrase": {"phrases": deep_list(100_000)}}}),
    ],
)
def test_deep_nesting_is_an_error_not_a_crash(call: Any) -> None:
    with pytest.raises(postlint.PostlintError, match="nested more than 128 lists or dicts deep"):
        call()


def test_nesting_up_to_the_limit_is_read() -> None:
    report = postlint.lint_post({"text": "hi", "meta": deep_list(127)})
    assert report.text == "hi"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: postlint.Linter({"rules": {"robotic-cadence": {"max-cv": math.nan}}}),
            "invalid config at `rules.robotic-cadence.max-cv`: NaN is not a finite number",
        ),
        (
            lambda: postlint.Linter({"rules": {"self-promo-ratio": {"max-ratio": -math.inf}}}),
            "-inf is not a finite",
        ),
        (lambda: postlint.Linter({"rules": {"self-promo-ratio": {"max-ratio": -0.5}}}), "between 0 and 1"),
        (lambda: postlint.Linter({"scoring": {"error": -1}}), "invalid config at `scoring.error`"),
        (lambda: postlint.Linter({"scoring": {"error": "40"}}), "invalid config at `scoring.error`"),
        (lambda: postlint.Linter({"brand": {"domains": ["a.com", 3]}}), "`brand.domains[1]`"),
        (lambda: postlint.Linter({"rules": {"spam-phrase": {"regexes": ["(a{1000}){1000}"]}}}), "is too big"),
        (lambda: postlint.Linter("[rules.robotic-cadence]\nmax-cv = nan"), "max-cv`: NaN is not a finite"),
        (
            lambda: postlint.lint_post({"text": "a", "promotional": math.nan}),
            "`promotional`: NaN is not a finite number",
        ),
        (lambda: postlint.lint_post({"text": "a", "id": 2**100}), "field `post`"),
        (lambda: postlint.lint_post({1: "a"}), "field `post`"),  # type: ignore[dict-item]
    ],
)
def test_bad_numbers_and_types_in_configs_and_posts(call: Any, message: str) -> None:
    with pytest.raises(postlint.PostlintError) as raised:
        call()
    assert message in str(raised.value)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: postlint.lint_post(b"bytes"), "field `post`"),
        (lambda: postlint.lint_post(None), "expected an object, found null"),
        (lambda: postlint.lint_post("\ud800 lone surrogate"), "field `text`"),
        (lambda: postlint.lint_post({"text": "\udfff"}), "field `post`"),
        (lambda: postlint.lint_post("a", network="\ud800"), "network:"),
        (lambda: postlint.lint_post("a", network=5), "network: expected a str, found int"),
        (lambda: postlint.Linter().lint_many(["a"], network=b"x"), "network: expected a str"),
        (lambda: postlint.entities("\ud800"), "text:"),
        (lambda: postlint.entities(b"#tag"), "text: expected a str, found bytes"),
        (lambda: postlint.entities(None), "text: expected a str, found NoneType"),
        (lambda: postlint.Linter("\ud800"), "invalid config"),
        (lambda: postlint.Linter(b"[brand]"), "invalid config"),
    ],
)
def test_bytes_none_and_lone_surrogates(call: Any, message: str) -> None:
    with pytest.raises(postlint.PostlintError) as raised:
        call()
    assert message in str(raised.value)


@pytest.mark.parametrize("threads", [-1, 0, 2**70, True, 1.5, "2"])
def test_bad_thread_counts(threads: Any) -> None:
    with pytest.raises(postlint.PostlintError, match="threads: expected a whole number of at least 1"):
        postlint.Linter().lint_many(["a"], threads=threads)


def test_good_thread_counts() -> None:
    for threads in [1, 3, 1000]:
        assert len(postlint.Linter().lint_many(["a", "b"], threads=threads)) == 2


@pytest.mark.parametrize("posts", [{"text": "a"}, {"a": 1, "b": 2}, b"posts", bytearray(b"posts")])
def test_lint_many_wants_a_list(posts: Any) -> None:
    linter = postlint.Linter()
    for method in (linter.lint_many, linter.lint_schedule):
        with pytest.raises(postlint.PostlintError, match="expected a list of posts"):
            method(posts)


def test_nul_and_bidi_characters_keep_spans_right() -> None:
    text = "\x00\u202e\u2066 #a #b #c\u2069 \x00 #d #e #f 𝒳"
    report = postlint.lint_post(text, network="x")
    assert report.text == text
    spanned = [d.span.slice(text) for d in report.diagnostics if d.span]
    assert "#c\u2069 \x00 #d #e #f" in spanned


def test_a_10_mb_post_with_100k_hashtags() -> None:
    text = " ".join(f"#t{n}" for n in range(100_000))
    text += " x" * ((10_000_000 - len(text)) // 2)
    report = postlint.lint_post(text, network="x")
    assert len(report.text) >= 9_999_999
    stuffing = next(d for d in report.diagnostics if d.rule == "hashtag-stuffing")
    assert stuffing.message == "100000 hashtags; more than 5 on x reads as hashtag spam"
    assert stuffing.span.slice(text).startswith("#t2 #t3")
    assert len(stuffing.fix.edits) == 99_998


def test_many_posts_of_one_character() -> None:
    count = 1_000_000
    report = postlint.Linter().lint_many(["a"] * count, threads=2)
    assert len(report) == count
    assert report.summary["posts"] == count
    assert report[count - 1].index == count - 1


def test_odd_times_and_duplicated_ids() -> None:
    posts = [
        {"id": "same", "text": "one", "account": "a", "at": "2026-11-20T09:00:00+05:45"},
        {"id": "same", "text": "two", "account": "a", "at": "2016-12-31T23:59:60Z"},
        {"id": "same", "text": "three", "account": "a", "at": "-000001-01-01T00:00:00-23:59"},
    ]
    report = postlint.lint_schedule(posts)
    assert [post.id for post in report] == ["same", "same", "same"]
    assert [post.text for post in report] == ["one", "two", "three"]
    for at, message in [
        ("2026-11-20T09:00:00+05:45:30", "offsets are whole minutes"),
        ("2026-11-20T09:00:00+25:00", "offsets are whole minutes"),
        ("9999-12-31T23:59:59Z", "out of range"),
        ("+010000-01-01T00:00:00Z", "not an RFC 3339 time"),
    ]:
        with pytest.raises(postlint.PostlintError, match=message):
            postlint.lint_schedule([{"text": "a", "at": at}])
