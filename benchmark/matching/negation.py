"""Whether a prediction negates its own claim: a negation cue that is the statement's own.

Some cues say nothing about the claim: "said an official who declined to be named", "the force
declined to 2,150 soldiers" (it fell), "Le Drian, who did not speak to BFM, said ...". Without
a parse, a cue is set aside only in three plainly marked cases (``is_negated``); everywhere
else it is the statement's, since giving up a negation on a guess credits a contradiction
("Islamic extremists who ruled did not ban music"; "... banned music, which is not true").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator

from benchmark.matching.numbers import starts_with_amount
from benchmark.matching.text import NEGATION_CUES, NEGATION_PHRASES, has_negation_cue, words

CLAUSE_BREAK = ","
SENTENCE_BREAK = "."
TEXT_BREAK = "|"
_BREAKS = frozenset({CLAUSE_BREAK, SENTENCE_BREAK, TEXT_BREAK})
# A sentence ends at ".", "!", "?" or an ellipsis (not a decimal point: "3.5") or a line
# break; a clause at a comma (not a digit group: "2,150"), a semicolon, a colon, a bracket or
# a dash that is not a hyphen or a range ("3,000\u20134,000").
_SENTENCE_END = re.compile(r"[.!?\u2026]+(?!\d)|\n")
_CLAUSE_END = re.compile(r"[,;:](?!\d)|[()\[\]]|\s[-\u2012-\u2015]+\s|--+|[\u2014\u2015\u2012]"
                         r"|(?<!\d)\u2013(?!\d)")
# Pronouns of a clause about a person. "which" is left out: after a comma it may comment on
# the whole sentence (", which did not happen"), and a relative clause about a thing seldom
# hides a negation that is not part of the fact.
_PERSON_PRONOUNS = frozenset({"who", "whom", "whose"})
# Words that may stand between the pronoun and its clause's cue: "who did not", "who was not
# named", "who can't"; at most _AUXILIARY_REACH of them ("who would not have been").
_AUXILIARIES = frozenset({"did", "does", "do", "was", "were", "is", "are", "has", "have", "had",
                          "could", "would", "can", "ca", "will", "wo", "shall", "sha", "should",
                          "must", "may", "might", "been", "be", "being", "not", "n't"})
_AUXILIARY_REACH = 4
# "declined to be named", "asked not to be identified": who the source is, not the claim.
_ANONYMITY = frozenset({("be", "named"), ("be", "identified"), ("be", "quoted")})
_ANONYMITY_REACH = 5
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
    """A negation cue that is the statement's own. ``tokens`` as ``clause_tokens`` makes them
    (plain ``words`` work too, with no punctuation to go by). A cue is set aside only
    - before "be named", "be identified" or "be quoted" ("an official who declined to be
      named", "asked not to be identified");
    - as "declined to" before an amount ("declined to nearly 3,800": fell to);
    - right after who, whom or whose (auxiliaries aside, or one word before "not to") in a
      clause a comma, bracket or dash opens with the pronoun and another closes within the
      sentence ("Le Drian, who did not speak to BFM, said ...", "an official, who asked not
      to comment, said ...")."""
    if not has_negation_cue(tokens):  # (most texts)
        return False
    for start, end in _clauses(tokens):
        for i in range(start, end):
            if ((tokens[i] in NEGATION_CUES or tokens[i:i + 2] in _PHRASES)
                    and not _about_anonymity(tokens, i, end)
                    and not _declined_to_an_amount(tokens, i)
                    and not _in_a_person_clause(tokens, start, end, i)):
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


def _about_anonymity(tokens: tuple[str, ...], position: int, end: int) -> bool:
    following = tokens[position + 1:min(end, position + 1 + _ANONYMITY_REACH)]
    return any(pair in _ANONYMITY for pair in itertools.pairwise(following))


def _in_a_person_clause(tokens: tuple[str, ...], start: int, end: int, position: int) -> bool:
    """The cue right after a person pronoun that opens a clause closed within the sentence.
    Left open at the end of a sentence, the clause may be all there is ("Islamic extremists,
    who did not ban music.") or run into the main clause past a missing comma."""
    if not (start > 0 and tokens[start - 1] == CLAUSE_BREAK and tokens[start] in _PERSON_PRONOUNS
            and end < len(tokens) and tokens[end] == CLAUSE_BREAK):
        return False
    between = tokens[start + 1:position]
    if len(between) <= _AUXILIARY_REACH and _AUXILIARIES.issuperset(between):
        return True
    # "who asked not to comment": one word, then the cue of the infinitive
    return (len(between) == 1 and tokens[position] == "not"
            and tokens[position + 1:position + 2] == ("to",))


def _declined_to_an_amount(tokens: tuple[str, ...], position: int) -> bool:
    """ "declined to 2,150 soldiers", "declined to nearly 3,800": fell to, no refusal (the
    amount may be the next slot of a triple: "declined to" | "nearly 3,800")."""
    if tokens[position] not in _DECLINE:
        return False
    after = [t for t in tokens[position + 2:position + 3 + _AMOUNT_WINDOW] if t != TEXT_BREAK]
    if after[:2] == ["zero", "in"]:  # "declined to zero in on Kidal"
        return False
    return starts_with_amount(tuple(after[:_AMOUNT_WINDOW]))
