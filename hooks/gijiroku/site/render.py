"""Rendering the archive's pages as Markdown, one language at a time, from Jinja templates.

Minutes text never reaches a page unescaped: every value goes through one of the
escapers in `gijiroku.escape`, chosen by where it lands. The environment makes every
value one safe line (`finalize`) and HTML-escapes it; the `md` filter also escapes
Markdown syntax where a value lands in Markdown, `ystr` writes page titles; the
pieces written in Python (remarks, list items, side-by-side rows) call `html` and
`md_inline` themselves.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import jinja2
import jinja2.bccache
import yaml
from markupsafe import Markup

from ..escape import front_matter_value, html, md_cell, md_inline, safe_url, script_json, scrub_value
from ..gcpause import gc_paused
from ..index import ArchiveIndex, RemarkRef, RoleHeld
from ..model import GROUPS, LANGUAGES, REMARK_KINDS, Attendee, Meeting, Person, Remark, Topic, Version
from . import urls

HERE = Path(__file__).parent
EXCERPT_CHARS = {"ja": 90, "en": 180}
TOPIC_PAGE_REMARKS = 300
"""Above this many remarks, a topic's remarks are listed on a page per year."""


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept for the life of the process, keyed by template and
    checked against its source (an edited template is compiled again).

    Every MkDocs build makes a new Jinja environment that would compile the theme's
    templates again: under `mkdocs serve` that is three builds per save, and the
    language builds of `mkdocs build` inherit what the root build compiled."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


BYTECODE_CACHE = MemoryBytecodeCache()


Text = str | dict[str, str] | list[str]
"""A catalogue entry in one language: a string, plural forms by CLDR category, or a list."""


@functools.lru_cache(maxsize=1)
def _catalogue() -> dict[str, dict[str, Text]]:
    return load_catalogue()


def load_catalogue() -> dict[str, dict[str, Text]]:
    """The UI strings, key -> {lang: text}; a counted string has plural forms
    ({one: …, other: …}), every one with an `other`."""
    with open(HERE / "catalogue.yml", encoding="utf-8") as handle:
        catalogue = yaml.safe_load(handle)
    for key, texts in catalogue.items():
        missing = [lang for lang in LANGUAGES if lang not in texts]
        if missing:
            raise ValueError(f"catalogue entry {key!r} lacks {missing}")
        for lang, text in texts.items():
            if isinstance(text, dict) and "other" not in text:
                raise ValueError(f"catalogue entry {key!r} ({lang}) has plural forms without 'other'")
    return catalogue


def plural_category(lang: str, n: int) -> str:
    """The CLDR plural category of a count, as Intl.PluralRules gives it in the browser
    (for the languages the site has: Japanese has no plural; English says 1 remark)."""
    return "one" if lang == "en" and n == 1 else "other"


def catalogue_text(key: str, lang: str, /, **values: object) -> str:
    """A UI string in a language, with {placeholders} filled; plural forms are chosen by `n`."""
    text = _catalogue()[key][lang]
    if isinstance(text, dict):
        n = values["n"]
        text = text.get(plural_category(lang, int(n)), text["other"])  # type: ignore[arg-type]
    return text.format(**values) if values else text  # type: ignore[union-attr]


@functools.cache
def format_date(date: dt.date, lang: str, key: str = "date_format") -> str:
    """2023年8月4日（金） / 4 August 2023 (Fri), from the catalogue (the search page's
    script writes its dates from the same pattern); `date_format_short` has no weekday."""
    months, weekdays = _catalogue()["months"][lang], _catalogue()["weekdays"][lang]
    return catalogue_text(key, lang, year=date.year, month=months[date.month - 1], day=date.day,
                          weekday=weekdays[date.weekday()])


def excerpt(paragraphs: Iterable[str], lang: str) -> str:
    """The start of a remark, cut at a character budget, for index pages."""
    joiner = catalogue_text("paragraph_joiner", lang)
    text = joiner.join(paragraphs)
    limit = EXCERPT_CHARS.get(lang, 120)
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if joiner == " " and " " in cut:  # a language that spaces its words is cut between words
        cut = cut.rsplit(" ", 1)[0]
    return cut + "…"


