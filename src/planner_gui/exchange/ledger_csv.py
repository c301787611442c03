"""Reading a ledger saved as CSV, in the encodings Chinese offices actually get.

Excel on a Chinese Windows saves "CSV" in GB18030 (GBK); "CSV UTF-8" adds a
byte-order mark; other tools write UTF-8 without one, and "Unicode text" is
UTF-16 with tabs. The text is decoded strictly: a file that is none of these
is refused with a clear reason instead of being read as mojibake.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from planner_gui.domain.errors import BadFileError
from planner_gui.exchange import input_limits
from planner_gui.exchange.safe_cells import FORMULA_TRIGGERS

CSV_SUFFIXES = (".csv", ".tsv", ".txt")


def decode(raw: bytes, path: Path) -> tuple[str, str]:
    """The file's text and the encoding it was in."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    if b"\x00" in raw:
        raise BadFileError(path, "is not a text (CSV) file")
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise BadFileError(path, "is not text in UTF-8 or GB18030; save it again as CSV")


def _unquote(cell: str) -> str:
    # A leading apostrophe is how CSV writers protect text that looks like a formula.
    if len(cell) > 1 and cell[0] == "'" and cell[1:].startswith(FORMULA_TRIGGERS):
        return cell[1:]
    return cell


def _delimiter(text: str) -> str:
    """The delimiter, sniffed from the start of the file. Only the delimiter: the Sniffer's other
    guesses come from that sample alone (no doubled quote in it means ``doublequote=False``,
    which then misreads an RFC 4180 field such as 完成""专家论证"" (quoted) further down), and every
    spreadsheet writes Excel's dialect anyway."""
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",\t;").delimiter
    except csv.Error:
        return ","


def read_csv_rows(path: Path | str) -> list[list[str]]:
    """All rows of a CSV file as text (formulas stay text; nothing is evaluated)."""
    path = Path(path)
    raw = input_limits.read_input(path)  # a regular file of at most MAX_INPUT_BYTES
    if not raw.strip():
        raise BadFileError(path, "is empty")
    try:
        text, _ = decode(raw, path)
    except UnicodeDecodeError:
        raise BadFileError(path, "is not valid UTF-8 or UTF-16 text") from None
    try:
        rows = []
        for row in csv.reader(io.StringIO(text), csv.excel, delimiter=_delimiter(text)):
            rows.append([_unquote(cell) for cell in row])
            if len(rows) > input_limits.MAX_ROWS or len(row) > input_limits.MAX_COLUMNS:
                input_limits.check_cell(path, path.name, len(rows), len(row))
    except csv.Error as exc:
        raise BadFileError(path, f"is not a readable CSV file ({exc})") from None
    return rows
