"""`planner-cli import-text`: propose a plan from a document's text and add it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from planner_gui.cli.options import add_db, db_path
from planner_gui.cli.words import CliApplication, fill

translate = CliApplication.translate

if TYPE_CHECKING:
    from planner_gui.exchange.intake.parse import Proposal


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import-text",
        help=translate("CommandLine", "read a plan document (.txt) and add the areas and tasks it states"),
        description=translate("CommandLine", "Read a plan document's text (UTF-8 or GB18030) and add the areas, tasks, "
                        "indicators and deadlines it states to the plan file. Use --dry-run to see "
                        "the proposal first."),
    )
    p.add_argument("file", type=Path, help=translate("CommandLine", "a text file: a task-division notice, work report or news report"))
    add_db(p)
    p.add_argument("--year", type=int, default=None, help=translate("CommandLine", "the plan's year (default: read from the text)"))
    p.add_argument("--dry-run", action="store_true", help=translate("CommandLine", "show the proposal and change nothing"))
    p.add_argument("--json", action="store_true", help=translate("CommandLine", "print the proposal as planner-gui/1 JSON"))
    p.set_defaults(func=cmd_import_text)


def _guess_mark(proposal: Proposal, item_id: str) -> str:
    """'  ? why' for an item the reader was not sure about."""
    if proposal.confidence(item_id) >= 0.8:
        return ""
    return f"  ? {proposal.notes(item_id)[0]}"


def _print_outline(proposal: Proposal) -> None:
    plan = proposal.plan
    # pyside6-lupdate does not read inside f-strings: the words are looked up first.
    tasks_word, milestone_word = translate("CommandLine", "%1 tasks"), translate("CommandLine", "milestone")
    note_word = translate("CommandLine", "note:")
    print(f"{plan.title} ({plan.year})")
    for area in plan.areas:
        print(f"  {area.name}  [{fill(tasks_word, len(area.tasks))}]")
        for task in area.walk_tasks():
            due = "  " + fill(translate("CommandLine", "due %1"), task.due.isoformat()) if task.due else ""
            print(f"    - {task.title}{due}{_guess_mark(proposal, task.id)}")
            for ind in task.indicators:
                target = f"{ind.target:g}" if ind.target is not None else "?"
                print(f"        {ind.name} {ind.comparator} {target} {ind.unit}{_guess_mark(proposal, ind.id)}")
            for ms in task.milestones:
                print(f"        {milestone_word} {ms.due.isoformat() if ms.due else '?'} {ms.title}")
    for warning in proposal.warnings:
        print(f"  {note_word} {warning}")


def cmd_import_text(args: argparse.Namespace) -> int:
    # text intake is loaded only when used, so `planner-cli` starts fast
    from planner_gui.exchange import json_format
    from planner_gui.exchange.intake.apply import new_plan_from
    from planner_gui.services import import_text
    from planner_gui.store import PlanStore

    if args.year is not None and not 1900 <= args.year <= 2200:
        raise _bad_year(args.year)
    path = db_path(args)
    existing_year = import_text.plan_year_of(path)
    preview = import_text.prepare_file(args.file, year=args.year, plan_year=existing_year)
    proposal, plan = preview.proposal, preview.plan
    if preview.other_year:
        proposal.warnings.append(f"the text is for {plan.year}; the plan file is for {existing_year}")
    if args.dry_run:
        if args.json:
            sys.stdout.write(json_format.dumps(new_plan_from(plan)))
        else:
            _print_outline(proposal)
        return 0
    tasks = preview.task_count()
    if tasks == 0:
        from planner_gui.domain.errors import FormatError

        raise FormatError(str(args.file), translate("CommandLine", "no areas or tasks found in the text; nothing added"))
    if existing_year is not None:
        with PlanStore.open(path) as store:
            result = import_text.apply(store, plan)
        message = fill(translate("CommandLine", "added %1 tasks to %2: %3 new areas, %4 matched existing areas"),
                       result.tasks_added, path, result.areas_added, result.areas_reused)
        if result.tasks_already_there:
            message += fill(translate("CommandLine", "; %1 tasks already there were left out"), result.tasks_already_there)
    else:
        if args.db is None:  # the data folder is made on first use; a named folder must exist
            path.parent.mkdir(parents=True, exist_ok=True)
        import_text.create(path, plan)
        message = fill(translate("CommandLine", "created %1: %2 areas, %3 tasks"), path, len(plan.areas), tasks)
    if args.json:
        sys.stdout.write(json_format.dumps(new_plan_from(plan)))
    out = sys.stderr if args.json else sys.stdout
    print(message, file=out)
    for warning in proposal.warnings:
        print(translate("CommandLine", "note:"), warning, file=out)
    return 0


def _bad_year(year: int) -> Exception:
    from planner_gui.domain.errors import ValidationError

    return ValidationError("--year", fill(translate("CommandLine", "%1 is not a plausible year"), year))
