"""Rendering the archive's pages as Markdown, one language at a time, from Jinja templates.

Minutes text never reaches a page unescaped: every value goes through one of the
escapers in `gijiroku.escape`, chosen by where it lands. The environment makes every
value one safe line (`finalize`) and HTML-escapes it; the `md` filter also escapes
Markdown syntax where a value lands in Markdown, `ystr` writes page titles; the
pieces written in Python (`pieces.py`: remarks, list items, side-by-side rows) call
`html` and `md_inline` themselves.

    catalogue.py   UI strings, plural forms, dates, sort orders
    wording.py     a language's words for people, remarks, citations
    pieces.py      the repeated pieces written in Python
    render.py      pages from templates (this module)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

import jinja2
import jinja2.bccache
from markupsafe import Markup

from .. import urls
from ..catalogue import Text, format_date, sort_key_people, sort_key_topic
from ..escape import (
    front_matter_value,
    html,
    md_cell,
    md_inline,
    safe_url,
    script_json,
    scrub_value,
)
from ..gccontrol import gc_paused
from ..index import ArchiveIndex, ItemRef, RemarkRef, RoleHeld
from ..model import (
    LANGUAGES,
    REMARK_KINDS,
    Meeting,
    Remark,
)
from ..translate.status import archive_status, totals
from .jinjacache import BYTECODE_CACHE
from .pieces import Pieces
from .wording import Wording

HERE = Path(__file__).parent
MEMBER_GROUPS = ("chair", "vice-chair", "member")
"""The attendance groups whose opinions minutes record without names (構成員の意見)."""
T = TypeVar("T")
TopicYear = tuple[int, tuple[list[ItemRef], list[RemarkRef]]]
"""A year of a topic's page: the year, its agenda items and remarks."""
SpeakerYear = tuple[int, list[RemarkRef]]
"""A year of a speaker's page: the year and the speaker's remarks in it."""


