"""Where each published file lives, and how a link to it is written.

At the site's root, shared by every language (one file for both, written once):

    api/meetings/COUNCIL/MEETING.json       a meeting: every language's text, the same remark ids
    downloads/COUNCIL/YEAR.zip              a council's meetings of one year: each meeting's
                                            Akoma Ntoso files (one per language) and source files

Inside one language's folder (`/ja/`, `/en/`):

    api/meetings.json  api/people.json  api/topics.json  api/councils.json
    api/schemas/KIND.schema.json            the JSON Schema of each kind of document
    feeds/meetings.xml  feeds/councils/COUNCIL.xml
    feeds/speakers/PERSON.xml  feeds/topics/TOPIC.xml

In a council's zip, each meeting's files are named so that every year's zip unpacks
into one tree: its Akoma Ntoso files by their FRBR expression
(`akn/jp/debate/COUNCIL/DATE/MEETING/jpn@.xml`, `…/eng@.xml`) and its source files as
they are in the minutes (`minutes/COUNCIL/MEETING.ja.md`).

Links inside the data are relative to the site's root (the folder that holds `ja/` and
`en/`, e.g. `ja/meetings/COUNCIL/MEETING/#ID`) without a site URL, and absolute with one,
so that they resolve the same however the site is served.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import urls

API = "api"
FEEDS = "feeds"
DOWNLOADS = "downloads"
SCHEMA_KINDS: tuple[str, ...] = ("meeting", "meetings", "people", "topics", "councils")
"""Every kind of JSON document the API publishes; each has a schema."""


LANG_CODES = {"ja": "jpn", "en": "eng"}
"""ISO 639-2 codes, as Akoma Ntoso's FRBR names languages."""


def meeting_json(council: str, meeting: str) -> str:
    """A meeting's JSON (every language), relative to the site's root."""
    return f"{API}/meetings/{council}/{meeting}.json"


def bundle_zip(council: str, year: int) -> str:
    """The zip of a council's meetings of one year, relative to the site's root."""
    return f"{DOWNLOADS}/{council}/{year}.zip"


def akn_work(council: str, date: str, meeting: str) -> str:
    """A meeting's FRBR work URI in Akoma Ntoso."""
    return f"/akn/jp/debate/{council}/{date}/{meeting}"


def akn_expression(council: str, date: str, meeting: str, lang: str) -> str:
    """A meeting's FRBR expression URI in language `lang`."""
    return f"{akn_work(council, date, meeting)}/{LANG_CODES[lang]}@"


def akn_member(council: str, date: str, meeting: str, lang: str) -> str:
    """A meeting's Akoma Ntoso file in `lang`, in its council's zip: named by its FRBR expression."""
    return akn_expression(council, date, meeting, lang).lstrip("/") + ".xml"


def source_member(council: str, meeting: str, lang: str) -> str:
    """A meeting's source file in `lang`, in its council's zip: as it is in the minutes."""
    return f"minutes/{council}/{meeting}.{lang}.md"


def legacy_meeting_files(council: str, meeting: str, lang: str, versions: list[str]) -> list[str]:
    """The meeting's files in language `lang`'s folder as sites published them before a
    meeting's data was one file for every language (the ledger moves them): its JSON, its
    Akoma Ntoso and, where `lang` had a version, its source."""
    files = [f"{API}/meetings/{council}/{meeting}.json", f"{API}/meetings/{council}/{meeting}.akn.xml"]
    if lang in versions:
        files.append(f"{API}/meetings/{council}/{meeting}.{lang}.md")
    return files


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


def shared_from_page(src: str, path: str) -> str:
    """A relative link from a page to a file at the site's root (shared by the languages)."""
    return "../" * (urls.url_of(src).count("/") + 1) + path


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

    def shared(self, path: str) -> str:
        """A file at the site's root, shared by the languages."""
        return f"{self.root_url}{path}"

    def page_in(self, lang: str, src: str, anchor: str = "") -> str:
        """A page of language `lang`."""
        return f"{self.root_url}{lang}/{urls.url_of(src)}" + (f"#{anchor}" if anchor else "")

    @staticmethod
    def for_site(lang: str, site_url: str) -> Links:
        """Links for a language build whose own site URL is `site_url` ('' or '…/LANG/')."""
        if not site_url:
            return Links(lang)
        root = site_url.rstrip("/") + "/"
        suffix = f"{lang}/"
        return Links(lang, root[: -len(suffix)] if root.endswith(suffix) else root)
