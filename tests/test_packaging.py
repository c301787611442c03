"""Desktop integration, icons and the Chinese translation are shippable.

What a user relies on: the launcher entry and software-centre metadata are
accepted by the desktop's tools, the icon exists at every size a desktop asks
for, every interface string has a Chinese translation that is actually
compiled into the shipped .qm, and a Chinese system gets a Chinese window.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools import required_tool

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"
ICONS = REPO / "resources" / "icons"
TS = REPO / "resources" / "translations" / "planner_gui_zh_CN.ts"
QM = TS.with_suffix(".qm")
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

sys.path.insert(0, str(PACKAGING))
import translations  # noqa: E402  (packaging/translations.py, not a package)


def _needs(tool: str) -> str:
    return required_tool(tool)  # a declared tool: missing fails, never skips


def test_desktop_file_validates():
    tool = _needs("desktop-file-validate")
    result = subprocess.run([tool, str(PACKAGING / "planner-gui.desktop")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()


def test_desktop_file_launches_the_program_with_our_icon():
    entries = dict(line.split("=", 1) for line in
                   (PACKAGING / "planner-gui.desktop").read_text(encoding="utf-8").splitlines()
                   if "=" in line)
    assert entries["Exec"].split()[0] == "planner-gui"
    assert entries["Icon"] == "planner-gui"
    assert entries["Name[zh_CN]"]


def test_metainfo_validates_and_names_the_desktop_file():
    tool = _needs("appstreamcli")
    metainfo = next(PACKAGING.glob("*.metainfo.xml"))
    result = subprocess.run([tool, "validate", "--no-net", str(metainfo)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    text = metainfo.read_text(encoding="utf-8")
    assert "<launchable type=\"desktop-id\">planner-gui.desktop</launchable>" in text
    assert f"<id>{metainfo.name.removesuffix('.metainfo.xml')}</id>" in text


@pytest.mark.parametrize("size", ICON_SIZES)
def test_icon_png_exists_at_size(size, qapp):
    from PySide6.QtGui import QImage

    path = ICONS / f"planner-gui-{size}.png"
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    image = QImage(str(path))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size, size)
    # Not a blank square: the centre of the clipboard is drawn and the corners are clear.
    assert image.pixelColor(size // 2, size // 2).alpha() == 255
    assert image.pixelColor(0, size - 1).alpha() < 255


def test_svg_icon_renders(qapp):
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICONS / "planner-gui.svg"))
    assert renderer.isValid()
    assert renderer.defaultSize().width() == renderer.defaultSize().height()


def test_translation_has_no_unfinished_or_empty_entries():
    assert translations.messages(TS), "the .ts holds no messages"
    assert translations.unfinished(TS) == []


def test_the_translation_holds_exactly_the_strings_lupdate_finds_in_the_code(tmp_path):
    """pyside6-lupdate alone (no scan of our own) finds every interface string,
    and the .ts keeps nothing the code no longer says."""
    _needs("pyside6-lupdate")
    fresh = tmp_path / "fresh_zh_CN.ts"
    translations.lupdate(fresh)
    found, kept = translations.source_keys(fresh), translations.source_keys(TS)
    missing, stale = found - kept, kept - found
    assert not missing, ("strings not in the .ts; run `python packaging/translations.py update`, "
                         "translate them in Linguist, then `all`: "
                         + "; ".join(f"[{c}] {s!r}" for c, s in sorted(missing)))
    assert not stale, "entries the code no longer has: " + "; ".join(f"[{c}] {s!r}" for c, s in sorted(stale))


def test_compiled_catalogue_is_up_to_date_with_the_ts(tmp_path):
    _needs("pyside6-lrelease")
    fresh = tmp_path / "fresh.qm"
    translations.lrelease(TS, fresh)
    assert fresh.read_bytes() == QM.read_bytes(), "the .qm is stale; run `make qm`"


def test_translator_gives_chinese_under_chinese_locale(qapp):
    from PySide6.QtCore import QCoreApplication, QLocale

    from planner_gui.ui import i18n

    try:
        language = i18n.install_translator(qapp, system_locale=QLocale("zh_CN"))
        assert language == "zh_CN"
        assert QCoreApplication.translate("LanguageMenu", "Follow the system") == "跟随系统"
        # Qt's own catalogue is loaded too, so standard dialog buttons are Chinese.
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        assert QLocale().language() == QLocale.Language.Chinese

        assert i18n.install_translator(qapp, system_locale=QLocale("en_GB")) == "en"
        assert QCoreApplication.translate("LanguageMenu", "Follow the system") == "Follow the system"
    finally:
        i18n.install_translator(qapp, choice="en")


def test_remembered_choice_overrides_the_system_locale(qapp):
    from PySide6.QtCore import QCoreApplication, QLocale

    from planner_gui.ui import i18n

    try:
        i18n.save_choice("zh_CN")
        assert i18n.install_translator(qapp, system_locale=QLocale("en_US")) == "zh_CN"
        assert QCoreApplication.translate("LanguageMenu", "Language") == "语言"
        i18n.save_choice("en")
        assert i18n.install_translator(qapp, system_locale=QLocale("zh_CN")) == "en"
    finally:
        i18n.save_choice("system")
        i18n.install_translator(qapp, choice="en")


def test_chinese_environment_gives_chinese_interface(tmp_path):
    """A fresh process with LANG=zh_CN.UTF-8 (as on a Chinese desktop) starts in Chinese."""
    script = (
        "from PySide6.QtWidgets import QApplication\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from planner_gui.ui.i18n import install_translator\n"
        "app = QApplication([])\n"
        "print(install_translator(app))\n"
        "print(QCoreApplication.translate('LanguageMenu', '&Language'))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        env.pop(variable, None)
    for lang, expected in (("zh_CN.UTF-8", ["zh_CN", "语言(&L)"]),
                           ("en_US.UTF-8", ["en", "&Language"])):
        env["LANG"] = lang
        result = subprocess.run([sys.executable, "-c", script], env=env,
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        assert result.stdout.split() == expected


def test_language_menu_remembers_the_choice_and_says_when_it_applies(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMainWindow, QMessageBox

    from planner_gui.ui import i18n

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = i18n.language_menu(window)
    actions = {a.data(): a for a in menu.actions()}
    assert set(actions) == {"system", "zh_CN", "en"}
    assert actions["system"].isChecked()
    assert actions["zh_CN"].text() == "中文"

    actions["zh_CN"].trigger()
    assert i18n.saved_choice() == "zh_CN"
    assert actions["zh_CN"].isChecked() and not actions["system"].isChecked()
    assert len(shown) == 1 and "next time" in shown[0]

    i18n.save_choice("system")


def test_self_check_opens_a_copy_of_the_bundled_plan_and_writes_a_pdf(qapp, capsys, tmp_path):
    import argparse

    from planner_gui.ui.self_check import run_self_check

    assert run_self_check(argparse.Namespace(db=None)) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.startswith("self-check ok "))
    pdf = Path(line.removeprefix("self-check ok "))
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
    assert "menus: " in out
    # The user's data folder was not used.
    data = Path(os.environ["PLANNER_GUI_DATA_DIR"])
    assert not data.exists() or not any(data.iterdir())


def test_self_check_fails_with_a_message_naming_a_damaged_file(qapp, capsys, tmp_path):
    import argparse

    from planner_gui.ui.self_check import run_self_check

    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"this is not a plan file" * 100)
    assert run_self_check(argparse.Namespace(db=damaged)) == 1
    out = capsys.readouterr().out
    assert out.startswith("self-check failed") or "\nself-check failed" in out
    assert "damaged.sqlite" in out
    assert damaged.read_bytes() == b"this is not a plan file" * 100


def _translation_wrappers(source: str) -> list[str]:
    """Functions that pass one of their parameters as the text of a translate()
    call: lupdate cannot see the strings given to them."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef) or node.name == "translate":
            continue
        parameters = {a.arg for a in node.args.args}
        for inner in ast.walk(node):
            if (isinstance(inner, ast.Call) and len(inner.args) >= 2
                    and getattr(inner.func, "attr", getattr(inner.func, "id", "")) == "translate"
                    and isinstance(inner.args[1], ast.Name) and inner.args[1].id in parameters):
                found.append(f"{node.name}() line {node.lineno}")
    return found


