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
    ("佐藤", "さとう", "Sato"),
    ("鈴木", "すずき", "Suzuki"),
    ("高橋", "たかはし", "Takahashi"),
    ("田中", "たなか", "Tanaka"),
    ("伊藤", "いとう", "Ito"),
    ("渡辺", "わたなべ", "Watanabe"),
    ("山本", "やまもと", "Yamamoto"),
    ("中村", "なかむら", "Nakamura"),
    ("小林", "こばやし", "Kobayashi"),
    ("加藤", "かとう", "Kato"),
    ("吉田", "よしだ", "Yoshida"),
    ("山田", "やまだ", "Yamada"),
    ("佐々木", "ささき", "Sasaki"),
    ("山口", "やまぐち", "Yamaguchi"),
    ("松本", "まつもと", "Matsumoto"),
    ("井上", "いのうえ", "Inoue"),
    ("木村", "きむら", "Kimura"),
    ("林", "はやし", "Hayashi"),
    ("清水", "しみず", "Shimizu"),
    ("森", "もり", "Mori"),
    ("池田", "いけだ", "Ikeda"),
    ("橋本", "はしもと", "Hashimoto"),
    ("石川", "いしかわ", "Ishikawa"),
    ("前田", "まえだ", "Maeda"),
]
GIVEN = [
    ("太郎", "たろう", "Taro"),
    ("花子", "はなこ", "Hanako"),
    ("健一", "けんいち", "Kenichi"),
    ("由美", "ゆみ", "Yumi"),
    ("誠", "まこと", "Makoto"),
    ("恵子", "けいこ", "Keiko"),
    ("大輔", "だいすけ", "Daisuke"),
    ("直子", "なおこ", "Naoko"),
    ("浩", "ひろし", "Hiroshi"),
    ("美穂", "みほ", "Miho"),
    ("隆", "たかし", "Takashi"),
    ("裕子", "ゆうこ", "Yuko"),
    ("翔", "しょう", "Sho"),
    ("彩", "あや", "Aya"),
    ("修", "おさむ", "Osamu"),
    ("真理", "まり", "Mari"),
]
TOPICS = [
    ("data", "データ利活用", "でーたりかつよう", "data use"),
    ("compute", "計算資源", "けいさんしげん", "compute resources"),
    ("talent", "人材育成", "じんざいいくせい", "talent development"),
    ("copyright", "著作権", "ちょさくけん", "copyright"),
    ("security", "サイバーセキュリティ", "さいばーせきゅりてぃ", "cybersecurity"),
    ("energy", "再生可能エネルギー", "さいせいかのうえねるぎー", "renewable energy"),
    ("healthcare", "医療提供体制", "いりょうていきょうたいせい", "healthcare provision"),
    ("schools", "学校教育", "がっこうきょういく", "school education"),
    ("startups", "スタートアップ", "すたーとあっぷ", "startups"),
    ("regions", "地域経済", "ちいきけいざい", "regional economies"),
    ("budget", "予算", "よさん", "the budget"),
    ("privacy", "個人情報保護", "こじんじょうほうほご", "privacy protection"),
    ("international", "国際連携", "こくさいれんけい", "international cooperation"),
    ("research", "研究開発", "けんきゅうかいはつ", "research and development"),
    ("disaster", "防災", "ぼうさい", "disaster preparedness"),
    ("ageing", "少子高齢化", "しょうしこうれいか", "the ageing society"),
]
SUBJECTS_JA = ["本件", "この施策", "今回の取組", "政府全体の方針", "来年度の計画", "関係省庁の連携", "現場の運用", "制度の見直し"]
SUBJECTS_EN = [
    "this matter",
    "this measure",
    "the present initiative",
    "the government's policy",
    "next year's plan",
    "coordination among ministries",
    "practice on the ground",
    "the review of the system",
]
PREDICATES = [
    ("{t}については、{s}の中で優先的に取り組むべきである。", "On {t}, {s} should make it a priority."),
    ("{t}の現状を踏まえ、{s}を早急に具体化する必要がある。", "Given the state of {t}, {s} needs to be made concrete quickly."),
    (
        "{s}を進めるに当たり、{t}に関する課題を整理していただきたい。",
        "In taking {s} forward, I would like the issues around {t} to be set out.",
    ),
    (
        "{t}への投資は{n}年程度の長期的な視点で評価すべきではないか。",
        "Should investment in {t} not be judged over about {n} years?",
    ),
    (
        "地方公共団体と協力し、{t}の好事例を全国に展開することが重要である。",
        "It is important to spread good practice in {t} nationwide with local governments.",
    ),
    (
        "{t}について、国際的な動向を注視しつつ、我が国の強みを生かした戦略を描くべきだ。",
        "On {t}, we should draw up a strategy that uses Japan's strengths while watching international trends.",
    ),
    (
        "{s}の効果を検証するため、{t}に関する指標を{n}項目程度設定してはどうか。",
        "To verify the effect of {s}, why not set about {n} indicators for {t}?",
    ),
    ("現場からは{t}に関する負担が大きいとの声が寄せられている。", "We hear from the field that the burden around {t} is heavy."),
    ("{t}と{u}を一体的に議論することで、相乗効果が期待できる。", "Discussing {t} together with {u} could bring synergies."),
    (
        "民間企業の参入を促すため、{t}の分野で規制の在り方を再検討していただきたい。",
        "To encourage private companies, I would like regulation in the field of {t} to be reconsidered.",
    ),
    ("{s}については、令和{n}年度までに成果を取りまとめる予定である。", "Results on {s} are to be compiled by fiscal year {y}."),
    (
        "{t}に携わる人材の確保が喫緊の課題であり、処遇の改善も含めて検討が必要だ。",
        "Securing people for {t} is urgent, and their pay and conditions need to be considered too.",
    ),
]
ROLES_GOV = [
    ("大臣", "Minister"),
    ("副大臣", "State Minister"),
    ("大臣政務官", "Parliamentary Vice-Minister"),
    ("審議官", "Deputy Director-General"),
]
AFFILIATIONS = [
    ("東京大学 教授", "Professor, The University of Tokyo"),
    ("京都大学 准教授", "Associate Professor, Kyoto University"),
    ("株式会社未来技術研究所 代表取締役", "CEO, Mirai Technology Institute"),
    ("日本経済研究センター 主任研究員", "Senior Fellow, Japan Economic Research Centre"),
    ("弁護士", "Attorney at Law"),
    ("全国市長会 会長", "President, Japan Association of City Mayors"),
    ("大阪大学 教授", "Professor, Osaka University"),
    ("一般社団法人データ協会 理事", "Director, Data Association"),
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
60–150 KB of original text and 200–600 turns a meeting (see `devtools/verbatim.py`)."""


def generate_archive(out: Path, meetings: int, seed: int = 1, translated_share: float = 0.85, profile: str = "summary") -> None:
    """Write a minutes/ tree of `meetings` meetings of the given profile into `out`."""
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}: one of {', '.join(PROFILES)}")
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    people = _people(rng, max(40, meetings // 8))
    _write_registries(out, people)
    if profile == "verbatim":
        from .verbatim import generate_verbatim  # it builds on this module's tables

        generate_verbatim(out, meetings, seed, people, translated_share)
        return
    per_council = [meetings // len(COUNCILS) + (1 if i < meetings % len(COUNCILS) else 0) for i in range(len(COUNCILS))]
    for (cid, ja, en, org_ja, org_en), count in zip(COUNCILS, per_council):
        folder = out / cid
        folder.mkdir(exist_ok=True)
        (folder / "series.yml").write_text(
            f'name: {{ja: {ja}, en: {en}}}\norganiser: {{ja: {org_ja}, en: "{org_en}"}}\n', encoding="utf-8"
        )
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
        person = _Person(
            pid,
            f"{family[0]} {given[0]}",
            f"{family[1]} {given[1]}",
            f"{given[2]} {family[2]}",
            f"{family[2]} {given[2]}",
            rng.choice(AFFILIATIONS),
        )
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


def _write_meeting(
    folder: Path,
    meeting_id: str,
    council_ja: str,
    council_en: str,
    number: int,
    date: dt.date,
    people: list[_Person],
    rng: random.Random,
    translated: bool,
) -> None:
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
            attendees_ja.append(
                f"  - {{group: {group}, person: {p.id}, role: {role_ja}" + (f", affiliation: {aff[0]}" if aff[0] else "") + "}"
            )
            attendees_en[p.id] = f'  {p.id}: {{role: "{role_en}"' + (f', affiliation: "{aff[1]}"' if aff[1] else "") + "}"
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
        "---",
        "language: ja",
        f"title: 第{number}回 {council_ja}",
        "record: summary",
        f"date: {date.isoformat()}",
        f"number: {number}",
        'start: "10:00"',
        'end: "12:00"',
        "venue: 中央合同庁舎4号館 共用第1会議室",
        "attendees:",
        *attendees_ja,
        "agenda:",
        *[f"  - {{id: {a}, title: {t[0][1]}と{t[1][1]}について, topics: [{t[0][0]}, {t[1][0]}]}}" for a, t in agenda],
        "materials:",
        "  - {id: shiryo-1, label: 資料1, title: 事務局説明資料}",
        "---",
        "",
    ]
    (folder / f"{meeting_id}.ja.md").write_text("\n".join(front_ja + body_ja) + "\n", encoding="utf-8")
    if not translated:
        return
    front_en = [
        "---",
        "language: en",
        "translation: {status: unofficial, method: machine, by: synthetic, reviewed: false}",
        f'title: "Meeting No. {number} of the {council_en}"',
        "venue: Joint Conference Room 1, Central Government Building No. 4",
        "attendees:",
        *attendees_en.values(),
        "agenda:",
        *[f'  {a}: "On {t[0][3]} and {t[1][3]}"' for a, t in agenda],
        "materials:",
        "  shiryo-1: {label: Material 1, title: Secretariat briefing}",
        "---",
        "",
    ]
    (folder / f"{meeting_id}.en.md").write_text("\n".join(front_en + body_en) + "\n", encoding="utf-8")


def add_meeting(out: Path, meetings: int, seed: int = 1, profile: str = "summary") -> list[Path]:
    """Add one new meeting, translated, to the archive `generate_archive(out, meetings,
    seed, profile=profile)` wrote: the first council's next meeting, a week after its
    last. The same people, none of the other files touched. Returns the files written."""
    people = _people(random.Random(seed), max(40, meetings // 8))  # as generate_archive drew them
    rng = random.Random(f"added/{seed}/{profile}/{meetings}")
    from .verbatim import COMMITTEES, write_verbatim_meeting  # it builds on this module's tables

    council = COMMITTEES[0] if profile == "verbatim" else COUNCILS[0]
    folder = out / council[0]
    originals = sorted(folder.glob("*.ja.md"))
    if not originals:
        raise ValueError(f"{folder} holds no meeting to add one after")
    date = max(dt.date.fromisoformat(p.name[:10]) for p in originals) + dt.timedelta(days=7)
    meeting_id, number = date.isoformat(), len(originals) + 1
    if profile == "verbatim":
        write_verbatim_meeting(folder, meeting_id, council, number, date, people, seed, rng, True)
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
    for line in lines[start + 1 : end]:
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
    parser.add_argument(
        "--profile",
        choices=PROFILES,
        default="summary",
        help="summary: 議事要旨 of councils (default); verbatim: 議事録 of committees, 60–150 KB a meeting",
    )
    args = parser.parse_args(argv)
    generate_archive(args.out, args.meetings, args.seed, profile=args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
