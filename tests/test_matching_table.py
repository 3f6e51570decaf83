"""The hand-written matcher table (tests/matcher_cases.py): what each matcher decides."""

from __future__ import annotations

import pytest
from matcher_cases import CASES, DOCUMENT_ID, Case, document, evaluate_table, gold

from benchmark.matching import MatchContext, get_matcher
from benchmark.matching.protocol import PAIR_REASONS

# Rows the lenient matcher gets wrong, kept in the table so the card's accuracy is honest.
LENIENT_KNOWN_FAILURES = {
    "one word of the object wrong":
        "slot overlap cannot tell 'historic shrines' from 'historic tombs' (object Dice 0.5)",
}


def test_the_table_is_large_and_covers_every_guard() -> None:
    assert len(CASES) >= 40
    assert len({c.name for c in CASES}) == len(CASES)
    expected = {c.expected for c in CASES}
    assert {"matched", "below_threshold", "number_mismatch", "negation_mismatch",
            "modality_mismatch", "role_swap"} <= expected
    assert expected <= set(PAIR_REASONS)
    assert sum(c.expected == "matched" for c in CASES) >= 20
    assert sum(c.expected != "matched" for c in CASES) >= 20


def test_every_case_points_at_a_fixture_fact() -> None:
    ids = {f.id for f in gold().facts}
    assert {c.gold_id for c in CASES} <= ids
    assert all(c.build().document_id == DOCUMENT_ID for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_lenient_decides_like_a_careful_reader(case: Case) -> None:
    if case.name in LENIENT_KNOWN_FAILURES:
        pytest.xfail(LENIENT_KNOWN_FAILURES[case.name])
    context = MatchContext(document=document(), gold=gold())
    result = get_matcher("lenient").score(case.build(), gold().fact(case.gold_id), context)
    assert result.reason == case.expected, result.detail


def test_known_failures_still_fail() -> None:
    """If a known failure starts passing, the list (and the metric card) must be updated."""
    reasons = dict(zip([c.name for c in CASES], evaluate_table("lenient").reasons, strict=True))
    expected = {c.name: c.expected for c in CASES}
    assert {name for name in LENIENT_KNOWN_FAILURES if reasons[name] != expected[name]} == \
        set(LENIENT_KNOWN_FAILURES)


def test_exact_never_matches_a_near_miss() -> None:
    result = evaluate_table("exact")
    wrong = [c.name for c, r in zip(CASES, result.reasons, strict=True)
             if c.expected != "matched" and r == "matched"]
    assert wrong == []


def test_exact_matches_normalised_equal_slots() -> None:
    by_name = dict(zip([c.name for c in CASES], evaluate_table("exact").reasons, strict=True))
    for name in ("same separator", "canonical entity", "hedged number kept", "short name",
                 "description for name", "Kidal for Kindal", "entity alias"):
        assert by_name[name] == "matched", name
    # No stemming, no voice change: these need the lenient matcher.
    for name in ("passive triple", "hedge dropped, inflection", "bare noun subject",
                 "plan with will and a date"):
        assert by_name[name] != "matched", name


@pytest.mark.parametrize("name", ["lenient", "exact"])
def test_batch_scores_equal_pair_scores(name: str) -> None:
    """score_matrix (what the scorer uses) and score (the protocol) agree on every pair."""
    matcher = get_matcher(name)
    predictions = [c.build() for c in CASES]
    facts = gold().facts
    context = MatchContext(document=document(), gold=gold())
    matrix = matcher.score_matrix(predictions, facts, context,  # type: ignore[attr-defined]
                                  matcher.default_threshold)
    for i, prediction in enumerate(predictions):
        for j, fact in enumerate(facts):
            single = matcher.score(prediction, fact, MatchContext(document(), gold()))
            batch = matrix.explain(i, j)
            assert (single.score, single.reason) == (batch.score, batch.reason)
            decisive = single.reason == "matched" or single.score < matcher.default_threshold
            assert matrix.scores[i, j] == pytest.approx(single.score if decisive else 0.0,
                                                        abs=1e-12)