def test_the_wrapper_check_sees_a_helper_lupdate_cannot_read():
    helper = 'def _tr(text):\n    return QCoreApplication.translate("Menus", text)\n'
    direct = 'def label():\n    return translate("Menus", "&File")\n'
    assert _translation_wrappers(helper) == ["_tr() line 1"]
    assert _translation_wrappers(direct) == []


def test_no_module_hides_its_strings_from_lupdate_behind_a_helper():
    # argparse's gettext hook is the one exception: argparse, not our code, passes the words.
    allowed = {("cli/words.py", "_argparse_words() line")}
    problems = []
    for path in sorted((REPO / "src" / "planner_gui").rglob("*.py")):
        relative = path.relative_to(REPO / "src" / "planner_gui").as_posix()
        for where in _translation_wrappers(path.read_text(encoding="utf-8")):
            if (relative, where.rsplit(" ", 1)[0]) not in allowed:
                problems.append(f"{relative}: {where}")
    assert not problems, problems


def test_translations_keep_placeholders_and_accelerators():
    """A lost %s or {0} would crash or drop data at run time; a lost & loses the Alt key."""
    import re

    placeholder = re.compile(r"%%|%[sdn]|%\d|\{\d*\}")
    problems = []
    for context, message in translations.messages(TS):
        source = message.findtext("source") or ""
        element = message.find("translation")
        forms = [f.text or "" for f in element.iter("numerusform")] or [element.text or ""]
        for text in forms:
            if sorted(placeholder.findall(source)) != sorted(placeholder.findall(text)):
                problems.append(f"[{context}] {source!r} -> {text!r}: placeholders differ")
            if re.search(r"&\w", source) and not re.search(r"&\w", text):
                problems.append(f"[{context}] {source!r} -> {text!r}: accelerator lost")
    assert not problems, "\n".join(problems)