class Renderer:
    """Renders every generated page of one language from the cross-index, nothing more:
    in the words of the language (`words`), with pieces written in Python for speed (`pieces`)."""

    def __init__(self, index: ArchiveIndex, lang: str, site_url: str = "") -> None:
        self.words = Wording(index, lang, site_url)
        self.pieces = Pieces(self.words)
        self.index, self.archive, self.lang = index, index.archive, lang
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(HERE / "templates"),
            bytecode_cache=BYTECODE_CACHE,
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            # Markdown's attribute lists write `{#id}`: Jinja comments must not start with `{#`.
            comment_start_string="{##",
            comment_end_string="##}",
            finalize=scrub_value,
        )
        self.env.filters["md"] = lambda value: Markup(md_inline(value))
        self.env.filters["ystr"] = lambda value: Markup(front_matter_value(value))
        self.env.filters["safe_url"] = safe_url
        self.env.filters["cell"] = lambda value: Markup(md_cell(md_inline(value)))
        self.env.globals.update(
            t=self.words.t,
            lang=lang,
            date=lambda d: format_date(d, lang),
            urls=urls,
            date_short=lambda d: format_date(d, lang, "date_format_short"),
            person_name=self.words.person_name,
            topic_label=self.words.topic_label,
            council_name=self.words.council_name,
            reading=self.words.reading,
            count=self.words.count,
            attendee_groups=self.words.attendee_groups,
            meeting_link=self.pieces.meeting_link,
            remark_blocks=self.pieces.remark_blocks,
            remark_list=self.pieces.remark_list,
            cite_data=self.pieces.cite_data,
            meeting_citation=self.pieces.meeting_citation,
            absolute=self.words.absolute,
            role_rows=self.pieces.role_rows,
            search_box=self.search_box,
        )

    # -- pages ------------------------------------------------------------------
    @gc_paused()
    def pages(self, into: MutableMapping[str, str] | None = None) -> MutableMapping[str, str]:
        """Every generated page of this language: source path -> Markdown, in a dict or
        added to `into` (the build holds them compressed: `build/heldtexts.py`)."""
        pages: MutableMapping[str, str] = {} if into is None else into
        pages.update(self.index_pages())
        for unit in self.units():
            pages.update(unit.render())
        return pages

    def index_pages(self) -> dict[str, str]:
        """The pages that list the archive as a whole (they are in the navigation)."""
        return {
            urls.SEARCH: self.render_search(),
            urls.MEETINGS: self.render_meetings_index(),
            urls.SPEAKERS: self.render_speakers_index(),
            urls.TOPICS: self.render_topics_index(),
            urls.TRANSLATIONS: self.render_translations(),
            urls.COMPARE: self.render_compare_page(),
        }

    def units(self) -> Iterator[Unit]:
        """Every other generated page, as units that can be made on their own: their
        addresses are known without rendering them (a build renders only the units
        whose inputs changed)."""
        for council in self.archive.councils:
            yield _single(urls.council_src(council), "council", council, self.render_council, council)
        for meeting in self.archive.meetings:
            yield _single(urls.meeting_src(meeting.council, meeting.id), "meeting", meeting.key, self.render_meeting, meeting)
        for person in self.archive.people:
            speaker_years = self.index.speaker_years(person)
            yield _single(urls.speaker_src(person), "speaker", person, self._render_speaker, (person, speaker_years))
            for year, refs in speaker_years or ():
                yield _single(
                    urls.speaker_year_src(person, year),
                    "speaker-year",
                    f"{person}/{year}",
                    self._render_speaker_year,
                    (person, year, refs),
                )
        for topic in self.archive.topics:
            years = self.index.topic_years(topic)
            yield _single(urls.topic_src(topic), "topic", topic, self._render_topic, (topic, years))
            for year, (items, remarks) in years or ():
                yield _single(
                    urls.topic_year_src(topic, year),
                    "topic-year",
                    f"{topic}/{year}",
                    self._render_topic_year,
                    (topic, year, items, remarks),
                )

    def _render(self, template: str, src: str, **context: object) -> str:
        return self.env.get_template(template).render(src=src, **context)

    def render_meeting(self, meeting: Meeting) -> str:
        """A meeting's page."""
        src = urls.meeting_src(meeting.council, meeting.id)
        version = meeting.version(self.lang)
        return self._render(
            "meeting.md.j2",
            src,
            m=meeting,
            v=meeting.reading(self.lang),
            translated=version,
            original_lang=meeting.language,
            council=self.archive.councils[meeting.council],
        )

    def render_compare_page(self) -> str:
        """The one side-by-side page of this language: its script reads the meeting from
        the address (`?meeting=COUNCIL/MEETING`), fetches the meeting's data (both
        languages in one file) and lays the remarks out in pairs; without the script it
        says so and leads to the meetings in each language."""
        keys = (
            "original_column",
            "translation_column",
            "not_translated",
            "stale_notice",
            "kind_narration",
            "compare_loading",
            "compare_failed",
            "compare_not_translated",
            "compare_choose",
            "back_to_meeting",
            "lang_ja",
            "lang_en",
        )
        strings: dict[str, Text] = {key: self.words.t(key) for key in keys}
        strings.update(
            title=self.words.catalogue["compare_title"][self.lang],
            opinion=self.words.catalogue["opinion_heading"][self.lang],
            parentheses=self.words.catalogue["in_parentheses"][self.lang],
        )
        languages = [
            (
                lang,
                self.words.t("compare_meetings_in", language=self.words.t(f"lang_{lang}")),
                urls.href(urls.COMPARE, urls.MEETINGS, lang=None if lang == self.lang else lang),
            )
            for lang in LANGUAGES
        ]
        return self._render(
            "compare.md.j2",
            urls.COMPARE,
            strings=Markup(script_json(strings)),
            languages=languages,
            data=urls.href(urls.COMPARE, urls.HOME) + "../",
        )

    def render_speaker_pages(self, person_id: str) -> dict[str, str]:
        """A speaker's page: names, roles over time, meetings, every remark; or, for a
        speaker with many remarks (`ArchiveIndex.speaker_years`), the remarks on a page
        per year, which the speaker's page lists."""
        years = self.index.speaker_years(person_id)
        pages = {urls.speaker_src(person_id): self._render_speaker((person_id, years))}
        for year, refs in years or ():
            pages[urls.speaker_year_src(person_id, year)] = self._render_speaker_year((person_id, year, refs))
        return pages

    def _render_speaker(self, person_years: tuple[str, list[SpeakerYear] | None]) -> str:
        person_id, years = person_years
        entry = self.index.people[person_id]
        attended = Counter(held.meeting.date.year for held in entry.roles)  # as the page's own count
        spoke = Counter(ref.meeting.date.year for ref in entry.remarks)
        src = urls.speaker_src(person_id)
        year_pages = {y for y, _ in years or ()}
        by_year = [
            (y, attended.get(y, 0), spoke.get(y, 0), self._year_link(src, person_id, y, y in year_pages))
            for y in sorted(set(attended) | set(spoke), reverse=True)
        ]
        return self._render(
            "speaker.md.j2",
            src,
            p=self.archive.people[person_id],
            roles=entry.roles,
            n_remarks=len(entry.remarks),
            year=None,
            years=years is not None,
            by_year=by_year,
            periods=self.role_periods(person_id),
            unnamed=self.unnamed_opinions(person_id),
            remarks=_group_by_meeting(entry.remarks) if years is None else [],
        )

    def _year_link(self, src: str, person_id: str, year: int, has_page: bool) -> Markup:
        """Where a year's count on a speaker's page leads: the year's page (a Markdown link
        MkDocs checks), or their remarks that year in the search."""
        text = self.words.t("year_heading", year=year)
        if has_page:
            return Markup(f"[{md_inline(text)}]({urls.md_link(src, urls.speaker_year_src(person_id, year))})")
        query = f"?speaker={person_id}&from={year}-01-01&to={year}-12-31&sort=oldest"
        return Markup(f'<a href="{html(urls.href(src, urls.SEARCH) + query)}">{html(text)}</a>')

    def role_periods(self, person_id: str) -> list[RolePeriod]:
        """A person's roles as periods, per council: the meetings in a row at which they
        held the same role (as printed in this language), newest period first. Made from
        the person's own meetings only: the build keys a speaker's page by them, so a
        meeting they did not attend must not change it."""
        periods: list[RolePeriod] = []
        by_council: dict[str, list[RoleHeld]] = {}
        for held in self.index.people[person_id].roles:
            by_council.setdefault(held.meeting.council, []).append(held)
        for council, held_list in by_council.items():
            current: RolePeriod | None = None
            start = len(periods)
            for held in sorted(held_list, key=lambda h: (h.meeting.date, h.meeting.id)):
                role = self.words.role_name(held.meeting, person_id)
                if current is not None and current.role == role:
                    current = RolePeriod(council, role, current.first, held.meeting.date, current.meetings + 1, False)
                    periods[-1] = current
                else:
                    current = RolePeriod(council, role, held.meeting.date, held.meeting.date, 1, False)
                    periods.append(current)
            if current is not None and len(periods) - start > 1:  # "most recent" of several roles
                periods[-1] = RolePeriod(current.council, current.role, current.first, current.last, current.meetings, True)
        return sorted(periods, key=lambda p: (p.last, p.first), reverse=True)

    def unnamed_opinions(self, person_id: str) -> list[Meeting]:
        """The meetings a person attended whose minutes record members' opinions without
        saying whose: what they said there may be among them."""
        seen: set[str] = set()
        out = []
        for held in self.index.people[person_id].roles:
            meeting = held.meeting
            # The minutes' unnamed opinions are members' (構成員): a minister or the
            # secretariat present is not among those who gave them.
            if held.absent or meeting.key in seen or held.group not in MEMBER_GROUPS:
                continue
            seen.add(meeting.key)
            if any(r.kind == "unattributed" for r in meeting.remarks):
                out.append(meeting)
        return out

    def meeting_neighbours(self) -> dict[str, str]:
        """Each meeting page's links to the previous and next meeting of its council, as
        HTML to add at its end (keyed by the page: the links change when a meeting is added
        beside it, and a build keys each page by what is added to it)."""
        out: dict[str, str] = {}
        for council in self.archive.councils:
            meetings = sorted(
                (m for year in self.index.by_council_year.get(council, {}).values() for m in year), key=lambda m: (m.date, m.id)
            )
            for i, meeting in enumerate(meetings):
                src = urls.meeting_src(meeting.council, meeting.id)
                before = meetings[i - 1] if i > 0 else None
                after = meetings[i + 1] if i + 1 < len(meetings) else None
                out[src] = self._render(
                    "neighbours.md.j2", src, before=before, after=after, council=self.archive.councils[council]
                )
        return out

    def search_box(self, src: str, field: str, value: str, what: str) -> Markup:
        """A box that searches within one meeting, council, speaker or topic: the search
        page with that filter (shown only where the script runs, which the search needs)."""
        return Markup(self._render("searchbox.html.j2", src, field=field, value=value, what=what).strip())

    def _render_speaker_year(self, person_year: tuple[str, int, list[RemarkRef]]) -> str:
        person_id, year, refs = person_year
        return self._render(
            "speaker.md.j2",
            urls.speaker_year_src(person_id, year),
            p=self.archive.people[person_id],
            roles=[held for held in self.index.people[person_id].roles if held.meeting.date.year == year],
            n_remarks=len(refs),
            year=year,
            years=None,
            remarks=_group_by_meeting(refs),
            by_year=[],
            periods=[],
            unnamed=[],
        )

    def render_speakers_index(self) -> str:
        """All speakers in gojūon or alphabetical order, with counts."""
        people = sorted(self.archive.people.values(), key=lambda p: sort_key_people(p, self.lang))
        return self._render(
            "speakers.md.j2", urls.SPEAKERS, people=people, index=self.index.people, unattributed=len(self.index.unattributed)
        )

    def render_topic_pages(self, topic_id: str) -> dict[str, str]:
        """A topic's page: every agenda item and remark tagged with it, across meetings.
        A topic with many remarks (`ArchiveIndex.topic_years`) gets a page per year
        instead; the topic's page then lists the years."""
        years = self.index.topic_years(topic_id)
        pages = {urls.topic_src(topic_id): self._render_topic((topic_id, years))}
        for year, (items, remarks) in years or ():
            pages[urls.topic_year_src(topic_id, year)] = self._render_topic_year((topic_id, year, items, remarks))
        return pages

    def _render_topic(self, topic_years: tuple[str, list[TopicYear] | None]) -> str:
        topic_id, years = topic_years
        src = urls.topic_src(topic_id)
        entry = self.index.topics[topic_id]
        topic = self.archive.topics[topic_id]
        if years is None:
            return self._render(
                "topic.md.j2",
                src,
                topic=topic,
                items=entry.items,
                remarks=_group_by_meeting(entry.remarks),
                years=None,
                year=None,
            )
        return self._render(
            "topic.md.j2",
            src,
            topic=topic,
            items=entry.items,
            remarks=entry.remarks,
            years=[(y, len(i), len(r)) for y, (i, r) in years],
            year=None,
        )

    def _render_topic_year(self, topic_year: tuple[str, int, list[ItemRef], list[RemarkRef]]) -> str:
        topic_id, year, items, remarks = topic_year
        src = urls.topic_year_src(topic_id, year)
        return self._render(
            "topic.md.j2",
            src,
            topic=self.archive.topics[topic_id],
            items=items,
            remarks=_group_by_meeting(remarks),
            years=None,
            year=year,
        )

    def render_topics_index(self) -> str:
        """All topics with counts."""
        topics = sorted(self.archive.topics.values(), key=lambda t: sort_key_topic(t, self.lang))
        return self._render("topics.md.j2", urls.TOPICS, topics=topics, index=self.index.topics)

    def render_meetings_index(self) -> str:
        """Meetings by council and year, newest first."""
        councils = sorted(self.archive.councils.values(), key=lambda c: c.name.get(self.lang))
        return self._render("meetings.md.j2", urls.MEETINGS, councils=councils, by_year=self.index.by_council_year)

    def render_council(self, council_id: str) -> str:
        """One council's meetings by year."""
        src = urls.council_src(council_id)
        return self._render(
            "council.md.j2", src, council=self.archive.councils[council_id], years=self.index.by_council_year.get(council_id, {})
        )

    def render_search(self) -> str:
        """The remark-search page: the form, with the filter choices that have remarks, and
        the UI strings its script shows (plural forms whole: the script picks by count)."""
        keys = (
            "kind_spoken",
            "kind_written",
            "kind_unattributed",
            "kind_narration",
            "kind_short_written",
            "kind_short_spoken",
            "kind_short_unattributed",
            "kind_short_narration",
            "not_translated",
            "remarks_of",
            "count_remarks",
            "count_results",
            "count_first_results",
            "count_about",
            "count_more_than",
            "dates_reversed",
            "date_format",
            "months",
            "weekdays",
            "in_parentheses",
            "other_language_results",
            "paragraph_joiner",
            "filter_speaker",
            "filter_topic",
            "filter_council",
            "filter_kind",
            "filter_meeting",
            "filter_from",
            "filter_to",
            "filter_unattributed",
            "filter_chip",
            "remove_filter",
            "from_words",
            "fallback_note",
        )
        strings: dict[str, Text] = {key: self.words.catalogue[key][self.lang] for key in keys}
        other = next(lang for lang in LANGUAGES if lang != self.lang)
        # The other language named in this page's language: "in English", 「英語では」.
        language = self.words.t(f"lang_{other}")
        strings["other_language_results"] = {
            form: text.replace("{language}", language)
            for form, text in self.words.catalogue["other_language_results"][self.lang].items()  # type: ignore[union-attr]
        }
        strings.update(
            prompt=self.words.t("search_prompt"),
            searching=self.words.t("searching"),
            failed=self.words.t("search_failed"),
            other_language_some=self.words.t("other_language_some", language=language),
            literal_note=self.words.catalogue["literal_note"][self.lang],
        )
        # Only choices with remarks: a speaker who never spoke, or a topic only agenda
        # items carry, would always give nothing.
        people = sorted(
            (p for p in self.archive.people.values() if self.index.people[p.id].remarks),
            key=lambda p: sort_key_people(p, self.lang),
        )
        topics = sorted(
            (t for t in self.archive.topics.values() if self.index.topics[t.id].remarks),
            key=lambda t: sort_key_topic(t, self.lang),
        )
        councils = sorted(self.archive.councils.values(), key=lambda c: c.name.get(self.lang))
        kinds = [kind for kind in REMARK_KINDS if any(r.kind == kind for m in self.archive.meetings for r in m.remarks)]
        payload = Markup(script_json(strings))
        return self._render(
            "search.md.j2",
            urls.SEARCH,
            people=people,
            topics=topics,
            councils=councils,
            kinds=kinds,
            strings=payload,
            unattributed=bool(self.index.unattributed),
            other_lang=other,
        )

    def render_translations(self) -> str:
        """What is left to translate, per council (`translate/status.py`)."""
        councils = archive_status(self.archive)
        to_translate, to_review = totals(councils)
        states = {
            s.meeting.key: self.words.t(
                "translations_into",
                language=self.words.t(f"translations_language_{s.lang}"),
                states=self.words.t("list_separator").join(self.words.t(f"translation_state_{x}") for x in s.states),
            )
            for c in councils
            for s in c.meetings
        }
        links = {
            s.meeting.key: Markup(md_cell(self.pieces.meeting_link(urls.TRANSLATIONS, s.meeting)))
            for c in councils
            for s in c.meetings
        }
        return self._render(
            "translations.md.j2",
            urls.TRANSLATIONS,
            councils=councils,
            to_translate=to_translate,
            to_review=to_review,
            states=states,
            links=links,
            listed=bool(states),
        )

    def render_latest(self, from_src: str, count: int = 10) -> str:
        """The latest meetings as a Markdown list, for the home page."""
        return self._render("latest.md.j2", from_src, meetings=self.index.latest(count))

    def render_withdrawn(self, src: str, reason: str) -> str:
        """A tombstone at the address of a page the ledger records as withdrawn."""
        return self._render("withdrawn.md.j2", src, reason=reason)

    def render_untranslated_page(self, src: str, title: str, other_lang: str) -> str:
        """A stand-in for a hand-written page that exists only in another language."""
        return self._render("untranslated.md.j2", src, title=title, other_lang=other_lang)


