"""Whether a prediction negates its own claim: a negation cue in the statement's own clause.

A cue ("not", "never", "refused to") in a relative clause says something about a noun, not
the statement's claim: "said an official who declined to be named". Commas are kept as clause
boundaries for this (``clause_tokens``), since where a clause ends decides whose a cue is:
"Le Drian, who spoke to BFM, did not offer details" negates the offer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from benchmark.matching.numbers import starts_with_amount
from benchmark.matching.text import NEGATION_CUES, NEGATION_PHRASES, has_negation_cue, words

CLAUSE_BREAK = ","
TEXT_BREAK = "|"
_BREAKS = frozenset({CLAUSE_BREAK, TEXT_BREAK})
# Punctuation that ends a clause: a comma not inside a number ("2,150"), a semicolon, a colon,
# brackets, a dash between spaces.
_CLAUSE_PUNCTUATION = re.compile(r"[,;:](?!\d)|[()\[\]]|\s[-\u2013\u2014]+\s|\u2014")
_RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which"})
# Words that may stand between a relative pronoun and its clause's cue when no comma marks the
# clause: "who did not", "who was not named", "which has no".
_AUXILIARIES = frozenset({"did", "does", "do", "was", "were", "is", "are", "has", "have", "had",
                          "could", "would", "can", "will", "been", "be", "not", "n't"})
# At most this many in a row ("who would not have been"; "did not" is a cue itself).
_AUXILIARY_REACH = 4
_DECLINE = frozenset({"declined", "declines", "decline"})
_PHRASES = frozenset(NEGATION_PHRASES)
# How many tokens after "declined to" are read for an amount ("nearly 3,800 soldiers").
_AMOUNT_WINDOW = 4


def clause_tokens(texts: Iterable[str]) -> tuple[str, ...]:
    """The texts' words, with ``CLAUSE_BREAK`` where punctuation ends a clause and
    ``TEXT_BREAK`` between texts."""
    tokens: list[str] = []
    for text in texts:
        if tokens:
            tokens.append(TEXT_BREAK)
        for k, part in enumerate(_CLAUSE_PUNCTUATION.split(text)):
            if k:
                tokens.append(CLAUSE_BREAK)
            tokens.extend(words(part))
    return tuple(tokens)


def is_negated(tokens: tuple[str, ...]) -> bool:
    """A negation cue in the statement's own clause. ``tokens`` as ``clause_tokens`` makes
    them (plain ``words`` work too, with no commas to go by)."""
    if not has_negation_cue(tokens):  # (most texts)
        return False
    clause_start = 0
    for i, token in enumerate(tokens):
        if token in _BREAKS:
            clause_start = i + 1
        elif ((token in NEGATION_CUES or tokens[i:i + 2] in _PHRASES)
              and not _in_relative_clause(tokens, clause_start, i)
              and not _declined_to_an_amount(tokens, i)):
            return True
    return False


def _in_relative_clause(tokens: tuple[str, ...], clause_start: int, position: int) -> bool:
    """Whether the cue at ``position`` is in a relative clause: one a comma opens with a
    relative pronoun (", which the army was unable to defend"), or, with no comma to go by,
    one whose pronoun stands right before the cue, auxiliaries aside ("who did not", "who was
    not"), or one word before a "not to" ("who asked not to be named"). "Islamic extremists
    who ruled did not ban music" is read as negated: without a comma the clause's end is not
    known, and a negation is not given up on a guess."""
    if (clause_start > 0 and tokens[clause_start - 1] == CLAUSE_BREAK
            and tokens[clause_start] in _RELATIVE_PRONOUNS and clause_start < position):
        return True
    # (a pronoun that opens a text is a question word: "Who did not flee is unclear")
    k = position - 1
    nearest = max(clause_start, position - 1 - _AUXILIARY_REACH)  # (linear on hostile input)
    while k > nearest and tokens[k] in _AUXILIARIES:
        k -= 1
    if k > clause_start and tokens[k] in _RELATIVE_PRONOUNS:
        return True
    infinitive = tokens[position] == "not" and tokens[position + 1:position + 2] == ("to",)
    return (infinitive and position - 2 > clause_start
            and tokens[position - 2] in _RELATIVE_PRONOUNS)


def _declined_to_an_amount(tokens: tuple[str, ...], position: int) -> bool:
    """ "declined to 2,150 soldiers", "declined to nearly 3,800": fell to, no refusal (the
    amount may be the next slot of a triple: "declined to" | "nearly 3,800")."""
    if tokens[position] not in _DECLINE:
        return False
    after = [t for t in tokens[position + 2:position + 3 + _AMOUNT_WINDOW] if t != TEXT_BREAK]
    return starts_with_amount(tuple(after[:_AMOUNT_WINDOW]))