def _visible_texts(window) -> list[tuple[str, str]]:
    """(where, text) for every interface text a user sees in the window and its menus."""
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QMenu,
        QTableView,
        QTabWidget,
        QTreeView,
        QWidget,
    )

    texts: list[tuple[str, str]] = []

    def walk_menu(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            texts.append((f"menu {path}", action.text()))
            if action.statusTip():
                texts.append((f"status tip {path}", action.statusTip()))
            if action.menu() is not None:
                walk_menu(action.menu(), f"{path} > {action.text()}")

    texts.append(("window title", window.windowTitle()))
    menu_bar = window.menuBar() if hasattr(window, "menuBar") else None
    for action in menu_bar.actions() if menu_bar is not None else []:
        texts.append(("menu bar", action.text()))
        if action.menu() is not None:
            walk_menu(action.menu(), action.text())
    for widget in window.findChildren(QWidget):
        if widget.toolTip():
            texts.append((f"tooltip of {type(widget).__name__}", widget.toolTip()))
        if widget.accessibleName():  # read out by screen readers
            texts.append((f"accessible name of {type(widget).__name__}", widget.accessibleName()))
    for label in window.findChildren(QLabel):
        texts.append(("label", label.text()))
    for button in window.findChildren(QAbstractButton):
        texts.append(("button", button.text()))
    for box in window.findChildren(QGroupBox):
        texts.append(("group", box.title()))
    for edit in window.findChildren(QLineEdit):
        texts.append(("placeholder", edit.placeholderText()))
    for tabs in window.findChildren(QTabWidget):
        texts.extend(("tab", tabs.tabText(i)) for i in range(tabs.count()))
    for combo in window.findChildren(QComboBox):
        if not combo.isEditable():
            texts.extend(("combo", combo.itemText(i)) for i in range(min(combo.count(), 3)))
    for view in window.findChildren(QTableView) + window.findChildren(QTreeView):
        model = view.model()
        if model is None:
            continue
        for column in range(model.columnCount(QModelIndex())):
            texts.append(("column header", str(model.headerData(
                column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")))
    return texts


def test_chinese_window_shows_no_english_interface_text(qtbot, qapp, bundled_store, tmp_path):
    """Every menu, label, button, tab, placeholder and column header is translated."""
    from planner_gui.ui import i18n

    try:
        assert i18n.install_translator(qapp, choice="zh_CN") == "zh_CN"
        window = _chinese_window(qtbot, bundled_store, tmp_path)
        # The plan, area and task pages of the detail panel each have their own texts.
        window.detail.show_plan()
        seen = set(_visible_texts(window))
        for item_id in (bundled_store.load_plan().areas[0].id, window.visible_task_ids()[0]):
            assert window.select_item(item_id)
            seen.update(_visible_texts(window))
            english = _english(seen)
    finally:
        i18n.install_translator(qapp, choice="en")
    assert not english, "\n".join(f"{where}: {text!r}" for where, text in english)


def _chinese_window(qtbot, store, tmp_path):
    from PySide6.QtCore import QSettings

    from planner_gui.ui.main_window import MainWindow
    from planner_gui.ui.settings import AppSettings

    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(store, settings=settings)
    qtbot.addWidget(window)
    window.show()
    return window


def _english(texts) -> list[tuple[str, str]]:
    """The texts that still hold English words (3+ Latin letters), apart from names."""
    import re

    # Names and formats that stay as they are in a Chinese interface.
    allowed = re.compile(r"English|planner-gui|planner|JSON|Excel|CSV|PDF|Python|PySide6|"
                         r"txt|xlsx|xlsm|sqlite|bak|Ctrl|Shift|Alt|Del|PgUp|PgDown|Enter|Return|Esc|Tab|F\d+")
    paths = re.compile(r"\S*[/\\]\S*|\S+\.(?:xlsx|sqlite|txt|json|pdf)\b")  # file names are data
    return sorted((where, text) for where, text in set(texts)
                  if re.search(r"[A-Za-z]{3,}", allowed.sub("", paths.sub("", text))))


def test_chinese_dialogs_show_no_english_interface_text(qtbot, qapp, bundled_store, tmp_path,
                                                        monkeypatch):
    """Export summary, ledger import preview, report-form messages, restore and text import."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    from planner_gui.ui import i18n
    from planner_gui.ui.dialogs import backups, export_summary, ledger, text_import

    seen: list[tuple[str, str]] = []

    def record(dialog) -> int:
        seen.extend((f"{type(dialog).__name__}: {where}", text)
                    for where, text in _visible_texts(dialog))
        return 0  # rejected: nothing is changed

    monkeypatch.setattr(QDialog, "exec", record)
    monkeypatch.setattr(QMessageBox, "exec", record)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("", False))
    try:
        assert i18n.install_translator(qapp, choice="zh_CN") == "zh_CN"
        window = _chinese_window(qtbot, bundled_store, tmp_path)
        export_summary.open_dialog(window.document, window)
        ledger_file = ledger.open_export_dialog(window.document, window, target=tmp_path / "ledger.xlsx")
        ledger.open_import_dialog(window.document, window, source=ledger_file)
        ledger.open_export_forms_dialog(window.document, window, folder=tmp_path / "forms", by="unit")
        backups.back_up_now(window.document, window)
        backups.open_restore_dialog(window.document, window)
        text_import.open_dialog(window.document, window)
        english = _english(seen)
    finally:
        i18n.install_translator(qapp, choice="en")
    kinds = {where.split(":")[0] for where, _ in seen}
    assert {"ExportSummaryDialog", "RestoreDialog"} <= kinds, kinds
    assert not english, "\n".join(f"{where}: {text!r}" for where, text in english)


@pytest.mark.parametrize("name, images", [("planner-gui.ico", 7), ("planner-gui.icns", 6)])
def test_windows_and_mac_icons_hold_every_size(name, images, qapp):
    from PySide6.QtGui import QImageReader

    reader = QImageReader(str(ICONS / name))
    assert reader.imageCount() == images
    sizes = set()
    for index in range(images):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), f"{name} image {index}"
        sizes.add(image.width())
    assert {16, 32, 256} <= sizes


def test_missing_catalogue_falls_back_to_english_instead_of_failing(qapp, monkeypatch, tmp_path):
    from PySide6.QtCore import QCoreApplication, QLocale

    from planner_gui.ui import i18n

    monkeypatch.setattr(i18n, "catalogue_path", lambda language="zh_CN": tmp_path / "gone.qm")
    try:
        assert i18n.install_translator(qapp, system_locale=QLocale("zh_CN")) == "en"
        assert i18n.current_language() == "en"
        assert QCoreApplication.translate("Menus", "&File") == "&File"
        assert QLocale().language() == QLocale.Language.English
    finally:
        monkeypatch.undo()
        i18n.install_translator(qapp, choice="en")


def test_dates_and_numbers_follow_the_system_locale_when_it_speaks_the_language(qapp):
    from PySide6.QtCore import QLocale

    from planner_gui.ui import i18n

    try:
        i18n.install_translator(qapp, system_locale=QLocale("en_GB"))
        assert QLocale().name() == "en_GB"
        i18n.install_translator(qapp, choice="en", system_locale=QLocale("zh_CN"))
        assert QLocale().name() == "en_US"
        i18n.install_translator(qapp, choice="zh_CN", system_locale=QLocale("de_DE"))
        assert QLocale().name() == "zh_CN"
        assert QLocale().toString(1234.5, "f", 1) == "1,234.5"
    finally:
        i18n.install_translator(qapp, choice="en")
