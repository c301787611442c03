"""Sync under random work (issue 25): random edits on three copies and random
orders of exchange always converge; damaged packets are always refused."""

from __future__ import annotations

import random
import shutil
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner_gui.domain.errors import BadFileError, PlannerError
from planner_gui.domain.model import Area, ProgressUpdate, Task
from planner_gui.store import PlanStore
from planner_gui.sync import copies
from sync_helpers import COMMERCE, CULTURE, as_json, copy_for, export, import_, office_file


def _office_step(store: PlanStore, rng: random.Random) -> None:
    plan = store.load_plan()
    tasks = list(plan.walk_tasks())
    choice = rng.randrange(6)
    if choice == 0:
        area = store.add_area(Area(name=f"方面{rng.randrange(1000)}"), rng.randrange(3))
        store.add_task(Task(title="新任务", lead_unit=rng.choice([COMMERCE, CULTURE])), area.id)
    elif choice == 1 and plan.areas:
        area = rng.choice(plan.areas)
        store.add_task(Task(title=f"任务{rng.randrange(1000)}", lead_unit=rng.choice([COMMERCE, CULTURE])),
                       area.id, position=rng.randrange(3))
    elif choice == 2 and len(tasks) > 2:
        store.delete_task(rng.choice(tasks[2:]).id)  # not the two the units work on
    elif choice == 3 and len(plan.areas) > 1:
        store.move_area(rng.choice(plan.areas).id, rng.randrange(len(plan.areas)))
    elif choice == 4 and tasks:
        store.edit("task", rng.choice(tasks).id, progress=float(rng.randrange(101)))
    else:
        store.edit("task", rng.choice(tasks).id, title=f"改名{rng.randrange(1000)}")


def _unit_step(store: PlanStore, unit: str, rng: random.Random) -> None:
    own = [t for t in store.load_plan().walk_tasks() if t.lead_unit == unit]
    if not own:
        return
    task = rng.choice(own)
    if rng.random() < 0.6:
        store.add_update(task.id, ProgressUpdate(date=date(2024, 1 + rng.randrange(12), 1),
                                                 progress=float(rng.randrange(101)),
                                                 text=f"{unit}进展{rng.randrange(10**6)}"))
    else:
        store.edit("task", task.id, progress=float(rng.randrange(101)))


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    folder = tmp_path_factory.mktemp("base")
    office = office_file(folder)
    return {"office": office, COMMERCE: copy_for(office, COMMERCE, "c.sqlite"),
            CULTURE: copy_for(office, CULTURE, "k.sqlite")}


@pytest.mark.slow  # about 2 s per example
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**9))
def test_random_work_and_random_exchanges_converge(base, tmp_path_factory, seed):
    rng = random.Random(seed)
    folder = tmp_path_factory.mktemp("run")
    files = {}
    for name, path in base.items():
        files[name] = shutil.copy(path, folder / path.name)
        with PlanStore.open(files[name]) as store:
            copies.init_copy(store, name)
    names = list(files)
    for round_ in range(3):
        for _ in range(rng.randrange(1, 4)):
            with PlanStore.open(files["office"]) as store:
                _office_step(store, rng)
            for unit in (COMMERCE, CULTURE):
                with PlanStore.open(files[unit]) as store:
                    _unit_step(store, unit, rng)
        for _ in range(rng.randrange(0, 4)):  # some packets, in a random order
            sender, receiver = rng.sample(names, 2)
            peer = rng.choice([receiver, "all"])
            import_(files[receiver], export(files[sender], peer, folder / f"{round_}-{sender}.plansync"))
    for _ in range(2):  # then everyone hears from everyone
        for sender in names:
            packet = export(files[sender], "all", folder / f"final-{sender}.plansync")
            for receiver in names:
                if receiver != sender:
                    import_(files[receiver], packet)
    exports = {name: as_json(path) for name, path in files.items()}
    assert len(set(exports.values())) == 1, seed


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_damaged_packet_is_refused_and_changes_nothing(base, tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("bad")
    office = shutil.copy(base["office"], folder / "office.sqlite")
    with PlanStore.open(office) as store:
        copies.init_copy(store, "office")
    packet = folder / "p.plansync"
    if not (base["office"].parent / "good.plansync").exists():
        with PlanStore.open(base[COMMERCE]) as store:
            store.add_update(next(t for t in store.load_plan().walk_tasks() if t.lead_unit == COMMERCE).id,
                             ProgressUpdate(date=date(2024, 5, 1), text="原始进展"))
        export(base[COMMERCE], "all", base["office"].parent / "good.plansync")
    good = (base["office"].parent / "good.plansync").read_bytes()
    kind = data.draw(st.sampled_from(["cut", "flip", "insert"]))
    at = data.draw(st.integers(0, len(good) - 1))
    if kind == "cut":
        bad = good[:at]
    elif kind == "flip":
        bad = good[:at] + bytes([good[at] ^ data.draw(st.integers(1, 255))]) + good[at + 1:]
    else:
        bad = good[:at] + data.draw(st.binary(min_size=1, max_size=8)) + good[at:]
    packet.write_bytes(bad)
    before = as_json(office)
    with pytest.raises(PlannerError) as raised:
        import_(office, packet)
    assert isinstance(raised.value, (BadFileError, copies.SyncError))
    assert "\n" not in str(raised.value)
    assert as_json(office) == before
