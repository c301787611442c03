"""What the ledger's columns are called, shared by the exporter, the reader and the report forms.

Column keys are the names the code uses; HEADERS (from domain/words.py) gives
what a sheet shows in each language, SYNONYMS every heading other offices use for the same column.
"""

from __future__ import annotations

from planner_gui.domain import words
from planner_gui.domain.fields import LEDGER_TASK_KEYS

# The hidden sheet that records what was exported, and its marker in cell A1.
META_SHEET = "_planner"
MARKER = "planner-gui"
META_VERSION = 1

# The sheet as offices know it; a task field declared later (domain/fields.py)
# gets a column after these, before the hidden id, so existing columns keep their letters.
_LAYOUT = ("number", "title", "leader", "lead_unit", "co_units", "deadline", "progress", "status", "text", "problems")
LEDGER_COLUMNS = (*_LAYOUT, *(key for key in LEDGER_TASK_KEYS if key not in _LAYOUT), "id")

HEADERS, INDICATOR_HEADERS, SHEET_NAMES = words.HEADERS, words.INDICATOR_HEADERS, words.SHEET_NAMES

# Headings other offices use, by column. Matching ignores spaces, line breaks,
# and anything in brackets (完成进度（%） is 完成进度).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "number": ("序号", "编号", "No.", "No", "#"),
    "title": ("任务", "任务内容", "工作任务", "重点任务", "任务事项", "重点工作", "工作内容", "Task"),
    "leader": ("责任领导", "牵头领导", "分管领导", "区领导", "Leader"),
    "lead_unit": ("牵头单位", "责任单位", "主责单位", "牵头部门", "责任部门", "Lead unit"),
    "co_units": ("配合单位", "协同单位", "协办单位", "配合部门", "Co-units"),
    "deadline": ("完成时限", "时间节点", "完成时间", "时限", "Deadline"),
    "progress": ("完成进度", "进度", "完成比例", "完成率", "本期进度", "Progress"),
    "status": ("状态", "完成状态", "预警", "Status"),
    "text": (
        "最新进展", "进展情况", "工作进展", "推进情况", "完成情况", "本期进展情况",
        "Latest progress", "Progress text",
    ),
    "problems": ("存在问题", "存在的问题", "困难问题", "问题", "Problems"),
    "next_steps": ("下步计划", "下一步工作", "下一步计划", "下步工作", "Next steps"),
    "previous": ("上期进度", "Previous progress"),
    "id": ("ID", "任务ID"),
}
# A column declared later is found by its own headings.
for _key in LEDGER_COLUMNS:
    SYNONYMS.setdefault(_key, (HEADERS["zh"][_key], HEADERS["en"][_key]))