def sort_key_people(person: Person, lang: str) -> str:
    """Gojūon order by reading in Japanese; alphabetical by romanised name in English."""
    return person.sort_key_ja if lang == "ja" else person.sort_key_en


def sort_key_topic(topic: Topic, lang: str) -> str:
    """By reading in Japanese where there is one; by label otherwise."""
    if lang == "ja":
        return unicodedata.normalize("NFKC", topic.reading or topic.label.ja)
    return topic.label.en.casefold()


class Renderer:
    """Renders every generated page of one language from the cross-index, nothing more."""

    @staticmethod
    def catalogue_strings(key: str) -> dict[str, Text]:
        """One UI string in every language."""
        return dict(_catalogue()[key])

    def __init__(self, index: ArchiveIndex, lang: str, site_url: str = "") -> None:
        self.index = index
        self.archive = index.archive
        self.lang = lang
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self.catalogue = _catalogue()
        self._opinion_numbers: dict[str, dict[str, int]] = {}
        self._listed: dict[tuple[str, str], tuple[str, str]] = {}
        self._escaped = functools.lru_cache(maxsize=None)(lambda key: html(self.t(key)))
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
            t=self.t, lang=lang, date=lambda d: format_date(d, lang), urls=urls,
            date_short=lambda d: format_date(d, lang, "date_format_short"),
            person_name=self.person_name, topic_label=self.topic_label, council_name=self.council_name,
            version_of=self.version_for, count=self.count, attendee_groups=self.attendee_groups, meeting_link=self.meeting_link,
            remark_blocks=self.remark_blocks, compare_rows=self.compare_rows, remark_list=self.remark_list,
            role_rows=self.role_rows,
        )

    # -- strings ----------------------------------------------------------------
    def t(self, key: str, /, **values: object) -> str:
        """A UI string in this language, with {placeholders} filled (plural forms by `n`)."""
        return catalogue_text(key, self.lang, **values)

    def count(self, key: str, n: int) -> str:
        """'1 remark' / '3 remarks': the plural forms of `count_KEY`."""
        return self.t(f"count_{key}", n=n)

    def person_name(self, person_id: str) -> str:
        """A person's name in this language."""
        return self.archive.people[person_id].name.get(self.lang)

    def topic_label(self, topic_id: str) -> str:
        """A topic's label in this language."""
        return self.archive.topics[topic_id].label.get(self.lang)

    def council_name(self, council_id: str) -> str:
        """A council's name in this language."""
        return self.archive.councils[council_id].name.get(self.lang)

    def absolute(self, src: str, anchor: str = "") -> str:
        """The absolute URL of a page of this language, when the site URL is known."""
        if not self.site_url:
            return ""
        return f"{self.site_url}{urls.url_of(src)}" + (f"#{anchor}" if anchor else "")

    # -- per-meeting text -------------------------------------------------------
    def version_for(self, meeting: Meeting) -> Version:
        """The meeting's text in this language, or the original where it is not translated."""
        return meeting.version(self.lang) or meeting.original

    def text_of(self, meeting: Meeting, remark_id: str) -> tuple[str, ...]:
        """A remark's paragraphs in this language, or in the original."""
        version = self.version_for(meeting)
        text = version.remarks.get(remark_id) or meeting.original.remarks[remark_id]
        return text.paragraphs

    def role_of(self, meeting: Meeting, person_id: str) -> str:
        """The role a person held at a meeting, as printed, in this language if translated."""
        version = self.version_for(meeting)
        role = version.roles.get(person_id) or meeting.original.roles.get(person_id)
        return role.role if role else ""

    def remark_heading(self, meeting: Meeting, remark: Remark) -> str:
        """The plain-text title of a remark: speaker and role, or the opinion's number."""
        if remark.speaker:
            role = self.role_of(meeting, remark.speaker)
            return self.person_name(remark.speaker) + (self.in_parentheses(role) if role else "")
        if remark.kind == "unattributed":
            return self.t("opinion_heading", n=self.opinion_number(meeting, remark))
        return self.t("kind_narration")

    def opinion_number(self, meeting: Meeting, remark: Remark) -> int:
        """The 1-based position of an unattributed opinion among the meeting's opinions."""
        numbers = self._opinion_numbers.get(meeting.key)
        if numbers is None:
            opinions = [r.id for r in meeting.remarks if r.kind == "unattributed"]
            numbers = self._opinion_numbers[meeting.key] = {rid: n for n, rid in enumerate(opinions, 1)}
        return numbers[remark.id]

    def in_parentheses(self, text: str) -> str:
        """（text） after Japanese, " (text)" after English: how a role follows a name."""
        return self.t("in_parentheses", text=text)

    def citation(self, meeting: Meeting, remark: Remark, values: dict[str, str] | None = None) -> str:
        """A citation line for a remark: council, meeting, record, date, speaker and role
        (`values`: the meeting's part, from `citation_values`, where it is at hand)."""
        values = values or self.citation_values(meeting)
        if remark.speaker:
            return self.t("citation_remark", speaker=self.person_name(remark.speaker),
                          role=self.role_of(meeting, remark.speaker), **values)
        if remark.kind == "unattributed":
            return self.t("citation_unattributed", **values)
        return self.t("citation_narration", **values)

    def citation_values(self, meeting: Meeting) -> dict[str, str]:
        """What every citation of a meeting's remarks says of the meeting."""
        version = self.version_for(meeting)
        translation = ""
        if version.is_translation and version.provenance is not None:
            # A citation of a translation says so: the words are not the record's own.
            translation = self.t("citation_translation", status=self.t(f"status_{version.provenance.status}"),
                                 original=self.t(f"lang_{meeting.language}"))
        return dict(
            council=self.council_name(meeting.council), title=version.title,
            record=self.t(f"record_{meeting.record}"), date=format_date(meeting.date, self.lang),
            translation=translation,
        )

    def attendee_groups(self, meeting: Meeting) -> list[tuple[str, list[Attendee]]]:
        """The meeting's attendance list by group, in the order of GROUPS; empty groups left out."""
        by_group: dict[str, list[Attendee]] = {}
        for attendee in meeting.attendees:
            by_group.setdefault(attendee.group, []).append(attendee)
        return [(group, by_group[group]) for group in GROUPS if group in by_group]

    # -- the most repeated pieces, in Python ---------------------------------------
    # A meeting page is mostly remarks, and speaker and topic pages mostly links to
    # remarks and rows of tables: each such list is written here by one call from its
    # template rather than item by item in Jinja, which spends most of its time calling
    # helpers. The output is the same (the golden files check it).

    def remark_blocks(self, src: str, m: Meeting, remarks: Iterable[Remark], translated: Version | None,
                      text_lang: str) -> Markup:
        """The remarks and narration of one section of a meeting page."""
        page = _PageContext(src, m, self.version_for(m), translated, html(text_lang), self.absolute(src),
                            self.citation_values(m))
        return Markup("".join(self.remark_block(page, r) + "\n" for r in remarks))

    def remark_block(self, page: _PageContext, r: Remark) -> str:
        """One remark or piece of narration of a meeting page: heading, text, links, citation."""
        ht = self._escaped
        m, src, tl = page.meeting, page.src, page.text_lang
        rid, kind = html(r.id), html(r.kind)
        text = page.version.remarks.get(r.id) or m.original.remarks[r.id]
        stale = page.translated is not None and r.id in page.translated.stale
        stale_class = " gj-stale" if stale else ""
        stale_note = f'<p class="gj-stale-note" data-search-exclude>{ht("stale_notice")}</p>\n' if stale else ""
        if r.kind == "narration":
            body = "".join(f"<p>{html(p)}</p>\n" for p in text.paragraphs)
            return f'<div id="{rid}" class="gj-narration{stale_class}" lang="{tl}">\n{body}{stale_note}</div>\n'
        cite = html(self.citation(m, r, page.cited))
        attrs = f'{{#{rid} .gj-remark-heading data-kind="{kind}"}}'
        if r.speaker:
            role = self.role_of(m, r.speaker)
            role_html = ""
            if role:
                role_html = f'<span class="gj-role">{md_inline(self.in_parentheses(role))}</span>'
            link = urls.md_link(src, urls.speaker_src(r.speaker))
            heading = f"### [{md_inline(self.person_name(r.speaker))}]({html(link)}){role_html} {attrs}"
        else:
            heading = f"### {md_inline(self.remark_heading(m, r))} {attrs}"
        label_html = f' <span class="gj-label">{html(text.label)}</span>' if text.label else ""
        body = "".join(f'<p lang="{tl}">{html(p)}</p>\n' for p in text.paragraphs)
        topics = ""
        if r.topics:
            topics = '<p class="gj-topics">' + " ".join(self._topic_link(src, tp) for tp in r.topics) + "</p>\n"
        url = html(f"{page.url}#{r.id}") if page.url else ""
        return (
            f"{heading}\n\n"
            f'<div class="gj-remark gj-kind-{kind}{stale_class}" data-remark="{rid}">\n'
            f'<p class="gj-remark-kind" data-search-exclude><span class="gj-badge gj-badge-{kind}">'
            f'{ht("kind_" + r.kind)}</span>{label_html}</p>\n'
            f"{body}{stale_note}"
            f'<div class="gj-remark-foot" data-search-exclude>\n{topics}'
            f'<p class="gj-tools"><a class="gj-permalink" href="#{rid}">{ht("link_to_remark")}</a> '
            f'<button type="button" class="gj-copy" data-anchor="{rid}" '
            f'data-copied="{ht("copied")}">{ht("copy_link")}</button></p>\n'
            f'<details class="gj-cite"><summary>{ht("cite")}</summary><p><span class="gj-citation">{cite}</span> '
            f'<span class="gj-citation-url">{url}</span></p>\n'
            f'<p class="gj-cite-tools"><button type="button" class="gj-copy gj-copy-citation" data-anchor="{rid}" '
            f'data-copied="{ht("copied")}">{ht("copy_citation")}</button></p></details>\n'
            "</div>\n</div>\n")

    def _topic_link(self, src: str, topic: str) -> str:
        return f'<a class="gj-topic" href="{html(urls.href(src, urls.topic_src(topic)))}">{html(self.topic_label(topic))}</a>'

    def compare_rows(self, src: str, m: Meeting, translation: Version | None, other_lang: str) -> Markup:
        """Every row of the side-by-side view, in the order of the proceedings."""
        page = html(urls.href(src, urls.meeting_src(m.council, m.id)))
        return Markup("".join(self.compare_row(page, m, r, translation, other_lang) + "\n"
                              for section in m.sections for r in section.remarks))

    def compare_row(self, page: str, m: Meeting, r: Remark, translation: Version | None, other_lang: str) -> str:
        """One row of the side-by-side view (`page`: the meeting page's escaped URL): the
        original remark and its translation."""
        original = m.original
        rid = html(r.id)
        text = original.remarks[r.id]
        # The heading is in the page's language, whatever the cell's text is in.
        head = f'<p class="gj-compare-head" lang="{html(self.lang)}"><a href="{page}#{rid}">{html(self.remark_heading(m, r))}</a></p>'
        left = head + "".join(f"<p>{html(p)}</p>" for p in text.paragraphs)
        translated = translation.remarks.get(r.id) if translation else None
        stale = translation is not None and r.id in translation.stale
        if translated:
            right = "".join(f"<p>{html(p)}</p>" for p in translated.paragraphs)
            if stale:
                right += f'<p class="gj-stale-note">{self._escaped("stale_notice")}</p>'
        else:
            right = f'<p class="gj-missing">{self._escaped("not_translated")}</p>'
        stale_class = ' class="gj-stale"' if stale else ""
        return (
            f'<tr id="{rid}" class="gj-compare-row gj-kind-{html(r.kind)}" data-remark="{rid}">\n'
            f'<td lang="{html(original.lang)}">{left}</td>\n'
            f'<td lang="{html(other_lang)}"{stale_class}>{right}</td>\n</tr>')

    def remark_list(self, src: str, groups: list[tuple[Meeting, list[Remark]]]) -> Markup:
        """Remarks of speaker and topic pages, under a heading per meeting: deep links and excerpts."""
        written = f' <span class="gj-badge">{self._escaped("kind_short_written")}</span>'
        out = []
        for m, remarks in groups:
            out.append(f"### {self.meeting_link(src, m)} <small>{html(format_date(m.date, self.lang))}</small>\n\n")
            page = html(urls.md_link(src, urls.meeting_src(m.council, m.id)))
            for r in remarks:
                heading, text = self._list_texts(m, r)
                badge = written if r.kind == "written" else ""
                out.append(f"- [{heading}]({page}#{html(r.id)}){badge}\n"
                           f'  <br><span class="gj-excerpt">{text}</span>\n')
            out.append("\n")
        return Markup("".join(out))

    def _list_texts(self, m: Meeting, r: Remark) -> tuple[str, str]:
        # A remark is listed on its speaker's page and on each of its topics' pages:
        # its escaped heading and excerpt are made once.
        key = (m.key, r.id)
        texts = self._listed.get(key)
        if texts is None:
            texts = self._listed[key] = (md_inline(self.remark_heading(m, r)),
                                         md_inline(excerpt(self.text_of(m, r.id), self.lang)))
        return texts

    def role_rows(self, src: str, person_id: str, roles: Iterable[RoleHeld]) -> Markup:
        """The rows of a speaker's table of roles: date, meeting and council, role (absent)."""
        absent = md_inline(self.in_parentheses(self.t("absent")))
        return Markup("\n".join(
            f"| {html(format_date(held.meeting.date, self.lang))} | {md_cell(self.meeting_link(src, held.meeting))}"
            f"{md_cell(md_inline(self.in_parentheses(self.council_name(held.meeting.council))))} | "
            f"{md_cell(md_inline(self.role_of(held.meeting, person_id)))}{absent if held.absent else ''} |"
            for held in roles))

    def meeting_link(self, src: str, m: Meeting) -> Markup:
        """A Markdown link to a meeting's page, titled in this language."""
        return Markup(f"[{md_inline(self.version_for(m).title)}]({html(urls.md_link(src, urls.meeting_src(m.council, m.id)))})")

    # -- pages ------------------------------------------------------------------
    @gc_paused()
    def pages(self) -> dict[str, str]:
        """Every generated page of this language: source path -> Markdown."""
        pages: dict[str, str] = {
            urls.SEARCH: self.render_search(),
            urls.MEETINGS: self.render_meetings_index(),
            urls.SPEAKERS: self.render_speakers_index(),
            urls.TOPICS: self.render_topics_index(),
        }
        for council in self.archive.councils:
            pages[urls.council_src(council)] = self.render_council(council)
        for meeting in self.archive.meetings:
            pages[urls.meeting_src(meeting.council, meeting.id)] = self.render_meeting(meeting)
            if len(meeting.versions) > 1:
                pages[urls.compare_src(meeting.council, meeting.id)] = self.render_compare(meeting)
        for person in self.archive.people:
            pages[urls.speaker_src(person)] = self.render_speaker(person)
        for topic in self.archive.topics:
            pages.update(self.render_topic_pages(topic))
        return pages

    def _render(self, template: str, src: str, **context: object) -> str:
        return self.env.get_template(template).render(src=src, **context)

    def render_meeting(self, meeting: Meeting) -> str:
        """A meeting's page."""
        src = urls.meeting_src(meeting.council, meeting.id)
        version = meeting.version(self.lang)
        return self._render(
            "meeting.md.j2", src, m=meeting, v=self.version_for(meeting), translated=version,
            original_lang=meeting.language, council=self.archive.councils[meeting.council],
        )

    def render_compare(self, meeting: Meeting) -> str:
        """Original and translation side by side, remark by remark."""
        src = urls.compare_src(meeting.council, meeting.id)
        other = next(lang for lang in LANGUAGES if lang != meeting.language)
        return self._render(
            "compare.md.j2", src, m=meeting, v=self.version_for(meeting), original=meeting.original,
            translation=meeting.version(other), other_lang=other,
        )

    def render_speaker(self, person_id: str) -> str:
        """A speaker's page: names, roles over time, meetings, every remark."""
        src = urls.speaker_src(person_id)
        entry = self.index.people[person_id]
        return self._render(
            "speaker.md.j2", src, p=self.archive.people[person_id], roles=entry.roles,
            remarks=_group_by_meeting(entry.remarks),
        )

    def render_speakers_index(self) -> str:
        """All speakers in gojūon or alphabetical order, with counts."""
        people = sorted(self.archive.people.values(), key=lambda p: sort_key_people(p, self.lang))
        return self._render("speakers.md.j2", urls.SPEAKERS, people=people, index=self.index.people,
                            unattributed=len(self.index.unattributed))

    def render_topic_pages(self, topic_id: str) -> dict[str, str]:
        """A topic's page: every agenda item and remark tagged with it, across meetings.
        A topic with more than TOPIC_PAGE_REMARKS remarks gets a page per year instead,
        so that no page grows with the whole archive; the topic's page then lists the years."""
        src = urls.topic_src(topic_id)
        entry = self.index.topics[topic_id]
        topic = self.archive.topics[topic_id]
        if len(entry.remarks) <= TOPIC_PAGE_REMARKS:
            return {src: self._render("topic.md.j2", src, topic=topic, items=entry.items,
                                      remarks=_group_by_meeting(entry.remarks), years=None, year=None)}
        by_year: dict[int, tuple[list, list]] = {}
        for item_ref in entry.items:
            by_year.setdefault(item_ref.meeting.date.year, ([], []))[0].append(item_ref)
        for remark_ref in entry.remarks:
            by_year.setdefault(remark_ref.meeting.date.year, ([], []))[1].append(remark_ref)
        years = sorted(by_year.items(), reverse=True)
        pages = {src: self._render("topic.md.j2", src, topic=topic, items=entry.items, remarks=entry.remarks,
                                   years=[(y, len(i), len(r)) for y, (i, r) in years], year=None)}
        for year, (items, remarks) in years:
            year_src = urls.topic_year_src(topic_id, year)
            pages[year_src] = self._render("topic.md.j2", year_src, topic=topic, items=items,
                                           remarks=_group_by_meeting(remarks), years=None, year=year)
        return pages

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
        return self._render("council.md.j2", src, council=self.archive.councils[council_id],
                            years=self.index.by_council_year.get(council_id, {}))

    def render_search(self) -> str:
        """The remark-search page: the form, with the filter choices that have remarks, and
        the UI strings its script shows (plural forms whole: the script picks by count)."""
        keys = ("kind_spoken", "kind_written", "kind_unattributed", "kind_narration", "kind_short_written",
                "not_translated", "remarks_of", "count_remarks", "count_results", "count_first_results",
                "dates_reversed", "date_format", "months", "weekdays", "in_parentheses", "other_language_results",
                "paragraph_joiner")
        strings: dict[str, Text] = {key: self.catalogue[key][self.lang] for key in keys}
        other = next(lang for lang in LANGUAGES if lang != self.lang)
        language = self.catalogue["language_name"][other]
        strings["other_language_results"] = {
            form: text.replace("{language}", str(language))
            for form, text in self.catalogue["other_language_results"][self.lang].items()}  # type: ignore[union-attr]
        strings.update(prompt=self.t("search_prompt"), searching=self.t("searching"), failed=self.t("search_failed"),
                       other_language_some=self.t("other_language_some", language=language))
        # Only choices with remarks: a speaker who never spoke, or a topic only agenda
        # items carry, would always give nothing.
        people = sorted((p for p in self.archive.people.values() if self.index.people[p.id].remarks),
                        key=lambda p: sort_key_people(p, self.lang))
        topics = sorted((t for t in self.archive.topics.values() if self.index.topics[t.id].remarks),
                        key=lambda t: sort_key_topic(t, self.lang))
        councils = sorted(self.archive.councils.values(), key=lambda c: c.name.get(self.lang))
        kinds = [kind for kind in REMARK_KINDS if any(r.kind == kind for m in self.archive.meetings for r in m.remarks)]
        payload = Markup(script_json(strings))
        return self._render("search.md.j2", urls.SEARCH, people=people, topics=topics, councils=councils,
                            kinds=kinds, strings=payload, unattributed=bool(self.index.unattributed),
                            other_lang=other)

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
class _PageContext:
    """What every remark block of one meeting page shares."""

    src: str
    meeting: Meeting
    version: Version
    translated: Version | None
    text_lang: str
    url: str
    """The page's absolute URL, or "" without a site URL."""
    cited: dict[str, str]
    """The meeting's part of every citation (`Renderer.citation_values`)."""


def _group_by_meeting(refs: list[RemarkRef]) -> list[tuple[Meeting, list[Remark]]]:
    groups: list[tuple[Meeting, list[Remark]]] = []
    for ref in refs:
        if groups and groups[-1][0] is ref.meeting:
            groups[-1][1].append(ref.remark)
        else:
            groups.append((ref.meeting, [ref.remark]))
    return groups
