"""Writing one language's remark-search index as small static files.

    search-index/meta.json          people, topics, councils, kinds; sizes
    search-index/dates.json         where each date's documents start (read for a date filter)
    search-index/names/N.json       every form of every name -> people, by the form's first character
    search-index/terms/N.json       term -> doc ids ("*" for terms too common to list)
    search-index/docs/N.json        `chunk_size` documents: meeting, anchor, speaker, role, text
    search-index/facets/X.json      doc ids of one speaker (s-), topic (t-), council (c-), kind (k-):
                                    a delta-encoded list, or {"bits": base64 bitmap} where shorter
    search-index/words/N.json       the word terms, by their first two characters, for prefix queries
    search-index/meetings/N.json    meeting key -> its first doc id, number of docs, title, date
                                    (a search within one meeting), by the key's hash

Documents are numbered newest meeting first, in the order of the proceedings, so a
date range is a range of ids and results come out in reading order without sorting.
Id lists are delta-encoded in base 36. A query fetches meta once, then one term file
per query term and the document chunks of the results it shows.
"""

from __future__ import annotations

import base64
import json
import math
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .. import urls
from ..gccontrol import gc_paused
from ..index import ArchiveIndex
from ..model import LANGUAGES, REMARK_KINDS, Archive, Meeting, Person, Remark
from .tokenize import PREFIX_MIN, is_word, normalize, run_terms, runs

FORMAT_VERSION = 4
CHUNK = 20
"""The fewest documents a chunk holds (`chunk_size`)."""
CHUNK_TEXT_BYTES = 12_000
"""About how much text a chunk holds: a chunk of 20 council remarks (議事要旨, about 600
bytes each). A committee's verbatim turns are a third of that, so its chunks hold more of
them: a query reads about as many bytes, and a verbatim meeting is not 40 files of index."""
SHARD_BYTES = 24_000
NAME_SHARD_BYTES = 8_000
"""Name forms in smaller shards: a query reads the shard of each of its words' first
characters (to find the names in it), so three words read three shards."""
COMMON_MIN = 2_000
COMMON_SHARE = 0.05
EPOCH = 719163  # date(1970, 1, 1).toordinal()


@dataclass(frozen=True, slots=True)
class Doc:
    """One searchable remark (its text is read from the meeting when needed, so that the
    index never holds a second copy of the archive's text)."""

    meeting: Meeting
    remark: Remark
    lang: str

    @property
    def text(self) -> str:
        """The remark's paragraphs in this language (or the original's), joined by newlines."""
        return "\n".join(self.meeting.reading(self.lang).remark(self.remark.id).paragraphs)


def chunk_size(docs: list[Doc]) -> int:
    """How many documents each chunk holds: about `CHUNK_TEXT_BYTES` of text, at least
    `CHUNK` (the language's mean document, so every chunk but the last holds as many and
    a document's chunk is its id divided by it, as `gjsearch.js` reads it)."""
    if not docs:
        return CHUNK
    mean = sum(len(doc.text.encode("utf-8")) for doc in docs) / len(docs)
    return max(CHUNK, round(CHUNK_TEXT_BYTES / max(mean, 1)))


def fnv1a(term: str) -> int:
    """32-bit FNV-1a over code points; gjsearch.js computes the same."""
    h = 0x811C9DC5
    for ch in term:
        h ^= ord(ch)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def encode_ids(ids: list[int]) -> str:
    """Ascending ids as base-36 deltas joined by commas."""
    out, prev = [], 0
    for value in ids:
        out.append(_b36(value - prev))
        prev = value
    return ",".join(out)


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    s = ""
    while n:
        n, r = divmod(n, 36)
        s = digits[r] + s
    return s


def collect_docs(index: ArchiveIndex, lang: str) -> list[Doc]:
    """Every remark, newest meeting first, in this language (or the original's where untranslated)."""
    return [Doc(meeting, remark, lang) for meeting in index.archive.meetings for remark in meeting.remarks]


def build_search_index(index: ArchiveIndex, lang: str) -> dict[str, str]:
    """relative path under search-index/ -> file content."""
    return dict(search_index_files(index, lang))


RunsOf = Callable[[Meeting, list[Doc]], list[list[str]]]
"""A meeting's documents -> each one's distinct runs (a build may keep them: `runstore.py`)."""


def cut_runs(meeting: Meeting, docs: list[Doc]) -> list[list[str]]:
    """Each document's distinct runs, cut now."""
    return [list(dict.fromkeys(runs(doc.text))) for doc in docs]


def search_index_files(index: ArchiveIndex, lang: str, runs_of: RunsOf = cut_runs) -> Iterator[tuple[str, str]]:
    """Each file of the index as (relative path under search-index/, content), made one
    at a time: a build writes each as it comes and holds none (the document chunks are
    the archive's text once more)."""
    with gc_paused():
        yield from _search_index_files(index, lang, runs_of)


