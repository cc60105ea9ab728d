"""postlint: lint social-media posts and posting schedules for spam and quality problems.

>>> import postlint
>>> report = postlint.lint_post("Big news! #a #b #c #d #e #f", network="x")
>>> report.diagnostics[0].rule
'hashtag-stuffing'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Union

from ._postlint import (
    Diagnostic,
    Edit,
    Entities,
    Entity,
    Fix,
    Length,
    Linter,
    PostlintError,
    PostReport,
    Report,
    ScheduleDiagnostic,
    ScheduleReport,
    Span,
    __version__,
    duplicate_keys,
    entities,
    rules,
)

__all__ = [
    "Diagnostic",
    "Edit",
    "Entities",
    "Entity",
    "Fix",
    "Length",
    "Linter",
    "PostReport",
    "PostlintError",
    "Report",
    "ScheduleDiagnostic",
    "ScheduleReport",
    "Span",
    "__version__",
    "duplicate_keys",
    "entities",
    "lint_post",
    "lint_schedule",
    "rules",
]

Post = Union[str, Mapping[str, Any]]


def lint_post(post: Post, network: str | None = None, config: Any = None) -> PostReport:
    """Lints one post (its text, or a dict with ``text``, ``network``, ``at``...)."""
    return Linter(config).lint_post(post, network=network)


def lint_schedule(posts: Iterable[Post], config: Any = None, network: str | None = None) -> Report:
    """Lints posts and the schedule they form (posts in any order, across accounts)."""
    return Linter(config).lint_schedule(posts, network=network)
