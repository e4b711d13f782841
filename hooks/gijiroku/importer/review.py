"""The review page of an import: every input line, numbered, beside what it became in the
meeting file, so that a person can check a long record in a minute.

One self-contained HTML file (its CSS inline, no script, nothing fetched): it can be
mailed, archived or opened from disk. Its language is the record's. Every value from
the input goes through `escape.html`, whatever it holds.

What a line became comes from the draft (attendees, agenda items, materials and remarks
carry their lines, `printed` the header lines kept as comments), from the notes, and
from the accounting of the finished file (`lost`: placed nowhere). Header fields carry
no line in the draft: a line is named as the date, venue, title… line by the header
rules (`header.header_kind`, the English field labels) or by holding the value read.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass

from ..escape import html
from .accounting import SKIPPED, skipped_lines
from .draft import Draft, DraftRemark, Note
from .english.fields import field_kind
from .eras import find_date
from .header import attendance_heading, header_kind
from .report import NOT_PLACED, Imported, remark_counts
from .textutil import squash
from .times import parse_times

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Import review: {file}",
        "intro": "Each line of the input, numbered, beside what it became in the meeting file. "
        "Lines marked “not placed” are in neither the file nor the report: add them by hand if they belong to the record.",
        "source": "Input: {file} ({kind}, {encoding}); record in {language}",
        "summary": "Summary",
        "attendees": "attendees",
        "agenda items": "agenda items",
        "materials": "materials",
        "turns": "speaker turns",
        "opinions": "unattributed opinions",
        "narration": "narration",
        "notes": "notes",
        "lost": "lines not placed",
        "accounted": "of the text accounted for",
        "empty": "Printed but read empty: {sections}",
        "check": "Lines to check",
        "none to check": "No line needs checking: every line is placed and none has a note.",
        "legend": "Kinds of line",
        "caption": "The input, line by line ({blank} blank lines not shown)",
        "line": "Line",
        "input": "Input",
        "became": "Became",
        "continued": "continued",
        "in writing": "in writing",
        "under": "under {section}",
        "opening": "the opening",
        "closing": "the closing",
        "item": "item {number}: {title}",
        "unknown speaker": "no speaker",
        "group": "group",
        "language ja": "Japanese",
        "language en": "English",
    },
    "ja": {
        "title": "取り込みの確認：{file}",
        "intro": "入力の各行（行番号つき）と、それが会議ファイルの何になったかを並べて示します。"
        "「未配置」の行は会議ファイルにも報告にもありません。記録の一部であれば手で加えてください。",
        "source": "入力：{file}（{kind}、{encoding}）、記録の言語：{language}",
        "summary": "概要",
        "attendees": "出席者",
        "agenda items": "議題",
        "materials": "資料",
        "turns": "発言",
        "opinions": "発言者なしの意見",
        "narration": "地の文",
        "notes": "確認事項",
        "lost": "未配置の行",
        "accounted": "本文のうち会議ファイルまたは報告にある割合",
        "empty": "見出しはあるが読み取れなかった項目：{sections}",
        "check": "確認が必要な行",
        "none to check": "確認が必要な行はありません。すべての行が配置され、確認事項もありません。",
        "legend": "行の種類",
        "caption": "入力（1行ずつ。空行{blank}行は省略）",
        "line": "行",
        "input": "入力",
        "became": "取り込み結果",
        "continued": "続き",
        "in writing": "書面",
        "under": "{section}",
        "opening": "冒頭",
        "closing": "閉会部分",
        "item": "議題{number}：{title}",
        "unknown speaker": "発言者なし",
        "group": "区分",
        "language ja": "日本語",
        "language en": "英語",
    },
}
"""The page's own words in each language (the record's language chooses)."""

KINDS: dict[str, dict[str, tuple[str, str]]] = {
    "en": {
        "header": ("header field", "a field of the front matter (date, time, venue, title) or a section label"),
        "attendee": ("attendee", "a person of the roll, with their group"),
        "agenda": ("agenda item", "an item of the agenda"),
        "material": ("material", "a material (資料) of the meeting"),
        "turn": ("speaker turn", "a remark opened by a speaker's label, and the speaker it was matched to"),
        "opinion": ("unattributed opinion", "an opinion printed without a speaker (・ bullets, role-only labels)"),
        "narration": ("narration", "procedural text of the proceedings"),
        "comment": ("front-matter comment", "a header line kept as printed, as a comment beside the front matter"),
        "skipped": ("skipped page text", "page text around the record (menus, page numbers), left out and named in the report"),
        "marks": ("marks only", "a rule or other marks, no words to place"),
        "kept": ("in the file", "text found in the meeting file that no other kind names"),
        "lost": ("not placed", "in neither the meeting file nor the report: check it"),
    },
    "ja": {
        "header": ("見出し項目", "フロントマターの項目（日時、場所、会議名）または項目の見出し"),
        "attendee": ("出席者", "出席者名簿の人と、その区分"),
        "agenda": ("議題", "議題の項目"),
        "material": ("資料", "会議の資料"),
        "turn": ("発言", "発言者の表示で始まる発言と、対応づけた発言者"),
        "opinion": ("発言者なしの意見", "発言者なしで記された意見（・の箇条、役職のみの表示）"),
        "narration": ("地の文", "議事の進行を述べる文"),
        "comment": ("フロントマターの注記", "印刷どおりに注記として残した見出しの行"),
        "skipped": ("省いたページの文字", "記録の外のページの文字（メニュー、ページ番号）。報告に記載"),
        "marks": ("記号のみ", "罫線などの記号だけの行。配置する語がない"),
        "kept": ("会議ファイルにあり", "会議ファイルにあるが、ほかの種類にあたらない文字"),
        "lost": ("未配置", "会議ファイルにも報告にもない行。確認してください"),
    },
}
"""Each kind of line: its name and what it means, per language (the legend)."""

FIELDS: dict[str, dict[str, str]] = {
    "en": {
        "date": "date",
        "time": "time",
        "venue": "venue",
        "title": "title",
        "datevenue": "date and venue",
        "attendees": "attendance label",
        "agenda": "agenda label",
        "materials": "materials label",
        "proceedings": "proceedings label",
        "agenda_or_proceedings": "proceedings label",
        "ignore": "field not kept",
    },
    "ja": {
        "date": "日時",
        "time": "時刻",
        "venue": "場所",
        "title": "会議名",
        "datevenue": "日時・場所",
        "attendees": "出席者の見出し",
        "agenda": "議題の見出し",
        "materials": "資料の見出し",
        "proceedings": "議事の見出し",
        "agenda_or_proceedings": "議事の見出し",
        "ignore": "残さない項目",
    },
}
"""Names of the header fields a line can be, per language."""


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """One input line and what it became."""

    no: int
    text: str
    kind: str
    detail: str
    notes: tuple[Note, ...]


def review_rows(imported: Imported) -> list[ReviewRow]:
    """Every non-blank input line, classified."""
    draft = imported.draft
    lang = _lang(draft)
    words = STRINGS[lang]
    lost = set(imported.accounting.lost)
    skipped = skipped_lines(imported.notes)
    notes: dict[int, list[Note]] = defaultdict(list)
    for note in imported.notes:
        notes[note.line].append(note)
    lines = imported.source.text.split("\n")
    placed = _placed(draft, lang, lines)
    starts = sorted((r.line, index) for index, r in enumerate(draft.remarks) if r.line)
    rows = []
    for no, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        if no in lost and not any(NOT_PLACED not in n.message for n in notes[no]):
            kind, detail = "lost", ""
        elif no in skipped:
            kind, detail = "skipped", ""
        elif no in placed:
            kind, detail = placed[no]
        elif no in lost:
            kind, detail = "lost", ""
        else:
            kind, detail = _header_or_kept(text, draft, lang)
            if kind == "kept" and (remark := _remark_around(no, starts, draft.remarks)) is not None:
                # Drafts name a remark's first line; a line of text after it, before the
                # next remark, that the file holds is its text going on.
                kind, detail = placed[remark.line]
                detail = f"{words['continued']}: {detail}"
        rows.append(ReviewRow(no, text, kind, detail or ("" if kind != "turn" else words["unknown speaker"]), tuple(notes[no])))
    return rows


def _remark_around(no: int, starts: list[tuple[int, int]], remarks: list[DraftRemark]) -> DraftRemark | None:
    """The remark a line after its first line may go on with: the last to start before it."""
    index = bisect.bisect_left(starts, (no, -1)) - 1
    return remarks[starts[index][1]] if index >= 0 else None


def _lang(draft: Draft) -> str:
    return "en" if draft.language == "en" else "ja"


def _placed(draft: Draft, lang: str, lines: list[str]) -> dict[int, tuple[str, str]]:
    """What the draft says each line became: line -> (kind, detail). Agenda items and
    materials the draft holds without a line are found by their text in the header."""
    words = STRINGS[lang]
    out: dict[int, tuple[str, str]] = {}
    for no, _ in draft.printed:
        out.setdefault(no, ("comment", ""))
    by_line: dict[int, list[str]] = defaultdict(list)
    for attendee in draft.attendees:
        if attendee.line:
            group = attendee.label or attendee.group
            by_line[attendee.line].append(f"{attendee.name or attendee.person or ''} ({words['group']}: {group})")
    for no, people in by_line.items():
        out[no] = ("attendee", "; ".join(people))
    first_remark = min((r.line for r in draft.remarks if r.line), default=len(lines) + 1)
    for item in draft.agenda:
        if no := item.line or _line_of(item.title, lines, out, first_remark):
            out[no] = ("agenda", f"{item.id}: {item.title}")
    for material in draft.materials:
        if no := material.line or _line_of(f"{material.label} {material.title}", lines, out, first_remark):
            out[no] = ("material", f"{material.label} {material.title}".strip())
    names = {a.person: a.name for a in draft.attendees if a.person and a.name}
    names.update({pid: entry.get("ja", "") for pid, entry in draft.proposed_people.items() if pid not in names})
    sections = {"opening": words["opening"], "closing": words["closing"]}
    sections.update(
        {item.id: words["item"].format(number=number, title=item.title) for number, item in enumerate(draft.agenda, start=1)}
    )
    for remark in draft.remarks:
        kind, detail = _remark(remark, names, words, sections.get(remark.section, remark.section))
        if remark.line:
            out[remark.line] = (kind, detail)
        for no in remark.lines:
            if no != remark.line:
                out.setdefault(no, (kind, f"{words['continued']}: {detail}" if detail else words["continued"]))
    return out


def _line_of(value: str, lines: list[str], placed: dict[int, tuple[str, str]], before: int) -> int:
    """The header line that printed a value the draft holds without its line (0 if none)."""
    flat = squash(value)
    for no, line in enumerate(lines[: before - 1], start=1):
        if no not in placed and flat and flat in squash(line):
            return no
    return 0


def _remark(remark: DraftRemark, names: dict[str, str], words: dict[str, str], section: str) -> tuple[str, str]:
    """(kind, detail) of a remark: `○山川会長 → yamakawa-taro (山川 太郎)`, under its section."""
    under = words["under"].format(section=section)
    if remark.kind in ("spoken", "written"):
        speaker = remark.speaker or words["unknown speaker"]
        if remark.speaker and names.get(remark.speaker):
            speaker += f" ({names[remark.speaker]})"
        written = f", {words['in writing']}" if remark.kind == "written" else ""
        return "turn", f"{remark.label or '—'} → {speaker}{written}; {under}"
    if remark.kind == "unattributed":
        return "opinion", (f"{remark.label}; " if remark.label else "") + under
    return "narration", under


def _header_or_kept(text: str, draft: Draft, lang: str) -> tuple[str, str]:
    """A line the draft does not place: a header field by the header rules or by the value
    it holds, else text that is in the file as something else."""
    fields = FIELDS[lang]
    if draft.language == "en":
        found = field_kind(text)
        if found is not None and found[0] in fields:
            return "header", fields[found[0]]
    else:
        if attendance_heading(text) is not None:
            return "header", fields["attendees"]
        kind = header_kind(text)
        if kind is not None and kind[0] in fields:
            return "header", fields[kind[0]]
    flat = squash(text)
    if draft.title and squash(draft.title) and squash(draft.title) in flat:
        return "header", fields["title"]
    if draft.venue and squash(draft.venue) in flat:
        return "header", fields["venue"]
    if draft.date is not None and len(flat) < 80 and (day := find_date(text)) is not None and day.date == draft.date:
        return "header", fields["date"]
    if draft.start and len(flat) < 40 and parse_times(text)[0] in (draft.start, draft.end):
        return "header", fields["time"]
    if not re.search(r"\w", text):
        return "marks", ""
    return "kept", ""


# -- the page ------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1b1b; --muted: #4a4a4a; --rule: #c9c9c9; --link: #0b57b0;
  --note-bg: #fff4d6; --note-fg: #4d3800;
  --header-bg: #e6e6f7; --header-fg: #2b2b6e; --attendee-bg: #dcefe0; --attendee-fg: #14502a;
  --agenda-bg: #e3f0fb; --agenda-fg: #0d3f6b; --material-bg: #eee6f7; --material-fg: #4a2370;
  --turn-bg: #dbe8ff; --turn-fg: #123a86; --opinion-bg: #fde8d7; --opinion-fg: #6b300a;
  --narration-bg: #ececec; --narration-fg: #333333; --comment-bg: #e8f3f2; --comment-fg: #124a45;
  --skipped-bg: #f1f1f1; --skipped-fg: #4a4a4a; --marks-bg: #f7f7f7; --marks-fg: #4a4a4a;
  --kept-bg: #f5f5f5; --kept-fg: #333333; --lost-bg: #b3261e; --lost-fg: #ffffff; }
@media (prefers-color-scheme: dark) { :root { --bg: #141414; --fg: #ececec; --muted: #bdbdbd; --rule: #4a4a4a;
  --link: #9cc4ff; --note-bg: #3d3000; --note-fg: #ffe8a3;
  --header-bg: #2a2a55; --header-fg: #dcdcff; --attendee-bg: #173d22; --attendee-fg: #c9f0d3;
  --agenda-bg: #123552; --agenda-fg: #cfe6fb; --material-bg: #38204f; --material-fg: #ead9fb;
  --turn-bg: #1b3566; --turn-fg: #d6e4ff; --opinion-bg: #552a0d; --opinion-fg: #fde1cc;
  --narration-bg: #333333; --narration-fg: #e6e6e6; --comment-bg: #163f3b; --comment-fg: #cdeeea;
  --skipped-bg: #2b2b2b; --skipped-fg: #cfcfcf; --marks-bg: #222222; --marks-fg: #cfcfcf;
  --kept-bg: #262626; --kept-fg: #e0e0e0; --lost-bg: #ffb4ab; --lost-fg: #410002; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.55 system-ui, "Noto Sans CJK JP",
  "Hiragino Sans", "Yu Gothic", sans-serif; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.35rem; margin: 0.2rem 0 0.6rem; overflow-wrap: anywhere; }
h2 { font-size: 1.1rem; margin: 1.4rem 0 0.5rem; }
p { margin: 0.4rem 0; }
a { color: var(--link); text-decoration: underline; }
a:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
.source { color: var(--muted); overflow-wrap: anywhere; }
.counts { display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; padding: 0; margin: 0.4rem 0; list-style: none; }
.counts strong { font-size: 1.1rem; }
.legend { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 0.3rem 1rem;
  padding: 0; margin: 0; list-style: none; }
.check { overflow-wrap: anywhere; }
.kind { display: inline-block; border-radius: 0.3rem; padding: 0 0.4rem; font-weight: 600; font-size: 0.85rem; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: 0.5rem; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
th, td { border-bottom: 1px solid var(--rule); padding: 0.3rem 0.45rem; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; }
thead th { border-bottom: 2px solid var(--fg); }
col.no { width: 3.6rem; } col.input { width: 52%; }
tbody th { font-weight: 400; font-variant-numeric: tabular-nums; color: var(--muted); text-align: right; }
td.input { white-space: pre-wrap; }
.detail { display: block; margin-top: 0.15rem; }
ul.notes { margin: 0.3rem 0 0; padding: 0; list-style: none; }
ul.notes li { background: var(--note-bg); color: var(--note-fg); border-radius: 0.3rem; padding: 0.1rem 0.4rem;
  margin-top: 0.2rem; }
tr:target { outline: 3px solid var(--link); outline-offset: -3px; }
@media (max-width: 40rem) { main { padding: 0.6rem; } col.no { width: 2.8rem; } col.input { width: 50%; }
  th, td { padding: 0.25rem 0.3rem; } body { font-size: 14px; } }
"""


