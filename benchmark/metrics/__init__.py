"""Metrics over match decisions: P/R/F1 (micro, macro), breakdowns, bootstrap confidence
intervals, precision-recall curves over confidence, and paired significance tests.

Every function takes :class:`~benchmark.metrics.outcomes.Outcome` records, so the same code
scores a fresh run and re-reads a results file (``bench compare``).
"""

from benchmark.metrics.outcomes import Outcome
from benchmark.metrics.prf import PRF, prf

__all__ = ["PRF", "Outcome", "prf"]
