"""Proof that the test run leaves the real user's folders alone.

conftest.py snapshots the real data and settings folders of planner-gui
before anything runs and gives the session (then every test) a home of its
own; at the end of the run it compares. The machine may be shared (another
person's program or test run may write to the same real folders meanwhile),
so a backup counts against this run only when its folder belongs to a plan
file this run made; a changed settings folder always counts.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path

# The real folders, read when conftest imports this module, before it changes
# the environment.
REAL_HOME = Path.home()
REAL_DATA = Path(os.environ.get("XDG_DATA_HOME") or REAL_HOME / ".local" / "share") / "planner-gui"
REAL_CONFIG = Path(os.environ.get("XDG_CONFIG_HOME") or REAL_HOME / ".config") / "planner-gui"
REAL_FOLDERS = (REAL_DATA, REAL_CONFIG)


def snapshot(folders: Iterable[Path]) -> dict[str, tuple[int, int]]:
    """Every file under the folders with its size and modification time."""
    found = {}
    for folder in folders:
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.is_file():
                    stat = path.stat()
                    found[str(path)] = (stat.st_size, stat.st_mtime_ns)
    return found


def backup_folder_name(plan: Path) -> str:
    """The name store/backups.backup_folder gives a plan's backup folder
    (repeated here so the check does not depend on the code it checks)."""
    resolved = plan.resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:8]
    stem = re.sub(r"[^\w.-]", "_", resolved.name)[:40] or "plan"
    return f"{stem}-{digest}"


def changed_by_this_run(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]],
                        data_folder: Path, run_folders: Iterable[Path]) -> list[str]:
    """The files that changed between the snapshots and that this run wrote:
    backups of plan files under ``run_folders``, and anything that is not a backup."""
    changed = sorted({name for name, _ in set(before.items()) ^ set(after.items())})
    ours = {backup_folder_name(plan) for folder in run_folders if folder.is_dir()
            for plan in folder.rglob("*.sqlite")}
    backups = data_folder / "backups"
    found = []
    for name in changed:
        path = Path(name)
        if path.is_relative_to(backups):
            if path.relative_to(backups).parts[0] in ours:
                found.append(name)
        else:
            found.append(name)
    return found
