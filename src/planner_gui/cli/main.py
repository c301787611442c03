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
from planner_gui.cli.options import keep_dash_values
from planner_gui.domain.errors import PlannerError

# The module that registers each command. `planner summary ...` imports and
# sets up that module alone: building every command's parser was 8 ms of each
# command's start. tests/test_cli.py checks this table against what the
# modules register.
COMMANDS = {
    "init": "planner_gui.cli.plan_commands",
    "export-json": "planner_gui.cli.plan_commands",
    "import-json": "planner_gui.cli.plan_commands",
    "summary": "planner_gui.cli.plan_commands",
    "update": "planner_gui.cli.plan_commands",
    "backup": "planner_gui.cli.file_commands",
    "backups": "planner_gui.cli.file_commands",
    "restore": "planner_gui.cli.file_commands",
    "check": "planner_gui.cli.file_commands",
    "demo": "planner_gui.cli.demo_commands",
    "export-xlsx": "planner_gui.cli.ledger_commands",
    "import-xlsx": "planner_gui.cli.ledger_commands",
    "export-forms": "planner_gui.cli.ledger_commands",
    "export-pdf": "planner_gui.cli.report_commands",
    "import-text": "planner_gui.cli.intake_commands",
    "sync": "planner_gui.cli.sync_commands",
    "serve": "planner_gui.cli.sync_commands",
}
COMMAND_MODULES = list(dict.fromkeys(COMMANDS.values()))  # in the order help lists them


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # noqa: D102 - argparse's hook
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: with the named command's module only, or with
    every command (no command named, --help, a mistyped name)."""
    parser = _Parser(
        prog="planner",
        description="Work with planner-gui plan files without the window.",
    )
    parser.add_argument("--version", action="version", version=f"planner-gui {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    named = next((arg for arg in argv or () if not arg.startswith("-")), None)
    for name in [COMMANDS[named]] if named in COMMANDS else COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def fail(message: str) -> int:
    print(f"planner: error: {message}", file=sys.stderr)
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv)
    args = parser.parse_args(keep_dash_values(parser, argv))
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
