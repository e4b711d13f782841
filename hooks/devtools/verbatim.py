"""The verbatim profile of the synthetic archives: records (議事録) of committees, with
the chair calling each speaker, members asking and ministers and officials answering,
60–150 KB and 200–600 turns a meeting (`python -m devtools.synth --profile verbatim`)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

from gijiroku.model import fingerprint

from .synth import COUNCILS, PREDICATES, SUBJECTS_EN, SUBJECTS_JA, TOPICS, _Person, _role_at

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
    (
        "internal-affairs-committee",
        "総務委員会",
        "Committee on Internal Affairs and Communications",
        "衆議院",
        "House of Representatives",
    ),
    ("economy-committee", "経済産業委員会", "Committee on Economy, Trade and Industry", "衆議院", "House of Representatives"),
    (
        "education-committee",
        "文部科学委員会",
        "Committee on Education, Culture, Sports, Science and Technology",
        "参議院",
        "House of Councillors",
    ),
    ("health-committee", "厚生労働委員会", "Committee on Health, Labour and Welfare", "参議院", "House of Councillors"),
    ("budget-committee", "予算委員会", "Committee on Budget", "参議院", "House of Councillors"),
]
QUESTIONS = [
    ("{t}について伺います。", "I would like to ask about {t}."),
    ("{t}に関して、政府の現時点での認識をお聞かせください。", "Please tell us the government's present view on {t}."),
    ("{s}の進捗状況について、具体的な数字をお示しいただけますか。", "Could you give us concrete figures on the progress of {s}?"),
    ("この点について、大臣の御見解を伺いたいと思います。", "I would like to hear the Minister's view on this point."),
    (
        "{t}の予算は{n}年連続で減少しておりますが、その理由を御説明ください。",
        "The budget for {t} has fallen {n} years in a row; please explain why.",
    ),
    (
        "現場からは、{t}に関する手続が煩雑であるとの指摘が多数寄せられております。",
        "We hear many complaints from the field that procedures around {t} are cumbersome.",
    ),
    (
        "{t}と{u}との関係について、政府はどのように整理しているのでしょうか。",
        "How does the government see the relationship between {t} and {u}?",
    ),
    (
        "先ほどの御答弁では不十分だと思いますので、改めてお尋ねいたします。",
        "I find the earlier answer insufficient, so let me ask again.",
    ),
    (
        "{s}によって{t}の状況がどう変わったのか、検証結果を示していただきたい。",
        "I would like you to show what verification found about how {s} changed {t}.",
    ),
]
ANSWER_LEAD = ("お答え申し上げます。", "Let me answer.")
ANSWERS = [
    (
        "{t}につきましては、{s}の中で着実に取り組んでいるところでございます。",
        "On {t}, we are working steadily on it as part of {s}.",
    ),
    (
        "御指摘の点につきましては、関係省庁と連携しつつ検討してまいりたいと考えております。",
        "On the point you raise, we intend to consider it together with the ministries concerned.",
    ),
    (
        "{t}に関する予算につきましては、令和{n}年度においても所要額を確保したところでございます。",
        "As for the budget for {t}, we secured the amount needed again for fiscal year {y}.",
    ),
    ("現時点で把握している件数は約{n}千件と承知しております。", "As far as we know, the number at present is about {n},000."),
    (
        "{s}の効果につきましては、{t}の観点も含めて、しっかりと検証してまいります。",
        "We will verify the effect of {s} carefully, including from the viewpoint of {t}.",
    ),
    (
        "委員御指摘のとおり、{t}は重要な課題であると認識しております。",
        "As the member points out, we see {t} as an important issue.",
    ),
    (
        "引き続き、{u}との整合性にも留意しながら、適切に対応してまいりたいと存じます。",
        "We will continue to respond appropriately, mindful of consistency with {u}.",
    ),
]
QUESTION_BANK = QUESTIONS + PREDICATES
ANSWER_BANK = ANSWERS + PREDICATES
BUREAUS = [
    ("大臣官房審議官", "Deputy Director-General, Minister's Secretariat"),
    ("政策統括官", "Director-General for Policy"),
    ("総合政策局長", "Director-General, Policy Bureau"),
    ("情報政策局長", "Director-General, Information Policy Bureau"),
]


def _verbatim_sentence(rng: random.Random, bank: list[tuple[str, str]]) -> tuple[str, str]:
    ja, en = rng.choice(bank)
    t, u = rng.sample(TOPICS, 2)
    s = rng.randrange(len(SUBJECTS_JA))
    n = rng.randrange(2, 12)
    return (
        ja.format(t=t[1], u=u[1], s=SUBJECTS_JA[s], n=n, y=2018 + n),
        en.format(t=t[3], u=u[3], s=SUBJECTS_EN[s], n=n, y=2018 + n),
    )


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


def generate_verbatim(out: Path, meetings: int, seed: int, people: list[_Person], translated_share: float) -> None:
    per_committee = [meetings // len(COMMITTEES) + (1 if i < meetings % len(COMMITTEES) else 0) for i in range(len(COMMITTEES))]
    for committee, count in zip(COMMITTEES, per_committee):
        folder = _write_committee(out, committee)
        for number in range(1, count + 1):
            rng = random.Random(f"verbatim/{seed}/{committee[0]}/{number}")
            date = dt.date(2004, 4, 1) + dt.timedelta(days=int(number * (7300 / max(count, 1))) + rng.randrange(0, 5))
            meeting_id = date.isoformat()
            while (folder / f"{meeting_id}.ja.md").exists():
                meeting_id += "-2"
            write_verbatim_meeting(
                folder, meeting_id, committee, number, date, people, seed, rng, rng.random() < translated_share
            )


def _write_committee(out: Path, committee: tuple[str, str, str, str, str]) -> Path:
    cid, ja, en, org_ja, org_en = committee
    folder = out / cid
    folder.mkdir(exist_ok=True)
    (folder / "series.yml").write_text(
        f'name: {{ja: {ja}, en: "{en}"}}\norganiser: {{ja: {org_ja}, en: "{org_en}"}}\n', encoding="utf-8"
    )
    return folder


def _roster(people: list[_Person], seed: int, cid: str, date: dt.date) -> tuple[_Person, list[_Person], list[_Person]]:
    """The committee's chair, members and government side for the three-year term of `date`."""
    rng = random.Random(f"roster/{seed}/{cid}/{(date.year - 2004) // 3}")
    chosen = rng.sample(people, min(len(people), 36))
    return chosen[0], chosen[1:29], chosen[29:]


