"""Entry point of the `planner-gui` window.

Heavy modules (Qt, pyqtgraph) are imported inside main() so that
`planner-gui --version` and `--help` answer at once.
"""

from __future__ import annotations

import argparse
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

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