def _search_index_files(index: ArchiveIndex, lang: str, runs_of: RunsOf) -> Iterator[tuple[str, str]]:
    archive = index.archive
    other = next(language for language in LANGUAGES if language != lang)
    docs = collect_docs(index, lang)
    people = sorted(archive.people)
    person_no = {pid: i for i, pid in enumerate(people)}
    topics = sorted(archive.topics)
    topic_no = {tid: i for i, tid in enumerate(topics)}
    councils = sorted(archive.councils)
    council_no = {cid: i for i, cid in enumerate(councils)}

    postings = _postings(docs, runs_of)
    facets: dict[str, list[int]] = defaultdict(list)
    for doc_id, doc in enumerate(docs):
        remark = doc.remark
        if remark.speaker:
            facets[f"s-{person_no[remark.speaker]}"].append(doc_id)
        for topic in remark.topics:
            facets[f"t-{topic_no[topic]}"].append(doc_id)
        facets[f"c-{council_no[doc.meeting.council]}"].append(doc_id)
        facets[f"k-{remark.kind}"].append(doc_id)

    common_over = max(COMMON_MIN, int(len(docs) * COMMON_SHARE))
    encoded = {t: ("*" if len(ids) > common_over else encode_ids(ids)) for t, ids in postings.items()}
    total = sum(len(t) + len(v) + 6 for t, v in encoded.items())
    shard_count = max(1, math.ceil(total / SHARD_BYTES))
    shards: list[dict[str, str]] = [{} for _ in range(shard_count)]
    for term, value in encoded.items():
        shards[fnv1a(term) % shard_count][term] = value
    for number, shard in enumerate(shards):
        yield f"terms/{number}.json", _dump(dict(sorted(shard.items())))
    word_shards = _word_lists(postings)
    for number, words in enumerate(word_shards):
        yield f"words/{number}.json", _dump(words)
    for name, ids in facets.items():
        yield f"facets/{name}.json", _dump(_facet(ids, len(docs)))
    chunk = chunk_size(docs)
    for start in range(0, len(docs), chunk):
        yield (
            f"docs/{start // chunk}.json",
            _dump(_chunk(docs[start : start + chunk], lang, index, person_no, topic_no, council_no)),
        )

    # Where each date's documents start: days since 1970 (descending) and first doc ids,
    # both delta-encoded, so that a date range becomes an id range without a big table.
    # Only a query with a date filter reads them.
    days: list[int] = []
    firsts: list[int] = []
    for doc_id, doc in enumerate(docs):
        day = doc.meeting.date.toordinal() - EPOCH
        if not days or days[-1] != day:
            days.append(day)
            firsts.append(doc_id)
    yield (
        "dates.json",
        _dump({"days": encode_ids([days[0] - d for d in days]), "day0": days[0] if days else 0, "firsts": encode_ids(firsts)}),
    )
    name_shards = _name_shards(archive, people)
    for number, forms in enumerate(name_shards):
        yield f"names/{number}.json", _dump(forms)
    meeting_shards = _meeting_shards(docs, lang)
    for number, spans in enumerate(meeting_shards):
        yield f"meetings/{number}.json", _dump(spans)
    yield (
        "meta.json",
        _dump(
            {
                "version": FORMAT_VERSION,
                "lang": lang,
                "docs": len(docs),
                "chunk": chunk,
                "shards": shard_count,
                "wordShards": len(word_shards),
                "nameShards": len(name_shards),
                "meetingShards": len(meeting_shards),
                "common": common_over,
                "people": [[pid, archive.people[pid].name.get(lang), len(index.people[pid].remarks)] for pid in people],
                # Each name in this language, then in the other (a query may use either).
                "topics": [[tid, archive.topics[tid].label.get(lang), archive.topics[tid].label.get(other)] for tid in topics],
                "councils": [
                    [cid, archive.councils[cid].name.get(lang), archive.councils[cid].name.get(other)] for cid in councils
                ],
                "kinds": list(REMARK_KINDS),
            }
        ),
    )


def _name_shards(archive: Archive, people: list[str]) -> list[dict[str, list[int]]]:
    """Every form of every person's name -> the numbers of the people it names, in shards
    by the hash of its first character: a query is compared with the forms that start
    with its own first character, so it reads one shard (every query reads `meta.json`,
    which would otherwise grow with every form of every name)."""
    named: dict[str, list[int]] = defaultdict(list)
    for number, pid in enumerate(people):
        for form in name_forms(archive.people[pid]):
            named[form].append(number)
    total = sum(len(form) * 3 + 8 for form in named)
    count = max(1, math.ceil(total / NAME_SHARD_BYTES))
    shards: list[dict[str, list[int]]] = [{} for _ in range(count)]
    for form, numbers in sorted(named.items()):
        shards[fnv1a(form[0]) % count][form] = numbers
    return shards


