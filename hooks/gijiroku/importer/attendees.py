"""Reading attendance lists: one person a line (姓 名 所属), comma runs (北山委員長、市川委員、…
の各委員), group labels in all their forms, 欠席 / 委任状 / 代理, legends of marks, and
attendance given only as a count.

Longer than our other modules, on purpose: attendance lists are where published minutes
vary most, and every form here feeds the same few decisions (is this a label, a person,
a mark, a count?). Split by form, those decisions would be made in many places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..textrules import HAN, KANA
from .draft import Draft, DraftAttendee
from .header import HEADER_LABELS, MINUTES_WORDS, Heading, is_generic
from .layout import Line
from .people import NameIndex
from .roles import (
    GENERIC_GROUPS,
    GROUP_WORDS,
    HONORIFICS,
    ORG_ENDINGS,
    ORG_WORDS,
    ROLE_WORDS,
    TITLE_ENDINGS,
    UNIT_WORDS,
    is_name,
    role_suffix,
    split_person,
)
from .textutil import SPACES, fold, fold_aligned, squash, tidy

TITLE_WORDS = (
    "名誉教授",
    "特任教授",
    "准教授",
    "教授",
    "講師",
    "助教",
    "弁護士",
    "代表取締役社長",
    "代表取締役",
    "社長",
    "会長",
    "理事長",
    "理事",
    "代表",
    "所長",
    "部長",
    "センター長",
    "研究員",
    "主任研究員",
    "顧問",
    "フェロー",
    "CEO",
    "CTO",
    "COO",
    "事務総長",
    "専務理事",
    "常務理事",
    "会員",
)
_CJK = re.compile(f"^[{HAN}{KANA}]+$")
_MARKS = "○◯〇◎●◇◆☆★△▲□■※"
_NONE = re.compile(r"^(?:なし|無し|ありません|該当なし|-|ー|—)$")
_NOTE_WORDS = r"(?:五十音順|50音順|敬称略|順不同|敬称省略|役職順|名簿順|氏名五十音順)"
_ORDER_NOTE = re.compile(rf"[(（]\s*{_NOTE_WORDS}(?:\s*[、・,，]\s*{_NOTE_WORDS})*\s*[)）]|^\s*[・※]?\s*{_NOTE_WORDS}\s*$")
SECTION_WORDS = tuple(
    w for w in (*HEADER_LABELS["agenda"], *HEADER_LABELS["proceedings"]) if len(w) >= 2 and w not in ("内容", "概要", "要旨")
)
"""Header words that never stand in a person's line (議事内容, 議案): a heading in the list."""
_COLUMN_HEADINGS = {"氏名", "所属", "役職", "職名", "区分", "備考", "番号", "職", "名前", "所属・役職", "役職名", "団体名"}


@dataclass
class _Context:
    """What the attendance lines carry from one to the next."""

    heading: str | None = None
    """The group from the attendance heading (出席委員 -> 委員), None for 出席者."""
    label: str | None = None
    """The list label in force (【委員】, (臨時委員), 委員:, a label line)."""
    absent: bool = False
    pending: str = ""
    """An organisation on a line of its own, in an affiliation-first list."""
    prefix: str | None = None
    """The last per-line group word (委員長 玄素彰人), for 同 (ditto)."""
    carry_label: bool = False
    """The previous line ended with 、: the next line continues the same run."""
    segment_start: int = 0
    """Where the current (以上 X) segment began in the attendee list."""
    fresh_label: bool = False
    """A label stood alone on the line above and no one has been listed under it yet."""
    qualifier: str = ""
    """A bracketed qualifier of that label ((水循環政策担当)), for the next person's affiliation."""
    place: str = ""
    """A sub-heading's place ((角館町)), the affiliation of the people listed under it."""
    next_role: str = ""
    """A post marked above the next person only ((委員長) over 須藤 隆一)."""
    legend: dict[str, str] = field(default_factory=dict)
    marks: dict[int, str] = field(default_factory=dict)
    counted: bool = False


def read_attendees(lines: list[Line | Heading], draft: Draft, names: NameIndex) -> None:
    """Every attendance line into draft.attendees; what is not a person goes to the report."""
    ctx = _Context()
    for entry in _letter_columns(_wrapped_titles(lines)):
        if isinstance(entry, Heading):
            if entry.bracketed and entry.group is None and entry.absent and ctx.label and draft.attendees:
                ctx.absent = True  # [欠席] inside a list: its people are absent, its label stays
                continue
            if entry.generic and entry.group is None and not entry.absent:
                ctx.heading, ctx.label = None, None
            elif not entry.generic and entry.group and not entry.absent and draft.attendees and entry.group in GENERIC_GROUPS:
                ctx.label = entry.group  # 出席者 as a label line inside the list
                continue
            else:
                ctx.heading, ctx.label = entry.group, None
            ctx.absent, ctx.prefix, ctx.carry_label = entry.absent, None, False
            ctx.segment_start = len(draft.attendees)
            continue
        _line(entry, draft, names, ctx)
    _apply_legend(draft, ctx)
    _merge_duplicates(draft)


def _wrapped_titles(lines: list[Line | Heading]) -> list[Line | Heading]:
    """A post wrapped over two lines with the name on the second (`常任委員会専門` /
    `員        吉岡 成子君`): one line, the post whole."""
    out: list[Line | Heading] = []
    for entry in lines:
        previous = out[-1] if out else None
        if isinstance(entry, Line) and isinstance(previous, Line) and previous.text and entry.raw:
            tail = re.match(r"^\s*([\u3400-\u9fff]{1,3})[ \t\u3000]{3,}(\S.*)$", entry.raw)
            if (
                tail
                and " " not in tidy(previous.text)
                and not _is_title(previous.text)
                and _is_title(previous.text + tail.group(1))
                and not is_name(previous.text, 4)
            ):
                out[-1] = Line(previous.no, f"{previous.text}{tail.group(1)} {tidy(tail.group(2))}", previous.raw)
                continue
        out.append(entry)
    return out


def _spaced_text(line: Line) -> str:
    """A roll line's text as printed, spacing kept, without a leading spaced group word."""
    raw = (line.raw or line.text).replace("\u3000", " ").strip()
    if (prefix := _spaced_group_prefix(raw)) is not None:
        return prefix[1]
    return raw


def _letter_columns(lines: list[Line | Heading]) -> list[Line | Heading]:
    """Names printed one character apart, two to a line in fixed columns (`高 橋 正 男 千 葉   勇`):
    the column where the second name starts is the one most such lines of the roll start a
    character at with a name on each side; each line is cut there into two lines."""

    def spaced(entry: Line | Heading) -> bool:
        if not isinstance(entry, Line) or not entry.text or re.search(r"[\d０-９]+\s*番|君|さん", entry.text):
            return False  # numbered or 君-ended entries are cut at those marks instead
        tokens = [t for t in _spaced_text(entry).split(" ") if t]
        if _post_then_name(squash(entry.text)) is not None:
            return False  # 事 務 局 長 古 田 敏 幸: a post and one name
        if entry.raw and _slot_names(entry.raw) is not None:
            return False  # names in four-character slots, three to a line: read slot by slot
        return len(tokens) >= 5 and sum(len(t) == 1 for t in tokens) >= len(tokens) * 0.6

    block = [entry for entry in lines if isinstance(entry, Line) and spaced(entry)]
    column = _second_column(block) if len(block) >= 2 else None
    if column is None:
        return lines
    out: list[Line | Heading] = []
    for entry in lines:
        if not isinstance(entry, Line) or not spaced(entry):
            out.append(entry)
            continue
        text = _spaced_text(entry)
        whole = (entry.raw or entry.text).replace("\u3000", " ").strip()
        head = whole[: len(whole) - len(text)]
        if len(text) > column and text[column - 1] == " " and text[column] != " ":
            out.append(Line(entry.no, tidy(head + text[:column]), head + text[:column]))
            out.append(Line(entry.no, tidy(text[column:]), text[column:]))
        else:
            out.append(entry)
    return out


def _second_column(block: list[Line]) -> int | None:
    counts: dict[int, int] = {}
    for line in block:
        text = _spaced_text(line)
        for at in range(3, len(text)):
            if (
                text[at - 1] == " "
                and text[at] != " "
                and 2 <= len(squash(text[:at])) <= 5
                and len(squash(text[at:])) >= 2
                and not _is_title(squash(text[:at]))
                and squash(text[:at]) not in GROUP_WORDS
            ):
                counts[at] = counts.get(at, 0) + 1
    if not counts:
        return None

    def balance(at: int) -> int:
        return sum(abs(len(squash(_spaced_text(x)[:at])) - len(squash(_spaced_text(x)[at:]))) for x in block)

    best = max(counts, key=lambda at: (counts[at], -balance(at)))
    return best if counts[best] >= max(2, len(block) * 0.6) else None


