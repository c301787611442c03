"""What one change did to the plan file, as the undo commands report it.

Each command's redo() and undo() return one of these (ui/commands.py) and
hand it to the document's ``report`` (ui/document.py), which brings its plan
and figures up to date from it and tells the views once, with a
``PlanChange``. The kind says how much the document must read again: one
item, the tasks of a few areas, the whole outline, or the whole file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True)
class ItemEdited:
    """Fields, indicators, milestones or progress updates of one item changed:
    its row and figures (and its area's, the plan's) follow, no row moves."""

    table: str  # "plan", "area", "task", "indicator", "milestone"
    item_id: str  # "" for the plan
    structural: ClassVar[bool] = False


@dataclass(frozen=True)
class TasksMoved:
    """Tasks were added to, removed from or moved between these areas: only
    those areas' tasks are read again."""

    area_ids: tuple[str, ...]
    structural: ClassVar[bool] = True


@dataclass(frozen=True)
class OutlineChanged:
    """Areas were added, removed or moved (or tasks anywhere): the whole outline again."""

    structural: ClassVar[bool] = True


@dataclass(frozen=True)
class FileReplaced:
    """The whole file was replaced (a restore, another process): read it again."""

    structural: ClassVar[bool] = True


@dataclass(frozen=True)
class ContentPutBack:
    """An undo step put the whole content back (an import undone or redone):
    read it again, keeping the undo history."""

    structural: ClassVar[bool] = True


Change = ItemEdited | TasksMoved | OutlineChanged | FileReplaced | ContentPutBack

# What a command is given to tell what it changed (PlanDocument.report).
Report = Callable[[Change], None]
