"""The importer against text made up by Hypothesis from the pieces minutes are made of
(labels, marks, names, posts, dates, brackets, seat numbers, rules, spacing of every
kind): whatever the arrangement, `gijiroku import` either writes a meeting file or refuses
the input with one line, never a traceback; the file holds every character of the input's
text (nothing a reader would see is lost); and `gijiroku check` reads the file without
crashing (it may well report errors: the point is that it can say so)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gijiroku.importer import NotMinutes, parse_minutes
from gijiroku.importer.accounting import account, write_complete
from importcheck import check_errors

PIECES = [
    # header labels and values
    "日時",
    "日 時",
    "開催日時：",
    "場所",
    "開催場所",
    "出席者",
    "出席委員",
    "欠席者",
    "【委員】",
    "（事務局）",
    "議題",
    "議事次第",
    "議事録",
    "議事要旨",
    "会議録",
    "配付資料",
    "資料1",
    "令和5年10月12日（木）",
    "平成元年4月1日",
    "午前10時00分",
    "14:00～15:30",
    "第3回",
    "１．",
    "(1)",
    "①",
    "日程第1",
    "本日の会議に付した事件",
    "開会",
    "<開会>",
    "閉会",
    "散会",
    "午後3時散会",
    # people and posts
    "山田太郎",
    "山田 太郎",
    "佐藤 花子",
    "田 中 一 郎",
    "委員長",
    "副委員長",
    "委員",
    "議長",
    "事務局長",
    "総務課長",
    "君",
    "さん",
    "1番",
    "12番",
    "（出席）",
    "（欠席）",
    "（代理）",
    "同",
    "他",
    "各委員",
    "◎",
    "○",
    "〇",
    "●",
    "◆",
    "・",
    "※",
    # turns and prose
    "○委員長（山田太郎君）",
    "【佐藤委員】",
    "山田委員：",
    "議長(佐藤花子君)",
    "（「異議なし」と呼ぶ者あり）",
    "（拍手）",
    "それでは開会いたします。",
    "意見が出された。",
    "以上",
    "Ｑ",
    "Ａ",
    # English
    "Present:",
    "Absent:",
    "Chair",
    "Councilmember",
    "Mayor Smith",
    "called the meeting to order at 7:00 p.m.",
    "1. Call to Order",
    "MR. SMITH.",
    "Apologies",
    "Minutes",
    # layout
    "│",
    "|",
    "――――――――",
    "─────",
    "-----",
    "\u3000",
    "  ",
    "      ",
    "\t",
    "#2",
    "(",
    ")",
    "（",
    "）",
    "、",
    "。",
    ":",
    "：",
]
LINE = st.lists(
    st.sampled_from(PIECES) | st.text(alphabet="委員議長山田太郎佐藤花子一二三年月日時分 　、。()（）:：0123456789", max_size=8),
    min_size=0,
    max_size=12,
).map(lambda parts: "".join(parts))
BODY = st.lists(LINE, min_size=1, max_size=40).map("\n".join)
# Half the records open as minutes do, so that most of them are read rather than refused.
HEAD = st.sampled_from(
    [
        "第3回 ○○委員会 議事録\n日時：令和5年10月12日（木）10:00～12:00\n",
        "Board Meeting Minutes\nDate: October 12, 2023\nPresent:\n",
        "",
    ]
)
RECORD = st.tuples(HEAD, BODY).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(RECORD)
def test_any_arrangement_imports_whole_or_is_refused(text: str) -> None:
    try:
        draft = parse_minutes(text, {})
    except NotMinutes:
        return
    meeting = write_complete(draft, {}, text, draft.notes)
    accounted = account(text, meeting, draft.notes)
    assert accounted.accounted == accounted.total, (accounted.lost, accounted.partial)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=RECORD)
def test_the_file_written_is_read_by_check(text: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    try:
        draft = parse_minutes(text, {})
    except NotMinutes:
        return
    folder = tmp_path_factory.mktemp("archive")
    meeting = write_complete(draft, {}, text, draft.notes)
    errors = check_errors(meeting, draft.proposed_people, folder, lang=draft.language)
    assert all(isinstance(error, str) and error for error in errors)
