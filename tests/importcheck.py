"""Checking an imported meeting file as a user would: in an archive of its own, with the
people the import report proposes added to people.yml, through `gijiroku check`'s loader."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from gijiroku import load_archive


def check_errors(
    meeting_text: str,
    proposed: Mapping[str, Mapping[str, str]],
    folder: Path,
    *,
    lang: str = "ja",
    name: str = "m1",
    people: str = "",
) -> list[str]:
    """The errors the checker finds in `meeting_text` once the proposed people (and the
    registry text `people`) are in people.yml; [] when it passes."""
    minutes = folder / "minutes"
    (minutes / "council").mkdir(parents=True, exist_ok=True)
    people += "".join(
        f"{pid}:\n  name: {{ja: {json.dumps(entry['ja'], ensure_ascii=False)}, en: Someone}}\n"
        f"  reading: {entry.get('reading') or 'なにがし'}\n  romanized: Someone\n"
        for pid, entry in proposed.items()
    )
    (minutes / "people.yml").write_text(people or "{}\n", encoding="utf-8")
    (minutes / "topics.yml").write_text("{}\n", encoding="utf-8")
    (minutes / "council" / "series.yml").write_text(
        "name: {ja: 会議, en: Council}\norganiser: {ja: 府, en: Office}\n", encoding="utf-8"
    )
    (minutes / "council" / f"{name}.{lang}.md").write_text(meeting_text, encoding="utf-8")
    _, diags = load_archive(minutes)
    return [d.format() for d in diags.errors]
