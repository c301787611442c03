"""The project's own modules are imported plainly (issue 21).

A ``try: import planner_gui.x / except ImportError`` fallback, or a
``find_spec("planner_gui...")`` check that disables an action, turns a
packaging mistake into a feature that is quietly missing. Such an import must
fail loudly instead: at start-up, in the tests, in the bundle's self-check.
A fallback around a third-party import is allowed only where the feature
truly is optional and the user is told; those are listed here by name.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "planner_gui"

# (file under src/planner_gui, imported module): third-party fallbacks that are allowed.
ALLOWED_THIRD_PARTY = {
    # Qt's own translations are looked up in the PySide6 wheel too; a frozen bundle has no wheel path.
    ("ui/i18n.py", "PySide6"),
}

_IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError"}
_LOOKUPS = {"find_spec", "import_module"}


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(kind, ast.Name) and kind.id in _IMPORT_ERRORS for kind in kinds)


def _imported_modules(statements: list[ast.stmt]) -> list[str]:
    """The modules the statements import, relative imports named as planner_gui's."""
    modules: list[str] = []
    for statement in statements:
        for node in ast.walk(statement):
            if isinstance(node, ast.Import):
                modules.extend(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                modules.append("planner_gui" if node.level else node.module or "")
    return modules


def _names_the_project(node: ast.expr) -> bool:
    return any(isinstance(part, ast.Constant) and isinstance(part.value, str) and "planner_gui" in part.value
               for part in ast.walk(node))


def problems(source: str, name: str) -> list[str]:
    """What in ``source`` (the file ``name`` under src/planner_gui) hides a missing module."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Try) and any(_catches_import_error(h) for h in node.handlers):
            for module in _imported_modules(node.body):
                top = module.split(".")[0]
                if top == "planner_gui":
                    found.append(f"{name}:{node.lineno}: `except ImportError` around the project's own {module}")
                elif (name, top) not in ALLOWED_THIRD_PARTY:
                    found.append(f"{name}:{node.lineno}: `except ImportError` around {module}, "
                                 "not in ALLOWED_THIRD_PARTY")
        elif isinstance(node, ast.Call):
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if called in _LOOKUPS and any(_names_the_project(arg) for arg in node.args):
                found.append(f"{name}:{node.lineno}: {called}() on the project's own module")
    return found


def test_the_project_imports_its_own_modules_plainly():
    found = []
    for path in sorted(SRC.rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        found += problems(path.read_text(encoding="utf-8"), name)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("source", [
    "try:\n    from planner_gui.ui.chart import ChartPanel\nexcept ImportError:\n    ChartPanel = None\n",
    "try:\n    from .chart import ChartPanel\nexcept (TypeError, ModuleNotFoundError):\n    pass\n",
    "def f():\n    try:\n        import planner_gui.ui.palette\n    except ImportError:\n        return 1\n",
    "import importlib.util\nok = importlib.util.find_spec('planner_gui.ui.dialogs.about') is not None\n",
    "import importlib\nm = importlib.import_module(f'planner_gui.ui.dialogs.{name}')\n",
    "try:\n    import pycrdt\nexcept ImportError:\n    pycrdt = None\n",  # third-party, not listed
])
def test_the_scan_finds_a_hidden_import(source):
    assert problems(source, "ui/example.py")


@pytest.mark.parametrize("source", [
    "from planner_gui.ui.palette import status_text_colour\n",
    "def f():\n    from planner_gui.ui.chart import ChartPanel  # lazy: pyqtgraph is slow\n    return ChartPanel\n",
    "import importlib\nm = importlib.import_module(name)\n",  # a command table's names, not a fallback
    "try:\n    import PySide6\nexcept (ImportError, TypeError):\n    pass\n",  # listed for ui/i18n.py
])
def test_the_scan_leaves_plain_imports_alone(source):
    assert not problems(source, "ui/i18n.py")
