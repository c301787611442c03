"""Entry point of the `planner-gui` window.

Heavy modules (Qt, pyqtgraph) are imported inside main() so that
`planner-gui --version` and `--help` answer at once.
"""

from __future__ import annotations

import argparse
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

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
