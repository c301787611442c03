"""planner-gui: follow a year's key-task plan offline."""

__version__ = "0.1.0"
APP_NAME = "planner-gui"
ORG_NAME = "planner-gui"
