"""A small archive whose every author-controlled text carries one value, for trust tests.

`write_archive(dest, value)` writes minutes/ where the value stands in meeting titles,
venues, agenda and material texts, roles, affiliations, remark labels and text,
people's names, romanisations and aliases, topic labels, council names, translation
provenance: every field a reader sees. Built once with a benign value and once with
a hostile one, the two sites must have the same elements and attributes.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

from gijiroku.model import fingerprint

BENIGN = "plain words"

PAYLOADS = [
    # Markdown that would make links, images, attribute lists and emphasis.
    "[x](javascript:alert(1)) ![i](https://evil.example/p.png) {#meeting .gj-x onclick=alert(1)} **b** `c`",
    # HTML the checker would reject, written as entities, and quotes that would end attributes.
    '&lt;svg onload=alert(1)&gt; &#60;img src=x onerror=alert(1)&#62; " \' "> b x=" < b',
    # Markdown block syntax, table pipes, directives and YAML-ish text.
    "| a | b | # h ::: remark --- * - 1. > q \\ {{ x }} {% y %} ${z}",
    # A closing tag and script text that never form a tag.
    "＜script＞alert(1)＜/script＞ ]]> javascript:alert(1) data:text/html,x",
]


PIECES = [
    "<",
    ">",
    "&",
    '"',
    "'",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "#",
    "*",
    "_",
    "`",
    "!",
    "|",
    "\\",
    ":",
    "=",
    " ",
    "\n",
    "\x00",
    "\x02",
    "\x1b",
    "\x85",
    "\u2028",
    "\u202e",
    "\u2066",
    "\ufffe",
    "javascript:alert(1)",
    "https://evil.example/p.png",
    "{#meeting}",
    "{: onclick=alert(1)}",
    "<svg/onload=alert(1)>",
    "<img src=x onerror=alert(1)//",
    "</script>",
    "<!--",
    "]]>",
    "&lt;",
    "&#x3c;",
    ":::",
    "---",
    "{{",
    "{%",
    "会議",
    "Taro",
    "1.",
    "- ",
    "> ",
    "    ",
]
"""Pieces hostile text is made of: Markdown, HTML, template and YAML syntax, controls."""


def generated_values(seed: int) -> Callable[[int], str]:
    """A different hostile value for every field, made of PIECES at random (repeatably),
    each one the checker accepts without a word: what reaches readers if anything does."""
    from gijiroku.textrules import text_problems

    rng = random.Random(seed)
    values: dict[int, str] = {}

    def value(field: int) -> str:
        while field not in values:
            text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 10))).strip()
            if text and not text_problems(text, single_line=True):
                values[field] = text
        return values[field]

    return value


def _q(text: str) -> str:
    """A YAML double-quoted string (JSON is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def write_archive(dest: Path, value: str | Callable[[int], str]) -> Path:
    """A valid minutes tree under `dest` with `value` in every text field (or, given a
    function, `value(n)` in the n-th field); returns it."""
    minutes = dest / "minutes"
    council = minutes / "test-council"
    council.mkdir(parents=True, exist_ok=True)

    def val(field: int) -> str:
        text = value(field) if callable(value) else value
        return text.strip()  # as the checker reads every value

    (minutes / "people.yml").write_text(
        f"yamada-taro:\n  name: {{ja: {_q('山田 ' + val(1))}, en: {_q('Taro ' + val(2))}}}\n"
        f"  reading: やまだ たろう\n  romanized: {_q('Yamada ' + val(3))}\n  aliases: [{_q('山田 ' + val(4))}]\n"
        f"suzuki-hanako:\n  name: {{ja: {_q('鈴木 ' + val(5))}, en: {_q('Hanako ' + val(6))}}}\n"
        f"  reading: すずき はなこ\n  romanized: {_q('Suzuki ' + val(7))}\n",
        encoding="utf-8",
    )
    (minutes / "topics.yml").write_text(
        f"budget:\n  label: {{ja: {_q('予算 ' + val(8))}, en: {_q('Budget ' + val(9))}}}\n  reading: よさん\n"
        f"data:\n  label: {{ja: {_q('データ ' + val(10))}, en: {_q('Data ' + val(11))}}}\n",
        encoding="utf-8",
    )
    (council / "series.yml").write_text(
        f"name: {{ja: {_q('試験会議 ' + val(12))}, en: {_q('Test Council ' + val(13))}}}\n"
        f"organiser: {{ja: {_q('試験省 ' + val(14))}, en: {_q('Ministry ' + val(15))}}}\n",
        encoding="utf-8",
    )
    texts = {
        "yamada-1": ("開会する。" + val(16), "The meeting opens. " + val(17)),
        "suzuki-1": ("予算について説明した。" + val(18), "The budget was explained. " + val(19)),
        "opinion-1": ("データが重要である。" + val(20), "Data matters. " + val(21)),
        "narration-1": ("事務局から説明があった。" + val(22), "The secretariat explained. " + val(23)),
    }
    (council / "2024-01-15.ja.md").write_text(
        "---\nlanguage: ja\n"
        f'title: {_q("第1回 試験会議 " + val(24))}\nrecord: summary\ndate: 2024-01-15\nstart: "10:00"\nend: "11:00"\n'
        f"venue: {_q('第1会議室 ' + val(25))}\n"
        "attendees:\n"
        f"  - {{group: chair, person: yamada-taro, role: {_q('座長 ' + val(26))}, affiliation: {_q('試験大学 ' + val(27))}}}\n"
        f"  - {{group: government, person: suzuki-hanako, role: {_q('大臣 ' + val(28))}}}\n"
        f"agenda:\n  - {{id: budget-plan, title: {_q('予算計画 ' + val(29))}, topics: [budget]}}\n"
        f"materials:\n  - {{id: shiryo-1, label: {_q('資料1 ' + val(30))}, title: {_q('予算案 ' + val(31))}}}\n"
        "---\n\n::: opening\n\n"
        f"::: remark id=yamada-1 kind=spoken speaker=yamada-taro label={_q('【山田座長】' + val(32))}\n{texts['yamada-1'][0]}\n\n"
        "::: item budget-plan\n\n"
        f"::: remark id=suzuki-1 kind=spoken speaker=suzuki-hanako topics=budget\n{texts['suzuki-1'][0]}\n\n"
        f"::: remark id=opinion-1 kind=unattributed topics=data\n{texts['opinion-1'][0]}\n\n"
        f"::: remark id=narration-1 kind=narration\n{texts['narration-1'][0]}\n",
        encoding="utf-8",
    )

    def source(rid: str) -> str:
        return fingerprint((texts[rid][0],))

    (council / "2024-01-15.en.md").write_text(
        "---\nlanguage: en\ntranslation:\n  status: unofficial\n  method: human\n"
        f"  by: {_q('Translators ' + val(33))}\n  reviewed: false\n  note: {_q('Note ' + val(34))}\n"
        f"title: {_q('1st Meeting ' + val(35))}\nvenue: {_q('Room 1 ' + val(36))}\n"
        f"attendees:\n  yamada-taro: {{role: {_q('Chair ' + val(37))}, affiliation: {_q('Test University ' + val(38))}}}\n"
        f"  suzuki-hanako: {{role: {_q('Minister ' + val(39))}}}\n"
        f"agenda:\n  budget-plan: {_q('Budget plan ' + val(40))}\n"
        f"materials:\n  shiryo-1: {{label: {_q('Material 1 ' + val(41))}, title: {_q('Draft budget ' + val(42))}}}\n"
        "---\n\n::: opening\n\n"
        f"::: remark id=yamada-1 kind=spoken speaker=yamada-taro source={source('yamada-1')} label={_q('[Chair] ' + val(43))}\n"
        f"{texts['yamada-1'][1]}\n\n"
        "::: item budget-plan\n\n"
        f"::: remark id=suzuki-1 kind=spoken speaker=suzuki-hanako source={source('suzuki-1')}\n{texts['suzuki-1'][1]}\n\n"
        f"::: remark id=opinion-1 kind=unattributed source={source('opinion-1')}\n{texts['opinion-1'][1]}\n\n"
        f"::: remark id=narration-1 kind=narration source={source('narration-1')}\n{texts['narration-1'][1]}\n",
        encoding="utf-8",
    )
    return minutes
