"""`gijiroku import` on what users bring besides clean UTF-8 text: saved HTML pages,
PDFs (made here with reportlab's built-in Japanese fonts), other encodings, control
characters, English originals, and inputs that must be refused in one line."""

from __future__ import annotations

import datetime as dt
import importlib
import json
from pathlib import Path

import pytest

from gijiroku.cli import main
from gijiroku.importer import extract, parse_minutes, write_meeting
from gijiroku.importer.eras import find_date, parse_date
from gijiroku.importer.people import propose_reading
from importcheck import check_errors

MINUTES_TEXT = """第3回 緑化推進審議会 議事録

日時：令和5年10月12日（木曜日）午後2時～午後3時30分
場所：架空市役所 第2会議室
出席委員：山川会長、森田委員、林委員

議題
1. 街路樹の更新計画について
2. その他

議事録
○山川会長　ただいまから第3回緑化推進審議会を開会します。
○森田委員　街路樹の更新は計画的に進めるべきです。
"""

HTML_PAGE = """<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>議事録 | 架空市</title>
<script>var trap = "日時 2000年1月1日";</script><style>p {{ color: red }}</style></head>
<body>
<header><a href="/">架空市トップ</a></header>
<nav class="gnav"><ul><li>くらし・手続き</li><li>市政情報</li></ul></nav>
<div class="breadcrumb">トップ &gt; 審議会 &gt; 緑化推進審議会</div>
<main id="main">
<h1>第3回 緑化推進審議会 議事録</h1>
<table>
<tr><th>日時</th><td>令和5年10月12日（木曜日）午後2時～午後3時30分</td></tr>
<tr><th>場所</th><td>架空市役所 第2会議室</td></tr>
<tr><th>出席委員</th><td>山川会長、森田委員、林委員</td></tr>
</table>
<h2>議題</h2>
<ol><li>街路樹の更新計画について</li><li>その他</li></ol>
<h2>議事録</h2>
<p>○山川会長　ただいまから第3回緑化推進審議会を開会します。</p>
<p>○森田委員　街路樹の更新は<br>計画的に進めるべきです。</p>
</main>
<footer>Copyright 架空市 All Rights Reserved</footer>
</body></html>
"""


def _import(tmp_path: Path, name: str, data: bytes, *extra: str) -> tuple[int, str, str]:
    source = tmp_path / name
    source.write_bytes(data)
    out = tmp_path / "out.md"
    if out.exists():
        out.unlink()
    code = main(["import", str(source), "-o", str(out), "--minutes", str(tmp_path / "no-archive"), *extra])
    return code, out.read_text(encoding="utf-8") if out.exists() else "", ""


def _check_passes(draft_text: str, proposed: dict[str, dict[str, str]], tmp_path: Path, lang: str = "ja") -> list[str]:
    return check_errors(draft_text, proposed, tmp_path / "archive", lang=lang)


def test_html_page_gives_the_record_without_navigation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, meeting, _ = _import(tmp_path, "page.html", HTML_PAGE.encode("utf-8"))
    report = capsys.readouterr().err
    assert code == 0
    assert "date: 2023-10-12" in meeting and 'start: "14:00"' in meeting and 'end: "15:30"' in meeting
    assert "架空市役所 第2会議室" in meeting
    assert "label=○山川会長" in meeting and "label=○森田委員" in meeting
    assert "街路樹の更新は計画的に進めるべきです。" in meeting  # <br> inside a paragraph joined again
    for furniture in ("くらし・手続き", "架空市トップ", "Copyright", "2000", "trap"):
        assert furniture not in meeting
    assert "imported from html" in report


def _pdf(path: Path, pages: list[list[str]], running: str) -> None:
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("HeiseiMin-W3"))
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("HeiseiMin-W3", 9)
        pdf.drawString(60, 810, running)
        pdf.setFont("HeiseiMin-W3", 12)
        y = 760
        for line in lines:
            pdf.drawString(60, y, line)
            y -= 20
        pdf.drawString(290, 40, f"- {number} -")
        pdf.showPage()
    pdf.save()


