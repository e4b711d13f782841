"""Reading the text of published minutes: header, attendees, agenda, materials, proceedings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from ..model import Person
from .draft import Draft, DraftAttendee, DraftItem, DraftMaterial, DraftRemark
from .textutil import fold, kanji_number, parse_date, parse_times, squash, tidy


class NotMinutes(ValueError):
    """The input does not look like minutes at all."""


@dataclass
class Line:
    """An input line: its number, and its text with conversion leftovers removed."""

    no: int
    text: str


# -- labels ---------------------------------------------------------------------------

HEADER_LABELS: dict[str, tuple[str, ...]] = {
    "datevenue": ("開催日時及び場所", "日時及び場所", "日時・場所"),
    "date": ("開催日時", "開催日", "日時", "日付", "開会"),
    "venue": ("開催場所", "場所", "会場"),
    "attendees": ("出席者等", "出席構成員", "出席委員", "出席者"),
    "agenda": ("議事次第", "議題", "次第", "付議事件", "審査事件", "案件"),
    "materials": ("配布資料", "配付資料", "資料一覧", "資料"),
    "proceedings": ("議事要旨", "議事概要", "議事の概要", "議事内容", "議事経過", "発言要旨", "議事録", "概要"),
    "agenda_or_proceedings": ("議事",),
}
GROUP_WORDS: dict[str, str] = {
    "座長": "chair", "委員長": "chair", "議長": "chair", "会長": "chair", "部会長": "chair", "本部長": "chair",
    "副座長": "vice-chair", "座長代理": "vice-chair", "委員長代理": "vice-chair", "副議長": "vice-chair",
    "副会長": "vice-chair", "会長代理": "vice-chair", "副本部長": "vice-chair",
    "構成員": "member", "委員": "member", "議員": "member", "有識者": "member", "専門委員": "member",
    "臨時委員": "member", "有識者構成員": "member", "有識者議員": "member", "本部員": "member",
    "政府側参加者": "government", "政府側出席者": "government", "政府": "government", "関係府省": "government",
    "関係省庁": "government", "関係府省庁": "government", "出席大臣等": "government", "大臣等": "government",
    "事務局": "secretariat", "オブザーバー": "observer", "説明者": "guest", "参考人": "guest", "ゲスト": "guest",
}
ROLE_SUFFIXES = (
    "副座長", "座長代理", "座長", "委員長代理", "委員長", "委員", "構成員", "副議長", "議長", "議員", "副会長", "会長",
    "副大臣", "大臣政務官", "政務官", "大臣", "補佐官", "長官", "審議官", "参事官", "局長", "部長", "課長", "室長",
    "理事長", "理事", "事務局長", "事務局", "統括官", "政策統括官", "次長", "本部長",
)
TITLE_WORDS = ("名誉教授", "特任教授", "准教授", "教授", "講師", "助教", "弁護士", "代表取締役社長", "代表取締役", "社長",
               "会長", "理事長", "理事", "代表", "所長", "部長", "センター長", "研究員", "主任研究員", "顧問", "フェロー",
               "CEO", "CTO", "COO", "事務総長", "専務理事", "常務理事", "会員")
SENTENCE_END = tuple("。．.！？!?」』）)")
NUMBERING = r"(?:\d+\s*[.．、)）]|\d+\s+|[（(]\s*\d+\s*[)）]|[①-⑳]|[一二三四五六七八九十]+\s*[、.．]|[一二三四五六七八九十]+\s+|第\s*\d+\s*)?\s*"
ORG_WORDS = ("大学", "株式会社", "研究所", "研究センター", "センター", "省", "庁", "協会", "法人", "事務所", "機構",
             "財団", "銀行", "会社", "連合会", "研究科", "学部", "病院", "新聞", "放送")
_CJK = re.compile(r"^[\u3005\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+$")
_MARKDOWN = re.compile(r"^\s*(?:#{1,6}\s*|>\s*)")
_BOLD = re.compile(r"^\*\*(.*)\*\*$")
_PDF = re.compile(r"[（(]\s*PDF[^）)]*[)）]", re.I)
_NOT_PUBLIC = re.compile(r"[【\[（(<＜]?\s*(非公表|非公開)\s*[】\]）)>＞]?")
_BRACKETS = {"【": "】", "（": "）", "(": ")", "＜": "＞", "<": ">", "〔": "〕", "［": "］", "[": "]"}


def _label_pattern(words: tuple[str, ...]) -> str:
    return "|".join(r"\s*".join(map(re.escape, w)) for w in sorted(words, key=len, reverse=True))


_HEADER_RE = {
    kind: re.compile(rf"^{NUMBERING}(?:{_label_pattern(words)})\s*(?:[:：]\s*|\s+|$)(?P<value>.*)$")
    for kind, words in HEADER_LABELS.items()
}
_GROUP_RE = re.compile(
    rf"^{NUMBERING}[【（(＜<〔［\[]?\s*(?P<group>{_label_pattern(tuple(GROUP_WORDS))})\s*[】）)＞>〕］\]]?\s*[:：]?\s*(?P<rest>.*)$")
_STARTS_SPEECH = re.compile(r"^[○◯〇●◎【]")
_BULLET = re.compile(r"^[・･]\s*(?P<text>.*)$")
_CIRCLE = re.compile(r"^[○◯〇●◎]\s*(?P<text>.*)$")
_BRACKET_LABEL = re.compile(r"^【(?P<label>[^】]{1,40})】\s*(?P<text>.*)$")
_SUFFIX = _label_pattern(ROLE_SUFFIXES)
_CIRCLE_LABEL = re.compile(rf"^(?P<label>[^\s、。：:（(]{{0,12}}(?:[（(][^）)]{{1,6}}[）)])?(?:{_SUFFIX})(?:[（(][^）)]{{1,8}}[）)])?)(?:\s*[:：]\s*|\s+|$)(?P<text>.*)$")
_COLON_LABEL = re.compile(rf"^(?P<label>(?:[^\s、。：:]{{1,12}}(?:[（(][^）)]{{1,6}}[）)])?(?:{_SUFFIX})|事務局\s*[（(][^）)]{{1,8}}[）)]))\s*[:：]\s*(?P<text>.*)$")


def clean(raw: str) -> str:
    """A line without PDF/Markdown conversion leftovers (#### headings, **bold**, - bullets)."""
    text = _MARKDOWN.sub("", raw.replace("\ufeff", ""))
    text = text.strip()
    if match := _BOLD.match(text):
        text = match.group(1).strip()
    if text.startswith(("- ", "* ", "+ ")):
        text = text[2:].strip()
    return tidy(text)


def header_kind(text: str) -> tuple[str, str] | None:
    """('date', value) etc. when the line is a header label, with the value after it."""
    folded = fold(text)
    for kind, regex in _HEADER_RE.items():
        if match := regex.match(folded):
            value = match.group("value").strip()
            # Keep the value as published: cut it from the original line by length.
            return kind, text[len(text) - len(value):].strip() if value else ""
    return None


# -- the whole text ---------------------------------------------------------------------

def parse_minutes(text: str, people: Mapping[str, Person]) -> Draft:
    """Read published minutes into a draft; raise NotMinutes when the text is not minutes."""
    text = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    lines = [Line(no, clean(raw)) for no, raw in enumerate(text.split("\n"), start=1)]
    draft = Draft()
    regions = _split_regions(lines, draft)
    if draft.date is None and not regions.get("proceedings"):
        raise NotMinutes("no date (日時) and no proceedings (議事要旨, 議事録…) found: this does not look like minutes")
    names = _NameIndex(people)
    _read_attendees(regions.get("attendees", []), draft, names)
    _read_agenda(regions.get("agenda", []), draft)
    _read_materials(regions.get("materials", []), draft)
    _Proceedings(draft, names).read(regions.get("proceedings", []))
    if draft.date is None:
        draft.note(1, "no date found", "add date: YYYY-MM-DD to the front matter")
    if not draft.title:
        draft.note(1, "no title found", "add title: to the front matter")
    return draft


def _split_regions(lines: list[Line], draft: Draft) -> dict[str, list[Line]]:
    regions: dict[str, list[Line]] = {}
    current: str | None = None
    for line in lines:
        if current == "proceedings":
            regions[current].append(line)
            continue
        if current in ("attendees", "agenda", "materials") and _STARTS_SPEECH.match(line.text) \
                and ("。" in line.text or len(line.text) > 20):
            # Minutes without a proceedings heading: the first remark starts them.
            current = "proceedings"
            regions.setdefault(current, []).append(line)
            continue
        found = header_kind(line.text) if line.text else None
        if found and found[0] == current and found[1]:
            found = None  # "資料 1-1 …" inside the materials list is an entry, not the label again
        if found:
            kind, value = found
            if kind == "agenda_or_proceedings":
                kind = "agenda" if "agenda" not in regions else "proceedings"
            if kind == "proceedings" and not value and current is None and not draft.title:
                _title_from(line.text, draft)  # 「…議事録」 as the title line
                continue
            current = kind
            if kind in ("date", "datevenue"):
                _date_from(value, line, draft, with_venue=kind == "datevenue")
                current = "datevenue" if kind == "datevenue" else "date"
            elif kind == "venue":
                draft.venue = value
            regions.setdefault(current, [])
            if value and kind in ("attendees", "agenda", "materials", "proceedings"):
                regions[current].append(Line(line.no, value))
            continue
        if not line.text:
            continue
        if current is None:
            if not draft.title:
                _title_from(line.text, draft)
            else:
                draft.note(line.no, f"text before the header fields, not placed: {line.text[:40]}",
                           "add it to the meeting file by hand if it matters")
            continue
        if current in ("date", "datevenue") and draft.date is None:
            _date_from(line.text, line, draft, with_venue=current == "datevenue")
        elif current in ("date", "datevenue") and not draft.venue and current == "datevenue":
            draft.venue = line.text
        elif current == "venue" and not draft.venue:
            draft.venue = line.text
        elif current in ("date", "venue", "datevenue"):
            draft.note(line.no, f"extra line in the {current} field, not placed: {line.text[:40]}")
        else:
            regions[current].append(line)
    return regions


def _title_from(text: str, draft: Draft) -> None:
    title = text
    for word, record in (("議事要旨", "summary"), ("議事概要", "summary"), ("議事録", "verbatim"),
                         ("会議録", "verbatim"), ("速記録", "verbatim")):
        if word in title:
            draft.record = record
            title = title.replace(word, "")
    draft.title = tidy(title.strip("「」 　"))
    if match := re.search(r"第\s*([\d一二三四五六七八九十百〇]+)\s*回", fold(draft.title)):
        draft.number = kanji_number(match.group(1))


def _date_from(value: str, line: Line, draft: Draft, with_venue: bool) -> None:
    date = parse_date(value)
    if date is None:
        if value:
            draft.note(line.no, f"cannot read the date in {value!r}", "write date: YYYY-MM-DD in the front matter")
        return
    draft.date = date
    draft.start, draft.end = parse_times(value)
    if with_venue:
        rest = re.split(r"[）)]\s*|[～〜~]\s*\d+[:：時]\d*分?\s*", fold(value))[-1]
        if rest and not parse_date(rest):
            draft.venue = tidy(value[len(value) - len(rest):])


# -- names ------------------------------------------------------------------------------

class _NameIndex:
    """Finds people of the registry by the forms their names are printed in."""

    def __init__(self, people: Mapping[str, Person]) -> None:
        self.people = people
        self.by_name: dict[str, str] = {}
        for pid, person in people.items():
            for form in (person.name.ja, *person.aliases):
                self.by_name[squash(form)] = pid
        self.proposed: dict[str, str] = {}

    def find(self, name: str) -> str | None:
        """The id of a registry person printed as `name` (spaces ignored)."""
        return self.by_name.get(squash(name))

    def propose(self, name: str, draft: Draft, line: int) -> str:
        """A provisional id for someone the registry lacks, reported with an entry to add."""
        key = squash(name)
        if key in self.proposed:
            return self.proposed[key]
        pid = f"person-{len(self.proposed) + 1}"
        self.proposed[key] = pid
        parts = tidy(name).split(" ")
        draft.proposed_people[pid] = {"ja": tidy(name), "family": parts[0]}
        draft.note(line, f"unknown person {tidy(name)!r}: written as '{pid}'",
                   f"add to minutes/people.yml (and rename the id in the meeting file if you like):\n"
                   f"    {pid}:\n      name: {{ja: {tidy(name)}, en: TODO}}\n      reading: TODO（かな）\n      romanized: TODO")
        return pid


def _looks_like_name(tokens: list[str]) -> int:
    """How many leading tokens form a personal name (0 when they do not look like one)."""
    if len(tokens) >= 2 and all(_CJK.match(t) for t in tokens[:2]) and len(tokens[0]) <= 4 and len(tokens[1]) <= 4 \
            and not any(w in tokens[0] for w in ORG_WORDS):
        return 2
    if tokens and _CJK.match(tokens[0]) and 2 <= len(tokens[0]) <= 6 and not any(w in tokens[0] for w in ORG_WORDS):
        return 1
    return 0


# -- attendees --------------------------------------------------------------------------

@dataclass
class _AttendeeState:
    """What the attendee lines carry from one to the next."""

    pending: str = ""
    """An organisation on a line of its own, in an affiliation-first list: it begins the next line's affiliation."""


def _read_attendees(lines: list[Line], draft: Draft, names: _NameIndex) -> None:
    group, group_label = "member", "構成員"
    state = _AttendeeState()
    for line in lines:
        text = line.text
        if not text:
            continue
        folded = fold(text)
        if re.fullmatch(r"[（(]?\s*以上\s*\d+\s*名\s*[)）]?", folded):
            draft.note(line.no, f"{text}: the count is not kept", "check that every attendee was read")
            continue
        match = _GROUP_RE.match(folded)
        if match and squash(match.group("group")) in GROUP_WORDS:
            word = squash(match.group("group"))
            group, group_label = GROUP_WORDS[word], word
            rest = text[len(text) - len(match.group("rest")):].strip() if match.group("rest") else ""
            if rest:
                _attendee(rest, line, group, group_label, draft, names, state)
            continue
        if re.match(r"^同[\s\u3000]+", text):
            text = re.sub(r"^同[\s\u3000]+", "", text)  # 同: in the same group as the line above
        if squash(text) in ("他", "ほか", "等"):
            draft.attendees.append(DraftAttendee(group=group, others=True, line=line.no))
            continue
        _attendee(text, line, group, group_label, draft, names, state)


def _attendee(text: str, line: Line, group: str, group_label: str, draft: Draft, names: _NameIndex,
              state: _AttendeeState) -> None:
    absent = bool(re.search(r"[（(]\s*欠席\s*[)）]|欠席$", text))
    text = re.sub(r"[（(]\s*欠席\s*[)）]|\s欠席$", "", text).strip()
    proxy_of = None
    if match := re.search(r"[（(]\s*(?P<who>[^）)]*?)\s*代理\s*[)）]", text):
        proxy_of = match.group("who")
        text = (text[: match.start()] + text[match.end():]).strip()
    text = re.sub(r"(?<=\S)(?=[（(])", " ", text)  # 田中 一郎（会長） -> 田中 一郎 （会長）
    if text.startswith("他") and len(text) <= 2:
        draft.attendees.append(DraftAttendee(group=group, others=True, line=line.no))
        return
    tokens = text.split(" ")
    previous = draft.attendees[-1] if draft.attendees else None
    if previous is not None and not previous.others and not names.find(text) and _is_continuation(tokens):
        if previous.name_last and len(tokens) == 1 and not squash(text).endswith(TITLE_WORDS):
            # Affiliation first, name last: a lone organisation begins the next attendee's line.
            state.pending = tidy(f"{state.pending} {text}")
            return
        # An affiliation or role that wrapped onto the next line.
        target = "role" if previous.group == "government" and not previous.affiliation else "affiliation"
        setattr(previous, target, tidy(f"{getattr(previous, target)} {text}"))
        return
    name, rest, name_last = _split_name(tokens, names)
    if state.pending:
        rest = [state.pending, *rest]
        state.pending = ""
    if name is None:
        draft.note(line.no, f"cannot tell the name in attendee line {text!r}", "kept as it is: check the name and affiliation")
        name, rest = tokens[0], tokens[1:]
    person = names.find(name) or names.propose(name, draft, line.no)
    rest_text = " ".join(rest)
    if len(rest_text) > 2 and rest_text[0] in "（(" and rest_text[-1] in "）)":
        rest_text = rest_text[1:-1].strip()
    if rest_text.startswith("同") and previous is not None and previous.affiliation:
        rest_text = tidy(previous.affiliation.split(" ")[0] + " " + rest_text[1:].strip())
    if squash(rest_text) in GROUP_WORDS:
        # 田中 一郎（会長）: the role in brackets says the group.
        group_label = squash(rest_text)
        group, rest_text = GROUP_WORDS[group_label], ""
    attendee = DraftAttendee(group=group, name=tidy(name), person=person, absent=absent, line=line.no,
                             name_last=name_last)
    if group in ("government", "secretariat") and rest_text:
        attendee.role = rest_text  # a minister's or official's post is their role at the meeting
    else:
        attendee.role = group_label
        attendee.affiliation = rest_text
    if proxy_of is not None:
        attendee.proxy_printed = proxy_of or "?"
        attendee.proxy_for = names.find(proxy_of) if proxy_of else None
        draft.note(line.no, f"{tidy(name)} attended as proxy{' for ' + proxy_of if proxy_of else ''}",
                   "set proxy_for: to the person id of the member represented" if attendee.proxy_for is None else "")
    draft.attendees.append(attendee)


def _is_continuation(tokens: list[str]) -> bool:
    """A line that carries on the previous attendee: only a title (准教授), or an
    organisation with no name in it."""
    joined = squash("".join(tokens))
    if len(tokens) <= 2 and joined.endswith(TITLE_WORDS) and len(joined) <= 12:
        return True
    return len(tokens) == 1 and any(w in joined for w in ORG_WORDS)


def _is_affiliation(text: str) -> bool:
    return any(w in text for w in ORG_WORDS) and not squash(text).endswith(("大臣", "副大臣", "政務官", "補佐官"))


def _split_name(tokens: list[str], names: _NameIndex) -> tuple[str | None, list[str], bool]:
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


# -- agenda and materials -------------------------------------------------------------

_ITEM = re.compile(r"^(?:\d+\s*[.．、)）]|[（(]\s*\d+\s*[)）]|[①-⑳]|[一二三四五六七八九十]+\s*[、.．]|議題\s*\d+\s*[:：]?)\s*(?P<title>.+)$")


def _read_agenda(lines: list[Line], draft: Draft) -> None:
    for line in lines:
        if not line.text:
            continue
        match = _ITEM.match(line.text)
        title = match.group("title") if match else line.text
        title = tidy(_PDF.sub("", title))
        if not title or title in ("開会", "閉会"):
            continue
        draft.agenda.append(DraftItem(f"item-{len(draft.agenda) + 1}", title))


_MATERIAL = re.compile(r"^(?P<label>(?:参考\s*資料|資料)\s*[\d０-９]*(?:\s*[-－‐ー―の]\s*[\d０-９]+)*)\s*[:：]?\s*(?P<title>.*)$")


def _read_materials(lines: list[Line], draft: Draft) -> None:
    for line in lines:
        if not line.text:
            continue
        text = _PDF.sub("", line.text).strip()
        public = not _NOT_PUBLIC.search(text)
        text = tidy(_NOT_PUBLIC.sub("", text))
        match = _MATERIAL.match(text)
        if not match:
            if draft.materials:
                previous = draft.materials[-1]
                previous.title = tidy(f"{previous.title} {text}")
            else:
                draft.note(line.no, f"material without a label: {text[:40]}", "kept with the label 資料")
                draft.materials.append(DraftMaterial(_material_id("資料", draft), "資料", text, public))
            continue
        label = re.sub(r"\s+", "", match.group("label"))
        draft.materials.append(DraftMaterial(_material_id(label, draft), label, tidy(match.group("title")), public))


def _material_id(label: str, draft: Draft) -> str:
    folded = fold(label)
    numbers = "-".join(re.findall(r"\d+", folded))
    base = ("sanko" if folded.startswith("参考") else "shiryo") + (f"-{numbers}" if numbers else "")
    used = {m.id for m in draft.materials}
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


# -- proceedings -------------------------------------------------------------------------

class _Proceedings:
    """Reads the proceedings line by line into remarks, placing them under agenda items."""

    def __init__(self, draft: Draft, names: _NameIndex) -> None:
        self.draft = draft
        self.names = names
        self.section = "opening"
        self.item_index = -1
        self.remark: DraftRemark | None = None
        self.blank_before = False
        self.written: set[str] = set()

    def read(self, lines: list[Line]) -> None:
        """Every line of the proceedings, in order."""
        for line in lines:
            if not line.text:
                self.blank_before = True
                continue
            self._line(line)
            self.blank_before = False

    def _line(self, line: Line) -> None:
        text = line.text
        if self._agenda_heading(text):
            self.remark = None
            return
        if match := _BRACKET_LABEL.match(text):
            self._speaker(match.group("label"), match.group("text"), line, bracket=True)
            return
        if match := _BULLET.match(text):
            self._start("unattributed", line, match.group("text"))
            return
        if match := _CIRCLE.match(text):
            rest = match.group("text")
            if (label := _CIRCLE_LABEL.match(fold(rest))) and self._resolve(label.group("label"), line, quiet=True):
                printed = rest[: len(label.group("label"))]  # NFKC keeps these lengths: cut the label as printed
                self._speaker(printed, rest[len(rest) - len(label.group("text")):] if label.group("text") else "", line)
            else:
                self._narration(rest, line)
            return
        if (label := _COLON_LABEL.match(fold(text))) and self._resolve(label.group("label"), line, quiet=True):
            self._speaker(text[: len(label.group("label"))], text[len(text) - len(label.group("text")):] if label.group("text") else "", line)
            return
        if self.remark is None or squash(text) in ("以上", "(以上)"):
            self._narration(text, line)
            return
        self._continue(text)

    def _continue(self, text: str) -> None:
        remark = self.remark
        assert remark is not None
        if not remark.paragraphs:
            remark.paragraphs.append(text)
        elif self.blank_before and remark.paragraphs[-1].endswith(SENTENCE_END):
            remark.paragraphs.append(text)
        else:
            # A line of the same paragraph, or one broken by a page break mid-sentence.
            remark.paragraphs[-1] = _join(remark.paragraphs[-1], text)

    def _start(self, kind: str, line: Line, text: str, speaker: str | None = None, label: str = "") -> None:
        self.remark = DraftRemark(kind, self.section, speaker, label, [text] if text else [], line.no)
        self.draft.remarks.append(self.remark)

    def _narration(self, text: str, line: Line) -> None:
        self._place(text)
        self._start("narration", line, text)
        if re.search(r"非公表|非公開", text) and self.section.startswith("item-"):
            self.draft.agenda[self.item_index].public = False
        if re.search(r"書面|机上配布", text):
            self.written = {a.person for a in self.draft.attendees if a.person and self._mentions(text, a)}

    def _mentions(self, text: str, attendee: DraftAttendee) -> bool:
        flat = squash(text)
        family = squash(attendee.name.split(" ")[0]) if attendee.name else ""
        return bool(family) and (squash(attendee.name) in flat or (family + squash(attendee.role)) in flat)

    def _speaker(self, label: str, text: str, line: Line, bracket: bool = False) -> None:
        person = self._resolve(label, line)
        printed = f"【{label}】" if bracket else label
        if person is None:
            self.draft.note(line.no, f"speaker label {printed!r} matches no attendee: kept as narration",
                            "add the speaker to the attendees, then make it a spoken remark with speaker=PERSON-ID")
            self._narration(printed + (" " + text if text else ""), line)
            return
        kind = "written" if person in self.written else "spoken"
        self._start(kind, line, text, person, printed)

    def _resolve(self, label: str, line: Line, quiet: bool = False) -> str | None:
        flat = squash(label)
        hint = None
        # 議長（田中一郎君）, 委員長（鈴木花子さん）: the name is in the brackets.
        if named := re.match(r"^[^(（]*[(（](?P<name>[^)）]+?)(?:君|くん|さん|氏|委員|議員)?[)）]$", flat):
            person = self.names.find(named.group("name"))
            if person and any(a.person == person for a in self.draft.attendees):
                return person
        if match := re.match(r"^(?P<family>[^（(]+)[（(](?P<hint>[^）)]+)[)）](?P<rest>.*)$", flat):
            if match.group("family") == "事務局":
                flat, hint = match.group("hint") + "事務局", None
            else:
                flat, hint = match.group("family") + match.group("rest"), match.group("hint")
        candidates = []
        for attendee in self.draft.attendees:
            if not attendee.person or not attendee.name:
                continue
            full, family = squash(attendee.name), squash(attendee.name.split(" ")[0])
            for prefix in (full, family):
                if flat.startswith(prefix):
                    rest = flat[len(prefix):]
                    role = squash(attendee.role)
                    if not rest or rest == role or role.endswith(rest) or rest.endswith(role) or \
                            GROUP_WORDS.get(rest) == attendee.group or (rest == "事務局" and attendee.group == "secretariat"):
                        candidates.append(attendee)
                        break
        if hint and len(candidates) > 1:
            candidates = [a for a in candidates if squash(a.name)[len(squash(a.name.split(" ")[0])):].startswith(hint)]
        unique = {a.person for a in candidates}
        if len(unique) == 1:
            return candidates[0].person
        if len(unique) > 1 and not quiet:
            self.draft.note(line.no, f"speaker label {label!r} fits several attendees: "
                            + ", ".join(sorted(a.name for a in candidates)),
                            "set speaker= by hand")
        return None

    def _agenda_heading(self, text: str) -> bool:
        flat = squash(re.sub(rf"^{NUMBERING}", "", fold(text)))
        flat = re.sub(r"^議題\d*[:：]?", "", flat)
        for index, item in enumerate(self.draft.agenda):
            if flat == squash(item.title) and index > self.item_index:
                self._enter(index)
                return True
        return False

    def _place(self, text: str) -> None:
        flat = squash(text)
        for index, item in enumerate(self.draft.agenda):
            if index > self.item_index and squash(item.title) in flat:
                self._enter(index)
                return
        if self.item_index >= 0 and re.match(r"^(最後に|閉会|以上をもって|終わりに|閉会に当たり)", flat):
            self.section = "closing"

    def _enter(self, index: int) -> None:
        self.item_index = index
        self.section = self.draft.agenda[index].id


def _join(left: str, right: str) -> str:
    if re.search(r"[A-Za-z0-9]$", left) and re.match(r"^[A-Za-z0-9]", right):
        return left + " " + right
    return left + right
