"""Colours that stay legible on light, dark and high-contrast palettes.

The status colours (domain/progress.py STATUS_COLOURS) are mid-tone: fine as
a background behind white or black text, but as *text* on a dark window they
can be too dim, and a hard-coded light background (e.g. "#fff7e6" for a late
row) makes the palette's light text unreadable. Use:

- ``text_colour_for(background)``: black or white, whichever reads better on it;
- ``legible_on(colour, background)``: the same hue, lightened or darkened until
  it has enough contrast to be read on ``background``;
- ``tint(colour, palette)``: a soft background tint of a colour that suits the
  palette (light tint on a light window, dark tint on a dark one), with
  ``text_colour_for`` giving the text to put on it;
- ``is_dark(palette)`` / ``prefers_high_contrast()`` to decide at run time;
- ``icon_for_palette(icon)``: the style's black glyphs (arrows, undo/redo)
  redrawn in the palette's text colour, so they show on a dark toolbar.

Contrast follows WCAG 2.x: 4.5 for body text, 3.0 for large text and symbols.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPalette, QPixmap

BODY_TEXT_CONTRAST = 4.5
LARGE_TEXT_CONTRAST = 3.0
HIGH_CONTRAST = 7.0

ColourLike = QColor | str | Qt.GlobalColor


def _colour(value: ColourLike) -> QColor:
    colour = QColor(value)
    if not colour.isValid():
        raise ValueError(f"not a colour: {value!r}")
    return colour


def relative_luminance(colour: ColourLike) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""
    c = _colour(colour)

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast_ratio(first: ColourLike, second: ColourLike) -> float:
    """WCAG contrast ratio between two colours, 1 to 21."""
    a, b = relative_luminance(first), relative_luminance(second)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_for(background: ColourLike) -> QColor:
    """Black or white text, whichever contrasts more with ``background``."""
    black, white = QColor(Qt.GlobalColor.black), QColor(Qt.GlobalColor.white)
    if contrast_ratio(black, background) >= contrast_ratio(white, background):
        return black
    return white


def legible_on(colour: ColourLike, background: ColourLike,
               minimum: float = BODY_TEXT_CONTRAST) -> QColor:
    """``colour`` moved towards white or black (keeping its hue) until it reads on ``background``.

    A colour that already contrasts enough is returned unchanged.
    """
    base = _colour(colour)
    if contrast_ratio(base, background) >= minimum:
        return base
    towards_white = relative_luminance(background) < 0.18
    target = QColor(Qt.GlobalColor.white if towards_white else Qt.GlobalColor.black)
    best = base
    for step in range(1, 21):
        best = _mix(base, target, step / 20)
        if contrast_ratio(best, background) >= minimum:
            return best
    return best


def tint(colour: ColourLike, palette: QPalette | None = None, strength: float = 0.22) -> QColor:
    """A soft background version of ``colour`` for the given (or current) palette.

    On a light palette it is mixed with the base (white-ish) colour, on a dark
    one with the dark base, so rows stay in the palette's brightness range and
    the palette's own text colour remains readable on them.
    """
    palette = palette or _current_palette()
    base = palette.color(QPalette.ColorRole.Base)
    return _mix(base, _colour(colour), strength)


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background is darker than its text (a dark theme)."""
    palette = palette or _current_palette()
    return (relative_luminance(palette.color(QPalette.ColorRole.Window))
            < relative_luminance(palette.color(QPalette.ColorRole.WindowText)))


def prefers_high_contrast() -> bool:
    """True when the desktop asks for high contrast (Qt >= 6.10 reports it)."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    preference = getattr(Qt, "ContrastPreference", None)
    if preference is None:
        return False
    return accessibility().contrastPreference() == preference.HighContrast


def status_text_colour(colour: ColourLike, palette: QPalette | None = None) -> QColor:
    """A status colour made legible as text on the palette's base (list/tree) background."""
    palette = palette or _current_palette()
    minimum = HIGH_CONTRAST if prefers_high_contrast() else BODY_TEXT_CONTRAST
    return legible_on(colour, palette.color(QPalette.ColorRole.Base), minimum)


ICON_SIZES = (16, 22, 24, 32, 48)


