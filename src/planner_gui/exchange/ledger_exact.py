"""Stored text that a spreadsheet cell cannot hold exactly, kept in the ledger's hidden record.

A cell drops the control characters XML cannot hold, turns CR into LF and ends at 32,767
characters; the reader takes whitespace-only cells as empty. An update's texts that would
change that way are recorded exactly in its task's hidden record (``exact_updates``), and put
back on import when the cell still shows what was exported: so export then import changes
nothing for any stored text, and a cell someone edited is taken as edited. (The task's own
fields are in the record already.)
"""

from __future__ import annotations

from typing import Any

from planner_gui.domain.model import Task
from planner_gui.exchange.safe_cells import shown_text

UPDATE_TEXTS = ("text", "problems", "next_steps", "reporter")


def exact_updates(task: Task) -> dict[str, dict[str, str]]:
    """update id -> {field: exact text} for the texts of ``task``'s updates a cell changes."""
    found: dict[str, dict[str, str]] = {}
    for update in task.updates:
        for key in UPDATE_TEXTS:
            text = getattr(update, key)
            if text and shown_text(text).strip() != text:
                found.setdefault(update.id, {})[key] = text
    return found


def restore_updates(history: list[Any], records: dict[str, dict[str, Any]]) -> None:
    """Put the exact texts back into history rows (read from the sheet) whose cells are unedited."""
    exact_of = {task_id: record["exact_updates"] for task_id, record in records.items()
                if isinstance(record, dict) and isinstance(record.get("exact_updates"), dict)}
    if not exact_of:
        return  # the usual case: 200,000 history rows are not looked at
    for item in history:
        exact = exact_of.get(str(item.get("task_id") or ""))
        texts = exact.get(str(item.get("id") or "")) if exact is not None else None
        if not isinstance(texts, dict):
            continue
        for key, text in texts.items():
            if key in UPDATE_TEXTS and isinstance(text, str) and \
                    shown_text(text).strip() == (item.get(key) or "").strip():
                item[key] = text
