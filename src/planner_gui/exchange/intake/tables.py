"""Responsibility tables (责任分解表) copied from Word or a spreadsheet.

A table arrives as lines of cells separated by tabs, │ / | or wide runs of
spaces, under a header row such as 序号 / 类别 / 重点工作任务 / 牵头领导 /
牵头单位 / 配合单位 / 完成时限. ``tables_to_outline_text`` rewrites each row
as a numbered item with field lines (and an area column as （一） headings),
the layout the rest of the reader already understands. A merged area cell
(empty, or missing from the row) means "the same area as the row above".
"""

from __future__ import annotations

import re
import unicodedata

_CELL_SPLIT = re.compile(r"\t|[│|｜]|\s{3,}")
COLUMNS = {
    "index": r"^(?:序号|编号)$",
    "area": r"^(?:类别|领域|方面|板块|重点领域|任务类别|所属方面|工作类别|分类)$",
    "task": r"任务|工作内容|工作事项|具体内容|事项|项目名称|^项目$|^名称$",
    # what a project builds (改造供水管网12公里): part of the task's text, where its indicators are
    "content": r"建设内容|内容|规模|工作措施|主要措施",
    # money planned for it, in the unit the header names: 计划投资（万元）
    "investment": r"投资|资金",
    "target": r"^(?:年度目标|目标|量化指标|工作目标|目标要求)$",
    "leader": r"领导|责任人",
    "lead_unit": r"^(?:牵头单位|责任单位|牵头部门|主责单位|责任部门)$",
    "co_units": r"^(?:配合单位|协办单位|配合部门|参与单位)$",
    "deadline": r"^(?:完成时限|完成时间|时间节点|时限|完成期限)$",
}
FIELD_LABEL = {"leader": "牵头领导", "lead_unit": "牵头单位", "co_units": "配合单位", "deadline": "完成时限"}
_CN = "一二三四五六七八九十"


def _cells(line: str) -> list[str]:
    if "\t" in line:
        # a row pasted from Word: every tab is a cell boundary, empty (merged) cells included
        return [c.strip() for c in line.strip("\r\n ").split("\t")]
    line = line.strip()
    if line[:1] in "|│｜" and line[-1:] in "|│｜" and len(line) > 1:
        line = line[1:-1]  # a Markdown or box-drawn table: | a | b |
    return [c.strip() for c in _CELL_SPLIT.split(line)]


# a plan's table has a handful of columns; a "row" of thousands of cells is not a header
_MOST_COLUMNS = 40
_RULE_ROW = re.compile(r"^[\s|│｜:：\-—─┼├┤+=]+$")


def _header(line: str) -> list[str] | None:
    """The column kinds of a header row, or None when the line is not one."""
    cells = _cells(line)
    if not 3 <= len(cells) <= _MOST_COLUMNS:
        return None
    kinds: list[str] = []
    for cell in cells:
        kind = next((k for k, pattern in COLUMNS.items() if k not in kinds and re.search(pattern, cell)), "")
        kinds.append(kind)
    if "task" in kinds and sum(1 for k in kinds if k) >= 3:
        return kinds
    return None


_HEADER_UNIT = re.compile(r"[（(]\s*([^（）()]{1,6}?)\s*[)）]")


def _width(text: str) -> int:
    """Display width: a CJK character takes two columns where a table is aligned with spaces."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _aligned(line: str, following: str) -> list[str]:
    """The second line's cells under the first line's columns, by where they start on screen."""
    starts = [_width(line[: m.start()]) for m in re.finditer(r"\S+(?:\s{1,2}\S+)*", line)]
    below = [""] * len(starts)
    for m in re.finditer(r"\S+(?:\s{1,2}\S+)*", following):
        at = _width(following[: m.start()])
        column = min(range(len(starts)), key=lambda k: abs(starts[k] - at))
        below[column] += m.group(0)
    return below


def _merged_header(line: str, following: str) -> tuple[list[str], str] | None:
    """A header split over two lines (完成 / 时限, 计划投资 / （万元）): its kinds and merged cells."""
    top = _cells(line)
    tabbed = "\t" in line or "\t" in following or _CELL_SPLIT.search(line.strip()) is None
    below = _cells(following) if tabbed else _aligned(line, following)
    if len(top) < 3 or not 0 < len(below) <= len(top):
        return None
    extra = [c for c in below if c]
    if _RULE_ROW.match(following) or len(extra) >= len([c for c in top if c]):
        return None  # a |---| rule or a full row, not the rest of a header
    if not extra or any(len(c) > 6 or re.search(r"\d", _HEADER_UNIT.sub("", c)) for c in extra):
        return None
    merged = [a + (below[i] if i < len(below) else "") for i, a in enumerate(top)]
    kinds = _header("\t".join(merged))
    return (kinds, "\t".join(merged)) if kinds else None


def _chinese_ordinal(n: int) -> str:
    if n <= 10:
        return _CN[n - 1]
    return ("" if n < 20 else _CN[n // 10 - 1]) + "十" + (_CN[n % 10 - 1] if n % 10 else "")


def tables_to_outline_text(text: str) -> str:
    """The text with any responsibility table rewritten as numbered items and field lines."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    kinds: list[str] | None = None
    header_cells: list[str] = []
    area, areas_seen, number = "", 0, 0
    skip_next = False
    for i, line in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        header = _header(line)
        merged = None
        if i + 1 < len(lines) and _header(lines[i + 1]) is None:
            merged = _merged_header(line, lines[i + 1])
        if merged is not None and (header is None or sum(map(bool, merged[0])) > sum(map(bool, header))):
            header, skip_next = merged[0], True
            line = merged[1]
        if header is not None:
            kinds, area, header_cells = header, "", _cells(line)
            continue
        if kinds is not None and _RULE_ROW.match(line) and line.strip():
            continue  # |---|---| under a Markdown header
        cells = _cells(line) if kinds is not None else []
        if kinds is None or len(cells) < 2:
            if kinds is not None and line.strip() and out[-1:] != [""]:
                kinds = None  # a line that is not a row ends the table
            out.append(line)
            continue
        if len(cells) == len(kinds) - 1 and "area" in kinds:
            cells.insert(kinds.index("area"), "")  # the merged area cell is missing from this row
        row = dict(zip(kinds, cells, strict=False))
        if row.get("area") and row["area"] != area:
            area, areas_seen = row["area"], areas_seen + 1
            out.append(f"（{_chinese_ordinal(areas_seen)}）{area}")
        task = row.get("task", "")
        if not task:
            continue
        number += 1
        parts = [row.get(kind, "").rstrip("。；;") for kind in ("task", "content", "target")]
        if row.get("investment") and "investment" in kinds:
            label = header_cells[kinds.index("investment")]
            unit = _HEADER_UNIT.search(label)
            parts.append(_HEADER_UNIT.sub("", label) + row["investment"] + (unit.group(1) if unit else ""))
        body = "，".join(p for p in parts if p)
        out.append(f"{number}．{body.rstrip('。；;')}。")
        out.extend(f"{label}：{row[kind]}" for kind, label in FIELD_LABEL.items() if row.get(kind))
    headed = any(re.match(rf"^\s*(?:[{_CN}]{{1,3}}\s*[、.．]|[（(][{_CN}]{{1,3}}[)）])", line) for line in out)
    if number and not areas_seen and not headed:
        # a table without an area column: one area holds its rows
        first = next(i for i, line in enumerate(out) if re.match(r"^\d+．", line))
        out.insert(first, "（一）重点工作任务")
    return "\n".join(out)


def has_table(text: str) -> bool:
    return any(_header(line) for line in text.splitlines())
