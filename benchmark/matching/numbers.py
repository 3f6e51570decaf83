"""Numbers, number words and dates parsed from text, as typed values the guards compare.

"4,000", "4000", "two thousand one hundred fifty", "a thousand" are counts; "hundreds" is the
vague range [200, 999] (the annotation guidelines' convention), and so are "several hundred" and
"a few hundred" ("hundreds of thousands": [200,000, 999,999]); "March 2013", "in March",
"2012" and, given the publication date, "last month" / "next month" / "last year" are dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from benchmark.matching.text import fold, words

_UNITS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_VAGUE = {
    "tens": (20.0, 99.0),
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2_000.0, 9_999.0),
    "millions": (2e6, 9_999_999.0),
    "billions": (2e9, 9_999_999_999.0),
}
# The plural scales that multiply a vague plural before them ("hundreds of thousands").
_PLURAL_SCALES: dict[tuple[str, ...], float] = {("thousands",): 1_000.0, ("millions",): 1e6,
                                                ("billions",): 1e9}
# Words before a scale that make it vague: "several hundred", "a few thousand".
_FEW = frozenset({("several",), ("few",)})
# What a hedge says about where the true value lies, relative to the number written.
_ABOVE = frozenset({("more", "than"), ("over",), ("at", "least"), ("upwards", "of"),
                    ("greater", "than"), ("exceeding",)})
_BELOW = frozenset({("nearly",), ("almost",), ("just", "under")})
_AT_MOST = frozenset({("up", "to"), ("at", "most")})
_STRICTLY_BELOW = frozenset({("under",), ("fewer", "than"), ("less", "than"), ("below",)})
_AROUND = frozenset({"about", "around", "roughly", "approximately", "some", "circa", "approx",
                     "approximate", "estimated"})
_TIME_UNITS = frozenset({"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days",
                         "week", "weeks", "month", "months", "year", "years", "decade",
                         "decades"})
# "about 3,800" admits this relative distance either way; "nearly 3,800" this much below.
APPROXIMATION = 0.05
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS.pop("may")  # "may" is far more often the modal verb
_MONTHS["sept"] = 9  # "Sept. 5" (news style) beside the calendar's "Sep"
# Every word that names a month, "may" too (for what is a name and what is not).
MONTH_WORDS = frozenset({*_MONTHS, "may"})
# Digit groups a number is written with ("4,000", "3.5"); with two or more dots ("1.2.3", a
# version or a section) the token is no number.
_NUMBER = re.compile(r"^\d+(?:,\d+)*(?:\.\d+)?(?:,\d+)*$")
_NUMBER_WORDS = frozenset({*_UNITS, *_TENS, *_SCALES, *_VAGUE, "dozen"})
_DATE_WORDS = frozenset({*_MONTHS, "last", "next", "this", "past", "yesterday", "today",
                         "tomorrow"})
_NUMBER_OR_DATE_WORDS = _NUMBER_WORDS | _DATE_WORDS


# Words a count can start with (besides digits): a number word or vague plural ("dozen" only
# after another word: "a dozen", "a few dozen"), or "a" before a scale ("a thousand").
_RUN_START = _NUMBER_WORDS | {"a"}
# Words collapse_numbers tries a number-word run from.
_COLLAPSE_START = frozenset({*_UNITS, *_TENS, "a", "one"})


def _digit_tokens(tokens: Sequence[str]) -> list[str]:
    """The tokens that start with a digit (number tokens do, no other token does)."""
    if "".join(tokens).isalpha():  # all letters: the common case, one C call
        return []
    return [t for t in tokens if t[:1].isdigit()]


def only_plain_words(tokens: Sequence[str]) -> bool:
    """Only words, none of them a number or date word: no count or date can be read (most
    phrases). False for no tokens."""
    return _NUMBER_OR_DATE_WORDS.isdisjoint(tokens) and "".join(tokens).isalpha()


def _numbered(tokens: Sequence[str], digits: list[str]) -> bool:
    return not _NUMBER_WORDS.isdisjoint(tokens) or bool(digits)


def _dated(tokens: Sequence[str], digits: list[str]) -> bool:
    return not _DATE_WORDS.isdisjoint(tokens) or any(len(t) == 4 and t.isdigit() for t in digits)


def may_have_numbers(tokens: Sequence[str]) -> bool:
    """A cheap pre-check: most phrases have no digit and no number word."""
    return _numbered(tokens, _digit_tokens(tokens))


def may_have_dates(tokens: Sequence[str]) -> bool:
    """A date needs a month, a relative word ("last", "yesterday") or a four-digit year."""
    return _dated(tokens, _digit_tokens(tokens))


class Count(NamedTuple):
    """A number: ``low == high`` for a point, an interval for a vague or ranged amount.
    A named tuple rather than a frozen dataclass: parsing makes tens per document, and a
    tuple is several times cheaper to build."""

    low: float
    high: float
    approximate: bool = False
    vague: bool = False
    plain_integer: bool = False  # written as bare digits, so it may also be a year
    value: float | None = None  # the number as written, hedges aside; None for vague amounts

    def agrees(self, other: Count) -> bool:
        """The same amount: the intervals overlap, and where both write a number it is the
        same number ("nearly 4,000" is not "nearly 3,800", though the intervals touch)."""
        if not self.overlaps(other):
            return False
        if self.value is None or other.value is None:
            return True
        return abs(self.value - other.value) <= 1e-9 * max(1.0, abs(other.value))

    def overlaps(self, other: Count) -> bool:
        # relative to the lower ends, which are finite ("more than 3,800" has no upper end)
        tolerance = 1e-9 * max(1.0, abs(self.low), abs(other.low))
        return self.low <= other.high + tolerance and other.low <= self.high + tolerance


@dataclass(frozen=True)
class DateValue:
    """A date interval [start, end] (inclusive days); ``month_only`` for "in March", with
    ``day`` for "March 5" (a month and day without a year)."""

    start: dt.date | None = None
    end: dt.date | None = None
    month_only: int | None = None
    day: int | None = None

    def overlaps(self, other: DateValue) -> bool:
        if self.month_only is not None and other.month_only is not None:
            if self.month_only != other.month_only:
                return False
            return self.day is None or other.day is None or self.day == other.day
        if self.month_only is not None:
            return other._contains(self.month_only, self.day)
        if other.month_only is not None:
            return self._contains(other.month_only, other.day)
        assert self.start and self.end and other.start and other.end
        return self.start <= other.end and other.start <= self.end

    def _contains(self, month: int, day: int | None) -> bool:
        """Whether the interval has a day in ``month`` (on that ``day`` of it, if given)."""
        if day is None:
            return month in self.months()
        assert self.start and self.end
        for year in range(self.start.year, self.end.year + 1):
            try:
                candidate = dt.date(year, month, day)
            except ValueError:  # February 29 of a common year
                continue
            if self.start <= candidate <= self.end:
                return True
        return False

    def label(self) -> str:
        """ISO 8601 where it can be: "2013-03" for a month, "2013" for a year, a day, or an
        interval; "March (no year)" for a month without a year, "March 5 (no year)"."""
        if self.month_only is not None:
            month = calendar.month_name[self.month_only]
            return f"{month} {self.day} (no year)" if self.day else f"{month} (no year)"
        assert self.start and self.end
        start, end = self.start, self.end
        if start == end:
            return start.isoformat()
        if start.day == 1 and (end + dt.timedelta(days=1)).day == 1:
            if (start.year, start.month) == (end.year, end.month):
                return f"{start.year:04d}-{start.month:02d}"
            if (start.month, end.month, start.year) == (1, 12, end.year):
                return f"{start.year:04d}"
        return f"{start.isoformat()}/{end.isoformat()}"

    def months(self) -> set[int]:
        if self.month_only is not None:
            return {self.month_only}
        assert self.start and self.end
        if (self.end - self.start).days > 366:
            return set(range(1, 13))
        months, day = set(), self.start
        while day <= self.end:
            months.add(day.month)
            day += dt.timedelta(days=28 if day.day == 1 else 1)
        return months


# The last word of every hedge: most numbers follow none of them.
_HEDGE_ENDS = frozenset({hedge[-1] for hedges in (_ABOVE, _BELOW, _AT_MOST, _STRICTLY_BELOW)
                         for hedge in hedges}) | _AROUND
# What may come before an amount's first number: a hedge ("more than", "about"), "between".
_AMOUNT_HEDGES = sorted({*_ABOVE, *_BELOW, *_AT_MOST, *_STRICTLY_BELOW,
                         *((word,) for word in _AROUND), ("between",)}, key=len, reverse=True)


def _hedge(before: tuple[str, ...]) -> str | None:
    """Which side a hedge puts the value on; two-word hedges first ("just under")."""
    if not before or before[-1] not in _HEDGE_ENDS:
        return None
    pair, last = before[-2:], before[-1:]
    for hedges, side in ((_BELOW, "below"), (_AT_MOST, "at most"),
                         (_STRICTLY_BELOW, "strictly below"), (_ABOVE, "above")):
        if pair in hedges:
            return side
    for hedges, side in ((_ABOVE, "above"), (_STRICTLY_BELOW, "strictly below"),
                         (_BELOW, "below")):
        if last in hedges:
            return side
    if last and last[0] in _AROUND:
        return "around"
    return None


def hedged_count(value: float, before: tuple[str, ...], plain: bool = False,
                 after: str = "") -> Count:
    """The interval a hedged number denotes: "more than 3,800" lies above 3,800, "nearly 3,800"
    just below or at it, "about 3,800" within 5% either way; unhedged numbers are points.
    "over two days" is a span of time, not a hedge."""
    side = _hedge(before)
    if side == "above" and before[-1:] == ("over",) and after in _TIME_UNITS:
        side = None
    if side == "above":
        return Count(value * (1 + 1e-6) + 1e-9, float("inf"), approximate=True, value=value)
    if side == "strictly below":
        return Count(0.0, value * (1 - 1e-6), approximate=True, value=value)
    if side == "below":
        return Count(value * (1 - APPROXIMATION), value, approximate=True, value=value)
    if side == "at most":
        return Count(0.0, value, approximate=True, value=value)
    if side == "around":
        return Count(value * (1 - APPROXIMATION), value * (1 + APPROXIMATION), approximate=True,
                     value=value)
    return Count(value, value, plain_integer=plain, value=value)


_GROUPED = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")


@lru_cache(maxsize=8192)  # a text's numbers recur in its statement, slots and predictions
def _digits_value(token: str) -> float:
    if _GROUPED.fullmatch(token):
        return float(token.replace(",", ""))
    if "," in token:  # "3,5" style decimals are rare in English news; read as thousands
        return float(token.replace(",", ""))
    return float(token)


def _number_word_run(tokens: tuple[str, ...], i: int) -> tuple[float, int] | None:
    """Parse "two thousand one hundred (and) fifty" / "a thousand" starting at i."""
    total, current, j, seen = 0.0, 0.0, i, False
    while j < len(tokens):
        t = tokens[j]
        if t in _UNITS:
            current += _UNITS[t]
        elif t in _TENS:
            current += _TENS[t]
        elif t in _SCALES:
            scale = _SCALES[t]
            current = max(current, 1.0) * scale if scale == 100 else current
            if scale > 100:
                total += max(current, 1.0) * scale
                current = 0.0
        elif t in ("a", "one") and j + 1 < len(tokens) and tokens[j + 1] in _SCALES and not seen:
            current += 1
        elif (
            t == "and"
            and seen
            and j + 1 < len(tokens)
            and (tokens[j + 1] in _UNITS or tokens[j + 1] in _TENS)
        ):
            j += 1
            continue
        elif t == "dozen" and (seen or (j > i and tokens[j - 1] == "a")):
            current = max(current, 1.0) * 12
        elif t == "a" and j + 1 < len(tokens) and tokens[j + 1] == "dozen" and not seen:
            pass
        else:
            break
        seen = seen or t not in ("a",)
        j += 1
    if not seen:
        return None
    return total + current, j


@lru_cache(maxsize=32_768)
def parse_counts(text: str) -> tuple[Count, ...]:
    """Every count in ``text`` (digits, number words, vague plurals), in order."""
    tokens = words(text)
    if not may_have_numbers(tokens):
        return ()
    return _counts_of(tokens)


def _counts_of(tokens: tuple[str, ...], days: frozenset[int] = frozenset()) -> tuple[Count, ...]:
    """The counts of the tokens, in order; a plain number at a position of ``days`` (a day of
    a date: ``_date_positions``) is no count."""
    counts: list[Count] = []
    n = len(tokens)
    i = 0  # the first token not yet read
    # (most words start no count: only the positions of those that may are visited)
    for start in [k for k, t in enumerate(tokens) if t in _RUN_START or t[:1].isdigit()]:
        if start < i:  # read as part of the count before
            continue
        i = start
        token = tokens[i]
        before = tokens[max(0, i - 2):i]
        if _NUMBER.match(token):
            value = _digits_value(token)
            j = i + 1
            if j < n and tokens[j] in _SCALES and _SCALES[tokens[j]] > 100:
                value *= _SCALES[tokens[j]]
                j += 1
            count = hedged_count(value, before, token.isdigit(), tokens[j] if j < n else "")
            # (a hedged or scaled number by a month is a count: "about 12 March troops")
            if not (i in days and j == i + 1 and count == _plain(value)):
                counts.append(count)
            i = j
        elif token in _VAGUE:
            low, high = _VAGUE[token]
            i += 1
            # "hundreds of thousands": the plural scales the one before it
            if tokens[i:i + 1] == ("of",) and tokens[i + 1:i + 2] in _PLURAL_SCALES:
                low, high = _scaled(low, high, _PLURAL_SCALES[tokens[i + 1:i + 2]])
                i += 2
            counts.append(Count(low, high, approximate=True, vague=True))
        elif ((token in _SCALES or token == "dozen") and before[-1:] in _FEW
              and token + "s" in _VAGUE):
            # "several hundred", "a few thousand", "a few dozen": as vague as the plural
            low, high = _VAGUE[token + "s"]
            i += 1
            # "several hundred thousand": the scale after it multiplies the whole range
            if i < n and tokens[i] in _SCALES and _SCALES[tokens[i]] > 100:
                low, high = _scaled(low, high, _SCALES[tokens[i]])
                i += 1
            counts.append(Count(low, high, approximate=True, vague=True))
        elif (parsed := _number_word_run(tokens, i)) is not None:
            value, j = parsed
            if tokens[i:j] != ("one",):  # a lone "one" is usually a pronoun ("one of the")
                counts.append(hedged_count(value, before, after=tokens[j] if j < n else ""))
            i = j
        else:
            i += 1
    return tuple(counts)


def _scaled(low: float, high: float, scale: float) -> tuple[float, float]:
    """A vague range times a scale: "hundreds" [200, 999] of thousands is [200,000, 999,999]."""
    return low * scale, (high + 1) * scale - 1


def starts_with_amount(tokens: tuple[str, ...]) -> bool:
    """Whether the tokens open with a count: a number, perhaps after a hedge, "a" and "few" or
    "several" ("2,150", "nearly 3,800", "a few hundred", "between 3,000 and 4,000"); not
    "over-extend", "nearly double its 2,150", "comment on 3 reports"."""
    rest = tokens
    for hedge in _AMOUNT_HEDGES:
        if rest[:len(hedge)] == hedge:
            rest = rest[len(hedge):]
            break
    if rest[:1] in (("a",), ("an",)):
        rest = rest[1:]
    if rest[:1] in _FEW:
        rest = rest[1:]
    if not rest or not (rest[0][:1].isdigit() or rest[0] in _NUMBER_WORDS):
        return False
    return bool(_counts_of(tokens))


def _month_interval(year: int, month: int) -> DateValue:
    last = calendar.monthrange(year, month)[1]
    return DateValue(dt.date(year, month, 1), dt.date(year, month, last))


# A month name where words() makes it a token of its own: a run of letters not glued to
# other letters, nor to letters across an apostrophe ("Jun'ichi" is one word, "March's" a
# month); digits and underscores may touch it ("12Feb", "feb_2013").
_MONTH_WORD = re.compile(r"(?<![a-z])(?<![a-z]')(?:"
                         + "|".join(sorted(_MONTHS, key=len, reverse=True))
                         + r")(?![a-z])(?!'(?!s\b)[a-z])")
_ORDINAL = r"(?:st|nd|rd|th)?"
# A day written right after the month ("February 5", "Feb. 5th"), not a range
# ("February 4-5", "February 4 to 6") and not a number after a comma ("in February, 4 days").
_DAY_AFTER = re.compile(r"\.?\s+(\d{1,2})(" + _ORDINAL + r")\b(?![.,]\d)"
                        r"(?!\s*(?:-|\u2013|to\b|and\b|or\b)\s*\d)")
# A day written right before the month ("5 February", "the 5th of February"), not the end of a
# range ("4-5 February").
_DAY_BEFORE = re.compile(r"(?<![\d\u2013-])(?<![\d\u2013-]\s)(?<!\bto\s)(?<!\band\s)(?<!\d[.,])"
                         r"\b(\d{1,2})(" + _ORDINAL + r")\s+(?:of\s+)?$")
_YEAR_AFTER = re.compile(r",?\s+(\d{4})\b")
_ON_BEFORE = re.compile(r"\bon\s+(?:the\s+)?$")
# A date as a reference point ("the two days before February 6", "since 5 March"): the day is
# not when the fact holds, so it is read as its month, as before days were read at all.
_ANCHOR_BEFORE = re.compile(r"\b(?:before|after|since|until|till|to|by|from|prior\s+to|"
                            r"ahead\s+of|following)\s+(?:the\s+)?$")
_WINDOW = 40


def _days_of_months(text: str) -> list[tuple[str, int | None]]:
    """For each month name in ``text``, in order: the name and the day of it the text writes,
    or None.

    A number next to a month is a day only when the writing says so: a year follows ("February
    5, 2013", "5 February 2013"), it is an ordinal ("February 5th", "the 5th of February"), or
    "on" comes before it ("on February 5", "on 5 February"). Otherwise it is more often a count
    ("in January 20 people died", "in March 2 battalions", "12 March troops"), and the month
    stays a month; so do ranges ("February 4-5"), which are not one day, and reference points
    ("the two days before February 6, 2013").
    """
    folded = text.lower() if text.isascii() else fold(text)
    days: list[tuple[str, int | None]] = []
    for month in _MONTH_WORD.finditer(folded):
        # (a day, its ordinal, "of" and "on the" fit in a few characters either side; a
        # bounded window keeps a text full of month names linear)
        before = folded[max(0, month.start() - _WINDOW):month.start()]
        after = folded[month.end():month.end() + _WINDOW]
        day = _day_after(before, after)
        if day is None:
            day = _day_before(before, after)
        days.append((month[0], day))
    return days


def _day_after(before: str, after: str) -> int | None:
    found = _DAY_AFTER.match(after)
    if found is None:
        return None
    return _written_day(found, preceding=before, following=after[found.end():])


def _day_before(before: str, after: str) -> int | None:
    found = _DAY_BEFORE.search(before)
    if found is None:
        return None
    return _written_day(found, preceding=before[:found.start()], following=after)


def _written_day(found: re.Match[str], preceding: str, following: str) -> int | None:
    """The day of ``found`` (its digits, its ordinal suffix) if the writing says it is one: no
    anchor before the date, and a year after it, an ordinal, or "on" before it.
    ``preceding``/``following``: the text before and after the date (month and day)."""
    if _ANCHOR_BEFORE.search(preceding):
        return None
    year = _YEAR_AFTER.match(following)
    if (year is not None and _is_year(year[1])) or found[2] or _ON_BEFORE.search(preceding):
        return _valid_day(found[1])
    return None


def _valid_day(digits: str) -> int | None:
    return int(digits) if 1 <= int(digits) <= 31 else None


def _is_year(token: str) -> bool:
    """A four-digit number from 1800 to 2100 (what a bare year may be)."""
    return len(token) == 4 and token.isdigit() and 1800 <= int(token) <= 2100


def _month_date(year: int | None, month: int, day: int | None) -> DateValue:
    """A month, or a day of it, with or without a year ("March 2013", "March 5, 2013", "March
    5", "March"); a day the month does not have (February 30) leaves the month."""
    if year is None:
        return DateValue(month_only=month, day=day if day and day <= _longest(month) else None)
    if day is not None and day <= calendar.monthrange(year, month)[1]:
        return DateValue(dt.date(year, month, day), dt.date(year, month, day))
    return _month_interval(year, month)


def _longest(month: int) -> int:
    """The most days the month has (February: 29)."""
    return calendar.monthrange(2000, month)[1]  # 2000: a leap year


def _year_interval(year: int) -> DateValue:
    return DateValue(dt.date(year, 1, 1), dt.date(year, 12, 31))


def _shift_month(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _relative(unit: str, direction: int, published: dt.date) -> DateValue | None:
    if unit == "year":
        return _year_interval(published.year + direction)
    if unit == "month":
        return _month_interval(*_shift_month(published, direction))
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=direction)
        return DateValue(monday, monday + dt.timedelta(days=6))
    return None


@lru_cache(maxsize=32_768)
def parse_dates(text: str, published: dt.date | None = None) -> tuple[DateValue, ...]:
    """Month names (with an optional day and year), bare years, and relative phrases
    ("last year", "next month", "yesterday") when a publication date resolves them."""
    tokens = words(text)
    if not may_have_dates(tokens):
        return ()
    dates: list[DateValue] = []
    days: list[int | None] | None = None  # the day of each month name, read when one is met
    months_seen = 0
    for i, token in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token in _MONTHS:
            month = _MONTHS[token]
            year = next((int(t) for t in tokens[i + 1 : i + 4] if _is_year(t)), None)
            if days is None:
                days = _month_days(text, tokens)
            # (the text and its tokens name the same months in the same order)
            month_day = days[months_seen] if months_seen < len(days) else None
            months_seen += 1
            dates.append(_month_date(year, month, month_day))
        elif _is_year(token):
            if not (i > 0 and tokens[i - 1] in _MONTHS) and not any(
                t in _MONTHS for t in tokens[max(0, i - 3) : i]
            ):
                dates.append(_year_interval(int(token)))
        elif (
            published is not None
            and token in ("last", "next", "this", "past")
            and nxt in ("year", "month", "week")
        ):
            direction = {"last": -1, "past": -1, "next": 1, "this": 0}[token]
            value = _relative(nxt, direction, published)
            if value is not None:
                dates.append(value)
        elif published is not None and token in ("yesterday", "today", "tomorrow"):
            day = published + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[token])
            dates.append(DateValue(day, day))
    return tuple(dates)


def parse_iso(value: str) -> DateValue | None:
    """A gold ISO 8601 time value as an interval; durations ("P1Y") are not points in time."""
    if value.startswith("P"):
        return None
    if "/" in value:
        first, last = (parse_iso(part) for part in value.split("/", 1))
        if first and last and first.start and last.end:
            return DateValue(first.start, last.end)
        return None
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return DateValue(monday, monday + dt.timedelta(days=6))
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return _year_interval(parts[0])
    if len(parts) == 2:
        return _month_interval(parts[0], parts[1])
    day = dt.date(parts[0], parts[1], parts[2])
    return DateValue(day, day)


def year_count(count: Count) -> DateValue | None:
    """A bare integer like 2013 read as a year, or None."""
    if count.plain_integer and count.low == count.high and 1800 <= count.low <= 2100:
        return _year_interval(int(count.low))
    return None


def date_counts(text: str) -> tuple[Count, ...]:
    """Numbers that are really parts of dates ("5" in "March 5, 2013", "the 5th of March"),
    as counts, in order."""
    tokens = words(text)
    return tuple(_plain(float(tokens[k])) for k in sorted(_date_positions(tokens)))


def _date_positions(tokens: tuple[str, ...]) -> frozenset[int]:
    """Positions of the numbers of one or two digits that are parts of dates: next to a month
    name ("March 5", "5 March", "March 5, 2013") or an ordinal day before it ("5th March",
    "the 5th of March"). Skipped as counts by position, so a count of the same value
    elsewhere ("On the 5th of March there were 5 towns") stays a count; a number right after
    a month is skipped even where it counts something ("In January 20 people died"), as
    before days were read."""
    if not may_have_dates(tokens):
        return frozenset()
    positions: set[int] = set()
    for i, token in enumerate(tokens):
        if token in _MONTHS:
            for k in (i - 1, i + 1, i + 2, *_ordinal_day(tokens, i)):
                if 0 <= k < len(tokens) and tokens[k].isdigit() and len(tokens[k]) <= 2:
                    positions.add(k)
    return frozenset(positions)


_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})


