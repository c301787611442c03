"""Live sync on loopback (issue 25): `serve` and windows joined to it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import date

import pytest

from live_helpers import TOKEN, ServerThread
from planner_gui.store import PlanStore
from planner_gui.sync import live
from planner_gui.sync.ydoc import PlanDoc
from planner_gui.ui.dialogs import connect_office
from sync_helpers import COMMERCE, CULTURE, add_update, copy_for, office_file
from ui_window_helpers import make_window, reread


def _task_id(path, unit):
    with PlanStore.open(path) as store:
        return next(t.id for t in store.load_plan().walk_tasks() if t.lead_unit == unit)


@pytest.fixture
def offices(tmp_path):
    office = office_file(tmp_path)
    return office, copy_for(office, COMMERCE, "commerce.sqlite"), copy_for(office, CULTURE, "culture.sqlite")


def test_two_windows_joined_to_a_serve_see_each_others_edits_and_catch_up(qtbot, tmp_path, offices):
    office, commerce, culture = offices
    server = ServerThread(office).start()
    windows = []
    try:
        for path in (commerce, culture):
            window = make_window(qtbot, path, tmp_path / f"{path.stem}.ini")
            connect_office.open_dialog(window.document, window, server.url, TOKEN)
            windows.append(window)
        a, b = windows
        qtbot.waitUntil(lambda: a.live_session.connected and b.live_session.connected, timeout=10000)
        task = _task_id(office, COMMERCE)

        started = time.monotonic()
        a.document.store.edit("task", task, progress=77)
        qtbot.waitUntil(lambda: b.document.plan.find_task(task).progress == 77, timeout=5000)
        latency = time.monotonic() - started
        print(f"an edit reached the other window in {latency * 1000:.0f} ms")
        qtbot.waitUntil(lambda: reread(office).find_task(task).progress == 77, timeout=5000)  # the office's file

        add_update(culture, CULTURE, date(2024, 8, 1), "另一进程写入文件")  # another program
        b.document.store.edit("task", _task_id(office, CULTURE), progress=61)  # the window's own change
        qtbot.waitUntil(lambda: any(u.text == "另一进程写入文件"
                                    for u in reread(commerce).find_task(_task_id(office, CULTURE)).updates),
                        timeout=5000)

        # a unit renaming its task is refused by the office and set back everywhere
        title = reread(office).find_task(task).title
        a.document.store.edit("task", task, title="越权改名")
        qtbot.waitUntil(lambda: any(line.startswith(f"{COMMERCE}: ") and ": title: " in line
                                    for line in server.refused), timeout=5000)
        qtbot.waitUntil(lambda: reread(commerce).find_task(task).title == title, timeout=5000)
        qtbot.waitUntil(lambda: a.document.plan.find_task(task).title == title, timeout=5000)

        # the office goes away: the window keeps working on its copy...
        server.stop()
        qtbot.waitUntil(lambda: not a.live_session.connected, timeout=10000)
        a.document.store.edit("task", task, progress=88)
        assert reread(commerce).find_task(task).progress == 88
        # ...and catches up when the office is back
        server = ServerThread(office, port=server.port).start()
        qtbot.waitUntil(lambda: b.document.plan.find_task(task).progress == 88, timeout=15000)
        qtbot.waitUntil(lambda: reread(office).find_task(task).progress == 88, timeout=5000)
    finally:
        for window in windows:
            if window.live_session is not None:
                window.live_session.stop()
        server.stop()
    assert reread(commerce).find_task(task).progress == reread(culture).find_task(task).progress


def test_opening_another_file_ends_the_live_connection_and_says_so(qtbot, tmp_path, offices):
    office, commerce, culture = offices
    server = ServerThread(office).start()
    window = make_window(qtbot, commerce, tmp_path / "w.ini")
    try:
        session = connect_office.open_dialog(window.document, window, server.url, TOKEN)
        qtbot.waitUntil(lambda: session.connected, timeout=10000)
        old_db = window.document.store.db
        # another copy of the same plan: the dangerous case, as the office
        # would take its edits for the unit's connection's
        assert window.open_file(culture)
        assert window.live_session is None and not session.connected
        assert window.statusBar().currentMessage() == (
            "Disconnected from the office: another file was opened")
        assert not session.client._thread.is_alive()  # the connection itself is gone
        assert session._committed not in old_db.commit_hooks
        assert window.document.store.db.commit_hooks == []  # the new file is not watched for the office
        # a late word from the old connection does not claim it is connected again
        session.status_changed.emit("connected", True)  # emitted here: delivered at once
        assert window.statusBar().currentMessage().startswith("Disconnected")
        # the window can join again, for the file it now shows
        again = connect_office.open_dialog(window.document, window, server.url, TOKEN)
        qtbot.waitUntil(lambda: again.connected, timeout=10000)
        assert again.store is window.document.store
    finally:
        if window.live_session is not None:
            window.live_session.stop()
        server.stop()


def _client_status(url, plan_id, token, doc_update):
    seen: list[tuple[str, bool]] = []
    got = threading.Event()

    def status(text, connected):
        seen.append((text, connected))
        got.set()

    client = live.LiveClient(url, plan_id, token, on_update=lambda _u: None, on_status=status)
    client.start(doc_update)
    got.wait(15)
    client.stop()
    return seen


def test_a_wrong_token_or_another_plans_copy_cannot_join(tmp_path, offices):
    office, commerce, _ = offices
    with PlanStore.open(commerce) as store:
        plan_id, state = store.plan_info().id, PlanDoc.load(store.db).update_since(None)
    server = ServerThread(office).start()
    try:
        assert _client_status(server.url, plan_id, "falsch-000000", state)[0] == (
            "the office refused the token", False)
        assert _client_status(server.url, "another-plan", TOKEN, state)[0] == (
            "the office serves another plan", False)
        assert _client_status(server.url, plan_id, TOKEN, state)[0] == ("connected", True)
    finally:
        server.stop()


def test_planner_cli_serve_needs_a_token_and_listens_where_told(tmp_path, offices):
    office, commerce, _ = offices
    cli = [sys.executable, "-m", "planner_gui.cli.main"]
    env = {**os.environ, "PLANNER_SYNC_TOKEN": ""}
    refused = subprocess.run([*cli, "serve", "--db", str(office), "--host", "127.0.0.1",
                              "--port", "0"], capture_output=True, text=True, env=env, timeout=60)
    assert refused.returncode == 1 and "token" in refused.stderr
    assert subprocess.run([*cli, "serve", "--db", str(office), "--port", "0"], capture_output=True,
                          text=True, timeout=60).returncode == 2  # no --host: nothing is listened on
    server = subprocess.Popen([*cli, "serve", "--db", str(office), "--host", "127.0.0.1", "--port", "0",
                               "--token", TOKEN], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        assert line.startswith("serving ") and "ws://127.0.0.1:" in line, server.stderr.read()
        url = line.split(" on ")[1].split(" ")[0]
        with PlanStore.open(commerce) as store:
            plan_id, state = store.plan_info().id, PlanDoc.load(store.db).update_since(None)
        assert _client_status(url, plan_id, TOKEN, state)[0] == ("connected", True)
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=20)
    assert server.returncode in (0, 130)


def test_changes_made_to_the_served_file_by_another_program_reach_a_joining_copy(tmp_path, offices):
    import asyncio

    office, commerce, _ = offices
    server = ServerThread(office).start()
    try:
        task = _task_id(office, COMMERCE)
        with PlanStore.open(office) as store:  # the office's own window on the served file
            store.edit("task", task, leader="新领导")
        deadline = time.monotonic() + 15
        while reread(commerce).find_task(task).leader != "新领导" and time.monotonic() < deadline:
            asyncio.run(live.join(commerce, server.url, TOKEN, once=True))
        assert reread(commerce).find_task(task).leader == "新领导"
    finally:
        server.stop()
    with pytest.raises(ConnectionError, match="cannot be reached"):
        asyncio.run(live.join(commerce, server.url, TOKEN, once=True))


COMMERCE_TOKEN, CULTURE_TOKEN = "shangwu-7777", "wenlv-88888"


def _join_until(path, url, token, done, seconds=15):
    """Join once, again until ``done()`` (the server writes within its poll), bounded."""
    import asyncio

    deadline = time.monotonic() + seconds
    asyncio.run(live.join(path, url, token, once=True))
    while not done() and time.monotonic() < deadline:
        asyncio.run(live.join(path, url, token, once=True))
    return done()


def test_a_units_own_token_binds_its_connection_to_that_unit(tmp_path, offices):
    office, commerce, culture = offices
    tokens = {COMMERCE_TOKEN: COMMERCE, CULTURE_TOKEN: CULTURE}
    server = ServerThread(office, token=None, unit_tokens=tokens).start()
    try:
        commerce_task, culture_task = _task_id(office, COMMERCE), _task_id(office, CULTURE)
        # its own task, with its own token: taken
        with PlanStore.open(commerce) as store:
            store.edit("task", commerce_task, progress=66)
        assert _join_until(commerce, server.url, COMMERCE_TOKEN,
                           lambda: reread(office).find_task(commerce_task).progress == 66)
        # the culture bureau's copy joining with the commerce bureau's token: its
        # changes are made in 区文旅局's name on 区商务局's connection, and refused
        with PlanStore.open(culture) as store:
            store.edit("task", culture_task, progress=71)
        assert _join_until(culture, server.url, COMMERCE_TOKEN,
                           lambda: any("sent over 区商务局's connection in the name of 区文旅局" in line
                                       for line in server.refused))
        assert reread(office).find_task(culture_task).progress != 71
        assert server.error is None, repr(server.error)
        # ...and set back on the copy that sent them
        assert _join_until(culture, server.url, COMMERCE_TOKEN,
                           lambda: reread(culture).find_task(culture_task).progress
                           == reread(office).find_task(culture_task).progress)
        # its own token: the same kind of change is taken
        with PlanStore.open(culture) as store:
            store.edit("task", culture_task, progress=72)
        assert _join_until(culture, server.url, CULTURE_TOKEN,
                           lambda: reread(office).find_task(culture_task).progress == 72)
        # no shared token was set: none other opens the door
        with PlanStore.open(commerce) as store:
            plan_id, state = store.plan_info().id, PlanDoc.load(store.db).update_since(None)
        assert _client_status(server.url, plan_id, TOKEN, state)[0] == (
            "the office refused the token", False)
    finally:
        server.stop()


def test_the_token_file_is_checked_line_by_line(tmp_path, offices):
    from planner_gui.domain.errors import ValidationError

    units = {COMMERCE, CULTURE}
    good = tmp_path / "tokens.txt"
    good.write_text(f"# the office's list\n{COMMERCE}={COMMERCE_TOKEN}\n\noffice = office-secret-1\n",
                    encoding="utf-8")
    assert live.read_token_file(good, units) == {COMMERCE_TOKEN: COMMERCE, "office-secret-1": "office"}
    for text, message in ((f"{COMMERCE} {COMMERCE_TOKEN}\n", "line 1.*UNIT=TOKEN"),
                          ("区教委=abcdefgh123\n", "line 1.*区教委"),
                          (f"{COMMERCE}=short\n", "line 1.*at least 8"),
                          (f"{COMMERCE}={COMMERCE_TOKEN}\n{CULTURE}={COMMERCE_TOKEN}\n", "line 2.*its own"),
                          ("# nothing\n", "no UNIT=TOKEN")):
        bad = tmp_path / "bad.txt"
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(ValidationError, match=message):
            live.read_token_file(bad, units)
    office, _, _ = offices
    cli = [sys.executable, "-m", "planner_gui.cli.main"]
    done = subprocess.run([*cli, "serve", "--db", str(office), "--host", "127.0.0.1", "--port", "0",
                           "--token-file", str(bad)], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PLANNER_SYNC_TOKEN": ""})
    assert done.returncode == 1 and "no UNIT=TOKEN" in done.stderr and "Traceback" not in done.stderr
