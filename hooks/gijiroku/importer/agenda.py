"""Agenda items and materials: numbered, bulleted or marked lists, nested lists, and
subtitles printed on a line of their own."""

from __future__ import annotations

import re

from .draft import Draft, DraftItem, DraftMaterial
from .layout import Line
from .textutil import fold, squash, tidy

_PDF = re.compile(r"[（(]\s*PDF[^）)]*[)）]|\[\s*\d+\s*KB[^\]]*\]", re.I)
_NOT_PUBLIC = re.compile(r"[【\[（(<＜]?\s*(非公表|非公開)\s*[】\]）)>＞]?")
# Numbering schemes, each a level of its own: the first one met is the top level.
_SCHEMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("arabic", re.compile(r"^\d+\s*[.．、)）]?\s+|^\d+\s*[.．、)）]\s*(?=\S)")),
    ("paren", re.compile(r"^[（(]\s*\d+\s*[)）]\s*")),
    # ①–⑳, and their mojibake when Shift_JIS text was read as another encoding (@, A, B…
    # glued to the Japanese text that follows).
    ("circled", re.compile(r"^(?:[①-⑳]|[@A-T](?=[\u3040-\u30ff\u3400-\u9fff]))\s*")),
    ("kanji", re.compile(r"^[一二三四五六七八九十]+\s*[、.．]\s*|^第\s*[一二三四五六七八九十\d]+\s+")),
    ("bracket", re.compile(r"^\[\s*\d+\s*\]\s*|^〔\s*\d+\s*〕\s*")),
    (
        "topic",
        re.compile(
            r"^(?:議題|議決事項|審議事項|報告事項|協議事項|承認事項|その他報告事項|諮問事項)\s*第?\s*\d+\s*号?\s*[:：]?\s*"
        ),
    ),
    ("mark", re.compile(r"^[〇○◯●◎■□◆◇]\s*")),
    ("bullet", re.compile(r"^[・•◦\-]\s*")),
)
_EXCLUDED = {"開会", "閉会", "開会挨拶", "閉会挨拶", "議題", "議事"}
_OUTCOME = re.compile(
    r"\s*[(（](?:原案)?(?:可決|否決|承認|不承認|同意|不同意|認定|採択|不採択|継続審査|継続|報告|了承|決定|修正可決|"
    r"一部修正|原案のとおり(?:可決|承認)|撤回)(?:すべきもの)?[)）]\s*$"
)
"""An item's outcome printed after its title (可決): the record's, not the item's title."""


_DAY_ORDER = re.compile(r"^日程第\s*[一二三四五六七八九十百\d]+\s*")
"""日程第一 議席の指定: the order of the day's number, printed before some items and not others."""


def _scheme(text: str) -> tuple[str, str] | None:
    ordered = False
    if order := _DAY_ORDER.match(fold(text)):
        text = text[order.end() :] if len(fold(text)) == len(text) else re.sub(r"^日程第\s*\S+?\s+", "", text)
        ordered = True
    if circled := re.match(r"^\s*[①-⑳]\s*", text):
        return "circled", text[circled.end() :].strip()  # NFKC would make ① a 1
    folded = fold(text)
    for name, regex in _SCHEMES:
        if match := regex.match(folded):
            rest = text[len(text) - len(folded[match.end() :]) :] if match.end() else text
            return name, rest.strip()
    return ("none", text.strip()) if ordered else None


# Headings that group agenda items (審議事項: (1)…(4)) rather than being items themselves.
CATEGORY_WORDS = frozenset(
    (
        "審議事項",
        "報告事項",
        "協議事項",
        "決議事項",
        "議決事項",
        "報告",
        "審議",
        "協議",
        "議事",
        "連絡事項",
        "承認事項",
        "説明事項",
        "検討事項",
        "その他の事項",
        "議題",
    )
)


def read_agenda(lines: list[Line], draft: Draft) -> None:
    """Top-level agenda items; deeper levels and 開会/閉会 are not items (and are reported).
    When every top-level entry is a category (審議事項, 報告事項), the items under them are read."""
    lines = _join_wrapped([part for line in lines for part in _split_items(line)], draft)
    schemes = [_scheme(line.text) for line in lines if line.text]
    tops = [found for found in schemes if found]
    if tops:
        top_scheme = tops[0][0]
        top_titles = [squash(t) for s, t in tops if s == top_scheme]
        if top_titles and all(t in CATEGORY_WORDS for t in top_titles) and len(tops) > len(top_titles):
            lines = [line for line in lines if not (line.text and (f := _scheme(line.text)) and f[0] == top_scheme)]
    top: str | None = None
    for line in lines:
        if not line.text:
            continue
        found = _scheme(line.text)
        scheme, title = found if found else ("none", line.text)
        title = tidy(_PDF.sub("", title))
        if scheme != "none" and (inner := re.match(r"^(?:[(（]\s*\d+\s*[)）]|[①-⑳])\s*(?=\S)", fold(title))):
            title = title[inner.end() :].strip()  # 1. (1)中央環境審議会…: a second number printed with the first
        if outcome := _OUTCOME.search(title):
            draft.note(line.no, f"outcome printed after the agenda item, not part of its title: {outcome.group(0).strip()}")
            title = title[: outcome.start()].strip()
        if not title or squash(title) in _EXCLUDED:
            continue
        if re.fullmatch(
            r"(?:[(（]?第\d+号[)）]?)?.{0,24}?(?:午前|午後)?\d{1,2}(?:時(?:\d{1,2}分)?|:\d{2})(?:開議|開会)", squash(fold(title))
        ):
            draft.note(line.no, f"the day and hour of the order of the day, not an agenda item: {title}")
            continue
        if (title[0] in "〜~～" or re.fullmatch(r"[(（][^()（）]{1,40}[)）]", title)) and draft.agenda and scheme == "none":
            # A subtitle on its own line (〜…〜, （議会運営委員会）) belongs to the item above.
            draft.agenda[-1].title = tidy(draft.agenda[-1].title + title)
            continue
        if "。" in title and len(title) > 30:
            draft.note(line.no, f"sentence in the agenda list, not an item: {title[:40]}")
            continue
        if top is None:
            top = scheme
        if scheme != top:
            draft.note(line.no, f"sub-item of agenda item {len(draft.agenda)}, not an item of its own: {title[:40]}")
            draft.printed.append((line.no, line.text))
            continue
        draft.agenda.append(DraftItem(f"item-{len(draft.agenda) + 1}", title, line=line.no))