def icon_for_palette(icon: QIcon, palette: QPalette | None = None) -> QIcon:
    """``icon`` with its dark grey/black pixels redrawn in the palette's button text colour.

    Standard style icons (arrows, undo/redo) are drawn black whatever the
    palette; on a dark toolbar they vanish. Coloured pixels (a blue document, a
    red sign) are kept. On a light palette the icon is returned unchanged.
    """
    palette = palette or _current_palette()
    if icon.isNull() or not is_dark(palette):
        return icon
    ink = palette.color(QPalette.ColorRole.ButtonText)
    result = QIcon()
    for size in ICON_SIZES:
        for mode in (QIcon.Mode.Normal, QIcon.Mode.Disabled):
            pixmap = icon.pixmap(size, size, mode)
            if pixmap.isNull():
                continue
            colour = ink if mode == QIcon.Mode.Normal else palette.color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
            result.addPixmap(QPixmap.fromImage(_recolour_dark_pixels(pixmap.toImage(), colour)),
                             mode)
    return result


def _recolour_dark_pixels(image: QImage, colour: QColor) -> QImage:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() == 0:
                continue
            # Dark and nearly grey: a glyph drawn in black, not part of a picture.
            if pixel.lightness() < 110 and pixel.hslSaturation() < 60:
                image.setPixelColor(x, y, QColor(colour.red(), colour.green(), colour.blue(),
                                                 pixel.alpha()))
    return image


def dark_palette() -> QPalette:
    """A dark Fusion palette, used to check the window's legibility in tests and screenshots."""
    p = QPalette()
    roles = QPalette.ColorRole
    colours = {
        roles.Window: "#2b2b2b", roles.WindowText: "#e6e6e6",
        roles.Base: "#1e1e1e", roles.AlternateBase: "#262626",
        roles.ToolTipBase: "#3a3a3a", roles.ToolTipText: "#f0f0f0",
        roles.PlaceholderText: "#9a9a9a", roles.Text: "#e6e6e6",
        roles.Button: "#353535", roles.ButtonText: "#e6e6e6",
        roles.BrightText: "#ff6b6b", roles.Link: "#6cb4ff", roles.LinkVisited: "#b99cff",
        roles.Highlight: "#2f6fbf", roles.HighlightedText: "#ffffff",
        roles.Light: "#4a4a4a", roles.Midlight: "#3d3d3d", roles.Mid: "#303030",
        roles.Dark: "#181818", roles.Shadow: "#000000",
    }
    for role, value in colours.items():
        p.setColor(role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(disabled, role, QColor("#7a7a7a"))
    return p


def high_contrast_palette() -> QPalette:
    """Black and white with a yellow selection, like Windows' "High Contrast Black"."""
    p = dark_palette()
    roles = QPalette.ColorRole
    for role in (roles.Window, roles.Base, roles.AlternateBase, roles.Button, roles.ToolTipBase):
        p.setColor(role, QColor("#000000"))
    for role in (roles.WindowText, roles.Text, roles.ButtonText, roles.ToolTipText):
        p.setColor(role, QColor("#ffffff"))
    p.setColor(roles.Highlight, QColor("#ffff00"))
    p.setColor(roles.HighlightedText, QColor("#000000"))
    p.setColor(roles.Link, QColor("#ffff00"))
    # Bevel colours as Qt derives them for a white-on-black scheme: frames and
    # tracks drawn in Mid/Dark stay visible without looking filled.
    for role, value in ((roles.Light, "#ffffff"), (roles.Midlight, "#c0c0c0"),
                        (roles.Mid, "#6e6e6e"), (roles.Dark, "#404040")):
        p.setColor(role, QColor(value))
    p.setColor(QPalette.ColorGroup.Disabled, roles.WindowText, QColor("#3ff23f"))
    p.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, QColor("#3ff23f"))
    p.setColor(QPalette.ColorGroup.Disabled, roles.Text, QColor("#3ff23f"))
    return p


def _mix(first: QColor, second: QColor, amount: float) -> QColor:
    keep = 1.0 - amount
    return QColor.fromRgbF(
        first.redF() * keep + second.redF() * amount,
        first.greenF() * keep + second.greenF() * amount,
        first.blueF() * keep + second.blueF() * amount,
    )


def _current_palette() -> QPalette:
    return QGuiApplication.palette() if QGuiApplication.instance() else QPalette()
