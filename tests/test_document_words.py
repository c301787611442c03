"""Issue 21: the documents' words (statuses, report labels, ledger headings,
status colours) are defined once, in domain/words.py, in Chinese and English."""

from __future__ import annotations

from pathlib import Path

from planner_gui.domain import words
from planner_gui.domain.progress import STATUS_COLOURS, STATUS_WORDS, Status, status_word
from planner_gui.exchange import ledger_layout
from planner_gui.reports import labels

SOURCE = Path(__file__).resolve().parents[1] / "src" / "planner_gui"


def test_every_word_has_chinese_and_english():
    for table in (words.STATUS_WORDS, words.LABELS, words.HEADERS, words.INDICATOR_HEADERS, words.SHEET_NAMES):
        assert set(table) == set(words.LANGUAGES)
        assert set(table["zh"]) == set(table["en"])
        for lang in words.LANGUAGES:
            assert all(text.strip() for text in table[lang].values())


def test_every_status_has_a_word_and_a_colour():
    for status in Status:
        assert status_word(status, "zh") == words.STATUS_WORDS["zh"][status.value]
        assert status_word(status, "en") == words.STATUS_WORDS["en"][status.value]
        assert STATUS_COLOURS[status] == words.STATUS_COLOURS[status.value]
    assert set(STATUS_WORDS["zh"]) == set(Status)


def test_the_old_tables_are_the_same_objects():
    assert labels.LABELS is words.LABELS
    assert ledger_layout.HEADERS is words.HEADERS
    assert ledger_layout.INDICATOR_HEADERS is words.INDICATOR_HEADERS
    assert ledger_layout.SHEET_NAMES is words.SHEET_NAMES


def test_no_status_word_or_colour_is_written_twice_in_the_source():
    """A word table copied into another module would drift from this one."""
    for needle in ('"滞后"', '"#dc2626"', '"工作进展情况汇总"', '"进展ID"'):
        holders = [p.relative_to(SOURCE).as_posix() for p in SOURCE.rglob("*.py") if needle in p.read_text("utf-8")]
        assert holders == ["domain/words.py"], (needle, holders)
