"""The exact matcher: normalised slot equality against the canonical slots, accepted
alternatives or entity surface forms. Normalisation folds case, Unicode quotes and dashes,
whitespace and articles; nothing else (no stemming, no voice changes).

The score is the fraction of the three slots that are equal (1 for an equal statement when the
prediction has no triple), so near misses stay visible; the threshold is 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from benchmark.matching.entities import EntityIndex
from benchmark.matching.features import SLOTS
from benchmark.matching.guards import first_guard_failure
from benchmark.matching.prepared import prepare
from benchmark.matching.protocol import MatchContext, MatchScore, ScoreMatrix
from benchmark.matching.text import ARTICLES, words
from benchmark.model.gold import Fact
from benchmark.model.prediction import Prediction


def _exact_tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in words(text) if t not in ARTICLES)


def _exact_index(context: MatchContext) -> EntityIndex:
    index = context.cache.get("exact_entities")
    if not isinstance(index, EntityIndex):
        index = EntityIndex.build(context.gold.entities, _exact_tokens,
                                  lambda t: t not in ARTICLES and len(t) > 0
                                  and t not in {"he", "she", "it", "its", "his", "her", "they",
                                                "their", "them", "who", "which", "that"})
        context.cache["exact_entities"] = index
    return index


class ExactMatcher:
    name = "exact"
    # 1.1: entity guard; 1.2: attempt guard, hedge sides, unknown names; 1.3: days of months;
    # 1.4: refusals as negation (an unnamed source's cue and "declined to" an amount set
    # aside), vague amounts ("several hundred", "a few dozen"), a gold time read from its ISO
    # value, a fear triple's guards read from it as one statement
    version = "1.4.0"
    default_threshold = 1.0

    def settings(self) -> dict[str, Any]:
        return {"normalisation": "NFKD without accents, case, quotes, dashes, whitespace, articles"}

    def score(self, prediction: Prediction, fact: Fact, context: MatchContext) -> MatchScore:
        matrix = self.score_matrix([prediction], [fact], context, self.default_threshold)
        return matrix.explain(0, 0)

    def score_matrix(self, predictions: Sequence[Prediction], facts: Sequence[Fact],
                     context: MatchContext, threshold: float) -> ScoreMatrix:
        import numpy as np

        index = _exact_index(context)
        prepared = prepare(context)

        def form(text: str | None) -> tuple[str, ...]:
            return index.canonicalise(_exact_tokens(text or ""))

        gold_slots = [{slot: {form(v) for v in f.slot_values(slot)} for slot in SLOTS}
                      for f in facts]
        gold_statements = [form(f.statement) for f in facts]
        n_p, n_f = len(predictions), len(facts)
        base = np.zeros((n_p, n_f))
        swapped = np.zeros((n_p, n_f))
        for i, p in enumerate(predictions):
            if p.has_triple:
                s, pr, o = form(p.subject), form(p.predicate), form(p.object)
                for j, g in enumerate(gold_slots):
                    base[i, j] = ((s in g["subject"]) + (pr in g["predicate"])
                                  + (o in g["object"])) / 3
                    swapped[i, j] = ((o in g["subject"]) + (pr in g["predicate"])
                                     + (s in g["object"])) / 3
            else:
                statement = form(p.statement)
                for j, gs in enumerate(gold_statements):
                    base[i, j] = float(statement == gs)
        similarity = np.maximum(base, swapped)

        def equal_slots(i: int, j: int) -> tuple[float, float, float] | None:
            p = predictions[i]
            if not p.has_triple:
                return None
            g = gold_slots[j]
            s, pr, o = (float(form(v) in g[slot])
                        for v, slot in zip((p.subject, p.predicate, p.object), SLOTS, strict=True))
            return (s, pr, o)
        pfs = [prepared.prediction(p) for p in predictions] if n_f else []
        ffs = [prepared.fact(f) for f in facts]
        scores = base.copy()
        for i, j in zip(*np.nonzero(base >= threshold), strict=False):
            if first_guard_failure(pfs[i], ffs[j], check_roles=False,
                                   kinds=prepared.entities.kinds):
                scores[i, j] = 0.0

        def explain(i: int, j: int) -> MatchScore:
            value, sim = float(base[i, j]), float(similarity[i, j])
            slots = equal_slots(i, j)
            kind = "slots equal" if predictions[i].has_triple else "statement equal"
            detail = f"{kind}: {value:.3f} (threshold {threshold:g})"
            if value >= threshold:
                failure = first_guard_failure(pfs[i], ffs[j], check_roles=False,
                                   kinds=prepared.entities.kinds)
                if failure is not None:
                    return MatchScore(0.0, failure[0], f"{failure[1]}; {detail}", sim, slots)
                return MatchScore(value, "matched", detail, sim, slots)
            if swapped[i, j] >= threshold:
                return MatchScore(value, "role_swap", f"subject and object exchanged; {detail}",
                                  sim, slots)
            return MatchScore(value, "below_threshold", detail, sim, slots)

        return ScoreMatrix(scores, similarity, explain)
