"""Dates as minutes print them: Japanese eras (明治 to 令和), kanji numerals, Western forms.

The era table holds each era's first day, so a date that never existed under its era
(令和元年4月1日: 令和 began on 2019-05-01) is refused with a reason instead of being
converted to a real but different day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .textutil import fold


@dataclass(frozen=True, slots=True)
class Era:
    """A Japanese era: its name, its one-letter abbreviation and its first day."""

    name: str
    letter: str
    first_day: dt.date


# Changeover days as proclaimed. 明治 dates before 1873 are lunisolar calendar dates
# (the Gregorian calendar began on 明治6年1月1日), so they are refused, not guessed.
ERAS: tuple[Era, ...] = (
    Era("明治", "M", dt.date(1868, 10, 23)),
    Era("大正", "T", dt.date(1912, 7, 30)),
    Era("昭和", "S", dt.date(1926, 12, 25)),
    Era("平成", "H", dt.date(1989, 1, 8)),
    Era("令和", "R", dt.date(2019, 5, 1)),
)
GREGORIAN_FROM = dt.date(1873, 1, 1)
_BY_NAME = {era.name: era for era in ERAS} | {era.letter: era for era in ERAS}

_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_RUN = re.compile(r"[〇零一二三四五六七八九十百]+(?=\s*(?:年|月|日|時|分|回|号|名|人))")

# 令和7年(2025年)1月24日 and 2025年(令和7年)1月24日: the other calendar's year in brackets.
_OTHER_YEAR = r"(?:\s*[(（]\s*(?:\d{4}|(?:明治|大正|昭和|平成|令和)\s*(?:\d{1,2}|元))\s*年?\s*[)）])?"
_DATE_ERA = re.compile(rf"(明治|大正|昭和|平成|令和)\s*(\d{{1,2}}|元)\s*年{_OTHER_YEAR}\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日")
_DATE_ERA_LETTER = re.compile(r"(?<![A-Za-z])([MTSHR])\s*(\d{1,2})\s*[.．/]\s*(\d{1,2})\s*[.．/]\s*(\d{1,2})(?!\d)")
_DATE_WEST = re.compile(rf"(\d{{4}})\s*年{_OTHER_YEAR}\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日")
_DATE_WEST_ERA = re.compile(
    r"(\d{4})\s*[(（]\s*(?:明治|大正|昭和|平成|令和)\s*(?:\d{1,2}|元)\s*年?\s*[)）]\s*年"
    r"\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
)
_DATE_NUMERIC = re.compile(r"(?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)")
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_DATE_ENGLISH = re.compile(
    r"\b(" + "|".join(m[:3] for m in _MONTHS) + r")[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I
)
_DATE_ENGLISH_DMY = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?(?:\s+day\s+of)?\s+("
    + "|".join(m[:3] for m in _MONTHS)
    + r")[a-z]*\.?,?\s+(\d{4})\b",
    re.I,
)
# June 24-25, 2003 (a meeting over two days: its first day).
_DATE_ENGLISH_RANGE = re.compile(
    r"\b("
    + "|".join(m[:3] for m in _MONTHS)
    + r")[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*[-–—]\s*\d{1,2}(?:st|nd|rd|th)?,?\s+(\d{4})\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class DateFound:
    """A date read from text: the day, or why the printed date is not a real day."""

    date: dt.date | None
    printed: str
    problem: str = ""
    start: int = 0
    end: int = 0


def kanji_number(text: str) -> int | None:
    """12, １２ or 十二 / 二〇二一 (up to 9999) as a number; None when it is not a number."""
    folded = fold(text)
    if folded.isdigit():
        return int(folded)
    if not folded or any(ch not in _KANJI_DIGITS and ch not in "十百" for ch in folded):
        return None
    if "十" not in folded and "百" not in folded:
        # 二〇二一: digit by digit, as years are often printed.
        return int("".join(str(_KANJI_DIGITS[ch]) for ch in folded))
    total, current = 0, 0
    for ch in folded:
        if ch in _KANJI_DIGITS:
            current = _KANJI_DIGITS[ch]
        else:
            total += (current or 1) * (10 if ch == "十" else 100)
            current = 0
    return total + current


def arabic_numerals(text: str) -> str:
    """Kanji numerals before a counter (令和三年六月二日, 午前九時) written in Arabic digits.

    Only numerals directly followed by 年/月/日/時/分/回/号 are converted, so names such
    as 三浦 or 一郎 are left alone."""

    def convert(match: re.Match[str]) -> str:
        """One numeral run as digits, or unchanged when it is not a number."""
        number = kanji_number(match.group(0))
        return match.group(0) if number is None else str(number)

    return _KANJI_RUN.sub(convert, text)


def for_matching(text: str) -> str:
    """The text NFKC-folded with kanji numerals as digits: what the date rules read."""
    return arabic_numerals(fold(text))


def find_date(text: str) -> DateFound | None:
    """The first date printed in `text`, or None when there is none.

    A printed date that does not exist (an era year before the era began or after it
    ended, 2月30日) is returned with `date=None` and the reason in `problem`."""
    folded = for_matching(text)
    best: DateFound | None = None
    for regex, reader in (
        (_DATE_ERA, _era_date),
        (_DATE_ERA_LETTER, _era_date),
        (_DATE_WEST, _western),
        (_DATE_WEST_ERA, _western),
        (_DATE_NUMERIC, _western),
        (_DATE_ENGLISH, _english),
        (_DATE_ENGLISH_DMY, _english_dmy),
        (_DATE_ENGLISH_RANGE, _english),
    ):
        match = regex.search(folded)
        if match and (best is None or match.start() < best.start):
            found = reader(match)
            best = DateFound(found.date, match.group(0), found.problem, match.start(), match.end())
    return best


def parse_date(text: str) -> dt.date | None:
    """The first real date in `text` (era, Western, slashed or English), else None."""
    found = find_date(text)
    return found.date if found else None


def era_to_western(era_name: str, year: int, month: int, day: int) -> DateFound:
    """Convert an era date, refusing days that were not in that era."""
    era = _BY_NAME[era_name]
    printed = f"{era.name}{'元' if year == 1 else year}年{month}月{day}日"
    try:
        date = dt.date(era.first_day.year + year - 1, month, day)
    except ValueError:
        return DateFound(None, printed, f"{printed} is not a calendar day")
    index = ERAS.index(era)
    following = ERAS[index + 1] if index + 1 < len(ERAS) else None
    if date < era.first_day:
        return DateFound(None, printed, f"{printed} does not exist: {era.name} began on {era.first_day.isoformat()}")
    if following is not None and date >= following.first_day:
        return DateFound(
            None,
            printed,
            f"{printed} does not exist: {era.name} ended on {(following.first_day - dt.timedelta(days=1)).isoformat()}",
        )
    if date < GREGORIAN_FROM:
        return DateFound(None, printed, f"{printed} is a lunisolar-calendar date (before 1873): convert it by hand")
    return DateFound(date, printed)


def _era_date(match: re.Match[str]) -> DateFound:
    era, year, month, day = match.groups()
    return era_to_western(era, 1 if year == "元" else int(year), int(month), int(day))


def _western(match: re.Match[str]) -> DateFound:
    year, month, day = (int(g) for g in match.groups())
    return _calendar_day(year, month, day, match.group(0))


def _english(match: re.Match[str]) -> DateFound:
    return _calendar_day(int(match.group(3)), _month(match.group(1)), int(match.group(2)), match.group(0))


def _english_dmy(match: re.Match[str]) -> DateFound:
    return _calendar_day(int(match.group(3)), _month(match.group(2)), int(match.group(1)), match.group(0))


def _month(name: str) -> int:
    """January = 1, from an English month name or its first three letters."""
    return [m[:3] for m in _MONTHS].index(name.lower()[:3]) + 1


def _calendar_day(year: int, month: int, day: int, printed: str) -> DateFound:
    """The date, or why `printed` names no day of the calendar."""
    try:
        return DateFound(dt.date(year, month, day), printed)
    except ValueError:
        return DateFound(None, printed, f"{printed} is not a calendar day")


@dataclass(frozen=True, slots=True)
class YearFound:
    """A year printed without a full date: 令和元年, 令和5年度 (a fiscal year), 2023年."""

    year: int
    """The Western year it begins in."""
    fiscal: bool
    """年度: April to March, so its January to March fall in the next calendar year."""
    era: str = ""
    """The era's name when printed with one (令和), for checking the days it can hold."""
    era_year: int = 0