def test_pdf_page_numbers_running_headers_and_wraps_are_mended(tmp_path: Path) -> None:
    path = tmp_path / "minutes.pdf"
    _pdf(
        path,
        [
            [
                "第2回 水道事業懇談会 議事録",
                "",
                "日時 令和6年2月5日(月) 10:00~11:30",
                "場所 架空市水道局 大会議室",
                "出席者 大川座長、小池委員、中島委員",
                "",
                "【大川座長】 それでは、ただいまから第2回水道事業懇談会を開会いたしま",
                "す。本日は料金体系の見直しについて御議論いただきます。事務局から資料の説明を",
                "お願いいたします。",
            ],
            [
                "【小池委員】 料金体系の見直しに当たっては、利用者への丁寧な説明が欠かせな",
                "いと考えます。",
                "【大川座長】 ありがとうございました。",
            ],
        ],
        running="水道事業懇談会(第2回)",
    )
    source = extract(path.read_bytes())
    assert source.kind == "pdf"
    assert "- 1 -" not in source.text and "水道事業懇談会(第2回)" not in source.text
    draft = parse_minutes(source.text, {})
    assert draft.date == dt.date(2024, 2, 5) and (draft.start, draft.end) == ("10:00", "11:30")
    assert [a.name for a in draft.attendees] == ["大川", "小池", "中島"]
    spoken = [(r.label, "".join(r.paragraphs)) for r in draft.remarks if r.kind == "spoken"]
    assert spoken[0] == (
        "【大川座長】",
        "それでは、ただいまから第2回水道事業懇談会を開会いたします。本日は料金体系の見直しについて"
        "御議論いただきます。事務局から資料の説明をお願いいたします。",
    )
    assert spoken[1] == ("【小池委員】", "料金体系の見直しに当たっては、利用者への丁寧な説明が欠かせないと考えます。")
    assert any("page number or running header" in n.message for n in source.notes)


@pytest.mark.parametrize("encoding, named", [("shift_jis", "Shift_JIS"), ("cp932", "Shift_JIS"), ("euc_jp", "EUC-JP")])
def test_other_encodings_are_named_and_read_when_asked(
    encoding: str, named: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (MINUTES_TEXT * 3).replace("～", "〜").encode(encoding)
    code, _, _ = _import(tmp_path, "sjis.txt", data)
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert f"not UTF-8 (looks like {named})" in err and "not look like minutes" not in err
    code, meeting, _ = _import(tmp_path, "sjis.txt", data, "--encoding", encoding)
    assert code == 0 and "date: 2023-10-12" in meeting


def test_utf16_with_and_without_bom(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, meeting, _ = _import(tmp_path, "u16.txt", MINUTES_TEXT.encode("utf-16"))
    assert code == 0 and "date: 2023-10-12" in meeting
    code, _, _ = _import(tmp_path, "u16le.txt", MINUTES_TEXT.encode("utf-16-le"))
    assert code == 2 and "looks like UTF-16" in capsys.readouterr().err
    code, meeting, _ = _import(tmp_path, "u16le.txt", MINUTES_TEXT.encode("utf-16-le"), "--encoding", "utf-16-le")
    assert code == 0 and "date: 2023-10-12" in meeting


def test_control_characters_are_stripped_and_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = MINUTES_TEXT.replace("ただいまから", "ただいま\x00から\x85").replace("場所：", "場所：\x1b")
    code, meeting, _ = _import(tmp_path, "ctrl.txt", text.encode("utf-8"))
    err = capsys.readouterr().err
    assert code == 0
    assert not any(ch in meeting for ch in "\x00\x85\x1b")
    assert "ctrl.txt:12: control character(s) U+0000, U+0085 removed" in err
    assert "ctrl.txt:4: control character(s) U+001B removed" in err


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "input is empty"),
        (b"  \n\n", "input is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 8, "binary"),
        (b"%PDF-1.4\n%broken", "cannot read the PDF"),
    ],
)
def test_bad_input_gets_one_line_and_exit_2(data: bytes, reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, meeting, _ = _import(tmp_path, "bad.txt", data)
    err = capsys.readouterr().err
    assert code == 2 and meeting == ""
    assert err.count("\n") == 1 and reason in err and "Traceback" not in err


def test_huge_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.import_module("gijiroku.importer.extract"), "MAX_BYTES", 1000)
    code, _, _ = _import(tmp_path, "huge.txt", MINUTES_TEXT.encode("utf-8") * 20)
    err = capsys.readouterr().err
    assert code == 2 and "too large" in err and err.count("\n") == 1


