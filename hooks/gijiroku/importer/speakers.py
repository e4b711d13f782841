"""The proceedings: speaker labels in every printed form, remarks, narration and
interjections, each placed under its agenda item."""

from __future__ import annotations

import re

from .draft import Draft, DraftAttendee, DraftItem, DraftRemark
from .layout import Line
from .people import NameIndex
from .profile import EMPTY, ImportProfile
from .roles import (
    GENERIC_GROUPS,
    GROUP_WORDS,
    HONORIFICS,
    ROLE_WORDS,
    is_name,
    role_label,
    role_suffix,
    split_person,
)
from .textutil import fold, fold_aligned, squash, tidy
from .times import time_event

SENTENCE_END = tuple("。．.！？!?」』）)")
NUMBERING = r"(?:\d+\s*[.．、)）]|\d+\s+|[（(]\s*\d+\s*[)）]|[①-⑳]|[一二三四五六七八九十]+\s*[、.．]|[一二三四五六七八九十]+\s+|第\s*\d+\s*)?\s*"
_BULLET = re.compile(r"^[・･•]\s*(?P<text>.*)$")
_CIRCLE = re.compile(r"^(?P<mark>[○◯〇●◎◆◇△▲])\s*(?P<text>.*)$")
_BRACKET_LABEL = re.compile(r"^【(?P<label>[^】]{1,40})】\s*(?P<text>.*)$")
_SUFFIX = "|".join(re.escape(w) for w in ROLE_WORDS)
# NAME+ROLE, ROLE(NAME君), NAME(disambiguator)ROLE, or a role alone.
_LABEL = (
    rf"(?:[^\s、。：:（(「」]{{0,16}}(?:[（(][^）)]{{1,6}}[）)])?(?:{_SUFFIX})(?:[（(][^）)]{{1,12}}[）)]|(?<=君)[）)])?"
    rf"|[^\s、。：:（(「」]{{1,8}}[（(][^）)]{{1,12}}(?:君|さん|氏|議員|委員)[）)]|(?:{_SUFFIX})[A-Z]{{1,2}})"
)
_CIRCLE_LABEL = re.compile(rf"^(?P<label>{_LABEL})(?:\s*[:：]\s*|\s+|$)(?P<text>.*)$")
_SPACED_NAME_LABEL = re.compile(
    rf"^(?P<surname>[^\s、。：:（(「」]{{1,4}})[ \u3000](?P<rest>[^\s、。：:（(「」]{{1,4}}(?:{_SUFFIX}))"
    rf"\s+(?P<text>\S.*)$"
)
_COLON_LABEL = re.compile(rf"^(?P<label>{_LABEL}|事務局\s*[（(][^）)]{{1,8}}[）)])\s*[:：]\s*(?P<text>.*)$")
_SPACE_LABEL = re.compile(r"^(?P<label>[^\s、。:：()（）「」]{1,10})[ \u3000]+(?P<text>\S.*)$")
_NAMED_LABEL = re.compile(
    r"^(?P<label>[^\s、。()（）「」]{1,12}[(（][^)）\s、。]{1,12}?(?:君|さん|議員|委員|氏)[)）])[ \u3000]+(?P<text>\S.*)$"
)
_CLOSING_LABEL = re.compile(r"^(?P<label>[^\s、。()（）「」]{1,14}[)）])\s*(?P<text>\S.*)$")
_QA_LABEL = re.compile(rf"^(?P<qa>[QA])(?:\s+|[:：.]\s*)(?P<label>{_LABEL})\s*(?:[:：]\s*|\s+|$)(?P<text>.*)$")
_ROLE_ONLY = re.compile(r"^[(（](?P<role>[^)）]{1,12})[)）]\s*(?P<text>\S.*)$")
_INTERJECTION = re.compile(
    r"^[(（〔\[［].*(?:「.*」|呼ぶ者|と言う者|拍手|発言する者|挙手|退席|着席|登壇|降壇|離席|休憩|速記|退場|入場)"
    r".*[)）〕\]］]$"
)
_ANONYMOUS = re.compile(rf"^(?:[A-ZＡ-Ｚ]{{1,2}}|[○〇●◯×＊*]{{1,3}})(?:{_SUFFIX})$|^(?:{_SUFFIX})[A-ZＡ-Ｚ]{{1,2}}$")
_FOOTER = re.compile(
    r"ページの先頭へ|ページの上部へ|このページのトップ|Copyright|©|All Rights Reserved|"
    r"Adobe\s*(?:Acrobat\s*)?Reader|PDFファイルをご覧いただく|前のページに戻る|サイトマップ|"
    r"このページに関するお問い合わせ",
    re.I,
)


