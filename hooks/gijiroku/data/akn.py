"""A meeting as an Akoma Ntoso 3.0 `debate` document, in one language.

    akomaNtoso/debate
      meta/identification     FRBR Work / Expression / Manifestation of the meeting
      meta/references         TLCOrganization (the council, its unnamed members),
                              TLCPerson and TLCRole for every attendee and speaker,
                              TLCConcept for every topic
      preface                 title, council and date
      debateBody
        debateSection         opening, each agenda item, closing (eId = our id)
          speech by= as=      a spoken or written remark (eId = the remark's id)
          speech by=#members  an unattributed opinion: by the members collectively
          narrative           the minutes' own procedural text

Built with lxml, which escapes every text and attribute (and serialises in C: a few
milliseconds a meeting); characters XML cannot carry are dropped first (`xml_text`). Our ids (`[a-z0-9-]`) are the eIds of sections
and remarks, so a speech's eId is the anchor of the remark on the page; the eIds of
references contain `_`, which no id of ours can, so they never collide.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from ..catalogue import catalogue_text
from ..datafiles import LANG_CODES, akn_expression, akn_work
from ..escape import xml_text
from ..index import ArchiveIndex
from ..model import Meeting, Provenance

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
MEMBERS = "members_unnamed"
"""The reference an unattributed opinion is spoken `by`: the members, never a person."""
SOURCE = "#gijiroku"


def _q(tag: str) -> str:
    return f"{{{AKN_NS}}}{tag}"


def _sub(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
    element = etree.SubElement(parent, _q(tag), {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def _identification(meta: etree._Element, meeting: Meeting, text_lang: str, provenance: Provenance | None) -> None:
    """FRBR's work, expression (the text's language; a translation says from what) and
    manifestation of the meeting's text."""
    date = meeting.date.isoformat()
    work = akn_work(meeting.council, date, meeting.id)
    expression = akn_expression(meeting.council, date, meeting.id, text_lang)
    ident = _sub(meta, "identification", source=SOURCE)
    frbr = _sub(ident, "FRBRWork")
    _sub(frbr, "FRBRthis", value=f"{work}/!main")
    _sub(frbr, "FRBRuri", value=work)
    _sub(frbr, "FRBRdate", date=date, name="meeting")
    _sub(frbr, "FRBRauthor", href="#council")
    _sub(frbr, "FRBRcountry", value="jp")
    if meeting.number is not None:
        _sub(frbr, "FRBRnumber", value=str(meeting.number))
    expr = _sub(ident, "FRBRExpression")
    _sub(expr, "FRBRthis", value=f"{expression}/!main")
    _sub(expr, "FRBRuri", value=expression)
    expr_date = provenance.date.isoformat() if provenance and provenance.date else date
    _sub(expr, "FRBRdate", date=expr_date, name="translation" if provenance else "meeting")
    _sub(expr, "FRBRauthor", href="#council")
    _sub(expr, "FRBRlanguage", language=LANG_CODES[text_lang])
    if provenance is not None:
        _sub(
            expr,
            "FRBRtranslation",
            href=f"{work}/{LANG_CODES[meeting.language]}@",
            fromLanguage=LANG_CODES[meeting.language],
            by="#translator",
        )
    manif = _sub(ident, "FRBRManifestation")
    _sub(manif, "FRBRthis", value=f"{expression}/!main.xml")
    _sub(manif, "FRBRuri", value=f"{expression}.akn")
    _sub(manif, "FRBRdate", date=date, name="generation")
    _sub(manif, "FRBRauthor", href=SOURCE)
    _sub(manif, "FRBRformat", value="application/akn+xml")


