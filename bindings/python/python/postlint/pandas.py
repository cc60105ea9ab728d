"""pandas helpers: lint a DataFrame of posts (needs pandas, which postlint does not depend on).

>>> from postlint.pandas import lint_frame
>>> findings = lint_frame(df, text="text", network="network", at="created_at", account="user")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from ._postlint import Linter, PostlintError, Report

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DIAGNOSTIC_COLUMNS", "POST_COLUMNS", "lint_frame"]

#: Columns of `lint_frame(..., per="diagnostic")`.
DIAGNOSTIC_COLUMNS = [
    "row",
    "kind",
    "rule",
    "severity",
    "message",
    "help",
    "start",
    "end",
    "excerpt",
    "group",
]
#: Columns of `lint_frame(..., per="post")`, besides the frame's own index.
POST_COLUMNS = ["score", "verdict", "promotional", "length", "limit", "errors", "warnings", "infos", "rules"]


def _column(df: pd.DataFrame, name: str | None, field: str) -> list[Any] | None:
    """A column as a list of JSON-ready values (missing values become None)."""
    if name is None:
        return None
    if name not in df.columns:
        raise PostlintError(f"{field}: no column `{name}`; columns: {', '.join(map(str, df.columns))}")
    import pandas as pd

    series = df[name]
    if field == "at" and pd.api.types.is_datetime64_any_dtype(series):
        if getattr(series.dt, "tz", None) is None:
            raise PostlintError(
                f"at: column `{name}` has no time zone; use df[{name!r}].dt.tz_localize(...) first"
            )
        return [None if pd.isna(t) else t.isoformat() for t in series]
    if field == "id":
        return [None if pd.isna(v) else str(v) for v in series]
    return [None if v is None or (isinstance(v, float) and v != v) else v for v in series.tolist()]


def lint_frame(
    df: pd.DataFrame,
    text: str = "text",
    network: str | None = None,
    at: str | None = None,
    account: str | None = None,
    id: str | None = None,
    *,
    default_network: str | None = None,
    config: Any = None,
    schedule: bool | None = None,
    per: Literal["diagnostic", "post"] = "diagnostic",
) -> pd.DataFrame:
    """Lints the posts of a DataFrame (one post per row) in one batch.

    `text`, `network`, `at`, `account` and `id` name the frame's columns; `at` may hold RFC 3339
    strings or time-zone-aware datetimes. Posts without a network get `default_network`.
    Schedule rules run when `schedule` is true (default: when an `at` column is given).

    `per="diagnostic"` gives one row per finding: `row` (the frame's index label), `kind`
    (`post` or `schedule`), `rule`, `severity`, `message`, `help`, `start`/`end` (char offsets into
    the text) and `excerpt` (the spanned text). A schedule finding covers several posts: it gives
    one row per post, with the same `group` number. `per="post"` gives one row per post, indexed
    like `df`, with `score`, `verdict`, `promotional`, `length`, `limit`, counts per severity and
    the list of `rules` that fired.
    """
    import pandas as pd

    if per not in ("diagnostic", "post"):
        raise PostlintError(f"per: expected 'diagnostic' or 'post', found {per!r}")
    columns = {
        field: values
        for field, name in (
            ("text", text),
            ("network", network),
            ("at", at),
            ("account", account),
            ("id", id),
        )
        if (values := _column(df, name, field)) is not None
    }
    fields = list(columns)
    posts = [dict(zip(fields, values)) for values in zip(*columns.values())]
    linter = Linter(config)
    run_schedule = at is not None if schedule is None else schedule
    report = (
        linter.lint_schedule(posts, network=default_network)
        if run_schedule
        else linter.lint_many(posts, network=default_network)
    )
    labels = list(df.index)
    if per == "post":
        return pd.DataFrame(_post_rows(report), index=df.index, columns=POST_COLUMNS)
    return pd.DataFrame(_diagnostic_rows(report, labels), columns=DIAGNOSTIC_COLUMNS)


def _post_rows(report: Report) -> list[dict[str, Any]]:
    rows = []
    for post in report:
        severities = [d.severity for d in post.diagnostics]
        rows.append(
            {
                "score": post.score,
                "verdict": post.verdict,
                "promotional": post.promotional,
                "length": post.length.used,
                "limit": post.length.limit,
                "errors": severities.count("error"),
                "warnings": severities.count("warning"),
                "infos": severities.count("info"),
                "rules": [d.rule for d in post.diagnostics],
            }
        )
    return rows


def _diagnostic_rows(report: Report, labels: list[Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for post in report:
        for diagnostic in post.diagnostics:
            span = diagnostic.span
            start, end = span.char if span is not None else (None, None)
            rows.append(
                {
                    "row": labels[post.index],
                    "kind": "post",
                    "rule": diagnostic.rule,
                    "severity": diagnostic.severity,
                    "message": diagnostic.message,
                    "help": diagnostic.help,
                    "start": start,
                    "end": end,
                    "excerpt": post.text[start:end] if span is not None else None,
                    "group": None,
                }
            )
    if report.schedule is not None:
        for group, finding in enumerate(report.schedule.diagnostics):
            for index in finding.posts:
                rows.append(
                    {
                        "row": labels[index],
                        "kind": "schedule",
                        "rule": finding.rule,
                        "severity": finding.severity,
                        "message": finding.message,
                        "help": finding.help,
                        "start": None,
                        "end": None,
                        "excerpt": None,
                        "group": group,
                    }
                )
    return rows
