"""The .plansync packet: one Y update of a plan, signed, for a USB stick or e-mail.

Layout (all lengths big-endian u32)::

    b"PLANSYNC1\\n" | header length | header (JSON, UTF-8) | payload length | payload | HMAC

The header names the plan (id and title), the sender (office or a unit),
the peer it was written for and the sender's Y state vector (base64), which
the receiver keeps so that its next packet back holds only what the sender
lacks. The payload is the Y update, compressed with zlib (progress texts and
repeated keys shrink to about a third). The HMAC-SHA256 over everything before
it is keyed with the plan's packet key, which every copy of the plan file
holds (store/schema.py, v3): a packet changed on the way, or made by anyone
without a copy of the plan, is refused, as is a cut-off one.

Where the key comes from, and the trade-off: a plan made by this version
gets a random 256-bit key when its file is made, and copying the file copies
it. A file made by the previous version may have been copied before it was
ever opened here, and each copy is migrated on its own PC with nothing to
agree on but its content; its key is therefore derived from what every copy
holds and nothing changes: the plan's id and creation time. Any other choice
would leave such copies unable to exchange packets, or make the user carry a
key from PC to PC. The derived key still refuses packets damaged or cut off
on the way, packets of another plan (or of a plan re-made from JSON, which
gets a new creation time) and packets made by anyone who has neither a copy
of the file nor its id. It is weaker against a deliberate forger who has the
plan's id from a JSON or Excel export and guesses the creation second within
a year (about 2^25 tries). None of these keys tells copies apart: whoever has
a copy of the file can sign packets (docs/sync.md, rights).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from planner_gui.domain.errors import BadFileError
from planner_gui.exchange.input_limits import read_input

MAGIC = b"PLANSYNC1\n"
SUFFIX = ".plansync"
_MAC_SIZE = 32
_HEADER_MAX = 1 << 20
# Everything of a 10,000-task plan with a year of updates is about 27 MB (BENCHMARKS.md).
MAX_PACKET_BYTES = 200 * 1024 * 1024


@dataclass
class Packet:
    plan_id: str
    plan_title: str
    sender: str
    receiver: str
    state: bytes  # the sender's Y state vector
    created: str
    payload: bytes  # a Y update

    def header(self) -> dict:
        return {"plan_id": self.plan_id, "plan_title": self.plan_title, "from": self.sender,
                "for": self.receiver, "state": base64.b64encode(self.state).decode("ascii"),
                "created": self.created}


def _mac(key: bytes, data: bytes) -> bytes:
    return hmac.new(key, data, hashlib.sha256).digest()


def encode(packet: Packet, key: bytes) -> bytes:
    header = json.dumps(packet.header(), ensure_ascii=False).encode("utf-8")
    payload = zlib.compress(packet.payload, 6)
    body = (MAGIC + struct.pack(">I", len(header)) + header
            + struct.pack(">I", len(payload)) + payload)
    return body + _mac(key, body)


@dataclass
class Unverified:
    """A packet read but not yet checked against a plan's key."""
    packet: Packet
    body: bytes
    mac: bytes


def parse(path: Path, data: bytes) -> Unverified:
    """Split a packet's bytes (BadFileError naming the file if they cannot be one)."""
    if not data.startswith(MAGIC):
        if MAGIC.startswith(data):
            raise BadFileError(path, "is truncated (shorter than a packet's header)")
        raise BadFileError(path, "is not a planner-gui sync packet (.plansync)")
    at = len(MAGIC)

    def take(size: int, what: str) -> bytes:
        nonlocal at
        if at + size > len(data):
            raise BadFileError(path, f"is truncated ({len(data)} bytes; its {what} needs more)")
        chunk = data[at:at + size]
        at += size
        return chunk

    (header_size,) = struct.unpack(">I", take(4, "header"))
    if header_size > _HEADER_MAX:
        raise BadFileError(path, "is damaged (its header length is impossible)")
    try:
        header = json.loads(take(header_size, "header").decode("utf-8"))
        if not isinstance(header, dict):
            raise ValueError("not an object")
        (payload_size,) = struct.unpack(">I", take(4, "content"))
        payload = take(payload_size, "content")
        body_end = at
        mac = take(_MAC_SIZE, "signature")
        packet = Packet(str(header["plan_id"]), str(header.get("plan_title", "")),
                        str(header["from"]), str(header.get("for", "")),
                        base64.b64decode(header["state"], validate=True),
                        str(header.get("created", "")), payload)
    except BadFileError:
        raise
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise BadFileError(path, f"is damaged (its header cannot be read: {exc})") from None
    if at != len(data):
        raise BadFileError(path, "is damaged (bytes after its signature)")
    return Unverified(packet, data[:body_end], mac)


def verify(path: Path, found: Unverified, plan_id: str, plan_title: str, key: bytes) -> Packet:
    """The packet, if it is for this plan and its signature holds."""
    packet = found.packet
    if packet.plan_id != plan_id:
        raise BadFileError(path, f"is a packet of another plan ({packet.plan_title!r} from "
                           f"{packet.sender}), not of {plan_title!r}; nothing was imported")
    if not hmac.compare_digest(_mac(key, found.body), found.mac):
        raise BadFileError(path, "fails its signature check (changed after it was written, or "
                           "not written by a copy of this plan); nothing was imported")
    try:
        packet.payload = zlib.decompress(packet.payload)
    except zlib.error as exc:  # signed yet unreadable: written by a broken program
        raise BadFileError(path, f"is damaged (its content cannot be unpacked: {exc})") from None
    return packet


def read(path: Path) -> Unverified:
    # through the importers' one reader: a pipe or device is refused instead of read for
    # ever, and a packet beyond MAX_PACKET_BYTES is refused before it is held in memory
    return parse(path, read_input(path, MAX_PACKET_BYTES))
