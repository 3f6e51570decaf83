"""Normalisation, numbers and dates, entity forms, guards, registry and assignment."""

from __future__ import annotations

import datetime as dt

import pytest

from benchmark.matching import MatchScore, available_matchers, get_matcher
from benchmark.matching import registry as registry_module
from benchmark.matching.assignment import assign
from benchmark.matching.entities import EMPTY_INDEX, EntityIndex
from benchmark.matching.lexicon import DocumentLexicon, content_stems, is_content
from benchmark.matching.negation import is_negated
from benchmark.matching.numbers import Count, DateValue, parse_counts, parse_dates, parse_iso
from benchmark.matching.registry import UnknownMatcher
from benchmark.matching.text import exact_form, fold, is_irrealis, stem, words
from benchmark.model import Entity, Span

PUBLISHED = dt.date(2013, 2, 6)


def points(text: str) -> list[float]:
    return [c.low for c in parse_counts(text)]


@pytest.mark.parametrize(("text", "values"), [
    ("4,000 French soldiers", [4000.0]),
    ("4000 French soldiers", [4000.0]),
    ("2,150 soldiers and 1,000 more troops", [2150.0, 1000.0]),
    ("two thousand one hundred fifty soldiers", [2150.0]),
    ("two thousand one hundred and fifty soldiers", [2150.0]),
    ("a thousand troops", [1000.0]),
    ("three cities", [3.0]),
    ("1.5 million people", [1_500_000.0]),
    ("a dozen towns", [12.0]),
    ("one of the last cities", []),
    ("no number here", []),
])
def test_counts(text: str, values: list[float]) -> None:
    assert points(text) == values


def test_vague_and_hedged_counts() -> None:
    (hundreds,) = parse_counts("killed ‘hundreds’ of fighters")
    assert (hundreds.low, hundreds.high, hundreds.vague) == (200.0, 999.0, True)
    (nearly,) = parse_counts("nearly 3,800 African soldiers")
    assert (nearly.low, nearly.high, nearly.approximate) == (3610.0, 3800.0, True)
    # Hedged is still near that number: "nearly 3,800" is not 4,000.
    assert not nearly.overlaps(Count(4000.0, 4000.0))
    assert nearly.overlaps(Count(3800.0, 3800.0))
    assert hundreds.overlaps(Count(500.0, 500.0))
    assert not hundreds.overlaps(Count(2150.0, 2150.0))


def test_a_gold_time_is_its_iso_value_and_a_predicted_one_both_its_readings() -> None:
    from benchmark.matching.features import _numbers
    from benchmark.model.qualifiers import Qualifiers, TimeQualifier

    lexicon = DocumentLexicon(EMPTY_INDEX, PUBLISHED, "", None)
    march = Qualifiers(time=TimeQualifier("in March", "2013-03"), location="Gao in March 2012")
    gold_dates = _numbers([], march, lexicon, time_from_value=True)[1]
    predicted_dates = _numbers([], march, lexicon, time_from_value=False)[1]
    iso = parse_iso("2013-03")
    assert iso in gold_dates and iso in predicted_dates
    # the raw text's yearless March is the prediction's claim too, not the gold's
    assert len(predicted_dates) == len(gold_dates) + 1
    # a location's dates are the gold's as well
    assert len(gold_dates) == 1 + len(_numbers([], Qualifiers(location="Gao in March 2012"),
                                                lexicon, time_from_value=True)[1])


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("several hundred fighters", 200.0, 999.0),
        ("a few hundred fighters", 200.0, 999.0),
        ("several thousand troops", 2_000.0, 9_999.0),
        ("hundreds of thousands of people", 200_000.0, 999_999.0),
        ("tens of thousands of people", 20_000.0, 99_999.0),
        ("tens of fighters", 20.0, 99.0),
        ("billions of euros", 2e9, 9_999_999_999.0),
        # a scale after "several hundred" multiplies the whole range (one count, not two)
        ("several hundred thousand people", 200_000.0, 999_999.0),
        ("a few hundred million euros", 2e8, 999_999_999.0),
    ],
)
def test_vague_scales(text: str, low: float, high: float) -> None:
    (count,) = parse_counts(text)
    assert (count.low, count.high, count.vague) == (low, high, True)


