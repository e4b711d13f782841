"""The vocabulary of roles and titles printed with names, and splitting a printed
person (北山委員長, 吉田高等教育局長, 佐藤(勝)委員) into name and role.

Tables, not ad-hoc patterns: each word is listed once, and matching always takes the
longest word first (委員長代理 before 委員長 before 委員).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..textrules import HAN, KANA
from .textutil import squash

# Printed group word -> the format's attendee group. These words, standing before a
# name or as a list heading, say which group a person is listed in.
GROUP_WORDS: dict[str, str] = {
    **dict.fromkeys(
        (
            "座長",
            "委員長",
            "議長",
            "会長",
            "部会長",
            "分科会長",
            "本部長",
            "理事長",
            "主査",
            "総長",
            "学長",
            "議長役",
            "部会長役",
        ),
        "chair",
    ),
    **dict.fromkeys(
        (
            "副座長",
            "座長代理",
            "委員長代理",
            "副委員長",
            "副議長",
            "副会長",
            "会長代理",
            "副本部長",
            "副部会長",
            "部会長代理",
            "副理事長",
            "副主査",
            "分科会長代理",
        ),
        "vice-chair",
    ),
    **dict.fromkeys(
        (
            "構成員",
            "委員",
            "議員",
            "有識者",
            "専門委員",
            "臨時委員",
            "特別委員",
            "有識者構成員",
            "有識者議員",
            "本部員",
            "理事",
            "監事",
            "幹事",
            "評議員",
            "会員",
            "常任委員",
            "委員外議員",
            "参与",
            "顧問",
            "外部委員",
            "学識経験者",
            "委員等",
        ),
        "member",
    ),
    **dict.fromkeys(
        (
            "政府側参加者",
            "政府側出席者",
            "政府",
            "関係府省",
            "関係省庁",
            "関係府省庁",
            "出席大臣等",
            "大臣等",
            "国務大臣",
            "理事者",
            "理事者側",
            "説明員",
            "説明のため出席した者",
            "当局",
            "執行部",
            "市当局",
            "執行者",
            "執行機関",
            "出席説明員",
            "説明者側",
            "出席を求めた者",
            "出席した者",
        ),
        "government",
    ),
    **dict.fromkeys(
        (
            "事務局",
            "職員",
            "議会事務局",
            "事務局職員",
            "書記",
            "事務局員",
            "職務のため出席した者",
            "事務に従事した事務局員",
            "事務に従事した職員",
            "事務に従事した者",
            "会議に従事した職員",
            "議事に従事した職員",
            "職務のため出席した事務局職員",
            "書記",
            "会議の書記",
            "出席事務局職員",
            "事務局出席職員",
            "事務局出席職員氏名",
            "出席した事務局職員",
            "事務局側",
        ),
        "secretariat",
    ),
    **dict.fromkeys(("オブザーバー", "陪席", "陪席者", "傍聴者"), "observer"),
    **dict.fromkeys(("説明者", "参考人", "ゲスト", "関係者", "招へい者", "招聘者", "発表者", "講師"), "guest"),
    **dict.fromkeys(("出席者", "出席", "参加者", "その他"), "other"),
}
GENERIC_GROUPS = frozenset(("出席者", "出席", "参加者"))
"""Labels that say only that people attended: a person's own role word is more specific."""