def _line(line: Line, draft: Draft, names: NameIndex, ctx: _Context) -> None:
    """One line of the attendance list: not people at all (notes, legends, headings), a
    label (which may carry people after it), or people under the label above."""
    # (委員・50音順、敬称略): a label with a note on the order; the note goes, the label stays.
    text = re.sub(
        rf"([(（]\s*[^)）、・,，]{{1,10}}?)\s*[・、,，]\s*{_NOTE_WORDS}(?:\s*[、・,，]\s*{_NOTE_WORDS})*\s*([)）])",
        r"\1\2",
        line.text,
    )
    text = re.sub(r"^[・•◦]\s*", "", _ORDER_NOTE.sub("", text).strip()) if not _elsewhere(text, line, draft) else ""
    if not text or _NONE.match(squash(text)) or _not_people(text, line, draft, ctx):
        return
    inline = [p for p in re.split(r"\s+(?=[^\s、,，:：()（）]{1,12}[:：]\S)", text) if p.strip()]
    if len(inline) > 1 and all(_leading_label(p)[0] is not None for p in inline[1:]):
        # 委員：山田太郎、佐藤花子　事務局：鈴木一郎: two labelled lists on one line.
        for part in inline:
            _line(Line(line.no, part), draft, names, ctx)
        return
    if _table_cell_affiliation(text, line, draft) or _place_heading(text, ctx):
        return
    bracket = re.fullmatch(r"(\S{1,8}?)\s*[(（]\s*([^()（）]{1,12}?(?:町|村|市|県|区|都|府|道))\s*[)）]", text.strip())
    if bracket and squash(bracket.group(1)) in GROUP_WORDS:
        text, ctx.place = bracket.group(1), bracket.group(2)  # 委員 (田沢湖町): the label, then the place
    rest = _label(text, bool(bracket), draft, ctx)
    if rest is None:
        return
    first, _, after = tidy(rest).partition(" ")
    if (
        GROUP_WORDS.get(first) in ("secretariat", "government", "observer", "guest")
        and len(re.findall(r"(?:君|さん)(?:\s|$)", after)) >= 2
    ):
        # 事務局側 事務総長 郷原 悟君 事務次長 岡村 隆司君 …: the line's first word labels all its people.
        ctx.label, ctx.prefix, ctx.qualifier, ctx.segment_start = first, None, "", len(draft.attendees)
        rest = after
    count_before = len(draft.attendees)
    people = _counts(rest, line, draft)
    if people is None:
        return
    _people(people, line, draft, names, ctx)
    _after_people(draft.attendees[count_before:], ctx)


def _elsewhere(text: str, line: Line, draft: Draft) -> bool:
    """出席者名簿のとおり, 別紙のとおり: the names are printed elsewhere."""
    if re.search(r"別紙|名簿のとおり|のとおり|参照", text) and not _is_run(text):
        draft.note(line.no, f"attendance given elsewhere, no names here: {text[:40]}")
        return True
    return False


def _not_people(text: str, line: Line, draft: Draft, ctx: _Context) -> bool:
    """Column headings, rules, a legend of marks, a note in brackets, a heading."""
    if all(token in _COLUMN_HEADINGS for token in re.split(r"[\s/|｜]+", fold(text).strip())):
        draft.note(line.no, f"column headings of the attendance table: {text}")
        return True
    if re.fullmatch(r"[…‥・.．\-―─ー=＝\s]+", text):
        return True
    # A legend of marks: (◎部会長、○副部会長).
    if legend := re.fullmatch(rf"[(（]\s*((?:[{_MARKS}]\s*[^、,，)）]+[、,，]?\s*)+)[)）]", fold(text)):
        _legend(legend.group(1), ctx)
        return True
    # A note about the list, in brackets with a sentence in it: not a person.
    if re.fullmatch(r"[(（].*[)）]", text) and re.search(r"[「」。]|は、|について", text):
        draft.note(line.no, f"note in the attendance list, not placed: {text[:60]}")
        return True
    if (
        any(word in squash(text) for word in (*MINUTES_WORDS, *SECTION_WORDS))
        and not _is_run(text)
        and not is_name(re.sub(r"[(（][^)）]*[)）]", "", squash(text)), 6)
    ):
        draft.note(line.no, f"heading inside the attendance list, not a person: {text[:40]}")
        return True
    return False


def _table_cell_affiliation(text: str, line: Line, draft: Draft) -> bool:
    """A table row's last cell (| 委員 | 佐藤 花子 | 架空銀行 |): the person's affiliation."""
    previous = draft.attendees[-1] if draft.attendees else None
    if (
        line.cell
        and previous is not None
        and previous.line == line.no
        and not previous.others
        and squash(text) not in GROUP_WORDS
        and not _is_run(text)
        and (
            not is_name(re.sub(r"(?:君|さん|氏)$", "", squash(text)), 6)
            or any(w in text for w in ORG_WORDS)
            or squash(text).endswith(TITLE_ENDINGS)
        )
    ):
        previous.affiliation = tidy(f"{previous.affiliation} {text}")
        return True
    return False


def _place_heading(text: str, ctx: _Context) -> bool:
    """(角館町): a sub-heading of the list naming where the people below come from."""
    place = re.fullmatch(r"[(（]\s*([^()（）]{1,12}?(?:町|村|市|県|区|都|府|道))\s*[)）]", squash(text))
    if place and place.group(1) not in GROUP_WORDS:
        ctx.place = place.group(1)
        return True
    return False


def _label(text: str, placed: bool, draft: Draft, ctx: _Context) -> str | None:
    """The line's label, if it opens with one, taken into the context: what follows it (the
    whole line when it has none), or None when nothing follows."""
    label, rest = _leading_label(text)
    if label is None:
        return text
    ctx.place = ctx.place if placed else ""
    if ctx.fresh_label and rest and re.match(r"^\s*[(（]", text):
        # 国務大臣 / (水循環政策担当) 赤羽 一嘉君: the bracket qualifies the label on the line above.
        ctx.qualifier = label
        return rest
    if (
        not rest
        and ctx.label
        and label != ctx.label
        and GROUP_WORDS.get(label) in ("chair", "vice-chair")
        and re.match(r"^\s*[(（【]", text)
        and GROUP_WORDS.get(ctx.label) == "member"
    ):
        # -委員- / (委員長) / 須藤 隆一: a post marked above one member of the list, not a list of its own.
        ctx.next_role = label
        return None
    if re.fullmatch(r"欠席(?:者|委員)?", label):
        ctx.absent = True  # [欠席]: those below are absent, the list's label stays
        return None
    ctx.label, ctx.prefix, ctx.qualifier = label, None, ""
    if re.fullmatch(r"\s*[-－―ー‐].+[-－―ー‐]\s*", text):
        ctx.absent = False  # -事務局(大臣官房)-: a new section of the list, after [欠席]
    ctx.segment_start = len(draft.attendees)
    ctx.fresh_label = not rest
    return rest or None


def _counts(text: str, line: Line, draft: Draft) -> str | None:
    """Counts printed with the names, kept as printed: the rest of the line, or None when
    the line held only counts."""
    if len(several := _COUNT_PART.findall(fold(text))) >= 2 and re.fullmatch(rf"(?:\s*{_COUNT_PART.pattern})+\s*", fold(text)):
        # 8人 欠席議員 0人 欠員 0人: the counts of a roll's heading line, each as printed.
        for part in several:
            draft.note(line.no, f"attendance given as a count, kept as printed: {part.strip()}")
            draft.counts.append(part.strip())
        return None
    if (count := re.search(r"\s+((?:以上|計)?\s*[\d０-９]+\s*[名人])\s*$", text)) and re.search(
        r"[\u3400-\u9fff]", text[: count.start()]
    ):
        # 本 間   智 以上26名: the list's count printed after its last name.
        draft.note(line.no, f"attendance given as a count, kept as printed: {count.group(1)}")
        draft.counts.append(count.group(1))
        text = text[: count.start()]
    return text


def _after_people(added: list[DraftAttendee], ctx: _Context) -> None:
    """What the lines above said of the people just read: a post marked over the first, the
    place of a sub-heading, the qualifier of the label."""
    if ctx.next_role and added:
        added[0].label, added[0].role, added[0].group = ctx.next_role, ctx.next_role, _format_group(ctx.next_role)
        ctx.next_role = ""
    if ctx.place:
        for attendee in added:
            attendee.affiliation = tidy(f"{ctx.place} {attendee.affiliation}")
    if added:
        ctx.fresh_label = False
        if ctx.qualifier:
            for attendee in added:
                attendee.affiliation = tidy(f"{ctx.qualifier} {attendee.affiliation}")
            ctx.qualifier = ""


def _people(text: str, line: Line, draft: Draft, names: NameIndex, ctx: _Context) -> None:
    """The people on one attendance line, after its label."""
    if re.fullmatch(r"(?:役職|職名|職|役職名|区分)\s*(?:氏名|名前)(?:\s*(?:出欠|所属|備考))*", tidy(text)):
        draft.note(line.no, f"column headings of the attendance table, not people: {text}")
        return
    if re.fullmatch(r"\s*[一二三四五六七八九十百〇]+\s*[名人]\s*", text):
        draft.note(line.no, f"attendance given as a count, kept as printed: {text.strip()}")  # 出席委員 十九名
        draft.counts.append(text.strip())
        return
    if (lead := re.match(r"^\s*([\d０-９]+\s*[名人])\s+(?=\S)", text)) and _SEAT.search(text[lead.end() :]):
        # 出席議員 14名     1番 鈴木 基方 …: the count, then the roll itself
        draft.note(line.no, f"attendance given as a count, kept as printed: {lead.group(1)}")
        draft.counts.append(lead.group(1))
        text = text[lead.end() :]
        line = Line(line.no, text, line.raw[line.raw.find(text[:4]) :] if text[:4] in line.raw else "")
    if _count_only(text):
        draft.note(line.no, f"attendance given as a count, kept as printed: {text}")
        draft.counts.append(text)
        return
    ctx.carry_label = bool(re.search(r"[、,，]\s*$", text))
    if _is_run(text):
        _run(text, line, draft, names, ctx)
        return
    if (
        len(marks := re.findall(r"(\S[^()（）]*?)\s*[(（]\s*(出\s*席|欠\s*席)\s*[)）]", text)) >= 1
        and not re.sub(r"(\S[^()（）]*?)\s*[(（]\s*(?:出\s*席|欠\s*席)\s*[)）]", "", text).strip()
        and all(is_name(squash(name), 6) for name, _ in marks)
    ):
        # 田島一郎 (出席)  中村花子 (出席): each name with its attendance printed after it.
        for name, status in marks:
            _entry(name.strip(), line, draft, names, ctx, None, "", "", absent=ctx.absent or squash(status) == "欠席")
        return
    tokens = tidy(text).split(" ")
    named = [t for t in tokens if t not in ("他", "ほか", "外")]
    if len(named) >= 2 and all(_name_with_post(t) for t in named):
        # 森田朗会長 印南一路委員 関原健夫委員 / 木倉保険局長 神田審議官 他: people run together with spaces.
        _run("、".join(tokens), line, draft, names, ctx)
        return
    if line.raw and (slotted := _slot_names(line.raw)) is not None:
        # ◎道 下 文 男  〇町 田 皇 介   星 野 良 行 / 大 室   尚   斉 藤 哲 雄: names set four
        # characters wide, a blank slot between a short surname and given name.
        _run("、".join(slotted), line, draft, names, ctx)
        return
    wide = [p for p in re.split(r"[ \t\u3000]{2,}", line.raw.strip()) if p] if line.raw and text == line.text else []
    if len(wide) >= 2 and all(_spaced_name(p) for p in wide):
        # 山田 太郎　　佐藤 花子　　鈴木 一郎: wide gaps between people, narrow ones inside names.
        _run("、".join(tidy(p) for p in wide), line, draft, names, ctx)
        return
    columns = [c for c in _COLUMN_GAP.split(line.raw.strip()) if c.strip()] if line.raw and text == line.text else []
    if len(columns) >= 2 and all(_column_entry(c) for c in columns) and len(re.findall(r"(?:君|さん)(?:\s|$)", text)) < 2:
        # 議  長 24番 橋 本   博            副 議 長 1番 藤 田   豊: a fixed-width roll whose
        # columns are far apart, read column by column (spacing inside a column is only fill).
        for column in columns:
            for segment in _segments(tidy(column)):
                _single(segment, line, draft, names, ctx)
        return
    segments = _segments(text)
    for segment in segments:
        _single(segment, line, draft, names, ctx)