def test_a_scale_after_other_words_is_still_its_number() -> None:
    assert points("a hundred fighters") == [100.0]
    assert points("two hundred fighters") == [200.0]
    assert points("the few 100 men") == [100.0]  # digits are what they say


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("more than 3,800 soldiers", 3800.0038000009995, float("inf")),
        ("over 1,000 troops", 1000.001000001, float("inf")),
        ("at least 12 towns", 12.000012001, float("inf")),
        ("nearly 3,800 soldiers", 3610.0, 3800.0),
        ("almost 200 fighters", 190.0, 200.0),
        ("up to 500 troops", 0.0, 500.0),
        ("fewer than 100 troops", 0.0, 99.9999),
        ("about 3,800 soldiers", 3610.0, 3990.0),
        ("some 4,000 troops", 3800.0, 4200.0),
        ("1,000 more troops", 1000.0, 1000.0),  # "more" after the number is not a hedge
    ],
)
def test_hedges_give_the_side_of_the_number(text: str, low: float, high: float) -> None:
    (count,) = parse_counts(text)
    assert count.low == pytest.approx(low, rel=1e-12)
    assert count.high == pytest.approx(high, rel=1e-12)


def test_more_than_contradicts_nearly() -> None:
    (more,) = parse_counts("more than 3,800")
    (nearly,) = parse_counts("nearly 3,800")
    (about,) = parse_counts("about 3,800")
    assert not more.overlaps(nearly)
    assert more.overlaps(about) and nearly.overlaps(about)


@pytest.mark.parametrize(("text", "values"), [
    ("On 5 March French forces counted 5 towns", [5.0]),  # the day is no count; the towns are
    ("On the 5th of March there were 5 towns", [5.0]),
    ("on the 5th of March", []),
    ("on 5th March 2013", [2013.0]),  # a year stays a count: it may be one
    ("March 5 million people", [5_000_000.0]),  # a scaled number by a month is a count
    ("about 12 March troops", [11.4]),  # and so is a hedged one
    ("on March 5,000 troops arrived", [5000.0]),  # a day is no part of a larger number
    ("on the 45th of March", [45.0]),  # no month has that day: a number, to be checked
    ("on 5 of March 2013", [2013.0]),  # the 5 is the day
])
def test_days_of_dates_are_no_counts_but_the_same_number_elsewhere_is(text: str,
                                                                      values: list[float]
                                                                      ) -> None:
    from benchmark.matching.numbers import numbers_in

    assert [c.low for c in numbers_in(text, PUBLISHED)[0]] == pytest.approx(values)


def test_dates() -> None:
    (march_2013,) = parse_dates("in March 2013")
    assert (march_2013.start, march_2013.end) == (dt.date(2013, 3, 1), dt.date(2013, 3, 31))
    (march,) = parse_dates("in March")
    assert march.month_only == 3
    (year,) = parse_dates("in 2012")
    assert year.start == dt.date(2012, 1, 1)
    assert parse_dates("last year") == ()  # relative phrases need a publication date
    (last_year,) = parse_dates("last year", PUBLISHED)
    assert last_year.start == dt.date(2012, 1, 1)
    (next_month,) = parse_dates("next month", PUBLISHED)
    assert next_month.overlaps(march_2013)
    (last_week,) = parse_dates("last week", PUBLISHED)
    assert (last_week.start, last_week.end) == (dt.date(2013, 1, 28), dt.date(2013, 2, 3))
    assert parse_dates("they may leave") == ()  # the modal, not the month


