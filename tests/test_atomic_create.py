"""A new plan file appears complete or not at all: `init` and an import into a new --db build it
under a temporary name and rename it into place. A kill at any moment once left a 0-byte or
plan-less stub that every later command refused; `init` may replace such a stub."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from planner_gui.domain.errors import PlannerError
from planner_gui.services.plan_files import init_file, open_or_create
from planner_gui.store import PlanStore

from factories import full_plan


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "planner_gui.cli.main", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def whole_or_absent(path) -> str:
    if not path.exists():
        return "absent"
    with PlanStore.open(path) as store:
        assert store.load_plan().areas, "a plan file without areas"
    return "whole"


@pytest.mark.slow  # about 6 s each: a dozen program starts
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
@pytest.mark.parametrize("command", ["init", "import-json"])
def test_killing_a_new_file_command_at_random_points_never_leaves_a_stub(tmp_path, command):
    rng = random.Random(20)
    source = tmp_path / "plan.json"
    if command == "import-json":
        from planner_gui.exchange.json_format import write_file

        write_file(full_plan(), source)
    seen = set()
    for attempt in range(6):
        path = tmp_path / f"plan{attempt}.sqlite"
        args = ["init", "--db", str(path)] if command == "init" else ["import-json", "--db", str(path), str(source)]
        child = start(*args)
        deadline = time.monotonic() + rng.uniform(0.05, 1.2)
        while child.poll() is None and time.monotonic() < deadline:
            try:
                child.wait(timeout=0.01)
            except subprocess.TimeoutExpired:
                pass
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        seen.add(whole_or_absent(path))
        # whatever a kill left beside it is no obstacle: init succeeds on the same name or refuses
        # a whole plan, and never finds a stub
        if not path.exists():
            init_file(path).close()
        assert whole_or_absent(path) == "whole"
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(path.name + "-")]
    assert seen  # at least one attempt ran


def test_a_failing_import_into_a_new_file_leaves_nothing(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "planner-gui/1", "plan": {"title": "x", "year": 2024, "declared_areas": '
                   + str(2**63) + '}, "areas": []}', encoding="utf-8")
    path = tmp_path / "new.sqlite"
    done = subprocess.run([sys.executable, "-m", "planner_gui.cli.main", "import-json", "--db", str(path), str(bad)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "declared_areas" in done.stderr and "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]


def test_a_store_that_fails_half_way_leaves_no_file(tmp_path, monkeypatch):
    path = tmp_path / "new.sqlite"

    def fail(self, plan):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(PlanStore, "replace_plan", fail)
    with pytest.raises(sqlite3.OperationalError):
        PlanStore.create(path, full_plan())
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("stub", ["empty", "plan-less"])
def test_init_and_the_first_start_replace_a_stub(tmp_path, stub):
    path = tmp_path / "plan.sqlite"
    if stub == "empty":
        path.write_bytes(b"")
    else:
        from planner_gui.store.connection import open_database

        db, is_new = open_database(path, create=True)
        db.close()
        assert is_new
    init_file(path, empty=True, year=2024).close()
    with PlanStore.open(path) as store:
        assert store.plan_info().year == 2024
    path.write_bytes(b"")
    with open_or_create(path) as store:  # the window's first start
        assert store.load_plan().areas


def test_init_never_replaces_a_plan_or_another_file(tmp_path):
    path = tmp_path / "plan.sqlite"
    init_file(path).close()
    before = path.read_bytes()
    with pytest.raises(PlannerError, match="already exists"):
        init_file(path)
    other = tmp_path / "notes.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.close()
    with pytest.raises(PlannerError, match="already exists"):
        init_file(other)
    assert path.read_bytes() == before


def test_a_file_that_cannot_be_made_is_named_as_asked(tmp_path, monkeypatch):
    real = sqlite3.connect

    def refuse(target, *args, **kwargs):
        if ".creating" in str(target):
            raise sqlite3.OperationalError("unable to open database file")
        return real(target, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", refuse)
    path = tmp_path / "plan.sqlite"
    with pytest.raises(PlannerError) as caught:
        PlanStore.create(path, full_plan())
    assert str(caught.value).startswith(f"{path}: ") and ".creating" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []
