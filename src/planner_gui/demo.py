"""A synthetic but realistic plan for measuring and for trying the program on
a big file: `planner-cli demo --db F --tasks N --updates M [--seed S]`.

A city's supervision office follows thousands of tasks: areas (方面) of a few
hundred tasks each, some split into sub-tasks (two levels deep at most), with
leaders, lead and co-units, deadlines in words, quantified indicators,
milestones and a year of dated progress reports. Everything is drawn from one
``random.Random(seed)``, ids included, so a seed always gives the same file.

Rows are built directly in stored form and written by
:func:`planner_gui.store.bulk.insert_rows` in one transaction: 200,000
updates through PlanStore.add_update would take minutes.
"""

from __future__ import annotations

import json
import random
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from planner_gui.domain.dates import month_end, resolve_deadline
from planner_gui.domain.errors import BadFileError, ValidationError
from planner_gui.domain.model import Plan, PlanSettings
from planner_gui.store import PlanStore
from planner_gui.store.bulk import insert_rows

MAX_TASKS = 200_000
MAX_UPDATES = 5_000_000

_PLACES = (
    "南中轴", "丽泽金融商务区", "中关村丰台园", "卢沟桥", "宛平城", "大红门", "花乡", "长辛店",
    "王佐镇", "云岗", "青龙湖", "永定河沿线", "西山", "北宫", "马家堡", "方庄", "右安门",
    "太平桥", "新村街道", "五里店", "看丹", "南苑", "和义", "东高地", "成寿寺", "宋家庄",
)
_SUBJECTS = (
    "国际文化科技园", "一站式产业服务平台", "老旧小区综合整治", "背街小巷环境整治",
    "社区卫生服务中心", "普惠性托育服务", "公办幼儿园", "中小学校舍", "轨道交通站点周边",
    "城市更新项目", "智慧城市运行平台", "污水处理设施", "口袋公园", "滨水绿道",
    "文物保护修缮", "便民商业网点", "保障性租赁住房", "公共停车设施", "新能源汽车充电桩",
    "养老服务驿站", "垃圾分类示范小区", "接诉即办响应机制", "营商环境改革", "数字经济产业集群",
    "商业航天产业园", "金融机构集聚区", "博物馆群", "戏曲文化周活动", "森林公园", "断头路打通",
)
_VERBS = ("推进", "加快", "完成", "实施", "开展", "推动", "深化", "提升", "打造", "落实", "启动", "优化")
_SUFFIXES = ("建设", "改造提升", "一期工程", "专项行动", "三年行动计划", "试点", "示范工程", "提质增效", "")
_AREAS = (
    "持续提升首都功能", "聚力建设国际科技创新中心", "加快重点功能区建设", "增强高质量发展动能",
    "全面深化改革", "更加注重保障和改善民生", "加强生态环境建设", "深入推进文化强区建设",
    "提升城市精细化管理水平", "推进基层治理现代化", "优化营商环境", "扩大高水平对外开放",
    "推进乡村振兴", "加强安全生产和应急管理", "建设法治政府", "推动城乡融合发展",
)
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁"
_GIVEN = ("伟", "芳", "磊", "洋", "静", "帆", "海", "军", "昊", "丽", "强", "骏", "红", "斌", "涛",
          "平", "峰", "雪", "健", "明", "蕾蕾", "建国", "志刚", "晓燕", "文博", "国强", "秀英")
_UNITS = (
    "区发展改革委", "区教委", "区卫生健康委", "区生态环境局", "区住房城乡建设委", "区城市管理委",
    "区科委", "区商务局", "区文化旅游局", "区财政局", "区国资委", "区民政局", "区人力社保局",
    "区交通委", "区水务局", "区园林绿化局", "区规划自然资源分局", "区市场监管局", "区应急局",
    "区金融办", "丽泽金融商务区管委会", "中关村丰台园管委会", "区融媒体中心", "各街道办事处",
)
_SOURCES = ("区政府工作报告", "区委全会报告", "市政府工作报告", "区领导批示", "民生实事项目")
_INDICATORS = (  # name, unit, comparator, typical target
    ("新引进企业", "家", ">=", 50), ("落地高精尖企业", "家", ">=", 20), ("完成投资", "亿元", ">=", 200),
    ("新增普惠性托位", "个", ">=", 1000), ("建成点位", "处", ">=", 80), ("公办率", "%", ">=", 50),
    ("城镇调查失业率", "%", "<=", 5), ("改造面积", "万平方米", ">=", 30), ("新增就业岗位", "个", ">", 1200),
    ("PM2.5年均浓度", "微克/立方米", "<=", 35), ("开工项目", "个", "=", 55), ("服务覆盖率", "%", ">=", 95),
)
_DONE_PHRASES = (
    "已完成前期手续办理", "完成项目立项和可研批复", "已进场施工，主体结构完成过半", "召开专题推进会",
    "完成方案编制并报区政府审议", "组织开展现场调研", "完成招标采购工作", "已完成年度目标的主要工作",
    "累计走访企业", "完成设备安装调试", "形成阶段性成果", "与相关单位签订合作协议",
)
_PROBLEMS = (
    "拆迁腾退进度慢于预期", "资金拨付尚未到位", "跨部门协调事项较多", "受天气影响施工有所延误",
    "审批手续办理周期较长", "部分居民意见不统一", "专业人员不足",
)
_NEXT_STEPS = (
    "加强统筹调度，倒排工期", "协调有关部门加快审批", "开展督导检查，确保按期完成",
    "完善工作机制，定期报送进展", "做好验收准备", "加大宣传力度",
)
_MILESTONES = ("完成立项", "完成方案编制", "完成招标", "开工建设", "主体完工", "竣工验收", "投入使用")
_DEADLINES = ("一季度末", "4月底前", "5月底前", "上半年", "7月底前", "8月底前", "三季度末",
              "10月底前", "11月底前", "年底前", "年内", "今年9月1日", "明年6月")


