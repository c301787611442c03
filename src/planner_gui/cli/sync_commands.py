"""`planner-cli sync init|export|import|history` and `planner-cli serve`: copies of one plan on several PCs."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner_gui.cli.options import add_db, db_path

# The store (sqlite-utils) is imported in the commands that use it: `planner-cli --help`
# loads this module too.


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sync", help="exchange changes with other copies of the plan (office, units)")
    steps = p.add_subparsers(dest="sync_command", metavar="STEP", parser_class=type(p))
    steps.required = True
    p.set_defaults(func=_no_step)  # each step sets its own; the command table names this module

    s = steps.add_parser("init", help="name this copy's owner: the office or a unit")
    add_db(s)
    s.add_argument("--as", dest="owner", required=True, metavar="UNIT|office",
                   help="a lead unit of the plan's tasks, or 'office'")
    s.set_defaults(func=cmd_init)

    s = steps.add_parser("export", help="write the changes a peer lacks into a .plansync packet")
    add_db(s)
    s.add_argument("--for", dest="peer", required=True, metavar="PEER",
                   help="the peer's owner name (a unit or 'office'), or 'all' for everything")
    s.add_argument("--out", type=Path, required=True, metavar="X.plansync", help="packet to write")
    s.set_defaults(func=cmd_export)

    s = steps.add_parser("import", help="apply peers' .plansync packets (backed up first)")
    add_db(s)
    s.add_argument("packets", type=Path, nargs="+", metavar="X.plansync",
                   help="one or more packets, applied in this order in one transaction")
    s.add_argument("--dry-run", action="store_true", help="show what would change; change nothing")
    s.set_defaults(func=cmd_import)

    p = sub.add_parser("serve", help="share the plan live with the units' windows (office network)")
    add_db(p)
    p.add_argument("--host", required=True,
                   help="the address to listen on, e.g. this PC's address on the office network "
                        "(0.0.0.0: every network of this PC); nothing is listened on unless named")
    p.add_argument("--port", type=int, required=True, help="the TCP port to listen on")
    p.add_argument("--token", default=None,
                   help="the shared secret the units' windows must give (default: the "
                        "PLANNER_SYNC_TOKEN environment variable; at least 8 characters)")
    p.add_argument("--token-file", type=Path, default=None, metavar="F",
                   help="each unit's own token, one 'UNIT=TOKEN' line each ('office=TOKEN' for "
                        "the office's windows): a unit's connection may send only that unit's "
                        "changes, within its rights; with it, --token is optional")
    p.set_defaults(func=cmd_serve)

    s = steps.add_parser("join", help="keep this copy in step with the office's server (planner-cli serve)")
    add_db(s)
    s.add_argument("--url", required=True, metavar="ws://HOST:PORT", help="the office's server")
    s.add_argument("--token", default=None, help="the office's token (default: PLANNER_SYNC_TOKEN)")
    s.add_argument("--once", action="store_true",
                   help="exchange what each side lacks, then stop (default: stay until Ctrl+C)")
    s.set_defaults(func=cmd_join)

    s = steps.add_parser("history", help="values that lost to another copy's edit of the same field")
    add_db(s)
    s.set_defaults(func=cmd_history)


def _no_step(args: argparse.Namespace) -> int:  # pragma: no cover - argparse requires a step
    return 2


def cmd_init(args: argparse.Namespace) -> int:
    from planner_gui.store import PlanStore
    from planner_gui.sync import copies

    path = db_path(args)
    with PlanStore.open(path) as store:
        copies.init_copy(store, args.owner)
    print(f"{path}: this copy belongs to {args.owner.strip()}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from planner_gui.store import PlanStore
    from planner_gui.sync import copies

    with PlanStore.open(db_path(args)) as store:
        result = copies.export_packet(store, args.peer, args.out)
    scope = "everything" if result.everything else f"what {result.peer} lacks"
    print(f"wrote {result.path} ({result.size} bytes, {scope})")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from planner_gui.store import PlanStore
    from planner_gui.sync import copies

    with PlanStore.open(db_path(args)) as store:
        reports = copies.import_packets(store, args.packets, dry_run=args.dry_run)
    verb = "would change" if args.dry_run else "changed"
    for report in reports:
        if not report.new:
            print(f"{report.path}: from {report.sender}; nothing new (this copy has it all)")
            continue
        print(f"{report.path}: from {report.sender}; {verb} {len(report.tasks_changed)} tasks, "
              f"{report.updates_added} updates added, {len(report.conflicts)} fields changed on "
              f"both sides, {len(report.refused)} changes refused")
        for conflict in report.conflicts:
            print(f"  both changed: {conflict.what}: {conflict.field}: kept {conflict.kept!r} "
                  f"({conflict.kept_by}), {conflict.lost!r} ({conflict.lost_by}) is in the history")
        for refused in report.refused:
            print(f"  refused: {refused}")
        if report.backup is not None:
            print(f"  backup before the import: {report.backup}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import asyncio
    import os

    from planner_gui.domain.errors import ValidationError
    from planner_gui.sync import live

    token = args.token if args.token is not None else os.environ.get("PLANNER_SYNC_TOKEN", "")
    path = db_path(args)
    unit_tokens = None
    if args.token_file is not None:
        from planner_gui.store import PlanStore

        with PlanStore.open(path) as store:
            units = {row[0] for row in store.db.execute("SELECT lead_unit FROM task")}
        unit_tokens = live.read_token_file(args.token_file, units)
        if not token:
            token = None  # the units' tokens only
    if token is not None and len(token) < live.TOKEN_MIN:
        raise ValidationError("--token", f"a token of at least {live.TOKEN_MIN} characters is "
                              "required (or PLANNER_SYNC_TOKEN, or --token-file)")

    def started(served: live.Served) -> None:
        print(f"serving {path} on {served.url} (Ctrl+C stops)", flush=True)

    def refused(line: str) -> None:
        print(f"refused: {line}", flush=True)

    asyncio.run(live.serve(path, args.host, args.port, token, unit_tokens=unit_tokens,
                           on_started=started, on_refused=refused))
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    import asyncio
    import os

    from planner_gui.domain.errors import PlannerError
    from planner_gui.sync import live

    token = args.token if args.token is not None else os.environ.get("PLANNER_SYNC_TOKEN", "")
    path = db_path(args)
    try:
        asyncio.run(live.join(path, args.url, token, once=args.once,
                              on_status=lambda text: print(f"{path}: {text} with {args.url}", flush=True)))
    except ConnectionError as exc:
        raise PlannerError(f"{args.url}: {exc}") from None
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from planner_gui.store import PlanStore
    from planner_gui.sync import copies

    with PlanStore.open(db_path(args)) as store:
        found = copies.history(store)
    if not found:
        print("no field was changed on two copies at once")
    for item in found:
        print(f"{item['when']} {item['table']} {item['id']} {item['field']}: kept {item['kept']!r} "
              f"({item['kept_by']}), lost {item['lost']!r} ({item['lost_by']})")
    return 0