# Roles and titles printed after a name (北山委員長, 坂田参事官, 大江教授), longest first
# when matching. Titles of organisations' posts end in one of TITLE_ENDINGS too.
ROLE_WORDS: tuple[str, ...] = tuple(
    sorted(
        {
            *GROUP_WORDS,
            "委員長代理",
            "委員長職務代理者",
            "会長職務代理者",
            "部会長代理",
            "座長代理",
            "大臣",
            "副大臣",
            "大臣政務官",
            "政務官",
            "政務次官",
            "事務次官",
            "補佐官",
            "長官",
            "次長",
            "審議官",
            "参事官",
            "総括審議官",
            "統括官",
            "政策統括官",
            "局長",
            "部長",
            "課長",
            "室長",
            "所長",
            "館長",
            "院長",
            "校長",
            "園長",
            "署長",
            "班長",
            "係長",
            "主任",
            "主幹",
            "主事",
            "主査",
            "参事",
            "企画官",
            "調整官",
            "専門官",
            "専門員",
            "調査官",
            "書記",
            "書記長",
            "事務局長",
            "事務局次長",
            "事務総長",
            "事務次長",
            "議会事務局長",
            "副知事",
            "知事",
            "副市長",
            "市長",
            "副町長",
            "町長",
            "副村長",
            "村長",
            "区長",
            "教育長",
            "総長",
            "学長",
            "副学長",
            "理事長",
            "副理事長",
            "理事",
            "監事",
            "教授",
            "准教授",
            "助教授",
            "名誉教授",
            "特任教授",
            "客員教授",
            "講師",
            "助教",
            "研究員",
            "主任研究員",
            "弁護士",
            "公認会計士",
            "税理士",
            "医師",
            "社長",
            "副社長",
            "会長",
            "副会長",
            "代表",
            "代表理事",
            "代表取締役",
            "取締役",
            "専務理事",
            "常務理事",
            "顧問",
            "相談役",
            "委員長",
            "副委員長",
            "議長",
            "副議長",
            "委員",
            "議員",
            "幹事",
            "幹事長",
            "部会長",
            "副部会長",
            "担当書記",
            "担当係長",
            "担当課長",
            "担当部長",
            "国務大臣",
            "内閣総理大臣",
            "総理大臣",
            "総理",
            "官房長官",
            "副長官",
            "室員",
            "課員",
            "係員",
            "技監",
            "首席",
            "主席",
            "会計管理者",
            "管理者",
            "担当",
            "君",
            "さん",
            "氏",
            "様",
            "殿",
            "先生",
            "管理官",
            "分析官",
            "対策官",
            "推進官",
            "補佐",
            "課長補佐",
            "室長補佐",
            "局次長",
            "部次長",
            "課長代理",
            "官房長",
            "大臣官房長",
            "秘書課長",
            "消防長",
            "消防署長",
            "会計課長",
            "心得",
            "局長心得",
            "課長心得",
            "部長心得",
            "次長補佐",
            "技師",
            "司書",
            "主事補",
            "技師補",
            "指導主事",
            "社会教育主事",
            *(
                grade + post
                for grade in ("副", "主任", "総括", "統括", "上席", "首席", "主席", "専任", "担当")
                for post in (
                    "主幹",
                    "主査",
                    "主事",
                    "参事",
                    "技師",
                    "司書",
                    "課長",
                    "部長",
                    "所長",
                    "館長",
                    "室長",
                    "局長",
                    "係長",
                    "指導主事",
                    "専門員",
                    "研究員",
                )
            ),
        },
        key=len,
        reverse=True,
    )
)
"""A grade printed before a post is part of it (嶋田副主幹, 杉浦主任主事, 高見総括主査): matched
as one word, the grade is never left on the surname."""
HONORIFICS = ("君", "さん", "氏", "様", "殿", "先生")
# The last character of most post titles (企画官, 戦略室長, 学術研究調整官, 担当書記).
TITLE_ENDINGS = tuple("長官員事授師士者幹査記監役問与佐席表任")
# Characters that end the name of an organisation or one of its units.
ORG_ENDINGS = tuple("課局部室省庁府所院会団館校係班区市町村県都道協機構庁学科署")
ORG_WORDS = (
    "大学",
    "株式会社",
    "研究所",
    "研究センター",
    "センター",
    "省",
    "庁",
    "協会",
    "法人",
    "事務所",
    "機構",
    "財団",
    "銀行",
    "会社",
    "連合会",
    "研究科",
    "学部",
    "病院",
    "新聞",
    "放送",
    "協議会",
    "委員会",
    "審議会",
    "組合",
    "議会",
    "学会",
    "社団",
    "県",
    "市役所",
    "役場",
)

