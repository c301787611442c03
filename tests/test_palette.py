"""Colours stay readable on light, dark and high-contrast palettes (ui/palette.py)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from planner_gui.domain.progress import STATUS_COLOURS
from planner_gui.ui import palette


def test_contrast_ratio_matches_wcag_reference_values():
    assert palette.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert palette.contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # WCAG's own example: #777777 on white is just under 4.5.
    assert palette.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("background, expected", [
    ("#ffffff", "#000000"), ("#fff7e6", "#000000"), ("#1e1e1e", "#ffffff"),
    ("#fbbf24", "#000000"), ("#7f1d1d", "#ffffff"), ("#2563eb", "#ffffff"),
])
def test_text_colour_for_picks_the_more_readable_of_black_and_white(background, expected):
    assert palette.text_colour_for(background).name() == expected


@pytest.mark.parametrize("base", ["#1e1e1e", "#ffffff", "#000000"])
@pytest.mark.parametrize("status", list(STATUS_COLOURS))
def test_every_status_colour_is_made_legible_as_text(status, base):
    colour = palette.legible_on(STATUS_COLOURS[status], base)
    assert palette.contrast_ratio(colour, base) >= palette.BODY_TEXT_CONTRAST


def test_legible_colour_keeps_its_hue_and_is_unchanged_when_already_fine():
    red = QColor(STATUS_COLOURS[next(iter(STATUS_COLOURS))])
    lighter = palette.legible_on(red, "#1e1e1e")
    assert abs(lighter.hslHue() - red.hslHue()) <= 6
    assert palette.legible_on("#000000", "#ffffff") == QColor("#000000")


def test_dark_palette_is_recognised_and_tints_stay_dark(qapp):
    dark = palette.dark_palette()
    assert palette.is_dark(dark)
    assert not palette.is_dark(QPalette(QColor("#f0f0f0")))
    tinted = palette.tint("#dc2626", dark)
    text = dark.color(QPalette.ColorRole.Text)
    assert palette.contrast_ratio(text, tinted) >= palette.BODY_TEXT_CONTRAST
    light = QPalette(QColor("#f0f0f0"))
    light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    light.setColor(QPalette.ColorRole.Text, QColor("#000000"))
    assert palette.contrast_ratio("#000000", palette.tint("#dc2626", light)) >= 4.5


def test_dark_palette_text_roles_are_readable(qapp):
    dark = palette.dark_palette()
    roles = QPalette.ColorRole
    for text, background in ((roles.WindowText, roles.Window), (roles.Text, roles.Base),
                             (roles.ButtonText, roles.Button),
                             (roles.HighlightedText, roles.Highlight),
                             (roles.ToolTipText, roles.ToolTipBase)):
        assert palette.contrast_ratio(dark.color(text), dark.color(background)) >= 4.5, text


def test_invalid_colour_is_refused():
    with pytest.raises(ValueError):
        palette.text_colour_for("not a colour")


def _two_colour_icon():
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QIcon, QImage, QPixmap

    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    for x in range(16):
        image.setPixelColor(x, 4, QColor("#000000"))   # a black glyph line
        image.setPixelColor(x, 10, QColor("#2563eb"))  # a blue picture line
    return QIcon(QPixmap.fromImage(image))


def test_black_style_glyphs_are_redrawn_light_on_a_dark_palette(qapp):
    dark = palette.dark_palette()
    image = palette.icon_for_palette(_two_colour_icon(), dark).pixmap(16, 16).toImage()
    background = dark.color(QPalette.ColorRole.Button)
    assert palette.contrast_ratio(image.pixelColor(8, 4), background) >= 4.5
    assert image.pixelColor(8, 10).name() == "#2563eb"  # colours of a picture are kept
    assert image.pixelColor(8, 0).alpha() == 0


def test_icons_are_unchanged_on_a_light_palette(qapp):
    icon = _two_colour_icon()
    light = QPalette(QColor("#f0f0f0"))
    assert palette.icon_for_palette(icon, light) is icon


def test_high_contrast_palette_text_roles_reach_seven_to_one(qapp):
    hc = palette.high_contrast_palette()
    roles = QPalette.ColorRole
    for text, background in ((roles.WindowText, roles.Window), (roles.Text, roles.Base),
                             (roles.HighlightedText, roles.Highlight)):
        assert palette.contrast_ratio(hc.color(text), hc.color(background)) >= palette.HIGH_CONTRAST
    assert palette.is_dark(hc)
