"""The `planner-cli` command: every subcommand, and its errors as one line with
the right exit code, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from planner_gui.cli.main import main


def planner(*args: str, check_code: int | None = 0) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "planner_gui.cli.main", *args],
        capture_output=True, text=True, timeout=60,
    )
    assert "Traceback" not in result.stderr
    if check_code is not None:
        assert result.returncode == check_code, result.stderr
    return result


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "plan.sqlite"
    assert main(["init", "--db", str(path)]) == 0
    return path


def test_init_then_export_json_shows_the_bundled_plan(plan_file, capsys):
    capsys.readouterr()
    assert main(["export-json", "--db", str(plan_file)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["plan"]["title"] == "丰台区2024年度重点工作任务"
    assert len(data["areas"]) == 8


def test_init_empty_plan(tmp_path, capsys):
    path = tmp_path / "e.sqlite"
    assert main(["init", "--db", str(path), "--empty", "--year", "2025"]) == 0
    assert main(["export-json", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    data = json.loads(out[out.index("{"):])
    assert data["plan"]["year"] == 2025 and data["areas"] == []


def test_init_refuses_to_overwrite(plan_file):
    result = planner("init", "--db", str(plan_file), check_code=1)
    assert "already exists" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_export_to_file_and_import_back_is_lossless(plan_file, tmp_path, capsys):
    out = tmp_path / "plan.json"
    assert main(["update", "--db", str(plan_file), "--task", _first_task_id(plan_file),
                 "--progress", "30", "--date", "2024-03-20", "--note", "已启动"]) == 0
    assert main(["export-json", "--db", str(plan_file), "--out", str(out)]) == 0
    other = tmp_path / "other.sqlite"
    assert main(["import-json", "--db", str(other), str(out)]) == 0
    copy = tmp_path / "copy.json"
    assert main(["export-json", "--db", str(other), "--out", str(copy)]) == 0
    assert json.loads(copy.read_text("utf-8")) == json.loads(out.read_text("utf-8"))


def _first_task_id(path) -> str:
    from planner_gui.store import PlanStore

    with PlanStore.open(path) as store:
        return next(t.id for t in store.load_plan().walk_tasks() if t.indicators)


def test_update_appends_and_summary_reports_it(plan_file, capsys):
    task_id = _first_task_id(plan_file)
    from planner_gui.store import PlanStore

    with PlanStore.open(plan_file) as store:
        name = store.get_task(task_id).indicators[0].name
    assert main(["update", "--db", str(plan_file), "--task", task_id[:8], "--progress", "100",
                 "--date", "2024-05-01", "--indicator", f"{name}=7"]) == 0
    capsys.readouterr()
    assert main(["summary", "--db", str(plan_file), "--as-of", "2024-05-02", "--task", task_id, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["as_of"] == "2024-05-02"
    assert data["tasks"] == [
        {**data["tasks"][0], "id": task_id, "status": "done", "progress": 100.0}
    ]
    # as of a date before the update, the same task is not done
    assert main(["summary", "--db", str(plan_file), "--as-of", "2024-04-30", "--task", task_id, "--json"]) == 0
    before = json.loads(capsys.readouterr().out)
    assert before["tasks"][0]["status"] != "done"


def test_summary_counts_leaf_tasks_and_prints_a_table(plan_file, capsys):
    capsys.readouterr()
    assert main(["summary", "--db", str(plan_file), "--as-of", "2024-03-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["status"]) == {"green", "blue", "yellow", "red", "done", "not_started", "no_deadline"}
    leaves = [t for t in data["tasks"] if not _has_children(t, data["tasks"])]
    assert sum(data["status"].values()) == len(leaves)
    assert 0 <= data["progress"] <= 100
    assert main(["summary", "--db", str(plan_file), "--as-of", "2024-03-01"]) == 0
    table = capsys.readouterr().out
    assert "丰台区2024年度重点工作任务" in table and "举办第二届倍增追赶合作发展丰台大会" in table


def _has_children(task: dict, tasks: list[dict]) -> bool:
    index = tasks.index(task)
    return index + 1 < len(tasks) and tasks[index + 1]["subtask"] and not task["subtask"]


def test_check_reports_ok(plan_file, capsys):
    assert main(["check", "--db", str(plan_file)]) == 0
    assert "ok" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["update", "--task", "nope", "--progress", "10"], "no task with id nope"),
        (["update", "--task", "{first}", "--progress", "120"], "progress: 120.0 is outside 0 to 100"),
        (["update", "--task", "{first}", "--indicator", "x"], "is not NAME=VALUE"),
        (["update", "--task", "{first}", "--indicator", "不存在=3"], "no indicator named 不存在"),
        (["summary", "--task", "nope"], "no task with id nope"),
    ],
)
def test_bad_data_is_one_line_and_exit_1(plan_file, args, message):
    first = _first_task_id(plan_file)
    args = [a.replace("{first}", first) for a in args]
    result = planner(*args, "--db", str(plan_file), check_code=1)
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_files_are_one_line_and_exit_1(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    result = planner("summary", "--db", str(text), check_code=1)
    assert f"{text}: is not a planner-gui plan" in result.stderr
    assert text.read_text(encoding="utf-8") == "hello"
    result = planner("export-json", "--db", str(tmp_path / "missing.sqlite"), check_code=1)
    assert "does not exist" in result.stderr
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('{"format": "planner-gui/1", "plan": {"title": "x", "year": "2024"}}', "utf-8")
    result = planner("import-json", "--db", str(tmp_path / "n.sqlite"), str(bad_json), check_code=1)
    assert "plan.year: must be a whole number" in result.stderr


@pytest.mark.parametrize(
    "args",
    [[], ["frobnicate"], ["summary", "--as-of", "yesterday"], ["update", "--progress", "3"],
     ["update", "--task", "x", "--progress", "lots"]],
)
def test_bad_usage_exits_2_with_one_line(args):
    result = planner(*args, check_code=2)
    assert result.stderr.startswith("planner-cli: ")
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr  # not the usage block


@pytest.mark.parametrize(
    "command", ["init", "export-json", "import-json", "summary", "update", "check"]
)
def test_every_subcommand_has_help(command):
    result = planner(command, "--help")
    assert "usage: planner-cli " + command in result.stdout


def test_version():
    from planner_gui import __version__

    assert planner("--version").stdout.strip() == f"planner-gui {__version__}"


def test_the_command_table_names_the_module_that_registers_each_command():
    """main.COMMANDS (which module to load for `planner-cli NAME`) agrees with what
    the command modules register, so no command is missing or sent elsewhere."""
    from planner_gui.cli import main as cli_main

    parser = cli_main.build_parser([])  # every command
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    registered = {name: p.get_default("func").__module__ for name, p in sub.choices.items()}
    assert registered == cli_main.COMMANDS


def test_a_command_loads_only_its_own_module_and_help_lists_them_all():
    import subprocess
    import sys

    code = ("import sys, planner_gui.cli.main as m; p = m.build_parser(sys.argv[1:]); "
            "print(sorted(n for n in sys.modules if n.startswith('planner_gui.cli.') and n.endswith('_commands')))")
    only = subprocess.run([sys.executable, "-c", code, "summary", "--db", "x"], capture_output=True, text=True,
                          check=True)
    assert only.stdout.strip() == "['planner_gui.cli.plan_commands']"
    listing = planner("--help").stdout
    for command in ("init", "summary", "backup", "demo", "export-xlsx", "export-pdf", "import-text"):
        assert command in listing
    mistyped = planner("sumary", check_code=2)
    assert "invalid choice" in mistyped.stderr and "summary" in mistyped.stderr


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_summary_columns_line_up_on_a_terminal_in_both_languages(plan_file, monkeypatch, language):
    """A Chinese word takes two terminal columns: every row's title (and the
    heading's) starts at the same column, and the status counts use the
    language's own colon."""
    from planner_gui.cli.terminal import display_width

    monkeypatch.setenv("LANGUAGE", language)
    out = planner("summary", "--db", str(plan_file), "--as-of", "2024-09-30").stdout
    head, _blank, *rows = out.splitlines()[1:]
    assert ("逾期：" if language == "zh_CN" else "Overdue: ") in head
    title_heading = "任务名称" if language == "zh_CN" else "title"
    starts = {display_width(rows[0][: rows[0].index(title_heading)])}
    plan = json.loads(planner("summary", "--db", str(plan_file), "--as-of", "2024-09-30", "--json").stdout)
    for line, task in zip(rows[1:], plan["tasks"], strict=True):
        starts.add(display_width(line[: line.index(task["title"])]) - (2 if task["subtask"] else 0))
    assert len(starts) == 1
