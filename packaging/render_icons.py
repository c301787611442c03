"""Render resources/icons/planner-gui.svg to the PNG sizes desktops ask for.

Run with `make icons` (or `python packaging/render_icons.py`). The PNGs are
committed so that a pip install or a bundle needs no SVG renderer at build
time; tests/test_packaging.py checks every size exists and is the right size.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG = ICONS / "planner-gui.svg"


def png_path(size: int) -> Path:
    return ICONS / f"planner-gui-{size}.png"


def render(svg: Path = SVG, sizes: tuple[int, ...] = ICON_SIZES) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = png_path(size)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"{target}: could not write")
        written.append(target)
    return written


if __name__ == "__main__":
    for path in render():
        print(path.relative_to(ICONS.parents[1]))
