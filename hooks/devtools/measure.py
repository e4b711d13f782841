"""Measuring a command: wall and CPU time, and the peak memory of its whole process tree."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path


class TreeMemory:
    """Samples the memory of a process and all its descendants while it runs (Linux
    /proc; nothing elsewhere): the largest sum over the tree of resident sizes (RSS:
    pages a parent and its forked child share count in both) and of proportional sizes
    (PSS: a shared page is split between the processes sharing it, so the sum is the
    memory the tree really holds)."""

    INTERVAL = 0.5

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.rss = 0
        self.pss = 0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        if Path("/proc/self/smaps_rollup").exists():
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.INTERVAL):
            rss = pss = 0
            for pid in self._tree():
                try:
                    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                        if line.startswith("Rss:"):
                            rss += int(line.split()[1]) * 1024
                        elif line.startswith("Pss:"):
                            pss += int(line.split()[1]) * 1024
                except (OSError, ValueError, IndexError):
                    continue  # the process ended between listing and reading
            self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)
            self.samples += 1

    def _tree(self) -> list[int]:
        tree, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            try:
                for task in Path(f"/proc/{pid}/task").iterdir():
                    todo += [int(child) for child in (task / "children").read_text().split()]
            except OSError:
                continue
        return tree


def run_measured(command: list[str], cwd: Path, env: dict[str, str]) -> dict[str, float]:
    """Run a command; its wall time, CPU time (user + system, its children's included)
    and peak memory in MB: `peak_mb`, the largest process (the ru_maxrss that wait4
    reports: on Linux the largest of the process and every child it waited for, such as
    the forked language build), and `tree_rss_mb` / `tree_pss_mb`, the whole process
    tree sampled (see TreeMemory; 0 where /proc cannot tell)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with TreeMemory(process.pid) as tree:
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    stderr = process.stderr.read().decode() if process.stderr else ""
    if status != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{stderr[-2000:]}")
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
        "tree_rss_mb": tree.rss / 2**20,
        "tree_pss_mb": tree.pss / 2**20,
    }
