"""Text that is safe to put into XML (Atom, Akoma Ntoso, SVG) through a serializer.

A serializer escapes `<`, `&` and quotes, but XML 1.0 cannot carry most C0 control
characters, lone surrogates or U+FFFE/U+FFFF at all; lxml refuses them. Minutes text
is checked for markup, not for these, so they are dropped here rather than crash a build.
"""

from __future__ import annotations

import re

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: object) -> str:
    """`value` as text with the characters XML 1.0 cannot carry removed."""
    text = str(value)
    return _ILLEGAL.sub("", text) if _ILLEGAL.search(text) else text
