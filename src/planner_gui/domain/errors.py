"""Errors a user can cause and understand.

Every error meant for a person derives from PlannerError; the command line
prints its message on one line and exits 1, the window shows it in a dialog.
"""

from __future__ import annotations


class PlannerError(Exception):
    """A problem with the user's data or files, explained in one line."""


class BadFileError(PlannerError):
    """A file that cannot be opened as a planner-gui plan."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class FormatError(PlannerError):
    """Imported data that does not fit the expected format; names where."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}" if where else reason)
        self.where = where
        self.reason = reason


class NotFoundError(PlannerError):
    """An id or name that does not exist in the plan."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for pyside6-lupdate (which finds calls by this name) without Qt:
    the window looks the words up under ``context`` when it shows them."""
    return text


class ValidationError(PlannerError):
    """A field value that breaks a rule (progress outside 0..100, ...).

    ``reason`` is the English the command line and the tests read. It is
    ``template`` with ``values`` filled in by ``str.format``; the window
    translates the template under the context "Validation" and fills it the
    same way. A reason given without values is its own template, taken as it
    is (a path or a name in it may hold braces)."""

    def __init__(self, field: str, template: str, **values: object) -> None:
        reason = template.format(**values) if values else template
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason
        self.template = template
        self.values = values