def _ordinal_day(tokens: tuple[str, ...], i: int) -> tuple[int, ...]:
    """The position of a day written before the month at ``tokens[i]`` but not next to it:
    "5th March" (tokens "5", "th", "march"), "the 5th of March", "5 of March"; only a number
    a month can have as a day ("the 45th of March" stays a count)."""
    if i >= 2 and tokens[i - 1] in _ORDINAL_SUFFIXES:
        k = i - 2
    elif i >= 3 and tokens[i - 1] == "of" and tokens[i - 2] in _ORDINAL_SUFFIXES:
        k = i - 3
    elif i >= 2 and tokens[i - 1] == "of":
        k = i - 2
    else:
        return ()
    day = tokens[k]
    return (k,) if day.isdigit() and len(day) <= 2 and _valid_day(day) else ()


def _plain(value: float) -> Count:
    return Count(value, value, plain_integer=True, value=value)


def _month_days(text: str, tokens: tuple[str, ...]) -> list[int | None]:
    """The day of each month token of ``text`` (see ``_days_of_months``); all None where the
    text's month names and its tokens' do not line up, rather than days of the wrong months."""
    found = _days_of_months(text)
    if [name for name, _ in found] != [t for t in tokens if t in _MONTHS]:
        return [None] * len(found)
    return [day for _, day in found]


