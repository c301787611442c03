"""A `serve` of a plan file in a thread of the test process, on loopback only."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from planner_gui.sync import live

TOKEN = "geheim-123456"


class ServerThread:
    def __init__(self, path: Path, port: int = 0, token: str | None = TOKEN,
                 unit_tokens: dict[str, str] | None = None) -> None:
        self.path, self.port, self.token, self.unit_tokens = path, port, token, unit_tokens
        self.url = ""
        self.error: BaseException | None = None
        self.refused: list[str] = []
        self._started = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        async def main() -> None:
            self._loop = asyncio.get_running_loop()
            self._stop = asyncio.Event()

            def started(served: live.Served) -> None:
                self.url, self.port = served.url, served.port
                self._started.set()

            await live.serve(self.path, "127.0.0.1", self.port, self.token,
                             unit_tokens=self.unit_tokens, on_started=started, on_refused=self.refused.append, stop=self._stop)

        try:
            asyncio.run(main())
        except BaseException as exc:  # reported by start()
            self.error = exc
            self._started.set()

    def start(self) -> ServerThread:
        self._thread.start()
        assert self._started.wait(20), "the server did not start"
        if self.error is not None:
            raise self.error
        return self

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(20)
        assert not self._thread.is_alive(), "the server did not stop"
