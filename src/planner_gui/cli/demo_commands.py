"""`planner-cli demo`: write a large synthetic plan for measuring and trying things out."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from planner_gui.cli.words import CliApplication, fill

translate = CliApplication.translate


def _count(text: str) -> int:
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(fill(translate("CommandLine", "%1 is not a whole number"), repr(text))) from None
    if value < 0:
        raise argparse.ArgumentTypeError(fill(translate("CommandLine", "%1 must not be negative"), repr(text)))
    return value


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help=translate("CommandLine", "write a synthetic plan (areas, nested tasks, a year of updates) to a new file"),
    )
    p.add_argument("--db", type=Path, required=True, help=translate("CommandLine", "the new plan file to write"))
    p.add_argument("--tasks", type=_count, default=10_000, help=translate("CommandLine", "tasks in all (default 10000)"))
    p.add_argument("--updates", type=_count, default=200_000,
                   help=translate("CommandLine", "progress updates in all (default 200000)"))
    p.add_argument("--seed", type=int, default=0, help=translate("CommandLine", "the same seed gives the same file"))
    p.add_argument("--year", type=int, default=2024, help=translate("CommandLine", "the plan's year (default 2024)"))
    p.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from planner_gui.demo import write_demo

    started = time.perf_counter()
    written = write_demo(args.db, args.tasks, args.updates, seed=args.seed, year=args.year)
    seconds = time.perf_counter() - started
    print(fill(translate("CommandLine", "created %1: %2 areas, %3 tasks, %4 indicators, %5 milestones, %6 updates in %7 s"),
               args.db, written.get("area", 0), written.get("task", 0), written.get("indicator", 0),
               written.get("milestone", 0), written.get("progress_update", 0), f"{seconds:.1f}"))
    return 0
