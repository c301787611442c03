"""A wait cursor and a status message around work that blocks the window for a moment."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow


@contextlib.contextmanager
def busy(window: QMainWindow, message: str) -> Iterator[None]:
    """Say what is being done and show the wait cursor until the block ends
    (an Excel ledger of a city's plan takes a few seconds to write)."""
    window.statusBar().showMessage(message)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    # Paint the message now; processing events here instead would let clicks
    # and timers run in the middle of the export.
    window.statusBar().repaint()
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
        window.statusBar().clearMessage()