def _agenda(rng: random.Random) -> list[tuple[str, tuple[str, str], list[str]]]:
    """One to three items, each a matter or a cabinet bill on a topic, with two topics."""
    agenda = []
    for i in range(rng.randrange(1, 4)):
        t = rng.sample(TOPICS, 2)
        if rng.random() < 0.5:
            titles = (f"{t[0][1]}に関する件", f"Matters concerning {t[0][3]}")
        else:
            bill = rng.randrange(1, 80)
            titles = (f"{t[0][1]}推進法案（内閣提出第{bill}号）", f"Bill on the promotion of {t[0][3]} (Cabinet Bill No. {bill})")
        agenda.append((f"item-{i + 1}", titles, [t[0][0], t[1][0]]))
    return agenda


def write_verbatim_meeting(
    folder: Path,
    meeting_id: str,
    committee: tuple[str, str, str, str, str],
    number: int,
    date: dt.date,
    people: list[_Person],
    seed: int,
    rng: random.Random,
    translated: bool,
) -> None:
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
            attendees_ja.append(
                f"  - {{group: {group}, person: {p.id}, role: {role[0]}" + (f", affiliation: {aff[0]}" if aff[0] else "") + "}"
            )
            attendees_en.append(f'  {p.id}: {{role: "{role[1]}"' + (f', affiliation: "{aff[1]}"' if aff[1] else "") + "}")
    agenda = _agenda(rng)

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
    opening = [
        chair_says("これより会議を開きます。", "The meeting will now come to order."),
        chair_says(
            f"この際、お諮りいたします。各件調査のため、本日、政府参考人として{ministry_ja}の職員の出席を求め、"
            "説明を聴取することに御異議ありませんか。",
            "I now ask the committee: for the inquiry into each matter, do you agree that we request the attendance "
            f"of officials of the {ministry_en} today as government witnesses and hear their explanations?",
        ),
        narration("〔「異議なし」と呼ぶ者あり〕", '[Voices: "No objection"]'),
        chair_says("御異議なしと認めます。よって、そのように決しました。", "There being no objection, it is so decided."),
    ]
    sections.append(("opening", None, opening))
    answerers = [minister, *witnesses]
    for (item_id, titles, topics), count in zip(agenda, per_item):
        turns = [
            chair_says(
                f"{titles[0]}を議題といたします。質疑の申出がありますので、順次これを許します。",
                f"We now take up {titles[1]}. Members have asked to put questions; I recognise them in turn.",
            )
        ]
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
    closing = [
        chair_says(
            "次回は公報をもってお知らせすることとし、本日は、これにて散会いたします。",
            "The next meeting will be announced in the bulletin. The meeting is adjourned.",
        ),
        narration(f"午後{rng.randrange(1, 6)}時{rng.randrange(0, 60)}分散会", "[The meeting adjourned in the afternoon]"),
    ]
    sections.append(("closing", None, closing))
    _fill_turns(rng, sections, bytes_wanted)
    title_ja = f"第{number}号 {committee_ja}"
    front_ja = [
        "---",
        "language: ja",
        f"title: {title_ja}",
        "record: verbatim",
        f"date: {date.isoformat()}",
        f"number: {number}",
        'start: "09:00"',
        f'end: "{rng.randrange(13, 18)}:{rng.choice(["00", "15", "30", "45"])}"',
        f"venue: {house_ja}第{rng.randrange(1, 25)}委員室",
        "attendees:",
        *attendees_ja,
        "agenda:",
        *[f"  - {{id: {a}, title: {t[0]}, topics: [{', '.join(ts)}]}}" for a, t, ts in agenda],
        "materials:",
        "  - {id: shiryo-1, label: 資料1, title: 政府提出資料}",
        "---",
        "",
    ]
    body_ja, body_en = _verbatim_bodies(sections)
    (folder / f"{meeting_id}.ja.md").write_text("\n".join(front_ja + body_ja) + "\n", encoding="utf-8")
    if not translated:
        return
    front_en = [
        "---",
        "language: en",
        "translation: {status: unofficial, method: machine, by: synthetic, reviewed: false}",
        f'title: "{committee_en}, No. {number}"',
        f'venue: "Committee room, {house_en}"',
        "attendees:",
        *attendees_en,
        "agenda:",
        *[f'  {a}: "{t[1]}"' for a, t, _ in agenda],
        "materials:",
        "  shiryo-1: {label: Material 1, title: Government submission}",
        "---",
        "",
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
            body_ja.append(
                f"::: remark {attrs}"
                + (f" label={turn.label[0]}" if turn.label[0] else "")
                + (f" topics={','.join(turn.topics)}" if turn.topics else "")
            )
            body_en.append(
                f"::: remark {attrs}"
                + (f' label="{turn.label[1]}"' if turn.label[1] else "")
                + f" source={fingerprint(tuple(turn.ja))}"
            )
            body_ja += [x for p in turn.ja for x in (p, "")]
            body_en += [x for p in turn.en for x in (p, "")]
    return body_ja, body_en


# -- changes to an archive, for timing rebuilds -------------------------------------------
