"""kill -9 during packet imports loses nothing acknowledged (issue 25).

A child process imports a series of packets into the office's copy and
prints each packet's number only after import_packet has returned (the
moment `planner-cli sync import` reports it done). The test kills it with
SIGKILL at random moments, then checks that the file is sound, that every
update of every acknowledged packet is in it, and that importing the rest
ends where the unit's copy is.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date

import pytest

from planner_gui.store import PlanStore
from sync_helpers import COMMERCE, add_update, as_json, copy_for, export, office_file

CHILD = r"""
import sys
from pathlib import Path
from planner_gui.store import PlanStore
from planner_gui.sync import copies

print("ready", flush=True)
for number, packet in enumerate(sys.argv[2:]):
    with PlanStore.open(sys.argv[1]) as store:
        copies.import_packet(store, Path(packet))
    print(number, flush=True)
"""

PACKETS = 8
KILLS = 12


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_kill_minus_9_during_packet_imports_loses_nothing_acknowledged(tmp_path):
    office = office_file(tmp_path)
    unit = copy_for(office, COMMERCE)
    packets, ids_in = [], []
    made: list[str] = []
    for n in range(PACKETS):
        for k in range(15):
            made.append(add_update(unit, COMMERCE, date(2024, 1 + n, 1 + k), f"第{n}批进展{k}"))
        packets.append(str(export(unit, "all", tmp_path / f"p{n}.plansync")))
        ids_in.append(list(made))
    rng = random.Random(25)
    acknowledged, interrupted = -1, 0
    deadline = time.monotonic() + 120
    for _ in range(KILLS):
        if time.monotonic() > deadline:
            break
        # Kill right after the child acknowledged a random number of packets:
        # it is then inside the next import, whatever the machine's speed (a
        # kill timed from "ready" came after all the imports on a quiet machine
        # and before the first on a busy one).
        wait_for = rng.randrange(0, PACKETS - 1)
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(office), *packets],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n"
        done: list[int] = []
        while not done or done[-1] < wait_for:
            line = child.stdout.readline()
            assert line, f"the child ended early: {child.communicate(timeout=20)[1]}"
            done.append(int(line))
        os.kill(child.pid, signal.SIGKILL)
        out, _err = child.communicate(timeout=20)
        done += [int(line) for line in out.split("\n")[:-1]]
        interrupted += len(done) < PACKETS
        acknowledged = max([acknowledged, *done])
        conn = sqlite3.connect(office)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            stored = {row[0] for row in conn.execute("SELECT id FROM progress_update")}
        finally:
            conn.close()
        assert set(ids_in[acknowledged]) <= stored
    assert interrupted >= KILLS // 2, "the kills came too late to interrupt an import"
    with PlanStore.open(office) as store:
        from planner_gui.sync import copies

        for packet in packets:
            copies.import_packet(store, packet)
    assert as_json(office) == as_json(unit)
