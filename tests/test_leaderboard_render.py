"""LEADERBOARD.md rendering and the scatter plot, from synthetic rows (no scoring needed)."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from test_leaderboard_support import metadata_dict

from benchmark.leaderboard.plot import PlotPoint, f1_isoline, render_scatter_svg
from benchmark.leaderboard.render import render_leaderboard
from benchmark.leaderboard.rows import BoardContext, GroupRecall, LeaderboardRow, rank_rows
from benchmark.leaderboard.scores import Interval, Scores
from benchmark.leaderboard.submission import SubmissionMetadata

HOSTILE = "<img src=x onerror=alert(1)>|[x](javascript:y)"
CONTEXT = BoardContext(
    dataset_name="extractbench",
    dataset_version="1.0.0",
    dataset_sha256="0123456789ab" + "0" * 52,
    documents=1,
    required_facts=10,
    matcher_name="lenient",
    matcher_version="1.0.0",
    confidence_level=0.95,
    bootstrap_samples=1000,
    bootstrap_unit="gold fact",
)


def _row(
    slug: str, name: str, kind: str, tp: int, fp: int, url: str | None = None
) -> LeaderboardRow:
    fn = 10 - tp
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / 10
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    scores = Scores(p, r, f1, tp, fp, fn, tp + fp)
    extra = {"url": url} if url else {}
    data = metadata_dict(name=name, kind=kind, **extra)
    if not url:
        data.pop("url")
    return LeaderboardRow(
        slug=slug,
        metadata=SubmissionMetadata.from_dict(data),
        scores=scores,
        precision_ci=Interval(max(0.0, p - 0.1), min(1.0, p + 0.1)),
        recall_ci=Interval(max(0.0, r - 0.1), min(1.0, r + 0.1)),
        f1_ci=Interval(max(0.0, f1 - 0.1), min(1.0, f1 + 0.1)),
        groups=(
            GroupRecall("category", "casualties", tp // 2, 5),
            GroupRecall("category", "political", tp - tp // 2, 5),
            GroupRecall("modality", "asserted", tp, 10),
        ),
    )


ROWS = [
    _row("human", "Second annotator", "human", 9, 1),
    _row("rules", "Rules", "baseline", 4, 6),
    _row("hostile", HOSTILE, "LLM", 6, 2, url="https://example.org/x"),
    _row("null", "Null", "baseline", 0, 0),
]


def _html(markdown: str) -> str:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)


def test_rows_rank_by_f1_with_the_human_row_first_and_unranked() -> None:
    ranked = rank_rows(ROWS)
    assert [(r.slug, r.rank) for r in ranked] == [
        ("human", None),
        ("hostile", 1),
        ("rules", 2),
        ("null", 3),
    ]


@settings(max_examples=50, deadline=None)
@given(
    st.permutations(
        [*ROWS, _row("tie-b", "Tie", "neural", 4, 6), _row("tie-a", "Tie 2", "neural", 4, 6)]
    )
)
def test_ranking_and_page_do_not_depend_on_input_order(rows: list[LeaderboardRow]) -> None:
    baseline = [*ROWS, _row("tie-b", "Tie", "neural", 4, 6), _row("tie-a", "Tie 2", "neural", 4, 6)]
    assert render_leaderboard(rank_rows(rows), CONTEXT) == render_leaderboard(
        rank_rows(baseline), CONTEXT
    )


def test_the_hostile_name_is_inert_everywhere_on_the_page() -> None:
    page = render_leaderboard(rank_rows(ROWS), CONTEXT)
    rendered = _html(page)
    assert "<img src=x" not in rendered
    assert 'href="javascript' not in rendered
    hrefs = re.findall(r'href="([^"]*)"', rendered)
    assert set(hrefs) == {"https://example.org/x", "CONTRIBUTING.md#submitting-to-the-leaderboard"}
    assert HOSTILE in html.unescape(rendered)  # shown, literally


def test_every_table_row_has_as_many_cells_as_its_header() -> None:
    rendered = _html(render_leaderboard(rank_rows(ROWS), CONTEXT))
    for table in re.findall(r"<table>.*?</table>", rendered, flags=re.S):
        header_cells = len(re.findall(r"<th[ >]", table))
        for row in re.findall(r"<tr>.*?</tr>", table.split("<tbody>")[1], flags=re.S):
            assert len(re.findall(r"<td[ >]", row)) == header_cells


def test_the_main_table_shows_scores_intervals_and_marks() -> None:
    page = render_leaderboard(rank_rows(ROWS), CONTEXT)
    lines = {line.split(" | ")[1]: line for line in page.splitlines() if line.startswith("| ")}
    human = lines["Second annotator *(human, agreement ceiling)*"]
    assert human.startswith("| — |")
    assert "0.900 (0.80–1.00)" in human  # precision 9/10 with its interval
    rules = lines["Rules *(baseline)*"]
    assert rules.startswith("| 2 |")
    assert "| 0.400 (0.30–0.50) | 0.400 (0.30–0.50) | 0.400 (0.30–0.50) | 10 | baseline |" in rules
    assert "![Precision against recall, with F1 isolines](leaderboard/pr_scatter.svg)" in page
    assert "| casualties | 5 | 0.800 (4/5) | 0.600 (3/5) | 0.400 (2/5) | 0.000 (0/5) |" in page


def test_rendering_is_byte_identical_run_to_run() -> None:
    assert render_leaderboard(rank_rows(ROWS), CONTEXT) == render_leaderboard(
        rank_rows(list(ROWS)), CONTEXT
    )


@pytest.mark.parametrize("f1", [0.2, 0.5, 0.8])
def test_isoline_points_have_the_stated_f1(f1: float) -> None:
    xs, ys = f1_isoline(f1)
    assert xs
    for p, r in zip(xs, ys, strict=True):
        assert 2 * p * r / (p + r) == pytest.approx(f1, abs=1e-12)
        assert 0 <= r <= 1


def test_the_plot_is_byte_identical_and_carries_no_date_or_submission_text() -> None:
    points = [PlotPoint("H", 0.9, 0.9, "human"), PlotPoint("1", 0.75, 0.6, "system")]
    first = render_scatter_svg(points)
    assert first == render_scatter_svg(list(points))
    text = first.decode("utf-8")
    assert text.startswith("<?xml")
    assert "<dc:date>" not in text and "Matplotlib" not in text
    assert render_scatter_svg(points[:1]) != first  # the data is in the drawing
