"""How ledger cells are read: progress as people write it, headings by synonym, section labels."""

from __future__ import annotations

from datetime import date

import pytest

from planner_gui.exchange.ledger_read import heading_key
from planner_gui.exchange.ledger_values import (
    as_of_from_text,
    clean_area_name,
    is_section_label,
    parse_progress,
)
from planner_gui.exchange.safe_cells import csv_safe, is_risky


@pytest.mark.parametrize("written, figure", [
    ("48%", 48.0), ("48％", 48.0), (0.48, 48.0), ("0.48", 48.0), (48, 48.0), ("48", 48.0),
    ("已完成", 100.0), ("完成", 100.0), ("已办结", 100.0), ("未启动", 0.0), (100, 100.0),
    ("约60%", 60.0), ("６０%", 60.0), (None, None), ("  ", None), (0, 0.0), (1, 1.0), ("33.333%", 33.33),
])
def test_progress_as_people_write_it(written, figure):
    assert parse_progress(written) == figure


@pytest.mark.parametrize("written", ["很快", "过半", "120%", -5, "=A1*2", True])
def test_what_is_not_a_progress_figure_is_named(written):
    with pytest.raises(ValueError, match="progress figure|outside 0 to 100"):
        parse_progress(written)


@pytest.mark.parametrize("heading, key", [
    ("任务", "title"), ("任务内容", "title"), ("工作任务", "title"), ("重点任务", "title"),
    ("责任领导", "leader"), ("牵头领导", "leader"), ("分管领导", "leader"),
    ("牵头单位", "lead_unit"), ("责任单位", "lead_unit"), ("主责单位", "lead_unit"),
    ("配合单位", "co_units"), ("协同单位", "co_units"),
    ("完成时限", "deadline"), ("时间节点", "deadline"), ("完成时间", "deadline"),
    ("完成进度", "progress"), ("进度", "progress"), ("完成比例", "progress"), ("完成进度（%）", "progress"),
    ("进展情况", "text"), ("工作进展", "text"), ("推进情况", "text"), ("最新进展", "text"),
    ("存在问题", "problems"), ("下步计划", "next_steps"), ("下一步工作", "next_steps"),
    ("完 成\n时 限", "deadline"), ("上期进度", "previous"), ("ID", "id"), ("备注", None),
])
def test_headings_are_recognised_by_their_usual_synonyms(heading, key):
    assert heading_key(heading) == key


def test_as_of_lines_and_section_labels():
    assert as_of_from_text("截至2024年6月30日") == date(2024, 6, 30)
    assert as_of_from_text("数据截止：2024-09-30") == date(2024, 9, 30)
    assert as_of_from_text("As of 30 Jun 2024") == date(2024, 6, 30)
    assert as_of_from_text("as of 1 September 2024") == date(2024, 9, 1)
    assert as_of_from_text("2024年重点工作") is None
    assert is_section_label("一、优化营商环境") and is_section_label("（三）城市更新")
    assert not is_section_label("1. 新引进企业") and is_section_label("二", bare=True)
    assert clean_area_name("十二、加强生态环境建设（5项）") == "加强生态环境建设"


def test_risky_text_for_csv_gets_an_apostrophe():
    assert [is_risky(t) for t in ("=1", "+1", "-1", "@A", "\tx", "\rx", "1-2", "a=b")] == [True] * 6 + [False] * 2
    assert csv_safe("=1+1") == "'=1+1" and csv_safe("正常") == "正常"


def test_the_command_line_starts_without_loading_openpyxl():
    import subprocess
    import sys

    code = ("import sys, planner_gui.cli.main as m; m.build_parser(); "
            "import planner_gui.exchange.ledger_import, planner_gui.exchange.report_forms, "
            "planner_gui.services.import_ledger; "
            "print('openpyxl' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
