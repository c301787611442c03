"""Starting `planner-gui` where it cannot show a window says so plainly, and
its --help points to the command line."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from planner_gui.app import has_display


def _gui(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items()
             if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, "-m", "planner_gui", *args], capture_output=True, text=True,
                          timeout=60, env={**clean, **env})


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux needs a display; others have one")
def test_without_a_display_the_window_says_so_and_what_to_install(tmp_path):
    result = _gui("--db", str(tmp_path / "plan.sqlite"))
    assert result.returncode == 1
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and "Traceback" not in message
    assert "no display" in message and "xvfb-run -a planner-gui" in message
    assert "libxcb-cursor0" in message and "planner-cli" in message
    assert "qt.qpa" not in message and "Aborted" not in message  # Qt was never asked
    assert not (tmp_path / "plan.sqlite").exists()  # nothing was made


def test_which_environments_have_a_display():
    assert not has_display({}, "linux")
    assert has_display({"DISPLAY": ":0"}, "linux")
    assert has_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert has_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not has_display({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert has_display({}, "win32") and has_display({}, "darwin")


def test_help_names_the_command_line_and_needs_no_display():
    result = _gui("--help")
    assert result.returncode == 0
    assert "planner-cli" in result.stdout


REPO = Path(__file__).resolve().parents[1]
# `planner summary`, `planner`, "planner restore": the old name of the command line
OLD_NAME = re.compile(r"(?<![-\w./])planner(?=`|'|</binary>| (init|export-|import-|summary|update|backups?|"
                      r"restore|check|demo|NAME|\.\.\.)\b)")


def test_nothing_named_planner_is_installed():
    """Debian's GNOME Planner installs /usr/bin/planner: the command line is planner-cli."""
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    assert set(config["scripts"]) == {"planner-cli"}
    assert set(config["gui-scripts"]) == {"planner-gui"}


def test_docs_help_and_messages_name_planner_cli_not_planner():
    places = [REPO / "README.md", *(REPO / "docs").glob("*.md"), *(REPO / "src").rglob("*.py"),
              *(REPO / "packaging").iterdir(), REPO / "resources" / "translations" / "planner_gui_zh_CN.ts"]
    found = [f"{path.relative_to(REPO)}:{number}: {line.strip()}"
             for path in places if path.is_file() and path.suffix in (".md", ".py", ".ts", ".spec", ".desktop", ".sh", ".xml")
             for number, line in enumerate(path.read_text("utf-8").splitlines(), 1) if OLD_NAME.search(line)]
    assert found == []
    assert OLD_NAME.search("run `planner summary --db F`") and OLD_NAME.search("<binary>planner</binary>")
    assert not OLD_NAME.search("`planner-cli summary`") and not OLD_NAME.search("<binary>planner-cli</binary>")
