"""Writing the shared text rules (rules.json) into gjsearch.js.

The browser's tokenizer must follow the same rules as the index's; it cannot read
rules.json before its first query without an extra request, so it carries a copy
between two marker lines, generated here. `python -m gijiroku.search.rules` rewrites
the copy; the tests fail while it differs from rules.json.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from .tokenize import rules

GJSEARCH = Path(__file__).resolve().parent.parent / "theme" / "assets" / "gjsearch.js"
_BLOCK = re.compile(r"(// <rules>[^\n]*\n)(.*?)(\n[ \t]*// </rules>)", re.S)


def js_rules() -> str:
    """The JavaScript statement that holds the rules (all but the note about them)."""
    shared = {key: value for key, value in rules().items() if key != "about"}
    return "var RULES = " + json.dumps(shared, ensure_ascii=False, separators=(",", ":")) + ";"


def embedded_rules(script: str) -> str:
    """The rules statement currently between the markers of a script."""
    match = _BLOCK.search(script)
    if match is None:
        raise ValueError("gjsearch.js lacks its '// <rules>' ... '// </rules>' block")
    return match.group(2).strip()


def write_rules(path: Path = GJSEARCH) -> bool:
    """Rewrite the rules in gjsearch.js; whether anything changed."""
    script = path.read_text(encoding="utf-8")
    embedded_rules(script)
    updated = _BLOCK.sub(lambda m: m.group(1) + "  " + js_rules() + m.group(3), script, count=1)
    if updated == script:
        return False
    path.write_text(updated, encoding="utf-8")
    return True


if __name__ == "__main__":
    changed = write_rules()
    print(f"{GJSEARCH.name}: {'rules updated' if changed else 'rules already current'}")
    sys.exit(0)
