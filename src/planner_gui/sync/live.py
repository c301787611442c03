"""Live sync on the office network: `planner-cli serve` and a window's connection.

The server (the office PC) runs a pycrdt-websocket YRoom whose Y document is
the plan file's own (sync/ydoc.py): every update a client sends is checked
against its author's rights, written into the file's tables and log, and
broadcast to the other clients by the room. Changes made to the file by
another program (the office's own window on the same file) are noticed by
PRAGMA data_version and sent out too.

A client joins with the plan's id in the path and a token in the
Authorization header: another plan's copy or a wrong token is turned away
before any plan data moves. The office sets either one shared token (every
connection is trusted to say whose changes it sends, as a packet is) or a
token per unit (`--token-file`, `UNIT=TOKEN` lines): a connection made with
a unit's token is bound to that unit, so every change it sends must be that
unit's own and is judged by that unit's rights (copies.judge, Change.via);
the changes of another unit or of the office that such a copy relays are
refused and set back, so a department cannot act in another's name. A token
for ``office`` in the file is the office's own and is not bound.

The server listens only on the host and port it is given. A client keeps working on its own file while the server is away
and catches up by Y's state-vector exchange when it is back.

Threads: the server is one asyncio loop owning its store. A window's client
runs its loop in a thread of its own with a Y document of its own (a pycrdt
Doc stays in the thread that made it); updates cross between that document
and the window's PlanDoc as bytes.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path

from planner_gui.store import PlanStore
from planner_gui.store.connection import transaction
from planner_gui.sync.copies import ImportReport, judge, require_owner
from planner_gui.sync.ydoc import Change, PlanDoc

MAX_MESSAGE = 1 << 28  # the first sync of a city's plan is some megabytes
POLL_SECONDS = 0.3
RETRY_SECONDS = 0.5
TOKEN_MIN = 8


def room_path(plan_id: str) -> str:
    return f"/plan/{plan_id}"


def read_token_file(path: Path, units: set[str]) -> dict[str, str]:
    """The office's per-unit tokens: ``UNIT=TOKEN`` lines (``#`` comments and
    blank lines skipped) as {token: unit}. ValidationError names the line."""
    from planner_gui.domain.errors import BadFileError, ValidationError
    from planner_gui.sync.rights import OFFICE

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadFileError(path, f"cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    tokens: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        unit, sep, token = (part.strip() for part in line.rpartition("="))
        where = f"{path}, line {number}"
        if not sep or not unit:
            raise ValidationError(where, "is not of the form UNIT=TOKEN")
        if unit != OFFICE and unit not in units:
            raise ValidationError(where, f"no task of this plan has the lead unit {unit!r}")
        if len(token) < TOKEN_MIN:
            raise ValidationError(where, f"the token must have at least {TOKEN_MIN} characters")
        if token in tokens:
            raise ValidationError(where, f"the same token as {tokens[token]!r}: each unit needs its own")
        tokens[token] = unit
    if not tokens:
        raise ValidationError(str(path), "holds no UNIT=TOKEN line")
    return tokens


class _Channel:
    """A websockets connection as the Channel pycrdt's room and provider use.
    ``on_message`` is called with each message just before the room handles
    it (synchronously, so what the room applies is known to come from here)."""

    def __init__(self, websocket, path: str, on_message: Callable[[], None] | None = None) -> None:
        self._websocket = websocket
        self._path = path
        self._on_message = on_message

    @property
    def path(self) -> str:
        return self._path

    def __aiter__(self) -> _Channel:
        return self

    async def __anext__(self) -> bytes:
        import websockets

        try:
            message = await self.recv()
        except websockets.ConnectionClosed:
            raise StopAsyncIteration from None
        if self._on_message is not None:
            self._on_message()
        return message

    async def send(self, message: bytes) -> None:
        import websockets

        try:
            await self._websocket.send(message)
        except websockets.ConnectionClosed:
            # the peer left while the room was sending it a broadcast (a
            # `sync join --once` that is done): the room drops it when its
            # serve ends; raising here would end the room's task group
            pass

    async def recv(self) -> bytes:
        message = await self._websocket.recv()
        return message if isinstance(message, bytes) else message.encode()


class LiveTables:
    """Keeps a store's tables and log in step with its Y document while live:
    remote changes are collected as they arrive and written in one
    transaction by :meth:`commit_remote`; local changes are flushed into the
    document by :meth:`flush_local`."""

    def __init__(self, store: PlanStore, doc: PlanDoc, who: str) -> None:
        self.store, self.doc, self.who = store, doc, who
        self.pending: list[Change] = []
        self.refused: list[str] = []
        self.via: str | None = None  # the unit bound to the connection whose message is applied
        self._local = False
        self._logged = doc.state()
        for table, ymap in doc.maps.items():
            ymap.observe(self._watcher(table))

    def _watcher(self, table: str):
        def seen(event) -> None:
            if self._local:
                return
            for key, what in event.keys.items():
                row_id, _, field = key.rpartition("|")
                self.pending.append(Change(table, row_id, field, what.get("oldValue"),
                                           what.get("newValue"), self.via))
        return seen

    def commit_remote(self) -> bool:
        """Write the changes received since the last call; whether there were any."""
        if not self.pending and self.doc.state() == self._logged:
            return False
        changes, self.pending = self.pending, []
        self._local = True
        try:
            with transaction(self.store.db):
                report = ImportReport(self.store.path, "", new=True)
                judge(self.store, self.doc, changes, report)
                self.refused += report.refused
                self.doc.append_since(self.store.db, self._logged)
                self.doc.write_tables(self.store.db, changes)
                self.store.db.execute("DELETE FROM sync_dirty")
        finally:
            self._local = False
        self._logged = self.doc.state()
        return bool(changes)

    def flush_local(self) -> bytes | None:
        """Turn the rows changed in the file into a Y transaction; its update."""
        self.commit_remote()
        before = self.doc.state()
        self._local = True
        try:
            with transaction(self.store.db):
                self.doc.flush(self.store.db, self.who)
        finally:
            self._local = False
        self._logged = self.doc.state()
        return None if self._logged == before else self.doc.update_since(before)


# --- the server ------------------------------------------------------------------


@dataclass
class Served:
    host: str
    port: int
    url: str


async def serve(path: Path, host: str, port: int, token: str | None, *,
                unit_tokens: dict[str, str] | None = None,
                on_started: Callable[[Served], None] | None = None,
                on_refused: Callable[[str], None] | None = None,
                stop: asyncio.Event | None = None) -> None:
    """Serve the plan in ``path`` on ``host``:``port`` until ``stop`` is set (or
    cancelled); ``on_refused`` hears of each change refused for lack of rights.
    ``token`` is the shared one (None: none); ``unit_tokens`` maps each unit's
    own token to the unit its connections are bound to."""
    import websockets
    from pycrdt.websocket import YRoom

    from planner_gui.sync.rights import OFFICE

    accepted: list[tuple[bytes, str | None]] = [
        (f"Bearer {given}".encode(), None if unit == OFFICE else unit)
        for given, unit in (unit_tokens or {}).items()]
    if token is not None:
        if len(token) < TOKEN_MIN:
            raise ValueError(f"the token must have at least {TOKEN_MIN} characters")
        accepted.append((f"Bearer {token}".encode(), None))
    if not accepted:
        raise ValueError("a shared token or the units' tokens are required")
    units_of: dict[object, str | None] = {}  # connection -> its unit, from the handshake to the handler
    store = PlanStore.open(path)
    try:
        who = require_owner(store)
        plan_id = store.plan_info().id
        doc = PlanDoc.load(store.db)
        live = LiveTables(store, doc, who)
        live.flush_local()
        expected = room_path(plan_id)

        def check(connection, request):
            if request.path != expected:
                return connection.respond(HTTPStatus.NOT_FOUND, "this server serves another plan\n")
            given = request.headers.get("Authorization", "").encode()
            found = [unit for known, unit in accepted if hmac.compare_digest(given, known)]
            if not found:
                return connection.respond(HTTPStatus.FORBIDDEN, "wrong or missing token\n")
            units_of[connection] = found[0]
            return None

        async with YRoom(ydoc=doc.doc, ready=True) as room:
            async def handler(websocket) -> None:
                unit = units_of.pop(websocket, None)

                def arriving() -> None:
                    live.via = unit

                await room.serve(_Channel(websocket, expected, arriving))

            async with websockets.serve(handler, host, port, process_request=check,
                                        max_size=MAX_MESSAGE) as server:
                bound = server.sockets[0].getsockname()
                served = Served(bound[0], bound[1], f"ws://{bound[0]}:{bound[1]}")
                if on_started is not None:
                    on_started(served)
                version = store.data_version()
                stop = stop or asyncio.Event()
                while not stop.is_set():
                    with contextlib.suppress(asyncio.TimeoutError):
                        await asyncio.wait_for(stop.wait(), POLL_SECONDS)
                    live.commit_remote()
                    if store.data_version() != version:  # another program changed the file
                        live.flush_local()
                    version = store.data_version()
                    while live.refused:
                        refused = live.refused.pop(0)
                        if on_refused is not None:
                            on_refused(refused)
                live.commit_remote()
    finally:
        store.close()


# --- a client without a window ------------------------------------------------------


async def join(path: Path, url: str, token: str, *, once: bool = False,
               stop: asyncio.Event | None = None,
               on_status: Callable[[str], None] | None = None) -> None:
    """Keep the plan in ``path`` in step with the server at ``url`` until
    ``stop`` is set; with ``once``, exchange what each side lacks and return.
    Raises ConnectionError (with the reason) if the server cannot be joined."""
    import websockets
    from pycrdt import Provider

    store = PlanStore.open(path)
    try:
        who = require_owner(store)
        doc = PlanDoc.load(store.db)
        live = LiveTables(store, doc, who)
        live.flush_local()
        target = url.rstrip("/") + room_path(store.plan_info().id)
        headers = {"Authorization": f"Bearer {token}"}
        try:
            connection = websockets.connect(target, additional_headers=headers, open_timeout=10,
                                            max_size=MAX_MESSAGE)
            websocket = await connection
        except Exception as exc:
            raise ConnectionError(_reason(exc)) from None
        async with websocket:
            provider = Provider(doc.doc, _Channel(websocket, target))
            async with provider:
                await asyncio.wait_for(provider.synced.wait(), 60)
                live.commit_remote()
                if on_status is not None:
                    on_status("synced")
                stop = stop or asyncio.Event()
                version = store.data_version()
                while not once and not stop.is_set():
                    with contextlib.suppress(asyncio.TimeoutError):
                        await asyncio.wait_for(stop.wait(), POLL_SECONDS)
                    live.commit_remote()
                    if store.data_version() != version:
                        live.flush_local()
                    version = store.data_version()
        live.commit_remote()
    finally:
        store.close()


# --- a window's client -----------------------------------------------------------------


class LiveClient:
    """A connection to an office's server, in a thread of its own.

    ``start(initial)`` takes the window's whole Y state; :meth:`send` hands
    over each local update. ``on_update(bytes)`` and ``on_status(text)`` are
    called in the client's thread (the window posts them to its own)."""

    def __init__(self, url: str, plan_id: str, token: str,
                 on_update: Callable[[bytes], None], on_status: Callable[[str, bool], None]) -> None:
        self.url = url.rstrip("/") + room_path(plan_id)
        self.token = token
        self.on_update = on_update
        self.on_status = on_status
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread: threading.Thread | None = None
        self._doc = None
        self._ready = threading.Event()

    def start(self, initial: bytes) -> None:
        self._thread = threading.Thread(target=self._run, args=(initial,), daemon=True,
                                        name="planner-live-sync")
        self._thread.start()
        self._ready.wait(10)

    def send(self, update: bytes) -> None:
        if self._loop is not None and self._doc is not None:
            self._loop.call_soon_threadsafe(self._doc.apply_update, update)

    def stop(self, timeout: float = 5) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self, initial: bytes) -> None:
        asyncio.run(self._main(initial))

    async def _main(self, initial: bytes) -> None:
        from pycrdt import Doc

        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        self._doc = Doc()
        self._doc.apply_update(initial)
        self._doc.observe(lambda event: self.on_update(event.update))
        self._ready.set()
        while not self._stop.is_set():
            try:
                await self._connected()
            except Exception as exc:  # the server away, refused, the network down
                self.on_status(_reason(exc), False)
            if not self._stop.is_set():
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(self._stop.wait(), RETRY_SECONDS)

    async def _connected(self) -> None:
        import websockets
        from pycrdt import Provider

        headers = {"Authorization": f"Bearer {self.token}"}
        async with websockets.connect(self.url, additional_headers=headers, open_timeout=5,
                                      max_size=MAX_MESSAGE) as websocket, \
                Provider(self._doc, _Channel(websocket, self.url)):
            self.on_status("connected", True)
            stopping = asyncio.ensure_future(self._stop.wait())
            closed = asyncio.ensure_future(websocket.wait_closed())
            await asyncio.wait({stopping, closed}, return_when=asyncio.FIRST_COMPLETED)
            for waiting in (stopping, closed):
                waiting.cancel()
        if not self._stop.is_set():
            self.on_status("the connection to the office was closed", False)


def _reason(exc: Exception) -> str:
    status = getattr(getattr(exc, "response", None), "status_code", None)
    if status == HTTPStatus.FORBIDDEN:
        return "the office refused the token"
    if status == HTTPStatus.NOT_FOUND:
        return "the office serves another plan"
    if isinstance(exc, OSError):
        return f"the office cannot be reached ({exc.strerror or exc})"
    return f"the connection failed ({exc})"
