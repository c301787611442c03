"""Keep resources/translations/planner_gui_zh_CN.ts/.qm in step with the code.

    python packaging/translations.py update   # pyside6-lupdate (+ helper scan) over src/planner_gui -> .ts
    python packaging/translations.py fill     # write translations from packaging/zh_CN_strings.py
    python packaging/translations.py compile  # pyside6-lrelease .ts -> .qm
    python packaging/translations.py all      # the three above, then report what is missing

The Chinese text is written by hand in packaging/zh_CN_strings.py (no machine
translation). The .ts is written without source locations so that moving code
around does not rewrite it; contexts (class names) say where a string lives.

pyside6-lupdate finds ``self.tr("…")``, ``QCoreApplication.translate("Ctx", "…")``
and ``QT_TRANSLATE_NOOP``. The code also uses one-line helpers such as
``def _tr(text): return QCoreApplication.translate("Menus", text)`` and label
tables passed through them; lupdate cannot see those, so ``wrapper_messages``
finds them by reading the Python syntax tree, and both are merged.
"""

from __future__ import annotations

import ast
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


def extract(target: Path, sources: Path = SOURCES) -> None:
    """lupdate, then add the strings only the syntax-tree scan finds."""
    lupdate(target, sources)
    add_messages(target, wrapper_messages(sources))


def _is_translate(node: ast.AST, aliases: set[str]) -> bool:
    """``QCoreApplication.translate`` (any spelling) or a local alias of it."""
    if isinstance(node, ast.Attribute) and node.attr == "translate":
        return isinstance(node.value, ast.Name) and node.value.id.endswith("Application")
    return isinstance(node, ast.Name) and node.id in aliases


def _string_values(node: ast.AST, constants: dict[str, object]) -> list[str]:
    """The strings an argument can be: a literal, a module constant, or any value
    of a module-level dict of strings used as ``TABLE.get(...)`` or ``TABLE[...]``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Name) and isinstance(constants.get(node.id), str):
        return [constants[node.id]]  # type: ignore[list-item]
    table = None
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get" and isinstance(node.func.value, ast.Name)):
        table = constants.get(node.func.value.id)
    elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
        table = constants.get(node.value.id)
    if isinstance(table, dict):
        return [value for value in table.values() if isinstance(value, str)]
    return []


def _module_constants(tree: ast.Module) -> dict[str, object]:
    constants: dict[str, object] = {}
    for statement in tree.body:
        targets = []
        if isinstance(statement, ast.Assign):
            targets, value = statement.targets, statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            targets, value = [statement.target], statement.value
        for target in targets:
            if isinstance(target, ast.Name):
                try:
                    constants[target.id] = ast.literal_eval(value)
                except (ValueError, SyntaxError, TypeError):
                    pass
    return constants


def module_messages(source: str) -> set[tuple[str, str]]:
    """(context, text) of every translation in one module that lupdate may miss."""
    tree = ast.parse(source)
    constants = _module_constants(tree)
    aliases = {target.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
               and _is_translate(node.value, set()) for target in node.targets
               if isinstance(target, ast.Name)}
    wrappers: dict[str, tuple[str, str]] = {}  # helper name -> (context, parameter)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.args.args:
            for inner in ast.walk(node):
                if (isinstance(inner, ast.Call) and _is_translate(inner.func, aliases)
                        and len(inner.args) >= 2):
                    contexts = _string_values(inner.args[0], constants)
                    if contexts and isinstance(inner.args[1], ast.Name):
                        wrappers[node.name] = (contexts[0], inner.args[1].id)
    found: set[tuple[str, str]] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if _is_translate(node.func, aliases) and len(node.args) >= 2:
            for context in _string_values(node.args[0], constants):
                found.update((context, text) for text in _string_values(node.args[1], constants))
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if name in wrappers and node.args:
            context, _parameter = wrappers[name]
            found.update((context, text) for text in _string_values(node.args[0], constants))
    return found


def wrapper_messages(sources: Path = SOURCES) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for path in sorted(sources.rglob("*.py")):
        found |= module_messages(path.read_text(encoding="utf-8"))
    return found


def add_messages(ts: Path, wanted: set[tuple[str, str]]) -> None:
    """Add (context, text) messages the .ts lacks, as unfinished entries."""
    tree = ET.parse(ts)
    root = tree.getroot()
    contexts = {c.findtext("name") or "": c for c in root.iter("context")}
    have = source_keys(ts)
    for context, text in sorted(wanted - have):
        element = contexts.get(context)
        if element is None:
            element = ET.SubElement(root, "context")
            ET.SubElement(element, "name").text = context
            contexts[context] = element
        message = ET.SubElement(element, "message")
        if "%n" in text:
            message.set("numerus", "yes")
        ET.SubElement(message, "source").text = text
        ET.SubElement(message, "translation", {"type": "unfinished"})
    _write(tree, ts)


def _write(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree, space="    ")
    with open(ts, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")


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


def fill(ts: Path = TS) -> list[tuple[str, str]]:
    """Write the hand-made translations into ``ts``; returns the messages still untranslated."""
    sys.path.insert(0, str(Path(__file__).parent))
    from zh_CN_strings import BY_CONTEXT, TRANSLATIONS

    tree = ET.parse(ts)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            text = BY_CONTEXT.get((name, source), TRANSLATIONS.get(source))
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if translation.get("type") in ("obsolete", "vanished"):
                continue
            if text is None:
                continue
            if "type" in translation.attrib:
                del translation.attrib["type"]
            if message.get("numerus") == "yes":
                for form in list(translation):
                    translation.remove(form)
                ET.SubElement(translation, "numerusform").text = text  # Chinese: one form
            else:
                translation.text = text
    _write(tree, ts)
    return unfinished(ts)


def main(argv: list[str]) -> int:
    action = argv[0] if argv else "all"
    if action in ("update", "all"):
        extract(TS)
    if action in ("fill", "all"):
        missing = fill(TS)
        for context, source in missing:
            print(f"untranslated: [{context}] {source!r}")
    if action in ("compile", "all"):
        lrelease(TS, QM)
    if action == "all":
        missing = unfinished(TS)
        print(f"{len(messages(TS))} messages, {len(missing)} untranslated")
        return 1 if missing else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
