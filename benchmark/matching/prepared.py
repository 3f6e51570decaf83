"""Per-document precomputation shared by the built-in matchers, cached in the MatchContext."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain

from benchmark.matching.entities import EntityIndex
from benchmark.matching.features import FactFeatures, PredictionFeatures, ValueFormsCache
from benchmark.matching.lexicon import DocumentLexicon, content_stems, is_content
from benchmark.matching.protocol import MatchContext
from benchmark.matching.text import words
from benchmark.model.gold import Fact
from benchmark.model.prediction import Prediction


@dataclass
class PreparedDocument:
    """Entity index, IDF weights (document sentences + gold statements) and feature caches."""

    # the document's gold facts, not the context: the context caches this object, and a
    # reference back would make a cycle that only the cyclic collector frees
    facts: tuple[Fact, ...]
    lexicon: DocumentLexicon
    # by object identity: the document's gold facts live as long as the context, and hashing
    # a fact (all its nested fields) costs more than its features
    _facts: dict[int, tuple[Fact, FactFeatures]] = field(default_factory=dict)
    # the forms of each slot value of the document's facts
    _value_forms: ValueFormsCache = field(default_factory=dict)
    _idf: dict[str, float] | None = None
    _default_idf: float = 1.0

    @property
    def entities(self) -> EntityIndex:
        return self.lexicon.entities

    def fact(self, fact: Fact) -> FactFeatures:
        known = self._facts.get(id(fact))
        if known is not None and known[0] is fact:
            return known[1]
        features = FactFeatures(fact, self.lexicon, self._value_forms)
        self._facts[id(fact)] = (fact, features)
        return features

    def prediction(self, prediction: Prediction) -> PredictionFeatures:
        return PredictionFeatures(prediction, self.lexicon)

    def idf(self) -> tuple[dict[str, float], float]:
        """Smoothed IDF as scikit-learn computes it: ln((1 + n) / (1 + df)) + 1."""
        if self._idf is None:
            sentences = _sentences(self.lexicon.text)
            canonical = self.lexicon.canonical
            # each token once per sentence and per gold statement: document frequency
            df = Counter(chain.from_iterable(map(set, chain(
                map(canonical, sentences), (self.fact(fact).statement for fact in self.facts)))))
            n = len(sentences) + len(self.facts)
            # (few distinct frequencies: each one's weight computed once)
            weight = {d: math.log((1 + n) / (1 + d)) + 1 for d in set(df.values())}
            self._idf = {t: weight[d] for t, d in df.items()}
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
        names = frozenset(w for entity in context.gold.entities
                          for form in entity.surface_forms() for w in words(form))
        known = frozenset(words(context.text)) | names
        lexicon = DocumentLexicon(index, context.publication_date, context.text,
                                  known if context.document is not None else None, names)
        prepared = PreparedDocument(facts=context.gold.facts, lexicon=lexicon)
        context.cache["prepared"] = prepared
    return prepared
