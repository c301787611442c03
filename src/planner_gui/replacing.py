"""Writing a file so that a failure never leaves half of it under its name."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path next to ``path`` to write to. When the block ends without
    an error the file there takes ``path``'s place (an older file is kept until
    then); the temporary file is removed in any case."""
    partial = path.with_name(path.name + ".part")
    try:
        yield partial
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
