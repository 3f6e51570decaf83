"""Deciding whether a predicted fact expresses a gold fact, and pairing them one to one.

Modules: text (normalisation, stemmer, cues), numbers (counts and dates), entities (surface
forms), features, guards, protocol (MatchScore, Matcher, MatchContext), exact, lenient,
registry (entry points), assignment (maximum-weight one-to-one pairing).
"""

from benchmark.matching.protocol import (
    PREDICTION_REASONS,
    REASONS,
    BatchMatcher,
    MatchContext,
    Matcher,
    MatchScore,
    ScoreMatrix,
)
from benchmark.matching.registry import available_matchers, get_matcher

__all__ = [
    "PREDICTION_REASONS",
    "REASONS",
    "BatchMatcher",
    "MatchContext",
    "MatchScore",
    "Matcher",
    "ScoreMatrix",
    "available_matchers",
    "get_matcher",
]
