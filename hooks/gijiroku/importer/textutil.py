"""Small text helpers for published Japanese minutes: widths, spacing, dates, times."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
SPACES = re.compile(r"[ \t\u3000]+")
DASHES = "～〜~−\\-－‐―ー"
_DATE_ERA = re.compile(r"(令和|平成|昭和)\s*(\d+|元)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_WEST = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_TIME = re.compile(r"(午前|午後)?\s*(\d{1,2})\s*(?:[:：]\s*(\d{2})|時\s*(?:(\d{1,2})\s*分|半)?)")


def fold(text: str) -> str:
    """NFKC: full-width digits, letters and spaces to half-width, for matching only."""
    return unicodedata.normalize("NFKC", text)


def squash(text: str) -> str:
    """Without any spaces: 日 時 -> 日時, 松本 剛明 -> 松本剛明."""
    return SPACES.sub("", fold(text))


def tidy(text: str) -> str:
    """Trim and collapse runs of spaces to one, keeping the characters as published."""
    return SPACES.sub(" ", text).strip()


def parse_date(text: str) -> dt.date | None:
    """The first date in `text`: era (令和5年, 平成元年) or Western, any digit width."""
    folded = fold(text)
    if match := _DATE_ERA.search(folded):
        era, year, month, day = match.groups()
        year_no = 1 if year == "元" else int(year)
        return _date(ERAS[era] + year_no, int(month), int(day))
    if match := _DATE_WEST.search(folded):
        return _date(*(int(g) for g in match.groups()))
    if match := _DATE_ISO.search(folded):
        return _date(*(int(g) for g in match.groups()))
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_times(text: str) -> tuple[str | None, str | None]:
    """Start and end times, 24-hour HH:MM, from 12:50～13:30, 10時00分～12時, 14時から15時30分まで."""
    folded = fold(text).replace("零時", "0時").replace("正午", "12時")
    date = _DATE_ERA.search(folded) or _DATE_WEST.search(folded) or _DATE_ISO.search(folded)
    if date:
        folded = folded[: date.start()] + " " * (date.end() - date.start()) + folded[date.end():]
    found = []
    for match in _TIME.finditer(folded):
        half, hour, minute_colon, minute_ji = match.group(1), int(match.group(2)), match.group(3), match.group(4)
        minute = int(minute_colon or minute_ji or (30 if match.group(0).endswith("半") else 0))
        if half == "午後" and hour < 12:
            hour += 12
        if hour > 24 or minute > 59:
            continue
        found.append(f"{hour:02d}:{minute:02d}")
    start = found[0] if found else None
    end = found[1] if len(found) > 1 else None
    return start, end


_KANJI_DIGITS = {"〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def kanji_number(text: str) -> int | None:
    """12, １２ or 十二 (up to 999) as a number."""
    folded = fold(text)
    if folded.isdigit():
        return int(folded)
    total, current = 0, 0
    for ch in folded:
        if ch in _KANJI_DIGITS:
            current = _KANJI_DIGITS[ch]
        elif ch in "十百":
            total += (current or 1) * (10 if ch == "十" else 100)
            current = 0
        else:
            return None
    return total + current
