"""Durability: a change the program has reported as done survives kill -9.

A child process appends progress updates through PlanStore in a loop and
prints each update's id only after add_update has returned (that is the
moment the window or `planner-cli update` tells the user "done"). The test kills
it with SIGKILL at random moments, many times, then checks that the file is
sound and that every acknowledged update is in it.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys

import pytest

CHILD = r"""
import sys
from datetime import date
from planner_gui.domain.model import ProgressUpdate
from planner_gui.store import PlanStore

store = PlanStore.open(sys.argv[1])
task_id = sys.argv[2]
print("ready", flush=True)
n = 0
while True:
    n += 1
    update = ProgressUpdate(date=date(2024, 1 + n % 12, 1), progress=n % 101,
                            text="进展" * (1 + n % 50), reporter=f"child {n}")
    store.add_update(task_id, update)
    print(update.id, flush=True)
"""

KILLS = 30


@pytest.mark.slow  # 30 child processes, 10-20 s
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_every_acknowledged_update_survives_kill_minus_9(bundled_store, db_path):
    task_id = next(bundled_store.load_plan().walk_tasks()).id
    bundled_store.close()
    rng = random.Random(20240501)
    acknowledged: list[str] = []
    killed_while_writing = 0
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(db_path), task_id],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        assert child.stdout is not None
        first = child.stdout.readline()
        assert first == "ready\n", child.stderr.read() if child.stderr else first
        # Kill at a random moment in the middle of a stream of commits: after
        # the child has acknowledged a random number of updates (at least one:
        # its first write also loads sqlite-utils, 0.2-0.5 s on a busy machine,
        # so a kill timed from "ready" often came before any write at all).
        seen = [child.stdout.readline() for _ in range(rng.randint(1, 12))]
        assert all(line.endswith("\n") for line in seen), child.stderr.read() if child.stderr else seen
        os.kill(child.pid, signal.SIGKILL)
        out, err = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL, err
        lines = "".join(seen).split("\n")[:-1] + out.split("\n")
        complete = lines[:-1]  # the last piece has no newline: not acknowledged
        acknowledged.extend(complete)
        killed_while_writing += bool(complete)

    assert len(acknowledged) > 50, "the child wrote too little for the test to mean anything"
    assert killed_while_writing >= 10
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = {row[0] for row in conn.execute("SELECT id FROM progress_update")}
    finally:
        conn.close()
    missing = [i for i in acknowledged if i not in stored]
    assert missing == [], f"{len(missing)} acknowledged updates lost"


def test_the_file_is_set_up_for_durability(bundled_store):
    """The settings the guarantee rests on: WAL, synchronous=FULL, a busy timeout."""
    db = bundled_store.db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
