"""A small archive whose every author-controlled text carries one value, for trust tests.

`write_archive(dest, value)` writes minutes/ where the value stands in meeting titles,
venues, agenda and material texts, roles, affiliations, remark labels and text,
people's names, romanisations and aliases, topic labels, council names, translation
provenance: every field a reader sees. Built once with a benign value and once with
a hostile one, the two sites must have the same elements and attributes.
"""

from __future__ import annotations

import json
from pathlib import Path

from gijiroku.model import fingerprint

BENIGN = "plain words"

PAYLOADS = [
    # Markdown that would make links, images, attribute lists and emphasis.
    "[x](javascript:alert(1)) ![i](https://evil.example/p.png) {#meeting .gj-x onclick=alert(1)} **b** `c`",
    # HTML the checker would reject, written as entities, and quotes that would end attributes.
    "&lt;svg onload=alert(1)&gt; &#60;img src=x onerror=alert(1)&#62; \" ' \"> b x=\" < b",
    # Markdown block syntax, table pipes, directives and YAML-ish text.
    "| a | b | # h ::: remark --- * - 1. > q \\ {{ x }} {% y %} ${z}",
    # A closing tag and script text that never form a tag.
    "＜script＞alert(1)＜/script＞ ]]> javascript:alert(1) data:text/html,x",
]


def _q(text: str) -> str:
    """A YAML double-quoted string (JSON is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def write_archive(dest: Path, value: str) -> Path:
    """A valid minutes tree under `dest` with `value` in every text field; returns it."""
    minutes = dest / "minutes"
    council = minutes / "test-council"
    council.mkdir(parents=True, exist_ok=True)
    v = value.strip()  # as the checker reads every value
    (minutes / "people.yml").write_text(
        f"yamada-taro:\n  name: {{ja: {_q('山田 ' + v)}, en: {_q('Taro ' + v)}}}\n"
        f"  reading: やまだ たろう\n  romanized: {_q('Yamada ' + v)}\n  aliases: [{_q('山田 ' + v)}]\n"
        f"suzuki-hanako:\n  name: {{ja: {_q('鈴木 ' + v)}, en: {_q('Hanako ' + v)}}}\n"
        f"  reading: すずき はなこ\n  romanized: {_q('Suzuki ' + v)}\n",
        encoding="utf-8")
    (minutes / "topics.yml").write_text(
        f"budget:\n  label: {{ja: {_q('予算 ' + v)}, en: {_q('Budget ' + v)}}}\n  reading: よさん\n"
        f"data:\n  label: {{ja: {_q('データ ' + v)}, en: {_q('Data ' + v)}}}\n",
        encoding="utf-8")
    (council / "series.yml").write_text(
        f"name: {{ja: {_q('試験会議 ' + v)}, en: {_q('Test Council ' + v)}}}\n"
        f"organiser: {{ja: {_q('試験省 ' + v)}, en: {_q('Ministry ' + v)}}}\n",
        encoding="utf-8")
    texts = {
        "yamada-1": ("開会する。" + v, "The meeting opens. " + v),
        "suzuki-1": ("予算について説明した。" + v, "The budget was explained. " + v),
        "opinion-1": ("データが重要である。" + v, "Data matters. " + v),
        "narration-1": ("事務局から説明があった。" + v, "The secretariat explained. " + v),
    }
    (council / "2024-01-15.ja.md").write_text(
        "---\nlanguage: ja\n"
        f"title: {_q('第1回 試験会議 ' + v)}\nrecord: summary\ndate: 2024-01-15\nstart: \"10:00\"\nend: \"11:00\"\n"
        f"venue: {_q('第1会議室 ' + v)}\n"
        "attendees:\n"
        f"  - {{group: chair, person: yamada-taro, role: {_q('座長 ' + v)}, affiliation: {_q('試験大学 ' + v)}}}\n"
        f"  - {{group: government, person: suzuki-hanako, role: {_q('大臣 ' + v)}}}\n"
        f"agenda:\n  - {{id: budget-plan, title: {_q('予算計画 ' + v)}, topics: [budget]}}\n"
        f"materials:\n  - {{id: shiryo-1, label: {_q('資料1 ' + v)}, title: {_q('予算案 ' + v)}}}\n"
        "---\n\n::: opening\n\n"
        f"::: remark id=yamada-1 kind=spoken speaker=yamada-taro label={_q('【山田座長】' + v)}\n{texts['yamada-1'][0]}\n\n"
        "::: item budget-plan\n\n"
        f"::: remark id=suzuki-1 kind=spoken speaker=suzuki-hanako topics=budget\n{texts['suzuki-1'][0]}\n\n"
        f"::: remark id=opinion-1 kind=unattributed topics=data\n{texts['opinion-1'][0]}\n\n"
        f"::: remark id=narration-1 kind=narration\n{texts['narration-1'][0]}\n",
        encoding="utf-8")

    def source(rid: str) -> str:
        return fingerprint((texts[rid][0],))

    (council / "2024-01-15.en.md").write_text(
        "---\nlanguage: en\ntranslation:\n  status: unofficial\n  method: human\n"
        f"  by: {_q('Translators ' + v)}\n  reviewed: false\n  note: {_q('Note ' + v)}\n"
        f"title: {_q('1st Meeting ' + v)}\nvenue: {_q('Room 1 ' + v)}\n"
        f"attendees:\n  yamada-taro: {{role: {_q('Chair ' + v)}, affiliation: {_q('Test University ' + v)}}}\n"
        f"  suzuki-hanako: {{role: {_q('Minister ' + v)}}}\n"
        f"agenda:\n  budget-plan: {_q('Budget plan ' + v)}\n"
        f"materials:\n  shiryo-1: {{label: {_q('Material 1 ' + v)}, title: {_q('Draft budget ' + v)}}}\n"
        "---\n\n::: opening\n\n"
        f"::: remark id=yamada-1 kind=spoken speaker=yamada-taro source={source('yamada-1')} label={_q('[Chair] ' + v)}\n"
        f"{texts['yamada-1'][1]}\n\n"
        "::: item budget-plan\n\n"
        f"::: remark id=suzuki-1 kind=spoken speaker=suzuki-hanako source={source('suzuki-1')}\n{texts['suzuki-1'][1]}\n\n"
        f"::: remark id=opinion-1 kind=unattributed source={source('opinion-1')}\n{texts['opinion-1'][1]}\n\n"
        f"::: remark id=narration-1 kind=narration source={source('narration-1')}\n{texts['narration-1'][1]}\n",
        encoding="utf-8")
    return minutes
