"""Atom feeds, per language, made with feedgen: the latest meetings of the site and of
each council, the latest remarks of each speaker and on each topic.

Two builds of the same minutes write byte-identical feeds: an entry's id is a `tag:`
URI made of the language, the meeting's key and the remark's id (never of the time or
the text), and every `updated` is a meeting's date. Links are absolute with a site URL;
without one they are relative to the site's root, and the feed's `xml:base` points
there, so feed readers resolve them as the site serves them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from feedgen.ext.base import BaseExtension
from feedgen.feed import FeedGenerator

from .. import datafiles, urls
from ..catalogue import catalogue_text
from ..datafiles import Links
from ..escape import xml_text
from ..index import ArchiveIndex, RemarkRef
from ..model import Meeting

MEETING_ENTRIES = 20
"""Entries of a meetings feed: readers poll feeds, so they carry only the latest."""
REMARK_ENTRIES = 20
"""Entries of a speaker's or a topic's feed."""
TAG_DATE = "2026"
"""The date part of every tag: URI. Fixed: changing it would change every entry's id."""
JST = dt.timezone(dt.timedelta(hours=9), "JST")
DATA_PAGE = "data.md"
"""The hand-written page that explains the data and the feeds."""
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


class _XmlBase(BaseExtension):  # type: ignore[misc]
    """feedgen extension that puts `xml:base` on the feed element."""

    def __init__(self) -> None:
        self.base = ""

    def extend_atom(self, feed: object) -> object:
        """Set xml:base when there is one."""
        if self.base:
            feed.attrib[XML_BASE] = self.base  # type: ignore[attr-defined]
        return feed


@dataclass(frozen=True, slots=True)
class FeedIds:
    """How entry ids are made: `tag:AUTHORITY,2026:LANG/COUNCIL/MEETING[/REMARK]`."""

    authority: str

    def meeting(self, lang: str, meeting: Meeting) -> str:
        """The id of a meeting's entry."""
        return f"tag:{self.authority},{TAG_DATE}:{lang}/{meeting.key}"

    def remark(self, lang: str, meeting: Meeting, remark_id: str) -> str:
        """The id of a remark's entry: the same in every feed it appears in."""
        return f"tag:{self.authority},{TAG_DATE}:{lang}/{meeting.key}/{remark_id}"

    def feed(self, lang: str, path: str) -> str:
        """The id of a feed."""
        return f"tag:{self.authority},{TAG_DATE}:{lang}/{path}"

    @staticmethod
    def for_links(links: Links) -> FeedIds:
        """The site's host names the ids once the site URL is set; a neutral name otherwise."""
        host = urlsplit(links.root_url).hostname if links.root_url else None
        return FeedIds(host or "gijiroku.invalid")


def published(meeting: Meeting) -> dt.datetime:
    """When a meeting's entries say they were updated: its date (and start time), in JST.
    From the minutes alone, so that rebuilding never changes a feed."""
    hour, minute = (int(x) for x in meeting.start.split(":")) if meeting.start else (0, 0)
    return dt.datetime.combine(meeting.date, dt.time(hour, minute), tzinfo=JST)


def _feed(links: Links, ids: FeedIds, path: str, title: str, page_src: str) -> FeedGenerator:
    generator = FeedGenerator()
    generator.register_extension("gjbase", _XmlBase, atom=True, rss=False)
    depth = path.count("/") + 1  # the feed sits in LANG/…; its root is that many levels up
    generator.gjbase.base = "" if links.root_url else "../" * depth
    generator.id(ids.feed(links.lang, path))
    generator.title(xml_text(title))
    generator.language(links.lang)
    generator.author({"name": catalogue_text("site_title", links.lang)})
    generator.link(href=links.file(path), rel="self", type="application/atom+xml")
    generator.link(href=links.page(page_src), rel="alternate", type="text/html")
    # How to subscribe, for a person who opened the feed in a browser (feed.xsl shows it).
    generator.link(href=links.page(DATA_PAGE, "feeds"), rel="related", type="text/html")
    return generator


