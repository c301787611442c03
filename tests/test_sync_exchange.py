"""Copies of one plan exchanged by .plansync packets (issue 25, offline by file)."""

from __future__ import annotations

import itertools
import json
import shutil
from datetime import date

import pytest

from planner_gui.cli.main import main
from planner_gui.domain.errors import BadFileError
from planner_gui.domain.model import Area, Task
from planner_gui.store import PlanStore
from planner_gui.store.schema import SCHEMA_VERSION
from planner_gui.sync import copies
from sync_helpers import (
    COMMERCE,
    CULTURE,
    add_update,
    as_json,
    copy_for,
    edit_task,
    export,
    import_,
    office_file,
    task_of_unit,
)

from factories import full_plan


def _office_edits(path):
    """Structure: a new area with a task, a renamed task; and a progress figure."""
    with PlanStore.open(path) as store:
        area = store.add_area(Area(name="新增方面"))
        store.add_task(Task(title="新增任务", lead_unit=CULTURE), area.id)
        store.edit("task", task_of_unit(store, COMMERCE).id, title="新引进企业不少于60家")
    edit_task(path, COMMERCE, progress=40)


def _commerce_edits(path):
    add_update(path, COMMERCE, date(2024, 7, 25), "引进41家", 45)
    edit_task(path, COMMERCE, progress=45)  # the office set 40 meanwhile


def _culture_edits(path):
    add_update(path, CULTURE, date(2024, 7, 20), "设计完成", 60)
    edit_task(path, CULTURE, progress=60, done_on=None)


@pytest.fixture
def three(tmp_path):
    office = office_file(tmp_path)
    commerce = copy_for(office, COMMERCE, "commerce.sqlite")
    culture = copy_for(office, CULTURE, "culture.sqlite")
    _office_edits(office)
    _commerce_edits(commerce)
    _culture_edits(culture)
    return {"office": office, COMMERCE: commerce, CULTURE: culture}


def test_a_copied_file_has_no_owner_until_it_is_named(tmp_path):
    office = office_file(tmp_path)
    copied = tmp_path / "copied.sqlite"
    shutil.copyfile(office, copied)
    with PlanStore.open(copied) as store, pytest.raises(copies.SyncError, match="sync init"):
        copies.export_packet(store, "all", tmp_path / "x.plansync")
    with PlanStore.open(office) as store:
        assert copies.owner(store) == "office"


def test_two_copies_converge_in_either_order_and_keep_the_losing_value(tmp_path, three):
    office, commerce = three["office"], three[COMMERCE]
    # the same two packets, arriving in either order at fresh copies of the two files
    pa = export(office, COMMERCE, tmp_path / "from_office.plansync")
    pb = export(commerce, "office", tmp_path / "from_commerce.plansync")
    results = []
    for first in ("office", "commerce"):
        folder = tmp_path / first
        folder.mkdir()
        a, b = shutil.copy(office, folder / "office.sqlite"), shutil.copy(commerce, folder / "c.sqlite")
        for path in (a, b):  # a moved file is a copy: named again where it now lives
            with PlanStore.open(path) as store:
                copies.init_copy(store, "office" if path == a else COMMERCE)
        if first == "office":
            import_(b, pa)
            import_(a, pb)
        else:
            import_(a, pb)
            import_(b, pa)
        assert as_json(a) == as_json(b)
        results.append(as_json(a))
        # the copy whose value lost keeps it in the history, which its next packet carries
        import_(a, export(b, "office", folder / "again_b.plansync"))
        import_(b, export(a, COMMERCE, folder / "again_a.plansync"))
    assert results[0] == results[1]
    plan = json.loads(results[0])
    titles = [t["title"] for area in plan["areas"] for t in area["tasks"]]
    assert "新引进企业不少于60家" in titles and "新增任务" in titles
    top = next(t for area in plan["areas"] for t in area["tasks"] if t["lead_unit"] == COMMERCE)
    assert "引进41家" in [u["text"] for u in top["updates"]]
    # progress was set to 40 by the office and 45 by the unit: one value on both,
    # the other kept in the history of both, once each has heard from the other again
    kept = top["progress"]
    assert kept in (40, 45)
    for path in (tmp_path / "office" / "office.sqlite", tmp_path / "office" / "c.sqlite"):
        with PlanStore.open(path) as store:
            lost = [h for h in copies.history(store) if h["field"] == "progress"]
        assert [(h["kept"], h["lost"]) for h in lost] == [(kept, 85 - kept)]


