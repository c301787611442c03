"""A refused value speaks the window's language: the domain's ValidationError keeps its
English reason (the command line and the log read it) plus the template and values the
window translates under "Validation" and fills, naming the field as its editor does."""

from __future__ import annotations

import ast
import re
import string
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from planner_gui.domain.errors import ValidationError
from planner_gui.domain.fields import TASK_FIELD
from planner_gui.domain.model import PlanSettings
from planner_gui.domain.validation import check_count, check_dates, check_progress, parse_iso_date
from planner_gui.ui.commands import EditFieldsCommand
from planner_gui.ui.document import PlanDocument
from planner_gui.ui.editor.detail_panel import DetailPanel

REPO = Path(__file__).resolve().parents[1]
TS = REPO / "resources" / "translations" / "planner_gui_zh_CN.ts"
DOMAIN = REPO / "src" / "planner_gui" / "domain"
PRESCHOOL = "学前教育公办率提升至50%"
LETTERS = re.compile(r"[A-Za-z]")


@pytest.fixture
def chinese(qapp):
    from planner_gui.ui import i18n

    assert i18n.install_translator(qapp, choice="zh_CN") == "zh_CN"
    yield
    i18n.install_translator(qapp, choice="en")


@pytest.fixture
def document(qapp, bundled_store):
    doc = PlanDocument(bundled_store, date(2024, 7, 1))
    yield doc
    doc.deleteLater()


def _task_id(document: PlanDocument) -> str:
    return next(t.id for t in document.plan.walk_tasks() if t.title == PRESCHOOL)


def _area_id(document: PlanDocument) -> str:
    return document.plan.areas[0].id


def _refuse(document: PlanDocument, table: str, item_id: str, fields: dict[str, object]) -> str:
    refusal = document.push(lambda: EditFieldsCommand(document.store, document.report, table, item_id, fields, "edit"))
    assert refusal is not None
    return refusal.message


def _validation_messages() -> dict[str, str | None]:
    """The .ts's context Validation: source -> translation (None while unfinished)."""
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") == "Validation":
            return {m.findtext("source"): (None if m.find("translation").get("type") == "unfinished"
                                           else m.findtext("translation")) for m in context.iter("message")}
    return {}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_english_reason_is_the_template_filled_and_a_plain_reason_is_kept_as_given():
    error = ValidationError("progress", "{value} is not a number", value="'abc'")
    assert error.reason == "'abc' is not a number" and str(error) == "progress: 'abc' is not a number"
    assert error.template == "{value} is not a number" and error.values == {"value": "'abc'"}
    plain = ValidationError("plan", "C:/{odd}/plan.sqlite holds no plan")  # a path may hold braces
    assert plain.reason == plain.template == "C:/{odd}/plan.sqlite holds no plan" and plain.values == {}
    with pytest.raises(ValidationError) as raised:
        check_progress("abc")
    assert str(raised.value) == "progress: 'abc' is not a number"


def test_a_refused_value_pushed_in_chinese_names_the_field_and_says_why_in_chinese(chinese, document):
    message = _refuse(document, "task", _task_id(document), {"progress": "abc"})
    assert message.startswith("直接填写进度：") and "'abc'" in message and "不是数字" in message
    assert not LETTERS.search(message.replace("'abc'", "")), message
    weight = _refuse(document, "area", _area_id(document), {"weight": -1})
    assert weight.startswith("权重：") and not LETTERS.search(weight), weight


def test_a_refused_value_pushed_in_english_reads_as_before(document):
    assert _refuse(document, "task", _task_id(document), {"progress": "abc"}) == "progress: 'abc' is not a number"
    assert _refuse(document, "area", _area_id(document), {"weight": -1}) == "weight: must be a number of 0 or more"


def test_the_editor_says_a_refused_progress_in_chinese(chinese, qtbot, bundled_store):
    from test_ui_editor import commit_text

    panel = DetailPanel(PlanDocument(bundled_store, date(2024, 7, 1)))
    qtbot.addWidget(panel)
    panel.show()
    tid = next(t.id for t in bundled_store.load_plan().walk_tasks() if t.title == PRESCHOOL)
    panel.show_task(tid)
    page = panel.task_page
    commit_text(qtbot, page.widgets["progress"], "150")
    text = page.message.text()
    assert "直接填写进度" in text and "150" in text, text
    assert not LETTERS.search(text), text


def test_every_validation_template_of_the_domain_is_translated_with_its_placeholders():
    marked = set()
    for path in DOMAIN.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"
                    and isinstance(node.args[0], ast.Constant) and node.args[0].value == "Validation"):
                marked.add(node.args[1].value)
    messages = _validation_messages()
    assert len(marked) >= 20 and marked <= set(messages), marked - set(messages)
    assert [source for source, zh in messages.items() if zh is None] == []
    for source, zh in messages.items():
        assert _placeholders(zh) == _placeholders(source), (source, zh)
        assert not LETTERS.search(re.sub(r"\{\w*\}", "", zh)), zh


@pytest.mark.parametrize("refuse", [
    lambda: check_progress(150),
    lambda: check_count(10**6, "declared_tasks"),
    lambda: parse_iso_date("2024-13-01", "due"),
    lambda: check_dates(date(2024, 5, 1), date(2024, 4, 1)),
    lambda: TASK_FIELD["title"].to_row(""),
    lambda: TASK_FIELD["weight"].to_row(-1),
    lambda: PlanSettings(due_soon_days=400),
])
def test_the_domain_raises_templates_the_catalogue_holds(refuse):
    with pytest.raises(ValidationError) as raised:
        refuse()
    assert raised.value.template in _validation_messages()
    assert raised.value.reason == raised.value.template.format(**raised.value.values)


def test_a_refused_plan_field_is_named_as_the_plan_page_names_it(document, chinese):
    from planner_gui.ui.commands import EditPlanCommand

    refusal = document.push(lambda: EditPlanCommand(document.store, document.report, "edit", fields={"title": ""}))
    assert refusal is not None
    assert refusal.message.startswith("标题：")  # the plan's 标题, not a task's 名称
    assert document.store.plan_info().title == "丰台区2024年度重点工作任务"
