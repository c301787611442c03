"""The `planner` command line: headless work on plan files."""