def _name_with_post(token: str) -> bool:
    """A name with its post or role glued on (印南一路委員, 神田審議官)."""
    printed = split_person(re.sub(r"^[○◯〇◎●]", "", token))
    return bool(printed.role) and printed.role not in HONORIFICS and is_name(printed.name, 6) and len(printed.name) >= 1


def _legend(text: str, ctx: _Context) -> None:
    """Marks and what they stand for: ◎部会長、○副部会長 / ◎は会長 / ○印は委員."""
    for mark, word in re.findall(rf"([{_MARKS}])\s*(?:印)?\s*(?:は|:|：)?\s*([^、,，)）]+)", fold(text)):
        ctx.legend[mark] = squash(word)


def _leading_label(text: str) -> tuple[str | None, str]:
    """A list label at the start of a line and the rest: 【委員】, (臨時委員), 委員:, (委  員) 阿部…,
    or a label alone on its line (委員, 文部科学省), numbered or not (5.執行者)."""
    if numbered := re.match(r"^\s*(?:\d{1,2}\s*[.．、)）]|[(（]\s*\d{1,2}\s*[)）])\s*(?=\S)", fold_aligned(text)):
        rest = text[numbered.end() :]
        if (
            squash(rest) in GROUP_WORDS
            or re.fullmatch(r"\S{1,12}", squash(rest))
            and squash(rest).endswith(("事務局", "者", "側"))
        ):
            text = rest  # 5.執行者 / 6.事務局: a numbered section of the attendance list
    folded = fold_aligned(text)
    if dashes := re.fullmatch(r"\s*[-－―ー‐]\s*([^-－―ー‐]{1,20}?)\s*[-－―ー‐]\s*", folded):
        inner = squash(text[dashes.start(1) : dashes.end(1)])
        return re.sub(r"[(（][^)）]*[)）]$", "", inner) or inner, ""  # -委員- / -事務局(大臣官房)-
    if match := re.match(r"^[【〔\[<＜≪《]\s*([^】〕\]>＞≫》]{1,20}?)\s*[】〕\]>＞≫》]\s*[:：]?\s*(.*)$", folded):
        printed = SPACES.sub("", text[match.start(1) : match.end(1)])
        return printed, text[len(text) - len(match.group(2)) :].strip() if match.group(2) else ""
    if (match := re.match(r"^[(（]\s*([^)）]{1,16}?)\s*[)）]\s*[:：]?\s*(.*)$", folded)) and not re.fullmatch(
        r"[\d０-９]+\s*[名人]", squash(match.group(1))
    ):
        word = squash(match.group(1))
        rest = match.group(2)
        if not re.search(r"[、,，。]", word) and not word.startswith("以上") and not is_name(word, 4) or word in GROUP_WORDS:
            if not (rest and rest.startswith(("(", "（"))):
                return word, text[len(text) - len(rest) :].strip() if rest else ""
    if (
        (spaced_colon := re.match(r"^((?:[^\s:：、,，()（）][ \u3000]?){2,8}?)\s*[:：]\s*(.*)$", folded))
        and " " in spaced_colon.group(1).strip()
        and squash(spaced_colon.group(1)) in GROUP_WORDS
    ):
        rest = spaced_colon.group(2)
        return squash(spaced_colon.group(1)), text[len(text) - len(rest) :].strip() if rest else ""  # ・委 員: …
    if match := re.match(r"^([^\s:：、,，()（）]{1,14})\s*[:：]\s*(.*)$", folded):
        word = squash(match.group(1))
        if word in GROUP_WORDS or word.endswith(("委員", "事務局", "者", "省", "庁", "側", "職員", "員")):
            # The label as printed (⽂化庁 stays ⽂化庁; NFKC is for matching only).
            printed = SPACES.sub("", text[match.start(1) : match.end(1)])
            return printed, text[len(text) - len(match.group(2)) :].strip() if match.group(2) else ""
    if (office := re.match(r"^(\S{2,10})[ \u3000]+(\S.*[、,，].*)$", text.strip())) and squash(office.group(1)).endswith(
        tuple(w for w, g in GROUP_WORDS.items() if g in ("government", "secretariat"))
    ):
        return squash(office.group(1)), office.group(2)  # 市執行部 市長(今泉文彦),副市長(…): an office, then its people
    flat = squash(text)
    if flat in GROUP_WORDS:
        return flat, ""
    if (
        len(flat) <= 12
        and not re.search(r"[、,，。()（）]", flat)
        and " " not in tidy(text)
        and (flat.endswith(ORG_WORDS) or flat.endswith(("省", "庁", "府", "事務局", "関係者", "側")))
    ):
        return flat, ""
    return None, text


_COUNT_PART = re.compile(r"(?:[^\s\d、,，]{1,8}\s*)?\d+\s*[名人]")


def _count_only(text: str) -> bool:
    """Attendance printed as a number only: 委員25名, 傍聴者：1名, 委員15名中12名出席."""
    flat = fold(squash(text))
    if re.fullmatch(r"[(（〔\[].*[)）〕\]]", flat):
        flat = flat[1:-1]
    if (
        re.search(r"\d+\s*[名人]", flat)
        and len(flat) <= 40
        and not re.search(r"[、,，](?![^(（]*[)）])", flat)
        and not is_name(re.sub(r"[\d名人中出席欠:：()（）/]", "", flat)[:3], 1)
    ):
        return True
    return bool(re.fullmatch(r"(?:[^\d、,，]{0,12}?)\d+\s*[名人](?:[(（].*[)）])?", flat)) and not re.search(
        r"[、,，](?![^(（]*[)）])", flat
    )


def _split_top(text: str, separators: str) -> list[str]:
    """Split at separators that are not inside brackets."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        if ch in "(（「『【〔":
            depth += 1
        elif ch in ")）」』】〕":
            depth = max(0, depth - 1)
        if ch in separators and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts]


_EVERY = re.compile(r"の各(\S{1,6})$|(?<=\S)各(委員|議員|理事|構成員|幹事|委員等)$")
"""…鈴木の各委員, 清沢謙治各委員: the group word for every name of the run."""


def _is_run(text: str) -> bool:
    """A comma run: 北山委員長、市川委員、… (at least one separator outside brackets), or
    one entry ending a run that the previous line began."""
    return len([p for p in _split_top(fold(text), "、,，") if p]) >= 2 or bool(_EVERY.search(text))


def _join_spaced_posts(tokens: list[str]) -> list[str]:
    """Posts printed one character apart to fill a column (村 長, 副 村 長, 会 計 管 理 者)
    closed up, so that each reads as one word. A letter-spaced name before a post
    (橋 本 博 副 議 長) stays apart: the post is then the longest known word ending the run."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        found: tuple[int, int] | None = None
        if len(tokens[i]) == 1 and tokens[i] != "同":
            j = i
            while j < len(tokens) and j - i < 8 and len(tokens[j]) == 1 and tokens[j] != "同":
                j += 1
            for end in range(j, i + 1, -1):
                word = "".join(tokens[i:end])
                if not (_is_title(word) and not word.endswith(HONORIFICS) or word in GROUP_WORDS):
                    continue  # 町 長 佐 々 木 学 君: 町長佐々木学君 is a person, not a post
                cut = next(
                    (
                        k
                        for k in range(i + 1, end)
                        if _name_before_post("".join(tokens[i:k])) and "".join(tokens[k:end]) in (*ROLE_WORDS, *GROUP_WORDS)
                    ),
                    i,
                )
                found = (cut, end)
                break
        if found is None:
            out.append(tokens[i])
            i += 1
            continue
        out.extend(tokens[i : found[0]])
        out.append("".join(tokens[found[0] : found[1]]))
        i = found[1]
    return out


def _name_before_post(text: str) -> bool:
    """The start of a letter-spaced run that is a name, not the first part of a post (橋本博
    before 副議長, not 事務局 before 参与)."""
    return (
        len(text) >= 3
        and is_name(text, 6)
        and text not in GROUP_WORDS
        and not _is_title(text)
        and not text.endswith(ORG_ENDINGS)
        and not text.startswith(UNIT_WORDS)
    )