@pytest.mark.parametrize(("text", "label"), [
    ("on February 6, 2013", "2013-02-06"),
    ("on 6 February 2013", "2013-02-06"),
    ("Feb. 6, 2013", "2013-02-06"),
    ("Sept. 6, 2013", "2013-09-06"),
    ("February 6th", "February 6 (no year)"),
    ("the 2nd of March", "March 2 (no year)"),
    ("on 2 March", "March 2 (no year)"),
    ("on 5 of March", "March 5 (no year)"),
    ("3.5th June", "June (no year)"),  # no day out of a decimal
    ("On 5 February, 12 soldiers were wounded", "February 5 (no year)"),
    ("On 5 February 12 soldiers were wounded", "February 5 (no year)"),
    ("February 30, 2013", "2013-02"),  # no such day: the month is still meant
    ("on February 29", "February 29 (no year)"),  # a leap year has it
    ("in March 2013", "2013-03"),
    # a number next to a month without a year, an ordinal or "on" is more often a count
    ("Hollande visited Timbuktu in February, 4 days after it was freed", "February (no year)"),
    ("In January 20 people died", "January (no year)"),
    ("France sent 12 March troops", "March (no year)"),
    ("in March 2 battalions", "March (no year)"),
    ("As of 5 February 4000 French soldiers", "February (no year)"),  # 4000 is no year
    # a range is not one day
    ("on the night of February 4-5", "February (no year)"),
    ("on February 3 to 5", "February (no year)"),
    ("4-5 February 2013", "2013-02"),
    ("on 4 and 5 February", "February (no year)"),
])
def test_a_month_with_a_day_is_that_day(text: str, label: str) -> None:
    (date,) = parse_dates(text, PUBLISHED)
    assert date.label() == label


@pytest.mark.parametrize(("text", "labels"), [
    # "Jun'ichi" is one word, not the month June; "12Feb" is February, without a day
    ("Jun'ichi Sato said on March 5, 2013 that the vote, set for 12Feb, was delayed.",
     ["2013-03-05", "February (no year)"]),
    ("Jun'ichi Ito arrived on 5 March 2013; the report (ref. MAR5) was filed in January",
     ["2013-03-05", "March (no year)", "January (no year)"]),
    ("feb_2013 and on March 5, 2013", ["2013-02", "2013-03-05"]),
    # a reference point keeps its month
    ("in the two days before February 6, 2013", ["2013-02"]),
    ("since 5 March 2013", ["2013-03"]),
])
def test_each_day_belongs_to_its_own_month(text: str, labels: list[str]) -> None:
    assert [date.label() for date in parse_dates(text, PUBLISHED)] == labels


def test_a_day_agrees_only_with_intervals_and_days_that_hold_it() -> None:
    def date(text: str) -> DateValue:
        (found,) = parse_dates(text, PUBLISHED)
        return found

    tuesday = parse_iso("2013-02-05")
    assert date("February 5, 2013").overlaps(tuesday) and tuesday.overlaps(date("on February 5"))
    assert not date("February 4, 2013").overlaps(tuesday)
    assert not tuesday.overlaps(date("on February 6"))
    assert date("on February 6").overlaps(parse_iso("2013-02"))
    assert date("on February 6").overlaps(parse_iso("2013-W06"))  # Monday 4 to Sunday 10
    assert not date("on February 6").overlaps(parse_iso("2013-W05"))
    assert not date("on February 29").overlaps(parse_iso("2013"))  # no February 29 in 2013
    assert date("on February 29").overlaps(parse_iso("2012"))
    assert date("on February 6").overlaps(date("in February"))
    assert not date("on February 6").overlaps(date("on February 7"))
    assert not date("on February 6").overlaps(date("on March 6"))


def test_iso_values() -> None:
    week = parse_iso("2013-W05")
    assert week == DateValue(dt.date(2013, 1, 28), dt.date(2013, 2, 3))
    assert parse_iso("2013-02-04/2013-02-05") == DateValue(dt.date(2013, 2, 4),
                                                           dt.date(2013, 2, 5))
    assert parse_iso("P1Y") is None
    assert parse_iso("2013-01") == DateValue(dt.date(2013, 1, 1), dt.date(2013, 1, 31))


def test_folding_and_words() -> None:
    assert fold("“Hundreds” — ‘of’\u00a0Them") == '"hundreds" - \'of\' them'
    assert words("He didn't offer Mali’s details") == ("he", "did", "n't", "offer", "mali",
                                                        "details")
    assert exact_form("The  French-led   troops") == "french led troops"


