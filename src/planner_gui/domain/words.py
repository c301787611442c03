"""The words of the documents the program writes, in Chinese and English, in one place.

Documents (the printed summary and letter, the ledger, the command line's
summary) are printed in the language the user picks for them, independent of
the window's language, so their words live here rather than in Qt translation
files. The window shows the same status words and colours.

Status words and colours are keyed by the status's value (``Status.DONE.value``
is ``"done"``); domain/progress.py keys them by ``Status``.
"""

from __future__ import annotations

LANGUAGES = ("zh", "en")

STATUS_WORDS = {
    "zh": {
        "done": "已完成", "green": "正常", "blue": "临期",
        "yellow": "滞后", "red": "逾期", "not_started": "未开始",
        "no_deadline": "无时限",
    },
    "en": {
        "done": "Done", "green": "On track", "blue": "Due soon",
        "yellow": "Behind", "red": "Overdue", "not_started": "Not started",
        "no_deadline": "No deadline",
    },
}
# Colours chosen to stay distinguishable in print and on light or dark backgrounds.
STATUS_COLOURS = {
    "done": "#6b7280",
    "green": "#16a34a",
    "blue": "#2563eb",
    "yellow": "#d97706",
    "red": "#dc2626",
    "not_started": "#9ca3af",
    "no_deadline": "#a8a29e",
}


LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "summary": "工作进展情况汇总",
        "as_of": "统计截至",
        "generated": "生成日期",
        "scope": "范围",
        "scope_all": "全部任务",
        "scope_area": "方面：{}",
        "scope_leader": "责任领导：{}",
        "scope_unit": "责任单位：{}",
        "scope_tasks": "所选工作事项（{}项）",
        "overview": "总体情况",
        "overall_progress": "总体进度",
        "declared": "计划申报",
        "entered": "已录入",
        "declared_counts": "{}个方面{}项任务",
        "entered_counts": "{}个方面{}项任务",
        "not_declared": "未申报总数",
        "leaf_tasks": "工作事项",
        "not_reported": "未按期报送",
        "items": "{}项",
        "charts": "图表",
        "chart_lights": "各方面任务状态",
        "chart_history": "总体进度变化",
        "actual": "实际进度",
        "planned": "序时进度",
        "by_area": "分方面任务进展情况",
        "area_progress": "本方面进度 {}，工作事项 {}",
        "col_no": "序号",
        "col_task": "任务",
        "col_leader": "责任领导",
        "col_unit": "牵头单位",
        "col_deadline": "完成时限",
        "col_progress": "完成进度",
        "col_status": "状态",
        "col_latest": "最新进展",
        "col_targets": "目标任务（量化指标、时间节点）",
        "attention": "需关注事项",
        "attention_none": "截至统计日期，无逾期或滞后任务。",
        "problems": "存在问题",
        "next_steps": "下步计划",
        "no_problems_given": "（未填写存在问题）",
        "highlights": "工作亮点",
        "highlights_none": "截至统计日期，暂无标记为亮点的进展。",
        "upcoming": "近期时间节点",
        "upcoming_intro": "统计截至日前后{}天内到期及已过期未完成的时间节点和完成时限，按牵头单位列出；更早已过期的只计数。",
        "upcoming_none": "近{}天内没有到期的时间节点，也没有已过期未完成的节点。",
        "upcoming_older": "（另有更早已过期{}项）",
        "upcoming_missed": "已过期",
        "upcoming_due": "到期",
        "upcoming_deadline": "完成时限",
        "upcoming_counts": "（到期{}项，已过期{}项）",
        "col_day": "日期",
        "col_light": "情况",
        "col_milestone": "时间节点",
        "no_unit": "未明确牵头单位",
        "timeline": "各方面时间轴",
        "timeline_continued": "（续）",
        "timeline_legend": "条形：起止时间；实心部分：实际进度；竖线：序时进度；◆ 时间节点（空心未完成、实心已完成、红色已错过）；红色虚线：统计截至日。",
        "no_tasks": "该范围内没有任务。",
        "none": "—",
        "page": "第 {} 页 / 共 {} 页",
        "letter_title": "目标责任书",
        "letter_intro": (
            "为确保{}落实到位，经研究，明确以下任务由{}同志牵头负责。"
            "责任领导应按照完成时限和量化指标抓好落实，按期报送工作进展情况。"
        ),
        "letter_leader": "责任领导：{}",
        "letter_tasks": "责任任务",
        "sign_leader": "责任领导签字：",
        "sign_office": "督查室（盖章）：",
        "sign_date": "日期：　　　　年　　月　　日",
        "progress_building": "正在整理：{}",
        "progress_page": "正在输出第 {} 页，共 {} 页",
    },
    "en": {
        "summary": "Progress summary",
        "as_of": "As of",
        "generated": "Generated",
        "scope": "Scope",
        "scope_all": "All tasks",
        "scope_area": "Area: {}",
        "scope_leader": "Responsible leader: {}",
        "scope_unit": "Unit: {}",
        "scope_tasks": "Selected work items ({})",
        "overview": "Overview",
        "overall_progress": "Overall progress",
        "declared": "Declared",
        "entered": "Entered",
        "declared_counts": "{} areas, {} tasks",
        "entered_counts": "{} areas, {} tasks",
        "not_declared": "no totals declared",
        "leaf_tasks": "Work items",
        "not_reported": "Not reported on time",
        "items": "{}",
        "charts": "Charts",
        "chart_lights": "Tasks by light and area",
        "chart_history": "Overall progress over time",
        "actual": "Actual",
        "planned": "Planned",
        "by_area": "Progress by area",
        "area_progress": "Area progress {}, work items {}",
        "col_no": "No.",
        "col_task": "Task",
        "col_leader": "Leader",
        "col_unit": "Lead unit",
        "col_deadline": "Due",
        "col_progress": "% done",
        "col_status": "Light",
        "col_latest": "Latest progress",
        "col_targets": "Targets (indicators, milestones)",
        "attention": "Needs attention",
        "attention_none": "No task is overdue or behind as of this date.",
        "problems": "Problems",
        "next_steps": "Next steps",
        "no_problems_given": "(no problems given)",
        "highlights": "Highlights",
        "highlights_none": "No update is marked as a highlight as of this date.",
        "upcoming": "Upcoming milestones",
        "upcoming_intro": "Milestones and deadlines due within {} days after the as-of date, and those missed in as many days before it, by lead unit; earlier misses are counted.",
        "upcoming_older": " (and {} missed earlier)",
        "upcoming_none": "Nothing falls due within {} days, and nothing passed is left undone.",
        "upcoming_missed": "missed",
        "upcoming_due": "due",
        "upcoming_deadline": "deadline",
        "upcoming_counts": " ({} due, {} missed)",
        "col_day": "Date",
        "col_light": "State",
        "col_milestone": "Milestone",
        "no_unit": "No lead unit given",
        "timeline": "Timeline by area",
        "timeline_continued": " (continued)",
        "timeline_legend": "Bar: start to deadline; filled: actual progress; tick: planned progress; ◆ milestone (hollow: open, filled: done, red: missed); red dashed line: the as-of date.",
        "no_tasks": "There are no tasks in this scope.",
        "none": "—",
        "page": "Page {} of {}",
        "letter_title": "Target responsibility letter",
        "letter_intro": (
            "To make sure that {} is carried out, the following tasks are assigned to {}, "
            "who will see them done by their deadlines and targets and report progress "
            "on time."
        ),
        "letter_leader": "Responsible leader: {}",
        "letter_tasks": "Assigned tasks",
        "sign_leader": "Signature of the responsible leader:",
        "sign_office": "Supervision office (seal):",
        "sign_date": "Date:",
        "progress_building": "Collecting: {}",
        "progress_page": "Writing page {} of {}",
    },
}



