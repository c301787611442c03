"""The real `planner-gui` process under a real X server (Xvfb).

Starts the program on a temporary file, waits for its window, takes a
screenshot (and checks it is not blank), sets the as-of date and selects a
task from the keyboard, then quits with Ctrl+Q and expects exit code 0.
With PLANNER_GUI_SCREENSHOT=path the screenshot is also saved there
(that is how docs/screenshot.png is made).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from planner_gui.domain.model import ProgressUpdate
from planner_gui.services.plan_files import init_file
from tools import required_tool

TOOLS = ("Xvfb", "xdotool", "import", "identify")
pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.slow,
]


@pytest.fixture(autouse=True)
def x_tools() -> None:
    """Declared in .ci/run: a missing one fails the test instead of skipping it."""
    for tool in TOOLS:
        required_tool(tool)


def wait_for(predicate, timeout: float, what: str):
    """Poll an outside process (no Qt event loop here to wait on)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def display():
    """A private X server on a free display number."""
    number = next(n for n in range(90, 200)
                  if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists())
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "DISPLAY": f":{number}"}
    try:
        wait_for(lambda: subprocess.run(["xdotool", "getdisplaygeometry"], env=env,
                                        capture_output=True).returncode == 0, 20, "Xvfb")
        yield env
    finally:
        server.terminate()
        server.wait(timeout=10)


def make_plan_file(path: Path) -> None:
    """The bundled plan with a few dated progress reports, as the office would have it mid-year."""
    with init_file(path) as store:
        tasks = {t.title[:8]: t for t in store.load_plan().walk_tasks()}
        reports = {
            "国家自然博物馆开": [(date(2024, 3, 25), 30, "完成项目立项"), (date(2024, 6, 20), 80, "取得施工许可")],
            "举办第二届倍增追": [(date(2024, 4, 26), 100, "大会如期举办")],
            "年内新增1000": [(date(2024, 6, 24), 35, "新增托位350个")],
            "制定完善15个产": [(date(2024, 6, 21), 20, "形成政策初稿")],
            "大红门数智产业大": [(date(2024, 6, 25), 55, "主体改造过半")],
        }
        for start, updates in reports.items():
            for day, progress, text in updates:
                store.add_update(tasks[start].id, ProgressUpdate(date=day, progress=progress, text=text))


def xdotool(env, *args: str) -> str:
    return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=30).stdout


def test_real_window_starts_shows_the_plan_and_quits_with_ctrl_q(display, tmp_path):
    env = {**display, "QT_QPA_PLATFORM": "xcb", "LANG": "en_US.UTF-8"}
    env.pop("QT_SCALE_FACTOR", None)
    db = tmp_path / "fengtai.sqlite"
    make_plan_file(db)
    program = shutil.which("planner-gui")
    command = [program] if program else [sys.executable, "-m", "planner_gui"]
    log = (tmp_path / "planner-gui.log").open("w")
    process = subprocess.Popen([*command, "--db", str(db)], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "fengtai.sqlite"],
                               env=env, capture_output=True, text=True, timeout=60)
        window_id = found.stdout.split()[0]
        # no window manager: give the window the keyboard focus, then type as a user would
        # (real key events through XTEST; Qt ignores events sent to a window directly)
        xdotool(env, "windowfocus", "--sync", window_id)
        # as of the end of June 2024 (Alt+A focuses the as-of date), then pick a task with the arrow keys
        xdotool(env, "key", "--delay", "60", "alt+a")
        xdotool(env, "type", "--delay", "60", "20240630")
        xdotool(env, "key", "--delay", "60", "Return", "ctrl+f", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab",
                "Down", "Right", "Down")  # the first sub-task of the first task (the tree starts on row 0)
        shot = tmp_path / "window.png"

        def captured() -> bool:
            subprocess.run(["import", "-window", window_id, str(shot)], env=env, capture_output=True, timeout=30)
            if not shot.exists():
                return False
            colours = subprocess.run(["identify", "-format", "%k", str(shot)], capture_output=True,
                                     text=True, timeout=30).stdout
            return colours.isdigit() and int(colours) > 200  # a real window, not a blank frame

        wait_for(captured, 30, "a screenshot that is not blank")
        if os.environ.get("PLANNER_GUI_SCREENSHOT"):
            shutil.copy(shot, os.environ["PLANNER_GUI_SCREENSHOT"])
        xdotool(env, "key", "ctrl+q")
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        log.close()
    output = (tmp_path / "planner-gui.log").read_text()
    assert "Traceback" not in output, output


def test_dragging_an_area_with_the_mouse_reorders_the_file(display, tmp_path):
    """Real drag and drop: X mouse events through the view's drag machinery to the file."""
    env = {**display, "QT_QPA_PLATFORM": "xcb"}
    db = tmp_path / "drag.sqlite"
    init_file(db).close()
    script = Path(__file__).with_name("xvfb_drag_script.py")
    process = subprocess.Popen([sys.executable, str(script), str(db)], env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        line = wait_for(lambda: process.stdout.readline(), 30, "the window to report its rows")
        while not line.startswith("ROWS"):
            line = process.stdout.readline()
            assert line, "the window exited before showing its rows"
        x0, y0, x1, y1 = (int(v) for v in line.split()[1:])
        xdotool(env, "mousemove", "--sync", str(x0), str(y0))
        xdotool(env, "mousedown", "1")
        for step in range(1, 11):  # move in steps, as a hand does, past the drag distance
            xdotool(env, "mousemove", "--sync", str(x0 + step), str(y0 + (y1 - y0) * step // 10))
        xdotool(env, "mouseup", "1")
        assert process.wait(timeout=40) == 0
        output = process.stdout.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
    order = next(line for line in output.splitlines() if line.startswith("ORDER")).split()[1:]
    assert order[:4] == ["1", "2", "0", "3"]