def _kind_css() -> str:
    return "".join(f".k-{kind} {{ background: var(--{kind}-bg); color: var(--{kind}-fg); }}\n" for kind in KINDS["en"])


def render_review(imported: Imported) -> str:
    """The whole review page."""
    draft = imported.draft
    lang = _lang(draft)
    words = STRINGS[lang]
    kinds = KINDS[lang]
    rows = review_rows(imported)
    name = imported.path.name
    blank = sum(1 for line in imported.source.text.split("\n") if not line.strip())
    out = [
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        f"<title>{html(words['title'].format(file=name))}</title>\n<style>{_CSS}{_kind_css()}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{html(words['title'].format(file=name))}</h1>\n"
        f"<p>{html(words['intro'])}</p>\n"
        f'<p class="source">{html(words["source"].format(file=imported.path, kind=imported.source.kind, encoding=imported.source.encoding, language=words["language " + lang]))}</p>\n'
    ]
    out += _summary(imported, rows, words)
    out.append(f'<h2>{html(words["legend"])}</h2>\n<ul class="legend">\n')
    out += [
        f'<li><span class="kind k-{kind}">{html(label)}</span> {html(meaning)}</li>\n' for kind, (label, meaning) in kinds.items()
    ]
    out.append("</ul>\n")
    out.append(
        f"<table>\n<caption>{html(words['caption'].format(blank=blank))}</caption>\n"
        '<colgroup><col class="no"><col class="input"><col class="became"></colgroup>\n'
        f'<thead><tr><th scope="col">{html(words["line"])}</th><th scope="col">{html(words["input"])}</th>'
        f'<th scope="col">{html(words["became"])}</th></tr></thead>\n<tbody>\n'
    )
    out += [_row(row, kinds) for row in rows]
    out.append("</tbody>\n</table>\n</main>\n</body>\n</html>\n")
    return "".join(out)


