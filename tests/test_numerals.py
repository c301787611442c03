"""Chinese numerals as written in plans: 二千四百, 两万五, 三点五, 1.5万."""

from __future__ import annotations

import pytest

from planner_gui.domain.numerals import chinese_to_int, to_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("十", 10), ("十二", 12), ("二十六", 26), ("三十一", 31), ("一百零八", 108), ("二千四百", 2400),
        ("一万零五百", 10500), ("二〇二四", 2024), ("三千五", 3500), ("两万五", 25000), ("一百五", 150),
        ("五百", 500), ("一亿二千万", 120_000_000),
    ],
)
def test_chinese_integers(text, value):
    assert chinese_to_int(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.5万", 15000), ("３０", 30), ("三点五", 3.5), ("一点二万", 12000), ("零点五", 0.5), ("2,400", 2400)],
)
def test_numbers_in_any_writing(text, value):
    assert to_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "点", "三点", "点五", "abc", "三点x"])
def test_not_numbers(text):
    assert to_number(text) is None
