"""Whether a prediction negates its own claim: a negation cue in the statement's own clause.

A cue ("not", "never", "refused to") in a relative clause says something about a noun, not the
statement's claim: "said an official who declined to be named". Without a parse, a clause is
known only where punctuation or the words right before the cue mark it, so the rules are
narrow on purpose: where it is unclear whose a cue is, it is the statement's, since giving up
a negation on a guess would credit a contradiction ("Islamic extremists who ruled did not ban
music"; "... banned music, which is not true").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from benchmark.matching.numbers import starts_with_amount
from benchmark.matching.text import NEGATION_CUES, NEGATION_PHRASES, has_negation_cue, words

CLAUSE_BREAK = ","
SENTENCE_BREAK = "."
TEXT_BREAK = "|"
_BREAKS = frozenset({CLAUSE_BREAK, SENTENCE_BREAK, TEXT_BREAK})
# A sentence ends at ".", "!" or "?" (not a decimal point: "3.5"); a clause at a comma (not a
# digit group: "2,150"), a semicolon, a colon, a bracket or a dash that is not a range ("3,000
# \u2013 4,000" is one).
_SENTENCE_END = re.compile(r"[.!?]+(?!\d)")
_CLAUSE_END = re.compile(r"[,;:](?!\d)|[()\[\]]|\s[-\u2013\u2014]+\s|\u2014|(?<!\d)\u2013(?!\d)")
_RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which"})
# After a comma, "which" may comment on the whole sentence (", which is not true"); who, whom
# and whose are always about a person.
_PERSON_PRONOUNS = frozenset({"who", "whom", "whose"})
# Words that may stand between a relative pronoun and its clause's cue: "who did not", "who was
# not named", "which has no"; at most _AUXILIARY_REACH of them ("who would not have been").
_AUXILIARIES = frozenset({"did", "does", "do", "was", "were", "is", "are", "has", "have", "had",
                          "could", "would", "can", "will", "been", "be", "not", "n't"})
_AUXILIARY_REACH = 4
_DECLINE = frozenset({"declined", "declines", "decline"})
_PHRASES = frozenset(NEGATION_PHRASES)
# How many tokens after "declined to" are read for an amount ("just under 4,000 soldiers").
_AMOUNT_WINDOW = 4


def clause_tokens(texts: Iterable[str]) -> tuple[str, ...]:
    """The texts' words, with ``CLAUSE_BREAK`` where punctuation ends a clause,
    ``SENTENCE_BREAK`` where a sentence ends and ``TEXT_BREAK`` between texts."""
    tokens: list[str] = []
    for text in texts:
        pending = TEXT_BREAK  # the break before the next words, if any words came before
        for sentence in _SENTENCE_END.split(text):
            for clause in _CLAUSE_END.split(sentence):
                found = words(clause)
                if found:
                    if tokens:
                        tokens.append(pending)
                    tokens.extend(found)
                    pending = CLAUSE_BREAK
            pending = SENTENCE_BREAK if pending == CLAUSE_BREAK else pending
    return tuple(tokens)


def is_negated(tokens: tuple[str, ...]) -> bool:
    """A negation cue in the statement's own clause. ``tokens`` as ``clause_tokens`` makes
    them (plain ``words`` work too, with no punctuation to go by)."""
    if not has_negation_cue(tokens):  # (most texts)
        return False
    for start, end in _clauses(tokens):
        if _closed_relative_clause(tokens, start, end):
            continue
        for i in range(start, end):
            if ((tokens[i] in NEGATION_CUES or tokens[i:i + 2] in _PHRASES)
                    and not _right_after_a_pronoun(tokens, start, i)
                    and not _declined_to_an_amount(tokens, i)):
                return True
    return False


def _clauses(tokens: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of tokens between breaks."""
    start = 0
    for i, token in enumerate(tokens):
        if token in _BREAKS:
            yield start, i
            start = i + 1
    yield start, len(tokens)


def _closed_relative_clause(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """A clause that a comma opens with a relative pronoun and a comma (or a bracket, a dash)
    closes within the sentence: ", which the army was unable to defend, fell". Left open at
    the end of a sentence, the clause may run on into the main one (", who ruled the north did
    not ban music.") or comment on the sentence (", which is not true."), so it is not one."""
    return (start < end < len(tokens) and tokens[end] == CLAUSE_BREAK and start > 0
            and tokens[start - 1] == CLAUSE_BREAK and tokens[start] in _RELATIVE_PRONOUNS)


def _right_after_a_pronoun(tokens: tuple[str, ...], start: int, position: int) -> bool:
    """The cue at ``position`` right after a relative pronoun, auxiliaries aside ("an official
    who declined to be named", "who was not named"), or one word after it before "not to"
    ("who asked not to be named")."""
    k = position - 1
    nearest = max(start, position - 1 - _AUXILIARY_REACH)  # (linear on hostile input)
    while k > nearest and tokens[k] in _AUXILIARIES:
        k -= 1
    if k >= start and _relative_pronoun(tokens, start, k):
        return True
    infinitive = tokens[position] == "not" and tokens[position + 1:position + 2] == ("to",)
    return infinitive and position - 2 >= start and _relative_pronoun(tokens, start, position - 2)


def _relative_pronoun(tokens: tuple[str, ...], start: int, k: int) -> bool:
    """Whether ``tokens[k]`` (in the clause that begins at ``start``) is a relative pronoun:
    after a word of its clause ("the towns which", "an official who"), or opening a clause
    after a comma if it is about a person (", who"). Opening a sentence or a text it asks a
    question ("Who did not flee is unclear")."""
    token = tokens[k]
    if token not in _RELATIVE_PRONOUNS:
        return False
    if k > start:
        return True
    return start > 0 and tokens[start - 1] == CLAUSE_BREAK and token in _PERSON_PRONOUNS


def _declined_to_an_amount(tokens: tuple[str, ...], position: int) -> bool:
    """ "declined to 2,150 soldiers", "declined to nearly 3,800": fell to, no refusal (the
    amount may be the next slot of a triple: "declined to" | "nearly 3,800")."""
    if tokens[position] not in _DECLINE:
        return False
    after = [t for t in tokens[position + 2:position + 3 + _AMOUNT_WINDOW] if t != TEXT_BREAK]
    return starts_with_amount(tuple(after[:_AMOUNT_WINDOW]))