# The ledger's column headings by column key (exchange/ledger_layout.py lists
# the columns and the headings other offices use).
HEADERS = {
    "zh": {
        "number": "序号", "title": "任务", "leader": "责任领导", "lead_unit": "牵头单位",
        "co_units": "配合单位", "deadline": "完成时限", "progress": "完成进度", "status": "状态",
        "text": "最新进展", "problems": "存在问题", "next_steps": "下步计划", "id": "ID",
        "previous": "上期进度", "reporter": "报送人", "date": "日期", "highlight": "亮点",
        "readings": "指标读数", "update_id": "进展ID", "task_id": "任务ID",
        "supervision_level": "督办级别",
    },
    "en": {
        "number": "No.", "title": "Task", "leader": "Leader", "lead_unit": "Lead unit",
        "co_units": "Co-units", "deadline": "Deadline", "progress": "Progress", "status": "Status",
        "text": "Latest progress", "problems": "Problems", "next_steps": "Next steps", "id": "ID",
        "previous": "Previous progress", "reporter": "Reporter", "date": "Date", "highlight": "Highlight",
        "readings": "Indicator readings", "update_id": "Update ID", "task_id": "Task ID",
        "supervision_level": "Supervision level",
    },
}

INDICATOR_HEADERS = {
    "zh": {"name": "指标", "comparator": "比较", "target": "目标值", "unit": "单位", "baseline": "基期值",
           "current": "当前值", "due": "时限", "indicator_id": "指标ID"},
    "en": {"name": "Indicator", "comparator": "Comparator", "target": "Target", "unit": "Unit",
           "baseline": "Baseline", "current": "Current", "due": "Due", "indicator_id": "Indicator ID"},
}

SHEET_NAMES = {
    "zh": {"ledger": "台账", "indicators": "量化指标", "updates": "进展记录", "form": "进展填报"},
    "en": {"ledger": "Ledger", "indicators": "Indicators", "updates": "Updates", "form": "Report"},
}