@dataclass(frozen=True, slots=True)
class RolePeriod:
    """Meetings of one council in a row at which a person held the same role."""

    council: str
    role: str
    first: date
    last: date
    meetings: int
    latest: bool
    """The role they held at the latest of their meetings of the council, where they held several."""


@dataclass(frozen=True, slots=True)
class Unit:
    """Generated pages made together from the same inputs: a meeting's page, a speaker's,
    a topic's pages (one per year when it is long)."""

    srcs: tuple[str, ...]
    kind: str
    """meeting, compare, speaker, speaker-year, topic, topic-year or council (`build/inputs.py` keys each kind)."""
    subject: str
    """The meeting's key, or the person's, topic's or council's id."""
    render: Callable[[], dict[str, str]]
    """Its pages' Markdown, by source path."""


def _single(src: str, kind: str, subject: str, render: Callable[[T], str], value: T) -> Unit:
    return Unit((src,), kind, subject, lambda: {src: render(value)})


def _group_by_meeting(refs: list[RemarkRef]) -> list[tuple[Meeting, list[Remark]]]:
    groups: list[tuple[Meeting, list[Remark]]] = []
    for ref in refs:
        if groups and groups[-1][0] is ref.meeting:
            groups[-1][1].append(ref.remark)
        else:
            groups.append((ref.meeting, [ref.remark]))
    return groups
