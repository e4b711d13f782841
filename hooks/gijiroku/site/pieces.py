"""The most repeated pieces of pages, written in Python rather than Jinja.

A meeting page is mostly remarks, and speaker and topic pages mostly links to remarks
and rows of tables: each such list is written here by one call from its template
rather than item by item in Jinja, which spends most of its time calling helpers.
Measured on 1,000 synthetic meetings, both languages rendered in 3.5 s this way and
6.3 s as Jinja macros (docs/dev/en/performance.md); the golden pages check the output.
Every value is escaped for where it lands (`gijiroku.escape`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from .. import urls
from ..catalogue import excerpt, format_date
from ..escape import html, md_cell, md_inline, script_json
from ..index import RoleHeld
from ..model import Meeting, Reading, Remark, Version
from .wording import Wording

SPEAKER_MARK = "\x01s\x01"
ROLE_MARK = "\x01r\x01"
"""Where a remark's citation pattern (`Pieces.cite_data`) takes the speaker's name and role."""


class Pieces:
    """Remarks, side-by-side rows, remark lists and role rows, as finished Markdown/HTML,
    in the words of one language (`words`)."""

    def __init__(self, words: Wording) -> None:
        self.words = words
        self.index, self.archive, self.lang = words.index, words.archive, words.lang
        self._listed: dict[tuple[str, str], tuple[str, str]] = {}

    def remark_blocks(
        self, src: str, m: Meeting, remarks: Iterable[Remark], translated: Version | None, text_lang: str
    ) -> Markup:
        """The remarks and narration of one section of a meeting page."""
        page = _PageContext(src, m, m.reading(self.lang), translated, html(text_lang), text_lang != self.lang)
        return Markup("".join(self.remark_block(page, r) + "\n" for r in remarks))

    def remark_block(self, page: _PageContext, r: Remark) -> str:
        """One remark or piece of narration of a meeting page: heading, text and topics.

        Nothing here is repeated per remark that the page can hold once: the links to copy
        and the citation are made by the page's script from the meeting's citation pattern
        (`cite_data`) when a reader opens them; the heading's permalink (¶) stays. A text in
        the page's own language carries no `lang` of its own, and a spoken remark (the
        usual kind) no badge: the other kinds are named."""
        ht = self.words.escaped
        src = page.src
        rid = html(r.id)
        text = page.reading.remark(r.id)
        stale = page.translated is not None and r.id in page.translated.stale
        stale_class = " gj-stale" if stale else ""
        stale_note = f'<p class="gj-stale-note" data-search-exclude>{ht("stale_notice")}</p>\n' if stale else ""
        lang_attr = f' lang="{page.text_lang}"' if page.foreign else ""
        body = "".join(f"<p>{html(p)}</p>\n" for p in text.paragraphs)
        if r.kind == "narration":
            return f'<div id="{rid}" class="gj-narration{stale_class}"{lang_attr}>\n{body}{stale_note}</div>\n'
        if r.speaker:
            role = self.words.role_of(page.meeting, r.speaker)
            role_html = f'<span class="gj-role">{md_inline(self.words.in_parentheses(role))}</span>' if role else ""
            link = urls.md_link(src, urls.speaker_src(r.speaker))
            heading = (
                f"### [{md_inline(self.words.person_name(r.speaker))}]({html(link)}){role_html} {{#{rid} .gj-remark-heading}}"
            )
        else:
            heading = f"### {md_inline(self.words.remark_heading(page.meeting, r))} {{#{rid} .gj-remark-heading}}"
        badge = "" if r.kind == "spoken" else f'<span class="gj-badge gj-badge-{html(r.kind)}">{ht("kind_" + r.kind)}</span>'
        label = f'<span class="gj-label">{html(text.label)}</span>' if text.label else ""
        kind_line = (
            f'<p class="gj-remark-kind" data-search-exclude>{badge}{" " if badge and label else ""}{label}</p>\n'
            if badge or label
            else ""
        )
        kind_class = "" if r.kind == "spoken" else f" gj-kind-{html(r.kind)}"
        topics = ""
        if r.topics:
            topics = (
                '<p class="gj-topics" data-search-exclude>' + " ".join(self._topic_link(src, tp) for tp in r.topics) + "</p>\n"
            )
        return (
            f"{heading}\n\n"
            f'<div class="gj-remark{kind_class}{stale_class}"{lang_attr}>\n{kind_line}{body}{stale_note}{topics}</div>\n'
        )

    def meeting_citation(self, m: Meeting) -> str:
        """The meeting's citation (council, title, record, date; a translation says so),
        printed once on its page: what a remark's citation begins with."""
        return self.words.t("citation_narration", **self.words.citation_values(m))

    def cite_data(self, src: str, m: Meeting) -> Markup:
        """What the page's script makes each remark's tools from, held once per page: the
        meeting's citation patterns (its part filled in; the speaker's left to fill from
        `people`), the page's address where the site's is known, and the tools' words."""
        values = self.words.citation_values(m)
        people: dict[str, list[str]] = {}
        for r in m.remarks:
            if r.speaker and r.speaker not in people:
                people[r.speaker] = [self.words.person_name(r.speaker), self.words.role_of(m, r.speaker)]
        # Control characters never occur in the minutes (textrules): they mark where the
        # script puts the speaker's name and role.
        keep = {"speaker": SPEAKER_MARK, "role": ROLE_MARK}
        data = {
            "remark": self.words.t("citation_remark", **values, **keep),
            "unattributed": self.words.t("citation_unattributed", **values),
            "narration": self.words.t("citation_narration", **values),
            "people": people,
            "url": self.words.absolute(src),
            "words": {key: self.words.t(key) for key in ("cite_and_link", "copy_link", "copy_citation", "copied")},
        }
        return Markup(f'<script type="application/json" class="gj-cite-data">{script_json(data)}</script>')

    def _topic_link(self, src: str, topic: str) -> str:
        return (
            f'<a class="gj-topic" href="{html(urls.href(src, urls.topic_src(topic)))}">{html(self.words.topic_label(topic))}</a>'
        )

    def remark_list(self, src: str, groups: list[tuple[Meeting, list[Remark]]]) -> Markup:
        """Remarks of speaker and topic pages, under a heading per meeting: deep links and excerpts."""
        written = f' <span class="gj-badge">{self.words.escaped("kind_short_written")}</span>'
        out = []
        for m, remarks in groups:
            out.append(f"### {self.meeting_link(src, m)} <small>{html(format_date(m.date, self.lang))}</small>\n\n")
            page = html(urls.md_link(src, urls.meeting_src(m.council, m.id)))
            for r in remarks:
                heading, text = self._list_texts(m, r)
                badge = written if r.kind == "written" else ""
                out.append(f'- [{heading}]({page}#{html(r.id)}){badge}\n  <br><span class="gj-excerpt">{text}</span>\n')
            out.append("\n")
        return Markup("".join(out))

    def _list_texts(self, m: Meeting, r: Remark) -> tuple[str, str]:
        # A remark is listed on its speaker's page and on each of its topics' pages:
        # its escaped heading and excerpt are made once.
        key = (m.key, r.id)
        texts = self._listed.get(key)
        if texts is None:
            texts = self._listed[key] = (
                md_inline(self.words.remark_heading(m, r)),
                md_inline(excerpt(m.reading(self.lang).remark(r.id).paragraphs, self.lang)),
            )
        return texts

    def role_rows(self, src: str, person_id: str, roles: Iterable[RoleHeld]) -> Markup:
        """The rows of a speaker's table of roles: date, meeting, role (absent); the council
        is in the roles summary above, not repeated in every row."""
        absent = md_inline(self.words.in_parentheses(self.words.t("absent")))
        return Markup(
            "\n".join(
                f"| {html(format_date(held.meeting.date, self.lang))} | {md_cell(self.meeting_link(src, held.meeting))} | "
                f"{md_cell(md_inline(self.words.role_name(held.meeting, person_id)))}{absent if held.absent else ''} |"
                for held in roles
            )
        )

    def meeting_link(self, src: str, m: Meeting) -> Markup:
        """A Markdown link to a meeting's page, titled in this language."""
        return Markup(f"[{md_inline(m.reading(self.lang).title)}]({html(urls.md_link(src, urls.meeting_src(m.council, m.id)))})")


@dataclass(frozen=True, slots=True)
class _PageContext:
    """What every remark block of one meeting page shares."""

    src: str
    meeting: Meeting
    reading: Reading
    translated: Version | None
    text_lang: str
    foreign: bool
    """Whether the text is in another language than the page (then it says which)."""
