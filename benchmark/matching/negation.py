"""Whether a prediction negates its own claim: a negation cue that is the statement's own.

Two kinds of cue say nothing about the claim: an unnamed source's ("said an official who
declined to be named") and "declined to" before an amount ("the force declined to 2,150
soldiers": it fell). Only these are set aside. Any other cue is the statement's, wherever it
stands: reading relative clauses without a parse kept crediting contradictions in review
("It was Islamic extremists who did not ban music"; "Islamic extremists, who did not ban
music, officials said"; "... banned music, which is not true").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from benchmark.matching.numbers import starts_with_amount
from benchmark.matching.text import has_negation_cue, negation_cue_at, words

CLAUSE_BREAK = ","
SENTENCE_BREAK = "."
TEXT_BREAK = "|"
_BREAKS = frozenset({CLAUSE_BREAK, SENTENCE_BREAK, TEXT_BREAK})
# A sentence ends at ".", "!", "?" or an ellipsis (not a decimal point: "3.5", so not at
# "music.2012" either) or a line break; a clause at a comma (not a digit group: "2,150"), a
# semicolon, a colon, a bracket or a dash that is not a hyphen or a range ("3,000\u20134,000").
_SENTENCE_END = re.compile(r"[.!?\u2026\u203d\u2047-\u2049\u3002\uff0e\uff01\uff1f]+(?!\d)"
                           r"|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_CLAUSE_END = re.compile(r"[,;:](?!\d)|[()\[\]]|\s[-\u2012-\u2015]+\s|--+|[\u2014\u2015\u2012]"
                         r"|(?<!\d)\u2013(?!\d)")
# An unnamed source: "who declined to be named", "who asked not to be identified", the pair
# ending the clause or followed by what the source said.
_SOURCE_PRONOUNS = frozenset({"who", "whom"})
_ANONYMITY = frozenset({("be", "named"), ("be", "identified"), ("be", "quoted")})
_ANONYMITY_REACH = 5
# The words between the cue and "be named": "declined to", "did not want to", "not to".
_TO_BE_NAMED = frozenset({"to", "want", "wants", "wanted", "wish", "wishes", "wished", "not",
                          "n't", "did", "does", "do", "can", "ca", "could", "would", "will",
                          "wo"})
_COPULAS = frozenset({"is", "was", "are", "were"})
# How far back a copula is looked for ("It was the French defense minister who ...").
_SENTENCE_REACH = 12
_REPORTING = frozenset({"said", "says", "say", "told", "tells", "added", "adds", "according",
                        "stated", "reported", "explained"})
# Words that may stand between the pronoun and the cue: "who did not", "who can't be named";
# at most _AUXILIARY_REACH of them ("who would not have been").
_AUXILIARIES = frozenset({"did", "does", "do", "was", "were", "is", "are", "has", "have", "had",
                          "could", "would", "can", "ca", "will", "wo", "shall", "sha", "should",
                          "must", "may", "might", "been", "be", "being", "not", "n't"})
_AUXILIARY_REACH = 4
_DECLINE = frozenset({"declined", "declines", "decline", "declining"})
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
    - as an unnamed source's: right after who or whom (auxiliaries aside, or one word before
      "not to"), with "be named", "be identified" or "be quoted" ending the clause or before
      a reporting word ("said an official who declined to be named", "an official who asked
      not to be identified told CNN");
    - as "declined to" before an amount ("declined to nearly 3,800": fell to)."""
    if not has_negation_cue(tokens):  # (most texts)
        return False
    for start, end in _clauses(tokens):
        for i in range(start, end):
            if (negation_cue_at(tokens, i)
                    and not _an_unnamed_source(tokens, start, end, i)
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


def _an_unnamed_source(tokens: tuple[str, ...], start: int, end: int, position: int) -> bool:
    """ "said an official who declined to be named", "an official, who asked not to be
    identified, told CNN"; not "Le Drian refused to be named defense minister" (no source
    pronoun), "It was Le Drian who declined to be quoted" (the clause is the claim) nor
    "Islamic extremists who never banned music can be identified" (another verb's cue)."""
    pronoun = _source_pronoun(tokens, start, position)
    if pronoun is None or _a_claim_about_the_pronoun(tokens, pronoun):
        return False
    j = position + 1
    limit = min(end, position + 1 + _ANONYMITY_REACH)
    while j < limit and tokens[j:j + 2] not in _ANONYMITY:
        if tokens[j] not in _TO_BE_NAMED:  # ("declined to", "did not want to", "not to")
            return False
        j += 1
    return tokens[j:j + 2] in _ANONYMITY and _then_what_was_said(tokens, j + 2)


def _source_pronoun(tokens: tuple[str, ...], start: int, position: int) -> int | None:
    """Where the who or whom right before the cue stands (auxiliaries aside: "who did not",
    "who can't"; or one word before "not to": "who asked not to"), if it is one: not opening
    a sentence or a text, and not the acronym after "the" ("the WHO declined to be quoted")."""
    k = position - 1
    nearest = max(start, position - 1 - _AUXILIARY_REACH)  # (linear on hostile input)
    while k > nearest and tokens[k] in _AUXILIARIES:
        k -= 1
    if not (k >= start and tokens[k] in _SOURCE_PRONOUNS):
        k = position - 2
        if not (tokens[position] == "not" and tokens[position + 1:position + 2] == ("to",)
                and k >= start and tokens[k] in _SOURCE_PRONOUNS):
            return None
    if k == start:
        return k if start > 0 and tokens[start - 1] == CLAUSE_BREAK else None
    return None if tokens[k - 1] == "the" else k


def _a_claim_about_the_pronoun(tokens: tuple[str, ...], pronoun: int) -> bool:
    """A copula before the pronoun in its sentence makes the clause the claim ("It was Le
    Drian who ...", "Le Drian is the official who ..."), unless a reporting word does too."""
    before: list[str] = []
    for token in reversed(tokens[max(0, pronoun - _SENTENCE_REACH):pronoun]):
        if token in (SENTENCE_BREAK, TEXT_BREAK):
            break
        before.append(token)
    return not _COPULAS.isdisjoint(before) and _REPORTING.isdisjoint(before)


def _then_what_was_said(tokens: tuple[str, ...], k: int) -> bool:
    """After "be named": the sentence's end, or a reporting word, perhaps after a comma."""
    if k == len(tokens) or tokens[k] == SENTENCE_BREAK or tokens[k] in _REPORTING:
        return True
    return tokens[k] in (CLAUSE_BREAK, TEXT_BREAK) and tokens[k + 1:k + 2] != () and (
        tokens[k + 1] in _REPORTING)


def _declined_to_an_amount(tokens: tuple[str, ...], position: int) -> bool:
    """ "declined to 2,150 soldiers", "declined to nearly 3,800": fell to, no refusal (the
    amount may be the next slot of a triple: "declined to" | "nearly 3,800")."""
    if tokens[position] not in _DECLINE:
        return False
    # (one token more than the window, for a slot break to drop)
    after = [t for t in tokens[position + 2:position + 3 + _AMOUNT_WINDOW] if t != TEXT_BREAK]
    if after[:2] in (["zero", "in"], ["zero", "out"]):  # "declined to zero in on Kidal"
        return False
    return starts_with_amount(tuple(after[:_AMOUNT_WINDOW]))
