"""`planner-cli demo`: write a large synthetic plan for measuring and trying things out."""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def _count(text: str) -> int:
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must not be negative")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help="write a synthetic plan (areas, nested tasks, a year of updates) to a new file",
    )
    p.add_argument("--db", type=Path, required=True, help="the new plan file to write")
    p.add_argument("--tasks", type=_count, default=10_000, help="tasks in all (default 10000)")
    p.add_argument("--updates", type=_count, default=200_000,
                   help="progress updates in all (default 200000)")
    p.add_argument("--seed", type=int, default=0, help="the same seed gives the same file")
    p.add_argument("--year", type=int, default=2024, help="the plan's year (default 2024)")
    p.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from planner_gui.demo import write_demo

    started = time.perf_counter()
    written = write_demo(args.db, args.tasks, args.updates, seed=args.seed, year=args.year)
    seconds = time.perf_counter() - started
    print(f"created {args.db}: {written.get('area', 0)} areas, {written.get('task', 0)} tasks, "
          f"{written.get('indicator', 0)} indicators, {written.get('milestone', 0)} milestones, "
          f"{written.get('progress_update', 0)} updates in {seconds:.1f} s")
    return 0
