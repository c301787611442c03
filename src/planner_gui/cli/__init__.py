"""The `planner-cli` command line: headless work on plan files."""
