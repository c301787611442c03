"""Undo commands whose errors reach the window instead of being lost in Qt.

QUndoStack calls redo()/undo() from C++. An exception raised there is printed
by PySide and, for exception classes it cannot rebuild (a PlannerError with
its own constructor), swallowed: the command would then sit on the stack as
if it had worked. :class:`GuardedCommand` catches the error inside the call,
keeps it for the window, and marks a failed first redo obsolete so that
QUndoStack drops it instead of adding it.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand


class GuardedCommand(QUndoCommand):
    def __init__(self, inner: QUndoCommand, errors: list[BaseException]) -> None:
        super().__init__(inner.text())
        self.inner = inner
        self.errors = errors  # owned by the caller: this object may be deleted by the stack

    def redo(self) -> None:
        try:
            self.inner.redo()
        except Exception as exc:  # noqa: BLE001  (reported by the window, never lost)
            self.errors.append(exc)
            self.setObsolete(True)
            return
        self.setText(self.inner.text())

    def undo(self) -> None:
        try:
            self.inner.undo()
        except Exception as exc:  # noqa: BLE001
            self.errors.append(exc)

    def id(self) -> int:  # noqa: A003 - Qt API
        return self.inner.id()

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        # ``other`` has run; merging keeps only this command on the stack (ui/commands.NAMING)
        if self.inner.mergeWith(getattr(other, "inner", other)):
            self.setText(self.inner.text())
            return True
        return False
