"""Which negation cues are the statement's own: all but an unnamed source's and "declined to" an
amount."""

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
        ("Islamists are refusing to ban music", True),
        ("French forces are failing to free Timbuktu", True),
        ("Le Drian declined to comment", True),
        ("France declined to keep 2,150 soldiers", True),
        # not being named says who the source is, not what the claim is
        ("an official who declined to be named said troops hold Gao", False),
        ("an official who did not want to be named said troops hold Gao", False),
        ("an official who asked not to be identified said troops hold Gao", False),
        ("an official who can't be named said troops hold Gao", False),
        ("said an official, who declined to be named.", False),
        ("an official who asked not to be quoted told CNN troops hold Gao", False),
        ("an official, who declined to be named, said troops hold Gao", False),
        # ... but not being named may be the claim itself, and then it counts: only a source
        # (what it said follows) is set aside ...
        ("The militants, who could not be identified, seized Gao", True),
        ("It was Le Drian who declined to be quoted.", True),
        ("Le Drian is the official who refused to be named.", True),
        ("Jean-Yves Le Drian is the man who refused to be named: French defense minister.",
         True),
        # ... another verb's cue is not the source's ...
        ("Islamic extremists who never banned music can be identified.", True),
        ("Islamic extremists who never banned smoking can be identified, officials said.", True),
        # ... nor is the organisation's
        ("The WHO declined to be quoted.", True),
        ("WHO refused to be quoted, said Le Drian.", True),
        ("Jean-Yves Le Drian refused to be named French defense minister", True),
        ("Le Drian, who refused to be named French defense minister, said so", True),
        ("The dead cannot be identified.", True),
        ("an official who declined to be named as the source said troops hold Gao", True),
        # every other cue is the statement's: in a relative clause (some right paraphrases
        # are rejected: the clause may be the claim, "officials said" after it) ...
        ("Le Drian, who did not speak to BFM, said troops hold Gao", True),
        ("Islamic extremists, who did not ban music, ruled the north", True),
        ("Islamic extremists, who did not ban music, officials said.", True),
        ("Islamic extremists, who did not ban music, according to officials.", True),
        ("Islamic extremists, who did not ban music; they ruled northern Mali.", True),
        ("It was Islamic extremists, who did not ban music, officials said.", True),
        # ... after the clause ...
        ("Le Drian, who spoke to BFM, declined to offer details", True),
        ("Le Drian, who spoke, did not offer additional details", True),
        ("Islamic extremists, who were ousted, never banned music", True),
        ("Gao, which France freed, did not fall", True),
        # ... in a clause left open at the end of a sentence, or run on past a missing comma
        ("Islamic extremists, who did not ban music.", True),
        ("Islamic extremists, who ruled the north did not ban music.", True),
        ("Islamic extremists, who ruled the north did not ban music, officials said.", True),
        ("Islamic extremists, who ruled the north and did not ban music.", True),
        # ... without a comma ...
        ("Islamic extremists who ruled did not ban music", True),
        ("It was Islamic extremists who did not ban music.", True),
        ("Islamic extremists were the ones who did not ban music.", True),
        ("an official who declined to comment said troops hold Gao", True),
        ("the towns which France did not free", True),
        ("Who did not flee is unclear", True),
        # ... after "which", which may comment on the whole sentence ...
        ("Gao, which the army was unable to defend, fell to the militants", True),
        ("Islamist fighters seized the north, which the army was unable to defend", True),
        ("Islamic extremists banned music, which is not true.", True),
        ("Islamic extremists banned music, which is not true, officials said.", True),
        ("Islamic extremists banned music (which is not true), officials said.", True),
        ("Islamic extremists banned music \u2014 which is not true \u2014 officials said.", True),
        ("Islamic extremists banned music, which did not happen.", True),
        ("Islamic extremists banned music, which they did not.", True),
        ("Islamic extremists took over the north, which meant music was not banned.", True),
        ("Islamic extremists took the north, which is why they did not ban music.", True),
        # ... and after a sentence's end, however it is written
        ("Islamic extremists ruled the north, which was lawless. They did not ban music.", True),
        ("Islamic extremists, who ruled Mali's north? They did not ban music.", True),
        ("Islamic extremists, who ruled the north\u2026 They did not ban music, officials said.",
         True),
        ("Islamic extremists, who ruled the north\nThey did not ban music, officials said.", True),
        ("Islamic extremists, who ruled the north\u2013did not ban music, officials said.", True),
        ("Islamic extremists, who ruled the north--did not ban music, officials said.", True),
        ("Islamic extremists, who ruled the north \u2015 did not ban music, officials said.",
         True),
        ("Islamic extremists, who never banned music\rin the end, they fled.", True),
        ("Islamic extremists, who never banned music\u2028in the end, they fled.", True),
    ],
)
def test_every_cue_counts_but_an_unnamed_source_s(text: str, negated: bool) -> None:
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
        ("France declined to zero in on Kidal", True),
        ("France declined to zero out its troops", True),
        ("The force is declining to 2,150 soldiers", False),
        # nor is a number further on
        ("France declined to nearly double its 2,150 soldiers in Mali", True),
        ("France declined to up its 2,150 soldiers to 4,000", True),
    ],
)
def test_declined_to_an_amount_is_no_refusal(text: str, negated: bool) -> None:
    assert _negated(text) is negated


def test_a_slot_end_is_no_sentence_end() -> None:
    assert _negated("Jean-Yves Le Drian", "is the man who refused to be named",
                    "French defense minister")
    assert not _negated("an official who did not want to be named", "said troops hold Gao")


def test_an_amount_may_be_the_next_slot() -> None:
    assert not _negated("The force", "declined to", "nearly 3,800 soldiers")
    assert _negated("Le Drian", "declined to", "offer details")
    assert _negated("France", "declined to", "nearly double its 2,150 soldiers")


def test_a_relative_pronoun_in_another_text_does_not_scope_a_negation() -> None:
    assert _negated("an official who", "did not free Gao")
    assert not _negated("an official who did not want to be named", "said troops hold Gao")