class Proceedings:
    """Reads the proceedings line by line into remarks, placing them under agenda items."""

    def __init__(self, draft: Draft, names: NameIndex, profile: ImportProfile = EMPTY) -> None:
        self.draft = draft
        self.names = names
        self.profile = profile
        self.section = "opening"
        self.item_index = -1
        self.remark: DraftRemark | None = None
        self.last_spoken: DraftRemark | None = None
        self.blank_before = False
        self.written: set[str] = set()
        self.lines: list[Line] = []
        self.position = 0
        self.unknown: dict[str, str] = {}
        self.indented = False
        """The remarks' text is indented under their labels (a heading is then at the margin)."""
        self.following: list[str] = []
        self.index: dict[str, list[tuple[DraftAttendee, str, str, list[str], str, str]]] = {}
        self.index_size = -1
        self.titles: dict[str, list[int]] = {}
        self.squashed: list[str] = []
        self.tail: list[str] = []
        """Lines joined to the last paragraph of `tail_of`, not yet put into it."""
        self.tail_of: DraftRemark | None = None

    def read(self, lines: list[Line]) -> None:
        """Every line of the proceedings, in order."""
        self.lines = lines
        self.following = [""] * len(lines)
        upcoming = ""
        for position in range(len(lines) - 1, -1, -1):  # each line's next non-empty text, in one pass
            self.following[position] = upcoming
            upcoming = lines[position].text or upcoming
        for position, line in enumerate(lines):
            self.position = position
            if not line.text:
                self.blank_before = True
                continue
            self._line(line)
            self.blank_before = False
        self._flush()

    def _flush(self) -> None:
        """Put the lines gathered for the open paragraph into it (joined once: joining line by
        line would copy a long paragraph at every line)."""
        if self.tail_of is not None and self.tail:
            self.tail_of.paragraphs[-1] += "".join(self.tail)
        self.tail, self.tail_of = [], None

    def _next_text(self) -> str:
        return self.following[self.position] if self.position < len(self.following) else ""

    def _line(self, line: Line) -> None:
        """One line of the proceedings: the first rule that reads it decides what it is;
        a line no rule claims is text of the remark under way."""
        text, folded = line.text, fold_aligned(line.text)
        for rule in (
            self._page_footer,
            self._interjection,
            self._item_heading,
            self._procedural_time,
            self._profile_label,
            self._bracket_label,
            self._bullet,
            self._circle,
            self._closing_label,
            self._named_label,
            self._qa_label,
            self._colon_label,
            self._space_label,
            self._role_in_brackets,
            self._heading_rule,
            self._bare_label_rule,
        ):
            if rule(line, text, folded):
                return
        self._body_text(line, text)

    def _page_footer(self, line: Line, text: str, folded: str) -> bool:
        if _FOOTER.search(text) and len(text) < 80:
            self.draft.note(line.no, f"page text after the record, skipped: {text[:50]}")
            return True
        return False

    def _interjection(self, line: Line, text: str, folded: str) -> bool:
        """（「異議なし」と呼ぶ者あり）: narration, and the speech goes on after it."""
        if not _INTERJECTION.match(folded):
            return False
        resumed = self.remark if self.remark is not None and self.remark.kind in ("spoken", "written") else None
        self._narration(text, line)
        self.last_spoken = resumed
        return True

    def _item_heading(self, line: Line, text: str, folded: str) -> bool:
        if self._agenda_heading(text):
            self.remark = None
            return True
        return False

    def _procedural_time(self, line: Line, text: str, folded: str) -> bool:
        """午前9時28分 休憩 / 午後零時五分散会: the record's own procedural line."""
        if time_event(text) is None:
            return False
        resumed = self.last_spoken
        self._narration(text, line)
        self.last_spoken = resumed
        return True

    def _profile_label(self, line: Line, text: str, folded: str) -> bool:
        """A label form of this body's, from its import profile."""
        if (own := self.profile.speaker(text)) is None:
            return False
        self._labelled(own[0], own[0], own[1], line)
        return True

    def _bracket_label(self, line: Line, text: str, folded: str) -> bool:
        """【北山委員長】 それでは…"""
        if not (match := _BRACKET_LABEL.match(text)):
            return False
        self._labelled(f"【{match.group('label')}】", match.group("label"), match.group("text"), line)
        return True

    def _bullet(self, line: Line, text: str, folded: str) -> bool:
        """・ an opinion with no name; • 渡邉農産企画課課長補佐 alone over the remark below."""
        if not (match := _BULLET.match(text)):
            return False
        bullet = match.group("text").strip()
        if role_label(bullet) and len(squash(bullet)) <= 20 and "。" in self._next_text():
            self._labelled(bullet, bullet, "", line)
        else:
            self._start("unattributed", line, match.group("text"))
        return True

    def _circle(self, line: Line, text: str, folded: str) -> bool:
        """○高委員長 …, 〇関 三郎委員長 … (a space inside the name); a ○ line naming nobody is narration."""
        if not (match := _CIRCLE.match(text)):
            return False
        rest = match.group("text")
        if (spaced := _SPACED_NAME_LABEL.match(fold_aligned(rest))) and self._is_label(
            spaced.group("surname") + spaced.group("rest"), True
        ):
            cut = len(rest) - len(spaced.group("text"))
            self._labelled(
                match.group("mark") + rest[:cut].strip(), spaced.group("surname") + spaced.group("rest"), rest[cut:].strip(), line
            )
            return True
        label = _CIRCLE_LABEL.match(fold_aligned(rest))
        if label and self._is_label(label.group("label"), bool(label.group("text"))):
            printed = rest[: len(label.group("label"))]  # NFKC keeps these lengths: cut the label as printed
            self._labelled(
                match.group("mark") + printed,
                printed,
                rest[len(rest) - len(label.group("text")) :] if label.group("text") else "",
                line,
                quiet_narration=rest,
            )
        else:
            self._narration(rest, line)
        return True

    def _closing_label(self, line: Line, text: str, folded: str) -> bool:
        """谷田川委員長)ただ今から…: a label that keeps only its closing bracket."""
        if not ((closing := _CLOSING_LABEL.match(folded)) and self._is_label(closing.group("label")[:-1], True)):
            return False
        self._labelled(text[: closing.end("label")], closing.group("label")[:-1], text[closing.end("label") :].strip(), line)
        return True

    def _named_label(self, line: Line, text: str, folded: str) -> bool:
        """議長(細川運一君) おはようございます。: a role and name in brackets, unmarked, then the remark."""
        if not ((named := _NAMED_LABEL.match(folded)) and role_label(named.group("label"))):
            return False
        cut = len(text) - len(named.group("text"))
        self._labelled(text[:cut].strip(), named.group("label"), text[cut:].strip(), line)
        return True

    def _qa_label(self, line: Line, text: str, folded: str) -> bool:
        """Ｑ 片桐委員 / Ａ 鈴木道路建設課長."""
        if not ((qa := _QA_LABEL.match(folded)) and self._is_label(qa.group("label"), True)):
            return False
        printed = text[: qa.end("label")].strip()
        self._labelled(printed, qa.group("label"), text[len(text) - len(qa.group("text")) :] if qa.group("text") else "", line)
        return True

    def _colon_label(self, line: Line, text: str, folded: str) -> bool:
        """江口部会長：将来的には…"""
        if not ((label := _COLON_LABEL.match(folded)) and self._is_label(label.group("label"), True)):
            return False
        cut = len(text) - len(label.group("text")) if label.group("text") else len(text)
        self._labelled(text[:cut].strip(), label.group("label"), text[cut:].strip(), line)
        return True

    def _space_label(self, line: Line, text: str, folded: str) -> bool:
        """会長 定刻になりましたので…: a label with no mark, a space, then the remark."""
        spaced = _SPACE_LABEL.match(folded)
        if not (
            spaced
            and role_label(spaced.group("label"))
            and "。" in spaced.group("text")
            and re.search(r"[\u3040-\u309f]", spaced.group("text"))
            and not re.match(r"^[○◯〇●◎◆]", text)
        ):
            return False
        cut = len(text) - len(spaced.group("text"))
        self._labelled(text[:cut].strip(), spaced.group("label"), text[cut:].strip(), line)
        return True

    def _role_in_brackets(self, line: Line, text: str, folded: str) -> bool:
        """（委員）意見… unattributed; (山田委員) 意見… a speaker label in brackets."""
        if (role := _ROLE_ONLY.match(folded)) and squash(role.group("role")) in GROUP_WORDS:
            self._start(
                "unattributed",
                line,
                text[len(text) - len(role.group("text")) :].strip(),
                label=text[: len(text) - len(role.group("text"))].strip(),
            )
            return True
        if (
            (named := _ROLE_ONLY.match(folded))
            and not _INTERJECTION.match(folded)
            and self._is_label(named.group("role"), True)
            and split_person(named.group("role")).role
        ):
            cut = len(text) - len(named.group("text"))
            self._labelled(text[:cut].strip(), named.group("role"), text[cut:].strip(), line)
            return True
        return False

    def _heading_rule(self, line: Line, text: str, folded: str) -> bool:
        return self._heading_over_label(text, line)

    def _bare_label_rule(self, line: Line, text: str, folded: str) -> bool:
        return self._bare_label(text, line)

    def _body_text(self, line: Line, text: str) -> None:
        """A line no rule claimed: more of the remark under way (or narration when none is)."""
        if line.raw[:1] in (" ", "\u3000", "\t"):
            self.indented = True
        if self.remark is None or squash(text) in ("以上", "(以上)"):
            self._narration(text, line)
            return
        if self.remark.kind == "narration" and self.last_spoken is not None:
            self._flush()  # the narration's last paragraph is read whole just below
        if (
            self.remark.kind == "narration"
            and self.last_spoken is not None
            and self.remark.paragraphs
            and _INTERJECTION.match(fold(self.remark.paragraphs[-1]))
        ):
            # Speech resumes after an interjection: the same speaker, a new remark.
            spoken = self.last_spoken
            self._start(spoken.kind, line, text, spoken.speaker, spoken.label)
            return
        self._continue(text)

    def _is_label(self, label: str, has_text: bool) -> bool:
        """A speaker label rather than the start of a sentence: it names an attendee, or it
        ends with a role word (and, for a role alone, text follows)."""
        if self._resolve(label, None, quiet=True):
            return True
        flat = squash(label)
        if re.search(r"[(（][^)）]+(?:君|さん|氏)[)）]$", flat) or _ANONYMOUS.match(fold(flat)) or _role_then_name(flat):
            return True
        if (
            (role_named := re.fullmatch(r"(?P<role>[^(（]{1,12})[(（](?P<name>[^)）]{1,8})[)）]", flat))
            and (role_named.group("role") in ROLE_WORDS or role_suffix(role_named.group("role")))
            and is_name(role_named.group("name"), 6)
        ):
            return True  # 委員長（山田太郎）: a role and the name of whoever held it
        printed = split_person(flat)
        if not printed.name and printed.role and has_text:
            return True  # 庶務係長: 報告事項… — a unit's post
        return bool(printed.role) and is_name(printed.name, 5) and len(flat) <= 24 or (flat in GROUP_WORDS and has_text)

    def _heading_over_label(self, text: str, line: Line) -> bool:
        """会期の決定 / 議長(宮本忠明君) /  日程第1…: in a record whose remarks are indented
        under labels alone on their lines, a short line at the margin between blank lines,
        over such a label, is the heading of an agenda item (listed or not)."""
        flat = squash(text)
        if (
            not (self.indented and self.blank_before and line.raw[:1] not in (" ", "\u3000", "\t"))
            or not 2 <= len(flat) <= 40
            or "。" in flat
            or re.match(r"^[(（〔「【\[]", flat)
        ):
            return False
        following = [x for x in self.lines[self.position + 1 : self.position + 6] if x.text]
        if (
            len(following) < 2
            or not re.fullmatch(r"[^(（)）]{1,10}[(（][^)）]{1,10}[)）]", label := squash(following[0].text))
            or not role_label(label)
            or following[1].raw[:1] not in (" ", "\u3000", "\t")
        ):
            return False
        title = tidy(text)
        index = next((i for i in self._titles().get(flat, []) if i > self.item_index), None)
        if index is None:
            self.draft.agenda.append(DraftItem(f"item-{len(self.draft.agenda) + 1}", title, line=line.no))
            self.draft.note(line.no, f"agenda item read from its heading in the proceedings: {title[:40]}")
            index = len(self.draft.agenda) - 1
        self._enter(index)
        self.remark = None
        return True

    def _bare_label(self, text: str, line: Line) -> bool:
        """A label alone on its line (橘川部会長, 議長(宮本忠明君)) with the remark on the lines below."""
        flat = squash(text)
        if re.fullmatch(r"[^(（)）]{1,10}[(（][^)）]{1,10}[)）]", flat) and role_label(flat) and "。" in self._next_text():
            self._labelled(text.strip(), flat, "", line)
            return True
        if len(flat) > 16 or re.search(r"[、。,.:：()（）「」]", flat) or not self._next_text():
            return False
        person = self._resolve(flat, line, quiet=True)
        printed = split_person(flat)
        if person is None and not (printed.role and printed.role not in HONORIFICS and is_name(printed.name, 3)):
            return False
        self._labelled(text.strip(), flat, "", line)
        return True

    def _continue(self, text: str) -> None:
        remark = self.remark
        assert remark is not None
        self._clock(text)
        if self.tail_of is not remark:
            self._flush()
        ending = (self.tail[-1] if self.tail else remark.paragraphs[-1]) if remark.paragraphs else ""
        if not remark.paragraphs:
            remark.paragraphs.append(text)
        elif self.blank_before and ending.endswith(SENTENCE_END):
            self._flush()
            remark.paragraphs.append(text)
        else:
            # A line of the same paragraph, or one broken by a page break mid-sentence.
            self.tail.append(_joiner(ending, text) + text)
            self.tail_of = remark

    def _clock(self, text: str) -> None:
        """開会いたします。(10:01) / 散会いたします。(10:45): the time printed after the opening
        or closing words of a remark is the meeting's start or end."""
        for word, time in re.findall(
            r"(開会|開議|散会|閉会)(?:いた)?(?:し|い)ます。?\s*[(（]\s*(\d{1,2}[:：]\d{2})\s*[)）]", fold(text)
        ):
            clock = f"{int(time[:-3]):02d}:{time[-2:]}"
            if word in ("開会", "開議") and self.draft.start is None:
                self.draft.start = clock
            elif word in ("散会", "閉会"):
                self.draft.end = clock

    def _start(self, kind: str, line: Line, text: str, speaker: str | None = None, label: str = "") -> None:
        self._flush()
        self._clock(text)
        self.remark = DraftRemark(kind, self.section, speaker, label, [text] if text else [], line.no)
        self.draft.remarks.append(self.remark)
        if kind in ("spoken", "written"):
            self.last_spoken = self.remark

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

    def _labelled(self, printed: str, label: str, text: str, line: Line, quiet_narration: str | None = None) -> None:
        """A remark under a speaker label: an attendee's, a role's (unattributed), or a new person's."""
        person = self._resolve(label, line)
        if person is None:
            flat = squash(label)
            role_only = flat in GROUP_WORDS or flat in ROLE_WORDS or not split_person(flat).name  # 庶務係長
            ambiguous = self._candidates(label, None)
            if len({a.person for a in ambiguous}) > 1:
                self.draft.note(
                    line.no,
                    f"speaker label {printed!r} matches no attendee uniquely: kept as narration",
                    "set speaker= by hand, then make it a spoken remark",
                )
                self._narration(quiet_narration if quiet_narration is not None else printed + (" " + text if text else ""), line)
                return
            if role_only:
                holders = {
                    a.person
                    for a in self.draft.attendees
                    if a.person and flat in (squash(a.role), squash(a.label or ""), squash(a.affiliation))
                }
                if len(holders) == 1 and flat not in ("委員", "議員", "構成員", "事務局", "理事", "職員"):
                    # ○会長 when one attendee is listed as 会長: that person speaks.
                    person = holders.pop()
                    self._start("written" if person in self.written else "spoken", line, text, person, printed)
                    return
                self._start("unattributed", line, text, None, printed)
                return
            if _ANONYMOUS.match(flat):
                # Ａ委員, 委員Ｂ: the minutes withhold the name, so the remark stays unattributed.
                self._start("unattributed", line, text, None, printed)
                return
            person = self._propose(label, line)
            if person is None:
                self.draft.note(
                    line.no,
                    f"speaker label {printed!r} matches no attendee: kept as narration",
                    "add the speaker to the attendees, then make it a spoken remark with speaker=PERSON-ID",
                )
                self._narration(printed + (" " + text if text else ""), line)
                return
        kind = "written" if person in self.written else "spoken"
        self._start(kind, line, text, person, printed)

    def _propose(self, label: str, line: Line) -> str | None:
        """A person for a label that names someone not in the attendance list."""
        flat = squash(label)
        if role_first := _role_then_name(flat):
            name, role = role_first
        elif named := re.search(r"[(（](?P<name>[^)）]+?)(?:君|さん|氏|議員|委員)?[)）]$", flat):
            name = named.group("name")
            role = flat[: named.start()]
        else:
            printed = split_person(flat)
            name, role = printed.name, printed.role
            if not role or role in HONORIFICS and not is_name(name, 5):
                return None  # 【開会】: a heading, not a person
        if not is_name(name, 6):
            return None
        key = f"{name}/{role}"
        if key in self.unknown:
            return self.unknown[key]
        person = self.names.find(name) or self.names.propose(name, self.draft, line.no, key=f"speaker:{key}")
        self.unknown[key] = person
        self.draft.note(
            line.no,
            f"speaker {label!r} is not in the attendance list: written as '{person}'",
            "add them to the attendees if they attended",
        )
        return person

    def _resolve(self, label: str, line: Line | None, quiet: bool = False) -> str | None:
        flat = squash(label)
        # 議長（田中一郎君）, 委員長（鈴木花子さん）: the name is in the brackets.
        if named := re.match(r"^[^(（]*[(（](?P<name>[^)）]+?)(?:君|くん|さん|氏|委員|議員)?[)）]$", flat):
            person = self.names.find(named.group("name"))
            if person and any(a.person == person for a in self.draft.attendees):
                return person
            for attendee in self.draft.attendees:
                if attendee.person and squash(attendee.name) == named.group("name"):
                    return attendee.person
        candidates = self._candidates(label, line)
        unique = {a.person for a in candidates}
        if len(unique) == 1:
            return candidates[0].person
        if len(unique) > 1 and not quiet and line is not None:
            self.draft.note(
                line.no,
                f"speaker label {label!r} fits several attendees: " + ", ".join(sorted(a.name for a in candidates)),
                "set speaker= by hand",
            )
        if len(unique) > 1:
            return None
        return None

    def _candidates(self, label: str, line: Line | None) -> list[DraftAttendee]:
        flat = squash(label)
        hint = None
        if match := re.match(r"^(?P<family>[^（(]+)[（(](?P<hint>[^）)]+)[)）](?P<rest>.*)$", flat):
            if match.group("family") == "事務局":
                flat, hint = match.group("hint") + "事務局", None
            elif self._exact(flat):
                return self._exact(flat)
            else:
                flat, hint = match.group("family") + match.group("rest"), match.group("hint")
        candidates = []
        for attendee, full, family, prefixes, role, affiliation in self._by_first(flat[:1]):
            for prefix in prefixes:
                if prefix and flat.startswith(prefix):
                    rest = flat[len(prefix) :]
                    loose = prefix in (full, family)
                    if (not rest and loose) or (
                        rest
                        and (
                            rest == role
                            or (role and role.endswith(rest))
                            or (role and rest.endswith(role) and loose)
                            or rest == attendee.label
                            or (affiliation and (affiliation.endswith(rest) or rest in affiliation))
                            or (rest in ROLE_WORDS and (loose or not attendee.label or attendee.label in GENERIC_GROUPS))
                            or GROUP_WORDS.get(rest) == attendee.group
                            or (rest == "事務局" and attendee.group == "secretariat")
                        )
                    ):
                        candidates.append(attendee)
                        break
        if hint and len(candidates) > 1:
            # 渡邉(光): the character after the surname is the given name's first.
            candidates = [
                a
                for a in candidates
                if (" " in a.name and squash(a.name.split(" ")[1]).startswith(hint))
                or (" " not in a.name and hint in squash(a.name)[1:4])
            ]
        if len({a.person for a in candidates}) > 1:
            # Same surname: the role printed in the label tells them apart.
            exact_role = [
                a
                for a in candidates
                if flat.endswith(squash(a.role)) and squash(a.role) or (a.affiliation and flat.endswith(squash(a.affiliation)))
            ]
            if len({a.person for a in exact_role}) == 1:
                return exact_role
        return candidates

    def _by_first(self, first: str) -> list[tuple[DraftAttendee, str, str, list[str], str, str]]:
        """The attendees whose name begins with `first`, with their names, prefixes, role and
        affiliation squashed once (a long record has thousands of labels to match)."""
        if self.index_size != len(self.draft.attendees):
            self.index = {}
            for attendee in self.draft.attendees:
                if not attendee.person or not attendee.name:
                    continue
                full = squash(attendee.name)
                family = squash(attendee.name.split(" ")[0])
                prefixes = [full, family] + ([full[:k] for k in (3, 2, 1)] if " " not in attendee.name and len(full) >= 3 else [])
                self.index.setdefault(full[:1], []).append(
                    (attendee, full, family, prefixes, squash(attendee.role), squash(attendee.affiliation))
                )
            self.index_size = len(self.draft.attendees)
        return self.index.get(first, [])

    def _exact(self, flat: str) -> list[DraftAttendee]:
        """Attendees printed with the same disambiguated name: 佐藤(勝)委員 -> 佐藤(勝)."""
        printed = split_person(flat)
        return [a for a in self.draft.attendees if a.person and squash(a.name) == printed.name]

    def _agenda_heading(self, text: str) -> bool:
        flat = squash(re.sub(rf"^{NUMBERING}", "", fold(text)))
        flat = re.sub(r"^議題\d*[:：]?", "", flat).strip("≪≫《》【】〈〉")
        flat = re.sub(r"^\d+[.．]", "", flat)
        flat = re.sub(r"^日程第[\d一二三四五六七八九十]+", "", flat)  # 日程第1 会議録署名議員の指名
        for index in self._titles().get(flat, []):
            if index > self.item_index:
                self._enter(index)
                return True
        return False

    def _titles(self) -> dict[str, list[int]]:
        """The agenda's titles squashed, each once (not at every line), to their items."""
        for index in range(len(self.squashed), len(self.draft.agenda)):  # items are only ever added here
            title = squash(self.draft.agenda[index].title)
            self.squashed.append(title)
            self.titles.setdefault(title, []).append(index)
        return self.titles

    def _place(self, text: str) -> None:
        flat = squash(text)
        self._titles()
        for index in range(self.item_index + 1, len(self.squashed)):
            if self.squashed[index] in flat:
                self._enter(index)
                return
        if self.item_index >= 0 and re.match(r"^(最後に|閉会|以上をもって|終わりに|閉会に当たり)", flat):
            self.section = "closing"

    def _enter(self, index: int) -> None:
        self.item_index = index
        self.section = self.draft.agenda[index].id


def _role_then_name(flat: str) -> tuple[str, str] | None:
    """(name, role) of a label printed role first with its opening bracket lost, as mirrors of
    assembly records print 議長(新田篤実君): `議長新田篤実君)`."""
    match = re.fullmatch(r"(?P<body>[^(（)）]{3,20}?)(?:君|さん|議員)[)）]", flat)
    if not match:
        return None
    body = match.group("body")
    for word in ROLE_WORDS:
        if body.startswith(word) and word not in HONORIFICS and is_name(body[len(word) :], 6):
            return body[len(word) :], word
    return None


def _joiner(left: str, right: str) -> str:
    """What goes between two lines of one paragraph: a space between Latin words, else nothing."""
    return " " if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum() else ""
