"""Importing published minutes (議事要旨, 議事録, English minutes) into the minutes format.

`extract` gets the record's text out of a text, HTML or PDF file; `parse_minutes` reads
the text into a draft meeting and a report of everything it could not decide;
`write_meeting` writes the draft as a meeting file. Nothing is dropped: what cannot be
classified is kept as narration or named in the report with its line.
"""

from .draft import Draft, Note
from .extract import Extracted, Refused, extract
from .meetingfile import write_meeting
from .parse import NotMinutes, parse_minutes

__all__ = ["Draft", "Extracted", "Note", "NotMinutes", "Refused", "extract", "parse_minutes", "write_meeting"]
