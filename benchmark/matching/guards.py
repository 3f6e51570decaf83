"""Guards every matcher applies to a pair that is similar enough to match.

A guard compares typed values, not strings, and its rejection is a reason of its own:
``number_mismatch``, ``negation_mismatch``, ``modality_mismatch``, ``role_swap``,
``entity_mismatch``.
"""

from __future__ import annotations

from collections.abc import Mapping

from benchmark.matching.features import FactFeatures, PredictionFeatures
from benchmark.matching.numbers import Count, DateValue, year_count


def _show(count: Count) -> str:
    if count.low == count.high:
        return f"{count.low:g}"
    if count.high == float("inf"):
        return f"more than {count.low:.0f}"
    if count.low == 0:
        return f"at most {count.high:.0f}"
    return f"{count.low:g}-{count.high:g}"


def number_guard(prediction: PredictionFeatures, fact: FactFeatures) -> str | None:
    """Every number and date in the prediction must be licensed by the gold fact: its
    quantity (value or range) and ISO time, or a number/date its own slots or statement state."""
    dated_years: frozenset[int] | None = None
    for count in prediction.counts:
        if any(count.agrees(g) for g in fact.counts):
            if fact.statement_counts and not any(
                    count.agrees(g) for g in fact.statement_counts):
                stated = ", ".join(sorted({_show(g) for g in fact.statement_counts}))
                return (f"number {_show(count)} in the prediction contradicts the gold "
                        f"statement's {stated}")
            continue
        as_year = year_count(count)
        if as_year is not None and any(as_year.overlaps(d) for d in fact.dates):
            continue
        # The year of a month or day the prediction names ("March 2013") is left to the date
        # check, whose reason names the date. Only then: a date within the year agrees with the
        # gold only if the year does, so no decision changes. A bare "2013" (a date of the
        # whole year) may be a count, and stays one.
        if as_year is not None:
            if dated_years is None:  # (once per pair: a text may hold thousands of numbers)
                dated_years = _years_of_dates_within_one(prediction.dates)
            if int(count.low) in dated_years:
                continue
        known = ", ".join(sorted({_show(g) for g in fact.counts})) or "none"
        return f"number {_show(count)} in the prediction is not in the gold (gold numbers: {known})"
    for date in prediction.dates:
        if any(date.overlaps(d) for d in fact.dates):
            continue
        if date.start is not None and date.start.month == 1 and date.end is not None and \
                date.end.month == 12 and any(
                    c.plain_integer and c.low == date.start.year for c in fact.counts):
            continue
        known = ", ".join(sorted({d.label() for d in fact.dates})) or "none"
        return (f"date {date.label()} in the prediction does not agree with the gold "
                f"(gold dates: {known})")
    return None


def _years_of_dates_within_one(dates: tuple[DateValue, ...]) -> frozenset[int]:
    """The years of the dates that lie within one year but are not all of it (a month, a day,
    a week), less the years also stated whole (a bare "2013", which may be a count)."""
    within: set[int] = set()
    whole: set[int] = set()
    for d in dates:
        if d.start is not None and d.end is not None and d.start.year == d.end.year:
            is_whole = (d.start.month, d.start.day, d.end.month, d.end.day) == (1, 1, 12, 31)
            (whole if is_whole else within).add(d.start.year)
    return frozenset(within - whole)


def entity_guard(prediction: PredictionFeatures, fact: FactFeatures,
                 kinds: Mapping[str, tuple[str, frozenset[str]]]) -> str | None:
    """An entity substituted for the gold's is a different fact: "French forces freed Gao" is not
    that they freed Timbuktu, however similar the words. The prediction may add context (a
    place the fact holds in) but may not name a person, place, group or organisation the gold
    fact is not about in place of the gold's own of that type. Entities whose names share a
    word ("northern Mali", "Mali") are related, not substitutes.

    A capitalised word the document does not know (``DocumentLexicon.is_known``: not its
    word, a demonym of one, or a misspelt entity name) names a place, person or group it does
    not mention: "fighters in Niger" is not a fact of an article about Mali."""
    if prediction.foreign_names:
        names = ", ".join(prediction.foreign_names)
        return f"the prediction names {names}, which the document never mentions"
    if prediction.entity_tokens <= fact.entity_tokens:
        return None  # names nothing the gold fact is not about (the common case)
    left_out = [kinds[t] for t in sorted(_left_out(prediction, fact)) if t in kinds]
    substituted = sorted(
        token for token in prediction.entity_tokens - fact.entity_tokens
        if token in kinds and any(
            kind == kinds[token][0] and not name & kinds[token][1] for kind, name in left_out))
    if not substituted:
        return None
    names = ", ".join(token[1:] for token in substituted)
    return f"the prediction names {names} where the gold fact names another of that kind"


