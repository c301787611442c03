"""The one rounding rule for a progress figure shown to people.

Progress is computed to two decimals (62.5 %), but every place that shows it —
the ledger, the report forms, the PDF and HTML summary, ``planner-cli summary``
and the window — shows a whole percent, and the same one: rounded half up, as
people round by hand and as Excel's 0% format shows a cell (62.5 -> 63, 62.4 ->
62). Python's round() rounds half to even (62.5 -> 62) and a bare 0.625 under a
0% format is 63 in Excel, which is how one task used to show 63, 62 and 62.5.
"""

from __future__ import annotations

import math


def shown_progress(value: float) -> int:
    """``value`` (0..100) as the whole percent shown everywhere: half up, within 0..100."""
    # to 6 decimals first: arithmetic noise (62.49999999999 for 62.5) does not decide the rounding;
    # then half up (for 0..100, floor(x + 0.5) is exact; decimal would cost its import on every command)
    whole = math.floor(round(float(value), 6) + 0.5)
    return max(0, min(100, whole))


def format_progress(value: float | None, empty: str = "—") -> str:
    """63% for 62.5; ``empty`` for no figure."""
    return empty if value is None else f"{shown_progress(value)}%"
