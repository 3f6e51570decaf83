"""Predictions + dataset + matcher -> one decision per prediction and per gold fact, and metrics.

Within each document, predictions and gold facts are paired one to one by maximum-weight
assignment over pairs scoring at least the threshold. Every prediction gets a reason
(``benchmark.matching.protocol.PREDICTION_REASONS``); every gold fact gets a status
(``GOLD_STATUSES``) and its nearest miss.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from benchmark.matching.assignment import assign
from benchmark.matching.protocol import (
    BatchMatcher,
    MatchContext,
    Matcher,
    MatchScore,
    ScoreMatrix,
)
from benchmark.metrics.bootstrap import DEFAULT_SAMPLES, check_samples
from benchmark.metrics.outcomes import Outcome
from benchmark.metrics.summary import Metrics, compute_metrics
from benchmark.model.dataset import Dataset
from benchmark.model.document import Document
from benchmark.model.gold import Fact, GoldSet
from benchmark.model.prediction import Prediction
from benchmark.model.qualifiers import Qualifiers

GOLD_STATUSES: dict[str, str] = {
    "matched": "a prediction was paired with this required fact (TP)",
    "missed": "no prediction was paired with this required fact (FN)",
    "optional_matched": "a prediction was paired with this optional fact (not counted)",
    "optional_unmatched": "no prediction for this optional fact (not counted)",
}
SLOT_AGREES = 0.5  # a slot "agrees" (slot accuracy) when its own score reaches this


@dataclass(frozen=True, slots=True)
class Nearest:
    gold_id: str
    score: float


@dataclass(frozen=True, slots=True)
class NearMiss:
    prediction_index: int
    score: float
    reason: str


@dataclass(frozen=True, slots=True)
class PredictionDecision:
    """``index``: position of the prediction in the scored sequence (its line among the
    file's predictions). ``outcome``: tp, fp or ignored (matched an optional fact)."""

    document_id: str
    index: int
    prediction: Prediction
    gold_id: str | None
    score: float
    reason: str
    detail: str
    nearest: Nearest | None
    outcome: str
    slots: tuple[float, float, float] | None = None


@dataclass(frozen=True, slots=True)
class GoldDecision:
    document_id: str
    gold_id: str
    required: bool
    status: str
    prediction_index: int | None
    score: float | None
    nearest_miss: NearMiss | None
    category: str
    modality: str
    segments: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Scoring:
    matcher: str
    matcher_version: str
    threshold: float
    seed: int
    predictions: tuple[PredictionDecision, ...]
    gold: tuple[GoldDecision, ...]
    metrics: Metrics


def resolve_matcher(matcher: str | Matcher) -> Matcher:
    if isinstance(matcher, str):
        from benchmark.matching.registry import get_matcher

        return get_matcher(matcher)
    return matcher


def _matrix(matcher: Matcher, predictions: Sequence[Prediction], facts: Sequence[Fact],
            context: MatchContext, threshold: float) -> ScoreMatrix:
    if isinstance(matcher, BatchMatcher):
        return matcher.score_matrix(predictions, facts, context, threshold)
    import numpy as np

    results = [[matcher.score(p, f, context) for f in facts] for p in predictions]
    scores = np.array([[r.score for r in row] for row in results]).reshape(len(predictions),
                                                                           len(facts))
    similarity = np.array([[r.closeness for r in row] for row in results]).reshape(scores.shape)
    return ScoreMatrix(scores, similarity, lambda i, j: results[i][j])


def _segments(fact: Fact, document: Document | None) -> tuple[str, ...]:
    if document is None:
        return ()
    kinds = []
    for span in fact.evidence:
        segment = document.segment_at(span.start)
        if segment is not None and segment.kind != "boilerplate":
            kinds.append(segment.kind)
    return tuple(sorted(set(kinds)))


_NO_QUALIFIERS = repr(Qualifiers())


def _content_key(p: Prediction) -> tuple[Any, ...]:
    """What a prediction says (everything but its position and confidence)."""
    # (most predictions have no qualifiers; the repr of a dataclass costs microseconds)
    qualifiers = _NO_QUALIFIERS if p.qualifiers.is_empty() else repr(p.qualifiers)
    return (p.subject or "", p.predicate or "", p.object or "", p.statement or "",
            p.modality or "", p.attribution or "", qualifiers, repr(p.evidence))


def _canonical_order(items: list[tuple[int, Prediction]]
                     ) -> list[tuple[tuple[Any, ...], int, Prediction]]:
    """(content key, position, prediction) in content order, so the assignment does not
    depend on the order of the input lines; among copies of one content, the most confident
    first."""
    def rank(item: tuple[tuple[Any, ...], int, Prediction]) -> tuple[Any, ...]:
        key, position, prediction = item
        confidence = prediction.confidence
        return (*key, (0, -confidence) if confidence is not None else (1, 0.0), position)

    return sorted(((_content_key(prediction), position, prediction)
                   for position, prediction in items), key=rank)


# A document's decisions travel as plain tuples (from a worker to the parent; see _expand):
# building a frozen dataclass costs several times more than a tuple, and pickling one more
# again. Prediction row: (index, gold_id, score, reason, detail, (nearest gold_id, closeness)
# or None, outcome, slots); gold row: GoldDecision's fields in order, the nearest miss as a
# tuple; outcome row: Outcome's fields in order.
_Row = tuple[Any, ...]
_Compact = tuple[list[_Row], list[_Row], list[_Row]]


def _copy_row(position: int, original: _Row) -> _Row:
    """A prediction saying exactly what an earlier one says is never credited again (else
    repeating a prediction could collect several similar gold facts)."""
    index, gold_id, score, reason, detail, nearest, outcome, _ = original
    if outcome in ("tp", "ignored"):
        return (position, None, score, "duplicate",
                f"same content as prediction {index}, already credited to {gold_id}", nearest,
                "fp", None)
    return (position, None, score, reason, f"same content as prediction {index}: {detail}",
            nearest, "fp", None)


def _score_document(matcher: Matcher, threshold: float, document: Document | None,
                    gold: GoldSet, items: list[tuple[int, Prediction]]) -> _Compact:
    # (a copy has its own confidence)
    confidence = {position: prediction.confidence for position, prediction in items}
    representatives: list[tuple[int, Prediction]] = []
    copies: list[tuple[int, int]] = []  # (position, representative)
    seen: dict[tuple[Any, ...], int] = {}
    for key, position, prediction in _canonical_order(items):
        if key in seen:
            copies.append((position, seen[key]))
        else:
            seen[key] = len(representatives)
            representatives.append((position, prediction))
    items = representatives
    facts = gold.facts
    context = MatchContext(document=document, gold=gold)
    predictions = [p for _, p in items]
    matrix = _matrix(matcher, predictions, facts, context, threshold)
    pairs = assign(matrix.scores, threshold, [f.required for f in facts]) if facts else []
    by_prediction = dict(pairs)
    by_fact = {j: i for i, j in pairs}
    # per prediction: its best score (and the first fact with it) and its nearest fact; per
    # fact: the prediction nearest to it, the earliest in the file among equals
    if facts and predictions:
        import numpy as np

        best_score = matrix.scores.max(axis=1).tolist()
        best_fact = matrix.scores.argmax(axis=1).tolist()
        nearest_fact = matrix.similarity.argmax(axis=1).tolist()
        positions = np.array([position for position, _ in items], dtype=np.float64)
        nearest_to = np.where(matrix.similarity == matrix.similarity.max(axis=0),
                              positions[:, None], np.inf)
        nearest_prediction = nearest_to.argmin(axis=0).tolist()
    rows: list[_Row] = []
    for i, (position, _) in enumerate(items):
        if not facts:
            rows.append((position, None, 0.0, "no_gold", "the document has no gold facts",
                         None, "fp", None))
            continue
        j = by_prediction.get(i)
        if j is not None:
            result = matrix.explain(i, j)
            fact = facts[j]
            if fact.required:
                rows.append((position, fact.id, result.score, "matched", result.detail,
                             (fact.id, result.closeness), "tp", result.slots))
            else:
                rows.append((position, fact.id, result.score, "optional",
                             f"matched optional fact {fact.id} (not counted); {result.detail}",
                             (fact.id, result.closeness), "ignored", result.slots))
            continue
        if best_score[i] >= threshold:  # every fact it matches is taken by another prediction
            j = best_fact[i]  # the first of equal best scores
            result = matrix.explain(i, j)
            holder = items[by_fact[j]][0]
            rows.append((position, None, result.score, "duplicate",
                         f"also matches {facts[j].id}, already credited to prediction "
                         f"{holder}; {result.detail}", (facts[j].id, result.closeness), "fp",
                         None))
            continue
        j = nearest_fact[i]
        result = matrix.explain(i, j)
        reason = "below_threshold" if result.reason == "matched" else result.reason
        rows.append((position, None, result.score, reason, result.detail,
                     (facts[j].id, result.closeness), "fp", None))
    rows.extend(_copy_row(position, rows[original]) for position, original in copies)
    gold_rows: list[_Row] = []
    for j, fact in enumerate(facts):
        paired = by_fact.get(j)
        segments = _segments(fact, document)
        if paired is not None:
            result = matrix.explain(paired, j)
            gold_rows.append((gold.document_id, fact.id, fact.required,
                              "matched" if fact.required else "optional_matched",
                              items[paired][0], result.score, None, fact.category,
                              fact.modality, segments))
            continue
        near: tuple[int, float, str] | None = None
        if predictions:
            k = nearest_prediction[j]
            result = matrix.explain(k, j)
            reason = result.reason
            if reason == "matched":  # it matched, but the prediction went to another fact
                reason = "assigned_elsewhere"
            near = (items[k][0], result.closeness, reason)
        gold_rows.append((gold.document_id, fact.id, fact.required,
                          "missed" if fact.required else "optional_unmatched", None, None, near,
                          fact.category, fact.modality, segments))
    return rows, gold_rows, _outcome_rows(gold.document_id, rows, gold_rows,
                                          [confidence[row[0]] for row in rows])


def _outcome_rows(document_id: str, rows: Sequence[_Row], gold_rows: Sequence[_Row],
                  confidences: Sequence[float | None]) -> list[_Row]:
    """The TP/FP/FN records of one document's decision rows (``confidences``: each
    prediction row's), each described by the gold fact it belongs to (a TP's fact, an FP's
    nearest fact)."""
    facts = {gold_id: (category, modality, segments)
             for _, gold_id, _, _, _, _, _, category, modality, segments in gold_rows}
    outcomes: list[_Row] = []
    for (_, gold_id, _, _, _, nearest, outcome, slots), confidence in zip(
            rows, confidences, strict=True):
        if outcome == "ignored":
            continue
        tp = outcome == "tp"
        key = gold_id if tp else (nearest[0] if nearest else None)
        agrees = None
        if tp and slots is not None:
            agrees = (slots[0] >= SLOT_AGREES, slots[1] >= SLOT_AGREES,
                      slots[2] >= SLOT_AGREES)
        category, modality, segments = facts.get(key, (None, None, ())) if key else (
            None, None, ())
        outcomes.append(("tp" if tp else "fp", document_id, key, category, modality, segments,
                         confidence, agrees))
    outcomes.extend(("fn", document_id, gold_id, category, modality, segments, None, None)
                    for _, gold_id, _, status, _, _, _, category, modality, segments in gold_rows
                    if status == "missed")
    return outcomes


def _unknown(position: int, prediction: Prediction) -> PredictionDecision:
    return PredictionDecision(
        document_id=prediction.document_id, index=position, prediction=prediction, gold_id=None,
        score=0.0, reason="unknown_document",
        detail=f"document {prediction.document_id!r} is not in the dataset", nearest=None,
        outcome="fp")


def outcomes_of(predictions: Sequence[PredictionDecision], gold: Sequence[GoldDecision]
                ) -> list[Outcome]:
    """The TP/FP/FN records the metrics count, described by the gold fact each belongs to
    (document by document; the metrics do not depend on their order)."""
    documents: dict[str, tuple[list[_Row], list[_Row], list[float | None]]] = {}
    for d in predictions:
        rows, _, confidences = documents.setdefault(d.document_id, ([], [], []))
        rows.append((d.index, d.gold_id, d.score, d.reason, d.detail,
                     None if d.nearest is None else (d.nearest.gold_id, d.nearest.score),
                     d.outcome, d.slots))
        confidences.append(d.prediction.confidence)
    for g in gold:
        documents.setdefault(g.document_id, ([], [], []))[1].append(
            (g.document_id, g.gold_id, g.required, g.status, g.prediction_index, g.score,
             None, g.category, g.modality, g.segments))
    return [Outcome._make(row) for document_id, (rows, gold_rows, confidences)
            in documents.items()
            for row in _outcome_rows(document_id, rows, gold_rows, confidences)]


# Set just before worker processes fork, so they inherit the inputs instead of unpickling them.
_FORK_JOB: tuple[Matcher, float, list[tuple[Document, GoldSet, list[tuple[int, Prediction]]]]] \
    | None = None


def _expand(predictions: Sequence[Prediction], compact: _Compact
            ) -> tuple[list[PredictionDecision], list[GoldDecision], list[Outcome]]:
    """A document's decision rows as decisions and outcomes (in the parent, which has the
    Prediction objects: a worker never sends them back)."""
    rows, gold_rows, counted = compact
    made = [PredictionDecision(predictions[index].document_id, index, predictions[index],
                               gold_id, score, reason, detail,
                               None if nearest is None else Nearest(*nearest), outcome, slots)
            for index, gold_id, score, reason, detail, nearest, outcome, slots in rows]
    golds = [GoldDecision(document_id, gold_id, required, status, index, score,
                          None if near is None else NearMiss(*near), category, modality,
                          segments)
             for (document_id, gold_id, required, status, index, score, near, category,
                  modality, segments) in gold_rows]
    return made, golds, [Outcome._make(row) for row in counted]


def _score_chunk(bounds: tuple[int, int]) -> list[_Compact]:
    """Worker side: the decisions of some documents."""
    assert _FORK_JOB is not None
    matcher, cutoff, jobs = _FORK_JOB
    return [_score_document(matcher, cutoff, document, gold, items)
            for document, gold, items in jobs[bounds[0]:bounds[1]]]


# Chunks of at most CHUNK_DOCUMENTS documents (small, so no core idles long at the end while
# the other finishes the last chunk); a worker scores WORKER_CHUNKS of them before a fresh one
# replaces it (at most 400 documents, which bounds the pages of the inputs it copies).
CHUNK_DOCUMENTS = 100
WORKER_CHUNKS = 4


def _import_before_fork() -> None:
    """Load what scoring imports lazily, so forked workers share it instead of each loading
    its own copy (and replacement workers start warm)."""
    import numpy  # noqa: F401
    import scipy.optimize  # noqa: F401
    # Not sklearn, which the metrics import after scoring: with it loaded before the fork,
    # 10,000 documents took 128.7 CPU s and 68.6 s instead of 111.4 and 58.7 in one pair of
    # runs (benchmarks/bench_scoring.py, 2 workers; earlier, 90 s instead of 62).


def _score_documents(matcher: Matcher, cutoff: float,
                     jobs: list[tuple[Document, GoldSet, list[tuple[int, Prediction]]]],
                     predictions: Sequence[Prediction], workers: int,
                     ) -> tuple[list[PredictionDecision], list[GoldDecision], list[Outcome]]:
    decisions: list[PredictionDecision] = []
    gold_decisions: list[GoldDecision] = []
    outcomes: list[Outcome] = []
    if workers <= 1 or len(jobs) < 4 * workers:
        for document, gold, items in jobs:
            made, golds, counted = _expand(
                predictions, _score_document(matcher, cutoff, document, gold, items))
            decisions.extend(made)
            gold_decisions.extend(golds)
            outcomes.extend(counted)
        return decisions, gold_decisions, outcomes
    import multiprocessing

    global _FORK_JOB
    size = max(1, min(CHUNK_DOCUMENTS, len(jobs) // (8 * workers)))
    chunks = [(start, min(start + size, len(jobs))) for start in range(0, len(jobs), size)]
    _FORK_JOB = (matcher, cutoff, jobs)
    try:
        # Before any worker exists. Replacement workers are forked from the pool's own thread,
        # so this thread must not be importing while the pool runs: a fork while it holds an
        # import lock could leave the child stuck on it.
        _import_before_fork()
        # A forked worker copies each page of the inputs it touches (reference counts are
        # writes); a fresh worker every few chunks gives those copies back.
        with multiprocessing.get_context("fork").Pool(
                workers, maxtasksperchild=WORKER_CHUNKS) as pool:
            for chunk in pool.imap(_score_chunk, chunks):  # in order: deterministic merge
                for compact in chunk:
                    made, golds, counted = _expand(predictions, compact)
                    decisions.extend(made)
                    gold_decisions.extend(golds)
                    outcomes.extend(counted)
    finally:
        _FORK_JOB = None
    return decisions, gold_decisions, outcomes


def score_predictions(dataset: Dataset, predictions: Sequence[Prediction],
                      matcher: str | Matcher = "lenient", threshold: float | None = None,
                      seed: int = 0, bootstrap_samples: int = DEFAULT_SAMPLES,
                      workers: int = 1) -> Scoring:
    """Decide every prediction and gold fact of ``dataset`` and compute the metrics.

    ``workers`` > 1 scores documents in that many forked processes (Linux/macOS); the result
    is identical to ``workers=1``. ``bootstrap_samples`` must be at least 1 (ValueError
    before any scoring otherwise).
    """
    check_samples(bootstrap_samples)
    with _no_cyclic_gc():
        return _score(dataset, predictions, resolve_matcher(matcher), threshold, seed,
                      bootstrap_samples, workers)


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Scoring makes millions of objects that live until the end and almost no reference
    cycles, so the cyclic collector only re-walks the inputs again and again (about a seventh
    of the run). Inputs are frozen out of its view (so forked workers do not copy their pages
    either) and it is paused until the results exist; everything is handed back as it was,
    and (when scoring did the freezing) what scoring made is left in the oldest generation."""
    was_enabled = gc.isenabled()
    # a caller that froze objects itself keeps its freeze (and its say over unfreezing)
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            # Freezing everything then unfreezing puts it all in the oldest generation without
            # a scan. Left in the youngest, what scoring made (the results) would be walked by
            # the first collection after it, only to be promoted: 0.3 s for 3,000 documents.
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()


def _score(dataset: Dataset, predictions: Sequence[Prediction], resolved: Matcher,
           threshold: float | None, seed: int, bootstrap_samples: int, workers: int) -> Scoring:
    cutoff = float(resolved.default_threshold if threshold is None else threshold)
    by_document: dict[str, list[tuple[int, Prediction]]] = defaultdict(list)
    for position, prediction in enumerate(predictions):
        by_document[prediction.document_id].append((position, prediction))
    gold_by_id = {gold.document_id: gold for gold in dataset.gold}
    jobs = [(document, gold_by_id[document.id], by_document.get(document.id, []))
            for document in dataset.documents]
    decisions, gold_decisions, outcomes = _score_documents(resolved, cutoff, jobs, predictions,
                                                          workers)
    known = set(gold_by_id)
    for document_id, items in by_document.items():
        if document_id not in known:
            unknown = [_unknown(position, p) for position, p in items]
            decisions.extend(unknown)
            outcomes.extend(outcomes_of(unknown, []))
    decisions.sort(key=lambda d: d.index)
    ignored = sum(d.outcome == "ignored" for d in decisions)
    metrics = compute_metrics(outcomes, dataset.document_ids, ignored=ignored, seed=seed,
                              samples=bootstrap_samples)
    return Scoring(resolved.name, getattr(resolved, "version", "unknown"), cutoff, seed,
                   tuple(decisions), tuple(gold_decisions), metrics)


def explain_pair(matcher: str | Matcher, prediction: Prediction, fact: Fact,
                 document: Document | None, gold: GoldSet) -> MatchScore:
    """One pair's score and reason, outside any assignment (for debugging and docs)."""
    return resolve_matcher(matcher).score(prediction, fact, MatchContext(document, gold))


__all__ = ["GOLD_STATUSES", "GoldDecision", "NearMiss", "Nearest", "PredictionDecision",
           "Scoring", "explain_pair", "outcomes_of", "score_predictions"]


