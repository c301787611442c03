"""Reading a document file, matching its areas to a plan's, and the plan a new file gets.

Pure format work, shared by ``planner-cli import-text`` and the window's import
dialog through services.import_text, which does the writing (backup, one transaction).
"""

from __future__ import annotations

import re
from pathlib import Path

from planner_gui.domain.errors import BadFileError
from planner_gui.domain.model import Plan
from planner_gui.exchange import input_limits

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_text(raw: bytes, source: object) -> str:
    """UTF-8 (with or without BOM), GB18030, or UTF-16 with a BOM (Notepad's "Unicode");
    BadFileError for anything else."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise BadFileError(source, "is not readable UTF-16 text") from None
    if b"\x00" in raw[:8192]:
        raise BadFileError(source, "is not a text file (it holds binary data)")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if len(_CONTROL.findall(text[:8192])) > max(2, len(text[:8192]) // 100):
            break
        return text
    raise BadFileError(source, "is not a text file in UTF-8 or GB18030")


def read_text_file(path: Path | str) -> str:
    path = Path(path)
    return decode_text(input_limits.read_input(path), path)  # no FIFO, device or endless file


def area_key(name: str) -> str:
    """Area names compared without spaces, quotes and punctuation."""
    return re.sub(r"[\s“”\"'‘’，,。、；;：:]", "", name)


def matching_area_id(plan: Plan, name: str) -> str | None:
    key = area_key(name)
    return next((a.id for a in plan.areas if area_key(a.name) == key), None)


def new_plan_from(proposed: Plan) -> Plan:
    """The plan for a new file: the proposal without empty areas."""
    return Plan(
        title=proposed.title, year=proposed.year, declared_areas=proposed.declared_areas,
        declared_tasks=proposed.declared_tasks, source=proposed.source,
        areas=[a for a in proposed.areas if a.tasks], id=proposed.id,
    )
