"""postlint.pandas.lint_frame on DataFrames (skipped where pandas is not installed)."""

from __future__ import annotations

import pytest

import postlint

pd = pytest.importorskip("pandas")
from postlint.pandas import DIAGNOSTIC_COLUMNS, POST_COLUMNS, lint_frame  # noqa: E402


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "body": ["Hello #a #b #c #d #e #f 🎉", "A calm update", "Same text", "Same text", None],
            "net": ["x", "x", "bluesky", "bluesky", "x"],
            "when": pd.to_datetime(
                ["2026-11-01 09:00", "2026-11-01 12:00", "2026-11-02 09:00", "2026-11-03 09:00", None]
            ).tz_localize("Europe/Paris"),
            "user": ["acme"] * 5,
        },
        index=["a", "b", "c", "d", "e"],
    )


def test_one_row_per_diagnostic_with_labels_and_excerpts(frame: pd.DataFrame) -> None:
    findings = lint_frame(frame.iloc[:4], text="body", network="net", at="when", account="user")
    assert list(findings.columns) == DIAGNOSTIC_COLUMNS
    stuffing = findings[findings.rule == "hashtag-stuffing"].iloc[0]
    assert stuffing.row == "a" and stuffing.kind == "post"
    assert frame.body["a"][int(stuffing.start) : int(stuffing.end)] == stuffing.excerpt
    duplicate = findings[findings.rule == "duplicate-post"]
    assert sorted(duplicate.row) == ["c", "d"]
    assert set(duplicate.kind) == {"schedule"} and duplicate.group.nunique() == 1


def test_one_row_per_post_indexed_like_the_frame(frame: pd.DataFrame) -> None:
    posts = lint_frame(frame.iloc[:4], text="body", network="net", per="post")
    assert list(posts.columns) == POST_COLUMNS
    assert list(posts.index) == ["a", "b", "c", "d"]
    assert posts.loc["a", "errors"] + posts.loc["a", "warnings"] >= 1
    assert posts.loc["b", "verdict"] == "clean"
    assert posts.loc["c", "limit"] == 300


def test_bad_frames_raise_postlint_error(frame: pd.DataFrame) -> None:
    with pytest.raises(postlint.PostlintError, match="posts\\[4\\]: field `text`: is required"):
        lint_frame(frame, text="body", network="net")
    with pytest.raises(postlint.PostlintError, match="no column `nope`"):
        lint_frame(frame, text="nope")
    naive = frame.assign(when=frame.when.dt.tz_localize(None))
    with pytest.raises(postlint.PostlintError, match="has no time zone"):
        lint_frame(naive.iloc[:4], text="body", at="when")
