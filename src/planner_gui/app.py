"""Entry point of the `planner-gui` window.

Heavy modules (Qt, pyqtgraph) are imported inside main() so that
`planner-gui --version` and `--help` answer at once.
"""

from __future__ import annotations

import argparse
import atexit
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from planner_gui import __version__


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="planner-gui", description="Follow a year's key-task plan.")
    parser.add_argument("--version", action="version", version=f"planner-gui {__version__}")
    parser.add_argument("--db", type=Path, default=None,
                        help="plan file to open or create (default: the last file, else your data folder)")
    parser.add_argument("--self-check", action="store_true",
                        help="open the plan offscreen, export a PDF summary, and exit (for bundles)")
    args, _qt_args = parser.parse_known_args(argv)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from planner_gui.ui.application import run

    code = run(args)
    leave_now(code)
    return code  # not reached


def leave_now(code: int) -> None:
    """End the process as soon as the window's work is done.

    After Ctrl+Q the window closed at once but the process lingered: Python's
    own shutdown then tore down every module and freed the window's Qt and
    pyqtgraph objects one by one (0.4-0.5 s for the bundled plan on an idle
    machine, measured under Xvfb; 2-3 s on a busy office PC). Nothing is left
    to write by then: run() closed the plan file, the window synced its
    settings and released its lock. The exit handlers (logging, pyqtgraph's
    clean-up) still run; only the teardown is skipped.
    """
    atexit._run_exitfuncs()  # noqa: SLF001 - the handlers os._exit would skip
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):  # no console (a windowed bundle), or closed
            pass
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
