"""P/R/F1 per category, modality, segment kind and document; per-slot accuracy."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter

from benchmark.metrics.outcomes import Outcome
from benchmark.metrics.prf import PRF

SLOT_NAMES = ("subject", "predicate", "object")


def breakdown(outcomes: Iterable[Outcome],
              keys: Callable[[Outcome], Iterable[str]]) -> dict[str, PRF]:
    """Counts per group. An outcome may belong to several groups (a fact repeated in the
    headline and the body counts in both segment kinds); one with no group is left out."""
    return _table(Counter((key, outcome.kind) for outcome in outcomes for key in keys(outcome)))


def _by_field(outcomes: Iterable[Outcome], field: str, skip_empty: bool = True
              ) -> dict[str, PRF]:
    """``breakdown`` by a single-valued field, counted without a Python call per outcome
    (runs score hundreds of thousands of outcomes); with ``skip_empty``, an outcome whose
    field is empty is left out."""
    pairs = Counter(map(attrgetter(field, "kind"), outcomes))
    return _table(Counter({(key, kind): n for (key, kind), n in pairs.items()
                           if key or not skip_empty}))


def _table(tally: Counter[tuple[str, str]]) -> dict[str, PRF]:
    return {key: PRF(tally[key, "tp"], tally[key, "fp"], tally[key, "fn"])
            for key in sorted({key for key, _ in tally})}


def by_category(outcomes: Iterable[Outcome]) -> dict[str, PRF]:
    return _by_field(outcomes, "category")


def by_modality(outcomes: Iterable[Outcome]) -> dict[str, PRF]:
    return _by_field(outcomes, "modality")


def by_segment(outcomes: Iterable[Outcome]) -> dict[str, PRF]:
    return breakdown(outcomes, lambda o: o.segments)


def by_document(outcomes: Iterable[Outcome]) -> dict[str, PRF]:
    return _by_field(outcomes, "document_id", skip_empty=False)


def macro(outcomes: Sequence[Outcome], documents: Sequence[str]) -> dict[str, float | int]:
    """Unweighted mean over the dataset's documents of per-document P/R/F1 (a document with
    no outcomes scores 0)."""
    per_document = by_document(outcomes)
    if not documents:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "documents": 0}
    rows = [per_document.get(d, PRF(0, 0, 0)) for d in documents]
    n = len(rows)
    return {"precision": sum(r.precision for r in rows) / n,
            "recall": sum(r.recall for r in rows) / n,
            "f1": sum(r.f1 for r in rows) / n, "documents": n}


def slot_accuracy(outcomes: Iterable[Outcome]) -> dict[str, float | int]:
    """Share of true-positive triples whose subject / predicate / object agree on their own."""
    rows = [o.slots for o in outcomes if o.kind == "tp" and o.slots is not None]
    out: dict[str, float | int] = {"triples": len(rows)}
    for k, name in enumerate(SLOT_NAMES):
        out[name] = sum(r[k] for r in rows) / len(rows) if rows else 0.0
    return out
