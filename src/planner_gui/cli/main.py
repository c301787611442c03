"""Entry point of `planner-cli`. Each subcommand lives in a module of this package
listed in COMMAND_MODULES and registers itself with ``register(subparsers)``.

Exit codes: 0 success; 1 bad data or a bad file (one line on stderr, never a
traceback); 2 bad usage.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from planner_gui import __version__
from planner_gui.cli import words
from planner_gui.cli.options import keep_dash_values
from planner_gui.cli.words import CliApplication

translate = CliApplication.translate


# The module that registers each command. `planner-cli summary ...` imports and
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


PROG = "planner-cli"


def usage_line(message: str) -> str:
    """argparse's "argument --date: ..." as "planner-cli: --date: ..."."""
    if message.startswith("argument "):
        message = message[len("argument "):]
    return f"{PROG}: {message}"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # noqa: D102 - argparse's hook
        # One line naming the option; the usage block is one --help away.
        hint = translate("CommandLine", "; planner-cli --help lists them") if "COMMAND" in message else ""
        self.exit(2, usage_line(message) + hint + "\n")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: with the named command's module only, or with
    every command (no command named, --help, a mistyped name)."""
    words.install()  # argparse's own words in the user's language
    parser = _Parser(
        prog=PROG,
        description=translate("CommandLine", "Work with planner-gui plan files without the window."),
    )
    parser.add_argument("--version", action="version", version=f"planner-gui {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    named = next((arg for arg in argv or () if not arg.startswith("-")), None)
    for name in [COMMANDS[named]] if named in COMMANDS else COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def fail(message: str) -> int:
    print(f"{PROG}:", translate("CommandLine", "error:"), message, file=sys.stderr)
    return 1


def _quiet_stdout() -> None:
    """The reader went away (`planner-cli summary | head`): send what is left
    of standard output nowhere, so Python's flush at exit has no pipe to break."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    from planner_gui.cli.terminal import guarded_terminal

    try:
        with guarded_terminal():  # a title holding ESC [ 2 J is shown, not obeyed
            return _run(argv)
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except KeyboardInterrupt:
        return 130
    except SystemExit:  # --help, --version, a usage error: argparse printed and exits
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _quiet_stdout()
        raise


def _run(argv: list[str]) -> int:
    parser = build_parser(argv)
    args = parser.parse_args(keep_dash_values(parser, argv))
    # Loaded only for a command that runs: --help and usage errors need none of it.
    import sqlite3

    from planner_gui.domain.errors import PlannerError
    from planner_gui.store.loading import freezing_what_is_read

    try:
        with freezing_what_is_read():
            code = int(args.func(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, not in Python's flush at exit
        return code
    except PlannerError as exc:
        return fail(str(exc))
    except sqlite3.Error as exc:
        return fail(f"database error: {exc}")
    except BrokenPipeError:
        raise
    except OSError as exc:
        name = f"{exc.filename}: " if exc.filename else ""
        return fail(f"{name}{exc.strerror or exc}")


if __name__ == "__main__":
    sys.exit(main())
