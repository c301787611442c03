"""The Qt binding the program runs on must not leak references to None.

PySide6-Essentials 6.12.0 drops one reference to None on every Qt call that
returns nothing; on Python 3.11 the process aborts ("deallocating None")
after a few thousand calls, i.e. after a few clicks in a big plan.
pyproject.toml excludes that release; this test fails if such a binding is
installed anyway."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("进展")
    assert sys.getrefcount(None) >= before - 50