@pytest.mark.parametrize(("a", "b"), [("freed", "free"), ("troops", "troop"),
                                      ("withdrawing", "withdraw"), ("banned", "ban"),
                                      ("seized", "seize"), ("gave", "give"), ("took", "take"),
                                      ("killed", "kill"), ("operations", "operation")])
def test_stemmer_equates_inflections(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_stemmer_keeps_different_words_apart() -> None:
    assert stem("tombs") != stem("shrines")
    assert stem("music") != stem("smoking")


def test_cues() -> None:
    assert is_negated(words("He did not offer details"))
    assert is_negated(words("He didn't offer details"))
    assert is_negated(words("France denied it"))
    assert not is_negated(words("He offered details"))

    assert is_irrealis(words("World leaders feared that militants would turn it"))
    assert is_irrealis(words("France expects to begin pulling out"))
    assert not is_irrealis(words("France began pulling out"))


def test_entity_forms_are_interchangeable() -> None:
    drian = Entity("le-drian", "Jean-Yves Le Drian", "person",
                   (Span(0, 1, "the French defense minister"), Span(0, 1, "He")), ("Le Drian",))
    troops = Entity("troops", "French troops", "group",
                    (Span(0, 1, "4,000 French soldiers"), Span(0, 1, "troops")))
    others = Entity("led", "French-led troops", "group", (Span(0, 1, "troops"),))
    index = EntityIndex.build([drian, troops, others], content_stems, is_content)

    def canon(text: str) -> tuple[str, ...]:
        return index.canonicalise(content_stems(text))

    assert canon("the French defense minister") == canon("Jean-Yves Le Drian") == ("@le-drian",)
    assert canon("Le Drian") == ("@le-drian",)
    assert "4000" in canon("4,000 French soldiers")  # forms with numbers are not folded
    assert canon("troops") == ("troop",)  # ambiguous between two entities: left as a word
    assert canon("he") == content_stems("he")  # pronouns are not forms


def test_registry_lists_and_resolves() -> None:
    assert {"exact", "lenient"} <= set(available_matchers())
    assert get_matcher("lenient").name == "lenient"
    with pytest.raises(UnknownMatcher, match=r"available: .*exact.*lenient"):
        get_matcher("fuzzy")


def test_registry_works_without_package_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry_module, "_entry_points", dict)
    assert get_matcher("exact").name == "exact"
    assert set(available_matchers()) == {"exact", "lenient"}


def test_match_score_is_validated() -> None:
    with pytest.raises(ValueError, match="outside"):
        MatchScore(1.5, "matched", "")
    with pytest.raises(ValueError, match="unknown reason"):
        MatchScore(0.5, "close enough", "")


def test_assignment_prefers_more_pairs_then_required_then_score() -> None:
    # One-to-one: the greedy best pair (0, 0) would leave prediction 1 unmatched.
    assert assign([[0.9, 0.8], [0.7, 0.0]], 0.5, [True, True]) == [(0, 1), (1, 0)]
    # Same number of pairs: a required fact wins over an optional one with a higher score.
    assert assign([[0.7, 0.95]], 0.5, [True, False]) == [(0, 0)]
    # Pairs below the threshold are never made.
    assert assign([[0.4, 0.3]], 0.5, [True, True]) == []
    assert assign([[0.6, 0.9]], 0.5, [True, True]) == [(0, 1)]


def test_digit_groups_with_two_dots_are_no_number() -> None:
    # "1.2.3" used to reach float() and crash scoring; a version or a section is no count
    assert parse_counts("version 1.2.3 of 4,000 troops") == parse_counts("4,000 troops")
    assert content_stems("1.2.3 troops") == ("1.2.3", "troop")
    assert points("1.5 million and 1,234.5") == [1_500_000.0, 1234.5]
    from matcher_cases import document, gold

    from benchmark.matching.protocol import MatchContext
    from benchmark.model.prediction import Prediction

    facts = gold()
    prediction = Prediction(document_id=facts.document_id, subject="France", predicate="sent",
                            object="1.2.3 troops")
    result = get_matcher("lenient").score(prediction, facts.facts[0],
                                          MatchContext(document(), facts))
    assert result.reason in ("below_threshold", "number_mismatch")
