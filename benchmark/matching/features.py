"""What matchers compare, computed once per prediction and per gold fact of a document.

What every pair's similarity needs (the slots' and the statement's tokens) is computed up front;
what only the guards need (numbers, dates, cue words, entities) is computed the first time a
pair reaches the threshold, since most facts and predictions never take part in such a pair.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from itertools import chain
from typing import Any, Generic, TypeVar, overload

from benchmark.matching.lexicon import DocumentLexicon, content_stems
from benchmark.matching.negation import clause_tokens, is_negated
from benchmark.matching.numbers import (
    Count,
    DateValue,
    numbers_in,
    only_plain_words,
    parse_iso,
)
from benchmark.matching.text import (
    STOPWORDS,
    has_negation_cue,
    is_attempt,
    is_irrealis,
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
# clause is the fact and the subject its source. Verbs that take a clause; others ("reported",
# "claimed") often take a noun phrase ("reported 1,121 casualties"), so they count only before
# "that".
CLAUSE_VERBS = frozenset({"say", "said", "says", "state", "stated", "states", "add", "added",
                          "adds", "that"})
# ("World leaders", "feared that", "the militants would turn the area into a haven"): a fear
# is read as the whole triple, so its clause keeps the fear's modality (a feared event is no
# event).
FEAR_VERBS = frozenset({"fear", "feared", "fears", "fearing"})
REPORTING_VERBS = CLAUSE_VERBS | FEAR_VERBS | {
    "tell", "told", "tells", "report", "reported", "reports", "announce", "announced",
    "announces", "claim", "claimed", "claims"}
_AUXILIARIES = frozenset({"has", "have", "had", "is", "was", "were", "are", "been"})
# a clause's leading pronoun that stands for the reporting triple's subject ("France", "says",
# "it has 4,000 soldiers")
_CLAUSE_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i"})
NUMBER_SLOT = "#number"  # any number, where coverage leaves numbers to the number guard
T = TypeVar("T")


class lazy(Generic[T]):
    """A value computed on first access and then stored on the instance (what
    ``functools.cached_property`` does, without the lock it takes on Python 3.11, which
    costs more than most of these values)."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> lazy[T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> T | lazy[T]:
        if instance is None:
            return self
        value = self.compute(instance)
        instance.__dict__[self.name] = value  # later reads find it before this descriptor
        return value


