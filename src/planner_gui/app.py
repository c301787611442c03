"""Entry point of the `planner-gui` window.

Heavy modules (Qt, pyqtgraph) are imported inside main() so that
`planner-gui --version` and `--help` answer at once.
"""

from __future__ import annotations

import argparse
import atexit
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from planner_gui import __version__

NO_DISPLAY = (
    "planner-gui: there is no display to show the window on (neither DISPLAY nor "
    "WAYLAND_DISPLAY is set). Start it from a desktop session; on a server without one, "
    "install a virtual display and Qt's X libraries (Debian/Ubuntu: sudo apt-get install "
    "xvfb libxcb-cursor0 libxkbcommon-x11-0 libegl1 fonts-noto-cjk) and run "
    "'xvfb-run -a planner-gui'. planner-cli does the same work without a window "
    "(planner-cli --help)."
)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="planner-gui", description="Follow a year's key-task plan.",
        epilog="The command line planner-cli works on the same plan files without a window "
               "(summary, updates, exports, imports, backups): planner-cli --help.")
    parser.add_argument("--version", action="version", version=f"planner-gui {__version__}")
    parser.add_argument("--db", type=Path, default=None,
                        help="plan file to open or create (default: the last file, else your data folder)")
    parser.add_argument("--self-check", action="store_true",
                        help="open the plan offscreen, export a PDF summary, and exit (for bundles)")
    args, _qt_args = parser.parse_known_args(argv)
    return args


def has_display(environ: Mapping[str, str] | None = None, platform: str = sys.platform) -> bool:
    """Whether Qt can show a window here. On Linux and the BSDs Qt needs an X or
    Wayland display; without one it aborts with a message about its xcb plugin
    (e.g. libxcb-cursor0) that hides the real cause. Windows and macOS always
    have one, and a platform chosen by name (offscreen, vnc...) needs none."""
    env = os.environ if environ is None else environ
    if platform.startswith(("win", "darwin", "cygwin")):
        return True
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen and not chosen.startswith(("xcb", "wayland")):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if not args.self_check and not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 1
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