def _left_out(prediction: PredictionFeatures, fact: FactFeatures) -> set[str]:
    """The gold fact's entities the prediction does not name, except those of an accepted
    value the prediction's own choice replaces: naming "French troops" where an alternative
    subject says "France" leaves nothing out, but "in Mali" extending the value it chose
    stays wanted."""
    named = prediction.entity_tokens
    left = set(fact.entity_tokens - named)
    for groups in fact.slot_entities:
        for chosen in (g for g in groups if g and g <= named):
            for other in groups:
                if other and not other & chosen:
                    left -= other
    return left


def attempt_guard(prediction: PredictionFeatures, fact: FactFeatures) -> str | None:
    """An attempt is not its outcome: "troops are working to secure Kidal" is not that they
    secured it, and "tried to free" is not "freed"."""
    if prediction.attempt == fact.attempt or fact.modality in ("expected", "hypothetical"):
        return None  # (plans and possibilities are the modality guard's)
    if fact.attempt:
        return "the gold fact is an attempt (not its outcome) but the prediction states the outcome"
    return "the prediction is an attempt but the gold fact states the outcome"


def negation_guard(prediction: PredictionFeatures, fact: FactFeatures) -> str | None:
    gold_negated = fact.modality == "negated"
    if prediction.negated == gold_negated:
        return None
    if gold_negated:
        return "the gold fact is negated but the prediction states it as true"
    return "the prediction is negated but the gold fact is not"


def modality_guard(prediction: PredictionFeatures, fact: FactFeatures) -> str | None:
    gold_irrealis = fact.modality in ("expected", "hypothetical")
    if prediction.irrealis == gold_irrealis:
        return None
    if gold_irrealis:
        return (f"the gold fact is {fact.modality} (not stated to have happened) but the "
                "prediction states it as an event")
    if fact.statement_irrealis:  # the gold's own wording carries the marker
        return None
    return "the prediction is a plan, expectation or possibility but the gold fact is an event"


def _first(tokens: tuple[str, ...], keys: frozenset[str]) -> int | None:
    return next((i for i, t in enumerate(tokens) if t in keys), None)


def statement_role_guard(prediction: PredictionFeatures, fact: FactFeatures) -> str | None:
    """For statements: the gold subject's and object's mentions must come in the same order as
    in the gold statement (after undoing a passive), else the roles are swapped."""
    if not fact.subject_keys or not fact.object_keys:
        return None
    ps, po = _first(prediction.statement, fact.subject_keys), _first(
        prediction.statement, fact.object_keys)
    gs, go = _first(fact.statement, fact.subject_keys), _first(fact.statement, fact.object_keys)
    if None in (ps, po, gs, go) or ps == po or gs == go:
        return None
    assert ps is not None and po is not None and gs is not None and go is not None
    predicted_order = (ps < po) != prediction.statement_passive
    gold_order = (gs < go) != fact.statement_passive
    if predicted_order == gold_order:
        return None
    return "the gold subject and object appear in swapped roles"


# Guards of every pair after the number and entity guards, in order: the first to reject
# gives the reason.
_EVENT_GUARDS = (("negation_mismatch", negation_guard), ("modality_mismatch", modality_guard),
                 ("modality_mismatch", attempt_guard))


def first_guard_failure(prediction: PredictionFeatures, fact: FactFeatures,
                        check_roles: bool,
                        kinds: Mapping[str, tuple[str, frozenset[str]]] | None = None,
                        ) -> tuple[str, str] | None:
    """(reason, detail) of the first guard that rejects the pair, or None. ``kinds`` (the
    document's entity types and names) turns the entity guard on."""
    detail = number_guard(prediction, fact)
    if detail is not None:
        return "number_mismatch", detail
    if kinds:
        detail = entity_guard(prediction, fact, kinds)
        if detail is not None:
            return "entity_mismatch", detail
    for reason, guard in _EVENT_GUARDS:
        detail = guard(prediction, fact)
        if detail is not None:
            return reason, detail
    if check_roles:
        detail = statement_role_guard(prediction, fact)
        if detail is not None:
            return "role_swap", detail
    return None
