"""Interface language: Simplified Chinese or English.

The language follows the system locale (any ``zh*`` locale gives Chinese),
unless the user chose one under View > Language; that choice is remembered in
QSettings under ``view/language`` and applied at the next start (the window's
strings are built once, in the constructors, so switching live would need
every widget to re-translate itself).

Besides our own catalogue (resources/translations/planner_gui_zh_CN.qm) the
Qt catalogue ``qtbase_zh_CN.qm`` is loaded, so standard dialogs (file chooser,
message box buttons, undo/redo texts) speak Chinese too.

The default QLocale follows the system locale when that speaks the interface
language (en_GB, zh_TW), else the language's usual country (en_US, zh_CN), so
dates and numbers formatted with QLocale() match the interface.

The .qm is committed next to the .ts (see packaging/README.md): a pip install
or a bundle then needs no Qt tools, and tests/test_packaging.py checks the
.qm is up to date with the .ts.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from planner_gui.resources_path import resource_path

LANGUAGE_KEY = "view/language"
SYSTEM = "system"
CHINESE = "zh_CN"
ENGLISH = "en"
CHOICES = (SYSTEM, CHINESE, ENGLISH)
CATALOGUE = "planner_gui"

# Language names are written in their own language, so a user who cannot read
# the current interface still finds theirs.
NATIVE_NAMES = {CHINESE: "中文", ENGLISH: "English"}

_installed: list[QTranslator] = []
_current = ENGLISH

# Strings of Qt's own file dialog that Qt 6 changed and qtbase_zh_CN.qm does
# not have yet: the dialog said "Look in:" and "Files of type:" in English.
# Our catalogue carries them (under Qt's own contexts); qtbase is asked first.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def translations_dir() -> Path:
    return resource_path("translations")


def catalogue_path(language: str = CHINESE) -> Path:
    return translations_dir() / f"{CATALOGUE}_{language}.qm"


def saved_choice(settings: QSettings | None = None) -> str:
    """The user's choice under View > Language: "system", "zh_CN" or "en"."""
    value = str((settings or QSettings()).value(LANGUAGE_KEY, SYSTEM) or SYSTEM)
    return value if value in CHOICES else SYSTEM


def save_choice(choice: str, settings: QSettings | None = None) -> None:
    if choice not in CHOICES:
        raise ValueError(f"unknown language choice {choice!r}")
    settings = settings or QSettings()
    settings.setValue(LANGUAGE_KEY, choice)
    settings.sync()


def resolve_language(choice: str, system_locale: QLocale | None = None) -> str:
    """The language to show: "zh_CN" or "en"."""
    if choice in (CHINESE, ENGLISH):
        return choice
    locale = system_locale or QLocale.system()
    # uiLanguages() honours LANGUAGE/LC_MESSAGES on Linux and the display
    # language on Windows/macOS; name() is the fallback.
    names = [*locale.uiLanguages(), locale.name()]
    first = names[0] if names else ""
    return CHINESE if first.lower().replace("-", "_").startswith("zh") else ENGLISH


def current_language() -> str:
    """The interface language installed by install_translator(): "zh_CN" or "en".

    Dialogs use it as the default language of an exported summary or ledger,
    which the user may still change there.
    """
    return _current


def document_language() -> str:
    """"zh" or "en": the language of the document words (statuses, dates in words,
    field names) shown in the window; the one place that maps the interface
    language to it."""
    return "zh" if current_language().startswith("zh") else "en"


def install_translator(app: QCoreApplication, choice: str | None = None,
                       system_locale: QLocale | None = None) -> str:
    """Load the translations for the chosen (or remembered, or system) language.

    Returns the language now in use, "zh_CN" or "en". Calling it again replaces
    the translators installed before.
    """
    global _current
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()

    language = resolve_language(saved_choice() if choice is None else choice, system_locale)
    ours = QTranslator(app)
    if language != ENGLISH and not ours.load(str(catalogue_path(language))):
        # Keep working in English source strings rather than failing to start.
        language = ENGLISH
    _current = language
    QLocale.setDefault(_formats_locale(language, system_locale or QLocale.system()))
    if language == ENGLISH:
        return language
    app.installTranslator(ours)
    _installed.append(ours)
    for folder in _qt_translation_dirs():
        qt_base = QTranslator(app)
        if qt_base.load(f"qtbase_{language}", str(folder)):
            app.installTranslator(qt_base)
            _installed.append(qt_base)
            break
    return language


def _formats_locale(language: str, system: QLocale) -> QLocale:
    """Dates and numbers follow the system locale when it speaks the interface
    language (en_GB keeps day/month, zh_TW keeps its own), else the language's
    usual country."""
    system_is_chinese = system.language() == QLocale.Language.Chinese
    if (language == CHINESE) == system_is_chinese:
        return system
    if language == CHINESE:
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def _qt_translation_dirs() -> list[Path]:
    """Where Qt's own .qm files are: Qt's configured path, then the PySide6 wheel's."""
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    try:
        import PySide6

        folders.append(Path(PySide6.__file__).parent / "Qt" / "translations")
    except (ImportError, TypeError):  # frozen without a file path
        pass
    return [folder for folder in folders if folder.is_dir()]


class _LanguageMenu(QMenu):
    """View > Language: System / 中文 / English, exclusive, remembered."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(QCoreApplication.translate("LanguageMenu", "&Language"), parent)
        self.setObjectName("languageMenu")
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        labels = {
            SYSTEM: QCoreApplication.translate("LanguageMenu", "Follow the system"),
            **NATIVE_NAMES,
        }
        chosen = saved_choice()
        for choice in CHOICES:
            action = QAction(labels[choice], self)
            action.setCheckable(True)
            action.setChecked(choice == chosen)
            action.setData(choice)
            action.setObjectName(f"language_{choice}")
            self._group.addAction(action)
            self.addAction(action)
        self._group.triggered.connect(self._chosen)

    def _chosen(self, action: QAction) -> None:
        choice = str(action.data())
        if choice == saved_choice():
            return
        save_choice(choice)
        if resolve_language(choice) == current_language():
            return
        box = QMessageBox(self.parentWidget())
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(QCoreApplication.translate("LanguageMenu", "Language"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        # Both languages: the user may not read the one still on screen.
        box.setText(QCoreApplication.translate(
            "LanguageMenu", "The new language is used the next time planner-gui starts.")
            + "\n" + ("界面语言将在下次启动时生效。" if current_language() == ENGLISH
                      else "The new language is used the next time planner-gui starts."))
        box.exec()


def language_menu(window: QWidget) -> QMenu:
    """The View > Language submenu; the main window adds it to its View menu."""
    return _LanguageMenu(window)
