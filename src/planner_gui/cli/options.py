"""Argument types and options shared by the subcommands."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from planner_gui.paths import default_db_path


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help=f"the plan file (default: {default_db_path()})",
    )


def db_path(args: argparse.Namespace) -> Path:
    return args.db if args.db is not None else default_db_path()


def add_as_of(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as-of", type=iso_date, default=None, metavar="YYYY-MM-DD",
                        help="figures as of this date (default: today, kept inside the plan's year)")