# Words that begin the name of an office's unit (総務班長, 企画課長): a tail starting with
# one is a post, not a given name.
UNIT_WORDS = (
    "総務",
    "企画",
    "広報",
    "教学",
    "会計",
    "庶務",
    "財務",
    "人事",
    "経理",
    "政策",
    "調整",
    "管理",
    "業務",
    "事業",
    "営業",
    "総括",
    "議事",
    "調査",
    "秘書",
    "学務",
    "教務",
    "施設",
    "情報",
    "国際",
    "研究",
    "地域",
    "担当",
    "技術",
    "経営",
    "計画",
    "推進",
    "振興",
    "審査",
    "監査",
    "法務",
    "文書",
    "統計",
    "予算",
    "市民",
    "福祉",
    "教育",
)
OFFICE_PREFIXES = (
    "内閣",
    "法務",
    "外務",
    "財務",
    "総務",
    "文部科学",
    "厚生労働",
    "農林水産",
    "経済産業",
    "国土交通",
    "環境",
    "防衛",
    "復興",
    "官房",
    "事務局",
    "事務総",
    "大臣",
    "副大臣",
    "政務",
    "知事",
    "副知事",
    "市長",
    "副市長",
    "町長",
    "村長",
    "教育長",
    "議長",
    "副議長",
    "委員長",
    "最高裁",
    "警察",
    "消防",
    "公安",
    "会計",
)
"""Words an office's or post's name begins with: in 陣内孝雄法務大臣 the name ends before 法務."""
UNIT_POSTS = frozenset(
    (
        "局長",
        "課長",
        "部長",
        "室長",
        "係長",
        "班長",
        "所長",
        "次長",
        "局次長",
        "部次長",
        "課長補佐",
        "室長補佐",
        "管理官",
        "企画官",
        "調整官",
        "分析官",
        "対策官",
        "推進官",
        "専門官",
        "調査官",
        "課員",
        "係員",
        "室員",
    )
)
"""Posts of an office's unit: a word printed between a surname and one of these is the unit
(保険局長, 医療課長), not a given name."""
GIVEN_ENDINGS = "彦郎夫雄男子美也哉樹介助江枝代恵"
"""Characters that end given names far more often than the names of an office's units
(南部和彦次長: 和彦 is his given name; 木倉保険局長: 保険 is the bureau)."""
_NAME_CHARS = HAN + KANA
NAME_RE = re.compile(rf"^[{_NAME_CHARS}]+(?:[(（][{_NAME_CHARS}]{{1,3}}[)）])?$")
"""A name as printed without spaces, with an optional disambiguator: 佐藤(勝)."""


@dataclass(frozen=True, slots=True)
class PrintedPerson:
    """A person as printed in a list or a speaker label: the name and the role after it."""

    name: str
    role: str = ""
    """The role or title printed with the name (委員長, 高等教育局長), or ''."""


def is_name(text: str, longest: int = 6) -> bool:
    """True for text that can be a personal name: kanji and kana, 1 to `longest` characters
    (a disambiguator such as (勝) not counted)."""
    flat = squash(text)
    core = re.sub(r"[(（][^)）]*[)）]$", "", flat)
    return bool(NAME_RE.match(flat)) and 1 <= len(core) <= longest and not core.endswith(ORG_WORDS)


def role_suffix(text: str) -> str:
    """The longest role word that `text` ends with, or ''."""
    flat = squash(text)
    for word in ROLE_WORDS:
        if flat.endswith(word) and len(flat) > len(word):
            return word
    return ""


@functools.lru_cache(maxsize=1)
def _segmenter() -> object:
    import pykakasi

    return pykakasi.kakasi()  # type: ignore[no-untyped-call]


def words(text: str) -> list[str]:
    """Dictionary words of a Japanese string, as pykakasi segments it (for name/title boundaries)."""
    kakasi = _segmenter()
    return [str(part["orig"]) for part in kakasi.convert(text)]  # type: ignore[attr-defined]


