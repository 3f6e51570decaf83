"""Per-document precomputation shared by the built-in matchers, cached in the MatchContext."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from benchmark.matching.entities import EntityIndex
from benchmark.matching.features import (
    DocumentLexicon,
    FactFeatures,
    PredictionFeatures,
    content_stems,
    fact_features,
    is_content,
    prediction_features,
)
from benchmark.matching.protocol import MatchContext
from benchmark.matching.text import words
from benchmark.model.gold import Fact
from benchmark.model.prediction import Prediction


@dataclass
class PreparedDocument:
    """Entity index, IDF weights (document sentences + gold statements) and feature caches."""

    context: MatchContext
    entities: EntityIndex
    lexicon: DocumentLexicon
    _facts: dict[Fact, FactFeatures] = field(default_factory=dict)
    _idf: dict[str, float] | None = None
    _default_idf: float = 1.0

    def fact(self, fact: Fact) -> FactFeatures:
        features = self._facts.get(fact)
        if features is None:
            features = fact_features(fact, self.lexicon)
            self._facts[fact] = features
        return features

    def prediction(self, prediction: Prediction) -> PredictionFeatures:
        return prediction_features(prediction, self.lexicon)

    def idf(self) -> tuple[dict[str, float], float]:
        """Smoothed IDF as scikit-learn computes it: ln((1 + n) / (1 + df)) + 1."""
        if self._idf is None:
            units = [*_sentences(self.context.text),
                     *(f.statement for f in self.context.gold.facts)]
            df: Counter[str] = Counter()
            for unit in units:
                df.update(set(self.entities.canonicalise(content_stems(unit))))
            n = len(units)
            self._idf = {t: math.log((1 + n) / (1 + d)) + 1 for t, d in df.items()}
            self._default_idf = math.log(1 + n) + 1
        return self._idf, self._default_idf


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    for line in text.split("\n"):
        out.extend(s for s in line.replace("? ", ". ").split(". ") if s.strip())
    return out


def prepare(context: MatchContext) -> PreparedDocument:
    prepared = context.cache.get("prepared")
    if not isinstance(prepared, PreparedDocument):
        index = EntityIndex.build(context.gold.entities, content_stems, is_content)
        known = {*words(context.text), *(w for entity in context.gold.entities
                                         for form in entity.surface_forms()
                                         for w in words(form))}
        lexicon = DocumentLexicon(index, context.publication_date, context.text,
                                  frozenset(known) if context.document is not None else None)
        prepared = PreparedDocument(context=context, entities=index, lexicon=lexicon)
        context.cache["prepared"] = prepared
    return prepared
