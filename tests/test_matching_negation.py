"""Whose a negation cue is: the statement's own clause, or a clause about a noun."""

from __future__ import annotations

import pytest

from benchmark.matching.negation import clause_tokens, is_negated


def _negated(*texts: str) -> bool:
    return is_negated(clause_tokens(texts))


def test_punctuation_breaks_clauses_and_sentences_but_not_numbers() -> None:
    assert clause_tokens(["Le Drian, who spoke, has 2,150 soldiers"]) == (
        "le", "drian", ",", "who", "spoke", ",", "has", "2,150", "soldiers")
    assert clause_tokens(["Gao (a city) fell \u2014 twice", "Mali"]) == (
        "gao", ",", "a", "city", ",", "fell", ",", "twice", "|", "mali")
    assert clause_tokens(["It fell. Was it 3.5 or 3,000\u20134,000? No; never\u2013twice!"]) == (
        "it", "fell", ".", "was", "it", "3.5", "or", "3,000", "4,000", ".", "no", ",", "never",
        ",", "twice")


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("He did not offer details", True),
        ("Islamists refused to ban music", True),
        ("Le Drian declined to comment", True),
        ("France declined to keep 2,150 soldiers", True),
        # a cue right after a relative pronoun, auxiliaries aside, is the clause's
        ("an official who declined to be named said troops hold Gao", False),
        ("an official who did not want to be named said troops hold Gao", False),
        ("an official who was not named said troops hold Gao", False),
        ("an official who asked not to be named said troops hold Gao", False),
        # a clause a comma opens with a relative pronoun and another closes is the clause's
        ("an official, who asked not to be named, said troops hold Gao", False),
        ("Gao, which the army was unable to defend, fell to the militants", False),
        ("Gao (which the army could not defend) fell to the militants", False),
        ("said an official, who declined to be named.", False),  # (right after "who")
        # left open at the end of the sentence, it may run into the main clause or comment on
        # the whole sentence
        ("Islamist fighters seized the north, which the army was unable to defend", True),
        ("Islamic extremists, who ruled the north did not ban music.", True),
        ("Islamic extremists, who ruled the north and did not ban music.", True),
        ("Islamic extremists, who ruled the north\u2013did not ban music.", True),
        ("Islamic extremists banned music, which is not true.", True),
        ("Islamic extremists banned music, which did not happen.", True),
        ("Islamic extremists banned music, which they did not.", True),
        ("Islamic extremists took over the north, which meant music was not banned.", True),
        ("Islamic extremists took the north, which is why they did not ban music.", True),
        # a sentence's end ends every clause
        ("Islamic extremists ruled the north, which was lawless. They did not ban music.", True),
        ("Islamic extremists, who ruled Mali's north? They did not ban music.", True),
        # a cue after the clause is the statement's: the comma ends the clause ...
        ("Le Drian, who spoke to BFM, declined to offer details", True),
        ("Le Drian, who spoke, did not offer additional details", True),
        ("Islamic extremists, who were ousted, never banned music", True),
        ("The French offensive, which continued, has not killed hundreds of fighters", True),
        ("Gao, which France freed, did not fall", True),
        # ... and without commas a word between the pronoun and the cue may end the clause
        ("Islamic extremists who ruled did not ban music", True),
        ("Islamist fighters who fled never seized the north", True),
        ("the towns which France did not free", True),  # (the clause's, but not known)
        # a pronoun that opens the text asks a question
        ("Who did not flee is unclear", True),
        ("Which units did not fight?", True),
    ],
)
def test_a_cue_counts_in_the_statement_own_clause(text: str, negated: bool) -> None:
    assert _negated(text) is negated


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        # "declined to" an amount is "fell to"
        ("The force declined to 2,150 soldiers", False),
        ("The force declined to nearly 3,800", False),
        ("The force declined to two thousand", False),
        ("The force declined to a few hundred", False),
        ("The force declined to several hundred", False),
        ("The force declined to a dozen", False),
        ("The force declined to eleven hundred", False),
        ("The force declined to more than 3,000", False),
        ("The force declined to between 3,000 and 4,000", False),
        # a hedge word without a number is no amount
        ("France declined to over-extend its forces", True),
        ("Le Drian declined to just say", True),
        ("Le Drian declined to some questions", True),
        ("Le Drian declined to comment on 3 reports", True),
        # nor is a number further on
        ("France declined to nearly double its 2,150 soldiers in Mali", True),
        ("France declined to up its 2,150 soldiers to 4,000", True),
    ],
)
def test_declined_to_an_amount_is_no_refusal(text: str, negated: bool) -> None:
    assert _negated(text) is negated


def test_an_amount_may_be_the_next_slot() -> None:
    assert not _negated("The force", "declined to", "nearly 3,800 soldiers")
    assert _negated("Le Drian", "declined to", "offer details")
    assert _negated("France", "declined to", "nearly double its 2,150 soldiers")


def test_a_relative_pronoun_in_another_text_does_not_scope_a_negation() -> None:
    assert _negated("an official who", "did not free Gao")
    assert not _negated("an official who did not want to be named", "said troops hold Gao")

