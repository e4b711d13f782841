"""A synthetic archive for benchmarks: N meetings that pass `gijiroku check`.

Deterministic for a given seed. Councils meet over the years; people recur with roles
that change over time; remarks are spoken, written, unattributed or narration, tagged
with topics; most meetings have an English translation tied to its original by
fingerprints. The text is generated from phrase templates so that the vocabulary is
varied like real minutes, not one sentence repeated.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

from gijiroku.model import fingerprint

COUNCILS = [
    ("digital-council", "デジタル社会推進会議", "Digital Society Council", "デジタル庁", "Digital Agency"),
    ("science-council", "科学技術政策会議", "Science and Technology Policy Council", "内閣府", "Cabinet Office"),
    ("energy-council", "エネルギー政策審議会", "Energy Policy Council", "経済産業省", "Ministry of Economy, Trade and Industry"),
    ("education-council", "教育再生会議", "Education Council", "文部科学省", "Ministry of Education"),
    ("health-council", "医療政策検討会", "Health Policy Panel", "厚生労働省", "Ministry of Health, Labour and Welfare"),
    ("regional-council", "地方創生会議", "Regional Revitalisation Council", "内閣官房", "Cabinet Secretariat"),
]
SURNAMES = [
    ("佐藤", "さとう", "Sato"), ("鈴木", "すずき", "Suzuki"), ("高橋", "たかはし", "Takahashi"), ("田中", "たなか", "Tanaka"),
    ("伊藤", "いとう", "Ito"), ("渡辺", "わたなべ", "Watanabe"), ("山本", "やまもと", "Yamamoto"), ("中村", "なかむら", "Nakamura"),
    ("小林", "こばやし", "Kobayashi"), ("加藤", "かとう", "Kato"), ("吉田", "よしだ", "Yoshida"), ("山田", "やまだ", "Yamada"),
    ("佐々木", "ささき", "Sasaki"), ("山口", "やまぐち", "Yamaguchi"), ("松本", "まつもと", "Matsumoto"), ("井上", "いのうえ", "Inoue"),
    ("木村", "きむら", "Kimura"), ("林", "はやし", "Hayashi"), ("清水", "しみず", "Shimizu"), ("森", "もり", "Mori"),
    ("池田", "いけだ", "Ikeda"), ("橋本", "はしもと", "Hashimoto"), ("石川", "いしかわ", "Ishikawa"), ("前田", "まえだ", "Maeda"),
]
GIVEN = [
    ("太郎", "たろう", "Taro"), ("花子", "はなこ", "Hanako"), ("健一", "けんいち", "Kenichi"), ("由美", "ゆみ", "Yumi"),
    ("誠", "まこと", "Makoto"), ("恵子", "けいこ", "Keiko"), ("大輔", "だいすけ", "Daisuke"), ("直子", "なおこ", "Naoko"),
    ("浩", "ひろし", "Hiroshi"), ("美穂", "みほ", "Miho"), ("隆", "たかし", "Takashi"), ("裕子", "ゆうこ", "Yuko"),
    ("翔", "しょう", "Sho"), ("彩", "あや", "Aya"), ("修", "おさむ", "Osamu"), ("真理", "まり", "Mari"),
]
TOPICS = [
    ("data", "データ利活用", "でーたりかつよう", "data use"), ("compute", "計算資源", "けいさんしげん", "compute resources"),
    ("talent", "人材育成", "じんざいいくせい", "talent development"), ("copyright", "著作権", "ちょさくけん", "copyright"),
    ("security", "サイバーセキュリティ", "さいばーせきゅりてぃ", "cybersecurity"), ("energy", "再生可能エネルギー", "さいせいかのうえねるぎー", "renewable energy"),
    ("healthcare", "医療提供体制", "いりょうていきょうたいせい", "healthcare provision"), ("schools", "学校教育", "がっこうきょういく", "school education"),
    ("startups", "スタートアップ", "すたーとあっぷ", "startups"), ("regions", "地域経済", "ちいきけいざい", "regional economies"),
    ("budget", "予算", "よさん", "the budget"), ("privacy", "個人情報保護", "こじんじょうほうほご", "privacy protection"),
    ("international", "国際連携", "こくさいれんけい", "international cooperation"), ("research", "研究開発", "けんきゅうかいはつ", "research and development"),
    ("disaster", "防災", "ぼうさい", "disaster preparedness"), ("ageing", "少子高齢化", "しょうしこうれいか", "the ageing society"),
]
SUBJECTS_JA = ["本件", "この施策", "今回の取組", "政府全体の方針", "来年度の計画", "関係省庁の連携", "現場の運用", "制度の見直し"]
SUBJECTS_EN = ["this matter", "this measure", "the present initiative", "the government's policy", "next year's plan",
               "coordination among ministries", "practice on the ground", "the review of the system"]
PREDICATES = [
    ("{t}については、{s}の中で優先的に取り組むべきである。", "On {t}, {s} should make it a priority."),
    ("{t}の現状を踏まえ、{s}を早急に具体化する必要がある。", "Given the state of {t}, {s} needs to be made concrete quickly."),
    ("{s}を進めるに当たり、{t}に関する課題を整理していただきたい。", "In taking {s} forward, I would like the issues around {t} to be set out."),
    ("{t}への投資は{n}年程度の長期的な視点で評価すべきではないか。", "Should investment in {t} not be judged over about {n} years?"),
    ("地方公共団体と協力し、{t}の好事例を全国に展開することが重要である。", "It is important to spread good practice in {t} nationwide with local governments."),
    ("{t}について、国際的な動向を注視しつつ、我が国の強みを生かした戦略を描くべきだ。", "On {t}, we should draw up a strategy that uses Japan's strengths while watching international trends."),
    ("{s}の効果を検証するため、{t}に関する指標を{n}項目程度設定してはどうか。", "To verify the effect of {s}, why not set about {n} indicators for {t}?"),
    ("現場からは{t}に関する負担が大きいとの声が寄せられている。", "We hear from the field that the burden around {t} is heavy."),
    ("{t}と{u}を一体的に議論することで、相乗効果が期待できる。", "Discussing {t} together with {u} could bring synergies."),
    ("民間企業の参入を促すため、{t}の分野で規制の在り方を再検討していただきたい。", "To encourage private companies, I would like regulation in the field of {t} to be reconsidered."),
    ("{s}については、令和{n}年度までに成果を取りまとめる予定である。", "Results on {s} are to be compiled by fiscal year {y}."),
    ("{t}に携わる人材の確保が喫緊の課題であり、処遇の改善も含めて検討が必要だ。", "Securing people for {t} is urgent, and their pay and conditions need to be considered too."),
]
ROLES_GOV = [("大臣", "Minister"), ("副大臣", "State Minister"), ("大臣政務官", "Parliamentary Vice-Minister"), ("審議官", "Deputy Director-General")]
AFFILIATIONS = [
    ("東京大学 教授", "Professor, The University of Tokyo"), ("京都大学 准教授", "Associate Professor, Kyoto University"),
    ("株式会社未来技術研究所 代表取締役", "CEO, Mirai Technology Institute"), ("日本経済研究センター 主任研究員", "Senior Fellow, Japan Economic Research Centre"),
    ("弁護士", "Attorney at Law"), ("全国市長会 会長", "President, Japan Association of City Mayors"),
    ("大阪大学 教授", "Professor, Osaka University"), ("一般社団法人データ協会 理事", "Director, Data Association"),
]


@dataclass
class _Person:
    id: str
    ja: str
    reading: str
    en: str
    romanized: str
    affiliation: tuple[str, str]
    careers: list[tuple[dt.date, str, str]] = field(default_factory=list)


PROFILES = ("summary", "verbatim")
"""summary: 議事要旨 of councils, 20–60 remarks a meeting. verbatim: 議事録 of committees,
60–150 KB of original text and 200–600 turns a meeting (see `_write_verbatim_meeting`)."""


def generate_archive(out: Path, meetings: int, seed: int = 1, translated_share: float = 0.85,
                     profile: str = "summary") -> None:
    """Write a minutes/ tree of `meetings` meetings of the given profile into `out`."""
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}: one of {', '.join(PROFILES)}")
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    people = _people(rng, max(40, meetings // 8))
    _write_registries(out, people)
    if profile == "verbatim":
        _generate_verbatim(out, meetings, seed, people, translated_share)
        return
    per_council = [meetings // len(COUNCILS) + (1 if i < meetings % len(COUNCILS) else 0) for i in range(len(COUNCILS))]
    for (cid, ja, en, org_ja, org_en), count in zip(COUNCILS, per_council):
        folder = out / cid
        folder.mkdir(exist_ok=True)
        (folder / "series.yml").write_text(
            f"name: {{ja: {ja}, en: {en}}}\norganiser: {{ja: {org_ja}, en: \"{org_en}\"}}\n", encoding="utf-8")
        start = dt.date(2004, 4, 1)
        for number in range(1, count + 1):
            date = start + dt.timedelta(days=int(number * (7300 / max(count, 1))) + rng.randrange(0, 5))
            meeting_id = f"{date.isoformat()}"
            while (folder / f"{meeting_id}.ja.md").exists():
                meeting_id += "-2"
            _write_meeting(folder, meeting_id, ja, en, number, date, people, rng, rng.random() < translated_share)


def _people(rng: random.Random, count: int) -> list[_Person]:
    people: list[_Person] = []
    seen: set[str] = set()
    while len(people) < count:
        family = rng.choice(SURNAMES)
        given = rng.choice(GIVEN)
        pid = f"{family[2].lower()}-{given[2].lower()}"
        if pid in seen:
            pid += f"-{len(people)}"
        seen.add(pid)
        person = _Person(pid, f"{family[0]} {given[0]}", f"{family[1]} {given[1]}", f"{given[2]} {family[2]}",
                         f"{family[2]} {given[2]}", rng.choice(AFFILIATIONS))
        day = dt.date(2004, 1, 1)
        for _ in range(rng.randrange(1, 4)):
            role = rng.choice(ROLES_GOV)
            person.careers.append((day, role[0], role[1]))
            day += dt.timedelta(days=rng.randrange(800, 3000))
        people.append(person)
    return people


def _write_registries(out: Path, people: list[_Person]) -> None:
    lines = []
    for p in people:
        lines += [f"{p.id}:", f"  name: {{ja: {p.ja}, en: {p.en}}}", f"  reading: {p.reading}", f"  romanized: {p.romanized}"]
    (out / "people.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    topics = []
    for tid, ja, reading, en in TOPICS:
        topics += [f"{tid}:", f"  label: {{ja: {ja}, en: {en[0].upper() + en[1:]}}}", f"  reading: {reading}"]
    (out / "topics.yml").write_text("\n".join(topics) + "\n", encoding="utf-8")


def _role_at(person: _Person, date: dt.date) -> tuple[str, str]:
    current = person.careers[0]
    for career in person.careers:
        if career[0] <= date:
            current = career
    return current[1], current[2]


def _sentence(rng: random.Random) -> tuple[str, str]:
    ja, en = rng.choice(PREDICATES)
    t, u = rng.sample(TOPICS, 2)
    s = rng.randrange(len(SUBJECTS_JA))
    n = rng.randrange(2, 12)
    values_ja = dict(t=t[1], u=u[1], s=SUBJECTS_JA[s], n=n, y=2018 + n)
    values_en = dict(t=t[3], u=u[3], s=SUBJECTS_EN[s], n=n, y=2018 + n)
    return ja.format(**values_ja), en.format(**values_en)


def _paragraphs(rng: random.Random, count: int) -> tuple[list[str], list[str]]:
    ja, en = [], []
    for _ in range(count):
        pairs = [_sentence(rng) for _ in range(rng.randrange(2, 6))]
        ja.append("".join(p[0] for p in pairs))
        en.append(" ".join(p[1] for p in pairs))
    return ja, en


def _write_meeting(folder: Path, meeting_id: str, council_ja: str, council_en: str, number: int, date: dt.date,
                   people: list[_Person], rng: random.Random, translated: bool) -> None:
    chosen = rng.sample(people, rng.randrange(10, 20))
    chair, members, government = chosen[0], chosen[1:-4], chosen[-4:]
    agenda = [(f"item-{i + 1}", rng.sample(TOPICS, 2)) for i in range(rng.randrange(1, 4))]
    attendees_ja, attendees_en = [], {}
    for group, group_people in (("chair", [chair]), ("member", members), ("government", government)):
        for p in group_people:
            if group == "government":
                role_ja, role_en = _role_at(p, date)
                aff = ("", "")
            else:
                role_ja, role_en = ("座長", "Chair") if group == "chair" else ("委員", "Member")
                aff = p.affiliation
            attendees_ja.append(f"  - {{group: {group}, person: {p.id}, role: {role_ja}"
                                + (f", affiliation: {aff[0]}" if aff[0] else "") + "}")
            attendees_en[p.id] = f"  {p.id}: {{role: \"{role_en}\"" + (f", affiliation: \"{aff[1]}\"" if aff[1] else "") + "}"
    speakers = [chair] + government + members
    body_ja, body_en = [], []
    remark_no = 0
    total = rng.randrange(20, 61)
    sections = [("opening", None)] + [("item", a[0]) for a in agenda] + [("closing", None)]
    for index, (kind, item) in enumerate(sections):
        header = f"::: {kind}" + (f" {item}" if item else "")
        body_ja += [header, ""]
        body_en += [header, ""]
        share = total // len(sections) + (total % len(sections) if index == len(sections) - 1 else 0)
        fallback = rng.sample(TOPICS, 2)  # drawn every time, as the archives' seeds expect
        topics_here = [t[0] for t in (dict(agenda).get(item, fallback) if item else fallback)]
        for _ in range(max(share, 1)):
            remark_no += 1
            roll = rng.random()
            rkind = "narration" if roll < 0.1 else "unattributed" if roll < 0.35 else "written" if roll < 0.4 else "spoken"
            speaker = rng.choice(speakers) if rkind in ("spoken", "written") else None
            ja, en = _paragraphs(rng, rng.randrange(1, 4))
            attrs = f"id=r{remark_no:03d} kind={rkind}" + (f" speaker={speaker.id}" if speaker else "")
            topics = ",".join(rng.sample(topics_here, rng.randrange(0, len(topics_here) + 1)))
            body_ja += [f"::: remark {attrs}" + (f" topics={topics}" if topics else "")] + [x for p in ja for x in (p, "")]
            body_en += [f"::: remark {attrs} source={fingerprint(tuple(ja))}"] + [x for p in en for x in (p, "")]
    front_ja = [
        "---", "language: ja", f"title: 第{number}回 {council_ja}", "record: summary", f"date: {date.isoformat()}",
        f"number: {number}", 'start: "10:00"', 'end: "12:00"', "venue: 中央合同庁舎4号館 共用第1会議室", "attendees:",
        *attendees_ja, "agenda:",
        *[f"  - {{id: {a}, title: {t[0][1]}と{t[1][1]}について, topics: [{t[0][0]}, {t[1][0]}]}}" for a, t in agenda],
        "materials:", "  - {id: shiryo-1, label: 資料1, title: 事務局説明資料}", "---", "",
    ]
    (folder / f"{meeting_id}.ja.md").write_text("\n".join(front_ja + body_ja) + "\n", encoding="utf-8")
    if not translated:
        return
    front_en = [
        "---", "language: en", "translation: {status: unofficial, method: machine, by: synthetic, reviewed: false}",
        f"title: \"Meeting No. {number} of the {council_en}\"", "venue: Joint Conference Room 1, Central Government Building No. 4",
        "attendees:", *attendees_en.values(), "agenda:",
        *[f"  {a}: \"On {t[0][3]} and {t[1][3]}\"" for a, t in agenda],
        "materials:", "  shiryo-1: {label: Material 1, title: Secretariat briefing}", "---", "",
    ]
    (folder / f"{meeting_id}.en.md").write_text("\n".join(front_en + body_en) + "\n", encoding="utf-8")


# -- the verbatim profile: 議事録 of committees ------------------------------------------
#
# A committee sits in terms of three years with a chair and a roster of members; each
# meeting the chair opens, puts the agenda items, calls each questioner and each answerer
# by name (short procedural turns, about half of all turns) and closes. Members ask,
# ministers and government witnesses (政府参考人) answer, at lengths that vary from a line
# to several paragraphs. Each meeting draws from its own random stream, so a meeting can
# be added to an archive later (`add_meeting`) without changing the others.

COMMITTEES = [
    ("cabinet-committee", "内閣委員会", "Committee on Cabinet", "衆議院", "House of Representatives"),
    ("internal-affairs-committee", "総務委員会", "Committee on Internal Affairs and Communications", "衆議院", "House of Representatives"),
    ("economy-committee", "経済産業委員会", "Committee on Economy, Trade and Industry", "衆議院", "House of Representatives"),
    ("education-committee", "文部科学委員会", "Committee on Education, Culture, Sports, Science and Technology", "参議院", "House of Councillors"),
    ("health-committee", "厚生労働委員会", "Committee on Health, Labour and Welfare", "参議院", "House of Councillors"),
    ("budget-committee", "予算委員会", "Committee on Budget", "参議院", "House of Councillors"),
]
QUESTIONS = [
    ("{t}について伺います。", "I would like to ask about {t}."),
    ("{t}に関して、政府の現時点での認識をお聞かせください。", "Please tell us the government's present view on {t}."),
    ("{s}の進捗状況について、具体的な数字をお示しいただけますか。", "Could you give us concrete figures on the progress of {s}?"),
    ("この点について、大臣の御見解を伺いたいと思います。", "I would like to hear the Minister's view on this point."),
    ("{t}の予算は{n}年連続で減少しておりますが、その理由を御説明ください。", "The budget for {t} has fallen {n} years in a row; please explain why."),
    ("現場からは、{t}に関する手続が煩雑であるとの指摘が多数寄せられております。", "We hear many complaints from the field that procedures around {t} are cumbersome."),
    ("{t}と{u}との関係について、政府はどのように整理しているのでしょうか。", "How does the government see the relationship between {t} and {u}?"),
    ("先ほどの御答弁では不十分だと思いますので、改めてお尋ねいたします。", "I find the earlier answer insufficient, so let me ask again."),
    ("{s}によって{t}の状況がどう変わったのか、検証結果を示していただきたい。", "I would like you to show what verification found about how {s} changed {t}."),
]
ANSWER_LEAD = ("お答え申し上げます。", "Let me answer.")
ANSWERS = [
    ("{t}につきましては、{s}の中で着実に取り組んでいるところでございます。", "On {t}, we are working steadily on it as part of {s}."),
    ("御指摘の点につきましては、関係省庁と連携しつつ検討してまいりたいと考えております。",
     "On the point you raise, we intend to consider it together with the ministries concerned."),
    ("{t}に関する予算につきましては、令和{n}年度においても所要額を確保したところでございます。",
     "As for the budget for {t}, we secured the amount needed again for fiscal year {y}."),
    ("現時点で把握している件数は約{n}千件と承知しております。", "As far as we know, the number at present is about {n},000."),
    ("{s}の効果につきましては、{t}の観点も含めて、しっかりと検証してまいります。",
     "We will verify the effect of {s} carefully, including from the viewpoint of {t}."),
    ("委員御指摘のとおり、{t}は重要な課題であると認識しております。", "As the member points out, we see {t} as an important issue."),
    ("引き続き、{u}との整合性にも留意しながら、適切に対応してまいりたいと存じます。",
     "We will continue to respond appropriately, mindful of consistency with {u}."),
]
QUESTION_BANK = QUESTIONS + PREDICATES
ANSWER_BANK = ANSWERS + PREDICATES
BUREAUS = [("大臣官房審議官", "Deputy Director-General, Minister's Secretariat"), ("政策統括官", "Director-General for Policy"),
           ("総合政策局長", "Director-General, Policy Bureau"), ("情報政策局長", "Director-General, Information Policy Bureau")]


def _verbatim_sentence(rng: random.Random, bank: list[tuple[str, str]]) -> tuple[str, str]:
    ja, en = rng.choice(bank)
    t, u = rng.sample(TOPICS, 2)
    s = rng.randrange(len(SUBJECTS_JA))
    n = rng.randrange(2, 12)
    return (ja.format(t=t[1], u=u[1], s=SUBJECTS_JA[s], n=n, y=2018 + n),
            en.format(t=t[3], u=u[3], s=SUBJECTS_EN[s], n=n, y=2018 + n))


def _surname_en(p: _Person) -> str:
    return p.romanized.split(" ")[0]


@dataclass
class _Turn:
    kind: str
    speaker: _Person | None
    label: tuple[str, str]
    ja: list[str]
    en: list[str]
    topics: list[str] = field(default_factory=list)
    bank: list[tuple[str, str]] | None = None
    """The sentences a question or answer is written from; None once written."""


def _generate_verbatim(out: Path, meetings: int, seed: int, people: list[_Person], translated_share: float) -> None:
    per_committee = [meetings // len(COMMITTEES) + (1 if i < meetings % len(COMMITTEES) else 0) for i in range(len(COMMITTEES))]
    for committee, count in zip(COMMITTEES, per_committee):
        folder = _write_committee(out, committee)
        for number in range(1, count + 1):
            rng = random.Random(f"verbatim/{seed}/{committee[0]}/{number}")
            date = dt.date(2004, 4, 1) + dt.timedelta(days=int(number * (7300 / max(count, 1))) + rng.randrange(0, 5))
            meeting_id = date.isoformat()
            while (folder / f"{meeting_id}.ja.md").exists():
                meeting_id += "-2"
            _write_verbatim_meeting(folder, meeting_id, committee, number, date, people, seed, rng,
                                    rng.random() < translated_share)


def _write_committee(out: Path, committee: tuple[str, str, str, str, str]) -> Path:
    cid, ja, en, org_ja, org_en = committee
    folder = out / cid
    folder.mkdir(exist_ok=True)
    (folder / "series.yml").write_text(
        f"name: {{ja: {ja}, en: \"{en}\"}}\norganiser: {{ja: {org_ja}, en: \"{org_en}\"}}\n", encoding="utf-8")
    return folder


def _roster(people: list[_Person], seed: int, cid: str, date: dt.date) -> tuple[_Person, list[_Person], list[_Person]]:
    """The committee's chair, members and government side for the three-year term of `date`."""
    rng = random.Random(f"roster/{seed}/{cid}/{(date.year - 2004) // 3}")
    chosen = rng.sample(people, min(len(people), 36))
    return chosen[0], chosen[1:29], chosen[29:]