@dataclass
class _Task:
    row: dict
    indicators: list[dict]
    milestone_dues: list[date]


class _Generator:
    def __init__(self, seed: int, year: int) -> None:
        self.rng = random.Random(seed)
        self.year = year
        self.rows: dict[str, list[dict]] = defaultdict(list)
        self.leaves: list[_Task] = []

    def new_id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def person(self) -> str:
        return self.rng.choice(_SURNAMES) + self.rng.choice(_GIVEN)

    def title(self) -> str:
        r = self.rng
        return f"{r.choice(_VERBS)}{r.choice(_PLACES)}{r.choice(_SUBJECTS)}{r.choice(_SUFFIXES)}"

    def day_in_year(self, first_month: int = 1, last_month: int = 12) -> date:
        start = date(self.year, first_month, 1)
        span = (month_end(self.year, last_month) - start).days
        return start + timedelta(days=self.rng.randint(0, span))

    def area(self, position: int, plan_id: str) -> str:
        name = _AREAS[position % len(_AREAS)]
        if position >= len(_AREAS):
            name = f"{name}（{position // len(_AREAS) + 1}）"
        area_id = self.new_id()
        self.rows["area"].append(
            {"id": area_id, "plan_id": plan_id, "position": position, "name": name,
             "description": "", "weight": 1.0}
        )
        return area_id

    def task(self, area_id: str, parent: _Task | None, position: int, leaf: bool) -> _Task:
        r = self.rng
        deadline = r.choice(_DEADLINES)
        due = resolve_deadline(deadline, self.year)
        start = self.day_in_year(2, 6) if r.random() < 0.15 else None
        if start is not None and due is not None and start > due:
            start = None
        lead_unit = r.choice(_UNITS)
        co_units = r.sample([u for u in _UNITS if u != lead_unit], r.randint(0, 3))
        title = self.title()
        indicators: list[dict] = []
        if r.random() < 0.4:
            for i, (name, unit, comparator, typical) in enumerate(r.sample(_INDICATORS, r.randint(1, 2))):
                target = round(typical * r.uniform(0.5, 2.0), 1) if unit != "%" else typical
                baseline = 0.0 if comparator not in ("<=", "<") else round(target * 1.2, 1)
                indicators.append(
                    {"id": self.new_id(), "task_id": "", "position": i, "name": name, "unit": unit,
                     "comparator": comparator, "baseline": baseline, "target": target,
                     "current": None, "due": None}
                )
            title = f"{title}，{indicators[0]['name']}{int(indicators[0]['target'])}{indicators[0]['unit']}"
        row = {
            "id": self.new_id(), "area_id": area_id, "parent_id": parent.row["id"] if parent else None,
            "position": position, "title": title, "description": "",
            "leader": self.person(), "lead_unit": lead_unit,
            "co_units": json.dumps(co_units, ensure_ascii=False),
            "start": start.isoformat() if start else None, "due": due.isoformat() if due else None,
            "deadline_text": deadline, "municipal": int(r.random() < 0.1),
            "source": r.choice(_SOURCES), "source_text": "", "progress": None, "done_on": None,
            "weight": 1.0,
        }
        self.rows["task"].append(row)
        for ind in indicators:
            ind["task_id"] = row["id"]
            self.rows["indicator"].append(ind)
        dues: list[date] = []
        if r.random() < 0.3 and due is not None:
            for i in range(r.randint(1, 3)):
                ms_due = min(due, self.day_in_year(2, 12))
                done = ms_due + timedelta(days=r.randint(-20, 40)) if r.random() < 0.6 else None
                dues.append(ms_due)
                self.rows["milestone"].append(
                    {"id": self.new_id(), "task_id": row["id"], "position": i,
                     "title": r.choice(_MILESTONES), "due": ms_due.isoformat(),
                     "done_on": done.isoformat() if done else None}
                )
        made = _Task(row, indicators, dues)
        if leaf:
            self.leaves.append(made)
        return made

    def updates(self, task: _Task, count: int) -> None:
        """``count`` reports spread over the year, progress rising towards a
        pace that differs by task (some ahead, some behind)."""
        r = self.rng
        row = task.row
        start = date.fromisoformat(row["start"]) if row["start"] else date(self.year, 1, 1)
        due = date.fromisoformat(row["due"]) if row["due"] else date(self.year, 12, 31)
        span = max(1, (due - start).days)
        pace = r.uniform(0.5, 1.25)
        first = max(start, date(self.year, 1, 5))
        last_day = date(self.year, 12, 31)
        days = sorted(first + timedelta(days=r.randint(0, max(0, (last_day - first).days)))
                      for _ in range(count))
        progress = 0.0
        created = f"{self.year}-01-01T00:00:00+00:00"
        readings_now: dict[str, float] = {}
        for day in days:
            share = min(1.0, (day - start).days / span)
            progress = min(100.0, max(progress, round(100 * share * pace + r.uniform(-5, 5))))
            readings: dict[str, float] = {}
            for ind in task.indicators:
                if r.random() < 0.6:
                    lo, hi = ind["baseline"], ind["target"]
                    readings[ind["name"]] = round(lo + (hi - lo) * progress / 100, 1)
            readings_now.update(readings)
            self.rows["progress_update"].append(
                {"id": self.new_id(), "task_id": row["id"], "date": day.isoformat(),
                 "progress": progress, "text": self.report_text(progress),
                 "problems": r.choice(_PROBLEMS) if r.random() < 0.3 else "",
                 "next_steps": r.choice(_NEXT_STEPS) if r.random() < 0.5 else "",
                 "reporter": f"{row['lead_unit']} {self.person()}",
                 "highlight": int(r.random() < 0.04),
                 "readings": json.dumps(readings, ensure_ascii=False), "created": created}
            )
        if progress >= 100 and days:
            row["done_on"] = days[-1].isoformat()
        for ind in task.indicators:
            ind["current"] = readings_now.get(ind["name"])

    def report_text(self, progress: float) -> str:
        r = self.rng
        first, second = r.sample(_DONE_PHRASES, 2)
        return f"{first}；{second}，目前整体进度约{int(progress)}%。"