_COLUMN_GAP = re.compile(r"[ \t]{6,}|\u3000{3,}|(?:[ \t]*\u3000[ \t]*){3,}")
"""The gap between the columns of a fixed-width roll (wider than any spacing inside an entry)."""


_POST_WORDS = tuple(w for w in {*ROLE_WORDS, *GROUP_WORDS} if len(w) >= 2 and w not in HONORIFICS)


def _slot_names(raw: str) -> list[str] | None:
    """Names printed in four-character slots, one space between characters and a blank slot
    (two more spaces) where a name is short: the names, the blank kept as the space between
    surname and given name; None when the line is not such a row."""
    pieces = re.findall(r"([" + _MARKS + r"]?)(\S+)( *)", raw.strip())
    if (
        len(pieces) < 6
        or sum(len(p[1]) == 1 for p in pieces) < len(pieces) - 2
        or re.search(r"[\d０-９]|君|さん|以上", raw)
        or any(w in squash(raw) for w in _POST_WORDS)
    ):
        return None  # 会 計 管 理 者 兼 高 畑 弥 一: a post and a name, not names in slots
    out: list[str] = []
    current, slots, mark = "", 0, ""
    for index, (lead, chars, gap) in enumerate(pieces):
        if not current:
            mark = lead
        elif lead:
            return None
        current += chars
        slots += len(chars)
        last = index == len(pieces) - 1
        if slots < 4 and not last and len(gap) == 3:
            current += " "  # the blank slot: 大 室   尚
            slots += 1
        elif slots < 4 and not last and len(gap) != 1:
            return None
        if slots >= 4 or last:
            whole = current.replace(" ", "")
            if (
                not 2 <= len(whole) <= 5
                or not is_name(whole, 5)
                or any(whole.startswith(w) for w in (*GROUP_WORDS, *ROLE_WORDS) if len(w) >= 2)
            ):
                return None  # 会 長 佐 藤 清 雄: a post and a name, not two names
            out.append(mark + current.strip())
            current, slots = "", 0
    return out if len(out) >= 2 else None


def _column_entry(column: str) -> bool:
    """A column of a fixed-width roll holds a whole entry: a name, after any post and seat
    number (not a post alone, nor one character of a letter-spaced name)."""
    tokens = _join_spaced_posts(tidy(column).split(" "))
    while tokens and (_is_title(tokens[0]) or tokens[0] in GROUP_WORDS or _SEAT.fullmatch(tokens[0])):
        tokens = tokens[1:]
    rest = "".join(tokens)
    if len(rest) < 2 or _is_title(rest) or not tokens:
        return False
    return is_name(re.sub(r"(?:君|さん)$", "", rest), 6) if all(len(t) == 1 for t in tokens) else is_name(tokens[0], 5)


_SEAT = re.compile(r"[\d０-９]{1,3}\s*番")


def _seat_entries(tokens: list[str]) -> list[str] | None:
    """1番 小川 克也 2番 佐野 英俊 / 議長 24番 橋本 博 副議長 1番 藤田 豊: a roll of seat
    numbers, several to a line; a post printed before a seat number goes with its entry."""
    seats = [i for i, t in enumerate(tokens) if _SEAT.fullmatch(t)]
    if len(seats) < 2:
        return None
    # 議員 before a seat number ends the entry before it (1番 三 浦 芳 一 議員 2番 …), never a post.
    starts = [
        i - 1 if i > 0 and tokens[i - 1] != "議員" and (_is_title(tokens[i - 1]) or tokens[i - 1] in GROUP_WORDS) else i
        for i in seats
    ]
    if starts[0] != 0 and not all(_is_title(t) or t in GROUP_WORDS for t in tokens[: starts[0]]):
        return None
    starts[0] = 0
    return [" ".join(tokens[a:b]) for a, b in zip(starts, [*starts[1:], len(tokens)]) if a < b]


def _read_post(tokens: list[str], i: int) -> int | None:
    """Where the post starting at tokens[i] ends (村長, 総 務 部 長, 市 民 生活部長, 書 記 (次長)),
    or None when no post starts there."""
    end: int | None = None
    if len(tokens[i]) >= 2 and (tokens[i] in GROUP_WORDS or _is_title(tokens[i])) and not tokens[i].endswith(HONORIFICS):
        end = i + 1
    elif len(tokens[i]) == 1:
        j = i
        while j < len(tokens) and j - i < 8 and len(tokens[j]) == 1:
            j += 1
        for stop in range(min(j + 1, len(tokens)), i + 1, -1):
            word = "".join(tokens[i:stop])
            if (
                (word in GROUP_WORDS or _is_title(word))
                and not word.endswith(HONORIFICS)
                and (stop <= j or len(tokens[stop - 1]) >= 2 and j - i >= 2)
            ):
                end = stop
                break
    if end is not None and end < len(tokens) and re.fullmatch(r"[(（][^)）]{1,8}[)）]", tokens[end]):
        end += 1  # 書 記 (次長)
    return end


def _post_name_pairs(tokens: list[str]) -> list[str] | None:
    """市 長 石井由己雄 教 育 長 小泉 克行 総 務 部 長 石井 康雄 市 民 生活部長 兼子 幸典: a line of
    posts each followed by a name, the posts letter-spaced to fill their column. A name is one
    token, or a surname of up to three characters and the token after it."""
    entries: list[str] = []
    i = 0
    while i < len(tokens):
        end = _read_post(tokens, i)
        if end is None or end >= len(tokens):
            return None
        first = tokens[end]
        if first == "同" or not is_name(re.sub(r"(?:君|さん)$", "", first), 5) or _is_title(first) or first in GROUP_WORDS:
            return None
        stop = end + 1
        if (
            len(first) <= 3
            and stop < len(tokens)
            and is_name(re.sub(r"(?:君|さん)$", "", tokens[stop]), 3)
            and not (len(tokens[stop]) >= 2 and (_is_title(tokens[stop]) or tokens[stop] in GROUP_WORDS))
        ):
            stop += 1  # 石井 康雄, 井上 久: the surname's given name
        if stop < len(tokens) and tokens[stop] in HONORIFICS:
            stop += 1
        entries.append(f"{''.join(tokens[i:end])} {' '.join(tokens[end:stop])}")
        i = stop
    return entries if len(entries) >= 2 else None


def _segments(text: str) -> list[str]:
    """One line holding several people: after each 君/さん (two-column lists), before each
    seat number (1番 …), or before each group word or 同 standing alone (a flattened table)."""
    if len(re.findall(r"(?:君|さん)(?:\s|$)", text)) >= 2:
        return [p.strip() for p in re.split(r"(?<=君)\s+|(?<=さん)\s+", text) if p.strip()]
    printed = re.sub(r"([\d０-９]{1,3})\s+番", r"\1番", tidy(text)).split(" ")
    tokens = _join_spaced_posts(printed)
    if (seated := _seat_entries(tokens)) is not None:
        return seated
    if (pairs := _post_name_pairs(printed)) is not None:
        return pairs
    if len(tokens) >= 5:
        # 委員長 山田 太郎 副委員長 佐藤 花子: a role word before each name, two to a line.
        def _word(t: str) -> bool:
            return t == "同" or t in GROUP_WORDS or _is_title(t)

        starts = [
            i
            for i, t in enumerate(tokens)
            if _word(t) and i + 1 < len(tokens) and is_name(tokens[i + 1], 5) and not _word(tokens[i + 1])
        ]
        if len(starts) >= 2 and starts[0] == 0:
            starts = [i for i in starts if i > 0]
            bounds = [0, *starts, len(tokens)]
            return [" ".join(tokens[a:b]) for a, b in zip(bounds, bounds[1:]) if a < b]
    return [" ".join(tokens)]


def _run(text: str, line: Line, draft: Draft, names: NameIndex, ctx: _Context) -> None:
    """A comma run: each entry a person with optional title, role or bracketed note."""
    group_all = None
    absent_people: list[tuple[str, str]] = []
    if legend := re.search(rf"[(（]\s*((?:[{_MARKS}]\s*[^、,，)）]+[、,，]?\s*)+)[)）]\s*$", text):
        # …、鈴木一郎（◎は会長）: a legend at the end of the run explains its marks.
        _legend(legend.group(1), ctx)
        text = text[: legend.start()]
    # (欠席:浜委員、渡邉委員) and (後藤副委員長は欠席) inside the run.
    for match in list(re.finditer(r"[(（]\s*欠席\s*[:：]?\s*([^)）]+)[)）]|[(（]([^)）]+?)\s*は\s*欠席\s*[)）]", text)):
        names_part = match.group(1) or match.group(2)
        for part in _split_top(names_part, "、,，"):
            absent_people.append((part, match.group(0)))
        text = text.replace(match.group(0), "、")
    text = text.strip().rstrip("、,，")
    if every := _EVERY.search(text):
        group_all = every.group(1)
        text = text[: every.start()]
    if re.search(r"(?:\s|、|(?<=[長官員]))(?:他|ほか)\s*$", text):
        text = re.sub(r"(?:\s|、|(?<=[長官員]))(?:他|ほか)\s*$", "", text)  # …対策課長他: and others
        others = True
    else:
        others = False
    title_carried = ""
    parts = [q for p in _split_top(text, "、,，") if p.strip() for q in _glued_entries(p.strip())]
    if len(parts) == 1 and _space_separated_names(tidy(parts[0]).split(" ")):
        parts = tidy(parts[0]).split(" ")  # 駒崎高行 田中富造 清沢謙治各委員: spaces, not commas, between them
    unit = _shared_unit(parts)
    for part in parts:
        marker = ""
        if part[0] in _MARKS:
            marker, part = part[0], part[1:].strip()
        if unit and (at := part.find(unit)) > 0 and is_name(part[:at], 4) and " " not in part:
            part = f"{part[:at]} {part[at:]}"  # 是澤水・大気環境局…: the surname ends where the run's bureau starts
        title_carried = _entry(part, line, draft, names, ctx, group_all, marker, title_carried, absent=ctx.absent)
    for part, _ in absent_people:
        _entry(part.strip(), line, draft, names, ctx, group_all, "", "", absent=True)
    if others:
        draft.attendees.append(DraftAttendee(group=_format_group(ctx.label or ctx.heading), others=True, line=line.no))


