"""Parse the ISO 8601 forms a time qualifier ``value`` may take, for real.

The schema's pattern only checks the shape (``2013-13`` passes it); this module checks that the
value names an actual date, month, year, ISO week, interval or duration.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

TimeForm = Literal["date", "month", "year", "week", "interval", "duration"]

_YEAR = re.compile(r"\d{4}")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_DURATION = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?")


class TimeValueError(ValueError):
    """The value is not one of the documented ISO 8601 forms; the message says why."""


def _parse_date(value: str) -> dt.date:
    if not _DATE.fullmatch(value):
        raise TimeValueError(f"{value!r} is not a date YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise TimeValueError(f"{value!r} is not a calendar date ({exc})") from None


def parse_time_value(value: str) -> TimeForm:
    """The ISO 8601 form of ``value``, or ``TimeValueError`` if it is none of them."""
    if _YEAR.fullmatch(value):
        if int(value) == 0:
            raise TimeValueError("year 0000 does not exist")
        return "year"
    if match := _MONTH.fullmatch(value):
        if not 1 <= int(match.group(2)) <= 12:
            raise TimeValueError(f"{value!r}: month {match.group(2)} is not 01-12")
        return "month"
    if _DATE.fullmatch(value):
        _parse_date(value)
        return "date"
    if match := _WEEK.fullmatch(value):
        year, week = int(match.group(1)), int(match.group(2))
        try:  # fromisocalendar knows which years have a week 53
            dt.date.fromisocalendar(year, week, 1)
        except ValueError:
            raise TimeValueError(f"{value!r}: {year} has no ISO week {week:02d}") from None
        return "week"
    if "/" in value:
        first, _, last = value.partition("/")
        start, end = _parse_date(first), _parse_date(last)
        if start > end:
            raise TimeValueError(f"interval {value!r} ends before it starts")
        return "interval"
    if (match := _DURATION.fullmatch(value)) and any(match.groups()):
        return "duration"
    raise TimeValueError(
        f"{value!r} is not an ISO 8601 date, month, year, week, interval or duration"
    )
