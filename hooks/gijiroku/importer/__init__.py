"""Importing published minutes text (議事要旨, 議事録) into the minutes format.

`parse_minutes` reads the text into a draft meeting and a report of everything it could
not decide; `write_meeting` writes the draft as a meeting file. Nothing is dropped:
what cannot be classified is kept as narration and reported.
"""

from .draft import Draft, Note
from .parse import NotMinutes, parse_minutes
from .write import write_meeting

__all__ = ["Draft", "Note", "NotMinutes", "parse_minutes", "write_meeting"]
