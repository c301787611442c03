"""Deadlines written in words resolve to the last day they mean."""

from __future__ import annotations

from datetime import date

import pytest

from planner_gui.domain.dates import format_date_words, resolve_deadline, year_from_text
from planner_gui.domain.numerals import chinese_to_int, to_number


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("4月底前", date(2024, 4, 30)),
        ("10月底", date(2024, 10, 31)),
        ("9月1日", date(2024, 9, 1)),
        ("今年9月1日投入使用", date(2024, 9, 1)),
        ("年内", date(2024, 12, 31)),
        ("年底前", date(2024, 12, 31)),
        ("上半年", date(2024, 6, 30)),
        ("下半年", date(2024, 12, 31)),
        ("一季度", date(2024, 3, 31)),
        ("三季度末", date(2024, 9, 30)),
        ("第二季度", date(2024, 6, 30)),
        ("2025年8月完工", date(2025, 8, 31)),
        ("2025年实现全覆盖", date(2025, 12, 31)),
        ("明年6月", date(2025, 6, 30)),
        ("2月底前", date(2024, 2, 29)),  # leap year
        ("十二月底", date(2024, 12, 31)),
        ("6月中旬", date(2024, 6, 20)),
        ("2024-05-06", date(2024, 5, 6)),
        ("2024/5/6", date(2024, 5, 6)),
        ("长期坚持", None),
        ("", None),
        ("13月底", None),
        ("2月30日", None),
    ],
)
def test_resolve_deadline(words, expected):
    assert resolve_deadline(words, 2024) == expected


def test_year_from_text():
    assert year_from_text("丰台区2024年度重点工作任务") == 2024
    assert year_from_text("2 0 2 4 年 春 节") == 2024
    assert year_from_text("没有年份") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("二十六", 26), ("十", 10), ("一千二百", 1200), ("两万", 20000), ("一百零五", 105), ("二〇二四", 2024)],
)
def test_chinese_numerals(text, value):
    assert chinese_to_int(text) == value


def test_to_number_mixed():
    assert to_number("1.5万") == 15000
    assert to_number("１２") == 12
    assert to_number("五十") == 50
    assert to_number("many") is None


def test_format_date_words():
    assert format_date_words(date(2024, 4, 30)) == "2024年4月30日"
    assert format_date_words(date(2024, 4, 30), "en") == "30 Apr 2024"
    assert format_date_words(None) == ""
