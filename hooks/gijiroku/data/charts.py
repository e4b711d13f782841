"""Pictures of who spoke when: small bar charts as inline SVG, made at build time.

Each chart counts something per period (a year; a month when everything falls within
a few years) and draws one row of bars per series on a shared time axis. It is written
for reading in both of Material's colour schemes and without anything fetched: bars
take the theme's link colour (`--md-typeset-a-color`, tuned per scheme), text and axes
`currentColor`. It is an image with a title and description for screen readers
(`role="img"`, `aria-labelledby`), followed by the same figures as a table.

Every value that comes from the minutes (names, labels) is escaped for XML, stripped
of characters XML cannot carry and kept on one line. A chart's size depends on the number of
periods, never on the number of meetings: twenty years of a 4,000-meeting archive is
twenty bars per series.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..escape import html, xml_text

MONTHLY_SPAN_YEARS = 3
"""Periods are months when the dates span at most this many calendar years, else years."""
WIDTH = 640
ROW = 64
BAR_MAX = 40
"""The tallest bar of a row; the rest of the row is its name and the gap to the row above."""
LEFT = 44
TOP = 8
AXIS = 22
BAR_STYLE = "fill:var(--md-typeset-a-color,currentColor)"


@dataclass(frozen=True, slots=True)
class Series:
    """One row of bars: a name and a count per period."""

    name: str
    counts: dict[str, int]


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart ready to draw: periods in order, and the series over them."""

    key: str
    """Unique on its page: names the title and description elements."""
    title: str
    description: str
    period_label: str
    periods: list[str]
    series: list[Series]
    links: dict[str, str] = field(default_factory=dict)
    """Period -> the address of what its bars count (a year's page, a search): each bar
    is a link for the pointer, each row of the table a link for the keyboard and screen
    readers (the picture itself is one image to them)."""


def periods_for(dates: Iterable[dt.date]) -> tuple[str, list[str]]:
    """'year' or 'month', and every period from the first date to the last (empty
    periods included, so gaps show as gaps)."""
    ordered = sorted(dates)
    if not ordered:
        return "year", []
    first, last = ordered[0], ordered[-1]
    if last.year - first.year < MONTHLY_SPAN_YEARS:
        months = []
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return "month", months
    return "year", [f"{y:04d}" for y in range(first.year, last.year + 1)]


def period_of(date: dt.date, unit: str) -> str:
    """The period a date falls in."""
    return f"{date.year:04d}-{date.month:02d}" if unit == "month" else f"{date.year:04d}"


def count_by_period(dates: Iterable[dt.date], unit: str) -> dict[str, int]:
    """How many of the dates fall in each period."""
    counts: dict[str, int] = {}
    for date in dates:
        key = period_of(date, unit)
        counts[key] = counts.get(key, 0) + 1
    return counts


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar as drawn: its period, value and box in the chart's coordinates."""

    period: str
    value: int
    x: float
    y: float
    width: float
    height: float


def _height(chart: Chart) -> int:
    return TOP + len(chart.series) * ROW + AXIS


def _slot(chart: Chart) -> float:
    return (WIDTH - LEFT - 8) / max(len(chart.periods), 1)


def _bars(chart: Chart, row: int) -> list[Bar]:
    """The bars of one series (row), where its count is not zero."""
    series = chart.series[row]
    base = TOP + (row + 1) * ROW - 4
    peak = max(series.counts.values(), default=0)
    scale = BAR_MAX / peak if peak else 0.0
    slot = _slot(chart)
    bar = min(max(slot * 0.7, 1.0), 28.0)  # one period alone must not fill the width
    out = []
    for i, period in enumerate(chart.periods):
        value = series.counts.get(period, 0)
        if value:
            h = max(value * scale, 1.5)
            out.append(Bar(period, value, LEFT + i * slot + (slot - bar) / 2, base - h, bar, h))
    return out


