"""Subcommands on whole plans: init, export-json, import-json, summary, update."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from planner_gui.cli.options import add_as_of, add_db, db_path, iso_date
from planner_gui.domain.dates import default_as_of
from planner_gui.domain.errors import NotFoundError, ValidationError
from planner_gui.domain.model import Plan, ProgressUpdate
from planner_gui.domain.progress import Status, status_word
from planner_gui.domain.rounding import format_progress
from planner_gui.store import PlanStore

# The modules only one command needs are imported in that command: `planner --help`
# and the other commands of this module load it too, and importing them all cost
# each command 5-10 ms.


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create a plan file from the bundled plan (or an empty one)")
    add_db(p)
    p.add_argument("--empty", action="store_true", help="an empty plan instead of the bundled one")
    p.add_argument("--year", type=int, default=None, help="the year of an empty plan")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("export-json", help="write the whole plan as JSON (planner-gui/1)")
    add_db(p)
    p.add_argument("--out", type=Path, default=None, help="file to write (default: standard output)")
    p.set_defaults(func=cmd_export_json)

    p = sub.add_parser("import-json", help="replace the plan in a file with a JSON plan")
    add_db(p)
    p.add_argument("file", type=Path, help="a planner-gui/1 JSON file")
    p.set_defaults(func=cmd_import_json)

    p = sub.add_parser("summary", help="lights, planned and actual progress as of a date")
    add_db(p)
    add_as_of(p)
    p.add_argument("--task", default=None, metavar="ID", help="only this task")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("update", help="append a dated progress update to a task")
    add_db(p)
    p.add_argument("--task", required=True, metavar="ID", help="task id (or a unique start of it)")
    p.add_argument("--progress", type=float, default=None, help="progress 0 to 100")
    p.add_argument("--date", type=iso_date, default=None, help="date of the update (default: today)")
    p.add_argument("--note", default="", help="what was done (进展情况)")
    p.add_argument("--problems", default="", help="problems met (存在问题)")
    p.add_argument("--next-steps", default="", help="next steps (下步计划)")
    p.add_argument("--reporter", default="", help="who reports")
    p.add_argument("--highlight", action="store_true", help="mark as a highlight (亮点)")
    p.add_argument("--indicator", action="append", default=[], metavar="NAME=VALUE",
                   help="an indicator reading; may be repeated")
    p.set_defaults(func=cmd_update)


def cmd_init(args: argparse.Namespace) -> int:
    from planner_gui.plan_files import init_file

    path = db_path(args)
    path.parent.mkdir(parents=True, exist_ok=True)
    with init_file(path, empty=args.empty, year=args.year) as store:
        counts = store.counts()
    print(f"created {path}: {counts['area']} areas, {counts['task']} tasks")
    return 0


def cmd_export_json(args: argparse.Namespace) -> int:
    from planner_gui.exchange import json_format

    with PlanStore.open(db_path(args)) as store:
        plan = store.load_plan()
    if args.out is None:
        sys.stdout.write(json_format.dumps(plan))
    else:
        json_format.write_file(plan, args.out)
        print(f"wrote {args.out}")
    return 0


def cmd_import_json(args: argparse.Namespace) -> int:
    from planner_gui.exchange import json_format
    from planner_gui.store.backups import backup_before

    plan = json_format.read_file(args.file)
    path = db_path(args)
    if path.exists():
        with PlanStore.open(path) as store:
            backup_before(store, "before-import")
            store.replace_plan(plan)
    else:
        PlanStore.create(path, plan).close()
    print(f"imported {args.file} into {path}: {len(plan.areas)} areas, "
          f"{sum(1 for _ in plan.walk_tasks())} tasks")
    return 0


def resolve_task_id(plan: Plan, key: str) -> str:
    """A task by its id, a unique start of its id (8 characters or more), or its exact title."""
    tasks = list(plan.walk_tasks())
    for task in tasks:
        if task.id == key:
            return task.id
    matches = [t for t in tasks if len(key) >= 8 and t.id.startswith(key)] or [
        t for t in tasks if t.title == key
    ]
    if len(matches) == 1:
        return matches[0].id
    if len(matches) > 1:
        raise ValidationError("--task", f"{key!r} matches {len(matches)} tasks; give the full id")
    raise NotFoundError(f"no task with id {key}")


def cmd_summary(args: argparse.Namespace) -> int:
    from planner_gui.domain.summary import summary_dict

    with PlanStore.open(db_path(args)) as store:
        plan = store.load_plan()
    as_of = args.as_of or default_as_of(plan.year)
    task_id = resolve_task_id(plan, args.task) if args.task else None
    data = summary_dict(plan, as_of, task_id)
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"{plan.title} — as of {data['as_of']}")
    print(f"progress {format_progress(data['progress'])}   work items: {data['work_items']}   " + "   ".join(
        f"{status_word(Status(k), 'en')}: {v}" for k, v in data["status"].items()
    ) + f"   not reported: {data['not_reported']}")
    print()
    print(f"{'status':<12} {'progress':>8} {'planned':>8}  {'rep':<3}  title")
    for t in data["tasks"]:
        planned = format_progress(t["planned"], empty="")
        indent = "  " if t["subtask"] else ""
        print(f"{status_word(Status(t['status']), 'en'):<12} {format_progress(t['progress']):>8} {planned:>8}  "
              f"{'yes' if t['reported'] else 'NO':<3}  {indent}{t['title']}")
    return 0


def parse_reading(text: str) -> tuple[str, float]:
    name, sep, value = text.rpartition("=")
    if not sep or not name.strip():
        raise ValidationError("--indicator", f"{text!r} is not NAME=VALUE")
    try:
        return name.strip(), float(value)
    except ValueError:
        raise ValidationError("--indicator", f"{value!r} in {text!r} is not a number") from None


def cmd_update(args: argparse.Namespace) -> int:
    readings = dict(parse_reading(item) for item in args.indicator)
    with PlanStore.open(db_path(args)) as store:
        task_id = resolve_task_id(store.load_plan(), args.task)
        update = ProgressUpdate(
            date=args.date or date.today(),
            progress=args.progress,
            text=args.note,
            problems=args.problems,
            next_steps=args.next_steps,
            reporter=args.reporter,
            highlight=args.highlight,
            readings=readings,
        )
        store.add_update(task_id, update)
    print(f"added update {update.id} to task {task_id}")
    return 0