def _summary(imported: Imported, rows: list[ReviewRow], words: dict[str, str]) -> list[str]:
    draft = imported.draft
    counts = remark_counts(draft)
    lost = sum(1 for row in rows if row.kind == "lost")
    figures = [
        (len(draft.attendees), words["attendees"]),
        (len(draft.agenda), words["agenda items"]),
        (len(draft.materials), words["materials"]),
        (counts["spoken"] + counts["written"], words["turns"]),
        (counts["unattributed"], words["opinions"]),
        (counts["narration"], words["narration"]),
        (len(imported.notes), words["notes"]),
        (lost, words["lost"]),
    ]
    out = [f'<h2>{html(words["summary"])}</h2>\n<ul class="counts">\n']
    out += [f"<li><strong>{n:,}</strong> {html(label)}</li>\n" for n, label in figures]
    out.append(f"<li><strong>{imported.accounting.share:.1%}</strong> {html(words['accounted'])}</li>\n</ul>\n")
    if imported.empty:
        out.append(f"<p>{html(words['empty'].format(sections='; '.join(e.format() for e in imported.empty)))}</p>\n")
    to_check = [row for row in rows if needs_check(row)]
    if to_check:
        links = ", ".join(f'<a href="#l{row.no}">{row.no}</a>' for row in to_check[:300])
        more = f" … (+{len(to_check) - 300})" if len(to_check) > 300 else ""
        out.append(f'<p class="check">{html(words["check"])} ({len(to_check)}): {links}{more}</p>\n')
    else:
        out.append(f'<p class="check">{html(words["none to check"])}</p>\n')
    return out


def needs_check(row: ReviewRow) -> bool:
    """A line placed nowhere, or with a note that is not only "skipped as page text"."""
    return row.kind == "lost" or any(not any(word in note.message for word in SKIPPED) for note in row.notes)


def _row(row: ReviewRow, kinds: dict[str, tuple[str, str]]) -> str:
    detail = f'<span class="detail">{html(row.detail)}</span>' if row.detail else ""
    notes = ""
    if row.notes:
        notes = (
            '<ul class="notes">'
            + "".join(
                f"<li>{html(note.message)}" + (f" — {html(note.hint)}" if note.hint else "") + "</li>" for note in row.notes
            )
            + "</ul>"
        )
    return (
        f'<tr id="l{row.no}" class="r-{row.kind}"><th scope="row">{row.no}</th>'
        f'<td class="input">{html(row.text)}</td>'
        f'<td><span class="kind k-{row.kind}">{html(kinds[row.kind][0])}</span>{detail}{notes}</td></tr>\n'
    )
