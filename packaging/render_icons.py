"""Render resources/icons/planner-gui.svg to the PNG sizes desktops ask for,
plus planner-gui.ico (Windows) and planner-gui.icns (macOS) made of those PNGs.

Run with `make icons` (or `python packaging/render_icons.py`). The files are
committed so that a pip install or a bundle needs no SVG renderer at build
time; tests/test_packaging.py checks every size exists and is the right size.
"""

from __future__ import annotations

import os
import struct
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


ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns element types holding PNG data, by pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def write_ico(target: Path = ICONS / "planner-gui.ico") -> Path:
    """A Windows icon with PNG-compressed images (Windows Vista and later read them)."""
    images = [png_path(size).read_bytes() for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, data in zip(ICO_SIZES, images, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    target.write_bytes(header + entries + b"".join(images))
    return target


def write_icns(target: Path = ICONS / "planner-gui.icns") -> Path:
    """A macOS icon: PNG images in icns elements."""
    body = b"".join(kind + struct.pack(">I", 8 + len(data)) + data
                    for size, kind in ICNS_TYPES.items()
                    for data in [png_path(size).read_bytes()])
    target.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
    return target


if __name__ == "__main__":
    for path in [*render(), write_ico(), write_icns()]:
        print(path.relative_to(ICONS.parents[1]))
