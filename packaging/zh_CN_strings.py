"""Simplified Chinese for every interface string, written by hand.

packaging/translations.py fills resources/translations/planner_gui_zh_CN.ts
from these tables. TRANSLATIONS maps an English source string to its Chinese;
BY_CONTEXT overrides it for one context (class) where the same English word
needs a different Chinese word. Keep "&" accelerators as "(&X)" after the
Chinese, the usual form in Chinese software, and keep %1/%n placeholders.
"""

from __future__ import annotations

TRANSLATIONS: dict[str, str] = {
    # ui/i18n.py
    "&Language": "语言(&L)",
    "Follow the system": "跟随系统",
    "Language": "语言",
    "The new language is used the next time planner-gui starts.": "新的界面语言将在下次启动 planner-gui 时生效。",
}

BY_CONTEXT: dict[tuple[str, str], str] = {}
