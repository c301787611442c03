"""Small hand-made plans for tests."""

from __future__ import annotations

from datetime import date

from planner_gui.domain.model import (
    Area,
    Indicator,
    Milestone,
    Plan,
    PlanSettings,
    ProgressUpdate,
    Task,
)


def full_plan() -> Plan:
    """A plan with every field of every object filled in."""
    sub = Task(
        title="子任务：完成屋顶整体设计优化",
        description="子任务说明",
        leader="张三",
        lead_unit="区文旅局",
        co_units=["区发改委"],
        start=date(2024, 2, 1),
        due=date(2024, 12, 31),
        deadline_text="年内",
        municipal=False,
        source="区委全会报告",
        source_text="年内完成屋顶整体设计优化",
        progress=10.0,
        done_on=None,
        weight=2.0,
        milestones=[Milestone(title="设计方案", due=date(2024, 6, 30), done_on=date(2024, 6, 20))],
        updates=[
            ProgressUpdate(date=date(2024, 3, 25), progress=30, text="已启动", reporter="区文旅局"),
        ],
    )
    task = Task(
        title="新引进企业不少于50家",
        description="<b>not bold</b> & stays text",
        leader="李四",
        lead_unit="区商务局",
        co_units=["区科信局", "区投促中心"],
        start=date(2024, 1, 15),
        due=date(2024, 10, 31),
        deadline_text="10月底前",
        municipal=True,
        source="市政府工作报告",
        source_text="新引进企业不少于50家；落地“高精尖”企业20家以上",
        progress=None,
        done_on=date(2024, 10, 30),
        weight=1.5,
        indicators=[
            Indicator(name="新引进企业", target=50, unit="家", comparator=">=", baseline=0,
                      current=12, due=date(2024, 10, 31)),
            Indicator(name="失业率", target=5.5, unit="%", comparator="<=", baseline=6.0, current=5.0),
        ],
        milestones=[Milestone(title="出台政策", due=date(2024, 4, 30), done_on=None)],
        updates=[
            ProgressUpdate(date=date(2024, 3, 25), progress=20, text="引进12家", problems="土地",
                           next_steps="加快", reporter="区商务局", highlight=True,
                           readings={"新引进企业": 12}),
            ProgressUpdate(date=date(2024, 6, 25), progress=55.5, text="引进30家",
                           readings={"新引进企业": 30, "失业率": 5.2}),
        ],
        subtasks=[sub],
    )
    return Plan(
        title="测试区2024年度重点工作任务",
        year=2024,
        declared_areas=3,
        declared_tasks=7,
        source="测试",
        settings=PlanSettings(behind_tolerance=15, due_soon_days=20, reporting_cycle="monthly",
                              report_due_day=20),
        areas=[
            Area(name="增强高质量发展动能", description="方面说明", weight=2.0, tasks=[task]),
            Area(name="空的方面"),
        ],
    )


def report_on_task_one(ledger, progress: float = 0.45, text: str = "已完成主体"):
    """Fill task "1"'s row of an exported ledger as a department would: a new
    完成进度 (column G) and 最新进展 (column I). Returns the ledger's path."""
    import openpyxl

    wb = openpyxl.load_workbook(ledger)
    ws = wb.worksheets[0]
    row = next(r for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value == "1")
    ws.cell(row, 7).value = progress
    ws.cell(row, 9).value = text
    wb.save(ledger)
    return ledger


def form_column(key: str) -> int:
    """The 1-based column of ``key`` (a report form's column key, "progress", "id", …) in a
    report form: the task fields declared for the forms shift the form's own columns."""
    from planner_gui.exchange.report_forms import FORM_COLUMNS

    return FORM_COLUMNS.index(key) + 1
