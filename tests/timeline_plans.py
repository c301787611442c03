"""A hand-made plan for the timeline tests (issue 23): spans, progress and
milestones chosen so that each light and each milestone state shows."""

from __future__ import annotations

from datetime import date

from planner_gui.domain.model import Area, Milestone, Plan, PlanSettings, ProgressUpdate, Task


def timeline_plan() -> Plan:
    steady = Task(  # 1 Jan - 30 Apr (121 days); 50% reported on 1 March
        title="甲：道路改造", lead_unit="区城管委", due=date(2024, 4, 30),
        updates=[ProgressUpdate(date=date(2024, 3, 1), progress=50, text="完成一半")],
    )
    late = Task(  # from 1 Feb; nothing reported: green at first, behind later
        title="乙：公园建设", lead_unit="区园林局", start=date(2024, 2, 1), due=date(2024, 11, 30),
    )
    milestones = Task(
        title="丙：博物馆开工", lead_unit="区文旅局", due=date(2024, 9, 30),
        milestones=[Milestone(title="方案印发", due=date(2024, 4, 30)),
                    Milestone(title="完成招标", due=date(2024, 3, 31), done_on=date(2024, 3, 20)),
                    Milestone(title="主体开工", due=date(2024, 6, 20))],
    )
    other = Task(title="丁：学校扩建", lead_unit="区教委", due=date(2024, 6, 10))
    return Plan(
        title="测试区2024年度重点工作任务", year=2024,
        settings=PlanSettings(behind_tolerance=20, due_soon_days=30),
        areas=[Area(name="城市建设", tasks=[steady, late, milestones]),
               Area(name="民生保障", tasks=[other])],
    )