def test_three_copies_converge_whatever_order_the_packets_arrive_in(tmp_path, three):
    names = list(three)
    packets = {}
    for name, path in three.items():
        packets[name] = export(path, "all", tmp_path / f"{name}.plansync")
    results = set()
    for order in itertools.permutations(names):
        folder = tmp_path / "-".join(str(names.index(n)) for n in order)
        folder.mkdir()
        local = {}
        for name, path in three.items():
            local[name] = shutil.copy(path, folder / path.name)
            with PlanStore.open(local[name]) as store:
                copies.init_copy(store, name)
        for receiver in order:
            for sender in order:
                if sender != receiver:
                    import_(local[receiver], packets[sender])
        states = {as_json(p) for p in local.values()}
        assert len(states) == 1, order
        results |= states
    assert len(results) == 1
    plan = json.loads(results.pop())
    texts = [u["text"] for area in plan["areas"] for t in area["tasks"]
             for task in [t, *t["subtasks"]] for u in task["updates"]]
    assert sorted(texts).count("引进41家") == 1 and texts.count("设计完成") == 1  # nothing twice


def test_a_packet_imported_twice_changes_nothing(tmp_path, three):
    office, commerce = three["office"], three[COMMERCE]
    packet = export(commerce, "office", tmp_path / "c.plansync")
    first = import_(office, packet)
    assert first.new and first.updates_added == 1
    before = as_json(office)
    with PlanStore.open(office) as store:
        log = store.db.execute("SELECT count(*) FROM sync_update").fetchone()[0]
    again = import_(office, packet)
    assert not again.new and again.updates_added == 0 and again.tasks_changed == []
    assert as_json(office) == before
    with PlanStore.open(office) as store:
        assert store.db.execute("SELECT count(*) FROM sync_update").fetchone()[0] == log


def test_export_for_a_peer_holds_only_what_it_lacks(tmp_path, three):
    office, commerce = three["office"], three[COMMERCE]
    everything = export(office, COMMERCE, tmp_path / "all.plansync").stat().st_size
    import_(office, export(commerce, "office", tmp_path / "c1.plansync"))  # office hears its state
    add_update(office, COMMERCE, date(2024, 8, 1), "督查室补记")
    small = export(office, COMMERCE, tmp_path / "small.plansync")
    assert small.stat().st_size < everything / 2
    assert import_(commerce, small).updates_added == 1
    assert as_json(commerce) == as_json(office)


