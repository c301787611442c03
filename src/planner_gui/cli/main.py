"""Entry point of `planner`. Each subcommand lives in a module of this package
listed in COMMAND_MODULES and registers itself with ``register(subparsers)``.

Exit codes: 0 success; 1 bad data or a bad file (one line on stderr, never a
traceback); 2 bad usage.
"""

from __future__ import annotations

import argparse
import importlib
import sqlite3
import sys
from collections.abc import Sequence

from planner_gui import __version__
from planner_gui.domain.errors import PlannerError

COMMAND_MODULES = [
    "planner_gui.cli.plan_commands",
    "planner_gui.cli.file_commands",
    "planner_gui.cli.demo_commands",
    "planner_gui.cli.ledger_commands",
    "planner_gui.cli.report_commands",
    "planner_gui.cli.intake_commands",
]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # noqa: D102 - argparse's hook
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="planner",
        description="Work with planner-gui plan files without the window.",
    )
    parser.add_argument("--version", action="version", version=f"planner-gui {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def fail(message: str) -> int:
    print(f"planner: error: {message}", file=sys.stderr)
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from planner_gui.store.loading import freezing_what_is_read

    try:
        with freezing_what_is_read():
            return int(args.func(args) or 0)
    except PlannerError as exc:
        return fail(str(exc))
    except sqlite3.Error as exc:
        return fail(f"database error: {exc}")
    except OSError as exc:
        name = f"{exc.filename}: " if exc.filename else ""
        return fail(f"{name}{exc.strerror or exc}")
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
