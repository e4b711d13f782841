"""Undoing the layouts that conversion leaves: a page flattened onto one line, tables
drawn with box characters, table labels split one character per line, page numbers.

Each rule rewrites lines into the plain `label value` / one-entry-per-line form that the
header and attendee readers understand, keeping every line's number in the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .draft import Draft
from .profile import EMPTY, ImportProfile
from .textutil import fold, squash, tidy

_MARKDOWN = re.compile(r"^\s*(?:#{1,6}\s*|>\s*)")
_BOLD = re.compile(r"^\*\*(.*)\*\*$")
_BOX = "─━│┃┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋═║╔╗╚╝╠╣╦╩╬"
_BOX_ONLY = re.compile(rf"^[\s{_BOX}\-=_…・.．‥―ー－]+$")
_PAGE_MARK = re.compile(r"^\s*[-－‐―]\s*\d{1,4}\s*[-－‐―]\s*")
_TABLE_HEADINGS = {"番号", "氏名", "議席番号", "議席", "番", "名前", "職名", "職", "出欠", "備考", "項目", "内容", "区分", "所属"}


@dataclass(slots=True)
class Line:
    """An input line: its number, and its text with conversion leftovers removed."""

    no: int
    text: str
    raw: str = ""
    """The line as printed, its runs of spaces kept (they separate people in some lists)."""
    cell: bool = False
    """A cell of a table row: the cells of one row share the row's line number."""


def clean(raw: str) -> str:
    """A line without PDF/Markdown conversion leftovers (#### headings, **bold**, - bullets)."""
    text = _MARKDOWN.sub("", raw.replace("\ufeff", ""))
    text = text.strip()
    if match := _BOLD.match(text):
        text = match.group(1).strip()
    if text.startswith(("- ", "* ", "+ ")):
        text = text[2:].strip()
    return tidy(text)


def prepare(text: str, draft: Draft, header_words: tuple[str, ...], profile: ImportProfile = EMPTY) -> list[Line]:
    """The input as lines ready for reading, every layout rule applied; lines the body's
    import profile names as page text are left out and reported."""
    lines: list[Line] = []
    for no, raw in enumerate(_box_labels_first(text.split("\n")), start=1):
        if profile.skip and profile.skips(raw):
            draft.note(no, f"page text named by the import profile, skipped: {raw.strip()[:50]}")
            continue
        if re.fullmatch(r"\s*#\d{1,4}\s*", raw):
            draft.note(no, f"number of the turn in the record's viewer, skipped: {raw.strip()}")
            lines.append(Line(no, ""))  # #2: a record viewer's number of the turn below
            continue
        if match := _PAGE_MARK.match(raw):
            draft.note(no, f"page number {match.group(0).strip()!r} removed")
            raw = raw[match.end() :]
        if "│" in raw or "┃" in raw or re.match(r"^\s*[|｜].*[|｜]\s*$", raw):
            # Box-drawn or Markdown tables (| 委員長 | 山田 太郎 |): one cell a line.
            lines.extend(_table_row(no, raw))
            continue
        if raw.strip() and _BOX_ONLY.match(raw) and len(raw.strip()) >= 3:
            lines.append(Line(no, ""))  # a rule or table border: a separator, nothing to keep
            continue
        if (index := _speaker_index(raw)) is not None:
            # 発言者一覧 選択 1 : ◯議長… ↑ 発言者の先頭へ: the viewer's index of turns, not turns.
            draft.note(no, f"index of speakers of the record's viewer, skipped: {raw[index[0] : index[1]].strip()[:50]}")
            raw = raw[: index[0]] + "  " + raw[index[1] :]
        if (gap := _DATE_THEN_ROLL.match(raw)) is not None:
            # 令和4年6月10日         出席議員 8人 欠席議員 0人: the date, then the roll's heading.
            lines.append(Line(no, clean(gap.group(1)), gap.group(1)))
            raw = gap.group(2)
        if (
            len(raw) > 200
            and len(_BULLET_ONE.findall(raw)) >= 3
            and len(re.findall(r"(?<=[^\s\d第])1\s+(?:出席|欠席|説明|事務|議事日程|日程|会議|本日)", raw)) >= 2
        ):
            # …(第4回)1 平成28年6月7日1 大月市役所議場1 出席議員 14名 …: a list whose items a
            # mirror ran together, each keeping its marker "1": one line per item.
            parts = [p for p in _BULLET_ONE.split(raw) if p.strip()]
            lines.extend(Line(no, clean(part), part) for part in parts)
            continue
        cleaned = clean(raw)
        if (
            len(cleaned) > 300
            and len(_SPEECH_RUN.findall(raw)) + len(_RULE_RUN.findall(raw)) >= 2
            or len(cleaned) > 120
            and len(_RULE_RUN.findall(raw)) >= 2
        ):
            # A record run onto one line by a mirror (○議長(…議員) turns, △ headings, ----- rules):
            # cut where the printed spacing and marks say, then read each part as a line.
            for part in split_speech_run(raw.strip()):
                if re.match(r"^\d{1,3}:\s*$", part):
                    draft.note(no, f"page text of the record's viewer, skipped: {part[:50]}")
                    continue
                if number := re.match(r"^\d{1,3}:\s+", part):
                    part = part[number.end() :]  # 1: the viewer's number of the turn
                text_part = clean(part)
                lines.extend(
                    Line(no, p, part)
                    for p in (
                        split_flattened(text_part, header_words) if _count_labels(text_part, header_words) >= 2 else [text_part]
                    )
                )
            continue
        if (len(cleaned) > 200 and _count_labels(cleaned, header_words) >= 2) or (
            len(cleaned) > 100 and _count_labels(cleaned, header_words) >= 3
        ):
            lines.extend(Line(no, part) for part in split_flattened(cleaned, header_words))
            continue
        lines.append(Line(no, cleaned, raw))
    return _viewer_numbers(_numbered_headings(_label_column(_one_character_labels(lines, header_words), header_words)), draft)


