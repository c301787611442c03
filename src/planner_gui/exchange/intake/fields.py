"""Labelled fields of a task in a task-division notice (分工方案).

牵头领导：刘建国 / 牵头单位：县工信局 / 配合单位：县发改局、县财政局 /
完成时限：2025年12月底前 — on lines of their own, several on one line, or in
brackets after the task (（牵头单位：县发改局；完成时限：6月底前）).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

LABELS = {
    "牵头领导": "leader", "责任领导": "leader", "分管领导": "leader", "责任人": "leader",
    "牵头单位": "lead_unit", "责任单位": "responsible_unit", "主责单位": "lead_unit",
    "牵头部门": "lead_unit", "责任部门": "responsible_unit",
    "配合单位": "co_units", "协办单位": "co_units", "参与单位": "co_units", "配合部门": "co_units",
    "完成时限": "deadline", "完成时间": "deadline", "时间节点": "deadline",
}
# 牵头区领导, 责任县领导, 分管市领导 … are leaders too
_LEADER_VARIANT = r"(?:牵头|责任|分管|包联)[区县市镇]?领导"
_LABEL = re.compile(
    r"(" + _LEADER_VARIANT + "|" + "|".join(sorted(LABELS, key=len, reverse=True)) + r")\s*[：:]\s*"
)
_LEAD_MARK = re.compile(r"\s*[（(]\s*牵头\s*[)）]")
_UNIT_SPLIT = re.compile(r"[、，,；;/／]|\s{2,}")


@dataclass
class TaskFields:
    leader: str = ""
    lead_unit: str = ""
    co_units: list[str] = field(default_factory=list)
    deadline: str = ""
    # what could not be told apart (a unit that reads like task text): shown as a guess
    doubts: list[str] = field(default_factory=list)

    def merge(self, other: TaskFields) -> None:
        self.leader = self.leader or other.leader
        self.lead_unit = self.lead_unit or other.lead_unit
        self.co_units += [u for u in other.co_units if u not in self.co_units]
        self.deadline = self.deadline or other.deadline
        self.doubts += [d for d in other.doubts if d not in self.doubts]

    def __bool__(self) -> bool:
        return bool(self.leader or self.lead_unit or self.co_units or self.deadline)


def has_fields(text: str) -> bool:
    return bool(_LABEL.search(text))


def _units(value: str) -> list[str]:
    return [u.strip(" 。.") for u in _UNIT_SPLIT.split(value) if u.strip(" 。.")]


# a unit's or leader's name is short and states no number or verb of the task
_NOT_A_NAME = re.compile(r"\d|完成|实现|推进|新建|新增|建成|开展|确保|达到|加快|[。：:]")
_NAME_LENGTH = 24


def _doubtful(names: list[str], label: str) -> list[str]:
    return [f"{label} {name[:30]!r} does not read like a name: the fields may run into the task text"
            for name in names if len(name) > _NAME_LENGTH or _NOT_A_NAME.search(name)]


def _names_only(raw: str, label: str, doubts: list[str]) -> str:
    """责任单位：区城管委，新建停车场3个 -> 区城管委: task text after a comma goes back to the task."""
    position = 0
    for i, piece in enumerate(re.split(r"([，,])", raw)):
        if i % 2 == 0 and i > 0 and piece.strip(" 。；;") and (
            len(piece.strip(" 。；;")) > _NAME_LENGTH or _NOT_A_NAME.search(piece.strip(" 。；;"))
        ):
            doubts.append(f"{label}: {piece.strip()[:20]!r} after it read as task text, not a name: check")
            return raw[:position]
        position += len(piece)
    return raw


def _value_end(raw: str) -> str:
    """A field's value ends at 。 or ； (or the bracket closing the field), else at the next label."""
    raw = _until_unbalanced_bracket(raw)
    stop = re.search(r"[。；;]", raw)
    return raw[: stop.start() + 1] if stop else raw


def _until_unbalanced_bracket(raw: str) -> str:
    """A field inside brackets ends at the bracket that closes them, not at （牵头）."""
    depth = 0
    for i, ch in enumerate(raw):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
            if depth < 0:
                return raw[:i]
    return raw


def extract_fields(text: str) -> tuple[TaskFields, str]:
    """The fields found in ``text`` and the text without them (brackets that held them removed)."""
    found = TaskFields()
    spans: list[tuple[int, int]] = []
    matches = list(_LABEL.finditer(text))
    responsible: list[str] = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        raw = _value_end(text[match.end() : end])
        kind = LABELS.get(match.group(1), "leader")
        if kind != "deadline":
            raw = _names_only(raw, match.group(1), found.doubts)
            found.doubts += _doubtful(_units(raw.strip().rstrip("；;，,。 ")), match.group(1))
        value = raw.strip().rstrip("；;，,。 ")
        if kind == "leader":
            # 副县长 王立新 is one person: leaders are told apart by 、 and commas, not spaces
            names = [re.sub(r"\s+", "", n) for n in re.split(r"[、，,；;/／]", value) if n.strip(" 。.")]
            found.leader = found.leader or "、".join(n.strip(" 。.") for n in names)
        elif kind == "lead_unit":
            found.lead_unit = found.lead_unit or "、".join(_units(value)[:1])
            found.co_units += _units(value)[1:]
        elif kind == "responsible_unit":
            responsible += _units(value)
        elif kind == "co_units":
            found.co_units += _units(value)
        else:
            found.deadline = found.deadline or value
        spans.append((match.start(), match.end() + len(raw)))
    # 县发改局（牵头）: the unit marked as leading is the lead unit
    marked = [u for u in responsible + found.co_units if _LEAD_MARK.search(u)]
    if marked and not found.lead_unit:
        found.lead_unit = _LEAD_MARK.sub("", marked[0])
        responsible = [u for u in responsible if u != marked[0]]
        found.co_units = [u for u in found.co_units if u != marked[0]]
    # 责任单位 is the lead unit unless a 牵头单位 is named, then the others help
    if responsible:
        if found.lead_unit:
            found.co_units += responsible
        else:
            found.lead_unit, found.co_units = responsible[0], responsible[1:] + found.co_units
    rest = text
    for start, end in reversed(spans):
        rest = rest[:start] + rest[end:]
    rest = re.sub(r"[（(][\s；;，,]*[)）]", "", rest).strip()
    return found, rest


# 由县工信局牵头 / 区政务服务中心牵头，… / 县交通局要加快… : the unit named in a sentence of prose
_UNIT_END = r"(?:局|委|办|中心|管委会|人民政府|政府|分局|支队|大队|站|所|院|分行|支行|公司|集团|指挥部|办事处)"
_PROSE_UNIT = re.compile(
    rf"(?:^|[，,；;。])\s*(?:由\s*(?P<by>[^，,；;。由]{{2,16}}?{_UNIT_END})\s*(?:牵头|负责)"
    rf"|(?P<lead>[区县市镇乡省][^，,；;。]{{1,14}}?{_UNIT_END})\s*(?:牵头|负责|要|将))"
)


def unit_in_prose(text: str) -> str:
    """The lead unit a sentence of prose names (由县工信局牵头), or ''."""
    match = _PROSE_UNIT.search(text)
    if not match:
        return ""
    return match["by"] or match["lead"]