def _balance(text: str) -> int:
    return sum(text.count(c) for c in "(（「【") - sum(text.count(c) for c in ")）」】")


def _join_wrapped(lines: list[Line], draft: Draft) -> list[Line]:
    """Items hard-wrapped over lines (`○じん肺とアスベスト被害根絶に関する請願(第` /
    ` 三五号外二件)`): a line with no mark, indented or closing a bracket the item left open,
    goes on the item above. An item left open at the end of the list was cut off and is dropped."""
    out: list[Line] = []
    for line in lines:
        previous = out[-1] if out else None
        if (
            previous is not None
            and line.text
            and previous.text
            and _scheme(line.text) is None
            and _scheme(previous.text) is not None
            and (_balance(previous.text) > 0 or line.raw[:1] in (" ", "\u3000", "\t"))
        ):
            out[-1] = Line(previous.no, previous.text + line.text.strip(), previous.raw)
            continue
        if (
            previous is not None
            and line.text
            and previous.text
            and _scheme(line.text) is None
            and _scheme(previous.text) is None
            and len(squash(previous.text)) >= 18
            and not re.search(r"(?:件|について|こと|[。）)」])$", squash(previous.text))
            and squash(line.text).endswith("件")
        ):
            # 輸出入取引審議会委員任命につき国会法第三十 / 九条但書の議決を求めるの件: an unmarked
            # item wrapped at the width of the page.
            out[-1] = Line(previous.no, previous.text + line.text.strip(), previous.raw)
            continue
        out.append(line)
    while out and not out[-1].text:
        out.pop()
    if out and _balance(out[-1].text) > 0 and _scheme(out[-1].text) is not None:
        draft.note(out[-1].no, f"agenda item cut off at the end of the text, not an item: {out[-1].text[:40]}")
        out.pop()
    return out


def _split_items(line: Line) -> list[Line]:
    """Several numbered items printed on one line: （１）…について（２）その他."""
    folded = fold(line.text)
    if len(days := list(re.finditer(r"日程第\s*\d+", folded))) >= 2:
        # 平成28年6月7日(火曜日) 10時38分開議 日程第 1 会議録署名議員の指名 日程第 2 会期の決定
        bounds = [0, *(m.start() for m in days), len(folded)]
        return [Line(line.no, line.text[a:b].strip()) for a, b in zip(bounds, bounds[1:]) if line.text[a:b].strip()]
    for pattern in (r"[(（]\s*\d+\s*[)）]", r"[①-⑳]", r"(?:^|\s)\d+\s*[.．]\s*(?=\D)"):
        marks = list(re.finditer(pattern, folded))
        if len(marks) >= 2 and marks[0].start() <= 1:
            bounds = [m.start() for m in marks] + [len(folded)]
            return [Line(line.no, line.text[a:b].strip()) for a, b in zip(bounds, bounds[1:]) if line.text[a:b].strip()]
    return [line]


_MATERIAL = re.compile(r"^(?P<label>(?:参考\s*資料|資料)\s*[\d０-９]*(?:\s*[-－‐ー―の]\s*[\d０-９]+)*)\s*[:：]?\s*(?P<title>.*)$")


def read_materials(lines: list[Line], draft: Draft) -> None:
    """Materials with their labels (資料1-1) and whether they are public."""
    for line in lines:
        if not line.text:
            continue
        text = _PDF.sub("", line.text).strip()
        text = re.sub(r"^[・•]\s*", "", text)
        if re.fullmatch(r"[(（].*[)）]", text):
            draft.note(line.no, f"note in the materials list, not placed: {text[:40]}")
            continue
        public = not _NOT_PUBLIC.search(text)
        text = tidy(_NOT_PUBLIC.sub("", text))
        match = _MATERIAL.match(text)
        if not match:
            if draft.materials and not line.text.lstrip().startswith(("・", "•")):
                previous = draft.materials[-1]
                previous.title = tidy(f"{previous.title} {text}")
            else:
                draft.materials.append(DraftMaterial(_material_id("資料", draft), "資料", text, public, line=line.no))
            continue
        label = re.sub(r"\s+", "", match.group("label"))
        draft.materials.append(DraftMaterial(_material_id(label, draft), label, tidy(match.group("title")), public, line=line.no))


def _material_id(label: str, draft: Draft) -> str:
    folded = fold(label)
    numbers = "-".join(re.findall(r"\d+", folded))
    base = ("sanko" if folded.startswith("参考") else "shiryo") + (f"-{numbers}" if numbers else "")
    used = {m.id for m in draft.materials}
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
