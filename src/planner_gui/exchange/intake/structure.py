"""The outline of a plan document: which headings are areas, what text belongs to each.

Headings it knows, strongest first:

* 在“持续提升首都功能”方面，… — an area named inside a sentence (news reports);
* 第一部分 / 一、 / （一） — numbered headings; a top heading such as
  二、任务分工 or 二、2024年工作安排 that holds （一）… headings is a
  container whose children are the areas, and sections such as 总体要求,
  保障措施 or 2023年工作回顾 hold no tasks;
* short lines without punctuation between paragraphs (小标题 in a news report);
* 在产业发展方面，… without quotes, when it opens at least two sentences.

Text before the first area is the preamble (title, year, declared totals).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planner_gui.exchange.intake.cleanup import (
    FIELD_START,
    clean_lines,
    closing_byline_at,
    is_short_title,
)
from planner_gui.exchange.intake.tables import has_table, tables_to_outline_text

_CN = "一二三四五六七八九十"
_QUOTED_ASPECT = re.compile(r"^在\s*[“\"]([^”\"]{2,60})[”\"]\s*方面\s*[，,：:]?")
# 在产业发展方面， / 产业发展方面： — but not 另一方面， or 各方面
_PLAIN_ASPECT = re.compile(
    r"^在?(?!另一|其他|其它|有关|相关|各|这|那|多)([^，。；：“”、]{2,20}?)方面\s*[，,：:]"
)
_ASPECT_INSIDE = re.compile(
    r"(?<=[。！？])\s*(?=在\s*“[^”]{2,60}”\s*方面|在?(?!另一|其他|其它|有关|相关|各|这|那|多)"
    r"[^，。；：“”、]{2,20}?方面\s*[，,：:])"
)
_PART = re.compile(rf"^第([{_CN}0-9]{{1,3}})部分\s*[：:、.．\s]?\s*")
_CN_HEAD = re.compile(rf"^([{_CN}]{{1,3}})\s*[、.．]\s*")
_PAREN_HEAD = re.compile(rf"^[（(]\s*([{_CN}]{{1,3}})\s*[)）]\s*")
_ITEM = re.compile(r"^(?:(\d{1,2})\s*[．.、](?!\d)|[（(](\d{1,2})[)）])\s*")
LEVELS = {"part": 0, "cn": 1, "paren": 2, "num": 3}

# sections that frame a plan but hold none of its tasks
NON_TASK_SECTION = re.compile(
    r"总体要求|指导思想|基本原则|保障措施|保障机制|工作要求|组织保障|组织实施|有关要求|"
    r"工作回顾|回顾|过去一年|主要成效|工作成效|取得的成绩|存在的?问题|问题和不足|工作机制|"
    r"实施步骤|步骤安排|编制说明|组织领导|督查考核|督导检查|宣传引导|考核问责|报送进展"
)
# a top heading that only holds the areas: 二、任务分工, 二、2024年工作安排
CONTAINER_SECTION = re.compile(
    r"任务分工|重点任务|主要任务|工作任务|工作安排|重点工作|主要工作|工作部署|具体任务|具体措施|主要措施|任务清单"
    # a heading about the year's plan as a whole: 二、2025年目标任务 / 2026年工作目标
    r"|^20\d{2}\s*年.{0,10}?(?:任务|目标|安排|部署|工作)$"
)


@dataclass
class Unit:
    """A piece of an area's text that becomes one task (a numbered item) or several (prose)."""

    kind: str  # "item" (one task, with field lines) or "prose" (a task per sentence)
    text: str
    field_lines: list[str] = field(default_factory=list)


@dataclass
class AreaDraft:
    name: str
    how: str  # which kind of heading named it, for the guess notes
    units: list[Unit] = field(default_factory=list)


@dataclass
class Outline:
    preamble: list[str]
    areas: list[AreaDraft]
    # text outside any area that may still state targets (二、2024年工作安排's introduction)
    loose: list[str]
    notes: list[str] = field(default_factory=list)


@dataclass
class _Section:
    kind: str
    title: str
    body: list[str] = field(default_factory=list)
    children: list[_Section] = field(default_factory=list)


