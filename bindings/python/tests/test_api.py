"""The Python API: posts in, typed reports out, clear errors for bad input."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

import postlint

CROWDED_FF = "#FF @ann @bob @cat @dan @eve"


def test_lint_post_accepts_text_or_dict() -> None:
    by_text = postlint.lint_post(CROWDED_FF, network="x")
    by_dict = postlint.lint_post({"text": CROWDED_FF, "network": "x", "id": "p1"})
    assert [d.rule for d in by_text.diagnostics] == [d.rule for d in by_dict.diagnostics]
    assert "crowded-followfriday" in [d.rule for d in by_text.diagnostics]
    assert by_dict.id == "p1"
    assert by_dict.network == "x"
    assert by_dict.text == CROWDED_FF
    assert by_dict.verdict in {"needs-work", "spam"}
    assert by_dict.length.used == len(CROWDED_FF)
    assert by_dict.length.limit == 280


class PostDict(dict):  # type: ignore[type-arg]
    """A dict subclass: read by the general conversion, not the plain-dict shortcut."""


@pytest.mark.parametrize(
    "post",
    [
        {"text": "BUY NOW!!! #a #b #c", "network": "x", "promotional": True, "account": "acme", "id": "7"},
        {"text": "hello", "network": None, "at": None, "allow": None},
        {"text": "see https://example.com", "at": "2026-01-05T09:00:00Z", "promotional": False},
    ],
)
def test_plain_dicts_read_as_the_general_conversion_reads_them(post: dict) -> None:
    linter = postlint.Linter()
    plain = linter.lint_many([post], network="x")
    general = linter.lint_many([PostDict(post)], network="x")
    assert json.loads(plain.to_json()) == json.loads(general.to_json())


@pytest.mark.parametrize(
    "post",
    [{"text": "x", "promotional": "yes"}, {"text": True}, {"network": "x"}, {"text": "x", "at": "soon"}],
)
def test_plain_dicts_fail_as_the_general_conversion_fails(post: dict) -> None:
    messages = []
    for variant in (post, PostDict(post)):
        with pytest.raises(postlint.PostlintError) as raised:
            postlint.Linter().lint_many([variant])
        messages.append(str(raised.value))
    assert messages[0] == messages[1]
    assert messages[0].startswith("posts[0]: field `")


def test_default_network_only_fills_posts_without_one() -> None:
    report = postlint.Linter().lint_many(["a", {"text": "b", "network": "bluesky"}], network="mastodon")
    assert [post.network for post in report] == ["mastodon", "bluesky"]


@pytest.mark.parametrize(
    ("text", "spanned"),
    [
        ("🎉🎉 #a #b #c #d #e #f", "#c #d #e #f"),  # astral characters before the span
        ("café́ 𝒳 #a #b #c #d #e #f", "#c #d #e #f"),  # combining marks and math letters
        ("👩‍👩‍👧 #a #b #c #d #e #𝒳y", "#c #d #e #𝒳y"),  # ZWJ sequence; astral inside the span
    ],
)
def test_char_spans_slice_python_strings(text: str, spanned: str) -> None:
    diagnostic = postlint.lint_post(text, network="x").diagnostics[0]
    assert diagnostic.rule == "hashtag-stuffing"
    assert diagnostic.span is not None
    start, end = diagnostic.span.char
    assert text[start:end] == spanned
    assert diagnostic.span.slice(text) == spanned
    byte_start, byte_end = diagnostic.span.byte
    assert text.encode()[byte_start:byte_end].decode() == spanned
    utf16_start, utf16_end = diagnostic.span.utf16
    assert text.encode("utf-16-le")[2 * utf16_start : 2 * utf16_end].decode("utf-16-le") == spanned


def test_fix_applies_to_the_post_text() -> None:
    text = "Launch! #a #b #c #d #e #f"
    diagnostic = postlint.lint_post(text, network="x").diagnostics[0]
    assert diagnostic.fix is not None
    fixed = diagnostic.fix.apply(text)
    assert fixed.count("#") < text.count("#")
    assert all(isinstance(edit.replace, str) for edit in diagnostic.fix.edits)
    with pytest.raises(postlint.PostlintError, match="another text"):
        diagnostic.fix.apply("short")


def test_lint_many_matches_lint_post_and_keeps_order() -> None:
    posts = [f"post {n} " + " ".join(f"#t{k}" for k in range(n % 9)) for n in range(5000)]
    linter = postlint.Linter()
    report = linter.lint_many(posts, network="x")  # large enough to be split across threads
    assert len(report) == len(posts)
    assert [post.index for post in report] == list(range(len(posts)))
    for n in (0, 1, 4999, 2500, 777):
        single = linter.lint_post(posts[n], network="x").to_dict()
        single["index"] = n
        assert report[n].to_dict() == single
    assert report[-1].index == 4999
    with pytest.raises(IndexError):
        report[5000]
    summary = report.summary
    assert summary["posts"] == 5000
    assert summary["warnings"] + summary["errors"] > 0


def test_lint_many_runs_while_other_threads_hold_the_gil() -> None:
    posts = ["hello #world"] * 20000
    results: list[int] = []
    worker = threading.Thread(target=lambda: results.append(len(postlint.Linter().lint_many(posts))))
    worker.start()
    worker.join()
    assert results == [20000]


def test_schedule_report() -> None:
    posts = [
        {"text": "Same words every day", "account": "a", "at": f"2026-11-{day:02}T09:00:00Z"}
        for day in (1, 2, 3)
    ] + [{"text": "No time here", "account": "a"}]
    report = postlint.lint_schedule(posts)
    assert report.schedule is not None
    duplicates = [d for d in report.schedule.diagnostics if d.rule == "duplicate-post"]
    assert duplicates and duplicates[0].posts == [0, 1, 2]
    assert duplicates[0].window == ("2026-11-01T09:00:00+00:00", "2026-11-03T09:00:00+00:00")
    assert report.schedule.stats["untimed"] == 1
    assert report.schedule.notes[0]["posts"] == [3]
    assert report.to_dict()["schedule"] == report.schedule.to_dict()
    assert json.loads(report.to_json()) == report.to_dict()
    assert postlint.Linter().lint_many(posts).schedule is None


def test_entities_match_twitter_text_shapes() -> None:
    found = postlint.entities("Hi @alice/team #rust $TSLA https://example.com 🎉")
    assert [h.text for h in found.hashtags] == ["rust"]
    assert [(m.text, m.list_slug) for m in found.mentions] == [("alice", "team")]
    assert [c.text for c in found.cashtags] == ["TSLA"]
    assert [u.text for u in found.urls] == ["https://example.com"]
    assert found.weighted_length == 53
    assert found.valid
    assert found.to_dict()["hashtags"][0]["span"]["char"] == [15, 20]


def test_config_as_dict_toml_and_path(tmp_path: Path) -> None:
    text = "Launch #a #b"
    strict = {"rules": {"hashtag-stuffing": {"max": {"x": 1}}}}
    toml = "[rules.hashtag-stuffing]\nmax = { x = 1 }\n"
    toml_file = tmp_path / "postlint.toml"
    toml_file.write_text(toml)
    json_file = tmp_path / "postlint.json"
    json_file.write_text(json.dumps(strict))
    for config in (strict, toml, toml_file, str(toml_file), json_file):
        rules = [d.rule for d in postlint.lint_post(text, network="x", config=config).diagnostics]
        assert rules == ["hashtag-stuffing"], config
    assert postlint.lint_post(text, network="x").diagnostics == []


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"rules": {"no-such-rule": {}}}, "invalid config at `rules.no-such-rule`: unknown rule"),
        ({"rules": {"hashtag-stuffing": {"max": {"x": -1}}}}, "rules.hashtag-stuffing"),
        ({"rules": {"hashtag-stuffing": {"max": {"x": float("nan")}}}}, "rules.hashtag-stuffing"),
        ({"rules": {"hashtag-stuffing": {"severity": 3}}}, "rules.hashtag-stuffing"),
        ({"colour": "blue"}, "colour"),
        ({"rules": {"spam-phrase": {"regexes": ["("]}}}, "regexes[0] `(` is not a valid regex"),
        ({"rules": {"spam-phrase": {"regexes": ["\\w{10000}{10000}"]}}}, "is too big"),
        ("rules = [", "invalid config"),
        ([1, 2], "expected a table of settings"),
        ({"brand": {"names": {1, 2}}}, "invalid config"),
        ("missing.toml", "missing.toml: cannot read config"),
    ],
)
def test_bad_config_raises_postlint_error(config: object, message: str) -> None:
    with pytest.raises(postlint.PostlintError, match=None) as raised:
        postlint.Linter(config)
    assert message in str(raised.value)
    assert isinstance(raised.value, ValueError)


@pytest.mark.parametrize(
    ("post", "message"),
    [
        ({"network": "x"}, "field `text`: is required"),
        ({"text": "a", "network": "myspace"}, "field `network`: unknown network `myspace`"),
        ({"text": "a", "at": "2026-11-20T09:00:00"}, "field `at`"),
        ({"text": 5}, "field `text`: expected a string, found a number"),
        ({"text": "a", "allow": ["nope"]}, "field `allow`: unknown rule `nope`"),
        (42, "expected an object, found a number"),
        ({"text": "a", "at": object()}, "field `post`"),
    ],
)
def test_bad_post_raises_postlint_error(post: object, message: str) -> None:
    with pytest.raises(postlint.PostlintError) as raised:
        postlint.lint_post(post)  # type: ignore[arg-type]
    assert message in str(raised.value)


def test_every_bad_post_of_a_batch_is_named() -> None:
    posts = ["fine", {"text": 1}, "fine", {"text": "x", "at": "soon"}]
    with pytest.raises(postlint.PostlintError) as raised:
        postlint.Linter().lint_many(posts)
    message = str(raised.value)
    assert message.startswith("posts[1]: field `text`")
    assert "posts[3]: field `at`" in message
    with pytest.raises(postlint.PostlintError, match="found a str"):
        postlint.Linter().lint_many("not a list")
    with pytest.raises(postlint.PostlintError, match="found int"):
        postlint.Linter().lint_many(5)  # type: ignore[arg-type]
    with pytest.raises(postlint.PostlintError, match="network: unknown network"):
        postlint.Linter().lint_many(["a"], network="myspace")


def test_hostile_text_gives_a_report() -> None:
    hostile = [
        "\x00" * 1000,
        "\u202e\u2066 bidi #tag\u2069",
        "#" + "a" * 100_000,
        "a" + "\u0301" * 50_000,
        " ".join(f"#t{n}" for n in range(10_000)),
    ]
    report = postlint.Linter().lint_many(hostile, network="x")
    assert len(report) == len(hostile)
    assert report[4].diagnostics[0].rule == "hashtag-stuffing"


def test_html_repr_highlights_spans_and_escapes_text() -> None:
    report = postlint.Linter().lint_many(["<b>hi</b> #a #b #c #d #e #f"], network="x")
    html = report._repr_html_()
    assert "&lt;b&gt;hi&lt;/b&gt;" in html
    assert "<mark" in html and "#c #d #e #f</mark>" in html
    assert "hashtag-stuffing" in report[0]._repr_html_()


def test_rules_lists_every_rule() -> None:
    names = {rule["name"]: rule for rule in postlint.rules()}
    assert names["hashtag-stuffing"]["kind"] == "post"
    assert names["duplicate-post"]["kind"] == "schedule"
    assert len(names) == 23
    assert postlint.__version__.count(".") == 2
