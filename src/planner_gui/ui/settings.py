"""Every QSettings key the window uses, declared once with its type and default.

QSettings stores values as text in an INI file on Linux, so a value read
back may be a string where a bool or list was written; :class:`AppSettings`
converts to the declared type, and anything unreadable falls back to the
default instead of breaking start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

MAX_RECENT_FILES = 8
MAX_AS_OF_FILES = 50


@dataclass(frozen=True)
class Key:
    name: str
    type: type
    default: Any


class Keys:
    WINDOW_GEOMETRY = Key("window/geometry", QByteArray, QByteArray())
    WINDOW_STATE = Key("window/state", QByteArray, QByteArray())
    SPLITTER = Key("window/splitter", QByteArray, QByteArray())
    TREE_HEADER = Key("tree/header", QByteArray, QByteArray())
    SHOW_CHART = Key("view/show_chart", bool, True)
    RECENT_FILES = Key("files/recent", list, [])
    LAST_FILE = Key("files/last", str, "")
    LAST_FOLDER = Key("files/last_folder", str, "")
    # "path<TAB>yyyy-mm-dd" per file: the as-of date each file was last looked at
    AS_OF_DATES = Key("files/as_of", list, [])
    # where the user last chose a file to save, export or import (never the data folder)
    WORK_FOLDER = Key("files/work_folder", str, "")


class AppSettings:
    """Typed access to the application's QSettings (organisation "planner-gui")."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings or QSettings()

    def value(self, key: Key) -> Any:
        raw = self.qsettings.value(key.name, None)
        if raw is None:
            return key.default
        try:
            return _convert(raw, key)
        except (TypeError, ValueError):
            return key.default

    def set_value(self, key: Key, value: Any) -> None:
        self.qsettings.setValue(key.name, value)

    # --- recent files ---------------------------------------------------

    def recent_files(self) -> list[str]:
        return [p for p in self.value(Keys.RECENT_FILES) if p][:MAX_RECENT_FILES]

    def add_recent_file(self, path: Path | str) -> list[str]:
        """Put ``path`` first in the recent list and remember it as the last file."""
        text = str(Path(path).resolve())
        files = [text, *(p for p in self.recent_files() if p != text)][:MAX_RECENT_FILES]
        self.set_value(Keys.RECENT_FILES, files)
        self.set_value(Keys.LAST_FILE, text)
        self.set_value(Keys.LAST_FOLDER, str(Path(text).parent))
        return files

    # --- the as-of date of each file ----------------------------------------

    def as_of_for(self, path: Path | str) -> date | None:
        """The as-of date last used with this file, None if none (or unreadable)."""
        text = str(Path(path).resolve())
        for entry in self.value(Keys.AS_OF_DATES):
            name, _, day = str(entry).rpartition("\t")
            if name == text:
                try:
                    return date.fromisoformat(day)
                except ValueError:
                    return None
        return None

    def remember_as_of(self, path: Path | str, day: date) -> None:
        text = str(Path(path).resolve())
        kept = [e for e in self.value(Keys.AS_OF_DATES) if str(e).rpartition("\t")[0] != text]
        self.set_value(Keys.AS_OF_DATES, [f"{text}\t{day.isoformat()}", *kept][:MAX_AS_OF_FILES])

    # --- where file dialogs open -------------------------------------------

    def work_folder(self) -> Path:
        """Where save, export and import dialogs open: the folder last used in
        one of them, else the user's documents folder (else home). Never the
        application-data folder, which is hidden and where a clerk would never
        find an exported summary again."""
        from planner_gui.paths import data_dir

        hidden = data_dir().resolve()
        last = self.value(Keys.WORK_FOLDER)
        if last and Path(last).is_dir():
            folder = Path(last).resolve()
            if folder != hidden and hidden not in folder.parents:
                return folder
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def remember_folder(self, chosen: Path | str) -> None:
        """Remember the folder of a file (or a folder) the user chose in a file dialog."""
        path = Path(chosen)
        self.set_value(Keys.WORK_FOLDER, str(path if path.is_dir() else path.parent))

    def clear_recent_files(self) -> None:
        self.set_value(Keys.RECENT_FILES, [])

    def sync(self) -> None:
        self.qsettings.sync()


def _convert(raw: Any, key: Key) -> Any:
    if key.type is bool:
        if isinstance(raw, str):
            return raw.strip().lower() in ("1", "true", "yes")
        return bool(raw)
    if key.type is list:
        if isinstance(raw, str):
            return [raw] if raw else []
        return [str(item) for item in raw]
    if key.type is QByteArray:
        return raw if isinstance(raw, QByteArray) else QByteArray(raw)
    return key.type(raw)


class RemembersLayout:
    """Mixin for the main window: saves and restores geometry, toolbar state,
    splitter sizes and tree column widths."""

    def save_layout(self, settings: AppSettings, splitter: QSplitter, header: QHeaderView) -> None:
        window: QMainWindow = self  # type: ignore[assignment]
        settings.set_value(Keys.WINDOW_GEOMETRY, window.saveGeometry())
        settings.set_value(Keys.WINDOW_STATE, window.saveState())
        settings.set_value(Keys.SPLITTER, splitter.saveState())
        settings.set_value(Keys.TREE_HEADER, header.saveState())

    def restore_layout(self, settings: AppSettings, splitter: QSplitter, header: QHeaderView) -> bool:
        """Returns False when nothing was saved yet (first start: use defaults)."""
        window: QMainWindow = self  # type: ignore[assignment]
        geometry = settings.value(Keys.WINDOW_GEOMETRY)
        if geometry.isEmpty():
            return False
        window.restoreGeometry(geometry)
        window.restoreState(settings.value(Keys.WINDOW_STATE))
        splitter.restoreState(settings.value(Keys.SPLITTER))
        header.restoreState(settings.value(Keys.TREE_HEADER))
        return True
