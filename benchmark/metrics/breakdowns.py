"""P/R/F1 per category, modality, segment kind and document; per-slot accuracy."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from benchmark.metrics.outcomes import Outcome
from benchmark.metrics.prf import PRF

SLOT_NAMES = ("subject", "predicate", "object")


def breakdown(outcomes: Iterable[Outcome],
              keys: Callable[[Outcome], Iterable[str]]) -> dict[str, PRF]:
    """Counts per group. An outcome may belong to several groups (a fact repeated in the
    headline and the body counts in both segment kinds); one with no group is left out."""
    column = {"tp": 0, "fp": 1, "fn": 2}
    counts: dict[str, list[int]] = {}
    for outcome in outcomes:
        k = column[outcome.kind]
        for key in keys(outcome):
            row = counts.get(key)
            if row is None:
                row = counts[key] = [0, 0, 0]
            row[k] += 1
    return {key: PRF(*counts[key]) for key in sorted(counts)}


def by_category(outcomes: Iterable[Outcome]) -> dict[str, PRF]:
    return breakdown(outcomes, lambda o: (o.category,) if o.category else ())


def by_modality(outcomes: Iterable[Outcome]) -> dict[str, PRF]:
    return breakdown(outcomes, lambda o: (o.modality,) if o.modality else ())


def by_segment(outcomes: Iterable[Outcome]) -> dict[str, PRF]:
    return breakdown(outcomes, lambda o: o.segments)


def by_document(outcomes: Iterable[Outcome]) -> dict[str, PRF]:
    return breakdown(outcomes, lambda o: (o.document_id,))


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
