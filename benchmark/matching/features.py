"""What matchers compare, computed once per prediction and per gold fact of a document."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace
from functools import lru_cache

from benchmark.matching.entities import EntityIndex
from benchmark.matching.numbers import (
    Count,
    DateValue,
    collapse_numbers,
    date_counts,
    parse_counts,
    parse_dates,
    parse_iso,
)
from benchmark.matching.text import (
    STOPWORDS,
    capitalised_words,
    is_attempt,
    is_irrealis,
    is_negated,
    stem,
    words,
)
from benchmark.model.gold import Fact
from benchmark.model.prediction import Prediction
from benchmark.model.qualifiers import Qualifiers

SLOTS: tuple[str, str, str] = ("subject", "predicate", "object")
IRREALIS_MODALITIES = frozenset({"expected", "hypothetical"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got"})
# Stems of verbs that carry no relation of their own ("is", "has"): the object says it all.
LIGHT_VERBS = frozenset(stem(verb) for verb in ("be", "have", "do", "get"))
# A triple ("Le Drian", "said", "the offensive killed hundreds ...") reports a clause: the
# clause is the fact and the subject its source.
# Verbs that take a clause ("said the offensive killed ..."); others ("reported", "claimed")
# often take a noun phrase ("reported 1,121 casualties"), so they count only before "that".
CLAUSE_VERBS = frozenset({"say", "said", "says", "state", "stated", "states", "add", "added",
                          "adds", "that"})
REPORTING_VERBS = CLAUSE_VERBS | {"tell", "told", "tells", "report", "reported", "reports",
                                  "announce", "announced", "announces", "claim", "claimed",
                                  "claims"}


# Capitalised but not names of things: months and days are compared by the date guard.
CALENDAR_WORDS = frozenset(
    w.lower() for w in (*calendar.month_name[1:], *calendar.month_abbr[1:],
                        *calendar.day_name, *calendar.day_abbr))
NUMBER_SLOT = "#number"  # any number, where coverage leaves numbers to the number guard


@dataclass(frozen=True)
class DocumentLexicon:
    """What feature extraction needs of the document: its entities, publication date, text and
    every word it (or an entity's name or alias) contains."""

    entities: EntityIndex
    published: dt.date | None
    text: str
    known_words: frozenset[str] | None  # None without a document: every word counts as known

    def is_known(self, word: str) -> bool:
        """In the document, or one edit away from a word of it ("Kidal" for "Kindal")."""
        if self.known_words is None or word in self.known_words or len(word) < 4:
            return True
        return any(abs(len(word) - len(k)) <= 1 and _one_edit(word, k) for k in self.known_words)


def _one_edit(a: str, b: str) -> bool:
    """Levenshtein distance at most 1."""
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


@lru_cache(maxsize=32_768)
def content_stems(text: str) -> tuple[str, ...]:
    """Stemmed content tokens in order, numbers canonical; function words dropped unless
    nothing else is left ("is" stays "be", so a copula slot still compares)."""
    tokens = collapse_numbers(words(text))
    content = tuple(stem(t) for t in tokens if t not in STOPWORDS)
    if content:
        return content
    return tuple(stem(t) for t in tokens if t not in ("a", "an", "the", "n't", "not", "no"))


def _distinct(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Each token once, first occurrence order (ordered, so results never depend on hashing)."""
    return tuple(dict.fromkeys(tokens))


def is_content(token: str) -> bool:
    return token not in STOPWORDS


def passive_predicate(predicate: str, obj: str) -> bool:
    """("Timbuktu", "was freed by", "French forces"): the roles are the other way round."""
    pred, ob = words(predicate), words(obj)
    by = (pred and pred[-1] == "by") or (ob and ob[0] == "by")
    return bool(by) and any(t in _BE for t in pred)


def passive_statement(tokens: tuple[str, ...]) -> bool:
    """A be-auxiliary, then a participle, then an agent "by": "Timbuktu was freed by France"."""
    for i, token in enumerate(tokens):
        if token in _BE:
            rest = tokens[i + 1:i + 4]
            if any(t.endswith(("ed", "en", "wn", "ght")) for t in rest) and "by" in tokens[i + 1:]:
                return True
    return False


@dataclass(frozen=True)
class FactFeatures:
    slot_variants: dict[str, tuple[tuple[str, ...], ...]]  # distinct tokens, in order
    statement: tuple[str, ...]
    triple: tuple[str, ...]
    counts: tuple[Count, ...]
    dates: tuple[DateValue, ...]
    modality: str
    statement_irrealis: bool
    # the counts the gold statement itself states ("nearly 3,800"): a prediction may not
    # contradict them even where an alternative wording is looser ("about 3,800")
    statement_counts: tuple[Count, ...]
    subject_keys: frozenset[str]
    object_keys: frozenset[str]
    statement_passive: bool
    # entity tokens the fact is about: linked entities and every one its wording names
    entity_tokens: frozenset[str] = frozenset()
    # True when the canonical predicate is only a light verb ("is", "has")
    light_predicate: bool = False
    # an attempt ("are working to secure"), which is not its outcome
    attempt: bool = False
    # the evidence leaves the object unsaid ("his troops prepare to start withdrawing" for
    # "from Mali"), so a prediction true to the text may leave it out too
    implicit_object: bool = False
    # per slot, the entity tokens of each accepted value: a slot is named when the prediction
    # names every entity of one of its values
    slot_entities: tuple[tuple[frozenset[str], ...], ...] = ()
    # per object variant: whether a statement's coverage of the object may count it
    object_covers: tuple[bool, ...] = ()


@dataclass(frozen=True)
class PredictionFeatures:
    has_triple: bool
    slots: dict[str, tuple[str, ...]]
    swapped_by_voice: bool
    # True when the prediction gives a statement of its own (with or without a triple)
    has_statement: bool
    statement: tuple[str, ...]
    statement_passive: bool
    counts: tuple[Count, ...]
    dates: tuple[DateValue, ...]
    negated: bool
    irrealis: bool
    # entity tokens of the document entities the prediction names
    entity_tokens: frozenset[str] = frozenset()
    attempt: bool = False
    # capitalised words the document never uses: names of things it does not mention
    foreign_names: tuple[str, ...] = ()
    # a reporting triple read as its clause
    reported_clause: bool = False
    # the statement's tokens both with entity forms folded and as plain stems, and the "any
    # number" token if it has a number: what the coverage of the gold's slots is counted on
    coverage_tokens: tuple[str, ...] = ()


def _qualifier_text(qualifiers: Qualifiers) -> list[str]:
    parts: list[str] = []
    if qualifiers.time is not None:
        parts.append(qualifiers.time.raw)
    if qualifiers.location is not None:
        parts.append(qualifiers.location)
    return parts


def _counts_of(texts: list[str]) -> list[Count]:
    out: list[Count] = []
    for text in texts:
        counts = parse_counts(text)
        if counts:
            skip = set(date_counts(text))
            out.extend(c for c in counts if c not in skip)
    return out


def _dates_of(texts: list[str], published: dt.date | None) -> list[DateValue]:
    return [d for text in texts for d in parse_dates(text, published)]


def fact_features(fact: Fact, lexicon: DocumentLexicon) -> FactFeatures:
    entities, published = lexicon.entities, lexicon.published

    def canon(text: str) -> tuple[str, ...]:
        return entities.canonicalise(content_stems(text))

    # Each value both with entity forms folded and as plain stems, so a partial name
    # ("extremists" for "Islamic extremists") still overlaps.
    variants = {slot: tuple(dict.fromkeys(
        form for v in fact.slot_values(slot)
        for form in (_distinct(canon(v)), _distinct(content_stems(v))))) for slot in SLOTS}
    # The same values with their numbers as one "any number" token, for statement coverage:
    # a wrong number is the number guard's to reject, with its own reason.
    for slot in SLOTS:
        variants[slot] = (*variants[slot], *dict.fromkeys(
            tuple(NUMBER_SLOT if t[0].isdigit() else t for t in v)
            for v in variants[slot] if any(t[0].isdigit() for t in v)))
    # "Timbuktu is a fabled city": the object describes the subject's own entity, so for
    # statement coverage only its words (not the entity token the subject already gives) say
    # what is predicated.
    subject_entities = {t for v in variants["subject"] for t in v if t.startswith("@")}
    object_covers = tuple(not set(v) & subject_entities for v in variants["object"])
    if not any(object_covers):
        object_covers = tuple(True for _ in object_covers)
    texts = [fact.statement, *(v for slot in SLOTS for v in fact.slot_values(slot)),
             *_qualifier_text(fact.qualifiers)]
    counts = _counts_of(texts)
    quantity = fact.qualifiers.quantity
    if quantity is not None:
        low, high = quantity.bounds()
        counts.append(Count(low, high, quantity.approximate, quantity.vague))
    dates = _dates_of(texts, published)
    time = fact.qualifiers.time
    if time is not None and time.value:
        iso = parse_iso(time.value)
        if iso is not None:
            dates.append(iso)
    evidence = {t for span in fact.evidence
                for t in (*content_stems(lexicon.text[span.start:span.end]),
                          *canon(lexicon.text[span.start:span.end]))}
    implicit_object = bool(variants["object"]) and not any(
        t in evidence for v in variants["object"] for t in v)
    slot_entities = tuple(
        tuple(dict.fromkeys(frozenset(t for t in canon(v) if t.startswith("@"))
                            for v in fact.slot_values(slot))) for slot in SLOTS)
    subject_keys = frozenset(t for v in variants["subject"] for t in v)
    object_keys = frozenset(t for v in variants["object"] for t in v)
    shared = subject_keys & object_keys
    statement_words = words(fact.statement)
    return FactFeatures(
        slot_variants=variants,
        statement=canon(fact.statement),
        triple=(*canon(fact.subject), *canon(fact.predicate), *canon(fact.object)),
        counts=tuple(counts),
        dates=tuple(dates),
        modality=fact.modality,
        statement_irrealis=is_irrealis(statement_words),
        statement_counts=tuple(_counts_of([fact.statement])),
        subject_keys=subject_keys - shared,
        object_keys=object_keys - shared,
        statement_passive=passive_statement(statement_words),
        light_predicate=set(content_stems(fact.predicate)) <= LIGHT_VERBS,
        attempt=is_attempt(statement_words) or is_attempt(words(fact.predicate)),
        implicit_object=implicit_object,
        object_covers=object_covers,
        slot_entities=slot_entities,
        entity_tokens=frozenset({f"@{entity_id}" for entity_id in fact.entities}).union(
            _entity_tokens(canon(fact.statement), canon(fact.attribution or ""),
                           *(v for slot in SLOTS for v in variants[slot]))),
    )


def reports_clause(prediction: Prediction) -> bool:
    """("Le Drian", "said", "the offensive killed hundreds of Islamist fighters")."""
    if not prediction.has_triple:
        return False
    verbs = words(prediction.predicate or "")
    clause = set(verbs) <= CLAUSE_VERBS or (verbs[-1:] == ("that",)
                                            and set(verbs) <= REPORTING_VERBS)
    return bool(verbs) and clause and len(
        [t for t in words(prediction.object or "") if t not in STOPWORDS]) >= 3


def _foreign_names(prediction: Prediction, lexicon: DocumentLexicon) -> tuple[str, ...]:
    found = [w for text, first in ((prediction.subject, False), (prediction.predicate, False),
                                   (prediction.object, False), (prediction.statement, True),
                                   (prediction.attribution, False)) if text
             for w in capitalised_words(text, skip_first=first)]
    return tuple(dict.fromkeys(w for w in found if w not in STOPWORDS and not w.isdigit()
                               and w not in CALENDAR_WORDS and not lexicon.is_known(w)))


def prediction_features(prediction: Prediction, lexicon: DocumentLexicon) -> PredictionFeatures:
    entities, published = lexicon.entities, lexicon.published

    def canon(text: str) -> tuple[str, ...]:
        return entities.canonicalise(content_stems(text))

    reported = reports_clause(prediction)
    if reported and prediction.statement is None:
        # read as the statement of the clause, its subject as the attribution
        prediction = replace(prediction, subject=None, predicate=None, object=None,
                             statement=prediction.object, attribution=prediction.subject)
    texts = [t for t in (prediction.subject, prediction.predicate, prediction.object,
                         prediction.statement) if t]
    slots: dict[str, tuple[str, ...]] = {}
    passive = False
    if prediction.has_triple:
        subject, predicate, obj = (prediction.subject or "", prediction.predicate or "",
                                   prediction.object or "")
        passive = passive_predicate(predicate, obj)
        if passive:  # read the passive as its active counterpart
            subject, obj = obj, subject
        slots = {"subject": _distinct(canon(subject)), "predicate": _distinct(canon(predicate)),
                 "object": _distinct(canon(obj))}
    all_words = tuple(w for text in texts for w in (*words(text), "|"))
    counts = _counts_of([*texts, *_qualifier_text(prediction.qualifiers)])
    quantity = prediction.qualifiers.quantity
    if quantity is not None:
        low, high = quantity.bounds()
        counts.append(Count(low, high, quantity.approximate, quantity.vague))
    dates = _dates_of([*texts, *_qualifier_text(prediction.qualifiers)], published)
    if prediction.qualifiers.time is not None and prediction.qualifiers.time.value:
        iso = parse_iso(prediction.qualifiers.time.value)
        if iso is not None:
            dates.append(iso)
    if prediction.modality is not None:
        negated = prediction.modality == "negated"
        irrealis = prediction.modality in IRREALIS_MODALITIES
    else:
        negated = is_negated(all_words)
        irrealis = is_irrealis(all_words)
    if prediction.has_triple and prediction.statement is None:
        # slots decide; the joined slots stand in for a statement
        statement = (*slots["subject"], *slots["predicate"], *slots["object"])
        statement_passive = False
    else:
        statement = canon(prediction.statement or "")
        statement_passive = passive_statement(words(prediction.statement or ""))
    return PredictionFeatures(
        has_triple=prediction.has_triple,
        slots=slots,
        swapped_by_voice=passive,
        has_statement=prediction.statement is not None,
        statement=statement,
        statement_passive=statement_passive,
        counts=tuple(counts),
        dates=tuple(dates),
        negated=negated,
        irrealis=irrealis,
        entity_tokens=_entity_tokens(statement, canon(prediction.attribution or ""),
                                     *slots.values()),
        attempt=is_attempt(all_words),
        foreign_names=_foreign_names(prediction, lexicon),
        coverage_tokens=_coverage_tokens(statement, prediction, slots),
        reported_clause=reported,
    )


def _coverage_tokens(statement: tuple[str, ...], prediction: Prediction,
                     slots: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    if prediction.statement is not None:
        plain = content_stems(prediction.statement)
    else:
        plain = tuple(t for slot in SLOTS
                      for t in content_stems(getattr(prediction, slot) or ""))
    tokens = (*statement, *plain)
    if any(t[0].isdigit() for t in tokens):
        tokens = (*tokens, NUMBER_SLOT)
    return _distinct(tokens)


def _entity_tokens(*canonical: tuple[str, ...]) -> frozenset[str]:
    """The entity tokens among already canonicalised token sequences."""
    return frozenset(t for tokens in canonical for t in tokens if t.startswith("@"))
