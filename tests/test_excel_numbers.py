"""The fast reader's copy of Excel's number-format rules agrees with openpyxl's."""

from __future__ import annotations

import pytest
from openpyxl.styles.numbers import BUILTIN_FORMATS
from openpyxl.styles.numbers import is_date_format as openpyxl_is_date
from openpyxl.styles.numbers import is_timedelta_format as openpyxl_is_timedelta
from openpyxl.utils.datetime import MAC_EPOCH as OPENPYXL_MAC
from openpyxl.utils.datetime import from_excel as openpyxl_from_excel

from planner_gui.exchange import excel_numbers

FORMATS = [*BUILTIN_FORMATS.values(), "yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "[$-804]yyyy年m月",
           "[Red]0.00", '"d"0', r"\d0", "_d0", "[h]:mm", "[mm]:ss", "0.0%;[Red]-0.0%", "", None,
           "[DBNum1]General", "mmm-yy;@", "@;yyyy"]


def test_builtin_formats_are_openpyxls():
    assert excel_numbers.BUILTIN_FORMATS == BUILTIN_FORMATS


@pytest.mark.parametrize("code", FORMATS)
def test_date_and_elapsed_time_formats_are_recognised_alike(code):
    assert excel_numbers.is_date_format(code) == openpyxl_is_date(code)
    assert excel_numbers.is_timedelta_format(code) == openpyxl_is_timedelta(code)


@pytest.mark.parametrize("serial", [0, 0.5, 0.999994, 1, 59, 60, 61, 45473, 45473.25, 2957000.99])
def test_serials_become_the_same_dates_times_and_spans(serial):
    assert excel_numbers.from_excel(serial) == openpyxl_from_excel(serial)
    assert excel_numbers.from_excel(serial, excel_numbers.MAC_EPOCH) == openpyxl_from_excel(serial, OPENPYXL_MAC)
    assert excel_numbers.from_excel(serial, timedelta=True) == openpyxl_from_excel(serial, timedelta=True)
