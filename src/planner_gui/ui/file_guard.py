"""Keeping watch over the plan file a window has open.

- Opening: a file that cannot be a plan is explained in a plain-text dialog
  naming the file and the reason (and that it was not changed); the store
  never writes to such a file.
- One writer per file: a QLockFile beside the plan (``plan.sqlite.lock``).
  A second window on the same file (in this or another process) is warned
  and offered read-only. A lock left by a crashed program is noticed as
  stale (its process is gone) and taken over.
- Changes by another process (``planner-cli update``, a second window): a QTimer
  polls PRAGMA data_version, which changes only when another connection
  commits, and asks the window to re-read the plan. Never in the middle of an
  edit: while an inline editor is open or a field is being typed in, the
  reload waits until the edit is committed or cancelled (nothing typed is lost).

The window calls :func:`install` once, :meth:`FileGuard.open_store` when
the user opens another file, and :meth:`FileGuard.release` when it closes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from planner_gui.domain.errors import PlannerError
from planner_gui.store import PlanStore

translate = QCoreApplication.translate

WATCH_INTERVAL_MS = 1000


def lock_path(plan_path: Path | str) -> Path:
    plan_path = Path(plan_path)
    return plan_path.with_name(plan_path.name + ".lock")


def _message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # file names and reasons are data, never markup
    return box


def reason_of(exc: BaseException) -> str:
    """Why a file cannot be opened, without its path (a BadFileError's text starts
    with it, and the dialogs name the file themselves: it was shown twice)."""
    return getattr(exc, "reason", None) or str(exc)


def show_bad_file(parent: QWidget | None, path: Path, exc: BaseException) -> None:
    """The dialog for a file that cannot be opened: its name, the reason, and
    that nothing was changed."""
    reason = reason_of(exc)
    box = _message_box(
        parent, QMessageBox.Icon.Critical, translate("FileGuard", "Cannot open plan file"),
        translate("FileGuard", "%1\n\ncannot be opened: %2\n\nThe file has not been changed.")
        .replace("%1", str(path)).replace("%2", reason),
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def ask_open_read_only(parent: QWidget | None, path: Path, owner: str) -> bool:
    """Warn that the file is open elsewhere; True to open it read-only."""
    box = _message_box(
        parent, QMessageBox.Icon.Warning, translate("FileGuard", "File already open"),
        translate("FileGuard", "%1\n\nis already open in another planner-gui window (%2). Two windows changing "
            "the same file could confuse each other's work.\n\nOpen it read-only?")
        .replace("%1", str(path)).replace("%2", owner),
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Yes).setText(translate("FileGuard", "Open Read-Only"))
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    return box.exec() == QMessageBox.StandardButton.Yes


def tell_read_only(parent: QWidget | None, path: Path) -> None:
    from planner_gui.store.filesystems import network_filesystem

    kind = network_filesystem(path)
    if kind is not None:  # issue 25: SQLite is not safe on a share
        text = (translate("FileGuard", "%1\n\nis on a network share (%2). SQLite cannot keep a file there safe from "
                    "two PCs writing at once, so it is open for reading only. Save a copy on this "
                    "PC's disk (File, Save a Copy As) and exchange changes with the other copies "
                    "through File, Sync.").replace("%2", kind).replace("%1", str(path)))
    else:
        text = translate("FileGuard", "%1\n\ncannot be changed (the file or its folder is read-only), so it is open for "
                   "reading only. To keep working, save a copy elsewhere (File, Back up now, or "
                   "planner-cli backup --out).").replace("%1", str(path))
    box = _message_box(parent, QMessageBox.Icon.Information, translate("FileGuard", "Read-only file"), text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


class PlanLock:
    """The QLockFile beside a plan file."""

    def __init__(self, plan_path: Path) -> None:
        self.path = lock_path(plan_path)
        self.lock = QLockFile(str(self.path))
        # Only a dead owner makes a lock stale, never its age: a window may stay open for days.
        self.lock.setStaleLockTime(0)

    def acquire(self) -> str | None:
        """None when locked (or when no lock can be made, e.g. a read-only
        folder, where the store is read-only anyway); else who holds it."""
        if self.lock.tryLock(0):
            return None
        if self.lock.error() != QLockFile.LockError.LockFailedError:
            return None  # cannot create the lock file: nothing to protect against
        info = self.lock.getLockInfo()  # PySide6 gives (pid, host, app), or a bool when unknown
        if isinstance(info, tuple) and len(info) >= 2:
            pid, host = info[-3], info[-2]
            return translate("FileGuard", "process %1 on %2").replace("%1", str(pid)).replace("%2", str(host) or "?")
        return translate("FileGuard", "another program")

    def release(self) -> None:
        if self.lock.isLocked():
            self.lock.unlock()


class FileGuard(QObject):
    """The lock and the change watcher of one window."""

    changed_elsewhere = Signal()

    def __init__(self, window: Any, interval_ms: int = WATCH_INTERVAL_MS) -> None:
        super().__init__(window)
        self.window = window
        self.lock: PlanLock | None = None
        self._watched: PlanStore | None = None
        self._version = 0
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)

    # --- opening ------------------------------------------------------------

    def guard_current(self) -> bool:
        """Lock the window's current file; if another window holds it, offer
        read-only. False when the user declined (the window should close)."""
        store: PlanStore = self.window.document.store
        lock = PlanLock(store.path)
        owner = lock.acquire()
        if owner is not None:
            if not ask_open_read_only(self.window, store.path, owner):
                return False
            try:
                read_only = PlanStore.open(store.path, read_only=True)
            except (PlannerError, sqlite3.Error, OSError) as exc:
                show_bad_file(self.window, store.path, exc)
                return False
            self.window.document.store = read_only
            self.window.reload_plan()  # every view moves to the read-only store...
            self.window.set_read_only(True)
            store.close()  # ...before the writable one goes
        else:
            self.lock = lock
            if store.read_only:
                self.window.set_read_only(True)
                tell_read_only(self.window, store.path)
        self.watch()
        return True

    def open_store(self, path: Path | str) -> PlanStore | None:
        """Open another file for this window: lock it (or offer read-only),
        explain a bad file; None when nothing was opened. On success the old
        file's lock is released; the caller swaps the store in."""
        path = Path(path)
        if self.window.document.store is not None and _same_file(self.window.document.store.path, path):
            return None
        lock = PlanLock(path)
        owner = lock.acquire() if path.exists() else None
        read_only = False
        if owner is not None:
            if not ask_open_read_only(self.window, path, owner):
                return None
            read_only = True
        try:
            store = PlanStore.open(path, read_only=read_only, daily_backup=not read_only)
        except (PlannerError, sqlite3.Error, OSError) as exc:
            lock.release()
            show_bad_file(self.window, path, exc)
            return None
        if self.lock is not None:
            self.lock.release()
        self.lock = None if read_only else lock
        if store.read_only and not read_only:
            tell_read_only(self.window, path)
        return store

    # --- watching -------------------------------------------------------------

    def watch(self) -> None:
        self._watched = self.window.document.store
        self._version = self._current_version()
        self.timer.start()

    def _current_version(self) -> int:
        try:
            return self._watched.data_version() if self._watched is not None else 0
        except sqlite3.Error:
            return self._version

    def poll(self) -> None:
        """Called by the timer: refresh the window when another process committed."""
        if self.window.document.store is not self._watched:
            self.watch()  # another file was opened: start afresh
            return
        version = self._current_version()
        if version == self._version:
            return
        if editing_in_progress(self.window):
            # A reload would remove an open editor or overwrite a field being typed in: wait
            # (the version is not taken) and reload at the first poll after it is committed
            # or cancelled, when the file holds what was typed as well.
            return
        self._version = version
        self.changed_elsewhere.emit()
        if hasattr(self.window, "reload_plan"):
            self.window.reload_plan()
        else:
            self.window.document.file_replaced()

    def release(self) -> None:
        """Stop watching and give up the lock (the window is closing)."""
        self.timer.stop()
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def editing_in_progress(window: Any) -> bool:
    """Whether the user is in the middle of an edit in ``window``: the focus in an item editor
    (the tree's inline title editor, a table cell) or in a text field whose text differs from
    what the file holds. (QAbstractItemView.state() is protected: Qt aborts when it is called
    on a view made in C++, such as a combo box's list.)"""
    if not isinstance(window, QWidget):
        return False
    focus = QApplication.focusWidget()
    if focus is None or not window.isAncestorOf(focus):
        return False
    parent = focus.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractItemView):
            return True  # an item editor (it lives in a view's viewport), e.g. the inline title
        parent = parent.parentWidget()
    shown = getattr(focus, "_shown", None)  # the committing fields of ui/editor/fields.py
    if isinstance(focus, QLineEdit):
        return focus.text() != shown if shown is not None else focus.isModified()
    if isinstance(focus, QPlainTextEdit):
        return focus.toPlainText() != shown if shown is not None else focus.document().isModified()
    return False


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def install(window: Any, interval_ms: int = WATCH_INTERVAL_MS) -> FileGuard | None:
    """Give a window its guard (once); None when the user chose not to open
    a file that another window holds (the caller closes the window)."""
    guard = getattr(window, "file_guard", None)
    if isinstance(guard, FileGuard):
        return guard
    guard = FileGuard(window, interval_ms)
    window.use_file_guard(guard)
    if not guard.guard_current():
        window.use_file_guard(None)
        return None
    return guard
