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
from ..escape import html, md_cell, md_inline
from ..index import ArchiveIndex, RoleHeld
from ..model import Meeting, Reading, Remark, Version
from .wording import Wording


class Pieces(Wording):
    """Remarks, side-by-side rows, remark lists and role rows, as finished Markdown/HTML."""

    def __init__(self, index: ArchiveIndex, lang: str, site_url: str = "") -> None:
        super().__init__(index, lang, site_url)
        self._listed: dict[tuple[str, str], tuple[str, str]] = {}

    def remark_blocks(self, src: str, m: Meeting, remarks: Iterable[Remark], translated: Version | None,
                      text_lang: str) -> Markup:
        """The remarks and narration of one section of a meeting page."""
        page = _PageContext(src, m, m.reading(self.lang), translated, html(text_lang), self.absolute(src),
                            self.citation_values(m))
        return Markup("".join(self.remark_block(page, r) + "\n" for r in remarks))

    def remark_block(self, page: _PageContext, r: Remark) -> str:
        """One remark or piece of narration of a meeting page: heading, text, links, citation."""
        ht = self._escaped
        m, src, tl = page.meeting, page.src, page.text_lang
        rid, kind = html(r.id), html(r.kind)
        text = page.reading.remark(r.id)
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
                                         md_inline(excerpt(m.reading(self.lang).remark(r.id).paragraphs, self.lang)))
        return texts

    def role_rows(self, src: str, person_id: str, roles: Iterable[RoleHeld]) -> Markup:
        """The rows of a speaker's table of roles: date, meeting, role (absent); the council
        is in the roles summary above, not repeated in every row."""
        absent = md_inline(self.in_parentheses(self.t("absent")))
        return Markup("\n".join(
            f"| {html(format_date(held.meeting.date, self.lang))} | {md_cell(self.meeting_link(src, held.meeting))} | "
            f"{md_cell(md_inline(self.role_name(held.meeting, person_id)))}{absent if held.absent else ''} |"
            for held in roles))

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
    url: str
    """The page's absolute URL, or "" without a site URL."""
    cited: dict[str, str]
    """The meeting's part of every citation (`Renderer.citation_values`)."""
