"""Argument types and options shared by the subcommands."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path

from planner_gui.cli.words import CliApplication, fill
from planner_gui.paths import default_db_path

translate = CliApplication.translate


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(fill(translate("CommandLine", "%1 is not a date (YYYY-MM-DD)"), text)) from None


def output_file(*suffixes: str) -> Callable[[str], Path]:
    """An argparse type for a file to write: its folder must exist (a mistyped
    folder is named, not quietly made) and, given ``suffixes``, its name must
    end in one of them (``--out summary.docx`` would be a PDF by another name)."""

    def check(text: str) -> Path:
        path = Path(text)
        if suffixes and path.suffix.lower() not in suffixes:
            raise argparse.ArgumentTypeError(
                fill(translate("CommandLine", "%1: the file name must end in %2"), text, " / ".join(suffixes)))
        folder = path.parent
        if not folder.is_dir():
            raise argparse.ArgumentTypeError(fill(translate("CommandLine", "%1: the folder %2 does not exist"), text, folder))
        return path

    return check


def output_folder(text: str) -> Path:
    """A folder to write into: it may be new, but the folder it goes in must exist."""
    path = Path(text)
    if path.exists() and not path.is_dir():
        raise argparse.ArgumentTypeError(fill(translate("CommandLine", "%1 is a file, not a folder"), text))
    if not path.exists() and not path.parent.is_dir():
        raise argparse.ArgumentTypeError(fill(translate("CommandLine", "%1: the folder %2 does not exist"), text, path.parent))
    return path


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help=fill(translate("CommandLine", "the plan file (default: %1)"), default_db_path()),
    )


def db_path(args: argparse.Namespace) -> Path:
    return args.db if args.db is not None else default_db_path()


def add_as_of(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as-of", type=iso_date, default=None, metavar="YYYY-MM-DD",
                        help=translate("CommandLine", "figures as of this date (default: today, kept inside the plan's year)"))


def _text_options(parser: argparse.ArgumentParser) -> tuple[set[str], set[str]]:
    """(options taking one text value, every option string) of ``parser`` and its subcommands."""
    text: set[str] = set()
    every: set[str] = set()
    for action in parser._actions:  # noqa: SLF001 - argparse keeps its actions here only
        every.update(action.option_strings)
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for sub in action.choices.values():
                sub_text, sub_every = _text_options(sub)
                text |= sub_text
                every |= sub_every
        elif action.option_strings and action.type is None and action.nargs is None and (
                isinstance(action, (argparse._StoreAction, argparse._AppendAction))):  # noqa: SLF001
            text.update(s for s in action.option_strings if s.startswith("--"))
    return text, every


def keep_dash_values(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """``--note -行动计划起草中`` as ``--note=-行动计划起草中``: argparse takes a value that starts
    with a dash for an option ("expected one argument"), but a note, a name or a problem may well
    start with one. Only text options are joined, and only with a value that is no option."""
    text, every = _text_options(parser)
    out: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            out += argv[i:]
            break
        if arg in text and i + 1 < len(argv) and argv[i + 1].startswith("-") and (
                argv[i + 1] not in every and argv[i + 1].split("=", 1)[0] not in every):
            out.append(f"{arg}={argv[i + 1]}")
            i += 2
            continue
        out.append(arg)
        i += 1
    return out
