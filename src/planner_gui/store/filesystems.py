"""Is a plan file on a network file system (SMB/CIFS, NFS, ...)?

SQLite's WAL mode needs shared memory that network file systems do not
provide, and their locks are unreliable: two PCs writing one file on a share
can damage it. A plan file found on one is therefore opened read-only
(store/connection.py), and the message says why and what to do instead:
copy it to the PC's own disk and exchange changes with `planner-cli sync`.

Linux: the longest mount point containing the file in /proc/mounts names
its type. Windows: a UNC path (\\\\server\\share) or a mapped network drive.
Elsewhere nothing is detected.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_TYPES = frozenset({
    "cifs", "smb3", "smbfs", "nfs", "nfs4", "ncpfs", "afs", "coda", "9p", "ceph", "glusterfs",
    "lustre", "gpfs", "ocfs2", "gfs2", "davfs", "fuse.sshfs", "fuse.davfs2", "fuse.rclone",
    "fuse.glusterfs", "fuse.cephfs",
})
MOUNTS = Path("/proc/mounts")


def _unescape(field: str) -> str:
    # /proc/mounts writes a space in a mount point as \040 (and tab, newline, backslash alike)
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def mount_type(path: Path, mounts_text: str) -> str | None:
    """The type of the file system holding ``path`` according to a /proc/mounts text."""
    best, best_type = "", None
    target = str(path)
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point, kind = _unescape(parts[1]), parts[2]
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, kind
    return best_type


def network_filesystem(path: Path | str) -> str | None:
    """The network file system's type if ``path`` lies on one, else None."""
    path = Path(path)
    try:
        resolved = path.resolve()
    except OSError:
        return None
    if sys.platform == "win32":
        return _windows_network(resolved)
    try:
        text = MOUNTS.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    kind = mount_type(resolved, text)
    return kind if kind in NETWORK_TYPES else None


def _windows_network(path: Path) -> str | None:  # pragma: no cover - Windows only
    text = str(path)
    if text.startswith("\\\\") and not text.startswith("\\\\?\\"):
        return "smb"
    import ctypes

    drive = os.path.splitdrive(text)[0]
    if drive and ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4:  # DRIVE_REMOTE
        return "smb"
    return None