def heading_title(text: str) -> tuple[str, str]:
    """Split 着力扩大有效投资。坚持… into the heading and the text after it."""
    match = re.search(r"[。！？：:]", text)
    if match and match.start() <= 40:
        return text[: match.start()].strip(), text[match.end() :].strip()
    if len(text) <= 40:
        return text.strip().rstrip("：:；;，,"), ""
    return text[:40].strip(), text[40:].strip()


def _classify(paragraph: str) -> tuple[str, str, str]:
    """(kind, title, rest) for one paragraph."""
    for kind, pattern in (("part", _PART), ("cn", _CN_HEAD), ("paren", _PAREN_HEAD)):
        match = pattern.match(paragraph)
        if match and len(paragraph) > match.end():
            title, rest = heading_title(paragraph[match.end() :])
            return kind, title, rest
    match = _ITEM.match(paragraph)
    if match and len(paragraph) > match.end():
        rest = paragraph[match.end() :]
        if len(rest) <= 20 and not re.search(r"[，。；：,;:！？]", rest):
            return "num", rest.strip(), ""  # 1．产业发展 on its own: a heading, not a task
        return "item", "", rest
    if FIELD_START.match(paragraph):
        return "field", "", paragraph
    return "text", "", paragraph


def _split_aspects(paragraphs: list[str]) -> list[str]:
    out: list[str] = []
    for paragraph in paragraphs:
        out.extend(p for p in _ASPECT_INSIDE.split(paragraph) if p.strip())
    return out


def _cut_closing_byline(paragraphs: list[str]) -> list[str]:
    """Drop everything after a news article's closing byline (another article follows)."""
    seen_heading = False
    for i, paragraph in enumerate(paragraphs):
        if _QUOTED_ASPECT.match(paragraph) or _classify(paragraph)[0] in LEVELS:
            seen_heading = True
        at = closing_byline_at(paragraph)
        if at is not None and seen_heading:
            head = paragraph[:at].strip()
            return paragraphs[:i] + ([head] if head else [])
    return paragraphs


def outline(text: str) -> Outline:
    if has_table(text):
        text = tables_to_outline_text(text)
    paragraphs = _split_aspects(_cut_closing_byline(clean_lines(text)))
    if any(_QUOTED_ASPECT.match(p) for p in paragraphs):
        return _by_aspects(paragraphs, _QUOTED_ASPECT, "在“…”方面")
    kinds = [_classify(p)[0] for p in paragraphs]
    if any(k in LEVELS for k in kinds):
        return _by_numbered_headings(paragraphs)
    subheads = _subheadings(paragraphs)
    if len(subheads) >= 2:
        return _by_subheadings(paragraphs, subheads)
    sentences = [p for p in paragraphs if _PLAIN_ASPECT.match(p)]
    if len(sentences) >= 2:
        return _by_aspects(paragraphs, _PLAIN_ASPECT, "在…方面")
    return Outline(preamble=[], areas=[], loose=paragraphs, notes=["no area headings found"])


def _body_units(paragraphs: list[str]) -> list[Unit]:
    """Numbered items (with the field lines after them) and prose."""
    units: list[Unit] = []
    for paragraph in paragraphs:
        kind, title, rest = _classify(paragraph)
        if kind == "item":
            units.append(Unit("item", rest))
        elif kind == "field" and units and units[-1].kind == "item":
            units[-1].field_lines.append(paragraph)
        elif kind in LEVELS:
            units.append(Unit("item", f"{title}。{rest}" if rest else title))
        else:
            units.append(Unit("prose", paragraph))
    return units


def _by_aspects(paragraphs: list[str], pattern: re.Pattern, how: str) -> Outline:
    preamble: list[str] = []
    areas: list[AreaDraft] = []
    current: AreaDraft | None = None
    notes: list[str] = []
    for paragraph in paragraphs:
        match = pattern.match(paragraph)
        if match:
            name = re.sub(r"\s+", "", match.group(1))
            existing = next((a for a in areas if a.name == name), None)
            current = existing or AreaDraft(name, how)
            if existing is None:
                areas.append(current)
            rest = paragraph[match.end() :].strip()
            if rest:
                current.units.extend(_body_units([rest]))
        elif current is not None and is_short_title(paragraph, 20):
            # a headline between the areas' paragraphs starts another article on the page
            notes.append(f"text after the headline {paragraph!r} left out: another article")
            current = None
        elif current is not None:
            current.units.extend(_body_units([paragraph]))
        elif not areas:
            preamble.append(paragraph)
    return Outline(preamble, areas, loose=[], notes=notes[:1])