def _viewer_numbers(lines: list[Line], draft: Draft) -> list[Line]:
    """A record viewer's number and speaker of each turn, on a line of its own before it
    (`2. 末松信介` over `委員長(末松信介君) …`): page text of the viewer, left out and reported."""
    out: list[Line] = []
    for index, line in enumerate(lines):
        following = next((x.text for x in lines[index + 1 : index + 4] if x.text), "")
        named = re.fullmatch(r"\d{1,4}\.\s*([^\s\d.]{2,12})", line.text)
        if named and re.search(rf"[(（]{re.escape(squash(named.group(1)))}(?:君|さん|議員|委員)?[)）]", squash(following)[:30]):
            draft.note(line.no, f"number of the turn in the record's viewer, skipped: {line.text}")
            out.append(Line(line.no, ""))
            continue
        out.append(line)
    return out


def _numbered_headings(lines: list[Line]) -> list[Line]:
    """A section number on a line of its own (1 / 開 / 会, 2 / 議事録の確認): joined to its heading."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if re.fullmatch(r"\d{1,2}", fold(line.text)) and i + 1 < len(lines) and lines[i + 1].text:
            j = i + 1
            parts = [lines[j].text]
            while len(lines[j].text) == 1 and j + 1 < len(lines) and len(lines[j + 1].text) == 1:
                j += 1
                parts.append(lines[j].text)
            joined = "".join(parts) if all(len(p) == 1 for p in parts) else parts[0]
            out.append(Line(line.no, f"{line.text} {joined}"))
            i = j + 1
            continue
        out.append(line)
        i += 1
    return out


def _box_labels_first(raws: list[str]) -> list[str]:
    """A box-drawn table whose label cell spans several rows prints the label on its middle
    row (│      │◎道 下 文 男 … / │出席委員  │ 井 上 … / │      │ 秋 山 …): the label is moved to
    the first row of its cell, so that it stands before every row it labels."""
    out = list(raws)
    group: list[int] = []

    def settle() -> None:
        cells = [out[i].split("│") for i in group]
        if len(group) < 2 or any(len(c) < 3 for c in cells):
            return
        labelled = [k for k, c in enumerate(cells) if c[1].strip()]
        if len(labelled) == 1 and labelled[0] > 0:
            k = labelled[0]
            cells[0][1], cells[k][1] = cells[k][1], " " * len(cells[k][1])
            for index, row in zip(group, cells):
                out[index] = "│".join(row)

    for index, raw in enumerate(raws):
        if raw.lstrip().startswith("│"):
            group.append(index)
            continue
        settle()
        group = []
    settle()
    return out


def _table_row(no: int, raw: str) -> list[Line]:
    """Cells of a box-drawn table row, one line each; numbers and column headings dropped."""
    printed = re.split(r"[│┃|｜]", raw)
    cells = [(squash_name_cell(cell), cell.strip()) for cell in printed]
    kept = [(c, r) for c, r in cells if c and not re.fullmatch(r"\d+|[-:=\s]+", fold(c)) and squash(c) not in _TABLE_HEADINGS]
    return [Line(no, cell, printed_cell, cell=True) for cell, printed_cell in kept]


def squash_name_cell(cell: str) -> str:
    """A table cell's text; names spaced one character apart (仲 間   均  君) closed up."""
    text = tidy(cell)
    tokens = text.split(" ")
    if len(tokens) >= 3 and sum(len(t) == 1 for t in tokens) >= len(tokens) - 1:
        return "".join(tokens)
    return text