def test_missing_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(tmp_path / "nothing.txt")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.parametrize(
    "printed, day",
    [
        ("平成31年4月30日", dt.date(2019, 4, 30)),
        ("令和元年5月1日", dt.date(2019, 5, 1)),
        ("昭和64年1月7日", dt.date(1989, 1, 7)),
        ("平成元年1月8日", dt.date(1989, 1, 8)),
        ("令和三年六月二日", dt.date(2021, 6, 2)),
        ("令和７年（２０２５年）１月２４日", dt.date(2025, 1, 24)),
        ("H29.5.25", dt.date(2017, 5, 25)),
        ("2025/02/05", dt.date(2025, 2, 5)),
        ("大正15年12月24日", dt.date(1926, 12, 24)),
        ("June 24, 2003", dt.date(2003, 6, 24)),
    ],
)
def test_era_and_western_dates(printed: str, day: dt.date) -> None:
    assert parse_date(printed) == day


@pytest.mark.parametrize(
    "printed, reason",
    [
        ("令和元年4月1日", "令和 began on 2019-05-01"),
        ("平成31年5月1日", "平成 ended on 2019-04-30"),
        ("平成元年1月7日", "平成 began on 1989-01-08"),
        ("昭和64年1月8日", "昭和 ended on 1989-01-07"),
        ("平成5年2月30日", "not a calendar day"),
        ("明治5年3月1日", "lunisolar"),
    ],
)
def test_dates_that_never_existed_are_reported_not_converted(printed: str, reason: str) -> None:
    found = find_date(printed)
    assert found is not None and found.date is None and reason in found.problem


def test_impossible_meeting_date_is_reported_in_the_import() -> None:
    draft = parse_minutes(MINUTES_TEXT.replace("令和5年10月12日", "令和元年4月1日"), {})
    assert draft.date is None
    assert any("令和元年4月1日 does not exist" in n.message for n in draft.notes)


