"""Make untrusted submission text inert inside a Markdown table cell.

Metadata comes from pull requests, so a name like ``<img src=x onerror=alert(1)>|[x](javascript:y)``
must render as those literal characters: no HTML, no link or image, no code span, no extra
table column and no line break. Control and format characters (bidi overrides, zero-width
joiners) are dropped or turned into spaces, so what a reviewer sees is what the page shows.
"""

from __future__ import annotations

import re
import unicodedata

# Characters HTML would interpret: written as entities so they never form a tag or entity.
_HTML_ENTITIES: dict[str, str] = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}

# ASCII punctuation Markdown gives meaning to inside a line (emphasis, links, images, code
# spans, table cells, strikethrough); a backslash makes each literal (CommonMark 2.4). List and
# heading markers matter only at the start of a line, which a table cell never is.
_MARKDOWN_PUNCTUATION = frozenset("\\`*_{}[]()#!|~")

# GFM turns `scheme://...`, `www.` and e-mail addresses in plain text into links, which
# backslashes do not prevent; a numeric reference for the ':' of '://', the '.' of 'www.' and
# every '@' breaks the pattern while showing the same character.
_AUTOLINK_TRIGGERS = re.compile(r":(?=//)|(?<=www)\.|@", flags=re.IGNORECASE)

_WHITESPACE = re.compile(r"\s+")

ELLIPSIS = "…"


def clean_text(text: str) -> str:
    """Drop format characters, turn control and line/paragraph separators into spaces,
    and collapse runs of whitespace: the result is one line of visible text."""
    out: list[str] = []
    for char in text:
        category = unicodedata.category(char)
        if category == "Cf":
            continue
        out.append(" " if category in ("Cc", "Zl", "Zp") else char)
    return _WHITESPACE.sub(" ", "".join(out)).strip()


def cut(text: str, limit: int) -> str:
    """``text`` if it has at most ``limit`` code points, else its start and an ellipsis."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + ELLIPSIS


def escape_markdown(text: str) -> str:
    """Escape every character of one line of text that Markdown or HTML could interpret."""
    out: list[str] = []
    for position, char in enumerate(text):
        if char in _HTML_ENTITIES:
            out.append(_HTML_ENTITIES[char])
        elif _AUTOLINK_TRIGGERS.match(text, position):
            out.append(f"&#{ord(char)};")
        elif char in _MARKDOWN_PUNCTUATION:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def escape_cell(text: str, limit: int = 60) -> str:
    """Untrusted text as an inert table cell: cleaned, cut to ``limit`` code points, escaped.

    Cutting happens before escaping so an entity or backslash escape is never split. An empty
    result becomes an em dash, so a cell is never blank.
    """
    escaped = escape_markdown(cut(clean_text(text), limit))
    return escaped or "—"


_SAFE_URL = re.compile(r"^https://[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+$")


def safe_url(url: str | None, limit: int = 300) -> str | None:
    """``url`` when it is a plain https URL safe as a Markdown link destination, else None.

    The submission schema already restricts URLs; this is the renderer's own guard, so a
    ``javascript:`` link or one that breaks out of ``(...)`` never reaches the page.
    """
    if url is None or len(url) > limit or not _SAFE_URL.match(url):
        return None
    return url
