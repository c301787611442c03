"""Fuzzing the JSON importer: whatever the file holds, the result is a plan or
a PlannerError (FormatError) naming the place, never another exception; and a
plan that reads cleanly can be stored."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner_gui.domain.errors import FormatError, PlannerError
from planner_gui.domain.model import Plan
from planner_gui.exchange import json_format
from planner_gui.store import PlanStore

from factories import full_plan

# Fuzzing: thousands of generated inputs, most of a minute; the default run
# leaves it out, `-m slow` (and .ci/run) runs it.
pytestmark = pytest.mark.slow

VALID = json_format.plan_to_dict(full_plan())

scalars = (st.none() | st.booleans() | st.integers(-(2**70), 2**70)
           | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=20)
           | st.sampled_from(["2024-06-30", "2024-02-30", "6月底前", "", "-1", "1e309", "NaN",
                              ">=", "<=", "planner-gui/1", "../../etc/passwd", "\ud800",
                              "a\udfffb", "=cmd|' /C calc'!A0", "<b>粗体</b>"]))
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in a JSON value (key paths), so a mutation can pick one."""
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


ALL_PATHS = _paths(VALID)


@st.composite
def mutated_plans(draw) -> Any:
    """The valid plan with a few places replaced, removed or duplicated."""
    data = copy.deepcopy(VALID)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(ALL_PATHS))
        if not path:
            return draw(json_values)
        parent = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            action = draw(st.sampled_from(["replace", "delete", "duplicate"]))
            if action == "replace":
                parent[path[-1]] = draw(json_values)
            elif action == "delete":
                del parent[path[-1]]
            elif isinstance(parent, list):
                parent.append(copy.deepcopy(parent[path[-1]]))
            else:
                parent[path[-1]] = [parent[path[-1]], parent[path[-1]]]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this place
    return data


def read_or_refuse(text: str) -> Plan | None:
    try:
        return json_format.loads(text, "fuzz.json")
    except PlannerError as exc:
        assert str(exc).strip() and "\n" not in str(exc)
        return None


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_plans())
def test_a_mutated_plan_reads_cleanly_or_is_refused_with_a_format_error(data):
    text = json.dumps(data, ensure_ascii=False)
    plan = read_or_refuse(text)
    if plan is not None:
        assert isinstance(plan, Plan)
        json_format.dumps(plan)  # what was read can be written back


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=200) | st.binary(max_size=200).map(lambda b: b.decode("latin-1")))
def test_arbitrary_text_is_refused_cleanly(text):
    plan = read_or_refuse(text)
    # only a text that names the format can ever be a plan
    assert plan is None or '"planner-gui/1"' in text


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_arbitrary_json_values_are_refused_cleanly(value):
    text = json.dumps(value)
    plan = read_or_refuse(text)
    assert plan is None or '"planner-gui/1"' in text


@pytest.mark.parametrize("text", [
    "[" * 100_000 + "]" * 100_000,
    '{"a":' * 50_000 + "1" + "}" * 50_000,
], ids=["lists", "objects"])
def test_deeply_nested_json_is_a_format_error(text):
    with pytest.raises(FormatError, match="fuzz.json"):
        json_format.loads(text, "fuzz.json")


@pytest.mark.parametrize("depth", [21, 450, 3000])
def test_deeply_nested_subtasks_are_a_format_error(depth):
    tasks = '{"title": "层", "subtasks": [' * depth + '{"title": "底层"}' + "]}" * depth
    text = ('{"format": "planner-gui/1", "plan": {"title": "深", "year": 2024}, '
            '"areas": [{"name": "方面", "tasks": [' + tasks + "]}]}")
    with pytest.raises(FormatError, match="fuzz.json.*nested"):
        json_format.loads(text, "fuzz.json")


def test_twenty_levels_of_subtasks_are_still_a_plan():
    tasks = '{"title": "层", "subtasks": [' * 20 + '{"title": "底层"}' + "]}" * 20
    text = ('{"format": "planner-gui/1", "plan": {"title": "深", "year": 2024}, '
            '"areas": [{"name": "方面", "tasks": [' + tasks + "]}]}")
    plan = json_format.loads(text, "fuzz.json")
    assert len(list(plan.walk_tasks())) == 21


@pytest.fixture(scope="module")
def scratch_store(tmp_path_factory):
    from planner_gui.services.plan_files import init_file

    store = init_file(tmp_path_factory.mktemp("fuzz") / "fuzz.sqlite", empty=True, year=2024)
    store.db.execute("PRAGMA synchronous = OFF")  # speed only; durability is tested elsewhere
    yield store
    store.close()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutated_plans())
def test_a_plan_that_reads_cleanly_can_be_stored_and_read_back(scratch_store, data):
    plan = read_or_refuse(json.dumps(data, ensure_ascii=False))
    if plan is None:
        return
    try:
        scratch_store.replace_plan(plan)
    except PlannerError:
        return  # refused whole (e.g. a rule the store checks); nothing half-stored
    finally:
        assert scratch_store.db.execute("PRAGMA foreign_key_check").fetchall() == []
    again = scratch_store.load_plan()
    assert [a.name for a in again.areas] == [a.name for a in plan.areas]


def test_ids_that_look_like_paths_are_only_data(tmp_path, monkeypatch):
    """Nothing from an imported file decides where the program writes."""
    data = copy.deepcopy(VALID)
    data["plan"]["id"] = "../../etc/passwd"
    data["areas"][0]["id"] = "/tmp/evil"
    data["areas"][0]["tasks"][0]["id"] = "..\\..\\windows\\system32"
    data["plan"]["title"] = "../../outside"
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    plan = json_format.loads(json.dumps(data), "evil.json")
    with PlanStore.create(tmp_path / "plan.sqlite", plan) as store:
        assert store.plan_info().id == "../../etc/passwd"
        assert store.load_plan().areas[0].id == "/tmp/evil"
        from planner_gui.store.backups import backup_before, backup_folder

        backup = backup_before(store, "before-import")
    assert backup.path.parent == backup_folder(tmp_path / "plan.sqlite")
    after = sorted(p.name for p in tmp_path.iterdir())
    assert set(after) - set(before) <= {"plan.sqlite", "plan.sqlite-wal", "plan.sqlite-shm"}


def test_lone_surrogate_escapes_are_a_format_error_not_a_crash_when_stored():
    text = ('{"format": "planner-gui/1", "plan": {"title": "a\\ud800b", "year": 2024}, '
            '"areas": [{"name": "x"}]}')
    with pytest.raises(FormatError, match="bad.json: contains text that is not valid Unicode"):
        json_format.loads(text, "bad.json")
