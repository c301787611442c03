"""Desktop integration, icons and the Chinese translation are shippable.

What a user relies on: the launcher entry and software-centre metadata are
accepted by the desktop's tools, the icon exists at every size a desktop asks
for, every interface string has a Chinese translation that is actually
compiled into the shipped .qm, and a Chinese system gets a Chinese window.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"
ICONS = REPO / "resources" / "icons"
TS = REPO / "resources" / "translations" / "planner_gui_zh_CN.ts"
QM = TS.with_suffix(".qm")
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

sys.path.insert(0, str(PACKAGING))
import translations  # noqa: E402  (packaging/translations.py, not a package)


def _needs(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed")
    return path


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


def test_every_interface_string_in_the_code_is_in_the_translation(tmp_path):
    _needs("pyside6-lupdate")
    fresh = tmp_path / "fresh_zh_CN.ts"
    translations.lupdate(fresh)
    missing = translations.source_keys(fresh) - translations.source_keys(TS)
    assert not missing, ("strings not in the .ts; run `make translations qm`: "
                         + "; ".join(f"[{c}] {s!r}" for c, s in sorted(missing)))


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
