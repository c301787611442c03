"""Every field of a task declared once: what it is called, how it is checked and stored.

The store's row mapping, the JSON file and (through ``ledger_key``) the ledger
and the reports read these declarations instead of listing the fields again,
so a new field is one entry here (plus the attribute on domain.model.Task, its
words in domain/words.py and, when the store needs a column, a migration).

A field's *kind* says how its value is checked and how it is kept in a table
row (plain values SQLite holds: dates as YYYY-MM-DD text, lists as JSON text,
booleans as 0/1). The checks live here, not in the store, so the editor, the
command line and every importer refuse the same values with the same words.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from planner_gui.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from planner_gui.domain.model import COMPARATORS
from planner_gui.domain.validation import (
    check_count,
    check_number,
    check_progress,
    check_text,
    check_title,
    parse_iso_date,
)
from planner_gui.domain.words import HEADERS


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def from_iso(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# --- checks: a value as the user or a file gives it -> the value a row keeps ---


def text_value(value: object, field: str) -> str:
    return check_text(value, field)


def title_value(value: object, field: str) -> str:
    return check_title(value, field)


def flag_value(value: object, field: str) -> int:
    if isinstance(value, bool) or value in (0, 1):
        return int(bool(value))
    raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "must be true or false"))


def weight_value(value: object, field: str) -> float:
    number = check_number(value, field)
    if number is None or number < 0:
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "must be a number of 0 or more"))
    return number


def units_value(value: object, field: str) -> str:
    """Unit names, given as a list or as text split at commas and 、."""
    if isinstance(value, str):
        value = [part.strip() for part in value.replace("，", ",").replace("、", ",").split(",")]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "must be a list of unit names"))
    return json.dumps([v for v in value if v], ensure_ascii=False)


def comparator_value(value: object, field: str) -> str:
    if value not in COMPARATORS:
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "must be one of {choices}"), choices=", ".join(COMPARATORS))
    return str(value)


def date_value(value: object, field: str) -> str | None:
    return iso(parse_iso_date(value, field))


def progress_value(value: object, field: str) -> float | None:
    return check_progress(value, field)


def year_value(value: object, field: str) -> int:
    try:
        year = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "{value} is not a year"), value=repr(value)) from None
    if not 1900 <= year <= 2200:
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "{year} is not a plausible year"), year=year)
    return year


def count_value(value: object, field: str) -> int | None:
    return check_count(value, field)  # SQLite's INTEGER ends at 2**63; no plan declares 100,001


@dataclass(frozen=True)
class Kind:
    """How values of one kind are checked, kept in a row, and read back."""

    to_row: Callable[[object, str], Any]  # validate and convert for the row
    from_row: Callable[[Any], Any]  # the row's value back to the Task attribute
    to_json: Callable[[Any], Any]  # the Task attribute as the JSON file writes it


def _same(value: Any) -> Any:
    return value


def _text_from_row(value: Any) -> str:
    return value or ""  # columns added by a migration may read None in an old row


KINDS: dict[str, Kind] = {
    "title": Kind(title_value, _same, _same),
    "text": Kind(text_value, _text_from_row, _same),
    "units": Kind(units_value, lambda v: json.loads(v or "[]"), list),
    "date": Kind(date_value, from_iso, iso),
    "flag": Kind(flag_value, bool, _same),
    "progress": Kind(progress_value, _same, _same),
    "weight": Kind(weight_value, _same, _same),
}


@dataclass(frozen=True)
class TaskField:
    """One field of a task.

    ``name`` is the Task attribute and the task table's column; ``json_key``
    the key in the JSON file; ``ledger_key`` the ledger column it fills (a key
    of domain.words.HEADERS), or None when the ledger does not show it.
    """

    name: str
    kind: str
    editable: bool = True
    json_key: str = ""
    ledger_key: str | None = None
    in_reports: bool = False  # shown under the task's title in the printed summary's tables
    label_key: str = ""  # its name in documents and, unless the editor names it itself, the editor: a key of
    # domain.words.HEADERS (the ledger key when empty)
    # Shown, locked, on the progress-report forms (exchange/report_forms.py), this many characters
    # wide; None: not on the forms. A form's column is found again by its ledger heading, so a
    # field on the forms needs a ledger key.
    form_width: int | None = None

    def __post_init__(self) -> None:
        if self.form_width is not None and not self.ledger_key:
            raise ValueError(f"{self.name}: a field on the report forms needs a ledger_key")

    @property
    def key(self) -> str:
        return self.json_key or self.name

    def label(self, lang: str) -> str:
        return HEADERS[lang][self.label_key or self.ledger_key or self.name]

    def to_row(self, value: object) -> Any:
        return KINDS[self.kind].to_row(value, self.name)

    def from_row(self, value: Any) -> Any:
        return KINDS[self.kind].from_row(value)

    def to_json(self, value: Any) -> Any:
        return KINDS[self.kind].to_json(value)


# In the order the JSON file writes them (that of domain.model.Task).
TASK_FIELDS: tuple[TaskField, ...] = (
    TaskField("title", "title", ledger_key="title", form_width=32),
    TaskField("description", "text"),
    TaskField("leader", "text", ledger_key="leader", form_width=9),
    TaskField("lead_unit", "text", ledger_key="lead_unit", form_width=12),
    TaskField("co_units", "units", ledger_key="co_units"),
    TaskField("start", "date"),
    # 13: holds 年底（默认） (an implied deadline) on one line
    TaskField("due", "date", ledger_key="deadline", form_width=13),
    TaskField("deadline_text", "text"),
    TaskField("municipal", "flag"),
    TaskField("source", "text"),
    TaskField("source_text", "text"),
    TaskField("progress", "progress"),
    TaskField("done_on", "date"),
    TaskField("weight", "weight"),
    # Free text, not a fixed choice: offices word their levels differently (市委督办, 区政府督办,
    # 部门督办, 挂账督办), and a fixed list would refuse other offices' ledgers.
    # 9: 市委督办 on one line (the forms are fitted to the width of an A4 page: every column costs legibility)
    TaskField("supervision_level", "text", ledger_key="supervision_level", in_reports=True, form_width=9),
)
TASK_FIELD = {f.name: f for f in TASK_FIELDS}
# The task fields the ledger shows, by their column keys, in column order.
LEDGER_TASK_KEYS = tuple(f.ledger_key for f in TASK_FIELDS if f.ledger_key)
# Fields the summary's tables show under the title (they have no column of their own).
REPORT_FIELDS = tuple(f for f in TASK_FIELDS if f.in_reports)
# Those the ledger shows as plain text, read back as the cell's text: their
# column key is the field's name, so a changed cell is an edit of that field.
LEDGER_TEXT_FIELDS = tuple(f for f in TASK_FIELDS if f.ledger_key and f.kind in ("title", "text"))
# The task fields the report forms show (locked), in column order.
FORM_TASK_FIELDS = tuple(f for f in TASK_FIELDS if f.form_width is not None)


def stored_to_python(field: str, value: object) -> object:
    """A task row's value back to what the check accepts (for undo)."""
    declared = TASK_FIELD.get(field)
    if declared is not None and declared.kind in ("units", "flag"):
        return declared.from_row(value)
    return value
