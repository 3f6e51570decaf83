"""Synthetic documents, gold facts and predictions for scaling benchmarks and property tests.

Each document gets its own entities (with two or three surface forms), gold facts over a
Zipf-distributed vocabulary (so facts share common words, as news facts do), and predictions
that are a realistic mix: paraphrases of gold facts (another surface form, inflection, number
format), near misses (wrong number, negation or modality flipped, roles swapped), unrelated
facts, and statement-only predictions. Everything is a function of the seed.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from itertools import accumulate

from benchmark.model import (
    Dataset,
    Document,
    Entity,
    Fact,
    GoldSet,
    Prediction,
    Qualifiers,
    Quantity,
    Span,
)

_SYLLABLES = ("ka", "lo", "mi", "ra", "to", "ne", "su", "vi", "da", "re", "po", "li", "an",
              "or", "el", "ul", "ba", "ge", "fi", "zo")
_VERBS = ("control", "attack", "visit", "secure", "support", "report", "launch", "free",
          "hold", "capture", "train", "supply", "leave", "enter", "protect", "close", "open",
          "build", "destroy", "join", "fund", "lead", "watch", "ban", "claim", "deny", "reach",
          "cross", "defend", "seize")
_MODALITIES = ("asserted", "asserted", "asserted", "reported", "expected", "negated",
               "hypothetical")
_CATEGORIES = ("military_action", "troop_deployment", "territorial_control", "political",
               "background")


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))


@dataclass(frozen=True)
class SyntheticConfig:
    documents: int = 10
    facts: int = 50
    predictions: int = 50
    vocabulary: int = 3000
    seed: int = 0


def _vocabulary(config: SyntheticConfig) -> tuple[list[str], list[float]]:
    rng = random.Random(config.seed)
    words = list(dict.fromkeys(_word(rng) for _ in range(config.vocabulary * 2)))
    words = words[:config.vocabulary]
    # Zipf weights as running totals: random.choices then skips summing 3,000 weights per
    # call (the same draws as passing the weights themselves)
    cumulative = list(accumulate(1.0 / (rank + 1) for rank in range(len(words))))
    return words, cumulative


def _document(index: int, config: SyntheticConfig, words: list[str],
              cumulative: list[float]) -> tuple[Document, GoldSet, list[Prediction]]:
    rng = random.Random(config.seed * 1_000_003 + index)
    doc_id = f"synthetic-{index:06d}"

    def phrase(n: int) -> str:
        return " ".join(rng.choices(words, cum_weights=cumulative, k=n))

    entity_names = [phrase(rng.randint(1, 2)).title() for _ in range(12)]
    facts: list[Fact] = []
    sentences: list[str] = []
    for k in range(config.facts):
        subject_entity = rng.randrange(len(entity_names))
        object_entity = rng.randrange(len(entity_names))
        verb = rng.choice(_VERBS)
        count = rng.choice([None, None, rng.randint(2, 5000)])
        obj = f"{entity_names[object_entity]} {phrase(rng.randint(0, 3))}".strip()
        if count is not None:
            obj = f"{count:,} {phrase(1)} near {obj}"
        modality = rng.choice(_MODALITIES)
        predicate = {"expected": f"will {verb}", "hypothetical": f"could {verb}"}.get(
            modality, f"{verb}ed")
        said = f"did not {verb}" if modality == "negated" else predicate
        statement = f"{entity_names[subject_entity]} {said} {obj}."
        sentences.append(statement)
        facts.append(Fact(
            id=f"f{k:03d}", statement=statement, subject=entity_names[subject_entity],
            predicate=verb + "ed" if modality == "negated" else predicate, object=obj,
            modality=modality,  # type: ignore[arg-type]
            evidence=(Span(0, 1),), category=rng.choice(_CATEGORIES),
            qualifiers=Qualifiers(quantity=Quantity("items", value=float(count)))
            if count is not None else Qualifiers(),
            required=rng.random() > 0.2))
    text = " ".join(sentences)
    entities = tuple(
        Entity(id=f"e{k:02d}", name=name, type="group",
               mentions=(Span(0, 1, None),), aliases=(f"the {name.split()[0].lower()} group",))
        for k, name in enumerate(entity_names))
    document = Document(id=doc_id, text=text, metadata={"publication_date": "2013-02-06"})
    gold = GoldSet(document_id=doc_id, entities=entities, facts=tuple(facts))
    predictions = [_prediction(rng, doc_id, facts, entity_names, phrase)
                   for _ in range(config.predictions)]
    return document, gold, predictions


def _prediction(rng: random.Random, doc_id: str, facts: list[Fact], entity_names: list[str],
                phrase: object) -> Prediction:
    fact = rng.choice(facts)
    roll = rng.random()
    subject, predicate, obj = fact.subject, fact.predicate, fact.object
    negated = fact.modality == "negated"
    if roll < 0.15:  # another surface form of the subject
        subject = f"the {subject.split()[0].lower()} group"
    elif roll < 0.25:  # number written without separators
        obj = obj.replace(",", "")
    elif roll < 0.35:  # wrong number
        obj = obj.replace("0", "7") if "0" in obj else f"12 {obj}"
    elif roll < 0.42:  # negation flipped
        negated = not negated
    elif roll < 0.5:  # roles swapped
        subject, obj = obj, subject
    elif roll < 0.6:  # unrelated fact
        subject = rng.choice(entity_names)
        obj = rng.choice(entity_names)
    if roll > 0.8:  # statement only
        verb = predicate.split()[-1]
        statement = f"{subject} {'did not ' + verb if negated else predicate} {obj}."
        return Prediction(document_id=doc_id, statement=statement,
                          confidence=round(rng.random(), 3))
    modality = "negated" if negated else ("asserted" if fact.modality == "negated"
                                          else fact.modality)
    return Prediction(document_id=doc_id, subject=subject, predicate=predicate, object=obj,
                      modality=modality, confidence=round(rng.random(), 3))


def synthetic_dataset(config: SyntheticConfig) -> tuple[Dataset, list[Prediction]]:
    """A dataset of ``config.documents`` documents and predictions for all of them."""
    words, cumulative = _vocabulary(config)
    documents, golds, predictions = [], [], []
    for index in range(config.documents):
        document, gold, made = _document(index, config, words, cumulative)
        documents.append(document)
        golds.append(gold)
        predictions.extend(made)
    fingerprint = hashlib.sha256(repr(config).encode()).hexdigest()
    dataset = Dataset(name="synthetic", version="0.0.0", documents=tuple(documents),
                      gold=tuple(golds), sha256=fingerprint)
    return dataset, predictions
