"""An honest rule-based triple extractor for English news text.

No model and no knowledge of any article: sentence splitting, attribution stripping, a
subject / verb group / object pattern found with small lexicons of English function words
and common verbs, coordinated objects split, negation and modality cues, and numbers turned
into quantity qualifiers. Its score is whatever these generic rules earn.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from benchmark.model.document import Document


def _words(text: str) -> frozenset[str]:
    """A lexicon written as one space-separated string."""
    return frozenset(text.split())


AUXILIARIES = _words(
    "am is are was were be been being has have had do does did will would shall should can "
    "could may might must"
)
NEGATIONS = frozenset({"not", "n't", "never", "no"})
FUTURE_CUES = frozenset({"will", "shall"})
HYPOTHETICAL_CUES = frozenset({"would", "could", "may", "might", "if"})
EXPECTATION_VERBS = _words(
    "expect expects expected plan plans planned intend intends intended prepare prepares "
    "preparing aim aims hope hopes want wants"
)
FEAR_VERBS = _words("fear fears feared worry worries worried warn warns warned")
REPORTING_VERBS = _words(
    "said says say told tells tell reported reports announced announces stated states added "
    "adds claimed claims confirmed confirms according"
)
# Base forms of frequent news verbs; inflections are generated below.
VERB_BASES = sorted(_words(
    "accept accuse add agree aim allow announce arrest attack ban begin bomb build call "
    "capture carve cause change claim close come confirm continue control cut deny deploy "
    "destroy die drive drop end enter escape face fall fear fight find flee force free gain "
    "give go grow hamper help hit hold include join keep kill launch lead leave lose make "
    "meet move need offer open order pass plan prepare pull push reach receive reject "
    "release remain report require rescue retake return rise rule run secure seize send "
    "show sign start stay stop strike support surround take talk threaten turn urge visit "
    "vote warn win withdraw work wound"
))
IRREGULAR_VERBS = _words(
    "began begun brought built came did drove fell fled fought found gave given got gone "
    "grew held hit kept led left lost made met paid put ran rose said sent seen shot slept "
    "sold spent stood stole struck taken took told went won withdrew wrote"
)
DETERMINERS = _words(
    "a an the this that these those his her its their our my your some any each every no "
    "many several"
)
PREPOSITIONS = _words(
    "in on at of for from to with by about after before during against into over under "
    "between through across along near since until within without around"
)
VAGUE_NUMBERS: dict[str, tuple[float, float]] = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "millions": (2_000_000, 9_999_999),
}
APPROXIMATORS = ("nearly", "almost", "about", "around", "some", "roughly", "over", "more than")
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100,
}
TIME_PATTERN = re.compile(
    r"\b(?:(?:last|next|this|past) (?:week|month|year|weekend)|(?:on )?(?:Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)(?: (?:night|morning|afternoon|evening))?|"
    r"in (?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)|(?:over )?the past \w+ (?:days|weeks|months|years)|yesterday|today)\b",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”’\"']))\s+(?=[“‘\"']?[A-Z])")
WORD = re.compile(r"[A-Za-z0-9][\w’'-]*|n't")
QUOTES = "“”‘’\"'"


def _inflections(base: str) -> set[str]:
    stem = base[:-1] if base.endswith("e") else base
    third = base + ("es" if base.endswith(("s", "sh", "ch", "x")) else "s")
    if base.endswith("y") and base[-2] not in "aeiou":
        third = base[:-1] + "ies"
        return {base, third, base[:-1] + "ied", base + "ing"}
    return {base, third, stem + "ed", stem + "ing"}


KNOWN_VERBS = frozenset(
    {form for base in VERB_BASES for form in _inflections(base)}
    | IRREGULAR_VERBS
    | EXPECTATION_VERBS
    | FEAR_VERBS
    | (REPORTING_VERBS - {"according"})
)
PARTICLES = frozenset({"out", "up", "off", "down", "back", "away"})
SUBJECT_ADVERBS = frozenset({"now", "also", "still", "already", "then", "just", "reportedly"})
# after a comma, these words start a modifier or a new clause, not more of the object
OBJECT_BREAKERS = sorted(_words(
    "just along which who where after before as while with taking including when since "
    "because although though but"
))


_VERB_ALTERNATION = sorted(KNOWN_VERBS, key=len, reverse=True)


@dataclass(frozen=True)
class Clause:
    text: str
    start: int  # offset of the sentence in the document
    end: int
    attribution: str | None


class RuleExtractor:
    name = "rules"
    version = "1.1"  # 1.1: also splits "A and B" short noun-phrase objects

    def extract(self, document: Document) -> list[dict[str, Any]]:
        facts: list[dict[str, Any]] = []
        for start, end in _sentence_spans(document):
            sentence = document.text[start:end]
            for clause in _clauses(sentence, start, end):
                facts.extend(_facts_from_clause(clause))
        return facts


def _sentence_spans(document: Document) -> Iterator[tuple[int, int]]:
    """Sentences of the fact-bearing segments (or of the whole text when unsegmented)."""
    if document.segments:
        blocks = [s.span for s in document.segments if s.kind != "boilerplate"]
        ranges = [(b.start, b.end) for b in blocks]
    else:
        ranges = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", document.text)]
    for block_start, block_end in ranges:
        block = document.text[block_start:block_end]
        if block.lower().startswith(("read more:", "watch:", "related:")):
            continue
        position = 0
        for boundary in SENTENCE_END.finditer(block):
            piece = block[position : boundary.start()]
            if piece.strip():
                offset = len(piece) - len(piece.lstrip())
                yield block_start + position + offset, block_start + boundary.start()
            position = boundary.end()
        if block[position:].strip():
            offset = len(block[position:]) - len(block[position:].lstrip())
            yield block_start + position + offset, block_end


ATTRIBUTION_TRAILING = re.compile(
    r"^(?P<content>.+?),\s+(?P<source>(?!(?:where|which|who|when|as|while)\b)[^,]{2,80}?)\s+"
    r"(?:has |have |had )?(?P<verb>said|says|told|reported|announced|added|stated)\b"
    r"(?P<rest>[^,]*?)(?:,\s+(?P<after>.+))?[.!?]?$"
)
ATTRIBUTION_LEADING = re.compile(
    r"^(?P<source>[A-Z][^,]{1,80}?)\s+(?:said|says|told [^,]+?|announced|stated)\s+"
    r"(?:that\s+)?(?P<content>.+)$"
)
ACCORDING_TO = re.compile(r",?\s*according to (?P<source>[^,.]+)[,.]?", re.IGNORECASE)


def _clauses(sentence: str, start: int, end: int) -> Iterator[Clause]:
    """The sentence's content clauses, with any attribution stripped off and recorded."""
    text = sentence.strip().rstrip(".!?")
    attribution = None
    if (match := ACCORDING_TO.search(text)) is not None:
        attribution = match.group("source").strip()
        text = (text[: match.start()] + text[match.end() :]).strip(" ,")
    elif (match := ATTRIBUTION_TRAILING.match(text)) is not None and _looks_like_source(
        match.group("source")
    ):
        attribution = match.group("source").strip()
        text = match.group("content")
        if match.group("after"):  # "X did Y, Z said, as W does V": the tail is its own clause
            tail = re.sub(r"^(?:as|while|and)\s+", "", match.group("after"))
            yield from _clauses(tail, start, end)
    elif (match := ATTRIBUTION_LEADING.match(text)) is not None and _looks_like_source(
        match.group("source")
    ):
        attribution = match.group("source").strip()
        text = match.group("content")
    text = re.split(r",\s+(?:where|which|who)\b", text)[0]  # drop trailing relative clauses
    source = _clean(attribution) if attribution else None
    for part in re.split(r";\s+|,\s+(?:as|while|but|and then)\s+|\s+but\s+", text):
        part = part.strip(" ,")
        if len(part.split()) < 3:
            continue
        # "They did X, and did Y": a second verb phrase sharing the subject
        first, *more = re.split(r",\s+and\s+(?=(?:" + "|".join(_VERB_ALTERNATION) + r")\b)", part)
        yield Clause(first, start, end, source)
        for verb_phrase in more:
            subject = _subject_of(first)
            if subject:
                yield Clause(f"{subject} {verb_phrase}", start, end, source)


