"""`planner-cli export-pdf` on a plan file: PDF, HTML, scope and user errors."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from planner_gui.cli.main import main
from reports_helpers import AS_OF, LATEST_TEXT, TAGGED, needs_poppler, pdf_text, prepare_bundled


@pytest.fixture
def plan_file(bundled_store, db_path):
    ids = prepare_bundled(bundled_store)
    bundled_store.close()
    return db_path, ids


@needs_poppler
def test_export_pdf_writes_the_summary(plan_file, tmp_path, capsys):
    db, _ = plan_file
    out = tmp_path / "summary.pdf"
    assert main(["export-pdf", "--db", str(db), "--out", str(out),
                 "--as-of", AS_OF.isoformat()]) == 0
    assert "wrote" in capsys.readouterr().out
    text = pdf_text(out)
    assert "丰台区2024年度重点工作任务" in text and LATEST_TEXT in "".join(text.split())


@needs_poppler
def test_export_pdf_in_english_with_a_leaders_letter(plan_file, tmp_path):
    db, ids = plan_file
    out = tmp_path / "letter.pdf"
    assert main(["export-pdf", "--db", str(db), "--out", str(out), "--as-of", "2024-09-30",
                 "--leader", ids["museum_leader"], "--lang", "en", "--letter-only"]) == 0
    text = pdf_text(out)
    assert "Target responsibility letter" in text
    assert "Signature of the responsible leader" in text
    assert "Progress summary" not in text


def test_export_html_by_suffix(plan_file, tmp_path):
    db, _ = plan_file
    out = tmp_path / "summary.html"
    assert main(["export-pdf", "--db", str(db), "--out", str(out), "--as-of", "2024-09-30"]) == 0
    html = out.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert LATEST_TEXT in html and "&lt;b&gt;x&lt;/b&gt;" in html and TAGGED not in html


@pytest.mark.parametrize("option, value, words", [
    ("--leader", "无名氏", "no leader named '无名氏'"),
    ("--area", "没有这个方面", "no area named '没有这个方面'"),
    ("--unit", "没有这个单位", "no unit named '没有这个单位'"),
])
def test_unknown_names_exit_1_with_one_line(plan_file, tmp_path, capsys, option, value, words):
    db, _ = plan_file
    out = tmp_path / "x.pdf"
    assert main(["export-pdf", "--db", str(db), "--out", str(out), option, value]) == 1
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()


def test_bad_language_is_a_usage_error(plan_file, tmp_path, capsys):
    db, _ = plan_file
    with pytest.raises(SystemExit) as exit_info:
        main(["export-pdf", "--db", str(db), "--out", str(tmp_path / "x.pdf"), "--lang", "fr"])
    assert exit_info.value.code == 2
    assert "--lang" in capsys.readouterr().err


def test_letter_only_needs_a_leader(plan_file, tmp_path, capsys):
    db, _ = plan_file
    with pytest.raises(SystemExit) as exit_info:
        main(["export-pdf", "--db", str(db), "--out", str(tmp_path / "x.pdf"), "--letter-only"])
    assert exit_info.value.code == 2
    assert "--letter-only needs --leader" in capsys.readouterr().err


@needs_poppler
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses a fontconfig file")
def test_chinese_renders_on_a_machine_without_fonts(plan_file, tmp_path):
    """A fontconfig that finds no font at all: the PDF still has its Chinese,
    in the bundled font, embedded, with text that can be searched."""
    db, _ = plan_file
    conf = tmp_path / "no-fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{tmp_path / 'no-fonts-here'}</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir>"
        "</fontconfig>", "utf-8")
    out = tmp_path / "bare.pdf"
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen"}
    code = ("import sys; from planner_gui.cli.main import main; "
            f"sys.exit(main(['export-pdf', '--db', {str(db)!r}, '--out', {str(out)!r}, "
            "'--as-of', '2024-09-30']))")
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True,
                   timeout=120)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(line.startswith("PlannerSansSC") for line in fonts), fonts
    assert "丰台区2024年度重点工作任务" in pdf_text(out) and "需关注事项" in pdf_text(out)
