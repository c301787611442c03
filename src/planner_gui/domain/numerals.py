"""Chinese numerals (一, 十二, 二十六, 两千, 1.5万) to numbers."""

from __future__ import annotations

import re

DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CHINESE_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
NUMBER_PATTERN = re.compile(rf"[0-9０-９.．]+|[{CHINESE_NUMERAL_CHARS}]+")

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


def chinese_to_int(text: str) -> int | None:
    """二十六 -> 26, 一千二百 -> 1200, 十 -> 10; None when ``text`` is not a numeral."""
    if not text or any(ch not in DIGITS and ch not in SMALL_UNITS and ch not in BIG_UNITS for ch in text):
        return None
    total = 0      # finished big-unit sections
    section = 0    # below 万
    digit: int | None = None
    last_unit = 1  # the unit just before the trailing digits
    trailing = ""  # digit characters since that unit
    for ch in text:
        if ch in DIGITS:
            trailing += ch
            if digit is not None and digit != 0:
                # digits written one after another (二〇二四) read positionally
                digit = digit * 10 + DIGITS[ch]
            else:
                digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit, last_unit, trailing = None, SMALL_UNITS[ch], ""
        elif ch == "万":  # multiplies the part since the last 亿
            total += (section + (digit or 0)) * BIG_UNITS[ch]
            section = 0
            digit, last_unit, trailing = None, BIG_UNITS[ch], ""
        else:  # 亿 multiplies everything before it
            total = (total + section + (digit or 0)) * BIG_UNITS[ch]
            section = 0
            digit, last_unit, trailing = None, BIG_UNITS[ch], ""
    if digit and len(trailing) == 1 and last_unit >= 100:
        # 三千五 is 3500 and 两万五 25000: one digit after a unit counts in the next unit down
        digit *= last_unit // 10
    return total + section + (digit or 0)


MAX_FIGURE = 1e15  # beyond this no figure in a plan is meant, and a float is no longer exact


def to_number(text: str) -> float | None:
    """A number written in digits, full-width digits, Chinese numerals, or mixed (1.5万); None also
    for a figure of MAX_FIGURE or more (a 400-digit 个方面 in a pasted text)."""
    try:
        value = _to_number(text)
    except OverflowError:  # 亿亿亿…: an integer no float can hold
        return None
    return value if value is None or abs(value) < MAX_FIGURE else None


def _to_number(text: str) -> float | None:
    if not text:
        return None
    text = text.translate(_FULLWIDTH).replace(",", "").replace(" ", "")
    multiplier = 1
    while text and text[-1] in BIG_UNITS and len(text) > 1 and (text[-2].isdigit() or text[-2] == "."):
        multiplier *= BIG_UNITS[text[-1]]
        text = text[:-1]
    try:
        return float(text) * multiplier
    except ValueError:
        pass
    if "点" in text:
        return _chinese_decimal(text)
    value = chinese_to_int(text)
    return None if value is None else float(value * multiplier)


def _chinese_decimal(text: str) -> float | None:
    """三点五 -> 3.5, 一点二万 -> 12000; None when ``text`` is not such a number."""
    multiplier = 1
    while len(text) > 1 and text[-1] in BIG_UNITS:
        multiplier *= BIG_UNITS[text[-1]]
        text = text[:-1]
    whole, _, fraction = text.partition("点")
    value = chinese_to_int(whole)
    if value is None or not fraction or any(ch not in DIGITS for ch in fraction):
        return None
    decimals = "".join(str(DIGITS[ch]) for ch in fraction)
    return float(f"{value}.{decimals}") * multiplier
