"""Untrusted metadata text must come out of escape_cell as inert, faithful table-cell text."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from benchmark.leaderboard.escaping import clean_text, cut, escape_cell, safe_url

HOSTILE = "<img src=x onerror=alert(1)>|[x](javascript:y)"


def _render_row(cell: str) -> str:
    """HTML of a two-column table whose first body cell is ``cell``."""
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return parser.render(f"| a | b |\n| --- | --- |\n| {cell} | end |\n")


def _body_cells(rendered: str) -> list[str]:
    body = rendered.split("<tbody>", 1)[1]
    return re.findall(r"<td>(.*?)</td>", body, flags=re.S)


def test_the_hostile_name_renders_as_its_literal_characters() -> None:
    rendered = _render_row(escape_cell(HOSTILE))
    assert "<img" not in rendered
    assert "href" not in rendered
    cells = _body_cells(rendered)
    assert len(cells) == 2
    assert html.unescape(cells[0]) == HOSTILE


@pytest.mark.parametrize(
    ("raw", "forbidden"),
    [
        ("`code`", "<code>"),
        ("![i](https://e.org/x.png)", "<img"),
        ("[l](https://e.org)", "<a "),
        ("<https://e.org>", "<a "),
        ("https://e.org/path", "<a "),
        ("**bold** _em_", "<strong>"),
        ("~~gone~~", "<s>"),
        ("<script>alert(1)</script>", "<script>"),
    ],
)
def test_markdown_and_html_constructs_stay_text(raw: str, forbidden: str) -> None:
    rendered = _render_row(escape_cell(raw))
    assert forbidden not in rendered
    assert html.unescape(_body_cells(rendered)[0]) == raw


def test_newlines_and_control_characters_do_not_break_the_row() -> None:
    raw = "line one\nline two\r\n| x |\x00\x1b[31m\u2028end\u202e"
    cell = escape_cell(raw)
    assert "\n" not in cell and "\r" not in cell
    assert "\x00" not in cell and "\x1b" not in cell and "\u202e" not in cell
    assert len(_body_cells(_render_row(cell))) == 2


def test_overlong_text_is_cut_to_the_limit_with_an_ellipsis() -> None:
    assert cut("abcdefghij", 5) == "abcd…"
    assert cut("abcde", 5) == "abcde"
    assert html.unescape(_body_cells(_render_row(escape_cell("x" * 500, 48)))[0]) == "x" * 47 + "…"


def test_cutting_happens_before_escaping_so_no_entity_is_split() -> None:
    cell = escape_cell("a" * 9 + "<", 10)
    assert cell == "a" * 9 + "&lt;"
    assert escape_cell("a" * 10 + "<", 10) == "a" * 9 + "…"


def test_gfm_autolink_triggers_are_broken_by_numeric_references() -> None:
    # markdown-it here has no linkify; GitHub does, so the escaped form itself is checked
    cell = escape_cell("see https://evil.org, WWW.evil.org or me@evil.org", 100)
    assert cell == "see https&#58;//evil.org, WWW&#46;evil.org or me&#64;evil.org"
    assert html.unescape(cell) == "see https://evil.org, WWW.evil.org or me@evil.org"


def test_blank_text_becomes_a_dash() -> None:
    assert escape_cell(" \n\t\u200b") == "—"


def test_clean_text_collapses_whitespace_and_drops_format_characters() -> None:
    assert clean_text("  a\t\tb \u200d c\n") == "a b c"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/sys?v=1#top", "https://example.org/sys?v=1#top"),
        ("javascript:alert(1)", None),
        ("http://example.org", None),
        ("https://e.org/a)(b", None),
        ("https://e.org/a b", None),
        ("https://e.org/<x>", None),
        (None, None),
    ],
)
def test_only_plain_https_urls_become_links(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120), st.integers(min_value=1, max_value=80))
def test_any_text_renders_as_one_inert_cell_showing_the_cleaned_cut_text(
    raw: str, limit: int
) -> None:
    cell = escape_cell(raw, limit)
    rendered = _render_row(cell)
    cells = _body_cells(rendered)
    assert len(cells) == 2, rendered
    for tag in ("<a ", "<img", "<code", "<em", "<strong", "<s>", "<br"):
        assert tag not in cells[0]
    shown = html.unescape(cells[0])
    expected = cut(clean_text(raw), limit) or "—"
    assert shown == expected
