"""`planner-cli demo`: the synthetic plan used for benchmarks and for trying the
program on a big file. It must have the requested size, the shapes real plans
have (nesting, indicators, milestones, a year of updates), be the same for the
same seed, and be a plan the rest of the program accepts."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from planner_gui.cli.main import main
from planner_gui.demo import area_count, write_demo
from planner_gui.domain.errors import BadFileError, ValidationError
from planner_gui.domain.model import Plan, Task
from planner_gui.domain.summary import summary_dict
from planner_gui.exchange import json_format
from planner_gui.store import PlanStore

TASKS, UPDATES = 400, 3000


@pytest.fixture(scope="module")
def demo_plan(tmp_path_factory) -> Plan:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    write_demo(path, TASKS, UPDATES, seed=7)
    with PlanStore.open(path) as store:
        return store.load_plan()


def _depth(task: Task) -> int:
    return 1 + max((_depth(s) for s in task.subtasks), default=0)


def test_counts_match_what_was_asked(tmp_path):
    path = tmp_path / "d.sqlite"
    written = write_demo(path, 150, 1234, seed=1)
    with PlanStore.open(path) as store:
        counts = store.counts()
    assert counts["task"] == written["task"] == 150
    assert counts["progress_update"] == written["progress_update"] == 1234
    assert counts["area"] == area_count(150) == 3


def test_tasks_are_nested_and_carry_indicators_milestones_and_updates(demo_plan):
    tasks = list(demo_plan.walk_tasks())
    assert len(tasks) == TASKS
    assert len(demo_plan.areas) == area_count(TASKS) == 5
    depths = [_depth(t) for a in demo_plan.areas for t in a.tasks]
    assert max(depths) == 3  # tasks, sub-tasks and sub-sub-tasks
    assert sum(1 for d in depths if d > 1) > 10
    assert sum(1 for t in tasks if t.indicators) > TASKS // 5
    assert sum(1 for t in tasks if t.milestones) > TASKS // 10
    # updates go to the tasks without sub-tasks, where the work is reported
    assert sum(len(t.updates) for t in tasks) == UPDATES
    assert all(not t.updates for t in tasks if t.subtasks)


def test_content_is_chinese_and_dated_within_the_year(demo_plan):
    tasks = list(demo_plan.walk_tasks())
    for task in tasks:
        assert task.title and task.leader and task.lead_unit and task.deadline_text
        assert any("\u4e00" <= ch <= "\u9fff" for ch in task.title)
        assert task.lead_unit not in task.co_units
        dates = [u.date for u in task.updates]
        assert dates == sorted(dates)
        assert all(date(demo_plan.year, 1, 1) <= d <= date(demo_plan.year, 12, 31) for d in dates)
        figures = [u.progress for u in task.updates]
        assert figures == sorted(figures), "progress never falls back"
        names = {ind.name for ind in task.indicators}
        assert all(set(u.readings) <= names for u in task.updates)
    months = {u.date.month for t in tasks for u in t.updates}
    assert months == set(range(1, 13)), "updates are spread over the whole year"


def test_plan_has_every_light_as_of_the_third_quarter(demo_plan):
    data = summary_dict(demo_plan, date(demo_plan.year, 9, 30))
    lit = {light for light, count in data["status"].items() if count}
    assert {"red", "yellow", "green", "done"} <= lit


def test_same_seed_same_file_other_seed_other_file(tmp_path, demo_plan):
    write_demo(tmp_path / "a.sqlite", TASKS, UPDATES, seed=7)
    write_demo(tmp_path / "b.sqlite", TASKS, UPDATES, seed=8)
    with PlanStore.open(tmp_path / "a.sqlite") as a, PlanStore.open(tmp_path / "b.sqlite") as b:
        again, other = a.load_plan(), b.load_plan()
    assert json_format.dumps(again) == json_format.dumps(demo_plan)
    assert json_format.dumps(other) != json_format.dumps(demo_plan)


def test_demo_plan_is_valid_through_a_json_round_trip(tmp_path, demo_plan):
    text = json_format.dumps(demo_plan)
    back = json_format.loads(text, "demo.json")
    assert back == demo_plan
    # and the store accepts it through its validating path
    with PlanStore.create(tmp_path / "copy.sqlite", back) as store:
        assert json_format.dumps(store.load_plan()) == text


def test_refuses_an_existing_file_and_leaves_it_alone(tmp_path):
    path = tmp_path / "d.sqlite"
    path.write_bytes(b"keep me")
    with pytest.raises(BadFileError, match="already exists"):
        write_demo(path, 10, 10)
    assert path.read_bytes() == b"keep me"


def test_refuses_sizes_out_of_range(tmp_path):
    with pytest.raises(ValidationError, match="--tasks"):
        write_demo(tmp_path / "d.sqlite", 0, 10)
    with pytest.raises(ValidationError, match="--updates"):
        write_demo(tmp_path / "d.sqlite", 10, -1)
    assert not (tmp_path / "d.sqlite").exists()


def test_cli_writes_the_file_and_says_what_is_in_it(tmp_path, capsys):
    path = tmp_path / "d.sqlite"
    assert main(["demo", "--db", str(path), "--tasks", "60", "--updates", "500", "--seed", "2"]) == 0
    out = capsys.readouterr().out
    assert "60 tasks" in out and "500 updates" in out
    with PlanStore.open(path) as store:
        assert store.counts()["task"] == 60


def _planner(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "planner_gui.cli.main", *args],
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["--tasks", "0"], 1, "--tasks"),
        (["--tasks", "ten"], 2, "not a whole number"),
        (["--updates", "-5"], 2, "must not be negative"),
    ],
)
def test_cli_errors_are_one_line(tmp_path, args, code, words):
    result = _planner("demo", "--db", str(tmp_path / "d.sqlite"), *args)
    assert result.returncode == code
    assert words in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "d.sqlite").exists()


def test_cli_error_for_an_existing_file_or_a_missing_folder(tmp_path):
    existing = tmp_path / "plan.sqlite"
    assert main(["init", "--db", str(existing)]) == 0
    before = existing.read_bytes()
    result = _planner("demo", "--db", str(existing), "--tasks", "5", "--updates", "5")
    assert result.returncode == 1 and "already exists" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert existing.read_bytes() == before
    missing = Path(tmp_path / "no-such-folder" / "d.sqlite")
    result = _planner("demo", "--db", str(missing), "--tasks", "5", "--updates", "5")
    assert result.returncode == 1 and "folder" in result.stderr
    assert "Traceback" not in result.stderr