def _glued_entries(part: str) -> list[str]:
    """Two entries printed with the comma between them lost (菱沼和幸副議長小松豊正議員)."""
    found = re.fullmatch(
        r"(.{2,6}?(?:副議長|議長|副委員長|委員長|委員|議員))(.{2,6}?(?:副議長|議長|副委員長|委員長|委員|議員))", part
    )
    if found and all(is_name(split_person(x).name, 5) for x in found.groups()):
        return [found.group(1), found.group(2)]
    return [part]


def _shared_unit(parts: list[str]) -> str:
    """The office unit most people of a run of officials share (`水・大気環境局` in 三好水・大気
    環境局長、近藤水・大気環境局総務課長、是澤水・大気環境局大気環境課長): where it starts in an
    entry, the surname ends — whatever a dictionary says of the characters around it."""
    if len(parts) < 3:
        return ""
    counts: dict[str, int] = {}
    for part in parts:
        flat = squash(part)
        seen = set()
        for start in range(1, min(4, len(flat))):
            for size in range(4, 9):
                piece = flat[start : start + size]
                if len(piece) == size and piece not in seen and re.search(r"[局部課室省庁]", piece):
                    seen.add(piece)
                    counts[piece] = counts.get(piece, 0) + 1
    if not counts:
        return ""
    best = max(counts, key=lambda piece: (counts[piece], len(piece)))
    return best if counts[best] >= 3 and counts[best] >= len(parts) / 2 else ""


def _entry(
    part: str,
    line: Line,
    draft: Draft,
    names: NameIndex,
    ctx: _Context,
    group_all: str | None,
    marker: str,
    title_carried: str,
    absent: bool,
) -> str:
    """One entry of a comma run; returns the title to carry to following bare names."""
    as_printed = part.strip()
    part = re.sub(r"[〔\[][^〕\]]*[〕\]]$", "", part).strip()  # 〔計12名〕
    part = re.sub(r"[(（]\s*\d+\s*名\s*[)）]$", "", part).strip()  # (14名)
    if re.search(r"\d+\s*[名人]", fold(part)):
        draft.note(line.no, f"attendance given as a count, kept as printed: {part}")
        draft.counts.append(part)  # 委員10名, 事務局3名: a number of people, never people
        return title_carried
    part = re.sub(r"\s*(?:君|さん|氏|様)$", "", part)
    since_marker: str | None = None
    if match := re.search(r"[(（]\s*以上\s*([^)）]+)[)）]$", part):
        since_marker = squash(match.group(1))
        part = part[: match.start()].strip()
    part, paren = _entry_bracket(part)
    title, part = _entry_title(part, title_carried)
    tokens = tidy(part).split(" ")
    printed = split_person(part)
    spaced = tidy(part) if len(tokens) == 2 and all(is_name(t, 4) for t in tokens) and not _is_title(tokens[0]) else ""
    if spaced and printed.role and spaced.endswith(printed.role) and " " in spaced[: -len(printed.role)].strip():
        spaced = spaced[: -len(printed.role)].strip()  # 山田 太郎委員: the name without its role
    if not is_name(printed.name, 6):
        draft.note(line.no, f"cannot tell the name in attendance entry {part!r}", "kept as it is: check the name")
    role_word = printed.role if printed.role not in HONORIFICS else ""
    group = _group_for(ctx, role_word, paren, title, group_all)
    if title and group == ctx.label and _is_post(ctx.label):
        # 国務大臣 / … then 国土交通大臣政務官 小林 茂樹君: in a list of officials printed title
        # first, each entry's own title is its label; the post above named only its entry.
        group = title
    affiliation = " ".join(
        x for x in (title, role_word if role_word != group else "", paren if paren and paren != group else "") if x
    )
    _add(spaced or printed.name, line, draft, names, group, affiliation, absent, key_extra=affiliation).printed = (
        marker + as_printed
    )
    if marker:
        ctx.marks[len(draft.attendees) - 1] = marker
    _run_label(since_marker, paren, draft, ctx)
    return title or (title_carried if title_carried and not role_word else "")


def _entry_bracket(part: str) -> tuple[str, str]:
    """The entry and the bracket after it: 市長(今泉文彦) is the post, then the name in
    brackets; 野村靖幸(監事) a name and its group; 佐藤(勝) keeps its disambiguator."""
    role_name = re.fullmatch(r"([^(（)）]{1,16})[(（]\s*([^)）]{1,8}?)\s*[)）]", part.strip())
    if (
        role_name
        and _is_title(role_name.group(1))
        and is_name(re.sub(r"\s", "", role_name.group(2)), 5)
        and not _is_title(role_name.group(2))
        and squash(role_name.group(2)) not in GROUP_WORDS
    ):
        before = split_person(role_name.group(1)).name
        if (
            squash(role_name.group(1)) in ROLE_WORDS
            or not is_name(before, 4)
            or before.endswith(ORG_ENDINGS)
            or before.startswith(UNIT_WORDS)
        ):
            part = f"{role_name.group(1)} {role_name.group(2)}"
    if match := re.search(r"[(（]([^)）]+)[)）]$", part):
        inner = match.group(1).strip()
        if not re.fullmatch(r"[\u3400-\u9fff]", inner) or re.search(r"[(（][^)）]+[)）][^)）]*[(（]", part):
            return part[: match.start()].strip(), squash(inner)
    return part, ""


def _entry_title(part: str, title_carried: str) -> tuple[str, str]:
    """(title, name) of an entry whose post is printed with it: こども政策課長 森 美香,
    政策室長 冨田泰, 是澤 水・大気環境局大気環境課長; a bare name takes the title carried
    from the entry before it (企画係長 中村 舞、森 美香)."""
    tokens = tidy(part).split(" ")
    if (
        len(tokens) >= 3
        and is_name(tokens[-1], 4)
        and is_name(tokens[-2], 4)
        and _is_title(" ".join(tokens[:-2]))
        or (
            len(tokens) >= 3
            and len(squash(" ".join(tokens[:-2]))) >= 5
            and all(is_name(t, 4) for t in tokens[-2:])
            and not is_name(tokens[0], 4)
        )
    ):
        return squash(" ".join(tokens[:-2])), f"{tokens[-2]} {tokens[-1]}"
    title = ""
    if len(tokens) >= 2 and not (len(tokens) == 2 and all(is_name(t, 4) for t in tokens) and not _is_title(tokens[0])):
        head = " ".join(tokens[:-1])
        if is_name(tokens[-1], 6) and (
            squash(head).endswith(ROLE_WORDS)
            or squash(head).endswith(TITLE_ENDINGS)
            or len(squash(head)) >= 5
            or squash(head) in GROUP_WORDS
        ):
            return squash(head), tokens[-1]
        if is_name(tokens[0], 4) and is_name(tokens[1], 4) and len(tokens) > 2:
            return squash(" ".join(tokens[2:])), f"{tokens[0]} {tokens[1]}"
    elif title_carried and is_name(part, 5) and not role_suffix(part):
        title = title_carried
    if not title and len(tokens) == 2 and is_name(tokens[0], 4) and _is_title(tokens[1]) and not is_name(tokens[1], 4):
        return squash(tokens[1]), tokens[0]
    return title, part


def _run_label(since_marker: str | None, paren: str, draft: Draft, ctx: _Context) -> None:
    """A label printed after a run covers the run: (以上 理事), or 野村靖幸(監事) at the end
    of names that had none."""
    if since_marker:
        for earlier in draft.attendees[ctx.segment_start :]:
            _relabel(earlier, since_marker)
        ctx.segment_start = len(draft.attendees)
    elif (
        paren in GROUP_WORDS
        and paren not in ("議長", "総長")
        and is_generic(ctx.label or ctx.heading)
        and any(a.label is None for a in draft.attendees[ctx.segment_start : -1])
    ):
        for earlier in draft.attendees[ctx.segment_start :]:
            if earlier.label is None or earlier is draft.attendees[-1]:
                _relabel(earlier, paren)
        ctx.segment_start = len(draft.attendees)


def _is_title(word: str) -> bool:
    """A post or title rather than a surname: 主任, 政策室長, 室長, 書記(次長)."""
    flat = squash(word)
    if re.fullmatch(r"[^(（)）]{2,}[(（][^)）]{1,8}[)）]", flat):
        flat = re.sub(r"[(（][^)）]*[)）]$", "", flat)
    if flat.endswith("兼") and len(flat) > 2:
        flat = flat[:-1]  # 総務課長兼: the post goes on (選挙管理委員会書記長 on the next line)
    if not flat:
        return False
    return flat in ROLE_WORDS or bool(role_suffix(flat)) and len(flat) >= 3


def _is_post(label: str | None) -> bool:
    """A label that is one official's post (国務大臣, 政務官) rather than a group (委員, 事務局)."""
    return (
        bool(label)
        and label not in ("委員", "議員", "職員", "構成員", "事務局", "理事", "監事", "幹事")
        and bool(re.search(r"(?:大臣|政務官|長官|審議官|参事官|専門員|調査員)$", label or ""))
    )


