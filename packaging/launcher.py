"""Entry script for the PyInstaller bundle: the same main() as the `planner-gui` command."""

import sys

from planner_gui.app import main

if __name__ == "__main__":
    sys.exit(main())
