"""Subcommands on whole plans: init, export-json, import-json, summary, update."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from planner_gui.cli.options import add_as_of, add_db, db_path, iso_date, output_file
from planner_gui.cli.words import CliApplication, chinese_wanted, fill

translate = CliApplication.translate

if TYPE_CHECKING:
    from planner_gui.domain.model import Plan

# What a command needs is imported in that command: `planner-cli --help` loads
# this module too, and the domain model and the store (sqlite-utils) were most
# of its 0.25 s.

# A --date further than this from the plan's year is taken for a typo (2204 for
# 2024) unless the user says otherwise (--any-date).
YEARS_AROUND_PLAN = 1


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help=translate("CommandLine", "create a plan file from the bundled plan (or an empty one)"))
    add_db(p)
    p.add_argument("--empty", action="store_true", help=translate("CommandLine", "an empty plan instead of the bundled one"))
    p.add_argument("--year", type=int, default=None, help=translate("CommandLine", "the year of an empty plan"))
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("export-json", help=translate("CommandLine", "write the whole plan as JSON (planner-gui/1)"))
    add_db(p)
    p.add_argument("--out", type=output_file(), default=None, metavar="FILE",
                   help=translate("CommandLine", "file to write, in a folder that exists (default: standard output)"))
    p.set_defaults(func=cmd_export_json)

    p = sub.add_parser("import-json", help=translate("CommandLine", "replace the plan in a file with a JSON plan"))
    add_db(p)
    p.add_argument("file", type=Path, help=translate("CommandLine", "a planner-gui/1 JSON file"))
    p.set_defaults(func=cmd_import_json)

    p = sub.add_parser("summary", help=translate("CommandLine", "lights, planned and actual progress as of a date"))
    add_db(p)
    add_as_of(p)
    p.add_argument("--task", default=None, metavar="ID",
                   help=translate("CommandLine", "only this task: its id, any unique start of the id, or its exact title"))
    p.add_argument("--json", action="store_true", help=translate("CommandLine", "machine-readable output"))
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("update", help=translate("CommandLine", "append a dated progress update to a task"))
    add_db(p)
    p.add_argument("--task", required=True, metavar="ID",
                   help=translate("CommandLine", "the task: its id, any unique start of the id, or its exact title"))
    p.add_argument("--progress", type=float, default=None, help=translate("CommandLine", "progress 0 to 100"))
    p.add_argument("--date", type=iso_date, default=None, help=translate("CommandLine", "date of the update (default: today)"))
    p.add_argument("--note", default="", help=translate("CommandLine", "what was done (进展情况)"))
    p.add_argument("--problems", default="", help=translate("CommandLine", "problems met (存在问题)"))
    p.add_argument("--next-steps", default="", help=translate("CommandLine", "next steps (下步计划)"))
    p.add_argument("--reporter", default="", help=translate("CommandLine", "who reports"))
    p.add_argument("--highlight", action="store_true", help=translate("CommandLine", "mark as a highlight (亮点)"))
    p.add_argument("--indicator", action="append", default=[], metavar="NAME=VALUE",
                   help=translate("CommandLine", "an indicator reading; may be repeated"))
    p.add_argument("--any-date", action="store_true",
                   help=fill(translate("CommandLine", "accept a date more than %1 year from the plan's year"),
                             YEARS_AROUND_PLAN))
    p.set_defaults(func=cmd_update)


def cmd_init(args: argparse.Namespace) -> int:
    from planner_gui.services.plan_files import init_file

    path = db_path(args)
    if args.db is None:  # the data folder is made on first use; a folder the user names must exist
        path.parent.mkdir(parents=True, exist_ok=True)
    with init_file(path, empty=args.empty, year=args.year) as store:
        counts = store.counts()
    print(fill(translate("CommandLine", "created %1: %2 areas, %3 tasks"), path, counts["area"], counts["task"]))
    return 0


def cmd_export_json(args: argparse.Namespace) -> int:
    from planner_gui.exchange import json_format
    from planner_gui.store import PlanStore

    with PlanStore.open(db_path(args)) as store:
        plan = store.load_plan()
    if args.out is None:
        json_format.dump(plan, sys.stdout)
    else:
        json_format.write_file(plan, args.out)
        print(fill(translate("CommandLine", "wrote %1"), args.out))
    return 0


def cmd_import_json(args: argparse.Namespace) -> int:
    from planner_gui.services import import_json
    from planner_gui.store import PlanStore

    plan = import_json.prepare(args.file)
    path = db_path(args)
    if path.exists():
        with PlanStore.open(path) as store:
            import_json.apply(store, plan)
    else:
        PlanStore.create(path, plan).close()
    print(fill(translate("CommandLine", "imported %1 into %2: %3 areas, %4 tasks"), args.file, path, len(plan.areas),
               sum(1 for _ in plan.walk_tasks())))
    return 0


def resolve_task_id(plan: Plan, key: str) -> str:
    """A task by its id, any unique start of its id, or its exact title."""
    from planner_gui.domain.errors import NotFoundError, ValidationError

    tasks = list(plan.walk_tasks())
    for task in tasks:
        if task.id == key:
            return task.id
    matches = ([t for t in tasks if key and t.id.startswith(key)]
               or [t for t in tasks if t.title == key.strip()])
    if len(matches) == 1:
        return matches[0].id
    if len(matches) > 1:
        raise ValidationError("--task", fill(translate("CommandLine", "%1 matches %2 tasks; give more of the id"),
                                             repr(key), len(matches)))
    raise NotFoundError(fill(translate("CommandLine", "no task with id %1"), key))


def cmd_summary(args: argparse.Namespace) -> int:
    from planner_gui.cli.terminal import display_width, pad
    from planner_gui.domain.dates import default_as_of
    from planner_gui.domain.progress import Status, status_word
    from planner_gui.domain.rounding import format_progress
    from planner_gui.domain.summary import summary_dict
    from planner_gui.store import PlanStore

    with PlanStore.open(db_path(args)) as store:
        plan = store.load_plan()
    as_of = args.as_of or default_as_of(plan.year)
    task_id = resolve_task_id(plan, args.task) if args.task else None
    data = summary_dict(plan, as_of, task_id)
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    lang = "zh" if chinese_wanted() else "en"
    print(fill(translate("CommandLine", "%1 — as of %2"), plan.title, data["as_of"]))
    print(fill(translate("CommandLine", "progress %1"), format_progress(data["progress"])) + "   "
          + fill(translate("CommandLine", "work items: %1"), data["work_items"]) + "   " + "   ".join(
        fill(translate("CommandLine", "%1: %2"), status_word(Status(k), lang), v) for k, v in data["status"].items()
    ) + "   " + fill(translate("CommandLine", "not reported: %1"), data["not_reported"]))
    print()
    headings = (translate("CommandLine", "status"), translate("CommandLine", "progress"),
                translate("CommandLine", "planned"), translate("CommandLine", "rep"),
                translate("CommandLine", "title"))
    yes, no = translate("CommandLine", "yes"), translate("CommandLine", "NO")
    reported_width = max(display_width(word) for word in (headings[3], yes, no))

    def row(status: str, progress: str, planned: str, reported: str, title: str) -> str:
        return (f"{pad(status, 12)} {pad(progress, 8, '>')} {pad(planned, 8, '>')}  "
                f"{pad(reported, reported_width)}  {title}")

    print(row(*headings))
    for t in data["tasks"]:
        indent = "  " if t["subtask"] else ""
        print(row(status_word(Status(t["status"]), lang), format_progress(t["progress"]),
                  format_progress(t["planned"], empty=""), yes if t["reported"] else no, indent + t["title"]))
    return 0


def parse_reading(text: str) -> tuple[str, float]:
    from planner_gui.domain.errors import ValidationError

    name, sep, value = text.rpartition("=")
    if not sep or not name.strip():
        raise ValidationError("--indicator", fill(translate("CommandLine", "%1 is not NAME=VALUE"), repr(text)))
    try:
        return name.strip(), float(value)
    except ValueError:
        raise ValidationError("--indicator", fill(translate("CommandLine", "%1 in %2 is not a number"),
                                                  repr(value), repr(text))) from None


def cmd_update(args: argparse.Namespace) -> int:
    from planner_gui.domain.errors import ValidationError
    from planner_gui.domain.model import ProgressUpdate
    from planner_gui.store import PlanStore

    readings = dict(parse_reading(item) for item in args.indicator)
    texts = (args.note, args.problems, args.next_steps)
    if args.progress is None and not readings and not any(t.strip() for t in texts):
        raise ValidationError("update", translate("CommandLine", "it says nothing: give --progress, --note, --problems, "
                                            "--next-steps or --indicator"))
    day = args.date or date.today()
    with PlanStore.open(db_path(args)) as store:
        plan = store.load_plan()
        task_id = resolve_task_id(plan, args.task)
        # (a typed --date only: today is never a typo, even with an old plan)
        if args.date and abs(day.year - plan.year) > YEARS_AROUND_PLAN and not args.any_date:
            raise ValidationError("--date", fill(translate("CommandLine", "%1 is far from the plan's year %2; "
                                                     "give --any-date if it is meant"),
                                                 day.isoformat(), plan.year))
        update = ProgressUpdate(
            date=day,
            progress=args.progress,
            text=args.note,
            problems=args.problems,
            next_steps=args.next_steps,
            reporter=args.reporter,
            highlight=args.highlight,
            readings=readings,
        )
        store.back_up_for_today()  # the day's first change: something to protect
        store.add_update(task_id, update)
    print(fill(translate("CommandLine", "added update %1 to task %2"), update.id, task_id))
    return 0
