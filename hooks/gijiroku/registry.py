"""Loading the registries: people.yml, topics.yml and each council's series.yml."""

from __future__ import annotations

from pathlib import Path

import yaml

from .diagnostics import Diagnostics
from .model import LANGUAGES, Council, LangText, Person, Topic
from .sources import Source, read_text
from .textrules import KANA_READING
from .yamlsrc import Reader

KANA_RE = KANA_READING


def lang_text(reader: Reader, node: yaml.Node | None, what: str) -> LangText | None:
    """A mapping with a text for every published language: `{ja: …, en: …}`."""
    fields = reader.mapping(node, what, required=LANGUAGES)
    if fields is None:
        return None
    texts = {lang: reader.string(fields.get(lang), f"{what} ({lang})") for lang in LANGUAGES}
    if any(value is None for value in texts.values()):
        return None
    return LangText(**texts)  # type: ignore[arg-type]


def _registry_nodes(path: Path, diags: Diagnostics, source: Source | None) -> tuple[Reader | None, yaml.Node | None]:
    text = read_text(path, diags, source)
    if text is None:
        return None, None
    reader = Reader(path, diags)
    root = reader.compose(text)
    if root is None:
        return reader, None
    return reader, root


def load_people(
    path: Path, diags: Diagnostics, flawed: set[str] | None = None, source: Source | None = None
) -> dict[str, Person]:
    """person id -> Person, from people.yml (its bytes in `source` when they were read
    already). The ids of entries with errors go into `flawed`, so that references to
    them are not reported again as unknown."""
    people: dict[str, Person] = {}
    reader, root = _registry_nodes(path, diags, source)
    if reader is None or root is None:
        return people
    for key, node in reader.keyed(root, "the people registry"):
        if not reader.check_key(key, "person id"):
            continue
        fields = reader.mapping(node, f"person '{key.value}'", required=("name", "reading", "romanized"), optional=("aliases",))
        if fields is None:
            continue
        name = lang_text(reader, fields.get("name"), f"name of '{key.value}'")
        reading = reader.string(fields.get("reading"), f"reading of '{key.value}'")
        if reading is not None and not KANA_RE.match(reading):
            reader.problem(
                fields["reading"],
                "E014",
                f"reading of '{key.value}' must be written in kana",
                "write the reading in hiragana, family name first, e.g. まつもと たけあき",
            )
        romanized = reader.string(fields.get("romanized"), f"romanized name of '{key.value}'")
        aliases = tuple(
            alias
            for item in reader.sequence(fields.get("aliases"), f"aliases of '{key.value}'")
            if (alias := reader.string(item, f"alias of '{key.value}'")) is not None
        )
        if name and reading and romanized:
            people[str(key.value)] = Person(str(key.value), name, reading, romanized, aliases)
        elif flawed is not None:
            flawed.add(str(key.value))
    return people


def load_topics(path: Path, diags: Diagnostics, flawed: set[str] | None = None, source: Source | None = None) -> dict[str, Topic]:
    """topic id -> Topic, from topics.yml; the ids of entries with errors go into `flawed`."""
    topics: dict[str, Topic] = {}
    reader, root = _registry_nodes(path, diags, source)
    if reader is None or root is None:
        return topics
    for key, node in reader.keyed(root, "the topics registry"):
        if not reader.check_key(key, "topic id"):
            continue
        fields = reader.mapping(node, f"topic '{key.value}'", required=("label",), optional=("reading",))
        if fields is None:
            continue
        label = lang_text(reader, fields.get("label"), f"label of topic '{key.value}'")
        reading = reader.string(fields.get("reading"), f"reading of topic '{key.value}'") or ""
        if reading and not KANA_RE.match(reading):
            reader.problem(fields["reading"], "E014", f"reading of topic '{key.value}' must be written in kana")
            reading = ""
        if label:
            topics[str(key.value)] = Topic(str(key.value), label, reading)
        elif flawed is not None:
            flawed.add(str(key.value))
    return topics


def load_council(council_id: str, path: Path, diags: Diagnostics, read: Source | None = None) -> Council | None:
    """A council, from its folder's series.yml (its bytes in `read` when they were read already)."""
    reader, root = _registry_nodes(path, diags, read)
    if reader is None or root is None:
        return None
    fields = reader.mapping(root, f"council '{council_id}'", required=("name", "organiser"), optional=("source",))
    if fields is None:
        return None
    name = lang_text(reader, fields.get("name"), "council name")
    organiser = lang_text(reader, fields.get("organiser"), "council organiser")
    source = reader.url(fields.get("source"), "council source") if "source" in fields else None
    if name is None or organiser is None:
        return None
    return Council(council_id, name, organiser, source)
