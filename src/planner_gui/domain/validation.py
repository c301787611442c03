"""Field rules shared by the editor, the command line and every importer."""

from __future__ import annotations

import math
from datetime import date

from planner_gui.domain.errors import QT_TRANSLATE_NOOP, ValidationError


def check_progress(value: object, field: str = "progress") -> float | None:
    """A progress figure is a number from 0 to 100, or None for "not given"."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "must be a number from 0 to 100"))
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "{value} is not a number"), value=_short(value)) from None
    except OverflowError:  # an integer such as 10**400
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "{value} is outside 0 to 100"), value=_short(value)) from None
    if math.isnan(number) or not 0 <= number <= 100:
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "{value} is outside 0 to 100"), value=value)
    return number


MAX_COUNT = 100_000  # declared areas or tasks: a city's plan has 10,000 tasks


def _short(value: object) -> str:
    """A value as a message shows it: a 5,000-digit number or a long text cut to 40 characters."""
    try:
        text = repr(value)
    except ValueError:  # int.__repr__ refuses integers of more than 4,300 digits
        return "a number of more than 4,300 digits"
    return text if len(text) <= 40 else f"{text[:37]}..."


def check_count(value: object, field: str) -> int | None:
    """A declared number of areas or tasks: a whole number from 0 to MAX_COUNT, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "must be a whole number"))
    try:
        count = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "{value} is not a whole number"), value=_short(value)) from None
    if count < 0:
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "must not be negative"))
    if count > MAX_COUNT:
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "{value} is more than {limit}"), value=_short(value),
                              limit=f"{MAX_COUNT:,}")
    return count


def check_number(value: object, field: str) -> float | None:
    """An indicator figure: any finite number, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "must be a number"))
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "{value} is not a number"), value=_short(value)) from None
    except OverflowError:  # an integer such as 10**400
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "{value} is too large a number"), value=_short(value)) from None
    if math.isnan(number) or math.isinf(number):
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "{value} is not a finite number"), value=value)
    return number


def parse_iso_date(value: object, field: str) -> date | None:
    """A date written YYYY-MM-DD (or a date), or None."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "{value} is not a date (YYYY-MM-DD)"), value=repr(value))
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "{value} is not a date (YYYY-MM-DD)"), value=repr(value)) from None


def check_dates(start: date | None, due: date | None) -> None:
    if start is not None and due is not None and due < start:
        raise ValidationError("due", QT_TRANSLATE_NOOP("Validation", "deadline {due} is before the start {start}"), due=due, start=start)


# Lengths at input. A title or name of 2,000 characters is plenty (the longest of the
# bundled plan's is under 200) and fits every report; other texts end well inside a
# spreadsheet cell (32,767), so that a ledger holds them exactly.
MAX_TITLE = 2_000
MAX_TEXT = 30_000


def check_title(value: object, field: str = "title") -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "must not be empty"))
    if len(value.strip()) > MAX_TITLE:
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "is {length} characters long; at most {limit} are kept"),
                              length=f"{len(value.strip()):,}", limit=f"{MAX_TITLE:,}")
    return value.strip()


def check_text(value: object, field: str) -> str:
    """A free text (notes, units, an update's text): any text of at most MAX_TEXT characters."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "must be text"))
    if len(value) > MAX_TEXT:
        raise ValidationError(field, QT_TRANSLATE_NOOP("Validation", "is {length} characters long; at most {limit} are kept"),
                              length=f"{len(value):,}", limit=f"{MAX_TEXT:,}")
    return value
