"""Text intake never fails on odd text: whatever is pasted, the proposal is a valid plan."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner_gui.exchange import json_format
from planner_gui.exchange.intake.apply import new_plan_from
from planner_gui.exchange.intake.parse import propose_plan

PIECES = [
    "在“", "”方面，", "一、", "（二）", "3．", "牵头单位：", "完成时限：", "年底前", "6月底", "不少于", "50家",
    "以上", "控制在", "5.5%", "以内", "；", "。", "，", "\n", "\t", " ", "、", "就“", "”任务事项来说，",
    "二季度末", "2025年8月", "新增", "二千四百个", "【", "】", "▲", "摄", "文/记者 王某", "（上接01版）",
    "序号\t重点任务\t牵头单位\t完成时限\n", "1\t", "建成", "80处", "推进", "项目", "“", "（", "）", "\ufeff",
]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=60), st.none() | st.integers(2000, 2100))
def test_any_text_gives_a_plan_that_the_json_format_accepts(pieces, year):
    proposal = propose_plan("".join(pieces), year=year)
    plan = new_plan_from(proposal.plan)
    again = json_format.plan_from_dict(json.loads(json_format.dumps(plan)))
    assert [a.name for a in again.areas] == [a.name for a in plan.areas]
    for task in plan.walk_tasks():
        assert task.title.strip()
        assert proposal.notes(task.id)
