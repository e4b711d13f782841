"""What data out adds to the generated pages: download and subscribe links, charts,
and the `<link rel="alternate">` that lets browsers and feed readers find a feed.

Each addition goes in before a page's first second-level heading (under its title and
introduction), so the templates stay as they are. Strings come from the site's
catalogue; every value from the minutes is escaped for HTML.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, MutableMapping

from .. import datafiles, urls
from ..catalogue import catalogue_text
from ..escape import html as h
from ..index import ArchiveIndex
from ..model import LANGUAGES, Meeting
from . import charts
from . import downloads as bulk
from .feeds import DATA_PAGE


def insert_before_first_section(markdown: str, addition: str) -> str:
    """`addition` (a Markdown block) before the first `## ` heading, or at the end."""
    at = markdown.find("\n## ")
    if at < 0:
        return markdown.rstrip("\n") + "\n\n" + addition + "\n"
    return markdown[: at + 1] + addition + "\n\n" + markdown[at + 1 :]


def feed_of(src: str) -> str | None:
    """The feed a page advertises (its path in the language folder), if any."""
    parts = src[:-3].split("/")
    if src in (urls.HOME, urls.MEETINGS):
        return datafiles.site_feed()
    if len(parts) == 3 and parts[0] == "meetings" and parts[2] == "index":
        return datafiles.council_feed(parts[1])
    if len(parts) == 2 and parts[0] == "speakers" and parts[1] != "index":
        return datafiles.speaker_feed(parts[1])
    if len(parts) == 2 and parts[0] == "topics" and parts[1] != "index":
        return datafiles.topic_feed(parts[1])
    return None


def feed_title(index: ArchiveIndex, feed: str, lang: str) -> str:
    """The title a feed has (and the page's `<link>` names)."""
    kind, _, rest = feed.partition("/")[2].partition("/")
    name = rest[:-4]
    if kind == "councils":
        return catalogue_text("feed_council", lang, name=index.archive.councils[name].name.get(lang))
    if kind == "speakers":
        return catalogue_text("feed_speaker", lang, name=index.archive.people[name].name.get(lang))
    if kind == "topics":
        return catalogue_text("feed_topic", lang, name=index.archive.topics[name].label.get(lang))
    return catalogue_text("feed_site", lang)


def feed_link_tag(index: ArchiveIndex, src: str, lang: str) -> str:
    """The `<link rel="alternate">` element for a page's `<head>`, or '' without a feed."""
    feed = feed_of(src)
    if feed is None:
        return ""
    return (
        f'<link rel="alternate" type="application/atom+xml" title="{h(feed_title(index, feed, lang))}" '
        f'href="{h(datafiles.from_page(src, feed))}">'
    )


def subscribe_link(src: str, lang: str) -> str:
    """The visible link to a page's feed."""
    feed = feed_of(src)
    if feed is None:
        return ""
    how = datafiles.from_page(src, "data/") + "#feeds"
    return (
        f'<p class="gj-subscribe" data-search-exclude><a href="{h(datafiles.from_page(src, feed))}" '
        f'type="application/atom+xml">{h(catalogue_text("subscribe", lang))}</a> · <a href="{h(how)}">{h(catalogue_text("subscribe_how", lang))}</a></p>'
    )


def downloads(src: str, meeting: Meeting, lang: str) -> str:
    """A meeting page's data section: its JSON (every language, one file) and the zip of
    its council's year, which holds its Akoma Ntoso and source files (named here)."""
    # `download`: saved under a name that says which meeting, even where the host sends
    # the file with no Content-Disposition (a browser would show raw JSON).
    council, date = meeting.council, meeting.date.isoformat()
    json_link = (
        f'<a href="{h(datafiles.shared_from_page(src, datafiles.meeting_json(council, meeting.id)))}" '
        f'type="application/json" download="{h(council)}-{h(meeting.id)}.json">{h(catalogue_text("download_json", lang))}</a>'
    )
    bundle = datafiles.bundle_zip(council, meeting.date.year)
    versions = [v for v in LANGUAGES if v in meeting.versions]
    members = [datafiles.akn_member(council, date, meeting.id, v) for v in versions]
    members += [datafiles.source_member(council, meeting.id, v) for v in versions]
    zip_link = (
        f'<a href="{h(datafiles.shared_from_page(src, bundle))}" type="application/zip" '
        f'download="{h(council)}-{meeting.date.year}.zip">{h(catalogue_text("download_bundle", lang, year=meeting.date.year))}</a>'
    )
    files = catalogue_text(
        "download_bundle_files", lang, files=catalogue_text("list_separator", lang).join(f"<code>{h(m)}</code>" for m in members)
    )
    about = f'<a href="{h(datafiles.from_page(src, "data/"))}">{h(catalogue_text("about_data", lang))}</a>'
    return (
        f'<p class="gj-downloads" data-search-exclude><span class="gj-field">{h(catalogue_text("downloads", lang))}</span> '
        f"{json_link} · {zip_link} ({files}) · {about}</p>"
    )


def _chart(
    key: str,
    title: str,
    lang: str,
    unit: str,
    periods: list[str],
    series: list[charts.Series],
    links: dict[str, str] | None = None,
) -> str:
    span = catalogue_text("chart_span", lang, first=periods[0], last=periods[-1]) if periods else ""
    summaries = []
    for s in series:
        if s.counts:
            peak_period = max(s.counts, key=lambda p: (s.counts[p], p))
            summaries.append(
                catalogue_text(
                    "chart_series_summary",
                    lang,
                    series=s.name,
                    total=sum(s.counts.values()),
                    peak_period=peak_period,
                    peak=s.counts[peak_period],
                )
            )
    description = span + catalogue_text("paragraph_joiner", lang) + " ".join(summaries)
    chart = charts.Chart(key, title, description.strip(), catalogue_text(f"period_{unit}", lang), periods, series, links or {})
    return charts.render_figure(chart, title, catalogue_text("chart_table", lang))


def council_chart(index: ArchiveIndex, council: str, lang: str) -> str:
    """A council's meetings over time."""
    dates = [m.date for year in index.by_council_year.get(council, {}).values() for m in year]
    if not dates:
        return ""
    unit, periods = charts.periods_for(dates)
    name = index.archive.councils[council].name.get(lang)
    series = [charts.Series(catalogue_text("series_meetings", lang), charts.count_by_period(dates, unit))]
    # A bar leads to its year on the council's page.
    src = urls.council_src(council)
    links = {period: urls.href(src, src, f"y{period[:4]}") for period in periods}
    return _chart(
        f"council-{council}",
        catalogue_text("chart_council", lang, name=name, unit=catalogue_text(f"unit_{unit}", lang)),
        lang,
        unit,
        periods,
        series,
        links,
    )


def speaker_chart(index: ArchiveIndex, person: str, lang: str) -> str:
    """A person's attendance and remarks per period."""
    entry = index.people[person]
    attended = [held.meeting.date for held in entry.roles if not held.absent]
    spoke = [ref.meeting.date for ref in entry.remarks]
    if not attended and not spoke:
        return ""
    unit, periods = charts.periods_for(attended + spoke)
    name = index.archive.people[person].name.get(lang)
    series = [
        charts.Series(catalogue_text("series_attended", lang), charts.count_by_period(attended, unit)),
        charts.Series(catalogue_text("series_remarks", lang), charts.count_by_period(spoke, unit)),
    ]
    year_pages = {year for year, _ in index.speaker_years(person) or ()}
    links = _period_links(
        urls.speaker_src(person),
        periods,
        "speaker",
        person,
        lambda year: urls.speaker_year_src(person, year) if year in year_pages else None,
    )
    return _chart(
        f"speaker-{person}",
        catalogue_text("chart_speaker", lang, name=name, unit=catalogue_text(f"unit_{unit}", lang)),
        lang,
        unit,
        periods,
        series,
        links,
    )


def topic_chart(index: ArchiveIndex, topic: str, lang: str) -> str:
    """A topic's remarks over time."""
    dates: list[dt.date] = [ref.meeting.date for ref in index.topics[topic].remarks]
    if not dates:
        return ""
    unit, periods = charts.periods_for(dates)
    label = index.archive.topics[topic].label.get(lang)
    series = [charts.Series(catalogue_text("series_remarks", lang), charts.count_by_period(dates, unit))]
    year_pages = {year for year, _ in index.topic_years(topic) or ()}
    links = _period_links(
        urls.topic_src(topic),
        periods,
        "topic",
        topic,
        lambda year: urls.topic_year_src(topic, year) if year in year_pages else None,
    )
    return _chart(
        f"topic-{topic}",
        catalogue_text("chart_topic", lang, name=label, unit=catalogue_text(f"unit_{unit}", lang)),
        lang,
        unit,
        periods,
        series,
        links,
    )


def _period_links(src: str, periods: list[str], field: str, value: str, year_page: Callable[[int], str | None]) -> dict[str, str]:
    """Where each bar of a speaker's or topic's chart leads: the year's page where there
    is one, else the remarks of that period in the search (oldest first)."""
    links = {}
    for period in periods:
        page = year_page(int(period[:4])) if len(period) == 4 else None
        if page is not None:
            links[period] = urls.href(src, page)
            continue
        first, last = charts.period_dates(period)
        links[period] = (
            urls.href(src, urls.SEARCH) + f"?{field}={value}&from={first.isoformat()}&to={last.isoformat()}&sort=oldest"
        )
    return links


class Decorations:
    """What data out adds to each generated page of one language: download links on
    meeting pages, subscribe links and charts on the pages of the meetings index,
    councils, speakers and topics. A page's additions are made when it is decorated, so
    a build that renders a few pages decorates only those."""

    def __init__(self, index: ArchiveIndex, lang: str) -> None:
        self.lang = lang
        self._meetings = {urls.meeting_src(m.council, m.id): m for m in index.archive.meetings}
        self._charts: dict[str, Callable[[], str]] = {urls.MEETINGS: lambda: ""}
        self._charts.update(
            (urls.council_src(c), functools.partial(council_chart, index, c, lang)) for c in index.archive.councils
        )
        self._charts.update((urls.speaker_src(p), functools.partial(speaker_chart, index, p, lang)) for p in index.archive.people)
        self._charts.update((urls.topic_src(tp), functools.partial(topic_chart, index, tp, lang)) for tp in index.archive.topics)

    def apply(self, pages: MutableMapping[str, str]) -> None:
        """Decorate the pages in `pages` (source path -> Markdown), in place."""
        for src in list(pages):
            meeting = self._meetings.get(src)
            if meeting is not None:
                pages[src] = insert_before_first_section(pages[src], downloads(src, meeting, self.lang))
            make_chart = self._charts.get(src)
            if make_chart is not None:
                chart = make_chart()
                pages[src] = insert_before_first_section(
                    pages[src], subscribe_link(src, self.lang) + ("\n\n" + chart if chart else "")
                )


def decorate_pages(pages: MutableMapping[str, str], index: ArchiveIndex, lang: str) -> None:
    """Add download links to meeting pages, and subscribe links and charts to the pages
    of the meetings index, councils, speakers and topics (in place)."""
    Decorations(index, lang).apply(pages)


def decorate_home(markdown: str, src: str, lang: str, index: ArchiveIndex | None = None) -> str:
    """The home page's subscribe link, after its list of the latest meetings; the data
    page's tables of downloads and of moved data addresses."""
    if src == DATA_PAGE:
        return bulk.decorate_data_page(markdown, lang, index)
    if src != urls.HOME:
        return markdown
    marker = "<!-- gijiroku:latest-meetings -->"
    if marker not in markdown:
        return markdown
    return markdown.replace(marker, marker + "\n\n" + subscribe_link(src, lang) + "\n", 1)