def _relabel(attendee: DraftAttendee, label: str) -> None:
    if attendee.label and attendee.label != label and attendee.label not in attendee.affiliation:
        attendee.affiliation = tidy(f"{attendee.label} {attendee.affiliation}")
    attendee.label = label
    attendee.group = _format_group(label)
    attendee.role = label if not attendee.role or attendee.role in GROUP_WORDS else attendee.role


def _group_for(ctx: _Context, role_word: str, paren: str, title: str, group_all: str | None) -> str | None:
    """The most specific printed label for an entry: the list label, the heading's group,
    …の各委員; when all are generic, the person's own role word (辻議長, (議長))."""
    for label in (ctx.label, ctx.heading, group_all):
        if label and not is_generic(label):
            return label
    for word in (paren, role_word, title):
        if word and word in GROUP_WORDS and word not in GENERIC_GROUPS:
            return word
    return ctx.label if ctx.label in GENERIC_GROUPS and ctx.label != ctx.heading else None


def _format_group(label: str | None) -> str:
    if label is None:
        return "other"
    if label in GROUP_WORDS:
        return GROUP_WORDS[label]
    for word in sorted(GROUP_WORDS, key=len, reverse=True):
        if label.endswith(word):
            return GROUP_WORDS[word]
    if label.endswith(("省", "庁", "府", "局", "部", "課", "市", "町", "村", "県")):
        return "government"
    return "other"


def _add(
    name: str, line: Line, draft: Draft, names: NameIndex, group: str | None, affiliation: str, absent: bool, key_extra: str = ""
) -> DraftAttendee:
    flat = squash(name)
    key = flat if len(re.sub(r"[(（].*", "", flat)) >= 4 or " " in tidy(name) else f"{flat}/{key_extra}"
    person = names.find(name) or names.propose(name, draft, line.no, key=key)
    role = ""
    words = affiliation.split(" ")
    for word in words:
        if word in ROLE_WORDS and word not in HONORIFICS:
            role = word
            break
    if not role and words and words[0] and squash(words[0]).endswith(TITLE_ENDINGS) and len(words) == 1:
        role = squash(words[0])
    attendee = DraftAttendee(
        group=_format_group(group),
        name=tidy(name),
        person=person,
        absent=absent,
        line=line.no,
        role=role or group or "出席者",
        affiliation=affiliation if affiliation != role else "",
        label=group,
    )
    draft.attendees.append(attendee)
    return attendee


_USUAL_MARKS = {"◎": "委員長", "○": "副委員長", "〇": "副委員長", "◯": "副委員長"}


def _apply_legend(draft: Draft, ctx: _Context) -> None:
    for index, mark in ctx.marks.items():
        word = ctx.legend.get(mark)
        attendee = draft.attendees[index]
        if word is None and not ctx.legend and mark in _USUAL_MARKS and GROUP_WORDS.get(attendee.label or "") == "member":
            # ◎山川昌子 ○肥沼茂男 in a committee's roll with no legend: the usual chair and vice-chair marks.
            word = _USUAL_MARKS[mark] if attendee.label != "議員" else _USUAL_MARKS[mark].replace("委員", "議")
            draft.note(
                attendee.line,
                f"mark {mark} before {attendee.name} read as {word}, as usual (no legend is printed)",
                "correct the role if the record means otherwise",
            )
        if word is None:
            draft.note(attendee.line, f"mark {mark} before {attendee.name} is not explained by a legend")
            continue
        if attendee.label is None or is_generic(attendee.label):
            attendee.label, attendee.group = word, _format_group(word)
        attendee.role = word


def _merge_duplicates(draft: Draft) -> None:
    """The same person listed twice (as 委員 and as 政務官): keep the first listing."""
    seen: dict[str, DraftAttendee] = {}
    kept: list[DraftAttendee] = []
    for attendee in draft.attendees:
        if attendee.person and attendee.person in seen:
            first = seen[attendee.person]
            draft.note(
                attendee.line,
                f"{attendee.name} is listed again ({attendee.role or attendee.label}): kept once, as at line {first.line}",
            )
            if attendee.role and attendee.role != first.role and attendee.role not in first.affiliation:
                first.affiliation = tidy(f"{first.affiliation} {attendee.role}")
            continue
        if attendee.person:
            seen[attendee.person] = attendee
        kept.append(attendee)
    draft.attendees[:] = kept


# -- one person a line ----------------------------------------------------------------------


def _single(text: str, line: Line, draft: Draft, names: NameIndex, ctx: _Context) -> None:
    """A line for one person: [group word] name [affiliation], 同 for the group above,
    proxies (代理) and absences (欠席). Read in steps, each of which may settle the line."""
    text, status_absent = _normalised(text)
    if _second_post(text, draft) or _unspaced_person(text, line, draft, names, ctx):
        return
    split = _group_word(text, line, draft, names, ctx)
    if split is None:
        return
    prefix, tokens, post_first = split
    text = " ".join(tokens)
    if prefix and _NONE.match(squash(text)) or _several_on_line(tokens, prefix, line, draft, names, ctx):
        return
    text = re.sub(r"\s*(?:君|さん)$", "", text)
    if squash(text) in ("他", "ほか", "等"):
        draft.attendees.append(DraftAttendee(group=_format_group(prefix or ctx.label or ctx.heading), others=True, line=line.no))
        return
    marks = _marks(text)
    group_label = prefix or _group_for(ctx, "", "", "", None) or ctx.prefix
    if not prefix and _continues_above(marks.text, line, draft, names, ctx):
        return
    _person(marks, post_first, prefix, group_label, status_absent, line, draft, names, ctx)


def _normalised(text: str) -> tuple[str, bool]:
    """The line without what only frames the person: a seat number, the attendance column
    (出席/欠席: whether absent is returned), letter spacing, a post glued to the surname, a
    spaced 君, a member word after a spaced name."""
    if re.match(r"^\s*[\d０-９]{1,3}\s*番", text):
        # 1番 三 浦 芳 一 議員: some rolls end a seat's name with the member word, not 君.
        text = re.sub(r"(?<=\S)\s+議員$", "", re.sub(r"^\s*\d{1,3}\s*番\s*", "", fold(text)).rstrip())
    if (seat := re.match(r"^(\S{2,8})\s+[\d０-９]{1,3}\s*番\s+(?=\S)", text)) and (
        _is_title(seat.group(1)) or seat.group(1) in GROUP_WORDS
    ):
        text = f"{seat.group(1)} {text[seat.end() :]}"  # 議長 24番 橋 本 博: the post, then the name
    # 総務課長(兼)  契約検査室長  内 田 隆 生 君: a second post printed after a bracketed 兼
    # is joined to the first, as 総務課長兼契約検査室長 is.
    text = re.sub(r"(?<=[^\s(（])\s*[(（]\s*兼務?\s*[)）]\s*", "兼", text)
    absent = False
    if status := re.search(r"\s(出席|欠席)$", tidy(text)):
        # 委員長 守屋亘弘 出席: a roll table's attendance column
        text, absent = tidy(text)[: status.start()], status.group(1) == "欠席"
    text = _close_spaced_name(text)
    if glued := _post_glued_first(tidy(text)):
        text = glued  # 委員長野村 有信君, 理事花輪ともふみ君: the post printed against the name
    if re.search(r"\S\s+(?:君|さん)$", tidy(text)) and len(tidy(text).split(" ")) >= 4:
        text = re.sub(r"\s+(?:君|さん)$", "", tidy(text))  # 市長 三好 昇 君: the honorific set apart
    if member := re.fullmatch(r"([\u3400-\u9fff\u3040-\u30ff]{1,4}) ([\u3400-\u9fff\u3040-\u30ff]{1,4})(議員|委員)", tidy(text)):
        text = f"{member.group(1)} {member.group(2)}"  # 安原 透議員: a spaced name with its member word
    return text, absent


def _second_post(text: str, draft: Draft) -> bool:
    """会 計 管 理 者 兼 高 橋 弥 一 / 会 計 課 長: the second post of the person above."""
    previous = draft.attendees[-1] if draft.attendees else None
    if previous is None or not _is_title(squash(text)) or is_name(squash(text), 3):
        return False
    target = next((f for f in ("affiliation", "role") if getattr(previous, f).endswith("兼")), None)
    if target is None:
        return False
    setattr(previous, target, getattr(previous, target) + squash(text))
    return True


def _unspaced_person(text: str, line: Line, draft: Draft, names: NameIndex, ctx: _Context) -> bool:
    """One person printed without spaces (山極総長(議長), 辻議長): read like a run's entry."""
    bare = re.sub(r"\s*(?:君|さん)$", "", tidy(text))
    head = re.sub(r"[(（][^)）]*[)）]$", "", bare)
    if (
        " " in tidy(head)
        or _spaced_group_prefix(text)
        or len(squash(head)) < 2
        or ctx.pending
        or "欠席" in bare
        or "代理" in bare
        or _is_continuation([head])
    ):
        return False
    printed = split_person(head.lstrip(_MARKS))
    if not (printed.role or head != bare) or not is_name(printed.name, 6):
        return False
    marker = bare[0] if bare[0] in _MARKS else ""
    _entry(bare[1:] if marker else bare, line, draft, names, ctx, None, marker, "", absent=ctx.absent)
    return True


