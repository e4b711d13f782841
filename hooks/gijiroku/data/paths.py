"""Where each published file lives, and how a link to it is written.

Inside one language's folder (`/ja/`, `/en/`):

    api/meetings.json  api/people.json  api/topics.json  api/councils.json
    api/meetings/COUNCIL/MEETING.json       a meeting, in this language
    api/meetings/COUNCIL/MEETING.akn.xml    a meeting as Akoma Ntoso
    api/meetings/COUNCIL/MEETING.LANG.md    the source file of the version in LANG
    api/schemas/KIND.schema.json            the JSON Schema of each kind of document
    feeds/meetings.xml  feeds/councils/COUNCIL.xml
    feeds/speakers/PERSON.xml  feeds/topics/TOPIC.xml

Links inside the data are relative to the site's root (the folder that holds `ja/` and
`en/`, e.g. `ja/meetings/COUNCIL/MEETING/#ID`) without a site URL, and absolute with one,
so that they resolve the same however the site is served.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import urls

API = "api"
FEEDS = "feeds"
SCHEMA_KINDS: tuple[str, ...] = ("meeting", "meetings", "people", "topics", "councils")
"""Every kind of JSON document the API publishes; each has a schema."""


def meeting_json(council: str, meeting: str) -> str:
    """A meeting's JSON, relative to its language's folder."""
    return f"{API}/meetings/{council}/{meeting}.json"


def meeting_akn(council: str, meeting: str) -> str:
    """A meeting's Akoma Ntoso XML."""
    return f"{API}/meetings/{council}/{meeting}.akn.xml"


def meeting_source(council: str, meeting: str, lang: str) -> str:
    """The source Markdown of a meeting's version in `lang` (in that language's folder)."""
    return f"{API}/meetings/{council}/{meeting}.{lang}.md"


def index_json(kind: str) -> str:
    """An archive index: meetings, people, topics or councils."""
    return f"{API}/{kind}.json"


def schema_json(kind: str) -> str:
    """The JSON Schema of one kind of document."""
    return f"{API}/schemas/{kind}.schema.json"


def site_feed() -> str:
    """The latest meetings of the whole archive."""
    return f"{FEEDS}/meetings.xml"


def council_feed(council: str) -> str:
    """A council's latest meetings."""
    return f"{FEEDS}/councils/{council}.xml"


def speaker_feed(person: str) -> str:
    """A speaker's latest remarks."""
    return f"{FEEDS}/speakers/{person}.xml"


def topic_feed(topic: str) -> str:
    """The latest remarks on a topic."""
    return f"{FEEDS}/topics/{topic}.xml"


def from_page(src: str, path: str, lang: str | None = None) -> str:
    """A relative link from a page (by its source path) to a file of this language's
    folder, or of language `lang`'s folder."""
    up = "../" * urls.url_of(src).count("/")
    return f"{up}../{lang}/{path}" if lang else up + path


@dataclass(frozen=True, slots=True)
class Links:
    """Links as the data writes them, for one language."""

    lang: str
    root_url: str = ""
    """The site's root URL ending in '/', or '' to write links relative to the root."""

    def page(self, src: str, anchor: str = "") -> str:
        """A page of this language (by its source path), with an optional anchor."""
        return f"{self.root_url}{self.lang}/{urls.url_of(src)}" + (f"#{anchor}" if anchor else "")

    def file(self, path: str, lang: str | None = None) -> str:
        """A file of this language's folder (or of `lang`'s)."""
        return f"{self.root_url}{lang or self.lang}/{path}"

    @staticmethod
    def for_site(lang: str, site_url: str) -> Links:
        """Links for a language build whose own site URL is `site_url` ('' or '…/LANG/')."""
        if not site_url:
            return Links(lang)
        root = site_url.rstrip("/") + "/"
        suffix = f"{lang}/"
        return Links(lang, root[: -len(suffix)] if root.endswith(suffix) else root)