def render_svg(chart: Chart) -> str:
    """The chart as an inline SVG element (one line: it sits in a Markdown HTML block)."""
    title_id, desc_id = f"gj-chart-{chart.key}-t", f"gj-chart-{chart.key}-d"
    rows = len(chart.series)
    height = _height(chart)
    slot = _slot(chart)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="gj-chart-svg" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" aria-labelledby="{title_id} {desc_id}" '
        f'style="max-width:100%;height:auto;color:inherit" font-size="11" font-family="inherit">',
        f'<title id="{title_id}">{_t(chart.title)}</title><desc id="{desc_id}">{_t(chart.description)}</desc>',
    ]
    for row, series in enumerate(chart.series):
        base = TOP + (row + 1) * ROW - 4
        peak = max(series.counts.values(), default=0)
        out.append(f'<text x="{LEFT}" y="{base - ROW + 14}" fill="currentColor">{_t(series.name)}</text>')
        if peak:  # the scale: the top of the tallest bar
            out.append(
                f'<text x="{LEFT - 6}" y="{base - BAR_MAX + 4}" text-anchor="end" fill="currentColor" opacity="0.8">{peak}</text>'
            )
        out.append(f'<text x="{LEFT - 6}" y="{base + 4}" text-anchor="end" fill="currentColor" opacity="0.8">0</text>')
        out.append(f'<line x1="{LEFT}" x2="{WIDTH - 8}" y1="{base}" y2="{base}" stroke="currentColor" stroke-opacity="0.4"/>')
        for bar_ in _bars(chart, row):
            out.append(
                f'<rect x="{bar_.x:.1f}" y="{bar_.y:.1f}" width="{bar_.width:.1f}" height="{bar_.height:.1f}" '
                f'style="{BAR_STYLE}"><title>{_t(bar_.period)}: {bar_.value}</title></rect>'
            )
    axis_y = TOP + rows * ROW + 14
    for i, period in _ticks(chart.periods):
        x = LEFT + i * slot + slot / 2
        out.append(f'<text x="{x:.1f}" y="{axis_y}" text-anchor="middle" fill="currentColor">{_t(period)}</text>')
    out.append("</svg>")
    return "".join(out)


def _ticks(periods: list[str]) -> list[tuple[int, str]]:
    """Axis labels: at most about ten, always the first and last, so labels never overlap."""
    if not periods:
        return []
    step = max(1, -(-len(periods) // 10))
    chosen = list(range(0, len(periods), step))
    if chosen[-1] != len(periods) - 1:
        if len(periods) - 1 - chosen[-1] < step / 2:
            chosen[-1] = len(periods) - 1
        else:
            chosen.append(len(periods) - 1)
    return [(i, periods[i]) for i in chosen]


def render_table(chart: Chart, caption: str) -> str:
    """The chart's figures as a table: its text alternative, for reading and copying."""
    head = "".join(f'<th scope="col">{_t(s.name)}</th>' for s in chart.series)
    rows = "".join(
        f'<tr><th scope="row">{_period_cell(chart, p)}</th>'
        + "".join(f"<td>{s.counts.get(p, 0)}</td>" for s in chart.series)
        + "</tr>"
        for p in chart.periods
        if any(s.counts.get(p, 0) for s in chart.series)
    )
    return (
        f'<details class="gj-chart-table"><summary>{_t(caption)}</summary>'
        f'<table><thead><tr><th scope="col">{_t(chart.period_label)}</th>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table></details>"
    )


def _period_cell(chart: Chart, period: str) -> str:
    link = chart.links.get(period)
    return f'<a href="{_t(link)}">{_t(period)}</a>' if link else _t(period)


def period_dates(period: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a period ('2023' or '2023-08')."""
    if len(period) == 4:
        year = int(period)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    year, month = int(period[:4]), int(period[5:7])
    after = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return dt.date(year, month, 1), after - dt.timedelta(days=1)


def render_hits(chart: Chart) -> str:
    """A bar's link for the pointer: a transparent box over each bar, laid over the picture
    (which stays one image to screen readers: links inside it would be hidden from them,
    and an image must hold nothing to focus). Out of the tab order and hidden from screen
    readers, since the table's periods are the same links for the keyboard."""
    if not chart.links:
        return ""
    height = _height(chart)
    boxes = []
    for row in range(len(chart.series)):
        for bar in _bars(chart, row):
            link = chart.links.get(bar.period)
            if link is None:
                continue
            top = min(bar.y, TOP + (row + 1) * ROW - 4 - 12)  # a short bar is still a target
            boxes.append(
                f'<a href="{_t(link)}" tabindex="-1" title="{_t(bar.period)}: {bar.value}" style="left:{bar.x / WIDTH:.2%};'
                f'top:{top / height:.2%};width:{bar.width / WIDTH:.2%};height:{(bar.y + bar.height - top) / height:.2%}"></a>'
            )
    return f'<div class="gj-chart-hits" aria-hidden="true">{"".join(boxes)}</div>'


def render_figure(chart: Chart, caption: str, table_caption: str) -> str:
    """A figure with the chart, a visible caption and the table: one raw HTML block."""
    return (
        f'<figure class="gj-chart" data-search-exclude=""><div class="gj-chart-box">{render_svg(chart)}'
        f"{render_hits(chart)}</div><figcaption>{_t(caption)}</figcaption>{render_table(chart, table_caption)}</figure>"
    )


def _t(value: object) -> str:
    # One line: a chart is a Markdown raw-HTML block, which a blank line inside a
    # value would end, letting the rest be read as Markdown.
    return html(" ".join(xml_text(value).split()))