def _subject_of(clause_text: str) -> str:
    words = [(m.group(0), m.start(), m.end()) for m in WORD.finditer(clause_text)]
    verb = _verb_group(words)
    return clause_text[: words[verb[0]][1]].strip() if verb else ""


def _looks_like_source(source: str) -> bool:
    """A subject that can say something: short, no verb of its own."""
    words = source.split()
    return 0 < len(words) <= 10 and not any(w.lower() in KNOWN_VERBS for w in words[:-1])


def _facts_from_clause(clause: Clause) -> list[dict[str, Any]]:
    words = [(m.group(0), m.start(), m.end()) for m in WORD.finditer(clause.text)]
    verb = _verb_group(words)
    if verb is None:
        return []
    first, last = verb
    subject = _clean(clause.text[: words[first][1]].split(", ")[-1])  # drop "Last week, "
    subject_words = subject.split()
    while subject_words and subject_words[-1].lower() in SUBJECT_ADVERBS:
        subject_words.pop()
    subject = " ".join(subject_words)
    predicate_words = [w for w, _, _ in words[first : last + 1]]
    rest = clause.text[words[last][2] :]
    if predicate_words[-1] in REPORTING_VERBS:
        rest = re.sub(r"^\s*(?:that|to)\s+", "", rest)
    breakers = "|".join(OBJECT_BREAKERS)
    object_text = _clean(re.split(rf",\s+(?:{breakers})\b", rest)[0])
    if not subject or not object_text or subject.split()[0].lower() in PREPOSITIONS:
        return []
    predicate = " ".join(predicate_words)
    modality = _modality(predicate_words, clause)
    base: dict[str, Any] = {
        "evidence": [{"start": clause.start, "end": clause.end}],
        "modality": modality,
        "confidence": 0.5,
    }
    if clause.attribution:
        base["attribution"] = clause.attribution
    facts = []
    for part in _coordinated(object_text):
        fact = {
            **base,
            "subject": subject,
            "predicate": predicate,
            "object": part,
            "statement": f"{subject} {predicate} {part}.",
        }
        qualifiers = _qualifiers(part, clause.text)
        if qualifiers:
            fact["qualifiers"] = qualifiers
        facts.append(fact)
    return facts


