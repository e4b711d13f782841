"""How `gijiroku import` scales with the size of its input, and what the limits cost.

    python -m devtools.benchmark import [--sizes 1,2,4,8,20]

Each input is made here (nothing is read from outside the project) and imported by the
command line in a process of its own, measured for wall time, CPU time and peak memory:

- speaker turns: a committee's header and roll, then numbered ○ turns, as verbatim records run;
- one paragraph: lines of one remark with no blank line between them (a transcript saved
  from a PDF without its paragraph breaks), the shape that once made joining quadratic;
- a mixed record: header, roll, agenda, turns, interjections and headings, repeated;
- 5 MB of unclosed HTML tags, and a 510 KB PDF that inflates to 500 MB (refused).

The report gives seconds per MB for each size: a flat column is a linear importer. Figures
are from one run on a shared machine: compare them with each other, not with another day's.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

from .measure import run_measured
from .projects import REPO, REPORTS

HEADER = """第12回 架空市議会 総務常任委員会 会議録

日時：令和5年10月12日（木）午前10時00分～午後3時00分
場所：架空市役所 第1委員会室

出席委員（6名）
委員長 山川 一郎  副委員長 川上 花子
委員 森田 健  委員 林 真理子  委員 高木 正  委員 石井 誠

説明のため出席した者
総務部長 中村 博  財政課長 小林 恵

議題
（１）令和5年度補正予算について
（２）その他

"""

TURN_SPEAKERS = ("○山川委員長", "○川上副委員長", "○森田委員", "○中村総務部長", "○小林財政課長")


def filled(head: str, part: Callable[[int], str], size: int) -> bytes:
    """`head`, then `part(0)`, `part(1)`, … for as long as the whole stays within `size`
    bytes (UTF-8): records of a chosen size that never repeat a line word for word."""
    out, used, index = [head], len(head.encode()), 0
    while True:
        piece = part(index)
        if used + len(piece.encode()) > size:
            return "".join(out).encode()
        out.append(piece)
        used += len(piece.encode())
        index += 1


def speaker_turns(size: int) -> bytes:
    """A verbatim record of about `size` bytes: the header, then numbered turns."""
    return filled(
        HEADER + "議事の経過\n",
        lambda i: f"{TURN_SPEAKERS[i % len(TURN_SPEAKERS)]}　第{i}項について述べます。詳細は資料のとおりです。\n",
        size,
    )


def one_paragraph(size: int) -> bytes:
    """One remark of about `size` bytes, its lines never separated by a blank line."""
    return filled(
        HEADER + "議事の経過\n○山川委員長　ただいまから委員会を開会いたします。\n",
        lambda i: f"説明の続きとして第{i}点目の事項を申し上げますが、まだ文は終わらずに次の行へ続き\n",
        size,
    )


def mixed_record(size: int) -> bytes:
    """Header, roll and agenda once, then rounds of headings, turns and interjections."""
    return filled(
        HEADER + "議事の経過\n",
        lambda i: (
            f"\n（{i % 2 + 1}）{'令和5年度補正予算について' if i % 2 == 0 else 'その他'}\n"
            f"○山川委員長　第{i}回目の審査を行います。質疑はありませんか。\n"
            f"○森田委員　資料{i}の3ページについて伺います。\n歳出の内訳は\nどうなっていますか。\n"
            f"○小林財政課長　お答えいたします。内訳は資料{i}のとおりでございます。\n"
            "　　　　（「異議なし」と呼ぶ者あり）\n"
        ),
        size,
    )


def unclosed_html(size: int) -> bytes:
    """A minutes page whose paragraphs and list items are never closed, as some CMSs write them."""
    head = "<html><body><main><h1>第12回 架空市議会 総務常任委員会 会議録</h1><p>日時：令和5年10月12日<p>議事の経過"
    unit = "<p>○山川委員長　本文です。<ul><li>項目 "
    return (head + unit * ((size - len(head.encode())) // len(unit.encode())) + "</main></body></html>").encode()


def pdf_pages(*streams: tuple[bytes, bytes]) -> bytes:
    """A PDF of one page per (filter name, encoded content stream); b"" for no filter."""
    count = len(streams)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(count)) + b"] /Count %d >>" % count,
    ]
    for i, (name, data) in enumerate(streams):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources "
            b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>" % (4 + 2 * i)
        )
        filters = b" /Filter /" + name if name else b""
        objects.append(b"<< /Length %d%s >>\nstream\n" % (len(data), filters) + data + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def deflated_zeros(megabytes: int) -> bytes:
    """`megabytes` MB of zero bytes, deflated (about 1 KB a MB)."""
    packer = zlib.compressobj(9)
    return b"".join(packer.compress(bytes(1 << 20)) for _ in range(megabytes)) + packer.flush()


def pdf_bomb() -> bytes:
    """One page whose content stream inflates to 500 MB of zeros (about 510 KB on disk)."""
    return pdf_pages((b"FlateDecode", deflated_zeros(500)))


def _measure(source: Path, folder: Path, refused: bool = False) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "hooks")}
    command = [
        sys.executable,
        "-c",
        "import sys; from gijiroku.cli import main; code = main(sys.argv[1:]); "
        f"sys.exit(0 if code == {2 if refused else 0} else 1)",
        "import",
        str(source),
        "-o",
        str(folder / "out.md"),
        "--minutes",
        str(folder / "none"),
    ]
    return run_measured(command, folder, env)


def run_import_benchmark(sizes_mb: list[float], report: Path) -> str:
    """Import each shape at each size; write and return the report."""
    shapes = {"speaker turns": speaker_turns, "one paragraph": one_paragraph, "mixed record": mixed_record}
    rows: list[str] = []
    with tempfile.TemporaryDirectory(prefix="gijiroku-importbench-") as tmp:
        folder = Path(tmp)
        for name, make in shapes.items():
            for size in sizes_mb:
                source = folder / "input.txt"
                source.write_bytes(make(min(int(size * 1_000_000), 20_000_000)))  # 20 MB is the limit
                result = _measure(source, folder)
                mb = source.stat().st_size / 1_000_000
                rows.append(
                    f"| {name} | {mb:.1f} | {result['wall']:.1f} | {result['cpu']:.1f} | "
                    f"{result['wall'] / mb:.2f} | {result['peak_mb']:.0f} |"
                )
        html = folder / "input.html"
        html.write_bytes(unclosed_html(5_000_000))
        result = _measure(html, folder)
        rows.append(
            f"| unclosed HTML tags | 5.0 | {result['wall']:.1f} | {result['cpu']:.1f} | "
            f"{result['wall'] / 5:.2f} | {result['peak_mb']:.0f} |"
        )
        bomb = folder / "bomb.pdf"
        bomb.write_bytes(pdf_bomb())
        result = _measure(bomb, folder, refused=True)
        rows.append(
            f"| PDF inflating to 500 MB (refused) | {bomb.stat().st_size / 1_000_000:.2f} | {result['wall']:.1f} | "
            f"{result['cpu']:.1f} | – | {result['peak_mb']:.0f} |"
        )
    text = "\n".join(
        [
            "# Import benchmark",
            "",
            f"Measured {time.strftime('%Y-%m-%d')} with `python -m devtools.benchmark import "
            f"--sizes {','.join(f'{s:g}' for s in sizes_mb)}`: each input imported by the command line in a process "
            "of its own. s/MB that stays flat as the size grows is a linear importer.",
            "",
            "| input | MB | wall s | CPU s | s/MB | peak MB |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
            *rows,
            "",
        ]
    )
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(text, encoding="utf-8")
    return text


DEFAULT_REPORT = REPORTS / "import-benchmark.md"
