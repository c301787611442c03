"""``propose_plan(text)``: a plan document's text -> a proposed plan, every guess noted.

The result is a :class:`Proposal`: a domain :class:`Plan` (areas, tasks,
indicators, milestones, deadlines, units, leaders) plus, for each item id,
the guesses made while reading it (with a confidence from 0 to 1), so the
window can mark them for the user to check before anything is added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from planner_gui.domain.model import Area, Milestone, Plan, Task
from planner_gui.exchange.intake.cleanup import FIELD_START, cap_blank_runs
from planner_gui.exchange.intake.deadlines import find_deadlines, remove_deadline_words
from planner_gui.exchange.intake.fields import TaskFields, extract_fields, has_fields, unit_in_prose
from planner_gui.exchange.intake.indicators import (
    DECLARED_TOTALS,
    bounded_number,
    find_indicators,
    too_large_numbers,
    without_long_numbers,
)
from planner_gui.exchange.intake.sentences import split_clauses, split_sentences, strip_end
from planner_gui.exchange.intake.structure import AreaDraft, Outline, Unit, outline

# sentences that report, quote or look back: not tasks
NARRATIVE = re.compile(
    r"强调|指出|表示|介绍道?|据了解|据悉|连日来|记者|通讯员|会上|(?:会议|全会|大会)(?:要求|指出|强调|明确|认为|提出|号召|审议)|号召|"
    r"出席|主持|讲话|发言|通报了|已经|已完成|已全面|已吹响|刚刚|过去一年|(?<![较比])(?:去年|上年)(?!同期)|报道|采访|摄影|"
    r"各位代表|同志们|让我们|"
    # 陈静要求，… / 王军强调： a speaker's demands close a news report, they are not tasks
    r"^[^，。；“”]{2,8}?(?:要求|希望|号召)[，,：:]|"
    # a verb with 了 tells what happened (出台了, 召开了); plans say 将 / 要
    r"[\u4e00-\u9fff](?<![为除罢])了(?!解)"
)
_PARENT_TASK = re.compile(r"^就\s*“([^”]{2,80})”\s*(?:任务事项|任务|工作|项目)?\s*(?:来说|而言)\s*[，,]?")
_LEADING = re.compile(r"^(?:将|要|并|还|同时[，,]?|此外[，,]?|今年[，,]|全年[，,]|另外[，,]?|其中[，,]?)+")
_TARGETS = re.compile(r"((?:主要)?(?:预期)?(?:目标|指标))(?:是|为)?\s*[：:]")
# without headings, a sentence with a number is a task only if it looks ahead
_FUTURE = re.compile(r"将|要|力争|确保|计划|预计|争取|目标|不少于|不低于|以上|以内|提升至|提高到|达到")
_FRAMING = re.compile(r"^(?:坚持|围绕|聚焦|按照|根据|为了?|立足|紧扣|对标|以|着眼|面向|针对|深入打好|深入贯彻)")
_MIN_TASK = 6
TITLE_LENGTH = 40

AREA_CONFIDENCE = {
    "在“…”方面": 0.95, "第…部分": 0.85, "一、…": 0.85, "（一）…": 0.85, "1．…": 0.75,
    "short heading line": 0.6, "在…方面": 0.7, "target list": 0.6,
}


@dataclass
class Guess:
    note: str
    confidence: float


@dataclass
class Proposal:
    """A proposed plan and the guesses behind each of its items (keyed by item id)."""

    plan: Plan
    guesses: dict[str, list[Guess]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def note(self, item_id: str, text: str, confidence: float) -> None:
        self.guesses.setdefault(item_id, []).append(Guess(text, confidence))

    def notes(self, item_id: str) -> list[str]:
        """The notes about an item, least sure first."""
        return [g.note for g in sorted(self.guesses.get(item_id, []), key=lambda g: g.confidence)]

    def confidence(self, item_id: str) -> float:
        """The lowest confidence of the guesses about an item (1.0 when nothing was guessed)."""
        return min((g.confidence for g in self.guesses.get(item_id, [])), default=1.0)


def propose_plan(text: str, year: int | None = None, *, default_year: int | None = None) -> Proposal:
    """Read a plan document's text and propose its structure.

    ``year`` overrides the year read from the text; ``default_year`` (e.g. the
    open plan's year, else this year) is used when the text names none.
    """
    text = cap_blank_runs(text)
    shape = outline(text)
    whole = "\n".join([*shape.preamble, *shape.loose])
    plan_year = year or plan_year_from(text)
    chosen_year = plan_year or default_year or date.today().year
    proposal = Proposal(Plan(title=plan_title(text, chosen_year), year=chosen_year))
    plan = proposal.plan
    if plan_year is None:
        proposal.warnings.append(f"no year found in the text: {plan.year} assumed")
    plan.declared_areas, plan.declared_tasks = declared_totals(without_long_numbers(whole or text))
    proposal.warnings.extend(shape.notes)
    proposal.warnings.extend(too_large_numbers(text))

    target_area = _target_area(shape, proposal)
    if target_area is not None:
        plan.areas.append(target_area)
    for draft in shape.areas:
        area = _area(draft, proposal)
        if area.tasks or draft.how not in ("short heading line", "在…方面"):
            plan.areas.append(area)
        else:
            proposal.warnings.append(f"heading {draft.name!r} left out: no task under it")
    if not shape.areas and target_area is None:
        area = _fallback_area(shape.loose, proposal)
        if area.tasks:
            plan.areas.append(area)
    _check_totals(proposal)
    return proposal


# --- the plan's own fields ---------------------------------------------------------

_YEAR_MENTION = re.compile(r"(20\d{2})\s*年度?")
_PLANNING = re.compile(r"安排|重点|任务|计划|目标|方案|部署|工作报告")
_LOOKING_BACK = re.compile(r"回顾|以来|同期|增长|完成|总结")


def plan_year_from(text: str) -> int | None:
    """The year the plan is for: a 20xx年 next to planning words, not one looked back on."""
    best: tuple[int, int] | None = None
    squeezed = re.sub(r"(?<=\d)\s+(?=\d)", "", text)
    for match in _YEAR_MENTION.finditer(squeezed):
        after = squeezed[match.end() : match.end() + 12]
        score = (2 if _PLANNING.search(after) else 0) - (3 if _LOOKING_BACK.search(after[:6]) else 0)
        if best is None or score > best[0]:
            best = (score, int(match.group(1)))
    return best[1] if best else None


def plan_title(text: str, year: int) -> str:
    named = re.search(r"《([^》]{0,60}?20\d{2}[^》]{2,60})》", text)
    if named:
        return named.group(1)
    place = re.search(r"([\u4e00-\u9fff]{2,3}[区县市])(?=召开|人民政府|政府|第|\s*20\d{2}年)", text)
    prefix = re.sub(r"^[在于向对全]", "", place.group(1)) if place else ""
    return f"{prefix}{year}年度重点工作任务"


def declared_totals(text: str) -> tuple[int | None, int | None]:
    """10个方面42项 -> (10, 42); 以下五个方面 -> (5, None)."""
    match = DECLARED_TOTALS.search(text)
    if match:
        areas, tasks = _count(match["areas"]), _count(match["tasks"])
        return areas, tasks
    match = re.search(r"(?<![0-9])([0-9一二三四五六七八九十]{1,3})\s*(?:个|大)方面", text)
    if match and (value := _count(match.group(1))):
        return value, None
    return None, None


_MOST_DECLARED = 10_000  # a plan of more areas or tasks than this is a misreading (or hostile text)


def _count(text: str) -> int | None:
    value = bounded_number(text)
    return int(value) if value and value <= _MOST_DECLARED else None


def _check_totals(proposal: Proposal) -> None:
    plan = proposal.plan
    tasks = sum(len(a.tasks) for a in plan.areas)
    if plan.declared_areas and plan.declared_areas != len(plan.areas):
        proposal.warnings.append(f"the text declares {plan.declared_areas} areas; {len(plan.areas)} found")
    if plan.declared_tasks and plan.declared_tasks != tasks:
        proposal.warnings.append(f"the text declares {plan.declared_tasks} tasks; {tasks} found")


# --- areas and tasks ---------------------------------------------------------------


def is_narrative(sentence: str) -> bool:
    return bool(NARRATIVE.search(sentence))


UNNAMED_AREA = "未命名方面"


def _area(draft: AreaDraft, proposal: Proposal) -> Area:
    name = draft.name.strip()
    area = Area(name=name or UNNAMED_AREA)
    proposal.note(area.id, f"area from a {draft.how} heading", AREA_CONFIDENCE.get(draft.how, 0.5))
    if not name:
        # a heading mark with no words after it (一、 alone): keep its tasks, ask for a name
        proposal.note(area.id, "the heading has no name: give the area one", 0.2)
    parent: Task | None = None
    for unit in draft.units:
        if unit.kind == "item":
            parent = None
            task = _item_task(unit, proposal)
            if task is not None:
                area.tasks.append(task)
            continue
        pending: list[Task] = []  # the paragraph's tasks a later 牵头单位：… sentence belongs to
        for sentence in split_sentences(unit.text):
            if FIELD_START.match(sentence.lstrip("（( ")):  # 牵头单位：… or （责任单位：…；完成时限：…）
                fields, _ = extract_fields(sentence)
                if not fields.doubts:
                    _give_fields(pending, fields, proposal)
                    pending = []
                    continue
                # the "field" runs on as a sentence: a task (flagged) rather than lost
            header = _PARENT_TASK.match(sentence)
            if header:
                parent = Task(title=header.group(1), source_text=sentence)
                proposal.note(parent.id, "task named by 就“…”任务事项来说; the sentences after it are its sub-tasks", 0.8)
                area.tasks.append(parent)
                sentence = sentence[header.end() :]
            task = _sentence_task(sentence, proposal)
            if task is None:
                continue
            pending.append(task)
            (parent.subtasks if parent is not None else area.tasks).append(task)
    return area


def _give_fields(tasks: list[Task], fields: TaskFields, proposal: Proposal) -> None:
    """Fields stated after a paragraph of prose (…。牵头单位：区教育局。) go to its tasks."""
    for task in tasks:
        task.leader = task.leader or fields.leader
        if fields.lead_unit and task.lead_unit != fields.lead_unit:
            task.lead_unit = fields.lead_unit
            task.co_units = [u for u in task.co_units if u != fields.lead_unit]
        task.co_units += [u for u in fields.co_units if u not in task.co_units]
        if fields.deadline and task.due is None:
            _set_deadlines(task, task.source_text, fields.deadline, proposal)
        proposal.note(task.id, "fields after the paragraph given to each of its tasks", 0.8)
        for doubt in fields.doubts:
            proposal.note(task.id, doubt, 0.3)


def _sentence_task(sentence: str, proposal: Proposal) -> Task | None:
    if is_narrative(sentence) or len(strip_end(sentence)) < _MIN_TASK:
        return None
    task = _task_from_text(sentence, TaskFields(), proposal)
    proposal.note(task.id, "one task per sentence: check where it should be split or joined", 0.8)
    return task


def _item_task(unit: Unit, proposal: Proposal) -> Task | None:
    fields = TaskFields()
    for line in unit.field_lines:
        found, _ = extract_fields(line)
        fields.merge(found)
    inline, text = extract_fields(unit.text)
    fields.merge(inline)
    if len(strip_end(text)) < _MIN_TASK:
        return None
    task = _task_from_text(text, fields, proposal)
    proposal.note(task.id, "task from a numbered item", 0.9)
    return task


def make_title(text: str) -> str:
    """A short title: the sentence without connectives, cut at a clause boundary."""
    text = _LEADING.sub("", strip_end(text.split("。")[0]))
    if len(text) <= TITLE_LENGTH:
        return text
    clauses = split_clauses(text)
    # 坚持项目为王，全年实施…: a framing clause says why, the next one says what
    while len(clauses) > 1 and _FRAMING.match(clauses[0]) and len(clauses[0]) <= 20:
        clauses = clauses[1:]
    title = ""
    for clause in clauses:
        if title and len(title) + len(clause) > TITLE_LENGTH:
            break
        title += clause
    return strip_end(title[: TITLE_LENGTH + 20])


def _task_from_text(text: str, fields: TaskFields, proposal: Proposal) -> Task:
    year = proposal.plan.year
    text = re.sub(r"\s+", "", text)
    unseparated = False
    if has_fields(text):
        # 牵头单位：… inside a sentence of prose: a field, not part of the title
        inline, rest = extract_fields(text)
        if len(strip_end(rest)) >= _MIN_TASK:
            inline.merge(fields)
            fields, text = inline, rest
        else:
            unseparated = True  # nothing left but the field: keep the words, ask the user
    task = Task(
        title=make_title(text) or text[:TITLE_LENGTH], description=text, source_text=text,
        leader=fields.leader, lead_unit=fields.lead_unit, co_units=list(fields.co_units),
    )
    for doubt in fields.doubts:
        proposal.note(task.id, doubt, 0.3)
    if unseparated:
        proposal.note(task.id, "a field label in the text, but its value could not be told from the task", 0.3)
    if not task.lead_unit and (named := unit_in_prose(text)):
        task.lead_unit = named
        proposal.note(task.id, f"lead unit {named!r} read from the sentence (…牵头)", 0.7)
    if task.title != strip_end(text):
        proposal.note(task.id, "title shortened from the sentence; the full text is in the description", 0.8)
    for found in find_indicators(text):
        indicator = found.indicator
        indicator.due = _nearest_deadline(text, found.start, year)
        task.indicators.append(indicator)
        for note in found.notes:
            proposal.note(indicator.id, note, 0.8 if note.startswith("name ") else found.confidence)
    _set_deadlines(task, text, fields.deadline, proposal)
    return task


def _clause_at(text: str, position: int, stops: str = "，。；：") -> str:
    start = max(text.rfind(c, 0, position) for c in stops)
    ends = [i for i in (text.find(c, position) for c in stops) if i >= 0]
    return text[start + 1 : min(ends) if ends else len(text)]


def _nearest_deadline(text: str, position: int, year: int) -> date | None:
    """The deadline said closest before ``position`` in its clause, else the first after it."""
    start = max(text.rfind(c, 0, position) for c in "，。；：") + 1
    clause = _clause_at(text, position)
    found = find_deadlines(clause, year)
    before = [f for f in found if start + f.end <= position]
    if before:
        return before[-1].due
    return found[0].due if found else None


def _set_deadlines(task: Task, text: str, field_text: str, proposal: Proposal) -> None:
    year = proposal.plan.year
    phrases = []
    for found in find_deadlines(text, year):
        if all(found.due != p.due for p in phrases):
            phrases.append(found)
    field_due = None
    if field_text:
        field_found = find_deadlines(field_text, year)
        field_due = field_found[0].due if field_found else None
        task.deadline_text = field_text
        if field_due is None:
            proposal.note(task.id, f"完成时限 {field_text!r} names no date: the deadline is left empty", 0.5)
    if field_due is not None:
        task.due = field_due
        proposal.note(task.id, f"deadline {field_text!r} read as {field_due.isoformat()}", 0.9)
        milestones = [p for p in phrases if p.due != field_due]
    elif len(phrases) == 1:
        task.due = phrases[0].due
        task.deadline_text = phrases[0].phrase
        proposal.note(task.id, f"deadline {phrases[0].phrase!r} read as {task.due.isoformat()}", 0.85)
        milestones = []
    else:
        milestones = phrases
        if phrases:
            task.due = max(p.due for p in phrases)
            task.deadline_text = "；".join(p.phrase for p in phrases)
            proposal.note(task.id, "several dates: each is a milestone, the last is the deadline", 0.7)
    for found in milestones:
        title = remove_deadline_words(_clause_at(text, found.start, "，。；：、")) or task.title
        milestone = Milestone(title=title, due=found.due)
        proposal.note(milestone.id, f"milestone {found.phrase!r} read as {found.due.isoformat()}", 0.8)
        if task.due and found.due > task.due:
            proposal.note(milestone.id, "this date is after the task's deadline: check", 0.4)
        task.milestones.append(milestone)


def _target_area(shape: Outline, proposal: Proposal) -> Area | None:
    """主要预期目标是：A增长6%左右，B控制在5.5%以内… outside the areas -> an area of targets."""
    for paragraph in [*shape.preamble, *shape.loose]:
        match = _TARGETS.search(paragraph)
        if not match:
            continue
        listed = paragraph[match.end() :].split("。")[0]
        area = Area(name=match.group(1))
        proposal.note(area.id, "area made from a list of targets (…目标是：…)", AREA_CONFIDENCE["target list"])
        for clause in split_clauses(listed):
            if len(strip_end(clause)) >= _MIN_TASK and not is_narrative(clause):
                task = _task_from_text(strip_end(clause), TaskFields(), proposal)
                proposal.note(task.id, "one task per listed target", 0.8)
                area.tasks.append(task)
        if area.tasks:
            return area
    return None


def _fallback_area(paragraphs: list[str], proposal: Proposal) -> Area:
    """No headings at all: one area of the sentences that state a number or a date."""
    area = Area(name="重点任务")
    proposal.note(area.id, "no area headings found: one area for every task; rename or split it", 0.3)
    year = proposal.plan.year
    for paragraph in paragraphs:
        for sentence in split_sentences(paragraph):
            if find_deadlines(sentence, year) or (_FUTURE.search(sentence) and find_indicators(sentence)):
                task = _sentence_task(sentence, proposal)
                if task is not None:
                    area.tasks.append(task)
    return area