def number_token(value: float) -> str:
    """The token a number becomes for overlap: "4,000", "4000" and "four thousand" -> "4000"."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def collapse_numbers(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Replace digit tokens and number-word runs by their canonical number token."""
    if not may_have_numbers(tokens):
        return tokens
    out: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i]
        if token[:1].isdigit():  # (the number pattern starts with a digit)
            if _NUMBER.match(token):
                out.append(number_token(_digits_value(token)))
                i += 1
                continue
        elif token in _COLLAPSE_START:
            parsed = _number_word_run(tokens, i)
            if parsed is not None and tokens[i:parsed[1]] not in (("one",), ("a",)):
                out.append(number_token(parsed[0]))
                i = parsed[1]
                continue
        out.append(token)
        i += 1
    return tuple(out)


@lru_cache(maxsize=65_536)
def numbers_in(text: str, published: dt.date | None) -> tuple[tuple[Count, ...],
                                                            tuple[DateValue, ...]]:
    """The counts (without the days of dates: a year stays a count too, as it may be one) and
    the dates of ``text``."""
    tokens = words(text)
    if only_plain_words(tokens):
        return (), ()  # most phrases: nothing to parse
    digits = _digit_tokens(tokens)  # (may_have_dates and may_have_numbers share them)
    if not _dated(tokens, digits):
        if not _numbered(tokens, digits):
            return (), ()
        return parse_counts(text), ()
    return (_counts_of(tokens, _date_positions(tokens)),
            parse_dates(text, published))