def split_person(printed: str) -> PrintedPerson:
    """Name and role of a printed person: 北山委員長 -> 北山 + 委員長; 吉田高等教育局長 ->
    吉田 + 高等教育局長; 渡邉光一郎会長 -> 渡邉光一郎 + 会長; 佐藤(勝)委員 -> 佐藤(勝) + 委員."""
    flat = squash(printed)
    suffix = role_suffix(flat)
    if not suffix:
        return PrintedPerson(flat)
    rest = flat[: -len(suffix)]
    if rest in UNIT_WORDS and suffix not in HONORIFICS:
        return PrintedPerson("", flat)  # 庶務係長, 教育委員長: a unit's post, nobody's name
    if suffix in HONORIFICS:
        inner = split_person(rest)
        return PrintedPerson(inner.name, inner.role)
    if len(re.sub(r"[(（][^)）]*[)）]$", "", rest)) <= 3 or re.search(r"[(（][^)）]*[)）]$", rest):
        return PrintedPerson(rest, suffix)
    # A longer head holds a surname then the post's unit (吉田 + 国立大学法人支援課), or a
    # full name (渡邉 + 光一郎): segment it and look at what follows the first word.
    parts = words(rest)
    surname = parts[0]
    if len(surname) == 1 and len(parts) > 1 and len(parts[1]) == 1:
        surname += parts[1]  # 玄|素: a two-character surname the dictionary does not know
    tail = rest[len(surname) :]
    if not tail:
        return PrintedPerson(rest, suffix)
    for at in range(2, min(len(rest), 6)):
        if rest[at:].startswith(OFFICE_PREFIXES) and is_name(rest[:at], 5):
            return PrintedPerson(rest[:at], rest[at:] + suffix)  # 陣内孝雄法務大臣: the name ends where the office begins
    bounds = [sum(len(p) for p in parts[:k]) for k in range(2, len(parts) + 1)]
    for at in bounds:
        given = rest[len(surname) : at]
        if (
            rest[at:].startswith(UNIT_WORDS)
            and is_name(rest[:at], 5)
            and at > len(surname)
            and given not in UNIT_WORDS
            and (all(len(p) == 1 for p in words(given)) or given[-1] in GIVEN_ENDINGS)
        ):
            # 礒田順直調査係長, 荒井知子庶務係長: a full name, then the post from its unit's word
            # (岩原議事調査課長 is not one: 議事 is a word, not a given name).
            return PrintedPerson(rest[:at], rest[at:] + suffix)
    if suffix in UNIT_POSTS and len(surname) >= 2 and not (len(tail) == 2 and tail[-1] in GIVEN_ENDINGS):
        return PrintedPerson(surname, tail + suffix)  # 木倉保険局長: the unit (保険) goes with its post
    if (
        len(tail) >= 4
        or (tail.endswith(ORG_ENDINGS) and len(tail) >= 3)
        or tail.startswith(UNIT_WORDS)
        or any(w in tail for w in ORG_WORDS)
        or not re.match(rf"^[{_NAME_CHARS}]+$", tail)
    ):
        return PrintedPerson(surname, tail + suffix)
    return PrintedPerson(rest, suffix)


def role_label(label: str) -> bool:
    """A speaker label of a role, a name and role, or a role and a name in brackets
    (事務局長, 八木委員, 委員長(角田君), 議長(宮本忠明君))."""
    label = squash(label)
    if named := re.fullmatch(r"([^(（]{1,10})[(（]([^)）]{1,10}?)(?:君|さん|氏)?[)）]", label):
        return (named.group(1) in ROLE_WORDS or bool(role_suffix(named.group(1)))) and is_name(named.group(2), 6)
    if label in ROLE_WORDS and label not in HONORIFICS:
        return True
    printed = split_person(label)
    if not printed.name:
        return bool(printed.role)  # 庶務係長: a unit's post
    return bool(printed.role) and printed.role not in HONORIFICS and is_name(printed.name, 5)