def area_count(tasks: int) -> int:
    """Areas for a plan of ``tasks`` tasks: 3 for 150 tasks, 25 for 10,000, at most 40."""
    return max(1, min(40, round(tasks ** 0.5 / 4)))


def _fill(gen: _Generator, plan_id: str, tasks: int, updates: int) -> dict[str, list[dict]]:
    r = gen.rng
    areas = area_count(tasks)
    area_ids = [gen.area(i, plan_id) for i in range(areas)]
    made = 0
    positions: dict[str, int] = defaultdict(int)
    while made < tasks:
        area_id = area_ids[made * areas // tasks]
        left = tasks - made
        # about one top task in four is split into 2-4 sub-tasks; a few of those once more
        subs = r.randint(2, 4) if r.random() < 0.25 and left > 4 else 0
        top = gen.task(area_id, None, positions[area_id], leaf=subs == 0)
        positions[area_id] += 1
        made += 1
        for i in range(min(subs, tasks - made)):
            grand = r.randint(2, 3) if r.random() < 0.15 and tasks - made > 4 else 0
            sub = gen.task(area_id, top, i, leaf=grand == 0)
            made += 1
            for j in range(min(grand, tasks - made)):
                gen.task(area_id, sub, j, leaf=True)
                made += 1
    leaves = gen.leaves
    counts = [0] * len(leaves)
    for _ in range(updates):
        counts[r.randrange(len(leaves))] += 1
    for leaf, count in zip(leaves, counts, strict=True):
        gen.updates(leaf, count)
    return gen.rows


def write_demo(path: Path | str, tasks: int, updates: int, seed: int = 0, year: int = 2024) -> dict[str, int]:
    """Make a new plan file holding a demo plan; returns rows written per table."""
    path = Path(path)
    if not 1 <= tasks <= MAX_TASKS:
        raise ValidationError("--tasks", f"must be between 1 and {MAX_TASKS}")
    if not 0 <= updates <= MAX_UPDATES:
        raise ValidationError("--updates", f"must be between 0 and {MAX_UPDATES}")
    if path.exists() and path.stat().st_size > 0:
        raise BadFileError(path, "already exists; choose another file name")
    gen = _Generator(seed, year)
    plan = Plan(
        id=gen.new_id(),
        title=f"示范市{year}年度重点工作任务（演示数据，{tasks}项）",
        year=year,
        declared_tasks=tasks,
        source=f"planner-cli demo --tasks {tasks} --updates {updates} --seed {seed}",
        settings=PlanSettings(),
    )
    tables = _fill(gen, plan.id, tasks, updates)
    with PlanStore.create(path, plan) as store:
        return insert_rows(store.db, tables)
