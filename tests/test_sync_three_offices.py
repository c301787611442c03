"""Issue 25's 'done when': an office PC and two department PCs (three files,
each worked on by its own processes) work a month apart by packets, then
together through `planner-cli serve` and `sync join`, and end with the same
plan, nothing lost and nothing duplicated; the office's summary PDF shows
every department's updates. Loopback only; every wait is bounded."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from live_helpers import TOKEN
from planner_gui.store import PlanStore
from reports_helpers import needs_poppler, pdf_text
from sync_helpers import COMMERCE, CULTURE, office_file

CLI = [sys.executable, "-m", "planner_gui.cli.main"]


def run(*args: str, ok: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PLANNER_SYNC_TOKEN": TOKEN})
    if ok:
        assert done.returncode == 0, done.stderr
    return done


def plan_json(path) -> dict:
    return json.loads(run("export-json", "--db", str(path)).stdout)


def updates(plan: dict) -> list[str]:
    def walk(tasks):
        for task in tasks:
            yield task
            yield from walk(task["subtasks"])

    return sorted(u["text"] for area in plan["areas"] for t in walk(area["tasks"]) for u in t["updates"])


@pytest.mark.slow
@needs_poppler
def test_an_office_and_two_departments_end_with_one_plan_offline_and_live(tmp_path):
    office = office_file(tmp_path)
    with PlanStore.open(office) as store:
        ids = {t.lead_unit: t.id for t in store.load_plan().walk_tasks()}
    files = {"office": office}
    for unit, name in ((COMMERCE, "commerce"), (CULTURE, "culture")):
        files[unit] = tmp_path / f"{name}.sqlite"
        files[unit].write_bytes(office.read_bytes())
        run("sync", "init", "--db", str(files[unit]), "--as", unit)
    before = updates(plan_json(office))

    # a month apart, by packets
    run("update", "--db", str(files[COMMERCE]), "--task", ids[COMMERCE], "--progress", "30",
        "--date", "2024-07-25", "--note", "商务局七月进展")
    run("update", "--db", str(files[CULTURE]), "--task", ids[CULTURE], "--progress", "40",
        "--date", "2024-07-24", "--note", "文旅局七月进展")
    run("import-json", "--db", str(office), str(_with_new_area(office, tmp_path)))
    for unit in (COMMERCE, CULTURE):
        packet = tmp_path / f"{unit}.plansync"
        run("sync", "export", "--db", str(files[unit]), "--for", "office", "--out", str(packet))
        run("sync", "import", "--db", str(office), str(packet))
    for unit in (COMMERCE, CULTURE):
        packet = tmp_path / f"office-for-{unit}.plansync"
        run("sync", "export", "--db", str(office), "--for", unit, "--out", str(packet))
        run("sync", "import", "--db", str(files[unit]), str(packet))
    offline = [plan_json(path) for path in files.values()]
    assert offline[0] == offline[1] == offline[2]

    # together, live: the office serves, each department joins after its August report
    server = subprocess.Popen([*CLI, "serve", "--db", str(office), "--host", "127.0.0.1",
                               "--port", "0", "--token", TOKEN],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        assert "ws://127.0.0.1:" in line, server.stderr.read()
        url = line.split(" on ")[1].split(" ")[0]
        run("update", "--db", str(files[COMMERCE]), "--task", ids[COMMERCE], "--progress", "50",
            "--date", "2024-08-25", "--note", "商务局八月进展")
        run("sync", "join", "--db", str(files[COMMERCE]), "--url", url, "--once")
        run("update", "--db", str(files[CULTURE]), "--task", ids[CULTURE], "--progress", "60",
            "--date", "2024-08-24", "--note", "文旅局八月进展")
        run("sync", "join", "--db", str(files[CULTURE]), "--url", url, "--once")
        deadline = time.monotonic() + 20
        while "文旅局八月进展" not in updates(plan_json(office)) and time.monotonic() < deadline:
            time.sleep(0.2)  # the server writes what it receives within its poll interval
        assert "文旅局八月进展" in updates(plan_json(office)), "the server never wrote what it received"
        run("sync", "join", "--db", str(files[COMMERCE]), "--url", url, "--once")
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=30)
    final = [plan_json(path) for path in files.values()]
    assert final[0] == final[1] == final[2]
    expected = sorted([*before, "商务局七月进展", "文旅局七月进展", "商务局八月进展", "文旅局八月进展"])
    assert updates(final[0]) == expected  # nothing lost, nothing twice
    assert "督查室新增方面" in [area["name"] for area in final[0]["areas"]]

    pdf = tmp_path / "summary.pdf"
    run("export-pdf", "--db", str(office), "--out", str(pdf), "--as-of", "2024-08-31")
    text = "".join(pdf_text(pdf).split())  # a table cell wraps its text over lines
    assert "商务局八月进展" in text and "文旅局八月进展" in text


def _with_new_area(office, tmp_path):
    """The office's change of structure, made as JSON the way `import-json` takes it."""
    plan = plan_json(office)
    plan["areas"].append({"id": "new-area-1", "name": "督查室新增方面", "description": "",
                          "weight": 1.0, "tasks": []})
    path = tmp_path / "office-structure.json"
    path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    return path