def _count_labels(text: str, header_words: tuple[str, ...]) -> int:
    flat = squash(text)
    return sum(1 for word in header_words if word in flat)


_BULLET_ONE = re.compile(r"(?<=[^\s\d第])1\s+(?=[^\s\d番])")
_DATE_THEN_ROLL = re.compile(r"^(\s*\S.{3,30}?日(?:\s*[(（][^)）]{1,4}[)）])?)[ \t\u3000]{3,}((?:出席|欠席)(?:議員|委員|者).*)$")
_SPEECH_RUN = re.compile(
    r"(?:^|\s)[○◯◎〇]\s?[^\s○◯◎〇()（）]{1,20}(?:[(（][^)）\s]{1,12}[)）]|君[)）])"
    r"|(?:^|\s)[○◯◎]\s?[^\s○◯◎〇()（）、。]{1,14}(?:長|員|官|事|君|氏|臣|理|監|与|問|授)\s"
)
_RULE_RUN = re.compile(r"-{5,}|―{5,}|─{5,}|(?:^|\s)\d{1,3}:\s{2,}\S")
_SPEECH_CUT = re.compile(
    r"\s*(?:-{5,}|―{5,}|─{5,})\s*"  # a rule between parts: a break, nothing kept
    r"|\s+(?=[○◯◎〇]\s?[^\s○◯◎〇()（）]{1,20}(?:[(（][^)）\s]{1,12}[)）]|君[)）]))"  # before a speaker's turn
    r"|\s+(?=[○◯◎]\s?[^\s○◯◎〇()（）、。]{1,14}(?:長|員|官|事|君|氏|臣|理|監|与|問|授)\s)"  # ○窪田部会長 それでは…
    r"|\s+(?=\d{1,3}:\s{2,})"  # before a numbered turn (DiscussNet's 1:)
    r"|\s+(?=△\S)"  # before a △ heading
    r"|\s{2,}(?=\d{1,3}\s*番\s)"  # before each numbered member of a roll
    r"|\s{2,}(?=(?:出席|欠席)(?:議員|委員|者)\s*\d*\s*名?)"  # before a roll's heading
    r"|\s{3,}(?=\S.{0,40}(?:開会|開議|散会|閉会)(?:\s|$))"
)  # before a time line


def _speaker_index(raw: str) -> tuple[int, int] | None:
    """Where a record viewer's index of turns stands in a line (発言者一覧 … 発言者の先頭へ)."""
    start = raw.find("発言者一覧")
    if start < 0:
        return None
    end = raw.find("発言者の先頭へ", start)
    return (start, end + len("発言者の先頭へ")) if end > start else None


def split_speech_run(text: str) -> list[str]:
    """A record that a mirror ran onto one line, cut back at its turns, headings, rules and
    roll entries; every word is kept (a rule is only a break)."""
    return [p.strip() for p in _SPEECH_CUT.split(text) if p and p.strip()]


def split_flattened(text: str, header_words: tuple[str, ...]) -> list[str]:
    """A whole page on one line, cut back into lines: before each numbered header label
    (`2 場 所:`), each numbered item (` 3 議 題`, `(1)`), and each ・ bullet."""
    labels = "|".join(r"\s*".join(map(re.escape, w)) for w in sorted(header_words, key=len, reverse=True))
    cut = re.compile(
        rf"(?<!第\d)(?<!第\d\d)\s(?=(?:(?:第\s*)?\d{{1,2}}\s+)?[(（【]?\s*(?:{labels})\s*[)）】]?\s*[:：]?\s)"
        rf"|\s(?=\d{{1,2}}\s+\D)|\s(?=[(（]\d{{1,2}}[)）])|\s(?=[・•]\S)"
    )
    parts = [tidy(p) for p in cut.split(text)]
    return [p for p in parts if p]


