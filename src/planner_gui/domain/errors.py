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


class ValidationError(PlannerError):
    """A field value that breaks a rule (progress outside 0..100, ...)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason
