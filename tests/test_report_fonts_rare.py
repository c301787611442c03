"""Issue 24, case 8: rare name characters print from the bundled font, with no system font."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from planner_gui.resources_path import resource_path
from reports_helpers import needs_poppler, pdf_text

NAMES = ["王喆", "李堃", "张珺", "陈昇", "刘祎"]  # characters outside GB 2312, common in names


@pytest.mark.parametrize("face", ["PlannerSansSC-Regular.ttf", "PlannerSansSC-Bold.ttf"])
def test_the_bundled_font_has_every_cjk_unified_ideograph_noto_has(qapp, face):
    from PySide6.QtGui import QRawFont

    font = QRawFont(str(resource_path("fonts", face)), 12)
    assert font.isValid()
    # U+4E00..U+9FEF: the whole block but its last 16 (Unicode 12-14), which no Noto Sans CJK has
    missing = [hex(c) for c in range(0x4E00, 0x9FF0) if not font.supportsCharacter(c)]
    assert missing == []
    # names, and characters of the 通用规范汉字表 outside the block (Extension A, B, E)
    assert [ch for ch in "喆堃珺昇祎䶮𬌗𫓧𬇙" if not font.supportsCharacter(ord(ch))] == []


@needs_poppler
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses a fontconfig file")
def test_rare_names_print_in_the_letter_with_no_system_font(tmp_path):
    from planner_gui.domain.model import Area, Plan, Task
    from planner_gui.store import PlanStore

    tasks = [Task(title=f"重点任务{i}", leader=name, lead_unit="区发改委") for i, name in enumerate(NAMES)]
    db = tmp_path / "plan.sqlite"
    PlanStore.create(db, Plan(title="测试区2024年度重点工作任务", year=2024,
                              areas=[Area(name="方面", tasks=tasks)])).close()
    conf = tmp_path / "no-fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{tmp_path / 'no-fonts-here'}</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir>"
        "</fontconfig>", "utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen"}
    assert subprocess.run(["fc-list"], env=env, capture_output=True, text=True).stdout.strip() == ""
    outs = []
    for leader in (NAMES[0], None):
        out = tmp_path / f"{leader or 'summary'}.pdf"
        args = ["export-pdf", "--db", str(db), "--out", str(out), "--as-of", "2024-09-30"]
        args += ["--leader", leader] if leader else []
        code = f"import sys; from planner_gui.cli.main import main; sys.exit(main({args!r}))"
        subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, timeout=120)
        outs.append(out)
    for out in outs:
        fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                               check=True).stdout.splitlines()[2:]
        assert fonts and all(line.startswith("PlannerSansSC") for line in fonts), fonts
    letter, summary = (pdf_text(out) for out in outs)
    assert NAMES[0] in letter
    assert all(name in summary for name in NAMES)
