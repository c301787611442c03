"""The bundled CJK font (resources/fonts, SIL OFL) and the Qt application reports need.

Reports always print with the bundled "Planner Sans SC" so a PDF looks the
same, and its Chinese renders and is embedded, on a machine with no CJK
font installed. Characters outside the subset fall back to system fonts.
"""

from __future__ import annotations

import os

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from planner_gui.resources_path import resource_path

FAMILY = "Planner Sans SC"
FONT_FILES = ("PlannerSansSC-Regular.ttf", "PlannerSansSC-Bold.ttf")
_registered: list[str] = []


def ensure_gui_app() -> QGuiApplication:
    """The running Qt application, or a new windowless one (for the command line).

    Painting text needs a QGuiApplication; a command run over SSH or in a
    scheduled job has no display, so the offscreen platform is used unless the
    caller chose one.
    """
    app = QGuiApplication.instance()
    if app is None:
        # A QApplication (not just a QGuiApplication), so that windows can still be
        # made later in the same process (the test suite, a script using both).
        from PySide6.QtWidgets import QApplication

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["planner-cli"])
    return app  # type: ignore[return-value]


def register_fonts() -> str:
    """Load the bundled font files once; returns the family name to use."""
    if not _registered:
        ensure_gui_app()
        for name in FONT_FILES:
            path = resource_path("fonts", name)
            if path.exists() and QFontDatabase.addApplicationFont(str(path)) >= 0:
                _registered.append(name)
    return FAMILY if _registered else QFont().family()


def report_font(point_size: float, bold: bool = False) -> QFont:
    font = QFont(register_fonts())
    font.setPointSizeF(point_size)
    font.setBold(bold)
    # Layout uses unhinted metrics so text set at 96 dpi scales cleanly to print.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def painter_font(point_size: float, bold: bool = False) -> QFont:
    """A font for drawing directly with a QPainter in 96-dpi layout units.

    A point size would be converted at the device's resolution (300 dpi for
    the PDF) and then scaled again by the painter; a pixel size is not.
    """
    font = report_font(point_size, bold)
    font.setPixelSize(max(1, round(point_size * 96 / 72)))
    return font
