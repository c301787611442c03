"""Keep resources/translations/planner_gui_zh_CN.ts/.qm in step with the code.

    python packaging/translations.py update   # pyside6-lupdate over src/planner_gui -> .ts
    python packaging/translations.py compile  # pyside6-lrelease .ts -> .qm
    python packaging/translations.py check    # list the messages still untranslated
    python packaging/translations.py all      # the three above

The code marks every interface string where it is used, in the two forms
pyside6-lupdate reads: ``translate("Context", "text")`` (each module binds
``translate = QCoreApplication.translate``; the command line binds its Qt-free
``CliApplication.translate``) and, for label tables looked up at run time,
``QT_TRANSLATE_NOOP("Context", "text")``. lupdate alone finds them all; there is
no helper it cannot see (tests/test_packaging.py checks both).

The Chinese is written by hand in the .ts itself, in Qt Linguist
(``pyside6-linguist resources/translations/planner_gui_zh_CN.ts``), after
``update`` has added the new strings as unfinished; then ``all``. The .ts is
written without source locations so that moving code around does not rewrite it;
contexts (class or module names) say where a string lives. Words used throughout
are listed in packaging/README.md.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "src" / "planner_gui"
TS = REPO / "resources" / "translations" / "planner_gui_zh_CN.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    # Next to the interpreter (a venv's bin/ or Scripts/ folder not on PATH).
    candidate = Path(sys.executable).parent / name
    if candidate.exists():
        return str(candidate)
    raise SystemExit(f"{name} not found; install PySide6 (it ships {name})")


def lupdate(target: Path, sources: Path = SOURCES) -> None:
    """Extract every tr()/translate() string under ``sources`` into ``target`` (merging)."""
    subprocess.run(
        [_tool("pyside6-lupdate"), "-extensions", "py", "-locations", "none",
         "-no-obsolete", "-silent", str(sources), "-ts", str(target)],
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def messages(ts: Path) -> list[tuple[str, ET.Element]]:
    """(context name, <message> element) for every message in a .ts file."""
    root = ET.parse(ts).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        found.extend((name, message) for message in context.iter("message"))
    return found


def source_keys(ts: Path) -> set[tuple[str, str]]:
    return {(context, message.findtext("source") or "") for context, message in messages(ts)}


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """Messages with no translation or marked unfinished (obsolete/vanished ones are ignored)."""
    missing = []
    for context, message in messages(ts):
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else None
        if kind in ("obsolete", "vanished"):
            continue
        forms = list(translation.iter("numerusform")) if translation is not None else []
        texts = [f.text for f in forms] if forms else [translation.text if translation is not None else None]
        if kind == "unfinished" or not all(text and text.strip() for text in texts):
            missing.append((context, message.findtext("source") or ""))
    return missing


def main(argv: list[str]) -> int:
    action = argv[0] if argv else "all"
    if action not in ("update", "compile", "check", "all"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    if action in ("update", "all"):
        lupdate(TS)
    if action in ("compile", "all"):
        lrelease(TS, QM)
    if action in ("check", "all"):
        missing = unfinished(TS)
        for context, source in missing:
            print(f"untranslated: [{context}] {source!r}")
        print(f"{len(messages(TS))} messages, {len(missing)} untranslated")
        return 1 if missing else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