_YEAR_ERA = re.compile(r"(明治|大正|昭和|平成|令和)\s*(\d{1,2}|元)\s*年(度)?")
_YEAR_WEST = re.compile(r"(?<!\d)((?:18|19|20)\d{2})\s*年(度)?")


def find_year(text: str) -> YearFound | None:
    """The first year printed in `text` (era or Western, 年 or 年度, 元年 for the first)."""
    folded = for_matching(text)
    era = _YEAR_ERA.search(folded)
    west = _YEAR_WEST.search(folded)
    if era is not None and (west is None or era.start() <= west.start()):
        number = 1 if era.group(2) == "元" else int(era.group(2))
        return YearFound(_BY_NAME[era.group(1)].first_day.year + number - 1, bool(era.group(3)), era.group(1), number)
    if west is not None:
        return YearFound(int(west.group(1)), bool(west.group(2)))
    return None


def date_in_year(year: YearFound, month: int, day: int) -> DateFound:
    """The day `month`/`day` of a printed year: in a fiscal year (年度) January to March are
    the next calendar year's; in an era year the day must fall inside the era (令和元年4月1日
    does not exist), while a fiscal year is named after the era it began in (令和元年度 runs
    from April 2019, still 平成31年, to March 2020)."""
    calendar = year.year + (1 if year.fiscal and month <= 3 else 0)
    if year.era and not year.fiscal:
        return era_to_western(year.era, year.era_year, month, day)
    return _calendar_day(calendar, month, day, f"{calendar}年{month}月{day}日")
