"""Proof that the test run leaves the real user's folders alone.

conftest.py snapshots the real data and settings folders of planner-gui
before anything runs and gives the session (then every test) a home of its
own; at the end of the run it compares. The machine may be shared (another
person's window, benchmark or test run may write to the same real folders
meanwhile), so only what can be traced to this run fails it: a backup whose
folder belongs to a plan file this run made. Other changes are reported. (That
the settings go elsewhere is checked directly: tests/test_isolation.py.)
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


def changed(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> list[str]:
    """Files new, gone or changed between two snapshots."""
    return sorted({name for name, _ in set(before.items()) ^ set(after.items())})


def changed_by_this_run(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]],
                        data_folder: Path, run_folders: Iterable[Path]) -> list[str]:
    """The changed files this run wrote: backups of plan files under ``run_folders``."""
    ours = {backup_folder_name(plan) for folder in run_folders if folder.is_dir()
            for plan in folder.rglob("*.sqlite")}
    backups = data_folder / "backups"
    return [name for name in changed(before, after) if Path(name).is_relative_to(backups)
            and Path(name).relative_to(backups).parts[0] in ours]
