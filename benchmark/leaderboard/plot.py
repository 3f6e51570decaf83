"""The precision/recall scatter with F1 isolines, as byte-deterministic SVG.

Points carry short labels (the rank, ``H`` for the human row), never submission names: the
names are untrusted and the page's table maps labels to systems. Matplotlib is imported here
only, when the plot is drawn; the figure is built without pyplot so no global backend state is
touched, with a fixed hash salt and no date or creator metadata, so the same rows give the same
bytes on every run (of the same matplotlib version).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

F1_ISOLINES = (0.2, 0.4, 0.6, 0.8)
HASH_SALT = "extractbench"

# No timestamp, no version string: only the drawing goes into the file.
_SVG_METADATA: dict[str, str | None] = {
    "Date": None,
    "Creator": None,
    "Format": None,
    "Type": None,
    "Title": "extractbench leaderboard: precision and recall",
}

_STYLE: dict[str, tuple[str, str]] = {
    # kind -> (marker, colour); colours from the colour-blind-safe Okabe-Ito palette.
    "human": ("*", "#D55E00"),
    "baseline": ("s", "#999999"),
    "system": ("o", "#0072B2"),
}


@dataclass(frozen=True)
class PlotPoint:
    label: str
    precision: float
    recall: float
    style: str  # a key of _STYLE: "human", "baseline" or "system"


def f1_isoline(f1: float, samples: int = 200) -> tuple[list[float], list[float]]:
    """Points (precision, recall) with 2PR/(P+R) = f1, for precision in (f1/2, 1]."""
    precisions: list[float] = []
    recalls: list[float] = []
    low = f1 / 2
    for i in range(1, samples + 1):
        precision = low + (1 - low) * i / samples
        recall = f1 * precision / (2 * precision - f1)
        if 0 <= recall <= 1:
            precisions.append(precision)
            recalls.append(recall)
    return precisions, recalls


_VERSION_COMMENT = re.compile(rb"<!-- drawn with matplotlib ([^ ]+) -->")


class PlottingUnavailable(Exception):
    """matplotlib is not installed; the message says how to install it."""


def matplotlib_version() -> str:
    try:
        import matplotlib
    except ImportError:
        raise PlottingUnavailable(
            "matplotlib is not installed (pip install 'extractbench[plot]')"
        ) from None
    version: str = matplotlib.__version__
    return version


def drawn_with(svg: bytes) -> str | None:
    """The matplotlib version recorded in an SVG this module wrote, if any."""
    found = _VERSION_COMMENT.search(svg[:512])
    return found.group(1).decode("ascii", errors="replace") if found else None


def render_scatter_svg(points: Sequence[PlotPoint]) -> bytes:
    """The scatter as SVG bytes; identical input gives identical bytes.

    Bytes are identical only under one matplotlib version, so the version is recorded in a
    comment after the XML declaration (``bench check`` compares plots drawn with the same one).
    """
    version = matplotlib_version()
    svg = render_scatter(points, "svg")
    declaration, newline, rest = svg.partition(b"\n")
    comment = f"<!-- drawn with matplotlib {version} -->".encode("ascii")
    return declaration + newline + comment + newline + rest


def render_scatter(points: Sequence[PlotPoint], image_format: str) -> bytes:
    """The scatter in any format matplotlib writes (PNG is handy for a look at it)."""
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(
        {
            "svg.hashsalt": HASH_SALT,
            "svg.fonttype": "path",  # glyphs as paths: no dependence on the viewer's fonts
            "font.family": "DejaVu Sans",  # ships with matplotlib
            "font.size": 9,
            "path.simplify": False,
        }
    ):
        figure = Figure(figsize=(5.0, 5.4), dpi=72)
        figure.subplots_adjust(left=0.12, right=0.97, top=0.93, bottom=0.17)
        axes = figure.add_subplot()
        for f1 in F1_ISOLINES:
            xs, ys = f1_isoline(f1)
            axes.plot(xs, ys, color="#CCCCCC", linewidth=0.8, zorder=1)
            # labelled where the curve crosses the diagonal, P = R = F1
            axes.annotate(
                f"F1={f1:.1f}",
                xy=(f1, f1),
                xytext=(2, 2),
                textcoords="offset points",
                color="#888888",
                fontsize=7,
            )
        for style, (marker, colour) in _STYLE.items():
            chosen = [p for p in points if p.style == style]
            if not chosen:
                continue
            axes.scatter(
                [p.precision for p in chosen],
                [p.recall for p in chosen],
                marker=marker,
                color=colour,
                s=60 if style == "human" else 36,
                zorder=3,
                label=style,
            )
            for point in chosen:
                axes.annotate(
                    point.label,
                    xy=(point.precision, point.recall),
                    xytext=(4, 4),
                    textcoords="offset points",
                    fontsize=8,
                    zorder=4,
                )
        axes.set_xlim(0, 1.02)
        axes.set_ylim(0, 1.02)
        axes.set_aspect("equal")
        axes.set_xlabel("Precision")
        axes.set_ylabel("Recall")
        axes.set_title("Precision and recall (lenient matcher)")
        axes.grid(True, color="#EEEEEE", linewidth=0.5, zorder=0)
        if points:
            figure.legend(loc="lower center", ncol=3, fontsize=8, frameon=False)
        buffer = io.BytesIO()
        metadata = _SVG_METADATA if image_format == "svg" else {}
        figure.savefig(buffer, format=image_format, metadata=metadata)
    return buffer.getvalue()
