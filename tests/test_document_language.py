"""Issue 21: the window's document words (statuses, dates in words, field names)
follow the interface language through one function, ui.i18n.document_language;
there were three rules (the main window's, the editor's reading QLocale, the
dialogs'), which could disagree when the formats locale differs from the language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from planner_gui.domain.progress import Status
from planner_gui.ui import i18n
from planner_gui.ui.editor.fields import status_text

SRC = Path(__file__).resolve().parents[1] / "src" / "planner_gui"


@pytest.mark.parametrize(("choice", "expected"), [("zh_CN", "zh"), ("en", "en")])
def test_status_words_follow_the_interface_language(qapp, choice, expected):
    try:
        assert i18n.install_translator(qapp, choice=choice) == choice
        assert i18n.document_language() == expected
        assert status_text(Status.RED) == ("逾期" if expected == "zh" else "Overdue")
    finally:
        i18n.install_translator(qapp, choice="en")


def test_a_chinese_formats_locale_does_not_turn_english_words_chinese(qapp):
    try:
        assert i18n.install_translator(qapp, choice="en") == "en"
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        assert status_text(Status.RED) == "Overdue"
    finally:
        i18n.install_translator(qapp, choice="en")


def test_no_other_module_maps_the_interface_language_to_document_words():
    rule = re.compile(r'"zh" if .*(current_language\(|QLocale)')
    found = [f"{p.relative_to(SRC)}:{n}" for p in SRC.rglob("*.py") if p.name != "i18n.py"
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if rule.search(line)]
    assert not found, found
