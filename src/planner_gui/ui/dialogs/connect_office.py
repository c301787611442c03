"""File > Connect to Office…: this window's copy joins the office's live server.

While connected, every change committed to the file becomes a Y transaction
right after its commit (through the store's commit hook) and goes to the
office; changes from the office and the other connected copies are written
into this file (sync.live.LiveTables) and the window re-reads the plan.
When the office is away the window keeps working on its own file and the
connection is tried again every half second; on reconnecting the two sides
exchange what the other lacks. Opening another file in the window ends the
connection (MainWindow.file_opened): it was the old file's copy's, and the
office would otherwise take the new file's changes for that copy's.
"""

from __future__ import annotations

import contextlib
from typing import Protocol

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QInputDialog, QLineEdit

from planner_gui.domain.errors import PlannerError
from planner_gui.sync.live import LiveClient, LiveTables
from planner_gui.sync.ydoc import PlanDoc
from planner_gui.ui.dialogs.parent import DialogParent
from planner_gui.ui.dialogs.sync_exchange import ensure_owner
from planner_gui.ui.document import PlanDocument

translate = QCoreApplication.translate

RELOAD_DELAY_MS = 100  # changes arriving together are shown with one re-read
# What sync.live says, for the translation (other reasons are shown as they are).
REASONS = {
    "the office refused the token": QT_TRANSLATE_NOOP("ConnectOffice", "the office refused the token"),
    "the office serves another plan": QT_TRANSLATE_NOOP("ConnectOffice", "the office serves another plan"),
    "the connection to the office was closed": QT_TRANSLATE_NOOP("ConnectOffice", "the connection to the office was closed"),
}


class Parent(DialogParent, Protocol):
    """The window's side of a live connection: besides the dialogs' own, the slot
    the connection is kept in, the signal that another file was opened (which
    ends it), and the window's events (its closing ends it too).
    (Named here, not imported: this module is below main_window.py.)"""

    live_session: LiveSession | None
    file_opened: SignalInstance

    def installEventFilter(self, watcher: QObject) -> None: ...  # noqa: N802 - Qt's name
    def removeEventFilter(self, watcher: QObject) -> None: ...  # noqa: N802 - Qt's name


class LiveSession(QObject):
    """One window's live connection."""

    update_received = Signal(bytes)
    status_changed = Signal(str, bool)

    def __init__(self, document: PlanDocument, parent: Parent, url: str, token: str, who: str) -> None:
        super().__init__(parent)  # the window
        self.document, self.parent_ = document, parent
        self.store = document.store
        self.connected = False
        self.stopped = False
        self.status = ""
        self.doc = PlanDoc.load(self.store.db)
        self.tables = LiveTables(self.store, self.doc, who)
        self.tables.flush_local()
        self.client = LiveClient(url, self.store.plan_info().id, token,
                                 on_update=self.update_received.emit,
                                 on_status=self.status_changed.emit)
        # queued: the client's thread emits, this (the window's) thread handles
        self.update_received.connect(self._remote_update)
        self.status_changed.connect(self._status)
        self._reload = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._reload.timeout.connect(self._show_remote)
        self._flush = QTimer(self, singleShot=True, interval=0)
        self._flush.timeout.connect(self._send_local)
        self.store.db.commit_hooks.append(self._committed)
        parent.installEventFilter(self)
        parent.file_opened.connect(self._file_opened)
        self.client.start(self.doc.update_since(None))

    def _committed(self, _db) -> None:
        # inside the store's transaction: the Y transaction is made just after the commit
        if not self.tables._local:
            self._flush.start()

    def _file_opened(self) -> None:
        """The window opened another file: this connection was that file's
        copy's, so it ends (what the old file changed is in its own log and
        goes at its next connection or export)."""
        if self.document.store is self.store:
            return
        self.stop()
        if self.parent_.live_session is self:
            self.parent_.live_session = None
        self.parent_.statusBar().showMessage(
            translate("ConnectOffice", "Disconnected from the office: another file was opened"))

    def _send_local(self) -> None:
        if self.document.store is not self.store:
            return  # the window has opened another file
        try:
            update = self.tables.flush_local()
        except PlannerError as exc:
            self.parent_.show_error(translate("ConnectOffice", "Live sync"), str(exc))
            return
        if update is not None:
            self.client.send(update)

    def _remote_update(self, update: bytes) -> None:
        if self.document.store is not self.store:
            return  # the window has opened another file
        self.doc.doc.apply_update(update)
        if self.tables.pending:
            self._reload.start()

    def _show_remote(self) -> None:
        if self.document.store is not self.store:
            return
        try:
            changed = self.tables.commit_remote()
        except PlannerError as exc:
            self.parent_.show_error(translate("ConnectOffice", "Live sync"), str(exc))
            return
        if changed:
            self.parent_.reload_plan()

    def _status(self, text: str, connected: bool) -> None:
        if self.stopped:
            return  # a last word from the client's thread after the window let go
        self.connected, self.status = connected, text
        message = translate("ConnectOffice", "Connected to the office") if connected else (
            translate("ConnectOffice", "Working on this copy; the office is not connected (%s)")
            % (translate("ConnectOffice", REASONS[text]) if text in REASONS else text))
        self.parent_.statusBar().showMessage(message)

    def stop(self) -> None:
        self.stopped, self.connected = True, False
        if shiboken6.isValid(self.parent_):
            self.parent_.removeEventFilter(self)
            with contextlib.suppress(RuntimeError, TypeError):  # not connected (a test's parent)
                self.parent_.file_opened.disconnect(self._file_opened)
        if self._committed in self.store.db.commit_hooks:
            self.store.db.commit_hooks.remove(self._committed)
        self.client.stop()
        self._reload.stop()
        self._flush.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.parent_ and isinstance(event, QCloseEvent):
            self.stop()
        return False


def open_dialog(document: PlanDocument, parent: Parent, url: str | None = None,
                token: str | None = None) -> LiveSession | None:
    """Ask for the office's address and token, then connect (or, when connected, disconnect)."""
    current = parent.live_session
    if current is not None:
        current.stop()
        parent.live_session = None
        parent.statusBar().showMessage(translate("ConnectOffice", "Disconnected from the office"), 5000)
        return None
    if document.read_only:
        parent.show_error(translate("ConnectOffice", "Live sync"), translate("ConnectOffice", "The plan file is open read-only."))
        return None
    who = ensure_owner(document, parent)
    if who is None:
        return None
    if url is None:
        url, ok = QInputDialog.getText(parent, translate("ConnectOffice", "Connect to office"),
                                       translate("ConnectOffice", "The office's address (ws://host:port):"),
                                       QLineEdit.EchoMode.Normal, "ws://")
        if not ok or not url.strip():
            return None
    if token is None:
        token, ok = QInputDialog.getText(parent, translate("ConnectOffice", "Connect to office"),
                                         translate("ConnectOffice", "The token the office gave you:"),
                                         QLineEdit.EchoMode.Password)
        if not ok:
            return None
    url = url.strip()
    if not url.startswith(("ws://", "wss://")):
        parent.show_error(translate("ConnectOffice", "Live sync"), translate("ConnectOffice", "%s is not an address of the form ws://host:port") % url)
        return None
    session = LiveSession(document, parent, url, token.strip(), who)
    parent.live_session = session
    return session