def _group_word(text: str, line: Line, draft: Draft, names: NameIndex, ctx: _Context) -> tuple[str | None, list[str], str] | None:
    """(the line's own group word, the tokens after it, a post printed between them); None
    when the line was read whole here (`市長 渡辺 五郎`)."""
    spaced = _spaced_group_prefix(text)
    if spaced is not None and not ctx.pending:
        ctx.prefix = spaced[0]
        tokens = [spaced[0], *tidy(spaced[1]).split(" ")]
    else:
        tokens = tidy(text).split(" ")
    prefix = None
    if ctx.pending and tokens[0] in GROUP_WORDS:
        pass  # 理事 山本 健 after an organisation line: 理事 is the end of the affiliation
    elif tokens[0] == "同" and len(tokens) > 1:
        prefix, tokens = ctx.prefix, tokens[1:]
    elif (
        tokens[0] in GROUP_WORDS
        and len(tokens) > 1
        and (GROUP_WORDS[tokens[0]] in ("chair", "vice-chair", "member", "other") or not (ctx.label or ctx.heading))
    ):
        prefix, tokens = tokens[0], tokens[1:]
        ctx.prefix = prefix
    elif (
        2 <= len(tokens) <= 3
        and _is_title(tokens[0])
        and squash(tokens[0]) not in GROUP_WORDS
        and all(is_name(re.sub(r"(?:君|さん)$", "", t), 5 if len(tokens) == 3 else 6) for t in tokens[1:])
        and not ctx.pending
    ):
        _entry(" ".join(tokens), line, draft, names, ctx, None, "", "", absent=ctx.absent)  # 市長 渡辺 五郎
        return None
    elif len(tokens) > 1 and squash(tokens[0]) in GROUP_WORDS and not is_name(tokens[1], 1):
        prefix, tokens = squash(tokens[0]), tokens[1:]
    post_first = ""
    if (
        prefix
        and len(tokens) >= 2
        and (tokens[0] in GROUP_WORDS or _is_title(tokens[0]))
        and is_name(re.sub(r"(?:君|さん)$", "", "".join(tokens[1:])), 6)
    ):
        post_first, tokens = tokens[0], tokens[1:]  # オブザーバー 議長 畑中由喜子: the group, the post, the name
    return prefix, tokens, post_first


def _several_on_line(tokens: list[str], prefix: str | None, line: Line, draft: Draft, names: NameIndex, ctx: _Context) -> bool:
    """Several people on the line after its group word: read as a run under that word."""
    text = " ".join(tokens)
    grouped = _group_name_tokens(tokens)
    if grouped is not None and len(grouped) >= 2 and not names.find(text):
        run, label = "、".join(grouped), prefix or ctx.prefix or ctx.label  # 雲北一雄 山本正來 長谷川 悟: three people
    elif prefix and _is_run(text) or _space_separated_names(tokens) and not names.find(text):
        # 委員 高田英亮、鈴木太雄 / 山田太郎　佐藤花子　鈴木一郎: a list after the group word.
        run, label = (text if _is_run(text) else "、".join(tokens)), prefix or ctx.label
    else:
        return False
    saved, ctx.label = ctx.label, label
    _run(run, line, draft, names, ctx)
    ctx.label = saved
    return True


@dataclass(slots=True)
class _Marks:
    """A person's line without its absence and proxy marks, and what they said."""

    text: str
    absent: bool
    proxy_line: str | None
    """赤松 広隆 農林水産大臣(代理 山田 正彦 農林水産副大臣): the one who attended instead."""
    proxy_of: str | None
    """山田 正彦(赤松代理): the member this person stood in for ('' when not named)."""


def _marks(text: str) -> _Marks:
    absent = bool(re.search(r"[（(]\s*欠席\s*[)）]|欠席$", text))
    text = re.sub(r"[（(]\s*欠席\s*[)）]|\s欠席$", "", text).strip()
    proxy_line = None
    if match := re.search(r"[（(]\s*代理\s*[:：]?\s*([^)）]+)[)）]\s*$", text):
        proxy_line = match.group(1).strip()
        text = text[: match.start()].strip()
    proxy_of = None
    if match := re.search(r"[（(]\s*(?P<who>[^）)]*?)\s*代理\s*[)）]", text):
        proxy_of = match.group("who")
        text = (text[: match.start()] + text[match.end() :]).strip()
    return _Marks(re.sub(r"(?<=\S)(?=[（(])", " ", text), absent, proxy_line, proxy_of)


def _continues_above(text: str, line: Line, draft: Draft, names: NameIndex, ctx: _Context) -> bool:
    """The rest of the person above (an organisation, a post) wrapped onto this line."""
    previous = draft.attendees[-1] if draft.attendees else None
    tokens = text.split(" ")
    if previous is None or previous.others or names.find(text) or not _is_continuation(tokens):
        return False
    if previous.name_last and len(tokens) == 1 and not squash(text).endswith(TITLE_WORDS):
        ctx.pending = tidy(f"{ctx.pending} {text}")
        return True
    target = "role" if previous.group == "government" and not previous.affiliation else "affiliation"
    setattr(previous, target, tidy(f"{getattr(previous, target)} {text}"))
    return True


def _person(
    marks: _Marks,
    post_first: str,
    prefix: str | None,
    group_label: str | None,
    status_absent: bool,
    line: Line,
    draft: Draft,
    names: NameIndex,
    ctx: _Context,
) -> None:
    """The one person of the line: their name found among the tokens, the rest their post
    or affiliation; a proxy who attended for them is added after them."""
    text, tokens = marks.text, marks.text.split(" ")
    previous = draft.attendees[-1] if draft.attendees else None
    name, rest, name_last = _split_name(tokens, names)
    if post_first:
        rest = [post_first, *rest]
    if name is None and len(tokens) == 1:
        printed = split_person(tokens[0])
        if is_name(printed.name, 6):
            name, rest = printed.name, [printed.role] if printed.role and printed.role not in HONORIFICS else []
            if not prefix and printed.role in GROUP_WORDS and is_generic(ctx.label or ctx.heading):
                group_label = printed.role
    if ctx.pending:
        rest, ctx.pending = [ctx.pending, *rest], ""
    if name is None and len(tokens) >= 2 and (found := _name_last(tokens)) is not None:
        name, rest = found
    if (
        name is None
        and previous is not None
        and not previous.affiliation
        and not previous.others
        and previous.line >= line.no - 2
        and not _is_title(text)
        and len(squash(text)) <= 30
    ):
        previous.affiliation = tidy(text)  # 崎田 裕子 / ジャーナリスト・環境カウンセラー: the post under the name
        return
    if name is None and not any(is_name(re.sub(r"(?:君|さん)$", "", t), 6) for t in tokens):
        draft.note(
            line.no,
            f"no name in attendance line {text!r}: not made an attendee",
            "kept in the file as a comment; add the person by hand if one is meant",
        )
        return
    if name is None:
        draft.note(line.no, f"cannot tell the name in attendee line {text!r}", "kept as it is: check the name and affiliation")
        name, rest = tokens[0], tokens[1:]
    rest_text, group_label = _post_and_group(" ".join(rest), group_label, prefix, previous)
    person = names.find(name) or names.propose(
        name, draft, line.no, key=squash(name) if len(squash(name)) >= 4 or " " in tidy(name) else f"{squash(name)}/{rest_text}"
    )
    fmt_group = _format_group(group_label)
    attendee = DraftAttendee(
        group=fmt_group,
        name=tidy(name),
        person=person,
        line=line.no,
        name_last=name_last,
        absent=ctx.absent or marks.absent or status_absent,
        label=group_label,
    )
    if fmt_group in ("government", "secretariat") and rest_text:
        attendee.role = rest_text
    else:
        attendee.role = group_label or (rest_text if rest_text and len(rest_text) <= 20 else "出席者")
        attendee.affiliation = rest_text if attendee.role != rest_text else ""
    if marks.proxy_of is not None:
        attendee.proxy_printed = marks.proxy_of or "?"
        attendee.proxy_for = names.find(marks.proxy_of) if marks.proxy_of else None
        draft.note(
            line.no,
            f"{tidy(name)} attended as proxy{' for ' + marks.proxy_of if marks.proxy_of else ''}",
            "set proxy_for: to the person id of the member represented" if attendee.proxy_for is None else "",
        )
    attendee.printed = tidy(line.text) if len(line.text) <= 80 else ""
    draft.attendees.append(attendee)
    if marks.proxy_line:
        _proxy(marks.proxy_line, attendee, line, draft, names)


def _name_last(tokens: list[str]) -> tuple[str, list[str]] | None:
    """架空省 田中課長, 市長 渡辺 五郎: a post or organisation first, the name (and role) last."""
    last = split_person(tokens[-1])
    if (
        is_name(last.name, 4)
        and len(tokens) >= 3
        and is_name(tokens[-2], 4)
        and not last.role
        and (_is_title(" ".join(tokens[:-2])) or any(w in "".join(tokens[:-2]) for w in ORG_WORDS))
    ):
        return f"{tokens[-2]} {tokens[-1]}", tokens[:-2]
    if is_name(last.name, 4) and (
        last.role or _is_title(" ".join(tokens[:-1])) or any(w in "".join(tokens[:-1]) for w in ORG_WORDS)
    ):
        return last.name, [*tokens[:-1], *([last.role] if last.role and last.role not in HONORIFICS else [])]
    return None


def _post_and_group(
    rest_text: str, group_label: str | None, prefix: str | None, previous: DraftAttendee | None
) -> tuple[str, str | None]:
    """What follows the name (its brackets off, 同 for the organisation above), and the
    group: a group word printed after the name is the group when the heading says none."""
    if len(rest_text) > 2 and rest_text[0] in "（(" and rest_text[-1] in "）)":
        rest_text = rest_text[1:-1].strip()
    if rest_text.startswith("同") and previous is not None and previous.affiliation:
        rest_text = tidy(previous.affiliation.split(" ")[0] + " " + rest_text[1:].strip())
    if squash(rest_text) in GROUP_WORDS and (is_generic(group_label) or prefix is None):
        if is_generic(group_label) or group_label is None:
            group_label = squash(rest_text)
        rest_text = "" if squash(rest_text) == group_label else rest_text
    return rest_text, group_label


