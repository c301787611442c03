"""Argument types and options shared by the subcommands."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

from planner_gui.paths import default_db_path


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text} is not a date (YYYY-MM-DD)") from None


def output_file(*suffixes: str) -> Callable[[str], Path]:
    """An argparse type for a file to write: its folder must exist (a mistyped
    folder is named, not quietly made) and, given ``suffixes``, its name must
    end in one of them (``--out summary.docx`` would be a PDF by another name)."""

    def check(text: str) -> Path:
        path = Path(text)
        if suffixes and path.suffix.lower() not in suffixes:
            raise argparse.ArgumentTypeError(
                f"{text}: the file name must end in {' or '.join(suffixes)}")
        folder = path.parent
        if not folder.is_dir():
            raise argparse.ArgumentTypeError(f"{text}: the folder {folder} does not exist")
        return path

    return check


def output_folder(text: str) -> Path:
    """A folder to write into: it may be new, but the folder it goes in must exist."""
    path = Path(text)
    if path.exists() and not path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a file, not a folder")
    if not path.exists() and not path.parent.is_dir():
        raise argparse.ArgumentTypeError(f"{text}: the folder {path.parent} does not exist")
    return path


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
                        help="figures as of this date (default: today)")
