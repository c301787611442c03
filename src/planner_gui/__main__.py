"""`python -m planner_gui` starts the window (same as `planner-gui`)."""

import sys

from planner_gui.app import main

sys.exit(main())
