"""Sync figures for BENCHMARKS.md (issue 25).

    python benchmarks/sync_bench.py [--tasks 10000] [--units 50] [--json out.json]

1. Packet size: a department's month of updates (one per task of its unit),
   exported for the office by a copy of the office's file.
2. Merge time: a year of 50 departments at 10,000 tasks (each unit's tasks
   get 12 monthly updates), one packet per department, imported by the
   office: the first five one import each (backup, load the Y log, apply,
   check rights, write the tables, commit), then all fifty in one import
   (`planner-cli sync import F *.plansync`: one backup, one read of the log,
   one transaction).
3. The cost the triggers add to one committed edit (the same file with and
   without them).

Runs in a throw-away folder; the machine is shared, so the load average is
recorded before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timezone
from pathlib import Path

from planner_gui.demo import write_demo
from planner_gui.store import PlanStore
from planner_gui.store.bulk import insert_rows
from planner_gui.store.connection import transaction
from planner_gui.sync import copies


def _units(store: PlanStore, count: int) -> list[str]:
    names = [f"部门{n:02d}" for n in range(1, count + 1)]
    ids = [row[0] for row in store.db.execute("SELECT id FROM task ORDER BY id")]
    with transaction(store.db):
        for i, task_id in enumerate(ids):
            store.db.execute("UPDATE task SET lead_unit = ? WHERE id = ?", [names[i % count], task_id])
    return names


def _updates(store: PlanStore, unit: str, months: range) -> int:
    """Monthly updates of the unit's tasks, written in one transaction as the demo does."""
    tasks = [row[0] for row in store.db.execute("SELECT id FROM task WHERE lead_unit = ?", [unit])]
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    rows = [{"id": str(uuid.uuid4()), "task_id": t, "date": date(2024, m, 25).isoformat(),
             "progress": float(m * 8), "text": f"{m}月进展：按计划推进，完成阶段任务。",
             "problems": "", "next_steps": "继续推进", "reporter": unit, "highlight": 0,
             "readings": "{}", "created": now} for t in tasks for m in months]
    with transaction(store.db):
        insert_rows(store.db, {"progress_update": rows})
    return len(rows)


def _commit_ms(path: Path, runs: int = 60) -> float:
    with PlanStore.open(path) as store:
        task_id = store.db.execute("SELECT id FROM task LIMIT 1").fetchone()[0]
        times = []
        for n in range(runs):
            start = time.perf_counter()
            store.edit("task", task_id, leader=f"领导{n}")
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--units", type=int, default=50)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    result: dict = {"tasks": args.tasks, "units": args.units, "load_before": os.getloadavg(),
                    "started": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    folder = Path(tempfile.mkdtemp(prefix="sync-bench-"))
    os.environ["HOME"] = str(folder)
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    try:
        office = folder / "office.sqlite"
        write_demo(office, args.tasks, 0, seed=1)
        with PlanStore.open(office) as store:
            units = _units(store, args.units)
            start = time.perf_counter()
            copies.init_copy(store, "office")
            result["office_first_y_build_s"] = round(time.perf_counter() - start, 2)
            result["y_log_bytes"] = store.db.execute(
                "SELECT sum(length(data)) FROM sync_update").fetchone()[0]
        result["file_bytes"] = office.stat().st_size

        # triggers' cost per committed edit
        plain = folder / "no-triggers.sqlite"
        shutil.copyfile(office, plain)
        with PlanStore.open(plain) as store:
            names = [r[0] for r in store.db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'")]
            for name in names:
                store.db.execute(f"DROP TRIGGER {name}")
        result["commit_ms_with_triggers"] = round(_commit_ms(office), 2)
        result["commit_ms_without_triggers"] = round(_commit_ms(plain), 2)
        with PlanStore.open(office) as store:
            store.db.execute("DELETE FROM sync_dirty")  # the edits above, not part of the merge

        # a year of every department, one packet each
        packets, made = [], 0
        export_s = []
        for unit in units:
            copy = folder / "unit.sqlite"
            shutil.copyfile(office, copy)
            with PlanStore.open(copy) as store:
                copies.init_copy(store, unit)
                if unit == units[0]:
                    month = _updates(store, unit, range(7, 8))
                    month_packet = folder / "month.plansync"
                    copies.export_packet(store, "office", month_packet)
                    result["month_updates"] = month
                    result["month_packet_bytes"] = month_packet.stat().st_size
                    made += month
                    made += _updates(store, unit, [m for m in range(1, 13) if m != 7])
                else:
                    made += _updates(store, unit, range(1, 13))
                start = time.perf_counter()
                packet = folder / f"{len(packets):02d}.plansync"
                copies.export_packet(store, "office", packet)
                export_s.append(time.perf_counter() - start)
            packets.append(packet)
            copy.unlink()
        result["year_updates"] = made
        result["year_packet_bytes_median"] = statistics.median(p.stat().st_size for p in packets)
        result["export_s_median"] = round(statistics.median(export_s), 2)
        # one at a time (each: backup, log read, commit), on a copy, for the first few
        single = folder / "office-single.sqlite"
        with PlanStore.open(office) as store:
            store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copyfile(office, single)
        import_s = []
        with PlanStore.open(single) as store:
            copies.init_copy(store, "office")
            for packet in packets[:5]:
                start = time.perf_counter()
                copies.import_packet(store, packet)
                import_s.append(time.perf_counter() - start)
        single.unlink()
        result["one_packet_import_s"] = [round(t, 2) for t in import_s]
        # the month-end round: every department's packet in one import
        with PlanStore.open(office) as store:
            start = time.perf_counter()
            copies.import_packets(store, packets)
            result["merge_s_all_in_one_import"] = round(time.perf_counter() - start, 1)
            stored = store.db.execute("SELECT count(*) FROM progress_update").fetchone()[0]
        assert stored == made, (stored, made)
        result["file_bytes_after"] = office.stat().st_size
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    result["load_after"] = os.getloadavg()
    text = json.dumps(result, ensure_ascii=False, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