def _subheadings(paragraphs: list[str]) -> list[int]:
    """Indexes of short standalone lines after the first paragraph of prose."""
    first_prose = next((i for i, p in enumerate(paragraphs) if not is_short_title(p, 24)), None)
    if first_prose is None:
        return []
    return [
        i for i in range(first_prose + 1, len(paragraphs))
        if is_short_title(paragraphs[i], 20) and i + 1 < len(paragraphs)
        and not is_short_title(paragraphs[i + 1], 20)
    ]


def _by_subheadings(paragraphs: list[str], subheads: list[int]) -> Outline:
    areas = []
    bounds = [*subheads, len(paragraphs)]
    for start, end in zip(bounds, bounds[1:], strict=False):
        area = AreaDraft(paragraphs[start], "short heading line")
        area.units = _body_units(paragraphs[start + 1 : end])
        areas.append(area)
    return Outline(paragraphs[: subheads[0]], areas, loose=[])


def _tree(paragraphs: list[str]) -> tuple[list[str], list[_Section]]:
    preamble: list[str] = []
    roots: list[_Section] = []
    stack: list[_Section] = []
    for paragraph in paragraphs:
        kind, title, rest = _classify(paragraph)
        if kind in LEVELS:
            section = _Section(kind, title, [rest] if rest else [])
            while stack and LEVELS[stack[-1].kind] >= LEVELS[kind]:
                stack.pop()
            (stack[-1].children if stack else roots).append(section)
            stack.append(section)
        elif stack:
            stack[-1].body.append(paragraph)
        else:
            preamble.append(paragraph)
    return preamble, roots


def _is_task_section(section: _Section) -> bool:
    """（一）实施工业强县行动。… with 责任领导：/牵头单位： lines under it and no items: one task."""
    kinds = [_classify(p)[0] for p in section.body]
    return not section.children and "field" in kinds and "item" not in kinds


def _task_unit(section: _Section) -> Unit:
    """A task heading, its text and its field lines as one numbered item."""
    text = [p for p in section.body if _classify(p)[0] != "field"]
    fields = [p for p in section.body if _classify(p)[0] == "field"]
    body = "".join(text)
    return Unit("item", f"{section.title}。{body}" if body else section.title, fields)


def _has_items(section: _Section) -> bool:
    return any(_classify(p)[0] in ("item", "field") for p in section.body) or any(
        _has_items(c) for c in section.children
    )


def _by_numbered_headings(paragraphs: list[str]) -> Outline:
    preamble, roots = _tree(paragraphs)
    out = Outline(preamble, [], loose=[])

    def visit(section: _Section) -> None:
        if NON_TASK_SECTION.search(section.title):
            out.notes.append(f"section {section.title!r} skipped: it frames the plan, holds no tasks")
            return
        tasks_below = bool(section.children) and all(_is_task_section(c) for c in section.children)
        holds_areas = section.children and not tasks_below and (
            CONTAINER_SECTION.search(section.title) or any(_has_items(c) for c in section.children)
        )
        if holds_areas:
            out.loose.extend(section.body)
            for child in section.children:
                visit(child)
            return
        area = AreaDraft(section.title, {"part": "第…部分", "cn": "一、…", "paren": "（一）…", "num": "1．…"}[section.kind])
        area.units = _body_units(section.body)
        for child in section.children:
            if _is_task_section(child):
                area.units.append(_task_unit(child))
                continue
            area.units.append(Unit("item", child.title, []))
            area.units[-1].text += "。" + "".join(child.body) if child.body else ""
        out.areas.append(area)

    for root in roots:
        visit(root)
    return out
