"""Number parsing's shortcuts (which tokens are looked at, which texts are parsed at all) agree
with reading every token, on generated phrases full of numbers, number words, hedges and dates."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from hypothesis import example, given, settings
from hypothesis import strategies as st

from benchmark.matching import numbers
from benchmark.matching.entities import EMPTY_INDEX
from benchmark.matching.features import FactFeatures, PredictionFeatures
from benchmark.matching.guards import number_guard
from benchmark.matching.lexicon import DocumentLexicon
from benchmark.matching.numbers import (
    Count,
    DateValue,
    collapse_numbers,
    date_counts,
    hedged_count,
    number_token,
    numbers_in,
    parse_counts,
    parse_dates,
    year_count,
)
from benchmark.matching.text import words
from benchmark.model import Fact, Prediction, Qualifiers, Span
from benchmark.model.qualifiers import TimeQualifier

# every word of every hedge, so each hedge can be generated
HEDGE_WORDS = sorted({word for hedges in (numbers._ABOVE, numbers._BELOW, numbers._AT_MOST,
                                          numbers._STRICTLY_BELOW) for hedge in hedges
                      for word in hedge} | numbers._AROUND)
TOKENS = ["4,000", "4000", "3.5", "1.2.3", "2013", "12", "5", "0", "two", "one", "a", "thousand",
          "hundred", "fifty", "and", "dozen", "dozens", "hundreds", "March", "may", "last",
          "year", "days", "next", "troops", "the", "killed", ",", ".", "²", "th", "of",
          "million", "Feb", *HEDGE_WORDS]
PHRASE = st.lists(st.sampled_from(TOKENS), max_size=9).map(" ".join)
PUBLISHED = st.sampled_from([None, dt.date(2013, 2, 6)])


def _counts_reading_every_token(tokens: tuple[str, ...]) -> tuple[Count, ...]:
    """parse_counts as a plain left-to-right scan over every token."""
    counts: list[Count] = []
    i = 0
    while i < len(tokens):
        token, before = tokens[i], tokens[max(0, i - 2):i]
        after = i + 1
        if numbers._NUMBER.match(token):
            value = float(token.replace(",", ""))
            if after < len(tokens) and numbers._SCALES.get(tokens[after], 0) > 100:
                value *= numbers._SCALES[tokens[after]]
                after += 1
            counts.append(hedged_count(value, before, token.isdigit(),
                                       tokens[after] if after < len(tokens) else ""))
            i = after
            continue
        if token in numbers._VAGUE:
            low, high = numbers._VAGUE[token]
            counts.append(Count(low, high, approximate=True, vague=True))
        elif token in numbers._RUN_START:
            parsed = numbers._number_word_run(tokens, i)
            if parsed is not None:
                if tokens[i:parsed[1]] != ("one",):
                    counts.append(hedged_count(parsed[0], before, after=tokens[parsed[1]]
                                               if parsed[1] < len(tokens) else ""))
                i = parsed[1]
                continue
        i += 1
    return tuple(counts)


def _collapsed_reading_every_token(tokens: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if numbers._NUMBER.match(token):
            out.append(number_token(float(token.replace(",", ""))))
            i += 1
            continue
        parsed = numbers._number_word_run(tokens, i) if token in (
            *numbers._UNITS, *numbers._TENS, "a", "one") else None
        if parsed is not None and tokens[i:parsed[1]] not in (("one",), ("a",)):
            out.append(number_token(parsed[0]))
            i = parsed[1]
            continue
        out.append(token)
        i += 1
    return tuple(out)


@settings(max_examples=500, deadline=None)
@given(PHRASE)
@example("about 4,000 troops")
@example("below 4,000 troops")
@example("about a thousand troops")
@example("a thousand and fifty troops over two days")
@example("version 1.2.3 of 4,000")
def test_counts_equal_reading_every_token(text: str) -> None:
    assert parse_counts.__wrapped__(text) == _counts_reading_every_token(words(text))


@settings(max_examples=500, deadline=None)
@given(PHRASE)
@example("two thousand one hundred and fifty")
@example("a dozen and one")
def test_collapsed_numbers_equal_reading_every_token(text: str) -> None:
    assert collapse_numbers(words(text)) == _collapsed_reading_every_token(words(text))


@settings(max_examples=500, deadline=None)
@given(PHRASE, PUBLISHED)
@example("March 5, 2013", dt.date(2013, 2, 6))
@example("12 troops in 2013", None)
@example("12 March the troops 12", None)  # the second 12 is a count (not dropped by value)
@example("March 5 thousand troops", None)  # a scaled number by a month is a count
def test_numbers_in_equals_parsing_counts_and_dates(text: str, published: dt.date | None
                                                    ) -> None:
    # numbers_in parses only texts that may hold a number or a date; parsing every text
    # must give the same
    tokens = words(text)
    assert numbers_in.__wrapped__(text, published) == (
        numbers._counts_of(tokens, numbers._date_positions(tokens)),
        parse_dates(text, published))
    # and the counts left out are only numbers that are days of dates, at most one each
    kept, every = Counter(numbers_in(text, published)[0]), Counter(parse_counts(text))
    assert not kept - every
    left_out = every - kept
    assert not left_out - Counter(date_counts(text))


@given(st.lists(st.sampled_from([*HEDGE_WORDS, "troops", "the"]), max_size=3).map(tuple))
@example(("fewer", "than"))
@example(("below",))
def test_hedges_are_only_read_from_their_last_word(before: tuple[str, ...]) -> None:
    # _hedge returns early unless the last word can end a hedge
    pair, last = before[-2:], before[-1:]
    sides = [side for hedges, side in ((numbers._BELOW, "below"), (numbers._AT_MOST, "at most"),
                                       (numbers._STRICTLY_BELOW, "strictly below"),
                                       (numbers._ABOVE, "above")) if pair in hedges]
    sides += [side for hedges, side in ((numbers._ABOVE, "above"),
                                        (numbers._STRICTLY_BELOW, "strictly below"),
                                        (numbers._BELOW, "below")) if last in hedges]
    if last and last[0] in numbers._AROUND:
        sides.append("around")
    assert numbers._hedge(before) == (sides[0] if sides else None)


@settings(max_examples=300, deadline=None)
@given(st.lists(PHRASE, max_size=4), PUBLISHED)
@example(["troops killed", "the nearly"], None)
@example(["troops", "two"], None)
def test_a_features_numbers_are_those_of_its_texts(texts: list[str], published: dt.date | None
                                                   ) -> None:
    # features._numbers rules out numbers for all texts at once where it can
    from benchmark.matching.entities import EMPTY_INDEX
    from benchmark.matching.features import _numbers
    from benchmark.matching.lexicon import DocumentLexicon
    from benchmark.model.qualifiers import Qualifiers

    lexicon = DocumentLexicon(EMPTY_INDEX, published, "", None)
    found = [numbers_in(text, published) for text in texts]
    assert _numbers(texts, Qualifiers(), lexicon, time_from_value=False) == (
        tuple(c for counts, _ in found for c in counts),
        tuple(d for _, dates in found for d in dates))


# (not in May: "may" is read as the modal verb, never as the month)
DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)).filter(
    lambda day: day.month != 5)


@settings(max_examples=300, deadline=None)
@given(DAYS, DAYS, st.sampled_from(["{month} {day}, {year}", "{day} {month} {year}",
                                    "the {day}th of {month} {year}"]))
def test_a_written_day_agrees_with_an_iso_day_exactly_when_they_are_one_day(
        written: dt.date, iso: dt.date, form: str) -> None:
    from benchmark.matching.numbers import parse_iso

    def one_date(year: str) -> DateValue:
        (date,) = parse_dates(form.format(month=written.strftime("%B"), day=written.day,
                                          year=year))
        return date

    other = parse_iso(iso.isoformat())
    assert other is not None
    date = one_date(str(written.year))
    assert date.overlaps(other) == other.overlaps(date) == (written == iso)
    # without its year (and with "on", which makes the number a day), the day agrees with
    # every year's same month and day
    yearless = parse_dates("on " + form.format(month=written.strftime("%B"), day=written.day,
                                               year=""))[0]
    assert yearless.day == written.day
    assert yearless.overlaps(other) == ((written.month, written.day) == (iso.month, iso.day))


DATE_TOKENS = ["March", "Feb.", "January", "on", "the", "of", "in", "5", "12", "5th", "2013",
               "2012", "4000", ",", "-", "to", "and", "troops", "5february", "_march", "last",
               "year", "days"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(DATE_TOKENS), max_size=10).map(" ".join), PUBLISHED)
@example("on 5february and on March 4, 2013", None)
def test_every_month_name_gives_one_date_and_days_are_real_days(text: str,
                                                                published: dt.date | None
                                                                ) -> None:
    from benchmark.matching.numbers import _MONTHS

    months = [t for t in words(text) if t in _MONTHS]
    month_dates = [d for d in parse_dates(text, published)
                   if d.month_only is not None or (d.start is not None and d.end is not None
                                                   and (d.end - d.start).days < 40)]
    # relative phrases ("last year") make dates too, but never of a month or a day
    assert len(month_dates) == len(months)
    for date, month in zip(month_dates, months, strict=True):
        assert (date.month_only or date.start.month) == _MONTHS[month]  # type: ignore[union-attr]
        if date.day is not None:
            assert 1 <= date.day <= 31


GOLD_TIMES = st.sampled_from([None, "2013", "2012", "2013-03", "2013-02-05", "2013-W05",
                              "2013-02-04/2013-02-05", "2012/2013"])


def _number_guard_rejects_1_3(p: PredictionFeatures, f: FactFeatures) -> bool:
    """number_guard's decision as lenient 1.3.0 took it (before a year of the prediction's
    own month or day was left to the date check): the reference the change must keep."""
    for count in p.counts:
        if any(count.agrees(g) for g in f.counts):
            if f.statement_counts and not any(count.agrees(g) for g in f.statement_counts):
                return True
            continue
        as_year = year_count(count)
        if as_year is not None and any(as_year.overlaps(d) for d in f.dates):
            continue
        return True
    for date in p.dates:
        if any(date.overlaps(d) for d in f.dates):
            continue
        if date.start is not None and date.start.month == 1 and date.end is not None and \
                date.end.month == 12 and any(c.plain_integer and c.low == date.start.year
                                             for c in f.counts):
            continue
        return True
    return False


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(DATE_TOKENS), max_size=8).map(" ".join),
       st.lists(st.sampled_from(DATE_TOKENS), max_size=8).map(" ".join), GOLD_TIMES)
@example("March 2013", "troops", None)
@example("on March 5 2013 and 2012", "troops", "2012")
@example("March 2012 to 2013 in January", "troops", "2012")  # 2013 is no year of "January"
def test_the_number_guard_decides_as_before_when_a_year_is_left_to_its_date(
        predicted: str, stated: str, time: str | None) -> None:
    lexicon = DocumentLexicon(EMPTY_INDEX, dt.date(2013, 2, 6), "", None)
    fact = Fact(id="f1", statement=f"France sent troops {stated}.", subject="France",
                predicate="sent", object=f"troops {stated}", modality="asserted",
                evidence=(Span(0, 1),), category="military_action",
                qualifiers=Qualifiers(time=TimeQualifier("then", time)) if time else Qualifiers())
    prediction = Prediction(document_id="d", statement=f"France sent troops {predicted}.")
    p, f = PredictionFeatures(prediction, lexicon), FactFeatures(fact, lexicon)
    assert (number_guard(p, f) is not None) == _number_guard_rejects_1_3(p, f)
