"""A clerk's morning in a real window at 1366×768 (issue 22): the first window
fits the screen, Plan ▸ Settings opens with Ctrl+, and takes a typed value,
and a deadline typed as 2024/9/30 over the old one is taken whole."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planner_gui.services.plan_files import init_file
from test_ui_xvfb import TOOLS, wait_for, xdotool

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.slow,
    pytest.mark.skipif(any(shutil.which(t) is None for t in TOOLS),
                       reason="needs Xvfb, xdotool and ImageMagick"),
]


@pytest.fixture
def office_screen():
    """A private X server the size of a common office screen."""
    number = next(n for n in range(200, 300)
                  if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists())
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb", "LANG": "en_US.UTF-8"}
    env.pop("QT_SCALE_FACTOR", None)
    try:
        wait_for(lambda: subprocess.run(["xdotool", "getdisplaygeometry"], env=env,
                                        capture_output=True).returncode == 0, 20, "Xvfb")
        yield env
    finally:
        server.terminate()
        server.wait(timeout=10)


def read_line(process, start: str) -> list[int]:
    line = process.stdout.readline()
    while not line.startswith(start):
        assert line, f"the window exited before saying {start}"
        line = process.stdout.readline()
    return [int(v.split("=")[-1]) for v in line.split()[1:]]


def test_settings_and_a_typed_date_in_a_window_that_fits_1366x768(office_screen, tmp_path):
    env = office_screen
    db = tmp_path / "plan.sqlite"
    init_file(db).close()
    script = Path(__file__).with_name("xvfb_clerk_script.py")
    process = subprocess.Popen([sys.executable, str(script), str(db), str(tmp_path / "settings.ini")],
                               env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        x, y, width, height = read_line(process, "WINDOW")
        sx, sy, swidth, sheight = read_line(process, "SCREEN")
        assert (swidth, sheight) == (1366, 768)
        assert sx <= x and sy <= y and x + width <= sx + swidth and y + height <= sy + sheight
        due_x, due_y, due_visible = read_line(process, "DUE")
        assert due_visible == 1 and x < due_x < x + width and y < due_y < y + height

        window_id = xdotool(env, "search", "--sync", "--onlyvisible", "--name", "plan.sqlite").split()[0]
        xdotool(env, "windowfocus", "--sync", window_id)
        xdotool(env, "key", "ctrl+comma")
        dialog = xdotool(env, "search", "--sync", "--onlyvisible", "--name", "Plan Settings").split()[0]
        xdotool(env, "windowfocus", "--sync", dialog)
        # the year has the focus; Tab to the tolerance, replace it, Enter is OK
        xdotool(env, "key", "--delay", "60", "Tab", "ctrl+a")
        xdotool(env, "type", "--delay", "60", "15")
        xdotool(env, "key", "Return")

        # no window manager: the keyboard goes back to the main window by hand
        xdotool(env, "windowfocus", "--sync", window_id)
        xdotool(env, "mousemove", "--sync", str(due_x), str(due_y))
        xdotool(env, "click", "1")
        xdotool(env, "key", "ctrl+a")
        xdotool(env, "type", "--delay", "60", "2024/9/30")
        xdotool(env, "key", "Return")
        code = process.wait(timeout=60)
        output = process.stdout.read()
        assert code == 0, output
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
    assert "Traceback" not in output, output
