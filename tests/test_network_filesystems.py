"""A plan file on a network share (SMB/CIFS, NFS) is opened read-only, and says why (issue 25)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from planner_gui.cli.main import main
from planner_gui.domain.model import Area
from planner_gui.services.plan_files import init_file
from planner_gui.store import PlanStore, filesystems
from planner_gui.store.connection import SaveError

MOUNTS = """\
sysfs /sys sysfs rw,nosuid 0 0
/dev/sda1 / ext4 rw,relatime 0 0
//server/plans /mnt/plans cifs rw,vers=3.0 0 0
nas:/export /mnt/nfs nfs4 rw,vers=4.2 0 0
/dev/sdb1 /mnt/nfs/local ext4 rw 0 0
//server/share\\040two /mnt/share\\040two smb3 rw 0 0
"""


@pytest.mark.parametrize(("path", "kind"), [
    ("/home/u/plan.sqlite", "ext4"),
    ("/mnt/plans/2024/plan.sqlite", "cifs"),
    ("/mnt/plansX/plan.sqlite", "ext4"),  # a longer name is not inside /mnt/plans
    ("/mnt/nfs/plan.sqlite", "nfs4"),
    ("/mnt/nfs/local/plan.sqlite", "ext4"),  # the innermost mount counts
    ("/mnt/share two/plan.sqlite", "smb3"),  # a space is written \040
])
def test_the_innermost_mount_names_the_file_system(path, kind):
    assert filesystems.mount_type(Path(path), MOUNTS) == kind


def _share(tmp_path, monkeypatch) -> Path:
    """A folder that is a local disk until the test mounts it as a share."""
    monkeypatch.setattr(filesystems, "MOUNTS", _mounts_as(tmp_path, "ext4"))
    folder = tmp_path / "share"
    folder.mkdir()
    return folder / "plan.sqlite"


def test_a_plan_on_a_network_share_opens_read_only_and_a_write_says_why(tmp_path, monkeypatch):
    path = _share(tmp_path, monkeypatch)
    init_file(path).close()
    assert filesystems.network_filesystem(path) is None
    monkeypatch.setattr(filesystems, "MOUNTS", _mounts_as(tmp_path, "cifs"))
    assert filesystems.network_filesystem(path) == "cifs"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with PlanStore.open(path) as store:
        assert store.read_only
        with pytest.raises(SaveError, match=r"network share \(cifs\).*planner-cli sync"):
            store.add_area(Area(name="不该写入"))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def _mounts_as(tmp_path: Path, kind: str) -> Path:
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/sda1 / ext4 rw 0 0\n//srv/x {tmp_path.resolve()}/share {kind} rw 0 0\n")
    return mounts


def test_the_command_line_refuses_to_write_to_a_plan_on_nfs(tmp_path, monkeypatch, capsys):
    path = _share(tmp_path, monkeypatch)
    init_file(path).close()
    monkeypatch.setattr(filesystems, "MOUNTS", _mounts_as(tmp_path, "nfs"))
    with PlanStore.open(path) as store:
        task_id = next(store.load_plan().walk_tasks()).id
    assert main(["update", "--db", str(path), "--task", task_id, "--progress", "50"]) == 1
    err = capsys.readouterr().err
    assert "network share (nfs)" in err and err.count("\n") == 1
    assert main(["summary", "--db", str(path)]) == 0  # reading works


def test_the_window_says_the_file_is_on_a_share(qtbot, tmp_path, monkeypatch):
    from planner_gui.ui import file_guard

    path = _share(tmp_path, monkeypatch)
    init_file(path).close()
    monkeypatch.setattr(filesystems, "MOUNTS", _mounts_as(tmp_path, "smb3"))
    shown = []

    class Box:
        def __init__(self, parent, icon, title, text):
            shown.append(text)

        def setStandardButtons(self, buttons):  # noqa: N802 - Qt's name
            pass

        def exec(self):
            return 0

    monkeypatch.setattr(file_guard, "_message_box", Box)
    file_guard.tell_read_only(None, path)
    assert "network share (smb3)" in shown[0] and "File, Sync" in shown[0]
