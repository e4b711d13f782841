"""Times of day as minutes print them: 12:50～13:30, 午後2時44分, 午前九時, 2:30 p.m."""

from __future__ import annotations

import re

from .eras import find_date, for_matching

_TIME = re.compile(
    r"(午前|午後)?\s*(\d{1,2})\s*(?:[:：]\s*(\d{2})|時\s*(?:(\d{1,2})\s*分|半)?)(?!\s*間)"
    r"(?:\s*([ap])\.?\s*m\b\.?)?",
    re.I,
)
_ENGLISH_TIME = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s*m\b\.?", re.I)
# 開会/開議 start a meeting; 散会/閉会 end it; 休憩/再開 are breaks inside it.
START_WORDS = ("開会", "開議", "開始", "開催")
END_WORDS = ("散会", "閉会", "終了", "閉議")
BREAK_WORDS = ("休憩", "再開")
_EVENT = re.compile(r"(開\s*会|開\s*議|散\s*会|閉\s*会|休\s*憩|再\s*開|開\s*始|終\s*了)")


def parse_times(text: str) -> tuple[str | None, str | None]:
    """Start and end times, 24-hour HH:MM, from 12:50～13:30, 10時00分～12時, 午後7時~8時50分."""
    folded = for_matching(text).replace("零時", "0時").replace("正午", "12時")
    date = find_date(folded)
    if date is not None:
        folded = folded[: date.start] + " " * (date.end - date.start) + folded[date.end :]
    found: list[tuple[int, int, bool]] = []
    for match in _TIME.finditer(folded):
        half, hour, minute_colon, minute_ji, english = match.groups()
        if english is None and minute_colon is None and "時" not in match.group(0):
            continue
        minute = int(minute_colon or minute_ji or (30 if match.group(0).rstrip().endswith("半") else 0))
        hour_no = int(hour)
        pm = half == "午後" or (english or "").lower() == "p"
        if pm and hour_no < 12:
            hour_no += 12
        if hour_no > 24 or minute > 59:
            continue
        found.append((hour_no, minute, half is not None or english is not None))
    if len(found) > 1 and not found[1][2] and found[1][0] < found[0][0] and found[1][0] + 12 <= 24:
        # 午後7時~8時50分: the second time carries the first one's 午後.
        found[1] = (found[1][0] + 12, found[1][1], True)
    times = [f"{h:02d}:{m:02d}" for h, m, _ in found]
    return (times[0] if times else None), (times[1] if len(times) > 1 else None)


def time_event(text: str) -> tuple[str, str] | None:
    """('start', '09:28') for a time line such as 午前9時28分 開議 or 開 会 午前10時00分.

    Returns ('start' | 'end' | 'break', time) or None when the line is not a time line."""
    folded = for_matching(text).strip()
    if len(folded) > 40 or "。" in folded:
        return None
    event = _EVENT.search(folded)
    start, _ = parse_times(folded)
    if event is None or start is None:
        return None
    date = find_date(folded)
    if date is not None:
        folded = folded[: date.start] + folded[date.end :]  # 令和5年3月1日(水)午前10時開議: the date is read elsewhere
    folded = re.sub(r"\d{1,2}\s*月\s*\d{1,2}\s*日", "", folded)  # 12月1日午前10時00分開会: a day without its year
    rest = _TIME.sub("", _EVENT.sub("", folded))
    if re.sub(r"[\s()（）月火水木金土日曜:：・、]|時刻|予定", "", rest):
        return None  # more than a time and an event word: a sentence, not a time line
    word = re.sub(r"\s", "", event.group(1))
    kind = "start" if word in START_WORDS else "end" if word in END_WORDS else "break"
    return kind, start


# 7:00 p.m., 7.30 pm, 5pm, 8 AM PST, 6;30 P.M., 7:0 0 p.m. (a stray space), 14:00 UTC, noon.
_CLOCK = re.compile(
    r"(?<![\d:.])(\d{1,2})(?:\s*[:.;]\s*(\d)\s?(\d))?\s*(?:([ap])\.?\s*m\b\.?|(?=\s*(?:[-–—~]|to)\s*\d{1,2}\s*[ap]\.?\s*m\b))"
    r"|(?<![\d:.])([01]?\d|2[0-3]):(\d{2})(?![\d:])|\b(noon|midday)\b",
    re.I,
)


def clock_times(text: str) -> list[str]:
    """Every time of day printed in English text, in order, as 24-hour HH:MM: `7:00 p.m.`,
    `7.30 pm`, `5pm-6pm` (the first takes the second's p.m.), `8 AM PST`, `14:00 UTC`, noon."""
    found: list[tuple[int, int, str | None]] = []
    for match in _CLOCK.finditer(text):
        if match.group(7):
            found.append((12, 0, "p"))
            continue
        if match.group(5):
            found.append((int(match.group(5)), int(match.group(6)), None))
            continue
        hour, minute = int(match.group(1)), int((match.group(2) or "0") + (match.group(3) or "0"))
        found.append((hour, minute, (match.group(4) or "").lower() or None))
    out: list[str] = []
    for index, (hour, minute, half) in enumerate(found):
        if half is None and index + 1 < len(found) and found[index + 1][2] and hour <= 12:
            half = found[index + 1][2]  # 5-6pm, 9am-10am: a bare hour takes the next one's half
        if half == "p" and hour < 12:
            hour += 12
        elif half == "a" and hour == 12:
            hour = 0
        if hour <= 23 and minute <= 59:
            out.append(f"{hour:02d}:{minute:02d}")
    return out
