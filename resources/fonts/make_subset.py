"""Rebuild the bundled CJK font subset (run by hand; not imported by the program).

Source: Noto Sans CJK SC from Debian's fonts-noto-cjk (SIL OFL 1.1). Kept:
ASCII, Latin-1, general and CJK punctuation, full-width forms, the GB2312
character set (6763 hanzi + symbols), every ideograph the SC face has (the CJK
Unified Ideographs block, Extension A, its Extension B-G glyphs, compatibility
ideographs: about 30,000, which hold the 8,105 of the 通用规范汉字表) and every
character of the bundled plan. Kana, Hangul and the other regions' variants are
left out: that is what keeps the font at a third of the full face.
The CFF outlines are converted to TrueType (quadratic) outlines: Qt embeds
both as "CID TrueType", but with the CFF original the text pdftotext extracts
was wrong for glyphs shared by several code points (工 came out as the Kangxi
radical ⼯); the TrueType subset extracts correctly (tests/test_reports_pdf.py).
The family is renamed (OFL: a modified version must not use the original
name as its primary name) to "Planner Sans SC".

    python resources/fonts/make_subset.py [bold]
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

HERE = Path(__file__).resolve().parent
SC_INDEX = 2  # Noto Sans CJK SC inside the .ttc
FAMILY = "Planner Sans SC"


def gb2312_chars() -> set[str]:
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


IDEOGRAPH_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF))


def _is_ideograph(code: int) -> bool:
    return any(start <= code <= end for start, end in IDEOGRAPH_RANGES)


def sc_cmap() -> dict[int, str]:
    return TTCollection("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc").fonts[SC_INDEX].getBestCmap()


def wanted_text() -> str:
    chars = {chr(c) for c in range(0x20, 0x7F)} | {chr(c) for c in range(0xA0, 0x100)}
    for start, end in ((0x2000, 0x206F), (0x2190, 0x21FF), (0x2460, 0x24FF), (0x25A0, 0x25FF),
                       (0x3000, 0x303F), (0xFF00, 0xFFEF)):
        chars |= {chr(c) for c in range(start, end + 1)}
    chars |= gb2312_chars()
    # Every ideograph the SC face has (issue 24): the whole CJK Unified Ideographs block (but for
    # U+9FF0-9FFF, which no Noto Sans CJK has), Extension A, the SC glyphs of Extensions B-G and
    # the compatibility ideographs. That holds all 8,105 characters of the 通用规范汉字表 (Noto
    # Sans CJK SC is made to cover it, and GB 18030) and the rare characters of people's names
    # (喆 堃 珺 昇 祎), which GB 2312 lacks.
    chars |= {chr(c) for c in sc_cmap() if _is_ideograph(c)}
    plan = HERE.parent / "plans" / "fengtai_2024.json"
    chars |= set(plan.read_text(encoding="utf-8"))
    return "".join(sorted(c for c in chars if c.isprintable() or c.isspace()))


def to_truetype(font) -> None:
    """Replace CFF outlines with quadratic glyf outlines (fontTools otf2ttf recipe)."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                 "maxComponentElements", "maxPoints", "maxContours",
                 "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 2.0
    font["post"].extraNames = []
    font["post"].mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font, style: str) -> None:
    names = font["name"]
    full = f"{FAMILY} {style}" if style != "Regular" else FAMILY
    ps = f"PlannerSansSC-{style}"
    for record in list(names.names):
        if record.nameID in (1, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (2, 17):
            names.setName(style, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 4:
            names.setName(full, 4, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(ps, 6, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 3:
            names.setName(f"{ps};subset", 3, record.platformID, record.platEncID, record.langID)
    # Localised names (e.g. 思源黑体 / Noto Sans CJK SC in Chinese) would shadow the new family.
    names.names = [r for r in names.names if r.nameID not in (1, 4, 16) or r.toUnicode() in (FAMILY, full)]


def build(style: str) -> Path:
    source = f"/usr/share/fonts/opentype/noto/NotoSansCJK-{style}.ttc"
    font = TTCollection(source).fonts[SC_INDEX]
    options = subset.Options()
    options.layout_features = ["kern", "vert", "vrt2", "locl", "halt", "palt"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.hinting = False
    options.notdef_outline = True
    options.drop_tables += ["DSIG", "GPOS", "GSUB", "BASE", "VORG", "vhea", "vmtx"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=wanted_text())
    subsetter.subset(font)
    to_truetype(font)
    rename(font, style)
    out = HERE / f"PlannerSansSC-{style}.ttf"
    font.save(out)
    return out


if __name__ == "__main__":
    styles = ["Regular", "Bold"] if "bold" in sys.argv[1:] else ["Regular"]
    for style in styles:
        path = build(style)
        print(f"{path}: {path.stat().st_size / 1e6:.1f} MB")
