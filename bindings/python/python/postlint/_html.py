"""HTML rendering of reports for notebooks (``_repr_html_``)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._postlint import PostReport, Report

#: Posts shown in a report's table before the rest is summarized.
MAX_ROWS = 50

_COLORS = {"error": "#f8d0d0", "warning": "#fbe7b5", "info": "#d9e8fb"}
_STYLE = (
    "<style>.postlint td,.postlint th{text-align:left;vertical-align:top;padding:2px 8px}"
    ".postlint mark{border-radius:3px;padding:0 1px}.postlint ul{margin:0;padding-left:1.2em}</style>"
)


def highlighted(post: PostReport) -> str:
    """The post's text, HTML-escaped, with every diagnostic span marked (outermost first)."""
    text = post.text
    marks = sorted(
        (d.span.char, d) for d in post.diagnostics if d.span is not None and d.span.char[0] < d.span.char[1]
    )
    out, cursor = [], 0
    for (start, end), diagnostic in marks:
        if start < cursor:  # overlapping spans: the first one wins
            continue
        out.append(escape(text[cursor:start]))
        color = _COLORS.get(diagnostic.severity, "#eee")
        title = escape(f"{diagnostic.rule}: {diagnostic.message}", quote=True)
        out.append(f'<mark style="background:{color}" title="{title}">{escape(text[start:end])}</mark>')
        cursor = end
    out.append(escape(text[cursor:]))
    return "".join(out)


def _row(post: PostReport) -> str:
    findings = "".join(
        f"<li><b>{escape(d.severity)}</b> <code>{escape(d.rule)}</code> {escape(d.message)}</li>"
        for d in post.diagnostics
    )
    return (
        f"<tr><td>{post.index}</td><td>{escape(post.id or '')}</td><td>{escape(post.network)}</td>"
        f"<td>{post.score}</td><td>{escape(post.verdict)}</td><td>{highlighted(post)}</td>"
        f"<td><ul>{findings}</ul></td></tr>"
    )


def _table(rows: str) -> str:
    head = "".join(
        f"<th>{name}</th>" for name in ("#", "id", "network", "score", "verdict", "text", "findings")
    )
    return f'{_STYLE}<table class="postlint"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def render_post(post: PostReport) -> str:
    """One post as a one-row table."""
    return _table(_row(post))


def render_report(report: Report) -> str:
    """A summary line, a table of the first posts, and the schedule findings."""
    summary = report.summary
    parts = [
        f"<p><b>postlint</b>: {summary['posts']} posts, {summary['errors']} errors, "
        f"{summary['warnings']} warnings, {summary['infos']} infos, mean score {summary['score']}</p>"
    ]
    posts = report.posts
    parts.append(_table("".join(_row(post) for post in posts[:MAX_ROWS])))
    if len(posts) > MAX_ROWS:
        parts.append(f"<p>… and {len(posts) - MAX_ROWS} more posts</p>")
    schedule = report.schedule
    if schedule is not None and schedule.diagnostics:
        items = "".join(
            f"<li><b>{escape(d.severity)}</b> <code>{escape(d.rule)}</code> {escape(d.message)} "
            f"(posts {', '.join(map(str, d.posts[:20]))}{' …' if len(d.posts) > 20 else ''})</li>"
            for d in schedule.diagnostics
        )
        parts.append(f"<p><b>Schedule</b></p><ul>{items}</ul>")
    return "".join(parts)