_MOMENT_WORDS = ("開会", "閉会", "開議", "散会", "開始", "終了")


def _is_label(text: str, known: set[str]) -> bool:
    flat = squash(fold(text))
    return flat in known or flat in _MOMENT_WORDS


_MAX_LABELS = 40
"""The most labels a flattened column of a header table is read as (a bound on the search)."""


def _label_column(lines: list[Line], header_words: tuple[str, ...]) -> list[Line]:
    """A two-column table flattened column by column, the labels first and then the values
    (開催年月日 / 開催場所 / 開会 / 閉会, then 平成17年3月27日 / …): each label joined to its value.
    At most one label of the run may be unknown (合併協議会委員数), as long as the values
    that follow are as many as the labels."""
    known = set(header_words)
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if not lines[i].text or not _is_label(lines[i].text, known):
            out.append(lines[i])  # a column of labels starts with a label
            i += 1
            continue
        run: list[Line] = []
        j = i
        while (
            j < len(lines)
            and len(run) < _MAX_LABELS
            and (
                not lines[j].text
                or (
                    len(squash(lines[j].text)) <= 12
                    and not re.search(r"\d", lines[j].text)
                    and not re.search(r"[、。,:：]", lines[j].text)
                )
            )
        ):
            if lines[j].text:
                run.append(lines[j])
            j += 1
        labels = sum(_is_label(x.text, known) for x in run)
        if len(run) >= 3 and labels >= len(run) - 1 and _is_label(run[0].text, known):
            values: list[Line] = []
            k = j
            while k < len(lines) and len(values) < len(run):
                if lines[k].text:
                    values.append(lines[k])
                k += 1
            if len(values) == len(run) and not any(_is_label(v.text, known) for v in values):
                out.extend(Line(value.no, f"{squash(label.text)} {value.text}") for label, value in zip(run, values))
                i = k
                continue
        out.append(lines[i])
        i += 1
    return out


_MAX_LABEL_CHARS = 64
"""The longest run of one-character lines read as a flattened table's labels."""


def _one_character_labels(lines: list[Line], header_words: tuple[str, ...]) -> list[Line]:
    """A two-column table flattened column by column: 日 / 場 / 時 / 所 then the values.

    A run of one-character lines is read as interleaved or consecutive label characters;
    when every label so formed is a header label, the run is replaced by those labels,
    each joined to the value line that follows in order."""
    known = set(header_words)
    out: list[Line] = []
    i = 0
    while i < len(lines):
        # Blank lines between the characters do not break the run (PDF text boxes).
        j, chars = i, list[str]()
        while (
            j < len(lines)
            and len(chars) <= _MAX_LABEL_CHARS
            and (len(lines[j].text) == 1 and re.match(r"[\u3400-\u9fff]", lines[j].text) or not lines[j].text and chars)
        ):
            if lines[j].text:
                chars.append(lines[j].text)
            j += 1
        run = "".join(chars)
        if len(chars) < 2:
            j = i + len(chars)
        labels = _labels_from(run, known) if 2 <= len(chars) <= _MAX_LABEL_CHARS else None
        if labels is None:
            # Not a table's labels: the whole run is left as it is (trying each of its
            # suffixes again would read a long run of single characters quadratically).
            stop = max(j, i + 1) if len(chars) >= 2 else i + 1
            out.extend(lines[i:stop])
            i = stop
            continue
        values: list[Line] = []
        k = j
        while k < len(lines) and len(values) < len(labels):
            if lines[k].text:
                values.append(lines[k])
            k += 1
        if len(values) < len(labels) or any(squash(v.text) in known for v in values):
            out.append(lines[i])
            i += 1
            continue
        for label, value in zip(labels, values):
            out.append(Line(value.no, f"{label} {value.text}"))
        i = k
    return out


def _labels_from(run: str, known: set[str]) -> list[str] | None:
    n = len(run)
    for count in range(1, n + 1):
        if n % count:
            continue
        size = n // count
        consecutive = [run[k * size : (k + 1) * size] for k in range(count)]
        interleaved = ["".join(run[k + m * count] for m in range(size)) for k in range(count)]
        for labels in (consecutive, interleaved):
            if all(label in known for label in labels) and size >= 2:
                return labels
    return None