def test_readings_are_proposed_for_unknown_people(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert propose_reading("大城 美幸") == ("おおしろ みゆき", "Ooshiro Miyuki")
    code, _, _ = _import(tmp_path, "m.txt", MINUTES_TEXT.encode("utf-8"), "--report", "json")
    report = json.loads(capsys.readouterr().err)
    assert code == 0
    assert report["proposed_people"]["person-1"] == {
        "ja": "山川",
        "family": "山川",
        "reading": "やまかわ",
        "romanized": "Yamakawa",
        "proposed": True,
    }
    assert report["date"] == "2023-10-12" and report["agenda"] == ["街路樹の更新計画について", "その他"]
    assert all(isinstance(n["line"], int) for n in report["notes"])


def test_json_report_on_refusal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = _import(tmp_path, "empty.txt", b"", "--report", "json")
    assert code == 2 and json.loads(capsys.readouterr().err)["error"] == "input is empty"


ENGLISH = """Riverside Parks Committee
Minutes of the Regular Meeting

Date: June 24, 2003
Time: 2:30 p.m. - 4:15 p.m.
Location: City Hall, Room 204

Present: Chair Anna Lee, John Smith, Maria Garcia
Absent: Tom Brown
Staff: Karen White (Clerk)

Agenda:
1. Approval of the minutes
2. Trail maintenance budget

CHAIRMAN LEE. The meeting will come to order.
Mr. Smith: I move that the minutes be approved as circulated.
Ms. Garcia: Seconded.
The motion carried unanimously.
"""


def test_english_original_imports_as_english(tmp_path: Path) -> None:
    draft = parse_minutes(ENGLISH, {})
    assert draft.language == "en"
    assert (draft.date, draft.start, draft.end, draft.venue) == (dt.date(2003, 6, 24), "14:30", "16:15", "City Hall, Room 204")
    assert [(a.name, a.group, a.absent) for a in draft.attendees] == [
        ("Anna Lee", "chair", False),
        ("John Smith", "member", False),
        ("Maria Garcia", "member", False),
        ("Tom Brown", "member", True),
        ("Karen White", "secretariat", False),
    ]
    assert [item.title for item in draft.agenda] == ["Approval of the minutes", "Trail maintenance budget"]
    by_person = {a.person: a.name for a in draft.attendees}
    spoken = [(r.label, by_person.get(r.speaker or "")) for r in draft.remarks if r.kind == "spoken"]
    assert spoken == [("CHAIRMAN LEE.", "Anna Lee"), ("Mr. Smith:", "John Smith"), ("Ms. Garcia:", "Maria Garcia")]
    assert draft.remarks[-1].kind == "narration"
    meeting = write_meeting(draft, {})
    assert meeting.startswith("---\nlanguage: en\n")
    assert _check_passes(meeting, draft.proposed_people, tmp_path, lang="en") == []


def test_importer_package_passes_mypy_strict() -> None:
    api = pytest.importorskip("mypy.api")
    from conftest import ROOT

    out, err, status = api.run(["--strict", "--no-incremental", str(ROOT / "hooks" / "gijiroku" / "importer")])
    assert status == 0, out + err


def test_every_line_is_placed_or_reported() -> None:
    """The safety net: a line whose text is in neither the meeting file nor a note is named."""
    from gijiroku.importer.draft import Note
    from gijiroku.importer.report import unplaced_lines

    text = "日時：令和5年10月12日\n○山川会長　開会します。\nこの行は会議ファイルにない文です。\n"
    meeting = "---\ndate: 2023-10-12\n---\n::: remark id=a kind=spoken speaker=x label=○山川会長\n開会します。\n"
    found = unplaced_lines(text, meeting, [])
    assert [(n.line, n.message.split(": ", 1)[0]) for n in found] == [(3, "line not placed in the meeting file")]
    assert unplaced_lines(text, meeting, [Note(3, "reported already")]) == []


def test_corpus_like_layouts_leave_no_line_unaccounted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, meeting, _ = _import(tmp_path, "m.txt", MINUTES_TEXT.encode("utf-8"))
    err = capsys.readouterr().err
    assert code == 0 and "not placed" not in err


def test_html_pre_block_keeps_its_lines(tmp_path: Path) -> None:
    page = "<html><body><div id='menu'>メニュー</div><pre>\n" + MINUTES_TEXT.replace("<", "&lt;") + "</pre></body></html>"
    code, meeting, _ = _import(tmp_path, "pre.html", page.encode("utf-8"))
    assert code == 0 and "date: 2023-10-12" in meeting and "label=○森田委員" in meeting and "メニュー" not in meeting


def test_ascii_utf16_without_bom_is_named_not_stripped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = _import(tmp_path, "en16.txt", ENGLISH.encode("utf-16-le"))
    assert code == 2 and "not UTF-8 (looks like UTF-16-LE)" in capsys.readouterr().err
    code, meeting, _ = _import(tmp_path, "en16.txt", ENGLISH.encode("utf-16-le"), "--encoding", "utf-16-le")
    assert code == 0 and "language: en" in meeting


def test_values_are_cut_as_printed_even_after_characters_nfkc_lengthens() -> None:
    draft = parse_minutes(
        "第1回 会議 議事録\n場所：架空会館…２階①会議室\n日時：令和5年6月1日（木）10:00～11:00\n"
        "出席者\n（委員）\n山田委員長、佐藤委員\n議事録\n○山田委員長　①について…説明します。\n",
        {},
    )
    assert draft.venue == "架空会館…２階①会議室"
    assert [(r.label, r.paragraphs) for r in draft.remarks] == [("○山田委員長", ["①について…説明します。"])]


@pytest.mark.parametrize(
    "title, printed, day",
    [
        ("令和5年度 第3回 架空協議会 会議録", "2月18日（日）午後1時30分～午後3時", dt.date(2024, 2, 18)),
        ("令和5年度 第1回 架空協議会 会議録", "5月27日（土）10:00～12:00", dt.date(2023, 5, 27)),
        ("2023年 第2回 架空協議会 会議録", "11月7日（火）18:30～20:00", dt.date(2023, 11, 7)),
    ],
)
def test_month_and_day_take_the_year_printed_above(title: str, printed: str, day: dt.date) -> None:
    draft = parse_minutes(f"{title}\n開催日：{printed}\n場所：架空会館\n", {})
    assert draft.date == day and draft.start is not None
    assert any("was taken from the text above" in n.message for n in draft.notes)


def test_text_cannot_become_a_directive(tmp_path: Path) -> None:
    draft = parse_minutes(
        MINUTES_TEXT.replace("計画的に進めるべきです。", "計画的に進めるべきです。\n\n::: remark id=x kind=spoken"), {}
    )
    meeting = write_meeting(draft, {})
    assert "\n::: remark id=x" not in meeting and "：：： remark id=x" in meeting
    assert any("full-width colons" in n.message for n in draft.notes)
    assert _check_passes(meeting, draft.proposed_people, tmp_path) == []


DL_PAGE = """<html><head><title>審議会</title></head><body>
<div id="header"><p>架空市公式サイト 文字サイズ 拡大 標準</p></div>
<div id="side"><ul><li>市政情報</li><li>審議会一覧</li></ul></div>
<div id="contents">
<p class="update">更新日：2024年6月3日</p>
<h1>令和6年度第1回架空市環境審議会 会議録</h1>
<dl>
<dt>開催日時</dt><dd>令和6年5月20日（月曜日）午後2時から午後3時30分まで</dd>
<dt>開催場所</dt><dd>架空市役所本庁舎3階 301会議室</dd>
<dt>出席者</dt><dd>委員：山田太郎（会長）、佐藤花子、鈴木一郎<br>事務局：環境部長 高橋次郎、環境政策課長 伊藤三郎</dd>
<dt>欠席者</dt><dd>小林五郎委員</dd>
<dt>議題</dt><dd>(1) 環境基本計画の改定について<br>(2) その他</dd>
</dl>
<h2>会議の経過</h2>
<p>山田会長：ただいまから会議を開きます。</p>
<p>伊藤課長：資料1について説明します。</p>
<p>佐藤委員：質問があります。</p>
</div>
<div id="footer"><p>このページの先頭へ</p><p>Copyright 架空市</p></div>
</body></html>
"""


def test_html_definition_list_header_side_menu_and_footer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, meeting, _ = _import(tmp_path, "dl.html", DL_PAGE.encode("utf-8"), "--report", "json")
    report = json.loads(capsys.readouterr().err)
    assert code == 0 and report["kind"] == "html"
    assert (report["date"], report["start"], report["end"]) == ("2024-05-20", "14:00", "15:30")
    assert report["venue"] == "架空市役所本庁舎3階 301会議室"
    assert [e["ja"] for e in report["proposed_people"].values()] == [
        "山田太郎",
        "佐藤花子",
        "鈴木一郎",
        "高橋次郎",
        "伊藤三郎",
        "小林五郎",
    ]
    assert report["agenda"] == ["環境基本計画の改定について", "その他"]
    assert "absent: true" in meeting and "label=伊藤課長：" in meeting
    for furniture in ("文字サイズ", "市政情報", "ページの先頭へ", "Copyright"):
        assert furniture not in meeting


TABLE_PAGE = """<html><body><main>
<h1>第2回 架空審議会 会議録</h1>
<table><tr><th>日時</th><td>令和6年7月1日（月）10時～12時</td></tr>
<tr><th>場所</th><td>架空会館 大会議室</td></tr></table>
<h2>出席者</h2>
<table><tr><th>区分</th><th>氏名</th><th>所属</th></tr>
<tr><td>会長</td><td>山田 太郎</td><td>架空大学</td></tr>
<tr><td>委員</td><td>佐藤 花子</td><td>架空銀行</td></tr>
<tr><td>委員</td><td>鈴木 一郎</td><td>架空商工会議所</td></tr></table>
<h2>議事録</h2><p>○山田会長　開会します。ここに十分な長さの文章を置いておきます。開会します。開会します。開会します。開会します。開会します。</p>
</main></body></html>
"""


def test_html_table_rows_keep_their_cells_together() -> None:
    source = extract(TABLE_PAGE.encode("utf-8"))
    assert "| 委員 | 佐藤 花子 | 架空銀行 |" in source.text and "\x1f" not in source.text
    draft = parse_minutes(source.text, {})
    assert (draft.date, draft.start, draft.end, draft.venue) == (dt.date(2024, 7, 1), "10:00", "12:00", "架空会館 大会議室")
    assert [(a.name, a.label, a.affiliation) for a in draft.attendees] == [
        ("山田 太郎", "会長", "架空大学"),
        ("佐藤 花子", "委員", "架空銀行"),
        ("鈴木 一郎", "委員", "架空商工会議所"),
    ]