def test_packets_of_another_plan_truncated_or_forged_are_refused(tmp_path, three):
    office, commerce = three["office"], three[COMMERCE]
    good = export(commerce, "office", tmp_path / "c.plansync").read_bytes()
    other_folder = tmp_path / "other"
    other_folder.mkdir()
    other = office_file(other_folder)  # a second plan (another id and key)
    with PlanStore.open(other) as store:
        store.update_plan(title="另一个区的计划")
    foreign = export(other, "all", tmp_path / "foreign.plansync")
    before = as_json(office)
    cases = {"another plan": foreign}
    for cut in (5, 40, len(good) // 2, len(good) - 1):
        cases[f"truncated|{cut}"] = tmp_path / f"cut{cut}.plansync"
        cases[f"truncated|{cut}"].write_bytes(good[:cut])
    forged = bytearray(good)
    forged[len(good) - 60] ^= 0x01  # inside the content
    cases["signature"] = tmp_path / "forged.plansync"
    cases["signature"].write_bytes(bytes(forged))
    for expected, path in cases.items():
        word = expected.split("|")[0]
        with pytest.raises(BadFileError, match=word) as raised:
            import_(office, path)
        assert str(path) in str(raised.value) and "\n" not in str(raised.value)
    assert as_json(office) == before
    assert "另一个区的计划" in str(pytest.raises(BadFileError, import_, office, foreign).value)


def test_changes_outside_a_units_rights_are_refused_listed_and_undone_everywhere(tmp_path):
    office = office_file(tmp_path)
    commerce = copy_for(office, COMMERCE, "commerce.sqlite")
    original_title = task_of_unit(PlanStore.open(office), CULTURE).title
    edit_task(commerce, COMMERCE, progress=50)  # its own task: allowed
    edit_task(commerce, CULTURE, title="改了别人的任务", progress=99)  # not its task
    edit_task(commerce, COMMERCE, leader="王五")  # its task, but not progress
    report = import_(office, export(commerce, "office", tmp_path / "c.plansync"))
    assert len(report.refused) == 3, report.refused
    assert all(line.startswith(COMMERCE) for line in report.refused)
    with PlanStore.open(office) as store:
        assert task_of_unit(store, COMMERCE).progress == 50
        assert task_of_unit(store, COMMERCE).leader == "李四"
        culture_task = task_of_unit(store, CULTURE)
        assert (culture_task.title, culture_task.progress) == (original_title, 10)
    # the office's next packet sets the unit's copy back too
    import_(commerce, export(office, COMMERCE, tmp_path / "o.plansync"))
    assert as_json(commerce) == as_json(office)


def test_an_unsynced_file_migrates_on_first_open_with_a_backup(tmp_path):
    import sqlite3

    from planner_gui.store.connection import migrate_to, open_database

    path = tmp_path / "old.sqlite"
    db, _ = open_database(path, create=True)
    db.close()
    path.unlink()
    conn = sqlite3.connect(path, isolation_level=None)
    import sqlite_utils

    migrate_to(sqlite_utils.Database(conn), 2)
    conn.close()
    _fill_v2(path)
    with PlanStore.open(path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        dirty = store.db.execute("SELECT count(*) FROM sync_dirty").fetchone()[0]
        assert dirty > 0  # every row waits to go into the Y document
        copies.init_copy(store, "office")
        assert store.db.execute("SELECT count(*) FROM sync_dirty").fetchone()[0] == 0
    assert (tmp_path / "old.sqlite.before-migration-v2.bak").exists()
    unit = copy_for(path, COMMERCE)
    add_update(unit, COMMERCE, date(2024, 9, 1), "迁移后的进展")
    import_(path, export(unit, "office", tmp_path / "u.plansync"))
    assert as_json(path) == as_json(unit)


def _fill_v2(path):
    """A version-2 file holding the full plan, written by the program of that version."""
    import sqlite3

    from planner_gui.store import rows

    conn = sqlite3.connect(path, isolation_level=None)
    plan = full_plan()
    conn.execute("INSERT INTO plan VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 [plan.id, plan.title, plan.year, None, None, "", "{}", "2024-01-01", "2024-01-01"])
    area = plan.areas[0]
    conn.execute("INSERT INTO area (id, plan_id, position, name) VALUES (?, ?, 0, ?)",
                 [area.id, plan.id, area.name])
    top = area.tasks[0]
    for position, (task, parent) in enumerate([(top, None), (top.subtasks[0], top.id)]):
        row = rows.task_row(task, area.id, parent, position)
        v2_columns = {c[1] for c in conn.execute("PRAGMA table_info(task)")}
        names = [n for n in row if n in v2_columns]  # fields added since version 2 have no column yet
        conn.execute(f"INSERT INTO task ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                     [row[n] for n in names])
    conn.close()


def test_the_command_line_exchanges_packets_and_refuses_bad_ones(tmp_path, capsys):
    office = office_file(tmp_path)
    unit = copy_for(office, COMMERCE)
    add_update(unit, COMMERCE, date(2024, 7, 1), "七月进展")
    packet = tmp_path / "u.plansync"
    assert main(["sync", "export", "--db", str(unit), "--for", "office", "--out", str(packet)]) == 0
    assert "bytes" in capsys.readouterr().out
    assert main(["sync", "import", "--db", str(office), str(packet), "--dry-run"]) == 0
    assert "would change 1 tasks, 1 updates added" in capsys.readouterr().out
    assert "七月进展" not in as_json(office)
    assert main(["sync", "import", "--db", str(office), str(packet)]) == 0
    assert "changed 1 tasks, 1 updates added" in capsys.readouterr().out
    assert "七月进展" in as_json(office)
    assert main(["sync", "import", "--db", str(office), str(packet)]) == 0
    assert "nothing new" in capsys.readouterr().out
    packet.write_bytes(packet.read_bytes()[:-10])
    assert main(["sync", "import", "--db", str(office), str(packet)]) == 1
    err = capsys.readouterr().err
    assert "truncated" in err and err.count("\n") == 1
    assert main(["sync", "init", "--db", str(office), "--as", "不存在的单位"]) == 1
    assert "lead unit" in capsys.readouterr().err


def test_a_fresh_copys_first_packet_holds_only_what_is_new_since_the_copy(tmp_path):
    office = office_file(tmp_path)
    unit = copy_for(office, COMMERCE)
    add_update(unit, COMMERCE, date(2024, 7, 1), "复制之后的进展")
    whole = export(unit, "all", tmp_path / "all.plansync").stat().st_size
    first = export(unit, "office", tmp_path / "first.plansync")
    assert first.stat().st_size < whole / 2
    assert import_(office, first).updates_added == 1
    assert as_json(office) == as_json(unit)


def test_several_packets_import_in_one_step_or_not_at_all(tmp_path, three):
    office = three["office"]
    good = [export(three[unit], "office", tmp_path / f"{n}.plansync")
            for n, unit in enumerate((COMMERCE, CULTURE))]
    cut = tmp_path / "cut.plansync"
    cut.write_bytes(good[1].read_bytes()[:-3])
    before = as_json(office)
    with PlanStore.open(office) as store, pytest.raises(BadFileError, match="truncated"):
        copies.import_packets(store, [good[0], cut])
    assert as_json(office) == before  # the good one was not applied either
    with PlanStore.open(office) as store:
        reports = copies.import_packets(store, good)
    assert [r.updates_added for r in reports] == [1, 1]
    assert reports[0].backup is not None and reports[1].backup is None  # one backup for the step
    assert "引进41家" in as_json(office) and "设计完成" in as_json(office)


def test_a_copy_that_never_syncs_keeps_each_changed_row_listed_once(tmp_path, monkeypatch):
    from planner_gui.store import backups

    office = office_file(tmp_path)
    with PlanStore.open(office) as store:
        task_id = task_of_unit(store, COMMERCE).id
        for n in range(30):
            store.edit("task", task_id, progress=float(n))
        listed = store.db.execute("SELECT count(*) FROM sync_dirty").fetchone()[0]
    assert listed >= 30  # an append per change: cheap for bulk writes
    monkeypatch.setattr(backups, "daily_backup", lambda conn, path: object())  # a new day
    with PlanStore.open(office, daily_backup=True) as store:  # the window's first open of the day
        rows = store.db.execute("SELECT tbl, id FROM sync_dirty").fetchall()
    assert len(rows) == len(set(rows)) and ("task", task_id) in rows
    culture = copy_for(office, CULTURE)
    report = import_(culture, export(office, "all", tmp_path / "a.plansync"))
    assert report.refused == [] and as_json(culture) == as_json(office)
    from planner_gui.sync.ydoc import PlanDoc

    with PlanStore.open(culture) as store:  # edits copied along unsynced are the office's
        assert PlanDoc.load(store.db).maps["task"][f"{task_id}|progress"][3] == "office"


def _v2_file(path):
    """A plan file as the previous version (schema 2, before sync) wrote it."""
    import sqlite3

    import sqlite_utils

    from planner_gui.store.connection import migrate_to

    conn = sqlite3.connect(path, isolation_level=None)
    migrate_to(sqlite_utils.Database(conn), 2)
    conn.close()
    _fill_v2(path)


def test_copies_of_an_old_file_migrated_on_their_own_pcs_exchange_packets(tmp_path):
    """The previous version's file copied to three PCs, each opened (migrated)
    there on its own: the copies sign packets alike and converge in every order."""
    old = tmp_path / "old.sqlite"
    _v2_file(old)
    three = {}
    for name in ("office", COMMERCE, CULTURE):
        folder = tmp_path / f"pc-{len(three)}"
        folder.mkdir()
        three[name] = shutil.copy(old, folder / "plan.sqlite")
        with PlanStore.open(three[name]) as store:  # migrated here, on this PC
            assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
            copies.init_copy(store, name)
    keys = set()
    for path in three.values():
        with PlanStore.open(path) as store:
            keys.add(copies._key(store))
    assert len(keys) == 1 and len(keys.pop()) == 32
    with PlanStore.open(three["office"]) as store:  # structure, and a field a unit edits too
        area = store.add_area(Area(name="新增方面"))
        store.add_task(Task(title="新增任务", lead_unit=CULTURE), area.id)
    edit_task(three["office"], COMMERCE, progress=40)
    add_update(three[COMMERCE], COMMERCE, date(2024, 7, 25), "引进41家", 45)
    edit_task(three[COMMERCE], COMMERCE, progress=45)
    add_update(three[CULTURE], CULTURE, date(2024, 7, 20), "设计完成", 60)
    packets = {name: export(path, "all", tmp_path / f"{name}.plansync") for name, path in three.items()}

    forged = tmp_path / "forged.plansync"
    data = bytearray(packets[COMMERCE].read_bytes())
    data[-40] ^= 1
    forged.write_bytes(bytes(data))
    with pytest.raises(BadFileError, match="signature"):
        import_(three["office"], forged)

    results = set()
    for number, order in enumerate(itertools.permutations(three)):
        folder = tmp_path / f"order-{number}"
        folder.mkdir()
        local = {}
        for name, path in three.items():
            local[name] = shutil.copy(path, folder / f"{path.parent.name}.sqlite")
            with PlanStore.open(local[name]) as store:
                copies.init_copy(store, name)
        for receiver in order:
            for sender in order:
                if sender != receiver:
                    report = import_(local[receiver], packets[sender])
                    assert not report.refused, (order, report.refused)
        states = {as_json(p) for p in local.values()}
        assert len(states) == 1, order
        results |= states
    assert len(results) == 1
    plan = json.loads(results.pop())
    assert "新增方面" in [a["name"] for a in plan["areas"]]
    tasks = [task for area in plan["areas"] for t in area["tasks"] for task in [t, *t["subtasks"]]]
    texts = sorted(u["text"] for task in tasks for u in task["updates"])
    assert texts.count("引进41家") == 1 and texts.count("设计完成") == 1
    assert next(t for t in tasks if t["lead_unit"] == COMMERCE)["progress"] in (40, 45)


def test_a_new_files_packet_key_is_random_and_an_old_files_is_its_plans(tmp_path):
    """A plan made by this version signs with a key of its own; two old files of
    different plans (or made at another moment) do not share one."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    fresh_a, fresh_b = office_file(tmp_path / "a"), office_file(tmp_path / "b")
    with PlanStore.open(fresh_a) as a, PlanStore.open(fresh_b) as b:
        assert copies._key(a) != copies._key(b)
    old, other = tmp_path / "old.sqlite", tmp_path / "other.sqlite"
    _v2_file(old)
    _v2_file(other)
    import sqlite3

    with sqlite3.connect(other) as conn:  # the same plan id, created at another moment
        conn.execute("UPDATE plan SET created = '2024-01-02'")
    conn.close()
    with PlanStore.open(old) as a, PlanStore.open(other) as b:
        assert copies._key(a) != copies._key(b)


def test_an_edit_outlives_the_baseline_of_a_copy_the_old_version_changed(tmp_path):
    """One copy of an old file was changed by the old version before its first
    open here, so the copies' tables as migrated differ: whatever Y's tie-break
    between the two baselines, an edit made since stands on both copies."""
    import sqlite3

    old = tmp_path / "old.sqlite"
    _v2_file(old)
    results = set()
    for attempt in range(6):  # Y's tie-break follows random client ids: both sides win some
        folder = tmp_path / f"try-{attempt}"
        folder.mkdir()
        office, unit = shutil.copy(old, folder / "office.sqlite"), shutil.copy(old, folder / "unit.sqlite")
        with sqlite3.connect(unit) as conn:  # the old version, on the unit's PC
            conn.execute("UPDATE task SET leader = '旧版改的' WHERE lead_unit = ?", [CULTURE])
        conn.close()
        for path, name in ((office, "office"), (unit, COMMERCE)):
            with PlanStore.open(path) as store:
                copies.init_copy(store, name)
        edit_task(office, COMMERCE, progress=40, leader="督查室改的")
        for _round in range(2):  # set-backs made on import travel with the next packets
            to_unit = export(office, COMMERCE, folder / "o.plansync")
            to_office = export(unit, "office", folder / "u.plansync")
            import_(unit, to_unit)
            import_(office, to_office)
        assert as_json(office) == as_json(unit)
        with PlanStore.open(office) as store:
            task = task_of_unit(store, COMMERCE)
            assert (task.progress, task.leader) == (40, "督查室改的")
            results.add(task_of_unit(store, CULTURE).leader)
    assert results <= {"旧版改的", full_plan().areas[0].tasks[0].subtasks[0].leader}


def test_replacing_the_whole_plan_lists_every_row_gone_and_come_and_keeps_the_triggers(tmp_path):
    """replace_plan (init, import-json, a ledger into an empty plan) marks rows set-based with
    the triggers off; what goes and what comes must still reach the next packet, and a
    failure half-way must leave the triggers as they were."""
    from planner_gui.services.plan_files import init_file

    store = init_file(tmp_path / "plan.sqlite")
    try:
        plan = store.load_plan()
        gone = plan.areas[0].tasks[0].id
        plan.areas[0].tasks.pop(0)
        kept_task = plan.areas[0].tasks[0].id
        store.db.execute("DELETE FROM sync_dirty")
        store.replace_plan(plan)
        listed = {(tbl, item) for tbl, item in store.db.execute("SELECT tbl, id FROM sync_dirty")}
        assert ("task", gone) in listed
        assert ("task", kept_task) in listed
        assert ("plan", plan.id) in listed
        triggers = store.db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                    "AND name LIKE 'sync_%'").fetchone()[0]
        assert triggers == 18
        # after the bulk replace, a single edit is listed by its trigger again
        store.db.execute("DELETE FROM sync_dirty")
        store.edit("task", kept_task, title="改过的标题")
        assert set(store.db.execute("SELECT tbl, id FROM sync_dirty").fetchall()) == {
            ("task", kept_task), ("plan", plan.id)}  # an edit also stamps the plan's modified time
        # a failing replace rolls the dropped triggers back with everything else
        broken = store.load_plan()
        broken.areas[1].tasks[0].id = kept_task  # two tasks, one id
        with pytest.raises(Exception):  # noqa: B017 - whichever error the store gives
            store.replace_plan(broken)
        assert store.db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                "AND name LIKE 'sync_%'").fetchone()[0] == 18
        assert store.load_plan().areas[0].tasks[0].title == "改过的标题"
    finally:
        store.close()


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs named pipes (POSIX)")
def test_a_pipe_or_device_as_a_packet_is_refused_without_reading_it(tmp_path):
    import os

    from planner_gui.sync import packet

    fifo = tmp_path / "from-usb.plansync"
    os.mkfifo(fifo)  # opening it would wait for a writer for ever
    with pytest.raises(BadFileError, match="not a regular file"):
        packet.read(fifo)
    zero = tmp_path / "zero.plansync"
    zero.symlink_to("/dev/zero")  # reading it would never end
    with pytest.raises(BadFileError, match="not a regular file"):
        packet.read(zero)
