"""Fuzzing the text intake (a plan document's text -> a proposed plan): any
text gives a proposal or a PlannerError, never another exception, and a
proposal can be added to a plan file."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner_gui.domain.errors import PlannerError

parse = pytest.importorskip("planner_gui.exchange.intake.parse")
apply = pytest.importorskip("planner_gui.exchange.intake.apply")
import_text = pytest.importorskip("planner_gui.services.import_text")

# Fuzzing: thousands of generated inputs, most of a minute; the default run
# leaves it out, `-m slow` (and .ci/run) runs it.
pytestmark = pytest.mark.slow

FRAGMENTS = [
    "一、", "二、", "十一、", "（一）", "(二)", "1.", "2．", "第一部分", "在“加强生态环境建设”方面，",
    "就“国家自然博物馆”任务事项来说，", "主要目标：", "2024年", "丰台区2024年度重点工作任务",
    "10个方面42项", "将于今年6月实现开工建设", "6月底前", "年底前", "第三季度", "上半年", "年内",
    "新引进企业不少于50家", "20家以上", "超过1200家", "达600家", "提升至50%", "完成55个",
    "投资200亿元以上", "责任领导：张三", "牵头单位：区发改委", "配合单位：区财政局、区住建委",
    "。", "，", "；", "\n", "\n\n", " ", "　", "记者", "强调", "已经完成了", "要", "将", "确保",
    "<b>x</b>", "=SUM(A1)", "../../etc", "\u200b", "\ufeff", "零", "〇", "百分之五十",
]
documents = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=60).map("".join)


@settings(max_examples=500, deadline=None)
@given(documents, st.one_of(st.none(), st.integers(1990, 2100)))
def test_any_text_gives_a_proposal_or_a_clear_error(text, year):
    try:
        proposal = parse.propose_plan(text, year)
    except PlannerError as exc:
        assert str(exc).strip()
        return
    plan = proposal.plan
    for task in plan.walk_tasks():
        assert task.title.strip()
        assert not (task.start and task.due and task.due < task.start)
        proposal.confidence(task.id)


@pytest.fixture(scope="module")
def scratch_store(tmp_path_factory):
    from planner_gui.services.plan_files import init_file

    store = init_file(tmp_path_factory.mktemp("intake") / "plan.sqlite")
    store.db.execute("PRAGMA synchronous = OFF")  # speed only; durability is tested elsewhere
    yield store
    store.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents)
def test_a_proposal_can_be_added_to_a_plan_and_taken_out_again(scratch_store, text):
    try:
        proposal = parse.propose_plan(text, 2024)
    except PlannerError:
        return
    before = scratch_store.counts()
    try:
        result = import_text.add_proposal(scratch_store, proposal.plan)
    except PlannerError:
        assert scratch_store.counts() == before  # refused whole
        return
    import_text.remove_added(scratch_store, result)
    assert scratch_store.counts() == before


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300) | documents.map(lambda t: t.encode("gb18030", errors="ignore")))
def test_any_bytes_are_text_or_a_bad_file_error(raw):
    try:
        text = apply.decode_text(raw, "document.txt")
    except PlannerError as exc:
        assert "document.txt" in str(exc)
        return
    assert isinstance(text, str)
