"""Role names in each language: a role printed in the original of an untranslated
meeting is named as the same person's translated meetings name it.

A speaker's page lists every role they held; where a meeting is not translated into the
page's language, its role would show as printed in the original (Japanese on the English
side). The translations of the meetings the person attended are the registry of their
roles: 会長 translated once as "Chair" names every meeting at which they were 会長. Only
the person's own meetings are read, so that a speaker's page depends on nothing but its
own meetings (the build's cache keys it by them). A role no translation names is a
`gijiroku check` warning (W084), since every page in the other language shows it as printed.
"""

from __future__ import annotations

from collections.abc import Iterable

from .diagnostics import Diagnostics
from .model import LANGUAGES, Archive, Meeting


def role_names(person_id: str, meetings: Iterable[Meeting], lang: str) -> dict[str, str]:
    """Original role text -> its name in `lang`, from the person's meetings translated into `lang`."""
    names: dict[str, str] = {}
    for meeting in meetings:
        version = meeting.version(lang)
        if version is None or meeting.language == lang:
            continue
        original, translated = meeting.original.roles.get(person_id), version.roles.get(person_id)
        if original and translated and original.role and translated.role:
            names.setdefault(original.role, translated.role)
    return names


def check_role_names(archive: Archive, diags: Diagnostics) -> None:
    """W084 for each role of an untranslated meeting that no translation of the same
    person's meetings names in the other language."""
    attended: dict[str, list[Meeting]] = {}
    for meeting in archive.meetings:
        for person in meeting.original.roles:
            attended.setdefault(person, []).append(meeting)
    for person, meetings in sorted(attended.items()):
        for lang in LANGUAGES:
            names = role_names(person, meetings, lang)
            for meeting in meetings:
                if meeting.language == lang or meeting.version(lang) is not None:
                    continue
                role = meeting.original.roles[person].role
                if role and role not in names:
                    line = next((a.line for a in meeting.attendees if a.person == person), 1)
                    diags.add(
                        meeting.original.path,
                        line or 1,
                        1,
                        "W084",
                        f"role '{role}' of '{person}' has no {lang} name: pages in {lang} show it as printed",
                        f"translate this meeting, or another at which {person} was {role}, into {lang}",
                    )