def _references(
    meta: etree._Element, index: ArchiveIndex, meeting: Meeting, lang: str, provenance: Provenance | None
) -> dict[str, str]:
    """The council, its members, gijiroku, the translator, every person, role and topic
    the text refers to; the role each person held (person -> role), for their speeches."""
    archive = index.archive
    reading = meeting.reading(lang)
    refs = _sub(meta, "references", source=SOURCE)
    council = archive.councils[meeting.council]
    _sub(refs, "TLCOrganization", eId="council", href=f"/ontology/organization/{council.id}", showAs=council.name.get(lang))
    _sub(
        refs,
        "TLCOrganization",
        eId=MEMBERS,
        href=f"/ontology/organization/{council.id}/members",
        showAs=catalogue_text("members_collectively", lang),
    )
    _sub(refs, "TLCOrganization", eId="gijiroku", href="/ontology/organization/gijiroku", showAs="gijiroku")
    if provenance is not None:
        _sub(refs, "TLCPerson", eId="translator", href="/ontology/person/translator", showAs=provenance.by)
    people = [a.person for a in meeting.attendees if a.person]
    people += [r.speaker for r in meeting.remarks if r.speaker and r.speaker not in people]
    roles: dict[str, str] = {}
    for person in dict.fromkeys(people):
        _sub(
            refs,
            "TLCPerson",
            eId=person_ref(person),
            href=f"/ontology/person/{person}",
            showAs=archive.people[person].name.get(lang),
        )
        held = reading.role(person)
        if held and held.role:
            roles[person] = held.role
    for person, role in roles.items():
        _sub(refs, "TLCRole", eId=role_ref(person), href=f"/ontology/role/{meeting.council}/{person}", showAs=role)
    topics = sorted({t for item in meeting.agenda for t in item.topics} | {t for r in meeting.remarks for t in r.topics})
    for topic in topics:
        _sub(
            refs,
            "TLCConcept",
            eId=f"topic_{topic}",
            href=f"/ontology/concept/{topic}",
            showAs=archive.topics[topic].label.get(lang),
        )
    return roles


def person_ref(person: str) -> str:
    """The eId of a person's TLCPerson."""
    return f"person_{person}"


def role_ref(person: str) -> str:
    """The eId of the TLCRole a person held at this meeting."""
    return f"role_{person}"


def meeting_akn(index: ArchiveIndex, meeting: Meeting, lang: str) -> bytes:
    """The meeting's Akoma Ntoso XML in language `lang` (UTF-8, with an XML declaration)."""
    archive = index.archive
    reading = meeting.reading(lang)
    version = reading.version
    text_lang = reading.lang
    date = meeting.date.isoformat()

    root = etree.Element(_q("akomaNtoso"), nsmap={None: AKN_NS})
    debate = _sub(root, "debate", name="minutes")
    meta = _sub(debate, "meta")
    provenance = version.provenance if text_lang != meeting.language else None
    _identification(meta, meeting, text_lang, provenance)
    council = archive.councils[meeting.council]
    roles = _references(meta, index, meeting, lang, provenance)

    preface = _sub(debate, "preface")
    line = _sub(preface, "p")
    _sub(line, "docTitle", version.title)
    line = _sub(preface, "p")
    _sub(line, "organization", council.name.get(lang), refersTo="#council")
    line = _sub(preface, "p")
    _sub(line, "docDate", date, date=date)

    body = _sub(debate, "debateBody")
    for section in meeting.sections:
        key = section.key
        part = _sub(body, "debateSection", eId=key, name=section.kind)
        if section.kind == "item":
            item = meeting.agenda_item(key)
            heading = reading.agenda_title(key)
            if item is not None and item.topics:
                part.set("refersTo", " ".join(f"#topic_{t}" for t in item.topics))
            _sub(part, "heading", heading)
        else:
            _sub(part, "heading", catalogue_text(section.kind, lang))
        for remark in section.remarks:
            text = reading.remark(remark.id)
            if remark.kind == "narration":
                element = _sub(part, "narrative", eId=remark.id)
            else:
                by = person_ref(remark.speaker) if remark.speaker else MEMBERS
                element = _sub(part, "speech", eId=remark.id, by=f"#{by}", name=remark.kind)
                if remark.speaker and remark.speaker in roles:
                    element.set("as", f"#{role_ref(remark.speaker)}")
                speaker = (
                    archive.people[remark.speaker].name.get(lang)
                    if remark.speaker
                    else catalogue_text("members_collectively", lang)
                )
                _sub(element, "from", text.label or speaker)
            if remark.topics:
                element.set("refersTo", " ".join(f"#topic_{t}" for t in remark.topics))
            for paragraph in text.paragraphs:
                _sub(element, "p", paragraph)
    return bytes(etree.tostring(root, encoding="utf-8", xml_declaration=True))
