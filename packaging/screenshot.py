"""Offscreen screenshot of the main window, to check legibility by eye.

    python packaging/screenshot.py out.png [--dark | --high-contrast] [--lang zh_CN|en] [--task N]

--dark uses Fusion with palette.dark_palette(), --high-contrast with
palette.high_contrast_palette(); --task selects the N-th
visible task so the detail panel and chart show it. Uses a temporary copy of
the bundled plan and temporary settings; nothing of the user's is touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("output", type=Path)
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--high-contrast", action="store_true")
    parser.add_argument("--lang", default="en", choices=("en", "zh_CN"))
    parser.add_argument("--task", type=int, default=None)
    parser.add_argument("--size", default="1400x900")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="planner-gui-shot-"))
    os.environ["PLANNER_GUI_DATA_DIR"] = str(folder / "data")
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    from PySide6.QtCore import QSettings

    from planner_gui.services.plan_files import init_file
    from planner_gui.ui.application import make_application
    from planner_gui.ui.i18n import install_translator
    from planner_gui.ui.main_window import MainWindow
    from planner_gui.ui.palette import dark_palette, high_contrast_palette
    from planner_gui.ui.settings import AppSettings

    app = make_application([sys.argv[0]])
    if args.dark or args.high_contrast:
        app.setStyle("Fusion")
        app.setPalette(high_contrast_palette() if args.high_contrast else dark_palette())
    install_translator(app, choice=args.lang)
    store = init_file(folder / "plan.sqlite")
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(store, settings=settings)
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.show()
    app.processEvents()
    if args.task is not None:
        task_id = window.visible_task_ids()[args.task]
        select = getattr(window, "select_item", None)
        if select is not None:
            select(task_id)
        app.processEvents()
    # the chart is built after the first paint: wait for it (and the plan's
    # updates) rather than photograph "Preparing the chart…"
    import time

    deadline = time.monotonic() + 20
    while not (window.chart_slot.is_built and not window.document.reading) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    window.chart_slot.panel()
    for _ in range(20):
        app.processEvents()
    window.grab().save(str(args.output))
    print(args.output, flush=True)
    # Skip interpreter clean-up: PySide6 6.12 on Python 3.11 may abort there
    # (reference counts of True/False), which would hide the result.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