def _distinct(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Each token once, first occurrence order (ordered, so results never depend on hashing)."""
    if len(set(tokens)) == len(tokens):
        return tokens
    return tuple(dict.fromkeys(tokens))


def passive_predicate(predicate: str, obj: str) -> bool:
    """("Timbuktu", "was freed by", "French forces"): the roles are the other way round."""
    pred = words(predicate)
    if pred[-1:] != ("by",) and words(obj)[:1] != ("by",):  # (most predicates: no agent)
        return False
    return not _BE.isdisjoint(pred)


def passive_statement(tokens: tuple[str, ...]) -> bool:
    """A be-auxiliary, then a participle, then an agent "by": "Timbuktu was freed by France"."""
    for i, token in enumerate(tokens):
        if token in _BE:
            rest = tokens[i + 1:i + 4]
            if any(t.endswith(("ed", "en", "wn", "ght")) for t in rest) and "by" in tokens[i + 1:]:
                return True
    return False


def _qualifier_texts(qualifiers: Qualifiers) -> list[tuple[str, bool]]:
    """The time's raw text and the location, each with whether it is the time."""
    parts: list[tuple[str, bool]] = []
    if qualifiers.time is not None:
        parts.append((qualifiers.time.raw, True))
    if qualifiers.location is not None:
        parts.append((qualifiers.location, False))
    return parts


def _iso_time(qualifiers: Qualifiers) -> DateValue | None:
    """The time qualifier's normalised value, where it is a date (not a duration)."""
    if qualifiers.time is None or not qualifiers.time.value:
        return None
    return parse_iso(qualifiers.time.value)


def _numbers(texts: list[str], qualifiers: Qualifiers, lexicon: DocumentLexicon, *,
             time_from_value: bool) -> tuple[tuple[Count, ...], tuple[DateValue, ...]]:
    """Counts and dates the texts and the qualifiers state (quantity, ISO time).

    With ``time_from_value`` (the gold's qualifiers, whose ISO value an annotator checked),
    a time qualifier's date is its ISO value alone, not also its raw text's own reading."""
    if qualifiers.is_empty() and only_plain_words(list(chain.from_iterable(map(words, texts)))):
        return (), ()  # (most facts and predictions: one check instead of one per text)
    counts: list[Count] = []
    dates: list[DateValue] = []
    iso = _iso_time(qualifiers)
    raw_time_dates = iso is None or not time_from_value
    for text in texts:
        found_counts, found_dates = numbers_in(text, lexicon.published)
        counts.extend(found_counts)
        dates.extend(found_dates)
    for text, is_time in _qualifier_texts(qualifiers):
        found_counts, found_dates = numbers_in(text, lexicon.published)
        counts.extend(found_counts)
        # The gold's normalised time is the reading of its raw text ("in March" is 2013-03):
        # the raw text's own date, without the year, would agree with March of any year. A
        # prediction's raw text and value are both its claims ("on February 4" with a value of
        # 2013-02-05), so each must agree with the gold.
        if raw_time_dates or not is_time:
            dates.extend(found_dates)
    if qualifiers.quantity is not None:
        low, high = qualifiers.quantity.bounds()
        counts.append(Count(low, high, qualifiers.quantity.approximate, qualifiers.quantity.vague,
                            value=qualifiers.quantity.value))
    if iso is not None:
        dates.append(iso)
    return tuple(counts), tuple(dates)


def _has_number(tokens: tuple[str, ...]) -> bool:
    """Whether a token is a number (the only tokens that start with a digit). Most have none:
    ':' sorts right after '9', so a tuple whose least token is not below it has none."""
    return bool(tokens) and min(tokens) < ":" and any(t[0].isdigit() for t in tokens)


def _with_any_number(forms: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """The forms with their numbers as one "any number" token, added for statement coverage:
    a wrong number is the number guard's to reject, with its own reason."""
    with_numbers = [form for form in forms if _has_number(form)]
    if not with_numbers:  # most forms
        return forms
    added: list[tuple[str, ...]] = []
    for form in with_numbers:
        any_number = tuple([NUMBER_SLOT if t[0].isdigit() else t for t in form])
        if any_number not in added:  # (a slot has few forms)
            added.append(any_number)
    return (*forms, *added)


def _entity_tokens(lexicon: DocumentLexicon, *canonical: tuple[str, ...]) -> frozenset[str]:
    """The entity tokens among already canonicalised token sequences (the only tokens that
    come from the document's entity index)."""
    return frozenset(lexicon.entities.tokens.intersection(chain.from_iterable(canonical)))


class _StatesNumbers:
    """``counts`` and ``dates`` read from the subclass's lazily parsed ``_numbers``."""

    _numbers: tuple[tuple[Count, ...], tuple[DateValue, ...]] | tuple[
        tuple[Count, ...], tuple[DateValue, ...], tuple[Count, ...]]

    @property
    def counts(self) -> tuple[Count, ...]:
        """Every count stated: the quantity qualifier and the numbers of the wordings."""
        return self._numbers[0]

    @property
    def dates(self) -> tuple[DateValue, ...]:
        return self._numbers[1]


# One accepted slot value as FactFeatures uses it: its tokens with entity forms folded, its
# distinct forms (folded, then plain stems), and those with the "any number" forms added.
SlotValueForms = tuple[tuple[str, ...], tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]
# (whether the slot is the predicate, the value) -> its forms
ValueFormsCache = dict[tuple[bool, str], SlotValueForms]


def slot_value_forms(value: str, predicate: bool, lexicon: DocumentLexicon) -> SlotValueForms:
    """The forms of one accepted value of a slot (``predicate``: of the predicate slot)."""
    plain = content_stems(value)
    # A predicate is a relation, never an entity: its words stay words even where they happen
    # to form an entity's mention ("is a former colony of" vs "its former colony").
    folded = plain if predicate else lexicon.canonical(value)
    # Both folded and as plain stems, so a partial name ("extremists" for "Islamic
    # extremists") still overlaps; distinct tokens, in order.
    distinct_folded, distinct_plain = _distinct(folded), _distinct(plain)
    forms = (distinct_folded,) if distinct_folded == distinct_plain else (distinct_folded,
                                                                          distinct_plain)
    return folded, forms, _with_any_number(forms)


class FactFeatures(_StatesNumbers):
    """A gold fact as the matchers see it. ``value_forms``: a cache of
    :func:`slot_value_forms` shared by a document's facts, which share many values (the same
    subject, the same verb)."""

    def __init__(self, fact: Fact, lexicon: DocumentLexicon,
                 value_forms: ValueFormsCache | None = None) -> None:
        self._fact, self._lexicon = fact, lexicon
        if value_forms is None:
            value_forms = {}
        # per slot, each accepted value with entity forms folded (canonical value first)
        folded: dict[str, list[tuple[str, ...]]] = {}
        # per slot, the distinct forms of every accepted value, with "any number" forms
        variants: dict[str, tuple[tuple[str, ...], ...]] = {}
        alternatives = fact.alternatives
        # (the slots spelt out rather than through Fact.slot_values: this runs for every gold
        # fact of every document)
        for slot, predicate, value, others in (
                ("subject", False, fact.subject, alternatives.subject),
                ("predicate", True, fact.predicate, alternatives.predicate),
                ("object", False, fact.object, alternatives.object)):
            analysed = []
            for one in (value, *others):
                known = value_forms.get((predicate, one))
                if known is None:
                    known = value_forms[predicate, one] = slot_value_forms(one, predicate, lexicon)
                analysed.append(known)
            folded[slot] = [a[0] for a in analysed]
            variants[slot] = analysed[0][2] if not others else \
                _with_any_number(tuple(dict.fromkeys(f for a in analysed for f in a[1])))
        self.folded, self.slot_variants = folded, variants
        self.statement = lexicon.canonical(fact.statement)
        self.triple = (*folded["subject"][0], *folded["predicate"][0], *folded["object"][0])
        self.modality = fact.modality
        # True when the canonical predicate is only a light verb ("is", "has")
        self.light_predicate = LIGHT_VERBS.issuperset(folded["predicate"][0])
        # "Timbuktu is a fabled city": the object describes the subject's own entity, so for
        # statement coverage only its words (not the entity token the subject already gives)
        # say what is predicated. Per object variant: whether coverage may count it.
        subject_entities = {t for v in folded["subject"] for t in v if t[0] == "@"}
        covers = tuple([subject_entities.isdisjoint(v) for v in variants["object"]])
        self.object_covers = covers if any(covers) else (True,) * len(covers)

    @lazy
    def implicit_object(self) -> bool:
        """The evidence leaves the object unsaid ("his troops prepare to start withdrawing"
        for "from Mali"), so a prediction true to the text may leave it out too."""
        evidence: set[str] = set()
        for span in self._fact.evidence:
            quote = self._lexicon.text[span.start:span.end]
            evidence.update(content_stems(quote))
            evidence.update(self._lexicon.canonical(quote))
        objects = self.slot_variants["object"]
        return bool(objects) and all(evidence.isdisjoint(v) for v in objects)

    @lazy
    def _numbers(self) -> tuple[tuple[Count, ...], tuple[DateValue, ...], tuple[Count, ...]]:
        fact = self._fact
        texts = [fact.statement, *(v for slot in SLOTS for v in fact.slot_values(slot))]
        counts, dates = _numbers(texts, fact.qualifiers, self._lexicon, time_from_value=True)
        stated = numbers_in(fact.statement, self._lexicon.published)[0] if counts else ()
        return counts, dates, stated

    @property
    def statement_counts(self) -> tuple[Count, ...]:
        """The counts the gold statement itself states ("nearly 3,800"): a prediction may not
        contradict them even where an alternative wording is looser ("about 3,800")."""
        return self._numbers[2]

    @lazy
    def _statement_words(self) -> tuple[str, ...]:
        return words(self._fact.statement)

    @lazy
    def statement_irrealis(self) -> bool:
        return is_irrealis(self._statement_words)

    @lazy
    def statement_passive(self) -> bool:
        return passive_statement(self._statement_words)

    @lazy
    def attempt(self) -> bool:
        """An attempt ("are working to secure"), which is not its outcome."""
        return is_attempt(self._statement_words) or is_attempt(words(self._fact.predicate))

    @lazy
    def _role_keys(self) -> tuple[frozenset[str], frozenset[str]]:
        subject = frozenset(t for v in self.slot_variants["subject"] for t in v)
        obj = frozenset(t for v in self.slot_variants["object"] for t in v)
        shared = subject & obj
        return subject - shared, obj - shared

    @property
    def subject_keys(self) -> frozenset[str]:
        """Tokens of the subject's values that no object value has."""
        return self._role_keys[0]

    @property
    def object_keys(self) -> frozenset[str]:
        return self._role_keys[1]

    @lazy
    def slot_entities(self) -> tuple[tuple[frozenset[str], ...], ...]:
        """Per slot, the entity tokens of each accepted value."""
        return tuple(tuple(dict.fromkeys(frozenset(t for t in folded if t[0] == "@")
                                         for folded in self.folded[slot])) for slot in SLOTS)

    @lazy
    def entity_tokens(self) -> frozenset[str]:
        """The entities the fact is about: its linked entities and every one its wording
        names."""
        fact, folded = self._fact, self.folded
        named = _entity_tokens(self._lexicon, self.statement,
                               self._lexicon.canonical(fact.attribution or ""),
                               *folded["subject"], *folded["predicate"], *folded["object"])
        if not fact.entities:
            return named
        return named.union([f"@{entity_id}" for entity_id in fact.entities])


def reports_clause(prediction: Prediction) -> bool:
    """("Le Drian", "said", "the offensive killed hundreds of Islamist fighters")."""
    if not prediction.has_triple:
        return False
    said = words(prediction.predicate or "")
    if REPORTING_VERBS.isdisjoint(said):  # (most predicates: a clause needs such a verb)
        return False
    verbs = tuple(v for v in said if v not in _AUXILIARIES)
    # (a fear with or without "that": the whole triple is read, which is never less faithful)
    clause = set(verbs) <= CLAUSE_VERBS | FEAR_VERBS or (verbs[-1:] == ("that",)
                                                         and set(verbs) <= REPORTING_VERBS)
    return bool(verbs) and clause and len(
        [t for t in words(prediction.object or "") if t not in STOPWORDS]) >= 3


def _resolved_clause(subject: str, clause: str) -> str:
    """The clause with a leading pronoun replaced by the reporting subject."""
    first, _, rest = clause.strip().partition(" ")
    if first.lower() in _CLAUSE_PRONOUNS and rest:
        return f"{subject} {rest}"
    return clause


class PredictionFeatures(_StatesNumbers):
    """A predicted fact as the matchers see it."""

    def __init__(self, prediction: Prediction, lexicon: DocumentLexicon) -> None:
        canon = lexicon.canonical
        has_triple = prediction.has_triple
        # a reporting triple read as its clause
        self.reported_clause = reports_clause(prediction)
        self.reported_fear = False  # a fear's triple, read as one statement
        if self.reported_clause and prediction.statement is None:
            # the clause is the statement, its subject the attribution
            subject, obj = prediction.subject or "", prediction.object or ""
            self.reported_fear = not FEAR_VERBS.isdisjoint(words(prediction.predicate or ""))
            if self.reported_fear:
                statement = f"{subject} {prediction.predicate} {obj}"
            else:
                statement = _resolved_clause(subject, obj)
            prediction = dataclasses.replace(
                prediction, subject=None, predicate=None, object=None, statement=statement,
                attribution=prediction.subject)
            has_triple = False
        self._prediction, self._lexicon = prediction, lexicon
        self.has_triple = has_triple
        # True when the prediction gives a statement of its own (with or without a triple)
        self.has_statement = prediction.statement is not None
        self.slots: dict[str, tuple[str, ...]] = {}
        self.swapped_by_voice = False
        if has_triple:
            subject, predicate, obj = (prediction.subject or "", prediction.predicate or "",
                                       prediction.object or "")
            self.swapped_by_voice = passive_predicate(predicate, obj)
            if self.swapped_by_voice:  # read the passive as its active counterpart
                subject, obj = obj, subject
            self.slots = {"subject": _distinct(canon(subject)),
                          "predicate": _distinct(content_stems(predicate)),
                          "object": _distinct(canon(obj))}
        if has_triple and not self.has_statement:
            # slots decide; the joined slots stand in for a statement
            self.statement = (*self.slots["subject"], *self.slots["predicate"],
                              *self.slots["object"])
        else:
            self.statement = canon(prediction.statement or "")

    @lazy
    def _texts(self) -> list[str]:
        p = self._prediction
        return [t for t in (p.subject, p.predicate, p.object, p.statement) if t]

    @lazy
    def _all_words(self) -> tuple[str, ...]:
        return tuple(w for text in self._texts for w in (*words(text), "|"))

    @lazy
    def statement_passive(self) -> bool:
        if self.has_triple and not self.has_statement:
            return False
        return passive_statement(words(self._prediction.statement or ""))

    @lazy
    def _numbers(self) -> tuple[tuple[Count, ...], tuple[DateValue, ...]]:
        return _numbers(self._texts, self._prediction.qualifiers, self._lexicon,
                        time_from_value=False)

    @lazy
    def negated(self) -> bool:
        """An explicit ``modality`` decides; else negation cues in the text."""
        if self._prediction.modality is not None:
            return self._prediction.modality == "negated"
        # (punctuation tells an unnamed source's cue; most predictions have no cue at all)
        return has_negation_cue(self._all_words) and is_negated(clause_tokens(self._texts))

    @lazy
    def irrealis(self) -> bool:
        if self._prediction.modality is not None:
            return self._prediction.modality in IRREALIS_MODALITIES
        return is_irrealis(self._all_words)

    @lazy
    def attempt(self) -> bool:
        return is_attempt(self._all_words)

    @lazy
    def entity_tokens(self) -> frozenset[str]:
        """The document entities the prediction names."""
        attribution = self._lexicon.canonical(self._prediction.attribution or "")
        return _entity_tokens(self._lexicon, self.statement, attribution, *self.slots.values())

    @lazy
    def foreign_names(self) -> tuple[str, ...]:
        """Capitalised words the document never uses: names of things it does not mention."""
        p, lexicon = self._prediction, self._lexicon
        texts = [(text, first) for text, first in ((p.subject, False), (p.predicate, False),
                                                   (p.object, False), (p.statement, True),
                                                   (p.attribution, False)) if text]
        if lexicon.names_nothing_unknown(text for text, _ in texts):  # (the usual case)
            return ()
        found = [w for text, first in texts for w in lexicon.unknown_names(text, first)]
        return tuple(dict.fromkeys(found))

    @lazy
    def coverage_tokens(self) -> tuple[str, ...]:
        """The statement's tokens both with entity forms folded and as plain stems, and the
        "any number" token if it has a number: what coverage of the gold's slots counts on."""
        p = self._prediction
        if p.statement is not None:
            plain = content_stems(p.statement)
        else:
            plain = tuple(t for slot in SLOTS for t in content_stems(getattr(p, slot) or ""))
        tokens = (*self.statement, *plain)
        if _has_number(tokens):
            tokens = (*tokens, NUMBER_SLOT)
        return _distinct(tokens)
