"""Who may change what (plain rules, no storage).

The office's copy may change anything. A department's copy may add progress
updates to its own unit's tasks (and take back one it added) and edit the
progress of those tasks: the task's progress and completion date, its
indicators' current values and its milestones' completion dates. Anything
else it sends is refused on import.
"""

from __future__ import annotations

OFFICE = "office"
BASELINE = ""  # values written before a copy had an owner (the file as migrated)
PROGRESS_FIELDS = {"task": {"progress", "done_on"}, "indicator": {"current"},
                   "milestone": {"done_on"}}


def may_change(who: str, table: str, field: str, *, lead_unit: str | None,
               old_who: str | None, adds_row: bool) -> str | None:
    """None if ``who`` may make this change, else the reason it may not.

    ``field`` is "" for the row's existence (added or deleted), ``lead_unit``
    the unit of the task the change concerns (None: no such task here),
    ``old_who`` who wrote the value being replaced."""
    if who in (OFFICE, BASELINE):
        return None
    if lead_unit != who:
        return f"the task is {lead_unit!r}'s, not {who!r}'s" if lead_unit else "no such task here"
    if table == "progress_update":
        if adds_row:
            return None
        if field == "" and old_who == who:
            return None  # taking back an update it added itself
        return "progress updates are kept as written"
    if field in PROGRESS_FIELDS.get(table, set()):
        return None
    return "only the office changes the plan's structure and texts"