def _write_verbatim_meeting(folder: Path, meeting_id: str, committee: tuple[str, str, str, str, str], number: int,
                            date: dt.date, people: list[_Person], seed: int, rng: random.Random, translated: bool) -> None:
    cid, committee_ja, committee_en, house_ja, house_en = committee
    chair, roster, government = _roster(people, seed, cid, date)
    members = rng.sample(roster, rng.randrange(14, len(roster) + 1))
    minister, witnesses = government[0], rng.sample(government[1:], min(len(government) - 1, rng.randrange(2, 5)))
    bureau = {w.id: rng.choice(BUREAUS) for w in witnesses}
    ministry_ja, ministry_en = COUNCILS[[c[0] for c in COMMITTEES].index(cid)][3:5]
    minister_role = _role_at(minister, date)
    roles: dict[str, tuple[str, str]] = {chair.id: ("委員長", "Chair")}
    roles.update({m.id: ("委員", "Member") for m in members})
    roles[minister.id] = minister_role
    roles.update({w.id: ("政府参考人", "Government witness") for w in witnesses})
    affiliations = {w.id: (f"{ministry_ja} {bureau[w.id][0]}", f"{bureau[w.id][1]}, {ministry_en}") for w in witnesses}
    attendees_ja, attendees_en = [], []
    for group, group_people in (("chair", [chair]), ("member", members), ("government", [minister, *witnesses])):
        for p in group_people:
            role, aff = roles[p.id], affiliations.get(p.id, ("", ""))
            attendees_ja.append(f"  - {{group: {group}, person: {p.id}, role: {role[0]}"
                                + (f", affiliation: {aff[0]}" if aff[0] else "") + "}")
            attendees_en.append(f"  {p.id}: {{role: \"{role[1]}\"" + (f", affiliation: \"{aff[1]}\"" if aff[1] else "") + "}")
    agenda = []
    for i in range(rng.randrange(1, 4)):
        t = rng.sample(TOPICS, 2)
        if rng.random() < 0.5:
            titles = (f"{t[0][1]}に関する件", f"Matters concerning {t[0][3]}")
        else:
            bill = rng.randrange(1, 80)
            titles = (f"{t[0][1]}推進法案（内閣提出第{bill}号）", f"Bill on the promotion of {t[0][3]} (Cabinet Bill No. {bill})")
        agenda.append((f"item-{i + 1}", titles, [t[0][0], t[1][0]]))

    def label(p: _Person) -> tuple[str, str]:
        role = roles[p.id]
        return f"○{p.ja.split(' ')[0]}{role[0]}", f"[{role[1]} {_surname_en(p)}]"

    def chair_says(ja: str, en: str) -> _Turn:
        return _Turn("spoken", chair, label(chair), [ja], [en])

    def call(p: _Person) -> _Turn:
        if p in members:
            return chair_says(f"{p.ja.replace(' ', '')}君。", f"{p.en}.")
        return chair_says(f"{p.ja.split(' ')[0]}{roles[p.id][0]}。", f"{roles[p.id][1]} {_surname_en(p)}.")

    def narration(ja: str, en: str) -> _Turn:
        return _Turn("narration", None, ("", ""), [ja], [en])

    # How much to say: 200–600 turns and 60–150 KB of original text, the more turns the more text.
    turns_wanted = rng.randrange(200, 601)
    bytes_wanted = rng.randrange(max(66_000, turns_wanted * 235), 142_000)
    exchanges = max(len(agenda), (turns_wanted - 8 - len(agenda)) // 4)
    per_item = [exchanges // len(agenda) + (1 if i < exchanges % len(agenda) else 0) for i in range(len(agenda))]
    sections: list[tuple[str, str | None, list[_Turn]]] = []
    opening = [chair_says("これより会議を開きます。", "The meeting will now come to order."),
               chair_says(f"この際、お諮りいたします。各件調査のため、本日、政府参考人として{ministry_ja}の職員の出席を求め、"
                          "説明を聴取することに御異議ありませんか。",
                          "I now ask the committee: for the inquiry into each matter, do you agree that we request the attendance "
                          f"of officials of the {ministry_en} today as government witnesses and hear their explanations?"),
               narration("〔「異議なし」と呼ぶ者あり〕", "[Voices: \"No objection\"]"),
               chair_says("御異議なしと認めます。よって、そのように決しました。", "There being no objection, it is so decided.")]
    sections.append(("opening", None, opening))
    answerers = [minister, *witnesses]
    for (item_id, titles, topics), count in zip(agenda, per_item):
        turns = [chair_says(f"{titles[0]}を議題といたします。質疑の申出がありますので、順次これを許します。",
                            f"We now take up {titles[1]}. Members have asked to put questions; I recognise them in turn.")]
        questioner = rng.choice(members)
        for n in range(count):
            if n % rng.randrange(6, 14) == 0:  # the next questioner takes the floor
                questioner = rng.choice(members)
            answerer = rng.choice(answerers)
            for speaker, bank in ((questioner, QUESTION_BANK), (answerer, ANSWER_BANK)):
                turns.append(call(speaker))
                tags = rng.sample(topics, rng.randrange(0, 3)) if rng.random() < 0.7 else []
                # The text is written once all turns are known (`_fill_turns`), to the meeting's size.
                turns.append(_Turn("spoken", speaker, label(speaker), [], [], tags, bank))
            if rng.random() < 0.03:
                turns.append(narration("〔発言する者あり〕", "[Interjections]"))
        sections.append(("item", item_id, turns))
    closing = [chair_says("次回は公報をもってお知らせすることとし、本日は、これにて散会いたします。",
                          "The next meeting will be announced in the bulletin. The meeting is adjourned."),
               narration(f"午後{rng.randrange(1, 6)}時{rng.randrange(0, 60)}分散会", "[The meeting adjourned in the afternoon]")]
    sections.append(("closing", None, closing))
    _fill_turns(rng, sections, bytes_wanted)
    title_ja = f"第{number}号 {committee_ja}"
    front_ja = [
        "---", "language: ja", f"title: {title_ja}", "record: verbatim", f"date: {date.isoformat()}", f"number: {number}",
        'start: "09:00"', f'end: "{rng.randrange(13, 18)}:{rng.choice(["00", "15", "30", "45"])}"',
        f"venue: {house_ja}第{rng.randrange(1, 25)}委員室", "attendees:", *attendees_ja, "agenda:",
        *[f"  - {{id: {a}, title: {t[0]}, topics: [{', '.join(ts)}]}}" for a, t, ts in agenda],
        "materials:", "  - {id: shiryo-1, label: 資料1, title: 政府提出資料}", "---", "",
    ]
    body_ja, body_en = _verbatim_bodies(sections)
    (folder / f"{meeting_id}.ja.md").write_text("\n".join(front_ja + body_ja) + "\n", encoding="utf-8")
    if not translated:
        return
    front_en = [
        "---", "language: en", "translation: {status: unofficial, method: machine, by: synthetic, reviewed: false}",
        f"title: \"{committee_en}, No. {number}\"", f"venue: \"Committee room, {house_en}\"",
        "attendees:", *attendees_en, "agenda:", *[f"  {a}: \"{t[1]}\"" for a, t, _ in agenda],
        "materials:", "  shiryo-1: {label: Material 1, title: Government submission}", "---", "",
    ]
    (folder / f"{meeting_id}.en.md").write_text("\n".join(front_en + body_en) + "\n", encoding="utf-8")


_HEADER_BYTES = 110
"""About the bytes of a remark's `::: remark` line and the blank lines around its paragraphs."""
_LENGTHS = (0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 1.3, 2.5, 4.0)
"""A turn's length as a multiple of its share (their mean is 1): most are a sentence or
two, a few run to several paragraphs."""


def _fill_turns(rng: random.Random, sections: list[tuple[str, str | None, list[_Turn]]], bytes_wanted: int) -> None:
    """Write the questions and answers (the turns still empty) so that the original text
    comes to about `bytes_wanted`: each takes its share of what is left, times a length
    drawn from one line to several paragraphs."""
    turns = [t for _, _, ts in sections for t in ts]
    empty = [t for t in turns if t.bank is not None]
    spent = sum(_HEADER_BYTES + len("".join(t.ja).encode()) for t in turns if t.bank is None)
    spent += _HEADER_BYTES * len(empty) + 4000  # and the front matter
    for left, turn in zip(range(len(empty), 0, -1), empty):
        bank, turn.bank = turn.bank or [], None
        share = max(100, (bytes_wanted - spent) // left)
        length = share * rng.choice(_LENGTHS)
        size, ja, en = 0, [], []
        if bank is ANSWER_BANK and rng.random() < 0.4:
            ja.append(ANSWER_LEAD[0])
            en.append(ANSWER_LEAD[1])
        paragraph = rng.randrange(2, 5)
        while size < length:
            pair = _verbatim_sentence(rng, bank)
            ja.append(pair[0])
            en.append(pair[1])
            size += len(pair[0].encode())
            if len(ja) == paragraph:
                turn.ja.append("".join(ja))
                turn.en.append(" ".join(en))
                ja, en, paragraph = [], [], rng.randrange(2, 5)
        if ja:
            turn.ja.append("".join(ja))
            turn.en.append(" ".join(en))
        spent += size


def _verbatim_bodies(sections: list[tuple[str, str | None, list[_Turn]]]) -> tuple[list[str], list[str]]:
    body_ja: list[str] = []
    body_en: list[str] = []
    number = 0
    for kind, item, turns in sections:
        header = f"::: {kind}" + (f" {item}" if item else "")
        body_ja += [header, ""]
        body_en += [header, ""]
        for turn in turns:
            number += 1
            attrs = f"id=r{number:04d} kind={turn.kind}" + (f" speaker={turn.speaker.id}" if turn.speaker else "")
            body_ja.append(f"::: remark {attrs}" + (f" label={turn.label[0]}" if turn.label[0] else "")
                           + (f" topics={','.join(turn.topics)}" if turn.topics else ""))
            body_en.append(f"::: remark {attrs}" + (f" label=\"{turn.label[1]}\"" if turn.label[1] else "")
                           + f" source={fingerprint(tuple(turn.ja))}")
            body_ja += [x for p in turn.ja for x in (p, "")]
            body_en += [x for p in turn.en for x in (p, "")]
    return body_ja, body_en


# -- changes to an archive, for timing rebuilds -------------------------------------------

def add_meeting(out: Path, meetings: int, seed: int = 1, profile: str = "summary") -> list[Path]:
    """Add one new meeting, translated, to the archive `generate_archive(out, meetings,
    seed, profile=profile)` wrote: the first council's next meeting, a week after its
    last. The same people, none of the other files touched. Returns the files written."""
    people = _people(random.Random(seed), max(40, meetings // 8))  # as generate_archive drew them
    rng = random.Random(f"added/{seed}/{profile}/{meetings}")
    council = COMMITTEES[0] if profile == "verbatim" else COUNCILS[0]
    folder = out / council[0]
    originals = sorted(folder.glob("*.ja.md"))
    if not originals:
        raise ValueError(f"{folder} holds no meeting to add one after")
    date = max(dt.date.fromisoformat(p.name[:10]) for p in originals) + dt.timedelta(days=7)
    meeting_id, number = date.isoformat(), len(originals) + 1
    if profile == "verbatim":
        _write_verbatim_meeting(folder, meeting_id, council, number, date, people, seed, rng, True)
    else:
        _write_meeting(folder, meeting_id, council[1], council[2], number, date, people, rng, True)
    return [folder / f"{meeting_id}.{lang}.md" for lang in ("ja", "en")]


EDIT_TEXT = ("なお、この点については次回の会議で改めて報告する。", "This point will be reported on again at the next meeting.")


def edit_remark(original: Path, text: tuple[str, str] = EDIT_TEXT) -> list[Path]:
    """Add a sentence to one remark of a meeting (the middle one) the way an editor
    would correct it: in the original and, where there is one, in its translation, whose
    `source=` then gets the original's new fingerprint, so the archive stays free of
    warnings (a stale translation is W080). `text` is the sentence in the original's and
    the translation's language. Returns the files changed."""
    from gijiroku.body import join_lines

    lines = original.read_text(encoding="utf-8").split("\n")
    starts = [i for i, line in enumerate(lines) if line.startswith("::: remark ")]
    start = starts[len(starts) // 2]
    remark_id = lines[start].split(" id=", 1)[1].split(" ", 1)[0]
    paragraphs = _append_to_remark(lines, start, text[0])
    original.write_text("\n".join(lines), encoding="utf-8")
    changed = [original]
    translation = original.with_name(original.name.replace(".ja.md", ".en.md"))
    if translation.is_file():
        new_source = fingerprint(tuple(join_lines(p) for p in paragraphs))
        lines = translation.read_text(encoding="utf-8").split("\n")
        start = next(i for i, line in enumerate(lines) if line.startswith("::: remark ") and f" id={remark_id} " in line + " ")
        head, _, rest = lines[start].partition(" source=")
        lines[start] = f"{head} source={new_source}" + (" " + rest.split(" ", 1)[1] if " " in rest else "")
        _append_to_remark(lines, start, " " + text[1])
        translation.write_text("\n".join(lines), encoding="utf-8")
        changed.append(translation)
    return changed


def _append_to_remark(lines: list[str], start: int, text: str) -> list[list[str]]:
    """Append `text` to the last line of the remark whose `::: remark` line is `start`;
    the remark's paragraphs afterwards, as lists of lines."""
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith(":::")), len(lines))
    last = max(i for i in range(start + 1, end) if lines[i].strip())
    lines[last] += text
    paragraphs: list[list[str]] = [[]]
    for line in lines[start + 1:end]:
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


def main(argv: list[str] | None = None) -> int:
    """Command line: `python -m devtools.synth OUT [--meetings N] [--seed S] [--profile summary|verbatim]`."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m devtools.synth", description="write a synthetic archive")
    parser.add_argument("out", type=Path, help="the folder to write (a minutes/ tree)")
    parser.add_argument("--meetings", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", choices=PROFILES, default="summary",
                        help="summary: 議事要旨 of councils (default); verbatim: 議事録 of committees, 60–150 KB a meeting")
    args = parser.parse_args(argv)
    generate_archive(args.out, args.meetings, args.seed, profile=args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
