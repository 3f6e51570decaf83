"""The entity guard, on the shipped gold: another entity in place of the gold's is a different
fact; added context or a related entity is not."""

from __future__ import annotations

from typing import Any

import pytest

from benchmark.data.loading import load_dataset
from benchmark.matching.protocol import MatchContext
from benchmark.matching.registry import get_matcher
from benchmark.model import Prediction

DATASET = load_dataset()
DOCUMENT = DATASET.documents[0]
GOLD = DATASET.gold_for(DOCUMENT.id)
CONTEXT = MatchContext(document=DOCUMENT, gold=GOLD)


def _reason(matcher: str, fact_id: str, **prediction: Any) -> str:
    result = get_matcher(matcher).score(
        Prediction(document_id=DOCUMENT.id, **prediction), GOLD.fact(fact_id), CONTEXT)
    return result.reason


@pytest.mark.parametrize("matcher", ["lenient", "exact"])
def test_the_right_entities_still_match(matcher: str) -> None:
    assert _reason(matcher, "f021", subject="French forces", predicate="had freed",
                   object="Timbuktu from Islamist militants") == "matched"


@pytest.mark.parametrize(
    ("fact_id", "prediction"),
    [
        # another city for Timbuktu
        ("f021", {"subject": "French forces", "predicate": "had freed",
                  "object": "Gao from Islamist militants"}),
        # another organisation for BFM
        ("f004", {"subject": "Le Drian", "predicate": "gave",
                  "object": "the number of casualties to CNN"}),
        # another place for Mali
        ("f013", {"statement": "France launched an offensive last month against militants "
                               "in Gao."}),
    ],
)
def test_a_substituted_entity_is_rejected(fact_id: str, prediction: dict[str, str]) -> None:
    assert _reason("lenient", fact_id, **prediction) == "entity_mismatch"


def test_a_substituted_person_already_fails_on_similarity() -> None:
    assert _reason("lenient", "f019",
                   statement="Laurent Fabius visited Timbuktu last week.") == "below_threshold"


def test_added_context_and_related_entities_are_not_substitutions() -> None:
    # "northern Mali" is related to the gold's "Mali" (their names share a word)
    assert _reason("lenient", "f040",
                   statement="The Islamist militants in northern Mali are linked to al Qaeda."
                   ) in ("matched", "optional")
    # an added place the fact holds in
    assert _reason("lenient", "f017",
                   statement="The French campaign in Mali is a ground campaign.") == "matched"
    # the alias the text does not write
    assert _reason("lenient", "f027", subject="French-led troops",
                   predicate="are working to secure", object="Kidal") == "matched"