def _finish(generator: FeedGenerator, meetings: Iterable[Meeting], fallback: dt.datetime) -> bytes:
    latest = max((published(m) for m in meetings), default=fallback)
    generator.updated(latest)
    return bytes(generator.atom_str(pretty=False))


def meetings_feed(index: ArchiveIndex, links: Links, ids: FeedIds, council: str | None = None) -> bytes:
    """The latest meetings of the site, or of one council."""
    lang = links.lang
    if council is None:
        meetings = list(index.archive.meetings[:MEETING_ENTRIES])
        path, page = datafiles.site_feed(), urls.MEETINGS
        title = catalogue_text("feed_site", lang)
    else:
        years = index.by_council_year.get(council, {})
        meetings = [m for year in sorted(years, reverse=True) for m in years[year]][:MEETING_ENTRIES]
        path, page = datafiles.council_feed(council), urls.council_src(council)
        title = catalogue_text("feed_council", lang, name=index.archive.councils[council].name.get(lang))
    generator = _feed(links, ids, path, title, page)
    for meeting in meetings:
        entry = generator.add_entry(order="append")
        entry.id(ids.meeting(lang, meeting))
        council_name = index.archive.councils[meeting.council].name.get(lang)
        entry.title(xml_text(f"{meeting.reading(lang).title} ({meeting.date.isoformat()})"))
        entry.link(href=links.page(urls.meeting_src(meeting.council, meeting.id)), rel="alternate")
        entry.updated(published(meeting))
        entry.published(published(meeting))
        entry.summary(xml_text(f"{council_name} · {catalogue_text('count_remarks', lang, n=len(meeting.remarks))}"))
    return _finish(generator, meetings, dt.datetime(1970, 1, 1, tzinfo=JST))


def remarks_feed(
    index: ArchiveIndex, links: Links, ids: FeedIds, *, person: str | None = None, topic: str | None = None
) -> bytes:
    """The latest remarks of one speaker, or on one topic; each entry links to the remark."""
    lang = links.lang
    archive = index.archive
    refs: list[RemarkRef]
    if person is not None:
        refs = index.people[person].remarks
        path, page = datafiles.speaker_feed(person), urls.speaker_src(person)
        title = catalogue_text("feed_speaker", lang, name=archive.people[person].name.get(lang))
    elif topic is not None:
        refs = index.topics[topic].remarks
        path, page = datafiles.topic_feed(topic), urls.topic_src(topic)
        title = catalogue_text("feed_topic", lang, name=archive.topics[topic].label.get(lang))
    else:
        raise ValueError("remarks_feed needs a person or a topic")
    chosen = refs[:REMARK_ENTRIES]  # the index lists newest meeting first
    generator = _feed(links, ids, path, title, page)
    for ref in chosen:
        meeting, remark = ref.meeting, ref.remark
        reading = meeting.reading(lang)
        version = reading.version
        text = reading.remark(remark.id)
        if remark.speaker:
            speaker = archive.people[remark.speaker].name.get(lang)
            held = reading.role(remark.speaker)
            who = speaker + catalogue_text("in_parentheses", lang, text=held.role) if held and held.role else speaker
        else:
            speaker = who = catalogue_text("members_collectively" if remark.kind == "unattributed" else "kind_narration", lang)
        entry = generator.add_entry(order="append")
        entry.id(ids.remark(lang, meeting, remark.id))
        entry.title(xml_text(f"{who} — {version.title}"))
        entry.link(href=links.page(urls.meeting_src(meeting.council, meeting.id), remark.id), rel="alternate")
        entry.author({"name": xml_text(speaker)})
        entry.updated(published(meeting))
        entry.published(published(meeting))
        entry.content(xml_text("\n\n".join(text.paragraphs)), type="text")
        for topic_id in remark.topics:
            entry.category(term=topic_id, label=xml_text(archive.topics[topic_id].label.get(lang)))
    return _finish(generator, (r.meeting for r in chosen), dt.datetime(1970, 1, 1, tzinfo=JST))