def _proxy(proxy_line: str, principal: DraftAttendee, line: Line, draft: Draft, names: NameIndex) -> None:
    """赤松 広隆 農林水産大臣(代理 山田 正彦 農林水産副大臣): the principal is absent, the
    proxy attends for them."""
    principal.absent = True
    proxy_name, proxy_rest, _ = _split_name(tidy(proxy_line).split(" "), names)
    if not proxy_name:
        draft.note(line.no, f"cannot tell the proxy's name in {proxy_line!r}")
        return
    proxy_person = names.find(proxy_name) or names.propose(proxy_name, draft, line.no)
    draft.attendees.append(
        DraftAttendee(
            group=principal.group,
            name=tidy(proxy_name),
            person=proxy_person,
            line=line.no,
            label=principal.label,
            role=" ".join(proxy_rest) or "代理",
            proxy_for=principal.person,
            proxy_printed=principal.name,
        )
    )


def _post_glued_first(text: str) -> str | None:
    """`委員長野村 有信君`, `財務局長谷川 健次君`, `理事花輪ともふみ君`: a line of one person whose
    post is printed against the surname, the given name apart (or the whole name after the
    post); the post and the name with a space between them, or None."""
    tokens = text.split(" ")
    if not 1 <= len(tokens) <= 2 or not re.search(r"(?:君|さん)$", tokens[-1]):
        return None
    given = re.sub(r"(?:君|さん)$", "", tokens[1]) if len(tokens) == 2 else ""
    first = tokens[0] if given else re.sub(r"(?:君|さん)$", "", tokens[0])
    if len(tokens) == 2 and (not (given and is_name(given, 4)) or _is_title(tokens[0]) or tokens[0] in GROUP_WORDS):
        return None  # 総務課長兼 鈴木利一君: the post is whole already
    for cut in range(len(first) - 1, 1, -1):
        post, rest = first[:cut], first[cut:]
        if (
            (post in GROUP_WORDS and post not in GENERIC_GROUPS or _is_title(post))
            and not post.endswith(HONORIFICS)
            and is_name(rest, 3 if given else 6)
            and not _is_title(rest)
            and (given or len(rest) >= 3)
        ):
            return f"{post} {rest}{' ' + given if given else ''}{tokens[-1][-1] if tokens[-1].endswith('君') else ''}"
    return None


def _close_spaced_name(text: str) -> str:
    """A name spaced one character apart (安 部 一 郎 君, 上 田 正): closed up, after an
    optional title (町長 岡 田 進 君)."""
    tokens = tidy(text).split(" ")
    if tokens and tokens[-1] in HONORIFICS:
        tokens, honorific = tokens[:-1], tokens[-1]
    else:
        honorific = ""
    head: list[str] = []
    if (
        len(tokens) >= 3
        and len(tokens[0]) >= 2
        and (
            squash(tokens[0]) in ROLE_WORDS
            or squash(tokens[0]) in GROUP_WORDS
            or _is_title(tokens[0])
            and all(len(t) <= 3 for t in tokens[1:])
            and len("".join(tokens[1:])) <= 6
        )
    ):
        head, tokens = tokens[:1], tokens[1:]
    if (
        len(tokens) >= 3
        and all(len(t) == 1 for t in tokens[:-1])
        and 2 <= len(tokens[-1]) <= 3
        and all(is_name(t, 3) for t in tokens)
    ):
        return " ".join([*head, "".join(tokens[:-1]) + " " + tokens[-1]]) + honorific  # 境 田 ケイ子
    if (
        len(tokens) >= 3
        and 2 <= len(tokens[0]) <= 3
        and all(len(t) == 1 for t in tokens[1:])
        and all(is_name(t, 3) for t in tokens)
    ):
        return " ".join([*head, tokens[0] + " " + "".join(tokens[1:])]) + honorific  # 佐久間 健 一
    if len(tokens) >= 2 and all(len(t) == 1 for t in tokens) and all(is_name(t, 1) for t in tokens):
        joined = "".join(tokens)
        if not head and (split := _post_then_name(joined)) is not None:
            head, joined = [split[0]], split[1]  # 事 務 局 長 古 田 敏 幸: a spaced post, then the name
        return " ".join([*head, joined]) + (honorific and f"{honorific}")
    return text


def _post_then_name(joined: str) -> tuple[str, str] | None:
    """A post and a name printed one character apart and closed up (事務局長古田敏幸,
    総務課長兼鈴木利一): the longest post the text starts with, when a name follows it."""
    for cut in range(len(joined) - 2, 1, -1):
        post, name = joined[:cut], joined[cut:]
        if (
            (post.endswith(ROLE_WORDS) or post.endswith("兼") and post[:-1].endswith(ROLE_WORDS))
            and post not in HONORIFICS
            and is_name(name, 5)
            and not name.endswith(ROLE_WORDS)
        ):
            return post, name
    return None


_SPACED_GROUPS = [
    (w, re.compile(r"^" + r"\s*".join(map(re.escape, w)) + r"(?:\s+|$)"))
    for w in sorted({*GROUP_WORDS, *(r for r in ROLE_WORDS if len(r) >= 3)}, key=len, reverse=True)
    if len(w) >= 2 and w not in HONORIFICS
]


def _spaced_group_prefix(text: str) -> tuple[str, str] | None:
    """A group word printed with spaces between its characters (座　　長, 事 務 局) at the
    start of a line, and the rest."""
    folded = fold_aligned(text)
    for word, regex in _SPACED_GROUPS:
        if (match := regex.match(folded)) and " " in match.group(0).strip():
            return word, text[len(text) - len(folded[match.end() :]) :].strip() if match.end() < len(folded) else ""
    return None


def _spaced_name(text: str) -> bool:
    """A name printed family, space, given (山田 太郎) and nothing else."""
    tokens = tidy(text).split(" ")
    return len(tokens) == 2 and all(is_name(t, 4) and not _is_title(t) and t not in GROUP_WORDS for t in tokens)


def _space_separated_names(tokens: list[str]) -> bool:
    """Full names separated by spaces only (山田太郎　佐藤花子　鈴木一郎): each token long
    enough to hold a family and a given name, none a post or a group word."""
    tokens = [re.sub(rf"^[{_MARKS}]", "", t) for t in tokens]  # ◎山川昌子 ○肥沼茂男: legend marks
    if tokens:
        tokens[-1] = _EVERY.sub("", tokens[-1]) or tokens[-1]  # 清沢謙治各委員: the group of them all
    if len(tokens) < 2 or not all(is_name(t, 6) and not _is_title(t) and t not in GROUP_WORDS for t in tokens):
        return False
    lengths = [len(t) for t in tokens]
    return all(n >= 4 for n in lengths) or (len(tokens) >= 3 and all(n >= 3 for n in lengths))


def _group_name_tokens(tokens: list[str]) -> list[str] | None:
    """Names on one line separated by spaces, some printed with a space inside them (森 修美
    岩前良幸): short pieces joined to their neighbour so that each name has 3 to 5 characters.
    None when a piece is not a name or the grouping does not come out whole."""
    if len(tokens) < 2 or not all(is_name(t, 5) and not _is_title(t) and t not in GROUP_WORDS for t in tokens):
        return None
    if len(tokens) % 2 == 0 and all(len(t) <= 3 for t in tokens):
        # 相澤 好治 浅野 直人 / 大久保 規子 崎田 裕子: family and given names, two by two.
        return [f"{tokens[k]} {tokens[k + 1]}" for k in range(0, len(tokens), 2)]
    groups: list[list[str]] = []
    for token in tokens:
        current = "".join(groups[-1]) if groups else ""
        if groups and (len(current) <= 2 or len(token) == 1) and len(current + token) <= 5 and len(groups[-1]) < 2:
            groups[-1].append(token)
        else:
            groups.append([token])
    joined = [" ".join(g) for g in groups]
    if not all(3 <= len(squash(g)) <= 5 for g in joined):
        return None
    return joined


def _looks_like_name(tokens: list[str]) -> int:
    """How many leading tokens form a personal name (0 when they do not look like one)."""
    if (
        len(tokens) >= 2
        and all(_CJK.match(t) for t in tokens[:2])
        and len(tokens[0]) <= 4
        and len(tokens[1]) <= 4
        and not any(w in tokens[0] for w in ORG_WORDS)
    ):
        return 2
    if tokens and _CJK.match(tokens[0]) and 2 <= len(tokens[0]) <= 6 and not any(w in tokens[0] for w in ORG_WORDS):
        return 1
    return 0


def _is_continuation(tokens: list[str]) -> bool:
    """A line that carries on the previous attendee: only a title (准教授), or an
    organisation with no name in it."""
    joined = squash("".join(tokens))
    if len(tokens) <= 2 and joined.endswith(TITLE_WORDS) and len(joined) <= 12:
        return True
    return len(tokens) == 1 and any(w in joined for w in ORG_WORDS)


def _split_name(tokens: list[str], names: NameIndex) -> tuple[str | None, list[str], bool]:
    for count in range(min(3, len(tokens)), 0, -1):
        if names.find(" ".join(tokens[:count])):
            return " ".join(tokens[:count]), tokens[count:], False
        if names.find(" ".join(tokens[-count:])) and count < len(tokens):
            return " ".join(tokens[-count:]), tokens[:-count], True
    leading = _looks_like_name(tokens)
    if leading and not (len(tokens) > leading and _looks_like_name(tokens[-2:]) and any(w in tokens[0] for w in ORG_WORDS)):
        return " ".join(tokens[:leading]), tokens[leading:], False
    trailing = _looks_like_name(tokens[-2:]) if len(tokens) >= 3 else 0
    if trailing and any(w in " ".join(tokens[:-trailing]) for w in ORG_WORDS):
        return " ".join(tokens[-trailing:]), tokens[:-trailing], True
    return None, tokens, False