def _verb_group(words: list[tuple[str, int, int]]) -> tuple[int, int] | None:
    """Index of the first and last word of the first verb group after a subject word."""
    for index in range(1, len(words)):
        word = words[index][0]
        lower = word.lower()
        previous = words[index - 1][0].lower()
        if lower in AUXILIARIES or (
            (lower in KNOWN_VERBS or (lower.endswith("ed") and len(lower) > 4))
            and previous not in DETERMINERS
            and previous not in PREPOSITIONS
            and not word[0].isupper()
        ):
            last = index
            # extend over auxiliaries, negation, adverbs in -ly and the main verb(s)
            while last + 1 < len(words):
                following = words[last + 1][0].lower()
                is_verbal = following in AUXILIARIES or following in KNOWN_VERBS
                if (
                    following in NEGATIONS
                    or (following.endswith("ly") and following not in APPROXIMATORS)
                    or is_verbal
                    or following in PARTICLES
                    or (following.endswith("ed") and words[last][0].lower() in AUXILIARIES)
                    or (following == "to" and words[last][0].lower() in EXPECTATION_VERBS)
                ):
                    last += 1
                    continue
                break
            return index, last
    return None


def _modality(predicate_words: list[str], clause: Clause) -> str:
    lowered = {w.lower() for w in predicate_words}
    if lowered & NEGATIONS:
        return "negated"
    if lowered & FEAR_VERBS or lowered & HYPOTHETICAL_CUES:
        return "hypothetical"
    if lowered & FUTURE_CUES or lowered & EXPECTATION_VERBS:
        return "expected"
    if clause.attribution:
        return "reported"
    return "asserted"


