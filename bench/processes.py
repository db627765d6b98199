"""Process-tree helpers shared by the benchmarks that start servers and batch jobs: read the
memory and CPU time of a process and its descendants, and stop a process group for good."""

from __future__ import annotations

import os
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ProcessSample:
    rss_bytes: int
    cpu_seconds: float  # user + system time so far


def sample_tree(root: int) -> dict[int, ProcessSample]:
    """Memory and CPU time of `root` and each of its descendants, read from /proc."""
    children: dict[int, list[int]] = {}
    samples: dict[int, ProcessSample] = {}
    ticks = os.sysconf("SC_CLK_TCK")
    page_size = os.sysconf("SC_PAGE_SIZE")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        children.setdefault(int(stat[1]), []).append(pid)
        samples[pid] = ProcessSample(int(stat[21]) * page_size, (int(stat[11]) + int(stat[12])) / ticks)
    tree, stack = {}, [root]
    while stack:
        pid = stack.pop()
        if pid in samples:
            tree[pid] = samples[pid]
        stack.extend(children.get(pid, []))
    return tree


def stop_group(process: subprocess.Popen, interrupt_first: bool = False, grace_s: float = 20) -> None:
    """SIGKILL whatever is left in the process group `process` leads, and reap it; with
    `interrupt_first`, a command still running gets Ctrl-C first, as a user would stop it."""
    if interrupt_first and process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=grace_s)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()