def _meeting_shards(docs: list[Doc], lang: str) -> list[dict[str, list[Any]]]:
    """Each meeting's documents as [first id, count, title, date], in shards by the hash
    of its key: a search within one meeting (from its page) reads one shard, and a
    meeting's documents are consecutive."""
    spans: dict[str, list[Any]] = {}
    for doc_id, doc in enumerate(docs):
        span = spans.get(doc.meeting.key)
        if span is None:
            spans[doc.meeting.key] = [doc_id, 1, doc.meeting.reading(lang).title, doc.meeting.date.isoformat()]
        else:
            span[1] += 1
    total = sum(len(key) + len(span[2]) * 3 + 30 for key, span in spans.items())
    count = max(1, math.ceil(total / SHARD_BYTES))
    shards: list[dict[str, list[Any]]] = [{} for _ in range(count)]
    for key, span in spans.items():
        shards[fnv1a(key) % count][key] = span
    return shards


def _postings(docs: list[Doc], runs_of: RunsOf = cut_runs) -> dict[str, list[int]]:
    """term -> ascending ids of the documents that contain it.

    Texts are made of runs (a stretch of Japanese script, a word) that recur across
    documents far more than they vary. So documents are listed per distinct run
    first, each run is cut into terms once, and a term's documents are the union of
    its runs' lists: the per-term work happens once per distinct run, not once per
    document."""
    run_docs: dict[str, list[int]] = {}
    start = 0
    while start < len(docs):  # a meeting's documents are consecutive
        meeting = docs[start].meeting
        end = start
        while end < len(docs) and docs[end].meeting is meeting:
            end += 1
        for doc_id, doc_runs in enumerate(runs_of(meeting, docs[start:end]), start):
            for run in doc_runs:
                ids = run_docs.get(run)
                if ids is None:
                    run_docs[run] = [doc_id]
                else:
                    ids.append(doc_id)
        start = end
    lists_of: dict[str, list[list[int]]] = defaultdict(list)
    for run, ids in run_docs.items():
        for term in run_terms(run):
            lists_of[term].append(ids)
    return {term: lists[0] if len(lists) == 1 else sorted(set().union(*lists)) for term, lists in lists_of.items()}


def _facet(ids: list[int], docs: int) -> str | dict[str, str]:
    """A facet's ids as a delta-encoded list, or, where that is longer, as a bitmap (bit
    i of the little-endian bytes is document i, in base64): a kind or a council holds a
    large share of all remarks, and its list would be most of a query's transfer."""
    listed = encode_ids(ids)
    if len(listed) <= (docs + 7) // 8 * 4 // 3:
        return listed
    bits = bytearray((docs + 7) // 8)
    for doc_id in ids:
        bits[doc_id >> 3] |= 1 << (doc_id & 7)
    return {"bits": base64.b64encode(bytes(bits)).decode("ascii")}


def _word_lists(postings: dict[str, list[int]]) -> list[dict[str, list[str]]]:
    """The word terms long enough to be completed, in shards by hash of their first two
    characters: a prefix query (copy -> copyright) reads one shard and picks the terms
    that start with it."""
    by_start: dict[str, list[str]] = defaultdict(list)
    for term in postings:
        if len(term) >= PREFIX_MIN and is_word(term):
            by_start[term[:2]].append(term)
    total = sum(len(t) + 3 for terms in by_start.values() for t in terms)
    count = max(1, math.ceil(total / SHARD_BYTES))
    shards: list[dict[str, list[str]]] = [{} for _ in range(count)]
    for start, terms in sorted(by_start.items()):
        shards[fnv1a(start) % count][start] = sorted(terms)
    return shards


def name_forms(person: Person) -> list[str]:
    """Every form of a person's name a reader may type, normalised and without spaces."""
    forms = {
        person.name.ja,
        person.name.en,
        person.reading,
        person.romanized,
        person.family_name.ja,
        person.family_name.en,
        person.reading.split()[0] if person.reading else "",
        *person.aliases,
    }
    return sorted({normalize(f).replace(" ", "").replace("\u3000", "") for f in forms if f})


def _chunk(
    docs: list[Doc],
    lang: str,
    index: ArchiveIndex,
    person_no: dict[str, int],
    topic_no: dict[str, int],
    council_no: dict[str, int],
) -> dict[str, list[Any]]:
    meetings: list[Meeting] = []
    rows = []
    for doc in docs:
        if not meetings or meetings[-1] is not doc.meeting:
            meetings.append(doc.meeting)
        remark = doc.remark
        role = ""
        if remark.speaker:
            held = doc.meeting.reading(lang).role(remark.speaker)
            role = held.role if held else ""
        rows.append(
            [
                len(meetings) - 1,
                remark.id,
                remark.kind,
                person_no[remark.speaker] if remark.speaker else -1,
                role,
                [topic_no[t] for t in remark.topics],
                doc.text,
            ]
        )
    table = [
        [
            m.reading(lang).title,
            m.date.isoformat(),
            council_no[m.council],
            urls.url_of(urls.meeting_src(m.council, m.id)),
            m.version(lang) is not None,
        ]
        for m in meetings
    ]
    return {"m": table, "d": rows}


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