def _coordinated(object_text: str) -> list[str]:
    """``"music, smoking and dancing"`` -> three objects; other objects stay whole."""
    match = re.fullmatch(r"(?P<items>[^,]+(?:,\s*[^,]+)+?),?\s+(?:and|or)\s+(?P<last>[^,]+)",
                         object_text)
    if match is None:
        parts = [p.strip() for p in re.split(r"\s+and\s+", object_text)]
        if len(parts) == 2 and all(re.match(r"\d", p) for p in parts):
            return parts  # "2 soldiers in X and 3 more troops elsewhere"
        if len(parts) == 2 and all(_short_noun_phrase(p) for p in parts):
            return parts  # "the port and the airport"
        return [object_text]
    items = [i.strip() for i in match.group("items").split(",")] + [match.group("last").strip()]
    if any(len(i.split()) > 4 for i in items):
        return [object_text]
    return [i for i in items if i]


def _short_noun_phrase(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 4 and not any(
        w.lower() in KNOWN_VERBS or w.lower() in AUXILIARIES for w in words
    )


NUMBER = re.compile(
    r"(?:(?P<approx>" + "|".join(APPROXIMATORS) + r")\s+)?"
    r"(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
    + "|".join(NUMBER_WORDS)
    + "|"
    + "|".join(VAGUE_NUMBERS)
    + r")\s+(?:of\s+)?(?P<unit>(?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*)",
    re.IGNORECASE,
)


def _qualifiers(object_text: str, clause_text: str) -> dict[str, Any]:
    qualifiers: dict[str, Any] = {}
    plain = object_text.replace("“", "").replace("”", "").replace("‘", "").replace("’", "")
    if (match := NUMBER.search(plain)) is not None:
        quantity = _quantity(match)
        if quantity is not None:
            qualifiers["quantity"] = quantity
    if (time := TIME_PATTERN.search(clause_text)) is not None:
        qualifiers["time"] = {"raw": time.group(0)}
    if (place := re.search(r"\bin ((?:[A-Z][a-z]+\s?){1,3})\b", clause_text)) is not None:
        name = place.group(1).strip()
        month_or_day = TIME_PATTERN.fullmatch(f"in {name}")
        if month_or_day is None:
            qualifiers["location"] = name
    return qualifiers


def _quantity(match: re.Match[str]) -> dict[str, Any] | None:
    number = match.group("number").lower()
    unit_words = []
    for word in match.group("unit").split():
        if word.lower() in PREPOSITIONS or word.lower() in KNOWN_VERBS | AUXILIARIES:
            break
        unit_words.append(word)
    if not unit_words:
        return None
    quantity: dict[str, Any] = {"unit": " ".join(unit_words)}
    if number in VAGUE_NUMBERS:
        low, high = VAGUE_NUMBERS[number]
        quantity.update(range=[low, high], vague=True)
    elif number in NUMBER_WORDS:
        quantity["value"] = NUMBER_WORDS[number]
    else:
        value = float(number.replace(",", ""))
        quantity["value"] = int(value) if value.is_integer() else value
    if match.group("approx"):
        quantity["approximate"] = True
    return quantity


def _clean(text: str) -> str:
    """Drop quotation marks (keeping apostrophes inside words) and extra spaces."""
    text = re.sub(r"[“”\"]|‘|(?<!\w)’|’(?!\w)", "", text)
    return re.sub(r"\s+", " ", text).strip(" ,;:'")
