"""The header of published minutes: which line is which field (日時, 場所, 出席者, 議題,
資料…), the meeting's date, times and venue, its title, and the page text around it.

Longer than our other modules, on purpose: which line is which header field is decided
by comparing every candidate (labels, numbering, tables flattened in three ways, posting
dates that are not the meeting's), and those comparisons belong together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .draft import Draft
from .eras import YearFound, date_in_year, find_date, find_year, for_matching, kanji_number
from .layout import Line
from .profile import EMPTY, ImportProfile
from .roles import GENERIC_GROUPS, GROUP_WORDS, HONORIFICS, is_name, role_label, split_person
from .textutil import fold, fold_aligned, squash, tidy
from .times import parse_times, time_event

# Printed header labels by the field they introduce. Matching ignores spaces inside
# a label (日 時, 出 席 者) and takes the longest label first.
HEADER_LABELS: dict[str, tuple[str, ...]] = {
    "datevenue": ("開催日時及び場所", "日時及び場所", "日時・場所", "日時・会場", "日時及び会場"),
    "date": (
        "開催日時",
        "開催年月日",
        "招集日時",
        "招集年月日",
        "招集日",
        "開催日",
        "会議日時",
        "開会日時",
        "開会年月日",
        "開催の日時",
        "日時",
        "日付",
        "開催期日",
        "期日",
        "年月日",
        "開催時期",
    ),
    "time": ("開催時間", "会議時間", "時間"),
    "opened": ("開会時間", "開会時刻", "開議時間", "開議時刻", "開始時間", "開始時刻"),
    "closed": ("閉会時間", "閉会時刻", "散会時間", "散会時刻", "終了時間", "終了時刻", "閉議時間"),
    "venue": ("開催場所", "開催会場", "招集場所", "会議場所", "開会場所", "開催の場所", "会議の場所", "場所", "会場", "開催地"),
    "agenda": (
        "議事次第",
        "会議次第",
        "議題",
        "次第",
        "付議事件",
        "審査事件",
        "本日審査した案件",
        "審査案件",
        "審議案件",
        "本日の会議に付した案件",
        "本日の会議に付した事件",
        "会議に付した事件",
        "会議に付した案件",
        "審議事項",
        "審査事項",
        "付議事項",
        "議決事項",
        "審議案件等",
        "協議・報告事項",
        "案件",
        "議案",
        "議事日程",
        "協議事項",
        "会議事項",
        "付議案件",
        "協議案件",
        "調査事件",
        "審査・調査事件",
    ),
    "materials": ("配布資料", "配付資料", "資料一覧", "会議資料", "参考資料", "資料"),
    "proceedings": (
        "議事要旨",
        "議事概要",
        "議事の概要",
        "議事内容",
        "議事の内容",
        "議事経過",
        "議事の経過",
        "発言要旨",
        "議事録",
        "会議録",
        "概要",
        "会議概要",
        "会議の概要",
        "会議の結果",
        "会議結果",
        "審議経過",
        "審議の内容",
        "審議内容",
        "審議概要",
        "審議の概要",
        "要旨",
        "会議の経過",
        "会議経過",
        "議事要録",
        "発言内容",
        "会議内容",
        "会議の内容",
        "内容",
        "議事の要旨",
        "審議結果",
    ),
    "agenda_or_proceedings": ("議事",),
    "title": ("会議名", "会議の名称", "審議会等名称", "審議会等の名称", "附属機関等の名称", "名称"),
    "ignore": (
        "会議の公開・非公開",
        "公開・非公開",
        "会議の公開",
        "公開の可否",
        "傍聴の可否",
        "傍聴者数",
        "傍聴者人数",
        "傍聴人数",
        "傍聴者",
        "傍聴",
        "会議録の作成方法",
        "問い合わせ先",
        "問合せ先",
        "お問い合わせ",
        "電話番号",
        "ファックス番号",
        "次回開催予定日",
        "次回開催予定",
        "所管課",
        "担当課",
        "様式",
        "会議の形式",
        "委員の異動",
        "公開",
        "非公開の理由",
        "記録者",
        "作成者",
        "会議録署名委員",
        "会議録署名議員",
        "会議録署名",
        "署名議員",
        "署名委員",
    ),
}
DATE_LABEL_WORDS = HEADER_LABELS["date"] + HEADER_LABELS["datevenue"] + HEADER_LABELS["time"] + HEADER_LABELS["venue"]
NUMBERING = (
    r"(?:\d+\s*[.．、)）]|\d+\s+|[(（]\s*\d+\s*[)）]|[①-⑳]|[一二三四五六七八九十]+\s*[、.．]|"
    r"[一二三四五六七八九十]+\s+|第\s*\d+\s*|[・•◦■□◆◇●〇○◯]\s*|\[\d+\]\s*)?\s*"
)
_OPEN, _CLOSE = "【〔\\[(（<＜≪《〈", "】〕\\])）>＞≫》〉"
MINUTES_WORDS = (
    "議事録",
    "議事要旨",
    "議事概要",
    "会議録",
    "会議記録",
    "委員会記録",
    "速記録",
    "審議結果",
    "要点記録",
    "議事要録",
    "会議概要",
)
_POSTING = re.compile(r"更新日|掲載|公開日|作成日|登録日|印刷|最終更新|公表日|発行日|ID[:：]")
_ATTENDANCE = re.compile(
    r"^(?P<pre>[^\s、,:：()（）【】]{0,30}?)(?P<which>出\s*欠|出\s*席|欠\s*席|参\s*加|委\s*任\s*状|列\s*席|不?\s*応\s*[招召])"
    r"(?P<verb>した|する|しなかった)?(?P<post>者|委員|議員|職員|理事|構成員|者等|理事者|政府委員|国務大臣|政府特別補佐人|政府参考人|参考人|"
    r"副大臣|大臣政務官|説明員)?(?:の?(?:職・?|役職・?)?氏名|名簿|等|状況)?$"
)


def _label_pattern(words: tuple[str, ...]) -> str:
    return "|".join(r"\s*".join(map(re.escape, w)) for w in sorted(words, key=len, reverse=True))


# 【日時】令和2年7月9日: a label in lenticular brackets may have its value right after it.
_HEADER_RE = {
    kind: re.compile(
        rf"^{NUMBERING}[{_OPEN}]?\s*(?:{_label_pattern(words)})\s*[{_CLOSE}]?"
        rf"(?:\s*[(（](?:第\s*\d+\s*号|案|\d+)[)）])?\s*(?:[:：]\s*|\s+|$|(?<=[】〕\]]))(?P<value>.*)$"
    )
    for kind, words in HEADER_LABELS.items()
}
ALL_LABEL_WORDS: tuple[str, ...] = tuple(w for k, ws in HEADER_LABELS.items() if k != "ignore" for w in ws) + (
    "出席者",
    "出席委員",
    "出席議員",
    "欠席者",
    "議事次第",
)


@dataclass(frozen=True, slots=True)
class Heading:
    """An attendance heading (出席委員, 欠席者, 委任状, 議会事務局出席者): its group and
    whether the people under it were absent."""

    no: int
    group: str | None
    absent: bool
    generic: bool
    bracketed: bool = False
    """Printed in brackets ([欠席]): a mark inside a list rather than a section of the record."""


@dataclass(slots=True)
class Regions:
    """The lines of each part of the record, in order."""

    attendees: list[Line | Heading] = field(default_factory=list)
    agenda: list[Line] = field(default_factory=list)
    materials: list[Line] = field(default_factory=list)
    proceedings: list[Line] = field(default_factory=list)
    preamble: list[Line] = field(default_factory=list)
    counts: list[tuple[int, str]] = field(default_factory=list)
    """Attendance given only as a number (委員25名): kept as printed, never as people."""


def header_kind(text: str) -> tuple[str, str] | None:
    """('date', value) etc. when the line is a header label, with the value after it."""
    folded = fold_aligned(text)
    for kind, regex in _HEADER_RE.items():
        if match := regex.match(folded):
            value = match.group("value").strip()
            # Keep the value as published: cut it from the original line by length.
            return kind, text[len(text) - len(value) :].strip() if value else ""
    return None


_STAFF_HEADING = re.compile(
    r"(?:地方自治法第\d+条(?:第\d+項)?の規定により|\S{0,16}?の委[任嘱]を受け(?:た(?:もの|者)で|て)|本会議に|会議に|委員会に)?"
    r"(?:説明のため)?(?:出席を求めた者|出席した(?:者|説明員|職員|事務局職員)|説明員)(?:の?(?:職・?|役職・?)?氏名)?"
    r"|(?:会議の)?書記|(?:職務のため)?出席した(?:議会)?事務局職員|(?:出席)?事務局(?:出席)?職員(?:氏名)?|事務局員"
    r"|出席(?:並びに|及び|・)欠席(?:委員|議員|者)(?:の詳細)?"
)
"""Headings of the lists of officials and staff, whatever the law or the delegation they cite."""


def _staff_label(label: str) -> str:
    """The group a staff heading names, without 職氏名 or 詳細 (説明のため出席した者の職氏名)."""
    return re.sub(r"の詳細$|(?<=[者員])の?(?:職・?|役職・?)?氏名$", "", label) or label


def attendance_heading(text: str) -> tuple[str | None, bool, bool, str] | None:
    """(group, absent, generic, value) when the line is an attendance heading such as
    出席委員, 4.出席者:, 議会事務局出席者, 欠席者, 委任状, 出席職員の職・氏名."""
    # 出席議員（１２名）, 出席者（敬称略）: the bracket is a count or a note, not part of the label.
    text = re.sub(
        r"\s*[(（]\s*(?:[\d０-９一二三四五六七八九十]+\s*[名人]|なし|無し|敬称略|五十音順|50音順|５０音順|順不同|敬称省略)"
        r"[^)）]{0,12}[)）]",
        "",
        text,
    )
    text = re.sub(r"(?<=[員者])\s*[\d０-９]+\s*名\s*$", "", text)  # 出席議員15名: a count after the heading
    folded = re.sub(r"^\s*◎\s*(?=\S)", "", fold_aligned(text))  # ◎出席委員: a heading's mark
    if re.fullmatch(r"\s*\S+(?:\s+\S+){1,3}\s+(?:出\s*席|欠\s*席|出欠)\s*", folded) and not re.search(r"[:：]", folded):
        return None  # 委員長 守屋亘弘 出席, 役職 氏名 出欠: a row of the roll's table, not a heading
    bare = squash(re.sub(rf"^{NUMBERING}", "", folded)).strip("【】〔〕[]()（）<>＜＞≪≫《》〈〉:：")
    if _STAFF_HEADING.fullmatch(bare):
        # 地方自治法第121条の規定により出席を求めた者, 本会議に出席した説明員, 会議の書記: the
        # officials' and the secretariat's lists, named by what brought them.
        return _staff_label(bare), False, False, ""
    if staff := re.match(
        rf"^{NUMBERING}[{_OPEN}]?\s*(?P<label>{_STAFF_HEADING.pattern})\s*[{_CLOSE}]?\s*(?:[:：]\s*|\s+)(?P<value>\S.*)$", folded
    ):
        value = staff.group("value").strip()  # 1.事務局員 榎本雅朝局長心得 南部和彦次長…
        return _staff_label(staff.group("label")), False, False, text[len(text) - len(value) :].strip()
    if _ATTENDANCE.match(bare) and bare not in GROUP_WORDS:
        folded = bare  # 出 席 議 員: a heading spaced one character apart, with no value
    match = re.match(
        rf"^{NUMBERING}[{_OPEN}]?\s*(?P<label>[^{_CLOSE}:：]{{1,24}}?)\s*[{_CLOSE}]?\s*(?:[:：]\s*|\s{{2,}}|\s(?=\S)|$|(?<=[】〕\]]))"
        r"(?P<value>.*)$",
        folded,
    )
    if not match:
        return None
    label = squash(match.group("label"))
    if (named := re.sub(r"の?(?:職・?|役職・?)?氏名$", "", label)) in GROUP_WORDS:
        label = named  # 説明のため出席した者の職氏名: the group the heading names
    if label in GROUP_WORDS and label not in GENERIC_GROUPS:
        if re.search(r"出席|参加|従事", label):
            # 政府側参加者, 説明のため出席した者: a heading that names its group.
            value = match.group("value").strip()
            return label, False, False, (text[len(text) - len(value) :].strip() if value else "")
        return None
    found = _ATTENDANCE.match(label)
    if (
        not found
        or len(label) > 16
        and not (len(label) <= 34 and re.search(r"(?:会議?|協議会|委員会|審議会|議会|部会)$", found.group("pre") or ""))
    ):
        return None
    which = squash(found.group("which"))
    pre, post = found.group("pre") or "", found.group("post") or ""
    if len(pre) > 12 or re.fullmatch(
        r"その他の?|ほかの?|他の|本日の|当日の|委員外の|会員外の|議員外の"
        r"|(?:開会日|招集日|会期初日|初日|本日|当日)に",
        pre,
    ):
        pre = ""  # 田沢湖・角館・西木合併協議会出席者, その他の出席者, 開会日に応招した議員: no group of their own
    group_word = pre + (post if post not in ("者", "者等") else "")
    if which == "委任状":
        group_word = pre
    # 応招議員・不応招議員 (the Local Autonomy Act's words for members who answered the
    # convocation or did not), also printed 応招しなかった議員 and, misspelt, 応召.
    absent = which in ("欠席", "委任状", "不応招", "不応召") or found.group("verb") == "しなかった"
    generic = not group_word
    value = match.group("value").strip()
    return (group_word or None), absent, generic, (text[len(text) - len(value) :].strip() if value else "")


def split_regions(lines: list[Line], draft: Draft, profile: ImportProfile = EMPTY) -> Regions:
    """Assign every line to a part of the record; read date, times, venue and title on the way."""
    regions = Regions()
    reader = _HeaderReader(draft, regions, profile)
    following = [""] * len(lines)
    upcoming = ""
    for index in range(len(lines) - 1, -1, -1):  # each line's next non-empty line, in one pass
        following[index] = upcoming
        upcoming = lines[index].text or upcoming
    for index, line in enumerate(lines):
        reader.following = following[index]
        reader.line(line)
    reader.finish()
    return regions


_NAMED_TURN = re.compile(r"^[○◯◎]\s*[^\s(（)）]{1,20}(?:[(（][^)）\s]{1,12}(?:君|さん|議員|委員)[)）]|君[)）])\s+\S")
"""○議長(田中一郎君) …: a turn whatever follows the label (an excerpt may stop short of a sentence)."""
_SPEECH_START = re.compile(
    r"^(?:[○◯〇●◎◆◇]\s*\S+.*[。、]|[○◯◎]\s*[^\s(（)）]{1,20}(?:[(（][^)）\s]{1,12}(?:君|さん|議員|委員)[)）]|君[)）])\s|【[^】]{1,30}】\s*\S.{5,}|[QＱAＡ]\s+\S{1,20}$|[QＡAＱ]\s*[:：])"
)


_ITEM_LINE = re.compile(r"^(?:[(（]\s*\d+\s*[)）]|\d+\s*[.．、]|[①-⑳]|\[\d+\])")


_MOMENT = re.compile(r"^[<＜【(（〈≪《]?\s*(開\s*会|開\s*議|開\s*始|閉\s*会|散\s*会|終\s*了)\s*[>＞】)）〉≫》]?$")


def _label_or_moment(text: str) -> bool:
    """A line that is only a bracketed label, a date or a time (no record content)."""
    folded = for_matching(text).strip()
    if re.fullmatch(r"[<＜【(（〈≪《][^>＞】)）〉≫》]{1,12}[>＞】)）〉≫》]", folded):
        return True
    found = find_date(folded)
    rest = folded[: found.start] + folded[found.end :] if found else folded
    return bool(
        re.fullmatch(
            r"[\s()（）月火水木金土日曜]*(?:(?:午前|午後)?\s*\d{1,2}\s*(?:[:：]\s*\d{2}|時\s*(?:\d{1,2}\s*分)?))?"
            r"[\s~〜～\-()（）]*(?:(?:午前|午後)?\s*\d{1,2}\s*(?:[:：]\s*\d{2}|時\s*(?:\d{1,2}\s*分)?))?\s*",
            rest,
        )
    ) and (found is not None or bool(re.search(r"\d", rest)))


_SENTENCE = re.compile(
    rf"^{NUMBERING}(?P<label>[^、。,，\s]{{2,40}}?)は、?\s*(?:(?P<count>\d+)\s*[名人]で?、?\s*)?(?:次|左|下記|以下)の?(?:とおり|通り)"
    r"(?:で(?:ある|す))?[。.]?\s*(?P<value>.*)$"
)


def role_tail(label: str) -> str:
    """The group word a long attendance label ends with: 本会議に出席従事した職員 -> 職員,
    地方自治法第121条第1項の規定による説明員 -> 説明員; '' when it ends with none."""
    flat = squash(label)
    for word in sorted((*GROUP_WORDS, "職員", "説明員", "議員", "委員", "出席者"), key=len, reverse=True):
        if flat.endswith(word) and word not in GENERIC_GROUPS:
            return word
    return ""


def sentence_label(text: str) -> tuple[str, str, str] | None:
    """(field, label, value) of a header label written as a sentence, as assembly records
    print them: `1、出席議員は次のとおりである。`, `5、本会議の付議事件は次のとおりである。`,
    `出席者は左のとおり。`, `1 出席議員は、13名で次のとおりである。`."""
    match = _SENTENCE.match(fold_aligned(text).strip())
    if not match:
        return None
    label = squash(match.group("label"))
    value = match.group("value").strip()
    value = text[len(text) - len(value) :].strip() if value else ""
    for kind, words in HEADER_LABELS.items():
        if kind in ("title", "ignore") or not any(label.endswith(w) for w in words):
            continue
        return ("agenda" if kind == "agenda_or_proceedings" else kind), label, value
    if re.search(r"出席|欠席|説明|職員|議員|委員|者$", label):
        return "attendees", label, value
    return None


class _HeaderReader:
    """Reads the header line by line, keeping which field the current line belongs to."""

    def __init__(self, draft: Draft, regions: Regions, profile: ImportProfile = EMPTY) -> None:
        self.draft = draft
        self.regions = regions
        self.profile = profile
        self.current: str | None = None
        self.labelled_date = False
        self.date_lines: list[Line] = []
        self.preamble: list[Line] = []
        self.seen_header = False
        self.year_hint: YearFound | None = None
        self.mixed_agenda = False
        self.following = ""
        self.scanned = 0
        self.marked = False
        self.content = 0
        self.sentence = False
        """The next non-empty line's text: a bare speaker label is known by the remark under it."""
        self.agenda_from_headings = False
        self.earlier_agenda: list[Line] = []
        self.section_number = 0
        """The number of the last numbered header label (1 開催年月日, 2 開催場所 …)."""

    def line(self, line: Line) -> None:
        """Place one line: in the proceedings, a header field, or the value of the field before."""
        if self.current == "proceedings" and self._in_proceedings(line):
            return
        text = line.text
        if not text:
            return
        self._year_hint(text)
        for rule in (
            self._speech,
            self._time_line,
            self._moment,
            self._moment_values,
            self._numbered_section,
            self._sentence_label,
            self._labelled,
        ):
            if rule(line):
                return
        self._value(line)

    def _in_proceedings(self, line: Line) -> bool:
        """A line after the proceedings began: theirs, unless the header resumes here."""
        if (event := time_event(line.text)) is not None:
            # 午後零時五分散会 at the end of the proceedings: the end time, and kept as narration.
            if event[0] == "end":
                self.draft.end = event[1]
            elif event[0] == "start" and self.draft.start is None:
                self.draft.start = event[1]
        if self._header_resumes(line.text):
            return False
        if self.mixed_agenda and _ITEM_LINE.match(fold(line.text)) and "。" not in line.text:
            self.regions.agenda.append(line)  # a further item among the outcomes
        self.regions.proceedings.append(line)
        return True

    def _speech(self, line: Line) -> bool:
        """A speaker's turn (or a label of the body's profile): the proceedings begin."""
        if self._speech_starts(line.text) or (self.current != "attendees" and self.profile.speaker(line.text) is not None):
            self.current = "proceedings"
            self.regions.proceedings.append(line)
            return True
        return False

    def _moment(self, line: Line) -> bool:
        moment = _MOMENT.match(fold(line.text).strip())
        if moment and _label_or_moment(self.following):
            # <開会> / 令和7年3月7日 / 10時30分: a label over the date and time lines under it.
            self.current = "opened" if moment.group(1) in ("開会", "開議", "開始") else "closed"
            self.seen_header = True
            return True
        if moment and moment.group(1) in ("開会", "開議", "開始") and self.current in ("date", "datevenue", "time", "venue"):
            # 場所:東条インペリアル / 開会 / 会長 定刻になりましたので…: the proceedings begin.
            self.current = "proceedings"
            self.regions.proceedings.append(line)
            return True
        return False

    def _moment_values(self, line: Line) -> bool:
        """The date and time lines under <開会> or <閉会>."""
        text = line.text
        if self.current not in ("opened", "closed") or not _label_or_moment(text):
            return False
        found_date = find_date(text)
        if found_date is not None and found_date.date is not None and self.draft.date is None:
            self.draft.date = found_date.date
        start, _ = parse_times(text)
        if start:
            if self.current == "opened" and self.draft.start is None:
                self.draft.start = start
            elif self.current == "closed":
                self.draft.end = start
        return found_date is not None or bool(start)

    def _numbered_section(self, line: Line) -> bool:
        """3 理事総数 between 2 開催場所 and 4 出席者氏名: a header field of its own, not a value."""
        text = line.text
        numbered = re.match(r"^\s*(\d{1,2})\s*[.．、]?\s+(\S.{1,20})$", fold(text))
        if numbered is None:
            return False
        if (
            int(numbered.group(1)) == self.section_number + 1
            and self.section_number
            and header_kind(text) is None
            and attendance_heading(text) is None
            and not re.search(r"[。、]", text)
        ):
            self.section_number += 1
            self._field(line, "ignore", "")
            return True
        if header_kind(text) is not None or attendance_heading(text) is not None:
            self.section_number = int(numbered.group(1))
        return False

    def _sentence_label(self, line: Line) -> bool:
        """1、出席議員は次のとおりである。 / 出席者は左のとおり。: a label written as a sentence."""
        if (sentence := sentence_label(line.text)) is None:
            return False
        kind, label, value = sentence
        if kind == "attendees":
            absent = "欠席" in label
            self._attendance(line, (label if not absent else (role_tail(label) or None), absent, False, value))
            if not value:
                self.regions.attendees[-1] = Heading(line.no, role_tail(label) or None, absent, not role_tail(label))
        else:
            self._field(line, kind, value)
        return True

    def _labelled(self, line: Line) -> bool:
        """A header label (日時, 出席者, 議題 …) or an attendance heading, with any value after it."""
        text = line.text
        found = self.profile.header_kind(text) or (
            header_kind(text) if not (self.current == "materials" and re.match(r"^[・•]", text)) else None
        )
        if found is not None and found[0] == "attendees":
            self._attendance(line, (None, False, True, found[1]))
            return True
        attendance = attendance_heading(text) if found is None or found[0] in ("ignore",) else None
        own = re.match(r"^\s*[【(（\[]?([^】)）\]:：\s]{1,20})[】)）\]]?\s*[:：]?\s*(.*)$", text)
        if attendance is None and found is None and own and self.profile.roll_group(own.group(1)):
            attendance = (own.group(1), False, False, own.group(2))  # a roll label of this body's
        if attendance is not None and found is not None and found[0] == "ignore":
            found = None
        found = self._not_a_label(found)
        if found and self.current == "attendees" and found[0] in ("ignore",) and re.search(r"\d+\s*[名人]", found[1]):
            self.regions.counts.append((line.no, text))
            return True
        if attendance is not None:
            self._attendance(line, attendance)
            return True
        if found:
            self._field(line, *found)
            return True
        return False

    def _not_a_label(self, found: tuple[str, str] | None) -> tuple[str, str] | None:
        """None where a label word is part of a value here, else `found`."""
        if (
            found
            and self.current == "attendees"
            and found[0] in ("agenda_or_proceedings", "proceedings", "agenda")
            and re.match(r"(?:係長|課長|主幹|主査|主任|次長|局長|部長|室長|担当|調査員|書記)", squash(found[1]))
        ):
            return None  # 議 事 係 長 大久保 英 輝: a post in the staff list, not the 議事 label
        if found and found[0] == self.current and found[1] and self.current in ("materials", "agenda"):
            return None  # "資料 1-1 …" inside the materials list is an entry, not the label again
        return found

    def _year_hint(self, text: str) -> None:
        """The year printed before a date that gives only month and day: 令和5年 / 2023年, or
        令和5年度 (a fiscal year: its January to March fall in the next calendar year)."""
        if (found := find_year(text)) is not None and find_date(text) is None:
            self.year_hint = found

    def _month_day(self, text: str, line: Line) -> bool:
        """A date printed as month and day only (5月27日), with the year from the lines above."""
        folded = for_matching(text)
        month_day = re.search(r"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*日", folded)
        if month_day is None or self.year_hint is None:
            return False
        found = date_in_year(self.year_hint, int(month_day.group(1)), int(month_day.group(2)))
        if found.date is None:
            return False
        self.draft.date = found.date
        self.draft.note(
            line.no, f"the year of {month_day.group(0)} was taken from the text above ({found.date.year}): check the date"
        )
        return True

    def _proceedings_so_far(self) -> tuple[bool, int, bool]:
        """Whether the proceedings read so far hold a marked turn (○…), how many lines of
        content (not labels, dates or times) and whether a sentence: counted as lines are
        added, never by reading the whole part again at every line."""
        lines = self.regions.proceedings
        for line in lines[self.scanned :]:
            self.marked = self.marked or bool(re.match(r"^[○◯〇●◎【]", line.text))
            if line.text and not _label_or_moment(line.text):
                self.content += 1
                self.sentence = self.sentence or "。" in line.text
        self.scanned = len(lines)
        return self.marked, self.content, self.sentence

    def _header_resumes(self, text: str) -> bool:
        """A heading such as 議事録 that stood above the header fields rather than the
        proceedings: header fields follow it before any remark does."""
        found = header_kind(text)
        marked, content, sentence = self._proceedings_so_far()
        if _MOMENT.match(fold(text).strip()) and _label_or_moment(self.following) and not marked:
            return True  # <開会> / 令和7年3月7日 after an overview: the record's own header starts here
        if (
            not any(isinstance(x, Line) and x.text for x in self.regions.attendees)
            and (heading := attendance_heading(re.sub(r"\s*\d+\s*名.*$", "", text))) is not None
            and not heading[1]
            and re.search(r"(?:出席|欠席)(?:議員|委員|者)", text)
            and "。" not in text
        ):
            return True  # 出席議員15名 inside the opening's block: the record's only roll
        if found is not None and found[0] == "agenda" and not found[1] and not self.mixed_agenda and not marked:
            return True  # 3 議題 after numbered sections that were read as text: the agenda follows
        if sentence or content > 3:
            return False
        return attendance_heading(text) is not None or (
            found is not None and found[0] in ("date", "datevenue", "venue", "time", "agenda", "materials")
        )

    def _speech_starts(self, text: str) -> bool:
        if self.current in ("proceedings",):
            return False
        folded = fold(text)
        if re.match(r"^[○◯〇●◎■◆]", folded) and (header_kind(text) is not None or attendance_heading(text) is not None):
            return False  # ●出席者 山田委員長、佐藤委員: a marked header field, not a remark
        if self.current == "attendees" and re.match(r"^[・•]\s*\S.*。", folded):
            return True  # a summary bullet after the attendance list
        if re.match(r"^[○◯〇●◎]", folded) and self.current in ("attendees",) and len(folded) < 30 and "。" not in folded:
            return False  # ○大久保一郎 in an attendee list: a mark, not a speaker
        if bracket := re.match(r"^【([^】]+)】", folded):
            word = squash(bracket.group(1))
            if (
                word in GROUP_WORDS
                or word.endswith(("者", "委員", "事務局", "議員"))
                or self.current == "attendees"
                and "。" not in folded
                or header_kind(text) is not None
            ):
                return False  # 【出席者】, 【日時】令和2年7月9日: a header label in brackets, not a speaker
        if self.current in ("agenda", "materials", "attendees") and self._bare_label(folded):
            return True
        if self._labelled_turn(folded):
            return True
        return bool(_SPEECH_START.match(folded)) and (
            "。" in folded or len(folded) > 30 or folded[0] in "QA【" or bool(_NAMED_TURN.match(folded))
        )

    def _labelled_turn(self, folded: str) -> bool:
        """A turn in one of the label forms that carry no ○ mark, once the header has begun:
        `委員長(角田君):ただいまより…`, `事務局長:それでは…`, `議長(宮本忠明君)` alone over its
        text, `○藤本参事官` alone over its text, `会長 定刻になりましたので…`."""
        if colon := re.match(
            r"^([^\s:：、。()（）「」]{1,12}(?:[(（][^)）\s]{1,10}(?:君|さん|氏)?[)）])?)[:：]\s*(\S.*)$", folded
        ):
            label = squash(colon.group(1))
            return (
                (self.seen_header or "(" in label or "（" in label)
                and self.current != "attendees"
                and label not in GROUP_WORDS
                and _role_speaker(label)
                and bool(re.search(r"[\u3040-\u309f]{2}", colon.group(2)))
                and ("。" in colon.group(2) or len(colon.group(2)) > 15)
            )
        if not self.seen_header:
            return False
        flat = squash(folded)
        alone = re.fullmatch(r"[○◯◎]?([^\s、。:：()（）「」]{1,14}(?:[(（][^)）]{1,10}(?:君|さん|氏)?[)）])?)", flat)
        if (
            alone
            and _role_speaker(alone.group(1))
            and "。" in self.following
            and header_kind(self.following) is None
            and attendance_heading(self.following) is None
        ):
            return True
        spaced = re.match(r"^([^\s、。:：()（）「」]{1,10})[ \u3000]+(\S.*)$", folded)
        if spaced is None or self.current in ("attendees", None):
            return False
        return (
            _role_speaker(squash(spaced.group(1)))
            and "。" in spaced.group(2)
            and bool(re.search(r"[\u3040-\u309f]", spaced.group(2)))
        )

    def _bare_label(self, folded: str) -> bool:
        """A speaker label alone on its line (前田委員長) with a sentence under it."""
        flat = squash(folded)
        if len(flat) > 16 or re.search(r"[、。,.:：()（）「」]", flat) or "。" not in self.following:
            return False
        printed = split_person(flat)
        return (
            bool(printed.role)
            and printed.role not in HONORIFICS
            and is_name(printed.name, 4)
            and header_kind(self.following) is None
        )

    def _time_line(self, line: Line) -> bool:
        event = time_event(line.text)
        if event is None:
            return False
        kind, time = event
        found = find_date(line.text)
        if found is not None and self.draft.date is None:
            if found.date is not None:
                self.draft.date = found.date  # 令和3年3月10日（水曜日）午前10時開議
            else:
                self.draft.note(line.no, f"date not converted: {found.problem}", "write date: YYYY-MM-DD in the front matter")
        if kind == "start" and self.draft.start is None:
            self.draft.start = time
        elif kind == "end":
            self.draft.end = time
        elif kind == "break" and self.current == "proceedings":
            return False
        self.seen_header = True
        return True

    def _attendance(self, line: Line, found: tuple[str | None, bool, bool, str]) -> None:
        group, absent, generic, value = found
        if (
            self.current == "attendees"
            and generic
            and not absent
            and not value
            and any(isinstance(x, Line) for x in self.regions.attendees)
        ):
            # 出席者 again inside the list: here it labels the people after it.
            self.regions.attendees.append(Heading(line.no, squash(line.text).strip("【】:："), False, False))
            return
        self.current = "attendees"
        self.seen_header = True
        bracketed = bool(re.match(r"^\s*[\[［【〔<＜]", line.text))
        self.regions.attendees.append(Heading(line.no, group, absent, generic, bracketed))
        if value:
            self.regions.attendees.append(Line(line.no, value))

    def _field(self, line: Line, kind: str, value: str) -> None:
        if kind == "agenda_or_proceedings":
            kind = "agenda" if not self.regions.agenda else "proceedings"
        if kind == "proceedings" and not self.seen_header:
            self.preamble.append(line)  # 「…議事録」 as a title line
            return
        self.seen_header = True
        if kind == "agenda":
            self._agenda_label(line, value)
        self.current = kind
        if kind in ("opened", "closed"):
            self._clock_field(kind, value)
        elif kind in ("date", "datevenue", "time"):
            self._date_field(value, line, with_venue=kind == "datevenue")
        elif kind == "venue":
            if value:
                self.draft.venue = self.draft.venue or _venue(value)
        elif kind == "title":
            if value and not self.draft.title:
                self.draft.title = tidy(value)
        elif kind == "ignore":
            self.draft.note(line.no, f"header field not kept: {line.text[:60]}")
        elif value and kind in ("agenda", "materials", "proceedings"):
            getattr(self.regions, kind).append(Line(line.no, value))

    def _agenda_label(self, line: Line, value: str) -> None:
        if (
            self.current == "agenda"
            and not value
            and self.regions.agenda
            and re.sub(rf"^{NUMBERING}", "", squash(fold(line.text))).lstrip("【〔[(（<＜").startswith("議題")
        ):
            # 議題 inside 議事次第: its sub-list is the agenda; the other 次第 entries are not items.
            for dropped in self.regions.agenda:
                self.draft.note(dropped.no, f"議事次第 entry outside the 議題 list, not an agenda item: {dropped.text[:40]}")
            self.regions.agenda.clear()
        elif self.regions.agenda:
            # A second agenda list (議事日程 at the top, 本日審査した案件 below): the later one is
            # read, unless it only refers back to the first (議事日程のとおり; settled in finish()).
            self.earlier_agenda = list(self.regions.agenda)
            self.regions.agenda.clear()

    def _clock_field(self, kind: str, value: str) -> None:
        """開会時間 / 午前10時00分, 閉会時間:午前11時52分: the value beside or under the label."""
        if value and (start := parse_times(value)[0]):
            if kind == "opened" and self.draft.start is None:
                self.draft.start = start
            elif kind == "closed":
                self.draft.end = start

    def _value(self, line: Line) -> None:
        """A line with no label of its own: the value of the field above it (or page text
        before the header, or the proceedings when it cannot be a value there)."""
        current = self.current
        if current in ("opened", "closed"):
            self._begin_proceedings(line)  # after <閉会> and its time, the record goes on
        elif current is None:
            self.preamble.append(line)
        elif current in ("date", "datevenue", "time"):
            self._date_value(line, current)
        elif current == "venue":
            self._venue_value(line)
        elif current in ("title", "ignore"):
            if current == "title" and not self.draft.title:
                self.draft.title = tidy(line.text)
            else:
                self.draft.note(line.no, f"header field value not kept: {line.text[:60]}")
        elif current == "attendees":
            self._attendance_value(line)
        elif current in ("agenda", "materials"):
            self._list_value(line, current)

    def _begin_proceedings(self, line: Line) -> None:
        self.current = "proceedings"
        self.regions.proceedings.append(line)

    def _date_value(self, line: Line, current: str) -> None:
        text = line.text
        if not self.labelled_date:
            self._date_field(text, line, with_venue=current == "datevenue")
        elif current == "datevenue" and not self.draft.venue:
            self.draft.venue = tidy(text)
        elif (self.draft.start is None) and parse_times(text)[0]:
            self.draft.start, self.draft.end = parse_times(text)
        else:
            self.draft.note(line.no, f"extra line in the {current} field, not placed: {text[:40]}")

    def _venue_value(self, line: Line) -> None:
        text = line.text
        if not self.draft.venue:
            self.draft.venue = _venue(text)
        elif self.draft.start is None and re.fullmatch(r"[\d:：~〜～\-\s時分]+", fold(text)):
            self.draft.start, self.draft.end = parse_times(text)
        elif (
            len(squash(text)) <= 24
            and not re.search(r"[。、,]|\d+\s*[名人]|数|^[○◯◎●【]", text)
            and not _MOMENT.match(fold(text).strip())
            and len(squash(self.draft.venue)) <= 40
        ):
            self.draft.venue = tidy(f"{self.draft.venue} {text}")  # かしのき苑 1階: the venue goes on
        else:
            self.draft.note(line.no, f"extra line in the venue field, not placed: {text[:40]}")

    def _attendance_value(self, line: Line) -> None:
        text = line.text
        if _membership_change(text):
            # 十二月一日 / 委員春日一幸君辞任につき、その補欠として…: changes of the committee's
            # membership between the roll and the agenda, not people who attended.
            self.current = "ignore"
            self.draft.note(line.no, f"header field not kept: {text[:60]}")
            return
        if re.fullmatch(r"[(（〔]?\s*(?:出席)?\s*\d+\s*/\s*\d+\s*名?\s*[)）〕]?", fold(text)) or (
            not re.search(r"[、,]", text) and re.fullmatch(r".{0,12}?\d+\s*[名人]\s*(?:[(（].*[)）])?", fold(text))
        ):
            self.regions.counts.append((line.no, text))
        elif self.draft.start is None and re.fullmatch(r"[\d:：~〜～\-\s]+", fold(text)) and parse_times(text)[0]:
            self.draft.start, self.draft.end = parse_times(text)  # a time cell left over from a table
        elif re.match(r"^[≪《〈]", text) or (
            re.match(r"^【[^】]+】$", text)
            and squash(text).strip("【】") not in GROUP_WORDS
            and not squash(text).strip("【】").endswith(("委員", "事務局", "者"))
        ):
            self._begin_proceedings(line)
        elif re.match(r"^\d{1,2}\s+\S", fold(text)) and not re.search(r"[、,]", text) or "。" in text:
            self._begin_proceedings(line)  # a numbered section or a sentence: the list has ended
        else:
            self.regions.attendees.append(line)

    def _list_value(self, line: Line, current: str) -> None:
        text = line.text
        if re.match(r"^[≪《〈【]", text) and not re.match(r"^【(?:非公表|非公開)】", text):
            self._begin_proceedings(line)
        elif current == "agenda" and ("。" in text and len(text) > 25 or text.rstrip().endswith("。")):
            self._sentence_in_agenda(line)
        else:
            getattr(self.regions, current).append(line)

    def _sentence_in_agenda(self, line: Line) -> None:
        items = [x for x in self.regions.agenda if squash(re.sub(rf"^{NUMBERING}", "", fold(x.text))) not in ("開会", "閉会", "")]
        if not items:
            # 議事 whose entries are sentences: it was the proceedings, not an agenda; its
            # numbered headings are then the agenda.
            self.agenda_from_headings = True
            self.regions.proceedings.extend(self.regions.agenda)
            self.regions.agenda.clear()
            self._begin_proceedings(line)
            return
        # Agenda items with their outcomes under them: the items stay the agenda, and
        # everything from the first item on is also the proceedings.
        first = self.regions.agenda.index(items[0])
        self.regions.proceedings.extend(self.regions.agenda[first:])
        self._begin_proceedings(line)
        self.mixed_agenda = True

    def _date_field(self, value: str, line: Line, with_venue: bool) -> None:
        if not value:
            return
        found = find_date(value)
        if found is None and not self.labelled_date and self._month_day(value, line):
            self.labelled_date = True
            start, end = parse_times(re.sub(r"\d{1,2}\s*月\s*\d{1,2}\s*日", " ", for_matching(value)))
            if start:
                self.draft.start, self.draft.end = start, end
            return
        if found is None:
            start, end = parse_times(value)
            if start and self.draft.start is None:
                self.draft.start, self.draft.end = start, end
            elif value:
                self.draft.note(line.no, f"cannot read the date in {value!r}", "write date: YYYY-MM-DD in the front matter")
            return
        if found.date is None:
            self.draft.note(line.no, f"date not converted: {found.problem}", "write date: YYYY-MM-DD in the front matter")
            self.labelled_date = True
            return
        if self.labelled_date and self.draft.date is not None:
            return
        self.draft.date = found.date
        self.labelled_date = True
        start, end = parse_times(value)
        if start:
            self.draft.start, self.draft.end = start, end or self.draft.end
        if with_venue:
            rest = re.split(r"[）)]\s*|[～〜~]\s*\d+[:：時]\d*分?(?:まで)?\s*", fold_aligned(value))[-1]
            if rest and not find_date(rest) and not re.fullmatch(r"[\d\s:：時分~〜～\-から午前後]*", fold(rest)):
                self.draft.venue = tidy(value[len(value) - len(rest) :])

    def finish(self) -> None:
        """Settle what only the whole header tells: the title, an unlabelled date, the boilerplate."""
        used: set[int] = set()
        self._title(used)
        if self.earlier_agenda:
            later = [x for x in self.regions.agenda if x.text]
            if later and all(re.search(r"(?:日程|次第|同上|のとおり|に同じ)", x.text) and len(x.text) <= 20 for x in later):
                for x in later:
                    self.draft.note(x.no, f"agenda given by reference to the list above: {x.text}")
                self.regions.agenda = self.earlier_agenda
            else:
                for dropped in self.earlier_agenda:
                    self.draft.note(dropped.no, f"line under an earlier agenda label, not an agenda item: {dropped.text[:40]}")
        if self.draft.date is None:
            self._unlabelled_date(used)
        if not self.draft.venue and not self.labelled_date:
            self._unlabelled_venue(used)
        if self.agenda_from_headings and not self.regions.agenda:
            self.regions.agenda = [
                x for x in self.regions.proceedings if _ITEM_LINE.match(fold(x.text)) and "。" not in x.text and len(x.text) <= 60
            ]
        for line in self.preamble:
            if id(line) not in used:
                self.draft.note(line.no, f"page text before the record, skipped: {line.text[:50]}")
        self.regions.preamble = self.preamble

    def _title(self, used: set[int]) -> None:
        if self.draft.title:
            return
        candidates = [
            line
            for line in self.preamble
            if len(line.text) <= 80
            and not _POSTING.search(line.text)
            and not re.search(r"(?:会議録|議事録)(?:情報|検索|システム)|議事ロックス", line.text)
        ]
        ending = re.compile(rf"(?:{'|'.join(MINUTES_WORDS)})(?:[(（]?第?[\d一二三四五六七八九十]+[号回日][)）]?)?$")
        # 議会運営委員会会議録 rather than a mirror's name (議事ロックス -地方議会議事録検索-).
        best = next((line for line in candidates if ending.search(squash(fold(line.text)))), None)
        best = best or next((line for line in candidates if any(w in squash(line.text) for w in MINUTES_WORDS)), None)
        best = best or next(
            (line for line in candidates if re.search(r"第\s*[\d一二三四五六七八九十百]+\s*[回日号]", line.text)), None
        )
        best = best or (candidates[0] if candidates else None)
        if best is None:
            return
        used.add(id(best))
        title = best.text
        for word, record in (
            ("議事要旨", "summary"),
            ("議事概要", "summary"),
            ("会議概要", "summary"),
            ("議事録", "verbatim"),
            ("会議録", "verbatim"),
            ("速記録", "verbatim"),
            ("委員会記録", "verbatim"),
            ("会議記録", "verbatim"),
        ):
            if word in title:
                self.draft.record = record
                title = title.replace(word, "委員会 " if word == "委員会記録" else " ")  # 議会運営委員会記録: the committee stays
        # 2019-01-25 第197回国会 … 公式Web版: a viewer's date before the title and its label after it.
        title = re.sub(r"\s*公式Web版\s*$", "", re.sub(r"^\d{4}[/-]\d{1,2}[/-]\d{1,2}\s*", "", title))
        self.draft.title = tidy(title.strip("「」 　"))
        position = self.preamble.index(best)
        if not self.draft.title or re.fullmatch(r"[(（]?第\s*[\d一二三四五六七八九十]+\s*号[)）]?", squash(self.draft.title)):
            if position > 0 and id(self.preamble[position - 1]) not in used and len(self.preamble[position - 1].text) <= 60:
                # 平成27年第1回倶知安町議会定例会 / 会議録(第6号): the meeting's name is the line above.
                used.add(id(self.preamble[position - 1]))
                self.draft.title = tidy(f"{self.preamble[position - 1].text} {self.draft.title}")
        if not self.draft.title and position > 0:
            # 議事要旨 on a line of its own under the meeting's name.
            used.add(id(self.preamble[position - 1]))
            self.draft.title = tidy(self.preamble[position - 1].text)
        if match := re.search(r"第\s*([\d一二三四五六七八九十百〇]+)\s*回", fold(self.draft.title)):
            self.draft.number = kanji_number(match.group(1))

    def _unlabelled_date(self, used: set[int]) -> None:
        year: YearFound | None = None
        for line in self.preamble:
            if viewer := re.search(r"本文\s*(\d{4}-\d{2}-\d{2})", line.text):
                # 平成17年12月定例会(第1日) 本文 2005-12-06: a record viewer prints the day's date there.
                found = find_date(viewer.group(1))
                if found is not None and found.date is not None:
                    self.draft.date = found.date
                    used.add(id(line))
                    return
        for line in self.preamble:
            text = line.text
            posting = _POSTING.search(text) or re.fullmatch(r"\s*[\[［]\s*.+\s*[\]］]\s*", text)
            found = find_date(text)
            if found is not None and found.date is not None and not posting:
                self.draft.date = found.date
                used.add(id(line))
                start, end = parse_times(text)
                if start and self.draft.start is None:
                    self.draft.start, self.draft.end = start, end
                return
            if found is not None and found.date is None and not posting:
                self.draft.note(line.no, f"date not converted: {found.problem}", "write date: YYYY-MM-DD in the front matter")
                used.add(id(line))
                return
        for line in self.preamble:  # no whole date anywhere: a month and day, with the year above
            text = line.text
            posting = _POSTING.search(text) or re.fullmatch(r"\s*[\[［]\s*.+\s*[\]］]\s*", text)
            folded = for_matching(text)
            year = find_year(text) or year
            # …定例会 − 09月05日−01号: the day and the number of the day's record after it.
            month_day = re.search(
                r"(?:^|[\s(（\-−－―])(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:[(（].{1,4}[)）])?\s*[)）]?"
                r"\s*(?:[\-−－―]\s*(?:\S{1,12}[\-−－―]\s*)?\d{1,3}\s*号)?\s*$",
                folded,
            )
            if month_day and year and not posting:
                found = date_in_year(year, int(month_day.group(1)), int(month_day.group(2)))
                if found.date:
                    self.draft.date = found.date
                    used.add(id(line))
                    self.draft.note(line.no, f"the year of {text.strip()} was taken from the line above: check the date")
                    return

    def _unlabelled_venue(self, used: set[int]) -> None:
        for index, line in enumerate(self.preamble):
            if id(line) in used and self.draft.date is not None and find_date(line.text):
                following = self.preamble[index + 1] if index + 1 < len(self.preamble) else None
                if (
                    following is not None
                    and len(following.text) <= 40
                    and re.search(r"(?:室|会議室|議場|ホール|会館|庁舎|センター|階|館|場|ルーム|オンライン)\s*$", following.text)
                ):
                    self.draft.venue = tidy(following.text)
                    used.add(id(following))
                return


def _membership_change(text: str) -> bool:
    """A date standing alone, or a sentence of 辞任 and 補欠, in a Diet committee's roll."""
    flat = squash(text)
    return bool(re.fullmatch(r"[一二三四五六七八九十〇\d]{1,3}月[一二三四五六七八九十〇\d]{1,3}日", fold(flat))) or bool(
        re.search(r"辞任|補欠|選任された|委員の異動", flat) and not re.search(r"[、,]\s*\S{2,4}(?:委員|君)$", flat)
    )


def _venue(text: str) -> str:
    """A venue as printed, without the 於 (at) that some records put before it."""
    return re.sub(r"^於\s*", "", tidy(text))


def _role_speaker(label: str) -> bool:
    """A speaker label (never a header word): see roles.role_label."""
    return header_kind(label) is None and attendance_heading(label) is None and role_label(label)


def is_generic(group: str | None) -> bool:
    """True for a label that says only 'attended' (出席者) rather than a group."""
    return group is None or group in GENERIC_GROUPS
