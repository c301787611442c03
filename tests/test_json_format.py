"""The planner-gui/1 JSON format: nothing lost on a round trip, and a wrong
file is refused with the place of the problem."""

from __future__ import annotations

import json

import pytest

from planner_gui.domain.errors import FormatError
from planner_gui.exchange import json_format

from factories import full_plan


def test_round_trip_keeps_every_field():
    plan = full_plan()
    text = json_format.dumps(plan)
    again = json_format.loads(text)
    assert json_format.plan_to_dict(again) == json_format.plan_to_dict(plan)
    data = json.loads(text)
    assert data["format"] == "planner-gui/1"
    task = data["areas"][0]["tasks"][0]
    for key in ("id", "title", "description", "leader", "lead_unit", "co_units", "start", "due",
                "municipal", "source_text", "progress", "done_on", "indicators", "milestones",
                "updates", "subtasks"):
        assert key in task
    assert task["indicators"][0] == {
        "id": plan.areas[0].tasks[0].indicators[0].id, "name": "新引进企业", "unit": "家",
        "comparator": ">=", "baseline": 0.0, "target": 50.0, "current": 12.0, "due": "2024-10-31",
    }
    assert task["updates"][0]["readings"] == {"新引进企业": 12.0}
    assert task["subtasks"][0]["title"].startswith("子任务")


def test_the_bundled_plan_reads_and_states_the_seed_figures():
    from planner_gui.services.plan_files import bundled_plan

    plan = bundled_plan()
    assert plan.title == "丰台区2024年度重点工作任务"
    assert (plan.year, plan.declared_areas, plan.declared_tasks) == (2024, 10, 42)
    indicators = {(i.name, i.comparator, i.target, i.unit) for t in plan.walk_tasks() for i in t.indicators}
    assert ("新引进企业", ">=", 50, "家") in indicators
    assert any(name.startswith("投资") and (c, v, u) == (">=", 200, "亿元") for name, c, v, u in indicators)
    dues = {t.due.isoformat() for t in plan.walk_tasks() if t.due}
    assert {"2024-04-30", "2025-08-31", "2024-12-31"} <= dues


def _minimal(**task):
    return {
        "format": "planner-gui/1",
        "plan": {"title": "T", "year": 2024},
        "areas": [{"name": "A", "tasks": [{"title": "t", **task}]}],
    }


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"format": "other/9"}, "format"),
        ({"format": "planner-gui/1", "plan": {"title": "T"}}, "plan.year"),
        ({"format": "planner-gui/1", "plan": {"title": "", "year": 2024}}, "plan.title"),
        (_minimal(due="31/12/2024"), "areas[0].tasks[0].due"),
        (_minimal(progress=140), "areas[0].tasks[0].progress"),
        (_minimal(indicators=[{"name": "x", "comparator": "≥"}]), "areas[0].tasks[0].indicators[0].comparator"),
        (_minimal(indicators=[{"name": "x", "target": "many"}]), "areas[0].tasks[0].indicators[0].target"),
        (_minimal(updates=[{"progress": 3}]), "areas[0].tasks[0].updates[0].date"),
        # a reading's name is the user's: quoted as JSON writes it, a line break stays on one line
        (_minimal(updates=[{"date": "2024-05-01", "readings": {"公办\n率": "many"}}]),
         'areas[0].tasks[0].updates[0].readings["公办\\n率"]'),
        (_minimal(subtasks="none"), "areas[0].tasks[0].subtasks"),
        (_minimal(start="2024-05-01", due="2024-04-01"), "areas[0].tasks[0].due"),
        ([1, 2], "top level"),
    ],
)
def test_errors_name_the_place(data, where):
    with pytest.raises(FormatError) as info:
        json_format.plan_from_dict(data)
    assert info.value.where == where


def test_duplicate_ids_are_refused():
    data = _minimal(id="same", subtasks=[{"title": "s", "id": "same"}])
    with pytest.raises(FormatError, match="used twice"):
        json_format.plan_from_dict(data)


def test_a_file_that_is_not_json_names_the_file(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(FormatError, match=r"broken\.json.*not valid JSON \(line 1"):
        json_format.read_file(path)
